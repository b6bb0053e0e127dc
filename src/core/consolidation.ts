// What a consolidation is (SPEC §5, §6): the data consolidate.ts makes of many unit reports, which the
// summary, the letters, the report, the JSON and the add-in read — units and their indicators, the
// province row, tasks, shortfalls, rejected files, duplicates, roll-ups, warnings, returned units and
// each source file's row. Plain data, no logic.

import type { UnitTypeId } from "./catalogue";
import type { CivilDate } from "./dates";
import type { Finding, Severity } from "./findings";
import type { Comparison, Form, Indicator, Period, PeriodKind } from "./form";
import type { CountValues, Status } from "./judge";
import type { FigureDifference } from "./messages";
import type { RosterUnit } from "./profile";
import type { RollupSource, ValidationResult } from "./unit-report";

export interface Submission {
  /** The path as given (shown and written to JSON as is). */
  readonly file: string;
  readonly sha256: string;
  readonly result: ValidationResult;
}

export interface IndicatorResult {
  readonly value: number | null;
  readonly target: number;
  readonly comparison: Comparison;
  readonly status: Status;
  /** Items short (SPEC §5), 0 unless short; null for a percent (no countable item) and for an indicator not judged in this period. */
  readonly gap: number | null;
}

/** By indicator id, in the form's order. */
export type Indicators = Readonly<Record<string, IndicatorResult>>;

export interface TaskCounts {
  readonly total: number;
  readonly done: number;
  readonly inProgress: number;
  readonly notStarted: number;
  readonly overdue: number;
}

/**
 * How a late unit with `firstReportDate` (an update of a report sent on time) is marked after "Trễ hạn"
 * wherever units are listed: Tổng hợp's Thời hạn, the terminal's list, Phụ lục I (consolidate.ts lateMark).
 */
export const RESENT_MARK = "bản gửi lại";

/**
 * How a late unit with `firstReportUndated` is marked there, and in the report's IV.4. One phrase, so
 * each reads alike.
 */
export const UNDATED_FIRST_MARK = "có tệp không ghi ngày";

/** What that mark leaves open, as the unit's letter says it of the file. */
export const UNDATED_FIRST_OPEN = "chưa rõ gửi trước hay sau hạn";

export interface UnitSummary {
  readonly code: string;
  readonly name: string;
  /** The type label as in the template ("Sở, ban, ngành"). */
  readonly type: string;
  readonly typeId: UnitTypeId;
  readonly file: string;
  readonly sha256: string;
  readonly reportDate: CivilDate;
  readonly late: boolean;
  /**
   * When the report kept is late but the unit had sent a file of the period by the deadline — a valid
   * report it updated since, or one returned and corrected since — that file's date. SPEC §5 judges
   * the report kept, so `late` stays true; the documents say both, and no letter calls the unit late.
   */
  readonly firstReportDate?: CivilDate;
  /**
   * When the report kept is late and the unit had sent a file of the period before it that was
   * returned with Ngày báo cáo blank: that file (the earliest by name). When it came cannot be told
   * (the file gives no date and its modified time is not kept), so the documents say so rather than
   * call the unit late outright or excuse it.
   */
  readonly firstReportUndated?: string;
  /** The code the kept file gives when the roster has no such code and the unit was known by its name. */
  readonly declaredCode?: string;
  /**
   * How the unit was known with `declaredCode`: its name, a code that differs only in "_", "." or "-",
   * a predecessor of the roster's "Đơn vị cũ", or every figure the same as its own report's. Its letter
   * says which (a merged ward's letter said "theo tên đơn vị" of a predecessor's code).
   */
  readonly recodedBy?: "name" | "code" | "former" | "figures";
  readonly values: CountValues;
  /** Where in the unit's `Chỉ tiêu` each count was read (UnitReport.countRows). */
  readonly countRows?: Readonly<Record<string, number>>;
  readonly indicators: Indicators;
  readonly tasks: TaskCounts;
  /** On the roster (always true when no roster was given). */
  readonly onRoster: boolean;
  /** Free-text answers (khó khăn, kiến nghị, mô hình hay) by code, for the report. */
  readonly texts: Readonly<Record<string, string>>;
  /** For a roll-up, the unit reports it sums (its hidden sheet), carried into a roll-up made of it. */
  readonly rollupOf?: readonly RollupSource[];
}

