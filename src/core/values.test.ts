import { readCount, readDate, readDecimal, readPercent } from "./values";
import { dateFromSerial, serialFromDate } from "./dates";
import type { Cell } from "./workbook";

const num = (value: number): Cell => ({ value: { kind: "number", value } });
const str = (value: string): Cell => ({ value: { kind: "string", value } });

test.each([
  [num(34), { kind: "ok", value: 34, coerced: false }],
  [num(34.0), { kind: "ok", value: 34, coerced: false }],
  [str("34"), { kind: "ok", value: 34, coerced: true, text: "34" }],
  [str(" 1.234 "), { kind: "ok", value: 1234, coerced: true, text: "1.234" }],
  [str("1 234"), { kind: "ok", value: 1234, coerced: true, text: "1 234" }],
  [str("1.234.567"), { kind: "ok", value: 1234567, coerced: true, text: "1.234.567" }],
  [str("1\u00a0234"), { kind: "ok", value: 1234, coerced: true, text: "1\u00a0234" }],
  [str("38.0"), { kind: "ok", value: 38, coerced: true, text: "38.0" }],
  [str("38,00"), { kind: "ok", value: 38, coerced: true, text: "38,00" }],
  // Full-width digits from an East Asian keyboard; a zero-width space pasted with the number.
  [str("２５"), { kind: "ok", value: 25, coerced: true, text: "２５" }],
  // An apostrophe kept as text before the number (LibreOffice, Google Sheets), or a word processor's ‘ or ’ for it.
  [str("\u2019170"), { kind: "ok", value: 170, coerced: true, text: "\u2019170" }],
  [str("３．４５６"), { kind: "ok", value: 3456, coerced: true, text: "３．４５６" }],
  [str("3456\u200b"), { kind: "ok", value: 3456, coerced: true, text: "3456" }],
  // A soft hyphen pasted with it (Word's optional hyphen): invisible, as cellText drops it.
  [str("1.234\u00ad"), { kind: "ok", value: 1234, coerced: true, text: "1.234" }],
  // A formula whose result Excel shows as 21 and saves as 20.999999999999996.
  [
    { value: { kind: "number", value: 20.999999999999996 }, formula: true } as Cell,
    { kind: "ok", value: 21, coerced: true, text: "20,999999999999996", rounded: true },
  ],
  // =0.3-0.1-0.2: Excel shows 0 and saves -2.7755575615628914e-17.
  [
    { value: { kind: "number", value: 0.3 - 0.1 - 0.2 }, formula: true } as Cell,
    { kind: "ok", value: 0, coerced: true, text: "-2,7755575615628914e-17", rounded: true },
  ],
])("counts a clerk types are read: %p", (cell, expected) => {
  expect(readCount(cell)).toEqual(expected);
});

test.each([
  [num(-1), "negative"],
  [num(3.5), "fraction"],
  [str("-3"), "negative"],
  // The typographic minus and a dash (a word processor's "-") were "không phải là số".
  [str("\u22122"), "negative"],
  [str("\u2013 2"), "negative"],
  [str("\u20143"), "negative"],
  [str("\u20112"), "negative"],
  [str("\ufe632"), "negative"],
  [str("2,5"), "fraction"],
  [str("1,234"), "commaGroups"],
  [str("1,234,567"), "commaGroups"],
  [str("1,000"), "commaGroups"],
  [str("ba mươi"), "text"],
  [str("12 cuộc"), "text"],
  [{ value: { kind: "error", value: "#REF!" } } as Cell, "error"],
  [{ value: { kind: "boolean", value: true } } as Cell, "boolean"],
  [{ value: { kind: "empty" }, formula: true } as Cell, "noCachedValue"],
])("bad counts are rejected with a reason: %p", (cell, why) => {
  expect(readCount(cell)).toMatchObject({ kind: "bad", why });
});

test("a count with decimals is quoted as a Vietnamese Excel shows it", () => {
  expect(readCount(num(1000.5))).toEqual({ kind: "bad", why: "fraction", shown: "1000,5" });
  // A typed number off a whole one by a rounding error is still a fraction: only a formula's result is rounded.
  expect(readCount(num(20.999999999999996))).toMatchObject({ kind: "bad", why: "fraction" });
  // A formula's real fraction stays bad, said as the formula's result (its cell may show it rounded).
  expect(readCount({ value: { kind: "number", value: 20.5 }, formula: true })).toMatchObject({
    kind: "bad",
    why: "formulaFraction",
  });
});

