// Consolidation of many validated unit reports into one result for the form being consolidated
// (SPEC §5, §8): accepted, rejected (other form, other period, errors), duplicates, missing and
// returned units, lateness, indicator statuses, the pooled province row, task counts and
// shortfalls. Pure and deterministic: the output does not depend on the input order.

import { ROLLUP_SOURCES_SHEET, SHEETS, TASK_STATUSES, type UnitTypeId } from "./catalogue";
import { compareDates, isoDate, parseDateText, viDate, type CivilDate } from "./dates";
import { lateReport, parseDeadline, reportDeadline } from "./deadlines";
import { finding, type Finding } from "./findings";
import {
  arrivedUnderOtherCode,
  arrivedUnderOtherNotes,
  filesByPeriod,
  laterPeriodReport,
  otherPeriodOnlyUnits,
  otherPeriodReport,
  unitOfFileName,
} from "./file-fates";
import { baseName, fileNameBeside, fileNameCode, laterFileFirst, nameParts } from "./file-names";
import {
  indicatorApplies,
  judgedInPeriod,
  indicatorInputs,
  dateFitsPeriod,
  declaredPeriod,
  signedJustAfter,
  mislabelledAsLonger,
  periodSpan,
  periodText,
  periodLabelOf,
  taskApplies,
  taskKeys,
  type Column,
  type Form,
  type Indicator,
  type Period,
  type PeriodKind,
} from "./form";
import {
  hundredths,
  judgeCount,
  judgeIndicator,
  judgeRate,
  judgeRatio,
  judgeReduction,
  pairOf,
  type CountPair,
  type CountValues,
  type Judgement,
  type Status,
} from "./judge";
import { viInteger } from "./format";
import { sentenceCase } from "./indicator-text";
import { MSG } from "./messages";
import type { Profile, RosterUnit } from "./profile";
import { codeFromWords, codeKey, compareText, looseNameKey, matchKey, squeezedCode } from "./text";
import { successionOf, type Succession } from "./succession";
import { columnName } from "./counts-sheet";
import { isUnlikelyReportDate, periodFirstDay } from "./report-dates";
import { lateBeforeDeadline } from "./lists";
import type {
  Submission,
  IndicatorResult,
  Indicators,
  TaskCounts,
  UnitSummary,
  ProvinceSummary,
  TaskSummary,
  OwnTask,
  Shortfall,
  RejectedFile,
  Duplicate,
  InRollup,
  NotReport,
  Warning,
  Consolidation,
  ReturnedUnit,
  SourceStatus,
  SourceRow,
  CountDifference,
} from "./consolidation";
import { RESENT_MARK, UNDATED_FIRST_MARK } from "./consolidation";
import type { RollupSource, TaskRow, UnitReport, ValidationResult } from "./unit-report";

export interface ConsolidateOptions {
  readonly profile: Profile;
  /** Units that must report; defaults to profile.roster. */
  readonly roster?: readonly RosterUnit[];
  /** The period to consolidate; defaults to the period most files declare. */
  readonly period?: Period;
}

const periodKey = (p: Period): string => `${p.kind}/${p.year}`;

/**
 * The period most files declare, counted over every file of `form` that declares both kind and
 * year, valid or not; ties go to the period more of the valid files declare, then to the later
 * year, then NAM over 6T over Q4 … Q1 (an annual report covers the shorter ones), so the choice
 * never depends on input order. Counting only the valid files (as until session 16) let one stray
 * valid report of another period outvote the rest: seven rejected files of 6 tháng 2026 and last
 * year's annual report made "Năm 2025" the period, its file the only one accepted, and 56 units
 * "missing". Recorded in docs/DECISIONS.md.
 */
export function majorityPeriod(submissions: readonly Submission[], form?: string): Period | null {
  const tally = new Map<string, { period: Period; n: number; valid: number }>();
  for (const s of submissions) {
    if (form !== undefined && s.result.form !== form) continue;
    if (s.result.period === null || s.result.year === null) continue;
    const period = { kind: s.result.period, year: s.result.year };
    const entry = tally.get(periodKey(period)) ?? { period, n: 0, valid: 0 };
    entry.n += 1;
    if (s.result.valid) entry.valid += 1;
    tally.set(periodKey(period), entry);
  }
  // A later, longer period covers the shorter ones: NAM, then 6T, then Q4 … Q1.
  const rank = (kind: PeriodKind): number => ["Q1", "Q2", "Q3", "Q4", "6T", "NAM"].indexOf(kind);
  let best: { period: Period; n: number; valid: number } | null = null;
  for (const e of tally.values()) {
    if (
      best === null ||
      e.n > best.n ||
      (e.n === best.n &&
        (e.valid > best.valid ||
          (e.valid === best.valid &&
            (e.period.year > best.period.year ||
              (e.period.year === best.period.year && rank(e.period.kind) > rank(best.period.kind))))))
    ) {
      best = e;
    }
  }
  return best?.period ?? null;
}

interface Candidate {
  readonly submission: Submission;
  readonly report: UnitReport;
  /**
   * The code the file declares when it is not on the roster but the unit's name is one roster unit's:
   * the report is counted as that unit's (`report.unit.code`), most likely a mistyped code.
   */
  readonly declaredCode?: string;
  /** Counted for the roster unit whose report has every figure of this one (sameFiguresToRosterUnit). */
  readonly sameFigures?: boolean;
}

/**
 * Every figure of a report, as one text; null for a report with too few figures to tell it from
 * another unit's (fewer than three counts of this period above zero).
 */
function figuresKey(report: UnitReport, form: Form): string | null {
  const pairs = form.counts.map((f) => pairOf(report.values, f.code));
  if (pairs.filter((p) => p.current !== null && p.current > 0).length < 3) return null;
  return pairs.map((p) => `${p.previous ?? ""}/${p.current ?? ""}`).join(";");
}

/**
 * Two units counted whose every figure is the same (both on the roster, or no roster to tell): most
 * likely one report sent under two codes, or a neighbour's file not filled again. Both stay counted
 * (nothing says which is whose): the later one in code order is told, naming the other.
 */
function sameFiguresTwice(kept: readonly Candidate[], form: Form): Warning[] {
  const first = new Map<string, Candidate>();
  const out: Warning[] = [];
  for (const c of [...kept].sort((a, b) => compareText(a.report.unit.code, b.report.unit.code))) {
    const key = figuresKey(c.report, form);
    if (key === null) continue;
    const other = first.get(key);
    if (other === undefined) {
      first.set(key, c);
      continue;
    }
    out.push({
      file: c.submission.file,
      unit: c.report.unit.code,
      code: "DUPLICATE_UNIT",
      severity: "warning",
      sheet: "Chỉ tiêu",
      cell: null,
      message: MSG.sameFiguresTwice(other.report.unit.code, baseName(other.submission.file)),
    });
  }
  return out;
}

/**
 * A report under a code the roster does not have whose every figure is a roster unit's report's:
 * that unit's report sent under another code (a predecessor's, before it resent it under its own).
 * (All but a figure or two alike was tried: a neighbour's file copied and barely changed would then
 * be taken for the neighbour's own, its unit's report lost.)
 * Counted as two units, the province's totals held its figures twice. It is moved to that unit,
 * where its own file goes first (a file giving the unit's code itself wins: `preferred`).
 */
function sameFiguresToRosterUnit(
  candidates: Map<string, Candidate[]>,
  rosterCodes: ReadonlySet<string>,
  form: Form,
): void {
  const onRoster = new Map<string, string | null>();
  for (const [code, list] of candidates) {
    if (!rosterCodes.has(code)) continue;
    for (const c of list) {
      const key = figuresKey(c.report, form);
      if (key === null) continue;
      const seen = onRoster.get(key);
      onRoster.set(key, seen === undefined || seen === code ? code : null);
    }
  }
  for (const [code, list] of [...candidates]) {
    if (rosterCodes.has(code)) continue;
    const keys = new Set(list.map((c) => figuresKey(c.report, form)));
    const targets = new Set([...keys].map((k) => (k === null ? undefined : onRoster.get(k))));
    const [target] = targets;
    if (targets.size !== 1 || target === undefined || target === null) continue;
    candidates.delete(code);
    candidates.set(target, [
      ...(candidates.get(target) ?? []),
      ...list.map((c) => ({
        ...c,
        report: { ...c.report, unit: { ...c.report.unit, code: target } },
        declaredCode: c.declaredCode ?? c.report.unit.code,
        sameFigures: true,
      })),
    ]);
  }
}

/**
 * SPEC §5: the later NGAY_BAO_CAO wins; tie → the later file name in sort order, compared without
 * its extension (`fileStem`) and case, then with case, then the whole base name, then the contents.
 */
function laterFirst(a: Candidate, b: Candidate): number {
  return laterFileFirst(
    { file: a.submission.file, sha256: a.submission.sha256, reportDate: a.report.reportDate },
    { file: b.submission.file, sha256: b.submission.sha256, reportDate: b.report.reportDate },
  );
}

/**
 * The form most files declare (SPEC §8), counted over files that name a known form; ties go to
 * `fallback` (KL226-BC/1), then to the id first in sort order.
 */
export function majorityForm(submissions: readonly Submission[], fallback: string): string {
  const tally = new Map<string, number>();
  for (const s of submissions)
    if (s.result.form !== null) tally.set(s.result.form, (tally.get(s.result.form) ?? 0) + 1);
  let best = fallback;
  let bestN = tally.get(fallback) ?? 0;
  for (const [form, n] of [...tally.entries()].sort(([a], [b]) => compareText(a, b))) {
    if (n > bestN) {
      best = form;
      bestN = n;
    }
  }
  return best;
}

/**
 * PERIOD_MISMATCH's message: relabelling the file is suggested only where it may be a report on the
 * consolidated period; a roll-up of another period, or a file dated before that period began, is not.
 */
