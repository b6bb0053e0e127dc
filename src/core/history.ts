// Cross-check against last year's consolidation (kl226 consolidate --previous LAST.json): each unit's
// declared "previous" values (column D this year) against what it reported as "current" last year.
// Pure: the CLI reads the file; this module checks its shape (zod) and compares.

import { vietnameseIssue, z } from "./zod";
import { judgeUnit, markedRollupUnits, rollupCodes } from "./consolidate";
import type {
  Consolidation,
  IndicatorResult,
  PreviousMismatch,
  UnitSummary,
  VerdictChange,
} from "./consolidation";
import { otherPeriodOnlyUnits, unitOfFileName } from "./file-fates";
import { baseName, unitNamer } from "./file-names";
import { targetPhrase, valuePhrase } from "./documents";
import { shownGap } from "./indicator-text";
import { finding, type Finding } from "./findings";
import {
  PERIOD_KINDS,
  PERIOD_LABELS,
  periodEnd,
  periodText,
  type Form,
  type Indicator,
  type Period,
  type PeriodKind,
} from "./form";
import { pairOf } from "./judge";
import { MSG, TOOL_WORDS, viNumber } from "./messages";
import { DEFAULT_PROFILE, type Profile } from "./profile";
import { SUMMARY_SHEETS } from "./catalogue";
import {
  countHeader,
  ROLLUP_LEGEND,
  ROLLUP_SOURCES_PREFIX,
  SUMMARY_OTHER_PERIOD_ONLY,
  TOTAL_ROW_CODES,
} from "./summary";
import { successionOf, type Scope } from "./succession";
import { codeKey, matchKey, matchOption, compareText } from "./text";
import { cellText, readCount } from "./values";
import type { Sheet, Workbook } from "./workbook";

// What a report's cell can hold: a count, or a percent with at most 2 decimals (SPEC §3); never negative.
const countSchema = z
  .number()
  .finite()
  .refine((n) => n >= 0, { message: "số âm (số liệu báo cáo không âm)" })
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: "tối đa 2 chữ số thập phân" })
  .nullable();

/** Only the parts of last year's `consolidate --json` the cross-check needs; other keys are ignored. */
export const previousReportSchema = z.object({
  /** The form it consolidated (files since session 12): another form's figures are not this one's. */
  form: z.string().optional(),
  period: z.object({ kind: z.enum(PERIOD_KINDS), year: z.number().int() }),
  units: z.array(
    z.object({
      code: z.string().min(1),
      /** The unit's name (to find a merged unit's predecessors named in the roster, succession.ts). */
      name: z.string().optional(),
      values: z.record(z.string(), z.object({ previous: countSchema.optional(), current: countSchema })),
    }),
  ),
  /**
   * The units whose report summed others, and how many; a unit not listed sent its own. Absent in
   * files written before roll-ups were recorded (then a unit's shape last year is not known).
   */
  rollups: z
    .array(
      z.object({
        unit: z.string().min(1),
        units: z.number().int().positive(),
        /** The codes summed (files written since session 22); without them only the count compares. */
        codes: z.array(z.string().min(1)).optional(),
      }),
    )
    .optional(),
  /**
   * The roster units that had sent nothing (absent in a summary whose run had no roster, or an older
   * one). In a file written before `returned` (RETURNED_SINCE) also the units whose every file was
   * rejected: parsePreviousReport takes those out (oldMissing).
   */
  missing: z.array(z.string()).optional(),
  /** False in a JSON whose run had no roster: its `missing` is [] without meaning none (files since session 28). */
  rosterGiven: z.boolean().optional(),
  /** The units whose every file was rejected (files since RETURNED_SINCE): its presence says `missing` is as today's. */
  returned: z.array(z.string()).optional(),
  /**
   * Of `returned`, the units that sent only another period's own report: that period's report is
   * missing, as its report said ("chưa gửi báo cáo"). Absent in files written before 057b029
   * (06/12/2026), where such a unit is only `returned`: then it is not known, and it counts as sent.
   */
  otherPeriodOnly: z.array(z.string()).optional(),
  /** The files rejected: in an older file, the units they name are taken out of `missing` (oldMissing). */
  rejected: z
    .array(
      z.object({
        file: z.string(),
        findings: z.array(z.object({ code: z.string(), message: z.string() })),
      }),
    )
    .optional(),
});

/**
 * An earlier consolidation as the comparison reads it: its JSON's parts (less the rejected files), or a
 * summary workbook's. `missing` always means "sent nothing", whichever release wrote the file.
 */
export type PreviousReport = Omit<z.infer<typeof previousReportSchema>, "rejected"> & {
  /**
   * In a file written before RETURNED_SINCE: its rejected files no unit could be told for, as it names
   * them (a unit left in `missing` may have sent one of them); absent when every one was placed.
   */
  readonly unplacedRejected?: readonly string[];
  /** Why the file's units that sent nothing are not known (`missing` absent), said after "tệp năm 2025 ". */
  readonly missingUnread?: string;
};

/**
 * The day `returned` was added (76e9098, 3 December 2026): files written before it list the units whose
 * every file was rejected in `missing` too (JSON), or in one "Chưa nộp" table (summary).
 */
export const RETURNED_SINCE = "03/12/2026";

/**
 * The day `rosterGiven` was added (2640336, 6 December 2026): in a JSON written before it (with or
 * without `returned`), an empty `missing` may be a run without a roster as well as one where every unit sent.
 */
export const ROSTER_GIVEN_SINCE = "06/12/2026";

/** A rejected file of an earlier run, as its JSON or its summary's Nguồn sheet has it. */
interface EarlierRejected {
  readonly file: string;
  /** The unit code the file gave (the summary's Nguồn sheet), null when not known (every JSON). */
  readonly unit: string | null;
  readonly findings: ReadonlyArray<{ readonly code: string; readonly message: string }>;
}

/**
 * The units of an older file's list of "no accepted report" (written before RETURNED_SINCE) that sent
 * nothing, as `missing` means since: a unit that run rejected a file of was returned, not missing —
 * the unit the file gave, or, where that is not known, the code its name starts with (unitOfFileName,
 * consolidate's rule for a file whose content names no unit; a file whose content was not read names none). The
 * rejected files left without a unit, beside units still listed, are counted (`unplacedRejected`):
 * one of those units may have sent one.
 */
