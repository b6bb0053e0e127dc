// Optional outputs of kl226 consolidate: the roll-up for the level above (--as-unit/--name/--type
// --rollup), follow-up letters (--letters) and last year's comparison (--previous).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { compareText, type Consolidation, type Warning } from "../core/consolidate";
import { compareWithPrevious, historyOrder, parsePreviousReport, previousFromSummary, previousPeriodNotes, type OutlierBand, type PreviousReport } from "../core/history";
import { LETTER_SHEET, type Letter } from "../core/letters";
import type { Profile } from "../core/profile";
import { rollupWorkbook, type RollupUnit } from "../core/rollup";
import { unitCodeSchema, unitNameSchema, unitTypeSchema } from "../core/unit-schema";
import type { Form } from "../core/form";
import { DEFAULT_FORM } from "../core/forms";
import { readXlsx } from "../xlsx/read";
import { NODE_ZIP_CODEC } from "../xlsx/node-deflate";
import { writeXlsx } from "../xlsx/write";
import { UsageError, writeAtomic } from "./io";

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

export const ROLLUP_TOGETHER = "--rollup cần đủ --as-unit MÃ --name TÊN --type LOẠI (đơn vị đứng tên báo cáo gửi cấp trên), và ba tùy chọn này chỉ dùng cùng --rollup";

/** All of --rollup, --as-unit, --name, --type, or none of them. */
export function rollupOptionsTogether(o: { rollup?: string; "as-unit"?: string; name?: string; type?: string }): boolean {
  const given = [o.rollup, o["as-unit"], o.name, o.type].filter((v) => v !== undefined).length;
  return given === 0 || given === 4;
}

export interface RollupRequest {
  readonly out: string;
  readonly unit: RollupUnit;
}

export function rollupRequest(o: { rollup?: string; "as-unit"?: string; name?: string; type?: RollupUnit["typeId"] }): RollupRequest | undefined {
  if (o.rollup === undefined || o["as-unit"] === undefined || o.name === undefined || o.type === undefined) return undefined;
  return { out: o.rollup, unit: { code: o["as-unit"], name: o.name, typeId: o.type } };
}

/** A roll-up needs a period: checked before anything is written (exit 2, nothing half-written). */
export function checkRollupPeriod(c: Consolidation): void {
  if (c.period === null) {
    throw new UsageError("Không lập được báo cáo tổng hợp gửi cấp trên (--rollup): chưa xác định được kỳ báo cáo. Hãy thêm --period 6T|NAM --year NĂM.");
  }
}

/** Write the roll-up atomically; returns the lines for the human summary. */
export function writeRollup(c: Consolidation, profile: Profile, request: RollupRequest): string[] {
  checkRollupPeriod(c);
  writeAtomic(request.out, writeXlsx(rollupWorkbook(c, profile, request.unit), NODE_ZIP_CODEC));
  return [`Báo cáo tổng hợp gửi cấp trên (mẫu KL226-BC/1, đơn vị ${request.unit.code}, ${c.units.length} đơn vị): ${request.out}`];
}

export const lettersOptionShape = {
  letters: z.string().min(1, "cần tên thư mục, ví dụ --letters thu-nhac").optional(),
};

/** A unit code as a file name: codes are [A-Z0-9_.-], roster codes are not checked as strictly. */
function letterFileName(unit: string): string {
  const safe = unit.replace(/[^A-Za-z0-9_.-]/g, "_");
  return `${/^\.*$/.test(safe) ? `_${safe}` : safe}.txt`;
}

/** One UTF-8 .txt per letter in `dir` (each written atomically); returns the lines for the human summary. */
export function writeLetters(dir: string, letters: readonly Letter[]): string[] {
  for (const l of letters) writeAtomic(join(dir, letterFileName(l.unit)), `${l.text}\n`);
  return [letters.length === 0 ? `Thư nhắc: không có đơn vị nào cần nhắc (thư mục ${dir}).` : `Thư nhắc: ${letters.length} đơn vị, mỗi đơn vị một tệp .txt trong ${dir} (và trang “${LETTER_SHEET}” của bảng tổng hợp).`];
}

export const previousOptionShape = {
  previous: z
    .array(
      z
        .string()
        .min(1, "cần tên tệp, ví dụ --previous tong-hop-nam-truoc.json")
        .regex(/\.(json|xlsx)$/i, "tệp năm trước là bảng tổng hợp (.xlsx, --out) hoặc báo cáo JSON (.json, --json) của lần tổng hợp năm trước"),
    )
    .optional(),
};

export interface PreviousFile {
  readonly path: string;
  /** The JSON report, or the summary workbook's report read with the consolidated form's counts. */
  readonly report: (form: Form) => PreviousReport;
}

