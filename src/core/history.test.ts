// Last year's cross-check: declared "previous" values against what each unit reported as current.

import { inspectBytes } from "../app/inspect";
import { cchcUnit, reportBytes, type ReportData } from "../../test/helpers/report-builder";
import { readXlsx } from "../xlsx/read";
import { writeXlsx } from "../xlsx/write";
import { consolidate, consolidationJson } from "./consolidate";
import type { Consolidation } from "./consolidation";
import {
  compareWithPrevious,
  outlierVerdict,
  mismatchFigures,
  parsePreviousReport,
  previousFromSummary,
  previousPeriodNotes,
  reshapedText,
  type PreviousReport,
} from "./history";
import { DEFAULT_PROFILE } from "./profile";
import { shippedProfile } from "./profiles";
import { summaryWorkbook } from "./summary";
import { withPrevious } from "../app/previous";
import type { Sheet, Workbook } from "./workbook";

const profile = DEFAULT_PROFILE;
const COUNT_CODES = profile.form.counts.map((f) => f.code);

function run(reports: readonly ReportData[], period: "NAM" | "6T" = "NAM"): Consolidation {
  return consolidate(
    reports.map((r) => ({
      file: `in/${r.unit}.xlsx`,
      sha256: r.unit,
      result: inspectBytes(reportBytes({ period, ...r }), profile),
    })),
    { profile, period: { kind: period, year: 2026 } },
  );
}

const last = (units: PreviousReport["units"]): PreviousReport => ({
  period: { kind: "NAM", year: 2025 },
  units,
});

