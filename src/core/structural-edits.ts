// Columns a clerk moved or deleted (structural edits): where a sheet's codes, figures and list columns
// are when a column was inserted or deleted, and the one NOT_TEMPLATE error that says so.

import { INFO_FIELDS, TASK_STATUSES } from "./catalogue";
import { finding, type Finding } from "./findings";
import type { Column, Form } from "./form";
import { COUNT_COLS, MEETING_COLS, TASK_COLS } from "./layout";
import { MSG } from "./messages";
import { cleanName, codeKey, foldKey, matchKey, matchOption } from "./text";
import { cellText } from "./values";
import { a1, columnLetters, type Cell, type Sheet } from "./workbook";

/** Whether a sheet holds Thông tin's rows: two of its codes or more, in column A or moved to B–F. */
export function holdsInfoRows(sheet: Sheet): boolean {
  const found = codeColumn(sheet, INFO_CODES);
  return found !== undefined && codeAfter(sheet, found);
}

/** Whether Thông tin's column `found` holds a second code below its first (the next row, as a rule). */
export function codeAfter(sheet: Sheet, found: CodeColumn): boolean {
  for (let r = found.firstRow + 1; r < sheet.rows.length; r++)
    if (holdsCode(sheet.rows[r]?.[found.col], INFO_CODES)) return true;
  return false;
}

export const INFO_CODES: ReadonlySet<string> = new Set(INFO_FIELDS.map((f) => f.code));

/** Words of a header that compares figures or notes on them (folded: no diacritics, lower case). */
const COMPARING_HEADER = /so voi|so sanh|%|tang|giam|ty le|ghi chu|ke hoach|chenh/;

/**
 * The header row of a sheet whose rows are found by code (Thông tin, Chỉ tiêu): the nearest row above
 * the first code whose cell in the code column starts "Mã"; -1 when there is none.
 */
export function codeHeaderRow(sheet: Sheet, firstCodeRow: number, codeColumn: number): number {
  for (let r = firstCodeRow - 1; r >= 0; r--) {
    const cell = sheet.rows[r]?.[codeColumn];
    if (cell !== undefined && /^ma(\s|$)/.test(foldKey(cellText(cell)))) return r;
  }
  return -1;
}

/** How far right of column A a sheet's codes sit, and the first row with one. */
interface CodeColumn {
  readonly col: number;
  readonly firstRow: number;
}

/** A cell that may hold one of a sheet's codes: a code is short, a title or an instruction is not. */
function holdsCode(cell: Cell | undefined, codes: ReadonlySet<string>): boolean {
  const v = cell?.value;
  // Codes are at most 32 characters (SPEC §3); spaces or invisible characters typed round one, a few more.
  if (v === undefined || (v.kind === "string" && v.value.length > 48)) return false;
  return codes.has(codeKey(cellText(cell)));
}

/**
 * Where the sheet's codes are: column A, as the template has them (the first row holding one), or,
 * when column A has none, where a clerk's column inserted before A (an "STT" column) moved every code,
 * figure and value: the column (B to F) holding most of `codes`, at least two. Undefined when no
 * column qualifies. Column A is looked at first and alone: the usual file stops there.
 */
export function codeColumn(sheet: Sheet, codes: ReadonlySet<string>): CodeColumn | undefined {
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) if (holdsCode(rows[r]?.[0], codes)) return { col: 0, firstRow: r };
  const hits = new Map<number, { count: number; firstRow: number }>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 1; c <= Math.min(5, row.length - 1); c++) {
      if (!holdsCode(row[c], codes)) continue;
      const seen = hits.get(c);
      if (seen) seen.count++;
      else hits.set(c, { count: 1, firstRow: r });
    }
  }
  let best: CodeColumn | undefined;
  let most = 1;
  for (const [col, { count, firstRow }] of hits) if (count > most) [best, most] = [{ col, firstRow }, count];
  return best;
}

/** Rows of a sheet whose code column was deleted, each with the code its label in column A names. */
export interface DeletedCodes {
  readonly codes: ReadonlyMap<number, string>;
  /** The row above the first such row that heads the table, or that first row when none does. */
  readonly headRow: number;
}

