// The roster of units that must report (SPEC §5), from CSV text or the first sheet of a workbook:
// columns MA_DON_VI, TEN_DON_VI, LOAI_DON_VI in any order, checked with zod, Vietnamese errors.

import { SHEETS, UNIT_TYPES } from "./catalogue";
import { rosterUnitSchema, type RosterUnit } from "./profile";
import { cleanName, matchOption, nfc } from "./text";
import { findSheet, isSummaryWorkbook } from "./template-sheets";
import { readMarker } from "./marker";
import { cellText } from "./values";
import { isIgnoredFileName } from "./file-kinds";
import { headerKey, unitTypeByAlias } from "./unit-types";
import { legacyTextNote } from "./findings";
import { unicodeWorkbook, type LegacySheet } from "./legacy-text";
import { INFO_COLS } from "./layout";
import { columnLetters, type Cell, type Sheet, type UnreadableReason, type Workbook } from "./workbook";

export type RosterOutcome =
  | {
      readonly ok: true;
      readonly units: RosterUnit[];
      /** What the analyst should know: group headings and total lines passed over, which sheet was read. */
      readonly notes?: readonly string[];
    }
  | { readonly ok: false; readonly errors: string[] };

const COLUMNS = [
  { key: "code", header: "MA_DON_VI", label: "Mã đơn vị" },
  { key: "name", header: "TEN_DON_VI", label: "Tên đơn vị" },
  { key: "type", header: "LOAI_DON_VI", label: "Loại đơn vị" },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];

/** The headers of each column as hand-made lists write them too ("Mã", "Tên cơ quan, đơn vị", "Loại hình"). */
const HEADER_ALIASES: Readonly<Record<ColumnKey, readonly string[]>> = {
  code: ["Mã", "Mã số", "Mã ĐV"],
  name: ["Tên", "Tên cơ quan", "Tên cơ quan, đơn vị", "Đơn vị", "Cơ quan, đơn vị"],
  type: ["Loại", "Loại hình", "Loại hình đơn vị", "Loại cơ quan"],
};

const HEADER_KEYS: ReadonlyArray<readonly [string, ColumnKey]> = COLUMNS.flatMap((c) => [
  [headerKey(c.header), c.key] as const,
  [headerKey(c.label), c.key] as const,
  ...HEADER_ALIASES[c.key].map((alias) => [headerKey(alias), c.key] as const),
]);

/**
 * The optional "Đơn vị cũ" column of a reorganised province (succession.ts), by headerKey: any header
 * with the word "cũ" ("Đơn vị cũ (trước sắp xếp)", "Mã cũ", "Tên ĐVHC cũ", "ĐV cũ"), "Đơn vị trước sáp
 * nhập", "Sáp nhập từ", "Sắp xếp từ", "Các đơn vị hợp nhất", "Thành lập trên cơ sở", "Tiền thân";
 * not "Tên đơn vị sau sắp xếp" (the name).
 */
const FORMERLY =
  /(?:^|_)cu(?:_|$)|truoc_sap_(?:xep|nhap)|(?:^|_)(?:sap_nhap|hop_nhat|sap_xep)(?:_tu)?$|tren_co_so|^tien_than/;

/** "Tên đơn vị mới", "Tên đơn vị sau sắp xếp": the column's header with what the reorganisation added. */
const AFTER_REORGANISATION = /_(?:moi|sau_sap_(?:xep|nhap))$/;

/** The roster column a header names, "formerly" for the predecessors' column. */
function columnOf(text: string): ColumnKey | "formerly" | undefined {
  const key = headerKey(text);
  if (key === "") return undefined;
  if (FORMERLY.test(key) && !/sau_sap_(?:xep|nhap)/.test(key)) return "formerly";
  const plain = key.replace(AFTER_REORGANISATION, "");
  return HEADER_KEYS.find(([k]) => k === key || k === plain)?.[1];
}

const TYPE_HINT = UNIT_TYPES.map((t) => `“${t.label}”`).join("; ");
const HEADER_HINT =
  "Dòng tiêu đề (dòng đầu tiên, hoặc dòng ngay dưới các dòng tên danh sách) phải có ba cột (thứ tự tùy ý): MA_DON_VI (hoặc “Mã đơn vị”, “Mã”), TEN_DON_VI (hoặc “Tên đơn vị”, “Tên”), LOAI_DON_VI (hoặc “Loại đơn vị”, “Loại”).";

