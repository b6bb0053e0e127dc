// The worksheet hot path: a specialised scanner over <sheetData> that turns rows and cells into the sparse Sheet rows.
// It works on char codes and offsets (no per-tag strings) because this loop runs for every cell of every file.
import type { Cell, CellRange, CellValue, LegacyFont, ReadLimits, TextRun } from "../core/workbook";
import { EMPTY, a1, parseA1 } from "../core/workbook";
import { fail } from "./failure";
import { LEGACY_FONTS, inlineStringRuns, isoToSerial, type SharedRun } from "./sml";
import { MAX_REPEAT, XmlScanner, decodeText, skippableElements, unescapeOoxml } from "./xml";

export interface SheetContext {
  readonly part: string;
  /** The sheet's name in the workbook: a cell over a limit is said with it ("Chỉ tiêu", not sheet2.xml). */
  readonly sheet: string;
  readonly sharedStrings: readonly string[];
  /** Per cellXfs index, what its number format shows (sml.ts parseNumberStyles: NUMBER_DATE, NUMBER_PERCENT). */
  readonly numberStyles: Uint8Array;
  /** Per cellXfs index, its legacy font (sml.ts LegacyStyleFonts.kinds); absent in the usual file without one. */
  readonly legacyFonts?: Uint8Array;
  /** Per cellXfs index, its legacy font's name (sml.ts LegacyStyleFonts.names); with `legacyFonts` when a style has one. */
  readonly legacyFontNames?: readonly string[];
  /** Per shared string, its runs' own fonts (sml.ts sharedStringRuns); only with `legacyFonts`. */
  readonly stringRuns?: readonly (readonly SharedRun[] | undefined)[];
  readonly date1904: boolean;
  readonly limits: ReadLimits;
}

export type Rows = (Cell | undefined)[][];

// Local copies of xml.ts's char codes on purpose: imported bindings compile to property loads of
// the module object, which made this loop about 3× slower when tried.
const SLASH = 0x2f;
const GT = 0x3e;
const LT = 0x3c;
const BANG = 0x21;
const QMARK = 0x3f;
const COLON = 0x3a;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const CH_c = 0x63;
const CH_v = 0x76;
const CH_f = 0x66;
const CH_t = 0x74;
const CH_r = 0x72;
const CH_s = 0x73;
// sml.ts's NUMBER_DATE, NUMBER_PERCENT and NUMBER_DATE_MONTH_FIRST, copied for the same reason.
const STYLE_DATE = 1;
const STYLE_PERCENT = 2;
const STYLE_DATE_MONTH_FIRST = 3;

// Cell types (`t` attribute) as small ints.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

// Results of parseRef and readText, in module scope so the per-cell path allocates nothing.
let refRow = 0;
let refCol = 0;
let textEnd = 0;

/**
 * Character data from `from` to the next tag, CDATA included, entity-decoded; sets textEnd to that tag.
 * (Top-level rather than a closure over the scan position: a captured, mutated `pos` would live in a
 * heap context and slow every step of the main loop.)
 */
function readText(xml: string, from: number, part: string): string {
  let out = "";
  let pos = from;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) fail("CORRUPT", `malformed XML in ${part}: unexpected end of document in text`);
    out += decodeText(xml.slice(pos, lt));
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) fail("CORRUPT", `malformed XML in ${part}: unterminated CDATA`);
      out += xml.slice(lt + 9, end);
      pos = end + 3;
      continue;
    }
    textEnd = lt;
    return out;
  }
}

