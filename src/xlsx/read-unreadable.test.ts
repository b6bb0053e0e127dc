// Tests that every UnreadableReason is detected from a crafted input, quickly, and that readXlsx never throws.
import fc from "fast-check";
import { Deflate, deflateSync, strToU8, zipSync } from "fflate";
import type { ReadOutcome, UnreadableReason } from "../core/workbook";
import { rawXlsx, rawXlsxEntries, rawZip, sheetXml, sstXml, NS_MAIN } from "../../test/helpers/raw-xlsx";
import { createNodeInflateRaw } from "./node-inflate";
import { readXlsx, type ReadOptions } from "./read";
import * as sheetModule from "./sheet";

function reason(out: ReadOutcome): UnreadableReason | "OK" {
  return out.ok ? "OK" : out.reason;
}

const valid = rawXlsx({
  sheets: [
    {
      name: "S1",
      xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>'.repeat(1)),
    },
    {
      name: "S2",
      xml: sheetXml(
        Array.from(
          { length: 200 },
          (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
        ).join(""),
      ),
    },
  ],
  sharedStrings: sstXml(["Tên đơn vị"]),
});

/** A minimal CFB (compound file) whose first directory sector holds entries with these names. */
function cfb(streamNames: readonly string[]): Uint8Array {
  const b = new Uint8Array(512 * 4);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  b[0x1e] = 9; // 512-byte sectors
  const names = ["Root Entry", ...streamNames];
  names.forEach((name, k) => {
    const off = 512 + 128 * k;
    for (let i = 0; i < name.length; i++) b[off + 2 * i] = name.charCodeAt(i);
    b[off + 64] = (name.length + 1) * 2;
    b[off + 66] = k === 0 ? 5 : 2; // root storage, then streams
  });
  return b;
}

/** Raw DEFLATE of `megabytes` MB of zeros, streamed so the test never holds the inflated data. */
function deflatedZeros(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (c) => chunks.push(c));
  const mb = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) d.push(mb, i === megabytes - 1);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** A package whose sheet part is replaced by a pre-compressed stream declaring `declaredSize`. */
function withSheetPart(data: Uint8Array, declaredSize: number): Uint8Array {
  const entries = rawXlsxEntries({ sheets: [{ name: "S", xml: sheetXml("") }] }).filter(
    (e) => e.name !== "xl/worksheets/sheet1.xml",
  );
  return rawZip([...entries, { name: "xl/worksheets/sheet1.xml", data, method: 8, declaredSize }]);
}

const inflaters = [
  ["fflate", {}],
  ["node:zlib", { inflateRaw: createNodeInflateRaw() }],
] as const satisfies readonly (readonly [string, ReadOptions])[];