/** A row of cells with where each cell is, for messages ("dòng 5", "ô B5"). */
interface RawRow {
  readonly where: string;
  readonly cells: readonly string[];
  readonly cellName: (col: number) => string;
}

/** A text file's encoding by its byte-order mark: UTF-16 (Excel's "Văn bản Unicode") when it says so, else UTF-8. */
export function textEncodingOf(bytes: Uint8Array): "utf-16le" | "utf-16be" | "utf-8" {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
}

/**
 * The encoding a text file's first bytes are read in to find a roster's header: textEncodingOf's, or
 * Windows' Vietnamese code page when they are no UTF-8 (Excel's plain "CSV (phân tách bằng dấu phẩy)"
 * on a Vietnamese Windows, which --roster refuses with how to save it as UTF-8). A character cut at
 * the end of `head` is no reason to leave UTF-8.
 */
export function rosterHeadEncodingOf(head: Uint8Array): ReturnType<typeof textEncodingOf> | "windows-1258" {
  const encoding = textEncodingOf(head);
  if (encoding !== "utf-8") return encoding;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return encoding;
  } catch {
    return "windows-1258";
  }
}

/**
 * A roster file's text: UTF-16 when its byte-order mark says so (Excel's "Văn bản Unicode" / "Unicode
 * Text", tab-separated), else UTF-8 (with or without BOM); undefined when the bytes are not UTF-8 (an
 * ANSI "CSV (phân tách bằng dấu phẩy)" of a Vietnamese Windows), for the caller to say how to save it.
 */
