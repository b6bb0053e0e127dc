// kl226 command line (SPEC §6): template, validate, consolidate, demo. Exit codes: 0 all valid or
// written, 1 some file invalid or rejected, 2 usage error, unreadable profile/roster or an output
// that cannot be written. Every message is Vietnamese and says what to do; -h/--help per command.

import { existsSync } from "node:fs";
import { version as VERSION } from "../../package.json";
import { z } from "../core/zod";
import { blankNote, shownFindings } from "../core/finding-order";
import { notOpenedResult } from "../app/inspect";
import type { Finding } from "../core/findings";
import { DEFAULT_PROFILE, type Profile } from "../core/profile";
import { deploymentProfile } from "../core/profiles";
import { reportShortfalls } from "../core/consolidate";
import { lateReport, lateReportText, type LateReport } from "../core/deadlines";
import { shortfallLine } from "../core/letters";
import { planYearNote } from "../core/documents";
import { declaredPeriod, groupByPeriod, periodText } from "../core/form";
import { templateTasks, templateWorkbook } from "../core/template";
import { profileCheckedBy } from "../core/validate";
import type { ValidationResult } from "../core/unit-report";
import { NODE_ZIP_CODEC } from "../xlsx/node-deflate";
import { writeXlsx } from "../xlsx/write";
import {
  checkOutputs,
  expandInputs,
  firstMeetings,
  fsReason,
  isErrnoError,
  loadProfile,
  noteProfile,
  patternNotFound,
  storedOutputPath,
  UsageError,
  writeAtomic,
} from "./io";
import { inspectFiles } from "./parallel";

import {
  CONSOLIDATE,
  consolidateCommand,
  ignoredNote,
  ownDocumentsNote,
  skippedNotes,
} from "./consolidate-command";
import { isOwnDocument } from "./earlier-output";
import { DEMO, demoCommand } from "./demo-command";
import { unitCodeSchema, unitTypeSchema } from "../core/unit-schema";
import {
  checkOptions,
  checkPeriodOfForm,
  commandHelp,
  defineCommand,
  dateOption,
  HelpRequest,
  mainHelp,
  nearestName,
  parseOptions,
  periodSchema,
  PERIODS_LINE,
  PROFILE_OPTION,
  PROFILES_LINE,
  UNIT_TYPES_LINE,
  usageError,
  yearSchema,
  type CommandSpec,
  type Io,
} from "./options";
import { progressBar } from "./progress";
import { terminalSafe } from "./terminal-safe";

export { checkOptions, parseOptions, periodSchema, yearSchema, type Io };
/** For scripts/build-cli.js: a build with a profiles/*.json that does not parse stops and says why. */
export { buildProfilesLine, invalidProfiles, profilesNotes } from "../core/profiles";

// On a terminal, control characters from the files are shown, not obeyed; a file or pipe gets the text as is.
const nodeIo: Io = {
  out: (t) => process.stdout.write(process.stdout.isTTY ? terminalSafe(t) : t),
  err: (t) => process.stderr.write(process.stderr.isTTY ? terminalSafe(t) : t),
  isErrTty: Boolean(process.stderr.isTTY),
};

type Command = (args: string[], io: Io) => Promise<number> | number;