function oldMissing(
  listed: readonly string[],
  rejected: readonly EarlierRejected[],
  accepted: ReadonlySet<string>,
): Pick<PreviousReport, "missing" | "unplacedRejected"> {
  const keys = new Set(listed.map(codeKey));
  const sent = new Set<string>();
  const unplaced: string[] = [];
  for (const r of rejected) {
    const named = r.unit ?? unitOfFileName(r);
    const code = named === null ? null : codeKey(named);
    if (code !== null && keys.has(code)) sent.add(code);
    // A name that is no unit's code ("BaoCao.xlsx"); a unit the file gave is placed, listed or not.
    else if (code === null || (r.unit === null && !accepted.has(code))) unplaced.push(r.file);
  }
  const missing = listed.filter((code) => !sent.has(codeKey(code)));
  return { missing, ...(unplaced.length > 0 && missing.length > 0 ? { unplacedRejected: unplaced } : {}) };
}

export type PreviousParse =
  | { readonly ok: true; readonly report: PreviousReport }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Shape check of parsed JSON; errors name the path of each problem (at most 10). */
export function parsePreviousReport(json: unknown): PreviousParse {
  const r = previousReportSchema.safeParse(json, {
    error: (iss) => vietnameseIssue(iss as { code: string; input?: unknown; origin?: string }),
  });
  if (r.success) {
    const { rejected, ...report } = r.data;
    if (report.missing === undefined) return { ok: true, report };
    // Written before `rosterGiven` (ROSTER_GIVEN_SINCE): an empty list may mean no roster was given.
    // Files between RETURNED_SINCE and then list `returned`, which was written with or without a roster.
    if (report.missing.length === 0 && report.rosterGiven === undefined) {
      const { missing: _empty, ...rest } = report;
      const before = report.returned === undefined ? RETURNED_SINCE : ROSTER_GIVEN_SINCE;
      return {
        ok: true,
        report: {
          ...rest,
          missingUnread: `do phiên bản KL226 cũ (phát hành trước ngày ${before}) lập: tệp không ghi đơn vị nào chưa nộp, và cũng không ghi rõ lần tổng hợp đó có dùng danh sách đơn vị hay không`,
        },
      };
    }
    // Written before `returned` existed: its `missing` holds the returned units too.
    if (report.returned !== undefined) return { ok: true, report };
    const accepted = new Set(report.units.map((u) => codeKey(u.code)));
    const files = (rejected ?? []).map((f) => ({ ...f, unit: null }));
    return { ok: true, report: { ...report, ...oldMissing(report.missing, files, accepted) } };
  }
  // A unit's entry named by its code too ("units.1 (SO_B).values…"): nobody counts JSON entries.
  const codeAt = (index: unknown): string | undefined => {
    const units = (json as { units?: unknown } | null)?.units;
    const unit = Array.isArray(units) && typeof index === "number" ? (units[index] as unknown) : undefined;
    const code = (unit as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? code : undefined;
  };
  const where = (path: readonly PropertyKey[]): string => {
    if (path.length === 0) return "(gốc)";
    const code = path[0] === "units" ? codeAt(path[1]) : undefined;
    return code === undefined
      ? path.map(String).join(".")
      : [`units.${String(path[1])} (${code})`, ...path.slice(2).map(String)].join(".");
  };
  return {
    ok: false,
    errors: r.error.issues.slice(0, 10).map((i) => `${where(i.path)}: ${i.message}`),
  };
}

/** What to give instead, in the command's and the page's words alike (forThePage picks the page's). */
const SUMMARY_HINT = `Dùng bảng tổng hợp .xlsx cùng kỳ năm trước (trang “${SUMMARY_SHEETS.values}” hoặc “${SUMMARY_SHEETS.summary}”) hoặc tệp .json cùng kỳ năm trước ${TOOL_WORDS.summaryFiles.both}.`;

/** The period in the summary's second row: "Kỳ báo cáo: 6 tháng 2025; hạn nộp …". */
const ALL_PERIODS = PERIOD_KINDS.map((id) => ({ id, ...PERIOD_LABELS[id] }));

/**
 * The text a line above the table starts with: column A's, or, in a summary printed two pages across
 * (whose titles start after the unit columns), the first cell that has any.
 */
function leadingText(row: Sheet["rows"][number]): string {
  for (const cell of row ?? []) {
    const text = cellText(cell);
    if (text.trim() !== "") return text;
  }
  return "";
}

function summaryPeriod(sheet: Sheet): PreviousReport["period"] | null {
  // In the first rows, wherever an analyst's edits (an inserted column, a title row deleted) left it.
  for (const row of sheet.rows.slice(0, 6)) {
    // "Kỳ báo cáo: 6 tháng đầu năm 2026", "Quý II/2025" (and "6 tháng 2026", "Quý II 2025" before session 22).
    const m = /Kỳ báo cáo:\s*(.+?)[\s/]+(\d{4})\b/u.exec(leadingText(row).normalize("NFC"));
    const kind = m ? matchOption(ALL_PERIODS, m[1] ?? "") : undefined;
    if (m && kind) return { kind: kind.id, year: Number(m[2]) };
  }
  return null;
}

/** A summary sheet's header row (the one with a "Mã đơn vị" cell, wherever an analyst's edits moved it), as match keys. */
function headerRow(sheet: Sheet): { readonly at: number; readonly keys: string[] } | undefined {
  const code = matchKey("Mã đơn vị");
  const at = sheet.rows.findIndex((row) => (row ?? []).some((cell) => matchKey(cellText(cell)) === code));
  return at < 0 ? undefined : { at, keys: (sheet.rows[at] ?? []).map((cell) => matchKey(cellText(cell))) };
}

/**
 * The units each accepted roll-up sums, by its unit's code, from the Nguồn sheet's "Lý do" cells
 * (ROLLUP_SOURCES_PREFIX); none from a summary written before session 22 (then the count compares).
 */
function rollupSourcesOf(workbook: Workbook): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const sheet = workbook.sheets.find((s) => matchKey(s.name) === matchKey(SUMMARY_SHEETS.sources));
  if (!sheet) return found;
  const header = headerRow(sheet);
  const unitCol = header?.keys.indexOf(matchKey("Mã đơn vị")) ?? -1;
  const reasonCol = header?.keys.indexOf(matchKey("Lý do")) ?? -1;
  if (header === undefined || unitCol < 0 || reasonCol < 0) return found;
  for (const row of sheet.rows.slice(header.at + 1)) {
    const reason = cellText(row?.[reasonCol]).normalize("NFC");
    if (!reason.startsWith(ROLLUP_SOURCES_PREFIX)) continue;
    const codes = reason
      .slice(ROLLUP_SOURCES_PREFIX.length)
      .split(";")
      .map((x) => x.trim())
      .filter((x) => x !== "");
    found.set(codeKey(cellText(row?.[unitCol])), codes);
  }
  return found;
}

