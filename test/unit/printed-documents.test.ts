// Documents as printed: the .xlsx writer's print setup and chart, and the .docx official letter, go
// through LibreOffice to PDF in one soffice run; poppler reads the pages back and renders page PNGs
// into test-artifacts/printed/ for a person to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chartSheet } from "../../src/core/chart";
import { PAGE_OF_PAGES, type CellSpec, type SheetSpec } from "../../src/core/sheetspec";
import { NODE_ZIP_CODEC } from "../../src/xlsx/node-deflate";
import { writeXlsx } from "../../src/xlsx/write";
import { ARTIFACTS_DIR, PRINT_SKIP_REASON, printToPdf, renderPages, type PrintedDocument } from "../helpers/pdf";

const WIDE_COLS = 40;

/** A summary-like sheet: a title, a header row and a row of column numbers, then one row per unit. */
function wideSheet(units: number, print: SheetSpec["print"]): SheetSpec {
  const head = (c: number): string => (c === 0 ? "Mã đơn vị" : c === 1 ? "Tên đơn vị" : `Chỉ số ${c + 1}`);
  const rows: (CellSpec | null)[][] = [
    [{ value: "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾT LUẬN 226-KL/TW" }],
    [{ value: "Kỳ báo cáo: 6 tháng năm 2026" }],
    Array.from({ length: WIDE_COLS }, (_, c) => ({ value: head(c), style: { bold: true, border: true, wrap: true } })),
    Array.from({ length: WIDE_COLS }, (_, c) => ({ value: `(${c + 1})`, style: { border: true } })),
  ];
  for (let u = 1; u <= units; u++) {
    rows.push(Array.from({ length: WIDE_COLS }, (_, c) => ({ value: c === 0 ? `DV_${u}` : c === 1 ? `Phường Đông Sơn ${u}` : u * 100 + c, style: { border: true } })));
  }
  return { name: "Tổng hợp", rows, columnWidths: [11, 24], print };
}

const PRINT: SheetSpec["print"] = {
  landscape: true,
  fitToWidth: true,
  repeatRows: "3:4",
  repeatColumns: "A:B",
  header: { center: "Tổng hợp KL226 – 6 tháng năm 2026" },
  footer: PAGE_OF_PAGES,
};

const CHART_UNITS = Array.from({ length: 24 }, (_, i) => ({
  code: `DV_${i + 1}`,
  name: `Phường Đông Sơn ${i + 1}`,
  value: i === 5 ? null : i === 1 ? 0.5996 : ((i * 37) % 100) / 100,
}));

const run = PRINT_SKIP_REASON === "" ? describe : describe.skip;
if (PRINT_SKIP_REASON !== "") console.warn(PRINT_SKIP_REASON);

