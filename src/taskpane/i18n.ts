// The taskpane's user-facing strings: Vietnamese (default) and English, one table per locale.
// Finding messages come from the core (always Vietnamese, SPEC §4); everything else is here.

import { viDate } from "../core/dates";
import { lateReportText, type LateReport } from "../core/deadlines";
import { MSG } from "../core/messages";

export type Locale = "vi" | "en";

export interface Strings {
  readonly appTitle: string;
  readonly language: string;
  readonly modeExcel: string;
  readonly modeStandalone: string;
  // While Office.onReady has not answered (host.ts)
  readonly connecting: string;
  readonly connectingSlow: (seconds: number) => string;
  readonly connectingUseFiles: string;
  readonly tabsLabel: string;
  readonly tabValidate: string;
  readonly tabTemplate: string;
  readonly tabConsolidate: string;
  // Profile picker (each tab)
  readonly profileLabel: string;
  readonly profileAuto: string;
  /** `defaultName`: the profile a file that names none is read by (the deployment's default). */
  readonly profileAutoHint: (defaultName: string, formId: string) => string;
  readonly profileHint: (profileName: string, formId: string) => string;
  readonly usedProfile: (formId: string, profileName: string) => string;
  readonly usedProfileAuto: (formId: string, profileName: string) => string;
  /** The file names no profile (a program dropped the name): the profile was told by its tasks and counts. */
  readonly usedProfileByRows: (formId: string, profileName: string) => string;
  // Validate
  readonly validateIntroExcel: string;
  readonly validateIntroStandalone: string;
  readonly validateButton: string;
  readonly pickWorkbook: string;
  readonly chooseFile: string;
  readonly chooseFiles: string;
  readonly validating: string;
  readonly verdictValid: string;
  readonly verdictInvalid: string;
  readonly verdictValidDetail: (warnings: number) => string;
  readonly verdictInvalidDetail: (errors: number) => string;
  /** A file that does not read as a report at all (a lock file, a PDF, a roster, a damaged file). */
  readonly verdictUnreadable: string;
  readonly verdictUnreadableDetail: string;
  readonly counts: (errors: number, warnings: number) => string;
  readonly errorWord: string;
  /** "3 lỗi" / "3 errors": a sheet's count of findings. */
  readonly errorCount: (n: number) => string;
  readonly warningCount: (n: number) => string;
  /** No letter to send but the sending body's own follow-up (the notice continues with it). */
  readonly noOtherLetters: string;
  readonly warningWord: string;
  readonly generalGroup: string;
  readonly findingsLabel: string;
  /** A cell's place as the page says it everywhere (under a finding, clicked, in a returned file's list): trang “Chỉ tiêu”, ô D5. */
  readonly cellRef: (sheet: string, cell: string) => string;
  /** A place at the start of a line, a sheet alone when no cell: "Trang “Chỉ tiêu”, ô D5: ". */
  readonly placeLead: (sheet: string, cell: string | null) => string;
  /** A finding's code (SPEC §4) under its message, for looking it up: "Mã: COERCED". */
  readonly findingCode: (code: string) => string;
  readonly findingButtonLabel: (severity: string, sheet: string, cell: string, message: string) => string;
  readonly selectedCell: (sheet: string, cell: string) => string;
  readonly markErrors: string;
  readonly clearMarks: string;
  readonly marked: (cells: number) => string;
  readonly cleared: (cells: number) => string;
  readonly nothingToMark: string;
  readonly fileChecked: (file: string) => string;
  readonly unitLine: (code: string, name: string) => string;
  /** A file giving its unit's code with the name left blank: the code, and that the name is missing. */
  readonly unitLineNoName: (code: string) => string;
  /** A file naming its unit without a valid code: the name, and that the code is missing or wrong (`typed`). */
  readonly unitLineNoCode: (name: string, typed: string | undefined) => string;
  readonly reportPeriodLine: (period: string, date: string | null) => string;
  // Template
  readonly templateIntro: string;
  readonly templateUnitType: string;
  readonly templateAllTypes: string;
  readonly templateTasks: (tasks: number) => string;
  readonly templatePeriods: (periods: string) => string;
  readonly insertTemplate: string;
  readonly openTemplate: string;
  readonly downloadTemplate: string;
  readonly templateInserted: (sheets: string) => string;
  readonly templateOpened: string;
  readonly templateDownloaded: (file: string) => string;
  readonly templateSheetsExist: string;
  // Consolidate
  readonly consolidateIntro: string;
  readonly pickReports: string;
  readonly dropHint: string;
  readonly dropZoneLabel: string;
  readonly pickRoster: string;
  readonly rosterNone: string;
  readonly rosterChosen: (file: string, units: number) => string;
  /** The file picked as the roster was refused (why is said under it): none is in use. */
  readonly rosterRefused: (file: string) => string;
  /** With the result of a run made while the file picked as the roster stood refused. */
  readonly rosterRefusedRun: (file: string) => string;
  /** The picker's button once the file it gave was refused. */
  readonly chooseOtherFile: string;
  readonly pickPrevious: string;
  readonly previousNone: string;
  readonly previousChosen: (files: readonly string[]) => string;
  readonly previousError: (file: string, why: string) => string;
  /** A file picked as last year's summary was refused (why is said under it): none is in use. */
  readonly previousRefused: (file: string) => string;
  readonly comparisonSummary: (units: readonly string[], mismatches: number) => string;
  readonly comparisonNone: string;
  readonly comparisonFailed: (why: string) => string;
  readonly filesChosen: (n: number) => string;
  readonly pickedFilesTitle: (n: number) => string;
  readonly fileSize: (bytes: number) => string;
  readonly removePicked: (name: string) => string;
  readonly removeButton: string;
  readonly inputsSummary: (files: number, roster: string | null) => string;
  readonly notXlsxAdded: (files: readonly string[]) => string;
  readonly ignoredFiles: (files: readonly string[]) => string;
  readonly alreadyPicked: (files: readonly string[]) => string;
  readonly consolidateButton: string;
  readonly clearFiles: string;
  readonly clearRoster: string;
  readonly clearPrevious: string;
  readonly progressReading: (done: number, total: number) => string;
  readonly progressChecking: (done: number, total: number) => string;
  readonly progressReadingChecking: (done: number, total: number) => string;
  readonly progressLabel: string;
  readonly progressStarted: (files: number) => string;
  /** Said by the status region at each tenth of a run. */
  readonly progressSaid: (percent: number) => string;
  /** Said by the status region when the result is drawn: each tile's "label: count". */
  readonly resultSaid: (tiles: readonly string[]) => string;
  readonly resultPeriod: (period: string) => string;
  readonly resultTitle: string;
  readonly resultStale: string;
  readonly downloadsStale: string;
  /** `lacked`: how many of the `none` files name a profile this build lacks (said in profileUnknown, above). */
  readonly profileAside: (
    files: number,
    of: number,
    name: string,
    none: number,
    used: string,
    lacked: number,
  ) => string;
  readonly profileOthers: (
    others: readonly { readonly name: string; readonly files: number }[],
    used: string,
  ) => string;
  /** Files naming a profile this build lacks (a plan added to the province's server, not to this build). */
  readonly profileUnknown: (
    plans: readonly { readonly id: string; readonly files: number }[],
    of: number,
    used: string,
  ) => string;
  /** Instead of the letters, report and roll-up when most files name a plan this build lacks (profile chosen automatically). */
  readonly documentsHeld: (plan: string, used: string) => string;
  /** Other periods' own reports among the files picked ("quý II/2026: 7 tệp"): not consolidated, nothing to mend. */
  /** `periodChosen`: the period was picked (not "the one most files declare"), so choosing it is not advice. */
  readonly otherPeriodFiles: (periods: string, periodChosen: boolean) => string;
  /** "7 tệp" / "7 files", inside otherPeriodFiles. */
  readonly fileCount: (n: number) => string;
  /** Nothing accepted: the tiles' zeros are no province without shortfalls. */
  readonly nothingAccepted: string;
  /** Beside nothingAccepted when the profile was chosen, not read from the files: the choice may be why. */
  readonly nothingAcceptedChosen: (profile: string, auto: string) => string;
  readonly verdictStale: string;
  readonly outcomesLabel: string;
  readonly tileLabel: (label: string, count: number | string) => string;
  /** A count not known (the missing units without a roster). */
  readonly unknownCount: string;
  readonly accepted: string;
  readonly rejected: string;
  readonly rejectedFiles: string;
  /** One missed target of the report checked: indicator, value, target, what is short. */
  readonly ownShortfall: (indicator: string, value: string, target: string, gap: string) => string;
  /** Above a valid report's missed targets in Kiểm tra. */
  readonly shortfallsBeforeSending: (n: number) => string;
  /** A valid report dated after its deadline, told before sending. */
  readonly lateBeforeSending: (late: LateReport) => string;
  /** Rosters found among the reports, left out of the consolidation. */
  readonly notReports: (files: readonly string[]) => string;
  readonly returned: string;
  readonly returnedLine: (file: string, reason: string) => string;
  readonly moreErrors: (n: number) => string;
  readonly missing: string;
  readonly missingNeedsRoster: string;
  readonly lateTitle: string;
  readonly lateLine: (unit: string, date: string, firstOnTime?: string) => string;
  /** After a rejected file whose unit sent a valid one besides: the valid file's name. */
  readonly replacedBy: (file: string) => string;
  /** A rejected file sent after the unit's accepted one: the older figures are the ones counted. */
  readonly failedCorrection: (olderFile: string, olderDate: string) => string;
  /** A rejected file dated the same day as the unit's accepted one: which came later cannot be told. */
  readonly sameDayRejection: (keptFile: string, undated: boolean) => string;
  /** Beside the accepted file, order unknown, byte for byte another rejected file: one version sent twice. */
  readonly sentTwiceBesideAccepted: (keptFile: string, twinFile: string) => string;
  /** An earlier file of a unit still returned: its later file (also rejected) is the one asked about. */
  readonly replacedByLaterReturned: (laterFile: string, same: boolean) => string;
  /** Its unit was counted inside another unit's roll-up: nothing to send again. */
  readonly rejectedInRollup: string;
  readonly shortfalls: string;
  readonly duplicates: string;
  readonly warnings: string;
  readonly late: string;
  readonly none: string;
  readonly shortfallLine: (
    unit: string,
    indicator: string,
    value: string,
    target: string,
    gap: string,
  ) => string;
  readonly duplicateLine: (unit: string, kept: string, dropped: string, conflict: boolean) => string;
  readonly inRollup: string;
  readonly inRollupLine: (unit: string, rollupUnit: string, file: string) => string;
  /** Units that sent only another period's own report: this period's is missing. */
  readonly otherPeriodOnly: string;
  readonly otherPeriodOnlyLine: (
    unit: string,
    files: ReadonlyArray<{ readonly file: string; readonly period: string }>,
  ) => string;
  readonly offRosterTitle: string;
  readonly recodedLine: (declared: string, code: string, name: string, file: string) => string;
  readonly offRosterLine: (code: string, name: string, file: string) => string;
  readonly writeSummary: string;
  readonly summaryWritten: (sheets: number, syncs: number) => string;
  readonly downloadSummary: string;
  readonly downloadJson: string;
  readonly downloaded: (file: string) => string;
  readonly rollupTitle: string;
  readonly rollupIntro: (units: number, formId: string) => string;
  /** The roll-up downloaded, dated by the documents' date (Ngày văn bản). */
  readonly rollupDownloaded: (file: string, date: string) => string;
  readonly rollupNoPeriod: string;
  readonly rollupNothing: string;
  readonly rollupCode: string;
  readonly rollupName: string;
  /** The unit typed is not the profile's organisation, which the letters and report name as issuer. */
  readonly rollupIssuer: (name: string, sender: string, signer: string) => string;
  readonly rollupType: string;
  readonly rollupOpen: string;
  readonly rollupDownload: string;
  readonly rollupOpened: (code: string) => string;
  /** The roll-up workbook could not be written (a fault of KL226's, as the command's "Lỗi nội bộ"). */
  readonly rollupFailed: (detail: string) => string;
  // Documents (letters and the report, SPEC §9)
  readonly documentsTitle: string;
  readonly periodChoice: string;
  readonly periodAuto: string;
  readonly periodYear: string;
  readonly yearInvalid: string;
  readonly documentsDate: string;
  readonly documentsDateExample: string;
  readonly rollupCodeExample: string;
  readonly rollupNameExample: string;
  readonly documentsDateInvalid: string;
  /**
   * What to check about the documents' date (core/documents.ts documentDateConcerns): a weekend
   * ("thứ Bảy" / "Chủ nhật"), days after the round's deadline (an old round re-run today), or both.
   */
  readonly documentsDateNote: (
    date: string,
    concern: {
      readonly weekend: string | undefined;
      readonly late: { readonly days: number; readonly deadline: string } | undefined;
      /** The latest report received, when the date is before it. */
      readonly before: string | undefined;
    },
  ) => string;
  readonly documentsIntro: (date: string, replyBy: string) => string;
  readonly documentsExcelNote: string;
  /** The profile names no signer: the name line under the title is dotted. */
  readonly documentsNoSigner: (title: string) => string;
  readonly downloadLetters: string;
  readonly downloadLettersZip: string;
  readonly lettersZipDownloaded: (file: string, letters: number) => string;
  readonly downloadReport: string;
  readonly preparingDocument: string;
  readonly noLetters: string;
  readonly lettersDownloaded: (file: string, letters: number) => string;
  /** The sending body on its own roster: no letter to itself, what it has to follow up. */
  readonly noLetterToSender: (name: string, unit: string, notes: string) => string;
  // Errors
  readonly errorPrefix: string;
  readonly excelError: (detail: string) => string;
  /** Something failed that KL226 did not mean to refuse (its text is a program's English): what to do. */
  readonly internalError: (detail: string) => string;
  readonly staleBuild: string;
  readonly fileReadError: (file: string) => string;
  readonly rosterError: (detail: string) => string;
  readonly noFiles: string;
  readonly consolidationUnavailable: string;
}

