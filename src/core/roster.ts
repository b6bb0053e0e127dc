// The roster of units that must report (SPEC §5), from CSV text or the first sheet of a workbook:
// columns MA_DON_VI, TEN_DON_VI, LOAI_DON_VI in any order, checked with zod, Vietnamese errors.

import { UNIT_TYPES } from "./catalogue";
import { rosterUnitSchema, type RosterUnit } from "./profile";
import { cleanName, foldKey, matchOption } from "./text";
import { cellText } from "./values";
import { columnLetters, type Sheet, type Workbook } from "./workbook";

export type RosterOutcome =
  { readonly ok: true; readonly units: RosterUnit[] } | { readonly ok: false; readonly errors: string[] };

const COLUMNS = [
  { key: "code", header: "MA_DON_VI", label: "Mã đơn vị" },
  { key: "name", header: "TEN_DON_VI", label: "Tên đơn vị" },
  { key: "type", header: "LOAI_DON_VI", label: "Loại đơn vị" },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];

/** "Mã đơn vị", "ma_don_vi" and "MA DON VI" all name the same column. */
function headerKey(text: string): string {
  return foldKey(text).replace(/[\s_-]+/g, "_");
}

const HEADER_KEYS: ReadonlyArray<readonly [string, ColumnKey]> = COLUMNS.flatMap((c) => [
  [headerKey(c.header), c.key] as const,
  [headerKey(c.label), c.key] as const,
]);

const TYPE_HINT = UNIT_TYPES.map((t) => `“${t.label}”`).join("; ");
const HEADER_HINT =
  "Dòng đầu tiên (hoặc dòng ngay dưới các dòng tên danh sách) phải là tiêu đề gồm ba cột MA_DON_VI, TEN_DON_VI, LOAI_DON_VI (thứ tự tùy ý).";

/** A row of cells with where each cell is, for messages ("dòng 5", "ô B5"). */
interface RawRow {
  readonly where: string;
  readonly cells: readonly string[];
  readonly cellName: (col: number) => string;
}

/** Parse CSV text (UTF-8, with or without BOM, "," or ";" separated, RFC 4180 quotes). */
export function parseRosterCsv(text: string): RosterOutcome {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const rows: RawRow[] = records.map(({ line, cells }) => ({
    where: `Dòng ${line}`,
    cells,
    cellName: (c) => `cột ${c + 1}`,
  }));
  return rosterFromRows(rows, "tệp CSV");
}

/** Parse the first sheet of a workbook (header in the first non-empty row, or below a few title rows). */
export function parseRosterWorkbook(workbook: Workbook): RosterOutcome {
  const sheet = workbook.sheets[0];
  if (!sheet) return { ok: false, errors: ["Sổ tính không có trang tính nào. " + HEADER_HINT] };
  const rows: RawRow[] = [];
  sheet.rows.forEach((row, r) => {
    const cells = (row ?? []).map((cell) => cellText(cell));
    rows.push({ where: `Dòng ${r + 1}`, cells, cellName: (c) => `ô ${columnLetters(c)}${r + 1}` });
  });
  return rosterFromRows(rows, `trang “${sheet.name}”`);
}

/** Title rows a roster may have above its header ("DANH SÁCH ĐƠN VỊ…", a date line). */
const MAX_TITLE_ROWS = 4;

/** The columns a row names, as roster column keys. */
function headerColumns(cells: readonly string[]): Set<ColumnKey | undefined> {
  return new Set(cells.map((text) => HEADER_KEYS.find(([k]) => k === headerKey(text))?.[1]));
}

/**
 * The header row: the first non-empty row naming both the code and the name column, among the first
 * few (title rows above it are skipped); else the first non-empty row, which the errors then name.
 */
function headerIndex(rows: readonly { readonly cells: readonly string[] }[]): number {
  const found = rows.slice(0, MAX_TITLE_ROWS + 1).findIndex((r) => {
    const keys = headerColumns(r.cells);
    return keys.has("code") && keys.has("name");
  });
  return Math.max(0, found);
}

/**
 * A sheet whose header (below at most a few title rows) names the roster's code and name columns
 * (MA_DON_VI, TEN_DON_VI or "Mã đơn vị", "Tên đơn vị"): a roster workbook, not a unit's report.
 */
