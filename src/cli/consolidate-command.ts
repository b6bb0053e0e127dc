// kl226 consolidate and kl226 demo (SPEC §5–§6): read many unit workbooks (read-only), write the
// summary workbook (and JSON) atomically, print a short Vietnamese summary; progress on a TTY.

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { INDICATOR_IDS, INDICATORS, type Period } from "../core/catalogue";
import { baseName, consolidate, consolidationJson, periodLabel, type Consolidation, type Submission } from "../core/consolidate";
import { viDate } from "../core/dates";
import type { Profile, RosterUnit } from "../core/profile";
import { parseRosterCsv, parseRosterWorkbook } from "../core/roster";
import { followUpLetters, withLetterSheet } from "../core/letters";
import { summaryWorkbook, targetText } from "../core/summary";
import { createNodeInflateRaw } from "../xlsx/node-inflate";
import { readXlsx } from "../xlsx/read";
import { NODE_ZIP_CODEC } from "../xlsx/node-deflate";
import { writeXlsx } from "../xlsx/write";
import { lettersOptionShape, loadPrevious, previousOptionShape, withPrevious, writeLetters, ROLLUP_TOGETHER, rollupOptionShape, rollupOptionsTogether, rollupRequest, writeRollup, type PreviousFile, type RollupRequest } from "./consolidate-extras";
import { expandInputs, loadProfile, readBytes, UsageError, writeAtomic } from "./io";
import { inspectFiles } from "./parallel";
import { checkOptions, parseOptions, periodSchema, USAGE, yearSchema, type Io } from "./options";

const consolidateOptions = z
  .object({
    out: z
      .string({ message: "cần --out TỔNG_HỢP.xlsx" })
      .min(1, "cần --out TỔNG_HỢP.xlsx")
      .regex(/\.xlsx$/i, "tệp tổng hợp phải có đuôi .xlsx"),
    json: z.string().min(1, "cần tên tệp, ví dụ --json bao-cao.json").optional(),
    roster: z.string().min(1).optional(),
    period: periodSchema.optional(),
    year: yearSchema.optional(),
    profile: z.string().min(1).optional(),
    ...rollupOptionShape,
    ...lettersOptionShape,
    ...previousOptionShape,
  })
  .refine((o) => (o.period === undefined) === (o.year === undefined), {
    message: "--period và --year phải dùng cùng nhau, ví dụ --period 6T --year 2026",
    path: ["period"],
  })
  .refine(rollupOptionsTogether, { message: ROLLUP_TOGETHER, path: ["rollup"] });

export interface RunOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly json?: string;
  readonly roster?: readonly RosterUnit[];
  readonly period?: Period;
  readonly profile: Profile;
  readonly rollup?: RollupRequest;
  readonly letters?: string;
  readonly previous?: readonly PreviousFile[];
}

export async function consolidateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: "string" },
    json: { type: "string" },
    roster: { type: "string" },
    period: { type: "string" },
    year: { type: "string" },
    profile: { type: "string" },
    rollup: { type: "string" },
    "as-unit": { type: "string" },
    name: { type: "string" },
    type: { type: "string" },
    letters: { type: "string" },
    previous: { type: "string", multiple: true },
  });
  const o = checkOptions(consolidateOptions, values);
  if (positionals.length === 0) throw new UsageError(`Cần ít nhất một tệp .xlsx hoặc thư mục chứa báo cáo.\n\n${USAGE}`);
  // Profile and roster first: a bad one stops the run (exit 2) before any file is read.
  const profile = loadProfile(o.profile);
  const roster = o.roster === undefined ? undefined : loadRoster(o.roster, profile);
  const previous = o.previous?.map(loadPrevious);
  const period = o.period !== undefined && o.year !== undefined ? { kind: o.period, year: o.year } : undefined;
  const { consolidation: c } = await runConsolidation({ inputs: positionals, out: o.out, json: o.json, roster, period, profile, rollup: rollupRequest(o), letters: o.letters, previous }, io);
  return c.rejected.length > 0 ? 1 : 0;
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

/** Reads, checks and consolidates, writes every output; returns the consolidation and the files as inspected. */
export async function runConsolidation(o: RunOptions, io: Io): Promise<{ consolidation: Consolidation; submissions: Submission[] }> {
  const outputs = [o.out, o.json, o.rollup?.out].filter((p): p is string => p !== undefined).map((p) => resolve(p));
  for (const input of o.inputs) {
    if (outputs.includes(resolve(input))) throw new UsageError(`Tệp ${input} vừa là tệp nguồn vừa là tệp kết quả. Hãy chọn tên khác cho --out/--json: tệp nguồn không bao giờ bị ghi đè.`);
  }
  // A summary written into the input folder on an earlier run is not a unit report.
  const files = expandInputs(o.inputs).filter((f) => !outputs.includes(resolve(f)));
  const progress = io.isErrTty ? progressBar(io, files.length) : undefined;
  const submissions = await inspectFiles(files, o.profile, { onProgress: progress });
  if (progress) io.err("\n");
  const consolidated = consolidate(submissions, { profile: o.profile, roster: o.roster, period: o.period });
  // Last year's cross-check adds warnings before anything is written (JSON and the Lỗi sheet).
  const history = o.previous === undefined ? undefined : withPrevious(consolidated, o.previous, o.profile.outlier);
  const c = history?.consolidation ?? consolidated;
  const letters = o.letters === undefined ? undefined : followUpLetters(c, o.profile);
  const summary = summaryWorkbook(c, o.profile);
  writeAtomic(o.out, writeXlsx(letters ? withLetterSheet(summary, letters) : summary, NODE_ZIP_CODEC));
  if (o.json !== undefined) writeAtomic(o.json, `${JSON.stringify(consolidationJson(c), null, 2)}\n`);
  io.out(humanSummary(c, o.profile, files.length, o.out, o.json));
  if (history) io.out(`${history.lines.join("\n")}\n`);
  if (o.letters !== undefined && letters) io.out(`${writeLetters(o.letters, letters).join("\n")}\n`);
  if (o.rollup !== undefined) io.out(`${writeRollup(c, o.profile, o.rollup).join("\n")}\n`);
  return { consolidation: c, submissions };
}

