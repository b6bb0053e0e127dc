// The domain's vocabulary as data (SPEC §2–§3): report fields, part ≤ whole rules, targets,
// unit types, periods, task statuses and meeting kinds. Adding an indicator is one entry here.

import type { CivilDate } from "./dates";

export const INFO_FIELDS = [
  { code: "MA_DON_VI", label: "Mã đơn vị", required: true },
  { code: "TEN_DON_VI", label: "Tên đơn vị", required: true },
  { code: "LOAI_DON_VI", label: "Loại đơn vị", required: true },
  { code: "KY_BAO_CAO", label: "Kỳ báo cáo", required: true },
  { code: "NAM", label: "Năm", required: true },
  { code: "NGAY_BAO_CAO", label: "Ngày báo cáo", required: true },
  { code: "NGUOI_LAP", label: "Người lập", required: false },
  { code: "DIEN_THOAI", label: "Điện thoại", required: false },
  { code: "EMAIL", label: "Email", required: false },
] as const;
export type InfoCode = (typeof INFO_FIELDS)[number]["code"];

export const COUNT_FIELDS = [
  { code: "HN_TONG", label: "Tổng số hội nghị, cuộc họp đã tổ chức", unit: "cuộc", previousRequired: true, currentRequired: true },
  { code: "HN_TRUC_TUYEN", label: "Trong đó: hội nghị, cuộc họp trực tuyến (kể cả kết hợp)", unit: "cuộc", previousRequired: false, currentRequired: true },
  { code: "HN_VUOT_THOI_LUONG", label: "Số hội nghị vượt thời lượng quy định", unit: "cuộc", previousRequired: false, currentRequired: true },
  { code: "VB_HANH_CHINH", label: "Số văn bản hành chính ban hành", unit: "văn bản", previousRequired: true, currentRequired: true },
  { code: "TTHC_TONG", label: "Tổng số hồ sơ TTHC tiếp nhận, giải quyết", unit: "hồ sơ", previousRequired: false, currentRequired: true },
  { code: "TTHC_SO", label: "Trong đó: xử lý trên môi trường số", unit: "hồ sơ", previousRequired: false, currentRequired: true },
  { code: "VB_TONG", label: "Tổng số văn bản đi, đến", unit: "văn bản", previousRequired: false, currentRequired: true },
  { code: "VB_SO_HOA", label: "Trong đó: văn bản được số hóa", unit: "văn bản", previousRequired: false, currentRequired: true },
  { code: "VB_KHONG_MAT", label: "Văn bản không mật trao đổi giữa cơ quan hành chính", unit: "văn bản", previousRequired: false, currentRequired: false },
  { code: "VB_DIEN_TU", label: "Trong đó: gửi, nhận dưới dạng điện tử", unit: "văn bản", previousRequired: false, currentRequired: false },
  { code: "CC_TONG", label: "Tổng số CBCCVC, người lao động", unit: "người", previousRequired: false, currentRequired: false },
  { code: "CC_KY_NANG_SO", label: "Trong đó: được bồi dưỡng kỹ năng số", unit: "người", previousRequired: false, currentRequired: false },
  { code: "TTHC_CAT_GIAM", label: "Số TTHC được cắt giảm, đơn giản hóa", unit: "thủ tục", previousRequired: false, currentRequired: false },
] as const;
export type CountCode = (typeof COUNT_FIELDS)[number]["code"];
export const COUNT_CODES: readonly CountCode[] = COUNT_FIELDS.map((f) => f.code);

/** SPEC §3 cross-field rules: part ≤ whole, checked for each column where both are present. */
export const PART_OF: ReadonlyArray<{ readonly part: CountCode; readonly whole: CountCode }> = [
  { part: "HN_TRUC_TUYEN", whole: "HN_TONG" },
  { part: "HN_VUOT_THOI_LUONG", whole: "HN_TONG" },
  { part: "TTHC_SO", whole: "TTHC_TONG" },
  { part: "VB_SO_HOA", whole: "VB_TONG" },
  { part: "VB_DIEN_TU", whole: "VB_KHONG_MAT" },
  { part: "CC_KY_NANG_SO", whole: "CC_TONG" },
];

/** How an indicator is computed and judged (SPEC §2). */
export type IndicatorRule =
  | { readonly kind: "ratio"; readonly part: CountCode; readonly whole: CountCode }
  | { readonly kind: "reduction"; readonly of: CountCode }
  | { readonly kind: "maxCount"; readonly of: CountCode };

