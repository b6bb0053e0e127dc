// `npm run bench`: the speed targets of issue 16, measured and judged (✓/✗), per input set of
// scripts/bench-sets.ts (KL226-BC/1 and CCHC-BC/2025).
//   - the installed command, whole process, 1,000 files: `node bin/kl226.js consolidate` against the
//     analyst's openpyxl script (scripts/bench-openpyxl.py) and against ExcelJS + our core, alternated runs,
//     with the same command on Node 24 LTS in the same rounds when `npm test` has unpacked it;
//   - `kl226 --help`, whole process; one thread against every core (same summary bytes);
//   - 1,000 / 4,000 / 10,000 files: peak RSS and the marginal cost per file (10,000 on Node 24 too);
//   - the production build in Chromium: 1,000 files picked → result, and the main thread's long tasks;
//   - in process: where the time goes, the reader against a raw inflate, the custom functions.
//   - the time and memory bounds unit tests no longer assert (scripts/bench-bounds.ts).
// Usage: npm run bench [-- --runs 5] [--set kl226|cchc] [--no-exceljs] [--no-browser] [--no-scale] [--no-bounds] [--fresh]

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { inspectBytes } from "../src/app/inspect";
import { consolidate } from "../src/core/consolidate";
import type { Submission } from "../src/core/consolidation";
import type { RosterUnit } from "../src/core/profile";
import { parseRosterCsv } from "../src/core/roster";
import { summaryWorkbook } from "../src/core/summary";
import { isTemplateSheet } from "../src/core/template-sheets";
import { validateWorkbook } from "../src/core/validate";
import type { Cell, CellValue, Sheet, Workbook } from "../src/core/workbook";
import { createNodeDecoder } from "../src/xlsx/node-inflate";
import { NODE_ZIP_CODEC } from "../src/xlsx/node-deflate";
import { writeXlsx } from "../src/xlsx/write";
import { median, readerVsRaw } from "./bench-read-phase";
import { BENCH_SETS, MIXED_UP_TO, prepareSet, type BenchSet, type PreparedSet } from "./bench-sets";
import { findNode24 } from "./node24";

const TARGETS = {
  vsOpenpyxl: 8,
  vsExcelJs: 8,
  cliSeconds: 0.7,
  helpSeconds: 0.12,
  scaleRssMb: 400,
  /** The marginal cost per file from 4,000 to 10,000 within this factor of that from 1,000 to 4,000. */
  flatWithin: 1.25,
  browserSeconds: 1.5,
  longTaskMs: 50,
  readVsRaw: 2.5,
} as const;
const N = 1000;
const SCALE = [1000, 4000, 10000] as const;
const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "kl226.js");

// ------------------------------------------------------------------ whole-process runs

interface Run {
  readonly wallMs: number;
  /** CPU time (all threads) and peak RSS, when the run reported them (Node runs through bench-usage.js). */
  readonly cpuMs?: number;
  readonly rssMb?: number;
  /**
   * The busiest process's main thread's own CPU time (Linux): where one thread checks the files, the
   * wall time's floor whatever the other core does (V8's compiler and collector run beside it).
   */
  readonly mainCpuMs?: number;
}

/**
 * The environment every timed child runs in: this one without NODE_EXTRA_CA_CERTS. This machine sets it
 * for its package proxy, and Node 20 reads and parses that whole bundle of CA certificates at every
 * start, before any script (measured 2026-12-04: `kl226 --help` 0.126 → 0.083 s, 20 alternated pairs;
 * Node 24 reads it only when a TLS connection needs it). A clerk's machine does not set it, and nothing
 * the bench times makes a TLS connection. The `--help` row also prints the time with it.
 */
const CHILD_ENV: NodeJS.ProcessEnv = withoutExtraCaCerts(process.env);

function withoutExtraCaCerts(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _, ...rest } = env;
  return rest;
}

