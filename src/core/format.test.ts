// Vietnamese notation and honest percents: the boundaries the issue names, and a property that no
// displayed text (or Excel display under the chosen format) flips the verdict of the exact judgement.

import fc from "fast-check";
import {
  honestPercent,
  honestPercentDistance,
  honestPercentFormat,
  viDecimal,
  viInteger,
  viPercent,
  type Comparison,
} from "./format";

describe("Vietnamese notation", () => {
  test("thousands with dots, decimals with a comma", () => {
    expect(viInteger(1234)).toBe("1.234");
    expect(viInteger(1234567)).toBe("1.234.567");
    expect(viInteger(999)).toBe("999");
    expect(viInteger(0)).toBe("0");
    expect(viInteger(-1234)).toBe("-1.234");
    expect(viInteger(-0)).toBe("0");
    expect(viInteger(123456789012345)).toBe("123.456.789.012.345");
    // Beyond 15 digits Excel keeps 15 significant ones, and so does the text.
    expect(viInteger(1234567890123456)).toBe("1.234.567.890.123.460");
    expect(viInteger(1234.5)).toBe("1.235");
    expect(viDecimal(1234.5)).toBe("1.234,5");
    expect(viDecimal(1234.5, 2)).toBe("1.234,50");
    expect(viDecimal(0.05, 1)).toBe("0,1");
  });

  test("percents with one decimal and a space before the sign", () => {
    expect(viPercent(0.955)).toBe("95,5%");
    expect(viPercent(0.6)).toBe("60,0%");
    expect(viPercent(1)).toBe("100,0%");
    expect(viPercent(0.4444444444444444)).toBe("44,4%");
    expect(viPercent(0.5, { decimals: 0 })).toBe("50%");
    expect(viPercent(12.345)).toBe("1.234,5%");
  });

  test("halves round away from zero, as Excel shows them (not toFixed's binary rounding)", () => {
    // 0.9555 is 0.95549999… in binary; toFixed would give 95,5.
    expect(viPercent(0.9555)).toBe("95,6%");
    expect(viPercent(0.0005)).toBe("0,1%");
    expect(viPercent(-0.0005)).toBe("-0,1%");
    expect(viDecimal(2.5, 0)).toBe("3");
  });

  test("a float's noise does not show: 1 − 90/100 is 10,0%, 0.1 + 0.2 is 30,0%", () => {
    expect(viPercent(1 - 90 / 100)).toBe("10,0%");
    expect(viPercent(0.1 + 0.2)).toBe("30,0%");
  });

  test("no negative zero", () => {
    expect(viPercent(-0.0001)).toBe("0,0%");
    expect(viInteger(-0.2)).toBe("0");
  });

  test("decimals outside 0–6 are a programming error", () => {
    expect(() => viDecimal(1, 7)).toThrow(RangeError);
    expect(() => viPercent(1, { decimals: -1 })).toThrow(RangeError);
  });
});

