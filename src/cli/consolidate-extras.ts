// Optional outputs of kl226 consolidate: the roll-up for the level above (--as-unit/--name/--type
// --rollup), the documents it sends (--letters, --report, dated --letter-date, --reply-by) and the files of
// last year's comparison (--previous; the comparison itself is src/app/previous.ts).

import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "../core/zod";
import type { Consolidation } from "../core/consolidation";
import { compareDates, dateFromUtcMs, dayNumber, viDate, type CivilDate } from "../core/dates";
import {
  defaultReplyBy,
  documentDateConcerns,
  isSenderUnit,
  latestReportDate,
  vietnamDate,
  weekendName,
  type DocumentDates,
} from "../core/documents";
import {
  ALL_LETTERS_FILE,
  LETTER_SHEET,
  letterFileName,
  lettersByReason,
  type DraftedLetters,
  type Letter,
} from "../core/letters";
import type { Profile, RosterUnit } from "../core/profile";
import { rollupRefusal, rollupReportDate, rollupWorkbook, type RollupUnit } from "../core/rollup";
import { unitCodeSchema, unitNameSchema, unitTypeSchema } from "../core/unit-schema";
import type { Form } from "../core/form";
import { NODE_ZIP_CODEC } from "../xlsx/node-deflate";
import { writeXlsx } from "../xlsx/write";
import { isEarlierOutput, isUneditedSummary, isUneditedWorkbook } from "./earlier-output";
import { fsReason, readBytes, refuseReadOnly, UsageError, writeAtomic } from "./io";
import { previousFromBytes, PreviousUnreadable, type PreviousFile } from "../app/previous";
import { dateOption } from "./options";
import { signalSaid, withSignalsHeld } from "./signals";

/**
 * The Word writer (app/documents.ts: the letters, the report and their renderer), set up only when
 * --letters or --report asks for a document: every other run starts without it.
 */
const wordDocuments = (): Promise<typeof import("../app/documents")> => import("../app/documents");

/** The option keys consolidate adds for the roll-up (merged into its zod object). */
export const rollupOptionShape = {
  rollup: z
    .string()
    .min(1, "cần tên tệp, ví dụ --rollup tong-hop-cap-tren.xlsx")
    .regex(/\.xlsx$/i, "tệp tổng hợp gửi cấp trên phải có đuôi .xlsx")
    .optional(),
  "as-unit": unitCodeSchema.optional(),
  name: unitNameSchema.optional(),
  type: unitTypeSchema.optional(),
};

export const ROLLUP_TOGETHER =
  "--rollup cần đủ --as-unit MÃ --name TÊN --type LOẠI (đơn vị đứng tên báo cáo gửi cấp trên), và ba tùy chọn này chỉ dùng cùng --rollup";

/** All of --rollup, --as-unit, --name, --type, or none of them. */
export function rollupOptionsTogether(o: {
  rollup?: string;
  "as-unit"?: string;
  name?: string;
  type?: string;
}): boolean {
  const given = [o.rollup, o["as-unit"], o.name, o.type].filter((v) => v !== undefined).length;
  return given === 0 || given === 4;
}

export interface RollupRequest {
  readonly out: string;
  readonly unit: RollupUnit;
}

export function rollupRequest(o: {
  rollup?: string;
  "as-unit"?: string;
  name?: string;
  type?: RollupUnit["typeId"];
}): RollupRequest | undefined {
  if (o.rollup === undefined || o["as-unit"] === undefined || o.name === undefined || o.type === undefined)
    return undefined;
  return { out: o.rollup, unit: { code: o["as-unit"], name: o.name, typeId: o.type } };
}

/** A roll-up needs a period: checked before anything is written (exit 2, nothing half-written). */
export function checkRollupPeriod(c: Consolidation, profile: Profile): void {
  if (c.period === null) {
    const kinds = profile.form.periods.map((p) => p.kind).join("|");
    throw new UsageError(
      `Không lập được báo cáo tổng hợp gửi cấp trên (--rollup): chưa xác định được kỳ báo cáo. Hãy thêm --period ${kinds} --year NĂM.`,
    );
  }
}

