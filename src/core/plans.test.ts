// Per-plan behaviour from the seeds' own numbers (SPEC §8), through the real template, reader,
// validator and consolidation: each expected number is worked out by hand in the test.
import { reportBytes, type Edit, type ReportData } from "../../test/helpers/report-builder";
import {
  consolidateBytes,
  consolidationProfile,
  consolidationRead,
  inspectFirstPass,
  inspectSubmission,
  LikelyProfile,
  RECHECK,
  takeAhead,
  type FileBytes,
} from "../app/consolidate-files";
import { createDecoder } from "../xlsx/read";
import { consolidate, consolidationJson, majorityForm, reportShortfalls } from "./consolidate";
import type { Submission } from "./consolidation";
import { CCHC_FORM_ID } from "./forms";
import type { Period } from "./form";
import { DEFAULT_PROFILE, parseProfile, type Profile } from "./profile";
import { defaultProfileForForm, shippedProfile } from "./profiles";
import { summaryWorkbook } from "./summary";
import { templateWorkbook } from "./template";
import { documentText } from "./documents";
import { followUpLetters } from "./letters";
import { reportDocument } from "./report";

const CCHC = defaultProfileForForm(CCHC_FORM_ID)!;

function submit(
  file: string,
  data: ReportData,
  profile: Profile,
  edits: readonly Edit[] = [],
  readWith: Profile = profile,
): Submission {
  const bytes = reportBytes(data, edits, profile);
  return inspectSubmission({ file, bytes, sha256: file }, readWith);
}

const kl = (code: string, extra: Partial<ReportData> = {}): ReportData => ({
  unit: code,
  name: `Đơn vị ${code}`,
  ...extra,
});
const cchc = (
  code: string,
  counts: ReportData["counts"] = {},
  extra: Partial<ReportData> = {},
): ReportData => ({
  unit: code,
  name: `Phòng ${code}`,
  type: "PHONG_THUOC_SO",
  period: "Q2",
  year: 2025,
  reportDate: { year: 2025, month: 6, day: 10 },
  counts,
  ...extra,
});

describe("dong-thap-syt-226 (seed 002)", () => {
  const p = shippedProfile("dong-thap-syt-226")!;
  test("a report dated 3/6 is late against the plan's 2/6 (on time under the default 6/6)", () => {
    const on = submit("a.xlsx", kl("TT_A", { reportDate: { year: 2026, month: 6, day: 2 } }), p);
    const late = submit("b.xlsx", kl("TT_B", { reportDate: { year: 2026, month: 6, day: 3 } }), p);
    const c = consolidate([on, late], { profile: p });
    expect(c.units.map((u) => [u.code, u.late])).toEqual([
      ["TT_A", false],
      ["TT_B", true],
    ]);
    expect(c.deadline).toEqual({ year: 2026, month: 6, day: 2 });
  });
  test("no digital-skills column or shortfall, whatever the unit typed", () => {
    const c = consolidate([submit("a.xlsx", kl("TT_A"), p)], { profile: p });
    expect(c.shortfalls.map((s) => s.indicator)).not.toContain("DIGITAL_SKILLS_RATIO");
    const sheets = summaryWorkbook(c, p).sheets;
    const headerOf = (name: string, row: number): string[] =>
      sheets.find((s) => s.name === name)!.rows[row]!.map((cell) => String(cell?.value ?? ""));
    const headers = [...headerOf("Tổng hợp", 4), ...headerOf("Số liệu", 2)];
    expect(headers.some((h) => /kỹ năng số/i.test(h))).toBe(false);
    expect(headers.some((h) => /hồ sơ công việc/i.test(h))).toBe(true);
  });
  test("its own hồ sơ công việc ≥ 95%: 94 of 100 is short by 1", () => {
    const own = p.form.indicators.find((i) => i.label.includes("hồ sơ công việc"))!;
    if (own.kind !== "ratio") throw new Error("expected a ratio");
    const c = consolidate(
      [submit("a.xlsx", kl("TT_A", { counts: { [own.whole]: [null, 100], [own.part]: [null, 94] } }), p)],
      { profile: p },
    );
    expect(c.shortfalls).toEqual([
      expect.objectContaining({ unit: "TT_A", indicator: own.id, value: 0.94, gap: 1 }),
    ]);
  });
});

describe("dong-nai-skhcn-226 (seed 004)", () => {
  const p = shippedProfile("dong-nai-skhcn-226")!;
  test("the Sở's 15 TTHC a year is not each phòng's target: a phòng that cut 4 has no shortfall, the cuts are summed", () => {
    const c = consolidate(
      [
        submit("a.xlsx", kl("P_A", { counts: { TTHC_CAT_GIAM: [null, 4] } }), p),
        submit("b.xlsx", kl("P_B", { counts: { TTHC_CAT_GIAM: [null, 11] } }), p),
      ],
      { profile: p },
    );
    expect(c.shortfalls.filter((s) => s.indicator.includes("TTHC_CUT"))).toEqual([]);
    expect(c.province.values.TTHC_CAT_GIAM).toEqual({ previous: null, current: 15 });
  });
  test("a half-year is compared with last year's same half (column D “Cùng kỳ năm trước”, not all of 2025)", () => {
    const counts = templateWorkbook(p).sheets.find((s) => s.name === "Chỉ tiêu")!;
    expect(counts.rows[3]?.[3]?.value).toBe("Cùng kỳ năm trước");
  });
});

