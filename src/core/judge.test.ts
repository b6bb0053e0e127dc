import fc from "fast-check";
import { DEFAULT_FORM } from "./forms";
import { indicatorById, type Indicator } from "./form";
import {
  hundredths,
  judgeCount,
  judgeIndicator,
  judgeMaxCount,
  judgeRate,
  judgeRatio,
  judgeReduction,
  judgeValue,
  toFraction,
} from "./judge";
import type { CountValues } from "./judge";
import { gapText } from "./indicator-text";

describe("exact judging at the boundary (SPEC §5)", () => {
  test("21 online of 35 is exactly 60% and meets ≥ 0.60", () => {
    expect(judgeRatio(21, 35, 0.6)).toEqual({ value: 0.6, status: "met", gap: 0 });
  });
  test("20 online of 35 is short by one meeting", () => {
    expect(judgeRatio(20, 35, 0.6)).toMatchObject({ status: "short", gap: 1 });
  });
  test("100 → 90 meetings is a 10% reduction and meets, although 1 − 90/100 is 0.0999… in floats", () => {
    expect(1 - 90 / 100).toBeLessThan(0.1);
    expect(judgeReduction(100, 90, 0.1)).toMatchObject({ status: "met", gap: 0 });
  });
  test("100 → 91 meetings is short by one meeting over the limit", () => {
    expect(judgeReduction(100, 91, 0.1)).toMatchObject({ status: "short", gap: 1 });
  });
  test("20 → 17 documents is a 15% reduction and meets", () => {
    expect(judgeReduction(20, 17, 0.15)).toMatchObject({ status: "met" });
    expect(judgeReduction(20, 18, 0.15)).toMatchObject({ status: "short", gap: 1 });
  });
  test("0.5999 does not meet 0.60", () => {
    expect(judgeRatio(5999, 10000, 0.6).status).toBe("short");
    expect(judgeRatio(6000, 10000, 0.6).status).toBe("met");
  });
  test("95% of 20 needs 19 digital files; gap counts what is missing", () => {
    expect(judgeRatio(18, 20, 0.95)).toMatchObject({ status: "short", gap: 1 });
    expect(judgeRatio(19, 20, 0.95).status).toBe("met");
    // ceil(0.95 · 21) = 20
    expect(judgeRatio(15, 21, 0.95).gap).toBe(5);
  });
  test("growth instead of reduction is short by the items above floor((1 − t)·prev)", () => {
    expect(judgeReduction(10, 12, 0.1)).toMatchObject({ status: "short", gap: 3, value: -0.2 });
  });
  test("na when the denominator is 0 or a value is missing, never met", () => {
    expect(judgeRatio(0, 0, 0.6).status).toBe("na");
    expect(judgeRatio(null, 10, 0.6).status).toBe("na");
    expect(judgeReduction(0, 5, 0.1).status).toBe("na");
    expect(judgeReduction(null, 5, 0.1).status).toBe("na");
    expect(judgeMaxCount(null, 0).status).toBe("na");
  });
  test("overtime meetings: the gap is the count itself", () => {
    expect(judgeMaxCount(3, 0)).toEqual({ value: 3, status: "short", gap: 3 });
    expect(judgeMaxCount(0, 0).status).toBe("met");
  });
  test("huge counts stay exact (BigInt fallback)", () => {
    const whole = 9_000_000_000_000_000;
    expect(judgeRatio(whole * 0.6, whole, 0.6).status).toBe("met");
    expect(judgeRatio(5_400_000_000_000_000 - 1, whole, 0.6).status).toBe("short");
  });
});

test("targets become the decimal fraction as written", () => {
  expect(toFraction(0.6)).toEqual([6, 10]);
  expect(toFraction(0.15)).toEqual([15, 100]);
  expect(toFraction(1)).toEqual([1, 1]);
  expect(toFraction(0)).toEqual([0, 1]);
});

const kl226 = (id: string): Indicator => indicatorById(DEFAULT_FORM, id)!;

test("judgeIndicator reads the rule from the form", () => {
  const v: CountValues = {
    HN_TONG: { previous: 100, current: 90 },
    HN_TRUC_TUYEN: { previous: null, current: 54 },
  };
  expect(judgeIndicator(kl226("MEETING_REDUCTION"), v).status).toBe("met");
  expect(judgeIndicator(kl226("ONLINE_RATIO"), v)).toMatchObject({ status: "met", value: 0.6 });
  expect(judgeIndicator(kl226("EDOC_RATIO"), v).status).toBe("na");
});

test("judgeValue compares correctly rounded floats; reduction computed as (prev − cur)/prev meets", () => {
  expect(judgeValue(">=", (100 - 90) / 100, 0.1)).toBe("met");
  expect(judgeValue(">=", 21 / 35, 0.6)).toBe("met");
  expect(judgeValue("<=", 1, 0)).toBe("short");
  expect(judgeValue(">", 0.95, 0.95)).toBe("short");
});

