// The Vietnamese message table for findings: one builder per situation, each saying what is
// wrong and what to type (STYLE §3: messages live in one table).

import type { BadCountReason, BadPercentReason } from "./values";
import { viInteger } from "./format";
import { viDate, type CivilDate } from "./dates";
import { squeezedCode } from "./text";
import { SHEETS } from "./catalogue";

/**
 * A value quoted in a message. Line breaks and other controls a cell may hold become one space: the
 * message is one line on the terminal (a cell could otherwise print a line of its own, "✓ HỢP LỆ …"),
 * and in a letter.
 */
// eslint-disable-next-line no-control-regex
const q = (s: string): string => `“${s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")}”`;

/** 12.25 → "12,3", 12 → "12": the Vietnamese decimal comma. */
const oneDecimal = (x: number): string => viNumber(Math.round(x * 10) / 10);

/** How to unmerge, in both programs clerks use. */
const UNMERGE =
  "Bỏ gộp ô (Excel: Trang đầu → Gộp và Căn giữa; LibreOffice: Định dạng → Gộp và bỏ gộp ô → Bỏ gộp ô)";

/** ", đang bị ẩn (…)" when the sheet read is hidden: a clerk working in a copy may not see it. */
/** " (đang bị ẩn)" after a sheet's name among `hidden`. */
function hiddenMark(sheet: string, hidden: readonly string[]): string {
  return hidden.includes(sheet) ? " (đang bị ẩn)" : "";
}

/** Unhiding comes before renaming: a hidden sheet's tab cannot be double-clicked. */
function unhideFirst(found: readonly string[], hidden: readonly string[]): string {
  const shut = found.filter((f) => hidden.includes(f));
  if (shut.length === 0) return "";
  return `Trước hết bỏ ẩn ${shut.length === 1 ? "trang" : "các trang"} ${shut.map(q).join(", ")} (nhấp chuột phải vào tên một trang → Bỏ ẩn). `;
}

/** Said of a copied sheet that is hidden: the clerk cannot delete a sheet it does not see. */
function copyHiddenNote(hidden: boolean): string {
  return hidden ? " (trang này đang bị ẩn: nhấp chuột phải vào tên một trang → Bỏ ẩn để thấy nó)" : "";
}

function hiddenNote(sheet: string, hidden: boolean): string {
  return hidden
    ? `, trang này đang bị ẩn (nhấp chuột phải vào tên một trang → Bỏ ẩn để thấy ${q(sheet)})`
    : "";
}

/**
 * Where a message names the command line beside the add-in's own button or field: both are written,
 * since the same finding reaches a command's output and the add-in; the add-in shows only its own
 * words (`forThePage`), a clerk there has no command line.
 */
/** How a roster kept as Excel's plain CSV of a Vietnamese Windows (code page 1258) is said to be saved. */
const ANSI_CSV =
  "dạng “CSV (phân tách bằng dấu phẩy)” theo bảng mã tiếng Việt cũ của Windows (không phải UTF-8)";

/** How to save such a roster so that it can be read. */
const SAVE_AS_UTF8_CSV =
  "hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)”";

export const TOOL_WORDS = {
  template: { both: "(lệnh “kl226 template” hoặc nút Mẫu báo cáo)", page: "(thẻ “Mẫu báo cáo”)" },
  roster: {
    both: "(tùy chọn --roster, hoặc nút chọn danh sách đơn vị)",
    page: "(ô “Danh sách đơn vị” ở thẻ Tổng hợp)",
  },
  rosterPlace: {
    both: "ở mục danh sách đơn vị (--roster)",
    page: "ở ô “Danh sách đơn vị” của thẻ Tổng hợp",
  },
  rollup: {
    both: "(lệnh kl226 consolidate … --rollup, hoặc nút Tải báo cáo gửi cấp trên)",
    page: "(phần “Báo cáo gửi cấp trên” ở thẻ Tổng hợp)",
  },
  rejectedReasons: { both: "(lý do ở trang “Lỗi”)", page: "(lý do ở mục “Tệp bị từ chối”)" },
  previous: {
    both: "(lệnh kl226 consolidate … với một --previous trước mỗi tệp: --previous a.json --previous b.json)",
    page: "(ô “Bảng tổng hợp năm trước” ở thẻ Tổng hợp)",
  },
  summaryBy: {
    both: "do “kl226 consolidate” ghi",
    page: "do KL226 lập (nút “Tải bảng tổng hợp (.xlsx)” ở thẻ Tổng hợp)",
  },
  jsonBy: {
    both: "do “kl226 consolidate --json” ghi",
    page: "do KL226 lập (nút “Tải dữ liệu tổng hợp (.json)” ở thẻ Tổng hợp)",
  },
  summaryFiles: {
    both: "(tệp --out hoặc --json của lần tổng hợp cùng kỳ năm trước, hoặc tệp tải về ở thẻ Tổng hợp)",
    page: "(tệp đã tải về bằng nút “Tải bảng tổng hợp (.xlsx)” hoặc “Tải dữ liệu tổng hợp (.json)” ở cùng kỳ năm trước)",
  },
  previousFile: { both: "tệp đối chiếu (--previous)", page: "bảng tổng hợp năm trước đã chọn" },
  previousCheck: {
    both: "kiểm tra lại tệp --previous",
    page: "kiểm tra lại bảng tổng hợp năm trước đã chọn",
  },
  warningsDetail: { both: "chi tiết ở trang “Lỗi”", page: "chi tiết ở mục “Cảnh báo”" },
  firstYear: {
    both: "hãy bỏ --previous; từ kỳ sau, dùng tệp --out hoặc --json của kỳ này",
    page: "hãy bỏ chọn tệp này; từ kỳ sau, dùng bảng tổng hợp hoặc tệp JSON tải về ở kỳ này",
  },
  internalDetail: {
    both: " và dòng “detail” trong kết quả lệnh “kl226 validate TỆP --json”",
    page: "",
  },
} as const;

/** "…hoặc lệnh kl226 của nơi đã phát hành mẫu (--profile X)": the profile's name follows the option. */
const OTHER_PROFILE_CHECK = / hoặc lệnh kl226 của nơi đã phát hành mẫu \(--profile [^)]*\)/g;

/** A finding's message as the add-in shows it: its own buttons and fields named, no command or option. */
export function forThePage(message: string): string {
  let out = message.replace(OTHER_PROFILE_CHECK, " KL226 của nơi đã phát hành mẫu");
  for (const { both, page } of Object.values(TOOL_WORDS)) out = out.replaceAll(both, page);
  return out;
}

/** Said of a file that is another period's report: it is not to be relabelled (letters read it). */
export const KEEP_PERIOD = "không cần sửa ô Kỳ báo cáo của tệp này";

/**
 * Whether a finding says the file is another period's report, one to relabel (the list's wrong entry
 * picked: "keep": false) or not (another period's figures: "keep": true); undefined for any other finding.
 */
export function periodVerdict(f: {
  readonly code: string;
  readonly message: string;
}): "keep" | "relabel" | undefined {
  if (f.code !== "PERIOD_MISMATCH") return undefined;
  return f.message.includes(KEEP_PERIOD) ? "keep" : "relabel";
}

/** Where two files of one unit first differ: a count, or a task's status (its label). */
export interface FigureDifference {
  readonly label: string;
  readonly column: string;
  readonly here: number | string | null;
  readonly there: number | string | null;
}

/** A differing figure as a message shows it: "để trống", 1.234, or a status “Hoàn thành”. */
export function shownFigure(n: number | string | null): string {
  return n === null ? "để trống" : typeof n === "string" ? q(n) : viNumber(n);
}

/** Column letters ("B", "AA") as a number, to tell a column moved left from one moved right. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A template sheet's header found in another column than the template's (structural-edits.ts MovedColumn). */
type Moved = ReadonlyArray<{ readonly header: string; readonly at: string; readonly expected: string }>;

/**
 * How to put moved columns back: a column inserted moved them right (delete it), one deleted moved them
 * left (insert it again; "xóa cột đã chèn" told the clerk who deleted the label column B to delete more).
 */
function putColumnsBack(moved: Moved): string {
  const right = moved.some((m) => columnNumber(m.at) > columnNumber(m.expected));
  const left = moved.some((m) => columnNumber(m.at) < columnNumber(m.expected));
  const remove = "xóa cột đã chèn (nhấp chuột phải vào tên cột → Xóa)";
  const insert = "chèn lại cột đã xóa (nhấp chuột phải vào tên cột → Chèn)";
  return left && right ? `${remove} hoặc ${insert}` : left ? insert : remove;
}

/** "chèn lại cột trước cột G (…)", or for columns deleted side by side "chèn lại 2 cột trước cột G (…)". */
function insertBefore(count: number, at: string): string {
  return count > 1
    ? `chèn lại ${count} cột trước cột ${at} (chọn ${count} cột bắt đầu từ cột ${at}, nhấp chuột phải → Chèn)`
    : `chèn lại cột trước cột ${at} (nhấp chuột phải vào tên cột ${at} → Chèn)`;
}

/** The moved-column messages' first sentences, up to what was not read ("… không đọc {what} của trang này"). */
function movedOpening(sheet: string, moved: Moved, what: string): string {
  return `Trang ${q(sheet)} bị lệch cột so với mẫu: ${moved.map((m) => `cột ${q(m.header)} đang ở cột ${m.at} (mẫu: cột ${m.expected})`).join(", ")}. Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc ${what} của trang này`;
}

/** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC": the signer's title lines as the documents print them, on one line. */
function titleOnOneLine(title: string): string {
  const lines = title.split("\n").map((l) => l.trim().toLocaleUpperCase("vi"));
  return lines.filter((l) => l !== "").join(" / ");
}

/** What a sheet holds that tells it renamed (MSG.renamedSheet's byRows), by template sheet. */
const ROWS_OF: Readonly<Record<string, string>> = {
  [SHEETS.info]: "các dòng Mã đơn vị, Tên đơn vị…",
  [SHEETS.counts]: "các dòng mã chỉ tiêu ở cột A",
  [SHEETS.tasks]: "các cột Nội dung nhiệm vụ, Tình trạng",
};

