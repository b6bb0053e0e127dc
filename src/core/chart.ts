// The chart sheet of a summary (SPEC §9): one value per unit as columns against the target as a
// line, with the data table beside it, laid out as a SheetSpec that the .xlsx writer and the Excel
// path both draw. A worksheet with a chart on it rather than an Excel chartsheet: Office.js cannot
// create chartsheets, and the numbers the chart shows print next to it (docs/DECISIONS.md).

import { honestPercentFormat } from "./format";
import { columnLetters } from "./workbook";
import {
  PAGE_OF_PAGES,
  TABLE_HEAD as HEAD,
  type CellStyle,
  type ChartSheetSpec,
  type SheetSpec,
} from "./sheetspec";

const CELL: CellStyle = { border: true };
/** The chart's colours: columns in the summary's blue, the target line in red. */
export const CHART_COLORS = { values: "4472C4", target: "C00000" } as const;
/** Columns of the data table: code, name, value, target. The chart starts after one blank column. */
const NAME_WIDTH = 36;
const TABLE_COLUMNS = 4;
const CHART_FIRST_COL = TABLE_COLUMNS + 1;
const CHART_ROWS = 30;

/**
 * The chart's width in columns: room for each unit's column and label, up to what still prints
 * legibly beside the table (the sheet is fitted to one landscape A4 width: at 40 columns the page
 * shrank to ≈ 35 % and the bars and labels could not be read; at 18 it prints at ≈ 65 %).
 */
function chartWidth(units: number): number {
  return Math.min(18, Math.max(12, Math.ceil(units * 0.6)));
}

/** What the chart calls a unit: its name, or its code when it has none. */
function unitLabel(u: { readonly code: string; readonly name: string }): string {
  return u.name === "" ? u.code : u.name;
}

/** The sheet: header row, one row per unit (code, name, value, target), the chart at F2. */
export function chartSheet(spec: ChartSheetSpec): SheetSpec {
  const comparison = spec.comparison ?? ">=";
  const targetFormat = honestPercentFormat(spec.target, spec.target, "=");
  const rows = [
    ["Mã đơn vị", "Tên đơn vị", spec.valueName, spec.targetName].map((value) => ({ value, style: HEAD })),
    ...spec.units.map((u) => [
      { value: u.code, style: CELL },
      { value: unitLabel(u), style: { ...CELL, wrap: true } },
      {
        value: u.value,
        style: {
          ...CELL,
          numFmt: u.value === null ? "0.0%" : honestPercentFormat(u.value, spec.target, comparison),
        },
      },
      { value: spec.target, style: { ...CELL, numFmt: targetFormat } },
    ]),
  ];
  const n = spec.units.length;
  const last = n + 1;
  const withinOne =
    spec.units.every((u) => u.value === null || (u.value >= 0 && u.value <= 1)) && spec.target <= 1;
  const header = { center: spec.subtitle ? `${spec.title} – ${spec.subtitle}` : spec.title };
  // Codes shown whole; a long name wraps onto the lines it needs (a written file has no automatic height).
  const codeWidth = Math.min(24, Math.max(12, ...spec.units.map((u) => u.code.length + 2)));
  const rowHeights: Record<number, number> = { 0: 30 };
  spec.units.forEach((u, i) => {
    const lines = Math.ceil(unitLabel(u).length / (NAME_WIDTH - 1));
    if (lines > 1) rowHeights[i + 1] = Math.min(409, lines * 15);
  });
  return {
    name: spec.name,
    rows,
    columnWidths: [codeWidth, NAME_WIDTH, 14, 14],
    rowHeights,
    freeze: { rows: 1, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: "1:1", header, footer: PAGE_OF_PAGES },
    chart:
      n === 0
        ? undefined
        : {
            title: spec.title,
            categories: `B2:B${last}`,
            series: [
              { name: spec.valueName, values: `C2:C${last}`, type: "column", color: CHART_COLORS.values },
              { name: spec.targetName, values: `D2:D${last}`, type: "line", color: CHART_COLORS.target },
            ],
            axisFormat: spec.axisFormat ?? "0%",
            axisMin: 0,
            axisMax: withinOne ? 1 : undefined,
            anchor: `${columnLetters(CHART_FIRST_COL)}2:${columnLetters(CHART_FIRST_COL + chartWidth(n) - 1)}${1 + CHART_ROWS}`,
          },
  };
}
