// `npm run bench`: end-to-end timing of read + validate + consolidate + summary on N generated unit workbooks, vs raw inflate and ExcelJS.
// Usage: npm run bench [-- --n 1000] [--no-scaling] [--no-exceljs] [--no-bounds]. Each measured job runs in a fresh child process (clean peak RSS).

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { inspectBytes } from "../src/app/inspect";
import { UNIT_TYPES, type UnitTypeId } from "../src/core/catalogue";
import { consolidate, type Consolidation, type Submission } from "../src/core/consolidate";
import { summaryWorkbook } from "../src/core/summary";
import { DEFAULT_PROFILE, type Profile, type RosterUnit } from "../src/core/profile";
import { parseRosterCsv } from "../src/core/roster";
import type { CellInput, WorkbookSpec } from "../src/core/sheetspec";
import { isTemplateSheet, validateWorkbook } from "../src/core/validate";
import type { Cell, CellValue, Sheet, Workbook } from "../src/core/workbook";
import { createNodeDecoder } from "../src/xlsx/node-inflate";
import { NODE_ZIP_CODEC } from "../src/xlsx/node-deflate";
import { writeXlsx } from "../src/xlsx/write";
import { reportSpec, type Edit, type ReportData } from "../test/helpers/report-builder";
import { mulberry32 } from "../test/helpers/prng";
import { best, rawInflate, readOnly } from "./bench-read-phase";

const TARGETS = { wallSeconds: 1.5, rssMb: 300, vsExcelJs: 5, readVsRaw: 2.5 } as const;
const SCALING = [250, 500, 1000, 4000] as const;
const profile: Profile = DEFAULT_PROFILE;

// ------------------------------------------------------------------ generation (seeded)

interface GeneratedUnit {
  readonly code: string;
  readonly name: string;
  readonly type: UnitTypeId;
}

const STATUSES = ["Hoàn thành", "Hoàn thành quá hạn", "Đang thực hiện", "Chưa thực hiện"] as const;
const MEETING_TYPES = ["Quán triệt", "Chuyên môn", "Quan trọng"] as const;
const MEETING_FORMS = ["Trực tiếp", "Trực tuyến", "Kết hợp"] as const;

