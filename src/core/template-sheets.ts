// The sheets of a unit workbook validation reads, and what it reads on each; a template sheet
// copied beside its original, renamed, lengthened or hidden (COPIED_SHEET, HIDDEN_SHEET, NOT_TEMPLATE).

import {
  MEETING_FORMS,
  MEETING_TYPES,
  ROLLUP_SOURCES_SHEET,
  SHEETS,
  SUMMARY_SHEETS,
  TASK_STATUSES,
} from "./catalogue";
import { finding, type Finding } from "./findings";
import { COUNT_COLS, INFO_COLS, MEETING_COLS, TASK_COLS } from "./layout";
import { MSG } from "./messages";
import { holdsInfoRows } from "./structural-edits";
import { foldKey, matchKey, nfc, type Labelled } from "./text";
import { cellText } from "./values";
import { a1, type Sheet, type Workbook } from "./workbook";

/** The sheet names a validator needs; readers may skip every other sheet. */
const TEMPLATE_SHEET_KEYS = new Set(Object.values(SHEETS).map(matchKey));

export function isTemplateSheet(nfcName: string): boolean {
  return TEMPLATE_SHEET_KEYS.has(matchKey(nfcName));
}

const ROLLUP_SOURCES_KEY = matchKey(ROLLUP_SOURCES_SHEET);

/**
 * The sheets validation reads: the template's, a roll-up's list of the reports it sums, and a copy
 * of a template sheet ("Chỉ tiêu (2)", compared with its original).
 */
export function isReadSheet(nfcName: string): boolean {
  const key = matchKey(nfcName);
  return TEMPLATE_SHEET_KEYS.has(key) || key === ROLLUP_SOURCES_KEY || copiedSheetOf(nfcName) !== undefined;
}

/**
 * The sheets a reader keeps for validation: those it reads, and a template sheet's lengthened name
 * ("Chỉ tiêu 6 tháng", "Nhiệm vụ khác"), only to tell whether it holds anything when the template's
 * sheet is missing (renamedCandidates). Few files have one.
 */
export function isSheetToKeep(nfcName: string): boolean {
  return isReadSheet(nfcName) || lengthenedSheetOf(nfcName) !== undefined;
}

/** The template sheet whose name `name` starts with, then a space ("Chỉ tiêu 6 tháng": "Chỉ tiêu"). */
function lengthenedSheetOf(name: string): string | undefined {
  if (isTemplateSheet(nfc(name)) || copiedSheetOf(name) !== undefined) return undefined;
  const key = foldKey(name);
  return Object.values(SHEETS).find((s) => key.startsWith(`${foldKey(s)} `));
}

const SUMMARY_KEYS = [SUMMARY_SHEETS.summary, SUMMARY_SHEETS.sources].map(matchKey);

/** A summary workbook as KL226 writes it (its "Tổng hợp" and "Nguồn" sheets), whatever its file name. */
export function isSummaryWorkbook(workbook: Workbook): boolean {
  const names = new Set((workbook.sheetNames ?? []).map((n) => matchKey(n)));
  return SUMMARY_KEYS.every((k) => names.has(k));
}

/**
 * The template sheet a sheet's name says it is a copy of: "Chỉ tiêu (2)" (Excel's copy), "Chỉ tiêu_2"
 * (LibreOffice's), "Bản sao của Chỉ tiêu" / "Copy of Chỉ tiêu" (Google Sheets'), diacritics optional.
 */
export function copiedSheetOf(name: string): string | undefined {
  const m =
    /^(?:bản sao của|ban sao cua|copy of)\s+(.+)$/iu.exec(name.trim()) ??
    /^(.*\S)(?:\s*\(\d+\)|_\d+)$/u.exec(name.trim());
  const base = m?.[1];
  if (base === undefined) return undefined;
  return Object.values(SHEETS).find((s) => foldKey(s) === foldKey(base));
}

export function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  const key = matchKey(name);
  return workbook.sheets.find((s) => matchKey(s.name) === key);
}

/**
 * The cells validation checks on a sheet (a merge that hides one is said: MERGED_CELLS). On Thông tin
 * and Chỉ tiêu rows are found by their code (SPEC §3), not by number: column A is read in every row,
 * the value columns only in a row with a code. On Nhiệm vụ and Hội nghị the columns it reads, below
 * the STT header. Titles, guidance, headers, notes and the footnote are not read, wherever a release
 * put them.
 */
