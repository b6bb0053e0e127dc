// kl226 demo (npm run demo, the README's main command): the bundled samples consolidated in two
// levels, as a province does it. Each folder under samples/cap-so/ holds the units of one department
// (its name is the department's unit code); the department consolidates them and reports upward one
// KL226-BC/1 workbook (the roll-up). Sở Nội vụ then consolidates the direct submissions together with
// those roll-ups, writes the report and the follow-up letters (Word documents), and checks that the
// province totals equal adding every unit directly.

import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { z } from "../core/zod";
import { inspectBytes } from "../app/inspect";
import { UNIT_TYPES, type UnitTypeId } from "../core/catalogue";
import { consolidate } from "../core/consolidate";
import type { Consolidation, Submission } from "../core/consolidation";
import { pairOf } from "../core/judge";
import { ALL_LETTERS_FILE } from "../core/letters";
import { DEFAULT_PROFILE, type Profile, type RosterUnit } from "../core/profile";
import type { RollupUnit } from "../core/rollup";
import { codeKey } from "../core/text";
import { loadRoster, repoRoot, runConsolidation } from "./consolidate-command";
import { expandInputs, loadProfile, readBytes, storedInputPath, storedOutputPath, UsageError } from "./io";
import { checkOptions, defineCommand, parseOptions, type Io } from "./options";

export const DEMO = defineCommand({
  name: "demo",
  summary: "chạy thử trên bộ báo cáo mẫu: tổng hợp hai cấp, thư nhắc, và chế độ báo cáo CCHC",
  synopsis: "[--samples THƯ_MỤC] [--out-dir THƯ_MỤC]",
  options: {
    samples: {
      type: "string",
      value: "THƯ_MỤC",
      help: "thư mục báo cáo (mặc định: samples/ của kl226; roster.csv trong đó là danh sách đơn vị)",
    },
    "out-dir": {
      type: "string",
      value: "THƯ_MỤC",
      help: "nơi ghi kết quả (mặc định: thư mục out/ trong thư mục hiện hành)",
    },
  },
  operands: { min: 0, max: 0 },
  notes: [
    "Bộ mẫu của kl226 cố ý có tệp lỗi để minh họa việc từ chối, nên khi chạy trên bộ mẫu lệnh kết thúc với mã 0;",
    "với --samples THƯ_MỤC của bạn, mã thoát như lệnh consolidate (1 khi có tệp bị từ chối).",
  ],
  examples: ["kl226 demo", "kl226 demo --samples bao-cao-thu --out-dir ket-qua"],
});

/** Where `path` is once links are followed: its existing part's real path, the rest as given. */
function realPathOfSome(path: string): string {
  const rest: string[] = [];
  for (let at = resolve(path); ;) {
    try {
      return join(realpathSync(at), ...rest);
    } catch {
      const up = dirname(at);
      if (up === at) return resolve(path);
      rest.unshift(basename(at));
      at = up;
    }
  }
}

/** The samples' sub-folder of department folders (cấp sở: the department level). */
export const DEPARTMENTS_DIR = "cap-so";
/** The samples' sub-folder of the CCHC-BC/2025 regime (seed 001), consolidated apart with its plan's profile. */
export const CCHC_DIR = "cchc";
const CCHC_PROFILE = "hcm-attp-cchc-2025";

const demoOptions = z.object({
  samples: z.string().min(1).optional(),
  "out-dir": z.string().min(1).optional(),
});

/**
 * The bundled samples include deliberately broken files, so a rejection is expected there: demo
 * returns 0 (docs/DECISIONS.md); on a folder of one's own (--samples) it returns 1 like consolidate
 * when a file was rejected. Without samples/cap-so/ it is a one-level consolidation of samples/.
 */
