// kl226 command line (SPEC §6): template, validate, consolidate. Exit codes: 0 all valid or
// written, 1 some file invalid or rejected, 2 usage error or unreadable profile/roster.

import { z } from "zod";
import { parseDateText } from "../core/dates";
import type { Finding } from "../core/findings";
import { templateWorkbook } from "../core/template";
import type { ValidationResult } from "../core/validate";
import { NODE_ZIP_CODEC } from "../xlsx/node-deflate";
import { writeXlsx } from "../xlsx/write";
import { expandInputs, loadProfile, UsageError, writeAtomic } from "./io";
import { inspectFiles } from "./parallel";

import { consolidateCommand } from "./consolidate-command";
import { demoCommand } from "./demo-command";
import { unitCodeSchema, unitTypeSchema } from "../core/unit-schema";
import { USAGE, checkOptions, parseOptions, periodSchema, yearSchema, type Io } from "./options";
import { helpExitCode } from "./usage";

export { USAGE, checkOptions, parseOptions, periodSchema, yearSchema, type Io };

const nodeIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isErrTty: Boolean(process.stderr.isTTY),
};

type Command = (args: string[], io: Io) => Promise<number> | number;

const commands: Record<string, Command> = {
  template: templateCommand,
  validate: validateCommand,
  consolidate: consolidateCommand,
  demo: demoCommand,
};

export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  const help = helpExitCode(argv);
  if (help !== undefined) {
    io.out(`${USAGE}\n`);
    return help;
  }
  const [name = "", ...rest] = argv;
  const command = commands[name];
  if (!command) {
    io.err(`Lệnh không hợp lệ: ${name}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    // A bug, not the user's fault: say so briefly, without a stack trace unless asked for.
    io.err(`Lỗi nội bộ của kl226: ${(e as Error).message}\nHãy báo lỗi kèm lệnh đã chạy. (Đặt KL226_DEBUG=1 để xem chi tiết.)\n`);
    if (process.env.KL226_DEBUG) io.err(`${(e as Error).stack}\n`);
    return 2;
  }
}

const templateOptions = z.object({
  out: z.string({ message: "cần --out TỆP.xlsx" }).min(1),
  profile: z.string().optional(),
  unit: unitCodeSchema.optional(),
  name: z.string().trim().min(1).optional(),
  type: unitTypeSchema.optional(),
  period: periodSchema.optional(),
  year: yearSchema.optional(),
  date: z
    .string()
    .transform((s, ctx) => {
      const d = parseDateText(s);
      if (!d) {
        ctx.addIssue({ code: "custom", message: "ngày dạng dd/mm/yyyy" });
        return z.NEVER;
      }
      return d;
    })
    .optional(),
});

function templateCommand(args: string[], io: Io): number {
  const { values, positionals } = parseOptions(args, {
    out: { type: "string" },
    profile: { type: "string" },
    unit: { type: "string" },
    name: { type: "string" },
    type: { type: "string" },
    period: { type: "string" },
    year: { type: "string" },
    date: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(" ")}\n\n${USAGE}`);
  const o = checkOptions(templateOptions, values);
  const profile = loadProfile(o.profile);
  const spec = templateWorkbook(profile, { unit: o.unit, name: o.name, type: o.type, period: o.period, year: o.year, reportDate: o.date });
  writeAtomic(o.out, writeXlsx(spec, NODE_ZIP_CODEC));
  io.out(`Đã tạo mẫu báo cáo KL226-BC/1: ${o.out}\n`);
  return 0;
}

const validateOptions = z.object({ json: z.boolean().optional(), profile: z.string().optional() });

export interface FileValidation {
  readonly file: string;
  readonly result: ValidationResult;
}

async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: "boolean" }, profile: { type: "string" } });
  const o = checkOptions(validateOptions, values);
  if (positionals.length === 0) throw new UsageError(`Cần ít nhất một tệp .xlsx.\n\n${USAGE}`);
  const profile = loadProfile(o.profile);
  const files = expandInputs(positionals);
  const results: FileValidation[] = (await inspectFiles(files, profile)).map(({ file, result }) => ({ file, result }));
  if (o.json) io.out(`${JSON.stringify(results.map(validationJson), null, 2)}\n`);
  else io.out(results.map(humanValidation).join("\n"));
  return results.every((r) => r.result.valid) ? 0 : 1;
}

/** SPEC §6: one object per file. */
export function validationJson({ file, result }: FileValidation): object {
  return {
    file,
    valid: result.valid,
    unit: result.unit,
    period: result.period,
    year: result.year,
    findings: result.findings.map(findingJson),
  };
}

export function findingJson(f: Finding): object {
  return { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message };
}

/** Human output: the verdict, then findings grouped by sheet. */
export function humanValidation({ file, result }: FileValidation): string {
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  const who = result.unit ? ` — ${result.unit}${result.unitName ? ` (${result.unitName})` : ""}` : "";
  const verdict = result.valid
    ? `HỢP LỆ${warnings ? `, ${warnings} cảnh báo` : ""}`
    : `KHÔNG HỢP LỆ: ${errors} lỗi${warnings ? `, ${warnings} cảnh báo` : ""}`;
  const lines = [`${file}${who}: ${verdict}`];
  const bySheet = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = f.sheet ?? "(tệp)";
    bySheet.set(key, [...(bySheet.get(key) ?? []), f]);
  }
  for (const [sheet, list] of bySheet) {
    lines.push(`  Trang ${sheet}:`);
    for (const f of list) {
      lines.push(`    ${f.severity === "error" ? "✗ Lỗi" : "! Cảnh báo"} ${f.cell ? `[${f.cell}] ` : ""}${f.message} (${f.code})`);
    }
  }
  return `${lines.join("\n")}\n`;
}
