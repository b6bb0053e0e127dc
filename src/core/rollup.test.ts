// Roll-up: a valid KL226-BC/1 report of the consolidating unit whose re-consolidation gives the
// same province totals as consolidating every underlying unit directly.

import fc from "fast-check";
import { inspectBytes } from "../app/inspect";
import { reportBytes, type ReportData } from "../../test/helpers/report-builder";
import { readXlsx } from "../xlsx/read";
import { writeXlsx } from "../xlsx/write";
import { TASK_STATUSES } from "./catalogue";
import { consolidate, countedUnitsPhrase } from "./consolidate";
import type { Consolidation, Submission } from "./consolidation";
import { documentText } from "./documents";
import { followUpLetters } from "./letters";
import { DEFAULT_PROFILE } from "./profile";
import { ROLLUP_SOURCES_SHEET } from "./catalogue";
import { reportDocument } from "./report";
import { issuerIsNot, rollupWorkbook, type RollupUnit } from "./rollup";
import { summaryWorkbook } from "./summary";
import { shippedProfile } from "./profiles";
import { cellText } from "./values";
import { cellAt } from "./workbook";
import { COUNT_COLS } from "./layout";

const profile = DEFAULT_PROFILE;
const COUNT_FIELDS = profile.form.counts;
const PART_OF = profile.form.parts;
type CountCode = string;
const period = { kind: "6T", year: 2026 } as const;

function submission(file: string, bytes: Uint8Array): Submission {
  return { file, sha256: `sha-${file}`, result: inspectBytes(bytes, profile) };
}

function consolidateReports(reports: readonly ReportData[]): Consolidation {
  return consolidate(
    reports.map((r) => submission(`${r.unit}.xlsx`, reportBytes(r))),
    { profile, period },
  );
}

function rollupBytes(c: Consolidation, unit: RollupUnit): Uint8Array {
  return writeXlsx(rollupWorkbook(c, profile, unit));
}

const SO: RollupUnit = { code: "SO_Y_TE", name: "Sở Y tế", typeId: "SO_NGANH" };

describe("rollupWorkbook", () => {
  it("writes a report that validates without errors, with the sums, the consolidating unit and the latest report date", () => {
    const c = consolidateReports([
      {
        unit: "PHONG_A",
        name: "Phòng A",
        type: "PHONG_THUOC_SO",
        counts: { HN_TONG: [10, 8], HN_TRUC_TUYEN: [1, 5] },
        reportDate: { year: 2026, month: 6, day: 2 },
      },
      {
        unit: "PHONG_B",
        name: "Phòng B",
        type: "PHONG_THUOC_SO",
        counts: { HN_TONG: [20, 15], HN_TRUC_TUYEN: [2, 9] },
        reportDate: { year: 2026, month: 6, day: 4 },
      },
    ]);
    const result = inspectBytes(rollupBytes(c, SO), profile);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.report?.unit).toMatchObject({ code: "SO_Y_TE", name: "Sở Y tế", typeId: "SO_NGANH" });
    expect(result.report?.period).toEqual(period);
    expect(result.report?.reportDate).toEqual({ year: 2026, month: 6, day: 4 });
    expect(result.report?.values.HN_TONG).toEqual({ previous: 30, current: 23 });
    expect(result.report?.values.HN_TRUC_TUYEN).toEqual({ previous: 3, current: 14 });
  });

  it("passes over a unit's mistyped year (UNLIKELY_DATE) for its report date", () => {
    const c = consolidateReports([
      { unit: "PHONG_A", name: "Phòng A", reportDate: { year: 2026, month: 6, day: 2 } },
      { unit: "PHONG_B", name: "Phòng B", reportDate: "03/06/2062" },
    ]);
    expect(inspectBytes(rollupBytes(c, SO), profile).report?.reportDate).toEqual({
      year: 2026,
      month: 6,
      day: 2,
    });
  });

  it("reports each task at its least advanced status, with the counts in column H", () => {
    const statuses = (first: string): string[] =>
      profile.form.tasks.map((_, i) => (i === 0 ? first : "Hoàn thành"));
    const c = consolidateReports([
      { unit: "PHONG_A", name: "Phòng A", taskStatuses: statuses("Hoàn thành") },
      { unit: "PHONG_B", name: "Phòng B", taskStatuses: statuses("Đang thực hiện") },
      { unit: "PHONG_C", name: "Phòng C", taskStatuses: statuses("Hoàn thành quá hạn") },
    ]);
    const report = inspectBytes(rollupBytes(c, SO), profile).report;
    expect(report?.tasks[0]?.status).toBe("IN_PROGRESS");
    expect(report?.tasks[0]?.result).toBe(
      "2 hoàn thành (1 hoàn thành quá hạn), 1 đang thực hiện, 0 chưa thực hiện, 0 quá hạn",
    );
    expect(report?.tasks[1]?.status).toBe("DONE");

    const doneOneLate = consolidateReports([
      { unit: "PHONG_A", name: "Phòng A", taskStatuses: statuses("Hoàn thành") },
      { unit: "PHONG_C", name: "Phòng C", taskStatuses: statuses("Hoàn thành quá hạn") },
    ]);
    const late = inspectBytes(rollupBytes(doneOneLate, SO), profile).report;
    expect(late?.tasks[0]?.status).toBe("DONE_LATE");
    expect(late?.tasks[0]?.result).toBe(
      "2 hoàn thành (1 hoàn thành quá hạn), 0 đang thực hiện, 0 chưa thực hiện, 0 quá hạn",
    );
    expect(late?.tasks[1]?.status).toBe("DONE");

    const notStarted = consolidateReports([
      { unit: "PHONG_A", name: "Phòng A", taskStatuses: statuses("Chưa thực hiện") },
      { unit: "PHONG_B", name: "Phòng B", taskStatuses: statuses("Đang thực hiện") },
    ]);
    expect(inspectBytes(rollupBytes(notStarted, SO), profile).report?.tasks[0]?.status).toBe("NOT_STARTED");
  });

  it("writes 0 with a note for a required count no unit filled", () => {
    const empty = consolidate([], { profile, period });
    const bytes = rollupBytes(empty, SO);
    const result = inspectBytes(bytes, profile);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.report?.values.HN_TONG).toEqual({ previous: 0, current: 0 });
    expect(result.report?.values.VB_KHONG_MAT).toEqual({ previous: null, current: null });
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.reason);
    const counts = read.workbook.sheets.find((s) => s.name === "Chỉ tiêu");
    if (!counts) throw new Error("no Chỉ tiêu");
    expect(cellText(cellAt(counts, 4, 5))).toContain("không đơn vị nào có số liệu, ghi 0");
  });

  it("says beside a sum how many units it counts when one unit left the count blank, so the level above knows the total is short of a unit", () => {
    const noteOfCut = (c: Consolidation): { current: number | null | undefined; note: string } => {
      const bytes = rollupBytes(c, SO);
      const read = readXlsx(bytes);
      if (!read.ok) throw new Error(read.reason);
      const counts = read.workbook.sheets.find((s) => s.name === "Chỉ tiêu")!;
      const row = counts.rows.findIndex((r) => cellText(r?.[0]) === "TTHC_CAT_GIAM");
      return {
        current: inspectBytes(bytes, profile).report?.values.TTHC_CAT_GIAM?.current,
        note: cellText(cellAt(counts, row, COUNT_COLS.note)),
      };
    };
    const withCut = (code: string, cut: readonly [number | null, number | null]): ReportData => ({
      unit: code,
      name: `Phòng ${code}`,
      counts: { TTHC_CAT_GIAM: cut },
    });
    // A and B cut 3 TTHC last year and 5 this year; C left the optional count blank in both columns.
    expect(
      noteOfCut(
        consolidateReports([withCut("P_A", [3, 5]), withCut("P_B", [3, 5]), withCut("P_C", [null, null])]),
      ),
    ).toEqual({
      current: 10,
      note: "D: cộng 2/3 đơn vị có số liệu; E: cộng 2/3 đơn vị có số liệu",
    });
    // Every unit gave it: a plain sum, nothing to say.
    expect(
      noteOfCut(consolidateReports([withCut("P_A", [3, 5]), withCut("P_B", [3, 5]), withCut("P_C", [3, 2])])),
    ).toEqual({ current: 12, note: "" });
  });

  it("leaves column D blank, with why, where a unit gave this period's count without last year's (the pair would show a change no unit had)", () => {
    const c = consolidateReports([
      { unit: "PHONG_A", name: "Phòng A", counts: { HN_TRUC_TUYEN: [12, 60] } },
      { unit: "PHONG_B", name: "Phòng B", counts: { HN_TRUC_TUYEN: [null, 45] } },
    ]);
    const bytes = rollupBytes(c, SO);
    const result = inspectBytes(bytes, profile);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    // Before: D 12 beside E 105, an online-meeting count "up 775%" that neither unit reported.
    expect(result.report?.values.HN_TRUC_TUYEN).toEqual({ previous: null, current: 105 });
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.reason);
    const counts = read.workbook.sheets.find((s) => s.name === "Chỉ tiêu")!;
    const row = counts.rows.findIndex((r) => cellText(r?.[0]) === "HN_TRUC_TUYEN");
    expect(cellText(cellAt(counts, row, 5))).toContain(
      "D: để trống vì 1 đơn vị (PHONG_B) chỉ điền một trong hai cột D, E; cộng D của các đơn vị còn lại sẽ so sánh sai với E",
    );
    // Both units giving both columns: summed as before.
    const both = consolidateReports([
      { unit: "PHONG_A", name: "Phòng A", counts: { HN_TRUC_TUYEN: [12, 60] } },
      { unit: "PHONG_B", name: "Phòng B", counts: { HN_TRUC_TUYEN: [30, 45] } },
    ]);
    expect(inspectBytes(rollupBytes(both, SO), profile).report?.values.HN_TRUC_TUYEN).toEqual({
      previous: 42,
      current: 105,
    });
  });

  it("never lets a part exceed its whole when a unit filled an optional part without its whole", () => {
    const c = consolidateReports([
      { unit: "PHONG_A", name: "Phòng A", counts: { VB_KHONG_MAT: [null, null], VB_DIEN_TU: [null, 500] } },
      { unit: "PHONG_B", name: "Phòng B", counts: { VB_KHONG_MAT: [null, 100], VB_DIEN_TU: [null, 90] } },
    ]);
    const result = inspectBytes(rollupBytes(c, SO), profile);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.report?.values.VB_DIEN_TU?.current).toBe(90);
  });

  it("lists the sources on a hidden sheet", () => {
    const c = consolidateReports([{ unit: "PHONG_A", name: "Phòng A" }]);
    const spec = rollupWorkbook(c, profile, SO);
    const sheet = spec.sheets.find((s) => s.name === ROLLUP_SOURCES_SHEET);
    expect(sheet?.hidden).toBe(true);
    expect(sheet?.rows[4]?.map((cell) => cell?.value)).toEqual([
      "PHONG_A",
      "Phòng A",
      "PHONG_A.xlsx",
      "sha-PHONG_A.xlsx",
      "05/06/2026",
    ]);
  });

  it("throws (a bug in the caller) when the consolidation has no period", () => {
    expect(() => rollupWorkbook(consolidate([], { profile }), profile, SO)).toThrow(RangeError);
  });
});

