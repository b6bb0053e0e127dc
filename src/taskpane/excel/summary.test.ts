// Writing the summary into Excel: the same cells as the summary workbook, red shortfall cells, the
// ratio chart with its target line, re-runs that replace rather than append, and a sync count that
// is the same for 10 and for 400 units with every request under 5 MB.

import { inspectBytes } from "../../app/inspect";
import { chartSheet } from "../../core/chart";
import { consolidate } from "../../core/consolidate";
import type { Consolidation, Submission } from "../../core/consolidation";
import { DEFAULT_PROFILE } from "../../core/profile";
import { SUMMARY_SHEETS } from "../../core/catalogue";
import { summaryWorkbook } from "../../core/summary";
import type { CellSpec, WorkbookSpec } from "../../core/sheetspec";
import type { ValidationResult } from "../../core/unit-report";
import { columnLetters } from "../../core/workbook";
import { reportBytes } from "../../../test/helpers/report-builder";
import { CHART_SHEET, onlineRatioChart } from "../summary-data";
import { writeSummary } from "./summary";
import { FakeExcel, type FakeSheet } from "./testing/fake-excel";
import { RequestBudget, SheetConflictError, writeSheet } from "./write-sheets";

const BASE: ValidationResult = inspectBytes(reportBytes({ unit: "BASE", name: "Cơ sở" }), DEFAULT_PROFILE);

/** n valid units; every third is short of the online-meeting target (40 of 90). */
function consolidation(n: number): Consolidation {
  const report = BASE.report!;
  const submissions: Submission[] = Array.from({ length: n }, (_, i) => {
    const code = `DV_${String(i + 1).padStart(3, "0")}`;
    const online = i % 3 === 0 ? 40 : 60;
    const values = { ...report.values, HN_TRUC_TUYEN: { previous: 50, current: online } };
    const result: ValidationResult = {
      ...BASE,
      unit: code,
      unitName: `Đơn vị số ${i + 1}`,
      report: { ...report, unit: { ...report.unit, code, name: `Đơn vị số ${i + 1}` }, values },
    };
    return { file: `${code}.xlsx`, sha256: code.padEnd(64, "0"), result };
  });
  return consolidate(submissions, { profile: DEFAULT_PROFILE });
}

const MS_PER_DAY = 86_400_000;

/**
 * What Excel holds for a CellSpec once written, stated here by hand from the Office.js contract
 * (not through the adapter's own officeValue): text as itself (a leading apostrophe that keeps
 * "=…" text from becoming a formula is not part of the value), numbers, booleans, a date as its
 * 1900-system serial, a formula as "=…", nothing as "".
 */
function expectedValue(cell: CellSpec): string | number | boolean {
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if ("date" in v)
    return (Date.UTC(v.date.year, v.date.month - 1, v.date.day) - Date.UTC(1899, 11, 30)) / MS_PER_DAY;
  return `=${v.formula.replace(/^=/, "")}`;
}

function expectSheetMatches(sheet: FakeSheet, spec: WorkbookSpec["sheets"][number]): void {
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const at = `${columnLetters(c)}${r + 1}`;
      const got = sheet.cell(at);
      expect({ at, value: got?.value ?? "" }).toEqual({ at, value: expectedValue(cell) });
      // The cell's own format; a date without one shows as a day, anything else as General.
      const v = cell.value;
      const isDate = typeof v === "object" && v !== null && "date" in v;
      if (cell.style?.numFmt)
        expect({ at, format: got?.numberFormat }).toEqual({ at, format: cell.style.numFmt });
      else if (isDate)
        expect({ at, format: got?.numberFormat }).toEqual({
          at,
          format: expect.stringMatching(/^d+\/m+\/y+$/),
        });
      else expect({ at, format: got?.numberFormat }).toEqual({ at, format: "General" });
      if (cell.style?.fill) expect(got?.fill).toBe(`#${cell.style.fill}`);
    }),
  );
}