export const MSG = {
  notTemplate: (sheet: string, form: string) =>
    `Thiếu trang tính ${q(sheet)}: tệp không theo mẫu ${form}. Hãy tải mẫu mới ${TOOL_WORDS.template.both} và chép số liệu sang.`,
  movedColumns: (sheet: string, moved: Moved, previousHeader: string) =>
    `${movedOpening(sheet, moved, "số liệu")} (đọc theo vị trí sẽ lấy nhầm số). Hãy đưa về đúng mẫu: ${moved.some((m) => m.expected === "A") ? "cột A mã chỉ tiêu, " : ""}cột D số liệu ${previousHeader.toLowerCase()}, cột E số liệu kỳ này, ${putColumnsBack(moved)}, lưu rồi gửi lại.`,
  movedInfoColumns: (sheet: string, moved: Moved) =>
    `${movedOpening(sheet, moved, "thông tin")}. Hãy đưa về đúng mẫu: cột A mã, cột C giá trị, ${putColumnsBack(moved)}, lưu rồi gửi lại.`,
  movedTaskColumns: (sheet: string, moved: Moved) =>
    `${movedOpening(sheet, moved, "nhiệm vụ")} (đọc theo vị trí sẽ lấy nhầm). Hãy đưa về đúng mẫu: ${moved.some((m) => m.expected === "A") ? "cột A STT, " : ""}cột B nội dung nhiệm vụ, cột F thời hạn, cột G tình trạng, ${putColumnsBack(moved)}, lưu rồi gửi lại.`,
  /** Nhiệm vụ's Tình trạng (G) deleted: `now` is the header that moved into G ("Kết quả cụ thể/minh chứng"). */
  deletedStatusColumn: (
    sheet: string,
    now: { readonly header: string; readonly cell: string; readonly at: string; readonly expected: string },
  ) =>
    `Trang ${q(sheet)} không có cột ${q("Tình trạng")} (mẫu: cột ${now.at}): cột ${q(now.header)} đang ở cột ${now.at} (mẫu: cột ${now.expected}). Có lẽ cột ${q("Tình trạng")} đã bị xóa cùng với tình trạng đã chọn cho các nhiệm vụ, nên chương trình không đọc nhiệm vụ của trang này. Hãy ${insertBefore(columnNumber(now.expected) - columnNumber(now.at), now.at)}, ghi ${q("Tình trạng")} ở ô ${now.cell}${columnNumber(now.expected) - columnNumber(now.at) > 1 ? " (và tiêu đề các cột khác đã xóa, như trong mẫu)" : ""}, chọn lại tình trạng cho từng nhiệm vụ (Hoàn thành, Hoàn thành quá hạn, Đang thực hiện hoặc Chưa thực hiện), lưu rồi gửi lại.`,
  /** Hội nghị's read columns moved: the log is left unread (a warning: the log is optional). */
  movedLogColumns: (sheet: string, moved: Moved) =>
    `Trang ${q(sheet)} bị lệch cột so với mẫu: ${moved.map((m) => `cột ${q(m.header)} đang ở cột ${m.at} (mẫu: cột ${m.expected})`).join(", ")}. Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc danh sách hội nghị của trang này (đọc theo vị trí sẽ lấy nhầm) và chưa đối chiếu được với số hội nghị ở trang ${q(SHEETS.counts)}; trang ${q(sheet)} không bắt buộc, báo cáo vẫn được tổng hợp. Hãy đưa về đúng mẫu: ${moved.some((m) => m.expected === "A") ? "cột A STT, " : ""}cột B tên hội nghị, cột C loại, cột D hình thức, cột F số ngày, ${putColumnsBack(moved)}, lưu rồi gửi lại.`,
  /** A sheet's code column (A) deleted: `first` is its first row read by label ("Mã đơn vị" at A6, MA_DON_VI). */
  deletedCodeColumn: (
    sheet: string,
    what: string,
    first: { readonly label: string; readonly cell: string; readonly code: string },
  ) =>
    `Trang ${q(sheet)} không có cột ${q("Mã")} (mẫu: cột A): ô ${first.cell} là ${q(first.label)}, không phải mã ${first.code}. Có lẽ cột mã đã bị xóa, nên chương trình không đọc ${what} của trang này theo mẫu. Hãy chèn lại cột A (nhấp chuột phải vào tên cột A → Chèn), chép các mã ở cột A của trang ${q(sheet)} trong mẫu ${TOOL_WORDS.template.both} vào đúng từng dòng (ô ${first.cell} là ${first.code}), lưu rồi gửi lại.`,
  /** `byRows`: those of `found` known by what they hold (Thông tin's rows), not by their name. */
  renamedSheet: (
    sheet: string,
    found: readonly string[],
    hidden: readonly string[],
    byRows: readonly string[] = [],
  ) => {
    // In brackets, so that in a list of sheets it is plain which one holds the rows.
    const mark = (f: string): string => {
      const notes = [
        ...(hidden.includes(f) ? ["đang bị ẩn"] : []),
        ...(byRows.includes(f) ? [`có ${ROWS_OF[sheet] ?? "các dòng"} của trang ${q(sheet)}`] : []),
      ];
      return notes.length === 0 ? "" : ` (${notes.join("; ")})`;
    };
    return found.length === 1
      ? `Không có trang tính ${q(sheet)} mà có trang ${q(found[0]!)}${mark(found[0]!)}: có lẽ tên trang đã bị sửa. ${unhideFirst(found, hidden)}Đổi tên trang ${q(found[0]!)} thành đúng ${q(sheet)} (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.`
      : `Không có trang tính ${q(sheet)} mà có các trang ${found.map((f) => q(f) + mark(f)).join(", ")}: có lẽ một trong số đó là trang ${q(sheet)} đã bị sửa tên. ${unhideFirst(found, hidden)}Giữ lại trang có số liệu đúng, đổi tên trang đó thành đúng ${q(sheet)} (nhấp đúp vào tên trang ở dưới cùng), xóa (các) trang kia, lưu rồi gửi lại.`;
  },
  renamedLog: (sheet: string, found: readonly string[], hidden: readonly string[]) =>
    `Không có trang tính ${q(sheet)} mà có ${found.length === 1 ? "trang" : "các trang"} ${found.map((f) => q(f) + hiddenMark(f, hidden)).join(", ")}: có lẽ tên trang đã bị sửa, nên danh sách hội nghị chưa được đối chiếu với số hội nghị ở trang ${q(SHEETS.counts)}. ${unhideFirst(found, hidden)}${found.length === 1 ? `Đổi tên trang ${q(found[0]!)}` : "Giữ lại trang có danh sách đúng, xóa (các) trang kia, đổi tên trang đó"} thành đúng ${q(sheet)} (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.`,
  copiedSheet: (copy: string, original: string, hidden: boolean, copyHidden = false) =>
    `Sổ có trang ${q(copy)}${copyHiddenNote(copyHidden)}, bản sao của trang ${q(original)}, cùng số liệu. Chương trình chỉ đọc trang ${q(original)}${hiddenNote(original, hidden)}. Nên xóa trang ${q(copy)} (nhấp chuột phải vào tên trang ở dưới cùng → Xóa) để khỏi nhầm khi sửa số liệu.`,
  hiddenSheet: (sheet: string, shown: readonly string[]) =>
    `Trang ${q(sheet)} đang bị ẩn: chương trình đọc số liệu ở trang này, dù khi mở tệp không thấy nó.${shown.length > 0 ? ` Trang đang thấy ${shown.map(q).join(", ")} không phải trang của mẫu, nên chưa biết số liệu nào là của đơn vị.` : ""} Bỏ ẩn trang ${q(sheet)} (nhấp chuột phải vào tên một trang → Bỏ ẩn; nếu không bỏ ẩn được, lập lại báo cáo từ mẫu), kiểm tra số liệu, ${shown.length > 0 ? "xóa trang thừa, " : ""}lưu rồi gửi lại.`,
  copiedSheetDiffers: (
    copy: string,
    original: string,
    cells: ReadonlyArray<{ readonly cell: string; readonly copy: string; readonly original: string }>,
    hidden: boolean,
    copyHidden = false,
  ) => {
    const shown = cells
      .slice(0, 3)
      .map(
        (d) =>
          `ô ${d.cell}: ${d.copy === "" ? "trống" : q(d.copy)} ở bản sao, ${d.original === "" ? "trống" : q(d.original)} ở trang gốc`,
      )
      .join("; ");
    const more = cells.length > 3 ? `; và ${cells.length - 3} ô khác` : "";
    return `Sổ có trang ${q(copy)}${copyHiddenNote(copyHidden)}, bản sao của trang ${q(original)}, nhưng số liệu khác nhau (${shown}${more}). Chương trình chỉ đọc trang ${q(original)}${hiddenNote(original, hidden)}, nên chưa biết số liệu nào là đúng. Giữ lại một trang có số liệu đúng, đặt tên trang đó là ${q(original)}, xóa trang còn lại (nhấp chuột phải vào tên trang → Xóa), lưu rồi gửi lại.`;
  },
  mergedCell: (cell: string, range: string, first: string) =>
    `(Ô ${cell} nằm trong vùng ô gộp ${range}: khi gộp, chỉ ô đầu ${first} giữ giá trị, ô ${cell} được coi là trống. ${UNMERGE} rồi nhập riêng từng ô.)`,
  mergedFirst: (first: string, range: string) =>
    `(Ô ${first} là ô đầu của vùng ô gộp ${range}: khi gộp, nội dung các ô kia có thể đã bị dồn vào ô này. ${UNMERGE} rồi nhập riêng từng ô.)`,
  /** A finding's cell in a hidden row (a filter, Hide) or column: the clerk does not see it. */
  hiddenCell: (cell: string, row: number | null, column: string | null) =>
    row !== null && column !== null
      ? `(Dòng ${row} và cột ${column} đang bị ẩn: bỏ lọc hoặc hiện dòng, hiện cột để thấy ô ${cell}.)`
      : row !== null
        ? `(Dòng ${row} đang bị ẩn: bỏ lọc hoặc hiện dòng để thấy ô ${cell}.)`
        : `(Cột ${column} đang bị ẩn: hiện cột để thấy ô ${cell}.)`,
  mergedCodes: (range: string) =>
    `(Cột A có các ô gộp ${range}: khi gộp, chỉ ô đầu giữ mã, các dòng sau mất mã. ${UNMERGE} rồi ghi lại mã của từng dòng như trong mẫu.)`,
  mergedRange: (range: string, first: string) =>
    `Các ô ${range} bị gộp (mẫu không gộp các ô này): chỉ ô đầu ${first} được đọc, các ô còn lại được coi là trống. ${UNMERGE} rồi nhập riêng số liệu vào từng ô.`,
  unknownProfile: (name: string) =>
    `Tệp lập theo hồ sơ cấu hình ${q(name)} của tỉnh, mà bản KL226 này không có: đã kiểm tra theo mẫu chung, các số liệu và chỉ tiêu riêng của hồ sơ đó chưa được kiểm tra. Hãy kiểm tra bằng phần bổ trợ hoặc lệnh kl226 của nơi đã phát hành mẫu (--profile ${name}).`,
  /** The same, for a file checked again by the profile most files name (a consolidation without a chosen one). */
  unknownProfileCheckedBy: (name: string, profile: string) =>
    `Tệp lập theo hồ sơ cấu hình ${q(name)} của tỉnh, mà bản KL226 này không có: đã kiểm tra theo hồ sơ ${q(profile)} (hồ sơ mà nhiều tệp ghi nhất), các số liệu và chỉ tiêu riêng của hồ sơ ${q(name)} chưa được kiểm tra. Hãy kiểm tra bằng phần bổ trợ hoặc lệnh kl226 của nơi đã phát hành mẫu (--profile ${name}).`,
  /** `code`: the list's code column as it is headed ("MA_DON_VI", "Mã đơn vị", "Mã"). */
  rosterNotReport: (code: string) =>
    `Tệp là danh sách đơn vị (có cột ${q(code)}), không phải báo cáo của đơn vị. Dùng tệp này làm danh sách đơn vị ${TOOL_WORDS.roster.both}, hoặc để ngoài thư mục các báo cáo.`,
  // A CSV roster named .xls or .xlsx: the roster's readers take a CSV by its .csv name (the page) or
  // refuse text named .xlsx, so the name is mended first.
  rosterTextNotReport: (code: string, ext: string) =>
    `Tệp là danh sách đơn vị (có cột ${q(code)}) lưu dạng văn bản CSV nhưng đặt đuôi .${ext}, không phải báo cáo của đơn vị. Để dùng tệp này làm danh sách đơn vị ${TOOL_WORDS.roster.both}, hãy đổi đuôi tệp thành .csv (ví dụ danh-sach.csv) rồi chọn tệp .csv đó; hoặc để tệp ngoài thư mục các báo cáo.`,
  // A roster among the reports saved as Excel's plain CSV on a Vietnamese Windows (cp1258): what
  // --roster says of it, how to save it as UTF-8, before it can be used.
  rosterAnsiNotReport: (code: string) =>
    `Tệp là danh sách đơn vị (có cột ${q(code)}) lưu dạng “CSV (phân tách bằng dấu phẩy)” theo bảng mã tiếng Việt cũ của Windows (không phải UTF-8), không phải báo cáo của đơn vị. Để dùng tệp này làm danh sách đơn vị ${TOOL_WORDS.roster.both}, hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)”, rồi chọn tệp .csv mới đó; hoặc để tệp ngoài thư mục các báo cáo.`,
  // Consolidate's line of the rosters set aside, after it, of those saved so: how to save them to use them.
  rosterAnsiSetAside: (files: readonly string[]) =>
    `${files.length === 1 ? `Tệp ${files[0]!} lưu` : `Các tệp ${files.join(", ")} lưu`} ${ANSI_CSV}: để dùng làm danh sách đơn vị ${TOOL_WORDS.roster.both}, ${SAVE_AS_UTF8_CSV}, rồi chọn tệp .csv mới đó.`,
  // The same file given as --roster: refused (its names would read "S�� T� pha�p"), with the same advice.
  rosterAnsiGiven: (path: string) =>
    `Danh sách đơn vị ${path} lưu ${ANSI_CSV}: để dùng tệp này làm danh sách đơn vị, ${SAVE_AS_UTF8_CSV}, rồi ghi tên tệp .csv mới đó sau --roster.`,
  // Beside a missing unit: a file named for it that gives another unit's code (arrivedUnderOtherCode).
  arrivedUnderOther: (file: string, code: string) => `có tệp ${file}, nhưng tệp ghi mã ${code}`,
  // In a letter to a unit: the tool is named as the unit knows it (the Sở's add-in), not as KL226.
  summaryNotReportToUnit: (form: string, sender: string) =>
    `Tệp gửi là một bảng tổng hợp (có trang “Tổng hợp” và “Nguồn”), không phải báo cáo của đơn vị theo mẫu ${form}. Đề nghị đơn vị gửi báo cáo theo mẫu ${form}; nếu đơn vị tổng hợp từ các đơn vị trực thuộc, gửi “báo cáo gửi cấp trên” (lập ở phần “Báo cáo gửi cấp trên” của phần bổ trợ Excel do ${sender} cung cấp), không gửi bảng tổng hợp.`,
  summaryNotReport: (form: string) =>
    `Tệp này là bảng tổng hợp do KL226 lập (có trang “Tổng hợp” và “Nguồn”), không phải báo cáo của một đơn vị theo mẫu ${form}. Nơi tổng hợp: để bảng tổng hợp ngoài thư mục các báo cáo. Đơn vị gửi báo cáo: gửi báo cáo theo mẫu ${form}; đơn vị tổng hợp từ các đơn vị trực thuộc thì gửi “báo cáo gửi cấp trên” ${TOOL_WORDS.rollup.both}, không gửi bảng tổng hợp.`,
  unknownForm: (marker: string, known: readonly string[]) =>
    `Ô A1 trang “Thông tin” ghi mẫu ${q(marker)}, không phải mẫu báo cáo mà chương trình biết (${known.join(", ")}). Hãy lập báo cáo trên mẫu đúng ${TOOL_WORDS.template.both} và chép số liệu sang.`,
  doneLateBeforeDeadline: (row: number, deadline: string, reportDate: string) =>
    `Nhiệm vụ ở dòng ${row} ghi “Hoàn thành quá hạn” nhưng hạn của nhiệm vụ là ${deadline}, sau ngày báo cáo (${reportDate}): nhiệm vụ chưa thể quá hạn. Nếu đã hoàn thành, chọn “Hoàn thành”.`,
  formMismatchToUnit: (found: string, expected: string) =>
    `Tệp là báo cáo theo mẫu ${found}, không phải mẫu ${expected} của đợt báo cáo này. Đề nghị đơn vị lập báo cáo trên mẫu ${expected} và gửi lại.`,
  formMismatch: (found: string, expected: string) =>
    `Tệp là báo cáo theo mẫu ${found}, không phải mẫu ${expected} của hồ sơ đã chọn. Tệp này thuộc chế độ báo cáo khác: hãy kiểm tra và tổng hợp nó theo mẫu ${found}, hoặc lập lại báo cáo trên mẫu ${expected}.`,
  /** FORM_MISMATCH in a consolidation without a chosen profile: the form most files declare is consolidated. */
  formMismatchInRun: (found: string, expected: string) =>
    `Tệp là báo cáo theo mẫu ${found}, không phải mẫu ${expected} của bảng tổng hợp này (mẫu nhiều tệp dùng nhất). Tệp này thuộc chế độ báo cáo khác: hãy kiểm tra và tổng hợp nó theo mẫu ${found}, hoặc lập lại báo cáo trên mẫu ${expected}.`,
  missingField: (sheet: string, code: string, label: string, column: string) =>
    `Không tìm thấy dòng có mã ${code} (${label}) ở cột ${column} của trang ${q(sheet)}. Không xóa hay sửa mã ở cột ${column}; hãy chép lại dòng này từ mẫu.`,
  /** A row the profile checking the file has and the template the unit filled never had (an older template, another plan's). */
  rowNotInTemplate: (
    sheet: string,
    code: string,
    label: string,
    template: string,
    profile: string,
    indicators: readonly string[] | null,
  ) =>
    `Mẫu đơn vị đã dùng (${template}) không có dòng mã ${code} (${label}) ở trang ${q(sheet)}, dòng mà hồ sơ ${q(profile)} dùng để tổng hợp: đơn vị không xóa dòng nào, chỉ là lập báo cáo trên mẫu khác. ${indicators === null ? "Dòng này bắt buộc. Đề nghị đơn vị" : `Số liệu này không được tổng hợp${indicators.length > 0 ? ` và chỉ tiêu ${indicators.map(q).join(", ")} của đơn vị không đánh giá được` : ""}. Nếu đơn vị có số liệu này, đề nghị`} lập báo cáo trên mẫu theo hồ sơ này ${TOOL_WORDS.template.both} rồi chép số liệu sang và điền dòng này trước khi gửi lại.`,
  /** How a template the unit filled is named in rowNotInTemplate. */
  templateOf: (profile: string | null) =>
    profile === null ? "mẫu chung, không ghi hồ sơ kế hoạch" : `mẫu theo hồ sơ ${q(profile)}`,
  /** The same, for a template made with a plan this build lacks (named by its id). */
  templateOfUnknown: (id: string) => `mẫu theo hồ sơ ${q(id)}, hồ sơ mà bản KL226 này không có`,
  /**
   * Tasks of the plan no row of Nhiệm vụ holds (a row deleted, or its text edited). `no` is the task's
   * STT in the template, null when it depends on the template (a plan whose tasks apply to some units
   * only). Up to three are quoted, cut (the plan's texts run to 260 characters); more, by their STT.
   */
  missingPlanTasks: (
    sheet: string,
    missing: ReadonlyArray<{ readonly no: number | null; readonly content: string }>,
  ) => {
    const one = missing.length === 1;
    const quoted = (text: string): string => q(wordsUpTo(text, 60));
    const which =
      missing.length > 3 && missing.every((m) => m.no !== null)
        ? `các nhiệm vụ số ${missing.map((m) => m.no).join(", ")}`
        : missing
            .map((m) => (m.no === null ? quoted(m.content) : `nhiệm vụ ${m.no} (${quoted(m.content)})`))
            .join(", ");
    const head = one
      ? `Không thấy ${missing[0]!.no === null ? `nhiệm vụ ${which}` : which} của mẫu ở trang ${q(sheet)}`
      : `Không thấy ${missing.length} nhiệm vụ của mẫu ở trang ${q(sheet)}: ${which}`;
    return `${head}. Có lẽ ${one ? "dòng" : "các dòng"} đã bị xóa, hoặc nội dung nhiệm vụ (cột B) đã bị sửa, nên khi tổng hợp ${one ? "nhiệm vụ này" : "các nhiệm vụ này"} được tính là “Không có trong báo cáo” của đơn vị. Hãy chép lại ${one ? "dòng này" : "các dòng này"} từ mẫu ${TOOL_WORDS.template.both}, giữ nguyên nội dung ở cột B, và chọn Tình trạng ở cột G${one ? "" : " cho từng nhiệm vụ"} (nhiệm vụ chưa thực hiện thì chọn “Chưa thực hiện”).`;
  },
  missingOptionalRow: (sheet: string, code: string, label: string, indicators: readonly string[]) =>
    `Không thấy dòng có mã ${code} (${label}) ở cột A của trang ${q(sheet)}: có lẽ dòng đã bị xóa. Số liệu này không được tổng hợp${indicators.length > 0 ? ` và chỉ tiêu ${indicators.map(q).join(", ")} của đơn vị không đánh giá được` : ""}. Nếu đơn vị có số liệu, chép lại dòng này từ mẫu (cột A giữ đúng mã) rồi nhập số.`,
  /** Hội nghị with meetings listed but no header row: the log unread (a warning: it is optional). */
  logWithoutHeader: (sheet: string) =>
    `Không tìm thấy dòng tiêu đề có ô ${q("STT")} ở cột A của trang ${q(sheet)}, nên chương trình không đọc danh sách hội nghị của trang này và chưa đối chiếu được với số hội nghị ở trang ${q(SHEETS.counts)}; trang ${q(sheet)} không bắt buộc, báo cáo vẫn được tổng hợp. Hãy chép lại dòng tiêu đề từ mẫu (ngay trên hội nghị đầu tiên), lưu rồi gửi lại.`,
  missingHeader: (sheet: string) =>
    `Không tìm thấy dòng tiêu đề có ô ${q("STT")} ở cột A của trang ${q(sheet)}. Hãy chép lại dòng tiêu đề từ mẫu.`,
  missingInfo: (label: string, hint: string) => `Chưa điền ${label}. ${hint}`,
  missingCount: (label: string, column: string, previous = false) =>
    `Chưa điền số liệu ${q(label)} (${column}). Nhập số nguyên không âm; nếu không có thì ghi 0.${previous ? " Đơn vị hình thành do sắp xếp, hợp nhất thì ghi tổng số liệu cùng kỳ năm trước của các đơn vị cũ." : ""}`,
  badCount: (label: string, column: string, shown: string, why: BadCountReason) => {
    const what = `Số liệu ${q(label)} (${column})`;
    switch (why) {
      case "negative":
        return `${what} là số âm (${shown}). Nhập số nguyên không âm, ví dụ 34.`;
      case "fraction": {
        // 1,234 from a number cell: "1.234" typed on a machine whose decimal mark is the dot.
        const grouped = /^\d{1,3},\d{3}$/.test(shown) ? shown.replace(",", "") : null;
        return `${what} có phần thập phân (${shown}). Đây là số đếm: nhập số nguyên, ví dụ 34${grouped ? `; nếu là ${grouped}, gõ ${grouped} (không có dấu phân cách)` : ""}.`;
      }
      case "formulaFraction":
        return `${what} là kết quả của công thức trong ô, bằng ${shown} (có phần thập phân; ô có thể đang hiện số đã làm tròn). Đây là số đếm: nhập trực tiếp số nguyên, hoặc bọc công thức trong hàm ROUND, ví dụ =ROUND(D5*0,9;0) (nếu công thức đã có ROUND, sửa số chữ số thập phân (số cuối) thành 0).`;
      case "dateFormat":
        return `${what} là một ngày (${shown}): ô có định dạng ngày tháng, nên số gõ vào đã thành ngày. Đổi định dạng ô thành Số (chuột phải → Định dạng ô → Số) rồi nhập số lượng, số nguyên, ví dụ 34.`;
      case "percentFormat":
        return `${what} là ${shown}: ô có định dạng phần trăm, nên đây là một tỷ lệ, không phải số đếm (tỷ lệ do chương trình tự tính). Đổi định dạng ô thành Số (chuột phải → Định dạng ô → Số) rồi nhập số lượng, số nguyên, ví dụ 34.`;
      case "commaGroups": {
        const digits = shown.replace(/,/g, "");
        return `${what} là ${q(shown)}: trong cách viết số của Việt Nam, dấu phẩy ngăn phần thập phân, nên chưa rõ ý. Đây là số đếm: nếu là ${digits}, gõ ${digits} (không có dấu phân cách).`;
      }
      case "text": {
        // "không", "-", "x": a word or mark for none, where the clerk meant 0.
        if (/^(?:không(?: có)?|ko|k|-+|–|—|x)$/iu.test(shown.trim()))
          return `${what} ghi ${q(shown)} thay cho số. Nếu không có, ghi số 0; nếu có, ghi số lượng (chỉ ghi số, không ghi chữ hay đơn vị).`;
        // "12 cuộc", "1.200 hồ sơ": the row's unit typed after the number.
        const unit = /^\s*(\d{1,3}(?:\.\d{3})+|\d+)\s*(\p{L}+(?:\s+\p{L}+)?)\s*$/u.exec(shown);
        if (unit !== null) {
          const digits = unit[1]!.replace(/\./g, "");
          return `${what} ghi ${q(shown)}: ô số liệu chỉ ghi số, không ghi đơn vị tính (${q(unit[2]!)}; đơn vị tính đã có ở cột C). Nếu là ${unit[1]}, gõ ${digits}.`;
        }
        return /^\s*\d+(?:[.,]\d+)?\s*%\s*$/.test(shown)
          ? `${what} là tỷ lệ (${q(shown)}), không phải số đếm. Nhập số lượng (số nguyên), ví dụ 34; tỷ lệ do chương trình tự tính từ các số đếm.`
          : `${what} không phải là số (${q(shown)}). Nhập số nguyên không âm, ví dụ 34 (không có thì ghi 0); không ghi chữ hay đơn vị.`;
      }
      case "error":
        return `${what} chứa lỗi công thức ${shown}. Sửa công thức hoặc nhập trực tiếp số nguyên.`;
      case "boolean":
        return `${what} là giá trị logic ${shown}. Nhập số nguyên không âm.`;
      case "noCachedValue":
        return `${what} là công thức chưa được tính (tệp lưu bằng phần mềm không tính công thức). Mở tệp trong Excel và lưu lại (LibreOffice Calc: nhấn Ctrl+Shift+F9 để tính lại rồi lưu); hoặc nhập trực tiếp số.`;
      case "tooLarge":
        return `${what} quá lớn (${shown}). Kiểm tra lại số liệu.`;
    }
  },
  missingPercent: (label: string, column: string) =>
    `Chưa điền ${q(label)} (${column}). Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 96,5.`,
  missingWeight: (weightLabel: string, rateLabel: string, column: string) =>
    `Đã điền ${q(rateLabel)} nhưng chưa điền ${q(weightLabel)} (${column}). Nhập số phiếu, lượt đánh giá đã dùng để tính tỷ lệ (số nguyên), để tỷ lệ toàn tỉnh được tính theo số phiếu.`,
  partWithoutWhole: (partLabel: string, part: number, wholeLabel: string, indicator: string) =>
    `Đã điền ${q(partLabel)} (${viNumber(part)}) nhưng chưa điền ${q(wholeLabel)} (cột E, kỳ này): chỉ tiêu ${q(indicator)} của đơn vị không tính được, và số ${viNumber(part)} không được tính vào tỷ lệ chung. Điền ${q(wholeLabel)}; nếu không có thì xóa số “trong đó”.`,
  zeroWeight: (weightLabel: string, rateLabel: string, rate: number, column: string) =>
    `Đã điền ${q(rateLabel)} (${viNumber(rate)}%) nhưng ${q(weightLabel)} là 0 (${column}): tỷ lệ phải tính từ ít nhất một phiếu. Ghi số phiếu, lượt đánh giá đã dùng để tính tỷ lệ; nếu kỳ này không khảo sát, xóa ô tỷ lệ (để trống).`,
  badPercent: (label: string, column: string, shown: string, why: BadPercentReason) => {
    const what = `${q(label)} (${column})`;
    switch (why) {
      case "negative":
        return `${what} là số âm (${shown}). Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 96,5.`;
      case "range":
        return `${what} là ${shown}, vượt quá 100%. Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 96,5 (không nhập số phiếu vào ô này).`;
      case "dotThousands": {
        // Read the Vietnamese way (the dot groups thousands) and, beside it, as a dot-decimal writer meant it.
        const typed = shown.replace(/\s*%$/, "");
        const asWritten = viNumber(Number(typed.replace(/\./g, "")));
        const meant = Number(typed);
        const decimalReading =
          meant <= 100 && Math.abs(Math.round(meant * 100) - meant * 100) < 1e-6
            ? ` Nếu là ${viNumber(meant)}%, ghi ${viNumber(meant)} (dấu phẩy trước phần thập phân).`
            : "";
        return `${what} là ${shown}: dấu chấm ngăn cách hàng nghìn, nên số này là ${asWritten}, vượt quá 100%.${decimalReading} Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 96,5 (không nhập số phiếu vào ô này).`;
      }
      case "scale": {
        const typed = shown.replace(/%$/, "");
        const meant = viNumber(Math.round(Number(typed.replace(",", ".")) * 10000) / 100);
        // The "if it really is that low" way out only where it could pass (at most 2 decimals).
        const really = /[,.]\d{3}/.test(typed) ? "" : `; nếu đúng là ${typed}%, gõ kèm dấu %: ${typed}%`;
        return `${what} là ${shown}: tỷ lệ ghi theo thang 0–100, nên số này nghĩa là ${typed}%, không phải ${meant}%. Nếu là ${meant}%, gõ ${meant}${really}.`;
      }
      case "decimals":
        return `${what} có quá 2 chữ số thập phân (${shown}). Làm tròn đến 2 chữ số, ${roundedExample(shown)}.`;
      case "text":
        return `${what} không phải là tỷ lệ (${q(shown)}). Nhập số từ 0 đến 100, ví dụ 96,5.`;
      case "error":
        return `${what} chứa lỗi công thức ${shown}. Sửa công thức hoặc nhập trực tiếp tỷ lệ.`;
      case "boolean":
        return `${what} là giá trị logic ${shown}. Nhập tỷ lệ phần trăm từ 0 đến 100.`;
      case "noCachedValue":
        return `${what} là công thức chưa được tính (tệp lưu bằng phần mềm không tính công thức). Mở tệp trong Excel và lưu lại (LibreOffice Calc: nhấn Ctrl+Shift+F9 để tính lại rồi lưu); hoặc nhập trực tiếp tỷ lệ.`;
      case "dateFormat":
        return `${what} là một ngày (${shown}): ô có định dạng ngày tháng, nên số gõ vào đã thành ngày. Đổi định dạng ô thành Số (chuột phải → Định dạng ô → Số) rồi nhập tỷ lệ từ 0 đến 100, ví dụ 96,5.`;
    }
  },
  roundedFormula: (label: string, column: string, shown: string, value: number) =>
    `Số liệu ${q(label)} (${column}) là kết quả công thức ${shown}, lệch rất nhỏ so với số nguyên do máy tính làm tròn (Excel vẫn hiện ${viNumber(value)}); đã hiểu là ${viNumber(value)}. Nên bọc công thức trong hàm ROUND, ví dụ =ROUND(E5*0,6;0), hoặc nhập số.`,
  coerced: (label: string, column: string, shown: string, value: number) =>
    `Số liệu ${q(label)} (${column}) được nhập dạng chữ ${q(shown)}; đã hiểu là ${viNumber(value)}. Nên nhập dạng số.`,
  inconsistent: (partLabel: string, part: number, wholeLabel: string, whole: number, column: string) =>
    `${q(partLabel)} (${viNumber(part)}) lớn hơn ${q(wholeLabel)} (${viNumber(whole)}) ở cột ${column}. Số “trong đó” không thể vượt tổng; kiểm tra lại hai số này.`,
  duplicateCode: (sheet: string, code: string, firstRow: number) =>
    `Mã ${code} xuất hiện hai lần trên trang ${q(sheet)} (lần đầu ở dòng ${firstRow}). Xóa dòng thừa, chỉ giữ một dòng cho mỗi mã.`,
  /**
   * A malformed unit code; `spelled` the code its words make (codeFromWords) when that is one, and
   * `onRoster` the roster's unit of that code (a consolidation with a roster).
   */
  badUnitCode: (
    shown: string,
    spelled: string | null = null,
    onRoster: { readonly code: string; readonly name: string } | null = null,
  ) =>
    onRoster !== null
      ? `Mã đơn vị ${q(shown)} không hợp lệ; theo danh sách đơn vị, đó là mã ${onRoster.code} (${onRoster.name}). Sửa ô Mã đơn vị thành ${onRoster.code} (viết liền, chữ in hoa không dấu, các từ nối bằng “_”), lưu rồi gửi lại.`
      : `Mã đơn vị ${q(shown)} không hợp lệ. Dùng 2–32 ký tự gồm chữ không dấu A–Z, số 0–9 và _ . - (ví dụ SO_NOI_VU, XA_TAN_AN).${spelled === null ? "" : ` Nếu mã đơn vị được cấp là ${spelled}, sửa ô Mã đơn vị thành ${spelled} (viết liền, chữ in hoa không dấu, các từ nối bằng “_”).`}`,
  badEnum: (label: string, shown: string, options: readonly string[]) =>
    `${label} ${q(shown)} không hợp lệ. Chọn một trong: ${options.map(q).join("; ")}.`,
  badYear: (shown: string, example: number) =>
    `Năm ${q(shown)} không hợp lệ. Nhập năm báo cáo dạng số từ 2025 đến 2100, ví dụ ${example}.`,
  dateAsYear: (shown: string, year: number, example: number) =>
    `Ô Năm đang là một ngày (${shown}), không phải một năm. Nhập năm báo cáo dạng số, ví dụ ${year >= 2025 && year <= 2100 ? year : example} (nếu ô vẫn hiện thành ngày, chọn định dạng ô là Số (Number)).`,
  badDate: (shown: string, example: CivilDate) =>
    `Ngày báo cáo ${q(shown)} không hợp lệ hoặc không tồn tại. Nhập ngày dạng dd/mm/yyyy, ví dụ ${viDate(example)}.`,
  /** "5/6/26": the year in two digits; `meant` is 20yy. */
  badDateShortYear: (shown: string, meant: CivilDate) =>
    `Ngày báo cáo ${q(shown)} ghi năm bằng 2 chữ số. Nếu là ngày ${meant.day} tháng ${meant.month} năm ${meant.year}, gõ ${viDate(meant)} (năm đủ 4 chữ số).`,
  /** "6/30/2026": no month 30, so most likely typed month first (an English-US habit), meaning `meant`. */
  badDateMonthFirst: (shown: string, typedMonth: number, meant: CivilDate) =>
    `Ngày báo cáo ${q(shown)} không tồn tại (không có tháng ${typedMonth}): có lẽ đã gõ tháng trước ngày, theo kiểu Mỹ. Nếu là ngày ${meant.day} tháng ${meant.month} năm ${meant.year}, gõ ${viDate(meant)} (ngày trước, rồi tháng, rồi năm).`,
  dateBeforePeriod: (date: string, period: string, start: string | null) =>
    `Ngày báo cáo ${date} ở trước ${start === null ? `năm của kỳ báo cáo (${period})` : `ngày bắt đầu kỳ báo cáo ${period} (${start})`}: có thể gõ nhầm năm. Kiểm tra lại Ngày báo cáo; ngày này quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.`,
  dateBeforeQuarter: (date: string, period: string, start: string) =>
    `Ngày báo cáo ${date} ở trước ngày bắt đầu kỳ báo cáo ${period} (${start}): có thể đây là báo cáo của kỳ trước, hoặc Kỳ báo cáo hay Ngày báo cáo bị ghi nhầm. Kiểm tra lại hai ô này; ngày báo cáo quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.`,
  /** A half year's or a year's report dated before the period's last quarter began: the list's wrong entry, most often. */
  periodNotOver: (
    date: string,
    period: string,
    start: string,
    kind: string,
    fix: { period: string; type: string } | null,
  ) =>
    `Ngày báo cáo ${date} ở trước quý cuối của kỳ ${period} (từ ${start}): báo cáo ${kind} chưa thể có số liệu của cả kỳ, có thể đã chọn nhầm Kỳ báo cáo. ${fix === null ? "Kiểm tra lại Kỳ báo cáo và Ngày báo cáo." : `Nếu đây là báo cáo ${fix.period}, ${fix.type}; nếu đúng là báo cáo ${kind}, kiểm tra lại Ngày báo cáo.`}`,
  dateAfterPeriod: (date: string, period: string, latest: string) =>
    `Ngày báo cáo ${date} muộn hơn ${latest}, quá xa kỳ báo cáo (${period}): có thể gõ nhầm năm. Kiểm tra lại Ngày báo cáo; ngày này quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.`,
  sameDayRejection: (keptFile: string, undated: boolean) =>
    `đơn vị có tệp hợp lệ ${keptFile}${undated ? "" : " cùng ngày báo cáo"}, đang được dùng; ${undated ? "tệp này không đọc được Ngày báo cáo nên chưa rõ gửi trước hay sau" : "chưa rõ tệp nào gửi sau"}: nếu tệp này là bản sửa gửi sau, hỏi lại đơn vị (gửi lại tệp đã sửa, Ngày báo cáo là ngày gửi)`,
  /**
   * A rejected file beside its unit's accepted one, its order unknown (same day, or undated), that is
   * byte for byte another of the unit's files: one version sent twice, old if either came first.
   */
  identicalBesideAccepted: (keptFile: string, twinFile: string) =>
    `đơn vị có tệp hợp lệ ${keptFile}, đang được dùng; tệp này giống hệt tệp ${twinFile} (một bản gửi hai lần): nếu một trong hai tệp đến trước tệp hợp lệ, đó là bản cũ gửi lại, không cần sửa nữa; nếu không, hỏi lại đơn vị (gửi lại tệp đã sửa, Ngày báo cáo là ngày gửi)`,
  /**
   * The count of a returned unit's earlier files beside its latest, also rejected: one phrase for the
   * terminal's "từ chối" count, the summary's title line and the Lỗi sheet's head (no comma or bracket
   * inside, as each sits in a list of its own).
   */
  resentAlsoRejected: (files: number) => `${files} tệp đã có bản gửi sau cũng bị từ chối`,
  /** A returned unit's earlier file beside its latest (also rejected), which its letter asks about. */
  replacedByLaterReturned: (laterFile: string, same: boolean) =>
    same
      ? `tệp ${laterFile} đơn vị gửi sau giống hệt tệp này: các lỗi chưa được sửa (thư nhắc nêu lỗi theo tệp gửi sau)`
      : `đơn vị đã gửi lại tệp ${laterFile} (cũng bị từ chối; thư nhắc nêu lỗi của tệp đó), tệp này không cần sửa nữa`,
  failedCorrection: (olderFile: string, olderDate: string) =>
    `tệp này (bản gửi sau) bị từ chối: bảng tổng hợp vẫn dùng tệp ${olderFile} (ngày báo cáo ${olderDate}) đơn vị gửi trước; muốn thay số liệu, đơn vị sửa lỗi rồi gửi lại`,
  monthFirstDate: (shown: string, read: CivilDate) =>
    `Ô Ngày báo cáo có định dạng tháng trước ngày (kiểu Mỹ, mm/dd/yyyy): ô hiện ${q(shown)} nhưng là ngày ${read.day} tháng ${read.month} năm ${read.year}, và chương trình đọc ngày đó. Nếu ngày báo cáo là ${read.month} tháng ${read.day} năm ${read.year}, gõ lại ô là '${shown} (có dấu nháy đơn ở đầu, để ô giữ đúng chữ đã gõ, vì máy đặt kiểu ngày của Mỹ sẽ lại đảo ngày và tháng). Ngày này quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.`,
  badEmail: (shown: string) =>
    `Email ${q(shown)} không đúng dạng. Nhập địa chỉ dạng ten@coquan.gov.vn hoặc để trống.`,
  periodYearConflict: (shown: string, year: number, period: string) =>
    `Kỳ báo cáo ghi ${q(shown)} nhưng ô Năm ghi ${year}: chưa rõ báo cáo của năm nào. Chọn ${q(period)} từ danh sách ở ô này và ghi đúng năm của kỳ báo cáo ở ô Năm.`,
  periodCoerced: (label: string, shown: string, period: string) =>
    `${label} ghi ${q(shown)}; đã hiểu là ${q(period)}. Nên chọn từ danh sách của ô (năm ghi ở ô Năm).`,
  taskStatusCoerced: (row: number, shown: string, status: string) =>
    `Tình trạng của nhiệm vụ ở dòng ${row} ghi ${q(shown)}; đã hiểu là ${q(status)}. Nên chọn từ danh sách của ô.`,
  typeCoerced: (label: string, shown: string, type: string) =>
    `${label} ghi ${q(shown)}; đã hiểu là ${q(type)}. Nên chọn từ danh sách của ô.`,
  textCoerced: (label: string, shown: string, value: number) =>
    `${label} được nhập dạng chữ ${q(shown)}; đã hiểu là ${value}. Nên nhập dạng số.`,
  periodLooksNext: (
    date: string,
    declared: string,
    next: string,
    nextLabel: string,
    nextYear: number | null,
  ) =>
    `Kỳ báo cáo ghi ${declared} nhưng Ngày báo cáo ${date} là lúc lập báo cáo ${next}: có thể tệp dùng lại mẫu của kỳ trước mà chưa sửa Kỳ báo cáo. Nếu đây là báo cáo ${next}, chọn ${q(nextLabel)} ở ô Kỳ báo cáo${nextYear !== null ? ` và ghi ${nextYear} ở ô Năm` : ""}; nếu đúng là báo cáo ${declared} gửi muộn, không cần sửa.`,
  planYearDiffers: (
    form: string,
    year: number,
    period: string,
    title: string,
    newTitle: string,
    newYear: number,
    /** The page's reader edits no profile file: told whom to ask. */
    page = false,
  ) =>
    `Lưu ý: biểu mẫu ${form} là của kế hoạch năm ${year}, nhưng kỳ báo cáo là ${period}: văn bản sẽ có tiêu đề ${q(title)}, và nhiệm vụ hạn trong năm ${year} chưa hoàn thành được tính là quá hạn. ${page ? `Nếu đã có kế hoạch năm ${newYear}, cần hồ sơ theo kế hoạch đó (tiêu đề, văn bản thực hiện, nhiệm vụ): đề nghị người quản trị KL226 của cơ quan bổ sung.` : `Nếu đã có kế hoạch năm ${newYear}, lập hồ sơ theo kế hoạch đó: tiêu đề mới ở khóa "title" (ví dụ ${q(newTitle)}), cùng "subject" và "tasks" của kế hoạch mới (README, mục “Triển khai cho một tỉnh”).`}`,
  // A template sent unfilled (ValidationResult.blank): one line first, then its blank cells in two lines.
  blankReport: (noUnit: boolean) =>
    noUnit
      ? "Tệp là mẫu báo cáo chưa điền: chưa có thông tin đơn vị, số liệu hay tình trạng nhiệm vụ nào."
      : `Tệp chưa có số liệu nào: các ô số liệu ở trang ${q(SHEETS.counts)} và cột Tình trạng ở trang ${q(SHEETS.tasks)} đều còn trống.`,
  blankAdvice: (noUnit: boolean) =>
    `Nếu ${noUnit ? "báo cáo" : "số liệu"} đã điền ở một tệp khác, hãy dùng tệp đó; nếu chưa, điền ${noUnit ? "mẫu này " : ""}theo các lỗi dưới đây.`,
  blankCounts: (cells: readonly string[]) =>
    `${cells.length} ô số liệu bắt buộc còn trống: ${cells.join(", ")}. Nhập số liệu của đơn vị vào từng ô; số nào không có thì ghi 0.`,
  blankStatuses: (count: number, rows: string, options: readonly string[]) =>
    `${count} nhiệm vụ (${rows}) chưa chọn Tình trạng. Chọn cho từng nhiệm vụ một trong: ${options.map(q).join("; ")}.`,
  taskStatus: (row: number, shown: string, options: readonly string[]) =>
    shown === ""
      ? `Nhiệm vụ ở dòng ${row} chưa chọn Tình trạng. Chọn một trong: ${options.map(q).join("; ")}.`
      : `Tình trạng ${q(shown)} của nhiệm vụ ở dòng ${row} không hợp lệ. Chọn một trong: ${options.map(q).join("; ")}.`,
  meetingTooLong: (row: number, type: string, days: number, limit: number) =>
    `Hội nghị ở dòng ${row} (loại ${type}) kéo dài ${viNumber(days)} ngày, vượt giới hạn ${viNumber(limit)} ngày. Kiểm tra lại số ngày hoặc loại hội nghị.`,
  meetingBadDays: (row: number, shown: string) =>
    `Hội nghị ở dòng ${row}: Số ngày ${q(shown)} không phải là số, nên chưa kiểm tra được thời lượng. Chỉ ghi số ngày, ví dụ 1 hoặc 0,5.`,
  meetingNegativeDays: (row: number, shown: string) =>
    `Hội nghị ở dòng ${row}: Số ngày ghi ${q(shown)} là số âm, nên chưa kiểm tra được thời lượng. Ghi số ngày không có dấu trừ, ví dụ 1 hoặc 0,5.`,
  meetingBadValue: (row: number, label: string, shown: string, options: readonly string[]) =>
    `Hội nghị ở dòng ${row}: ${label} ${q(shown)} không hợp lệ. Chọn một trong: ${options.map(q).join("; ")}.`,
  logMismatch: (what: string, logged: number, label: string, declared: number) =>
    `Sổ hội nghị ghi ${logged} ${what}, nhưng trang “Chỉ tiêu” khai ${q(label)} là ${declared} (cột E, kỳ này). Kiểm tra lại để hai số khớp nhau.`,
  // These three hold KEEP_PERIOD: a letter then asks for this period's report, not the file corrected.
  /** A file dated before the consolidated period began cannot be a report on it: no relabelling advice. */
  periodMismatchEarlier: (found: string, expected: string, date: string, start: string) =>
    `Báo cáo ${found}, đề ngày ${date}, trước khi kỳ đang tổng hợp (${expected}) bắt đầu (${start}): đây không phải báo cáo ${expected}, ${KEEP_PERIOD}. Tệp này thuộc đợt tổng hợp báo cáo ${found}; nếu đơn vị chưa gửi báo cáo ${expected}, đề nghị lập và gửi vào đợt này.`,
  /** The report of the period that has just ended, signed in the month after it (a quý IV report dated 12/01). */
  periodMismatchJustEnded: (found: string, expected: string, date: string) =>
    `Báo cáo ${found}, đề ngày ${date}, ngay sau khi kỳ đó kết thúc: đây là báo cáo ${found}, không phải báo cáo kỳ đang tổng hợp (${expected}), ${KEEP_PERIOD}. Tệp này thuộc đợt tổng hợp báo cáo ${found}; nếu đơn vị chưa gửi báo cáo ${expected}, đề nghị lập và gửi vào đợt này.`,
  /** A later period's own report among this period's files: nothing to mend, it waits for its own run. */
  periodMismatchLater: (found: string, expected: string, date: string) =>
    `Báo cáo ${found}, đề ngày ${date}: báo cáo của kỳ sau, không phải kỳ đang tổng hợp (${expected}), nên không tổng hợp vào kỳ này; ${KEEP_PERIOD}. Tệp thuộc đợt tổng hợp báo cáo ${found}; nếu đơn vị chưa gửi báo cáo ${expected}, đề nghị lập và gửi vào đợt này.`,
  /** A roll-up sums its units' reports of its period: relabelled, it would carry their figures into another. */
  periodMismatchRollup: (found: string, expected: string) =>
    `Báo cáo tổng hợp ${found}, không phải kỳ đang tổng hợp (${expected}): số liệu trong đó là của các báo cáo ${found}, nên ${KEEP_PERIOD}. Đề nghị đơn vị tổng hợp lại từ báo cáo ${expected} của các đơn vị trực thuộc, rồi lập lại báo cáo gửi cấp trên và gửi lên.`,
  /** A quarter's report where the year's is consolidated (or any two spans): relabelling would miscount it. */
  periodMismatchSpan: (found: string, expected: string) =>
    `Báo cáo ${found}, không phải kỳ đang tổng hợp (${expected}): số liệu ${found} không dùng thay số liệu ${expected} được, nên ${KEEP_PERIOD}. Đề nghị đơn vị lập báo cáo ${expected} và gửi vào đợt này; tệp này thuộc đợt tổng hợp báo cáo ${found}.`,
  periodMismatch: (found: string, expected: string, fix: string, alsoYear: number | null) =>
    `Báo cáo ${found}, không phải kỳ đang tổng hợp (${expected}). Nếu đây là báo cáo ${expected}, ${fix}${alsoYear !== null ? ` và ghi Năm ${alsoYear}` : ""} ở trang “Thông tin”; nếu là báo cáo kỳ khác, gửi vào đợt tổng hợp của kỳ đó.`,
  duplicateUnit: (unit: string, kept: string, keptDate: string, date: string) =>
    `Đơn vị ${unit} đã gửi báo cáo đề ngày sau: tệp ${kept} đề ngày ${keptDate}, tệp này đề ngày ${date}. Báo cáo đề ngày sau được dùng; tệp này không được tổng hợp. Nếu tệp này mới là bản đúng, hãy sửa Ngày báo cáo của nó hoặc bỏ tệp kia.`,
  duplicateSameDay: (
    unit: string,
    kept: string,
    date: string,
    diff: FigureDifference | null,
    /** Both files have one name (in two folders): the name cannot be what decided. */
    sameName = false,
    /** With the same figures: the free texts (Thông tin) the two fill differently. */
    texts: readonly string[] = [],
  ) => {
    if (diff === null)
      return `Đơn vị ${unit} đã gửi tệp ${kept} cùng Ngày báo cáo ${date} và cùng mọi số liệu ở trang “Chỉ tiêu” và “Nhiệm vụ”; tệp đó được dùng, tệp này không được tổng hợp.${texts.length > 0 ? ` Hai tệp ghi khác nhau ở ${texts.map(q).join(", ")} (trang “Thông tin”): báo cáo dùng nội dung của tệp ${kept}; nếu nội dung của tệp này mới đúng, hãy bỏ tệp kia hoặc sửa Ngày báo cáo của tệp này cho muộn hơn.` : ""}`;
    return `Đơn vị ${unit} gửi hai báo cáo cùng Ngày báo cáo ${date} nhưng số liệu khác nhau: ${q(diff.label)} (${diff.column}) tệp này ghi ${shownFigure(diff.here)}, tệp ${kept} ghi ${shownFigure(diff.there)}. ${sameName ? `Hai tệp cùng ngày và cùng tên nên KL226 chọn cố định một tệp theo nội dung (lần tổng hợp nào cũng chọn như nhau): tệp ${kept} được dùng, dù chưa chắc là bản gửi sau` : `Khi cùng ngày, tệp có tên xếp sau theo thứ tự chữ cái (${kept}) được dùng`}; hãy hỏi đơn vị tệp nào đúng, rồi bỏ tệp sai hoặc sửa Ngày báo cáo của tệp đúng cho muộn hơn.`;
  },
  formerConflict: (
    unit: string,
    rosterName: string,
    dropped: { readonly code: string; readonly date: string },
    kept: { readonly code: string; readonly file: string; readonly date: string },
    diff: FigureDifference,
  ) => {
    const parts = dropped.code !== kept.code && dropped.code !== unit && kept.code !== unit;
    return `Đơn vị ${unit} (${rosterName}) có hai tệp số liệu khác nhau: tệp này (mã ${dropped.code}, ngày báo cáo ${dropped.date}) và tệp ${kept.file} (mã ${kept.code}, ngày báo cáo ${kept.date}); ${q(diff.label)} (${diff.column}) tệp này ghi ${shownFigure(diff.here)}, tệp kia ghi ${shownFigure(diff.there)}. Chỉ tệp ${kept.file} được tổng hợp. ${parts ? `Nếu mỗi tệp là báo cáo riêng của một đơn vị cũ, đề nghị ${unit} gửi một báo cáo chung, cộng số liệu các đơn vị cũ.` : `Hỏi lại đơn vị tệp nào đúng; nếu mỗi tệp là báo cáo riêng của một phần đơn vị, đề nghị gửi một báo cáo chung.`}`;
  },
  plainBesideRollup: (unit: string, rollup: string, units: number) =>
    `Đơn vị ${unit} gửi cả báo cáo tổng hợp của ${units} đơn vị (tệp ${rollup}) và tệp này, một báo cáo riêng cùng mã: báo cáo tổng hợp được dùng, vì nó gồm số liệu các đơn vị trực thuộc; tệp này không được tổng hợp. Nếu tệp này là số liệu riêng của cơ quan ${unit}, đề nghị đưa cơ quan vào báo cáo tổng hợp (với một mã riêng, ví dụ VP_${unit}) rồi gửi lại báo cáo tổng hợp.`,
  droppedRollup: (units: number) =>
    `Tệp không được dùng là báo cáo tổng hợp của ${units} đơn vị, nên số liệu của các đơn vị đó không có trong tổng.`,
  doubtfulDate: (date: string, file: string) =>
    `Lưu ý: Ngày báo cáo ${date} của tệp ${file} có thể gõ nhầm năm, nên tệp được chọn theo ngày có thể không phải bản mới nhất.`,
  /**
   * A unit's own file left out for a roll-up that sums it; the units named as the letters name them:
   * `unit` "Phòng A (PHONG_A)", the roll-up and the one between by their names ("Sở Y tế").
   */
  inRollup: (
    unit: string,
    rollupUnit: string,
    rollupFile: string,
    via: string | undefined,
    summed: {
      readonly file: string;
      readonly reportDate: string;
      /** This file's report date, and how it compares with the one summed. */
      readonly ownDate: string;
      readonly when: "newer" | "same day" | "older";
    } | null,
  ) => {
    const through = via === undefined ? "" : `, qua báo cáo tổng hợp của ${via}`;
    const head = `${unit} đã được tính trong báo cáo tổng hợp của ${rollupUnit} (tệp ${rollupFile}${through}), nên tệp này không được cộng thêm, để số liệu không bị tính hai lần.`;
    if (summed === null) return head;
    const other = `tệp mà ${rollupUnit} đã tổng hợp (${summed.file || "không rõ tên tệp"}${summed.reportDate ? `, ngày báo cáo ${summed.reportDate}` : ""})`;
    switch (summed.when) {
      case "newer":
        return `${head} Tệp này (ngày báo cáo ${summed.ownDate}) mới hơn ${other}: nếu số liệu của đơn vị đã thay đổi, đề nghị ${rollupUnit} tổng hợp lại và gửi báo cáo mới.`;
      case "same day":
        return `${head} Tệp này cùng ngày báo cáo với ${other} nhưng không giống hệt tệp đó: hãy hỏi lại đơn vị tệp nào đúng; nếu là tệp này, đề nghị ${rollupUnit} tổng hợp lại và gửi báo cáo mới.`;
      case "older":
        return `${head} Tệp này (ngày báo cáo ${summed.ownDate}) cũ hơn ${other}, nên số liệu đã tổng hợp được dùng.`;
    }
  },
  rollupOfNothing:
    "Không có báo cáo nào được chấp nhận, nên báo cáo gửi cấp trên sẽ toàn số 0 và chưa được lập: hãy sửa các tệp bị từ chối (lý do ở trang “Lỗi” của bảng tổng hợp) rồi tổng hợp lại.",
  rollupCodeOfAUnit: (unit: string, files: readonly string[]) =>
    `Mã ${unit} của báo cáo gửi cấp trên cũng là mã của ${files.join(", ")} trong số được tổng hợp (báo cáo riêng của đơn vị đó, được cộng như mọi đơn vị), nên báo cáo gửi cấp trên chưa được lập. Nếu đây là báo cáo của cả cấp tổng hợp (ví dụ Sở Nội vụ tổng hợp toàn tỉnh), hãy dùng mã của cấp đó, như UBND_TINH. Nếu đây là báo cáo của chính ${unit} gửi lên (một Sở tổng hợp các đơn vị trực thuộc) và tệp kia là số liệu riêng của cơ quan ${unit}, hãy đổi Mã đơn vị ở trang “Thông tin” của tệp kia thành một mã riêng, ví dụ VP_${unit}, rồi tổng hợp lại.`,
  rollupOfItself: (unit: string, files: readonly string[]) =>
    `Trong các báo cáo đã tổng hợp có báo cáo của chính ${unit} (${files.join(", ")}), có thể là báo cáo gửi cấp trên lập lần trước. Báo cáo mới sẽ cộng cả số liệu của báo cáo lần trước, nên chưa được lập: hãy bỏ tệp đó khỏi thư mục báo cáo của các đơn vị trực thuộc rồi tổng hợp lại.`,
  rollupOverlap: (units: readonly string[], rollupUnit: string, otherUnit: string, otherFile: string) =>
    `Báo cáo tổng hợp của ${rollupUnit} và báo cáo tổng hợp của ${otherUnit} (tệp ${otherFile}) cùng tính ${units.length === 1 ? `đơn vị ${units[0]}` : `${units.length} đơn vị: ${units.join(", ")}`}, nên số liệu của ${units.length === 1 ? "đơn vị này" : "các đơn vị này"} bị cộng hai lần vào tổng. Đề nghị hai đơn vị thống nhất mỗi đơn vị chỉ do một bên tổng hợp, rồi bên kia lập lại báo cáo tổng hợp.`,
  duplicateMisnamed: (unit: string, kept: string, named: string, namedName: string) =>
    `Tệp này ghi mã ${unit} nhưng tên tệp là mã của ${named} (${namedName}), nên không được dùng thay cho tệp ${kept} của chính ${unit}, dù đề ngày nào; tệp này không được tổng hợp. Nếu đây là báo cáo của ${namedName}, đề nghị ${named} sửa ô Mã đơn vị rồi gửi lại.`,
  fileNameUnit: (file: string, named: string, namedName: string, declared: string) =>
    `Tên tệp ${file} là mã của ${named} (${namedName}) trong danh sách đơn vị, nhưng ô Mã đơn vị của tệp ghi ${declared}, nên tệp được tính là báo cáo của ${declared}. Nếu đây là báo cáo của ${namedName} (chép từ tệp của đơn vị khác mà chưa sửa mã), đề nghị ${named} sửa ô Mã đơn vị rồi gửi lại; nếu chỉ đặt nhầm tên tệp thì không cần làm gì.`,
  otherUnitName: (typed: string, named: string, namedName: string, code: string, codeName: string) =>
    `Tên đơn vị ghi “${typed}” là tên của ${named} trong danh sách đơn vị, nhưng ô Mã đơn vị ghi ${code} (${codeName}), nên tệp được tính là báo cáo của ${code} và văn bản gửi ${code} ghi tên theo danh sách. Nếu đây là báo cáo của ${namedName} (chép từ tệp của đơn vị khác mà chưa sửa mã), đề nghị ${named} sửa ô Mã đơn vị rồi gửi lại; nếu chỉ ghi nhầm tên thì không cần làm gì.`,
  lateReportNote: (date: string, deadline: string, likelyPeriod?: string, likelyYear?: number) =>
    likelyPeriod !== undefined
      ? `Ngày báo cáo ${date} sau hạn gửi báo cáo của kỳ ghi trong tệp (${deadline}) hơn nửa năm: nếu đây là báo cáo ${likelyPeriod}, sửa ô Năm (trang “Thông tin”) thành ${likelyYear}; nếu đúng là báo cáo kỳ đã ghi, khi tổng hợp báo cáo được tính là trễ hạn.`
      : `Ngày báo cáo ${date} sau hạn gửi báo cáo (${deadline}): khi tổng hợp, báo cáo được tính là trễ hạn; nếu đây là bản gửi lại của báo cáo đã gửi đúng hạn, bảng tổng hợp ghi nhận cả lần gửi đầu.`,
  unitCodeByName: (declared: string, code: string, name: string, accepted: boolean) =>
    `Mã đơn vị ghi ${declared}, không có trong danh sách đơn vị; ${squeezedCode(declared) === squeezedCode(code) ? `mã này chỉ khác mã ${code} trong danh sách ở dấu “_”, “.” hay “-”` : `tên đơn vị “${name}” là của ${code} trong danh sách`}, nên tệp được tính là báo cáo của ${code}. ${accepted ? `Đề nghị đơn vị ghi đúng mã ${code} ở các lần báo cáo sau.` : `Khi gửi lại, đề nghị sửa ô Mã đơn vị thành ${code}.`}`,
  unitCodeFormer: (declared: string, name: string, code: string, rosterName: string, accepted: boolean) =>
    `Mã đơn vị ghi ${declared} (tên “${name}”), không có trong danh sách đơn vị; theo cột đơn vị cũ của danh sách, đây là đơn vị cũ nay thuộc ${code} (${rosterName}), nên tệp được tính là báo cáo của ${code}. ${accepted ? `Đề nghị đơn vị ghi mã ${code} và tên “${rosterName}” ở các lần báo cáo sau.` : `Khi gửi lại, đề nghị ghi mã ${code} và tên “${rosterName}” ở trang “Thông tin”.`}`,
  duplicateFormer: (declared: string, code: string, rosterName: string, kept: string) =>
    `Tệp này ghi mã ${declared}, là đơn vị cũ nay thuộc ${code} (${rosterName}) theo cột đơn vị cũ của danh sách; ${code} đã gửi tệp ${kept} ghi đúng mã, nên tệp này không được tổng hợp.`,
  duplicateSameFigures: (declared: string, code: string, rosterName: string, kept: string) =>
    `Tệp này ghi mã ${declared}, không có trong danh sách đơn vị, mà mọi số liệu trùng với báo cáo của ${code} (${rosterName}, tệp ${kept}): coi là cùng một báo cáo gửi dưới mã khác, nên tệp này không được tổng hợp (tổng hợp cả hai thì số liệu của ${code} được tính hai lần). Nếu đây là báo cáo của một đơn vị khác, hỏi lại đơn vị gửi.`,
  sameFiguresTwice: (other: string, otherFile: string) =>
    `Mọi số liệu ở trang “Chỉ tiêu” trùng với báo cáo của ${other} (tệp ${otherFile}): nếu hai tệp là báo cáo của cùng một đơn vị, số liệu đang được tính hai lần; hỏi lại đơn vị, bỏ tệp thừa rồi tổng hợp lại.`,
  recodedDiffers: (diff: FigureDifference) =>
    `Nhưng số liệu hai tệp khác nhau (${q(diff.label)}, ${diff.column}: tệp này ghi ${shownFigure(diff.here)}, tệp kia ghi ${shownFigure(diff.there)}): nếu tệp này là báo cáo của một đơn vị khác cùng tên, hỏi lại đơn vị gửi và tổng hợp lại.`,
  duplicateRecoded: (declared: string, code: string, name: string, kept: string) =>
    `Tệp này ghi mã ${declared}, không có trong danh sách đơn vị (tên đơn vị “${name}” là của ${code}); ${code} đã gửi tệp ${kept} ghi đúng mã, nên tệp này không được tổng hợp.`,
  /** A profile without the signer's name: the documents' name line is dotted (official.ts NAME_TO_FILL). */
  signerNameToFill: (title: string) =>
    `hồ sơ chưa ghi họ tên người ký (organisation.signerName), nên dòng họ tên dưới chức vụ người ký (${titleOnOneLine(title)}) là dòng dấu chấm “……”: gõ họ tên người ký vào dòng đó trước khi in trình ký, hoặc ghi họ tên vào hồ sơ.`,
  /**
   * The same, where no profile can be edited (the add-in's page): what the signer and the clerk do
   * with the documents downloaded, without the profile's key.
   */
  signerNameByHand: (title: string) =>
    `hồ sơ đang dùng chưa có họ tên người ký, nên trong thư nhắc và báo cáo tải về, dòng họ tên dưới chức vụ người ký (${titleOnOneLine(title)}) để trống (dòng dấu chấm “……”) cho người ký ghi tay; muốn in sẵn họ tên, mở tệp đã tải bằng Word, gõ họ tên vào dòng đó rồi in trình ký.`,
  /** Rejected files that name no unit while units are missing: look before sending reminders. */
  unplacedFiles: (n: number, list: string) =>
    `Lưu ý: ${n} tệp bị từ chối không xác định được đơn vị gửi ${TOOL_WORDS.rejectedReasons.both}; trước khi gửi thư nhắc, xem đơn vị chưa nộp có gửi một trong các tệp này không: ${list}.`,
  // A code and its name are joined by a spaced en dash, as Vietnamese documents set a dash (and the
  // add-in's lists do: "SO_30 – Sở thứ 30"); "—" alone is the mark of a value not judged.
  unplacedMaybe: (code: string, name: string) => `tên tệp gần với ${code} – ${name}`,
  /** Files and folders this machine could not open (NOT_OPENED) or our bug: read them first; letters held. */
  unopenedFiles: (n: number, list: string) =>
    `Lưu ý: ${n} tệp hoặc thư mục chưa mở được trên máy này ${TOOL_WORDS.rejectedReasons.both}, chưa rõ nội dung (có thể là báo cáo hay bản gửi lại của bất kỳ đơn vị nào): số liệu và danh sách chưa nộp chưa đầy đủ, chưa lập thư nhắc nào. Mở được rồi hãy tổng hợp lại: ${list}.`,
  /** No letter drawn while files were not opened (lettersHeldBy). */
  lettersHeld: (names: readonly string[]) =>
    `Chưa lập thư nhắc nào: chưa đọc được nội dung của ${names
      .slice(0, 3)
      .map(q)
      .join(
        ", ",
      )}${names.length > 3 ? ` và ${viInteger(names.length - 3)} tệp hoặc thư mục khác` : ""} (chưa mở được trên máy này, hoặc tệp nén chưa giải nén), có thể là báo cáo hay bản gửi lại của bất kỳ đơn vị nào (nên thư nào cũng có thể sai). Sau khi mở được hoặc giải nén (tệp nén đã giải nén thì chuyển ra khỏi các tệp tổng hợp), hãy tổng hợp lại.`,
  unopenedOf: (code: string, name: string) => `có thể của ${code} – ${name}`,
  /** Excel's "~$" lock file checked by itself: not a report; the workbook it names is. */
  lockFile: (base: string) =>
    `Tệp “${base}” là tệp khóa tạm Excel ghi khi tệp “${base.slice(2)}” đang mở (chỉ chứa tên người đang mở), không phải báo cáo. Hãy chọn tệp “${base.slice(2)}”; nếu Excel đã đóng mà tệp khóa còn, có thể xóa nó.`,
  unknownUnit: (unit: string) =>
    `Mã đơn vị ${unit} không có trong danh sách đơn vị phải báo cáo. Báo cáo vẫn được tổng hợp; kiểm tra lại mã đơn vị.`,
  previousMismatch: (
    label: string,
    declared: number,
    reported: number,
    period: string,
    from?: readonly string[],
  ) =>
    `Số liệu ${q(label)} cùng kỳ năm trước (cột D) khai ${viNumber(declared)}, nhưng ${from === undefined ? `báo cáo ${period} của đơn vị ghi kỳ đó là` : `tổng số liệu kỳ đó của các đơn vị cũ ${from.join(", ")} (cột đơn vị cũ của danh sách) trong báo cáo ${period} là`} ${viNumber(reported)}. Kiểm tra lại cột D, hoặc ghi rõ lý do điều chỉnh ở cột Ghi chú.`,
  outlier: (label: string, current: number, reported: number, period: string, factor: number) =>
    reported === 0
      ? `Số liệu ${q(label)} kỳ này (cột E) là ${viNumber(current)}, trong khi báo cáo ${period} của đơn vị ghi 0. Không phải lỗi: hãy kiểm tra lại (gõ thừa/thiếu chữ số?) hoặc ghi lý do ở cột Ghi chú.`
      : `Số liệu ${q(label)} kỳ này (cột E) là ${viNumber(current)}, chênh hơn ${viNumber(factor)} lần so với ${viNumber(reported)} mà đơn vị báo cáo ${period}. Không phải lỗi: hãy kiểm tra lại (gõ thừa/thiếu chữ số?) hoặc ghi lý do ở cột Ghi chú.`,
  outlierBand: (
    label: string,
    current: number,
    low: number,
    high: number,
    mean: number,
    sd: number,
    years: readonly number[],
  ) =>
    `Số liệu ${q(label)} kỳ này (cột E) là ${viNumber(current)}, nằm ngoài khoảng thường gặp của đơn vị ${oneDecimal(low)}–${oneDecimal(high)} (trung bình ${oneDecimal(mean)} ± ${viNumber(sd)} độ lệch chuẩn của ${years.length} năm ${years.join(", ")}). Không phải lỗi: hãy kiểm tra lại (gõ thừa/thiếu chữ số?) hoặc ghi lý do ở cột Ghi chú.`,
  previousNotComparable: (found: string, current: string, wanted: string, none: boolean) =>
    `Không đối chiếu số liệu: ${TOOL_WORDS.previousFile.both} là kỳ ${found}, không phải cùng kỳ năm trước của kỳ đang tổng hợp (${current}); số liệu của kỳ khác không so sánh được. ${none ? `Kỳ ${wanted} có trước khi có báo cáo theo mẫu này, nên kỳ ${current} chưa có gì để đối chiếu; từ cùng kỳ năm sau sẽ dùng được bảng tổng hợp kỳ ${current}.` : `Cần bảng tổng hợp (hoặc báo cáo JSON) ${wanted}.`}`,
  previousYearDiffers: (found: string, wanted: string) =>
    `Lưu ý: ${TOOL_WORDS.previousFile.both} là kỳ ${found}, không phải ${wanted}: không đối chiếu cột D (cùng kỳ năm trước), chỉ dùng để phát hiện số liệu bất thường.`,
};