describe("a profile's own minimum count and fixed baseline (what a plan like seed 004's could ask)", () => {
  const parsed = parseProfile({
    name: "Thử: tối thiểu 15 TTHC, cột D năm 2025",
    previousHeader: "Năm 2025",
    indicators: [
      {
        id: "TTHC_CUT_MIN",
        kind: "minCount",
        of: "TTHC_CAT_GIAM",
        target: 15,
        comparison: ">=",
        label: "Rà soát, cắt giảm 15 thủ tục hành chính",
        short: "Cắt giảm TTHC",
        itemUnit: "thủ tục",
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const own = parsed.profile;
  test("at least 15 TTHC cut: 14 is short by 1, 15 meets", () => {
    const c = consolidate(
      [
        submit("a.xlsx", kl("P_A", { counts: { TTHC_CAT_GIAM: [null, 14] } }), own),
        submit("b.xlsx", kl("P_B", { counts: { TTHC_CAT_GIAM: [null, 15] } }), own),
      ],
      { profile: own },
    );
    expect(
      c.units.map((u) => [u.code, u.indicators.TTHC_CUT_MIN?.status, u.indicators.TTHC_CUT_MIN?.gap]),
    ).toEqual([
      ["P_A", "short", 1],
      ["P_B", "met", 0],
    ]);
  });
  test("column D reads “Năm 2025” in the template and the summary", () => {
    const c = consolidate([submit("a.xlsx", kl("P_A"), own)], { profile: own });
    const values = summaryWorkbook(c, own).sheets.find((s) => s.name === "Số liệu")!;
    expect(values.rows[2]!.map((cell) => String(cell?.value ?? ""))).toContain(
      "Số văn bản hành chính ban hành (năm 2025)",
    );
    const counts = templateWorkbook(own).sheets.find((s) => s.name === "Chỉ tiêu")!;
    expect(counts.rows[3]?.[3]?.value).toBe("Năm 2025");
  });
});

describe("CCHC-BC/2025 (seed 001)", () => {
  test("giải ngân > 95%: exactly 95% is short by one (floor(0,95·1000) + 1 − 950)", () => {
    const yearly = { period: "NAM" as const, reportDate: { year: 2025, month: 12, day: 10 } };
    const c = consolidate(
      [
        submit(
          "a.xlsx",
          cchc("P_A", { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 950] }, yearly),
          CCHC,
        ),
      ],
      { profile: CCHC },
    );
    expect(c.units[0]!.indicators.GIAI_NGAN_RATIO).toEqual({
      value: 0.95,
      target: 0.95,
      comparison: ">",
      status: "short",
      gap: 1,
    });
  });
  test("giải ngân is the year's target: a quarter's report keeps its value as progress, not judged (no shortfall, no letter)", () => {
    const q2 = consolidate(
      [submit("a.xlsx", cchc("P_A", { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 400] }), CCHC)],
      { profile: CCHC },
    );
    expect(q2.units[0]!.indicators.GIAI_NGAN_RATIO).toMatchObject({ value: 0.4, status: "na", gap: null });
    expect(q2.province.indicators.GIAI_NGAN_RATIO).toMatchObject({ value: 0.4, status: "na" });
    expect(q2.shortfalls.map((s) => s.indicator)).not.toContain("GIAI_NGAN_RATIO");
    expect(
      followUpLetters(q2, CCHC, {
        date: { year: 2025, month: 6, day: 20 },
        replyBy: { year: 2025, month: 6, day: 27 },
      }),
    ).toEqual([]);
    const text = documentText(reportDocument(q2, CCHC, { date: { year: 2025, month: 6, day: 20 } }));
    expect(text).toContain(
      "14. Giải ngân kế hoạch vốn đầu tư ngân sách nhà nước (mục tiêu trên 95%): chỉ đánh giá ở báo cáo năm; kết quả chung kỳ này (1 đơn vị) đạt 40,0%, chỉ để theo dõi.",
    );
    // (A wide form's title rows start after the unit columns.)
    const legend = String(summaryWorkbook(q2, CCHC).sheets[0]!.rows[2]!.find((cell) => cell !== null)?.value);
    expect(legend).toContain("Giải ngân vốn: chỉ đánh giá ở báo cáo năm; kỳ này ghi số để theo dõi.");
    // A clerk checking a quarter's file is not told it falls short of the year's target.
    const unit = submit(
      "a.xlsx",
      cchc("P_A", { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 400] }),
      CCHC,
    );
    expect(reportShortfalls(unit.result.report!, CCHC.form).map((s) => s.indicator.id)).not.toContain(
      "GIAI_NGAN_RATIO",
    );
  });
  test("a profile's periods must be periods of its form", () => {
    const parsed = parseProfile({
      name: "Thử",
      form: "CCHC-BC/2025",
      // The form's own giải ngân, to be judged in a period the form does not have.
      indicators: [{ ...CCHC.form.indicators.find((i) => i.id === "GIAI_NGAN_RATIO")!, periods: ["6T"] }],
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.join("\n")).toContain(
      "kỳ 6T không có trong biểu mẫu (các kỳ: Q1, Q2, Q3, Q4, NAM)",
    );
  });
  test("satisfaction is pooled by weight, never a plain mean", () => {
    // 98% of 100 answers and 90% of 300: (98·100 + 90·300) / 400 = 92%, short of 96%; the plain mean would be 94%.
    const a = submit("a.xlsx", cchc("P_A", { HAI_LONG: [null, 98], PHIEU_KHAO_SAT: [null, 100] }), CCHC);
    const b = submit("b.xlsx", cchc("P_B", { HAI_LONG: [null, 90], PHIEU_KHAO_SAT: [null, 300] }), CCHC);
    const c = consolidate([a, b], { profile: CCHC });
    expect(c.province.indicators.HAI_LONG).toMatchObject({ value: 0.92, status: "short", gap: null });
    expect(c.province.values.HAI_LONG).toEqual({ previous: null, current: 92 });
    expect(c.province.values.PHIEU_KHAO_SAT?.current).toBe(400);
    const json = consolidationJson(c) as {
      units: Array<{
        values: Record<string, { current: number }>;
        indicators: Record<string, { value: number }>;
      }>;
    };
    expect(json.units[0]!.values.HAI_LONG!.current).toBe(98);
    expect(json.units[0]!.indicators.HAI_LONG!.value).toBe(0.98);
    // A unit's shortfall on a rate has no countable gap.
    expect(c.shortfalls.find((s) => s.unit === "P_B" && s.indicator === "HAI_LONG")).toMatchObject({
      value: 0.9,
      gap: null,
    });
  });
  test("typed decimals are judged exactly as typed: 95,99% is short of 96%, 96,00% meets", () => {
    const a = submit("a.xlsx", cchc("P_A", { HAI_LONG: [null, "95,99"], PHIEU_KHAO_SAT: [null, 10] }), CCHC);
    const b = submit("b.xlsx", cchc("P_B", { HAI_LONG: [null, "96,00"], PHIEU_KHAO_SAT: [null, 10] }), CCHC);
    const c = consolidate([a, b], { profile: CCHC });
    expect(c.units.map((u) => u.indicators.HAI_LONG?.status)).toEqual(["short", "met"]);
  });
  test("a unit whose every surveyed citizen was satisfied (100%) is counted, not returned: 100% of 40 and 92% of 10 pool to 98,4%", () => {
    const all = submit("a.xlsx", cchc("P_A", { HAI_LONG: [null, 100], PHIEU_KHAO_SAT: [null, 40] }), CCHC);
    const most = submit("b.xlsx", cchc("P_B", { HAI_LONG: [null, 92], PHIEU_KHAO_SAT: [null, 10] }), CCHC);
    const c = consolidate([all, most], { profile: CCHC });
    expect(c.rejected).toEqual([]);
    expect(c.units.map((u) => [u.code, u.values.HAI_LONG?.current, u.indicators.HAI_LONG?.status])).toEqual([
      ["P_A", 100, "met"],
      ["P_B", 92, "short"],
    ]);
    // (100·40 + 92·10) / 50 = 98,4%: without P_A the province would be 92%, short of 96%.
    expect(c.province.values.HAI_LONG).toEqual({ previous: null, current: 98.4 });
    expect(c.province.indicators.HAI_LONG?.status).toBe("met");
  });
  test("the province rate pools the hundredths as typed: 81,85% of 1 and 98,83% of 5 is exactly 96,00%, which meets 96%", () => {
    // (8185·1 + 9883·5) / 6 = 57600 / 6 = 9600 hundredths. (81,85 · 100 is 8184,999… in floats.)
    const a = submit("a.xlsx", cchc("P_A", { HAI_LONG: [null, 81.85], PHIEU_KHAO_SAT: [null, 1] }), CCHC);
    const b = submit("b.xlsx", cchc("P_B", { HAI_LONG: [null, 98.83], PHIEU_KHAO_SAT: [null, 5] }), CCHC);
    const c = consolidate([a, b], { profile: CCHC });
    expect(c.province.values.HAI_LONG).toEqual({ previous: null, current: 96 });
    expect(c.province.indicators.HAI_LONG).toMatchObject({ value: 0.96, status: "met", gap: 0 });
  });
  test("xin lỗi hồ sơ trễ hạn is na when no file was late", () => {
    const c = consolidate(
      [submit("a.xlsx", cchc("P_A", { HS_TRE_HAN: [null, 0], HS_XIN_LOI: [null, 0] }), CCHC)],
      { profile: CCHC },
    );
    expect(c.units[0]!.indicators.XIN_LOI_RATIO?.status).toBe("na");
  });
  test("quarter deadlines: Q2 by 15/6; a report dated 16/6 is late", () => {
    const c = consolidate(
      [submit("a.xlsx", cchc("P_A", {}, { reportDate: { year: 2025, month: 6, day: 16 } }), CCHC)],
      { profile: CCHC },
    );
    expect(c.period).toEqual({ kind: "Q2", year: 2025 });
    expect(c.units[0]!.late).toBe(true);
  });
});

describe("indicators and tasks that apply to some unit types only (SPEC §8 appliesTo)", () => {
  const base = DEFAULT_PROFILE;
  const profile: Profile = {
    ...base,
    form: {
      ...base.form,
      indicators: base.form.indicators.map((i) =>
        i.id === "TTHC_DIGITAL_RATIO" ? { ...i, appliesTo: ["UBND_XA" as const] } : i,
      ),
    },
  };
  test("a unit of another type is na for it, not short; the province pools only the units it applies to", () => {
    const so = submit(
      "a.xlsx",
      kl("SO_A", { type: "SO_NGANH", counts: { TTHC_TONG: [null, 100], TTHC_SO: [null, 10] } }),
      profile,
    );
    const xa = submit(
      "b.xlsx",
      kl("XA_B", { type: "UBND_XA", counts: { TTHC_TONG: [null, 100], TTHC_SO: [null, 99] } }),
      profile,
    );
    const c = consolidate([so, xa], { profile });
    expect(c.units.map((u) => u.indicators.TTHC_DIGITAL_RATIO?.status)).toEqual(["na", "met"]);
    expect(c.province.indicators.TTHC_DIGITAL_RATIO).toMatchObject({ value: 0.99, status: "met" });
    expect(c.province.counts.TTHC_DIGITAL_RATIO).toEqual({ met: 1, short: 0, na: 1 });
  });
});

describe("a mixed folder (SPEC §8)", () => {
  const klFiles = [
    submit("kl1.xlsx", kl("SO_A"), DEFAULT_PROFILE),
    submit("kl2.xlsx", kl("SO_B"), DEFAULT_PROFILE),
  ];
  test("consolidated with a KL226 profile, the CCHC files are listed with FORM_MISMATCH; nothing silently dropped", () => {
    const cchcFile = submit("cchc.xlsx", cchc("P_A"), CCHC, [], DEFAULT_PROFILE);
    const c = consolidate([...klFiles, cchcFile], { profile: DEFAULT_PROFILE });
    expect(c.units.map((u) => u.code)).toEqual(["SO_A", "SO_B"]);
    expect(c.rejected.map((r) => [r.file, r.findings[0]?.code])).toEqual([["cchc.xlsx", "FORM_MISMATCH"]]);
    expect(c.sources.map((s) => [s.file, s.status])).toEqual([
      ["cchc.xlsx", "rejected"],
      ["kl1.xlsx", "accepted"],
      ["kl2.xlsx", "accepted"],
    ]);
  });
  test("without a profile, the form most files declare is consolidated (tie: KL226-BC/1) and the others are FORM_MISMATCH alone, as with the profile chosen", () => {
    const follow = (file: string, data: ReportData, profile: Profile): Submission =>
      inspectSubmission(
        { file, bytes: reportBytes(data, [], profile), sha256: file },
        DEFAULT_PROFILE,
        undefined,
        { forms: "follow" },
      );
    const files = [
      follow("kl1.xlsx", kl("SO_A"), DEFAULT_PROFILE),
      follow("c1.xlsx", cchc("P_A"), CCHC),
      follow("c2.xlsx", cchc("P_B"), CCHC),
    ];
    expect(majorityForm(files, "KL226-BC/1")).toBe(CCHC_FORM_ID);
    expect(majorityForm(files.slice(0, 2), "KL226-BC/1")).toBe("KL226-BC/1");
    const { profile } = consolidationProfile(files, undefined);
    expect(profile.form.id).toBe(CCHC_FORM_ID);
    const c = consolidate(files, { profile });
    expect(c.units.map((u) => u.code)).toEqual(["P_A", "P_B"]);
    // Its 6-month period is another regime's: no PERIOD_MISMATCH asking for this quarter's report
    // beside FORM_MISMATCH (the profile chosen by --profile never added one either).
    expect(c.rejected[0]?.findings.map((f) => f.code)).toEqual(["FORM_MISMATCH"]);
    const chosen = consolidate(
      [kl("SO_A"), cchc("P_A"), cchc("P_B")].map((data, i) =>
        inspectSubmission(
          {
            file: files[i]!.file,
            bytes: reportBytes(data, [], i === 0 ? DEFAULT_PROFILE : CCHC),
            sha256: files[i]!.file,
          },
          profile,
        ),
      ),
      { profile },
    );
    expect(chosen.rejected.map((r) => r.findings.map((f) => f.code))).toEqual([["FORM_MISMATCH"]]);
    // A file of the other form made with a plan of that form is checked beside FORM_MISMATCH by that
    // plan, as its unit checks it: not told of rows the form's defaults have and its plan never had.
    const th = shippedProfile("thanh-hoa-226")!;
    const planned = inspectSubmission(
      { file: "kl2.xlsx", bytes: reportBytes(kl("SO_B"), [], th), sha256: "kl2.xlsx" },
      profile,
    );
    expect(planned.result.findings.map((f) => f.code)).toEqual(["FORM_MISMATCH"]);
    // No profile was chosen: the file is not said to be of another form than "the chosen profile's".
    expect(c.rejected[0]?.findings[0]?.message).toBe(
      "Tệp là báo cáo theo mẫu KL226-BC/1, không phải mẫu CCHC-BC/2025 của bảng tổng hợp này (mẫu nhiều tệp dùng nhất). Tệp này thuộc chế độ báo cáo khác: hãy kiểm tra và tổng hợp nó theo mẫu KL226-BC/1, hoặc lập lại báo cáo trên mẫu CCHC-BC/2025.",
    );
    // The unit's letter asks for this run's form, as it does when a profile was chosen (the same
    // period, so the letter is about the form alone).
    const year = (data: ReportData): ReportData => ({
      ...data,
      period: "NAM",
      year: 2025,
      reportDate: { year: 2025, month: 12, day: 10 },
    });
    const sameYear = [
      follow("c1.xlsx", year(cchc("P_A")), CCHC),
      follow("c2.xlsx", year(cchc("P_B")), CCHC),
      follow("kl1.xlsx", year(kl("SO_A")), DEFAULT_PROFILE),
    ];
    const y = consolidate(sameYear, { profile });
    expect(y.rejected[0]?.findings.map((f) => f.code)).toEqual(["FORM_MISMATCH"]);
    const [letter] = followUpLetters(y, profile, {
      date: { year: 2025, month: 12, day: 20 },
      replyBy: { year: 2025, month: 12, day: 27 },
    });
    expect(letter?.text).toContain(
      "Tệp là báo cáo theo mẫu KL226-BC/1, không phải mẫu CCHC-BC/2025 của đợt báo cáo này. Đề nghị đơn vị lập báo cáo trên mẫu CCHC-BC/2025 và gửi lại.",
    );
  });
  test("a tie goes to the fallback form even when another form's id sorts after it", () => {
    // One file of each form. KL226-BC/1 sorts after CCHC-BC/2025, so a tie with it as the fallback
    // says nothing about the rule; with CCHC-BC/2025 as the fallback, KL226-BC/1 must not take it.
    const tied = [klFiles[0]!, submit("cchc.xlsx", cchc("P_A"), CCHC)];
    expect(majorityForm(tied, CCHC_FORM_ID)).toBe(CCHC_FORM_ID);
    expect(majorityForm(tied, "KL226-BC/1")).toBe("KL226-BC/1");
  });
});

describe("returned is not missing (SPEC §5)", () => {
  const roster = [
    { code: "XA_A", name: "Xã A", type: "UBND xã, phường" },
    { code: "XA_B", name: "Xã B", type: "UBND xã, phường" },
    { code: "XA_C", name: "Xã C", type: "UBND xã, phường" },
  ];
  test("a file that cannot be read is attributed by its name to the roster unit, which is returned, not missing", () => {
    const garbage = inspectSubmission(
      { file: "nop/XA_B (ban cuoi).xlsx", bytes: new TextEncoder().encode("a,b\n"), sha256: "g" },
      DEFAULT_PROFILE,
    );
    const c = consolidate([submit("XA_A.xlsx", kl("XA_A", { type: "UBND_XA" }), DEFAULT_PROFILE), garbage], {
      profile: DEFAULT_PROFILE,
      roster,
    });
    expect(c.missing.map((u) => u.code)).toEqual(["XA_C"]);
    expect(c.returned).toEqual([
      {
        code: "XA_B",
        name: "Xã B",
        onRoster: true,
        type: "UBND xã, phường",
        files: ["nop/XA_B (ban cuoi).xlsx"],
      },
    ]);
    expect(c.rejected[0]).toMatchObject({ unit: "XA_B", unitFromFileName: true });
    expect((consolidationJson(c) as { returned: string[] }).returned).toEqual(["XA_B"]);
  });
  test("a unit whose rejected file was replaced by an accepted one is neither", () => {
    const bad = submit(
      "XA_A-1.xlsx",
      kl("XA_A", { type: "UBND_XA", counts: { HN_TONG: [null, 1] } }),
      DEFAULT_PROFILE,
    );
    const good = submit("XA_A-2.xlsx", kl("XA_A", { type: "UBND_XA" }), DEFAULT_PROFILE);
    const c = consolidate([bad, good], { profile: DEFAULT_PROFILE, roster });
    expect(c.returned).toEqual([]);
    expect(c.missing.map((u) => u.code)).toEqual(["XA_B", "XA_C"]);
  });
});

describe("without a profile, the one the templates name (SPEC §8, a quarterly plan's files)", () => {
  const ATTP = shippedProfile("hcm-attp-cchc-2025")!;
  const made = (file: string, code: string, profile: Profile) => ({
    file,
    bytes: reportBytes(cchc(code, { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 950] }), [], profile),
    sha256: file,
  });
  /** Per task of the list: [absent, done]; then how many tasks the units added themselves. */
  const taskCounts = (c: ReturnType<typeof consolidateBytes>) => ({
    tasks: c.tasks.filter((t) => t.index !== null).map((t) => [t.absent, t.done]),
    own: c.ownTasks.length,
  });

  test("files made with hcm-attp-cchc-2025 are consolidated by it: its 8 tasks done by both units, none taken for the units' own", () => {
    const files = [made("a.xlsx", "P_A", ATTP), made("b.xlsx", "P_B", ATTP)];
    const c = consolidateBytes(files, {});
    expect(c.units.map((u) => u.code)).toEqual(["P_A", "P_B"]);
    expect(c.tasks.filter((t) => t.index !== null).map((t) => t.content)).toEqual(
      ATTP.form.tasks.map((t) => t.content),
    );
    expect(taskCounts(c)).toEqual({ tasks: Array(8).fill([0, 2]), own: 0 });
    // The JSON says which plan it chose (a nightly job reads it there, not on the terminal).
    expect(consolidationJson(c)).toMatchObject({
      form: "CCHC-BC/2025",
      profile: { id: "hcm-attp-cchc-2025", name: ATTP.name },
    });
    // What the form's default profile made of them (the run before): the plan's 8 tasks absent from
    // both reports, and the units' 16 rows counted as tasks they added themselves.
    expect(taskCounts(consolidateBytes(files, { profile: CCHC }))).toEqual({
      tasks: Array(8).fill([2, 0]),
      own: 16,
    });
  });

  test("an older template among them (no profile recorded) is checked again by the plan the others name", () => {
    const files = [made("a.xlsx", "P_A", ATTP), made("b.xlsx", "P_B", ATTP), made("c.xlsx", "P_C", CCHC)];
    const read = files.map((f) =>
      inspectSubmission(f, DEFAULT_PROFILE, undefined, { forms: "follow", fileProfile: true }),
    );
    expect(read.map((s) => s.result.profile)).toEqual([
      "hcm-attp-cchc-2025",
      "hcm-attp-cchc-2025",
      undefined,
    ]);
    const decision = consolidationProfile(read, undefined);
    expect(decision.profile).toBe(ATTP);
    expect(decision.recheck).toEqual([2]);
    expect(decision.namedBy).toEqual({ files: 2, of: 3 });
    // Checked by the plan, the older file lacks the plan's 8 tasks and its own 8 rows are its additions.
    expect(taskCounts(consolidateBytes(files, {}))).toEqual({ tasks: Array(8).fill([1, 2]), own: 8 });
  });

  test("when most files name none, the form's default is used and the one naming a plan is checked by it", () => {
    const read = [made("a.xlsx", "P_A", CCHC), made("b.xlsx", "P_B", CCHC), made("c.xlsx", "P_C", ATTP)].map(
      (f) => inspectSubmission(f, DEFAULT_PROFILE, undefined, { forms: "follow", fileProfile: true }),
    );
    const decision = consolidationProfile(read, undefined);
    expect(decision.profile.name).toBe("Mặc định (CCHC-BC/2025)");
    expect(decision.recheck).toEqual([2]);
    expect(decision.namedBy).toBeUndefined();
    // The plan one file names is said aside, for the analyst to choose it.
    expect(decision.namedAside).toEqual({ profile: ATTP, files: 1, of: 3, none: 2 });
  });

  /** The first pass as the command and the page run it: one guess along the files, then what is left to check again. */
  const firstPass = (files: readonly FileBytes[]) => {
    const likely = new LikelyProfile();
    const passes = files.map((f) => inspectFirstPass(f, DEFAULT_PROFILE, createDecoder(), likely));
    const submissions = passes.map((p) => p.submission);
    const decision = consolidationProfile(submissions, undefined);
    const left = takeAhead(
      decision,
      submissions,
      passes.map((p) => p.ahead),
    );
    for (const i of left) submissions[i] = inspectSubmission(files[i]!, decision.profile, undefined, RECHECK);
    const c = consolidate(submissions, { profile: decision.profile });
    return { left, c, aheads: passes.map((p) => p.ahead?.profile) };
  };

  test("an older template after files naming the plan is checked by the plan on its first read: the same consolidation as checking it again", () => {
    const files = [made("a.xlsx", "P_A", ATTP), made("b.xlsx", "P_B", ATTP), made("c.xlsx", "P_C", CCHC)];
    const { left, c, aheads } = firstPass(files);
    expect(aheads).toEqual([undefined, undefined, "hcm-attp-cchc-2025"]);
    expect(left).toEqual([]);
    expect(c).toEqual(consolidateBytes(files, {}));
    expect(taskCounts(c)).toEqual({ tasks: Array(8).fill([1, 2]), own: 8 });
  });

  test("a guess that does not hold is not used: most files name none, so the form's default checks them all", () => {
    const files = [made("a.xlsx", "P_A", ATTP), made("b.xlsx", "P_B", CCHC), made("c.xlsx", "P_C", CCHC)];
    const { left, c, aheads } = firstPass(files);
    // The second checked ahead by the plan the first names (the third not: one names it, one none),
    // then not used: the default was decided.
    expect(aheads).toEqual([undefined, "hcm-attp-cchc-2025", undefined]);
    expect(left).toEqual([0]);
    expect(c).toEqual(consolidateBytes(files, {}));
    // By the default: the plan's file's 8 rows are its own tasks, none of the plan's taken.
    expect(taskCounts(c).own).toBe(8);
  });

  const klFile = (file: string, profile: Profile, extra: Partial<ReportData> = {}) => ({
    file,
    bytes: reportBytes(kl(file.slice(0, 4).toUpperCase(), extra), [], profile),
    sha256: file,
  });
  const TH = shippedProfile("thanh-hoa-226")!;
  const HA = shippedProfile("hcm-attp-226")!;

  test("a file checked ahead by a plan the files name less than another is checked again by the one decided", () => {
    const files = [
      klFile("xa_a.xlsx", TH),
      klFile("xa_b.xlsx", DEFAULT_PROFILE),
      klFile("xa_c.xlsx", HA),
      klFile("xa_d.xlsx", HA),
      klFile("xa_e.xlsx", DEFAULT_PROFILE),
      klFile("xa_f.xlsx", HA),
    ];
    const { left, c, aheads } = firstPass(files);
    // A guess once more files name a plan than none: thanh-hoa-226 after the first file; none after the
    // second and third (one each); hcm-attp-226 after the fourth (2 against 1 naming none).
    expect(aheads).toEqual([undefined, "thanh-hoa-226", undefined, undefined, "hcm-attp-226", undefined]);
    expect(left).toEqual([0, 1]);
    expect(c).toEqual(consolidateBytes(files, {}));
  });

  test("checked ahead, a file naming another plan or one this build lacks is judged by the guess alone, as checked again", () => {
    // hcm-attp-226 alone checks that the staff with digital skills are no more than the staff (CC_KY_NANG_SO ≤ CC_TONG).
    const over = { counts: { CC_TONG: [80, 80], CC_KY_NANG_SO: [60, 95] } } satisfies Partial<ReportData>;
    const files = [
      klFile("xa_a.xlsx", TH),
      klFile("xa_b.xlsx", TH),
      klFile("xa_c.xlsx", HA, over),
      klFile("xa_d.xlsx", { ...TH, id: "khong-co-226" }),
    ];
    const { left, c, aheads } = firstPass(files);
    expect(aheads).toEqual([undefined, undefined, "thanh-hoa-226", "thanh-hoa-226"]);
    expect(left).toEqual([]);
    expect(c).toEqual(consolidateBytes(files, {}));
    // By thanh-hoa-226 the file naming hcm-attp-226 is accepted; the one naming a plan this build lacks
    // is told so once, with the profile that checked it (checked again, it had lost the warning).
    expect(c.units.map((u) => u.code)).toEqual(["XA_A", "XA_B", "XA_C", "XA_D"]);
    expect(c.warnings.filter((w) => w.code === "UNKNOWN_PROFILE").map((w) => [w.file, w.message])).toEqual([
      [
        "xa_d.xlsx",
        `Tệp lập theo hồ sơ cấu hình “khong-co-226” của tỉnh, mà bản KL226 này không có: đã kiểm tra theo hồ sơ “${TH.name}” (hồ sơ mà nhiều tệp ghi nhất), các số liệu và chỉ tiêu riêng của hồ sơ “khong-co-226” chưa được kiểm tra. Hãy kiểm tra bằng phần bổ trợ hoặc lệnh kl226 của nơi đã phát hành mẫu (--profile khong-co-226).`,
      ],
    ]);
  });

  test("files naming plans this build lacks are said in one note, most named first, beside the plan chosen", () => {
    const lacked = (id: string) => ({ ...TH, id });
    const decide = (files: ReturnType<typeof klFile>[]) =>
      consolidationProfile(
        files.map((f) =>
          inspectSubmission(f, DEFAULT_PROFILE, undefined, { forms: "follow", fileProfile: true }),
        ),
        undefined,
      );
    // Most files name quang-tri-226, which this build lacks: the form's default checks them all, and
    // the note says so in one line instead of only one warning per file.
    const mostly = decide([
      klFile("xa_a.xlsx", lacked("quang-tri-226")),
      klFile("xa_b.xlsx", lacked("khong-co-226")),
      klFile("xa_c.xlsx", lacked("quang-tri-226")),
      klFile("xa_d.xlsx", DEFAULT_PROFILE),
      klFile("xa_e.xlsx", lacked("quang-tri-226")),
    ]);
    expect(mostly.profile.id).toBeUndefined();
    expect(mostly.namedUnknown).toEqual({
      plans: [
        { id: "quang-tri-226", files: 3 },
        { id: "khong-co-226", files: 1 },
      ],
      of: 5,
    });
    // Beside a plan this build has that most files name.
    const some = decide([
      klFile("xa_a.xlsx", TH),
      klFile("xa_b.xlsx", TH),
      klFile("xa_c.xlsx", lacked("quang-tri-226")),
    ]);
    expect(some.profile.id).toBe("thanh-hoa-226");
    expect(some.namedBy).toEqual({ files: 2, of: 3 });
    expect(some.namedUnknown).toEqual({ plans: [{ id: "quang-tri-226", files: 1 }], of: 3 });
    expect(
      decide([klFile("xa_a.xlsx", TH), klFile("xa_b.xlsx", DEFAULT_PROFILE)]).namedUnknown,
    ).toBeUndefined();
  });

  test("a file from another template checked by the plan is told its template lacks the plan's rows, not that a row was deleted", () => {
    const DT = shippedProfile("dong-thap-syt-226")!;
    const plan = [klFile("xa_a.xlsx", DT), klFile("xa_b.xlsx", DT)];
    const older = consolidateBytes([...plan, klFile("xa_c.xlsx", DEFAULT_PROFILE)], {});
    const [rejected] = older.rejected;
    expect(rejected?.file).toBe("xa_c.xlsx");
    expect(rejected?.findings.map((f) => [f.code, f.severity, f.message])).toContainEqual([
      "MISSING_FIELD",
      "error",
      `Mẫu đơn vị đã dùng (mẫu chung, không ghi hồ sơ kế hoạch) không có dòng mã HSCV_TONG (Tổng số hồ sơ công việc) ở trang “Chỉ tiêu”, dòng mà hồ sơ “${DT.name}” dùng để tổng hợp: đơn vị không xóa dòng nào, chỉ là lập báo cáo trên mẫu khác. Dòng này bắt buộc. Đề nghị đơn vị lập báo cáo trên mẫu theo hồ sơ này (lệnh “kl226 template” hoặc nút Mẫu báo cáo) rồi chép số liệu sang và điền dòng này trước khi gửi lại.`,
    ]);
    // Another plan's template whose optional rows the plan has: accepted, and told why those figures are not counted.
    const other = consolidateBytes(
      [klFile("xa_a.xlsx", TH), klFile("xa_b.xlsx", TH), klFile("xa_c.xlsx", DT)],
      {},
    );
    expect(other.rejected).toEqual([]);
    expect(other.warnings.filter((w) => w.file === "xa_c.xlsx").map((w) => w.message)).toContain(
      `Mẫu đơn vị đã dùng (mẫu theo hồ sơ “${DT.name}”) không có dòng mã VB_DIEN_TU (Trong đó: gửi, nhận dưới dạng điện tử) ở trang “Chỉ tiêu”, dòng mà hồ sơ “${TH.name}” dùng để tổng hợp: đơn vị không xóa dòng nào, chỉ là lập báo cáo trên mẫu khác. Số liệu này không được tổng hợp và chỉ tiêu “Văn bản không mật gửi, nhận dưới dạng điện tử” của đơn vị không đánh giá được. Nếu đơn vị có số liệu này, đề nghị lập báo cáo trên mẫu theo hồ sơ này (lệnh “kl226 template” hoặc nút Mẫu báo cáo) rồi chép số liệu sang và điền dòng này trước khi gửi lại.`,
    );
  });

  test("a row missing from the template of a plan this build lacks is said as that template's, not as deleted", () => {
    // thanh-hoa-226 has no CC_TONG row; a copy of it this build lacks made the unit's template.
    const c = consolidateBytes([klFile("xa_a.xlsx", { ...TH, id: "quang-tri-226" })], {});
    const messages = c.warnings.filter((w) => w.code === "MISSING_FIELD").map((w) => w.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Mẫu đơn vị đã dùng \(mẫu theo hồ sơ “quang-tri-226”, hồ sơ mà bản KL226 này không có\) không có dòng mã CC_TONG .*: đơn vị không xóa dòng nào, chỉ là lập báo cáo trên mẫu khác\./,
      ),
    );
    expect(messages.join("\n")).not.toContain("có lẽ dòng đã bị xóa");
  });

  test("another plan named by fewer files, or tied and later by name, is said beside the one used", () => {
    const named = (files: readonly FileBytes[]) =>
      consolidationProfile(
        files.map((f) => inspectSubmission(f, DEFAULT_PROFILE, undefined, consolidationRead(undefined))),
        undefined,
      );
    const fewer = named([klFile("xa_a.xlsx", TH), klFile("xa_b.xlsx", TH), klFile("xa_c.xlsx", HA)]);
    expect(fewer.profile).toBe(TH);
    expect(fewer.namedOthers).toEqual([{ profile: HA, files: 1 }]);
    // A tie goes to the first by name, and the other is said with its count.
    const tie = named([klFile("xa_a.xlsx", TH), klFile("xa_b.xlsx", HA)]);
    expect(tie.profile).toBe(HA);
    expect(tie.namedOthers).toEqual([{ profile: TH, files: 1 }]);
    // One plan only: nothing to say.
    expect(named([klFile("xa_a.xlsx", TH)]).namedOthers).toBeUndefined();
  });

  test("files of another period do not choose the plan: last year's older templates do not outvote this half year's plan files", () => {
    const lastYear = { period: "NAM", year: 2025, reportDate: { year: 2025, month: 12, day: 10 } } as const;
    const files = [
      ...["xa_a", "xa_b", "xa_c"].map((u) => klFile(`${u}.xlsx`, TH)),
      klFile("xa_d.xlsx", DEFAULT_PROFILE),
      ...["xa_e", "xa_f", "xa_g"].map((u) => klFile(`${u}.xlsx`, DEFAULT_PROFILE, lastYear)),
    ];
    const read = files.map((f) =>
      inspectSubmission(f, DEFAULT_PROFILE, undefined, consolidationRead(undefined)),
    );
    // 3 files name thanh-hoa-226 and 4 none, but 3 of those are last year's: this half year, 3 against 1.
    const decision = consolidationProfile(read, undefined);
    expect(decision.profile).toBe(TH);
    expect(decision.namedBy).toEqual({ files: 3, of: 4 });
    // The same with the period given; and given last year's, last year's files choose (none names a plan).
    expect(consolidationProfile(read, undefined, { kind: "6T", year: 2026 }).profile).toBe(TH);
    expect(consolidationProfile(read, undefined, { kind: "NAM", year: 2025 }).profile).toBe(DEFAULT_PROFILE);
    // The consolidation checks every file of the form by it; last year's are told their period.
    const c = consolidateBytes(files, {});
    expect(c.units.map((u) => u.code)).toEqual(["XA_A", "XA_B", "XA_C", "XA_D"]);
    expect(c.rejected.map((r) => [r.file, r.findings.map((f) => f.code)])).toEqual(
      ["xa_e.xlsx", "xa_f.xlsx", "xa_g.xlsx"].map((file) => [file, ["PERIOD_MISMATCH"]]),
    );
  });

  test("a chosen profile is used for every file, nothing checked again", () => {
    const read = [made("a.xlsx", "P_A", ATTP)].map((f) =>
      inspectSubmission(f, CCHC, undefined, { forms: "expect" }),
    );
    expect(consolidationProfile(read, CCHC)).toEqual({ profile: CCHC, recheck: [] });
  });
});