/**
 * Write the roll-up atomically; returns the line for the human summary and whether it was written.
 * A roll-up that `rollupRefusal` refuses (no accepted report, or one that would sum the unit's own
 * report) is not written; the summary and its Lỗi sheet, written before, say what to fix.
 */
export function writeRollup(
  c: Consolidation,
  profile: Profile,
  request: RollupRequest,
  /** --letter-date: the roll-up is dated as the documents sent with it (rollupWorkbook). */
  date?: CivilDate,
): { readonly line: string; readonly written: boolean; readonly path?: string } {
  checkRollupPeriod(c, profile);
  const refusal = rollupRefusal(c, request.unit);
  if (refusal !== null) {
    // A roll-up of an earlier run left at that path is now out of date: it must not be sent as this one.
    const stale = existsSync(request.out)
      ? ` Tệp ${request.out} đang có là của lần chạy trước, không được cập nhật: đừng gửi tệp đó lên cấp trên.`
      : "";
    return { line: `Chưa lập báo cáo tổng hợp gửi cấp trên (--rollup): ${refusal}${stale}`, written: false };
  }
  // One the department edited and saved (its Khó khăn typed in before sending) is kept, as the summary.
  const at = placeWorkbook(request.out, isUneditedWorkbook, "báo cáo gửi cấp trên");
  writeAtomic(at.path, writeXlsx(rollupWorkbook(c, profile, request.unit, date), NODE_ZIP_CODEC));
  at.write();
  const dated = date ?? rollupReportDate(c);
  return {
    line: [
      `Báo cáo tổng hợp gửi cấp trên (mẫu ${profile.form.id}, đơn vị ${request.unit.code}, ${c.units.length} đơn vị, đề ngày ${dated === null ? "" : viDate(dated)}${date === undefined ? ": ngày báo cáo sau cùng của các đơn vị; --letter-date để ghi ngày khác" : " theo --letter-date"}): ${at.path}`,
      ...at.kept,
      ...at.notes,
    ].join("\n"),
    written: true,
    path: at.path,
  };
}

/** The option keys consolidate adds for the documents it sends (SPEC §9), merged into its zod object. */
export const lettersOptionShape = {
  letters: z.string().min(1, "cần tên thư mục, ví dụ --letters thu-nhac").optional(),
  report: z
    .string()
    .min(1, "cần tên tệp, ví dụ --report bao-cao.docx")
    .regex(/\.docx$/i, "báo cáo là văn bản Word, tên tệp có đuôi .docx, ví dụ --report bao-cao.docx")
    .optional(),
  "letter-date": dateOption("12/06/2026").optional(),
  "reply-by": dateOption("19/06/2026").optional(),
};

export const LETTER_DATE_NEEDS_DOCUMENTS =
  "chỉ dùng cùng --letters THƯ_MỤC, --report BÁO_CÁO.docx hoặc --rollup BÁO_CÁO.xlsx (ngày của thư, của báo cáo và của báo cáo gửi cấp trên)";
export const REPLY_BY_NEEDS_LETTERS = "chỉ dùng cùng --letters THƯ_MỤC (hạn đơn vị trả lời trong thư nhắc)";

type DocumentOptions = {
  letters?: string;
  report?: string;
  rollup?: string;
  "letter-date"?: CivilDate;
  "reply-by"?: CivilDate;
};
/** --letter-date only with --letters or --report. */
export const letterDateUsed = (o: DocumentOptions): boolean =>
  o["letter-date"] === undefined ||
  o.letters !== undefined ||
  o.report !== undefined ||
  o.rollup !== undefined;
/** --reply-by only with --letters. */
export const replyByUsed = (o: DocumentOptions): boolean =>
  o["reply-by"] === undefined || o.letters !== undefined;

/** Today in Việt Nam: the CLI reads the clock, the core never does. */
export function todayInVietnam(now: number = Date.now()): CivilDate {
  return vietnamDate(now);
}

/**
 * The dates of the letters and the report: --letter-date (default today in Việt Nam) and --reply-by
 * (default a week later, moved off a weekend; docs/DECISIONS.md). A reply-by not after the letter is a usage error.
 */
