// The chart sheet of a summary (SPEC §9): one value per unit as columns against the target as a
// line (for many units, a second chart of those furthest from the target), with the data table
// beside it, laid out as a SheetSpec that the .xlsx writer and the Excel path both draw. A
// worksheet with charts on it rather than an Excel chartsheet: Office.js cannot create chartsheets,
// and the numbers the charts show print next to them (docs/DECISIONS.md).

import { honestPercentFormat } from "./format";
import { columnLetters } from "./workbook";
import {
  MAX_ROW_HEIGHT,
  PAGE_OF_PAGES,
  TABLE_HEAD as HEAD,
  type CellStyle,
  type ChartSheetSpec,
  type ChartSpec,
  type SheetSpec,
  withNumFmt,
} from "./sheetspec";

const CELL: CellStyle = { border: true };
const NAME: CellStyle = { ...CELL, wrap: true };
/** The chart's colours: columns in the summary's blue, the target line in red. */
export const CHART_COLORS = { values: "4472C4", target: "C00000" } as const;
/** Columns of the data table: code, name, value, target. The chart starts after one blank column. */
const NAME_WIDTH = 36;
const TABLE_COLUMNS = 4;
const CHART_FIRST_COL = TABLE_COLUMNS + 1;
const CHART_ROWS = 30;
/**
 * From this many units on, a second chart below the first shows only the FURTHEST_UNITS furthest
 * from the target (the lowest, or the highest where less is better), with names that can be read:
 * the first chart's columns get too thin to name each unit (printed at 300 units, one label stood
 * for every fourth column and the columns were hairlines).
 */
const SECOND_CHART_FROM = 61;
const FURTHEST_UNITS = 30;
/** The second chart starts this many rows below the first one's top. */
const SECOND_CHART_OFFSET = CHART_ROWS + 2;

/**
 * The chart's width in columns: room for each unit's column and label, up to what still prints
 * legibly beside the table (the sheet is fitted to one landscape A4 width: at 40 columns the page
 * shrank to ≈ 35% and the bars and labels could not be read; at 18 it prints at ≈ 65%).
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
  const targetStyle = withNumFmt(CELL, honestPercentFormat(spec.target, spec.target, "="));
  const rows = [
    ["Mã đơn vị", "Tên đơn vị", spec.valueName, spec.targetName].map((value) => ({ value, style: HEAD })),
    ...spec.units.map((u) => [
      { value: u.code, style: CELL },
      { value: unitLabel(u), style: NAME },
      {
        value: u.value,
        style: withNumFmt(
          CELL,
          u.value === null ? "0.0%" : honestPercentFormat(u.value, spec.target, comparison),
        ),
      },
      { value: spec.target, style: targetStyle },
    ]),
  ];
  const n = spec.units.length;
  const withinOne =
    spec.units.every((u) => u.value === null || (u.value >= 0 && u.value <= 1)) && spec.target <= 1;
  const header = { center: spec.subtitle ? `${spec.title} – ${spec.subtitle}` : spec.title };
  // Codes shown whole; a long name wraps onto the lines it needs (a written file has no automatic height).
  const codeWidth = Math.min(24, Math.max(12, ...spec.units.map((u) => u.code.length + 2)));
  const rowHeights: Record<number, number> = { 0: 30 };
  spec.units.forEach((u, i) => {
    const lines = Math.ceil(unitLabel(u).length / (NAME_WIDTH - 1));
    if (lines > 1) rowHeights[i + 1] = Math.min(MAX_ROW_HEIGHT, lines * 15);
  });
  return {
    name: spec.name,
    rows,
    columnWidths: [codeWidth, NAME_WIDTH, 14, 14],
    rowHeights,
    freeze: { rows: 1, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: "1:1", header, footer: PAGE_OF_PAGES },
    charts: n === 0 ? [] : charts(spec, withinOne),
  };
}

/**
 * The chart of every unit (rows 2…n+1 of the table, ranked lowest first) and, for many units, the
 * chart of the FURTHEST_UNITS furthest from the target below it: the first rows of the table where
 * more is better, the last rows that have a value where less is better.
 */
function charts(spec: ChartSheetSpec, withinOne: boolean): ChartSpec[] {
  const n = spec.units.length;
  const left = columnLetters(CHART_FIRST_COL);
  const right = columnLetters(CHART_FIRST_COL + chartWidth(n) - 1);
  const chart = (title: string, first: number, last: number, top: number): ChartSpec => ({
    title,
    categories: `B${first}:B${last}`,
    series: [
      { name: spec.valueName, values: `C${first}:C${last}`, type: "column", color: CHART_COLORS.values },
      { name: spec.targetName, values: `D${first}:D${last}`, type: "line", color: CHART_COLORS.target },
    ],
    axisFormat: spec.axisFormat ?? "0%",
    axisMin: 0,
    axisMax: withinOne ? 1 : undefined,
    anchor: `${left}${top}:${right}${top + CHART_ROWS - 1}`,
  });
  const all = chart(spec.title, 2, n + 1, 2);
  const valued = spec.units.filter((u) => u.value !== null).length;
  if (n < SECOND_CHART_FROM || valued <= FURTHEST_UNITS) return [all];
  const lessIsBetter = (spec.comparison ?? ">=").startsWith("<");
  const first = lessIsBetter ? valued - FURTHEST_UNITS + 2 : 2;
  const title = `${spec.title}: ${FURTHEST_UNITS} đơn vị ${lessIsBetter ? "cao" : "thấp"} nhất`;
  return [all, chart(title, first, first + FURTHEST_UNITS - 1, 2 + SECOND_CHART_OFFSET)];
}