export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, DEMO);
  const o = checkOptions(DEMO, demoOptions, values);
  const root = repoRoot();
  const bundled = join(root, "samples");
  const samples = o.samples === undefined ? bundled : storedInputPath(o.samples);
  const isBundled = resolve(samples) === resolve(bundled);
  // out/ of the folder the command is run in (npm run demo: the checkout), never the install's own
  // folder: from a global install that is not the user's, and may not be writable.
  const outDir = storedOutputPath(o["out-dir"] ?? resolve("out"));
  if (!existsSync(samples) || !statSync(samples).isDirectory()) {
    throw new UsageError(
      isBundled
        ? `Chưa có thư mục báo cáo mẫu ${samples}. Hãy tạo báo cáo mẫu (thư mục samples/) rồi chạy lại.`
        : `Không tìm thấy thư mục ${samples} (--samples). Hãy kiểm tra lại đường dẫn, hoặc bỏ --samples để chạy trên bộ báo cáo mẫu kèm theo; chưa có gì được ghi.`,
    );
  }
  // Its summaries, letters and roll-ups written among the samples would be read as reports next time
  // (the roll-up of step 1 too, by step 2 of the next run). Compared where the folders really are.
  const realSamples = realPathOfSome(samples);
  const realOut = realPathOfSome(outDir);
  // "--samples ." is named by its path: "thư mục ngoài ." says nothing.
  const shownSamples = /^\.{1,2}[\\/]?$/.test(samples) ? resolve(samples) : samples;
  if (realOut === realSamples || realOut.startsWith(realSamples + sep))
    throw new UsageError(
      `Thư mục kết quả ${outDir} (${o["out-dir"] === undefined ? "mặc định: out/ trong thư mục đang đứng" : "--out-dir"}) nằm trong thư mục báo cáo ${shownSamples}${o.samples === undefined ? "" : " (--samples)"}: bảng tổng hợp, thư nhắc và báo cáo gửi cấp trên ghi vào đó sẽ bị đọc như báo cáo của đơn vị ở lần tổng hợp sau. Hãy chọn thư mục ngoài ${shownSamples}, ví dụ --out-dir ${join(dirname(resolve(samples)), "ket-qua")}; chưa có gì được ghi.`,
    );
  const profile = DEFAULT_PROFILE;
  const rosterPath = join(samples, "roster.csv");
  const roster = existsSync(rosterPath) ? loadRoster(rosterPath, profile) : undefined;
  const departments = departmentFolders(join(samples, DEPARTMENTS_DIR));

  const rollups: string[] = [];
  let rejectedFiles = 0;
  const departmentUnits: Submission[] = [];
  for (const [i, code] of departments.entries()) {
    const dir = join(samples, DEPARTMENTS_DIR, code);
    const unit = departmentUnit(code, roster);
    const ownRosterPath = join(dir, "roster.csv");
    const ownRoster = existsSync(ownRosterPath) ? loadRoster(ownRosterPath, profile) : undefined;
    const rollup = join(outDir, DEPARTMENTS_DIR, `${code}.xlsx`);
    io.out(
      `== Bước ${i + 1}: ${unit.name} (${code}) tổng hợp các đơn vị trực thuộc trong ${dir}${ownRoster ? ` (danh sách: ${ownRosterPath})` : ""} ==\n`,
    );
    const { submissions, consolidation, rollupPath } = await runConsolidation(
      {
        inputs: [dir],
        out: join(outDir, DEPARTMENTS_DIR, code, "tong-hop.xlsx"),
        json: join(outDir, DEPARTMENTS_DIR, code, "tong-hop.json"),
        roster: ownRoster,
        profile,
        rollup: { out: rollup, unit },
        exclude: [ownRosterPath],
        keepSubmissions: true,
      },
      io,
    );
    rejectedFiles += consolidation.rejected.length;
    // Beside a roll-up someone edited there (…-moi.xlsx): the one just written is the province's input.
    const written = rollupPath ?? rollup;
    io.out(`${recheck(written, profile)}\n\n`);
    rollups.push(written);
    departmentUnits.push(...submissions);
  }

  const departmentFiles = new Set(departmentUnits.map((s) => s.file));
  const cchcDir = join(samples, CCHC_DIR);
  const hasCchc = existsSync(cchcDir) && statSync(cchcDir).isDirectory();
  // Every file of the samples folder counts, except the rosters and the folder's README (its description).
  const notReports = (f: string): boolean =>
    basename(f).toLowerCase() === "roster.csv" || resolve(f) === resolve(join(samples, "README.md"));
  const direct = expandInputs([samples]).files.filter(
    (f) => !departmentFiles.has(f) && !(hasCchc && f.startsWith(cchcDir)) && !notReports(f),
  );
  if (direct.length + rollups.length === 0)
    throw new UsageError(
      `Thư mục ${samples} không có tệp báo cáo nào. Hãy chép các tệp .xlsx của đơn vị vào đó, hoặc bỏ --samples để chạy trên bộ báo cáo mẫu kèm theo; chưa có gì được ghi.`,
    );
  const step =
    departments.length > 0
      ? `== Bước ${departments.length + 1}: Sở Nội vụ tổng hợp toàn tỉnh `
      : "== Tổng hợp ";
  const via =
    departments.length > 0 ? ` cùng báo cáo của ${departments.join(", ")} (${rollups.join(", ")})` : "";
  const except = [
    ...(departments.length > 0 ? [`${DEPARTMENTS_DIR}/`] : []),
    ...(hasCchc ? [`${CCHC_DIR}/`] : []),
  ];
  io.out(
    `${step}các báo cáo trong ${samples}${except.length > 0 ? ` (trừ ${except.join(", ")})` : ""}${via}${roster ? `; danh sách đơn vị: ${rosterPath}` : ""} ==\n`,
  );
  const letters = join(outDir, "thu-nhac");
  const report = join(outDir, "bao-cao.docx");
  const province = await runConsolidation(
    {
      inputs: [...direct, ...rollups],
      out: join(outDir, "tong-hop.xlsx"),
      json: join(outDir, "tong-hop.json"),
      roster,
      profile,
      letters,
      report,
      datedAfterDeadline: true,
      keepSubmissions: true,
    },
    io,
  );
  const c = province.consolidation;
  const provinceSummary = province.summaryPath;
  rejectedFiles += c.rejected.length;
  if (departments.length > 0) {
    // Every underlying unit, as already read: the direct reports (not the roll-ups) and the departments' units.
    const units = [...province.submissions.filter((s) => !rollups.includes(s.file)), ...departmentUnits];
    io.out(`\n${twoLevelCheck(c, units, profile, departments.length)}\n`);
  }
  let cchcSummary: string | undefined;
  if (hasCchc) {
    // A second regime (SPEC §8): the CCHC plan's quarterly reports, with the plan's shipped profile.
    const cchcProfile = loadProfile(CCHC_PROFILE);
    const cchcRosterPath = join(cchcDir, "roster.csv");
    const cchcRoster = existsSync(cchcRosterPath) ? loadRoster(cchcRosterPath, cchcProfile) : undefined;
    cchcSummary = join(outDir, CCHC_DIR, "tong-hop.xlsx");
    io.out(
      `\n== Bước ${departments.length + 2}: chế độ báo cáo thứ hai — ${cchcProfile.name} (mẫu ${cchcProfile.form.id}, hồ sơ ${CCHC_PROFILE}): các báo cáo trong ${cchcDir} ==\n`,
    );
    const cchc = await runConsolidation(
      {
        inputs: [cchcDir],
        out: cchcSummary,
        json: join(outDir, CCHC_DIR, "tong-hop.json"),
        roster: cchcRoster,
        profile: cchcProfile,
        letters: join(outDir, CCHC_DIR, "thu-nhac"),
        report: join(outDir, CCHC_DIR, "bao-cao.docx"),
        datedAfterDeadline: true,
        exclude: [cchcRosterPath],
      },
      io,
    );
    rejectedFiles += cchc.consolidation.rejected.length;
    cchcSummary = cchc.summaryPath;
  }
  io.out(
    `\nKết quả: bảng tổng hợp toàn tỉnh ${provinceSummary}${rollups.length > 0 ? `; báo cáo cấp sở ${rollups.join(", ")}` : ""}; báo cáo kết quả (Word) ${report}; thư nhắc (Word, mỗi đơn vị một tệp và tệp ${ALL_LETTERS_FILE} để in) ${letters}${cchcSummary ? `; tổng hợp CCHC ${cchcSummary} (báo cáo và thư nhắc trong ${join(outDir, CCHC_DIR)})` : ""}.\n`,
  );
  if (rejectedFiles === 0) return 0;
  if (isBundled) {
    io.out(
      `\nLưu ý: bộ mẫu cố ý có ${rejectedFiles} tệp lỗi để minh họa việc từ chối, nên lệnh demo vẫn kết thúc với mã 0 (lệnh consolidate sẽ trả về 1).\n`,
    );
    return 0;
  }
  io.out(
    `\nCó ${rejectedFiles} tệp bị từ chối (lý do ở trang “Lỗi” của từng bảng tổng hợp): mã thoát 1, như lệnh consolidate.\n`,
  );
  return 1;
}

