// Cells merged on a template sheet where the template has none: said after the finding in the
// merge, or as MERGED_CELLS when the merge hides a cell validation reads.

import { rowCode } from "./coded-rows";
import { finding, type Finding } from "./findings";
import { headerRow, isListHeading } from "./lists";
import { MSG } from "./messages";
import type { Profile } from "./profile";
import { templateWorkbook } from "./template";
import { type ReadCells, SHEET_READS } from "./template-sheets";
import { foldOption, matchKey } from "./text";
import { cellText } from "./values";
import { a1, cellAt, parseA1, rangeA1, type CellRange, type Sheet, type Workbook } from "./workbook";

/** Each template sheet's own merged ranges ("A1:F1" …) by matchKey of its name, per form. */
const TEMPLATE_MERGES = new WeakMap<Profile["form"], ReadonlyMap<string, ReadonlySet<string>>>();

function templateMerges(profile: Profile): ReadonlyMap<string, ReadonlySet<string>> {
  let merges = TEMPLATE_MERGES.get(profile.form);
  if (merges === undefined) {
    merges = new Map(
      templateWorkbook(profile).sheets.map((s) => [matchKey(s.name), new Set(s.merges ?? [])]),
    );
    TEMPLATE_MERGES.set(profile.form, merges);
  }
  return merges;
}

/**
 * Whether a merge hides a cell validation reads: one of its cells but the first (the only one Excel
 * shows and the reader keeps). A merge over the rows of an older release's footnote ("A15:C15" before
 * the free-text rows came) or over notes hides none.
 */
function hidesReadCell(sheet: Sheet, m: CellRange, read: ReadCells): boolean {
  // The first row whose cell in column c is hidden: in the merge's first column, the row below its first.
  const hiddenFrom = (c: number): number => (c === m.c0 ? m.r0 + 1 : m.r0);
  const within = (c: number): boolean => c >= m.c0 && c <= m.c1 && hiddenFrom(c) <= m.r1;
  if (read.everyRow.some(within)) {
    // A header made two rows ("Mã" merged down A4:A5) above every code hides none: a code merged away
    // is a MISSING_FIELD, whose message names the merge.
    if (read.rows !== "coded") return true;
    const firstCoded = sheet.rows.findIndex((row) => rowCode(row) !== undefined);
    if (firstCoded < 0 || m.r1 >= firstCoded) return true;
  }
  const columns = read.columns.filter(within);
  if (columns.length === 0) return false;
  if (read.rows === "belowHeader") {
    const header = headerRow(sheet);
    return (
      header !== undefined && m.r1 > header && !isNoteRow(sheet, m) && !isHeaderMerge(sheet, m, header, read)
    );
  }
  const last = Math.min(m.r1, sheet.rows.length - 1);
  return columns.some((c) => {
    for (let r = hiddenFrom(c); r <= last; r++) if (rowCode(sheet.rows[r]) !== undefined) return true;
    return false;
  });
}

/**
 * A list's header made two or three rows, as clerks draw one ("Nội dung nhiệm vụ" merged down B4:B5
 * beside "Đơn vị" over "Chủ trì" and "Phối hợp"): a merge from the header row down at most two rows,
 * each of which shows no row of the list (no STT number in A, no status or meeting type chosen where
 * the merge does not cover it). It hides no task or meeting; a task merged into the header that shows
 * its status is still said.
 */
function isHeaderMerge(sheet: Sheet, m: CellRange, header: number, read: ReadCells): boolean {
  if (m.r0 > header || m.r1 > header + 2) return false;
  for (let r = header + 1; r <= m.r1; r++) {
    const row = sheet.rows[r];
    if (row === undefined) continue;
    if (/^\d/.test(cellText(row[0]).trim())) return false;
    for (const { col, options } of read.chosen ?? []) {
      const text = cellText(row[col]);
      if (text !== "" && foldOption(options, text) !== undefined) return false;
    }
  }
  return true;
}