export function documentDates(
  o: { "letter-date"?: CivilDate; "reply-by"?: CivilDate },
  today: CivilDate = todayInVietnam(),
): DocumentDates {
  const date = o["letter-date"] ?? today;
  const replyBy = o["reply-by"] ?? defaultReplyBy(date);
  if (compareDates(replyBy, date) <= 0)
    throw new UsageError(
      `Hạn trả lời --reply-by ${viDate(replyBy)} phải sau ngày của thư ${viDate(date)} (--letter-date, mặc định hôm nay).`,
    );
  return { date, replyBy };
}

/** A week after a deadline, moved to the next working day; the reply a week later (defaultReplyBy). */
export function weekAfterDeadline(deadline: CivilDate): DocumentDates {
  let day = dayNumber(deadline) + 7;
  while (weekendName(dateFromUtcMs(day * 86_400_000)) !== undefined) day++;
  const date = dateFromUtcMs(day * 86_400_000);
  return { date, replyBy: defaultReplyBy(date) };
}

/**
 * What to check about the date the documents carry before signing them (core/documents.ts): a
 * weekend, or a date long after the round's deadline. `defaulted`: the date is today's, not one the
 * user gave.
 */
export function documentDateNotes(c: Consolidation, dates: DocumentDates, defaulted: boolean): string[] {
  const how = defaulted ? " (mặc định là hôm nay)" : "";
  const { weekend, afterDeadline } = documentDateConcerns(dates.date, c.deadline);
  const notes: string[] = [];
  if (weekend !== undefined)
    notes.push(
      `  Lưu ý: văn bản đề ngày ${viDate(dates.date)}${how}, là ${weekend}; nếu cần ngày làm việc, đặt --letter-date dd/mm/yyyy.`,
    );
  if (afterDeadline !== undefined)
    notes.push(
      `  Lưu ý: văn bản đề ngày ${viDate(dates.date)}${how}, ${afterDeadline.days} ngày sau hạn nộp báo cáo của kỳ (${viDate(afterDeadline.deadline)}); nếu đang tổng hợp lại một kỳ đã qua, đặt --letter-date và --reply-by theo ngày của đợt đó.`,
    );
  return notes;
}

/** What kl226 wrote into a letters folder, so a re-run removes the letters it no longer needs. */
export const LETTERS_RECORD = ".kl226-thu-nhac.json";
// `incomplete`: written before a run replaces the letters, removed once all are written; still there,
// the run stopped half-way (a power cut, kill -9, a full disk) and old and new letters are mixed.
const manifestSchema = z.object({ files: z.array(z.string()), incomplete: z.boolean().optional() });

/**
 * Whether the letters in `dir` were left half-replaced by a run that stopped while writing them (its
 * record still says so): the next run says it, and one that holds the letters too.
 */
export function lettersLeftIncomplete(dir: string): boolean {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(dir, LETTERS_RECORD), "utf8")));
    return parsed.success && parsed.data.incomplete === true;
  } catch {
    return false;
  }
}

/** Said when a run finds the letters a run before it left half-replaced. */
export function lettersIncompleteSaid(dir: string): string {
  return `lần chạy trước đã dừng giữa chừng khi đang ghi thư nhắc vào ${dir} (máy tắt, tiến trình bị dừng hẳn, hoặc hết chỗ trống), nên thư trong đó lẫn thư của hai lần chạy`;
}

/**
 * A file name kl226 may have written there and may remove: a letter or the combined file (.docx).
 * The .txt letters of versions before 2026-06 are not: those versions kept no manifest, so nothing
 * tells such a letter from one an officer edited or a note saved under a unit's code (textLetters).
 */
function looksLikeOurs(name: string): boolean {
  return /^[A-Za-z0-9_.-]+\.docx$/.test(name) && !name.startsWith(".");
}

/** The `<CODE>.txt` of units in `known` there: an old version's letters, maybe edited, or the user's own files. */
function textLetters(listing: readonly string[], known: ReadonlySet<string>): string[] {
  const names = new Set([...known].map((code) => letterFileName(code).replace(/\.docx$/, ".txt")));
  return listing.filter((name) => names.has(name));
}

