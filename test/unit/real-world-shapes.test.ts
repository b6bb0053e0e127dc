// File shapes found in real workbooks that other programs write, each made in code from a real
// filled report and read as openpyxl reads it (an independent reader run on the same bytes):
// an empty shared-string index, ZIP64 end records on a small file, a part declared ISO-8859-1,
// a million empty formatted rows, and formulas saved with stale values under fullCalcOnLoad.

import { crc32, deflateRawSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { inspectBytes } from "../../src/app/inspect";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import type { ReadOutcome, Workbook } from "../../src/core/workbook";
import { createNodeInflateRaw } from "../../src/xlsx/node-inflate";
import { readXlsx } from "../../src/xlsx/read";
import { openpyxlCells, readerCells } from "../helpers/openpyxl";
import { rawZip, toZip64, type RawZipEntry } from "../helpers/raw-xlsx";
import { reportBytes } from "../helpers/report-builder";

const INFO = "xl/worksheets/sheet1.xml"; // "Thông tin"
const MEETINGS = "xl/worksheets/sheet4.xml"; // "Hội nghị"

function ok(out: ReadOutcome): Workbook {
  if (!out.ok) throw new Error(`expected a workbook, got ${out.reason}: ${out.detail ?? ""}`);
  return out.workbook;
}

/** A real report with some of its parts replaced (deflated with zlib, CRCs right, so every reader accepts it). */
function withParts(base: Uint8Array, replace: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const parts = unzipSync(base);
  const entries: RawZipEntry[] = Object.entries({ ...parts, ...replace }).map(([name, content]) => {
    const bytes = typeof content === "string" ? strToU8(content) : content;
    return { name, data: deflateRawSync(bytes), method: 8, declaredSize: bytes.length, crc: crc32(bytes) };
  });
  return rawZip(entries);
}

const text = (bytes: Uint8Array, part: string): string => strFromU8(unzipSync(bytes)[part]!);

const BASE = reportBytes({ unit: "XA_QUANG_PHU", name: "UBND xã Quảng Phú", type: "UBND_XA" });
const BASE_RESULT = inspectBytes(BASE, DEFAULT_PROFILE);

test("the base report is valid (the shapes below are judged against it)", () => {
  expect(BASE_RESULT).toMatchObject({ valid: true, findings: [] });
});

describe('an empty shared-string index, <c t="s"><v/></c> (Excel and POI write it)', () => {
  // Column Z of the title row, beyond the template's cells; a plain <v></v> too, and a formula with <v/>.
  const info = text(BASE, INFO).replace(
    /(<row r="1"[^>]*>.*?)(<\/row>)/,
    '$1<c r="X1" t="s"><v/></c><c r="Y1" t="s"><v></v></c><c r="Z1" t="s"><f>""</f><v/></c>$2',
  );
  const bytes = withParts(BASE, { [INFO]: info });

  test("is an empty cell, as openpyxl reads it; the report stays valid", () => {
    expect(info).toContain('<c r="X1" t="s"><v/></c>');
    const wb = ok(readXlsx(bytes));
    const sheet = wb.sheets.find((s) => s.name === "Thông tin")!;
    expect(sheet.rows[0]?.[23]).toBeUndefined();
    expect(sheet.rows[0]?.[24]).toBeUndefined();
    expect(sheet.rows[0]?.[25]).toEqual({ value: { kind: "empty" }, formula: true });
    expect(readerCells(wb)).toEqual(openpyxlCells(bytes));
    expect(inspectBytes(bytes, DEFAULT_PROFILE)).toEqual(BASE_RESULT);
  });
});

describe("ZIP64 end-of-central-directory records on a small file", () => {
  test.each([
    ["ZIP64 end records only", false],
    ["ZIP64 end records and ZIP64 sizes in every entry", true],
  ])("%s: read like the plain archive, and as openpyxl reads it", (_label, entries) => {
    const bytes = toZip64(BASE, { entries });
    expect(bytes.length).toBeLessThan(100_000);
    for (const options of [{}, { inflateRaw: createNodeInflateRaw() }]) {
      expect(readXlsx(bytes, options)).toEqual(readXlsx(BASE, options));
    }
    expect(readerCells(ok(readXlsx(bytes)))).toEqual(openpyxlCells(bytes));
    expect(inspectBytes(bytes, DEFAULT_PROFILE)).toEqual(BASE_RESULT);
  });

  test("a ZIP64 locator pointing nowhere is TRUNCATED, not a crash", () => {
    const bytes = toZip64(BASE);
    const broken = bytes.slice();
    // The locator's 8-byte offset of the ZIP64 record sits 42 bytes from the end (20-byte locator + 22-byte EOCD).
    new DataView(broken.buffer).setUint32(broken.length - 42 + 8, 7, true);
    expect(readXlsx(broken)).toMatchObject({ ok: false, reason: "TRUNCATED" });
  });
});

describe('parts declaring encoding="ISO-8859-1" (or windows-1252) in their XML declaration', () => {
  /** The shared strings re-encoded in a one-byte code page: characters it lacks become character references. */
  function reencoded(label: string, byteOf: (cp: number) => number | undefined): Uint8Array {
    const xml = text(BASE, "xl/sharedStrings.xml").replace('encoding="UTF-8"', `encoding="${label}"`);
    const out: number[] = [];
    for (const ch of xml) {
      const cp = ch.codePointAt(0)!;
      const b = byteOf(cp);
      if (b !== undefined) out.push(b);
      else for (const c of `&#${cp};`) out.push(c.charCodeAt(0));
    }
    return new Uint8Array(out);
  }
  const latin1 = (cp: number): number | undefined => (cp < 0x100 ? cp : undefined);
  const cp1252 = (cp: number): number | undefined =>
    cp === 0x20ac ? 0x80 : cp < 0x80 || (cp >= 0xa0 && cp < 0x100) ? cp : undefined;

  test.each([
    ["ISO-8859-1", latin1],
    ["windows-1252", cp1252],
  ])("%s: “6 tháng” reads as “6 tháng”, as in openpyxl; the report stays valid", (label, byteOf) => {
    const sst = reencoded(label, byteOf);
    // "á" of "tháng" is the single byte 0xE1 here, which UTF-8 decoding would turn into U+FFFD.
    expect(sst.includes(0xe1)).toBe(true);
    const bytes = withParts(BASE, { "xl/sharedStrings.xml": sst });
    const wb = ok(readXlsx(bytes));
    expect(readerCells(wb)).toEqual(readerCells(ok(readXlsx(BASE))));
    expect(JSON.stringify(readerCells(wb))).toContain("6 tháng");
    expect(readerCells(wb)).toEqual(openpyxlCells(bytes));
    expect(inspectBytes(bytes, DEFAULT_PROFILE)).toEqual(BASE_RESULT);
  });

  test("an encoding no decoder knows is CORRUPT with the label in the detail", () => {
    const sst = text(BASE, "xl/sharedStrings.xml").replace('encoding="UTF-8"', 'encoding="x-unknown-42"');
    expect(readXlsx(withParts(BASE, { "xl/sharedStrings.xml": sst }))).toMatchObject({
      ok: false,
      reason: "CORRUPT",
      detail: expect.stringContaining("x-unknown-42"),
    });
  });
});

describe("a sheet with 1,040,000 empty formatted rows (whole-sheet row formatting)", () => {
  const ROWS = 1_040_000;
  let bytes: Uint8Array;
  let rawLength = 0;
  beforeAll(() => {
    const sheet = text(BASE, MEETINGS);
    const rows: string[] = [];
    // What Excel writes for a formatted row without cells (rows 1–4 are the template's header).
    for (let r = 5; r < 5 + ROWS; r++)
      rows.push(`<row r="${r}" spans="1:6" s="2" customFormat="1" ht="15.75" customHeight="1"/>`);
    const xml = sheet.replace("</sheetData>", `${rows.join("")}</sheetData>`);
    rawLength = xml.length;
    bytes = withParts(BASE, { [MEETINGS]: xml });
  }, 60_000);

  test("is read as the same report (the empty rows hold nothing), though its XML is over the 50 MB part cap", () => {
    expect(rawLength).toBeGreaterThan(50 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    for (const options of [{}, { inflateRaw: createNodeInflateRaw() }]) {
      expect(ok(readXlsx(bytes, options))).toEqual(ok(readXlsx(BASE, options)));
    }
    expect(inspectBytes(bytes, DEFAULT_PROFILE)).toEqual(BASE_RESULT);
  }, 60_000);

  test("the caps still bind: what is kept after dropping empty rows, and the raw XML at 4 × the part cap", () => {
    // 1 MB part cap: the million rows (~75 MB raw) are over 4 MB of raw XML.
    expect(readXlsx(bytes, { limits: { maxPartBytes: 1024 * 1024 } })).toMatchObject({
      ok: false,
      reason: "PART_TOO_LARGE",
    });
    // Content that is not empty rows counts in full: a sheet of 60 MB of comments is still too large.
    const comments = text(BASE, MEETINGS).replace(
      "</sheetData>",
      `<!--${"x".repeat(60 * 1024 * 1024)}--></sheetData>`,
    );
    expect(readXlsx(withParts(BASE, { [MEETINGS]: comments }))).toMatchObject({
      ok: false,
      reason: "PART_TOO_LARGE",
    });
  }, 60_000);
});

describe("formulas saved with fullCalcOnLoad and cached zeros (XlsxWriter writes them)", () => {
  const withFormula = reportBytes({
    unit: "XA_QUANG_PHU",
    name: "UBND xã Quảng Phú",
    type: "UBND_XA",
    counts: { HN_VUOT_THOI_LUONG: [2, { formula: "COUNTIF('Hội nghị'!F5:F304,\">2\")", cached: 0 }] },
  });
  const asXlsxWriter = (bytes: Uint8Array): Uint8Array =>
    withParts(bytes, {
      "xl/workbook.xml": text(bytes, "xl/workbook.xml").replace(
        /<calcPr[^>]*\/>/,
        '<calcPr calcId="124519" fullCalcOnLoad="1"/>',
      ),
    });

  test("warns that the saved values may be stale, naming the cell and what to do; still valid", () => {
    const bytes = asXlsxWriter(withFormula);
    expect(ok(readXlsx(bytes)).fullCalcOnLoad).toBe(true);
    // openpyxl reads the same cached value we do: the 0 is what the file says, not what Excel would show.
    expect(openpyxlCells(bytes)["Chỉ tiêu"]?.["E7"]).toBe(0);
    const result = inspectBytes(bytes, DEFAULT_PROFILE);
    expect(result.valid).toBe(true);
    const stale = result.findings.filter((f) => f.code === "STALE_FORMULA");
    expect(stale).toEqual([expect.objectContaining({ severity: "warning", sheet: "Chỉ tiêu", cell: "E7" })]);
    expect(stale[0]?.message).toContain("E7");
    expect(stale[0]?.message).toContain("Ctrl+Alt+F9");
  });

  test("the same formula without fullCalcOnLoad (as Excel saves it) gives no warning", () => {
    expect(text(withFormula, "xl/workbook.xml")).not.toContain("fullCalcOnLoad");
    expect(
      inspectBytes(withFormula, DEFAULT_PROFILE).findings.filter((f) => f.code === "STALE_FORMULA"),
    ).toEqual([]);
  });
});
