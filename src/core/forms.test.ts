// One engine, every form (SPEC §8): the marker names the form, files of another form are refused
// with FORM_MISMATCH, an unknown marker is NOT_TEMPLATE naming the known forms, and the CCHC
// form's own rules (quarters, percentages with their weight, free text) hold on real workbooks.
import { reportBytes, type Edit, type ReportData } from "../../test/helpers/report-builder";
import { inspectBytes } from "../app/inspect";
import type { Finding } from "./findings";
import type { CellInput } from "./sheetspec";
import { CCHC_FORM_ID, DEFAULT_FORM } from "./forms";
import { judgedPeriodsText } from "./form";
import { DEFAULT_PROFILE, parseProfile } from "./profile";
import { defaultProfileForForm, shippedProfile } from "./profiles";
import { templateTasks, templateWorkbook } from "./template";

const CCHC = defaultProfileForForm(CCHC_FORM_ID)!;
const only = (findings: readonly Finding[]) => findings.map((f) => [f.code, f.severity, f.sheet, f.cell]);

const cchcUnit: ReportData = {
  unit: "PHONG_CAP_PHEP",
  name: "Phòng Cấp phép",
  type: "PHONG_THUOC_SO",
  period: "Q2",
  year: 2025,
  reportDate: { year: 2025, month: 6, day: 12 },
};

/** Row of a CCHC count in Chỉ tiêu (header in row 4, counts in the form's order). */
const cchcRow = (code: string): number => 5 + CCHC.form.counts.findIndex((c) => c.code === code);

function cchc(data: Partial<ReportData> = {}, edits: Edit[] = []) {
  return inspectBytes(reportBytes({ ...cchcUnit, ...data }, edits, CCHC), CCHC);
}

describe("the marker names the form", () => {
  test("a filled CCHC-BC/2025 template validates clean with its own profile", () => {
    const r = cchc();
    expect(r.findings).toEqual([]);
    expect(r.form).toBe("CCHC-BC/2025");
    expect(r.report?.period).toEqual({ kind: "Q2", year: 2025 });
    expect(r.report?.values.HAI_LONG).toEqual({ previous: 98.5, current: 98.5 });
  });
  test("validated with the KL226 profile, a CCHC file is FORM_MISMATCH at Thông tin!A1; its other findings are those of its own form", () => {
    const r = inspectBytes(reportBytes(cchcUnit, [], CCHC), DEFAULT_PROFILE);
    expect(r.valid).toBe(false);
    expect(only(r.findings)).toEqual([["FORM_MISMATCH", "error", "Thông tin", "A1"]]);
    expect(r.findings[0]?.message).toMatch(/mẫu CCHC-BC\/2025, không phải mẫu KL226-BC\/1/);
  });
  test("with forms: follow (validate without a profile), each file is read with its own form", () => {
    const r = inspectBytes(reportBytes(cchcUnit, [], CCHC), DEFAULT_PROFILE, {}, { forms: "follow" });
    expect(r.valid).toBe(true);
    expect(r.form).toBe("CCHC-BC/2025");
  });
  test("an unknown marker is NOT_TEMPLATE naming the forms known", () => {
    const r = inspectBytes(
      reportBytes({ unit: "SO_NOI_VU", name: "Sở Nội vụ" }, [
        { op: "set", sheet: "Thông tin", cell: "A1", value: "KL226-BC/2 · BÁO CÁO" },
      ]),
      DEFAULT_PROFILE,
    );
    expect(only(r.findings)).toEqual([["NOT_TEMPLATE", "error", "Thông tin", "A1"]]);
    expect(r.findings[0]?.message).toMatch(/“KL226-BC\/2”.*KL226-BC\/1, CCHC-BC\/2025/);
    expect(r.unit).toBe("SO_NOI_VU");
  });
  test("A1 alone names the form (a clerk copied the sheets into a new workbook and lost the defined name)", () => {
    const bytes = reportBytes(cchcUnit, [], CCHC);
    const r = inspectBytes(bytes, DEFAULT_PROFILE, {}, { forms: "follow" });
    expect(r.form).toBe("CCHC-BC/2025");
    // And a KL226 file whose A1 title was retyped without the marker is still read as the profile's form.
    const plain = inspectBytes(
      reportBytes({ unit: "SO_NOI_VU", name: "Sở Nội vụ" }, [
        { op: "set", sheet: "Thông tin", cell: "A1", value: "BÁO CÁO KẾT QUẢ" },
      ]),
      DEFAULT_PROFILE,
    );
    expect(plain.valid).toBe(true);
  });
});

