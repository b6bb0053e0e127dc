// Follow-up letters (SPEC §9): one official letter (công văn, Nghị định 30) per unit that has not
// reported, whose file was returned, that sent files whose figures differ with nothing to tell
// which is meant, whose column D differs from its own report of last year, that is short on a target
// or reported late, each reason worded
// by what happened, with what to send and by when; the letters joined for printing; and the
// summary's "Thư nhắc" sheet, an index of who gets a letter and why.

import type {
  ConflictDetail,
  Duplicate,
  InRollup,
  Consolidation,
  PreviousMismatch,
  RejectedFile,
  Shortfall,
  UnitSummary,
} from "./consolidation";
import { UNDATED_FIRST_OPEN } from "./consolidation";
import {
  contentNotRead,
  arrivedUnderOtherCode,
  laterPeriodReport,
  otherPeriodReport,
  rejectedBesideAccepted,
  latestReturnedFile,
  unplacedRejected,
} from "./file-fates";
import { compareText } from "./text";
import { baseName, fileNameBeside } from "./file-names";
import { compareDates, dayNumber, viDate, type CivilDate } from "./dates";
import { joinDocuments, type Block, type DocumentSpec } from "./docspec";
import {
  addressee,
  baselinePhrase,
  isSenderUnit,
  issuingBody,
  keptCopy,
  letterCode,
  periodPhrase,
  reportersWord,
  resultsPhrase,
  roundTypes,
  targetPhrase,
  valuePhrase,
  type DocumentDates,
} from "./documents";
import type { Finding } from "./findings";
import { pairOf, type Status } from "./judge";
import { mismatchesByUnit, mismatchFigures, verdictChangeSentence } from "./history";
import {
  declaredPeriod,
  indicatorApplies,
  judgedInPeriod,
  type Form,
  type Indicator,
  type PeriodKind,
} from "./form";
import { indicatorValueText, shownGap, targetText } from "./indicator-text";
import { bodyHeading, bodyParagraph, officialDocument, pursuant } from "./official";
import type { Profile } from "./profile";
import { viInteger } from "./format";
import type { CellSpec, CellStyle, SheetSpec, WorkbookSpec } from "./sheetspec";
import { MAX_ROW_HEIGHT, wrappedLines } from "./sheetspec";
import { MSG, periodVerdict, shownFigure, TOOL_WORDS } from "./messages";
import { shownFindings } from "./finding-order";
import { periodDeadlines } from "./template";
import { isUnlikelyReportDate } from "./report-dates";

export type LetterReason =
  "missing" | "returned" | "resent" | "conflict" | "rollup" | "previous" | "short" | "late";

/** One line of a letter's body: a numbered heading, a paragraph or a "- " item of a list. */
export interface LetterLine {
  readonly kind: "heading" | "paragraph" | "item";
  readonly text: string;
}

export interface Letter {
  readonly unit: string;
  readonly name: string;
  readonly reasons: readonly LetterReason[];
  /** What the letter is about ("V/v …"), without the "V/v". */
  readonly subject: string;
  /** The body between "Kính gửi" and the signature. */
  readonly body: readonly LetterLine[];
  /** One short line per reason, for the index sheet. */
  readonly notes: readonly string[];
  /** The letter as plain text ("Kính gửi: …" and the body). */
  readonly text: string;
  /** The letter's own file: "<UNIT_CODE>.docx". */
  readonly fileName: string;
}

export const LETTER_SHEET = "Thư nhắc";
/** The file with every letter, one after the other, for printing. */
export const ALL_LETTERS_FILE = "tat-ca-thu-nhac.docx";

export const REASON_LABELS: Readonly<Record<LetterReason, string>> = {
  missing: "Chưa gửi báo cáo",
  returned: "Báo cáo bị trả lại",
  resent: "Báo cáo gửi lại chưa đạt yêu cầu",
  conflict: "Các tệp báo cáo có số liệu khác nhau",
  rollup: "Báo cáo tổng hợp cần xem lại",
  previous: "Số liệu cùng kỳ năm trước chưa khớp",
  short: "Chỉ tiêu chưa đạt",
  late: "Gửi báo cáo trễ hạn",
};
// A baseline to check comes before the shortfalls judged on it.
const REASON_ORDER: readonly LetterReason[] = [
  "missing",
  "returned",
  "resent",
  "conflict",
  "rollup",
  "previous",
  "short",
  "late",
];

/** "chưa gửi báo cáo 3, báo cáo bị trả lại 29, chỉ tiêu chưa đạt 968": how many letters give each reason. */
export function lettersByReason(letters: readonly Pick<Letter, "reasons">[]): string {
  return REASON_ORDER.flatMap((r) => {
    const n = letters.filter((l) => l.reasons.includes(r)).length;
    return n === 0 ? [] : [`${REASON_LABELS[r].toLowerCase()} ${viInteger(n)}`];
  }).join(", ");
}
/** Errors quoted per returned file; a file with more gets the count of the rest. */
const ERRORS_SHOWN = 15;

/**
 * A unit code as a file name: codes are [A-Z0-9_.-]; roster codes are not checked as strictly. A
 * name Windows keeps for a device (CON, NUL, COM1…, whatever follows the first dot), a hidden name
 * (".X") or one a shell reads as an option ("-X") gets a "_" in front.
 */
export function letterFileName(unit: string): string {
  const safe = unit.replace(/[^A-Za-z0-9_.-]/g, "_");
  const guarded = /^[.-]|^$/.test(safe) || /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i.test(safe);
  return `${guarded ? `_${safe}` : safe}.docx`;
}

/**
 * The check a unit runs before sending, named as the unit knows it: the Excel add-in its Sở handed
 * out, or the same check's page. The letters named it "phần bổ trợ KL226", the product's name, which a CCHC unit (whose error
 * may be to have used the KL226 form) cannot place.
 */
function checkTool(sender: string): string {
  // The same check runs in a browser (the add-in's page on the Sở's server, SPEC §10): a commune
  // clerk without the add-in was left with nothing to check her file with.
  return `chức năng “Kiểm tra” của phần bổ trợ Excel hoặc của trang kiểm tra báo cáo trên trình duyệt do ${sender} cung cấp`;
}

/**
 * "Trang “Chỉ tiêu”, ô E5: …": where the clerk finds the error, then what to type (the message says
 * it), worded for the unit that receives the letter (`unitMessage`). A missing sheet has no place to
 * point at: its message names it.
 */
export function errorLine(f: Finding, sender: string): string {
  const where =
    f.code === "NOT_TEMPLATE"
      ? ""
      : f.sheet && f.cell
        ? `Trang “${f.sheet}”, ô ${f.cell}: `
        : f.sheet
          ? `Trang “${f.sheet}”: `
          : "";
  return `${where}${unitMessage(f, sender)}`;
}

/** Warnings about a returned file's shape that its letter asks to mend with the errors. */
// (UNKNOWN_UNIT on a returned file: its code mistyped, the unit known by its name.)
const SHAPE_WARNINGS: ReadonlySet<string> = new Set([
  "MERGED_CELLS",
  "COPIED_SHEET",
  "HIDDEN_SHEET",
  "STALE_FORMULA",
  "LEGACY_TEXT",
  "UNKNOWN_UNIT",
]);

const SUMMARY_TEXT =
  /^Tệp này là bảng tổng hợp do KL226 lập .*không phải báo cáo của một đơn vị theo mẫu (\S+)\./;
