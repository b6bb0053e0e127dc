// The read-phase measurement shared by `npm run bench` (its "phases" child) and the A/B helper
// scripts/bench-reader-parts.ts: our reader as the pipeline runs it, against a raw zlib inflate of the
// same parts, in alternated pairs.
import { inflateRawSync } from "node:zlib";
import type { ReadLimits } from "../src/core/workbook";
import { isTemplateSheet } from "../src/core/template-sheets";
import type { InflateRaw } from "../src/xlsx/inflate";
import { createNodeDecoder, createNodeInflateRaw } from "../src/xlsx/node-inflate";
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

/** One zlib inflate per part through Node's public API, as any Node program would: a new engine per call. */
const inflateEachPart: InflateRaw = (data) => inflateRawSync(data);

/**
 * The baseline: zlib inflating every needed part of every file. By default through the reader's own
 * inflater (one zlib engine reused across parts), so the floor is as low as the reader's; with
 * `inflateEachPart`, as a Node program using inflateRawSync would.
 */
export function rawInflate(all: readonly Uint8Array[], inflate: InflateRaw = createNodeInflateRaw()): number {
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
      total += e.method === 8 ? inflate(data, 1 << 30, e.uncompressedSize).length : data.length;
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
 * The reader against a raw inflate of the same parts, timed in alternated rounds (reader, raw, raw
 * through inflateRawSync, then the next round in another order, a GC before each), so that the
 * machine's drift falls on every side of each ratio: the median ratio of the rounds, and each side's
 * median time. (Two separate bests of 3, taken one after the other, swung between 1.9× and 4.1×
 * across runs of the same code.) `ratio` is against the reader's own inflater, `ratioEachPart` against
 * inflateRawSync per part (what the target was first measured against, before the reader reused its engine).
 */
export function readerVsRaw(
  all: readonly Uint8Array[],
  limits: ReadLimits,
  rounds = 7,
): { readMs: number; rawMs: number; ratio: number; rawEachPartMs: number; ratioEachPart: number } {
  const sides = {
    read: () => readOnly(all, limits),
    raw: () => rawInflate(all),
    each: () => rawInflate(all, inflateEachPart),
  };
  type Side = keyof typeof sides;
  const orders: readonly (readonly Side[])[] = [
    ["read", "raw", "each"],
    ["each", "raw", "read"],
    ["raw", "read", "each"],
  ];
  // One untimed pass of each first: all warm.
  for (const run of Object.values(sides)) run();
  const times: Record<Side, number[]> = { read: [], raw: [], each: [] };
  for (let k = 0; k < rounds; k++) {
    for (const side of orders[k % orders.length]!) times[side].push(best(1, sides[side]));
  }
  return {
    readMs: median(times.read),
    rawMs: median(times.raw),
    ratio: median(times.read.map((r, k) => r / times.raw[k]!)),
    rawEachPartMs: median(times.each),
    ratioEachPart: median(times.read.map((r, k) => r / times.each[k]!)),
  };
}
