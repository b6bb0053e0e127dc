// XML text escaping (ST_Xstring rules) and A1 reference helpers shared by the xlsx writer.

/** Excel's grid limits; a reference outside them makes Excel repair the file. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

// One regex test per string keeps the common (clean) case allocation-free.
const NEEDS_TEXT_ESCAPE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// A literal "_xHHHH_" would be decoded by readers as an escaped character, so its underscore is escaped.
const LITERAL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;
// XML 1.0 forbids these; CR is legal but XML parsers normalise it to LF, so Excel escapes it too.
// Surrogates are only escaped when unpaired (a valid pair encodes fine in UTF-8).
const INVALID_CHARS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP = /[&<>]/g;
const MARKUP_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

function hexEscape(ch: string): string {
  return "_x" + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + "_";
}

/** Escapes text content of an ST_Xstring element (cell text, formulas, defined names). */
export function escapeText(s: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(s)) return s;
  return s
    .replace(LITERAL_ESCAPE, "_x005F_$1")
    .replace(MARKUP, (c) => MARKUP_ENTITIES[c] ?? c)
    .replace(INVALID_CHARS, hexEscape);
}

const ATTR_EXTRA = /["\n\t]/g;
const ATTR_ENTITIES: Readonly<Record<string, string>> = { '"': "&quot;", "\n": "&#10;", "\t": "&#9;" };

/**
 * Escapes an attribute value. Newlines and tabs become character references because attribute
 * value normalisation would otherwise turn them into spaces (prompts may be multi-line).
 */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(ATTR_EXTRA, (c) => ATTR_ENTITIES[c] ?? c);
}

/** Cuts `s` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncateUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return s.slice(0, end);
}

const COL_NAMES: string[] = [];

/** "A".."XFD" for a 0-based column index (cached: the writer asks for the same few columns often). */
export function colName(col: number): string {
  const cached = COL_NAMES[col];
  if (cached !== undefined) return cached;
  let n = col + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  COL_NAMES[col] = name;
  return name;
}

/** A rectangular range, 0-based inclusive. */
export interface CellRange {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = CELL_REF.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const letters = m[1].toUpperCase();
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLS) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** Parses "A1" or "A1:F3" (optionally with $); throws on anything else so a bad spec fails loudly. */
export function parseRange(ref: string): CellRange {
  const parts = ref.trim().split(":");
  const a = parts.length <= 2 && parts[0] !== undefined ? parseCell(parts[0]) : undefined;
  const b = parts.length === 2 && parts[1] !== undefined ? parseCell(parts[1]) : a;
  if (!a || !b) throw new Error(`xlsx writer: invalid cell range "${ref}"`);
  return {
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.col, b.col),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.col, b.col),
  };
}

/** Normal form "A1" or "A1:F3" (a single-cell range collapses, as Excel writes it). */
export function formatRange(r: CellRange, absolute = false): string {
  const d = absolute ? "$" : "";
  const first = d + colName(r.c1) + d + (r.r1 + 1);
  if (r.r1 === r.r2 && r.c1 === r.c2) return first;
  return first + ":" + d + colName(r.c2) + d + (r.r2 + 1);
}

/** Parses a space- or comma-separated list of ranges (an sqref). */
export function parseSqref(ref: string): CellRange[] {
  const parts = ref.split(/[\s,]+/).filter((p) => p !== "");
  if (parts.length === 0) throw new Error(`xlsx writer: empty cell range "${ref}"`);
  return parts.map(parseRange);
}

/** A sheet name quoted for use in a formula: 'Tổng hợp'!… (quotes are always legal, so always quote). */
export function quoteSheetName(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}
