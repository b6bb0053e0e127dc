// Renders a DocumentSpec (core/docspec.ts) to .docx bytes: WordprocessingML written as text and
// zipped by our own writer (src/xlsx/zip-write.ts). No fs and no Buffer, so the same code runs in
// the CLI and in the browser. The elements, their order and their attributes are those the `docx`
// package wrote for the same specs until session 21 (the same document.xml, headers and footers
// but for its "off" switches, its namespace list, and tabs, line ends and U+FFFF, which it left in
// w:t); it needed ≈ 600 MB and 3 s for the report of 1,000 units and 10 ms a letter, see
// docs/DECISIONS.md "Word documents written by our own writer".

import type { Block, DocumentSpec, ParagraphSpec, Run, SectionSpec, TableSpec } from "../core/docspec";
import {
  FFLATE_CODEC,
  zipEntries,
  zipEntry,
  zipParts,
  type ZipCodec,
  type ZipEntry,
  type ZipPart,
} from "../xlsx/zip-write";

/** A4 in twentieths of a point (twips). */
const A4 = { width: 11906, height: 16838 } as const;
const TWIPS_PER_MM = 1440 / 25.4;

function twips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points to the half-points Word sizes fonts in. */
function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const ROOT_NS = `xmlns:w="${NS_W}" xmlns:r="${NS_R}"`;
const MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml";

const ALIGN = { left: "left", center: "center", right: "right", justify: "both" } as const;

const LINE = 'w:val="single" w:color="000000" w:sz="6" w:space="1"';
const NO_LINE = 'w:val="none" w:color="FFFFFF" w:sz="0"';

// XML 1.0 forbids these characters even as references: the C0 controls but tab and line ends, and
// U+FFFE/U+FFFF (a cell may hold one as the escape _xFFFF_; one in a unit's name made the report, its
// letter and the joined letters impossible to open). Dropped; lone surrogates become U+FFFD on encoding.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};

/** Text or an attribute value as XML: markup characters escaped, characters XML forbids dropped. */
function escapeXml(s: string): string {
  return s.replace(ESCAPED, (c) => ENTITIES[c] ?? "");
}

/**
 * The text of a run: w:t pieces with w:tab and w:br between them where the text has tabs or line
 * ends (inside w:t Word shows them as mere spaces; a line end typed in a cell, Alt+Enter, is a break).
 */
