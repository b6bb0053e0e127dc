// Print setup and the chart in the written .xlsx, checked in the raw parts and with our reader; the
// printed result (LibreOffice → PDF) and openpyxl's view are in test/unit/printed-documents.test.ts.
import { strFromU8, unzipSync } from "fflate";
import { chartSheet } from "../core/chart";
import { PAGE_OF_PAGES, type ChartSheetSpec, type SheetSpec, type WorkbookSpec } from "../core/sheetspec";
import { laterChunkSize, NODE_ZIP_CODEC, nodeZipEntryLater } from "./node-deflate";
import { pageTextCodes, printTitlesFormula } from "./print";
import { readXlsx } from "./read";
import { writeXlsx, writeXlsxOverlapped } from "./write";
import type { ZipEntry, ZipPart } from "./zip-write";

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

const TABLE: SheetSpec = {
  name: "Tổng hợp",
  rows: [
    [{ value: "BÁO CÁO" }],
    [{ value: "Mã đơn vị" }, { value: "Tên đơn vị" }, { value: "Số hội nghị" }],
    [{ value: "DV_1" }, { value: "Sở Nội vụ" }, { value: 12 }],
  ],
  print: {
    landscape: true,
    fitToWidth: true,
    repeatRows: "1:2",
    repeatColumns: "A:B",
    header: { center: "Tổng hợp Sở Giáo dục & Đào tạo – 6 tháng đầu năm 2026" },
    footer: PAGE_OF_PAGES,
  },
};

const CHART: ChartSheetSpec = {
  name: "Biểu đồ",
  title: "Tỷ lệ hội nghị trực tuyến theo đơn vị",
  subtitle: "6 tháng đầu năm 2026",
  units: [
    { code: "DV_1", name: "Sở Nội vụ", value: 0.75 },
    { code: "DV_2", name: "UBND xã A", value: 0.5996 },
    { code: "DV_3", name: "UBND xã B", value: null },
  ],
  valueName: "Tỷ lệ họp trực tuyến",
  targetName: "Mục tiêu 60%",
  target: 0.6,
};

const SPEC: WorkbookSpec = { sheets: [TABLE, chartSheet(CHART)] };

describe("print setup", () => {
  const p = parts(writeXlsx(SPEC));
  const sheet = p["xl/worksheets/sheet1.xml"] ?? "";

  test("A4 landscape, one page wide, pages flowing down", () => {
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain(
      '<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>',
    );
  });

  test("two pages wide: fit to two pages across, numbered left to right, then down", () => {
    const wide = parts(writeXlsx({ sheets: [{ ...TABLE, print: { ...TABLE.print, pagesWide: 2 } }] }));
    expect(wide["xl/worksheets/sheet1.xml"]).toContain(
      '<pageSetup paperSize="9" fitToWidth="2" fitToHeight="0" pageOrder="overThenDown" orientation="landscape"/>',
    );
  });

  test("a sheet without print options still prints on A4, portrait", () => {
    const plain = parts(writeXlsx({ sheets: [{ name: "S", rows: [[{ value: 1 }]] }] }))[
      "xl/worksheets/sheet1.xml"
    ];
    expect(plain).toContain('<pageSetup paperSize="9" orientation="portrait"/>');
    expect(plain).not.toContain("headerFooter");
  });

  test("header with the title (a literal & doubled) and the footer Trang &P/&N", () => {
    expect(sheet).toContain(
      "<headerFooter><oddHeader>&amp;CTổng hợp Sở Giáo dục &amp;&amp; Đào tạo – 6 tháng đầu năm 2026</oddHeader><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>",
    );
  });

  test("print titles are the sheet's _xlnm.Print_Titles name, columns first", () => {
    expect(p["xl/workbook.xml"]).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tổng hợp'!$A:$B,'Tổng hợp'!$1:$2</definedName>`,
    );
    expect(p["xl/workbook.xml"]).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Biểu đồ'!$1:$1</definedName>`,
    );
  });

  test("worksheet children stay in CT_Worksheet order", () => {
    const chartXmlSheet = p["xl/worksheets/sheet2.xml"] ?? "";
    const order = [
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "pageMargins",
      "pageSetup",
      "headerFooter",
      "drawing",
    ];
    const at = order.map((tag) => chartXmlSheet.indexOf("<" + tag));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test("header codes: sections, page fields, Excel's 255-character limit", () => {
    expect(pageTextCodes({ left: "A", center: "Trang {page}/{pages}", right: "R&D" })).toBe(
      "&LA&CTrang &P/&N&RR&&D",
    );
    expect(pageTextCodes(undefined)).toBe("");
    const long = pageTextCodes({ center: "&".repeat(300) });
    expect(long.length).toBeLessThanOrEqual(255);
    // Never cut inside "&&" (a lone & would start a code).
    expect(/(^|[^&])(&&)*&…$/.test(long)).toBe(false);
  });

  test("bad print-title ranges are programming errors", () => {
    expect(printTitlesFormula("S", "1:5", "A:B")).toBe("'S'!$A:$B,'S'!$1:$5");
    expect(printTitlesFormula("S", undefined, undefined)).toBeUndefined();
    expect(() => printTitlesFormula("S", "5:1", undefined)).toThrow(/print title rows/);
    expect(() => printTitlesFormula("S", undefined, "A1:B2")).toThrow(/print title columns/);
  });
});

