// What each shipped plan's own documents say, read against the plan in the seeds as the Sở's chánh
// văn phòng would before signing (session 37): the letters and the report of one round, per profile.
import { consolidate } from "./consolidate";
import { documentText, reportersWord, type DocumentDates } from "./documents";
import type { Period } from "./form";
import { followUpLetters, letterDocument } from "./letters";
import { shippedProfile } from "./profiles";
import { reportDocument } from "./report";
import { DEFAULT_PROFILE, parseProfile } from "./profile";
import { PROFILE_FILES } from "./profiles-list";
import type { UnitTypeId } from "./catalogue";
import { inspectBytes } from "../app/inspect";
import { reportBytes, type ReportData } from "../../test/helpers/report-builder";

const ROSTER = [{ code: "KHTC", name: "Phòng Kế hoạch - Tài chính", type: "Phòng, đơn vị thuộc Sở" }];

/** A round in which the one unit of the roster sent nothing, dated a week after its deadline: one letter, and the report. */
function documents(name: string, period: Period): { letter: string; report: string } {
  const profile = shippedProfile(name)!;
  const roster = ROSTER;
  const c = consolidate([], { profile, roster, period });
  const due = c.deadline!;
  const dates: DocumentDates = {
    date: { ...due, day: due.day + 7 },
    replyBy: { ...due, day: due.day + 14 },
  };
  const [letter] = followUpLetters(c, profile, dates);
  const report = reportDocument(c, profile, { date: dates.date, roster });
  return {
    letter: documentText(letterDocument(letter!, profile, dates)),
    report: documentText({ ...report, sections: [report.sections[0]!] }),
  };
}

// Each plan names who consolidates the units' reports: Đồng Nai's "Văn phòng Sở … Tổng hợp báo cáo
// định kỳ", Đồng Tháp's "gửi báo cáo … về Sở Y tế (qua Phòng Tổ chức cán bộ Sở)" (its own plan kept
// "Lưu: VT, TCCB"), HCM's Văn phòng Sở "tham mưu thực hiện chế độ báo cáo". Without it the letters
// were kept "Lưu: VT, SKHCN" (the Sở itself) and the report "Lưu: VT".
describe.each([
  ["dong-nai-skhcn-226", { kind: "6T", year: 2026 }, "SKHCN", "VP"],
  ["dong-thap-syt-226", { kind: "NAM", year: 2026 }, "SYT", "TCCB"],
  ["hcm-attp-226", { kind: "6T", year: 2026 }, "SATTP", "VP"],
  ["hcm-attp-cchc-2025", { kind: "Q2", year: 2025 }, "SATTP", "VP"],
] as const)(
  "%s: the office that consolidates drafts and keeps the documents",
  (name, period, body, office) => {
    const { letter, report } = documents(name, period);
    test(`letters numbered …/${body}-${office} and kept "Lưu: VT, ${office}"`, () => {
      expect(letter).toMatch(new RegExp(`Số: \\u00A0+/${body}-${office}\\b`));
      expect(letter).toContain(`- Lưu: VT, ${office}.`);
      expect(letter).not.toContain(`Lưu: VT, ${body}.`);
    });
    test(`the report kept "Lưu: VT, ${office}"`, () => {
      expect(report).toMatch(new RegExp(`Số: \\u00A0+/BC-${body}\\b`));
      expect(report).toContain(`- Lưu: VT, ${office}.`);
    });
  },
);

// Đồng Nai's plan: "Tổng hợp báo cáo định kỳ … gửi UBND thành phố (qua Sở Nội vụ)", its own Nơi nhận
// listing "Sở Nội vụ"; HCM's KL226 plan: "báo cáo kết quả về UBND Thành phố (qua Sở Nội vụ)". The
// report said "kính báo cáo Ủy ban nhân dân …" and was sent to no Sở Nội vụ: the signer added it by hand.
describe.each([
  ["dong-nai-skhcn-226", "Ủy ban nhân dân thành phố Đồng Nai"],
  ["hcm-attp-226", "Ủy ban nhân dân Thành phố Hồ Chí Minh"],
] as const)(
  "%s: the report goes to the city's People's Committee through its Sở Nội vụ",
  (name, superior) => {
    const { report } = documents(name, { kind: "6T", year: 2026 });
    test("the closing sentence says through whom", () => {
      expect(report).toContain(`kính báo cáo ${superior} (qua Sở Nội vụ)./.`);
    });
    test("Nơi nhận: the People's Committee, the Sở Nội vụ, then Lưu", () => {
      expect(report).toContain(`Nơi nhận: - ${superior}; - Sở Nội vụ; - Lưu: VT, VP. |`);
    });
  },
);

