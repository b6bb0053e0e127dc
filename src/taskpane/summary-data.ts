// What the taskpane derives from a Consolidation for output: the summary workbook, its file
// names, the JSON report and the chart of the online-meeting ratio (all built in core/summary.ts).

import { consolidationJson } from "../core/consolidate";
import type { Consolidation } from "../core/consolidation";
import type { Profile } from "../core/profile";
import { summaryChart, summaryWorkbook } from "../core/summary";
import type { ChartSheetSpec, WorkbookSpec } from "../core/sheetspec";

export { CHART_SHEET } from "../core/summary";

export function summarySpec(c: Consolidation, profile: Profile): WorkbookSpec {
  return summaryWorkbook(c, profile);
}

export function summaryFileName(c: Consolidation, ext: "xlsx" | "json"): string {
  const period = c.period ? `-${c.period.kind}-${c.period.year}` : "";
  return `tong-hop-${c.form.id.split("-")[0] ?? "KL226"}${period}.${ext}`;
}

export function summaryJsonText(c: Consolidation): string {
  return `${JSON.stringify(consolidationJson(c), null, 2)}\n`;
}

/** The summary's chart (SPEC §9), as the .xlsx and the Excel path draw it. */
export function onlineRatioChart(c: Consolidation): ChartSheetSpec | null {
  return summaryChart(c);
}
