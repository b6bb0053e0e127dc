// The profile (SPEC §2, §8): one JSON document per plan that picks a form and sets the province's
// own values: targets, deadlines, task list, added or removed counts and indicators, roster,
// reading limits, the outlier band and the organisation that signs letters. Validated with zod;
// every key is optional and merged over the chosen form's default profile.

import { z } from "./zod";
import {
  citedDocument,
  countFieldSchema,
  dayMonth,
  formSchema,
  indicatorSchema,
  meetingLimitsSchema,
  partRuleSchema,
  PERIOD_KINDS,
  PERIOD_LABELS,
  taskTemplateSchema,
  type Form,
  type FormInput,
  type Indicator,
  type PeriodKind,
} from "./form";
import { BUILTIN_FORMS, builtinForm, DEFAULT_FORM } from "./forms";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./workbook";
import { foldKey, nfcDeep } from "./text";

export type { TaskTemplate } from "./form";

export interface RosterUnit {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  /** The units it was made of in a reorganisation, as the roster's "Đơn vị cũ" writes them (succession.ts). */
  readonly formerly?: string;
}

/** Who signs what the province sends (SPEC §8): the letter heading, place and signer. */
export interface Organisation {
  /** The issuing body in full, e.g. "Sở Nội vụ tỉnh Thanh Hóa". */
  readonly sender: string;
  /** The issuing body as the heading writes it under the superior body, e.g. "SỞ NỘI VỤ". */
  readonly senderHeading: string;
  /** Abbreviation used in document numbers, e.g. "SNV" (Số: …/SNV-CCHC). */
  readonly abbreviation: string;
  /** Place name of the date line, e.g. "Thanh Hóa". */
  readonly place: string;
  /** The superior body, e.g. "UBND TỈNH THANH HÓA" (heading) and the recipient of the report. */
  readonly superior: string;
  /** Signer's title, e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  readonly signerTitle: string;
  /** Signer's name, when known. */
  readonly signerName: string;
  /**
   * Abbreviation of the office (phòng) that drafts the letters and the report, e.g. "CCHC": the
   * number reads "Số: …/SNV-CCHC" and "Nơi nhận" ends "Lưu: VT, CCHC". Optional.
   */
  readonly office?: string;
  /**
   * The body the report on the results is sent to ("kính báo cáo …", Nơi nhận), when it is not the
   * superior body of the heading: HCM's CCHC plan sends its quarterly report to "Sở Nội vụ Thành
   * phố Hồ Chí Minh". Optional; the superior body by default.
   */
  readonly reportTo?: string;
  /**
   * The body the report passes through on its way to its recipient, when the plan says so: Đồng
   * Nai's and HCM's KL226 plans send theirs to the city's People's Committee "qua Sở Nội vụ". The
   * report then ends "kính báo cáo … (qua Sở Nội vụ)" and lists it under "Nơi nhận". Optional.
   */
  readonly reportVia?: string;
  /**
   * The office (phòng) of the sender through which the units send their reports, when the plan says
   * so: Đồng Tháp's "gửi báo cáo … về Sở Y tế (qua Phòng Tổ chức cán bộ Sở)", Đồng Nai's "báo cáo kết
   * quả về Văn phòng Sở". A letter then asks for what it asks "về … (qua Phòng Tổ chức cán bộ)". Optional.
   */
  readonly unitsReportVia?: string;
}

export interface OutlierBand {
  readonly factor: number;
  readonly minCount: number;
  readonly sd: number;
  readonly minYears: number;
}

/** Plain data only (it crosses worker and window boundaries by structured clone). */
export interface Profile {
  readonly name: string;
  /**
   * What the page's profile picker shows (a plan's name runs to 150 characters, alike at the start,
   * and a 320 px picker shows about 35): the name in full is under the picker. Default: the name.
   */
  readonly shortName?: string;
  /** The name of a profile of profiles/ ("quang-tri-226"), which templates made with it record. */
  readonly id?: string;
  /** The effective form: the chosen form with this profile's targets, deadlines, tasks, counts and indicators. */
  readonly form: Form;
  readonly organisation: Organisation;
  readonly roster?: readonly RosterUnit[];
  /**
   * What the report upward says it implements, when not the letters' `form.subject`: a Sở's letters
   * cite its own plan, its report may cite the superior's ("Kế hoạch số 83/KH-UBND ngày 10/6/2026 của
   * UBND thành phố Đồng Nai").
   */
  readonly reportSubject?: string;
  readonly limits: ReadLimits;
  /**
   * OUTLIER band against the unit's own history (src/core/history.ts): outside mean ± `sd` standard
   * deviations with at least `minYears` earlier years, else a jump of more than `factor` times
   * against the latest; counts below `minCount` every year are left alone.
   */
  readonly outlier: OutlierBand;
}

