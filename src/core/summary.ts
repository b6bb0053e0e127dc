// The provincial summary workbook (SPEC §5) as a WorkbookSpec: Tổng hợp, Số liệu, Không đạt,
// Nhiệm vụ, Chưa nộp, Lỗi, Nguồn, and the chart sheet Biểu đồ (summaryChart). Every text that comes from a unit is a plain string cell (never a formula);
// nothing depends on the clock, so a re-run on the same inputs gives the same cells.

import { SUMMARY_SHEETS } from "./catalogue";
import { viDate } from "./dates";
import {
  countedUnitsPhrase,
  lateMark,
  pooledReductionSums,
  rollupName,
  rollupCodes,
  rollupUnits,
} from "./consolidate";
import type {
  Consolidation,
  IndicatorResult,
  RejectedFile,
  SourceStatus,
  UnitSummary,
  Warning,
} from "./consolidation";
import { baseName } from "./file-names";
import {
  otherPeriodFilesOf,
  otherPeriodOnlyUnits,
  sentBackUnits,
  arrivedUnderOtherNotes,
  otherPeriodReport,
  rejectedAsides,
  replacedByLaterReturned,
  replacedFiles,
  unopenedFiles,
  unopenedSentence,
  unplacedRejected,
  type SentWhen,
} from "./file-fates";
import { finding, type Finding, type Severity } from "./findings";
import { MSG } from "./messages";
import { blankNote, shownFindings } from "./finding-order";
import { formSubject, periodPhrase, targetPhrase } from "./documents";
import {
  chartIndicator,
  judgedInPeriod,
  judgedPeriodsText,
  periodLabel,
  periodText,
  reductionBases,
  type Form,
  type Indicator,
  type Period,
} from "./form";
import { gapSentence, indicatorValueFormat, isCountKind, sentenceCase, targetText } from "./indicator-text";
import { pairOf } from "./judge";
import type { Profile } from "./profile";
import { chartSheet } from "./chart";
import {
  MAX_ROW_HEIGHT,
  PAGE_OF_PAGES,
  TABLE_HEAD as HEAD,
  type CellInput,
  type CellSpec,
  type CellStyle,
  type ChartSheetSpec,
  type PrintSpec,
  type SheetSpec,
  type WorkbookSpec,
  withNumFmt,
  wrappedLines,
} from "./sheetspec";
import { isUnlikelyReportDate } from "./report-dates";
import { columnLetters } from "./workbook";
import { honestPercentDecimals, viInteger } from "./format";

const TITLE: CellStyle = { bold: true, size: 14, color: "1F3864" };
const NOTE: CellStyle = { italic: true, size: 10, color: "404040" };
const SUBTITLE: CellStyle = { bold: true, size: 12, color: "1F3864" };
// Text cells keep the General format: a column an analyst inserts takes its neighbour's format,
// and under "@" (Text) the formula she types there stays text.
const TEXT: CellStyle = { border: true, vAlign: "top" };
const WRAP: CellStyle = { ...TEXT, wrap: true };
const NUM: CellStyle = { border: true, numFmt: "#,##0", vAlign: "top" };
const PCT: CellStyle = { border: true, numFmt: "0.0%", vAlign: "top" };
const DATE: CellStyle = { border: true, numFmt: "dd/mm/yyyy", hAlign: "left", vAlign: "top" };
const CENTER: CellStyle = { ...TEXT, hAlign: "center" };
const CENTER_WRAP: CellStyle = { ...CENTER, wrap: true };
/** A SHA-256 in two lines of 32 characters: whole on one line it took a third of Nguồn's printed width. */
const HASH: CellStyle = { ...TEXT, size: 9, wrap: true };
const HASH_WIDTH = 34;
// Excel's own "Bad" and "Good" cell styles: familiar to every analyst.
const SHORT_FILL: CellStyle = { fill: "FFC7CE", color: "9C0006" };
const MET_FILL: CellStyle = { fill: "C6EFCE", color: "006100" };
const LATE_FILL: CellStyle = { fill: "FFEB9C", color: "9C5700" };
const PROVINCE: CellStyle = { bold: true, fill: "F2F2F2" };

// Thousands of cells share a handful of merged styles: hand out one object per pair so the
// writer's per-object style cache hits instead of rebuilding a style for every cell.
const merged = new WeakMap<CellStyle, WeakMap<CellStyle, CellStyle>>();
function merge(base: CellStyle, extra: CellStyle): CellStyle {
  let byExtra = merged.get(base);
  if (!byExtra) merged.set(base, (byExtra = new WeakMap()));
  let style = byExtra.get(extra);
  if (!style) byExtra.set(extra, (style = { ...base, ...extra }));
  return style;
}

const cell = (value: CellInput, style?: CellStyle): CellSpec => (style ? { value, style } : { value });
const text = (value: string | null, style: CellStyle = TEXT): CellSpec => cell(value ?? "", style);
const num = (value: number | null, style: CellStyle = NUM): CellSpec => cell(value, style);

export const STATUS_LABELS = { met: "Đạt", short: "Không đạt", na: "—" } as const;
const SOURCE_LABELS: Record<SourceStatus, string> = {
  accepted: "Chấp nhận",
  rejected: "Từ chối",
  duplicate: "Trùng",
  "in-rollup": "Đã tính trong tổng hợp",
};
/** Nguồn's "Xử lý" of a roster left among the reports (Consolidation.notReports). */
const NOT_REPORT_STATUS = "Bỏ qua (danh sách đơn vị)";
const SEVERITY_LABELS: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo" };

const statusStyle = (base: CellStyle, status: IndicatorResult["status"]): CellStyle =>
  status === "short" ? merge(base, SHORT_FILL) : status === "met" ? merge(base, MET_FILL) : base;

/** SPEC §9 honest display: a percent cell gets as many decimals as its verdict needs (94,98% short of 95%). */
function valueStyle(ind: Indicator, r?: Pick<IndicatorResult, "value" | "status">): CellStyle {
  if (isCountKind(ind.kind)) return NUM;
  if (!r || r.value === null) return PCT;
  return withNumFmt(PCT, indicatorValueFormat(ind, r.value, r.status));
}

const PERCENT_COUNT: CellStyle = { border: true, numFmt: "0.00", vAlign: "top" };

/**
 * "Tổng hợp kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026": the form's title as a
 * summary's, then the period as the report and the letters say it; the title's own year is left to
 * the period ("… cải cách hành chính năm 2025" for quý II năm 2025 → "… cải cách hành chính quý II năm
 * 2025", not "… năm 2025 quý II năm 2025").
 */
export function summaryTitle(form: Form, period: Period | null, separator = " "): string {
  const subject = `Tổng hợp ${formSubject(form, period)}`;
  return period ? `${subject}${separator}${periodPhrase(period)}` : subject;
}

/** The summary's chart sheet (SPEC §9), after the SPEC §5 sheets. */
export const CHART_SHEET = "Biểu đồ";

/**
 * The chart of the summary (SPEC §9): chartIndicator's indicator (the profile's or form's `chart`,
 * else the online-meeting ratio, else the first ratio) per unit against its target line; none
 * when there is no such indicator.
 */
