// Findings: what validation and consolidation report, as values (SPEC §4). Messages are Vietnamese
// and tell the clerk what is wrong and what to type; they are built only here.

import type { TextContent } from "./file-kinds";
import { TOOL_WORDS } from "./messages";
import type { UnreadableReason } from "./workbook";
import { clipped } from "./text";

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
  | "IN_ROLLUP"
  | "ROLLUP_OVERLAP"
  | "UNKNOWN_UNIT"
  | "FILE_NAME_UNIT"
  | "OTHER_UNIT_NAME"
  | "PREVIOUS_MISMATCH"
  | "OUTLIER"
  | "STALE_FORMULA"
  | "LEGACY_TEXT"
  | "UNLIKELY_DATE"
  | "COPIED_SHEET"
  | "HIDDEN_SHEET"
  | "MERGED_CELLS"
  | "UNKNOWN_PROFILE"
  | "NOT_OPENED"
  | "INTERNAL";

export type Severity = "error" | "warning";

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
  /** Technical detail for a bug report (UNREADABLE, INTERNAL): kept in --json, never shown as the message. */
  readonly detail?: string;
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

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === "error");

/**
 * Whether a file was refused for a cause that is not its unit's: not opened on the analyst's machine
 * (NOT_OPENED: no permission, busy, gone) or our own bug (INTERNAL). Its content is not known: the
 * file is listed as rejected, but no letter asks the unit to mend it, nor calls its report returned.
 */
export const notTheUnits = (findings: ReadonlyArray<{ readonly code: string }>): boolean =>
  findings.some((f) => f.code === "NOT_OPENED" || f.code === "INTERNAL");

