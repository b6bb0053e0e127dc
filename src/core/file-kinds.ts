// What a submitted file is, by its name (SPEC §5: nothing is silently dropped): one table of the
// file kinds clerks send instead of a .xlsx workbook, each with what the file is and how to save it
// as .xlsx. Shared by the CLI (folders and named files) and the standalone taskpane (picked files).

import { TOOL_WORDS } from "./messages";

export type FileKindId =
  | "xlsx"
  | "xls"
  | "xlsb"
  | "xlsm"
  | "xltx"
  | "ods"
  | "csv"
  | "numbers"
  | "pdf"
  | "word"
  | "json"
  | "archive"
  | "other";

export interface FileKind {
  readonly id: FileKindId;
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  /** What the file is, as a clerk would name it. */
  readonly what: string;
  /** Why it cannot be read as a report, when that is not obvious. */
  readonly why?: string;
  /** How to turn it into the .xlsx report (empty for xlsx itself). */
  readonly howToXlsx: string;
}

const SAVE_AS_XLSX =
  "Hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “Sổ làm việc Excel (*.xlsx)”, rồi gửi lại tệp .xlsx.";

/** Every kind except `other`, which is the fallback. */
export const FILE_KINDS: readonly FileKind[] = [
  { id: "xlsx", extensions: ["xlsx"], what: "sổ tính Excel (.xlsx)", howToXlsx: "" },
  {
    id: "xls",
    extensions: ["xls"],
    what: "sổ tính Excel 97–2003 (.xls), định dạng cũ",
    howToXlsx: SAVE_AS_XLSX,
  },
  { id: "xlsb", extensions: ["xlsb"], what: "sổ tính nhị phân của Excel (.xlsb)", howToXlsx: SAVE_AS_XLSX },
  {
    id: "xlsm",
    extensions: ["xlsm"],
    what: "sổ tính có macro (.xlsm)",
    why: "vì an toàn, tệp có macro không được nhận",
    howToXlsx:
      "Hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “Sổ làm việc Excel (*.xlsx)” (macro sẽ được bỏ đi), rồi gửi lại tệp .xlsx.",
  },
  {
    id: "xltx",
    extensions: ["xltx", "xltm", "xlt"],
    what: "tệp mẫu (template) của Excel",
    why: "tệp mẫu chưa phải là báo cáo",
    howToXlsx: "Hãy mở mẫu, điền báo cáo rồi lưu kiểu “Sổ làm việc Excel (*.xlsx)” và gửi tệp .xlsx đó.",
  },
  {
    id: "ods",
    extensions: ["ods", "fods"],
    what: "bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice Calc",
    howToXlsx:
      "Hãy mở tệp trong LibreOffice Calc, chọn Tệp → Lưu thành, kiểu “Excel 2007-365 (.xlsx)” (chọn “Giữ định dạng hiện tại” nếu được hỏi), rồi gửi lại tệp .xlsx.",
  },
  {
    id: "csv",
    extensions: ["csv", "tsv", "txt"],
    what: "tệp văn bản (CSV/TXT)",
    why: "tệp văn bản chỉ có chữ và số, không có các trang tính của mẫu báo cáo",
    howToXlsx: `Hãy chép số liệu vào mẫu báo cáo ${TOOL_WORDS.template.both} và lưu kiểu “Sổ làm việc Excel (*.xlsx)”. Nếu đây là danh sách đơn vị, hãy chọn nó ${TOOL_WORDS.rosterPlace.both}.`,
  },
  {
    id: "numbers",
    extensions: ["numbers"],
    what: "bảng tính Apple Numbers (.numbers)",
    howToXlsx: "Hãy mở tệp trong Numbers, chọn Tệp → Xuất sang → Excel…, lưu tệp .xlsx rồi gửi lại.",
  },
  {
    id: "pdf",
    extensions: ["pdf"],
    what: "tệp PDF (bản in)",
    why: "không đọc được số liệu từ bản in",
    howToXlsx: "Hãy gửi tệp Excel .xlsx gốc của báo cáo (bản PDF có chữ ký gửi kèm riêng nếu cần).",
  },
  {
    id: "word",
    extensions: ["doc", "docx", "rtf", "odt"],
    what: "văn bản Word",
    howToXlsx:
      "Số liệu phải được điền vào mẫu báo cáo Excel và lưu kiểu “Sổ làm việc Excel (*.xlsx)”; văn bản Word (nếu có) gửi kèm riêng.",
  },
  {
    id: "json",
    extensions: ["json"],
    what: "tệp dữ liệu JSON (.json)",
    howToXlsx: `Nếu đây là tệp tổng hợp năm trước để đối chiếu, hãy đưa nó vào mục đối chiếu ${TOOL_WORDS.previous.both}, không để chung với các báo cáo.`,
  },
  {
    id: "archive",
    extensions: ["zip", "rar", "7z", "gz", "tgz", "bz2", "xz", "tar"],
    what: "tệp nén",
    howToXlsx:
      "Hãy giải nén các tệp báo cáo .xlsx bên trong vào thư mục các báo cáo, chuyển tệp nén ra khỏi thư mục đó, rồi tổng hợp lại.",
  },
];

const OTHER: FileKind = {
  id: "other",
  extensions: [],
  what: "tệp không phải sổ tính Excel",
  howToXlsx: "Hãy gửi báo cáo dạng tệp Excel .xlsx theo mẫu (lưu kiểu “Sổ làm việc Excel (*.xlsx)”).",
};