function previousFiles(dir: string): string[] {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(dir, LETTERS_RECORD), "utf8")));
    return parsed.success ? parsed.data.files.filter(looksLikeOurs) : [];
  } catch {
    return [];
  }
}

/**
 * A Word file there that is not one KL226 wrote and nobody has saved since: a letter a clerk edited
 * before sending, a report whose section VI the analyst wrote (Word and LibreOffice put the editor's
 * name in its properties, src/cli/earlier-output.ts), or another document of that name.
 */
function editedDocument(path: string): boolean {
  return isFile(path) && !isEarlierOutput(path, "docx");
}

/** A folder of that name is no document: writing there fails and says so (cli-output-gone.test.ts). */
function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

/** The names in `dir`, none when it does not exist yet. */
function namesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

// "-moi" in lower case, as this run writes it: a unit code (upper case) that ends in "-MOI" names a
// letter of its own, not a copy beside another unit's (its letter was removed on a re-run).
const BESIDE = /^(.*)-moi(?:-\d+)?\.(docx|xlsx)$/;

/** The document a file name stands for: "SO_A-moi-2.docx" → "SO_A.docx" (the copies written beside an edited one). */
function mainName(name: string): string {
  const m = BESIDE.exec(name);
  return m ? `${m[1]}.${m[2]}` : name;
}

/** Where a document goes, and what of its family (it and the copies beside it) is kept or out of date. */
interface Placement {
  /** The name written: the document's own, or `…-moi.docx` (`-moi-2`, …) beside an edited one. */
  readonly target: string;
  /** Edited by someone since KL226 wrote them: never replaced or removed. */
  readonly kept: readonly string[];
  /** Written by KL226 beside an edited one on an earlier run, superseded by `target`: removed. */
  readonly outdated: readonly string[];
}

/** A folder's names by the document they stand for (lower case): "so_a.docx" → SO_A.docx, SO_A-moi.docx. */
type Families = ReadonlyMap<string, readonly string[]>;

function familiesOf(listing: readonly string[]): Families {
  const families = new Map<string, string[]>();
  for (const n of listing) {
    const key = mainName(n).toLowerCase();
    const list = families.get(key);
    if (list) list.push(n);
    else families.set(key, [n]);
  }
  return families;
}

/**
 * Places document `name` in `dir` (`families`: the folder's names before this run wrote there): in
 * its own name unless someone edited the file there (a re-run after a late file came in wiped the
 * analyst's section VI), then beside it; one copy of KL226's, never one per run.
 */
function placeDocument(
  dir: string,
  name: string,
  families: Families,
  /** Whether the file at a path is KL226's as it wrote it (replaceable). */
  ours: (path: string) => boolean = (path) => isEarlierOutput(path, "docx"),
): Placement {
  const family = (families.get(name.toLowerCase()) ?? []).filter((n) => isFile(join(dir, n)));
  const kept = family.filter((n) => !ours(join(dir, n)));
  const dot = name.lastIndexOf(".");
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  const names = [
    name,
    ...Array.from({ length: 99 }, (_, i) => `${base}-moi${i === 0 ? "" : `-${i + 1}`}${ext.toLowerCase()}`),
  ];
  const target = names.find((n) => !kept.some((k) => k.toLowerCase() === n.toLowerCase()));
  if (target === undefined)
    throw new UsageError(
      `${join(dir, name)} và ${base}-moi…${ext} đều là tệp đã được sửa; hãy chuyển chúng sang thư mục khác rồi chạy lại.`,
    );
  return { target, kept, outdated: family.filter((n) => n !== target && !kept.includes(n)) };
}

/**
 * Where the summary workbook goes (--out): in its own name unless the file there is not one KL226
 * wrote and nobody has saved since — the analyst's notes and sheets added in Excel were lost to a
 * re-run after a late report came in — then beside it, "tong-hop-moi.xlsx", as the Word documents.
 * Decided before anything is written; `notes` are said after the summary's line.
 */
export function placeSummary(path: string): WorkbookPlacement {
  return placeWorkbook(path, isUneditedSummary, "bảng tổng hợp");
}