/** Folded label → code, for the rows a sheet reads by code (Thông tin's, a form's counts). */
function labelCodes(
  fields: ReadonlyArray<{ readonly code: string; readonly label: string }>,
): ReadonlyMap<string, string> {
  return new Map(fields.map((f) => [labelKey(f.label), f.code]));
}

/** A row label folded, without the mark after it: "Mã đơn vị (*)" and "Mã đơn vị" are one label. */
function labelKey(text: string): string {
  return foldKey(text).replace(/\s*\([^()]*\)$/, "");
}

export const INFO_LABELS = labelCodes(INFO_FIELDS);
const COUNT_LABELS = new WeakMap<Form, ReadonlyMap<string, string>>();

/** A form's count labels (labelCodes), made once per form, as countCodes makes its codes. */
export function countLabels(form: Form): ReadonlyMap<string, string> {
  let labels = COUNT_LABELS.get(form);
  if (labels === undefined) COUNT_LABELS.set(form, (labels = labelCodes(form.counts)));
  return labels;
}

/**
 * The code column deleted (SPEC §3 reads the rows by their code in A): column A then holds the rows'
 * labels, as the template writes them ("Mã đơn vị", "Tổng số hội nghị, cuộc họp đã tổ chức"). Three of
 * them at least, each once; asked only of a sheet with none of its codes in columns A to F.
 */
export function deletedCodeColumn(
  sheet: Sheet,
  labels: ReadonlyMap<string, string>,
): DeletedCodes | undefined {
  const codes = new Map<number, string>();
  const seen = new Set<string>();
  for (let r = 0; r < sheet.rows.length; r++) {
    const cell = sheet.rows[r]?.[0];
    const code = cell === undefined ? undefined : labels.get(labelKey(cellText(cell)));
    if (code === undefined || seen.has(code)) continue;
    seen.add(code);
    codes.set(r, code);
  }
  if (codes.size < 3) return undefined;
  const first = Math.min(...codes.keys());
  const head = first > 0 && (sheet.rows[first - 1] ?? []).some((c) => cellText(c) !== "") ? first - 1 : first;
  return { codes, headRow: head };
}

/** The NOT_TEMPLATE for a deleted code column: at A of its header row, its first row's label quoted. */
export function deletedCodesError(sheet: Sheet, deleted: DeletedCodes, what: string): Finding {
  const [row, code] = [...deleted.codes][0]!;
  const label = cleanName(cellText(sheet.rows[row]?.[0]));
  return finding(
    "NOT_TEMPLATE",
    "error",
    sheet.name,
    a1(deleted.headRow, 0),
    MSG.deletedCodeColumn(sheet.name, what, { label, cell: a1(row, 0), code }),
  );
}

/** codeColumn when the codes moved right of column A (a column inserted before it); undefined otherwise. */
export function shiftedCodeColumn(sheet: Sheet, codes: ReadonlySet<string>): CodeColumn | undefined {
  const found = codeColumn(sheet, codes);
  return found !== undefined && found.col > 0 ? found : undefined;
}

/** The code column moved right, as a moved header ("Mã" at B4), for the message that says so. */
export function movedCodeColumn(sheet: Sheet, shift: CodeColumn): MovedColumn {
  const headRow = codeHeaderRow(sheet, shift.firstRow, shift.col);
  const head = headRow < 0 ? undefined : sheet.rows[headRow]?.[shift.col];
  return {
    header: head === undefined ? "Mã" : cleanName(cellText(head)),
    cell: a1(headRow < 0 ? shift.firstRow : headRow, shift.col),
    at: columnLetters(shift.col),
    expected: columnLetters(COUNT_COLS.code),
  };
}

/** A header of Thông tin, Chỉ tiêu or Nhiệm vụ found in another column than the template's. */
export interface MovedColumn {
  readonly header: string;
  /** Its cell ("F4"). */
  readonly cell: string;
  /** Where it is and where the template has it: column letters. */
  readonly at: string;
  readonly expected: string;
}

