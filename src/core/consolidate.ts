// Consolidation of many validated unit reports into one provincial result (SPEC §5): accepted,
// rejected, duplicates, missing units, lateness, indicator statuses, pooled province row, task
// counts and shortfalls. Pure and deterministic: the output does not depend on the input order.

import { COUNT_CODES, INDICATOR_IDS, PERIODS, TASK_STATUSES, type CountCode, type IndicatorId, type Period, type PeriodKind } from "./catalogue";
import { compareDates, isoDate, type CivilDate } from "./dates";
import { reportDeadline } from "./deadlines";
import { finding, type Finding, type Severity } from "./findings";
import { judgeIndicator, type CountPair, type CountValues, type Status } from "./judge";
import { MSG } from "./messages";
import type { Profile, RosterUnit } from "./profile";
import { codeKey, matchKey } from "./text";
import type { TaskRow, UnitReport, ValidationResult } from "./validate";

export interface Submission {
  /** The path as given (shown and written to JSON as is). */
  readonly file: string;
  readonly sha256: string;
  readonly result: ValidationResult;
}

export interface ConsolidateOptions {
  readonly profile: Profile;
  /** Units that must report; defaults to profile.roster. */
  readonly roster?: readonly RosterUnit[];
  /** The period to consolidate; defaults to the period most files declare. */
  readonly period?: Period;
}

export interface IndicatorResult {
  readonly value: number | null;
  readonly target: number;
  readonly status: Status;
  /** Items short (SPEC §5), 0 unless short. */
  readonly gap: number;
}

export type Indicators = Readonly<Record<IndicatorId, IndicatorResult>>;

export interface TaskCounts {
  readonly total: number;
  readonly done: number;
  readonly inProgress: number;
  readonly notStarted: number;
  readonly overdue: number;
}

export interface UnitSummary {
  readonly code: string;
  readonly name: string;
  /** The type label as in the template ("Sở, ban, ngành"). */
  readonly type: string;
  readonly file: string;
  readonly sha256: string;
  readonly reportDate: CivilDate;
  readonly late: boolean;
  readonly values: CountValues;
  readonly indicators: Indicators;
  readonly tasks: TaskCounts;
  /** On the roster (always true when no roster was given). */
  readonly onRoster: boolean;
}

export interface ProvinceSummary {
  /** Sums over the units that filled each value; null when no unit filled it. */
  readonly values: CountValues;
  /** Judged on pooled sums (SPEC §5: never an average of ratios). */
  readonly indicators: Indicators;
  readonly counts: Readonly<Record<IndicatorId, { readonly met: number; readonly short: number; readonly na: number }>>;
  readonly late: number;
}

/** One row of the per-task table: a task of the profile's list, or the group of tasks units added. */
export interface TaskSummary {
  /** 1-based position in the profile's task list; null for the group of unit-added tasks. */
  readonly index: number | null;
  readonly content: string;
  readonly deadlineText: string;
  /** Done in either way (SPEC §3: "Hoàn thành" and "Hoàn thành quá hạn" both count as done). */
  readonly done: number;
  /** Of `done`, those reported "Hoàn thành quá hạn" (kept apart so a roll-up can say so). */
  readonly doneLate: number;
  readonly inProgress: number;
  readonly notStarted: number;
  readonly overdue: number;
  /** Accepted units whose report does not contain this task (profile tasks only). */
  readonly absent: number;
}

/** A task a unit added itself (not on the profile's list). */
export interface OwnTask {
  readonly unit: string;
  readonly content: string;
  readonly deadlineText: string;
  readonly status: string;
  readonly overdue: boolean;
}

export interface Shortfall {
  readonly unit: string;
  readonly unitName: string;
  readonly indicator: IndicatorId;
  readonly value: number | null;
  readonly target: number;
  readonly gap: number;
}

