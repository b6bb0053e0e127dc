// What the taskpane derives from a Consolidation for output: the summary workbook, its file
// names, the JSON report and the chart data of the online-meeting ratio.

import { periodLabel, consolidationJson, type Consolidation } from "../core/consolidate";
import { chartIndicator } from "../core/form";
import { targetText } from "../core/indicator-text";
import type { Profile } from "../core/profile";
import { summaryWorkbook } from "../core/summary";
import type { WorkbookSpec } from "../core/sheetspec";
import type { RatioChartData } from "./excel/summary";

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

/** The chart of the summary (SPEC §9): the online-meeting ratio per unit against its target (another form: its first ratio). */
export function onlineRatioChart(c: Consolidation, _profile?: Profile): RatioChartData | null {
  const ind = chartIndicator(c.form);
  if (!ind) return null;
  return {
    title: `${ind.label} theo đơn vị${c.period ? `, ${periodLabel(c.period)}` : ""} (mục tiêu ${targetText(ind)})`,
    seriesName: ind.short,
    targetName: `Mục tiêu ${targetText(ind)}`,
    target: ind.target,
    units: c.units.map((u) => ({ code: u.code, value: u.indicators[ind.id]?.value ?? null })),
  };
}
