// Generates samples/: ~60 Thanh Hóa unit reports for "6 tháng 2026" (good, clerk-typed and deliberately bad), roster.csv,
// the units of one department (cap-so/SO_GIAO_DUC_DT/, which reports through its roll-up) and README.md; deterministic.
// Run: npx tsx scripts/make-samples.ts   (re-running gives byte-identical files; it checks every file's intended findings)

// fflate writes zip timestamps with local-time getters: pin the zone so the bytes do not depend on the machine.
process.env.TZ = "UTC";

import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspectBytes } from "../src/app/inspect";
import { UNIT_TYPES, type UnitTypeId } from "../src/core/catalogue";
import type { FindingCode } from "../src/core/findings";
import { compareDates } from "../src/core/dates";
import { parseDeadline } from "../src/core/deadlines";
import { DEFAULT_PROFILE } from "../src/core/profile";
import type { CellInput } from "../src/core/sheetspec";
import { createNodeDecoder } from "../src/xlsx/node-inflate";
import { writeXlsx } from "../src/xlsx/write";
import { reportSpec, type Edit, type ReportData } from "../test/helpers/report-builder";
import { mulberry32 } from "../test/helpers/prng";
import { CCHC_PROFILE, makeCchcSamples, type CchcSample } from "./samples-cchc";
import type { Profile } from "../src/core/profile";

const ROOT = join(__dirname, "..", "samples");
const DIR = join(ROOT, "2026-6T");
/** Department folders: each one's units are consolidated and rolled up by `kl226 demo` (src/cli/demo-command.ts). */
const DEPARTMENTS = join(ROOT, "cap-so");
/** The CCHC-BC/2025 regime (seed 001): consolidated apart by `kl226 demo` with the hcm-attp-cchc-2025 profile. */
const CCHC_DIR = join(ROOT, "cchc");

// ---------------------------------------------------------------- PRNG (mulberry32)
const rng = mulberry32(226_2026);
const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const real = (lo: number, hi: number): number => lo + rng() * (hi - lo);
const chance = (p: number): boolean => rng() < p;
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

// ---------------------------------------------------------------- units
interface Unit {
  readonly code: string;
  readonly name: string;
  readonly type: UnitTypeId;
}
const so = (code: string, name: string): Unit => ({ code, name, type: "SO_NGANH" });
const xa = (code: string, name: string): Unit => ({ code, name, type: "UBND_XA" });
const sn = (code: string, name: string): Unit => ({ code, name, type: "SU_NGHIEP" });