function periodMismatchMessage(r: ValidationResult, declared: Period, period: Period): string {
  const found = periodText(declared);
  const expected = periodText(period);
  if ((r.report?.rollupOf?.length ?? 0) > 0) return MSG.periodMismatchRollup(found, expected);
  const start = periodFirstDay(period);
  if (r.reportDate !== null && compareDates(r.reportDate, start) < 0)
    return MSG.periodMismatchEarlier(found, expected, viDate(r.reportDate), viDate(start));
  if (r.reportDate !== null && laterPeriodReport(r, period))
    return MSG.periodMismatchLater(found, expected, viDate(r.reportDate));
  // Dated in the month after its own period ended, which is also this period's first month.
  if (r.reportDate !== null && signedJustAfter(r.reportDate, declared) && otherPeriodReport(r, period))
    return MSG.periodMismatchJustEnded(found, expected, viDate(r.reportDate));
  // A quarter's, a half year's and a year's figures never stand for one another: relabelled, a
  // quarter's report would be counted as the year's (or the half year's as a year's) unseen. But a
  // year's report dated before the year's last quarter, at a date this period's reports carry (a
  // "Năm" dated in June), holds no year's figures: the list's wrong entry was picked for this
  // period's report, and relabelling is the fix.
  if (
    periodSpan(declared.kind) !== periodSpan(period.kind) &&
    !mislabelledAsLonger(declared, period, r.reportDate)
  )
    return MSG.periodMismatchSpan(found, expected);
  const kindDiffers = declared.kind !== period.kind;
  return MSG.periodMismatch(
    found,
    expected,
    kindDiffers ? `chọn Kỳ báo cáo “${periodLabelOf(period.kind)}”` : `ghi Năm ${period.year}`,
    kindDiffers && declared.year !== period.year ? period.year : null,
  );
}

/** The units a roll-up sums, at the bottom of a roll-up of roll-ups (not the roll-ups between); 0 for a plain report. */
export function rollupUnits(u: Pick<UnitSummary, "rollupOf">): number {
  return bottomSources(u).length;
}

/** The codes of the units a roll-up sums (as rollupUnits counts them), sorted; none for a plain report. */
export function rollupCodes(u: Pick<UnitSummary, "rollupOf">): string[] {
  return bottomSources(u)
    .map((s) => s.code)
    .sort(compareText);
}

function bottomSources(u: Pick<UnitSummary, "rollupOf">): readonly RollupSource[] {
  if (u.rollupOf === undefined || u.rollupOf.length === 0) return [];
  const between = new Set(u.rollupOf.flatMap((s) => (s.via === undefined ? [] : [s.via])));
  return u.rollupOf.filter((s) => !between.has(s.code));
}

/** How many units the accepted reports cover: a report counts 1, a roll-up the units it sums. */
export function unitsCovered(c: Pick<Consolidation, "units">): number {
  let n = 0;
  for (const u of c.units) n += rollupUnits(u) || 1;
  return n;
}

/**
 * "(tổng hợp 7 đơn vị)": a roll-up's mark beside its unit's name (the summary's unit rows, Phụ lục I),
 * so a reader sees the row sums other units and next year's `--previous` knows this year's shape.
 */
export function rollupMark(summed: number): string {
  // "7 đơn vị" held together: a narrow name column wrapped it as "(tổng hợp 7" over "đơn vị)".
  return `(tổng hợp ${viInteger(summed)}\u00a0đơn vị)`;
}

/**
 * What a late unit's "Trễ hạn" is marked with where units are listed: an update of a report sent on
 * time (RESENT_MARK), or an earlier returned file without a date (UNDATED_FIRST_MARK); else none.
 */
export function lateMark(
  u: Pick<UnitSummary, "firstReportDate" | "firstReportUndated">,
): typeof RESENT_MARK | typeof UNDATED_FIRST_MARK | undefined {
  if (u.firstReportDate) return RESENT_MARK;
  return u.firstReportUndated !== undefined ? UNDATED_FIRST_MARK : undefined;
}

/**
 * A unit's name as the documents list it: a roll-up's followed by its mark ("Sở Y tế (tổng hợp 7
 * đơn vị)" in the summary's rows; on a line of its own in Phụ lục I, `separator` "\n").
 */
export function rollupName(u: Pick<UnitSummary, "name" | "rollupOf">, separator = " "): string {
  const summed = rollupUnits(u);
  return summed > 0 ? `${u.name}${separator}${rollupMark(summed)}` : u.name;
}

/** The units summed, read back from a name that ends with rollupMark; undefined for a name without it. */
export function markedRollupUnits(name: string): number | undefined {
  const m = /\(tổng hợp\s+([\d.]+)\s+đơn vị\)\s*$/u.exec(name.normalize("NFC"));
  return m ? Number(m[1]!.replaceAll(".", "")) : undefined;
}

/** "52 đơn vị", or with roll-ups among them "52 báo cáo, gồm 64 đơn vị". */
export function countedUnitsPhrase(c: Pick<Consolidation, "units">): string {
  const covered = unitsCovered(c);
  return covered === c.units.length
    ? `${viInteger(c.units.length)} đơn vị`
    : `${viInteger(c.units.length)} báo cáo, gồm ${viInteger(covered)} đơn vị`;
}

const INFO_KEY = matchKey(SHEETS.info);

/**
 * SPEC §5, §8: the consolidation of every file given, in steps: the files sorted into rejected ones
 * and candidates per unit, the one that counts for each unit and the duplicates beside it, the units
 * counted (or summed in a roll-up), the returned and missing units, the province's figures.
 */
export function consolidate(all: readonly Submission[], options: ConsolidateOptions): Consolidation {
  const { profile } = options;
  const form = profile.form;
  // A roster left among the reports is no report: out of every count, named apart.
  const notReports = all
    .filter((s) => s.result.notAReport !== undefined)
    .map((s): NotReport => ({
      file: s.file,
      sha256: s.sha256,
      ...(s.result.notUtf8 ? { notUtf8: true } : {}),
    }));
  const submissions = notReports.length === 0 ? all : all.filter((s) => s.result.notAReport === undefined);
  // Sorting first makes every later step independent of the order the files came in.
  const sorted = [...submissions].sort(
    (a, b) => compareText(a.file, b.file) || compareText(a.sha256, b.sha256),
  );
  const period = options.period ?? majorityPeriod(sorted, form.id);
  const deadline = period ? reportDeadline(profile, period.kind, period.year) : null;

  const roster = options.roster ?? profile.roster;
  const lookup = rosterLookup(roster, profile);
  const { rosterCodes, rosterNames, succession } = lookup;
  const read = candidatesPerUnit(sorted, form, period, lookup);
  const { candidates } = read;
  const order = fileOrder(lookup);
  if (rosterCodes !== null) sameFiguresToRosterUnit(candidates, rosterCodes, form);
  const { winners, duplicates } = duplicatesResolved(candidates, form, lookup, order);
  const sourceCode = rollupSourceCode(lookup);
  const coveredBy = rollupCover(winners, sourceCode);
  const counted = countedUnits(winners, coveredBy, profile, lookup, order);
  const { kept, inRollup, warnings } = counted;
  warnings.push(...fileNameUnitWarnings(candidates, lookup, order));
  warnings.push(...rollupOverlaps(kept, sourceCode, rosterNames));
  warnings.push(...sameFiguresTwice(kept, form));
  warnings.sort((a, b) => compareText(a.file, b.file));

  const rejected = rejectedPlacedByFileName(read.rejected, rosterCodes);
  const units =
    deadline !== null && period !== null
      ? unitsWithFirstReportDates(counted.units, candidates, rejected, period, deadline, order)
      : counted.units;
  const { returned, missing } = returnedAndMissing(units, coveredBy, rejected, roster, rosterCodes, period);
  const shortfalls = shortfallsOf(units, form);
  const sources = sourceRows(sorted, rejected, kept, inRollup);
  const { tasks, ownTasks } = taskTables(kept, profile);
  return {
    form,
    plan: { id: profile.id ?? null, name: profile.name },
    period,
    periodGiven: options.period !== undefined,
    deadline,
    units,
    province: provinceSummary(units, form, period?.kind ?? null),
    tasks,
    ownTasks,
    shortfalls,
    rejected,
    duplicates,
    inRollup,
    rolledUp: [...coveredBy.keys()].sort(compareText),
    missing,
    returned,
    rosterGiven: roster !== undefined,
    ...(succession.any
      ? {
          formerly: Object.fromEntries(
            (roster ?? []).flatMap((u) => (u.formerly ? [[codeKey(u.code), u.formerly] as const] : [])),
          ),
        }
      : {}),
    warnings,
    sources,
    ...(notReports.length > 0
      ? {
          notReports: [...notReports].sort(
            (a, b) => compareText(a.file, b.file) || compareText(a.sha256, b.sha256),
          ),
        }
      : {}),
  };
}

/**
 * What the roster (the one given, else the profile's) says of the codes and names the files give,
 * for one run: its codes and names, and the roster unit a code it lacks stands for (a mistyped code,
 * or a predecessor's in a reorganisation).
 */
interface RosterLookup {
  readonly rosterCodes: ReadonlySet<string> | null;
  readonly rosterNames: ReadonlyMap<string, string>;
  readonly codeOfName: (name: string) => string | undefined;
  readonly bySqueezedCode: ReadonlyMap<string, string>;
  readonly byCode: (code: string, name: string) => string | undefined;
  readonly succession: Succession;
  /** The roster unit a code the roster lacks is counted for, by its name or its predecessor's code. */
  readonly knownByName: (code: string | null, name: string | null) => string | undefined;
  /** Codes given by files that were counted for the unit that succeeded theirs (knownByName adds them). */
  readonly formerCodes: ReadonlySet<string>;
  readonly recodedMessage: (declared: string, code: string, name: string, accepted: boolean) => string;
}