describe("a quarter's report of the wrong quarter (SPEC §5 PERIOD_MISMATCH), as a letter quotes it", () => {
  const q = (code: string, period: "Q2" | "Q3", day: number, month: number): Submission =>
    submit(
      `${code}.xlsx`,
      cchc(
        code,
        { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 950] },
        {
          period,
          reportDate: { year: 2025, month, day },
        },
      ),
      CCHC,
    );
  const mismatch = (s: Submission): string | undefined =>
    consolidate([s, q("P_OK", "Q3", 15, 9)], { profile: CCHC, period: { kind: "Q3", year: 2025 } })
      .rejected.flatMap((r) => r.findings)
      .find((f) => f.code === "PERIOD_MISMATCH")?.message;

  test("dated before the quarter began: not to be relabelled, but the quarter's own report asked for", () => {
    expect(mismatch(q("P_A", "Q2", 10, 6))).toBe(
      "Báo cáo quý II/2025, đề ngày 10/06/2025, trước khi kỳ đang tổng hợp (quý III/2025) bắt đầu (01/07/2025): đây không phải báo cáo quý III/2025, không cần sửa ô Kỳ báo cáo của tệp này. Tệp này thuộc đợt tổng hợp báo cáo quý II/2025; nếu đơn vị chưa gửi báo cáo quý III/2025, đề nghị lập và gửi vào đợt này.",
    );
  });

  test("quý IV's report signed in January, in quý I's run: quý IV's own, not to be relabelled; quý I's dated then, in quý IV's run: relabelled", () => {
    const dated = (code: string, period: "Q4" | "Q1", year: number): Submission =>
      submit(
        `${code}.xlsx`,
        cchc(code, {}, { period, year, reportDate: { year: 2026, month: 1, day: 12 } }),
        CCHC,
      );
    const run = (s: Submission, period: Period) =>
      consolidate([s], { profile: CCHC, period }).rejected.flatMap((r) => r.findings)[0]?.message;
    // The month after quý IV ends is quý I's first: a report dated then is quý IV's, just ended.
    expect(run(dated("P_A", "Q4", 2025), { kind: "Q1", year: 2026 })).toBe(
      "Báo cáo quý IV/2025, đề ngày 12/01/2026, ngay sau khi kỳ đó kết thúc: đây là báo cáo quý IV/2025, không phải báo cáo kỳ đang tổng hợp (quý I/2026), không cần sửa ô Kỳ báo cáo của tệp này. Tệp này thuộc đợt tổng hợp báo cáo quý IV/2025; nếu đơn vị chưa gửi báo cáo quý I/2026, đề nghị lập và gửi vào đợt này.",
    );
    // Labelled quý I/2026 but signed when quý IV's reports are: quý IV's report, its label to mend.
    expect(run(dated("P_B", "Q1", 2026), { kind: "Q4", year: 2025 })).toBe(
      "Báo cáo quý I/2026, không phải kỳ đang tổng hợp (quý IV/2025). Nếu đây là báo cáo quý IV/2025, chọn Kỳ báo cáo “Quý IV” và ghi Năm 2025 ở trang “Thông tin”; nếu là báo cáo kỳ khác, gửi vào đợt tổng hợp của kỳ đó.",
    );
  });

  test("its letter asks for this quarter's report, not for the file corrected and sent back: the unit's only file, a đôn đốc", () => {
    const c = consolidate([q("P_A", "Q2", 10, 6), q("P_OK", "Q3", 15, 9)], {
      profile: CCHC,
      period: { kind: "Q3", year: 2025 },
    });
    const letter = followUpLetters(c, CCHC, {
      date: { year: 2025, month: 9, day: 22 },
      replyBy: { year: 2025, month: 9, day: 29 },
    }).find((l) => l.unit === "P_A")!;
    // The period said once in the letter's words, then how and by when: not three requests to send.
    // Nothing was sent back (its only file is last quarter's own report): this quarter's is missing.
    expect(letter.subject).toMatch(/^đôn đốc gửi báo cáo/);
    expect(letter.reasons).toEqual(["missing"]);
    expect(letter.text).toContain(
      "Sở An toàn thực phẩm Thành phố Hồ Chí Minh đã nhận được tệp “P_A.xlsx” của đơn vị: tệp là báo cáo quý II năm 2025 (đề ngày 10/06/2025), không phải báo cáo quý III năm 2025 (không cần sửa ô Kỳ báo cáo của tệp này). Sở An toàn thực phẩm Thành phố Hồ Chí Minh chưa nhận được báo cáo quý III năm 2025 của đơn vị.\nĐề nghị đơn vị lập báo cáo quý III năm 2025 trên mẫu CCHC-BC/2025 (không cần sửa tệp đã gửi) và kiểm tra bằng chức năng “Kiểm tra” của phần bổ trợ Excel hoặc của trang kiểm tra báo cáo trên trình duyệt do Sở An toàn thực phẩm Thành phố Hồ Chí Minh cung cấp.\n",
    );
    expect(letter.text).not.toContain("trả lại");
    expect(letter.text.match(/gửi vào đợt|kỳ đang tổng hợp|[Qq]uý III\/2025/g)).toBeNull();
    // The tool is named as the unit knows it, not by the product's name (a CCHC unit cannot place "KL226").
    expect(letter.text).not.toContain("KL226");
    expect(letter.text).toContain("gửi báo cáo quý III năm 2025 theo mẫu CCHC-BC/2025 về");
    expect(letter.text).not.toContain("đã sửa lỗi");
    expect(letter.text).not.toContain("Sau khi sửa");
  });

  test("last quarter's report that also has data errors: told its period, and its letter asks for this quarter's report without listing the moot errors", () => {
    const bad = submit(
      "P_A.xlsx",
      cchc(
        "P_A",
        { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, -5] },
        { period: "Q2", reportDate: { year: 2025, month: 6, day: 11 } },
      ),
      CCHC,
    );
    expect(bad.result.valid).toBe(false);
    const c = consolidate([bad, q("P_OK", "Q3", 15, 9)], {
      profile: CCHC,
      period: { kind: "Q3", year: 2025 },
    });
    const codes = c.rejected.find((r) => r.file === "P_A.xlsx")!.findings.map((f) => f.code);
    expect(codes[0]).toBe("PERIOD_MISMATCH");
    const letter = followUpLetters(c, CCHC, {
      date: { year: 2025, month: 9, day: 22 },
      replyBy: { year: 2025, month: 9, day: 29 },
    }).find((l) => l.unit === "P_A")!;
    expect(letter.text).toContain("gửi báo cáo quý III năm 2025 theo mẫu CCHC-BC/2025 về");
    expect(letter.text).not.toContain("đã sửa lỗi");
    // The negative disbursement of a file that will not be used is not listed.
    expect(letter.text).not.toContain("-5");
  });

  test("dated inside the quarter: the quarter may just have been picked wrong, so relabelling is suggested", () => {
    expect(mismatch(q("P_A", "Q2", 20, 9))).toBe(
      "Báo cáo quý II/2025, không phải kỳ đang tổng hợp (quý III/2025). Nếu đây là báo cáo quý III/2025, chọn Kỳ báo cáo “Quý III” ở trang “Thông tin”; nếu là báo cáo kỳ khác, gửi vào đợt tổng hợp của kỳ đó.",
    );
  });

  test("a quarter's report where the year is consolidated (and the year's in a quarter): never told to relabel, no on-time credit", () => {
    const unit = (code: string, period: "Q4" | "NAM"): Submission =>
      submit(
        `${code}.xlsx`,
        cchc(
          code,
          { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 950] },
          { period, reportDate: { year: 2025, month: 12, day: 10 } },
        ),
        CCHC,
      );
    const year = consolidate([unit("P_A", "Q4"), unit("P_OK", "NAM")], {
      profile: CCHC,
      period: { kind: "NAM", year: 2025 },
    });
    const rejected = year.rejected.find((r) => r.file === "P_A.xlsx")!.findings[0]!;
    expect(rejected.code).toBe("PERIOD_MISMATCH");
    expect(rejected.message).toBe(
      "Báo cáo quý IV/2025, không phải kỳ đang tổng hợp (năm 2025): số liệu quý IV/2025 không dùng thay số liệu năm 2025 được, nên không cần sửa ô Kỳ báo cáo của tệp này. Đề nghị đơn vị lập báo cáo năm 2025 và gửi vào đợt này; tệp này thuộc đợt tổng hợp báo cáo quý IV/2025.",
    );
    const letter = followUpLetters(year, CCHC, {
      date: { year: 2025, month: 12, day: 22 },
      replyBy: { year: 2025, month: 12, day: 29 },
    }).find((l) => l.unit === "P_A")!;
    expect(letter.text).toContain("không cần sửa ô Kỳ báo cáo của tệp này");
    expect(letter.text).not.toContain("chọn Kỳ báo cáo");
    expect(letter.text).not.toContain("vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn");
    // The year's report in Quý IV's consolidation: the same.
    const quarter = consolidate([unit("P_A", "NAM"), unit("P_OK", "Q4")], {
      profile: CCHC,
      period: { kind: "Q4", year: 2025 },
    });
    expect(quarter.rejected.find((r) => r.file === "P_A.xlsx")!.findings[0]!.message).toMatch(
      /^Báo cáo năm 2025, không phải kỳ đang tổng hợp \(quý IV\/2025\): số liệu năm 2025 không dùng thay số liệu quý IV\/2025 được, nên không cần sửa ô Kỳ báo cáo/,
    );
  });

  test("relabelled Quý III but dated in June: warned as possibly last quarter's, not as a mistyped year", () => {
    const s = q("P_A", "Q3", 10, 6);
    expect(s.result.findings.find((f) => f.code === "UNLIKELY_DATE")?.message).toBe(
      "Ngày báo cáo 10/06/2025 ở trước ngày bắt đầu kỳ báo cáo quý III/2025 (01/07/2025): có thể đây là báo cáo của kỳ trước, hoặc Kỳ báo cáo hay Ngày báo cáo bị ghi nhầm. Kiểm tra lại hai ô này; ngày báo cáo quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.",
    );
  });

  test("“Năm” picked for the half year's report, dated in June: warned before sending, the Sở's run asks to relabel it, and the resend keeps its on-time date", () => {
    const june = { year: 2026, month: 6, day: 3 };
    const wrong = submit(
      "XA_TAN_PHU.xlsx",
      kl("XA_TAN_PHU", { period: "NAM", reportDate: june }),
      DEFAULT_PROFILE,
    );
    // The clerk's own check: at the Kỳ báo cáo cell, what it most likely should say.
    const warned = wrong.result.findings.find((f) => f.code === "UNLIKELY_DATE")!;
    expect([warned.severity, warned.sheet, warned.cell]).toEqual([
      "warning",
      "Thông tin",
      wrong.result.periodCells?.kind,
    ]);
    expect(warned.message).toBe(
      "Ngày báo cáo 03/06/2026 ở trước quý cuối của kỳ năm 2026 (từ 01/10/2026): báo cáo năm chưa thể có số liệu của cả kỳ, có thể đã chọn nhầm Kỳ báo cáo. Nếu đây là báo cáo 6 tháng đầu năm 2026, chọn “6 tháng” ở ô Kỳ báo cáo; nếu đúng là báo cáo năm, kiểm tra lại Ngày báo cáo.",
    );
    // A half year's report in June and a year's in December are not warned.
    for (const [period, reportDate] of [
      ["6T", june],
      ["NAM", { year: 2026, month: 12, day: 1 }],
    ] as const)
      expect(
        submit("x.xlsx", kl("XA_X", { period, reportDate }), DEFAULT_PROFILE).result.findings.map(
          (f) => f.code,
        ),
      ).not.toContain("UNLIKELY_DATE");
    // The Sở's half-year run: relabel, and after the deadline (06/06) the corrected file is on time by its first send.
    const resent = submit(
      "XA_TAN_PHU-sua.xlsx",
      kl("XA_TAN_PHU", { period: "6T", reportDate: { year: 2026, month: 6, day: 15 } }),
      DEFAULT_PROFILE,
    );
    const first = consolidate([wrong], { profile: DEFAULT_PROFILE, period: { kind: "6T", year: 2026 } });
    expect(first.rejected[0]!.findings[0]!.message).toBe(
      "Báo cáo năm 2026, không phải kỳ đang tổng hợp (6 tháng đầu năm 2026). Nếu đây là báo cáo 6 tháng đầu năm 2026, chọn Kỳ báo cáo “6 tháng” ở trang “Thông tin”; nếu là báo cáo kỳ khác, gửi vào đợt tổng hợp của kỳ đó.",
    );
    const letter = followUpLetters(first, DEFAULT_PROFILE, {
      date: { year: 2026, month: 6, day: 10 },
      replyBy: { year: 2026, month: 6, day: 17 },
    }).find((l) => l.unit === "XA_TAN_PHU")!;
    expect(letter.text).not.toContain("không cần sửa ô Kỳ báo cáo");
    expect(letter.text).toContain("vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn (ngày 03/06/2026)");
    const second = consolidate([wrong, resent], {
      profile: DEFAULT_PROFILE,
      period: { kind: "6T", year: 2026 },
    });
    expect(second.units.map((u) => [u.code, u.late, u.firstReportDate])).toEqual([
      ["XA_TAN_PHU", true, june],
    ]);
  });

  test("a date no other period fits is not given a period to pick; a year's report early in its year is likely last year's, this year typed", () => {
    const said = (reportDate: { year: number; month: number; day: number }): string | undefined =>
      submit("x.xlsx", kl("XA_X", { period: "NAM", reportDate }), DEFAULT_PROFILE).result.findings.find(
        (f) => f.code === "UNLIKELY_DATE",
      )?.message;
    // August: too late for the half year's (a clerk told "6 tháng" would only be warned again), too early for the year's.
    expect(said({ year: 2026, month: 8, day: 20 })).toMatch(
      /có thể đã chọn nhầm Kỳ báo cáo\. Kiểm tra lại Kỳ báo cáo và Ngày báo cáo\.$/,
    );
    for (const month of [1, 3])
      expect(said({ year: 2026, month, day: 12 })).toContain(
        "Nếu đây là báo cáo năm 2025, ghi 2025 ở ô Năm; nếu đúng là báo cáo năm, kiểm tra lại Ngày báo cáo.",
      );
  });

  test("no relabelling, no on-time credit, for a file whose date does not fit this period or whose label is not longer", () => {
    // A half year's report dated in March, in the year's run: another period's figures.
    const march = submit(
      "XA_A.xlsx",
      kl("XA_A", { period: "6T", reportDate: { year: 2026, month: 3, day: 15 } }),
      DEFAULT_PROFILE,
    );
    const year = consolidate([march], { profile: DEFAULT_PROFILE, period: { kind: "NAM", year: 2026 } });
    expect(year.rejected[0]!.findings[0]!.message).toContain("không cần sửa ô Kỳ báo cáo của tệp này");
    // Quý II's report sent late, dated in July, and Quý III's sent late: late, not a resend of an on-time report.
    const c = consolidate([q("P_A", "Q2", 10, 7), q("P_A", "Q3", 22, 9)], {
      profile: CCHC,
      period: { kind: "Q3", year: 2025 },
    });
    expect(c.units.map((u) => [u.code, u.late, u.firstReportDate])).toEqual([["P_A", true, undefined]]);
  });
});