const vi: Strings = {
  appTitle: "KL226 · Kiểm tra, tổng hợp báo cáo",
  language: "Ngôn ngữ",
  modeExcel: "Đang chạy trong Excel",
  modeStandalone: "Chế độ độc lập (không có Excel): làm việc trên tệp",
  connecting: "Đang kết nối với Excel…",
  connectingSlow: (seconds) =>
    `Excel chưa trả lời sau ${seconds} giây; trang vẫn tiếp tục chờ. Nếu cần, có thể làm việc ngay trên tệp và Excel sẽ được dùng khi sẵn sàng.`,
  connectingUseFiles: "Làm việc trên tệp trong lúc chờ",
  tabsLabel: "Chức năng",
  tabValidate: "Kiểm tra",
  tabTemplate: "Mẫu báo cáo",
  tabConsolidate: "Tổng hợp",
  profileLabel: "Hồ sơ (biểu mẫu)",
  profileAuto: "Tự động (theo mẫu trong tệp)",
  profileAutoHint: (d, form) =>
    `Mỗi tệp được đọc theo biểu mẫu (và hồ sơ) ghi trong tệp; tệp mẫu ${form} không ghi hồ sơ thì theo hồ sơ mặc định “${d}”; khi tổng hợp, dùng biểu mẫu mà nhiều tệp khai nhất.`,
  profileHint: (name, id) => `${name} · biểu mẫu ${id}`,
  usedProfile: (id, name) => `Biểu mẫu ${id} — hồ sơ ${name}`,
  usedProfileAuto: (id, name) => `Biểu mẫu ${id} — hồ sơ ${name} (chọn tự động)`,
  usedProfileByRows: (id, name) =>
    `Biểu mẫu ${id} — hồ sơ ${name} (chọn tự động, nhận ra từ các nhiệm vụ và chỉ tiêu trong tệp vì tệp không ghi tên hồ sơ)`,
  validateIntroExcel: "Kiểm tra sổ tính đang mở theo mẫu. Bấm vào một lỗi để chọn ô đó trong Excel.",
  validateIntroStandalone: "Chọn một tệp báo cáo .xlsx để kiểm tra theo mẫu.",
  validateButton: "Kiểm tra sổ tính",
  pickWorkbook: "Tệp báo cáo cần kiểm tra (.xlsx)",
  chooseFile: "Chọn tệp…",
  chooseFiles: "Chọn các tệp…",
  validating: "Đang kiểm tra…",
  verdictValid: "Hợp lệ — có thể gửi",
  verdictInvalid: "Không hợp lệ — chưa gửi được",
  verdictValidDetail: (w) =>
    w === 0 ? "Không có lỗi nào." : `Không có lỗi; ${w} cảnh báo nên xem lại (không bắt buộc sửa).`,
  verdictInvalidDetail: (e) => `Cần sửa ${e} lỗi dưới đây rồi kiểm tra lại.`,
  verdictUnreadable: "Không đọc được tệp này như một báo cáo",
  verdictUnreadableDetail: "Lý do và cách làm ở dưới; làm theo đó rồi chọn lại tệp.",
  counts: (e, w) => `${e} lỗi, ${w} cảnh báo`,
  errorWord: "Lỗi",
  errorCount: (n) => `${n} lỗi`,
  warningCount: (n) => `${n} cảnh báo`,
  noOtherLetters: "Không có đơn vị nào khác cần nhắc.",
  warningWord: "Cảnh báo",
  generalGroup: "Chung",
  findingsLabel: "Kết quả kiểm tra",
  // As the letters say a place ("Trang “Chỉ tiêu”, ô D5: "), not Excel's Chỉ tiêu!D5.
  cellRef: (sheet, cell) => `trang “${sheet}”, ô ${cell}`,
  placeLead: (sheet, cell) => (cell === null ? `Trang “${sheet}”: ` : `Trang “${sheet}”, ô ${cell}: `),
  findingCode: (code) => `Mã: ${code}`,
  findingButtonLabel: (sev, sheet, cell, msg) => `${sev} tại trang “${sheet}”, ô ${cell}: ${msg}`,
  selectedCell: (sheet, cell) => `Vị trí: trang “${sheet}”, ô ${cell}`,
  markErrors: "Đánh dấu các ô lỗi",
  clearMarks: "Xóa đánh dấu",
  marked: (n) => `Đã tô màu và ghi chú ${n} ô lỗi.`,
  cleared: (n) => `Đã xóa đánh dấu ở ${n} ô.`,
  nothingToMark: "Không có ô lỗi nào để đánh dấu.",
  fileChecked: (f) => `Tệp: ${f}`,
  unitLine: (code, name) => `Đơn vị: ${code} – ${name}`,
  // The one dash between a code and a name on the page, "–", also where the name or code is missing.
  unitLineNoName: (code) => `Đơn vị: ${code} – chưa điền tên đơn vị (xem lỗi bên dưới)`,
  unitLineNoCode: (name, typed) =>
    `Đơn vị: ${name} – ${typed === undefined ? "chưa điền mã đơn vị" : `mã đơn vị “${typed}” không hợp lệ`} (xem lỗi bên dưới)`,
  reportPeriodLine: (period, date) =>
    `Kỳ báo cáo khai trong tệp: ${period}${date ? ` (ngày báo cáo ${date})` : ""}.`,
  templateIntro:
    "Mẫu có danh sách chọn và kiểm tra số liệu; chỉ tiêu, nhiệm vụ và hạn nộp theo hồ sơ đã chọn.",
  templateUnitType: "Loại đơn vị",
  templateAllTypes: "Mọi loại đơn vị (liệt kê mọi nhiệm vụ)",
  templateTasks: (n) => `Mẫu liệt kê ${n} nhiệm vụ áp dụng.`,
  templatePeriods: (p) => `Kỳ báo cáo: ${p}.`,
  insertTemplate: "Chèn mẫu vào sổ tính này",
  openTemplate: "Mở mẫu trong sổ tính mới",
  downloadTemplate: "Tải mẫu (.xlsx)",
  templateInserted: (s) => `Đã chèn các trang tính: ${s}.`,
  templateOpened: "Đã mở mẫu trong sổ tính mới.",
  templateDownloaded: (f) => `Đã tải mẫu ${f}.`,
  templateSheetsExist: "Sổ tính đã có trang tính trùng tên với mẫu. Hãy mở mẫu trong sổ tính mới.",
  consolidateIntro:
    "Chọn hoặc kéo thả các tệp báo cáo .xlsx của các đơn vị để tổng hợp; danh sách đơn vị phải báo cáo (tùy chọn) chọn ở ô bên dưới.",
  pickReports: "Tệp báo cáo của các đơn vị (mọi tệp đơn vị gửi; chỉ tệp .xlsx theo mẫu được tổng hợp)",
  dropHint: "hoặc kéo thả các tệp vào đây",
  dropZoneLabel: "Vùng kéo thả tệp báo cáo",
  pickRoster: "Danh sách đơn vị (tùy chọn, .csv hoặc .xlsx)",
  rosterNone: "Chưa chọn danh sách đơn vị.",
  rosterChosen: (f, n) => `Danh sách đơn vị: ${f} (${n} đơn vị)`,
  rosterRefused: (f) =>
    `Không dùng được tệp ${f} làm danh sách đơn vị (lý do và cách sửa ở dưới): chưa có danh sách đơn vị nào.`,
  chooseOtherFile: "Chọn tệp khác…",
  rosterRefusedRun: (f) =>
    `Đã tổng hợp không có danh sách đơn vị: tệp ${f} không dùng được (lý do ở ô “Danh sách đơn vị” bên dưới), nên chưa biết đơn vị nào chưa nộp.`,
  pickPrevious:
    "Bảng tổng hợp năm trước để đối chiếu (không bắt buộc: tệp .xlsx hoặc .json do KL226 lập ở cùng kỳ năm trước; chọn được nhiều năm)",
  previousNone: "Chưa chọn bảng tổng hợp năm trước: không đối chiếu cột D với năm trước.",
  previousChosen: (f) => `Đối chiếu với: ${f.join(", ")}`,
  previousError: (f, why) => `Bảng tổng hợp năm trước không dùng được: ${f}: ${why}`,
  previousRefused: (f) =>
    `Không dùng được tệp ${f} để đối chiếu (lý do ở dưới): chưa đối chiếu cột D với năm trước.`,
  comparisonSummary: (u, n) =>
    n === 0
      ? "Đối chiếu với cùng kỳ năm trước: không có số liệu cột D nào khác báo cáo năm trước"
      : `Đối chiếu với cùng kỳ năm trước: ${n} số liệu cột D khác báo cáo năm trước (${u.join(", ")})`,
  comparisonNone: "Đối chiếu với cùng kỳ năm trước: chưa so được số liệu nào (mở để xem lý do)",
  comparisonFailed: (why) => `Chưa đối chiếu với cùng kỳ năm trước. ${why}`,
  filesChosen: (n) => `Đã chọn ${n} tệp.`,
  pickedFilesTitle: (n) => `Xem, bỏ bớt các tệp đã chọn (${n})`,
  fileSize: (b) => (b < 1024 ? `${b} byte` : `${Math.round(b / 1024).toLocaleString("vi-VN")} KB`),
  removePicked: (name) => `Bỏ tệp ${name} khỏi các tệp đã chọn`,
  removeButton: "Bỏ",
  inputsSummary: (n, r) =>
    `Tệp đã chọn: ${n}${r ? `; danh sách đơn vị ${r}` : ""} — bấm để xem, thêm hoặc chọn lại`,
  notXlsxAdded: (f) =>
    `${f.length} tệp không mang đuôi .xlsx (${f.join(", ")}): tệp nào không phải sổ tính .xlsx sẽ được liệt kê là bị từ chối, kèm cách lưu lại dạng .xlsx.`,
  ignoredFiles: (f) => `Bỏ qua ${f.length} tệp khóa “~$…” của Excel hoặc tệp ẩn: ${f.join(", ")}.`,
  alreadyPicked: (f) => `${f.length} tệp đã có trong danh sách, không thêm lần nữa: ${f.join(", ")}.`,
  consolidateButton: "Tổng hợp",
  clearFiles: "Bỏ chọn tệp",
  clearRoster: "Bỏ danh sách đơn vị này",
  clearPrevious: "Bỏ bảng tổng hợp năm trước",
  progressReading: (d, t) => `Đang đọc tệp ${d}/${t}`,
  progressChecking: (d, t) => `Đang kiểm tra tệp ${d}/${t}`,
  progressReadingChecking: (d, t) => `Đang đọc và kiểm tra tệp ${d}/${t}`,
  progressLabel: "Tiến độ",
  progressStarted: (n) => `Đang đọc, kiểm tra và tổng hợp ${n} tệp…`,
  progressSaid: (p) => `Đã xong ${p}%.`,
  resultSaid: (tiles) => `Đã tổng hợp xong. ${tiles.join("; ")}.`,
  resultPeriod: (p) => `Kỳ báo cáo: ${p}`,
  resultTitle: "Kết quả tổng hợp",
  profileAside: (n, of, name, none, used, lacked) =>
    `Lưu ý: ${n}/${of} tệp lập theo hồ sơ “${name}”, ${none} tệp không ghi hồ sơ nào mà bản KL226 này có${lacked > 0 ? ` (${lacked} tệp trong số đó lập theo hồ sơ bản này không có, nói ở trên)` : ""}, nên đã tổng hợp theo hồ sơ “${used}”; nhiệm vụ và chỉ tiêu riêng của hồ sơ “${name}” không được dùng. Nếu các báo cáo là của kế hoạch đó, chọn hồ sơ này ở ô Hồ sơ rồi tổng hợp lại.`,
  profileOthers: (others, used) =>
    `Lưu ý: ${others.reduce((n, o) => n + o.files, 0)} tệp lập theo hồ sơ khác (${others.map((o) => `“${o.name}”: ${o.files} tệp`).join("; ")}), đã được kiểm tra theo hồ sơ “${used}” như mọi tệp. Nếu các báo cáo là của kế hoạch khác, chọn hồ sơ đó ở ô Hồ sơ rồi tổng hợp lại.`,
  profileUnknown: (plans, of, used) =>
    `Lưu ý: ${plans.reduce((n, p) => n + p.files, 0)}/${of} tệp lập theo hồ sơ mà bản KL226 này không có (${plans.map((p) => `“${p.id}”: ${p.files} tệp`).join("; ")}): các tệp đó được kiểm tra theo hồ sơ “${used}”, chỉ tiêu và nhiệm vụ riêng của ${plans.length === 1 ? "hồ sơ đó" : "các hồ sơ đó"} chưa được kiểm tra. Nếu đợt báo cáo là của ${plans.length === 1 ? "kế hoạch đó" : "một trong các kế hoạch đó"}, nhờ bộ phận công nghệ thông tin thêm hồ sơ (${plans.map((p) => `${p.id}.json`).join(", ")}) vào thư mục profiles/ của bản KL226 của tỉnh (phần bổ trợ và trang kiểm tra, xem hướng dẫn triển khai) rồi tổng hợp lại.`,
  documentsHeld: (plan, used) =>
    `Chưa lập thư nhắc, báo cáo kết quả và báo cáo gửi cấp trên: phần lớn tệp lập theo hồ sơ “${plan}”, bản KL226 này không có hồ sơ đó; nếu lập bây giờ, văn bản sẽ ghi tên cơ quan, chỉ tiêu và nhiệm vụ theo hồ sơ “${used}”. Khi bản KL226 của tỉnh đã có hồ sơ “${plan}” (xem lưu ý ở trên), hãy tổng hợp lại; hoặc chọn đúng hồ sơ của cơ quan mình ở ô Hồ sơ rồi tổng hợp lại.`,
  fileCount: (n) => `${n} tệp`,
  nothingAccepted:
    "Chưa tổng hợp được báo cáo nào (không tệp nào được chấp nhận): chưa đánh giá được chỉ tiêu nào; bảng tổng hợp và văn bản chỉ ghi các tệp bị từ chối và đơn vị chưa nộp, chưa có số liệu để gửi đi.",
  nothingAcceptedChosen: (p, auto) =>
    `Các tệp được kiểm tra theo hồ sơ “${p}” đã chọn ở ô Hồ sơ, không theo mẫu ghi trong tệp: nếu các đơn vị lập báo cáo trên mẫu của hồ sơ khác, chọn “${auto}” ở ô Hồ sơ rồi tổng hợp lại trước khi tải thư nhắc.`,
  otherPeriodFiles: (periods, periodChosen) =>
    `Lưu ý: trong các tệp đã chọn còn có báo cáo của kỳ khác (${periods}): không tổng hợp vào kỳ này, không cần đơn vị sửa. Nên chọn báo cáo của từng kỳ riêng${periodChosen ? "" : ", hoặc chọn kỳ ở ô Kỳ tổng hợp"}.`,
  verdictStale:
    "Đã đổi hồ sơ: kết quả dưới đây là của lần kiểm tra trước. Kiểm tra lại để có kết quả theo hồ sơ mới.",
  resultStale:
    "Đã đổi lựa chọn hoặc tệp: kết quả dưới đây là của lần tổng hợp trước. Bấm “Tổng hợp” để tổng hợp lại.",
  downloadsStale:
    "Lưu ý: các nút dưới đây cho kết quả của lần tổng hợp trước, chưa gồm thay đổi vừa rồi. Bấm “Tổng hợp” trước khi tải.",
  outcomesLabel: "Kết quả theo nhóm: bấm để xem danh sách",
  tileLabel: (l, n) => `${l}: ${n} — xem danh sách`,
  unknownCount: "chưa xác định",
  accepted: "Được tiếp nhận",
  rejected: "Bị từ chối",
  rejectedFiles: "Tệp bị từ chối",
  ownShortfall: (i, v, t, g) => `${i}: ${v} (${t})${g ? `; ${g.charAt(0).toLowerCase()}${g.slice(1)}` : ""}`,
  shortfallsBeforeSending: (n) =>
    `${n} chỉ tiêu chưa đạt mục tiêu (không phải lỗi: tệp vẫn gửi được; khi tổng hợp, đơn vị sẽ được đề nghị giải trình):`,
  lateBeforeSending: lateReportText,
  notReports: (files) =>
    `Bỏ qua ${files.length} tệp danh sách đơn vị (không phải báo cáo, không tính vào các số trên): ${files.join(", ")}. Nếu cần dùng làm danh sách đơn vị, chọn tệp đó ở ô “Danh sách đơn vị”.`,
  returned: "Bị trả lại",
  returnedLine: (f, why) => (why ? `${f}: ${why}` : f),
  moreErrors: (n) => `và ${n} lỗi khác`,
  missing: "Chưa nộp",
  missingNeedsRoster: "Chọn danh sách đơn vị để biết đơn vị nào chưa nộp.",
  lateTitle: "Trễ hạn",
  lateLine: (u, d, first) =>
    `${u}: ngày báo cáo ${d}${first ? ` (bản gửi lại; bản đầu đề ngày ${first}, đúng hạn)` : ""}`,
  replacedBy: (f) => ` — đơn vị đã gửi tệp hợp lệ ${f}, tệp này không cần sửa nữa`,
  failedCorrection: (f, d) => ` — ${MSG.failedCorrection(f, d)}`,
  sameDayRejection: (f, undated) => ` — ${MSG.sameDayRejection(f, undated)}`,
  sentTwiceBesideAccepted: (f, twin) => ` — ${MSG.identicalBesideAccepted(f, twin)}`,
  replacedByLaterReturned: (f, same) => ` — ${MSG.replacedByLaterReturned(f, same)}`,
  rejectedInRollup: " — đơn vị đã được tính trong báo cáo tổng hợp khác",
  shortfalls: "Chỉ tiêu không đạt",
  duplicates: "Nộp trùng",
  warnings: "Cảnh báo",
  late: "trễ hạn",
  none: "Không có.",
  shortfallLine: (u, i, v, t, g) =>
    `${u}: ${i} ${v} (${t})${g ? `; ${g.charAt(0).toLowerCase()}${g.slice(1)}` : ""}`,
  duplicateLine: (u, k, d, c) =>
    `${u}: giữ ${k}, bỏ ${d}${c ? " (cùng ngày báo cáo nhưng số liệu khác: hỏi lại đơn vị tệp nào đúng)" : ""}`,
  inRollup: "Đã tính trong báo cáo tổng hợp",
  inRollupLine: (u, r, f) => `${u}: đã tính trong báo cáo tổng hợp của ${r}, không cộng thêm ${f}`,
  otherPeriodOnly: "Chỉ gửi báo cáo kỳ khác",
  otherPeriodOnlyLine: (u, files) =>
    `${u}: chưa có báo cáo kỳ này; ${files.map((f) => `${f.file} là báo cáo ${f.period || "kỳ khác"}`).join(", ")}, không tổng hợp vào kỳ này (không cần sửa)`,
  offRosterTitle: "Mã đơn vị không có trong danh sách",
  recodedLine: (d, c, n, f) =>
    `${d} → ${c} – ${n} (${f}): tính theo tên đơn vị hoặc mã chỉ khác ở dấu “_”, “.” hay “-”; đề nghị đơn vị ghi đúng mã ở các lần sau`,
  offRosterLine: (c, n, f) => `${c} – ${n} (${f}): không có trong danh sách đơn vị, vẫn được tổng hợp`,
  writeSummary: "Ghi bảng tổng hợp vào sổ tính",
  summaryWritten: (s, n) => `Đã ghi ${s} trang tính tổng hợp (${n} lần đồng bộ với Excel).`,
  downloadSummary: "Tải bảng tổng hợp (.xlsx)",
  downloadJson: "Tải dữ liệu tổng hợp (.json)",
  downloaded: (f) => `Đã tải ${f}.`,
  rollupTitle: "Báo cáo gửi cấp trên",
  rollupIntro: (n, form) =>
    `Lập báo cáo theo mẫu ${form} của đơn vị tổng hợp: số liệu là tổng của ${n} đơn vị được tiếp nhận, mỗi nhiệm vụ ghi theo đơn vị chậm nhất; Ngày báo cáo là ngày văn bản ở phần trên, như thư nhắc và báo cáo gửi kèm.`,
  rollupDownloaded: (f, d) => `Đã tải ${f} (Ngày báo cáo ${d}, ngày văn bản ở phần trên).`,
  rollupNoPeriod:
    "Chưa xác định được kỳ báo cáo (không tệp nào khai Kỳ báo cáo và Năm hợp lệ), nên chưa lập được báo cáo gửi cấp trên.",
  rollupNothing:
    "Không có báo cáo nào được chấp nhận, nên báo cáo gửi cấp trên sẽ toàn số 0 và chưa được lập: hãy sửa các tệp bị từ chối (lý do ở danh sách bên trên) rồi tổng hợp lại.",
  rollupCode: "Mã đơn vị tổng hợp",
  rollupName: "Tên đơn vị tổng hợp",
  rollupIssuer: (name, sender, signer) =>
    `Nếu thư nhắc và báo cáo kết quả ở phần “Văn bản gửi đi” là văn bản của ${name}: các văn bản đó ghi cơ quan ban hành theo hồ sơ (“${sender}”, người ký ${signer}), không phải ${name}; sửa phần đầu văn bản, người ký và nơi nhận trước khi trình ký, hoặc dùng hồ sơ ghi cơ quan của đơn vị (nhờ cán bộ công nghệ thông tin thêm vào KL226 của tỉnh).`,
  rollupType: "Loại đơn vị",
  rollupOpen: "Mở báo cáo gửi cấp trên trong sổ tính mới",
  rollupDownload: "Tải báo cáo gửi cấp trên (.xlsx)",
  rollupOpened: (c) => `Đã mở báo cáo gửi cấp trên của ${c} trong sổ tính mới.`,
  rollupFailed: (d) =>
    `Lỗi nội bộ của KL226, chưa lập được báo cáo gửi cấp trên (${d}). Hãy báo lỗi cho bộ phận công nghệ thông tin, kèm các tệp đã chọn.`,
  documentsTitle: "Văn bản gửi đi",
  periodChoice: "Kỳ tổng hợp",
  periodAuto: "Tự động (kỳ mà nhiều tệp khai nhất)",
  periodYear: "Năm",
  yearInvalid: "Năm là số từ 2025 đến 2100, ví dụ 2026.",
  documentsDate: "Ngày văn bản (ngày/tháng/năm)",
  documentsDateInvalid: "Ghi ngày văn bản dạng ngày/tháng/năm, một ngày có thật, ví dụ 12/06/2026.",
  documentsDateExample: "ví dụ 12/06/2026",
  rollupCodeExample: "ví dụ SO_Y_TE",
  rollupNameExample: "ví dụ Sở Y tế",
  documentsDateNote: (d, { weekend, late, before }) =>
    [
      ...(before !== undefined
        ? [`Ngày ${d} trước ngày của báo cáo đã nhận mới nhất (${before}): kiểm tra lại ngày văn bản.`]
        : []),
      ...(late !== undefined
        ? [
            `Ngày ${d} là ${weekend !== undefined ? `${weekend}, ` : ""}${late.days} ngày sau hạn nộp báo cáo của kỳ (${late.deadline}): nếu đang tổng hợp lại một kỳ đã qua, nhập ngày của đợt đó${weekend !== undefined ? ", một ngày làm việc" : ""}.`,
          ]
        : weekend !== undefined
          ? [`Ngày ${d} là ${weekend}: nếu văn bản cần đề ngày làm việc, nhập ngày khác.`]
          : []),
    ].join(" "),
  documentsIntro: (d, r) =>
    `Thư nhắc các đơn vị (một tệp gồm thư của từng đơn vị, mỗi thư bắt đầu ở một trang mới, để in và ký; hoặc tệp .zip gồm thư riêng của từng đơn vị để gửi thư điện tử) và báo cáo kết quả gửi cấp trên, dạng văn bản Word theo Nghị định 30/2020/NĐ-CP. Văn bản đề ngày ${d}; thư đề nghị đơn vị trả lời trước ngày ${r}; số văn bản để trống cho văn thư ghi.`,
  documentsExcelNote:
    "Excel không mở được văn bản Word từ ngăn tác vụ: tệp .docx được tải xuống, hãy mở bằng Word.",
  documentsNoSigner: (title) => `Lưu ý: ${MSG.signerNameByHand(title)}`,
  downloadLetters: "Tải thư nhắc (.docx)",
  downloadLettersZip: "Tải thư riêng từng đơn vị (.zip)",
  lettersZipDownloaded: (f, n) =>
    `Đã tải ${f}: thư nhắc riêng của ${n} đơn vị (MÃ_ĐƠN_VỊ.docx, để gửi thư điện tử) và tệp gộp để in.`,
  downloadReport: "Tải báo cáo (.docx)",
  preparingDocument: "Đang lập văn bản…",
  noLetters:
    "Không có đơn vị nào cần nhắc (không có đơn vị chưa gửi, bị trả lại, có số liệu cần xác nhận, trễ hạn hay chưa đạt chỉ tiêu).",
  lettersDownloaded: (f, n) => `Đã tải ${f} (thư nhắc ${n} đơn vị).`,
  noLetterToSender: (name, unit, notes) =>
    `Không lập thư cho ${name} (${unit}) vì đó là cơ quan gửi thư; việc cần tự theo dõi (cũng ở bảng tổng hợp): ${notes}`,
  errorPrefix: "Lỗi",
  excelError: (d) => `Excel báo lỗi: ${d}`,
  internalError: (d) =>
    `Lỗi nội bộ của KL226 (${d}). Các tệp đã chọn không bị thay đổi. Tải lại trang (phím F5) rồi làm lại; nếu vẫn lỗi, hãy báo cho bộ phận công nghệ thông tin, kèm các tệp đã chọn.`,
  staleBuild:
    "Trang KL226 đã được cập nhật trên máy chủ nên phần này của bản đang mở không còn tải được. Tải lại trang (phím F5) rồi làm lại; trong Excel: đóng hẳn Excel rồi mở lại. Các tệp báo cáo và sổ tính không bị thay đổi.",
  fileReadError: (f) => `Không đọc được tệp ${f}.`,
  rosterError: (d) => `Danh sách đơn vị không hợp lệ: ${d}`,
  noFiles: "Chưa chọn tệp báo cáo nào.",
  consolidationUnavailable: "Chức năng tổng hợp chưa sẵn sàng trong phiên bản này.",
};

