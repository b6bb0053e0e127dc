// The vocabulary every form shares (SPEC §3): the Thông tin fields, unit types, task statuses,
// meeting kinds and the sheet names. What differs between forms (counts, indicators, periods,
// tasks) is data in src/core/form.ts and src/core/forms/.

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

export const UNIT_TYPES = [
  { id: "SO_NGANH", label: "Sở, ban, ngành" },
  { id: "UBND_XA", label: "UBND xã, phường" },
  { id: "SU_NGHIEP", label: "Đơn vị sự nghiệp" },
  { id: "PHONG_THUOC_SO", label: "Phòng, đơn vị thuộc Sở" },
] as const;
export type UnitTypeId = (typeof UNIT_TYPES)[number]["id"];

/**
 * The statuses of the Nhiệm vụ list, with the words clerks paste from last period's Word report instead
 * of picking ("Đã hoàn thành", "Đang triển khai"): read as the status they plainly name, with a warning.
 * "Chưa hoàn thành" is no alias: it may be in progress or not begun.
 */
export const TASK_STATUSES = [
  { id: "DONE", label: "Hoàn thành", done: true, aliases: ["Đã hoàn thành"] },
  { id: "DONE_LATE", label: "Hoàn thành quá hạn", done: true, aliases: ["Đã hoàn thành quá hạn"] },
  { id: "IN_PROGRESS", label: "Đang thực hiện", done: false, aliases: ["Đang triển khai"] },
  { id: "NOT_STARTED", label: "Chưa thực hiện", done: false, aliases: ["Chưa triển khai"] },
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

/** The sheets of a consolidation's summary workbook (core/summary.ts). */
export const SUMMARY_SHEETS = {
  summary: "Tổng hợp",
  values: "Số liệu",
  shortfalls: "Không đạt",
  tasks: "Nhiệm vụ",
  missing: "Chưa nộp",
  errors: "Lỗi",
  sources: "Nguồn",
} as const;

/** The hidden sheet of a roll-up (core/rollup.ts) that lists the unit reports summed into it. */
export const ROLLUP_SOURCES_SHEET = "Nguồn tổng hợp";
/** The roll-up's sheet that prints the units of a Chỉ tiêu note too long for its cell (core/rollup.ts). */
export const ROLLUP_LISTS_SHEET = "Đơn vị trong ghi chú";

/** The defined name that carries the form marker (SPEC §3, §8). */
export const TEMPLATE_DEFINED_NAME = "KL226_TEMPLATE";
/** The defined name that carries the profile a template was made with, when it is one of profiles/ (its name). */
export const PROFILE_DEFINED_NAME = "KL226_PROFILE";