describe("compareWithPrevious", () => {
  // This year: HN_TONG previous 100 (GOOD_COUNTS), VB_HANH_CHINH previous 200.
  const c = run([
    { unit: "SO_A", name: "Sở A" },
    { unit: "SO_B", name: "Sở B", counts: { TTHC_CAT_GIAM: [null, 5] } },
    { unit: "SO_MOI", name: "Sở Mới" },
  ]);

  it("consolidates the three test units", () => {
    expect(c.units.map((u) => u.code)).toEqual(["SO_A", "SO_B", "SO_MOI"]);
    expect(c.units[1]?.values.TTHC_CAT_GIAM?.previous).toBeNull();
  });

  it("a unit that now sends a roll-up of units last year's file lists on their own is not compared, and those units are not gone", () => {
    const rolled: Consolidation = {
      ...c,
      units: c.units.map((u) =>
        u.code === "SO_A"
          ? {
              ...u,
              rollupOf: [
                {
                  code: "PHONG_X",
                  name: "Phòng X",
                  file: "PHONG_X.xlsx",
                  sha256: "x",
                  reportDate: "01/06/2026",
                },
              ],
            }
          : u,
      ),
    };
    const h = compareWithPrevious(
      rolled,
      last([
        // Last year Sở A reported alone (a third of this year's meetings) and Phòng X on its own.
        { code: "SO_A", values: { HN_TONG: { previous: 40, current: 33 } } },
        { code: "PHONG_X", values: { HN_TONG: { previous: 70, current: 67 } } },
        { code: "SO_CU", values: { HN_TONG: { previous: 10, current: 9 } } },
      ]),
    );
    expect(h.warnings.filter((w) => w.unit === "SO_A")).toEqual([]);
    expect(h.reshaped).toEqual([{ unit: "SO_A", before: "listed", now: 1 }]);
    expect(h.reshaped.map(reshapedText)).toEqual([
      "SO_A: kỳ này tổng hợp 1 đơn vị, có đơn vị năm trước gửi riêng",
    ]);
    expect(h.goneUnits).toEqual(["SO_CU"]);
    // A roster unit missing now that last year's file lists as missing too: two periods without a
    // report. One that file lists (SO_CU), sums in a roll-up (XA_GOP), or does not name at all
    // (XA_MOI: a commune made in a merger did not exist then) is missing once.
    const missing = compareWithPrevious(
      {
        ...c,
        missing: ["SO_CU", "SO_VANG", "XA_GOP", "XA_MOI"].map((code) => ({
          code,
          name: code,
          type: "Sở, ban, ngành",
        })),
      },
      {
        ...last([{ code: "SO_CU", values: { HN_TONG: { previous: 10, current: 9 } } }]),
        rollups: [{ unit: "SO_A", units: 1, codes: ["XA_GOP"] }],
        missing: ["SO_VANG"],
      },
    );
    expect(missing.missingAgain).toEqual(["SO_VANG"]);
    expect(missing.missingThenUnknown).toBe(false);
    // That file's run had no roster: its "missing": [] is not "none missing" (said, not silent).
    const noRoster = compareWithPrevious(
      { ...c, missing: [{ code: "SO_VANG", name: "Sở Vắng", type: "Sở, ban, ngành" }] },
      { ...last([]), missing: [], rosterGiven: false },
    );
    expect([noRoster.missingAgain, noRoster.missingThenUnknown]).toEqual([[], true]);
    // The same units without the roll-up: Sở A's 100 declared against last year's 33 is warned.
    const plain = compareWithPrevious(
      c,
      last([{ code: "SO_A", values: { HN_TONG: { previous: 40, current: 33 } } }]),
    );
    expect(plain.warnings.some((w) => w.unit === "SO_A" && w.finding.code === "PREVIOUS_MISMATCH")).toBe(
      true,
    );
    expect(plain.reshaped).toEqual([]);
  });

  it("warns when the declared previous value differs from last year's current, naming both numbers", () => {
    const h = compareWithPrevious(
      c,
      last([
        {
          code: "SO_A",
          values: { HN_TONG: { previous: 120, current: 104 }, VB_HANH_CHINH: { previous: 1, current: 200 } },
        },
      ]),
    );
    expect(h.warnings).toHaveLength(1);
    const w = h.warnings[0]!;
    expect(w.unit).toBe("SO_A");
    expect(w.file).toBe("in/SO_A.xlsx");
    expect(w.finding).toMatchObject({
      code: "PREVIOUS_MISMATCH",
      severity: "warning",
      sheet: "Chỉ tiêu",
      cell: "D5",
    });
    expect(w.finding.message).toContain("“Tổng số hội nghị, cuộc họp đã tổ chức”");
    expect(w.finding.message).toContain("100");
    expect(w.finding.message).toContain("104");
    expect(w.finding.message).toContain("2025");
  });

  it("gives no warning when the values agree", () => {
    const h = compareWithPrevious(
      c,
      last([
        {
          code: "SO_A",
          values: {
            HN_TONG: { previous: null, current: 100 },
            VB_HANH_CHINH: { previous: null, current: 200 },
          },
        },
      ]),
    );
    expect(h.warnings).toEqual([]);
  });

  it("ignores nulls on either side and codes missing from last year's file", () => {
    const h = compareWithPrevious(
      c,
      last([
        { code: "SO_A", values: { HN_TONG: { previous: 90, current: null } } },
        // SO_B left this year's previous TTHC_CAT_GIAM blank.
        { code: "SO_B", values: { TTHC_CAT_GIAM: { previous: 1, current: 7 } } },
      ]),
    );
    expect(h.warnings).toEqual([]);
  });

  it("lists units new since last year and gone since last year", () => {
    const h = compareWithPrevious(
      c,
      last([
        { code: "so_a", values: {} },
        { code: "SO_B", values: {} },
        { code: "SO_CU", values: {} },
      ]),
    );
    expect(h.newUnits).toEqual(["SO_MOI"]);
    expect(h.goneUnits).toEqual(["SO_CU"]);
  });

  it("a code hand-edited in last year's JSON with a stray space is still the unit: not gone, not new", () => {
    const parsed = parsePreviousReport({
      period: { kind: "NAM", year: 2025 },
      units: [
        { code: " SO_A ", values: {} },
        { code: "SO_B\t", values: {} },
        { code: "SO_MOI", values: {} },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const h = compareWithPrevious(c, parsed.report);
    expect(h.newUnits).toEqual([]);
    expect(h.goneUnits).toEqual([]);
  });
});

describe("OUTLIER (a jump of more than 3× against the unit's own last report)", () => {
  // This year SO_A reports HN_TONG current 90 and VB_HANH_CHINH current 170 (GOOD_COUNTS).
  const c = run([{ unit: "SO_A", name: "Sở A" }]);
  const codes = (h: ReturnType<typeof compareWithPrevious>) => h.warnings.map((w) => w.finding.code);

  it("warns when this period's value is more than 3 times last year's, or less than a third, naming both", () => {
    const h = compareWithPrevious(
      c,
      last([{ code: "SO_A", values: { HN_TONG: { current: 20 }, VB_HANH_CHINH: { current: 600 } } }]),
    );
    const outliers = h.warnings.filter((w) => w.finding.code === "OUTLIER");
    expect(outliers).toHaveLength(2);
    expect(outliers[0]?.finding).toMatchObject({ severity: "warning", sheet: "Chỉ tiêu", cell: "E5" });
    expect(outliers[0]?.finding.message).toMatch(/Tổng số hội nghị.*90.*20.*2025/);
  });

  it("stays quiet within the band, at exactly 3×, and for small counts", () => {
    expect(
      codes(
        compareWithPrevious(
          c,
          last([{ code: "SO_A", values: { HN_TONG: { current: 30 }, VB_HANH_CHINH: { current: 160 } } }]),
        ),
      ),
    ).not.toContain("OUTLIER");
    const small = run([{ unit: "SO_A", name: "Sở A", counts: { TTHC_CAT_GIAM: [1, 9] } }]);
    expect(
      codes(compareWithPrevious(small, last([{ code: "SO_A", values: { TTHC_CAT_GIAM: { current: 1 } } }]))),
    ).not.toContain("OUTLIER");
  });

  it("takes another band", () => {
    const h = compareWithPrevious(c, last([{ code: "SO_A", values: { HN_TONG: { current: 50 } } }]), {
      ...profile.outlier,
      factor: 1.5,
    });
    expect(codes(h)).toContain("OUTLIER");
  });
});

describe("OUTLIER with several years of history (mean ± 3 standard deviations)", () => {
  const band = profile.outlier;
  const years = (...values: number[]) => values.map((value, i) => ({ year: 2021 + i, value }));

  it("uses mean ± 3 SD once there are 3 earlier years: 80, 90, 100 (mean 90, SD 10) → band 60–120", () => {
    expect(outlierVerdict(120, years(80, 90, 100), band)).toEqual({ kind: "none" });
    expect(outlierVerdict(60, years(80, 90, 100), band)).toEqual({ kind: "none" });
    expect(outlierVerdict(121, years(80, 90, 100), band)).toEqual({
      kind: "band",
      low: 60,
      high: 120,
      mean: 90,
      years: [2021, 2022, 2023],
    });
    expect(outlierVerdict(59, years(80, 90, 100), band).kind).toBe("band");
  });

  it("catches with history what the ×3 rule misses, and spares a unit whose counts always swing", () => {
    // A steady unit: 150 is less than 3× its last 100, but far outside 97–103 ± 3 SD.
    expect(outlierVerdict(150, years(98, 100, 102), band).kind).toBe("band");
    // A unit that swings between 20 and 200: 350 is within its own band though more than 3× the last 100.
    expect(outlierVerdict(350, years(20, 200, 100, 30, 190), band)).toEqual({ kind: "none" });
  });

  it("falls back to the ×3 jump against the latest year when the history is short or flat", () => {
    expect(outlierVerdict(301, years(90, 100), band)).toEqual({ kind: "jump", reported: 100, year: 2022 });
    expect(outlierVerdict(150, years(90, 100), band)).toEqual({ kind: "none" });
    expect(outlierVerdict(150, years(100, 100, 100), band)).toEqual({ kind: "none" });
    expect(outlierVerdict(301, years(100, 100, 100), band).kind).toBe("jump");
    expect(outlierVerdict(500, [], band)).toEqual({ kind: "none" });
  });

  it("leaves small counts alone", () => {
    expect(outlierVerdict(9, years(1, 1, 2), band)).toEqual({ kind: "none" });
    expect(outlierVerdict(12, years(1, 1, 2), band).kind).toBe("band");
  });

  it("reads the history from several earlier consolidations in any order, one per year, same period kind only", () => {
    // This year SO_A: HN_TONG current 90. History 40, 45, 50 (mean 45, SD 5 → band 30–60).
    const c = run([{ unit: "SO_A", name: "Sở A" }]);
    const report = (year: number, kind: "NAM" | "6T", hn: number): PreviousReport => ({
      period: { kind, year },
      units: [{ code: "SO_A", values: { HN_TONG: { current: hn } } }],
    });
    const h = compareWithPrevious(c, [
      report(2024, "NAM", 45),
      report(2025, "NAM", 50),
      report(2023, "NAM", 40),
      report(2022, "6T", 90),
      report(2025, "NAM", 90),
    ]);
    const outliers = h.warnings.filter((w) => w.finding.code === "OUTLIER");
    expect(outliers).toHaveLength(1);
    expect(outliers[0]?.finding.message).toContain("Tổng số hội nghị");
    expect(outliers[0]?.finding.message).toContain("30–60");
    expect(outliers[0]?.finding.message).toContain(
      "trung bình 45 ± 3 độ lệch chuẩn của 3 năm 2023, 2024, 2025",
    );
    // With only 2024 and 2025 it is the ×3 rule: 90 is not 3× 50.
    expect(
      compareWithPrevious(c, [report(2024, "NAM", 45), report(2025, "NAM", 50)]).warnings.map(
        (w) => w.finding.code,
      ),
    ).not.toContain("OUTLIER");
  });

  it("compares with last year's report of the same period when that year's report of another period is given first", () => {
    // A 6T report (SO_A declares HN_TONG previous 100); the analyst gives 2025's annual summary, then 2025's 6T one.
    const c = run([{ unit: "SO_A", name: "Sở A" }], "6T");
    const report = (kind: "NAM" | "6T", hn: number): PreviousReport => ({
      period: { kind, year: 2025 },
      units: [{ code: "SO_A", values: { HN_TONG: { current: hn } } }],
    });
    for (const order of [
      [report("NAM", 210), report("6T", 95)],
      [report("6T", 95), report("NAM", 210)],
    ]) {
      const h = compareWithPrevious(c, order);
      expect(h.comparedDeclared).toBe(true);
      expect(h.mismatches.map((m) => [m.unit, m.reported])).toEqual([["SO_A", 95]]);
    }
  });

  it("compares declared previous values with the newest year only", () => {
    const c = run([{ unit: "SO_A", name: "Sở A" }]); // declares HN_TONG previous 100
    const report = (year: number, hn: number): PreviousReport => ({
      period: { kind: "NAM", year },
      units: [{ code: "SO_A", values: { HN_TONG: { current: hn } } }],
    });
    const h = compareWithPrevious(c, [report(2024, 80), report(2025, 100)]);
    expect(h.warnings.filter((w) => w.finding.code === "PREVIOUS_MISMATCH")).toEqual([]);
    const other = compareWithPrevious(c, [report(2025, 95), report(2024, 100)]);
    expect(other.warnings.filter((w) => w.finding.code === "PREVIOUS_MISMATCH")).toHaveLength(1);
    expect(compareWithPrevious(c, [])).toEqual({
      warnings: [],
      mismatches: [],
      newUnits: [],
      goneUnits: [],
      missingAgain: [],
      otherPeriodThen: [],
      missingThenUnknown: false,
      missingThenWhy: null,
      missingAgainUnsure: 0,
      missingAgainMaybe: [],
      merged: [],
      comparedDeclared: false,
      compared: 0,
      reshaped: [],
      listedAgainst: null,
    });
  });
});

describe("roll-ups recorded for next year (JSON `rollups`, the summary's marked names)", () => {
  // This year Sở A sends a roll-up of 3 units; its HN_TONG declared "previous" (100) sums them.
  const SOURCES = ["PHONG_X", "PHONG_Y", "PHONG_Z"].map((code) => ({
    code,
    name: code,
    file: `${code}.xlsx`,
    sha256: code,
    reportDate: "01/06/2026",
  }));
  const plain = run([
    { unit: "SO_A", name: "Sở A" },
    { unit: "SO_B", name: "Sở B" },
  ]);
  const rolled: Consolidation = {
    ...plain,
    units: plain.units.map((u) => (u.code === "SO_A" ? { ...u, rollupOf: SOURCES } : u)),
  };
  // Last year Sở A reported its own office only (33 meetings); none of its units is listed.
  const lastUnits = [
    { code: "SO_A", values: { HN_TONG: { previous: 40, current: 33 } } },
    { code: "SO_B", values: { HN_TONG: { previous: 120, current: 100 } } },
  ];
  const mismatches = (h: ReturnType<typeof compareWithPrevious>, unit: string): number =>
    h.warnings.filter((w) => w.unit === unit && w.finding.code === "PREVIOUS_MISMATCH").length;

  it("the JSON lists each roll-up with its number of units, and no other unit", () => {
    const json = consolidationJson(rolled) as { rollups: unknown; units: Array<Record<string, unknown>> };
    expect(json.rollups).toEqual([{ unit: "SO_A", units: 3, codes: ["PHONG_X", "PHONG_Y", "PHONG_Z"] }]);
    expect((consolidationJson(plain) as { rollups: unknown }).rollups).toEqual([]);
    expect(Object.keys(json.units[0]!)).not.toContain("rollups");
  });

  it("a roll-up is not compared with last year's own report of the unit when last year's file records the shapes", () => {
    const recorded = compareWithPrevious(rolled, { ...last(lastUnits), rollups: [] });
    expect(mismatches(recorded, "SO_A")).toBe(0);
    expect(recorded.reshaped).toEqual([{ unit: "SO_A", before: 0, now: 3 }]);
    expect(recorded.reshaped.map(reshapedText)).toEqual([
      "SO_A: năm trước là báo cáo riêng, kỳ này tổng hợp 3 đơn vị",
    ]);
    // Sở B sent its own report both years: still compared (100 declared against last year's 100).
    expect(recorded.warnings.filter((w) => w.unit === "SO_B")).toEqual([]);
    // A file written before roll-ups were recorded cannot tell whether last year's was a roll-up too:
    // this year's roll-up is not compared (its warnings would ask the unit to correct figures that may
    // be right), and the line says why; a unit's own report is compared as before.
    const unknown = compareWithPrevious(rolled, last(lastUnits));
    expect(mismatches(unknown, "SO_A")).toBe(0);
    expect(unknown.reshaped).toEqual([{ unit: "SO_A", before: "unknown", now: 3 }]);
    expect(reshapedText(unknown.reshaped[0]!)).toBe(
      "SO_A: kỳ này tổng hợp 3 đơn vị; tệp đối chiếu (lập bằng phiên bản trước) không ghi năm trước đơn vị này báo cáo riêng hay tổng hợp",
    );
    const ownBoth = compareWithPrevious(
      run([{ unit: "SO_A", name: "Sở A", counts: { HN_TONG: [99, 90] } }]),
      last(lastUnits),
    );
    expect(mismatches(ownBoth, "SO_A")).toBeGreaterThan(0);
    expect(ownBoth.reshaped).toEqual([]);
  });

  it("nor the reverse (a roll-up last year, the unit's own report now), nor roll-ups of another number of units; the same shape is compared", () => {
    const reverse = compareWithPrevious(plain, { ...last(lastUnits), rollups: [{ unit: "SO_A", units: 6 }] });
    expect(reverse.reshaped.map(reshapedText)).toEqual([
      "SO_A: năm trước tổng hợp 6 đơn vị, kỳ này là báo cáo riêng",
    ]);
    expect(mismatches(reverse, "SO_A")).toBe(0);
    const other = compareWithPrevious(rolled, { ...last(lastUnits), rollups: [{ unit: "so_a", units: 4 }] });
    expect(other.reshaped.map(reshapedText)).toEqual(["SO_A: năm trước tổng hợp 4 đơn vị, kỳ này 3"]);
    expect(mismatches(other, "SO_A")).toBe(0);
    const same = compareWithPrevious(rolled, { ...last(lastUnits), rollups: [{ unit: "SO_A", units: 3 }] });
    expect(same.reshaped).toEqual([]);
    expect(mismatches(same, "SO_A")).toBeGreaterThan(0);
  });

  it("a roll-up of as many units but other ones is not compared either (a tester's VP_UBND_TINH was told its column D was wrong)", () => {
    const codes = (list: string[]) => [{ unit: "SO_A", units: 3, codes: list }];
    const others = compareWithPrevious(rolled, {
      ...last(lastUnits),
      rollups: codes(["PHONG_X", "PHONG_Y", "PHONG_W"]),
    });
    expect(mismatches(others, "SO_A")).toBe(0);
    expect(others.reshaped.map(reshapedText)).toEqual([
      "SO_A: kỳ này tổng hợp 3 đơn vị, không cùng các đơn vị năm trước",
    ]);
    // The same units, recorded in another case or order: compared.
    const same = compareWithPrevious(rolled, {
      ...last(lastUnits),
      rollups: codes(["phong_z", "PHONG_X", "PHONG_Y"]),
    });
    expect(same.reshaped).toEqual([]);
    expect(mismatches(same, "SO_A")).toBeGreaterThan(0);
  });

  it("a year whose file records another shape for the unit is left out of its history (OUTLIER)", () => {
    // Sở B: its own report in 2024 and 2025 (7 meetings), 68 this year: a jump worth a warning.
    const y = (
      year: number,
      current: number,
      rollups: Array<{ unit: string; units: number }>,
    ): PreviousReport => ({
      period: { kind: "NAM", year },
      units: [{ code: "SO_B", values: { HN_TONG: { previous: null, current } } }],
      rollups,
    });
    const thisYear = run([
      { unit: "SO_B", name: "Sở B", counts: { HN_TONG: [7, 68], HN_TRUC_TUYEN: [5, 60] } },
    ]);
    expect(thisYear.units.map((u) => u.code)).toEqual(["SO_B"]);
    const outliers = (previous: PreviousReport[]): number =>
      compareWithPrevious(thisYear, previous).warnings.filter((w) => w.finding.code === "OUTLIER").length;
    expect(outliers([y(2025, 7, []), y(2024, 7, [])])).toBe(1);
    // 2023 was a roll-up of 3 units (680): counted, it would widen the band and hide the jump.
    expect(outliers([y(2025, 7, []), y(2024, 7, []), y(2023, 680, [{ unit: "SO_B", units: 3 }])])).toBe(1);
    // The same 680 recorded as the unit's own report is its history, and the jump is within it.
    expect(outliers([y(2025, 7, []), y(2024, 7, []), y(2023, 680, [])])).toBe(0);
  });

  it("the summary marks a roll-up's name, says so under the Số liệu title, and is read back with the same shapes", () => {
    const spec = summaryWorkbook(rolled, profile);
    const names = (sheet: string): unknown[] =>
      spec.sheets.find((s) => s.name === sheet)!.rows.map((r) => (r[1] as { value?: unknown } | null)?.value);
    // "3 đơn vị" held together by a no-break space, so a narrow column does not wrap between them.
    expect(names("Tổng hợp")).toContain("Sở A (tổng hợp 3\u00a0đơn vị)");
    expect(names("Số liệu")).toContain("Sở A (tổng hợp 3\u00a0đơn vị)");
    expect(names("Số liệu")).toContain("Sở B");
    // Both sheets say what the mark means (Tổng hợp only when some row has it).
    const notes = (sheet: string, c: Consolidation): string =>
      summaryWorkbook(c, profile)
        .sheets.find((sh) => sh.name === sheet)!
        .rows.slice(0, 4)
        .map((r) => String((r[0] as { value?: unknown } | null)?.value ?? ""))
        .join(" ");
    const legend = "Báo cáo tổng hợp của nhiều đơn vị ghi “(tổng hợp N đơn vị)” sau tên.";
    expect(notes("Tổng hợp", rolled)).toContain(legend);
    expect(notes("Tổng hợp", plain)).not.toContain(legend);
    expect(notes("Số liệu", plain)).toContain(legend);
    const read = readXlsx(writeXlsx(spec));
    if (!read.ok) throw new Error("summary unreadable");
    const parsed = previousFromSummary(read.workbook, profile.form);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(parsed.report.rollups).toEqual([
      { unit: "SO_A", units: 3, codes: ["PHONG_X", "PHONG_Y", "PHONG_Z"] },
    ]);
    const fromPlain = readXlsx(writeXlsx(summaryWorkbook(plain, profile)));
    if (!fromPlain.ok) throw new Error("summary unreadable");
    const plainParsed = previousFromSummary(fromPlain.workbook, profile.form);
    expect(plainParsed.ok && plainParsed.report.rollups).toEqual([]);
  });
});

describe("previousFromSummary: last year's summary workbook instead of its JSON", () => {
  const c = run([
    { unit: "SO_A", name: "Sở A" },
    { unit: "SO_B", name: "Sở B", counts: { TTHC_CAT_GIAM: [null, null], HN_TONG: [80, 70] } },
  ]);
  const workbook = (): ReturnType<typeof readXlsx> => readXlsx(writeXlsx(summaryWorkbook(c, profile)));

  it("reads back the period and every unit's current values as the JSON has them", () => {
    const read = workbook();
    if (!read.ok) throw new Error("summary unreadable");
    const parsed = previousFromSummary(read.workbook, profile.form);
    if (!parsed.ok) throw new Error(`summary not read back: ${parsed.errors.join("; ")}`);
    const json = JSON.parse(JSON.stringify(consolidationJson(c))) as PreviousReport;
    expect(parsed.report.period).toEqual({ kind: "NAM", year: 2026 });
    expect(parsed.report.units.map((u) => u.code)).toEqual(["SO_A", "SO_B"]);
    for (const [i, u] of parsed.report.units.entries()) {
      for (const code of COUNT_CODES)
        expect([code, u.values[code]?.current]).toEqual([code, json.units[i]?.values[code]?.current]);
    }
    expect(parsed.report.units[1]?.values.HN_TONG).toEqual({ previous: 80, current: 70 });
  });

  it("a note typed in the empty row above the total, or below it, is not read as a unit", () => {
    const spec = summaryWorkbook(c, profile);
    const sheets = spec.sheets.map((sh) => {
      if (sh.name !== "Số liệu" && sh.name !== "Tổng hợp") return sh;
      const rows = [...sh.rows];
      const total = rows.findIndex((r) => r[0]?.value === "TOÀN TỈNH");
      expect(rows[total - 1]).toEqual([]);
      rows[total - 1] = [{ value: "Ghi chú: số liệu tạm" }];
      rows.push([{ value: "TONG" }, { value: "xem dòng trên" }]);
      return { ...sh, rows };
    });
    const read = readXlsx(writeXlsx({ ...spec, sheets }));
    if (!read.ok) throw new Error("summary unreadable");
    const parsed = previousFromSummary(read.workbook, profile.form);
    expect(parsed.ok && parsed.report.units.map((u) => u.code)).toEqual(["SO_A", "SO_B"]);
  });

  it("skips the total row whatever the consolidating body called it", () => {
    const hcm = shippedProfile("hcm-attp-226")!;
    const read = readXlsx(writeXlsx(summaryWorkbook(c, hcm)));
    if (!read.ok) throw new Error("summary unreadable");
    const parsed = previousFromSummary(read.workbook, profile.form);
    expect(parsed.ok && parsed.report.units.map((u) => u.code)).toEqual(["SO_A", "SO_B"]);
  });

  it("gives the same warnings as the JSON", () => {
    const read = workbook();
    if (!read.ok) throw new Error("summary unreadable");
    const parsed = previousFromSummary(read.workbook, profile.form);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const asLastYear = (r: PreviousReport): PreviousReport => ({ ...r, period: { kind: "NAM", year: 2025 } });
    const thisYear = run([
      { unit: "SO_A", name: "Sở A", counts: { HN_TONG: [99, 20] } },
      { unit: "SO_B", name: "Sở B" },
    ]);
    const json = parsePreviousReport(JSON.parse(JSON.stringify(consolidationJson(c))));
    if (!json.ok) throw new Error("json");
    expect(compareWithPrevious(thisYear, asLastYear(parsed.report))).toEqual(
      compareWithPrevious(thisYear, asLastYear(json.report)),
    );
    expect(compareWithPrevious(thisYear, asLastYear(parsed.report)).warnings.length).toBeGreaterThan(0);
  });

  it("reads a quarterly CCHC summary, whose titles start after the unit columns (it prints two pages across)", () => {
    const cchc = shippedProfile("hcm-attp-cchc-2025")!;
    const quarter = consolidate(
      ["P_A", "P_B"].map((unit) => ({
        file: `${unit}.xlsx`,
        sha256: `sha-${unit}`,
        result: inspectBytes(reportBytes(cchcUnit(unit), [], cchc), cchc),
      })),
      { profile: cchc },
    );
    const read = readXlsx(writeXlsx(summaryWorkbook(quarter, cchc)));
    if (!read.ok) throw new Error("summary unreadable");
    expect(read.workbook.sheets.find((s) => s.name === "Số liệu")!.rows[0]?.[0]).toBeUndefined();
    const parsed = previousFromSummary(read.workbook, cchc.form);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(parsed.report.period).toEqual({ kind: "Q2", year: 2025 });
    expect(parsed.report.units.map((u) => [u.code, u.values.VON_GIAI_NGAN?.current])).toEqual([
      ["P_A", 950],
      ["P_B", 950],
    ]);
    expect(parsed.report.rollups).toEqual([]);
  });

  it("reads a summary an analyst worked on: a column inserted before A, the title rows deleted, the sheet renamed", () => {
    const read = workbook();
    if (!read.ok) throw new Error("summary unreadable");
    const expected = previousFromSummary(read.workbook, profile.form);
    const edited = (edit: (sheet: Sheet) => Sheet): Workbook => ({
      ...read.workbook,
      sheets: read.workbook.sheets.map((sheet) => (sheet.name === "Số liệu" ? edit(sheet) : sheet)),
    });
    const sttColumn = edited((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row, r) => [
        r > 2 ? { value: { kind: "number" as const, value: r - 2 } } : undefined,
        ...(row ?? []),
      ]),
    }));
    const noTitle = edited((sheet) => ({ ...sheet, rows: sheet.rows.slice(2) }));
    const renamed = edited((sheet) => ({ ...sheet, name: "Số liệu 2026" }));
    for (const workbook of [sttColumn, renamed])
      expect(previousFromSummary(workbook, profile.form)).toEqual(expected);
    // Without Số liệu's note, whether rows are roll-ups is not recorded (no roll-up to mark on Tổng hợp).
    const { rollups: _rollups, ...withoutShapes } = expected.ok ? expected.report : { rollups: [] };
    expect(previousFromSummary(noTitle, profile.form)).toEqual({ ok: true, report: withoutShapes });
    // A summary without its Số liệu sheet says so, not "Tổng hợp has no count column".
    const without = { ...read.workbook, sheets: read.workbook.sheets.filter((s) => s.name !== "Số liệu") };
    const r = previousFromSummary(without, profile.form);
    expect(!r.ok && r.errors[0]).toContain(
      "Không có trang “Số liệu” (trang số liệu của bảng tổng hợp; có thể đã bị xóa hoặc đổi tên)",
    );
  });

  it("says what is missing when the workbook is not a summary", () => {
    const unitReport = readXlsx(reportBytes({ unit: "SO_A", name: "Sở A" }));
    if (!unitReport.ok) throw new Error("unreadable");
    const r = previousFromSummary(unitReport.workbook, profile.form);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toContain("Không có trang “Số liệu” hay “Tổng hợp”");
  });
});