describe("honest percents at the boundaries (SPEC §9)", () => {
  test("94,98% against ≥ 95% is not shown as 95,0%", () => {
    expect(honestPercent(0.9498, 0.95, ">=")).toBe("94,98%");
    expect(viPercent(0.9498)).toBe("95,0%"); // what plain rounding would claim
  });
  test("59,96% against ≥ 60%", () => {
    expect(honestPercent(0.5996, 0.6, ">=")).toBe("59,96%");
  });
  test("a reduction of 9,96% against ≥ 10%", () => {
    expect(honestPercent(0.0996, 0.1, ">=")).toBe("9,96%");
  });
  test("exactly on the target shows the target with one decimal", () => {
    expect(honestPercent(0.6, 0.6, ">=")).toBe("60,0%");
    expect(honestPercent(21 / 35, 0.6, ">=")).toBe("60,0%");
    expect(honestPercent(0.95, 0.95, "=")).toBe("95,0%");
  });
  test("a reduction of exactly 10% (1 − 90/100 in floats) meets ≥ 10% and shows 10,0%", () => {
    expect(honestPercent(1 - 90 / 100, 0.1, ">=")).toBe("10,0%");
    expect(honestPercent(1 - 90 / 100, 0.1, ">=", { met: true })).toBe("10,0%");
  });
  test("far from the target: one decimal", () => {
    expect(honestPercent(40 / 90, 0.6, ">=")).toBe("44,4%");
    expect(honestPercent(0.97, 0.95, ">=")).toBe("97,0%");
  });
  test("a short value very close to its target rounds down, never up to the target", () => {
    expect(honestPercent(0.94999, 0.95, ">=")).toBe("94,999%");
    expect(honestPercent(0.9499999, 0.95, ">=")).toBe("94,9999%");
    expect(honestPercent(0.599999999, 0.6, ">=")).toBe("59,9999%");
  });
  test("strictly above: 95% judged short against > 95% shows 95,0%, never 95,1%", () => {
    expect(honestPercent(0.95, 0.95, ">")).toBe("95,0%");
    // Just above 95% meets "> 95%" and must not look equal to it.
    expect(honestPercent(0.9504, 0.95, ">")).toBe("95,04%");
    expect(honestPercent(0.95000001, 0.95, ">")).toBe("95,0001%");
  });
  test("at most: 5,04% against ≤ 5% is short and must not show 5,0%", () => {
    expect(honestPercent(0.0504, 0.05, "<=")).toBe("5,04%");
    // 4,96% meets "≤ 5%": showing it as 5,0% claims nothing it does not do.
    expect(honestPercent(0.0496, 0.05, "<=")).toBe("5,0%");
    expect(honestPercent(0.05, 0.05, "<=")).toBe("5,0%");
  });
  test("equal: a value off the target never shows as the target", () => {
    expect(honestPercent(0.60001, 0.6, "=")).toBe("60,001%");
    expect(honestPercent(0.59999, 0.6, "=")).toBe("59,999%");
  });
  test("the distance to the target in percentage points is a size, never negative, whichever side the value is on", () => {
    // Phụ lục II: "thấp hơn mục tiêu 2,8 điểm phần trăm" for ≥; "cao hơn mục tiêu 3,0 …" for ≤, not "-3,0".
    expect(honestPercentDistance(0.932, 0.96, ">=", { met: false })).toBe("2,8");
    expect(honestPercentDistance(0.72, 0.69, "<=", { met: false })).toBe("3,0");
    expect(honestPercentDistance(0.0504, 0.05, "<=", { met: false })).toBe("0,04");
    // "=": 62,0% and 58,0% are both 2,0 points off 60%.
    expect(honestPercentDistance(0.62, 0.6, "=", { met: false })).toBe("2,0");
    expect(honestPercentDistance(0.58, 0.6, "=", { met: false })).toBe("2,0");
  });
  test("the exact verdict wins over a float that disagrees with it", () => {
    // A caller whose exact judgement says short while the float rounds onto the target.
    expect(honestPercent(0.95, 0.95, ">=", { met: false })).toBe("94,9999%");
  });
  test("Excel number formats: 0.0% normally, more decimals near the target", () => {
    expect(honestPercentFormat(40 / 90, 0.6, ">=")).toBe("0.0%");
    expect(honestPercentFormat(0.6, 0.6, ">=")).toBe("0.0%");
    expect(honestPercentFormat(0.9498, 0.95, ">=")).toBe("0.00%");
    expect(honestPercentFormat(0.5996, 0.6, ">=")).toBe("0.00%");
    expect(honestPercentFormat(0.0996, 0.1, ">=")).toBe("0.00%");
    expect(honestPercentFormat(0.94999, 0.95, ">=")).toBe("0.000%");
    expect(honestPercentFormat(0.9499999, 0.95, ">=")).toBe("0.00000%");
  });

  test("a target in basis points and a large whole: as many decimals as it takes, past 6", () => {
    // 10 of 99,996 is 0,0100004% against ≤ 0,01%: short; "0.010000%" would show it met (found by the property below).
    expect(honestPercentFormat(10 / 99_996, 0.0001, "<=", { met: false })).toBe("0.0000000%");
    // A province's total one item short of 95% of 20,000,019 (19,000,018.05 needed): 94,99999975%.
    expect(honestPercentFormat(19_000_018 / 20_000_019, 0.95, ">=")).toBe("0.0000000%");
  });
});

// --- The property, with its own exact arithmetic (rationals over BigInt) as the oracle.

/** "94,98%" → [9498n, 10000n] exactly. */
function parseShown(text: string): [bigint, bigint] {
  const m = /^(-?)([\d.]+)(?:,(\d+))?%$/.exec(text);
  if (!m) throw new Error(`not a Vietnamese percent: ${JSON.stringify(text)}`);
  const [, sign = "", int = "", frac = ""] = m;
  expect(int).toMatch(/^\d{1,3}(\.\d{3})*$/);
  const digits = BigInt(int.replace(/\./g, "") + frac) * (sign === "-" ? -1n : 1n);
  return [digits, 100n * 10n ** BigInt(frac.length)];
}

function verdict([an, ad]: [bigint, bigint], comparison: Comparison, [bn, bd]: [bigint, bigint]): boolean {
  const l = an * bd;
  const r = bn * ad;
  return comparison === ">=" ? l >= r : comparison === ">" ? l > r : comparison === "<=" ? l <= r : l === r;
}

