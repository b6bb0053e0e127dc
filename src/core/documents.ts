// What the letters and the report share (SPEC §9): the issuing body from the profile in the shape
// official.ts lays out, the period and title phrases, document numbers and copies, the dates the
// caller passes in (the core never reads the clock) and an indicator's value worded by its kind.

import { periodText, planYear, type Form, type Indicator, type Period } from "./form";
import type { Consolidation } from "./consolidation";
import { compareDates, dateFromUtcMs, dayNumber, type CivilDate } from "./dates";
import { honestPercent, viInteger, viPercent } from "./format";
import { isCountKind, targetWords } from "./indicator-text";
import type { Status } from "./judge";
import type { Block, DocumentSpec } from "./docspec";
import type { Organisation as OfficialOrganisation } from "./official";
import type { Organisation } from "./profile";
import { isUnlikelyReportDate } from "./report-dates";
import { MSG } from "./messages";
import { unitTypeByAlias } from "./unit-types";
import { foldKey } from "./text";

/** The dates of what is sent: the letter's (and the report's) date and the date units must reply by. */
export interface DocumentDates {
  readonly date: CivilDate;
  readonly replyBy: CivilDate;
}

/** Days between a letter and its reply-by date: a week, so the reply falls on the same weekday. */
export const REPLY_DAYS = 7;

/**
 * The calendar day in Việt Nam (UTC+7 all year, no daylight saving) at `epochMs`; the caller reads
 * the clock (the core never does), so the day is the same on a machine set to any time zone.
 */
export function vietnamDate(epochMs: number): CivilDate {
  return dateFromUtcMs(epochMs + 7 * 3_600_000);
}

/** REPLY_DAYS after `date`, moved to the Monday after when that is a Saturday or Sunday. */
export function defaultReplyBy(date: CivilDate): CivilDate {
  const day = dayNumber(date) + REPLY_DAYS;
  const weekday = weekdayOf(day);
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return dateFromUtcMs((day + shift) * 86_400_000);
}

/** 0 on Sundays … 6 on Saturdays, of a day number (day 0, 1970-01-01, was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** "thứ Bảy" / "Chủ nhật" when the date falls on a weekend; undefined on a working day. */
export function weekendName(date: CivilDate): string | undefined {
  const weekday = weekdayOf(dayNumber(date));
  return weekday === 6 ? "thứ Bảy" : weekday === 0 ? "Chủ nhật" : undefined;
}

/** A document signed this long after its round's deadline most likely belongs to an old round re-run. */
export const LONG_AFTER_DEADLINE_DAYS = 90;

/** What to check about the documents' date before signing (the CLI and the taskpane say it each in its words). */
export interface DateConcerns {
  /** "thứ Bảy" or "Chủ nhật" when the date falls on a weekend. */
  readonly weekend?: string;
  /** The round's deadline and how many days after it, when more than LONG_AFTER_DEADLINE_DAYS (the date defaults to today, and an old round re-run today asks units to reply after later deadlines). */
  readonly afterDeadline?: { readonly days: number; readonly deadline: CivilDate };
  /** The latest report received, when the date is before it: a letter would answer a report not yet sent. */
  readonly beforeLatestReport?: CivilDate;
}

export function documentDateConcerns(
  date: CivilDate,
  deadline: CivilDate | null,
  latestReport: CivilDate | null = null,
): DateConcerns {
  const weekend = weekendName(date);
  const late = deadline === null ? 0 : dayNumber(date) - dayNumber(deadline);
  return {
    ...(weekend !== undefined ? { weekend } : {}),
    ...(deadline !== null && late > LONG_AFTER_DEADLINE_DAYS
      ? { afterDeadline: { days: late, deadline } }
      : {}),
    ...(latestReport !== null && compareDates(date, latestReport) < 0
      ? { beforeLatestReport: latestReport }
      : {}),
  };
}

/** The date of the latest report accepted; a date with a mistyped year aside (UNLIKELY_DATE says it). */
export function latestReportDate(c: Consolidation): CivilDate | null {
  return c.units
    .filter((u) => c.period === null || !isUnlikelyReportDate(u.reportDate, c.period))
    .reduce<CivilDate | null>(
      (d, u) => (d === null || compareDates(u.reportDate, d) > 0 ? u.reportDate : d),
      null,
    );
}

/** The profile's organisation as the heading of an official document prints it. */
export function issuingBody(org: Organisation): OfficialOrganisation {
  return {
    superior: org.superior,
    sender: org.senderHeading,
    abbreviation: org.abbreviation,
    place: org.place,
    signerTitle: org.signerTitle,
    signerName: org.signerName === "" ? undefined : org.signerName,
  };
}

