// kl226 consolidate and kl226 demo (SPEC §5–§6): read many unit workbooks (read-only), write the
// summary workbook (and JSON) atomically, print a short Vietnamese summary; progress on a TTY.

import { existsSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { z } from "../core/zod";
import { issuerIsNot } from "../core/rollup";
import {
  consolidationProfile,
  consolidationRead,
  lackedPlanOfMost,
  profileNotes,
  RECHECK,
  takeAhead,
  unknownFiles,
  type Ahead,
  type ProfileDecision,
  type ProfileNotes,
} from "../app/consolidate-files";
import {
  isEarlierOutput,
  isOwnDocument,
  isUneditedSummary,
  isUneditedWorkbook,
  type EarlierOutputKind,
} from "./earlier-output";
import { consolidate, consolidationJson, lateMark, namedWithCode } from "../core/consolidate";
import type { Consolidation, InRollup, RejectedFile, Submission } from "../core/consolidation";
import { RESENT_MARK, UNDATED_FIRST_MARK, UNDATED_FIRST_OPEN } from "../core/consolidation";
import { baseName, fileNameBeside } from "../core/file-names";
import {
  otherPeriodOnlyUnits,
  sentBackUnits,
  arrivedUnderOtherNotes,
  otherPeriodFiles,
  rejectedAsides,
  rejectedBesideAccepted,
  replacedByLaterReturned,
  unopenedFiles,
  unopenedSentence,
  unplacedRejected,
  unplacedSentence,
  type RejectedAside,
} from "../core/file-fates";
import { MSG } from "../core/messages";
import { blankNote } from "../core/finding-order";
import { viDate, type CivilDate } from "../core/dates";
import { planYearNote, type DocumentDates } from "../core/documents";
import { judgedInPeriod, judgedPeriodsText, periodLabel, periodText, type Period } from "../core/form";
import { DEFAULT_FORM } from "../core/forms";
import { targetText } from "../core/indicator-text";
import { DEFAULT_PROFILE, type Profile, type RosterUnit } from "../core/profile";
import { defaultProfileForForm } from "../core/profiles";
import {
  textNotRosterMessage,
  parseRosterCsv,
  parseRosterWorkbook,
  rosterText,
  rosterUnreadable,
} from "../core/roster";
import { draftedLetters, lettersHeldBy, withLetterSheet } from "../core/letters";
import { summaryWorkbook } from "../core/summary";
import { createNodeDecoder, createNodeInflateRaw } from "../xlsx/node-inflate";
import { isPackedFile, readXlsx } from "../xlsx/read";
import { NODE_ZIP_CODEC, nodeZipEntryLater } from "../xlsx/node-deflate";
import { writeXlsxOverlapped } from "../xlsx/write";
import {
  documentDateNotes,
  documentDates,
  weekAfterDeadline,
  LETTER_DATE_NEEDS_DOCUMENTS,
  letterDateUsed,
  REPLY_BY_NEEDS_LETTERS,
  replyByUsed,
  writeReport,
  lettersOptionShape,
  loadPrevious,
  previousOptionShape,
  LETTERS_RECORD,
  lettersIncompleteSaid,
  lettersLeftIncomplete,
  planLetters,
  placedAs,
  placeSummary,
  writeLetters,
  checkRollupPeriod,
  ROLLUP_TOGETHER,
  rollupOptionShape,
  rollupOptionsTogether,
  rollupRequest,
  writeRollup,
  type LetterPlan,
  type RollupRequest,
} from "./consolidate-extras";
import { withPrevious, type PreviousFile } from "../app/previous";
import {
  checkOutputs,
  expandInputs,
  fsReason,
  isErrnoError,
  loadProfile,
  noteProfile,
  patternNotFound,
  readBytes,
  PROFILES_DIR,
  sameFile,
  optionFiles,
  statOrNull,
  storedInputPath,
  storedOutputPath,
  byRealFolder,
  outputFile,
  UsageError,
  writeAtomic,
  type ExpandedInputs,
  type OutputTarget,
} from "./io";
import { inspectFiles, inspectPath, LARGE_RUN } from "./parallel";
import { collectGarbageNow } from "./young-generation";
import {
  checkOptions,
  checkPeriodOfForm,
  defineCommand,
  parseOptions,
  periodSchema,
  PERIODS_LINE,
  PROFILE_OPTION,
  PROFILES_LINE,
  UNIT_TYPES_LINE,
  yearSchema,
  type Io,
} from "./options";
import { progressBar } from "./progress";

/** The options of kl226 consolidate, one line each (help, parser and messages all come from here). */
export const CONSOLIDATE = defineCommand({
  name: "consolidate",
  summary:
    "tổng hợp báo cáo của các đơn vị thành bảng tổng hợp (.xlsx), kèm báo cáo JSON, thư nhắc, báo cáo gửi cấp trên",
  synopsis: `TỆP_HOẶC_THƯ_MỤC... --out TỔNG_HỢP.xlsx [--json BÁO_CÁO.json] [--roster DS.csv|DS.xlsx]
                    [--period KỲ --year NĂM] [--profile TÊN|P.json] [--letters THƯ_MỤC] [--report BÁO_CÁO.docx]
                    [--letter-date dd/mm/yyyy] [--reply-by dd/mm/yyyy] [--previous NĂM_TRƯỚC.json|.xlsx]...
                    [--as-unit MÃ --name TÊN --type LOẠI --rollup BÁO_CÁO_LÊN_CẤP_TRÊN.xlsx]`,
  options: {
    out: {
      type: "string",
      value: "TỔNG_HỢP.xlsx",
      help: "bảng tổng hợp sẽ ghi (thay bản KL226 đã ghi lần trước; bảng đã được sửa và lưu lại thì giữ nguyên, bản mới ghi bên cạnh: …-moi.xlsx)",
    },
    json: { type: "string", value: "BÁO_CÁO.json", help: "ghi thêm báo cáo dạng JSON" },
    roster: {
      type: "string",
      value: "DS.csv|DS.xlsx",
      help: "danh sách đơn vị phải báo cáo (cột MA_DON_VI, TEN_DON_VI, LOAI_DON_VI): để biết đơn vị nào chưa gửi",
    },
    period: {
      type: "string",
      value: "KỲ",
      help: "kỳ tổng hợp (cùng --year); mặc định: kỳ mà nhiều tệp khai nhất",
    },
    year: { type: "string", value: "NĂM", help: "năm tổng hợp, ví dụ 2026 (cùng --period)" },
    profile: PROFILE_OPTION,
    letters: {
      type: "string",
      value: "THƯ_MỤC",
      help: "ghi vào thư mục này thư nhắc (Word, .docx) cho từng đơn vị chưa gửi, bị trả lại, trễ hạn hoặc chưa đạt chỉ tiêu, kèm một tệp gộp để in",
    },
    report: {
      type: "string",
      value: "BÁO_CÁO.docx",
      help: "ghi báo cáo kết quả thực hiện (Word, .docx) gửi cấp trên",
    },
    "letter-date": {
      type: "string",
      value: "dd/mm/yyyy",
      help: "ngày ký thư nhắc, báo cáo và báo cáo gửi cấp trên (mặc định: hôm nay theo giờ Việt Nam; báo cáo gửi cấp trên: ngày báo cáo sau cùng của các đơn vị)",
    },
    "reply-by": {
      type: "string",
      value: "dd/mm/yyyy",
      help: "hạn đơn vị trả lời thư nhắc (mặc định: 7 ngày sau ngày ký, tránh thứ Bảy, Chủ nhật)",
    },
    previous: {
      type: "string",
      multiple: true,
      value: "NĂM_TRƯỚC.json|.xlsx",
      help: "bảng tổng hợp (.xlsx) hoặc báo cáo JSON do kl226 consolidate ghi ở cùng kỳ các năm trước, để đối chiếu số liệu (kỳ đầu tiên dùng KL226 thì không dùng tùy chọn này)",
    },
    rollup: {
      type: "string",
      value: "BÁO_CÁO.xlsx",
      help: "lập báo cáo của đơn vị tổng hợp gửi cấp trên theo mẫu (cần --as-unit, --name, --type)",
    },
    "as-unit": { type: "string", value: "MÃ", help: "mã đơn vị đứng tên báo cáo gửi cấp trên" },
    name: { type: "string", value: "TÊN", help: "tên đơn vị đứng tên báo cáo gửi cấp trên" },
    type: { type: "string", value: "LOẠI", help: "loại đơn vị đứng tên báo cáo gửi cấp trên" },
  },
  operands: {
    min: 1,
    max: null,
    missing:
      "Cần ít nhất một tệp .xlsx hoặc thư mục chứa báo cáo, ví dụ kl226 consolidate bao-cao/ --out tong-hop.xlsx.",
  },
  notes: [
    UNIT_TYPES_LINE,
    PERIODS_LINE,
    `${PROFILES_LINE}; không có --profile: mỗi tệp được đọc theo mẫu ghi ở ô A1, tổng hợp theo mẫu mà nhiều tệp khai nhất.`,
    "Trong thư mục, mọi tệp đều được tính: tệp không phải .xlsx (.xls, .ods, .csv…) bị từ chối kèm lý do và cách lưu lại; bỏ qua tệp khóa “~$…” của Excel và tệp ẩn.",
    "Mã thoát: 0 đã ghi, mọi tệp được tiếp nhận; 1 đã ghi, có tệp bị từ chối hay không mở được, có đơn vị gửi hai tệp số liệu khác nhau mà không biết tệp nào đúng (cùng ngày báo cáo: hỏi lại đơn vị), hoặc chưa lập được báo cáo tổng hợp --rollup (lệnh nói lý do); 2 dùng lệnh sai hoặc không đọc/ghi được (chưa ghi gì, hoặc lệnh nói rõ những tệp đã ghi trước khi gặp lỗi).",
  ],
  examples: [
    "kl226 consolidate bao-cao/ --roster danh-sach.csv --out tong-hop.xlsx --json tong-hop.json",
    "kl226 consolidate bao-cao/ --out tong-hop.xlsx --letters thu-nhac --report bao-cao.docx",
    "kl226 consolidate bao-cao-cchc/ --profile hcm-attp-cchc-2025 --period Q2 --year 2025 --out cchc.xlsx",
  ],
});

const consolidateOptions = z
  .object({
    out: z
      .string({ message: "cần --out TỔNG_HỢP.xlsx" })
      .min(1, "cần --out TỔNG_HỢP.xlsx")
      .regex(/\.xlsx$/i, "tệp tổng hợp phải có đuôi .xlsx"),
    json: z
      .string()
      .min(1, "cần tên tệp, ví dụ --json bao-cao.json")
      // "-" is no file: the command prints its own summary on the screen, so the JSON goes to a file.
      .refine(
        (v) => v !== "-",
        "cần tên tệp .json (kết quả JSON được ghi vào tệp, không in ra màn hình), ví dụ --json bao-cao.json",
      )
      .optional(),
    roster: z.string().min(1).optional(),
    period: periodSchema.optional(),
    year: yearSchema.optional(),
    profile: z.string().min(1).optional(),
    ...rollupOptionShape,
    ...lettersOptionShape,
    ...previousOptionShape,
  })
  .superRefine((o, ctx) => {
    if ((o.period === undefined) !== (o.year === undefined))
      ctx.addIssue({
        code: "custom",
        // The example with what was typed: a quarter's user is not shown 6T.
        message:
          o.period === undefined
            ? `--period và --year phải dùng cùng nhau, ví dụ --period 6T --year ${o.year ?? 2026} (kỳ theo biểu mẫu của hồ sơ: 6T, NAM, hoặc Q1–Q4 với báo cáo quý)`
            : `--period và --year phải dùng cùng nhau, ví dụ --period ${o.period} --year 2026`,
        path: ["period"],
      });
  })
  .refine(rollupOptionsTogether, { message: ROLLUP_TOGETHER, path: ["rollup"] })
  .refine(letterDateUsed, { message: LETTER_DATE_NEEDS_DOCUMENTS, path: ["letter-date"] })
  .refine(replyByUsed, { message: REPLY_BY_NEEDS_LETTERS, path: ["reply-by"] });

export interface RunOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly json?: string;
  readonly roster?: readonly RosterUnit[];
  readonly period?: Period;
  /** The profile chosen with --profile; absent = the default profile of the form most files declare (SPEC §8). */
  readonly profile?: Profile;
  readonly rollup?: RollupRequest;
  readonly letters?: string;
  /** The report (.docx, SPEC §9). */
  readonly report?: string;
  /** Dates of the letters and the report; default today in Việt Nam and a week later. */
  readonly dates?: DocumentDates;
  /** The dates were not given (--letter-date): the run points out a weekend or a date long past the deadline. */
  readonly datesDefaulted?: boolean;
  /** --letter-date: the roll-up's Ngày báo cáo, as the documents sent with it (else its latest unit's). */
  readonly rollupDate?: CivilDate;
  /**
   * No dates given: date the documents a week after the round's deadline (the next working day), as
   * they would be dated in that round — the demo's samples are of a past round.
   */
  readonly datedAfterDeadline?: boolean;
  readonly previous?: readonly PreviousFile[];
  /** Files that are not unit reports though they sit among them (the roster, last years' summaries). */
  readonly exclude?: readonly string[];
  /** Return the files as inspected (the demo's roll-up); otherwise they are let go before the summary is built. */
  readonly keepSubmissions?: boolean;
}