/** Runs a command to its end and times it from outside; exit codes 0 and 1 (some files rejected, on purpose) are fine. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, base = CHILD_ENV): Run {
  const t = performance.now();
  const r = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...base, ...env },
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(
      `${command} ${args.slice(0, 3).join(" ")} … failed (${String(r.status ?? r.signal)}):\n${r.stderr}`,
    );
  // One line per Node process of the run (the command may start itself again): CPU added up, the largest RSS.
  const usages = [...r.stderr.matchAll(/@@USAGE (\{.*\})/g)].map(
    (m) => JSON.parse(m[1]!) as { cpuMs: number; rssMb: number; mainCpuMs?: number },
  );
  return usages.length > 0
    ? {
        wallMs,
        cpuMs: usages.reduce((sum, u) => sum + u.cpuMs, 0),
        rssMb: Math.max(...usages.map((u) => u.rssMb)),
        mainCpuMs: Math.max(...usages.map((u) => u.mainCpuMs ?? NaN)),
      }
    : { wallMs };
}

/**
 * Node 24 LTS as `npm test` unpacks it (scripts/ensure-tools.sh), when it is there: the whole-process
 * runs then alternate the same `bin/kl226.js` on it (each V8 keeps its own code cache beside the build,
 * src/cli/code-cache.ts; its first one is written at the warm-up run).
 */
function otherNode(): { node: string; version: string } | undefined {
  const found = findNode24();
  if ("missing" in found || process.version === `v${found.version}`) return undefined;
  return found;
}

/**
 * `kl226 consolidate` (bin/kl226.js) on a folder, as a user types it, inside bench-usage.js for its CPU
 * time and peak RSS.
 */
function cliArgs(set: BenchSet, data: PreparedSet, n: number, out: string): string[] {
  return [
    join(__dirname, "bench-usage.js"),
    BIN,
    "consolidate",
    data.folder(n),
    "--roster",
    data.roster(n),
    "--out",
    out,
    ...set.cliArgs,
  ];
}

const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
/** " (main thread 1.02 s)": the median of the runs' main-thread CPU, where /proc gave it. */
const mainThread = (runs: readonly Run[], label = "main thread"): string => {
  const ms = median(runs.map((r) => r.mainCpuMs ?? NaN));
  return Number.isFinite(ms) ? ` (${label} ${fmtS(ms)})` : "";
};
const spread = (runs: readonly Run[]): string =>
  `${fmtS(median(runs.map((r) => r.wallMs)))} (${fmtS(Math.min(...runs.map((r) => r.wallMs)))}–${fmtS(Math.max(...runs.map((r) => r.wallMs)))})`;
const tick = (ok: boolean): string => (ok ? "✓" : "✗");
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

// ------------------------------------------------------------------ in-process jobs (child side)

interface JobResult {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly rssMb: number;
  readonly phases: Record<string, number>;
  readonly readMs?: number;
  readonly rawMs?: number;
  /** Median of the alternated rounds' ratios (readerVsRaw), against the reader's own inflater. */
  readonly readVsRaw?: number;
  readonly rawEachPartMs?: number;
  /** The same against inflateRawSync per part. */
  readonly readVsEachPart?: number;
}

function loadRoster(path: string): RosterUnit[] {
  const roster = parseRosterCsv(readFileSync(path, "utf8"));
  if (!roster.ok) throw new Error(`roster: ${roster.errors.join("; ")}`);
  return roster.units;
}

function xlsxFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(folder, f));
}

/** Our pipeline on one thread, each phase timed: read file + SHA-256, read + validate, consolidate, summary written. */
async function phasesJob(
  set: BenchSet,
  folder: string,
  rosterPath: string,
  excel: typeof ExcelJS | null,
): Promise<JobResult> {
  const profile = set.profile;
  const files = xlsxFiles(folder);
  const phases: Record<string, number> = {};
  const add = (k: string, ms: number): void => void (phases[k] = (phases[k] ?? 0) + ms);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const roster = loadRoster(rosterPath);
  const decoder = createNodeDecoder();
  const submissions: Submission[] = [];
  for (const file of files) {
    const a = performance.now();
    const bytes = readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const b = performance.now();
    const result = excel
      ? validateWorkbook(await excelJsWorkbook(excel, bytes), profile)
      : inspectBytes(bytes, profile, decoder);
    add("read file + sha256", b - a);
    add(excel ? "ExcelJS load + validate" : "read + validate", performance.now() - b);
    submissions.push({ file, sha256, result });
  }
  const c0 = performance.now();
  const c = consolidate(submissions, { profile, roster, period: set.period });
  const c1 = performance.now();
  add("consolidate", c1 - c0);
  writeFileSync(
    join(tmpdir(), `kl226-bench-summary-${process.pid}.xlsx`),
    writeXlsx(summaryWorkbook(c, profile), NODE_ZIP_CODEC),
  );
  add("summary + write", performance.now() - c1);
  rmSync(join(tmpdir(), `kl226-bench-summary-${process.pid}.xlsx`), { force: true });
  const cpu = process.cpuUsage(cpu0);
  const result: JobResult = {
    wallMs: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024,
    phases,
  };
  if (excel) return result;
  const all = files.map((f) => new Uint8Array(readFileSync(f)));
  const { readMs, rawMs, ratio, rawEachPartMs, ratioEachPart } = readerVsRaw(all, profile.limits);
  return { ...result, readMs, rawMs, readVsRaw: ratio, rawEachPartMs, readVsEachPart: ratioEachPart };
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
  return { sheets, date1904: wb.properties.date1904 === true, definedNames: {} };
}

