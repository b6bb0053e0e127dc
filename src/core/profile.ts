// The profile: targets, report deadlines, meeting length limits, the task list, an optional
// roster and reading limits, as one JSON document validated with zod (SPEC §2). The built-in
// default follows the provincial plan in the seeds; a province's file overrides any part of it.

import { z } from "zod";
import { INDICATOR_IDS, UNIT_TYPES, type IndicatorId, type MeetingTypeId, type PeriodKind } from "./catalogue";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./workbook";

export interface TaskTemplate {
  readonly content: string;
  readonly lead: string;
  readonly partners: string;
  readonly product: string;
  readonly deadline: string;
}

export interface RosterUnit {
  readonly code: string;
  readonly name: string;
  readonly type: string;
}

export interface Profile {
  readonly name: string;
  /** Target per indicator: a minimum fraction for ratios and reductions, a maximum count for maxCount. */
  readonly targets: Readonly<Record<IndicatorId, number>>;
  /** Report deadline per period kind: day and month of the report's year. */
  readonly deadlines: Readonly<Record<PeriodKind, { readonly day: number; readonly month: number }>>;
  /** Longest allowed meeting per type, in days. */
  readonly meetingLimits: Readonly<Record<MeetingTypeId, number>>;
  readonly tasks: readonly TaskTemplate[];
  readonly roster?: readonly RosterUnit[];
  readonly limits: ReadLimits;
  /**
   * OUTLIER band against the unit's own history (src/core/history.ts): outside mean ± `sd` standard
   * deviations with at least `minYears` earlier years, else a jump of more than `factor` times
   * against the latest; counts below `minCount` every year are left alone.
   */
  readonly outlier: { readonly factor: number; readonly minCount: number; readonly sd: number; readonly minYears: number };
}

const ALL_UNITS = "Các sở, ban, ngành, đơn vị cấp tỉnh, UBND các xã, phường";