const UNITS: readonly Unit[] = [
  so("SO_NOI_VU", "Sở Nội vụ"),
  so("SO_TAI_CHINH", "Sở Tài chính"),
  so("SO_Y_TE", "Sở Y tế"),
  so("SO_GIAO_DUC_DT", "Sở Giáo dục và Đào tạo"),
  so("SO_TU_PHAP", "Sở Tư pháp"),
  so("SO_KHOA_HOC_CN", "Sở Khoa học và Công nghệ"),
  so("SO_VAN_HOA_TTDL", "Sở Văn hóa, Thể thao và Du lịch"),
  so("SO_XAY_DUNG", "Sở Xây dựng"),
  so("SO_NONG_NGHIEP_MT", "Sở Nông nghiệp và Môi trường"),
  so("SO_CONG_THUONG", "Sở Công Thương"),
  so("SO_NGOAI_VU", "Sở Ngoại vụ"),
  so("SO_DAN_TOC_TON_GIAO", "Sở Dân tộc và Tôn giáo"),
  so("THANH_TRA_TINH", "Thanh tra tỉnh"),
  so("VP_UBND_TINH", "Văn phòng UBND tỉnh"),
  so("VP_DOAN_DBQH_HDND", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"),
  so("BQL_KKT_NGHI_SON", "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp"),
  so("BQL_DU_AN_DD_CN", "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"),
  so("BCH_QUAN_SU_TINH", "Bộ Chỉ huy Quân sự tỉnh (khối hành chính)"),
  so("CUC_THUE_TINH", "Thuế tỉnh Thanh Hóa"),
  so("KHO_BAC_KV_XI", "Kho bạc Nhà nước khu vực XI"),
  xa("PHUONG_HAC_THANH", "Phường Hạc Thành"),
  xa("PHUONG_DONG_QUANG", "Phường Đông Quang"),
  xa("PHUONG_DONG_SON", "Phường Đông Sơn"),
  xa("PHUONG_DONG_TIEN", "Phường Đông Tiến"),
  xa("PHUONG_HAM_RONG", "Phường Hàm Rồng"),
  xa("PHUONG_NGUYET_VIEN", "Phường Nguyệt Viên"),
  xa("PHUONG_SAM_SON", "Phường Sầm Sơn"),
  xa("PHUONG_NAM_SAM_SON", "Phường Nam Sầm Sơn"),
  xa("PHUONG_BIM_SON", "Phường Bỉm Sơn"),
  xa("PHUONG_QUANG_TRUNG", "Phường Quang Trung"),
  xa("PHUONG_NGOC_SON", "Phường Ngọc Sơn"),
  xa("PHUONG_TAN_DAN", "Phường Tân Dân"),
  xa("PHUONG_HAI_LINH", "Phường Hải Lĩnh"),
  xa("PHUONG_TINH_GIA", "Phường Tĩnh Gia"),
  xa("PHUONG_DAO_DUY_TU", "Phường Đào Duy Từ"),
  xa("PHUONG_NGHI_SON", "Phường Nghi Sơn"),
  xa("XA_QUANG_PHU", "Xã Quảng Phú"),
  xa("XA_THO_XUAN", "Xã Thọ Xuân"),
  xa("XA_HOANG_HOA", "Xã Hoằng Hóa"),
  xa("XA_HAU_LOC", "Xã Hậu Lộc"),
  xa("XA_NGA_SON", "Xã Nga Sơn"),
  xa("XA_HA_TRUNG", "Xã Hà Trung"),
  xa("XA_VINH_LOC", "Xã Vĩnh Lộc"),
  xa("XA_YEN_DINH", "Xã Yên Định"),
  xa("XA_THIEU_HOA", "Xã Thiệu Hóa"),
  xa("XA_TRIEU_SON", "Xã Triệu Sơn"),
  xa("XA_NONG_CONG", "Xã Nông Cống"),
  xa("XA_NGOC_LAC", "Xã Ngọc Lặc"),
  xa("XA_CAM_THUY", "Xã Cẩm Thủy"),
  xa("XA_THACH_THANH", "Xã Thạch Thành"),
  xa("XA_NHU_THANH", "Xã Như Thanh"),
  xa("XA_THUONG_XUAN", "Xã Thường Xuân"),
  xa("XA_LANG_CHANH", "Xã Lang Chánh"),
  xa("XA_BA_THUOC", "Xã Bá Thước"),
  xa("XA_QUAN_HOA", "Xã Quan Hóa"),
  xa("XA_QUAN_SON", "Xã Quan Sơn"),
  xa("XA_MUONG_LAT", "Xã Mường Lát"),
  xa("XA_PU_NHI", "Xã Pù Nhi"),
  sn("DH_HONG_DUC", "Trường Đại học Hồng Đức"),
  sn("DH_VHTTDL", "Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa"),
  sn("BAO_PTTH_THANH_HOA", "Báo và Phát thanh, Truyền hình Thanh Hóa"),
  sn("TT_PVHCC_TINH", "Trung tâm Phục vụ hành chính công tỉnh"),
  sn("QUY_DTPT_TINH", "Quỹ Đầu tư phát triển tỉnh Thanh Hóa"),
];

/** On the roster; its report is the roll-up of its own units (cap-so/SO_GIAO_DUC_DT/), made by kl226 demo. */
const VIA_ROLLUP = new Set(["SO_GIAO_DUC_DT"]);

const phong = (code: string, name: string): Unit => ({ code, name, type: "PHONG_THUOC_SO" });
/** The units of Sở Giáo dục và Đào tạo that report to it (its own roster). */
const DEPARTMENT_UNITS: readonly Unit[] = [
  phong("GDDT_VAN_PHONG", "Văn phòng Sở Giáo dục và Đào tạo"),
  phong("GDDT_PHONG_TRUNG_HOC", "Phòng Giáo dục Trung học"),
  phong("GDDT_PHONG_KH_TC", "Phòng Kế hoạch - Tài chính"),
  sn("THPT_CHUYEN_LAM_SON", "Trường THPT chuyên Lam Sơn"),
  sn("THPT_DAO_DUY_TU", "Trường THPT Đào Duy Từ"),
  sn("THPT_HAM_RONG", "Trường THPT Hàm Rồng"),
  sn("THPT_HAU_LOC_1", "Trường THPT Hậu Lộc 1"),
  sn("TT_GDTX_TINH", "Trung tâm Giáo dục thường xuyên tỉnh Thanh Hóa"),
];
/** On the department's roster, but sent nothing to it. */
const DEPARTMENT_MISSING = new Set(["THPT_HAU_LOC_1"]);

/** On the roster, but sent nothing. */
const MISSING = new Set(["SO_NGOAI_VU", "XA_MUONG_LAT", "XA_PU_NHI", "DH_VHTTDL"]);
/** Sent a report, but is not on the roster (it reports through Sở Y tế). */
const UNKNOWN: Unit = sn("BV_DA_KHOA_TINH", "Bệnh viện Đa khoa tỉnh Thanh Hóa");

// ---------------------------------------------------------------- values
type Pair = readonly [CellInput, CellInput];
const at = (c: Counts, code: string): Pair => c[code] ?? [null, null];
type CountCode = string;
type IndicatorId = string;
type Counts = Record<CountCode, Pair>;

const SHORTABLE: readonly IndicatorId[] = [
  "ONLINE_RATIO",
  "ONLINE_RATIO",
  "MEETING_REDUCTION",
  "MEETING_REDUCTION",
  "DOC_REDUCTION",
  "DOC_REDUCTION",
  "TTHC_DIGITAL_RATIO",
  "DIGITIZATION_RATIO",
  "EDOC_RATIO",
  "OVERTIME_MEETINGS",
  "OVERTIME_MEETINGS",
  "DIGITAL_SKILLS_RATIO",
  "DIGITAL_SKILLS_RATIO",
];

function chooseShortfalls(): Set<IndicatorId> {
  const out = new Set<IndicatorId>();
  if (chance(0.5)) return out;
  const n = chance(0.7) ? 1 : 2;
  while (out.size < n) out.add(pick(SHORTABLE));
  return out;
}

/** cur after a reduction: met means (prev − cur)/prev ≥ t exactly; short means 0 < reduction < t. */
function reduced(prev: number, t: number, short: boolean): number {
  const tenths = Math.round(t * 100);
  if (short) {
    let cur = prev - Math.max(1, Math.round(prev * real(0.05, 0.09)));
    while ((prev - cur) * 100 >= tenths * prev) cur++;
    return cur;
  }
  let cur = Math.floor(prev * (1 - real(t, t + 0.14)));
  while ((prev - cur) * 100 < tenths * prev) cur--;
  return cur;
}

/** part of whole: met means part/whole ≥ t exactly (t in hundredths); short below it. */
function partOf(whole: number, t: number, short: boolean, lo: number, hi: number): number {
  const h = Math.round(t * 100);
  if (whole === 0) return 0;
  if (short) {
    let part = Math.floor(whole * real(lo, hi));
    while (part * 100 >= h * whole) part--;
    return Math.max(0, part);
  }
  let part = Math.min(whole, Math.ceil(whole * real(t, Math.max(t, hi))));
  while (part * 100 < h * whole) part++;
  return part;
}

interface Scale {
  readonly hn: readonly [number, number];
  readonly vb: readonly [number, number];
  readonly tthc: readonly [number, number];
  readonly docs: readonly [number, number];
  readonly staff: readonly [number, number];
}
const SCALES: Record<UnitTypeId, Scale> = {
  SO_NGANH: { hn: [40, 130], vb: [450, 2400], tthc: [300, 18000], docs: [4000, 22000], staff: [45, 180] },
  UBND_XA: { hn: [24, 60], vb: [260, 900], tthc: [700, 6500], docs: [1500, 6000], staff: [36, 68] },
  SU_NGHIEP: { hn: [12, 32], vb: [90, 320], tthc: [0, 0], docs: [800, 3200], staff: [40, 260] },
  PHONG_THUOC_SO: { hn: [10, 30], vb: [60, 200], tthc: [0, 500], docs: [500, 2000], staff: [10, 40] },
};

function makeCounts(type: UnitTypeId, shorts: ReadonlySet<IndicatorId>, meetingTotal?: number): Counts {
  const s = SCALES[type];
  const t = Object.fromEntries(DEFAULT_PROFILE.form.indicators.map((i) => [i.id, i.target])) as Record<
    string,
    number
  >;
  const hnPrev = meetingTotal !== undefined ? meetingTotal + int(3, 6) : int(s.hn[0], s.hn[1]);
  const hnCur = meetingTotal ?? reduced(hnPrev, t.MEETING_REDUCTION!, shorts.has("MEETING_REDUCTION"));
  const online = partOf(hnCur, t.ONLINE_RATIO!, shorts.has("ONLINE_RATIO"), 0.5, 0.85);
  const overtime = shorts.has("OVERTIME_MEETINGS") ? int(1, 2) : 0;
  const vbPrev = int(s.vb[0], s.vb[1]);
  const vbCur = reduced(vbPrev, t.DOC_REDUCTION!, shorts.has("DOC_REDUCTION"));
  const tthc = s.tthc[1] === 0 ? 0 : int(s.tthc[0], s.tthc[1]);
  const tthcSo = partOf(tthc, t.TTHC_DIGITAL_RATIO!, shorts.has("TTHC_DIGITAL_RATIO"), 0.88, 1);
  const docs = int(s.docs[0], s.docs[1]);
  const digitised = partOf(docs, t.DIGITIZATION_RATIO!, shorts.has("DIGITIZATION_RATIO"), 0.9, 1);
  const plain = Math.round(docs * real(0.55, 0.75));
  const edoc = shorts.has("EDOC_RATIO") ? Math.floor(plain * real(0.96, 0.995)) : plain;
  const staff = int(s.staff[0], s.staff[1]);
  const skilled = shorts.has("DIGITAL_SKILLS_RATIO") ? Math.floor(staff * real(0.7, 0.95)) : staff;
  // Optional inputs a unit may leave blank (never the one it is short on, so the shortfall shows).
  const noPrev = chance(0.3);
  const prev = (v: number): CellInput => (noPrev ? null : v);
  const blankEdoc = !shorts.has("EDOC_RATIO") && chance(type === "UBND_XA" ? 0.25 : 0.12);
  const blankStaff = !shorts.has("DIGITAL_SKILLS_RATIO") && chance(0.15);
  const blankCut = chance(type === "SO_NGANH" ? 0.2 : 0.6);
  const plainPrev = Math.round(plain * real(0.85, 1.05));
  const tthcPrev = Math.round(tthc * real(0.85, 1.1));
  const docsPrev = Math.round(docs * real(0.85, 1.1));
  return {
    HN_TONG: [hnPrev, hnCur],
    HN_TRUC_TUYEN: [prev(Math.floor(hnPrev * real(0.3, 0.6))), online],
    HN_VUOT_THOI_LUONG: [prev(int(0, 4)), overtime],
    VB_HANH_CHINH: [vbPrev, vbCur],
    TTHC_TONG: [prev(tthcPrev), tthc],
    TTHC_SO: [prev(Math.floor(tthcPrev * real(0.8, 0.95))), tthcSo],
    VB_TONG: [prev(docsPrev), docs],
    VB_SO_HOA: [prev(Math.floor(docsPrev * real(0.75, 0.95))), digitised],
    VB_KHONG_MAT: blankEdoc ? [null, null] : [prev(plainPrev), plain],
    VB_DIEN_TU: blankEdoc ? [null, null] : [prev(Math.floor(plainPrev * real(0.9, 1))), edoc],
    CC_TONG: blankStaff ? [null, null] : [prev(staff + int(-3, 5)), staff],
    CC_KY_NANG_SO: blankStaff ? [null, null] : [prev(Math.floor(staff * real(0.3, 0.7))), skilled],
    TTHC_CAT_GIAM: blankCut ? [null, null] : [prev(int(0, 6)), type === "SO_NGANH" ? int(0, 12) : int(0, 2)],
  };
}

/** 12345 → "12.345" (Vietnamese thousands separator). */
function viNumber(v: CellInput): CellInput {
  return typeof v === "number" ? v.toFixed(0).replace(/\B(?=(\d{3})+$)/g, ".") : v;
}

// ---------------------------------------------------------------- tasks
const DONE = "Hoàn thành";
const DOING = "Đang thực hiện";
const TODO = "Chưa thực hiện";
const DONE_LATE = "Hoàn thành quá hạn";

function taskStatuses(): string[] {
  return DEFAULT_PROFILE.form.tasks.map((task) => {
    const d = task.deadline;
    if (d.startsWith("Thường xuyên") || d.startsWith("Hàng năm")) return chance(0.85) ? DOING : DONE;
    if (d.startsWith("Theo")) return chance(0.5) ? DONE : DOING;
    const r = rng();
    // Done late only when the deadline has passed by the round's first report date: otherwise the
    // report says TASK_STATUS ("cannot be late yet"), which no sample is meant to show.
    const due = parseDeadline(d);
    const late = due.kind === "date" && compareDates(due.date, FIRST_REPORT_DAY) < 0;
    return r < 0.2 ? DONE : r < 0.25 ? (late ? DONE_LATE : DONE) : r < 0.8 ? DOING : TODO;
  });
}

/** The earliest report date of the 6T/2026 samples. */
const FIRST_REPORT_DAY = { year: 2026, month: 6, day: 1 } as const;

const DOC_KINDS = ["KH", "QĐ", "CV", "TB", "BC"] as const;

function abbreviation(unit: Unit): string {
  return unit.code
    .split("_")
    .filter((w) => w.length > 0)
    .map((w) => w[0])
    .join("");
}

function taskEdits(unit: Unit, statuses: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  statuses.forEach((s, i) => {
    const row = 5 + i;
    if (s === DONE || s === DONE_LATE) {
      const kind = pick(DOC_KINDS);
      const text = `Đã ban hành văn bản số ${int(12, 480)}/${kind}-${abbreviation(unit)} ngày ${int(2, 28)}/${int(1, 5)}/2026`;
      edits.push({ op: "set", sheet: "Nhiệm vụ", cell: `H${row}`, value: text });
    } else if (s === DOING && chance(0.4)) {
      edits.push({
        op: "set",
        sheet: "Nhiệm vụ",
        cell: `H${row}`,
        value: "Đang triển khai, sẽ báo cáo kết quả trong báo cáo năm",
      });
    }
  });
  return edits;
}

/** Tasks a unit added itself, below the 12 of the profile. */
function ownTasks(unit: Unit, tasks: ReadonlyArray<readonly [string, string, string]>): Edit[] {
  const first = 5 + DEFAULT_PROFILE.form.tasks.length;
  return tasks.flatMap(([content, deadline, status], i) => {
    const row = first + i;
    return [
      { op: "set", sheet: "Nhiệm vụ", cell: `A${row}`, value: DEFAULT_PROFILE.form.tasks.length + i + 1 },
      { op: "set", sheet: "Nhiệm vụ", cell: `B${row}`, value: content },
      { op: "set", sheet: "Nhiệm vụ", cell: `C${row}`, value: unit.name },
      { op: "set", sheet: "Nhiệm vụ", cell: `F${row}`, value: deadline },
      { op: "set", sheet: "Nhiệm vụ", cell: `G${row}`, value: status },
    ] satisfies Edit[];
  });
}

// ---------------------------------------------------------------- meeting logs
type Meeting = readonly [string, string, string, number | string];
const MEETING_NAMES = [
  "Hội nghị quán triệt Kết luận số 226-KL/TW",
  "Họp giao ban công tác tháng",
  "Hội nghị sơ kết công tác quý I/2026",
  "Họp triển khai chuyển đổi số",
  "Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ",
  "Họp Ban Chỉ đạo cải cách hành chính",
  "Hội nghị đối thoại với Nhân dân",
  "Họp chuyên đề giải quyết thủ tục hành chính",
  "Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội",
  "Họp rà soát kế hoạch 6 tháng",
];

/** A log of `total` meetings, of which `online` are online or hybrid and `overtime` are longer than allowed. */
function meetingLog(total: number, online: number, overtime: number): Meeting[] {
  return Array.from({ length: total }, (_, i): Meeting => {
    const name = `${MEETING_NAMES[i % MEETING_NAMES.length]!}${i >= MEETING_NAMES.length ? ` (lần ${Math.floor(i / MEETING_NAMES.length) + 1})` : ""}`;
    const form = i < online ? (i % 3 === 0 ? "Kết hợp" : "Trực tuyến") : "Trực tiếp";
    if (i >= total - overtime) return [name, "Quán triệt", form, 1];
    const type = i % 4 === 0 ? "Quán triệt" : i % 7 === 3 ? "Quan trọng" : "Chuyên môn";
    const days = type === "Quán triệt" ? 0.5 : type === "Quan trọng" ? pick([1, 1.5]) : pick([0.5, 1]);
    return [name, type, form, days];
  });
}

function meetingDates(count: number): Edit[] {
  return Array.from({ length: count }, (_, i): Edit => ({
    op: "set",
    sheet: "Hội nghị",
    cell: `E${5 + i}`,
    value: { date: { year: 2026, month: 1 + Math.floor((i * 5) / Math.max(1, count)), day: int(2, 27) } },
  }));
}

// ---------------------------------------------------------------- people
const SURNAMES = [
  "Nguyễn",
  "Lê",
  "Trịnh",
  "Phạm",
  "Hoàng",
  "Đỗ",
  "Vũ",
  "Mai",
  "Lê Thị",
  "Nguyễn Thị",
  "Trần",
  "Hà",
];
const GIVEN = [
  "Hương",
  "Minh",
  "Thảo",
  "Tuấn",
  "Lan Anh",
  "Quang",
  "Hà",
  "Trang",
  "Dũng",
  "Ngọc",
  "Hải",
  "Phương",
];

function contactEdits(unit: Unit): { preparer: string; email?: string; edits: Edit[] } {
  const preparer = `${pick(SURNAMES)} ${pick(GIVEN)}`;
  const phone = `0237.${int(3700000, 3899999)}`;
  const slug = unit.code.toLowerCase().replace(/_/g, "");
  const email = chance(0.7) ? `vanthu.${slug}@thanhhoa.gov.vn` : undefined;
  return {
    preparer,
    email,
    edits: chance(0.8) ? [{ op: "set", sheet: "Thông tin", cell: "C12", value: phone }] : [],
  };
}

// ---------------------------------------------------------------- scenarios
interface Sample {
  readonly file: string;
  readonly unit: Unit;
  readonly bytes: Uint8Array;
  /** Error codes `kl226 validate` must report (empty: the file is valid). */
  readonly errors: readonly FindingCode[];
  /** Warning codes that must be among its findings. */
  readonly warnings: readonly FindingCode[];
  /** What consolidation should say about it beyond validation. */
  readonly consolidation?: FindingCode;
  /** One line for README (Vietnamese / English); only for files that show something. */
  readonly note?: readonly [string, string];
  readonly late?: boolean;
}

interface Special {
  data?: Partial<ReportData>;
  edits?: Edit[];
  countsPatch?: Partial<Counts> | ((generated: Counts) => Partial<Counts>);
  meetings?: { total: number; logged?: number; overtimeInLog?: number };
  ownTasks?: ReadonlyArray<readonly [string, string, string]>;
  postEdits?: Edit[];
  bytes?: (good: Uint8Array) => Uint8Array;
  file?: string;
  errors?: FindingCode[];
  warnings?: FindingCode[];
  consolidation?: FindingCode;
  note?: readonly [string, string];
  shorts?: IndicatorId[];
}

const LATE: Record<string, number> = {
  SO_VAN_HOA_TTDL: 10,
  PHUONG_TINH_GIA: 7,
  XA_QUAN_HOA: 8,
  XA_BA_THUOC: 9,
};

const SPECIALS: Record<string, Special> = {
  // -------- clerk-typed, still valid
  SO_TAI_CHINH: {
    // As typed by a clerk: Vietnamese thousands dots, and a count with spaces around it.
    countsPatch: (c) => ({
      TTHC_TONG: [viNumber(at(c, "TTHC_TONG")[0]), viNumber(at(c, "TTHC_TONG")[1])],
      HN_TONG: [` ${String(at(c, "HN_TONG")[0])} `, at(c, "HN_TONG")[1]],
    }),
    warnings: ["COERCED"],
    note: [
      "Số gõ dạng chữ có dấu chấm hàng nghìn (vd “12.345”) và có dấu cách (vd “ 84 ”) → cảnh báo COERCED, vẫn hợp lệ",
      "Counts typed as text with thousands dots (e.g. “12.345”) and spaces (e.g. “ 84 ”) → COERCED warnings, still valid",
    ],
  },
  XA_HOANG_HOA: {
    data: { name: "Xã Hoằng Hóa".normalize("NFD") },
    note: [
      "Tên đơn vị lưu dạng Unicode NFD (dấu tổ hợp) → đọc như NFC",
      "Unit name stored in NFD Unicode → read as NFC",
    ],
  },
  SO_TU_PHAP: {
    postEdits: [
      {
        op: "insertRow",
        sheet: "Chỉ tiêu",
        row: 8,
        cells: [null, "Ghi chú: số hội nghị tính cả các cuộc họp giao ban cơ quan hằng tuần"],
      },
    ],
    note: [
      "Chèn thêm một dòng ghi chú trong trang Chỉ tiêu → vẫn đọc đúng theo mã cột A",
      "A note row inserted in Chỉ tiêu → rows still found by their code",
    ],
  },
  PHUONG_HAC_THANH: {
    note: [
      "HN_TONG là công thức =SUM(G5:H5) (trực tiếp + trực tuyến) có giá trị lưu sẵn",
      "HN_TONG is the formula =SUM(G5:H5) (in person + online) with a cached value",
    ],
  },
  XA_YEN_DINH: {
    data: { reportDate: "05/06/2026" },
    note: ["Ngày báo cáo gõ dạng chữ “05/06/2026”", "Report date typed as text “05/06/2026”"],
  },
  XA_THO_XUAN: {
    meetings: { total: 14 },
    note: [
      "Có sổ theo dõi hội nghị khớp với Chỉ tiêu, không cảnh báo",
      "Meeting log that matches Chỉ tiêu, no warnings",
    ],
  },
  PHUONG_SAM_SON: {
    meetings: { total: 16, overtimeInLog: 1 },
    shorts: ["OVERTIME_MEETINGS"],
    warnings: ["MEETING_TOO_LONG"],
    note: [
      "Sổ hội nghị có một hội nghị quán triệt 1 ngày → MEETING_TOO_LONG (cảnh báo)",
      "Meeting log with a 1-day briefing → MEETING_TOO_LONG (warning)",
    ],
  },
  XA_THIEU_HOA: {
    meetings: { total: 18, logged: 11 },
    warnings: ["LOG_MISMATCH"],
    note: [
      "Sổ hội nghị chưa đủ (11/18 dòng) → LOG_MISMATCH (cảnh báo)",
      "Incomplete meeting log (11 of 18 rows) → LOG_MISMATCH (warning)",
    ],
  },
  SO_NOI_VU: {
    ownTasks: [
      ["Ban hành Kế hoạch triển khai Kết luận 226-KL/TW của Sở", "Tháng 3/2026", DONE],
      ["Tổ chức tập huấn cho văn thư các xã, phường về báo cáo KL226", "Tháng 5/2026", DOING],
    ],
    note: [
      "Tự thêm nhiệm vụ; một nhiệm vụ hạn Tháng 5/2026 đang thực hiện → quá hạn",
      "Own tasks; one due Tháng 5/2026 still in progress → overdue",
    ],
  },
  XA_CAM_THUY: {
    ownTasks: [["Rà soát, sắp xếp lại lịch họp định kỳ của UBND xã", "Tháng 3/2026", TODO]],
    note: [
      "Tự thêm nhiệm vụ hạn Tháng 3/2026, Chưa thực hiện → quá hạn",
      "Own task due Tháng 3/2026, not started → overdue",
    ],
  },
  DH_HONG_DUC: {
    ownTasks: [
      ["Số hóa hồ sơ lưu trữ giai đoạn 2020–2025", "Quý I/2026", TODO],
      ["Triển khai ký số cho toàn bộ viên chức quản lý", "Tháng 4/2026", DONE_LATE],
    ],
    note: ["Nhiệm vụ hạn Quý I/2026 chưa thực hiện → quá hạn", "Task due Quý I/2026 not started → overdue"],
  },
  // -------- deliberately bad
  SO_CONG_THUONG: {
    countsPatch: { VB_HANH_CHINH: [1320, null] },
    errors: ["MISSING_VALUE"],
    note: [
      "Bỏ trống ô bắt buộc (Chỉ tiêu!E8, văn bản hành chính kỳ này) → MISSING_VALUE",
      "Blank required cell (Chỉ tiêu!E8) → MISSING_VALUE",
    ],
  },
  XA_NONG_CONG: {
    countsPatch: { TTHC_CAT_GIAM: [1, -2] },
    errors: ["BAD_VALUE"],
    note: ["Số âm (Chỉ tiêu!E17 = −2) → BAD_VALUE", "Negative number (Chỉ tiêu!E17 = −2) → BAD_VALUE"],
  },
  PHUONG_BIM_SON: {
    countsPatch: { HN_TONG: [46, 40], HN_TRUC_TUYEN: [20, 44] },
    errors: ["INCONSISTENT"],
    note: [
      "Họp trực tuyến (44) lớn hơn tổng số hội nghị (40) → INCONSISTENT",
      "Online meetings (44) exceed all meetings (40) → INCONSISTENT",
    ],
  },
  XA_TRIEU_SON: {
    postEdits: [{ op: "removeSheet", sheet: "Nhiệm vụ" }],
    errors: ["NOT_TEMPLATE"],
    note: ["Xóa mất trang “Nhiệm vụ” → NOT_TEMPLATE", "Sheet “Nhiệm vụ” deleted → NOT_TEMPLATE"],
  },
  XA_NGA_SON: {
    bytes: () =>
      new TextEncoder().encode(
        "\ufeffMA_DON_VI,TEN_DON_VI,HN_TONG,HN_TRUC_TUYEN\r\nXA_NGA_SON,Xã Nga Sơn,38,25\r\n",
      ),
    errors: ["UNREADABLE"],
    note: ["Tệp CSV đổi đuôi thành .xlsx → UNREADABLE", "A CSV file renamed .xlsx → UNREADABLE"],
  },
  PHUONG_NGHI_SON: {
    bytes: (good) => good.slice(0, Math.floor(good.length * 0.6)),
    errors: ["UNREADABLE"],
    note: [
      "Tệp .xlsx bị cắt cụt (tải về không hết) → UNREADABLE",
      "Truncated .xlsx (incomplete download) → UNREADABLE",
    ],
  },
  SO_XAY_DUNG: {
    data: { period: "NAM", year: 2025, reportDate: { year: 2025, month: 12, day: 4 } },
    consolidation: "PERIOD_MISMATCH",
    note: [
      "Gửi nhầm báo cáo Năm 2025: hợp lệ nhưng khi tổng hợp → PERIOD_MISMATCH",
      "Sent last year's annual report (Năm 2025): valid, but PERIOD_MISMATCH in consolidation",
    ],
  },
  BV_DA_KHOA_TINH: {
    consolidation: "UNKNOWN_UNIT",
    note: [
      "Đơn vị không có trong roster.csv → UNKNOWN_UNIT (cảnh báo, vẫn tổng hợp)",
      "Unit not on roster.csv → UNKNOWN_UNIT (warning, still consolidated)",
    ],
  },
};

function build(unit: Unit, special: Special, dateDay: number): Uint8Array {
  const shorts = special.shorts ? new Set(special.shorts) : chooseShortfalls();
  const log = special.meetings;
  const counts = makeCounts(unit.type, shorts, log?.total);
  if (log) {
    // Small units keep a log; its numbers agree with Chỉ tiêu unless the scenario says otherwise.
    counts.HN_VUOT_THOI_LUONG = [at(counts, "HN_VUOT_THOI_LUONG")[0], log.overtimeInLog ?? 0];
  }
  const patch = special.countsPatch;
  Object.assign(counts, typeof patch === "function" ? patch(counts) : (patch ?? {}));
  const edits: Edit[] = [];
  let meetings: Meeting[] | undefined;
  if (log) {
    const online = Number(at(counts, "HN_TRUC_TUYEN")[1]);
    meetings = meetingLog(log.total, online, log.overtimeInLog ?? 0).slice(0, log.logged ?? log.total);
    edits.push(...meetingDates(meetings.length));
  }
  if (unit.code === "PHUONG_HAC_THANH") {
    const total = Number(at(counts, "HN_TONG")[1]);
    const online = Number(at(counts, "HN_TRUC_TUYEN")[1]);
    counts.HN_TONG = [at(counts, "HN_TONG")[0], { formula: "SUM(G5:H5)", cached: total }];
    edits.push(
      { op: "set", sheet: "Chỉ tiêu", cell: "G4", value: "Trực tiếp" },
      { op: "set", sheet: "Chỉ tiêu", cell: "H4", value: "Trực tuyến" },
      { op: "set", sheet: "Chỉ tiêu", cell: "G5", value: total - online },
      { op: "set", sheet: "Chỉ tiêu", cell: "H5", value: online },
    );
  }
  const statuses = taskStatuses();
  const contact = contactEdits(unit);
  edits.push(
    ...taskEdits(unit, statuses),
    ...contact.edits,
    ...ownTasks(unit, special.ownTasks ?? []),
    ...(special.postEdits ?? []),
  );
  const data: ReportData = {
    unit: unit.code,
    name: unit.name,
    type: unit.type,
    period: "6T",
    year: 2026,
    reportDate: { year: 2026, month: 6, day: dateDay },
    counts,
    taskStatuses: statuses,
    meetings,
    preparer: contact.preparer,
    email: contact.email,
    ...special.data,
  };
  const good = writeXlsx(reportSpec(data, edits));
  return special.bytes ? special.bytes(good) : good;
}

function makeSamples(): Sample[] {
  const out: Sample[] = [];
  const reporting = [...UNITS.filter((u) => !MISSING.has(u.code) && !VIA_ROLLUP.has(u.code)), UNKNOWN];
  for (const unit of reporting) {
    const special = SPECIALS[unit.code] ?? {};
    const late = LATE[unit.code];
    const day = late ?? int(1, 6);
    out.push({
      file: `${unit.code}.xlsx`,
      unit,
      bytes: build(unit, special, day),
      errors: special.errors ?? [],
      warnings: special.warnings ?? [],
      consolidation: special.consolidation,
      note:
        special.note ??
        (late !== undefined
          ? [
              `Gửi ngày ${late}/6/2026, sau hạn 6/6 → trễ hạn`,
              `Dated ${late} June 2026, after the 6 June deadline → late`,
            ]
          : undefined),
      late: late !== undefined,
    });
  }
  // Sở Y tế sent on 3/6, then a corrected file on 5/6: the later report date wins.
  const yte = UNITS.find((u) => u.code === "SO_Y_TE")!;
  const first = out.find((s) => s.unit.code === "SO_Y_TE")!;
  out[out.indexOf(first)] = {
    ...first,
    bytes: build(yte, { shorts: ["ONLINE_RATIO"] }, 3),
    consolidation: "DUPLICATE_UNIT",
    note: [
      "Bản gửi lần đầu (3/6/2026) → DUPLICATE_UNIT, bị thay bằng bản gửi lại",
      "First version (3 June 2026) → DUPLICATE_UNIT, replaced by the resent file",
    ],
  };
  out.push({
    file: "SO_Y_TE (gui lai).xlsx",
    unit: yte,
    bytes: build(yte, { shorts: [] }, 5),
    errors: [],
    warnings: [],
    note: [
      "Bản gửi lại (5/6/2026), ngày muộn hơn nên được dùng",
      "Resent version (5 June 2026): later date, so it is the one kept",
    ],
  });
  return out;
}

/** The department's units, all valid and on time (its roll-up reaches the province on time too). */
function makeDepartmentSamples(): Sample[] {
  return DEPARTMENT_UNITS.filter((u) => !DEPARTMENT_MISSING.has(u.code)).map((unit) => ({
    file: `${unit.code}.xlsx`,
    unit,
    bytes: build(unit, {}, int(1, 4)),
    errors: [],
    warnings: [],
  }));
}

// ---------------------------------------------------------------- roster, README
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function rosterCsv(units: ReadonlyArray<Pick<Unit, "code" | "name" | "type">>): string {
  const label = (t: UnitTypeId): string => UNIT_TYPES.find((u) => u.id === t)!.label;
  const lines = [
    "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
    ...units.map((u) => [u.code, u.name, label(u.type)].map(csvField).join(",")),
  ];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

function readme(
  samples: readonly Sample[],
  department: readonly Sample[],
  cchc: readonly CchcSample[],
  cchcMissing: ReadonlySet<string>,
): string {
  const shown = samples.filter((s) => s.note !== undefined);
  const codes = (s: Sample): string =>
    [...s.errors, ...s.warnings, ...(s.consolidation ? [s.consolidation] : [])].join(", ") || "—";
  const row = (s: Sample, lang: 0 | 1): string => `| \`${s.file}\` | ${codes(s)} | ${s.note![lang]} |`;
  const bad = (s: Sample): boolean => s.errors.length > 0 || s.consolidation !== undefined;
  const missing = UNITS.filter((u) => MISSING.has(u.code))
    .map((u) => `\`${u.code}\``)
    .join(", ");
  return `# Báo cáo mẫu KL226 · Sample submissions

Sinh bởi / generated by \`npx tsx scripts/make-samples.ts\` (cố định, chạy lại cho cùng kết quả / deterministic).
Tỉnh Thanh Hóa, kỳ **6 tháng năm 2026** (hạn 06/6/2026), ${samples.length} tệp trong \`2026-6T/\`,
danh sách đơn vị phải báo cáo / roster: \`roster.csv\` (UTF-8 BOM; ${UNITS.length} đơn vị).

\`npm run demo\` (= \`npx kl226 demo\`) tổng hợp hai cấp / consolidates in two levels:

1. **Cấp sở / department**: Sở Giáo dục và Đào tạo tổng hợp ${department.length} đơn vị trực thuộc trong \`cap-so/SO_GIAO_DUC_DT/\`
   (danh sách \`cap-so/SO_GIAO_DUC_DT/roster.csv\`, ${DEPARTMENT_UNITS.length} đơn vị; chưa nộp ${[...DEPARTMENT_MISSING].map((c) => `\`${c}\``).join(", ")})
   và lập báo cáo của Sở theo mẫu KL226-BC/1 → \`out/cap-so/SO_GIAO_DUC_DT.xlsx\`.
   The department consolidates its ${department.length} units and rolls them up into its own KL226-BC/1 report.
2. **Cấp tỉnh / province**: Sở Nội vụ tổng hợp \`2026-6T/\` cùng báo cáo của Sở GD&ĐT → \`out/tong-hop.xlsx\`, \`out/tong-hop.json\`, thư nhắc \`out/thu-nhac/\`;
   rồi kiểm tra tổng toàn tỉnh bằng tổng khi cộng trực tiếp mọi đơn vị.
   The province consolidates \`2026-6T/\` with the department's roll-up, then checks its totals equal adding every unit directly.

\`\`\`
npx kl226 validate samples/2026-6T/*.xlsx
npx kl226 consolidate samples/cap-so/SO_GIAO_DUC_DT --roster samples/cap-so/SO_GIAO_DUC_DT/roster.csv --out out/so-gddt.xlsx \\
    --as-unit SO_GIAO_DUC_DT --name "Sở Giáo dục và Đào tạo" --type SO_NGANH --rollup out/SO_GIAO_DUC_DT.xlsx
npx kl226 consolidate samples/2026-6T out/SO_GIAO_DUC_DT.xlsx --roster samples/roster.csv --out out/tong-hop.xlsx --json out/tong-hop.json
\`\`\`

Chưa nộp / missing (trong roster, không có tệp), khi tổng hợp cùng báo cáo của Sở GD&ĐT như lệnh trên: ${missing}; tổng hợp riêng \`2026-6T/\` thì thêm \`SO_GIAO_DUC_DT\`.
Missing when consolidated with the department's roll-up as above; \`2026-6T/\` alone also lists \`SO_GIAO_DUC_DT\`.
Các đơn vị còn lại: số liệu đa dạng, phần lớn đạt chỉ tiêu, một số không đạt 1–2 chỉ tiêu, một số bỏ trống chỉ tiêu không bắt buộc.
Other units: varied values, most meet most targets, some fall short on one or two, some leave optional counts blank.

## Tệp lỗi cố ý · Deliberately bad files

| tệp | mã | nội dung |
| --- | --- | --- |
${shown
  .filter(bad)
  .map((s) => row(s, 0))
  .join("\n")}

| file | code | what it demonstrates |
| --- | --- | --- |
${shown
  .filter(bad)
  .map((s) => row(s, 1))
  .join("\n")}

## Tệp hợp lệ có điểm đáng chú ý · Valid files worth a look

| tệp / file | mã / code | nội dung | what it shows |
| --- | --- | --- | --- |
${shown
  .filter((s) => !bad(s))
  .map((s) => `| \`${s.file}\` | ${codes(s)} | ${s.note![0]} | ${s.note![1]} |`)
  .join("\n")}

