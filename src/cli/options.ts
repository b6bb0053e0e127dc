// Shared pieces of the kl226 commands: usage text, the Io seam, option parsing with Vietnamese
// errors and the zod schemas of --period/--year (kept apart from main.ts to avoid import cycles).

import { parseArgs } from "node:util";
import { z } from "zod";
import { PERIODS } from "../core/catalogue";
import { matchOption } from "../core/text";
import { UsageError } from "./io";
import { USAGE } from "./usage";

export { USAGE } from "./usage";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isErrTty: boolean;
}

/** parseArgs with Vietnamese errors. */
export function parseOptions<T extends Record<string, { type: "string" | "boolean"; multiple?: boolean }>>(
  args: string[],
  options: T,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/^Unknown option/, "Tùy chọn không hợp lệ")}\n\n${USAGE}`);
  }
}

/** zod-check parsed options and turn the first problem into a Vietnamese usage error. */
export function checkOptions<S extends z.ZodType>(schema: S, values: unknown): z.infer<S> {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new UsageError(`Tùy chọn --${issue?.path.join(".") ?? "?"} không hợp lệ: ${issue?.message ?? ""}\n\n${USAGE}`);
}

const yearSchema = z
  .string()
  .regex(/^\d{4}$/, "năm gồm 4 chữ số, ví dụ 2026")
  .transform(Number)
  .refine((y) => y >= 2025 && y <= 2100, "năm từ 2025 đến 2100");
export const periodSchema = z.string().transform((s, ctx) => {
  const p = matchOption(PERIODS, s);
  if (!p) {
    ctx.addIssue({ code: "custom", message: "dùng 6T hoặc NAM" });
    return z.NEVER;
  }
  return p.id;
});
export { yearSchema };

