// What letters and the report share: reply dates, the superior body as a recipient, period and
// title phrases, and values worded by kind, honest at the target.

import { summaryTitle } from "./summary";
import {
  addressee,
  defaultReplyBy,
  periodPhrase,
  recipientName,
  resultsTitle,
  valuePhrase,
  vietnamDate,
} from "./documents";
import { CCHC_FORM_ID, DEFAULT_FORM, builtinForm } from "./forms";
import type { Indicator } from "./form";
import { OTHER_ZONES, inTimeZone } from "../../test/helpers/time-zone";

const ind = (id: string): Indicator => {
  const found = DEFAULT_FORM.indicators.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("vietnamDate", () => {
  test.each(OTHER_ZONES)("the day in Việt Nam is UTC+7 whatever the machine's zone (%s)", (zone, offset) => {
    inTimeZone(zone, () => {
      expect(new Date(Date.UTC(2026, 5, 11)).getTimezoneOffset()).toBe(offset);
      // 2026-06-11 17:00 UTC is midnight of 12/06 in Hà Nội; a minute before is still 11/06.
      expect(vietnamDate(Date.UTC(2026, 5, 11, 17, 0))).toEqual({ year: 2026, month: 6, day: 12 });
      expect(vietnamDate(Date.UTC(2026, 5, 11, 16, 59))).toEqual({ year: 2026, month: 6, day: 11 });
      // New Year's Day in Hà Nội while it is still 31/12 in Greenwich.
      expect(vietnamDate(Date.UTC(2026, 11, 31, 17, 30))).toEqual({ year: 2027, month: 1, day: 1 });
    });
  });
});

describe("defaultReplyBy", () => {
  test("a week after the letter, the same weekday", () => {
    // Friday 12/06/2026 → Friday 19/06/2026.
    expect(defaultReplyBy({ year: 2026, month: 6, day: 12 })).toEqual({ year: 2026, month: 6, day: 19 });
    // Across a month and a year end.
    expect(defaultReplyBy({ year: 2026, month: 12, day: 28 })).toEqual({ year: 2027, month: 1, day: 4 });
  });
  test("a letter dated on a weekend gets a reply date on the Monday after", () => {
    // Saturday 13/06/2026 + 7 = Saturday 20/06 → Monday 22/06; Sunday 14/06 → Monday 22/06.
    expect(defaultReplyBy({ year: 2026, month: 6, day: 13 })).toEqual({ year: 2026, month: 6, day: 22 });
    expect(defaultReplyBy({ year: 2026, month: 6, day: 14 })).toEqual({ year: 2026, month: 6, day: 22 });
  });
});

describe("recipientName", () => {
  test.each([
    ["UBND TỈNH THANH HÓA", "Ủy ban nhân dân tỉnh Thanh Hóa"],
    ["UBND THÀNH PHỐ ĐỒNG NAI", "Ủy ban nhân dân thành phố Đồng Nai"],
    ["UBND THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân Thành phố Hồ Chí Minh"],
    ["UBND tỉnh Đồng Tháp", "Ủy ban nhân dân tỉnh Đồng Tháp"],
    ["BỘ NỘI VỤ", "BỘ NỘI VỤ"],
  ])("%s → %s", (superior, name) => expect(recipientName(superior)).toBe(name));
});

describe("periods and titles", () => {
  test("each period as a sentence says it", () => {
    expect(periodPhrase({ kind: "6T", year: 2026 })).toBe("6 tháng đầu năm 2026");
    expect(periodPhrase({ kind: "NAM", year: 2026 })).toBe("năm 2026");
    expect(periodPhrase({ kind: "Q2", year: 2025 })).toBe("quý II năm 2025");
  });
  test("the report title from the form's title, the year said once", () => {
    expect(resultsTitle(DEFAULT_FORM, { kind: "6T", year: 2026 })).toBe(
      "Kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
    expect(resultsTitle(builtinForm(CCHC_FORM_ID)!, { kind: "Q2", year: 2025 })).toBe(
      "Kết quả thực hiện công tác cải cách hành chính quý II năm 2025",
    );
  });
  test("the summary's title names the year once too (it read “… năm 2025 Quý III/2025”)", () => {
    const cchc = builtinForm(CCHC_FORM_ID)!;
    expect(summaryTitle(cchc, { kind: "Q3", year: 2025 }, " – ").toUpperCase()).toBe(
      "TỔNG HỢP KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH – QUÝ III NĂM 2025",
    );
    // Another year than the title's is the title's own: both stay.
    expect(summaryTitle(cchc, { kind: "Q1", year: 2026 })).toBe(
      "Tổng hợp kết quả thực hiện công tác cải cách hành chính năm 2025 quý I năm 2026",
    );
    expect(summaryTitle(DEFAULT_FORM, { kind: "NAM", year: 2026 })).toBe(
      "Tổng hợp kết quả thực hiện Kết luận số 226-KL/TW năm 2026",
    );
    // The period as the report says it (the summary said "6 tháng đầu năm 2026", the report "6 tháng đầu năm 2026").
    expect(summaryTitle(DEFAULT_FORM, { kind: "6T", year: 2026 }, " – ").toUpperCase()).toBe(
      "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾT LUẬN SỐ 226-KL/TW – 6 THÁNG ĐẦU NĂM 2026",
    );
  });
});

describe("valuePhrase: honest at the target (SPEC §9)", () => {
  test.each([
    ["TTHC_DIGITAL_RATIO", 0.9498, "short", "đạt 94,98%"],
    ["TTHC_DIGITAL_RATIO", 0.95, "met", "đạt 95,0%"],
    ["ONLINE_RATIO", 0.5996, "short", "đạt 59,96%"],
    ["ONLINE_RATIO", 0.6, "met", "đạt 60,0%"],
    ["MEETING_REDUCTION", 0.0996, "short", "giảm 9,96%"],
    ["MEETING_REDUCTION", 1 - 0.9, "met", "giảm 10,0%"],
    ["MEETING_REDUCTION", -0.05, "short", "tăng 5,0%"],
    ["OVERTIME_MEETINGS", 1234, "short", "có 1.234 cuộc họp"],
    ["OVERTIME_MEETINGS", 0, "met", "không có cuộc họp nào"],
  ] as const)("%s %p (%s) → %s", (id, value, status, text) =>
    expect(valuePhrase(ind(id), value, status)).toBe(text),
  );
});

test("addressee: communes and wards by their People's Committee, other units as named", () => {
  expect(addressee("Xã Cẩm Thủy")).toBe("Ủy ban nhân dân xã Cẩm Thủy");
  expect(addressee("Phường  Bỉm Sơn")).toBe("Ủy ban nhân dân phường Bỉm Sơn");
  expect(addressee("UBND XÃ QUẢNG PHÚ")).toBe("Ủy ban nhân dân xã Quảng Phú");
  expect(addressee("Sở Tài chính")).toBe("Sở Tài chính");
  expect(addressee("Trường Đại học Hồng Đức")).toBe("Trường Đại học Hồng Đức");
});
