// STALE_FORMULA: only under fullCalcOnLoad, only formula cells of the template sheets that carry a
// saved value, one warning per sheet naming every such cell.
import { staleFormulaFindings } from "./stale";
import type { Cell, Sheet, Workbook } from "./workbook";

/** A sheet from A1 addresses (column letters A–Z are enough here). */
function sheet(name: string, cells: Readonly<Record<string, Cell>>): Sheet {
  const rows: (Cell | undefined)[][] = [];
  for (const [at, cell] of Object.entries(cells)) {
    const r = Number(at.slice(1)) - 1;
    (rows[r] ??= [])[at.charCodeAt(0) - 65] = cell;
  }
  return { name, rows };
}

const num = (value: number, formula = false): Cell =>
  formula ? { value: { kind: "number", value }, formula } : { value: { kind: "number", value } };
const uncached: Cell = { value: { kind: "empty" }, formula: true };

function book(fullCalcOnLoad: boolean | undefined, sheets: Sheet[]): Workbook {
  return {
    sheets,
    date1904: false,
    definedNames: {},
    ...(fullCalcOnLoad === undefined ? {} : { fullCalcOnLoad }),
  };
}

// Chỉ tiêu: E5 and E7 are formulas saved as 0, E6 a typed number, E8 a formula with no saved value.
const counts = sheet("Chỉ tiêu", {
  D5: num(100),
  E5: num(0, true),
  E6: num(12),
  E7: num(0, true),
  E8: uncached,
});
const notes = sheet("Ghi chú", { A1: num(0, true) });
const info = sheet("Thông tin", { C1: { value: { kind: "string", value: "x" }, formula: true } });

test("one warning per template sheet, at its first cell, naming each formula cell with a saved value", () => {
  const found = staleFormulaFindings(book(true, [info, counts, notes]));
  expect(found.map(({ code, severity, sheet, cell }) => ({ code, severity, sheet, cell }))).toEqual([
    { code: "STALE_FORMULA", severity: "warning", sheet: "Thông tin", cell: "C1" },
    { code: "STALE_FORMULA", severity: "warning", sheet: "Chỉ tiêu", cell: "E5" },
  ]);
  expect(found[1]?.message).toMatch(/E5, E7 trên trang “Chỉ tiêu”/);
  expect(found[1]?.message).not.toContain("E6");
  expect(found[1]?.message).not.toContain("E8");
});

test("nothing without fullCalcOnLoad", () => {
  expect(staleFormulaFindings(book(false, [counts]))).toEqual([]);
  expect(staleFormulaFindings(book(undefined, [counts]))).toEqual([]);
});

test("a long list is cut after twelve cells with the count of the rest", () => {
  const many = sheet(
    "Chỉ tiêu",
    Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`A${i + 1}`, num(0, true)])),
  );
  const [f] = staleFormulaFindings(book(true, [many]));
  expect(f?.message).toContain("A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12 và 8 ô khác");
});
