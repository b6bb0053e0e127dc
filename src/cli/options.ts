// Shared pieces of the kl226 commands: each command declares its options in one table (type, value
// placeholder, Vietnamese help), from which come its --help text, the parser's checks (unknown
// option answered with the nearest valid one, a missing value, a repeated option) and the zod
// check's messages; the Io seam; the zod schemas of --period/--year. Kept apart from main.ts to
// avoid import cycles.

import { parseArgs } from "node:util";
import { vietnameseIssue, z } from "../core/zod";
import { UNIT_TYPES } from "../core/catalogue";
import { PERIOD_KINDS, PERIOD_LABELS, type PeriodKind } from "../core/form";
import type { Profile } from "../core/profile";
import { SHIPPED_PROFILE_NAMES } from "../core/profiles";
import { daysInMonth, parseDateText } from "../core/dates";
import { matchOption } from "../core/text";
import { UsageError } from "./io";
import { nearestName } from "./nearest";

export { nearestName };

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isErrTty: boolean;
}

/** One option of a command: one line of its table. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  /** The value's placeholder in help and messages, e.g. "TỆP.xlsx" (string options). */
  readonly value?: string;
  /** What the option does, in Vietnamese (one line of --help). */
  readonly help: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec {
  readonly name: string;
  /** One line: what the command does. */
  readonly summary: string;
  /** The synopsis after "kl226 NAME ". */
  readonly synopsis: string;
  readonly options: OptionTable;
  /** Positional arguments: how many, and what to say when there are too few. */
  readonly operands: { readonly min: number; readonly max: number | null; readonly missing?: string };
  readonly notes?: readonly string[];
  readonly examples?: readonly string[];
}

const COMMANDS: CommandSpec[] = [];

/** Declares a command (its table joins the registry used for help and for cross-command hints). */
export function defineCommand(spec: CommandSpec): CommandSpec {
  const i = COMMANDS.findIndex((c) => c.name === spec.name);
  if (i >= 0) COMMANDS[i] = spec;
  else COMMANDS.push(spec);
  return spec;
}

/** Asked for with -h/--help: main prints the command's help and exits 0. */
export class HelpRequest extends Error {
  constructor(readonly spec: CommandSpec) {
    super(spec.name);
  }
}

// ── shared option lines and value lists ──────────────────────────────────────────────────────

export const PROFILE_OPTION: OptionSpec = {
  type: "string",
  value: "TÊN|P.json",
  help: "hồ sơ của tỉnh: tên hồ sơ có sẵn hoặc tệp .json (xem “Hồ sơ có sẵn” dưới đây)",
};

export const UNIT_TYPES_LINE = `LOẠI: ${UNIT_TYPES.map((t) => `${t.id} (${t.label})`).join(", ")}`;
export const PERIODS_LINE = `KỲ: ${PERIOD_KINDS.map((k) => `${k} (${PERIOD_LABELS[k].label})`).join(", ")} — theo biểu mẫu của hồ sơ`;
export const PROFILES_LINE = `Hồ sơ có sẵn (TÊN): ${SHIPPED_PROFILE_NAMES.join(", ")}`;

// ── help ─────────────────────────────────────────────────────────────────────────────────────

function optionHead(name: string, o: OptionSpec): string {
  return `--${name}${o.type === "string" ? ` ${o.value ?? "GIÁ_TRỊ"}` : ""}`;
}

export function synopsisOf(spec: CommandSpec): string {
  return `kl226 ${spec.name} ${spec.synopsis}`.trimEnd();
}

