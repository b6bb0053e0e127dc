// readXlsx: bytes → Workbook model, bounded (size/entry/row/column/string limits) and never throwing for bad input.
import type { CellRange, ReadLimits, ReadOutcome, Sheet, UnreadableReason, Workbook } from "../core/workbook";
import { DEFAULT_READ_LIMITS } from "../core/workbook";
import { classifyCfb, isCfb } from "./cfb";
import { ReadFailure, fail } from "./failure";
import { fflateInflateRaw, type InflateRaw } from "./inflate";
import {
  parseContentTypes,
  parseStyles,
  parseRels,
  parseSharedStrings,
  parseWorkbookPart,
  resolvePartPath,
  type CellStyles,
  type SharedStrings,
  type WorkbookSheetRef,
} from "./sml";
import { parseMerges, parseWorksheet, type Hidden, type Rows } from "./sheet";
import { PartMemo } from "./part-memo";
import {
  chargeBudget,
  entryData,
  extractEntry,
  inflateEntry,
  inflateWorksheetCompacting,
  readZipDirectory,
  type InflateBudget,
  type ZipDirectory,
} from "./zip";

export type { InflateRaw } from "./inflate";
export { InflateLimitError } from "./inflate";
export { PartMemo } from "./part-memo";

/** What one run reuses across its files: the inflater and the memo of repeated small parts. */
export interface XlsxDecoder {
  readonly inflateRaw?: InflateRaw;
  readonly memo?: PartMemo;
}

/** A decoder for a run of many files (browser-safe: fflate). The Node CLI uses createNodeDecoder(). */
export function createDecoder(inflateRaw?: InflateRaw): XlsxDecoder {
  return { inflateRaw, memo: new PartMemo() };
}

export interface ReadOptions {
  /** Merged over DEFAULT_READ_LIMITS. */
  limits?: Partial<ReadLimits>;
  /** Only sheets whose NFC name passes are parsed (the others are left out of the result). Default: all. */
  sheetFilter?: (nfcName: string) => boolean;
  /** Default: fflate (works in the browser). The Node CLI passes createNodeInflateRaw() from ./node-inflate. */
  inflateRaw?: InflateRaw;
  /** Reused across the files of a run: their identical small parts are parsed once (part-memo.ts). */
  memo?: PartMemo;
}

const REL_WORKSHEET_SUFFIXES = ["/worksheet", "/chartsheet", "/dialogsheet", "/macrosheet"];
const REL_SHARED_STRINGS = "/sharedStrings";
const REL_STYLES = "/styles";
const NO_STYLES: CellStyles = { numbers: new Uint8Array(0) };
const NO_STRINGS: SharedStrings = { strings: [] };

/** Reads an .xlsx package. Never throws for any input: failures come back as `{ ok: false, reason }`. */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): ReadOutcome {
  try {
    return { ok: true, workbook: readWorkbook(bytes, options) };
  } catch (e) {
    if (e instanceof ReadFailure)
      return {
        ok: false,
        reason: e.reason,
        detail: e.detail,
        ...(e.at !== undefined ? { at: e.at } : {}),
      };
    // Not a classified failure: a bug in the reader (or an input case it did not foresee, which is
    // also its bug). Never shown as a corrupt file: INTERNAL keeps the error for the bug report.
    return { ok: false, reason: "INTERNAL", detail: internalDetail(e) };
  }
}