const FORM_MISMATCH_TEXT =
  /^Tệp là báo cáo theo mẫu (\S+), không phải mẫu (\S+) (?:của hồ sơ đã chọn\.|của bảng tổng hợp này \()/;

/**
 * A finding's message as the unit reads it in a letter: no command or button of ours, and for a file
 * of another form, what to send (its message to the analyst says how to consolidate it elsewhere).
 */
function unitMessage(f: Finding, sender: string): string {
  const mismatch = f.code === "FORM_MISMATCH" ? FORM_MISMATCH_TEXT.exec(f.message) : null;
  if (mismatch !== null) return MSG.formMismatchToUnit(mismatch[1]!, mismatch[2]!);
  // A summary sent as a report: its message also tells the consolidating office where to keep summaries.
  const summary = f.code === "NOT_TEMPLATE" ? SUMMARY_TEXT.exec(f.message) : null;
  if (summary !== null) return MSG.summaryNotReportToUnit(summary[1]!, sender);
  return letterStyle(f.message.replace(TOOL_WORDS.template.both, `(mẫu do ${sender} gửi)`));
}

/**
 * How many files and folders whose content was not read (contentNotRead: not opened on this machine,
 * our bug, or an archive not unpacked): while there is one, no letter is drawn at all. What they hold
 * is not known — a report, a unit's corrected resend — and whose cannot be told from names alone (a folder above the inbox, "BC … gửi Sở Nội vụ", a code
 * with a suffix, two names in one file name: testers broke each guess), so any letter could be the
 * wrong one. The command and the summary say so; the letters come once every file is read.
 */
export function lettersHeldBy(c: Pick<Consolidation, "rejected">): string[] {
  return c.rejected.filter(contentNotRead).map((r) => baseName(r.file));
}

/** Why a report under a code the roster lacks was counted as this unit's, and the code to write. */
function recodedLine(
  u: Pick<UnitSummary, "file" | "declaredCode" | "recodedBy" | "name">,
  unit: string,
  sender: string,
): string {
  const file = `Tệp báo cáo “${baseName(u.file)}” ghi Mã đơn vị ${u.declaredCode ?? ""}`;
  switch (u.recodedBy) {
    case "former":
      return `${file}, là đơn vị cũ nay thuộc đơn vị theo danh sách đơn vị sau sắp xếp; ${sender} đã tính là báo cáo của đơn vị. Đề nghị đơn vị ghi mã ${unit} và tên “${u.name}” ở các lần báo cáo sau.`;
    case "code":
      return `${file}, không có trong danh sách đơn vị, chỉ khác mã ${unit} của đơn vị ở dấu “_”, “.” hay “-”; ${sender} đã tính là báo cáo của đơn vị. Đề nghị đơn vị ghi đúng mã ${unit} ở các lần báo cáo sau.`;
    case "figures":
      return `${file}, không có trong danh sách đơn vị, mà mọi số liệu trùng với báo cáo đơn vị gửi dưới mã ${unit}; ${sender} đã tính là cùng một báo cáo của đơn vị. Đề nghị đơn vị ghi đúng mã ${unit} ở các lần báo cáo sau.`;
    default:
      return `${file}, không có trong danh sách đơn vị; ${sender} đã tính là báo cáo của đơn vị theo tên đơn vị. Đề nghị đơn vị ghi đúng mã ${unit} ở các lần báo cáo sau.`;
  }
}

/**
 * A message written to the clerk at the keyboard ("Hãy nhập…", "đừng sửa…") in the style of an
 * official letter: "Đề nghị đơn vị nhập…", "không sửa…", "Cần kiểm tra…" (a signing analyst found
 * the imperatives colloquial in a letter from the Sở).
 */
export function letterStyle(message: string): string {
  // A capital only where a sentence starts: after a colon or a semicolon the clause goes on ("Đây là
  // số đếm: cần nhập số nguyên", a clerk and an auditor read "…: Cần nhập" as a slip).
  const opening = (lead: string, word: string): string =>
    `${lead}${lead === "" || /\.\s*$/.test(lead) ? word.charAt(0).toUpperCase() : word.charAt(0)}${word.slice(1)}`;
  return message
    .replace(/(^|[.;:]\s+)Hãy\s+/gu, (_, lead: string) => `${opening(lead, "đề nghị")} đơn vị `)
    .replace(/([,;:(]\s*)hãy\s+/gu, "$1đề nghị đơn vị ")
    .replace(/(^|[.;:]\s+)Đừng\s+/gu, (_, lead: string) => `${opening(lead, "không")} `)
    .replace(/(\s)đừng\s+/gu, "$1không ")
    .replace(BARE_IMPERATIVE, (order: string, lead: string, verb: string, at: number, text: string) =>
      // A step after a comma in a clause that already asks ("Đề nghị đơn vị mở tệp trong Excel, chọn
      // Tệp → Lưu thành …, chép số liệu …") goes on with that request: "cần chọn" read as a new order.
      lead.includes(",") && REQUEST.test(text.slice(clauseStart(text, at), at))
        ? order
        : `${opening(lead, "cần")} ${verb.toLowerCase()} `,
    );
}

const REQUEST = /đề nghị đơn vị/iu;

/** Where the clause holding `at` starts: after the last full stop, semicolon or colon before it. */
function clauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  return Math.max(0, ...[...before.matchAll(/[.;:]\s/gu)].map((m) => m.index + m[0].length));
}

// A sentence or clause that starts with a bare order to the clerk ("Nhập số nguyên…", "…; kiểm tra
// lại hai số này"): one Sở does not give another bare orders in a signed letter. Said as what is
// needed ("Cần nhập…"), not one more "Đề nghị" per error line: the letter asks once, at its end.
// After a comma too ("Nếu không có, ghi số 0" → "…, cần ghi số 0"), but not a column's "ghi chú".
const BARE_IMPERATIVE =
  /(^|[.;:,]\s+)(Nhập|Chọn|Kiểm tra|Sửa|Đổi|Xóa|Ghi(?! chú)|Điền|Gõ|Dùng|Bỏ|Thêm|Chép|Gửi lại)\s+/giu;

/** "Tỷ lệ hội nghị trực tuyến: đạt 33,3%, mục tiêu từ 60% trở lên; cần thêm 24 cuộc họp trực tuyến để đạt mục tiêu." */
export function shortfallLine(ind: Indicator, s: Pick<Shortfall, "value" | "gap">): string {
  const gap = shownGap(ind, s.gap, s.value);
  return `${ind.label}: ${valuePhrase(ind, s.value, "short")}, ${targetPhrase(ind)}${gap ? `; ${gap}` : ""}.`;
}

interface Draft {
  name: string;
  readonly sections: Map<LetterReason, { lines: LetterLine[]; notes: string[] }>;
  /** A returned file was another period's report: this period's report is asked for, not the file mended. */
  anotherPeriod?: boolean;
  /** Every returned file was a template sent back unfilled: the filled report is asked for, not a mended one. */
  blankOnly?: boolean;
  /** Every returned file was a report of another form: this form's report is asked for, not a mended file. */
  otherFormOnly?: boolean;
  /** Two former units' own reports beside each other: one joint report is asked for, not which is right. */
  jointReport?: boolean;
}

/** "kỳ 6 tháng hạn ngày 06/6, kỳ năm hạn ngày 06/12": every period of the form with its deadline. */
/**
 * ": kỳ quý IV hạn ngày 15/12, kỳ năm hạn ngày 15/12": the deadlines of the letter's year still ahead
 * of its date (a September letter names no March deadline); "" when none is left that year, as the
 * profile (a year's plan, often) cannot promise next year's.
 */
function nextDeadlinesText(form: Form, date: CivilDate): string {
  const ahead = periodDeadlines(form).filter((_, i) => {
    const d = form.periods[i]!.deadline;
    return compareDates({ year: date.year, month: d.month, day: d.day }, date) > 0;
  });
  return ahead.length === 0
    ? ""
    : `: ${ahead.map((p) => `kỳ ${p.label.charAt(0).toLowerCase()}${p.label.slice(1)} hạn ngày ${p.due}`).join(", ")}`;
}

/** A consolidation's letters, drafted once: those to send, and those the sending body would write to itself. */
export interface DraftedLetters {
  /**
   * Sorted by urgency, then unit code. A unit whose file was returned is told what to fix, never that
   * nothing arrived; a unit whose returned file was replaced by an accepted one is not told of the
   * returned file; a file whose unit is unknown cannot be addressed.
   */
  readonly toUnits: readonly Letter[];
  /**
   * To the body that sends them: a Sở Nội vụ that consolidates is also one of the province's
   * departments, on the roster and short of a target like any other. No letter goes to it ("Kính gửi:
   * Sở Nội vụ" from the Sở Nội vụ); the command and the page say so, and the summary lists it.
   */
  readonly toSender: readonly Letter[];
}

/** Every letter of `c`, drafted once (a thousand units take ≈ 0.1 s); none while lettersHeldBy. */
export function draftedLetters(c: Consolidation, profile: Profile, dates: DocumentDates): DraftedLetters {
  if (lettersHeldBy(c).length > 0) return { toUnits: [], toSender: [] };
  const all = draftLetters(c, profile, dates);
  const own = (l: Letter): boolean => isSenderUnit(l.name, profile.organisation);
  return { toUnits: all.filter((l) => !own(l)), toSender: all.filter(own) };
}

/** The letters to send (DraftedLetters.toUnits). */
export function followUpLetters(c: Consolidation, profile: Profile, dates: DocumentDates): readonly Letter[] {
  return draftedLetters(c, profile, dates).toUnits;
}

/** The letters the sending body would write to itself (DraftedLetters.toSender). */
export function lettersToSender(c: Consolidation, profile: Profile, dates: DocumentDates): readonly Letter[] {
  return draftedLetters(c, profile, dates).toSender;
}

function draftLetters(c: Consolidation, profile: Profile, dates: DocumentDates): Letter[] {
  const org = profile.organisation;
  const form = c.form;
  const sender = org.sender;
  const period = periodPhrase(c.period);
  const drafts = new Map<string, Draft>();
  const add = (unit: string, name: string, reason: LetterReason, lines: LetterLine[], note: string): void => {
    let d = drafts.get(unit);
    if (!d) drafts.set(unit, (d = { name, sections: new Map() }));
    const section = d.sections.get(reason) ?? { lines: [], notes: [] };
    section.lines.push(...lines);
    section.notes.push(note);
    d.sections.set(reason, section);
  };
  const p = (text: string): LetterLine => ({ kind: "paragraph", text });
  const item = (text: string): LetterLine => ({ kind: "item", text });

  // Before the report deadline a unit that has sent nothing still has time: no "chưa nhận được"
  // letter then (returned files and shortfalls can be followed up any day).
  const beforeDeadline = c.deadline !== null && compareDates(dates.date, c.deadline) <= 0;
  // A rejected file that names no unit, whose name holds a missing unit's (unplacedRejected): that
  // unit may have sent it, so its letter names the file and why it could not be used.
  const guessed = new Map<string, RejectedFile[]>();
  for (const f of unplacedRejected(c)) {
    const r = f.maybe === null ? undefined : c.rejected.find((x) => x.file === f.file);
    if (f.maybe !== null && r !== undefined)
      guessed.set(f.maybe.code, [...(guessed.get(f.maybe.code) ?? []), r]);
  }
  // A file named for a missing unit that holds another unit's code, by the rule the terminal, the
  // summary and Phụ lục III point at it by (arrivedUnderOtherCode: "bao cao so_30 (gui lai).xlsx" too).
  const arrived = arrivedUnderOtherCode(c);
  for (const u of c.missing) {
    // Most likely this unit's report on a copied file, so the letter says what arrived and what to correct.
    const misnamed = (arrived.get(u.code) ?? []).map((f) =>
      p(
        `${sender} có nhận được tệp “${f.file}” mang mã của đơn vị ở tên tệp, nhưng ô Mã đơn vị trong tệp ghi ${f.unit}, nên tệp ${f.accepted ? "được tính là báo cáo" : "được xem là tệp"} của ${f.unit}. Nếu tệp đó là báo cáo của đơn vị, khi gửi lại xin sửa ô Mã đơn vị (trang “Thông tin”) thành ${u.code}.`,
      ),
    );
    const unread = (guessed.get(u.code) ?? []).map((r) =>
      p(
        `${sender} có nhận được tệp “${baseName(r.file)}”, có thể là báo cáo của đơn vị (tên tệp gần với tên đơn vị), nhưng tệp không dùng được. ${letterStyle(r.findings.find((f) => f.severity === "error")?.message ?? r.findings[0]?.message ?? "")}`,
      ),
    );
    // Before the deadline, only a unit whose report arrived under another code or unread is written to.
    if (beforeDeadline && misnamed.length === 0 && unread.length === 0) continue;
    add(
      u.code,
      u.name,
      "missing",
      [
        p(
          `Đến ngày ${viDate(dates.date)}, ${sender} chưa nhận được báo cáo ${period} ${unread.length > 0 ? "dùng được " : ""}của đơn vị.`,
        ),
        ...misnamed,
        ...unread,
      ],
      "Chưa gửi báo cáo.",
    );
  }

  // Only a returned unit is written to about its files: not one whose report was accepted or
  // reached us inside a roll-up, nor one of another regime (consolidate decides `returned`).
  const returnedUnits = new Map(c.returned.map((u) => [u.code, u]));
  const returnedFiles = new Map<string, RejectedFile[]>();
  for (const r of c.rejected) {
    if (r.unit === null || !returnedUnits.has(r.unit)) continue;
    const files = returnedFiles.get(r.unit);
    if (files) files.push(r);
    else returnedFiles.set(r.unit, [r]);
  }
  for (const [unit, files] of returnedFiles) {
    const name = returnedUnits.get(unit)?.name ?? files[0]!.unitName ?? unit;
    // Only another period's own report received (the next round's, or last round's again): nothing to
    // return, this period's report is what is missing, and the letter asks for it as for a unit that sent nothing.
    const otherOnly = returnedUnits.get(unit)?.otherPeriods !== undefined;
    const reason: LetterReason = otherOnly ? "missing" : "returned";
    // Another period's own reports are no versions of this period's: not "replaced" by it, nor it by them.
    const others = files.filter((f) => otherPeriodReport(f, c.period));
    const thisPeriod = files.filter((f) => !otherPeriodReport(f, c.period));
    // A unit that sent again: only its latest file's errors are asked for; the earlier ones it
    // replaced are named, not listed again (a clerk was asked to fix "1,200" already fixed).
    const latest = latestReturnedFile(thisPeriod);
    for (const r of latest ? [latest, ...thisPeriod.filter((f) => f !== latest)] : thisPeriod) {
      if (latest && r !== latest) {
        const same = r.sha256 === latest.sha256;
        // Two files of one name (sent in two e-mails): told apart by their dates, else by which came first.
        const twin = baseName(r.file) === baseName(latest.file);
        const dated =
          r.reportDate !== null &&
          latest.reportDate !== null &&
          compareDates(r.reportDate, latest.reportDate) !== 0;
        const tell = (f: RejectedFile, order: string): string => {
          const told = dated && f.reportDate !== null ? `ngày báo cáo ${viDate(f.reportDate)}` : order;
          return `“${baseName(f.file)}”${twin ? ` (${told})` : ""}`;
        };
        const earlier = tell(r, "bản trước");
        const later = tell(latest, "bản sau");
        add(
          unit,
          name,
          "returned",
          [
            p(
              same
                ? `Tệp ${later} giống hệt tệp ${earlier} đơn vị đã gửi trước đó: các lỗi trên chưa được sửa.`
                : `Tệp ${earlier} đơn vị gửi trước đó không cần sửa nữa: tệp ${later} gửi sau thay cho tệp đó.`,
            ),
          ],
          `Tệp ${earlier}: ${same ? "giống hệt" : "đã được thay bằng"} tệp ${later}.`,
        );
        continue;
      }
      const { lines, errors, blank, anotherPeriod, otherForm } = returnedFile(
        r,
        sender,
        form.id,
        period,
        c.deadline,
      );
      const why = blank ? "chưa có số liệu (mẫu chưa điền)" : `${errors} lỗi`;
      add(unit, name, reason, lines, `Tệp “${baseName(r.file)}” bị trả lại: ${why}.`);
      if (anotherPeriod) drafts.get(unit)!.anotherPeriod = true;
      const draft = drafts.get(unit)!;
      draft.blankOnly = blank && draft.blankOnly !== false;
      draft.otherFormOnly = otherForm && draft.otherFormOnly !== false;
    }
    // Each other period's report said once, a sentence each. The first of a unit that sent nothing
    // else opens its letter (received, whose it is, this period's not received), the others' sentences
    // right after that opening, before what to do.
    const ownOf = (r: RejectedFile) => (laterPeriodReport(r, c.period) ? "later" : "earlier");
    const noteOf = (r: RejectedFile) =>
      `Tệp “${baseName(r.file)}” là báo cáo ${ownOf(r) === "later" ? "kỳ sau" : "kỳ trước"}; ${otherOnly ? "chưa có báo cáo kỳ này" : "không tổng hợp vào kỳ này"}.`;
    const sentences = (list: readonly RejectedFile[]) =>
      list.map((r) => p(otherPeriodSentence(r, period, ownOf(r))));
    // (A unit off the roster that sent only such files is not `otherPeriods`, but its letter reads the same.)
    const [first, ...rest] = others;
    if (thisPeriod.length === 0 && first !== undefined) {
      const { lines } = returnedFile(first, sender, form.id, period, c.deadline, undefined, ownOf(first));
      add(unit, name, reason, [...lines.slice(0, 1), ...sentences(rest), ...lines.slice(1)], noteOf(first));
      drafts.get(unit)!.anotherPeriod = true;
    } else if (first !== undefined) add(unit, name, reason, sentences(others), noteOf(first));
    for (const r of rest) add(unit, name, reason, [], noteOf(r));
    if (reason === "returned" && sameDayReturned(thisPeriod))
      add(
        unit,
        name,
        "returned",
        [
          p(
            "Các tệp trên cùng Ngày báo cáo nên chưa rõ tệp nào là bản đơn vị muốn gửi: đề nghị sửa tệp đúng rồi gửi lại một tệp.",
          ),
        ],
        "Các tệp cùng Ngày báo cáo: chưa rõ tệp nào là bản đơn vị muốn gửi.",
      );
  }

  // A correction that failed: the unit's newer file was rejected and its older one is what the
  // summary counts. It is told, with the errors, or it believes its new figures are in.
  const corrected = new Map<string, { files: RejectedFile[]; kept: UnitSummary }>();
  for (const [r, { kept, sent }] of rejectedBesideAccepted(c)) {
    if (sent !== "after") continue;
    const entry = corrected.get(kept.code);
    if (entry) entry.files.push(r);
    else corrected.set(kept.code, { files: [r], kept });
  }
  for (const [unit, { files, kept }] of corrected) {
    // Several tries: the latest one's errors (each has a date: it is dated after the kept report).
    const file = latestReturnedFile(files) ?? (files[0] as RejectedFile);
    const sent = file.reportDate === null ? "" : ` (ngày báo cáo ${viDate(file.reportDate)})`;
    const { lines, errors } = returnedFile(
      file,
      sender,
      form.id,
      period,
      c.deadline,
      (which) =>
        `Tệp “${baseName(file.file)}”${sent} đơn vị gửi sau để thay thế có ${which}, nên chưa được sử dụng:`,
    );
    add(
      unit,
      kept.name,
      "resent",
      [
        p(
          `Bảng tổng hợp đang dùng số liệu của tệp “${baseName(kept.file)}” (ngày báo cáo ${viDate(kept.reportDate)}) đơn vị gửi trước.`,
        ),
        ...lines,
        p(
          `Nếu đơn vị muốn thay bằng số liệu mới, đề nghị sửa ${errors === 1 ? "lỗi" : "các lỗi"} trên và gửi lại${kept.late ? "" : `; ${sender} vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn (ngày ${viDate(kept.firstReportDate ?? kept.reportDate)})`}.`,
        ),
      ],
      `Tệp “${baseName(file.file)}” gửi sau chưa dùng được: ${errors} lỗi; đang dùng tệp “${baseName(kept.file)}”.`,
    );
  }

  // A unit whose newer file is not used is told which file its shortfalls are judged on.
  const resentUnits = new Map([...corrected].map(([unit, { kept }]) => [unit, baseName(kept.file)]));

  // Column D that differs from the unit's own report of that period (PREVIOUS_MISMATCH, with
  // `--previous`): the unit is asked to check it, and told which verdict it decides.
  const unitsByCode = new Map(c.units.map((u) => [u.code, u]));
  // Two files of the unit with other figures where neither date nor name tells which is meant (a
  // conflict): the unit is asked which is right, or, for its former units' own reports, for one joint
  // report. Not when a roll-up was kept over the unit's own report (that choice is the rule, not a
  // doubt), nor for a unit whose report only a roll-up counts.
  const conflicts = new Map<string, Array<Duplicate & { readonly asked: ConflictDetail }>>();
  for (const d of c.duplicates) {
    if (!d.conflict || d.asked === undefined || d.keptRollupUnits > 0 || !unitsByCode.has(d.unit)) continue;
    conflicts.set(d.unit, [...(conflicts.get(d.unit) ?? []), { ...d, asked: d.asked }]);
  }
  for (const [unit, list] of conflicts) {
    const { lines, note, parts } = conflictSection(list, sender);
    add(unit, unitsByCode.get(unit)!.name, "conflict", lines, note);
    if (parts) drafts.get(unit)!.jointReport = true;
  }

  // A unit's own file dated after the one a roll-up summed (or the same day, unlike it): the summary
  // counts the roll-up's figures (IN_ROLLUP), so the roll-up's unit is asked for a new roll-up, as the
  // command's line says (the unit itself is not written to: its figures are counted, through the roll-up).
  const staleRollups = new Map<string, InRollup[]>();
  for (const r of c.inRollup)
    if (r.stale !== undefined) staleRollups.set(r.rollupUnit, [...(staleRollups.get(r.rollupUnit) ?? []), r]);
  for (const [unit, list] of staleRollups) {
    const name = unitsByCode.get(unit)?.name ?? unit;
    const one = list.length === 1;
    const [first, ...rest] = list.map((r) => ({ line: item(staleRollupLine(r)), note: staleRollupNote(r) }));
    add(
      unit,
      name,
      "rollup",
      [
        p(
          `${sender} nhận được báo cáo riêng của ${one ? "đơn vị" : `${countWord(list.length)} đơn vị`} dưới đây, khác với tệp mà báo cáo tổng hợp của đơn vị (tệp “${baseName(list[0]!.rollup)}”) đã tính:`,
        ),
        first!.line,
        ...rest.map((r) => r.line),
        p(
          `Để số liệu không bị tính hai lần, bảng tổng hợp của ${sender} đang dùng số liệu trong báo cáo tổng hợp của đơn vị, chưa gồm ${one ? "tệp" : "các tệp"} trên. Nếu số liệu của ${one ? "đơn vị" : "các đơn vị"} trên đã thay đổi, đề nghị đơn vị tổng hợp lại và gửi báo cáo tổng hợp mới; nếu không, đề nghị đơn vị xác nhận số liệu đã tổng hợp vẫn đúng.`,
        ),
      ],
      first!.note,
    );
    for (const r of rest) add(unit, name, "rollup", [], r.note);
  }

  for (const [unit, list] of mismatchesByUnit(c.previousMismatches ?? [])) {
    const reportedIn = list[0]!.reportedIn;
    add(
      unit,
      unitsByCode.get(unit)?.name ?? unit,
      "previous",
      [
        p(
          list[0]!.from === undefined
            ? `Số liệu cùng kỳ năm trước (cột D, trang “Chỉ tiêu”) trong báo cáo của đơn vị khác với số liệu chính đơn vị đã báo cáo ${reportedIn}:`
            : `Số liệu cùng kỳ năm trước (cột D, trang “Chỉ tiêu”) trong báo cáo của đơn vị khác với tổng số liệu các đơn vị cũ hợp thành đơn vị (${list[0]!.from.join(", ")}) đã báo cáo ${reportedIn}:`,
        ),
        ...list.map((m) =>
          item(
            `“${m.label}”${m.cell ? ` (ô ${m.cell})` : ""}: báo cáo kỳ này ghi ${viInteger(m.declared)}, ${m.from === undefined ? `báo cáo ${m.reportedIn} ghi` : `tổng các đơn vị cũ trong báo cáo ${m.reportedIn} là`} ${viInteger(m.reported)}.${m.changes.map((ch) => ` ${verdictChangeSentence(ch)}`).join("")}`,
          ),
        ),
        p(
          "Đề nghị đơn vị kiểm tra lại; nếu số liệu năm trước đã được điều chỉnh, nêu rõ lý do. Kết quả các chỉ tiêu được tính theo số liệu đơn vị xác nhận.",
        ),
      ],
      `Cột D khác báo cáo ${reportedIn}: ${list.map(mismatchNote).join("; ")}.`,
    );
  }

  const byId = new Map(form.indicators.map((i) => [i.id, i]));
  const shortByUnit = new Map<string, { name: string; items: Array<{ ind: Indicator; s: Shortfall }> }>();
  for (const s of c.shortfalls) {
    const ind = byId.get(s.indicator);
    if (!ind) continue;
    const entry = shortByUnit.get(s.unit) ?? { name: s.unitName, items: [] };
    entry.items.push({ ind, s });
    shortByUnit.set(s.unit, entry);
  }
  for (const [unit, { name, items }] of shortByUnit) {
    add(
      unit,
      name,
      "short",
      [
        p(
          `${resentUnits.has(unit) ? `Theo số liệu của tệp “${resentUnits.get(unit)}” đang được tổng hợp, báo` : conflicts.has(unit) ? `Theo số liệu của tệp “${baseName(conflicts.get(unit)![0]!.kept)}” đang tạm dùng (mục trên), báo` : "Báo"} cáo của đơn vị có ${items.length} chỉ tiêu chưa đạt mục tiêu:`,
        ),
        ...items.map(({ ind, s }) => item(shortfallLine(ind, s))),
        p(
          "Đơn vị cần phân tích nguyên nhân, nêu giải pháp khắc phục trong văn bản giải trình (kèm số liệu cập nhật, nếu có).",
        ),
      ],
      // "Giảm hội nghị (≥ 10%): tăng 20,0%": an increase in words, as the letter says it, not "-20,0%".
      `Chưa đạt: ${items.map(({ ind, s }) => `${ind.short} (${targetText(ind)}): ${ind.kind === "reduction" ? valuePhrase(ind, s.value, "short") : indicatorValueText(ind, s.value, "short")}`).join("; ")}.`,
    );
  }

  for (const u of c.units) {
    // A unit whose late report is an update of one sent on time is not told it was late.
    if (!u.late || u.firstReportDate) continue;
    const deadline = c.deadline;
    const days = deadline ? dayNumber(u.reportDate) - dayNumber(deadline) : 0;
    // A mistyped year (UNLIKELY_DATE) is asked about, not counted as years of delay.
    const typo = c.period !== null && isUnlikelyReportDate(u.reportDate, c.period);
    const after = typo
      ? `, được tính là sau hạn gửi báo cáo${deadline ? ` (ngày ${viDate(deadline)})` : ""}; năm ${u.reportDate.year} có thể do gõ nhầm, đơn vị kiểm tra lại Ngày báo cáo`
      : deadline
        ? `, chậm ${days} ngày so với hạn gửi báo cáo (ngày ${viDate(deadline)})`
        : ", sau hạn gửi báo cáo";
    // A rejected file of the unit with Ngày báo cáo blank may have come by the deadline: nothing tells
    // (its modified time is not kept), so the letter says it cannot, and the sender checks its receipt.
    const undatedNote =
      u.firstReportUndated === undefined
        ? ""
        : ` Tệp “${baseName(u.firstReportUndated)}” của đơn vị không ghi Ngày báo cáo, nên chưa xác định được đơn vị gửi tệp đó trước hay sau hạn.`;
    add(
      u.code,
      u.name,
      "late",
      [
        p(
          `Báo cáo của đơn vị đề ngày ${viDate(u.reportDate)}${after}.${undatedNote} Đề nghị đơn vị bảo đảm thời hạn gửi báo cáo trong các kỳ tới${nextDeadlinesText(form, dates.date)}.`,
        ),
      ],
      `Trễ hạn: báo cáo đề ngày ${viDate(u.reportDate)}${deadline ? ` (hạn ${viDate(deadline)})` : ""}${u.firstReportUndated === undefined ? "" : `; tệp “${baseName(u.firstReportUndated)}” không ghi ngày, ${UNDATED_FIRST_OPEN}`}.`,
    );
  }

  const send: Readonly<Record<Exclude<LetterReason, "late">, string>> = {
    missing: `báo cáo ${period} theo mẫu ${form.id}`,
    returned: "tệp báo cáo đã sửa lỗi",
    resent: "tệp báo cáo đã sửa lỗi (nếu thay số liệu đang được tổng hợp)",
    conflict: "văn bản cho biết tệp báo cáo nào đúng (hoặc gửi lại tệp đúng)",
    rollup: "báo cáo tổng hợp mới (hoặc văn bản xác nhận số liệu đã tổng hợp vẫn đúng)",
    previous:
      "số liệu cùng kỳ năm trước đã kiểm tra lại (tệp báo cáo đã sửa, hoặc văn bản nêu lý do điều chỉnh)",
    short: "văn bản giải trình các chỉ tiêu chưa đạt",
  };
  // The most urgent first (not sent, returned, column D unlike last year's report, then short, late), each in code order: with a
  // thousand units, the letters asking for a report were at the end of 1,271 printed pages.
  const urgency = (d: Draft): number => REASON_ORDER.findIndex((r) => d.sections.has(r));
  const recodedUnits = new Map(c.units.filter((u) => u.declaredCode !== undefined).map((u) => [u.code, u]));
  // Who the round's reports come from: the same in every letter, read from every unit once.
  const reporters = reportersWord(roundTypes(c));
  // Where the plan has the units send: "về Sở Y tế tỉnh Đồng Tháp (qua Phòng Tổ chức cán bộ)".
  const via = org.unitsReportVia === undefined ? "" : ` (qua ${org.unitsReportVia})`;
  return [...drafts.entries()]
    .sort(([a, da], [b, db]) => urgency(da) - urgency(db) || compareText(a, b))
    .map(([unit, d]) => {
      const reasons = REASON_ORDER.filter((r) => d.sections.has(r));
      const numbered = reasons.length > 1;
      const body: LetterLine[] = [
        p(
          `${pursuant(form.subject)}, ${sender} đã tiếp nhận, tổng hợp báo cáo ${resultsPhrase(form, c.period)} của các ${reporters}${c.deadline ? ` (hạn gửi báo cáo: ngày ${viDate(c.deadline)})` : ""}. Qua rà soát, ${sender} đề nghị ${addressee(d.name)} thực hiện các nội dung sau:`,
        ),
      ];
      reasons.forEach((r, i) => {
        if (numbered) body.push({ kind: "heading", text: `${i + 1}. ${REASON_LABELS[r]}` });
        body.push(...(d.sections.get(r)?.lines ?? []));
      });
      // Known by its name under a code the roster lacks: the letter it gets anyway says which code to write.
      const recoded = recodedUnits.get(unit);
      if (recoded) body.push(p(recodedLine(recoded, unit, sender)));
      // A reduction not judged for want of a baseline (column D 0), told to a unit written to anyway:
      // a new unit has none, but a 0 typed for a blank is the unit's to correct.
      const baseless = unitsByCode.get(unit);
      const unjudged = baseless ? reductionsWithoutBaseline(baseless, form, c.period?.kind ?? null) : [];
      // Column D as the form heads it ("cùng kỳ năm trước"; a profile may name the year).
      const baseline = baselinePhrase(form);
      if (unjudged.length > 0 && baseless)
        body.push(
          p(
            `${unjudged.map((ind) => `Chỉ tiêu “${ind.label}” chưa đánh giá được vì ${columnDCell(baseless, ind)} (${baseline}) ghi 0`).join("; ")}. Nếu đơn vị có số liệu ${baseline}, đề nghị ghi đúng số vào đó và gửi lại tệp báo cáo.`,
          ),
        );
      const toSend = [
        ...reasons
          .filter((r): r is Exclude<LetterReason, "late"> => r !== "late")
          .map((r) =>
            r === "returned" && (d.anotherPeriod || d.otherFormOnly === true)
              ? send.missing
              : r === "returned" && d.blankOnly === true
                ? "tệp báo cáo đã điền đủ số liệu"
                : r === "conflict" && d.jointReport
                  ? `báo cáo chung của đơn vị theo mẫu ${form.id}`
                  : send[r],
          ),
        ...(unjudged.length > 0 && !reasons.some((r) => r === "returned" || r === "resent")
          ? [`tệp báo cáo đã bổ sung số liệu ${baseline} (nếu có)`]
          : []),
      ];
      if (toSend.length > 0)
        body.push(
          p(
            `Đề nghị ${addressee(d.name)} gửi ${listText(toSend)} về ${sender}${via} trước ngày ${viDate(dates.replyBy)}.`,
          ),
        );
      body.push(p("Trân trọng./."));
      const subject = letterSubject(reasons, resultsPhrase(form, c.period));
      const text = [`V/v ${subject}`, `Kính gửi: ${addressee(d.name)}`, "", ...body.map(lineText)].join("\n");
      const notes = reasons.flatMap((r) => d.sections.get(r)?.notes ?? []);
      return { unit, name: d.name, reasons, subject, body, notes, text, fileName: letterFileName(unit) };
    });
}

const STATUS_WORDS: Readonly<Record<Status, string>> = {
  met: "đạt",
  short: "chưa đạt",
  na: "chưa đánh giá được",
};

/** "“Tổng số hội nghị…” 62 (báo cáo năm 2025 ghi 54; tính theo số đó thì Giảm hội nghị chưa đạt)", for the index sheet. */
function mismatchNote(m: PreviousMismatch): string {
  const changes = m.changes.map((ch) => `“${ch.indicator.short}” ${STATUS_WORDS[ch.reported.status]}`);
  const then = changes.length > 0 ? `; tính theo số đó thì ${changes.join(", ")}` : "";
  return mismatchFigures(m, then);
}

/**
 * The reductions a unit is not judged on because its column D is 0: those that apply to its type and
 * that this period judges (one that does not apply, or a yearly one in a quarter, is "—" for another
 * reason, and the letter must not blame column D).
 */
/** "ô D5 trang “Chỉ tiêu”": where a reduction's column D was read (its row when known). */
function columnDCell(u: UnitSummary, ind: Indicator): string {
  const row = ind.kind === "reduction" ? u.countRows?.[ind.of] : undefined;
  return row === undefined ? "cột D trang “Chỉ tiêu”" : `ô D${row} trang “Chỉ tiêu”`;
}

function reductionsWithoutBaseline(u: UnitSummary, form: Form, period: PeriodKind | null): Indicator[] {
  return form.indicators.filter(
    (ind) =>
      ind.kind === "reduction" &&
      indicatorApplies(ind, u.typeId) &&
      judgedInPeriod(ind, period) &&
      pairOf(u.values, ind.of).previous === 0 &&
      pairOf(u.values, ind.of).current !== null,
  );
}

/** Two or more different files of one unit, all returned, whose latest ones share their report date. */
function sameDayReturned(files: readonly RejectedFile[]): boolean {
  return (
    files.length > 1 && latestReturnedFile(files) === undefined && files.every((f) => f.reportDate !== null)
  );
}

/** Another period's own report beside a unit's other files: whose period it is, in one sentence. */
function otherPeriodSentence(r: RejectedFile, period: string, own: "later" | "earlier"): string {
  const declared = declaredPeriod(r);
  const dated = r.reportDate ? ` (đề ngày ${viDate(r.reportDate)})` : "";
  return `Tệp “${baseName(r.file)}” là báo cáo ${declared ? periodPhrase(declared) : "kỳ khác"}${dated}, ${own === "later" ? "được giữ để tổng hợp vào kỳ đó" : `không phải báo cáo ${period}`}; không cần sửa ô Kỳ báo cáo của tệp này.`;
}

function returnedFile(
  r: RejectedFile,
  sender: string,
  formId: string,
  period: string,
  deadline: CivilDate | null,
  /**
   * A failed correction's own opening, `which` being "lỗi sau" / "2 lỗi sau" (its unit's report is
   * counted, so no "trả lại", and the caller says how its on-time report stands).
   */
  opening?: (which: string) => string,
  /**
   * Another period's own report, nothing in it to return: a later period's (laterPeriodReport), kept for
   * that round, or an earlier one's, the unit's only file (its report of this period is missing).
   */
  own?: "later" | "earlier",
): { lines: LetterLine[]; errors: number; blank: boolean; anotherPeriod: boolean; otherForm: boolean } {
  // In the order the clerk's own check lists them (sheet, then row and column), to tick off one against the other.
  // A template sent unfilled: its blank cells in two items, not 22 alike ones (shownFindings).
  const all = shownFindings(
    r.findings.filter((f) => f.severity === "error"),
    r.blank,
  );
  const blank = r.blank === true && !all.some((f) => periodVerdict(f) === "keep");
  // Another period's report (or roll-up): mending this file is not what is asked, so its other
  // errors are not listed either (they are of a file that will not be used).
  const anotherPeriod = all.some((f) => periodVerdict(f) === "keep");
  const errors = anotherPeriod ? all.filter((f) => f.code === "PERIOD_MISMATCH") : all;
  // A report of another form (another regime's): a report on this form is asked for, not the file
  // mended, and it was not this period's report sent on time.
  const otherForm = !anotherPeriod && errors.length > 0 && errors.every((f) => f.code === "FORM_MISMATCH");
  // Another period's report: said once, in the letter's words for periods ("quý II năm 2025"); what
  // to do follows in the paragraphs below (the clerk's message asked for it too: three requests).
  const declared = declaredPeriod(r);
  const dated = r.reportDate ? ` (đề ngày ${viDate(r.reportDate)})` : "";
  const ownReport = own !== undefined && anotherPeriod && declared !== null;
  const shown = ownReport
    ? []
    : anotherPeriod && declared !== null
      ? [
          {
            kind: "item" as const,
            text: `Tệp là báo cáo ${periodPhrase(declared)}${dated}, không phải báo cáo ${period}; không cần sửa ô Kỳ báo cáo của tệp này.`,
          },
        ]
      : errors.slice(0, ERRORS_SHOWN).map((f): LetterLine => ({ kind: "item", text: errorLine(f, sender) }));
  if (errors.length > ERRORS_SHOWN) {
    shown.push({
      kind: "item",
      text: `Ngoài ra còn ${errors.length - ERRORS_SHOWN} lỗi khác (chức năng kiểm tra nêu dưới đây liệt kê đủ).`,
    });
  }
  const which = errors.length === 1 ? "lỗi sau" : `${errors.length} lỗi sau`;
  // Warnings about the file's shape (merged cells, a copied sheet, stale formulas) would survive the
  // resubmission if left out: the unit mends them in the same pass.
  const shape = anotherPeriod
    ? []
    : r.findings.filter((f) => f.severity === "warning" && SHAPE_WARNINGS.has(f.code));
  // The other warnings are not listed, but said to be there: a clerk who mended every listed line took
  // the check's "Cảnh báo … nhập dạng chữ" for a new failure.
  // (Not one at the cell of a listed error: the same slip, mended with it.)
  const errorCells = new Set(errors.map((f) => `${f.sheet}!${f.cell}`));
  const otherWarnings = anotherPeriod
    ? 0
    : r.findings.filter(
        (f) =>
          f.severity === "warning" && !SHAPE_WARNINGS.has(f.code) && !errorCells.has(`${f.sheet}!${f.cell}`),
      ).length;
  return {
    errors: errors.length,
    blank,
    anotherPeriod,
    otherForm,
    lines: [
      {
        kind: "paragraph",
        text:
          opening?.(which) ??
          (ownReport
            ? `${sender} đã nhận được tệp “${baseName(r.file)}” của đơn vị: tệp là báo cáo ${periodPhrase(declared)}${dated}, ${own === "later" ? "được giữ để tổng hợp vào kỳ đó" : `không phải báo cáo ${period}`} (không cần sửa ô Kỳ báo cáo của tệp này). ${sender} chưa nhận được báo cáo ${period} của đơn vị.`
            : blank
              ? `${sender} đã nhận được tệp báo cáo “${baseName(r.file)}” của đơn vị nhưng phải trả lại, chưa tổng hợp được: tệp chưa có số liệu nào (các ô số liệu ở trang “Chỉ tiêu” và cột Tình trạng ở trang “Nhiệm vụ” đều còn trống). Có thể đơn vị đã gửi nhầm tệp mẫu chưa điền: nếu báo cáo đã điền ở một tệp khác, đề nghị gửi tệp đó; nếu chưa, đề nghị điền đủ các ô sau:`
              : `${sender} đã nhận được tệp báo cáo “${baseName(r.file)}” của đơn vị nhưng phải trả lại, chưa tổng hợp được, vì tệp có ${which}:`),
      },
      ...shown,
      ...(shape.length > 0
        ? [
            { kind: "paragraph" as const, text: "Khi sửa, xin sửa cả những điểm sau:" },
            ...shape.map((f): LetterLine => ({ kind: "item", text: errorLine(f, sender) })),
          ]
        : []),
      {
        kind: "paragraph",
        text: anotherPeriod
          ? `Đề nghị đơn vị lập báo cáo ${period} trên mẫu ${formId} (không cần sửa tệp đã gửi) và kiểm tra bằng ${checkTool(sender)}.`
          : errors.every((f) => f.code === "UNREADABLE")
            ? // A file that could not be read at all (cut short, a PDF, a password): nothing in it to mend.
              `Trước khi gửi lại, đề nghị đơn vị kiểm tra tệp báo cáo (.xlsx, theo mẫu ${formId}) bằng ${checkTool(sender)}.`
            : otherForm
              ? // A report of another form: a new report on this one, not the file mended.
                `Trước khi gửi báo cáo lập trên mẫu ${formId}, đề nghị đơn vị kiểm tra tệp bằng ${checkTool(sender)}.`
              : `Sau khi ${blank ? "điền đủ các ô trên" : `sửa ${errors.length === 1 ? "lỗi" : "các lỗi"} trên`} trong tệp báo cáo (.xlsx, theo mẫu ${formId}), đơn vị kiểm tra lại tệp bằng ${checkTool(sender)}.${otherWarnings > 0 ? ` Chức năng này có thể nêu thêm ${otherWarnings} cảnh báo (không bắt buộc sửa: tệp vẫn được tiếp nhận nếu chỉ còn cảnh báo).` : ""}`,
      },
      // Sent by the deadline: the corrected file may carry the day it is sent again (consolidate
      // records the first one, firstReportDate), so no clerk is tempted to keep an old date.
      // Not for a blank template: a date on an unfilled form is no report sent by the deadline.
      ...(opening === undefined &&
      !anotherPeriod &&
      !otherForm &&
      !blank &&
      deadline !== null &&
      r.reportDate !== null &&
      compareDates(r.reportDate, deadline) <= 0
        ? [
            {
              kind: "paragraph" as const,
              text: `Khi gửi lại, đề nghị đơn vị ghi Ngày báo cáo là ngày gửi lại; ${sender} vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn (ngày ${viDate(r.reportDate)}).`,
            },
          ]
        : []),
    ],
  };
}

/** "V/v …" by the letter's first reason; a letter about shortfalls that also says the report came late names both. */
function letterSubject(reasons: readonly LetterReason[], results: string): string {
  const first = reasons[0] ?? "late";
  if (first === "short" && reasons.includes("late"))
    return `các chỉ tiêu chưa đạt và thời hạn gửi báo cáo ${results}`;
  switch (first) {
    case "missing":
      return `đôn đốc gửi báo cáo ${results}`;
    case "returned":
      return `trả lại và đề nghị gửi lại báo cáo ${results}`;
    case "resent":
      return reasons.includes("short")
        ? `bản gửi lại báo cáo ${results} chưa dùng được và các chỉ tiêu chưa đạt`
        : `bản gửi lại báo cáo ${results} chưa dùng được`;
    case "conflict":
      return reasons.includes("short")
        ? `xác nhận số liệu và các chỉ tiêu chưa đạt trong báo cáo ${results}`
        : `xác nhận số liệu báo cáo ${results}`;
    case "rollup":
      return reasons.includes("short")
        ? `xem lại báo cáo tổng hợp và các chỉ tiêu chưa đạt trong báo cáo ${results}`
        : `xem lại báo cáo tổng hợp ${results}`;
    case "previous":
      return reasons.includes("short")
        ? `kiểm tra số liệu cùng kỳ năm trước và các chỉ tiêu chưa đạt trong báo cáo ${results}`
        : `kiểm tra số liệu cùng kỳ năm trước trong báo cáo ${results}`;
    case "short":
      return `các chỉ tiêu chưa đạt trong báo cáo ${results}`;
    case "late":
      return `thời hạn gửi báo cáo ${results}`;
  }
}

/** The file the roll-up summed, as its hidden sheet names it: "“PHONG_A.xlsx”, ngày báo cáo 02/06/2026". */
function summedFile(r: InRollup, withDate: boolean): string {
  const parts = [
    ...(r.summed.file === "" ? [] : [`“${r.summed.file}”`]),
    ...(withDate && r.summed.reportDate !== "" ? [`ngày báo cáo ${r.summed.reportDate}`] : []),
  ];
  const via = r.summed.via === undefined ? "" : `, qua báo cáo tổng hợp của ${r.summed.via}`;
  return parts.length === 0 && via === ""
    ? ""
    : ` (${parts.join(", ")}${parts.length > 0 ? via : via.slice(2)})`;
}

/** "Phòng A (PHONG_A): tệp “PHONG_A (gui lai).xlsx”": whose file the roll-up does not hold. */
function staleFile(r: InRollup): string {
  return `${r.unitName} (${r.unit}): tệp “${baseName(r.file)}”`;
}

/** A roll-up unit's letter: one unit's own file that its roll-up does not hold (InRollup.stale). */
function staleRollupLine(r: InRollup): string {
  const who = staleFile(r);
  return r.stale === "same day"
    ? `${who} cùng ngày báo cáo ${viDate(r.reportDate)} với tệp đơn vị đã tổng hợp${summedFile(r, false)} nhưng không giống hệt tệp đó; đề nghị đơn vị cho biết tệp nào đúng.`
    : `${who}, ngày báo cáo ${viDate(r.reportDate)}, lập sau tệp đơn vị đã tổng hợp${summedFile(r, true)}.`;
}

/** The same, for the index sheet. */
function staleRollupNote(r: InRollup): string {
  const who = staleFile(r);
  return r.stale === "same day"
    ? `${who} cùng ngày báo cáo với tệp đã tổng hợp, khác tệp đó.`
    : `${who} ngày báo cáo ${viDate(r.reportDate)}, sau tệp đã tổng hợp${r.summed.reportDate === "" ? "" : ` (ngày báo cáo ${r.summed.reportDate})`}.`;
}

/**
 * The letter's section for a unit's files whose figures differ (conflicts, the one kept first in
 * `list`): how many came, the one in use, each other one (identical copies as one) with where it first
 * differs, what the results follow, and what to send.
 */
function conflictSection(
  list: ReadonlyArray<Duplicate & { readonly asked: ConflictDetail }>,
  sender: string,
): { lines: LetterLine[]; note: string; parts: boolean } {
  const p = (text: string): LetterLine => ({ kind: "paragraph", text });
  const item = (text: string): LetterLine => ({ kind: "item", text });
  const kept = list[0]!;
  const keptFile = baseName(kept.kept);
  const parts = list.some((d) => d.asked.parts);
  const recoded = list.some((d) => d.asked.keptCode !== undefined || d.asked.droppedCode !== undefined);
  const dated = (code: string | undefined, date: CivilDate): string =>
    `(${code !== undefined ? `ghi mã ${code}, ` : ""}ngày báo cáo ${viDate(date)})`;
  // Files of one name (attachments of two e-mails) told apart as the one in use and the others.
  const named = (file: string, inUse: boolean): string =>
    `“${baseName(file)}”${!inUse && baseName(file) === keptFile ? " (bản khác cùng tên)" : ""}`;
  // Copies identical to each other are one item ("giống hệt nhau"): their figures are one set.
  const groups = new Map<string, Array<(typeof list)[number]>>();
  for (const d of list) groups.set(d.droppedSha256, [...(groups.get(d.droppedSha256) ?? []), d]);
  const count = list.length + 1;
  const sameDay = list.every((d) => compareDates(d.asked.keptReportDate, d.droppedReportDate) === 0);
  // On one day the date is said once, above; a code other than the unit's is said for each file.
  const tagOf = (code: string | undefined, date: CivilDate): string =>
    sameDay ? (code !== undefined ? ` (ghi mã ${code})` : "") : ` ${dated(code, date)}`;
  const lines = [
    p(
      `${sender} nhận được ${countWord(count)} tệp báo cáo của đơn vị có số liệu khác nhau${sameDay ? `, cùng Ngày báo cáo ${viDate(kept.asked.keptReportDate)}, nên chưa rõ tệp nào là bản gửi sau` : ""}:`,
    ),
    item(
      `Tệp ${named(kept.kept, true)}${tagOf(kept.asked.keptCode, kept.asked.keptReportDate)}: là tệp đang được tạm dùng để tổng hợp.`,
    ),
    ...[...groups.values()].map((same) => {
      const d = same[0]!;
      const diff = d.asked.difference;
      return item(
        `Tệp ${same.map((x) => named(x.dropped, false)).join(" và ")}${same.length > 1 ? " (giống hệt nhau)" : ""}${tagOf(d.asked.droppedCode, d.droppedReportDate)} ghi “${diff.label}” (${diff.column}) là ${shownFigure(diff.here)}, tệp đang dùng ghi ${shownFigure(diff.there)}.`,
      );
    }),
    p(
      parts
        ? `Bảng tổng hợp đang tạm tính số liệu của đơn vị theo tệp “${keptFile}”; số liệu của ${list.length === 1 ? "tệp kia" : "các tệp kia"} chưa được tính.`
        : `Số liệu và kết quả các chỉ tiêu của đơn vị (kể cả chỉ tiêu chưa đạt nêu trong văn bản này, nếu có) đang tính theo tệp “${keptFile}”; nếu đơn vị xác nhận tệp khác là đúng, các kết quả đó được tính lại theo tệp ấy.`,
    ),
    p(
      parts
        ? "Nếu mỗi tệp là báo cáo riêng của một đơn vị cũ nay hợp thành đơn vị, đề nghị đơn vị lập một báo cáo chung, cộng số liệu các đơn vị cũ, ghi mã và tên mới của đơn vị."
        : `Đề nghị đơn vị cho biết tệp nào đúng. Nếu tệp đúng không phải tệp đang dùng, đề nghị gửi lại tệp đó với Ngày báo cáo (trang “Thông tin”) là ngày gửi lại${recoded ? `; nếu một tệp không phải báo cáo của đơn vị, đề nghị cho biết để ${sender} hỏi lại nơi gửi` : ""}.`,
    ),
  ];
  return {
    lines,
    note: `${countWord(count, true)} tệp số liệu khác nhau: ${list.map((d) => `“${fileNameBeside(d.dropped, d.kept)}”`).join(", ")} và “${fileNameBeside(kept.kept, kept.dropped)}” (đang dùng).`,
    parts,
  };
}

/** "hai", "ba" … "mười" for a count of files in a sentence; digits beyond; `capital` for a line's start. */
function countWord(n: number, capital = false): string {
  const words = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];
  const w = words[n] ?? viInteger(n);
  return capital ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

/** "A và B", "A; B và C": what a letter asks to send, as a sentence lists it. */
function listText(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join("; ")} và ${items[items.length - 1]}`;
}

function lineText(l: LetterLine): string {
  return l.kind === "item" ? `- ${l.text}` : l.text;
}

/** A letter as an official document (Nghị định 30): heading, "Số:      /SNV-…", V/v, Kính gửi, body, Nơi nhận, signer. */
export function letterDocument(letter: Letter, profile: Profile, dates: DocumentDates): DocumentSpec {
  const org = profile.organisation;
  const body: Block[] = letter.body.map((l) =>
    l.kind === "heading" ? bodyHeading(l.text) : bodyParagraph(lineText(l)),
  );
  return officialDocument({
    organisation: issuingBody(org),
    code: letterCode(org),
    date: dates.date,
    kind: { letter: true, subject: letter.subject },
    recipients: [addressee(letter.name)],
    body,
    copies: ["Như trên", keptCopy(org, true)],
  });
}

/** Every letter in one file for printing: each starts on a new page with its own page numbers. */
export function lettersDocument(
  letters: readonly Letter[],
  profile: Profile,
  dates: DocumentDates,
): DocumentSpec {
  return joinDocuments(
    letters.map((l) => letterDocument(l, profile, dates)),
    `Thư nhắc ${letters.length} đơn vị`,
  );
}

const HEAD: CellStyle = { bold: true, fill: "D9E2F3", border: true, wrap: true, vAlign: "center" };
const WRAP: CellStyle = { wrap: true, vAlign: "top", border: true };
const WIDTHS = [22, 32, 22, 70, 24];

/** The letter's file as written: "SO_A-moi.docx" and why, when it went beside an edited SO_A.docx. */
function letterFileCell(fileName: string, placedAs: ReadonlyMap<string, string>): string {
  const placed = placedAs.get(fileName);
  return placed === undefined || placed === fileName
    ? fileName
    : `${placed}\n(thư mới; ${fileName} là bản đã được sửa, giữ nguyên)`;
}

/**
 * The summary's `Thư nhắc` sheet, replacing any earlier one: an index of the letters (unit, reasons,
 * one short line per reason, the letter's file), not their text: the .docx files are the letters.
 * `placedAs` maps a file name to the one a letter was written under instead (beside a letter someone
 * edited, which is never replaced: `SO_A.docx` → `SO_A-moi.docx`), so the sheet names the file there.
 */
export function withLetterSheet(
  spec: WorkbookSpec,
  letters: readonly Letter[],
  folder?: string,
  placedAs: ReadonlyMap<string, string> = new Map(),
  /** Files not opened (lettersHeldBy): no letter was drawn, said instead of "no unit to remind". */
  heldBy: readonly string[] = [],
  /** The sending body's own (lettersToSender): listed, with why it has no letter, for it to follow up. */
  toSender: readonly Letter[] = [],
): WorkbookSpec {
  const rowsOf = [
    ...letters.map((l) => ({ l, file: letterFileCell(l.fileName, placedAs) })),
    ...toSender.map((l) => ({ l, file: "Không lập thư: cơ quan gửi thư, tự theo dõi" })),
  ];
  // The folder by its own name: a printed sheet does not carry the path of one machine.
  const name = folder
    ?.replace(/[\\/]+$/, "")
    .split(/[\\/]/)
    .pop();
  const where = name ? ` trong thư mục ${name}` : "";
  const rows: Array<Array<CellSpec | null>> = [
    [{ value: "THƯ NHẮC CÁC ĐƠN VỊ", style: { bold: true, size: 13, color: "1F3864" } }],
    [
      {
        value:
          heldBy.length > 0
            ? MSG.lettersHeld(heldBy)
            : letters.length === 0
              ? "Không có đơn vị nào cần nhắc."
              : `${letters.length} đơn vị cần nhắc. Mỗi đơn vị một văn bản Word (.docx)${where}, tệp ${placedAs.get(ALL_LETTERS_FILE) ?? ALL_LETTERS_FILE} gồm tất cả để in.`,
        style: { italic: true },
      },
    ],
    [],
    ["Mã đơn vị", "Tên đơn vị", "Lý do", "Nội dung chính", "Tệp thư"].map((h) => ({ value: h, style: HEAD })),
    ...rowsOf.map(({ l, file }) => [
      { value: l.unit, style: WRAP },
      { value: l.name, style: WRAP },
      { value: l.reasons.map((r) => REASON_LABELS[r]).join("; "), style: WRAP },
      { value: l.notes.join("\n"), style: WRAP },
      { value: file, style: WRAP },
    ]),
  ];
  // Heights for the wrapped cells (LibreOffice keeps one line unless told).
  const rowHeights: Record<number, number> = {};
  rowsOf.forEach(({ l, file }, i) => {
    const cells = [
      l.unit,
      l.name,
      l.reasons.map((r) => REASON_LABELS[r]).join("; "),
      l.notes.join("\n"),
      file,
    ];
    const lines = Math.max(...cells.map((text, c) => wrappedLines(text, (WIDTHS[c] ?? 10) - 2)));
    if (lines > 1) rowHeights[4 + i] = Math.min(MAX_ROW_HEIGHT, lines * 15);
  });
  const sheet: SheetSpec = {
    name: LETTER_SHEET,
    rows,
    columnWidths: WIDTHS,
    rowHeights,
    freeze: { rows: 4, cols: 0 },
    autoFilter: rowsOf.length > 0 ? `A4:E${4 + rowsOf.length}` : undefined,
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: "4:4",
      ...(spec.title ? { header: { center: `${spec.title} – ${LETTER_SHEET}` } } : {}),
      footer: { center: "Trang {page}/{pages}" },
    },
  };
  return { ...spec, sheets: [...spec.sheets.filter((s) => s.name !== LETTER_SHEET), sheet] };
}