/** Where a workbook output goes, what to remove once it is written, and what to say. */
export interface WorkbookPlacement {
  readonly path: string;
  readonly write: () => void;
  /** The file at the path given was kept, the workbook written beside it: worth a line on stderr. */
  readonly kept: readonly string[];
  readonly notes: readonly string[];
}

/** placeDocument for a workbook: `ours` tells KL226's unedited file from one to keep; `what` names it. */
function placeWorkbook(path: string, ours: (path: string) => boolean, what: string): WorkbookPlacement {
  const dir = dirname(path);
  const place = placeDocument(dir, basename(path), familiesOf(namesIn(dir)), ours);
  return {
    path: join(dir, place.target),
    write: () => {
      for (const n of place.outdated) rmSync(join(dir, n), { force: true });
    },
    kept:
      place.kept.length > 0
        ? [
            `  Giữ nguyên ${someNames(place.kept)} (đã được sửa và lưu sau khi KL226 ghi, hoặc không phải ${what} của KL226); ${what} mới ghi vào ${place.target}: chép sang đó phần đã thêm nếu cần.`,
          ]
        : [],
    notes: [
      ...(place.outdated.length > 0
        ? [
            `  Đã xóa ${someNames(place.outdated)}: bản KL226 ghi ở lần chạy trước, nay thay bằng ${place.target}.`,
          ]
        : []),
    ],
  };
}

/** "a.docx, b.docx" — at most ten names, then "…". */
function someNames(names: readonly string[]): string {
  const sorted = [...names].sort();
  return `${sorted.slice(0, 10).join(", ")}${sorted.length > 10 ? ", …" : ""}`;
}

/** Where each of a run's letters goes in its folder, decided before anything is written. */
export interface LetterPlan {
  readonly dir: string;
  readonly letters: readonly Letter[];
  /** The sending body's own (draftedLetters): not written, said and listed on the summary. */
  readonly toSender: readonly Letter[];
  /** The folder's names before this run wrote there. */
  readonly listing: readonly string[];
  /** By the letter's own file name (and `tat-ca-thu-nhac.docx`). */
  readonly placements: ReadonlyMap<string, Placement>;
}

/**
 * Places `letters` and the joined file in `dir` (placeDocument), before the summary is written: its
 * "Thư nhắc" sheet names the files as written (`placedAs`). A folder where a letter must go is
 * refused here, before anything is written.
 */
export function planLetters(dir: string, { toUnits: letters, toSender }: DraftedLetters): LetterPlan {
  const listing = namesIn(dir);
  const families = familiesOf(listing);
  const names = [...letters.map((l) => l.fileName), ...(letters.length > 0 ? [ALL_LETTERS_FILE] : [])];
  const placements = new Map(names.map((name) => [name, placeDocument(dir, name, families)]));
  // One look at each letter's place: a folder there, or a letter made read-only (it stopped the
  // letters half-way, after the summary had listed them all), is refused before anything is written.
  for (const p of placements.values()) {
    const at = join(dir, p.target);
    const found = statSync(at, { throwIfNoEntry: false });
    if (found?.isDirectory())
      throw new UsageError(
        `Không ghi được thư nhắc: ${at} là một thư mục. Đổi tên hoặc chuyển thư mục đó rồi chạy lại; chưa có gì được ghi.`,
      );
    if (found?.isFile()) refuseReadOnly(at, `thư nhắc ${at}`);
  }
  return { dir, letters, toSender, listing, placements };
}

/** The name each letter was placed under (its own, or beside an edited one), for withLetterSheet. */
export function placedAs(plan: LetterPlan): ReadonlyMap<string, string> {
  return new Map([...plan.placements].map(([name, p]) => [name, p.target]));
}

/**
 * One .docx per letter (`<UNIT_CODE>.docx`) and all of them in `tat-ca-thu-nhac.docx`, each written
 * atomically where `plan` placed it; letters an earlier run wrote there that this run does not need
 * are removed (those the folder's manifest lists, and `<CODE>.docx` of any unit this consolidation
 * knows), never other files: an old version's `<CODE>.txt` letters are kept and said. A letter
 * someone edited since is neither replaced nor removed: the new one is written beside it. Returns
 * the lines for the human summary.
 */
