// Shared pieces of the kl226 commands: usage text, the Io seam, option parsing with Vietnamese
// errors and the zod schemas of --period/--year (kept apart from main.ts to avoid import cycles).

import { parseArgs } from "node:util";
import { z } from "zod";
import { UNIT_TYPES } from "../core/catalogue";
import { PERIOD_KINDS, PERIOD_LABELS, type PeriodKind } from "../core/form";
import type { Profile } from "../core/profile";
import { SHIPPED_PROFILE_NAMES } from "../core/profiles";
import { matchOption } from "../core/text";
import { UsageError } from "./io";

export const USAGE = `Cách dùng:
  kl226 template  --out TỆP.xlsx [--profile TÊN|P.json] [--unit MÃ --name TÊN --type LOẠI --period KỲ --year NĂM]
  kl226 validate  TỆP.xlsx... [--json] [--profile TÊN|P.json]
  kl226 consolidate TỆP_HOẶC_THƯ_MỤC... --out TỔNG_HỢP.xlsx [--json BÁO_CÁO.json] [--roster DS.csv|DS.xlsx]
                  [--period KỲ --year NĂM] [--profile TÊN|P.json] [--letters THƯ_MỤC]
                  [--previous NĂM_TRƯỚC.json|NĂM_TRƯỚC.xlsx ...] (lặp lại cho nhiều năm trước)
                  [--as-unit MÃ --name TÊN --type LOẠI --rollup BÁO_CÁO_LÊN_CẤP_TRÊN.xlsx]
  kl226 demo      [--samples THƯ_MỤC] [--out-dir THƯ_MỤC]
                  (tổng hợp các báo cáo mẫu trong samples/ vào out/tong-hop.xlsx và out/tong-hop.json)

LOẠI: ${UNIT_TYPES.map((t) => `${t.id} (${t.label})`).join(", ")}
KỲ: ${PERIOD_KINDS.map((k) => `${k} (${PERIOD_LABELS[k].label})`).join(", ")} — theo biểu mẫu của hồ sơ
TÊN (hồ sơ có sẵn): ${SHIPPED_PROFILE_NAMES.join(", ")}; không có --profile: biểu mẫu KL226-BC/1 mặc định,
  riêng validate/consolidate đọc mỗi tệp theo mẫu ghi ở ô A1 (KL226-BC/1 hoặc CCHC-BC/2025)`;

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
const ALL_PERIODS = PERIOD_KINDS.map((id) => ({ id, ...PERIOD_LABELS[id] }));

export const periodSchema = z.string().transform((s, ctx) => {
  const p = matchOption(ALL_PERIODS, s);
  if (!p) {
    ctx.addIssue({ code: "custom", message: `dùng một trong ${PERIOD_KINDS.join(", ")}` });
    return z.NEVER;
  }
  return p.id;
});
export { yearSchema };

/** SPEC §6: `--period` must be a period the profile's form uses (KL226-BC/1 has no quarters). */
export function checkPeriodOfForm(profile: Profile, period: PeriodKind): void {
  if (profile.form.periods.some((p) => p.kind === period)) return;
  const allowed = profile.form.periods.map((p) => `${p.kind} (${PERIOD_LABELS[p.kind].label})`).join(", ");
  throw new UsageError(`Tùy chọn --period ${period} không hợp lệ: biểu mẫu ${profile.form.id} chỉ có các kỳ ${allowed}.`);
}
