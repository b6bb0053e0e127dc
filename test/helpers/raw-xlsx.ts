// Test helper: builds minimal .xlsx packages from hand-written XML, so a test shows exactly the XML it exercises.
//
// Usage:
//   const bytes = rawXlsx({ sheets: [{ name: "Sheet1", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
//   const bytes = rawXlsx({ sheets: [...], sharedStrings: sstXml(["a", "b"]), styles: stylesXml([{ numFmtId: 14 }]) });
// Anything can be overridden: `workbookXml`, `contentTypesXml`, `files` (extra or replacement parts), `omit`.
// For crafted archives (zip bombs, lying sizes): rawZip(entries), with rawXlsxEntries(opts) for the normal parts.
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface RawSheet {
  readonly name: string;
  /** The complete worksheet XML (use sheetXml() to wrap just the <sheetData> content). */
  readonly xml: string;
  /** `<sheet state="...">`, e.g. "hidden". */
  readonly state?: string;
}

export interface RawXlsxOptions {
  readonly sheets: readonly RawSheet[];
  /** Complete xl/sharedStrings.xml (see sstXml()); omitted when undefined. */
  readonly sharedStrings?: string;
  /** Complete xl/styles.xml (see stylesXml()); omitted when undefined. */
  readonly styles?: string;
  /** Extra children of <workbook> placed after <sheets>, e.g. `<definedNames>...</definedNames>`. */
  readonly workbookExtra?: string;
  /** Attributes for <workbookPr>, e.g. `date1904="1"`. */
  readonly workbookPr?: string;
  /** Replaces the generated xl/workbook.xml entirely. */
  readonly workbookXml?: string;
  /** Content type of the workbook part (default: the plain .xlsx one). */
  readonly mainContentType?: string;
  /** Replaces the generated [Content_Types].xml entirely. */
  readonly contentTypesXml?: string;
  /** Extra or replacement parts by zip path. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Zip paths to leave out of the package. */
  readonly omit?: readonly string[];
  /** Deflate level, 0 = stored (default 6). */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A worksheet with the given <sheetData> content (default namespace, no prefix). */
export function sheetXml(sheetDataInner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>${sheetDataInner}</sheetData></worksheet>`;
}

/** A shared-string table of plain strings (escaped for XML; write the XML yourself for rich text). */
export function sstXml(strings: readonly string[]): string {
  const items = strings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

/** styles.xml whose cellXfs are the given xfs, in order (index 0 = first); custom formats as id → code. */
export function stylesXml(
  xfs: readonly { numFmtId: number }[],
  numFmts: Readonly<Record<number, string>> = {},
): string {
  const fmts = Object.entries(numFmts)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`)
    .join("");
  const cellXfs = xfs
    .map(
      (x) =>
        `<xf numFmtId="${x.numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
    (fmts ? `<numFmts count="${Object.keys(numFmts).length}">${fmts}</numFmts>` : "") +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
    `<borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${cellXfs}</cellXfs>` +
    `</styleSheet>`
  );
}

/** Builds the package bytes. */
export function rawXlsx(opts: RawXlsxOptions): Uint8Array {
  const sheetEntries = opts.sheets
    .map(
      (s, i) =>
        `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const workbook =
    opts.workbookXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      (opts.workbookPr !== undefined ? `<workbookPr ${opts.workbookPr}/>` : "") +
      `<sheets>${sheetEntries}</sheets>${opts.workbookExtra ?? ""}</workbook>`;

  const n = opts.sheets.length;
  const wbRels = opts.sheets.map(
    (_s, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_BASE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (opts.styles !== undefined)
    wbRels.push(`<Relationship Id="rId${n + 1}" Type="${REL_BASE}/styles" Target="styles.xml"/>`);
  if (opts.sharedStrings !== undefined) {
    wbRels.push(
      `<Relationship Id="rId${n + 2}" Type="${REL_BASE}/sharedStrings" Target="sharedStrings.xml"/>`,
    );
  }

  const mainType =
    opts.mainContentType ?? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>`,
    ...opts.sheets.map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
  ];
  if (opts.styles !== undefined) {
    overrides.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    );
  }
  if (opts.sharedStrings !== undefined) {
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
  }
  const contentTypes =
    opts.contentTypesXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;

  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": contentTypes,
    "_rels/.rels":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_BASE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`,
  };
  opts.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
  });
  if (opts.styles !== undefined) files["xl/styles.xml"] = opts.styles;
  if (opts.sharedStrings !== undefined) files["xl/sharedStrings.xml"] = opts.sharedStrings;
  Object.assign(files, opts.files ?? {});
  for (const p of opts.omit ?? []) delete files[p];