export async function writeLetters(
  plan: LetterPlan,
  c: Consolidation,
  profile: Profile,
  dates: DocumentDates,
  roster: readonly RosterUnit[] | undefined,
  err: (text: string) => void = () => {},
): Promise<string[]> {
  const { dir } = plan;
  const documents = (await wordDocuments()).letterFiles(plan.letters, profile, dates, NODE_ZIP_CODEC);
  // From here all is synchronous: a Ctrl+C while the letters are replaced ends the run once the whole
  // new set is in place, not between two letters (old and new ones mixed in the folder).
  return withSignalsHeld(
    () => replaceLetters(plan, documents, c, dates, roster, profile),
    (signal) =>
      `Đã nhận ${signalSaid(signal)} trong lúc ghi thư nhắc: KL226 ghi xong cả bộ thư nhắc mới vào ${dir} rồi mới dừng, để thư mục không lẫn thư cũ với thư mới. Các kết quả sau thư nhắc (nếu có) chưa được ghi: chạy lại lệnh để ghi đủ.\n`,
    err,
  );
}

/** writeLetters' writing, all synchronous: the letters `documents` placed by `plan`, and the record. */
function replaceLetters(
  plan: LetterPlan,
  { letters, all }: ReturnType<Awaited<ReturnType<typeof wordDocuments>>["letterFiles"]>,
  c: Consolidation,
  dates: DocumentDates,
  roster: readonly RosterUnit[] | undefined,
  profile: Profile,
): string[] {
  const { dir, listing, placements } = plan;
  const leftIncomplete = lettersLeftIncomplete(dir);
  const written = new Set<string>();
  // "SO_A.docx → SO_A-moi.docx" for letters written beside an edited one; the edited ones themselves,
  // and KL226's copies superseded by this run's (removed).
  const beside: string[] = [];
  const keptEdited = new Set<string>();
  const superseded = new Set<string>();
  const files = [
    ...letters.map(({ letter, bytes }) => ({ name: letter.fileName, bytes })),
    ...(all ? [{ name: ALL_LETTERS_FILE, bytes: all }] : []),
    // The letters the plan placed.
  ].map((f) => ({ ...f, place: placements.get(f.name)! }));
  // What a run that stops half-way (a power cut, kill -9, a full disk) leaves is said by the record:
  // the letters before and those of this run all listed as ours (the next run removes those it does
  // not need, never duplicates them), and the set marked incomplete until the last is written.
  if (files.length > 0) {
    const both = new Set([...previousFiles(dir), ...files.map((f) => f.place.target)]);
    writeAtomic(
      join(dir, LETTERS_RECORD),
      `${JSON.stringify({ files: [...both].sort(), incomplete: true }, null, 2)}\n`,
    );
  }
  const write = ({ name, bytes, place }: (typeof files)[number]): string => {
    writeAtomic(join(dir, place.target), bytes);
    written.add(place.target);
    for (const n of place.kept) keptEdited.add(n);
    for (const n of place.outdated) {
      rmSync(join(dir, n), { force: true });
      superseded.add(n);
    }
    if (place.target !== name) beside.push(`${name} → ${place.target}`);
    return join(dir, place.target);
  };
  const paths: string[] = [];
  for (const f of files) {
    try {
      paths.push(write(f));
    } catch (e) {
      // A full disk mid-way: the letters already written are whole and said, not left unmentioned.
      if (!(e instanceof UsageError) || paths.length === 0) throw e;
      throw new UsageError(
        `${e.message} Trong ${dir} đã ghi xong ${paths.length}/${files.length} thư nhắc (${someNames(paths.map((p) => basename(p)))}), các thư khác còn là thư của lần chạy trước; chạy lại sau khi có chỗ trống để ghi đủ.`,
      );
    }
  }
  const allPath = all ? paths[paths.length - 1]! : join(dir, ALL_LETTERS_FILE);
  const known = new Set([
    ...c.units.map((u) => u.code),
    ...c.missing.map((u) => u.code),
    ...c.returned.map((u) => u.code),
    ...(roster ?? []).map((u) => u.code.toUpperCase()),
  ]);
  const ourNames = new Set([ALL_LETTERS_FILE, ...previousFiles(dir), ...[...known].map(letterFileName)]);
  // Letters of units that need none now (they sent, or met their targets): KL226's removed, edited ones kept.
  const unneeded = listing.filter(
    (name) =>
      ourNames.has(mainName(name)) &&
      !written.has(name) &&
      !keptEdited.has(name) &&
      !superseded.has(name) &&
      looksLikeOurs(name),
  );
  const editedUnneeded = unneeded.filter((name) => name.endsWith(".docx") && editedDocument(join(dir, name)));
  const stale = unneeded.filter((name) => !editedUnneeded.includes(name));
  for (const name of stale) rmSync(join(dir, name), { force: true });
  if (written.size > 0 || existsSync(dir))
    writeAtomic(join(dir, LETTERS_RECORD), `${JSON.stringify({ files: [...written].sort() }, null, 2)}\n`);
  const removed =
    (stale.length > 0
      ? ` Đã xóa ${stale.length} thư cũ của lần chạy trước không còn cần (${someNames(stale)}).`
      : "") +
    (superseded.size > 0
      ? ` Đã xóa ${superseded.size} bản KL226 ghi cạnh thư đã sửa ở lần chạy trước, nay thay bằng thư mới (${someNames([...superseded])}).`
      : "");
  // This version writes no .txt (DECISIONS, session 36): an old one's letters are said, never touched.
  const texts = textLetters(listing, known);
  const newLetters = new Set(letters.map(({ letter }) => letter.fileName));
  const textsWithNewLetter = texts.filter((name) => newLetters.has(name.replace(/\.txt$/, ".docx"))).length;
  const editedLines = [
    ...(texts.length > 0
      ? [
          `  Giữ nguyên ${texts.length} tệp .txt trong ${dir} (${someNames(texts)}): đó là thư nhắc do phiên bản KL226 trước lập hoặc tệp do người dùng tạo; KL226 không sửa và không xóa tệp .txt. Thư nhắc nay được lập dạng văn bản Word (.docx); các thư .txt cũ không theo số liệu lần tổng hợp này, không gửi các thư đó${textsWithNewLetter > 0 ? ` (đã có thư .docx mới cho ${textsWithNewLetter} đơn vị trong số này)` : ""}. Khi không cần nữa, hãy xóa hoặc chuyển các tệp .txt sang thư mục khác.`,
        ]
      : []),
    ...(beside.length > 0
      ? [
          `  ${beside.length} thư trong ${dir} đã được sửa sau khi KL226 ghi nên được giữ nguyên; thư mới ghi bên cạnh: ${someNames(beside)}. Tệp ${ALL_LETTERS_FILE} gồm các thư mới, không có phần đã sửa.`,
        ]
      : []),
    ...(editedUnneeded.length > 0
      ? [
          `  Giữ nguyên ${editedUnneeded.length} thư đã được sửa của đơn vị nay không cần nhắc nữa (${someNames(editedUnneeded)}): đừng gửi các thư này.`,
        ]
      : []),
  ];
  const when = `thư đề ngày ${viDate(dates.date)}, hạn trả lời ${viDate(dates.replyBy)}`;
  // Units not sent, that got no letter: core/letters.ts does not chase them before the deadline (the
  // rule lives there; this only counts what it did). One dated before a report it answers is most
  // likely a mistyped --letter-date.
  const chased = new Set(
    letters.filter(({ letter }) => letter.reasons.includes("missing")).map(({ letter }) => letter.unit),
  );
  // (The sending body itself is never written to: said below, not counted here.)
  const unchased = c.missing.filter(
    (u) => !chased.has(u.code) && !isSenderUnit(u.name, profile.organisation),
  ).length;
  const early =
    unchased > 0 && c.deadline !== null
      ? [
          `  Chưa nhắc ${unchased} đơn vị chưa nộp: thư đề ngày ${viDate(dates.date)}, chưa qua hạn nộp ${viDate(c.deadline)}, các đơn vị đó còn hạn.`,
        ]
      : [];
  const latest = documentDateConcerns(dates.date, c.deadline, latestReportDate(c)).beforeLatestReport;
  const beforeReports =
    latest !== undefined
      ? [
          `  Lưu ý: thư đề ngày ${viDate(dates.date)}, trước ngày của báo cáo đã nhận mới nhất (${viDate(latest)}): kiểm tra lại --letter-date.`,
        ]
      : [];
  // The sending body is on its own roster (a Sở Nội vụ is a department too): no letter to itself.
  const self = plan.toSender.map(
    (l) =>
      `  Không lập thư cho ${l.name} (${l.unit}) vì đó là cơ quan gửi thư; việc cần tự theo dõi (cũng ở bảng tổng hợp): ${l.notes.join(" ")}`,
  );
  return [
    letters.length === 0
      ? `Thư nhắc: không có đơn vị nào cần nhắc (${existsSync(dir) ? `thư mục ${dir}` : `chưa tạo thư mục ${dir}`}).${removed}`
      : `Thư nhắc: ${letters.length} đơn vị (${when}; theo lý do: ${lettersByReason(letters.map((l) => l.letter))}), mỗi đơn vị một văn bản Word trong ${dir}, tất cả trong ${allPath} để in (và trang “${LETTER_SHEET}” của bảng tổng hợp).${removed}`,
    ...(leftIncomplete
      ? [`  Lưu ý: ${lettersIncompleteSaid(dir)}; lần này đã thay bằng cả bộ thư mới.`]
      : []),
    ...editedLines,
    ...early,
    ...beforeReports,
    ...self,
  ];
}

