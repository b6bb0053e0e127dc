// kl226 demo (npm run demo, the README's main command): the bundled samples consolidated in two
// levels, as a province does it. Each folder under samples/cap-so/ holds the units of one department
// (its name is the department's unit code); the department consolidates them and reports upward one
// KL226-BC/1 workbook (the roll-up). Sở Nội vụ then consolidates the direct submissions together with
// those roll-ups, writes the follow-up letters, and checks that the province totals equal adding every
// unit directly.

import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { inspectBytes } from "../app/inspect";
import { COUNT_FIELDS, UNIT_TYPES, type UnitTypeId } from "../core/catalogue";
import { consolidate, type Consolidation, type Submission } from "../core/consolidate";
import type { Profile, RosterUnit } from "../core/profile";
import type { RollupUnit } from "../core/rollup";
import { codeKey } from "../core/text";
import { loadRoster, repoRoot, runConsolidation } from "./consolidate-command";
import { expandInputs, loadProfile, readBytes, UsageError } from "./io";
import { checkOptions, parseOptions, USAGE, type Io } from "./options";

/** The samples' sub-folder of department folders (cấp sở: the department level). */
export const DEPARTMENTS_DIR = "cap-so";

const demoOptions = z.object({ samples: z.string().min(1).optional(), "out-dir": z.string().min(1).optional() });

/**
 * The samples include deliberately broken files, so a rejection is expected: demo returns 0
 * (docs/DECISIONS.md). Without samples/cap-so/ it is a one-level consolidation of samples/.
 */
export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { samples: { type: "string" }, "out-dir": { type: "string" } });
  if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(" ")}\n\n${USAGE}`);
  const o = checkOptions(demoOptions, values);
  const root = repoRoot();
  const samples = o.samples ?? join(root, "samples");
  const outDir = o["out-dir"] ?? join(root, "out");
  if (!existsSync(samples) || !statSync(samples).isDirectory()) {
    throw new UsageError(`Chưa có thư mục báo cáo mẫu ${samples}. Hãy tạo báo cáo mẫu (thư mục samples/) rồi chạy lại.`);
  }
  const profile = loadProfile(undefined);
  const rosterPath = join(samples, "roster.csv");
  const roster = existsSync(rosterPath) ? loadRoster(rosterPath, profile) : undefined;
  const departments = departmentFolders(join(samples, DEPARTMENTS_DIR));

  const rollups: string[] = [];
  const departmentUnits: Submission[] = [];
  for (const [i, code] of departments.entries()) {
    const dir = join(samples, DEPARTMENTS_DIR, code);
    const unit = departmentUnit(code, roster);
    const ownRosterPath = join(dir, "roster.csv");
    const ownRoster = existsSync(ownRosterPath) ? loadRoster(ownRosterPath, profile) : undefined;
    const rollup = join(outDir, DEPARTMENTS_DIR, `${code}.xlsx`);
    io.out(`== Bước ${i + 1}: ${unit.name} (${code}) tổng hợp các đơn vị trực thuộc trong ${dir}${ownRoster ? ` (danh sách: ${ownRosterPath})` : ""} ==\n`);
    const { submissions } = await runConsolidation({ inputs: [dir], out: join(outDir, DEPARTMENTS_DIR, code, "tong-hop.xlsx"), json: join(outDir, DEPARTMENTS_DIR, code, "tong-hop.json"), roster: ownRoster, profile, rollup: { out: rollup, unit } }, io);
    io.out(`${recheck(rollup, profile)}\n\n`);
    rollups.push(rollup);
    departmentUnits.push(...submissions);
  }

  const departmentFiles = new Set(departmentUnits.map((s) => s.file));
  const direct = expandInputs([samples]).filter((f) => !departmentFiles.has(f));
  const step = departments.length > 0 ? `== Bước ${departments.length + 1}: Sở Nội vụ tổng hợp toàn tỉnh ` : "== Tổng hợp ";
  const via = departments.length > 0 ? ` cùng báo cáo của ${departments.join(", ")} (${rollups.join(", ")})` : "";
  io.out(`${step}các báo cáo trong ${samples}${departments.length > 0 ? ` (trừ ${DEPARTMENTS_DIR}/)` : ""}${via}${roster ? `; danh sách đơn vị: ${rosterPath}` : ""} ==\n`);
  const letters = join(outDir, "thu-nhac");
  const province = await runConsolidation({ inputs: [...direct, ...rollups], out: join(outDir, "tong-hop.xlsx"), json: join(outDir, "tong-hop.json"), roster, profile, letters }, io);
  const c = province.consolidation;
  if (departments.length > 0) {
    // Every underlying unit, as already read: the direct reports (not the roll-ups) and the departments' units.
    const units = [...province.submissions.filter((s) => !rollups.includes(s.file)), ...departmentUnits];
    io.out(`\n${twoLevelCheck(c, units, profile, departments.length)}\n`);
  }
  io.out(`\nKết quả: bảng tổng hợp toàn tỉnh ${join(outDir, "tong-hop.xlsx")}${rollups.length > 0 ? `; báo cáo cấp sở ${rollups.join(", ")}` : ""}; thư nhắc ${letters}.\n`);
  if (c.rejected.length > 0) {
    io.out(`\nLưu ý: bộ mẫu cố ý có ${c.rejected.length} tệp lỗi để minh họa việc từ chối, nên lệnh demo vẫn kết thúc với mã 0 (lệnh consolidate sẽ trả về 1).\n`);
  }
  return 0;
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
  const typeId: UnitTypeId = UNIT_TYPES.find((t) => t.label === listed?.type || t.id === listed?.type)?.id ?? "SO_NGANH";
  return { code, name: listed?.name ?? code, typeId };
}

/** The roll-up read back and validated like any submission. */
function recheck(path: string, profile: Profile): string {
  const errors = inspectBytes(readBytes(path), profile).findings.filter((f) => f.severity === "error");
  return errors.length === 0 ? `Kiểm tra lại báo cáo gửi cấp trên ${path} theo mẫu: hợp lệ, không có lỗi.` : `Kiểm tra lại báo cáo gửi cấp trên ${path} theo mẫu: ${errors.length} lỗi (${errors.map((f) => `${f.code} ${f.cell ?? ""}`.trim()).join(", ")}).`;
}

/**
 * The two-level promise: the province totals through the departments' roll-ups equal those of
 * consolidating every underlying unit directly (same period; rosters do not change sums).
 */
function twoLevelCheck(c: Consolidation, units: readonly Submission[], profile: Profile, departments: number): string {
  const flat = consolidate(units, { profile, period: c.period ?? undefined });
  const differences = COUNT_FIELDS.flatMap((f) =>
    (["previous", "current"] as const).flatMap((column) => {
      const via = c.province.values[f.code][column];
      const all = flat.province.values[f.code][column];
      return via === all ? [] : [`${f.code} (${column === "current" ? "kỳ này" : "cùng kỳ năm trước"}): ${String(via)} qua báo cáo cấp sở, ${String(all)} khi cộng trực tiếp`];
    }),
  );
  const head = `Kiểm tra hai cấp: tổng toàn tỉnh từ ${c.units.length} báo cáo (có ${departments} báo cáo cấp sở) so với cộng trực tiếp ${flat.units.length} đơn vị`;
  return differences.length === 0
    ? `${head}: khớp cả ${COUNT_FIELDS.length * 2} số liệu.`
    : `${head}: ${differences.length} số liệu khác nhau:\n  ${differences.join("\n  ")}`;
}
