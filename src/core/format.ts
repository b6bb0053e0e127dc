// Numbers as documents print them (Vietnamese notation: 1.234; 95,5%) and honest percents (SPEC §9):
// a value short of its target never displays as equal to or better than the target.
//
// Arithmetic is on exact decimals (BigInt digits and a power-of-ten scale), never on floats: a
// float is read as the decimal Excel shows for it (15 significant digits), rounded half away from
// zero as Excel rounds, and compared with the target exactly.

/** How a value is judged against its target: value ≥ target, value > target, … */
export type Comparison = ">=" | ">" | "<=" | "=";

/** Decimals of a number's text (viDecimal, viPercent) never exceed this (a percent with 6 is a fraction with 8). */
const MAX_DECIMALS = 6;
/**
 * Decimals an honest percent may take to keep its verdict (its text, and the Excel format, which can
 * only round to nearest). A ratio of counts off its target is at least 1/(10,000 × whole) from it
 * when the target is in basis points (0,01%), so 6 decimals fail from a whole of ≈ 20,000 (10 of
 * 99,996 against ≤ 0,01% showed as "0.010000%"); 15 cover wholes up to 10^12, and Excel shows no
 * more than 15 significant digits anyway.
 */
const MAX_HONEST_DECIMALS = 15;

/** An exact decimal `digits / 10^scale`. */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** The decimal a float stands for: its shortest round-trip text, or Excel's 15 significant digits. */
function decimalOf(x: number, significant?: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const text = significant === undefined ? String(x) : x.toPrecision(significant);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new RangeError(`unreadable number: ${text}`);
  const [, sign = "", int = "0", frac = "", exp = "0"] = m;
  let digits = BigInt(int + frac);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  return { digits: sign === "-" ? -digits : digits, scale };
}

/** ⌊a/b⌋ and ⌈a/b⌉ for BigInt (b > 0); BigInt's own division truncates toward zero. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

type Rounding = "nearest" | "floor" | "ceil";

/** `d` at `scale` decimals; "nearest" rounds half away from zero, as Excel does. */
function rescale(d: Decimal, scale: number, rounding: Rounding): Decimal {
  if (d.scale <= scale) return { digits: d.digits * pow10(scale - d.scale), scale };
  const div = pow10(d.scale - scale);
  if (rounding === "floor") return { digits: floorDiv(d.digits, div), scale };
  if (rounding === "ceil") return { digits: ceilDiv(d.digits, div), scale };
  const abs = d.digits < 0n ? -d.digits : d.digits;
  const q = (abs + div / 2n) / div;
  return { digits: d.digits < 0n ? -q : q, scale };
}

/** Sign of a − b. */
function compare(a: Decimal, b: Decimal): number {
  const left = a.digits * pow10(Math.max(0, b.scale - a.scale));
  const right = b.digits * pow10(Math.max(0, a.scale - b.scale));
  return left === right ? 0 : left > right ? 1 : -1;
}

/** Whether a comparison holds, given the sign of value − target (−1, 0 or 1; any negative or positive number). */
export function signHolds(sign: number, op: Comparison): boolean {
  switch (op) {
    case ">=":
      return sign >= 0;
    case ">":
      return sign > 0;
    case "<=":
      return sign <= 0;
    case "=":
      return sign === 0;
  }
}

function holds(value: Decimal, comparison: Comparison, target: Decimal): boolean {
  return signHolds(compare(value, target), comparison);
}

/** "1.234.567" from the digits of a non-negative integer. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Vietnamese text of `d`: "." between thousands, "," before the decimals ("-1.234,50"). */
function decimalText(d: Decimal): string {
  const negative = d.digits < 0n;
  const abs = (negative ? -d.digits : d.digits).toString().padStart(d.scale + 1, "0");
  const int = abs.slice(0, abs.length - d.scale);
  const frac = abs.slice(abs.length - d.scale);
  const text = groupThousands(int) + (d.scale > 0 ? "," + frac : "");
  // "-0,0" would claim a sign the value does not show.
  return negative && /[1-9]/.test(abs) ? "-" + text : text;
}

function checkDecimals(decimals: number, most = MAX_DECIMALS): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > most)
    throw new RangeError(`decimals must be an integer 0–${most}: ${decimals}`);
}

/** An integer in Vietnamese notation: 1234 → "1.234" (rounded half away from zero). */
export function viInteger(value: number): string {
  // A whole number of at most 15 digits (every count) is its own text, grouped; no rounding to do.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) {
    return value < 0 ? "-" + groupThousands(String(-value)) : groupThousands(String(value));
  }
  return viDecimal(value, 0);
}

/** A number with `decimals` decimals in Vietnamese notation: 1234.5 → "1.234,5". */
export function viDecimal(value: number, decimals = 1): string {
  checkDecimals(decimals);
  return decimalText(rescale(decimalOf(value, 15), decimals, "nearest"));
}

/** A fraction as a percent in Vietnamese notation: 0.955 → "95,5%" (one decimal unless told). */
export function viPercent(fraction: number, options: { readonly decimals?: number } = {}): string {
  const decimals = options.decimals ?? 1;
  checkDecimals(decimals);
  return percentText(rescale(decimalOf(fraction, 15), decimals + 2, "nearest"));
}

function percentText(fractionDigits: Decimal): string {
  // A fraction with k + 2 decimals is a percent with k decimals: the same digits, scale − 2.
  return `${decimalText({ digits: fractionDigits.digits, scale: fractionDigits.scale - 2 })}%`;
}

