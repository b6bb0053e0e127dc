// Reading the open workbook through Office.js (mocked with office-addin-mock) gives the same model
// facts, and so the same findings, as reading the saved file; in two syncs.

import { OfficeMockObject } from "office-addin-mock";
import { DEFAULT_PROFILE } from "../../core/profile";
import { validateWorkbook } from "../../core/validate";
import type { Sheet, Workbook } from "../../core/workbook";
import { readXlsx } from "../../xlsx/read";
import { dateFromSerial, viDate } from "../../core/dates";
import { reportBytes } from "../../../test/helpers/report-builder";
import { withFont } from "../../../test/helpers/legacy-fonts";
import { cellValue, readOpenWorkbook, sheetFromRange, type RangeData } from "./read-workbook";

/** The used range Excel would report for a sheet of the file model. */
function rangeOf(sheet: Sheet, date1904 = false): RangeData {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || cell.value.kind === "empty") return;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }),
  );
  const grid = <T>(f: (r: number, c: number) => T): T[][] =>
    Array.from({ length: r1 - r0 + 1 }, (_, r) =>
      Array.from({ length: c1 - c0 + 1 }, (_, c) => f(r + r0, c + c0)),
    );
  const at = (r: number, c: number) => sheet.rows[r]?.[c]?.value ?? { kind: "empty" as const };
  const typeName = {
    number: "Double",
    string: "String",
    boolean: "Boolean",
    error: "Error",
    empty: "Empty",
  } as const;
  return {
    rowIndex: r0,
    columnIndex: c0,
    values: grid((r, c) => {
      const v = at(r, c);
      return v.kind === "empty" ? "" : v.value;
    }),
    valueTypes: grid((r, c) => typeName[at(r, c).kind]),
    numberFormat: grid((r, c) => {
      const v = at(r, c);
      return v.kind === "number" && v.isDate ? "dd/mm/yyyy" : "General";
    }),
    formulas: grid((r, c) => {
      const v = at(r, c);
      return v.kind === "empty" ? "" : v.value;
    }),
    text: grid((r, c) => {
      const v = at(r, c);
      if (v.kind === "number" && v.isDate) {
        const d = dateFromSerial(v.value, date1904);
        return d ? viDate(d) : "";
      }
      return v.kind === "empty" ? "" : String(v.value);
    }),
  };
}

/** The font Excel gives each cell of `range` (rangeOf's), as the file model shows it in one. */
function fontsOf(sheet: Sheet, range: RangeData): string[][] {
  const names = { TCVN3: ".VnTime", TCVN3_CAPITALS: ".VnTimeH", VNI: "VNI-Times" } as const;
  return range.values.map((row, r) =>
    row.map((_, c) => {
      const value = sheet.rows[r + range.rowIndex]?.[c + range.columnIndex]?.value;
      if (value?.kind !== "string" || value.font === undefined) return "Times New Roman";
      return value.fontName ?? names[value.font];
    }),
  );
}

/**
 * A request context over mocked worksheets; counts syncs, which used ranges were asked for and of
 * which sheets the cells' fonts (getCellProperties, answering `fonts`).
 */
function contextFor(sheets: ReadonlyArray<{ name: string; range: RangeData; fonts?: string[][] }>) {
  const asked: string[] = [];
  const fontsAsked: string[] = [];
  const mocks: OfficeMockObject[] = [];
  const items = sheets.map(({ name, range, fonts }) => {
    const size = {
      rowCount: range.values.length,
      columnCount: Math.max(0, ...range.values.map((row) => row.length)),
    };
    const getCellProperties = () => {
      fontsAsked.push(name);
      return { value: (fonts ?? []).map((row) => row.map((font) => ({ format: { font: { name: font } } }))) };
    };
    const used = Object.assign(
      new OfficeMockObject({ ...range, ...size, getCellProperties } as unknown as Record<string, unknown>),
      { isNullObject: false },
    );
    mocks.push(used);
    const ws = new OfficeMockObject({
      name,
      getUsedRangeOrNullObject: () => {
        asked.push(name);
        return used;
      },
    });
    mocks.push(ws);
    return ws;
  });
  let syncs = 0;
  const context = {
    workbook: { worksheets: { items, load: () => items.forEach((ws) => ws.load("name")) } },
    sync: async () => {
      syncs++;
      await Promise.all(mocks.map((m) => m.sync()));
      await new Promise((r) => setTimeout(r, 0));
    },
  } as unknown as Excel.RequestContext;
  return { context, asked, fontsAsked, syncs: () => syncs };
}