export function summaryChart(c: Consolidation): ChartSheetSpec | null {
  const ind = chartIndicator(c.form);
  if (!ind) return null;
  return {
    name: CHART_SHEET,
    title: `${ind.label} theo đơn vị (${targetPhrase(ind)})`,
    subtitle: c.period ? periodPhrase(c.period) : undefined,
    valueName: ind.short,
    targetName: `Mục tiêu ${targetText(ind)}`,
    target: ind.target,
    comparison: ind.comparison,
    // Ranked, lowest first: the units under the target line stand together at the left (SPEC §9
    // asks for one column per unit; in code order a few hundred of them read as noise).
    units: rankedForChart(
      c.units.map((u) => ({ code: u.code, name: u.name, value: u.indicators[ind.id]?.value ?? null })),
    ),
  };
}

/** Lowest value first, units without a value last; ties in code order (the units come in code order). */
function rankedForChart<T extends { readonly value: number | null }>(units: readonly T[]): T[] {
  return [...units].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return a.value - b.value;
  });
}

export function summaryWorkbook(c: Consolidation, profile: Profile): WorkbookSpec {
  const title = summaryTitle(c.form, c.period);
  const chart = summaryChart(c);
  const sheets = [
    summarySheet(c, profile),
    valuesSheet(c, profile),
    shortfallSheet(c),
    taskSheet(c),
    missingSheet(c),
    errorSheet(c),
    sourceSheet(c),
  ];
  return {
    title,
    creator: "KL226",
    sheets: [...sheets.map((sheet) => withPrint(sheet, title)), ...(chart ? [chartSheet(chart)] : [])],
  };
}

/**
 * SPEC §9 print setup: A4, fit to width (landscape where wide), the rows down to the table's
 * header and the unit code/name columns repeated on every page, the title in the page header and
 * "Trang N/M" in the footer.
 */
function withPrint(sheet: SheetSpec, title: string): SheetSpec {
  const widths = sheet.columnWidths ?? [];
  const repeated = sheet.freeze?.cols ?? 0;
  const total = sum(widths);
  const fixed = sum(widths.slice(0, repeated));
  const pagesWide = ACROSS.has(sheet.name) && repeated > 0 ? pagesAcross(total, fixed) : 1;
  // Printed more than one page across, the repeated unit columns would show each title's first
  // letters again at the top of page 2 (cut at column B): the titles start after them instead.
  sheet = notesWithinTable(
    sheet,
    pagesWide > 1 ? repeated : 0,
    firstPageColumns(widths, total, fixed, pagesWide),
  );
  const headerRow = sheet.freeze?.rows ?? 0;
  const wide = total > 100;
  const unitColumns = repeated > 0 ? `A:${columnLetters(repeated - 1)}` : undefined;
  const print: PrintSpec = {
    landscape: wide,
    fitToWidth: true,
    ...(pagesWide > 1 ? { pagesWide } : {}),
    ...(headerRow > 0 ? { repeatRows: `${headerRow}:${headerRow}` } : {}),
    ...(unitColumns ? { repeatColumns: unitColumns } : {}),
    header: { center: `${title} – ${sheet.name}` },
    footer: PAGE_OF_PAGES,
  };
  return { ...sheet, print };
}

/**
 * Width units (characters, before the writer's padding) one A4 landscape page takes at a readable
 * size: KL226-BC/1's Tổng hợp is 198 and prints at ≈ 6,2 pt through LibreOffice, 215 ≈ 5,7 pt.
 */
const READABLE_PAGE_WIDTH = 215;

/**
 * The sheets whose columns grow with the form's indicators: the only ones printed more than one
 * page wide (a list such as Nguồn stays on one page across, however small).
 */
const ACROSS: ReadonlySet<string> = new Set([SUMMARY_SHEETS.summary, SUMMARY_SHEETS.values]);

/**
 * Pages across for a sheet `total` width units wide whose unit columns (`fixed` of them) repeat on
 * every page: one while it prints readably on one page, else as many as keep each page within
 * READABLE_PAGE_WIDTH. The CCHC form (14 indicators, 36 columns) would otherwise print ≈ 4,5 pt.
 */
function pagesAcross(total: number, fixed: number): number {
  if (total <= READABLE_PAGE_WIDTH) return 1;
  return Math.ceil((total - fixed) / Math.max(1, READABLE_PAGE_WIDTH - fixed));
}

/**
 * The columns certain to print on the first page: all of them one page wide; else those within an
 * even share of the pages' width (the repeated columns counted on every page), a little less for
 * the readers' own metrics. Fitted to N pages, a page holds at least that share, so they fit.
 */
function firstPageColumns(
  widths: readonly number[],
  total: number,
  fixed: number,
  pagesWide: number,
): number {
  if (pagesWide <= 1) return widths.length;
  const share = (0.97 * (total + (pagesWide - 1) * fixed)) / pagesWide;
  let used = 0;
  let n = 0;
  while (n < widths.length && used + widths[n]! <= share) used += widths[n++]!;
  return Math.max(1, n);
}

/**
 * The notes above a table (a single text in column A) merged across the table's first `span`
 * columns (those of its first printed page) and wrapped: left to overflow, a long note widens what
 * LibreOffice prints (and so shrinks the fit-to-width scale of the whole sheet), and a reader
 * scrolls sideways to read it; merged past the first page, a title would print cut in two. With
 * `from` > 0 each such text moves to that column (the first after the repeated unit columns).
 */
function notesWithinTable(sheet: SheetSpec, from: number, span: number): SheetSpec {
  const headerRow = (sheet.freeze?.rows ?? 0) - 1;
  const widths = (sheet.columnWidths ?? []).slice(from, span);
  const last = from + widths.length - 1;
  if (headerRow <= 0 || last <= from) return sheet;
  const total = sum(widths);
  const rows = sheet.rows.map((row) => [...row]);
  const merges = [...(sheet.merges ?? [])];
  const rowHeights = { ...sheet.rowHeights };
  for (let r = 0; r < headerRow; r++) {
    const row = rows[r] ?? [];
    const only = row[0];
    if (!only || typeof only.value !== "string" || row.slice(1).some((c) => c !== null && c !== undefined))
      continue;
    const size = only.style?.size ?? 11;
    // Characters per line at this size (a width unit is one 11-pt character); a little slack for italics.
    const perLine = Math.max(10, Math.floor((total * 11) / size) - 4);
    const lines = wrappedLines(only.value, perLine);
    if (from === 0 && lines <= 1 && only.value.length <= widths[0]!) continue;
    rows[r] = [
      ...Array<null>(from).fill(null),
      { ...only, style: { ...only.style, wrap: true, vAlign: "top" } },
    ];
    merges.push(`${columnLetters(from)}${r + 1}:${columnLetters(last)}${r + 1}`);
    if (lines > 1) rowHeights[r] = Math.ceil(lines * size * 1.35);
  }
  return { ...sheet, rows, merges, rowHeights };
}

/** A count column's header in Số liệu (also how `--previous SUMMARY.xlsx` finds it again). */
export function countHeader(
  label: string,
  column: "previous" | "current",
  previousHeader = "cùng kỳ năm trước",
): string {
  return `${label} (${column === "current" ? "kỳ này" : previousHeader.toLowerCase()})`;
}

/** Column A of the province row in Tổng hợp, below the unit rows (a province's Sở Nội vụ). */
export const PROVINCE_CODE = "TOÀN TỈNH";

/** Column A labels the total row has had or may have: what --previous skips when it reads a summary back. */
export const TOTAL_ROW_CODES: ReadonlySet<string> = new Set([PROVINCE_CODE, "TOÀN THÀNH PHỐ", "TÍNH CHUNG"]);