function rosterLookup(roster: readonly RosterUnit[] | undefined, profile: Profile): RosterLookup {
  const rosterCodes = roster ? new Set(roster.map((u) => codeKey(u.code))) : null;
  const rosterNames = new Map((roster ?? []).map((u) => [codeKey(u.code), u.name]));
  const codeOfName = rosterUnitsByName(roster ?? []);
  // A code the roster does not have, on a file whose unit name is one roster unit's: that unit's
  // file with its code mistyped ("XA_QUANG_PHUU" for Xã Quảng Phú). Counted as a second unit, it left
  // the unit "missing" and, once the unit sent the corrected file, was added twice.
  // So is a code that differs from one roster code only in its "_", "." or "-" (XA_MUONGLAT), on a
  // file whose name does not say another unit ("Xã Hoằng Lộc" on XAHOANGHOA is not Xã Hoằng Hóa).
  const bySqueezedCode = uniqueBy(roster ?? [], (u) => squeezedCode(u.code));
  const byCode = (code: string, name: string): string | undefined => {
    const found = bySqueezedCode.get(squeezedCode(code));
    const rosterName = found === undefined ? undefined : rosterNames.get(found);
    return rosterName !== undefined && nameParts(rosterName).rest === nameParts(name).rest
      ? found
      : undefined;
  };
  // A unit merged in a reorganisation whose file still gives a predecessor's code or name: counted
  // for its successor, as the roster's "Đơn vị cũ" says (succession.ts).
  const succession = successionOf(roster ?? [], profile.organisation.place);
  const knownByName = (code: string | null, name: string | null): string | undefined => {
    if (code === null || name === null || rosterCodes?.has(codeKey(code)) !== false) return undefined;
    const found = codeOfName(name) ?? byCode(code, name);
    // A name that is one roster unit's and also a predecessor of another ("Xã Quảng Phú" of two former
    // districts): whose file it is cannot be told; it is counted as its own code, and said.
    if (found !== undefined)
      return succession.naming(code, name).some((s) => s !== found) ? undefined : found;
    const successor = succession.successorOf(code, name);
    if (successor !== undefined) formerCodes.add(codeKey(code));
    return successor;
  };
  /** Codes given by files that were counted for the unit that succeeded theirs. */
  const formerCodes = new Set<string>();
  const recodedMessage = (declared: string, code: string, name: string, accepted: boolean): string =>
    formerCodes.has(codeKey(declared))
      ? MSG.unitCodeFormer(declared, name, code, rosterNames.get(code) ?? code, accepted)
      : MSG.unitCodeByName(declared, code, name, accepted);
  return {
    rosterCodes,
    rosterNames,
    codeOfName,
    bySqueezedCode,
    byCode,
    succession,
    knownByName,
    formerCodes,
    recodedMessage,
  };
}

/**
 * The files sorted, in file order, into the rejected ones (another form, another period, errors;
 * with the roster unit that sent it when that can be told) and the valid ones, as candidates by the
 * code they are counted under.
 */
function candidatesPerUnit(
  sorted: readonly Submission[],
  form: Form,
  period: Period | null,
  { rosterCodes, rosterNames, codeOfName, bySqueezedCode, knownByName, recodedMessage }: RosterLookup,
): { rejected: RejectedFile[]; candidates: Map<string, Candidate[]> } {
  const rejected: RejectedFile[] = [];
  const candidates = new Map<string, Candidate[]>();
  for (const s of sorted) {
    const r = s.result;
    const report = r.report;
    const extra: Finding[] = [];
    // SPEC §8: a file of another form is rejected with FORM_MISMATCH (once, whoever found it). Not
    // found while it was checked: no profile was chosen, and the form most files declare is this one.
    if (r.form !== null && r.form !== form.id && !r.findings.some((f) => f.code === "FORM_MISMATCH")) {
      extra.push(
        finding("FORM_MISMATCH", "error", "Thông tin", "A1", MSG.formMismatchInRun(r.form, form.id)),
      );
    }
    const declared = declaredPeriod(r);
    if (
      period &&
      declared &&
      periodKey(declared) !== periodKey(period) &&
      // A report of this form is told its period even when it has other errors: another period's
      // report is not to be mended and sent back as this one (its letter asks for this period's).
      // One of another form is not (its periods are another regime's, and FORM_MISMATCH says what
      // to do), whether the form was chosen with the profile or by the files.
      (r.form === form.id || (r.form === null && report !== null))
    ) {
      // At the cell that differs (the kind when both do), saying what to type there.
      const kindDiffers = declared.kind !== period.kind;
      const cell = (kindDiffers ? r.periodCells?.kind : r.periodCells?.year) ?? null;
      extra.push(
        finding("PERIOD_MISMATCH", "error", "Thông tin", cell, periodMismatchMessage(r, declared, period)),
      );
    }
    if (!r.valid || report === null || extra.length > 0) {
      const findings = [...extra, ...r.findings];
      const named = knownByName(r.unit, r.unitName);
      // No code at all, and a roster unit's name: that unit sent it (returned, not missing).
      const byNameOnly =
        r.unit === null && r.unitName !== null && rosterCodes !== null ? codeOfName(r.unitName) : undefined;
      // A code typed in words ("so nong nghiep mt"): the roster's code they spell, separators aside
      // (SO_NONG_NGHIEP_MT), is said at its cell, and the file is that unit's, returned.
      const spelled =
        r.unit === null && r.unitTyped !== undefined && rosterCodes !== null
          ? bySqueezedCode.get(squeezedCode(codeFromWords(r.unitTyped)))
          : undefined;
      const told =
        spelled === undefined
          ? findings
          : findings.map((f) =>
              f.code === "BAD_VALUE" && f.cell === r.unitCell && matchKey(f.sheet ?? "") === INFO_KEY
                ? {
                    ...f,
                    message: MSG.badUnitCode(r.unitTyped!, null, {
                      code: spelled,
                      name: rosterNames.get(spelled) ?? spelled,
                    }),
                  }
                : f,
            );
      const unit = byNameOnly ?? spelled;
      rejected.push(
        named === undefined
          ? { ...rejectedFile(s, told), ...(unit !== undefined ? { unit } : {}) }
          : {
              ...rejectedFile(s, [
                ...findings,
                finding(
                  "UNKNOWN_UNIT",
                  "warning",
                  "Thông tin",
                  r.unitCell ?? null,
                  recodedMessage(r.unit!, named, r.unitName!, false),
                ),
              ]),
              unit: named,
            },
      );
      continue;
    }
    const named = knownByName(report.unit.code, report.unit.name);
    const candidate: Candidate =
      named === undefined
        ? { submission: s, report }
        : {
            submission: s,
            report: { ...report, unit: { ...report.unit, code: named } },
            declaredCode: report.unit.code,
          };
    const list = candidates.get(candidate.report.unit.code) ?? [];
    list.push(candidate);
    candidates.set(candidate.report.unit.code, list);
  }
  return { rejected, candidates };
}

/**
 * Which of a unit's files goes first (preferredIn: the rules in its comments, then SPEC §5's
 * laterFirst), and what tells them apart.
 */
interface FileOrder {
  readonly otherNamed: (c: Candidate) => string | null;
  readonly guessed: (c: Candidate) => boolean;
  readonly fromFormer: (c: Candidate) => boolean;
  readonly preferredIn: (list: readonly Candidate[]) => (a: Candidate, b: Candidate) => number;
  readonly partsOfFormer: (list: readonly Candidate[]) => boolean;
}

function fileOrder({ rosterCodes, formerCodes }: RosterLookup): FileOrder {
  // The roster unit a file's name names when it is not the unit the file declares ("XA_HA_TRUNG.xlsx"
  // holding XA_AN_HOA: a neighbour's file copied and not re-coded), or null.
  const namedOther = new Map<Candidate, string | null>();
  const otherNamed = (c: Candidate): string | null => {
    let named = namedOther.get(c);
    if (named === undefined) {
      const code = fileNameCode(c.submission.file);
      named = code !== null && rosterCodes?.has(code) === true && code !== c.report.unit.code ? code : null;
      namedOther.set(c, named);
    }
    return named;
  };
  // A report whose file name names another roster unit is most likely that unit's, copied from
  // this one's file and not re-coded: it never displaces one of this unit's own files, whatever its
  // date (a clerk puts her own, later date on the copy). Among the rest, SPEC §5 decides.
  // A unit's roll-up goes before a plain report of the same code, whatever their dates: it sums the
  // unit's subordinates (its date is their latest, not the day it was made), and a plain report
  // beside it is most likely the office's own figures, sent apart.
  // A file that gives the unit's code itself goes before one counted for it by its name.
  // A file under a predecessor's code (the roster's "Đơn vị cũ") is the unit's own as much as one under
  // its new code: the dates decide between them (a correction sent under the old code is the newer).
  const guessed = (c: Candidate): boolean =>
    c.declaredCode !== undefined && !formerCodes.has(codeKey(c.declaredCode));
  const fromFormer = (c: Candidate): boolean =>
    c.declaredCode !== undefined && formerCodes.has(codeKey(c.declaredCode));
  // Files of two or more former units beside the unit's own: the own file is their combined report.
  const preferredIn = (list: readonly Candidate[]) => {
    const ownBesideParts = partsOfFormer(list) && list.some((c) => c.declaredCode === undefined);
    return (a: Candidate, b: Candidate): number =>
      Number(otherNamed(a) !== null) - Number(otherNamed(b) !== null) ||
      Number(guessed(a)) - Number(guessed(b)) ||
      (ownBesideParts ? Number(fromFormer(a)) - Number(fromFormer(b)) : 0) ||
      Number(a.report.rollupOf === undefined) - Number(b.report.rollupOf === undefined) ||
      // On one day, the file under the unit's own code before a predecessor's.
      (compareDates(a.report.reportDate, b.report.reportDate) === 0
        ? Number(a.declaredCode !== undefined) - Number(b.declaredCode !== undefined)
        : 0) ||
      laterFirst(a, b);
  };
  /** Files under two or more different predecessors' codes: each former unit's own report, parts of one. */
  const partsOfFormer = (list: readonly Candidate[]): boolean =>
    new Set(list.filter(fromFormer).map((c) => codeKey(c.declaredCode!))).size >= 2;
  return { otherNamed, guessed, fromFormer, preferredIn, partsOfFormer };
}