function fileModel(bytes: Uint8Array): Workbook {
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.workbook;
}

test("the open workbook reads into the same findings as the saved file, in 2 syncs", async () => {
  const bytes = reportBytes({
    unit: "SO_TEST",
    name: "Sở Thử",
    counts: { HN_TONG: [100, -5], TTHC_TONG: [10, " 1.234 "] },
  });
  const file = fileModel(bytes);
  const sheets = [
    ...file.sheets.map((s) => ({ name: s.name, range: rangeOf(s) })),
    {
      name: "Ghi chú riêng",
      range: rangeOf({ name: "x", rows: [[{ value: { kind: "string", value: "?" } }]] }),
    },
  ];
  const { context, asked, fontsAsked, syncs } = contextFor(sheets);

  const model = await readOpenWorkbook(context);

  expect(syncs()).toBe(2);
  expect(fontsAsked).toEqual([]); // no text typed in TCVN3 or VNI: no fonts asked for
  expect(asked).not.toContain("Ghi chú riêng"); // only the template sheets are read
  const fromExcel = validateWorkbook(model, DEFAULT_PROFILE);
  const fromFile = validateWorkbook(file, DEFAULT_PROFILE);
  expect(fromExcel.findings).toEqual(fromFile.findings);
  expect(fromExcel.findings).toContainEqual(
    expect.objectContaining({ code: "BAD_VALUE", sheet: "Chỉ tiêu", cell: "E5" }),
  );
  expect(fromExcel.findings).toContainEqual(expect.objectContaining({ code: "COERCED", cell: "E9" }));
  expect(model.date1904).toBe(false);
});

// A clerk who renamed Thông tin in Excel was told "Thiếu trang tính … tải mẫu mới và chép số liệu sang",
// with no unit: the add-in read only the sheets named as the template's, so the check that finds a
// renamed sheet (by its name or rows) had nothing to look at. A file sent says what to rename.
test("a renamed Thông tin in the open workbook is found and said as in a file sent; the clerk's own sheets are read only then", async () => {
  const file = fileModel(reportBytes({ unit: "SO_OK", name: "Sở Tốt" }));
  const renamed = file.sheets.map((s) => ({
    name: s.name === "Thông tin" ? "Thong tin" : s.name,
    range: rangeOf(s),
  }));
  // A data sheet of the clerk's, 300 × 100 cells: sized, not loaded.
  const cell = { value: { kind: "number", value: 1 } } as const;
  const data = {
    name: "Dữ liệu",
    range: rangeOf({ name: "Dữ liệu", rows: Array.from({ length: 300 }, () => Array(100).fill(cell)) }),
  };
  const { context, asked, syncs } = contextFor([...renamed, data]);
  const result = validateWorkbook(await readOpenWorkbook(context), DEFAULT_PROFILE);
  expect(syncs()).toBe(3); // the names; the other sheets' sizes; the ranges
  // Each other sheet's used range is asked for once to size it, a second time to read it.
  expect(asked.filter((n) => n === "Thong tin")).toHaveLength(2);
  expect(asked.filter((n) => n === "Dữ liệu")).toHaveLength(1);
  expect(result.valid).toBe(false);
  expect(result.findings.map((f) => [f.code, f.sheet])).toEqual([["NOT_TEMPLATE", "Thông tin"]]);
  expect(result.findings[0]!.message).toMatch(/^Không có trang tính “Thông tin” mà có trang “Thong tin”/);
  expect(result.findings[0]!.message).toContain(
    "có lẽ tên trang đã bị sửa. Đổi tên trang “Thong tin” thành đúng “Thông tin” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.",
  );
  expect(result.unit).toBe("SO_OK");
});