async function child(mode: string, setId: string, folder: string, roster: string): Promise<void> {
  const set = BENCH_SETS.find((s) => s.id === setId);
  if (!set) throw new Error(`no bench set ${setId}`);
  // ExcelJS is loaded only in its own child, so it weighs nothing on the other jobs.
  const excel = mode === "exceljs" ? (createRequire(__filename)("exceljs") as typeof ExcelJS) : null;
  const result = await phasesJob(set, folder, roster, excel);
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

function runChild(
  mode: "phases" | "exceljs",
  set: BenchSet,
  folder: string,
  roster: string,
): JobResult & { processMs: number } {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      join(__dirname, "run-ts.js"),
      __filename,
      "--child",
      mode,
      "--set",
      set.id,
      "--folder",
      folder,
      "--roster",
      roster,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: CHILD_ENV },
  );
  const processMs = performance.now() - t;
  const line = r.stdout.split("\n").find((l) => l.startsWith("@@RESULT "));
  if (r.status !== 0 || line === undefined)
    throw new Error(`child ${mode} failed (${String(r.status)}):\n${r.stderr}`);
  return { ...(JSON.parse(line.slice(9)) as JobResult), processMs };
}

// ------------------------------------------------------------------ the browser

interface BrowserFigures {
  readonly runs: readonly number[];
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly note: string;
}

/** The production build (dist/) in Chromium: 1,000 files picked → result, `runs` times in one page. */
async function browserFigures(data: PreparedSet, runs: number): Promise<BrowserFigures | string> {
  const dist = join(ROOT, "dist");
  if (!existsSync(join(dist, "taskpane.html")))
    return "skipped: no production build (run `npm run build` first)";
  if (!existsSync("/usr/bin/chromium")) return "skipped: /usr/bin/chromium is not installed";
  // Loaded here, through require (tsx's CommonJS hook handles .ts there, not in import()), so the other jobs never load playwright.
  const requireTs = createRequire(__filename);
  const { launchChromium, serveStatic } = requireTs(
    "../test/e2e/browser",
  ) as typeof import("../test/e2e/browser");
  const { timeConsolidation } = requireTs(
    "../test/e2e/consolidate-timing",
  ) as typeof import("../test/e2e/consolidate-timing");
  // webpack leaves an output file alone when its bytes did not change: the newest output dates the build.
  const built = newestMtime(dist);
  // The page's sources: everything under src/ but the command line and the Node-only node-*.ts modules.
  const newer = readdirSync(join(ROOT, "src"))
    .filter((d) => d !== "cli")
    .reduce((n, d) => n + sourcesNewerThan(join(ROOT, "src", d), built), 0);
  const files = xlsxFiles(data.folder(N)).map((f) => ({
    name: f.slice(f.lastIndexOf("/") + 1),
    bytes: new Uint8Array(readFileSync(f)),
  }));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    const longTasks: number[] = [];
    // Each run in a fresh page: a user's first consolidation (the page keeps its workers for the next one).
    for (let k = 0; k < runs; k++) {
      const context = await browser.newContext({ viewport: { width: 800, height: 900 }, locale: "vi-VN" });
      const page = await context.newPage();
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByTestId("host-mode").waitFor({ timeout: 20_000 });
      await page.getByRole("tab", { name: "Tổng hợp" }).click();
      const t = await timeConsolidation(page, files);
      times.push(t.ms);
      longTasks.push(...t.longTasks);
      await context.close();
    }
    const note =
      newer > 0
        ? ` (dist/ is older than ${newer} source file(s): run \`npm run build\` for current figures)`
        : "";
    return {
      runs: times,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      longTasks: longTasks.length,
      note,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function sourcesNewerThan(dir: string, ms: number): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) n += sourcesNewerThan(p, ms);
    else if (
      /\.tsx?$/.test(e.name) &&
      !/\.test\.tsx?$/.test(e.name) &&
      !e.name.startsWith("node-") &&
      statSync(p).mtimeMs > ms
    )
      n++;
  }
  return n;
}