/**
 * The total row's labels, by who consolidates: the Sở Nội vụ sums the whole province ("TOÀN TỈNH",
 * "TOÀN THÀNH PHỐ" under a city's People's Committee); any other body sums its own units, so its
 * row is "TÍNH CHUNG", as the report words it (a Sở An toàn thực phẩm's summary said "Toàn tỉnh").
 */
export function totalRowLabels(profile: Profile, units: number | string): { code: string; name: string } {
  const org = profile.organisation;
  const what = typeof units === "number" ? `${units} đơn vị` : units;
  if (!/^sở nội vụ(?:\s|$)/iu.test(org.sender.trim()))
    return { code: "TÍNH CHUNG", name: `Tính chung (${what})` };
  const city = /^(?:ubnd|ủy ban nhân dân)\s+thành phố(?:\s|$)/iu.test(org.superior.trim());
  return city
    ? { code: "TOÀN THÀNH PHỐ", name: `Toàn thành phố (${what})` }
    : { code: PROVINCE_CODE, name: `Toàn tỉnh (${what})` };
}

/** What Thời hạn's "Trễ hạn (bản gửi lại)" means, under Tổng hợp's title when a row has it. */
const UPDATE_LEGEND =
  "“Trễ hạn (bản gửi lại)”: đơn vị đã gửi báo cáo đúng hạn; bản được dùng là bản sửa hoặc bản cập nhật gửi lại sau hạn (bản đầu ở trang “Nguồn”).";

/** What Thời hạn's "(xem lại ngày)" means, under Tổng hợp's title when a row has it. */
const DOUBTFUL_DATE_LEGEND =
  "“(xem lại ngày)”: ngày báo cáo nằm ngoài kỳ báo cáo (trước khi kỳ bắt đầu: có thể là báo cáo kỳ trước gửi lại; năm gõ nhầm…), nên đúng hạn hay trễ hạn chưa chắc; số liệu vẫn được tổng hợp, chi tiết ở trang “Lỗi”.";

/** A report date outside its period's bounds (UNLIKELY_DATE): its timeliness, and perhaps its figures, are in doubt. */
export function doubtfulDate(u: UnitSummary, period: Period | null): boolean {
  return period !== null && isUnlikelyReportDate(u.reportDate, period);
}

/** Thời hạn's cell: on time, late, late as an update, each "(xem lại ngày)" when the date is in doubt. */
function timelinessCell(u: UnitSummary, period: Period | null): CellSpec {
  const doubtful = doubtfulDate(u, period);
  const mark = lateMark(u);
  const said = mark !== undefined ? `Trễ hạn (${mark})` : u.late ? "Trễ hạn" : "Đúng hạn";
  return text(
    doubtful ? `${said} (xem lại ngày)` : said,
    u.late || doubtful
      ? merge(mark !== undefined || doubtful ? merge(CENTER, WRAP) : CENTER, LATE_FILL)
      : CENTER,
  );
}

/**
 * Said under the Số liệu title of every summary: how a roll-up's row is marked. Next year's
 * `--previous` reads a summary that says it as one whose unmarked rows are each a unit's own report.
 */
export const ROLLUP_LEGEND = "Báo cáo tổng hợp của nhiều đơn vị ghi “(tổng hợp N đơn vị)” sau tên.";

/**
 * How the Nguồn sheet names the units an accepted roll-up sums (its "Lý do" cell): read back by next
 * year's --previous, which compares a roll-up only with one of the same units.
 */
export const ROLLUP_SOURCES_PREFIX = "Báo cáo tổng hợp của các đơn vị: ";

function periodLine(c: Consolidation): string {
  const period = c.period
    ? `Kỳ báo cáo: ${periodLabel(c.period)}${c.deadline ? `; hạn nộp ${viDate(c.deadline)}` : ""}.`
    : "Không xác định được kỳ báo cáo (không có tệp nào khai kỳ và năm hợp lệ).";
  const missing = c.rosterGiven ? `; chưa nộp: ${c.missing.length} đơn vị` : "";
  const otherOnly = otherPeriodOnlyUnits(c).length;
  const returned = `; bị trả lại: ${sentBackUnits(c).length} đơn vị${otherOnly > 0 ? `; chỉ gửi báo cáo kỳ khác: ${otherOnly} đơn vị` : ""}`;
  const inRollup =
    c.inRollup.length > 0 ? `; đã tính trong báo cáo tổng hợp khác: ${c.inRollup.length} tệp` : "";
  const replaced = replacedFiles(c).size;
  // A returned unit's earlier files, its latest also returned: counted as the terminal and Lỗi count them.
  const resent = replacedByLaterReturned(c).size;
  const other = c.rejected.filter((r) => otherPeriodReport(r, c.period)).length;
  const aside = [
    ...(replaced > 0 ? [`${replaced} tệp đã có tệp hợp lệ thay`] : []),
    ...(resent > 0 ? [MSG.resentAlsoRejected(resent)] : []),
    ...(other > 0 ? [`${other} tệp là báo cáo kỳ khác`] : []),
  ];
  const rejected = `từ chối ${c.rejected.length} tệp${aside.length > 0 ? ` (${aside.join(", ")})` : ""}`;
  return `${period} Đã tổng hợp ${c.units.length} báo cáo; ${rejected}; trùng ${c.duplicates.length} tệp${inRollup}${missing}${returned}; trễ hạn: ${c.province.late} đơn vị.`;
}

interface CountColumn {
  readonly code: string;
  readonly column: "previous" | "current";
  readonly header: string;
  readonly percent: boolean;
}

/** Số liệu's count columns: reduction bases show both columns, every other count this period only. */
export function summaryCountColumns(form: Form): CountColumn[] {
  const bases = reductionBases(form);
  return form.counts.flatMap((f) =>
    (bases.has(f.code) ? (["previous", "current"] as const) : (["current"] as const)).map((column) => ({
      code: f.code,
      column,
      header: countHeader(f.label, column, form.previousHeader),
      percent: f.type === "percent",
    })),
  );
}

/** "; mức độ hài lòng bình quân theo số phiếu" for a form whose indicators include reported percents, else "". */
function weightedNote(form: Form): string {
  const shorts = form.indicators.filter((i) => i.kind === "percent").map((i) => i.short.toLowerCase());
  return shorts.length === 0 ? "" : `; ${shorts.join(", ")} bình quân theo số phiếu`;
}

/** " Giải ngân vốn: chỉ đánh giá ở báo cáo năm; kỳ này ghi số để theo dõi.": an indicator this period does not judge. */
export function notJudgedThisPeriod(c: Pick<Consolidation, "form" | "period">): string {
  return c.form.indicators
    .filter((ind) => !judgedInPeriod(ind, c.period?.kind))
    .map((ind) => ` ${ind.short}: chỉ đánh giá ở ${judgedPeriodsText(ind)}; kỳ này ghi số để theo dõi.`)
    .join("");
}

/**
 * " Dòng tổng của Giảm hội nghị tính trên 3/4 đơn vị có số cùng kỳ năm trước (từ 200 xuống 180), …":
 * a reduction's total leaves out units with no baseline (pooledUnits), so it is not the ratio of the
 * Số liệu sheet's sums beside it; said when some unit is left out (an auditor recomputed it from the sums).
 */