/** --roster's path, a pattern matching one file taken as that file; several are refused, named. */
function oneRoster(given: string): string {
  const files = optionFiles(given, "--roster");
  if (files.length > 1)
    throw new UsageError(
      `Tùy chọn --roster: ${given} khớp ${files.length} tệp (${files.map((f) => basename(f)).join(", ")}); chỉ dùng một danh sách đơn vị: hãy ghi đúng tên tệp.`,
    );
  return files[0]!;
}

export async function consolidateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, CONSOLIDATE);
  const options = checkOptions(CONSOLIDATE, consolidateOptions, values);
  // Files given by option are found as the inputs are, however their Vietnamese letters were typed.
  // A pattern typed in cmd or PowerShell ("--previous tong-hop-*.json") is expanded as the inputs' are.
  const o = {
    ...options,
    ...(options.roster !== undefined ? { roster: oneRoster(storedInputPath(options.roster)) } : {}),
    ...(options.previous !== undefined
      ? { previous: options.previous.flatMap((p) => optionFiles(storedInputPath(p), "--previous")) }
      : {}),
    ...(options.profile !== undefined ? { profile: storedInputPath(options.profile) } : {}),
  };
  refuseOutputsOverReadFiles(
    [
      ["--out", o.out],
      ["--json", o.json],
      ["--report", o.report],
      ["--rollup", o.rollup],
    ],
    [
      ["--roster", o.roster],
      [
        "--profile",
        o.profile !== undefined && statOrNull(o.profile)?.isFile() === true ? o.profile : undefined,
      ],
      ...(o.previous ?? []).map((p) => ["--previous", p] as const),
    ],
  );
  // Profile and roster first: a bad one stops the run (exit 2) before any file is read.
  const profile = o.profile === undefined ? undefined : loadProfile(o.profile, (line) => io.err(`${line}\n`));
  const roster =
    o.roster === undefined
      ? undefined
      : loadRoster(o.roster, profile ?? defaultProfileForForm(DEFAULT_FORM.id) ?? DEFAULT_PROFILE, (line) =>
          io.err(`${line}\n`),
        );
  const previous = o.previous?.map(loadPrevious);
  const period =
    o.period !== undefined && o.year !== undefined ? { kind: o.period, year: o.year } : undefined;
  if (period && profile) checkPeriodOfForm(profile, period.kind);
  // The roster and last years' files are inputs of another kind, never unit reports (even in the same folder).
  const exclude = [o.roster, ...(o.previous ?? [])].filter((p): p is string => p !== undefined);
  const dates = o.letters !== undefined || o.report !== undefined ? documentDates(o) : undefined;
  // Outputs land in the folders as stored, however their Vietnamese letters were typed (io.ts).
  const output = <T extends string | undefined>(p: T): T =>
    p === undefined ? p : (storedOutputPath(p) as T);
  const request = rollupRequest(o);
  const rollup = request && { ...request, out: output(request.out) };
  const { consolidation: c, rollupRefused } = await runConsolidation(
    {
      inputs: positionals,
      out: output(o.out),
      json: output(o.json),
      roster,
      period,
      profile,
      rollup,
      letters: output(o.letters),
      report: output(o.report),
      dates,
      datesDefaulted: o["letter-date"] === undefined,
      ...(o["letter-date"] !== undefined ? { rollupDate: o["letter-date"] } : {}),
      previous,
      exclude,
    },
    io,
  );
  // A roll-up asked for and not written (no accepted report, or one of the unit itself) is a failure too;
  // so is a unit's two reports of one day with different figures: which one counted only its file name decided.
  return c.rejected.length > 0 || rollupRefused || c.duplicates.some((d) => d.conflict) ? 1 : 0;
}