// Đồng Tháp's plan: "Các đơn vị trực thuộc … gửi báo cáo kết quả thực hiện về Sở Y tế (qua Phòng Tổ chức
// cán bộ Sở)"; Đồng Nai's: "Trưởng các phòng, đơn vị trực thuộc … báo cáo kết quả về Văn phòng Sở". The
// letters asked for the report "về Sở …" alone, and a phòng sent it to the Sở's general inbox.
describe("the letters say through which office of the Sở the units send, as the plan does (organisation.unitsReportVia)", () => {
  test.each([
    [
      "dong-thap-syt-226",
      { kind: "NAM", year: 2026 },
      "Đề nghị Phòng Kế hoạch - Tài chính gửi báo cáo năm 2026 theo mẫu KL226-BC/1 về Sở Y tế tỉnh Đồng Tháp (qua Phòng Tổ chức cán bộ) trước ngày 15/12/2026.",
    ],
    [
      "dong-nai-skhcn-226",
      { kind: "6T", year: 2026 },
      "Đề nghị Phòng Kế hoạch - Tài chính gửi báo cáo 6 tháng đầu năm 2026 theo mẫu KL226-BC/1 về Sở Khoa học và Công nghệ thành phố Đồng Nai (qua Văn phòng Sở) trước ngày 24/06/2026.",
    ],
  ] as const)("%s", (name, period, sentence) => {
    const { letter, report } = documents(name, period);
    expect(letter).toContain(sentence);
    // The report goes up, not to the units: it says nothing of the office.
    expect(report).not.toMatch(/qua (Phòng Tổ chức cán bộ|Văn phòng Sở)/);
  });

  test("HCM's plans name no office for the units' reports: the letter asks for it at the Sở", () => {
    const { letter } = documents("hcm-attp-226", { kind: "6T", year: 2026 });
    expect(letter).toContain(
      "Đề nghị Phòng Kế hoạch - Tài chính gửi báo cáo 6 tháng đầu năm 2026 theo mẫu KL226-BC/1 về Sở An toàn thực phẩm Thành phố Hồ Chí Minh trước ngày 20/06/2026.",
    );
  });
});

// Đồng Nai's and HCM's KL226 plans were unnumbered drafts ("Số: /KH-SKHCN", "Kế hoạch số /KH-SATTP"),
// cited by their titles alone: "Căn cứ Kế hoạch triển khai thực hiện Quyết định số 534/QĐ-TTg ngày
// 31/3/2026 của Thủ tướng Chính phủ, Sở …" read as the Prime Minister's plan. Each plan's appendix cites
// it "của Sở …": so do the letters and the report, until the profile gives its number.
describe.each([
  [
    "dong-nai-skhcn-226",
    "Căn cứ Kế hoạch của Sở Khoa học và Công nghệ triển khai thực hiện Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ và Kế hoạch số 123-KH/TU ngày 26/5/2026 của Thành ủy Đồng Nai, Sở Khoa học và Công nghệ thành phố Đồng Nai",
  ],
  [
    "hcm-attp-226",
    "Căn cứ Kế hoạch của Sở An toàn thực phẩm triển khai thực hiện Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ, Sở An toàn thực phẩm Thành phố Hồ Chí Minh",
  ],
] as const)("%s: the plan the documents rest on is the Sở's own", (name, opening) => {
  const { letter, report } = documents(name, { kind: "6T", year: 2026 });
  test("the letter", () => expect(letter).toContain(`${opening} đã tiếp nhận, tổng hợp báo cáo`));
  test("the report", () => expect(report).toContain(`${opening} báo cáo kết quả thực hiện 6 tháng`));
});