export const TEMPLATE = defineCommand({
  name: "template",
  summary: "tạo tệp mẫu báo cáo (.xlsx) để đơn vị điền",
  synopsis:
    "--out TỆP.xlsx [--profile TÊN|P.json] [--unit MÃ --name TÊN --type LOẠI --period KỲ --year NĂM --date NGÀY] [--force]",
  options: {
    out: {
      type: "string",
      value: "TỆP.xlsx",
      help: "tệp mẫu sẽ tạo; không ghi đè tệp đã có (trừ khi có --force)",
    },
    force: { type: "boolean", help: "cho phép thay tệp --out đã có (báo cáo đã điền trong tệp đó sẽ mất)" },
    profile: PROFILE_OPTION,
    unit: {
      type: "string",
      value: "MÃ",
      help: "điền sẵn mã đơn vị, ví dụ SO_Y_TE; mẫu chỉ liệt kê các nhiệm vụ áp dụng cho đơn vị",
    },
    name: { type: "string", value: "TÊN", help: "điền sẵn tên đơn vị" },
    type: {
      type: "string",
      value: "LOẠI",
      help: "điền sẵn loại đơn vị; mẫu chỉ liệt kê các nhiệm vụ áp dụng cho loại này",
    },
    period: { type: "string", value: "KỲ", help: "điền sẵn kỳ báo cáo" },
    year: { type: "string", value: "NĂM", help: "điền sẵn năm báo cáo, ví dụ 2026" },
    date: { type: "string", value: "dd/mm/yyyy", help: "điền sẵn ngày báo cáo" },
  },
  operands: { min: 0, max: 0 },
  notes: [
    UNIT_TYPES_LINE,
    PERIODS_LINE,
    `${PROFILES_LINE}; không có --profile: theo hồ sơ mặc định của bản triển khai (hồ sơ ghi "default": true trong thư mục profiles/), nếu không có thì mẫu KL226-BC/1 chung.`,
    "Mã thoát: 0 đã ghi tệp mẫu; 2 dùng lệnh sai, tệp --out đã có (thêm --force để thay), hoặc không đọc được hồ sơ.",
  ],
  examples: [
    "kl226 template --out mau-bao-cao.xlsx",
    'kl226 template --out XA_NGA_SON.xlsx --unit XA_NGA_SON --name "UBND xã Nga Sơn" --type UBND_XA --period 6T --year 2026',
    "kl226 template --out mau-cchc.xlsx --profile hcm-attp-cchc-2025",
  ],
});

export const VALIDATE = defineCommand({
  name: "validate",
  summary: "kiểm tra tệp báo cáo theo mẫu: mỗi tệp một kết luận, lỗi trước cảnh báo, cuối cùng là tổng kết",
  synopsis: "TỆP.xlsx|THƯ_MỤC... [--json] [--profile TÊN|P.json]",
  options: {
    json: { type: "boolean", help: "in kết quả dạng JSON: một mảng, mỗi tệp một đối tượng" },
    profile: PROFILE_OPTION,
  },
  operands: {
    min: 1,
    max: null,
    missing: "Cần ít nhất một tệp .xlsx hoặc thư mục chứa báo cáo, ví dụ kl226 validate bao-cao.xlsx.",
  },
  notes: [
    "Không có --profile: mỗi tệp được kiểm tra theo hồ sơ ghi trong tệp (mẫu lập theo một hồ sơ ghi tên hồ sơ đó), nếu không có thì theo biểu mẫu ghi ở ô A1 (KL226-BC/1, CCHC-BC/2025) và hồ sơ mặc định của bản triển khai.",
    PROFILES_LINE,
    "Trong thư mục, mọi tệp đều được xét (tệp .xls, .ods, .csv… được báo là không phải .xlsx và cách lưu lại); bỏ qua tệp khóa “~$…” của Excel và tệp ẩn.",
    "Mã thoát: 0 mọi tệp hợp lệ; 1 có tệp không hợp lệ, không mở được hoặc không tìm thấy; 2 dùng lệnh sai hoặc không đọc được hồ sơ (--profile).",
  ],
  examples: [
    "kl226 validate XA_NGA_SON.xlsx",
    "kl226 validate bao-cao/",
    "kl226 validate bao-cao/ --json > ket-qua.json",
  ],
});

const COMMANDS: ReadonlyArray<{ readonly spec: CommandSpec; readonly run: Command }> = [
  { spec: TEMPLATE, run: templateCommand },
  { spec: VALIDATE, run: validateCommand },
  { spec: CONSOLIDATE, run: consolidateCommand },
  { spec: DEMO, run: demoCommand },
];

/** `kl226 --help`: written into the build (build/cli/help.txt) so the built command answers it without loading the commands. */
export function mainHelpText(): string {
  return mainHelp(COMMANDS.map((c) => c.spec));
}

export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  const specs = COMMANDS.map((c) => c.spec);
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(mainHelp(specs));
    return 2;
  }
  if (name === "--version" || name === "-v" || name === "-V") {
    io.out(`kl226 phiên bản ${VERSION}\n`);
    return 0;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const about = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.spec.name === rest[0]);
    io.out(about ? commandHelp(about.spec) : mainHelp(specs));
    return 0;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    io.err(`${unknownCommand(name, specs)}
`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof HelpRequest) {
      io.out(commandHelp(e.spec));
      return 0;
    }
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    // A file-system problem nobody anticipated still gets a sentence naming the path.
    if (isErrnoError(e) && e.path !== undefined && fsReason(e.code) !== undefined) {
      io.err(`Không đọc/ghi được ${e.path}: ${fsReason(e.code)}.\n`);
      return 2;
    }
    // A bug, not the user's fault: say so briefly, without a stack trace unless asked for.
    io.err(
      `Lỗi nội bộ của kl226: ${(e as Error).message}\nHãy báo lỗi kèm lệnh đã chạy. (Đặt KL226_DEBUG=1 để xem chi tiết.)\n`,
    );
    if (process.env.KL226_DEBUG) io.err(`${(e as Error).stack}\n`);
    return 2;
  }
}