/** One unit's report with varied values: mostly valid, some text numbers, a few with errors, some with a meeting log. */
function unitReport(i: number, rnd: () => number): { unit: GeneratedUnit; data: ReportData; edits: Edit[] } {
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const kind = rnd();
  const type: UnitTypeId = kind < 0.3 ? "SO_NGANH" : kind < 0.9 ? "UBND_XA" : "SU_NGHIEP";
  const prefix = type === "SO_NGANH" ? "SO" : type === "UBND_XA" ? "XA" : "DV";
  const noun = type === "SO_NGANH" ? "Sở" : type === "UBND_XA" ? "Xã" : "Trung tâm";
  const unit: GeneratedUnit = {
    code: `${prefix}_${String(i).padStart(5, "0")}`,
    name: `${noun} Thử nghiệm số ${i}`,
    type,
  };
  const part = (whole: number, lo: number): number =>
    Math.min(whole, Math.round(whole * (lo + rnd() * (1.02 - lo))));
  const hnPrev = int(12, 140);
  const hnCur = Math.round(hnPrev * (0.75 + rnd() * 0.25));
  const tthc = type === "SU_NGHIEP" ? 0 : int(200, 20000);
  const docs = int(800, 20000);
  const plain = Math.round(docs * 0.6);
  const staff = int(30, 250);
  const counts: Partial<Record<string, readonly [CellInput, CellInput]>> = {
    HN_TONG: [hnPrev, hnCur],
    HN_TRUC_TUYEN: [part(hnPrev, 0.3), part(hnCur, 0.5)],
    HN_VUOT_THOI_LUONG: [int(0, 3), rnd() < 0.1 ? 1 : 0],
    VB_HANH_CHINH: [int(100, 2400), int(80, 2000)],
    TTHC_TONG: [Math.round(tthc * 0.9), tthc],
    TTHC_SO: [part(Math.round(tthc * 0.9), 0.8), part(tthc, 0.88)],
    VB_TONG: [Math.round(docs * 0.95), docs],
    VB_SO_HOA: [part(Math.round(docs * 0.95), 0.8), part(docs, 0.9)],
    VB_KHONG_MAT: rnd() < 0.2 ? [null, null] : [plain, plain],
    VB_DIEN_TU: rnd() < 0.2 ? [null, null] : [part(plain, 0.9), part(plain, 0.96)],
    CC_TONG: [staff, staff],
    CC_KY_NANG_SO: [part(staff, 0.4), part(staff, 0.7)],
    TTHC_CAT_GIAM: [int(0, 5), int(0, 8)],
  };
  const edits: Edit[] = [];
  const roll = rnd();
  if (roll < 0.05)
    counts.TTHC_TONG = [counts.TTHC_TONG![0], `${tthc.toFixed(0).replace(/\B(?=(\d{3})+$)/g, ".")}`];
  else if (roll < 0.07) counts.VB_HANH_CHINH = [counts.VB_HANH_CHINH![0], null];
  else if (roll < 0.08) counts.TTHC_CAT_GIAM = [1, -1];
  let meetings: ReportData["meetings"];
  if (rnd() < 0.1) {
    meetings = Array.from(
      { length: hnCur },
      (_, k) =>
        [
          `Hội nghị số ${k + 1}`,
          MEETING_TYPES[k % 3]!,
          MEETING_FORMS[k % 3]!,
          k % 3 === 0 ? 0.5 : 1,
        ] as const,
    );
  }
  const taskStatuses = profile.form.tasks.map(() => STATUSES[Math.floor(rnd() * rnd() * STATUSES.length)]!);
  const data: ReportData = {
    unit: unit.code,
    name: unit.name,
    type,
    period: "6T",
    year: 2026,
    reportDate: { year: 2026, month: 6, day: int(1, 9) },
    counts,
    taskStatuses,
    meetings,
    preparer: "Nguyễn Văn A",
  };
  return { unit, data, edits };
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes `count` workbooks (u00001.xlsx, …) and roster-N.csv for every N in `sizes` (those units plus 3 that never report). */
function generate(dir: string, count: number, sizes: readonly number[]): void {
  const rnd = mulberry32(0x226);
  const units: GeneratedUnit[] = [];
  const t0 = performance.now();
  for (let i = 1; i <= count; i++) {
    const { unit, data, edits } = unitReport(i, rnd);
    units.push(unit);
    writeFileSync(
      join(dir, "files", `u${String(i).padStart(5, "0")}.xlsx`),
      writeXlsx(reportSpec(data, edits, profile)),
    );
    if (process.stderr.isTTY && i % 250 === 0)
      process.stderr.write(`\r  generating workbooks: ${i}/${count}`);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.log(
    `  generated ${count.toLocaleString("en")} workbooks in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed below)`,
  );
  const label = (t: UnitTypeId): string => UNIT_TYPES.find((u) => u.id === t)!.label;
  for (const n of sizes) {
    const listed = [
      ...units.slice(0, n),
      ...[1, 2, 3].map((k): GeneratedUnit => ({
        code: `XA_KHONG_NOP_${k}`,
        name: `Xã Không nộp ${k}`,
        type: "UBND_XA",
      })),
    ];
    const lines = [
      "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
      ...listed.map((u) => [u.code, u.name, label(u.type)].map(csvField).join(",")),
    ];
    writeFileSync(join(dir, `roster-${n}.csv`), `\ufeff${lines.join("\r\n")}\r\n`);
  }
}

function inputFiles(dir: string, n: number): string[] {
  const files = join(dir, "files");
  if (!existsSync(files)) return [];
  return readdirSync(files)
    .filter((f) => f.endsWith(".xlsx") && f.startsWith("u"))
    .sort()
    .slice(0, n)
    .map((f) => join(files, f));
}

type SummaryFn = (c: Consolidation, p: Profile) => WorkbookSpec;

// ------------------------------------------------------------------ the measured jobs (child side)
interface JobResult {
  readonly n: number;
  readonly wallMs: number;
  /** user + system CPU time of the job: less sensitive than wall time to other processes on a busy machine. */
  readonly cpuMs: number;
  readonly rssMb: number;
  readonly phases: Record<string, number>;
  readonly accepted: number;
  readonly rejected: number;
  readonly summaryBytes: number;
  readonly readMs?: number;
  readonly rawMs?: number;
  readonly warmWallMs?: number;
}

function loadRoster(dir: string, n: number): RosterUnit[] {
  const roster = parseRosterCsv(readFileSync(join(dir, `roster-${n}.csv`), "utf8"));
  if (!roster.ok) throw new Error(`roster: ${roster.errors.join("; ")}`);
  return roster.units;
}

/** Our pipeline, as the CLI does it: read file, SHA-256, read + validate, consolidate, build and write the summary. */
function ourPipeline(
  files: readonly string[],
  dir: string,
  n: number,
  summary: SummaryFn,
): Omit<JobResult, "rssMb" | "n"> {
  const phases = { "read file + sha256": 0, "read + validate": 0, consolidate: 0, "summary + write": 0 };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const roster = loadRoster(dir, n);
  const decoder = createNodeDecoder();
  const submissions: Submission[] = [];
  for (const file of files) {
    const a = performance.now();
    const bytes = readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const b = performance.now();
    const result = inspectBytes(bytes, profile, decoder);
    const c = performance.now();
    phases["read file + sha256"] += b - a;
    phases["read + validate"] += c - b;
    submissions.push({ file, sha256, result });
  }
  return finish(submissions, roster, dir, summary, phases, t0, cpu0);
}

function finish(
  submissions: readonly Submission[],
  roster: readonly RosterUnit[],
  dir: string,
  summary: SummaryFn,
  phases: Record<string, number>,
  t0: number,
  cpu0: NodeJS.CpuUsage,
): Omit<JobResult, "rssMb" | "n"> {
  const c0 = performance.now();
  const c = consolidate(submissions, { profile, roster, period: { kind: "6T", year: 2026 } });
  const c1 = performance.now();
  phases.consolidate = c1 - c0;
  const bytes = writeXlsx(summary(c, profile), NODE_ZIP_CODEC);
  writeFileSync(join(dir, "out-summary.xlsx"), bytes);
  phases["summary + write"] = performance.now() - c1;
  const cpu = process.cpuUsage(cpu0);
  return {
    wallMs: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    phases,
    accepted: c.units.length,
    rejected: c.rejected.length,
    summaryBytes: bytes.length,
  };
}

/** ExcelJS cell → our cell model (formulas by cached result, dates back to serials). */
function fromExcelJs(v: ExcelJS.CellValue): Cell | undefined {
  const plain = (x: number | string | boolean | Date | ExcelJS.CellErrorValue | undefined): CellValue => {
    if (x === undefined) return { kind: "empty" };
    if (typeof x === "number") return { kind: "number", value: x };
    if (typeof x === "string") return { kind: "string", value: x };
    if (typeof x === "boolean") return { kind: "boolean", value: x };
    if (x instanceof Date)
      return { kind: "number", value: (x.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, isDate: true };
    return { kind: "error", value: x.error };
  };
  if (v === null || v === undefined) return undefined;
  if (typeof v !== "object" || v instanceof Date || "error" in v) return { value: plain(v) };
  if ("richText" in v) return { value: { kind: "string", value: v.richText.map((r) => r.text).join("") } };
  if ("hyperlink" in v) return { value: { kind: "string", value: v.text } };
  if ("formula" in v || "sharedFormula" in v) return { value: plain(v.result), formula: true };
  return undefined;
}

/** Loaded only in the ExcelJS child, so that it weighs nothing on our pipeline's start-up and peak RSS. */
function loadExcelJs(): typeof ExcelJS {
  return createRequire(__filename)("exceljs") as typeof ExcelJS;
}

async function excelJsWorkbook(excel: typeof ExcelJS, bytes: Buffer): Promise<Workbook> {
  const wb = new excel.Workbook();
  // ExcelJS declares its own `Buffer` (an ArrayBuffer) that Node's Buffer type does not match.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const name = ws.name.normalize("NFC");
    if (!isTemplateSheet(name)) return;
    const rows: Array<Array<Cell | undefined> | undefined> = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: Array<Cell | undefined> = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = fromExcelJs(cell.value);
      });
      rows[r - 1] = cells;
    });
    sheets.push({ name, rows });
  });
  const names: Record<string, string> = {};
  return { sheets, date1904: wb.properties.date1904 === true, definedNames: names };
}

