// What the taskpane derives from a Consolidation for output: the summary workbook, its file
// names, the JSON report and the chart data of the online-meeting ratio.

import { periodLabel, consolidationJson, type Consolidation } from "../core/consolidate";
import { honestPercent } from "../core/format";
import type { Profile } from "../core/profile";
import { summaryWorkbook } from "../core/summary";
import type { ChartSheetSpec, WorkbookSpec } from "../core/sheetspec";

export function summarySpec(c: Consolidation, profile: Profile): WorkbookSpec {
  return summaryWorkbook(c, profile);
}

export function summaryFileName(c: Consolidation, ext: "xlsx" | "json"): string {
  const period = c.period ? `-${c.period.kind}-${c.period.year}` : "";
  return `tong-hop-KL226${period}.${ext}`;
}

export function summaryJsonText(c: Consolidation): string {
  return `${JSON.stringify(consolidationJson(c), null, 2)}\n`;
}

/** The chart sheet's name, in the .xlsx and in the open workbook. */
export const CHART_SHEET = "Biểu đồ";

export function onlineRatioChart(c: Consolidation, profile: Profile): ChartSheetSpec {
  const target = profile.targets.ONLINE_RATIO;
  // The target exactly, in Vietnamese notation: "60 %", "95,5 %".
  const pct = honestPercent(target, target, "=", { decimals: 0 });
  return {
    name: CHART_SHEET,
    title: `Tỷ lệ hội nghị trực tuyến theo đơn vị${c.period ? `, ${periodLabel(c.period)}` : ""} (mục tiêu ≥ ${pct})`,
    valueName: "Tỷ lệ họp trực tuyến",
    targetName: `Mục tiêu ${pct}`,
    target,
    units: c.units.map((u) => ({ code: u.code, name: u.name, value: u.indicators.ONLINE_RATIO.value })),
  };
}
