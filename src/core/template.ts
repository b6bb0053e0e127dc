// The official KL226-BC/1 template as a WorkbookSpec (SPEC §3): four sheets, the marker,
// drop-downs for every enumeration, whole-number checks with Vietnamese prompts, protected
// code and label columns, A4 print setup. Rendered by src/xlsx/write.ts and the taskpane.

import {
  COUNT_FIELDS,
  INFO_FIELDS,
  MEETING_FORMS,
  MEETING_TYPES,
  PERIODS,
  SHEETS,
  TASK_STATUSES,
  TEMPLATE_DEFINED_NAME,
  TEMPLATE_MARKER,
  UNIT_TYPES,
  type PeriodKind,
  type UnitTypeId,
} from "./catalogue";
import type { CivilDate } from "./dates";
import { TEMPLATE_HEADER_ROW } from "./layout";
import type { Profile } from "./profile";
import type { CellSpec, CellStyle, DataValidationSpec, SheetSpec, WorkbookSpec } from "./sheetspec";

export interface TemplatePrefill {
  readonly unit?: string;
  readonly name?: string;
  readonly type?: UnitTypeId;
  readonly period?: PeriodKind;
  readonly year?: number;
  readonly reportDate?: CivilDate;
}

const TITLE: CellStyle = { bold: true, size: 13, color: "1F3864", vAlign: "center" };
const NOTE: CellStyle = { italic: true, size: 10, color: "404040", wrap: true, vAlign: "top" };
const HEAD: CellStyle = { bold: true, fill: "D9E2F3", border: true, wrap: true, hAlign: "center", vAlign: "center" };
const CODE: CellStyle = { border: true, color: "595959", size: 9, vAlign: "top" };
const LABEL: CellStyle = { border: true, wrap: true, vAlign: "top" };
const INPUT: CellStyle = { border: true, fill: "FFF9E5", locked: false, wrap: true, vAlign: "top" };
const INPUT_NUMBER: CellStyle = { border: true, fill: "FFF9E5", locked: false, numFmt: "#,##0", hAlign: "right" };
const INPUT_TEXT: CellStyle = { border: true, fill: "FFF9E5", locked: false, numFmt: "@", wrap: true, vAlign: "top" };
const INPUT_DATE: CellStyle = { border: true, fill: "FFF9E5", locked: false, numFmt: "dd/mm/yyyy", hAlign: "left" };

const c = (value: CellSpec["value"], style?: CellStyle): CellSpec => (style ? { value, style } : { value });

const COUNT_PROMPT = { title: "Số nguyên không âm", text: "Nhập số nguyên không âm, ví dụ 34. Không có thì ghi 0." };
const COUNT_ERROR = { title: "Số liệu không hợp lệ", text: "Chỉ nhập số nguyên không âm (0, 1, 2, …), không ghi chữ hay đơn vị." };
/**
 * Rows with drop-downs below the pre-filled tasks and in the meeting log. The empty input rows are
 * not written cell by cell: column styles give them their input look and unlocked cells, so every
 * submitted file stays small and quick to read.
 */
const EXTRA_TASK_ROWS = 30;
const MEETING_ROWS = 300;

export function templateWorkbook(profile: Profile, prefill: TemplatePrefill = {}): WorkbookSpec {
  return {
    title: `${TEMPLATE_MARKER} Báo cáo kết quả thực hiện Kết luận số 226-KL/TW`,
    creator: "KL226",
    definedNames: { [TEMPLATE_DEFINED_NAME]: `"${TEMPLATE_MARKER}"` },
    sheets: [infoSheet(prefill), countsSheet(), tasksSheet(profile), meetingsSheet()],
  };
}

/** Unstyled cells: where a column has an input style, the rows above its header must not show it. */
const PLAIN: CellStyle = {};

function titleRows(title: string, instructions: string, width: number): Array<Array<CellSpec | null>> {
  const pad = (first: CellSpec): CellSpec[] => [first, ...Array.from({ length: width - 1 }, () => c(null, PLAIN))];
  return [pad(c(title, TITLE)), pad(c(instructions, NOTE)), pad(c(null, PLAIN))];
}