/** SPEC §2 defaults; tasks: the 12 key tasks of the provincial appendix (seeds/003). */
export const DEFAULT_PROFILE: Profile = {
  name: "Mặc định (Kế hoạch thực hiện Kết luận 226-KL/TW của UBND tỉnh)",
  targets: {
    ONLINE_RATIO: 0.6,
    MEETING_REDUCTION: 0.1,
    DOC_REDUCTION: 0.15,
    TTHC_DIGITAL_RATIO: 0.95,
    DIGITIZATION_RATIO: 0.95,
    EDOC_RATIO: 1,
    OVERTIME_MEETINGS: 0,
    DIGITAL_SKILLS_RATIO: 1,
  },
  deadlines: { "6T": { day: 6, month: 6 }, NAM: { day: 6, month: 12 } },
  meetingLimits: { QUAN_TRIET: 0.5, CHUYEN_MON: 1, QUAN_TRONG: 1.5 },
  tasks: [
    {
      content:
        "Rà soát, sửa đổi, bổ sung, ban hành hoặc trình cấp có thẩm quyền ban hành các văn bản quy phạm pháp luật có quy định còn chồng chéo, không còn phù hợp thực tiễn; rà soát cắt giảm, đơn giản hóa thủ tục hành chính trong quá trình ban hành văn bản quy phạm pháp luật",
      lead: ALL_UNITS,
      partners: "Sở Tư pháp",
      product: "Báo cáo UBND tỉnh danh mục văn bản cần sửa đổi; đề xuất ban hành các văn bản sửa đổi, bổ sung, thay thế theo thẩm quyền",
      deadline: "Thường xuyên",
    },
    {
      content: "Thực hiện cắt giảm tối thiểu 15% số lượng văn bản hành chính do cơ quan, địa phương ban hành so với năm trước",
      lead: ALL_UNITS,
      partners: "Văn phòng UBND tỉnh",
      product: "Số lượng văn bản hành chính giảm ít nhất 15%",
      deadline: "Hàng năm, bắt đầu từ năm 2026",
    },
    {
      content:
        "Thực hiện cắt giảm tối thiểu 10% số lượng hội nghị, cuộc họp toàn ngành, toàn tỉnh mỗi năm; đồng thời tăng tỷ lệ hội nghị trực tuyến đạt từ 60% trở lên trên tổng số hội nghị",
      lead: ALL_UNITS,
      partners: "Văn phòng UBND tỉnh",
      product:
        "Số lượng hội nghị giảm ít nhất 10% mỗi năm; tỷ lệ hội nghị trực tuyến đạt từ 60% trở lên; báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ)",
      deadline: "Hàng năm, bắt đầu từ năm 2026",
    },
    {
      content:
        "Rà soát, hoàn thiện chức năng, nhiệm vụ, quyền hạn và quy chế làm việc của các sở, ban, ngành, đơn vị, địa phương; bãi bỏ các quy trình, thủ tục không còn phù hợp; bảo đảm thực hiện nguyên tắc “một việc - một đầu mối, 6 rõ”",
      lead: ALL_UNITS,
      partners: "Sở Nội vụ",
      product: "Chức năng, nhiệm vụ và quy chế làm việc của các cơ quan được điều chỉnh, hoàn thiện; báo cáo UBND tỉnh kết quả rà soát",
      deadline: "Quý IV/2026",
    },
    {
      content:
        "Đánh giá việc thực hiện phân cấp, phân quyền trong quản lý nhà nước; đề xuất hoàn thiện các quy định nhằm bảo đảm phân định rõ trách nhiệm, quyền hạn giữa các cấp",
      lead: ALL_UNITS,
      partners: "Sở Tư pháp, Sở Nội vụ",
      product: "Báo cáo đánh giá và kiến nghị UBND tỉnh về hoàn thiện cơ chế phân cấp, phân quyền",
      deadline: "Quý IV/2026",
    },
    {
      content:
        "Tăng cường kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính; phát hiện và xử lý nghiêm các trường hợp đùn đẩy, né tránh trách nhiệm hoặc can thiệp trái quy định vào công việc của cấp dưới",
      lead: "Sở Nội vụ",
      partners: ALL_UNITS,
      product: "Kịp thời phát hiện và xử lý các vi phạm về kỷ luật hành chính; báo cáo Chủ tịch UBND tỉnh kết quả thanh tra, kiểm tra",
      deadline: "Năm 2026 và thường xuyên trong các năm tiếp theo",
    },
    {
      content:
        "Tăng cường thanh tra trách nhiệm người đứng đầu, cán bộ, công chức, viên chức trong thực hiện nhiệm vụ, công vụ được giao; kịp thời kiến nghị xử lý nghiêm các trường hợp vi phạm",
      lead: "Thanh tra tỉnh",
      partners: ALL_UNITS,
      product: "Kế hoạch thanh tra",
      deadline: "Theo Kế hoạch hoặc theo yêu cầu của cấp có thẩm quyền",
    },
    {
      content:
        "Ban hành quy định hoặc kế hoạch của từng cơ quan, đơn vị về ứng dụng công nghệ thông tin và chuyển đổi số trong công tác quản lý, điều hành",
      lead: ALL_UNITS,
      partners: "Sở Khoa học và Công nghệ",
      product: "Quy định/kế hoạch chuyển đổi số của từng Sở, ban, ngành, địa phương được ban hành và triển khai",
      deadline: "Quý IV/2026",
    },
    {
      content: "Thực hiện việc xử lý thủ tục hành chính trên môi trường số và số hóa văn bản đạt từ 95% trở lên",
      lead: ALL_UNITS,
      partners: "Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh",
      product:
        "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt từ 95% trở lên; 100% văn bản hành chính không mật gửi nhận điện tử; báo cáo kết quả định kỳ",
      deadline: "Đến cuối năm 2026",
    },
    {
      content:
        "Hoàn thiện Hệ thống thông tin báo cáo của tỉnh theo hướng đồng bộ, liên thông với Hệ thống thông tin báo cáo của Chính phủ và các bộ, ngành Trung ương",
      lead: "Văn phòng UBND tỉnh",
      partners: ALL_UNITS,
      product: "Hệ thống thông tin",
      deadline: "Năm 2026",
    },
    {
      content:
        "Bổ sung tiêu chí về kết quả triển khai Kết luận số 226-KL/TW vào quy định tiêu chí đánh giá, xếp loại người đứng đầu và tiêu chí thi đua khen thưởng hằng năm (đối với các sở, ban, ngành cấp tỉnh, đơn vị sự nghiệp công lập thuộc UBND tỉnh, UBND các xã, phường)",
      lead: "Sở Nội vụ",
      partners: "Các sở, ban, ngành, đơn vị cấp tỉnh; UBND các xã, phường",
      product: "Bộ tiêu chí đánh giá, xếp loại hoặc văn bản hướng dẫn",
      deadline: "Năm 2026",
    },
    {
      content:
        "Bổ sung tiêu chí về kết quả triển khai Kết luận số 226-KL/TW vào quy định tiêu chí đánh giá, xếp loại người đứng đầu và tiêu chí thi đua khen thưởng hằng năm (đối với các đơn vị thuộc/trực thuộc)",
      lead: ALL_UNITS,
      partners: "Sở Nội vụ, các cơ quan liên quan",
      product: "Bộ tiêu chí đánh giá, xếp loại hoặc văn bản hướng dẫn",
      deadline: "Năm 2026",
    },
  ],
  limits: DEFAULT_READ_LIMITS,
  outlier: { factor: 3, minCount: 10, sd: 3, minYears: 3 },
};