/** DUPLICATE_UNIT's message for `d`, left out beside `winner`, the file counted for unit `code`. */
function droppedMessage(
  { rosterNames, formerCodes }: RosterLookup,
  form: Form,
  code: string,
  winner: Candidate,
  d: Candidate,
  o: {
    readonly former: boolean;
    readonly conflict: boolean;
    readonly misnamed: boolean;
    readonly named: string | null;
    readonly sameDay: boolean;
    readonly diff: CountDifference | null;
  },
): string {
  const keptFile = fileNameBeside(winner.submission.file, d.submission.file);
  const rosterName = rosterNames.get(code) ?? code;
  if (o.former && o.conflict && o.diff !== null)
    return MSG.formerConflict(
      code,
      rosterName,
      { code: d.declaredCode ?? code, date: viDate(d.report.reportDate) },
      { code: winner.declaredCode ?? code, file: keptFile, date: viDate(winner.report.reportDate) },
      o.diff,
    );
  if (o.misnamed && o.named !== null)
    return MSG.duplicateMisnamed(code, keptFile, o.named, rosterNames.get(o.named) ?? o.named);
  if (d.declaredCode === undefined || winner.declaredCode !== undefined)
    return duplicateMessage(
      winner,
      d,
      o.sameDay,
      o.diff,
      o.sameDay && o.diff === null ? textsDiffering(d.report, winner.report, form) : [],
    );
  if (d.sameFigures === true) return MSG.duplicateSameFigures(d.declaredCode, code, rosterName, keptFile);
  if (formerCodes.has(codeKey(d.declaredCode)))
    return MSG.duplicateFormer(d.declaredCode, code, rosterName, keptFile);
  const recoded = MSG.duplicateRecoded(d.declaredCode, code, d.report.unit.name, keptFile);
  return o.conflict && o.diff !== null ? `${recoded} ${MSG.recodedDiffers(o.diff)}` : recoded;
}

/**
 * The file that counts for each unit code (`winners`) and the duplicates left out beside it, each
 * with its DUPLICATE_UNIT finding, sorted by unit and file.
 */
function duplicatesResolved(
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  form: Form,
  lookup: RosterLookup,
  { otherNamed, guessed, fromFormer, preferredIn, partsOfFormer }: FileOrder,
): { winners: Map<string, Candidate>; duplicates: Duplicate[] } {
  const duplicates: Duplicate[] = [];
  const winners = new Map<string, Candidate>();
  for (const code of [...candidates.keys()].sort(compareText)) {
    const list = candidates.get(code) ?? [];
    const [winner, ...others] = [...list].sort(preferredIn(list));
    if (!winner) continue;
    winners.set(code, winner);
    const partsOnly = partsOfFormer(list) && !list.some((c) => c.declaredCode === undefined);
    for (const d of others) {
      // On the same day only the file names decided: whether the figures differ is worth saying.
      const sameDay = compareDates(winner.report.reportDate, d.report.reportDate) === 0;
      // Left out because its name is another roster unit's, not by date or name order.
      const named = otherNamed(d);
      const misnamed = named !== null && otherNamed(winner) === null;
      // A predecessor's file beside another file of its successor: the two may be two former units'
      // own reports (parts of one), or a correction; with other figures, never left out unsaid.
      const former = fromFormer(d) || fromFormer(winner);
      const recoded = d.declaredCode !== undefined || winner.declaredCode !== undefined;
      const diff = (sameDay || recoded) && !misnamed ? firstDifference(d.report, winner.report, form) : null;
      // Other figures beside a file counted for the unit under another code: asked about when two
      // former units each sent their own, on one day, when the match was by name alone (perhaps
      // another unit of that name), or when a file taken for a resend is not older than the one kept.
      // A later resend that replaces an earlier one is the usual flow, not a conflict.
      // A roll-up kept over the unit's own report is the rule whatever the day (plainBesideRollup
      // says what to do), not a doubt about which file is right.
      const rollupOverOwn = winner.report.rollupOf !== undefined && d.report.rollupOf === undefined;
      const conflict =
        diff !== null &&
        !rollupOverOwn &&
        (!recoded ||
          sameDay ||
          (partsOnly && fromFormer(d) && fromFormer(winner)) ||
          ((guessed(d) || guessed(winner)) &&
            (d.sameFigures !== true || compareDates(d.report.reportDate, winner.report.reportDate) >= 0)));
      duplicates.push({
        unit: code,
        unitName: d.report.unit.name,
        kept: winner.submission.file,
        dropped: d.submission.file,
        droppedSha256: d.submission.sha256,
        droppedPeriod: d.report.period,
        droppedReportDate: d.report.reportDate,
        conflict,
        ...(former ? { former: true } : {}),
        // Units at the bottom of a roll-up of roll-ups, as the totals count them (rollupUnits).
        droppedRollupUnits: rollupUnits(d.report),
        keptRollupUnits: d.report.rollupOf === undefined ? rollupUnits(winner.report) : 0,
        finding: finding(
          "DUPLICATE_UNIT",
          "warning",
          "Thông tin",
          null,
          droppedMessage(lookup, form, code, winner, d, { former, conflict, misnamed, named, sameDay, diff }),
        ),
        ...(conflict && diff !== null
          ? {
              asked: {
                difference: diff,
                keptReportDate: winner.report.reportDate,
                ...(winner.declaredCode !== undefined ? { keptCode: winner.declaredCode } : {}),
                ...(d.declaredCode !== undefined ? { droppedCode: d.declaredCode } : {}),
                parts: partsOnly && fromFormer(d) && fromFormer(winner),
              },
            }
          : {}),
      });
    }
  }
  duplicates.sort((a, b) => compareText(a.unit, b.unit) || compareText(a.dropped, b.dropped));
  return { winners, duplicates };
}

// A unit a roll-up sums under a code the roster lacks, by a roster unit's name (the level below
// gave it its own code): the roster's, as for a unit's own file, so its own file here is left out
// (IN_ROLLUP) instead of counted a second time.
function rollupSourceCode({
  rosterCodes,
  codeOfName,
  byCode,
}: RosterLookup): (source: RollupSource) => string {
  return (source) =>
    rosterCodes === null || rosterCodes.has(codeKey(source.code))
      ? source.code
      : (codeOfName(source.name) ?? byCode(source.code, source.name) ?? source.code);
}

/** A warning at `cell` of the Thông tin sheet of `c`'s file, told under unit `unit`. */
function infoWarning(
  c: Candidate,
  unit: string,
  code: Finding["code"],
  cell: string | null,
  message: string,
): Warning {
  return {
    file: c.submission.file,
    sha256: c.submission.sha256,
    unit,
    code,
    severity: "warning",
    sheet: "Thông tin",
    cell,
    message,
  };
}

/**
 * The units counted, in code order (each unit's winning file, unless a roll-up counted here sums
 * its unit: then `inRollup`), with the warnings of their files and of their codes.
 */
function countedUnits(
  winners: ReadonlyMap<string, Candidate>,
  coveredBy: ReadonlyMap<string, Cover>,
  profile: Profile,
  { rosterCodes, rosterNames, codeOfName, recodedMessage }: RosterLookup,
  { fromFormer }: FileOrder,
): { units: UnitSummary[]; kept: Candidate[]; inRollup: InRollup[]; warnings: Warning[] } {
  const units: UnitSummary[] = [];
  const warnings: Warning[] = [];
  const kept: Candidate[] = [];
  const inRollup: InRollup[] = [];
  for (const [code, winner] of winners) {
    const cover = coveredBy.get(code);
    if (cover) {
      inRollup.push(inRollupOf(winner, cover, rosterNames));
      continue;
    }
    kept.push(winner);
    const onRoster = rosterCodes === null || rosterCodes.has(code);
    // On the roster, a unit goes by the roster's name (the Sở's own list): letters are addressed by it.
    units.push(unitSummary(winner, profile, onRoster, rosterNames.get(code), fromFormer(winner)));
    const file = winner.submission.file;
    for (const f of winner.submission.result.findings) {
      if (f.severity === "warning")
        warnings.push({
          file,
          sha256: winner.submission.sha256,
          unit: code,
          code: f.code,
          severity: f.severity,
          sheet: f.sheet,
          cell: f.cell,
          message: f.message,
        });
    }
    // A roster code on a file that names another roster unit: most likely that unit's report on a
    // copied file whose code was not changed (its letter went "Kính gửi" the other unit's name).
    const typed = winner.report.unit.name;
    const named = codeOfName(typed);
    if (rosterCodes?.has(code) === true && named !== undefined && named !== code)
      warnings.push(
        infoWarning(
          winner,
          code,
          "OTHER_UNIT_NAME",
          winner.submission.result.nameCell ?? null,
          MSG.otherUnitName(
            typed,
            named,
            rosterNames.get(named) ?? typed,
            code,
            rosterNames.get(code) ?? code,
          ),
        ),
      );
    // A code the roster does not have: counted for the roster unit of the same name, or as its own.
    const declared = winner.declaredCode;
    if (declared !== undefined || !onRoster) {
      warnings.push(
        infoWarning(
          winner,
          code,
          "UNKNOWN_UNIT",
          winner.submission.result.unitCell ?? null,
          declared !== undefined
            ? recodedMessage(declared, code, winner.report.unit.name, true)
            : MSG.unknownUnit(code),
        ),
      );
    }
  }
  return { units, kept, inRollup, warnings };
}

/** FILE_NAME_UNIT: each valid file, counted or not, whose name gives another roster unit's code (otherNamed). */
function fileNameUnitWarnings(
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  { rosterNames }: RosterLookup,
  { otherNamed }: FileOrder,
): Warning[] {
  const warnings: Warning[] = [];
  for (const list of candidates.values()) {
    for (const c of list) {
      const named = otherNamed(c);
      if (named === null) continue;
      warnings.push(
        infoWarning(
          c,
          c.report.unit.code,
          "FILE_NAME_UNIT",
          null,
          MSG.fileNameUnit(
            baseName(c.submission.file),
            named,
            rosterNames.get(named) ?? named,
            c.report.unit.code,
          ),
        ),
      );
    }
  }
  return warnings;
}