describe("every comparison (SPEC §8), judged exactly", () => {
  test("giải ngân > 95%: exactly 95% is short, by floor(0.95·whole) + 1 − part", () => {
    expect(judgeRatio(95, 100, 0.95, ">")).toEqual({ value: 0.95, status: "short", gap: 1 });
    expect(judgeRatio(96, 100, 0.95, ">")).toMatchObject({ status: "met", gap: 0 });
    // 0.95 · 1000 = 950 exactly: 951 are needed.
    expect(judgeRatio(900, 1000, 0.95, ">").gap).toBe(51);
    // 0.95 · 21 = 19.95: 20 are needed, as for ≥.
    expect(judgeRatio(18, 21, 0.95, ">").gap).toBe(2);
  });
  test("a ratio at most t: the items over floor(t·whole)", () => {
    expect(judgeRatio(5, 100, 0.05, "<=")).toMatchObject({ status: "met" });
    expect(judgeRatio(8, 100, 0.05, "<=")).toMatchObject({ status: "short", gap: 3 });
  });
  test("= t: met only at the exact fraction", () => {
    expect(judgeRatio(3, 5, 0.6, "=").status).toBe("met");
    expect(judgeRatio(2, 5, 0.6, "=")).toMatchObject({ status: "short", gap: 1 });
    expect(judgeRatio(4, 5, 0.6, "=")).toMatchObject({ status: "short", gap: 1 });
  });
  test("= t: the gap's words say which side of the target the value lies", () => {
    const online = indicatorById(DEFAULT_FORM, "ONLINE_RATIO")!;
    const equal: Indicator = { ...online, comparison: "=" };
    const words = (part: number, whole: number) => {
      const r = judgeRatio(part, whole, 0.6, "=");
      return gapText(equal, r.gap, r.value);
    };
    expect(words(2, 5)).toBe("cần thêm 1 cuộc họp trực tuyến để đạt mục tiêu");
    // 12 of 15 online against "= 60%": 3 too many, where it said "cần thêm 3".
    expect(words(12, 15)).toBe("nhiều hơn mục tiêu 3 cuộc họp trực tuyến");
    const docs = { ...indicatorById(DEFAULT_FORM, "DOC_REDUCTION")!, comparison: "=" } as Indicator;
    // 100 → 70 is a 30% cut against "= 15%": 15 documents fewer than planned, not "vượt".
    const deep = judgeReduction(100, 70, 0.15, "=");
    expect(gapText(docs, deep.gap, deep.value)).toBe("giảm nhiều hơn mục tiêu 15 văn bản");
    const shallow = judgeReduction(100, 90, 0.15, "=");
    expect(gapText(docs, shallow.gap, shallow.value)).toBe("vượt 5 văn bản so với mức cho phép");
    const overtime = {
      ...indicatorById(DEFAULT_FORM, "OVERTIME_MEETINGS")!,
      comparison: "=",
      target: 2,
    } as Indicator;
    const many = judgeCount(5, 2, "=");
    expect(gapText(overtime, many.gap, many.value)).toBe("nhiều hơn mục tiêu 3 cuộc họp");
    const few = judgeCount(1, 2, "=");
    expect(gapText(overtime, few.gap, few.value)).toBe("còn thiếu 1 cuộc họp so với mục tiêu");
  });
  test("minCount ≥ 15 TTHC cut: 14 is short by 1, 15 meets", () => {
    expect(judgeCount(14, 15, ">=")).toEqual({ value: 14, status: "short", gap: 1 });
    expect(judgeCount(15, 15, ">=")).toMatchObject({ status: "met", gap: 0 });
    expect(judgeCount(15, 15, ">")).toMatchObject({ status: "short", gap: 1 });
  });
  test("a reduction strictly above t: exactly t is short by one item", () => {
    expect(judgeReduction(100, 90, 0.1, ">")).toMatchObject({ status: "short", gap: 1 });
    expect(judgeReduction(100, 89, 0.1, ">")).toMatchObject({ status: "met" });
  });
  test("a rate (percent kind) is judged on its exact hundredths; no countable gap", () => {
    expect(judgeRate(9600, 10_000, 0.96)).toEqual({ value: 0.96, status: "met", gap: 0 });
    expect(judgeRate(9599, 10_000, 0.96)).toEqual({ value: 0.9599, status: "short", gap: null });
    expect(judgeRate(0, 0, 0.96).status).toBe("na");
  });
  test("a typed percentage is its hundredths exactly, even where the float times 100 falls just short", () => {
    // 81,85 · 100 is 8184,999… and 1,13 · 100 is 112,999… in floats: a unit's 81,85% is never 81,84%.
    expect(hundredths(81.85)).toBe(8185);
    expect(hundredths(1.13)).toBe(113);
    expect(hundredths(96.5)).toBe(9650);
    expect(hundredths(100)).toBe(10_000);
  });
  test("the comparisons agree with BigInt arithmetic on random fractions", () => {
    let gapsChecked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(">=" as const, ">" as const, "<=" as const, "=" as const),
        (part, extra, pct, op) => {
          const whole = part + extra;
          const t = pct / 100;
          const lhs = BigInt(part) * 100n;
          const rhs = BigInt(pct) * BigInt(whole);
          const expected =
            op === ">=" ? lhs >= rhs : op === ">" ? lhs > rhs : op === "<=" ? lhs <= rhs : lhs === rhs;
          const j = judgeRatio(part, whole, t, op);
          expect(j.status).toBe(expected ? "met" : "short");
          if (!expected && op === ">=") {
            // The gap is the least number of items that, added to the part, meets the target.
            const gap = j.gap ?? -1;
            expect(BigInt(part + gap) * 100n >= rhs && BigInt(part + gap - 1) * 100n < rhs).toBe(true);
            gapsChecked += 1;
          }
        },
      ),
      { numRuns: 500, seed: 226 },
    );
    // The draws reach short "≥" verdicts, whose gaps the branch above checks (65 of 500 at seed 226).
    expect(gapsChecked).toBeGreaterThan(0);
  });
});
