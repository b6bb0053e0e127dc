// Renders WorkbookSpec sheets into the open workbook through Office.js, replacing earlier copies
// in the same batch. Requests are budgeted by payload (Excel on the web rejects requests over
// 5 MB): the number of context.sync() calls depends on the bytes written, never on the row count
// as such, and is 2 for anything the summary of a few hundred units produces.

import { serialFromDate } from "../../core/dates";
import type {
  CellInput,
  CellSpec,
  CellStyle,
  ChartSpec,
  PrintSpec,
  SheetSpec,
  WorkbookSpec,
} from "../../core/sheetspec";
import { matchKey } from "../../core/text";
import { columnLetters } from "../../core/workbook";
import { PAGE_MARGINS_INCHES, printTitleColumns, printTitleRows, sectionCodes } from "../../xlsx/print";

/** Comfortably under Excel's 5 MB request limit, leaving room for the protocol's own overhead. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Rough per-operation cost of the request protocol (object paths, property names). */
const OP_BYTES = 160;
/** Address lists passed to getRanges stay short (Excel's limit on a multi-area address). */
const MAX_AREAS_ADDRESS = 2000;
/** Rows per values/numberFormat write; large sheets are written in several ranges. */
const ROW_CHUNK = 500;

const SUMMARY_SHEETS_SETTING = "KL226.summarySheets";

/** Queues work while keeping each request under a byte budget: syncs early only when it must. */
export class RequestBudget {
  syncs = 0;
  private pending = 0;
  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly maxBytes: number = DEFAULT_MAX_REQUEST_BYTES,
  ) {}
  /** Call before queuing an operation of about `bytes` bytes. */
  async spend(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.maxBytes) await this.flush();
    this.pending += bytes;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs += 1;
    this.pending = 0;
  }
}

/** A same-named sheet exists that this add-in did not write: replacing it would lose someone's data. */
export class SheetConflictError extends Error {
  constructor(readonly sheet: string) {
    super(
      `Sổ tính đang có trang tính “${sheet}” không do KL226 tạo ra. Hãy tổng hợp vào một sổ tính mới, hoặc đổi tên trang tính đó rồi thử lại.`,
    );
    this.name = "SheetConflictError";
  }
}

