// How indicators, targets, values and shortfalls read in Vietnamese (SPEC §9): targets as the plan
// writes them ("≥ 60 %", "> 95 %", "≤ 0"), values in Vietnamese notation with as many decimals as
// needed so a value short of its target never displays as equal to or better than the target,
// and each shortfall worded by what happened.

import type { Comparison, Indicator, IndicatorKind } from "./form";
import { toFraction, type Status } from "./judge";

const NBSP = "\u00a0";

/** The comparison as a sign in a sentence or header. */
export const COMPARISON_SIGN: Readonly<Record<Comparison, string>> = { ">=": "≥", ">": ">", "<=": "≤", "=": "=" };

export const isCountKind = (kind: IndicatorKind): boolean => kind === "maxCount" || kind === "minCount";

/** 1234567 → "1.234.567"; 12.5 → "12,5" (Vietnamese notation). */
export function viNumberText(n: number): string {
  const negative = n < 0;
  const [int = "0", frac] = String(Math.abs(n)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/** A fraction as a Vietnamese percent with `decimals` decimals: 0.955 → "95,5 %". */
export function percentWith(value: number, decimals: number): string {
  const scaled = Math.round(Math.abs(value) * 100 * 10 ** decimals);
  const text = (scaled / 10 ** decimals).toFixed(decimals).replace(".", ",");
  return `${value < 0 && scaled !== 0 ? "-" : ""}${text}${NBSP}%`;
}

/** "≥ 60 %", "> 95 %", "≤ 0", "≥ 15": a target as the plan writes it. */
export function targetText(ind: Pick<Indicator, "kind" | "comparison" | "target">): string {
  const sign = COMPARISON_SIGN[ind.comparison];
  if (isCountKind(ind.kind)) return `${sign} ${viNumberText(ind.target)}`;
  return `${sign} ${viNumberText(Math.round(ind.target * 1_000_000) / 10_000)}${NBSP}%`;
}

/** Sign of a − b for a decimal a = digits/10^decimals (a percent) and b = target·100 exactly. */
function compareShown(scaled: number, decimals: number, target: number): number {
  const [n, d] = toFraction(target);
  const left = BigInt(scaled) * BigInt(d);
  const right = BigInt(n) * 100n * 10n ** BigInt(decimals);
  return left > right ? 1 : left < right ? -1 : 0;
}

function holds(sign: number, op: Comparison): boolean {
  return op === ">=" ? sign >= 0 : op === ">" ? sign > 0 : op === "<=" ? sign <= 0 : sign === 0;
}

/**
 * Decimals (1–6) for a percent display of `value` such that the displayed number, judged against
 * the target, gives the same verdict as the value itself (94,98 % against ≥ 95 %, never 95,0 %).
 */
export function honestDecimals(value: number, target: number, comparison: Comparison, status: Status): number {
  if (status === "na") return 1;
  for (let decimals = 1; decimals <= 6; decimals++) {
    const scaled = Math.round(value * 100 * 10 ** decimals);
    if (!Number.isSafeInteger(scaled)) return decimals;
    if (holds(compareShown(scaled, decimals, target), comparison) === (status === "met")) return decimals;
  }
  return 6;
}

/** Excel number format with `decimals` decimals of a percent: 1 → "0.0%". */
export function percentFormat(decimals: number): string {
  return `0.${"0".repeat(decimals)}%`;
}

/** An indicator's value as shown in documents: honest percent, or a count; "—" when not judged. */
export function indicatorValueText(ind: Pick<Indicator, "kind" | "comparison" | "target">, value: number | null, status: Status): string {
  if (value === null) return "—";
  if (isCountKind(ind.kind)) return viNumberText(value);
  return percentWith(value, honestDecimals(value, ind.target, ind.comparison, status));
}

/** SPEC §5 "how many items short", worded per kind of target (a reduction: items over the allowed number). */
export function gapText(ind: Indicator, gap: number | null): string {
  const n = gap === null ? "" : viNumberText(gap);
  switch (ind.kind) {
    case "ratio":
      return ind.comparison === "<=" ? `vượt ${n} ${ind.itemUnit} so với mức cho phép` : `cần thêm ${n} ${ind.itemUnit} để đạt mục tiêu`;
    case "reduction":
      return `vượt ${n} ${ind.itemUnit} so với mức cho phép`;
    case "maxCount":
      return `vượt ${n} ${ind.itemUnit} so với quy định`;
    case "minCount":
      return `còn thiếu ${n} ${ind.itemUnit} so với mục tiêu`;
    case "percent":
      return `chưa đạt mức ${targetText(ind)}`;
  }
}

/** The same, as a sentence fragment starting with a capital. */
export function gapSentence(ind: Indicator, gap: number | null): string {
  const t = gapText(ind, gap);
  return t.charAt(0).toUpperCase() + t.slice(1);
}