function unknownCommand(name: string, specs: readonly CommandSpec[]): string {
  const names = specs.map((s) => s.name);
  const list = `Các lệnh: ${names.join(", ")}. Xem: kl226 --help`;
  if (name.startsWith("-")) {
    // The example is one of the help's own that uses the option, from a command that has it.
    const option = name.replace(/^-+/, "").split("=")[0] ?? "";
    const owners = specs.filter((s) => option in s.options);
    const example =
      owners.flatMap((s) => s.examples ?? []).find((e) => e.includes(`--${option}`)) ??
      (owners[0] ? `kl226 ${owners[0].name} … --${option}` : "kl226 validate TỆP.xlsx --json");
    const ownedBy =
      owners.length > 0 ? ` (${name} là tùy chọn của lệnh ${owners.map((s) => s.name).join(", ")})` : "";
    return `Tùy chọn ${name} phải đứng sau tên lệnh${ownedBy}, ví dụ ${example}. ${list}`;
  }
  const near = nearestName(name, names);
  if (near) return `Không có lệnh “${name}”. Có phải là kl226 ${near}? ${list}`;
  if (/\.(xlsx|xls|xlsm|ods|csv)$/i.test(name) || existsSync(name))
    return `Hãy ghi tên lệnh trước tệp, ví dụ kl226 validate ${name}. ${list}`;
  return `Không có lệnh “${name}”. ${list}`;
}

const templateOptions = z.object({
  out: z
    .string({ message: "cần --out TỆP.xlsx, ví dụ --out mau-bao-cao.xlsx" })
    .min(1)
    .regex(/\.xlsx$/i, "tệp mẫu phải có đuôi .xlsx, ví dụ --out mau-bao-cao.xlsx"),
  force: z.boolean().optional(),
  profile: z.string().optional(),
  unit: unitCodeSchema.optional(),
  name: z.string().trim().min(1, 'cần tên đơn vị, ví dụ --name "Sở Y tế"').optional(),
  type: unitTypeSchema.optional(),
  period: periodSchema.optional(),
  year: yearSchema.optional(),
  date: dateOption("05/06/2026").optional(),
});

/** The deployment's default profile (else the form's), its notes said as for one given by name. */
function deploymentDefault(note: (line: string) => void): Profile {
  const deployment = deploymentProfile();
  if (deployment === undefined) return DEFAULT_PROFILE;
  noteProfile(deployment, deployment.id ?? deployment.name, note);
  return deployment;
}

function templateCommand(args: string[], io: Io): number {
  const { values } = parseOptions(args, TEMPLATE);
  const options = checkOptions(TEMPLATE, templateOptions, values);
  // A report stored with decomposed letters is the one typed composed: it is found, not doubled.
  const o = { ...options, out: storedOutputPath(options.out) };
  const profile =
    o.profile === undefined
      ? deploymentDefault((line) => io.err(`${line}\n`))
      : loadProfile(o.profile, (line) => io.err(`${line}\n`));
  if (o.period !== undefined) checkPeriodOfForm(profile, o.period);
  checkOutputs([{ path: o.out, option: "--out", kind: "file" }]);
  // A clerk's filled report must never be lost to a template written over it.
  if (existsSync(o.out) && !o.force) {
    throw usageError(
      TEMPLATE,
      `Tệp ${o.out} đã có. kl226 template không ghi đè tệp có sẵn (có thể là báo cáo đã điền). Hãy chọn tên khác, hoặc thêm --force nếu chắc chắn muốn thay tệp này bằng mẫu trống.`,
    );
  }
  const prefill = {
    unit: o.unit,
    name: o.name,
    type: o.type,
    period: o.period,
    year: o.year,
    reportDate: o.date,
  };
  const spec = templateWorkbook(profile, prefill);
  writeAtomic(o.out, writeXlsx(spec, NODE_ZIP_CODEC));
  const tasks = templateTasks(profile.form, prefill).length;
  io.out(`Đã tạo mẫu báo cáo ${profile.form.id} — hồ sơ: ${profile.name}, ${tasks} nhiệm vụ: ${o.out}\n`);
  // The 2025 plan's template made for 2026: its tasks and title are 2025's (said, not refused).
  const planNote =
    o.year === undefined ? undefined : planYearNote(profile.form, { kind: o.period ?? "NAM", year: o.year });
  if (planNote !== undefined) io.err(`${planNote}\n`);
  return 0;
}

