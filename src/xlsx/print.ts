// Print setup in Excel's own terms, shared by the .xlsx writer and the Excel path (Office.js takes
// the same header/footer codes and print-title ranges): codes such as &P, and "$1:$5" / "$A:$B".

import type { PageText } from "../core/sheetspec";
import { MAX_COLS, MAX_ROWS, quoteSheetName } from "./write-xml";

/**
 * Page margins in inches for A4: 1.5 cm left (the binding side), 1 cm right, 2 cm top and bottom,
 * header and footer 0.8 cm from the edge so that both print clear of the cells.
 */
export const PAGE_MARGINS_INCHES = {
  left: 0.59,
  right: 0.39,
  top: 0.79,
  bottom: 0.79,
  header: 0.31,
  footer: 0.31,
} as const;

/** Excel keeps at most this many characters of a header or footer (a longer one makes it repair the file). */
const MAX_HEADER_FOOTER = 255;

/**
 * One section's text as Excel codes: "&" doubled (a lone "&" starts a code), `{page}` → &P,
 * `{pages}` → &N. Office.js's leftHeader/centerHeader/… take exactly this.
 */
export function sectionCodes(text: string): string {
  return text
    .replace(/&/g, "&&")
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N");
}

/** The whole header or footer string (&L…&C…&R…), cut to Excel's 255 characters; "" when empty. */
export function pageTextCodes(text: PageText | undefined): string {
  if (!text) return "";
  const sections: [string, string | undefined][] = [
    ["&L", text.left],
    ["&C", text.center],
    ["&R", text.right],
  ];
  let out = sections.map(([code, t]) => (t ? code + sectionCodes(t) : "")).join("");
  if (out.length > MAX_HEADER_FOOTER) {
    // Cut the text, not a code: never end inside "&&" or "&P".
    out = out.slice(0, MAX_HEADER_FOOTER - 1);
    out = out.replace(/&+$/, (amps) => (amps.length % 2 === 0 ? amps : amps.slice(1))) + "…";
  }
  return out;
}

/** Rows "1:5" (or "$1:$5") → "$1:$5"; throws on anything else (a programming error). */
export function printTitleRows(ref: string): string {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(ref.trim());
  const a = Number(m?.[1]);
  const b = Number(m?.[2]);
  if (!m || a < 1 || b < a || b > MAX_ROWS) throw new Error(`xlsx writer: invalid print title rows "${ref}"`);
  return `$${a}:$${b}`;
}

/** Columns "A:B" (or "$A:$B") → "$A:$B"; throws on anything else. */
export function printTitleColumns(ref: string): string {
  const m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref.trim());
  const index = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (!m || !m[1] || !m[2]) throw new Error(`xlsx writer: invalid print title columns "${ref}"`);
  const [a, b] = [m[1].toUpperCase(), m[2].toUpperCase()];
  if (index(b) < index(a) || index(b) > MAX_COLS)
    throw new Error(`xlsx writer: invalid print title columns "${ref}"`);
  return `$${a}:$${b}`;
}

/** The formula of the sheet's _xlnm.Print_Titles name (columns first, as Excel writes it), or undefined. */
export function printTitlesFormula(
  sheetName: string,
  rows: string | undefined,
  columns: string | undefined,
): string | undefined {
  const parts: string[] = [];
  if (columns !== undefined) parts.push(`${quoteSheetName(sheetName)}!${printTitleColumns(columns)}`);
  if (rows !== undefined) parts.push(`${quoteSheetName(sheetName)}!${printTitleRows(rows)}`);
  return parts.length > 0 ? parts.join(",") : undefined;
}
