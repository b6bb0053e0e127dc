// The zip writer: both codecs give archives that fflate, Python's zipfile and our own reader accept,
// with the same parts back; the bytes depend only on the parts (not the time zone or the clock).

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 as zlibCrc32 } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";
import { mulberry32 } from "../../test/helpers/prng";
import type { WorkbookSpec } from "../core/sheetspec";
import { NODE_ZIP_CODEC } from "./node-deflate";
import { createNodeInflateRaw } from "./node-inflate";
import { readXlsx } from "./read";
import { writeXlsx } from "./write";
import { FFLATE_CODEC, crc32, dosStamp, zipParts, type ZipPart } from "./zip-write";

const enc = new TextEncoder();
const PARTS: ZipPart[] = [
  { name: "[Content_Types].xml", data: enc.encode("<Types/>") },
  {
    name: "xl/worksheets/sheet1.xml",
    data: enc.encode(`<worksheet>${"<row><c><v>1</v></c></row>".repeat(2000)}</worksheet>`),
  },
  { name: "empty.bin", data: new Uint8Array(0) },
  { name: "tên tiếng Việt.txt", data: enc.encode("Hội nghị trực tuyến") },
];

function randomBytes(n: number, seed: number): Uint8Array {
  const rng = mulberry32(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(rng() * 256));
}

test("crc32 matches the check value and zlib's on random data", () => {
  expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
  for (const n of [1, 7, 1000, 65_537]) {
    const data = randomBytes(n, n);
    expect(crc32(data)).toBe(zlibCrc32(data));
  }
});

describe.each([
  ["fflate", FFLATE_CODEC],
  ["zlib", NODE_ZIP_CODEC],
])("zipParts with the %s codec", (_name, codec) => {
  const zip = zipParts(PARTS, codec);

  it("gives back every part, in order, to fflate", () => {
    const out = unzipSync(zip);
    expect(Object.keys(out)).toEqual(PARTS.map((p) => p.name));
    for (const p of PARTS) expect(out[p.name]).toEqual(p.data);
  });

  it("compresses (the repetitive sheet shrinks to a few percent)", () => {
    expect(zip.length).toBeLessThan(PARTS.reduce((n, p) => n + p.data.length, 0) / 10);
  });

  it("is byte-identical on every call", () => {
    expect(zipParts(PARTS, codec)).toEqual(zip);
  });

  const python = "/usr/bin/python3";
  it("passes Python's zipfile integrity test (CRC of every member)", () => {
    const file = join(mkdtempSync(join(tmpdir(), "kl226-zip-")), "a.zip");
    writeFileSync(file, zip);
    const script =
      "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), len(z.namelist()), z.namelist()[3])";
    expect(execFileSync(python, ["-c", script, file], { encoding: "utf8" }).trim()).toBe(
      "None 4 tên tiếng Việt.txt",
    );
  });
});

test("a workbook written with either codec reads back the same", () => {
  const rows = [
    ["Mã đơn vị", "Số"],
    ["SO_A", 12],
    ["SO_B", 3.5],
  ].map((r) => r.map((value) => ({ value })));
  const spec: WorkbookSpec = { sheets: [{ name: "Tổng hợp", rows }] };
  const a = readXlsx(writeXlsx(spec), { inflateRaw: createNodeInflateRaw() });
  const b = readXlsx(writeXlsx(spec, NODE_ZIP_CODEC));
  expect(a.ok && b.ok).toBe(true);
  if (a.ok && b.ok) expect(b.workbook).toEqual(a.workbook);
  expect(strFromU8(unzipSync(writeXlsx(spec, NODE_ZIP_CODEC))["[Content_Types].xml"]!)).toContain(
    "spreadsheetml",
  );
});

test("an archive to unpack carries the time it was made, as an unzipping program shows it (local time)", () => {
  const file = join(mkdtempSync(join(tmpdir(), "kl226-zip-")), "thu.zip");
  writeFileSync(file, zipParts(PARTS, FFLATE_CODEC, dosStamp(new Date(2026, 5, 10, 14, 37, 58))));
  const script = "import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).infolist()[3].date_time)";
  expect(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }).trim()).toBe(
    "(2026, 6, 10, 14, 37, 58)",
  );
  // A package's parts (an .xlsx, a .docx) keep the fixed day: the same parts, the same bytes.
  writeFileSync(file, zipParts(PARTS, FFLATE_CODEC));
  expect(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }).trim()).toBe(
    "(2024, 1, 1, 0, 0, 0)",
  );
});