/** The repository root: the folder holding package.json above src/cli (not the working directory). */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(from, "..", "..");
    dir = up;
  }
}

/** The kind of earlier output each file option writes. */
const EARLIER_KIND: Readonly<Record<string, EarlierOutputKind>> = {
  "--out": "summary",
  "--json": "json",
  "--report": "docx",
};

/**
 * The inputs this command wrote on an earlier run, resolved: what an output path or the letters'
 * folder already holds among the files found. Throws (exit 2, nothing written) when an output would
 * replace a file that is not such an output: a unit's report, or a Word file someone put there.
 */
function earlierOutputsAmongInputs(files: readonly string[], targets: readonly OutputTarget[]): string[] {
  const inputs = new Map(files.map((f) => [resolve(f), f] as const));
  // An output through a link writes the file the link names (writeAtomic): that one is looked for too.
  const inputsByRealPath = byRealFolder(files);
  const earlier: string[] = [];
  const refuse = (file: string, option: string): never => {
    // A report of ours the analyst edited there reads as a source file too: said, not called foreign.
    const what =
      option === "--report"
        ? "không phải văn bản KL226 ghi ở lần chạy trước (hoặc đã được sửa sau khi KL226 ghi)"
        : "không phải kết quả KL226 ghi ở lần chạy trước";
    throw new UsageError(
      `Tệp ${file} nằm trong thư mục nguồn và ${what}, nên ${option} không được ghi đè lên nó (tệp nguồn không bao giờ bị ghi đè). Hãy chọn tên hoặc thư mục khác cho ${option}; chưa có gì được ghi.`,
    );
  };
  for (const t of targets) {
    const target = resolve(t.path);
    if (t.kind === "dir") {
      // Letters are written as MÃ.docx into that folder: among the inputs, it may hold only letters.
      // Compared where the files are once links are followed: "--letters thu" with thu -> bao-cao
      // (or the reports given through a link to their folder) wrote the letters among the reports.
      const real = outputFile(t.path);
      for (const [realPath, file] of inputsByRealPath) {
        const path = resolve(file);
        if (!path.startsWith(target + sep) && !realPath.startsWith(real + sep)) continue;
        if (isEarlierOutput(path, "docx")) {
          earlier.push(path);
          continue;
        }
        // A Word file there may be a letter someone edited and saved (no longer KL226's to replace).
        const what = /\.docx$/i.test(file)
          ? "không phải thư nhắc KL226 đã ghi (một tệp nhận được, hoặc một thư nhắc đã được sửa và lưu lại)"
          : "một tệp nhận được chứ không phải thư nhắc KL226 đã ghi";
        throw new UsageError(
          `Thư mục ${t.path} (${t.option}) chứa ${file}, ${what}: thư nhắc (MÃ_ĐƠN_VỊ.docx) ghi vào đó có thể đè lên tệp nhận được và lẫn vào báo cáo ở lần tổng hợp sau. Hãy chọn một thư mục riêng cho ${t.option}; chưa có gì được ghi.`,
        );
      }
      continue;
    }
    const file = inputs.get(target) ?? inputsByRealPath.get(outputFile(t.path));
    if (file === undefined) continue;
    if (!isEarlierOutput(target, EARLIER_KIND[t.option] ?? "summary")) refuse(file, t.option);
    earlier.push(target);
  }
  return earlier;
}

/**
 * The report sent upward is a report of these units summed: kept among their reports, the next run
 * would read it as one more report — the units' own files then "already counted in it", every
 * shortfall and letter gone — and a path there could be a unit's own file (the Sở Nội vụ's report,
 * overwritten by the province's roll-up). So, as for --letters, not inside an input folder.
 */
function refuseRollupAmongInputs(rollup: string, inputs: readonly string[]): void {
  const target = resolve(rollup);
  for (const input of inputs) {
    // A folder given, or the folder of a file given (a wildcard "bao-cao/*.xlsx" picks it up next time).
    const given = statOrNull(resolve(input))?.isDirectory() === true ? input : dirname(input);
    const dir = resolve(given);
    if (!target.startsWith(dir + sep)) continue;
    throw new UsageError(
      `Tệp ${rollup} (--rollup) nằm trong thư mục nguồn ${given}: báo cáo gửi cấp trên là tổng của chính các báo cáo này; nếu để chung thư mục, lần tổng hợp sau sẽ đọc nó như một báo cáo của đơn vị và tính trùng số liệu. Hãy ghi ra ngoài thư mục nguồn, ví dụ --rollup ${join(dirname(dir), "gui-cap-tren", basename(target))}; chưa có gì được ghi.`,
    );
  }
}

/**
 * An output in the letters' folder under the name of a letter this run writes there, in any letter
 * case ("TAT-CA-THU-NHAC.DOCX", "so_tai_chinh.docx": one file on Windows and macOS). The names'
 * own case is refused before anything is read (checkOutputs); this, once the letters are known,
 * before anything is written.
 */
function refuseOutputsAmongLetters(plan: LetterPlan, targets: readonly OutputTarget[]): void {
  const dir = resolve(plan.dir);
  const letters = new Set(
    [...plan.placements.values()].flatMap((p) => [p.target, ...p.kept]).map((n) => n.toLowerCase()),
  );
  for (const t of targets) {
    const path = resolve(t.path);
    if (t.kind !== "file" || dirname(path) !== dir || !letters.has(basename(path).toLowerCase())) continue;
    throw new UsageError(
      `${t.option} ${t.path} trùng tên với thư nhắc ${basename(path)} trong thư mục ${plan.dir} (chữ hoa hay thường không phân biệt trên Windows), nên một trong hai sẽ bị ghi đè. Hãy đặt tên khác cho ${t.option}, ví dụ bao-cao.docx; chưa có gì được ghi.`,
    );
  }
}

/**
 * Reads, checks and consolidates, writes every output; returns the consolidation, whether a roll-up
 * asked for was refused, and, when `o.keepSubmissions` asks, the files as inspected (otherwise an
 * empty list).
 */