describe("readXlsx classifies unreadable input", () => {
  test("INTERNAL: an exception inside the reader is our bug, reported with its stack, never as CORRUPT", () => {
    const spy = jest.spyOn(sheetModule, "parseWorksheet").mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    try {
      const out = readXlsx(valid);
      expect(out).toMatchObject({
        ok: false,
        reason: "INTERNAL",
        detail: expect.stringMatching(
          /^TypeError: Cannot read properties of undefined \(reading 'x'\) \| at /,
        ),
      });
    } finally {
      spy.mockRestore();
    }
    expect(reason(readXlsx(valid))).toBe("OK");
  });

  test("valid baseline", () => {
    expect(reason(readXlsx(valid))).toBe("OK");
  });

  test("EMPTY", () => {
    expect(readXlsx(new Uint8Array(0))).toEqual({ ok: false, reason: "EMPTY", detail: "0 bytes" });
  });

  test("FILE_TOO_LARGE is checked before anything else", () => {
    expect(reason(readXlsx(valid, { limits: { maxFileBytes: 100 } }))).toBe("FILE_TOO_LARGE");
    expect(reason(readXlsx(new Uint8Array(200), { limits: { maxFileBytes: 100 } }))).toBe("FILE_TOO_LARGE");
  });

  test("ENCRYPTED and LEGACY_XLS from CFB containers", () => {
    expect(reason(readXlsx(cfb(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"])))).toBe(
      "ENCRYPTED",
    );
    expect(reason(readXlsx(cfb(["EncryptedPackage"])))).toBe("ENCRYPTED");
    expect(reason(readXlsx(cfb(["Workbook", "\u0005SummaryInformation"])))).toBe("LEGACY_XLS");
    expect(reason(readXlsx(cfb([]).subarray(0, 8)))).toBe("LEGACY_XLS");
  });

  test("TEXT_FILE: CSV, HTML, UTF-16 text", () => {
    expect(reason(readXlsx(strToU8('STT,Tên đơn vị,Số lượng\r\n1,Sở Tài chính,"1.234.567"\r\n')))).toBe(
      "TEXT_FILE",
    );
    expect(reason(readXlsx(strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>")))).toBe(
      "TEXT_FILE",
    );
    const utf16 = new Uint8Array([0xff, 0xfe, 0x53, 0, 0x54, 0, 0x54, 0, 0x09, 0]);
    expect(reason(readXlsx(utf16))).toBe("TEXT_FILE");
  });

  test("NOT_ZIP: other binary data; a PDF or a photo is named as such", () => {
    const binary = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(reason(readXlsx(binary))).toBe("NOT_ZIP");
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(reason(readXlsx(png))).toBe("IMAGE_FILE");
    expect(reason(readXlsx(strToU8("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n")))).toBe("PDF_FILE");
  });

  test("TRUNCATED: a valid file cut in half, or a damaged central directory", () => {
    expect(reason(readXlsx(valid.subarray(0, valid.length >> 1)))).toBe("TRUNCATED");
    expect(reason(readXlsx(valid.subarray(0, valid.length - 10)))).toBe("TRUNCATED");
    expect(reason(readXlsx(valid.subarray(0, 2)))).toBe("TRUNCATED");
    const damaged = valid.slice();
    const eocd = damaged.length - 22;
    damaged[eocd + 16] = 0xff; // central directory offset now points past the EOCD
    damaged[eocd + 17] = 0xff;
    expect(reason(readXlsx(damaged))).toBe("TRUNCATED");
  });

  test("NO_WORKBOOK: a .docx-like zip; ARCHIVE: a zip without content types, a RAR, a 7z, a gzip", () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect(reason(readXlsx(docx))).toBe("NO_WORKBOOK");
    // A zip without Office's content types is an archive of files (its reports are to be unpacked).
    // An empty zip holds no reports to unpack: it is a file cut short or damaged, to be sent again.
    expect(reason(readXlsx(zipSync({})))).toBe("TRUNCATED");
    expect(reason(readXlsx(zipSync({ "Bao cao/XA_A.xlsx": new Uint8Array([1, 2]) })))).toBe("ARCHIVE");
    // RAR, 7-Zip and gzip by their first bytes, whatever the file is called.
    for (const head of [
      [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00],
      [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00],
      [0x1f, 0x8b, 0x08, 0x00],
    ])
      expect(reason(readXlsx(new Uint8Array([...head, 0x41, 0x42, 0x43])))).toBe("ARCHIVE");
  });

  test("other spreadsheet programs' zips are named: .xlsb, .ods, .numbers", () => {
    // Excel's binary workbook: [Content_Types].xml and xl/workbook.bin, no xl/workbook.xml.
    const xlsb = zipSync({
      "[Content_Types].xml": strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
      ),
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
    });
    expect(reason(readXlsx(xlsb))).toBe("BINARY_XLSB");
    // OpenDocument: the stored "mimetype" entry first (ODF 1.2 §3.3); also known by content.xml + manifest alone.
    const ods = zipSync(
      {
        mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
        "content.xml": strToU8(
          '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        ),
        "META-INF/manifest.xml": strToU8(
          '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        ),
      },
      { level: 6 },
    );
    expect(reason(readXlsx(ods))).toBe("OPEN_DOCUMENT");
    expect(
      reason(readXlsx(zipSync({ "content.xml": strToU8("<x/>"), "META-INF/manifest.xml": strToU8("<m/>") }))),
    ).toBe("OPEN_DOCUMENT");
    // Numbers '13 and later: IWA archives under Index/, or the older Index.zip inside the package.
    const numbers = zipSync({
      "Index/Document.iwa": new Uint8Array([0, 1, 2]),
      "Metadata/Properties.plist": new Uint8Array([0]),
    });
    expect(reason(readXlsx(numbers))).toBe("APPLE_NUMBERS");
    expect(reason(readXlsx(zipSync({ "Index.zip": new Uint8Array([0x50, 0x4b, 5, 6]) })))).toBe(
      "APPLE_NUMBERS",
    );
  });

  test("MACRO_ENABLED: .xlsm content type", () => {
    const xlsm = rawXlsx({
      sheets: [{ name: "S", xml: sheetXml("") }],
      mainContentType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    });
    expect(reason(readXlsx(xlsm))).toBe("MACRO_ENABLED");
  });

  test("CORRUPT: bad deflate data, malformed XML, missing parts, dangling shared string", () => {
    const entries = rawXlsxEntries({ sheets: [{ name: "S", xml: sheetXml("") }] }).filter(
      (e) => e.name !== "xl/worksheets/sheet1.xml",
    );
    const garbage = rawZip([
      ...entries,
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8 },
    ]);
    expect(reason(readXlsx(garbage))).toBe("CORRUPT");
    const cut = deflateSync(strToU8(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'))).subarray(0, 20);
    expect(
      reason(readXlsx(rawZip([...entries, { name: "xl/worksheets/sheet1.xml", data: cut, method: 8 }]))),
    ).toBe("CORRUPT");
    const badXml = `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v>`;
    expect(reason(readXlsx(rawXlsx({ sheets: [{ name: "S", xml: badXml }] })))).toBe("CORRUPT");
    expect(
      reason(
        readXlsx(rawXlsx({ sheets: [{ name: "S", xml: sheetXml("") }], omit: ["xl/worksheets/sheet1.xml"] })),
      ),
    ).toBe("CORRUPT");
    expect(
      reason(
        readXlsx(
          rawXlsx({ sheets: [{ name: "S", xml: sheetXml("") }], omit: ["xl/_rels/workbook.xml.rels"] }),
        ),
      ),
    ).toBe("CORRUPT");
    expect(
      reason(
        readXlsx(
          rawXlsx({
            sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>5</v></c></row>') }],
          }),
        ),
      ),
    ).toBe("CORRUPT");
    expect(
      reason(readXlsx(rawXlsx({ sheets: [{ name: "S", xml: sheetXml("") }], workbookXml: "PK not xml" }))),
    ).toBe("CORRUPT");
    const doctype = `<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet xmlns="${NS_MAIN}"><sheetData/></worksheet>`;
    expect(reason(readXlsx(rawXlsx({ sheets: [{ name: "S", xml: doctype }] })))).toBe("CORRUPT");
    const method = rawZip([
      ...entries,
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(4), method: 9 as 8 },
    ]);
    expect(reason(readXlsx(method))).toBe("CORRUPT");
  });

  test("TOO_MANY_ENTRIES", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`xl/media/image${i}.png`] = "x";
    const many = rawXlsx({ sheets: [{ name: "S", xml: sheetXml("") }], files });
    expect(reason(readXlsx(many, { limits: { maxEntries: 20 } }))).toBe("TOO_MANY_ENTRIES");
    expect(reason(readXlsx(many))).toBe("OK");
  });

  describe.each(inflaters)("zip bombs (%s)", (_label, opts) => {
    const bomb = deflatedZeros(200);

    // How fast each is stopped is measured by `npm run bench` (hostile files), not asserted here.
    test("200 MB of zeros with an honest declared size: PART_TOO_LARGE", () => {
      expect(reason(readXlsx(withSheetPart(bomb, 200 * 1024 * 1024), opts))).toBe("PART_TOO_LARGE");
    });

    test("the same bomb declaring 1 KB (lying): PART_TOO_LARGE", () => {
      expect(reason(readXlsx(withSheetPart(bomb, 1024), opts))).toBe("PART_TOO_LARGE");
    });

    test("a small bomb under a low part cap; a lying small stream that is fine", () => {
      const small = deflatedZeros(2);
      expect(
        reason(readXlsx(withSheetPart(small, 10), { ...opts, limits: { maxPartBytes: 1024 * 1024 } })),
      ).toBe("PART_TOO_LARGE");
      const xml = sheetXml('<row r="1"><c r="A1"><v>3</v></c></row>');
      const honestData = deflateSync(strToU8(xml));
      for (const declared of [0, 5, xml.length, xml.length * 10]) {
        const out = readXlsx(withSheetPart(honestData, declared), opts);
        expect(reason(out)).toBe("OK");
      }
    });

    test("TOTAL_TOO_LARGE: every part under the part cap, the sum over the total cap", () => {
      expect(reason(readXlsx(valid, { ...opts, limits: { maxPartBytes: 5000, maxTotalBytes: 3000 } }))).toBe(
        "TOTAL_TOO_LARGE",
      );
      expect(reason(readXlsx(valid, { ...opts, limits: { maxPartBytes: 50, maxTotalBytes: 3000 } }))).toBe(
        "PART_TOO_LARGE",
      );
    });
  });

  test("TOO_MANY_ROWS: a 30,000-row sheet", () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join("");
    const big = rawXlsx({ sheets: [{ name: "S", xml: sheetXml(rows) }] });
    expect(reason(readXlsx(big))).toBe("TOO_MANY_ROWS");
    expect(reason(readXlsx(big, { limits: { maxRows: 1000 } }))).toBe("TOO_MANY_ROWS");
    expect(reason(readXlsx(big, { limits: { maxRows: 30_000 } }))).toBe("OK");
    // Formatting far down (no value) is not data.
    const styled = rawXlsx({
      sheets: [
        { name: "S", xml: sheetXml('<row r="1048576" s="2" customFormat="1"><c r="A1048576" s="2"/></row>') },
      ],
    });
    expect(reason(readXlsx(styled))).toBe("OK");
  });

  test("part names written with a leading slash (/xl/workbook.xml) read as the usual names", () => {
    const absolute = rawZip(
      rawXlsxEntries({
        sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1"><v>7</v></c></row>') }],
      }).map((e) => ({ ...e, name: `/${e.name}` })),
    );
    const read = readXlsx(absolute);
    expect(read.ok && read.workbook.sheets[0]?.rows[0]?.[0]?.value).toEqual({ kind: "number", value: 7 });
  });

  test("TOO_MANY_COLUMNS", () => {
    const wide = rawXlsx({
      sheets: [
        { name: "S", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>') },
      ],
    });
    expect(reason(readXlsx(wide))).toBe("TOO_MANY_COLUMNS");
    // Said where: a note typed far out is found and deleted (the message names the sheet, not sheet1.xml).
    expect(readXlsx(wide)).toMatchObject({ at: { sheet: "S", cell: "XFD1" } });
    const noRef = rawXlsx({
      sheets: [{ name: "S", xml: sheetXml(`<row>${"<c><v>1</v></c>".repeat(6)}</row>`) }],
    });
    expect(reason(readXlsx(noRef, { limits: { maxColumns: 5 } }))).toBe("TOO_MANY_COLUMNS");
    expect(reason(readXlsx(noRef, { limits: { maxColumns: 6 } }))).toBe("OK");
  });

  test("STRING_TOO_LONG in shared strings, inline strings and formula results", () => {
    const long = "x".repeat(40_000);
    const viaSst = rawXlsx({
      sheets: [{ name: "S", xml: sheetXml("") }],
      sharedStrings: sstXml(["ok", long]),
    });
    expect(reason(readXlsx(viaSst))).toBe("STRING_TOO_LONG");
    const inline = rawXlsx({
      sheets: [
        { name: "S", xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`) },
      ],
    });
    expect(reason(readXlsx(inline))).toBe("STRING_TOO_LONG");
    const str = rawXlsx({
      sheets: [
        {
          name: "S",
          xml: sheetXml(`<row r="1"><c r="A1" t="str"><f>A2</f><v>${"y".repeat(50)}</v></c></row>`),
        },
      ],
    });
    expect(reason(readXlsx(str, { limits: { maxStringLength: 10 } }))).toBe("STRING_TOO_LONG");
    // Escapes count once decoded: 32,767 CRs written as _x000D_ are fine.
    const escaped = rawXlsx({
      sheets: [{ name: "S", xml: sheetXml("") }],
      sharedStrings: sstXml(["_x000D_".repeat(32_767)]),
    });
    expect(reason(readXlsx(escaped))).toBe("OK");
  });
});

/** A read that failed for a reason of the file, never INTERNAL (an exception inside the reader: our bug). */
function expectNoInternal(out: ReadOutcome): void {
  if (!out.ok) expect({ reason: out.reason, detail: out.detail }).not.toMatchObject({ reason: "INTERNAL" });
}

describe("readXlsx never throws and never fails by a bug of its own (INTERNAL)", () => {
  test("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expectNoInternal(readXlsx(bytes));
      }),
      { numRuns: 500, seed: 226 },
    );
  });

  test("random bytes behind a zip signature, and random zips of random parts", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => {
        const b = new Uint8Array(4 + tail.length);
        b.set([0x50, 0x4b, 0x03, 0x04]);
        b.set(tail, 4);
        expectNoInternal(readXlsx(b));
      }),
      { numRuns: 300, seed: 226 },
    );
    const names = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "mimetype",
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), fc.string({ maxLength: 300 })), (parts) => {
        const files: Record<string, Uint8Array> = {};
        for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
        expectNoInternal(readXlsx(zipSync(files)));
      }),
      { numRuns: 300, seed: 226 },
    );
  });

  test("random worksheets built from pieces of SpreadsheetML (the parser always reached)", () => {
    const pieces = [
      '<row r="1">',
      "<row>",
      "</row>",
      '<c r="A1">',
      '<c r="B2" t="s">',
      '<c t="inlineStr">',
      '<c t="b">',
      '<c t="e">',
      '<c t="d">',
      "<c>",
      "</c>",
      "<v>1</v>",
      "<v/>",
      "<v></v>",
      "<v>-2.5e3</v>",
      "<v>x</v>",
      "<v>2024-03-15</v>",
      "<f>A1</f>",
      "<is><t>á</t></is>",
      "<![CDATA[<v>]]>",
      "<!-- c -->",
      " ",
      "&amp;",
      "<",
      ">",
    ];
    const book = (sheetData: string): Uint8Array =>
      rawXlsx({ sheets: [{ name: "S", xml: sheetXml(sheetData) }], sharedStrings: sstXml(["a"]) });
    // The package around the pieces is sound (it reads with no sheet data), so every draw reaches the
    // sheet parser; and the draws both pass it and fail it.
    expect(readXlsx(book("")).ok).toBe(true);
    const outcomes = { ok: 0, failed: 0 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const out = readXlsx(book(parts.join("")));
        outcomes[out.ok ? "ok" : "failed"] += 1;
        expectNoInternal(out);
      }),
      { numRuns: 500, seed: 226 },
    );
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.failed).toBeGreaterThan(0);
  });

  test("random mutations and truncations of a valid package", () => {
    const stored = rawXlsx({
      sheets: [
        {
          name: "S",
          xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><f>A1</f><v>1</v></c></row>'),
        },
      ],
      sharedStrings: sstXml(["a"]),
      level: 0,
    });
    for (const base of [valid, stored]) {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
          fc.nat(base.length),
          (flips, cut) => {
            const b = base.slice(0, Math.max(cut, base.length - 40));
            for (const [i, x] of flips) if (i < b.length) b[i] = x;
            expectNoInternal(readXlsx(b));
          },
        ),
        { numRuns: 1500, seed: 226 },
      );
    }
  });
});