// Strings Excel would turn into a formula, number, date, boolean or error are written with a leading
// apostrophe (Excel's text prefix): unit-supplied text stays text (SPEC: sources are never executed).
const NEEDS_TEXT_PREFIX = /^(?:[=+\-@'#]|\s*[\d.,\s/:%$-]+\s*$|(?:true|false)$)/i;

/** The value to assign through Range.values; `numFmt` "@" cells are text already (no prefix). */
function officeValue(input: CellInput, numFmt = "General"): string | number | boolean {
  if (input === null) return "";
  if (typeof input === "string") return numFmt !== "@" && NEEDS_TEXT_PREFIX.test(input) ? `'${input}` : input;
  if (typeof input === "number") return Number.isFinite(input) ? input : "";
  if (typeof input === "boolean") return input;
  if ("date" in input) return serialFromDate(input.date);
  return input.formula.startsWith("=") ? input.formula : `=${input.formula}`;
}

function officeNumberFormat(cell: CellSpec | null): string {
  if (cell?.style?.numFmt) return cell.style.numFmt;
  if (cell && typeof cell.value === "object" && cell.value !== null && "date" in cell.value)
    return "dd/mm/yyyy";
  return "General";
}

function styleKey(style: CellStyle): string {
  const { numFmt: _numFmt, locked: _locked, ...visual } = style;
  const keys = Object.keys(visual).sort() as (keyof typeof visual)[];
  return keys.length === 0 ? "" : JSON.stringify(keys.map((k) => [k, visual[k]]));
}

export interface StyleGroup {
  readonly style: CellStyle;
  /** A1 rectangles ("A5:F5", "G7") sharing the style. */
  readonly areas: readonly string[];
}

/** Cells grouped into rectangles of the same visual style (runs along rows, merged down columns). */
function styleGroups(sheet: SheetSpec): StyleGroup[] {
  interface Rect {
    r0: number;
    r1: number;
    c0: number;
    c1: number;
    key: string;
    style: CellStyle;
  }
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  sheet.rows.forEach((row, r) => {
    const next = new Map<string, Rect>();
    let c = 0;
    while (c < row.length) {
      const style = row[c]?.style;
      const key = style ? styleKey(style) : "";
      if (!style || key === "") {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1]?.style && styleKey(row[end + 1]!.style!) === key) end++;
      const id = `${c}:${end}:${key}`;
      const prev = open.get(id);
      if (prev && prev.r1 === r - 1) {
        prev.r1 = r;
        next.set(id, prev);
        open.delete(id);
      } else next.set(id, { r0: r, r1: r, c0: c, c1: end, key, style });
      c = end + 1;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  });
  for (const rect of open.values()) done.push(rect);
  const groups = new Map<string, { style: CellStyle; areas: string[] }>();
  for (const rect of done) {
    const a = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
    const b = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
    const area = a === b ? a : `${a}:${b}`;
    const g = groups.get(rect.key);
    if (g) g.areas.push(area);
    else groups.set(rect.key, { style: rect.style, areas: [area] });
  }
  return [...groups.values()];
}

/** Area lists joined into getRanges addresses of bounded length. */
function areaChunks(areas: readonly string[], maxLength = MAX_AREAS_ADDRESS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur !== "" && cur.length + 1 + a.length > maxLength) {
      out.push(cur);
      cur = "";
    }
    cur = cur === "" ? a : `${cur},${a}`;
  }
  if (cur !== "") out.push(cur);
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/** Applies a style to a range or multi-area range (the format API is the same). */
function applyStyle(format: Excel.RangeFormat, style: CellStyle): number {
  let ops = 0;
  const font = format.font;
  const set = (apply: () => void): void => {
    apply();
    ops++;
  };
  if (style.bold !== undefined) set(() => (font.bold = style.bold === true));
  if (style.italic !== undefined) set(() => (font.italic = style.italic === true));
  if (style.size !== undefined) set(() => (font.size = style.size ?? 11));
  if (style.color !== undefined) set(() => (font.color = `#${style.color}`));
  if (style.fill !== undefined) set(() => (format.fill.color = `#${style.fill}`));
  if (style.wrap !== undefined) set(() => (format.wrapText = style.wrap === true));
  const { hAlign, vAlign } = style;
  if (hAlign !== undefined) set(() => (format.horizontalAlignment = H_ALIGN[hAlign]));
  if (vAlign !== undefined) set(() => (format.verticalAlignment = V_ALIGN[vAlign]));
  if (style.border === true) {
    for (const edge of BORDER_EDGES) {
      const b = format.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#A6A6A6";
      ops += 2;
    }
  }
  return ops;
}

/** Writes one sheet's cells, formats and layout into an (empty, new) worksheet. */
export async function writeSheet(
  ws: Excel.Worksheet,
  sheet: SheetSpec,
  budget: RequestBudget,
): Promise<void> {
  const width = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (width > 0) {
    for (let r0 = 0; r0 < sheet.rows.length; r0 += ROW_CHUNK) {
      const rows = sheet.rows.slice(r0, r0 + ROW_CHUNK);
      const formats = rows.map((row) =>
        Array.from({ length: width }, (_, c) => officeNumberFormat(row[c] ?? null)),
      );
      const values = rows.map((row, r) =>
        Array.from({ length: width }, (_, c) => officeValue(row[c]?.value ?? null, formats[r]![c])),
      );
      const address = `A${r0 + 1}:${columnLetters(width - 1)}${r0 + rows.length}`;
      await budget.spend(JSON.stringify(values).length + JSON.stringify(formats).length + 2 * OP_BYTES);
      const range = ws.getRange(address);
      // Formats first: a "@" cell then takes its value as text.
      range.numberFormat = formats;
      range.values = values;
    }
  }
  for (const group of styleGroups(sheet)) {
    for (const address of areaChunks(group.areas)) {
      const areas = ws.getRanges(address);
      // The format of a multi-area range has the same shape as a range's; only `set` differs.
      const ops = applyStyle(areas.format as unknown as Excel.RangeFormat, group.style);
      await budget.spend(address.length + (ops + 1) * OP_BYTES);
    }
  }
  for (const [c, w] of (sheet.columnWidths ?? []).entries()) {
    await budget.spend(OP_BYTES);
    ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = Math.round(w * 6);
  }
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) {
    await budget.spend(OP_BYTES);
    ws.getRange(`${Number(r) + 1}:${Number(r) + 1}`).format.rowHeight = h;
  }
  for (const m of sheet.merges ?? []) {
    await budget.spend(OP_BYTES);
    ws.getRange(m).merge(false);
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    await budget.spend(OP_BYTES);
    if (sheet.freeze.cols === 0) ws.freezePanes.freezeRows(sheet.freeze.rows);
    else if (sheet.freeze.rows === 0) ws.freezePanes.freezeColumns(sheet.freeze.cols);
    else
      ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(sheet.freeze.cols - 1)}${sheet.freeze.rows}`));
  }
  if (sheet.autoFilter) {
    await budget.spend(OP_BYTES);
    ws.autoFilter.apply(ws.getRange(sheet.autoFilter));
  }
  if (sheet.print) {
    await budget.spend(PRINT_OPS * OP_BYTES);
    applyPrint(ws, sheet.print);
  }
  for (const chart of sheet.charts ?? []) {
    await budget.spend(CHART_OPS * OP_BYTES + JSON.stringify(chart).length);
    addChart(ws, chart);
  }
  if (sheet.hidden === true) ws.visibility = "Hidden";
}

/** Upper bounds of the operations applyPrint and addChart queue (for the request budget). */
const PRINT_OPS = 20;
const CHART_OPS = 40;
const POINTS_PER_INCH = 72;

/**
 * The .xlsx writer's print setup through Office.js (ExcelApi 1.9, which every host of the
 * manifest's SharedRuntime 1.1 has): A4, orientation, fit to width, print titles, header, footer.
 */
export function applyPrint(ws: Excel.Worksheet, print: PrintSpec): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.landscape === true ? "Landscape" : "Portrait";
  // 0 pages tall: as many as the rows need (the file format's fitToHeight="0").
  if (print.fitToWidth === true) {
    const pagesWide = print.pagesWide ?? 1;
    layout.zoom = { horizontalFitToPages: pagesWide, verticalFitToPages: 0 };
    if (pagesWide > 1) layout.printOrder = "OverThenDown";
  }
  layout.leftMargin = PAGE_MARGINS_INCHES.left * POINTS_PER_INCH;
  layout.rightMargin = PAGE_MARGINS_INCHES.right * POINTS_PER_INCH;
  layout.topMargin = PAGE_MARGINS_INCHES.top * POINTS_PER_INCH;
  layout.bottomMargin = PAGE_MARGINS_INCHES.bottom * POINTS_PER_INCH;
  layout.headerMargin = PAGE_MARGINS_INCHES.header * POINTS_PER_INCH;
  layout.footerMargin = PAGE_MARGINS_INCHES.footer * POINTS_PER_INCH;
  if (print.repeatRows !== undefined) layout.setPrintTitleRows(printTitleRows(print.repeatRows));
  if (print.repeatColumns !== undefined) layout.setPrintTitleColumns(printTitleColumns(print.repeatColumns));
  const pages = layout.headersFooters.defaultForAllPages;
  const { header, footer } = print;
  if (header?.left !== undefined) pages.leftHeader = sectionCodes(header.left);
  if (header?.center !== undefined) pages.centerHeader = sectionCodes(header.center);
  if (header?.right !== undefined) pages.rightHeader = sectionCodes(header.right);
  if (footer?.left !== undefined) pages.leftFooter = sectionCodes(footer.left);
  if (footer?.center !== undefined) pages.centerFooter = sectionCodes(footer.center);
  if (footer?.right !== undefined) pages.rightFooter = sectionCodes(footer.right);
}

/**
 * The .xlsx writer's chart through Office.js: each series from its own range (ExcelApi 1.7), so
 * nothing depends on how Excel would guess series and categories from a block of cells.
 */
export function addChart(ws: Excel.Worksheet, spec: ChartSpec): Excel.Chart {
  const [first, ...rest] = spec.series;
  if (!first) throw new Error("addChart: a chart needs at least one series");
  const chart = ws.charts.add(
    first.type === "line" ? "Line" : "ColumnClustered",
    ws.getRange(first.values),
    "Columns",
  );
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  const styleSeries = (series: Excel.ChartSeries, s: (typeof spec.series)[number]): void => {
    series.name = s.name;
    series.chartType = s.type === "line" ? "Line" : "ColumnClustered";
    series.setXAxisValues(ws.getRange(spec.categories));
    if (s.type === "line") {
      // A line through one point is invisible: a single category gets a dash marker (as in the .xlsx).
      const [a = "", b = a] = spec.categories.replace(/\$/g, "").split(":");
      series.markerStyle = a === b ? "Dash" : "None";
      if (a === b) series.markerSize = 20;
      if (s.color) series.format.line.color = `#${s.color}`;
    } else if (s.color) series.format.fill.setSolidColor(`#${s.color}`);
  };
  styleSeries(chart.series.getItemAt(0), first);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(ws.getRange(s.values));
    styleSeries(series, s);
  }
  const axis = chart.axes.valueAxis;
  axis.numberFormat = spec.axisFormat;
  if (spec.axisMin !== undefined) axis.minimum = spec.axisMin;
  if (spec.axisMax !== undefined) axis.maximum = spec.axisMax;
  const [from = "", to = from] = spec.anchor.split(":");
  chart.setPosition(from, to);
  return chart;
}