/** Sub-folders of samples/cap-so/, sorted; none when it does not exist. */
function departmentFolders(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The department as the province roster lists it (name and type); its code alone when it is not listed. */
function departmentUnit(code: string, roster: readonly RosterUnit[] | undefined): RollupUnit {
  const listed = roster?.find((u) => codeKey(u.code) === codeKey(code));
  const typeId: UnitTypeId =
    UNIT_TYPES.find((t) => t.label === listed?.type || t.id === listed?.type)?.id ?? "SO_NGANH";
  return { code, name: listed?.name ?? code, typeId };
}

/** The roll-up read back and validated like any submission. */
function recheck(path: string, profile: Profile): string {
  const errors = inspectBytes(readBytes(path), profile, undefined, { fileName: path }).findings.filter(
    (f) => f.severity === "error",
  );
  return errors.length === 0
    ? `Kiểm tra lại báo cáo gửi cấp trên ${path} theo mẫu: hợp lệ, không có lỗi.`
    : `Kiểm tra lại báo cáo gửi cấp trên ${path} theo mẫu: ${errors.length} lỗi (${errors.map((f) => `${f.code} ${f.cell ?? ""}`.trim()).join(", ")}).`;
}

/**
 * The two-level promise: the province totals through the departments' roll-ups equal those of
 * consolidating every underlying unit directly (same period; rosters do not change sums).
 */
function twoLevelCheck(
  c: Consolidation,
  units: readonly Submission[],
  profile: Profile,
  departments: number,
): string {
  const flat = consolidate(units, { profile, period: c.period ?? undefined });
  const counts = c.form.counts;
  // Column D a roll-up left blank (a unit of it filled only one of D and E: core/rollup.ts) is not compared.
  const blankD = (code: string): boolean =>
    c.units.some((u) => u.rollupOf !== undefined && pairOf(u.values, code).previous === null);
  let notCompared = 0;
  const differences = counts.flatMap((f) =>
    (["previous", "current"] as const).flatMap((column) => {
      const via = pairOf(c.province.values, f.code)[column];
      const all = pairOf(flat.province.values, f.code)[column];
      if (via !== all && column === "previous" && blankD(f.code)) {
        notCompared++;
        return [];
      }
      return via === all
        ? []
        : [
            `${f.code} (${column === "current" ? "kỳ này" : "cùng kỳ năm trước"}): ${String(via)} qua báo cáo cấp sở, ${String(all)} khi cộng trực tiếp`,
          ];
    }),
  );
  const head = `Kiểm tra hai cấp: tổng toàn tỉnh từ ${c.units.length} báo cáo (có ${departments} báo cáo cấp sở) so với cộng trực tiếp ${flat.units.length} đơn vị`;
  const skipped =
    notCompared === 0
      ? ""
      : ` (${notCompared} số liệu cột D không so: báo cáo cấp sở để trống vì có đơn vị chỉ điền một trong hai cột D, E)`;
  return differences.length === 0
    ? `${head}: khớp cả ${counts.length * 2 - notCompared} số liệu${skipped}.`
    : `${head}: ${differences.length} số liệu khác nhau${skipped}:\n  ${differences.join("\n  ")}`;
}
