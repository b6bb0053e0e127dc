// A report form (biểu mẫu) as data (SPEC §8): its marker, periods and deadlines, counts, part ≤
// whole rules, indicators with targets and comparisons, tasks, the meeting log and free-text
// fields. One engine (validate, judge, consolidate, template, summary) serves every form; a form
// is checked with zod when it is loaded, so every id the engine meets exists in the form.

import { z } from "./zod";
import { UNIT_TYPES, type UnitTypeId } from "./catalogue";
import type { Comparison } from "./format";
import { compareDates, isValidDate, type CivilDate } from "./dates";
import { matchKey } from "./text";

/** Every period a form may use (SPEC §6: `--period Q1|Q2|Q3|Q4|6T|NAM`). */
export const PERIOD_KINDS = ["Q1", "Q2", "Q3", "Q4", "6T", "NAM"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
}

/** Labels as the template writes them, and the spellings clerks type (matched after trim/NFC/case). */
export const PERIOD_LABELS: Readonly<
  Record<PeriodKind, { readonly label: string; readonly aliases: readonly string[] }>
> = {
  // "Quí" is the older spelling many still type.
  Q1: { label: "Quý I", aliases: ["Q1", "Quý 1", "Quy I", "Quy 1", "Quí I", "Quí 1"] },
  Q2: { label: "Quý II", aliases: ["Q2", "Quý 2", "Quy II", "Quy 2", "Quí II", "Quí 2"] },
  Q3: { label: "Quý III", aliases: ["Q3", "Quý 3", "Quy III", "Quy 3", "Quí III", "Quí 3"] },
  Q4: { label: "Quý IV", aliases: ["Q4", "Quý 4", "Quy IV", "Quy 4", "Quí IV", "Quí 4"] },
  "6T": { label: "6 tháng", aliases: ["6T", "6 thang", "6 tháng đầu năm"] },
  NAM: { label: "Năm", aliases: ["NAM", "Cả năm", "Hằng năm"] },
};

export type { Comparison };
export const COMPARISONS = [">=", ">", "<=", "="] as const satisfies readonly Comparison[];

const CODE = /^[A-Z][A-Z0-9_]*$/;
const codeSchema = z
  .string()
  .regex(CODE, "mã gồm chữ in hoa không dấu, số và dấu _, bắt đầu bằng chữ (ví dụ HN_TONG)");
const text = z.string().trim().min(1);
const unitTypeIds = UNIT_TYPES.map((t) => t.id) as [UnitTypeId, ...UnitTypeId[]];

/** A unit type written by its id ("UBND_XA") or, as the template shows it, its label ("UBND xã, phường"). */
function unitTypeIdOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const key = value.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  return UNIT_TYPES.find((t) => t.id.toLowerCase() === key || t.label.toLowerCase() === key)?.id ?? value;
}

/**
 * "số /KH-SKHCN", "Quyết định số …/QĐ-SATTP": a number the draft the text was copied from left blank,
 * before a document's code in capitals; "chuyển đổi số/số hóa" is words.
 */
const BLANK_NUMBER = /(?<![\p{L}\d])(?:số|Số|SỐ)\s*[.…_]*\s*\/[A-ZĐ][A-ZĐ\d.-]*(?![\p{L}\p{M}\d])/u;
/**
 * "ngày tháng năm 2026", "ngày /6/2026", "ngày   tháng 01 năm 2025", "ngày 15 tháng năm 2026": a date
 * left blank likewise. A month left blank only after "ngày" and its day: "6 tháng năm 2026" alone is
 * a period ("báo cáo 6 tháng năm 2026", "9 tháng năm"), part of a plan's title, no blank.
 */
const BLANK_DATE = /(?<![\p{L}\d])ngày\s*(?:[.…_]*\s*(?:tháng|\/)|\d{1,2}\s*tháng\s*[.…_]*\s*năm)[^,;)]*/iu;
const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu;