describe("a unit that sent only another period's report has not sent the period's, in last year's file and in this round", () => {
  const roster = ["SO_A", "SO_KHAC", "SO_TRA", "SO_VANG"].map((code) => ({
    code,
    name: code,
    type: "Sở, ban, ngành",
  }));
  const round = (year: number, reports: readonly ReportData[]): Consolidation =>
    consolidate(
      reports.map((r) => ({
        file: `in/${r.unit}.xlsx`,
        sha256: r.unit,
        result: inspectBytes(reportBytes({ period: "6T", year, ...r }), profile),
      })),
      { profile, period: { kind: "6T", year }, roster },
    );
  // 6 tháng 2026: Sở Khác sent only its 2025 year report again, Sở Trả's report was sent back, Sở Vắng sent nothing.
  const then = round(2026, [
    { unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 2 } },
    {
      unit: "SO_KHAC",
      name: "Sở Khác",
      period: "NAM",
      year: 2025,
      reportDate: { year: 2025, month: 12, day: 1 },
    },
    {
      unit: "SO_TRA",
      name: "Sở Trả",
      counts: { HN_TONG: [100, -1] },
      reportDate: { year: 2026, month: 6, day: 2 },
    },
  ]);
  // 6 tháng 2027: Sở Vắng sends only its 2026 year report; Sở Khác and Sở Trả send nothing.
  const now = round(2027, [
    { unit: "SO_A", name: "Sở A", reportDate: { year: 2027, month: 6, day: 2 } },
    {
      unit: "SO_VANG",
      name: "Sở Vắng",
      period: "NAM",
      year: 2026,
      reportDate: { year: 2026, month: 12, day: 1 },
    },
  ]);
  const parsed = (json: unknown): PreviousReport => {
    const r = parsePreviousReport(JSON.parse(JSON.stringify(json)));
    if (!r.ok) throw new Error(r.errors.join("; "));
    return r.report;
  };

  it("the rounds are as described", () => {
    expect([
      then.missing.map((u) => u.code),
      then.returned.map((u) => [u.code, u.otherPeriods !== undefined]),
    ]).toEqual([
      ["SO_VANG"],
      [
        ["SO_KHAC", true],
        ["SO_TRA", false],
      ],
    ]);
    expect([
      now.missing.map((u) => u.code),
      now.returned.map((u) => [u.code, u.otherPeriods !== undefined]),
    ]).toEqual([["SO_KHAC", "SO_TRA"], [["SO_VANG", true]]]);
  });

  it("is missing two periods running, from last year's JSON; a unit sent back then is not", () => {
    const h = compareWithPrevious(now, parsed(consolidationJson(then)));
    expect([h.missingAgain, h.otherPeriodThen, h.missingThenUnknown]).toEqual([
      ["SO_KHAC", "SO_VANG"],
      ["SO_KHAC"],
      false,
    ]);
    // The line the command prints names which period had only another period's report.
    const { lines } = withPrevious(
      now,
      [{ path: "tong-hop-2026.json", report: () => parsed(consolidationJson(then)) }],
      profile.outlier,
    );
    expect(lines).toContain(
      "  Đơn vị chưa nộp kỳ này, tệp 6 tháng đầu năm 2026 cũng ghi chưa nộp: 2 đơn vị (SO_KHAC: kỳ đó chỉ gửi báo cáo của kỳ khác; SO_VANG: kỳ này chỉ gửi báo cáo của kỳ khác).",
    );
  });

  it("is read from last year's summary too (its Chưa nộp sheet's table of units that sent only another period's report)", () => {
    const read = readXlsx(writeXlsx(summaryWorkbook(then, profile)));
    if (!read.ok) throw new Error("summary unreadable");
    const r = previousFromSummary(read.workbook, profile.form);
    if (!r.ok) throw new Error(r.errors.join("; "));
    expect([r.report.missing, r.report.otherPeriodOnly]).toEqual([["SO_VANG"], ["SO_KHAC"]]);
    const h = compareWithPrevious(now, r.report);
    expect([h.missingAgain, h.otherPeriodThen]).toEqual([["SO_KHAC", "SO_VANG"], ["SO_KHAC"]]);
  });

  it("a JSON written before `otherPeriodOnly` (057b029) lists such a unit as returned only: it counts as one that sent", () => {
    const { otherPeriodOnly: _key, ...old } = consolidationJson(then) as Record<string, unknown>;
    const h = compareWithPrevious(now, parsed(old));
    expect([h.missingAgain, h.otherPeriodThen, h.missingThenUnknown]).toEqual([["SO_VANG"], [], false]);
  });

  it("without a roster then, a unit that sent only another period's report is still known not to have sent", () => {
    const noRoster = {
      ...(consolidationJson(then) as Record<string, unknown>),
      missing: [],
      rosterGiven: false,
    };
    const h = compareWithPrevious(now, parsed(noRoster));
    // Sở Khác is known; whether Sở Trả sent nothing then is not (said so, as before).
    expect([h.missingAgain, h.missingThenUnknown]).toEqual([["SO_KHAC"], true]);
  });
});