// A random valid unit: wholes first, parts ≤ wholes; an optional value may be blank, and an
// optional part is filled only where its whole is (so plain sums stay consistent, see rollupCounts).
const pairArb = (required: boolean): fc.Arbitrary<number | null> =>
  required ? fc.nat({ max: 500 }) : fc.option(fc.nat({ max: 500 }), { nil: null });

const countsArb: fc.Arbitrary<Record<CountCode, readonly [number | null, number | null]>> = fc
  .record(
    Object.fromEntries(
      COUNT_FIELDS.map((f) => [f.code, fc.tuple(pairArb(f.previousRequired), pairArb(f.currentRequired))]),
    ) as Record<CountCode, fc.Arbitrary<[number | null, number | null]>>,
  )
  .map((raw) => {
    const out = { ...raw } as Record<CountCode, [number | null, number | null]>;
    for (const { part, whole } of PART_OF) {
      const p = out[part]!;
      const w = out[whole]!;
      const field = COUNT_FIELDS.find((f) => f.code === part);
      const fix = (pv: number | null, wv: number | null, required: boolean): number | null => {
        if (wv === null) return required ? 0 : null;
        return pv === null ? null : Math.min(pv, wv);
      };
      out[part] = [
        fix(p[0], w[0], field?.previousRequired ?? false),
        fix(p[1], w[1], field?.currentRequired ?? false),
      ];
    }
    return out;
  });

const unitArb = fc.record({
  counts: countsArb,
  day: fc.integer({ min: 1, max: 20 }),
  statuses: fc.array(fc.constantFrom(...TASK_STATUSES.map((s) => s.label)), {
    minLength: profile.form.tasks.length,
    maxLength: profile.form.tasks.length,
  }),
  department: fc.nat({ max: 2 }),
});

describe("two-level consolidation", () => {
  it("consolidating the roll-ups gives the province totals of consolidating the units directly", () => {
    let previousChecked = 0;
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 2, max: 3 }),
        (units, departments) => {
          const reports: ReportData[] = units.map((u, i) => ({
            unit: `DV_${i + 1}`,
            name: `Đơn vị ${i + 1}`,
            type: "PHONG_THUOC_SO",
            counts: u.counts,
            reportDate: { year: 2026, month: 6, day: u.day },
            taskStatuses: u.statuses,
          }));
          const direct = consolidateReports(reports);
          const rollups: Submission[] = [];
          for (let d = 0; d < departments; d++) {
            const mine = reports.filter((_, i) => (units[i]?.department ?? 0) % departments === d);
            if (mine.length === 0) continue;
            const bytes = rollupBytes(consolidateReports(mine), {
              code: `SO_${d + 1}`,
              name: `Sở ${d + 1}`,
              typeId: "SO_NGANH",
            });
            const s = submission(`so-${d + 1}.xlsx`, bytes);
            expect(s.result.findings.filter((f) => f.severity === "error")).toEqual([]);
            rollups.push(s);
          }
          const twoLevel = consolidate(rollups, { profile, period });
          expect(twoLevel.units).toHaveLength(rollups.length);
          // Column E always; column D where each unit filled both or neither of D and E (otherwise a
          // roll-up leaves D blank: its partial sum beside E would show a change no unit had).
          for (const [code, pair] of Object.entries(direct.province.values)) {
            expect(twoLevel.province.values[code]?.current).toEqual(pair.current);
            const paired = reports.every(
              (r) =>
                ((r.counts?.[code]?.[0] ?? null) === null) === ((r.counts?.[code]?.[1] ?? null) === null),
            );
            if (paired) {
              expect(twoLevel.province.values[code]?.previous).toEqual(pair.previous);
              previousChecked += 1;
            }
          }
          // Indicators may differ: the province pools a ratio over units that filled both inputs,
          // which a roll-up's plain sums cannot carry (docs/DECISIONS.md).
        },
      ),
      // Seeded: a failure comes back on the next run, and two commits' runs draw the same units (the
      // refactors compare every consolidate() result byte for byte). Another seed explores further.
      { numRuns: 25, seed: 226 },
    );
    // Some drawn counts are paired in every report, so the previous column is compared too (157 at seed 226).
    expect(previousChecked).toBeGreaterThan(0);
  });
});