export async function runConsolidation(
  o: RunOptions,
  io: Io,
): Promise<{
  consolidation: Consolidation;
  submissions: Submission[];
  /** Where the summary was written: --out, or beside an edited one there (…-moi.xlsx). */
  summaryPath: string;
  /** Where the roll-up was written, when it was. */
  rollupPath?: string;
  profile: Profile;
  rollupRefused: boolean;
}> {
  // Every destination is checked before anything is read or written (exit 2, nothing written).
  // The summary, the roll-up and the report go beside an edited one rather than over it: only one
  // they would replace must be writable (an edited summary made read-only still gets its -moi copy).
  const targets: OutputTarget[] = [
    { path: o.out, option: "--out", kind: "file", replaces: isUneditedSummary },
    ...(o.json !== undefined ? [{ path: o.json, option: "--json", kind: "file" } as const] : []),
    ...(o.rollup !== undefined
      ? [{ path: o.rollup.out, option: "--rollup", kind: "file", replaces: isUneditedWorkbook } as const]
      : []),
    ...(o.letters !== undefined ? [{ path: o.letters, option: "--letters", kind: "dir" } as const] : []),
    ...(o.report !== undefined
      ? [
          {
            path: o.report,
            option: "--report",
            kind: "file",
            replaces: (p: string) => isEarlierOutput(p, "docx"),
          } as const,
        ]
      : []),
  ];
  checkOutputs(targets);
  const outputs = targets.filter((t) => t.kind === "file").map((t) => resolve(t.path));
  for (const input of o.inputs) {
    if (outputs.includes(resolve(input)))
      throw new UsageError(
        `Tệp ${input} vừa là tệp nguồn vừa là tệp kết quả. Hãy chọn tên khác cho --out/--json: tệp nguồn không bao giờ bị ghi đè.`,
      );
  }
  const found = expandInputs(o.inputs);
  if (found.missing.length > 0)
    throw new UsageError(
      `Không tìm thấy tệp hoặc thư mục: ${found.missing.map((m) => `${m}${patternNotFound(m)}`).join(", ")}. Hãy kiểm tra lại đường dẫn; chưa có gì được ghi.`,
    );
  if (o.rollup !== undefined) refuseRollupAmongInputs(o.rollup.out, o.inputs);
  // A summary written into the input folder on an earlier run is not a unit report; nor is the roster.
  // But a file someone sent is never replaced: an output path among the inputs must hold that output.
  const earlier = earlierOutputsAmongInputs(found.files, targets);
  // The summary goes beside one the analyst edited and saved (tong-hop-moi.xlsx), never over it.
  const summaryAt = placeSummary(o.out);
  const skip = new Set([
    ...outputs,
    resolve(summaryAt.path),
    ...earlier,
    ...(o.exclude ?? []).map((p) => resolve(p)),
  ]);
  // KL226's own letters and report left among the inputs by an earlier run (a letters' folder inside
  // the inbox, not named this time): read as a unit's Word file each, every unit that had sent nothing
  // was "Bị trả lại" and its letter asked it to send again. Only .docx files are opened for this.
  const ownDocuments = found.files.filter((f) => !skip.has(resolve(f)) && isOwnDocument(f));
  for (const f of ownDocuments) skip.add(resolve(f));
  const files = found.files.filter((f) => !skip.has(resolve(f)));
  if (files.length === 0) {
    const ignored =
      found.ignored.length > 0 ? ` (đã bỏ qua ${found.ignored.length} tệp khóa “~$…” hoặc tệp ẩn)` : "";
    throw new UsageError(
      `Không có tệp báo cáo nào để tổng hợp trong ${o.inputs.join(", ")}${ignored}. Hãy chép các tệp .xlsx của đơn vị vào thư mục rồi chạy lại; chưa có gì được ghi.`,
    );
  }
  for (const dir of found.emptyFolders) io.err(`Lưu ý: thư mục ${dir} không có tệp nào.\n`);
  for (const note of skippedNotes(found)) io.err(`${note}\n`);
  if (ownDocuments.length > 0) io.err(`${ownDocumentsNote(ownDocuments)}\n`);
  const { consolidated, profile, named, submissions } = await inspectAndConsolidate(files, o, io);
  refuseDocumentsOfLackedPlan(o, profile, named);
  // Last year's cross-check adds warnings before anything is written (JSON and the Lỗi sheet).
  const history =
    o.previous === undefined ? undefined : withPrevious(consolidated, o.previous, profile.outlier);
  const c = history?.consolidation ?? consolidated;
  if (o.rollup !== undefined) checkRollupPeriod(c, profile);
  const dates =
    o.dates ??
    (o.datedAfterDeadline && c.deadline !== null ? weekAfterDeadline(c.deadline) : documentDates({}));
  // Where each letter goes (beside a letter someone edited): the summary's sheet names those files.
  // While a file or folder was not opened no letter is drawn, and the letters' folder is left as it is
  // (an earlier run's letters are neither replaced nor removed).
  const heldBy = lettersHeldBy(c);
  const letterPlan =
    o.letters === undefined || heldBy.length > 0
      ? undefined
      : planLetters(o.letters, draftedLetters(c, profile, dates));
  if (letterPlan !== undefined) refuseOutputsAmongLetters(letterPlan, targets);
  // A large run's peak is the summary's write: what the files' checking left is freed first.
  if (files.length >= LARGE_RUN) collectGarbageNow();
  const summary = summaryWorkbook(c, profile);
  // An output that cannot be written ends the run (exit 2); what was written before it is said.
  const written: string[] = [];
  const output = async <T>(path: string, write: () => T | Promise<T>): Promise<T> => {
    try {
      const result = await write();
      written.push(path);
      return result;
    } catch (e) {
      if (!(e instanceof UsageError) || written.length === 0) throw e;
      throw new UsageError(`${e.message} Đã ghi xong trước đó: ${written.join(", ")}.`);
    }
  };
  await output(summaryAt.path, async () =>
    writeAtomic(
      summaryAt.path,
      await writeXlsxOverlapped(
        letterPlan
          ? withLetterSheet(
              summary,
              letterPlan.letters,
              letterPlan.dir,
              placedAs(letterPlan),
              [],
              letterPlan.toSender,
            )
          : o.letters !== undefined
            ? withLetterSheet(summary, [], o.letters, new Map(), heldBy)
            : summary,
        nodeZipEntryLater,
        NODE_ZIP_CODEC,
      ),
    ),
  );
  const json = o.json;
  if (json !== undefined)
    await output(json, () => writeAtomic(json, `${JSON.stringify(consolidationJson(c), null, 2)}\n`));
  // The letters' own record (".kl226-thu-nhac.json") is a hidden file of ours, not one to mention.
  const lettersDir = o.letters === undefined ? undefined : resolve(o.letters) + sep;
  // So is one beside the letters of an earlier run passed over above.
  const ownFolders = new Set(ownDocuments.map((f) => dirname(resolve(f))));
  const ignored = found.ignored.filter(
    (f) =>
      (lettersDir === undefined || !resolve(f).startsWith(lettersDir)) &&
      !(basename(f) === LETTERS_RECORD && ownFolders.has(dirname(resolve(f)))),
  );
  summaryAt.write();
  // A province's profile chosen without --profile (the default, or the one the files name) says what
  // it would have said given by name (--profile NAME says it when read).
  if (o.profile === undefined)
    noteProfile(profile, profile.id ?? profile.name, (line) => io.err(`${line}\n`));
  io.out(humanSummary(c, profile, named, files.length, summaryAt.path, o.json, ignored));
  // The summary written beside an edited one is said on stderr: a nightly job that publishes --out
  // (and mails stderr) would otherwise go on publishing the edited file without a word.
  for (const line of summaryAt.kept) io.err(`Lưu ý (${o.out}): ${line.trim()}\n`);
  if (summaryAt.notes.length > 0) io.out(`${summaryAt.notes.join("\n")}\n`);
  if (history) io.out(`${history.lines.join("\n")}\n`);
  const roster = o.roster ?? profile.roster;
  const { report } = o;
  if (letterPlan !== undefined)
    io.out(
      `${(await output(letterPlan.dir, () => writeLetters(letterPlan, c, profile, dates, roster, (line) => io.err(line)))).join("\n")}\n`,
    );
  else if (o.letters !== undefined)
    io.out(
      `Thư nhắc: ${MSG.lettersHeld(heldBy)} Thư của lần chạy trước trong ${o.letters} (nếu có) được giữ nguyên, chưa cập nhật.${lettersLeftIncomplete(o.letters) ? ` Lưu ý: ${lettersIncompleteSaid(o.letters)}; đừng gửi thư trong đó trước khi chạy lại cho đủ.` : ""}\n`,
    );
  if (report !== undefined)
    io.out(`${(await output(report, () => writeReport(report, c, profile, dates, roster))).join("\n")}\n`);
  // About the date the documents written carry: none when only letters were asked for and held.
  if (letterPlan !== undefined || o.report !== undefined) {
    const notes = documentDateNotes(c, dates, o.dates === undefined || o.datesDefaulted === true);
    // A unit consolidating for itself (--as-unit) signs with the profile's organisation unless its
    // own profile names it: the letters and report would go out as the Sở's.
    const asUnit = o.rollup?.unit;
    if (asUnit !== undefined && issuerIsNot(profile.organisation, asUnit.name))
      notes.push(
        `  Lưu ý: văn bản ghi cơ quan ban hành theo hồ sơ (“${profile.organisation.sender}”, người ký ${profile.organisation.signerTitle}), không phải ${asUnit.name} (--as-unit ${asUnit.code}): sửa phần đầu văn bản, người ký và nơi nhận trước khi trình ký, hoặc dùng một hồ sơ ghi “organisation” của đơn vị (--profile TỆP.json).`,
      );
    // ND30 wants the signer's typed name under the title: a profile without it leaves a dotted line.
    if (profile.organisation.signerName.trim() === "")
      notes.push(`  Lưu ý: ${MSG.signerNameToFill(profile.organisation.signerTitle)}`);
    if (notes.length > 0) io.out(`${notes.join("\n")}\n`);
  }
  const rollupRequest = o.rollup;
  const rollup =
    rollupRequest === undefined
      ? undefined
      : await output(rollupRequest.out, () => writeRollup(c, profile, rollupRequest, o.rollupDate));
  if (rollup) io.out(`${rollup.line}\n`);
  return {
    consolidation: c,
    submissions,
    profile,
    rollupRefused: rollup?.written === false,
    summaryPath: summaryAt.path,
    rollupPath: rollup?.path,
  };
}