export interface RejectedFile {
  readonly file: string;
  readonly sha256: string;
  readonly unit: string | null;
  readonly unitName: string | null;
  readonly period: PeriodKind | null;
  readonly year: number | null;
  readonly reportDate: CivilDate | null;
  readonly findings: readonly Finding[];
}

export interface Duplicate {
  readonly unit: string;
  readonly unitName: string;
  /** File kept for the unit. */
  readonly kept: string;
  /** File left out. */
  readonly dropped: string;
  readonly droppedSha256: string;
  readonly droppedPeriod: Period;
  readonly droppedReportDate: CivilDate;
  readonly finding: Finding;
}

export interface Warning {
  readonly file: string;
  readonly unit: string;
  readonly code: Finding["code"];
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

export interface Consolidation {
  /** Null only when no period was given and no file declares one. */
  readonly period: Period | null;
  /** True when the period came from the option rather than the files. */
  readonly periodGiven: boolean;
  readonly deadline: CivilDate | null;
  readonly units: readonly UnitSummary[];
  readonly province: ProvinceSummary;
  readonly tasks: readonly TaskSummary[];
  readonly ownTasks: readonly OwnTask[];
  readonly shortfalls: readonly Shortfall[];
  readonly rejected: readonly RejectedFile[];
  readonly duplicates: readonly Duplicate[];
  /** Roster codes with no accepted file, sorted; empty when no roster. */
  readonly missing: readonly RosterUnit[];
  readonly rosterGiven: boolean;
  readonly warnings: readonly Warning[];
  /** Every submission, sorted by file, with what became of it (the summary's "Nguồn" sheet). */
  readonly sources: readonly SourceRow[];
}

export type SourceStatus = "accepted" | "rejected" | "duplicate";

export interface SourceRow {
  readonly file: string;
  readonly sha256: string;
  readonly unit: string | null;
  readonly unitName: string | null;
  readonly period: Period | null;
  readonly reportDate: CivilDate | null;
  readonly status: SourceStatus;
}

/** Code-unit order: deterministic whatever the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The last path segment, for either separator (the core never imports node:path). */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

export function periodLabel(period: Period): string {
  const label = PERIODS.find((p) => p.id === period.kind)?.label ?? period.kind;
  return `${label} ${period.year}`;
}

const periodKey = (p: Period): string => `${p.kind}/${p.year}`;

/**
 * The period most files declare. Counted over the files that pass validation (their declaration
 * is trustworthy); if none does, over every file that declares both kind and year. Ties go to the
 * later year, then NAM over 6T (an annual report covers the half-year one), so the choice never
 * depends on input order. Recorded in docs/DECISIONS.md.
 */
export function majorityPeriod(submissions: readonly Submission[]): Period | null {
  const declared = (only: boolean): Period[] =>
    submissions
      .filter((s) => !only || s.result.valid)
      .flatMap((s) => (s.result.period !== null && s.result.year !== null ? [{ kind: s.result.period, year: s.result.year }] : []));
  const periods = declared(true).length > 0 ? declared(true) : declared(false);
  const tally = new Map<string, { period: Period; n: number }>();
  for (const p of periods) {
    const entry = tally.get(periodKey(p)) ?? { period: p, n: 0 };
    entry.n += 1;
    tally.set(periodKey(p), entry);
  }
  const rank = (kind: PeriodKind): number => (kind === "NAM" ? 1 : 0);
  let best: { period: Period; n: number } | null = null;
  for (const e of tally.values()) {
    if (
      best === null ||
      e.n > best.n ||
      (e.n === best.n && (e.period.year > best.period.year || (e.period.year === best.period.year && rank(e.period.kind) > rank(best.period.kind))))
    ) {
      best = e;
    }
  }
  return best?.period ?? null;
}

interface Candidate {
  readonly submission: Submission;
  readonly report: UnitReport;
}

/** SPEC §5: the later NGAY_BAO_CAO wins; tie → the later base file name in sort order (then the full path). */
function laterFirst(a: Candidate, b: Candidate): number {
  return (
    compareDates(b.report.reportDate, a.report.reportDate) ||
    compareText(baseName(b.submission.file), baseName(a.submission.file)) ||
    compareText(b.submission.file, a.submission.file) ||
    compareText(b.submission.sha256, a.submission.sha256)
  );
}

export function consolidate(submissions: readonly Submission[], options: ConsolidateOptions): Consolidation {
  const { profile } = options;
  // Sorting first makes every later step independent of the order the files came in.
  const sorted = [...submissions].sort((a, b) => compareText(a.file, b.file) || compareText(a.sha256, b.sha256));
  const period = options.period ?? majorityPeriod(sorted);
  const deadline = period ? reportDeadline(profile, period.kind, period.year) : null;

  const rejected: RejectedFile[] = [];
  const candidates = new Map<string, Candidate[]>();
  for (const s of sorted) {
    const r = s.result;
    const report = r.report;
    if (!r.valid || report === null) {
      rejected.push(rejectedFile(s, r.findings));
      continue;
    }
    if (period && periodKey(report.period) !== periodKey(period)) {
      const mismatch = finding("PERIOD_MISMATCH", "error", "Thông tin", null, MSG.periodMismatch(periodLabel(report.period), periodLabel(period)));
      rejected.push(rejectedFile(s, [mismatch, ...r.findings]));
      continue;
    }
    const list = candidates.get(report.unit.code) ?? [];
    list.push({ submission: s, report });
    candidates.set(report.unit.code, list);
  }

  const roster = options.roster ?? profile.roster;
  const rosterCodes = roster ? new Set(roster.map((u) => codeKey(u.code))) : null;

  const units: UnitSummary[] = [];
  const duplicates: Duplicate[] = [];
  const warnings: Warning[] = [];
  const kept: Candidate[] = [];
  for (const code of [...candidates.keys()].sort(compareText)) {
    const [winner, ...others] = [...(candidates.get(code) ?? [])].sort(laterFirst);
    if (!winner) continue;
    kept.push(winner);
    for (const d of others) {
      duplicates.push({
        unit: code,
        unitName: d.report.unit.name,
        kept: winner.submission.file,
        dropped: d.submission.file,
        droppedSha256: d.submission.sha256,
        droppedPeriod: d.report.period,
        droppedReportDate: d.report.reportDate,
        finding: finding("DUPLICATE_UNIT", "warning", "Thông tin", null, MSG.duplicateUnit(code, baseName(winner.submission.file))),
      });
    }
    const onRoster = rosterCodes === null || rosterCodes.has(code);
    units.push(unitSummary(winner, profile, onRoster));
    const file = winner.submission.file;
    for (const f of winner.submission.result.findings) {
      if (f.severity === "warning") warnings.push({ file, unit: code, code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message });
    }
    if (!onRoster) {
      warnings.push({ file, unit: code, code: "UNKNOWN_UNIT", severity: "warning", sheet: "Thông tin", cell: null, message: MSG.unknownUnit(code) });
    }
  }
  duplicates.sort((a, b) => compareText(a.unit, b.unit) || compareText(a.dropped, b.dropped));
  warnings.sort((a, b) => compareText(a.file, b.file));

  const acceptedCodes = new Set(units.map((u) => u.code));
  const missing = roster
    ? dedupeRoster(roster)
        .filter((u) => !acceptedCodes.has(u.code))
        .sort((a, b) => compareText(a.code, b.code))
    : [];

  const shortfalls: Shortfall[] = [];
  for (const u of units) {
    for (const id of INDICATOR_IDS) {
      const ind = u.indicators[id];
      if (ind.status === "short") shortfalls.push({ unit: u.code, unitName: u.name, indicator: id, value: ind.value, target: ind.target, gap: ind.gap });
    }
  }

  const statusOf = (s: Submission): SourceStatus => {
    if (rejected.some((r) => r.file === s.file && r.sha256 === s.sha256)) return "rejected";
    return kept.some((k) => k.submission === s) ? "accepted" : "duplicate";
  };
  const sources: SourceRow[] = sorted.map((s) => ({
    file: s.file,
    sha256: s.sha256,
    unit: s.result.unit,
    unitName: s.result.unitName,
    period: s.result.period !== null && s.result.year !== null ? { kind: s.result.period, year: s.result.year } : null,
    reportDate: s.result.reportDate,
    status: statusOf(s),
  }));

  const { tasks, ownTasks } = taskTables(kept, profile);
  return {
    period,
    periodGiven: options.period !== undefined,
    deadline,
    units,
    province: provinceSummary(units, profile),
    tasks,
    ownTasks,
    shortfalls,
    rejected,
    duplicates,
    missing,
    rosterGiven: roster !== undefined,
    warnings,
    sources,
  };
}

function rejectedFile(s: Submission, findings: readonly Finding[]): RejectedFile {
  const r = s.result;
  return { file: s.file, sha256: s.sha256, unit: r.unit, unitName: r.unitName, period: r.period, year: r.year, reportDate: r.reportDate, findings };
}

function dedupeRoster(roster: readonly RosterUnit[]): RosterUnit[] {
  const seen = new Map<string, RosterUnit>();
  for (const u of roster) {
    const code = codeKey(u.code);
    if (!seen.has(code)) seen.set(code, { ...u, code });
  }
  return [...seen.values()];
}

function judgeAll(values: CountValues, profile: Profile): Indicators {
  const out = {} as Record<IndicatorId, IndicatorResult>;
  for (const id of INDICATOR_IDS) {
    const target = profile.targets[id];
    const j = judgeIndicator(id, values, target);
    out[id] = { value: j.value, target, status: j.status, gap: j.gap };
  }
  return out;
}

const isDone = (t: TaskRow): boolean => TASK_STATUSES.some((s) => s.id === t.status && s.done);

/** SPEC §3: strictly before the report date and not done. */
function isOverdue(t: TaskRow, reportDate: CivilDate): boolean {
  return !isDone(t) && t.deadline !== null && compareDates(t.deadline, reportDate) < 0;
}

function taskCounts(tasks: readonly TaskRow[], reportDate: CivilDate): TaskCounts {
  return {
    total: tasks.length,
    done: tasks.filter(isDone).length,
    inProgress: tasks.filter((t) => t.status === "IN_PROGRESS").length,
    notStarted: tasks.filter((t) => t.status === "NOT_STARTED").length,
    overdue: tasks.filter((t) => isOverdue(t, reportDate)).length,
  };
}

function unitSummary({ submission, report }: Candidate, profile: Profile, onRoster: boolean): UnitSummary {
  // SPEC §5: on the deadline day is on time; only a later day is late.
  const late = compareDates(report.reportDate, reportDeadline(profile, report.period.kind, report.period.year)) > 0;
  return {
    code: report.unit.code,
    name: report.unit.name,
    type: report.unit.type,
    file: submission.file,
    sha256: submission.sha256,
    reportDate: report.reportDate,
    late,
    values: report.values,
    indicators: judgeAll(report.values, profile),
    tasks: taskCounts(report.tasks, report.reportDate),
    onRoster,
  };
}

function sumOf(units: readonly UnitSummary[], pick: (u: UnitSummary) => number | null): number | null {
  let sum: number | null = null;
  for (const u of units) {
    const v = pick(u);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

function provinceSummary(units: readonly UnitSummary[], profile: Profile): ProvinceSummary {
  // SPEC §5: sums over the units that filled a value; blank optional values are skipped, not 0.
  const values = {} as Record<CountCode, CountPair>;
  for (const code of COUNT_CODES) {
    values[code] = { previous: sumOf(units, (u) => u.values[code].previous), current: sumOf(units, (u) => u.values[code].current) };
  }
  const indicators = {} as Record<IndicatorId, IndicatorResult>;
  const counts = {} as Record<IndicatorId, { met: number; short: number; na: number }>;
  for (const id of INDICATOR_IDS) {
    // Pooled: judged on sums, never on an average of the units' ratios (SPEC §5). A ratio pools the
    // units that filled both of its inputs, so a unit that filled only the part (both optional for
    // EDOC_RATIO and DIGITAL_SKILLS_RATIO) cannot push the province above 100 %. With every unit
    // filling both or neither (always so for required inputs) this equals the sums shown.
    const inputs = indicatorInputs(id);
    const filled = units.filter((u) => inputs.every(([code, column]) => u.values[code][column] !== null));
    // Only the indicator's own inputs are re-summed over `filled` (judgeIndicator reads no others).
    const pooled = { ...values };
    for (const code of new Set(inputs.map(([c]) => c))) {
      pooled[code] = { previous: sumOf(filled, (u) => u.values[code].previous), current: sumOf(filled, (u) => u.values[code].current) };
    }
    const target = profile.targets[id];
    const j = judgeIndicator(id, pooled, target);
    indicators[id] = { value: j.value, target, status: j.status, gap: j.gap };
    counts[id] = {
      met: units.filter((u) => u.indicators[id].status === "met").length,
      short: units.filter((u) => u.indicators[id].status === "short").length,
      na: units.filter((u) => u.indicators[id].status === "na").length,
    };
  }
  return { values, indicators, counts, late: units.filter((u) => u.late).length };
}

/** The counts (and columns) an indicator is computed from. */
export function indicatorInputs(id: IndicatorId): ReadonlyArray<readonly [CountCode, "previous" | "current"]> {
  const judgedOn = (code: CountCode, column: "previous" | "current"): readonly [CountCode, "previous" | "current"] => [code, column];
  switch (id) {
    case "MEETING_REDUCTION":
      return [judgedOn("HN_TONG", "previous"), judgedOn("HN_TONG", "current")];
    case "DOC_REDUCTION":
      return [judgedOn("VB_HANH_CHINH", "previous"), judgedOn("VB_HANH_CHINH", "current")];
    case "OVERTIME_MEETINGS":
      return [judgedOn("HN_VUOT_THOI_LUONG", "current")];
    case "ONLINE_RATIO":
      return [judgedOn("HN_TRUC_TUYEN", "current"), judgedOn("HN_TONG", "current")];
    case "TTHC_DIGITAL_RATIO":
      return [judgedOn("TTHC_SO", "current"), judgedOn("TTHC_TONG", "current")];
    case "DIGITIZATION_RATIO":
      return [judgedOn("VB_SO_HOA", "current"), judgedOn("VB_TONG", "current")];
    case "EDOC_RATIO":
      return [judgedOn("VB_DIEN_TU", "current"), judgedOn("VB_KHONG_MAT", "current")];
    case "DIGITAL_SKILLS_RATIO":
      return [judgedOn("CC_KY_NANG_SO", "current"), judgedOn("CC_TONG", "current")];
  }
}

export const OWN_TASKS_LABEL = "Nhiệm vụ đơn vị tự bổ sung";

/**
 * SPEC §5 sheet Nhiệm vụ: per task of the profile's list, how many units report it done, in
 * progress, not started, overdue. Rows are matched by their content text (matchKey), so a unit
 * that inserted or reordered rows still counts; the first matching row of a unit is used. Rows
 * matching no profile task (and repeats) are the unit's own tasks: they count in the unit's totals
 * and are grouped in one row (counting task rows, not units) and listed one by one.
 */
function taskTables(kept: readonly Candidate[], profile: Profile): { tasks: TaskSummary[]; ownTasks: OwnTask[] } {
  const keys = profile.tasks.map((t) => matchKey(t.content));
  const rows = profile.tasks.map((t, i) => ({
    index: i + 1,
    content: t.content,
    deadlineText: t.deadline,
    done: 0,
    doneLate: 0,
    inProgress: 0,
    notStarted: 0,
    overdue: 0,
    absent: 0,
  }));
  const own = { index: null, content: OWN_TASKS_LABEL, deadlineText: "", done: 0, doneLate: 0, inProgress: 0, notStarted: 0, overdue: 0, absent: 0 };
  const ownTasks: OwnTask[] = [];
  const tally = (row: { done: number; doneLate: number; inProgress: number; notStarted: number; overdue: number }, t: TaskRow, reportDate: CivilDate): void => {
    if (t.status === "DONE_LATE") row.doneLate += 1;
    if (isDone(t)) row.done += 1;
    else if (t.status === "IN_PROGRESS") row.inProgress += 1;
    else row.notStarted += 1;
    if (isOverdue(t, reportDate)) row.overdue += 1;
  };
  const sortedKept = [...kept].sort((a, b) => compareText(a.report.unit.code, b.report.unit.code));
  for (const { report } of sortedKept) {
    const seen = new Set<number>();
    for (const t of report.tasks) {
      const key = matchKey(t.content);
      const i = keys.findIndex((k, j) => k === key && !seen.has(j));
      const row = i >= 0 ? rows[i] : undefined;
      if (row) {
        seen.add(i);
        tally(row, t, report.reportDate);
      } else {
        tally(own, t, report.reportDate);
        ownTasks.push({
          unit: report.unit.code,
          content: t.content,
          deadlineText: t.deadlineText,
          status: TASK_STATUSES.find((s) => s.id === t.status)?.label ?? t.status,
          overdue: isOverdue(t, report.reportDate),
        });
      }
    }
    rows.forEach((row, j) => {
      if (!seen.has(j)) row.absent += 1;
    });
  }
  return { tasks: [...rows, own], ownTasks };
}

/** SPEC §6 `consolidate --json`: exactly these keys; dates ISO, `type` the label, `file` as given. */
export function consolidationJson(c: Consolidation): object {
  const values = (v: CountValues): Record<string, { previous: number | null; current: number | null }> =>
    Object.fromEntries(COUNT_CODES.map((code) => [code, { previous: v[code].previous, current: v[code].current }]));
  const indicators = (ind: Indicators): Record<string, { value: number | null; target: number; status: Status }> =>
    Object.fromEntries(INDICATOR_IDS.map((id) => [id, { value: ind[id].value, target: ind[id].target, status: ind[id].status }]));
  const findingJson = (f: Finding): object => ({ code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message });
  return {
    period: c.period ? { kind: c.period.kind, year: c.period.year } : null,
    units: c.units.map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type,
      file: u.file,
      sha256: u.sha256,
      reportDate: isoDate(u.reportDate),
      late: u.late,
      values: values(u.values),
      indicators: indicators(u.indicators),
      tasks: { total: u.tasks.total, done: u.tasks.done, inProgress: u.tasks.inProgress, notStarted: u.tasks.notStarted, overdue: u.tasks.overdue },
    })),
    province: {
      values: values(c.province.values),
      indicators: indicators(c.province.indicators),
      counts: Object.fromEntries(INDICATOR_IDS.map((id) => [id, { ...c.province.counts[id] }])),
    },
    shortfalls: c.shortfalls.map((s) => ({ unit: s.unit, indicator: s.indicator, value: s.value, target: s.target, gap: s.gap })),
    rejected: c.rejected.map((r) => ({ file: r.file, findings: r.findings.map(findingJson) })),
    duplicates: c.duplicates.map((d) => ({ unit: d.unit, kept: d.kept, dropped: d.dropped })),
    missing: c.missing.map((u) => u.code),
    warnings: c.warnings.map((w) => ({ file: w.file, code: w.code, sheet: w.sheet, cell: w.cell, message: w.message })),
  };
}
