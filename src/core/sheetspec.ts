// A plain description of a workbook to write (the template, the summary, a roll-up).
// The core builds it; src/xlsx/write.ts renders it to .xlsx bytes and the taskpane
// renders it through Office.js, so both outputs have the same cells and formats.

import type { Comparison } from "./format";

/** The tallest row a spreadsheet allows, in points (the writer refuses more): a computed height stops there. */
export const MAX_ROW_HEIGHT = 409;

/** The lines a wrapped cell text takes at `perLine` characters a line, each of its own lines one at least. */
export function wrappedLines(text: string, perLine: number): number {
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

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
  /** Row heights in points, by 0-based row index (at most MAX_ROW_HEIGHT). */
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
  /** Print setup (the paper is always A4). */
  readonly print?: PrintSpec;
  /** Charts drawn over the sheet, each plotting ranges of this sheet. */
  readonly charts?: readonly ChartSpec[];
}

/** Header or footer text by section; `{page}` and `{pages}` stand for the page number and count. */
export interface PageText {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** The footer every printed summary sheet has: "Trang 3/12". */
export const PAGE_OF_PAGES: PageText = { center: "Trang {page}/{pages}" };

/** The header row of every table the product writes (template, summary, chart data): bold, centred, light blue. */
export const TABLE_HEAD: CellStyle = {
  bold: true,
  fill: "D9E2F3",
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "center",
};

const WITH_NUM_FMT = new WeakMap<CellStyle, Map<string, CellStyle>>();
/**
 * `base` with the number format `numFmt` (`base` itself when it has it), one object per pair: thousands
 * of cells share a handful of formats, and the writer caches styles by object.
 */
export function withNumFmt(base: CellStyle, numFmt: string): CellStyle {
  if (base.numFmt === numFmt) return base;
  let byFormat = WITH_NUM_FMT.get(base);
  if (!byFormat) WITH_NUM_FMT.set(base, (byFormat = new Map()));
  let style = byFormat.get(numFmt);
  if (!style) byFormat.set(numFmt, (style = { ...base, numFmt }));
  return style;
}

export interface PrintSpec {
  /** Landscape (default portrait). */
  readonly landscape?: boolean;
  /** Columns scaled to one page wide; the rows flow down over as many pages as they need. */
  readonly fitToWidth?: boolean;
  /**
   * With fitToWidth: the pages across (default 1), the repeated columns on each; the pages are
   * numbered left to right, then down, so a page's continuation is the next sheet of paper.
   */
  readonly pagesWide?: number;
  /** Rows repeated at the top of every printed page, e.g. "1:5". */
  readonly repeatRows?: string;
  /** Columns repeated at the left of every printed page, e.g. "A:B". */
  readonly repeatColumns?: string;
  readonly header?: PageText;
  readonly footer?: PageText;
}

/** One chart series: a column of values, drawn as columns or as a line. */
export interface ChartSeriesSpec {
  /** Legend text. */
  readonly name: string;
  /** A1 range of the values on the same sheet, one column, e.g. "C2:C41". */
  readonly values: string;
  readonly type: "column" | "line";
  /** Colour "RRGGBB". */
  readonly color?: string;
}

/** A chart over categories (one per row of a range) with column and line series sharing one value axis. */
export interface ChartSpec {
  readonly title: string;
  /** A1 range of the category labels on the same sheet, one column, e.g. "B2:B41". */
  readonly categories: string;
  readonly series: readonly ChartSeriesSpec[];
  /** Number format of the value axis, e.g. "0%". */
  readonly axisFormat: string;
  readonly axisMin?: number;
  readonly axisMax?: number;
  /** The cells the chart covers, e.g. "F2:S29". */
  readonly anchor: string;
}

/**
 * A sheet with one value per unit plotted as columns against a target line (SPEC §9: the
 * online-meeting ratio per unit). core/chart.ts lays it out as a SheetSpec (the data table and
 * the chart beside it), so the .xlsx writer and the Excel path draw the same chart.
 */
export interface ChartSheetSpec {
  readonly name: string;
  readonly title: string;
  /** Printed in the page header under the title, e.g. the period. */
  readonly subtitle?: string;
  readonly units: ReadonlyArray<{
    readonly code: string;
    readonly name: string;
    readonly value: number | null;
  }>;
  /** Legend of the columns, e.g. "Tỷ lệ họp trực tuyến". */
  readonly valueName: string;
  /** Legend of the line, e.g. "Mục tiêu 60%". */
  readonly targetName: string;
  /** The target as a fraction (0.6). */
  readonly target: number;
  /** How values are judged against the target (default ">="): picks honest cell formats. */
  readonly comparison?: Comparison;
  /** Number format of the value axis (default "0%"). */
  readonly axisFormat?: string;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Workbook-level defined names, name → formula text (e.g. `"\"KL226-BC/1\""`). */
  readonly definedNames?: Readonly<Record<string, string>>;
  /** Document properties. */
  readonly title?: string;
  readonly creator?: string;
}