test("once the plan has its number, the profile's subject cites it: 'Thực hiện Kế hoạch số …'", () => {
  const profile = shippedProfile("dong-nai-skhcn-226")!;
  const numbered = {
    ...profile,
    form: { ...profile.form, subject: "Kế hoạch số 45/KH-SKHCN ngày 15/6/2026" },
  };
  const c = consolidate([], { profile: numbered, roster: ROSTER, period: { kind: "6T", year: 2026 } });
  const dates = { date: { year: 2026, month: 6, day: 17 }, replyBy: { year: 2026, month: 6, day: 24 } };
  const [letter] = followUpLetters(c, numbered, dates);
  expect(documentText(letterDocument(letter!, numbered, dates))).toContain(
    "Thực hiện Kế hoạch số 45/KH-SKHCN ngày 15/6/2026, Sở Khoa học và Công nghệ thành phố Đồng Nai đã tiếp nhận, tổng hợp báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026 của các phòng, đơn vị (hạn gửi báo cáo: ngày 10/06/2026).",
  );
});

test("a profile's reportSubject: the report upward cites the superior's plan, the letters to the units still the Sở's own", () => {
  const file = {
    ...(PROFILE_FILES["dong-nai-skhcn-226"] as object),
    reportSubject: "Kế hoạch số 83/KH-UBND ngày 10/6/2026 của UBND thành phố Đồng Nai",
  };
  const r = parseProfile(file);
  if (!r.ok) throw new Error(r.errors.join("; "));
  const profile = r.profile;
  const c = consolidate([], { profile, roster: ROSTER, period: { kind: "6T", year: 2026 } });
  const dates = { date: { year: 2026, month: 6, day: 17 }, replyBy: { year: 2026, month: 6, day: 24 } };
  const report = documentText(reportDocument(c, profile, { date: dates.date, roster: ROSTER }));
  expect(report).toContain(
    "Thực hiện Kế hoạch số 83/KH-UBND ngày 10/6/2026 của UBND thành phố Đồng Nai, Sở Khoa học và Công nghệ thành phố Đồng Nai báo cáo kết quả thực hiện 6 tháng đầu năm 2026",
  );
  expect(report).not.toContain("Căn cứ Kế hoạch của Sở Khoa học và Công nghệ");
  const [letter] = followUpLetters(c, profile, dates);
  expect(documentText(letterDocument(letter!, profile, dates))).toContain(
    "Căn cứ Kế hoạch của Sở Khoa học và Công nghệ triển khai thực hiện Quyết định số 534/QĐ-TTg ngày 31/3/2026",
  );
});

// SPEC §5: "one dated on the deadline day is on time". The plans write "trước ngày 10/6" (Đồng Nai),
// "trước ngày 02/6 … 01/12" (Đồng Tháp); session 23 kept the day itself on time, as the SPEC says.
test.each([
  [
    "dong-nai-skhcn-226",
    { kind: "6T", year: 2026 },
    { year: 2026, month: 6, day: 10 },
    "Đến ngày 17/06/2026, Sở Khoa học và Công nghệ thành phố Đồng Nai đã nhận 1 tệp báo cáo; tổng hợp được báo cáo của 1 đơn vị (1 đúng hạn, 0 trễ hạn; hạn gửi ngày 10/06/2026).",
  ],
  [
    "dong-thap-syt-226",
    { kind: "NAM", year: 2026 },
    { year: 2026, month: 12, day: 1 },
    "Đến ngày 08/12/2026, Sở Y tế tỉnh Đồng Tháp đã nhận 1 tệp báo cáo; tổng hợp được báo cáo của 1 đơn vị (1 đúng hạn, 0 trễ hạn; hạn gửi ngày 01/12/2026).",
  ],
] as const)(
  "%s: a report dated on the plan's deadline day is on time, in the report and in the letters",
  (name, period, due, line) => {
    const profile = shippedProfile(name)!;
    const unit = { unit: "KHTC", name: "Phòng Kế hoạch - Tài chính", type: "PHONG_THUOC_SO" as const };
    // Every target met (Đồng Tháp's own hồ sơ công việc too): nothing but the date could draw a letter.
    const counts = { HSCV_TONG: [100, 100], HSCV_MANG: [100, 100] } as const;
    const bytes = reportBytes(
      { ...unit, period: period.kind, year: period.year, reportDate: due, counts },
      [],
      profile,
    );
    const c = consolidate([{ file: "KHTC.xlsx", sha256: "k", result: inspectBytes(bytes, profile) }], {
      profile,
      roster: ROSTER,
      period,
    });
    const dates = { date: { ...due, day: due.day + 7 }, replyBy: { ...due, day: due.day + 14 } };
    expect(followUpLetters(c, profile, dates)).toEqual([]);
    const report = reportDocument(c, profile, { date: dates.date, roster: ROSTER });
    const text = documentText({ ...report, sections: [report.sections[0]!] });
    expect(text).toContain(line);
    expect(text).toContain("4. Đơn vị gửi báo cáo trễ hạn: không có.");
  },
);

