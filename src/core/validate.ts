// Validation of one unit workbook against its form (SPEC §3–§4, §8): the marker names the form,
// findings carry stable codes, A1 cells and Vietnamese messages, and the parsed report is
// returned when there is no error. Every rule comes from the form; nothing here names a count.

import {
  INFO_FIELDS,
  MEETING_FORMS,
  MEETING_TYPES,
  ROLLUP_SOURCES_SHEET,
  SHEETS,
  SUMMARY_SHEETS,
  TASK_STATUSES,
  PROFILE_DEFINED_NAME,
  TEMPLATE_DEFINED_NAME,
  UNIT_TYPES,
  type InfoCode,
  type MeetingFormId,
  type MeetingTypeId,
  type TaskStatusId,
  type UnitTypeId,
} from "./catalogue";
import { compareDates, dateFromSerial, daysInMonth, monthFirstText, viDate, type CivilDate } from "./dates";
import { parseDeadline } from "./deadlines";
import {
  finding,
  hasErrors,
  legacyTextMessage,
  type Finding,
  type FindingCode,
  type Severity,
} from "./findings";
import {
  countField,
  exampleReportDate,
  indicatorInputs,
  isQuarter,
  lastQuarterStart,
  MARKER,
  periodHolding,
  nextPeriodHolding,
  periodKindText,
  periodLabelOf,
  periodMonths,
  periodText,
  periodOptions,
  type Column,
  type CountField,
  type Form,
  type Period,
  type PeriodKind,
  taskApplies,
  taskKeys,
} from "./form";
import { BUILTIN_FORMS } from "./forms";
import type { CountPair, CountValues } from "./judge";
import { COUNT_COLS, INFO_COLS, MEETING_COLS, TASK_COLS } from "./layout";
import { unicodeWorkbook } from "./legacy-text";
import { unitTypeByAlias } from "./unit-types";
import { MSG } from "./messages";
import { templateWorkbook } from "./template";
import type { Profile } from "./profile";
import { defaultProfileForForm, shippedProfile } from "./profiles";
import {
  cleanName,
  codeFromWords,
  codeKey,
  foldKey,
  foldOption,
  matchKey,
  matchOption,
  nfc,
  type Labelled,
} from "./text";
import {
  cellText,
  readCount,
  readDate,
  readDecimal,
  startsWithMinus,
  readPercent,
  type CountRead,
  type PercentRead,
} from "./values";
import {
  a1,
  cellAt,
  columnLetters,
  parseA1,
  rangeA1,
  type Cell,
  type CellRange,
  type Sheet,
  type Workbook,
} from "./workbook";

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

/** The sheet names a validator needs; readers may skip every other sheet. */
const TEMPLATE_SHEET_KEYS = new Set(Object.values(SHEETS).map(matchKey));

export function isTemplateSheet(nfcName: string): boolean {
  return TEMPLATE_SHEET_KEYS.has(matchKey(nfcName));
}

const ROLLUP_SOURCES_KEY = matchKey(ROLLUP_SOURCES_SHEET);

/**
 * The sheets validation reads: the template's, a roll-up's list of the reports it sums, and a copy
 * of a template sheet ("Chỉ tiêu (2)", compared with its original).
 */
export function isReadSheet(nfcName: string): boolean {
  const key = matchKey(nfcName);
  return TEMPLATE_SHEET_KEYS.has(key) || key === ROLLUP_SOURCES_KEY || copiedSheetOf(nfcName) !== undefined;
}

/**
 * The sheets a reader keeps for validation: those it reads, and a template sheet's lengthened name
 * ("Chỉ tiêu 6 tháng", "Nhiệm vụ khác"), only to tell whether it holds anything when the template's
 * sheet is missing (renamedCandidates). Few files have one.
 */
export function isSheetToKeep(nfcName: string): boolean {
  return isReadSheet(nfcName) || lengthenedSheetOf(nfcName) !== undefined;
}

/** The template sheet whose name `name` starts with, then a space ("Chỉ tiêu 6 tháng": "Chỉ tiêu"). */
function lengthenedSheetOf(name: string): string | undefined {
  if (isTemplateSheet(nfc(name)) || copiedSheetOf(name) !== undefined) return undefined;
  const key = foldKey(name);
  return Object.values(SHEETS).find((s) => key.startsWith(`${foldKey(s)} `));
}

/** A result with nothing read: every field null, not valid (callers add their findings). */
export const NOTHING_READ: ValidationResult = {
  valid: false,
  findings: [],
  form: null,
  unit: null,
  unitName: null,
  period: null,
  year: null,
  reportDate: null,
  report: null,
};

const SUMMARY_KEYS = [SUMMARY_SHEETS.summary, SUMMARY_SHEETS.sources].map(matchKey);

/** A summary workbook as KL226 writes it (its "Tổng hợp" and "Nguồn" sheets), whatever its file name. */
export function isSummaryWorkbook(workbook: Workbook): boolean {
  const names = new Set((workbook.sheetNames ?? []).map((n) => matchKey(n)));
  return SUMMARY_KEYS.every((k) => names.has(k));
}

/**
 * The template sheet a sheet's name says it is a copy of: "Chỉ tiêu (2)" (Excel's copy), "Chỉ tiêu_2"
 * (LibreOffice's), "Bản sao của Chỉ tiêu" / "Copy of Chỉ tiêu" (Google Sheets'), diacritics optional.
 */
export function copiedSheetOf(name: string): string | undefined {
  const m =
    /^(?:bản sao của|ban sao cua|copy of)\s+(.+)$/iu.exec(name.trim()) ??
    /^(.*\S)(?:\s*\(\d+\)|_\d+)$/u.exec(name.trim());
  const base = m?.[1];
  if (base === undefined) return undefined;
  return Object.values(SHEETS).find((s) => foldKey(s) === foldKey(base));
}

export function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  const key = matchKey(name);
  return workbook.sheets.find((s) => matchKey(s.name) === key);
}

export type MarkerRead = { readonly kind: "none" } | { readonly kind: "marker"; readonly id: string };