export interface ReadCells {
  /** Read in every row: column A, where codes are looked for. */
  readonly everyRow: readonly number[];
  /** Read only in the sheet's data rows. */
  readonly columns: readonly number[];
  /** Its data rows: those with a code in column A, or those below the STT header. */
  readonly rows: "coded" | "belowHeader";
  /** Below the header, the columns whose chosen option marks a row of the list (a status, a meeting's type). */
  readonly chosen?: ReadonlyArray<{ readonly col: number; readonly options: readonly Labelled[] }>;
}

/** What validation reads on a sheet: the cells it checks, and the columns whose texts it takes. */
interface SheetReads {
  readonly cells?: ReadCells;
  /**
   * The columns whose texts are read ("all": every cell); only these are looked at for TCVN3 and
   * VNI text (legacy-text.ts), as that runs for every file. Counts are no text.
   */
  readonly texts?: readonly number[] | "all";
}

export const INFO_KEY = matchKey(SHEETS.info);

export const SHEET_READS: ReadonlyMap<string, SheetReads> = new Map<string, SheetReads>([
  [
    INFO_KEY,
    {
      cells: { everyRow: [INFO_COLS.code], columns: [INFO_COLS.value], rows: "coded" },
      texts: [INFO_COLS.value],
    },
  ],
  [
    matchKey(SHEETS.counts),
    {
      cells: {
        everyRow: [COUNT_COLS.code],
        columns: [COUNT_COLS.previous, COUNT_COLS.current],
        rows: "coded",
      },
    },
  ],
  [
    matchKey(SHEETS.tasks),
    {
      cells: {
        everyRow: [],
        columns: [TASK_COLS.content, TASK_COLS.deadline, TASK_COLS.status],
        rows: "belowHeader",
        chosen: [{ col: TASK_COLS.status, options: TASK_STATUSES }],
      },
      texts: Object.values(TASK_COLS).filter((c) => c !== TASK_COLS.no),
    },
  ],
  [
    matchKey(SHEETS.meetings),
    {
      cells: {
        everyRow: [],
        columns: Object.values(MEETING_COLS),
        rows: "belowHeader",
        chosen: [
          { col: MEETING_COLS.type, options: MEETING_TYPES },
          { col: MEETING_COLS.form, options: MEETING_FORMS },
        ],
      },
      texts: Object.values(MEETING_COLS).filter((c) => c !== MEETING_COLS.no),
    },
  ],
  [ROLLUP_SOURCES_KEY, { texts: "all" }],
]);
export const textColumns = (sheet: Sheet): readonly number[] | "all" | undefined =>
  SHEET_READS.get(matchKey(sheet.name))?.texts;

/**
 * A template sheet copied ("Chỉ tiêu (2)") beside its original: only the original is read. A copy
 * whose cells differ from the original's (figures typed in the copy, or two versions) is an error:
 * which figures are the unit's cannot be told. An identical copy is a warning. Either says when the
 * original is hidden (a clerk may otherwise delete the only sheet read).
 */
export function checkCopiedSheets(workbook: Workbook, findings: Finding[]): void {
  const hidden = new Set((workbook.hiddenSheets ?? []).map(matchKey));
  for (const copyName of workbook.sheetNames ?? []) {
    const template = copiedSheetOf(copyName);
    const original = template === undefined ? undefined : findSheet(workbook, template);
    if (template === undefined || original === undefined) continue;
    const copy = findSheet(workbook, copyName);
    const differ = copy === undefined ? [] : differingCells(original, copy);
    const isHidden = hidden.has(matchKey(original.name));
    pushCopyFinding(findings, copyName, template, differ, isHidden, hidden.has(matchKey(copyName)));
  }
  // Two sheets of one name but for case or spaces ("Chỉ tiêu" hidden, "Chỉ tiêu " shown): the first
  // is read, the other may be the one the analyst sees when opening the file.
  const hiddenNames = new Set(workbook.hiddenSheets ?? []);
  for (const template of Object.values(SHEETS)) {
    const key = matchKey(template);
    const [read, other] = workbook.sheets.filter((s) => matchKey(s.name) === key);
    if (read === undefined || other === undefined) continue;
    pushCopyFinding(
      findings,
      other.name,
      template,
      differingCells(read, other),
      hiddenNames.has(read.name),
      hiddenNames.has(other.name),
    );
  }
}

/**
 * Sheets that may be the template's `name` renamed by hand: the same name but for marks and case
 * ("Chi tieu"), a copy's name ("Chỉ tiêu (2)"), or the name lengthened ("Chỉ tiêu 6 tháng") when
 * that sheet holds something — a blank "Nhiệm vụ khác" of the clerk's own is not the lost "Nhiệm vụ".
 * Every one is named: renaming the first found could leave the wrong figures read.
 */