test("the report says how many units a ratio is over when only some had any: 1 of 4 had a late hồ sơ, not “4 đơn vị”", () => {
  const unit = (code: string, late: number, paid: number | null) =>
    submit(
      `${code}.xlsx`,
      cchc(code, {
        HS_TRE_HAN: [null, late],
        HS_XIN_LOI: [null, late === 0 ? 0 : late - 1],
        HS_CO_PHI: [null, paid],
        HS_THANH_TOAN_DT: [null, paid],
      }),
      CCHC,
    );
  const c = consolidate([unit("P_A", 4, 10), unit("P_B", 0, 5), unit("P_C", 0, 0), unit("P_D", 0, null)], {
    profile: CCHC,
  });
  expect(c.rejected).toEqual([]);
  const text = documentText(reportDocument(c, CCHC, { date: { year: 2025, month: 7, day: 20 } }));
  // Three had no late hồ sơ: the bracket says over how many, and the tally says the three had none
  // (it said "3 đơn vị chưa đánh giá được", as if their reports lacked something).
  expect(text).toContain(
    "7. Hồ sơ trễ hạn được xin lỗi theo quy định (mục tiêu 100%): kết quả chung (1/4 đơn vị có hồ sơ giải quyết trễ hạn) đạt 75,0%, chưa đạt mục tiêu (cần thêm 1 hồ sơ để đạt mục tiêu); 1 đơn vị chưa đạt, 3 đơn vị không có hồ sơ giải quyết trễ hạn.",
  );
  // One unit with no fee-paying hồ sơ, one that left the optional rows blank: only that one is not judged.
  expect(text).toContain(
    "8. Tỷ lệ ứng dụng thanh toán điện tử trong giải quyết TTHC (mục tiêu 100%): kết quả chung (2/4 đơn vị phát sinh hồ sơ TTHC có phí, lệ phí; 1 đơn vị thiếu số liệu) đạt 100,0%, đạt mục tiêu; 2 đơn vị đạt, 1 đơn vị chưa đánh giá được, 1 đơn vị không phát sinh hồ sơ TTHC có phí, lệ phí.",
  );
  // The summary and the JSON keep SPEC §5's categories: the three are "na" there.
  expect(c.province.counts.XIN_LOI_RATIO).toEqual({ met: 0, short: 1, na: 3 });
  // A ratio every unit had something of keeps its plain count.
  expect(text).toContain("12. CBCCVC sử dụng chữ ký số (mục tiêu 100%): kết quả chung (4 đơn vị)");
});

