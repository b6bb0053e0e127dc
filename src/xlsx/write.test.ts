// Tests for writeXlsx: read back with ExcelJS, inspect the raw parts, and open the files in LibreOffice and openpyxl.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { CellSpec, CellStyle, SheetSpec, WorkbookSpec } from "../core/sheetspec";
import { convertWithLibreOffice } from "../../test/helpers/libreoffice";
import { NODE_ZIP_CODEC } from "./node-deflate";
import { readXlsx } from "./read";
import { dateSerial, writeXlsx } from "./write";
import { escapeText } from "./write-xml";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer type; the bytes are the same.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function part(bytes: Uint8Array, name: string): string {
  const file = unzipSync(bytes)[name];
  if (!file) throw new Error(`missing part ${name}`);
  return strFromU8(file);
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`missing sheet ${name}`);
  return ws;
}

const c = (value: CellSpec["value"], style?: CellStyle): CellSpec => (style ? { value, style } : { value });

const HEADER: CellStyle = {
  bold: true,
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "center",
  fill: "D9E1F2",
};
const INPUT: CellStyle = { border: true, locked: false };
const TITLE: CellStyle = { bold: true, size: 14, hAlign: "center" };

const UNIT_TYPES = ["Sở, ban, ngành", "UBND cấp huyện", "Doanh nghiệp nhà nước", 'Đơn vị "khác"'];

function templateSpec(): WorkbookSpec {
  return {
    title: "Mẫu báo cáo KL226",
    creator: "KL226",
    definedNames: { KL226_TEMPLATE: '"KL226-BC/1"' },
    sheets: [
      {
        name: "Báo cáo",
        columnWidths: [6, 40, 18, 18],
        rowHeights: { 0: 30, 2: 45 },
        merges: ["A1:D1"],
        protect: true,
        print: { landscape: true, fitToWidth: true },
        rows: [
          [c("BÁO CÁO THỰC HIỆN KẾT LUẬN 226-KL/TW", TITLE), null, null, null],
          [c("Đơn vị:"), c(null, INPUT), c("Loại đơn vị:"), c(null, INPUT)],
          [c("STT", HEADER), c("Nội dung", HEADER), c("Số lượng", HEADER), c("Ngày", HEADER)],
          [c(1), c("Số cuộc kiểm tra"), c(null, INPUT), c(null, { ...INPUT, numFmt: "dd/mm/yyyy" })],
        ],
        dataValidations: [
          {
            type: "list",
            ref: "D2:D2",
            values: UNIT_TYPES,
            prompt: { title: "Loại đơn vị", text: "Chọn loại đơn vị trong danh sách." },
            error: { title: "Sai loại đơn vị", text: "Giá trị phải nằm trong danh sách." },
          },
          { type: "list", ref: "B2", values: ["Có", "Không"] },
          {
            type: "whole",
            ref: "C4:C200",
            min: 0,
            prompt: { title: "Số lượng", text: "Nhập số nguyên không âm." },
            error: { title: "Sai số liệu", text: "Chỉ nhập số nguyên ≥ 0." },
          },
          { type: "whole", ref: "A4:A200", min: 1, max: 999 },
        ],
      },
      { name: "Ẩn", hidden: true, rows: [[c("bí mật")]] },
    ],
  };
}

const RED: CellStyle = { fill: "FFC7CE", border: true, numFmt: "0.0%" };
const GREEN: CellStyle = { fill: "C6EFCE", border: true, numFmt: "0.0%" };
const NUM: CellStyle = { border: true, numFmt: "#,##0" };

