// Tests readXlsx on files written by real programs: exceljs (in the test), openpyxl and LibreOffice (committed
// fixtures made by scripts/make-reader-fixtures.sh).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Sheet, Workbook } from "../core/workbook";
import { cellAt } from "../core/workbook";
import { createNodeInflateRaw } from "./node-inflate";
import { readXlsx } from "./read";

const FIXTURES = join(__dirname, "../../test/fixtures/xlsx");

function read(bytes: Uint8Array, node = false): Workbook {
  const out = readXlsx(bytes, node ? { inflateRaw: createNodeInflateRaw() } : {});
  if (!out.ok) throw new Error(`${out.reason}: ${out.detail ?? ""}`);
  return out.workbook;
}

function sheet(wb: Workbook, name: string): Sheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no sheet ${name}`);
  return s;
}

describe("exceljs-written workbook", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu 1");
    ws.getCell("A1").value = "Tên đơn vị";
    ws.getCell("B1").value = 1234.5;
    ws.getCell("C1").value = new Date(Date.UTC(2024, 2, 15));
    ws.getCell("C1").numFmt = "dd/mm/yyyy";
    ws.getCell("D1").value = true;
    ws.getCell("E1").value = { formula: "B1*2", result: 2469 };
    ws.getCell("F1").value = { richText: [{ text: "Tổng " }, { font: { bold: true }, text: "cộng" }] };
    ws.getCell("G1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("A3").value = "a & <b>";
    ws.getCell("H5").value = { formula: 'A1&"!"', result: "Tên đơn vị!" };
    wb.definedNames.add("'Biểu 1'!$A$1", "TenDonVi");
    const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
    hidden.getCell("A1").value = 7;
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  test.each([false, true])("values, types and formulas (node inflate: %s)", (node) => {
    const wb = read(bytes, node);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Biểu 1", "Ẩn"]);
    const s = sheet(wb, "Biểu 1");
    expect(cellAt(s, 0, 0)?.value).toEqual({ kind: "string", value: "Tên đơn vị" });
    expect(cellAt(s, 0, 1)?.value).toEqual({ kind: "number", value: 1234.5 });
    expect(cellAt(s, 0, 2)?.value).toEqual({ kind: "number", value: 45366, isDate: true });
    expect(cellAt(s, 0, 3)?.value).toEqual({ kind: "boolean", value: true });
    expect(cellAt(s, 0, 4)).toEqual({ value: { kind: "number", value: 2469 }, formula: true });
    expect(cellAt(s, 0, 5)?.value).toEqual({ kind: "string", value: "Tổng cộng" });
    expect(cellAt(s, 0, 6)?.value).toEqual({ kind: "error", value: "#N/A" });
    expect(cellAt(s, 2, 0)?.value).toEqual({ kind: "string", value: "a & <b>" });
    expect(cellAt(s, 4, 7)).toEqual({ value: { kind: "string", value: "Tên đơn vị!" }, formula: true });
    expect(wb.definedNames["TenDonVi"]).toBe("'Biểu 1'!$A$1");
    expect(cellAt(sheet(wb, "Ẩn"), 0, 0)?.value).toEqual({ kind: "number", value: 7 });
  });
});

test("exceljs rich text in .VnTimeH and .VnTime runs, in Times New Roman cells, carries the runs' fonts", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = {
    richText: [
      { font: { name: ".VnTimeH", size: 12 }, text: "uû ban " },
      { font: { name: ".VnTimeH", bold: true }, text: "nh©n d©n" },
    ],
  };
  ws.getCell("A2").value = {
    richText: [
      { font: { name: "Times New Roman" }, text: "Đã " },
      { font: { name: ".VnTime" }, text: "hoµn thµnh" },
    ],
  };
  for (const at of ["A1", "A2"]) ws.getCell(at).font = { name: "Times New Roman" };
  const s = sheet(read(new Uint8Array(await wb.xlsx.writeBuffer())), "S");
  expect(cellAt(s, 0, 0)?.value).toEqual({
    kind: "string",
    value: "uû ban nh©n d©n",
    font: "TCVN3_CAPITALS",
    fontName: ".VnTimeH",
  });
  expect(cellAt(s, 1, 0)?.value).toEqual({
    kind: "string",
    value: "Đã hoµn thµnh",
    runs: [{ text: "Đã " }, { text: "hoµn thµnh", font: "TCVN3", fontName: ".VnTime" }],
  });
});

describe("openpyxl fixture (formulas saved without cached values)", () => {
  const wb = read(readFileSync(join(FIXTURES, "openpyxl-basic.xlsx")));
  const s = sheet(wb, "Báo cáo");

  test("cells", () => {
    expect(cellAt(s, 0, 0)?.value).toEqual({ kind: "string", value: "Tên đơn vị" });
    expect(cellAt(s, 1, 1)?.value).toEqual({ kind: "number", value: 12 });
    expect(cellAt(s, 1, 2)?.value).toEqual({ kind: "number", value: 45366, isDate: true });
    // openpyxl writes the CR as _x000D_.
    expect(cellAt(s, 2, 0)?.value).toEqual({ kind: "string", value: "Dòng 1\r\nDòng 2" });
    expect(cellAt(s, 2, 1)?.value).toEqual({ kind: "number", value: 3.5 });
    expect(cellAt(s, 2, 3)?.value).toEqual({ kind: "boolean", value: true });
    expect(cellAt(s, 9, 4)?.value).toEqual({ kind: "string", value: "xa" });
  });

  test("a formula without a cached value reads as empty, flagged as a formula", () => {
    expect(cellAt(s, 3, 1)).toEqual({ value: { kind: "empty" }, formula: true });
  });

  test("hidden sheet and defined name", () => {
    expect(wb.sheets.map((x) => x.name)).toEqual(["Báo cáo", "Ẩn"]);
    expect(wb.definedNames["KL226_ID"]).toBe("KL226-BC/1");
  });
});

describe("LibreOffice fixtures", () => {
  test("converted from CSV", () => {
    const wb = read(readFileSync(join(FIXTURES, "lo-from-csv.xlsx")));
    expect(wb.sheets.length).toBe(1);
    const s = wb.sheets[0]!;
    expect(cellAt(s, 0, 1)?.value).toEqual({ kind: "string", value: "Nội dung" });
    expect(cellAt(s, 1, 2)?.value).toEqual({ kind: "number", value: 5 });
    expect(cellAt(s, 2, 2)?.value).toEqual({ kind: "number", value: 1234.5 });
  });

  test("round trip of the openpyxl file: LibreOffice saves cached formula values", () => {
    const wb = read(readFileSync(join(FIXTURES, "lo-roundtrip.xlsx")), true);
    const s = sheet(wb, "Báo cáo");
    expect(cellAt(s, 3, 1)).toEqual({ value: { kind: "number", value: 15.5 }, formula: true });
    expect(cellAt(s, 1, 2)?.value).toEqual({ kind: "number", value: 45366, isDate: true });
    // LibreOffice turns the CR LF into LF, and writes TRUE as the formula TRUE().
    expect(cellAt(s, 2, 0)?.value).toEqual({ kind: "string", value: "Dòng 1\nDòng 2" });
    expect(cellAt(s, 2, 3)).toEqual({ value: { kind: "boolean", value: true }, formula: true });
    expect(wb.definedNames["KL226_ID"]).toBe("KL226-BC/1");
    expect(cellAt(sheet(wb, "Ẩn"), 0, 0)?.value).toEqual({ kind: "number", value: 7 });
  });
});