/**
 * The files read, checked (on every core, src/cli/parallel.ts; a file that cannot be opened is
 * rejected with the reason, the others still run) and consolidated. The submissions come back only
 * when `o.keepSubmissions` asks: what the consolidation does not keep of them (≈ 3.4 KB a file) is
 * then free before the summary is built, the run's peak (34 MB of live heap at 10,000 files).
 */
async function inspectAndConsolidate(
  files: readonly string[],
  o: RunOptions,
  io: Io,
): Promise<{
  consolidated: Consolidation;
  profile: Profile;
  named: Pick<ProfileDecision, "namedBy"> & ProfileNotes;
  submissions: Submission[];
}> {
  // Without --profile each file is read with its own form and the profile it names; the form most
  // files declare is consolidated, by the profile most of its files name (else its default).
  const readWith = o.profile ?? defaultProfileForForm(DEFAULT_FORM.id) ?? DEFAULT_PROFILE;
  // No profile given: a file the likely profile would check again is checked by it on the same read.
  const aheads: (Ahead | undefined)[] = [];
  const submissions = await inspectFiles(files, readWith, {
    ...consolidationRead(o.profile),
    onProgress: progressBar(io, files.length),
    ...(o.profile ? {} : { onAhead: (i: number, ahead: Ahead) => void (aheads[i] = ahead) }),
  });
  const decision = consolidationProfile(submissions, o.profile, o.period);
  const { profile, namedBy } = decision;
  const recheck = takeAhead(decision, submissions, aheads);
  aheads.length = 0;
  if (recheck.length > 0) {
    const decoder = createNodeDecoder();
    for (const i of recheck) submissions[i] = inspectPath(files[i]!, profile, decoder, RECHECK);
  }
  if (o.period) checkPeriodOfForm(profile, o.period.kind);
  const consolidated = consolidate(submissions, { profile, roster: o.roster, period: o.period });
  return {
    consolidated,
    profile,
    named: { namedBy, ...profileNotes(decision) },
    submissions: o.keepSubmissions === true ? submissions : [],
  };
}

/**
 * Letters, a report or a roll-up are refused (exit 2, nothing written) when no profile was given and
 * most files of the form name a plan this build lacks: they would carry the default profile's
 * organisation, targets and tasks (a Quảng Trị analyst's report headed "UBND TỈNH THANH HÓA", exit 0).
 * The summary alone is still written, with the note that says how to get the plan.
 */
function refuseDocumentsOfLackedPlan(
  o: Pick<RunOptions, "profile" | "letters" | "report" | "rollup">,
  profile: Profile,
  { namedUnknown }: ProfileNotes,
): void {
  const asked = [
    ...(o.letters !== undefined ? ["--letters"] : []),
    ...(o.report !== undefined ? ["--report"] : []),
    ...(o.rollup !== undefined ? ["--rollup"] : []),
  ];
  const plan = lackedPlanOfMost(namedUnknown);
  if (o.profile !== undefined || namedUnknown === undefined || plan === undefined || asked.length === 0)
    return;
  throw new UsageError(
    `Chưa lập văn bản nào (${asked.join(", ")}) và chưa ghi tệp nào: ${unknownFiles(namedUnknown)}/${namedUnknown.of} tệp báo cáo lập theo hồ sơ cấu hình ${namedUnknown.plans.map((p) => `“${p.id}”`).join(", ")}, bản KL226 này không có hồ sơ đó. Nếu lập bây giờ, văn bản sẽ ghi tên cơ quan, chỉ tiêu và nhiệm vụ theo hồ sơ mặc định “${profile.name}”, không đúng với các báo cáo. Chép tệp ${plan}.json (thường có trong thư mục profiles/ của bản KL226 cài trước đây hoặc trên máy chủ của tỉnh) vào thư mục ${PROFILES_DIR} rồi chạy lại, hoặc chạy lại với --profile ĐƯỜNG_DẪN/${plan}.json. Nếu các báo cáo đúng là theo kế hoạch của cơ quan mình, chạy lại với --profile TÊN_HỒ_SƠ.`,
  );
}

const LIST_LIMIT = 20;

/** After a unit's own file left out for a roll-up: whether the roll-up summed another, and what to ask. */
/**
 * A unit's own file left out, named as the summary's IN_ROLLUP line names it ("Phòng A (PHONG_A)",
 * the roll-up by its name): the analyst forwards the names, and a note after a dash, as a rejected
 * file's, so the file's bracket is not followed by another.
 */
function inRollupLine(r: InRollup): string {
  const via = r.summed.via === undefined ? "" : `, qua báo cáo tổng hợp của ${r.summed.via}`;
  return `  ⊂ ${r.file}: ${namedWithCode(r.unitName, r.unit)}, đã tính trong báo cáo tổng hợp của ${r.rollupName} (tệp ${baseName(r.rollup)}${via})${inRollupNote(r)}`;
}

function inRollupNote(r: InRollup): string {
  if (r.stale === "newer")
    return ` — tệp này đề ngày sau tệp mà ${r.rollupName} đã tổng hợp: nếu số liệu đã thay đổi, đề nghị ${r.rollupName} tổng hợp lại và gửi báo cáo mới`;
  if (r.stale === "same day")
    return ` — cùng ngày báo cáo với tệp mà ${r.rollupName} đã tổng hợp nhưng khác tệp đó: hỏi lại đơn vị tệp nào đúng`;
  return r.differs ? " — tệp đã tổng hợp khác tệp này, mới hơn: số liệu đã tổng hợp được dùng" : "";
}

