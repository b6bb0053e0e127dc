// Validation of one unit workbook against KL226-BC/1 (SPEC §3–§4): findings with stable codes,
// A1 cells and Vietnamese messages, plus the parsed report when there is no error.

import {
  COUNT_FIELDS,
  INFO_FIELDS,
  MEETING_FORMS,
  MEETING_TYPES,
  PART_OF,
  PERIODS,
  SHEETS,
  TASK_STATUSES,
  UNIT_TYPES,
  type CountCode,
  type InfoCode,
  type MeetingFormId,
  type MeetingTypeId,
  type Period,
  type PeriodKind,
  type TaskStatusId,
  type UnitTypeId,
} from "./catalogue";
import type { CivilDate } from "./dates";
import { parseDeadline } from "./deadlines";
import { finding, hasErrors, type Finding } from "./findings";
import type { CountPair, CountValues } from "./judge";
import { COUNT_COLS, INFO_COLS, MEETING_COLS, TASK_COLS } from "./layout";
import { MSG } from "./messages";
import type { Profile } from "./profile";
import { codeKey, foldOption, matchKey, matchOption } from "./text";
import { cellText, readCount, readDate, readDecimal } from "./values";
import { a1, cellAt, type Sheet, type Workbook } from "./workbook";

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
  readonly unit: { readonly code: string; readonly name: string; readonly type: string; readonly typeId: UnitTypeId };
  readonly period: Period;
  readonly reportDate: CivilDate;
  readonly preparer: string;
  readonly phone: string;
  readonly email: string;
  readonly values: CountValues;
  readonly tasks: readonly TaskRow[];
  readonly meetings: readonly MeetingRow[];
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly findings: readonly Finding[];
  /** What the file declares, when readable: for listing even rejected files. */
  readonly unit: string | null;
  readonly unitName: string | null;
  readonly period: PeriodKind | null;
  readonly year: number | null;
  readonly reportDate: CivilDate | null;
  /** The parsed report; present exactly when valid. */
  readonly report: UnitReport | null;
}

/** The sheet names a validator needs; readers may skip every other sheet. */
const TEMPLATE_SHEET_KEYS = new Set(Object.values(SHEETS).map(matchKey));

export function isTemplateSheet(nfcName: string): boolean {
  return TEMPLATE_SHEET_KEYS.has(matchKey(nfcName));
}

export function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  const key = matchKey(name);
  return workbook.sheets.find((s) => matchKey(s.name) === key);
}

/** Rows by code in column A (codeKey), and the findings for codes that appear twice. */
function indexCodes(sheet: Sheet, findings: Finding[]): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.rows.forEach((row, r) => {
    const cell = row?.[0];
    if (!cell) return;
    const code = codeKey(cellText(cell));
    if (!/^[A-Z][A-Z0-9_]*$/.test(code)) return;
    const first = rows.get(code);
    if (first === undefined) rows.set(code, r);
    else findings.push(finding("DUPLICATE_CODE", "error", sheet.name, a1(r, 0), MSG.duplicateCode(sheet.name, code, first + 1)));
  });
  return rows;
}

