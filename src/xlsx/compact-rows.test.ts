// Dropping empty formatted rows never changes what the worksheet parser reads: for any sequence of
// row shapes, comments, CDATA and cells, cut into chunks anywhere, the parse of the compacted XML
// equals the parse of the original.
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { DEFAULT_READ_LIMITS } from "../core/workbook";
import { EmptyRowCompactor, inflateCompactingRows } from "./compact-rows";
import { InflateLimitError } from "./inflate";
import { parseWorksheet } from "./sheet";

const enc = new TextEncoder();
const dec = new TextDecoder();

function parse(xml: string): unknown {
  return parseWorksheet(xml, {
    part: "sheet.xml",
    sheet: "S",
    sharedStrings: ["a", "b"],
    numberStyles: new Uint8Array(4),
    date1904: false,
    limits: DEFAULT_READ_LIMITS,
  });
}

function wrap(sheetData: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
}

/** The XML pushed through a compactor in chunks cut at `cuts` (byte offsets). */
function compact(xml: string, cuts: readonly number[]): string {
  const bytes = enc.encode(xml);
  const c = new EmptyRowCompactor(10 * 1024 * 1024);
  const at = [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, bytes.length]) {
    c.push(bytes.subarray(from, to), to === bytes.length);
    from = to;
  }
  return dec.decode(c.result());
}

// Pieces of sheetData: empty rows in many spellings (numbered or not, attributes before r, single
// quotes, spaces), rows with cells, and markup that must pass untouched even when it looks like rows.
const PIECES = [
  (r: number) => `<row r="${r}" spans="1:6" s="2" customFormat="1" ht="15.75" customHeight="1"/>`,
  (r: number) => `<row r="${r}"/>`,
  (r: number) => `<row s="2" r='${r}' />`,
  () => `<row s="2"/>`,
  () => `<row r="0"/>`,
  () => `<row r="x"/>`,
  (r: number) => `<row r="${r}" r="${r + 1}"/>`,
  (r: number) => `<row x:r="${r}" r="${r}"/>`,
  (r: number) => `<row r="${r}"><c r="B${r}"><v>${r}</v></c></row>`,
  (r: number) => `<row r="${r}" s="1"><c t="s"><v>1</v></c><c><v>2</v></c></row>`,
  () => `<row><c><v>9</v></c></row>`,
  () => `<c><v>3</v></c>`,
  () => `<!-- <row r="5"/><row r="6"/> -->`,
  (r: number) =>
    `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t><![CDATA[<row r="7"/><row r="8"/>]]></t></is></c></row>`,
  () => `<?pi <row r="9"/> ?>`,
  () => "\n  ",
] as const;

test("for any rows and any chunking, the compacted XML parses to the same rows", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(PIECES.length - 1), fc.integer({ min: 1, max: 40 })), { maxLength: 40 }),
      fc.array(fc.nat(5000), { maxLength: 12 }),
      (pieces, cuts) => {
        const xml = wrap(pieces.map(([k, r]) => PIECES[k]!(r)).join(""));
        expect(parse(compact(xml, cuts))).toEqual(parse(xml));
      },
    ),
    { numRuns: 400, seed: 226 },
  );
});

test("a run of empty numbered rows keeps only its last row; comments and CDATA pass untouched", () => {
  const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}" s="2" customFormat="1"/>`).join("");
  const tail = `<!-- <row r="5"/> --><row r="2000"><c r="A2000" t="inlineStr"><is><t><![CDATA[<row r="1"/>]]></t></is></c></row>`;
  expect(compact(wrap(rows + tail), [7, 100, 1001])).toBe(
    wrap(`<row r="1000" s="2" customFormat="1"/>${tail}`),
  );
});

test("the raw cap bounds the work, the kept cap what is kept", () => {
  const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}" s="2"/>`).join("");
  const data = deflateRawSync(enc.encode(wrap(rows)));
  expect(dec.decode(inflateCompactingRows(data, 8, 1000, 10_000_000))).toBe(wrap('<row r="50000" s="2"/>'));
  expect(() => inflateCompactingRows(data, 8, 1000, 100_000)).toThrow(InflateLimitError);
  expect(() =>
    inflateCompactingRows(
      deflateRawSync(enc.encode(wrap("<!--" + "x".repeat(5000) + "-->"))),
      8,
      1000,
      10_000_000,
    ),
  ).toThrow(/once empty rows are dropped/);
});