/** The same job with a straightforward full-workbook ExcelJS load per file (the rest is our core, unchanged). */
async function excelJsPipeline(
  files: readonly string[],
  dir: string,
  n: number,
  summary: SummaryFn,
): Promise<Omit<JobResult, "rssMb" | "n">> {
  const phases = {
    "read file + sha256": 0,
    "ExcelJS load + validate": 0,
    consolidate: 0,
    "summary + write": 0,
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const roster = loadRoster(dir, n);
  const excel = loadExcelJs();
  const submissions: Submission[] = [];
  for (const file of files) {
    const a = performance.now();
    const bytes = readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const b = performance.now();
    const result = validateWorkbook(await excelJsWorkbook(excel, bytes), profile);
    phases["read file + sha256"] += b - a;
    phases["ExcelJS load + validate"] += performance.now() - b;
    submissions.push({ file, sha256, result });
  }
  return finish(submissions, roster, dir, summary, phases, t0, cpu0);
}

async function child(mode: string, dir: string, n: number): Promise<void> {
  const files = inputFiles(dir, n);
  const summary: SummaryFn = summaryWorkbook;
  let result: JobResult;
  if (mode === "exceljs") {
    const r = await excelJsPipeline(files, dir, n, summary);
    result = { ...r, n: files.length, rssMb: process.resourceUsage().maxRSS / 1024 };
  } else {
    const r = ourPipeline(files, dir, n, summary);
    // Peak RSS of the job itself, before the extra measurements below load every file at once.
    const rssMb = process.resourceUsage().maxRSS / 1024;
    result = { ...r, n: files.length, rssMb };
    if (mode === "phases") {
      const warmWallMs = best(2, () => void ourPipeline(files, dir, n, summary));
      const all = files.map((f) => new Uint8Array(readFileSync(f)));
      result = {
        ...result,
        warmWallMs,
        readMs: best(3, () => void readOnly(all, profile.limits)),
        rawMs: best(3, () => void rawInflate(all)),
      };
    }
  }
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

// ------------------------------------------------------------------ parent: orchestrate and print
function runChild(
  mode: "ours" | "phases" | "exceljs",
  dir: string,
  n: number,
): JobResult & { processMs: number } {
  const t = performance.now();
  const args = [
    "--expose-gc",
    join(__dirname, "run-ts.js"),
    __filename,
    "--child",
    mode,
    "--dir",
    dir,
    "--n",
    String(n),
  ];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const processMs = performance.now() - t;
  const line = r.stdout.split("\n").find((l) => l.startsWith("@@RESULT "));
  if (r.status !== 0 || line === undefined)
    throw new Error(`child ${mode} ${n} failed (${String(r.status)}):\n${r.stderr}`);
  return { ...(JSON.parse(line.slice(9)) as JobResult), processMs };
}

/** The real command line on the same files, timed from outside: Node start, tsx, reading, writing, everything. */
function runCli(dir: string, n: number): { ms: number; status: number | null; stderr: string } {
  const args = [
    join(__dirname, "..", "bin", "kl226.js"),
    "consolidate",
    ...inputFiles(dir, n),
    "--roster",
    join(dir, `roster-${n}.csv`),
    "--out",
    join(dir, "out-cli.xlsx"),
  ];
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - t, status: r.status, stderr: r.stderr };
}

const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const tick = (ok: boolean): string => (ok ? "✓" : "✗");

async function parent(
  n: number,
  scaling: boolean,
  withExcelJs: boolean,
  keep: string | undefined,
): Promise<void> {
  const sizes = [...new Set([n, ...(scaling ? SCALING : [])])].sort((a, b) => a - b);
  const count = sizes[sizes.length - 1]!;
  // --keep DIR: generate into DIR once and leave it there (for profiling a child by hand).
  const dir = keep ?? mkdtempSync(join(tmpdir(), "kl226-bench-"));
  mkdirSync(join(dir, "files"), { recursive: true });
  try {
    console.log(
      `KL226 bench · Node ${process.version} · ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)} · ${count.toLocaleString("en")} generated unit workbooks in ${dir}`,
    );
    if (inputFiles(dir, count).length < count || sizes.some((k) => !existsSync(join(dir, `roster-${k}.csv`))))
      generate(dir, count, sizes);
    const size = inputFiles(dir, count).reduce((s, f) => s + readFileSync(f).length, 0);
    console.log(`  ${(size / count / 1024).toFixed(1)} KB per file on average\n`);

    const ours = runChild("ours", dir, n);
    const extra = runChild("phases", dir, n);
    const jobLabel = "read + sha256 + validate + consolidate + summary written";
    console.log(`Our pipeline, ${ours.n.toLocaleString("en")} files (${jobLabel}), fresh process:`);
    console.log(
      `  wall (in process)         ${fmtS(ours.wallMs)}   → ${Math.round((ours.n * 1000) / ours.wallMs).toLocaleString("en")} files/s`,
    );
    console.log(`  CPU (user + system)       ${fmtS(ours.cpuMs)}`);
    console.log(`  wall (whole process)      ${fmtS(ours.processMs)}   (incl. Node start and tsx transpile)`);
    console.log(
      `  wall (warm, best of 2)    ${fmtS(extra.warmWallMs ?? NaN)}   (same process, after a first run)`,
    );
    console.log(`  peak RSS                  ${ours.rssMb.toFixed(0)} MB`);
    for (const [k, v] of Object.entries(ours.phases)) console.log(`    ${k.padEnd(24)}${fmtS(v)}`);
    const cli = runCli(dir, n);
    // Exit code 1 only says that some files were rejected (the generated set has a few bad ones on purpose).
    if (cli.status === 0 || cli.status === 1)
      console.log(`  real CLI: kl226 consolidate on the same files, whole process: ${fmtS(cli.ms)}`);
    else
      console.log(
        `  real CLI: kl226 consolidate failed (exit ${String(cli.status)}): ${cli.stderr.split("\n")[0] ?? ""}`,
      );
    console.log(
      `  accepted ${ours.accepted}, rejected ${ours.rejected}, summary ${(ours.summaryBytes / 1024).toFixed(0)} KB`,
    );
    const readMs = extra.readMs ?? NaN;
    const rawMs = extra.rawMs ?? NaN;
    console.log(`  read phase alone (readXlsx, bytes in memory, best of 3)   ${fmtS(readMs)}`);
    console.log(
      `  raw inflate baseline (needed parts, zlib, best of 3)      ${fmtS(rawMs)}   read/raw = ${(readMs / rawMs).toFixed(2)}×`,
    );

    let ratio = NaN;
    if (withExcelJs) {
      const ex = runChild("exceljs", dir, n);
      ratio = ex.wallMs / ours.wallMs;
      console.log(
        `\nExcelJS reference, same ${ex.n.toLocaleString("en")} files (full workbook load per file, same core after it):`,
      );
      console.log(
        `  wall (in process)         ${fmtS(ex.wallMs)}   → ${Math.round((ex.n * 1000) / ex.wallMs).toLocaleString("en")} files/s`,
      );
      console.log(`  CPU (user + system)       ${fmtS(ex.cpuMs)}`);
      console.log(`  peak RSS                  ${ex.rssMb.toFixed(0)} MB`);
      for (const [k, v] of Object.entries(ex.phases)) console.log(`    ${k.padEnd(24)}${fmtS(v)}`);
      console.log(
        `  ours is ${ratio.toFixed(1)}× faster end to end (wall), ${(ex.cpuMs / ours.cpuMs).toFixed(1)}× by CPU time`,
      );
    }

    if (scaling) {
      console.log("\nScaling (our pipeline, fresh process each):");
      console.log("     files     wall   per file   CPU/file   marginal/file   files/s   peak RSS");
      let previous: JobResult | undefined;
      for (const k of SCALING) {
        const r = k === n ? ours : runChild("ours", dir, k);
        // Marginal cost per extra file against the previous size: the slope, free of the fixed start-up (JIT warm-up).
        const marginal = previous
          ? `${(((r.wallMs - previous.wallMs) / (r.n - previous.n)) * 1000).toFixed(0)} µs`
          : "";
        const cells = [
          String(r.n).padStart(8),
          fmtS(r.wallMs).padStart(8),
          `${((r.wallMs / r.n) * 1000).toFixed(0)} µs`.padStart(10),
          `${((r.cpuMs / r.n) * 1000).toFixed(0)} µs`.padStart(10),
          marginal.padStart(15),
          Math.round((r.n * 1000) / r.wallMs)
            .toLocaleString("en")
            .padStart(9),
          `${r.rssMb.toFixed(0)} MB`.padStart(10),
        ];
        console.log(`  ${cells.join(" ")}`);
        previous = r;
      }
    }

    const fnPath = join(__dirname, "bench-functions.ts");
    if (existsSync(fnPath)) {
      // Through require: tsx's CommonJS hook handles .ts there, not in import().
      const mod: unknown = createRequire(__filename)(fnPath);
      if (
        typeof mod === "object" &&
        mod !== null &&
        "benchFunctions" in mod &&
        typeof mod.benchFunctions === "function"
      ) {
        const lines: unknown = (mod.benchFunctions as () => unknown)();
        if (Array.isArray(lines)) {
          console.log("\nCustom functions:");
          for (const l of lines) console.log(`  ${String(l)}`);
        }
      }
    }

    const at = n === 1000 ? "1,000 files" : `${n.toLocaleString("en")} files (target is for 1,000)`;
    console.log(`\nTargets (${at}; machine load now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs):`);
    console.log(
      `  ${tick(ours.wallMs <= TARGETS.wallSeconds * 1000)} end to end ≤ ${TARGETS.wallSeconds} s wall      ${fmtS(ours.wallMs)} in process (CPU ${fmtS(ours.cpuMs)}), ${fmtS(ours.processMs)} whole process`,
    );
    console.log(
      `  ${tick(ours.rssMb <= TARGETS.rssMb)} peak RSS ≤ ${TARGETS.rssMb} MB            ${ours.rssMb.toFixed(0)} MB`,
    );
    if (withExcelJs)
      console.log(
        `  ${tick(ratio >= TARGETS.vsExcelJs)} ≥ ${TARGETS.vsExcelJs}× faster than ExcelJS      ${ratio.toFixed(1)}×`,
      );
    console.log(
      `  ${tick(readMs / rawMs <= TARGETS.readVsRaw)} read within ${TARGETS.readVsRaw}× of raw inflate   ${(readMs / rawMs).toFixed(2)}×`,
    );
  } finally {
    if (keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      n: { type: "string" },
      child: { type: "string" },
      dir: { type: "string" },
      keep: { type: "string" },
      "no-scaling": { type: "boolean" },
      "no-exceljs": { type: "boolean" },
      "no-bounds": { type: "boolean" },
    },
  });
  const n = Number(values.n ?? 1000);
  if (!Number.isInteger(n) || n < 1) throw new Error("--n must be a positive integer");
  if (values.child !== undefined) await child(values.child, values.dir ?? "", n);
  else {
    await parent(n, values["no-scaling"] !== true, values["no-exceljs"] !== true, values.keep);
    if (values["no-bounds"] !== true) boundsSection();
  }
}

// ------------------------------------------------------------------ bounds (scripts/bench-bounds.ts)

/** The time and memory bounds unit tests no longer assert (hostile files, large shapes, fuzz, write), in a fresh process. */
function boundsSection(): void {
  console.log("\nBounds (scripts/bench-bounds.ts, fresh process):");
  const r = spawnSync(process.execPath, ["--expose-gc", join(__dirname, "run-ts.js"), join(__dirname, "bench-bounds.ts")], { stdio: "inherit" });
  if (r.status !== 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