function humanSummary(
  c: Consolidation,
  profile: Profile,
  { namedBy, namedAside, namedOthers, namedUnknown }: Pick<ProfileDecision, "namedBy"> & ProfileNotes,
  fileCount: number,
  out: string,
  json: string | undefined,
  ignored: readonly string[] = [],
): string {
  const beside = rejectedBesideAccepted(c);
  const resent = replacedByLaterReturned(c);
  const replacedCount = [...beside.values()].filter((b) => b.sent === "before").length;
  // Without --profile, a profile the files name is said to be theirs (the templates were made with
  // it); one fewer files name than name none is said aside, with how to use it.
  const whose =
    namedBy === undefined
      ? ""
      : ` (hồ sơ ghi trong ${namedBy.files}/${namedBy.of} tệp theo mẫu này; chọn hồ sơ khác bằng --profile)`;
  const lines: string[] = [`Biểu mẫu: ${c.form.id} — hồ sơ: ${profile.name}${whose}.`];
  if (namedOthers !== undefined) {
    const total = namedOthers.reduce((n, o) => n + o.files, 0);
    const list = namedOthers.map((o) => `${o.files} tệp theo hồ sơ ${o.profile.id} (${o.profile.name})`);
    lines.push(
      `Lưu ý: ${total} tệp theo mẫu này lập theo hồ sơ khác: ${list.join("; ")}; các tệp này được kiểm tra theo hồ sơ ${profile.id ?? profile.name} như mọi tệp. Nếu đợt báo cáo là của kế hoạch khác, chạy lại với --profile và tên hồ sơ đó.`,
    );
  }
  if (namedUnknown !== undefined) {
    const total = unknownFiles(namedUnknown);
    const list = namedUnknown.plans.map((p) => `${p.files} tệp theo hồ sơ ${p.id}`).join("; ");
    const files = namedUnknown.plans.map((p) => `${p.id}.json`).join(", ");
    const several = namedUnknown.plans.length > 1;
    lines.push(
      `Lưu ý: ${total}/${namedUnknown.of} tệp theo mẫu này lập theo hồ sơ mà bản KL226 này không có (${list}): các tệp đó được kiểm tra theo hồ sơ “${profile.name}”, chỉ tiêu và nhiệm vụ riêng của ${several ? "các hồ sơ đó" : "hồ sơ đó"} chưa được kiểm tra. Nếu đợt báo cáo là của ${several ? "một trong các kế hoạch đó" : "kế hoạch đó"}, chép ${several ? "các tệp hồ sơ" : "tệp hồ sơ"} (${files}) vào thư mục ${PROFILES_DIR} rồi chạy lại, hoặc chạy lại với --profile và đường dẫn tệp hồ sơ của kế hoạch đó.`,
    );
  }
  if (namedAside !== undefined) {
    const id = namedAside.profile.id ?? namedAside.profile.name;
    const lacked = unknownFiles(namedUnknown);
    lines.push(
      `Lưu ý: ${namedAside.files}/${namedAside.of} tệp theo mẫu này lập theo hồ sơ ${id} (${namedAside.profile.name}), ${namedAside.none} tệp không ghi hồ sơ nào mà bản KL226 này có${lacked > 0 ? ` (${lacked} tệp trong số đó lập theo hồ sơ bản này không có, nói ở dòng trên)` : ""}, nên bảng tổng hợp theo hồ sơ “${profile.name}”: nhiệm vụ và chỉ tiêu riêng của hồ sơ ${id} không được dùng. Nếu các báo cáo là của kế hoạch đó, chạy lại với --profile ${id}.`,
    );
  }
  if (c.period) {
    const how = c.periodGiven ? "theo tùy chọn --period/--year" : "kỳ mà nhiều tệp khai nhất";
    lines.push(
      `Kỳ tổng hợp: ${periodLabel(c.period)} (${how}; hạn nộp ${c.deadline ? viDate(c.deadline) : "?"}).`,
    );
    const planNote = planYearNote(c.form, c.period);
    if (planNote !== undefined) lines.push(`  ${planNote}`);
    const later = otherPeriodFiles(c);
    if (later.length > 0)
      lines.push(
        `  Lưu ý: trong các tệp còn có báo cáo của kỳ khác (${later.map((p) => `${periodText(p.period)}: ${p.files} tệp`).join("; ")}): không tổng hợp vào kỳ này, không cần đơn vị sửa. Nên để báo cáo mỗi kỳ trong một thư mục riêng${c.periodGiven ? "" : `, hoặc chọn kỳ bằng --period và --year`}.`,
      );
  } else {
    lines.push("Không xác định được kỳ tổng hợp: không có tệp nào khai Kỳ báo cáo và Năm hợp lệ.");
  }
  const notReports = c.notReports ?? [];
  const notUtf8 = notReports.filter((n) => n.notUtf8 === true);
  lines.push(
    `Đã đọc ${fileCount - notReports.length} tệp: chấp nhận ${c.units.length}, từ chối ${c.rejected.length}${replacedNote(replacedCount, resent.size)}, trùng đơn vị ${c.duplicates.length}${c.inRollup.length > 0 ? `, ${c.inRollup.length} tệp đã tính trong báo cáo tổng hợp khác` : ""}.`,
  );
  if (ignored.length > 0) lines.push(ignoredNote(ignored));
  if (notReports.length > 0)
    lines.push(
      `Bỏ qua ${notReports.length} tệp danh sách đơn vị (không phải báo cáo, không tính vào số tệp đã đọc): ${notReports.map((n) => n.file).join(", ")}. Nên để danh sách đơn vị ngoài thư mục các báo cáo.${notUtf8.length === 0 ? "" : ` ${MSG.rosterAnsiSetAside(notUtf8.map((n) => baseName(n.file)))}`}`,
    );
  if (c.rejected.length > 0) {
    lines.push("Tệp bị từ chối (chi tiết ở trang “Lỗi”):");
    const asideOf = rejectedAsides(c);
    for (const r of c.rejected.slice(0, LIST_LIMIT)) {
      const errors = r.findings.filter((f) => f.severity === "error");
      const first = errors[0] ?? r.findings[0];
      const blank = blankNote(r, false);
      const more = errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác)` : "";
      const aside = asideText(r, asideOf(r));
      lines.push(
        `  ✗ ${r.file}: ${blank !== undefined ? `${blank} (${errors.length} lỗi)` : first ? `${first.message} [${first.code}${first.cell ? ` ${first.sheet ?? ""}!${first.cell}` : ""}]${more}` : ""}${aside}`,
      );
    }
    if (c.rejected.length > LIST_LIMIT) lines.push(`  … và ${c.rejected.length - LIST_LIMIT} tệp khác.`);
  }
  if (c.duplicates.length > 0) {
    lines.push("Tệp trùng đơn vị (không được tổng hợp):");
    // Named as the unit counted is (the roster's name, else its file's), as the lists below name it.
    const counted = new Map(c.units.map((u) => [u.code, u.name]));
    for (const d of c.duplicates.slice(0, LIST_LIMIT))
      lines.push(
        `  = ${d.dropped}: đơn vị ${namedWithCode((counted.get(d.unit) ?? d.unitName).replace(/\s+/g, " "), d.unit)}, dùng tệp ${fileNameBeside(d.kept, d.dropped)}${d.conflict ? (d.former === true ? " (tệp của đơn vị cũ, số liệu khác: hỏi lại đơn vị)" : " (cùng ngày báo cáo nhưng số liệu khác: hỏi lại đơn vị tệp nào đúng)") : ""}${d.droppedRollupUnits > 0 ? `; tệp không dùng là báo cáo tổng hợp của ${d.droppedRollupUnits} đơn vị` : ""}${d.keptRollupUnits > 0 ? `; tệp dùng là báo cáo tổng hợp của ${d.keptRollupUnits} đơn vị, tệp không dùng là báo cáo riêng cùng mã` : ""}`,
      );
    if (c.duplicates.length > LIST_LIMIT) lines.push(`  … và ${c.duplicates.length - LIST_LIMIT} tệp khác.`);
  }
  if (c.inRollup.length > 0) {
    lines.push(
      "Tệp của đơn vị đã được tính trong báo cáo tổng hợp của đơn vị khác (không cộng thêm, để không tính hai lần):",
    );
    for (const r of c.inRollup.slice(0, LIST_LIMIT)) lines.push(inRollupLine(r));
    if (c.inRollup.length > LIST_LIMIT) lines.push(`  … và ${c.inRollup.length - LIST_LIMIT} tệp khác.`);
  }
  const overlaps = c.warnings.filter((w) => w.code === "ROLLUP_OVERLAP");
  if (overlaps.length > 0) {
    lines.push("Cảnh báo: có đơn vị bị cộng hai lần vì nằm trong hai báo cáo tổng hợp:");
    for (const w of overlaps) lines.push(`  ! ${w.file}: ${w.message}`);
  }
  const misnamed = c.warnings.filter((w) => w.code === "FILE_NAME_UNIT");
  if (misnamed.length > 0) {
    lines.push("Cảnh báo: tên tệp là mã của một đơn vị khác trong danh sách (tệp chép mà chưa sửa mã?):");
    for (const w of misnamed) lines.push(`  ! ${w.file}: ${w.message}`);
  }
  const otherNamed = c.warnings.filter((w) => w.code === "OTHER_UNIT_NAME");
  if (otherNamed.length > 0) {
    lines.push(
      "Cảnh báo: tên đơn vị trong tệp là tên của một đơn vị khác trong danh sách (tệp chép mà chưa sửa mã?):",
    );
    for (const w of otherNamed) lines.push(`  ! ${w.file}: ${w.message}`);
  }
  // A date outside its period decides lateness and which of a unit's files is used: said here, not
  // only on the Lỗi sheet (a quý II report relabelled quý III passed unseen).
  const dates = c.warnings.filter((w) => w.code === "UNLIKELY_DATE");
  if (dates.length > 0) {
    lines.push("Cảnh báo: ngày báo cáo cần xem lại (báo cáo vẫn được tổng hợp):");
    for (const w of dates.slice(0, LIST_LIMIT)) lines.push(`  ! ${w.file}: ${w.message}`);
    if (dates.length > LIST_LIMIT) lines.push(`  … và ${dates.length - LIST_LIMIT} tệp khác (trang “Lỗi”).`);
  }
  if (!c.rosterGiven) lines.push("Không có danh sách đơn vị (--roster): không xác định đơn vị chưa nộp.");
  else if (c.missing.length === 0)
    lines.push("Chưa nộp: không có (mọi đơn vị trong danh sách đã gửi báo cáo).");
  else {
    // A file named for a missing unit that gives another's code: its report may be that one.
    const arrived = arrivedUnderOtherNotes(c);
    lines.push(
      ...unitLines(
        `Chưa nộp: ${c.missing.length} đơn vị chưa gửi tệp nào:`,
        c.missing.map((u) => {
          const note = arrived.get(u.code);
          return note === undefined ? u : { ...u, note };
        }),
      ),
    );
    const unplaced = unplacedRejected(c);
    if (unplaced.length > 0) lines.push(`  ${unplacedSentence(unplaced, LIST_LIMIT)}`);
  }
  // Files and folders not opened here: their units are not known to have sent nothing, nor anything.
  const unopened = unopenedFiles(c);
  if (unopened.length > 0) lines.push(unopenedSentence(unopened, LIST_LIMIT));
  const sentBack = sentBackUnits(c);
  if (sentBack.length > 0)
    lines.push(
      ...unitLines(`Bị trả lại: ${sentBack.length} đơn vị đã gửi nhưng mọi tệp đều bị từ chối:`, sentBack),
    );
  const otherOnly = otherPeriodOnlyUnits(c);
  if (otherOnly.length > 0)
    lines.push(
      ...unitLines(
        `Chỉ gửi báo cáo kỳ khác: ${otherOnly.length} đơn vị chưa có báo cáo ${c.period ? periodText(c.period) : "kỳ này"} (tệp đã gửi là báo cáo của kỳ khác, không cần sửa):`,
        otherOnly.map((u) => ({ ...u, note: u.otherPeriods.map(periodText).join(", ") })),
      ),
    );
  const recoded = c.units.filter((u) => u.declaredCode !== undefined);
  if (recoded.length > 0)
    lines.push(
      `Mã đơn vị không có trong danh sách, được tính theo tên đơn vị, ${c.formerly === undefined ? "hoặc theo mã chỉ khác ở dấu “_”, “.” hay “-”" : "theo mã chỉ khác ở dấu “_”, “.” hay “-”, hoặc theo cột đơn vị cũ của danh sách"} (đề nghị đơn vị ghi đúng mã ở các lần sau): ${recoded
        .slice(0, LIST_LIMIT)
        .map((u) => `${u.declaredCode} → ${u.code} (${baseName(u.file)})`)
        .join(", ")}${recoded.length > LIST_LIMIT ? `, … (+${recoded.length - LIST_LIMIT})` : ""}.`,
    );
  const unknown = c.units.filter((u) => !u.onRoster);
  if (unknown.length > 0)
    lines.push(...unitLines("Không có trong danh sách đơn vị (vẫn tổng hợp):", unknown));
  const late = c.units.filter((u) => u.late);
  // Of them, units whose late report is an update of one they sent on time, and units whose earlier,
  // returned file had no Ngày báo cáo (when it came cannot be told), each marked in the list.
  const updated = late.filter((u) => lateMark(u) === RESENT_MARK).length;
  const undated = late.filter((u) => lateMark(u) === UNDATED_FIRST_MARK).length;
  const resentWhy = "đã gửi đúng hạn, bản được dùng là bản gửi lại sau hạn";
  const undatedWhy = `có tệp bị trả lại không ghi Ngày báo cáo, ${UNDATED_FIRST_OPEN}`;
  if (late.length === 0) lines.push("Trễ hạn: không có.");
  // Every one a resend, or every one with an undated file: said once in the head, no mark on each
  // (the count was said twice).
  else if (updated === late.length || undated === late.length)
    lines.push(
      ...unitLines(
        `Trễ hạn: ${late.length} đơn vị (${late.length > 1 ? "đều " : ""}${updated > 0 ? resentWhy : undatedWhy}):`,
        late,
      ),
    );
  else {
    const marks = [
      ...(updated > 0 ? [`“${RESENT_MARK}”: ${updated} đơn vị ${resentWhy}`] : []),
      ...(undated > 0 ? [`“${UNDATED_FIRST_MARK}”: ${undated} đơn vị ${undatedWhy}`] : []),
    ];
    lines.push(
      ...unitLines(
        `Trễ hạn: ${late.length} đơn vị${marks.length > 0 ? ` (${marks.join("; ")})` : ""}:`,
        late.map((u) => {
          const note = lateMark(u);
          return note === undefined ? u : { ...u, note };
        }),
      ),
    );
  }
  // Nothing accepted (a year run over quarters' files, a folder of another period): no zeros per
  // indicator that read as a province with no shortfall.
  if (c.units.length === 0)
    lines.push(
      "Chưa tổng hợp được báo cáo nào (không tệp nào được chấp nhận): chưa đánh giá được chỉ tiêu nào; bảng tổng hợp và văn bản chỉ ghi các tệp bị từ chối và đơn vị chưa nộp, chưa có số liệu để gửi đi.",
    );
  else lines.push(`Kết quả các chỉ tiêu (${c.shortfalls.length} trường hợp chưa đạt):`);
  for (const ind of c.units.length === 0 ? [] : c.form.indicators) {
    const n = c.province.counts[ind.id] ?? { met: 0, short: 0, na: 0 };
    lines.push(
      judgedInPeriod(ind, c.period?.kind)
        ? `  ${ind.short} (${targetText(ind)}): ${n.short} chưa đạt, ${n.met} đạt, ${n.na} chưa đánh giá được.`
        : `  ${ind.short} (${targetText(ind)}): chỉ đánh giá ở ${judgedPeriodsText(ind)}; kỳ này không đánh giá.`,
    );
  }
  lines.push(`Bảng tổng hợp: ${out}`);
  if (json !== undefined) lines.push(`Báo cáo JSON: ${json}`);
  return `${lines.join("\n")}\n`;
}

/**
 * An output named as a file the run reads (its roster, profile or last year's summary) would be
 * replaced by it: refused before anything is read (`--json ds.csv --roster ds.csv` lost the roster).
 */
function refuseOutputsOverReadFiles(
  outputs: ReadonlyArray<readonly [string, string | undefined]>,
  reads: ReadonlyArray<readonly [string, string | undefined]>,
): void {
  for (const [option, path] of outputs) {
    if (path === undefined) continue;
    // A JSON written among the shipped profiles (onto one, or beside them) would be read as a
    // profile by the next build, and a file that is none stops every command until it is removed.
    if (/\.json$/i.test(path) && sameFile(dirname(path), PROFILES_DIR))
      throw new UsageError(
        `${option} ${path} nằm trong thư mục hồ sơ cấu hình của chương trình (${PROFILES_DIR}): mọi tệp .json ở đó được đọc như một hồ sơ, nên tệp này sẽ ghi đè hoặc làm hỏng hồ sơ. Hãy ghi ra thư mục khác; chưa có gì được ghi.`,
      );
    const read = reads.find(([, r]) => r !== undefined && sameFile(path, r));
    if (read !== undefined)
      throw new UsageError(
        `${option} ${path} trùng với tệp đầu vào mà lệnh đang đọc (${read[0]} ${read[1] ?? ""}): tệp đầu vào không bao giờ bị ghi đè. Hãy chọn tên khác cho ${option}; chưa có gì được ghi.`,
      );
  }
}

/** Links to a folder holding the one given or to the system's, and names with a control character, not read (validate and consolidate alike). */
export function skippedNotes(
  found: Pick<ExpandedInputs, "outsideLinks" | "oddNames" | "followedLinks">,
): string[] {
  const { outsideLinks, oddNames, followedLinks } = found;
  return [
    ...(followedLinks.length > 0
      ? [
          `Đọc cả ${followedLinks.length} thư mục nằm ngoài thư mục đã chọn, qua liên kết: ${listCodes(followedLinks)}. Nếu không phải thư mục báo cáo, xóa liên kết rồi chạy lại.`,
        ]
      : []),
    ...(outsideLinks.length > 0
      ? [
          `Bỏ qua ${outsideLinks.length} liên kết tới thư mục chứa chính thư mục đã chọn hoặc thư mục của hệ thống (không đọc các tệp trong đó; nếu cần, chép các tệp báo cáo vào thư mục): ${listCodes(outsideLinks)}.`,
        ]
      : []),
    ...(oddNames.length > 0
      ? [
          `Bỏ qua ${oddNames.length} tệp có tên chứa ký tự xuống dòng hay ký tự điều khiển (đổi tên tệp rồi chạy lại): ${listCodes(oddNames.map((f) => JSON.stringify(baseName(f))))}.`,
        ]
      : []),
  ];
}

/** KL226's own Word documents found among the inputs and passed over, by the folders holding them (a letter a unit; validate and consolidate alike). */
export function ownDocumentsNote(files: readonly string[]): string {
  const folders = [...new Set(files.map((f) => dirname(f)))];
  return `Bỏ qua ${files.length} văn bản Word do KL226 lập ở lần chạy trước (thư nhắc, báo cáo) trong thư mục ${listCodes(folders)}: không phải báo cáo của đơn vị. Nên để thư nhắc và báo cáo ngoài thư mục các báo cáo.`;
}

/** The Excel lock and hidden files a folder scan passed over, named (validate and consolidate alike). */
export function ignoredNote(ignored: readonly string[]): string {
  return `Bỏ qua ${ignored.length} tệp khóa “~$…” của Excel hoặc tệp ẩn (không phải báo cáo): ${listCodes(ignored.map(baseName))}.`;
}

/** Said after a rejected file on the terminal: what became of it beside its unit's other files, or "". */
function asideText(r: RejectedFile, aside: RejectedAside): string {
  switch (aside.kind) {
    case "none":
    case "otherPeriod":
      return "";
    // Its unit reported inside a roll-up: nothing to send again (and no letter asks for it).
    case "inRollup":
      return " — đơn vị đã được tính trong báo cáo tổng hợp khác";
    case "laterReturned":
      return ` — ${MSG.replacedByLaterReturned(fileNameBeside(aside.later.file, r.file), aside.later.sha256 === r.sha256)}`;
    case "besideAccepted": {
      const kept = fileNameBeside(aside.kept.file, r.file);
      if (aside.sent === "before") return ` — đơn vị đã gửi tệp hợp lệ ${kept}, tệp này không cần sửa nữa`;
      if (aside.sent === "after") return ` — ${MSG.failedCorrection(kept, viDate(aside.kept.reportDate))}`;
      // The same day or undated: which came later cannot be told, unless it is one version sent twice.
      return aside.twin === undefined
        ? ` — ${MSG.sameDayRejection(kept, r.reportDate === null)}`
        : ` — ${MSG.identicalBesideAccepted(kept, fileNameBeside(aside.twin.file, r.file))}`;
    }
  }
}

/**
 * After the rejected count, the files that need no mending: " (3 tệp của đơn vị đã gửi lại tệp hợp lệ; 1 tệp
 * đã có bản gửi sau cũng bị từ chối)", either alone, or "".
 */
function replacedNote(replaced: number, resent: number): string {
  const notes = [
    ...(replaced === 0 ? [] : [`${replaced} tệp của đơn vị đã gửi lại tệp hợp lệ`]),
    ...(resent === 0 ? [] : [MSG.resentAlsoRejected(resent)]),
  ];
  return notes.length === 0 ? "" : ` (${notes.join("; ")})`;
}

/** The width the terminal's lists of units are filled to: a console window's default. */
const TERMINAL_WIDTH = 80;

/**
 * `head` and its units by name and code, "Xã Nga Sơn (XA_NGA_SON)" as the summary and the letters
 * name them (the code alone where no name is known), a note in the code's brackets; cut after
 * LIST_LIMIT as listCodes cuts codes. Filled into lines of TERMINAL_WIDTH characters, broken only
 * between two units, each line after the first indented: one line of twenty names would not be read.
 * A name with a comma in it makes "; " the separator, as the report's lists do.
 */
function unitLines(
  head: string,
  units: ReadonlyArray<{ readonly code: string; readonly name: string; readonly note?: string }>,
): string[] {
  const named = units.slice(0, LIST_LIMIT).map(({ code, name, note }) => {
    const withCode = namedWithCode(name.replace(/\s+/g, " "), code);
    if (note === undefined) return withCode;
    return withCode === code ? `${code} (${note})` : `${withCode.slice(0, -1)}; ${note})`;
  });
  const separator = named.some((n) => n.includes(",")) ? ";" : ",";
  const items = [...named, ...(units.length > LIST_LIMIT ? [`… (+${units.length - LIST_LIMIT})`] : [])];
  const lines = [head];
  items.forEach((item, i) => {
    const piece = `${item}${i === items.length - 1 ? "." : separator}`;
    const last = lines[lines.length - 1]!;
    if ([...last].length + 1 + [...piece].length <= TERMINAL_WIDTH)
      lines[lines.length - 1] = `${last} ${piece}`;
    else lines.push(`  ${piece}`);
  });
  return lines;
}

function listCodes(codes: readonly string[]): string {
  return codes.length <= LIST_LIMIT
    ? codes.join(", ")
    : `${codes.slice(0, LIST_LIMIT).join(", ")}, … (+${codes.length - LIST_LIMIT})`;
}

/** A roster from .csv (UTF-8) or .xlsx; any problem is a usage error (exit 2) naming the file. */
export function loadRoster(
  path: string,
  profile: Profile,
  note: (line: string) => void = () => {},
): RosterUnit[] {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch (e) {
    const why = fsReason(isErrnoError(e) ? e.code : undefined) ?? "không mở được tệp";
    throw new UsageError(`Không đọc được danh sách đơn vị ${path}: ${why}.`);
  }
  let outcome;
  // A workbook (an Excel 97–2003 or an encrypted one too) goes to the reader, which tells which,
  // whatever the name, not to the CSV path as text that is not UTF-8.
  if (isPackedFile(bytes) || /\.xlsx$/i.test(path)) {
    const read = readXlsx(bytes, { limits: profile.limits, inflateRaw: createNodeInflateRaw() });
    if (!read.ok)
      throw new UsageError(
        `Không đọc được danh sách đơn vị ${path}: ${rosterUnreadable(read.reason, basename(path), bytes.length)}.`,
      );
    outcome = parseRosterWorkbook(read.workbook);
  } else {
    const text = rosterText(bytes);
    // Excel's plain CSV of a Vietnamese Windows: the advice a roster set aside among the reports gets.
    if (text === undefined) throw new UsageError(MSG.rosterAnsiGiven(path));
    const notList = textNotRosterMessage(path, text);
    if (notList !== null) throw new UsageError(`Không đọc được danh sách đơn vị ${path}: ${notList}`);
    outcome = parseRosterCsv(text);
  }
  if (!outcome.ok)
    throw new UsageError(
      `Danh sách đơn vị ${path} không hợp lệ:\n  ${outcome.errors.slice(0, 30).join("\n  ")}${outcome.errors.length > 30 ? `\n  … và ${outcome.errors.length - 30} lỗi khác.` : ""}`,
    );
  for (const line of outcome.notes ?? []) note(`Danh sách đơn vị ${path}: ${line}`);
  return outcome.units;
}