const LEADING_MARKER =
  /^\s*([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+\/[A-Za-z0-9][A-Za-z0-9.-]*)(?=$|[\s·:,;(–—-])/;

/**
 * The form marker of a workbook (SPEC §8): the first token of Thông tin!A1 ("KL226-BC/1 · BÁO
 * CÁO…"), else the defined name KL226_TEMPLATE. A1 wins: it is what the clerk sees, and the marker
 * in A1 alone names the form.
 */
export function readMarker(workbook: Workbook): MarkerRead {
  const info = findSheet(workbook, SHEETS.info);
  const a1Text = info ? cellText(cellAt(info, 0, 0)) : "";
  const m = LEADING_MARKER.exec(nfc(a1Text));
  if (m?.[1]) return { kind: "marker", id: m[1].toUpperCase() };
  const id = definedNameText(workbook, TEMPLATE_DEFINED_NAME)?.toUpperCase();
  if (id !== undefined && MARKER.test(id)) return { kind: "marker", id };
  return { kind: "none" };
}

/** A workbook-level defined name's text, trimmed and without the quotes of a literal ("\"KL226-BC/1\""). */
function definedNameText(workbook: Workbook, name: string): string | undefined {
  return workbook.definedNames[name]
    ?.trim()
    .replace(/^"(.*)"$/, "$1")
    .trim();
}

/** Forms a file may name: the built-in ones and the profile's own (when it brings one). */
export function knownForms(profile: Profile): readonly Form[] {
  return BUILTIN_FORMS.some((f) => f.id === profile.form.id)
    ? BUILTIN_FORMS
    : [...BUILTIN_FORMS, profile.form];
}

/** The profile name a template recorded (PROFILE_DEFINED_NAME), lower case; undefined when none. */
function fileProfile(workbook: Workbook): string | undefined {
  const name = definedNameText(workbook, PROFILE_DEFINED_NAME)?.toLowerCase();
  return name !== undefined && /^[a-z0-9][a-z0-9._-]{0,80}$/.test(name) ? name : undefined;
}

/**
 * The profile a result was judged by: the one chosen (a check with a profile), else the profile of
 * profiles/ the file names and was checked by, else its form's default (SPEC §8). What its
 * shortfalls are measured against, in the command and in the add-in alike.
 */
export function profileCheckedBy(result: ValidationResult, chosen: Profile | undefined): Profile | undefined {
  if (chosen !== undefined) return chosen;
  if (result.profile !== undefined) return shippedProfile(result.profile);
  return result.form === null ? undefined : defaultProfileForForm(result.form);
}

export interface ValidateOptions {
  /**
   * "expect" (consolidation, `validate --profile`): a file of another form is rejected with
   * FORM_MISMATCH (its other findings are those of its own form). "follow" (`validate` without a
   * profile): each file is read with the form its marker names, by that form's default profile.
   */
  readonly forms?: "expect" | "follow";
  /**
   * With "follow", a file that names a profile of profiles/ (a template made with it) is checked by
   * that profile: a unit's own check (`validate`, the add-in's Kiểm tra) is then the province's.
   * Consolidation without a chosen profile uses it too, then checks again by the profile most files
   * name any file of that form checked by another (app/consolidate-files.ts consolidationProfile).
   */
  readonly fileProfile?: boolean;
}

/**
 * The cells validation checks on a sheet (a merge that hides one is said: MERGED_CELLS). On Thông tin
 * and Chỉ tiêu rows are found by their code (SPEC §3), not by number: column A is read in every row,
 * the value columns only in a row with a code. On Nhiệm vụ and Hội nghị the columns it reads, below
 * the STT header. Titles, guidance, headers, notes and the footnote are not read, wherever a release
 * put them.
 */
interface ReadCells {
  /** Read in every row: column A, where codes are looked for. */
  readonly everyRow: readonly number[];
  /** Read only in the sheet's data rows. */
  readonly columns: readonly number[];
  /** Its data rows: those with a code in column A, or those below the STT header. */
  readonly rows: "coded" | "belowHeader";
  /** Below the header, the columns whose chosen option marks a row of the list (a status, a meeting's type). */
  readonly chosen?: ReadonlyArray<{ readonly col: number; readonly options: readonly Labelled[] }>;
}

/** What validation reads on a sheet: the cells it checks, and the columns whose texts it takes. */
interface SheetReads {
  readonly cells?: ReadCells;
  /**
   * The columns whose texts are read ("all": every cell); only these are looked at for TCVN3 and
   * VNI text (legacy-text.ts), as that runs for every file. Counts are no text.
   */
  readonly texts?: readonly number[] | "all";
}

const INFO_KEY = matchKey(SHEETS.info);

const SHEET_READS: ReadonlyMap<string, SheetReads> = new Map<string, SheetReads>([
  [
    INFO_KEY,
    {
      cells: { everyRow: [INFO_COLS.code], columns: [INFO_COLS.value], rows: "coded" },
      texts: [INFO_COLS.value],
    },
  ],
  [
    matchKey(SHEETS.counts),
    {
      cells: {
        everyRow: [COUNT_COLS.code],
        columns: [COUNT_COLS.previous, COUNT_COLS.current],
        rows: "coded",
      },
    },
  ],
  [
    matchKey(SHEETS.tasks),
    {
      cells: {
        everyRow: [],
        columns: [TASK_COLS.content, TASK_COLS.deadline, TASK_COLS.status],
        rows: "belowHeader",
        chosen: [{ col: TASK_COLS.status, options: TASK_STATUSES }],
      },
      texts: Object.values(TASK_COLS).filter((c) => c !== TASK_COLS.no),
    },
  ],
  [
    matchKey(SHEETS.meetings),
    {
      cells: {
        everyRow: [],
        columns: Object.values(MEETING_COLS),
        rows: "belowHeader",
        chosen: [
          { col: MEETING_COLS.type, options: MEETING_TYPES },
          { col: MEETING_COLS.form, options: MEETING_FORMS },
        ],
      },
      texts: Object.values(MEETING_COLS).filter((c) => c !== MEETING_COLS.no),
    },
  ],
  [ROLLUP_SOURCES_KEY, { texts: "all" }],
]);
const textColumns = (sheet: Sheet): readonly number[] | "all" | undefined =>
  SHEET_READS.get(matchKey(sheet.name))?.texts;

export function validateWorkbook(
  workbook: Workbook,
  profile: Profile,
  options: ValidateOptions = {},
): ValidationResult {
  const result = validateAsRead(workbook, profile, options, textColumns);
  // Thông tin's values read from another column than C (a column inserted before C, or B deleted:
  // the cells say where): read again with that column's texts taken from TCVN3 and VNI too, so a
  // unit's name typed so is its name in the letters. Only such files pay for it.
  const valueCol = movedInfoValues(result);
  if (valueCol === undefined) return result;
  return validateAsRead(workbook, profile, options, (sheet) =>
    matchKey(sheet.name) === INFO_KEY ? [valueCol] : textColumns(sheet),
  );
}

/** The column Thông tin's values were read from when it is not C; undefined when C (or nothing read). */
function movedInfoValues(result: ValidationResult): number | undefined {
  const at = result.nameCell ?? result.unitCell;
  const col = at === undefined ? undefined : parseA1(at)?.col;
  return col === INFO_COLS.value ? undefined : col;
}

/** The workbook validated with the texts of `columns` typed in TCVN3 or VNI read as Unicode, and said (LEGACY_TEXT). */
function validateAsRead(
  workbook: Workbook,
  profile: Profile,
  options: ValidateOptions,
  columns: (sheet: Sheet) => readonly number[] | "all" | undefined,
): ValidationResult {
  const { workbook: unicode, legacy } = unicodeWorkbook(workbook, columns);
  const result = validateUnicode(unicode, profile, options);
  if (legacy.length === 0) return result;
  const said = legacy.map((l) =>
    finding(
      "LEGACY_TEXT",
      "warning",
      l.sheet,
      l.cells[0] ?? null,
      legacyTextMessage(l.encoding, l.cells, l.typed, l.read, l.capitals, l.fonts),
    ),
  );
  return { ...result, findings: [...result.findings, ...said] };
}

function validateUnicode(workbook: Workbook, profile: Profile, options: ValidateOptions): ValidationResult {
  // Each file read with its own form: one that names a profile of profiles/ is checked by it when no
  // profile was chosen (fileProfile), as the province that issued it will check it; one this build
  // does not have is said so, also when the profile most files name checks it again (RECHECK).
  const named = options.forms === "follow" ? fileProfile(workbook) : undefined;
  if (named !== undefined) {
    const own = shippedProfile(named);
    if (own === undefined) {
      const result = validateByMarker(workbook, profile, options);
      const message =
        options.fileProfile === true
          ? MSG.unknownProfile(named)
          : MSG.unknownProfileCheckedBy(named, profile.name);
      const f = finding("UNKNOWN_PROFILE", "warning", SHEETS.info, "A1", message);
      return { ...result, findings: [...result.findings, f], unknownProfile: named };
    }
    if (options.fileProfile === true) {
      const marker = readMarker(workbook);
      if (own.form.id === (marker.kind === "marker" ? marker.id : profile.form.id))
        return { ...validateByMarker(workbook, own, { forms: "expect" }), profile: own.id };
    }
  }
  return validateByMarker(workbook, profile, options);
}

/** The file by the form its marker names: FORM_MISMATCH, or (follow) its form's default profile. */
function validateByMarker(workbook: Workbook, profile: Profile, options: ValidateOptions): ValidationResult {
  const marker = readMarker(workbook);
  if (marker.kind === "marker" && marker.id !== profile.form.id) {
    const other = knownForms(profile).find((f) => f.id === marker.id);
    // A file of another form is checked as its own unit checks it: by the plan it names when this
    // build has it and it is of that form (else the form's default), so what is said beside
    // FORM_MISMATCH is the file's own problems, not rows another plan of its form never had.
    const named = other === undefined ? undefined : fileProfile(workbook);
    const namedOwn = named === undefined ? undefined : shippedProfile(named);
    const otherProfile = other
      ? other.id === profile.form.id
        ? profile
        : namedOwn !== undefined && namedOwn.form.id === other.id
          ? namedOwn
          : defaultProfileForForm(other.id)
      : undefined;
    if (!other || !otherProfile) {
      const result = validateWithProfile(workbook, profile);
      const notTemplate = finding(
        "NOT_TEMPLATE",
        "error",
        SHEETS.info,
        "A1",
        MSG.unknownForm(
          marker.id,
          knownForms(profile).map((f) => f.id),
        ),
      );
      return { ...result, valid: false, report: null, form: null, findings: [notTemplate] };
    }
    const result = validateWithProfile(workbook, otherProfile);
    if (options.forms === "follow") return result;
    const mismatch = finding(
      "FORM_MISMATCH",
      "error",
      SHEETS.info,
      "A1",
      MSG.formMismatch(other.id, profile.form.id),
    );
    return { ...result, valid: false, report: null, findings: [mismatch, ...result.findings] };
  }
  return validateWithProfile(workbook, profile);
}

/** Rows by code in column A (codeKey), and the findings for codes that appear twice. */
function indexCodes(sheet: Sheet, findings: Finding[]): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.rows.forEach((row, r) => {
    const code = rowCode(row);
    if (code === undefined) return;
    const first = rows.get(code);
    if (first === undefined) rows.set(code, r);
    else
      findings.push(
        finding(
          "DUPLICATE_CODE",
          "error",
          sheet.name,
          a1(r, 0),
          MSG.duplicateCode(sheet.name, code, first + 1),
        ),
      );
  });
  return rows;
}

/** The code in a row's column A (codeKey), or undefined when it holds none (a title, "Mã", a note, blank). */
function rowCode(row: Sheet["rows"][number]): string | undefined {
  const cell = row?.[0];
  if (!cell) return undefined;
  const code = codeKey(cellText(cell));
  return /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

function headerRow(sheet: Sheet): number | undefined {
  const r = sheet.rows.findIndex((row) => row?.[0] !== undefined && matchKey(cellText(row[0])) === "stt");
  return r < 0 ? undefined : r;
}

/**
 * A roll-up's hidden list of the reports it sums: the rows under the header whose column A is
 * "Mã đơn vị" (code, name, file, SHA-256, report date). Read as written; a row without a code is
 * skipped, and a sheet without that header lists nothing (the file is then an ordinary report).
 */
function readRollupSources(sheet: Sheet): RollupSource[] {
  const head = sheet.rows.findIndex(
    (row) => row?.[0] !== undefined && matchKey(cellText(row[0])) === "mã đơn vị",
  );
  if (head < 0) return [];
  const out: RollupSource[] = [];
  for (const row of sheet.rows.slice(head + 1)) {
    const code = codeKey(cellText(row?.[0]));
    if (code === "") continue;
    const via = codeKey(cellText(row?.[5]));
    out.push({
      code,
      name: nfc(cellText(row?.[1])).trim(),
      file: nfc(cellText(row?.[2])).trim(),
      sha256: cellText(row?.[3]).trim(),
      reportDate: cellText(row?.[4]).trim(),
      ...(via === "" ? {} : { via }),
    });
  }
  return out;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UNIT_CODE = /^[A-Z0-9_.-]{2,32}$/;

function validateWithProfile(workbook: Workbook, profile: Profile): ValidationResult {
  const form = profile.form;
  const findings: Finding[] = [];
  const info = findSheet(workbook, SHEETS.info);
  const counts = findSheet(workbook, SHEETS.counts);
  const tasksSheet = findSheet(workbook, SHEETS.tasks);
  if (!info && !counts && isSummaryWorkbook(workbook)) {
    // Not a unit's report with sheets lost but a consolidation's summary among the reports: one
    // finding says so (its own "Nhiệm vụ" sheet is not a task list to check).
    const f = finding("NOT_TEMPLATE", "error", null, null, MSG.summaryNotReport(form.id));
    return { ...NOTHING_READ, findings: [f], form: form.id };
  }
  // Thông tin renamed ("Thong tin", "Thông tin chung", or "Sheet1" when the reader kept every sheet
  // of a file without one): found by its name or by its rows.
  const infoFound = info ? undefined : renamedInfo(workbook);
  for (const [sheet, name] of [
    [info, SHEETS.info],
    [counts, SHEETS.counts],
    [tasksSheet, SHEETS.tasks],
  ] as const) {
    if (!sheet) {
      // A sheet renamed by hand ("Chi tieu" typed without its marks), or only its copy left ("Chỉ
      // tiêu (2)"), or lengthened ("Chỉ tiêu 6 tháng"): say which one and how to fix it.
      const candidates =
        infoFound !== undefined && name === SHEETS.info
          ? infoFound.candidates
          : renamedCandidates(workbook, name);
      findings.push(
        finding(
          "NOT_TEMPLATE",
          "error",
          name,
          null,
          candidates.length > 0
            ? MSG.renamedSheet(name, candidates, workbook.hiddenSheets ?? [], infoFound?.byRows ?? [])
            : MSG.notTemplate(name, form.id),
        ),
      );
    }
  }

  checkCopiedSheets(workbook, findings);
  checkHiddenSheets(workbook, findings);

  // A renamed Thông tin, alone of its kind, is read for the unit, period and date only (its findings
  // dropped: the NOT_TEMPLATE above is what to mend, and its cells are on no "Thông tin"), so the file
  // is its unit's returned file in a consolidation, not a "chưa nộp" known by its file name at best.
  const header = info
    ? readInfoWhereItIs(info, form, workbook.date1904, findings)
    : infoFound?.sheet !== undefined
      ? { ...readInfoWhereItIs(infoFound.sheet, form, workbook.date1904, []), cells: {} }
      : EMPTY_HEADER;
  const template = once(() => filledTemplate(workbook, profile));
  const read = counts ? readCounts(counts, form, findings, template) : null;
  const values = read?.values ?? null;
  const { tasks, statusesTyped, contents } = tasksSheet
    ? readTasks(tasksSheet, workbook.date1904, findings)
    : NO_TASKS;
  if (tasksSheet && header.reportDate) checkLateTasks(tasksSheet.name, tasks, header.reportDate, findings);
  if (tasksSheet && contents) checkPlanTasks(tasksSheet.name, contents, form, header, template, findings);
  const meetingsSheet = form.meetingLog.enabled ? findSheet(workbook, SHEETS.meetings) : undefined;
  const meetings = meetingsSheet ? readMeetings(meetingsSheet, form, findings) : [];
  if (form.meetingLog.enabled && !meetingsSheet) {
    // The log is optional (SPEC §3), but one renamed ("Hoi nghi") was left unchecked without a word.
    const candidates = renamedCandidates(workbook, SHEETS.meetings);
    if (candidates.length > 0)
      findings.push(
        finding(
          "LOG_MISMATCH",
          "warning",
          candidates[0]!,
          null,
          MSG.renamedLog(SHEETS.meetings, candidates, workbook.hiddenSheets ?? []),
        ),
      );
  }
  if (meetingsSheet && values && meetings.length > 0)
    checkLog(meetingsSheet.name, meetings, values, form, findings);

  const sourcesSheet = findSheet(workbook, ROLLUP_SOURCES_SHEET);
  const rollupOf = sourcesSheet ? readRollupSources(sourcesSheet) : [];
  // At the Kỳ báo cáo cell: "Năm" picked for the half year's report (a clerk's, dated in June) passed
  // every check, and the Sở's run returned her on-time report as another period's. Not on a roll-up:
  // its period is its consolidation's, mended by running that again (--period).
  // Or dated when the next period's report is made (quý I's entry left in a file of quý II, dated
  // in June): a Sở's quý I run took it for a late correction and counted quý II's figures as quý I's.
  const dateNote =
    info && header.reportDate && header.period && header.year && rollupOf.length === 0
      ? (earlyForPeriod(header.reportDate, { kind: header.period, year: header.year }, form) ??
        laterForPeriod(header.reportDate, { kind: header.period, year: header.year }, form))
      : null;
  if (info && dateNote && !findings.some((f) => f.code === "UNLIKELY_DATE"))
    findings.push(
      finding(
        "UNLIKELY_DATE",
        "warning",
        info.name,
        header.cells.KY_BAO_CAO ?? header.cells.NGAY_BAO_CAO ?? null,
        dateNote,
      ),
    );

  noteMerges(workbook, profile, findings);

  // Nothing typed where the figures go: a template sent unfilled (told in one line before its list).
  // Not a file whose Chỉ tiêu or Nhiệm vụ was left unread for its moved columns (one NOT_TEMPLATE):
  // what was typed there is not known, and its figures most often are there, a column off.
  const unread = (sheet: Sheet | undefined): boolean =>
    sheet !== undefined && findings.some((f) => f.code === "NOT_TEMPLATE" && f.sheet === sheet.name);
  const blank =
    values !== null &&
    statusesTyped === 0 &&
    meetings.length === 0 &&
    Object.values(values).every((v) => v.previous === null && v.current === null) &&
    !findings.some((f) => f.code === "BAD_VALUE" && f.sheet === counts?.name) &&
    !unread(counts) &&
    !unread(tasksSheet);

  const valid = !hasErrors(findings);
  const report: UnitReport | null =
    valid &&
    values &&
    header.code &&
    header.name &&
    header.type &&
    header.period &&
    header.year &&
    header.reportDate
      ? {
          form: form.id,
          unit: { code: header.code, name: header.name, type: header.type.label, typeId: header.type.id },
          period: { kind: header.period, year: header.year },
          reportDate: header.reportDate,
          preparer: header.preparer,
          phone: header.phone,
          email: header.email,
          values,
          countRows: read?.rows ?? {},
          tasks,
          meetings,
          texts: header.texts,
          ...(rollupOf.length > 0 ? { rollupOf } : {}),
        }
      : null;
  return {
    valid: report !== null,
    findings,
    form: form.id,
    unit: header.code,
    unitName: header.name,
    ...(header.type ? { unitType: header.type.label } : {}),
    period: header.period,
    year: header.year,
    reportDate: header.reportDate,
    report,
    ...(header.cells.KY_BAO_CAO !== undefined || header.cells.NAM !== undefined
      ? { periodCells: { kind: header.cells.KY_BAO_CAO ?? null, year: header.cells.NAM ?? null } }
      : {}),
    ...(header.cells.MA_DON_VI !== undefined ? { unitCell: header.cells.MA_DON_VI } : {}),
    ...(header.typedCode !== undefined ? { unitTyped: header.typedCode } : {}),
    ...(header.cells.TEN_DON_VI !== undefined ? { nameCell: header.cells.TEN_DON_VI } : {}),
    ...(blank && report === null ? { blank: true as const } : {}),
  };
}

/**
 * A template sheet copied ("Chỉ tiêu (2)") beside its original: only the original is read. A copy
 * whose cells differ from the original's (figures typed in the copy, or two versions) is an error:
 * which figures are the unit's cannot be told. An identical copy is a warning. Either says when the
 * original is hidden (a clerk may otherwise delete the only sheet read).
 */
function checkCopiedSheets(workbook: Workbook, findings: Finding[]): void {
  const hidden = new Set((workbook.hiddenSheets ?? []).map(matchKey));
  for (const copyName of workbook.sheetNames ?? []) {
    const template = copiedSheetOf(copyName);
    const original = template === undefined ? undefined : findSheet(workbook, template);
    if (template === undefined || original === undefined) continue;
    const copy = findSheet(workbook, copyName);
    const differ = copy === undefined ? [] : differingCells(original, copy);
    const isHidden = hidden.has(matchKey(original.name));
    pushCopyFinding(findings, copyName, template, differ, isHidden, hidden.has(matchKey(copyName)));
  }
  // Two sheets of one name but for case or spaces ("Chỉ tiêu" hidden, "Chỉ tiêu " shown): the first
  // is read, the other may be the one the analyst sees when opening the file.
  const hiddenNames = new Set(workbook.hiddenSheets ?? []);
  for (const template of Object.values(SHEETS)) {
    const key = matchKey(template);
    const [read, other] = workbook.sheets.filter((s) => matchKey(s.name) === key);
    if (read === undefined || other === undefined) continue;
    pushCopyFinding(
      findings,
      other.name,
      template,
      differingCells(read, other),
      hiddenNames.has(read.name),
      hiddenNames.has(other.name),
    );
  }
}

/**
 * A template sheet read while hidden: the figures counted are ones the analyst does not see on
 * opening the file. With another sheet shown that is not the template's (a look-alike "Chỉ tiêu.",
 * "Sheet1"), which one is the unit's cannot be told: an error; alone, a warning to unhide it. A twin
 * of the same name is COPIED_SHEET's already.
 */
/**
 * Sheets that may be the template's `name` renamed by hand: the same name but for marks and case
 * ("Chi tieu"), a copy's name ("Chỉ tiêu (2)"), or the name lengthened ("Chỉ tiêu 6 tháng") when
 * that sheet holds something — a blank "Nhiệm vụ khác" of the clerk's own is not the lost "Nhiệm vụ".
 * Every one is named: renaming the first found could leave the wrong figures read.
 */
function renamedCandidates(workbook: Workbook, name: string): string[] {
  return (workbook.sheetNames ?? []).filter(
    (n) =>
      (foldKey(n) === foldKey(name) && matchKey(n) !== matchKey(name)) ||
      copiedSheetOf(n) === name ||
      (lengthenedSheetOf(n) === name && !isBlankSheet(workbook, n)),
  );
}

/**
 * The sheets that may be Thông tin renamed: by name (renamedCandidates) and, among the sheets read that
 * are not the template's, any holding its rows (`byRows`: "Sheet1" with MA_DON_VI, TEN_DON_VI … in
 * column A). `sheet` is the one to read the unit from: the only candidate, holding Thông tin's rows.
 */
function renamedInfo(workbook: Workbook): {
  readonly candidates: readonly string[];
  readonly byRows: readonly string[];
  readonly sheet?: Sheet;
} {
  const named = renamedCandidates(workbook, SHEETS.info);
  const byRows = workbook.sheets
    .filter((s) => !named.includes(s.name) && !isTemplateSheet(s.name) && holdsInfoRows(s))
    .map((s) => s.name);
  const candidates = byRows.length === 0 ? named : [...named, ...byRows];
  const only = candidates.length === 1 ? workbook.sheets.find((s) => s.name === candidates[0]) : undefined;
  return { candidates, byRows, ...(only !== undefined && holdsInfoRows(only) ? { sheet: only } : {}) };
}

/** Whether a sheet holds Thông tin's rows: two of its codes or more, in column A or moved to B–F. */
function holdsInfoRows(sheet: Sheet): boolean {
  const found = codeColumn(sheet, INFO_CODES);
  return found !== undefined && codeAfter(sheet, found);
}

/** Whether Thông tin's column `found` holds a second code below its first (the next row, as a rule). */
function codeAfter(sheet: Sheet, found: CodeColumn): boolean {
  for (let r = found.firstRow + 1; r < sheet.rows.length; r++)
    if (holdsCode(sheet.rows[r]?.[found.col], INFO_CODES)) return true;
  return false;
}

/** A sheet read with no cell holding anything; a sheet the reader skipped counts as not blank. */
function isBlankSheet(workbook: Workbook, name: string): boolean {
  const sheet = workbook.sheets.find((s) => s.name === name);
  return (
    sheet !== undefined &&
    sheet.rows.every((row) => row === undefined || row.every((c) => cellText(c).trim() === ""))
  );
}

function checkHiddenSheets(workbook: Workbook, findings: Finding[]): void {
  const hidden = new Set(workbook.hiddenSheets ?? []);
  if (hidden.size === 0 || findings.some((f) => f.code === "COPIED_SHEET")) return;
  const shown = (workbook.sheetNames ?? []).filter((n) => !hidden.has(n) && !isReadSheet(n));
  for (const template of Object.values(SHEETS)) {
    const sheet = findSheet(workbook, template);
    if (sheet === undefined || !hidden.has(sheet.name)) continue;
    findings.push(
      finding(
        "HIDDEN_SHEET",
        shown.length > 0 ? "error" : "warning",
        sheet.name,
        null,
        MSG.hiddenSheet(sheet.name, shown),
      ),
    );
  }
}

/** COPIED_SHEET for `copyName`: a warning when it holds what the sheet read holds, else an error. */
function pushCopyFinding(
  findings: Finding[],
  copyName: string,
  template: string,
  differ: ReturnType<typeof differingCells>,
  isHidden: boolean,
  copyHidden: boolean,
): void {
  findings.push(
    differ.length === 0
      ? finding(
          "COPIED_SHEET",
          "warning",
          copyName,
          null,
          MSG.copiedSheet(copyName, template, isHidden, copyHidden),
        )
      : finding(
          "COPIED_SHEET",
          "error",
          copyName,
          differ[0]!.cell,
          MSG.copiedSheetDiffers(copyName, template, differ, isHidden, copyHidden),
        ),
  );
}

/** Cells whose text differs between a sheet and its copy ("E5": "99" in the copy, "34" in the original). */
function differingCells(
  original: Sheet,
  copy: Sheet,
): Array<{ readonly cell: string; readonly copy: string; readonly original: string }> {
  const out: Array<{ cell: string; copy: string; original: string }> = [];
  const rows = Math.max(original.rows.length, copy.rows.length);
  for (let r = 0; r < rows; r++) {
    const a = original.rows[r] ?? [];
    const b = copy.rows[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++) {
      const was = cellText(a[c]);
      const now = cellText(b[c]);
      if (was !== now) out.push({ cell: a1(r, c), copy: now, original: was });
    }
  }
  return out;
}

/** Each template sheet's own merged ranges ("A1:F1" …) by matchKey of its name, per form. */
const TEMPLATE_MERGES = new WeakMap<Profile["form"], ReadonlyMap<string, ReadonlySet<string>>>();

function templateMerges(profile: Profile): ReadonlyMap<string, ReadonlySet<string>> {
  let merges = TEMPLATE_MERGES.get(profile.form);
  if (merges === undefined) {
    merges = new Map(
      templateWorkbook(profile).sheets.map((s) => [matchKey(s.name), new Set(s.merges ?? [])]),
    );
    TEMPLATE_MERGES.set(profile.form, merges);
  }
  return merges;
}

/**
 * Whether a merge hides a cell validation reads: one of its cells but the first (the only one Excel
 * shows and the reader keeps). A merge over the rows of an older release's footnote ("A15:C15" before
 * the free-text rows came) or over notes hides none.
 */
function hidesReadCell(sheet: Sheet, m: CellRange, read: ReadCells): boolean {
  // The first row whose cell in column c is hidden: in the merge's first column, the row below its first.
  const hiddenFrom = (c: number): number => (c === m.c0 ? m.r0 + 1 : m.r0);
  const within = (c: number): boolean => c >= m.c0 && c <= m.c1 && hiddenFrom(c) <= m.r1;
  if (read.everyRow.some(within)) {
    // A header made two rows ("Mã" merged down A4:A5) above every code hides none: a code merged away
    // is a MISSING_FIELD, whose message names the merge.
    if (read.rows !== "coded") return true;
    const firstCoded = sheet.rows.findIndex((row) => rowCode(row) !== undefined);
    if (firstCoded < 0 || m.r1 >= firstCoded) return true;
  }
  const columns = read.columns.filter(within);
  if (columns.length === 0) return false;
  if (read.rows === "belowHeader") {
    const header = headerRow(sheet);
    return (
      header !== undefined && m.r1 > header && !isNoteRow(sheet, m) && !isHeaderMerge(sheet, m, header, read)
    );
  }
  const last = Math.min(m.r1, sheet.rows.length - 1);
  return columns.some((c) => {
    for (let r = hiddenFrom(c); r <= last; r++) if (rowCode(sheet.rows[r]) !== undefined) return true;
    return false;
  });
}

/**
 * A list's header made two or three rows, as clerks draw one ("Nội dung nhiệm vụ" merged down B4:B5
 * beside "Đơn vị" over "Chủ trì" and "Phối hợp"): a merge from the header row down at most two rows,
 * each of which shows no row of the list (no STT number in A, no status or meeting type chosen where
 * the merge does not cover it). It hides no task or meeting; a task merged into the header that shows
 * its status is still said.
 */
function isHeaderMerge(sheet: Sheet, m: CellRange, header: number, read: ReadCells): boolean {
  if (m.r0 > header || m.r1 > header + 2) return false;
  for (let r = header + 1; r <= m.r1; r++) {
    const row = sheet.rows[r];
    if (row === undefined) continue;
    if (/^\d/.test(cellText(row[0]).trim())) return false;
    for (const { col, options } of read.chosen ?? []) {
      const text = cellText(row[col]);
      if (text !== "" && foldOption(options, text) !== undefined) return false;
    }
  }
  return true;
}

/**
 * A clerk's note or heading across a list (Nhiệm vụ, Hội nghị): one row merged from column A whose text
 * does not begin with a task's STT ("Ghi chú: …", "II. Nhiệm vụ đơn vị bổ sung"). Nothing in its Nội
 * dung or Tên: no task or meeting either way. A number there is a row's STT, whose other cells the merge
 * hid.
 */
function isNoteRow(sheet: Sheet, m: CellRange): boolean {
  if (m.r0 !== m.r1) return false;
  // A group heading typed in Nội dung or Tên and merged across the row ("B5:I5"): no task either.
  const row = sheet.rows[m.r0];
  if (m.c0 === 1 && row !== undefined) return isListHeading(row, 1, []);
  if (m.c0 !== 0) return false;
  const first = cellAt(sheet, m.r0, 0);
  if (first?.value.kind !== "string") return false;
  const text = cellText(first).trim();
  return text !== "" && !TASK_NUMBER_FIRST.test(text);
}

/**
 * A task's STT first in a merged row's text ("13", "1.1", "a) …", "13 Tập huấn … Hoàn thành", as
 * LibreOffice's merge moves the hidden cells' text into the first): the merge hid a task's cells. A
 * heading numbered in Arabic ("1. Nhiệm vụ chung") merged across is said too, a warning only.
 */
const TASK_NUMBER_FIRST = /^(?:\d|[a-zđ]\)|[IVX]+\.\d)/u;

/**
 * Cells merged on a template sheet where the template has no merge: the reader keeps only each
 * merge's first cell, as Excel shows it. A finding in such a merge (a blank the clerk sees filled,
 * or the first cell holding what a LibreOffice merge moved into it) says so after its own text, and
 * a missing code row under a merge in column A too; a merge hiding a cell validation reads that no
 * finding points into gets a warning of its own. Merges over notes, titles or the footnote of any
 * release's layout say nothing.
 */
function noteMerges(workbook: Workbook, profile: Profile, findings: Finding[]): void {
  const own = templateMerges(profile);
  for (const sheet of workbook.sheets) {
    const template = own.get(matchKey(sheet.name));
    if (template === undefined || sheet.merges === undefined) continue;
    const read = SHEET_READS.get(matchKey(sheet.name))?.cells;
    // A title merged across the table ("A1:F1"): a column inserted or deleted widens or narrows it
    // ("A1:G1"); its first cell is all that is read either way. Worked out only for a merge the
    // template lacks (most files have none).
    let titles: ReadonlySet<string> | undefined;
    for (const m of sheet.merges) {
      const range = rangeA1(m);
      if (template.has(range)) continue;
      const first = a1(m.r0, m.c0);
      titles ??= new Set(
        [...template].flatMap((r) => {
          const rows = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(r);
          return rows && rows[1] === rows[2] ? [r.slice(0, r.indexOf(":"))] : [];
        }),
      );
      if (m.r0 === m.r1 && titles.has(first)) continue;
      const overCodes = m.c0 === 0 && m.r1 > m.r0;
      let explained = false;
      findings.forEach((f, i) => {
        if (f.sheet !== sheet.name) return;
        let note: string | undefined;
        if (f.cell === null)
          note = overCodes && f.code === "MISSING_FIELD" ? MSG.mergedCodes(range) : undefined;
        else if (inRange(f.cell, m))
          note = f.cell === first ? MSG.mergedFirst(first, range) : MSG.mergedCell(f.cell, range, first);
        if (note === undefined) return;
        findings[i] = { ...f, message: `${f.message} ${note}` };
        explained = true;
      });
      if (!explained && read !== undefined && hidesReadCell(sheet, m, read))
        findings.push(finding("MERGED_CELLS", "warning", sheet.name, first, MSG.mergedRange(range, first)));
    }
  }
}

/** Whether an A1 address ("E16") lies in the range. */
function inRange(cell: string, m: CellRange): boolean {
  const at = parseA1(cell);
  return at !== undefined && at.row >= m.r0 && at.row <= m.r1 && at.col >= m.c0 && at.col <= m.c1;
}

interface Header {
  code: string | null;
  /** Mã đơn vị as typed when it is no code ("so nong nghiep mt"); absent otherwise. */
  typedCode?: string;
  name: string | null;
  type: (typeof UNIT_TYPES)[number] | null;
  period: PeriodKind | null;
  year: number | null;
  reportDate: CivilDate | null;
  preparer: string;
  phone: string;
  email: string;
  texts: Record<string, string>;
  /** Where each info field's value was read, by code ("C8"). */
  cells: Partial<Record<InfoCode, string>>;
}

const EMPTY_HEADER: Header = {
  code: null,
  name: null,
  type: null,
  period: null,
  year: null,
  reportDate: null,
  preparer: "",
  phone: "",
  email: "",
  texts: {},
  cells: {},
};

function infoHint(code: InfoCode, form: Form): string {
  switch (code) {
    case "MA_DON_VI":
      return "Nhập mã đơn vị được cơ quan tổng hợp cấp (ví dụ SO_NOI_VU) vào cột C.";
    case "TEN_DON_VI":
      return "Nhập tên đầy đủ của đơn vị vào cột C.";
    case "LOAI_DON_VI":
      return `Chọn một trong: ${UNIT_TYPES.map((t) => t.label).join("; ")}.`;
    case "KY_BAO_CAO":
      return `Chọn ${orList(periodOptions(form).map((p) => `“${p.label}”`))}.`;
    case "NAM":
      return `Nhập năm báo cáo, ví dụ ${exampleReportDate(form).year}.`;
    case "NGAY_BAO_CAO":
      return `Nhập ngày ký báo cáo dạng dd/mm/yyyy, ví dụ ${viDate(exampleReportDate(form))}.`;
    default:
      return "";
  }
}

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} hoặc ${items[items.length - 1] ?? ""}`;
}

/** A field's row (its code in column A) is not on the sheet. */
function missingRow(sheet: Sheet, field: { readonly code: string; readonly label: string }): Finding {
  return finding(
    "MISSING_FIELD",
    "error",
    sheet.name,
    null,
    MSG.missingField(sheet.name, field.code, field.label, "A"),
  );
}

const INFO_CODES: ReadonlySet<string> = new Set(INFO_FIELDS.map((f) => f.code));

const COUNT_CODES = new WeakMap<Form, ReadonlySet<string>>();

/** A form's indicator codes as a set, made once per form (every file's Chỉ tiêu is looked up in it). */
function countCodes(form: Form): ReadonlySet<string> {
  let codes = COUNT_CODES.get(form);
  if (codes === undefined) COUNT_CODES.set(form, (codes = new Set(form.counts.map((f) => f.code))));
  return codes;
}

/** Thông tin's "Giá trị" header, folded: where its values are when its columns moved. */
const VALUE_HEADER = /^gia tri\b/;

/**
 * `Thông tin` as readInfo reads it, unless its columns moved: a column inserted before A (the codes
 * in B) or before C (the values in D, under the header "Giá trị"), or column B deleted (the values in
 * B). Then one NOT_TEMPLATE error says
 * so (not "chưa điền Mã đơn vị" on a blank C5 when the code is in D5), and the unit, period and date
 * are still read where they are, with that error only, so the file is known as its unit's (a
 * returned file in the letters, not "chưa nộp").
 */
function readInfoWhereItIs(sheet: Sheet, form: Form, date1904: boolean, findings: Finding[]): Header {
  const found = codeColumn(sheet, INFO_CODES);
  // Its codes deleted with column A, the label "Email" still reads as the code EMAIL: one code is none.
  const deleted =
    found === undefined || !codeAfter(sheet, found) ? deletedCodeColumn(sheet, INFO_LABELS) : undefined;
  if (deleted !== undefined) return readInfoByLabels(sheet, form, date1904, findings, deleted);
  const shift = found !== undefined && found.col > 0 ? found : undefined;
  const codeCol = found?.col ?? INFO_COLS.code;
  const firstRow = found?.firstRow;
  const headRow = firstRow === undefined ? -1 : codeHeaderRow(sheet, firstRow, codeCol);
  const head = headRow < 0 ? undefined : sheet.rows[headRow];
  const isValueHeader = (c: number): boolean => {
    const cell = head?.[c];
    return cell !== undefined && VALUE_HEADER.test(foldKey(cellText(cell)));
  };
  const expectedValue = codeCol + INFO_COLS.value;
  let valueCol = expectedValue;
  if (head !== undefined && !isValueHeader(expectedValue)) {
    // Right of the code: the label column deleted puts "Giá trị" in B.
    const at = head.findIndex((_, c) => c > codeCol && isValueHeader(c));
    if (at >= 0) valueCol = at;
  }
  if (shift === undefined && valueCol === INFO_COLS.value) return readInfo(sheet, form, date1904, findings);
  const moved: MovedColumn[] = [];
  if (shift !== undefined) moved.push(movedCodeColumn(sheet, shift));
  if (valueCol !== INFO_COLS.value) {
    const value = movedHeader(head ?? [], headRow, valueCol, INFO_COLS.value);
    moved.push(isValueHeader(valueCol) ? value : { ...value, header: "Giá trị" });
  }
  findings.push(movedColumnsError(sheet, moved, MSG.movedInfoColumns(sheet.name, moved)));
  return readInfoAsTemplate(sheet, form, date1904, valueCol, (row) => [
    row[codeCol],
    row[codeCol + INFO_COLS.label],
    row[valueCol],
  ]);
}

/**
 * Thông tin read from a view of it laid out as the template's (code, label, value: `layout` gives a
 * row's three cells), its findings dropped: the NOT_TEMPLATE already said is what the clerk is to
 * mend. The cells read are named where they are in her file, in column `valueCol`.
 */
function readInfoAsTemplate(
  sheet: Sheet,
  form: Form,
  date1904: boolean,
  valueCol: number,
  layout: (row: ReadonlyArray<Cell | undefined>, r: number) => Array<Cell | undefined>,
): Header {
  const view: Sheet = { name: sheet.name, rows: sheet.rows.map((row, r) => row && layout(row, r)) };
  const header = readInfo(view, form, date1904, []);
  const cells: Header["cells"] = {};
  for (const [code, at] of Object.entries(header.cells) as Array<[InfoCode, string]>) {
    const p = parseA1(at);
    if (p !== undefined) cells[code] = a1(p.row, valueCol);
  }
  return { ...header, cells };
}

/**
 * `Thông tin` with its code column deleted (its labels in A, its values in B): one NOT_TEMPLATE, and the
 * rows read by their labels, so the file is still its unit's (returned to it, not a unit that sent
 * nothing), as with its columns moved.
 */
function readInfoByLabels(
  sheet: Sheet,
  form: Form,
  date1904: boolean,
  findings: Finding[],
  deleted: DeletedCodes,
): Header {
  findings.push(deletedCodesError(sheet, deleted, "thông tin"));
  const head = sheet.rows[deleted.headRow];
  const at = head?.findIndex((cell, c) => c > 0 && VALUE_HEADER.test(foldKey(cellText(cell)))) ?? -1;
  const valueCol = at > 0 ? at : INFO_COLS.label;
  return readInfoAsTemplate(sheet, form, date1904, valueCol, (row, r) => {
    const code = deleted.codes.get(r);
    return [
      code === undefined ? undefined : { value: { kind: "string", value: code } },
      row[0],
      row[valueCol],
    ];
  });
}

function readInfo(sheet: Sheet, form: Form, date1904: boolean, findings: Finding[]): Header {
  const rows = indexCodes(sheet, findings);
  const h: Header = { ...EMPTY_HEADER, texts: {}, cells: {} };
  const periods = periodOptions(form);
  // A period typed with its year ("Năm 2025"): checked against the Năm cell once both are read.
  let typedPeriod:
    { text: string; at: string; label: string; year: string | undefined; finding: number } | undefined;
  for (const field of INFO_FIELDS) {
    const r = rows.get(field.code);
    if (r === undefined) {
      if (field.required) findings.push(missingRow(sheet, field));
      continue;
    }
    const cell = cellAt(sheet, r, INFO_COLS.value);
    const at = a1(r, INFO_COLS.value);
    h.cells[field.code] = at;
    const text = cellText(cell);
    const bad = (message: string): void =>
      void findings.push(finding("BAD_VALUE", "error", sheet.name, at, message));
    if (field.code === "NGAY_BAO_CAO") {
      const d = readDate(cell, date1904);
      if (d.kind === "ok") {
        h.reportDate = d.date;
        if (monthFirstMisread(cell, d.date))
          findings.push(
            finding(
              "UNLIKELY_DATE",
              "warning",
              sheet.name,
              at,
              MSG.monthFirstDate(monthFirstText(d.date), d.date),
            ),
          );
      } else if (d.kind === "bad") bad(MSG.badDate(d.shown, exampleReportDate(form)));
      else
        findings.push(
          finding(
            "MISSING_VALUE",
            "error",
            sheet.name,
            at,
            MSG.missingInfo(field.label, infoHint("NGAY_BAO_CAO", form)),
          ),
        );
      continue;
    }
    // A name of only invisible characters is no name (the letter would say "Kính gửi: ").
    const value = field.code === "TEN_DON_VI" ? cleanName(text) : text;
    if (value === "") {
      if (field.required)
        findings.push(
          finding(
            "MISSING_VALUE",
            "error",
            sheet.name,
            at,
            MSG.missingInfo(field.label, infoHint(field.code, form)),
          ),
        );
      continue;
    }
    switch (field.code) {
      case "MA_DON_VI": {
        const code = codeKey(text);
        if (UNIT_CODE.test(code)) h.code = code;
        else {
          // Typed in words ("so nong nghiep mt"): the code they spell is offered (and looked up in
          // the roster by a consolidation, which keeps the text typed).
          const spelled = codeFromWords(text);
          bad(MSG.badUnitCode(text, UNIT_CODE.test(spelled) ? spelled : null));
          h.typedCode = text;
        }
        break;
      }
      case "TEN_DON_VI":
        h.name = value;
        break;
      case "LOAI_DON_VI": {
        const t = matchOption(UNIT_TYPES, text);
        // Written short or without marks ("Xã", "UBND xa, phuong"), as the roster may write it too.
        const alias = t ? undefined : unitTypeByAlias(text);
        if (t) h.type = t;
        else if (alias) {
          h.type = alias;
          findings.push(
            finding("COERCED", "warning", sheet.name, at, MSG.typeCoerced(field.label, text, alias.label)),
          );
        } else
          bad(
            MSG.badEnum(
              field.label,
              text,
              UNIT_TYPES.map((o) => o.label),
            ),
          );
        break;
      }
      case "KY_BAO_CAO": {
        const exact = matchOption(periods, text);
        const p = exact ?? matchOption(periods, loosePeriodText(text));
        if (p) h.period = p.id;
        if (p && !exact) {
          const year = /(\d{4})\s*$/.exec(text)?.[1];
          typedPeriod = { text, at, label: p.label, year, finding: findings.length };
          findings.push(
            finding("COERCED", "warning", sheet.name, at, MSG.periodCoerced(field.label, text, p.label)),
          );
        } else if (!p)
          bad(
            MSG.badEnum(
              field.label,
              text,
              periods.map((o) => o.label),
            ),
          );
        break;
      }
      case "NAM": {
        const n = readCount(cell);
        if (n.kind === "ok" && n.value >= 2025 && n.value <= 2100) {
          h.year = n.value;
          if (n.coerced)
            findings.push(
              finding("COERCED", "warning", sheet.name, at, MSG.textCoerced(field.label, text, n.value)),
            );
        } else {
          // A date typed in the year cell shows as a date but is read as its serial (46178).
          const v = cell?.value;
          const date = v?.kind === "number" && v.isDate === true ? dateFromSerial(v.value, date1904) : null;
          const example = exampleReportDate(form).year;
          bad(date !== null ? MSG.dateAsYear(viDate(date), date.year, example) : MSG.badYear(text, example));
        }
        break;
      }
      case "NGUOI_LAP":
        h.preparer = text;
        break;
      case "DIEN_THOAI":
        h.phone = text;
        break;
      case "EMAIL":
        if (EMAIL.test(text)) h.email = text;
        else bad(MSG.badEmail(text));
        break;
    }
  }
  if (typedPeriod?.year !== undefined && h.year !== null && Number(typedPeriod.year) !== h.year) {
    // "Năm 2025" beside Năm 2026: which year the report is of cannot be told.
    const message = MSG.periodYearConflict(typedPeriod.text, h.year, typedPeriod.label);
    findings[typedPeriod.finding] = finding("BAD_VALUE", "error", sheet.name, typedPeriod.at, message);
    h.period = null;
  }
  const dateRow = rows.get("NGAY_BAO_CAO");
  if (h.reportDate && h.period && h.year && dateRow !== undefined) {
    const message = unlikelyDateMessage(h.reportDate, { kind: h.period, year: h.year });
    if (message)
      findings.push(finding("UNLIKELY_DATE", "warning", sheet.name, a1(dateRow, INFO_COLS.value), message));
  }
  // SPEC §8 free-text rows: optional, long text allowed; collected for the report.
  for (const f of form.freeText) {
    const r = rows.get(f.code);
    if (r === undefined) continue;
    const text = cellText(cellAt(sheet, r, INFO_COLS.value));
    if (text !== "") h.texts[f.code] = text;
  }
  return h;
}

/**
 * A date cell shown month first whose day could be a month too (10/05/2026 read as 5 October): typed
 * day first on a machine set to English (US), it was stored with the two swapped, and nothing in
 * the file says which the clerk meant.
 */
function monthFirstMisread(cell: Cell | undefined, date: CivilDate): boolean {
  const v = cell?.value;
  return v?.kind === "number" && v.monthFirst === true && date.day <= 12 && date.day !== date.month;
}

/**
 * MSG.periodNotOver for a half year's or a year's report dated before its last quarter began, else
 * null; with what to type when the date says it: the shorter period it fits, or, for a year's report
 * dated early in its year, the year before (last year's report, this year typed).
 */
function earlyForPeriod(date: CivilDate, period: Period, form: Form): string | null {
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
function laterForPeriod(date: CivilDate, period: Period, form: Form): string | null {
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
function unlikelyDateMessage(date: CivilDate, period: Period): string | null {
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

export function columnName(form: Form, column: Column): string {
  return column === "previous" ? `cột D, ${form.previousHeader.toLowerCase()}` : "cột E, kỳ này";
}

/** Words of a header that compares figures or notes on them (folded: no diacritics, lower case). */
const COMPARING_HEADER = /so voi|so sanh|%|tang|giam|ty le|ghi chu|ke hoach|chenh/;

/**
 * The header row of a sheet whose rows are found by code (Thông tin, Chỉ tiêu): the nearest row above
 * the first code whose cell in the code column starts "Mã"; -1 when there is none.
 */
function codeHeaderRow(sheet: Sheet, firstCodeRow: number, codeColumn: number): number {
  for (let r = firstCodeRow - 1; r >= 0; r--) {
    const cell = sheet.rows[r]?.[codeColumn];
    if (cell !== undefined && /^ma(\s|$)/.test(foldKey(cellText(cell)))) return r;
  }
  return -1;
}

/** How far right of column A a sheet's codes sit, and the first row with one. */
interface CodeColumn {
  readonly col: number;
  readonly firstRow: number;
}

/** A cell that may hold one of a sheet's codes: a code is short, a title or an instruction is not. */
function holdsCode(cell: Cell | undefined, codes: ReadonlySet<string>): boolean {
  const v = cell?.value;
  // Codes are at most 32 characters (SPEC §3); spaces or invisible characters typed round one, a few more.
  if (v === undefined || (v.kind === "string" && v.value.length > 48)) return false;
  return codes.has(codeKey(cellText(cell)));
}

/**
 * Where the sheet's codes are: column A, as the template has them (the first row holding one), or,
 * when column A has none, where a clerk's column inserted before A (an "STT" column) moved every code,
 * figure and value: the column (B to F) holding most of `codes`, at least two. Undefined when no
 * column qualifies. Column A is looked at first and alone: the usual file stops there.
 */
function codeColumn(sheet: Sheet, codes: ReadonlySet<string>): CodeColumn | undefined {
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) if (holdsCode(rows[r]?.[0], codes)) return { col: 0, firstRow: r };
  const hits = new Map<number, { count: number; firstRow: number }>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 1; c <= Math.min(5, row.length - 1); c++) {
      if (!holdsCode(row[c], codes)) continue;
      const seen = hits.get(c);
      if (seen) seen.count++;
      else hits.set(c, { count: 1, firstRow: r });
    }
  }
  let best: CodeColumn | undefined;
  let most = 1;
  for (const [col, { count, firstRow }] of hits) if (count > most) [best, most] = [{ col, firstRow }, count];
  return best;
}

/** Rows of a sheet whose code column was deleted, each with the code its label in column A names. */
interface DeletedCodes {
  readonly codes: ReadonlyMap<number, string>;
  /** The row above the first such row that heads the table, or that first row when none does. */
  readonly headRow: number;
}

/** Folded label → code, for the rows a sheet reads by code (Thông tin's, a form's counts). */
function labelCodes(
  fields: ReadonlyArray<{ readonly code: string; readonly label: string }>,
): ReadonlyMap<string, string> {
  return new Map(fields.map((f) => [labelKey(f.label), f.code]));
}

/** A row label folded, without the mark after it: "Mã đơn vị (*)" and "Mã đơn vị" are one label. */
function labelKey(text: string): string {
  return foldKey(text).replace(/\s*\([^()]*\)$/, "");
}

const INFO_LABELS = labelCodes(INFO_FIELDS);
const COUNT_LABELS = new WeakMap<Form, ReadonlyMap<string, string>>();

/** A form's count labels (labelCodes), made once per form, as countCodes makes its codes. */
function countLabels(form: Form): ReadonlyMap<string, string> {
  let labels = COUNT_LABELS.get(form);
  if (labels === undefined) COUNT_LABELS.set(form, (labels = labelCodes(form.counts)));
  return labels;
}

/**
 * The code column deleted (SPEC §3 reads the rows by their code in A): column A then holds the rows'
 * labels, as the template writes them ("Mã đơn vị", "Tổng số hội nghị, cuộc họp đã tổ chức"). Three of
 * them at least, each once; asked only of a sheet with none of its codes in columns A to F.
 */
function deletedCodeColumn(sheet: Sheet, labels: ReadonlyMap<string, string>): DeletedCodes | undefined {
  const codes = new Map<number, string>();
  const seen = new Set<string>();
  for (let r = 0; r < sheet.rows.length; r++) {
    const cell = sheet.rows[r]?.[0];
    const code = cell === undefined ? undefined : labels.get(labelKey(cellText(cell)));
    if (code === undefined || seen.has(code)) continue;
    seen.add(code);
    codes.set(r, code);
  }
  if (codes.size < 3) return undefined;
  const first = Math.min(...codes.keys());
  const head = first > 0 && (sheet.rows[first - 1] ?? []).some((c) => cellText(c) !== "") ? first - 1 : first;
  return { codes, headRow: head };
}

/** The NOT_TEMPLATE for a deleted code column: at A of its header row, its first row's label quoted. */
function deletedCodesError(sheet: Sheet, deleted: DeletedCodes, what: string): Finding {
  const [row, code] = [...deleted.codes][0]!;
  const label = cleanName(cellText(sheet.rows[row]?.[0]));
  return finding(
    "NOT_TEMPLATE",
    "error",
    sheet.name,
    a1(deleted.headRow, 0),
    MSG.deletedCodeColumn(sheet.name, what, { label, cell: a1(row, 0), code }),
  );
}

/** codeColumn when the codes moved right of column A (a column inserted before it); undefined otherwise. */
function shiftedCodeColumn(sheet: Sheet, codes: ReadonlySet<string>): CodeColumn | undefined {
  const found = codeColumn(sheet, codes);
  return found !== undefined && found.col > 0 ? found : undefined;
}

/** The code column moved right, as a moved header ("Mã" at B4), for the message that says so. */
function movedCodeColumn(sheet: Sheet, shift: CodeColumn): MovedColumn {
  const headRow = codeHeaderRow(sheet, shift.firstRow, shift.col);
  const head = headRow < 0 ? undefined : sheet.rows[headRow]?.[shift.col];
  return {
    header: head === undefined ? "Mã" : cleanName(cellText(head)),
    cell: a1(headRow < 0 ? shift.firstRow : headRow, shift.col),
    at: columnLetters(shift.col),
    expected: columnLetters(COUNT_COLS.code),
  };
}

/** A header of Thông tin, Chỉ tiêu or Nhiệm vụ found in another column than the template's. */
interface MovedColumn {
  readonly header: string;
  /** Its cell ("F4"). */
  readonly cell: string;
  /** Where it is and where the template has it: column letters. */
  readonly at: string;
  readonly expected: string;
}

/**
 * The count columns are read by position (SPEC §3: D last year, E this period). A clerk who inserts a
 * column ("Kế hoạch năm 2026" between D and E), deletes one or re-types the sheet with the two
 * swapped would have other figures read as hers, silently: the header row (the nearest row above
 * the first code whose column A starts "Mã") says where "Kỳ này" and the previous period's header
 * are, and each found elsewhere than E and D is returned. A header renamed beyond recognition,
 * blank or missing says nothing, and nothing is returned for it.
 */
function movedCountColumns(
  sheet: Sheet,
  form: Form,
  firstCodeRow: number,
  codeColumn = COUNT_COLS.code as number,
): MovedColumn[] {
  const headRow = codeHeaderRow(sheet, firstCodeRow, codeColumn);
  const head = sheet.rows[headRow];
  if (head === undefined) return [];
  const previous = foldKey(form.previousHeader);
  // A header that names a column of figures, not one that compares them ("So sánh cùng kỳ (%)",
  // "Kỳ này so với kế hoạch", "Ghi chú (so với năm trước)": a clerk's own columns beside D and E).
  const kindOf = (col: number): Column | null => {
    const cell = head[col];
    const h = cell === undefined ? "" : foldKey(cellText(cell));
    if (h === "" || COMPARING_HEADER.test(h)) return null;
    if (h === previous || /^(so lieu )?(cung ky|nam truoc)/.test(h)) return "previous";
    if (/^(so lieu )?ky nay\b/.test(h)) return "current";
    return null;
  };
  const moved: MovedColumn[] = [];
  for (const column of ["previous", "current"] as const) {
    const expected = COUNT_COLS[column];
    if (kindOf(expected) === column) continue;
    const at = head.findIndex((_, col) => col >= COUNT_COLS.unit && kindOf(col) === column);
    if (at >= 0) moved.push(movedHeader(head, headRow, at, expected));
  }
  return moved;
}

/** A read column's header found in column `at` of row `headRow` where the template has it in `expected`. */
function movedHeader(
  head: ReadonlyArray<Cell | undefined>,
  headRow: number,
  at: number,
  expected: number,
): MovedColumn {
  return {
    header: cleanName(cellText(head[at])),
    cell: a1(headRow, at),
    at: columnLetters(at),
    expected: columnLetters(expected),
  };
}

/** A sheet's one NOT_TEMPLATE error for its moved columns, at the first one's header. */
function movedColumnsError(sheet: Sheet, moved: readonly MovedColumn[], message: string): Finding {
  return finding("NOT_TEMPLATE", "error", sheet.name, moved[0]?.cell ?? null, message);
}

/** `make()` the first time it is asked for, the same value after. */
function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) [value, made] = [make(), true];
    return value;
  };
}

/** The template a unit filled when its file is checked by another profile (a consolidation's plan). */
interface FilledTemplate {
  /** The count rows that template has. */
  readonly codes: ReadonlySet<string>;
  /** Its tasks, by the matchKey of their content. */
  readonly tasks: ReadonlySet<string>;
  /** How messages name it ("mẫu chung, …", "mẫu theo hồ sơ “…”"). */
  readonly name: string;
  /** The profile the file is checked by. */
  readonly checkedBy: string;
}

/**
 * The template the unit filled, when the file is checked by another profile: the shipped profile
 * the file names, else its form's default. A row of `profile` it never had was not deleted by the
 * unit (rowNotInTemplate); nor was a row missing from the template of a plan this build lacks.
 * Undefined when it is `profile`'s own.
 */
function filledTemplate(workbook: Workbook, profile: Profile): FilledTemplate | undefined {
  const named = fileProfile(workbook);
  // The checking profile's own template (a province's profile on its server, not shipped) is known.
  const own =
    named === undefined
      ? defaultProfileForForm(profile.form.id)
      : named === profile.id?.toLowerCase()
        ? profile
        : shippedProfile(named);
  // A plan this build lacks (UNKNOWN_PROFILE): its template's rows are not known, so a row missing
  // there is said as that template's, not as one the unit deleted.
  if (named !== undefined && own === undefined)
    return {
      codes: new Set(),
      tasks: new Set(),
      name: MSG.templateOfUnknown(named),
      checkedBy: profile.name,
    };
  if (own === undefined || own === profile || own.form.id !== profile.form.id) return undefined;
  return {
    codes: new Set(own.form.counts.map((f) => f.code)),
    tasks: new Set(taskKeys(own.form)),
    name: MSG.templateOf(named === undefined ? null : own.name),
    checkedBy: profile.name,
  };
}

/**
 * The counts of `Chỉ tiêu`, and the row (1-based, as Excel numbers it) each was found on. `template`
 * gives the template the unit filled, asked only when a row is missing (filledTemplate).
 */
function readCounts(
  sheet: Sheet,
  form: Form,
  findings: Finding[],
  template: () => FilledTemplate | undefined = () => undefined,
): { readonly values: CountValues; readonly rows: Readonly<Record<string, number>> } {
  const rows = indexCodes(sheet, findings);
  const values: Record<string, CountPair> = {};
  // Column A's codes are in `rows` already: the other columns are looked at only when it holds none.
  const codes = countCodes(form);
  const shift = [...rows.keys()].some((code) => codes.has(code))
    ? undefined
    : shiftedCodeColumn(sheet, codes);
  const moved =
    shift !== undefined
      ? [movedCodeColumn(sheet, shift), ...movedCountColumns(sheet, form, shift.firstRow, shift.col)]
      : rows.size === 0
        ? []
        : movedCountColumns(sheet, form, Math.min(...rows.values()));
  const deleted =
    rows.size === 0 && shift === undefined ? deletedCodeColumn(sheet, countLabels(form)) : undefined;
  if (deleted !== undefined) {
    // Every row would be "không tìm thấy dòng có mã …, chép lại dòng này": one error, the column.
    findings.push(deletedCodesError(sheet, deleted, "số liệu"));
    for (const field of form.counts) values[field.code] = { previous: null, current: null };
    return { values, rows: {} };
  }
  if (moved.length > 0) {
    // Every figure would be read from the wrong column: one error that says how to put them back,
    // not a "chưa điền" on each cell the clerk did fill.
    findings.push(movedColumnsError(sheet, moved, MSG.movedColumns(sheet.name, moved, form.previousHeader)));
    for (const field of form.counts) values[field.code] = { previous: null, current: null };
    return { values, rows: {} };
  }
  // Counts typed with comma groups ("1,200": BAD_VALUE, ambiguous), by `${code}|${column}`: the
  // number their digits make, for the part ≤ whole check below.
  const grouped = new Map<string, number>();
  for (const field of form.counts) {
    const r = rows.get(field.code);
    if (r === undefined) {
      const required = field.previousRequired || field.currentRequired;
      const judged = form.indicators.filter((ind) =>
        indicatorInputs(ind).some(([code]) => code === field.code),
      );
      const filled = template();
      if (filled !== undefined && !filled.codes.has(field.code))
        // Checked by a plan whose row the unit's template never had: not deleted, another template.
        findings.push(
          finding(
            "MISSING_FIELD",
            required ? "error" : "warning",
            sheet.name,
            null,
            MSG.rowNotInTemplate(
              sheet.name,
              field.code,
              field.label,
              filled.name,
              filled.checkedBy,
              required ? null : judged.map((ind) => ind.label),
            ),
          ),
        );
      else if (required) findings.push(missingRow(sheet, field));
      else {
        // An optional row deleted: its figures are not summed and the indicators built on it are not
        // judged for the unit — said, since a blank cell would have been "chưa điền" only if required.
        findings.push(
          finding(
            "MISSING_FIELD",
            "warning",
            sheet.name,
            null,
            MSG.missingOptionalRow(
              sheet.name,
              field.code,
              field.label,
              judged.map((ind) => ind.label),
            ),
          ),
        );
      }
      values[field.code] = { previous: null, current: null };
      continue;
    }
    const pair = { previous: null as number | null, current: null as number | null };
    for (const column of ["previous", "current"] as const) {
      pair[column] = readValue(sheet, field, r, column, form, findings, grouped);
    }
    values[field.code] = pair;
  }
  const label = (code: string): string => countField(form, code).label;
  const cellOf = (r: number, column: Column): string => a1(r, COUNT_COLS[column]);
  // A cell that already has a finding (a bad value says more than what follows from it).
  const flagged = (cell: string): boolean => findings.some((f) => f.sheet === sheet.name && f.cell === cell);
  const push = (code: FindingCode, severity: Severity, cell: string, message: string): void =>
    void findings.push(finding(code, severity, sheet.name, cell, message));
  for (const { part, whole } of form.parts) {
    for (const column of ["previous", "current"] as const) {
      const p = values[part]?.[column] ?? null;
      // A whole typed "1,200" is 1200 or 1,2: a part over 1200 is too large either way, and is said
      // now rather than after the clerk has retyped the whole (one more round trip).
      const w = values[whole]?.[column] ?? grouped.get(`${whole}|${column}`) ?? null;
      const r = rows.get(part);
      if (p !== null && w !== null && p > w && r !== undefined) {
        const col = column === "previous" ? "D" : "E";
        push(
          "INCONSISTENT",
          "error",
          cellOf(r, column),
          MSG.inconsistent(label(part), p, label(whole), w, col),
        );
      }
    }
  }
  // A ratio's part filled and its whole (optional) left blank: the unit's ratio cannot be worked
  // out and the part stays out of the province's ratio while the sums show it. Not an error (both
  // are optional, and the figure typed is kept), but the clerk is told, at the whole's cell.
  for (const ind of form.indicators) {
    if (ind.kind !== "ratio") continue;
    const part = values[ind.part]?.current ?? null;
    const r = rows.get(ind.whole);
    if (part === null || values[ind.whole]?.current !== null || r === undefined) continue;
    const cell = cellOf(r, "current");
    if (!flagged(cell))
      push(
        "MISSING_VALUE",
        "warning",
        cell,
        MSG.partWithoutWhole(label(ind.part), part, label(ind.whole), ind.label),
      );
  }
  // SPEC §8: a rate without its weight (HAI_LONG filled, PHIEU_KHAO_SAT blank) cannot be pooled;
  // nor one over 0 forms: it would be judged for the unit yet weigh nothing in the province's rate.
  for (const ind of form.indicators) {
    if (ind.kind !== "percent") continue;
    for (const column of ["previous", "current"] as const) {
      const rate = values[ind.rate]?.[column];
      if (rate === null || rate === undefined) continue;
      const weight = values[ind.weight]?.[column];
      const r = rows.get(ind.weight);
      const where = columnName(form, column);
      if (weight === 0 && r !== undefined) {
        push(
          "INCONSISTENT",
          "error",
          cellOf(r, column),
          MSG.zeroWeight(label(ind.weight), label(ind.rate), rate, where),
        );
      } else if (weight === null) {
        if (r === undefined) findings.push(missingRow(sheet, countField(form, ind.weight)));
        else if (!flagged(cellOf(r, column)))
          push(
            "MISSING_VALUE",
            "error",
            cellOf(r, column),
            MSG.missingWeight(label(ind.weight), label(ind.rate), where),
          );
      }
    }
  }
  const found: Record<string, number> = {};
  for (const field of form.counts) {
    const r = rows.get(field.code);
    if (r !== undefined) found[field.code] = r + 1;
  }
  return { values, rows: found };
}

function readValue(
  sheet: Sheet,
  field: CountField,
  r: number,
  column: Column,
  form: Form,
  findings: Finding[],
  grouped?: Map<string, number>,
): number | null {
  const at = a1(r, COUNT_COLS[column]);
  const cell = cellAt(sheet, r, COUNT_COLS[column]);
  const required = column === "previous" ? field.previousRequired : field.currentRequired;
  const where = columnName(form, column);
  let read: CountRead | PercentRead;
  let badMessage: (() => string) | undefined;
  if (field.type === "percent") {
    const r = readPercent(cell);
    if (r.kind === "bad") badMessage = () => MSG.badPercent(field.label, where, r.shown, r.why);
    read = r;
  } else {
    const r = readCount(cell);
    if (r.kind === "bad") badMessage = () => MSG.badCount(field.label, where, r.shown, r.why);
    if (r.kind === "bad" && r.why === "commaGroups")
      grouped?.set(`${field.code}|${column}`, Number(r.shown.replace(/[^0-9]/g, "")));
    read = r;
  }
  if (read.kind === "ok") {
    if (read.coerced)
      findings.push(
        finding(
          "COERCED",
          "warning",
          sheet.name,
          at,
          "rounded" in read && read.rounded === true
            ? MSG.roundedFormula(field.label, where, read.text ?? "", read.value)
            : MSG.coerced(field.label, where, read.text ?? "", read.value),
        ),
      );
    return read.value;
  }
  if (badMessage) {
    findings.push(finding("BAD_VALUE", "error", sheet.name, at, badMessage()));
  } else if (required) {
    findings.push(
      finding(
        "MISSING_VALUE",
        "error",
        sheet.name,
        at,
        field.type === "percent"
          ? MSG.missingPercent(field.label, where)
          : MSG.missingCount(field.label, where, column === "previous"),
      ),
    );
  }
  return null;
}

/** A list's headers that name a column validation reads (folded), by that column. */
type ListHeaders = ReadonlyArray<readonly [column: number, header: RegExp]>;

/** The headers of `Nhiệm vụ` that name a column validation reads. */
const TASK_HEADERS: ListHeaders = [
  [TASK_COLS.content, /^(noi dung|ten nhiem vu|nhiem vu)\b/],
  [TASK_COLS.deadline, /^thoi han\b/],
  [TASK_COLS.status, /^tinh trang\b/],
];

/** The headers of `Hội nghị` that name a column validation reads (Ngày, column E, is not read). */
const MEETING_HEADERS: ListHeaders = [
  [MEETING_COLS.name, /^(ten\b|noi dung)/],
  [MEETING_COLS.type, /^loai\b/],
  [MEETING_COLS.form, /^hinh thuc\b/],
  [MEETING_COLS.days, /^(so ngay|thoi luong)\b/],
];

/** The header of `Hội nghị` validation does not read: Ngày (E), a place the columns are told by. */
const MEETING_LANDMARKS: ListHeaders = [[MEETING_COLS.date, /^ngay\b/]];

/**
 * The read columns of a list (Nhiệm vụ, Hội nghị) whose header (in the STT header row) is found in
 * another column than the template's: a column inserted ("Tiến độ (%)" before G) or deleted. A header
 * renamed beyond recognition, or where the template has it, says nothing; nor does a column added
 * after the list's last. Only the header row is looked at.
 *
 * A header found across another header of the template in its place (`headers`, or `landmarks`: the
 * list's headers validation does not read) moved in no insertion or deletion, which moves every
 * header after it: it is the clerk's own column named like one the clerk renamed in its place ("Tên
 * hội nghị" renamed in B, a column G "Nội dung chính" added, across Loại, Hình thức and Số ngày).
 */
function movedListColumns(
  sheet: Sheet,
  headRow: number,
  headers: ListHeaders,
  offset = 0,
  landmarks: ListHeaders = [],
): MovedColumn[] {
  const head = sheet.rows[headRow] ?? [];
  const folded = (c: number): string => {
    const cell = head[c];
    return cell === undefined ? "" : foldKey(cellText(cell));
  };
  const inPlace = (c: number, pattern: RegExp): boolean => offset === 0 && pattern.test(folded(c));
  let stayed: number[] | undefined;
  const moved: MovedColumn[] = [];
  for (const [expected, pattern] of headers) {
    if (inPlace(expected, pattern)) continue;
    const at = head.findIndex((_, c) => c > 0 && pattern.test(folded(c)));
    if (at < 0 || at === expected) continue;
    stayed ??= [...headers, ...landmarks].filter(([c, p]) => inPlace(c, p)).map(([c]) => c);
    if (stayed.some((c) => c > Math.min(at, expected) && c < Math.max(at, expected))) continue;
    moved.push(movedHeader(head, headRow, at, expected));
  }
  return moved;
}

/** The headers the template has right of Tình trạng (G): "Kết quả cụ thể/minh chứng" (H), "Ghi chú" (I). */
const AFTER_STATUS: ListHeaders = [
  [TASK_COLS.result, /^ket qua\b/],
  [TASK_COLS.note, /^ghi chu\b/],
];

/**
 * `Nhiệm vụ`'s Tình trạng column deleted: no "Tình trạng" header anywhere (movedListColumns found
 * none), column G headed as the template's H or I, and no status in it. The statuses went with the
 * column, so every task was "chưa chọn Tình trạng" without a word of the column. Returns the header
 * now in G, and where the template has it; undefined otherwise (a G renamed "Trạng thái", or "Kết quả
 * thực hiện" over the statuses, or beside H's own header, is read as before). Column G is looked
 * down only when so headed.
 */
function deletedStatusColumn(sheet: Sheet, headRow: number): MovedColumn | undefined {
  const head = sheet.rows[headRow];
  const cell = head?.[TASK_COLS.status];
  if (head === undefined || cell === undefined) return undefined;
  const text = foldKey(cellText(cell));
  const was = AFTER_STATUS.find(([, header]) => header.test(text));
  if (was === undefined) return undefined;
  // That header still in its own place (H "Kết quả cụ thể/minh chứng" beside a G "Kết quả thực
  // hiện"): G was renamed, not deleted, its statuses perhaps not chosen yet.
  const own = head[was[0]];
  if (own !== undefined && was[1].test(foldKey(cellText(own)))) return undefined;
  for (let r = headRow + 1; r < sheet.rows.length; r++) {
    const status = sheet.rows[r]?.[TASK_COLS.status];
    if (status !== undefined && matchOption(TASK_STATUSES, cellText(status)) !== undefined) return undefined;
  }
  return movedHeader(head, headRow, TASK_COLS.status, was[0]);
}

/** A list's "STT" header found in column B to D (a column inserted before A), and what moved with it. */
function movedSttColumn(sheet: Sheet, headers: ListHeaders): MovedColumn[] {
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const row = sheet.rows[r];
    for (let c = 1; c <= 3; c++) {
      const cell = row?.[c];
      if (cell === undefined || matchKey(cellText(cell)) !== "stt") continue;
      return [
        { header: cleanName(cellText(cell)), cell: a1(r, c), at: columnLetters(c), expected: "A" },
        ...movedListColumns(sheet, r, headers, c),
      ];
    }
  }
  return [];
}

/** A group's number in a list's STT column: a Roman numeral or a capital letter ("II", "B.", "III)"). */
const GROUP_NUMBER = /^(?:[IVXLC]+|[A-Z])[.)]?$/;
/**
 * A heading of a meeting log's period, folded: the period alone, with its year, a colon or a count in
 * brackets ("Tháng 1/2026", "Quý II năm 2026:", "Đợt 2 (3 cuộc)"). Not a task or meeting named after its
 * period ("Tháng 6: hoàn thành số hóa …", "Quý II: Hội nghị sơ kết").
 */
const PERIOD_HEADING =
  /^(?:thang|quy|dot|nam)\s*(?:\d+|[ivx]+)(?:\s*(?:[/.-]|nam)\s*\d{4})?\s*[:.]?\s*(?:\([^)]*\))?$/;
// Any spaces between the words: two typed, or Word's no-break space in a line pasted from it.
const TOTAL_LINE = /^tổng\s+(?:cộng|số)(?![\p{L}\p{M}])/u;
const BARE_TOTAL = /^(?:tổng|cộng)\s*(?:$|[\d:(.=])/u;
/**
 * "Tổng"/"Cộng" naming what it counts before a colon or "=" ("Tổng nhiệm vụ: 12", "Cộng NV = 12", "Tổng
 * cuộc họp: 2"): one or two of TOTAL_WORDS, so "Tổng kết: …", "Tổng hợp số liệu", "Cộng đồng số: …" stay tasks.
 */
const NAMED_TOTAL = /^(?:tổng|cộng)\s+([\p{L}\p{M}]+)(?:\s+([\p{L}\p{M}]+))?\s*[:=]/u;
/**
 * What a bare "Tổng"/"Cộng" line counts, the first word after it ("Tổng: 12 nhiệm vụ", "Cộng (5 cuộc họp)"),
 * in the clerk's words too ("12 NV", "12 đầu việc", "12 nội dung", "2 HN", "2 phiên họp", "2 lần").
 */
const TOTAL_WORDS = new Set([
  "tổng",
  "cộng",
  "nhiệm",
  "vụ",
  "nv",
  "đầu",
  "việc",
  "công",
  "nội",
  "hội",
  "nghị",
  "hn",
  "cuộc",
  "họp",
  "phiên",
  "lần",
  "buổi",
  "ngày",
  "lượt",
]);

/**
 * A count followed by its own punctuation, not by a word: "12 (", "12, ", "12;", "12.", "12 - ", "12⏎"
 * (not "5,5", "2.500", "3-5"); or a count of those done out of all, "10/12" (before "hoàn thành").
 */
const COUNT_CLOSED = /\d(?:\s*(?:[;(\n]|[,.](?!\d))|\s+[-–—]\s|\s*\/\s*\d)/;

/**
 * A total line ("Tổng cộng: 12 nhiệm vụ", "Tổng: 12", "Cộng", "Cộng: 12", "Tổng nhiệm vụ: 12", "Tổng = 12",
 * "Tổng: 10/12 hoàn thành"), in lower case with its marks:
 * folded, "Cộng" would be "Công" too, and "Công tác tuyên truyền …" is how many a task begins. "Tổng" and
 * "Cộng" alone, before a count, or naming what is counted (TOTAL_WORDS) before ":" or "=" only: "Tổng
 * kết …", "Tổng hợp …", "Cộng tác với …", "Cộng đồng số: …" begin tasks.
 */
function isTotal(text: string): boolean {
  // "Tổng …" or "Cộng …" only: a task's STT ("1") or its text is let go before lowering its case.
  const first = text.charCodeAt(0);
  if (first !== 0x54 && first !== 0x74 && first !== 0x43 && first !== 0x63) return false;
  const lower = text.toLocaleLowerCase("vi");
  if (TOTAL_LINE.test(lower)) return true;
  const named = NAMED_TOTAL.exec(lower);
  if (named !== null && [named[1], named[2]].every((w) => w === undefined || TOTAL_WORDS.has(w))) return true;
  // A bare "Tổng" before its count, its first word after it what is counted, whatever follows ("Cộng:
  // 12 nhiệm vụ, 10 hoàn thành", a total before session 38 too): "Tổng 5 năm thực hiện Kết luận 226"
  // is a task of the unit's own, whatever number follows the word. A count closed by a comma, a
  // semicolon, a bracket, a full stop, a dash between spaces or the cell's line break (Alt+Enter)
  // stands alone, whatever the words after it ("Tổng: 12 (10 hoàn thành, …)", "Cộng: 12, trong đó 10
  // hoàn thành", "Tổng: 12 - Hoàn thành: 10"); a decimal comma ("5,5 ngày"), a thousands' point
  // ("2.500 hồ sơ") or a range ("3-5 năm") does not close it.
  if (!BARE_TOTAL.test(lower)) return false;
  const [, between = "", counted = ""] =
    /^[^\p{L}\p{M}]*[\p{L}\p{M}]+([^\p{L}\p{M}]*)([\p{L}\p{M}]*)/u.exec(lower) ?? [];
  return counted === "" || TOTAL_WORDS.has(counted) || COUNT_CLOSED.test(between);
}

/**
 * A group heading or a total line a clerk typed into a list (Nhiệm vụ, Hội nghị): a total ("Tổng cộng: 12
 * nhiệm vụ", in column A or in the list's own column), whatever its status or other cells say; or the
 * text in the task's or meeting's own column, no status, nothing in the columns `others`, and a group's
 * number in column A ("I", "B.") or no number and a heading's look (in capitals, a period of the log:
 * "Tháng 1/2026"). Not a task or a meeting: it was a TASK_STATUS error ("Nhiệm vụ ở dòng 5 chưa chọn
 * Tình trạng") on a heading, and the log counted its month headings as meetings. A row with a number in
 * A, or in lower case without one, stays a task.
 */
function isListHeading(
  row: ReadonlyArray<Cell | undefined>,
  textCol: number,
  others: readonly number[],
  statusText = "",
): boolean {
  const no = cellText(row[0]).trim();
  // "Tổng cộng" typed in column A, as tables write it (merged over B or not), is a total too.
  if (no !== "" && !GROUP_NUMBER.test(no)) return isTotal(no);
  const text = cellText(row[textCol]).trim();
  // A total whatever else its row holds: a status filled down to it, the days summed under Số ngày.
  if (isTotal(text)) return true;
  if (statusText !== "" || others.some((c) => cellText(row[c]) !== "")) return false;
  if (no !== "") return true;
  return (/\p{L}/u.test(text) && text === text.toLocaleUpperCase("vi")) || PERIOD_HEADING.test(foldKey(text));
}

/**
 * The row under a table's header that numbers its columns, as Vietnamese tables do ("(1)", "(2)" … or
 * 1, 2 …): each cell filled, at least three, holds its own column's number. No task or meeting.
 */
function isColumnNumbers(row: ReadonlyArray<Cell | undefined>): boolean {
  let filled = 0;
  for (let c = 0; c < row.length; c++) {
    const text = cellText(row[c]);
    if (text === "") continue;
    const number = /^\(?(\d{1,2})\)?$/.exec(text);
    if (number === null || Number(number[1]) !== c + 1) return false;
    filled++;
  }
  return filled >= 3;
}

/** A task row's columns besides STT, Nội dung and Tình trạng: filled, the row is no heading. */
const TASK_OTHERS = [
  TASK_COLS.lead,
  TASK_COLS.partners,
  TASK_COLS.product,
  TASK_COLS.deadline,
  TASK_COLS.result,
  TASK_COLS.note,
] as const;
/** A meeting row's columns besides STT and Tên: filled, the row is no heading. */
const MEETING_OTHERS = [MEETING_COLS.type, MEETING_COLS.form, MEETING_COLS.date, MEETING_COLS.days] as const;

interface TasksRead {
  readonly tasks: TaskRow[];
  readonly statusesTyped: number;
  /**
   * The matchKey of every row's Nội dung below the header (tasks, headings, rows without a status):
   * what the plan's tasks are looked for in. Absent when the list was not read.
   */
  readonly contents?: ReadonlySet<string>;
}

const NO_TASKS: TasksRead = { tasks: [], statusesTyped: 0 };

/** The task rows with a valid status, and how many rows have any status typed (valid or not). */
function readTasks(sheet: Sheet, date1904: boolean, findings: Finding[]): TasksRead {
  const header = headerRow(sheet);
  const moved =
    header === undefined
      ? movedSttColumn(sheet, TASK_HEADERS)
      : movedListColumns(sheet, header, TASK_HEADERS, 0, AFTER_STATUS);
  if (moved.length > 0) {
    // Every status (or deadline) would be read from the wrong column: one error that says how to put
    // the columns back, not a TASK_STATUS on each task with the column inserted before G's "50".
    findings.push(movedColumnsError(sheet, moved, MSG.movedTaskColumns(sheet.name, moved)));
    return { tasks: [], statusesTyped: 0 };
  }
  const deleted = header === undefined ? undefined : deletedStatusColumn(sheet, header);
  if (deleted !== undefined) {
    // Tình trạng deleted with its statuses: said once, as a column, not "chưa chọn" on every task.
    findings.push(movedColumnsError(sheet, [deleted], MSG.deletedStatusColumn(sheet.name, deleted)));
    return NO_TASKS;
  }
  if (header === undefined) {
    findings.push(finding("MISSING_FIELD", "error", sheet.name, null, MSG.missingHeader(sheet.name)));
    return { tasks: [], statusesTyped: 0 };
  }
  const tasks: TaskRow[] = [];
  const contents = new Set<string>();
  let statusesTyped = 0;
  const options = TASK_STATUSES.map((s) => s.label);
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    // A task row is a row with content; blank and note-only rows are not tasks.
    const content = row ? cellText(row[TASK_COLS.content]) : "";
    if (!row || content === "") continue;
    contents.add(matchKey(content));
    const statusText = cellText(row[TASK_COLS.status]);
    const status = statusText === "" ? undefined : matchOption(TASK_STATUSES, statusText);
    // A heading has no status; a total line may ("Hoàn thành" filled down to it) and is no task either,
    // nor is the row numbering the columns, its status "(7)".
    if (isListHeading(row, TASK_COLS.content, TASK_OTHERS, statusText)) continue;
    if (status === undefined && isColumnNumbers(row)) continue;
    if (statusText !== "") statusesTyped++;
    if (!status) {
      findings.push(
        finding(
          "TASK_STATUS",
          "error",
          sheet.name,
          a1(r, TASK_COLS.status),
          MSG.taskStatus(r + 1, statusText, options),
        ),
      );
      continue;
    }
    // A deadline typed as a date in Excel is stored as its serial (46112): read as the date it shows.
    const deadlineCell = row[TASK_COLS.deadline]?.value;
    const deadlineDate =
      deadlineCell?.kind === "number" && deadlineCell.isDate === true
        ? dateFromSerial(deadlineCell.value, date1904)
        : null;
    const deadlineText = deadlineDate !== null ? viDate(deadlineDate) : cellText(row[TASK_COLS.deadline]);
    const parsed = parseDeadline(deadlineText);
    tasks.push({
      row: r + 1,
      content: collapseSpaces(content),
      lead: cellText(row[TASK_COLS.lead]),
      partners: cellText(row[TASK_COLS.partners]),
      product: cellText(row[TASK_COLS.product]),
      deadlineText,
      deadline: parsed.kind === "date" ? parsed.date : null,
      status: status.id,
      result: cellText(row[TASK_COLS.result]),
      note: cellText(row[TASK_COLS.note]),
    });
  }
  return { tasks, statusesTyped, contents };
}

/**
 * The plan's tasks that apply to the unit and that no row of Nhiệm vụ holds (matched by content, as
 * the summary's Nhiệm vụ sheet matches them): a row deleted, or its text edited. Passed silently, such
 * a task was counted "Không có trong báo cáo" for the unit in the summary. A warning (MISSING_FIELD, as
 * an optional count row deleted): SPEC §3 requires a status on every row there is, not every task of
 * the plan, and the summary counts the task absent, so nothing is lost that the analyst does not see.
 * A task of the checking plan that the unit's template never had (another plan's template) is not
 * said: the unit deleted nothing.
 */
function checkPlanTasks(
  sheet: string,
  contents: ReadonlySet<string>,
  form: Form,
  header: Header,
  template: () => FilledTemplate | undefined,
  findings: Finding[],
): void {
  const keys = taskKeys(form);
  const unit = { code: header.code ?? undefined, typeId: header.type?.id };
  // A task's STT is its place in the plan, unless some tasks apply to some units only: then it is its
  // place in the unit's own template, or in the whole list of a template made for no unit.
  const numbered = form.tasks.every((t) => t.appliesTo === undefined);
  let missing: Array<{ no: number | null; content: string; key: string }> | undefined;
  form.tasks.forEach((task, i) => {
    const key = keys[i]!;
    if (contents.has(key) || !taskApplies(task, unit)) return;
    (missing ??= []).push({ no: numbered ? i + 1 : null, content: task.content, key });
  });
  if (missing === undefined) return;
  const filled = template();
  const deleted = filled === undefined ? missing : missing.filter((m) => filled.tasks.has(m.key));
  if (deleted.length > 0)
    findings.push(finding("MISSING_FIELD", "warning", sheet, null, MSG.missingPlanTasks(sheet, deleted)));
}

/**
 * "Hoàn thành quá hạn" on a task whose deadline is after `asOf` (the report's date): it cannot be late
 * yet. The consolidation counts such a task as done, not done late (its TASK_STATUS warning stays).
 */
export function lateBeforeDeadline(t: TaskRow, asOf: CivilDate): boolean {
  return t.status === "DONE_LATE" && t.deadline !== null && compareDates(t.deadline, asOf) > 0;
}

/**
 * "Hoàn thành quá hạn" on a task whose deadline is after the report's date cannot be: the task is not
 * overdue yet. Most likely "Hoàn thành" was meant; a warning, since the report's figures stand.
 */
function checkLateTasks(
  sheet: string,
  tasks: readonly TaskRow[],
  reportDate: CivilDate,
  findings: Finding[],
): void {
  for (const t of tasks) {
    if (!lateBeforeDeadline(t, reportDate)) continue;
    findings.push(
      finding(
        "TASK_STATUS",
        "warning",
        sheet,
        a1(t.row - 1, TASK_COLS.status),
        MSG.doneLateBeforeDeadline(t.row, t.deadlineText, viDate(reportDate)),
      ),
    );
  }
}

/** "06 tháng" → "6 tháng", "Năm 2026" → "Năm", "Quý II/2025" → "Quý II": a period typed with its year or a leading zero. */
function loosePeriodText(text: string): string {
  return text
    .replace(/[\s/-]*\d{4}\s*$/u, "")
    .replace(/(\S)\s+năm$/iu, "$1")
    .replace(/\b0+(\d)/g, "$1")
    .trim();
}

function collapseSpaces(text: string): string {
  return /\s{2,}|[\t\n\r]/.test(text) ? text.replace(/\s+/g, " ") : text;
}

function readMeetings(sheet: Sheet, form: Form, findings: Finding[]): MeetingRow[] {
  const header = headerRow(sheet);
  const moved =
    header === undefined
      ? movedSttColumn(sheet, MEETING_HEADERS)
      : movedListColumns(sheet, header, MEETING_HEADERS, 0, MEETING_LANDMARKS);
  if (moved.length > 0) {
    // Read by position, the log would give a type as its form ("Hình thức “Quán triệt” không hợp lệ")
    // and count no meeting online: one warning that says the columns moved, the log left unread. A
    // warning, as the log is optional (SPEC §3); its figures are the Chỉ tiêu sheet's.
    const m = moved[0]!;
    findings.push(
      finding("LOG_MISMATCH", "warning", sheet.name, m.cell, MSG.movedLogColumns(sheet.name, moved)),
    );
    return [];
  }
  if (header === undefined) {
    // Its header row deleted, meetings under it: the log unread, said as a moved column is.
    const first = sheet.rows.findIndex((row) =>
      foldOption(MEETING_FORMS, cellText(row?.[MEETING_COLS.form])),
    );
    if (first >= 0)
      findings.push(
        finding(
          "LOG_MISMATCH",
          "warning",
          sheet.name,
          a1(first, MEETING_COLS.form),
          MSG.logWithoutHeader(sheet.name),
        ),
      );
    return [];
  }
  const limits = form.meetingLog.limits;
  const meetings: MeetingRow[] = [];
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const text = (c: number): string => cellText(cellAt(sheet, r, c));
    const name = text(MEETING_COLS.name);
    const typeText = text(MEETING_COLS.type);
    const formText = text(MEETING_COLS.form);
    const daysCell = cellAt(sheet, r, MEETING_COLS.days);
    if (name === "" && typeText === "" && formText === "" && cellText(daysCell) === "") continue;
    const row = sheet.rows[r];
    if (row && (isListHeading(row, MEETING_COLS.name, MEETING_OTHERS) || isColumnNumbers(row))) continue;
    // The log is optional: its problems are warnings, never a reason to reject the report.
    const type = typeText === "" ? undefined : foldOption(MEETING_TYPES, typeText);
    const meetingForm = formText === "" ? undefined : foldOption(MEETING_FORMS, formText);
    if (typeText !== "" && !type) {
      findings.push(
        finding(
          "BAD_VALUE",
          "warning",
          sheet.name,
          a1(r, MEETING_COLS.type),
          MSG.meetingBadValue(
            r + 1,
            "Loại",
            typeText,
            MEETING_TYPES.map((t) => t.label),
          ),
        ),
      );
    }
    if (formText !== "" && !meetingForm) {
      findings.push(
        finding(
          "BAD_VALUE",
          "warning",
          sheet.name,
          a1(r, MEETING_COLS.form),
          MSG.meetingBadValue(
            r + 1,
            "Hình thức",
            formText,
            MEETING_FORMS.map((t) => t.label),
          ),
        ),
      );
    }
    const read = readDecimal(daysCell);
    // "2 ngày", "nửa ngày": not a number, so the length was not checked; said, not skipped. So is a
    // negative length ("-1" typed, or -1 in the cell: it was taken as a short meeting).
    const daysText = cellText(daysCell);
    const negative = (read !== null && read < 0) || startsWithMinus(daysText);
    const days = negative ? null : read;
    if (days === null && daysText !== "")
      findings.push(
        finding(
          "BAD_VALUE",
          "warning",
          sheet.name,
          a1(r, MEETING_COLS.days),
          negative ? MSG.meetingNegativeDays(r + 1, daysText) : MSG.meetingBadDays(r + 1, daysText),
        ),
      );
    if (type && days !== null && days > limits[type.id]) {
      findings.push(
        finding(
          "MEETING_TOO_LONG",
          "warning",
          sheet.name,
          a1(r, MEETING_COLS.days),
          MSG.meetingTooLong(r + 1, type.label, days, limits[type.id]),
        ),
      );
    }
    meetings.push({ row: r + 1, name, type: type?.id ?? null, form: meetingForm?.id ?? null, days });
  }
  return meetings;
}

function checkLog(
  sheetName: string,
  meetings: readonly MeetingRow[],
  values: CountValues,
  form: Form,
  findings: Finding[],
): void {
  const { limits, total, online, overtime } = form.meetingLog;
  const onlineCount = meetings.filter((m) => MEETING_FORMS.some((f) => f.id === m.form && f.online)).length;
  const overtimeCount = meetings.filter(
    (m) => m.type !== null && m.days !== null && m.days > limits[m.type],
  ).length;
  const checks: Array<[string, number, string | undefined]> = [
    ["hội nghị", meetings.length, total],
    ["hội nghị trực tuyến hoặc kết hợp", onlineCount, online],
    ["hội nghị vượt thời lượng", overtimeCount, overtime],
  ];
  for (const [what, logged, code] of checks) {
    if (code === undefined) continue;
    const declared = values[code]?.current ?? null;
    if (declared !== null && declared !== logged) {
      findings.push(
        finding(
          "LOG_MISMATCH",
          "warning",
          sheetName,
          null,
          MSG.logMismatch(what, logged, countField(form, code).label, declared),
        ),
      );
    }
  }
}