/** Excel's display of n/d under "0.00…%" with `decimals` decimals: half away from zero, exactly. */
function excelShown(n: bigint, d: bigint, decimals: number): [bigint, bigint] {
  const scale = 100n * 10n ** BigInt(decimals);
  const abs = n < 0n ? -n : n;
  const q = (2n * abs * scale + d) / (2n * d);
  return [n < 0n ? -q : q, scale];
}

const comparisons = fc.constantFrom<Comparison>(">=", ">", "<=", "=");
// Targets as a province writes them: whole percents, halves, basis points (0%–100%).
const targets = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((p) => [BigInt(p), 100n] as [bigint, bigint]),
  fc.integer({ min: 0, max: 10000 }).map((p) => [BigInt(p), 10000n] as [bigint, bigint]),
);

/** Anywhere in [0, 1], or a few items from the target (where rounding lies). */
const shares = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -3, max: 3 }));

/** The count `share` of `whole`: a fraction of it, or ceil(t·whole) + k items for an integer k. */
function partNear(share: number, whole: number, [n, d]: [bigint, bigint], maxShare: number): number {
  if (!Number.isInteger(share)) return Math.round(share * maxShare * whole);
  const atTarget = Number((n * BigInt(whole) + d - 1n) / d);
  return Math.min(Math.max(atTarget + share, 0), Math.round(maxShare * whole));
}

describe("property: the text never flips the exact verdict", () => {
  test("ratios of counts (part/whole), with and without the exact verdict passed in", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        shares,
        targets,
        comparisons,
        (whole, share, t, comparison) => {
          const part = partNear(share, whole, t, 1);
          const exact: [bigint, bigint] = [BigInt(part), BigInt(whole)];
          const met = verdict(exact, comparison, t);
          const target = Number(t[0]) / Number(t[1]);
          for (const options of [{ met }, {}]) {
            const text = honestPercent(part / whole, target, comparison, options);
            expect({ text, verdict: verdict(parseShown(text), comparison, t) }).toEqual({
              text,
              verdict: met,
            });
          }
          const format = honestPercentFormat(part / whole, target, comparison, { met });
          const decimals = format === "0%" ? 0 : format.length - 3;
          expect(format).toMatch(/^0(\.0+)?%$/);
          expect(verdict(excelShown(exact[0], exact[1], decimals), comparison, t)).toBe(met);
          // And no more decimals than it takes: the first count of decimals whose display keeps the verdict.
          const fewest = Array.from({ length: 15 }, (_, k) => k + 1).find(
            (d) => verdict(excelShown(exact[0], exact[1], d), comparison, t) === met,
          );
          expect(decimals).toBe(fewest);
        },
      ),
      { numRuns: 3000, seed: 226 },
    );
  });

  test("reductions 1 − cur/prev (floating-point noise) with the exact verdict", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        shares,
        targets,
        comparisons,
        (previous, share, t, comparison) => {
          // A reduction r = 1 − cur/prev near t is cur near (1 − t)·prev.
          const current = partNear(share, previous, [t[1] - t[0], t[1]], 1.5);
          const exact: [bigint, bigint] = [BigInt(previous - current), BigInt(previous)];
          const met = verdict(exact, comparison, t);
          const text = honestPercent(1 - current / previous, Number(t[0]) / Number(t[1]), comparison, {
            met,
          });
          expect({ text, verdict: verdict(parseShown(text), comparison, t) }).toEqual({ text, verdict: met });
        },
      ),
      { numRuns: 3000, seed: 226 },
    );
  });

  test("any value and target: the text is a Vietnamese percent with 1–4 decimals that keeps the verdict", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        comparisons,
        (value, target, comparison) => {
          const text = honestPercent(value, target, comparison);
          expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*,\d{1,4}%$/);
          // The oracle for the verdict: the value as Excel shows it (15 significant digits), exactly.
          const asShown = (x: number, p?: number): [bigint, bigint] => {
            const [mant = "", exp = "0"] = (
              p === undefined ? x.toExponential() : x.toExponential(p - 1)
            ).split("e");
            const digits = BigInt(mant.replace(".", ""));
            const shift = Number(exp) - (mant.split(".")[1]?.length ?? 0);
            return shift >= 0 ? [digits * 10n ** BigInt(shift), 1n] : [digits, 10n ** BigInt(-shift)];
          };
          const met = verdict(asShown(value, 15), comparison, asShown(target));
          fc.pre(!(comparison === "=" && met)); // equality to an arbitrary float needs its every digit
          expect({ text, verdict: verdict(parseShown(text), comparison, asShown(target)) }).toEqual({
            text,
            verdict: met,
          });
        },
      ),
      { numRuns: 3000, seed: 226 },
    );
  });
});