## Chế độ báo cáo CCHC · The CCHC regime (\`cchc/\`, mẫu CCHC-BC/2025)

Kế hoạch cải cách hành chính năm 2025 của Sở An toàn thực phẩm TP.HCM (seed 001, hồ sơ \`hcm-attp-cchc-2025\`):
${cchc.length} tệp của các phòng, đơn vị, kỳ **quý II/2025** (hạn 15/6/2025), danh sách \`cchc/roster.csv\`
(chưa nộp: ${[...cchcMissing].map((c) => `\`${c}\``).join(", ")}). \`npm run demo\` tổng hợp riêng bộ này vào \`out/cchc/\`.
The department's offices report the 2025 administrative-reform plan for the second quarter; the demo consolidates them apart.

\`\`\`
npx kl226 consolidate samples/cchc --profile hcm-attp-cchc-2025 --roster samples/cchc/roster.csv --out out/cchc/tong-hop.xlsx
\`\`\`

| tệp / file | mã / code | nội dung | what it shows |
| --- | --- | --- | --- |
${cchc
  .filter((s) => s.note !== undefined)
  .map(
    (s) =>
      `| \`${s.file}\` | ${[...s.errors, ...s.warnings, ...(s.consolidation ? [s.consolidation] : [])].join(", ") || "—"} | ${s.note![0]} | ${s.note![1]} |`,
  )
  .join("\n")}