// SPEC §5: returned (every file rejected) is not missing (no file at all). A file that cannot be
// read names no unit; when its name starts with a roster code ("XA_NGA_SON.xlsx"), that unit sent it.
function rejectedPlacedByFileName(
  rejected: RejectedFile[],
  rosterCodes: ReadonlySet<string> | null,
): RejectedFile[] {
  if (rosterCodes === null) return rejected;
  return rejected.map((r) => {
    // A file this machine could not open (or our bug) is no sign of what the unit sent: its unit
    // is not "returned" for it (the unplaced note names it beside the missing units).
    if (r.unit !== null) return r;
    const guess = unitOfFileName(r);
    return guess && rosterCodes.has(guess) ? { ...r, unit: guess, unitFromFileName: true } : r;
  });
}

// A late report kept after a file of this period the unit sent by the deadline — a valid report
// it updated since (its own files, not one named for another unit), else one returned and
// corrected since (of this form) — is said apart (firstReportDate), so that a clerk who dates the
// corrected file honestly is not told late where one who kept the old date is not.
function unitsWithFirstReportDates(
  units: readonly UnitSummary[],
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  rejected: readonly RejectedFile[],
  period: Period,
  deadline: CivilDate,
  { otherNamed }: FileOrder,
): UnitSummary[] {
  const earliest = (seen: Map<string, CivilDate>, unit: string, date: CivilDate): void => {
    const before = seen.get(unit);
    if (before === undefined || compareDates(date, before) < 0) seen.set(unit, date);
  };
  // By shape too: a department's own report, dropped beside its roll-up as another report, is no
  // earlier version of the roll-up (a tester's late roll-up was called a resend of it).
  const shape = (code: string, rollup: boolean): string => `${code}\n${rollup ? "rollup" : "own"}`;
  const valid = new Map<string, CivilDate>();
  for (const list of candidates.values())
    for (const x of list)
      if (otherNamed(x) === null)
        earliest(valid, shape(x.report.unit.code, x.report.rollupOf !== undefined), x.report.reportDate);
  const returned = new Map<string, CivilDate>();
  // A file of this period, or one labelled with a longer period by the list's wrong entry (its
  // figures were this period's, sent by the deadline), or one of this kind with last year's Năm
  // left in it and dated within this period (not that year's own report: otherPeriodReport), which
  // its message asks to relabel too. Not one relabelling merely may mend (a quarter's for another
  // quarter's): that is most often what its label says.
  const ofThisPeriod = (r: RejectedFile): boolean =>
    (r.period === period.kind && r.year === period.year) ||
    (r.period === period.kind &&
      r.reportDate !== null &&
      dateFitsPeriod(r.reportDate, period) &&
      !otherPeriodReport(r, period)) ||
    (r.period !== null &&
      r.year !== null &&
      mislabelledAsLonger({ kind: r.period, year: r.year }, period, r.reportDate));
  // Not a template sent back unfilled: no report was sent by the deadline, only a date on a blank form.
  // Its Ngày báo cáo left blank (returned for it): when it came cannot be told, and is said so.
  const undated = new Map<string, string>();
  for (const r of rejected) {
    if (r.unit === null || r.blank === true || r.findings.some((f) => f.code === "FORM_MISMATCH")) continue;
    if (r.reportDate !== null) {
      if (ofThisPeriod(r)) earliest(returned, r.unit, r.reportDate);
    } else if (r.period === period.kind && r.year === period.year) {
      const before = undated.get(r.unit);
      if (before === undefined || compareText(r.file, before) < 0) undated.set(r.unit, r.file);
    }
  }
  const onTime = (date: CivilDate | undefined): CivilDate | undefined =>
    date !== undefined && compareDates(date, deadline) <= 0 ? date : undefined;
  return units.map((u) => {
    const rollup = u.rollupOf !== undefined;
    // A returned file's shape is not known: it counts for a unit's own report only.
    const first = u.late
      ? (onTime(valid.get(shape(u.code, rollup))) ?? (rollup ? undefined : onTime(returned.get(u.code))))
      : undefined;
    if (first !== undefined) return { ...u, firstReportDate: first };
    const file = u.late && !rollup ? undated.get(u.code) : undefined;
    return file !== undefined ? { ...u, firstReportUndated: file } : u;
  });
}

/** SPEC §5: the units whose every file was rejected (returned) and the roster units with no file (missing). */
function returnedAndMissing(
  units: readonly UnitSummary[],
  coveredBy: ReadonlyMap<string, Cover>,
  rejected: readonly RejectedFile[],
  roster: readonly RosterUnit[] | undefined,
  rosterCodes: ReadonlySet<string> | null,
  period: Period | null,
): { returned: ReturnedUnit[]; missing: RosterUnit[] } {
  // A unit a roll-up sums has reported through it, with or without a file of its own here.
  const acceptedCodes = new Set([...units.map((u) => u.code), ...coveredBy.keys()]);
  const rejectedByUnit = new Map<string, RejectedFile[]>();
  for (const r of rejected) {
    if (r.unit === null || acceptedCodes.has(r.unit)) continue;
    // A report on another form from a unit not on this roster belongs to another regime (another
    // Sở's, another province's): listed as rejected, but that unit is not "returned" and gets no letter.
    const foreign =
      rosterCodes !== null && !rosterCodes.has(r.unit) && r.findings.some((f) => f.code === "FORM_MISMATCH");
    if (foreign) continue;
    rejectedByUnit.set(r.unit, [...(rejectedByUnit.get(r.unit) ?? []), r]);
  }
  const rosterByCode = new Map((roster ? dedupeRoster(roster) : []).map((u) => [u.code, u]));
  const returned: ReturnedUnit[] = [...rejectedByUnit.entries()]
    .map(([code, files]) => ({
      code,
      name: rosterByCode.get(code)?.name ?? files.find((f) => f.unitName)?.unitName ?? code,
      onRoster: rosterByCode.has(code),
      ...typeOfReturned(rosterByCode.get(code)?.type, files),
      files: files.map((f) => f.file).sort(compareText),
      // Not for a unit off the roster: nobody awaits this period's report from it (a commune merged away).
      ...((!roster || rosterByCode.has(code)) && files.every((f) => otherPeriodReport(f, period))
        ? { otherPeriods: filesByPeriod(files).map((g) => g.period) }
        : {}),
    }))
    .sort((a, b) => compareText(a.code, b.code));
  const missing = roster
    ? [...rosterByCode.values()]
        .filter((u) => !acceptedCodes.has(u.code) && !rejectedByUnit.has(u.code))
        .sort((a, b) => compareText(a.code, b.code))
    : [];
  return { returned, missing };
}

/** Each counted unit's indicators short of their target, in unit and indicator order. */
function shortfallsOf(units: readonly UnitSummary[], form: Form): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  for (const u of units) {
    for (const ind of form.indicators) {
      const r = u.indicators[ind.id];
      if (r?.status === "short") {
        shortfalls.push({
          unit: u.code,
          unitName: u.name,
          indicator: ind.id,
          value: r.value,
          target: r.target,
          comparison: r.comparison,
          gap: r.gap,
        });
      }
    }
  }
  return shortfalls;
}

/** Every file read (rosters left among the reports aside), in file order, with what became of it. */
function sourceRows(
  sorted: readonly Submission[],
  rejected: readonly RejectedFile[],
  kept: readonly Candidate[],
  inRollup: readonly InRollup[],
): SourceRow[] {
  const rejectedKeys = new Set(rejected.map((r) => `${r.file}\u0000${r.sha256}`));
  const keptSubmissions = new Set(kept.map((k) => k.submission));
  const inRollupFiles = new Set(inRollup.map((r) => `${r.file}\u0000${r.sha256}`));
  const statusOf = (s: Submission): SourceStatus => {
    const key = `${s.file}\u0000${s.sha256}`;
    if (rejectedKeys.has(key)) return "rejected";
    if (keptSubmissions.has(s)) return "accepted";
    return inRollupFiles.has(key) ? "in-rollup" : "duplicate";
  };
  const sources: SourceRow[] = sorted.map((s) => ({
    file: s.file,
    sha256: s.sha256,
    unit: s.result.unit,
    unitName: s.result.unitName,
    period:
      s.result.period !== null && s.result.year !== null
        ? { kind: s.result.period, year: s.result.year }
        : null,
    reportDate: s.result.reportDate,
    status: statusOf(s),
  }));
  return sources;
}

/**
 * DUPLICATE_UNIT's message for `dropped`: the two report dates; for two reports of the same day,
 * whether their figures agree or where they first differ, so the analyst knows whether to ask the
 * unit which one is right.
 */
function duplicateMessage(
  kept: Candidate,
  dropped: Candidate,
  sameDay: boolean,
  diff: CountDifference | null,
  /** With no figure differing: the free texts the two fill differently (the report quotes the kept one's). */
  texts: readonly string[],
): string {
  const keptName = fileNameBeside(kept.submission.file, dropped.submission.file);
  const unit = kept.report.unit.code;
  if (kept.report.rollupOf !== undefined && dropped.report.rollupOf === undefined)
    return MSG.plainBesideRollup(unit, keptName, rollupUnits(kept.report));
  const keptDate = viDate(kept.report.reportDate);
  const rule = sameDay
    ? MSG.duplicateSameDay(
        unit,
        keptName,
        keptDate,
        diff,
        baseName(kept.submission.file) === baseName(dropped.submission.file),
        texts,
      )
    : MSG.duplicateUnit(unit, keptName, keptDate, viDate(dropped.report.reportDate));
  // What makes the choice doubtful: a roll-up lost to a plain report, a date with a mistyped year.
  const summed = rollupUnits(dropped.report);
  const doubtful = doubtfulDateNote(kept) ?? doubtfulDateNote(dropped);
  return [
    rule,
    ...(summed > 0 && !kept.report.rollupOf ? [MSG.droppedRollup(summed)] : []),
    ...(doubtful !== null ? [doubtful] : []),
  ].join(" ");
}

/** For a report whose date has a mistyped year (UNLIKELY_DATE), the note that a choice by date may be wrong. */
function doubtfulDateNote({ report, submission }: Candidate): string | null {
  return isUnlikelyReportDate(report.reportDate, report.period)
    ? MSG.doubtfulDate(viDate(report.reportDate), baseName(submission.file))
    : null;
}

/**
 * The first count (form order, this period before the previous one) two reports give differently;
 * else the first task row whose status differs (two files "with the same figures" counted different
 * tasks done, and the summary's Nhiệm vụ took one file's without a word).
 */
