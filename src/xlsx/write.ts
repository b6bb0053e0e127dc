// Renders a WorkbookSpec to .xlsx bytes (SpreadsheetML parts, zipped by zip-write.ts); synchronous and browser-safe.
import { isValidDate, serialFromDate, type CivilDate } from "../core/dates";
import { FFLATE_CODEC, zipEntries, zipEntry, type ZipCodec, type ZipEntry, type ZipPart } from "./zip-write";
import type {
  CellSpec,
  CellStyle,
  DataValidationSpec,
  PrintSpec,
  SheetSpec,
  WorkbookSpec,
} from "../core/sheetspec";
import { MAX_ROW_HEIGHT } from "../core/sheetspec";
import { ByteSink } from "./byte-sink";
import { StyleTable } from "./write-styles";
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, chartXml, drawingXml } from "./write-chart";
import { PAGE_MARGINS_INCHES, pageTextCodes, printTitlesFormula } from "./print";
import {
  MAX_COLS,
  MAX_ROWS,
  colName,
  escapeAttr,
  escapeText,
  formatRange,
  parseRange,
  parseSqref,
  quoteSheetName,
  truncateUtf16,
  type CellRange,
} from "./write-xml";

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Format given to date cells whose style has none: Vietnamese reports always use day/month/year. */
const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

/** Longest text Excel keeps in a cell; longer text makes Excel repair the file. */
const MAX_CELL_TEXT = 32_767;
/** Excel's limits on data-validation messages (longer ones make Excel repair the file). */
const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT = 255;
const MAX_ERROR_TITLE = 32;
const MAX_ERROR = 225;
/** Excel rejects an inline list source longer than this (without the surrounding quotes). */
const MAX_INLINE_LIST = 255;

/** Preferred name of the helper sheet that holds list values which cannot be written inline. */
const LIST_SHEET_NAME = "_lists";

type SheetState = "visible" | "hidden" | "veryHidden";

/**
 * Renders `spec` to the bytes of an .xlsx file.
 *
 * Decisions a caller should know:
 * - Strings are always text (shared strings), even "=1+1"; only `{formula}` writes a formula.
 * - Non-finite numbers, impossible dates, dates before 1900-01-01 and "" are written as empty cells
 *   (keeping the style): Excel has no representation for them and a report must still open.
 * - Text longer than 32,767 characters is cut to Excel's cell limit.
 * - List validations go inline (`"A,B,C"`) when they can. Excel's inline list has no quoting, so a value
 *   containing a comma or a double quote, a value with leading/trailing spaces or a line break, an empty
 *   value, or a list longer than 255 characters is written instead into a very hidden helper sheet
 *   (`_lists`, one column per distinct list, protected) placed after all other sheets, and the validation
 *   refers to it as `'_lists'!$A$1:$A$n`. Readers of the template should ignore that sheet.
 * - Throws on an invalid spec (bad sheet name, duplicate sheet, bad range, overlapping merges, no visible
 *   sheet, bad defined name, bad colour): those are programming errors, not data errors.
 * - `codec` compresses the parts: fflate by default (browser-safe); Node callers pass zlib's
 *   (node-deflate.ts), much faster on a large summary. The same spec and codec give the same bytes.
 */
export function writeXlsx(spec: WorkbookSpec, codec: ZipCodec = FFLATE_CODEC): Uint8Array {
  return zipEntries(xlsxEntries(spec, (part) => zipEntry(part, codec)));
}

/**
 * Bytes of parts handed to `entryLater` in one write, at most; the parts after are compressed at once
 * with the codec. The sheets are rendered in one synchronous pass, so no deflate on the pool is
 * collected before the last: every part handed over is a copy held until then. A 1,000-unit summary
 * (≈ 4 MB of XML) goes to the pool whole; of a 10,000-unit one (≈ 38 MB) the first 16 MB do.
 */
const MAX_IN_FLIGHT_BYTES = 16 * 1024 * 1024;

