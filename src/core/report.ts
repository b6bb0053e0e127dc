// The report the consolidating body sends up (SPEC §9, seed 003 IV): "BÁO CÁO Kết quả thực hiện …"
// for the period, laid out as Nghị định 30 asks, from the consolidation and the profile: I. how
// reporting went (by unit type), II. each indicator, III. the task list, IV. shortfalls and who has
// not reported, V. the units' difficulties and proposals quoted with their names, VI. a section for
// the analyst to write; then the appendices (per-unit table, shortfalls, missing and returned units).

import { SHEETS, UNIT_TYPES } from "./catalogue";
import {
  countedUnitsPhrase,
  lateMark,
  pooledReductionSums,
  pooledUnits,
  rollupName,
  unitsCovered,
} from "./consolidate";
import type { Consolidation, IndicatorResult, ReturnedUnit, Shortfall } from "./consolidation";
import { UNDATED_FIRST_MARK, UNDATED_FIRST_OPEN } from "./consolidation";
import { baseName } from "./file-names";
import {
  otherPeriodOnlyUnits,
  sentBackUnits,
  arrivedUnderOtherCode,
  contentNotRead,
  otherPeriodReport,
  replacedByLaterReturned,
} from "./file-fates";
import { viDate, type CivilDate } from "./dates";
import type { Finding, FindingCode } from "./findings";
import type {
  Block,
  DocumentSpec,
  ParagraphSpec,
  Run,
  SectionSpec,
  TableCellSpec,
  TableSpec,
} from "./docspec";
import {
  issuingBody,
  keptCopy,
  periodPhrase,
  recipientName,
  reportCode,
  reportersWord,
  resultsTitle,
  roundTypes,
  targetPhrase,
  valuePhrase,
} from "./documents";
import { countField, declaredPeriod, judgedInPeriod, judgedPeriodsText, type Indicator } from "./form";
import { pairOf } from "./judge";
import { honestPercentDistance, viInteger } from "./format";
import { MSG, viNumber } from "./messages";
import { gapText, indicatorValueText, isCountKind, shownGap, targetText } from "./indicator-text";
import { foldKey, compareText, matchKey } from "./text";
import { mismatchesByUnit, mismatchFigures, resultPhrase } from "./history";
import { doubtfulDate, notJudgedThisPeriod } from "./summary";
import {
  bodyHeading,
  bodyParagraph,
  officialDateText,
  officialDocument,
  OFFICIAL_PAGE,
  pursuant,
} from "./official";
import type { Profile, RosterUnit } from "./profile";

export interface ReportOptions {
  /** The report's date (the CLI's --letter-date). */
  readonly date: CivilDate;
  /** The roster the consolidation used, for the unit types of returned units and how many must report. */
  readonly roster?: readonly RosterUnit[];
}

export const REPORT_SECTIONS = [
  "I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO",
  "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
  "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
  "IV. CÁC CHỈ TIÊU CHƯA ĐẠT VÀ ĐƠN VỊ CHƯA BÁO CÁO",
  "V. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ",
  "VI. ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ",
] as const;

export const REPORT_APPENDICES = [
  { number: "Phụ lục I", title: "KẾT QUẢ CÁC CHỈ TIÊU CỦA TỪNG ĐƠN VỊ" },
  { number: "Phụ lục II", title: "CÁC CHỈ TIÊU CHƯA ĐẠT" },
  { number: "Phụ lục III", title: "ĐƠN VỊ CHƯA GỬI BÁO CÁO, BÁO CÁO BỊ TRẢ LẠI" },
] as const;

/** Names listed in a sentence before "… và N đơn vị khác (Phụ lục …)". */
const NAMES_IN_TEXT = 30;
/** Placeholder lines of section VI. */
const ANALYST_LINES = 12;
const TABLE_FONT = 12;
const NOT_ON_ROSTER = "Không có trong danh sách";
const UNKNOWN_TYPE = "Chưa xác định loại";

const para = (runs: Run[], options: Omit<ParagraphSpec, "kind" | "runs"> = {}): ParagraphSpec => ({
  kind: "paragraph",
  runs,
  ...options,
});
const cellText = (
  text: string,
  options: { bold?: boolean; italic?: boolean; align?: ParagraphSpec["align"]; size?: number } = {},
): TableCellSpec => ({
  blocks: text.split("\n").map((line) =>
    para([{ text: line, bold: options.bold, italic: options.italic, size: options.size ?? TABLE_FONT }], {
      align: options.align ?? "left",
    }),
  ),
  vAlign: "top",
});
const headCell = (text: string, size = TABLE_FONT): TableCellSpec => ({
  ...cellText(text, { bold: true, align: "center", size }),
  vAlign: "center",
});
const numberCell = (n: number | string, bold = false, size = TABLE_FONT): TableCellSpec =>
  cellText(typeof n === "number" ? viInteger(n) : n, { align: "center", bold, size });
/** An STT: a row's ordinal, never grouped ("2454", not "2.454", which no list numbers by). */
const ordinalCell = (n: number, size = TABLE_FONT): TableCellSpec =>
  cellText(String(n), { align: "center", size });

/**
 * The STT column's width (mm) for `count` rows at `size` pt: 12 mm, wider when the last ordinal
 * would not fit one line (a digit is half an em; the cell's margins take 3.8 mm). "2454" at 12 pt
 * broke as "245" over "4" in a 1,000-unit province's Phụ lục II.
 */
function ordinalWidth(count: number, size = TABLE_FONT): number {
  const digits = String(Math.max(1, count)).length;
  return Math.max(12, Math.ceil(digits * size * 0.5 * (25.4 / 72) + 3.8 + 0.5));
}

/**
 * A table's column widths (mm) whose first column is the STT, laid out for 12 mm: the STT widened for
 * `count` rows (ordinalWidth), the column at `giver` narrower by as much, so the table keeps its width.
 */
function withOrdinalColumn(
  widths: readonly number[],
  count: number,
  giver: number,
  size = TABLE_FONT,
): number[] {
  const stt = ordinalWidth(count, size);
  return widths.map((w, i) => (i === 0 ? stt : i === giver ? w - (stt - 12) : w));
}

function table(
  columnWidths: number[],
  header: ReadonlyArray<string | TableCellSpec>,
  rows: TableCellSpec[][],
  size = TABLE_FONT,
): TableSpec {
  return {
    kind: "table",
    borders: true,
    columnWidths,
    headerRows: 1,
    keepRowsWhole: true,
    rows: [header.map((h) => (typeof h === "string" ? headCell(h, size) : h)), ...rows],
  };
}

/**
 * An indicator's header in a narrow column: its name in bold, its target below in plain letters a
 * point smaller, so "≥ 100%" stays on one line (bold at the table's size it broke as "≥ 100" / "%").
 */
function narrowIndicatorHead(name: string, target: string, size: number): TableCellSpec {
  const head = headCell(name, size);
  return {
    ...head,
    blocks: [...head.blocks, para([{ text: target, size: size - 1 }], { align: "center" })],
  };
}

/** A table row whose paragraphs keep with the next: the row is printed on the same page as the row below. */
function keptWithRowBelow(row: TableCellSpec[]): TableCellSpec[] {
  return row.map((cell) => ({
    ...cell,
    blocks: cell.blocks.map((b) => (b.kind === "paragraph" ? { ...b, keepWithNext: true } : b)),
  }));
}

/**
 * "A, B và C" (Vietnamese lists), at most `limit` names, then "và N đơn vị khác (where)". When a
 * name itself holds a comma or "và" ("Sở Văn hóa, Thể thao và Du lịch"), the names are parted by
 * semicolons, the last too, so the list cannot be read as more units than it names.
 */
/** Shortfalls of one indicator, the value furthest from its target first (none last), else in code order. */
function furthestFirst(ind: Indicator): (a: Shortfall, b: Shortfall) => number {
  const lessIsBetter = ind.comparison.startsWith("<");
  return (a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return lessIsBetter ? b.value - a.value : a.value - b.value;
  };
}

/** "bản gửi lại; bản đầu gửi ngày 02/06/2026, đúng hạn": of a late report kept after an on-time one. */
function resentPhrase(first: CivilDate): string {
  return `bản gửi lại; bản đầu gửi ngày ${viDate(first)}, đúng hạn`;
}

function nameList(names: readonly string[], where: string, limit = NAMES_IN_TEXT): string {
  const shown = names.slice(0, limit);
  const semicolons = shown.some((n) => n.includes(",") || /(^|\s)và(\s|$)/.test(n));
  const rest = names.length - shown.length;
  if (semicolons) return [...shown, ...(rest > 0 ? [`${rest} đơn vị khác (${where})`] : [])].join("; ");
  if (rest > 0) return `${shown.join(", ")} và ${rest} đơn vị khác (${where})`;
  return shown.length <= 1
    ? (shown[0] ?? "")
    : `${shown.slice(0, -1).join(", ")} và ${shown[shown.length - 1] ?? ""}`;
}

/** The kinds a returned file is said by, in this order, then its "lỗi số liệu" counted. */
const REJECTION_ORDER = [
  "tệp không đọc được",
  "sai mẫu",
  "sai kỳ báo cáo",
  "lỗi thông tin chung",
  "lỗi danh mục nhiệm vụ",
] as const;
type RejectionKind = (typeof REJECTION_ORDER)[number];

