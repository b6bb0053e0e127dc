// The reader's fast paths take only the plain shapes writers usually produce; these tests show that the
// other spellings of the same content (which fall back to the general code) read exactly the same.
import { columnLetters, type ReadOutcome, type Sheet, type Workbook } from "../core/workbook";
import { NS_MAIN, rawXlsx, sheetXml, sstXml, stylesXml } from "../../test/helpers/raw-xlsx";
import { readXlsx } from "./read";
import { resolvePartPath } from "./sml";

function ok(out: ReadOutcome): Workbook {
  if (!out.ok) throw new Error(`expected ok, got ${out.reason}: ${out.detail ?? ""}`);
  return out.workbook;
}

const styles = stylesXml([{ numFmtId: 0 }, { numFmtId: 14 }, { numFmtId: 164 }], { 164: "dd/mm/yyyy" });
const sharedStrings = sstXml(["không", "một"]);

function rowsOf(sheetDataInner: string): Sheet["rows"] {
  const wb = ok(
    readXlsx(rawXlsx({ sheets: [{ name: "S", xml: sheetXml(sheetDataInner) }], styles, sharedStrings })),
  );
  return wb.sheets[0]?.rows ?? [];
}

describe("worksheet cells: plain and general spellings read the same", () => {
  // The plain shape: r, s and t once each, one space, double quotes, a lone <v>.
  const plain =
    '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2"/><c r="D1"><v>-2.5</v></c></row>' +
    '<row r="2"><c r="A2" s="2" t="n"><v>7</v></c><c r="B2" s="1"></c><c><v>3</v></c></row>';
  const expected = rowsOf(plain);

  test("the plain shape itself", () => {
    expect(expected[0]?.[0]).toEqual({ value: { kind: "number", value: 45000, isDate: true } });
    expect(expected[0]?.[1]).toEqual({ value: { kind: "string", value: "một" } });
    expect(expected[0]?.[2]).toBeUndefined();
    expect(expected[0]?.[3]).toEqual({ value: { kind: "number", value: -2.5 } });
    expect(expected[1]?.[0]).toEqual({ value: { kind: "number", value: 7, isDate: true } });
    expect(expected[1]?.[1]).toBeUndefined();
    // A cell without r follows the previous one, also when that one was read by the fast path.
    expect(expected[1]?.[2]).toEqual({ value: { kind: "number", value: 3 } });
  });

  test.each([
    ["single quotes", (x: string) => x.replace(/"/g, "'")],
    [
      "tabs and spaces around attributes",
      (x: string) => x.replace(/<c r=/g, "<c\tr=").replace(/" s=/g, '"  s='),
    ],
    ["spaces around '='", (x: string) => x.replace(/ s="/g, ' s = "')],
    ["other attributes first", (x: string) => x.replace(/<c r=/g, '<c cm="1" r=')],
    [
      "lower-case references",
      (x: string) =>
        x.replace(/r="([A-Z])(\d)"/g, (_m, c: string, d: string) => `r="${c.toLowerCase()}${d}"`),
    ],
    ["white space inside the cell", (x: string) => x.replace(/<\/v><\/c>/g, "</v>\r\n</c>")],
    ["prefixed elements", (x: string) => x.replace(/<(\/?)(row|c|v)\b/g, "<$1x:$2")],
    ["a comment inside the cell", (x: string) => x.replace(/<v>/g, "<!-- n --><v>")],
    ["CDATA values", (x: string) => x.replace(/<v>([^<]*)<\/v>/g, "<v><![CDATA[$1]]></v>")],
    ["a space before '/>'", (x: string) => x.replace(/"\/>/g, '" />')],
  ])("%s", (_label, respell) => {
    const xml = respell(plain);
    expect(xml).not.toBe(plain);
    expect(rowsOf(xml)).toEqual(expected);
  });

  test("runs of formatting-only cells and rows keep the position for cells without r", () => {
    const rows = rowsOf(
      '<row r="3"><c r="A3" s="1"/><c r="B3" s="2"/><c r="C3"/><c t="s"><v>0</v></c></row>' +
        '<row r="5"><c r="A5" s="1"/><c r="B5" s="1"/></row><row r="6"></row><c><v>1</v></c>' +
        '<row r="7"><c r="D7" s="1"/></row><c t="s"><v>1</v></c>',
    );
    expect(rows[2]?.[3]).toEqual({ value: { kind: "string", value: "không" } });
    // After a run ending in an empty row the next cell starts that row afresh; the run's end is not a cell.
    expect(rows[5]?.[0]).toEqual({ value: { kind: "number", value: 1 } });
    expect(rows[6]?.[4]).toEqual({ value: { kind: "string", value: "một" } });
  });

  test("a duplicated attribute takes the last value, as the general path always did", () => {
    const rows = rowsOf(
      '<row r="1"><c r="A1" s="0" s="1"><v>45000</v></c><c r="B1" r="C1"><v>1</v></c></row>',
    );
    expect(rows[0]?.[0]).toEqual({ value: { kind: "number", value: 45000, isDate: true } });
    expect(rows[0]?.[2]).toEqual({ value: { kind: "number", value: 1 } });
  });

  test("references the fast path refuses (row 0, 8 letters, 11 digits) follow the previous cell", () => {
    const rows = rowsOf(
      '<row r="2"><c r="B2"><v>1</v></c><c r="C0"><v>2</v></c><c r="ABCDEFGH2"><v>3</v></c><c r="D12345678901"><v>4</v></c></row>',
    );
    expect(rows[1]?.slice(1, 5).map((c) => c?.value)).toEqual(
      [1, 2, 3, 4].map((value) => ({ kind: "number", value })),
    );
  });
});

describe("generic tags: the regex fast path and the char loop agree", () => {
  test("workbook with prefixes, single quotes, spaces around '=' and attributes without spaces between them", () => {
    const wbXml =
      `<?xml version="1.0"?><x:workbook xmlns:x="${NS_MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<x:workbookPr date1904 = '1'/><x:sheets><x:sheet name='A &amp; B' sheetId="1"r:id="rId1" /></x:sheets></x:workbook>`;
    const wb = ok(
      readXlsx(
        rawXlsx({
          sheets: [{ name: "ignored", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
          workbookXml: wbXml,
        }),
      ),
    );
    expect(wb.date1904).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(["A & B"]);
  });

  test("a '>' inside a quoted attribute value does not end the tag", () => {
    const st = `<styleSheet xmlns="${NS_MAIN}"><numFmts><numFmt numFmtId="164" formatCode='[>=1]d/m;0'/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const wb = ok(
      readXlsx(
        rawXlsx({
          sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1" s="0"><v>2</v></c></row>') }],
          styles: st,
        }),
      ),
    );
    expect(wb.sheets[0]?.rows[0]?.[0]).toEqual({ value: { kind: "number", value: 2, isDate: true } });
  });
});

describe("resolvePartPath", () => {
  test.each([
    ["xl/", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["xl/", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", "../customXml/item1.xml", "customXml/item1.xml"],
    ["xl/", "./worksheets//sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", "worksheets\\sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", ".hidden/a.xml", "xl/.hidden/a.xml"],
    ["xl/", "", "xl"],
    ["/book/", "s/one.xml", "book/s/one.xml"],
    ["xl//", "a.xml", "xl/a.xml"],
  ])("%j + %j → %j", (base, target, expected) => {
    expect(resolvePartPath(base, target)).toBe(expected);
  });
});

describe("skipping elements the parsers do not need", () => {
  const sheet = '<row r="1"><c r="A1" s="1"><v>2</v></c></row>';
  const prologue =
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1"/><cols><col min="1" max="1" width="5"/></cols>';
  const worksheet = (before: string): string =>
    `<worksheet xmlns="${NS_MAIN}">${before}<sheetData>${sheet}</sheetData></worksheet>`;
  const styleSheet = (fonts: string): string =>
    `<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>${fonts}` +
    `<cellXfs count="2"><xf numFmtId="0"><alignment wrapText="1"/></xf><xf numFmtId="164"><protection locked="0"/></xf></cellXfs></styleSheet>`;
  const readA1 = (ws: string, st: string): unknown => {
    const out = readXlsx(rawXlsx({ sheets: [{ name: "S", xml: ws }], styles: st }));
    return out.ok ? out.workbook.sheets[0]?.rows[0]?.[0]?.value : out.reason;
  };
  const date = { kind: "number", value: 2, isDate: true };

  test("plain fonts, fills and a prologue are passed over, with the same result", () => {
    expect(
      readA1(
        worksheet(prologue),
        styleSheet('<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'),
      ),
    ).toEqual(date);
  });

  test.each([
    ["a comment", '<!-- <numFmt numFmtId="164" formatCode="0"/> -->'],
    ["CDATA", "<![CDATA[</cellXfs>]]>"],
    ["a processing instruction", "<?x </cellXfs> ?>"],
  ])("%s inside a skippable element is read as before", (_label, inside) => {
    expect(
      readA1(worksheet(`<sheetPr>${inside}</sheetPr>`), styleSheet(`<fonts><font>${inside}</font></fonts>`)),
    ).toEqual(date);
  });

  test("a needed tag inside skippable elements is still seen (numFmt nested in fonts counts, as before)", () => {
    const st = styleSheet('<fonts><font><numFmt numFmtId="165" formatCode="d/m"/></font></fonts>').replace(
      'numFmtId="164">',
      'numFmtId="165">',
    );
    expect(readA1(worksheet(""), st)).toEqual(date);
  });

  test("malformed markup inside skippable elements is CORRUPT exactly when it was before", () => {
    expect(readA1(worksheet("<sheetPr></sheetPr></sheetPr></sheetPr>"), styleSheet(""))).toBe("CORRUPT");
    // An unquoted attribute nobody reads was never an error; it still is not.
    expect(readA1(worksheet("<sheetPr><a b=1/></sheetPr>"), styleSheet(""))).toEqual(date);
    expect(readA1(worksheet(""), styleSheet("<fonts><font></font></fonts></fonts></fonts>"))).toBe("CORRUPT");
    expect(readA1(worksheet(""), styleSheet("<fonts><!DOCTYPE x></fonts>"))).toBe("CORRUPT");
  });

  test("an unclosed element with long text does not make the skip backtrack for ever", () => {
    const text = "x ".repeat(200);
    expect(readA1(worksheet(`<sheetPr><a>${text}<b>${text}<!--`), styleSheet(""))).toBe("CORRUPT");
    expect(readA1(worksheet(""), styleSheet(`<fonts><font>${text}<b>${text}<!--`))).toBe("CORRUPT");
  });
});

describe("long runs of plain shapes: each fast-path match is bounded, so none overflows the regex stack", () => {
  // Before the bound, each of these threw a RangeError inside a regex (read as a bug: INTERNAL).
  const rows = (n: number, row: (r: number) => string): string =>
    Array.from({ length: n }, (_, i) => row(i + 1)).join("");

  test("a million formatting-only rows, then a value", () => {
    const xml = sheetXml(
      `${rows(1_000_000, (r) => `<row r="${r}"><c r="A${r}" s="1"/></row>`)}<row r="1000001"><c r="B1000001"><v>7</v></c></row>`,
    );
    const wb = ok(readXlsx(rawXlsx({ sheets: [{ name: "S", xml }] }), { limits: { maxRows: 2_000_000 } }));
    const sheetRows = wb.sheets[0]?.rows ?? [];
    expect(sheetRows.filter((r) => r !== undefined)).toHaveLength(1);
    expect(sheetRows[1_000_000]?.[1]).toEqual({ value: { kind: "number", value: 7 } });
  }, 60_000);

  test("a row of 16,000 formatting-only cells followed by a value in the same row", () => {
    const cells = Array.from({ length: 16_000 }, (_, c) => `<c r="${columnLetters(c)}1" s="1"/>`).join("");
    const wb = ok(
      readXlsx(
        rawXlsx({ sheets: [{ name: "S", xml: sheetXml(`<row r="1">${cells}<c><v>5</v></c></row>`) }] }),
        { limits: { maxColumns: 16_384 } },
      ),
    );
    expect(wb.sheets[0]?.rows[0]?.[16_000]).toEqual({ value: { kind: "number", value: 5 } });
  });

  test("a styles part with 200,000 fonts", () => {
    const fonts = `<fonts count="200000">${'<font><sz val="11"/><color theme="1"/><name val="Calibri"/></font>'.repeat(200_000)}</fonts>`;
    const st = `<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>${fonts}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const wb = ok(
      readXlsx(
        rawXlsx({
          sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1" s="1"><v>2</v></c></row>') }],
          styles: st,
        }),
      ),
    );
    expect(wb.sheets[0]?.rows[0]?.[0]).toEqual({ value: { kind: "number", value: 2, isDate: true } });
  });
});
