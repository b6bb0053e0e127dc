// The taskpane's user-facing strings: Vietnamese (default) and English, one table per locale.
// Finding messages come from the core (always Vietnamese, SPEC §4); everything else is here.

export type Locale = "vi" | "en";

export interface Strings {
  readonly appTitle: string;
  readonly appSubtitle: string;
  readonly language: string;
  readonly modeExcel: string;
  readonly modeStandalone: string;
  readonly tabsLabel: string;
  readonly tabValidate: string;
  readonly tabTemplate: string;
  readonly tabConsolidate: string;
  // Validate
  readonly validateIntroExcel: string;
  readonly validateIntroStandalone: string;
  readonly validateButton: string;
  readonly pickWorkbook: string;
  readonly chooseFile: string;
  readonly chooseFiles: string;
  readonly validating: string;
  readonly validOk: string;
  readonly counts: (errors: number, warnings: number) => string;
  readonly errorWord: string;
  readonly warningWord: string;
  readonly generalGroup: string;
  readonly findingsLabel: string;
  readonly cellRef: (sheet: string, cell: string) => string;
  readonly findingButtonLabel: (severity: string, sheet: string, cell: string, message: string) => string;
  readonly selectedCell: (sheet: string, cell: string) => string;
  readonly markErrors: string;
  readonly clearMarks: string;
  readonly marked: (cells: number) => string;
  readonly cleared: (cells: number) => string;
  readonly nothingToMark: string;
  readonly fileChecked: (file: string) => string;
  readonly unitLine: (code: string, name: string) => string;
  // Template
  readonly templateIntro: string;
  readonly insertTemplate: string;
  readonly openTemplate: string;
  readonly downloadTemplate: string;
  readonly templateInserted: (sheets: string) => string;
  readonly templateOpened: string;
  readonly templateDownloaded: string;
  readonly templateSheetsExist: string;
  // Consolidate
  readonly consolidateIntro: string;
  readonly pickReports: string;
  readonly dropHint: string;
  readonly dropZoneLabel: string;
  readonly pickRoster: string;
  readonly rosterNone: string;
  readonly rosterChosen: (file: string, units: number) => string;
  readonly filesChosen: (n: number) => string;
  readonly consolidateButton: string;
  readonly clearFiles: string;
  readonly progressReading: (done: number, total: number) => string;
  readonly progressChecking: (done: number, total: number) => string;
  readonly progressReadingChecking: (done: number, total: number) => string;
  readonly progressLabel: string;
  readonly resultPeriod: (period: string) => string;
  readonly accepted: string;
  readonly rejected: string;
  readonly missing: string;
  readonly shortfalls: string;
  readonly duplicates: string;
  readonly warnings: string;
  readonly late: string;
  readonly none: string;
  readonly shortfallLine: (unit: string, indicator: string, value: string, target: string, gap: number) => string;
  readonly duplicateLine: (unit: string, kept: string, dropped: string) => string;
  readonly writeSummary: string;
  readonly summaryWritten: (sheets: number, syncs: number) => string;
  readonly downloadSummary: string;
  readonly downloadJson: string;
  readonly downloaded: (file: string) => string;
  readonly rollupTitle: string;
  readonly rollupIntro: (units: number) => string;
  readonly rollupNoPeriod: string;
  readonly rollupCode: string;
  readonly rollupName: string;
  readonly rollupType: string;
  readonly rollupOpen: string;
  readonly rollupDownload: string;
  readonly rollupOpened: (code: string) => string;
  // Errors
  readonly errorPrefix: string;
  readonly excelError: (detail: string) => string;
  readonly fileReadError: (file: string) => string;
  readonly notXlsx: (file: string) => string;
  readonly rosterError: (detail: string) => string;
  readonly noFiles: string;
  readonly consolidationUnavailable: string;
}