// The add-in read no fonts: a unit name typed in .VnTimeH (shown UỶ BAN NHÂN DÂN XÃ HÒA BÌNH) was read
// in small letters there, into the check's name, while the file sent was read in capitals.
test("text in .VnTimeH or .VnTime in the open workbook is read by its font as in the file sent; fonts asked only of sheets with such text", async () => {
  const typed = reportBytes({ unit: "SO_NOI_VU", name: "uû ban nh©n d©n x· hßa b×nh" }, [
    { op: "set", sheet: "Nhiệm vụ", cell: "H5", value: "Cã" },
    { op: "set", sheet: "Nhiệm vụ", cell: "H6", value: "Hoµn thµnh" },
  ]);
  const file = fileModel(
    withFont(withFont(typed, ".VnTimeH", { "Thông tin": ["C6"] }), ".VnTime", { "Nhiệm vụ": ["H5", "H6"] }),
  );
  const sheets = file.sheets.map((s) => {
    const range = rangeOf(s);
    return { name: s.name, range, fonts: fontsOf(s, range) };
  });
  const { context, fontsAsked, syncs } = contextFor(sheets);

  const result = validateWorkbook(await readOpenWorkbook(context), DEFAULT_PROFILE);

  expect(syncs()).toBe(3); // the names; the ranges; the fonts of Thông tin and Nhiệm vụ
  expect(fontsAsked).toEqual(["Thông tin", "Nhiệm vụ"]);
  expect(result.report?.unit.name).toBe("UỶ BAN NHÂN DÂN XÃ HÒA BÌNH");
  // “Cã” alone is Có only by its .VnTime font.
  expect(result.report?.tasks.slice(0, 2).map((t) => t.result)).toEqual(["Có", "Hoàn thành"]);
  expect(result.findings).toEqual(validateWorkbook(file, DEFAULT_PROFILE).findings);
  expect(result.findings.find((f) => f.cell === "C6")?.message).toContain(
    "Ô C6 dùng phông chữ hoa của bảng mã TCVN3 (như .VnTimeH), nên được đọc bằng chữ in hoa như trên màn hình",
  );
});

// The warning named ".VnTime" of any TCVN3 font; the add-in names the cell's, as the file reader does.
test("text in .VnArial in the open workbook is said to be in .VnArial, as in the file sent", async () => {
  const typed = reportBytes({ unit: "SO_NOI_VU", name: "Së Néi vô" });
  const file = fileModel(withFont(typed, ".VnArial", { "Thông tin": ["C6"] }));
  const sheets = file.sheets.map((s) => {
    const range = rangeOf(s);
    return { name: s.name, range, fonts: fontsOf(s, range) };
  });
  const { context } = contextFor(sheets);

  const result = validateWorkbook(await readOpenWorkbook(context), DEFAULT_PROFILE);

  expect(result.report?.unit.name).toBe("Sở Nội vụ");
  expect(result.findings.map((f) => f.message.split(":")[0])).toEqual([
    "Ô này được gõ bằng bảng mã TCVN3 (phông .VnArial)",
  ]);
  expect(result.findings).toEqual(validateWorkbook(file, DEFAULT_PROFILE).findings);
});