export interface HonestOptions {
  /**
   * The verdict from the exact judgement (judge.ts), when the caller has it. Without it the verdict
   * is the value as Excel shows it (15 significant digits) against the target; that agrees with the
   * exact one for ratios of counts, and for reductions computed as 1 − cur/prev (0.0999… is 0,1).
   */
  readonly met?: boolean;
  /** Fewest decimals shown (default 1). */
  readonly decimals?: number;
  /** Most decimals shown (default 4); beyond, the value is rounded toward its verdict's side. */
  readonly maxDecimals?: number;
}

interface HonestChoice {
  readonly decimals: number;
  /** The percent shown, as a fraction with decimals + 2 decimals. */
  readonly shown: Decimal;
}

function chooseHonest(
  value: number,
  target: number,
  comparison: Comparison,
  options: HonestOptions,
): HonestChoice {
  const min = options.decimals ?? 1;
  const max = Math.max(min, options.maxDecimals ?? 4);
  checkDecimals(min);
  checkDecimals(max, MAX_HONEST_DECIMALS);
  const v = decimalOf(value, 15);
  const t = decimalOf(target);
  const met = options.met ?? holds(v, comparison, t);
  for (let d = min; d <= max; d++) {
    const shown = rescale(v, d + 2, "nearest");
    if (holds(shown, comparison, t) === met) return { decimals: d, shown };
  }
  // Still dishonest at the most decimals: round toward the side the verdict is on.
  const rounding = towardVerdict(comparison, met, compare(v, t));
  let shown = rescale(v, max + 2, rounding);
  if (holds(shown, comparison, t) !== met && rounding !== "nearest") {
    // Only when `met` disagrees with the value itself (a value a hair off its exact judgement).
    const step = rounding === "ceil" ? 1n : -1n;
    const edge = rescale(t, max + 2, rounding);
    shown = holds(edge, comparison, t) === met ? edge : { digits: edge.digits + step, scale: edge.scale };
  }
  return { decimals: max, shown };
}

function towardVerdict(comparison: Comparison, met: boolean, sign: number): Rounding {
  switch (comparison) {
    case ">=":
    case ">":
      return met ? "ceil" : "floor";
    case "<=":
      return met ? "floor" : "ceil";
    case "=":
      // Equal: nothing better than nearest; not equal: away from the target.
      return met ? "nearest" : sign > 0 ? "ceil" : "floor";
  }
}

/**
 * The percent of `value` judged `comparison` `target` (fractions), with as many decimals as it
 * takes for the text to keep the verdict: 0.9498 against ≥ 0.95 is "94,98%", never "95,0%";
 * 0.6 against ≥ 0.6 is "60,0%". Parsing the text back gives a value with the same verdict.
 */
export function honestPercent(
  value: number,
  target: number,
  comparison: Comparison,
  options: HonestOptions = {},
): string {
  return percentText(chooseHonest(value, target, comparison, options).shown);
}

/**
 * How far the honest percent shown for `value` lies from `target`, in percentage points, with the
 * decimals that percent has: 0.932 against ≥ 0.96 shows "93,2%", 2,8 points short ("2,8").
 */
export function honestPercentDistance(
  value: number,
  target: number,
  comparison: Comparison,
  options: HonestOptions = {},
): string {
  const { shown } = chooseHonest(value, target, comparison, options);
  const diff = rescale(decimalOf(target), shown.scale, "nearest").digits - shown.digits;
  return decimalText({ digits: diff < 0n ? -diff : diff, scale: shown.scale - 2 });
}

/**
 * The Excel number format for a cell holding `value` judged against `target` so that Excel's own
 * display keeps the verdict: "0.0%" normally, "0.00%" (or more) near the target. Excel can only
 * round to nearest, so this allows up to 15 decimals unless told (MAX_HONEST_DECIMALS).
 */
export function honestPercentFormat(
  value: number,
  target: number,
  comparison: Comparison,
  options: HonestOptions = {},
): string {
  const d = honestPercentDecimals(value, target, comparison, options);
  return d === 0 ? "0%" : `0.${"0".repeat(d)}%`;
}

/** The decimals of the percent honestPercentFormat shows (a percentage cell of its own takes the same). */
export function honestPercentDecimals(
  value: number,
  target: number,
  comparison: Comparison,
  options: HonestOptions = {},
): number {
  const all = { maxDecimals: MAX_HONEST_DECIMALS, ...options };
  return (
    fewestDecimalsWhenFar(value, target, comparison, all) ??
    chooseHonest(value, target, comparison, all).decimals
  );
}

/**
 * The fewest decimals, when the value lies more than one shown step (10^−(d+2) of a fraction) from
 * its target, as almost every unit of a summary does: rounding to the nearest step moves it by at most
 * half a step, so what is shown stays on the value's side and keeps its verdict, and the exact
 * arithmetic (a few BigInt operations per cell, the summary's costliest formatting) is not needed.
 * Undefined near the target, or when the caller's exact verdict disagrees with the float's.
 */
function fewestDecimalsWhenFar(
  value: number,
  target: number,
  comparison: Comparison,
  options: HonestOptions,
): number | undefined {
  const min = options.decimals ?? 1;
  checkDecimals(min);
  checkDecimals(Math.max(min, options.maxDecimals ?? 4), MAX_HONEST_DECIMALS);
  if (!Number.isFinite(value) || !Number.isFinite(target)) return undefined;
  const gap = value - target;
  if (!(Math.abs(gap) > 10 ** -(min + 2))) return undefined;
  if (options.met !== undefined && options.met !== signHolds(gap, comparison)) return undefined;
  return min;
}