describe("rates (SPEC §8, 0–100)", () => {
  const pct = (value: number): Cell => ({ value: { kind: "number", value, isPercent: true } });
  test.each([
    [num(96.5), { kind: "ok", value: 96.5, coerced: false }],
    [num(0), { kind: "ok", value: 0, coerced: false }],
    [num(1.5), { kind: "ok", value: 1.5, coerced: false }],
    [pct(0.965), { kind: "ok", value: 96.5, coerced: false }],
    [pct(0.0097), { kind: "ok", value: 0.97, coerced: false }],
    [str("0,97%"), { kind: "ok", value: 0.97, coerced: true, text: "0,97%" }],
    [str("1%"), { kind: "ok", value: 1, coerced: true, text: "1%" }],
    // From an East Asian keyboard, and with a zero-width space pasted after it.
    [str("９６，５"), { kind: "ok", value: 96.5, coerced: true, text: "96,5" }],
    [str("96,5\u200b"), { kind: "ok", value: 96.5, coerced: true, text: "96,5" }],
    [str("96,5\u00ad"), { kind: "ok", value: 96.5, coerced: true, text: "96,5" }],
  ])("read: %p", (cell, expected) => {
    expect(readPercent(cell)).toEqual(expected);
  });
  test.each([
    [num(0.965), "0,965"],
    [num(0.97), "0,97"],
    [num(1), "1"],
    [str("0,97"), "0,97"],
    [str("0.5"), "0.5"],
  ])("a fraction where the scale is 0–100 is refused, not read as under 1%%: %p", (cell, shown) => {
    expect(readPercent(cell)).toEqual({ kind: "bad", why: "scale", shown });
  });
  test("100% is the top of the scale and is read, however typed; a hundredth more is out of range", () => {
    // Every answer satisfied: 100 typed, "100%" typed, or 1 in a cell formatted as a percentage.
    expect(readPercent(num(100))).toEqual({ kind: "ok", value: 100, coerced: false });
    expect(readPercent(str("100%"))).toEqual({ kind: "ok", value: 100, coerced: true, text: "100%" });
    expect(readPercent(pct(1))).toEqual({ kind: "ok", value: 100, coerced: false });
    expect(readPercent(num(100.01))).toEqual({ kind: "bad", why: "range", shown: "100,01" });
  });
  test("“1.234” is a thousand and more in Vietnamese writing: out of range, not a rate with 3 decimals to round to 1,23", () => {
    expect(readPercent(str("1.234"))).toEqual({ kind: "bad", why: "dotThousands", shown: "1.234" });
    expect(readPercent(str("1.234 %"))).toEqual({ kind: "bad", why: "dotThousands", shown: "1.234 %" });
    expect(readPercent(str("96.500"))).toEqual({ kind: "bad", why: "dotThousands", shown: "96.500" });
    expect(readPercent(str("0.965"))).toEqual({ kind: "bad", why: "scale", shown: "0.965" });
    expect(readPercent(str("\u22125"))).toEqual({ kind: "bad", why: "negative", shown: "\u22125" });
  });
  test("a rate with more than 2 decimals is refused, even one a hair off a hundredth (96,55004 is not 96,55)", () => {
    expect(readPercent(num(96.5501))).toEqual({ kind: "bad", why: "decimals", shown: "96,5501" });
    expect(readPercent(num(96.55004))).toEqual({ kind: "bad", why: "decimals", shown: "96,55004" });
    expect(readPercent(num(96.54999))).toEqual({ kind: "bad", why: "decimals", shown: "96,54999" });
    expect(readPercent(num(96.55))).toEqual({ kind: "ok", value: 96.55, coerced: false });
  });
});

test("blank is blank", () => {
  expect(readCount(undefined)).toEqual({ kind: "blank" });
  expect(readCount(str("   "))).toEqual({ kind: "blank" });
});

test("a formula cell is read by its cached value", () => {
  expect(readCount({ value: { kind: "number", value: 12 }, formula: true })).toMatchObject({
    kind: "ok",
    value: 12,
  });
});

test("dates: 1900 and 1904 serials, and dd/mm/yyyy text of a day that exists", () => {
  expect(readDate(num(46178), false)).toEqual({ kind: "ok", date: { year: 2026, month: 6, day: 5 } });
  expect(readDate(num(46178 - 1462), true)).toEqual({ kind: "ok", date: { year: 2026, month: 6, day: 5 } });
  expect(readDate(str("05/06/2026"), false)).toEqual({ kind: "ok", date: { year: 2026, month: 6, day: 5 } });
  expect(readDate(str("31/06/2026"), false)).toMatchObject({ kind: "bad" });
  expect(readDate(str("29/02/2027"), false)).toMatchObject({ kind: "bad" });
  expect(readDate(str("hôm qua"), false)).toMatchObject({ kind: "bad" });
});

test("serials round-trip around Excel's phantom 29/02/1900", () => {
  for (const s of [1, 59, 61, 46178, 2958465]) expect(serialFromDate(dateFromSerial(s)!)).toBe(s);
  expect(serialFromDate({ year: 2026, month: 12, day: 31 })).toBe(46387);
  expect(dateFromSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
});

// A meeting's length (Hội nghị, column F) read as the counts are: before, "1,5" with a zero-width
// space pasted after it was "không phải là số", quoting what looked like 1,5.
test.each([
  [str("0,5"), 0.5],
  [str(" 1.5 "), 1.5],
  [str("1,5\u200b"), 1.5],
  [str("２"), 2],
  [str("nửa ngày"), null],
  // Behind the apostrophe LibreOffice Calc keeps in a cell formatted as Text: the length typed.
  [str("'0,5"), 0.5],
  [str("'nửa ngày"), null],
  // Written the Vietnamese way, thousands grouped (the custom functions read it alike); the English
  // way is not read.
  [str("1.234,5"), 1234.5],
  [str("1 234,5"), 1234.5],
  [str("1.234.567,25"), 1234567.25],
  [str("1,234.5"), null],
  [str("1.23,5"), null],
])("a meeting's length: %p", (cell, expected) => {
  expect(readDecimal(cell)).toBe(expected);
});