/** `kl226 NAME --help`: what it does, how to call it, every option of its table, examples, exit codes. */
export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(
    ([name, o]) => [optionHead(name, o), `${o.help}${o.multiple ? " (có thể lặp lại)" : ""}`] as const,
  );
  rows.push(["-h, --help", "xem hướng dẫn này"]);
  const width = Math.min(30, Math.max(...rows.map(([h]) => h.length)) + 2);
  const lines = [
    `kl226 ${spec.name}: ${spec.summary}`,
    "",
    "Cách dùng:",
    `  ${synopsisOf(spec)}`,
    "",
    "Tùy chọn:",
  ];
  for (const [head, help] of rows)
    lines.push(
      head.length + 2 > width ? `  ${head}\n  ${" ".repeat(width)}${help}` : `  ${head.padEnd(width)}${help}`,
    );
  if (spec.notes?.length) lines.push("", ...spec.notes);
  if (spec.examples?.length) lines.push("", "Ví dụ:", ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join("\n")}\n`;
}

/** `kl226 --help`: the commands, one line each. */
export function mainHelp(commands: readonly CommandSpec[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "kl226: kiểm tra và tổng hợp báo cáo thực hiện Kết luận 226-KL/TW (và các biểu mẫu khác theo hồ sơ của tỉnh).",
    "",
    "Cách dùng:",
    ...commands.map((c) => `  ${synopsisOf(c)}`),
    "",
    "Lệnh:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Xem hướng dẫn từng lệnh: kl226 LỆNH --help (ví dụ kl226 consolidate --help). Phiên bản: kl226 --version.",
    "Mã thoát: 0 thành công; 1 có tệp không hợp lệ, bị từ chối hay không mở được, có đơn vị gửi hai tệp cùng ngày báo cáo mà số liệu khác nhau, hoặc chưa lập được báo cáo tổng hợp (--rollup); 2 dùng lệnh sai, hoặc không đọc/ghi được hồ sơ, danh sách, tệp kết quả.",
    "",
  ].join("\n");
}

/** A usage error that ends with the command's synopsis and where to read more. */
export function usageError(spec: CommandSpec, text: string): UsageError {
  return new UsageError(`${text}\nCách dùng: ${synopsisOf(spec)}\nXem thêm: kl226 ${spec.name} --help`);
}

// ── nearest names ────────────────────────────────────────────────────────────────────────────

// ── parsing ──────────────────────────────────────────────────────────────────────────────────

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * Options a Vietnamese clerk may type in Vietnamese, without diacritics ("--nam 2026" for năm): the
 * option meant, checked before the nearest spelling (which would take --nam for --name).
 */
const VIETNAMESE_OPTION_WORDS: Readonly<Record<string, string>> = {
  nam: "year",
  ky: "period",
  "ky-bao-cao": "period",
  ngay: "date",
  "ngay-bao-cao": "date",
  "ma-don-vi": "unit",
  "don-vi": "unit",
  ma: "unit",
  ten: "name",
  "ten-don-vi": "name",
  loai: "type",
  "loai-don-vi": "type",
  "danh-sach": "roster",
  "ho-so": "profile",
  "thu-nhac": "letters",
  "bao-cao": "report",
};

function unknownOption(spec: CommandSpec, raw: string, name: string): UsageError {
  const own = Object.keys(spec.options);
  const word = VIETNAMESE_OPTION_WORDS[name.toLowerCase()];
  const near = word !== undefined && word in spec.options ? word : nearestName(name, [...own, "help"]);
  if (near) return usageError(spec, `Lệnh ${spec.name} không có tùy chọn ${raw}. Có phải là --${near}?`);
  const others = COMMANDS.filter((c) => c !== spec);
  const otherNames = [...new Set(others.flatMap((c) => Object.keys(c.options)))];
  const meant = nearestName(name, otherNames);
  if (meant) {
    const users = others
      .filter((c) => meant in c.options)
      .map((c) => c.name)
      .sort();
    return usageError(
      spec,
      `Lệnh ${spec.name} không có tùy chọn ${raw} (--${meant} là tùy chọn của lệnh ${users.join(", ")}). Các tùy chọn của lệnh ${spec.name}: ${own.map((o) => `--${o}`).join(", ")}.`,
    );
  }
  return usageError(
    spec,
    `Lệnh ${spec.name} không có tùy chọn ${raw}. Các tùy chọn của lệnh ${spec.name}: ${own.length > 0 ? own.map((o) => `--${o}`).join(", ") : "(không có)"}.`,
  );
}

/**
 * Split `args` by the command's table. -h/--help anywhere before "--" asks for help (HelpRequest);
 * an unknown option, a value missing or given to a switch, a repeated option and too few or too
 * many arguments are usage errors in Vietnamese that say what to type.
 */
export function parseOptions(
  args: readonly string[],
  spec: CommandSpec,
): { values: OptionValues; positionals: string[] } {
  const config = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }]),
  );
  const { tokens } = parseArgs({
    args: [...args],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (
    tokens.some(
      (t) => t.kind === "option" && (t.name === "help" || t.name === "h") && !(t.name in spec.options),
    )
  )
    throw new HelpRequest(spec);

  const values: OptionValues = {};
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === "positional") {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== "option") continue;
    const o = spec.options[t.name];
    if (!o) throw unknownOption(spec, t.rawName, t.name);
    const raw = `--${t.name}`;
    if (o.type === "boolean") {
      if (t.value !== undefined)
        throw usageError(
          spec,
          `Tùy chọn ${raw} của lệnh ${spec.name} không nhận giá trị: viết ${raw}, không có “=${t.value}”.`,
        );
      values[t.name] = true;
      continue;
    }
    const example = `${raw} ${o.value ?? "GIÁ_TRỊ"}`;
    if (t.value === undefined || t.value === "")
      throw usageError(spec, `Tùy chọn ${raw} cần một giá trị ngay sau nó, ví dụ ${example}.`);
    if (!t.inlineValue && t.value.startsWith("-") && t.value !== "-") {
      throw usageError(
        spec,
        `Tùy chọn ${raw} cần một giá trị ngay sau nó, ví dụ ${example}; “${t.value}” là một tùy chọn khác. (Giá trị bắt đầu bằng dấu “-” thì viết liền: ${raw}=${t.value}.)`,
      );
    }
    if (o.multiple) values[t.name] = [...((values[t.name] as string[] | undefined) ?? []), t.value];
    else if (values[t.name] !== undefined)
      throw usageError(
        spec,
        `Tùy chọn ${raw} được nhập hai lần (${String(values[t.name])} và ${t.value}); chỉ nhập một lần.`,
      );
    else values[t.name] = t.value;
  }
  const { min, max, missing } = spec.operands;
  if (positionals.length < min)
    throw usageError(spec, missing ?? `Lệnh ${spec.name} cần ít nhất ${min} tham số.`);
  if (max !== null && positionals.length > max) {
    const extra = positionals.slice(max);
    throw usageError(
      spec,
      `Thừa tham số: ${extra.join(" ")}. Lệnh ${spec.name} ${max === 0 ? "không nhận tham số nào ngoài các tùy chọn" : `nhận tối đa ${max} tham số`}; giá trị của tùy chọn thì viết ngay sau tên tùy chọn.`,
    );
  }
  return { values, positionals };
}

/** zod-check parsed options and turn the first problem into a Vietnamese usage error naming the option. */
export function checkOptions<S extends z.ZodType>(spec: CommandSpec, schema: S, values: unknown): z.infer<S> {
  const r = schema.safeParse(values, {
    error: (iss) => vietnameseIssue(iss as { code: string; input?: unknown; origin?: string }),
  });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = String(issue?.path[0] ?? "?");
  const given = (values as OptionValues)[key];
  const message = issue?.message ?? "";
  // A rule between options ("--period và --year phải dùng cùng nhau") names them itself: no
  // "Tùy chọn --period không hợp lệ" before it, which would blame an option that may not be typed.
  const head =
    issue?.code === "custom" && message.startsWith("--")
      ? ""
      : given === undefined && issue?.code === "invalid_type"
        ? `Thiếu tùy chọn --${key}: `
        : `Tùy chọn --${key} không hợp lệ: `;
  throw usageError(spec, `${head}${message}.`.replace(/\.\.$/, "."));
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
    // "quý II/2026", "6 tháng năm 2026": the period and its year, which go in two options.
    const withYear = /^(.*?)[\s/]+(?:năm\s+)?(\d{4})$/iu.exec(s.normalize("NFC").trim());
    const kind = withYear ? matchOption(ALL_PERIODS, withYear[1]!) : undefined;
    ctx.addIssue({
      code: "custom",
      message:
        kind && withYear
          ? `ghi kỳ và năm ở hai tùy chọn: --period ${kind.id} --year ${withYear[2]}`
          : `dùng một trong Q1, Q2, Q3, Q4 (quý I–IV), 6T (6 tháng), NAM (năm) — biểu mẫu của hồ sơ có thể chỉ có một số kỳ; ví dụ --period Q2 --year 2026`,
    });
    return z.NEVER;
  }
  return p.id;
});
export { yearSchema };

/** SPEC §6: `--period` must be a period the profile's form uses (KL226-BC/1 has no quarters). */
export function checkPeriodOfForm(profile: Profile, period: PeriodKind): void {
  if (profile.form.periods.some((p) => p.kind === period)) return;
  const allowed = profile.form.periods.map((p) => `${p.kind} (${PERIOD_LABELS[p.kind].label})`).join(", ");
  throw new UsageError(
    `Tùy chọn --period ${period} không hợp lệ: biểu mẫu ${profile.form.id} chỉ có các kỳ ${allowed}.`,
  );
}

/**
 * A date option (--date, --letter-date, --reply-by): dd/mm/yyyy. A date written so that does not
 * exist (31/09/2025) is said so, not told its form is wrong.
 */
export const dateOption = (example: string) =>
  z.string().transform((text, ctx) => {
    const d = parseDateText(text);
    if (d) return d;
    const typed = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
    const [day, month, year] = typed ? [Number(typed[1]), Number(typed[2]), Number(typed[3])] : [0, 0, 0];
    const message = !typed
      ? `ngày dạng dd/mm/yyyy, ví dụ ${example}`
      : month < 1 || month > 12
        ? `không có tháng ${month}: ngày dạng dd/mm/yyyy (ngày/tháng/năm), ví dụ ${example}`
        : `không có ngày ${day}/${month}/${year}: tháng ${month} năm ${year} có ${daysInMonth(year, month)} ngày`;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
