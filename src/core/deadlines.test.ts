import { CCHC_FORM_ID } from "./forms";
import { DEFAULT_PROFILE, parseProfile } from "./profile";
import { shippedProfile } from "./profiles";
import { lateReport, lateReportText, parseDeadline, reportDeadline } from "./deadlines";

const day = (year: number, month: number, d: number) => ({ kind: "date", date: { year, month, day: d } });

test.each([
  ["Quý IV/2026", day(2026, 12, 31)],
  ["Quý I/2027", day(2027, 3, 31)],
  ["quý 2 năm 2026", day(2026, 6, 30)],
  ["Năm 2026", day(2026, 12, 31)],
  ["Tháng 6/2026", day(2026, 6, 30)],
  ["Tháng 2/2028", day(2028, 2, 29)],
  ["Đến 31/12/2026", day(2026, 12, 31)],
  ["Đến cuối năm 2026", day(2026, 12, 31)],
  ["Năm 2026 và thường xuyên trong các năm tiếp theo", day(2026, 12, 31)],
  ["Trước ngày 15/9/2026, hoàn thành Quý IV/2026", day(2026, 9, 15)],
  ["6 tháng đầu năm 2026", day(2026, 6, 30)],
  ["Q\u0075\u0301y IV/2026".normalize("NFD"), day(2026, 12, 31)],
  ["2026-2027", day(2027, 12, 31)],
  ["Giai đoạn 2026 – 2030", day(2030, 12, 31)],
  ["Từ năm 2026 đến 2027", day(2027, 12, 31)],
  // A comma before "năm", as often typed as not.
  ["Tháng 6, năm 2026", day(2026, 6, 30)],
  ["Quý II, năm 2026", day(2026, 6, 30)],
  ["Ngày 15 tháng 9, năm 2026", day(2026, 9, 15)],
  // An ISO date as a web system exports it: that day (it was 31/12 of its year).
  ["2026-06-30", day(2026, 6, 30)],
  ["Đến 2026-03-31", day(2026, 3, 31)],
])("%s parses to its last day", (text, expected) => {
  expect(parseDeadline(text)).toEqual(expected);
});

test.each([
  "Từ năm 2026",
  "Từ 2026, hằng năm",
  "Thường xuyên",
  "Hằng năm",
  "Hàng năm, bắt đầu từ năm 2026",
  "Theo Kế hoạch hoặc theo yêu cầu của cấp có thẩm quyền",
  "Thường xuyên, hằng năm; theo yêu cầu thực tiễn",
])("%s has no deadline", (text) => {
  expect(parseDeadline(text)).toEqual({ kind: "none" });
});

test("text without a date is unknown, not a guess", () => {
  expect(parseDeadline("Sớm nhất có thể")).toEqual({ kind: "unknown" });
  expect(parseDeadline("")).toEqual({ kind: "unknown" });
  expect(parseDeadline("Đến 31/02/2026")).toEqual({ kind: "unknown" });
});

test("every default task deadline is understood", () => {
  for (const t of DEFAULT_PROFILE.form.tasks) expect(parseDeadline(t.deadline).kind).not.toBe("unknown");
});

test("report deadlines come from the profile", () => {
  expect(reportDeadline(DEFAULT_PROFILE, "6T", 2026)).toEqual({ year: 2026, month: 6, day: 6 });
  expect(reportDeadline(DEFAULT_PROFILE, "NAM", 2026)).toEqual({ year: 2026, month: 12, day: 6 });
  const custom = shippedProfile("dong-nai-skhcn-226")!;
  expect(reportDeadline(custom, "NAM", 2027)).toEqual({ year: 2027, month: 12, day: 10 });
  expect(reportDeadline(custom, "Q1", 2027)).toBeNull();
  expect(reportDeadline(shippedProfile("hcm-attp-cchc-2025")!, "Q3", 2025)).toEqual({
    year: 2025,
    month: 9,
    day: 15,
  });
});

test("a deadline on 29/02 falls on 28/02 in a year without that day, in texts and in the JSON alike", () => {
  // A profile whose quý I report is due by the end of February, written as 29/02 to cover leap years.
  const r = parseProfile({ form: CCHC_FORM_ID, deadlines: { Q1: { day: 29, month: 2 } } });
  if (!r.ok) throw new Error(r.errors.join("; "));
  expect(reportDeadline(r.profile, "Q1", 2027)).toEqual({ year: 2027, month: 2, day: 28 });
  expect(reportDeadline(r.profile, "Q1", 2028)).toEqual({ year: 2028, month: 2, day: 29 });
  // On 28/02/2027 the report is on time; on 01/03/2027, late against 28/02/2027 (there is no 29/02/2027).
  const q1 = (month: number, day: number) => ({
    period: { kind: "Q1" as const, year: 2027 },
    reportDate: { year: 2027, month, day },
  });
  expect(lateReport(q1(2, 28), r.profile)).toBeUndefined();
  expect(lateReportText(lateReport(q1(3, 1), r.profile)!)).toContain("(28/02/2027)");
});

test("a report dated over half a year past its deadline in a later year is likely that year's report: the clerk is told which cell to change", () => {
  const annual2025 = (month: number, day: number, year = 2026) => ({
    period: { kind: "NAM" as const, year: 2025 },
    reportDate: { year, month, day },
  });
  // Năm 2025's deadline is 06/12/2025: 01/12/2026 is nearly a year after, the next year's deadline week.
  const typo = lateReport(annual2025(12, 1), DEFAULT_PROFILE);
  expect(typo?.likelyPeriod).toEqual({ kind: "NAM", year: 2026 });
  expect(lateReportText(typo!)).toBe(
    "Ngày báo cáo 01/12/2026 sau hạn gửi báo cáo của kỳ ghi trong tệp (06/12/2025) hơn nửa năm: nếu đây là báo cáo năm 2026, sửa ô Năm (trang “Thông tin”) thành 2026; nếu đúng là báo cáo kỳ đã ghi, khi tổng hợp báo cáo được tính là trễ hạn.",
  );
  // A few weeks late, even into January: late, nothing more.
  const late = lateReport(annual2025(1, 10), DEFAULT_PROFILE);
  expect(late).toBeDefined();
  expect(late?.likelyPeriod).toBeUndefined();
  expect(lateReportText(late!)).toContain(
    "Ngày báo cáo 10/01/2026 sau hạn gửi báo cáo (06/12/2025): khi tổng hợp",
  );
  expect(lateReport(annual2025(12, 6, 2025), DEFAULT_PROFILE)).toBeUndefined();
  // A date years off is a typo of the date (UNLIKELY_DATE), not of Năm: no advice to write 2062 there.
  expect(lateReport(annual2025(12, 2, 2062), DEFAULT_PROFILE)?.likelyPeriod).toBeUndefined();
});
