// A form's official template as a WorkbookSpec (SPEC §3, §8): the marker, the Thông tin fields
// (with the form's periods and deadlines, and the free-text rows), the form's counts with
// whole-number or percentage checks, the tasks that apply to the unit, the meeting log when the
// form has one; drop-downs and Vietnamese prompts, protected code and label columns, A4 print
// setup. Rendered by src/xlsx/write.ts and the taskpane.

import {
  INFO_FIELDS,
  MEETING_FORMS,
  MEETING_TYPES,
  SHEETS,
  TASK_STATUSES,
  PROFILE_DEFINED_NAME,
  TEMPLATE_DEFINED_NAME,
  UNIT_TYPES,
  type UnitTypeId,
} from "./catalogue";
import type { CivilDate } from "./dates";
import {
  exampleReportDate,
  periodOptions,
  taskApplies,
  type Form,
  type MeetingLimits,
  type PeriodKind,
  type TaskTemplate,
} from "./form";
import { viNumber } from "./messages";
import { TEMPLATE_HEADER_ROW } from "./layout";
import type { Profile } from "./profile";
import {
  MAX_ROW_HEIGHT,
  TABLE_HEAD as HEAD,
  type CellSpec,
  type CellStyle,
  type DataValidationSpec,
  type SheetSpec,
  type WorkbookSpec,
} from "./sheetspec";

export interface TemplatePrefill {
  readonly unit?: string;
  readonly name?: string;
  readonly type?: UnitTypeId;
  readonly period?: PeriodKind;
  readonly year?: number;
  readonly reportDate?: CivilDate;
}

const TITLE: CellStyle = { bold: true, size: 13, color: "1F3864", vAlign: "center" };
/**
 * Characters of TITLE kept to one line of Thông tin's A–C (16 + 30 + 46 characters wide): 76 fit
 * printed ("… HÀNH CHÍNH NĂM 202"), 70 leaves room for wider capitals; KL226-BC/1's 60 stay one line.
 */
const TITLE_CHARS_PER_LINE = 70;
const NOTE: CellStyle = { italic: true, size: 10, color: "404040", wrap: true, vAlign: "top" };
const CODE: CellStyle = { border: true, color: "595959", size: 9, vAlign: "top" };
const LABEL: CellStyle = { border: true, wrap: true, vAlign: "top" };
const INPUT: CellStyle = { border: true, fill: "FFF9E5", locked: false, wrap: true, vAlign: "top" };
const INPUT_NUMBER: CellStyle = {
  border: true,
  fill: "FFF9E5",
  locked: false,
  numFmt: "#,##0",
  hAlign: "right",
  vAlign: "top",
};
const INPUT_TEXT: CellStyle = {
  border: true,
  fill: "FFF9E5",
  locked: false,
  numFmt: "@",
  wrap: true,
  vAlign: "top",
};
const INPUT_DATE: CellStyle = {
  border: true,
  fill: "FFF9E5",
  locked: false,
  numFmt: "dd/mm/yyyy",
  hAlign: "left",
  vAlign: "top",
};

const c = (value: CellSpec["value"], style?: CellStyle): CellSpec => (style ? { value, style } : { value });

const COUNT_PROMPT = {
  title: "Số nguyên không âm",
  text: "Nhập số nguyên không âm, ví dụ 34. Không có thì ghi 0.",
};
const COUNT_ERROR = {
  title: "Số liệu không hợp lệ",
  text: "Chỉ nhập số nguyên không âm (0, 1, 2, …), không ghi chữ hay đơn vị.",
};
const PERCENT_PROMPT = {
  title: "Tỷ lệ phần trăm",
  text: "Nhập tỷ lệ từ 0 đến 100, tối đa 2 chữ số thập phân, ví dụ 96,5.",
};
const PERCENT_ERROR = {
  title: "Tỷ lệ không hợp lệ",
  text: "Chỉ nhập số từ 0 đến 100 (tỷ lệ phần trăm), ví dụ 96,5.",
};
const INPUT_PERCENT: CellStyle = {
  border: true,
  fill: "FFF9E5",
  locked: false,
  numFmt: "0.00",
  hAlign: "right",
  vAlign: "top",
};
/**
 * Rows with drop-downs below the pre-filled tasks and in the meeting log. The empty input rows are
 * not written cell by cell: column styles give them their input look and unlocked cells, so every
 * submitted file stays small and quick to read.
 */
const EXTRA_TASK_ROWS = 30;
const MEETING_ROWS = 300;