export interface ProvinceSummary {
  /** Sums over the units that filled each value (a percent: the weighted mean); null when no unit filled it. */
  readonly values: CountValues;
  /** Judged on pooled sums (SPEC §5: never an average of ratios; a percent by weight). */
  readonly indicators: Indicators;
  readonly counts: Readonly<
    Record<string, { readonly met: number; readonly short: number; readonly na: number }>
  >;
  /** By indicator, how many units its pooled value is over: those it applies to that filled all of its inputs. */
  readonly pooled: Readonly<Record<string, number>>;
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
  /**
   * Of `done`, those reported "Hoàn thành quá hạn" before their deadline (TASK_STATUS): counted as done,
   * not in `doneLate`, since a task cannot be late before its deadline.
   */
  readonly lateTooEarly: number;
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
  readonly indicator: string;
  readonly value: number | null;
  readonly target: number;
  readonly comparison: Comparison;
  readonly gap: number | null;
}

export interface RejectedFile {
  readonly file: string;
  readonly sha256: string;
  /** The unit code the file declares; for a file that cannot be read, the roster code its name starts with. */
  readonly unit: string | null;
  /** True when `unit` comes from the file name (the file could not be read). */
  readonly unitFromFileName?: boolean;
  readonly unitName: string | null;
  /** Loại đơn vị as the file declares it, when read. */
  readonly unitType?: string;
  readonly period: PeriodKind | null;
  readonly year: number | null;
  readonly reportDate: CivilDate | null;
  readonly findings: readonly Finding[];
  /** A template sent unfilled (ValidationResult.blank): its lists say so first and group its blank cells. */
  readonly blank?: true;
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
  /**
   * Same report date and different figures: only the file names decided, so ask the unit which is
   * right. Also a predecessor's file (the roster's "Đơn vị cũ") beside another of its successor with
   * other figures, whatever the dates: two former units' own reports, or a correction.
   */
  readonly conflict: boolean;
  /** One of the two files was counted for its unit through the roster's "Đơn vị cũ". */
  readonly former?: true;
  /** How many units the dropped file sums when it is a roll-up (0 otherwise): its units leave the totals with it. */
  readonly droppedRollupUnits: number;
  /** How many units the kept file sums when a roll-up was kept over this plain report (0 otherwise). */
  readonly keptRollupUnits: number;
  readonly finding: Finding;
  /** With `conflict`: what the unit's letter asks about (not in the JSON, whose message says it). */
  readonly asked?: ConflictDetail;
}

/** Where two files of one unit first differ, and under which codes they came: for the unit's letter. */
export interface ConflictDetail {
  readonly difference: CountDifference;
  readonly keptReportDate: CivilDate;
  /** The code a file declares when it is not the unit's own (a predecessor's, a mistyped one). */
  readonly keptCode?: string;
  readonly droppedCode?: string;
  /** Two former units' own reports (parts of one unit): one joint report is asked for. */
  readonly parts: boolean;
}

/**
 * An accepted report of a unit that an accepted roll-up already sums (its hidden sheet names the
 * unit): left out of the sums so the unit is not counted twice.
 */
export interface InRollup {
  readonly unit: string;
  readonly unitName: string;
  /** The unit's own file, left out. */
  readonly file: string;
  readonly sha256: string;
  /** The roll-up's file, kept, and its unit. */
  readonly rollup: string;
  readonly rollupUnit: string;
  /** The roll-up's unit by name, as the IN_ROLLUP message names it: the roster's, else its file's, else its code. */
  readonly rollupName: string;
  /** True when the roll-up summed another file of the unit (its SHA-256 differs from this one's). */
  readonly differs: boolean;
  /**
   * With `differs`: this file is dated after the one summed, or the same day (which is right cannot
   * be told): the roll-up's unit is asked to consolidate again. Absent when the summed one is newer.
   */
  readonly stale?: "newer" | "same day";
  /** This file's report date. */
  readonly reportDate: CivilDate;
  /** The unit's file the roll-up summed, as its hidden sheet names it (date as written, dd/mm/yyyy). */
  readonly summed: {
    readonly file: string;
    readonly reportDate: string;
    /** The roll-up between, by its name as the roll-up lists it ("Sở Y tế"), or its code if it is not named. */
    readonly via?: string;
  };
  readonly finding: Finding;
}