describe("a file an older release wrote (before `returned`, 03/12/2026): its `missing` listed returned units too", () => {
  // This period SO_TRA and SO_VANG sent nothing.
  const now: Consolidation = {
    ...run([{ unit: "SO_A", name: "Sở A" }]),
    missing: ["SO_TRA", "SO_VANG"].map((code) => ({ code, name: code, type: "Sở, ban, ngành" })),
  };
  const rejectedFile = (file: string) => ({
    file,
    findings: [
      {
        code: "MISSING_VALUE",
        severity: "error",
        sheet: "Chỉ tiêu",
        cell: "E8",
        message: "Chưa điền số liệu “Số văn bản hành chính ban hành” (cột E, kỳ này).",
      },
    ],
  });
  // The keys and shapes of an older release's JSON (d45fc64): no `returned`, no `rosterGiven`; last
  // year SO_TRA's file was rejected, SO_VANG sent nothing, and both were listed in `missing`.
  const oldJson = {
    period: { kind: "NAM", year: 2025 },
    units: [{ code: "SO_A", values: { HN_TONG: { previous: 40, current: 33 } } }],
    province: {},
    shortfalls: [],
    rejected: [rejectedFile("/hop-thu/2025/SO_TRA.xlsx")],
    duplicates: [],
    missing: ["SO_TRA", "SO_VANG"],
    warnings: [],
  };
  const parsed = (json: unknown): PreviousReport => {
    const r = parsePreviousReport(json);
    if (!r.ok) throw new Error(r.errors.join("; "));
    return r.report;
  };

  it("a unit its `rejected` list names sent a report (returned), so it is not missing two periods running", () => {
    expect(parsed(oldJson).missing).toEqual(["SO_VANG"]);
    const h = compareWithPrevious(now, parsed(oldJson));
    expect([h.missingAgain, h.missingAgainUnsure, h.missingThenUnknown]).toEqual([["SO_VANG"], 0, false]);
    // The same lists in a file written since (`returned` present): `missing` is only who sent nothing.
    expect(compareWithPrevious(now, parsed({ ...oldJson, returned: [] })).missingAgain).toEqual([
      "SO_TRA",
      "SO_VANG",
    ]);
  });

  it("a rejected file whose name is no unit's code may be a listed unit's: counted for the line to say", () => {
    const unnamed = {
      ...oldJson,
      rejected: [...oldJson.rejected, rejectedFile("/hop-thu/2025/Bao cao 6T.xlsx")],
    };
    expect(compareWithPrevious(now, parsed(unnamed))).toMatchObject({
      missingAgain: ["SO_VANG"],
      missingAgainUnsure: 1,
    });
    // A second file of a unit accepted that year (its code leads the name) is not one of those.
    const second = {
      ...oldJson,
      rejected: [...oldJson.rejected, rejectedFile("/hop-thu/2025/SO_A (cu).xlsx")],
    };
    expect(compareWithPrevious(now, parsed(second)).missingAgainUnsure).toBe(0);
  });

  // The release before `returned` recorded no unit per rejected file: "BC so van g.xlsx" was only counted.
  // This period a missing unit's name in a rejected file's name is said (unplacedRejected); so is it of
  // that file's, for a unit missing again. Said, not decided: the unit stays in missingAgain.
  it("a rejected file named after a unit missing again, by its name, is said to be perhaps that unit's", () => {
    const withNames = {
      ...now,
      missing: now.missing.map((u) => (u.code === "SO_VANG" ? { ...u, name: "Sở Văn hóa và Thể thao" } : u)),
    };
    const named = {
      ...oldJson,
      rejected: [
        ...oldJson.rejected,
        rejectedFile("/hop-thu/2025/BC so van hoa va the thao.xlsx"),
        rejectedFile("/hop-thu/2025/Bao cao 6T.xlsx"),
      ],
    };
    expect(compareWithPrevious(withNames, parsed(named))).toMatchObject({
      missingAgain: ["SO_VANG"],
      missingAgainUnsure: 2,
      missingAgainMaybe: [
        {
          file: "/hop-thu/2025/BC so van hoa va the thao.xlsx",
          code: "SO_VANG",
          name: "Sở Văn hóa và Thể thao",
        },
      ],
    });
  });

  // A rejected file whose content was never read names no unit: its name does not make that unit returned.
  it("a rejected archive or unopened file named after a listed unit leaves that unit missing again, counted as unsure", () => {
    const unread = (file: string, code: string, message: string) => ({
      file,
      findings: [{ code, severity: "error", sheet: null, cell: null, message }],
    });
    const zip = unread(
      "/hop-thu/2025/SO_VANG.zip",
      "UNREADABLE",
      "Tệp là tệp nén (.zip, .rar, .7z…) chứa các tệp khác, không phải sổ tính Excel.",
    );
    const notOpened = unread(
      "/hop-thu/2025/SO_VANG.xlsx",
      "NOT_OPENED",
      "Không mở được tệp (đang mở trong Excel?).",
    );
    for (const file of [zip, notOpened]) {
      const h = compareWithPrevious(now, parsed({ ...oldJson, rejected: [...oldJson.rejected, file] }));
      expect([h.missingAgain, h.missingAgainUnsure, h.missingThenUnknown]).toEqual([["SO_VANG"], 1, false]);
    }
  });

  it("an empty `missing` in such a file may be a run without a roster (it did not record which): not known, said why", () => {
    const h = compareWithPrevious(now, parsed({ ...oldJson, rejected: [], missing: [] }));
    expect([h.missingAgain, h.missingThenUnknown]).toEqual([[], true]);
    expect(h.missingThenWhy).toContain("do phiên bản KL226 cũ (phát hành trước ngày 03/12/2026) lập");
  });

  // Between `returned` (76e9098) and `rosterGiven` (2640336) a JSON listed `returned` (with or without
  // a roster) but not whether its run had a roster: an empty `missing` was read as "none missing then".
  it("an empty `missing` in a file written between `returned` and `rosterGiven` (03–06/12/2026) is not known either, said why", () => {
    const between = { ...oldJson, rejected: [], missing: [], returned: [] };
    const h = compareWithPrevious(now, parsed(between));
    expect([h.missingAgain, h.missingThenUnknown]).toEqual([[], true]);
    expect(h.missingThenWhy).toBe(
      "do phiên bản KL226 cũ (phát hành trước ngày 06/12/2026) lập: tệp không ghi đơn vị nào chưa nộp, và cũng không ghi rõ lần tổng hợp đó có dùng danh sách đơn vị hay không",
    );
    // Since then the file says it: with a roster every unit had sent; without one nobody knows.
    expect(compareWithPrevious(now, parsed({ ...between, rosterGiven: true })).missingThenUnknown).toBe(
      false,
    );
    expect(compareWithPrevious(now, parsed({ ...between, rosterGiven: false })).missingThenWhy).toBe(
      "được lập không có danh sách đơn vị, nên không ghi đơn vị chưa nộp",
    );
    // A unit listed in `missing` says a roster was given, in any release.
    expect(compareWithPrevious(now, parsed({ ...between, missing: ["SO_VANG"] })).missingAgain).toEqual([
      "SO_VANG",
    ]);
  });

  // The summary such a release wrote: one "Chưa nộp" table of every roster unit without an accepted
  // report, and the Nguồn sheet of every file (Mã đơn vị as the file gave it, empty when unreadable).
  const OLD_MISSING_TITLE = [{ value: "ĐƠN VỊ CHƯA NỘP BÁO CÁO HỢP LỆ" }];
  const OLD_SOURCES_HEAD = [
    "Tệp",
    "SHA-256",
    "Mã đơn vị",
    "Tên đơn vị",
    "Kỳ báo cáo",
    "Ngày báo cáo",
    "Xử lý",
    "Lý do",
  ];
  const oldMissingRows = (codes: readonly string[]) => [
    OLD_MISSING_TITLE,
    [
      {
        value: `${codes.length} đơn vị trong danh sách chưa có báo cáo được chấp nhận (chưa nộp, hoặc tệp đã nộp bị từ chối: xem trang “Lỗi”).`,
      },
    ],
    ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"].map((value) => ({ value })),
    ...codes.map((code) => [{ value: code }, { value: code }, { value: "Sở, ban, ngành" }]),
  ];
  const source = (file: string, unit: string, status: string, reason = "") =>
    [file, "sha", unit, unit, "Năm 2025", "", status, reason].map((value) => ({ value }));
  const OLD_SOURCES = [
    [{ value: "NGUỒN DỮ LIỆU" }],
    [{ value: "4 tệp đã đọc." }],
    OLD_SOURCES_HEAD.map((value) => ({ value })),
    source("in/SO_A.xlsx", "SO_A", "Chấp nhận"),
    // Read: its unit is the code the file gave, whatever its name.
    source("in/bao cao so tra.xlsx", "SO_TRA", "Từ chối", "MISSING_VALUE: Chưa điền số liệu …"),
    // Not read: the code its name starts with (consolidate's rule).
    source("in/XA_HONG.xlsx", "", "Từ chối", "UNREADABLE: Tệp bị cắt cụt hoặc hỏng …"),
  ];
  const oldSummary = (
    missingRows: ReadonlyArray<ReadonlyArray<{ value: string }>>,
    sources: ReadonlyArray<ReadonlyArray<{ value: string }>> | null = OLD_SOURCES,
  ): PreviousReport => {
    const spec = summaryWorkbook(run([{ unit: "SO_A", name: "Sở A" }]), profile);
    const sheets = spec.sheets.flatMap((sh) =>
      sh.name === "Chưa nộp"
        ? [{ name: sh.name, rows: missingRows }]
        : sh.name === "Nguồn"
          ? sources === null
            ? []
            : [{ name: sh.name, rows: sources }]
          : [sh],
    );
    const read = readXlsx(writeXlsx({ ...spec, sheets }));
    if (!read.ok) throw new Error("summary unreadable");
    const r = previousFromSummary(read.workbook, profile.form);
    if (!r.ok) throw new Error(r.errors.join("; "));
    return r.report;
  };

  it("its summary's Chưa nộp table is read, and split by the Nguồn sheet's rejected files", () => {
    const report = oldSummary(oldMissingRows(["SO_TRA", "SO_VANG", "XA_HONG"]));
    expect([report.missing, report.unplacedRejected, report.missingUnread]).toEqual([
      ["SO_VANG"],
      undefined,
      undefined,
    ]);
    const h = compareWithPrevious(now, { ...report, period: { kind: "NAM", year: 2025 } });
    expect([h.missingAgain, h.missingThenUnknown]).toEqual([["SO_VANG"], false]);
    // A rejected file that names no unit, by content or name (a scan sent as .pdf).
    const pdf = source("in/scan.pdf", "", "Từ chối", "UNREADABLE: Tệp là bản PDF …");
    expect(
      oldSummary(oldMissingRows(["SO_TRA", "SO_VANG", "XA_HONG"]), [...OLD_SOURCES, pdf]).unplacedRejected,
    ).toEqual(["in/scan.pdf"]);
  });

  it("its other Chưa nộp notes: every unit sent (none missing), or no roster (not known)", () => {
    const note = (value: string) => [OLD_MISSING_TITLE, [{ value }]];
    expect(oldSummary(note("Tất cả đơn vị trong danh sách đã nộp báo cáo hợp lệ.")).missing).toEqual([]);
    const noRoster = oldSummary(
      note(
        "Không có danh sách đơn vị phải báo cáo (tùy chọn --roster hoặc danh sách trong hồ sơ cấu hình), nên không xác định được đơn vị chưa nộp.",
      ),
    );
    expect([noRoster.missing, noRoster.rosterGiven]).toEqual([[], false]);
  });

  // A Nguồn sheet edited by hand (no "Xử lý" column) cannot tell the rejected files: not read, not all missing again.
  it("a Nguồn sheet without its Xử lý column cannot split the table: not read, no unit called missing again", () => {
    const edited = OLD_SOURCES.map((row, i) =>
      i === 2 ? row.map((cell) => (cell.value === "Xử lý" ? { value: "Ghi chú" } : cell)) : row,
    );
    const report = oldSummary(oldMissingRows(["SO_TRA", "SO_VANG"]), edited);
    expect(report.missing).toBeUndefined();
    const h = compareWithPrevious(now, { ...report, period: { kind: "NAM", year: 2025 } });
    expect([h.missingAgain, h.missingThenUnknown]).toEqual([[], true]);
    expect(h.missingThenWhy).toBe(
      "do phiên bản KL226 cũ (phát hành trước ngày 03/12/2026) lập: trang “Chưa nộp” ghi chung đơn vị chưa nộp với đơn vị có tệp bị từ chối, và trang “Nguồn” không có hoặc không đọc được, nên không tách riêng được đơn vị chưa nộp",
    );
  });

  it("without its Nguồn sheet the table cannot be split: not read, and the reason is said", () => {
    const report = oldSummary(oldMissingRows(["SO_TRA", "SO_VANG"]), null);
    expect(report.missing).toBeUndefined();
    const h = compareWithPrevious(now, { ...report, period: { kind: "NAM", year: 2025 } });
    expect([h.missingAgain, h.missingThenUnknown]).toEqual([[], true]);
    expect(h.missingThenWhy).toBe(
      "do phiên bản KL226 cũ (phát hành trước ngày 03/12/2026) lập: trang “Chưa nộp” ghi chung đơn vị chưa nộp với đơn vị có tệp bị từ chối, và trang “Nguồn” không có hoặc không đọc được, nên không tách riêng được đơn vị chưa nộp",
    );
  });
});

