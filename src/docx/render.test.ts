// The .docx renderer, checked in the WordprocessingML it writes; the printed look is checked through
// LibreOffice in test/unit/printed-documents.test.ts.
import { strFromU8, unzipSync } from "fflate";
import type { Block, DocumentSpec } from "../core/docspec";
import { joinDocuments } from "../core/docspec";
import { bodyParagraph, officialDocument } from "../core/official";
import { renderDocx } from "./render";

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

const SPEC: DocumentSpec = {
  title: "Thử",
  font: { name: "Times New Roman", size: 14 },
  sections: [
    {
      page: { margins: { top: 20, bottom: 25, left: 30, right: 15 } },
      header: [
        {
          kind: "paragraph",
          align: "center",
          runs: [{ field: "page" }, { text: "/" }, { field: "sectionPages" }],
        },
      ],
      firstPageHeader: [],
      blocks: [
        {
          kind: "paragraph",
          align: "justify",
          indent: { firstLine: 12.7 },
          spacing: { before: 6, after: 6, line: 1.5 },
          runs: [
            { text: "Đậm", bold: true },
            { text: " nghiêng", italic: true },
            { text: " gạch", underline: true },
            { text: " cỡ 12", size: 12 },
            { text: "dòng mới", breakBefore: true },
          ],
        },
        {
          kind: "table",
          borders: true,
          headerRows: 1,
          columnWidths: [40, 60],
          rows: [
            [{ blocks: [{ kind: "paragraph", runs: [{ text: "Đơn vị" }] }], fill: "D9E2F3" }, { blocks: [] }],
            [{ blocks: [{ kind: "paragraph", runs: [{ text: "Cả hai cột" }] }], columnSpan: 2 }],
          ],
        },
        { kind: "pageBreak" },
        { kind: "paragraph", runs: [{ text: "Trang sau" }], border: { bottom: true } },
      ],
    },
  ],
};