/** Parses an A1 reference in s[a, b) into refRow/refCol (0-based); false when it is not one. */
function parseRef(s: string, a: number, b: number): boolean {
  let i = a;
  let col = 0;
  for (; i < b && i - a < 7; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === a || i === b) return false;
  const digits = i;
  let row = 0;
  for (; i < b && i - digits < 10; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  if (i !== b || row === 0) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

/** A non-negative decimal integer in s[a, b), or -1. */
function parseUint(s: string, a: number, b: number): number {
  if (a >= b || b - a > 15) return -1;
  let v = 0;
  for (let i = a; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The number in s[a, b): plain integers without allocating, anything else through Number(). NaN if none. */
function parseNumber(s: string, a: number, b: number): number {
  const neg = s.charCodeAt(a) === 0x2d;
  const v = parseUint(s, neg ? a + 1 : a, b);
  if (v >= 0) return neg ? -v : v;
  const t = s.slice(a, b).trim();
  return t === "" ? NaN : Number(t);
}

function cellType(s: string, a: number, b: number): number {
  const len = b - a;
  if (len === 1) {
    switch (s.charCodeAt(a)) {
      case CH_s:
        return T_SHARED;
      case 0x62: // b
        return T_BOOL;
      case 0x65: // e
        return T_ERROR;
      case 0x64: // d
        return T_DATE;
      default:
        return T_NUMBER;
    }
  }
  if (len === 3 && s.startsWith("str", a)) return T_STR;
  if (len === 9 && s.startsWith("inlineStr", a)) return T_INLINE;
  return T_NUMBER;
}

/** Index of the '>' closing the start tag whose attributes begin at i ('>' inside quoted values skipped). */
function tagEnd(s: string, i: number): number {
  // A char loop, not indexOf: tags are short, and a builtin call per tag costs more than the scan.
  const n = s.length;
  let quote = 0;
  for (let k = i; k < n; k++) {
    const c = s.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT) return k;
    else if (c === DQUOTE || c === SQUOTE) quote = c;
    else if (c === LT) return -1;
  }
  return -1;
}

// Value ranges of the r, t and s attributes found by scanCellAttrs (-1 when absent).
let rStart = -1;
let rEnd = -1;
let tStart = -1;
let tEnd = -1;
let sStart = -1;
let sEnd = -1;
// The first character of an unprefixed hidden="…" (a <row>'s), -1 when absent.
let hiddenAt = -1;

/**
 * Scans the attributes of a <c> or <row> start tag from i, recording r, t and s (unprefixed), and returns
 * the index of the closing '>' (-1 when malformed). One pass finds both the values and the tag's end.
 */
function scanCellAttrs(s: string, i: number): number {
  rStart = rEnd = tStart = tEnd = sStart = sEnd = hiddenAt = -1;
  const n = s.length;
  for (;;) {
    let c = s.charCodeAt(i);
    while (i < n && isSpace(c)) c = s.charCodeAt(++i);
    if (c === GT) return i;
    if (c === SLASH) return s.charCodeAt(i + 1) === GT ? i + 1 : -1;
    if (i >= n) return -1;
    const nameStart = i;
    let prefixed = false;
    while (i < n && c !== EQ && c !== GT && !isSpace(c)) {
      if (c === COLON) prefixed = true;
      c = s.charCodeAt(++i);
    }
    const nameLen = i - nameStart;
    while (i < n && isSpace(c)) c = s.charCodeAt(++i);
    if (c !== EQ) return -1;
    c = s.charCodeAt(++i);
    while (i < n && isSpace(c)) c = s.charCodeAt(++i);
    if (c !== DQUOTE && c !== SQUOTE) return -1;
    const quote = c;
    const vs = i + 1;
    i = vs;
    while (i < n && s.charCodeAt(i) !== quote) i++;
    if (i >= n) return -1;
    if (nameLen === 1 && !prefixed) {
      const a = s.charCodeAt(nameStart);
      if (a === CH_r) {
        rStart = vs;
        rEnd = i;
      } else if (a === CH_t) {
        tStart = vs;
        tEnd = i;
      } else if (a === CH_s) {
        sStart = vs;
        sEnd = i;
      }
    } else if (nameLen === 6 && !prefixed && s.startsWith("hidden", nameStart)) hiddenAt = vs;
    i++;
  }
}

// Results of plainCellStart, like scanCellAttrs's.
let plainRef = false;

/**
 * The usual cell start tag from i (just past `<c`): at most one each of ` r="A1"`, ` s="3"` and
 * ` t="s"`, in any order, one space before each, double quotes, then `>` or `/>`. Reads the
 * reference into refRow/refCol (plainRef says whether there was one) and the type and style into
 * tStart/tEnd and sStart/sEnd in the same pass, and returns the index of the '>'. Anything else
 * (other attributes, a reference parseRef would refuse, odd spacing) returns -1, and the caller
 * reads the tag the general way. Most cells of a filled-in template are `<c r="H5" s="7"/>`, so
 * this is the scanner's hottest path.
 */
function plainCellStart(s: string, i: number): number {
  plainRef = false;
  tStart = tEnd = sStart = sEnd = -1;
  for (;;) {
    let c = s.charCodeAt(i);
    if (c === GT) return i;
    if (c === SLASH) return s.charCodeAt(i + 1) === GT ? i + 1 : -1;
    if (c !== 0x20 || s.charCodeAt(i + 2) !== EQ || s.charCodeAt(i + 3) !== DQUOTE) return -1;
    const a = s.charCodeAt(i + 1);
    const vs = i + 4;
    i = vs;
    if (a === CH_r) {
      if (plainRef) return -1;
      let col = 0;
      c = s.charCodeAt(i);
      while (c >= 65 && c <= 90 && i - vs < 7) {
        col = col * 26 + (c - 64);
        c = s.charCodeAt(++i);
      }
      const digits = i;
      let row = 0;
      while (c >= 48 && c <= 57 && i - digits < 10) {
        row = row * 10 + (c - 48);
        c = s.charCodeAt(++i);
      }
      if (c !== DQUOTE || i === digits || digits === vs || row === 0) return -1;
      refRow = row - 1;
      refCol = col - 1;
      plainRef = true;
    } else if (a === CH_s) {
      if (sStart >= 0) return -1;
      c = s.charCodeAt(i);
      while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
      if (c !== DQUOTE || i === vs || i - vs > 15) return -1;
      sStart = vs;
      sEnd = i;
    } else if (a === CH_t) {
      if (tStart >= 0) return -1;
      // A char loop, not indexOf: the value is a few characters, and a builtin call costs more here.
      const n = s.length;
      while (i < n && s.charCodeAt(i) !== DQUOTE) i++;
      if (i >= n) return -1;
      tStart = vs;
      tEnd = i;
    } else return -1;
    i++;
  }
}

/**
 * One or more formatting-only cells in the plain shape, `<c r="H5" s="7"/>` (a reference that
 * plainCellStart accepts, an optional style, nothing else). Filled-in templates are mostly these
 * (borders and fills on empty input cells), and the regex engine skips a run of them several times
 * faster than the char loops can.
 */
// Both at most MAX_REPEAT (xml.ts) repetitions a match, or a million such rows overflow the regex
// stack; the scan loop comes back to the next one and matches again.
const FORMATTING_ONLY_CELLS = new RegExp(
  `(?:<c r="[A-Z]{1,7}[1-9][0-9]{0,9}"(?: s="[0-9]{1,15}")?\\/>){1,${MAX_REPEAT}}`,
  "y",
);
/** One or more whole rows of such cells (an empty meeting log is 25 of them), each `<row r="9">…</row>`. */
const FORMATTING_ONLY_ROWS = new RegExp(
  `(?:<row r="[1-9][0-9]{0,9}">(?:<c r="[A-Z]{1,7}[1-9][0-9]{0,9}"(?: s="[0-9]{1,15}")?\\/>){0,${MAX_REPEAT}}<\\/row>){1,${MAX_REPEAT}}`,
  "y",
);
const ROW_R = '<row r="';

// Shared, immutable values so common cells do not allocate twice.
const FALSE_VALUE: CellValue = { kind: "boolean", value: false };
const TRUE_VALUE: CellValue = { kind: "boolean", value: true };
// A module-level copy: an imported binding is a getter call on every use in the loop below.
const EMPTY_VALUE: CellValue = EMPTY;
const EMPTY_FORMULA_CELL: Cell = { value: EMPTY_VALUE, formula: true };

/** True when s has the end tag `</x>` at i, for a one-letter unprefixed name x (char-code compares: no builtin call). */
function isEndTag(s: string, i: number, x: number): boolean {
  return (
    s.charCodeAt(i) === LT &&
    s.charCodeAt(i + 1) === SLASH &&
    s.charCodeAt(i + 2) === x &&
    s.charCodeAt(i + 3) === GT
  );
}

function corrupt(part: string, what: string): never {
  fail("CORRUPT", `malformed XML in ${part}: ${what}`);
}

function tooLong(ctx: SheetContext, row: number, col: number, len: number): never {
  fail(
    "STRING_TOO_LONG",
    `${ctx.part}: cell ${a1(row, col)} has ${len} characters (limit ${ctx.limits.maxStringLength})`,
    { sheet: ctx.sheet, cell: a1(row, col) },
  );
}

/** The <v> text, entity-decoded: vText when it needed decoding work (CDATA), else the raw range. */
function vString(xml: string, vStart: number, vEnd: number, vText: string | undefined): string | undefined {
  return vText !== undefined ? vText : vStart >= 0 ? decodeText(xml.slice(vStart, vEnd)) : undefined;
}

/**
 * The value of a finished cell, or undefined when it carries nothing (style only, or empty without
 * a formula). vStart/vEnd is the raw <v> range (-1 when none) unless vText holds its decoded text;
 * isFrom/isTo the inside of an inline string's <is> (-1 when none), for its runs' fonts.
 */
function cellValue(
  xml: string,
  ctx: SheetContext,
  row: number,
  col: number,
  type: number,
  style: number,
  vStart: number,
  vEnd: number,
  vText: string | undefined,
  isText: string | undefined,
  hasFormula: boolean,
  isFrom = -1,
  isTo = -1,
): CellValue | undefined {
  const hasV = vStart >= 0 || vText !== undefined;
  if (!hasV && isText === undefined) return hasFormula ? EMPTY_VALUE : undefined;
  let value: CellValue;
  switch (type) {
    case T_SHARED: {
      const idx = vText !== undefined ? parseNumber(vText, 0, vText.length) : parseNumber(xml, vStart, vEnd);
      const str = idx >= 0 ? ctx.sharedStrings[idx] : undefined;
      if (str === undefined) {
        // `<c t="s"><v/></c>` (Excel and POI write it): no index is no value, as openpyxl reads it.
        if ((vString(xml, vStart, vEnd, vText) ?? "").trim() === "")
          return hasFormula ? EMPTY_VALUE : undefined;
        fail("CORRUPT", `${ctx.part}: cell ${a1(row, col)} refers to a missing shared string`);
      }
      value =
        ctx.legacyFonts === undefined
          ? { kind: "string", value: str }
          : ctx.stringRuns?.[idx] === undefined
            ? textIn(ctx, style, str)
            : textInRuns(
                ctx.stringRuns[idx],
                ctx.legacyFonts[style] ?? 0,
                ctx.legacyFontNames?.[style] ?? "",
                str,
              );
      break;
    }
    case T_INLINE:
    case T_STR: {
      const str = unescapeOoxml(isText ?? vString(xml, vStart, vEnd, vText) ?? "");
      if (str.length > ctx.limits.maxStringLength) tooLong(ctx, row, col, str.length);
      // Rich text written inline has its runs' fonts, as a rich shared string (`<is><r><rPr><rFont …`).
      const runs =
        type === T_INLINE && isFrom >= 0 && isTo > isFrom
          ? inlineStringRuns(xml, isFrom, isTo, ctx.part, ctx.legacyFontNames !== undefined)
          : undefined;
      value =
        runs !== undefined
          ? textInRuns(runs, ctx.legacyFonts?.[style] ?? 0, ctx.legacyFontNames?.[style] ?? "", str)
          : ctx.legacyFonts === undefined
            ? { kind: "string", value: str }
            : textIn(ctx, style, str);
      break;
    }
    case T_BOOL: {
      const t = (vString(xml, vStart, vEnd, vText) ?? "").trim();
      value = t === "" ? EMPTY_VALUE : t === "1" || t.toLowerCase() === "true" ? TRUE_VALUE : FALSE_VALUE;
      break;
    }
    case T_ERROR: {
      const t = (vString(xml, vStart, vEnd, vText) ?? "").trim();
      value = t === "" ? EMPTY_VALUE : { kind: "error", value: t };
      break;
    }
    case T_DATE: {
      const raw = vString(xml, vStart, vEnd, vText) ?? "";
      const serial = isoToSerial(raw, ctx.date1904);
      value =
        serial !== undefined
          ? { kind: "number", value: serial, isDate: true }
          : raw.trim() === ""
            ? EMPTY_VALUE
            : { kind: "string", value: raw };
      break;
    }
    default: {
      // "n" or absent: the common case, parsed straight from the document.
      const num =
        vText !== undefined
          ? parseNumber(vText, 0, vText.length)
          : vStart >= 0
            ? parseNumber(xml, vStart, vEnd)
            : NaN;
      if (!Number.isNaN(num)) {
        const shows = ctx.numberStyles[style];
        value =
          shows === STYLE_DATE
            ? { kind: "number", value: num, isDate: true }
            : shows === STYLE_PERCENT
              ? { kind: "number", value: num, isPercent: true }
              : shows === STYLE_DATE_MONTH_FIRST
                ? { kind: "number", value: num, isDate: true, monthFirst: true }
                : { kind: "number", value: num };
      } else {
        // Text on a number cell is unusual; keep it rather than lose it.
        const raw = isText ?? vString(xml, vStart, vEnd, vText) ?? "";
        if (raw.trim() === "") value = EMPTY_VALUE;
        else {
          if (raw.length > ctx.limits.maxStringLength) tooLong(ctx, row, col, raw.length);
          value = { kind: "string", value: unescapeOoxml(raw) };
        }
      }
    }
  }
  return value === EMPTY_VALUE && !hasFormula ? undefined : value;
}

/** A text cell's value, with the legacy font its style shows it in, if any (ctx.legacyFonts is set). */
function textIn(ctx: SheetContext, style: number, text: string): CellValue {
  const font = LEGACY_FONTS[ctx.legacyFonts?.[style] ?? 0];
  return font === undefined
    ? { kind: "string", value: text }
    : legacyText(text, font, ctx.legacyFontNames?.[style]);
}

/** A text shown in a legacy font, with the font's name when known. */
function legacyText(value: string, font: LegacyFont, fontName: string | undefined): CellValue {
  return fontName === undefined || fontName === ""
    ? { kind: "string", value, font }
    : { kind: "string", value, font, fontName };
}

// A run without a letter (a space, a comma) shows the same in any font: it joins the run before it.
const LETTER = /[\p{L}\u00a1-\u00ff]/u;

/**
 * A rich text cell's value by its runs' fonts (a run without its own font is in the cell's, `cellFont`):
 * one font, as a cell in it; runs of more than one, one a legacy font, each part with its own. Two
 * fonts of one kind (".VnTime" then ".VnArial") stay two parts, so the warning names both.
 */
function textInRuns(
  runs: readonly SharedRun[],
  cellFont: number,
  cellFontName: string,
  text: string,
): CellValue {
  const parts: { text: string; font: number; name: string }[] = [];
  for (const run of runs) {
    const own = run.font >= 0;
    const font = own ? run.font : cellFont;
    const name = own ? (run.fontName ?? "") : cellFontName;
    const last = parts[parts.length - 1];
    if (last !== undefined && ((last.font === font && last.name === name) || !LETTER.test(run.text)))
      last.text += run.text;
    else if (last !== undefined && !LETTER.test(last.text))
      parts[parts.length - 1] = { text: last.text + run.text, font, name };
    else if (run.text !== "") parts.push({ text: run.text, font, name });
  }
  const first = parts[0];
  if (first === undefined || parts.length === 1) {
    const font = LEGACY_FONTS[first?.font ?? cellFont];
    return font === undefined
      ? { kind: "string", value: text }
      : legacyText(text, font, first?.name ?? cellFontName);
  }
  if (parts.every((part) => part.font === 0)) return { kind: "string", value: text };
  const out: TextRun[] = parts.map((part) => {
    const font = LEGACY_FONTS[part.font];
    if (font === undefined) return { text: part.text };
    return part.name === "" ? { text: part.text, font } : { text: part.text, font, fontName: part.name };
  });
  return { kind: "string", value: text, runs: out };
}

/** Puts a cell that carries something into rows, after the row and column limits. */
function storeCell(
  rows: Rows,
  ctx: SheetContext,
  row: number,
  col: number,
  value: CellValue,
  hasFormula: boolean,
): void {
  const limits = ctx.limits;
  // Limits apply to cells that carry something: formatting far out (no value) is harmless, and so is
  // text of nothing but spaces (a space typed to "clear" a cell, an empty string Google Sheets or a
  // program writes): it shows nothing, so it is no note typed in the wrong place. Looked at only past
  // a limit, so the common path does no more.
  if (row >= limits.maxRows) {
    if (!hasFormula && isBlankText(value)) return;
    fail("TOO_MANY_ROWS", `${ctx.part}: data in row ${row + 1} (limit ${limits.maxRows} rows)`, {
      sheet: ctx.sheet,
      cell: a1(row, col),
    });
  }
  if (col >= limits.maxColumns) {
    if (!hasFormula && isBlankText(value)) return;
    fail(
      "TOO_MANY_COLUMNS",
      `${ctx.part}: data at ${a1(row, col)}, column ${col + 1} (limit ${limits.maxColumns})`,
      { sheet: ctx.sheet, cell: a1(row, col) },
    );
  }
  let cells = rows[row];
  if (cells === undefined) {
    cells = [];
    rows[row] = cells;
  }
  cells[col] = hasFormula
    ? value === EMPTY_VALUE
      ? EMPTY_FORMULA_CELL
      : { value, formula: true }
    : { value };
}

/** A text value of nothing but white space (or nothing). */
function isBlankText(value: CellValue): boolean {
  return value.kind === "string" && value.value.trim() === "";
}

/** Everything before <sheetData> (sheetPr, dimension, sheetViews, sheetFormatPr, cols) can be passed over. */
const PROLOGUE_ELEMENTS = skippableElements(["sheetData"]);

/** Offset just past `<sheetData>`, or -1 when the part has none or it is empty (`<sheetData/>`). */
function sheetDataStart(xml: string, part: string): number {
  // The generic scanner walks the prologue (sheetPr, dimension, views, cols) to <sheetData>.
  const sc = new XmlScanner(xml, part);
  for (;;) {
    if (!sc.next()) return -1;
    if (!sc.closing && sc.name === "sheetData") return sc.selfClosing ? -1 : sc.offset;
    // After a tag, not before: tried at the root element, the skip would run to <sheetData> and fail.
    sc.skip(PROLOGUE_ELEMENTS);
  }
}

const MERGE_CELL =
  /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*["'](\$?[A-Za-z]{1,3}\$?\d{1,7}):(\$?[A-Za-z]{1,3}\$?\d{1,7})["']/g;

/**
 * The merged ranges of a worksheet's XML (`<mergeCells>` follows `<sheetData>`, so the search starts at
 * its last mention: no cell text can hold a tag). At most `limit` of them; a one-cell "merge" is none.
 */
export function parseMerges(xml: string, limit = 10_000): CellRange[] {
  const from = xml.lastIndexOf("sheetData");
  const at = xml.indexOf("mergeCell", from < 0 ? 0 : from);
  if (at < 0) return [];
  const out: CellRange[] = [];
  MERGE_CELL.lastIndex = at - 64 > 0 ? at - 64 : 0;
  for (let m = MERGE_CELL.exec(xml); m !== null && out.length < limit; m = MERGE_CELL.exec(xml)) {
    const a = parseA1(m[1]!);
    const b = parseA1(m[2]!);
    if (a === undefined || b === undefined || a.row < 0 || b.row < 0) continue;
    const range = {
      r0: Math.min(a.row, b.row),
      c0: Math.min(a.col, b.col),
      r1: Math.max(a.row, b.row),
      c1: Math.max(a.col, b.col),
    };
    if (range.r0 !== range.r1 || range.c0 !== range.c1) out.push(range);
  }
  return out;
}

/** The rows and columns a worksheet hides (a filter, Hide), 0-based; `columns` as inclusive ranges. */
export interface Hidden {
  readonly rows: number[];
  readonly columns: Array<readonly [number, number]>;
}

const HIDDEN_COL = /<(?:[A-Za-z_][\w.-]*:)?col\s[^>]*>/g;

/**
 * The hidden columns of the prologue xml[0, end) (`<col min="5" max="5" hidden="1"/>`): searched back
 * from <sheetData> for the word first, so a sheet with none pays one short scan of its first bytes.
 */
function hiddenColumns(xml: string, end: number, into: Hidden): void {
  if (xml.lastIndexOf("hidden", end) < 0) return;
  HIDDEN_COL.lastIndex = 0;
  const prologue = xml.slice(0, end);
  for (let m = HIDDEN_COL.exec(prologue); m !== null; m = HIDDEN_COL.exec(prologue)) {
    const tag = m[0];
    if (!/\shidden\s*=\s*["'](?:1|true)["']/.test(tag)) continue;
    const min = /\smin\s*=\s*["'](\d{1,5})["']/.exec(tag);
    const max = /\smax\s*=\s*["'](\d{1,5})["']/.exec(tag);
    if (min === null) continue;
    const from = Number(min[1]) - 1;
    into.columns.push([from, max === null ? from : Math.max(from, Number(max[1]) - 1)]);
  }
}

/**
 * Parses a worksheet part into sparse 0-based rows. Only `<sheetData>` is read, and with `hidden` the
 * rows it hides (one attribute test per <row> read the general way) and the columns (its prologue).
 */
export function parseWorksheet(xml: string, ctx: SheetContext, hidden?: Hidden): Rows {
  const { part, limits } = ctx;
  const rows: Rows = [];
  let pos = sheetDataStart(xml, part);
  if (pos < 0) return rows;
  if (hidden !== undefined) hiddenColumns(xml, pos, hidden);

  const n = xml.length;
  let depth = 0; // element depth inside <sheetData>
  let rowIdx = -1;
  let col = -1;
  // The cell being read.
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType = T_NUMBER;
  let cStyle = 0;
  let vStart = -1; // raw <v> text range, or vText when it needed decoding work (CDATA)
  let vEnd = -1;
  let vText: string | undefined;
  let isText: string | undefined;
  let isFrom = -1; // the inside of the cell's <is>, for its runs' fonts
  let isTo = -1;
  let hasFormula = false;
  let inIs = false;
  let inRPh = false;

  for (;;) {
    // Tags usually follow each other directly: check before paying for an indexOf call.
    const lt = xml.charCodeAt(pos) === LT ? pos : xml.indexOf("<", pos);
    if (lt < 0) corrupt(part, "<sheetData> is not closed");
    let i = lt + 1;
    let c = xml.charCodeAt(i);

    if (c === CH_r && depth === 0 && !inCell) {
      FORMATTING_ONLY_ROWS.lastIndex = lt;
      if (FORMATTING_ONLY_ROWS.test(xml)) {
        // Such rows leave nothing but the position of their last row and last cell. (The searches
        // back start before pos: a row or cell may start right there.)
        pos = FORMATTING_ONLY_ROWS.lastIndex;
        const lastRow = xml.lastIndexOf(ROW_R, pos - 1);
        rowIdx = parseUint(xml, lastRow + ROW_R.length, xml.indexOf('"', lastRow + ROW_R.length)) - 1;
        // The last row's last cell, searched within that row only: in a sheet of empty rows a search
        // back through the document would find no cell, a million times over.
        const lastCell = xml.slice(lastRow, pos).lastIndexOf("<c ");
        if (lastCell >= 0) {
          plainCellStart(xml, lastRow + lastCell + 2);
          cRow = refRow;
          cCol = refCol;
        }
        col = lastCell >= 0 ? cCol : -1;
        continue;
      }
    }

    if (c === CH_c) {
      const gt = plainCellStart(xml, i + 1);
      if (gt >= 0) {
        // The same steps as the general path below, for the usual shapes: a style-only cell, an
        // empty one, or a single plain <v>. Anything else inside the cell goes the general way.
        if (plainRef) {
          cRow = refRow;
          cCol = refCol;
        } else {
          cRow = rowIdx < 0 ? 0 : rowIdx;
          cCol = col + 1;
        }
        col = cCol;
        pos = gt + 1;
        if (xml.charCodeAt(gt - 1) === SLASH) {
          // No value, no formula: formatting only. More such cells usually follow; they leave
          // nothing but the position of the last one.
          FORMATTING_ONLY_CELLS.lastIndex = pos;
          if (FORMATTING_ONLY_CELLS.test(xml)) {
            pos = FORMATTING_ONLY_CELLS.lastIndex;
            plainCellStart(xml, xml.lastIndexOf("<c ", pos - 1) + 2);
            cRow = refRow;
            cCol = refCol;
            col = cCol;
          }
          continue;
        }
        cType = tStart >= 0 ? cellType(xml, tStart, tEnd) : T_NUMBER;
        cStyle = sStart >= 0 ? Math.max(0, parseUint(xml, sStart, sEnd)) : 0;
        if (isEndTag(xml, pos, CH_c)) {
          inCell = inIs = inRPh = false;
          pos += 4;
          continue;
        }
        if (
          xml.charCodeAt(pos) === LT &&
          xml.charCodeAt(pos + 1) === CH_v &&
          xml.charCodeAt(pos + 2) === GT
        ) {
          let end = pos + 3;
          while (end < n && xml.charCodeAt(end) !== LT) end++;
          if (isEndTag(xml, end, CH_v) && isEndTag(xml, end + 4, CH_c)) {
            const value = cellValue(
              xml,
              ctx,
              cRow,
              cCol,
              cType,
              cStyle,
              pos + 3,
              end,
              undefined,
              undefined,
              false,
            );
            if (value !== undefined) storeCell(rows, ctx, cRow, cCol, value, false);
            inCell = inIs = inRPh = false;
            pos = end + 8;
            continue;
          }
        }
        depth++;
        vStart = vEnd = -1;
        vText = undefined;
        isText = undefined;
        isFrom = isTo = -1;
        hasFormula = false;
        inIs = false;
        inRPh = false;
        inCell = true;
        continue;
      }
    }

    if (c === BANG || c === QMARK) {
      // Comments, PIs and stray CDATA between tags carry nothing we read.
      const close =
        c === QMARK ? "?>" : xml.startsWith("!--", i) ? "-->" : xml.startsWith("![CDATA[", i) ? "]]>" : "";
      if (close === "") corrupt(part, "markup declaration inside sheetData");
      const end = xml.indexOf(close, i + 1);
      if (end < 0) corrupt(part, "unterminated comment or PI");
      pos = end + close.length;
      continue;
    }
    const closing = c === SLASH;
    if (closing) c = xml.charCodeAt(++i);
    let local = i;
    while (i < n && c !== GT && c !== SLASH && !isSpace(c)) {
      if (c === COLON) local = i + 1;
      c = xml.charCodeAt(++i);
    }
    const nameEnd = i;
    const len = nameEnd - local;
    if (len <= 0) corrupt(part, "empty tag name");
    const c0 = xml.charCodeAt(local);

    if (closing) {
      let gt = i;
      while (gt < n && xml.charCodeAt(gt) !== GT) gt++;
      if (gt >= n) corrupt(part, "unterminated end tag");
      pos = gt + 1;
      if (--depth < 0) {
        if (len !== 9 || !xml.startsWith("sheetData", local))
          corrupt(part, `unexpected end tag in <sheetData>`);
        break; // what follows sheetData (merges, validations, extLst) is not needed
      }
      if (len === 1) {
        if (c0 === CH_c) {
          if (inCell) {
            const value = cellValue(
              xml,
              ctx,
              cRow,
              cCol,
              cType,
              cStyle,
              vStart,
              vEnd,
              vText,
              isText,
              hasFormula,
              isFrom,
              isTo,
            );
            if (value !== undefined) storeCell(rows, ctx, cRow, cCol, value, hasFormula);
          }
          inCell = false;
        }
      } else if (len === 2) {
        if (c0 === 0x69 /* i */ && xml.charCodeAt(local + 1) === CH_s) {
          if (inIs) isTo = lt;
          inIs = false;
        }
      } else if (len === 3 && c0 === CH_r && xml.startsWith("rPh", local)) inRPh = false;
      continue;
    }

    // <c> and <row> get their attributes read in the same pass that finds the tag's end.
    const withAttrs =
      (len === 1 && c0 === CH_c) || (len === 3 && c0 === CH_r && xml.charCodeAt(local + 1) === 0x6f); /* o */
    const gt = withAttrs ? scanCellAttrs(xml, i) : tagEnd(xml, i);
    if (gt < 0) corrupt(part, "unterminated or malformed tag");
    const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
    pos = gt + 1;
    if (!selfClosing) depth++;

    if (len === 1) {
      if (c0 === CH_c) {
        if (rStart >= 0 && parseRef(xml, rStart, rEnd)) {
          cRow = refRow;
          cCol = refCol;
        } else {
          // Cells without r (or with a bad one) follow the previous cell of the row.
          cRow = rowIdx < 0 ? 0 : rowIdx;
          cCol = col + 1;
        }
        col = cCol;
        if (selfClosing) continue; // no value, no formula: formatting only
        cType = tStart >= 0 ? cellType(xml, tStart, tEnd) : T_NUMBER;
        cStyle = sStart >= 0 ? Math.max(0, parseUint(xml, sStart, sEnd)) : 0;
        vStart = vEnd = -1;
        vText = undefined;
        isText = undefined;
        isFrom = isTo = -1;
        hasFormula = false;
        inIs = false;
        inRPh = false;
        inCell = true;
      } else if (c0 === CH_v) {
        if (inCell) {
          if (selfClosing) {
            vStart = vEnd = pos; // <v/>: an empty value
          } else {
            const next = xml.indexOf("<", pos);
            if (next < 0) corrupt(part, "unexpected end of document in <v>");
            if (xml.charCodeAt(next + 1) === BANG) {
              vText = readText(xml, pos, part);
              pos = textEnd;
            } else {
              vStart = pos;
              vEnd = next;
              pos = next;
            }
          }
        }
      } else if (c0 === CH_f) {
        if (inCell) hasFormula = true;
      } else if (c0 === CH_t) {
        if (inIs && !inRPh && !selfClosing) {
          isText = (isText ?? "") + readText(xml, pos, part);
          pos = textEnd;
          if (isText.length > limits.maxStringLength * 7) tooLong(ctx, cRow, cCol, isText.length);
        }
      }
    } else if (len === 3) {
      if (
        c0 === CH_r &&
        xml.charCodeAt(local + 1) === 0x6f /* o */ &&
        xml.charCodeAt(local + 2) === 0x77 /* w */
      ) {
        const r = rStart >= 0 ? parseUint(xml, rStart, rEnd) : -1;
        // Rows without r (or with a bad one) follow the previous row.
        rowIdx = r >= 1 ? r - 1 : rowIdx + 1;
        col = -1;
        if (hiddenAt >= 0 && hidden !== undefined) {
          const h = xml.charCodeAt(hiddenAt);
          // hidden="1" or "true" (Excel's filter and Hide; Google Sheets, LibreOffice alike).
          if (h === 0x31 || (h === CH_t && xml.startsWith("true", hiddenAt))) hidden.rows.push(rowIdx);
        }
      } else if (c0 === CH_r && xml.startsWith("rPh", local)) {
        // Phonetic (furigana) runs are not part of the cell text.
        if (inIs) inRPh = !selfClosing;
      }
    } else if (len === 2 && c0 === 0x69 /* i */ && xml.charCodeAt(local + 1) === CH_s) {
      if (inCell) {
        isText = "";
        inIs = !selfClosing;
        if (inIs) isFrom = pos;
      }
    }
  }
  return rows;
}