const DEFAULT_OUTLIER: OutlierBand = { factor: 3, minCount: 10, sd: 3, minYears: 3 };

/** Seed 003: Sở Nội vụ of Thanh Hóa consolidates for the provincial People's Committee. */
export const DEFAULT_ORGANISATION: Organisation = {
  sender: "Sở Nội vụ tỉnh Thanh Hóa",
  senderHeading: "SỞ NỘI VỤ",
  abbreviation: "SNV",
  place: "Thanh Hóa",
  superior: "UBND TỈNH THANH HÓA",
  signerTitle: "GIÁM ĐỐC",
  signerName: "",
};

/** The default profile of a form: the form's own targets and deadlines (the tables of the SPEC). */
export function defaultProfileFor(form: Form): Profile {
  return {
    name: `Mặc định (${form.id})`,
    form,
    organisation: DEFAULT_ORGANISATION,
    limits: DEFAULT_READ_LIMITS,
    outlier: DEFAULT_OUTLIER,
  };
}

/**
 * SPEC §2 defaults on KL226-BC/1, with Thanh Hóa's organisation and task list (seed 003). Not Thanh
 * Hóa's plan itself: SPEC §2's eight targets include one that plan does not set (CBCCVC trained in
 * digital skills, 100%, from seed 004), so profiles/thanh-hoa-226.json, faithful to its plan, leaves
 * it out, and the two are named apart (a user met one name for two sets of targets).
 */
export const DEFAULT_PROFILE: Profile = {
  ...defaultProfileFor(DEFAULT_FORM),
  name: "Mặc định (chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa)",
  shortName: "Mặc định – Thanh Hóa",
};

export const rosterUnitSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9_.-]{2,32}$/, "mã đơn vị chỉ gồm A–Z, 0–9, _ . - (2–32 ký tự)"),
    name: z.string().trim().min(1, "thiếu tên đơn vị"),
    type: z.string().trim(),
    formerly: z.string().trim().optional(),
  })
  .strict();

const codeList = z.array(z.string().trim().toUpperCase()).optional();

const PROFILE_KEYS = [
  "name",
  "shortName",
  "default",
  "form",
  "title",
  "subject",
  "reportSubject",
  "organisation",
  "targets",
  "deadlines",
  "meetingLimits",
  "previousHeader",
  "counts",
  "removeCounts",
  "parts",
  "indicators",
  "removeIndicators",
  "chart",
  "tasks",
  "roster",
  "limits",
  "outlier",
] as const;

/**
 * A body a document sends through, as the plan names it: the document adds "(qua …)" itself, so a name
 * copied with it ("(qua Phòng Tổ chức cán bộ Sở)", "qua Sở Nội vụ", "Phòng Tổ chức cán bộ Sở)") would
 * print "((qua …))". A name with its own bracketed part ("Sở Nội vụ (Phòng Cải cách hành chính)", as
 * a profile's reportVia was accepted before unitsReportVia came) is a name.
 */
