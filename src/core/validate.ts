// Validation of one unit workbook against its form (SPEC §3–§4, §8): the marker names the form,
// findings carry stable codes, A1 cells and Vietnamese messages, and the parsed report is
// returned when there is no error. Every rule comes from the form; nothing here names a count.

import { PROFILE_DEFINED_NAME, ROLLUP_SOURCES_SHEET, SHEETS } from "./catalogue";
import { readCounts } from "./counts-sheet";
import { finding, hasErrors, legacyTextMessage, type Finding } from "./findings";
import { EMPTY_HEADER, readInfoWhereItIs } from "./info-sheet";
import { unicodeWorkbook } from "./legacy-text";
import {
  NO_TASKS,
  headerRow,
  readTasks,
  checkPlanTasks,
  checkLateTasks,
  readMeetings,
  checkLog,
} from "./lists";
import { rowCode } from "./coded-rows";
import { INFO_COLS, TASK_COLS } from "./layout";
import { readMarker, knownForms, fileProfile, filledTemplate } from "./marker";
import { noteMerges } from "./merges";
import { noteHidden } from "./hidden-cells";
import { profileByRows } from "./profile-by-rows";
import { MSG } from "./messages";
import type { Profile } from "./profile";
import { defaultProfileForForm, deploymentProfile, shippedProfile } from "./profiles";
import { earlyForPeriod, laterForPeriod } from "./report-dates";
import {
  isSummaryWorkbook,
  findSheet,
  INFO_KEY,
  textColumns,
  checkCopiedSheets,
  renamedCandidates,
  renamedInfo,
  checkHiddenSheets,
  isTemplateSheet,
} from "./template-sheets";
import { codeKey, foldKey, matchKey, nfc } from "./text";
import type { RollupSource, UnitReport, ValidationResult } from "./unit-report";
import { cellText } from "./values";
import { parseA1, type Sheet, type Workbook } from "./workbook";

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
  const result = validateByMarker(workbook, profile, options);
  // A file naming no profile (saved by Google Sheets or Numbers, which drop the name) that lacks rows
  // of its form's default: checked by the shipped plan whose tasks and counts it has, as a
  // consolidation of files that name it would, not told to copy back the default's rows.
  if (named !== undefined || options.fileProfile !== true || result.form === null) return result;
  if (!result.findings.some((f) => f.code === "MISSING_FIELD")) return result;
  const checkedBy = result.form === profile.form.id ? profile : defaultProfileForForm(result.form);
  // A deployment's own default judges the files naming none (a province's rows asked of a unit that
  // filled the general template), as it did: no other plan is guessed over it.
  if (checkedBy === undefined || (checkedBy.id !== undefined && checkedBy.id === deploymentProfile()?.id))
    return result;
  const found = profileByRows(workbook, checkedBy);
  if (found?.id === undefined) return result;
  // Read as if it named the plan: a row the plan has and the file lacks is one the unit deleted.
  const naming = {
    ...workbook,
    definedNames: { ...workbook.definedNames, [PROFILE_DEFINED_NAME]: found.id },
  };
  return {
    ...validateByMarker(naming, found, { forms: "expect" }),
    profile: found.id,
    profileByRows: true,
  };
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
      // tiêu (2)"), or lengthened ("Chỉ tiêu 6 tháng"), or the form pasted as values into a new
      // workbook ("Sheet2" holding the count rows): say which one and how to fix it.
      const named = renamedCandidates(workbook, name);
      const byRows =
        infoFound !== undefined && name === SHEETS.info
          ? infoFound.byRows
          : name === SHEETS.info
            ? []
            : sheetsByRows(workbook, name, form, named);
      const candidates =
        infoFound !== undefined && name === SHEETS.info ? infoFound.candidates : [...named, ...byRows];
      findings.push(
        finding(
          "NOT_TEMPLATE",
          "error",
          name,
          null,
          candidates.length > 0
            ? MSG.renamedSheet(name, candidates, workbook.hiddenSheets ?? [], byRows)
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
  noteHidden(workbook, findings);

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

/** `make()` the first time it is asked for, the same value after. */
function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) [value, made] = [make(), true];
    return value;
  };
}

/**
 * The sheets read that are not the template's but hold `name`'s rows: Chỉ tiêu's count codes in
 * column A (three or more of the form's), Nhiệm vụ's header with Tình trạng in column G. Asked only
 * when the sheet is missing.
 */
function sheetsByRows(
  workbook: Workbook,
  name: string,
  form: Profile["form"],
  named: readonly string[],
): string[] {
  const codes = new Set(form.counts.map((f) => f.code));
  const holds = (sheet: Sheet): boolean => {
    if (name === SHEETS.counts) {
      let found = 0;
      for (const row of sheet.rows) if (codes.has(rowCode(row) ?? "") && ++found >= 3) return true;
      return false;
    }
    const header = name === SHEETS.tasks ? headerRow(sheet) : undefined;
    return (
      header !== undefined && /^tinh trang\b/.test(foldKey(cellText(sheet.rows[header]?.[TASK_COLS.status])))
    );
  };
  return workbook.sheets
    .filter((s) => !named.includes(s.name) && !isTemplateSheet(s.name) && holds(s))
    .map((s) => s.name);
}