/** The cell of the row whose column A is `rowLabel`, in the column whose header (row `headerRow`) starts with `header`. */
function cellAtLabels(sheet: FakeSheet, rowLabel: string, header: string): ReturnType<FakeSheet["cell"]> {
  const cells = [...sheet.cells.entries()].map(([key, cell]) => {
    const [r, c] = key.split(",").map(Number) as [number, number];
    return { r, c, cell };
  });
  const row = cells.find((x) => x.c === 0 && x.cell.value === rowLabel)?.r;
  const headerCell = cells.find((x) => typeof x.cell.value === "string" && x.cell.value.startsWith(header));
  if (row === undefined || headerCell === undefined) throw new Error(`no cell at ${rowLabel} / ${header}`);
  return sheet.cell(`${columnLetters(headerCell.c)}${row + 1}`);
}

async function write(n: number, excel = new FakeExcel()) {
  if (excel.sheets.length === 0) excel.addSheet("Sheet1");
  const c = consolidation(n);
  const spec = summaryWorkbook(c, DEFAULT_PROFILE);
  excel.syncs = 0;
  excel.requests.length = 0;
  const report = await writeSummary(excel.context(), spec);
  return { excel, c, spec, report };
}

describe.each([10, 400])("the summary of %i units", (n) => {
  let run: Awaited<ReturnType<typeof write>>;
  beforeAll(async () => {
    run = await write(n);
  });

  test("takes 2 syncs, each request under 5 MB", () => {
    expect(run.excel.syncs).toBe(2);
    expect(run.report.syncs).toBe(2);
    // One payload per sync, and the payload counted (a kilobyte or more per unit): else "under 5 MB"
    // would hold for any request.
    expect(run.excel.requests).toHaveLength(2);
    expect(Math.max(...run.excel.requests)).toBeGreaterThan(n * 1000);
    for (const bytes of run.excel.requests) expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });

  test("writes every sheet of the summary workbook with its values, formats and fills", () => {
    const names = run.excel.live().map((s) => s.name);
    expect(names).toEqual(["Sheet1", ...run.spec.sheets.map((s) => s.name)]);
    expect(names.at(-1)).toBe(CHART_SHEET);
    for (const spec of run.spec.sheets) expectSheetMatches(run.excel.sheet(spec.name), spec);
    expect(run.excel.active).toBe(SUMMARY_SHEETS.summary);
  });

  test("the province row pools the sums (hand-derived) and is red when short of 60%", () => {
    // Every unit held 90 meetings; a third (i % 3 === 0) held 40 online, the others 60.
    const short = Math.ceil(n / 3);
    const ratio = (short * 40 + (n - short) * 60) / (n * 90);
    const cell = cellAtLabels(run.excel.sheet(SUMMARY_SHEETS.summary), "TOÀN TỈNH", "Họp trực tuyến (≥ 60%)");
    expect(cell?.value).toBeCloseTo(ratio, 12);
    expect(cell?.fill).toBe(ratio < 0.6 ? "#FFC7CE" : "#C6EFCE");
  });

  test("fills shortfall cells red and lists one shortfall per short unit", () => {
    const short = run.c.shortfalls.filter((s) => s.indicator === "ONLINE_RATIO");
    expect(short).toHaveLength(Math.ceil(n / 3));
    const summary = run.excel.sheet(SUMMARY_SHEETS.summary);
    const red = [...summary.cells.values()].filter((cell) => cell.fill === "#FFC7CE");
    expect(red.length).toBeGreaterThanOrEqual(short.length);
    expect(run.excel.sheet(SUMMARY_SHEETS.shortfalls).cells.size).toBeGreaterThan(short.length);
  });

  test("adds the online-ratio chart: columns per unit name, the 60% target as a red line, axis 0–100%", () => {
    const sheet = run.excel.sheet(CHART_SHEET);
    // Over 60 units, a second chart names the lowest (next test).
    expect(sheet.charts).toHaveLength(n > 60 ? 2 : 1);
    const chart = sheet.charts[0]!;
    const at = (range: string) => `'${CHART_SHEET}'!${range}`;
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.series).toEqual([
      expect.objectContaining({
        name: "Họp trực tuyến",
        chartType: "ColumnClustered",
        values: at(`C2:C${n + 1}`),
        xValues: at(`B2:B${n + 1}`),
        fillColor: "#4472C4",
      }),
      expect.objectContaining({
        name: "Mục tiêu ≥ 60%",
        chartType: "Line",
        values: at(`D2:D${n + 1}`),
        xValues: at(`B2:B${n + 1}`),
        lineColor: "#C00000",
        markerStyle: "None",
      }),
    ]);
    expect(chart.valueAxis).toEqual({ numberFormat: "0%", minimum: 0, maximum: 1 });
    expect(chart.title).toMatch(/^Tỷ lệ hội nghị trực tuyến theo đơn vị/);
    expect(chart.legend).toBe("Bottom");
    expect(chart.position?.[0]).toBe("F2");
    expect(sheet.cell("A2")?.value).toBe("DV_001");
    expect(sheet.cell("B2")?.value).toBe("Đơn vị số 1");
    expect(sheet.cell("C2")?.value).toBeCloseTo(40 / 90);
    expect(sheet.cell("D2")?.value).toBe(0.6);
    // Ranked lowest first, ties in code order: the 40-of-90 units, then the 60-of-90 ones, the last
    // row being the last unit (in code order) that held 60 online.
    const lastAt60 = [...Array(n).keys()].filter((i) => i % 3 !== 0).pop()! + 1;
    expect(sheet.cell(`A${Math.ceil(n / 3) + 1}`)?.value).toBe(
      `DV_${String(3 * (Math.ceil(n / 3) - 1) + 1).padStart(3, "0")}`,
    );
    expect(sheet.cell(`A${n + 1}`)?.value).toBe(`DV_${String(lastAt60).padStart(3, "0")}`);
    expect(sheet.cell(`C${n + 1}`)?.value).toBeCloseTo(60 / 90);
  });

  test("over 60 units, a second chart below the first names the 30 lowest (rows 2–31 of the ranked table)", () => {
    const sheet = run.excel.sheet(CHART_SHEET);
    const at = (range: string) => `'${CHART_SHEET}'!${range}`;
    const second = sheet.charts[1];
    const expected =
      n <= 60
        ? undefined
        : {
            title: expect.stringMatching(/^Tỷ lệ hội nghị trực tuyến theo đơn vị .*: 30 đơn vị thấp nhất$/),
            series: [
              ["ColumnClustered", at("C2:C31"), at("B2:B31")],
              ["Line", at("D2:D31"), at("B2:B31")],
            ],
            position: ["F34", "W63"],
          };
    expect(
      second && {
        title: second.title,
        series: second.series.map((s) => [s.chartType, s.values, s.xValues]),
        position: second.position,
      },
    ).toEqual(expected);
    // The 30 lowest of 400 all held 40 of their 90 meetings online (every third unit is one).
    const lowestRows = n <= 60 ? [] : [...Array(30).keys()].map((k) => sheet.cell(`C${k + 2}`)?.value);
    for (const v of lowestRows) expect(v).toBeCloseTo(40 / 90);
  });

  test("prints the chart sheet on A4 landscape, one page wide, header row repeated, Trang N/M", () => {
    const layout = run.excel.sheet(CHART_SHEET).pageLayout;
    expect(layout).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
      printTitleColumns: null,
    });
    expect(layout.headersFooters.centerHeader).toMatch(/^Tỷ lệ hội nghị trực tuyến theo đơn vị/);
    expect(layout.headersFooters.centerFooter).toBe("Trang &P/&N");
  });
});