/**
 * Who a round's reports come from, as the letters and the report name them: "phòng, đơn vị" when
 * every unit is a Sở's own, a phòng or a public service unit with at least one phòng (Đồng Nai's,
 * Đồng Tháp's and HCM's plans address "các phòng, đơn vị"; a phòng is no "cơ quan"), else "cơ quan,
 * đơn vị" (a province's Sở, communes and units). `types` are the units' types as written.
 */
export function reportersWord(types: readonly string[]): string {
  const ids = new Set(types.map((t) => unitTypeByAlias(t)?.id));
  const own =
    ids.has("PHONG_THUOC_SO") && [...ids].every((id) => id === "PHONG_THUOC_SO" || id === "SU_NGHIEP");
  return own ? "phòng, đơn vị" : "cơ quan, đơn vị";
}

/**
 * The types of a consolidation's units, as reportersWord reads them: those reported, those missing and
 * those returned (a returned unit off the roster is of the type its file declares, else of none: the
 * round is then said "cơ quan, đơn vị", as a letter to a Sở whose file was sent back beside one
 * phòng's must be).
 */
export function roundTypes(c: Consolidation, roster?: readonly { readonly type: string }[]): string[] {
  return [
    ...c.units.map((u) => u.type),
    ...c.missing.map((u) => u.type),
    ...c.returned.map((u) => u.type ?? ""),
    ...(roster ?? []).map((u) => u.type),
  ];
}

/**
 * A unit named as the body that sends the documents: "Sở Nội vụ" for "SỞ NỘI VỤ" / "Sở Nội vụ tỉnh
 * Thanh Hóa" (no letter to itself; no note that the documents name another issuer).
 */
export function isSenderUnit(name: string, org: Pick<Organisation, "sender" | "senderHeading">): boolean {
  const unit = senderKey(name);
  return unit !== "" && (unit === senderKey(org.senderHeading) || unit === senderKey(org.sender));
}