describe("periods follow the form", () => {
  test("KL226-BC/1 has no quarters: “Quý I” is BAD_VALUE listing 6 tháng and Năm", () => {
    const r = inspectBytes(
      reportBytes({ unit: "SO_NOI_VU", name: "Sở Nội vụ" }, [
        { op: "set", sheet: "Thông tin", cell: "C8", value: "Quý I" },
      ]),
      DEFAULT_PROFILE,
    );
    expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Thông tin", "C8"]]);
    expect(r.findings[0]?.message).toMatch(/“6 tháng”; “Năm”/);
  });
  test.each(["Quý II", "Q2", "quý 2", "QUÝ II".normalize("NFD")])("CCHC accepts %s as Q2", (text) => {
    const r = cchc({}, [{ op: "set", sheet: "Thông tin", cell: "C8", value: text }]);
    expect(r.report?.period.kind).toBe("Q2");
  });
});

describe("a quarter's report date (UNLIKELY_DATE)", () => {
  const dated = (year: number, month: number, day: number) =>
    cchc({ period: "Q3", year: 2025, reportDate: { year, month, day } });
  test("within the quarter or up to six months after it: no warning", () => {
    expect(dated(2025, 7, 1).findings).toEqual([]);
    expect(dated(2025, 10, 14).findings).toEqual([]);
    expect(dated(2026, 3, 31).findings).toEqual([]);
  });
  test("a year after the quarter, or before it began, is pointed out at the date cell", () => {
    const late = dated(2026, 9, 30);
    expect(only(late.findings)).toEqual([["UNLIKELY_DATE", "warning", "Thông tin", "C10"]]);
    expect(late.findings[0]?.message).toMatch(
      /^Ngày báo cáo 30\/09\/2026 muộn hơn 31\/03\/2026, quá xa kỳ báo cáo \(quý III\/2025\): có thể gõ nhầm năm\./,
    );
    const early = dated(2025, 6, 20);
    expect(early.findings[0]?.message).toMatch(
      /^Ngày báo cáo 20\/06\/2025 ở trước ngày bắt đầu kỳ báo cáo quý III\/2025 \(01\/07\/2025\):/,
    );
  });
});

test("a ratio's part filled with its optional whole blank is accepted with a warning at the whole's cell", () => {
  const r = cchc({}, [
    { op: "set", sheet: "Chỉ tiêu", cell: `E${cchcRow("HS_CO_PHI")}`, value: null },
    { op: "set", sheet: "Chỉ tiêu", cell: `E${cchcRow("HS_THANH_TOAN_DT")}`, value: 12 },
  ]);
  expect(r.valid).toBe(true);
  expect(only(r.findings)).toEqual([["MISSING_VALUE", "warning", "Chỉ tiêu", `E${cchcRow("HS_CO_PHI")}`]]);
  expect(r.findings[0]?.message).toMatch(
    /^Đã điền “Trong đó: ứng dụng thanh toán điện tử” \(12\) nhưng chưa điền “Số hồ sơ TTHC có phí, lệ phí” \(cột E, kỳ này\): chỉ tiêu “[^”]+” của đơn vị không tính được, và số 12 không được tính vào tỷ lệ chung\. Điền “Số hồ sơ TTHC có phí, lệ phí”; nếu không có thì xóa số “trong đó”\.$/,
  );
});

