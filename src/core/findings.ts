// Findings: what validation and consolidation report, as values (SPEC §4). Messages are Vietnamese
// and tell the clerk what is wrong and what to type; they are built only here.

import type { UnreadableReason } from "./workbook";

export type FindingCode =
  | "UNREADABLE"
  | "NOT_TEMPLATE"
  | "FORM_MISMATCH"
  | "MISSING_FIELD"
  | "MISSING_VALUE"
  | "BAD_VALUE"
  | "INCONSISTENT"
  | "DUPLICATE_CODE"
  | "TASK_STATUS"
  | "COERCED"
  | "LOG_MISMATCH"
  | "MEETING_TOO_LONG"
  | "PERIOD_MISMATCH"
  | "DUPLICATE_UNIT"
  | "UNKNOWN_UNIT"
  | "PREVIOUS_MISMATCH"
  | "OUTLIER";

export type Severity = "error" | "warning";

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

export function finding(
  code: FindingCode,
  severity: Severity,
  sheet: string | null,
  cell: string | null,
  message: string,
): Finding {
  return { code, severity, sheet, cell, message };
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === "error");

/** Vietnamese reasons for unreadable files: what happened and what to send instead. */
export const UNREADABLE_MESSAGES: Record<UnreadableReason, string> = {
  EMPTY: "Tệp rỗng (0 byte). Hãy lưu lại báo cáo trong Excel và gửi lại tệp .xlsx.",
  NOT_ZIP: "Tệp không phải là sổ tính Excel (.xlsx). Hãy mở báo cáo trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)” và gửi lại.",
  TEXT_FILE:
    "Tệp là văn bản thuần (CSV, HTML…) được đổi đuôi thành .xlsx. Hãy điền báo cáo vào mẫu KL226-BC/1 và lưu dạng “Sổ làm việc Excel (*.xlsx)”.",
  LEGACY_XLS: "Tệp ở định dạng Excel 97–2003 (.xls). Hãy mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)” và gửi lại.",
  ENCRYPTED: "Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi gửi lại.",
  MACRO_ENABLED:
    "Tệp là sổ tính có macro (.xlsm); vì an toàn, không nhận tệp có macro. Hãy lưu lại dạng “Sổ làm việc Excel (*.xlsx)” và gửi lại.",
  TRUNCATED: "Tệp bị cắt cụt hoặc hỏng (có thể do tải xuống, đính kèm chưa xong). Hãy gửi lại tệp gốc.",
  CORRUPT: "Tệp .xlsx bị hỏng, không đọc được nội dung. Hãy mở trong Excel, lưu lại và gửi lại.",
  NO_WORKBOOK: "Tệp không phải sổ tính Excel (có thể là tệp Word hoặc PowerPoint đổi đuôi). Hãy gửi đúng tệp báo cáo .xlsx.",
  FILE_TOO_LARGE: "Tệp quá lớn so với giới hạn cho phép. Báo cáo theo mẫu chỉ vài chục KB: hãy xóa các trang tính, hình ảnh thừa và gửi lại.",
  TOO_MANY_ENTRIES: "Tệp chứa quá nhiều thành phần bên trong. Hãy điền báo cáo vào mẫu KL226-BC/1 gốc và gửi lại.",
  PART_TOO_LARGE: "Một phần của tệp giải nén ra quá lớn (nghi là tệp nén độc hại). Tệp bị từ chối; hãy gửi lại báo cáo theo mẫu.",
  TOTAL_TOO_LARGE: "Nội dung tệp giải nén ra quá lớn so với giới hạn. Hãy xóa dữ liệu thừa ngoài mẫu và gửi lại.",
  TOO_MANY_ROWS: "Một trang tính có quá nhiều dòng so với giới hạn. Hãy xóa các dòng thừa (kể cả dòng trống đã định dạng) và gửi lại.",
  TOO_MANY_COLUMNS: "Một trang tính có dữ liệu ở cột quá xa so với mẫu. Hãy xóa các cột thừa và gửi lại.",
  STRING_TOO_LONG: "Một ô chứa đoạn văn bản quá dài (quá 32.767 ký tự). Hãy rút gọn nội dung và gửi lại.",
};