const vi: Strings = {
  appTitle: "KL226 – Báo cáo thực hiện Kết luận 226-KL/TW",
  appSubtitle: "Kiểm tra và tổng hợp báo cáo theo mẫu KL226-BC/1",
  language: "Ngôn ngữ",
  modeExcel: "Đang chạy trong Excel",
  modeStandalone: "Chế độ độc lập (không có Excel): làm việc trên tệp",
  tabsLabel: "Chức năng",
  tabValidate: "Kiểm tra",
  tabTemplate: "Mẫu báo cáo",
  tabConsolidate: "Tổng hợp",
  validateIntroExcel: "Kiểm tra sổ tính đang mở theo mẫu KL226-BC/1. Bấm vào một lỗi để chọn ô đó trong Excel.",
  validateIntroStandalone: "Chọn một tệp báo cáo .xlsx để kiểm tra theo mẫu KL226-BC/1.",
  validateButton: "Kiểm tra sổ tính",
  pickWorkbook: "Tệp báo cáo cần kiểm tra (.xlsx)",
  chooseFile: "Chọn tệp…",
  chooseFiles: "Chọn các tệp…",
  validating: "Đang kiểm tra…",
  validOk: "Báo cáo hợp lệ: không có lỗi.",
  counts: (e, w) => `${e} lỗi, ${w} cảnh báo`,
  errorWord: "Lỗi",
  warningWord: "Cảnh báo",
  generalGroup: "Chung",
  findingsLabel: "Kết quả kiểm tra",
  cellRef: (sheet, cell) => `${sheet}!${cell}`,
  findingButtonLabel: (sev, sheet, cell, msg) => `${sev} tại ô ${cell} trang ${sheet}: ${msg}`,
  selectedCell: (sheet, cell) => `Vị trí: trang “${sheet}”, ô ${cell}`,
  markErrors: "Đánh dấu các ô lỗi",
  clearMarks: "Xóa đánh dấu",
  marked: (n) => `Đã tô màu và ghi chú ${n} ô lỗi.`,
  cleared: (n) => `Đã xóa đánh dấu ở ${n} ô.`,
  nothingToMark: "Không có ô lỗi nào để đánh dấu.",
  fileChecked: (f) => `Tệp: ${f}`,
  unitLine: (code, name) => `Đơn vị: ${code} – ${name}`,
  templateIntro: "Mẫu báo cáo chính thức KL226-BC/1 (4 trang tính, có danh sách chọn và kiểm tra số liệu).",
  insertTemplate: "Chèn mẫu vào sổ tính này",
  openTemplate: "Mở mẫu trong sổ tính mới",
  downloadTemplate: "Tải mẫu (.xlsx)",
  templateInserted: (s) => `Đã chèn các trang tính: ${s}.`,
  templateOpened: "Đã mở mẫu trong sổ tính mới.",
  templateDownloaded: "Đã tải mẫu KL226-BC-1.xlsx.",
  templateSheetsExist: "Sổ tính đã có trang tính trùng tên với mẫu. Hãy mở mẫu trong sổ tính mới.",
  consolidateIntro: "Chọn hoặc kéo thả các tệp báo cáo .xlsx của các đơn vị (có thể kèm danh sách đơn vị) để tổng hợp.",
  pickReports: "Chọn các tệp báo cáo (.xlsx)",
  dropHint: "hoặc kéo thả các tệp vào đây",
  dropZoneLabel: "Vùng kéo thả tệp báo cáo",
  pickRoster: "Danh sách đơn vị (tùy chọn, .csv hoặc .xlsx)",
  rosterNone: "Chưa chọn danh sách đơn vị.",
  rosterChosen: (f, n) => `Danh sách đơn vị: ${f} (${n} đơn vị)`,
  filesChosen: (n) => `Đã chọn ${n} tệp.`,
  consolidateButton: "Tổng hợp",
  clearFiles: "Bỏ chọn tệp",
  progressReading: (d, t) => `Đang đọc tệp ${d}/${t}`,
  progressChecking: (d, t) => `Đang kiểm tra tệp ${d}/${t}`,
  progressReadingChecking: (d, t) => `Đang đọc và kiểm tra tệp ${d}/${t}`,
  progressLabel: "Tiến độ",
  resultPeriod: (p) => `Kỳ báo cáo: ${p}`,
  accepted: "Được tiếp nhận",
  rejected: "Bị từ chối",
  missing: "Chưa nộp",
  shortfalls: "Chỉ tiêu không đạt",
  duplicates: "Nộp trùng",
  warnings: "Cảnh báo",
  late: "trễ hạn",
  none: "Không có.",
  shortfallLine: (u, i, v, t, g) => `${u}: ${i} ${v} (mục tiêu ${t}), thiếu ${g}`,
  duplicateLine: (u, k, d) => `${u}: giữ ${k}, bỏ ${d}`,
  writeSummary: "Ghi bảng tổng hợp vào sổ tính",
  summaryWritten: (s, n) => `Đã ghi ${s} trang tính tổng hợp (${n} lần đồng bộ với Excel).`,
  downloadSummary: "Tải bảng tổng hợp (.xlsx)",
  downloadJson: "Tải báo cáo JSON",
  downloaded: (f) => `Đã tải ${f}.`,
  rollupTitle: "Báo cáo gửi cấp trên",
  rollupIntro: (n) => `Lập báo cáo theo mẫu KL226-BC/1 của đơn vị tổng hợp: số liệu là tổng của ${n} đơn vị được tiếp nhận, mỗi nhiệm vụ ghi theo đơn vị chậm nhất.`,
  rollupNoPeriod: "Chưa xác định được kỳ báo cáo (không tệp nào khai Kỳ báo cáo và Năm hợp lệ), nên chưa lập được báo cáo gửi cấp trên.",
  rollupCode: "Mã đơn vị tổng hợp",
  rollupName: "Tên đơn vị tổng hợp",
  rollupType: "Loại đơn vị",
  rollupOpen: "Mở báo cáo gửi cấp trên trong sổ tính mới",
  rollupDownload: "Tải báo cáo gửi cấp trên (.xlsx)",
  rollupOpened: (c) => `Đã mở báo cáo gửi cấp trên của ${c} trong sổ tính mới.`,
  errorPrefix: "Lỗi",
  excelError: (d) => `Excel báo lỗi: ${d}`,
  fileReadError: (f) => `Không đọc được tệp ${f}.`,
  notXlsx: (f) => `Tệp ${f} không phải tệp .xlsx.`,
  rosterError: (d) => `Danh sách đơn vị không hợp lệ: ${d}`,
  noFiles: "Chưa chọn tệp báo cáo nào.",
  consolidationUnavailable: "Chức năng tổng hợp chưa sẵn sàng trong bản dựng này.",
};

