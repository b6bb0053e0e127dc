// A finding's cell in a row or column the sheet hides (a filter, Hide): said beside it, since the
// clerk looking for the cell does not see it.

import type { Finding } from "./findings";
import { MSG } from "./messages";
import { columnLetters, parseA1, type Workbook } from "./workbook";

/** Adds to each finding whose cell is hidden where it is, after the message; sheets that hide nothing cost one test. */
export function noteHidden(workbook: Workbook, findings: Finding[]): void {
  for (const sheet of workbook.sheets) {
    const rows = sheet.hiddenRows;
    const columns = sheet.hiddenColumns;
    if (rows === undefined && columns === undefined) continue;
    findings.forEach((f, i) => {
      if (f.sheet !== sheet.name || f.cell === null) return;
      const at = parseA1(f.cell);
      if (at === undefined) return;
      const row = rows?.includes(at.row) === true ? at.row + 1 : null;
      const column =
        columns?.some(([a, b]) => at.col >= a && at.col <= b) === true ? columnLetters(at.col) : null;
      if (row === null && column === null) return;
      findings[i] = { ...f, message: `${f.message} ${MSG.hiddenCell(f.cell!, row, column)}` };
    });
  }
}