/** Vietnamese reasons for unreadable files: what happened and what to send instead. */
export const UNREADABLE_MESSAGES: Record<UnreadableReason, string> = {
  EMPTY: "Tệp rỗng (0 byte). Hãy lưu lại báo cáo trong Excel và gửi lại tệp .xlsx.",
  NOT_ZIP:
    "Tệp không phải là sổ tính Excel (.xlsx). Hãy mở báo cáo trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)” và gửi lại.",
  TEXT_FILE:
    "Tệp là văn bản thuần (CSV, HTML…) được đổi đuôi thành .xlsx. Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.",
  PDF_FILE:
    "Tệp là bản PDF (bản in của báo cáo), không phải sổ tính Excel: không đọc được số liệu từ bản in. Hãy gửi tệp Excel .xlsx gốc của báo cáo (bản PDF có chữ ký gửi kèm riêng nếu cần).",
  IMAGE_FILE:
    "Tệp là ảnh (ảnh chụp hoặc ảnh quét báo cáo), không phải sổ tính Excel: không đọc được số liệu từ ảnh. Hãy điền số liệu vào mẫu báo cáo Excel và gửi tệp .xlsx.",
  LEGACY_XLS:
    "Tệp ở định dạng Excel 97–2003 (.xls). Hãy mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)” (LibreOffice Calc: Tệp → Lưu thành, kiểu “Excel 2007-365 (.xlsx)”) và gửi lại.",
  ENCRYPTED:
    "Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu, OK, rồi Lưu) rồi gửi lại.",
  MACRO_ENABLED:
    "Tệp là sổ tính có macro (.xlsm); vì an toàn, không nhận tệp có macro. Hãy lưu lại dạng “Sổ làm việc Excel (*.xlsx)” và gửi lại.",
  TRUNCATED: "Tệp bị cắt cụt hoặc hỏng (có thể do tải xuống, đính kèm chưa xong). Hãy gửi lại tệp gốc.",
  CORRUPT: "Tệp .xlsx bị hỏng, không đọc được nội dung. Hãy mở trong Excel, lưu lại và gửi lại.",
  NO_WORKBOOK:
    "Tệp không phải sổ tính Excel (có thể là tệp Word hoặc PowerPoint đổi đuôi). Hãy gửi đúng tệp báo cáo .xlsx.",
  FILE_TOO_LARGE:
    "Tệp quá lớn so với giới hạn cho phép. Báo cáo theo mẫu chỉ vài chục KB: hãy xóa các trang tính, hình ảnh thừa và gửi lại.",
  TOO_MANY_ENTRIES:
    "Tệp chứa quá nhiều thành phần bên trong. Hãy điền số liệu vào mẫu báo cáo gốc và gửi lại.",
  PART_TOO_LARGE:
    "Một phần của tệp giải nén ra quá lớn (thường do định dạng cả một cột hay hàng trăm nghìn dòng trống đến cuối trang tính; cũng có thể là tệp nén độc hại). Tệp bị từ chối: hãy xóa các dòng, cột thừa ngoài bảng của mẫu (chọn các dòng thừa → chuột phải → Xóa), lưu lại và gửi lại.",
  TOTAL_TOO_LARGE:
    "Nội dung tệp giải nén ra quá lớn so với giới hạn. Hãy xóa dữ liệu thừa ngoài mẫu và gửi lại.",
  TOO_MANY_ROWS:
    "Một trang tính có quá nhiều dòng so với giới hạn. Hãy xóa các dòng thừa (kể cả dòng trống đã định dạng) và gửi lại.",
  TOO_MANY_COLUMNS: "Một trang tính có dữ liệu ở cột quá xa so với mẫu. Hãy xóa các cột thừa và gửi lại.",
  STRING_TOO_LONG: "Một ô chứa đoạn văn bản quá dài (quá 32.767 ký tự). Hãy rút gọn nội dung và gửi lại.",
  BINARY_XLSB:
    "Tệp là sổ tính nhị phân của Excel (.xlsb), không phải .xlsx. Hãy mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)” và gửi lại.",
  OPEN_DOCUMENT:
    "Tệp là bảng tính OpenDocument (.ods, của LibreOffice/OpenOffice), không phải .xlsx. Hãy mở trong LibreOffice Calc hoặc Excel, lưu dạng “Excel 2007-365 (.xlsx)” và gửi lại.",
  ARCHIVE:
    "Tệp là tệp nén (.zip, .rar, .7z…) chứa các tệp khác, không phải sổ tính Excel. Hãy giải nén các tệp báo cáo .xlsx bên trong vào thư mục các báo cáo, chuyển tệp nén ra khỏi thư mục đó, rồi tổng hợp lại; đơn vị gửi thì gửi thẳng tệp .xlsx.",
  APPLE_NUMBERS:
    "Tệp là bảng tính Apple Numbers (.numbers), không phải .xlsx. Trong Numbers, chọn Tệp → Xuất ra → Excel…, rồi gửi tệp .xlsx đã xuất.",
  INTERNAL: `Lỗi của chương trình KL226 khi đọc tệp này, không phải lỗi của tệp: không yêu cầu đơn vị gửi lại vì lý do này. Hãy báo lỗi cho người quản trị KL226, gửi kèm tệp${TOOL_WORDS.internalDetail.both}.`,
};

/**
 * The messages of the reasons a reader can tie to one cell, said with that cell's sheet and address
 * (the finding carries them): a note typed far out in an otherwise correct report is found and deleted.
 */
export const UNREADABLE_AT_MESSAGES: Partial<Readonly<Record<UnreadableReason, string>>> = {
  TOO_MANY_ROWS:
    "Ô này có dữ liệu ở dòng vượt quá giới hạn của trang tính (có thể là ghi chú gõ nhầm chỗ). Hãy xóa nội dung ô này và các dòng thừa (kể cả dòng trống đã định dạng), lưu lại và gửi lại.",
  TOO_MANY_COLUMNS:
    "Ô này có dữ liệu ở cột quá xa so với bảng của mẫu (có thể là ghi chú gõ nhầm chỗ). Hãy xóa nội dung ô này và các cột thừa, lưu lại và gửi lại.",
  STRING_TOO_LONG:
    "Ô này chứa đoạn văn bản quá dài (quá 32.767 ký tự). Hãy rút gọn nội dung, lưu lại và gửi lại.",
};