function runText(text: string): string {
  const pieces = text.split(/(\t|\r\n|\r|\n|\u2011)/);
  return pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece === "\t"
          ? "<w:tab/>"
          : piece === "\u2011"
            ? // keepTogether's hyphen of a document's number: Word's own non-breaking hyphen.
              "<w:noBreakHyphen/>"
            : "<w:br/>"
        : piece === "" && pieces.length > 1
          ? ""
          : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`,
    )
    .join("");
}

/**
 * Spaces a printed line must not break at, made non-breaking: before "%" (a unit's own "96,5 %": Word and
 * LibreOffice put "%" alone at the start of the next line, "≥ 100 / %"), after a comparison
 * sign before a number ("≥ 95"), and between "năm", "tháng", "ngày", "số", "Quý" and the number
 * they name (a letter's V/v left "2026" alone on its last line, under "… Kết luận số 226-KL/TW năm");
 * a negative number's sign is the minus sign, which no line ends after (Word may break after a
 * hyphen: "-" / "156,5%" in a table of reductions); and a document's number and code ("226-KL/TW",
 * "534/QĐ-TTg", "/BC-SNV") does not break at its hyphen (a letter's first paragraph ended a line
 * with "226-" and began the next with "KL/TW"): runText writes it as Word's non-breaking hyphen.
 * Only the .docx gets them; the text of the document model is as typed.
 */
export function keepTogether(text: string): string {
  const known = keptTogether.get(text);
  if (known !== undefined) return known;
  const kept = joinedText(text);
  if (keptTogether.size >= KEPT_TOGETHER_TEXTS) keptTogether.clear();
  keptTogether.set(text, kept);
  return kept;
}

/**
 * keepTogether's results by text: a unit's letter repeats most of the previous one's sentences, and
 * all letters in one file repeat every letter's; the scans (the code's with \p{L}) were a fifth of
 * the letters' time. A pure cache, emptied when full.
 */
const keptTogether = new Map<string, string>();
const KEPT_TOGETHER_TEXTS = 4096;

function joinedText(text: string): string {
  // The first four join something to a digit and the last changes only codes with a "/": a text
  // with neither is passed over without the five scans.
  const joined = /\d/.test(text)
    ? text
        .replace(/(\d) %/g, "$1\u00a0%")
        .replace(/([≥≤<>]) (?=\d)/g, "$1\u00a0")
        .replace(/(^|[^\p{L}])(năm|Năm|tháng|Tháng|ngày|Ngày|số|Số|quý|Quý) (?=\d)/gu, "$1$2\u00a0")
        .replace(/(^|[\s(])-(?=\d)/g, "$1\u2212")
    : text;
  return joined.includes("/")
    ? joined.replace(DOCUMENT_CODE, (code) => (code.includes("/") ? code.replace(/-/g, "\u2011") : code))
    : joined;
}

/** A number and code of a document: letters and digits joined by "/" and "-", maybe after a "/". */
const DOCUMENT_CODE = /\/?[\p{L}\d]+(?:[-/][\p{L}\d]+)+/gu;

const FIELD_CODE = { page: "PAGE", sectionPages: "SECTIONPAGES" } as const;

function runProperties(r: Run): string {
  let props = "";
  if (r.bold === true) props += "<w:b/><w:bCs/>";
  if (r.italic === true) props += "<w:i/><w:iCs/>";
  if (r.size !== undefined) {
    const size = halfPoints(r.size);
    props += `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  }
  if ("text" in r && r.underline === true) props += '<w:u w:val="single"/>';
  return props === "" ? "" : `<w:rPr>${props}</w:rPr>`;
}

function run(r: Run, out: string[]): void {
  const rPr = runProperties(r);
  if ("field" in r) {
    // A complex field with no cached result: Word and LibreOffice work the number out as they lay out.
    out.push(
      `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>`,
      `<w:r>${rPr}<w:instrText xml:space="preserve">${FIELD_CODE[r.field]}</w:instrText></w:r>`,
      `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>`,
      `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`,
    );
    return;
  }
  out.push(`<w:r>${rPr}${r.breakBefore === true ? "<w:br/>" : ""}${runText(keepTogether(r.text))}</w:r>`);
}

function indent(ind: NonNullable<ParagraphSpec["indent"]>): string {
  let attrs = "";
  if (ind.left !== undefined) attrs += ` w:left="${twips(ind.left)}"`;
  if (ind.right !== undefined) attrs += ` w:right="${twips(ind.right)}"`;
  if (ind.hanging !== undefined) attrs += ` w:hanging="${twips(ind.hanging)}"`;
  if (ind.firstLine !== undefined) attrs += ` w:firstLine="${twips(ind.firstLine)}"`;
  return `<w:ind${attrs}/>`;
}

/**
 * The paragraph that ends a section after a table: a table cannot carry the section's properties, and
 * Word needs a paragraph after a table at a section's end (and at the document's). It must take no
 * room: when the table ended at the foot of a page, the 1 pt paragraph that carried the break went to
 * the next page alone, printed blank but for its page number, before the next section (Phụ lục I after
 * the report's signature; the next of the joined letters), or after a letter. Its mark is hidden
 * (w:vanish: Word lays out no hidden paragraph, LibreOffice none but the document's last) and its line
 * one twip (1/20 pt) exactly, which is what LibreOffice gives the document's last paragraph. A
 * section's last paragraph that shows nothing (no text, no line) is written the same way.
 */
function closingParagraph(sectPr: string): string {
  return (
    '<w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="1" w:lineRule="exact"/><w:jc w:val="left"/>' +
    `<w:rPr><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>${sectPr}</w:pPr></w:p>`
  );
}