const fraction = z.number().min(0).max(1);
const dayMonth = z
  .object({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) })
  .strict()
  .refine((d) => d.day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]!, {
    message: "ngày không tồn tại trong tháng",
  });
const unitTypeLabels = UNIT_TYPES.map((t) => t.label) as [string, ...string[]];

const targetsSchema = z
  .object({
    ONLINE_RATIO: fraction,
    MEETING_REDUCTION: fraction,
    DOC_REDUCTION: fraction,
    TTHC_DIGITAL_RATIO: fraction,
    DIGITIZATION_RATIO: fraction,
    EDOC_RATIO: fraction,
    OVERTIME_MEETINGS: z.number().int().min(0),
    DIGITAL_SKILLS_RATIO: fraction,
  } satisfies Record<IndicatorId, z.ZodType<number>>)
  .partial()
  .strict();

export const rosterUnitSchema = z
  .object({
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9_.-]{2,32}$/, "mã đơn vị chỉ gồm A–Z, 0–9, _ . - (2–32 ký tự)"),
    name: z.string().trim().min(1, "thiếu tên đơn vị"),
    type: z.string().trim(),
  })
  .strict();

/** A province's profile file: every key optional, merged over DEFAULT_PROFILE. */
export const profileFileSchema = z
  .object({
    name: z.string().min(1).optional(),
    targets: targetsSchema.optional(),
    deadlines: z.object({ "6T": dayMonth, NAM: dayMonth }).partial().strict().optional(),
    meetingLimits: z
      .object({ QUAN_TRIET: z.number().positive(), CHUYEN_MON: z.number().positive(), QUAN_TRONG: z.number().positive() })
      .partial()
      .strict()
      .optional(),
    tasks: z
      .array(
        z
          .object({
            content: z.string().min(1),
            lead: z.string().default(""),
            partners: z.string().default(""),
            product: z.string().default(""),
            deadline: z.string().default(""),
          })
          .strict(),
      )
      .optional(),
    roster: z.array(rosterUnitSchema).optional(),
    outlier: z
      .object({ factor: z.number().gt(1), minCount: z.number().int().min(0), sd: z.number().gt(0), minYears: z.number().int().min(2) })
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

export type ProfileFile = z.infer<typeof profileFileSchema>;

export type ProfileOutcome = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: string[] };

/** Validate a parsed profile JSON and merge it over the default; errors are Vietnamese lines naming the key. */
export function parseProfile(json: unknown, base: Profile = DEFAULT_PROFILE): ProfileOutcome {
  const parsed = profileFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(gốc)"}: ${issueText(i)}`),
    };
  }
  const p = parsed.data;
  const profile: Profile = {
    name: p.name ?? base.name,
    targets: { ...base.targets, ...p.targets },
    deadlines: { ...base.deadlines, ...p.deadlines },
    meetingLimits: { ...base.meetingLimits, ...p.meetingLimits },
    tasks: p.tasks ?? base.tasks,
    roster: p.roster ?? base.roster,
    limits: { ...base.limits, ...p.limits },
    outlier: { ...base.outlier, ...p.outlier },
  };
  return { ok: true, profile };
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `khóa không được hỗ trợ: ${issue.keys.join(", ")} (các khóa hợp lệ: name, targets, deadlines, meetingLimits, tasks, roster, limits, outlier; chỉ tiêu: ${INDICATOR_IDS.join(", ")})`;
    case "too_small":
      return `giá trị quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case "too_big":
      return `giá trị quá lớn (tối đa ${String(issue.maximum)})`;
    case "invalid_type":
      return `sai kiểu dữ liệu (cần ${issue.expected})`;
    default:
      return issue.message;
  }
}

/** Unit type labels accepted in a roster (the template's labels). */
export const UNIT_TYPE_LABELS: readonly string[] = unitTypeLabels;