/**
 * What is wrong with a document a form or profile cites (`subject`: "Kế hoạch số 4245/KH-SYT ngày
 * 26/5/2026"), in Vietnamese: a number or date left blank, as the seeds' unsigned drafts have them
 * ("Kế hoạch số /KH-SATTP ngày tháng năm 2026"), or a day that does not exist. Every letter and the
 * report open with it. Undefined when none.
 */
export function citedDocumentProblem(cited: string): string | undefined {
  const example =
    "khi kế hoạch đã ban hành, ghi số và ngày, ví dụ “Kế hoạch số 45/KH-SKHCN ngày 15/6/2026”; khi chưa có số, ghi tên kế hoạch không kèm “số”, “ngày”, ví dụ “Kế hoạch của Sở Khoa học và Công nghệ triển khai thực hiện Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ”";
  const number = BLANK_NUMBER.exec(cited)?.[0];
  if (number !== undefined) return `số văn bản còn để trống (“${number.trim()}”): ${example}`;
  const date = BLANK_DATE.exec(cited)?.[0];
  if (date !== undefined) return `ngày ban hành còn để trống (“${date.trim()}”): ${example}`;
  for (const m of cited.matchAll(SLASH_DATE))
    if (!isValidDate(Number(m[3]), Number(m[2]), Number(m[1])))
      return `ngày ${m[0]} không có trong lịch: ghi đúng ngày ban hành của văn bản`;
  return undefined;
}

/** A document a form or profile cites, refused with citedDocumentProblem's words. */
export const citedDocument = text.superRefine((cited, ctx) => {
  const problem = citedDocumentProblem(cited);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});

/** A day of the year ("day 2, month 6"): report deadlines of a form or profile. */
export const dayMonth = z
  .object({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) })
  .strict()
  .refine((d) => d.day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]!, {
    message: "ngày không tồn tại trong tháng",
  });

export const countFieldSchema = z
  .object({
    code: codeSchema,
    label: text,
    /** Đơn vị tính ("cuộc", "hồ sơ", "%"). */
    unit: text,
    previousRequired: z.boolean().default(false),
    currentRequired: z.boolean().default(false),
    /** "integer": a count (non-negative whole number); "percent": a rate 0–100 with at most 2 decimals. */
    type: z.enum(["integer", "percent"]).default("integer"),
  })
  .strict();

export const partRuleSchema = z.object({ part: codeSchema, whole: codeSchema }).strict();

const indicatorBase = {
  id: codeSchema,
  /** The indicator as the plan words it (summary, letters, report). */
  label: text,
  /** A short name for column headers. */
  short: text,
  /** What one item short is ("cuộc họp trực tuyến", "văn bản", "hồ sơ"). */
  itemUnit: text,
  /** Unit types the indicator applies to; others are "na" for it, never short. */
  appliesTo: z
    .array(z.preprocess(unitTypeIdOf, z.enum(unitTypeIds)))
    .min(1)
    .optional(),
  /**
   * The periods whose reports are judged on it (a yearly target such as giải ngân > 95%: ["NAM"]);
   * absent, every period of the form. In another period's report its value is progress, not judged.
   */
  periods: z
    .array(z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(PERIOD_KINDS)))
    .min(1)
    .optional(),
};
const fractionTarget = z.number().min(0).max(1);

export const indicatorSchema = z.discriminatedUnion("kind", [
  z
    .object({
      ...indicatorBase,
      kind: z.literal("ratio"),
      part: codeSchema,
      whole: codeSchema,
      target: fractionTarget,
      comparison: z.enum(COMPARISONS).default(">="),
    })
    .strict(),
  z
    .object({
      ...indicatorBase,
      kind: z.literal("reduction"),
      of: codeSchema,
      target: fractionTarget,
      comparison: z.enum(COMPARISONS).default(">="),
    })
    .strict(),
  z
    .object({
      ...indicatorBase,
      kind: z.literal("maxCount"),
      of: codeSchema,
      target: z.number().int().min(0),
      comparison: z.enum(COMPARISONS).default("<="),
    })
    .strict(),
  z
    .object({
      ...indicatorBase,
      kind: z.literal("minCount"),
      of: codeSchema,
      target: z.number().int().min(0),
      comparison: z.enum(COMPARISONS).default(">="),
    })
    .strict(),
  z
    .object({
      ...indicatorBase,
      kind: z.literal("percent"),
      rate: codeSchema,
      weight: codeSchema,
      target: fractionTarget,
      comparison: z.enum(COMPARISONS).default(">="),
    })
    .strict(),
]);