/** The tasks of a form a unit's template lists: those that apply to its type or code (all when neither is known). */
export function templateTasks(
  form: Form,
  prefill: Pick<TemplatePrefill, "unit" | "type"> = {},
): TaskTemplate[] {
  if (prefill.unit === undefined && prefill.type === undefined) return [...form.tasks];
  return form.tasks.filter((t) => taskApplies(t, { code: prefill.unit, typeId: prefill.type }));
}

export function templateWorkbook(profile: Profile, prefill: TemplatePrefill = {}): WorkbookSpec {
  const form = profile.form;
  const sheets = [infoSheet(form, prefill), countsSheet(form), tasksSheet(templateTasks(form, prefill))];
  if (form.meetingLog.enabled) sheets.push(meetingsSheet(form.meetingLog.limits));
  return {
    title: `${form.id} ${form.title}`,
    creator: "KL226",
    // The profile too, when it has a name every deployment of the province knows: a check without
    // a profile then uses it (validate.ts), so a clerk's check is the province's.
    definedNames: {
      [TEMPLATE_DEFINED_NAME]: `"${form.id}"`,
      ...(profile.id !== undefined ? { [PROFILE_DEFINED_NAME]: `"${profile.id}"` } : {}),
    },
    sheets,
  };
}

function dayMonthText(d: { readonly day: number; readonly month: number }): string {
  return `${String(d.day).padStart(2, "0")}/${d.month}`;
}

/** Each period of the form by its label ("6 tháng", "Năm") with its deadline ("06/6"). */
export function periodDeadlines(form: Form): { readonly label: string; readonly due: string }[] {
  const options = periodOptions(form);
  return form.periods.map((p) => ({
    label: options.find((o) => o.id === p.kind)?.label ?? p.kind,
    due: dayMonthText(p.deadline),
  }));
}