export const INDICATORS = {
  ONLINE_RATIO: { kind: "ratio", part: "HN_TRUC_TUYEN", whole: "HN_TONG", label: "Tỷ lệ hội nghị trực tuyến", short: "Họp trực tuyến", itemUnit: "cuộc họp trực tuyến" },
  MEETING_REDUCTION: { kind: "reduction", of: "HN_TONG", label: "Giảm số lượng hội nghị so với cùng kỳ", short: "Giảm hội nghị", itemUnit: "cuộc họp vượt mức cho phép" },
  DOC_REDUCTION: { kind: "reduction", of: "VB_HANH_CHINH", label: "Cắt giảm văn bản hành chính so với cùng kỳ", short: "Giảm văn bản", itemUnit: "văn bản vượt mức cho phép" },
  TTHC_DIGITAL_RATIO: { kind: "ratio", part: "TTHC_SO", whole: "TTHC_TONG", label: "Tỷ lệ hồ sơ TTHC xử lý trên môi trường số", short: "TTHC trên môi trường số", itemUnit: "hồ sơ" },
  DIGITIZATION_RATIO: { kind: "ratio", part: "VB_SO_HOA", whole: "VB_TONG", label: "Tỷ lệ số hóa văn bản", short: "Số hóa văn bản", itemUnit: "văn bản" },
  EDOC_RATIO: { kind: "ratio", part: "VB_DIEN_TU", whole: "VB_KHONG_MAT", label: "Văn bản không mật gửi, nhận dạng điện tử", short: "Văn bản điện tử", itemUnit: "văn bản" },
  OVERTIME_MEETINGS: { kind: "maxCount", of: "HN_VUOT_THOI_LUONG", label: "Hội nghị vượt thời lượng quy định", short: "Họp vượt thời lượng", itemUnit: "cuộc họp" },
  DIGITAL_SKILLS_RATIO: { kind: "ratio", part: "CC_KY_NANG_SO", whole: "CC_TONG", label: "CBCCVC được bồi dưỡng kỹ năng số", short: "Bồi dưỡng kỹ năng số", itemUnit: "người" },
} as const satisfies Record<string, IndicatorRule & { label: string; short: string; itemUnit: string }>;
export type IndicatorId = keyof typeof INDICATORS;
export const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];

export function isIndicatorId(id: string): id is IndicatorId {
  return Object.prototype.hasOwnProperty.call(INDICATORS, id);
}

export const UNIT_TYPES = [
  { id: "SO_NGANH", label: "Sở, ban, ngành" },
  { id: "UBND_XA", label: "UBND xã, phường" },
  { id: "SU_NGHIEP", label: "Đơn vị sự nghiệp" },
  { id: "PHONG_THUOC_SO", label: "Phòng, đơn vị thuộc Sở" },
] as const;
export type UnitTypeId = (typeof UNIT_TYPES)[number]["id"];

export const PERIODS = [
  { id: "6T", label: "6 tháng", aliases: ["6T", "6 thang"] },
  { id: "NAM", label: "Năm", aliases: ["NAM", "Cả năm", "Hằng năm"] },
] as const;
export type PeriodKind = (typeof PERIODS)[number]["id"];

export const TASK_STATUSES = [
  { id: "DONE", label: "Hoàn thành", done: true },
  { id: "DONE_LATE", label: "Hoàn thành quá hạn", done: true },
  { id: "IN_PROGRESS", label: "Đang thực hiện", done: false },
  { id: "NOT_STARTED", label: "Chưa thực hiện", done: false },
] as const;
export type TaskStatusId = (typeof TASK_STATUSES)[number]["id"];

export const MEETING_TYPES = [
  { id: "QUAN_TRIET", label: "Quán triệt" },
  { id: "CHUYEN_MON", label: "Chuyên môn" },
  { id: "QUAN_TRONG", label: "Quan trọng" },
] as const;
export type MeetingTypeId = (typeof MEETING_TYPES)[number]["id"];

export const MEETING_FORMS = [
  { id: "TRUC_TIEP", label: "Trực tiếp", online: false },
  { id: "TRUC_TUYEN", label: "Trực tuyến", online: true },
  { id: "KET_HOP", label: "Kết hợp", online: true },
] as const;
export type MeetingFormId = (typeof MEETING_FORMS)[number]["id"];

export const SHEETS = {
  info: "Thông tin",
  counts: "Chỉ tiêu",
  tasks: "Nhiệm vụ",
  meetings: "Hội nghị",
} as const;

export const TEMPLATE_MARKER = "KL226-BC/1";
export const TEMPLATE_DEFINED_NAME = "KL226_TEMPLATE";

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
}

export type { CivilDate };