/**
 * Last year's summary workbook (`consolidate --out`, sheet Số liệu, or Tổng hợp in older ones) read back as the JSON's
 * units: a column headed "Mã đơn vị" (A as written), one column per count headed "LABEL (kỳ này)"
 * (and, for the reduction bases, "LABEL (cùng kỳ năm trước)"), rows down to the province row.
 * Columns are found by their headers, so a clerk's sorting, filtering or inserted columns (also
 * before A) do not matter, nor deleted title rows or a renamed "Số liệu 2026" sheet. The counts
 * looked for are those of `form` (column D's header as the form names it, or the default's).
 */
export function previousFromSummary(workbook: Workbook, form: Form): PreviousParse {
  // Summaries keep the counts on "Số liệu"; those written before it existed kept them on "Tổng hợp".
  // A sheet renamed by the analyst ("Số liệu 2026") is still found by the start of its name.
  const byName = (name: string): Sheet | undefined =>
    workbook.sheets.find((s) => matchKey(s.name) === matchKey(name)) ??
    workbook.sheets.find((s) => matchKey(s.name).startsWith(matchKey(name)));
  const values = byName(SUMMARY_SHEETS.values);
  const sheet = values ?? byName(SUMMARY_SHEETS.summary);
  if (!sheet)
    return {
      ok: false,
      errors: [`Không có trang “${SUMMARY_SHEETS.values}” hay “${SUMMARY_SHEETS.summary}”. ${SUMMARY_HINT}`],
    };
  // The period line is on every sheet of a summary: one whose title rows were deleted has it elsewhere.
  const period =
    summaryPeriod(sheet) ??
    workbook.sheets.map(summaryPeriod).find((p): p is NonNullable<typeof p> => p !== null) ??
    null;
  if (!period)
    return {
      ok: false,
      errors: [`Trang “${sheet.name}”: không thấy dòng “Kỳ báo cáo: … NĂM” ở đầu trang. ${SUMMARY_HINT}`],
    };
  // The header row and the code column wherever they are (a column inserted before A moves them).
  const header = headerRow(sheet);
  if (header === undefined)
    return {
      ok: false,
      errors: [`Trang “${sheet.name}”: không thấy dòng tiêu đề có ô “Mã đơn vị”. ${SUMMARY_HINT}`],
    };
  const headerAt = header.at;
  const codeCol = header.keys.indexOf(matchKey("Mã đơn vị"));
  // Each count column's header, as the form names column D and as the default does.
  const wanted = new Map<string, { code: string; column: "previous" | "current" }>();
  for (const f of form.counts) {
    if (f.type !== "integer") continue;
    for (const column of ["current", "previous"] as const) {
      wanted.set(matchKey(countHeader(f.label, column)), { code: f.code, column });
      wanted.set(matchKey(countHeader(f.label, column, form.previousHeader)), { code: f.code, column });
    }
  }
  const columns: Array<{ col: number; code: string; column: "previous" | "current" }> = [];
  header.keys.forEach((key, col) => {
    const found = wanted.get(key);
    if (found) columns.push({ col, ...found });
  });
  if (columns.length === 0)
    return {
      ok: false,
      errors: [
        values === undefined
          ? `Không có trang “${SUMMARY_SHEETS.values}” (trang số liệu của bảng tổng hợp; có thể đã bị xóa hoặc đổi tên), và trang “${sheet.name}” không có cột số liệu nào “… (kỳ này)”. ${SUMMARY_HINT}`
          : `Trang “${sheet.name}”: không có cột số liệu nào “… (kỳ này)”. ${SUMMARY_HINT}`,
      ],
    };
  // A summary that says how it marks roll-ups (ROLLUP_LEGEND) records every row's shape: an unmarked
  // row is a unit's own report. Older summaries record none.
  // (Its title rows deleted, the legend may still be on another sheet's.)
  const legendIn = (rows: Sheet["rows"]): boolean =>
    rows.some((row) => leadingText(row).normalize("NFC").includes(ROLLUP_LEGEND));
  const shapes =
    legendIn(sheet.rows.slice(0, headerAt)) || workbook.sheets.some((s) => legendIn(s.rows.slice(0, 6)));
  const nameCol = header.keys.indexOf(matchKey("Tên đơn vị"));
  const units: Array<PreviousReport["units"][number]> = [];
  const summedCodes = rollupSourcesOf(workbook);
  const rollups: Array<{ unit: string; units: number; codes?: string[] }> = [];
  for (const row of sheet.rows.slice(headerAt + 1)) {
    const code = cellText(row?.[codeCol]).trim();
    // Below the total row are notes, not units.
    if (TOTAL_ROW_CODES.has(code)) break;
    if (code === "") continue;
    const summed = nameCol >= 0 ? markedRollupUnits(cellText(row?.[nameCol])) : undefined;
    const codes = summedCodes.get(codeKey(code));
    if (summed !== undefined) rollups.push({ unit: code, units: summed, ...(codes ? { codes } : {}) });
    const values: Record<string, { previous?: number | null; current: number | null }> = {};
    for (const { col, code: count, column } of columns) {
      const read = readCount(row?.[col]);
      const entry = (values[count] ??= { current: null });
      entry[column] = read.kind === "ok" ? read.value : null;
    }
    // A line without a figure is a note someone typed (the empty row above the total invites one,
    // "Ghi chú: số liệu tạm"), not a unit that reported.
    if (Object.values(values).every((v) => v.current === null && (v.previous ?? null) === null)) continue;
    const name = nameCol >= 0 ? cellText(row?.[nameCol]).trim() : "";
    units.push({ code, ...(name !== "" ? { name } : {}), values });
  }
  const missing = missingOf(workbook, new Set(units.map((u) => codeKey(u.code))));
  return { ok: true, report: { period, units, ...(shapes ? { rollups } : {}), ...missing } };
}

/** What the summary's "Chưa nộp" sheet says of the units that sent nothing, or only another period's report. */
type MissingRead = Pick<
  PreviousReport,
  "missing" | "rosterGiven" | "unplacedRejected" | "missingUnread" | "otherPeriodOnly"
>;

