// Last year's comparison (SPEC §6 additions; `kl226 consolidate --previous`, the page's "Bảng tổng hợp kỳ
// trước"): an earlier consolidation read from its bytes, and its cross-check added to this one's
// warnings, with the lines that say what was compared. No file system: the command and the page share it.

import { otherPeriodOnlyUnits } from "../core/file-fates";
import type { Consolidation, Warning } from "../core/consolidation";
import { baseName } from "../core/file-names";
import {
  compareWithPrevious,
  comparableHistory,
  comparesWith,
  historyOrder,
  parsePreviousReport,
  previousFromSummary,
  previousPeriodNotes,
  reshapedText,
  RETURNED_SINCE,
  type OutlierBand,
  type PreviousReport,
} from "../core/history";
import { periodKindText, periodText, reductionBases, type Form } from "../core/form";
import { fileKindOf } from "../core/file-kinds";
import { BUILTIN_FORMS, DEFAULT_FORM } from "../core/forms";
import { MSG, TOOL_WORDS } from "../core/messages";
import { codeKey, compareText } from "../core/text";
import { isZip, readXlsx } from "../xlsx/read";

export interface PreviousFile {
  readonly path: string;
  /** The JSON report, or the summary workbook's report read with the consolidated form's counts. */
  readonly report: (form: Form) => PreviousReport;
}

/** Said under a file that is not KL226's: a summary made by hand before the tool cannot be compared. */
const FIRST_YEAR = `  Bảng tổng hợp tự lập (không do KL226 ghi) không đối chiếu được: kỳ đầu dùng KL226, ${TOOL_WORDS.firstYear.both}.`;

/** What to pick instead, said after a file of another kind (a letter, a PDF, an archive…). */
const PICK_INSTEAD = `Hãy chọn bảng tổng hợp .xlsx hoặc tệp .json cùng kỳ năm trước ${TOOL_WORDS.summaryFiles.both}.`;

/**
 * How the file is to be read, by its name and, without a telling name, by its first bytes; for a file
 * of another kind (a letter, a PDF, the summary re-saved as .xls), why not and what to pick instead.
 */
function previousKind(path: string, bytes: Uint8Array): { read: "xlsx" | "json" } | { refused: string } {
  const kind = fileKindOf(path);
  if (kind.id === "xlsx" || kind.id === "json") return { read: kind.id };
  if (kind.id === "other") {
    // A zip is an .xlsx (or another Office file) whatever its name says.
    if (isZip(bytes)) return { read: "xlsx" };
    const head = new TextDecoder("utf-8")
      .decode(bytes.subarray(0, 64))
      .replace(/^\uFEFF/, "")
      .trimStart();
    if (head.startsWith("{")) return { read: "json" };
    return { refused: `không phải bảng tổng hợp do KL226 lập. ${PICK_INSTEAD}` };
  }
  // A workbook saved in another format is the summary re-saved: save it back as .xlsx.
  const resave = ["xls", "xlsb", "xlsm", "ods", "numbers"].includes(kind.id);
  const how = resave
    ? kind.howToXlsx.replace(/,? rồi gửi lại(?: tệp \.xlsx)?\.$/, ", rồi chọn tệp .xlsx đó.")
    : PICK_INSTEAD;
  return { refused: `là ${kind.what}, không phải bảng tổng hợp .xlsx hay tệp .json do KL226 lập. ${how}` };
}

/** An earlier consolidation of another form than the one consolidated now. */
function otherFormMessage(found: string, wanted: string): string {
  return `là báo cáo tổng hợp theo mẫu ${found}, không phải mẫu ${wanted} của đợt tổng hợp này: số liệu của chế độ báo cáo khác không so sánh được. Hãy dùng bảng tổng hợp (.xlsx) hoặc tệp .json cùng kỳ năm trước của các báo cáo theo mẫu ${wanted}.`;
}

/** Why an earlier consolidation cannot be used, in Vietnamese (the command adds the file and the option). */
export class PreviousUnreadable extends Error {}

/**
 * An earlier year's consolidation from its bytes: its `--json` report or its summary workbook (`--out`,
 * or the page's downloads). A file of the wrong kind or shape throws PreviousUnreadable saying what is
 * wrong; the summary's counts are read once the form consolidated is known (`report`), which may throw it too.
 */