export function reductionPoolNote(c: Pick<Consolidation, "form" | "units" | "province" | "period">): string {
  const parts = c.form.indicators.flatMap((ind) => {
    if (ind.kind !== "reduction" || !judgedInPeriod(ind, c.period?.kind)) return [];
    const reported = c.units.filter((u) => pairOf(u.values, ind.of).current !== null).length;
    const pooled = c.province.pooled[ind.id] ?? 0;
    const sums = pooledReductionSums(ind, c.units);
    if (pooled === reported || sums === null) return [];
    return [
      `${ind.short} tính trên ${viInteger(pooled)}/${viInteger(reported)} báo cáo có số cùng kỳ năm trước (từ ${viInteger(sums.previous)} xuống ${viInteger(sums.current)})`,
    ];
  });
  return parts.length === 0
    ? ""
    : ` Dòng tổng của ${parts.join("; ")}: báo cáo không có số cùng kỳ năm trước (cột D bằng 0 hoặc trống) không có mức giảm để tính.`;
}

function summarySheet(c: Consolidation, profile: Profile): SheetSpec {
  const form = c.form;
  const legend =
    `Mục tiêu áp dụng theo hồ sơ ${profile.name}: ` +
    form.indicators.map((ind) => `${ind.short} ${targetText(ind)}`).join("; ") +
    `. Ô đỏ: không đạt; ô xanh: đạt; “—”: không đánh giá được (mẫu số bằng 0, chưa điền hoặc chỉ tiêu không áp dụng cho loại đơn vị). Dòng tổng tính tỷ lệ từ tổng số (không lấy trung bình các tỷ lệ${weightedNote(form)}). Số liệu từng đơn vị ở trang “Số liệu”.` +
    notJudgedThisPeriod(c) +
    reductionPoolNote(c) +
    (c.units.some((u) => rollupUnits(u) > 0) ? ` ${ROLLUP_LEGEND}` : "") +
    (c.units.some((u) => u.firstReportDate) ? ` ${UPDATE_LEGEND}` : "") +
    (c.units.some((u) => doubtfulDate(u, c.period)) ? ` ${DOUBTFUL_DATE_LEGEND}` : "");
  const header = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Ngày báo cáo",
    "Thời hạn",
    ...form.indicators.flatMap((ind) => [`${ind.short} (${targetText(ind)})`, `${ind.short}: đánh giá`]),
    "Nhiệm vụ: tổng số",
    "Nhiệm vụ: hoàn thành",
    "Nhiệm vụ: quá hạn",
  ].map((h) => cell(h, HEAD));

  const unitRows = c.units.map((u) => [
    text(u.code),
    text(rollupName(u), WRAP),
    text(u.type, WRAP),
    cell({ date: u.reportDate }, DATE),
    timelinessCell(u, c.period),
    ...form.indicators.flatMap((ind) => {
      const r = u.indicators[ind.id];
      const status = r?.status ?? "na";
      return [
        num(r?.value ?? null, statusStyle(valueStyle(ind, r), status)),
        text(STATUS_LABELS[status], statusStyle(CENTER_WRAP, status)),
      ];
    }),
    num(u.tasks.total),
    num(u.tasks.done),
    num(u.tasks.overdue, u.tasks.overdue > 0 ? merge(NUM, SHORT_FILL) : NUM),
  ]);

  const p = c.province;
  const bold = (s: CellStyle): CellStyle => merge(s, PROVINCE);
  const total = totalRowLabels(profile, countedUnitsPhrase(c));
  const provinceRow = [
    text(total.code, bold(TEXT)),
    text(total.name, bold(WRAP)),
    text("", bold(TEXT)),
    text("", bold(TEXT)),
    text(`${p.late} trễ hạn`, bold(CENTER)),
    ...form.indicators.flatMap((ind) => {
      const r = p.indicators[ind.id];
      const n = p.counts[ind.id] ?? { met: 0, short: 0, na: 0 };
      return [
        num(r?.value ?? null, statusStyle(bold(valueStyle(ind, r)), r?.status ?? "na")),
        // One count a line: in the narrow verdict column "/"-joined counts broke mid-phrase. (The
        // province's verdict in words above them made the CCHC total row so tall that it printed
        // alone on two more pages: docs/DECISIONS.md, session 26.)
        // Units not judged only when there are any ("0 —" read as a code); "—" as the legend says
        // (words there made the CCHC total row taller than its pages again).
        text(
          [`${n.met} đạt`, `${n.short} không đạt`, ...(n.na > 0 ? [`${n.na} —`] : [])].join("\n"),
          bold(CENTER_WRAP),
        ),
      ];
    }),
    num(sum(c.units.map((u) => u.tasks.total)), bold(NUM)),
    num(sum(c.units.map((u) => u.tasks.done)), bold(NUM)),
    num(sum(c.units.map((u) => u.tasks.overdue)), bold(NUM)),
  ];

  // The title and its period as the page header joins the title and the sheet: a spaced en dash.
  const title = summaryTitle(form, c.period, " – ").toUpperCase();
  const headerRow = 5;
  const lastUnitRow = headerRow + c.units.length;
  const rows = [
    [cell(title, TITLE)],
    [cell(periodLine(c), NOTE)],
    [cell(legend, NOTE)],
    [],
    header,
    ...unitRows,
    // An empty row between the units and the total: a pivot table or a formula started from one
    // unit's cell takes the block of units Excel finds around it, and would count the total again.
    [],
    provinceRow,
  ];
  // Narrow columns (headers, names, unit types and verdicts wrap; a number widens its column to
  // fit), so the sheet prints one page wide at a readable scale: 24 columns of KL226-BC/1 print at
  // ≈ 6 pt on A4 landscape, against ≈ 4.8 pt when nothing but the headers wrapped.
  const fixed: Record<number, number> = { 1: 18, 2: 9, 3: 10.5, 4: 8 };
  form.indicators.forEach((_, i) => {
    fixed[5 + 2 * i] = 7;
    fixed[6 + 2 * i] = 6.5;
  });
  for (let i = 0; i < 3; i++) fixed[5 + 2 * form.indicators.length + i] = 7.5;
  return {
    name: SUMMARY_SHEETS.summary,
    rows,
    ...sized(rows, headerRow - 1, fixed, { [headerRow - 1]: 105 }),
    freeze: { rows: headerRow, cols: 2 },
    // The province row stays outside the filter so sorting the units never moves it.
    autoFilter: `A${headerRow}:${columnLetters(header.length - 1)}${Math.max(lastUnitRow, headerRow)}`,
  };
}

/**
 * A pooled rate (the total row's weighted mean, 95,995) with as many decimals as its indicator's verdict
 * needs (SPEC §9): with the units' two, a short 95,995 would read 96,00 beside a ≥ 96% target.
 */
function pooledRateStyle(c: Consolidation, k: CountColumn, style: CellStyle): CellStyle {
  const ind = c.form.indicators.find((i) => i.kind === "percent" && i.rate === k.code);
  const r = ind ? c.province.indicators[ind.id] : undefined;
  if (!k.percent || k.column !== "current" || !ind || !r || r.value === null || r.status === "na")
    return style;
  // The decimals the fraction's percent needs (0.95995 → 3) are the percentage's own.
  const decimals = honestPercentDecimals(r.value, ind.target, ind.comparison, { met: r.status === "met" });
  return decimals <= 2 ? style : withNumFmt(style, `0.${"0".repeat(decimals)}`);
}