/**
 * The summary's "Chưa nộp" sheet: the codes of its first table under a "Mã đơn vị" header below the
 * line that heads it, to its first blank line. Summaries since RETURNED_SINCE list the units that sent
 * nothing ("Chưa nộp: N đơn vị …", "Chưa nộp: không có"); older ones one table of the units without an
 * accepted report ("N đơn vị trong danh sách chưa có báo cáo được chấp nhận (chưa nộp, hoặc tệp đã nộp
 * bị từ chối …)"), which their Nguồn sheet splits (oldMissing). Without a roster both say so. The units
 * that sent only another period's report have a table of their own below ("Đơn vị chỉ gửi báo cáo kỳ
 * khác", with or without a roster), read into `otherPeriodOnly`.
 */
function missingOf(workbook: Workbook, accepted: ReadonlySet<string>): MissingRead {
  const read = sentNothingOf(workbook, accepted);
  const sheet = workbook.sheets.find((s) => matchKey(s.name) === matchKey(SUMMARY_SHEETS.missing));
  const rows = sheet?.rows ?? [];
  const said = rows.findIndex((row) => matchKey(cellText(row?.[0])) === matchKey(SUMMARY_OTHER_PERIOD_ONLY));
  const otherPeriodOnly = said < 0 ? [] : (codesUnder(rows, said) ?? []);
  return otherPeriodOnly.length > 0 ? { ...read, otherPeriodOnly } : read;
}

/** The codes of the first table under a "Mã đơn vị" header below row `said`, to its first blank line. */
function codesUnder(rows: Sheet["rows"], said: number): string[] | undefined {
  const head = rows.findIndex((row, i) => i > said && matchKey(cellText(row?.[0])) === matchKey("Mã đơn vị"));
  if (head < 0) return undefined;
  const out: string[] = [];
  for (const row of rows.slice(head + 1)) {
    const code = cellText(row?.[0]).trim();
    if (code === "") break;
    out.push(code);
  }
  return out;
}

/** The summary's "Chưa nộp" sheet's units that sent nothing (missingOf). */
function sentNothingOf(workbook: Workbook, accepted: ReadonlySet<string>): MissingRead {
  const sheet = workbook.sheets.find((s) => matchKey(s.name) === matchKey(SUMMARY_SHEETS.missing));
  if (sheet === undefined)
    return {
      missingUnread: `không có trang “${SUMMARY_SHEETS.missing}” (có thể trang đã bị xóa hoặc đổi tên)`,
    };
  const rows = sheet.rows;
  const lineAt = (test: (key: string) => boolean): number =>
    rows.findIndex((row) => test(matchKey(cellText(row?.[0]))));
  const codesBelow = (said: number): string[] | undefined => codesUnder(rows, said);
  const unread: MissingRead = {
    missingUnread: `có trang “${SUMMARY_SHEETS.missing}” nhưng không đọc được bảng mã đơn vị chưa nộp trong trang đó (có thể trang đã bị sửa)`,
  };
  if (lineAt((k) => k.startsWith("không có danh sách đơn vị phải báo cáo")) >= 0)
    return { missing: [], rosterGiven: false };
  const said = lineAt((k) => k.startsWith("chưa nộp:"));
  if (said >= 0) {
    if (matchKey(cellText(rows[said]?.[0])).startsWith("chưa nộp: không có")) return { missing: [] };
    const codes = codesBelow(said);
    return codes === undefined ? unread : { missing: codes };
  }
  // Written before RETURNED_SINCE.
  if (lineAt((k) => k.startsWith("tất cả đơn vị trong danh sách đã nộp báo cáo hợp lệ")) >= 0)
    return { missing: [] };
  const old = lineAt((k) => /^\d+ đơn vị trong danh sách chưa có báo cáo được chấp nhận/u.test(k));
  const listed = old < 0 ? undefined : codesBelow(old);
  if (listed === undefined) return unread;
  const rejected = rejectedOnSources(workbook);
  return rejected === undefined
    ? {
        missingUnread: `do phiên bản KL226 cũ (phát hành trước ngày ${RETURNED_SINCE}) lập: trang “${SUMMARY_SHEETS.missing}” ghi chung đơn vị chưa nộp với đơn vị có tệp bị từ chối, và trang “${SUMMARY_SHEETS.sources}” không có hoặc không đọc được, nên không tách riêng được đơn vị chưa nộp`,
      }
    : oldMissing(listed, rejected, accepted);
}

/**
 * The rejected files of a summary's Nguồn sheet (Tệp, Mã đơn vị, Xử lý "Từ chối", and the first error
 * "CODE: message" under Lý do); undefined when the sheet or those columns are not there.
 */
function rejectedOnSources(workbook: Workbook): EarlierRejected[] | undefined {
  const sheet = workbook.sheets.find((s) => matchKey(s.name) === matchKey(SUMMARY_SHEETS.sources));
  const header = sheet === undefined ? undefined : headerRow(sheet);
  if (sheet === undefined || header === undefined) return undefined;
  const [fileCol, unitCol, statusCol, reasonCol] = ["Tệp", "Mã đơn vị", "Xử lý", "Lý do"].map((name) =>
    header.keys.indexOf(matchKey(name)),
  ) as [number, number, number, number];
  if (fileCol < 0 || unitCol < 0 || statusCol < 0) return undefined;
  return sheet.rows.slice(header.at + 1).flatMap((row) => {
    if (matchKey(cellText(row?.[statusCol])) !== matchKey("Từ chối")) return [];
    const unit = cellText(row?.[unitCol]).trim();
    const reason = /^([A-Z_]+): (.*)$/su.exec(reasonCol < 0 ? "" : cellText(row?.[reasonCol]));
    return [
      {
        file: cellText(row?.[fileCol]).trim(),
        unit: unit === "" ? null : unit,
        findings: reason ? [{ code: reason[1]!, message: reason[2]! }] : [],
      },
    ];
  });
}

export interface HistoryWarning {
  readonly unit: string;
  readonly file: string;
  readonly finding: Finding;
}

/**
 * A unit not compared with last year because its report covers other units than last year's:
 * `before` is last year's shape as its file records it (0: the unit's own report, N: a roll-up of N
 * units), "listed" when this year's roll-up sums units last year's file lists on their own, "unknown"
 * when this year's is a roll-up and last year's file (written before shapes were recorded) cannot say.
 */
export interface Reshaped {
  readonly unit: string;
  /**
   * "others": a roll-up of as many units as last year's, not the same ones; `merged`: a unit the
   * roster says was made of others whose figures in that file cannot be summed, and why (succession.ts).
   */
  readonly before: number | "listed" | "unknown" | "others" | { readonly merged: string };
  /** This year's shape: 0 the unit's own report, N a roll-up of N units. */
  readonly now: number;
}