const validateOptions = z.object({ json: z.boolean().optional(), profile: z.string().optional() });

export interface FileValidation {
  readonly file: string;
  readonly result: ValidationResult;
  /** A valid report's targets missed, as its letter would word them (not errors: the file is accepted). */
  readonly shortfalls?: readonly string[];
  /** A valid report dated after its period's deadline: the consolidation will count it late. */
  readonly late?: LateReport;
  /** A path given that does not exist: a mistyped path, not a report that failed its checks. */
  readonly missing?: true;
}

async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, VALIDATE);
  const o = checkOptions(VALIDATE, validateOptions, values);
  // SPEC §8: without --profile each file is read with the form its marker names (by that form's default profile).
  const profile =
    o.profile === undefined
      ? deploymentDefault((line) => io.err(`${line}\n`))
      : loadProfile(o.profile, (line) => io.err(`${line}\n`));
  const forms = o.profile === undefined ? "follow" : "expect";
  // Without --profile, a template made with a profile of profiles/ is checked by it (validate.ts).
  const fileProfile = o.profile === undefined;
  // Each path in the order given; one that does not exist is that entry's verdict, the rest still run.
  const entries: Array<{ file: string; missing?: true }> = [];
  const empty: string[] = [];
  const ignored: string[] = [];
  const skipped = { outsideLinks: [] as string[], oddNames: [] as string[], followedLinks: [] as string[] };
  // A file met again (a folder given twice, a file also inside a folder given) is checked once.
  const seen = new Set<string>();
  // KL226's own letters and report in a folder checked (a letters' folder inside the inbox): passed
  // over as consolidate passes them, not each checked as a unit's Word file. One named alone is checked.
  const ownDocuments: string[] = [];
  for (const p of positionals) {
    const found = expandInputs([p]);
    const own = new Set(found.files.filter((f) => f !== p && isOwnDocument(f)));
    for (const f of own) ownDocuments.push(f);
    // Element by element: spreading 130,000 files into push() overflows the call stack.
    for (const f of found.ignored) ignored.push(f);
    for (const f of found.outsideLinks) skipped.outsideLinks.push(f);
    for (const f of found.oddNames) skipped.oddNames.push(f);
    for (const f of found.followedLinks) skipped.followedLinks.push(f);
    if (found.missing.length > 0) entries.push({ file: p, missing: true });
    const files = own.size === 0 ? found.files : found.files.filter((f) => !own.has(f));
    for (const file of firstMeetings(files, seen)) entries.push({ file });
    for (const f of found.emptyFolders) empty.push(f);
  }
  if (entries.length === 0)
    throw usageError(
      VALIDATE,
      `Không có tệp nào để kiểm tra${empty.length > 0 ? ` trong ${empty.join(", ")}` : ""}${ignored.length > 0 ? ` (${ignoredNote(ignored).replace(/\.$/, "")}; nếu đó là báo cáo, đổi tên tệp, bỏ “~$” hay dấu chấm ở đầu)` : ""}. Hãy chép các tệp báo cáo .xlsx vào thư mục, hoặc ghi đường dẫn tệp.`,
    );
  for (const dir of empty) io.err(`Thư mục ${dir} không có tệp nào.\n`);
  // As consolidate says it: a copy named "~$…" is skipped, and the clerk should know which.
  if (ignored.length > 0) io.err(`${ignoredNote(ignored)}\n`);
  for (const note of skippedNotes(skipped)) io.err(`${note}\n`);
  if (ownDocuments.length > 0) io.err(`${ownDocumentsNote(ownDocuments)}\n`);
  // Read and checked on every core (src/cli/parallel.ts); a file that cannot be opened is that file's verdict.
  const present = entries.filter((e) => !e.missing).map((e) => e.file);
  const inspected = await inspectFiles(present, profile, {
    forms,
    fileProfile,
    onProgress: progressBar(io, present.length),
  });
  let next = 0;
  const results: FileValidation[] = entries.map(({ file, missing }) => {
    const result = missing
      ? notOpenedResult(
          `Không tìm thấy tệp hoặc thư mục ${file}${patternNotFound(file)}. Hãy kiểm tra lại đường dẫn.`,
        )
      : inspected[next++]!.result;
    // What the consolidation will flag, told now: by the profile the file was checked by.
    const by = profileCheckedBy(result, forms === "expect" ? profile : undefined) ?? profile;
    const shortfalls =
      result.report && by
        ? reportShortfalls(result.report, by.form).map(({ indicator, result: r }) =>
            shortfallLine(indicator, r),
          )
        : [];
    const late = result.report && by ? lateReport(result.report, by) : undefined;
    return {
      file,
      result,
      ...(shortfalls.length > 0 ? { shortfalls } : {}),
      ...(late ? { late } : {}),
      ...(missing ? { missing } : {}),
    };
  });
  if (o.json) io.out(`${JSON.stringify(results.map(validationJson), null, 2)}\n`);
  else io.out(`${results.map(humanValidation).join("")}${validationTally(results)}`);
  // A mistyped path is said as not found (not as a report that failed); like a failed one it makes
  // the exit code 1, the other files still checked (exit 2 would mean nothing was done).
  return results.every((r) => r.result.valid) ? 0 : 1;
}