export interface ReplaceResult {
  readonly worksheets: ReadonlyMap<string, Excel.Worksheet>;
  readonly budget: RequestBudget;
}

/**
 * Replaces the spec's sheets (and `extraSheets`, e.g. a chart sheet) in the open workbook: new
 * sheets are added under temporary names, earlier copies deleted and the new ones renamed, all in
 * one batch (so the workbook never loses its last visible sheet and never holds two copies).
 * Same-named sheets this add-in did not write are not deleted: SheetConflictError.
 * The caller queues more work on `budget` and ends with `budget.flush()`.
 */
export async function replaceSheets(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  extraSheets: readonly string[] = [],
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
): Promise<ReplaceResult> {
  const budget = new RequestBudget(context, maxRequestBytes);
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  const setting = wb.settings.getItemOrNullObject(SUMMARY_SHEETS_SETTING);
  setting.load("value");
  await budget.flush();

  const names = [...spec.sheets.map((s) => s.name), ...extraSheets];
  const wanted = new Set(names.map(matchKey));
  const ours = new Set(ownedSheetNames(setting.isNullObject ? null : setting.value).map(matchKey));
  const existing = wb.worksheets.items.filter((ws) => wanted.has(matchKey(ws.name)));
  const conflict = existing.find((ws) => !ours.has(matchKey(ws.name)));
  if (conflict) throw new SheetConflictError(conflict.name);

  const stamp = Date.now().toString(36);
  const added = names.map((name, i) => ({ name, ws: wb.worksheets.add(`KL226~${stamp}~${i}`) }));
  await budget.spend((names.length * 3 + existing.length) * OP_BYTES);
  for (const ws of existing) ws.delete();
  for (const { name, ws } of added) ws.name = name;
  const worksheets = new Map(added.map(({ name, ws }) => [name, ws] as const));
  for (const sheet of spec.sheets) {
    const ws = worksheets.get(sheet.name);
    if (ws) await writeSheet(ws, sheet, budget);
  }
  wb.settings.add(SUMMARY_SHEETS_SETTING, JSON.stringify(names));
  return { worksheets, budget };
}

function ownedSheetNames(value: unknown): string[] {
  if (typeof value !== "string") return [];
  try {
    const data: unknown = JSON.parse(value);
    return Array.isArray(data) ? data.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
