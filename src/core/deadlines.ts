// Deadline phrases of task lists ("Quý IV/2026", "Đến cuối năm 2026", "Thường xuyên") and the
// report deadlines of the profile (SPEC §3, §5).

import { compareDates, dayNumber, daysInMonth, isValidDate, viDate, type CivilDate } from "./dates";
import { periodText, type PeriodKind } from "./form";
import { MSG } from "./messages";
import { deadlineOf, type Profile } from "./profile";
import { memoize } from "./memo";
import { foldKey } from "./text";

/** A report dated after its period's deadline (SPEC §5: late). */
export interface LateReport {
  readonly date: CivilDate;
  readonly deadline: CivilDate;
  /** The period the report more likely is, when it is dated over half a year late in a later year. */
  readonly likelyPeriod?: { readonly kind: PeriodKind; readonly year: number };
}

const HALF_YEAR_DAYS = 183;

/** What a clerk checking one file is told of its lateness (validate, the add-in's Kiểm tra). */
export function lateReportText(late: LateReport): string {
  const likely = late.likelyPeriod;
  return MSG.lateReportNote(
    viDate(late.date),
    viDate(late.deadline),
    likely ? periodText(likely) : undefined,
    likely?.year,
  );
}

export type DeadlineParse =
  | { readonly kind: "date"; readonly date: CivilDate }
  /** A standing task: "Thường xuyên", "Hằng năm", "Theo kế hoạch…". */
  | { readonly kind: "none" }
  /** Text with no recognisable day, month, quarter or year. */
  | { readonly kind: "unknown" };

// SPEC §3 standing phrases, and "Từ năm 2026" (from 2026 on: a start, not an end; docs/DECISIONS.md).
const STANDING = /^(thuong xuyen|hang nam|theo\b|tu (nam )?\d{4}\b(?!.*\d{4}))/;
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

interface Candidate {
  readonly index: number;
  readonly date: CivilDate | null;
}

/**
 * The last day of a deadline phrase: the first explicit day, month, quarter or year in it
 * (SPEC §3). Matching is done without diacritics or case, so "QUÝ iv/2026" and NFD text work.
 */
export function parseDeadline(text: string): DeadlineParse {
  return parsedDeadline(text);
}

// The same few phrases recur in every unit's file: parse each once.
const parsedDeadline = memoize(parseDeadlineText, 10_000);

function parseDeadlineText(text: string): DeadlineParse {
  const t = foldKey(text);
  if (t === "") return { kind: "unknown" };
  if (STANDING.test(t)) return { kind: "none" };
  const candidates: Candidate[] = [];
  const scan = (re: RegExp, toDate: (m: RegExpExecArray) => CivilDate | null): void => {
    for (const m of t.matchAll(new RegExp(re.source, "g")))
      candidates.push({ index: m.index ?? 0, date: toDate(m as RegExpExecArray) });
  };
  scan(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/, (m) =>
    dateOrNull(Number(m[3]), Number(m[2]), Number(m[1])),
  );
  // An ISO date as web systems export it ("2026-06-30"): its day, not the year it starts with.
  scan(/(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/.-])/, (m) =>
    dateOrNull(Number(m[1]), Number(m[2]), Number(m[3])),
  );
  // A comma before "năm" is as often typed as not ("Tháng 6, năm 2026").
  scan(/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})/, (m) =>
    dateOrNull(Number(m[3]), Number(m[2]), Number(m[1])),
  );
  // A span of years ("2026-2027", "giai đoạn 2026 – 2030") ends with its last year.
  scan(/(?<![\d/.])(\d{4})\s*(?:[-–]|den(?:\s+(?:het\s+)?nam)?)\s*(\d{4})(?![\d/])/, (m) =>
    Number(m[2]) >= Number(m[1]) ? endOfMonth(Number(m[2]), 12) : null,
  );
  scan(/quy\s+(iv|iii|ii|i|[1-4])\b\s*,?\s*(?:[/.-]|nam)?\s*(\d{4})/, (m) =>
    endOfQuarter(Number(m[2]), QUARTERS[m[1]!]!),
  );
  scan(/6\s+thang\s+dau\s+nam\s+(\d{4})/, (m) => endOfMonth(Number(m[1]), 6));
  scan(/thang\s+(\d{1,2})\s*(?:[/.-]|,?\s*nam)\s*(\d{4})/, (m) => endOfMonth(Number(m[2]), Number(m[1])));
  scan(/(?<![\d/.-])(\d{1,2})\s*\/\s*(\d{4})/, (m) => endOfMonth(Number(m[2]), Number(m[1])));
  scan(/(?<![\d/.-])(\d{4})(?![\d/])/, (m) => endOfMonth(Number(m[1]), 12));
  const valid = candidates.filter((c): c is Candidate & { date: CivilDate } => c.date !== null);
  if (valid.length === 0) return { kind: "unknown" };
  // Earliest position wins; at the same position the more specific (longer) pattern was pushed first.
  const first = valid.reduce((best, c) => (c.index < best.index ? c : best));
  return { kind: "date", date: first.date };
}

function dateOrNull(year: number, month: number, day: number): CivilDate | null {
  return isValidDate(year, month, day) && year >= 1900 ? { year, month, day } : null;
}

function endOfMonth(year: number, month: number): CivilDate | null {
  if (month < 1 || month > 12 || year < 1900 || year > 9999) return null;
  return { year, month, day: daysInMonth(year, month) };
}

function endOfQuarter(year: number, quarter: number): CivilDate | null {
  return endOfMonth(year, quarter * 3);
}

/** The report deadline of a period under a profile (KL226-BC/1: 6/6 and 6/12 of the year); null when the form has no such period. */
export function reportDeadline(profile: Profile, kind: PeriodKind, year: number): CivilDate | null {
  const deadline = deadlineOf(profile, kind);
  if (!deadline) return null;
  const { day, month } = deadline;
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

/**
 * A report dated after its period's deadline (SPEC §5: late), told to the clerk before sending: its
 * date and the deadline; undefined when on time or the form has no deadline for the period.
 */
export function lateReport(
  report: {
    readonly period: { readonly kind: PeriodKind; readonly year: number };
    readonly reportDate: CivilDate;
  },
  profile: Profile,
): LateReport | undefined {
  const deadline = reportDeadline(profile, report.period.kind, report.period.year);
  if (deadline === null || compareDates(report.reportDate, deadline) <= 0) return undefined;
  // More than half a year late, in the next year: more likely that year's report on last year's file,
  // its Năm left as it was, than a report half a year overdue. (A date years off, "2062", is a typo of
  // the date itself: UNLIKELY_DATE says so, and the Năm cell is not to be changed.)
  const typo =
    report.reportDate.year === report.period.year + 1 &&
    dayNumber(report.reportDate) - dayNumber(deadline) > HALF_YEAR_DAYS;
  return {
    date: report.reportDate,
    deadline,
    ...(typo ? { likelyPeriod: { kind: report.period.kind, year: report.reportDate.year } } : {}),
  };
}