export function previousFromBytes(path: string, bytes: Uint8Array): PreviousFile {
  const fail = (why: string): never => {
    throw new PreviousUnreadable(why);
  };
  const kind = previousKind(path, bytes);
  if ("refused" in kind) return fail(kind.refused);
  if (kind.read === "xlsx") {
    const read = readXlsx(bytes);
    if (!read.ok) return fail("tệp không đọc được như một sổ tính Excel (.xlsx).");
    const workbook = read.workbook;
    // The sheet's shape is checked now (before any file is read); its counts once the form is known.
    const check = previousFromSummary(workbook, DEFAULT_FORM);
    if (!check.ok && !check.errors.some((e) => e.includes("(kỳ này)")))
      return fail(
        `không phải bảng tổng hợp ${TOOL_WORDS.summaryBy.both}:\n  ${check.errors.join("\n  ")}\n${FIRST_YEAR}`,
      );
    return {
      path,
      report: (form) => {
        const parsed = previousFromSummary(workbook, form);
        if (parsed.ok) return parsed.report;
        // Another form's summary (none of this form's count columns): said as such, like its JSON.
        const other = BUILTIN_FORMS.find((f) => f.id !== form.id && previousFromSummary(workbook, f).ok);
        return other !== undefined
          ? fail(otherFormMessage(other.id, form.id))
          : fail(
              `không phải bảng tổng hợp ${TOOL_WORDS.summaryBy.both}:\n  ${parsed.errors.join("\n  ")}\n${FIRST_YEAR}`,
            );
      },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8").decode(bytes));
  } catch {
    return fail(`không phải tệp JSON đọc được (hỏng hoặc bị cắt khi tải về?). ${PICK_INSTEAD}`);
  }
  const parsed = parsePreviousReport(json);
  // JSON of some other program (neither a period nor units at its top): said as such, without the
  // schema's paths ("period: thiếu giá trị"), which help only with a KL226 file damaged in part.
  if (!parsed.ok && !looksConsolidated(json))
    return fail(`là dữ liệu JSON nhưng không phải tệp JSON ${TOOL_WORDS.jsonBy.both}. ${PICK_INSTEAD}`);
  if (!parsed.ok)
    return fail(`không đúng dạng tệp JSON ${TOOL_WORDS.jsonBy.both}:\n  ${parsed.errors.join("\n  ")}`);
  const report = parsed.report;
  return {
    path,
    // Another form's consolidation (a KL226-BC/1 summary for a CCHC-BC/2025 run) has none of this
    // form's counts and other units: refused, not compared as "no unit in common".
    report: (form) =>
      report.form === undefined || report.form === form.id
        ? report
        : fail(otherFormMessage(report.form, form.id)),
  };
}

/** Whether parsed JSON has a consolidation's top (its period or its units), damaged or not. */
function looksConsolidated(json: unknown): boolean {
  return typeof json === "object" && json !== null && ("period" in json || "units" in json);
}

/**
 * Cross-check against earlier years: PREVIOUS_MISMATCH (newest year) and OUTLIER (all years of the
 * same period kind) warnings join the consolidation's warnings (so they reach the JSON and the Lỗi
 * sheet like UNKNOWN_UNIT); the lines are for the human summary.
 */
export function withPrevious(
  c: Consolidation,
  previous: readonly PreviousFile[],
  band: OutlierBand,
): {
  consolidation: Consolidation;
  lines: string[];
  /** Units whose figures were compared with last year's (0: none could be, the lines say why). */
  compared: number;
} {
  const reports = previous.map((p) => p.report(c.form));
  const h = compareWithPrevious(c, reports, band);
  const added: Warning[] = h.warnings.map((w) => ({ file: w.file, unit: w.unit, ...w.finding }));
  const warnings = [...c.warnings, ...added].sort((a, b) => compareText(a.file, b.file));
  // The notes are about the file the figures compare with, or, when none compares, the newest given.
  const comparable = comparableHistory(reports, c.period)[0];
  const newest = comparable ?? historyOrder(reports)[0];
  // Quarters of the same year are earlier periods, not earlier years: the heading names the one the
  // figures are checked against (the same period a year before), when there is one.
  const lines =
    previous.length === 1 || newest === undefined
      ? [
          `So sánh với báo cáo tổng hợp ${reports[0] ? `kỳ ${periodText(reports[0].period)} ` : ""}${previous[0]?.path ?? ""}:`,
        ]
      : [
          `So sánh với ${previous.length} báo cáo tổng hợp các kỳ trước (${previous.map((p, i) => `${reports[i] ? periodText(reports[i].period) : "?"}: ${p.path}`).join("; ")})${comparable ? `; cùng kỳ gần nhất: ${periodText(comparable.period)}` : ""}:`,
        ];
  // Several files: those of another period, or not before this one, are named as left out of the figures.
  if (previous.length > 1 && c.period !== null) {
    const period = c.period;
    const unused = previous.filter((_, i) => {
      const r = reports[i];
      return r !== undefined && !comparesWith(r, period);
    });
    if (unused.length > 0)
      lines.push(
        `  Không dùng để so số liệu (không phải báo cáo ${periodKindText(period.kind)} của các năm trước): ${unused.map((p) => p.path).join(", ")}.`,
      );
  }
  if (newest) lines.push(...previousPeriodNotes(c.period, newest).map((n) => `  ${n}`));
  // Two files of one period: the first given is used (historyOrder); said, not silent.
  const firstOf = new Map<string, string>();
  previous.forEach((p, i) => {
    const period = reports[i]?.period;
    if (period === undefined) return;
    const key = `${period.kind}|${period.year}`;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, p.path);
    else
      lines.push(
        `  Lưu ý: ${p.path} cũng là báo cáo tổng hợp ${periodText(period)} như ${first}: chỉ dùng ${first} (tệp ghi trước).`,
      );
  });
  const mismatches = h.warnings.filter((w) => w.finding.code === "PREVIOUS_MISMATCH").length;
  const outliers = h.warnings.length - mismatches;
  // No unit in common (a department's summary given for the province's, another province's): nothing
  // was compared, which "khớp" would hide.
  if (h.comparedDeclared)
    lines.push(
      h.compared === 0
        ? `  Không có đơn vị nào của kỳ này có trong tệp năm trước, nên chưa so được số liệu cùng kỳ năm trước: ${TOOL_WORDS.previousCheck.both} (có đúng bảng tổng hợp năm trước của cùng cấp?).`
        : mismatches === 0
          ? `  Số liệu cùng kỳ năm trước khớp với báo cáo năm trước (${h.compared} đơn vị đã so).`
          : `  ${mismatches} số liệu cùng kỳ năm trước khác báo cáo năm trước (PREVIOUS_MISMATCH, ${TOOL_WORDS.warningsDetail.both}).`,
    );
  if (outliers > 0) {
    lines.push(
      `  ${outliers} số liệu kỳ này bất thường so với chính đơn vị các năm trước (OUTLIER: ngoài trung bình ± ${band.sd} độ lệch chuẩn khi có từ ${band.minYears} năm, hoặc chênh hơn ${band.factor} lần so với năm gần nhất; chỉ là cảnh báo, ${TOOL_WORDS.warningsDetail.both}).`,
    );
  }
  if (h.reshaped.length > 0)
    lines.push(
      `  Không so với năm trước (số liệu không cùng phạm vi đơn vị): ${h.reshaped.map(reshapedText).join("; ")}.`,
    );
  // Units new, gone and missing twice, against the file listed (none when it is this period's own).
  if (h.listedAgainst !== null) lines.push(...membershipLines(c, h, h.listedAgainst));
  // What the consolidation compared with said, for the report's note on its "năm trước" (its totals
  // of the counts reductions are judged on: the figures last period's report was signed with).
  const previousCheck =
    h.comparedDeclared && comparable !== undefined && h.compared > 0
      ? {
          period: comparable.period,
          compared: h.compared,
          units: comparable.units.length,
          totals: Object.fromEntries(
            [...reductionBases(c.form)].map((code) => [
              code,
              comparable.units.reduce((sum, u) => sum + (u.values[code]?.current ?? 0), 0),
            ]),
          ),
        }
      : undefined;
  return {
    consolidation: {
      ...c,
      warnings,
      previousMismatches: h.mismatches,
      ...(previousCheck ? { previousCheck } : {}),
    },
    lines,
    compared: h.comparedDeclared ? h.compared : 0,
  };
}

