// The CCHC-BC/2025 sample set (SPEC §8, seed 001): Sở An toàn thực phẩm TP.HCM's offices and units
// reporting quý II/2025 (deadline 15/6/2025), with the mistakes clerks make in this regime: a
// satisfaction rate without its number of answers, 965 typed for 96,5 %, a "trong đó" above its
// total, a KL226 report sent to the wrong regime, last quarter's file, a late one. Deterministic.

import type { UnitTypeId } from "../src/core/catalogue";
import type { FindingCode } from "../src/core/findings";
import { CCHC_FORM_ID } from "../src/core/forms";
import { DEFAULT_PROFILE } from "../src/core/profile";
import { shippedProfile } from "../src/core/profiles";
import type { CellInput } from "../src/core/sheetspec";
import { writeXlsx } from "../src/xlsx/write";
import { mulberry32 } from "../test/helpers/prng";
import { reportSpec, type Edit, type ReportData } from "../test/helpers/report-builder";

/** The plan the set belongs to (seed 001), shipped as a profile. */
export const CCHC_PROFILE = shippedProfile("hcm-attp-cchc-2025")!;
if (CCHC_PROFILE.form.id !== CCHC_FORM_ID)
  throw new Error("hcm-attp-cchc-2025 must be a CCHC-BC/2025 profile");

export interface CchcUnit {
  readonly code: string;
  readonly name: string;
  readonly type: UnitTypeId;
  /** Handles administrative procedures (TTHC) itself. */
  readonly tthc: boolean;
  /** Manages a public investment budget. */
  readonly budget?: boolean;
}

const phong = (code: string, name: string, tthc = false, budget = false): CchcUnit => ({
  code,
  name,
  type: "PHONG_THUOC_SO",
  tthc,
  budget,
});
const dv = (code: string, name: string, tthc = true, budget = false): CchcUnit => ({
  code,
  name,
  type: "SU_NGHIEP",
  tthc,
  budget,
});

export const CCHC_UNITS: readonly CchcUnit[] = [
  phong("VAN_PHONG_SO", "Văn phòng Sở", true, true),
  phong("THANH_TRA_SO", "Thanh tra Sở"),
  phong("PHONG_CAP_PHEP", "Phòng Cấp phép", true),
  phong("PHONG_QLTC_GSND", "Phòng Quản lý tiêu chuẩn và Giám sát ngộ độc thực phẩm", true),
  phong("PHONG_HTQT_TT", "Phòng Hợp tác quốc tế và Truyền thông"),
  phong("PHONG_KH_TC", "Phòng Kế hoạch – Tài chính", false, true),
  dv("TT_KIEM_NGHIEM", "Trung tâm kiểm nghiệm Thuốc, Mỹ phẩm, Thực phẩm", true, true),
  dv("TT_DAO_TAO_ATTP", "Trung tâm Đào tạo và Truyền thông an toàn thực phẩm", false),
  dv("DOI_QL_ATTP_1", "Đội Quản lý an toàn thực phẩm số 1", true),
  dv("DOI_QL_ATTP_2", "Đội Quản lý an toàn thực phẩm số 2", true),
  dv("DOI_QL_ATTP_3", "Đội Quản lý an toàn thực phẩm số 3", true),
  dv("DOI_QL_ATTP_4", "Đội Quản lý an toàn thực phẩm số 4", true),
  dv("DOI_QL_ATTP_5", "Đội Quản lý an toàn thực phẩm số 5", true),
  dv("DOI_QL_ATTP_6", "Đội Quản lý an toàn thực phẩm số 6", true),
  dv("DOI_QL_ATTP_7", "Đội Quản lý an toàn thực phẩm số 7", true),
  dv("BQL_CHO_BINH_DIEN", "Ban Quản lý an toàn thực phẩm chợ đầu mối Bình Điền", true),
];

/** On the roster, no file sent. */
const MISSING = new Set(["DOI_QL_ATTP_7"]);

export interface CchcSample {
  readonly file: string;
  readonly unit: CchcUnit;
  readonly bytes: Uint8Array;
  readonly errors: readonly FindingCode[];
  readonly warnings: readonly FindingCode[];
  readonly consolidation?: FindingCode;
  readonly note?: readonly [string, string];
}

export type Counts = Record<string, readonly [CellInput, CellInput]>;

/**
 * One unit's quarter as a careful clerk fills CCHC-BC/2025 (every rule met but by chance), drawn from
 * `rng`; also the bench's CCHC set (scripts/bench-sets.ts).
 */