function infoSheet(prefill: TemplatePrefill): SheetSpec {
  const value = (code: (typeof INFO_FIELDS)[number]["code"]): CellSpec => {
    switch (code) {
      case "MA_DON_VI":
        return c(prefill.unit ?? null, INPUT_TEXT);
      case "TEN_DON_VI":
        return c(prefill.name ?? null, INPUT_TEXT);
      case "LOAI_DON_VI":
        return c(UNIT_TYPES.find((t) => t.id === prefill.type)?.label ?? null, INPUT);
      case "KY_BAO_CAO":
        return c(PERIODS.find((p) => p.id === prefill.period)?.label ?? null, INPUT);
      case "NAM":
        return c(prefill.year ?? null, { ...INPUT_NUMBER, numFmt: "0" });
      case "NGAY_BAO_CAO":
        return c(prefill.reportDate ? { date: prefill.reportDate } : null, INPUT_DATE);
      default:
        return c(null, INPUT_TEXT);
    }
  };
  const first = TEMPLATE_HEADER_ROW + 1;
  const rowOf = (code: string): number => first + INFO_FIELDS.findIndex((f) => f.code === code);
  const validations: DataValidationSpec[] = [
    {
      type: "list",
      ref: `C${rowOf("LOAI_DON_VI")}`,
      values: UNIT_TYPES.map((t) => t.label),
      prompt: { title: "Loại đơn vị", text: "Chọn loại đơn vị trong danh sách." },
      error: { title: "Loại đơn vị", text: "Chọn một giá trị trong danh sách." },
    },
    {
      type: "list",
      ref: `C${rowOf("KY_BAO_CAO")}`,
      values: PERIODS.map((p) => p.label),
      prompt: { title: "Kỳ báo cáo", text: "Chọn “6 tháng” (hạn 6/6) hoặc “Năm” (hạn 6/12)." },
      error: { title: "Kỳ báo cáo", text: "Chọn “6 tháng” hoặc “Năm”." },
    },
    {
      type: "whole",
      ref: `C${rowOf("NAM")}`,
      min: 2025,
      max: 2100,
      prompt: { title: "Năm báo cáo", text: "Nhập năm, ví dụ 2026." },
      error: { title: "Năm báo cáo", text: "Năm từ 2025 đến 2100." },
    },
  ];
  return {
    name: SHEETS.info,
    rows: [
      [c(`${TEMPLATE_MARKER} · BÁO CÁO KẾT QUẢ THỰC HIỆN KẾT LUẬN SỐ 226-KL/TW`, TITLE)],
      [
        c(
          "Hướng dẫn: điền các ô nền vàng. Trang “Thông tin”: cột C. Trang “Chỉ tiêu”: cột D (cùng kỳ năm trước) và E (kỳ này), số nguyên không âm, không có thì ghi 0. Trang “Nhiệm vụ”: chọn Tình trạng ở cột G, ghi kết quả ở cột H. Trang “Hội nghị” (không bắt buộc): mỗi hội nghị một dòng. Không sửa mã ở cột A. Có thể chèn thêm dòng ghi chú.",
          NOTE,
        ),
      ],
      [],
      [c("Mã", HEAD), c("Nội dung", HEAD), c("Giá trị", HEAD)],
      ...INFO_FIELDS.map((f) => [c(f.code, CODE), c(f.required ? `${f.label} (*)` : f.label, LABEL), value(f.code)]),
      [],
      [c("(*) Bắt buộc. Ngày báo cáo nhập dạng dd/mm/yyyy. Hạn gửi: báo cáo 6 tháng trước 06/6, báo cáo năm trước 06/12.", NOTE)],
    ],
    columnWidths: [16, 30, 46],
    rowHeights: { 1: 78 },
    merges: ["A1:C1", "A2:C2", `A${first + INFO_FIELDS.length + 1}:C${first + INFO_FIELDS.length + 1}`],
    freeze: { rows: TEMPLATE_HEADER_ROW, cols: 0 },
    dataValidations: validations,
    protect: true,
    print: { fitToWidth: true },
  };
}

function countsSheet(): SheetSpec {
  const first = TEMPLATE_HEADER_ROW + 1;
  const last = first + COUNT_FIELDS.length - 1;
  return {
    name: SHEETS.counts,
    rows: [
      ...titleRows(
        "CHỈ TIÊU ĐỊNH LƯỢNG",
        "Cột D: số liệu cùng kỳ năm trước; cột E: số liệu kỳ này. Nhập số nguyên không âm; dòng có (*) là bắt buộc, không có thì ghi 0. Số “Trong đó” không được lớn hơn tổng.",
        6,
      ),
      ["Mã", "Chỉ tiêu", "Đơn vị tính", "Cùng kỳ năm trước", "Kỳ này", "Ghi chú"].map((h) => c(h, HEAD)),
      ...COUNT_FIELDS.map((f) => [
        c(f.code, CODE),
        c(f.label, LABEL),
        c(f.unit, { ...LABEL, hAlign: "center" }),
        c(null, f.previousRequired ? { ...INPUT_NUMBER, bold: true } : INPUT_NUMBER),
        c(null, f.currentRequired ? { ...INPUT_NUMBER, bold: true } : INPUT_NUMBER),
        c(requiredNote(f.previousRequired, f.currentRequired), { ...INPUT_TEXT, fill: undefined, size: 9 }),
      ]),
    ],
    columnWidths: [20, 50, 10, 13, 13, 26],
    rowHeights: { 1: 42 },
    merges: ["A1:F1", "A2:F2"],
    freeze: { rows: TEMPLATE_HEADER_ROW, cols: 2 },
    dataValidations: [{ type: "whole", ref: `D${first}:E${last}`, min: 0, prompt: COUNT_PROMPT, error: COUNT_ERROR }],
    protect: true,
    print: { landscape: true, fitToWidth: true },
  };
}