/**
 * Each code's kind as Phụ lục III says why a file was returned, and section I the round's ("sai mẫu,
 * sai kỳ báo cáo, lỗi số liệu"); "data" errors are counted ("2 lỗi số liệu"). Every code is
 * decided here, so a new one cannot fall into "lỗi số liệu" unseen. A workbook not shaped as the
 * template is "sai mẫu" whatever was changed: a sheet or row missing or doubled, a template sheet
 * hidden beside one that is not the template's, a copy of one with other figures (the letters say
 * which). `null`: never an error (a warning only), so never a reason.
 */
const REJECTION_KINDS: Readonly<Record<FindingCode, RejectionKind | "data" | null>> = {
  UNREADABLE: "tệp không đọc được",
  NOT_OPENED: "tệp không đọc được",
  INTERNAL: "tệp không đọc được",
  NOT_TEMPLATE: "sai mẫu",
  FORM_MISMATCH: "sai mẫu",
  MISSING_FIELD: "sai mẫu",
  DUPLICATE_CODE: "sai mẫu",
  HIDDEN_SHEET: "sai mẫu",
  COPIED_SHEET: "sai mẫu",
  PERIOD_MISMATCH: "sai kỳ báo cáo",
  // On the Thông tin sheet "lỗi thông tin chung", on Nhiệm vụ "lỗi danh mục nhiệm vụ" instead (sheetKind).
  MISSING_VALUE: "data",
  BAD_VALUE: "data",
  INCONSISTENT: "data",
  TASK_STATUS: "data",
  COERCED: null,
  LOG_MISMATCH: null,
  MEETING_TOO_LONG: null,
  DUPLICATE_UNIT: null,
  IN_ROLLUP: null,
  ROLLUP_OVERLAP: null,
  UNKNOWN_UNIT: null,
  FILE_NAME_UNIT: null,
  OTHER_UNIT_NAME: null,
  PREVIOUS_MISMATCH: null,
  OUTLIER: null,
  STALE_FORMULA: null,
  LEGACY_TEXT: null,
  UNLIKELY_DATE: null,
  MERGED_CELLS: null,
  UNKNOWN_PROFILE: null,
};

const INFO_SHEET_KEY = matchKey(SHEETS.info);
const TASKS_SHEET_KEY = matchKey(SHEETS.tasks);

/**
 * An error's kind by its sheet, where it is no figure of the report: a blank or mistyped field of
 * Thông tin (Ngày báo cáo, Tên đơn vị, Loại đơn vị, Năm…) is "lỗi thông tin chung"; a task's status or
 * deadline on Nhiệm vụ "lỗi danh mục nhiệm vụ" (as "lỗi số liệu" the signer read a wrong count).
 */
function sheetKind(f: Finding): RejectionKind | undefined {
  if (f.sheet === null) return undefined;
  if ((f.code === "MISSING_VALUE" || f.code === "BAD_VALUE") && matchKey(f.sheet) === INFO_SHEET_KEY)
    return "lỗi thông tin chung";
  if (REJECTION_KINDS[f.code] === "data" && matchKey(f.sheet) === TASKS_SHEET_KEY)
    return "lỗi danh mục nhiệm vụ";
  return undefined;
}

/** A returned file's kinds, in REJECTION_ORDER, and how many "lỗi số liệu" it has. */
function rejectionKinds(findings: readonly Finding[]): { kinds: RejectionKind[]; data: number } {
  const kinds = new Set<RejectionKind>();
  let data = 0;
  for (const f of findings) {
    if (f.severity !== "error") continue;
    // (A code that is only ever a warning, were it an error one day, would be counted as data.)
    const kind = sheetKind(f) ?? REJECTION_KINDS[f.code] ?? "data";
    if (kind === "data") data++;
    else kinds.add(kind);
  }
  return { kinds: REJECTION_ORDER.filter((k) => kinds.has(k)), data };
}

/**
 * Why a file was returned, in section I's words: "tệp không đọc được", "sai mẫu", "sai kỳ báo cáo",
 * "2 lỗi số liệu", those that apply, in that order.
 * A bare "1 lỗi" told the report's reader nothing of a file on another form.
 */
function rejectionWords(findings: readonly Finding[]): string {
  const { kinds, data } = rejectionKinds(findings);
  return [...kinds, ...(data > 0 ? [`${viInteger(data)} lỗi số liệu`] : [])].join(", ");
}

/**
 * Why this round's returned units were returned, for section I: only the kinds Phụ lục III gives their
 * files, in its words and order ("sai mẫu, lỗi số liệu"), not every kind whichever occurred. A file that
 * is another period's report is no reason (Phụ lục III says whose period it is).
 */
function roundRejectionWords(c: Consolidation, units: readonly ReturnedUnit[]): string {
  const codes = new Set(units.map((u) => u.code));
  // A file its unit replaced by a later one (also returned) is no reason any more: Phụ lục III's.
  const resent = replacedByLaterReturned(c);
  const { kinds, data } = rejectionKinds(
    c.rejected
      .filter(
        (r) => r.unit !== null && codes.has(r.unit) && !otherPeriodReport(r, c.period) && !resent.has(r),
      )
      .flatMap((r) => r.findings),
  );
  return [...kinds, ...(data > 0 ? ["lỗi số liệu"] : [])].join(", ");
}

/** The code the report adds to a unit's name (or none), by consolidation (built once per report). */
const NAMERS = new WeakMap<Consolidation, (code: string, name: string) => string | undefined>();

/**
 * How the report names a unit: by its name, as the UBND knows it and as the appendices list it; its
 * code follows only where another unit of the round (consolidated, not sent, returned) bears the same
 * name ("Xã Tân Phú (XA_TAN_PHU_2)"), and never for a unit known by its code alone. A note (a value,
 * a count) shares the code's parentheses after a semicolon, "Xã Tân Phú (XA_TAN_PHU_2; 55,6%)": two
 * brackets in a row read as a slip, and a comma would run into the decimal comma.
 */
function unitName(c: Consolidation, code: string, name: string, note?: string): string {
  let namer = NAMERS.get(c);
  if (namer === undefined) {
    const codes = new Map<string, Set<string>>();
    for (const u of [...c.units, ...c.missing, ...c.returned]) {
      const key = foldKey(u.name);
      codes.set(key, (codes.get(key) ?? new Set()).add(u.code.toUpperCase()));
    }
    namer = (code, name) => (name !== code && (codes.get(foldKey(name))?.size ?? 0) > 1 ? code : undefined);
    NAMERS.set(c, namer);
  }
  const inBrackets = [namer(code, name), note].filter((s) => s !== undefined && s !== "");
  return inBrackets.length === 0 ? name : `${name} (${inBrackets.join("; ")})`;
}

/**
 * A missing unit's note of the files named for it that give another unit's code (arrivedUnderOtherCode),
 * each name quoted: IV.2 and Phụ lục III say it alike. "" when none.
 */
function arrivedNote(c: Consolidation): (u: { readonly code: string }) => string {
  const arrived = arrivedUnderOtherCode(c);
  return (u) =>
    (arrived.get(u.code) ?? []).map((f) => MSG.arrivedUnderOther(`“${f.file}”`, f.unit)).join("; ");
}

/** Units as the report lists them: by name (byName), each named as unitName says, with its note if any. */
function namesByName<T extends { readonly code: string; readonly name: string }>(
  c: Consolidation,
  units: readonly T[],
  note: (u: T) => string | undefined = () => undefined,
): string[] {
  return byName(
    units,
    (u) => u.name,
    (u) => u.code,
  ).map((u) => unitName(c, u.code, u.name, note(u)));
}

