import { indicatorById, type Indicator } from "./form";
import { CCHC_FORM_ID } from "./forms";
import { planYearNote, resultsTitle } from "./documents";
import { DEFAULT_PROFILE, deadlineOf, parseProfile, type Profile } from "./profile";
import { defaultProfileForForm, profilesNotes, SHIPPED_PROFILE_NAMES, shippedProfile } from "./profiles";
import { PROFILE_FILES } from "./profiles-list";

function parsed(json: unknown): Profile {
  const r = parseProfile(json);
  if (!r.ok) throw new Error(`profile refused: ${r.errors.join("; ")}`);
  return r.profile;
}

function refused(json: unknown): string {
  const r = parseProfile(json);
  if (r.ok) throw new Error("profile accepted");
  return r.errors.join("\n");
}

const target = (p: Profile, id: string): number | undefined => indicatorById(p.form, id)?.target;

test("the default profile is KL226-BC/1 with the SPEC targets, deadlines and the 12 appendix tasks", () => {
  const f = DEFAULT_PROFILE.form;
  expect(f.id).toBe("KL226-BC/1");
  expect(Object.fromEntries(f.indicators.map((i) => [i.id, i.target]))).toEqual({
    ONLINE_RATIO: 0.6,
    MEETING_REDUCTION: 0.1,
    DOC_REDUCTION: 0.15,
    TTHC_DIGITAL_RATIO: 0.95,
    DIGITIZATION_RATIO: 0.95,
    EDOC_RATIO: 1,
    OVERTIME_MEETINGS: 0,
    DIGITAL_SKILLS_RATIO: 1,
  });
  expect(f.periods).toEqual([
    { kind: "6T", deadline: { day: 6, month: 6 } },
    { kind: "NAM", deadline: { day: 6, month: 12 } },
  ]);
  expect(f.counts.map((c) => c.code)).toEqual([
    "HN_TONG",
    "HN_TRUC_TUYEN",
    "HN_VUOT_THOI_LUONG",
    "VB_HANH_CHINH",
    "TTHC_TONG",
    "TTHC_SO",
    "VB_TONG",
    "VB_SO_HOA",
    "VB_KHONG_MAT",
    "VB_DIEN_TU",
    "CC_TONG",
    "CC_KY_NANG_SO",
    "TTHC_CAT_GIAM",
  ]);
  expect(f.tasks).toHaveLength(12);
  expect(f.tasks[3]?.deadline).toBe("Quý IV/2026");
  expect(f.freeText.map((t) => t.code)).toEqual(["KHO_KHAN", "KIEN_NGHI", "MO_HINH_HAY"]);
});

test("a province profile overrides only what it names (the keys of the first version still work)", () => {
  const p = parsed({
    name: "Tỉnh X",
    targets: { ONLINE_RATIO: 0.7 },
    deadlines: { "6T": { day: 10, month: 6 } },
  });
  expect(target(p, "ONLINE_RATIO")).toBe(0.7);
  expect(target(p, "DOC_REDUCTION")).toBe(0.15);
  expect(deadlineOf(p, "6T")).toEqual({ day: 10, month: 6 });
  expect(deadlineOf(p, "NAM")).toEqual({ day: 6, month: 12 });
  expect(p.form.tasks).toEqual(DEFAULT_PROFILE.form.tasks);
});

test("a profile saved with decomposed accents (NFD) carries composed text (NFC) into templates and documents", () => {
  const nfd = (t: string) => t.normalize("NFD");
  const p = parsed({
    name: nfd("Kế hoạch của UBND tỉnh Quảng Trị"),
    organisation: {
      sender: nfd("Sở Nội vụ tỉnh Quảng Trị"),
      senderHeading: nfd("SỞ NỘI VỤ"),
      abbreviation: "SNV",
      place: nfd("Quảng Trị"),
      superior: nfd("UBND TỈNH QUẢNG TRỊ"),
    },
    tasks: [{ content: nfd("Rà soát quy chế làm việc"), deadline: nfd("Quý III/2026") }],
  });
  expect(p.name).toBe("Kế hoạch của UBND tỉnh Quảng Trị");
  expect(p.name).not.toBe(nfd(p.name));
  expect(p.organisation.place).toBe("Quảng Trị");
  expect(p.form.tasks[0]?.content).toBe("Rà soát quy chế làm việc");
});