describe("a roll-up consolidated together with the units it sums", () => {
  const phongA: ReportData = {
    unit: "PHONG_A",
    name: "Phòng A",
    type: "PHONG_THUOC_SO",
    counts: { HN_TONG: [10, 8], HN_TRUC_TUYEN: [1, 5] },
    reportDate: { year: 2026, month: 6, day: 2 },
  };
  const phongB: ReportData = {
    unit: "PHONG_B",
    name: "Phòng B",
    type: "PHONG_THUOC_SO",
    counts: { HN_TONG: [20, 15], HN_TRUC_TUYEN: [2, 9] },
    reportDate: { year: 2026, month: 6, day: 4 },
  };
  const xaC: ReportData = {
    unit: "XA_C",
    name: "Xã C",
    type: "UBND_XA",
    counts: { HN_TONG: [9, 7], HN_TRUC_TUYEN: [3, 5] },
  };
  /** A department's own report (not a roll-up), dated `day` June 2026. */
  const ownReport = (file: string, unit: string, name: string, day: number) =>
    submission(
      file,
      reportBytes({ unit, name, type: "SO_NGANH", reportDate: { year: 2026, month: 6, day } }),
    );
  // SO_Y_TE's roll-up of PHONG_A and PHONG_B: HN_TONG 30 / 23 (10 + 20, 8 + 15).
  const soYTe = submission("SO_Y_TE.xlsx", rollupBytes(consolidateReports([phongA, phongB]), SO));

  it("counts the roll-up once and leaves out the unit's own file, so the province sums are those of the units", () => {
    const c = consolidate(
      [soYTe, submission("PHONG_A.xlsx", reportBytes(phongA)), submission("XA_C.xlsx", reportBytes(xaC))],
      { profile, period },
    );
    expect(c.units.map((u) => u.code)).toEqual(["SO_Y_TE", "XA_C"]);
    // 10 + 20 + 9 and 8 + 15 + 7: PHONG_A's 10 / 8 once, not twice.
    expect(c.province.values.HN_TONG).toEqual({ previous: 39, current: 30 });
    expect(c.inRollup.map((r) => [r.unit, r.file, r.rollup, r.rollupUnit, r.differs])).toEqual([
      ["PHONG_A", "PHONG_A.xlsx", "SO_Y_TE.xlsx", "SO_Y_TE", false],
    ]);
    expect(c.inRollup[0]?.finding).toEqual({
      code: "IN_ROLLUP",
      severity: "warning",
      sheet: "Thông tin",
      cell: null,
      message:
        "Phòng A (PHONG_A) đã được tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx), nên tệp này không được cộng thêm, để số liệu không bị tính hai lần.",
    });
    expect(c.sources.map((s) => [s.file, s.status])).toEqual([
      ["PHONG_A.xlsx", "in-rollup"],
      ["SO_Y_TE.xlsx", "accepted"],
      ["XA_C.xlsx", "accepted"],
    ]);
    expect(c.rolledUp).toEqual(["PHONG_A", "PHONG_B"]);
    // The summary's Nguồn sheet names the roll-up as the warning does, not by its code alone.
    const sources = summaryWorkbook(c, profile).sheets.find((s) => s.name === "Nguồn");
    const left = sources?.rows.find((r) => r.some((cell) => cell?.value === "PHONG_A.xlsx"));
    expect(left?.map((cell) => cell?.value)).toContain(
      "Đã tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx)",
    );
    const report = documentText(reportDocument(c, profile, { date: { year: 2026, month: 6, day: 10 } }));
    expect(report).toContain(
      "Có 1 đơn vị gửi riêng báo cáo nhưng đã được tính trong báo cáo tổng hợp của Sở Y tế, nên không cộng thêm, để số liệu không bị tính hai lần.",
    );
  });

  it("a unit the roll-up sums under another code than the roster's is known by its name: its own file is left out, not counted twice", () => {
    // The department's list coded Phòng A "PHONG_A"; the province's roster codes it "PHONG_A_SYT".
    const roster = [
      { code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" },
      { code: "PHONG_A_SYT", name: "Phòng A", type: "Phòng thuộc Sở" },
      { code: "XA_C", name: "Xã C", type: "UBND xã, phường" },
    ];
    const own = submission("PHONG_A_SYT.xlsx", reportBytes({ ...phongA, unit: "PHONG_A_SYT" }));
    const c = consolidate([soYTe, own, submission("XA_C.xlsx", reportBytes(xaC))], {
      profile,
      period,
      roster,
    });
    expect(c.units.map((u) => u.code)).toEqual(["SO_Y_TE", "XA_C"]);
    // 10 + 20 + 9 and 8 + 15 + 7: Phòng A once.
    expect(c.province.values.HN_TONG).toEqual({ previous: 39, current: 30 });
    expect(c.inRollup.map((r) => [r.unit, r.file, r.rollupUnit])).toEqual([
      ["PHONG_A_SYT", "PHONG_A_SYT.xlsx", "SO_Y_TE"],
    ]);
    expect(c.missing).toEqual([]);
  });

  it("says when the roll-up summed another file of the unit: a newer one asks the department for a new roll-up, an older one does not", () => {
    const copy = (file: string, reportDate: { year: number; month: number; day: number }) => ({
      file,
      sha256: `sha-${file}`,
      result: inspectBytes(reportBytes({ ...phongA, reportDate }), profile),
    });
    const withCopy = (file: string, reportDate: { year: number; month: number; day: number }) =>
      consolidate([soYTe, copy(file, reportDate)], { profile, period });
    const newer = withCopy("PHONG_A (gui lai).xlsx", { year: 2026, month: 6, day: 5 });
    expect(newer.units.map((u) => u.code)).toEqual(["SO_Y_TE"]);
    expect(newer.inRollup[0]?.differs).toBe(true);
    expect(newer.inRollup[0]?.finding.message).toBe(
      "Phòng A (PHONG_A) đã được tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx), nên tệp này không được cộng thêm, để số liệu không bị tính hai lần. Tệp này (ngày báo cáo 05/06/2026) mới hơn tệp mà Sở Y tế đã tổng hợp (PHONG_A.xlsx, ngày báo cáo 02/06/2026): nếu số liệu của đơn vị đã thay đổi, đề nghị Sở Y tế tổng hợp lại và gửi báo cáo mới.",
    );
    const draft = withCopy("PHONG_A (ban nhap).xlsx", { year: 2026, month: 5, day: 20 });
    expect(draft.inRollup[0]?.finding.message).toBe(
      "Phòng A (PHONG_A) đã được tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx), nên tệp này không được cộng thêm, để số liệu không bị tính hai lần. Tệp này (ngày báo cáo 20/05/2026) cũ hơn tệp mà Sở Y tế đã tổng hợp (PHONG_A.xlsx, ngày báo cáo 02/06/2026), nên số liệu đã tổng hợp được dùng.",
    );
    const sameDay = withCopy("PHONG_A (sua).xlsx", { year: 2026, month: 6, day: 2 });
    expect(sameDay.inRollup[0]?.finding.message).toBe(
      "Phòng A (PHONG_A) đã được tính trong báo cáo tổng hợp của Sở Y tế (tệp SO_Y_TE.xlsx), nên tệp này không được cộng thêm, để số liệu không bị tính hai lần. Tệp này cùng ngày báo cáo với tệp mà Sở Y tế đã tổng hợp (PHONG_A.xlsx, ngày báo cáo 02/06/2026) nhưng không giống hệt tệp đó: hãy hỏi lại đơn vị tệp nào đúng; nếu là tệp này, đề nghị Sở Y tế tổng hợp lại và gửi báo cáo mới.",
    );
    const typo = withCopy("PHONG_A (2062).xlsx", { year: 2062, month: 6, day: 2 });
    expect(typo.inRollup[0]?.finding.message).toMatch(
      / mới hơn .* Lưu ý: Ngày báo cáo 02\/06\/2062 của tệp PHONG_A \(2062\)\.xlsx có thể gõ nhầm năm/,
    );
  });

  // The command asked SO_Y_TE for a new roll-up on the terminal, but the letters (what the Sở sends)
  // said nothing to SO_Y_TE: it got no letter, or one about its shortfalls only.
  it("the roll-up unit's letter asks it to consolidate again when a unit's own file is newer than the one it summed; an older one asks nothing", () => {
    const dates = { date: { year: 2026, month: 6, day: 10 }, replyBy: { year: 2026, month: 6, day: 17 } };
    const resent = submission(
      "PHONG_A (gui lai).xlsx",
      reportBytes({
        ...phongA,
        counts: { HN_TONG: [10, 7], HN_TRUC_TUYEN: [1, 5] },
        reportDate: { year: 2026, month: 6, day: 8 },
      }),
    );
    const c = consolidate([soYTe, resent, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    const letter = followUpLetters(c, profile, dates).find((l) => l.unit === "SO_Y_TE");
    expect(letter?.subject).toBe(
      "xem lại báo cáo tổng hợp kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
    expect(letter?.reasons).toEqual(["rollup"]);
    expect(letter?.notes).toEqual([
      "Phòng A (PHONG_A): tệp “PHONG_A (gui lai).xlsx” ngày báo cáo 08/06/2026, sau tệp đã tổng hợp (ngày báo cáo 02/06/2026).",
    ]);
    expect(letter?.body.map((l) => l.text).slice(1, -1)).toEqual([
      "Sở Nội vụ tỉnh Thanh Hóa nhận được báo cáo riêng của đơn vị dưới đây, khác với tệp mà báo cáo tổng hợp của đơn vị (tệp “SO_Y_TE.xlsx”) đã tính:",
      "Phòng A (PHONG_A): tệp “PHONG_A (gui lai).xlsx”, ngày báo cáo 08/06/2026, lập sau tệp đơn vị đã tổng hợp (“PHONG_A.xlsx”, ngày báo cáo 02/06/2026).",
      "Để số liệu không bị tính hai lần, bảng tổng hợp của Sở Nội vụ tỉnh Thanh Hóa đang dùng số liệu trong báo cáo tổng hợp của đơn vị, chưa gồm tệp trên. Nếu số liệu của đơn vị trên đã thay đổi, đề nghị đơn vị tổng hợp lại và gửi báo cáo tổng hợp mới; nếu không, đề nghị đơn vị xác nhận số liệu đã tổng hợp vẫn đúng.",
      "Đề nghị Sở Y tế gửi báo cáo tổng hợp mới (hoặc văn bản xác nhận số liệu đã tổng hợp vẫn đúng) về Sở Nội vụ tỉnh Thanh Hóa trước ngày 17/06/2026.",
    ]);
    // The same day: which is right is asked. An older draft of the unit's: no letter to SO_Y_TE.
    const sameDay = submission(
      "PHONG_A (sua).xlsx",
      reportBytes({ ...phongA, counts: { HN_TONG: [10, 7], HN_TRUC_TUYEN: [1, 5] } }),
    );
    const asked = followUpLetters(consolidate([soYTe, sameDay], { profile, period }), profile, dates);
    expect(asked.find((l) => l.unit === "SO_Y_TE")?.body.map((l) => l.text)).toContain(
      "Phòng A (PHONG_A): tệp “PHONG_A (sua).xlsx” cùng ngày báo cáo 02/06/2026 với tệp đơn vị đã tổng hợp (“PHONG_A.xlsx”) nhưng không giống hệt tệp đó; đề nghị đơn vị cho biết tệp nào đúng.",
    );
    const draft = submission(
      "PHONG_A (ban nhap).xlsx",
      reportBytes({ ...phongA, reportDate: { year: 2026, month: 5, day: 20 } }),
    );
    const none = followUpLetters(consolidate([soYTe, draft], { profile, period }), profile, dates);
    expect(none.map((l) => l.unit)).toEqual([]);
  });

  it("two units' newer files: one letter to the roll-up's unit naming both, and an index note for each", () => {
    const dates = { date: { year: 2026, month: 6, day: 10 }, replyBy: { year: 2026, month: 6, day: 17 } };
    const resent = (unit: ReportData, day: number) =>
      submission(
        `${unit.unit} (gui lai).xlsx`,
        reportBytes({ ...unit, reportDate: { year: 2026, month: 6, day } }),
      );
    const c = consolidate([soYTe, resent(phongA, 8), resent(phongB, 9)], { profile, period });
    const letters = followUpLetters(c, profile, dates).filter((l) => l.unit === "SO_Y_TE");
    expect(letters).toHaveLength(1);
    expect(letters[0]!.notes).toEqual([
      "Phòng A (PHONG_A): tệp “PHONG_A (gui lai).xlsx” ngày báo cáo 08/06/2026, sau tệp đã tổng hợp (ngày báo cáo 02/06/2026).",
      "Phòng B (PHONG_B): tệp “PHONG_B (gui lai).xlsx” ngày báo cáo 09/06/2026, sau tệp đã tổng hợp (ngày báo cáo 04/06/2026).",
    ]);
    expect(letters[0]!.body.map((l) => l.text).slice(1, 5)).toEqual([
      "Sở Nội vụ tỉnh Thanh Hóa nhận được báo cáo riêng của hai đơn vị dưới đây, khác với tệp mà báo cáo tổng hợp của đơn vị (tệp “SO_Y_TE.xlsx”) đã tính:",
      "Phòng A (PHONG_A): tệp “PHONG_A (gui lai).xlsx”, ngày báo cáo 08/06/2026, lập sau tệp đơn vị đã tổng hợp (“PHONG_A.xlsx”, ngày báo cáo 02/06/2026).",
      "Phòng B (PHONG_B): tệp “PHONG_B (gui lai).xlsx”, ngày báo cáo 09/06/2026, lập sau tệp đơn vị đã tổng hợp (“PHONG_B.xlsx”, ngày báo cáo 04/06/2026).",
      "Để số liệu không bị tính hai lần, bảng tổng hợp của Sở Nội vụ tỉnh Thanh Hóa đang dùng số liệu trong báo cáo tổng hợp của đơn vị, chưa gồm các tệp trên. Nếu số liệu của các đơn vị trên đã thay đổi, đề nghị đơn vị tổng hợp lại và gửi báo cáo tổng hợp mới; nếu không, đề nghị đơn vị xác nhận số liệu đã tổng hợp vẫn đúng.",
    ]);
  });

  it("a unit's newer file beside a roll-up of roll-ups: the letter names the roll-up between, through which its file was summed", () => {
    const dates = { date: { year: 2026, month: 6, day: 10 }, replyBy: { year: 2026, month: 6, day: 17 } };
    const khoi: RollupUnit = { code: "KHOI_VX", name: "Khối Văn xã", typeId: "SO_NGANH" };
    const top = consolidate([soYTe, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    const khoiFile = submission("KHOI_VX.xlsx", rollupBytes(top, khoi));
    const resent = submission(
      "PHONG_A (gui lai).xlsx",
      reportBytes({ ...phongA, reportDate: { year: 2026, month: 6, day: 8 } }),
    );
    const c = consolidate([khoiFile, resent], { profile, period });
    const letter = followUpLetters(c, profile, dates).find((l) => l.unit === "KHOI_VX");
    expect(letter?.body.map((l) => l.text)).toContain(
      "Phòng A (PHONG_A): tệp “PHONG_A (gui lai).xlsx”, ngày báo cáo 08/06/2026, lập sau tệp đơn vị đã tổng hợp (“PHONG_A.xlsx”, ngày báo cáo 02/06/2026, qua báo cáo tổng hợp của Sở Y tế).",
    );
  });

  it("a roll-up whose Nguồn sheet lost a summed file's name or its date: the letter and its note say what is known, with no empty brackets", () => {
    const dates = { date: { year: 2026, month: 6, day: 10 }, replyBy: { year: 2026, month: 6, day: 17 } };
    const khoi: RollupUnit = { code: "KHOI_VX", name: "Khối Văn xã", typeId: "SO_NGANH" };
    const top = consolidate([soYTe, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    /** The khối's roll-up with PHONG_A's Tệp (column 2) or Ngày báo cáo (4) cleared in Nguồn tổng hợp by hand. */
    const spec = rollupWorkbook(top, profile, khoi);
    const cleared = (column: number) => ({
      ...spec,
      sheets: spec.sheets.map((sh) =>
        sh.name !== ROLLUP_SOURCES_SHEET
          ? sh
          : {
              ...sh,
              rows: sh.rows.map((r) =>
                r?.[0] && typeof r[0] === "object" && "value" in r[0] && r[0].value === "PHONG_A"
                  ? r.map((cell, i) => (i === column ? { value: "" } : cell))
                  : r,
              ),
            },
      ),
    });
    const noFile = submission("KHOI_VX.xlsx", writeXlsx(cleared(2)));
    const noDate = submission("KHOI_VX.xlsx", writeXlsx(cleared(4)));
    expect(noFile.result.report?.rollupOf?.find((s) => s.code === "PHONG_A")).toMatchObject({
      file: "",
      reportDate: "02/06/2026",
      via: "SO_Y_TE",
    });
    expect(noDate.result.report?.rollupOf?.find((s) => s.code === "PHONG_A")).toMatchObject({
      file: "PHONG_A.xlsx",
      reportDate: "",
    });
    const own = (file: string, day: number) =>
      submission(
        file,
        reportBytes({
          ...phongA,
          counts: { HN_TONG: [10, 7], HN_TRUC_TUYEN: [1, 5] },
          reportDate: { year: 2026, month: 6, day },
        }),
      );
    // The same day as the file Sở Y tế summed (02/06/2026, still in its own roll-up), other figures.
    const sameDay = followUpLetters(
      consolidate([noFile, own("PHONG_A (sua).xlsx", 2)], { profile, period }),
      profile,
      dates,
    ).find((l) => l.unit === "KHOI_VX");
    expect(sameDay?.body.map((l) => l.text)).toContain(
      "Phòng A (PHONG_A): tệp “PHONG_A (sua).xlsx” cùng ngày báo cáo 02/06/2026 với tệp đơn vị đã tổng hợp (qua báo cáo tổng hợp của Sở Y tế) nhưng không giống hệt tệp đó; đề nghị đơn vị cho biết tệp nào đúng.",
    );
    const newer = followUpLetters(
      consolidate([noDate, own("PHONG_A (gui lai).xlsx", 8)], { profile, period }),
      profile,
      dates,
    ).find((l) => l.unit === "KHOI_VX");
    expect(newer?.notes).toEqual([
      "Phòng A (PHONG_A): tệp “PHONG_A (gui lai).xlsx” ngày báo cáo 08/06/2026, sau tệp đã tổng hợp.",
    ]);
  });

  it("counts a unit the roll-up sums as reported: not missing, not returned, and sent no letter for its rejected file", () => {
    const broken = submission(
      "PHONG_B.xlsx",
      reportBytes({ ...phongB, counts: { HN_TONG: [20, "mười lăm"] } }),
    );
    expect(broken.result.valid).toBe(false);
    const roster = [
      { code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" },
      { code: "PHONG_A", name: "Phòng A", type: "Phòng chuyên môn thuộc sở" },
      { code: "PHONG_B", name: "Phòng B", type: "Phòng chuyên môn thuộc sở" },
      { code: "XA_C", name: "Xã C", type: "UBND cấp xã" },
    ];
    const c = consolidate([soYTe, broken], { profile, period, roster });
    expect(c.missing.map((u) => u.code)).toEqual(["XA_C"]);
    expect(c.returned).toEqual([]);
    expect(c.rejected.map((r) => r.file)).toEqual(["PHONG_B.xlsx"]);
    const letters = followUpLetters(c, profile, {
      date: { year: 2026, month: 6, day: 10 },
      replyBy: { year: 2026, month: 6, day: 17 },
    });
    expect(letters.map((l) => l.unit)).toEqual(["XA_C"]);
    const report = documentText(
      reportDocument(c, profile, { date: { year: 2026, month: 6, day: 10 }, roster }),
    );
    expect(report).toContain(
      "tổng hợp được báo cáo của 1 đơn vị (1 đúng hạn, 0 trễ hạn; hạn gửi ngày 06/06/2026); 2 đơn vị khác trong danh sách được tính qua báo cáo tổng hợp của đơn vị cấp trên của mình.",
    );
    expect(report).toContain("Qua báo cáo tổng hợp");
    // The Lỗi sheet still lists the rejected file, and says its unit is counted all the same.
    const errors = summaryWorkbook(c, profile).sheets.find((s) => s.name === "Lỗi");
    const row = errors?.rows.find((r) => r[0]?.value === "PHONG_B.xlsx");
    expect(row?.slice(1, 4).map((cell) => cell?.value)).toEqual([
      "PHONG_B",
      "Từ chối (đã tính trong tổng hợp)",
      "BAD_VALUE",
    ]);
  });

  it("follows a roll-up of roll-ups down: only the top one is counted", () => {
    const khoi: RollupUnit = { code: "KHOI_VX", name: "Khối Văn xã", typeId: "SO_NGANH" };
    const top = consolidate([soYTe, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    const khoiFile = submission("KHOI_VX.xlsx", rollupBytes(top, khoi));
    const c = consolidate(
      [
        khoiFile,
        soYTe,
        submission("PHONG_A.xlsx", reportBytes(phongA)),
        submission("XA_C.xlsx", reportBytes(xaC)),
      ],
      { profile, period },
    );
    expect(c.units.map((u) => u.code)).toEqual(["KHOI_VX"]);
    expect(c.province.values.HN_TONG).toEqual({ previous: 39, current: 30 });
    expect(c.inRollup.map((r) => [r.unit, r.rollupUnit])).toEqual([
      ["PHONG_A", "SO_Y_TE"],
      ["SO_Y_TE", "KHOI_VX"],
      ["XA_C", "KHOI_VX"],
    ]);
    // One report, three units at the bottom (PHONG_A, PHONG_B through SO_Y_TE, and XA_C): the total
    // row and Phụ lục I say so, not "1 đơn vị".
    expect(countedUnitsPhrase(c)).toBe("1 báo cáo, gồm 3 đơn vị");
    expect(countedUnitsPhrase(top)).toBe("2 báo cáo, gồm 3 đơn vị");
    const summary = summaryWorkbook(c, profile);
    const tong = summary.sheets.find((sh) => sh.name === "Tổng hợp")!;
    expect(tong.rows.flat().some((cell) => cell?.value === "Toàn tỉnh (1 báo cáo, gồm 3 đơn vị)")).toBe(true);
    const text = documentText(reportDocument(c, profile, { date: { year: 2026, month: 6, day: 12 } }));
    expect(text).toContain("Tính chung (1 báo cáo, gồm 3 đơn vị)");
    // Section II's sentences count as its lead-in does (they said "tính chung 1 đơn vị").
    expect(text).toContain(
      "Tỷ lệ hội nghị trực tuyến (mục tiêu từ 60% trở lên): kết quả chung (1 báo cáo, gồm 3 đơn vị) đạt",
    );
    // Phụ lục I marks the roll-up's row with the units it sums.
    expect(text).toMatch(/Khối Văn xã\s*\(tổng hợp 3\u00a0đơn vị\)/);
    expect(
      countedUnitsPhrase(consolidate([submission("XA_C.xlsx", reportBytes(xaC))], { profile, period })),
    ).toBe("1 đơn vị");
  });

  it("section II's tallies count reports, as its lead-in does, when a roll-up sums several units", () => {
    // "kết quả chung (2 báo cáo, gồm 3 đơn vị) …; cả 2 đơn vị đều đạt": two of what, of three?
    const c = consolidate([soYTe, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    const text = documentText(reportDocument(c, profile, { date: { year: 2026, month: 6, day: 12 } }));
    const first = text.split("\n").find((l) => l.startsWith("1. Tỷ lệ hội nghị trực tuyến"));
    expect(first).toBe(
      "1. Tỷ lệ hội nghị trực tuyến (mục tiêu từ 60% trở lên): kết quả chung (2 báo cáo, gồm 3 đơn vị) đạt 63,3%, đạt mục tiêu; cả 2 báo cáo đều đạt.",
    );
  });

  it("section III counts reports too, its lead-in saying how many units they cover, when a roll-up sums several units", () => {
    // "Số đơn vị theo tình trạng … (2 báo cáo được tổng hợp)": the table's rows add up to the 2 reports
    // (a roll-up's statuses are one report's), not to the 3 units.
    const c = consolidate([soYTe, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    const lines = documentText(reportDocument(c, profile, { date: { year: 2026, month: 6, day: 12 } })).split(
      "\n",
    );
    expect(lines.find((l) => l.includes("theo tình trạng thực hiện từng nhiệm vụ"))).toBe(
      "Số báo cáo theo tình trạng thực hiện từng nhiệm vụ của kế hoạch (2 báo cáo được tổng hợp, gồm 3 đơn vị):",
    );
    const plain = consolidate([submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    expect(
      documentText(reportDocument(plain, profile, { date: { year: 2026, month: 6, day: 12 } }))
        .split("\n")
        .find((l) => l.includes("theo tình trạng thực hiện từng nhiệm vụ")),
    ).toBe("Số đơn vị theo tình trạng thực hiện từng nhiệm vụ của kế hoạch (1 báo cáo được tổng hợp):");
  });

  it("a unit's roll-up is used over a plain report of the same code, even one dated later: the plain one is said to be left out, and why", () => {
    for (const day of [4, 5]) {
      const plain = ownReport("SO_Y_TE_co_quan.xlsx", "SO_Y_TE", "Sở Y tế", day);
      const c = consolidate([soYTe, plain], { profile, period });
      expect(c.units.map((u) => u.file)).toEqual(["SO_Y_TE.xlsx"]);
      expect(
        c.duplicates.map((d) => [d.dropped, d.droppedRollupUnits, d.keptRollupUnits, d.conflict]),
        // Not a conflict on the same day either: the rule decides, and the message says what to do.
      ).toEqual([["SO_Y_TE_co_quan.xlsx", 0, 2, false]]);
      expect(c.duplicates[0]!.finding.message).toBe(
        "Đơn vị SO_Y_TE gửi cả báo cáo tổng hợp của 2 đơn vị (tệp SO_Y_TE.xlsx) và tệp này, một báo cáo riêng cùng mã: báo cáo tổng hợp được dùng, vì nó gồm số liệu các đơn vị trực thuộc; tệp này không được tổng hợp. Nếu tệp này là số liệu riêng của cơ quan SO_Y_TE, đề nghị đưa cơ quan vào báo cáo tổng hợp (với một mã riêng, ví dụ VP_SO_Y_TE) rồi gửi lại báo cáo tổng hợp.",
      );
      // The report says which was used, and why; not "the later date".
      const text = documentText(reportDocument(c, profile, { date: { year: 2026, month: 6, day: 12 } }));
      expect(text).toContain(
        "Sở Y tế gửi cả báo cáo tổng hợp và báo cáo riêng cùng mã: dùng báo cáo tổng hợp (gồm số liệu các đơn vị trực thuộc), báo cáo riêng không được cộng.",
      );
      expect(text).not.toContain("tệp gửi trùng đơn vị");
    }
  });

  it("a roll-up late because a unit was late is late, not a resend of the department's own report dropped beside it", () => {
    // PHONG_B sent on 10/06, after the 06/06 deadline: the roll-up is dated 10/06. The Sở's own
    // report of 03/06 is another report (dropped), not an earlier version of the roll-up.
    const lateB = { ...phongB, reportDate: { year: 2026, month: 6, day: 10 } };
    const rollup = submission("SO_Y_TE.xlsx", rollupBytes(consolidateReports([phongA, lateB]), SO));
    const own = ownReport("SO_Y_TE_co_quan.xlsx", "SO_Y_TE", "Sở Y tế", 3);
    const c = consolidate([rollup, own], { profile, period });
    const u = c.units.find((x) => x.code === "SO_Y_TE");
    expect(u?.late).toBe(true);
    expect(u?.firstReportDate).toBeUndefined();
    const text = documentText(reportDocument(c, profile, { date: { year: 2026, month: 6, day: 12 } }));
    expect(text).not.toMatch(/Sở Y tế[^;.]*bản gửi lại/);
  });

  it("a roll-up of another period is not told to change its period (its figures are that period's units'), but to be made again", () => {
    const year = (r: ReportData): ReportData => ({
      ...r,
      period: "NAM",
      year: 2025,
      reportDate: { year: 2025, month: 12, day: 5 },
    });
    const c2025 = consolidate(
      [phongA, phongB].map((r) => submission(`${r.unit}.xlsx`, reportBytes(year(r)))),
      { profile, period: { kind: "NAM", year: 2025 } },
    );
    const old = submission("SO_Y_TE_2025.xlsx", rollupBytes(c2025, SO));
    const c = consolidate([old, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    expect(c.rejected.flatMap((r) => r.findings).find((f) => f.code === "PERIOD_MISMATCH")?.message).toBe(
      "Báo cáo tổng hợp năm 2025, không phải kỳ đang tổng hợp (6 tháng đầu năm 2026): số liệu trong đó là của các báo cáo năm 2025, nên không cần sửa ô Kỳ báo cáo của tệp này. Đề nghị đơn vị tổng hợp lại từ báo cáo 6 tháng đầu năm 2026 của các đơn vị trực thuộc, rồi lập lại báo cáo gửi cấp trên và gửi lên.",
    );
  });

  it("warns when two counted roll-ups both sum a unit, which the total then counts twice", () => {
    const soGd: RollupUnit = { code: "SO_GD", name: "Sở Giáo dục", typeId: "SO_NGANH" };
    const gd = submission("SO_GD.xlsx", rollupBytes(consolidateReports([phongA, xaC]), soGd));
    const c = consolidate([soYTe, gd], { profile, period });
    expect(c.units.map((u) => u.code)).toEqual(["SO_GD", "SO_Y_TE"]);
    expect(c.warnings.filter((w) => w.code === "ROLLUP_OVERLAP")).toEqual([
      {
        file: "SO_Y_TE.xlsx",
        unit: "SO_Y_TE",
        code: "ROLLUP_OVERLAP",
        severity: "warning",
        sheet: "Nguồn tổng hợp",
        cell: null,
        message:
          "Báo cáo tổng hợp của Sở Y tế và báo cáo tổng hợp của Sở Giáo dục (tệp SO_GD.xlsx) cùng tính đơn vị Phòng A (PHONG_A), nên số liệu của đơn vị này bị cộng hai lần vào tổng. Đề nghị hai đơn vị thống nhất mỗi đơn vị chỉ do một bên tổng hợp, rồi bên kia lập lại báo cáo tổng hợp.",
      },
    ]);
    // Without the overlap, no such warning: the earlier tests' single roll-up.
    expect(consolidate([soYTe], { profile, period }).warnings).toEqual([]);
  });

  it("names the unit two roll-ups share by the roster's name, as the letters do, not as a roll-up's list typed it", () => {
    const soGd: RollupUnit = { code: "SO_GD", name: "Sở Giáo dục", typeId: "SO_NGANH" };
    const gd = submission("SO_GD.xlsx", rollupBytes(consolidateReports([phongA, xaC]), soGd));
    const roster = [
      { code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" },
      { code: "SO_GD", name: "Sở Giáo dục và Đào tạo", type: "Sở, ban, ngành" },
      { code: "PHONG_A", name: "Phòng Kế hoạch - Tài chính", type: "Phòng chuyên môn thuộc sở" },
    ];
    const c = consolidate([soYTe, gd], { profile, period, roster });
    expect(c.warnings.filter((w) => w.code === "ROLLUP_OVERLAP").map((w) => w.message)).toEqual([
      "Báo cáo tổng hợp của Sở Y tế và báo cáo tổng hợp của Sở Giáo dục và Đào tạo (tệp SO_GD.xlsx) cùng tính đơn vị Phòng Kế hoạch - Tài chính (PHONG_A), nên số liệu của đơn vị này bị cộng hai lần vào tổng. Đề nghị hai đơn vị thống nhất mỗi đơn vị chỉ do một bên tổng hợp, rồi bên kia lập lại báo cáo tổng hợp.",
    ]);
  });

  it("a roll-up of roll-ups beside a plain report of its code is said to sum its units at the bottom, as the totals count them", () => {
    const khoi: RollupUnit = { code: "KHOI_VX", name: "Khối Văn xã", typeId: "SO_NGANH" };
    const top = consolidate([soYTe, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    const khoiFile = submission("KHOI_VX.xlsx", rollupBytes(top, khoi));
    const plain = ownReport("KHOI_VX_rieng.xlsx", "KHOI_VX", "Khối Văn xã", 5);
    const c = consolidate([khoiFile, plain], { profile, period });
    // Four entries in its sheet (SO_Y_TE, XA_C, and SO_Y_TE's PHONG_A and PHONG_B), three units at the bottom.
    expect(c.duplicates.map((d) => [d.dropped, d.keptRollupUnits])).toEqual([["KHOI_VX_rieng.xlsx", 3]]);
    expect(c.duplicates[0]!.finding.message).toContain("báo cáo tổng hợp của 3 đơn vị");
    expect(countedUnitsPhrase(c)).toBe("1 báo cáo, gồm 3 đơn vị");
  });

  it("finds a unit inside a roll-up of roll-ups without the roll-up between (the sheet lists units' units)", () => {
    const khoi: RollupUnit = { code: "KHOI_VX", name: "Khối Văn xã", typeId: "SO_NGANH" };
    const top = consolidate([soYTe, submission("XA_C.xlsx", reportBytes(xaC))], { profile, period });
    const khoiFile = submission("KHOI_VX.xlsx", rollupBytes(top, khoi));
    expect(khoiFile.result.report?.rollupOf?.map((s) => [s.code, s.via ?? ""])).toEqual([
      ["SO_Y_TE", ""],
      ["XA_C", ""],
      ["PHONG_A", "SO_Y_TE"],
      ["PHONG_B", "SO_Y_TE"],
    ]);
    // The province gets the khối's roll-up and a school's own file, but not SO_Y_TE's roll-up.
    const c = consolidate([khoiFile, submission("PHONG_A.xlsx", reportBytes(phongA))], { profile, period });
    expect(c.units.map((u) => u.code)).toEqual(["KHOI_VX"]);
    expect(c.province.values.HN_TONG).toEqual({ previous: 39, current: 30 });
    expect(c.inRollup.map((r) => [r.unit, r.rollupUnit, r.differs])).toEqual([["PHONG_A", "KHOI_VX", false]]);
    expect(c.inRollup[0]?.finding.message).toBe(
      "Phòng A (PHONG_A) đã được tính trong báo cáo tổng hợp của Khối Văn xã (tệp KHOI_VX.xlsx, qua báo cáo tổng hợp của Sở Y tế), nên tệp này không được cộng thêm, để số liệu không bị tính hai lần.",
    );
  });

  it("counts roll-ups that name each other in a ring, rather than leave them all out", () => {
    const soGd: RollupUnit = { code: "SO_GD", name: "Sở Giáo dục", typeId: "SO_NGANH" };
    const asUnit = (u: RollupUnit): ReportData => ({
      unit: u.code,
      name: u.name,
      type: u.typeId,
      counts: { HN_TONG: [5, 4] },
    });
    const yTeOfGd = submission("SO_Y_TE.xlsx", rollupBytes(consolidateReports([asUnit(soGd)]), SO));
    const gdOfYTe = submission("SO_GD.xlsx", rollupBytes(consolidateReports([asUnit(SO)]), soGd));
    const c = consolidate([yTeOfGd, gdOfYTe], { profile, period });
    expect(c.units.map((u) => u.code)).toEqual(["SO_GD", "SO_Y_TE"]);
    expect(c.inRollup).toEqual([]);
  });
});

/** A CCHC unit's quý II/2025 report with its satisfaction rate (and, when given, the answers it is over). */
/** A CCHC-BC/2025 report of quý II/2025 with these counts, read by the shipped HCM plan. */
function cchcFile(code: string, counts: ReportData["counts"]): Submission {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  return {
    file: `${code}.xlsx`,
    sha256: code,
    result: inspectBytes(
      reportBytes(
        {
          unit: code,
          name: code,
          type: "PHONG_THUOC_SO",
          period: "Q2",
          year: 2025,
          reportDate: { year: 2025, month: 6, day: 12 },
          counts,
        },
        [],
        cchc,
      ),
      cchc,
    ),
  };
}

function cchcRateFile(code: string, rate: number | string, answers?: number): Submission {
  return cchcFile(
    code,
    answers === undefined
      ? { HAI_LONG: [null, rate] }
      : { HAI_LONG: [null, rate], PHIEU_KHAO_SAT: [null, answers] },
  );
}

test("a pooled rate of 1% or less goes up as a percentage, which the level above reads back as the same rate", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const unitFile = (code: string, rate: string): Submission => cchcRateFile(code, rate);
  const c = consolidate([unitFile("P_A", "0,97%")], { profile: cchc });
  expect(c.units.map((u) => u.values.HAI_LONG?.current)).toEqual([0.97]);
  const up = inspectBytes(
    writeXlsx(rollupWorkbook(c, cchc, { code: "SO_ATTP", name: "Sở ATTP", typeId: "SO_NGANH" })),
    cchc,
  );
  expect(up.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(up.report?.values.HAI_LONG?.current).toBe(0.97);
});

test("a unit with last year's rating but none this quarter: the roll-up's D keeps the rating and its answers together, a valid report", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const c = consolidate(
    [
      cchcFile("P_A", { HAI_LONG: [95, 97], PHIEU_KHAO_SAT: [100, 200] }),
      // No survey this quarter: E blank, last year's D given.
      cchcFile("P_B", { HAI_LONG: [98, null], PHIEU_KHAO_SAT: [50, null] }),
    ],
    { profile: cchc },
  );
  expect(c.rejected).toEqual([]);
  const up = inspectBytes(
    writeXlsx(rollupWorkbook(c, cchc, { code: "DOI_1", name: "Đội 1", typeId: "SO_NGANH" })),
    cchc,
  );
  // (95·100 + 98·50) / 150 = 96 over 150 answers last year; 97 over 200 this quarter.
  expect(up.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(up.report?.values.HAI_LONG).toEqual({ previous: 96, current: 97 });
  expect(up.report?.values.PHIEU_KHAO_SAT).toEqual({ previous: 150, current: 200 });
});

test("the units' own words (khó khăn, kiến nghị) go up in the roll-up, each after its unit's name", () => {
  const c = consolidateReports([
    { unit: "P_A", name: "Phòng A", type: "PHONG_THUOC_SO", texts: { KHO_KHAN: "Thiếu máy scan." } },
    { unit: "P_B", name: "Phòng B", type: "PHONG_THUOC_SO" },
    {
      unit: "P_C",
      name: "Phòng C",
      type: "PHONG_THUOC_SO",
      texts: { KHO_KHAN: "Mạng chậm.", KIEN_NGHI: "Cấp thêm chữ ký số." },
    },
  ]);
  const up = inspectBytes(rollupBytes(c, SO), profile);
  expect(up.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(up.report?.texts).toMatchObject({
    KHO_KHAN: "Phòng A: Thiếu máy scan.\nPhòng C: Mạng chậm.",
    KIEN_NGHI: "Phòng C: Cấp thêm chữ ký số.",
  });
});

// The template's free-text rows are 60 pt (four lines); the level above reads the units' words in the
// cell, and a row height written in the file is kept as it is by Excel and LibreOffice.
test("the units' words show whole in the roll-up: each free-text row is as tall as the lines its text takes", () => {
  const said =
    "Đề nghị bố trí kinh phí mua máy quét tài liệu và tập huấn số hóa hồ sơ cho viên chức một cửa trong quý IV năm nay.";
  const c = consolidateReports(
    ["A", "B", "C", "D"].map((x) => ({
      unit: `P_${x}`,
      name: `Phòng ${x}`,
      type: "PHONG_THUOC_SO" as const,
      texts: { KIEN_NGHI: said },
    })),
  );
  const info = rollupWorkbook(c, profile, SO).sheets.find((sh) => sh.name === "Thông tin")!;
  const row = info.rows.findIndex((r) => r[0]?.value === "KIEN_NGHI");
  // "Phòng A: " and 114 characters a unit: 123, three lines of column C (≤ 52 characters a line
  // printed at 11 pt), 12 lines of ≥ 14 pt for the four units.
  expect(info.rows[row]?.[2]?.value).toBe(["A", "B", "C", "D"].map((x) => `Phòng ${x}: ${said}`).join("\n"));
  expect(info.rowHeights?.[row]).toBeGreaterThanOrEqual(12 * 14);
  // A row no unit wrote in keeps the template's height.
  const model = info.rows.findIndex((r) => r[0]?.value === "MO_HINH_HAY");
  expect(info.rowHeights?.[model]).toBe(60);
});

// Excel holds at most 32,767 characters in a cell: longer, the roll-up would be a file Excel repairs.
test("the units' words joined past a cell's 32,767 characters end with “…” at the limit; exactly at the limit, they are whole", () => {
  const textOf = (lengths: readonly [number, number]) => {
    const c = consolidateReports([
      { unit: "P_A", name: "Phòng A", type: "PHONG_THUOC_SO", texts: { KHO_KHAN: "a".repeat(lengths[0]) } },
      { unit: "P_B", name: "Phòng B", type: "PHONG_THUOC_SO", texts: { KHO_KHAN: "b".repeat(lengths[1]) } },
    ]);
    return inspectBytes(rollupBytes(c, SO), profile).report?.texts.KHO_KHAN ?? "";
  };
  // "Phòng A: " + 20,000 + "\n" + "Phòng B: " + 20,000: 40,019 characters.
  const long = textOf([20_000, 20_000]);
  expect(long).toHaveLength(32_767);
  expect(long.endsWith("b…")).toBe(true);
  // 9 + 16,374 + 1 + 9 + 16,374 = 32,767: kept as typed.
  const full = textOf([16_374, 16_374]);
  expect(full).toBe(`Phòng A: ${"a".repeat(16_374)}\nPhòng B: ${"b".repeat(16_374)}`);
});

test("units this consolidation leaves out of a reduction or a ratio (no baseline, a blank part) are named beside the sums the level above divides", () => {
  const c = consolidateReports([
    { unit: "P_A", name: "Phòng A", type: "PHONG_THUOC_SO", counts: { HN_TONG: [100, 90] } },
    {
      unit: "P_B",
      name: "Phòng B",
      type: "PHONG_THUOC_SO",
      counts: {
        HN_TONG: [0, 40],
        HN_TRUC_TUYEN: [null, 30],
        HN_VUOT_THOI_LUONG: [0, 0],
        CC_KY_NANG_SO: [null, null],
      },
    },
  ]);
  // Here: meetings −10 % over P_A alone (P_B has no baseline), skills over P_A alone (P_B's part blank).
  expect(c.units.map((u) => u.code)).toEqual(["P_A", "P_B"]);
  expect(c.province.indicators.MEETING_REDUCTION).toMatchObject({ value: 0.1, status: "met" });
  const read = readXlsx(rollupBytes(c, SO));
  if (!read.ok) throw new Error(read.reason);
  const counts = read.workbook.sheets.find((sh) => sh.name === "Chỉ tiêu")!;
  const noteOf = (code: string): string =>
    cellText(
      cellAt(
        counts,
        counts.rows.findIndex((r) => cellText(r?.[0]) === code),
        COUNT_COLS.note,
      ),
    );
  expect(noteOf("HN_TONG")).toBe(
    "D: gồm 1 đơn vị không có số cùng kỳ (P_B): mức giảm tính từ tổng D, E này khác mức giảm chung của đơn vị (chỉ tính các đơn vị có số cùng kỳ)",
  );
  expect(noteOf("CC_TONG")).toBe(
    "E: gồm 1 đơn vị để trống số “trong đó” (P_B): tỷ lệ tính từ tổng này khác tỷ lệ chung của đơn vị (chỉ tính các đơn vị điền đủ)",
  );
});

test("a short pooled rate that rounds up to its target goes up rounded down, so the level above judges it short too (SPEC §9)", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const unitFile = (code: string, rate: number, answers = 1): Submission => cchcRateFile(code, rate, answers);
  // (95,99 + 96) / 2 = 95,995 %: short of ≥ 96 %; to the nearest hundredth it would read 96,00.
  const c = consolidate([unitFile("P_A", 95.99), unitFile("P_B", 96)], { profile: cchc });
  // The pooled mean is the double nearest the exact one: (95,90·3 + 95,91·7) / 10 is 95,907, not 95.90700000000001.
  const noise = consolidate([unitFile("P_C", 95.9, 3), unitFile("P_D", 95.91, 7)], { profile: cchc });
  expect(noise.province.values.HAI_LONG?.current).toBe(95.907);
  expect(c.province.indicators.HAI_LONG).toMatchObject({ value: 0.95995, status: "short" });
  const workbook = rollupWorkbook(c, cchc, { code: "SO_ATTP", name: "Sở ATTP", typeId: "SO_NGANH" });
  const up = inspectBytes(writeXlsx(workbook), cchc);
  expect(up.report?.values.HAI_LONG?.current).toBe(95.99);
  const above = consolidate([{ file: "SO_ATTP.xlsx", sha256: "up", result: up }], { profile: cchc });
  expect(above.units[0]?.indicators.HAI_LONG?.status).toBe("short");
  const counts = workbook.sheets.find((sh) => sh.name === "Chỉ tiêu")!;
  const row = counts.rows.find(
    (r) => r[0] && typeof r[0] === "object" && "value" in r[0] && r[0].value === "HAI_LONG",
  )!;
  expect(row.map((x) => (x && typeof x === "object" && "value" in x ? x.value : x)).at(-1)).toBe(
    "E: bình quân theo số phiếu của 2 đơn vị; E: bình quân 95,9950 làm tròn xuống 95,99 để giữ đúng đánh giá (chưa đạt)",
  );
  // The summary's Số liệu total shows the pooled rate with the decimal that keeps it short.
  const values = summaryWorkbook(c, cchc).sheets.find((sh) => sh.name === "Số liệu")!;
  const total = values.rows.at(-1)!;
  const header = values.rows.find((r) =>
    r.some(
      (x) => x && typeof x === "object" && "value" in x && String(x.value).startsWith("Mức độ hài lòng"),
    ),
  )!;
  const at = header.findIndex(
    (x) => x && typeof x === "object" && "value" in x && String(x.value).startsWith("Mức độ hài lòng"),
  );
  expect(total[at]).toMatchObject({ value: 95.995, style: { numFmt: "0.000" } });
});

test("the report says which report is a roll-up and how many units off the roster its figures include, and names a unit off the roster", () => {
  const below = consolidateReports([
    { unit: "BV_1", name: "Bệnh viện 1", type: "SU_NGHIEP" },
    { unit: "BV_2", name: "Bệnh viện 2", type: "SU_NGHIEP" },
  ]);
  const c = consolidate(
    [
      submission("SO_Y_TE.xlsx", rollupBytes(below, SO)),
      submission("XA_LA.xlsx", reportBytes({ unit: "XA_LA", name: "Xã Lạ", type: "UBND_XA" })),
    ],
    { profile, period, roster: [{ code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" }] },
  );
  const roster = [{ code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" }];
  const text = documentText(reportDocument(c, profile, { date: { year: 2026, month: 6, day: 10 }, roster }));
  expect(text).toContain(
    "tổng hợp được báo cáo của 2 đơn vị (2 đúng hạn, 0 trễ hạn; hạn gửi ngày 06/06/2026), trong đó 1 đơn vị không có trong danh sách (Xã Lạ); báo cáo của Sở Y tế là báo cáo tổng hợp, gồm số liệu của 2 đơn vị trực thuộc (không báo cáo trực tiếp về Sở Nội vụ tỉnh Thanh Hóa), đã tính trong kết quả chung.",
  );
});

test("section I names up to three units off the roster, and says a roll-up's units report not directly to the sender only with a roster", () => {
  const below = consolidateReports([
    { unit: "BV_1", name: "Bệnh viện 1", type: "SU_NGHIEP" },
    { unit: "BV_2", name: "Bệnh viện 2", type: "SU_NGHIEP" },
  ]);
  const xa = (code: string, name: string) =>
    submission(`${code}.xlsx`, reportBytes({ unit: code, name, type: "UBND_XA" }));
  const files = [
    submission("SO_Y_TE.xlsx", rollupBytes(below, SO)),
    xa("XA_LA", "Xã Lạ"),
    xa("XA_MOI", "Xã Mới"),
    xa("XA_XA", "Xã Xa"),
  ];
  const roster = [{ code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" }];
  const text = (withRoster: boolean) => {
    const c = consolidate(files, { profile, period, ...(withRoster ? { roster } : {}) });
    const date = { year: 2026, month: 6, day: 10 };
    return documentText(reportDocument(c, profile, withRoster ? { date, roster } : { date }));
  };
  expect(text(true)).toContain(
    "trong đó 3 đơn vị không có trong danh sách (Xã Lạ, Xã Mới, Xã Xa); báo cáo của Sở Y tế là báo cáo tổng hợp, gồm số liệu của 2 đơn vị trực thuộc (không báo cáo trực tiếp về Sở Nội vụ tỉnh Thanh Hóa), đã tính trong kết quả chung.",
  );
  // Without a roster, whom a unit reports to directly is not known: the roll-up is said to sum its units.
  expect(text(false)).toContain(
    "tổng hợp được báo cáo của 4 đơn vị (4 đúng hạn, 0 trễ hạn; hạn gửi ngày 06/06/2026); báo cáo của Sở Y tế là báo cáo tổng hợp, gồm số liệu của 2 đơn vị trực thuộc, đã tính trong kết quả chung.",
  );
});

// The Sở's own analyst typing its name as the roster and the command's example write it ("Sở Y tế",
// "--name \"Sở Y tế\"") was told its documents named "Sở Y tế tỉnh Đồng Tháp", not Sở Y tế, and to
// edit their heading and signer before signing: they are its own. The letters' rule for the sending
// body (isSenderUnit: without "tỉnh"/"thành phố", or as the heading names it) is the one used.
test("a unit named as the profile's organisation is, without its province or as its heading names it, is not another issuer", () => {
  const org = shippedProfile("dong-thap-syt-226")!.organisation;
  for (const name of ["Sở Y tế", "SỞ Y TẾ", " Sở Y tế tỉnh Đồng Tháp ", "Sở Y tế Đồng Tháp", ""])
    expect([name, issuerIsNot(org, name)]).toEqual([name, false]);
  for (const name of ["Sở Y tế tỉnh Thanh Hóa", "Phòng Nghiệp vụ Y", "Trung tâm Kiểm soát bệnh tật"])
    expect([name, issuerIsNot(org, name)]).toEqual([name, true]);
});

test("a note naming a hundred units says how many and where their list is, and a sheet prints every one with its name (a 409-point cell printed about 30 lines of codes and cut the rest)", () => {
  const codes = Array.from({ length: 120 }, (_, i) => `PHONG_XA_${String(i + 1).padStart(3, "0")}`);
  const c = consolidateReports([
    { unit: "P_A", name: "Phòng A", type: "PHONG_THUOC_SO", counts: { HN_TONG: [100, 90] } },
    ...codes.map((unit, i): ReportData => ({
      unit,
      name: `Phòng xã ${i + 1}`,
      type: "PHONG_THUOC_SO",
      counts: {
        HN_TONG: [0, 40],
        HN_TRUC_TUYEN: [null, 30],
        HN_VUOT_THOI_LUONG: [0, 0],
        CC_KY_NANG_SO: [null, null],
      },
    })),
  ]);
  const book = rollupWorkbook(c, profile, SO);
  const read = readXlsx(writeXlsx(book));
  if (!read.ok) throw new Error(read.reason);
  const counts = read.workbook.sheets.find((sh) => sh.name === "Chỉ tiêu")!;
  const row = counts.rows.findIndex((r) => cellText(r?.[0]) === "HN_TONG");
  expect(cellText(cellAt(counts, row, COUNT_COLS.note))).toBe(
    "D: gồm 120 đơn vị không có số cùng kỳ (danh sách ở trang “Đơn vị trong ghi chú”, mục 1): mức giảm tính từ tổng D, E này khác mức giảm chung của đơn vị (chỉ tính các đơn vị có số cùng kỳ)",
  );
  expect(book.sheets.find((sh) => sh.name === "Chỉ tiêu")!.rowHeights?.[row]).toBeLessThan(120);
  const list = read.workbook.sheets.find((sh) => sh.name === "Đơn vị trong ghi chú");
  expect(read.workbook.hiddenSheets).not.toContain("Đơn vị trong ghi chú");
  expect(read.workbook.hiddenSheets).toContain("Nguồn tổng hợp");
  const texts = Array.from(list!.rows, (r) => Array.from(r ?? [], (v) => cellText(v)));
  const head = texts.findIndex((r) => r[2] === "Mã đơn vị");
  expect(texts[head]).toEqual(["Mục", "Mã chỉ tiêu", "Mã đơn vị", "Tên đơn vị"]);
  expect(texts.find((r) => r[0] === "1" && r[1] === "HN_TONG" && r[2] !== "Mã đơn vị")).toEqual([
    "1",
    "HN_TONG",
    "D: gồm 120 đơn vị không có số cùng kỳ: mức giảm tính từ tổng D, E này khác mức giảm chung của đơn vị (chỉ tính các đơn vị có số cùng kỳ)",
  ]);
  const listed = texts.slice(head + 1).filter((r) => r[0] === "1");
  expect(listed.map((r) => r[2])).toEqual(codes);
  expect(listed[119]).toEqual(["1", "HN_TONG", "PHONG_XA_120", "Phòng xã 120"]);
  // Printed: the table's header on every page, pages numbered.
  const print = book.sheets.find((sh) => sh.name === "Đơn vị trong ghi chú")!.print;
  expect(print?.repeatRows).toBe(`${head + 1}:${head + 1}`);
  expect(print?.footer).toEqual({ center: "Trang {page}/{pages}" });
});

test("a note naming ten units or fewer keeps them in its cell, and no list sheet is added", () => {
  const codes = Array.from({ length: 10 }, (_, i) => `PHONG_XA_${String(i + 1).padStart(3, "0")}`);
  const c = consolidateReports([
    { unit: "P_A", name: "Phòng A", type: "PHONG_THUOC_SO", counts: { HN_TONG: [100, 90] } },
    ...codes.map((unit, i): ReportData => ({
      unit,
      name: `Phòng xã ${i + 1}`,
      type: "PHONG_THUOC_SO",
      counts: { HN_TONG: [0, 40], HN_TRUC_TUYEN: [null, 30], HN_VUOT_THOI_LUONG: [0, 0] },
    })),
  ]);
  const book = rollupWorkbook(c, profile, SO);
  const counts = book.sheets.find((sh) => sh.name === "Chỉ tiêu")!;
  const row = counts.rows.findIndex((r) => r[0]?.value === "HN_TONG");
  expect(counts.rows[row]?.[COUNT_COLS.note]?.value).toBe(
    `D: gồm 10 đơn vị không có số cùng kỳ (${codes.join(", ")}): mức giảm tính từ tổng D, E này khác mức giảm chung của đơn vị (chỉ tính các đơn vị có số cùng kỳ)`,
  );
  expect(book.sheets.map((sh) => sh.name)).not.toContain("Đơn vị trong ghi chú");
});