export const taskTemplateSchema = z
  .object({
    content: text,
    lead: z.string().default(""),
    partners: z.string().default(""),
    product: z.string().default(""),
    deadline: z.string().default(""),
    /** Unit type ids or unit codes the task applies to; absent = every unit. */
    appliesTo: z.array(z.string().trim().min(1)).min(1).optional(),
  })
  .strict();

export const meetingLimitsSchema = z
  .object({
    QUAN_TRIET: z.number().positive(),
    CHUYEN_MON: z.number().positive(),
    QUAN_TRONG: z.number().positive(),
  })
  .strict();

export const meetingLogSchema = z
  .object({
    enabled: z.boolean(),
    /** Longest allowed meeting per type, in days. */
    limits: meetingLimitsSchema.default({ QUAN_TRIET: 0.5, CHUYEN_MON: 1, QUAN_TRONG: 1.5 }),
    /** The counts the log is checked against (LOG_MISMATCH), when the form has them. */
    total: codeSchema.optional(),
    online: codeSchema.optional(),
    overtime: codeSchema.optional(),
  })
  .strict();

export const freeTextSchema = z.object({ code: codeSchema, label: text }).strict();

export const DEFAULT_FREE_TEXT = [
  { code: "KHO_KHAN", label: "Khó khăn, vướng mắc" },
  { code: "KIEN_NGHI", label: "Đề xuất, kiến nghị" },
  { code: "MO_HINH_HAY", label: "Mô hình, cách làm hay" },
] as const;

/** The marker as it appears in Thông tin!A1 and the defined name: "KL226-BC/1", "CCHC-BC/2025". */
export const MARKER = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\/[A-Z0-9][A-Z0-9.-]*$/;

/** Indicator kinds a chart can plot: fractions, drawn on a percent axis against the target line. */
const CHARTED_KINDS: ReadonlySet<string> = new Set(["ratio", "percent", "reduction"]);

