// What validating one unit workbook gives back (SPEC §3–§4): the report read from it, its task and
// meeting rows and the roll-up sources it names, and the result with its findings. Plain data, the
// vocabulary the validation modules and everything after them (consolidation, letters, the add-in) share.

import type { MeetingFormId, MeetingTypeId, TaskStatusId, UnitTypeId } from "./catalogue";
import type { CivilDate } from "./dates";
import type { Finding } from "./findings";
import type { Period, PeriodKind } from "./form";
import type { CountValues } from "./judge";

export interface TaskRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly content: string;
  readonly lead: string;
  readonly partners: string;
  readonly product: string;
  readonly deadlineText: string;
  readonly deadline: CivilDate | null;
  readonly status: TaskStatusId;
  readonly result: string;
  readonly note: string;
}

export interface MeetingRow {
  readonly row: number;
  readonly name: string;
  readonly type: MeetingTypeId | null;
  readonly form: MeetingFormId | null;
  readonly days: number | null;
}

export interface UnitReport {
  /** The form id the file was read with (its marker, or the profile's form when it has none). */
  readonly form: string;
  readonly unit: {
    readonly code: string;
    readonly name: string;
    readonly type: string;
    readonly typeId: UnitTypeId;
  };
  readonly period: Period;
  readonly reportDate: CivilDate;
  readonly preparer: string;
  readonly phone: string;
  readonly email: string;
  readonly values: CountValues;
  /**
   * The row (1-based) of `Chỉ tiêu` each count was read from, by code: where a finding about a count
   * that is made later (PREVIOUS_MISMATCH, OUTLIER against earlier years) points. A clerk may have
   * inserted rows, so not always the template's. Absent for reports not read from a workbook.
   */
  readonly countRows?: Readonly<Record<string, number>>;
  readonly tasks: readonly TaskRow[];
  readonly meetings: readonly MeetingRow[];
  /** Free-text answers (KHO_KHAN, KIEN_NGHI, MO_HINH_HAY) that the unit filled, by code. */
  readonly texts: Readonly<Record<string, string>>;
  /** For a roll-up (core/rollup.ts), the unit reports it sums, from its hidden sheet; absent otherwise. */
  readonly rollupOf?: readonly RollupSource[];
}

/** One unit report a roll-up names in its hidden sheet: what the level above needs to avoid counting it twice. */
export interface RollupSource {
  readonly code: string;
  readonly name: string;
  /** The file's base name on the machine that made the roll-up. */
  readonly file: string;
  readonly sha256: string;
  /** As written there (dd/mm/yyyy). */
  readonly reportDate: string;
  /**
   * The roll-up between, for a unit summed through one (column F, "qua" that roll-up's unit):
   * a roll-up of roll-ups lists its units' units too, so the level above finds them without the
   * roll-up between. Absent for the units it sums itself.
   */
  readonly via?: string;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly findings: readonly Finding[];
  /** The form the file names (or was read with); null when its marker is unknown. */
  readonly form: string | null;
  /** What the file declares, when readable: for listing even rejected files. */
  readonly unit: string | null;
  readonly unitName: string | null;
  /** Loại đơn vị as the template labels it, when read: a returned unit's type where no roster gives one. */
  readonly unitType?: string;
  readonly period: PeriodKind | null;
  readonly year: number | null;
  readonly reportDate: CivilDate | null;
  /** The parsed report; present exactly when valid. */
  readonly report: UnitReport | null;
  /** The file is no unit's report but a list of units (a roster left among the reports): consolidation leaves it out. */
  readonly notAReport?: "roster";
  /** That roster is saved in Windows' Vietnamese code page, no UTF-8: --roster would refuse it as it is. */
  readonly notUtf8?: true;
  /** The profile of profiles/ the file was checked by because it names it (a check without a profile). */
  readonly profile?: string;
  /**
   * `profile` is not named by the file but told by its rows (a plan's tasks, its counts): the file
   * names none (Google Sheets and Apple Numbers drop it when they save). Said beside the profile.
   */
  readonly profileByRows?: true;
  /** The profile the file names when this build lacks it (UNKNOWN_PROFILE): a consolidation says them in one line. */
  readonly unknownProfile?: string;
  /** Where the file's Kỳ báo cáo and Năm are ("Thông tin" cells, "C8"), when read: for PERIOD_MISMATCH. */
  readonly periodCells?: { readonly kind: string | null; readonly year: string | null };
  /** Where the file's Mã đơn vị is ("Thông tin" cell), when read: for a code the roster does not have. */
  readonly unitCell?: string;
  /**
   * Mã đơn vị as typed when it is no valid code (BAD_VALUE, `unit` null): a consolidation looks the code
   * its words spell up in the roster ("so nong nghiep mt": SO_NONG_NGHIEP_MT).
   */
  readonly unitTyped?: string;
  /** Thông tin's cell of the unit's name (TEN_DON_VI), e.g. "C6", when the file has that row. */
  readonly nameCell?: string;
  /**
   * Not one figure of "Chỉ tiêu" typed, no task given a status, no meeting logged: a template sent
   * unfilled. Its findings stay one per cell (the add-in marks each); the lists group them
   * (`shownFindings`) after one line that says so.
   */
  readonly blank?: true;
}