/** "SO_Y_TE: năm trước là báo cáo riêng, kỳ này tổng hợp 7 đơn vị": why a unit is not compared. */
export function reshapedText(r: Reshaped): string {
  const now = r.now > 0 ? `kỳ này tổng hợp ${r.now} đơn vị` : "kỳ này là báo cáo riêng";
  if (typeof r.before === "object") return `${r.unit}: đơn vị hình thành do sắp xếp, ${r.before.merged}`;
  if (r.before === "listed") return `${r.unit}: ${now}, có đơn vị năm trước gửi riêng`;
  if (r.before === "others") return `${r.unit}: ${now}, không cùng các đơn vị năm trước`;
  if (r.before === "unknown")
    return `${r.unit}: ${now}; tệp đối chiếu (lập bằng phiên bản trước) không ghi năm trước đơn vị này báo cáo riêng hay tổng hợp`;
  const before = r.before > 0 ? `năm trước tổng hợp ${r.before} đơn vị` : "năm trước là báo cáo riêng";
  return `${r.unit}: ${before}, ${r.now > 0 && r.before > 0 ? `kỳ này ${r.now}` : now}`;
}

export interface HistoryComparison {
  readonly warnings: readonly HistoryWarning[];
  /** The PREVIOUS_MISMATCH warnings' facts, in the warnings' order. */
  readonly mismatches: readonly PreviousMismatch[];
  /** Accepted units this year that last year's consolidation does not list, sorted. */
  readonly newUnits: readonly string[];
  /** Units of last year's consolidation with no accepted report this year, nor summed in a roll-up counted this year, sorted. */
  readonly goneUnits: readonly string[];
  /**
   * Units without this period's report (none sent, or only another period's) that the same file lists
   * so too: two periods without a report, sorted.
   */
  readonly missingAgain: readonly string[];
  /** Of `missingAgain`, those that file lists as having sent only another period's report then, sorted. */
  readonly otherPeriodThen: readonly string[];
  /** Units are missing now, but that file's run had no roster: whether any was missing then too is not known. */
  readonly missingThenUnknown: boolean;
  /**
   * Why that file's missing units are not known, said after "tệp năm 2025 " (no roster then, a summary
   * without its Chưa nộp sheet…); null when they are.
   */
  readonly missingThenWhy: string | null;
  /**
   * That file's rejected files no unit could be told for (one written before RETURNED_SINCE): a unit of
   * `missingAgain` may have sent one of them. 0 when none, or nothing is listed.
   */
  readonly missingAgainUnsure: number;
  /**
   * Of those files, each whose name names one unit of `missingAgain` by its name ("BC so tu phap.xlsx":
   * Sở Tư pháp), as a missing unit's is named this period (unplacedRejected). Said, never decided: that
   * JSON records no unit per rejected file, and a guess taken for fact would hide a unit missing twice.
   */
  readonly missingAgainMaybe: ReadonlyArray<{
    readonly file: string;
    readonly code: string;
    readonly name: string;
  }>;
  /**
   * Units the roster says were made of others, compared with the earlier units' figures summed: each
   * with those units' codes in that file (in code order), sorted by unit.
   */
  readonly merged: ReadonlyArray<{ readonly unit: string; readonly from: readonly string[] }>;
  /**
   * Units whose report this year covers other units than last year's: a roll-up summing units last
   * year's consolidation lists on their own, or a report whose shape last year's file records otherwise
   * (a roll-up one year and the unit's own the other, or roll-ups of different numbers of units). Their
   * figures are of other units, so they are not compared with it (no PREVIOUS_MISMATCH, no OUTLIER).
   */
  readonly reshaped: readonly Reshaped[];
  /** Whether column D was checked (PREVIOUS_MISMATCH): a consolidation of this period a year before was given. */
  readonly comparedDeclared: boolean;
  /** Units of this year found in that newest file and compared with it (0: nothing compared, perhaps the wrong file). */
  readonly compared: number;
  /** The period of the file the new and gone units are listed against; null when none was given. */
  readonly listedAgainst: { readonly kind: PeriodKind; readonly year: number } | null;
}

/**
 * The OUTLIER band (DHIS2-style min–max around the unit's own history):
 * - with at least `minYears` earlier values of the same period kind, and some spread among them,
 *   a value outside mean ± `sd` standard deviations (sample SD) of those values;
 * - with a shorter or flat history (one year says nothing about spread, and a flat one gives a band of
 *   width 0), a jump of more than `factor` times either way against the most recent value.
 * Counts below `minCount` this year and in every earlier year are left alone (3 → 10 meetings is not news).
 */
export type OutlierBand = Profile["outlier"];

/** One earlier value of a unit's count: the year it was reported for, and the value. */
export interface HistoryPoint {
  readonly year: number;
  readonly value: number;
}

export type OutlierVerdict =
  | { readonly kind: "none" }
  | { readonly kind: "jump"; readonly reported: number; readonly year: number }
  | {
      readonly kind: "band";
      readonly low: number;
      readonly high: number;
      readonly mean: number;
      readonly years: readonly number[];
    };

/** `history` oldest first. */
export function outlierVerdict(
  current: number,
  history: readonly HistoryPoint[],
  band: OutlierBand,
): OutlierVerdict {
  const latest = history[history.length - 1];
  if (latest === undefined) return { kind: "none" };
  if (current < band.minCount && history.every((p) => p.value < band.minCount)) return { kind: "none" };
  if (history.length >= band.minYears) {
    const n = history.length;
    const mean = history.reduce((s, p) => s + p.value, 0) / n;
    const sd = Math.sqrt(history.reduce((s, p) => s + (p.value - mean) ** 2, 0) / (n - 1));
    if (sd > 0) {
      const low = mean - band.sd * sd;
      const high = mean + band.sd * sd;
      return current < low || current > high
        ? { kind: "band", low: Math.max(0, low), high, mean, years: history.map((p) => p.year) }
        : { kind: "none" };
    }
  }
  const jumped = current > band.factor * latest.value || latest.value > band.factor * current;
  return jumped ? { kind: "jump", reported: latest.value, year: latest.year } : { kind: "none" };
}

function outlierMessage(
  label: string,
  current: number,
  v: Exclude<OutlierVerdict, { kind: "none" }>,
  band: OutlierBand,
  labelOf: (year: number) => string,
): string {
  return v.kind === "jump"
    ? MSG.outlier(label, current, v.reported, labelOf(v.year), band.factor)
    : MSG.outlierBand(label, current, v.low, v.high, v.mean, band.sd, v.years);
}