describe("percentages (HAI_LONG) with their weight", () => {
  const E = (code: string): string => `E${cchcRow(code)}`;
  const set = (code: string, value: CellInput): Edit => ({
    op: "set",
    sheet: "Chỉ tiêu",
    cell: E(code),
    value,
  });
  test.each([
    [96.5, 96.5, false],
    [96, 96, false],
    ["96,5", 96.5, true],
    ["96.25", 96.25, true],
    ["96,5%", 96.5, true],
    // Every form satisfied: the top of the scale, not over it.
    [100, 100, false],
    ["100%", 100, true],
  ] as const)("%s reads as %s", (typed, value, coerced) => {
    const r = cchc({}, [set("HAI_LONG", typed)]);
    expect(r.valid).toBe(true);
    expect(r.report?.values.HAI_LONG?.current).toBe(value);
    expect(r.findings.some((f) => f.code === "COERCED")).toBe(coerced);
  });
  test.each([
    [96.555, /quá 2 chữ số thập phân \(96,555\)\. Làm tròn đến 2 chữ số, gõ 96,56\./],
    // A pasted 96,55004 is a hair off 96,55: still more than 2 decimals, not silently rounded.
    [96.55004, /quá 2 chữ số thập phân \(96,55004\)\. Làm tròn đến 2 chữ số, gõ 96,55\./],
    ["96,555", /quá 2 chữ số thập phân \(96,555\)\. Làm tròn đến 2 chữ số, gõ 96,56\./],
    ["99,996", /gõ 100,00\./],
    [101, /vượt quá 100%/],
    [-1, /số âm/],
    ["cao", /không phải là tỷ lệ/],
  ] as const)("%s is BAD_VALUE", (typed, message) => {
    const r = cchc({}, [set("HAI_LONG", typed)]);
    expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", E("HAI_LONG")]]);
    expect(r.findings[0]?.message).toMatch(message);
  });
  test("a satisfaction rate typed as a fraction (0,965 for 96,5%) is refused with both readings", () => {
    const cell = E("HAI_LONG");
    for (const [typed, message] of [
      [
        0.965,
        `“Mức độ hài lòng của cá nhân, tổ chức về giải quyết TTHC (%)” (cột E, kỳ này) là 0,965: tỷ lệ ghi theo thang 0–100, nên số này nghĩa là 0,965%, không phải 96,5%. Nếu là 96,5%, gõ 96,5.`,
      ],
      [
        0.97,
        `“Mức độ hài lòng của cá nhân, tổ chức về giải quyết TTHC (%)” (cột E, kỳ này) là 0,97: tỷ lệ ghi theo thang 0–100, nên số này nghĩa là 0,97%, không phải 97%. Nếu là 97%, gõ 97; nếu đúng là 0,97%, gõ kèm dấu %: 0,97%.`,
      ],
      [
        "1",
        `“Mức độ hài lòng của cá nhân, tổ chức về giải quyết TTHC (%)” (cột E, kỳ này) là 1: tỷ lệ ghi theo thang 0–100, nên số này nghĩa là 1%, không phải 100%. Nếu là 100%, gõ 100; nếu đúng là 1%, gõ kèm dấu %: 1%.`,
      ],
    ] as const) {
      const r = cchc({}, [set("HAI_LONG", typed)]);
      expect(r.valid).toBe(false);
      expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", cell]]);
      expect(r.findings[0]?.message).toBe(message);
    }
    // Typed with its "%", a rate under 1% is what the clerk says it is.
    const low = cchc({}, [set("HAI_LONG", "0,97%")]);
    expect(low.valid).toBe(true);
    expect(low.report?.values.HAI_LONG?.current).toBe(0.97);
  });
  test("HAI_LONG filled with PHIEU_KHAO_SAT blank is MISSING_VALUE on the PHIEU_KHAO_SAT cell", () => {
    const r = cchc({}, [set("PHIEU_KHAO_SAT", null)]);
    expect(only(r.findings)).toEqual([["MISSING_VALUE", "error", "Chỉ tiêu", E("PHIEU_KHAO_SAT")]]);
    expect(r.findings[0]?.message).toMatch(/Đã điền “Mức độ hài lòng.*chưa điền “Số phiếu/);
  });
  test("a rate over 0 forms is INCONSISTENT on the forms cell: it would be judged yet weigh nothing", () => {
    const r = cchc({}, [set("PHIEU_KHAO_SAT", 0), set("HAI_LONG", 97)]);
    expect(only(r.findings)).toEqual([["INCONSISTENT", "error", "Chỉ tiêu", E("PHIEU_KHAO_SAT")]]);
    expect(r.findings[0]?.message).toBe(
      "Đã điền “Mức độ hài lòng của cá nhân, tổ chức về giải quyết TTHC (%)” (97%) nhưng “Số phiếu, lượt đánh giá sự hài lòng (bắt buộc khi có mức độ hài lòng)” là 0 (cột E, kỳ này): tỷ lệ phải tính từ ít nhất một phiếu. Ghi số phiếu, lượt đánh giá đã dùng để tính tỷ lệ; nếu kỳ này không khảo sát, xóa ô tỷ lệ (để trống).",
    );
    // No survey this period: both left blank (or 0 forms and no rate) is fine.
    expect(cchc({}, [set("PHIEU_KHAO_SAT", 0), set("HAI_LONG", null)]).valid).toBe(true);
  });
  test("both blank is fine (the indicator is not judged)", () => {
    const r = cchc({}, [set("PHIEU_KHAO_SAT", null), set("HAI_LONG", null)]);
    expect(r.valid).toBe(true);
  });
  test("the CCHC part rules: HS_TRE_HAN ≤ HS_GIAI_QUYET, HS_XIN_LOI ≤ HS_TRE_HAN", () => {
    const r = cchc({}, [set("HS_TRE_HAN", 5000)]);
    expect(only(r.findings)).toContainEqual(["INCONSISTENT", "error", "Chỉ tiêu", E("HS_TRE_HAN")]);
  });
});