export interface Warning {
  readonly file: string;
  /**
   * The file's SHA-256, where the warning is about a file of the run (not in the JSON): two files of
   * one name (the page knows no folders) are told apart by it, as the sources are.
   */
  readonly sha256?: string;
  readonly unit: string;
  readonly code: Finding["code"];
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

export interface Consolidation {
  /** The form consolidated (the profile's). */
  readonly form: Form;
  /**
   * The profile it was consolidated by: its name in profiles/ (null for a file given by path or the
   * form's own defaults) and its title. The JSON says it, so a nightly job knows which plan "Tự
   * động" or the files' majority chose.
   */
  readonly plan: { readonly id: string | null; readonly name: string };
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
  /** Units' own reports left out because an accepted roll-up already sums them, sorted by unit. */
  readonly inRollup: readonly InRollup[];
  /** Codes of every unit an accepted roll-up sums, with or without a file of its own here, sorted. */
  readonly rolledUp: readonly string[];
  /** Roster units from which no file arrived (chưa nộp), sorted; empty when no roster. */
  readonly missing: readonly RosterUnit[];
  /**
   * Units that sent files, every one of them rejected (bị trả lại), sorted by code; never counted
   * as missing (SPEC §5). On the roster or not.
   */
  readonly returned: readonly ReturnedUnit[];
  readonly rosterGiven: boolean;
  /** The roster's "Đơn vị cũ" of each unit that has one, by code (succession.ts; history.ts sums them). */
  readonly formerly?: Readonly<Record<string, string>>;
  readonly warnings: readonly Warning[];
  /** Every submission, sorted by file, with what became of it (the summary's "Nguồn" sheet). */
  readonly sources: readonly SourceRow[];
  /** Files among the submissions that are no reports (a roster): left out of the consolidation. */
  readonly notReports?: readonly NotReport[];
  /**
   * Column D figures that differ from the units' own reports of that period a year before, with the
   * verdicts they change: set when earlier consolidations were given (history.ts, `--previous`).
   */
  readonly previousMismatches?: readonly PreviousMismatch[];
  /**
   * With `--previous`, when column D could be checked: against which period's consolidation, how many
   * units were compared, and what that consolidation said — its units and its totals of the counts
   * reductions are judged on (the report says why its "năm trước" may differ from that report's).
   */
  readonly previousCheck?: {
    readonly period: Period;
    readonly compared: number;
    readonly units: number;
    readonly totals: Readonly<Record<string, number>>;
  };
}

export interface ReturnedUnit {
  readonly code: string;
  readonly name: string;
  readonly onRoster: boolean;
  /**
   * Its type as the roster gives it (the documents' "phòng, đơn vị" or "cơ quan, đơn vị"); where none
   * does (no roster, off it, left blank there), as its files declare it (the first in file order that
   * does); else not known.
   */
  readonly type?: string;
  /** The rejected files of the unit, sorted. */
  readonly files: readonly string[];
  /**
   * Every file is another period's own report (otherPeriodReport: the next quarter's sent early, last
   * half year's sent again), those periods, earliest first: nothing was sent back, this period's report
   * is what is missing. Still `returned` (SPEC §5: every file rejected), and said so apart.
   */
  readonly otherPeriods?: readonly Period[];
}

export type SourceStatus = "accepted" | "rejected" | "duplicate" | "in-rollup";

/** A file among the submissions that is no report (a roster), with its hash as each file read has. */
export interface NotReport {
  readonly file: string;
  readonly sha256: string;
  /** Saved in Windows' Vietnamese code page (no UTF-8), which --roster and the page refuse. */
  readonly notUtf8?: true;
}

export interface SourceRow {
  readonly file: string;
  readonly sha256: string;
  readonly unit: string | null;
  readonly unitName: string | null;
  readonly period: Period | null;
  readonly reportDate: CivilDate | null;
  readonly status: SourceStatus;
}

/**
 * The first figure two reports of one unit give differently, for DUPLICATE_UNIT's message: a count,
 * or else a task's status (its label as text), which the summary's task figures are made of.
 */
export type CountDifference = FigureDifference;

/**
 * A count's column D ("cùng kỳ năm trước") that differs from what the unit itself reported for that
 * period (PREVIOUS_MISMATCH), with what it changes: a unit judged on a baseline it raised can pass a
 * reduction target its own last report says it missed. The letters ask the unit about it, the report
 * names it.
 */
export interface PreviousMismatch {
  readonly unit: string;
  /** The count's code and its label. */
  readonly code: string;
  readonly label: string;
  /** Its column D cell in the unit's file ("D5"), when known. */
  readonly cell: string | null;
  readonly declared: number;
  readonly reported: number;
  /** The period of the report it differs from, as said mid-sentence ("năm 2025"). */
  readonly reportedIn: string;
  /** Each indicator of this count whose verdict differs when judged on the figure reported then. */
  readonly changes: readonly VerdictChange[];
  /** For a unit made of others (the roster's "Đơn vị cũ"): the earlier units whose figures were summed. */
  readonly from?: readonly string[];
}

export interface VerdictChange {
  readonly indicator: Indicator;
  /** Judged on column D as declared (what the summary shows) … */
  readonly declared: IndicatorResult;
  /** … and on the figure the unit reported for that period. */
  readonly reported: IndicatorResult;
}