function requiredNote(previous: boolean, current: boolean): string | null {
  if (previous && current) return "(*) Bắt buộc cả D và E";
  if (current) return "(*) Bắt buộc cột E";
  return null;
}

function tasksSheet(profile: Profile): SheetSpec {
  const first = TEMPLATE_HEADER_ROW + 1;
  const last = first + profile.tasks.length + EXTRA_TASK_ROWS - 1;
  const statusOptions = TASK_STATUSES.map((s) => s.label);
  return {
    name: SHEETS.tasks,
    rows: [
      ...titleRows(
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM",
        "Chọn Tình trạng (cột G) cho mọi nhiệm vụ: Hoàn thành, Hoàn thành quá hạn, Đang thực hiện hoặc Chưa thực hiện; ghi kết quả cụ thể, số hiệu văn bản minh chứng ở cột H. Đơn vị có thể thêm nhiệm vụ của mình ở các dòng trống bên dưới.",
        9,
      ),
      ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Sản phẩm/kết quả", "Thời hạn", "Tình trạng", "Kết quả cụ thể/minh chứng", "Ghi chú"].map((h) => c(h, HEAD)),
      ...profile.tasks.map((t, i) => [
        c(i + 1, { ...LABEL, hAlign: "center" }),
        c(t.content, LABEL),
        c(t.lead, LABEL),
        c(t.partners, LABEL),
        c(t.product, LABEL),
        c(t.deadline, LABEL),
        c(null, INPUT),
        c(null, INPUT),
        c(null, INPUT),
      ]),
    ],
    columnWidths: TASK_WIDTHS,
    columnStyles: Array.from({ length: 9 }, () => INPUT),
    rowHeights: { 1: 42, ...taskRowHeights(profile, first - 1) },
    merges: ["A1:I1", "A2:I2"],
    freeze: { rows: TEMPLATE_HEADER_ROW, cols: 0 },
    dataValidations: [
      {
        type: "list",
        ref: `G${first}:G${last}`,
        values: statusOptions,
        prompt: { title: "Tình trạng", text: "Chọn tình trạng thực hiện nhiệm vụ." },
        error: { title: "Tình trạng", text: "Chọn một giá trị trong danh sách." },
      },
    ],
    protect: true,
    print: { landscape: true, fitToWidth: true },
  };
}

const TASK_WIDTHS = [5, 50, 20, 20, 26, 14, 17, 34, 14];

/** Heights that show every line of the wrapped task texts (spreadsheet apps do not auto-fit on open). */
function taskRowHeights(profile: Profile, firstIndex: number): Record<number, number> {
  const heights: Record<number, number> = {};
  profile.tasks.forEach((t, i) => {
    const texts = [t.content, t.lead, t.partners, t.product, t.deadline];
    const lines = Math.max(1, ...texts.map((text, c) => Math.ceil((text.length * 1.1) / (TASK_WIDTHS[c + 1] ?? 20))));
    heights[firstIndex + i] = Math.min(409, 15 * lines + 3);
  });
  return heights;
}

function meetingsSheet(): SheetSpec {
  const first = TEMPLATE_HEADER_ROW + 1;
  const last = first + MEETING_ROWS - 1;
  return {
    name: SHEETS.meetings,
    rows: [
      ...titleRows(
        "SỔ THEO DÕI HỘI NGHỊ, CUỘC HỌP (không bắt buộc)",
        "Mỗi hội nghị một dòng. Thời lượng tối đa: Quán triệt ½ ngày; Chuyên môn 1 ngày; Quan trọng 1,5 ngày. Số dòng, số họp trực tuyến/kết hợp và số họp vượt thời lượng nên khớp với trang “Chỉ tiêu”.",
        6,
      ),
      ["STT", "Tên hội nghị", "Loại", "Hình thức", "Ngày", "Số ngày"].map((h) => c(h, HEAD)),
    ],
    columnWidths: [6, 46, 14, 14, 12, 9],
    columnStyles: [INPUT, INPUT, INPUT, INPUT, INPUT_DATE, { ...INPUT, numFmt: "0.0" }],
    rowHeights: { 1: 42 },
    merges: ["A1:F1", "A2:F2"],
    freeze: { rows: TEMPLATE_HEADER_ROW, cols: 0 },
    dataValidations: [
      { type: "list", ref: `C${first}:C${last}`, values: MEETING_TYPES.map((t) => t.label), prompt: { title: "Loại hội nghị", text: "Quán triệt, Chuyên môn hoặc Quan trọng." } },
      { type: "list", ref: `D${first}:D${last}`, values: MEETING_FORMS.map((t) => t.label), prompt: { title: "Hình thức", text: "Trực tiếp, Trực tuyến hoặc Kết hợp." } },
    ],
    protect: true,
    print: { landscape: true, fitToWidth: true },
  };
}