/** The type label of each unit code the report counts (accepted: as declared; others: the roster's). */
function typeTally(c: Consolidation, roster: readonly RosterUnit[] | undefined) {
  const rosterType = new Map((roster ?? []).map((u) => [u.code.toUpperCase(), u.type || UNKNOWN_TYPE]));
  const rows = new Map<
    string,
    {
      must: number;
      accepted: number;
      onTime: number;
      late: number;
      rolledUp: number;
      returned: number;
      missing: number;
      otherOnly: number;
    }
  >();
  const row = (type: string) => {
    let r = rows.get(type);
    if (!r)
      rows.set(
        type,
        (r = {
          must: 0,
          accepted: 0,
          onTime: 0,
          late: 0,
          rolledUp: 0,
          returned: 0,
          missing: 0,
          otherOnly: 0,
        }),
      );
    return r;
  };
  // A roster unit that reported inside another's roll-up: neither consolidated on its own nor missing.
  const rolledUp = new Set(c.rolledUp);
  for (const u of roster ?? []) {
    const r = row(u.type || UNKNOWN_TYPE);
    r.must += 1;
    if (rolledUp.has(u.code.toUpperCase())) r.rolledUp += 1;
  }
  // With a roster, a unit not on it is counted on its own row, as a returned one is: every roster
  // type's row then adds up (must = consolidated + through a roll-up + returned + not sent).
  // By the roster's type, as the unit's "must" row counts it (a file may declare another).
  for (const u of c.units) {
    const r = row(roster && !u.onRoster ? NOT_ON_ROSTER : (rosterType.get(u.code.toUpperCase()) ?? u.type));
    r.accepted += 1;
    if (u.late) r.late += 1;
    else r.onTime += 1;
  }
  // A unit that sent only another period's report has not sent this period's: not sent, not returned.
  // Without a roster nobody is "not on it", and a returned unit is of the type its file declares.
  for (const u of c.returned) {
    const r = row(
      rosterType.get(u.code) ?? (u.onRoster || !c.rosterGiven ? u.type || UNKNOWN_TYPE : NOT_ON_ROSTER),
    );
    // (Without a roster the table has no "Chưa gửi" column, which would read as all who have not
    // sent: such a unit has a column of its own, not the returned units', which section I counts apart.)
    if (u.otherPeriods === undefined) r.returned += 1;
    else if (c.rosterGiven) r.missing += 1;
    else r.otherOnly += 1;
  }
  for (const u of c.missing) row(u.type || UNKNOWN_TYPE).missing += 1;
  const order = [...UNIT_TYPES.map((t) => t.label as string), UNKNOWN_TYPE, NOT_ON_ROSTER];
  const rank = (t: string): number => (order.includes(t) ? order.indexOf(t) : UNIT_TYPES.length);
  return [...rows.entries()].sort(([a], [b]) => rank(a) - rank(b) || compareText(a, b));
}

function receptionSection(c: Consolidation, profile: Profile, options: ReportOptions): Block[] {
  const sender = profile.organisation.sender;
  const period = periodPhrase(c.period);
  const roster = options.roster;
  const onTime = c.units.filter((u) => !u.late).length;
  const late = c.units.length - onTime;
  const updated = c.units.filter((u) => u.firstReportDate).length;
  const offRoster = c.units.filter((u) => !u.onRoster).length;
  // Files not opened on the consolidating machine are said apart: their content, and so whose, is not known.
  const unopened = c.rejected.filter(contentNotRead).length;
  const anonymous = c.rejected.filter((r) => r.unit === null && !contentNotRead(r)).length;
  const tally = typeTally(c, c.rosterGiven ? roster : undefined);
  // Roster units that reported inside another's roll-up (the table's column, added up).
  const rolledOnRoster = tally.reduce((n, [, r]) => n + r.rolledUp, 0);
  const deadline = c.deadline ? `; hạn gửi ngày ${viDate(c.deadline)}` : "";
  // Who is off the roster (a few, by name), and which reports sum those of units below them: the
  // totals of section II include those units' figures.
  const offNames = namesByName(
    c,
    c.units.filter((u) => !u.onRoster),
  );
  const offRosterNames = offNames.length > 0 && offNames.length <= 3 ? ` (${offNames.join(", ")})` : "";
  // (Roster units inside a roll-up are counted just above; these are the ones the roster does not list.)
  const rosterCodes = new Set(c.rosterGiven ? (roster ?? []).map((u) => u.code.toUpperCase()) : []);
  const rollups = c.units.flatMap((u) => {
    const below = (u.rollupOf ?? []).filter((s) => !rosterCodes.has(s.code.toUpperCase())).length;
    return below > 0
      ? [
          `báo cáo của ${unitName(c, u.code, u.name)} là báo cáo tổng hợp, gồm số liệu của ${viInteger(below)} đơn vị trực thuộc${c.rosterGiven ? ` (không báo cáo trực tiếp về ${sender})` : ""}, đã tính trong kết quả chung`,
        ]
      : [];
  });
  const sentences: string[] = [];
  if (c.rosterGiven)
    sentences.push(
      `Theo danh sách, ${viInteger(roster?.length ?? c.units.length + c.missing.length + c.returned.length)} ${reportersWord(roundTypes(c, roster))} phải gửi báo cáo ${period}.`,
    );
  sentences.push(
    `Đến ngày ${viDate(options.date)}, ${sender} đã nhận ${viInteger(c.sources.length)} tệp báo cáo; tổng hợp được báo cáo của ${viInteger(c.units.length)} đơn vị (${viInteger(onTime)} đúng hạn, ${viInteger(late)} trễ hạn${updated > 0 ? `, trong đó ${viInteger(updated)} đơn vị đã gửi đúng hạn, bản trễ hạn là bản gửi lại` : ""}${deadline})` +
      `${offRoster > 0 ? `, trong đó ${viInteger(offRoster)} đơn vị không có trong danh sách${offRosterNames}` : ""}` +
      `${rolledOnRoster > 0 ? `; ${viInteger(rolledOnRoster)} đơn vị khác trong danh sách được tính qua báo cáo tổng hợp của đơn vị cấp trên của mình` : ""}` +
      `${rollups.length > 0 ? `; ${rollups.join("; ")}` : ""}.`,
  );
  // A date outside the period (last period's report sent again, a mistyped year): counted by its date
  // above, said here, as Tổng hợp marks it "(xem lại ngày)".
  const doubtful = c.units.filter((u) => doubtfulDate(u, c.period));
  if (doubtful.length > 0)
    sentences.push(
      `Có ${viInteger(doubtful.length)} đơn vị${doubtful.length <= 3 ? ` (${namesByName(c, doubtful).join(", ")})` : ""} ghi ngày báo cáo nằm ngoài kỳ báo cáo (có thể là báo cáo kỳ trước gửi lại, hoặc ngày ghi nhầm): việc đúng hạn hay trễ hạn, và số liệu, của các đơn vị này cần xem lại.`,
    );
  const sentBackList = sentBackUnits(c);
  const sentBack = sentBackList.length;
  const otherOnly = otherPeriodOnlyUnits(c).length;
  const why = roundRejectionWords(c, sentBackList);
  sentences.push(
    sentBack > 0
      ? `Có ${viInteger(sentBack)} đơn vị có báo cáo bị trả lại${why === "" ? "" : ` (${why})`} và chưa gửi lại bản đạt yêu cầu.`
      : "Không có đơn vị nào có báo cáo bị trả lại.",
  );
  const otherOnlyNote =
    otherOnly > 0 ? ` (trong đó ${viInteger(otherOnly)} đơn vị chỉ gửi báo cáo của kỳ khác)` : "";
  if (c.rosterGiven)
    sentences.push(
      c.missing.length + otherOnly > 0
        ? `Có ${viInteger(c.missing.length + otherOnly)} đơn vị chưa gửi báo cáo${otherOnlyNote}.`
        : "Mọi đơn vị trong danh sách đã gửi báo cáo.",
    );
  else if (otherOnly > 0)
    sentences.push(
      `Có ${viInteger(otherOnly)} đơn vị chưa gửi báo cáo ${period}, chỉ gửi báo cáo của kỳ khác.`,
    );
  if (c.duplicates.length > 0) {
    // A unit's roll-up kept over its plain report is not "the later date": said apart, with whose.
    const besideRollup = c.duplicates.filter((d) => d.keptRollupUnits > 0);
    // Two files with other figures and nothing to tell which is right (one report date): the one
    // used is only the file names' choice, so the report says it awaits the unit, not "the later one".
    const asked = c.duplicates.filter((d) => d.keptRollupUnits === 0 && d.conflict);
    const byDate = c.duplicates.length - besideRollup.length - asked.length;
    if (byDate > 0)
      sentences.push(
        `Có ${viInteger(byDate)} tệp gửi trùng đơn vị (đã dùng báo cáo ghi ngày báo cáo sau cùng).`,
      );
    if (asked.length > 0) {
      const units = namesByName(c, [
        ...new Map(asked.map((d) => [d.unit, { code: d.unit, name: d.unitName }])).values(),
      ]);
      sentences.push(
        `Có ${viInteger(units.length)} đơn vị (${nameList(units, "xem trang Lỗi của bảng tổng hợp")}) gửi hai tệp khác số liệu mà chưa rõ tệp nào đúng; đang tạm dùng một tệp, cần đơn vị xác nhận.`,
      );
    }
    if (besideRollup.length > 0)
      sentences.push(
        `${nameList(
          namesByName(
            c,
            besideRollup.map((d) => ({ code: d.unit, name: d.unitName })),
          ),
          "xem trang Lỗi của bảng tổng hợp",
        )} gửi cả báo cáo tổng hợp và báo cáo riêng cùng mã: dùng báo cáo tổng hợp (gồm số liệu các đơn vị trực thuộc), báo cáo riêng không được cộng.`,
      );
  }
  if (c.inRollup.length > 0) {
    const by = namesByName(
      c,
      [...new Set(c.inRollup.map((r) => r.rollupUnit))].map(
        (code) => c.units.find((u) => u.code === code) ?? { code, name: code },
      ),
    );
    sentences.push(
      `Có ${viInteger(c.inRollup.length)} đơn vị gửi riêng báo cáo nhưng đã được tính trong báo cáo tổng hợp của ${by.join(", ")}, nên không cộng thêm, để số liệu không bị tính hai lần.`,
    );
  }
  if (anonymous > 0) sentences.push(`Có ${viInteger(anonymous)} tệp không xác định được đơn vị gửi.`);
  if (unopened > 0)
    sentences.push(
      `Có ${viInteger(unopened)} tệp hoặc thư mục nhận được nhưng chưa đọc được nội dung (chưa mở được, hoặc tệp nén chưa giải nén), chưa được tổng hợp.`,
    );

  const withRoster = c.rosterGiven && roster !== undefined;
  const withRolledUp = withRoster && tally.some(([, r]) => r.rolledUp > 0);
  const withOtherOnly = !c.rosterGiven && otherOnly > 0;
  const header = [
    "Loại đơn vị",
    ...(withRoster ? ["Phải báo cáo"] : []),
    "Đã tổng hợp",
    "Đúng hạn",
    "Trễ hạn",
    ...(withRolledUp ? ["Qua báo cáo tổng hợp"] : []),
    "Bị trả lại",
    ...(c.rosterGiven ? ["Chưa gửi"] : []),
    ...(withOtherOnly ? ["Chỉ gửi báo cáo kỳ khác"] : []),
  ];
  const counts = (r: (typeof tally)[number][1]) => [
    ...(withRoster ? [r.must] : []),
    r.accepted,
    r.onTime,
    r.late,
    ...(withRolledUp ? [r.rolledUp] : []),
    r.returned,
    ...(c.rosterGiven ? [r.missing] : []),
    ...(withOtherOnly ? [r.otherOnly] : []),
  ];
  const total = tally.reduce((sum, [, r]) => counts(r).map((n, i) => (sum[i] ?? 0) + n), [] as number[]);
  const numberColumns = header.length - 1;
  const first = 165 - numberColumns * 19;
  return [
    bodyHeading(REPORT_SECTIONS[0]),
    bodyParagraph(sentences.join(" ")),
    bodyParagraph("Theo loại đơn vị:", { indent: true }),
    table([first, ...Array.from({ length: numberColumns }, () => 19)], header, [
      ...tally.map(([type, r]) => [cellText(type), ...counts(r).map((n) => numberCell(n))]),
      [cellText("Tổng cộng", { bold: true }), ...total.map((n) => numberCell(n, true))],
    ]),
    para([], { spacing: { after: 6 } }),
  ];
}

