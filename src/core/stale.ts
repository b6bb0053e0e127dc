// Formulas whose saved values may be stale: a file that asks Excel to recalculate everything on
// open (`fullCalcOnLoad`, as XlsxWriter and openpyxl write it) may carry cached values — often 0 —
// that are not what Excel shows the clerk. One warning per template sheet, naming the cells.

import { finding, staleFormulaMessage, type Finding } from "./findings";
import { isTemplateSheet } from "./template-sheets";
import { a1, type Workbook } from "./workbook";

/**
 * STALE_FORMULA warnings for the formula cells of the template sheets that carry a saved value,
 * when the workbook asks for a full recalculation on load. Formula cells without a saved value are
 * left to validation, which already reports them where it needs a value.
 */
export function staleFormulaFindings(workbook: Workbook): Finding[] {
  if (workbook.fullCalcOnLoad !== true) return [];
  const out: Finding[] = [];
  for (const sheet of workbook.sheets) {
    if (!isTemplateSheet(sheet.name)) continue;
    const cells: string[] = [];
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.formula === true && cell.value.kind !== "empty") cells.push(a1(r, c));
      }),
    );
    if (cells.length > 0)
      out.push(
        finding(
          "STALE_FORMULA",
          "warning",
          sheet.name,
          cells[0] ?? null,
          staleFormulaMessage(sheet.name, cells),
        ),
      );
  }
  return out;
}
