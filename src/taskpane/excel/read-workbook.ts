// The open workbook → the core's Workbook model, in two context.sync() calls whatever its size:
// (1) the sheet names, (2) the used ranges of the template sheets (values, valueTypes,
// numberFormat, formulas, text) in one batch. Dates and percentages are recognised by their number format.
// A sheet with text typed in TCVN3 or VNI has its cells' fonts read too, in one more.

import { parseDateText } from "../../core/dates";
import { dateFromSerial } from "../../core/dates";
import { SHEETS } from "../../core/catalogue";
import { matchKey } from "../../core/text";
import { isTemplateSheet } from "../../core/template-sheets";
import { hasLegacyText } from "../../core/legacy-text";
import type { Cell, CellValue, Sheet, Workbook } from "../../core/workbook";
import { isDateFormatCode, isMonthFirstDateCode, isPercentFormatCode, legacyFontNamed } from "../../xlsx/sml";

/** How Office.js writes Excel's built-in short date format (numFmtId 14), whatever the reader's settings. */
const BUILTIN_SHORT_DATE = "m/d/yyyy";

/** What one used range holds once loaded (the shape of Excel.Range's loaded properties). */
export interface RangeData {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly valueTypes: ReadonlyArray<ReadonlyArray<string>>;
  readonly numberFormat: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly formulas: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly text: ReadonlyArray<ReadonlyArray<string>>;
}

// isNullObject needs no load: Office.js sets it on every *OrNullObject proxy at sync.
const RANGE_PROPS = "rowIndex,columnIndex,values,valueTypes,numberFormat,formulas,text";

/** The sheets a report cannot do without: one missing is perhaps renamed ("Thong tin"). */
const REQUIRED_SHEETS = [SHEETS.info, SHEETS.counts, SHEETS.tasks].map(matchKey);

/** A sheet of the clerk's read beside the template's only up to this many cells (a renamed template sheet is a few hundred). */
const OTHER_SHEET_MAX_CELLS = 20_000;

/**
 * Reads the template sheets of the open workbook (2 syncs). When one it cannot do without is not
 * there by its name, the other sheets of template size are read too (1 sync more to size them), so
 * the check finds the renamed one by its name or its rows and says what to rename, and the unit is
 * still known, as for a file sent. A workbook of large data sheets is not loaded whole.
 */
export async function readOpenWorkbook(context: Excel.RequestContext): Promise<Workbook> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const wanted = sheets.items.filter((ws) => isTemplateSheet(ws.name.normalize("NFC")));
  const names = new Set(wanted.map((ws) => matchKey(ws.name.normalize("NFC"))));
  if (REQUIRED_SHEETS.every((n) => names.has(n))) return readSheets(context, wanted);
  const others = sheets.items.filter((ws) => !wanted.includes(ws));
  const sizes = others.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowCount,columnCount"));
  await context.sync();
  const small = others.filter((_, i) => {
    const size = sizes[i];
    return (
      size !== undefined && !size.isNullObject && size.rowCount * size.columnCount <= OTHER_SHEET_MAX_CELLS
    );
  });
  return readSheets(context, [...wanted, ...small]);
}

/** Just the font's name of each cell. */
const FONT_NAME: Excel.CellPropertiesLoadOptions = { format: { font: { name: true } } };

/**
 * Reads the used ranges of the given worksheets in one batch (1 sync), and the cells' fonts of those
 * with text typed in TCVN3 or VNI (1 sync more, only then): a cell in .VnTimeH shows capitals, and
 * one in .VnTime or VNI-Times is read as that font shows it, as the file reader does.
 */
export async function readSheets(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
): Promise<Workbook> {
  // valuesOnly: formatted but empty input rows of the template are not part of the answer.
  const ranges = worksheets.map((ws) => ws.getUsedRangeOrNullObject(true).load(RANGE_PROPS));
  await context.sync();
  const sheets: Sheet[] = worksheets.map((ws, i) => {
    const range = ranges[i];
    return range && !range.isNullObject
      ? sheetFromRange(ws.name, range)
      : { name: ws.name.normalize("NFC"), rows: [] };
  });
  const fonts = sheets.map((sheet, i) =>
    hasLegacyText(sheet) ? ranges[i]?.getCellProperties(FONT_NAME) : undefined,
  );
  if (fonts.some((f) => f !== undefined)) {
    await context.sync();
    fonts.forEach((f, i) => {
      const range = ranges[i];
      if (f !== undefined && range !== undefined) sheets[i] = withFonts(sheets[i]!, range, f.value);
    });
  }
  return { sheets, date1904: looksLike1904(sheets, ranges), definedNames: {} };
}

