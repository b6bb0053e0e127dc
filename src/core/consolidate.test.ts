// Consolidation rules of SPEC §5 on workbooks generated with the report builder.

import { GOOD_COUNTS, reportBytes, type Edit, type ReportData } from "../../test/helpers/report-builder";
import { inspectBytes } from "../app/inspect";
import { consolidate, consolidationJson, majorityPeriod, OWN_TASKS_LABEL } from "./consolidate";
import type { Submission } from "./consolidation";
import {
  otherPeriodOnlyUnits,
  sentBackUnits,
  arrivedUnderOtherCode,
  otherPeriodFiles,
  unplacedRejected,
} from "./file-fates";
import { summaryWorkbook } from "./summary";
import { DEFAULT_PROFILE, parseProfile, type Profile } from "./profile";

function parsedProfile(json: unknown): Profile {
  const r = parseProfile(json);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.profile;
}
import { UNIT_TYPES } from "./catalogue";
import { shippedProfile } from "./profiles";

let seq = 0;
function submit(
  file: string,
  data: ReportData,
  edits: readonly Edit[] = [],
  profile: Profile = DEFAULT_PROFILE,
): Submission {
  const result = inspectBytes(reportBytes(data, edits, profile), profile);
  seq += 1;
  return { file, sha256: `sha-${file}-${seq}`, result };
}

const unit = (code: string, extra: Partial<ReportData> = {}): ReportData => ({
  unit: code,
  name: `Đơn vị ${code}`,
  ...extra,
});

describe("indicator boundaries (exact judging)", () => {
  const c = consolidate(
    [
      submit("a.xlsx", unit("ONLINE_MET", { counts: { HN_TONG: [100, 35], HN_TRUC_TUYEN: [0, 21] } })),
      submit("b.xlsx", unit("ONLINE_SHORT", { counts: { HN_TONG: [100, 35], HN_TRUC_TUYEN: [0, 20] } })),
      submit("c.xlsx", unit("RED_MET", { counts: { HN_TONG: [100, 90], HN_TRUC_TUYEN: [0, 60] } })),
      submit("d.xlsx", unit("RED_SHORT", { counts: { HN_TONG: [100, 91], HN_TRUC_TUYEN: [0, 60] } })),
      submit("e.xlsx", unit("DOC_MET", { counts: { VB_HANH_CHINH: [20, 17] } })),
      submit("f.xlsx", unit("DOC_SHORT", { counts: { VB_HANH_CHINH: [20, 18] } })),
      submit("g.xlsx", unit("OVERTIME", { counts: { HN_VUOT_THOI_LUONG: [0, 3] } })),
    ],
    { profile: DEFAULT_PROFILE },
  );
  const ind = (code: string) => c.units.find((u) => u.code === code)!.indicators;

  test("21 of 35 online is exactly 60% and meets; 20 of 35 is short by ceil(0.6·35) − 20 = 1", () => {
    expect(ind("ONLINE_MET").ONLINE_RATIO).toEqual({
      value: 21 / 35,
      target: 0.6,
      comparison: ">=",
      status: "met",
      gap: 0,
    });
    expect(ind("ONLINE_SHORT").ONLINE_RATIO).toMatchObject({ status: "short", gap: 1 });
  });
  test("100 → 90 is a 10% reduction and meets; 100 → 91 is short by 91 − floor(0.9·100) = 1", () => {
    expect(ind("RED_MET").MEETING_REDUCTION).toMatchObject({ status: "met", gap: 0 });
    expect(ind("RED_SHORT").MEETING_REDUCTION).toMatchObject({ status: "short", gap: 1 });
  });
  test("20 → 17 documents is a 15% reduction and meets; 20 → 18 is short by 1", () => {
    expect(ind("DOC_MET").DOC_REDUCTION).toMatchObject({ status: "met", value: 0.15 });
    expect(ind("DOC_SHORT").DOC_REDUCTION).toMatchObject({ status: "short", gap: 18 - 17 });
  });
  test("overtime meetings: the gap is the count itself", () => {
    expect(ind("OVERTIME").OVERTIME_MEETINGS).toEqual({
      value: 3,
      target: 0,
      comparison: "<=",
      status: "short",
      gap: 3,
    });
  });
  test("one shortfall per (unit, indicator) short, with value, target and gap, sorted by unit", () => {
    expect(c.shortfalls.map((s) => `${s.unit}:${s.indicator}:${s.gap}`)).toEqual([
      "DOC_SHORT:DOC_REDUCTION:1",
      "ONLINE_SHORT:ONLINE_RATIO:1",
      "OVERTIME:OVERTIME_MEETINGS:3",
      "RED_SHORT:MEETING_REDUCTION:1",
    ]);
    expect(c.shortfalls[1]).toMatchObject({ unit: "ONLINE_SHORT", value: 20 / 35, target: 0.6 });
  });
  test("province counts of met / short / na per target", () => {
    expect(c.province.counts.ONLINE_RATIO).toEqual({ met: 6, short: 1, na: 0 });
    expect(c.province.counts.OVERTIME_MEETINGS).toEqual({ met: 6, short: 1, na: 0 });
  });
});

test("the ratio gap uses the profile's target", () => {
  const profile = parsedProfile({ targets: { ONLINE_RATIO: 0.8 } });
  const c = consolidate(
    [submit("a.xlsx", unit("X1", { counts: { HN_TONG: [100, 90], HN_TRUC_TUYEN: [0, 60] } }))],
    { profile },
  );
  // ceil(0.8·90) − 60 = 72 − 60
  expect(c.units[0]!.indicators.ONLINE_RATIO).toMatchObject({ target: 0.8, status: "short", gap: 12 });
});

test("province ratios are pooled from sums, not an average of the units' ratios", () => {
  // A: 1 of 1 online (100%); B: 50 of 100 (50%). Average 75% would meet 60%; pooled 51/101 does not.
  const c = consolidate(
    [
      submit(
        "a.xlsx",
        unit("A1", { counts: { HN_TONG: [2, 1], HN_TRUC_TUYEN: [0, 1], HN_VUOT_THOI_LUONG: [0, 0] } }),
      ),
      submit("b.xlsx", unit("B1", { counts: { HN_TONG: [200, 100], HN_TRUC_TUYEN: [0, 50] } })),
    ],
    { profile: DEFAULT_PROFILE },
  );
  expect(c.units.map((u) => u.indicators.ONLINE_RATIO!.status)).toEqual(["met", "short"]);
  expect(c.province.values.HN_TONG!).toEqual({ previous: 202, current: 101 });
  expect(c.province.values.HN_TRUC_TUYEN!.current).toBe(51);
  expect(c.province.indicators.ONLINE_RATIO!).toMatchObject({
    value: 51 / 101,
    status: "short",
    gap: Math.ceil(0.6 * 101) - 51,
  });
  expect(c.province.indicators.MEETING_REDUCTION!.value).toBeCloseTo(101 / 202);
  expect(c.province.counts.ONLINE_RATIO).toEqual({ met: 1, short: 1, na: 0 });
});

test("blank optional values are skipped in province sums, not counted as 0; none filled stays null", () => {
  const c = consolidate(
    [
      submit(
        "a.xlsx",
        unit("A1", {
          counts: {
            CC_TONG: [null, null],
            CC_KY_NANG_SO: [null, null],
            VB_KHONG_MAT: [null, null],
            VB_DIEN_TU: [null, null],
          },
        }),
      ),
      submit(
        "b.xlsx",
        unit("B1", {
          counts: {
            CC_TONG: [null, 80],
            CC_KY_NANG_SO: [null, 80],
            VB_KHONG_MAT: [null, null],
            VB_DIEN_TU: [null, null],
          },
        }),
      ),
      submit(
        "c.xlsx",
        unit("C1", {
          counts: {
            CC_TONG: [null, null],
            CC_KY_NANG_SO: [null, null],
            VB_KHONG_MAT: [null, null],
            VB_DIEN_TU: [null, 5],
          },
        }),
      ),
    ],
    { profile: DEFAULT_PROFILE },
  );
  expect(c.units.map((u) => u.indicators.DIGITAL_SKILLS_RATIO!.status)).toEqual(["na", "met", "na"]);
  expect(c.province.values.CC_TONG!).toEqual({ previous: null, current: 80 });
  expect(c.province.indicators.DIGITAL_SKILLS_RATIO!).toMatchObject({ value: 1, status: "met" });
  expect(c.province.counts.DIGITAL_SKILLS_RATIO).toEqual({ met: 1, short: 0, na: 2 });
  // Only C filled a part of EDOC_RATIO: the sum shows it, but no unit filled both inputs, so na.
  expect(c.province.values.VB_DIEN_TU!.current).toBe(5);
  expect(c.province.values.VB_KHONG_MAT!.current).toBeNull();
  expect(c.province.indicators.EDOC_RATIO!).toMatchObject({ value: null, status: "na" });
});

test("NFD names and types, numbers typed as text and formula cells by cached value", () => {
  const nfdName = "Ủy ban nhân dân xã Tân Hòa".normalize("NFD");
  const nfdType = UNIT_TYPES[1].label.normalize("NFD");
  const s = submit(
    "nfd.xlsx",
    unit("XA_TAN_HOA", {
      name: nfdName,
      counts: {
        HN_TONG: ["100", " 1.000 "],
        HN_TRUC_TUYEN: [0, { formula: "300*2", cached: 600 }],
        HN_VUOT_THOI_LUONG: [0, 0],
      },
    }),
    [{ op: "set", sheet: "Thông tin", cell: "C7", value: nfdType }],
  );
  expect(s.result.valid).toBe(true);
  const c = consolidate([s], { profile: DEFAULT_PROFILE });
  const u = c.units[0]!;
  expect(u.name).toBe("Ủy ban nhân dân xã Tân Hòa".normalize("NFC"));
  expect(u.type).toBe("UBND xã, phường");
  expect(u.values.HN_TONG!).toEqual({ previous: 100, current: 1000 });
  expect(u.values.HN_TRUC_TUYEN!.current).toBe(600);
  expect(u.indicators.ONLINE_RATIO!.status).toBe("met");
  expect(c.warnings.filter((w) => w.code === "COERCED").map((w) => w.cell)).toEqual(["D5", "E5"]);
});