/**
 * The same workbook as writeXlsx, with each part handed to `entryLater` as soon as it is made and
 * the sheets rendered while earlier parts are compressed (in the CLI, on node:zlib's thread pool:
 * nodeZipEntryLater in node-deflate.ts, the same bytes as NODE_ZIP_CODEC). Each part is handed over
 * as a copy of its own: a sheet's bytes are the writer's reused buffer, overwritten by the next sheet.
 * Past `maxInFlightBytes` of such copies, parts are compressed at once with `codec`, which must give
 * the same bytes as `entryLater`.
 */
export async function writeXlsxOverlapped(
  spec: WorkbookSpec,
  entryLater: (part: ZipPart) => Promise<ZipEntry>,
  codec: ZipCodec,
  maxInFlightBytes = MAX_IN_FLIGHT_BYTES,
): Promise<Uint8Array> {
  let inFlight = 0;
  const entries = xlsxEntries(spec, (part): ZipEntry | Promise<ZipEntry> => {
    if (inFlight + part.data.length > maxInFlightBytes) return zipEntry(part, codec);
    inFlight += part.data.length;
    return entryLater({ name: part.name, data: part.data.slice() });
  });
  return zipEntries(await Promise.all(entries));
}

/** The package's entries in archive order, each part made into an E by `entry` (while the part's bytes are still valid). */
function xlsxEntries<E>(spec: WorkbookSpec, entry: (part: ZipPart) => E): E[] {
  validateSheets(spec.sheets);
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const lists = new ListPlanner(spec.sheets.map((s) => s.name));

  const enc = new TextEncoder();
  const part = (name: string, xml: string): ZipPart => ({ name, data: enc.encode(xml) });
  // Each sheet is rendered into one reused buffer and compressed at once: a summary of 10,000 units
  // never holds more than one sheet's XML, and that as bytes.
  const sink = new ByteSink();
  const entries: {
    name: string;
    state: SheetState;
    autoFilter?: CellRange;
    printTitles?: string;
    drawing?: number;
  }[] = [];
  const sheetEntries: E[] = [];
  /** Each sheet's drawing (its charts, numbered across the workbook) and every chart part's XML. */
  const drawings: { xml: string; charts: number[] }[] = [];
  const chartParts: string[] = [];
  const addSheet = (sheet: SheetSpec, state: SheetState, selected: boolean): void => {
    const autoFilter = sheet.autoFilter !== undefined ? parseRange(sheet.autoFilter) : undefined;
    let drawing: number | undefined;
    if (sheet.charts !== undefined && sheet.charts.length > 0) {
      drawings.push({
        xml: drawingXml(sheet.charts),
        charts: sheet.charts.map((c) => {
          chartParts.push(chartXml(sheet, c));
          return chartParts.length;
        }),
      });
      drawing = drawings.length;
    }
    entries.push({
      name: sheet.name,
      state,
      autoFilter,
      printTitles: printTitlesFormula(sheet.name, sheet.print?.repeatRows, sheet.print?.repeatColumns),
      drawing,
    });
    sink.clear();
    renderSheet(sink, sheet, styles, strings, lists, selected, drawing !== undefined);
    sheetEntries.push(entry({ name: `xl/worksheets/sheet${entries.length}.xml`, data: sink.view() }));
  };
  const firstVisible = spec.sheets.findIndex((s) => s.hidden !== true);
  spec.sheets.forEach((sheet, i) =>
    addSheet(sheet, sheet.hidden === true ? "hidden" : "visible", i === firstVisible),
  );
  const helper = lists.helperSheet();
  if (helper) addSheet(helper, "veryHidden", false);

  const definedNames: string[] = [];
  entries.forEach((e, i) => {
    if (e.printTitles !== undefined) {
      definedNames.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(e.printTitles)}</definedName>`,
      );
    }
    if (e.autoFilter) {
      // Excel writes this hidden name for every autofilter and relies on it when re-filtering.
      definedNames.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">` +
          escapeText(quoteSheetName(e.name) + "!" + formatRange(e.autoFilter, true)) +
          "</definedName>",
      );
    }
  });
  for (const [name, formula] of Object.entries(spec.definedNames ?? {})) {
    validateDefinedName(name);
    definedNames.push(
      `<definedName name="${escapeAttr(name)}">${escapeText(stripEquals(formula))}</definedName>`,
    );
  }

  const uncached = spec.sheets.some((s) => s.rows.some((r) => r.some((c) => isUncachedFormula(c))));
  const workbookXml =
    XML_DECL +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    "<workbookPr/>" +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="${firstVisible}"/></bookViews>` +
    "<sheets>" +
    entries
      .map(
        (e, i) =>
          `<sheet name="${escapeAttr(e.name)}" sheetId="${i + 1}"` +
          (e.state === "visible" ? "" : ` state="${e.state}"`) +
          ` r:id="rId${i + 1}"/>`,
      )
      .join("") +
    "</sheets>" +
    (definedNames.length > 0 ? `<definedNames>${definedNames.join("")}</definedNames>` : "") +
    // Formulas carry the values the caller computed. Only a formula without one asks Excel to
    // recalculate on load: readers (ours included, STALE_FORMULA) take that flag to mean the saved
    // values may be stale. Excel recalculates a file saved by an older calcId on open anyway.
    `<calcPr calcId="191029"${uncached ? ' fullCalcOnLoad="1"' : ""}/>` +
    "</workbook>";

  const hasStrings = strings.size > 0;
  const n = entries.length;
  const workbookRels =
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    entries
      .map(
        (_e, i) =>
          `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    (hasStrings
      ? `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`
      : "") +
    "</Relationships>";

  const contentTypes =
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    entries
      .map(
        (_e, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    drawings
      .map(
        (_d, i) =>
          `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`,
      )
      .join("") +
    chartParts
      .map(
        (_c, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`,
      )
      .join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (hasStrings
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : "") +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    "</Types>";

  const rootRels =
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
    "</Relationships>";

  // No creation date: it would make identical specs produce different bytes.
  const coreXml =
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (spec.title !== undefined ? `<dc:title>${escapeText(spec.title)}</dc:title>` : "") +
    (spec.creator !== undefined ? `<dc:creator>${escapeText(spec.creator)}</dc:creator>` : "") +
    "</cp:coreProperties>";
  const appXml =
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>KL226</Application><DocSecurity>0</DocSecurity>" +
    "</Properties>";

  // [Content_Types].xml first: some consumers sniff the package by its first entry.
  const parts: ZipPart[] = [
    part("[Content_Types].xml", contentTypes),
    part("_rels/.rels", rootRels),
    part("docProps/core.xml", coreXml),
    part("docProps/app.xml", appXml),
    part("xl/workbook.xml", workbookXml),
    part("xl/_rels/workbook.xml.rels", workbookRels),
    part("xl/styles.xml", styles.toXml()),
    ...(hasStrings ? [part("xl/sharedStrings.xml", strings.toXml())] : []),
  ];
  entries.forEach((e, i) => {
    if (e.drawing === undefined) return;
    parts.push(
      part(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        rels("drawing", [`../drawings/drawing${e.drawing}.xml`]),
      ),
    );
  });
  drawings.forEach((d, i) => {
    parts.push(part(`xl/drawings/drawing${i + 1}.xml`, d.xml));
    parts.push(
      part(
        `xl/drawings/_rels/drawing${i + 1}.xml.rels`,
        rels(
          "chart",
          d.charts.map((n) => `../charts/chart${n}.xml`),
        ),
      ),
    );
  });
  chartParts.forEach((xml, i) => parts.push(part(`xl/charts/chart${i + 1}.xml`, xml)));
  return [...parts.map(entry), ...sheetEntries];
}

/** A relationships part: rId1, rId2, … to the targets in order. */
function rels(type: "drawing" | "chart", targets: readonly string[]): string {
  const each = targets.map(
    (target, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/${type}" Target="${target}"/>`,
  );
  return XML_DECL + `<Relationships xmlns="${NS_PKG_REL}">${each.join("")}</Relationships>`;
}

// ---------------------------------------------------------------------------------------------
// Validation of the spec

// eslint-disable-next-line no-control-regex -- control characters are not allowed in sheet names
const BAD_SHEET_CHARS = /[[\]:*?/\\\u0000-\u001F]/;

function validateSheets(sheets: readonly SheetSpec[]): void {
  if (sheets.length === 0) throw new Error("xlsx writer: a workbook needs at least one sheet");
  const seen = new Set<string>();
  for (const s of sheets) {
    const name = s.name;
    if (name.length === 0 || name.length > 31)
      throw new Error(`xlsx writer: sheet name "${name}" must have 1–31 characters`);
    if (BAD_SHEET_CHARS.test(name))
      throw new Error(`xlsx writer: sheet name "${name}" contains one of []:*?/\\`);
    if (name.startsWith("'") || name.endsWith("'"))
      throw new Error(`xlsx writer: sheet name "${name}" starts or ends with '`);
    // Excel compares sheet names case-insensitively; NFC so that NFD Vietnamese duplicates are caught too.
    const key = name.normalize("NFC").toUpperCase();
    if (seen.has(key)) throw new Error(`xlsx writer: duplicate sheet name "${name}"`);
    seen.add(key);
  }
  if (sheets.every((s) => s.hidden === true))
    throw new Error("xlsx writer: at least one sheet must be visible");
}

function validateDefinedName(name: string): void {
  const ok =
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && // looks like a cell (A1, XFD10)
    !/^[Rr]([0-9]*)?([Cc][0-9]*)?$/.test(name) && // R1C1-style or bare R
    !/^[Cc][0-9]*$/.test(name) && // C1-style or bare C
    !name.startsWith("_xlnm.");
  if (!ok) throw new Error(`xlsx writer: invalid defined name "${name}"`);
}

function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

function isUncachedFormula(c: CellSpec | null | undefined): boolean {
  const v = c?.value;
  return typeof v === "object" && v !== null && "formula" in v && v.cached === undefined;
}

// ---------------------------------------------------------------------------------------------
// Shared strings

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;

  get size(): number {
    return this.list.length;
  }

  add(s: string): number {
    this.count++;
    let id = this.index.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.index.set(s, id);
    }
    return id;
  }

  toXml(): string {
    const parts: string[] = [
      XML_DECL,
      `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`,
    ];
    for (const s of this.list) {
      // Without xml:space="preserve" readers may drop leading/trailing blanks and line breaks.
      const preserve = s.trim() !== s || s.includes("\n") || s.includes("\t");
      parts.push(
        preserve
          ? `<si><t xml:space="preserve">${escapeText(s)}</t></si>`
          : `<si><t>${escapeText(s)}</t></si>`,
      );
    }
    parts.push("</sst>");
    return parts.join("");
  }
}

