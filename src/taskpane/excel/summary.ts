// The consolidation summary into the open workbook: the SPEC §5 sheets (rendered from the same
// WorkbookSpec as the downloadable .xlsx) plus a chart sheet of the online-meeting ratio per unit
// against its target line. Two syncs for any number of units (see write-sheets.ts for the budget).

import type { SheetSpec, WorkbookSpec } from "../../core/sheetspec";
import type { SummaryWriteReport } from "../actions";
import { DEFAULT_MAX_REQUEST_BYTES, replaceSheets } from "./write-sheets";

export const CHART_SHEET = "Biểu đồ";

export interface RatioChartData {
  readonly title: string;
  readonly seriesName: string;
  readonly targetName: string;
  readonly target: number;
  readonly units: ReadonlyArray<{ readonly code: string; readonly value: number | null }>;
}

/** The chart's data table: unit code, ratio (blank when it cannot be judged), target. */
function chartSheet(data: RatioChartData): SheetSpec {
  const head = { bold: true, fill: "D9E2F3", border: true, wrap: true } as const;
  return {
    name: CHART_SHEET,
    columnWidths: [16, 14, 12],
    freeze: { rows: 1, cols: 0 },
    rows: [
      [
        { value: "Mã đơn vị", style: head },
        { value: data.seriesName, style: head },
        { value: data.targetName, style: head },
      ],
      ...data.units.map((u) => [
        { value: u.code, style: { border: true } },
        { value: u.value, style: { border: true, numFmt: "0.0%" } },
        { value: data.target, style: { border: true, numFmt: "0%" } },
      ]),
    ],
  };
}

/**
 * Writes `spec`'s sheets and the chart sheet, replacing earlier copies; returns what was written
 * and how many syncs it took.
 */
export async function writeSummary(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  chart: RatioChartData,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
): Promise<SummaryWriteReport> {
  const withChart: WorkbookSpec = { ...spec, sheets: [...spec.sheets, chartSheet(chart)] };
  const { worksheets, budget } = await replaceSheets(context, withChart, [], maxRequestBytes);
  const ws = worksheets.get(CHART_SHEET);
  if (ws && chart.units.length > 0) {
    await budget.spend(2000);
    addRatioChart(ws, chart);
  }
  const first = spec.sheets[0] ? worksheets.get(spec.sheets[0].name) : undefined;
  first?.activate();
  await budget.flush();
  return { sheets: withChart.sheets.map((s) => s.name), syncs: budget.syncs };
}

/** Clustered columns per unit with the target as a line series (the sheet's columns A–C). */
function addRatioChart(ws: Excel.Worksheet, chart: RatioChartData): Excel.Chart {
  const last = chart.units.length + 1;
  const c = ws.charts.add("ColumnClustered", ws.getRange(`A1:C${last}`), "Columns");
  c.title.text = chart.title;
  c.legend.position = "Bottom";
  const target = c.series.getItemAt(1);
  target.chartType = "Line";
  target.format.line.color = "#C00000";
  const axis = c.axes.valueAxis;
  axis.numberFormat = "0%";
  axis.minimum = 0;
  axis.maximum = 1;
  c.setPosition("E2", "Q26");
  return c;
}