export function isRosterSheet(sheet: Sheet): boolean {
  const rows = sheet.rows
    .map((row) => ({ cells: (row ?? []).map((cell) => cellText(cell)) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  const head = rows[headerIndex(rows)];
  const keys = headerColumns(head?.cells ?? []);
  return keys.has("code") && keys.has("name");
}

function rosterFromRows(all: readonly RawRow[], source: string): RosterOutcome {
  const nonEmpty = all.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const rows = nonEmpty.slice(headerIndex(nonEmpty));
  const head = rows[0];
  if (!head) return { ok: false, errors: [`Danh sách đơn vị trống (${source}). ${HEADER_HINT}`] };
  const columns = new Map<ColumnKey, number>();
  const errors: string[] = [];
  head.cells.forEach((text, i) => {
    const key = HEADER_KEYS.find(([k]) => k === headerKey(text))?.[1];
    if (key === undefined) return;
    if (columns.has(key))
      errors.push(
        `${head.where}: cột ${COLUMNS.find((c) => c.key === key)?.header ?? key} xuất hiện hai lần. Chỉ giữ một cột.`,
      );
    else columns.set(key, i);
  });
  const absent = COLUMNS.filter((c) => !columns.has(c.key));
  if (absent.length > 0) {
    errors.push(`${head.where}: thiếu cột ${absent.map((c) => c.header).join(", ")}. ${HEADER_HINT}`);
  }
  if (errors.length > 0) return { ok: false, errors };

  const units: RosterUnit[] = [];
  const firstSeen = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const at = (key: ColumnKey): number => columns.get(key) ?? 0;
    const get = (key: ColumnKey): string => (row.cells[at(key)] ?? "").normalize("NFC").trim();
    const typeText = get("type");
    const type =
      typeText === ""
        ? undefined
        : (UNIT_TYPES.find((t) => t.id === typeText.toUpperCase()) ?? matchOption(UNIT_TYPES, typeText));
    const parsed = rosterUnitSchema.safeParse({
      code: get("code"),
      name: cleanName(get("name")),
      type: type?.label ?? typeText,
    });
    const rowErrors: string[] = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "name" ? "name" : issue.path[0] === "type" ? "type" : "code";
        const shown = get(key);
        rowErrors.push(
          key === "code"
            ? `${row.where} (${row.cellName(at("code"))}): ${shown.trim() === "" ? "chưa có mã đơn vị" : `mã đơn vị “${shown}” không hợp lệ`}. Dùng 2–32 ký tự gồm chữ không dấu A–Z, số 0–9 và _ . - (ví dụ SO_NOI_VU).`
            : `${row.where} (${row.cellName(at(key))}): ${key === "name" ? "chưa có tên đơn vị. Nhập tên đầy đủ của đơn vị." : `loại đơn vị “${shown}” không hợp lệ.`}`,
        );
      }
    }
    if (!type) {
      rowErrors.push(
        `${row.where} (${row.cellName(at("type"))}): ${typeText === "" ? "chưa có loại đơn vị" : `loại đơn vị “${typeText}” không hợp lệ`}. Nhập một trong: ${TYPE_HINT}.`,
      );
    }
    if (rowErrors.length > 0 || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const unit = parsed.data;
    const first = firstSeen.get(unit.code);
    if (first !== undefined) {
      errors.push(
        `${row.where}: mã đơn vị ${unit.code} trùng với ${first.toLowerCase()}. Mỗi đơn vị chỉ ghi một dòng; xóa dòng thừa.`,
      );
      continue;
    }
    firstSeen.set(unit.code, row.where);
    units.push(unit);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (units.length === 0)
    return { ok: false, errors: [`Danh sách đơn vị chỉ có dòng tiêu đề, chưa có đơn vị nào (${source}).`] };
  return { ok: true, units };
}

/** RFC 4180 records with their 1-based starting line; the separator is ";" when the header has more ";" than ",". */
function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const outside = firstLine.replace(/"[^"]*"/g, "");
  const sep = (outside.match(/;/g)?.length ?? 0) > (outside.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endField = (): void => {
    cells.push(field);
    field = "";
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (ch === sep) endField();
    else if (ch === "\r" && text[i + 1] === "\n") continue;
    else if (ch === "\n" || ch === "\r") {
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== "" || cells.length > 0) endRecord();
  return records;
}
