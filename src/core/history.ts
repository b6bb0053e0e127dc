// Cross-check against last year's consolidation (kl226 consolidate --previous LAST.json): each unit's
// declared "previous" values (column D this year) against what it reported as "current" last year.
// Pure: the CLI reads the file; this module checks its shape (zod) and compares.

import { z } from "zod";
import { COUNT_CODES, COUNT_FIELDS, PERIODS, type PeriodKind } from "./catalogue";
import type { Consolidation } from "./consolidate";
import { finding, type Finding } from "./findings";
import { MSG } from "./messages";
import { DEFAULT_PROFILE, type Profile } from "./profile";
import { codeKey } from "./text";

const countSchema = z.number().finite().nullable();

/** Only the parts of last year's `consolidate --json` the cross-check needs; other keys are ignored. */
export const previousReportSchema = z.object({
  period: z.object({ kind: z.enum(["6T", "NAM"]), year: z.number().int() }),
  units: z.array(
    z.object({
      code: z.string().min(1),
      values: z.record(z.string(), z.object({ previous: countSchema.optional(), current: countSchema })),
    }),
  ),
});

export type PreviousReport = z.infer<typeof previousReportSchema>;

export type PreviousParse = { readonly ok: true; readonly report: PreviousReport } | { readonly ok: false; readonly errors: readonly string[] };

/** Shape check of parsed JSON; errors name the path of each problem (at most 10). */
export function parsePreviousReport(json: unknown): PreviousParse {
  const r = previousReportSchema.safeParse(json);
  if (r.success) return { ok: true, report: r.data };
  return {
    ok: false,
    errors: r.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join(".") : "(gốc)"}: ${i.message}`),
  };
}

export interface HistoryWarning {
  readonly unit: string;
  readonly file: string;
  readonly finding: Finding;
}

export interface HistoryComparison {
  readonly warnings: readonly HistoryWarning[];
  /** Accepted units this year that last year's consolidation does not list, sorted. */
  readonly newUnits: readonly string[];
  /** Units of last year's consolidation with no accepted report this year, sorted. */
  readonly goneUnits: readonly string[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The OUTLIER band. With one year of history a standard deviation means nothing, so the rule is
 * DHIS2's short-history one: a jump of more than `factor` times either way. Counts below
 * `minCount` on both sides are left alone (3 → 10 meetings is not news).
 */
export type OutlierBand = Profile["outlier"];

function isOutlier(current: number, reported: number, band: OutlierBand): boolean {
  if (current < band.minCount && reported < band.minCount) return false;
  return current > band.factor * reported || reported > band.factor * current;
}

export function compareWithPrevious(c: Consolidation, previous: PreviousReport, band: OutlierBand = DEFAULT_PROFILE.outlier): HistoryComparison {
  const last = new Map<string, PreviousReport["units"][number]>();
  for (const u of previous.units) {
    const code = codeKey(u.code);
    if (!last.has(code)) last.set(code, u);
  }
  const year = previous.period.year;
  const warnings: HistoryWarning[] = [];
  for (const u of c.units) {
    const before = last.get(codeKey(u.code));
    if (!before) continue;
    for (const code of COUNT_CODES) {
      const declared = u.values[code].previous;
      const current = u.values[code].current;
      const reported = before.values[code]?.current ?? null;
      const label = COUNT_FIELDS.find((f) => f.code === code)?.label ?? code;
      if (current !== null && reported !== null && isOutlier(current, reported, band)) {
        warnings.push({
          unit: u.code,
          file: u.file,
          finding: finding("OUTLIER", "warning", "Chỉ tiêu", null, MSG.outlier(`${code} (${label})`, current, reported, year, band.factor)),
        });
      }
      if (declared === null || reported === null || declared === reported) continue;
      warnings.push({
        unit: u.code,
        file: u.file,
        finding: finding("PREVIOUS_MISMATCH", "warning", "Chỉ tiêu", null, MSG.previousMismatch(`${code} (${label})`, declared, reported, year)),
      });
    }
  }
  const thisYear = new Set(c.units.map((u) => codeKey(u.code)));
  return {
    warnings,
    newUnits: [...thisYear].filter((code) => !last.has(code)).sort(byText),
    goneUnits: [...last.keys()].filter((code) => !thisYear.has(code)).sort(byText),
  };
}

/** Human-output notes when last year's file is not the same period kind or not year − 1. */
export function previousPeriodNotes(current: { kind: PeriodKind; year: number } | null, previous: PreviousReport): string[] {
  if (current === null) return [];
  const notes: string[] = [];
  const label = (kind: PeriodKind): string => PERIODS.find((p) => p.id === kind)?.label ?? kind;
  if (previous.period.kind !== current.kind) notes.push(MSG.previousKindDiffers(label(previous.period.kind), label(current.kind)));
  if (previous.period.year !== current.year - 1) notes.push(MSG.previousYearDiffers(previous.period.year, current.year - 1));
  return notes;
}
