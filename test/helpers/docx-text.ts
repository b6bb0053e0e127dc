// Test helper: the text of a .docx as Word stores it (word/document.xml), one line per paragraph,
// without LibreOffice, for fast checks of what a written document says.
import { createNodeInflateRaw } from "../../src/xlsx/node-inflate";
import { extractEntry, readZipDirectory } from "../../src/xlsx/zip";

/**
 * Paragraph texts of a .docx, in order (runs joined; tabs and breaks as spaces; the no-break spaces
 * that keep "năm 2026" or "≥ 95" on one line as plain spaces, a minus sign and Word's non-breaking
 * hyphen ("226-KL/TW") as "-", as a reader reads them: the renderer's own test checks where they are).
 */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const dir = readZipDirectory(bytes, 1000);
  const entry = dir.byName.get("word/document.xml");
  if (!entry) throw new Error("no word/document.xml: not a .docx");
  const xml = new TextDecoder().decode(
    extractEntry(bytes, entry, createNodeInflateRaw(), { maxPartBytes: 50e6, maxTotalBytes: 50e6, used: 0 }),
  );
  const unescape = (s: string): string =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&")
      .replace(/\u00a0/g, " ")
      .replace(/\u2212/g, "-");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(br|tab|noBreakHyphen)\/>/g)]
      .map((t) => (t[1] !== undefined ? unescape(t[1]) : t[2] === "noBreakHyphen" ? "-" : " "))
      .join(""),
  );
}

/** The whole text of a .docx, paragraphs separated by newlines. */
export function docxText(bytes: Uint8Array): string {
  return docxParagraphs(bytes).join("\n");
}