function viaName(what: string) {
  return z
    .string()
    .trim()
    .min(1, `không được để trống: ghi ${what}, hoặc bỏ khóa này`)
    .refine(
      (name) => !/^\(|^qua\s/iu.test(name) && !(name.endsWith(")") && !name.includes("(")),
      `chỉ ghi tên, không ghi “qua” hay dấu ngoặc của “(qua …)” (văn bản tự thêm phần này): ${what}`,
    );
}

/** The longest short name (`shortName`) of a profile. */
export const SHORT_NAME_MAX = 30;

/** A province's profile file: every key optional, merged over the chosen form's default. */
export const profileFileSchema = z
  .object({
    name: z.string().trim().min(1).optional(),
    /** The name the page's profile picker shows (a 320 px pane shows about 35 characters): "Sở Y tế Đồng Tháp". */
    shortName: z
      .string()
      .trim()
      .min(1)
      .max(SHORT_NAME_MAX, `tối đa ${SHORT_NAME_MAX} ký tự, để đọc được trong ô chọn hồ sơ ở khung 320 px`)
      .optional(),
    /**
     * This deployment's default (a file in profiles/): what a template, a check and a consolidation
     * use when no profile is chosen. At most one file of profiles/ says so.
     */
    default: z.boolean().optional(),
    /** A built-in form id ("KL226-BC/1", "CCHC-BC/2025") or a whole form definition. */
    form: z.union([z.string().trim().min(1), z.record(z.string(), z.unknown())]).optional(),
    /**
     * The report's title, as the template, the summary and the documents name it ("Báo cáo kết quả
     * thực hiện công tác cải cách hành chính năm 2026"): the year's plan has its own; default the form's.
     */
    title: z
      .string()
      .trim()
      .min(1)
      // Copied from the template's A1 in capitals, it read "báo cáo kẾT QUẢ …" inside sentences.
      .refine(
        (t) => t !== t.toLocaleUpperCase("vi") || !/\p{L}{2}/u.test(t),
        "viết như một câu (chỉ chữ đầu viết hoa), không viết in hoa cả tiêu đề, ví dụ “Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2026”",
      )
      .optional(),
    /**
     * What the documents say they implement ("Thực hiện …"): the province's own plan, e.g. "Kế hoạch
     * số 145/KH-UBND ngày 20/01/2026 của UBND tỉnh Quảng Trị"; default the form's (Kết luận 226).
     */
    subject: citedDocument.optional(),
    /** What the report upward cites instead of `subject` (the superior's plan); default `subject`. */
    reportSubject: citedDocument.optional(),
    organisation: z
      .object({
        sender: z.string().trim().min(1),
        senderHeading: z.string().trim().min(1),
        abbreviation: z
          .string()
          .trim()
          .regex(/^[\p{L}0-9.&-]{1,20}$/u, "viết tắt tên cơ quan, không có dấu cách, ví dụ SNV"),
        place: z.string().trim().min(1),
        superior: z.string().trim().min(1),
        signerTitle: z.string().trim().min(1),
        signerName: z.string().trim(),
        office: z
          .string()
          .trim()
          .regex(/^[\p{L}0-9.&-]{1,20}$/u, "viết tắt của phòng soạn thảo, không có dấu cách, ví dụ CCHC")
          .optional(),
        reportTo: z
          .string()
          .trim()
          .min(1, "tên cơ quan nhận báo cáo, ví dụ Sở Nội vụ Thành phố Hồ Chí Minh")
          .optional(),
        reportVia: viaName("tên cơ quan báo cáo được gửi qua, ví dụ Sở Nội vụ").optional(),
        unitsReportVia: viaName(
          "tên phòng của cơ quan mà các đơn vị gửi báo cáo qua, ví dụ Phòng Tổ chức cán bộ",
        ).optional(),
      })
      .partial()
      .strict()
      .optional(),
    /** Target per indicator id: a fraction (0.6) for ratios, reductions and percents, a whole number for counts. */
    targets: z.record(z.string(), z.number().min(0)).optional(),
    deadlines: z.partialRecord(z.enum(PERIOD_KINDS), dayMonth).optional(),
    meetingLimits: meetingLimitsSchema.partial().optional(),
    previousHeader: z.string().trim().min(1).optional(),
    counts: z.array(countFieldSchema).optional(),
    removeCounts: codeList,
    parts: z.array(partRuleSchema).optional(),
    indicators: z.array(indicatorSchema).optional(),
    removeIndicators: codeList,
    /** The indicator id the summary's chart plots (a ratio, percent or reduction); default the form's. */
    chart: z.string().trim().toUpperCase().optional(),
    tasks: z.array(taskTemplateSchema).optional(),
    roster: z.array(rosterUnitSchema).optional(),
    outlier: z
      .object({
        factor: z.number().gt(1),
        minCount: z.number().int().min(0),
        sd: z.number().gt(0),
        minYears: z.number().int().min(2),
      })
      .partial()
      .strict()
      .optional(),
    limits: z
      .object({
        maxFileBytes: z.number().int().positive(),
        maxEntries: z.number().int().positive(),
        maxPartBytes: z.number().int().positive(),
        maxTotalBytes: z.number().int().positive(),
        maxRows: z.number().int().positive(),
        maxColumns: z.number().int().positive(),
        maxStringLength: z.number().int().positive(),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export type ProfileOutcome =
  | {
      readonly ok: true;
      readonly profile: Profile;
      /** What the file leaves to the default (Thanh Hóa's) profile that a user of another province should know. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly errors: string[] };

/** What names the body that signs the documents: a profile that gives some must give all. */
const IDENTITY_KEYS = ["sender", "senderHeading", "abbreviation", "place", "superior"] as const;

/**
 * Validate a parsed profile JSON and merge it over the default profile of its form (or `base`
 * when given and of the same form); errors are Vietnamese lines naming the key.
 */
export function parseProfile(given: unknown, base?: Profile): ProfileOutcome {
  const json = nfcDeep(given);
  const before = beforeSchemaErrors(json);
  if (before.length > 0) return { ok: false, errors: before };
  const parsed = profileFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `${pathText(namedPath(i.path, json as FormItems))}: ${issueText(i)}`,
      ),
    };
  const p = parsed.data;
  if (p.organisation !== undefined) {
    const given = p.organisation;
    const missing = IDENTITY_KEYS.filter((k) => given[k] === undefined);
    if (missing.length > 0 && missing.length < IDENTITY_KEYS.length)
      return {
        ok: false,
        errors: [
          `organisation: thiếu ${missing.join(", ")}. Khi ghi “organisation”, ghi đủ ${IDENTITY_KEYS.join(", ")} (các văn bản sẽ không mang tên cơ quan của tỉnh khác), ví dụ: "sender": "Sở Nội vụ tỉnh Quảng Trị", "senderHeading": "SỞ NỘI VỤ", "abbreviation": "SNV", "place": "Quảng Trị", "superior": "UBND TỈNH QUẢNG TRỊ".`,
        ],
      };
  }

  let baseForm: Form;
  if (p.form === undefined) baseForm = base?.form ?? DEFAULT_FORM;
  else if (typeof p.form === "string") {
    const found = builtinForm(p.form);
    if (!found)
      return {
        ok: false,
        errors: [
          `form: không có biểu mẫu “${p.form}”. Các biểu mẫu có sẵn: ${BUILTIN_FORMS.map((f) => f.id).join(", ")}; hoặc ghi cả định nghĩa biểu mẫu.`,
        ],
      };
    baseForm = found;
  } else {
    const own = formSchema.safeParse(p.form);
    if (!own.success)
      return { ok: false, errors: own.error.issues.map((i) => `form.${pathText(i.path)}: ${issueText(i)}`) };
    baseForm = own.data;
  }
  const start =
    base && base.form.id === baseForm.id && p.form === undefined ? base : defaultProfileFor(baseForm);

  const errors: string[] = [];
  const removedCounts = new Set(p.removeCounts ?? []);
  for (const code of removedCounts)
    if (!baseForm.counts.some((c) => c.code === code))
      errors.push(`removeCounts: không có số liệu ${code} trong biểu mẫu ${baseForm.id}.`);
  const counts = replaceOrAppend(
    start.form.counts.filter((c) => !removedCounts.has(c.code)),
    p.counts ?? [],
    (c) => c.code,
  );
  const parts = [
    ...start.form.parts.filter((r) => !removedCounts.has(r.part) && !removedCounts.has(r.whole)),
    ...(p.parts ?? []),
  ];
  const removedIndicators = new Set(p.removeIndicators ?? []);
  for (const id of removedIndicators)
    if (!start.form.indicators.some((i) => i.id === id))
      errors.push(`removeIndicators: không có chỉ tiêu ${id} trong biểu mẫu ${baseForm.id}.`);
  let indicators: Indicator[] = replaceOrAppend(
    start.form.indicators.filter((i) => !removedIndicators.has(i.id)),
    p.indicators ?? [],
    (i) => i.id,
  );
  for (const [id, target] of Object.entries(p.targets ?? {})) {
    const key = id.trim().toUpperCase();
    if (!indicators.some((i) => i.id === key)) {
      errors.push(
        `targets.${id}: không có chỉ tiêu ${id} trong biểu mẫu ${baseForm.id}. Các chỉ tiêu: ${indicators.map((i) => i.id).join(", ")}.`,
      );
    }
    indicators = indicators.map((i) => (i.id === key ? ({ ...i, target } as Indicator) : i));
  }
  const periods = start.form.periods.map((period) => ({
    ...period,
    deadline: p.deadlines?.[period.kind] ?? period.deadline,
  }));
  for (const kind of Object.keys(p.deadlines ?? {}) as PeriodKind[]) {
    if (!periods.some((period) => period.kind === kind)) {
      errors.push(
        `deadlines.${kind}: biểu mẫu ${baseForm.id} không có kỳ ${PERIOD_LABELS[kind].label}. Các kỳ: ${periods.map((x) => x.kind).join(", ")}.`,
      );
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const merged: FormInput = {
    ...start.form,
    periods,
    previousHeader: p.previousHeader ?? start.form.previousHeader,
    title: p.title ?? start.form.title,
    subject: p.subject ?? start.form.subject,
    counts,
    parts,
    indicators,
    // The form's chart goes with its indicator when the profile removes that one (the default rule then picks).
    chart: p.chart ?? (indicators.some((i) => i.id === start.form.chart) ? start.form.chart : undefined),
    tasks: p.tasks ?? start.form.tasks,
    meetingLog: { ...start.form.meetingLog, limits: { ...start.form.meetingLog.limits, ...p.meetingLimits } },
  };
  const form = formSchema.safeParse(merged);
  if (!form.success) {
    const given = new Set(Object.keys(p.targets ?? {}).map((id) => id.trim().toUpperCase()));
    return {
      ok: false,
      errors: form.error.issues.map((i) => {
        const path = namedPath(i.path, merged);
        // A target the profile set is reported where the profile wrote it.
        const where =
          path[0] === "indicators" && path[2] === "target" && given.has(String(path[1]))
            ? ["targets", path[1]!]
            : path;
        return `${pathText(where)}: ${issueText(i)}`;
      }),
    };
  }
  const organisation = { ...start.organisation, ...p.organisation };
  const level = levelConflict(organisation);
  if (level !== undefined) return { ok: false, errors: [level] };
  const notes: string[] = [];
  if (
    IDENTITY_KEYS.every((k) => p.organisation?.[k] === undefined) &&
    organisation.sender === DEFAULT_ORGANISATION.sender
  )
    notes.push(
      `Hồ sơ không ghi tên cơ quan (“organisation”): bảng tổng hợp, thư nhắc và báo cáo sẽ đề tên ${DEFAULT_ORGANISATION.sender} (mặc định). Nếu không phải, thêm "organisation": { "sender", "senderHeading", "abbreviation", "place", "superior", "signerTitle", "signerName" } vào hồ sơ.`,
    );
  if (
    p.tasks === undefined &&
    baseForm.id === DEFAULT_FORM.id &&
    organisation.place !== DEFAULT_ORGANISATION.place
  )
    notes.push(
      `Hồ sơ không ghi “tasks”: mẫu báo cáo và báo cáo kết quả dùng danh sách nhiệm vụ của Kế hoạch tỉnh Thanh Hóa (mặc định), có cả các mục tiêu của kế hoạch đó. Ghi "tasks": [ { "content": …, "deadline": … } ] theo kế hoạch của tỉnh.`,
    );
  const reportSubject = p.reportSubject ?? start.reportSubject;
  return {
    ok: true,
    notes,
    profile: {
      name: p.name ?? start.name,
      // A profile naming itself is not the base's short name (which names the base).
      ...((p.shortName ?? (p.name === undefined ? start.shortName : undefined)) === undefined
        ? {}
        : { shortName: p.shortName ?? start.shortName }),
      form: form.data,
      organisation,
      roster: p.roster ?? start.roster,
      ...(reportSubject === undefined ? {} : { reportSubject }),
      limits: { ...start.limits, ...p.limits },
      outlier: { ...start.outlier, ...p.outlier },
    },
  };
}

/** "… tỉnh Đồng Nai", "UBND THÀNH PHỐ ĐỒNG NAI": the level word a body's name ends its place with. */
const LEVEL_PLACE = /(?:^|\s)(tỉnh|thành phố)\s+(\S.*)$/iu;

/**
 * A Sở of one level under a People's Committee of another for the same place: seed 004 lists "UBND
 * tỉnh" under its Nơi nhận though its body says "thành phố Đồng Nai" throughout, and a profile copied
 * from that line would head every document "UBND TỈNH ĐỒNG NAI" over "Sở … thành phố Đồng Nai". A Sở
 * is a department of its People's Committee, so both say the same level (a district's "thành phố
 * Thanh Hóa" inside "tỉnh Thanh Hóa" has no Sở). The Vietnamese refusal, or undefined.
 */
function levelConflict(org: Organisation): string | undefined {
  const superior = LEVEL_PLACE.exec(org.superior);
  if (!superior) return undefined;
  const [, level = "", place = ""] = superior;
  for (const key of ["sender", "reportTo"] as const) {
    const body = org[key];
    const own = body !== undefined && /^Sở\s/iu.test(body) ? LEVEL_PLACE.exec(body) : null;
    if (!own || foldKey(own[2] ?? "") !== foldKey(place)) continue;
    if (foldKey(own[1] ?? "") !== foldKey(level))
      return `organisation: “superior” ghi “${org.superior}”, “${key}” ghi “${body}”: Sở và Ủy ban nhân dân cấp trên thuộc cùng một địa phương, nên cùng ghi “${(own[1] ?? "").toLocaleLowerCase("vi")}” hoặc cùng ghi “${level.toLocaleLowerCase("vi")}”, theo tên gọi trong văn bản của địa phương (tên này được in ở phần đầu và phần nơi nhận của mọi văn bản).`;
  }
  return undefined;
}

/**
 * Mistakes the schema would report in terms a user cannot act on: an indicator given only to change
 * its target (that is `targets`), and an indicator id or count code listed twice in the file (the
 * second would silently replace the first).
 */
function beforeSchemaErrors(json: unknown): string[] {
  if (typeof json !== "object" || json === null) return [];
  const file = json as { indicators?: unknown; counts?: unknown };
  const errors: string[] = [];
  const items = (list: unknown): Record<string, unknown>[] =>
    Array.isArray(list)
      ? list.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null)
      : [];
  for (const [key, field] of [
    ["indicators", "id"],
    ["counts", "code"],
  ] as const) {
    const seen = new Set<string>();
    for (const item of items(file[key])) {
      const id = typeof item[field] === "string" ? item[field].trim().toUpperCase() : undefined;
      if (id === undefined) continue;
      if (seen.has(id))
        errors.push(
          `${key}: ${field} ${id} ghi hai lần; mỗi ${key === "indicators" ? "chỉ tiêu" : "số liệu"} chỉ ghi một lần.`,
        );
      seen.add(id);
    }
  }
  for (const item of items(file.indicators)) {
    const id = typeof item.id === "string" ? item.id.trim().toUpperCase() : undefined;
    const builtin = id !== undefined && BUILTIN_FORMS.some((f) => f.indicators.some((i) => i.id === id));
    if (builtin && item.kind === undefined && "target" in item && Object.keys(item).length <= 3)
      errors.push(
        `indicators: để đổi mục tiêu của chỉ tiêu có sẵn ${id}, ghi "targets": { "${id}": ${JSON.stringify(item.target)} }. Mục “indicators” dùng để thêm hoặc thay cả một chỉ tiêu (cần đủ kind, label, short, itemUnit…).`,
      );
  }
  return errors;
}

function replaceOrAppend<T>(items: readonly T[], extra: readonly T[], key: (t: T) => string): T[] {
  const out = [...items];
  for (const item of extra) {
    const i = out.findIndex((o) => key(o) === key(item));
    if (i >= 0) out[i] = item;
    else out.push(item);
  }
  return out;
}

/** The lists whose items a path names by id or code: a merged form, or the profile file as written. */
interface FormItems {
  readonly indicators?: readonly unknown[];
  readonly counts?: readonly unknown[];
}

/** "indicators.3.target" → "indicators.ONLINE_RATIO.target": a form's or a file's items by their id or code. */
function namedPath(path: ReadonlyArray<PropertyKey>, form: FormItems): PropertyKey[] {
  const [key, index, ...rest] = path;
  if (typeof index !== "number" || typeof form !== "object" || form === null) return [...path];
  const list = key === "indicators" ? form.indicators : key === "counts" ? form.counts : undefined;
  const item: unknown = Array.isArray(list) ? list[index] : undefined;
  const named = typeof item === "object" && item !== null ? (item as { id?: unknown; code?: unknown }) : {};
  const name =
    typeof named.id === "string" ? named.id : typeof named.code === "string" ? named.code : undefined;
  return name === undefined || name.trim() === "" ? [...path] : [key as PropertyKey, name.trim(), ...rest];
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.length ? path.map(String).join(".") : "(gốc)";
}

/** What to write, for each type zod expects. */
const EXPECTED_TEXT: Readonly<Record<string, string>> = {
  number: "một số, không có ngoặc kép",
  int: "một số nguyên, không có ngoặc kép",
  string: "một đoạn chữ trong ngoặc kép",
  boolean: "true hoặc false",
  array: "một danh sách trong [ ]",
  object: "một mục trong { }",
};

/** A fraction target (0–1) and how a percentage is written as one. */
const FRACTION_HINT = "tỷ lệ ghi dạng phân số thập phân với dấu chấm: 70% ghi là 0.7, 95% là 0.95";

function isTargetPath(path: ReadonlyArray<PropertyKey>): boolean {
  return path[0] === "targets" || path[path.length - 1] === "target";
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      // The list of keys is the profile's own: said only for a key at its top level.
      return issue.path.length === 0
        ? `khóa không được hỗ trợ: ${issue.keys.join(", ")} (các khóa hợp lệ: ${PROFILE_KEYS.join(", ")})`
        : `khóa không được hỗ trợ: ${issue.keys.join(", ")} (kiểm tra chính tả tên khóa, xem mục “Report forms and profiles” của README)`;
    case "too_small":
      // A schema's own words ("thiếu tên đơn vị"); an empty text is no "value too small".
      if (!issue.message.startsWith("Too small")) return issue.message;
      return issue.origin === "string"
        ? "không được để trống"
        : `giá trị quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case "too_big":
      // A schema's own words, as too_small.
      if (!issue.message.startsWith("Too big")) return issue.message;
      return issue.maximum === 1 && isTargetPath(issue.path)
        ? `giá trị quá lớn (tối đa 1): ${FRACTION_HINT}`
        : `giá trị quá lớn (tối đa ${String(issue.maximum)})`;
    case "invalid_type": {
      const want = EXPECTED_TEXT[issue.expected] ?? issue.expected;
      if (/received undefined/.test(issue.message)) return `thiếu; cần ghi ${want}`;
      return isTargetPath(issue.path) && issue.expected === "number"
        ? `cần ${want}: ${FRACTION_HINT}; số đếm ghi số nguyên, ví dụ 0`
        : `sai kiểu dữ liệu: cần ${want}`;
    }
    case "invalid_value":
      return `phải là một trong: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_union":
      return issue.path[issue.path.length - 1] === "kind" || /discriminator/i.test(issue.message)
        ? `“kind” phải là một trong: ratio (tỷ lệ phần trên tổng), reduction (giảm so với cùng kỳ), maxCount (tối đa), minCount (tối thiểu), percent (tỷ lệ đơn vị tự nhập)`
        : "giá trị không hợp lệ";
    default:
      return issue.message;
  }
}

/** The report deadline (day and month) of a period kind under a profile; undefined when the form has no such period. */
export function deadlineOf(
  profile: Profile,
  kind: PeriodKind,
): { readonly day: number; readonly month: number } | undefined {
  return profile.form.periods.find((p) => p.kind === kind)?.deadline;
}
