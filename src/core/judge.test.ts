import { judgeIndicator, judgeMaxCount, judgeRatio, judgeReduction, judgeValue, percentText, toFraction } from "./judge";
import { COUNT_CODES, type CountCode } from "./catalogue";
import type { CountValues } from "./judge";

describe("exact judging at the boundary (SPEC §5)", () => {
  test("21 online of 35 is exactly 60 % and meets ≥ 0.60", () => {
    expect(judgeRatio(21, 35, 0.6)).toEqual({ value: 0.6, status: "met", gap: 0 });
  });
  test("20 online of 35 is short by one meeting", () => {
    expect(judgeRatio(20, 35, 0.6)).toMatchObject({ status: "short", gap: 1 });
  });
  test("100 → 90 meetings is a 10 % reduction and meets, although 1 − 90/100 is 0.0999… in floats", () => {
    expect(1 - 90 / 100).toBeLessThan(0.1);
    expect(judgeReduction(100, 90, 0.1)).toMatchObject({ status: "met", gap: 0 });
  });
  test("100 → 91 meetings is short by one meeting over the limit", () => {
    expect(judgeReduction(100, 91, 0.1)).toMatchObject({ status: "short", gap: 1 });
  });
  test("20 → 17 documents is a 15 % reduction and meets", () => {
    expect(judgeReduction(20, 17, 0.15)).toMatchObject({ status: "met" });
    expect(judgeReduction(20, 18, 0.15)).toMatchObject({ status: "short", gap: 1 });
  });
  test("0.5999 does not meet 0.60", () => {
    expect(judgeRatio(5999, 10000, 0.6).status).toBe("short");
    expect(judgeRatio(6000, 10000, 0.6).status).toBe("met");
  });
  test("95 % of 20 needs 19 digital files; gap counts what is missing", () => {
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

test("judgeIndicator reads the rule from the catalogue", () => {
  const values = Object.fromEntries(COUNT_CODES.map((c) => [c, { previous: null, current: null }])) as Record<CountCode, { previous: number | null; current: number | null }>;
  values.HN_TONG = { previous: 100, current: 90 };
  values.HN_TRUC_TUYEN = { previous: null, current: 54 };
  const v = values as CountValues;
  expect(judgeIndicator("MEETING_REDUCTION", v, 0.1).status).toBe("met");
  expect(judgeIndicator("ONLINE_RATIO", v, 0.6)).toMatchObject({ status: "met", value: 0.6 });
  expect(judgeIndicator("EDOC_RATIO", v, 1).status).toBe("na");
});

test("judgeValue compares correctly rounded floats; reduction computed as (prev − cur)/prev meets", () => {
  expect(judgeValue("MEETING_REDUCTION", (100 - 90) / 100, 0.1)).toBe("met");
  expect(judgeValue("ONLINE_RATIO", 21 / 35, 0.6)).toBe("met");
  expect(judgeValue("OVERTIME_MEETINGS", 1, 0)).toBe("short");
});

test("percent display rounds to one decimal, Vietnamese decimal comma", () => {
  expect(percentText(0.6)).toBe("60,0%");
  expect(percentText(2 / 3)).toBe("66,7%");
  expect(percentText(null)).toBe("—");
});