function progressBar(io: Io, total: number): (done: number) => void {
  const width = 20;
  let last = "";
  return (done) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} tệp`;
    if (line !== last) io.err(line);
    last = line;
  };
}

const LIST_LIMIT = 20;

function humanSummary(c: Consolidation, profile: Profile, fileCount: number, out: string, json: string | undefined): string {
  const lines: string[] = [];
  if (c.period) {
    const how = c.periodGiven ? "theo tùy chọn --period/--year" : "kỳ mà nhiều tệp khai nhất";
    lines.push(`Kỳ tổng hợp: ${periodLabel(c.period)} (${how}; hạn nộp ${c.deadline ? viDate(c.deadline) : "?"}).`);
  } else {
    lines.push("Không xác định được kỳ tổng hợp: không có tệp nào khai Kỳ báo cáo và Năm hợp lệ.");
  }
  lines.push(`Đã đọc ${fileCount} tệp: chấp nhận ${c.units.length}, từ chối ${c.rejected.length}, trùng đơn vị ${c.duplicates.length}.`);
  if (c.rejected.length > 0) {
    lines.push("Tệp bị từ chối (chi tiết ở trang “Lỗi”):");
    for (const r of c.rejected.slice(0, LIST_LIMIT)) {
      const errors = r.findings.filter((f) => f.severity === "error");
      const first = errors[0] ?? r.findings[0];
      const more = errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác)` : "";
      lines.push(`  ✗ ${r.file}: ${first ? `${first.message} [${first.code}${first.cell ? ` ${first.sheet ?? ""}!${first.cell}` : ""}]` : ""}${more}`);
    }
    if (c.rejected.length > LIST_LIMIT) lines.push(`  … và ${c.rejected.length - LIST_LIMIT} tệp khác.`);
  }
  if (c.duplicates.length > 0) {
    lines.push("Tệp trùng đơn vị (không được tổng hợp):");
    for (const d of c.duplicates.slice(0, LIST_LIMIT)) lines.push(`  = ${d.dropped}: đơn vị ${d.unit}, dùng tệp ${baseName(d.kept)}`);
    if (c.duplicates.length > LIST_LIMIT) lines.push(`  … và ${c.duplicates.length - LIST_LIMIT} tệp khác.`);
  }
  if (!c.rosterGiven) lines.push("Không có danh sách đơn vị (--roster): không xác định đơn vị chưa nộp.");
  else if (c.missing.length === 0) lines.push("Chưa nộp: không có (mọi đơn vị trong danh sách đều có báo cáo được chấp nhận).");
  else lines.push(`Chưa nộp: ${c.missing.length} đơn vị: ${listCodes(c.missing.map((u) => u.code))}.`);
  const unknown = c.units.filter((u) => !u.onRoster).map((u) => u.code);
  if (unknown.length > 0) lines.push(`Không có trong danh sách đơn vị (vẫn tổng hợp): ${listCodes(unknown)}.`);
  const late = c.units.filter((u) => u.late).map((u) => u.code);
  lines.push(late.length === 0 ? "Trễ hạn: không có." : `Trễ hạn: ${late.length} đơn vị: ${listCodes(late)}.`);
  lines.push(`Chỉ tiêu không đạt (${c.shortfalls.length} trường hợp):`);
  for (const id of INDICATOR_IDS) {
    const n = c.province.counts[id];
    lines.push(`  ${INDICATORS[id].short} (${targetText(id, profile.targets[id])}): ${n.short} không đạt, ${n.met} đạt, ${n.na} không đánh giá được.`);
  }
  lines.push(`Bảng tổng hợp: ${out}`);
  if (json !== undefined) lines.push(`Báo cáo JSON: ${json}`);
  return `${lines.join("\n")}\n`;
}

function listCodes(codes: readonly string[]): string {
  return codes.length <= LIST_LIMIT ? codes.join(", ") : `${codes.slice(0, LIST_LIMIT).join(", ")}, … (+${codes.length - LIST_LIMIT})`;
}

/** A roster from .csv (UTF-8) or .xlsx; any problem is a usage error (exit 2) naming the file. */
export function loadRoster(path: string, profile: Profile): RosterUnit[] {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "không tìm thấy tệp" : "không mở được tệp";
    throw new UsageError(`Không đọc được danh sách đơn vị ${path}: ${why}.`);
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let outcome;
  if (isZip || /\.xlsx$/i.test(path)) {
    const read = readXlsx(bytes, { limits: profile.limits, inflateRaw: createNodeInflateRaw() });
    if (!read.ok) throw new UsageError(`Không đọc được danh sách đơn vị ${path}: tệp .xlsx hỏng hoặc không đúng định dạng (${read.reason}).`);
    outcome = parseRosterWorkbook(read.workbook);
  } else {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError(`Danh sách đơn vị ${path} không phải văn bản UTF-8. Trong Excel, hãy lưu lại dạng “CSV UTF-8 (phân tách bằng dấu phẩy)”.`);
    }
    outcome = parseRosterCsv(text);
  }
  if (!outcome.ok) throw new UsageError(`Danh sách đơn vị ${path} không hợp lệ:\n  ${outcome.errors.slice(0, 30).join("\n  ")}${outcome.errors.length > 30 ? `\n  … và ${outcome.errors.length - 30} lỗi khác.` : ""}`);
  return outcome.units;
}