/**
 * The count columns are read by position (SPEC §3: D last year, E this period). A clerk who inserts a
 * column ("Kế hoạch năm 2026" between D and E), deletes one or re-types the sheet with the two
 * swapped would have other figures read as hers, silently: the header row (the nearest row above
 * the first code whose column A starts "Mã") says where "Kỳ này" and the previous period's header
 * are, and each found elsewhere than E and D is returned. A header renamed beyond recognition,
 * blank or missing says nothing, and nothing is returned for it.
 */
export function movedCountColumns(
  sheet: Sheet,
  form: Form,
  firstCodeRow: number,
  codeColumn = COUNT_COLS.code as number,
): MovedColumn[] {
  const headRow = codeHeaderRow(sheet, firstCodeRow, codeColumn);
  const head = sheet.rows[headRow];
  if (head === undefined) return [];
  const previous = foldKey(form.previousHeader);
  // A header that names a column of figures, not one that compares them ("So sánh cùng kỳ (%)",
  // "Kỳ này so với kế hoạch", "Ghi chú (so với năm trước)": a clerk's own columns beside D and E).
  const kindOf = (col: number): Column | null => {
    const cell = head[col];
    const h = cell === undefined ? "" : foldKey(cellText(cell));
    if (h === "" || COMPARING_HEADER.test(h)) return null;
    if (h === previous || /^(so lieu )?(cung ky|nam truoc)/.test(h)) return "previous";
    if (/^(so lieu )?ky nay\b/.test(h)) return "current";
    return null;
  };
  const moved: MovedColumn[] = [];
  for (const column of ["previous", "current"] as const) {
    const expected = COUNT_COLS[column];
    if (kindOf(expected) === column) continue;
    const at = head.findIndex((_, col) => col >= COUNT_COLS.unit && kindOf(col) === column);
    if (at >= 0) moved.push(movedHeader(head, headRow, at, expected));
  }
  return moved;
}

/** A read column's header found in column `at` of row `headRow` where the template has it in `expected`. */
export function movedHeader(
  head: ReadonlyArray<Cell | undefined>,
  headRow: number,
  at: number,
  expected: number,
): MovedColumn {
  return {
    header: cleanName(cellText(head[at])),
    cell: a1(headRow, at),
    at: columnLetters(at),
    expected: columnLetters(expected),
  };
}

/** A sheet's one NOT_TEMPLATE error for its moved columns, at the first one's header. */
export function movedColumnsError(sheet: Sheet, moved: readonly MovedColumn[], message: string): Finding {
  return finding("NOT_TEMPLATE", "error", sheet.name, moved[0]?.cell ?? null, message);
}

/** A list's headers that name a column validation reads (folded), by that column. */
type ListHeaders = ReadonlyArray<readonly [column: number, header: RegExp]>;

/** The headers of `Nhiệm vụ` that name a column validation reads. */
export const TASK_HEADERS: ListHeaders = [
  [TASK_COLS.content, /^(noi dung|ten nhiem vu|nhiem vu)\b/],
  [TASK_COLS.deadline, /^thoi han\b/],
  [TASK_COLS.status, /^tinh trang\b/],
];

/** The headers of `Hội nghị` that name a column validation reads (Ngày, column E, is not read). */
export const MEETING_HEADERS: ListHeaders = [
  [MEETING_COLS.name, /^(ten\b|noi dung)/],
  [MEETING_COLS.type, /^loai\b/],
  [MEETING_COLS.form, /^hinh thuc\b/],
  [MEETING_COLS.days, /^(so ngay|thoi luong)\b/],
];

/** The header of `Hội nghị` validation does not read: Ngày (E), a place the columns are told by. */
export const MEETING_LANDMARKS: ListHeaders = [[MEETING_COLS.date, /^ngay\b/]];

/**
 * The read columns of a list (Nhiệm vụ, Hội nghị) whose header (in the STT header row) is found in
 * another column than the template's: a column inserted ("Tiến độ (%)" before G) or deleted. A header
 * renamed beyond recognition, or where the template has it, says nothing; nor does a column added
 * after the list's last. Only the header row is looked at.
 *
 * A header found across another header of the template in its place (`headers`, or `landmarks`: the
 * list's headers validation does not read) moved in no insertion or deletion, which moves every
 * header after it: it is the clerk's own column named like one the clerk renamed in its place ("Tên
 * hội nghị" renamed in B, a column G "Nội dung chính" added, across Loại, Hình thức and Số ngày).
 */
