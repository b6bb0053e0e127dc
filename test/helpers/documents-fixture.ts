// Test fixture: a small consolidation with every case the letters and the report word differently:
// values a hair short of their targets and exactly on them (94,98% / 95%, 59,96% / 60%, a 9,96%
// reduction / 10%), a reduction over the allowed number, a late report, a returned file, an
// unreadable file named after its unit, a file replaced by an accepted one, a missing unit and the
// free-text answers of two units.
import { inspectBytes } from "../../src/app/inspect";
import { consolidate } from "../../src/core/consolidate";
import type { Consolidation, Submission } from "../../src/core/consolidation";
import type { DocumentDates } from "../../src/core/documents";
import { DEFAULT_PROFILE, type RosterUnit } from "../../src/core/profile";
import { reportBytes, type ReportData } from "./report-builder";

export const profile = DEFAULT_PROFILE;

export const roster: RosterUnit[] = [
  { code: "SO_TOT", name: "Sở Tốt", type: "Sở, ban, ngành" },
  { code: "SO_9498", name: "Sở Chín Bốn", type: "Sở, ban, ngành" },
  { code: "SO_95", name: "Sở Chín Lăm", type: "Sở, ban, ngành" },
  { code: "SO_VB", name: "Sở Văn Bản", type: "Sở, ban, ngành" },
  { code: "SO_TRE", name: "Sở Trễ", type: "Sở, ban, ngành" },
  { code: "SO_LOI", name: "Sở Lỗi", type: "Sở, ban, ngành" },
  { code: "SO_VANG", name: "Sở Vắng Mặt", type: "Sở, ban, ngành" },
  { code: "XA_5996", name: "Xã Năm Chín", type: "UBND xã, phường" },
  { code: "XA_60", name: "Xã Sáu Mươi", type: "UBND xã, phường" },
  { code: "XA_996", name: "Xã Chín Chín", type: "UBND xã, phường" },
  { code: "XA_10", name: "Xã Mười", type: "UBND xã, phường" },
  { code: "XA_HONG", name: "Xã Tệp Hỏng", type: "UBND xã, phường" },
  { code: "XA_VANG", name: "Xã Vắng Mặt", type: "UBND xã, phường" },
];

const reports: ReportData[] = [
  {
    unit: "SO_TOT",
    name: "Sở Tốt",
    texts: {
      KHO_KHAN: "Đường truyền hội nghị trực tuyến\nthường gián đoạn.",
      KIEN_NGHI: "Đề nghị cấp thêm thiết bị.",
    },
  },
  // 9498 of 10000 is 94,98%: 2 hồ sơ short of 95%; 9500 is exactly 95%.
  { unit: "SO_9498", name: "Sở Chín Bốn", counts: { TTHC_TONG: [1000, 10000], TTHC_SO: [900, 9498] } },
  { unit: "SO_95", name: "Sở Chín Lăm", counts: { TTHC_TONG: [1000, 10000], TTHC_SO: [900, 9500] } },
  // 1000 → 900 documents is 10%, the target 15% allows 850: 50 over.
  { unit: "SO_VB", name: "Sở Văn Bản", counts: { VB_HANH_CHINH: [1000, 900] } },
  { unit: "SO_TRE", name: "Sở Trễ", reportDate: { year: 2026, month: 6, day: 10 } },
  { unit: "SO_LOI", name: "Sở Lỗi", counts: { HN_TONG: [100, -1] } },
  // 1499 of 2500 online is 59,96%: 1 short of 60%; 1500 is exactly 60%.
  {
    unit: "XA_5996",
    name: "Xã Năm Chín",
    type: "UBND_XA",
    counts: { HN_TONG: [2800, 2500], HN_TRUC_TUYEN: [10, 1499] },
  },
  {
    unit: "XA_60",
    name: "Xã Sáu Mươi",
    type: "UBND_XA",
    counts: { HN_TONG: [2800, 2500], HN_TRUC_TUYEN: [10, 1500] },
  },
  // 2500 → 2251 meetings is a 9,96% reduction: 1 over the 2250 allowed; 2250 is exactly 10%.
  {
    unit: "XA_996",
    name: "Xã Chín Chín",
    type: "UBND_XA",
    counts: { HN_TONG: [2500, 2251], HN_TRUC_TUYEN: [10, 1351] },
    texts: { MO_HINH_HAY: "Họp giao ban trực tuyến hằng tuần." },
  },
  {
    unit: "XA_10",
    name: "Xã Mười",
    type: "UBND_XA",
    counts: { HN_TONG: [2500, 2250], HN_TRUC_TUYEN: [10, 1350] },
  },
];

function submission(file: string, bytes: Uint8Array): Submission {
  return { file, sha256: file, result: inspectBytes(bytes, profile) };
}

export function fixtureSubmissions(): Submission[] {
  return [
    ...reports.map((r) => submission(`in/${r.unit}.xlsx`, reportBytes(r))),
    // An older file of SO_TOT with an error, replaced by the accepted one above.
    submission(
      "in/SO_TOT (ban cu).xlsx",
      reportBytes({ unit: "SO_TOT", name: "Sở Tốt", counts: { HN_TONG: [100, -5] } }),
    ),
    // Not a workbook at all (its figures as CSV, renamed .xlsx): attributed to XA_HONG by its name.
    submission("in/XA_HONG.xlsx", new TextEncoder().encode("STT,Chỉ tiêu,Kỳ này\n1,HN_TONG,90\n")),
  ];
}

export function fixtureConsolidation(): Consolidation {
  return consolidate(fixtureSubmissions(), { profile, roster, period: { kind: "6T", year: 2026 } });
}

/** Letters dated 12/06/2026, replies by 19/06/2026. */
export const dates: DocumentDates = {
  date: { year: 2026, month: 6, day: 12 },
  replyBy: { year: 2026, month: 6, day: 19 },
};

/**
 * One unit's two files: its report dated 02/06/2026 (on time) and an update dated 18/06 (after the
 * 06/06 deadline). Consolidated, the update is kept and late, the first date recorded (firstReportDate).
 */
export function onTimeThenUpdate(unit: string, name: string): [Submission, Submission] {
  const dated = (day: number) =>
    inspectBytes(reportBytes({ unit, name, reportDate: { year: 2026, month: 6, day } }), profile);
  return [
    { file: `in/${unit}.xlsx`, sha256: "a", result: dated(2) },
    { file: `in/${unit} (cap nhat).xlsx`, sha256: "b", result: dated(18) },
  ];
}

/**
 * A file of Sở Tài chính dated `day` June 2026 with `online` of its 90 meetings online: two on one day
 * with other figures are a conflict only the unit can settle (DUPLICATE_UNIT, `conflict`).
 */
export function financeFile(name: string, day: number, online: number): Submission {
  return {
    file: `in/${name}`,
    sha256: name,
    result: inspectBytes(
      reportBytes({
        unit: "SO_TC",
        name: "Sở Tài chính",
        reportDate: { year: 2026, month: 6, day },
        counts: { HN_TONG: [100, 90], HN_TRUC_TUYEN: [50, online] },
      }),
      profile,
    ),
  };
}