/** Units new, gone and missing twice against the earlier file `listed` (withPrevious). */
function membershipLines(
  c: Consolidation,
  h: ReturnType<typeof compareWithPrevious>,
  listed: NonNullable<ReturnType<typeof compareWithPrevious>["listedAgainst"]>,
): string[] {
  const against = `tệp ${periodText(listed)}`;
  const lines: string[] = [];
  lines.push(
    h.newUnits.length === 0
      ? `  Đơn vị có báo cáo được chấp nhận kỳ này mà ${against} không có: không có.`
      : `  Đơn vị có báo cáo được chấp nhận kỳ này mà ${against} không có: ${h.newUnits.length} đơn vị (${h.newUnits.join(", ")}).`,
  );
  if (h.merged.length > 0)
    lines.push(
      `  Đơn vị hình thành do sắp xếp (theo cột đơn vị cũ của danh sách), so với tổng số liệu các đơn vị cũ trong ${against}: ${h.merged.map((m) => `${m.unit} (= ${m.from.join(" + ")})`).join("; ")}.`,
    );
  // With a roster, a unit of that file still on it (missing or returned now) is not one that is gone.
  const stillListed = new Set(
    c.rosterGiven
      ? [...c.missing.map((u) => u.code), ...c.returned.filter((u) => u.onRoster).map((u) => u.code)]
      : [],
  );
  const listedGone = h.goneUnits.filter((code) => stillListed.has(code));
  const gone = h.goneUnits.filter((code) => !stillListed.has(code));
  lines.push(
    h.goneUnits.length === 0
      ? `  Đơn vị có trong ${against}, kỳ này không có báo cáo được chấp nhận: không có.`
      : !c.rosterGiven
        ? `  Đơn vị có trong ${against}, kỳ này không có báo cáo được chấp nhận: ${h.goneUnits.length} đơn vị (${h.goneUnits.join(", ")}).`
        : `  Đơn vị có trong ${against}, kỳ này không có báo cáo được chấp nhận: ${[
            ...(listedGone.length > 0
              ? [
                  `${listedGone.length} đơn vị vẫn trong danh sách, chưa nộp hoặc bị trả lại (${listedGone.join(", ")})`,
                ]
              : []),
            ...(gone.length > 0
              ? [`${gone.length} đơn vị không còn trong danh sách kỳ này (${gone.join(", ")})`]
              : []),
          ].join("; ")}.`,
  );
  // Units gone from the roster and none named as a merged unit's predecessors: perhaps a reorganisation
  // the roster does not record yet (their successors' column D then reads as "wrong").
  if (c.rosterGiven && c.formerly === undefined && gone.length > 0)
    lines.push(
      `  Nếu các đơn vị không còn trong danh sách đã được sắp xếp, hợp nhất vào đơn vị khác: thêm cột “Đơn vị cũ” vào danh sách đơn vị, ghi cho mỗi đơn vị mới tên hoặc mã các đơn vị cũ của nó; khi đó tệp gửi dưới mã cũ được tính cho đơn vị mới, và cột D được so với tổng số liệu năm trước của các đơn vị cũ.`,
    );
  // A unit without this period's report nor that file's: two periods without a report. One that sent
  // only another period's report, now or then, is said so, as the Chưa nộp sheet and the report say it.
  // (A file from before RETURNED_SINCE whose rejected files do not all say whose: one may be theirs.)
  const otherNow = new Set(otherPeriodOnlyUnits(c).map((u) => codeKey(u.code)));
  const otherThen = new Set(h.otherPeriodThen);
  const again = h.missingAgain.map((code) => {
    const now = otherNow.has(code);
    const then = otherThen.has(code);
    const only = now && then ? "cả hai kỳ" : now ? "kỳ này" : then ? "kỳ đó" : "";
    return only === "" ? code : `${code}: ${only} chỉ gửi báo cáo của kỳ khác`;
  });
  if (h.missingAgain.length > 0)
    lines.push(
      `  Đơn vị chưa nộp kỳ này, ${against} cũng ghi chưa nộp: ${h.missingAgain.length} đơn vị (${again.join(again.some((a) => a.includes(":")) ? "; " : ", ")}).${
        h.missingAgainUnsure > 0
          ? ` Lưu ý: ${against} do phiên bản KL226 cũ (phát hành trước ngày ${RETURNED_SINCE}) lập, trong đó có ${h.missingAgainUnsure} tệp bị từ chối không xác định được của đơn vị nào; có thể ${h.missingAgain.length > 1 ? "một trong các đơn vị" : "đơn vị"} nêu trên đã nộp kỳ trước nhưng tệp bị từ chối${
              // A file named after one of them ("BC so tu phap.xlsx"): which, as this period's note says it.
              h.missingAgainMaybe.length > 0
                ? `: ${h.missingAgainMaybe.map((m) => `tệp “${baseName(m.file)}” (${MSG.unplacedMaybe(m.code, m.name)})`).join(", ")}`
                : ""
            }.`
          : ""
      }`,
    );
  // Without a roster then (or without the list), "none missing two periods running" would be a guess.
  if (h.missingThenUnknown)
    lines.push(`  Chưa biết đơn vị nào chưa nộp cả kỳ trước: ${against} ${h.missingThenWhy ?? ""}.`);
  return lines;
}
