// The Nhiệm vụ and Hội nghị lists read row by row: tasks and meetings, told from the group headings,
// total lines and column-number rows a clerk types among them, and the checks on what was read.

import { MEETING_FORMS, MEETING_TYPES, TASK_STATUSES } from "./catalogue";
import { compareDates, dateFromSerial, viDate, type CivilDate } from "./dates";
import { parseDeadline } from "./deadlines";
import { finding, type Finding } from "./findings";
import { countField, type Form, taskApplies, taskKeys } from "./form";
import type { Header } from "./info-sheet";
import type { CountValues } from "./judge";
import { MEETING_COLS, TASK_COLS } from "./layout";
import type { FilledTemplate } from "./marker";
import { MSG } from "./messages";
import {
  movedColumnsError,
  TASK_HEADERS,
  MEETING_HEADERS,
  MEETING_LANDMARKS,
  movedColumnsOfList,
  AFTER_STATUS,
  deletedStatusColumn,
} from "./structural-edits";
import { foldKey, foldOption, matchKey, matchOption, type Labelled } from "./text";
import type { TaskRow, MeetingRow } from "./unit-report";
import { cellText, readDecimal, startsWithMinus } from "./values";
import { a1, cellAt, type Cell, type Sheet } from "./workbook";

export function headerRow(sheet: Sheet): number | undefined {
  const r = sheet.rows.findIndex((row) => row?.[0] !== undefined && matchKey(cellText(row[0])) === "stt");
  return r < 0 ? undefined : r;
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
 * cuộc họp: 2"), and which of them ("Tổng nhiệm vụ hoàn thành: 10", "Tổng cuộc họp trực tuyến: 1"): a
 * word of TOTAL_WORDS first, then those or WHICH_WORDS, so "Tổng kết: …", "Tổng hợp số liệu", "Cộng đồng
 * số: …", "Tổng công ty Điện lực: …" stay tasks.
 */
const NAMED_TOTAL = /^(?:tổng|cộng)((?:\s+[\p{L}\p{M}]+){1,6})\s*[:=]/u;
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
 * Which of the counted ones a total line names: the words of a task's status, a meeting's type or form
 * ("hoàn thành", "đang thực hiện", "trực tuyến"), and the clerk's "đã", "đúng" ("đã hoàn thành", "đúng hạn").
 */
const WHICH_LABELS = [...TASK_STATUSES, ...MEETING_TYPES, ...MEETING_FORMS].map((o) =>
  o.label.toLocaleLowerCase("vi"),
);
const WHICH_WORDS: ReadonlySet<string> = new Set([
  ...WHICH_LABELS.flatMap((label) => label.split(" ")),
  "đã",
  "đúng",
]);

/**
 * A count followed by its own punctuation, not by a word: "12 (", "12, ", "12;", "12.", "12 - ", "12⏎"
 * (not "5,5", "2.500", "3-5").
 */
const COUNT_CLOSED = /\d(?:\s*(?:[;(\n]|[,.](?!\d))|\s+[-–—]\s)/;
/** A count of those done out of all, "10/12", "10 / 12": a total's only before what or which it counts. */
const OUT_OF = /\d\s*\/\s*\d/;
/**
 * A bare "Tổng"/"Cộng", a count, then which of them in a status's, a meeting type's or form's whole words
 * ("Tổng: 10 hoàn thành", "Cộng: 10 đã hoàn thành, 2 đang thực hiện", "Tổng: 1 trực tuyến"), ended there or
 * by a sign: "Tổng 2 chuyên đề …" (not "chuyên môn") and "Tổng: 10 hoàn thành trong năm" stay tasks.
 */
const COUNT_THEN_WHICH = new RegExp(
  `^(?:tổng|cộng)[^\\p{L}\\p{M}]*\\d[^\\p{L}\\p{M}]*(?:(?:đã|đúng)\\s+)?(?:${[...WHICH_LABELS, "hạn"]
    .sort((a, b) => b.length - a.length)
    .join("|")})\\s*(?:$|[^\\s\\p{L}\\p{M}])`,
  "u",
);

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
  const named = NAMED_TOTAL.exec(lower)?.[1]?.trim().split(/\s+/);
  if (
    named !== undefined &&
    TOTAL_WORDS.has(named[0]!) &&
    named.every((w) => TOTAL_WORDS.has(w) || WHICH_WORDS.has(w))
  )
    return true;
  // A bare "Tổng" before its count, its first word after it what is counted, whatever follows ("Cộng:
  // 12 nhiệm vụ, 10 hoàn thành", a total before session 38 too): "Tổng 5 năm thực hiện Kết luận 226"
  // is a task of the unit's own, whatever number follows the word. A count closed by a comma, a
  // semicolon, a bracket, a full stop, a dash between spaces or the cell's line break (Alt+Enter)
  // stands alone, whatever the words after it ("Tổng: 12 (10 hoàn thành, …)", "Cộng: 12, trong đó 10
  // hoàn thành", "Tổng: 12 - Hoàn thành: 10"); a decimal comma ("5,5 ngày"), a thousands' point
  // ("2.500 hồ sơ") or a range ("3-5 năm") does not close it. Done out of all ("10/12") before what or
  // which it counts ("10/12 hoàn thành", "10/12 số nhiệm vụ"), not before other words: "Tổng 3/4 số xã
  // đã triển khai …" is a task, and a task is not to vanish from the count unsaid.
  if (!BARE_TOTAL.test(lower)) return false;
  const [, between = "", counted = "", next = ""] =
    /^[^\p{L}\p{M}]*[\p{L}\p{M}]+([^\p{L}\p{M}]*)([\p{L}\p{M}]*)(?:\s+([\p{L}\p{M}]+))?/u.exec(lower) ?? [];
  if (
    counted === "" ||
    TOTAL_WORDS.has(counted) ||
    COUNT_CLOSED.test(between) ||
    COUNT_THEN_WHICH.test(lower)
  )
    return true;
  const which = counted === "số" ? next : counted;
  return OUT_OF.test(between) && (TOTAL_WORDS.has(which) || WHICH_WORDS.has(which));
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
export function isListHeading(
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

export const NO_TASKS: TasksRead = { tasks: [], statusesTyped: 0 };

/** The task rows with a valid status, and how many rows have any status typed (valid or not). */
export function readTasks(sheet: Sheet, date1904: boolean, findings: Finding[]): TasksRead {
  const header = headerRow(sheet);
  const moved = movedColumnsOfList(sheet, header, TASK_HEADERS, AFTER_STATUS);
  if (moved.length > 0) {
    // Every status (or deadline) would be read from the wrong column: one error that says how to put
    // the columns back, not a TASK_STATUS on each task with the column inserted before G's "50".
    findings.push(movedColumnsError(sheet, moved, MSG.movedTaskColumns(sheet.name, moved)));
    return NO_TASKS;
  }
  const deleted = header === undefined ? undefined : deletedStatusColumn(sheet, header);
  if (deleted !== undefined) {
    // Tình trạng deleted with its statuses: said once, as a column, not "chưa chọn" on every task.
    findings.push(movedColumnsError(sheet, [deleted], MSG.deletedStatusColumn(sheet.name, deleted)));
    return NO_TASKS;
  }
  if (header === undefined) {
    findings.push(finding("MISSING_FIELD", "error", sheet.name, null, MSG.missingHeader(sheet.name)));
    return NO_TASKS;
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
    // Read by one of its aliases ("Đã hoàn thành"): said, as a unit type typed outside the list is.
    if (matchKey(statusText) !== matchKey(status.label))
      findings.push(
        finding(
          "COERCED",
          "warning",
          sheet.name,
          a1(r, TASK_COLS.status),
          MSG.taskStatusCoerced(r + 1, statusText, status.label),
        ),
      );
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
export function checkPlanTasks(
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
export function checkLateTasks(
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

function collapseSpaces(text: string): string {
  return /\s{2,}|[\t\n\r]/.test(text) ? text.replace(/\s+/g, " ") : text;
}

export function readMeetings(sheet: Sheet, form: Form, findings: Finding[]): MeetingRow[] {
  const header = headerRow(sheet);
  const moved = movedColumnsOfList(sheet, header, MEETING_HEADERS, MEETING_LANDMARKS);
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
    if (typeText !== "" && !type)
      findings.push(badMeetingChoice(sheet, r, MEETING_COLS.type, "Loại", typeText, MEETING_TYPES));
    if (formText !== "" && !meetingForm)
      findings.push(badMeetingChoice(sheet, r, MEETING_COLS.form, "Hình thức", formText, MEETING_FORMS));
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

/** A meeting's Loại or Hình thức typed as none of its options: BAD_VALUE, a warning as the log is optional. */
function badMeetingChoice(
  sheet: Sheet,
  r: number,
  col: number,
  what: string,
  text: string,
  options: readonly Labelled[],
): Finding {
  return finding(
    "BAD_VALUE",
    "warning",
    sheet.name,
    a1(r, col),
    MSG.meetingBadValue(
      r + 1,
      what,
      text,
      options.map((o) => o.label),
    ),
  );
}

export function checkLog(
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