/**
 * The report (SPEC §9) written atomically, beside `path` when the report there has been edited (its
 * section VI is the analyst's writing); returns the lines for the human summary.
 */
export async function writeReport(
  path: string,
  c: Consolidation,
  profile: Profile,
  dates: DocumentDates,
  roster: readonly RosterUnit[] | undefined,
): Promise<string[]> {
  const bytes = (await wordDocuments()).reportFile(c, profile, { date: dates.date, roster }, NODE_ZIP_CODEC);
  const place = placeDocument(dirname(path), basename(path), familiesOf(namesIn(dirname(path))));
  const target = join(dirname(path), place.target);
  writeAtomic(target, bytes);
  for (const n of place.outdated) rmSync(join(dirname(path), n), { force: true });
  return [
    `Báo cáo kết quả (văn bản Word, đề ngày ${viDate(dates.date)}, mục VI để chuyên viên viết đánh giá): ${target}`,
    ...(place.kept.length > 0
      ? [
          `  Giữ nguyên ${someNames(place.kept)} (đã được sửa sau khi KL226 ghi); báo cáo mới ghi vào ${place.target}: chép sang đó phần đã viết nếu cần.`,
        ]
      : []),
    ...(place.outdated.length > 0
      ? [
          `  Đã xóa ${someNames(place.outdated)}: bản KL226 ghi ở lần chạy trước, nay thay bằng ${place.target}.`,
        ]
      : []),
  ];
}