// ------------------------------------------------------------------ parent: one set

interface Options {
  readonly runs: number;
  readonly exceljs: boolean;
  readonly browser: boolean;
  readonly scale: boolean;
  readonly fresh: boolean;
}

async function benchSet(set: BenchSet, o: Options): Promise<void> {
  const sizes = o.scale ? [...SCALE] : [N];
  const data = await prepareSet(set, sizes, (l) => console.log(`  ${l}`), o.fresh);
  const w = data.writers;
  const size = xlsxFiles(data.folder(N)).reduce((s, f) => s + statSync(f).size, 0);
  console.log(
    `\n== ${set.title}: ${Math.max(...sizes).toLocaleString("en")} generated unit workbooks in ${data.dir}`,
  );
  console.log(
    `   the first ${MIXED_UP_TO.toLocaleString("en")} saved by: our template ${w.kl226 - Math.max(0, Math.max(...sizes) - MIXED_UP_TO)}, ExcelJS ${w.exceljs}, openpyxl ${w.openpyxl}, LibreOffice ${w.libreoffice}; ${(size / N / 1024).toFixed(1)} KB per file`,
  );
  const work = mkdtempSync(join(tmpdir(), "kl226-bench-out-"));
  try {
    // Warm the file cache and build/cli (bin/kl226.js rebuilds a stale build on first use): not counted.
    run(process.execPath, cliArgs(set, data, N, join(work, "warm.xlsx")));
    const node24 = otherNode();
    if (node24) run(node24.node, cliArgs(set, data, N, join(work, "warm24.xlsx")));

    console.log(
      `\nWhole process, ${N.toLocaleString("en")} files, ${o.runs} alternated runs (median, min–max), load ${load()}:`,
    );
    const cli: Run[] = [];
    const py: Run[] = [];
    const one: Run[] = [];
    const all: Run[] = [];
    const on24: Run[] = [];
    const cores = String(cpus().length);
    const pyArgs = [
      join(__dirname, "bench-openpyxl.py"),
      data.folder(N),
      join(work, "py.xlsx"),
      set.analyst.infoSheet,
      set.analyst.countsSheet,
    ];
    const hasOpenpyxl = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;
    for (let k = 0; k < o.runs; k++) {
      cli.push(run(process.execPath, cliArgs(set, data, N, join(work, "many.xlsx"))));
      one.push(run(process.execPath, cliArgs(set, data, N, join(work, "one.xlsx")), { KL226_THREADS: "1" }));
      all.push(
        run(process.execPath, cliArgs(set, data, N, join(work, "all.xlsx")), { KL226_THREADS: cores }),
      );
      if (hasOpenpyxl) py.push(run("/usr/bin/python3", pyArgs));
      if (node24) on24.push(run(node24.node, cliArgs(set, data, N, join(work, "node24.xlsx"))));
    }
    const same = readFileSync(join(work, "all.xlsx")).equals(readFileSync(join(work, "one.xlsx")));
    const cliMs = median(cli.map((r) => r.wallMs));
    const usage = (runs: readonly Run[]): string =>
      `CPU ${fmtS(median(runs.map((r) => r.cpuMs ?? NaN)))}${mainThread(runs)}, peak RSS ${median(runs.map((r) => r.rssMb ?? NaN)).toFixed(0)} MB`;
    console.log(
      `  kl226 consolidate (node bin/kl226.js)      ${spread(cli)}   ${usage(cli)} (threads as it chooses)`,
    );
    console.log(`  one thread (KL226_THREADS=1)               ${spread(one)}   ${usage(one)}`);
    console.log(
      `  every core (KL226_THREADS=${cores})               ${spread(all)}   ${usage(all)}; summary bytes ${same ? "identical" : "DIFFERENT"} to one thread's`,
    );
    const pyRatio = hasOpenpyxl ? median(py.map((r, k) => r.wallMs / cli[k]!.wallMs)) : NaN;
    if (hasOpenpyxl)
      console.log(
        `  analyst's openpyxl script                  ${spread(py)}   (read-only load, sum, write a summary; no checks)`,
      );
    else
      console.log(
        "  analyst's openpyxl script                  skipped: /usr/bin/python3 has no openpyxl (apt-get install python3-openpyxl)",
      );
    const py24Ratio = node24 && hasOpenpyxl ? median(py.map((r, k) => r.wallMs / on24[k]!.wallMs)) : NaN;
    const same24 = node24
      ? readFileSync(join(work, "node24.xlsx")).equals(readFileSync(join(work, "one.xlsx")))
      : false;
    if (node24)
      console.log(
        `  the same command on Node ${node24.version}          ${spread(on24)}   ${usage(on24)}; summary bytes ${same24 ? "identical" : "DIFFERENT"} (each Node with its own code cache)`,
      );
    let exRatio = NaN;
    if (o.exceljs) {
      const ex = [
        runChild("exceljs", set, data.folder(N), data.roster(N)),
        runChild("exceljs", set, data.folder(N), data.roster(N)),
      ];
      exRatio = median(ex.map((r) => r.processMs)) / cliMs;
      console.log(
        `  ExcelJS load + our core (2 runs)           ${fmtS(median(ex.map((r) => r.processMs)))}   (full workbook load per file, then our validate, consolidate, summary)`,
      );
    }
    const help = Array.from({ length: 10 }, () => run(process.execPath, [BIN, "--help"]));
    const helpMs = median(help.map((r) => r.wallMs));
    const bare = Array.from({ length: 10 }, () => run(process.execPath, ["-e", "0"]));
    const caCerts = process.env.NODE_EXTRA_CA_CERTS;
    const withCa = caCerts
      ? Array.from({ length: 10 }, () => run(process.execPath, [BIN, "--help"], {}, process.env))
      : [];
    console.log(
      `  kl226 --help (10 runs)                     ${spread(help)}   (node -e 0 alone: ${fmtS(median(bare.map((r) => r.wallMs)))}${caCerts ? `; with this machine's NODE_EXTRA_CA_CERTS, which Node 20 parses at every start: ${spread(withCa)}` : ""})`,
    );

    // No target in issue 16; printed so the Word writer's cost is seen (docs/DECISIONS.md, "Word
    // documents written by our own writer": 13.5 s and 900 MB with the docx package).
    const documents = Array.from({ length: 2 }, (_, k) =>
      run(process.execPath, [
        ...cliArgs(set, data, N, join(work, "docs.xlsx")),
        "--letters",
        join(work, `letters-${k}`),
        "--report",
        join(work, `report-${k}.docx`),
      ]),
    );
    console.log(
      `  the same with --letters and --report (2 runs) ${spread(documents)}   ${usage(documents)} (every unit's letter, the joined file and the report)`,
    );

    const ph = runChild("phases", set, data.folder(N), data.roster(N));
    console.log(
      `\nIn process, one thread, cold (where the time goes; wall ${fmtS(ph.wallMs)}, CPU ${fmtS(ph.cpuMs)}):`,
    );
    for (const [k, v] of Object.entries(ph.phases)) console.log(`    ${k.padEnd(26)}${fmtS(v)}`);
    const readVsRaw = ph.readVsRaw ?? NaN;
    console.log(
      `  reader alone (bytes in memory, warm) ${fmtS(ph.readMs ?? NaN)} vs raw inflate of the same parts through the reader's zlib engine ${fmtS(ph.rawMs ?? NaN)}: ${readVsRaw.toFixed(2)}×`,
    );
    console.log(
      `    (vs inflateRawSync per part ${fmtS(ph.rawEachPartMs ?? NaN)}: ${(ph.readVsEachPart ?? NaN).toFixed(2)}×; medians of 7 alternated rounds)`,
    );

    let scale: { n: number; wallMs: number; rssMb: number }[] = [];
    let scale24RssMb = NaN;
    if (o.scale) {
      console.log(`\nScale, whole process (median of 3 rounds, the sizes in turn), load ${load()}:`);
      console.log("     files     wall   per file   marginal/file   peak RSS");
      // Round by round, each size once, as the rest of the bench alternates: three runs of one size in
      // a row let a slow minute of the VM land on that size alone and bend the marginal cost.
      const runs = SCALE.map((): Run[] => []);
      for (let round = 0; round < 3; round++) {
        SCALE.forEach((n, k) =>
          runs[k]!.push(run(process.execPath, cliArgs(set, data, n, join(work, `scale-${n}.xlsx`)))),
        );
      }
      // Node 24's V8 would let the young generation grow to 128 MB: its largest run's peak, measured too.
      const largest = SCALE[SCALE.length - 1]!;
      const on24Scale = node24
        ? [0, 1, 2].map(() => run(node24.node, cliArgs(set, data, largest, join(work, "scale24.xlsx"))))
        : [];
      scale24RssMb = Math.max(...on24Scale.map((r) => r.rssMb ?? NaN));
      scale = SCALE.map((n, k) => ({
        n,
        wallMs: median(runs[k]!.map((r) => r.wallMs)),
        rssMb: Math.max(...runs[k]!.map((r) => r.rssMb ?? NaN)),
      }));
      scale.forEach((r, k) => {
        const prev = scale[k - 1];
        const marginal = prev ? `${(((r.wallMs - prev.wallMs) / (r.n - prev.n)) * 1000).toFixed(0)} µs` : "";
        console.log(
          `  ${String(r.n).padStart(8)} ${fmtS(r.wallMs).padStart(8)} ${`${((r.wallMs / r.n) * 1000).toFixed(0)} µs`.padStart(10)} ${marginal.padStart(15)} ${`${r.rssMb.toFixed(0)} MB`.padStart(10)}`,
        );
      });
      if (node24)
        console.log(
          `  ${String(largest).padStart(8)} on Node ${node24.version}: peak RSS ${scale24RssMb.toFixed(0)} MB (max of 3)`,
        );
    }

    let browser: BrowserFigures | string = "skipped (--no-browser)";
    if (o.browser) {
      browser = await browserFigures(data, 3);
      const line =
        typeof browser === "string"
          ? browser
          : `${fmtS(median(browser.runs))} median of ${browser.runs.length} (${browser.runs.map(fmtS).join(", ")}); main-thread tasks over 50 ms: ${browser.longTasks}${browser.longTasks ? `, longest ${browser.longestTaskMs.toFixed(0)} ms` : ""}${browser.note}`;
      console.log(
        `\nBrowser (Chromium, production build), ${N.toLocaleString("en")} files picked → result shown: ${line}`,
      );
    }

    console.log(
      `\nTargets, ${set.title} (load now ${load()} on ${cpus().length} CPUs; figures above are medians):`,
    );
    const target = (ok: boolean, what: string, figure: string): void =>
      console.log(`  ${tick(ok)} ${what.padEnd(58)}${figure}`);
    if (hasOpenpyxl)
      target(
        pyRatio >= TARGETS.vsOpenpyxl,
        `CLI ≥ ${TARGETS.vsOpenpyxl}× the analyst's openpyxl script`,
        `${pyRatio.toFixed(1)}× (pairwise median)`,
      );
    else
      target(
        false,
        `CLI ≥ ${TARGETS.vsOpenpyxl}× the analyst's openpyxl script`,
        "not measured (no openpyxl)",
      );
    if (o.exceljs)
      target(
        exRatio >= TARGETS.vsExcelJs,
        `CLI ≥ ${TARGETS.vsExcelJs}× ExcelJS + our core`,
        `${exRatio.toFixed(1)}×`,
      );
    target(
      cliMs <= TARGETS.cliSeconds * 1000,
      `CLI ≤ ${TARGETS.cliSeconds} s for ${N.toLocaleString("en")} files on ${cpus().length} cores`,
      `${fmtS(cliMs)}${mainThread(cli, "its main thread's own CPU")}`,
    );
    if (node24) {
      const on24Ms = median(on24.map((r) => r.wallMs));
      if (hasOpenpyxl)
        target(
          py24Ratio >= TARGETS.vsOpenpyxl,
          `on Node ${node24.version}: CLI ≥ ${TARGETS.vsOpenpyxl}× the openpyxl script`,
          `${py24Ratio.toFixed(1)}× (pairwise median)`,
        );
      target(
        on24Ms <= TARGETS.cliSeconds * 1000,
        `on Node ${node24.version}: CLI ≤ ${TARGETS.cliSeconds} s for ${N.toLocaleString("en")} files`,
        fmtS(on24Ms),
      );
      target(same24, `on Node ${node24.version}: the same summary bytes`, same24 ? "identical" : "different");
    }
    target(helpMs <= TARGETS.helpSeconds * 1000, `kl226 --help ≤ ${TARGETS.helpSeconds} s`, fmtS(helpMs));
    target(same, "every core and one thread write the same summary bytes", same ? "identical" : "different");
    if (scale.length === 3) {
      const [a, b, c] = scale as [(typeof scale)[0], (typeof scale)[0], (typeof scale)[0]];
      const early = (b.wallMs - a.wallMs) / (b.n - a.n);
      const late = (c.wallMs - b.wallMs) / (c.n - b.n);
      target(
        c.rssMb <= TARGETS.scaleRssMb,
        `${c.n.toLocaleString("en")} files in one run, peak RSS ≤ ${TARGETS.scaleRssMb} MB`,
        `${c.rssMb.toFixed(0)} MB`,
      );
      if (node24)
        target(
          scale24RssMb <= TARGETS.scaleRssMb,
          `on Node ${node24.version}: ${c.n.toLocaleString("en")} files, peak RSS ≤ ${TARGETS.scaleRssMb} MB`,
          `${scale24RssMb.toFixed(0)} MB`,
        );
      target(
        late <= early * TARGETS.flatWithin,
        `marginal cost per file flat ${a.n.toLocaleString("en")} → ${c.n.toLocaleString("en")} (×${TARGETS.flatWithin})`,
        `${(early * 1000).toFixed(0)} µs → ${(late * 1000).toFixed(0)} µs (×${(late / early).toFixed(2)})`,
      );
    }
    if (typeof browser !== "string") {
      target(
        median(browser.runs) <= TARGETS.browserSeconds * 1000,
        `browser: ${N.toLocaleString("en")} files → result ≤ ${TARGETS.browserSeconds} s`,
        fmtS(median(browser.runs)),
      );
      target(
        browser.longestTaskMs <= TARGETS.longTaskMs,
        `browser: no main-thread task over ${TARGETS.longTaskMs} ms`,
        browser.longTasks ? `longest ${browser.longestTaskMs.toFixed(0)} ms` : "none",
      );
    } else {
      console.log(`  – browser targets not measured: ${browser}`);
    }
    target(
      readVsRaw <= TARGETS.readVsRaw,
      `reader within ${TARGETS.readVsRaw}× of a raw inflate (same engine)`,
      `${readVsRaw.toFixed(2)}×`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function customFunctions(): void {
  const mod: unknown = createRequire(__filename)(join(__dirname, "bench-functions.ts"));
  if (
    typeof mod !== "object" ||
    mod === null ||
    !("benchFunctions" in mod) ||
    typeof mod.benchFunctions !== "function"
  )
    return;
  const lines: unknown = (mod.benchFunctions as () => unknown)();
  if (!Array.isArray(lines)) return;
  console.log("\nCustom functions (1,000,000 calls each):");
  for (const l of lines) console.log(`  ${String(l)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      child: { type: "string" },
      set: { type: "string" },
      folder: { type: "string" },
      roster: { type: "string" },
      runs: { type: "string" },
      fresh: { type: "boolean" },
      "no-exceljs": { type: "boolean" },
      "no-browser": { type: "boolean" },
      "no-scale": { type: "boolean" },
      "no-bounds": { type: "boolean" },
    },
  });
  if (values.child !== undefined)
    return child(values.child, values.set ?? "", values.folder ?? "", values.roster ?? "");
  const sets = values.set === undefined ? BENCH_SETS : BENCH_SETS.filter((s) => s.id === values.set);
  if (sets.length === 0) throw new Error(`--set must be one of ${BENCH_SETS.map((s) => s.id).join(", ")}`);
  const runs = Number(values.runs ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
  console.log(
    `KL226 bench · Node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}) · load ${load()} (1, 5, 15 min)`,
  );
  const o: Options = {
    runs,
    exceljs: values["no-exceljs"] !== true,
    browser: values["no-browser"] !== true,
    scale: values["no-scale"] !== true,
    fresh: values.fresh === true,
  };
  for (const set of sets) await benchSet(set, o);
  customFunctions();
  if (values["no-bounds"] !== true) boundsSection();
  console.log(
    `\nLoad at the end: ${load()}. Other processes share these cores: compare figures taken at a similar load.`,
  );
}

/** The time and memory bounds unit tests no longer assert (hostile files, large shapes, fuzz, write), in a fresh process. */
function boundsSection(): void {
  console.log("\nBounds (scripts/bench-bounds.ts, fresh process):");
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", join(__dirname, "run-ts.js"), join(__dirname, "bench-bounds.ts")],
    { stdio: "inherit" },
  );
  if (r.status !== 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