describe("the chart", () => {
  const bytes = writeXlsx(SPEC);
  const p = parts(bytes);
  const chart = p["xl/charts/chart1.xml"] ?? "";

  test("is a drawing on the chart sheet, with its parts, relationships and content types", () => {
    expect(p["xl/worksheets/sheet2.xml"]).toContain('<drawing r:id="rId1"/>');
    expect(p["xl/worksheets/sheet1.xml"]).not.toContain("<drawing");
    expect(p["xl/worksheets/_rels/sheet2.xml.rels"]).toContain('Target="../drawings/drawing1.xml"');
    expect(p["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart1.xml"');
    expect(p["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(p["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  test("columns of the ratio and a red line of the target, over the unit names, axis 0–100%", () => {
    expect(chart).toContain('<c:barChart><c:barDir val="col"/>');
    expect(chart).toContain("<c:tx><c:v>Tỷ lệ họp trực tuyến</c:v></c:tx>");
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain(
      '<c:tx><c:v>Mục tiêu 60%</c:v></c:tx><c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="C00000"/>',
    );
    expect(chart).toContain("<c:f>'Biểu đồ'!$B$2:$B$4</c:f>");
    expect(chart).toContain("<c:f>'Biểu đồ'!$C$2:$C$4</c:f>");
    expect(chart).toContain("<c:f>'Biểu đồ'!$D$2:$D$4</c:f>");
    expect(chart).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    expect(chart).toContain('<c:max val="1"/><c:min val="0"/>');
  });

  test("caches the values; a unit that cannot be judged has no point (not a zero column)", () => {
    expect(chart).toContain('<c:pt idx="1"><c:v>UBND xã A</c:v></c:pt>');
    expect(chart).toContain(
      '<c:pt idx="0"><c:v>0.75</c:v></c:pt><c:pt idx="1"><c:v>0.5996</c:v></c:pt></c:numCache>',
    );
    expect(chart).toContain(
      '<c:ptCount val="3"/><c:pt idx="0"><c:v>0.6</c:v></c:pt><c:pt idx="1"><c:v>0.6</c:v></c:pt><c:pt idx="2"><c:v>0.6</c:v></c:pt>',
    );
  });

  test("the data cells are formatted honestly (59,96% is not shown as 60,0%)", () => {
    const sheet = chartSheet(CHART);
    expect(sheet.rows[1]?.[2]?.style?.numFmt).toBe("0.0%");
    expect(sheet.rows[2]?.[2]?.style?.numFmt).toBe("0.00%");
  });

  test("the same spec gives the same bytes (no dates, no random ids), with either compressor", () => {
    expect(Buffer.from(writeXlsx(SPEC)).equals(Buffer.from(bytes))).toBe(true);
    const node = writeXlsx(SPEC, NODE_ZIP_CODEC);
    expect(Buffer.from(writeXlsx(SPEC, NODE_ZIP_CODEC)).equals(Buffer.from(node))).toBe(true);
    expect(chart).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  test("our reader still reads every sheet's cells", () => {
    const out = readXlsx(bytes);
    if (!out.ok) throw new Error(`unreadable: ${out.reason}`);
    expect(out.workbook.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Biểu đồ"]);
    expect(out.workbook.sheets[0]?.rows[2]?.[1]?.value).toEqual({ kind: "string", value: "Sở Nội vụ" });
    expect(out.workbook.sheets[1]?.rows[2]?.[2]?.value).toEqual({
      kind: "number",
      value: 0.5996,
      isPercent: true,
    });
    expect(out.workbook.definedNames).toEqual({});
  });

  test("no units: the sheet has its header and no chart", () => {
    const empty = chartSheet({ ...CHART, units: [] });
    expect(empty.charts).toEqual([]);
    expect(parts(writeXlsx({ sheets: [empty] }))["xl/charts/chart1.xml"]).toBeUndefined();
  });

  test("a chart whose ranges are not one column, or differ in length, is a programming error", () => {
    const sheet = chartSheet(CHART);
    const bad = (chart: Partial<NonNullable<SheetSpec["charts"]>[number]>) => () =>
      writeXlsx({ sheets: [{ ...sheet, charts: [{ ...sheet.charts![0]!, ...chart }] }] });
    expect(bad({ categories: "A2:B4" })).toThrow(/one column/);
    expect(bad({ series: [{ name: "x", values: "C2:C9", type: "column" }] })).toThrow(/differ in length/);
    expect(bad({ series: [] })).toThrow(/at least one series/);
  });
});

describe("many units: a second chart of the units furthest from the target", () => {
  /** `n` units ranked lowest first (as the summary ranks them), unit k at (k + 1) / 200, then `blank` that cannot be judged. */
  const ranked = (n: number, blank = 0): ChartSheetSpec["units"] => [
    ...Array.from({ length: n }, (_, k) => ({
      code: `DV_${k + 1}`,
      name: `Xã số ${k + 1}`,
      value: (k + 1) / 200,
    })),
    ...Array.from({ length: blank }, (_, k) => ({
      code: `KB_${k + 1}`,
      name: `Xã trống ${k + 1}`,
      value: null,
    })),
  ];
  const anchorRows = (drawing: string): string[] =>
    [
      ...drawing.matchAll(
        /<xdr:from><xdr:col>\d+<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g,
      ),
    ].map((m) => m[1]!);

  test("up to 60 units: one chart of them all", () => {
    const p = parts(writeXlsx({ sheets: [chartSheet({ ...CHART, units: ranked(60) })] }));
    expect(p["xl/charts/chart1.xml"]).toContain("<c:f>'Biểu đồ'!$B$2:$B$61</c:f>");
    expect(p["xl/charts/chart2.xml"]).toBeUndefined();
    expect(anchorRows(p["xl/drawings/drawing1.xml"] ?? "")).toEqual(["1"]);
  });

  test("100 units: every unit in the first chart, the 30 lowest below it, both on the sheet's one drawing", () => {
    const p = parts(writeXlsx({ sheets: [chartSheet({ ...CHART, units: ranked(100) })] }));
    const [all, lowest, drawing] = [
      p["xl/charts/chart1.xml"],
      p["xl/charts/chart2.xml"],
      p["xl/drawings/drawing1.xml"],
    ];
    expect(all).toContain("<c:f>'Biểu đồ'!$B$2:$B$101</c:f>");
    expect(lowest).toContain("<c:f>'Biểu đồ'!$B$2:$B$31</c:f>");
    expect(lowest).toContain("<c:f>'Biểu đồ'!$C$2:$C$31</c:f>");
    expect(lowest).toContain("<c:f>'Biểu đồ'!$D$2:$D$31</c:f>");
    expect(lowest).toContain("<a:t>Tỷ lệ hội nghị trực tuyến theo đơn vị: 30 đơn vị thấp nhất</a:t>");
    // The lowest unit first, the 30th last: 0,5% … 15%.
    expect(lowest).toContain('<c:pt idx="0"><c:v>0.005</c:v></c:pt>');
    expect(lowest).toContain('<c:pt idx="29"><c:v>0.15</c:v></c:pt></c:numCache>');
    expect(lowest).toContain('<c:pt idx="29"><c:v>Xã số 30</c:v></c:pt>');
    // The second chart starts two rows below the first one's 30 (0-based rows 1 and 33).
    expect(anchorRows(drawing ?? "")).toEqual(["1", "33"]);
    expect(drawing).toContain('r:id="rId1"');
    expect(drawing).toContain('r:id="rId2"');
    expect(p["xl/drawings/_rels/drawing1.xml.rels"]).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart2.xml"/>' +
        "</Relationships>",
    );
    expect(p["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(p["xl/drawings/drawing2.xml"]).toBeUndefined();
  });

  test("less is better: the 30 highest that have a value (the units that cannot be judged come last)", () => {
    const units = ranked(90, 10);
    const p = parts(writeXlsx({ sheets: [chartSheet({ ...CHART, comparison: "<=", units })] }));
    const highest = p["xl/charts/chart2.xml"] ?? "";
    // Units 61–90 sit on rows 62–91; rows 92–101 hold the 10 without a value.
    expect(highest).toContain("<c:f>'Biểu đồ'!$B$62:$B$91</c:f>");
    expect(highest).toContain("30 đơn vị cao nhất");
    expect(highest).toContain('<c:pt idx="29"><c:v>0.45</c:v></c:pt></c:numCache>');
  });

  test("61 units of which 30 have a value: no second chart (it would repeat the first's bars)", () => {
    const p = parts(writeXlsx({ sheets: [chartSheet({ ...CHART, units: ranked(30, 31) })] }));
    expect(p["xl/charts/chart2.xml"]).toBeUndefined();
  });

  test("our reader reads a file with two charts; the same spec gives the same bytes", () => {
    const spec: WorkbookSpec = { sheets: [TABLE, chartSheet({ ...CHART, units: ranked(100) })] };
    const bytes = writeXlsx(spec, NODE_ZIP_CODEC);
    expect(Buffer.from(writeXlsx(spec, NODE_ZIP_CODEC)).equals(Buffer.from(bytes))).toBe(true);
    const out = readXlsx(bytes);
    if (!out.ok) throw new Error(`unreadable: ${out.reason}`);
    expect(out.workbook.sheets[1]?.rows[100]?.[1]?.value).toEqual({ kind: "string", value: "Xã số 100" });
  });

  test("deflated on the thread pool while the next sheet is rendered (the CLI's summary): the same bytes", async () => {
    // A big sheet first: the next sheets are rendered into the writer's reused buffer while it is still
    // being compressed, so only a copy taken in time gives the same bytes.
    const big: SheetSpec = {
      name: "Dữ liệu",
      rows: Array.from({ length: 3000 }, (_, r) => [
        { value: `Đơn vị số ${r + 1}` },
        ...Array.from({ length: 20 }, (_, k) => ({ value: r * 7 + k })),
      ]),
    };
    const spec: WorkbookSpec = { sheets: [big, TABLE, chartSheet({ ...CHART, units: ranked(100) })] };
    const overlapped = await writeXlsxOverlapped(spec, nodeZipEntryLater, NODE_ZIP_CODEC);
    expect(Buffer.from(overlapped).equals(Buffer.from(writeXlsx(spec, NODE_ZIP_CODEC)))).toBe(true);
    const out = readXlsx(overlapped);
    if (!out.ok) throw new Error(`unreadable: ${out.reason}`);
    expect(out.workbook.sheets[0]?.rows[2999]?.[0]?.value).toEqual({
      kind: "string",
      value: "Đơn vị số 3000",
    });
  });
});

describe("deflating on the thread pool", () => {
  test("past the bytes allowed in flight, parts are compressed at once: the same bytes, fewer copies held", async () => {
    const sheet = (name: string, n: number): SheetSpec => ({
      name,
      rows: Array.from({ length: n }, (_, r) => [{ value: `${name} ${r + 1}` }, { value: r * 3 }]),
    });
    const spec: WorkbookSpec = { sheets: [sheet("Một", 2000), sheet("Hai", 2000), sheet("Ba", 2000)] };
    const handed: string[] = [];
    const later = (part: ZipPart): Promise<ZipEntry> => {
      handed.push(part.name);
      return nodeZipEntryLater(part);
    };
    const atOnce = writeXlsx(spec, NODE_ZIP_CODEC);
    // Room for exactly the first sheet: the rest is compressed on this thread.
    const first = unzipSync(atOnce)["xl/worksheets/sheet1.xml"]!.length;
    const bytes = await writeXlsxOverlapped(spec, later, NODE_ZIP_CODEC, first);
    expect(handed).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(Buffer.from(bytes).equals(Buffer.from(atOnce))).toBe(true);
  });

  test("a part that deflates to more than one output chunk on the pool: the same bytes as deflated at once", async () => {
    // Bytes that barely compress: the output is about the input's size, four chunks of a quarter.
    let seed = 7;
    const data = Uint8Array.from({ length: 300_000 }, () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    });
    const entry = await nodeZipEntryLater({ name: "xl/media/noise.bin", data });
    expect(entry.body.length).toBeGreaterThan(2 * laterChunkSize(data.length));
    expect(Buffer.from(entry.body).equals(Buffer.from(NODE_ZIP_CODEC.deflateRaw(data)))).toBe(true);
    expect(entry.crc).toBe(NODE_ZIP_CODEC.crc32(data));
  });
});