/**
 * The reports a pooled value is over, in parentheses after "kết quả chung": "(9 đơn vị)", with roll-ups
 * among them "(53 báo cáo, gồm 59 đơn vị)" as section II's lead-in says, and when only some had the
 * figures "(6/10 đơn vị có đủ số liệu)" — "6 trong 10 đơn vị có đủ số liệu đạt 100%" read as if six
 * units had reached 100%.
 */
function pooledPhrase(pooled: number, c: Pick<Consolidation, "units">, having?: WholeHaving): string {
  const reports = c.units.length;
  const noun = countedNoun(c);
  // A ratio over what only some units had: "(3/10 đơn vị có hồ sơ giải quyết trễ hạn)"; "kết quả chung
  // (10 đơn vị) đạt 75,0%" beside "7 đơn vị chưa đánh giá được" read as if seven had not reported.
  if (having !== undefined && having.count > 0 && having.count < pooled) {
    const lacking = reports - pooled;
    return `${viInteger(having.count)}/${viInteger(reports)} ${noun} ${haveVerb(having.thing)} ${having.thing}${lacking > 0 ? `; ${viInteger(lacking)} ${noun} thiếu số liệu` : ""}`;
  }
  if (pooled === reports) return countedUnitsPhrase(c);
  return `${viInteger(pooled)}/${viInteger(reports)} ${noun} có đủ số liệu`;
}

/**
 * What section II counts: "đơn vị", or "báo cáo" when a roll-up sums several units ("53 báo cáo, gồm 59
 * đơn vị": "51 đơn vị đạt, 2 đơn vị chưa đạt" then added up to the reports, not to the 59 units).
 */
function countedNoun(c: Pick<Consolidation, "units">): string {
  return unitsCovered(c) === c.units.length ? "đơn vị" : "báo cáo";
}

/** A ratio's whole as "có …" says it, and how many of the pooled units have any (above 0). */
interface WholeHaving {
  readonly thing: string;
  readonly count: number;
}

/**
 * The verb before what a count counts: "có hồ sơ giải quyết trễ hạn", but "phát sinh hồ sơ TTHC có phí,
 * lệ phí" ("đơn vị có hồ sơ TTHC có phí, lệ phí" said "có" twice), as "không phát sinh …" after "không".
 */
function haveVerb(thing: string): string {
  return /(^|\s)có(\s|$)/u.test(thing) ? "phát sinh" : "có";
}

/**
 * What a count's label counts, as "có …" and "không có …" say it: "Số hồ sơ giải quyết trễ hạn" →
 * "hồ sơ giải quyết trễ hạn", "Tổng số CBCCVC, người lao động" → "CBCCVC, người lao động" (an
 * abbreviation keeps its capitals), "(PAKN)" dropped, "(không mật)" unbracketed.
 */
function thingsCounted(label: string): string {
  const bare = label
    .replace(/^(?:Tổng số|Số)\s+/u, "")
    .replace(/\s*\(\p{Lu}{2,}\)/gu, "")
    .replace(/\(([^()]*)\)/g, "$1");
  return /^\p{Lu}{2,}/u.test(bare) ? bare : bare.replace(/^./u, (ch) => ch.toLowerCase());
}

/**
 * How many units met, fell short, could not be judged: "8 đơn vị đạt, 1 đơn vị chưa đạt". A count of 0
 * says nothing and is left out ("0 đơn vị chưa đạt"); when every unit is on one side, "cả 9 đơn vị
 * đều đạt"; none judged at all, "0 đơn vị" is never written. Of those not judged, the units with none
 * of a ratio's whole are said so, last ("7 đơn vị không có hồ sơ giải quyết trễ hạn"): they are SPEC
 * §5's na, as the summary and the JSON count them, but "chưa đánh giá được" read as a gap in the
 * reports; last, so a whole's own comma ("có phí, lệ phí") runs into nothing after it. `noun` is
 * countedNoun's: with a roll-up among them, the tally counts reports.
 */
function unitTally(
  n: { readonly met: number; readonly short: number; readonly na: number },
  none: { readonly count: number; readonly thing: string } | undefined,
  noun: string,
): string {
  const without = Math.min(none?.count ?? 0, n.na);
  const parts = [
    [n.met, "đạt"],
    [n.short, "chưa đạt"],
    [n.na - without, "chưa đánh giá được"],
    [without, `không ${haveVerb(none?.thing ?? "")} ${none?.thing ?? ""}`],
  ] as const;
  const some = parts.filter(([count]) => count > 0);
  if (some.length === 1 && some[0]![0] > 1) return `cả ${viInteger(some[0]![0])} ${noun} đều ${some[0]![1]}`;
  if (some.length === 0) return `không có ${noun} nào`;
  return some.map(([count, what]) => `${viInteger(count)} ${noun} ${what}`).join(", ");
}

/** "kết quả chung đạt 68,2%, đạt mục tiêu": the pooled value and its verdict. */
function indicatorSentence(
  ind: Indicator,
  index: number,
  r: IndicatorResult | undefined,
  n: { met: number; short: number; na: number },
  c: Pick<Consolidation, "units">,
  pooled: number,
  /** A ratio whose whole is 0 over every unit ("Hồ sơ trễ hạn"): its label, said instead of "chưa tính được". */
  noneOf?: string,
  /** A reduction's pooled sums, said after its percentage ("từ 679 xuống 647 cuộc họp"). */
  sums?: { readonly previous: number; readonly current: number } | null,
  /** The consolidation's period does not judge it (a yearly target in a quarter): its value is progress. */
  notThisPeriod = false,
  /** A ratio's whole and how many pooled units have any: said when some have none. */
  having?: WholeHaving,
): ParagraphSpec {
  const status = r?.status ?? "na";
  // The pooled units with none of the whole (the bracket's "3/10 đơn vị có …" says the others have some).
  const tally = unitTally(
    n,
    having !== undefined && having.count > 0
      ? { count: pooled - having.count, thing: having.thing }
      : undefined,
    countedNoun(c),
  );
  const gap = shownGap(ind, r?.gap, r?.value);
  const verdict =
    status === "met"
      ? "đạt mục tiêu"
      : status === "short"
        ? `chưa đạt mục tiêu${gap ? ` (${gap})` : ""}`
        : "chưa đánh giá được (thiếu số liệu hoặc mẫu số bằng 0)";
  // What follows the bold "N. label (target)": nothing to judge, nothing to pool, or the pooled value.
  // A yearly target in a quarter's report: its value is progress, said without a verdict.
  const progress =
    c.units.length === 0 || pooled === 0 || !r
      ? "kỳ này không có số liệu để theo dõi"
      : `kết quả chung kỳ này (${pooledPhrase(pooled, c, having)}) ${valuePhrase(ind, r.value, "na")}, chỉ để theo dõi`;
  const said = notThisPeriod
    ? `chỉ đánh giá ở ${judgedPeriodsText(ind)}; ${progress}.`
    : status === "na" && noneOf !== undefined
      ? `không ${haveVerb(thingsCounted(noneOf))} ${thingsCounted(noneOf)} trong kỳ (mẫu số bằng 0), nên không có gì để đánh giá.`
      : c.units.length === 0
        ? "không có báo cáo nào được tổng hợp, nên chưa đánh giá được."
        : status === "na" && pooled === 0
          ? "không đơn vị nào có đủ số liệu để tính, nên chưa đánh giá được."
          : `kết quả chung (${pooledPhrase(pooled, c, having)}) ${r ? valuePhrase(ind, r.value, status) : "chưa tính được"}${sums ? ` (${fromTo(sums, ind.itemUnit)})` : ""}, ${verdict}; ${tally}.`;
  return bodyParagraph([
    { text: `${index}. ${ind.label}`, bold: true },
    { text: ` (${targetPhrase(ind)}): ${said}` },
  ]);
}

