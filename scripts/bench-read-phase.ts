// The read-phase measurement shared by `npm run bench` (its "phases" child) and the A/B helper
// scripts/bench-reader-parts.ts: our reader as the pipeline runs it, against a raw zlib inflate of the
// same parts, each the best of a few runs.
import { inflateRawSync } from "node:zlib";
import type { ReadLimits } from "../src/core/workbook";
import { isTemplateSheet } from "../src/core/validate";
import { createNodeDecoder } from "../src/xlsx/node-inflate";
import { readXlsx } from "../src/xlsx/read";
import { readZipDirectory } from "../src/xlsx/zip";

/** The parts the reader inflates: content types, workbook, its rels, shared strings, styles and the 4 template sheets. */
const NEEDED = new Set(
  [
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    ...[1, 2, 3, 4].map((k) => `xl/worksheets/sheet${k}.xml`),
  ].map((s) => s.toLowerCase()),
);

/** The baseline: zlib's inflateRawSync of every needed part of every file. */
export function rawInflate(all: readonly Uint8Array[]): number {
  let total = 0;
  for (const bytes of all) {
    for (const e of readZipDirectory(bytes, 2000).entries) {
      if (!NEEDED.has(e.name.toLowerCase())) continue;
      const h = e.localHeaderOffset;
      const start =
        h +
        30 +
        ((bytes[h + 26] ?? 0) | ((bytes[h + 27] ?? 0) << 8)) +
        ((bytes[h + 28] ?? 0) | ((bytes[h + 29] ?? 0) << 8));
      const data = bytes.subarray(start, start + e.compressedSize);
      total += e.method === 8 ? inflateRawSync(data).length : data.length;
    }
  }
  return total;
}

/** The read phase as the pipeline runs it: one decoder (zlib, a fresh memo of repeated parts) for all files. */
export function readOnly(all: readonly Uint8Array[], limits: ReadLimits): number {
  const { inflateRaw, memo } = createNodeDecoder();
  let sheets = 0;
  for (const bytes of all) {
    const r = readXlsx(bytes, { limits, sheetFilter: isTemplateSheet, inflateRaw, memo });
    if (r.ok) sheets += r.workbook.sheets.length;
  }
  return sheets;
}

/** The fastest of `runs` timings of `fn`, after a GC each time when --expose-gc is on. */
export function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The reader against a raw inflate of the same parts, timed in alternated pairs (reader, raw, raw,
 * reader, …, a GC before each), so that the machine's drift falls on both sides of each ratio: the
 * median ratio of the pairs, and each side's median time. (Two separate bests of 3, taken one after
 * the other, swung between 1.9× and 4.1× across runs of the same code.)
 */
export function readerVsRaw(
  all: readonly Uint8Array[],
  limits: ReadLimits,
  pairs = 7,
): { readMs: number; rawMs: number; ratio: number } {
  // One untimed pass of each first: both warm, as the bests were.
  readOnly(all, limits);
  rawInflate(all);
  const reads: number[] = [];
  const raws: number[] = [];
  for (let k = 0; k < pairs; k++) {
    const order = k % 2 === 0 ? ["read", "raw"] : ["raw", "read"];
    for (const which of order) {
      const ms = best(1, () => void (which === "read" ? readOnly(all, limits) : rawInflate(all)));
      (which === "read" ? reads : raws).push(ms);
    }
  }
  return {
    readMs: median(reads),
    rawMs: median(raws),
    ratio: median(reads.map((r, k) => r / raws[k]!)),
  };
}