  const zippable: Zippable = {};
  for (const [path, content] of Object.entries(files)) {
    zippable[path] = typeof content === "string" ? strToU8(content) : content;
  }
  return zipSync(zippable, { level: opts.level ?? 6 });
}

export interface RawZipEntry {
  readonly name: string;
  /** The bytes as stored: already raw-DEFLATE-compressed when method is 8. */
  readonly data: Uint8Array;
  /** 0 = stored (default), 8 = deflate. */
  readonly method?: 0 | 8;
  /** Uncompressed size to declare (default: data.length). Lie here to test size caps. */
  readonly declaredSize?: number;
  /** CRC-32 to declare (default 0: readers that check CRCs will reject the entry). */
  readonly crc?: number;
}

/**
 * A zip archive written byte by byte, for inputs zipSync cannot make: pre-compressed data
 * (zip bombs), lying size fields, odd methods. No data descriptors, no ZIP64.
 */
export function rawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const declared = e.declaredSize ?? e.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, e.crc ?? 0, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, e.crc ?? 0, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, eocd];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

/** The parts of a minimal valid package as rawZip entries (stored), e.g. to add a crafted sheet part. */
export function rawXlsxEntries(opts: RawXlsxOptions): RawZipEntry[] {
  const files = unzipSync(rawXlsx({ ...opts, level: 0 }));
  return Object.entries(files).map(([name, data]) => ({ name, data }));
}

/**
 * The same archive rewritten with ZIP64 end records (a ZIP64 end-of-central-directory record and
 * its locator, the classic record's fields set to 0xFFFF/0xFFFFFFFF), as some zip tools and
 * streaming writers emit even for small files. With `entries`, every central-directory entry also
 * moves its sizes and offset into a ZIP64 extra field. Expects an archive without a comment.
 */
export function toZip64(zip: Uint8Array, { entries = false }: { entries?: boolean } = {}): Uint8Array {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  if (dv.getUint32(eocd, true) !== 0x06054b50)
    throw new Error("toZip64: archive has a comment or is not a zip");
  const count = dv.getUint16(eocd + 10, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  const centrals: Uint8Array[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const fixedAndName = zip.slice(p, p + 46 + nameLen);
    const rest = zip.slice(p + 46 + nameLen, p + 46 + nameLen + extraLen + commentLen);
    if (!entries) {
      centrals.push(zip.slice(p, p + 46 + nameLen + extraLen + commentLen));
    } else {
      const fv = new DataView(fixedAndName.buffer);
      const extra = new Uint8Array(4 + 24);
      const xv = new DataView(extra.buffer);
      xv.setUint16(0, 0x0001, true);
      xv.setUint16(2, 24, true);
      xv.setBigUint64(4, BigInt(fv.getUint32(24, true)), true); // uncompressed
      xv.setBigUint64(12, BigInt(fv.getUint32(20, true)), true); // compressed
      xv.setBigUint64(20, BigInt(fv.getUint32(42, true)), true); // local header offset
      fv.setUint32(20, 0xffffffff, true);
      fv.setUint32(24, 0xffffffff, true);
      fv.setUint32(42, 0xffffffff, true);
      fv.setUint16(4, 45, true); // version made by / needed: 4.5 (ZIP64)
      fv.setUint16(6, 45, true);
      fv.setUint16(30, extraLen + extra.length, true);
      const entry = new Uint8Array(fixedAndName.length + extra.length + rest.length);
      entry.set(fixedAndName);
      entry.set(extra, fixedAndName.length);
      entry.set(rest, fixedAndName.length + extra.length);
      centrals.push(entry);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const z64Offset = cdOffset + cdSize;
  const z64 = new Uint8Array(56);
  const zv = new DataView(z64.buffer);
  zv.setUint32(0, 0x06064b50, true);
  zv.setBigUint64(4, 44n, true);
  zv.setUint16(12, 45, true);
  zv.setUint16(14, 45, true);
  zv.setBigUint64(24, BigInt(count), true);
  zv.setBigUint64(32, BigInt(count), true);
  zv.setBigUint64(40, BigInt(cdSize), true);
  zv.setBigUint64(48, BigInt(cdOffset), true);
  const locator = new Uint8Array(20);
  const lv = new DataView(locator.buffer);
  lv.setUint32(0, 0x07064b50, true);
  lv.setBigUint64(8, BigInt(z64Offset), true);
  lv.setUint32(16, 1, true);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 0xffff, true);
  ev.setUint16(10, 0xffff, true);
  ev.setUint32(12, 0xffffffff, true);
  ev.setUint32(16, 0xffffffff, true);
  const parts = [zip.subarray(0, cdOffset), ...centrals, z64, locator, end];
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}