function firstDifference(here: UnitReport, there: UnitReport, form: Form): CountDifference | null {
  for (const f of form.counts) {
    for (const column of ["current", "previous"] as const) {
      const a = pairOf(here.values, f.code)[column];
      const b = pairOf(there.values, f.code)[column];
      if (a !== b) return { label: f.label, column: columnName(form, column), here: a, there: b };
    }
  }
  const statuses = (r: UnitReport): Map<number, string> =>
    new Map(r.tasks.map((t) => [t.row, TASK_STATUSES.find((s) => s.id === t.status)?.label ?? t.status]));
  const a = statuses(here);
  const b = statuses(there);
  const rows = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const row = rows.find((r) => a.get(r) !== b.get(r));
  return row === undefined
    ? null
    : {
        label: `Tình trạng của nhiệm vụ ở dòng ${row}`,
        column: `trang “${SHEETS.tasks}”, cột G`,
        here: a.get(row) ?? null,
        there: b.get(row) ?? null,
      };
}

/** A free text as compared: spacing aside (a line break typed in one copy is no other answer). */
const spaced = (text: string | undefined): string => (text ?? "").replace(/\s+/g, " ").trim();

/** The free texts (Khó khăn, Kiến nghị…) two reports of one unit fill differently, by label: the report quotes the kept one's. */
function textsDiffering(here: UnitReport, there: UnitReport, form: Form): string[] {
  return form.freeText
    .filter((f) => spaced(here.texts[f.code]) !== spaced(there.texts[f.code]))
    .map((f) => f.label);
}

/** The roll-up that sums a unit, and that roll-up's line for it. */
interface Cover {
  readonly rollup: Candidate;
  readonly source: RollupSource;
}

/**
 * Which units' reports an accepted roll-up already sums, by unit code. From each roll-up no other
 * kept report names (the top of its chain), every code its hidden sheet names other than its own is
 * covered, and so on down through the roll-ups among those units (a roll-up of a roll-up), each
 * unit by the roll-up whose sheet names it. A unit two roll-ups name goes to the first in code
 * order. Roll-ups that name each other in a ring, with none above them, cover nothing: they are
 * all counted, as before, rather than all left out.
 */
function rollupCover(
  winners: ReadonlyMap<string, Candidate>,
  codeOf: (source: RollupSource) => string,
): Map<string, Cover> {
  const named = new Set<string>();
  for (const [code, c] of winners)
    for (const s of c.report.rollupOf ?? []) {
      const source = codeOf(s);
      if (source !== code) named.add(source);
    }
  const cover = new Map<string, Cover>();
  const descend = (rollup: Candidate): void => {
    for (const source of rollup.report.rollupOf ?? []) {
      const code = codeOf(source);
      if (code === rollup.report.unit.code || cover.has(code)) continue;
      cover.set(code, { rollup, source });
      const below = winners.get(code);
      if (below) descend(below);
    }
  };
  for (const [code, c] of winners) if (c.report.rollupOf && !named.has(code)) descend(c);
  return cover;
}

/**
 * Units that two counted roll-ups both sum: they are in both sums, and neither roll-up can be taken
 * apart, so the province total counts them twice. Said once per pair of roll-ups, on the later one
 * in code order, naming the units they share (ROLLUP_OVERLAP, a warning).
 */
function rollupOverlaps(
  kept: readonly Candidate[],
  codeOf: (source: RollupSource) => string,
  rosterNames: ReadonlyMap<string, string>,
): Warning[] {
  const firstNamer = new Map<string, Candidate>();
  const shared = new Map<Candidate, Map<Candidate, string[]>>();
  for (const rollup of kept) {
    for (const source of rollup.report.rollupOf ?? []) {
      const code = codeOf(source);
      if (code === rollup.report.unit.code) continue;
      const first = firstNamer.get(code);
      if (!first) {
        firstNamer.set(code, rollup);
        continue;
      }
      if (first === rollup) continue;
      const withFirst = shared.get(rollup) ?? new Map<Candidate, string[]>();
      // Named as the letters name a unit ("Phòng A (PHONG_A)"): the roster's name, else the roll-up's.
      const name = rosterNames.get(codeKey(code)) ?? source.name;
      withFirst.set(first, [...(withFirst.get(first) ?? []), namedWithCode(name, code)]);
      shared.set(rollup, withFirst);
    }
  }
  return [...shared].flatMap(([rollup, withFirst]) =>
    [...withFirst].map(([first, units]) => ({
      file: rollup.submission.file,
      unit: rollup.report.unit.code,
      code: "ROLLUP_OVERLAP" as const,
      severity: "warning" as const,
      sheet: ROLLUP_SOURCES_SHEET,
      cell: null,
      message: MSG.rollupOverlap(
        units,
        rollupNameOf(rollup, rosterNames),
        rollupNameOf(first, rosterNames),
        baseName(first.submission.file),
      ),
    })),
  );
}

/** `date` against a roll-up's recorded date text (dd/mm/yyyy); one that cannot be read counts as older. */
function comparedWith(date: CivilDate, recorded: string): "newer" | "same day" | "older" {
  const summed = parseDateText(recorded);
  const order = summed === null ? 1 : compareDates(date, summed);
  return order > 0 ? "newer" : order === 0 ? "same day" : "older";
}

/**
 * The roll-up between, named as the roll-up lists it ("Sở Y tế"), else by its code: the letter names it
 * inside brackets already, where a code means little to the unit that reads it.
 */
function viaUnit(code: string, sources: readonly RollupSource[] | undefined): string {
  const between = sources?.find((s) => s.code === code && s.via === undefined && s.name.trim() !== "");
  return between === undefined ? code : between.name.trim();
}

/** A roll-up by its unit's name, as IN_ROLLUP and ROLLUP_OVERLAP name it: the roster's, else its file's, else its code. */
function rollupNameOf(rollup: Candidate, rosterNames: ReadonlyMap<string, string>): string {
  const { code, name } = rollup.report.unit;
  return (rosterNames.get(codeKey(code)) ?? name).trim() || code;
}

/** "Phòng A (PHONG_A)", as the letters name a unit; the code alone where no other name is known. */
export function namedWithCode(name: string, code: string): string {
  const n = name.trim();
  return n === "" || n.toUpperCase() === code.toUpperCase() ? code : `${n} (${code})`;
}

/**
 * `rosterNames`: by code key, the roster's names, which the roll-up's unit goes by as in its letter
 * (unitSummary); the unit left out is named as its file names it, as the letters do.
 */
function inRollupOf(c: Candidate, cover: Cover, rosterNames: ReadonlyMap<string, string>): InRollup {
  const rollupFile = baseName(cover.rollup.submission.file);
  const rollupUnit = cover.rollup.report.unit.code;
  const rollupName = rollupNameOf(cover.rollup, rosterNames);
  const via =
    cover.source.via === undefined ? undefined : viaUnit(cover.source.via, cover.rollup.report.rollupOf);
  const sameFile = cover.source.sha256.toLowerCase() === c.submission.sha256.toLowerCase();
  // Newer or older by a mistyped year says nothing: point at the year.
  const doubtful = sameFile ? null : doubtfulDateNote(c);
  const when = sameFile ? null : comparedWith(c.report.reportDate, cover.source.reportDate);
  return {
    unit: c.report.unit.code,
    unitName: c.report.unit.name,
    file: c.submission.file,
    sha256: c.submission.sha256,
    rollup: cover.rollup.submission.file,
    rollupUnit,
    rollupName,
    differs: !sameFile,
    ...(when === "newer" || when === "same day" ? { stale: when } : {}),
    reportDate: c.report.reportDate,
    summed: {
      file: cover.source.file,
      reportDate: cover.source.reportDate,
      ...(via === undefined ? {} : { via }),
    },
    finding: finding(
      "IN_ROLLUP",
      "warning",
      "Thông tin",
      null,
      MSG.inRollup(
        namedWithCode(c.report.unit.name, c.report.unit.code),
        rollupName,
        rollupFile,
        via,
        when === null
          ? null
          : {
              file: cover.source.file,
              reportDate: cover.source.reportDate,
              ownDate: viDate(c.report.reportDate),
              when,
            },
      ) + (doubtful === null ? "" : ` ${doubtful}`),
    ),
  };
}

/** A returned unit's type: the roster's, else the first its files declare (sorted by file), else none. */
function typeOfReturned(
  rosterType: string | undefined,
  files: readonly RejectedFile[],
): { readonly type?: string } {
  const type =
    rosterType !== undefined && rosterType.trim() !== ""
      ? rosterType
      : [...files].sort((a, b) => compareText(a.file, b.file)).find((f) => f.unitType)?.unitType;
  return type === undefined ? {} : { type };
}

function rejectedFile(s: Submission, findings: readonly Finding[]): RejectedFile {
  const r = s.result;
  return {
    file: s.file,
    sha256: s.sha256,
    unit: r.unit,
    unitName: r.unitName,
    ...(r.unitType !== undefined ? { unitType: r.unitType } : {}),
    period: r.period,
    year: r.year,
    reportDate: r.reportDate,
    findings,
    ...(r.blank ? { blank: true as const } : {}),
  };
}

/**
 * The roster code of a unit name: as typed (case and spaces aside), else with its tone marks where
 * either spelling puts them and without a leading "UBND" ("Văn hoá" for "Văn hóa", "UBND xã Mường
 * Lát" for "Xã Mường Lát"). Every other mark counts: "Tân An" is not "Tân Ân". A key two roster
 * units share finds neither.
 */
function rosterUnitsByName(roster: readonly RosterUnit[]): (name: string) => string | undefined {
  const exact = uniqueBy(roster, (u) => matchKey(u.name));
  const loose = uniqueBy(roster, (u) => looseNameKey(u.name));
  return (name) => exact.get(matchKey(name)) ?? loose.get(looseNameKey(name));
}