describe("duplicates", () => {
  test("the later report date wins; the other is listed with DUPLICATE_UNIT", () => {
    const older = submit("z-old.xlsx", unit("SO_A", { reportDate: { year: 2026, month: 6, day: 1 } }));
    const newer = submit("a-new.xlsx", unit("SO_A", { reportDate: { year: 2026, month: 6, day: 3 } }));
    const c = consolidate([older, newer], { profile: DEFAULT_PROFILE });
    expect(c.units.map((u) => u.file)).toEqual(["a-new.xlsx"]);
    expect(c.duplicates).toHaveLength(1);
    expect(c.duplicates[0]).toMatchObject({ unit: "SO_A", kept: "a-new.xlsx", dropped: "z-old.xlsx" });
    expect(c.duplicates[0]!.finding.code).toBe("DUPLICATE_UNIT");
    expect(c.duplicates[0]!.finding.message).toBe(
      "Đơn vị SO_A đã gửi báo cáo đề ngày sau: tệp a-new.xlsx đề ngày 03/06/2026, tệp này đề ngày 01/06/2026. Báo cáo đề ngày sau được dùng; tệp này không được tổng hợp. Nếu tệp này mới là bản đúng, hãy sửa Ngày báo cáo của nó hoặc bỏ tệp kia.",
    );
    expect(c.rejected).toEqual([]);
    expect(c.sources.map((s) => s.status)).toEqual(["accepted", "duplicate"]);
  });
  test("same date: the later base file name wins, whatever the folder", () => {
    const a = submit("a-folder/zeta.xlsx", unit("SO_A"));
    const b = submit("b-folder/alpha.xlsx", unit("SO_A"));
    const c = consolidate([b, a], { profile: DEFAULT_PROFILE });
    expect(c.units[0]!.file).toBe("a-folder/zeta.xlsx");
    expect(consolidationJson(c)).toMatchObject({
      duplicates: [{ unit: "SO_A", kept: "a-folder/zeta.xlsx", dropped: "b-folder/alpha.xlsx" }],
    });
  });
  test("same date: a resend named by adding to the first name wins, whatever follows the name", () => {
    for (const [first, resend] of [
      ["in/SO_Y_TE.xlsx", "in/SO_Y_TE (gui lai).xlsx"],
      ["in/XA_A.xlsx", "in/XA_A (1).xlsx"],
      ["in/XA_B.xlsx", "in/XA_B - gui lai.xlsx"],
      ["in/XA_C.XLSX", "in/XA_C_2.xlsx"],
    ] as const) {
      const c = consolidate([submit(resend, unit("SO_A")), submit(first, unit("SO_A"))], {
        profile: DEFAULT_PROFILE,
      });
      expect([c.units[0]!.file, c.duplicates[0]!.dropped]).toEqual([resend, first]);
    }
  });
  test("a file named for another roster unit but holding this unit's code is said so, and never displaces the unit's own file", () => {
    const roster = [
      { code: "XA_AN_HOA", name: "Xã An Hòa", type: "UBND xã, phường" },
      { code: "XA_HA_TRUNG", name: "Xã Hà Trung", type: "UBND xã, phường" },
    ];
    // Hà Trung's clerk copied An Hòa's file, typed Hà Trung's figures and left An Hòa's code.
    const own = submit("in/XA_AN_HOA.xlsx", unit("XA_AN_HOA", { counts: { HN_TONG: [100, 90] } }));
    const copy = submit("in/XA_HA_TRUNG.xlsx", unit("XA_AN_HOA", { counts: { HN_TONG: [100, 70] } }));
    const c = consolidate([copy, own], { profile: DEFAULT_PROFILE, roster });
    expect(c.units.map((u) => [u.code, u.file, u.values.HN_TONG!.current])).toEqual([
      ["XA_AN_HOA", "in/XA_AN_HOA.xlsx", 90],
    ]);
    expect(c.missing.map((u) => u.code)).toEqual(["XA_HA_TRUNG"]);
    expect(c.warnings.filter((w) => w.code === "FILE_NAME_UNIT")).toMatchObject([
      {
        file: "in/XA_HA_TRUNG.xlsx",
        unit: "XA_AN_HOA",
        code: "FILE_NAME_UNIT",
        severity: "warning",
        sheet: "Thông tin",
        cell: null,
        message:
          "Tên tệp XA_HA_TRUNG.xlsx là mã của XA_HA_TRUNG (Xã Hà Trung) trong danh sách đơn vị, nhưng ô Mã đơn vị của tệp ghi XA_AN_HOA, nên tệp được tính là báo cáo của XA_AN_HOA. Nếu đây là báo cáo của Xã Hà Trung (chép từ tệp của đơn vị khác mà chưa sửa mã), đề nghị XA_HA_TRUNG sửa ô Mã đơn vị rồi gửi lại; nếu chỉ đặt nhầm tên tệp thì không cần làm gì.",
      },
    ]);
    // Dated later (the clerk put her own date on the copy), it still does not displace the unit's own file.
    const later = submit(
      "in/XA_HA_TRUNG.xlsx",
      unit("XA_AN_HOA", { reportDate: { year: 2026, month: 6, day: 6 }, counts: { HN_TONG: [100, 70] } }),
    );
    const d = consolidate([own, later], { profile: DEFAULT_PROFILE, roster });
    expect(d.units.map((u) => [u.file, u.values.HN_TONG!.current])).toEqual([["in/XA_AN_HOA.xlsx", 90]]);
    expect(d.warnings.map((w) => w.code)).toContain("FILE_NAME_UNIT");
    expect(d.duplicates.map((x) => [x.dropped, x.conflict, x.finding.message])).toEqual([
      [
        "in/XA_HA_TRUNG.xlsx",
        false,
        "Tệp này ghi mã XA_AN_HOA nhưng tên tệp là mã của XA_HA_TRUNG (Xã Hà Trung), nên không được dùng thay cho tệp XA_AN_HOA.xlsx của chính XA_AN_HOA, dù đề ngày nào; tệp này không được tổng hợp. Nếu đây là báo cáo của Xã Hà Trung, đề nghị XA_HA_TRUNG sửa ô Mã đơn vị rồi gửi lại.",
      ],
    ]);
    // Names that are no roster code ("bao-cao-6T.xlsx") say nothing.
    const plain = consolidate([submit("in/bao-cao-6T.xlsx", unit("XA_AN_HOA"))], {
      profile: DEFAULT_PROFILE,
      roster,
    });
    expect(plain.warnings.map((w) => w.code)).not.toContain("FILE_NAME_UNIT");
  });
  test("a missing unit whose code a file of another unit's code is named by is pointed at that file", () => {
    const roster = [
      { code: "SO_03", name: "Sở thứ 3", type: "Sở, ban, ngành" },
      { code: "SO_30", name: "Sở thứ 30", type: "Sở, ban, ngành" },
      { code: "SO_3", name: "Sở thứ ba", type: "Sở, ban, ngành" },
      { code: "XA_A", name: "Xã A", type: "UBND xã, phường" },
      { code: "XA_A_B", name: "Xã A B", type: "UBND xã, phường" },
    ];
    // SO_30's clerk copied SO_03's file and left its code; a resend named in words and lower case too.
    const c = consolidate(
      [
        submit("in/SO_03.xlsx", unit("SO_03", { counts: { HN_TONG: [100, 90] } })),
        submit("in/SO_30.xlsx", unit("SO_03", { counts: { HN_TONG: [100, 70] } })),
        submit("in/bao cao so_30 (gui lai).xlsx", unit("SO_03", { counts: { HN_TONG: [100, 71] } })),
        // Named for its own code, which holds XA_A: no hint for XA_A.
        submit("in/XA_A_B.xlsx", unit("XA_A_B")),
      ],
      { profile: DEFAULT_PROFILE, roster },
    );
    expect(c.missing.map((u) => u.code)).toEqual(["SO_3", "SO_30", "XA_A"]);
    // SO_3 is not in "SO_30" nor in "SO_03"; XA_A's name is the start of XA_A_B's own.
    expect([...arrivedUnderOtherCode(c)]).toEqual([
      [
        "SO_30",
        [
          { file: "SO_30.xlsx", unit: "SO_03", accepted: false },
          { file: "bao cao so_30 (gui lai).xlsx", unit: "SO_03", accepted: false },
        ],
      ],
    ]);
  });
  test("the JSON carries a missing unit's note of a file named for it under another unit's code, and no note key when none", () => {
    const roster = [
      { code: "SO_03", name: "Sở thứ 3", type: "Sở, ban, ngành" },
      { code: "SO_30", name: "Sở thứ 30", type: "Sở, ban, ngành" },
      { code: "SO_11", name: "Sở thứ 11", type: "Sở, ban, ngành" },
    ];
    const c = consolidate(
      [
        submit("in/SO_03.xlsx", unit("SO_03", { counts: { HN_TONG: [100, 90] } })),
        submit("in/bao cao so_30 (gui lai).xlsx", unit("SO_03", { counts: { HN_TONG: [100, 71] } })),
      ],
      { profile: DEFAULT_PROFILE, roster },
    );
    const json = consolidationJson(c) as Record<string, unknown>;
    // `missing` stays a list of codes (SPEC §6); the note goes beside it, for SO_30 only.
    expect(json.missing).toEqual(["SO_11", "SO_30"]);
    expect(json.missingNotes).toEqual([
      {
        unit: "SO_30",
        note: "Có tệp bao cao so_30 (gui lai).xlsx, nhưng tệp ghi mã SO_03.",
        files: [{ file: "bao cao so_30 (gui lai).xlsx", unit: "SO_03" }],
      },
    ]);
    const plain = consolidate([submit("in/SO_03.xlsx", unit("SO_03"))], { profile: DEFAULT_PROFILE, roster });
    expect(Object.keys(consolidationJson(plain))).not.toContain("missingNotes");
  });
  test("a roster unit goes by the roster's name; a file with its code and another roster unit's name is said so", () => {
    const roster = [
      { code: "BQL_DU_AN", name: "Ban Quản lý dự án đầu tư xây dựng", type: "Sở, ban, ngành" },
      { code: "PHUONG_NGHI_SON", name: "Phường Nghi Sơn", type: "UBND xã, phường" },
      { code: "SO_TC", name: "Sở Tài chính", type: "Sở, ban, ngành" },
    ];
    // BQL's clerk copied Nghi Sơn's file and changed the code, not the name; Sở Tài chính typed a short name.
    const copied = submit("in/BQL_DU_AN.xlsx", unit("BQL_DU_AN", { name: "phường  Nghi Sơn" }));
    const short = submit("in/SO_TC.xlsx", unit("SO_TC", { name: "STC" }));
    const c = consolidate([copied, short], { profile: DEFAULT_PROFILE, roster });
    expect(c.units.map((u) => [u.code, u.name])).toEqual([
      ["BQL_DU_AN", "Ban Quản lý dự án đầu tư xây dựng"],
      ["SO_TC", "Sở Tài chính"],
    ]);
    expect(c.missing.map((u) => u.code)).toEqual(["PHUONG_NGHI_SON"]);
    expect(c.warnings.filter((w) => w.code === "OTHER_UNIT_NAME")).toMatchObject([
      {
        file: "in/BQL_DU_AN.xlsx",
        unit: "BQL_DU_AN",
        code: "OTHER_UNIT_NAME",
        severity: "warning",
        sheet: "Thông tin",
        cell: "C6",
        message:
          "Tên đơn vị ghi “phường Nghi Sơn” là tên của PHUONG_NGHI_SON trong danh sách đơn vị, nhưng ô Mã đơn vị ghi BQL_DU_AN (Ban Quản lý dự án đầu tư xây dựng), nên tệp được tính là báo cáo của BQL_DU_AN và văn bản gửi BQL_DU_AN ghi tên theo danh sách. Nếu đây là báo cáo của Phường Nghi Sơn (chép từ tệp của đơn vị khác mà chưa sửa mã), đề nghị PHUONG_NGHI_SON sửa ô Mã đơn vị rồi gửi lại; nếu chỉ ghi nhầm tên thì không cần làm gì.",
      },
    ]);
    // Without a roster the name is the one typed.
    expect(consolidate([short], { profile: DEFAULT_PROFILE }).units.map((u) => u.name)).toEqual(["STC"]);
  });
  test("a code typed in words (“so nong nghiep mt”) finds the roster's code it spells: said at its cell, the file that unit's returned file, not “chưa nộp”", () => {
    const roster = [
      { code: "SO_NONG_NGHIEP_MT", name: "Sở Nông nghiệp và Môi trường", type: "Sở, ban, ngành" },
      { code: "SO_NOI_VU", name: "Sở Nội vụ", type: "Sở, ban, ngành" },
    ];
    // Its name typed short, as no roster name: the code alone finds the unit.
    const file = submit("in/nong-nghiep.xlsx", unit("so nong nghiep mt", { name: "Sở NN&MT" }));
    const c = consolidate([file], { profile: DEFAULT_PROFILE, roster });
    expect(c.rejected.map((r) => [r.file, r.unit])).toEqual([["in/nong-nghiep.xlsx", "SO_NONG_NGHIEP_MT"]]);
    expect(c.rejected[0]!.findings.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual([
      [
        "BAD_VALUE",
        "Thông tin",
        "C5",
        "Mã đơn vị “so nong nghiep mt” không hợp lệ; theo danh sách đơn vị, đó là mã SO_NONG_NGHIEP_MT (Sở Nông nghiệp và Môi trường). Sửa ô Mã đơn vị thành SO_NONG_NGHIEP_MT (viết liền, chữ in hoa không dấu, các từ nối bằng “_”), lưu rồi gửi lại.",
      ],
    ]);
    expect(c.returned.map((u) => u.code)).toEqual(["SO_NONG_NGHIEP_MT"]);
    expect(c.missing.map((u) => u.code)).toEqual(["SO_NOI_VU"]);
    // Another cell of Thông tin wrong in the same file keeps its own words: only Mã đơn vị's is told the code.
    const twice = consolidate(
      [
        submit(
          "in/nong-nghiep-2.xlsx",
          unit("so nong nghiep mt", { name: "Sở NN&MT", reportDate: "ngày 32/13/2026" }),
        ),
      ],
      { profile: DEFAULT_PROFILE, roster },
    );
    expect(twice.rejected[0]!.findings.map((f) => [f.code, f.cell, f.message.split(/[;:]/)[0]])).toEqual([
      ["BAD_VALUE", "C5", "Mã đơn vị “so nong nghiep mt” không hợp lệ"],
      [
        "BAD_VALUE",
        "C10",
        "Ngày báo cáo “ngày 32/13/2026” không hợp lệ hoặc không tồn tại. Nhập ngày dạng dd/mm/yyyy, ví dụ 05/06/2026.",
      ],
    ]);
    // Typed with its marks, as the unit's name is written: the code its words spell without them.
    const marked = consolidate([submit("in/noi-vu.xlsx", unit("Sở Nội vụ", { name: "Sở NV" }))], {
      profile: DEFAULT_PROFILE,
      roster,
    });
    expect(marked.rejected.map((r) => r.unit)).toEqual(["SO_NOI_VU"]);
    expect(marked.missing.map((u) => u.code)).toEqual(["SO_NONG_NGHIEP_MT"]);
    // Words that spell no roster code keep the message of a check without a roster.
    const other = consolidate([submit("in/x.xlsx", unit("so tai chinh", { name: "Sở TC" }))], {
      profile: DEFAULT_PROFILE,
      roster,
    });
    expect(other.rejected[0]!.unit).toBeNull();
    expect(other.rejected[0]!.findings[0]!.message).toContain("Nếu mã đơn vị được cấp là SO_TAI_CHINH");
  });

  test("found by name whatever the tone placement or a leading “UBND”, or by a code that differs only in its “_”: not an extra unit beside a missing one", () => {
    const roster = [
      { code: "XA_MUONG_LAT", name: "Xã Mường Lát", type: "UBND xã, phường" },
      {
        code: "DH_VHTTDL",
        name: "Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa",
        type: "Đơn vị sự nghiệp",
      },
      { code: "XA_PU_NHI", name: "Xã Pù Nhi", type: "UBND xã, phường" },
      // Two units whose names differ only in diacritics: neither is found by the loose name.
      { code: "XA_TAN_AN", name: "Xã Tân An", type: "UBND xã, phường" },
      { code: "XA_TAN_AN_2", name: "Xã Tấn An", type: "UBND xã, phường" },
    ];
    const c = consolidate(
      [
        submit("in/Muong Lat.xlsx", unit("XA_ML", { name: "UBND xã Mường Lát" })),
        submit(
          "in/DHVH.xlsx",
          unit("DH_VH", { name: "Trường Đại học Văn hoá, Thể thao và Du lịch Thanh Hoá" }),
        ),
        submit("in/pu-nhi.xlsx", unit("XA_PUNHI", { name: "UBND Pù Nhi" })),
        submit("in/tan-an.xlsx", unit("XA_TANAN_X", { name: "Xa Tan An" })),
      ],
      { profile: DEFAULT_PROFILE, roster },
    );
    expect(c.units.map((u) => [u.code, u.onRoster])).toEqual([
      ["DH_VHTTDL", true],
      ["XA_MUONG_LAT", true],
      ["XA_PU_NHI", true],
      ["XA_TANAN_X", false],
    ]);
    expect(c.missing.map((u) => u.code)).toEqual(["XA_TAN_AN", "XA_TAN_AN_2"]);
    const messages = new Map(
      c.warnings.filter((w) => w.code === "UNKNOWN_UNIT").map((w) => [w.unit, w.message]),
    );
    expect(messages.get("XA_MUONG_LAT")).toBe(
      "Mã đơn vị ghi XA_ML, không có trong danh sách đơn vị; tên đơn vị “UBND xã Mường Lát” là của XA_MUONG_LAT trong danh sách, nên tệp được tính là báo cáo của XA_MUONG_LAT. Đề nghị đơn vị ghi đúng mã XA_MUONG_LAT ở các lần báo cáo sau.",
    );
    expect(messages.get("DH_VHTTDL")).toContain(
      "tên đơn vị “Trường Đại học Văn hoá, Thể thao và Du lịch Thanh Hoá” là của DH_VHTTDL",
    );
    // A near code on a file whose name says another unit is not that unit (Xã Hoằng Lộc is not Xã Hoằng Hóa);
    // "Tân An" is not "Tân Ân": only the tone's placement is forgiven, not a mark.
    const near = consolidate(
      [
        submit("in/hl.xlsx", unit("XAHOANGHOA", { name: "Xã Hoằng Lộc" })),
        submit("in/ta.xlsx", unit("XA_TAN_AN", { name: "Xã Tân An" })),
      ],
      {
        profile: DEFAULT_PROFILE,
        roster: [
          { code: "XA_HOANG_HOA", name: "Xã Hoằng Hóa", type: "UBND xã, phường" },
          { code: "XA_TAN_AN1", name: "Xã Tân Ân", type: "UBND xã, phường" },
        ],
      },
    );
    expect(near.units.map((u) => [u.code, u.onRoster])).toEqual([
      ["XAHOANGHOA", false],
      ["XA_TAN_AN", false],
    ]);
    expect(near.missing.map((u) => u.code)).toEqual(["XA_HOANG_HOA", "XA_TAN_AN1"]);
    // The name “UBND Pù Nhi” is no roster name: the code alone, separators aside, finds the unit.
    expect(messages.get("XA_PU_NHI")).toBe(
      "Mã đơn vị ghi XA_PUNHI, không có trong danh sách đơn vị; mã này chỉ khác mã XA_PU_NHI trong danh sách ở dấu “_”, “.” hay “-”, nên tệp được tính là báo cáo của XA_PU_NHI. Đề nghị đơn vị ghi đúng mã XA_PU_NHI ở các lần báo cáo sau.",
    );
  });
  test("a code the roster lacks on a roster unit's name is that unit's report: counted once, never beside its corrected file", () => {
    const roster = [
      { code: "XA_QUANG_PHU", name: "Xã Quảng Phú", type: "UBND xã, phường" },
      { code: "XA_B", name: "Xã B", type: "UBND xã, phường" },
    ];
    const typo = submit(
      "in/XA_QUANG_PHU.xlsx",
      unit("XA_QUANG_PHUU", { name: "Xã Quảng Phú", counts: { HN_TONG: [100, 90] } }),
    );
    const first = consolidate([typo], { profile: DEFAULT_PROFILE, roster });
    expect(first.units.map((u) => [u.code, u.name, u.file, u.onRoster])).toEqual([
      ["XA_QUANG_PHU", "Xã Quảng Phú", "in/XA_QUANG_PHU.xlsx", true],
    ]);
    expect(first.missing.map((u) => u.code)).toEqual(["XA_B"]);
    expect(first.warnings.map((w) => [w.code, w.unit, w.cell, w.message])).toEqual([
      [
        "UNKNOWN_UNIT",
        "XA_QUANG_PHU",
        "C5",
        "Mã đơn vị ghi XA_QUANG_PHUU, không có trong danh sách đơn vị; tên đơn vị “Xã Quảng Phú” là của XA_QUANG_PHU trong danh sách, nên tệp được tính là báo cáo của XA_QUANG_PHU. Đề nghị đơn vị ghi đúng mã XA_QUANG_PHU ở các lần báo cáo sau.",
      ],
    ]);
    // The clerk corrects the code and sends the file again beside the old one: one unit, its figures once,
    // the corrected file kept even when the mistyped one bears a later date.
    for (const day of [5, 9]) {
      const old = submit(
        "in/XA_QUANG_PHU.xlsx",
        unit("XA_QUANG_PHUU", {
          name: "Xã Quảng Phú",
          reportDate: { year: 2026, month: 6, day },
          counts: { HN_TONG: [100, 90] },
        }),
      );
      const fixed = submit(
        "in/XA_QUANG_PHU-sua.xlsx",
        unit("XA_QUANG_PHU", { name: "Xã Quảng Phú", counts: { HN_TONG: [100, 90] } }),
      );
      const second = consolidate([old, fixed], { profile: DEFAULT_PROFILE, roster });
      expect(second.units.map((u) => [u.code, u.file])).toEqual([
        ["XA_QUANG_PHU", "in/XA_QUANG_PHU-sua.xlsx"],
      ]);
      expect(second.province.values.HN_TONG!.current).toBe(90);
      expect(second.warnings.map((w) => w.code)).not.toContain("UNKNOWN_UNIT");
      expect(second.duplicates.map((d) => [d.unit, d.dropped, d.finding.message])).toEqual([
        [
          "XA_QUANG_PHU",
          "in/XA_QUANG_PHU.xlsx",
          "Tệp này ghi mã XA_QUANG_PHUU, không có trong danh sách đơn vị (tên đơn vị “Xã Quảng Phú” là của XA_QUANG_PHU); XA_QUANG_PHU đã gửi tệp XA_QUANG_PHU-sua.xlsx ghi đúng mã, nên tệp này không được tổng hợp.",
        ],
      ]);
    }
    // Taken for a unit by its name alone, with other figures than the unit's own file: perhaps another
    // unit of that name (two communes of one name in two former districts), so asked, not set aside unsaid.
    const other = consolidate(
      [
        submit(
          "in/qp-khac.xlsx",
          unit("XA_QUANG_PHUU", { name: "Xã Quảng Phú", counts: { HN_TONG: [90, 70] } }),
        ),
        submit(
          "in/XA_QUANG_PHU.xlsx",
          unit("XA_QUANG_PHU", { name: "Xã Quảng Phú", counts: { HN_TONG: [100, 90] } }),
        ),
      ],
      { profile: DEFAULT_PROFILE, roster },
    );
    expect(other.duplicates.map((d) => [d.dropped, d.conflict])).toEqual([["in/qp-khac.xlsx", true]]);
    expect(other.duplicates[0]!.finding.message).toMatch(
      /Nhưng số liệu hai tệp khác nhau \(“Tổng số hội nghị, cuộc họp đã tổ chức”, cột E, kỳ này: tệp này ghi 70, tệp kia ghi 90\): nếu tệp này là báo cáo của một đơn vị khác cùng tên, hỏi lại đơn vị gửi và tổng hợp lại\.$/,
    );
    // A mistyped code on a file with errors: the unit's report was returned, not missing.
    const bad = submit(
      "in/qp.xlsx",
      unit("XA_QUANG_PHUU", { name: "Xã Quảng Phú", counts: { HN_TONG: [50, -1] } }),
    );
    const returned = consolidate([bad], { profile: DEFAULT_PROFILE, roster });
    expect(returned.returned.map((u) => u.code)).toEqual(["XA_QUANG_PHU"]);
    expect(returned.missing.map((u) => u.code)).toEqual(["XA_B"]);
    expect(returned.rejected[0]!.findings.at(-1)!.message).toMatch(
      /Khi gửi lại, đề nghị sửa ô Mã đơn vị thành XA_QUANG_PHU\.$/,
    );
    // Without a roster, or when two roster units share the name, a code is what the file says.
    const twins = [...roster, { code: "XA_QUANG_PHU_2", name: "Xã Quảng Phú", type: "UBND xã, phường" }];
    for (const options of [{}, { roster: twins }]) {
      const c = consolidate([typo], { profile: DEFAULT_PROFILE, ...options });
      expect(c.units.map((u) => u.code)).toEqual(["XA_QUANG_PHUU"]);
    }
  });
  test("a late report kept after a file of the period sent by the deadline (updated, or returned and corrected): still late (SPEC §5), with the on-time date", () => {
    const day = (d: number, extra: Partial<ReportData> = {}) =>
      unit("SO_A", { reportDate: { year: 2026, month: 6, day: d }, ...extra });
    const c = consolidate([submit("in/SO_A.xlsx", day(2)), submit("in/SO_A (cap nhat).xlsx", day(18))], {
      profile: DEFAULT_PROFILE,
    });
    expect(c.units.map((u) => [u.file, u.late, u.firstReportDate])).toEqual([
      ["in/SO_A (cap nhat).xlsx", true, { year: 2026, month: 6, day: 2 }],
    ]);
    expect(consolidationJson(c)).toMatchObject({
      units: [{ reportDate: "2026-06-18", late: true, firstReportDate: "2026-06-02" }],
    });
    // Returned on time, corrected and dated honestly after the deadline: the same as an update (a clerk
    // who kept the old date would otherwise be on time and one who did not, late).
    const corrected = consolidate(
      [
        submit("in/SO_A.xlsx", day(2, { counts: { HN_TONG: [100, -1] } })),
        submit("in/SO_A-sua.xlsx", day(18)),
      ],
      { profile: DEFAULT_PROFILE },
    );
    expect(corrected.units.map((u) => [u.late, u.firstReportDate])).toEqual([
      [true, { year: 2026, month: 6, day: 2 }],
    ]);
    // Last year's report sent by the deadline is no report of this period: plainly late.
    const wrongPeriod = consolidate(
      [submit("in/SO_A-cu.xlsx", day(2, { period: "NAM", year: 2025 })), submit("in/SO_A.xlsx", day(18))],
      { profile: DEFAULT_PROFILE, period: { kind: "6T", year: 2026 } },
    );
    expect(wrongPeriod.rejected.map((r) => r.findings[0]!.code)).toEqual(["PERIOD_MISMATCH"]);
    expect(wrongPeriod.units.map((u) => [u.late, u.firstReportDate])).toEqual([[true, undefined]]);
    expect(JSON.stringify(consolidationJson(wrongPeriod))).not.toContain("firstReportDate");
  });
  test("a file of this period with last year in Năm, sent by the deadline and returned, then corrected late: a resend, as one returned for another error", () => {
    // Sở Tư pháp filled last year's workbook again and left "Năm 2025"; dated 02/06/2026 it is this
    // half year's report (the terminal says "ghi Năm 2026"), not 2025's, and the unit is "bị trả lại".
    const day = (d: number, extra: Partial<ReportData> = {}) =>
      unit("SO_A", { reportDate: { year: 2026, month: 6, day: d }, ...extra });
    const c = consolidate(
      [submit("in/SO_A.xlsx", day(2, { year: 2025 })), submit("in/SO_A (1).xlsx", day(12))],
      { profile: DEFAULT_PROFILE, period: { kind: "6T", year: 2026 } },
    );
    expect(c.rejected.map((r) => r.findings[0]!.message)).toEqual([
      expect.stringContaining("ghi Năm 2026 ở trang “Thông tin”"),
    ]);
    expect(c.units.map((u) => [u.late, u.firstReportDate])).toEqual([
      [true, { year: 2026, month: 6, day: 2 }],
    ]);
    expect(
      summaryWorkbook(c, DEFAULT_PROFILE).sheets[0]!.rows.find((r) => r[0]?.value === "SO_A")![4]?.value,
    ).toBe("Trễ hạn (bản gửi lại)");
    // Last year's own half-year report (dated in its own window) is still no sending of this period.
    const lastYears = consolidate(
      [
        submit("in/SO_A-cu.xlsx", unit("SO_A", { year: 2025, reportDate: { year: 2025, month: 6, day: 2 } })),
        submit("in/SO_A.xlsx", day(12)),
      ],
      { profile: DEFAULT_PROFILE, period: { kind: "6T", year: 2026 } },
    );
    expect(lastYears.units.map((u) => [u.late, u.firstReportDate])).toEqual([[true, undefined]]);
  });
  test("last year's own report still in the folder is no on-time sending of this one: the year's report signed in January, a half year's sent late last year", () => {
    // 2025's year report, signed on 15/01/2026 as a year's report is, is 2025's: the 2026 report of
    // 10/12/2026 is late, no resend.
    const year = consolidate(
      [
        submit(
          "in/SO_A-2025.xlsx",
          unit("SO_A", { period: "NAM", year: 2025, reportDate: { year: 2026, month: 1, day: 15 } }),
        ),
        submit(
          "in/SO_A.xlsx",
          unit("SO_A", { period: "NAM", reportDate: { year: 2026, month: 12, day: 10 } }),
        ),
      ],
      { profile: DEFAULT_PROFILE, period: { kind: "NAM", year: 2026 } },
    );
    expect(year.units.map((u) => [u.file, u.late, u.firstReportDate])).toEqual([
      ["in/SO_A.xlsx", true, undefined],
    ]);
    // Last year's half-year report, itself sent late (20/08/2025), is no sending of 2026's either.
    const half = consolidate(
      [
        submit(
          "in/SO_A-2025.xlsx",
          unit("SO_A", { year: 2025, reportDate: { year: 2025, month: 8, day: 20 } }),
        ),
        submit("in/SO_A.xlsx", unit("SO_A", { reportDate: { year: 2026, month: 6, day: 12 } })),
      ],
      { profile: DEFAULT_PROFILE, period: { kind: "6T", year: 2026 } },
    );
    expect(half.units.map((u) => [u.file, u.late, u.firstReportDate])).toEqual([
      ["in/SO_A.xlsx", true, undefined],
    ]);
  });
  test("a report dated on the deadline day itself (06/06/2026) was sent on time: updated after it, the unit keeps that on-time date", () => {
    const day = (d: number) => unit("SO_A", { reportDate: { year: 2026, month: 6, day: d } });
    const c = consolidate([submit("in/SO_A.xlsx", day(6)), submit("in/SO_A (1).xlsx", day(9))], {
      profile: DEFAULT_PROFILE,
    });
    expect(c.units.map((u) => [u.file, u.late, u.firstReportDate])).toEqual([
      ["in/SO_A (1).xlsx", true, { year: 2026, month: 6, day: 6 }],
    ]);
    expect(consolidationJson(c)).toMatchObject({
      units: [{ reportDate: "2026-06-09", late: true, firstReportDate: "2026-06-06" }],
    });
    const timeliness = summaryWorkbook(c, DEFAULT_PROFILE).sheets[0]!.rows.find(
      (r) => r[0]?.value === "SO_A",
    )![4];
    expect(timeliness?.value).toBe("Trễ hạn (bản gửi lại)");
    // The day after the deadline was no on-time report: an update of it is plainly late.
    const after = consolidate([submit("in/SO_A.xlsx", day(7)), submit("in/SO_A (1).xlsx", day(9))], {
      profile: DEFAULT_PROFILE,
    });
    expect(after.units.map((u) => [u.late, u.firstReportDate])).toEqual([[true, undefined]]);
  });
  test("same date, same figures: the message says the figures agree", () => {
    const c = consolidate([submit("in/so-a.xlsx", unit("SO_A")), submit("in/so-a (1).xlsx", unit("SO_A"))], {
      profile: DEFAULT_PROFILE,
    });
    expect(c.duplicates.map((d) => [d.kept, d.dropped, d.finding.message])).toEqual([
      [
        "in/so-a (1).xlsx",
        "in/so-a.xlsx",
        "Đơn vị SO_A đã gửi tệp so-a (1).xlsx cùng Ngày báo cáo 05/06/2026 và cùng mọi số liệu ở trang “Chỉ tiêu” và “Nhiệm vụ”; tệp đó được dùng, tệp này không được tổng hợp.",
      ],
    ]);
    expect(c.duplicates.map((d) => d.conflict)).toEqual([false]);
  });
  test("same date: the later name wins whatever the case typed (“so_a” then “SO_A (1)”, as a file list sorts them)", () => {
    const c = consolidate([submit("in/SO_A (1).xlsx", unit("SO_A")), submit("in/so_a.xlsx", unit("SO_A"))], {
      profile: DEFAULT_PROFILE,
    });
    expect(c.duplicates.map((d) => [d.kept, d.dropped])).toEqual([["in/SO_A (1).xlsx", "in/so_a.xlsx"]]);
  });
  test("same date, different figures: the message names the first count that differs and asks which file is right", () => {
    const first = submit("in/so-a-ban-1.xlsx", unit("SO_A", { counts: { HN_TONG: [100, 90] } }));
    const second = submit("in/so-a-ban-2.xlsx", unit("SO_A", { counts: { HN_TONG: [100, 95] } }));
    const c = consolidate([first, second], { profile: DEFAULT_PROFILE });
    expect(c.units[0]!.values.HN_TONG).toEqual({ previous: 100, current: 95 });
    expect(c.duplicates.map((d) => d.conflict)).toEqual([true]);
    expect(c.duplicates.map((d) => d.finding.message)).toEqual([
      "Đơn vị SO_A gửi hai báo cáo cùng Ngày báo cáo 05/06/2026 nhưng số liệu khác nhau: “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này) tệp này ghi 90, tệp so-a-ban-2.xlsx ghi 95. Khi cùng ngày, tệp có tên xếp sau theo thứ tự chữ cái (so-a-ban-2.xlsx) được dùng; hãy hỏi đơn vị tệp nào đúng, rồi bỏ tệp sai hoặc sửa Ngày báo cáo của tệp đúng cho muộn hơn.",
    ]);
  });
  test("same date, different figures, one file name in two folders (two e-mails' BaoCao.xlsx): named by their paths, the name not called the rule", () => {
    const first = submit("inbox/Email 03-06/BaoCao.xlsx", unit("SO_A", { counts: { HN_TONG: [100, 90] } }));
    const second = submit("inbox/Email 05-06/BaoCao.xlsx", unit("SO_A", { counts: { HN_TONG: [100, 95] } }));
    const c = consolidate([first, second], { profile: DEFAULT_PROFILE });
    expect(c.duplicates.map((d) => d.conflict)).toEqual([true]);
    const kept = c.units[0]!.file;
    const dropped = c.duplicates[0]!.dropped;
    expect([kept, dropped].sort()).toEqual([
      "inbox/Email 03-06/BaoCao.xlsx",
      "inbox/Email 05-06/BaoCao.xlsx",
    ]);
    const message = c.duplicates[0]!.finding.message;
    expect(message).toContain(`tệp ${kept} ghi`);
    expect(message).toContain(
      `Hai tệp cùng ngày và cùng tên nên KL226 chọn cố định một tệp theo nội dung (lần tổng hợp nào cũng chọn như nhau): tệp ${kept} được dùng, dù chưa chắc là bản gửi sau; hãy hỏi đơn vị tệp nào đúng`,
    );
    expect(message).not.toContain("thứ tự chữ cái");
    // The same two files the other way round: the same one kept (the page, which knows no folders, too).
    expect(consolidate([second, first], { profile: DEFAULT_PROFILE }).units[0]!.file).toBe(kept);
  });
  test("a date with a mistyped year that decided the choice is pointed out in the message", () => {
    const first = submit("in/so-a.xlsx", unit("SO_A", { reportDate: { year: 2026, month: 6, day: 5 } }));
    const resent = submit(
      "in/so-a gui lai.xlsx",
      unit("SO_A", { reportDate: { year: 2025, month: 6, day: 8 } }),
    );
    const c = consolidate([first, resent], { profile: DEFAULT_PROFILE });
    expect(c.units[0]!.file).toBe("in/so-a.xlsx");
    expect(c.duplicates[0]!.finding.message).toBe(
      "Đơn vị SO_A đã gửi báo cáo đề ngày sau: tệp so-a.xlsx đề ngày 05/06/2026, tệp này đề ngày 08/06/2025. Báo cáo đề ngày sau được dùng; tệp này không được tổng hợp. Nếu tệp này mới là bản đúng, hãy sửa Ngày báo cáo của nó hoặc bỏ tệp kia. Lưu ý: Ngày báo cáo 08/06/2025 của tệp so-a gui lai.xlsx có thể gõ nhầm năm, nên tệp được chọn theo ngày có thể không phải bản mới nhất.",
    );
  });
  test("three files of one unit: one kept, two dropped", () => {
    const c = consolidate(
      [1, 2, 3].map((d) =>
        submit(`f${d}.xlsx`, unit("SO_A", { reportDate: { year: 2026, month: 6, day: d } })),
      ),
      { profile: DEFAULT_PROFILE },
    );
    expect(c.units).toHaveLength(1);
    expect(c.duplicates.map((d) => [d.kept, d.dropped])).toEqual([
      ["f3.xlsx", "f1.xlsx"],
      ["f3.xlsx", "f2.xlsx"],
    ]);
  });
});

test("a report date with a mistyped year (2062) makes no open task overdue that the deadline would not", () => {
  const open = DEFAULT_PROFILE.form.tasks.map(() => "Đang thực hiện");
  const atDeadline = consolidate(
    [submit("a.xlsx", unit("SO_A", { taskStatuses: open, reportDate: "06/06/2026" }))],
    {
      profile: DEFAULT_PROFILE,
    },
  );
  const typo = consolidate(
    [submit("a.xlsx", unit("SO_A", { taskStatuses: open, reportDate: "06/06/2062" }))],
    {
      profile: DEFAULT_PROFILE,
    },
  );
  // Tasks due after 06/06/2026 (later quarters, the end of the year) are not overdue in either.
  expect(atDeadline.units[0]!.tasks.overdue).toBeLessThan(open.length);
  expect(typo.units[0]!.tasks).toEqual(atDeadline.units[0]!.tasks);
  expect(typo.tasks.map((t) => t.overdue)).toEqual(atDeadline.tasks.map((t) => t.overdue));
});

describe("period", () => {
  test("the majority period is used; a file of another period or year is rejected with PERIOD_MISMATCH", () => {
    const c = consolidate(
      [
        submit("1.xlsx", unit("U1")),
        submit("2.xlsx", unit("U2")),
        submit("6.xlsx", unit("U6")),
        // Signed early the next year: a late year's report, or a mislabelled one.
        submit("3.xlsx", unit("U3", { period: "NAM", reportDate: { year: 2027, month: 2, day: 10 } })),
        submit("4.xlsx", unit("U4", { year: 2027 })),
        // Dated when a year's report is made: the next period's own report, left among these.
        submit("5.xlsx", unit("U5", { period: "NAM", reportDate: { year: 2026, month: 12, day: 1 } })),
      ],
      { profile: DEFAULT_PROFILE },
    );
    expect(c.period).toEqual({ kind: "6T", year: 2026 });
    expect(c.units.map((u) => u.code)).toEqual(["U1", "U2", "U6"]);
    expect(c.rejected.map((r) => [r.file, r.findings[0]?.code])).toEqual([
      ["3.xlsx", "PERIOD_MISMATCH"],
      ["4.xlsx", "PERIOD_MISMATCH"],
      ["5.xlsx", "PERIOD_MISMATCH"],
    ]);
    // At the cell that differs, saying what to choose or type there.
    expect(c.rejected.map((r) => [r.findings[0]!.cell, r.findings[0]!.message])).toEqual([
      [
        "C8",
        // A year's figures never stand for the half year's: no relabelling advice.
        "Báo cáo năm 2026, không phải kỳ đang tổng hợp (6 tháng đầu năm 2026): số liệu năm 2026 không dùng thay số liệu 6 tháng đầu năm 2026 được, nên không cần sửa ô Kỳ báo cáo của tệp này. Đề nghị đơn vị lập báo cáo 6 tháng đầu năm 2026 và gửi vào đợt này; tệp này thuộc đợt tổng hợp báo cáo năm 2026.",
      ],
      [
        "C9",
        "Báo cáo 6 tháng đầu năm 2027, không phải kỳ đang tổng hợp (6 tháng đầu năm 2026). Nếu đây là báo cáo 6 tháng đầu năm 2026, ghi Năm 2026 ở trang “Thông tin”; nếu là báo cáo kỳ khác, gửi vào đợt tổng hợp của kỳ đó.",
      ],
      [
        "C8",
        "Báo cáo năm 2026, đề ngày 01/12/2026: báo cáo của kỳ sau, không phải kỳ đang tổng hợp (6 tháng đầu năm 2026), nên không tổng hợp vào kỳ này; không cần sửa ô Kỳ báo cáo của tệp này. Tệp thuộc đợt tổng hợp báo cáo năm 2026; nếu đơn vị chưa gửi báo cáo 6 tháng đầu năm 2026, đề nghị lập và gửi vào đợt này.",
      ],
    ]);
    expect(otherPeriodFiles(c)).toEqual([{ period: { kind: "NAM", year: 2026 }, files: 1 }]);
  });
  test("a unit whose only files are another period's own reports is said apart from the returned ones: this period's report is missing", () => {
    const roster = ["U1", "U5", "U7", "U8"].map((code) => ({
      code,
      name: `Đơn vị ${code}`,
      type: "Sở, ban, ngành",
    }));
    const c = consolidate(
      [
        submit("U1.xlsx", unit("U1")),
        // The year's report sent early, and last year's sent again: nothing in either to send back.
        submit("U5.xlsx", unit("U5", { period: "NAM", reportDate: { year: 2026, month: 12, day: 1 } })),
        submit(
          "U7.xlsx",
          unit("U7", { period: "NAM", year: 2025, reportDate: { year: 2025, month: 12, day: 1 } }),
        ),
        // This period's report with an error: sent back.
        submit("U8.xlsx", unit("U8", { counts: { HN_TONG: [100, -1] } })),
      ],
      { profile: DEFAULT_PROFILE, period: { kind: "6T", year: 2026 }, roster },
    );
    // SPEC §5: still returned (every file rejected), never missing.
    expect(c.returned.map((u) => [u.code, u.otherPeriods ?? null])).toEqual([
      ["U5", [{ kind: "NAM", year: 2026 }]],
      ["U7", [{ kind: "NAM", year: 2025 }]],
      ["U8", null],
    ]);
    expect(c.missing).toEqual([]);
    expect(sentBackUnits(c).map((u) => u.code)).toEqual(["U8"]);
    expect(otherPeriodOnlyUnits(c).map((u) => u.code)).toEqual(["U5", "U7"]);
    const json = consolidationJson(c) as Record<string, unknown>;
    expect([json.returned, json.otherPeriodOnly]).toEqual([
      ["U5", "U7", "U8"],
      ["U5", "U7"],
    ]);
    // The summary counts them apart and lists them in a table of their own, with each file's period.
    const texts = (name: string) =>
      summaryWorkbook(c, DEFAULT_PROFILE)
        .sheets.find((sh) => sh.name === name)!
        .rows.map((r) => r.map((x) => (x && typeof x === "object" && "value" in x ? String(x.value) : "")));
    expect(
      texts("Tổng hợp")
        .flat()
        .find((t) => t.includes("bị trả lại:")),
    ).toContain("; bị trả lại: 1 đơn vị; chỉ gửi báo cáo kỳ khác: 2 đơn vị;");
    const missingSheet = texts("Chưa nộp");
    const at = missingSheet.findIndex((r) => r[0] === "Đơn vị chỉ gửi báo cáo kỳ khác");
    expect(missingSheet.slice(at + 1, at + 5)).toEqual([
      [
        "2 đơn vị chưa có báo cáo 6 tháng đầu năm 2026: tệp đã gửi là báo cáo của kỳ khác, không tổng hợp vào kỳ này (không cần sửa tệp đó).",
      ],
      ["Mã đơn vị", "Tên đơn vị", "Trong danh sách", "Tệp đã gửi (kỳ của tệp)"],
      ["U5", "Đơn vị U5", "Có", "U5.xlsx (năm 2026)"],
      ["U7", "Đơn vị U7", "Có", "U7.xlsx (năm 2025)"],
    ]);
    const returnedAt = missingSheet.findIndex((r) => r[0] === "Đơn vị bị trả lại báo cáo");
    expect(missingSheet.slice(returnedAt + 1).map((r) => r[0])).toEqual([
      "1 đơn vị đã gửi tệp nhưng mọi tệp đều bị từ chối (lý do ở trang “Lỗi”); đây không phải là “chưa nộp”.",
      "Mã đơn vị",
      "U8",
    ]);
  });
  test("one stray valid report of another period does not outvote the rejected files of this one", () => {
    const bad = (u: string) => submit(`${u}.xlsx`, unit(u, { counts: { HN_TONG: [100, -1] } }));
    const stray = submit(
      "cu.xlsx",
      unit("SO_CU", { period: "NAM", year: 2025, reportDate: { year: 2025, month: 12, day: 1 } }),
    );
    const files = [bad("U1"), bad("U2"), bad("U3"), stray];
    expect(files.map((f) => f.result.valid)).toEqual([false, false, false, true]);
    expect(majorityPeriod(files)).toEqual({ kind: "6T", year: 2026 });
    // A tie goes to the period of the valid files.
    expect(majorityPeriod([bad("U4"), stray])).toEqual({ kind: "NAM", year: 2025 });
  });
  test("ties go to the later year, then to NAM over 6T", () => {
    const p = (kind: "6T" | "NAM", year: number) =>
      submit(`${kind}${year}-${seq}.xlsx`, unit(`U${seq}`, { period: kind, year }));
    expect(majorityPeriod([p("6T", 2026), p("NAM", 2026)])).toEqual({ kind: "NAM", year: 2026 });
    expect(majorityPeriod([p("NAM", 2026), p("6T", 2027)])).toEqual({ kind: "6T", year: 2027 });
    expect(majorityPeriod([])).toBeNull();
  });
  test("a given period wins over the majority", () => {
    const c = consolidate([submit("1.xlsx", unit("U1")), submit("2.xlsx", unit("U2", { period: "NAM" }))], {
      profile: DEFAULT_PROFILE,
      period: { kind: "NAM", year: 2026 },
    });
    expect(c.units.map((u) => u.code)).toEqual(["U2"]);
    expect(c.rejected.map((r) => r.file)).toEqual(["1.xlsx"]);
  });
});

test("rejected files are listed with every finding; unreadable files too", () => {
  const bad = submit("bad.xlsx", unit("U1", { counts: { HN_TONG: [-1, 5], VB_HANH_CHINH: [null, 3] } }));
  const garbage: Submission = {
    file: "garbage.xlsx",
    sha256: "x",
    result: inspectBytes(new TextEncoder().encode("a,b\n1,2\n"), DEFAULT_PROFILE),
  };
  const c = consolidate([submit("ok.xlsx", unit("U2")), garbage, bad], { profile: DEFAULT_PROFILE });
  expect(c.rejected.map((r) => r.file)).toEqual(["bad.xlsx", "garbage.xlsx"]);
  expect(c.rejected[0]!.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(
    bad.result.findings.map((f) => `${f.code}@${f.cell}`),
  );
  expect(c.rejected[0]!.findings.map((f) => f.code)).toEqual(
    expect.arrayContaining(["BAD_VALUE", "MISSING_VALUE"]),
  );
  expect(c.rejected[1]!.findings[0]!.code).toBe("UNREADABLE");
  expect(c.units.map((u) => u.code)).toEqual(["U2"]);
});

test("a rejected file that names no unit, while units are missing: listed beside them, with the one its name names", () => {
  const roster = [
    { code: "XA_MUONG_LAT", name: "Xã Mường Lát", type: "UBND xã, phường" },
    { code: "XA_PU_NHI", name: "Xã Pù Nhi", type: "UBND xã, phường" },
    { code: "SO_NGOAI_VU", name: "Sở Ngoại vụ", type: "Sở, ban, ngành" },
    { code: "XA_AN", name: "Xã An", type: "UBND xã, phường" },
    { code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" },
    { code: "XA_QUANG_PHU", name: "Xã Quảng Phú", type: "UBND xã, phường" },
  ];
  const unreadable = (file: string): Submission => ({
    file,
    sha256: file,
    result: inspectBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), DEFAULT_PROFILE, undefined, {
      fileName: file,
    }),
  });
  const c = consolidate(
    [
      submit("in/SO_A.xlsx", unit("SO_A", { name: "Sở A" })),
      unreadable("in/BC KL226 xa Muong Lat.xls"),
      unreadable("in/Báo cáo 6 tháng - Pù Nhi.ods"),
      unreadable("in/Sở Ngoại vụ - BC KL226.pdf"),
      unreadable("in/BC_SGDDT.rar"),
      // Phường Quảng Phú's signed scan does not name the missing Xã Quảng Phú.
      unreadable("in/BC Phuong Quang Phu (ban ky).pdf"),
      // "An" alone is one word: too short to name a unit by.
      unreadable("in/Ban an toan.pdf"),
    ],
    { profile: DEFAULT_PROFILE, roster },
  );
  // Still missing (said, not decided): the analyst looks before sending reminders.
  expect(c.missing.map((u) => u.code)).toEqual([
    "SO_NGOAI_VU",
    "XA_AN",
    "XA_MUONG_LAT",
    "XA_PU_NHI",
    "XA_QUANG_PHU",
  ]);
  expect(unplacedRejected(c).map((f) => [f.file, f.maybe?.code ?? null])).toEqual([
    ["in/BC KL226 xa Muong Lat.xls", "XA_MUONG_LAT"],
    ["in/BC Phuong Quang Phu (ban ky).pdf", null],
    ["in/BC_SGDDT.rar", null],
    ["in/Ban an toan.pdf", null],
    ["in/Báo cáo 6 tháng - Pù Nhi.ods", "XA_PU_NHI"],
    ["in/Sở Ngoại vụ - BC KL226.pdf", "SO_NGOAI_VU"],
  ]);
  // The Chưa nộp sheet says so above its table, and names the file beside its unit.
  const sheet = summaryWorkbook(c, DEFAULT_PROFILE).sheets.find((sh) => sh.name === "Chưa nộp")!;
  const texts = sheet.rows.map((r) =>
    r.map((x) => (x && typeof x === "object" && "value" in x ? String(x.value) : "")),
  );
  expect(texts.some((r) => r[0]?.startsWith("Lưu ý: 6 tệp bị từ chối không xác định được đơn vị gửi"))).toBe(
    true,
  );
  expect(texts.find((r) => r[0] === "XA_PU_NHI")?.[3]).toBe("Báo cáo 6 tháng - Pù Nhi.ods");
  // No unit missing: nothing to say.
  expect(unplacedRejected({ ...c, missing: [] })).toEqual([]);
  // A file with no code but a roster unit's very name is that unit's: returned, not missing.
  const noCode = consolidate([submit("in/SNgV.xlsx", unit("", { name: "Sở Ngoại vụ" }))], {
    profile: DEFAULT_PROFILE,
    roster,
  });
  expect(noCode.rejected.map((r) => [r.file, r.unit])).toEqual([["in/SNgV.xlsx", "SO_NGOAI_VU"]]);
  expect(noCode.returned.map((u) => u.code)).toEqual(["SO_NGOAI_VU"]);
  expect(noCode.missing.map((u) => u.code)).not.toContain("SO_NGOAI_VU");
});

test("roster: missing units and units not on the roster (accepted with UNKNOWN_UNIT)", () => {
  const roster = [
    { code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" },
    { code: "SO_B", name: "Sở B", type: "Sở, ban, ngành" },
    { code: "XA_C", name: "Xã C", type: "UBND xã, phường" },
  ];
  const c = consolidate(
    [
      submit("a.xlsx", unit("SO_A")),
      // SO_X's own figures: a report with every figure of SO_A's would be taken for SO_A's (sameFiguresToRosterUnit).
      submit("x.xlsx", unit("SO_X", { counts: { HN_TONG: [100, 88] } })),
      submit("c.xlsx", unit("XA_C", { counts: { HN_TONG: [null, 1] } })),
    ],
    { profile: DEFAULT_PROFILE, roster },
  );
  expect(c.units.map((u) => [u.code, u.onRoster])).toEqual([
    ["SO_A", true],
    ["SO_X", false],
  ]);
  // SPEC §5: XA_C sent a file that was rejected: returned, never counted as missing.
  expect(c.missing.map((u) => u.code)).toEqual(["SO_B"]);
  expect(c.returned).toEqual([
    { code: "XA_C", name: "Xã C", onRoster: true, type: "UBND xã, phường", files: ["c.xlsx"] },
  ]);
  expect(c.warnings.filter((w) => w.code === "UNKNOWN_UNIT")).toEqual([
    expect.objectContaining({ file: "x.xlsx", unit: "SO_X", severity: "warning" }),
  ]);
  const noRoster = consolidate([submit("x.xlsx", unit("SO_X"))], { profile: DEFAULT_PROFILE });
  expect(noRoster.missing).toEqual([]);
  expect(noRoster.rosterGiven).toBe(false);
  expect(noRoster.warnings).toEqual([]);
});

test("timeliness: on the deadline day is on time, the day after is late; deadlines come from the profile", () => {
  const on = submit("on.xlsx", unit("U1", { reportDate: { year: 2026, month: 6, day: 6 } }));
  const late = submit("late.xlsx", unit("U2", { reportDate: { year: 2026, month: 6, day: 7 } }));
  const text = submit("text.xlsx", unit("U3", { reportDate: "07/06/2026" }));
  const c = consolidate([on, late, text], { profile: DEFAULT_PROFILE });
  expect(c.units.map((u) => [u.code, u.late])).toEqual([
    ["U1", false],
    ["U2", true],
    ["U3", true],
  ]);
  expect(c.province.late).toBe(2);
  const lenient = parsedProfile({ deadlines: { "6T": { day: 10, month: 6 } } });
  expect(consolidate([on, late, text], { profile: lenient }).units.every((u) => !u.late)).toBe(true);
});

describe("tasks", () => {
  const profile: Profile = {
    ...DEFAULT_PROFILE,
    form: {
      ...DEFAULT_PROFILE.form,
      tasks: [
        { content: "Nhiệm vụ quý I", lead: "", partners: "", product: "", deadline: "Tháng 3/2026" },
        {
          content: "Nhiệm vụ đến ngày báo cáo",
          lead: "",
          partners: "",
          product: "",
          deadline: "Đến 05/06/2026",
        },
        { content: "Nhiệm vụ thường xuyên", lead: "", partners: "", product: "", deadline: "Thường xuyên" },
      ],
    },
  };
  const own = (row: number, content: string, deadline: string, status: string): Edit[] => [
    { op: "set", sheet: "Nhiệm vụ", cell: `B${row}`, value: content },
    { op: "set", sheet: "Nhiệm vụ", cell: `F${row}`, value: deadline },
    { op: "set", sheet: "Nhiệm vụ", cell: `G${row}`, value: status },
  ];
  const c = consolidate(
    [
      submit(
        "a.xlsx",
        unit("U_A", { taskStatuses: ["Đang thực hiện", "Chưa thực hiện", "Chưa thực hiện"] }),
        own(8, "Việc riêng của đơn vị", "Tháng 4/2026", "Đang thực hiện"),
        profile,
      ),
      submit(
        "b.xlsx",
        unit("U_B", { taskStatuses: ["Hoàn thành quá hạn", "Hoàn thành", "Đang thực hiện"] }),
        [],
        profile,
      ),
      // Reordered rows and extra spaces: tasks are matched by content, not by row.
      submit(
        "c.xlsx",
        unit("U_C", { taskStatuses: [] }),
        [
          { op: "set", sheet: "Nhiệm vụ", cell: "B5", value: "  Nhiệm vụ   thường xuyên " },
          { op: "set", sheet: "Nhiệm vụ", cell: "F5", value: "Thường xuyên" },
          { op: "set", sheet: "Nhiệm vụ", cell: "G5", value: "Hoàn thành" },
          { op: "set", sheet: "Nhiệm vụ", cell: "B6", value: "nhiệm vụ quý i" },
          { op: "set", sheet: "Nhiệm vụ", cell: "F6", value: "Tháng 3/2026" },
          { op: "set", sheet: "Nhiệm vụ", cell: "G6", value: "Chưa thực hiện" },
          { op: "set", sheet: "Nhiệm vụ", cell: "B7", value: null },
          { op: "set", sheet: "Nhiệm vụ", cell: "F7", value: null },
        ],
        profile,
      ),
    ],
    { profile },
  );
  test("each submission is valid", () => expect(c.rejected).toEqual([]));
  test("per unit: overdue means a deadline strictly before the report date and not done", () => {
    expect(c.units.map((u) => [u.code, u.tasks])).toEqual([
      // quý I (31/03) not done → overdue; 05/06 is the report day → not overdue; own task 30/04 in progress → overdue
      ["U_A", { total: 4, done: 0, inProgress: 2, notStarted: 2, overdue: 2 }],
      ["U_B", { total: 3, done: 2, inProgress: 1, notStarted: 0, overdue: 0 }],
      ["U_C", { total: 2, done: 1, inProgress: 0, notStarted: 1, overdue: 1 }],
    ]);
  });
  test("per task of the profile: units done (of which late) / in progress / not started / overdue; own tasks grouped", () => {
    expect(
      c.tasks.map((t) => [
        t.index,
        t.content,
        t.done,
        t.doneLate,
        t.inProgress,
        t.notStarted,
        t.overdue,
        t.absent,
      ]),
    ).toEqual([
      [1, "Nhiệm vụ quý I", 1, 1, 1, 1, 2, 0],
      [2, "Nhiệm vụ đến ngày báo cáo", 1, 0, 0, 1, 0, 1],
      [3, "Nhiệm vụ thường xuyên", 1, 0, 1, 1, 0, 0],
      [null, OWN_TASKS_LABEL, 0, 0, 1, 0, 1, 0],
    ]);
    expect(c.ownTasks).toEqual([
      {
        unit: "U_A",
        content: "Việc riêng của đơn vị",
        deadlineText: "Tháng 4/2026",
        status: "Đang thực hiện",
        overdue: true,
      },
    ]);
  });
  test("a file on last year's template: the plan's deadline of each of its tasks is the one judged", () => {
    // The plan's first task is due "Tháng 3/2026"; U_OLD's file still says "Tháng 12/2026" and
    // U_NEW's says "Tháng 1/2026" — both open on 05/06/2026.
    const oldTemplate = (code: string, deadline: string) =>
      submit(
        `${code}.xlsx`,
        unit(code, { taskStatuses: ["Đang thực hiện", "Hoàn thành", "Hoàn thành"] }),
        [{ op: "set", sheet: "Nhiệm vụ", cell: "F5", value: deadline }],
        profile,
      );
    const run = consolidate([oldTemplate("U_OLD", "Tháng 12/2026"), oldTemplate("U_NEW", "Tháng 1/2026")], {
      profile,
    });
    expect(run.units.map((u) => [u.code, u.tasks.overdue])).toEqual([
      ["U_NEW", 1],
      ["U_OLD", 1],
    ]);
    expect(run.tasks[0]).toMatchObject({ deadlineText: "Tháng 3/2026", overdue: 2 });
  });
});

test("a roster picked among the reports is in the JSON beside rejected, as the page downloads it and the command writes it", () => {
  // The page's “Tải JSON” (summaryJsonText) and `consolidate --json` both write consolidationJson: the
  // page lacked notReports while its note said a roster was set aside.
  const roster = new TextEncoder().encode(
    "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;Sở, ban, ngành\nSO_B;Sở B;Sở, ban, ngành\n",
  );
  const listed: Submission = {
    file: "danh-sach.csv",
    sha256: "sha-roster",
    result: inspectBytes(roster, DEFAULT_PROFILE, {}, { fileName: "danh-sach.csv" }),
  };
  const c = consolidate([submit("SO_A.xlsx", unit("SO_A")), listed], { profile: DEFAULT_PROFILE });
  const json = consolidationJson(c) as Record<string, unknown>;
  expect(json.notReports).toEqual([{ file: "danh-sach.csv", kind: "roster" }]);
  expect(Object.keys(json).indexOf("notReports")).toBe(Object.keys(json).indexOf("rejected") + 1);
  expect(json.rejected).toEqual([]);
  const plain = consolidationJson(
    consolidate([submit("SO_A.xlsx", unit("SO_A"))], { profile: DEFAULT_PROFILE }),
  );
  expect(Object.keys(plain)).not.toContain("notReports");
});

describe("JSON (SPEC §6) and determinism", () => {
  const subs = [
    submit(
      "in/b.xlsx",
      unit("SO_B", { counts: { HN_TONG: [100, 95] }, reportDate: { year: 2026, month: 6, day: 9 } }),
    ),
    submit("in/a.xlsx", unit("SO_A", { type: "UBND_XA" })),
    submit("in/a2.xlsx", unit("SO_A", { reportDate: { year: 2026, month: 6, day: 1 } })),
    submit("in/bad.xlsx", unit("SO_C", { counts: { HN_TONG: [1, "x"] } })),
    submit("in/nam.xlsx", unit("SO_D", { period: "NAM" })),
  ];
  const roster = [
    { code: "SO_A", name: "A", type: "Sở, ban, ngành" },
    { code: "SO_E", name: "E", type: "Sở, ban, ngành" },
  ];
  const json = consolidationJson(consolidate(subs, { profile: DEFAULT_PROFILE, roster })) as Record<
    string,
    unknown
  >;

  test("exact keys and nesting", () => {
    expect(Object.keys(json)).toEqual([
      "form",
      "profile",
      "period",
      "units",
      "province",
      "shortfalls",
      "rejected",
      "duplicates",
      "inRollup",
      "rollups",
      "missing",
      "rosterGiven",
      "returned",
      "otherPeriodOnly",
      "warnings",
    ]);
    expect(json.form).toBe("KL226-BC/1");
    // The form's own defaults are no profile of profiles/: no id, their title.
    expect(json.profile).toEqual({
      id: null,
      name: "Mặc định (chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa)",
    });
    expect(json.period).toEqual({ kind: "6T", year: 2026 });
    const units = json.units as Array<Record<string, unknown>>;
    expect(units.map((u) => u.code)).toEqual(["SO_A", "SO_B"]);
    const a = units[0]!;
    expect(Object.keys(a)).toEqual([
      "code",
      "name",
      "type",
      "file",
      "sha256",
      "reportDate",
      "late",
      "values",
      "indicators",
      "tasks",
    ]);
    expect(a).toMatchObject({
      type: "UBND xã, phường",
      file: "in/a.xlsx",
      reportDate: "2026-06-05",
      late: false,
    });
    expect(Object.keys(a.values as object)).toHaveLength(13);
    expect((a.values as Record<string, unknown>).HN_TONG).toEqual({ previous: 100, current: 90 });
    expect(Object.keys(a.indicators as object)).toHaveLength(8);
    expect((a.indicators as Record<string, unknown>).MEETING_REDUCTION).toEqual({
      value: 0.1,
      target: 0.1,
      status: "met",
    });
    expect(a.tasks).toEqual({ total: 12, done: 12, inProgress: 0, notStarted: 0, overdue: 0 });
    expect(units[1]).toMatchObject({ late: true, reportDate: "2026-06-09" });
    const province = json.province as Record<string, Record<string, unknown>>;
    expect(Object.keys(province)).toEqual(["values", "indicators", "counts"]);
    expect(province.values!.HN_TONG).toEqual({ previous: 200, current: 185 });
    expect(province.counts!.MEETING_REDUCTION).toEqual({ met: 1, short: 1, na: 0 });
    expect(json.shortfalls).toEqual([
      { unit: "SO_B", indicator: "MEETING_REDUCTION", value: 0.05, target: 0.1, gap: 95 - 90 },
    ]);
    const rejected = json.rejected as Array<{ file: string; findings: Array<Record<string, unknown>> }>;
    expect(rejected.map((r) => r.file)).toEqual(["in/bad.xlsx", "in/nam.xlsx"]);
    expect(Object.keys(rejected[0]!.findings[0]!)).toEqual(["code", "severity", "sheet", "cell", "message"]);
    expect(json.duplicates).toEqual([
      {
        unit: "SO_A",
        kept: "in/a.xlsx",
        dropped: "in/a2.xlsx",
        conflict: false,
        message:
          "Đơn vị SO_A đã gửi báo cáo đề ngày sau: tệp a.xlsx đề ngày 05/06/2026, tệp này đề ngày 01/06/2026. Báo cáo đề ngày sau được dùng; tệp này không được tổng hợp. Nếu tệp này mới là bản đúng, hãy sửa Ngày báo cáo của nó hoặc bỏ tệp kia.",
      },
    ]);
    expect(json.missing).toEqual(["SO_E"]);
    expect(json.warnings).toEqual([
      {
        file: "in/b.xlsx",
        code: "UNKNOWN_UNIT",
        sheet: "Thông tin",
        // SPEC §4: a finding in Thông tin points at the value cell, here Mã đơn vị's.
        cell: "C5",
        message: expect.stringContaining("SO_B"),
      },
    ]);
  });

  test("shuffling the input order gives the identical JSON", () => {
    const text = JSON.stringify(json);
    for (let seed = 1; seed <= 6; seed++) {
      const order = shuffle(subs, seed);
      expect(
        JSON.stringify(
          consolidationJson(consolidate(order, { profile: DEFAULT_PROFILE, roster: [...roster].reverse() })),
        ),
      ).toBe(text);
    }
  });
});

/** Fisher–Yates with a small deterministic generator (tests must not be flaky). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test("a report on another form from a unit not on the roster is rejected but not 'returned' (no letter to another regime)", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const roster = [{ code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" }];
  const other = {
    file: "in/khac.xlsx",
    sha256: "k",
    result: inspectBytes(
      reportBytes(
        {
          unit: "SO_KHAC",
          name: "Sở khác",
          type: "PHONG_THUOC_SO",
          period: "Q2",
          year: 2025,
          reportDate: { year: 2025, month: 6, day: 12 },
        },
        [],
        cchc,
      ),
      DEFAULT_PROFILE,
      undefined,
      { forms: "follow" },
    ),
  };
  const c = consolidate([submit("in/a.xlsx", unit("SO_A")), other], { profile: DEFAULT_PROFILE, roster });
  expect(c.rejected.map((r) => [r.file, r.findings[0]?.code])).toEqual([["in/khac.xlsx", "FORM_MISMATCH"]]);
  expect(c.returned).toEqual([]);
  // On the roster, the same mistake is the unit's own: returned, so it is told.
  const mine = consolidate([other], {
    profile: DEFAULT_PROFILE,
    roster: [...roster, { code: "SO_KHAC", name: "Sở khác", type: "Sở, ban, ngành" }],
  });
  expect(mine.returned.map((u) => u.code)).toEqual(["SO_KHAC"]);
});

test("two units counted with every figure the same: the later in code order is told, both still counted; a report with few figures is not compared", () => {
  const c = consolidate(
    [
      submit("a.xlsx", unit("SO_A")),
      submit("b.xlsx", unit("SO_B")),
      submit("c.xlsx", unit("SO_C", { counts: { HN_TONG: [100, 88] } })),
    ],
    { profile: DEFAULT_PROFILE },
  );
  expect(c.units.map((u) => u.code)).toEqual(["SO_A", "SO_B", "SO_C"]);
  expect(c.warnings.filter((w) => w.code === "DUPLICATE_UNIT")).toEqual([
    {
      file: "b.xlsx",
      unit: "SO_B",
      code: "DUPLICATE_UNIT",
      severity: "warning",
      sheet: "Chỉ tiêu",
      cell: null,
      message:
        "Mọi số liệu ở trang “Chỉ tiêu” trùng với báo cáo của SO_A (tệp a.xlsx): nếu hai tệp là báo cáo của cùng một đơn vị, số liệu đang được tính hai lần; hỏi lại đơn vị, bỏ tệp thừa rồi tổng hợp lại.",
    },
  ]);
  // Two small units with only their meetings filled (fewer than three counts above zero): alike by chance.
  const few = { counts: Object.fromEntries(Object.keys(GOOD_COUNTS).map((k) => [k, [0, 0]])) };
  const small = consolidate(
    [
      submit("x.xlsx", unit("XA_X", { counts: { ...few.counts, HN_TONG: [5, 4], HN_TRUC_TUYEN: [3, 3] } })),
      submit("y.xlsx", unit("XA_Y", { counts: { ...few.counts, HN_TONG: [5, 4], HN_TRUC_TUYEN: [3, 3] } })),
    ],
    { profile: DEFAULT_PROFILE },
  );
  expect(small.units.map((u) => u.code)).toEqual(["XA_X", "XA_Y"]);
  expect(small.warnings.filter((w) => w.code === "DUPLICATE_UNIT")).toEqual([]);
});

describe("two files of a unit on one day with the same counts", () => {
  const statuses = Array(12).fill("Hoàn thành");
  const otherStatuses = [...statuses];
  otherStatuses[2] = "Đang thực hiện";
  test("a task's status differs: the summary's task figures differ, so the unit is asked which is right", () => {
    const c = consolidate(
      [
        submit("SO_A (1).xlsx", unit("SO_A", { taskStatuses: otherStatuses })),
        submit("SO_A (2).xlsx", unit("SO_A", { taskStatuses: statuses })),
      ],
      { profile: DEFAULT_PROFILE },
    );
    expect(c.duplicates.map((d) => [d.dropped, d.conflict])).toEqual([["SO_A (1).xlsx", true]]);
    expect(c.duplicates[0]!.finding.message).toContain(
      "nhưng số liệu khác nhau: “Tình trạng của nhiệm vụ ở dòng 7” (trang “Nhiệm vụ”, cột G) tệp này ghi “Đang thực hiện”, tệp SO_A (2).xlsx ghi “Hoàn thành”.",
    );
  });
  test("only a free text differs: no conflict of figures, but the text the report quotes is said", () => {
    const c = consolidate(
      [
        submit("SO_A (1).xlsx", unit("SO_A", { texts: { KHO_KHAN: "Thiếu nhân lực" } })),
        submit("SO_A (2).xlsx", unit("SO_A", { texts: { KHO_KHAN: "Thiếu kinh phí" } })),
      ],
      { profile: DEFAULT_PROFILE },
    );
    expect(c.duplicates.map((d) => [d.dropped, d.conflict])).toEqual([["SO_A (1).xlsx", false]]);
    expect(c.duplicates[0]!.finding.message).toBe(
      "Đơn vị SO_A đã gửi tệp SO_A (2).xlsx cùng Ngày báo cáo 05/06/2026 và cùng mọi số liệu ở trang “Chỉ tiêu” và “Nhiệm vụ”; tệp đó được dùng, tệp này không được tổng hợp. Hai tệp ghi khác nhau ở “Khó khăn, vướng mắc” (trang “Thông tin”): báo cáo dùng nội dung của tệp SO_A (2).xlsx; nếu nội dung của tệp này mới đúng, hãy bỏ tệp kia hoặc sửa Ngày báo cáo của tệp này cho muộn hơn.",
    );
    expect(c.units[0]!.texts.KHO_KHAN).toBe("Thiếu kinh phí");
  });
});