function headerRow(sheet: Sheet): number | undefined {
  const r = sheet.rows.findIndex((row) => row?.[0] !== undefined && matchKey(cellText(row[0])) === "stt");
  return r < 0 ? undefined : r;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UNIT_CODE = /^[A-Z0-9_.-]{2,32}$/;

export function validateWorkbook(workbook: Workbook, profile: Profile): ValidationResult {
  const findings: Finding[] = [];
  const info = findSheet(workbook, SHEETS.info);
  const counts = findSheet(workbook, SHEETS.counts);
  const tasksSheet = findSheet(workbook, SHEETS.tasks);
  for (const [sheet, name] of [
    [info, SHEETS.info],
    [counts, SHEETS.counts],
    [tasksSheet, SHEETS.tasks],
  ] as const) {
    if (!sheet) findings.push(finding("NOT_TEMPLATE", "error", name, null, MSG.notTemplate(name)));
  }

  const header = info ? readInfo(info, workbook.date1904, findings) : EMPTY_HEADER;
  const values = counts ? readCounts(counts, findings) : null;
  const tasks = tasksSheet ? readTasks(tasksSheet, findings) : [];
  const meetingsSheet = findSheet(workbook, SHEETS.meetings);
  const meetings = meetingsSheet ? readMeetings(meetingsSheet, profile, findings) : [];
  if (meetingsSheet && values && meetings.length > 0) checkLog(meetingsSheet.name, meetings, values, profile, findings);

  const valid = !hasErrors(findings);
  const report: UnitReport | null =
    valid && values && header.code && header.name && header.type && header.period && header.year && header.reportDate
      ? {
          unit: { code: header.code, name: header.name, type: header.type.label, typeId: header.type.id },
          period: { kind: header.period, year: header.year },
          reportDate: header.reportDate,
          preparer: header.preparer,
          phone: header.phone,
          email: header.email,
          values,
          tasks,
          meetings,
        }
      : null;
  return {
    valid: report !== null,
    findings,
    unit: header.code,
    unitName: header.name,
    period: header.period,
    year: header.year,
    reportDate: header.reportDate,
    report,
  };
}

interface Header {
  code: string | null;
  name: string | null;
  type: (typeof UNIT_TYPES)[number] | null;
  period: PeriodKind | null;
  year: number | null;
  reportDate: CivilDate | null;
  preparer: string;
  phone: string;
  email: string;
}

const EMPTY_HEADER: Header = { code: null, name: null, type: null, period: null, year: null, reportDate: null, preparer: "", phone: "", email: "" };

const INFO_HINTS: Record<InfoCode, string> = {
  MA_DON_VI: "Nhập mã đơn vị được Sở Nội vụ cấp (ví dụ SO_NOI_VU) vào cột C.",
  TEN_DON_VI: "Nhập tên đầy đủ của đơn vị vào cột C.",
  LOAI_DON_VI: `Chọn một trong: ${UNIT_TYPES.map((t) => t.label).join("; ")}.`,
  KY_BAO_CAO: "Chọn “6 tháng” hoặc “Năm”.",
  NAM: "Nhập năm báo cáo, ví dụ 2026.",
  NGAY_BAO_CAO: "Nhập ngày ký báo cáo dạng dd/mm/yyyy, ví dụ 05/06/2026.",
  NGUOI_LAP: "",
  DIEN_THOAI: "",
  EMAIL: "",
};

function readInfo(sheet: Sheet, date1904: boolean, findings: Finding[]): Header {
  const rows = indexCodes(sheet, findings);
  const h: Header = { ...EMPTY_HEADER };
  for (const field of INFO_FIELDS) {
    const r = rows.get(field.code);
    if (r === undefined) {
      if (field.required) findings.push(finding("MISSING_FIELD", "error", sheet.name, null, MSG.missingField(sheet.name, field.code, field.label, "A")));
      continue;
    }
    const cell = cellAt(sheet, r, INFO_COLS.value);
    const at = a1(r, INFO_COLS.value);
    const text = cellText(cell);
    const bad = (message: string): void => void findings.push(finding("BAD_VALUE", "error", sheet.name, at, message));
    if (field.code === "NGAY_BAO_CAO") {
      const d = readDate(cell, date1904);
      if (d.kind === "ok") h.reportDate = d.date;
      else if (d.kind === "bad") bad(MSG.badDate(d.shown));
      else findings.push(finding("MISSING_VALUE", "error", sheet.name, at, MSG.missingInfo(field.label, INFO_HINTS.NGAY_BAO_CAO)));
      continue;
    }
    if (text === "") {
      if (field.required) findings.push(finding("MISSING_VALUE", "error", sheet.name, at, MSG.missingInfo(field.label, INFO_HINTS[field.code])));
      continue;
    }
    switch (field.code) {
      case "MA_DON_VI": {
        const code = codeKey(text);
        if (UNIT_CODE.test(code)) h.code = code;
        else bad(MSG.badUnitCode(text));
        break;
      }
      case "TEN_DON_VI":
        h.name = collapseSpaces(text);
        break;
      case "LOAI_DON_VI": {
        const t = matchOption(UNIT_TYPES, text);
        if (t) h.type = t;
        else bad(MSG.badEnum(field.label, text, UNIT_TYPES.map((o) => o.label)));
        break;
      }
      case "KY_BAO_CAO": {
        const p = matchOption(PERIODS, text);
        if (p) h.period = p.id;
        else bad(MSG.badEnum(field.label, text, PERIODS.map((o) => o.label)));
        break;
      }
      case "NAM": {
        const n = readCount(cell);
        if (n.kind === "ok" && n.value >= 2025 && n.value <= 2100) {
          h.year = n.value;
          if (n.coerced) findings.push(finding("COERCED", "warning", sheet.name, at, MSG.textCoerced(field.label, text, n.value)));
        } else bad(MSG.badYear(text));
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
  return h;
}

const COLUMN_NAMES = { previous: "cột D, cùng kỳ năm trước", current: "cột E, kỳ này" } as const;

function readCounts(sheet: Sheet, findings: Finding[]): CountValues | null {
  const rows = indexCodes(sheet, findings);
  const values = {} as Record<CountCode, CountPair>;
  for (const field of COUNT_FIELDS) {
    const r = rows.get(field.code);
    if (r === undefined) {
      if (field.previousRequired || field.currentRequired) {
        findings.push(finding("MISSING_FIELD", "error", sheet.name, null, MSG.missingField(sheet.name, field.code, field.label, "A")));
      }
      values[field.code] = { previous: null, current: null };
      continue;
    }
    const pair = { previous: null as number | null, current: null as number | null };
    for (const column of ["previous", "current"] as const) {
      const c = COUNT_COLS[column];
      const at = a1(r, c);
      const read = readCount(cellAt(sheet, r, c));
      const required = column === "previous" ? field.previousRequired : field.currentRequired;
      if (read.kind === "ok") {
        pair[column] = read.value;
        if (read.coerced) {
          findings.push(finding("COERCED", "warning", sheet.name, at, MSG.coerced(field.label, COLUMN_NAMES[column], read.text ?? "", read.value)));
        }
      } else if (read.kind === "bad") {
        findings.push(finding("BAD_VALUE", "error", sheet.name, at, MSG.badCount(field.label, COLUMN_NAMES[column], read.shown, read.why)));
      } else if (required) {
        findings.push(finding("MISSING_VALUE", "error", sheet.name, at, MSG.missingCount(field.label, COLUMN_NAMES[column])));
      }
    }
    values[field.code] = pair;
  }
  for (const { part, whole } of PART_OF) {
    for (const column of ["previous", "current"] as const) {
      const p = values[part][column];
      const w = values[whole][column];
      const r = rows.get(part);
      if (p !== null && w !== null && p > w && r !== undefined) {
        const label = (code: CountCode): string => COUNT_FIELDS.find((f) => f.code === code)?.label ?? code;
        findings.push(
          finding("INCONSISTENT", "error", sheet.name, a1(r, COUNT_COLS[column]), MSG.inconsistent(label(part), p, label(whole), w, column === "previous" ? "D" : "E")),
        );
      }
    }
  }
  return values;
}

function readTasks(sheet: Sheet, findings: Finding[]): TaskRow[] {
  const header = headerRow(sheet);
  if (header === undefined) {
    findings.push(finding("MISSING_FIELD", "error", sheet.name, null, MSG.missingHeader(sheet.name)));
    return [];
  }
  const tasks: TaskRow[] = [];
  const options = TASK_STATUSES.map((s) => s.label);
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    // A task row is a row with content; blank and note-only rows are not tasks.
    const content = row ? cellText(row[TASK_COLS.content]) : "";
    if (!row || content === "") continue;
    const statusText = cellText(row[TASK_COLS.status]);
    const status = statusText === "" ? undefined : matchOption(TASK_STATUSES, statusText);
    if (!status) {
      findings.push(finding("TASK_STATUS", "error", sheet.name, a1(r, TASK_COLS.status), MSG.taskStatus(r + 1, statusText, options)));
      continue;
    }
    const deadlineText = cellText(row[TASK_COLS.deadline]);
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
  return tasks;
}

function collapseSpaces(text: string): string {
  return /\s{2,}|[\t\n\r]/.test(text) ? text.replace(/\s+/g, " ") : text;
}

function readMeetings(sheet: Sheet, profile: Profile, findings: Finding[]): MeetingRow[] {
  const header = headerRow(sheet);
  if (header === undefined) return [];
  const meetings: MeetingRow[] = [];
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const text = (c: number): string => cellText(cellAt(sheet, r, c));
    const name = text(MEETING_COLS.name);
    const typeText = text(MEETING_COLS.type);
    const formText = text(MEETING_COLS.form);
    const daysCell = cellAt(sheet, r, MEETING_COLS.days);
    if (name === "" && typeText === "" && formText === "" && cellText(daysCell) === "") continue;
    // The log is optional: its problems are warnings, never a reason to reject the report.
    const type = typeText === "" ? undefined : foldOption(MEETING_TYPES, typeText);
    const form = formText === "" ? undefined : foldOption(MEETING_FORMS, formText);
    if (typeText !== "" && !type) {
      findings.push(finding("BAD_VALUE", "warning", sheet.name, a1(r, MEETING_COLS.type), MSG.meetingBadValue(r + 1, "Loại", typeText, MEETING_TYPES.map((t) => t.label))));
    }
    if (formText !== "" && !form) {
      findings.push(finding("BAD_VALUE", "warning", sheet.name, a1(r, MEETING_COLS.form), MSG.meetingBadValue(r + 1, "Hình thức", formText, MEETING_FORMS.map((t) => t.label))));
    }
    const days = readDecimal(daysCell);
    if (type && days !== null && days > profile.meetingLimits[type.id]) {
      findings.push(finding("MEETING_TOO_LONG", "warning", sheet.name, a1(r, MEETING_COLS.days), MSG.meetingTooLong(r + 1, type.label, days, profile.meetingLimits[type.id])));
    }
    meetings.push({ row: r + 1, name, type: type?.id ?? null, form: form?.id ?? null, days });
  }
  return meetings;
}

function checkLog(sheetName: string, meetings: readonly MeetingRow[], values: CountValues, profile: Profile, findings: Finding[]): void {
  const online = meetings.filter((m) => MEETING_FORMS.some((f) => f.id === m.form && f.online)).length;
  const overtime = meetings.filter((m) => m.type !== null && m.days !== null && m.days > profile.meetingLimits[m.type]).length;
  const checks: Array<[string, number, CountCode]> = [
    ["hội nghị", meetings.length, "HN_TONG"],
    ["hội nghị trực tuyến hoặc kết hợp", online, "HN_TRUC_TUYEN"],
    ["hội nghị vượt thời lượng", overtime, "HN_VUOT_THOI_LUONG"],
  ];
  for (const [what, logged, code] of checks) {
    const declared = values[code].current;
    if (declared !== null && declared !== logged) {
      findings.push(finding("LOG_MISMATCH", "warning", sheetName, null, MSG.logMismatch(what, logged, code, declared)));
    }
  }
}