const en: Strings = {
  appTitle: "KL226 · Check and consolidate reports",
  language: "Language",
  modeExcel: "Running in Excel",
  modeStandalone: "Standalone mode (no Excel): working on files",
  connecting: "Connecting to Excel…",
  connectingSlow: (seconds) =>
    `Excel has not answered after ${seconds} seconds; the page keeps waiting. You can work on files meanwhile; Excel is used once it is ready.`,
  connectingUseFiles: "Work on files while waiting",
  tabsLabel: "Functions",
  tabValidate: "Validate",
  tabTemplate: "Template",
  tabConsolidate: "Consolidate",
  profileLabel: "Profile (form)",
  profileAuto: "Automatic (the form named in the file)",
  profileAutoHint: (d, form) =>
    `Each file is read with the form (and profile) named in it; a ${form} file naming no profile with the default profile “${d}”; a consolidation uses the form most files declare.`,
  profileHint: (name, id) => `${name} · form ${id}`,
  usedProfile: (id, name) => `Form ${id} — profile ${name}`,
  usedProfileAuto: (id, name) => `Form ${id} — profile ${name} (automatic, from the files)`,
  usedProfileByRows: (id, name) =>
    `Form ${id} — profile ${name} (automatic, told by the file's tasks and counts: the file names no profile)`,
  validateIntroExcel:
    "Check the open workbook against its form. Click a finding to select its cell in Excel.",
  validateIntroStandalone: "Pick a report .xlsx file to check against its form.",
  validateButton: "Validate workbook",
  pickWorkbook: "Report file to check (.xlsx)",
  chooseFile: "Choose a file…",
  chooseFiles: "Choose files…",
  validating: "Validating…",
  verdictValid: "Valid — ready to send",
  verdictInvalid: "Not valid — cannot be sent yet",
  verdictValidDetail: (w) =>
    w === 0 ? "No errors." : `No errors; ${w} warning(s) worth a look (not required).`,
  verdictInvalidDetail: (e) => `Fix the ${e} error(s) below, then check again.`,
  verdictUnreadable: "This file does not read as a report",
  verdictUnreadableDetail: "The reason and what to do are below; do that, then choose the file again.",
  counts: (e, w) => `${e} error(s), ${w} warning(s)`,
  errorWord: "Error",
  errorCount: (n) => `${n} ${n === 1 ? "error" : "errors"}`,
  warningCount: (n) => `${n} ${n === 1 ? "warning" : "warnings"}`,
  noOtherLetters: "No other unit needs a letter.",
  warningWord: "Warning",
  generalGroup: "General",
  findingsLabel: "Validation findings",
  cellRef: (sheet, cell) => `sheet “${sheet}”, cell ${cell}`,
  placeLead: (sheet, cell) => (cell === null ? `Sheet “${sheet}”: ` : `Sheet “${sheet}”, cell ${cell}: `),
  findingCode: (code) => `Code: ${code}`,
  findingButtonLabel: (sev, sheet, cell, msg) => `${sev} at sheet “${sheet}”, cell ${cell}: ${msg}`,
  selectedCell: (sheet, cell) => `Location: sheet “${sheet}”, cell ${cell}`,
  markErrors: "Mark error cells",
  clearMarks: "Clear marks",
  marked: (n) => `Filled and annotated ${n} error cell(s).`,
  cleared: (n) => `Cleared the marks of ${n} cell(s).`,
  nothingToMark: "There are no error cells to mark.",
  fileChecked: (f) => `File: ${f}`,
  unitLine: (code, name) => `Unit: ${code} – ${name}`,
  unitLineNoName: (code) => `Unit: ${code} – no unit name filled in (see the error below)`,
  unitLineNoCode: (name, typed) =>
    `Unit: ${name} – ${typed === undefined ? "no unit code filled in" : `the unit code “${typed}” is not valid`} (see the error below)`,
  reportPeriodLine: (period, date) =>
    `Period stated in the file: ${period}${date ? ` (report date ${date})` : ""}.`,
  templateIntro:
    "The template has drop-downs and value checks; its indicators, tasks and deadlines follow the chosen profile.",
  templateUnitType: "Unit type",
  templateAllTypes: "All unit types (every task listed)",
  templateTasks: (n) => `The template lists ${n} applicable task(s).`,
  templatePeriods: (p) => `Periods: ${p}.`,
  insertTemplate: "Insert into this workbook",
  openTemplate: "Open as a new workbook",
  downloadTemplate: "Download template (.xlsx)",
  templateInserted: (s) => `Inserted sheets: ${s}.`,
  templateOpened: "Opened the template in a new workbook.",
  templateDownloaded: (f) => `Downloaded ${f}.`,
  templateSheetsExist:
    "The workbook already has sheets named like the template. Open the template as a new workbook instead.",
  consolidateIntro:
    "Pick or drop the units' report .xlsx files to consolidate them; the roster of units (optional) is picked below.",
  pickReports: "The units' report files (every file they sent; only .xlsx on the form is consolidated)",
  dropHint: "or drop files here",
  dropZoneLabel: "Drop zone for report files",
  pickRoster: "Roster of units (optional, .csv or .xlsx)",
  rosterNone: "No roster chosen.",
  rosterChosen: (f, n) => `Roster: ${f} (${n} units)`,
  rosterRefused: (f) =>
    `${f} cannot be used as the roster (why and how to fix it below): no roster is in use.`,
  chooseOtherFile: "Choose another file…",
  rosterRefusedRun: (f) =>
    `Consolidated without a roster: ${f} cannot be used (why is under “Roster of units” below), so no unit is known to be missing.`,
  pickPrevious:
    "Earlier summary to compare with (optional: the .xlsx or .json KL226 made, the same period last year; several years allowed)",
  previousNone: "No earlier summary chosen: column D is not checked against last year.",
  previousChosen: (f) => `Compared with: ${f.join(", ")}`,
  previousError: (f, why) => `The earlier summary cannot be used: ${f}: ${why}`,
  previousRefused: (f) =>
    `${f} cannot be used to compare with (why below): column D is not checked against last year.`,
  comparisonSummary: (u, n) =>
    n === 0
      ? "Comparison with earlier periods: no column D figure differs from the earlier report"
      : `Comparison with earlier periods: ${n} column D figure(s) differ from the earlier report (${u.join(", ")})`,
  comparisonNone: "Compared with the earlier period: no figure could be compared (open for why)",
  comparisonFailed: (why) => `Not compared with earlier periods. ${why}`,
  filesChosen: (n) => `${n} file(s) chosen.`,
  pickedFilesTitle: (n) => `See or take out files chosen (${n})`,
  fileSize: (b) => (b < 1024 ? `${b} bytes` : `${Math.round(b / 1024).toLocaleString("en-US")} KB`),
  removePicked: (name) => `Take ${name} out of the files chosen`,
  removeButton: "Remove",
  inputsSummary: (n, r) => `Files chosen: ${n}${r ? `; roster ${r}` : ""} — open to see, add or change`,
  notXlsxAdded: (f) =>
    `${f.length} file(s) not named .xlsx (${f.join(", ")}): any that is not an .xlsx workbook will be listed as rejected, with how to save it as .xlsx.`,
  ignoredFiles: (f) => `Skipped ${f.length} Excel lock file(s) “~$…” or hidden file(s): ${f.join(", ")}.`,
  alreadyPicked: (f) => `${f.length} file(s) already in the list, not added again: ${f.join(", ")}.`,
  consolidateButton: "Consolidate",
  clearFiles: "Clear files",
  clearRoster: "Remove this roster",
  clearPrevious: "Remove the earlier summaries",
  progressReading: (d, t) => `Reading file ${d}/${t}`,
  progressChecking: (d, t) => `Checking file ${d}/${t}`,
  progressReadingChecking: (d, t) => `Reading and checking file ${d}/${t}`,
  progressLabel: "Progress",
  progressStarted: (n) => `Reading, checking and consolidating ${n} files…`,
  progressSaid: (p) => `${p}% done.`,
  resultSaid: (tiles) => `Consolidation done. ${tiles.join("; ")}.`,
  resultPeriod: (p) => `Period: ${p}`,
  resultTitle: "Consolidation result",
  profileAside: (n, of, name, none, used, lacked) =>
    `Note: ${n} of ${of} files were made with the profile “${name}” and ${none} name no profile this build has${lacked > 0 ? ` (${lacked} of them name one it lacks, see above)` : ""}, so “${used}” was used; the own tasks and targets of “${name}” were not. If the reports are of that plan, pick it under Profile and consolidate again.`,
  profileOthers: (others, used) =>
    `Note: ${others.reduce((n, o) => n + o.files, 0)} files were made with another profile (${others.map((o) => `“${o.name}”: ${o.files}`).join("; ")}) and were checked by “${used}” like every file. If the reports are of another plan, pick it under Profile and consolidate again.`,
  profileUnknown: (plans, of, used) =>
    `Note: ${plans.reduce((n, p) => n + p.files, 0)} of ${of} files were made with a profile this build lacks (${plans.map((p) => `“${p.id}”: ${p.files}`).join("; ")}): they were checked by “${used}”, and the own tasks and targets of ${plans.length === 1 ? "that profile" : "those profiles"} were not. If the reports are of ${plans.length === 1 ? "that plan" : "one of those plans"}, ask your IT staff to add the profile (${plans.map((p) => `${p.id}.json`).join(", ")}) to profiles/ in the province's KL226 build (the add-in and the checking page; see the deployment guide) and consolidate again.`,
  documentsHeld: (plan, used) =>
    `No letters, report or roll-up yet: most files were made with the profile “${plan}”, which this build lacks, so documents would carry the organisation, targets and tasks of “${used}”. Consolidate again once the province's build has that profile (see above), or pick your own organisation's profile under Profile.`,
  fileCount: (n) => (n === 1 ? "1 file" : `${n} files`),
  nothingAccepted:
    "No report could be consolidated (no file was accepted): no indicator could be judged; the summary and documents list only the rejected files and the units that have not reported, with no figures to send.",
  nothingAcceptedChosen: (p, auto) =>
    `The files were checked by the profile “${p}” chosen under Profile, not by the template each file names: if the units made their reports on another profile's template, choose “${auto}” under Profile and consolidate again before downloading the letters.`,
  otherPeriodFiles: (periods, periodChosen) =>
    `Note: the files picked include reports of another period (${periods}): not consolidated in this one, nothing for the units to mend. Pick each period's reports on their own${periodChosen ? "" : ", or choose the period under Period"}.`,
  verdictStale:
    "The profile has changed: the result below is from the last check. Check again for the new profile.",
  resultStale:
    "The choices or files have changed: the result below is from the last run. Press “Consolidate” to run again.",
  downloadsStale:
    "Note: the buttons below give the last run's result, without the changes since. Press “Consolidate” before downloading.",
  outcomesLabel: "Outcome by group: open a list",
  tileLabel: (l, n) => `${l}: ${n} — show the list`,
  unknownCount: "not known",
  accepted: "Accepted",
  rejected: "Rejected",
  rejectedFiles: "Rejected files",
  ownShortfall: (i, v, t, g) => `${i}: ${v} (target ${t})${g ? `; ${g}` : ""}`,
  shortfallsBeforeSending: (n) =>
    `${n} target(s) not met (not errors: the file can be sent; the consolidation will ask the unit to explain):`,
  lateBeforeSending: ({ date, deadline, likelyPeriod }) =>
    likelyPeriod
      ? `Report date ${viDate(date)} is over half a year after the deadline of the period in the file (${viDate(deadline)}): if this is the ${likelyPeriod.year} report, set Năm (sheet “Thông tin”) to ${likelyPeriod.year}; if it is the period written, the consolidation will count it late.`
      : `Report date ${viDate(date)} is after the deadline (${viDate(deadline)}): the consolidation will count it late; if this resends a report sent on time, the summary records the first sending too.`,
  notReports: (files) =>
    `Set aside ${files.length} roster file(s) (not reports, not in the counts above): ${files.join(", ")}.`,
  returned: "Returned",
  returnedLine: (f, why) => (why ? `${f}: ${why}` : f),
  moreErrors: (n) => `and ${n} more error(s)`,
  missing: "Not submitted",
  missingNeedsRoster: "Pick a roster to know which units have not submitted.",
  lateTitle: "Late",
  lateLine: (u, d, first) =>
    `${u}: report date ${d}${first ? ` (sent again; the first, dated ${first}, was on time)` : ""}`,
  replacedBy: (f) => ` — the unit has sent a valid file, ${f}; this one needs no correcting`,
  failedCorrection: (f, d) =>
    ` — sent later and rejected: the summary still counts ${f} (report date ${d}), sent earlier; to replace its figures the unit corrects the errors and sends again`,
  sameDayRejection: (f, undated) =>
    ` — the unit's valid file ${f}${undated ? "" : " has the same report date and"} is the one counted${undated ? " (this file's report date could not be read)" : ""}; if this file is a later correction, ask the unit to send it corrected`,
  sentTwiceBesideAccepted: (f, twin) =>
    ` — the unit's valid file ${f} is the one counted; this file is identical to ${twin} (one version sent twice): if either came before the valid file, it is the old version sent again and needs no correcting; otherwise ask the unit to send it corrected`,
  replacedByLaterReturned: (f, same) =>
    same
      ? ` — the unit sent ${f} later, identical to this file: the errors are not corrected (the reminder letter lists them by the later file)`
      : ` — the unit sent ${f} later (also rejected; the reminder letter lists its errors); this file needs no correcting`,
  rejectedInRollup: " — the unit is already counted in another unit's roll-up",
  shortfalls: "Shortfalls",
  duplicates: "Duplicates",
  warnings: "Warnings",
  late: "late",
  none: "None.",
  shortfallLine: (u, i, v, t, g) => `${u}: ${i} ${v} (target ${t})${g ? `; ${g}` : ""}`,
  duplicateLine: (u, k, d, c) =>
    `${u}: kept ${k}, dropped ${d}${c ? " (same report date, different figures: ask the unit which is right)" : ""}`,
  inRollup: "Already in a roll-up",
  inRollupLine: (u, r, f) => `${u}: counted in ${r}'s roll-up, ${f} not added again`,
  otherPeriodOnly: "Only another period's report",
  otherPeriodOnlyLine: (u, files) =>
    `${u}: no report for this period yet; ${files.map((f) => `${f.file} is the report of ${f.period || "another period"}`).join(", ")}, not counted in this period (nothing to correct)`,
  offRosterTitle: "Unit codes not on the roster",
  recodedLine: (d, c, n, f) =>
    `${d} → ${c} – ${n} (${f}): counted by the unit's name or by a code differing only in "_"; ask the unit to write its code`,
  offRosterLine: (c, n, f) => `${c} – ${n} (${f}): not on the roster, consolidated all the same`,
  writeSummary: "Write the summary into this workbook",
  summaryWritten: (s, n) => `Wrote ${s} summary sheet(s) (${n} sync(s) with Excel).`,
  downloadSummary: "Download summary (.xlsx)",
  downloadJson: "Download JSON report",
  downloaded: (f) => `Downloaded ${f}.`,
  rollupTitle: "Report to the level above",
  rollupIntro: (n, form) =>
    `A ${form} report of the consolidating unit: the sums of the ${n} accepted units, each task at its slowest unit's status; dated by the documents' date above, as the letters and report sent with it.`,
  rollupDownloaded: (f, d) => `Downloaded ${f} (report date ${d}, the documents' date above).`,
  rollupNoPeriod:
    "No reporting period could be determined (no file gives a valid period and year), so no report to the level above can be made.",
  rollupNothing:
    "No report was accepted, so a report to the level above would be all zeros and is not made: fix the rejected files (reasons in the list above) and consolidate again.",
  rollupCode: "Consolidating unit code",
  rollupName: "Consolidating unit name",
  rollupIssuer: (name, sender, signer) =>
    `If the letters and the report under “Documents to send” are ${name}'s: they name the profile's organisation as their issuer (“${sender}”, signed by ${signer}), not ${name}; edit their heading, signer and recipients before signing, or use a profile that names the unit's organisation (ask the IT staff to add it to the province's KL226).`,
  rollupType: "Unit type",
  rollupOpen: "Open the report in a new workbook",
  rollupDownload: "Download the report (.xlsx)",
  rollupOpened: (c) => `Opened the report of ${c} in a new workbook.`,
  rollupFailed: (d) =>
    `KL226 failed inside and made no report for the level above (${d}). Please report it to IT with the files chosen.`,
  documentsTitle: "Documents to send",
  periodChoice: "Period to consolidate",
  periodAuto: "Automatic (the period most files state)",
  periodYear: "Year",
  yearInvalid: "The year is a number from 2025 to 2100, e.g. 2026.",
  documentsDate: "Date of the documents (day/month/year)",
  documentsDateInvalid: "Type the date as day/month/year, a day that exists, e.g. 12/06/2026.",
  documentsDateExample: "e.g. 12/06/2026",
  rollupCodeExample: "e.g. SO_Y_TE",
  rollupNameExample: "e.g. Sở Y tế",
  documentsDateNote: (d, { weekend, late, before }) => {
    const day = weekend === undefined ? undefined : weekend === "Chủ nhật" ? "Sunday" : "Saturday";
    return [
      ...(before !== undefined
        ? [`${d} is before the latest report received (${before}): check the documents' date.`]
        : []),
      ...(late !== undefined
        ? [
            `${d} is ${day !== undefined ? `a ${day}, ` : ""}${late.days} days after the round's deadline (${late.deadline}): if you are consolidating a past round again, type that round's date${day !== undefined ? ", a working day" : ""}.`,
          ]
        : day !== undefined
          ? [`${d} is a ${day}: if the documents need a working day, type another date.`]
          : []),
    ].join(" ");
  },
  documentsIntro: (d, r) =>
    `Follow-up letters to the units (one file holding each unit's letter, each on a new page, to print and sign; or a .zip of each unit's own letter, for e-mail) and the report to the level above, as Word documents laid out per Decree 30/2020/NĐ-CP (in Vietnamese). Dated ${d}; the letters ask for a reply by ${r}; the document number is left blank for the clerk.`,
  documentsExcelNote:
    "Excel cannot open a Word document from a taskpane: the .docx file is downloaded; open it in Word.",
  documentsNoSigner: (title) =>
    `Note: the profile in use has no signer's name, so in the letters and report downloaded the name line under the signer's title (${title.split("\n").join(" / ")}) is left dotted “……” for the signer to write by hand; to print the name, open the downloaded file in Word, type the name on that line, then print for signature.`,
  downloadLetters: "Download letters (.docx)",
  downloadLettersZip: "Download each unit's letter (.zip)",
  lettersZipDownloaded: (f, n) =>
    `Downloaded ${f}: the letters to ${n} units, one file each (CODE.docx, for e-mail), and all in one to print.`,
  downloadReport: "Download report (.docx)",
  preparingDocument: "Preparing the document…",
  noLetters:
    "No unit needs a letter (none missing, returned, with figures to confirm, late or short of a target).",
  lettersDownloaded: (f, n) => `Downloaded ${f} (letters to ${n} units).`,
  noLetterToSender: (name, unit, notes) =>
    `No letter to ${name} (${unit}): it is the body sending the letters; to follow up yourself (also in the summary): ${notes}`,
  errorPrefix: "Error",
  excelError: (d) => `Excel reported an error: ${d}`,
  internalError: (d) =>
    `KL226 internal error (${d}). The chosen files were not changed. Reload the page (F5) and try again; if it happens again, report it to your IT staff with the chosen files.`,
  staleBuild:
    "KL226 was updated on the server, so this part of the open version can no longer be loaded. Reload the page (F5) and do it again; in Excel, close Excel completely and open it again. No report file or workbook was changed.",
  fileReadError: (f) => `Could not read file ${f}.`,
  rosterError: (d) => `The roster is not valid: ${d}`,
  noFiles: "No report files chosen.",
  consolidationUnavailable: "Consolidation is not available in this build.",
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { vi, en };

export const LOCALES: ReadonlyArray<{ readonly id: Locale; readonly label: string }> = [
  { id: "vi", label: "Tiếng Việt" },
  { id: "en", label: "English" },
];