`;
}

// ---------------------------------------------------------------- main
function check(
  samples: ReadonlyArray<Pick<Sample, "file" | "bytes" | "errors" | "warnings">>,
  profile: Profile = DEFAULT_PROFILE,
): string[] {
  const decoder = createNodeDecoder();
  const problems: string[] = [];
  for (const s of samples) {
    const r = inspectBytes(s.bytes, profile, decoder);
    const errors = [...new Set(r.findings.filter((f) => f.severity === "error").map((f) => f.code))].sort();
    const warnings = new Set(r.findings.filter((f) => f.severity === "warning").map((f) => f.code));
    const want = [...new Set(s.errors)].sort();
    if (errors.join() !== want.join())
      problems.push(`${s.file}: errors [${errors.join(", ")}], intended [${want.join(", ")}]`);
    for (const w of s.warnings) if (!warnings.has(w)) problems.push(`${s.file}: missing warning ${w}`);
    const extra = [...warnings].filter((w) => !s.warnings.includes(w));
    if (extra.length > 0) problems.push(`${s.file}: unintended warnings ${extra.join(", ")}`);
  }
  return problems;
}

function main(): void {
  const samples = makeSamples();
  const department = makeDepartmentSamples();
  const cchc = makeCchcSamples();
  const problems = [...check(samples), ...check(department), ...check(cchc.samples, CCHC_PROFILE)];
  const departmentDir = join(DEPARTMENTS, "SO_GIAO_DUC_DT");
  for (const [dir, files] of [
    [DIR, samples],
    [departmentDir, department],
    [CCHC_DIR, cchc.samples],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.endsWith(".xlsx")) rmSync(join(dir, f));
    for (const s of files) writeFileSync(join(dir, s.file), s.bytes);
  }
  writeFileSync(join(ROOT, "roster.csv"), rosterCsv(UNITS));
  writeFileSync(join(departmentDir, "roster.csv"), rosterCsv(DEPARTMENT_UNITS));
  writeFileSync(
    join(CCHC_DIR, "roster.csv"),
    rosterCsv(cchc.units.map((u) => ({ code: u.code, name: u.name, type: u.type }))),
  );
  writeFileSync(join(ROOT, "README.md"), readme(samples, department, cchc.samples, cchc.missing));
  const size = [...samples, ...department, ...cchc.samples].reduce((n, s) => n + s.bytes.length, 0);
  console.log(
    `${samples.length} files in ${DIR}, ${department.length} in ${departmentDir}, ${cchc.samples.length} in ${CCHC_DIR} (${(size / 1024).toFixed(0)} KB), rosters of ${UNITS.length}, ${DEPARTMENT_UNITS.length} and ${cchc.units.length} units`,
  );
  if (problems.length > 0) {
    console.error(`Samples do not show what they should:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main();
