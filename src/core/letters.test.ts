// Follow-up letters: one per unit that is short, late, missing or rejected, each saying what and by when.

import { inspectBytes } from "../app/inspect";
import { reportBytes, type ReportData } from "../../test/helpers/report-builder";
import { consolidate, type Consolidation } from "./consolidate";
import { followUpLetters, LETTER_SHEET, withLetterSheet } from "./letters";
import { DEFAULT_PROFILE } from "./profile";

const profile = DEFAULT_PROFILE;
const roster = [
  { code: "SO_TOT", name: "Sở Tốt", type: "Sở, ban, ngành" },
  { code: "SO_THIEU", name: "Sở Thiếu", type: "Sở, ban, ngành" },
  { code: "SO_TRE", name: "Sở Trễ", type: "Sở, ban, ngành" },
  { code: "SO_VANG", name: "Sở Vắng", type: "Sở, ban, ngành" },
  { code: "SO_LOI", name: "Sở Lỗi", type: "Sở, ban, ngành" },
];

function run(reports: readonly ReportData[]): Consolidation {
  return consolidate(
    reports.map((r) => ({ file: `in/${r.unit}.xlsx`, sha256: r.unit, result: inspectBytes(reportBytes(r), profile) })),
    { profile, roster, period: { kind: "6T", year: 2026 } },
  );
}

const c = run([
  { unit: "SO_TOT", name: "Sở Tốt", reportDate: { year: 2026, month: 6, day: 3 } },
  // 30 online of 90: 60 % needs 54, so 24 online meetings short.
  { unit: "SO_THIEU", name: "Sở Thiếu", counts: { HN_TRUC_TUYEN: [10, 30] }, reportDate: { year: 2026, month: 6, day: 5 } },
  { unit: "SO_TRE", name: "Sở Trễ", reportDate: { year: 2026, month: 6, day: 10 } },
  { unit: "SO_LOI", name: "Sở Lỗi", counts: { HN_TONG: [100, -1] } },
]);
const letters = followUpLetters(c, profile);
const letter = (unit: string) => letters.find((l) => l.unit === unit);

describe("followUpLetters", () => {
  it("writes one letter per unit that needs one, none for a unit with nothing to follow up", () => {
    expect(letters.map((l) => [l.unit, l.reasons])).toEqual([
      ["SO_LOI", ["rejected"]],
      ["SO_THIEU", ["short"]],
      ["SO_TRE", ["late"]],
      ["SO_VANG", ["missing"]],
    ]);
  });

  it("short: names the target, the value, how many items short and asks for an explanation by a date 7 days after the newest report", () => {
    const text = letter("SO_THIEU")?.text ?? "";
    expect(text).toContain("Kính gửi: Sở Thiếu (mã đơn vị SO_THIEU)");
    expect(text).toContain("Tỷ lệ hội nghị trực tuyến: đạt 33,3 %, mục tiêu ≥ 60 %");
    expect(text).toContain("Cần thêm 24 cuộc họp trực tuyến");
    expect(text).toContain("giải trình");
    expect(text).toContain("trước ngày 17/06/2026"); // newest report 10/06/2026 + 7 days
  });

  it("late: gives the report date and the deadline, asks for nothing to be sent", () => {
    const text = letter("SO_TRE")?.text ?? "";
    expect(text).toContain("đề ngày 10/06/2026, sau hạn nộp 06/06/2026");
    expect(text).not.toContain("Đề nghị đơn vị gửi");
  });

  it("missing: asks for the report on the template", () => {
    const l = letter("SO_VANG");
    expect(l?.name).toBe("Sở Vắng");
    expect(l?.text).toContain("chưa nhận được báo cáo kỳ 6 tháng 2026");
    expect(l?.text).toContain("gửi báo cáo theo mẫu KL226-BC/1 về Sở Nội vụ trước ngày 17/06/2026");
  });

  it("rejected: lists the errors with their cells and asks for the corrected file", () => {
    const text = letter("SO_LOI")?.text ?? "";
    expect(text).toContain("“SO_LOI.xlsx”");
    expect(text).toMatch(/Chỉ tiêu!E5: .*số âm/);
    expect(text).toContain("tệp báo cáo đã sửa lỗi");
  });

  it("proposes no date when no report was accepted", () => {
    const none = run([{ unit: "SO_LOI", name: "Sở Lỗi", counts: { HN_TONG: [100, -1] } }]);
    const texts = followUpLetters(none, profile).map((l) => l.text);
    expect(texts).toHaveLength(5);
    for (const t of texts) expect(t).toContain("trong thời hạn Sở Nội vụ thông báo");
  });
});

describe("withLetterSheet", () => {
  it("adds one wrapped row per letter, replacing an earlier sheet", () => {
    const once = withLetterSheet({ sheets: [{ name: "Tổng hợp", rows: [] }] }, letters);
    const twice = withLetterSheet(once, letters);
    expect(twice.sheets.map((s) => s.name)).toEqual(["Tổng hợp", LETTER_SHEET]);
    const rows = twice.sheets[1]?.rows ?? [];
    expect(rows.slice(4).map((r) => r[0]?.value)).toEqual(["SO_LOI", "SO_THIEU", "SO_TRE", "SO_VANG"]);
    expect(rows[5]?.[3]).toEqual({ value: letter("SO_THIEU")?.text, style: expect.objectContaining({ wrap: true }) });
  });
});
