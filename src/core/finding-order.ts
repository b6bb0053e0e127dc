// The order a clerk reads findings in: errors (what must be fixed before sending) before warnings,
// each in the template's sheet order and then row by row, column by column. Shared by `kl226
// validate`, the taskpane's Kiểm tra and the letters of returned files.

import { SHEETS, TASK_STATUSES } from "./catalogue";
import type { Finding } from "./findings";
import { MSG } from "./messages";
import { matchKey } from "./text";

const SHEET_ORDER = [SHEETS.info, SHEETS.counts, SHEETS.tasks, SHEETS.meetings].map(matchKey);

/** Whole-file findings (no sheet) first, then the template's sheets in order, then any other sheet by name. */
function sheetRank(sheet: string | null): [number, string] {
  if (sheet === null) return [-1, ""];
  const i = SHEET_ORDER.indexOf(matchKey(sheet));
  return i >= 0 ? [i, ""] : [SHEET_ORDER.length, sheet];
}

/** "E17" → [17, 5]; a finding without a cell sorts before the cells of its sheet. */
function cellRank(cell: string | null): [number, number] {
  const m = cell === null ? null : /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell);
  if (!m) return [0, 0];
  const column = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), column];
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  const [sa, na] = sheetRank(a.sheet);
  const [sb, nb] = sheetRank(b.sheet);
  if (sa !== sb) return sa - sb;
  if (na !== nb) return na < nb ? -1 : 1;
  const [ra, ca] = cellRank(a.cell);
  const [rb, cb] = cellRank(b.cell);
  return ra - rb || ca - cb;
}

/** Errors first, then warnings; each by sheet (template order) and row. Stable for equal places. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** "dòng 5–16" or "dòng 5–9, 12, 14–15": sheet rows, runs joined. */
function rowRuns(rows: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    runs.push(j === i ? `${rows[i]}` : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return `dòng ${runs.join(", ")}`;
}

/**
 * The findings as a list shows them (`kl226 validate`, the taskpane's Kiểm tra, a returned file's
 * letter): in reading order and, for a template sent unfilled (`blank`), its blank figures and its
 * tasks without a status each as one finding of its sheet (its message names the cells), instead of
 * 22 alike lines.
 */
export function shownFindings(findings: readonly Finding[], blank: boolean | undefined): Finding[] {
  const ordered = orderFindings(findings);
  if (blank !== true) return ordered;
  const counts = matchKey(SHEETS.counts);
  const tasks = matchKey(SHEETS.tasks);
  const isBlankCount = (f: Finding): boolean =>
    f.code === "MISSING_VALUE" && f.severity === "error" && f.sheet !== null && matchKey(f.sheet) === counts;
  const isBlankStatus = (f: Finding): boolean =>
    f.code === "TASK_STATUS" && f.severity === "error" && f.sheet !== null && matchKey(f.sheet) === tasks;
  const blankCounts = ordered.filter(isBlankCount);
  const blankStatuses = ordered.filter(isBlankStatus);
  const shown: Finding[] = [];
  for (const f of ordered) {
    if (blankCounts.length > 1 && isBlankCount(f)) {
      if (f === blankCounts[0])
        shown.push({ ...f, cell: null, message: MSG.blankCounts(blankCounts.map((b) => b.cell ?? "")) });
    } else if (blankStatuses.length > 1 && isBlankStatus(f)) {
      if (f === blankStatuses[0]) {
        const rows = blankStatuses.map((b) => cellRank(b.cell)[0]);
        const options = TASK_STATUSES.map((s) => s.label);
        shown.push({ ...f, cell: null, message: MSG.blankStatuses(rows.length, rowRuns(rows), options) });
      }
    } else shown.push(f);
  }
  return shown;
}

/**
 * What is said of a blank file (a template sent unfilled) before its findings, with what to do when
 * its findings follow; undefined for any other file.
 */
export function blankNote(
  r: { readonly blank?: true; readonly unit: string | null; readonly unitName: string | null },
  findingsFollow = true,
): string | undefined {
  if (!r.blank) return undefined;
  const noUnit = r.unit === null && r.unitName === null;
  return findingsFollow ? `${MSG.blankReport(noUnit)} ${MSG.blankAdvice(noUnit)}` : MSG.blankReport(noUnit);
}