export function rosterText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(textEncodingOf(bytes), { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Parse CSV text (with or without BOM, "," ";" or tab separated, RFC 4180 quotes). */
export function parseRosterCsv(text: string): RosterOutcome {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  // Names typed in TCVN3 or VNI (a list kept since the .VnTime days) read as Unicode, and said: as a
  // workbook's cells are (unicodeWorkbook, with its second look by the encoding other cells show).
  const typed: Workbook = {
    date1904: false,
    definedNames: {},
    sheets: [
      {
        name: "CSV",
        rows: records.map(({ cells }) => cells.map((value): Cell => ({ value: { kind: "string", value } }))),
      },
    ],
  };
  const { workbook, legacy } = unicodeWorkbook(typed);
  const read = workbook.sheets[0]!.rows;
  const rows: RawRow[] = records.map(({ line }, i) => ({
    where: `Dòng ${line}`,
    cells: (read[i] ?? []).map((cell) => (cell?.value.kind === "string" ? cell.value.value : "")),
    cellName: (c) => `cột ${c + 1}`,
  }));
  return withLegacyNote(rosterFromRows(rows, "tệp CSV"), legacy);
}

/** An outcome (a roster that could be read) with a note first on its cells typed in each of TCVN3 and VNI. */
function withLegacyNote(outcome: RosterOutcome, legacy: readonly LegacySheet[]): RosterOutcome {
  if (!outcome.ok || legacy.length === 0) return outcome;
  const notes = (["TCVN3", "VNI"] as const).flatMap((encoding) => {
    const typed = legacy.filter((l) => l.encoding === encoding);
    const first = typed[0];
    if (first === undefined) return [];
    const cells = typed.reduce((n, l) => n + l.cells.length, 0);
    // Cells in .VnTimeH by sheet, each sheet named once when more than one has some.
    const capitals = typed.map((l) => ({ sheet: l.sheet, cells: l.capitals ?? [] }));
    const fonts = [...new Set(typed.flatMap((l) => l.fonts ?? []))];
    return [legacyTextNote(encoding, cells, first.typed, first.read, capitals, fonts)];
  });
  return { ...outcome, notes: [...notes, ...(outcome.notes ?? [])] };
}

/**
 * Parse the first sheet of a workbook whose header (in the first non-empty row, or below a few title
 * rows) names the code and name columns ("Hướng dẫn" before "Danh sách" is passed over); else the
 * first sheet, whose errors then say what is missing.
 */
export function parseRosterWorkbook(typed: Workbook): RosterOutcome {
  const { workbook, legacy } = unicodeWorkbook(typed);
  return withLegacyNote(rosterOfWorkbook(workbook), legacy);
}

function rosterOfWorkbook(workbook: Workbook): RosterOutcome {
  const sheets = workbook.sheets.map((sheet) => ({ sheet, rows: rawRows(sheet) }));
  const first = sheets[0];
  if (!first) return { ok: false, errors: ["Sổ tính không có trang tính nào. " + HEADER_HINT] };
  // Of the sheets with a list's header, the one with the most rows under it: a guide sheet's worked
  // example ("Hướng dẫn": a header and one sample row) is not the list.
  const listed = sheets
    .map((x) => {
      const nonEmpty = x.rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
      const at = headerIndex(nonEmpty);
      const keys = headerColumns(nonEmpty[at]?.cells ?? []);
      return { ...x, listed: keys.has("code") && keys.has("name"), below: nonEmpty.length - at - 1 };
    })
    .filter((x) => x.listed);
  const chosen = listed.reduce<(typeof listed)[number] | undefined>(
    (best, x) => (best === undefined || x.below > best.below ? x : best),
    undefined,
  );
  const { sheet, rows } = chosen ?? first;
  const outcome = rosterFromRows(rows, `trang “${sheet.name}”`);
  // A unit's report or a summary picked by mistake: said as what it is, not as a list's missing columns.
  const instead = outcome.ok ? null : notARoster(workbook);
  if (instead !== null) return { ok: false, errors: [`${instead} ${ROSTER_IS}`] };
  const others = listed.filter((x) => x !== chosen).map((x) => `“${x.sheet.name}”`);
  if (!outcome.ok || others.length === 0) return outcome;
  return {
    ...outcome,
    notes: [
      `đọc ${outcome.units.length} đơn vị ở trang “${sheet.name}” (trang ${others.join(", ")} cũng có dòng tiêu đề danh sách nhưng ít dòng hơn, không đọc).`,
      ...(outcome.notes ?? []),
    ],
  };
}

/**
 * A roster file that is text but no list: a web page or XML (what some programs "export to Excel" as
 * .xls), or JSON (KL226's own --json summary). Said as such, with what to do, instead of a CSV without
 * a header.
 */
export function textNotRosterMessage(fileName: string, text: string): string | null {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(fileName)?.[0].toLowerCase();
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (body.startsWith("{") || body.startsWith("["))
    return `tệp${ext !== undefined ? ` ${ext}` : ""} này là dữ liệu JSON (như dữ liệu tổng hợp .json do KL226 lập), không phải danh sách đơn vị. ${ROSTER_IS}`;
  if (!body.startsWith("<")) return null;
  const named = ext === ".xml" || ext === ".html" || ext === ".htm";
  return `tệp${ext !== undefined ? ` ${ext}` : ""} này ${named ? "là" : "thực chất là"} trang web (HTML) hoặc XML do một phần mềm xuất ra, không phải sổ tính hay CSV; hãy mở tệp trong Excel rồi lưu dạng “Sổ làm việc Excel (*.xlsx)” hoặc “CSV UTF-8 (phân tách bằng dấu phẩy)”.`;
}

/** Why a roster named .xlsx did not read, for the reasons a clerk can act on (others: damaged or not a workbook). */
const ROSTER_UNREADABLE: Partial<Record<UnreadableReason, string>> = {
  TEXT_FILE:
    "tệp là văn bản (CSV…) được đặt đuôi .xlsx; hãy đổi đuôi tệp thành .csv, hoặc mở trong Excel và lưu dạng “Sổ làm việc Excel (*.xlsx)”",
  ENCRYPTED:
    "tệp được đặt mật khẩu; hãy gỡ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu, OK, rồi Lưu) rồi chạy lại",
  LEGACY_XLS:
    "tệp ở định dạng Excel 97–2003 (.xls); hãy mở trong Excel và lưu dạng “Sổ làm việc Excel (*.xlsx)”, hoặc lưu dạng “CSV UTF-8”",
  OPEN_DOCUMENT:
    "tệp là bảng tính OpenDocument (.ods); hãy mở trong LibreOffice Calc, lưu dạng “Excel 2007-365 (.xlsx)”, hoặc “Văn bản CSV” với bộ ký tự UTF-8",
  BINARY_XLSB: "tệp là sổ tính nhị phân (.xlsb); hãy mở trong Excel và lưu dạng “Sổ làm việc Excel (*.xlsx)”",
  EMPTY: "tệp rỗng (0 byte)",
  NO_WORKBOOK:
    "tệp không phải sổ tính Excel (có thể là văn bản Word đổi đuôi); danh sách đơn vị là tệp .csv (UTF-8) hoặc .xlsx có các cột MA_DON_VI, TEN_DON_VI, LOAI_DON_VI",
  ARCHIVE:
    "tệp là tệp nén (hoặc một tệp khác đổi đuôi), không phải sổ tính Excel; danh sách đơn vị là tệp .csv (UTF-8) hoặc .xlsx có các cột MA_DON_VI, TEN_DON_VI, LOAI_DON_VI",
};

/**
 * Why a roster file did not read as a workbook, in a roster's terms (the reports' messages tell a
 * unit to send its file again): Excel's lock file by its name and size, then the reason.
 */
export function rosterUnreadable(reason: UnreadableReason, fileName: string, size: number): string {
  if (fileName.startsWith("~$") && isIgnoredFileName(fileName, size))
    return `tệp “${fileName}” là tệp khóa tạm Excel ghi khi tệp “${fileName.slice(2)}” đang mở, không phải danh sách đơn vị; hãy chọn tệp “${fileName.slice(2)}”`;
  return (
    ROSTER_UNREADABLE[reason] ??
    "tệp .xlsx hỏng hoặc không đúng định dạng; hãy mở trong Excel, lưu lại dạng “Sổ làm việc Excel (*.xlsx)” hoặc CSV UTF-8"
  );
}

/** What a roster is, after saying what a picked file is instead. */
const ROSTER_IS =
  "Danh sách đơn vị là tệp .csv (UTF-8) hoặc .xlsx, mỗi dòng một đơn vị phải nộp báo cáo, với các cột MA_DON_VI, TEN_DON_VI, LOAI_DON_VI (như tệp roster.csv trong bộ mẫu): hãy chọn tệp danh sách đơn vị.";

/** A workbook KL226 made or reads that is not a roster: a unit's report (or blank template), or a summary. */
function notARoster(workbook: Workbook): string | null {
  if (isSummaryWorkbook(workbook))
    return "Tệp này là bảng tổng hợp do KL226 lập, không phải danh sách đơn vị (bảng tổng hợp năm trước chỉ dùng để đối chiếu số liệu cùng kỳ).";
  const marker = readMarker(workbook);
  if (marker.kind !== "marker") return null;
  const info = findSheet(workbook, SHEETS.info);
  const unit = info ? unitCodeIn(info) : null;
  return `Tệp này là ${unit !== null ? `báo cáo của đơn vị ${unit}` : "một báo cáo (hoặc mẫu báo cáo)"} theo mẫu ${marker.id}, không phải danh sách đơn vị.`;
}

/** Thông tin's MA_DON_VI value, when the sheet has that row and it is filled. */
function unitCodeIn(info: Sheet): string | null {
  for (const row of info.rows) {
    if (cellText(row?.[INFO_COLS.code]).trim() !== "MA_DON_VI") continue;
    const code = cellText(row?.[INFO_COLS.value]).trim();
    return code === "" ? null : code;
  }
  return null;
}

function rawRows(sheet: Sheet): RawRow[] {
  return sheet.rows.map((row, r) => ({
    where: `Dòng ${r + 1}`,
    cells: (row ?? []).map((cell) => cellText(cell)),
    cellName: (c: number) => `ô ${columnLetters(c)}${r + 1}`,
  }));
}

/**
 * Title rows a roster may have above its header: an official list's whole heading ("UBND TỈNH …",
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập …", the place and date, "DANH SÁCH …", "(Kèm theo …)").
 */
export const MAX_TITLE_ROWS = 12;

/** The columns a row names, as roster column keys (exported: a roster among the reports is told by them). */
export function headerColumns(cells: readonly string[]): Set<ColumnKey | "formerly" | undefined> {
  return new Set(cells.map(columnOf));
}

/**
 * The header row: the first non-empty row naming both the code and the name column, among the first
 * few (title rows above it are skipped); else the row naming the most roster columns, which the
 * errors then name (-1 when no row names any).
 */
function headerIndex(rows: readonly { readonly cells: readonly string[] }[]): number {
  const head = rows.slice(0, MAX_TITLE_ROWS + 1);
  const found = head.findIndex((r) => {
    const keys = headerColumns(r.cells);
    return keys.has("code") && keys.has("name");
  });
  if (found >= 0) return found;
  let best = -1;
  let most = 0;
  head.forEach((r, i) => {
    const n = [...headerColumns(r.cells)].filter((k) => k !== undefined).length;
    if (n > most) [best, most] = [i, n];
  });
  return best;
}

/** The code column's header as the list has it ("MA_DON_VI", "Mã đơn vị", "Mã"), in a header row's cells. */
export function codeHeaderOf(cells: readonly string[]): string | undefined {
  return cells.find((c) => columnOf(c) === "code")?.trim();
}

/**
 * The code column's header of a sheet whose header (below at most a few title rows) names the roster's
 * code and name columns (MA_DON_VI, TEN_DON_VI or "Mã đơn vị", "Tên đơn vị"): a roster workbook, not a
 * unit's report; undefined for any other sheet.
 */
export function rosterSheetCodeHeader(sheet: Sheet): string | undefined {
  const rows = sheet.rows
    .map((row) => ({ cells: (row ?? []).map((cell) => cellText(cell)) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  const head = rows[Math.max(0, headerIndex(rows))]?.cells ?? [];
  return headerColumns(head).has("name") ? codeHeaderOf(head) : undefined;
}

/** The unit type a roster's type cell names: an id ("UBND_XA"), a label, or a short name ("Xã", "Sở"). */
function unitTypeOf(text: string): (typeof UNIT_TYPES)[number] | undefined {
  return (
    UNIT_TYPES.find((t) => t.id === text.toUpperCase()) ??
    matchOption(UNIT_TYPES, text) ??
    unitTypeByAlias(text)
  );
}

/**
 * CSV text headed by the short words --roster also reads ("Mã;Tên;Loại", "Mã;Đơn vị;Loại hình") that is
 * a list by its rows: a type column, each complete row's type one --roster takes (Sở, Xã, Phường,
 * UBND_XA …; blank on a group's heading), at least one so. `text` may be a file's first characters
 * (`whole` false): its last line, perhaps cut, is not judged. A unit's own figures headed "Mã;Tên;…"
 * have no such column, or no types in it.
 */
export function isTypedRosterText(text: string, whole: boolean): boolean {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const complete = whole ? records : records.slice(0, -1);
  const [head, ...rows] = complete.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (head === undefined) return false;
  const keys = head.cells.map(columnOf);
  const typeAt = keys.indexOf("type");
  if (!keys.includes("code") || !keys.includes("name") || typeAt < 0) return false;
  const types = rows.map((r) => (r.cells[typeAt] ?? "").normalize("NFC").trim()).filter((t) => t !== "");
  return types.length > 0 && types.every((t) => unitTypeOf(t) !== undefined);
}

function rosterFromRows(all: readonly RawRow[], source: string): RosterOutcome {
  const nonEmpty = all.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (nonEmpty.length === 0)
    return { ok: false, errors: [`Danh sách đơn vị trống (${source}). ${HEADER_HINT}`] };
  const at = headerIndex(nonEmpty);
  if (at < 0)
    return {
      ok: false,
      errors: [
        `Không thấy dòng tiêu đề của danh sách đơn vị trong ${MAX_TITLE_ROWS + 1} dòng đầu có chữ (${source}). ${HEADER_HINT}`,
      ],
    };
  const rows = nonEmpty.slice(at);
  const head = rows[0]!;
  const columns = new Map<ColumnKey, number>();
  let formerly: number | undefined;
  let formerHeader = "";
  const errors: string[] = [];
  head.cells.forEach((text, i) => {
    const key = columnOf(text);
    if (key === "formerly" && formerly === undefined) [formerly, formerHeader] = [i, text.trim()];
    if (key === undefined || key === "formerly") return;
    if (columns.has(key))
      errors.push(
        `${head.where}: cột ${COLUMNS.find((c) => c.key === key)?.header ?? key} xuất hiện hai lần. Chỉ giữ một cột.`,
      );
    else columns.set(key, i);
  });
  // A header of two rows ("Loại đơn vị" merged down over both, the others in the lower one): a
  // column the header row lacks is taken from the row above, where no other column is.
  const above = nonEmpty[at - 1];
  if (above !== undefined)
    above.cells.forEach((text, i) => {
      const key = columnOf(text);
      if (key === "formerly") {
        if (formerly === undefined) [formerly, formerHeader] = [i, text.trim()];
      } else if (key !== undefined && !columns.has(key) && ![...columns.values()].includes(i))
        columns.set(key, i);
    });
  const absent = COLUMNS.filter((c) => !columns.has(c.key));
  if (absent.length > 0) {
    // The row taken as the header, what it has, and what to add: a title row above is not blamed.
    const has = COLUMNS.filter((c) => columns.has(c.key)).map(
      (c) => `${c.label} (${head.cellName(columns.get(c.key) ?? 0)})`,
    );
    errors.push(
      `${head.where} (${source}), dòng tiêu đề${has.length > 0 ? ` có cột ${has.join(", ")}` : ""}: thiếu cột ${absent.map((c) => `${c.label} (${c.header})`).join(", ")}.${absent.some((c) => c.key === "type") ? ` Thêm cột “Loại đơn vị” và ghi cho mỗi đơn vị một trong: ${TYPE_HINT}.` : ""} ${HEADER_HINT}`,
    );
  }
  if (errors.length > 0) return { ok: false, errors };

  const units: RosterUnit[] = [];
  const skipped: string[] = [];
  // Each unknown type's error, with the type and the row: the same one on many rows is said once.
  const badTypes = new Map<string, { readonly type: string; readonly where: string }>();
  // Names whose marked letters became "?" (a list saved in a code page without Vietnamese).
  const lostLetters: string[] = [];
  // Each code's first row: where it is and its cells as compared for a row pasted twice.
  const firstSeen = new Map<string, { readonly where: string; readonly cells: string }>();
  // Rows that repeat an earlier one cell for cell: taken once, and said.
  const repeated: string[] = [];
  for (const row of rows.slice(1)) {
    const at = (key: ColumnKey): number => columns.get(key) ?? 0;
    const get = (key: ColumnKey): string => (row.cells[at(key)] ?? "").normalize("NFC").trim();
    const typeText = get("type");
    const type = typeText === "" ? undefined : unitTypeOf(typeText);
    // A group's heading ("I. CÁC SỞ, BAN, NGÀNH") or a total line ("Tổng cộng: 63 đơn vị"): no code,
    // no type, and a name in capitals or a sum's word. Skipped, and said (a unit forgotten is not).
    const name = get("name");
    const used = new Set(columns.values());
    const number = used.has(0) ? "" : (row.cells[0] ?? "").trim();
    // The heading may stand in the code column when that comes first ("I. CẤP XÃ" under "Mã đơn vị"),
    // or in a column of its own, the STT's, merged across the row (the list's columns all empty).
    // There, any words are a heading (no unit has only an STT), and a total's words are one whatever
    // stands in the name column ("Tổng cộng | | 63 đơn vị").
    const outside =
      typeText === "" && get("code") === ""
        ? row.cells.map((c) => c.normalize("NFC").trim()).find((c, i) => c !== "" && !used.has(i))
        : undefined;
    const outsideHeading =
      outside !== undefined && ((name === "" && /\p{L}/u.test(outside)) || TOTAL_LINE.test(outside));
    const heading =
      typeText === ""
        ? get("code") === "" && isHeadingOrTotal(name, number)
          ? name
          : name === "" && isHeadingOrTotal(get("code"), number)
            ? get("code")
            : outsideHeading
              ? [outside, name].filter((x) => x !== "").join(" ")
              : undefined
        : undefined;
    if (heading !== undefined) {
      skipped.push(`${row.where} (“${heading}”)`);
      continue;
    }
    if (LOST_LETTER.test(name)) lostLetters.push(`${row.where} “${name}”`);
    const former = formerly === undefined ? "" : (row.cells[formerly] ?? "").normalize("NFC").trim();
    const parsed = rosterUnitSchema.safeParse({
      code: get("code"),
      name: cleanName(get("name")),
      type: type?.label ?? typeText,
      ...(former !== "" ? { formerly: former } : {}),
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
      if (typeText !== "") badTypes.set(rowErrors.at(-1)!, { type: typeText, where: row.where });
    }
    if (rowErrors.length > 0 || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const unit = parsed.data;
    const first = firstSeen.get(unit.code);
    const cells = rowCellsKey(row.cells);
    if (first !== undefined && first.cells === cells) {
      // The same row pasted twice (every column alike): one unit, counted once; said with both lines.
      repeated.push(`${row.where.toLowerCase()} lặp lại y hệt ${first.where.toLowerCase()} (${unit.code})`);
      continue;
    }
    if (first !== undefined) {
      errors.push(
        `${row.where}: mã đơn vị ${unit.code} trùng với ${first.where.toLowerCase()}. Mỗi đơn vị chỉ ghi một dòng; xóa dòng thừa.`,
      );
      continue;
    }
    firstSeen.set(unit.code, { where: row.where, cells });
    units.push(unit);
  }
  if (lostLetters.length > 0)
    errors.unshift(
      `${lostLetters.length} tên đơn vị có ký tự “?” ở chỗ lẽ ra là chữ có dấu (${lostLetters.slice(0, 5).join("; ")}${lostLetters.length > 5 ? "; …" : ""}): có lẽ danh sách đã được lưu dạng CSV không hỗ trợ tiếng Việt (kiểu “CSV (phân tách bằng dấu phẩy)” của Excel); các chữ có dấu đã mất, không khôi phục được từ tệp này. Mở tệp danh sách gốc (trước khi lưu thành CSV), chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)” hoặc “Sổ làm việc Excel (*.xlsx)”, rồi dùng tệp đó làm danh sách đơn vị.`,
    );
  if (errors.length > 0) return { ok: false, errors: groupedTypeErrors(errors, badTypes) };
  if (units.length === 0)
    return { ok: false, errors: [`Danh sách đơn vị chỉ có dòng tiêu đề, chưa có đơn vị nào (${source}).`] };
  const merged = units.filter((u) => u.formerly !== undefined).length;
  const formerNote =
    formerly === undefined
      ? []
      : [
          merged === 0
            ? `cột “${formerHeader}” (đơn vị cũ) không ghi đơn vị nào.`
            : `đọc cột “${formerHeader}”: ${merged} đơn vị có đơn vị cũ; tệp gửi dưới mã hay tên đơn vị cũ được tính cho đơn vị mới, và cột D được so với tổng số liệu năm trước của các đơn vị cũ (khi đối chiếu với bảng tổng hợp năm trước).`,
        ];
  const repeatNote =
    repeated.length === 0
      ? []
      : [
          `${repeated.slice(0, 10).join("; ")}${repeated.length > 10 ? `; … và ${repeated.length - 10} dòng lặp lại khác` : ""}; KL226 chỉ tính ${repeated.length === 1 ? "một lần" : "mỗi đơn vị một lần"}. Nên xóa dòng thừa trong danh sách.`,
        ];
  return {
    ok: true,
    units,
    ...(skipped.length > 0 || formerNote.length > 0 || repeatNote.length > 0
      ? {
          notes: [
            ...repeatNote,
            ...formerNote,
            ...(skipped.length === 0
              ? []
              : [
                  `bỏ qua ${skipped.length} dòng tên nhóm hoặc dòng tổng (không có mã, không có loại): ${skipped.slice(0, 10).join("; ")}${skipped.length > 10 ? "; …" : ""}. Nếu một dòng trong đó là một đơn vị, ghi mã và loại đơn vị cho dòng ấy.`,
                ]),
          ],
        }
      : {}),
  };
}

/**
 * A row's cells as compared for a row pasted twice: each trimmed and in NFC, empty cells at the end
 * dropped (one copy may reach a column further by a stray separator or a cleared cell).
 */
function rowCellsKey(cells: readonly string[]): string {
  const shown = cells.map((c) => nfc(c).trim());
  while (shown.length > 0 && shown[shown.length - 1] === "") shown.pop();
  return JSON.stringify(shown);
}

/** A "?" inside or at the end of a word ("S? T? ph?p"): no unit's name has one; a lost letter. */
const LOST_LETTER = /\p{L}\?|\?\p{L}/u;

/** A total line's words: "Tổng cộng: 63 đơn vị", "Cộng", "Tổng số". */
const TOTAL_LINE = /^(tổng|cộng)(\s|:|$)/iu;

/**
 * A group heading or a total line of a hand-made list: a total's words ("Tổng cộng: 63 đơn vị"), or a
 * name in capitals that numbers its group ("I", "A.", in its own column or before it) or names one ("CÁC SỞ, BAN, NGÀNH", "KHỐI …").
 * A unit in capitals without its code yet ("XÃ MƯỜNG LÁT", numbered 12) is no heading: its row is
 * an error, never dropped.
 */
function isHeadingOrTotal(name: string, number: string): boolean {
  const nfc = name.normalize("NFC");
  if (TOTAL_LINE.test(nfc)) return true;
  const letters = nfc.replace(/[^\p{L}]/gu, "");
  const capitals =
    letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return (
    capitals &&
    (/^([IVXLC]+|[A-Z])\.?$/.test(number) ||
      // The group's numeral written before its name ("III. ĐƠN VỊ SỰ NGHIỆP", "B. CẤP XÃ").
      /^([IVXLC]+|[A-Z])[.)]\s+\S/u.test(nfc) ||
      /(^|\s)(CÁC|KHỐI|NHÓM)(\s|$)/u.test(nfc))
  );
}

/**
 * The same unknown type on many rows ("Cấp xã" typed for 63 communes) as one error naming the rows,
 * not 63 alike; other errors as they are, in order.
 */
function groupedTypeErrors(
  errors: readonly string[],
  badTypes: ReadonlyMap<string, { readonly type: string; readonly where: string }>,
): string[] {
  const rowsOf = new Map<string, string[]>();
  for (const { type, where } of badTypes.values()) rowsOf.set(type, [...(rowsOf.get(type) ?? []), where]);
  const said = new Set<string>();
  return errors.flatMap((e) => {
    const bad = badTypes.get(e);
    const rows = bad === undefined ? undefined : rowsOf.get(bad.type);
    if (bad === undefined || rows === undefined || rows.length <= 3) return [e];
    if (said.has(bad.type)) return [];
    said.add(bad.type);
    const shown = rows.slice(0, 5).map((r) => r.replace("Dòng ", ""));
    return [
      `Dòng ${shown.join(", ")}${rows.length > 5 ? ` và ${rows.length - 5} dòng khác` : ""}: loại đơn vị “${bad.type}” không hợp lệ. Nhập một trong: ${TYPE_HINT}.`,
    ];
  });
}

/** Lines read to choose a CSV's separator: the title lines a roster may have, its header and a few rows. */
const SEPARATOR_LINES = 20;

/**
 * RFC 4180 records with their 1-based starting line; the separator is the one of ",", ";" and tab
 * (Excel's "Unicode Text") the first lines have most of (the title lines, the header and its first
 * rows: a title typed by hand in Notepad has none), "," on a tie.
 */
function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const head = text.split(/\r?\n/, SEPARATOR_LINES).join("\n");
  const outside = head.replace(/"[^"]*"/g, "");
  const count = (sep: string): number => outside.split(sep).length - 1;
  const sep = [";", "\t"].reduce((best, s) => (count(s) > count(best) ? s : best), ",");
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
    else if (ch === "\r") {
      // "\r\n", or "\r\r\n" (a CRLF written again through a text-mode file by some old Windows
      // tools): one line end, as a text editor and Excel show it, so a row's number is the one the
      // clerk sees; the "\n" ends it. Lone "\r"s (an old Mac's line ends) each end a line.
      let j = i + 1;
      while (text[j] === "\r") j++;
      if (text[j] !== "\n")
        for (; i < j; i++) {
          endRecord();
          line++;
          start = line;
        }
      i = j - 1;
    } else if (ch === "\n") {
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== "" || cells.length > 0) endRecord();
  return records;
}