/** Roster codes by `key`, for keys one roster unit alone has. */
function uniqueBy(roster: readonly RosterUnit[], key: (u: RosterUnit) => string): Map<string, string> {
  const codes = new Map<string, string | null>();
  for (const u of roster) {
    const k = key(u);
    const code = codeKey(u.code);
    const seen = codes.get(k);
    codes.set(k, seen === undefined || seen === code ? code : null);
  }
  const out = new Map<string, string>();
  for (const [k, code] of codes) if (code !== null) out.set(k, code);
  return out;
}

function dedupeRoster(roster: readonly RosterUnit[]): RosterUnit[] {
  const seen = new Map<string, RosterUnit>();
  for (const u of roster) {
    const code = codeKey(u.code);
    if (!seen.has(code)) seen.set(code, { ...u, code });
  }
  return [...seen.values()];
}

const NOT_APPLICABLE: Judgement = { value: null, status: "na", gap: 0 };

function result(ind: Indicator, j: Judgement): IndicatorResult {
  return { value: j.value, target: ind.target, comparison: ind.comparison, status: j.status, gap: j.gap };
}

/**
 * The targets one valid report misses, in the form's order: what the consolidation will list for
 * the unit and its letter will ask to explain, told to the clerk who checks the file before sending.
 */
export function reportShortfalls(
  report: UnitReport,
  form: Form,
): Array<{ readonly indicator: Indicator; readonly result: IndicatorResult }> {
  const judged = judgeUnit(report.values, form, report.unit.typeId, report.period.kind);
  return form.indicators.flatMap((indicator) => {
    const result = judged[indicator.id];
    return result?.status === "short" ? [{ indicator, result }] : [];
  });
}

/**
 * A unit's verdict on every indicator of the form, from its counts (SPEC §8: na where one does not
 * apply). An indicator the report's period is not judged on (a yearly target in a quarter's report,
 * its `periods`) keeps its value, as progress, and is na: never short, in no letter.
 */
export function judgeUnit(
  values: CountValues,
  form: Form,
  typeId: UnitTypeId,
  period: PeriodKind | null = null,
): Indicators {
  const out: Record<string, IndicatorResult> = {};
  // SPEC §8: an indicator that does not apply to the unit's type is na for it, never short.
  for (const ind of form.indicators) {
    const judged = result(ind, indicatorApplies(ind, typeId) ? judgeIndicator(ind, values) : NOT_APPLICABLE);
    out[ind.id] = judgedInPeriod(ind, period) ? judged : notJudgedInPeriod(judged);
  }
  return out;
}

/** A result kept as progress, not judged: na, nothing short. */
function notJudgedInPeriod(r: IndicatorResult): IndicatorResult {
  return { ...r, status: "na", gap: null };
}

const isDone = (t: TaskRow): boolean => TASK_STATUSES.some((s) => s.id === t.status && s.done);

/** SPEC §3: strictly before the report date and not done. */
function isOverdue(t: TaskRow, reportDate: CivilDate): boolean {
  return !isDone(t) && t.deadline !== null && compareDates(t.deadline, reportDate) < 0;
}

/**
 * The day a report's tasks are judged overdue on: its report date, or for a date with a mistyped
 * year (UNLIKELY_DATE, 2062) the period's deadline, so a typo does not make every open task overdue.
 */
function tasksAsOf(report: UnitReport, profile: Profile): CivilDate {
  if (!isUnlikelyReportDate(report.reportDate, report.period)) return report.reportDate;
  return reportDeadline(profile, report.period.kind, report.period.year) ?? report.reportDate;
}

/**
 * A unit's tasks, each with the plan's task it is (its index in `form.tasks`, matched by content: a
 * unit that inserted or reordered rows still matches; the first matching row, repeats are its own)
 * or null for the unit's own. A plan's task carries the plan's deadline: a file on last year's
 * template says "Năm 2025" where the profile's plan now says "Năm 2026", and the Nhiệm vụ sheet
 * shows the plan's. The unit's own tasks keep theirs.
 */
