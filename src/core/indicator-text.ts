// How indicators, targets, values and shortfalls read in Vietnamese (SPEC §9): targets as the plan
// writes them ("≥ 60%", "> 95%", "≤ 0"), values in Vietnamese notation with as many decimals as
// needed so a value short of its target never displays as equal to or better than the target,
// and each shortfall worded by what happened.

import type { Comparison, Indicator, IndicatorKind } from "./form";
import { honestPercent, honestPercentFormat, viInteger, viPercent } from "./format";
import type { Status } from "./judge";

/** The comparison as a sign in a sentence or header. */
export const COMPARISON_SIGN: Readonly<Record<Comparison, string>> = {
  ">=": "≥",
  ">": ">",
  "<=": "≤",
  "=": "=",
};

export const isCountKind = (kind: IndicatorKind): boolean => kind === "maxCount" || kind === "minCount";

/** "≥ 60%", "> 95%", "≤ 0", "≥ 15": a target as the plan writes it. */
export function targetText(ind: Pick<Indicator, "kind" | "comparison" | "target">): string {
  const sign = COMPARISON_SIGN[ind.comparison];
  if (isCountKind(ind.kind)) return `${sign} ${viInteger(ind.target)}`;
  // The target exactly as written: 0.6 → "60%", 0.955 → "95,5%".
  return `${sign} ${honestPercent(ind.target, ind.target, "=", { decimals: 0 })}`;
}

/**
 * A target in words, as the plans write them in prose: "từ 60% trở lên", "trên 95%", "100%" (a
 * ratio cannot pass it), a reduction "giảm ít nhất 10%", a count "không quá 2 cuộc họp" ("không có
 * cuộc họp nào" for none). The sign form (targetText) stays for table headers and cells.
 */
export function targetWords(ind: Pick<Indicator, "kind" | "comparison" | "target" | "itemUnit">): string {
  // "at most 0 meetings over time" is, in words, none at all.
  if (ind.kind === "maxCount" && ind.target === 0 && ind.comparison === "<=")
    return `không có ${ind.itemUnit} nào`;
  const count = isCountKind(ind.kind);
  const x = count
    ? `${viInteger(ind.target)} ${ind.itemUnit}`
    : honestPercent(ind.target, ind.target, "=", { decimals: 0 });
  if (ind.kind === "reduction")
    return ind.comparison === ">="
      ? `giảm ít nhất ${x}`
      : ind.comparison === ">"
        ? `giảm trên ${x}`
        : `giảm ${targetText(ind)}`;
  switch (ind.comparison) {
    case ">=":
      return !count && ind.target === 1 ? x : `từ ${x} trở lên`;
    case ">":
      return `trên ${x}`;
    case "<=":
      return `không quá ${x}`;
    case "=":
      return x;
  }
}

/** An indicator's value as shown in documents: honest percent, or a count; "—" when not judged. */
export function indicatorValueText(
  ind: Pick<Indicator, "kind" | "comparison" | "target">,
  value: number | null,
  status: Status,
): string {
  if (value === null) return "—";
  if (isCountKind(ind.kind)) return viInteger(value);
  return status === "na"
    ? viPercent(value)
    : honestPercent(value, ind.target, ind.comparison, { met: status === "met" });
}

/** The Excel number format of an indicator's value cell: honest for a percent (SPEC §9), thousands for a count. */
export function indicatorValueFormat(
  ind: Pick<Indicator, "kind" | "comparison" | "target">,
  value: number | null,
  status: Status,
): string {
  if (isCountKind(ind.kind)) return "#,##0";
  if (value === null || status === "na") return "0.0%";
  return honestPercentFormat(value, ind.target, ind.comparison, { met: status === "met" });
}

/**
 * Whether a value judged against an "=" target lies above it (a ratio or a count too high, a
 * reduction too deep): the gap then counts items to take away, not to add. Other comparisons say
 * their direction themselves.
 */
function aboveEqualTarget(ind: Indicator, value: number | null | undefined): boolean {
  return ind.comparison === "=" && value !== null && value !== undefined && value > ind.target;
}

/**
 * SPEC §5 "how many items short", worded per kind of target (a reduction: items over the allowed
 * number). `value` gives an "=" target's side: 12 of 15 online against "= 60%" is 3 meetings too
 * many, not "cần thêm".
 */
export function gapText(ind: Indicator, gap: number | null, value: number | null | undefined): string {
  const n = gap === null ? "" : viInteger(gap);
  const above = aboveEqualTarget(ind, value);
  switch (ind.kind) {
    case "ratio":
      if (above) return `nhiều hơn mục tiêu ${n} ${ind.itemUnit}`;
      return ind.comparison === "<="
        ? `vượt ${n} ${ind.itemUnit} so với mức cho phép`
        : `cần thêm ${n} ${ind.itemUnit} để đạt mục tiêu`;
    case "reduction":
      // Reduced deeper than an "=" target asks: the items are fewer than planned, not too many.
      return above
        ? `giảm nhiều hơn mục tiêu ${n} ${ind.itemUnit}`
        : `vượt ${n} ${ind.itemUnit} so với mức cho phép`;
    case "maxCount":
    case "minCount":
      // "vượt 8 cuộc họp so với quy định" under "Hội nghị vượt thời lượng" read as too many meetings.
      if (ind.comparison === "=")
        return above
          ? `nhiều hơn mục tiêu ${n} ${ind.itemUnit}`
          : `còn thiếu ${n} ${ind.itemUnit} so với mục tiêu`;
      return ind.kind === "maxCount"
        ? `nhiều hơn mức cho phép ${n} ${ind.itemUnit}`
        : `còn thiếu ${n} ${ind.itemUnit} so với mục tiêu`;
    case "percent":
      return `chưa đạt mức ${targetWords(ind)}`;
  }
}

/**
 * The gap worth saying of a shortfall, or undefined: a percent has no countable item, so its gap
 * would only repeat the target (letters, report and taskpane leave it out), nor does a count whose
 * target is none ("có 2 cuộc họp, mục tiêu: không có cuộc họp nào" already says 2 too many); no
 * gap, nothing to say.
 */
export function shownGap(
  ind: Indicator,
  gap: number | null | undefined,
  value: number | null | undefined,
): string | undefined {
  const repeats = ind.kind === "percent" || (ind.kind === "maxCount" && ind.target === 0);
  return repeats || gap === null || gap === undefined ? undefined : gapText(ind, gap, value);
}

/** "cần thêm …" → "Cần thêm …". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The same, as a sentence fragment starting with a capital. */
export function gapSentence(ind: Indicator, gap: number | null, value: number | null): string {
  return sentenceCase(gapText(ind, gap, value));
}