describe("parsePreviousReport and period notes", () => {
  it("accepts a consolidation JSON and names what is wrong otherwise", () => {
    expect(parsePreviousReport({ period: { kind: "NAM", year: 2025 }, units: [], province: {} }).ok).toBe(
      true,
    );
    const bad = parsePreviousReport({
      period: { kind: "NAM" },
      units: [{ code: "SO_A", values: { HN_TONG: { current: "x" } } }],
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual([
      "period.year: thiếu giá trị",
      "units.0 (SO_A).values.HN_TONG.current: giá trị không đúng kiểu",
    ]);
    // In Vietnamese, not zod's "Invalid input: expected number, received string".
    const typed = parsePreviousReport({ period: { kind: "NAM", year: "2025" }, units: [] });
    expect(!typed.ok && typed.errors).toEqual(["period.year: giá trị không đúng kiểu"]);
  });

  it("refuses a negative figure or one with more decimals than a report holds; a fraction of a count is shown, not judged", () => {
    const values = (current: number) =>
      parsePreviousReport({
        period: { kind: "NAM", year: 2025 },
        units: [{ code: "SO_A", values: { HN_TONG: { current } } }],
      });
    const negative = values(-5);
    expect(!negative.ok && negative.errors).toEqual([
      "units.0 (SO_A).values.HN_TONG.current: số âm (số liệu báo cáo không âm)",
    ]);
    const long = values(100.125);
    expect(!long.ok && long.errors).toEqual([
      "units.0 (SO_A).values.HN_TONG.current: tối đa 2 chữ số thập phân",
    ]);
    // A JSON edited by hand to 93.5 meetings (95.5 is a percent's own form): the mismatch is listed
    // with the figure as written, and no verdict is computed from it (an exact judge takes whole counts).
    const c = run([{ unit: "SO_A", name: "Sở A" }]);
    const h = compareWithPrevious(
      c,
      last([{ code: "SO_A", values: { HN_TONG: { previous: 110, current: 93.5 } } }]),
    );
    expect(h.mismatches.map((m) => [m.unit, m.code, m.declared, m.reported, m.changes])).toEqual([
      ["SO_A", "HN_TONG", 100, 93.5, []],
    ]);
    // Quoted as written in the report and the letters, not rounded into another figure.
    expect(mismatchFigures(h.mismatches[0]!)).toContain("ghi 93,5");
  });

  it("says a file of another period kind, or not earlier, is not compared, and an older year only for outliers", () => {
    expect(previousPeriodNotes({ kind: "NAM", year: 2026 }, last([]))).toEqual([]);
    expect(previousPeriodNotes({ kind: "6T", year: 2027 }, last([]))).toEqual([
      "Không đối chiếu số liệu: tệp đối chiếu (--previous) là kỳ năm 2025, không phải cùng kỳ năm trước của kỳ đang tổng hợp (6 tháng đầu năm 2027); số liệu của kỳ khác không so sánh được. Cần bảng tổng hợp (hoặc báo cáo JSON) 6 tháng đầu năm 2026.",
    ]);
    expect(previousPeriodNotes({ kind: "NAM", year: 2027 }, last([]))).toEqual([
      "Lưu ý: tệp đối chiếu (--previous) là kỳ năm 2025, không phải năm 2026: không đối chiếu cột D (cùng kỳ năm trước), chỉ dùng để phát hiện số liệu bất thường.",
    ]);
  });
});

describe("a quarterly regime: only the same quarter of earlier years compares", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  // Quý III/2025: TTHC_TONG declared 2000 for quý III 2024 (column D), 5000 this quarter.
  const q3 = consolidate(
    [
      {
        file: "in/P_A.xlsx",
        sha256: "a",
        result: inspectBytes(
          reportBytes(
            {
              unit: "P_A",
              name: "Phòng A",
              type: "PHONG_THUOC_SO",
              period: "Q3",
              year: 2025,
              reportDate: { year: 2025, month: 9, day: 12 },
              counts: { TTHC_TONG: [2000, 5000] },
            },
            [],
            cchc,
          ),
          cchc,
        ),
      },
    ],
    { profile: cchc },
  );
  const summary = (kind: "Q2" | "Q3", year: number, tthc: number): PreviousReport => ({
    period: { kind, year },
    units: [{ code: "P_A", values: { TTHC_TONG: { current: tthc } } }],
  });

  it("last quarter's summary is not compared: no PREVIOUS_MISMATCH, no OUTLIER, and the note says what to give", () => {
    const h = compareWithPrevious(q3, summary("Q2", 2025, 21));
    expect(h).toMatchObject({ warnings: [], comparedDeclared: false });
    // Which units are new or gone is still told, against that file.
    const other = { ...summary("Q2", 2025, 21), units: [{ code: "P_CU", values: {} }] };
    expect(compareWithPrevious(q3, other)).toMatchObject({
      newUnits: ["P_A"],
      goneUnits: ["P_CU"],
      listedAgainst: { kind: "Q2", year: 2025 },
    });
    expect(previousPeriodNotes(q3.period, summary("Q2", 2025, 21))).toEqual([
      "Không đối chiếu số liệu: tệp đối chiếu (--previous) là kỳ quý II/2025, không phải cùng kỳ năm trước của kỳ đang tổng hợp (quý III/2025); số liệu của kỳ khác không so sánh được. Kỳ quý III/2024 có trước khi có báo cáo theo mẫu này, nên kỳ quý III/2025 chưa có gì để đối chiếu; từ cùng kỳ năm sau sẽ dùng được bảng tổng hợp kỳ quý III/2025.",
    ]);
  });

  it("the lists are against the latest quarter before this one, in whatever order the files are given", () => {
    const quarter = (kind: "Q1" | "Q2" | "Q4", code: string): PreviousReport => ({
      period: { kind, year: 2025 },
      units: [{ code, values: {} }],
    });
    const q1 = quarter("Q1", "P_CU");
    const q2 = quarter("Q2", "P_A");
    // Quý II has P_A already (nothing new, nothing gone); quý I had only P_CU.
    for (const given of [
      [q1, q2],
      [q2, q1],
    ])
      expect(compareWithPrevious(q3, given)).toMatchObject({
        newUnits: [],
        goneUnits: [],
        listedAgainst: { kind: "Q2", year: 2025 },
      });
    // Last year's quý III (for the figures) and this year's quý II: the lists are against quý II, the figures against quý III 2024.
    const h = compareWithPrevious(q3, [
      summary("Q3", 2024, 1000),
      { ...q2, units: [{ code: "P_CU", values: {} }] },
    ]);
    expect(h).toMatchObject({
      comparedDeclared: true,
      newUnits: ["P_A"],
      goneUnits: ["P_CU"],
      listedAgainst: { kind: "Q2", year: 2025 },
    });
    // A later quarter given by mistake (quý IV) is not what the lists are against.
    expect(compareWithPrevious(q3, [quarter("Q4", "P_CU"), q2])).toMatchObject({
      listedAgainst: { kind: "Q2", year: 2025 },
    });
  });

  it("quý III 2024 is compared, and the messages name that quarter", () => {
    expect(q3.units.map((u) => u.code)).toEqual(["P_A"]);
    const h = compareWithPrevious(q3, summary("Q3", 2024, 1000));
    expect(h.comparedDeclared).toBe(true);
    expect(h.warnings.map((w) => w.finding.message)).toEqual([
      "Số liệu “Số TTHC thuộc thẩm quyền tiếp nhận, giải quyết” kỳ này (cột E) là 5.000, chênh hơn 3 lần so với 1.000 mà đơn vị báo cáo quý III/2024. Không phải lỗi: hãy kiểm tra lại (gõ thừa/thiếu chữ số?) hoặc ghi lý do ở cột Ghi chú.",
      "Số liệu “Số TTHC thuộc thẩm quyền tiếp nhận, giải quyết” cùng kỳ năm trước (cột D) khai 2.000, nhưng báo cáo quý III/2024 của đơn vị ghi kỳ đó là 1.000. Kiểm tra lại cột D, hoặc ghi rõ lý do điều chỉnh ở cột Ghi chú.",
    ]);
  });
});

describe("a column D that decides a verdict (PREVIOUS_MISMATCH with what it changes)", () => {
  // 100 → 90 meetings is exactly the 10% asked; Sở B declares 95 → 90 (5,3%, short).
  const c = run([
    { unit: "SO_A", name: "Sở A" },
    { unit: "SO_B", name: "Sở B", counts: { HN_TONG: [95, 90] } },
  ]);
  const h = compareWithPrevious(
    c,
    last([
      // Sở A reported 95 meetings for 2025, not the 100 it now declares; Sở B reported 120, not 95.
      { code: "SO_A", values: { HN_TONG: { current: 95 }, VB_HANH_CHINH: { current: 210 } } },
      { code: "SO_B", values: { HN_TONG: { current: 120 } } },
    ]),
  );

  it("says, on the warning, the verdict the unit's own last report gives, either way", () => {
    const message = (unit: string, code: string) =>
      h.warnings.find((w) => w.unit === unit && w.finding.message.includes(code))?.finding.message;
    expect(message("SO_A", "Tổng số hội nghị")).toContain(
      "Nếu tính theo số năm trước, kết quả “Giảm số lượng hội nghị so với cùng kỳ” là giảm 5,3%, chưa đạt mục tiêu giảm ít nhất 10%, vượt 5 cuộc họp so với mức cho phép; theo số khai ở cột D là giảm 10,0%, đạt mục tiêu.",
    );
    expect(message("SO_B", "Tổng số hội nghị")).toContain(
      "là giảm 25,0%, đạt mục tiêu; theo số khai ở cột D là giảm 5,3%, chưa đạt mục tiêu giảm ít nhất 10%, vượt 5 cuộc họp so với mức cho phép.",
    );
    // 210 → 170 documents is 19%, 200 → 170 is 15%: both met, nothing more to say.
    expect(message("SO_A", "Số văn bản hành chính")).not.toContain("Nếu tính");
  });

  it("a shortfall of another size is said too (1.450 declared, 414 reported: over by 2, or by 883)", () => {
    const c3 = run([{ unit: "SO_C", name: "Sở C", counts: { VB_HANH_CHINH: [1450, 1234] } }]);
    const h3 = compareWithPrevious(c3, last([{ code: "SO_C", values: { VB_HANH_CHINH: { current: 414 } } }]));
    // 15% fewer than 1.450 allows 1.232 (1.234 is 2 over); than 414 allows 351 (883 over, a 198,1% rise).
    expect(h3.warnings[0]?.finding.message).toContain(
      "Nếu tính theo số năm trước, kết quả “Cắt giảm văn bản hành chính so với cùng kỳ” là tăng 198,1%, chưa đạt mục tiêu giảm ít nhất 15%, vượt 883 văn bản so với mức cho phép; theo số khai ở cột D là giảm 14,9%, chưa đạt mục tiêu giảm ít nhất 15%, vượt 2 văn bản so với mức cho phép.",
    );
  });

  it("keeps the facts for the letters and the report: cell, both figures, the period, the verdicts", () => {
    expect(
      h.mismatches.map((m) => ({
        unit: m.unit,
        code: m.code,
        cell: m.cell,
        declared: m.declared,
        reported: m.reported,
        reportedIn: m.reportedIn,
        changes: m.changes.map((ch) => [ch.indicator.id, ch.declared.status, ch.reported.status]),
      })),
    ).toEqual([
      {
        unit: "SO_A",
        code: "HN_TONG",
        cell: "D5",
        declared: 100,
        reported: 95,
        reportedIn: "năm 2025",
        changes: [["MEETING_REDUCTION", "met", "short"]],
      },
      {
        unit: "SO_A",
        code: "VB_HANH_CHINH",
        cell: "D8",
        declared: 200,
        reported: 210,
        reportedIn: "năm 2025",
        changes: [],
      },
      {
        unit: "SO_B",
        code: "HN_TONG",
        cell: "D5",
        declared: 95,
        reported: 120,
        reportedIn: "năm 2025",
        changes: [["MEETING_REDUCTION", "short", "met"]],
      },
    ]);
  });
});