export function cchcCounts(u: CchcUnit, rng: () => number): Counts {
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const share = (whole: number, lo: number, hi: number): number =>
    Math.min(whole, Math.ceil(whole * (lo + rng() * (hi - lo))));
  const tthc = u.tthc ? int(6, 38) : 0;
  const received = u.tthc ? int(60, 2400) : 0;
  const solved = Math.round(received * (0.88 + rng() * 0.1));
  const late = u.tthc && rng() < 0.35 ? int(1, 4) : 0;
  const paid = Math.round(solved * (0.4 + rng() * 0.4));
  const staff = int(8, 64);
  const docs = int(180, 2600);
  const surveyed = u.tthc ? int(40, 700) : null;
  const rate = u.tthc ? Math.round((95.5 + rng() * 4) * 10) / 10 : null;
  const plan = u.budget ? int(40, 220) * 100 : null;
  return {
    TTHC_TONG: [null, tthc],
    TTHC_CONG_KHAI: [null, tthc],
    TTHC_DVC_TT: [null, tthc],
    HS_TIEP_NHAN: [null, received],
    HS_SO_HOA: [null, share(received, 0.8, 0.97)],
    HS_TAI_SU_DUNG: [null, share(received, 0.55, 0.8)],
    HS_GIAI_QUYET: [null, solved],
    HS_DUNG_HAN: [null, solved - late],
    HS_KQ_DIEN_TU: [null, solved],
    HS_TRE_HAN: [null, late],
    HS_XIN_LOI: [null, late],
    HS_CO_PHI: [null, u.tthc ? paid : null],
    HS_THANH_TOAN_DT: [null, u.tthc ? paid : null],
    PAKN_TONG: [null, int(0, 9)],
    PAKN_XU_LY: [null, null],
    HAI_LONG: [null, rate],
    PHIEU_KHAO_SAT: [null, surveyed],
    VB_KHONG_MAT: [null, docs],
    VB_DIEN_TU: [null, docs],
    CC_TONG: [null, staff],
    CC_CHU_KY_SO: [null, staff],
    CC_THU_CONG_VU: [null, staff],
    VON_KE_HOACH: [null, plan],
    VON_GIAI_NGAN: [null, plan === null ? null : Math.round(plan * (0.955 + rng() * 0.04))],
  };
}