run("printed through LibreOffice", () => {
  let dir = "";
  const printed: Record<string, PrintedDocument> = {};
  const artifacts = join(ARTIFACTS_DIR, "printed");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kl226-print-"));
    mkdirSync(artifacts, { recursive: true });
    const files: Record<string, Uint8Array> = {
      // 300 units fit to width: several pages down, each needing the repeated header rows.
      "wide-fit.xlsx": writeXlsx({ sheets: [wideSheet(300, PRINT)] }, NODE_ZIP_CODEC),
      // Not fit to width: pages split across the columns too, each needing the unit code and name.
      "wide-split.xlsx": writeXlsx({ sheets: [wideSheet(80, { ...PRINT, fitToWidth: false })] }, NODE_ZIP_CODEC),
      "chart.xlsx": writeXlsx(
        {
          sheets: [
            wideSheet(3, PRINT),
            chartSheet({
              name: "Biểu đồ",
              title: "Tỷ lệ hội nghị trực tuyến theo đơn vị (mục tiêu ≥ 60 %)",
              subtitle: "6 tháng năm 2026",
              units: CHART_UNITS,
              valueName: "Tỷ lệ họp trực tuyến",
              targetName: "Mục tiêu 60 %",
              target: 0.6,
            }),
          ],
        },
        NODE_ZIP_CODEC,
      ),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const docs = await printToPdf(
      Object.keys(files).map((f) => join(dir, f)),
      artifacts,
    );
    Object.keys(files).forEach((f, i) => (printed[f] = docs[i]!));
  }, 200_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("fit to width: A4 landscape, few pages, each with the header row, unit names and Trang N/M", () => {
    const doc = printed["wide-fit.xlsx"]!;
    expect(doc.pageSize.paper).toBe("A4");
    expect(doc.pageSize.width).toBeGreaterThan(doc.pageSize.height);
    // 300 rows of 40 columns: one page wide, so a handful of pages, not dozens.
    expect(doc.pageCount).toBeGreaterThan(1);
    expect(doc.pageCount).toBeLessThanOrEqual(8);
    doc.pages.forEach((text, i) => {
      expect({ page: i + 1, header: text.includes("Tổng hợp KL226 – 6 tháng năm 2026") }).toEqual({ page: i + 1, header: true });
      expect({ page: i + 1, titles: text.includes("Mã đơn vị") && text.includes(`Chỉ số ${WIDE_COLS}`) }).toEqual({ page: i + 1, titles: true });
      expect({ page: i + 1, names: text.includes("Phường Đông Sơn") }).toEqual({ page: i + 1, names: true });
      expect(text).toContain(`Trang ${i + 1}/${doc.pageCount}`);
    });
    expect(doc.pages.at(-1)).toContain("DV_300");
    renderPages(doc.pdf, join(artifacts, "wide-fit"), { first: 1, last: 2 });
  });

  test("split across columns: every page repeats the unit code and name columns and the header rows", () => {
    const doc = printed["wide-split.xlsx"]!;
    expect(doc.pageCount).toBeGreaterThan(2);
    doc.pages.forEach((text, i) => {
      expect({ page: i + 1, code: text.includes("Mã đơn vị"), name: text.includes("Tên đơn vị"), unit: /Phường Đông Sơn \d+/.test(text) }).toEqual({
        page: i + 1,
        code: true,
        name: true,
        unit: true,
      });
      expect(text).toContain(`Trang ${i + 1}/${doc.pageCount}`);
    });
    // The last column's header is on some page other than the first: the columns really were split.
    expect(doc.pages[0]).not.toContain(`Chỉ số ${WIDE_COLS}`);
  });

  test("the chart sheet prints with its title, legend and the honest values beside it", () => {
    const doc = printed["chart.xlsx"]!;
    const chartPage = doc.pages.find((t) => t.includes("Mục tiêu 60 %"));
    expect(chartPage).toBeDefined();
    expect(chartPage).toContain("Tỷ lệ hội nghị trực tuyến theo đơn vị (mục tiêu ≥ 60 %)");
    expect(chartPage).toContain("Tỷ lệ họp trực tuyến");
    // LibreOffice prints in the en-US locale here: 59.96% (the format keeps two decimals), not 60.0%.
    expect(chartPage).toMatch(/Phường Đông Sơn 2\s+59\.96%/);
    // Axis labels are text in the PDF: 0 %…100 % from the chart's own number format.
    expect(chartPage).toContain("100%");
    const page = doc.pages.indexOf(chartPage!) + 1;
    const [png] = renderPages(doc.pdf, join(artifacts, "chart"), { first: page, last: page, dpi: 100 });
    expect(png).toBeDefined();
  });

  test("openpyxl sees the chart with its column and line series", () => {
    const file = join(dir, "chart.xlsx");
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb['Biểu đồ']",
      "out = []",
      "for anchor in ws._charts:",
      "    for c in [anchor] + list(anchor._charts[1:]):",
      "        for s in c.series:",
      "            out.append([type(c).__name__, s.tx.v, s.val.numRef.f, s.cat.strRef.f])",
      "print(json.dumps({'charts': len(ws._charts), 'series': out, 'sheets': wb.sheetnames, 'titles': wb['Tổng hợp'].print_title_rows}))",
    ].join("\n");
    const got = JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" })) as Record<string, unknown>;
    expect(got).toEqual({
      charts: 1,
      series: [
        ["BarChart", "Tỷ lệ họp trực tuyến", "'Biểu đồ'!$C$2:$C$25", "'Biểu đồ'!$B$2:$B$25"],
        ["LineChart", "Mục tiêu 60 %", "'Biểu đồ'!$D$2:$D$25", "'Biểu đồ'!$B$2:$B$25"],
      ],
      sheets: ["Tổng hợp", "Biểu đồ"],
      titles: "$3:$4",
    });
  });
});