/**
 * Earlier consolidations, the one whose period ends last first (quý III before quý II of one year),
 * one per period (of two for the same period the first given; of two ending together, a half year
 * and its quý II, the order given). The latest one before this period is what the new/gone lists
 * are against (`listsAgainst`); comparableHistory picks the figures'.
 */
export function historyOrder(previous: readonly PreviousReport[]): PreviousReport[] {
  const byPeriod = new Map<string, PreviousReport>();
  for (const p of previous) {
    const key = `${p.period.kind}|${p.period.year}`;
    if (!byPeriod.has(key)) byPeriod.set(key, p);
  }
  return [...byPeriod.values()].sort((a, b) => periodEnd(b.period) - periodEnd(a.period));
}

/**
 * The consolidation the new/gone and missing-again lists are against: the latest given that ends
 * before `period` (quý II's for quý III, whatever last year's quý III says), else the latest given.
 */
export function listsAgainst(
  previous: readonly PreviousReport[],
  period: Period | null,
): PreviousReport | undefined {
  const given = historyOrder(previous);
  if (period === null) return given[0];
  return given.find((r) => periodEnd(r.period) < periodEnd(period)) ?? given[0];
}

/**
 * The earlier consolidations `period`'s figures compare with, newest first: the same quarter
 * (half-year, year) in earlier years — "cùng kỳ năm trước" is the same period a year before, and
 * another quarter's figures are another quantity (quý II's 21 procedures against quý III's 38 said
 * nothing true). The first is "last year" for PREVIOUS_MISMATCH; all are the OUTLIER history. A
 * year's report of another period given first does not hide this period's (`--previous nam-2025.json
 * --previous 6t-2025.json` for a 6T report compares with the second).
 */
export function comparableHistory(
  previous: readonly PreviousReport[],
  period: Period | null,
): PreviousReport[] {
  return historyOrder(previous).filter((r) => comparesWith(r, period));
}

/** Whether an earlier consolidation's figures compare with `period`'s: the same period kind, an earlier year. */
export function comparesWith(r: PreviousReport, period: Period | null): boolean {
  return period === null || (r.period.kind === period.kind && r.period.year < period.year);
}

function unitsByCode(report: PreviousReport): Map<string, PreviousReport["units"][number]> {
  const units = new Map<string, PreviousReport["units"][number]>();
  for (const u of report.units) {
    const code = codeKey(u.code);
    if (!units.has(code)) units.set(code, u);
  }
  return units;
}

/** A unit's shape in a year's file: 0 its own report, N a roll-up of N units (and which, when recorded). */
interface Shape {
  readonly units: number;
  /** The summed units' codes (codeKey), sorted; undefined when the file does not record them. */
  readonly codes?: readonly string[];
}

/** The units a file records as summing others, every other unit it lists at 0; undefined when it records none. */
function shapesOf(report: PreviousReport): Map<string, Shape> | undefined {
  if (report.rollups === undefined) return undefined;
  return new Map([
    ...report.units.map((u): [string, Shape] => [codeKey(u.code), { units: 0 }]),
    ...report.rollups.map((r): [string, Shape] => [
      codeKey(r.unit),
      { units: r.units, ...(r.codes ? { codes: r.codes.map(codeKey).sort() } : {}) },
    ]),
  ]);
}

/**
 * Whether a year's recorded shape is this year's (`now`: the codes this year's report sums, codeKey,
 * sorted; none for the unit's own): as many units, and the same ones where the file says which.
 */
function sameShape(before: Shape, now: readonly string[]): boolean {
  if (before.units !== now.length) return false;
  return before.codes === undefined || before.codes.join("\n") === now.join("\n");
}

/**
 * Why unit `u` (summing the units `now`, as sameShape takes them) is not compared with last year's file, or undefined when it is: a
 * roll-up of units that file lists on their own; another shape than the file records for it; a
 * roll-up against a file that records no shapes (last year's own report or a roll-up: it cannot say).
 * `shapes` is undefined when the file records none.
 */
function reshapedFrom(
  u: Consolidation["units"][number],
  now: readonly string[],
  shapes: Map<string, Shape> | undefined,
  last: Map<string, PreviousReport["units"][number]>,
): Reshaped["before"] | undefined {
  const key = codeKey(u.code);
  if ((u.rollupOf ?? []).some((s) => codeKey(s.code) !== key && last.has(codeKey(s.code)))) return "listed";
  if (!last.has(key)) return undefined;
  const before = shapes?.get(key);
  if (before !== undefined) {
    if (before.units !== now.length) return before.units;
    // As many units, other ones: a tester's VP_UBND_TINH summed two units both years, one of them
    // changed, and was told its column D was wrong.
    return sameShape(before, now) ? undefined : "others";
  }
  return now.length > 0 && shapes === undefined ? "unknown" : undefined;
}

/**
 * The indicators of `code` whose verdict changes when column D is the figure the unit reported then:
 * only reductions read column D.
 */
function verdictChanges(
  u: UnitSummary,
  c: Pick<Consolidation, "form" | "period">,
  code: string,
  reported: number,
): VerdictChange[] {
  const form = c.form;
  // A count is whole (a JSON edited by hand may say 100.5): judged exactly on whole numbers only.
  if (!Number.isInteger(reported)) return [];
  const values = { ...u.values, [code]: { ...pairOf(u.values, code), previous: reported } };
  const judged = judgeUnit(values, form, u.typeId, c.period?.kind ?? null);
  return form.indicators.flatMap((indicator) => {
    const declared = u.indicators[indicator.id];
    const then = judged[indicator.id];
    if (
      indicator.kind !== "reduction" ||
      indicator.of !== code ||
      declared === undefined ||
      then === undefined
    )
      return [];
    // A verdict that flips, or a shortfall of another size (1.450 declared for 414 reported: "vượt 2"
    // on the figure declared, "vượt 883" on its own).
    const differs =
      declared.status !== then.status || (declared.status === "short" && declared.gap !== then.gap);
    return differs ? [{ indicator, declared, reported: then }] : [];
  });
}

/** A consolidation's column D mismatches by unit, each unit's in the form's order of counts. */
export function mismatchesByUnit(mismatches: readonly PreviousMismatch[]): Map<string, PreviousMismatch[]> {
  const byUnit = new Map<string, PreviousMismatch[]>();
  for (const m of mismatches) {
    const list = byUnit.get(m.unit);
    if (list) list.push(m);
    else byUnit.set(m.unit, [m]);
  }
  return byUnit;
}