/** FILE_TOO_LARGE's message with the file's size and the limit, so the clerk knows how much to cut. */
export function fileTooLargeMessage(bytes: number, limit: number): string {
  return `Tệp quá lớn (${megabytes(bytes, "up")}; giới hạn ${megabytes(limit, "down")}). Báo cáo theo mẫu chỉ vài chục KB: hãy xóa các trang tính, hình ảnh thừa và gửi lại.`;
}

/** Bytes in MB (KB below 1 MB) at one decimal, rounded so that a file over the limit never reads as within it. */
function megabytes(bytes: number, round: "up" | "down"): string {
  const [unit, size] = bytes < 2 ** 20 ? ["KB", 2 ** 10] : ["MB", 2 ** 20];
  const tenths = (round === "up" ? Math.ceil : Math.floor)((bytes / size) * 10);
  return `${String(Math.trunc(tenths / 10))}${tenths % 10 === 0 ? "" : `,${String(tenths % 10)}`} ${unit}`;
}

/** Text files by the extension their name carries: what they are called in the message. */
const TEXT_KINDS: Readonly<Record<string, string>> = {
  csv: "văn bản CSV",
  tsv: "văn bản TSV",
  txt: "văn bản thuần (.txt)",
  htm: "trang HTML",
  html: "trang HTML",
  xml: "văn bản XML",
};

/** What the text of an .xls that is no workbook is, by its content (file-kinds' textContentOf). */
const TEXT_IN_XLS: Readonly<Record<TextContent, string>> = {
  html: "trang web (HTML) do phần mềm khác xuất ra",
  xml: "văn bản XML (như dạng “Bảng tính XML 2003”) do phần mềm khác xuất ra",
  csv: "tệp văn bản CSV (chữ và số cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu tab) được đặt đuôi .xls",
  text: "tệp văn bản thuần (chỉ có chữ) được đặt đuôi .xls",
};

/** What text named .xlsx is, by its content: said exactly, where it was "văn bản thuần (CSV, HTML…)". */
const TEXT_IN_XLSX: Readonly<Record<TextContent, string>> = {
  html: "trang web (HTML)",
  xml: "văn bản XML",
  csv: "văn bản CSV (chữ và số cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu tab)",
  text: "văn bản thuần (chỉ có chữ)",
};

/**
 * The Vietnamese reason for an unreadable file. The file name, when the caller knows it, makes the
 * message exact where the content alone cannot: a .csv was not renamed; a text file named .xls is
 * the HTML or XML "Excel" export of some other program or a CSV or plain text. `content`, what the
 * text's first characters show, names text named .xlsx (or of no known name) and .xls exactly.
 */
export function unreadableMessage(
  reason: UnreadableReason,
  fileName?: string,
  content?: TextContent,
): string {
  const ext = fileExtension(fileName);
  if (reason === "TEXT_FILE" && ext !== "xlsx" && ext !== "") {
    const kind = TEXT_KINDS[ext];
    if (ext === "xls" || ext === "xlt") {
      const text =
        content === undefined
          ? "văn bản (trang HTML hoặc XML do phần mềm khác xuất ra)"
          : TEXT_IN_XLS[content];
      const what = `Tệp .${ext} này thực chất là ${text}, không phải sổ tính Excel`;
      // Text has one table at most, never the template's sheets: saved as .xlsx it is still no report.
      return content === undefined || content === "html" || content === "xml"
        ? `${what}. Hãy mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)”, chép số liệu vào mẫu báo cáo và gửi lại.`
        : `${what}, nên không có các trang tính của mẫu báo cáo. Hãy mở tệp trong Excel, chép số liệu vào mẫu báo cáo ${TOOL_WORDS.template.both}, lưu mẫu đã điền kiểu “Sổ làm việc Excel (*.xlsx)” (Tệp → Lưu thành) rồi gửi lại tệp .xlsx đó.`;
    }
    return `Tệp là ${kind ?? `văn bản thuần (.${ext})`}, không phải sổ tính Excel (.xlsx). Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.`;
  }
  if (reason === "TEXT_FILE" && content !== undefined)
    return `Tệp là ${TEXT_IN_XLSX[content]} được đổi đuôi thành .xlsx. Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.`;
  return UNREADABLE_MESSAGES[reason];
}