function planTasks(tasks: readonly TaskRow[], form: Form): Array<{ task: TaskRow; plan: number | null }> {
  const keys = taskKeys(form);
  const seen = new Set<number>();
  return tasks.map((t) => {
    const key = matchKey(t.content);
    const i = keys.findIndex((k, j) => k === key && !seen.has(j));
    if (i < 0) return { task: t, plan: null };
    seen.add(i);
    const deadlineText = form.tasks[i]!.deadline;
    if (matchKey(deadlineText) === matchKey(t.deadlineText)) return { task: t, plan: i };
    const parsed = parseDeadline(deadlineText);
    return { task: { ...t, deadlineText, deadline: parsed.kind === "date" ? parsed.date : null }, plan: i };
  });
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

function unitSummary(
  { submission, report, declaredCode, sameFigures }: Candidate,
  profile: Profile,
  onRoster: boolean,
  rosterName: string | undefined,
  /** Counted for the unit that succeeded the one it declares (the roster's "Đơn vị cũ"). */
  former: boolean,
): UnitSummary {
  // SPEC §5: on the deadline day is on time; only a later day is late.
  const late = lateReport(report, profile) !== undefined;
  return {
    code: report.unit.code,
    name: rosterName ?? report.unit.name,
    type: report.unit.type,
    typeId: report.unit.typeId,
    file: submission.file,
    sha256: submission.sha256,
    reportDate: report.reportDate,
    late,
    ...(declaredCode !== undefined
      ? {
          declaredCode,
          recodedBy:
            sameFigures === true
              ? "figures"
              : former
                ? "former"
                : squeezedCode(declaredCode) === squeezedCode(report.unit.code)
                  ? "code"
                  : "name",
        }
      : {}),
    values: report.values,
    ...(report.countRows ? { countRows: report.countRows } : {}),
    indicators: judgeUnit(report.values, profile.form, report.unit.typeId, report.period.kind),
    tasks: taskCounts(
      planTasks(report.tasks, profile.form).map((t) => t.task),
      tasksAsOf(report, profile),
    ),
    onRoster,
    texts: report.texts,
    ...(report.rollupOf ? { rollupOf: report.rollupOf } : {}),
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

/** Σ rate·weight and Σ weight (rates in hundredths) over the units that gave both. */
function pooledRate(
  units: readonly UnitSummary[],
  rate: string,
  weight: string,
  column: Column,
): { numerator: number; weights: number } | null {
  let numerator = 0;
  let weights = 0;
  let any = false;
  for (const u of units) {
    const r = pairOf(u.values, rate)[column];
    const w = pairOf(u.values, weight)[column];
    if (r === null || w === null) continue;
    any = true;
    numerator += hundredths(r) * w;
    weights += w;
  }
  return any ? { numerator, weights } : null;
}

function provinceSummary(
  units: readonly UnitSummary[],
  form: Form,
  period: PeriodKind | null,
): ProvinceSummary {
  // SPEC §5: sums over the units that filled a value; blank optional values are skipped, not 0.
  const values: Record<string, CountPair> = {};
  for (const f of form.counts) {
    if (f.type === "percent") {
      // SPEC §8: a percentage is pooled by its weight (Σ rate·weight / Σ weight), never summed or averaged.
      const ind = form.indicators.find(
        (i): i is Extract<Indicator, { kind: "percent" }> => i.kind === "percent" && i.rate === f.code,
      );
      const mean = (column: Column): number | null => {
        const pooled = ind ? pooledRate(units, ind.rate, ind.weight, column) : null;
        // One division of two whole numbers: the double nearest the exact mean (two divisions left
        // 95.99510000000001 in the JSON for 95,9951).
        return pooled && pooled.weights > 0 ? pooled.numerator / (pooled.weights * 100) : null;
      };
      values[f.code] = { previous: mean("previous"), current: mean("current") };
    } else {
      values[f.code] = {
        previous: sumOf(units, (u) => pairOf(u.values, f.code).previous),
        current: sumOf(units, (u) => pairOf(u.values, f.code).current),
      };
    }
  }
  const indicators: Record<string, IndicatorResult> = {};
  const counts: Record<string, { met: number; short: number; na: number }> = {};
  const pooled: Record<string, number> = {};
  for (const ind of form.indicators) {
    // Pooled: judged on sums, never on an average of the units' ratios (SPEC §5), over the units
    // the indicator applies to that filled all of its inputs, so a unit that filled only the part
    // (both optional for some ratios) cannot push the province above 100%. The sums shown (Số
    // liệu's total row) add every unit that filled a value, so the two differ when a unit filled
    // only one input, the indicator does not apply to its type, or — for a reduction — its column D
    // is 0 (no baseline: pooledUnits); the report gives a reduction's own pooled sums.
    const filled = pooledUnits(ind, units);
    const sum = (code: string, column: Column): number | null =>
      sumOf(filled, (u) => pairOf(u.values, code)[column]);
    let j: Judgement;
    switch (ind.kind) {
      case "ratio":
        j = judgeRatio(sum(ind.part, "current"), sum(ind.whole, "current"), ind.target, ind.comparison);
        break;
      case "reduction":
        j = judgeReduction(sum(ind.of, "previous"), sum(ind.of, "current"), ind.target, ind.comparison);
        break;
      case "maxCount":
      case "minCount":
        j = judgeCount(sum(ind.of, "current"), ind.target, ind.comparison);
        break;
      case "percent": {
        const pooled = pooledRate(filled, ind.rate, ind.weight, "current");
        j = pooled
          ? judgeRate(pooled.numerator, pooled.weights * 10_000, ind.target, ind.comparison)
          : NOT_APPLICABLE;
        break;
      }
    }
    indicators[ind.id] = judgedInPeriod(ind, period) ? result(ind, j) : notJudgedInPeriod(result(ind, j));
    pooled[ind.id] = filled.length;
    const tally = { met: 0, short: 0, na: 0 };
    for (const u of units) tally[u.indicators[ind.id]?.status ?? "na"] += 1;
    counts[ind.id] = tally;
  }
  return { values, indicators, counts, pooled, late: units.filter((u) => u.late).length };
}

/**
 * The units an indicator's province value is pooled over: those it applies to that filled all of its
 * inputs, and for a reduction those with a baseline (column D above 0). A unit with none, a new one
 * most often, has no reduction of its own ("—"), and its "0 → 40" counted as the province's rise: the
 * report's "từ 679 xuống 647" then held 40 meetings of a unit no reduction was judged for, and turned
 * a 10,6% cut into 4,7%.
 */
export function pooledUnits(ind: Indicator, units: readonly UnitSummary[]): UnitSummary[] {
  const inputs = indicatorInputs(ind);
  return units.filter(
    (u) =>
      indicatorApplies(ind, u.typeId) &&
      inputs.every(([code, column]) => pairOf(u.values, code)[column] !== null) &&
      (ind.kind !== "reduction" || (pairOf(u.values, ind.of).previous ?? 0) > 0),
  );
}

/**
 * A pooled reduction's two sums ("từ 679 xuống 647 cuộc họp"): what the province's percentage is
 * computed from, which a reader cannot get from the summed columns when some units filled only one.
 */
export function pooledReductionSums(
  ind: Indicator,
  units: readonly UnitSummary[],
): { readonly previous: number; readonly current: number } | null {
  if (ind.kind !== "reduction") return null;
  const filled = pooledUnits(ind, units);
  if (filled.length === 0) return null;
  let previous = 0;
  let current = 0;
  for (const u of filled) {
    previous += pairOf(u.values, ind.of).previous ?? 0;
    current += pairOf(u.values, ind.of).current ?? 0;
  }
  return { previous, current };
}

export const OWN_TASKS_LABEL = "Nhiệm vụ đơn vị tự bổ sung";

/**
 * SPEC §5 sheet Nhiệm vụ: per task of the profile's list, how many units report it done, in
 * progress, not started, overdue. Rows are matched by their content text (planTasks), so a unit
 * that inserted or reordered rows still counts; the first matching row of a unit is used. Rows
 * matching no profile task (and repeats) are the unit's own tasks: they count in the unit's totals
 * and are grouped in one row (counting task rows, not units) and listed one by one. A task that does
 * not apply to a unit (SPEC §8 appliesTo) is not counted absent for it.
 */
function taskTables(
  kept: readonly Candidate[],
  profile: Profile,
): { tasks: TaskSummary[]; ownTasks: OwnTask[] } {
  const form = profile.form;
  const counted = (index: number | null, content: string, deadlineText: string) => ({
    index,
    content,
    deadlineText,
    done: 0,
    doneLate: 0,
    lateTooEarly: 0,
    inProgress: 0,
    notStarted: 0,
    overdue: 0,
    absent: 0,
  });
  const rows = form.tasks.map((t, i) => counted(i + 1, t.content, t.deadline));
  const own = counted(null, OWN_TASKS_LABEL, "");
  const ownTasks: OwnTask[] = [];
  const tally = (
    row: {
      done: number;
      doneLate: number;
      lateTooEarly: number;
      inProgress: number;
      notStarted: number;
      overdue: number;
    },
    t: TaskRow,
    reportDate: CivilDate,
  ): void => {
    if (lateBeforeDeadline(t, reportDate)) row.lateTooEarly += 1;
    else if (t.status === "DONE_LATE") row.doneLate += 1;
    if (isDone(t)) row.done += 1;
    else if (t.status === "IN_PROGRESS") row.inProgress += 1;
    else row.notStarted += 1;
    if (isOverdue(t, reportDate)) row.overdue += 1;
  };
  const sortedKept = [...kept].sort((a, b) => compareText(a.report.unit.code, b.report.unit.code));
  for (const { report } of sortedKept) {
    const asOf = tasksAsOf(report, profile);
    const seen = new Set<number>();
    for (const { task: t, plan } of planTasks(report.tasks, form)) {
      const row = plan === null ? undefined : rows[plan];
      if (plan !== null && row) {
        seen.add(plan);
        tally(row, t, asOf);
      } else {
        tally(own, t, asOf);
        ownTasks.push({
          unit: report.unit.code,
          content: t.content,
          deadlineText: t.deadlineText,
          status: TASK_STATUSES.find((s) => s.id === t.status)?.label ?? t.status,
          overdue: isOverdue(t, asOf),
        });
      }
    }
    rows.forEach((row, j) => {
      const task = form.tasks[j];
      if (!seen.has(j) && task && taskApplies(task, { code: report.unit.code, typeId: report.unit.typeId }))
        row.absent += 1;
    });
  }
  return { tasks: [...rows, own], ownTasks };
}

/** `missingNotes` of the JSON: per missing unit pointed at a file (arrivedUnderOtherCode), its note and files. */
function missingNotesJson(c: Consolidation): { missingNotes?: object[] } {
  const arrived = arrivedUnderOtherCode(c);
  if (arrived.size === 0) return {};
  const notes = arrivedUnderOtherNotes(c);
  return {
    missingNotes: c.missing.flatMap((u) => {
      const files = arrived.get(u.code);
      if (files === undefined) return [];
      return [
        {
          unit: u.code,
          note: `${sentenceCase(notes.get(u.code)!)}.`,
          files: files.map((f) => ({ file: f.file, unit: f.unit })),
        },
      ];
    }),
  };
}

function notReportsJson(c: Consolidation): { notReports?: object[] } {
  const files = c.notReports ?? [];
  if (files.length === 0) return {};
  return {
    notReports: files.map(({ file, notUtf8 }) => ({
      file,
      kind: "roster",
      ...(notUtf8 ? { notUtf8: true } : {}),
    })),
  };
}

/**
 * SPEC §6 `consolidate --json`: these keys (and `form`, the form consolidated); dates ISO, `type`
 * the label, `file` as given; counts and indicators in the form's order.
 */
export function consolidationJson(c: Consolidation): object {
  const form = c.form;
  const values = (v: CountValues): Record<string, { previous: number | null; current: number | null }> =>
    Object.fromEntries(
      form.counts.map((f) => [
        f.code,
        { previous: pairOf(v, f.code).previous, current: pairOf(v, f.code).current },
      ]),
    );
  const indicators = (
    ind: Indicators,
  ): Record<string, { value: number | null; target: number; status: Status }> =>
    Object.fromEntries(
      form.indicators.map((i) => [
        i.id,
        {
          value: ind[i.id]?.value ?? null,
          target: ind[i.id]?.target ?? i.target,
          status: ind[i.id]?.status ?? "na",
        },
      ]),
    );
  const findingJson = (f: Finding): object => ({
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
    ...(f.detail === undefined ? {} : { detail: f.detail }),
  });
  const provinceIndicators = indicators(c.province.indicators);
  return {
    form: form.id,
    profile: { id: c.plan.id, name: c.plan.name },
    period: c.period ? { kind: c.period.kind, year: c.period.year } : null,
    units: c.units.map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type,
      file: u.file,
      sha256: u.sha256,
      reportDate: isoDate(u.reportDate),
      late: u.late,
      ...(u.firstReportDate ? { firstReportDate: isoDate(u.firstReportDate) } : {}),
      values: values(u.values),
      indicators: indicators(u.indicators),
      tasks: {
        total: u.tasks.total,
        done: u.tasks.done,
        inProgress: u.tasks.inProgress,
        notStarted: u.tasks.notStarted,
        overdue: u.tasks.overdue,
      },
    })),
    province: {
      values: values(c.province.values),
      // With the reports each value is pooled over (a roll-up is one), and a reduction's two pooled
      // sums: a report with no baseline is left out, so these are not always the ratio of the summed
      // values above.
      indicators: Object.fromEntries(
        form.indicators.map((ind) => {
          const sums = pooledReductionSums(ind, c.units);
          return [
            ind.id,
            {
              ...provinceIndicators[ind.id],
              reports: c.province.pooled[ind.id] ?? 0,
              ...(sums ? { pooledValues: sums } : {}),
            },
          ];
        }),
      ),
      counts: Object.fromEntries(
        form.indicators.map((i) => [i.id, { ...(c.province.counts[i.id] ?? { met: 0, short: 0, na: 0 }) }]),
      ),
    },
    shortfalls: c.shortfalls.map((s) => ({
      unit: s.unit,
      indicator: s.indicator,
      value: s.value,
      target: s.target,
      gap: s.gap,
    })),
    rejected: c.rejected.map((r) => ({
      file: r.file,
      findings: r.findings.map(findingJson),
      // A template sent back unfilled (its findings are each blank cell).
      ...(r.blank ? { blank: true } : {}),
    })),
    // Beside `rejected`, only when some: each roster left among the reports, set aside (the terminal's
    // "Bỏ qua … tệp danh sách đơn vị", Nguồn's last rows, the page's note), `file` as given; `notUtf8`
    // when saved in Windows' Vietnamese code page, which --roster and the page refuse.
    ...notReportsJson(c),
    duplicates: c.duplicates.map((d) => ({
      unit: d.unit,
      kept: d.kept,
      dropped: d.dropped,
      conflict: d.conflict,
      message: d.finding.message,
    })),
    inRollup: c.inRollup.map((r) => ({
      unit: r.unit,
      file: r.file,
      rollup: r.rollup,
      rollupUnit: r.rollupUnit,
      differs: r.differs,
      message: r.finding.message,
    })),
    // The units whose report sums others, and how many: next year's --previous compares like with like
    // (a unit not listed sent its own report; the key's presence says the shapes are recorded).
    // Which units too: a roll-up of as many other units is not last year's (history.ts).
    rollups: c.units.flatMap((u) => {
      const codes = rollupCodes(u);
      return codes.length > 0 ? [{ unit: u.code, units: codes.length, codes }] : [];
    }),
    missing: c.missing.map((u) => u.code),
    // Beside `missing` (its entries are codes, SPEC §6), only when some: a missing unit's note of the
    // files named for it that give another unit's code, as the terminal and the Chưa nộp sheet say it.
    ...missingNotesJson(c),
    // Whether `missing` is known: without a roster it is [] though nobody knows who has not sent (next
    // year's --previous then says "missing two periods running" cannot be told, not that none is).
    rosterGiven: c.rosterGiven,
    returned: c.returned.map((u) => u.code),
    // Of those, the units that sent only another period's own report: this period's is missing.
    otherPeriodOnly: otherPeriodOnlyUnits(c).map((u) => u.code),
    warnings: c.warnings.map((w) => ({
      file: w.file,
      code: w.code,
      sheet: w.sheet,
      cell: w.cell,
      message: w.message,
    })),
  };
}