// Mutation test (session 39): every sheet of the test above starts at A1, so a font read from the wrong
// cell of a used range that starts lower went unseen.
test("a cell's font is that cell's when the sheet's used range does not start at A1 (its title row cleared)", async () => {
  const typed = reportBytes({ unit: "SO_NOI_VU", name: "uû ban nh©n d©n x· hßa b×nh" });
  const file = fileModel(withFont(typed, ".VnTimeH", { "Thông tin": ["C6"] }));
  const sheets = file.sheets.map((s) => {
    const sheet = s.name === "Thông tin" ? { ...s, rows: [undefined, ...s.rows.slice(1)] } : s;
    const range = rangeOf(sheet);
    return { name: s.name, range, fonts: fontsOf(sheet, range) };
  });
  expect(sheets.find((s) => s.name === "Thông tin")?.range.rowIndex).toBeGreaterThan(0);
  const { context } = contextFor(sheets);

  const result = validateWorkbook(await readOpenWorkbook(context), DEFAULT_PROFILE);

  expect(result.report?.unit.name).toBe("UỶ BAN NHÂN DÂN XÃ HÒA BÌNH");
});

test("a valid report read through Office.js is valid, with its report date", async () => {
  const file = fileModel(
    reportBytes({ unit: "SO_OK", name: "Sở Tốt", reportDate: { year: 2026, month: 6, day: 5 } }),
  );
  const { context } = contextFor(file.sheets.map((s) => ({ name: s.name, range: rangeOf(s) })));
  const result = validateWorkbook(await readOpenWorkbook(context), DEFAULT_PROFILE);
  expect(result.valid).toBe(true);
  expect(result.reportDate).toEqual({ year: 2026, month: 6, day: 5 });
});

test("the 1904 date system is detected from a date cell's displayed text", async () => {
  const file = fileModel(reportBytes({ unit: "SO_1904", name: "Sở 1904" }));
  // The same serials shown as 1904 days: Excel on a Mac workbook.
  const { context } = contextFor(file.sheets.map((s) => ({ name: s.name, range: rangeOf(s, true) })));
  const model = await readOpenWorkbook(context);
  expect(model.date1904).toBe(true);
});

test("cell values map from Office.js value types; dates by number format; formulas by cached value", () => {
  expect(cellValue(46178, "Double", "dd/mm/yyyy")).toEqual({ kind: "number", value: 46178, isDate: true });
  // Month first in a custom code (a US machine's date); Excel's built-in short date follows the reader's settings.
  expect(cellValue(46300, "Double", "mm/dd/yyyy")).toEqual({
    kind: "number",
    value: 46300,
    isDate: true,
    monthFirst: true,
  });
  expect(cellValue(46300, "Double", "m/d/yyyy")).toEqual({ kind: "number", value: 46300, isDate: true });
  expect(cellValue(34, "Double", "#,##0")).toEqual({ kind: "number", value: 34 });
  expect(cellValue(0.6, "Double", "0%")).toEqual({ kind: "number", value: 0.6, isPercent: true });
  expect(cellValue(0.625, "Double", "0.0%")).toEqual({ kind: "number", value: 0.625, isPercent: true });
  expect(cellValue(5, "Double", '0" %"')).toEqual({ kind: "number", value: 5 }); // a literal % sign is text, not a percentage
  expect(cellValue("#REF!", "Error", "General")).toEqual({ kind: "error", value: "#REF!" });
  expect(cellValue("", "Empty", "General")).toEqual({ kind: "empty" });
  expect(cellValue(true, "Boolean", "General")).toEqual({ kind: "boolean", value: true });
  const sheet = sheetFromRange("Chỉ tiêu", {
    rowIndex: 4,
    columnIndex: 3,
    values: [[12, "x"]],
    valueTypes: [["Double", "String"]],
    numberFormat: [["General", "@"]],
    formulas: [["=SUM(A1:A3)", "x"]],
    text: [["12", "x"]],
  });
  expect(sheet.rows[4]?.[3]).toEqual({ value: { kind: "number", value: 12 }, formula: true });
  expect(sheet.rows[4]?.[4]).toEqual({ value: { kind: "string", value: "x" } });
});