// Mutation test (session 39): how ca1d8ad's labels read was pinned for "Số hồ sơ …" wholes only.
test("a ratio's whole is said in words as the form's label has it: its abbreviation kept, “(PAKN)” and “Tổng số” dropped, “(không mật)” unbracketed", () => {
  const unit = (code: string, n: number) =>
    submit(
      `${code}.xlsx`,
      cchc(code, {
        TTHC_TONG: [null, n],
        TTHC_CONG_KHAI: [null, n],
        TTHC_DVC_TT: [null, n],
        PAKN_TONG: [null, 0],
        PAKN_XU_LY: [null, 0],
        VB_KHONG_MAT: [null, n * 10],
        VB_DIEN_TU: [null, n * 9],
        CC_TONG: [null, n * 2],
        CC_CHU_KY_SO: [null, n * 2],
        CC_THU_CONG_VU: [null, n],
      }),
      CCHC,
    );
  const c = consolidate([unit("P_A", 5), unit("P_B", 0), unit("P_C", 3)], { profile: CCHC });
  expect(c.rejected).toEqual([]);
  const text = documentText(reportDocument(c, CCHC, { date: { year: 2025, month: 7, day: 20 } }));
  expect(text).toContain(
    "1. TTHC được công bố, công khai đúng quy định (mục tiêu 100%): kết quả chung (2/3 đơn vị có TTHC thuộc thẩm quyền tiếp nhận, giải quyết) đạt 100,0%",
  );
  expect(text).toContain(
    "9. PAKN được tiếp nhận, xử lý và công khai kết quả (mục tiêu 100%): không có phản ánh, kiến nghị về quy định, TTHC tiếp nhận trong kỳ (mẫu số bằng 0)",
  );
  expect(text).toContain(
    "kết quả chung (2/3 đơn vị có văn bản, tài liệu chính thức không mật trao đổi giữa các cơ quan hành chính) đạt 90,0%",
  );
  expect(text).toContain(
    "12. CBCCVC sử dụng chữ ký số (mục tiêu 100%): kết quả chung (2/3 đơn vị có cán bộ, công chức, viên chức) đạt 100,0%",
  );
});