/** "“Tổng số hội nghị…” 62 (báo cáo năm 2025 ghi 54…)": a mismatch's figures, `then` before the parenthesis closes. */
export function mismatchFigures(m: PreviousMismatch, then = ""): string {
  const reported =
    m.from === undefined
      ? `báo cáo ${m.reportedIn} ghi`
      : `tổng của các đơn vị cũ ${m.from.join(", ")} trong báo cáo ${m.reportedIn} là`;
  // As written (a JSON edited by hand may hold 100.5): quoted, never rounded into another figure.
  return `“${m.label}” ${viNumber(m.declared)} (${reported} ${viNumber(m.reported)}${then})`;
}

/**
 * "Nếu tính theo số năm trước, kết quả “…” là giảm 7,4%, chưa đạt mục tiêu giảm ít nhất 10%, vượt 2 cuộc
 * họp so với mức cho phép; theo số khai ở cột D là giảm 19,4%, đạt mục tiêu."
 */
export function verdictChangeSentence(ch: VerdictChange): string {
  const ind = ch.indicator;
  const said = (r: IndicatorResult): string =>
    r.value === null ? "thì chưa đánh giá được" : `là ${resultPhrase(ind, r)}`;
  return `Nếu tính theo số năm trước, kết quả “${ind.label}” ${said(ch.reported)}; theo số khai ở cột D ${said(ch.declared)}.`;
}

/**
 * "giảm 7,4%, chưa đạt mục tiêu giảm ít nhất 10%, vượt 2 cuộc họp so với mức cho phép", "giảm 19,4%,
 * đạt mục tiêu": a result, its verdict and, when short, by how much.
 */
export function resultPhrase(ind: Indicator, r: IndicatorResult): string {
  if (r.value === null) return "chưa đánh giá được";
  const gap = r.status === "short" ? shownGap(ind, r.gap, r.value) : undefined;
  const verdict =
    r.status === "met"
      ? "đạt mục tiêu"
      : r.status === "short"
        ? `chưa đạt ${targetPhrase(ind)}${gap ? `, ${gap}` : ""}`
        : "chưa đánh giá được";
  return `${valuePhrase(ind, r.value, r.status)}, ${verdict}`;
}

/**
 * `previous`: one earlier consolidation or several (any order; of two for the same period the first
 * given is used). An empty list compares with nothing.
 */