// HCM's two plans name no signer (seed 000 is an appendix, seed 001 "của Giám đốc Sở" without a name):
// the block printed "GIÁM ĐỐC", room to sign, and an empty line, a finished-looking block without the
// name ND30 wants typed under the signature.
describe.each([
  ["hcm-attp-226", { kind: "6T", year: 2026 }],
  ["hcm-attp-cchc-2025", { kind: "Q2", year: 2025 }],
] as const)("%s: no signer named, a dotted line under the title to type the name on", (name, period) => {
  const { letter, report } = documents(name, period);
  test.each([
    ["the letter", letter],
    ["the report", report],
  ])("%s", (_, text) => {
    expect(text).toMatch(/\| GIÁM ĐỐC\s+…………………………$/m);
    expect(text).not.toMatch(/undefined|null/);
  });
});

test("a plan that names its signer has the name under the title (Đồng Nai: KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC)", () => {
  const { letter, report } = documents("dong-nai-skhcn-226", { kind: "6T", year: 2026 });
  for (const text of [letter, report]) {
    expect(text).toMatch(/\| KT\. GIÁM ĐỐC PHÓ GIÁM ĐỐC\s+Nguyễn Minh Quang$/m);
  }
});

// Seed 004 lists "UBND tỉnh" under its own Nơi nhận, while its title and body say "trên địa bàn thành phố
// Đồng Nai", "Thành ủy Đồng Nai", "gửi UBND thành phố (qua Sở Nội vụ)": the documents follow the body.
test("Đồng Nai's documents say 'thành phố' throughout, as its plan's body does, never 'tỉnh'", () => {
  const { letter, report } = documents("dong-nai-skhcn-226", { kind: "6T", year: 2026 });
  for (const text of [letter, report]) {
    // The heading's two lines of the People's Committee, then the Sở's.
    expect(text).toMatch(/^UBND THÀNH PHỐ\nĐỒNG NAI SỞ KHOA HỌC\nVÀ CÔNG NGHỆ /);
    expect(text).not.toMatch(/tỉnh/i);
  }
  expect(letter).toContain("Đồng Nai, ngày 17 tháng 6 năm 2026");
  expect(report).toContain("kính báo cáo Ủy ban nhân dân thành phố Đồng Nai (qua Sở Nội vụ)./.");
  expect(report).toContain("Nơi nhận: - Ủy ban nhân dân thành phố Đồng Nai; - Sở Nội vụ; - Lưu: VT, VP. |");
});

test("a plan that names no body in between keeps its one recipient (Đồng Tháp reports to its Sở Nội vụ itself)", () => {
  const { report } = documents("dong-thap-syt-226", { kind: "NAM", year: 2026 });
  expect(report).toContain("kính báo cáo Sở Nội vụ tỉnh Đồng Tháp./.");
  expect(report).not.toContain("(qua ");
});