export const previousOptionShape = {
  previous: z
    .array(
      // Any name: a letter, a PDF or an .xls given instead is told what it is and what to give
      // (previousFromBytes), and a summary saved without its extension is read by its first bytes.
      z.string().min(1, "cần tên tệp, ví dụ --previous tong-hop-nam-truoc.json"),
    )
    .optional(),
};

/**
 * An earlier year's consolidation: its `--json` report or its summary workbook (`--out`). A missing,
 * unreadable or wrongly shaped file is a usage error (exit 2) that names the file and what is wrong.
 */
export function loadPrevious(path: string): PreviousFile {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw previousUsageError(
      path,
      code === "ENOENT" ? "không tìm thấy tệp." : `${fsReason(code) ?? "không mở được tệp"}.`,
    );
  }
  return asUsageError(path, () => {
    const file = previousFromBytes(path, bytes);
    return { path, report: (form: Form) => asUsageError(path, () => file.report(form)) };
  });
}

function previousUsageError(path: string, why: string): UsageError {
  return new UsageError(`Không đọc được bảng tổng hợp năm trước ${path} (--previous): ${why}`);
}

/** `read()`, its PreviousUnreadable said as the command's usage error (exit 2) naming the file. */
function asUsageError<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof PreviousUnreadable) throw previousUsageError(path, e.message);
    throw e;
  }
}