test("a re-run replaces the summary sheets instead of adding a second copy", async () => {
  const first = await write(10);
  const again = await write(12, first.excel);
  const names = again.excel.live().map((s) => s.name);
  expect(names).toEqual(["Sheet1", ...again.spec.sheets.map((s) => s.name)]);
  expect(again.excel.syncs).toBe(2);
  expect(again.excel.sheet(CHART_SHEET).cell("A13")?.value).toBe("DV_012");
});

test("a same-named sheet that KL226 did not write is never deleted", async () => {
  const excel = new FakeExcel();
  excel.addSheet("Nhiệm vụ"); // e.g. a unit report's task sheet
  await expect(write(3, excel)).rejects.toBeInstanceOf(SheetConflictError);
  expect(excel.live().map((s) => s.name)).toEqual(["Nhiệm vụ"]);
});

test("a small request budget splits the writes, each request within it", async () => {
  const excel = new FakeExcel();
  excel.addSheet("Sheet1");
  const c = consolidation(400);
  const report = await writeSummary(excel.context(), summaryWorkbook(c, DEFAULT_PROFILE), 200_000);
  expect(report.syncs).toBeGreaterThan(2);
  // The writes carry more than two budgets' worth, split into one request per sync.
  expect(excel.requests).toHaveLength(report.syncs);
  expect(excel.requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(200_000 * 2);
  for (const bytes of excel.requests) expect(bytes).toBeLessThan(200_000 * 1.2);
});

test("print setup through pageLayout: margins, titles, every header and footer section with & doubled", async () => {
  const excel = new FakeExcel();
  const fake = excel.addSheet("In");
  const budget = new RequestBudget(excel.context());
  await writeSheet(
    fake.worksheet(),
    {
      name: "In",
      rows: [[{ value: "x" }]],
      print: {
        fitToWidth: true,
        repeatRows: "1:5",
        repeatColumns: "A:B",
        header: { left: "Sở Nội vụ", center: "Tổng hợp R&D", right: "{page}" },
        footer: { center: "Trang {page}/{pages}" },
      },
    },
    budget,
  );
  expect(fake.pageLayout).toEqual({
    paperSize: "A4",
    orientation: "Portrait",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    // 1.5 cm left, 1 cm right, 2 cm top and bottom, header and footer at 0.8 cm, in points.
    margins: {
      left: 0.59 * 72,
      right: 0.39 * 72,
      top: 0.79 * 72,
      bottom: 0.79 * 72,
      header: 0.31 * 72,
      footer: 0.31 * 72,
    },
    printTitleRows: "$1:$5",
    printTitleColumns: "$A:$B",
    headersFooters: {
      leftHeader: "Sở Nội vụ",
      centerHeader: "Tổng hợp R&&D",
      rightHeader: "&P",
      centerFooter: "Trang &P/&N",
    },
  });
});

test("two pages wide through pageLayout: fit to two pages across, printed left to right, then down", async () => {
  const excel = new FakeExcel();
  const fake = excel.addSheet("In");
  await writeSheet(
    fake.worksheet(),
    { name: "In", rows: [[{ value: "x" }]], print: { fitToWidth: true, pagesWide: 2, repeatColumns: "A:B" } },
    new RequestBudget(excel.context()),
  );
  expect(fake.pageLayout).toMatchObject({
    zoom: { horizontalFitToPages: 2, verticalFitToPages: 0 },
    printOrder: "OverThenDown",
    printTitleColumns: "$A:$B",
  });
});

test("a sheet without print options leaves the page layout alone", async () => {
  const excel = new FakeExcel();
  const fake = excel.addSheet("S");
  await writeSheet(
    fake.worksheet(),
    { name: "S", rows: [[{ value: 1 }]] },
    new RequestBudget(excel.context()),
  );
  expect(fake.pageLayout.paperSize).toBeNull();
  expect(fake.charts).toHaveLength(0);
});

test("the summary carries one chart sheet, the same as the .xlsx: one chart, drawn once", async () => {
  const excel = new FakeExcel();
  excel.addSheet("Sheet1");
  const c = consolidation(5);
  const spec = summaryWorkbook(c, DEFAULT_PROFILE);
  expect(spec.sheets.filter((s) => s.name === CHART_SHEET)).toEqual([chartSheet(onlineRatioChart(c)!)]);
  const report = await writeSummary(excel.context(), spec);
  expect(report.sheets.filter((name) => name === CHART_SHEET)).toHaveLength(1);
  expect(excel.sheet(CHART_SHEET).charts).toHaveLength(1);
});