export function renamedCandidates(workbook: Workbook, name: string): string[] {
  return (workbook.sheetNames ?? []).filter(
    (n) =>
      (foldKey(n) === foldKey(name) && matchKey(n) !== matchKey(name)) ||
      copiedSheetOf(n) === name ||
      (lengthenedSheetOf(n) === name && !isBlankSheet(workbook, n)),
  );
}

/**
 * The sheets that may be Thông tin renamed: by name (renamedCandidates) and, among the sheets read that
 * are not the template's, any holding its rows (`byRows`: "Sheet1" with MA_DON_VI, TEN_DON_VI … in
 * column A). `sheet` is the one to read the unit from: the only candidate, holding Thông tin's rows.
 */
export function renamedInfo(workbook: Workbook): {
  readonly candidates: readonly string[];
  readonly byRows: readonly string[];
  readonly sheet?: Sheet;
} {
  const named = renamedCandidates(workbook, SHEETS.info);
  const byRows = workbook.sheets
    .filter((s) => !named.includes(s.name) && !isTemplateSheet(s.name) && holdsInfoRows(s))
    .map((s) => s.name);
  const candidates = byRows.length === 0 ? named : [...named, ...byRows];
  const only = candidates.length === 1 ? workbook.sheets.find((s) => s.name === candidates[0]) : undefined;
  return { candidates, byRows, ...(only !== undefined && holdsInfoRows(only) ? { sheet: only } : {}) };
}

/** A sheet read with no cell holding anything; a sheet the reader skipped counts as not blank. */
function isBlankSheet(workbook: Workbook, name: string): boolean {
  const sheet = workbook.sheets.find((s) => s.name === name);
  return (
    sheet !== undefined &&
    sheet.rows.every((row) => row === undefined || row.every((c) => cellText(c).trim() === ""))
  );
}

/**
 * A template sheet read while hidden: the figures counted are ones the analyst does not see on
 * opening the file. With another sheet shown that is not the template's (a look-alike "Chỉ tiêu.",
 * "Sheet1"), which one is the unit's cannot be told: an error; alone, a warning to unhide it. A twin
 * of the same name is COPIED_SHEET's already.
 */
export function checkHiddenSheets(workbook: Workbook, findings: Finding[]): void {
  const hidden = new Set(workbook.hiddenSheets ?? []);
  if (hidden.size === 0 || findings.some((f) => f.code === "COPIED_SHEET")) return;
  const shown = (workbook.sheetNames ?? []).filter((n) => !hidden.has(n) && !isReadSheet(n));
  for (const template of Object.values(SHEETS)) {
    const sheet = findSheet(workbook, template);
    if (sheet === undefined || !hidden.has(sheet.name)) continue;
    findings.push(
      finding(
        "HIDDEN_SHEET",
        shown.length > 0 ? "error" : "warning",
        sheet.name,
        null,
        MSG.hiddenSheet(sheet.name, shown),
      ),
    );
  }
}

/** COPIED_SHEET for `copyName`: a warning when it holds what the sheet read holds, else an error. */
function pushCopyFinding(
  findings: Finding[],
  copyName: string,
  template: string,
  differ: ReturnType<typeof differingCells>,
  isHidden: boolean,
  copyHidden: boolean,
): void {
  findings.push(
    differ.length === 0
      ? finding(
          "COPIED_SHEET",
          "warning",
          copyName,
          null,
          MSG.copiedSheet(copyName, template, isHidden, copyHidden),
        )
      : finding(
          "COPIED_SHEET",
          "error",
          copyName,
          differ[0]!.cell,
          MSG.copiedSheetDiffers(copyName, template, differ, isHidden, copyHidden),
        ),
  );
}

/** Cells whose text differs between a sheet and its copy ("E5": "99" in the copy, "34" in the original). */
function differingCells(
  original: Sheet,
  copy: Sheet,
): Array<{ readonly cell: string; readonly copy: string; readonly original: string }> {
  const out: Array<{ cell: string; copy: string; original: string }> = [];
  const rows = Math.max(original.rows.length, copy.rows.length);
  for (let r = 0; r < rows; r++) {
    const a = original.rows[r] ?? [];
    const b = copy.rows[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++) {
      const was = cellText(a[c]);
      const now = cellText(b[c]);
      if (was !== now) out.push({ cell: a1(r, c), copy: now, original: was });
    }
  }
  return out;
}