describe("renderDocx", () => {
  let p: Record<string, string> = {};
  beforeAll(async () => {
    p = parts(renderDocx(SPEC));
  });

  test("A4 portrait with the margins in twips (20 mm = 1134)", () => {
    const doc = p["word/document.xml"] ?? "";
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1417" w:left="1701"/);
  });

  test("Times New Roman 14 pt by default", () => {
    expect(p["word/styles.xml"]).toMatch(
      /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/,
    );
  });

  test("runs keep their Vietnamese text and their bold, italic, underline, size and line break", () => {
    const doc = p["word/document.xml"] ?? "";
    expect(doc).toMatch(/<w:b\/>.*<w:t xml:space="preserve">Đậm<\/w:t>/);
    expect(doc).toMatch(/<w:i\/>.*<w:t xml:space="preserve"> nghiêng<\/w:t>/);
    expect(doc).toMatch(/<w:u w:val="single"\/>.*<w:t xml:space="preserve"> gạch<\/w:t>/);
    expect(doc).toMatch(/<w:sz w:val="24"\/>.*<w:t xml:space="preserve"> cỡ 12<\/w:t>/);
    expect(doc).toMatch(/<w:br\/><w:t xml:space="preserve">dòng mới<\/w:t>/);
  });

  test("paragraph layout: justified, first-line indent 1,27 cm, spacing in twentieths of a point", () => {
    const doc = p["word/document.xml"] ?? "";
    expect(doc).toContain('<w:jc w:val="both"/>');
    expect(doc).toContain('w:firstLine="720"');
    const spacing = /<w:spacing [^>]*\/>/.exec(doc)?.[0] ?? "";
    for (const attr of ['w:before="120"', 'w:after="120"', 'w:line="360"', 'w:lineRule="auto"'])
      expect(spacing).toContain(attr);
  });

  test("a table with fixed column widths, a repeated header row, shading and a merged cell", () => {
    const doc = p["word/document.xml"] ?? "";
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    expect(doc).toContain('<w:gridCol w:w="2268"/><w:gridCol w:w="3402"/>');
    expect(doc).toContain("<w:tblHeader/>");
    expect(doc).toContain('w:fill="D9E2F3"');
    expect(doc).toContain('<w:gridSpan w:val="2"/>');
  });

  test("a page break, and a paragraph with a line under it", () => {
    const doc = p["word/document.xml"] ?? "";
    expect(doc).toContain('<w:br w:type="page"/>');
    expect(doc).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  test("page number and page count in the header, an empty header on page 1", () => {
    const headers = Object.entries(p).filter(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(headers).toHaveLength(2);
    const texts = headers.map(([, xml]) => xml);
    expect(texts.some((x) => x.includes("PAGE") && x.includes("SECTIONPAGES"))).toBe(true);
    expect(texts.some((x) => !x.includes("PAGE"))).toBe(true);
    expect(p["word/document.xml"]).toContain("<w:titlePg/>");
  });
});

test("joined letters: one section each, each starting a new page at page 1", async () => {
  const letter = (to: string) =>
    officialDocument({
      organisation: { sender: "Sở Nội vụ", abbreviation: "SNV", place: "Thanh Hóa", signerTitle: "Giám đốc" },
      date: { year: 2026, month: 6, day: 5 },
      kind: { letter: true, subject: "thử" },
      recipients: [to],
      body: [bodyParagraph("Nội dung.")],
      copies: ["Lưu: VT"],
    });
  const doc =
    parts(renderDocx(joinDocuments([letter("A"), letter("B"), letter("C")])))["word/document.xml"] ?? "";
  expect(doc.match(/<w:sectPr/g)).toHaveLength(3);
  expect(doc.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(3);
  expect(doc.match(/<w:type w:val="nextPage"\/>/g)).toHaveLength(3);
  expect(doc).toContain("Kính gửi: C");
});

test("an empty document is a programming error", () => {
  expect(() => renderDocx({ font: { name: "Times New Roman", size: 14 }, sections: [] })).toThrow(
    /at least one section/,
  );
});

test("a landscape section is wider than tall (width and height swapped, orient landscape)", async () => {
  const landscape: DocumentSpec = {
    ...SPEC,
    sections: [
      SPEC.sections[0]!,
      { ...SPEC.sections[0]!, page: { ...SPEC.sections[0]!.page, orientation: "landscape" } },
    ],
  };
  const xml = parts(renderDocx(landscape))["word/document.xml"]!;
  const sizes = [...xml.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="(\w+)"\/>/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
    m[3],
  ]);
  expect(sizes).toEqual([
    [11906, 16838, "portrait"],
    [16838, 11906, "landscape"],
  ]);
});

describe("the package itself (written by our own writer, so checked here)", () => {
  const bytes = renderDocx(
    joinDocuments([SPEC, { ...SPEC, sections: [{ ...SPEC.sections[0]!, footer: [] }] }]),
  );
  const files = unzipSync(bytes);
  const text = (name: string): string => strFromU8(files[name] ?? new Uint8Array());

  test("every part has its content type, and every relationship points at a part that is there", () => {
    const types = text("[Content_Types].xml");
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    for (const name of Object.keys(files)) {
      if (name === "[Content_Types].xml" || name.endsWith(".rels")) continue;
      expect(overrides).toContain(name);
    }
    for (const name of overrides) expect(Object.keys(files)).toContain(name);
    const targets = [...text("word/_rels/document.xml.rels").matchAll(/Target="([^"]+)"/g)].map((m) => m[1]);
    for (const t of targets) expect(Object.keys(files)).toContain(`word/${t}`);
    for (const t of [...text("_rels/.rels").matchAll(/Target="([^"]+)"/g)].map((m) => m[1]))
      expect(Object.keys(files)).toContain(t);
  });

  test("every header and footer a section names is one of its relationships", () => {
    const ids = new Set(
      [...text("word/_rels/document.xml.rels").matchAll(/Id="(rId\d+)"/g)].map((m) => m[1]),
    );
    const refs = [...text("word/document.xml").matchAll(/Reference w:type="\w+" r:id="(rId\d+)"/g)].map(
      (m) => m[1],
    );
    expect(refs).toHaveLength(7); // per section: default header, first header, first footer; the second adds a footer
    for (const r of refs) expect(ids).toContain(r);
    expect(new Set(refs).size).toBe(refs.length);
  });

  test("the same document gives the same bytes (no creation time inside)", () => {
    // Rendered at two moments far apart (another day, month, year and time of day): nothing of the clock gets in.
    jest.useFakeTimers();
    try {
      jest.setSystemTime(new Date("2026-06-12T02:00:00Z"));
      const first = renderDocx(SPEC);
      jest.setSystemTime(new Date("2027-11-23T17:45:31Z"));
      const later = renderDocx(SPEC);
      expect(Buffer.from(later).equals(Buffer.from(first))).toBe(true);
      // Neither a created nor a modified date (nor any other dcterms element) in the core properties.
      expect(parts(later)["docProps/core.xml"]).not.toMatch(/<dcterms:/);
    } finally {
      jest.useRealTimers();
    }
    expect(text("docProps/core.xml")).not.toMatch(/<dcterms:/);
  });

  test("the document says it was last saved by KL226, the mark a later run knows its own files by", () => {
    expect(text("docProps/core.xml")).toContain("<cp:lastModifiedBy>KL226</cp:lastModifiedBy>");
    expect(text("docProps/core.xml")).toContain("<dc:title>Thử</dc:title>");
  });

  test("a section but the last ends in its own last paragraph (no empty paragraph that could print a blank page)", () => {
    const doc = text("word/document.xml");
    // The first section's last block is a paragraph with a line under it: it carries the section's properties.
    expect(doc).toMatch(
      /<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>[^]*?<w:sectPr>[^]*?<\/w:sectPr><\/w:pPr><w:r><w:t xml:space="preserve">Trang sau</,
    );
    expect(doc).not.toContain("<w:p><w:pPr><w:sectPr>");
  });
});

const MARGINS = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** A document of one section per list of blocks. */
const sections = (...blocks: Block[][]): DocumentSpec => ({
  font: { name: "Times New Roman", size: 14 },
  sections: blocks.map((b) => ({ page: { margins: MARGINS }, blocks: b })),
});

/** One paragraph of one run. */
const text = (t: string): DocumentSpec => sections([{ kind: "paragraph", runs: [{ text: t }] }]);

const documentXml = (spec: DocumentSpec): string => parts(renderDocx(spec))["word/document.xml"] ?? "";

test("a name with markup characters or a control character pasted from a PDF still gives a document Word opens", () => {
  const doc = documentXml(text("Phòng A&B <Cơ sở 2>\u000b\u0001\uffff\ufffe \"Hà\" 'Nội'"));
  expect(doc).toContain("Phòng A&amp;B &lt;Cơ sở 2&gt; &quot;Hà&quot; &apos;Nội&apos;");
  expect(doc).not.toMatch(/[\uFFFE\uFFFF]/);
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
  expect(doc).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
});

/** The paragraph a section's table is followed by: hidden, 1 pt, with the section's properties if any. */
const HIDDEN_AFTER_TABLE =
  /<\/w:tbl><w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="1" w:lineRule="exact"\/><w:jc w:val="left"\/><w:rPr><w:vanish\/>[^]*?<\/w:rPr>(<w:sectPr>[^]*?<\/w:sectPr>)?<\/w:pPr><\/w:p>/g;

test("a table as a section's last block: its properties go in a hidden paragraph one twip high after it (a table cannot hold them; a visible one printed a blank page when the table ended at a page's foot)", () => {
  const table: Block = { kind: "table", borders: true, columnWidths: [50], rows: [[{ blocks: [] }]] };
  const doc = documentXml(sections([table], [{ kind: "pageBreak" }], [table]));
  const closing = [...doc.matchAll(HIDDEN_AFTER_TABLE)];
  // The first section's carries its properties; the document's last table is followed by one too
  // (Word needs a paragraph after a table at the end), whose properties close the body after it.
  expect(closing.map((m) => m[1] !== undefined)).toEqual([true, false]);
  expect(doc).toMatch(/<\/w:rPr><\/w:pPr><\/w:p><w:sectPr>[^]*<\/w:sectPr><\/w:body>/);
  // An empty cell still holds the paragraph Word requires.
  expect(doc).toContain("</w:tcPr><w:p/></w:tc>");
});

test("a section's last paragraph that shows nothing is written hidden and one twip high; one with text or a line is not", () => {
  const empty: Block = { kind: "paragraph", runs: [], spacing: { before: 12, after: 6 } };
  const line: Block = { kind: "paragraph", runs: [], border: { bottom: true } };
  const doc = documentXml(sections([text("Một").sections[0]!.blocks[0]!, empty], [line], [empty]));
  expect(doc.match(/<w:vanish\/>/g)).toHaveLength(2);
  expect(doc).not.toContain('w:before="240"');
  expect(doc).toMatch(
    /<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>[^<]*<w:spacing[^>]*\/><w:jc w:val="left"\/><w:sectPr>/,
  );
});

test("only a section's last paragraph is hidden, and only when it shows nothing: a blank line between texts keeps its room; a line above, or a line break, prints; a section with no block still ends as a section", () => {
  const empty: Block = { kind: "paragraph", runs: [], spacing: { before: 12, after: 6 } };
  const words = text("Một").sections[0]!.blocks[0]!;
  const lineAbove: Block = { kind: "paragraph", runs: [], border: { top: true } };
  const lineBreak: Block = { kind: "paragraph", runs: [{ text: "", breakBefore: true }] };
  // The blank line between two texts is written with its spacing (12 pt before: 240 twips), not hidden.
  const between = documentXml(sections([words, empty, words], [lineAbove], [lineBreak]));
  expect(between).toContain('w:before="240"');
  expect(between).not.toContain("<w:vanish/>");
  expect(between).toMatch(/<w:pBdr><w:top [^>]*\/><\/w:pBdr>/);
  expect(between).toMatch(/<w:br\/>/);
  // Three sections, one of them empty: three sets of section properties (two in paragraphs, the last closing the body).
  const withEmpty = documentXml(sections([words], [], [words]));
  expect(withEmpty.match(/<w:sectPr>/g)).toHaveLength(3);
});

test("an official document (a letter, the report's main text) ends its section with the signature table and a hidden paragraph one twip high, nothing that takes room", () => {
  const letter = officialDocument({
    organisation: { sender: "Sở Nội vụ", abbreviation: "SNV", place: "Thanh Hóa", signerTitle: "Giám đốc" },
    date: { year: 2026, month: 6, day: 5 },
    kind: { letter: true, subject: "thử" },
    recipients: ["A"],
    body: [bodyParagraph("Nội dung.")],
    copies: ["Lưu: VT"],
  });
  const joined = documentXml(joinDocuments([letter, letter]));
  // Each letter's signature table is followed only by the hidden paragraph: the first carries its
  // section's properties, the second is followed by the body's.
  expect([...joined.matchAll(HIDDEN_AFTER_TABLE)].map((m) => m[1] !== undefined)).toEqual([true, false]);
  expect(joined).toMatch(/<w:vanish\/>[^]*?<\/w:p><w:sectPr>[^]*<\/w:sectPr><\/w:body>/);
  // No paragraph that takes room (the 1 pt one that used to follow the table) is left.
  expect(joined).not.toContain('w:line="20"');
});

test("a tab in a text is Word's tab, a line end typed in a cell a line break (inside w:t both are mere spaces to Word)", () => {
  expect(documentXml(text("Một\tHai\r\nBa\rBốn\n"))).toContain(
    '<w:r><w:t xml:space="preserve">Một</w:t><w:tab/><w:t xml:space="preserve">Hai</w:t><w:br/>' +
      '<w:t xml:space="preserve">Ba</w:t><w:br/><w:t xml:space="preserve">Bốn</w:t><w:br/></w:r>',
  );
});

test("a number stays on the line of the word that names it: 'năm 2026', 'ngày 14', 'số 226', '≥ 95', '96,5 %'", () => {
  const xml = documentXml(
    text("Kết luận số 226-KL/TW năm 2026, ngày 14 tháng 12; Quý II; ≥ 95; 96,5 %; Tăng 2 (khánh năm 5)"),
  );
  expect(xml).toContain(
    'Kết luận số\u00a0226</w:t><w:noBreakHyphen/><w:t xml:space="preserve">KL/TW năm\u00a02026, ngày\u00a014 tháng\u00a012; Quý II; ≥\u00a095; 96,5\u00a0%; Tăng 2 (khánh năm\u00a05)',
  );
  // A negative number's sign is a minus sign (no break after it); a hyphen inside a word stays, one
  // inside a document's number and code is Word's non-breaking hyphen.
  expect(documentXml(text("giảm -156,5% (-8,1%); Hà Nội-Hải Phòng"))).toContain(
    "giảm \u2212156,5% (\u22128,1%); Hà Nội-Hải Phòng",
  );
  expect(documentXml(text("Kết luận 226-KL/TW, Quyết định 534/QĐ-TTg; Số: /BC-SNV"))).toContain(
    '<w:t xml:space="preserve">Kết luận 226</w:t><w:noBreakHyphen/><w:t xml:space="preserve">KL/TW, Quyết định 534/QĐ</w:t><w:noBreakHyphen/><w:t xml:space="preserve">TTg; Số: /BC</w:t><w:noBreakHyphen/><w:t xml:space="preserve">SNV</w:t>',
  );
  // Only before a number: "năm nay" may still break.
  expect(documentXml(text("năm nay"))).toContain("năm nay");
});