/** A body's name without case, marks, or the level word a list may leave out ("tỉnh", "thành phố", "TP."). */
function senderKey(name: string): string {
  return foldKey(name)
    .replace(/\b(tinh|thanh pho|tp)\b\.?/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "SNV-CCHC" (a letter's code: the body and the drafting office), "SNV" without an office. */
export function letterCode(org: Organisation): string {
  return org.office ? `${org.abbreviation}-${org.office}` : org.abbreviation;
}

/** "BC-SNV": ND30 numbers a report by its type and the issuing body. */
export function reportCode(org: Organisation): string {
  return `BC-${org.abbreviation}`;
}

/** "Lưu: VT, CCHC": kept by the clerks' office (văn thư) and the drafting office. */
export function keptCopy(org: Organisation, fallbackToBody: boolean): string {
  const office = org.office ?? (fallbackToBody ? org.abbreviation : undefined);
  return office ? `Lưu: VT, ${office}` : "Lưu: VT";
}

const ROMAN_QUARTERS = { Q1: "I", Q2: "II", Q3: "III", Q4: "IV" } as const;

/**
 * "6 tháng đầu năm 2026", "năm 2026", "quý II năm 2025": the period as a document's sentence says it
 * (periodText, but a quarter in full words rather than "quý II/2025").
 */
export function periodPhrase(period: Period | null): string {
  if (period === null) return "kỳ này";
  if (period.kind === "6T" || period.kind === "NAM") return periodText(period);
  return `quý ${ROMAN_QUARTERS[period.kind]} năm ${period.year}`;
}

/**
 * "kết quả thực hiện Kết luận số 226-KL/TW": the form's title without its leading "Báo cáo", and
 * without the year it ends with when the period says that year ("… cải cách hành chính năm 2025" for
 * quý II năm 2025 → "… cải cách hành chính"), so a title followed by its period names the year once.
 */
export function formSubject(form: Form, period: Period | null): string {
  const base = form.title.replace(/^\s*Báo cáo\s+/i, "").trim();
  const yearAtEnd = YEAR_AT_END.exec(base);
  return period && yearAtEnd && Number(yearAtEnd[1]) === period.year ? base.slice(0, yearAtEnd.index) : base;
}

const YEAR_AT_END = /\s+năm\s+(\d{4})$/i;

/**
 * Said when a one-year plan's form is used for another year's period (the 2025 CCHC plan for quý I/2026):
 * its documents would read "… năm 2025 quý I năm 2026" and its tasks due "Năm 2025" count as overdue.
 */
export function planYearNote(form: Form, period: Period | null, page = false): string | undefined {
  const year = planYear(form);
  if (year === undefined || period === null || period.year === year) return undefined;
  const title = form.title.trim();
  const newTitle = title.replace(YEAR_AT_END, ` năm ${period.year}`);
  return MSG.planYearDiffers(
    form.id,
    year,
    periodText(period),
    resultsTitle(form, period),
    newTitle,
    period.year,
    page,
  );
}

/**
 * "Kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026": the form's subject (`formSubject`),
 * then the period ("… cải cách hành chính năm 2025" + quý II năm 2025 → "… cải cách hành chính quý II
 * năm 2025").
 */
export function resultsTitle(form: Form, period: Period | null): string {
  const base = formSubject(form, period);
  return `${base.charAt(0).toUpperCase()}${base.slice(1)} ${periodPhrase(period)}`;
}

/** The same, as it continues a sentence ("báo cáo kết quả thực hiện …"). */
export function resultsPhrase(form: Form, period: Period | null): string {
  const title = resultsTitle(form, period);
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** Vietnamese capitalisation of one word written in capitals ("THANH" → "Thanh", "HÓA" → "Hóa"). */
function capitalised(word: string): string {
  const lower = word.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/**
 * The superior body as "Kính gửi" names it: "UBND TỈNH THANH HÓA" → "Ủy ban nhân dân tỉnh Thanh
 * Hóa" (ND30 Phụ lục II: the administrative word in lower case, the proper name capitalised, and
 * "Thành phố Hồ Chí Minh" as written). A body that is not a People's Committee is left as written.
 */
export function recipientName(superior: string): string {
  const text = superior.trim().replace(/\s+/g, " ");
  const m = /^(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)\s+(.*)$/iu.exec(text);
  if (!m) return text;
  const rest = m[1] ?? "";
  if (rest !== rest.toLocaleUpperCase("vi")) return `Ủy ban nhân dân ${rest}`;
  const kind = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU)\s+(.*)$/u.exec(rest);
  const name = (kind ? (kind[2] ?? "") : rest).split(" ").map(capitalised).join(" ");
  if (!kind) return `Ủy ban nhân dân ${name}`;
  const word = (kind[1] ?? "").toLocaleLowerCase("vi");
  return `Ủy ban nhân dân ${word === "thành phố" && name === "Hồ Chí Minh" ? "Thành phố" : word} ${name}`;
}

/**
 * A unit as a letter addresses it: a commune or ward by its People's Committee, "Xã Cẩm Thủy" →
 * "Ủy ban nhân dân xã Cẩm Thủy" (ND30 Phụ lục II: the administrative word in lower case), "UBND
 * phường X" as recipientName writes it; any other unit as named.
 */
export function addressee(unitName: string): string {
  const name = unitName.trim().replace(/\s+/g, " ");
  if (/^(?:UBND|Ủy ban nhân dân)\s/iu.test(name)) return recipientName(name);
  const m = /^(xã|phường|thị trấn|đặc khu)\s+(.+)$/iu.exec(name);
  return m ? `Ủy ban nhân dân ${(m[1] ?? "").toLocaleLowerCase("vi")} ${m[2] ?? ""}` : name;
}

/** The column D header as a phrase ("cùng kỳ năm trước", "năm 2025"). */
export function baselinePhrase(form: Form): string {
  const h = form.previousHeader.trim();
  return h.charAt(0).toLowerCase() + h.slice(1);
}

/**
 * An indicator's value worded by its kind, honest at the target (SPEC §9): a ratio or percent
 * "đạt 94,98%", a reduction "giảm 9,96%" (or "tăng 5,0%"), a count "có 2 cuộc họp"; "chưa tính
 * được" when it cannot be judged.
 */
export function valuePhrase(ind: Indicator, value: number | null, status: Status): string {
  if (value === null) return "chưa tính được";
  // "có 0 cuộc họp" read as a slip: none is said as none.
  if (isCountKind(ind.kind))
    return value === 0 ? `không có ${ind.itemUnit} nào` : `có ${viInteger(value)} ${ind.itemUnit}`;
  const shown =
    status === "na"
      ? viPercent(value)
      : honestPercent(value, ind.target, ind.comparison, { met: status === "met" });
  if (ind.kind !== "reduction") return `đạt ${shown}`;
  if (value < 0) return `tăng ${viPercent(-value)}`;
  return value === 0 ? "không giảm" : `giảm ${shown}`;
}

/** "mục tiêu từ 60% trở lên", a reduction "mục tiêu giảm ít nhất 10%": the target in words, as in prose. */
export function targetPhrase(ind: Indicator): string {
  const words = targetWords(ind);
  return words.startsWith("không có ") ? `mục tiêu: ${words}` : `mục tiêu ${words}`;
}

/** Every paragraph of a document as plain text in reading order (tables row by row), for tests and previews. */
export function documentText(spec: DocumentSpec): string {
  const blocks = (list: readonly Block[]): string[] =>
    list.flatMap((b) => {
      if (b.kind === "pageBreak") return [];
      if (b.kind === "table")
        return b.rows.map((row) => row.map((cell) => blocks(cell.blocks).join(" ")).join(" | "));
      return [b.runs.map((r) => ("text" in r ? `${r.breakBefore ? "\n" : ""}${r.text}` : "")).join("")];
    });
  return spec.sections.flatMap((s) => blocks(s.blocks)).join("\n");
}
