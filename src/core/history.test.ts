// Last year's cross-check: declared "previous" values against what each unit reported as current.

import { inspectBytes } from "../app/inspect";
import { reportBytes, type ReportData } from "../../test/helpers/report-builder";
import { consolidate, type Consolidation } from "./consolidate";
import { compareWithPrevious, parsePreviousReport, previousPeriodNotes, type PreviousReport } from "./history";
import { DEFAULT_PROFILE } from "./profile";

const profile = DEFAULT_PROFILE;

function run(reports: readonly ReportData[]): Consolidation {
  return consolidate(
    reports.map((r) => ({ file: `in/${r.unit}.xlsx`, sha256: r.unit, result: inspectBytes(reportBytes({ period: "NAM", ...r }), profile) })),
    { profile, period: { kind: "NAM", year: 2026 } },
  );
}

const last = (units: PreviousReport["units"]): PreviousReport => ({ period: { kind: "NAM", year: 2025 }, units });

describe("compareWithPrevious", () => {
  // This year: HN_TONG previous 100 (GOOD_COUNTS), VB_HANH_CHINH previous 200.
  const c = run([
    { unit: "SO_A", name: "Sở A" },
    { unit: "SO_B", name: "Sở B", counts: { TTHC_CAT_GIAM: [null, 5] } },
    { unit: "SO_MOI", name: "Sở Mới" },
  ]);

  it("consolidates the three test units", () => {
    expect(c.units.map((u) => u.code)).toEqual(["SO_A", "SO_B", "SO_MOI"]);
    expect(c.units[1]?.values.TTHC_CAT_GIAM.previous).toBeNull();
  });

  it("warns when the declared previous value differs from last year's current, naming both numbers", () => {
    const h = compareWithPrevious(c, last([{ code: "SO_A", values: { HN_TONG: { previous: 120, current: 104 }, VB_HANH_CHINH: { previous: 1, current: 200 } } }]));
    expect(h.warnings).toHaveLength(1);
    const w = h.warnings[0]!;
    expect(w.unit).toBe("SO_A");
    expect(w.file).toBe("in/SO_A.xlsx");
    expect(w.finding).toMatchObject({ code: "PREVIOUS_MISMATCH", severity: "warning", sheet: "Chỉ tiêu", cell: null });
    expect(w.finding.message).toContain("HN_TONG");
    expect(w.finding.message).toContain("100");
    expect(w.finding.message).toContain("104");
    expect(w.finding.message).toContain("2025");
  });

  it("gives no warning when the values agree", () => {
    const h = compareWithPrevious(c, last([{ code: "SO_A", values: { HN_TONG: { previous: null, current: 100 }, VB_HANH_CHINH: { previous: null, current: 200 } } }]));
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
    const h = compareWithPrevious(c, last([{ code: "so_a", values: {} }, { code: "SO_B", values: {} }, { code: "SO_CU", values: {} }]));
    expect(h.newUnits).toEqual(["SO_MOI"]);
    expect(h.goneUnits).toEqual(["SO_CU"]);
  });
});

describe("OUTLIER (a jump of more than 3× against the unit's own last report)", () => {
  // This year SO_A reports HN_TONG current 90 and VB_HANH_CHINH current 170 (GOOD_COUNTS).
  const c = run([{ unit: "SO_A", name: "Sở A" }]);
  const codes = (h: ReturnType<typeof compareWithPrevious>) => h.warnings.map((w) => w.finding.code);

  it("warns when this period's value is more than 3 times last year's, or less than a third, naming both", () => {
    const h = compareWithPrevious(c, last([{ code: "SO_A", values: { HN_TONG: { current: 20 }, VB_HANH_CHINH: { current: 600 } } }]));
    const outliers = h.warnings.filter((w) => w.finding.code === "OUTLIER");
    expect(outliers).toHaveLength(2);
    expect(outliers[0]?.finding).toMatchObject({ severity: "warning", sheet: "Chỉ tiêu" });
    expect(outliers[0]?.finding.message).toMatch(/HN_TONG.*90.*20.*2025/);
  });

  it("stays quiet within the band, at exactly 3×, and for small counts", () => {
    expect(codes(compareWithPrevious(c, last([{ code: "SO_A", values: { HN_TONG: { current: 30 }, VB_HANH_CHINH: { current: 160 } } }])))).not.toContain("OUTLIER");
    const small = run([{ unit: "SO_A", name: "Sở A", counts: { TTHC_CAT_GIAM: [1, 9] } }]);
    expect(codes(compareWithPrevious(small, last([{ code: "SO_A", values: { TTHC_CAT_GIAM: { current: 1 } } }])))).not.toContain("OUTLIER");
  });

  it("takes another band", () => {
    const h = compareWithPrevious(c, last([{ code: "SO_A", values: { HN_TONG: { current: 50 } } }]), { factor: 1.5, minCount: 10 });
    expect(codes(h)).toContain("OUTLIER");
  });
});

describe("parsePreviousReport and period notes", () => {
  it("accepts a consolidation JSON and names what is wrong otherwise", () => {
    expect(parsePreviousReport({ period: { kind: "NAM", year: 2025 }, units: [], province: {} }).ok).toBe(true);
    const bad = parsePreviousReport({ period: { kind: "NAM" }, units: [{ code: "SO_A", values: { HN_TONG: { current: "x" } } }] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join("\n")).toMatch(/period\.year/);
    expect(!bad.ok && bad.errors.join("\n")).toMatch(/units\.0\.values\.HN_TONG\.current/);
  });

  it("notes a different period kind or a year that is not the one before", () => {
    expect(previousPeriodNotes({ kind: "NAM", year: 2026 }, last([]))).toEqual([]);
    const notes = previousPeriodNotes({ kind: "6T", year: 2027 }, last([]));
    expect(notes).toHaveLength(2);
    expect(notes.join("\n")).toContain("2026");
  });
});
