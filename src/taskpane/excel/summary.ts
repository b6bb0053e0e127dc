// The consolidation summary into the open workbook: the SPEC §5 sheets (rendered from the same
// WorkbookSpec as the downloadable .xlsx) plus the chart sheet of the online-meeting ratio per unit
// against its target line (core/chart.ts, the same chart the .xlsx writer draws), each sheet with
// the same print setup. Two syncs for any number of units (see write-sheets.ts for the budget).

import { chartSheet } from "../../core/chart";
import type { ChartSheetSpec, WorkbookSpec } from "../../core/sheetspec";
import { matchKey } from "../../core/text";
import type { SummaryWriteReport } from "../actions";
import { DEFAULT_MAX_REQUEST_BYTES, replaceSheets } from "./write-sheets";

/**
 * Writes `spec`'s sheets and the chart sheet (unless `spec` has a sheet of that name already),
 * replacing earlier copies; returns what was written and how many syncs it took.
 */
export async function writeSummary(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  chart: ChartSheetSpec,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
): Promise<SummaryWriteReport> {
  const hasChart = spec.sheets.some((s) => matchKey(s.name) === matchKey(chart.name));
  const withChart: WorkbookSpec = hasChart ? spec : { ...spec, sheets: [...spec.sheets, chartSheet(chart)] };
  const { worksheets, budget } = await replaceSheets(context, withChart, [], maxRequestBytes);
  const first = spec.sheets[0] ? worksheets.get(spec.sheets[0].name) : undefined;
  first?.activate();
  await budget.flush();
  return { sheets: withChart.sheets.map((s) => s.name), syncs: budget.syncs };
}