/** True when a paragraph prints nothing: no text, no field, no line above or below. */
function showsNothing(p: ParagraphSpec): boolean {
  return (
    p.border?.top !== true &&
    p.border?.bottom !== true &&
    p.runs.every((r) => "text" in r && r.text === "" && r.breakBefore !== true)
  );
}

/** `sectPr`: the properties of the section this paragraph ends (a section's last paragraph carries them). */
function paragraph(p: ParagraphSpec, out: string[], sectPr = ""): void {
  // The order CT_PPr prescribes: keepNext, pBdr, spacing, ind, jc.
  const s = p.spacing;
  const line =
    s?.exactLine !== undefined
      ? `w:line="${Math.round(s.exactLine * 20)}" w:lineRule="exact"`
      : `w:line="${Math.round((s?.line ?? 1) * 240)}" w:lineRule="auto"`;
  let pPr = p.keepWithNext === true ? "<w:keepNext/>" : "";
  if (p.border?.top === true || p.border?.bottom === true)
    pPr += `<w:pBdr>${p.border.top === true ? `<w:top ${LINE}/>` : ""}${p.border.bottom === true ? `<w:bottom ${LINE}/>` : ""}</w:pBdr>`;
  pPr += `<w:spacing w:after="${Math.round((s?.after ?? 0) * 20)}" w:before="${Math.round((s?.before ?? 0) * 20)}" ${line}/>`;
  if (p.indent) pPr += indent(p.indent);
  pPr += `<w:jc w:val="${ALIGN[p.align ?? "left"]}"/>${sectPr}`;
  out.push(`<w:p><w:pPr>${pPr}</w:pPr>`);
  for (const r of p.runs) run(r, out);
  out.push("</w:p>");
}

