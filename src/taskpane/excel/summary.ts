// The consolidation summary into the open workbook: the SPEC §5 sheets (rendered from the same
// WorkbookSpec as the downloadable .xlsx) plus the chart sheet of the online-meeting ratio per unit
// against its target line (core/chart.ts, the same chart the .xlsx writer draws), each sheet with
// the same print setup. Two syncs for any number of units (see write-sheets.ts for the budget).

import type { WorkbookSpec } from "../../core/sheetspec";
import type { SummaryWriteReport } from "../actions";
import { DEFAULT_MAX_REQUEST_BYTES, replaceSheets } from "./write-sheets";

/** Writes `spec`'s sheets (the summary's chart sheet among them), replacing earlier copies; returns what was written and how many syncs it took. */
export async function writeSummary(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
): Promise<SummaryWriteReport> {
  // The summary carries its chart sheet (core/summary.ts), drawn by replaceSheets like the .xlsx writer does.
  const { worksheets, budget } = await replaceSheets(context, spec, [], maxRequestBytes);
  const first = spec.sheets[0] ? worksheets.get(spec.sheets[0].name) : undefined;
  first?.activate();
  await budget.flush();
  return { sheets: spec.sheets.map((s) => s.name), syncs: budget.syncs };
}