/**
 * An earlier year's consolidation: its `--json` report or its summary workbook (`--out`). A missing,
 * unreadable or wrongly shaped file is a usage error (exit 2) that names the file and what is wrong.
 */
export function loadPrevious(path: string): PreviousFile {
  const fail = (why: string): never => {
    throw new UsageError(`Không đọc được báo cáo tổng hợp năm trước ${path} (--previous): ${why}`);
  };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code === "ENOENT" ? "không tìm thấy tệp." : "không mở được tệp.");
  }
  if (/\.xlsx$/i.test(path)) {
    const read = readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!read.ok) return fail("tệp không đọc được như một sổ tính Excel (.xlsx).");
    const workbook = read.workbook;
    // The sheet's shape is checked now (exit 2 before any file is read); its counts once the form is known.
    const check = previousFromSummary(workbook, DEFAULT_FORM);
    if (!check.ok && !check.errors.some((e) => e.includes("(kỳ này)"))) return fail(`không phải bảng tổng hợp do “kl226 consolidate” ghi:\n  ${check.errors.join("\n  ")}`);
    return {
      path,
      report: (form) => {
        const parsed = previousFromSummary(workbook, form);
        return parsed.ok ? parsed.report : fail(`không phải bảng tổng hợp do “kl226 consolidate” ghi:\n  ${parsed.errors.join("\n  ")}`);
      },
    };
  }
  let parsed;
  {
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch {
      return fail("không phải JSON hợp lệ.");
    }
    parsed = parsePreviousReport(json);
    if (!parsed.ok) return fail(`không đúng dạng tệp JSON do “kl226 consolidate --json” ghi:\n  ${parsed.errors.join("\n  ")}`);
  }
  const report = parsed.report;
  return { path, report: () => report };
}

/**
 * Cross-check against earlier years: PREVIOUS_MISMATCH (newest year) and OUTLIER (all years of the
 * same period kind) warnings join the consolidation's warnings (so they reach the JSON and the Lỗi
 * sheet like UNKNOWN_UNIT); the lines are for the human summary.
 */
export function withPrevious(c: Consolidation, previous: readonly PreviousFile[], band: OutlierBand): { consolidation: Consolidation; lines: string[] } {
  const reports = previous.map((p) => p.report(c.form));
  const h = compareWithPrevious(c, reports, band);
  const added: Warning[] = h.warnings.map((w) => ({ file: w.file, unit: w.unit, ...w.finding }));
  const warnings = [...c.warnings, ...added].sort((a, b) => compareText(a.file, b.file));
  const newest = historyOrder(reports)[0];
  const lines =
    previous.length === 1 || newest === undefined
      ? [`So sánh với báo cáo tổng hợp năm trước ${previous[0]?.path ?? ""}:`]
      : [`So sánh với ${previous.length} báo cáo tổng hợp các năm trước (${previous.map((p, i) => `${reports[i]?.period.year ?? "?"}: ${p.path}`).join("; ")}); năm gần nhất ${newest.period.year}:`];
  if (newest) lines.push(...previousPeriodNotes(c.period, newest).map((n) => `  ${n}`));
  const mismatches = h.warnings.filter((w) => w.finding.code === "PREVIOUS_MISMATCH").length;
  const outliers = h.warnings.length - mismatches;
  lines.push(mismatches === 0 ? "  Số liệu cùng kỳ năm trước khớp với báo cáo năm trước." : `  ${mismatches} số liệu cùng kỳ năm trước khác báo cáo năm trước (PREVIOUS_MISMATCH, chi tiết ở trang “Lỗi”).`);
  if (outliers > 0) {
    lines.push(
      `  ${outliers} số liệu kỳ này bất thường so với chính đơn vị các năm trước (OUTLIER: ngoài trung bình ± ${band.sd} độ lệch chuẩn khi có từ ${band.minYears} năm, hoặc chênh hơn ${band.factor} lần so với năm gần nhất; chỉ là cảnh báo, chi tiết ở trang “Lỗi”).`,
    );
  }
  lines.push(h.newUnits.length === 0 ? "  Đơn vị mới so với năm trước: không có." : `  Đơn vị mới so với năm trước: ${h.newUnits.length}: ${h.newUnits.join(", ")}.`);
  lines.push(h.goneUnits.length === 0 ? "  Đơn vị năm trước có, năm nay không có báo cáo được chấp nhận: không có." : `  Đơn vị năm trước có, năm nay không có báo cáo được chấp nhận: ${h.goneUnits.length}: ${h.goneUnits.join(", ")}.`);
  return { consolidation: { ...c, warnings }, lines };
}