/** "từ 679 xuống 647 cuộc họp", "từ 20 lên 25 văn bản", "cùng 30 cuộc họp". */
function fromTo(sums: { readonly previous: number; readonly current: number }, itemUnit: string): string {
  const { previous, current } = sums;
  if (previous === current) return `cùng ${viInteger(current)} ${itemUnit}`;
  return `từ ${viInteger(previous)} ${current < previous ? "xuống" : "lên"} ${viInteger(current)} ${itemUnit}`;
}

/** "a", "a và b", "a, b và c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} và ${items.at(-1) ?? ""}`;
}

/**
 * What "so với cùng kỳ" is measured from: the column D the units consolidated now typed, which need not
 * add up to last period's signed report (units that have not reported now, new units, figures
 * corrected since). Said, and checked against that report when one was given (`previousCheck`).
 */
function baselineNote(c: Consolidation): string {
  const reductions = c.form.indicators.filter(
    (i): i is Extract<Indicator, { kind: "reduction" }> =>
      i.kind === "reduction" && judgedInPeriod(i, c.period?.kind),
  );
  if (reductions.length === 0 || c.units.length === 0) return "";
  const lead =
    "Mức giảm so với cùng kỳ tính trên số liệu cùng kỳ năm trước do chính các đơn vị được tổng hợp kỳ này kê khai, nên có thể khác tổng số trong báo cáo cùng kỳ năm trước (đơn vị chưa có báo cáo kỳ này, đơn vị mới, số liệu đã điều chỉnh)";
  const check = c.previousCheck;
  // A file given but not comparable (another period kind, a later period, no unit in common) is no check either.
  if (check === undefined)
    return c.previousMismatches === undefined
      ? `${lead}; chưa đối chiếu với bảng tổng hợp cùng kỳ năm trước.`
      : `${lead}; tệp đối chiếu đã chọn không phải bảng tổng hợp cùng kỳ năm trước của các đơn vị này, nên chưa đối chiếu được.`;
  const differ = new Set((c.previousMismatches ?? []).map((m) => m.unit)).size;
  const totals = [...new Set(reductions.map((i) => i.of))]
    .map((code) => {
      const ind = reductions.find((i) => i.of === code)!;
      return `${viNumber(check.totals[code] ?? 0)} ${ind.itemUnit}`;
    })
    .join(", ");
  return `${lead}. Đã đối chiếu với báo cáo tổng hợp ${periodPhrase(check.period)} (${viInteger(check.compared)} đơn vị so được${differ > 0 ? `, ${viInteger(differ)} đơn vị ghi khác: mục IV.5` : ", khớp"}); báo cáo đó ghi ${totals} của ${viInteger(check.units)} đơn vị.`;
}

function indicatorSection(c: Consolidation): Block[] {
  const indicators = c.form.indicators;
  const baseline = baselineNote(c);
  return [
    bodyHeading(REPORT_SECTIONS[1]),
    bodyParagraph(
      `Kết quả chung tính trên tổng số liệu được tổng hợp (${countedUnitsPhrase(c)}; tỷ lệ tính từ các tổng số, không lấy bình quân tỷ lệ của các đơn vị); kết quả từng đơn vị tại Phụ lục I.`,
    ),
    // A paragraph of its own: what "so với cùng kỳ" is measured from, before the figures that use it.
    ...(baseline === "" ? [] : [bodyParagraph(baseline)]),
    ...(indicators.length === 0
      ? [bodyParagraph("Biểu mẫu không có chỉ tiêu định lượng.")]
      : indicators.map((ind, i) =>
          indicatorSentence(
            ind,
            i + 1,
            c.province.indicators[ind.id],
            c.province.counts[ind.id] ?? { met: 0, short: 0, na: 0 },
            c,
            c.province.pooled[ind.id] ?? 0,
            ind.kind === "ratio" && c.units.length > 0 && pairOf(c.province.values, ind.whole).current === 0
              ? countField(c.form, ind.whole).label
              : undefined,
            pooledReductionSums(ind, c.units),
            !judgedInPeriod(ind, c.period?.kind),
            ind.kind === "ratio"
              ? {
                  thing: thingsCounted(countField(c.form, ind.whole).label),
                  count: pooledUnits(ind, c.units).filter(
                    (u) => (pairOf(u.values, ind.whole).current ?? 0) > 0,
                  ).length,
                }
              : undefined,
          ),
        )),
  ];
}