/** "Báo cáo.CSV" → "csv"; "" when there is no extension. */
function fileExtension(fileName: string | undefined): string {
  if (fileName === undefined) return "";
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** STALE_FORMULA (docs/DECISIONS.md): the file asks Excel to recalculate on open, so these formulas' saved values may not be what Excel shows. */
export function staleFormulaMessage(sheet: string, cells: readonly string[]): string {
  const shown =
    cells.length > 12 ? `${cells.slice(0, 12).join(", ")} và ${cells.length - 12} ô khác` : cells.join(", ");
  const which = cells.length === 1 ? `ô công thức ${shown}` : `các ô công thức ${shown}`;
  return `Tệp được lưu bởi phần mềm không tự tính công thức: giá trị đã lưu của ${which} trên trang “${sheet}” có thể khác số Excel sẽ hiển thị. Hãy mở tệp trong Excel, nhấn Ctrl+Alt+F9 để tính lại (LibreOffice Calc: Ctrl+Shift+F9), lưu rồi gửi lại.`;
}

/** The font family and Unikey's name of each legacy encoding (LEGACY_TEXT), as a clerk knows them. */
const LEGACY_NAMES = {
  TCVN3: { font: "phông .VnTime", unikey: "TCVN3 (ABC)" },
  VNI: { font: "phông VNI-Times", unikey: "VNI Windows" },
} as const;

/**
 * LEGACY_TEXT (docs/DECISIONS.md): text cells typed in TCVN3 or VNI, read as the Unicode they stand
 * for; the clerk is asked to check the reading and how to convert with Unikey (which converts the
 * clipboard: only text cells, so no formula turns into its value).
 */
export function legacyTextMessage(
  encoding: "TCVN3" | "VNI",
  cells: readonly string[],
  typed: string,
  read: string,
  capitals: readonly string[] = [],
  fonts: readonly string[] = [],
): string {
  const shown = cellList(cells);
  const said =
    cells.length === 1
      ? `Ô này được gõ bằng bảng mã ${legacyName(encoding, fonts)}: ${quoted(typed)}, chương trình đã đọc là ${quoted(read)}.`
      : `${cells.length} ô (${shown}) được gõ bằng bảng mã ${legacyName(encoding, fonts)}, ví dụ ${quoted(typed)} được chương trình đọc là ${quoted(read)}.`;
  return `${said} Đề nghị kiểm tra lại. Để các kỳ sau không phải chuyển đổi, hãy chuyển mã các ô chữ sang Unicode bằng Unikey: ${unikeySteps(encoding, "chọn các ô chữ (không chọn ô có công thức)", "vào đúng các ô đó rồi đặt phông Times New Roman")}.${capitalsNote(capitals)}`;
}

/**
 * Cells in a TCVN3 capitals font (.VnTimeH draws small letters' codes as capitals): read in capitals,
 * and converted by Unikey with “Sang chữ hoa”, apart from the others (the option applies to all it converts).
 */
function capitalsNote(cells: readonly string[]): string {
  if (cells.length === 0) return "";
  const which = cells.length === 1 ? `Ô ${cells[0]}` : `Các ô ${cellList(cells)}`;
  return ` ${which} ${capitalsAdvice(cells.length === 1 ? "ô này" : "các ô này")}`;
}

function capitalsAdvice(these: string): string {
  return `dùng phông chữ hoa của bảng mã TCVN3 (như .VnTimeH), nên được đọc bằng chữ in hoa như trên màn hình; khi chuyển mã, chuyển riêng ${these} và đánh dấu thêm “Sang chữ hoa” trong Công cụ chuyển mã.`;
}

/**
 * capitalsNote for cells on more than one sheet: each sheet named once, "Các ô (trang “DS”: ô B2, B3;
 * trang “DS2”: ô C4)" (it followed every cell), at most 12 cells in all as cellList names them.
 */
function capitalsBySheetNote(sheets: readonly SheetCells[]): string {
  const named = sheets.filter((s) => s.cells.length > 0);
  if (named.length <= 1) return capitalsNote(named[0]?.cells ?? []);
  const total = named.reduce((n, s) => n + s.cells.length, 0);
  let left = 12;
  const parts: string[] = [];
  for (const s of named) {
    if (left === 0) break;
    const shown = s.cells.slice(0, left);
    left -= shown.length;
    parts.push(`trang “${s.sheet}”: ô ${shown.join(", ")}`);
  }
  const more = total > 12 ? ` và ${total - 12} ô khác` : "";
  return ` Các ô (${parts.join("; ")}${more}) ${capitalsAdvice("các ô này")}`;
}

/** Cells of one sheet, A1 addresses. */
export interface SheetCells {
  readonly sheet: string;
  readonly cells: readonly string[];
}

/** Cells named in a LEGACY_TEXT warning: at most 12, the rest counted, so it stays readable. */
function cellList(cells: readonly string[]): string {
  return cells.length > 12
    ? `${cells.slice(0, 12).join(", ")} và ${cells.length - 12} ô khác`
    : cells.join(", ");
}

/**
 * A roster's cells typed in TCVN3 or VNI (roster.ts), said as LEGACY_TEXT says a report's; `capitals`,
 * those in .VnTimeH by sheet (a sheet named only when more than one has some): converted without
 * “Sang chữ hoa”, its names would reach the letters in small letters.
 */
export function legacyTextNote(
  encoding: "TCVN3" | "VNI",
  count: number,
  typed: string,
  read: string,
  capitals: readonly SheetCells[] = [],
  fonts: readonly string[] = [],
): string {
  // Saved again as Excel's plain CSV, the converted letters would become "?" (roster.ts refuses that).
  return `${count} ô được gõ bằng bảng mã ${legacyName(encoding, fonts)}, ví dụ ${quoted(typed)} được đọc là ${quoted(read)}. Đề nghị kiểm tra lại tên các đơn vị. Để lần sau không phải chuyển đổi, hãy chuyển mã danh sách sang Unicode bằng Unikey (${unikeySteps(encoding, "mở danh sách trong Excel, chọn các ô chữ", "vào chỗ cũ")}), rồi lưu dạng “Sổ làm việc Excel (*.xlsx)” (phông Times New Roman) hoặc “CSV UTF-8 (phân tách bằng dấu phẩy)”.${capitalsBySheetNote(capitals)}`;
}

const quoted = (t: string): string => `“${t.length > 60 ? clipped(t, 58) : t}”`;

/**
 * "TCVN3 (phông .VnArial)": the encoding with the fonts the cells are shown in when the file says them
 * (at most three, the rest counted), else the encoding's usual font.
 */
function legacyName(encoding: "TCVN3" | "VNI", fonts: readonly string[] = []): string {
  if (fonts.length === 0) return `${encoding} (${LEGACY_NAMES[encoding].font})`;
  const more = fonts.length > 3 ? ` và ${fonts.length - 3} phông khác` : "";
  return `${encoding} (phông ${fonts.slice(0, 3).join(", ")}${more})`;
}

/** Unikey's clipboard conversion, step by step (Ctrl+Shift+F6 opens its Công cụ chuyển mã). */
function unikeySteps(encoding: "TCVN3" | "VNI", select: string, paste: string): string {
  return `${select}, nhấn Ctrl+C; nhấn Ctrl+Shift+F6 để mở Công cụ chuyển mã (Unikey Toolkit), chọn Nguồn: ${LEGACY_NAMES[encoding].unikey}, Đích: Unicode, bấm “Chuyển mã”; nhấn Ctrl+V ${paste}`;
}