const BY_EXTENSION = new Map(FILE_KINDS.flatMap((k) => k.extensions.map((e) => [e, k] as const)));

/** The last path segment (either separator: names come from Windows and POSIX alike). */
function baseOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** The lower-case extension of a file name, without the dot; "" when it has none. */
export function extensionOf(path: string): string {
  const base = baseOf(path);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** The kind of a file by its extension; `other` for any extension not in the table. */
export function fileKindOf(path: string): FileKind {
  return BY_EXTENSION.get(extensionOf(path)) ?? OTHER;
}

/**
 * Files never treated as submissions when a folder is read or files are dropped: Excel's lock
 * files ("~$bao-cao.xlsx", written while a workbook is open) and hidden files (".DS_Store",
 * "._bao-cao.xlsx" from macOS, ".~lock.bao-cao.xlsx#" from LibreOffice). Windows' "Thumbs.db" and
 * "desktop.ini" are hidden by the system too.
 */
export function isIgnoredFileName(path: string, size?: number): boolean {
  const base = baseOf(path);
  // Excel's lock file holds only who has the workbook open (165 bytes): a "~$" file of a report's
  // size is a report someone renamed (or a copy of one), read like any other.
  if (base.startsWith("~$")) return size === undefined || size <= LOCK_FILE_MAX_BYTES;
  return base.startsWith(".") || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}

/** Larger than any Excel lock file ("~$…": a user name in 165 bytes), smaller than any workbook. */
export const LOCK_FILE_MAX_BYTES = 1024;

/**
 * What a file that reads as text holds, by its first characters (already decoded): `html`, a web page
 * (what some programs "export to Excel" as .xls, Excel's own "Trang web" too) or a single-file web page
 * (MHTML: Excel's .mht, a page saved by Internet Explorer), whose mail headers carry a "MIME-Version:"
 * line; `xml`, other XML (Excel 2003's "XML Spreadsheet", a system's export); `csv`, lines of fields
 * parted by commas, semicolons or tabs (Excel's "CSV" or "Unicode Text", a system's export); else plain
 * `text`.
 */
export type TextContent = "html" | "xml" | "csv" | "text";

/**
 * A web page's first tags (after an XML declaration or a comment, as XHTML and Excel's pages start), or
 * the style sheet a web system's "Xuất Excel" page opens with before its table.
 */
const HTML_TAG = /<(?:!doctype\s+html|html|head|body|meta|style|table)\b/i;

const MIME_HEADER = /^MIME-Version\s*:/im;

/**
 * How far a single-file web page's mail headers are looked for when its head holds headers (or blank
 * lines) and no "MIME-Version:" yet: a long "Subject:", or many blank lines before the headers. Never
 * the whole file (a page saved so may be tens of megabytes).
 */
export const MAIL_HEAD_BYTES = 16384;

// A mail header line ("Subject: …": a name of printable ASCII without ":" or a space, then ":"), and
// a header folded onto the next line (it starts with a space or a tab).
const HEADER_LINE = /^[!-9;-~]+[ \t]*:/;
const FOLDED_LINE = /^[ \t]/;

/**
 * What a text file is by its first characters (`head`: its first 512 bytes'); `further`, when given,
 * its first MAIL_HEAD_BYTES bytes' characters, asked only when `head` is a mail header block (or blank
 * lines) without "MIME-Version:", whose header may come later.
 */
export function textContentOf(head: string, further?: () => string): TextContent {
  const body = head.replace(/^\uFEFF/, "").trimStart();
  if (MIME_HEADER.test(body)) return "html";
  if (further !== undefined && (body === "" || HEADER_LINE.test(body)) && namesMimeVersion(further()))
    return "html";
  if (body.startsWith("<")) return HTML_TAG.test(body) ? "html" : "xml";
  const firstLine = body.split(/\r\n|\r|\n/, 1)[0] ?? "";
  return /[,;\t]/.test(firstLine) ? "csv" : "text";
}

/** Why a file that is not a .xlsx workbook is rejected: what it is, and how to save it as .xlsx. */
export function fileKindMessage(path: string): string {
  const kind = fileKindOf(path);
  const name = `Tệp “${baseOf(path)}”`;
  if (kind.id === "other") {
    // Nothing to say of what it is beyond its name: "Tệp “x.md” (tệp .md) không phải …".
    const ext = extensionOf(path);
    return `${name} (${ext ? `tệp .${ext}` : "tệp không có phần đuôi"}) không phải sổ tính Excel .xlsx theo mẫu. ${kind.howToXlsx}`;
  }
  return `${name} là ${kind.what}, không phải sổ tính Excel .xlsx theo mẫu${kind.why ? `: ${kind.why}` : ""}. ${kind.howToXlsx}`;
}

/**
 * Whether a text's mail header block (its lines after a byte-order mark and blank lines, up to the
 * first line that is no header: the blank one before the page) has a "MIME-Version:" line.
 */
function namesMimeVersion(text: string): boolean {
  for (const line of text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .split(/\r\n|\r|\n/)) {
    if (/^MIME-Version[ \t]*:/i.test(line)) return true;
    if (!HEADER_LINE.test(line) && !FOLDED_LINE.test(line)) return false;
  }
  return false;
}
