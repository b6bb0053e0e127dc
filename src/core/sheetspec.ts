// A plain description of a workbook to write (the template, the summary, a roll-up).
// The core builds it; src/xlsx/write.ts renders it to .xlsx bytes and the taskpane
// renders it through Office.js, so both outputs have the same cells and formats.

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points (default 11). */
  readonly size?: number;
  /** Font colour, "RRGGBB". */
  readonly color?: string;
  /** Solid fill, "RRGGBB". */
  readonly fill?: string;
  /** Excel number format code, e.g. "0.0%", "dd/mm/yyyy", "#,##0", "@". */
  readonly numFmt?: string;
  readonly wrap?: boolean;
  readonly hAlign?: "left" | "center" | "right";
  readonly vAlign?: "top" | "center" | "bottom";
  /** Thin border on all four sides. */
  readonly border?: boolean;
  /** Cell locked when the sheet is protected (Excel's default is true). */
  readonly locked?: boolean;
}

/**
 * A cell to write. Strings are always written as text (never as a formula, even when they
 * begin with "="); only `formula` writes a formula. A `date` is a UTC calendar day.
 */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | { readonly date: { readonly year: number; readonly month: number; readonly day: number } }
  | { readonly formula: string; readonly cached?: number | string | boolean };

export interface CellSpec {
  readonly value: CellInput;
  readonly style?: CellStyle;
}

export type DataValidationSpec =
  | {
      readonly type: "list";
      /** A1 range(s) the rule applies to, e.g. "C4:C4" or "G5:G200". */
      readonly ref: string;
      readonly values: readonly string[];
      readonly prompt?: { readonly title: string; readonly text: string };
      readonly error?: { readonly title: string; readonly text: string };
    }
  | {
      /** "whole": integers (counts); "decimal": any number in the bounds (a percentage 0–100). */
      readonly type: "whole" | "decimal";
      readonly ref: string;
      readonly min: number;
      readonly max?: number;
      readonly prompt?: { readonly title: string; readonly text: string };
      readonly error?: { readonly title: string; readonly text: string };
    };

export interface SheetSpec {
  readonly name: string;
  /** Rows top to bottom, row 1 first; a row is an array of cells from column A (null = nothing). */
  readonly rows: ReadonlyArray<ReadonlyArray<CellSpec | null>>;
  /** Column widths in Excel character units, from column A. */
  readonly columnWidths?: readonly number[];
  /**
   * Default style per column, from column A: cells the sheet does not write (e.g. the empty input
   * rows of the template) take it, so a template needs no thousands of empty styled cells.
   */
  readonly columnStyles?: ReadonlyArray<CellStyle | undefined>;
  /** Row heights in points, by 0-based row index. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Merged ranges, e.g. "A1:F1". */
  readonly merges?: readonly string[];
  /** Freeze the panes above `row` rows and left of `col` columns. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Autofilter range, e.g. "A3:N60". */
  readonly autoFilter?: string;
  readonly dataValidations?: readonly DataValidationSpec[];
  /** Protect the sheet without a password (cells with style.locked === false stay editable). */
  readonly protect?: boolean;
  readonly hidden?: boolean;
  /** Print setup: A4, orientation, fit to page width. */
  readonly print?: { readonly landscape?: boolean; readonly fitToWidth?: boolean };
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Workbook-level defined names, name → formula text (e.g. `"\"KL226-BC/1\""`). */
  readonly definedNames?: Readonly<Record<string, string>>;
  /** Document properties. */
  readonly title?: string;
  readonly creator?: string;
}