/**
 * A clerk's note or heading across a list (Nhiệm vụ, Hội nghị): one row merged from column A whose text
 * does not begin with a task's STT ("Ghi chú: …", "II. Nhiệm vụ đơn vị bổ sung"). Nothing in its Nội
 * dung or Tên: no task or meeting either way. A number there is a row's STT, whose other cells the merge
 * hid.
 */
function isNoteRow(sheet: Sheet, m: CellRange): boolean {
  if (m.r0 !== m.r1) return false;
  // A group heading typed in Nội dung or Tên and merged across the row ("B5:I5"): no task either.
  const row = sheet.rows[m.r0];
  if (m.c0 === 1 && row !== undefined) return isListHeading(row, 1, []);
  if (m.c0 !== 0) return false;
  const first = cellAt(sheet, m.r0, 0);
  if (first?.value.kind !== "string") return false;
  const text = cellText(first).trim();
  return text !== "" && !TASK_NUMBER_FIRST.test(text);
}

/**
 * A task's STT first in a merged row's text ("13", "1.1", "a) …", "13 Tập huấn … Hoàn thành", as
 * LibreOffice's merge moves the hidden cells' text into the first): the merge hid a task's cells. A
 * heading numbered in Arabic ("1. Nhiệm vụ chung") merged across is said too, a warning only.
 */
const TASK_NUMBER_FIRST = /^(?:\d|[a-zđ]\)|[IVX]+\.\d)/u;

/**
 * Cells merged on a template sheet where the template has no merge: the reader keeps only each
 * merge's first cell, as Excel shows it. A finding in such a merge (a blank the clerk sees filled,
 * or the first cell holding what a LibreOffice merge moved into it) says so after its own text, and
 * a missing code row under a merge in column A too; a merge hiding a cell validation reads that no
 * finding points into gets a warning of its own. Merges over notes, titles or the footnote of any
 * release's layout say nothing.
 */
export function noteMerges(workbook: Workbook, profile: Profile, findings: Finding[]): void {
  const own = templateMerges(profile);
  for (const sheet of workbook.sheets) {
    const template = own.get(matchKey(sheet.name));
    if (template === undefined || sheet.merges === undefined) continue;
    const read = SHEET_READS.get(matchKey(sheet.name))?.cells;
    // A title merged across the table ("A1:F1"): a column inserted or deleted widens or narrows it
    // ("A1:G1"); its first cell is all that is read either way. Worked out only for a merge the
    // template lacks (most files have none).
    let titles: ReadonlySet<string> | undefined;
    for (const m of sheet.merges) {
      const range = rangeA1(m);
      if (template.has(range)) continue;
      const first = a1(m.r0, m.c0);
      titles ??= new Set(
        [...template].flatMap((r) => {
          const rows = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(r);
          return rows && rows[1] === rows[2] ? [r.slice(0, r.indexOf(":"))] : [];
        }),
      );
      if (m.r0 === m.r1 && titles.has(first)) continue;
      const overCodes = m.c0 === 0 && m.r1 > m.r0;
      let explained = false;
      findings.forEach((f, i) => {
        if (f.sheet !== sheet.name) return;
        let note: string | undefined;
        if (f.cell === null)
          note = overCodes && f.code === "MISSING_FIELD" ? MSG.mergedCodes(range) : undefined;
        else if (inRange(f.cell, m))
          note = f.cell === first ? MSG.mergedFirst(first, range) : MSG.mergedCell(f.cell, range, first);
        if (note === undefined) return;
        findings[i] = { ...f, message: `${f.message} ${note}` };
        explained = true;
      });
      if (!explained && read !== undefined && hidesReadCell(sheet, m, read))
        findings.push(finding("MERGED_CELLS", "warning", sheet.name, first, MSG.mergedRange(range, first)));
    }
  }
}

/** Whether an A1 address ("E16") lies in the range. */
function inRange(cell: string, m: CellRange): boolean {
  const at = parseA1(cell);
  return at !== undefined && at.row >= m.r0 && at.row <= m.r1 && at.col >= m.c0 && at.col <= m.c1;
}
