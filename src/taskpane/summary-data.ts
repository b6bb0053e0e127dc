// What the taskpane derives from a Consolidation for output: the summary workbook, its file
// names, the JSON report and the chart data of the online-meeting ratio.

import { periodLabel, consolidationJson, type Consolidation } from "../core/consolidate";
import type { Profile } from "../core/profile";
import { summaryWorkbook } from "../core/summary";
import type { WorkbookSpec } from "../core/sheetspec";
import type { RatioChartData } from "./excel/summary";

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

export function onlineRatioChart(c: Consolidation, profile: Profile): RatioChartData {
  const target = profile.targets.ONLINE_RATIO;
  const pct = `${Math.round(target * 1000) / 10}%`.replace(".", ",");
  return {
    title: `Tỷ lệ hội nghị trực tuyến theo đơn vị${c.period ? `, ${periodLabel(c.period)}` : ""} (mục tiêu ≥ ${pct})`,
    seriesName: "Tỷ lệ họp trực tuyến",
    targetName: `Mục tiêu ${pct}`,
    target,
    units: c.units.map((u) => ({ code: u.code, value: u.indicators.ONLINE_RATIO.value })),
  };
}