/** Số liệu: each unit's counts as reported (reduction bases in both columns), and their sums. */
function valuesSheet(c: Consolidation, profile: Profile): SheetSpec {
  const total = totalRowLabels(profile, countedUnitsPhrase(c));
  const countColumns = summaryCountColumns(c.form);
  const countCell = (
    k: CountColumn,
    value: number | null,
    style: (s: CellStyle) => CellStyle = (x) => x,
  ): CellSpec => num(value, style(k.percent ? PERCENT_COUNT : NUM));
  const header = ["Mã đơn vị", "Tên đơn vị", ...countColumns.map((k) => k.header)].map((h) => cell(h, HEAD));
  const bold = (s: CellStyle): CellStyle => merge(s, PROVINCE);
  const headerRow = 3;
  const rows: Array<Array<CellSpec | null>> = [
    [cell("SỐ LIỆU CÁC ĐƠN VỊ BÁO CÁO", TITLE)],
    [
      cell(
        `${periodLine(c)} Dòng tổng: cộng các đơn vị đã điền (ô để trống không tính là 0)${c.form.counts.some((f) => f.type === "percent") ? "; tỷ lệ phần trăm bình quân theo số phiếu" : ""}. ${ROLLUP_LEGEND}`,
        NOTE,
      ),
    ],
    header,
    ...c.units.map((u) => [
      text(u.code),
      text(rollupName(u), WRAP),
      ...countColumns.map((k) => countCell(k, pairOf(u.values, k.code)[k.column])),
    ]),
    // Apart from the units, as on Tổng hợp: a pivot table of the units never counts the total too.
    [],
    [
      text(total.code, bold(TEXT)),
      text(total.name, bold(WRAP)),
      ...countColumns.map((k) =>
        countCell(k, pairOf(c.province.values, k.code)[k.column], (x) => bold(pooledRateStyle(c, k, x))),
      ),
    ],
  ];
  const fixed: Record<number, number> = { 1: 28 };
  countColumns.forEach((_, i) => (fixed[2 + i] = 10));
  return {
    name: SUMMARY_SHEETS.values,
    rows,
    ...sized(rows, headerRow - 1, fixed, { [headerRow - 1]: 105 }),
    freeze: { rows: headerRow, cols: 2 },
    autoFilter: `A${headerRow}:${columnLetters(header.length - 1)}${Math.max(headerRow, headerRow + c.units.length)}`,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function shortfallSheet(c: Consolidation): SheetSpec {
  const header = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Chỉ tiêu",
    "Giá trị đạt được",
    "Mục tiêu",
    "Số còn thiếu",
    "Đơn vị tính",
    "Diễn giải",
  ].map((h) => cell(h, HEAD));
  // Each indicator with its target as the plan writes it ("≥ 95%"), never a number that could read like a result.
  const byId = new Map(c.form.indicators.map((ind) => [ind.id, { ind, target: targetText(ind) }]));
  const rows: Array<Array<CellSpec | null>> = [
    [cell("CÁC CHỈ TIÊU KHÔNG ĐẠT", TITLE)],
    [
      cell(
        c.shortfalls.length === 0
          ? "Không có chỉ tiêu nào không đạt."
          : `${c.shortfalls.length} trường hợp không đạt. ${periodLine(c)}`,
        NOTE,
      ),
    ],
    header,
    ...c.shortfalls.flatMap((s) => {
      const found = byId.get(s.indicator);
      if (!found) return [];
      const { ind, target } = found;
      return [
        [
          text(s.unit),
          text(s.unitName, WRAP),
          text(ind.label, WRAP),
          num(s.value, merge(valueStyle(ind, { value: s.value, status: "short" }), SHORT_FILL)),
          text(target, CENTER),
          s.gap === null ? text("—", CENTER) : num(s.gap, merge(NUM, SHORT_FILL)),
          // No countable gap (a rate): no unit either ("— phiếu" read as a count of forms).
          text(s.gap === null ? "" : ind.itemUnit),
          text(gapSentence(ind, s.gap, s.value), WRAP),
        ],
      ];
    }),
  ];
  return {
    name: SUMMARY_SHEETS.shortfalls,
    rows,
    ...sized(rows, 2, { 1: 34, 2: 36, 7: 44 }),
    freeze: { rows: 3, cols: 2 },
    autoFilter: `A3:H${Math.max(3, 3 + c.shortfalls.length)}`,
  };
}

function taskSheet(c: Consolidation): SheetSpec {
  const header = [
    "STT",
    "Nội dung nhiệm vụ",
    "Thời hạn",
    "Hoàn thành",
    "Trong đó: hoàn thành quá hạn",
    "Đang thực hiện",
    "Chưa thực hiện",
    "Quá hạn",
    "Không có trong báo cáo",
  ].map((h) => cell(h, HEAD));
  const rows: Array<Array<CellSpec | null>> = [
    [cell("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", TITLE)],
    [
      cell(
        `Số đơn vị theo tình trạng của từng nhiệm vụ (${c.units.length} báo cáo được tổng hợp). “Hoàn thành” gồm cả hoàn thành quá hạn (đếm riêng ở cột bên cạnh). Quá hạn: thời hạn trước ngày báo cáo mà chưa hoàn thành (đã gồm trong “Đang thực hiện” hoặc “Chưa thực hiện”). Dòng “Nhiệm vụ đơn vị tự bổ sung” đếm số nhiệm vụ, không phải số đơn vị.`,
        NOTE,
      ),
    ],
    header,
    ...c.tasks.map((t) => [
      t.index === null ? text("—", CENTER) : num(t.index, { ...NUM, hAlign: "center" }),
      text(t.content, t.index === null ? { ...WRAP, italic: true } : WRAP),
      text(t.deadlineText, WRAP),
      num(t.done),
      num(t.doneLate),
      num(t.inProgress),
      num(t.notStarted),
      num(t.overdue, t.overdue > 0 ? merge(NUM, SHORT_FILL) : NUM),
      t.index === null ? text("") : num(t.absent),
    ]),
  ];
  if (c.ownTasks.length > 0) {
    rows.push([], [cell("Nhiệm vụ đơn vị tự bổ sung", SUBTITLE)]);
    rows.push(
      ["Mã đơn vị", "Nội dung nhiệm vụ", "Thời hạn", "Tình trạng", "Quá hạn"].map((h) => cell(h, HEAD)),
    );
    for (const t of c.ownTasks) {
      rows.push([
        text(t.unit),
        text(t.content, WRAP),
        text(t.deadlineText, WRAP),
        text(t.status),
        text(t.overdue ? "Quá hạn" : "", t.overdue ? merge(CENTER, SHORT_FILL) : CENTER),
      ]);
    }
  }
  return {
    name: SUMMARY_SHEETS.tasks,
    rows,
    ...sized(rows, 2, { 1: 70, 2: 24 }),
    freeze: { rows: 3, cols: 0 },
  };
}

/** The Chưa nộp sheet's heading of the units that sent only another period's report (history.ts reads it back). */
export const SUMMARY_OTHER_PERIOD_ONLY = "Đơn vị chỉ gửi báo cáo kỳ khác";

function missingSheet(c: Consolidation): SheetSpec {
  const rows: Array<Array<CellSpec | null>> = [[cell("ĐƠN VỊ CHƯA NỘP VÀ ĐƠN VỊ BỊ TRẢ LẠI BÁO CÁO", TITLE)]];
  let table: { header: number; last: number } | undefined;
  const widths: Record<number, number> = { 1: 40, 3: 40 };
  // Files and folders not opened here: said above the table (a line under it would be read as a code).
  const unopened = unopenedFiles(c);
  const unopenedNote = (): void => {
    if (unopened.length > 0) rows.push([cell(unopenedSentence(unopened), NOTE)]);
  };
  if (!c.rosterGiven) {
    rows.push([
      cell(
        "Không có danh sách đơn vị phải báo cáo (khi tổng hợp chưa chọn danh sách đơn vị, hồ sơ cấu hình cũng không có), nên không xác định được đơn vị chưa nộp.",
        NOTE,
      ),
    ]);
    unopenedNote();
  } else if (c.missing.length === 0) {
    rows.push([cell("Chưa nộp: không có. Mọi đơn vị trong danh sách đã gửi báo cáo.", NOTE)]);
    unopenedNote();
  } else {
    rows.push([cell(`Chưa nộp: ${c.missing.length} đơn vị trong danh sách chưa gửi tệp báo cáo nào.`, NOTE)]);
    // Files no unit could be told for: a missing unit may have sent one (a .pdf, a .rar).
    const unplaced = unplacedRejected(c);
    if (unplaced.length > 0)
      rows.push([
        cell(
          MSG.unplacedFiles(unplaced.length, unplaced.map((f) => `“${baseName(f.file)}”`).join(", ")),
          NOTE,
        ),
      ]);
    unopenedNote();
    const maybe = new Map(
      unplaced.flatMap((f) => (f.maybe ? [[f.maybe.code, baseName(f.file)] as const] : [])),
    );
    // A file named for the unit that gives another's code: its report may be that one.
    const arrived = arrivedUnderOtherNotes(c);
    const arrivedNote = (code: string): string => {
      const note = arrived.get(code);
      return note === undefined ? "" : `${sentenceCase(note)}.`;
    };
    rows.push(
      [
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại đơn vị",
        ...(maybe.size > 0 ? ["Có thể đã gửi (tệp bị từ chối)"] : []),
        ...(arrived.size > 0 ? ["Ghi chú"] : []),
      ].map((h) => cell(h, HEAD)),
    );
    table = { header: rows.length, last: rows.length + c.missing.length };
    if (arrived.size > 0) widths[maybe.size > 0 ? 4 : 3] = 46;
    for (const u of c.missing)
      rows.push([
        text(u.code),
        text(u.name, WRAP),
        text(u.type),
        ...(maybe.size > 0 ? [text(maybe.get(u.code) ?? "", WRAP)] : []),
        ...(arrived.size > 0 ? [text(arrivedNote(u.code), WRAP)] : []),
      ]);
  }
  // Only another period's own report received: nothing was sent back, this period's report is missing.
  const otherOnly = otherPeriodOnlyUnits(c);
  if (otherOnly.length > 0) {
    rows.push(
      [],
      [cell(SUMMARY_OTHER_PERIOD_ONLY, SUBTITLE)],
      [
        cell(
          `${otherOnly.length} đơn vị chưa có báo cáo ${c.period ? periodText(c.period) : "kỳ này"}: tệp đã gửi là báo cáo của kỳ khác, không tổng hợp vào kỳ này (không cần sửa tệp đó).`,
          NOTE,
        ),
      ],
      ["Mã đơn vị", "Tên đơn vị", "Trong danh sách", "Tệp đã gửi (kỳ của tệp)"].map((h) => cell(h, HEAD)),
    );
    for (const u of otherOnly)
      rows.push([
        text(u.code),
        text(u.name, WRAP),
        text(u.onRoster ? "Có" : "Không", CENTER),
        text(
          otherPeriodFilesOf(c, u)
            .map((f) => `${f.file} (${f.period ? periodText(f.period) : "kỳ khác"})`)
            .join("; "),
          WRAP,
        ),
      ]);
  }
  const sentBack = sentBackUnits(c);
  rows.push([], [cell("Đơn vị bị trả lại báo cáo", SUBTITLE)]);
  if (sentBack.length === 0)
    rows.push([
      cell(
        otherOnly.length > 0 ? "Không có." : "Không có: mọi đơn vị đã gửi đều có báo cáo được chấp nhận.",
        NOTE,
      ),
    ]);
  else {
    rows.push([
      cell(
        `${sentBack.length} đơn vị đã gửi tệp nhưng mọi tệp đều bị từ chối (lý do ở trang “Lỗi”); đây không phải là “chưa nộp”.`,
        NOTE,
      ),
    ]);
    rows.push(["Mã đơn vị", "Tên đơn vị", "Trong danh sách", "Tệp bị từ chối"].map((h) => cell(h, HEAD)));
    for (const u of sentBack)
      rows.push([
        text(u.code),
        text(u.name, WRAP),
        text(u.onRoster ? "Có" : "Không", CENTER),
        text(u.files.join("; "), WRAP),
      ]);
  }
  return {
    name: SUMMARY_SHEETS.missing,
    rows,
    ...sized(rows, 2, widths),
    ...(table
      ? { freeze: { rows: table.header, cols: 0 }, autoFilter: `A${table.header}:C${table.last}` }
      : {}),
  };
}

/** Lỗi's "Xử lý" of a rejected file beside its unit's accepted one, by when it was sent. */
const BESIDE_ACCEPTED_STATUS: Readonly<Record<SentWhen, string>> = {
  before: "Từ chối (đã có tệp hợp lệ)",
  after: "Từ chối (bản gửi sau; đang dùng bản gửi trước)",
  sameDay: "Từ chối (cùng ngày với tệp hợp lệ đang dùng)",
};
/** The same day as the accepted report, byte for byte another of the unit's files: one version sent twice. */
const SENT_TWICE_STATUS = "Từ chối (gửi hai lần; cùng ngày với tệp hợp lệ đang dùng)";

/**
 * A rejected file's "Xử lý", on the Lỗi sheet and Nguồn alike: what became of it beside its unit's
 * other files (a roll-up counted it, another period's report, a later file replaced it), else "Từ chối".
 */
function rejectedStatus(c: Consolidation): (r: RejectedFile) => string {
  const asideOf = rejectedAsides(c);
  return (r) => {
    const aside = asideOf(r);
    switch (aside.kind) {
      case "none":
        return "Từ chối";
      // Its unit reported inside a roll-up: rejected, with nothing to send again. Another period's
      // own report: kept for that period's round, nothing to mend.
      case "inRollup":
        return "Từ chối (đã tính trong tổng hợp)";
      case "otherPeriod":
        return "Từ chối (báo cáo kỳ khác, để riêng)";
      case "laterReturned":
        return aside.later.sha256 === r.sha256
          ? "Từ chối (giống hệt bản gửi sau)"
          : "Từ chối (đã có bản gửi sau)";
      case "besideAccepted":
        return aside.twin === undefined ? BESIDE_ACCEPTED_STATUS[aside.sent] : SENT_TWICE_STATUS;
    }
  };
}

function errorSheet(c: Consolidation): SheetSpec {
  const replacedCount = replacedFiles(c).size;
  const resent = replacedByLaterReturned(c);
  const statusOf = rejectedStatus(c);
  const header = ["Tệp", "Mã đơn vị", "Xử lý", "Mã lỗi", "Mức độ", "Trang", "Ô", "Nội dung"].map((h) =>
    cell(h, HEAD),
  );
  const sev = (s: Severity): CellSpec =>
    text(SEVERITY_LABELS[s], s === "error" ? merge(CENTER, SHORT_FILL) : merge(CENTER, LATE_FILL));
  /** One finding of one file: what became of the file, then where and what. */
  const findingRow = (file: string, unit: string | null, status: string, f: Finding | Warning) => [
    text(file, WRAP),
    text(unit),
    text(status),
    text(f.code),
    sev(f.severity),
    text(f.sheet),
    text(f.cell),
    text(f.message, WRAP),
  ];
  const otherPeriod = new Set(c.rejected.filter((r) => otherPeriodReport(r, c.period)));
  const problemRows: Array<Array<CellSpec | null>> = [
    ...c.rejected.flatMap((r) => {
      const status = statusOf(r);
      // A template sent back unfilled: said on its first row, then its blank cells in two rows.
      const blank = blankNote(r, false);
      const said = blank === undefined ? [] : [finding("MISSING_VALUE", "error", null, null, blank)];
      // Another period's own report: its round will check its figures; here only why it is apart.
      const findings = otherPeriod.has(r)
        ? r.findings.filter((f) => f.code === "PERIOD_MISMATCH")
        : shownFindings(r.findings, r.blank);
      return [...said, ...findings].map((f) => findingRow(r.file, r.unit, status, f));
    }),
    ...c.duplicates.map((d) => findingRow(d.dropped, d.unit, "Trùng", d.finding)),
    ...c.inRollup.map((r) => findingRow(r.file, r.unit, "Đã tính trong tổng hợp", r.finding)),
  ];
  const inRollupNote =
    c.inRollup.length > 0
      ? `, ${c.inRollup.length} tệp của đơn vị đã được tính trong báo cáo tổng hợp khác nên không cộng thêm`
      : "";
  const rows: Array<Array<CellSpec | null>> = [
    [cell("TỆP BỊ TỪ CHỐI, TỆP TRÙNG VÀ CẢNH BÁO", TITLE)],
    [
      cell(
        problemRows.length === 0
          ? "Không có tệp bị từ chối hay trùng."
          : `${rejectedNote(c.rejected.length, replacedCount, otherPeriod.size, resent.size)}, ${c.duplicates.length} tệp trùng đơn vị không được tổng hợp${inRollupNote}.`,
        NOTE,
      ),
    ],
    header,
    ...problemRows,
  ];
  const firstBlockEnd = rows.length;
  rows.push([], [cell("Cảnh báo của các báo cáo được chấp nhận (không ảnh hưởng việc tổng hợp)", SUBTITLE)]);
  if (c.warnings.length === 0) rows.push([cell("Không có cảnh báo.", NOTE)]);
  else {
    rows.push(header);
    // A warning about a file left out as a duplicate (FILE_NAME_UNIT) is not about an accepted file.
    // By its hash where known: two files of one name (the page knows no folders) are one kept, one not.
    const dropped = new Set(c.duplicates.map((d) => `${d.dropped}\n${d.droppedSha256}`));
    const droppedNames = new Set(c.duplicates.map((d) => d.dropped));
    const isDropped = (w: Warning): boolean =>
      w.sha256 !== undefined ? dropped.has(`${w.file}\n${w.sha256}`) : droppedNames.has(w.file);
    for (const w of c.warnings)
      rows.push(findingRow(w.file, w.unit, isDropped(w) ? "Trùng" : "Chấp nhận", w));
  }
  return {
    name: SUMMARY_SHEETS.errors,
    rows,
    ...sized(rows, 2, { 0: 30, 7: 70 }),
    freeze: { rows: 3, cols: 0 },
    autoFilter: `A3:H${Math.max(3, firstBlockEnd)}`,
  };
}

/**
 * The Lỗi sheet's count of rejected files: what to mend, and how many need it no more (replaced by a
 * valid file since; another period's own report, `other`; or a returned unit's earlier file beside its
 * later one, also returned, `resent`).
 */
function rejectedNote(rejected: number, replaced: number, other = 0, resent = 0): string {
  if (other > 0 || resent > 0) {
    const parts = [
      ...(replaced > 0 ? [`${replaced} tệp của đơn vị đã gửi tệp hợp lệ`] : []),
      ...(resent > 0 ? [MSG.resentAlsoRejected(resent)] : []),
      ...(other > 0 ? [`${other} tệp là báo cáo của kỳ khác (để riêng cho đợt tổng hợp kỳ đó)`] : []),
    ].join(", ");
    return replaced + other + resent === rejected
      ? `${rejected} tệp bị từ chối, đều không cần sửa: ${parts}`
      : `${rejected} tệp bị từ chối (mỗi lỗi một dòng; sửa tất cả rồi gửi lại; không cần sửa: ${parts})`;
  }
  if (replaced === 0) return `${rejected} tệp bị từ chối (mỗi lỗi một dòng; sửa tất cả rồi gửi lại)`;
  if (replaced === rejected)
    return `${rejected} tệp bị từ chối, đều của đơn vị đã gửi tệp hợp lệ sau đó (không cần sửa nữa)`;
  return `${rejected} tệp bị từ chối (mỗi lỗi một dòng; sửa tất cả rồi gửi lại; ${replaced} tệp trong số đó của đơn vị đã gửi tệp hợp lệ, không cần sửa nữa)`;
}

function sourceSheet(c: Consolidation): SheetSpec {
  const header = [
    "Tệp",
    "SHA-256",
    "Mã đơn vị",
    "Tên đơn vị",
    "Kỳ báo cáo",
    "Ngày báo cáo",
    "Xử lý",
    "Lý do",
  ].map((h) => cell(h, HEAD));
  // The roll-ups among the accepted files (few), by file and hash: a lookup per source, not a search.
  const rollupSources = new Map(
    c.units.flatMap((u) => {
      const codes = rollupCodes(u);
      return codes.length > 0 ? [[`${u.file}\n${u.sha256}`, codes] as const] : [];
    }),
  );
  const rejectedOf = (file: string, sha: string): RejectedFile | undefined =>
    c.rejected.find((x) => x.file === file && x.sha256 === sha);
  // A returned file a later one replaced said so as on the Lỗi sheet: "Từ chối" alone is to mend.
  const statusOf = rejectedStatus(c);
  const said = (file: string, sha: string, status: SourceStatus): string => {
    const r = status === "rejected" ? rejectedOf(file, sha) : undefined;
    return r === undefined ? SOURCE_LABELS[status] : statusOf(r);
  };
  const reason = (file: string, sha: string, status: SourceStatus): string => {
    if (status === "rejected") {
      const r = rejectedOf(file, sha);
      const first = r?.findings.find((f) => f.severity === "error") ?? r?.findings[0];
      return first ? `${first.code}: ${first.message}` : "";
    }
    if (status === "duplicate") {
      const d = c.duplicates.find((x) => x.dropped === file && x.droppedSha256 === sha);
      // A file of the same name (two e-mails' attachments; the page knows no folders): told by its hash.
      const keptSha = d && d.kept === file ? c.units.find((u) => u.code === d.unit)?.sha256 : undefined;
      return `Trùng đơn vị; dùng tệp ${d?.kept ?? ""}${keptSha ? ` khác cùng tên (SHA-256 ${keptSha.slice(0, 12)}…)` : ""}`;
    }
    if (status === "accepted") {
      const codes = rollupSources.get(`${file}\n${sha}`);
      return codes ? `${ROLLUP_SOURCES_PREFIX}${codes.join("; ")}` : "";
    }
    if (status === "in-rollup") {
      const r = c.inRollup.find((x) => x.file === file && x.sha256 === sha);
      // Named as the IN_ROLLUP line and the letters name it ("của Sở Y tế (tệp SO_Y_TE.xlsx)").
      return r ? `Đã tính trong báo cáo tổng hợp của ${r.rollupName} (tệp ${baseName(r.rollup)})` : "";
    }
    return "";
  };
  // A roster left among the reports: set aside, not read as a report, so not among the files read;
  // listed last, as the terminal's "Bỏ qua … tệp danh sách đơn vị" says it.
  const notReports = c.notReports ?? [];
  const asideNote =
    notReports.length > 0
      ? ` Ngoài ra bỏ qua ${notReports.length} tệp danh sách đơn vị (không phải báo cáo, ở cuối bảng).`
      : "";
  const rows: Array<Array<CellSpec | null>> = [
    [cell("NGUỒN DỮ LIỆU", TITLE)],
    [
      cell(
        `${c.sources.length} tệp đã đọc. Mã SHA-256 giúp đối chiếu đúng tệp đã nhận; tệp nguồn không bị sửa đổi.${asideNote}`,
        NOTE,
      ),
    ],
    header,
    ...c.sources.map((s) => [
      text(s.file, WRAP),
      text(s.sha256, HASH),
      text(s.unit),
      text(s.unitName, WRAP),
      text(s.period ? periodLabel(s.period) : "", WRAP),
      s.reportDate ? cell({ date: s.reportDate }, DATE) : text(""),
      text(
        said(s.file, s.sha256, s.status),
        s.status === "accepted"
          ? merge(CENTER, MET_FILL)
          : s.status === "rejected"
            ? merge(CENTER, SHORT_FILL)
            : merge(CENTER, LATE_FILL),
      ),
      text(reason(s.file, s.sha256, s.status), WRAP),
    ]),
    // Its SHA-256 as the files read have theirs: its bytes were read (and hashed) to tell it a roster.
    ...notReports.map(({ file, sha256, notUtf8 }) => [
      text(file, WRAP),
      text(sha256, HASH),
      text(""),
      text(""),
      text(""),
      text(""),
      text(NOT_REPORT_STATUS, merge(CENTER, LATE_FILL)),
      text(
        `Tệp danh sách đơn vị, không phải báo cáo: không tổng hợp, không tính vào số tệp đã đọc. Nên để danh sách đơn vị ngoài thư mục các báo cáo.${notUtf8 ? ` ${MSG.rosterAnsiSetAside([baseName(file)])}` : ""}`,
        WRAP,
      ),
    ]),
  ];
  return {
    name: SUMMARY_SHEETS.sources,
    rows,
    // "6 tháng đầu năm 2026" on two lines: the page across holds the file, the unit and the reason.
    ...sized(rows, 2, { 0: 36, 1: HASH_WIDTH, 3: 34, 4: 13, 7: 60 }),
    freeze: { rows: 3, cols: 1 },
    autoFilter: `A3:H${Math.max(3, 3 + c.sources.length + notReports.length)}`,
  };
}

/**
 * Widths that fit, and heights for rows whose wrapped cells need more than one line: written
 * files carry no automatic row height that every reader honours (LibreOffice keeps one line).
 * A height given in `heights` is a least height: a row whose text needs more still gets it.
 */
function sized(
  rows: ReadonlyArray<ReadonlyArray<CellSpec | null>>,
  headerRow: number,
  fixed: Readonly<Record<number, number>> = {},
  heights: Readonly<Record<number, number>> = {},
): { columnWidths: number[]; rowHeights: Record<number, number> } {
  const columnWidths = fitWidths(rows, headerRow, fixed);
  const rowHeights: Record<number, number> = { ...heights };
  rows.forEach((row, r) => {
    // The header row too: its labels wrap in columns sized for the data below them.
    if (r < headerRow) return;
    let lines = 1;
    row.forEach((c, i) => {
      if (!c?.style?.wrap || typeof c.value !== "string") return;
      // Bold letters are wider: a bold line holds about a tenth fewer characters.
      const room = (columnWidths[i] ?? 10) - 1;
      const perLine = Math.max(1, c.style.bold === true ? Math.floor(room * 0.9) : room);
      lines = Math.max(lines, wrappedLines(c.value, perLine));
    });
    if (lines > 1) rowHeights[r] = Math.min(MAX_ROW_HEIGHT, Math.max(heights[r] ?? 0, lines * 15));
  });
  return { columnWidths, rowHeights };
}

/**
 * Column widths that fit the content: the longest text below the header row (headers wrap, so
 * they count at most 16 characters), between 6 and 60 characters; `fixed` wins for text, but a
 * number below the header always fits its column (a number cannot wrap: Excel would show "####").
 */
function fitWidths(
  rows: ReadonlyArray<ReadonlyArray<CellSpec | null>>,
  headerRow: number,
  fixed: Readonly<Record<number, number>> = {},
): number[] {
  const widths: number[] = [];
  const numbers: number[] = [];
  rows.forEach((row, r) => {
    if (r < headerRow) return;
    row.forEach((c, i) => {
      if (!c) return;
      const length = displayLength(c);
      const cap = r === headerRow ? Math.min(length, 16) : length;
      widths[i] = Math.max(widths[i] ?? 6, cap + 2);
      if (r > headerRow && typeof c.value === "number") numbers[i] = Math.max(numbers[i] ?? 0, length + 1);
    });
  });
  return Array.from({ length: widths.length }, (_, i) =>
    Math.max(fixed[i] ?? Math.min(60, Math.max(6, widths[i] ?? 6)), numbers[i] ?? 0),
  );
}

/** 2 for "0.00%", 0 for "0%", undefined for a format that is not a plain percent. */
function percentDecimals(numFmt: string | undefined): number | undefined {
  const m = /^0(?:\.(0+))?%$/.exec(numFmt ?? "");
  return m ? (m[1]?.length ?? 0) : undefined;
}

function displayLength(c: CellSpec): number {
  const v = c.value;
  if (v === null) return 0;
  if (typeof v === "string")
    return v.includes("\n") ? Math.max(...v.split("\n").map((l) => l.length)) : v.length;
  if (typeof v === "number") {
    const decimals = percentDecimals(c.style?.numFmt);
    if (decimals !== undefined) {
      // "94,99995%": the whole percent's digits, the decimals after their comma, the sign.
      const whole = String(Math.trunc(Math.abs(v) * 100)).length;
      return whole + (decimals > 0 ? decimals + 1 : 0) + 1 + (v < 0 ? 1 : 0);
    }
    // Width of the number with thousands separators, without the (slow) locale formatter.
    const digits = String(Math.trunc(Math.abs(v))).length;
    return digits + Math.floor((digits - 1) / 3) + (v < 0 ? 1 : 0) + (Number.isInteger(v) ? 0 : 3);
  }
  if (typeof v === "boolean") return 5;
  if ("date" in v) return 10;
  return 10;
}
