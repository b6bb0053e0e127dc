// Indicator values, statuses and gaps, judged exactly (SPEC §2, §5): targets become integer
// fractions and comparisons are cross-multiplications, never comparisons of rounded floats.

import { INDICATORS, type CountCode, type IndicatorId } from "./catalogue";
import { memoize } from "./memo";

export type Status = "met" | "short" | "na";

/** A non-negative rational n/d with integers (d > 0). */
export type Fraction = readonly [numerator: number, denominator: number];

/** The exact decimal fraction of a target as written (0.6 → 6/10, 0.15 → 15/100, 1 → 1/1). */
export function toFraction(value: number): Fraction {
  return fraction(value);
}

// A handful of targets are judged millions of times (GAP in a 100,000-row sheet): remember them.
const fraction = memoize(computeFraction, 1000);

function computeFraction(value: number): Fraction {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`target must be a finite non-negative number: ${value}`);
  // String(0.6) is "0.6": the shortest decimal that round-trips is the value the province wrote.
  const text = value.toString();
  if (/e/i.test(text)) return approximate(value);
  const [int = "0", frac = ""] = text.split(".");
  const den = 10 ** frac.length;
  if (!Number.isSafeInteger(den)) return approximate(value);
  return [Number(int + frac), den];
}

function approximate(value: number): Fraction {
  const den = 1_000_000_000;
  return [Math.round(value * den), den];
}

/** a·b ≥ c·d for non-negative integers, exact even when the products pass 2^53. */
function productGte(a: number, b: number, c: number, d: number): boolean {
  const left = a * b;
  const right = c * d;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(a) * BigInt(b) >= BigInt(c) * BigInt(d);
}

/** ceil(n·x/d) for non-negative integers. */
function ceilMulDiv(x: number, [n, d]: Fraction): number {
  const p = x * n;
  if (Number.isSafeInteger(p + d)) return Math.floor((p + d - 1) / d);
  return Number((BigInt(x) * BigInt(n) + BigInt(d) - 1n) / BigInt(d));
}

/** floor(n·x/d) for non-negative integers. */
function floorMulDiv(x: number, [n, d]: Fraction): number {
  const p = x * n;
  if (Number.isSafeInteger(p)) return Math.floor(p / d);
  return Number((BigInt(x) * BigInt(n)) / BigInt(d));
}

export interface Judgement {
  /** The indicator's value: a fraction for ratios and reductions, a count for maxCount; null when na. */
  readonly value: number | null;
  readonly status: Status;
  /** Items short when status is "short" (SPEC §5), else 0. */
  readonly gap: number;
}

const NA: Judgement = { value: null, status: "na", gap: 0 };

/** part/whole ≥ target: na when whole is 0 or either is missing. */
export function judgeRatio(part: number | null, whole: number | null, target: number): Judgement {
  if (part === null || whole === null || whole === 0) return NA;
  const t = toFraction(target);
  const met = productGte(part, t[1], t[0], whole);
  // SPEC §5: missing items = ceil(t·whole) − part.
  return { value: part / whole, status: met ? "met" : "short", gap: met ? 0 : Math.max(0, ceilMulDiv(whole, t) - part) };
}

/** (previous − current)/previous ≥ target: na when previous is 0 or either is missing. */
export function judgeReduction(previous: number | null, current: number | null, target: number): Judgement {
  if (previous === null || current === null || previous === 0) return NA;
  const t = toFraction(target);
  // (prev − cur)/prev ≥ n/d  ⇔  (prev − cur)·d ≥ n·prev; cur may exceed prev (growth).
  const diff = previous - current;
  const met = diff >= 0 && productGte(diff, t[1], t[0], previous);
  // SPEC §5: items above the allowed number = cur − floor((1 − t)·prev).
  const allowed = floorMulDiv(previous, [t[1] - t[0], t[1]]);
  return { value: diff / previous, status: met ? "met" : "short", gap: met ? 0 : Math.max(0, current - allowed) };
}

/** count ≤ max. */
export function judgeMaxCount(count: number | null, max: number): Judgement {
  if (count === null) return NA;
  const met = count <= max;
  return { value: count, status: met ? "met" : "short", gap: met ? 0 : count - max };
}

export interface CountPair {
  readonly previous: number | null;
  readonly current: number | null;
}

export type CountValues = Readonly<Record<CountCode, CountPair>>;

/** Judge one indicator on a unit's (or the province's) counts. */
export function judgeIndicator(id: IndicatorId, values: CountValues, target: number): Judgement {
  const rule = INDICATORS[id];
  switch (rule.kind) {
    case "ratio":
      return judgeRatio(values[rule.part].current, values[rule.whole].current, target);
    case "reduction":
      return judgeReduction(values[rule.of].previous, values[rule.of].current, target);
    case "maxCount":
      return judgeMaxCount(values[rule.of].current, target);
  }
}

/**
 * Judge an already computed value (a ratio or reduction as a float, or a count) against a
 * target, as the custom function CHECK does. Both are correctly rounded doubles of exact
 * fractions, so `>=` on them agrees with the exact comparison (rounding is monotonic).
 */
export function judgeValue(id: IndicatorId, value: number, target: number): Exclude<Status, "na"> {
  return INDICATORS[id].kind === "maxCount" ? (value <= target ? "met" : "short") : value >= target ? "met" : "short";
}

/** Display of a fraction as a percent with one decimal, Vietnamese style ("60,0%"). */
export function percentText(value: number | null): string {
  if (value === null) return "—";
  return `${(Math.round(value * 1000) / 10).toFixed(1).replace(".", ",")}%`;
}
