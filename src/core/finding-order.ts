// The order a clerk reads findings in: errors (what must be fixed before sending) before warnings,
// each in the template's sheet order and then row by row, column by column. Shared by `kl226
// validate`, the taskpane's Kiểm tra and the letters of returned files.

import { SHEETS } from "./catalogue";
import type { Finding } from "./findings";
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
