// Targeted SpreadsheetML part parsers: content types, relationships, workbook, shared strings, styles (date formats, legacy Vietnamese fonts), ISO dates.
import type { LegacyFont, ReadLimits } from "../core/workbook";
import { fail } from "./failure";
import { XmlScanner, decodeText, skippableElements, unescapeOoxml } from "./xml";

// Module-level copies for the per-string loop: an imported binding is a getter call on every use under tsx.
const decodeXmlText = decodeText;
const unescapeText = unescapeOoxml;

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroenabled.main+xml";
const MACRO_TEMPLATE_MAIN = "application/vnd.ms-excel.template.macroenabled.main+xml";
const MACRO_ADDIN_MAIN = "application/vnd.ms-excel.addin.macroenabled.main+xml";
const SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";

export interface ContentTypes {
  /** Zip path (no leading slash) of the SpreadsheetML main part, when declared. */
  readonly mainPart?: string;
  readonly macroEnabled: boolean;
}

export function parseContentTypes(xml: string): ContentTypes {
  const sc = new XmlScanner(xml, "[Content_Types].xml");
  let mainPart: string | undefined;
  let macroEnabled = false;
  while (sc.next()) {
    if (sc.closing || (sc.name !== "Override" && sc.name !== "Default")) continue;
    const type = (sc.attr("ContentType") ?? "").trim().toLowerCase();
    if (type === MACRO_MAIN || type === MACRO_TEMPLATE_MAIN || type === MACRO_ADDIN_MAIN) macroEnabled = true;
    if (sc.name === "Override" && (type === SHEET_MAIN || type === TEMPLATE_MAIN) && mainPart === undefined) {
      const p = sc.attr("PartName");
      if (p !== undefined) mainPart = stripSlash(safeDecodeUri(p));
    }
  }
  return mainPart === undefined ? { macroEnabled } : { mainPart, macroEnabled };
}

export interface Relationship {
  readonly type: string;
  /** Resolved zip path (no leading slash), or undefined for external targets. */
  readonly path?: string;
}

/** Parses a .rels part; targets are resolved against `baseDir` (e.g. "xl/"). */
export function parseRels(xml: string, part: string, baseDir: string): Map<string, Relationship> {
  const sc = new XmlScanner(xml, part);
  const rels = new Map<string, Relationship>();
  while (sc.next()) {
    if (sc.closing || sc.name !== "Relationship") continue;
    const id = sc.attr("Id");
    const target = sc.attr("Target");
    const type = sc.attr("Type") ?? "";
    if (id === undefined || target === undefined || rels.has(id)) continue;
    if ((sc.attr("TargetMode") ?? "").toLowerCase() === "external") {
      rels.set(id, { type });
      continue;
    }
    rels.set(id, { type, path: resolvePartPath(baseDir, safeDecodeUri(target)) });
  }
  return rels;
}

/** A target that resolvePartPath must take apart: absolute, backslashes, empty, "." or ".." segments. */
const NEEDS_NORMALISING = /^\/|\\|\/\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;
/** A base directory already in resolved form ("xl/", "xl/sub/"): non-empty segments, one trailing slash. */
const PLAIN_DIR = /^(?:[^/\\.][^/\\]*\/)+$/;

/** Resolves an OPC relationship target (relative to baseDir, or absolute "/xl/...") to a zip path. */
export function resolvePartPath(baseDir: string, target: string): string {
  // Usually "worksheets/sheet1.xml" under "xl/": nothing to normalise, and this runs for every relationship.
  if (target !== "" && !NEEDS_NORMALISING.test(target) && (baseDir === "" || PLAIN_DIR.test(baseDir)))
    return baseDir + target;
  const t = target.replace(/\\/g, "/");
  const segs = t.startsWith("/") ? [] : baseDir.split("/").filter((x) => x !== "");
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segs.pop();
    else segs.push(seg);
  }
  return segs.join("/");
}

function stripSlash(p: string): string {
  return p.startsWith("/") ? p.slice(1) : p;
}