function movedListColumns(
  sheet: Sheet,
  headRow: number,
  headers: ListHeaders,
  offset = 0,
  landmarks: ListHeaders = [],
): MovedColumn[] {
  const head = sheet.rows[headRow] ?? [];
  const folded = (c: number): string => {
    const cell = head[c];
    return cell === undefined ? "" : foldKey(cellText(cell));
  };
  const inPlace = (c: number, pattern: RegExp): boolean => offset === 0 && pattern.test(folded(c));
  let stayed: number[] | undefined;
  const moved: MovedColumn[] = [];
  for (const [expected, pattern] of headers) {
    if (inPlace(expected, pattern)) continue;
    const at = head.findIndex((_, c) => c > 0 && pattern.test(folded(c)));
    if (at < 0 || at === expected) continue;
    stayed ??= [...headers, ...landmarks].filter(([c, p]) => inPlace(c, p)).map(([c]) => c);
    if (stayed.some((c) => c > Math.min(at, expected) && c < Math.max(at, expected))) continue;
    moved.push(movedHeader(head, headRow, at, expected));
  }
  return moved;
}

/** The headers the template has right of Tình trạng (G): "Kết quả cụ thể/minh chứng" (H), "Ghi chú" (I). */
export const AFTER_STATUS: ListHeaders = [
  [TASK_COLS.result, /^ket qua\b/],
  [TASK_COLS.note, /^ghi chu\b/],
];

/**
 * `Nhiệm vụ`'s Tình trạng column deleted: no "Tình trạng" header anywhere (movedListColumns found
 * none), column G headed as the template's H or I, and no status in it. The statuses went with the
 * column, so every task was "chưa chọn Tình trạng" without a word of the column. Returns the header
 * now in G, and where the template has it; undefined otherwise (a G renamed "Trạng thái", or "Kết quả
 * thực hiện" over the statuses, or beside H's own header, is read as before). Column G is looked
 * down only when so headed.
 */
export function deletedStatusColumn(sheet: Sheet, headRow: number): MovedColumn | undefined {
  const head = sheet.rows[headRow];
  const cell = head?.[TASK_COLS.status];
  if (head === undefined || cell === undefined) return undefined;
  const text = foldKey(cellText(cell));
  const was = AFTER_STATUS.find(([, header]) => header.test(text));
  if (was === undefined) return undefined;
  // That header still in its own place (H "Kết quả cụ thể/minh chứng" beside a G "Kết quả thực
  // hiện"): G was renamed, not deleted, its statuses perhaps not chosen yet.
  const own = head[was[0]];
  if (own !== undefined && was[1].test(foldKey(cellText(own)))) return undefined;
  for (let r = headRow + 1; r < sheet.rows.length; r++) {
    const status = sheet.rows[r]?.[TASK_COLS.status];
    if (status !== undefined && matchOption(TASK_STATUSES, cellText(status)) !== undefined) return undefined;
  }
  return movedHeader(head, headRow, TASK_COLS.status, was[0]);
}

/**
 * A list's read columns found elsewhere than the template has them: under its "STT" header row
 * (movedListColumns), or, with no "STT" in column A, that header and the columns moved with it
 * (movedSttColumn).
 */
export function movedColumnsOfList(
  sheet: Sheet,
  headRow: number | undefined,
  headers: ListHeaders,
  landmarks: ListHeaders,
): MovedColumn[] {
  return headRow === undefined
    ? movedSttColumn(sheet, headers)
    : movedListColumns(sheet, headRow, headers, 0, landmarks);
}

/** A list's "STT" header found in column B to D (a column inserted before A), and what moved with it. */
function movedSttColumn(sheet: Sheet, headers: ListHeaders): MovedColumn[] {
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const row = sheet.rows[r];
    for (let c = 1; c <= 3; c++) {
      const cell = row?.[c];
      if (cell === undefined || matchKey(cellText(cell)) !== "stt") continue;
      return [
        { header: cleanName(cellText(cell)), cell: a1(r, c), at: columnLetters(c), expected: "A" },
        ...movedListColumns(sheet, r, headers, c),
      ];
    }
  }
  return [];
}
