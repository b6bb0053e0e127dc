// Indicator values, statuses and gaps, judged exactly (SPEC §2, §5, §8): targets become integer
// fractions and every comparison (≥, >, ≤, =) is a cross-multiplication of integers, never a
// comparison of rounded floats. Percentages typed by units are whole hundredths of a percent.

import type { Comparison, Indicator } from "./form";
import { signHolds } from "./format";
import { memoize } from "./memo";

export type Status = "met" | "short" | "na";

/** A rational n/d with integers (d > 0). */
export type Fraction = readonly [numerator: number, denominator: number];

/** The exact decimal fraction of a target as written (0.6 → 6/10, 0.15 → 15/100, 1 → 1/1). */
export function toFraction(value: number): Fraction {
  return fraction(value);
}

// A handful of targets are judged millions of times (GAP in a 100,000-row sheet): remember them.
const fraction = memoize(computeFraction, 1000);

function computeFraction(value: number): Fraction {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`target must be a finite non-negative number: ${value}`);
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

/** Sign of a·b − c·d for integers, exact even when the products pass 2^53. */
function compareProducts(a: number, b: number, c: number, d: number): number {
  const left = a * b;
  const right = c * d;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  const diff = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** Sign of x/y − n/d (y, d > 0). */
function compareFraction(x: number, y: number, [n, d]: Fraction): number {
  return compareProducts(x, d, n, y);
}

/** ceil(x·n/d) for non-negative integers. */
function ceilMulDiv(x: number, [n, d]: Fraction): number {
  const p = x * n;
  if (Number.isSafeInteger(p + d)) return Math.floor((p + d - 1) / d);
  return Number((BigInt(x) * BigInt(n) + BigInt(d) - 1n) / BigInt(d));
}

/** floor(x·n/d) for non-negative integers. */
function floorMulDiv(x: number, [n, d]: Fraction): number {
  const p = x * n;
  if (Number.isSafeInteger(p)) return Math.floor(p / d);
  return Number((BigInt(x) * BigInt(n)) / BigInt(d));
}

export interface Judgement {
  /** A fraction for ratios, reductions and percents, a count for max/minCount; null when na. */
  readonly value: number | null;
  readonly status: Status;
  /** Items short (SPEC §5): 0 unless short; null for a percent (no countable item) and when not judged in this period. */
  readonly gap: number | null;
}

const NA: Judgement = { value: null, status: "na", gap: 0 };

/**
 * Items a count `x` must move by to satisfy `x op bound`, where the bound is the exact rational
 * `limit·t` (t = n/d): SPEC §5's ceil(t·whole) − part and cur − floor((1 − t)·prev), for every comparison.
 */
function itemsToMove(x: number, limit: number, t: Fraction, op: Comparison): number {
  const lo = floorMulDiv(limit, t);
  const hi = ceilMulDiv(limit, t);
  switch (op) {
    case ">=":
      return Math.max(0, hi - x);
    case ">":
      return Math.max(0, lo + 1 - x);
    case "<=":
      return Math.max(0, x - lo);
    case "=":
      return x < hi ? hi - x : Math.max(0, x - lo);
  }
}

/** part/whole op target: na when whole is 0 or either is missing. */
export function judgeRatio(
  part: number | null,
  whole: number | null,
  target: number,
  op: Comparison = ">=",
): Judgement {
  if (part === null || whole === null || whole === 0) return NA;
  const t = toFraction(target);
  const met = signHolds(compareFraction(part, whole, t), op);
  return {
    value: part / whole,
    status: met ? "met" : "short",
    gap: met ? 0 : itemsToMove(part, whole, t, op),
  };
}

/** (previous − current)/previous op target: na when previous is 0 or either is missing; current may exceed previous (growth). */
export function judgeReduction(
  previous: number | null,
  current: number | null,
  target: number,
  op: Comparison = ">=",
): Judgement {
  if (previous === null || current === null || previous === 0) return NA;
  const t = toFraction(target);
  const met = signHolds(compareFraction(previous - current, previous, t), op);
  if (met) return { value: (previous - current) / previous, status: "met", gap: 0 };
  // r op t ⇔ current (reversed op) (1 − t)·previous: the allowed number of items.
  const allowed: Fraction = [t[1] - t[0], t[1]];
  const reversed: Record<Comparison, Comparison> = { ">=": "<=", ">": ">", "<=": ">=", "=": "=" };
  let gap: number;
  if (op === ">") {
    // current < (1 − t)·previous ⇔ current ≤ ceil(…) − 1.
    gap = Math.max(0, current - (ceilMulDiv(previous, allowed) - 1));
  } else gap = itemsToMove(current, previous, allowed, reversed[op]);
  return { value: (previous - current) / previous, status: "short", gap };
}

/** count op target (maxCount: ≤, minCount: ≥ by default). */
export function judgeCount(count: number | null, target: number, op: Comparison): Judgement {
  if (count === null) return NA;
  const met = signHolds(Math.sign(count - target), op);
  if (met) return { value: count, status: "met", gap: 0 };
  const gap =
    op === ">="
      ? target - count
      : op === ">"
        ? target + 1 - count
        : op === "<="
          ? count - target
          : Math.abs(count - target);
  return { value: count, status: "short", gap };
}

/** count ≤ max (SPEC §2 OVERTIME_MEETINGS). */
export function judgeMaxCount(count: number | null, max: number): Judgement {
  return judgeCount(count, max, "<=");
}

/**
 * A rate given as numerator/denominator of a fraction (a unit's typed percentage in hundredths
 * over 10,000, or the province's Σ rate·weight over 10,000·Σ weight) op target. No gap: a
 * satisfaction rate has no countable item short.
 */
export function judgeRate(
  numerator: number,
  denominator: number,
  target: number,
  op: Comparison = ">=",
): Judgement {
  if (denominator <= 0) return NA;
  const met = signHolds(compareFraction(numerator, denominator, toFraction(target)), op);
  return { value: numerator / denominator, status: met ? "met" : "short", gap: met ? 0 : null };
}

/** A typed percentage (96.5) as whole hundredths (9650); the validator allows at most 2 decimals. */
export function hundredths(percent: number): number {
  return Math.round(percent * 100);
}

export interface CountPair {
  readonly previous: number | null;
  readonly current: number | null;
}

/** Values by count code; a percent count holds the percentage as typed (96.5). */
export type CountValues = Readonly<Record<string, CountPair>>;

const BLANK: CountPair = { previous: null, current: null };

export function pairOf(values: CountValues, code: string): CountPair {
  return values[code] ?? BLANK;
}

/** Judge one indicator on a unit's counts (the province's pooled values are judged in consolidate.ts). */
export function judgeIndicator(ind: Indicator, values: CountValues): Judgement {
  switch (ind.kind) {
    case "ratio":
      return judgeRatio(
        pairOf(values, ind.part).current,
        pairOf(values, ind.whole).current,
        ind.target,
        ind.comparison,
      );
    case "reduction":
      return judgeReduction(
        pairOf(values, ind.of).previous,
        pairOf(values, ind.of).current,
        ind.target,
        ind.comparison,
      );
    case "maxCount":
    case "minCount":
      return judgeCount(pairOf(values, ind.of).current, ind.target, ind.comparison);
    case "percent": {
      const rate = pairOf(values, ind.rate).current;
      return rate === null ? NA : judgeRate(hundredths(rate), 10_000, ind.target, ind.comparison);
    }
  }
}

/**
 * Judge an already computed value (a ratio or reduction as a float, or a count) against a
 * target, as the custom function CHECK does. Both are correctly rounded doubles of exact
 * fractions, so comparing them agrees with the exact comparison (rounding is monotonic).
 */
export function judgeValue(op: Comparison, value: number, target: number): Exclude<Status, "na"> {
  return signHolds(Math.sign(value - target), op) ? "met" : "short";
}