function safeDecodeUri(s: string): string {
  if (s.indexOf("%") < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface WorkbookSheetRef {
  readonly name: string;
  readonly relId: string;
  /** `state="hidden"` or `"veryHidden"`: not shown as a tab. */
  readonly hidden?: boolean;
}

export interface WorkbookInfo {
  readonly sheets: readonly WorkbookSheetRef[];
  readonly date1904: boolean;
  /** `<calcPr fullCalcOnLoad="1"/>`: the writer left recalculation to Excel. */
  readonly fullCalcOnLoad: boolean;
  readonly definedNames: Record<string, string>;
}

export function parseWorkbookPart(xml: string, part: string): WorkbookInfo {
  const sc = new XmlScanner(xml, part);
  const sheets: WorkbookSheetRef[] = [];
  let date1904 = false;
  let fullCalcOnLoad = false;
  // No prototype: a defined name such as "__proto__" or "constructor" must be plain data.
  const definedNames = Object.create(null) as Record<string, string>;
  let sawRoot = false;
  while (sc.next()) {
    if (sc.closing) continue;
    if (!sawRoot) {
      if (sc.name !== "workbook") fail("CORRUPT", `${part}: root element is <${sc.name}>, not <workbook>`);
      sawRoot = true;
      continue;
    }
    switch (sc.name) {
      case "sheet": {
        const name = sc.attr("name");
        const relId = sc.attr("id", true);
        if (name === undefined || relId === undefined)
          fail("CORRUPT", `${part}: <sheet> without name or r:id`);
        const state = sc.attr("state");
        sheets.push(
          state === "hidden" || state === "veryHidden"
            ? { name: name.normalize("NFC"), relId, hidden: true }
            : { name: name.normalize("NFC"), relId },
        );
        break;
      }
      case "workbookPr": {
        const v = (sc.attr("date1904") ?? "").trim().toLowerCase();
        date1904 = v === "1" || v === "true";
        break;
      }
      case "calcPr": {
        const v = (sc.attr("fullCalcOnLoad") ?? "").trim().toLowerCase();
        fullCalcOnLoad = v === "1" || v === "true";
        break;
      }
      case "definedName": {
        const name = sc.attr("name");
        // Sheet-scoped names (localSheetId) are not workbook-level.
        if (name === undefined || sc.attr("localSheetId") !== undefined) break;
        definedNames[name] = unquoteLiteral(sc.text());
        break;
      }
    }
  }
  if (!sawRoot) fail("CORRUPT", `${part}: no root element`);
  return { sheets, date1904, fullCalcOnLoad, definedNames };
}

/** `"KL226-BC/1"` → `KL226-BC/1` (doubled quotes inside undone); anything else unchanged. */
function unquoteLiteral(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"') && /^"(?:[^"]|"")*"$/.test(t)) {
    return t.slice(1, -1).replace(/""/g, '"');
  }
  return text;
}

/** A shared strings part read: the texts and, when one has runs in fonts of their own, its runs. */
export interface SharedStrings {
  readonly strings: readonly string[];
  /** Per string, its runs (sharedStringRuns); absent for the usual part. */
  readonly runs?: readonly (readonly SharedRun[] | undefined)[];
}

/** The part's strings; `legacyStyles`: a cell style has a TCVN3 or VNI font (CellStyles.legacy). */
export function parseSharedStrings(
  xml: string,
  part: string,
  limits: ReadLimits,
  legacyStyles = false,
): SharedStrings {
  const plain = plainSharedStrings(xml, part, limits);
  if (plain !== undefined) return { strings: plain };
  const strings = scanSharedStrings(xml, part, limits);
  const runs = sharedStringRuns(xml, part, legacyStyles);
  return runs === undefined ? { strings } : { strings, runs };
}

const SI_OPEN = "<si>";
const T_OPEN = "<t>";
const T_OPEN_PRESERVE = '<t xml:space="preserve">';
const T_SI_CLOSE = "</t></si>";
const SST_CLOSE = "</sst>";
const LT = 0x3c; // <

/**
 * The common shape (`<si><t>…</t></si>`, as Excel, LibreOffice and our writer write plain strings)
 * read with indexOf alone; undefined as soon as anything else appears (rich runs, phonetic runs,
 * prefixes, CDATA), and the general scanner reads the part instead. Shared strings are on every
 * file's path, so this matters.
 */
function plainSharedStrings(xml: string, part: string, limits: ReadLimits): string[] | undefined {
  const out: string[] = [];
  let pos = xml.indexOf(SI_OPEN);
  if (pos < 0) return undefined;
  // Checked once for the whole part rather than per string: when the part has no '&' or CR,
  // decodeText returns every value unchanged, and without "_x" so does unescapeOoxml.
  const needsDecoding = xml.indexOf("&") >= 0 || xml.indexOf("\r") >= 0;
  const needsUnescaping = needsDecoding || xml.indexOf("_x") >= 0;
  const maxRaw = limits.maxStringLength * 7;
  for (;;) {
    const p = pos + SI_OPEN.length;
    const start = xml.startsWith(T_OPEN, p)
      ? p + T_OPEN.length
      : xml.startsWith(T_OPEN_PRESERVE, p)
        ? p + T_OPEN_PRESERVE.length
        : -1;
    if (start < 0) return undefined;
    const end = xml.indexOf("<", start);
    if (end < 0 || !xml.startsWith(T_SI_CLOSE, end)) return undefined;
    if (end - start > maxRaw) return undefined;
    const raw = xml.slice(start, end);
    const value = needsUnescaping ? unescapeText(needsDecoding ? decodeXmlText(raw) : raw) : raw;
    if (value.length > limits.maxStringLength) {
      fail(
        "STRING_TOO_LONG",
        `${part}: string ${out.length} has ${value.length} characters (limit ${limits.maxStringLength})`,
      );
    }
    out.push(value);
    const after = end + T_SI_CLOSE.length;
    // The next item usually follows directly: check before paying for an indexOf call.
    const next = xml.charCodeAt(after) === LT ? after : xml.indexOf("<", after);
    if (next < 0) return undefined;
    if (xml.startsWith(SI_OPEN, next)) pos = next;
    else if (xml.startsWith(SST_CLOSE, next)) return out;
    else return undefined;
  }
}

function scanSharedStrings(xml: string, part: string, limits: ReadLimits): string[] {
  const sc = new XmlScanner(xml, part);
  const out: string[] = [];
  let inSi = false;
  let inRPh = false;
  let cur = "";
  const push = (s: string): void => {
    const v = unescapeOoxml(s);
    if (v.length > limits.maxStringLength) {
      fail(
        "STRING_TOO_LONG",
        `${part}: string ${out.length} has ${v.length} characters (limit ${limits.maxStringLength})`,
      );
    }
    out.push(v);
  };
  while (sc.next()) {
    const name = sc.name;
    if (sc.closing) {
      if (name === "si" && inSi) {
        push(cur);
        inSi = false;
      } else if (name === "rPh") inRPh = false;
      continue;
    }
    if (name === "si") {
      if (sc.selfClosing) push("");
      else {
        inSi = true;
        inRPh = false;
        cur = "";
      }
    } else if (name === "rPh") {
      // Phonetic (furigana) runs are not part of the cell text.
      inRPh = !sc.selfClosing;
    } else if (name === "t" && inSi && !inRPh) {
      cur += sc.text();
      // Bound the work before unescaping: escapes only shrink the text, by at most 7:1.
      if (cur.length > limits.maxStringLength * 7) {
        fail("STRING_TOO_LONG", `${part}: string ${out.length} is over ${limits.maxStringLength} characters`);
      }
    }
  }
  return out;
}

/**
 * A run of a rich shared string: its text and its own font (an index into LEGACY_FONTS; -1: the cell's),
 * with that font's name when a legacy one.
 */
export interface SharedRun {
  readonly text: string;
  readonly font: number;
  readonly fontName?: string;
}

// A run font of TCVN3 or VNI (`<rFont val=".VnTimeH"/>`, as Excel and LibreOffice write it): only a
// part naming one is scanned a second time for its runs' fonts.
const LEGACY_RUN_FONT = /rFont[ \t\r\n]+val[ \t\r\n]*=[ \t\r\n]*["'][ \t]*(?:\.vn|vni[- ])/i;

/**
 * Per shared string, its runs when one has a font of its own, or undefined for the whole part when
 * none need reading: without a legacy run font (and `legacyStyles`, a legacy cell style, where a run
 * in a Unicode font shows Unicode). Rare: a plain part (`<si><t>`) never comes here, and a rich one is
 * read again only when it names such a font (one indexOf, one regex).
 */
function sharedStringRuns(
  xml: string,
  part: string,
  legacyStyles: boolean,
): readonly (readonly SharedRun[] | undefined)[] | undefined {
  if (xml.indexOf("rFont") < 0 || (!legacyStyles && !LEGACY_RUN_FONT.test(xml))) return undefined;
  const sc = new XmlScanner(xml, part);
  const out: (SharedRun[] | undefined)[] = [];
  let runs: SharedRun[] = [];
  let ownFont = false;
  let inSi = false;
  let inRun = false;
  let inRPh = false;
  let font = -1;
  let fontName = "";
  while (sc.next()) {
    const name = sc.name;
    if (sc.closing) {
      if (name === "si" && inSi) {
        out.push(ownFont ? runs : undefined);
        inSi = false;
      } else if (name === "r") inRun = false;
      else if (name === "rPh") inRPh = false;
      continue;
    }
    if (name === "si") {
      if (sc.selfClosing) out.push(undefined);
      else {
        inSi = true;
        inRun = false;
        inRPh = false;
        runs = [];
        ownFont = false;
      }
    } else if (name === "rPh") inRPh = !sc.selfClosing;
    else if (name === "r" && inSi && !inRPh) {
      inRun = !sc.selfClosing;
      font = -1;
    } else if (name === "rFont" && inRun) {
      const val = sc.attr("val");
      font = legacyFontKind(val);
      fontName = (val ?? "").trim();
      ownFont = true;
    } else if (name === "t" && inSi && !inRPh) {
      // Text outside a run (`<si><t>`) is in the cell's font.
      const text = unescapeOoxml(sc.text());
      runs.push(inRun && font > 0 ? { text, font, fontName } : { text, font: inRun ? font : -1 });
    }
  }
  return out.some((r) => r !== undefined) ? out : undefined;
}

/**
 * An inline string's runs (`<c t="inlineStr"><is><r>…`, as some writers save rich text) between
 * `from` and `to` (the inside of `<is>`), read as a shared string's: undefined when none has a font
 * worth reading. Only this cell's text is searched, never the rest of the sheet.
 */
export function inlineStringRuns(
  xml: string,
  from: number,
  to: number,
  part: string,
  legacyStyles: boolean,
): readonly SharedRun[] | undefined {
  const inside = xml.slice(from, to);
  if (inside.indexOf("rFont") < 0) return undefined;
  return sharedStringRuns(`<si>${inside}</si>`, part, legacyStyles)?.[0];
}

const BUILTIN_DATE_FORMATS = new Set<number>([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
/** Built-in `0%` and `0.00%`. */
const BUILTIN_PERCENT_FORMATS = new Set<number>([9, 10]);

/** A format code without what is shown literally: quoted text, escaped characters, padding and fill characters. */
function formatTokens(code: string): string {
  return code
    .replace(/"[^"]*"/g, "") // quoted literal text
    .replace(/\\./g, "") // escaped characters
    .replace(/[_*]./g, ""); // padding (_x) and fill (*x) take the next character literally
}

/** True when an Excel number format code shows a date or time. */
export function isDateFormatCode(code: string): boolean {
  let s = formatTokens(code);
  // Elapsed-time brackets are times; other brackets are colours, conditions and locales ([Red], [$-42A]).
  if (/\[(?:h+|m+|s+)\]/i.test(s)) return true;
  s = s.replace(/\[[^\]]*\]/g, "").replace(/general/gi, "");
  return /[dmyhs]/i.test(s);
}

/** True when an Excel number format code shows a percentage: a `%` outside quotes, escapes and brackets (`0%`, `0.0%`). */
export function isPercentFormatCode(code: string): boolean {
  return formatTokens(code)
    .replace(/\[[^\]]*\]/g, "")
    .includes("%");
}

/**
 * True when a date format shows the month as a number before the day ("mm/dd/yyyy", "m/d/yy"): what
 * an English (US) Excel or LibreOffice gives a date typed there, so "10/05/2026" typed for 10 May is
 * stored as 5 October and still shows "10/05/2026". A month shown by name ("mmm d, yyyy") is not
 * ambiguous, nor is the year first ("yyyy-mm-dd"), and m between hours and seconds is minutes. Excel's built-in date (id 14) follows the
 * reader's own settings, so only a custom code says which comes first.
 */
export function isMonthFirstDateCode(code: string): boolean {
  const tokens =
    formatTokens(code)
      .replace(/\[[^\]]*\]/g, "")
      .toLowerCase()
      .match(/d+|m+|y+|h+|s+/g) ?? [];
  let month = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (t.startsWith("d") && t.length <= 2) return month;
    if (t.startsWith("y")) return false; // year first: ISO's order, read alike everywhere
    if (!t.startsWith("m") || tokens[i - 1]?.startsWith("h") || tokens[i + 1]?.startsWith("s")) continue;
    if (t.length > 2) return false;
    month = true;
  }
  return false;
}

/** What a number in a style means to the reader: NUMBER_PLAIN, NUMBER_DATE (NUMBER_DATE_MONTH_FIRST) or NUMBER_PERCENT. */
const NUMBER_PLAIN = 0;
const NUMBER_DATE = 1;
const NUMBER_PERCENT = 2;
const NUMBER_DATE_MONTH_FIRST = 3;

const STYLES_NOT_NEEDED = skippableElements(["numFmt", "cellXfs", "xf"]);

/** Per cellXfs index: NUMBER_DATE (NUMBER_DATE_MONTH_FIRST) or NUMBER_PERCENT when that style's number format shows a date or a percentage, else NUMBER_PLAIN. */
export function parseNumberStyles(xml: string, part: string): Uint8Array {
  const sc = new XmlScanner(xml, part);
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  while (sc.next()) {
    const name = sc.name;
    if (sc.closing) {
      if (name === "cellXfs") break; // the rest of styles.xml is irrelevant here
      sc.skip(STYLES_NOT_NEEDED);
      continue;
    }
    // Fonts, fills, borders, cellStyleXfs and an xf's alignment are most of the part and not needed.
    // (Tried after a tag, not before the root element, where it would run to the first numFmt and fail.)
    sc.skip(STYLES_NOT_NEEDED);
    if (name === "numFmt") {
      const id = Number(sc.attr("numFmtId"));
      const code = sc.attr("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (name === "cellXfs") {
      inCellXfs = !sc.selfClosing;
    } else if (name === "xf" && inCellXfs) {
      const id = Number(sc.attr("numFmtId") ?? "0");
      xfFormats.push(Number.isInteger(id) ? id : 0);
    }
  }
  const out = new Uint8Array(xfFormats.length);
  const memo = new Map<number, number>();
  for (let i = 0; i < xfFormats.length; i++) {
    const id = xfFormats[i] ?? 0;
    let kind = memo.get(id);
    if (kind === undefined) {
      // A custom definition wins over the built-in meaning of the same id (some writers redefine 14).
      const code = custom.get(id);
      const isDate = code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
      const isPercent = code !== undefined ? isPercentFormatCode(code) : BUILTIN_PERCENT_FORMATS.has(id);
      kind = isDate
        ? code !== undefined && isMonthFirstDateCode(code)
          ? NUMBER_DATE_MONTH_FIRST
          : NUMBER_DATE
        : isPercent
          ? NUMBER_PERCENT
          : NUMBER_PLAIN;
      memo.set(id, kind);
    }
    out[i] = kind;
  }
  return out;
}

/** A styles part read: what numbers show per cellXfs index, and the legacy fonts when any style uses one. */
export interface CellStyles {
  readonly numbers: Uint8Array;
  /** Absent when no style has a legacy font. */
  readonly legacy?: LegacyStyleFonts;
}

/** Per cellXfs index, its font as an index into LEGACY_FONTS (0: none) and that font's name (".VnArial"; "" when none). */
export interface LegacyStyleFonts {
  readonly kinds: Uint8Array;
  readonly names: readonly string[];
}

/** The legacy font of each index of LegacyStyleFonts.kinds. */
export const LEGACY_FONTS: readonly (LegacyFont | undefined)[] = [
  undefined,
  "TCVN3",
  "TCVN3_CAPITALS",
  "VNI",
];

// A styles part that names no TCVN3 (".VnTime") or VNI ("VNI-Times") font is not scanned for fonts:
// most files' fonts are Unicode ones, and the scan would cost each of them.
const LEGACY_FONT_NAME = /\.vn|vni[- ]/i;

/** The styles part's number kinds and, when it names a TCVN3 or VNI font, each style's legacy font. */
export function parseStyles(xml: string, part: string): CellStyles {
  const numbers = parseNumberStyles(xml, part);
  const legacy = LEGACY_FONT_NAME.test(xml) ? legacyFontStyles(xml, part) : undefined;
  return legacy === undefined ? { numbers } : { numbers, legacy };
}

const FONTS_NOT_NEEDED = skippableElements(["fonts", "font", "name", "cellXfs", "xf"]);

/** Per cellXfs index, its font's index in LEGACY_FONTS and its name; undefined when none is legacy. */
function legacyFontStyles(xml: string, part: string): LegacyStyleFonts | undefined {
  const sc = new XmlScanner(xml, part);
  const fonts: number[] = [];
  const fontNames: string[] = [];
  const xfs: number[] = [];
  const names: string[] = [];
  let inFonts = false;
  let inCellXfs = false;
  while (sc.next()) {
    const name = sc.name;
    if (sc.closing) {
      if (name === "cellXfs") break;
      if (name === "fonts") inFonts = false;
      sc.skip(FONTS_NOT_NEEDED);
      continue;
    }
    sc.skip(FONTS_NOT_NEEDED);
    if (name === "fonts") inFonts = !sc.selfClosing;
    else if (name === "font" && inFonts) {
      fonts.push(0);
      fontNames.push("");
    } else if (name === "name" && inFonts && fonts.length > 0) {
      const val = sc.attr("val");
      fonts[fonts.length - 1] = legacyFontKind(val);
      fontNames[fonts.length - 1] = fonts[fonts.length - 1] === 0 ? "" : (val ?? "").trim();
    } else if (name === "cellXfs") inCellXfs = !sc.selfClosing;
    else if (name === "xf" && inCellXfs) {
      const id = Number(sc.attr("fontId") ?? "0");
      xfs.push(fonts[id] ?? 0);
      names.push(fontNames[id] ?? "");
    }
  }
  return xfs.some((kind) => kind !== 0) ? { kinds: Uint8Array.from(xfs), names } : undefined;
}

/** The legacy font a font name is (".VnTimeH": TCVN3_CAPITALS), or undefined for a Unicode one. */
export function legacyFontNamed(name: string | undefined): LegacyFont | undefined {
  return LEGACY_FONTS[legacyFontKind(name)];
}

/**
 * A font name's index in LEGACY_FONTS: TCVN3's fonts begin with ".Vn" (ABC's naming), its capitals
 * fonts end in "H" (".VnTimeH", ".VnArial NarrowH"); VNI's begin with "VNI-" ("VNI-Times").
 */
function legacyFontKind(name: string | undefined): number {
  const font = (name ?? "").trim();
  if (/^\.vn/i.test(font)) return font.endsWith("H") ? 2 : 1;
  return /^vni[- ]/i.test(font) ? 3 : 0;
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^(?:T)?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/**
 * `t="d"` ISO 8601 text → a serial in the workbook's date system. The clock time is taken as written
 * (a zone suffix is ignored): Excel serials are wall-clock values.
 */
export function isoToSerial(text: string, date1904: boolean): number | undefined {
  const t = text.trim();
  const m = ISO_DATE.exec(t);
  if (m !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
    const ms = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
    if (date1904) return (ms - EPOCH_1904) / MS_PER_DAY;
    const serial = (ms - EPOCH_1900) / MS_PER_DAY;
    // Excel counts a fictitious 1900-02-29 (serial 60), so real days before March 1900 are one lower.
    return serial < 61 ? serial - 1 : serial;
  }
  const tm = ISO_TIME.exec(t);
  if (tm !== null) {
    return (Number(tm[1]) * 3600 + Number(tm[2]) * 60 + Number(tm[3] ?? 0)) / 86400;
  }
  return undefined;
}