/** The font Office.js gives a cell (getCellProperties with FONT_NAME). */
export interface CellFont {
  readonly format?: { readonly font?: { readonly name?: string | null } };
}

/** A sheet read from `range` with each text cell's legacy font (.VnTime, .VnTimeH, VNI-Times) from `fonts`. */
export function withFonts(
  sheet: Sheet,
  range: Pick<RangeData, "rowIndex" | "columnIndex">,
  fonts: ReadonlyArray<ReadonlyArray<CellFont>>,
): Sheet {
  const rows = sheet.rows.map((row, r) =>
    row?.map((cell, c) => {
      if (cell?.value.kind !== "string") return cell;
      const fontName = (fonts[r - range.rowIndex]?.[c - range.columnIndex]?.format?.font?.name ?? "").trim();
      const font = legacyFontNamed(fontName);
      return font === undefined ? cell : { ...cell, value: { ...cell.value, font, fontName } };
    }),
  );
  return { ...sheet, rows };
}

/** One loaded range as a sparse Sheet: rows/columns offset by the range's position. */
export function sheetFromRange(name: string, range: RangeData): Sheet {
  const rows: (Cell | undefined)[][] = [];
  range.values.forEach((rowValues, r) => {
    const row: (Cell | undefined)[] = [];
    let any = false;
    rowValues.forEach((raw, c) => {
      const type = range.valueTypes[r]?.[c] ?? "Unknown";
      const format = range.numberFormat[r]?.[c];
      const formula = range.formulas[r]?.[c];
      const value = cellValue(raw, type, typeof format === "string" ? format : "");
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      if (value.kind === "empty" && !isFormula) return;
      row[range.columnIndex + c] = isFormula ? { value, formula: true } : { value };
      any = true;
    });
    if (any) rows[range.rowIndex + r] = row;
  });
  return { name: name.normalize("NFC"), rows };
}

/** Office.js value + valueType (+ number format for dates and percentages, as the file reader does) → CellValue. */
export function cellValue(raw: unknown, valueType: string, numberFormat: string): CellValue {
  switch (valueType) {
    case "Empty":
      return { kind: "empty" };
    case "Double":
    case "Integer":
      if (typeof raw !== "number") return { kind: "empty" };
      // Office.js gives Excel's built-in short date (id 14, shown as the reader's own settings say)
      // as "m/d/yyyy": month first only for another code, as the file reader decides.
      if (isDateFormatCode(numberFormat))
        return isMonthFirstDateCode(numberFormat) && numberFormat !== BUILTIN_SHORT_DATE
          ? { kind: "number", value: raw, isDate: true, monthFirst: true }
          : { kind: "number", value: raw, isDate: true };
      return isPercentFormatCode(numberFormat)
        ? { kind: "number", value: raw, isPercent: true }
        : { kind: "number", value: raw };
    case "Boolean":
      return { kind: "boolean", value: raw === true };
    case "Error":
      return { kind: "error", value: String(raw) };
    case "String":
      return raw === "" ? { kind: "empty" } : { kind: "string", value: String(raw) };
    default:
      // Unknown / RichValue (linked data types, images in cells): what the cell shows, if anything.
      if (typeof raw === "number") return { kind: "number", value: raw };
      if (typeof raw === "boolean") return { kind: "boolean", value: raw };
      return raw === "" || raw === null || raw === undefined
        ? { kind: "empty" }
        : { kind: "string", value: String(raw) };
  }
}

/**
 * Office.js does not expose the workbook's date system, so this assumes the 1900 system unless
 * a date cell proves otherwise: its displayed text (dd/mm/yyyy or similar) names the day the
 * serial means in the 1904 system and not the day it means in the 1900 system.
 */
export function looksLike1904(
  sheets: readonly Sheet[],
  ranges: ReadonlyArray<RangeData | undefined>,
): boolean {
  for (const [i, sheet] of sheets.entries()) {
    const range = ranges[i];
    if (!range) continue;
    for (const [r, row] of sheet.rows.entries()) {
      if (!row) continue;
      for (const [c, cell] of row.entries()) {
        if (cell?.value.kind !== "number" || cell.value.isDate !== true) continue;
        const shown = range.text[r - range.rowIndex]?.[c - range.columnIndex];
        const day = shown ? parseDateText(shown) : null;
        if (!day) continue;
        const as1900 = dateFromSerial(cell.value.value, false);
        const as1904 = dateFromSerial(cell.value.value, true);
        const same = (a: typeof day | null): boolean =>
          a !== null && a.year === day.year && a.month === day.month && a.day === day.day;
        if (same(as1904) && !same(as1900)) return true;
        if (same(as1900)) return false;
      }
    }
  }
  return false;
}
