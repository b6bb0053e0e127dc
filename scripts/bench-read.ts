// Perf sanity check for src/xlsx/read.ts (not a test): reads ~1000 template-like workbooks and compares
// with just raw-inflating the parts the reader needs. Run: npx tsx scripts/bench-read.ts [count]
import { rawXlsx, sheetXml, sstXml, stylesXml } from "../test/helpers/raw-xlsx";
import { fflateInflateRaw, type InflateRaw } from "../src/xlsx/inflate";
import { createNodeInflateRaw } from "../src/xlsx/node-inflate";
import { readXlsx } from "../src/xlsx/read";
import { readZipDirectory } from "../src/xlsx/zip";

const COUNT = Number(process.argv[2] ?? 1000);
const SHEETS = 4;
const ROWS = 30;

/** A template-like workbook: header strings, unit names, numbers, a date column and a formula total. */
function makeWorkbook(seed: number): Uint8Array {
  const strings = ["STT", "Nội dung", "Số lượng", "Ngày", "Ghi chú", `Đơn vị ${seed}`];
  for (let i = 0; i < ROWS; i++) strings.push(`Chỉ tiêu số ${i + 1} của báo cáo`);
  const sheets = Array.from({ length: SHEETS }, (_, s) => {
    let xml =
      '<row r="1"><c r="A1" t="s" s="1"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1" t="s" s="1"><v>2</v></c><c r="D1" t="s" s="1"><v>3</v></c><c r="E1" t="s" s="1"><v>4</v></c></row>';
    for (let r = 2; r <= ROWS; r++) {
      xml +=
        `<row r="${r}" spans="1:6"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}" t="s"><v>${6 + ((r + s) % ROWS)}</v></c>` +
        `<c r="C${r}" s="3"><v>${(seed * 31 + r * 7 + s) % 1000}</v></c><c r="D${r}" s="2"><v>${45000 + r}</v></c>` +
        `<c r="E${r}" t="s"><v>5</v></c><c r="F${r}" s="3"><f>C${r}*2</f><v>${((seed * 31 + r * 7 + s) % 1000) * 2}</v></c></row>`;
    }
    return { name: `Biểu ${s + 1}`, xml: sheetXml(xml) };
  });
  return rawXlsx({
    sheets,
    sharedStrings: sstXml(strings),
    styles: stylesXml([{ numFmtId: 0 }, { numFmtId: 0 }, { numFmtId: 164 }, { numFmtId: 3 }], {
      164: "dd/mm/yyyy",
    }),
    workbookExtra: '<definedNames><definedName name="KL226_ID">"KL226-BC/1"</definedName></definedNames>',
  });
}

const NEEDED =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/.*)$/i;

function rawInflateAll(files: readonly Uint8Array[], inflate: InflateRaw): number {
  let total = 0;
  for (const bytes of files) {
    const dir = readZipDirectory(bytes, 2000);
    for (const e of dir.entries) {
      if (!NEEDED.test(e.name)) continue;
      const start =
        e.localHeaderOffset +
        30 +
        (bytes[e.localHeaderOffset + 26] ?? 0) +
        (bytes[e.localHeaderOffset + 28] ?? 0);
      const data = bytes.subarray(start, start + e.compressedSize);
      total += e.method === 8 ? inflate(data, 50 * 1024 * 1024, e.uncompressedSize).length : data.length;
    }
  }
  return total;
}

function readAll(files: readonly Uint8Array[], inflateRaw: InflateRaw | undefined): number {
  let cells = 0;
  for (const bytes of files) {
    const out = readXlsx(bytes, inflateRaw === undefined ? {} : { inflateRaw });
    if (!out.ok) throw new Error(`${out.reason}: ${out.detail ?? ""}`);
    for (const s of out.workbook.sheets)
      for (const row of s.rows) if (row) for (const c of row) if (c) cells++;
  }
  return cells;
}

function best(label: string, fn: () => number, runs = 5): number {
  let min = Infinity;
  let result = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - t0);
  }
  console.log(`${label.padEnd(34)} ${min.toFixed(1).padStart(8)} ms  (best of ${runs}; ${result})`);
  return min;
}

const t0 = performance.now();
const files = Array.from({ length: COUNT }, (_, i) => makeWorkbook(i));
const size = files.reduce((n, f) => n + f.length, 0);
console.log(
  `${COUNT} workbooks, ${SHEETS} sheets x ${ROWS} rows, ${(size / 1024).toFixed(0)} KB total, generated in ${(performance.now() - t0).toFixed(0)} ms`,
);

const nodeInflate = createNodeInflateRaw();
const rawF = best("raw inflate, fflate", () => rawInflateAll(files, fflateInflateRaw));
const readF = best("readXlsx, fflate (default)", () => readAll(files, undefined));
const rawN = best("raw inflate, node:zlib", () => rawInflateAll(files, nodeInflate));
const readN = best("readXlsx, node:zlib", () => readAll(files, nodeInflate));
console.log(`ratio read/raw: fflate ${(readF / rawF).toFixed(2)}x, node:zlib ${(readN / rawN).toFixed(2)}x`);