/** "TypeError: message" plus the first frames of the stack: enough to find the line without the file. */
export function internalDetail(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error thrown: ${String(e)}`;
  const frames = (e.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 4)
    .map((l) => l.trim());
  return [`${e.name}: ${e.message}`, ...frames].join(" | ");
}

function mergeLimits(partial: Partial<ReadLimits> | undefined): ReadLimits {
  const out: Record<keyof ReadLimits, number> = { ...DEFAULT_READ_LIMITS };
  if (partial !== undefined) {
    for (const key of Object.keys(DEFAULT_READ_LIMITS) as (keyof ReadLimits)[]) {
      const v = partial[key];
      if (typeof v === "number" && !Number.isNaN(v)) out[key] = v;
    }
  }
  return out;
}

/** A zip archive (an .xlsx, a .docx, …) by its first bytes. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/**
 * A zip archive or a compound file (an .xls, an encrypted workbook): a file for this reader to tell
 * what it is, whatever its name says (a workbook or a Word document named .csv is not CSV text).
 */
export function isPackedFile(bytes: Uint8Array): boolean {
  return isZip(bytes) || isCfb(bytes);
}

/** "%PDF-": the report printed to PDF, renamed .xlsx. */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** PNG and JPEG: a photo or scan of the report, renamed .xlsx. */
const IMAGE_MAGICS = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff],
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function readWorkbook(bytes: Uint8Array, options: ReadOptions): Workbook {
  const limits = mergeLimits(options.limits);
  if (bytes.length > limits.maxFileBytes)
    fail("FILE_TOO_LARGE", `${bytes.length} bytes (limit ${limits.maxFileBytes})`);
  if (bytes.length === 0) fail("EMPTY", "0 bytes");
  if (isCfb(bytes)) {
    const reason = classifyCfb(bytes);
    fail(
      reason,
      reason === "ENCRYPTED" ? "CFB container with EncryptionInfo" : "CFB container (Excel 97-2003)",
    );
  }
  if (!isZip(bytes)) {
    const reason: UnreadableReason = isOtherArchive(bytes)
      ? "ARCHIVE"
      : startsWith(bytes, PDF_MAGIC)
        ? "PDF_FILE"
        : IMAGE_MAGICS.some((m) => startsWith(bytes, m))
          ? "IMAGE_FILE"
          : looksLikeText(bytes)
            ? "TEXT_FILE"
            : "NOT_ZIP";
    fail(reason, `starts with ${hexHead(bytes)}`);
  }

  const dir = readZipDirectory(bytes, limits.maxEntries);
  const budget: InflateBudget = {
    maxPartBytes: limits.maxPartBytes,
    maxTotalBytes: limits.maxTotalBytes,
    used: 0,
  };
  const inflateRaw = options.inflateRaw ?? fflateInflateRaw;
  const part: PartReader = { bytes, dir, inflateRaw, budget, memo: options.memo };

  const ct = memoParse(part, "[Content_Types].xml", "ct", parseContentTypes) ?? {
    macroEnabled: false,
    mainPart: undefined,
  };
  if (ct.macroEnabled) fail("MACRO_ENABLED", "macro-enabled workbook content type");

  const wbPath = ct.mainPart !== undefined && has(dir, ct.mainPart) ? ct.mainPart : "xl/workbook.xml";
  const wb = memoParse(part, wbPath, `wb|${wbPath}`, (xml) => parseWorkbookPart(xml, wbPath));
  if (wb === undefined) failNotXlsx(part);

  const slash = wbPath.lastIndexOf("/");
  const wbDir = slash >= 0 ? wbPath.slice(0, slash + 1) : "";
  const relsPath = `${wbDir}_rels/${wbPath.slice(slash + 1)}.rels`;
  const rels = memoParse(part, relsPath, `rels|${relsPath}`, (xml) => parseRels(xml, relsPath, wbDir));
  if (rels === undefined) fail("CORRUPT", `missing ${relsPath}`);

  const filter = options.sheetFilter;
  const wanted = filter === undefined ? wb.sheets : wantedSheets(wb.sheets, filter);
  const sheets: Sheet[] = [];
  if (wanted.length > 0) {
    let sstPath: string | undefined;
    let stylesPath: string | undefined;
    for (const rel of rels.values()) {
      if (rel.path === undefined) continue;
      if (sstPath === undefined && rel.type.endsWith(REL_SHARED_STRINGS)) sstPath = rel.path;
      if (stylesPath === undefined && rel.type.endsWith(REL_STYLES)) stylesPath = rel.path;
    }
    // Some writers omit the relationship but still ship the part at its usual place.
    sstPath ??= resolvePartPath(wbDir, "sharedStrings.xml");
    stylesPath ??= resolvePartPath(wbDir, "styles.xml");
    const stylesAt = stylesPath;
    const styles =
      memoParse(part, stylesAt, `styles|${stylesAt}`, (xml) => parseStyles(xml, stylesAt)) ?? NO_STYLES;
    const sstXml = readPartText(bytes, dir, sstPath, inflateRaw, budget);
    const sst =
      sstXml === undefined
        ? NO_STRINGS
        : parseSharedStrings(sstXml, sstPath, limits, styles.legacy !== undefined);
    const sharedStrings = sst.strings;
    const stringRuns = sst.runs;
    // The cells look at their runs only behind the styles' legacy fonts (one test on the common path).
    const legacyFonts = styles.legacy?.kinds ?? (stringRuns === undefined ? undefined : new Uint8Array(0));

    for (const ref of wanted) {
      const rel = rels.get(ref.relId);
      if (rel === undefined || rel.path === undefined)
        fail("CORRUPT", `sheet "${ref.name}": no relationship ${ref.relId}`);
      if (!isSheetRelationship(rel.type)) {
        fail("CORRUPT", `sheet "${ref.name}": relationship ${ref.relId} is not a sheet (${rel.type})`);
      }
      const xml = readWorksheetText(part, rel.path);
      if (xml === undefined) fail("CORRUPT", `sheet "${ref.name}": missing part ${rel.path}`);
      const hidden: Hidden = { rows: [], columns: [] };
      const rows = parseWorksheet(
        xml,
        {
          part: rel.path,
          sheet: ref.name,
          sharedStrings,
          numberStyles: styles.numbers,
          legacyFonts,
          legacyFontNames: styles.legacy?.names,
          stringRuns,
          date1904: wb.date1904,
          limits,
        },
        hidden,
      );
      const merges = parseMerges(xml);
      if (merges.length > 0) blankCovered(rows, merges);
      if (hidden.rows.length === 0 && hidden.columns.length === 0)
        // The common sheet, as an object literal of one of two shapes (the checks read them all).
        sheets.push(merges.length === 0 ? { name: ref.name, rows } : { name: ref.name, rows, merges });
      else
        sheets.push({
          name: ref.name,
          rows,
          ...(merges.length > 0 ? { merges } : {}),
          ...(hidden.rows.length > 0 ? { hiddenRows: hidden.rows } : {}),
          ...(hidden.columns.length > 0 ? { hiddenColumns: hidden.columns } : {}),
        });
    }
  }
  return {
    sheets,
    sheetNames: wb.sheets.map((s) => s.name),
    hiddenSheets: wb.sheets.filter((s) => s.hidden === true).map((s) => s.name),
    date1904: wb.date1904,
    definedNames: wb.definedNames,
    fullCalcOnLoad: wb.fullCalcOnLoad,
  };
}

/**
 * Merged cells read as Excel shows them: only a merge's first (top-left) cell keeps its value. A value
 * left in another cell of the merge (LibreOffice can keep one; a merge added by a program) is hidden on
 * screen and so is not read either.
 */
function blankCovered(rows: Rows, merges: readonly CellRange[]): void {
  for (const m of merges) {
    for (let r = m.r0; r <= m.r1 && r < rows.length; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      for (let c = m.c0; c <= m.c1 && c < row.length; c++) if (r !== m.r0 || c !== m.c0) row[c] = undefined;
    }
  }
}

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** RAR ("Rar!\x1a\x07"), 7-Zip ("7z\xbc\xaf\x27\x1c") and gzip (1f 8b) by their first bytes. */
function isOtherArchive(b: Uint8Array): boolean {
  const starts = (...head: number[]): boolean => head.every((x, i) => b[i] === x);
  return (
    starts(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07) ||
    starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c) ||
    starts(0x1f, 0x8b)
  );
}

/** A zip without a SpreadsheetML workbook: names the spreadsheet format it is, when it is one. */
function failNotXlsx(r: PartReader): never {
  const has = (p: string): boolean => r.dir.byName.has(p);
  if (has("xl/workbook.bin")) fail("BINARY_XLSB", "binary workbook part xl/workbook.bin");
  const mimetype = r.dir.byName.get("mimetype");
  if (mimetype !== undefined && mimetype.method === 0 && mimetype.compressedSize <= 200) {
    const text = new TextDecoder().decode(entryData(r.bytes, mimetype)).trim();
    if (text.startsWith(ODS_MIMETYPE)) fail("OPEN_DOCUMENT", `mimetype ${text}`);
  }
  if (has("content.xml") && has("meta-inf/manifest.xml"))
    fail("OPEN_DOCUMENT", "content.xml and META-INF/manifest.xml");
  // Numbers '13 and later: a zip of IWA archives (Index/Document.iwa), or one holding Index.zip.
  if (has("index/document.iwa") || has("index.zip")) fail("APPLE_NUMBERS", "Index/Document.iwa or Index.zip");
  // A zip with nothing in it is a file cut short or damaged, not an archive of reports to unpack.
  if (r.dir.entries.length === 0) fail("TRUNCATED", "a zip without any entry");
  // Every Office document (.docx, .pptx) has its content types: a zip without them is an archive of
  // files (a unit's folder zipped and renamed .xlsx), whose reports are to be unpacked.
  if (!has("[content_types].xml")) fail("ARCHIVE", "a zip without [Content_Types].xml");
  fail("NO_WORKBOOK", "no xl/workbook.xml part");
}

// Plain loops and top-level functions rather than per-call closures here: under tsx every closure
// made per call is also renamed by a defineProperty, which is measurable at 1,000 files a run.
// (The three parse closures of memoParse per file are the exception; a memo hit saves far more.)

interface PartReader {
  readonly bytes: Uint8Array;
  readonly dir: ZipDirectory;
  readonly inflateRaw: InflateRaw;
  readonly budget: InflateBudget;
  readonly memo: PartMemo | undefined;
}

/**
 * The parse of a small part, or undefined when the package has no such part. With a memo, a part
 * whose stored bytes equal the last one under `key` reuses that parse (its inflated size is still
 * charged to this file's budget, so the caps bind exactly as without the memo).
 */
function memoParse<T>(r: PartReader, path: string, key: string, parse: (xml: string) => T): T | undefined {
  const entry = r.dir.byName.get(path.toLowerCase());
  if (entry === undefined) return undefined;
  const data = entryData(r.bytes, entry);
  const hit = r.memo?.get(key, entry.method, data);
  if (hit !== undefined) {
    chargeBudget(entry.name, r.budget, hit.inflatedLength);
    return hit.value as T;
  }
  const raw = inflateEntry(data, entry, r.inflateRaw, r.budget);
  const value = parse(decodeXml(raw));
  r.memo?.set(key, entry.method, data, raw.length, value);
  return value;
}

function readPartText(
  bytes: Uint8Array,
  dir: ZipDirectory,
  path: string,
  inflateRaw: InflateRaw,
  budget: InflateBudget,
): string | undefined {
  const entry = dir.byName.get(path.toLowerCase());
  if (entry === undefined) return undefined;
  return decodeXml(extractEntry(bytes, entry, inflateRaw, budget));
}

/**
 * A worksheet's XML. One over the caps is read again with its empty formatted rows dropped
 * (compact-rows.ts): a million of them is formatting, not content, and must not look like a zip bomb.
 */
function readWorksheetText(r: PartReader, path: string): string | undefined {
  const entry = r.dir.byName.get(path.toLowerCase());
  if (entry === undefined) return undefined;
  const data = entryData(r.bytes, entry);
  const cap = Math.min(r.budget.maxPartBytes, r.budget.maxTotalBytes - r.budget.used);
  // A declared size over the cap goes straight to the streaming path (the size is only a hint: a
  // lie either way ends in the same place, at a cap).
  if (entry.uncompressedSize <= cap) {
    try {
      return decodeXml(inflateEntry(data, entry, r.inflateRaw, r.budget));
    } catch (e) {
      if (!(e instanceof ReadFailure) || (e.reason !== "PART_TOO_LARGE" && e.reason !== "TOTAL_TOO_LARGE"))
        throw e;
    }
  }
  return decodeXml(inflateWorksheetCompacting(data, entry, r.budget));
}

function wantedSheets(
  sheets: readonly WorkbookSheetRef[],
  filter: (nfcName: string) => boolean,
): WorkbookSheetRef[] {
  const out: WorkbookSheetRef[] = [];
  for (const s of sheets) if (filter(s.name)) out.push(s);
  return out;
}

function isSheetRelationship(type: string): boolean {
  for (const suffix of REL_WORKSHEET_SUFFIXES) if (type.endsWith(suffix)) return true;
  return false;
}

function has(dir: ZipDirectory, path: string): boolean {
  return dir.byName.has(path.toLowerCase());
}

const utf8 = new TextDecoder("utf-8");

/** `<?xml version="1.0" encoding="…"?>` at the start of a part (ASCII-compatible encodings only). */
const XML_DECLARATION_ENCODING =
  /^<\?xml[ \t\r\n][^>]*?encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][A-Za-z0-9._-]*)["']/;
/** Labels of ISO-8859-1 itself: decoded byte for byte, as XML parsers do (TextDecoder would apply windows-1252). */
const LATIN1_LABELS = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "latin-1",
  "l1",
  "cp819",
  "ibm819",
  "iso-ir-100",
]);

function decodeXml(b: Uint8Array): string {
  // XML parts may be UTF-16 (with a BOM); Excel reads them, so do we. TextDecoder drops the BOM.
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b);
  const label = declaredEncoding(b);
  if (label === undefined) return utf8.decode(b);
  if (LATIN1_LABELS.has(label)) return latin1Decode(b);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    fail("CORRUPT", `XML part declares an unknown encoding "${label}"`);
  }
  return decoder.decode(b);
}

/** The encoding an XML declaration names, lower-cased; undefined for none or UTF-8 (the usual case, checked cheaply). */
function declaredEncoding(b: Uint8Array): string | undefined {
  // "<?xml" at byte 0 (after a UTF-8 BOM, which means UTF-8 whatever the declaration says).
  if (b[0] !== 0x3c || b[1] !== 0x3f || b[2] !== 0x78 || b[3] !== 0x6d || b[4] !== 0x6c) return undefined;
  let end = 5;
  const limit = Math.min(b.length, 200);
  while (end < limit && b[end] !== 0x3e) end++;
  let head = "";
  for (let i = 0; i <= end && i < limit; i++) head += String.fromCharCode(b[i] ?? 0);
  const m = XML_DECLARATION_ENCODING.exec(head);
  const label = m?.[1]?.toLowerCase();
  // A UTF-16 label on bytes that spell "<?xml" one byte per character is wrong: they are UTF-8 (or ASCII).
  return label === undefined || label === "utf-8" || label === "utf8" || label.startsWith("utf-16")
    ? undefined
    : label;
}

/** ISO-8859-1: each byte is the code point of the same value. */
function latin1Decode(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode(...b.subarray(i, i + 8192));
  return out;
}

/** Text-like: a UTF-16 BOM, or no NUL and almost no other control bytes in the first 1 KB. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return true;
  const n = Math.min(bytes.length, 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0) return false;
    // Tab, LF, FF, CR and ESC occur in text files; other C0 bytes are binary markers.
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
  }
  return control * 100 <= n;
}

function hexHead(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
}
