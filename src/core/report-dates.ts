// Whether a report's date is plausible for its period (UNLIKELY_DATE): before the period begins,
// long after it, before its last quarter, or when the next period's report is made.

import { compareDates, daysInMonth, viDate, type CivilDate } from "./dates";
import {
  isQuarter,
  lastQuarterStart,
  periodHolding,
  nextPeriodHolding,
  periodKindText,
  periodLabelOf,
  periodMonths,
  periodText,
  type Form,
  type Period,
} from "./form";
import { MSG } from "./messages";
import type { Cell } from "./workbook";

/**
 * A date cell shown month first whose day could be a month too (10/05/2026 read as 5 October): typed
 * day first on a machine set to English (US), it was stored with the two swapped, and nothing in
 * the file says which the clerk meant.
 */
export function monthFirstMisread(cell: Cell | undefined, date: CivilDate): boolean {
  const v = cell?.value;
  return v?.kind === "number" && v.monthFirst === true && date.day <= 12 && date.day !== date.month;
}

/**
 * MSG.periodNotOver for a half year's or a year's report dated before its last quarter began, else
 * null; with what to type when the date says it: the shorter period it fits, or, for a year's report
 * dated early in its year, the year before (last year's report, this year typed).
 */
export function earlyForPeriod(date: CivilDate, period: Period, form: Form): string | null {
  const start = lastQuarterStart(period);
  if (start === undefined || compareDates(date, start) >= 0) return null;
  const meant = periodHolding(form, period, date);
  const lastYear: Period = { kind: period.kind, year: period.year - 1 };
  const fix = meant
    ? { period: periodText(meant), type: `chọn “${periodLabelOf(meant.kind)}” ở ô Kỳ báo cáo` }
    : period.kind === "NAM" && date.year === period.year && date.month <= 3
      ? { period: periodText(lastYear), type: `ghi ${lastYear.year} ở ô Năm` }
      : null;
  return MSG.periodNotOver(viDate(date), periodText(period), viDate(start), periodKindText(period.kind), fix);
}

/** A report dated when `period`'s next report is made (nextPeriodHolding): which to pick if it is that one. */
export function laterForPeriod(date: CivilDate, period: Period, form: Form): string | null {
  const next = nextPeriodHolding(form, period, date);
  if (next === undefined) return null;
  return MSG.periodLooksNext(
    viDate(date),
    periodText(period),
    periodText(next),
    periodLabelOf(next.kind),
    next.year !== period.year ? next.year : null,
  );
}

/**
 * A report date no report on its period can have: before the period begins (its year; a quarter's
 * first day), or after the latest a report on it is signed — the end of the following year for a
 * half-year or a year (an annual report is signed early the next year at the latest), six months
 * after its end for a quarter (a quý III report dated 30/09 of the next year). Almost always a
 * mistyped year; it decides whether the report is late and which of a unit's files is used, so it
 * is a warning, not a rejection.
 */
export function unlikelyDateMessage(date: CivilDate, period: Period): string | null {
  const { first, last } = reportDateBounds(period);
  const quarter = isQuarter(period.kind);
  if (compareDates(date, first) < 0)
    return date.year === period.year
      ? MSG.dateBeforeQuarter(viDate(date), periodText(period), viDate(first))
      : MSG.dateBeforePeriod(viDate(date), periodText(period), quarter ? viDate(first) : null);
  if (compareDates(date, last) > 0)
    return MSG.dateAfterPeriod(viDate(date), periodText(period), quarter ? viDate(last) : `năm ${last.year}`);
  return null;
}

/** The first and the last date a report on `period` can plausibly carry (UNLIKELY_DATE outside). */
function reportDateBounds(period: Period): { first: CivilDate; last: CivilDate } {
  const q = periodMonths(period.kind).first;
  if (!isQuarter(period.kind))
    return {
      first: { year: period.year, month: 1, day: 1 },
      last: { year: period.year + 1, month: 12, day: 31 },
    };
  const end = q + 2 + 6; // the quarter's last month, then six months
  const year = period.year + Math.floor((end - 1) / 12);
  const month = ((end - 1) % 12) + 1;
  return {
    first: { year: period.year, month: q, day: 1 },
    last: { year, month, day: daysInMonth(year, month) },
  };
}

/** The first day a report on `period` can carry: its year's first day, a quarter's own first day. */
export function periodFirstDay(period: Period): CivilDate {
  return reportDateBounds(period).first;
}

/** UNLIKELY_DATE's rule: a report date outside `reportDateBounds` of its period. */
export function isUnlikelyReportDate(date: CivilDate, period: Period): boolean {
  const { first, last } = reportDateBounds(period);
  return compareDates(date, first) < 0 || compareDates(date, last) > 0;
}