/** A long text cut after its last whole word within `max` characters, with "…" ("… hành chính…"). */
function wordsUpTo(text: string, max: number): string {
  if (text.length <= max) return text;
  // A space just after the cut ends a whole word.
  const space = text.slice(0, max + 1).lastIndexOf(" ");
  return `${text.slice(0, space > max / 2 ? space : max).replace(/[\s,;:.–-]+$/u, "")}…`;
}

/** "96,555" → "gõ 96,56": the typed rate rounded half up to 2 decimals, on its digits (no float). */
function roundedExample(shown: string): string {
  const m = /^(\d+)[.,](\d+)/.exec(shown);
  if (!m) return "ví dụ 96,53";
  const digits = `${m[1]}${(m[2] ?? "").slice(0, 2)}`;
  const up = Number((m[2] ?? "").charAt(2)) >= 5;
  const hundredths = (BigInt(digits) + (up ? 1n : 0n)).toString().padStart(3, "0");
  return `gõ ${hundredths.slice(0, -2)},${hundredths.slice(-2)}`;
}

export function viNumber(n: number): string {
  // Every digit as JavaScript gives it, in Vietnamese notation: 16265 → "16.265", 96.5 → "96,5".
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(n));
  if (m === null) return String(n).replace(".", ",");
  const [, sign = "", whole = "", fraction] = m;
  return `${sign}${viInteger(Number(whole))}${fraction === undefined ? "" : `,${fraction}`}`;
}