function table(t: TableSpec, out: string[]): void {
  const widths = t.columnWidths.map(twips);
  const total = widths.reduce((a, b) => a + b, 0);
  const line = t.borders ? LINE : NO_LINE;
  const sides = ["top", "left", "bottom", "right", "insideH", "insideV"].map(
    (side) => `<w:${side} ${line}/>`,
  );
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${sides.join("")}</w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
  );
  t.rows.forEach((cells, r) => {
    const trPr =
      (t.keepRowsWhole === true ? "<w:cantSplit/>" : "") + (r < (t.headerRows ?? 0) ? "<w:tblHeader/>" : "");
    out.push(trPr === "" ? "<w:tr>" : `<w:tr><w:trPr>${trPr}</w:trPr>`);
    let col = 0;
    for (const c of cells) {
      const span = c.columnSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      // The order CT_TcPr prescribes: tcW, gridSpan, shd, vAlign.
      out.push(
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>` +
          (span > 1 ? `<w:gridSpan w:val="${span}"/>` : "") +
          (c.fill ? `<w:shd w:fill="${escapeXml(c.fill)}" w:color="auto" w:val="clear"/>` : "") +
          (c.vAlign ? `<w:vAlign w:val="${c.vAlign}"/>` : "") +
          "</w:tcPr>",
      );
      blocks(c.blocks, out);
      // Word needs every cell to end with a paragraph, even an empty cell or one ending in a table.
      const last = c.blocks[c.blocks.length - 1];
      if (last === undefined || last.kind === "table") out.push("<w:p/>");
      out.push("</w:tc>");
    }
    out.push("</w:tr>");
  });
  out.push("</w:tbl>");
}

/**
 * A block; `last` when it is its section's last, `sectPr` then the properties it ends the section with
 * ("" for the document's last section, whose properties close the body).
 */
function block(b: Block, out: string[], last = false, sectPr = ""): void {
  switch (b.kind) {
    case "paragraph":
      if (last && showsNothing(b)) out.push(closingParagraph(sectPr));
      else paragraph(b, out, sectPr);
      break;
    case "table":
      table(b, out);
      if (last) out.push(closingParagraph(sectPr));
      break;
    case "pageBreak":
      out.push(
        `<w:p>${sectPr === "" ? "" : `<w:pPr>${sectPr}</w:pPr>`}<w:r><w:br w:type="page"/></w:r></w:p>`,
      );
      break;
  }
}

function blocks(list: readonly Block[], out: string[]): void {
  for (const b of list) block(b, out);
}

/** A header or footer part, and the relationship by which its section names it. */
interface Margin {
  readonly kind: "header" | "footer";
  readonly type: "default" | "first";
  readonly part: string;
  readonly id: string;
  readonly xml: string;
}

function marginXml(kind: Margin["kind"], content: readonly Block[]): string {
  const root = kind === "header" ? "w:hdr" : "w:ftr";
  const out: string[] = [];
  blocks(content, out);
  return out.length === 0
    ? `${XML_DECL}<${root} ${ROOT_NS}/>`
    : `${XML_DECL}<${root} ${ROOT_NS}>${out.join("")}</${root}>`;
}

function sectionProperties(s: SectionSpec, margins: readonly Margin[]): string {
  const m = s.page.margins;
  const landscape = s.page.orientation === "landscape";
  const refs = margins.map((x) => `<w:${x.kind}Reference w:type="${x.type}" r:id="${x.id}"/>`);
  // Every section (every letter of a joined file) starts on a new page, numbered from 1.
  return (
    `<w:sectPr>${refs.join("")}<w:type w:val="nextPage"/>` +
    `<w:pgSz w:w="${landscape ? A4.height : A4.width}" w:h="${landscape ? A4.width : A4.height}" w:orient="${landscape ? "landscape" : "portrait"}"/>` +
    `<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" w:left="${twips(m.left)}" ` +
    `w:header="${twips(m.header ?? 10)}" w:footer="${twips(m.footer ?? 10)}" w:gutter="0"/>` +
    `<w:pgNumType w:start="1"/>${margins.some((x) => x.type === "first") ? "<w:titlePg/>" : ""}` +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

function stylesXml(spec: DocumentSpec): string {
  const font = escapeXml(spec.font.name);
  const size = halfPoints(spec.font.size);
  return (
    `${XML_DECL}<w:styles ${ROOT_NS}><w:docDefaults><w:rPrDefault><w:rPr>` +
    `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    "</w:docDefaults>" +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>"
  );
}

// Compatibility mode 15 (Word 2013 and later): without it Word opens the file in compatibility mode.
const SETTINGS_XML =
  `${XML_DECL}<w:settings ${ROOT_NS}><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="false"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  "</w:settings>";

// No creation date: it would make identical specs produce different bytes (as the .xlsx writer).
// "KL226" as the last to modify is the mark by which a later run knows this document as its own
// (src/cli/earlier-output.ts); Word replaces it with the editor's name when someone saves changes.
function coreXml(spec: DocumentSpec): string {
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (spec.title !== undefined ? `<dc:title>${escapeXml(spec.title)}</dc:title>` : "") +
    `<dc:creator>${escapeXml(spec.creator ?? "KL226")}</dc:creator>` +
    "<cp:lastModifiedBy>KL226</cp:lastModifiedBy><cp:revision>1</cp:revision></cp:coreProperties>"
  );
}

const APP_XML =
  `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>KL226</Application></Properties>';

/** The XML parts of the package, by name; exposed for tests that read them. */
export function documentParts(spec: DocumentSpec): ReadonlyMap<string, string> {
  if (spec.sections.length === 0) throw new Error("docx renderer: a document needs at least one section");
  // rId1 and rId2 are the styles and settings; headers and footers follow, section by section.
  const margins: Margin[] = [];
  const counts = { header: 0, footer: 0 };
  const body: string[] = [];
  spec.sections.forEach((s, i) => {
    const hasFirst = s.firstPageHeader !== undefined || s.firstPageFooter !== undefined;
    const own: Margin[] = [];
    const add = (kind: Margin["kind"], type: Margin["type"], content: readonly Block[]): void => {
      counts[kind] += 1;
      own.push({
        kind,
        type,
        part: `${kind}${counts[kind]}.xml`,
        id: `rId${3 + margins.length + own.length}`,
        xml: marginXml(kind, content),
      });
    };
    if (s.header) add("header", "default", s.header);
    if (hasFirst) add("header", "first", s.firstPageHeader ?? []);
    if (s.footer) add("footer", "default", s.footer);
    if (hasFirst) add("footer", "first", s.firstPageFooter ?? []);
    margins.push(...own);
    const sectPr = sectionProperties(s, own);
    const final = i === spec.sections.length - 1;
    // A section but the last ends with its last paragraph, which carries its properties (no extra
    // paragraph that could spill onto a page of its own); the last section's close the body.
    blocks(s.blocks.slice(0, -1), body);
    const last = s.blocks[s.blocks.length - 1];
    if (last !== undefined) block(last, body, true, final ? "" : sectPr);
    else if (!final) body.push(closingParagraph(sectPr));
    if (final) body.push(sectPr);
  });

  const rels =
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_R}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${NS_R}/settings" Target="settings.xml"/>` +
    margins.map((x) => `<Relationship Id="${x.id}" Type="${NS_R}/${x.kind}" Target="${x.part}"/>`).join("") +
    "</Relationships>";
  const contentTypes =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${MAIN_TYPE}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${MAIN_TYPE}.styles+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="${MAIN_TYPE}.settings+xml"/>` +
    margins
      .map((x) => `<Override PartName="/word/${x.part}" ContentType="${MAIN_TYPE}.${x.kind}+xml"/>`)
      .join("") +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    "</Types>";
  const rootRels =
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="word/document.xml"/>` +
    `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/>` +
    "</Relationships>";

  // [Content_Types].xml first: some consumers sniff the package by its first entry.
  return new Map([
    ["[Content_Types].xml", contentTypes],
    ["_rels/.rels", rootRels],
    ["docProps/core.xml", coreXml(spec)],
    ["docProps/app.xml", APP_XML],
    ["word/document.xml", `${XML_DECL}<w:document ${ROOT_NS}><w:body>${body.join("")}</w:body></w:document>`],
    ["word/_rels/document.xml.rels", rels],
    ["word/styles.xml", stylesXml(spec)],
    ["word/settings.xml", SETTINGS_XML],
    ...margins.map((x): [string, string] => [`word/${x.part}`, x.xml]),
  ]);
}

/** Renders `spec` to the bytes of a .docx file (in Node and in the browser); the same spec, the same bytes. */
export function renderDocx(spec: DocumentSpec, codec: ZipCodec = FFLATE_CODEC): Uint8Array {
  const enc = new TextEncoder();
  const parts: ZipPart[] = [...documentParts(spec)].map(([name, xml]) => ({ name, data: enc.encode(xml) }));
  return zipParts(parts, codec);
}

/** Parts of up to this many characters are kept compressed by a series (the letters' are 0.2–1.3 KB). */
const SERIES_PART_CHARS = 16_384;
/** At most this many of them: a series of letters repeats ≈ 10 parts per kind of letter. */
const SERIES_PARTS = 128;

/**
 * Renders a series of documents that share most of their parts, as renderDocx does, byte for byte:
 * every part but the body that comes again with the same text is compressed once. A unit's letter
 * differs from the next only in word/document.xml; compressing its ten other parts anew for each of
 * 1,000 letters was most of the letters' time (zlib and fflate pay a set-up per call).
 */
export function docxSeries(codec: ZipCodec = FFLATE_CODEC): (spec: DocumentSpec) => Uint8Array {
  const enc = new TextEncoder();
  const kept = new Map<string, ZipEntry>();
  const entry = (name: string, xml: string): ZipEntry => {
    if (name === "word/document.xml" || xml.length > SERIES_PART_CHARS)
      return zipEntry({ name, data: enc.encode(xml) }, codec);
    const key = `${name}\n${xml}`;
    const known = kept.get(key);
    if (known) return known;
    const made = zipEntry({ name, data: enc.encode(xml) }, codec);
    if (kept.size < SERIES_PARTS) kept.set(key, made);
    return made;
  };
  return (spec) => zipEntries([...documentParts(spec)].map(([name, xml]) => entry(name, xml)));
}