function summarySpec(rowCount: number, colCount = 30): WorkbookSpec {
  const header: CellSpec[] = [];
  for (let col = 0; col < colCount; col++) header.push(c(`Cột ${col + 1}`, { bold: true, border: true }));
  const rows: (CellSpec | null)[][] = [[c("TỔNG HỢP", { bold: true })], header];
  for (let r = 0; r < rowCount; r++) {
    const row: CellSpec[] = [c(`Đơn vị ${r + 1}`, { border: true })];
    for (let col = 1; col < colCount; col++) {
      if (col % 3 === 0) row.push(c(((r * col) % 100) / 100, (r + col) % 2 === 0 ? RED : GREEN));
      else row.push(c(r * 1000 + col, NUM));
    }
    rows.push(row);
  }
  return {
    title: "Tổng hợp",
    sheets: [
      {
        name: "Tổng hợp",
        rows,
        freeze: { rows: 2, cols: 1 },
        autoFilter: `A2:${String.fromCharCode(64 + Math.min(colCount, 26))}${rowCount + 2}`,
      },
    ],
  };
}

describe("writeXlsx: cells", () => {
  const tricky = [
    "=1+1",
    "+84 912 345 678",
    "-5",
    "@home",
    "  lề hai bên  ",
    "dòng 1\ndòng 2",
    "a & b < c > d \"q\" 'a'",
    "ctrl\u0001char\u001Fend",
    "literal _x0041_ escape",
    "cr\r\nlf",
    "emoji 😀 ok",
  ];
  const spec: WorkbookSpec = {
    sheets: [
      {
        name: "Dữ liệu",
        rows: [
          tricky.map((s) => c(s)),
          [
            c(42),
            c(-0.125),
            c(1e21),
            c(Number.NaN, { bold: true }),
            c(Number.POSITIVE_INFINITY),
            c(true),
            c(false),
          ],
          [
            c({ date: { year: 2024, month: 2, day: 29 } }),
            c({ date: { year: 2024, month: 12, day: 31 } }, { numFmt: "yyyy-mm-dd" }),
            c({ date: { year: 1900, month: 1, day: 1 } }),
            c({ date: { year: 2023, month: 2, day: 29 } }),
          ],
          [
            c({ formula: "SUM(A2:B2)", cached: 41.875 }),
            c({ formula: '=CONCAT("a","b")', cached: "ab" }),
            c({ formula: "A2>0", cached: true }),
            c({ formula: "NOW()" }),
            c(""),
          ],
          [],
          [null, c("sau dòng trống")],
        ],
      },
    ],
  };
  const bytes = writeXlsx(spec);

  it("keeps strings that look like formulas, numbers or escapes as text", async () => {
    const ws = sheetOf(await load(bytes), "Dữ liệu");
    tricky.forEach((s, i) => {
      const cell = ws.getCell(1, i + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    });
    expect(ws.getCell("A1").value).toBe("=1+1");
    expect(ws.getCell("B1").value).toBe("+84 912 345 678");
    expect(ws.getCell("C1").value).toBe("-5");
    expect(ws.getCell("D1").value).toBe("@home");
    expect(ws.getCell("E1").value).toBe("  lề hai bên  ");
    expect(ws.getCell("F1").value).toBe("dòng 1\ndòng 2");
    expect(ws.getCell("G1").value).toBe("a & b < c > d \"q\" 'a'");
    expect(ws.getCell("H1").value).toBe("ctrl\u0001char\u001Fend");
    expect(ws.getCell("I1").value).toBe("literal _x0041_ escape");
    expect(ws.getCell("J1").value).toBe("cr\r\nlf");
    expect(ws.getCell("K1").value).toBe("emoji 😀 ok");
  });

  it("writes shared strings with preserve, escapes and counts", () => {
    const sst = part(bytes, "xl/sharedStrings.xml");
    expect(sst).toContain('<t xml:space="preserve">  lề hai bên  </t>');
    expect(sst).toContain("ctrl_x0001_char_x001F_end");
    expect(sst).toContain("literal _x005F_x0041_ escape");
    expect(sst).toContain("cr_x000D_\nlf");
    expect(sst).toContain("a &amp; b &lt; c &gt; d");
    expect(sst).toMatch(/count="12" uniqueCount="12"/);
  });

  it("writes numbers, booleans and drops non-finite numbers", async () => {
    const ws = sheetOf(await load(bytes), "Dữ liệu");
    expect(ws.getCell("A2").value).toBe(42);
    expect(ws.getCell("B2").value).toBe(-0.125);
    expect(ws.getCell("C2").value).toBe(1e21);
    expect(ws.getCell("D2").value).toBeNull();
    expect(ws.getCell("D2").font?.bold).toBe(true);
    expect(ws.getCell("E2").value).toBeNull();
    expect(ws.getCell("F2").value).toBe(true);
    expect(ws.getCell("G2").value).toBe(false);
  });

  it("writes dates as 1900-system serials with dd/mm/yyyy by default", async () => {
    const sheet = part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<c r="A3" s="\d+"><v>45351<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="C3" s="\d+"><v>1<\/v><\/c>/);
    expect(sheet).not.toContain('r="D3"'); // 29/02/2023 does not exist
    const ws = sheetOf(await load(bytes), "Dữ liệu");
    expect(ws.getCell("A3").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B3").numFmt).toBe("yyyy-mm-dd");
    const a3 = ws.getCell("A3").value;
    expect(a3).toBeInstanceOf(Date);
    expect((a3 as Date).toISOString().slice(0, 10)).toBe("2024-02-29");
  });

  it("computes serials around Excel's fake 29/02/1900", () => {
    expect(dateSerial({ year: 1900, month: 1, day: 1 })).toBe(1);
    expect(dateSerial({ year: 1900, month: 2, day: 28 })).toBe(59);
    expect(dateSerial({ year: 1900, month: 3, day: 1 })).toBe(61);
    expect(dateSerial({ year: 2024, month: 1, day: 1 })).toBe(45292);
    expect(dateSerial({ year: 1899, month: 12, day: 31 })).toBeUndefined();
    expect(dateSerial({ year: 2024, month: 13, day: 1 })).toBeUndefined();
  });

  it("writes formulas with cached values of each type", async () => {
    const sheet = part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<c r="A4"><f>SUM(A2:B2)</f><v>41.875</v></c>');
    expect(sheet).toContain('t="str"><f>CONCAT("a","b")</f><v>ab</v></c>');
    expect(sheet).toContain('<c r="C4" t="b"><f>A2&gt;0</f><v>1</v></c>');
    expect(sheet).toContain('<c r="D4"><f>NOW()</f></c>');
    expect(sheet).not.toContain('r="E4"');
    // D4 has no cached value: Excel is asked to recalculate on load.
    expect(part(bytes, "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
    const ws = sheetOf(await load(bytes), "Dữ liệu");
    expect(ws.getCell("A4").formula).toBe("SUM(A2:B2)");
    expect(ws.getCell("A4").result).toBe(41.875);
    expect(ws.getCell("B4").result).toBe("ab");
  });

  it("asks for recalculation on load only when a formula has no cached value", () => {
    const cachedOnly = writeXlsx({
      sheets: [{ name: "S", rows: [[{ value: 2 }, { value: { formula: "A1*2", cached: 4 } }]] }],
    });
    expect(part(cachedOnly, "xl/workbook.xml")).toContain('<calcPr calcId="191029"/>');
  });

  it("writes a correct dimension and skips empty rows", () => {
    const sheet = part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<dimension ref="A1:K6"/>');
    expect(sheet).not.toContain('<row r="5"');
    expect(sheet).toContain('<row r="6"><c r="B6"');
  });

  it("is deterministic", () => {
    expect(Buffer.from(writeXlsx(spec)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("writeXlsx: the report template", () => {
  const bytes = writeXlsx(templateSpec());

  it("writes parts in a valid package", () => {
    const files = Object.keys(unzipSync(bytes));
    expect(files[0]).toBe("[Content_Types].xml");
    expect(files).toEqual(
      expect.arrayContaining([
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
      ]),
    );
    const core = part(bytes, "docProps/core.xml");
    expect(core).toContain("<dc:title>Mẫu báo cáo KL226</dc:title>");
    expect(core).toContain("<dc:creator>KL226</dc:creator>");
  });

  it("has the defined name KL226_TEMPLATE as a string literal", async () => {
    expect(part(bytes, "xl/workbook.xml")).toContain(
      '<definedName name="KL226_TEMPLATE">"KL226-BC/1"</definedName>',
    );
    const wb = await load(bytes);
    expect(wb.title).toBe("Mẫu báo cáo KL226");
    expect(wb.creator).toBe("KL226");
  });

  it("merges the title and sets widths, heights, wrap and fonts", async () => {
    const ws = sheetOf(await load(bytes), "Báo cáo");
    expect(ws.getCell("B1").isMerged).toBe(true);
    expect(ws.getCell("D1").master.address).toBe("A1");
    expect(ws.getCell("A1").value).toBe("BÁO CÁO THỰC HIỆN KẾT LUẬN 226-KL/TW");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getColumn(2).width).toBeCloseTo(40.7109375, 5);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getRow(3).height).toBe(45);
    expect(ws.getCell("B3").alignment).toMatchObject({
      wrapText: true,
      horizontal: "center",
      vertical: "middle",
    });
    expect(ws.getCell("B3").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFD9E1F2" },
    });
    expect(ws.getCell("B3").border?.left?.style).toBe("thin");
  });

  it("protects the sheet without a password and unlocks input cells", async () => {
    const sheet = part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(
      '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" insertRows="0" autoFilter="0" sort="0"/>',
    );
    expect(sheet).not.toMatch(/password/i);
    const ws = sheetOf(await load(bytes), "Báo cáo");
    // ExcelJS parses sheetProtection but does not declare it in its typings.
    expect((ws as unknown as { sheetProtection?: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.getCell("B2").protection).toMatchObject({ locked: false });
    expect(ws.getCell("C4").protection).toMatchObject({ locked: false });
    expect(ws.getCell("A1").protection?.locked).not.toBe(false);
    expect(ws.getCell("D4").numFmt).toBe("dd/mm/yyyy");
  });

  it("writes list validations inline or through the helper sheet", async () => {
    const wb = await load(bytes);
    const ws = sheetOf(wb, "Báo cáo");
    const d2 = ws.getCell("D2").dataValidation;
    expect(d2).toMatchObject({
      type: "list",
      allowBlank: true,
      showInputMessage: true,
      showErrorMessage: true,
      promptTitle: "Loại đơn vị",
      prompt: "Chọn loại đơn vị trong danh sách.",
      errorTitle: "Sai loại đơn vị",
      error: "Giá trị phải nằm trong danh sách.",
    });
    // "Sở, ban, ngành" holds commas: the list lives in the helper sheet.
    expect(d2.formulae).toEqual(["'_lists'!$A$1:$A$4"]);
    expect(ws.getCell("B2").dataValidation).toMatchObject({ type: "list", formulae: ['"Có,Không"'] });
    const lists = sheetOf(wb, "_lists");
    expect(lists.state).toBe("veryHidden");
    expect([1, 2, 3, 4].map((r) => lists.getCell(r, 1).value)).toEqual(UNIT_TYPES);
  });

  it("writes whole-number validations with between and greaterThanOrEqual", async () => {
    const ws = sheetOf(await load(bytes), "Báo cáo");
    expect(ws.getCell("C10").dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      prompt: "Nhập số nguyên không âm.",
      error: "Chỉ nhập số nguyên ≥ 0.",
    });
    expect(ws.getCell("A4").dataValidation).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [1, 999],
    });
    expect(part(bytes, "xl/worksheets/sheet1.xml")).toContain('sqref="D2"');
  });

  it("hides the hidden sheet and keeps the visible one active", async () => {
    const wb = await load(bytes);
    expect(sheetOf(wb, "Ẩn").state).toBe("hidden");
    expect(sheetOf(wb, "Báo cáo").state).toBe("visible");
    const xml = part(bytes, "xl/workbook.xml");
    expect(xml).toContain('<sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/>');
    expect(xml).toContain('activeTab="0"');
  });

  it("sets up A4 printing, landscape, fit to width", () => {
    const sheet = part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain(
      '<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>',
    );
  });

  it("writes worksheet children in the CT_Worksheet order", () => {
    const order = [
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "sheetProtection",
      "autoFilter",
      "mergeCells",
      "dataValidations",
      "pageMargins",
      "pageSetup",
    ];
    const cases: [string, number][] = [
      [part(bytes, "xl/worksheets/sheet1.xml"), 11], // everything but autoFilter
      [part(writeXlsx(summarySpec(5)), "xl/worksheets/sheet1.xml"), 7],
    ];
    for (const [xml, present] of cases) {
      const positions = order.map((tag) => xml.indexOf("<" + tag)).filter((p) => p >= 0);
      expect(positions).toHaveLength(present);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it("truncates data-validation messages to Excel's limits", async () => {
    const long = "Đ".repeat(300);
    const bytes2 = writeXlsx({
      sheets: [
        {
          name: "S",
          rows: [[c(1)]],
          dataValidations: [
            {
              type: "whole",
              ref: "A1",
              min: 0,
              prompt: { title: long, text: long },
              error: { title: long, text: long },
            },
          ],
        },
      ],
    });
    const dv = sheetOf(await load(bytes2), "S").getCell("A1").dataValidation;
    expect(dv.promptTitle).toHaveLength(32);
    expect(dv.prompt).toHaveLength(255);
    expect(dv.errorTitle).toHaveLength(32);
    expect(dv.error).toHaveLength(225);
  });
});

describe("writeXlsx: the consolidation summary", () => {
  const bytes = writeXlsx(summarySpec(200));

  it("freezes the header, sets the autofilter and its hidden defined name", async () => {
    const ws = sheetOf(await load(bytes), "Tổng hợp");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" });
    expect(ws.autoFilter).toBe("A2:Z202");
    expect(part(bytes, "xl/workbook.xml")).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'Tổng hợp\'!$A$2:$Z$202</definedName>',
    );
  });

  it("writes fills, percent and thousands formats, bold headers", async () => {
    const ws = sheetOf(await load(bytes), "Tổng hợp");
    expect(ws.getCell("A2").font?.bold).toBe(true);
    const d3 = ws.getCell("D3");
    expect(d3.numFmt).toBe("0.0%");
    expect(d3.fill).toMatchObject({
      pattern: "solid",
      fgColor: { argb: expect.stringMatching(/^FF(FFC7CE|C6EFCE)$/) },
    });
    expect(ws.getCell("B3").numFmt).toBe("#,##0");
    expect(ws.getCell("B3").value).toBe(1);
  });

  it("deduplicates styles and uses built-in number format ids", () => {
    const styles = part(bytes, "xl/styles.xml");
    expect(styles).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>');
    expect(styles).toMatch(
      /<fills count="4"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/>/,
    );
    expect(styles).toContain('<xf numFmtId="3" ');
    const xfCount = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
    // default, title, header, unit name, red, green, number: one xf each however many cells use them.
    expect(xfCount).toBe(7);
  });

  it("maps built-in and custom number formats", () => {
    const b = writeXlsx({
      sheets: [
        {
          name: "F",
          rows: [
            ["0%", "0.00%", "@", "#,##0", "0.0%", "dd/mm/yyyy", "#,##0.0"].map((f) => c(1, { numFmt: f })),
          ],
        },
      ],
    });
    const styles = part(b, "xl/styles.xml");
    for (const id of [9, 10, 49, 3, 164, 165, 166]) expect(styles).toContain(`<xf numFmtId="${id}" `);
    expect(styles).toContain('formatCode="dd/mm/yyyy"');
  });
});

describe("writeXlsx: validation of the spec", () => {
  const one = (sheet: Partial<SheetSpec>): WorkbookSpec => ({ sheets: [{ name: "S", rows: [], ...sheet }] });

  it("rejects bad sheet names and duplicates", () => {
    expect(() => writeXlsx(one({ name: "a/b" }))).toThrow(/sheet name/);
    expect(() => writeXlsx(one({ name: "x".repeat(32) }))).toThrow(/1–31/);
    expect(() =>
      writeXlsx({
        sheets: [
          { name: "Tổng", rows: [] },
          { name: "TỔNG", rows: [] },
        ],
      }),
    ).toThrow(/duplicate/);
  });

  it("rejects overlapping merges, bad ranges, no visible sheet, bad names", () => {
    expect(() => writeXlsx(one({ merges: ["A1:C1", "B1:B3"] }))).toThrow(/overlapping/);
    expect(() => writeXlsx(one({ autoFilter: "A1:ZZZZ3" }))).toThrow(/invalid cell range/);
    expect(() => writeXlsx(one({ hidden: true }))).toThrow(/visible/);
    expect(() => writeXlsx({ ...one({}), definedNames: { A1: "1" } })).toThrow(/defined name/);
  });

  it("quotes sheet names with apostrophes in references and writes an empty sheet", () => {
    const b = writeXlsx({ sheets: [{ name: "Bob's", rows: [], autoFilter: "A1:B2" }] });
    expect(part(b, "xl/workbook.xml")).toContain("'Bob''s'!$A$1:$B$2");
    expect(part(b, "xl/worksheets/sheet1.xml")).toContain('<dimension ref="A1"/><sheetViews>');
  });

  it("escapes text per ST_Xstring", () => {
    expect(escapeText("plain")).toBe("plain");
    expect(escapeText("_x000D_")).toBe("_x005F_x000D_");
    expect(escapeText("a\u0000b")).toBe("a_x0000_b");
    expect(escapeText("\uD800x")).toBe("_xD800_x");
    expect(escapeText("😀")).toBe("😀");
  });
});

describe("writeXlsx: a large summary", () => {
  // Its speed is a figure of `npm run bench` (scripts/bench-write.ts); the timeout here only guards
  // against a hang or a quadratic slip (the write takes well under a second).
  it("writes 4,000 x 30 and every row reads back", () => {
    const read = readXlsx(writeXlsx(summarySpec(4000)));
    if (!read.ok) throw new Error(read.reason);
    const rows = read.workbook.sheets.find((s) => s.name === "Tổng hợp")?.rows ?? [];
    expect(rows.filter((r) => r !== undefined)).toHaveLength(4002);
    expect(rows[4001]?.[0]?.value).toEqual({ kind: "string", value: "Đơn vị 4000" });
  }, 30_000);
});

describe("writeXlsx: real applications open the files", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "kl226-write-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // LibreOffice and openpyxl are installed by scripts/ensure-tools.sh (npm test); without them these fail, saying so.
  it("LibreOffice converts the template to PDF and CSV with the right text", async () => {
    const file = join(dir, "mau.xlsx");
    writeFileSync(file, writeXlsx(templateSpec()));
    const pdf = await convertWithLibreOffice(file, "pdf", join(dir, "pdf"));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    // LibreOffice quotes text fields; the quotes are not under test.
    const csv = readFileSync(await convertWithLibreOffice(file, "csv", join(dir, "csv")), "utf8").replace(
      /"/g,
      "",
    );
    expect(csv).toContain("BÁO CÁO THỰC HIỆN KẾT LUẬN 226-KL/TW");
    expect(csv).toContain("STT,Nội dung,Số lượng,Ngày");
  }, 150_000);

  it("LibreOffice round-trips the summary to xlsx and keeps values", async () => {
    const file = join(dir, "tonghop.xlsx");
    writeFileSync(file, writeXlsx(summarySpec(300)));
    const csv = readFileSync(await convertWithLibreOffice(file, "csv", join(dir, "csv2")), "utf8").replace(
      /"/g,
      "",
    );
    const lines = csv.split(/\r?\n/);
    expect(lines[1]?.startsWith("Cột 1,Cột 2,Cột 3")).toBe(true);
    expect(lines[2]?.startsWith("Đơn vị 1,1,2,")).toBe(true);
    const xlsx = await convertWithLibreOffice(file, "xlsx", join(dir, "xlsx"));
    const ws = sheetOf(await load(readFileSync(xlsx)), "Tổng hợp");
    expect(ws.getCell("A302").value).toBe("Đơn vị 300");
    expect(ws.getCell("D3").numFmt).toBe("0.0%");
    // No frozen-pane check here: headless LibreOffice has no view and drops panes from any file it re-saves.
  }, 150_000);

  it("LibreOffice keeps the template's validations, protection and merges when it re-saves it", async () => {
    const file = join(dir, "mau-roundtrip.xlsx");
    writeFileSync(file, writeXlsx(templateSpec()));
    const resaved = readFileSync(await convertWithLibreOffice(file, "xlsx", join(dir, "xlsx2")));
    const wb = await load(resaved);
    const ws = sheetOf(wb, "Báo cáo");
    const d2 = ws.getCell("D2").dataValidation;
    expect(d2.type).toBe("list");
    expect(String(d2.formulae?.[0])).toMatch(/_lists.*\$A\$1:\$A\$4/);
    const c5 = ws.getCell("C5").dataValidation;
    expect(c5).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
    expect(c5.formulae?.[0]).toBe(0);
    expect(ws.getCell("D1").master.address).toBe("A1");
    expect(sheetOf(wb, "Ẩn").state).toBe("hidden");
    // LibreOffice writes locked="false", which ExcelJS does not parse: look at the raw xf instead.
    const xfIndex = Number(/<c r="C4" s="(\d+)"/.exec(part(resaved, "xl/worksheets/sheet1.xml"))?.[1]);
    const xfs =
      /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(part(resaved, "xl/styles.xml"))?.[1]?.split("</xf>") ?? [];
    expect(xfs[xfIndex]).toMatch(/<protection locked="(false|0)"/);
    expect(part(resaved, "xl/worksheets/sheet1.xml")).toMatch(/<sheetProtection sheet="(true|1)"/);
  }, 150_000);

  const python = "/usr/bin/python3";
  it("openpyxl loads the files and sees the same content", () => {
    const template = join(dir, "mau-openpyxl.xlsx");
    const summary = join(dir, "tonghop-openpyxl.xlsx");
    writeFileSync(template, writeXlsx(templateSpec()));
    // The template zipped by fflate (the browser's codec), the summary by zlib (the CLI's).
    writeFileSync(summary, writeXlsx(summarySpec(100), NODE_ZIP_CODEC));
    const script = `
import json, sys, warnings
warnings.simplefilter("error")
import openpyxl
t = openpyxl.load_workbook(sys.argv[1])
s = openpyxl.load_workbook(sys.argv[2])
ws = t["Báo cáo"]
dv = ws.data_validations.dataValidation
out = {
  "sheets": t.sheetnames,
  "states": [w.sheet_state for w in t.worksheets],
  "a1": ws["A1"].value,
  "merged": [str(r) for r in ws.merged_cells.ranges],
  "protected": ws.protection.sheet,
  "dv": sorted([d.type, d.formula1, str(d.sqref)] for d in dv),
  "name": t.defined_names["KL226_TEMPLATE"].attr_text,
  "freeze": s["Tổng hợp"].freeze_panes,
  "filter": s["Tổng hợp"].auto_filter.ref,
  "dim": s["Tổng hợp"].dimensions,
  "d3fmt": s["Tổng hợp"]["D3"].number_format,
}
print(json.dumps(out, ensure_ascii=False))
`;
    const out = execFileSync(python, ["-c", script, template, summary], { encoding: "utf8" });
    const got = JSON.parse(out) as Record<string, unknown>;
    expect(got).toMatchObject({
      sheets: ["Báo cáo", "Ẩn", "_lists"],
      states: ["visible", "hidden", "veryHidden"],
      a1: "BÁO CÁO THỰC HIỆN KẾT LUẬN 226-KL/TW",
      merged: ["A1:D1"],
      protected: true,
      name: '"KL226-BC/1"',
      freeze: "B3",
      filter: "A2:Z102",
      dim: "A1:AD102",
      d3fmt: "0.0%",
    });
    expect(got.dv).toEqual([
      ["list", '"Có,Không"', "B2"],
      ["list", "'_lists'!$A$1:$A$4", "D2"],
      ["whole", "0", "C4:C200"],
      ["whole", "1", "A4:A200"],
    ]);
  });
});