test("a bad profile is refused with Vietnamese errors that name the key", () => {
  expect(refused({ deadlines: { NAM: { day: 31, month: 2 } } })).toMatch(
    /deadlines\.NAM: ngày không tồn tại/,
  );
  expect(refused({ targets: { NOPE: 1 } })).toMatch(
    /targets\.NOPE: không có chỉ tiêu NOPE trong biểu mẫu KL226-BC\/1\. Các chỉ tiêu: ONLINE_RATIO/,
  );
  expect(refused({ targets: { ONLINE_RATIO: 60 } })).toMatch(
    /targets\.ONLINE_RATIO: giá trị quá lớn \(tối đa 1\)/,
  );
  expect(refused({ deadlines: { Q1: { day: 15, month: 3 } } })).toMatch(
    /deadlines\.Q1: biểu mẫu KL226-BC\/1 không có kỳ Quý I/,
  );
  expect(refused({ form: "XYZ-BC/9" })).toMatch(/không có biểu mẫu “XYZ-BC\/9”.*KL226-BC\/1, CCHC-BC\/2025/);
  expect(
    refused({
      indicators: [
        {
          id: "X_RATIO",
          kind: "ratio",
          part: "NOPE",
          whole: "HN_TONG",
          target: 0.5,
          label: "x",
          short: "x",
          itemUnit: "x",
        },
      ],
    }),
  ).toMatch(/không có số liệu NOPE trong biểu mẫu/);
  expect(refused({ colour: "red" })).toMatch(/khóa không được hỗ trợ: colour \(các khóa hợp lệ: name, /);
  // A key mistyped inside a block is not answered with the profile's top-level keys.
  const nested = refused({ outlier: { factr: 2 } });
  expect(nested).toMatch(/^outlier: khóa không được hỗ trợ: factr \(kiểm tra chính tả/);
  expect(nested).not.toContain("các khóa hợp lệ: name");
});

test("the chart's indicator is the profile's to choose: an unknown or a counting indicator is refused, saying what to write", () => {
  expect(parsed({ chart: "doc_reduction" }).form.chart).toBe("DOC_REDUCTION");
  expect(refused({ chart: "NOPE" })).toMatch(
    /^chart: không có chỉ tiêu NOPE trong biểu mẫu \(các chỉ tiêu: ONLINE_RATIO, MEETING_REDUCTION/,
  );
  expect(refused({ chart: "OVERTIME_MEETINGS" })).toMatch(
    /^chart: OVERTIME_MEETINGS là chỉ tiêu đếm \(maxCount\); biểu đồ vẽ tỷ lệ: chọn một chỉ tiêu kiểu ratio, percent hoặc reduction$/,
  );
  // CCHC's plan charts its digitised-records target; a profile that drops that indicator keeps a chart.
  const cchc = { form: CCHC_FORM_ID, organisation: shippedProfile("hcm-attp-cchc-2025")!.organisation };
  expect(parsed(cchc).form.chart).toBe("SO_HOA_HO_SO_RATIO");
  expect(parsed({ ...cchc, removeIndicators: ["SO_HOA_HO_SO_RATIO"] }).form.chart).toBeUndefined();
});

test("roster units in a profile are checked", () => {
  expect(refused({ roster: [{ code: "so noi vu", name: "Sở Nội vụ", type: "Sở, ban, ngành" }] })).toMatch(
    /roster\.0\.code/,
  );
  expect(
    parsed({ roster: [{ code: "so_noi_vu", name: "Sở Nội vụ", type: "Sở, ban, ngành" }] }).roster?.[0]?.code,
  ).toBe("SO_NOI_VU");
});

test("adding an indicator is data: counts, a part rule and a ratio", () => {
  const p = parsed({
    counts: [
      { code: "HSCV_TONG", label: "Tổng số hồ sơ công việc", unit: "hồ sơ", currentRequired: true },
      {
        code: "HSCV_MANG",
        label: "Trong đó: xử lý trên môi trường mạng",
        unit: "hồ sơ",
        currentRequired: true,
      },
    ],
    parts: [{ part: "HSCV_MANG", whole: "HSCV_TONG" }],
    indicators: [
      {
        id: "HSCV_RATIO",
        kind: "ratio",
        part: "HSCV_MANG",
        whole: "HSCV_TONG",
        target: 0.95,
        label: "Hồ sơ công việc trên môi trường mạng",
        short: "HSCV trên mạng",
        itemUnit: "hồ sơ",
      },
    ],
    removeIndicators: ["DIGITAL_SKILLS_RATIO"],
    removeCounts: ["CC_TONG", "CC_KY_NANG_SO"],
  });
  expect(p.form.indicators.map((i) => i.id)).toContain("HSCV_RATIO");
  expect(p.form.indicators.map((i) => i.id)).not.toContain("DIGITAL_SKILLS_RATIO");
  expect(p.form.counts.map((c) => c.code)).not.toContain("CC_TONG");
  expect(p.form.parts).toContainEqual({ part: "HSCV_MANG", whole: "HSCV_TONG" });
  expect(p.form.parts.some((r) => r.part === "CC_KY_NANG_SO")).toBe(false);
  // Removing a count that an indicator still reads is refused, not silently judged "na".
  expect(refused({ removeCounts: ["CC_TONG"] })).toMatch(/không có số liệu CC_TONG/);
});

describe("the shipped profiles (SPEC §8), from the seeds' own numbers", () => {
  test("every shipped name parses, with an organisation block", () => {
    // profiles/*.json by file name (scripts/gen-profiles.js), the seeds' plans 004, 002, 000, 001, 003.
    expect(SHIPPED_PROFILE_NAMES).toEqual([
      "dong-nai-skhcn-226",
      "dong-thap-syt-226",
      "hcm-attp-226",
      "hcm-attp-cchc-2025",
      "thanh-hoa-226",
    ]);
    for (const name of SHIPPED_PROFILE_NAMES) {
      const p = shippedProfile(name)!;
      expect(p.organisation.sender).not.toBe("");
      expect(p.organisation.abbreviation).toMatch(/^[A-ZĐ]+$/);
      expect(p.form.tasks.length).toBeGreaterThan(0);
    }
    expect(shippedProfile("THANH-HOA-226")).toBe(shippedProfile("thanh-hoa-226"));
    expect(shippedProfile("ha-noi")).toBeUndefined();
  });
  test("thanh-hoa-226 (seed 003): the default's targets but the digital-skills one its plan does not set, and the plan it cites", () => {
    const p = shippedProfile("thanh-hoa-226")!;
    const ids = (q: typeof p) => q.form.indicators.map((i) => i.id);
    expect(ids(p)).toEqual(ids(DEFAULT_PROFILE).filter((id) => id !== "DIGITAL_SKILLS_RATIO"));
    expect(p.form.counts.map((c) => c.code)).not.toContain("CC_KY_NANG_SO");
    expect(p.form.tasks).toEqual(DEFAULT_PROFILE.form.tasks);
    expect(p.organisation).toEqual(DEFAULT_PROFILE.organisation);
    expect(p.form.subject).toBe(
      "Kế hoạch của Ủy ban nhân dân tỉnh Thanh Hóa triển khai thực hiện Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ",
    );
    // Two sets of targets, two names: a run on Tự động says it used the default, not Thanh Hóa's plan.
    expect(p.name).toBe("Kế hoạch thực hiện Kết luận số 226-KL/TW của UBND tỉnh Thanh Hóa");
    expect(DEFAULT_PROFILE.name).not.toBe(p.name);
  });
  test("hcm-attp-226 (seed 000): no digital-skills target (its plan asks to send staff to courses, with no rate)", () => {
    const p = shippedProfile("hcm-attp-226")!;
    expect(p.form.indicators.map((i) => i.id)).not.toContain("DIGITAL_SKILLS_RATIO");
    expect(p.form.counts.map((c) => c.code)).toContain("CC_KY_NANG_SO");
  });
  test("dong-thap-syt-226 (seed 002): deadlines 2/6 and 1/12, no digital-skills or e-document indicator, its own 95% on hồ sơ công việc", () => {
    const p = shippedProfile("dong-thap-syt-226")!;
    expect(deadlineOf(p, "6T")).toEqual({ day: 2, month: 6 });
    expect(deadlineOf(p, "NAM")).toEqual({ day: 1, month: 12 });
    const ids = p.form.indicators.map((i) => i.id);
    expect(ids).not.toContain("DIGITAL_SKILLS_RATIO");
    expect(ids).not.toContain("EDOC_RATIO");
    expect(p.form.counts.map((c) => c.code)).not.toContain("CC_KY_NANG_SO");
    const own = p.form.indicators.find((i) => i.label.includes("hồ sơ công việc")) as Indicator;
    expect(own).toMatchObject({ kind: "ratio", target: 0.95, comparison: ">=" });
  });
  test("dong-nai-skhcn-226 (seed 004): 10/6 and 10/12; column D the same period last year; the Sở's 15 TTHC a task, not every unit's target", () => {
    const p = shippedProfile("dong-nai-skhcn-226")!;
    expect(deadlineOf(p, "6T")).toEqual({ day: 10, month: 6 });
    expect(deadlineOf(p, "NAM")).toEqual({ day: 10, month: 12 });
    // "so với năm trước": a half-year's meetings against last year's same half, not against all of 2025.
    expect(p.form.previousHeader).toBe(DEFAULT_PROFILE.form.previousHeader);
    // Cutting 15 procedures a year is the Sở's (task 10, led by Văn phòng Sở): no phòng is judged on it.
    expect(p.form.indicators.map((i) => i.kind)).not.toContain("minCount");
    expect(p.form.tasks.map((t) => t.content)).toContain("Rà soát, cắt giảm 15 thủ tục hành chính");
    expect(p.form.counts.map((c) => c.code)).toContain("TTHC_CAT_GIAM");
    // Its own plan, unnumbered in the seed, by its title and whose it is, as the plan's appendix cites
    // it ("kèm Kế hoạch số /KH-SKHCN … của Sở Khoa học và công nghệ"): without "của Sở …" the letters'
    // "Căn cứ Kế hoạch triển khai thực hiện Quyết định số 534/QĐ-TTg … của Thủ tướng Chính phủ" read as
    // the Prime Minister's plan.
    expect(p.form.subject).toBe(
      "Kế hoạch của Sở Khoa học và Công nghệ triển khai thực hiện Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ và Kế hoạch số 123-KH/TU ngày 26/5/2026 của Thành ủy Đồng Nai",
    );
  });
  test("dong-thap-syt-226 (seed 002): its plan cited, the report sent to the Sở Nội vụ", () => {
    const p = shippedProfile("dong-thap-syt-226")!;
    expect(p.form.subject).toBe("Kế hoạch số 4245/KH-SYT ngày 26/5/2026");
    expect(p.organisation.reportTo).toBe("Sở Nội vụ tỉnh Đồng Tháp");
  });
  test("hcm-attp-cchc-2025 (seed 001) is the CCHC form, quarterly and yearly", () => {
    const p = shippedProfile("hcm-attp-cchc-2025")!;
    expect(p.form.id).toBe(CCHC_FORM_ID);
    expect(p.form.periods.map((x) => x.kind)).toEqual(["Q1", "Q2", "Q3", "Q4", "NAM"]);
    expect(p.form.tasks).toHaveLength(8);
    expect(indicatorById(p.form, "GIAI_NGAN_RATIO")).toMatchObject({ target: 0.95, comparison: ">" });
    expect(indicatorById(p.form, "HAI_LONG")).toMatchObject({
      kind: "percent",
      rate: "HAI_LONG",
      weight: "PHIEU_KHAO_SAT",
      target: 0.96,
    });
  });
  test("the CCHC form's default profile has the SPEC §8 deadlines: 15th of a quarter's last month, 15/12 for the year", () => {
    const p = defaultProfileForForm(CCHC_FORM_ID)!;
    expect(p.form.periods.map((x) => `${x.kind} ${x.deadline.day}/${x.deadline.month}`)).toEqual([
      "Q1 15/3",
      "Q2 15/6",
      "Q3 15/9",
      "Q4 15/12",
      "NAM 15/12",
    ]);
    expect(p.form.indicators.map((i) => `${i.id} ${i.comparison} ${i.target}`)).toEqual([
      "CONG_KHAI_RATIO >= 1",
      "DVC_TRUC_TUYEN_RATIO >= 1",
      "SO_HOA_HO_SO_RATIO >= 0.8",
      "TAI_SU_DUNG_RATIO >= 0.55",
      "DUNG_HAN_RATIO >= 1",
      "KQ_DIEN_TU_RATIO >= 1",
      "XIN_LOI_RATIO >= 1",
      "THANH_TOAN_DT_RATIO >= 1",
      "PAKN_RATIO >= 1",
      "HAI_LONG >= 0.96",
      "VB_DIEN_TU_RATIO >= 1",
      "CHU_KY_SO_RATIO >= 1",
      "THU_CONG_VU_RATIO >= 1",
      "GIAI_NGAN_RATIO > 0.95",
    ]);
  });
});

describe("a new province's profile mistakes are told in Vietnamese, with what to write", () => {
  const QUANG_TRI = {
    sender: "Sở Nội vụ tỉnh Quảng Trị",
    senderHeading: "SỞ NỘI VỤ",
    abbreviation: "SNV",
    place: "Quảng Trị",
    superior: "UBND TỈNH QUẢNG TRỊ",
  };
  const notes = (json: unknown): readonly string[] => {
    const r = parseProfile(json);
    if (!r.ok) throw new Error(`profile refused: ${r.errors.join("; ")}`);
    return r.notes;
  };

  test("an organisation given in part is refused: the documents would carry Thanh Hóa's names", () => {
    expect(refused({ organisation: { sender: "Sở Nội vụ tỉnh Quảng Trị" } })).toBe(
      'organisation: thiếu senderHeading, abbreviation, place, superior. Khi ghi “organisation”, ghi đủ sender, senderHeading, abbreviation, place, superior (các văn bản sẽ không mang tên cơ quan của tỉnh khác), ví dụ: "sender": "Sở Nội vụ tỉnh Quảng Trị", "senderHeading": "SỞ NỘI VỤ", "abbreviation": "SNV", "place": "Quảng Trị", "superior": "UBND TỈNH QUẢNG TRỊ".',
    );
    // The signer alone may be set over the default body.
    expect(parsed({ organisation: { signerName: "Lê Văn A" } }).organisation.sender).toBe(
      "Sở Nội vụ tỉnh Thanh Hóa",
    );
    expect(refused({ organisation: { ...QUANG_TRI, abbreviation: "Sở Nội vụ tỉnh Quảng Trị" } })).toBe(
      "organisation.abbreviation: viết tắt tên cơ quan, không có dấu cách, ví dụ SNV",
    );
    // The drafting office's name written out, as a province's IT officer may: what is wrong is said.
    expect(refused({ organisation: { ...QUANG_TRI, office: "Phòng CCHC" } })).toBe(
      "organisation.office: viết tắt của phòng soạn thảo, không có dấu cách, ví dụ CCHC",
    );
    expect(parsed({ organisation: { ...QUANG_TRI, office: "CCHC" } }).organisation.office).toBe("CCHC");
  });

  test("a body sent through is its name: the documents add “(qua …)” themselves", () => {
    expect(
      parsed({ organisation: { ...QUANG_TRI, unitsReportVia: "Phòng Cải cách hành chính" } }).organisation
        .unitsReportVia,
    ).toBe("Phòng Cải cách hành chính");
    expect(refused({ organisation: { ...QUANG_TRI, unitsReportVia: "(qua Phòng Tổ chức cán bộ Sở)" } })).toBe(
      "organisation.unitsReportVia: chỉ ghi tên, không ghi “qua” hay dấu ngoặc của “(qua …)” (văn bản tự thêm phần này): tên phòng của cơ quan mà các đơn vị gửi báo cáo qua, ví dụ Phòng Tổ chức cán bộ",
    );
    expect(refused({ organisation: { ...QUANG_TRI, reportVia: "qua Sở Nội vụ" } })).toBe(
      "organisation.reportVia: chỉ ghi tên, không ghi “qua” hay dấu ngoặc của “(qua …)” (văn bản tự thêm phần này): tên cơ quan báo cáo được gửi qua, ví dụ Sở Nội vụ",
    );
    expect(refused({ organisation: { ...QUANG_TRI, unitsReportVia: "Phòng Tổ chức cán bộ Sở)" } })).toMatch(
      /^organisation\.unitsReportVia: chỉ ghi tên, không ghi “qua” hay dấu ngoặc/,
    );
    // A name with its own bracketed part is a name: such a reportVia loaded before unitsReportVia came.
    const withPart = "Sở Nội vụ (Phòng Cải cách hành chính)";
    expect(parsed({ organisation: { ...QUANG_TRI, reportVia: withPart } }).organisation.reportVia).toBe(
      withPart,
    );
    expect(
      parsed({ organisation: { ...QUANG_TRI, unitsReportVia: "Văn phòng Sở (Bộ phận một cửa)" } })
        .organisation.unitsReportVia,
    ).toBe("Văn phòng Sở (Bộ phận một cửa)");
    expect(refused({ organisation: { ...QUANG_TRI, unitsReportVia: " " } })).toBe(
      "organisation.unitsReportVia: không được để trống: ghi tên phòng của cơ quan mà các đơn vị gửi báo cáo qua, ví dụ Phòng Tổ chức cán bộ, hoặc bỏ khóa này",
    );
    // A text the schema requires, left empty, is no "value too small" either.
    expect(refused({ organisation: { ...QUANG_TRI, sender: " " } })).toBe(
      "organisation.sender: không được để trống",
    );
  });

  test("a Sở of a 'thành phố' under a 'UBND TỈNH' of the same place is refused (seed 004's Nơi nhận says 'UBND tỉnh', its body 'thành phố')", () => {
    const dongNai = shippedProfile("dong-nai-skhcn-226")!.organisation;
    expect(refused({ organisation: { ...dongNai, superior: "UBND TỈNH ĐỒNG NAI" } })).toBe(
      "organisation: “superior” ghi “UBND TỈNH ĐỒNG NAI”, “sender” ghi “Sở Khoa học và Công nghệ thành phố Đồng Nai”: Sở và Ủy ban nhân dân cấp trên thuộc cùng một địa phương, nên cùng ghi “thành phố” hoặc cùng ghi “tỉnh”, theo tên gọi trong văn bản của địa phương (tên này được in ở phần đầu và phần nơi nhận của mọi văn bản).",
    );
    expect(refused({ organisation: { ...QUANG_TRI, reportTo: "Sở Nội vụ thành phố Quảng Trị" } })).toMatch(
      /^organisation: “superior” ghi “UBND TỈNH QUẢNG TRỊ”, “reportTo” ghi “Sở Nội vụ thành phố Quảng Trị”/,
    );
    // The same level, another place, or a body that is no Sở: nothing to compare.
    expect(parsed({ organisation: dongNai }).organisation.superior).toBe("UBND THÀNH PHỐ ĐỒNG NAI");
    expect(
      parsed({ organisation: { ...QUANG_TRI, reportTo: "Sở Nội vụ tỉnh Quang Tri" } }).organisation.reportTo,
    ).toBe("Sở Nội vụ tỉnh Quang Tri");
    expect(
      parsed({ organisation: { ...QUANG_TRI, sender: "Ban Quản lý khu kinh tế thành phố Quảng Trị" } })
        .organisation.sender,
    ).toBe("Ban Quản lý khu kinh tế thành phố Quảng Trị");
  });

  test("no organisation, or another province's without its tasks: a note says what the documents will carry", () => {
    expect(notes({ targets: { ONLINE_RATIO: 0.7 } })).toEqual([
      'Hồ sơ không ghi tên cơ quan (“organisation”): bảng tổng hợp, thư nhắc và báo cáo sẽ đề tên Sở Nội vụ tỉnh Thanh Hóa (mặc định). Nếu không phải, thêm "organisation": { "sender", "senderHeading", "abbreviation", "place", "superior", "signerTitle", "signerName" } vào hồ sơ.',
    ]);
    expect(notes({ organisation: QUANG_TRI })).toEqual([
      'Hồ sơ không ghi “tasks”: mẫu báo cáo và báo cáo kết quả dùng danh sách nhiệm vụ của Kế hoạch tỉnh Thanh Hóa (mặc định), có cả các mục tiêu của kế hoạch đó. Ghi "tasks": [ { "content": …, "deadline": … } ] theo kế hoạch của tỉnh.',
    ]);
    expect(notes({ organisation: QUANG_TRI, tasks: [{ content: "Rà soát quy chế làm việc" }] })).toEqual([]);
    // The shipped profiles name their organisation and tasks: no such note, nor one printed by the build.
    for (const name of SHIPPED_PROFILE_NAMES) expect([name, notes(PROFILE_FILES[name])]).toEqual([name, []]);
    expect(profilesNotes()).toEqual([]);
  });

  test("an indicator or count written twice is refused, not silently replaced", () => {
    const hscv = {
      id: "HSCV_RATIO",
      kind: "ratio",
      part: "HN_TRUC_TUYEN",
      whole: "HN_TONG",
      target: 0.9,
      label: "Tỷ lệ hồ sơ công việc trên mạng",
      short: "HSCV",
      itemUnit: "hồ sơ",
    };
    expect(refused({ indicators: [hscv, { ...hscv, label: "Tỷ lệ khác" }] })).toBe(
      "indicators: id HSCV_RATIO ghi hai lần; mỗi chỉ tiêu chỉ ghi một lần.",
    );
    const count = { code: "HSCV_TONG", label: "Tổng số hồ sơ", unit: "hồ sơ" };
    expect(refused({ counts: [count, { ...count, code: "hscv_tong" }] })).toBe(
      "counts: code HSCV_TONG ghi hai lần; mỗi số liệu chỉ ghi một lần.",
    );
  });

  test("an indicator given only to change its target points to “targets”", () => {
    expect(refused({ indicators: [{ id: "ONLINE_RATIO", target: 0.7 }] })).toBe(
      'indicators: để đổi mục tiêu của chỉ tiêu có sẵn ONLINE_RATIO, ghi "targets": { "ONLINE_RATIO": 0.7 }. Mục “indicators” dùng để thêm hoặc thay cả một chỉ tiêu (cần đủ kind, label, short, itemUnit…).',
    );
  });

  test("targets written as percentages, a missing field, a kind or a unit type in words", () => {
    expect(refused({ targets: { ONLINE_RATIO: "70%" } })).toBe(
      "targets.ONLINE_RATIO: cần một số, không có ngoặc kép: tỷ lệ ghi dạng phân số thập phân với dấu chấm: 70% ghi là 0.7, 95% là 0.95; số đếm ghi số nguyên, ví dụ 0",
    );
    expect(refused({ targets: { ONLINE_RATIO: 70 } })).toBe(
      "targets.ONLINE_RATIO: giá trị quá lớn (tối đa 1): tỷ lệ ghi dạng phân số thập phân với dấu chấm: 70% ghi là 0.7, 95% là 0.95",
    );
    const base = {
      id: "X_RATIO",
      part: "HN_TRUC_TUYEN",
      whole: "HN_TONG",
      target: 0.5,
      short: "x",
      itemUnit: "x",
    };
    expect(refused({ indicators: [{ ...base, kind: "ratio" }] })).toBe(
      "indicators.X_RATIO.label: thiếu; cần ghi một đoạn chữ trong ngoặc kép",
    );
    expect(refused({ indicators: [{ ...base, label: "x", kind: "tỷ lệ" }] })).toBe(
      "indicators.X_RATIO.kind: “kind” phải là một trong: ratio (tỷ lệ phần trên tổng), reduction (giảm so với cùng kỳ), maxCount (tối đa), minCount (tối thiểu), percent (tỷ lệ đơn vị tự nhập)",
    );
    // A unit type by the label the template shows is taken as its id.
    const p = parsed({
      indicators: [{ ...base, label: "x", kind: "ratio", appliesTo: ["UBND xã, phường"] }],
    });
    expect(indicatorById(p.form, "X_RATIO")?.appliesTo).toEqual(["UBND_XA"]);
    expect(refused({ indicators: [{ ...base, label: "x", kind: "ratio", appliesTo: ["Xã"] }] })).toBe(
      "indicators.X_RATIO.appliesTo.0: phải là một trong: SO_NGANH, UBND_XA, SU_NGHIEP, PHONG_THUOC_SO",
    );
  });
});

test("the plan cited is refused with its number or date left blank, as the unsigned draft it was copied from has them", () => {
  const how =
    "khi kế hoạch đã ban hành, ghi số và ngày, ví dụ “Kế hoạch số 45/KH-SKHCN ngày 15/6/2026”; khi chưa có số, ghi tên kế hoạch không kèm “số”, “ngày”, ví dụ “Kế hoạch của Sở Khoa học và Công nghệ triển khai thực hiện Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ”";
  expect(refused({ subject: "Kế hoạch số /KH-SKHCN ngày /6/2026 của Sở Khoa học và Công nghệ" })).toBe(
    `subject: số văn bản còn để trống (“số /KH-SKHCN”): ${how}`,
  );
  expect(refused({ subject: "Kế hoạch số …/KH-SATTP ngày 15/6/2026" })).toBe(
    `subject: số văn bản còn để trống (“số …/KH-SATTP”): ${how}`,
  );
  expect(refused({ subject: "Kế hoạch số 45/KH-SATTP ngày tháng năm 2026" })).toBe(
    `subject: ngày ban hành còn để trống (“ngày tháng năm 2026”): ${how}`,
  );
  expect(
    refused({ subject: "Kế hoạch ban hành kèm theo Quyết định số 12/QĐ-SATTP ngày   tháng 01 năm 2025" }),
  ).toBe(`subject: ngày ban hành còn để trống (“ngày   tháng 01 năm 2025”): ${how}`);
  expect(refused({ subject: "Kế hoạch số 45/KH-SKHCN ngày 31/6/2026" })).toBe(
    "subject: ngày 31/6/2026 không có trong lịch: ghi đúng ngày ban hành của văn bản",
  );
  // Once issued: its number and date, as Đồng Tháp's profile cites its plan.
  expect(parsed({ subject: "Kế hoạch số 45/KH-SKHCN ngày 15/6/2026" }).form.subject).toBe(
    "Kế hoạch số 45/KH-SKHCN ngày 15/6/2026",
  );
  expect(refused({ subject: "Kế hoạch số 45/KH-SKHCN ngày 15 tháng năm 2026" })).toBe(
    `subject: ngày ban hành còn để trống (“ngày 15 tháng năm 2026”): ${how}`,
  );
  expect(refused({ subject: "Kế hoạch số 45/KH-SKHCN ngày /6/2026" })).toBe(
    `subject: ngày ban hành còn để trống (“ngày /6/2026”): ${how}`,
  );
  // A period in the plan's title is no month left blank: "6 tháng năm 2026" is the half-year.
  for (const subject of [
    "Kế hoạch số 45/KH-UBND ngày 15/01/2026 về kiểm tra công tác cải cách hành chính 6 tháng năm 2026",
    "Kế hoạch số 12/KH-SYT ngày 05/6/2026 thực hiện báo cáo 9 tháng năm 2026",
  ])
    expect(parsed({ subject }).form.subject).toBe(subject);
  // Numbers of other documents, and a date in words, are no blanks.
  expect(
    parsed({
      subject:
        "Kế hoạch số 498/KH-UBND ngày 22 tháng 4 năm 2026 của Ủy ban nhân dân tỉnh triển khai Nghị định số 30/2020/NĐ-CP",
    }).form.subject,
  ).toMatch(/^Kế hoạch số 498/);
  // "số" before a slash in words is no number left blank: only a document's code after it ("/KH-…") is.
  for (const subject of [
    "Kế hoạch thực hiện chuyển đổi số/số hóa văn bản năm 2026",
    "Kế hoạch chuyển đổi số/Đề án 06 của Sở Y tế năm 2026",
  ])
    expect(parsed({ subject }).form.subject).toBe(subject);
  expect(refused({ subject: "KẾ HOẠCH SỐ /KH-SYT NGÀY 15/6/2026" })).toBe(
    `subject: số văn bản còn để trống (“SỐ /KH-SYT”): ${how}`,
  );
  // A code beginning with Đ (Đề án, "/ĐA-UBND") is a document's code too (mutation test, session 39).
  expect(refused({ subject: "Đề án số …/ĐA-UBND ngày 15/6/2026 của UBND tỉnh" })).toBe(
    `subject: số văn bản còn để trống (“số …/ĐA-UBND”): ${how}`,
  );
});

test("a province's documents say they implement its own plan when the profile names it (subject)", () => {
  const plan = "Kế hoạch số 145/KH-UBND ngày 20/01/2026 của UBND tỉnh Quảng Trị";
  expect(parsed({ subject: plan }).form.subject).toBe(plan);
  expect(parsed({}).form.subject).toBe("Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư");
});

test("the report upward may cite another plan than the letters (reportSubject), checked as subject is; without it, none", () => {
  const plan = "Kế hoạch số 83/KH-UBND ngày 10/6/2026 của UBND thành phố Đồng Nai";
  expect(parsed({ reportSubject: plan }).reportSubject).toBe(plan);
  expect(parsed({}).reportSubject).toBeUndefined();
  // Misspelt, the key is refused with the valid keys, reportSubject among them.
  expect(refused({ reportSubjet: plan })).toMatch(
    /^\(gốc\): khóa không được hỗ trợ: reportSubjet \(các khóa hợp lệ: .*\breportSubject\b/,
  );
  expect(
    refused({ reportSubject: "Kế hoạch số /KH-UBND ngày 10/6/2026 của UBND thành phố Đồng Nai" }),
  ).toMatch(
    /^reportSubject: số văn bản còn để trống \(“số \/KH-UBND”\): khi kế hoạch đã ban hành, ghi số và ngày/,
  );
});

test("a one-year plan used for another year is said so; the next year's profile gives its own title (title)", () => {
  const cchc2025 = shippedProfile("hcm-attp-cchc-2025")!;
  const q1 = { kind: "Q1", year: 2026 } as const;
  expect(planYearNote(cchc2025.form, { kind: "Q2", year: 2025 })).toBeUndefined();
  expect(planYearNote(cchc2025.form, q1)).toBe(
    'Lưu ý: biểu mẫu CCHC-BC/2025 là của kế hoạch năm 2025, nhưng kỳ báo cáo là quý I/2026: văn bản sẽ có tiêu đề “Kết quả thực hiện công tác cải cách hành chính năm 2025 quý I năm 2026”, và nhiệm vụ hạn trong năm 2025 chưa hoàn thành được tính là quá hạn. Nếu đã có kế hoạch năm 2026, lập hồ sơ theo kế hoạch đó: tiêu đề mới ở khóa "title" (ví dụ “Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2026”), cùng "subject" và "tasks" của kế hoạch mới (README, mục “Triển khai cho một tỉnh”).',
  );
  const title = "Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2026";
  const cchc2026 = parsed({ form: CCHC_FORM_ID, title });
  expect(cchc2026.form.title).toBe(title);
  expect(resultsTitle(cchc2026.form, q1)).toBe(
    "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
  );
  expect(planYearNote(cchc2026.form, q1)).toBeUndefined();
  // Kết luận 226 is no one year's plan: nothing to say in any year.
  expect(planYearNote(DEFAULT_PROFILE.form, { kind: "6T", year: 2031 })).toBeUndefined();
});

test("a title typed in capitals (copied from the template's A1) is refused, saying how to write it", () => {
  expect(refused({ title: "BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026" })).toBe(
    "title: viết như một câu (chỉ chữ đầu viết hoa), không viết in hoa cả tiêu đề, ví dụ “Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2026”",
  );
});

test("a profile's short name is what the page's picker shows, at most 30 characters; a profile naming itself does not keep its base's", () => {
  expect(
    parsed({ name: "Kế hoạch số 12/KH-UBND của UBND tỉnh X", shortName: " UBND tỉnh X " }).shortName,
  ).toBe("UBND tỉnh X");
  // The default's short name names the default, not a province's own plan built over it.
  expect(parsed({ name: "Kế hoạch số 12/KH-UBND của UBND tỉnh X" }).shortName).toBeUndefined();
  expect(refused({ shortName: "Sở Khoa học và Công nghệ thành phố Đồng Nai" })).toContain(
    "tối đa 30 ký tự, để đọc được trong ô chọn hồ sơ ở khung 320 px",
  );
  for (const name of SHIPPED_PROFILE_NAMES)
    expect(shippedProfile(name)?.shortName?.length ?? 99).toBeLessThanOrEqual(30);
});