export const formSchema = z
  .object({
    id: z.string().regex(MARKER, "mã biểu mẫu dạng TÊN-BC/SỐ, ví dụ KL226-BC/1"),
    /** "Báo cáo kết quả thực hiện Kết luận số 226-KL/TW": the template's and documents' title. */
    title: text,
    /** What is being implemented, for sentences: "Kết luận số 226-KL/TW", "Kế hoạch cải cách hành chính năm 2025". */
    subject: citedDocument,
    periods: z.array(z.object({ kind: z.enum(PERIOD_KINDS), deadline: dayMonth }).strict()).min(1),
    /** Header of column D in Chỉ tiêu (e.g. "Năm 2025" for a fixed baseline). */
    previousHeader: text.default("Cùng kỳ năm trước"),
    counts: z.array(countFieldSchema).min(1),
    parts: z.array(partRuleSchema).default([]),
    indicators: z.array(indicatorSchema).default([]),
    /**
     * The indicator the summary's chart sheet plots per unit against its target (SPEC §9): a ratio,
     * percent or reduction. Absent: ONLINE_RATIO when the form has it, else its first ratio.
     */
    chart: z.string().trim().toUpperCase().optional(),
    tasks: z.array(taskTemplateSchema).default([]),
    meetingLog: meetingLogSchema.default({
      enabled: false,
      limits: { QUAN_TRIET: 0.5, CHUYEN_MON: 1, QUAN_TRONG: 1.5 },
    }),
    freeText: z.array(freeTextSchema).default([...DEFAULT_FREE_TEXT]),
  })
  .strict()
  .superRefine((form, ctx) => {
    const issue = (path: Array<string | number>, message: string): void =>
      ctx.addIssue({ code: "custom", path, message });
    const unique = <T>(items: readonly T[], key: (t: T) => string, path: string, what: string): void => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const k = key(item);
        if (seen.has(k)) issue([path, i], `${what} ${k} bị trùng`);
        seen.add(k);
      });
    };
    unique(form.periods, (p) => p.kind, "periods", "kỳ báo cáo");
    unique(form.counts, (c) => c.code, "counts", "mã số liệu");
    unique(form.indicators, (c) => c.id, "indicators", "mã chỉ tiêu");
    unique(form.freeText, (c) => c.code, "freeText", "mã");
    const counts = new Map(form.counts.map((c) => [c.code, c]));
    const integer = (code: string, path: Array<string | number>): void => {
      const c = counts.get(code);
      if (!c)
        issue(path, `không có số liệu ${code} trong biểu mẫu (các mã: ${[...counts.keys()].join(", ")})`);
      else if (c.type !== "integer") issue(path, `${code} là tỷ lệ phần trăm, không dùng làm số đếm ở đây`);
    };
    form.parts.forEach((p, i) => {
      integer(p.part, ["parts", i, "part"]);
      integer(p.whole, ["parts", i, "whole"]);
    });
    const formPeriods = new Set(form.periods.map((p) => p.kind));
    form.indicators.forEach((ind, i) => {
      for (const kind of ind.periods ?? [])
        if (!formPeriods.has(kind))
          issue(
            ["indicators", i, "periods"],
            `kỳ ${kind} không có trong biểu mẫu (các kỳ: ${[...formPeriods].join(", ")})`,
          );
      switch (ind.kind) {
        case "ratio":
          integer(ind.part, ["indicators", i, "part"]);
          integer(ind.whole, ["indicators", i, "whole"]);
          break;
        case "reduction":
        case "maxCount":
        case "minCount":
          integer(ind.of, ["indicators", i, "of"]);
          break;
        case "percent": {
          const rate = counts.get(ind.rate);
          if (!rate || rate.type !== "percent")
            issue(["indicators", i, "rate"], `${ind.rate} phải là số liệu kiểu "percent" của biểu mẫu`);
          integer(ind.weight, ["indicators", i, "weight"]);
          break;
        }
      }
    });
    if (form.chart !== undefined) {
      const charted = form.indicators.find((i) => i.id === form.chart);
      if (!charted)
        issue(
          ["chart"],
          `không có chỉ tiêu ${form.chart} trong biểu mẫu (các chỉ tiêu: ${form.indicators.map((i) => i.id).join(", ")})`,
        );
      else if (!CHARTED_KINDS.has(charted.kind))
        issue(
          ["chart"],
          `${charted.id} là chỉ tiêu đếm (${charted.kind}); biểu đồ vẽ tỷ lệ: chọn một chỉ tiêu kiểu ratio, percent hoặc reduction`,
        );
    }
    for (const key of ["total", "online", "overtime"] as const) {
      const code = form.meetingLog[key];
      if (code !== undefined) integer(code, ["meetingLog", key]);
    }
    const infoCodes = new Set([
      "MA_DON_VI",
      "TEN_DON_VI",
      "LOAI_DON_VI",
      "KY_BAO_CAO",
      "NAM",
      "NGAY_BAO_CAO",
      "NGUOI_LAP",
      "DIEN_THOAI",
      "EMAIL",
    ]);
    form.freeText.forEach((f, i) => {
      if (infoCodes.has(f.code))
        issue(["freeText", i, "code"], `${f.code} đã là một trường của trang Thông tin`);
    });
  });

export type FormInput = z.input<typeof formSchema>;
export type Form = z.output<typeof formSchema>;
export type CountField = Form["counts"][number];
export type Indicator = Form["indicators"][number];
export type IndicatorKind = Indicator["kind"];
export type TaskTemplate = Form["tasks"][number];
export type MeetingLimits = z.output<typeof meetingLimitsSchema>;

