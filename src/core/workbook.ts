// The plain in-memory workbook model that the core reads: produced by src/xlsx/read.ts
// (from .xlsx bytes) and by the taskpane's Office.js adapter (from the open workbook).

/** A cell value as the reader found it. Formula cells carry their cached value. */
export type CellValue =
  | {
      readonly kind: "number";
      readonly value: number;
      readonly isDate?: boolean;
      /** A date shown month first ("mm/dd/yyyy"): one typed day first on an English (US) machine is misread there. */
      readonly monthFirst?: boolean;
      readonly isPercent?: boolean;
    }
  | {
      readonly kind: "string";
      readonly value: string;
      /** Shown in a legacy Vietnamese font (the cell's style in the file): its text is that font's encoding. */
      readonly font?: LegacyFont;
      /** That font's name as the file has it (".VnArial", "VNI-Helve"), for the warning to name; absent when not known. */
      readonly fontName?: string;
      /**
       * Shown in more than one font, one a legacy one (a rich text whose parts carry their own font, as
       * Word's text pasted in `.VnTime` into a Times New Roman cell): its parts in order, `value` joined.
       */
      readonly runs?: readonly TextRun[];
    }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly value: string }
  | { readonly kind: "empty" };

/**
 * The legacy Vietnamese font families a cell may be shown in: TCVN3's (ABC: ".VnTime", ".VnArial" …),
 * TCVN3's capitals fonts (".VnTimeH" …: every letter drawn as a capital, so small letters' codes show
 * capitals) and VNI's ("VNI-Times" …).
 */
export type LegacyFont = "TCVN3" | "TCVN3_CAPITALS" | "VNI";

/** A part of a cell's text shown in one font (`font` absent: a Unicode one). */
export interface TextRun {
  readonly text: string;
  readonly font?: LegacyFont;
  /** The legacy font's name as the file has it (".VnTime"), with `font`. */
  readonly fontName?: string;
}

export interface Cell {
  readonly value: CellValue;
  /** The cell holds a formula; `value` is its cached result (`empty` when none was saved). */
  readonly formula?: boolean;
}

export interface Sheet {
  /** The sheet name, NFC-normalised. */
  readonly name: string;
  /** Sparse rows, 0-based: `rows[r][c]` is the cell at row r+1, column c+1. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  /** Merged ranges (`<mergeCells>`), 0-based and inclusive; absent when the sheet has none. */
  readonly merges?: readonly CellRange[];
  /** Rows not shown (a filter, Hide), 0-based; absent when none (or the reader does not know). */
  readonly hiddenRows?: readonly number[];
  /** Columns not shown, as 0-based inclusive ranges ([4, 4]: column E); absent when none. */
  readonly hiddenColumns?: ReadonlyArray<readonly [number, number]>;
}

/** A rectangle of cells, 0-based, first and last row and column included. */
export interface CellRange {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** The 0-based row and column of an A1 address ("E16"), or undefined when it is none. */
export function parseA1(ref: string): { readonly row: number; readonly col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (m === null) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "D10:E10" of a range. */
export function rangeA1(range: CellRange): string {
  return `${a1(range.r0, range.c0)}:${a1(range.r1, range.c1)}`;
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
  /** Every sheet's name in the workbook, read or not (a reader may skip sheets): what the file is. */
  readonly sheetNames?: readonly string[];
  /** The sheets not shown as tabs (hidden or very hidden), by name. */
  readonly hiddenSheets?: readonly string[];
  /** True when the workbook uses the 1904 date system (`<workbookPr date1904="1"/>`). */
  readonly date1904: boolean;
  /** Workbook-level defined names, name → formula text (e.g. `"KL226-BC/1"` with quotes removed when a literal). */
  readonly definedNames: Readonly<Record<string, string>>;
  /** The file asks Excel to recalculate every formula on open (`<calcPr fullCalcOnLoad="1"/>`): cached values may be stale. */
  readonly fullCalcOnLoad?: boolean;
}

export const EMPTY: CellValue = { kind: "empty" };

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

/** "A1" address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Why a file could not be read as a workbook (each has a Vietnamese message in core/messages.ts). */
export type UnreadableReason =
  | "EMPTY" // zero bytes
  | "NOT_ZIP" // not a zip container at all (and not one of the cases below)
  | "TEXT_FILE" // CSV, HTML or other text renamed .xlsx
  | "PDF_FILE" // a PDF (the report printed), whatever its name
  | "IMAGE_FILE" // a photo or scan (PNG, JPEG), whatever its name
  | "LEGACY_XLS" // an Excel 97–2003 .xls (CFB container, not encrypted)
  | "ENCRYPTED" // a password-protected workbook (CFB container with EncryptionInfo)
  | "MACRO_ENABLED" // an .xlsm (macro-enabled content type)
  | "TRUNCATED" // zip cut short or its central directory is damaged
  | "CORRUPT" // a part fails to inflate, bad XML, missing workbook part
  | "NO_WORKBOOK" // a zip, but not a SpreadsheetML package (e.g. a .docx)
  | "FILE_TOO_LARGE" // over limits.maxFileBytes
  | "TOO_MANY_ENTRIES" // over limits.maxEntries
  | "PART_TOO_LARGE" // one part inflates over limits.maxPartBytes (zip bomb)
  | "TOTAL_TOO_LARGE" // parts read inflate over limits.maxTotalBytes
  | "TOO_MANY_ROWS" // a sheet read has more than limits.maxRows rows
  | "TOO_MANY_COLUMNS" // a cell beyond limits.maxColumns
  | "STRING_TOO_LONG" // a string over limits.maxStringLength
  | "BINARY_XLSB" // an Excel binary workbook (.xlsb)
  | "OPEN_DOCUMENT" // an OpenDocument spreadsheet (.ods)
  | "APPLE_NUMBERS" // an Apple Numbers document (.numbers)
  | "ARCHIVE" // an archive of other files (.zip without Office content types, .rar, .7z, .gz), whatever its name
  | "INTERNAL"; // a bug in the reader, not a property of the file

export interface ReadLimits {
  readonly maxFileBytes: number;
  readonly maxEntries: number;
  readonly maxPartBytes: number;
  readonly maxTotalBytes: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxStringLength: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxPartBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 200,
  maxStringLength: 32_767,
};

export type ReadOutcome =
  | { readonly ok: true; readonly workbook: Workbook }
  | {
      readonly ok: false;
      readonly reason: UnreadableReason;
      readonly detail?: string;
      /** Where, for a cell over a limit (a stray note at HZ5, a row past the limit). */
      readonly at?: { readonly sheet: string; readonly cell: string };
    };