// A Sở's round is its own phòng and units: each plan addresses "các phòng, đơn vị" (Đồng Nai), "các
// phòng thuộc Sở và các đơn vị trực thuộc" (Đồng Tháp), "các phòng, chi cục, đơn vị thuộc Sở" (HCM).
// The letters said the Sở had consolidated the reports "của các cơ quan, đơn vị", the report that
// "1 cơ quan, đơn vị phải gửi báo cáo": a phòng is no cơ quan.
describe.each([
  ["dong-nai-skhcn-226", { kind: "6T", year: 2026 }],
  ["dong-thap-syt-226", { kind: "NAM", year: 2026 }],
  ["hcm-attp-226", { kind: "6T", year: 2026 }],
  ["hcm-attp-cchc-2025", { kind: "Q2", year: 2025 }],
] as const)("%s: a Sở's own phòng and units are 'phòng, đơn vị'", (name, period) => {
  const { letter, report } = documents(name, period);
  test("the letter", () => {
    expect(letter).toMatch(/ của các phòng, đơn vị \(hạn gửi báo cáo/);
    expect(letter).not.toContain("cơ quan, đơn vị");
  });
  test("the report", () => {
    expect(report).toContain("tổng hợp từ báo cáo của các phòng, đơn vị theo mẫu");
    expect(report).toMatch(/Theo danh sách, 1 phòng, đơn vị phải gửi báo cáo/);
    // (HCM's task 18 speaks of "người đứng đầu cơ quan, đơn vị": the plan's own words stay.)
    expect(report).not.toMatch(/các cơ quan, đơn vị|cơ quan, đơn vị phải gửi/);
  });
});

test("a province's round of Sở, communes and units keeps 'cơ quan, đơn vị'", () => {
  expect(reportersWord(["Sở, ban, ngành", "UBND xã, phường", "Đơn vị sự nghiệp"])).toBe("cơ quan, đơn vị");
  expect(reportersWord(["Phòng, đơn vị thuộc Sở", "UBND xã, phường"])).toBe("cơ quan, đơn vị");
  expect(reportersWord(["Đơn vị sự nghiệp"])).toBe("cơ quan, đơn vị");
  expect(reportersWord([])).toBe("cơ quan, đơn vị");
  expect(reportersWord(["Phòng", "Đơn vị sự nghiệp"])).toBe("phòng, đơn vị");
});

// A returned file is no accepted unit and no missing one: the roster alone gives its type. A round
// whose Sở Tài chính was sent back beside one phòng is a round of "cơ quan, đơn vị".
const PHONG_AND_SO = [
  { code: "PHONG_A", name: "Phòng A", type: "Phòng, đơn vị thuộc Sở" },
  { code: "SO_TC", name: "Sở Tài chính", type: "Sở, ban, ngành" },
];

/** Phòng A's report accepted, Sở Tài chính's returned (a count typed in words), with or without the roster. */
function phongAndReturnedSo(withRoster: boolean) {
  const profile = DEFAULT_PROFILE;
  const file = (unit: string, name: string, type: UnitTypeId, counts: ReportData["counts"] = {}) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, type, counts }), profile),
  });
  const c = consolidate(
    [
      file("PHONG_A", "Phòng A", "PHONG_THUOC_SO"),
      file("SO_TC", "Sở Tài chính", "SO_NGANH", { HN_TONG: [1, "mười"] }),
    ],
    { profile, ...(withRoster ? { roster: PHONG_AND_SO } : {}), period: { kind: "6T", year: 2026 } },
  );
  return { profile, c };
}

test("the report names its round from the roster too: a Sở whose file was returned makes it 'cơ quan, đơn vị'", () => {
  const { profile, c } = phongAndReturnedSo(true);
  expect(c.returned.map((u) => u.code)).toEqual(["SO_TC"]);
  const report = documentText(
    reportDocument(c, profile, { date: { year: 2026, month: 6, day: 20 }, roster: PHONG_AND_SO }),
  );
  expect(report).toContain("tổng hợp từ báo cáo của các cơ quan, đơn vị theo mẫu KL226-BC/1");
  expect(report).toContain("Theo danh sách, 2 cơ quan, đơn vị phải gửi báo cáo");
  expect(report).not.toContain("phòng, đơn vị");
});

// The letters have no roster of their own: the returned unit's type comes with the consolidation. The
// letter to that Sở said "… của các phòng, đơn vị" while the report said "cơ quan, đơn vị".
test.each([true, false])(
  "the letter to a Sở whose file was returned beside one phòng's says 'cơ quan, đơn vị' (roster: %p)",
  (withRoster) => {
    const { profile, c } = phongAndReturnedSo(withRoster);
    const dates = { date: { year: 2026, month: 6, day: 20 }, replyBy: { year: 2026, month: 6, day: 27 } };
    const letter = followUpLetters(c, profile, dates).find((l) => l.unit === "SO_TC");
    const text = documentText(letterDocument(letter!, profile, dates));
    expect(text).toContain(
      "báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026 của các cơ quan, đơn vị",
    );
    expect(text).not.toContain("phòng, đơn vị");
  },
);