/** Whether reports of `kind` are judged on an indicator (its `periods`; any kind when it has none or the kind is unknown). */
export function judgedInPeriod(ind: Indicator, kind: PeriodKind | null | undefined): boolean {
  return ind.periods === undefined || kind === null || kind === undefined || ind.periods.includes(kind);
}

/** "năm", "6 tháng", "quý II": a period kind as said after "báo cáo" (the label's first letter only in lower case). */
export function periodKindText(kind: PeriodKind): string {
  const label = PERIOD_LABELS[kind].label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** "báo cáo năm", "báo cáo 6 tháng và báo cáo năm": the reports an indicator is judged in, for sentences. */
export function judgedPeriodsText(ind: Indicator): string {
  const names = (ind.periods ?? []).map((k) => `báo cáo ${periodKindText(k)}`);
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} và ${names[names.length - 1]}`;
}

/** The count field of a code (the form was checked, so every code the engine asks for exists). */
export function countField(form: Form, code: string): CountField {
  const f = form.counts.find((c) => c.code === code);
  if (!f) throw new RangeError(`form ${form.id} has no count ${code}`);
  return f;
}

export function indicatorById(form: Form, id: string): Indicator | undefined {
  return form.indicators.find((i) => i.id === id);
}

export type Column = "previous" | "current";

/** The counts (and columns) an indicator is computed from. */
export function indicatorInputs(ind: Indicator): ReadonlyArray<readonly [string, Column]> {
  switch (ind.kind) {
    case "ratio":
      return [
        [ind.part, "current"],
        [ind.whole, "current"],
      ];
    case "reduction":
      return [
        [ind.of, "previous"],
        [ind.of, "current"],
      ];
    case "maxCount":
    case "minCount":
      return [[ind.of, "current"]];
    case "percent":
      return [
        [ind.rate, "current"],
        [ind.weight, "current"],
      ];
  }
}

/** Counts whose previous value matters to an indicator (both columns shown in summaries). */
export function reductionBases(form: Form): ReadonlySet<string> {
  return new Set(form.indicators.flatMap((i) => (i.kind === "reduction" ? [i.of] : [])));
}

/** The months a period of this kind covers: a year 1–12, a half year 1–6, a quarter its three. */
export function periodMonths(kind: PeriodKind): { readonly first: number; readonly last: number } {
  const quarter = { Q1: 1, Q2: 4, Q3: 7, Q4: 10 } as const;
  if (kind === "NAM") return { first: 1, last: 12 };
  if (kind === "6T") return { first: 1, last: 6 };
  return { first: quarter[kind], last: quarter[kind] + 2 };
}

/**
 * The first day of a half year's or a year's last quarter (1/4, 1/10): a report on such a period
 * dated before it cannot hold the period's figures ("Năm" picked in the list for the half year's
 * report, dated in June). Undefined for a quarter, which is its own last quarter.
 */
export function lastQuarterStart(period: Period): CivilDate | undefined {
  return isQuarter(period.kind)
    ? undefined
    : { year: period.year, month: periodMonths(period.kind).last - 2, day: 1 };
}

/**
 * Whether a report dated `date` can be a report on `period`: from its last quarter (a quarter: from
 * its first day) to the end of the month after it ends (reports are signed near the end of their
 * period, or just after: a quý IV or a year's report in January of the next year).
 */
export function dateFitsPeriod(date: CivilDate, period: Period): boolean {
  const month = date.year * 12 + date.month;
  const from = period.year * 12 + (lastQuarterStart(period)?.month ?? periodMonths(period.kind).first);
  return month >= from && month <= periodEnd(period) + 1;
}

/** The year a one-year plan's report is for, from its title ("… cải cách hành chính năm 2025"); undefined for a plan of no one year. */
export function planYear(form: Form): number | undefined {
  const m = /\s+năm\s+(\d{4})$/i.exec(form.title.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The report date a hint gives as its example: the day before the form's first deadline, in the plan's
 * year (KL226-BC/1: 05/06/2026; the 2025 CCHC plan: 14/03/2025), so a quarterly clerk is not shown a
 * half year's date nor a one-year plan's clerk another year. Given the period the file declares, the
 * day before that period's deadline (a quý III file: 14/09/2025), not a quý I date in September.
 */
export function exampleReportDate(form: Form, declared?: Period | null): CivilDate {
  const own = declared ? form.periods.find((p) => p.kind === declared.kind)?.deadline : undefined;
  const deadline = own ?? form.periods[0]?.deadline ?? { day: 6, month: 6 };
  const year = own !== undefined && declared ? declared.year : (planYear(form) ?? EXAMPLE_YEAR);
  return { year, month: deadline.month, day: Math.max(1, deadline.day - 1) };
}

/** The year of examples for a form of no one year. */
const EXAMPLE_YEAR = 2026;

/** The period a file declares (Kỳ báo cáo and Năm), or null while either is unread. */
export function declaredPeriod(r: {
  readonly period: PeriodKind | null;
  readonly year: number | null;
}): Period | null {
  return r.period !== null && r.year !== null ? { kind: r.period, year: r.year } : null;
}

/** Items grouped by the period each declares (none: left out), in the order each period is first met. */
export function groupByPeriod<T>(
  items: readonly T[],
  periodOf: (item: T) => Period | null,
): Array<{ readonly period: Period; readonly items: T[] }> {
  const groups = new Map<string, { period: Period; items: T[] }>();
  for (const item of items) {
    const period = periodOf(item);
    if (period === null) continue;
    const key = `${period.year}|${period.kind}`;
    const group = groups.get(key) ?? { period, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Dated in the month right after `period` ends (a quý IV report signed in January): its own signing month. */
export function signedJustAfter(date: CivilDate, period: Period): boolean {
  return date.year * 12 + date.month === periodEnd(period) + 1;
}

/** When a period ends, as one number (year × 12 + its last month): orders periods of any kind in time. */
export function periodEnd(period: Period): number {
  return period.year * 12 + periodMonths(period.kind).last;
}

/** How many months a period of this kind covers, less one: 0 a quarter, 5 a half year, 11 a year. */
export function periodSpan(kind: PeriodKind): number {
  return periodMonths(kind).last - periodMonths(kind).first;
}

/** A quarter (Quý I–IV), not a half year or a year. */
export function isQuarter(kind: PeriodKind): boolean {
  return periodSpan(kind) < 3;
}

/**
 * A report labelled with a longer period than `period` (a year, a half year), dated before that
 * period's last quarter and at a date a report on `period` carries: the list's wrong entry picked for
 * this period's report ("Năm" for the half year's, dated in June), not another period's figures.
 */
export function mislabelledAsLonger(declared: Period, period: Period, date: CivilDate | null): boolean {
  const notOver = lastQuarterStart(declared);
  return (
    date !== null &&
    periodSpan(declared.kind) > periodSpan(period.kind) &&
    notOver !== undefined &&
    compareDates(date, notOver) < 0 &&
    dateFitsPeriod(date, period)
  );
}

/**
 * The period of `form` other than `declared`, of a shorter span, that a report dated `date` fits
 * (dateFitsPeriod), the longest first: what a report dated too early for `declared` most likely is.
 */
export function periodHolding(form: Form, declared: Period, date: CivilDate): Period | undefined {
  const holding = form.periods
    .map((p) => ({ kind: p.kind, year: declared.year }))
    .filter(
      (p) =>
        p.kind !== declared.kind && periodSpan(p.kind) < periodSpan(declared.kind) && dateFitsPeriod(date, p),
    )
    .sort((a, b) => periodSpan(b.kind) - periodSpan(a.kind));
  return holding[0];
}

/**
 * The period of `form` that follows `declared` (the one ending soonest after it, this year or the
 * next; of two ending together the shorter), when a report dated `date` fits it (dateFitsPeriod), is
 * dated from a month before its deadline, and is past `declared`'s own window (to the end of the
 * month after it, into January for a year): the next period's report with the last one's Kỳ báo cáo
 * left in (a quý I file reused for quý II, dated in June). It may also be a late report: a warning asks.
 */
export function nextPeriodHolding(form: Form, declared: Period, date: CivilDate): Period | undefined {
  if (dateFitsPeriod(date, declared)) return undefined;
  const next = form.periods
    .flatMap((p): Period[] => [
      { kind: p.kind, year: declared.year },
      { kind: p.kind, year: declared.year + 1 },
    ])
    .filter((p) => periodEnd(p) > periodEnd(declared))
    .sort((a, b) => periodEnd(a) - periodEnd(b) || periodSpan(a.kind) - periodSpan(b.kind))[0];
  if (next === undefined || !dateFitsPeriod(date, next)) return undefined;
  // And near the next report's deadline, from a month before it: a quý I report signed in May is a
  // late one, quý II's are made in June.
  const deadline = form.periods.find((p) => p.kind === next.kind)?.deadline;
  if (deadline === undefined) return undefined;
  const monthBefore =
    deadline.month === 1
      ? { year: next.year - 1, month: 12, day: Math.min(deadline.day, 28) }
      : { year: next.year, month: deadline.month - 1, day: Math.min(deadline.day, 28) };
  return compareDates(date, monthBefore) >= 0 ? next : undefined;
}

export function periodLabelOf(kind: PeriodKind): string {
  return PERIOD_LABELS[kind].label;
}

/**
 * "6 tháng đầu năm 2026", "Quý II/2025", "Năm 2025": a period as a title or a table names it (the
 * drop-down's own labels are "6 tháng", "Quý II", "Năm"); periodText for inside a sentence.
 */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case "6T":
      return `6 tháng đầu năm ${period.year}`;
    case "NAM":
      return `Năm ${period.year}`;
    default:
      return `${periodLabelOf(period.kind)}/${period.year}`;
  }
}

/** "6 tháng đầu năm 2026", "quý II/2025", "năm 2025": periodLabel inside a sentence. */
export function periodText(period: Period): string {
  const label = periodLabel(period);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The period options of a form for the KY_BAO_CAO drop-down and its matching. */
export function periodOptions(
  form: Form,
): Array<{ readonly id: PeriodKind; readonly label: string; readonly aliases: readonly string[] }> {
  return form.periods.map((p) => ({ id: p.kind, ...PERIOD_LABELS[p.kind] }));
}

/**
 * The indicator a summary charts (SPEC §9): the form's `chart`, else ONLINE_RATIO when the form has
 * it, else its first ratio.
 */
export function chartIndicator(form: Form): Indicator | undefined {
  return (
    (form.chart !== undefined ? form.indicators.find((i) => i.id === form.chart) : undefined) ??
    form.indicators.find((i) => i.id === "ONLINE_RATIO") ??
    form.indicators.find((i) => i.kind === "ratio")
  );
}

/** Whether an indicator applies to a unit of this type (SPEC §8 appliesTo). */
export function indicatorApplies(ind: Indicator, typeId: UnitTypeId): boolean {
  return ind.appliesTo === undefined || ind.appliesTo.includes(typeId);
}

const TASK_KEYS = new WeakMap<Form, readonly string[]>();

/**
 * The matchKey of each of a form's tasks' content, in its order, made once per form: how a unit's
 * task rows are matched to the plan's (the consolidation's Nhiệm vụ, validation's missing tasks).
 */
export function taskKeys(form: Form): readonly string[] {
  let keys = TASK_KEYS.get(form);
  if (keys === undefined) TASK_KEYS.set(form, (keys = form.tasks.map((t) => matchKey(t.content))));
  return keys;
}

/** Whether a task applies to a unit (by type id or unit code; SPEC §8). */
export function taskApplies(
  task: TaskTemplate,
  unit: { readonly code?: string; readonly typeId?: UnitTypeId },
): boolean {
  if (task.appliesTo === undefined) return true;
  return task.appliesTo.some(
    (a) => a === unit.typeId || (unit.code !== undefined && a.toUpperCase() === unit.code),
  );
}