describe("free text and tasks", () => {
  test("KHO_KHAN, KIEN_NGHI, MO_HINH_HAY are read when filled (long text allowed), optional otherwise", () => {
    const long = "Phần mềm một cửa điện tử thường xuyên gián đoạn; ".repeat(40);
    const r = cchc({ texts: { KHO_KHAN: long, KIEN_NGHI: "Đề nghị nâng cấp đường truyền" } });
    expect(r.valid).toBe(true);
    expect(r.report?.texts).toEqual({ KHO_KHAN: long.trim(), KIEN_NGHI: "Đề nghị nâng cấp đường truyền" });
  });
  test("a task that does not apply to the unit's type is not listed in its template", () => {
    const p = shippedProfile("thanh-hoa-226")!;
    const form = {
      ...p.form,
      tasks: [
        ...p.form.tasks,
        {
          content: "Nhiệm vụ riêng của các xã",
          lead: "UBND xã",
          partners: "",
          product: "",
          deadline: "Năm 2026",
          appliesTo: ["UBND_XA"],
        },
      ],
    };
    const profile = { ...p, form };
    expect(templateTasks(form, { type: "SO_NGANH" })).toHaveLength(12);
    expect(templateTasks(form, { type: "UBND_XA" })).toHaveLength(13);
    expect(templateTasks(form)).toHaveLength(13);
    const sheet = templateWorkbook(profile, { type: "SO_NGANH" }).sheets.find((s) => s.name === "Nhiệm vụ")!;
    expect(JSON.stringify(sheet.rows)).not.toContain("Nhiệm vụ riêng của các xã");
  });
  test("the template tells the profile's deadlines, not the default's", () => {
    const info = templateWorkbook(shippedProfile("dong-thap-syt-226")!).sheets[0]!;
    const text = JSON.stringify(info);
    expect(text).toContain("“6 tháng” (hạn 02/6) hoặc “Năm” (hạn 01/12)");
    expect(text).not.toContain("06/6");
  });
  test("column D's header follows the profile (năm 2025 for a fixed baseline)", () => {
    const parsed = parseProfile({ name: "Thử: cột D năm 2025", previousHeader: "Năm 2025" });
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const counts = templateWorkbook(parsed.profile).sheets.find((s) => s.name === "Chỉ tiêu")!;
    expect(counts.rows[3]?.[3]?.value).toBe("Năm 2025");
  });
});

test("an indicator judged in some periods names them as a sentence does: “báo cáo quý II và báo cáo năm”", () => {
  const ind = DEFAULT_FORM.indicators[0]!;
  expect(judgedPeriodsText({ ...ind, periods: ["Q2", "NAM"] })).toBe("báo cáo quý II và báo cáo năm");
  expect(judgedPeriodsText({ ...ind, periods: ["Q1", "Q3", "6T"] })).toBe(
    "báo cáo quý I, báo cáo quý III và báo cáo 6 tháng",
  );
});