/** SPEC §6: one object per file. */
function validationJson({ file, result }: FileValidation): object {
  return {
    file,
    valid: result.valid,
    form: result.form,
    // Additive to SPEC §6: the profile of profiles/ the file named and was checked by.
    ...(result.profile !== undefined ? { profile: result.profile } : {}),
    // Told by its rows, the file naming none.
    ...(result.profileByRows === true ? { profileByRows: true } : {}),
    unit: result.unit,
    period: result.period,
    year: result.year,
    findings: result.findings.map(findingJson),
    // Additive too: a template sent back unfilled (its findings are each blank cell).
    ...(result.blank ? { blank: true } : {}),
  };
}

function findingJson(f: Finding): object {
  const json = { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message };
  // The reader's technical detail (UNREADABLE, INTERNAL) goes with the finding for a bug report.
  return f.detail === undefined ? json : { ...json, detail: f.detail };
}

const errorCount = (r: ValidationResult): number => r.findings.filter((f) => f.severity === "error").length;

/**
 * "Trang “Chỉ tiêu”, ô E5: " — where a finding points, in words, as the page and the letters say it (the
 * sheet's name in quotes: a name such as "Thông tin" read inside a sentence is otherwise taken for words).
 */
function whereText(f: Finding): string {
  if (f.sheet === null) return "";
  return f.cell === null ? `Trang “${f.sheet}”: ` : `Trang “${f.sheet}”, ô ${f.cell}: `;
}

/** Human output: the file's verdict on one line, then its errors in sheet and row order, then its warnings. */
export function humanValidation({ file, result, shortfalls = [], late, missing }: FileValidation): string {
  if (missing)
    return `✗ KHÔNG TÌM THẤY: ${file} — không có tệp hoặc thư mục này${patternNotFound(file)}. Hãy kiểm tra lại đường dẫn.\n`;
  const errors = errorCount(result);
  const warnings = result.findings.length - errors;
  const who = result.unit ? ` — ${result.unit}${result.unitName ? ` (${result.unitName})` : ""}` : "";
  const verdict = result.valid
    ? `✓ HỢP LỆ${warnings ? ` (${warnings} cảnh báo)` : ""}${shortfalls.length > 0 ? `; ${shortfalls.length} chỉ tiêu chưa đạt` : ""}`
    : notOpened(result)
      ? "✗ CHƯA MỞ ĐƯỢC (trên máy này; chưa kiểm tra nội dung)"
      : `✗ KHÔNG HỢP LỆ — ${errors} lỗi${warnings ? `, ${warnings} cảnh báo` : ""}, chưa gửi được`;
  // Checked by the profile the file names (a template made with one of profiles/): say which.
  const by =
    result.profile === undefined
      ? ""
      : result.profileByRows === true
        ? ` · theo hồ sơ ${result.profile}, nhận ra từ các nhiệm vụ và chỉ tiêu trong tệp (tệp không ghi tên hồ sơ)`
        : ` · theo hồ sơ ${result.profile} ghi trong tệp`;
  const lines = [`${verdict}: ${file}${who}${by}`];
  const blank = blankNote(result);
  if (blank !== undefined) lines.push(`    Lưu ý · ${blank}`);
  for (const f of shownFindings(result.findings, result.blank)) {
    lines.push(
      `    ${f.severity === "error" ? "Lỗi" : "Cảnh báo"} · ${whereText(f)}${f.message} [${f.code}]`,
    );
  }
  // Not errors: the file is sent as it is, and its letter will ask to explain these.
  for (const line of shortfalls) lines.push(`    Chưa đạt · ${line}`);
  if (late) lines.push(`    Lưu ý · ${lateReportText(late)}`);
  return `${lines.join("\n")}\n`;
}

