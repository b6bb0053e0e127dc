// The benchmark's input sets: one generator per form, seeded, plus the mix of writers that saved
// the files (as a province receives them: from our template, re-saved by ExcelJS, by openpyxl and by
// LibreOffice). `npm run bench` runs every set of BENCH_SETS; the browser test uses a set's workbooks.
//
// Adding a form: write its BenchSet below and append it to BENCH_SETS. Nothing else in the bench
// changes: it generates, runs and prints per set (`npm run bench -- --set ID` runs one).

import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type ExcelJS from "exceljs";
import { UNIT_TYPES, type UnitTypeId } from "../src/core/catalogue";
import type { PeriodKind } from "../src/core/form";
import { DEFAULT_PROFILE, type Profile } from "../src/core/profile";
import type { CellInput } from "../src/core/sheetspec";
import { writeXlsx } from "../src/xlsx/write";
import { mulberry32 } from "../test/helpers/prng";
import { reportSpec, type ReportData } from "../test/helpers/report-builder";
import { CCHC_PROFILE, cchcCounts, type CchcUnit, type Counts } from "./samples-cchc";

export interface GeneratedUnit {
  readonly code: string;
  readonly name: string;
  /** The type's label as a roster lists it. */
  readonly type: string;
}

export interface BenchSet {
  readonly id: string;
  readonly title: string;
  /** Bumped when the generated files change, so a cached set is made again. */
  readonly version: number;
  /** Unit workbooks 1…count written by our own writer, in order, with their units. */
  workbooks(
    count: number,
  ): Iterable<{ readonly name: string; readonly unit: GeneratedUnit; readonly bytes: Uint8Array }>;
  /** The profile the files are consolidated with (in process; the command gets it from `cliArgs`). */
  readonly profile: Profile;
  /** The period every file reports. */
  readonly period: { readonly kind: PeriodKind; readonly year: number };
  /** Extra `kl226 consolidate` arguments (a form other than the default comes with its --profile). */
  readonly cliArgs: readonly string[];
  /** The sheets the analyst's openpyxl script reads (scripts/bench-openpyxl.py). */
  readonly analyst: { readonly infoSheet: string; readonly countsSheet: string };
}

// ------------------------------------------------------------------ KL226-BC/1

const STATUSES = ["Hoàn thành", "Hoàn thành quá hạn", "Đang thực hiện", "Chưa thực hiện"] as const;
const MEETING_TYPES = ["Quán triệt", "Chuyên môn", "Quan trọng"] as const;
const MEETING_FORMS = ["Trực tiếp", "Trực tuyến", "Kết hợp"] as const;