export function compareWithPrevious(
  c: Consolidation,
  previous: PreviousReport | readonly PreviousReport[],
  band: OutlierBand = DEFAULT_PROFILE.outlier,
): HistoryComparison {
  const list = Array.isArray(previous) ? previous : [previous as PreviousReport];
  const reports = comparableHistory(list, c.period);
  // Which units are new or gone is a fact of the rosters, whatever the period: listed against the
  // latest file given before this period, comparable or not (quý II's for quý III).
  const against = listsAgainst(list, c.period);
  const succession = successionOf(
    Object.entries(c.formerly ?? {}).map(([code, formerly]) => ({ code, formerly })),
  );
  // A merged unit's predecessors in a file: the earlier units whose figures, summed, are its own then.
  // Every roster unit with predecessors, reported or not: theirs are not "gone" either way. Once per
  // file (the newest serves the lists, column D and the history).
  const scopesOf = new Map<PreviousReport, Map<string, Scope>>();
  const scopes = (against: PreviousReport): Map<string, Scope> => {
    let found = scopesOf.get(against);
    if (found === undefined) {
      found = new Map(
        Object.keys(c.formerly ?? {}).flatMap((code) => {
          const scope = succession.scopeIn(code, against.units);
          return scope === undefined ? [] : [[codeKey(code), scope] as const];
        }),
      );
      scopesOf.set(against, found);
    }
    return found;
  };
  const membership = (against: PreviousReport | undefined) => {
    // This period's own summary (or a later one of its kind) given as last year's: lists against it
    // would say units "missing there too" of the same run; nothing is listed.
    const notEarlier =
      against !== undefined &&
      c.period !== null &&
      against.period.kind === c.period.kind &&
      against.period.year >= c.period.year;
    if (against === undefined || notEarlier)
      return {
        newUnits: [],
        goneUnits: [],
        missingAgain: [],
        otherPeriodThen: [],
        missingThenUnknown: false,
        missingThenWhy: null,
        missingAgainUnsure: 0,
        missingAgainMaybe: [],
        merged: [],
        listedAgainst: null,
      };
    const before = unitsByCode(against);
    const now = new Set(c.units.map((u) => codeKey(u.code)));
    // A unit summed in a roll-up counted this year has reported, through it; a predecessor, through
    // the unit it was merged into.
    const summed = new Set(c.units.flatMap((u) => (u.rollupOf ?? []).map((s) => codeKey(s.code))));
    const all = [...scopes(against)];
    const merged = all.flatMap(([unit, scope]) =>
      now.has(unit) && scope.kind === "whole" && scope.codes.some((code) => code !== unit)
        ? [{ unit, from: scope.codes }]
        : [],
    );
    // Named in a unit's column, found in that file: merged into it, compared or not.
    const absorbed = new Set(all.flatMap(([, scope]) => scope.codes));
    const missingKnown = against.missing !== undefined && against.rosterGiven !== false;
    // Without this period's report, now and then: a unit that sent only another period's report has
    // not sent it (the report says "chưa gửi báo cáo"), known with or without a roster. A file written
    // before `otherPeriodOnly` lists such a unit as returned only: it counts as one that sent.
    const otherThen = new Set((against.otherPeriodOnly ?? []).map(codeKey));
    const missingThen = new Set([
      ...(missingKnown ? (against.missing ?? []) : []).map(codeKey),
      ...otherThen,
    ]);
    const missingNowUnits = [...c.missing, ...otherPeriodOnlyUnits(c)];
    const missingNow = missingNowUnits.map((u) => codeKey(u.code));
    const missingAgain = missingNow.filter((code) => missingThen.has(code)).sort(compareText);
    const unsure = missingKnown && missingAgain.length > 0 ? (against.unplacedRejected ?? []) : [];
    const namedUnit = unitNamer(missingNowUnits.filter((u) => missingThen.has(codeKey(u.code))));
    return {
      newUnits: [...now]
        .filter((code) => !before.has(code) && !merged.some((m) => m.unit === code))
        .sort(compareText),
      goneUnits: [...before.keys()]
        .filter((code) => !now.has(code) && !summed.has(code) && !absorbed.has(code))
        .sort(compareText),
      // Missing in that file's run too: two periods without a report. (A unit that file does not list
      // at all may not have existed then: a commune made in a merger is not "missing again".)
      missingAgain,
      otherPeriodThen: missingAgain.filter((code) => otherThen.has(code)),
      missingThenUnknown: !missingKnown && missingNow.some((code) => !missingThen.has(code)),
      missingThenWhy: missingKnown
        ? null
        : against.rosterGiven === false
          ? "được lập không có danh sách đơn vị, nên không ghi đơn vị chưa nộp"
          : (against.missingUnread ?? "không ghi đơn vị chưa nộp"),
      missingAgainUnsure: unsure.length,
      missingAgainMaybe: unsure.flatMap((file) => {
        const unit = namedUnit(baseName(file).replace(/\.[^.]*$/, ""));
        return unit === null ? [] : [{ file, code: unit.code, name: unit.name }];
      }),
      merged: merged.sort((a, b) => compareText(a.unit, b.unit)),
      listedAgainst: against.period,
    };
  };
  const newest = reports[0];
  if (newest === undefined)
    return {
      warnings: [],
      mismatches: [],
      ...membership(against),
      comparedDeclared: false,
      compared: 0,
      reshaped: [],
    };
  const last = unitsByCode(newest);
  const scopeNow = scopes(newest);
  const shapesBefore = shapesOf(newest);
  const reshaped: Reshaped[] = [];
  let compared = 0;
  // Each year's units, and their shapes where that year's file records them.
  const sameKind = [...reports]
    .reverse()
    .map((r) => ({ year: r.period.year, units: unitsByCode(r), shapes: shapesOf(r), scopes: scopes(r) }));
  // A count of a unit in a year's file; for a merged unit, its predecessors' summed (null when any lacks it).
  const valueIn = (
    units: Map<string, PreviousReport["units"][number]>,
    scope: Scope | undefined,
    key: string,
    count: string,
  ): number | null => {
    if (scope === undefined) return units.get(key)?.values[count]?.current ?? null;
    if (scope.kind !== "whole") return null;
    let sum = 0;
    for (const code of scope.codes) {
      const value = units.get(code)?.values[count]?.current ?? null;
      if (value === null) return null;
      sum += value;
    }
    return sum;
  };
  // Column D is checked against the year just before only.
  const comparedDeclared = c.period === null || newest.period.year === c.period.year - 1;
  const labelOf = (year: number): string => periodText({ kind: newest.period.kind, year });
  // The report column D is checked against ("năm 2025").
  const reportedIn = labelOf(newest.period.year);
  const warnings: HistoryWarning[] = [];
  const mismatches: PreviousMismatch[] = [];
  // Counts only: a percentage is not a quantity that jumps or carries over.
  const counts = c.form.counts.filter((f) => f.type === "integer");
  for (const u of c.units) {
    const key = codeKey(u.code);
    const before = last.get(key);
    // Not compared where this year's report and last year's cover different units (reshapedFrom).
    // The units this year's report sums, once per unit (every count and year compares them).
    const now = rollupCodes(u).map(codeKey).sort();
    const scope = scopeNow.get(key);
    const why = scope?.kind === "partial" ? { merged: scope.why } : reshapedFrom(u, now, shapesBefore, last);
    if (why !== undefined) {
      reshaped.push({ unit: u.code, before: why, now: now.length });
      continue;
    }
    if (before !== undefined || (scope?.kind === "whole" && scope.codes.length > 0)) compared++;
    // Summed over other units than its own code's: said so, with which.
    const merged = scope?.kind === "whole" && scope.codes.join() !== key ? scope : undefined;
    for (const { code, label } of counts) {
      // The count's row as the unit's file has it (rows may have been inserted), when known.
      const row = u.countRows?.[code];
      const cellIn = (column: "D" | "E"): string | null => (row === undefined ? null : `${column}${row}`);
      const current = pairOf(u.values, code).current;
      if (current !== null) {
        // A year whose file records another shape for the unit says nothing about this one.
        const history = sameKind.flatMap((r): HistoryPoint[] => {
          const value = valueIn(r.units, r.scopes.get(key), key, code);
          const shape = r.scopes.has(key) ? undefined : r.shapes?.get(key);
          return value === null || (shape !== undefined && !sameShape(shape, now))
            ? []
            : [{ year: r.year, value }];
        });
        const verdict = outlierVerdict(current, history, band);
        if (verdict.kind !== "none") {
          warnings.push({
            unit: u.code,
            file: u.file,
            finding: finding(
              "OUTLIER",
              "warning",
              "Chỉ tiêu",
              cellIn("E"),
              outlierMessage(label, current, verdict, band, labelOf),
            ),
          });
        }
      }
      if (!comparedDeclared) continue;
      const declared = pairOf(u.values, code).previous;
      const reported = valueIn(last, scope, key, code);
      if (declared === null || reported === null || declared === reported) continue;
      const changes = verdictChanges(u, c, code, reported);
      mismatches.push({
        unit: u.code,
        code,
        label,
        cell: cellIn("D"),
        declared,
        reported,
        reportedIn,
        changes,
        ...(merged ? { from: merged.codes } : {}),
      });
      warnings.push({
        unit: u.code,
        file: u.file,
        finding: finding(
          "PREVIOUS_MISMATCH",
          "warning",
          "Chỉ tiêu",
          cellIn("D"),
          MSG.previousMismatch(label, declared, reported, reportedIn, merged?.codes) +
            changes.map((ch) => ` ${verdictChangeSentence(ch)}`).join(""),
        ),
      });
    }
  }
  return {
    warnings,
    mismatches,
    ...membership(against),
    comparedDeclared,
    compared,
    reshaped: reshaped.sort((a, b) => compareText(a.unit, b.unit)),
  };
}

/** The first year a report on the forms can carry (the template's Năm: 2025–2100). */
const FIRST_REPORT_YEAR = 2025;

/**
 * Human-output notes when the newest earlier file is not this period a year before: another period
 * kind, or this period's own year or later, is not compared at all; an older year of this period
 * serves the OUTLIER history but not the column D check.
 */
export function previousPeriodNotes(
  current: { kind: PeriodKind; year: number } | null,
  previous: PreviousReport,
): string[] {
  if (current === null) return [];
  const found = periodText(previous.period);
  const wanted = periodText({ kind: current.kind, year: current.year - 1 });
  if (previous.period.kind !== current.kind || previous.period.year >= current.year)
    return [
      MSG.previousNotComparable(found, periodText(current), wanted, current.year - 1 < FIRST_REPORT_YEAR),
    ];
  if (previous.period.year !== current.year - 1) return [MSG.previousYearDiffers(found, wanted)];
  return [];
}