const en: Strings = {
  appTitle: "KL226 – Conclusion 226-KL/TW reports",
  appSubtitle: "Validate and consolidate KL226-BC/1 reports",
  language: "Language",
  modeExcel: "Running in Excel",
  modeStandalone: "Standalone mode (no Excel): working on files",
  tabsLabel: "Functions",
  tabValidate: "Validate",
  tabTemplate: "Template",
  tabConsolidate: "Consolidate",
  validateIntroExcel: "Check the open workbook against template KL226-BC/1. Click a finding to select its cell in Excel.",
  validateIntroStandalone: "Pick a report .xlsx file to check against template KL226-BC/1.",
  validateButton: "Validate workbook",
  pickWorkbook: "Report file to check (.xlsx)",
  chooseFile: "Choose a file…",
  chooseFiles: "Choose files…",
  validating: "Validating…",
  validOk: "The report is valid: no errors.",
  counts: (e, w) => `${e} error(s), ${w} warning(s)`,
  errorWord: "Error",
  warningWord: "Warning",
  generalGroup: "General",
  findingsLabel: "Validation findings",
  cellRef: (sheet, cell) => `${sheet}!${cell}`,
  findingButtonLabel: (sev, sheet, cell, msg) => `${sev} at cell ${cell} of sheet ${sheet}: ${msg}`,
  selectedCell: (sheet, cell) => `Location: sheet “${sheet}”, cell ${cell}`,
  markErrors: "Mark error cells",
  clearMarks: "Clear marks",
  marked: (n) => `Filled and annotated ${n} error cell(s).`,
  cleared: (n) => `Cleared the marks of ${n} cell(s).`,
  nothingToMark: "There are no error cells to mark.",
  fileChecked: (f) => `File: ${f}`,
  unitLine: (code, name) => `Unit: ${code} – ${name}`,
  templateIntro: "The official report template KL226-BC/1 (4 sheets, with drop-downs and value checks).",
  insertTemplate: "Insert into this workbook",
  openTemplate: "Open as a new workbook",
  downloadTemplate: "Download template (.xlsx)",
  templateInserted: (s) => `Inserted sheets: ${s}.`,
  templateOpened: "Opened the template in a new workbook.",
  templateDownloaded: "Downloaded KL226-BC-1.xlsx.",
  templateSheetsExist: "The workbook already has sheets named like the template. Open the template as a new workbook instead.",
  consolidateIntro: "Pick or drop the units' report .xlsx files (and optionally a roster) to consolidate them.",
  pickReports: "Pick report files (.xlsx)",
  dropHint: "or drop files here",
  dropZoneLabel: "Drop zone for report files",
  pickRoster: "Roster of units (optional, .csv or .xlsx)",
  rosterNone: "No roster chosen.",
  rosterChosen: (f, n) => `Roster: ${f} (${n} units)`,
  filesChosen: (n) => `${n} file(s) chosen.`,
  consolidateButton: "Consolidate",
  clearFiles: "Clear files",
  progressReading: (d, t) => `Reading file ${d}/${t}`,
  progressChecking: (d, t) => `Checking file ${d}/${t}`,
  progressReadingChecking: (d, t) => `Reading and checking file ${d}/${t}`,
  progressLabel: "Progress",
  resultPeriod: (p) => `Period: ${p}`,
  accepted: "Accepted",
  rejected: "Rejected",
  missing: "Not submitted",
  shortfalls: "Shortfalls",
  duplicates: "Duplicates",
  warnings: "Warnings",
  late: "late",
  none: "None.",
  shortfallLine: (u, i, v, t, g) => `${u}: ${i} ${v} (target ${t}), short by ${g}`,
  duplicateLine: (u, k, d) => `${u}: kept ${k}, dropped ${d}`,
  writeSummary: "Write the summary into this workbook",
  summaryWritten: (s, n) => `Wrote ${s} summary sheet(s) (${n} sync(s) with Excel).`,
  downloadSummary: "Download summary (.xlsx)",
  downloadJson: "Download JSON report",
  downloaded: (f) => `Downloaded ${f}.`,
  rollupTitle: "Report to the level above",
  rollupIntro: (n) => `A KL226-BC/1 report of the consolidating unit: the sums of the ${n} accepted units, each task at its slowest unit's status.`,
  rollupNoPeriod: "No reporting period could be determined (no file gives a valid period and year), so no report to the level above can be made.",
  rollupCode: "Consolidating unit code",
  rollupName: "Consolidating unit name",
  rollupType: "Unit type",
  rollupOpen: "Open the report in a new workbook",
  rollupDownload: "Download the report (.xlsx)",
  rollupOpened: (c) => `Opened the report of ${c} in a new workbook.`,
  errorPrefix: "Error",
  excelError: (d) => `Excel reported an error: ${d}`,
  fileReadError: (f) => `Could not read file ${f}.`,
  notXlsx: (f) => `File ${f} is not an .xlsx file.`,
  rosterError: (d) => `The roster is not valid: ${d}`,
  noFiles: "No report files chosen.",
  consolidationUnavailable: "Consolidation is not available in this build.",
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { vi, en };

export const LOCALES: ReadonlyArray<{ readonly id: Locale; readonly label: string }> = [
  { id: "vi", label: "Tiếng Việt" },
  { id: "en", label: "English" },
];