function taskSection(c: Consolidation): Block[] {
  const listed = c.tasks.filter((t) => t.index !== null);
  const own = c.tasks.find((t) => t.index === null);
  const blocks: Block[] = [bodyHeading(REPORT_SECTIONS[2])];
  // A roll-up's task statuses are one report's: with one among them the table counts reports, as
  // section II's tallies do (countedNoun), and its lead-in says how many units they cover.
  const noun = countedNoun(c);
  const covered = unitsCovered(c);
  if (listed.length === 0) blocks.push(bodyParagraph("Kế hoạch không có danh mục nhiệm vụ."));
  else {
    // The lead-in stays with its table (it sat alone at the foot of a page under its heading).
    blocks.push({
      ...bodyParagraph(
        `Số ${noun} theo tình trạng thực hiện từng nhiệm vụ của kế hoạch (${viInteger(c.units.length)} báo cáo được tổng hợp${covered === c.units.length ? "" : `, gồm ${viInteger(covered)} đơn vị`}):`,
      ),
      keepWithNext: true,
    });
    blocks.push(
      table(
        [12, 69, 28, 14, 14, 14, 14],
        ["STT", "Nhiệm vụ", "Thời hạn", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn"],
        listed.map((t) => [
          numberCell(t.index ?? 0),
          cellText(t.content),
          cellText(t.deadlineText),
          numberCell(t.done),
          numberCell(t.inProgress),
          numberCell(t.notStarted),
          numberCell(t.overdue, t.overdue > 0),
        ]),
        11,
      ),
    );
    blocks.push(para([], { spacing: { after: 6 } }));
  }
  const overdue = listed.filter((t) => t.overdue > 0);
  blocks.push(
    bodyParagraph(
      overdue.length === 0
        ? "Không có nhiệm vụ nào của kế hoạch có đơn vị báo cáo quá hạn."
        : `Nhiệm vụ của kế hoạch có đơn vị báo cáo quá hạn (thời hạn đã qua mà chưa hoàn thành): ${overdue.map((t) => `nhiệm vụ số ${t.index ?? ""} (${viInteger(t.overdue)} ${noun})`).join("; ")}.`,
    ),
  );
  const doneLate = listed.filter((t) => t.doneLate > 0);
  if (doneLate.length > 0) {
    blocks.push(
      bodyParagraph(
        `Trong số ${noun === "đơn vị" ? "đơn vị hoàn thành, có đơn vị" : "báo cáo ghi hoàn thành, có báo cáo ghi"} hoàn thành quá hạn: ${doneLate.map((t) => `nhiệm vụ số ${t.index ?? ""} (${viInteger(t.doneLate)} ${noun})`).join("; ")}.`,
      ),
    );
  }
  // "Hoàn thành quá hạn" before the deadline cannot be: counted as done, and said, so the reader
  // knows why the unit's own figure is not the report's.
  const tooEarly = c.tasks.reduce((n, t) => n + t.lateTooEarly, 0);
  if (tooEarly > 0) {
    blocks.push(
      bodyParagraph(
        `${viInteger(tooEarly)} trường hợp đơn vị ghi “Hoàn thành quá hạn” khi nhiệm vụ chưa đến thời hạn; đã tính là hoàn thành đúng hạn.`,
      ),
    );
  }
  // The tasks the units added, then who has overdue tasks: the line naming "nhiệm vụ tự bổ sung quá
  // hạn" stood before the one saying the units had added any.
  if (own && own.done + own.inProgress + own.notStarted > 0) {
    const count = own.done + own.inProgress + own.notStarted;
    blocks.push(
      bodyParagraph(
        `Các đơn vị tự bổ sung ${viInteger(count)} nhiệm vụ: ${viInteger(own.done)} hoàn thành, ${viInteger(own.inProgress)} đang thực hiện, ${viInteger(own.notStarted)} chưa thực hiện; ${viInteger(own.overdue)} quá hạn.`,
      ),
    );
  }
  // Each with how many of its tasks ("(1)" alone said nothing); past 30 names, the summary's Tổng hợp
  // sheet has every unit's overdue tasks (Phụ lục I, named before, has no task column).
  const unitsOverdue = c.units.filter((u) => u.tasks.overdue > 0);
  if (unitsOverdue.length > 0) {
    blocks.push(
      bodyParagraph(
        `${overdue.length === 0 ? "Đơn vị có nhiệm vụ tự bổ sung quá hạn" : "Đơn vị có nhiệm vụ quá hạn (kể cả nhiệm vụ đơn vị tự bổ sung)"}: ${nameList(
          namesByName(c, unitsOverdue, (u) => `${viInteger(u.tasks.overdue)} nhiệm vụ`),
          "xem trang Tổng hợp của bảng tổng hợp",
        )}.`,
      ),
    );
  }
  return blocks;
}

function shortfallSection(c: Consolidation): Block[] {
  const blocks: Block[] = [bodyHeading(REPORT_SECTIONS[3])];
  const byIndicator = c.form.indicators
    .map((ind) => ({ ind, items: c.shortfalls.filter((s) => s.indicator === ind.id) }))
    .filter((x) => x.items.length > 0);
  const unitsShort = new Set(c.shortfalls.map((s) => s.unit)).size;
  blocks.push(
    bodyParagraph(
      c.shortfalls.length === 0
        ? "1. Chỉ tiêu chưa đạt: không có đơn vị nào chưa đạt chỉ tiêu."
        : `1. Chỉ tiêu chưa đạt: ${viInteger(c.shortfalls.length)} trường hợp ở ${viInteger(unitsShort)} đơn vị (chi tiết tại Phụ lục II):`,
    ),
  );
  for (const { ind, items } of byIndicator) {
    // Furthest from the target first: with more units than the text names, those named are the
    // worst (in code order, 30 "Trung tâm…" read as the worst and hid the communes). A reduction in
    // words, as letters say it: "tăng 12,7%", not a "-12,7%" whose sign a line break can strand.
    const ranked = [...items].sort(furthestFirst(ind));
    // A count with what it counts: "Phường Đông Tiến (2 cuộc họp)", not "(2)".
    const shown = (value: number | null): string =>
      ind.kind === "reduction"
        ? valuePhrase(ind, value, "short")
        : isCountKind(ind.kind) && value !== null
          ? `${viInteger(value)} ${ind.itemUnit}`
          : indicatorValueText(ind, value, "short");
    const names = ranked.map((s) => unitName(c, s.unit, s.unitName, shown(s.value)));
    const lead = items.length > NAMES_IN_TEXT ? ", xa mục tiêu nhất là " : ": ";
    blocks.push(
      bodyParagraph(
        `- ${ind.label} (${targetPhrase(ind)}): ${viInteger(items.length)} đơn vị${lead}${nameList(names, "Phụ lục II")}.`,
      ),
    );
  }
  // By name, as Phụ lục III lists them: the units that sent nothing, then those that sent only another
  // period's report; each with Phụ lục III's note of a file named for it under another unit's code,
  // which the signer would otherwise read as "sent nothing" and chase.
  const otherOnly = namesByName(
    c,
    otherPeriodOnlyUnits(c),
    (u) => `chỉ gửi báo cáo ${andList(u.otherPeriods.map((p) => periodPhrase(p)))}`,
  );
  const missing = [...namesByName(c, c.missing, arrivedNote(c)), ...otherOnly];
  blocks.push(
    bodyParagraph(
      !c.rosterGiven
        ? // Without a roster nobody is known to be missing, but a unit that sent only another period's report is.
          `2. Đơn vị chưa gửi báo cáo: chưa xác định (không có danh sách đơn vị phải báo cáo)${otherOnly.length > 0 ? `; đơn vị chỉ gửi báo cáo của kỳ khác (${viInteger(otherOnly.length)}): ${nameList(otherOnly, "Phụ lục III")}` : ""}.`
        : missing.length === 0
          ? "2. Đơn vị chưa gửi báo cáo: không có."
          : `2. Đơn vị chưa gửi báo cáo (${viInteger(missing.length)}): ${nameList(missing, "Phụ lục III")}.`,
    ),
  );
  const returned = namesByName(c, sentBackUnits(c));
  blocks.push(
    bodyParagraph(
      returned.length === 0
        ? "3. Đơn vị có báo cáo bị trả lại: không có."
        : `3. Đơn vị có báo cáo bị trả lại, chưa gửi lại bản đạt yêu cầu (${viInteger(returned.length)}): ${nameList(returned, "Phụ lục III")}.`,
    ),
  );
  // A unit that sent on time and whose kept report is a later correction or update is named so; one
  // whose earlier, returned file had no date is said to be in doubt, as its letter says it.
  const late = namesByName(
    c,
    c.units.filter((u) => u.late),
    (u) =>
      u.firstReportDate
        ? resentPhrase(u.firstReportDate)
        : u.firstReportUndated !== undefined
          ? `${UNDATED_FIRST_MARK}, ${UNDATED_FIRST_OPEN}`
          : undefined,
  );
  blocks.push(
    bodyParagraph(
      late.length === 0
        ? "4. Đơn vị gửi báo cáo trễ hạn: không có."
        : `4. Đơn vị gửi báo cáo trễ hạn (${viInteger(late.length)}): ${nameList(late, "Phụ lục I")}.`,
    ),
  );
  return [...blocks, ...baselineParagraphs(c)];
}

/**
 * IV.5, with `--previous`: units whose column D differs from their own report of that period, and
 * what it decides ("tính theo số đó thì giảm 7,4%, chưa đạt …"): a verdict the analyst signs may
 * rest on a baseline the unit raised. Nothing when none differs or nothing was compared.
 */
function baselineParagraphs(c: Consolidation): Block[] {
  const all = c.previousMismatches ?? [];
  if (all.length === 0) return [];
  const names = new Map(c.units.map((u) => [u.code, unitName(c, u.code, u.name)]));
  const byUnit = mismatchesByUnit(all);
  const units = byName(
    [...byUnit.keys()],
    (code) => names.get(code) ?? code,
    (code) => code,
  );
  const reportedIn = all[0]!.reportedIn;
  const shown = units.slice(0, NAMES_IN_TEXT);
  const lines = shown.map((code) => {
    const items = (byUnit.get(code) ?? []).map((m) =>
      mismatchFigures(
        m,
        m.changes.map((ch) => `; tính theo số đó thì ${resultPhrase(ch.indicator, ch.reported)}`).join(""),
      ),
    );
    return bodyParagraph(`- ${names.get(code) ?? code}: ${items.join("; ")}.`);
  });
  const rest = units.length - shown.length;
  return [
    bodyParagraph(
      `5. Đơn vị có số liệu cùng kỳ năm trước (cột D) khác với báo cáo ${reportedIn} của chính đơn vị${[...byUnit.values()].some((l) => l.some((m) => m.from !== undefined)) ? " (đơn vị hình thành do sắp xếp: của các đơn vị cũ hợp thành)" : ""} (${viInteger(units.length)}); kết quả các chỉ tiêu giảm được tính theo số đơn vị khai:`,
    ),
    ...lines,
    ...(rest > 0
      ? [bodyParagraph(`- Và ${viInteger(rest)} đơn vị khác (trang “Lỗi” của bảng tổng hợp).`)]
      : []),
  ];
}

/** Double quotation marks of a quoted text as single ones: “x” or "x" → ‘x’. */
function innerQuotes(text: string): string {
  return text.replace(/[“"]([^”"]*)[”"]/g, "‘$1’");
}

/** The left indent of an answer's lines after its first: the body's first-line indent. */
const ANSWER_INDENT_MM = 12.7;

/**
 * One unit's answer, quoted: "- Phường Đông Sơn: “…”", a paragraph per line the unit typed (Alt+Enter
 * in a cell, often a numbered list): Word and LibreOffice stretch a justified line that ends in a
 * manual line break across the whole width ("thiếu      máy      tính").
 */
function quote(name: string, text: string): ParagraphSpec[] {
  // Quotation marks inside the unit's text become single ones within ours (“… ‘Ngày thứ Bảy’ …”),
  // also a pair that spans two lines.
  const lines = innerQuotes(text)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.map((l, i) => {
    const last = i === lines.length - 1;
    const words: Run = { text: `${i === 0 ? "“" : ""}${l}${last ? "”" : ""}`, italic: true };
    const first = i === 0;
    const paragraph = bodyParagraph(first ? [{ text: `- ${name}: `, bold: true }, words] : [words]);
    // The lines of one answer close together, the space after comes after its last line, and the
    // lines after the first stand indented as a block under it (with the first line's indent they
    // read as answers of other units).
    return {
      ...paragraph,
      ...(first ? {} : { indent: { left: ANSWER_INDENT_MM } }),
      spacing: { ...paragraph.spacing, after: last ? paragraph.spacing?.after : 0 },
    };
  });
}

function freeTextSection(c: Consolidation): Block[] {
  const blocks: Block[] = [bodyHeading(REPORT_SECTIONS[4])];
  if (c.form.freeText.length === 0)
    return [...blocks, bodyParagraph("Biểu mẫu không có mục khó khăn, kiến nghị.")];
  c.form.freeText.forEach((f, i) => {
    // By name, as the appendices list the units.
    const answers = byName(
      c.units.filter((u) => (u.texts[f.code] ?? "").trim() !== ""),
      (u) => u.name,
      (u) => u.code,
    );
    // A subheading keeps with what it heads (heading V and "1. Khó khăn…" stood alone at a page's foot).
    blocks.push({
      ...bodyParagraph([{ text: `${i + 1}. ${f.label}`, italic: true, bold: true }]),
      keepWithNext: true,
    });
    if (answers.length === 0) blocks.push(bodyParagraph("Không có đơn vị nào nêu."));
    else blocks.push(...answers.flatMap((u) => quote(unitName(c, u.code, u.name), u.texts[f.code] ?? "")));
  });
  return blocks;
}

function analystSection(superior: string): Block[] {
  // Dotted lines to write on, as Vietnamese forms leave room; a ruled border would merge into one
  // box in Word when paragraphs share it. The heading and its note keep with the first line (never
  // a heading alone at a page's foot), the last line with the closing and the signature
  // (officialDocument's keepLastWithNext); the lines between run on as text does. Kept together
  // whole, heading to signature (two thirds of a page), they left up to half a page blank under
  // section V, and the text the analyst types over the lines, inheriting the keep, would do so in
  // the signed report too.
  const dots = "…".repeat(31);
  return [
    bodyHeading(REPORT_SECTIONS[5]),
    {
      ...bodyParagraph([
        {
          text: `(Phần dành cho chuyên viên tổng hợp viết: đánh giá chung, nguyên nhân của những chỉ tiêu chưa đạt, giải pháp trong thời gian tới và kiến nghị với ${superior}.)`,
          italic: true,
        },
      ]),
      keepWithNext: true,
    },
    ...Array.from({ length: ANALYST_LINES }, (_, i) =>
      para([{ text: dots }], { spacing: { before: 6, after: 0 }, keepWithNext: i === 0 }),
    ),
  ];
}

/** "(Kèm theo Báo cáo số      /BC-SNV ngày 05 tháng 6 năm 2026 của Sở Nội vụ tỉnh Thanh Hóa)". */
function appendixHead(index: number, code: string, date: CivilDate, sender: string): Block[] {
  const a = REPORT_APPENDICES[index]!;
  return [
    para([{ text: a.number, bold: true }], { align: "center" }),
    para([{ text: a.title, bold: true }], { align: "center" }),
    para(
      [
        {
          text: `(Kèm theo Báo cáo số \u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/${code} ${officialDateText(date)} của ${sender})`,
          italic: true,
          size: 13,
        },
      ],
      { align: "center", spacing: { after: 12 } },
    ),
  ];
}

function appendixSection(blocks: Block[], landscape: boolean): SectionSpec {
  return {
    page: { ...OFFICIAL_PAGE, orientation: landscape ? "landscape" : "portrait" },
    blocks,
    header: [para([{ field: "page", size: 14 }], { align: "center" })],
    firstPageHeader: [],
  };
}

const SHORT_FILL = "D9D9D9";

/** Phụ lục I: one row per unit, one column per indicator; a short value bold on grey (prints in black and white). */
function perUnitAppendix(c: Consolidation, head: Block[]): SectionSpec {
  const indicators = c.form.indicators;
  const width = 297 - 30 - 15;
  const many = indicators.length > 8;
  // With many indicators (CCHC-BC/2025 has 14) a narrower name column leaves "100,0%" one line.
  const size = many ? 8 : 10;
  // The STT column grows with the number of units; the name column gives way.
  const fixed = withOrdinalColumn([12, many ? 32 : 52, many ? 17 : 20], c.units.length, 1, size);
  // "(≥ 100%)" does not fit a 14-indicator column and, held together (docx's keepTogether), broke
  // as "(≥ 100%" / ")": there the target goes without parentheses, smaller and not bold.
  const indicatorHead = (ind: Indicator): string | TableCellSpec =>
    many ? narrowIndicatorHead(ind.short, targetText(ind), size) : `${ind.short}\n(${targetText(ind)})`;
  const each = Math.min(26, (width - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, indicators.length));
  const valueCell = (ind: Indicator, r: IndicatorResult | undefined, over = ""): TableCellSpec => {
    const status = r?.status ?? "na";
    const cell = cellText(r ? `${indicatorValueText(ind, r.value, status)}${over}` : "—", {
      align: "center",
      bold: status === "short",
      // In a 14-indicator column a bold "99,96%" (held together) broke as "99,96" over "%".
      size: many ? size - 0.5 : size,
    });
    return status === "short" ? { ...cell, fill: SHORT_FILL } : cell;
  };
  const rows: TableCellSpec[][] = byName(
    c.units,
    (u) => u.name,
    (u) => u.code,
  ).map((u, i) => [
    ordinalCell(i + 1, size),
    // A roll-up's row sums other units: said under its name, as the total row counts them.
    cellText(rollupName({ ...u, name: unitName(c, u.code, u.name) }, "\n"), { size }),
    cellText(
      `${viDate(u.reportDate)}${u.late ? `\n(${["trễ hạn", lateMark(u)].filter(Boolean).join(", ")})` : ""}`,
      {
        align: "center",
        size,
      },
    ),
    ...indicators.map((ind) => valueCell(ind, u.indicators[ind.id])),
  ]);
  // The total row is never alone on the appendix's last page: the last unit's row stays with it.
  if (rows.length > 0) rows.push(keptWithRowBelow(rows.pop()!));
  let noted = false;
  rows.push([
    cellText("", { size }),
    cellText(`Tính chung (${countedUnitsPhrase(c)})`, { bold: true, size }),
    cellText("", { size }),
    // A pooled value over fewer units than the row names says over how many: those with a value in
    // its column. A ratio's units with none of its whole (no PAKN received: "—" above) add nothing to
    // it, as section II's "(3/6 đơn vị có …)" says; counted in, Xử lý PAKN said nothing where
    // Thanh toán điện tử, one unit blank, said "(5 đơn vị)".
    ...indicators.map((ind) => {
      const pooled =
        ind.kind === "ratio"
          ? pooledUnits(ind, c.units).filter((u) => (pairOf(u.values, ind.whole).current ?? 0) > 0).length
          : (c.province.pooled[ind.id] ?? 0);
      // Also for a value only followed this period (a yearly target in a quarter), as II says it.
      const r = c.province.indicators[ind.id];
      const shown =
        r !== undefined &&
        (r.status !== "na" || (r.value !== null && !judgedInPeriod(ind, c.period?.kind))) &&
        pooled > 0;
      const over = shown && pooled < c.units.length ? `\n(${viInteger(pooled)} đơn vị)` : "";
      noted ||= over !== "";
      return valueCell(ind, c.province.indicators[ind.id], over);
    }),
  ]);
  const legend =
    "Ô in đậm trên nền xám: chưa đạt mục tiêu; “—”: chưa đánh giá được (mẫu số bằng 0, thiếu số liệu hoặc chỉ tiêu không áp dụng cho loại đơn vị)." +
    (noted
      ? " Số đơn vị ghi dưới kết quả tính chung: các đơn vị có kết quả ở cột đó (không tính ô “—”)."
      : "") +
    notJudgedThisPeriod(c);
  return appendixSection(
    [
      ...head,
      table(
        [...fixed, ...indicators.map(() => each)],
        ["STT", "Đơn vị", "Ngày báo cáo", ...indicators.map(indicatorHead)],
        c.units.length === 0
          ? [
              [
                {
                  ...cellText("Không có báo cáo nào được tổng hợp.", { size }),
                  columnSpan: 3 + indicators.length,
                },
              ],
            ]
          : rows,
        size,
      ),
      para([{ text: legend, italic: true, size: 11 }], { spacing: { before: 6 } }),
    ],
    true,
  );
}

/**
 * The appendices' rows in the order a reader looks a unit up: by name (diacritics folded, so the order
 * is the same on every machine), then by code. The body's lists keep the consolidation's order.
 */
function byName<T>(items: readonly T[], name: (t: T) => string, code: (t: T) => string): T[] {
  const keyed = items.map((t) => ({ t, key: foldKey(name(t)), code: code(t) }));
  keyed.sort((a, b) => compareNatural(a.key, b.key) || compareText(a.code, b.code));
  return keyed.map((k) => k.t);
}

const DIGITS = /(\d+)/;

/**
 * Text order with runs of digits compared as numbers: "Phường 2" before "Phường 10" (as text,
 * "số 1, 100, 1000, 102"). Written out rather than Intl.Collator, whose data differs between Node
 * builds and browsers: the report's bytes must not.
 */
export function compareNatural(a: string, b: string): number {
  const x = a.split(DIGITS);
  const y = b.split(DIGITS);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    // split() with a capture group puts the digit runs at odd indexes: the longer number (leading
    // zeros aside) is the larger; of equal length, the text order is the numbers' order.
    if (i % 2 === 1) {
      const m = p.replace(/^0+/, "");
      const n = q.replace(/^0+/, "");
      const byValue = m.length - n.length || compareText(m, n);
      if (byValue !== 0) return byValue;
    }
    return compareText(p, q);
  }
  return x.length - y.length;
}

/**
 * The "Số còn thiếu, vượt" cell: the gap in words, also for a count allowed none (the prose leaves it
 * out there, as the count says it; the table's column is for it). A percent has no countable gap: its
 * distance to the target in percentage points, from the value as the row shows it ("93,2%" against
 * "≥ 96%": "thấp hơn mục tiêu 2,8 điểm phần trăm"); empty when not judged.
 */
function tableGap(ind: Indicator, gap: number | null, value: number | null): string {
  if (ind.kind !== "percent") return gap === null ? "" : gapText(ind, gap, value);
  if (value === null) return "";
  // Only "> 96%" misses at 96% itself: "thấp hơn mục tiêu 0,0 điểm phần trăm" said nothing true.
  if (value === ind.target) return "bằng mục tiêu, chưa cao hơn";
  const points = honestPercentDistance(value, ind.target, ind.comparison, { met: false });
  // Short of "≥" is below, of "≤" above, of "=" either (a tester saw "thấp hơn" for 98% against "= 96%").
  return `${value > ind.target ? "cao hơn" : "thấp hơn"} mục tiêu ${points} điểm phần trăm`;
}

function shortfallAppendix(c: Consolidation, head: Block[]): SectionSpec {
  const byId = new Map(c.form.indicators.map((i) => [i.id, i]));
  // By unit name; a unit's shortfalls stay in the form's order of indicators (the sort is stable).
  const rows = byName(
    c.shortfalls,
    (s) => s.unitName,
    (s) => s.unit,
  ).flatMap((s) => {
    const ind = byId.get(s.indicator);
    return ind ? [{ s, ind }] : [];
  });
  const cells = rows.map(({ s, ind }, i) => [
    ordinalCell(i + 1),
    cellText(unitName(c, s.unit, s.unitName)),
    cellText(ind.label),
    numberCell(indicatorValueText(ind, s.value, "short")),
    numberCell(targetText(ind)),
    cellText(tableGap(ind, s.gap, s.value)),
  ]);
  return appendixSection(
    [
      ...head,
      rows.length === 0
        ? bodyParagraph("Không có chỉ tiêu nào chưa đạt.")
        : table(
            // "Mục tiêu" wide enough for "≥ 100%" on one line at 12 pt (17 mm broke it before the "%"),
            // "Kết quả" for an honest "94,997%" (20 mm broke it); the gap on two lines ("cần thêm 83 văn
            // bản / để đạt mục tiêu"; 33 mm took three), from the unit's column, whose names wrap anyway.
            withOrdinalColumn([12, 30, 40, 23, 21, 39], rows.length, 1),
            ["STT", "Đơn vị", "Chỉ tiêu", "Kết quả", "Mục tiêu", "Số còn thiếu, vượt"],
            cells,
          ),
    ],
    false,
  );
}

function missingAppendix(
  c: Consolidation,
  head: Block[],
  roster: readonly RosterUnit[] | undefined,
): SectionSpec {
  const rosterType = new Map((roster ?? []).map((u) => [u.code.toUpperCase(), u.type]));
  // A unit returned again is said by its latest file, as its letter asks about it only; the earlier
  // ones it replaced are counted ("Bị trả lại 2 lần"), not listed as files still to mend.
  const resent = replacedByLaterReturned(c);
  const rejectedOf = (code: string) => c.rejected.filter((r) => r.unit === code && !resent.has(r));
  const timesReturned = (code: string) => [...resent.keys()].filter((r) => r.unit === code).length + 1;
  // Without a roster nobody is "not on it", and a returned unit is of the type its file declares.
  const typeOf = (u: ReturnedUnit): string =>
    rosterType.get(u.code) ?? (u.onRoster || !c.rosterGiven ? (u.type ?? "") : NOT_ON_ROSTER);
  // Who has not sent this period's report, then who sent it and had it returned, as IV.2 and IV.3
  // say them: a unit that sent only another period's report is one that has not sent (after the
  // units that sent nothing, as IV.2 lists it), not a returned row among the "Bị trả lại".
  // A file named for a missing unit that gives another's code: its report may be that one.
  const noteOf = arrivedNote(c);
  const rows: TableCellSpec[][] = [
    ...byName(
      c.missing,
      (u) => u.name,
      (u) => u.code,
    ).map((u) => {
      const note = noteOf(u);
      return {
        name: unitName(c, u.code, u.name),
        type: u.type,
        status: note === "" ? "Chưa gửi báo cáo" : `Chưa gửi báo cáo (${note})`,
      };
    }),
    ...byName(
      otherPeriodOnlyUnits(c),
      (u) => u.name,
      (u) => u.code,
    ).map((u) => ({
      name: unitName(c, u.code, u.name),
      type: typeOf(u),
      status: `Chưa gửi báo cáo; tệp đã gửi là báo cáo ${andList(u.otherPeriods.map((p) => periodPhrase(p)))}`,
    })),
    ...byName(
      sentBackUnits(c),
      (u) => u.name,
      (u) => u.code,
    ).map((u) => ({
      name: unitName(c, u.code, u.name),
      type: typeOf(u),
      status: `Bị trả lại${timesReturned(u.code) > 1 ? ` ${timesReturned(u.code)} lần, lần sau cùng` : ""}: ${rejectedOf(
        u.code,
      )
        .map((r) => {
          // Another period's own report beside this period's: whose it is, not its "1 lỗi".
          const declared = otherPeriodReport(r, c.period) ? declaredPeriod(r) : null;
          const errors = declared
            ? `báo cáo ${periodPhrase(declared)}, không tổng hợp vào kỳ này`
            : rejectionWords(r.findings);
          // A file named for its unit's code (the usual case) is the unit's own; its name, one long
          // word that would break mid-letter in this column, is left out.
          const name = baseName(r.file);
          return name.toUpperCase() === `${u.code}.XLSX` ? errors : `tệp “${name}” (${errors})`;
        })
        .join("; ")}`,
    })),
  ].map((u, i) => [ordinalCell(i + 1), cellText(u.name), cellText(u.type), cellText(u.status)]);
  const note = c.rosterGiven
    ? []
    : [
        bodyParagraph(
          "Không có danh sách đơn vị phải báo cáo, nên chưa xác định được đơn vị chưa gửi báo cáo.",
        ),
      ];
  return appendixSection(
    [
      ...head,
      ...note,
      rows.length === 0
        ? bodyParagraph("Không có đơn vị nào chưa gửi hoặc bị trả lại báo cáo.")
        : // Units by name, as the body and the other appendices name them (a code only beside a name
          // two units share, unitName): the UBND knows its units by name. The status is short ("Bị trả
          // lại: 1 lỗi") but for a unit that sent another period's report ("Chưa gửi báo cáo; tệp đã gửi …").
          table(
            withOrdinalColumn([12, 64, 36, 53], rows.length, 1),
            ["STT", "Tên đơn vị", "Loại đơn vị", "Tình trạng"],
            rows,
          ),
    ],
    false,
  );
}

/**
 * The report as an official document (Nghị định 30, a document with a type name: no "Kính gửi",
 * the superior body under "Nơi nhận"), dated `options.date`, its appendices after the signature.
 */
export function reportDocument(c: Consolidation, profile: Profile, options: ReportOptions): DocumentSpec {
  const org = profile.organisation;
  // Where the report goes: the profile's reportTo (a plan may send it to the Sở Nội vụ), else the superior body.
  const superior = recipientName(org.reportTo ?? org.superior);
  // "qua Sở Nội vụ": the body it passes through, said in the closing sentence and sent a copy.
  const via = org.reportVia === undefined ? "" : ` (qua ${org.reportVia})`;
  const code = reportCode(org);
  const intro = bodyParagraph(
    `${pursuant(profile.reportSubject ?? c.form.subject)}, ${org.sender} báo cáo kết quả thực hiện ${periodPhrase(c.period)} (tổng hợp từ báo cáo của các ${reportersWord(roundTypes(c, options.roster))} theo mẫu ${c.form.id}) như sau:`,
  );
  const main = officialDocument({
    organisation: issuingBody(org),
    code,
    date: options.date,
    kind: { letter: false, type: "BÁO CÁO", title: resultsTitle(c.form, c.period) },
    body: [
      intro,
      ...receptionSection(c, profile, options),
      ...indicatorSection(c),
      ...taskSection(c),
      ...shortfallSection(c),
      ...freeTextSection(c),
      ...analystSection(superior),
      bodyParagraph(
        `Trên đây là báo cáo kết quả thực hiện ${periodPhrase(c.period)} của ${org.sender}, kính báo cáo ${superior}${via}./.`,
      ),
    ],
    copies: [superior, ...(org.reportVia === undefined ? [] : [org.reportVia]), keptCopy(org, false)],
  });
  const heads = REPORT_APPENDICES.map((_, i) => appendixHead(i, code, options.date, org.sender));
  return {
    ...main,
    sections: [
      ...main.sections,
      perUnitAppendix(c, heads[0]!),
      shortfallAppendix(c, heads[1]!),
      missingAppendix(c, heads[2]!, options.roster),
    ],
  };
}