// ---------------------------------------------------------------------------------------------
// List validations: inline or in the helper sheet

class ListPlanner {
  private readonly columns = new Map<string, number>();
  private readonly values: (readonly string[])[] = [];
  readonly sheetName: string;

  constructor(userSheets: readonly string[]) {
    const taken = new Set(userSheets.map((n) => n.normalize("NFC").toUpperCase()));
    let name = LIST_SHEET_NAME;
    for (let i = 2; taken.has(name.toUpperCase()); i++) name = LIST_SHEET_NAME + i;
    this.sheetName = name;
  }

  /** The formula1 text (without "=") for a list validation. */
  formulaFor(values: readonly string[]): string {
    if (values.length === 0) throw new Error("xlsx writer: a list validation needs at least one value");
    const inline = values.join(",");
    const canInline =
      inline.length <= MAX_INLINE_LIST &&
      values.every((v) => v !== "" && v.trim() === v && !/[,"\r\n]/.test(v));
    if (canInline) return '"' + inline + '"';
    const key = values.join("\u0000");
    let col = this.columns.get(key);
    if (col === undefined) {
      col = this.values.length;
      if (col >= MAX_COLS) throw new Error("xlsx writer: too many distinct list validations");
      this.values.push(values);
      this.columns.set(key, col);
    }
    const letter = colName(col);
    return `${quoteSheetName(this.sheetName)}!$${letter}$1:$${letter}$${values.length}`;
  }

  helperSheet(): SheetSpec | undefined {
    if (this.values.length === 0) return undefined;
    const height = Math.max(...this.values.map((v) => v.length));
    const rows: (CellSpec | null)[][] = [];
    for (let r = 0; r < height; r++)
      rows.push(this.values.map((v) => (v[r] !== undefined ? { value: v[r] ?? "" } : null)));
    return { name: this.sheetName, rows, protect: true, hidden: true };
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

const PAGE_MARGINS = `<pageMargins ${Object.entries(PAGE_MARGINS_INCHES)
  .map(([side, inches]) => `${side}="${inches}"`)
  .join(" ")}/>`;

/** pageSetup's fit: as many pages wide as asked (one unless told), as tall as the rows need; several across print left to right, then down. */
function fitAttributes(print: PrintSpec | undefined): string {
  if (print?.fitToWidth !== true) return "";
  const pagesWide = print.pagesWide ?? 1;
  return ` fitToWidth="${pagesWide}" fitToHeight="0"` + (pagesWide > 1 ? ' pageOrder="overThenDown"' : "");
}

/** 1900-system serial of a calendar day, or undefined when Excel cannot show it. */
export function dateSerial(d: CivilDate): number | undefined {
  if (!isValidDate(d.year, d.month, d.day) || d.year < 1900 || d.year > 9999) return undefined;
  return serialFromDate(d);
}

/** Stored column width for a width in characters as Excel's dialog shows it (Calibri 11: 7px digits, 5px padding). */
function storedWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

/** Writes the worksheet XML of `sheet` into `sink` (empty on entry). */
function renderSheet(
  sink: ByteSink,
  sheet: SheetSpec,
  styles: StyleTable,
  strings: SharedStrings,
  lists: ListPlanner,
  selected: boolean,
  hasDrawing = false,
): void {
  const heights = sheet.rowHeights ?? {};
  let rowCount = sheet.rows.length;
  for (const key of Object.keys(heights)) rowCount = Math.max(rowCount, Number(key) + 1);
  if (rowCount > MAX_ROWS)
    throw new Error(`xlsx writer: sheet "${sheet.name}" has more than ${MAX_ROWS} rows`);

  let minRow = -1;
  let maxRow = -1;
  let maxCol = -1;
  let minCol = Number.MAX_SAFE_INTEGER;
  // The rows go first; what comes before them (the dimension needs every row) is put in front after.
  let rowsWritten = 0;
  for (let r = 0; r < rowCount; r++) {
    const row = sheet.rows[r];
    const ht = heights[r];
    const rowCells: string[] = [];
    if (row) {
      if (row.length > MAX_COLS)
        throw new Error(`xlsx writer: sheet "${sheet.name}" row ${r + 1} has more than ${MAX_COLS} columns`);
      const rowNum = r + 1;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const xml = renderCell(cell, colName(c) + rowNum, styles, strings);
        if (xml === "") continue;
        rowCells.push(xml);
        if (c > maxCol) maxCol = c;
        if (c < minCol) minCol = c;
      }
    }
    // One string (and one encoding) per row rather than per cell.
    const cells = rowCells.join("");
    if (cells === "" && ht === undefined) continue;
    if (cells !== "") {
      if (minRow < 0) minRow = r;
      maxRow = r;
    }
    let attrs = ` r="${r + 1}"`;
    if (ht !== undefined) {
      if (!Number.isFinite(ht) || ht < 0 || ht > MAX_ROW_HEIGHT)
        throw new Error(`xlsx writer: invalid row height ${ht}`);
      attrs += ` ht="${ht}" customHeight="1"`;
    }
    sink.push(cells === "" ? `<row${attrs}/>` : `<row${attrs}>${cells}</row>`);
    rowsWritten++;
  }

  const dimension = maxRow < 0 ? "A1" : formatRange({ r1: minRow, c1: minCol, r2: maxRow, c2: maxCol });

  const head: string[] = [XML_DECL, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  // CT_Worksheet is a strict sequence; Excel "repairs" a file whose children are out of order.
  if (sheet.print?.fitToWidth === true) head.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  head.push(`<dimension ref="${dimension}"/>`);
  head.push(sheetViews(sheet, selected));
  head.push('<sheetFormatPr defaultRowHeight="15"/>');
  head.push(cols(sheet, styles));
  head.push(rowsWritten > 0 ? "<sheetData>" : "<sheetData/>");
  sink.prepend(head.join(""));
  const out: string[] = rowsWritten > 0 ? ["</sheetData>"] : [];
  if (sheet.protect === true) {
    // No password: the point is to stop accidental edits of labels, not to secure anything.
    // Attributes set to "0" are the actions still allowed on the protected sheet.
    out.push(
      '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" insertRows="0" autoFilter="0" sort="0"/>',
    );
  }
  if (sheet.autoFilter !== undefined)
    out.push(`<autoFilter ref="${formatRange(parseRange(sheet.autoFilter))}"/>`);
  out.push(mergeCells(sheet));
  out.push(dataValidations(sheet.dataValidations ?? [], lists));
  out.push(PAGE_MARGINS);
  out.push(
    '<pageSetup paperSize="9"' +
      fitAttributes(sheet.print) +
      ` orientation="${sheet.print?.landscape === true ? "landscape" : "portrait"}"/>`,
  );
  const header = pageTextCodes(sheet.print?.header);
  const footer = pageTextCodes(sheet.print?.footer);
  if (header !== "" || footer !== "") {
    out.push(
      "<headerFooter>" +
        (header !== "" ? `<oddHeader>${escapeText(header)}</oddHeader>` : "") +
        (footer !== "" ? `<oddFooter>${escapeText(footer)}</oddFooter>` : "") +
        "</headerFooter>",
    );
  }
  if (hasDrawing) out.push('<drawing r:id="rId1"/>');
  out.push("</worksheet>");
  sink.push(out.join(""));
}

/** A cell with no value keeps its style (bordered, unlocked input cells of the template). */
function emptyCell(ref: string, style: CellStyle | undefined, styles: StyleTable): string {
  return style ? `<c r="${ref}" s="${styles.xfId(style)}"/>` : "";
}

// Hot path (one call per cell): no closures or temporary objects.
function renderCell(cell: CellSpec, ref: string, styles: StyleTable, strings: SharedStrings): string {
  const v = cell.value;
  const style: CellStyle | undefined = cell.style;
  if (v === null) return emptyCell(ref, style, styles);
  const isDate = typeof v === "object" && "date" in v;
  const xf = style || isDate ? styles.xfId(style, isDate ? DEFAULT_DATE_FORMAT : undefined) : 0;
  const s = xf === 0 ? "" : ` s="${xf}"`;
  switch (typeof v) {
    case "string":
      if (v === "") return emptyCell(ref, style, styles);
      return `<c r="${ref}"${s} t="s"><v>${strings.add(truncateUtf16(v, MAX_CELL_TEXT))}</v></c>`;
    case "number":
      return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : emptyCell(ref, style, styles);
    case "boolean":
      return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  }
  if ("date" in v) {
    const serial = dateSerial(v.date);
    return serial === undefined ? emptyCell(ref, style, styles) : `<c r="${ref}"${s}><v>${serial}</v></c>`;
  }
  const f = `<f>${escapeText(stripEquals(v.formula))}</f>`;
  const cached = v.cached;
  if (typeof cached === "string") return `<c r="${ref}"${s} t="str">${f}<v>${escapeText(cached)}</v></c>`;
  if (typeof cached === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${cached ? 1 : 0}</v></c>`;
  if (typeof cached === "number" && Number.isFinite(cached))
    return `<c r="${ref}"${s}>${f}<v>${cached}</v></c>`;
  return `<c r="${ref}"${s}>${f}</c>`;
}

function sheetViews(sheet: SheetSpec, selected: boolean): string {
  const open = `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  const fr = sheet.freeze;
  const rows = fr?.rows ?? 0;
  const cols = fr?.cols ?? 0;
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    rows < 0 ||
    cols < 0 ||
    rows >= MAX_ROWS ||
    cols >= MAX_COLS
  ) {
    throw new Error(`xlsx writer: invalid freeze ${rows} rows / ${cols} cols`);
  }
  if (rows === 0 && cols === 0) return open + "/></sheetViews>";
  const topLeft = colName(cols) + (rows + 1);
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    open +
    ">" +
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    "</sheetView></sheetViews>"
  );
}

function cols(sheet: SheetSpec, styles: StyleTable): string {
  const widths = sheet.columnWidths ?? [];
  const colStyles = sheet.columnStyles ?? [];
  if (widths.length > MAX_COLS || colStyles.length > MAX_COLS)
    throw new Error(`xlsx writer: too many columns described`);
  let xml = "";
  for (let i = 0; i < Math.max(widths.length, colStyles.length); i++) {
    const w = widths[i];
    const st = colStyles[i];
    if (w === undefined && st === undefined) continue;
    if (w !== undefined && (!Number.isFinite(w) || w < 0 || w > 255))
      throw new Error(`xlsx writer: invalid column width ${w}`);
    const style = st === undefined ? "" : ` style="${styles.xfId(st)}"`;
    // Width 0 means a hidden column to Excel; say so explicitly rather than store a sliver of padding.
    const width =
      w === undefined
        ? ` width="${storedWidth(DEFAULT_COLUMN_WIDTH)}"`
        : w === 0
          ? ' width="0" hidden="1" customWidth="1"'
          : ` width="${storedWidth(w)}" customWidth="1"`;
    xml += `<col min="${i + 1}" max="${i + 1}"${width}${style}/>`;
  }
  return xml === "" ? "" : `<cols>${xml}</cols>`;
}

const DEFAULT_COLUMN_WIDTH = 8.43;

function mergeCells(sheet: SheetSpec): string {
  const merges = (sheet.merges ?? []).map(parseRange).filter((m) => m.r1 !== m.r2 || m.c1 !== m.c2);
  if (merges.length === 0) return "";
  // Excel drops the whole merge table (with a repair prompt) if two merges overlap.
  for (let i = 0; i < merges.length; i++) {
    const a = merges[i];
    for (let j = i + 1; j < merges.length; j++) {
      const b = merges[j];
      if (a && b && a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2) {
        throw new Error(
          `xlsx writer: overlapping merges ${formatRange(a)} and ${formatRange(b)} in "${sheet.name}"`,
        );
      }
    }
  }
  return `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${formatRange(m)}"/>`).join("")}</mergeCells>`;
}

function dataValidations(dvs: readonly DataValidationSpec[], lists: ListPlanner): string {
  if (dvs.length === 0) return "";
  const parts = dvs.map((dv) => {
    const sqref = parseSqref(dv.ref)
      .map((r) => formatRange(r))
      .join(" ");
    let attrs = ` type="${dv.type}"`;
    let formulas: string;
    if (dv.type === "list") {
      formulas = `<formula1>${escapeText(lists.formulaFor(dv.values))}</formula1>`;
    } else {
      if (
        !Number.isFinite(dv.min) ||
        (dv.max !== undefined && (!Number.isFinite(dv.max) || dv.max < dv.min))
      ) {
        throw new Error(`xlsx writer: invalid whole-number bounds ${dv.min}..${dv.max}`);
      }
      if (dv.max === undefined) {
        attrs += ' operator="greaterThanOrEqual"';
        formulas = `<formula1>${dv.min}</formula1>`;
      } else {
        attrs += ' operator="between"';
        formulas = `<formula1>${dv.min}</formula1><formula2>${dv.max}</formula2>`;
      }
    }
    // showErrorMessage is always on: with it off, Excel accepts any value and the rule is decoration.
    attrs += ' allowBlank="1"';
    if (dv.prompt) attrs += ' showInputMessage="1"';
    attrs += ' showErrorMessage="1"';
    if (dv.error) {
      attrs += ` errorTitle="${escapeAttr(truncateUtf16(dv.error.title, MAX_ERROR_TITLE))}"`;
      attrs += ` error="${escapeAttr(truncateUtf16(dv.error.text, MAX_ERROR))}"`;
    }
    if (dv.prompt) {
      attrs += ` promptTitle="${escapeAttr(truncateUtf16(dv.prompt.title, MAX_PROMPT_TITLE))}"`;
      attrs += ` prompt="${escapeAttr(truncateUtf16(dv.prompt.text, MAX_PROMPT))}"`;
    }
    return `<dataValidation${attrs} sqref="${sqref}">${formulas}</dataValidation>`;
  });
  return `<dataValidations count="${parts.length}">${parts.join("")}</dataValidations>`;
}