/** One unit's report with varied values: mostly valid, some text numbers, a few with errors, some with a meeting log. */
function kl226Report(i: number, rnd: () => number): { unit: GeneratedUnit; data: ReportData } {
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const kind = rnd();
  const type: UnitTypeId = kind < 0.3 ? "SO_NGANH" : kind < 0.9 ? "UBND_XA" : "SU_NGHIEP";
  const prefix = type === "SO_NGANH" ? "SO" : type === "UBND_XA" ? "XA" : "DV";
  const noun = type === "SO_NGANH" ? "Sở" : type === "UBND_XA" ? "Xã" : "Trung tâm";
  const unit: GeneratedUnit = {
    code: `${prefix}_${String(i).padStart(5, "0")}`,
    name: `${noun} Thử nghiệm số ${i}`,
    type: UNIT_TYPES.find((u) => u.id === type)!.label,
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
  const taskStatuses = DEFAULT_PROFILE.form.tasks.map(
    () => STATUSES[Math.floor(rnd() * rnd() * STATUSES.length)]!,
  );
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
  return { unit, data };
}

export const KL226_SET: BenchSet = {
  id: "kl226",
  title: "KL226-BC/1",
  version: 2,
  *workbooks(count) {
    const rnd = mulberry32(0x226);
    for (let i = 1; i <= count; i++) {
      const { unit, data } = kl226Report(i, rnd);
      yield {
        name: `u${String(i).padStart(5, "0")}.xlsx`,
        unit,
        bytes: writeXlsx(reportSpec(data, [], DEFAULT_PROFILE)),
      };
    }
  },
  profile: DEFAULT_PROFILE,
  period: { kind: "6T", year: 2026 },
  cliArgs: [],
  analyst: { infoSheet: "Thông tin", countsSheet: "Chỉ tiêu" },
};

// ------------------------------------------------------------------ CCHC-BC/2025 (quarterly)

/** One unit's quarter II/2025 under the CCHC plan (profile hcm-attp-cchc-2025), as the sample set fills it; a few with clerks' mistakes. */
function cchcReport(i: number, rnd: () => number): { unit: GeneratedUnit; data: ReportData } {
  const kind = rnd();
  const type: UnitTypeId = kind < 0.3 ? "PHONG_THUOC_SO" : "SU_NGHIEP";
  const prefix = type === "PHONG_THUOC_SO" ? "PHONG" : "DV";
  const noun = type === "PHONG_THUOC_SO" ? "Phòng" : "Đội Quản lý an toàn thực phẩm";
  const cchc: CchcUnit = {
    code: `${prefix}_${String(i).padStart(5, "0")}`,
    name: `${noun} thử nghiệm số ${i}`,
    type,
    tthc: type === "SU_NGHIEP" || rnd() < 0.5,
    budget: rnd() < 0.2,
  };
  const counts = cchcCounts(cchc, rnd);
  const withHandled: Counts = { ...counts, PAKN_XU_LY: [null, counts.PAKN_TONG?.[1] ?? 0] };
  const roll = rnd();
  // The mistakes of the CCHC samples: 965 typed for 96,5 %, a satisfaction rate typed as text, a "trong đó" above its total.
  if (roll < 0.02 && cchc.tthc) withHandled.HAI_LONG = [null, 965];
  else if (roll < 0.07 && cchc.tthc) withHandled.HAI_LONG = [null, "97,25"];
  else if (roll < 0.08) withHandled.HS_DUNG_HAN = [null, Number(counts.HS_GIAI_QUYET?.[1] ?? 0) + 12];
  const data: ReportData = {
    unit: cchc.code,
    name: cchc.name,
    type,
    period: "Q2",
    year: 2025,
    reportDate: { year: 2025, month: 6, day: 1 + Math.floor(rnd() * 15) },
    counts: withHandled,
    taskStatuses: CCHC_PROFILE.form.tasks.map(() => (rnd() < 0.7 ? "Đang thực hiện" : "Hoàn thành")),
    preparer: "Nguyễn Thị Thu Hà",
  };
  return {
    unit: { code: cchc.code, name: cchc.name, type: UNIT_TYPES.find((u) => u.id === type)!.label },
    data,
  };
}

export const CCHC_SET: BenchSet = {
  id: "cchc",
  title: "CCHC-BC/2025",
  version: 1,
  *workbooks(count) {
    const rnd = mulberry32(0x2025);
    for (let i = 1; i <= count; i++) {
      const { unit, data } = cchcReport(i, rnd);
      yield {
        name: `u${String(i).padStart(5, "0")}.xlsx`,
        unit,
        bytes: writeXlsx(reportSpec(data, [], CCHC_PROFILE)),
      };
    }
  },
  profile: CCHC_PROFILE,
  period: { kind: "Q2", year: 2025 },
  cliArgs: ["--profile", "hcm-attp-cchc-2025"],
  analyst: { infoSheet: "Thông tin", countsSheet: "Chỉ tiêu" },
};

/** Every set the bench runs, in order. */
export const BENCH_SETS: readonly BenchSet[] = [KL226_SET, CCHC_SET];

// ------------------------------------------------------------------ files on disk, with the writers mixed

export type Writer = "kl226" | "exceljs" | "openpyxl" | "libreoffice";

/** Who saved file i (1-based) of the first `MIXED_UP_TO`: 45 % our template, 25 % ExcelJS, 25 % openpyxl, 5 % LibreOffice. */
export function writerOf(i: number): Writer {
  if (i > MIXED_UP_TO) return "kl226";
  const k = i % 20;
  if (k >= 1 && k <= 5) return "exceljs";
  if (k >= 6 && k <= 10) return "openpyxl";
  return k === 11 ? "libreoffice" : "kl226";
}

/** Files past this number are all from our writer: re-saving takes 30–400 ms a file, and the scale runs need 10,000. */
export const MIXED_UP_TO = 1000;

export interface PreparedSet {
  readonly dir: string;
  /** The folder holding exactly the first n files (hard links), and its roster. */
  folder(n: number): string;
  roster(n: number): string;
  readonly writers: Record<Writer, number>;
}

/**
 * The set's first max(sizes) files on disk, re-saved by the other writers where writerOf says so, with a
 * folder and a roster (those units plus 3 that never report) per size. Kept in the system's temporary
 * folder and reused while the set's version and sizes are the same (`fresh` makes it again).
 */
export async function prepareSet(
  set: BenchSet,
  sizes: readonly number[],
  log: (line: string) => void,
  fresh = false,
): Promise<PreparedSet> {
  const count = Math.max(...sizes);
  const dir = join(tmpdir(), "kl226-bench-sets", `${set.id}-v${set.version}`);
  const stamp = join(dir, `complete-${[...sizes].sort((a, b) => a - b).join("-")}.json`);
  const writers: Record<Writer, number> = { kl226: 0, exceljs: 0, openpyxl: 0, libreoffice: 0 };
  for (let i = 1; i <= count; i++) writers[writerOf(i)]++;
  const prepared: PreparedSet = {
    dir,
    folder: (n) => join(dir, `n${n}`),
    roster: (n) => join(dir, `roster-${n}.csv`),
    writers,
  };
  if (!fresh && existsSync(stamp)) {
    const saved = JSON.parse(readFileSync(stamp, "utf8")) as { writers: Record<Writer, number> };
    return { ...prepared, writers: saved.writers };
  }

  rmSync(dir, { recursive: true, force: true });
  const all = join(dir, "all");
  mkdirSync(all, { recursive: true });
  const t0 = performance.now();
  const units: GeneratedUnit[] = [];
  const resave: Record<Exclude<Writer, "kl226">, string[]> = { exceljs: [], openpyxl: [], libreoffice: [] };
  let i = 0;
  for (const w of set.workbooks(count)) {
    i++;
    units.push(w.unit);
    const path = join(all, w.name);
    writeFileSync(path, w.bytes);
    const writer = writerOf(i);
    if (writer !== "kl226") resave[writer].push(path);
  }
  log(`generated ${count.toLocaleString("en")} ${set.title} workbooks in ${seconds(t0)} s`);
  await resaveWithExcelJs(resave.exceljs, log);
  resaveWithOpenpyxl(resave.openpyxl, log, writers);
  resaveWithLibreOffice(resave.libreoffice, join(dir, "lo"), log, writers);

  const names = readdirSync(all).sort();
  for (const n of sizes) {
    const folder = prepared.folder(n);
    mkdirSync(folder, { recursive: true });
    for (const name of names.slice(0, n)) linkSync(join(all, name), join(folder, name));
    const listed = [
      ...units.slice(0, n),
      ...[1, 2, 3].map((k): GeneratedUnit => ({
        code: `XA_KHONG_NOP_${k}`,
        name: `Xã Không nộp ${k}`,
        type: "UBND xã, phường",
      })),
    ];
    const lines = [
      "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
      ...listed.map((u) => [u.code, u.name, u.type].map(csvField).join(",")),
    ];
    writeFileSync(prepared.roster(n), `\ufeff${lines.join("\r\n")}\r\n`);
  }
  writeFileSync(stamp, `${JSON.stringify({ sizes, writers })}\n`);
  return prepared;
}

function seconds(t0: number): string {
  return ((performance.now() - t0) / 1000).toFixed(1);
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function resaveWithExcelJs(paths: readonly string[], log: (line: string) => void): Promise<void> {
  if (paths.length === 0) return;
  const t0 = performance.now();
  const excel = createRequire(__filename)("exceljs") as typeof ExcelJS;
  for (const path of paths) {
    const wb = new excel.Workbook();
    await wb.xlsx.readFile(path);
    await wb.xlsx.writeFile(path);
  }
  log(`re-saved ${paths.length} with ExcelJS in ${seconds(t0)} s`);
}

/** openpyxl (Debian's python3-openpyxl): load and save each file; without it those files stay ours. */
function resaveWithOpenpyxl(
  paths: readonly string[],
  log: (line: string) => void,
  writers: Record<Writer, number>,
): void {
  if (paths.length === 0) return;
  const t0 = performance.now();
  const script =
    "import sys\nfrom openpyxl import load_workbook\nfor p in sys.stdin.read().split('\\n'):\n    if p:\n        load_workbook(p).save(p)\n";
  const r = spawnSync("/usr/bin/python3", ["-c", script], { input: paths.join("\n"), encoding: "utf8" });
  if (r.status !== 0) {
    writers.kl226 += writers.openpyxl;
    writers.openpyxl = 0;
    log(
      `openpyxl unavailable (${(r.stderr || String(r.error)).trim().split("\n").pop()}): those ${paths.length} files stay as our writer made them`,
    );
    return;
  }
  log(`re-saved ${paths.length} with openpyxl in ${seconds(t0)} s`);
}

/** LibreOffice Calc, one headless batch with a profile of its own; without soffice those files stay ours. */
function resaveWithLibreOffice(
  paths: readonly string[],
  work: string,
  log: (line: string) => void,
  writers: Record<Writer, number>,
): void {
  if (paths.length === 0) return;
  const t0 = performance.now();
  const out = join(work, "out");
  mkdirSync(out, { recursive: true });
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(work, "profile")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        ...paths,
      ],
      { stdio: "ignore", timeout: 600_000 },
    );
  } catch {
    // Reported below by the files that did not come back.
  }
  let moved = 0;
  for (const path of paths) {
    const converted = join(out, basename(path));
    if (existsSync(converted)) {
      renameSync(converted, path);
      moved++;
    }
  }
  writers.kl226 += paths.length - moved;
  writers.libreoffice = moved;
  rmSync(work, { recursive: true, force: true });
  log(
    moved === paths.length
      ? `re-saved ${moved} with LibreOffice in ${seconds(t0)} s`
      : `LibreOffice re-saved ${moved} of ${paths.length}; the others stay as our writer made them`,
  );
}