export function makeCchcSamples(): {
  samples: CchcSample[];
  units: readonly CchcUnit[];
  missing: ReadonlySet<string>;
} {
  const rng = mulberry32(2025_0615);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

  const counts = (u: CchcUnit): Counts => cchcCounts(u, rng);

  interface Special {
    readonly patch?: (c: Counts) => Partial<Counts>;
    readonly data?: Partial<ReportData>;
    readonly edits?: Edit[];
    readonly errors?: FindingCode[];
    readonly warnings?: FindingCode[];
    readonly consolidation?: FindingCode;
    readonly kl226?: boolean;
    readonly note?: readonly [string, string];
  }
  const SPECIALS: Record<string, Special> = {
    PHONG_CAP_PHEP: {
      patch: () => ({ HAI_LONG: [null, "97,25"] }),
      data: {
        texts: {
          KHO_KHAN:
            "Hệ thống thông tin giải quyết TTHC Thành phố nhiều lần gián đoạn trong tháng 5/2025, hồ sơ phải tiếp nhận lại bằng giấy.",
          KIEN_NGHI:
            "Đề nghị Sở Khoa học và Công nghệ bảo đảm đường truyền và có phương án dự phòng khi hệ thống gián đoạn.",
        },
      },
      warnings: ["COERCED"],
      note: [
        "Mức độ hài lòng gõ dạng chữ “97,25” → COERCED, vẫn hợp lệ; có khó khăn, kiến nghị",
        "Satisfaction typed as text “97,25” → COERCED, still valid; difficulties and proposals filled",
      ],
    },
    DOI_QL_ATTP_1: {
      patch: () => ({ PHIEU_KHAO_SAT: [null, null] }),
      errors: ["MISSING_VALUE"],
      note: [
        "Có mức độ hài lòng nhưng bỏ trống số phiếu khảo sát → MISSING_VALUE (bị trả lại)",
        "Satisfaction rate without its number of answers → MISSING_VALUE (returned)",
      ],
    },
    DOI_QL_ATTP_2: {
      patch: () => ({ HAI_LONG: [null, 965] }),
      errors: ["BAD_VALUE"],
      note: [
        "Gõ 965 thay cho 96,5 (quên dấu phẩy) → BAD_VALUE",
        "965 typed for 96,5 (comma forgotten) → BAD_VALUE",
      ],
    },
    DOI_QL_ATTP_3: {
      patch: (c) => ({ HS_DUNG_HAN: [null, Number(c.HS_GIAI_QUYET?.[1] ?? 0) + 12] }),
      errors: ["INCONSISTENT"],
      note: [
        "Số hồ sơ đúng hạn lớn hơn số hồ sơ đã giải quyết → INCONSISTENT",
        "More files on time than files solved → INCONSISTENT",
      ],
    },
    DOI_QL_ATTP_4: {
      kl226: true,
      errors: ["FORM_MISMATCH"],
      note: [
        "Gửi nhầm báo cáo KL226-BC/1 (chế độ báo cáo khác) → FORM_MISMATCH",
        "Sent a KL226-BC/1 report (another regime) → FORM_MISMATCH",
      ],
    },
    DOI_QL_ATTP_5: {
      data: { period: "Q1", reportDate: { year: 2025, month: 3, day: 14 } },
      consolidation: "PERIOD_MISMATCH",
      note: [
        "Gửi lại báo cáo quý I → PERIOD_MISMATCH",
        "Resent the first quarter's report → PERIOD_MISMATCH",
      ],
    },
    DOI_QL_ATTP_6: {
      data: { reportDate: { year: 2025, month: 6, day: 18 } },
      patch: (c) => ({
        HS_XIN_LOI: [null, Math.max(0, Number(c.HS_TRE_HAN?.[1] ?? 0) - 1)],
        HS_TRE_HAN: [null, Math.max(1, Number(c.HS_TRE_HAN?.[1] ?? 0))],
      }),
      note: [
        "Gửi ngày 18/6/2025, sau hạn 15/6 → trễ hạn; một hồ sơ trễ chưa được xin lỗi → không đạt",
        "Dated 18 June 2025, after the 15 June deadline → late; one late file without an apology → short",
      ],
    },
    VAN_PHONG_SO: {
      patch: (c) => ({ VON_GIAI_NGAN: [null, Math.round(Number(c.VON_KE_HOACH?.[1] ?? 0) * 0.95)] }),
      data: {
        texts: {
          MO_HINH_HAY:
            "Tổ chức “Ngày thứ Bảy không hẹn” tiếp nhận và trả kết quả hồ sơ cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.",
        },
      },
      note: [
        "Giải ngân đúng 95% vốn: chỉ tiêu “trên 95%” chỉ đánh giá ở báo cáo năm, quý này ghi để theo dõi (ở báo cáo năm sẽ là không đạt); có mô hình hay",
        "Exactly 95% of the budget disbursed: the “above 95%” target is judged in the year's report only, this quarter shows it as progress (a year's report would be short); a good practice filled",
      ],
    },
    TT_KIEM_NGHIEM: {
      data: {
        texts: { KHO_KHAN: "Thiết bị kiểm nghiệm xuống cấp; chưa có kinh phí thay thế trong năm 2025." },
      },
    },
  };

  const samples: CchcSample[] = [];
  for (const u of CCHC_UNITS) {
    if (MISSING.has(u.code)) continue;
    const sp = SPECIALS[u.code] ?? {};
    const base = counts(u);
    const c: Counts = { ...base, PAKN_XU_LY: [null, base.PAKN_TONG?.[1] ?? 0], ...(sp.patch?.(base) ?? {}) };
    const data: ReportData = {
      unit: u.code,
      name: u.name,
      type: u.type,
      period: "Q2",
      year: 2025,
      reportDate: { year: 2025, month: 6, day: int(4, 15) },
      counts: c,
      taskStatuses: CCHC_PROFILE.form.tasks.map(() => (rng() < 0.7 ? "Đang thực hiện" : "Hoàn thành")),
      preparer: "Nguyễn Thị Thu Hà",
      ...sp.data,
    };
    const bytes = sp.kl226
      ? writeXlsx(
          reportSpec(
            {
              unit: u.code,
              name: u.name,
              type: u.type,
              period: "6T",
              year: 2025,
              reportDate: { year: 2025, month: 6, day: 5 },
            },
            [],
            DEFAULT_PROFILE,
          ),
        )
      : writeXlsx(reportSpec(data, sp.edits ?? [], CCHC_PROFILE));
    samples.push({
      file: `${u.code}.xlsx`,
      unit: u,
      bytes,
      errors: sp.errors ?? [],
      warnings: sp.warnings ?? [],
      consolidation: sp.consolidation,
      note: sp.note,
    });
  }
  return { samples, units: CCHC_UNITS, missing: MISSING };
}