test("the report says a ratio over nothing is over nothing: no late hồ sơ, so no apology to count", () => {
  const c = consolidate(
    [
      submit(
        "a.xlsx",
        cchc(
          "P_A",
          {
            HS_TRE_HAN: [null, 0],
            HS_XIN_LOI: [null, 0],
            VON_KE_HOACH: [null, null],
            VON_GIAI_NGAN: [null, null],
          },
          // The year's report: giải ngân is judged in it only.
          { period: "NAM", reportDate: { year: 2025, month: 12, day: 10 } },
        ),
        CCHC,
      ),
    ],
    { profile: CCHC },
  );
  const text = documentText(reportDocument(c, CCHC, { date: { year: 2025, month: 12, day: 20 } }));
  expect(text).toContain(
    "7. Hồ sơ trễ hạn được xin lỗi theo quy định (mục tiêu 100%): không có hồ sơ giải quyết trễ hạn trong kỳ (mẫu số bằng 0), nên không có gì để đánh giá.",
  );
  // The optional investment rows left blank by every unit: nothing to pool, said plainly.
  expect(text).toMatch(
    /\d+\. [^\n]*giải ngân[^\n]*: không đơn vị nào có đủ số liệu để tính, nên chưa đánh giá được\./i,
  );
  // The indicators' lead-in says what was pooled; the tasks' lead-in keeps with its table.
  expect(text).toContain(
    "Kết quả chung tính trên tổng số liệu được tổng hợp (1 đơn vị; tỷ lệ tính từ các tổng số",
  );
});