/** "“6 tháng” (hạn 06/6) hoặc “Năm” (hạn 06/12)": the periods and their deadlines, in the profile's words. */
export function periodDeadlineText(form: Form): string {
  const items = periodDeadlines(form).map((p) => `“${p.label}” (hạn ${p.due})`);
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} hoặc ${items[items.length - 1] ?? ""}`;
}

/** Unstyled cells: where a column has an input style, the rows above its header must not show it. */
const PLAIN: CellStyle = {};

function titleRows(title: string, instructions: string, width: number): Array<Array<CellSpec | null>> {
  const pad = (first: CellSpec): CellSpec[] => [
    first,
    ...Array.from({ length: width - 1 }, () => c(null, PLAIN)),
  ];
  return [pad(c(title, TITLE)), pad(c(instructions, NOTE)), pad(c(null, PLAIN))];
}

function infoSheet(form: Form, prefill: TemplatePrefill): SheetSpec {
  const periods = periodOptions(form);
  const value = (code: (typeof INFO_FIELDS)[number]["code"]): CellSpec => {
    switch (code) {
      case "MA_DON_VI":
        return c(prefill.unit ?? null, INPUT_TEXT);
      case "TEN_DON_VI":
        return c(prefill.name ?? null, INPUT_TEXT);
      case "LOAI_DON_VI":
        return c(UNIT_TYPES.find((t) => t.id === prefill.type)?.label ?? null, INPUT);
      case "KY_BAO_CAO":
        return c(periods.find((p) => p.id === prefill.period)?.label ?? null, INPUT);
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
      values: periods.map((p) => p.label),
      prompt: { title: "Kỳ báo cáo", text: `Chọn ${periodDeadlineText(form)}.` },
      error: {
        title: "Kỳ báo cáo",
        text: `Chọn một trong: ${periods.map((p) => `“${p.label}”`).join(", ")}.`,
      },
    },
    {
      type: "whole",
      ref: `C${rowOf("NAM")}`,
      min: 2025,
      max: 2100,
      prompt: { title: "Năm báo cáo", text: `Nhập năm, ví dụ ${exampleReportDate(form).year}.` },
      error: { title: "Năm báo cáo", text: "Năm từ 2025 đến 2100." },
    },
  ];
  const freeTextRows = form.freeText.map((f) => [
    c(f.code, CODE),
    c(`${f.label} (không bắt buộc)`, LABEL),
    c(null, INPUT_TEXT),
  ]);
  const lastField = first + INFO_FIELDS.length + freeTextRows.length - 1;
  const freeTextHeights = Object.fromEntries(
    freeTextRows.map((_, i) => [first - 1 + INFO_FIELDS.length + i, 60]),
  );
  const counts = "cột D (" + form.previousHeader.toLowerCase() + ") và E (kỳ này)";
  const percent = form.counts.some((f) => f.type === "percent")
    ? "; tỷ lệ phần trăm ghi số từ 0 đến 100, ví dụ 96,5"
    : "";
  // The title in A1 (merged over A–C) is cut at column C's edge, on screen and printed, when it is
  // longer than one line: CCHC-BC/2025's read "… HÀNH CHÍNH NĂM 202". It wraps, in a row tall enough
  // for its lines (a merged cell's row is never fitted by Excel or LibreOffice).
  const title = `${form.id} · ${form.title.toUpperCase()}`;
  const titleLines = Math.ceil(title.length / TITLE_CHARS_PER_LINE);
  const titleHeight: Record<number, number> = titleLines > 1 ? { 0: 18 * titleLines } : {};
  const meetings = form.meetingLog.enabled
    ? " Trang “Hội nghị” (không bắt buộc): mỗi hội nghị một dòng."
    : "";
  return {
    name: SHEETS.info,
    rows: [
      [c(title, titleLines > 1 ? { ...TITLE, wrap: true } : TITLE)],
      [
        c(
          `Hướng dẫn: điền các ô nền vàng. Trang “Thông tin”: cột C. Trang “Chỉ tiêu”: ${counts}, số nguyên không âm, không có thì ghi 0${percent}. Trang “Nhiệm vụ”: chọn Tình trạng ở cột G, ghi kết quả ở cột H.${meetings} Không sửa mã ở cột A. Có thể chèn thêm dòng ghi chú.`,
          NOTE,
        ),
      ],
      [],
      [c("Mã", HEAD), c("Nội dung", HEAD), c("Giá trị", HEAD)],
      ...INFO_FIELDS.map((f) => [
        c(f.code, CODE),
        c(f.required ? `${f.label} (*)` : f.label, LABEL),
        value(f.code),
      ]),
      ...freeTextRows,
      [],
      [
        c(
          `(*) Bắt buộc. Ngày báo cáo nhập dạng dd/mm/yyyy. Kỳ báo cáo và hạn gửi: ${periodDeadlineText(form)}.`,
          NOTE,
        ),
      ],
    ],
    columnWidths: [16, 30, 46],
    rowHeights: { ...titleHeight, 1: 78, ...freeTextHeights },
    merges: ["A1:C1", "A2:C2", `A${lastField + 2}:C${lastField + 2}`],
    freeze: { rows: TEMPLATE_HEADER_ROW, cols: 0 },
    dataValidations: validations,
    protect: true,
    print: { fitToWidth: true },
  };
}

function countsSheet(form: Form): SheetSpec {
  const first = TEMPLATE_HEADER_ROW + 1;
  const rowOf = (i: number): number => first + i;
  const integerRefs = form.counts.flatMap((f, i) =>
    f.type === "integer" ? [`D${rowOf(i)}:E${rowOf(i)}`] : [],
  );
  const percentRefs = form.counts.flatMap((f, i) =>
    f.type === "percent" ? [`D${rowOf(i)}:E${rowOf(i)}`] : [],
  );
  const validations: DataValidationSpec[] = [];
  if (integerRefs.length > 0)
    validations.push({
      type: "whole",
      ref: integerRefs.join(" "),
      min: 0,
      prompt: COUNT_PROMPT,
      error: COUNT_ERROR,
    });
  if (percentRefs.length > 0)
    validations.push({
      type: "decimal",
      ref: percentRefs.join(" "),
      min: 0,
      max: 100,
      prompt: PERCENT_PROMPT,
      error: PERCENT_ERROR,
    });
  return {
    name: SHEETS.counts,
    rows: [
      ...titleRows(
        "CHỈ TIÊU ĐỊNH LƯỢNG",
        `Cột D: ${form.previousHeader.toLowerCase()}; cột E: số liệu kỳ này. Nhập số nguyên không âm; dòng có (*) là bắt buộc, không có thì ghi 0. Số “Trong đó” không được lớn hơn tổng.${form.counts.some((f) => f.type === "percent") ? " Dòng đơn vị tính “%”: ghi tỷ lệ từ 0 đến 100, tối đa 2 chữ số thập phân (ví dụ 96,5)." : ""}`,
        6,
      ),
      ["Mã", "Chỉ tiêu", "Đơn vị tính", form.previousHeader, "Kỳ này", "Ghi chú"].map((h) => c(h, HEAD)),
      ...form.counts.map((f) => {
        const input = f.type === "percent" ? INPUT_PERCENT : INPUT_NUMBER;
        return [
          c(f.code, CODE),
          c(f.label, LABEL),
          c(f.unit, { ...LABEL, hAlign: "center" }),
          c(null, f.previousRequired ? { ...input, bold: true } : input),
          c(null, f.currentRequired ? { ...input, bold: true } : input),
          c(requiredNote(f.previousRequired, f.currentRequired), { ...INPUT_TEXT, fill: undefined, size: 9 }),
        ];
      }),
    ],
    columnWidths: [20, 50, 10, 13, 13, 26],
    // "Cùng kỳ năm trước" takes two lines in column D (13 wide): the header row holds both.
    rowHeights: {
      1: 42,
      ...(form.previousHeader.length > 11 ? { [first - 2]: 30 } : {}),
      ...countRowHeights(form, first - 1),
    },
    merges: ["A1:F1", "A2:F2"],
    freeze: { rows: TEMPLATE_HEADER_ROW, cols: 2 },
    dataValidations: validations,
    protect: true,
    print: { landscape: true, fitToWidth: true },
  };
}

/** Heights that show every line of a long count label (column B is 50 characters wide). */
function countRowHeights(form: Form, firstIndex: number): Record<number, number> {
  const heights: Record<number, number> = {};
  form.counts.forEach((f, i) => {
    const lines = Math.ceil((f.label.length * 1.1) / 50);
    if (lines > 1) heights[firstIndex + i] = 15 * lines + 3;
  });
  return heights;
}

function requiredNote(previous: boolean, current: boolean): string | null {
  if (previous && current) return "(*) Bắt buộc cả D và E";
  if (current) return "(*) Bắt buộc cột E";
  return null;
}

function tasksSheet(tasks: readonly TaskTemplate[]): SheetSpec {
  const first = TEMPLATE_HEADER_ROW + 1;
  const last = first + tasks.length + EXTRA_TASK_ROWS - 1;
  const statusOptions = TASK_STATUSES.map((s) => s.label);
  return {
    name: SHEETS.tasks,
    rows: [
      ...titleRows(
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM",
        "Chọn Tình trạng (cột G) cho mọi nhiệm vụ: Hoàn thành, Hoàn thành quá hạn, Đang thực hiện hoặc Chưa thực hiện; ghi kết quả cụ thể, số hiệu văn bản minh chứng ở cột H. Đơn vị có thể thêm nhiệm vụ của mình ở các dòng trống bên dưới.",
        9,
      ),
      [
        "STT",
        "Nội dung nhiệm vụ",
        "Chủ trì",
        "Phối hợp",
        "Sản phẩm/kết quả",
        "Thời hạn",
        "Tình trạng",
        "Kết quả cụ thể/minh chứng",
        "Ghi chú",
      ].map((h) => c(h, HEAD)),
      ...tasks.map((t, i) => [
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
    rowHeights: { 1: 42, ...taskRowHeights(tasks, first - 1) },
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
function taskRowHeights(tasks: readonly TaskTemplate[], firstIndex: number): Record<number, number> {
  const heights: Record<number, number> = {};
  tasks.forEach((t, i) => {
    const texts = [t.content, t.lead, t.partners, t.product, t.deadline];
    const lines = Math.max(
      1,
      ...texts.map((text, c) => Math.ceil((text.length * 1.1) / (TASK_WIDTHS[c + 1] ?? 20))),
    );
    heights[firstIndex + i] = Math.min(MAX_ROW_HEIGHT, 15 * lines + 3);
  });
  return heights;
}

function meetingsSheet(limits: MeetingLimits): SheetSpec {
  const first = TEMPLATE_HEADER_ROW + 1;
  const last = first + MEETING_ROWS - 1;
  return {
    name: SHEETS.meetings,
    rows: [
      ...titleRows(
        "SỔ THEO DÕI HỘI NGHỊ, CUỘC HỌP (không bắt buộc)",
        `Mỗi hội nghị một dòng. Thời lượng tối đa: Quán triệt ${viNumber(limits.QUAN_TRIET)} ngày; Chuyên môn ${viNumber(limits.CHUYEN_MON)} ngày; Quan trọng ${viNumber(limits.QUAN_TRONG)} ngày. Số dòng, số họp trực tuyến/kết hợp và số họp vượt thời lượng nên khớp với trang “Chỉ tiêu”.`,
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
      {
        type: "list",
        ref: `C${first}:C${last}`,
        values: MEETING_TYPES.map((t) => t.label),
        prompt: { title: "Loại hội nghị", text: "Quán triệt, Chuyên môn hoặc Quan trọng." },
      },
      {
        type: "list",
        ref: `D${first}:D${last}`,
        values: MEETING_FORMS.map((t) => t.label),
        prompt: { title: "Hình thức", text: "Trực tiếp, Trực tuyến hoặc Kết hợp." },
      },
    ],
    protect: true,
    print: { landscape: true, fitToWidth: true },
  };
}