const TALLY_LIST = 20;

/** A file this machine did not open: nothing is known of its content, valid or not. */
function notOpened(result: FileValidation["result"]): boolean {
  return result.findings.some((f) => f.code === "NOT_OPENED");
}

/** The closing tally: files valid / invalid, errors, warnings; the invalid files named again at the end. */
export function validationTally(all: readonly FileValidation[]): string {
  const notFound = all.filter((r) => r.missing).map((r) => r.file);
  const results = all.filter((r) => !r.missing);
  const unopened = results.filter((r) => notOpened(r.result));
  const invalid = results.filter((r) => !r.result.valid && !notOpened(r.result));
  const errors = results.reduce((n, r) => n + (notOpened(r.result) ? 0 : errorCount(r.result)), 0);
  const warnings = results.reduce(
    (n, r) => n + r.result.findings.filter((f) => f.severity === "warning").length,
    0,
  );
  const files = results.length === 1 ? "1 tệp" : `${results.length} tệp`;
  const valid = results.length - invalid.length - unopened.length;
  const split = [
    invalid.length === 0 && unopened.length === 0
      ? results.length === 1
        ? "hợp lệ"
        : `cả ${results.length} hợp lệ`
      : `${valid} hợp lệ, ${invalid.length} không hợp lệ`,
    ...(unopened.length > 0 ? [`${unopened.length} chưa mở được trên máy này`] : []),
  ].join(", ");
  const lines = [
    "",
    results.length === 0
      ? "Tổng kết: không có tệp nào được kiểm tra."
      : `Tổng kết: ${files} — ${split}; ${errors} lỗi, ${warnings} cảnh báo.`,
    ...(notFound.length > 0
      ? [
          `Không tìm thấy ${notFound.length} đường dẫn: ${notFound.join(", ")}. Hãy kiểm tra lại rồi chạy lại cho các tệp đó.`,
        ]
      : []),
    ...(unopened.length > 0
      ? [
          `Chưa mở được ${unopened.length} tệp hoặc thư mục (do máy này, không phải lỗi của đơn vị): ${unopened
            .slice(0, TALLY_LIST)
            .map((r) => r.file)
            .join(", ")}${unopened.length > TALLY_LIST ? `, … (+${unopened.length - TALLY_LIST})` : ""}.`,
        ]
      : []),
  ];
  // Files of several periods (a half year's among the year's): each is checked on its own, so each
  // may be valid, yet a consolidation takes one period's; said, with the fewer named.
  const byPeriod = groupByPeriod(results, (r) => declaredPeriod(r.result)).map((g) => ({
    period: g.period,
    files: g.items.map((r) => r.file),
  }));
  if (byPeriod.length > 1) {
    const periods = byPeriod.sort((a, b) => b.files.length - a.files.length);
    lines.push(
      `Lưu ý: các tệp khai ${periods.length} kỳ báo cáo khác nhau: ${periods
        .map(
          (p, i) =>
            `${periodText(p.period)} (${p.files.length} tệp${i > 0 ? `: ${p.files.slice(0, TALLY_LIST).join(", ")}${p.files.length > TALLY_LIST ? `, … (+${p.files.length - TALLY_LIST})` : ""}` : ""})`,
        )
        .join(
          "; ",
        )}. Mỗi lần tổng hợp chỉ dùng báo cáo của một kỳ: xem lại Kỳ báo cáo và Năm của các tệp không thuộc kỳ sắp tổng hợp.`,
    );
  }
  if (invalid.length > 0 && results.length > 1) {
    const names = invalid.slice(0, TALLY_LIST).map((r) => r.file);
    lines.push(
      `Tệp không hợp lệ: ${names.join(", ")}${invalid.length > TALLY_LIST ? `, … (+${invalid.length - TALLY_LIST})` : ""}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}
