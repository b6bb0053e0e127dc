// The time and memory bounds that unit tests used to assert, as printed figures (`npm run bench`,
// section "Bounds"; alone: `node --expose-gc scripts/run-ts.js scripts/bench-bounds.ts`): how fast
// each hostile file is stopped and how much memory it costs (heap measured after a forced GC), the
// large real-world shapes, the slowest of the fuzz mutations, and the summary write.

import { createHash } from "node:crypto";
import { crc32, deflateRawSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { consolidateBytes } from "../src/app/consolidate-files";
import { inspectBytes } from "../src/app/inspect";
import { DEFAULT_PROFILE } from "../src/core/profile";
import { createNodeDecoder, createNodeInflateRaw } from "../src/xlsx/node-inflate";
import { readXlsx } from "../src/xlsx/read";
import { GOOD_A, GOOD_B, HOSTILE_CASES, zipBomb } from "../test/helpers/hostile-files";
import { mulberry32 } from "../test/helpers/prng";
import { rawZip } from "../test/helpers/raw-xlsx";
import { reportBytes } from "../test/helpers/report-builder";
import { benchWrite } from "./bench-write";

/** What the unit tests asserted before these moved here: every hostile file stopped within this. */
const HOSTILE_MS = 3000;
const BOMB_HEAP_MB = 200;

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

/**
 * Wall time of fn; the heap (+ array buffers) grown by its end, from a state after forced GCs and
 * without collecting after (garbage included, an estimate of the peak, as the unit test measured it);
 * and how much the process's peak RSS rose (0 when an earlier case already reached higher).
 */
function measure(fn: () => void): { ms: number; heapMb: number; rssRiseMb: number } {
  gc?.();
  gc?.();
  const before = heapMb();
  const rss0 = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  return { ms, heapMb: heapMb() - before, rssRiseMb: (process.resourceUsage().maxRSS - rss0) / 1024 };
}

const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");
const tick = (ok: boolean): string => (ok ? "✓" : "✗");

function hostileLines(): string[] {
  const lines: string[] = [];
  for (const [label, file, build, reason] of HOSTILE_CASES) {
    const bytes = build();
    const files = [
      { file: "a-good.xlsx", bytes: GOOD_A, sha256: sha(GOOD_A) },
      { file, bytes, sha256: sha(bytes) },
      { file: "z-good.xlsx", bytes: GOOD_B, sha256: sha(GOOD_B) },
    ];
    let rejected = "";
    const m = measure(() => {
      const c = consolidateBytes(files, { profile: DEFAULT_PROFILE, decoder: createNodeDecoder() });
      rejected = c.rejected.find((r) => r.file === file)?.findings[0]?.code ?? "accepted";
    });
    const bomb = file.startsWith("bom");
    const ok = m.ms <= HOSTILE_MS && (!bomb || m.heapMb <= BOMB_HEAP_MB) && rejected === "UNREADABLE";
    lines.push(
      `${tick(ok)} ${label}: ${reason}, ${m.ms.toFixed(0)} ms (≤ ${HOSTILE_MS}), heap +${m.heapMb.toFixed(0)} MB${bomb ? ` (≤ ${BOMB_HEAP_MB})` : ""}, peak RSS +${m.rssRiseMb.toFixed(0)} MB`,
    );
  }
  for (const [name, opts] of [
    ["fflate", {}],
    ["node:zlib", { inflateRaw: createNodeInflateRaw() }],
  ] as const) {
    const bomb = zipBomb(200, false);
    let reason = "";
    const m = measure(() => {
      const out = readXlsx(bomb, opts);
      reason = out.ok ? "OK" : out.reason;
    });
    lines.push(
      `${tick(m.ms <= HOSTILE_MS && m.heapMb <= BOMB_HEAP_MB)} 200 MB zip bomb (lying size), reader alone with ${name}: ${reason}, ${m.ms.toFixed(0)} ms, heap +${m.heapMb.toFixed(0)} MB, peak RSS +${m.rssRiseMb.toFixed(0)} MB`,
    );
  }
  return lines;
}

function withPart(base: Uint8Array, part: string, xml: string): Uint8Array {
  const parts = { ...unzipSync(base), [part]: strToU8(xml) };
  return rawZip(
    Object.entries(parts).map(([name, b]) => ({
      name,
      data: deflateRawSync(b),
      method: 8,
      declaredSize: b.length,
      crc: crc32(b),
    })),
  );
}

function shapeLines(): string[] {
  const base = reportBytes({ unit: "XA_QUANG_PHU", name: "UBND xã Quảng Phú", type: "UBND_XA" });
  const meetings = "xl/worksheets/sheet4.xml";
  const sheet = strFromU8(unzipSync(base)[meetings]!);
  const rows: string[] = [];
  for (let r = 5; r < 5 + 1_040_000; r++)
    rows.push(`<row r="${r}" spans="1:6" s="2" customFormat="1" ht="15.75" customHeight="1"/>`);
  const formatted = withPart(base, meetings, sheet.replace("</sheetData>", `${rows.join("")}</sheetData>`));
  const lines: string[] = [];
  for (const [name, opts] of [
    ["fflate", {}],
    ["node:zlib", { inflateRaw: createNodeInflateRaw() }],
  ] as const) {
    let ok = false;
    const m = measure(() => void (ok = readXlsx(formatted, opts).ok));
    lines.push(
      `  1,040,000 empty formatted rows (${(formatted.length / 1048576).toFixed(1)} MB file), ${name}: ${ok ? "read" : "NOT READ"} in ${m.ms.toFixed(0)} ms, heap +${m.heapMb.toFixed(0)} MB, peak RSS +${m.rssRiseMb.toFixed(0)} MB`,
    );
  }
  return lines;
}

/** The fuzz test's mutations (same seed and kinds), timed one by one: the slowest is the figure. */
function fuzzLine(iterations = 1000): string {
  const base = reportBytes(
    {
      unit: "XA_QUANG_PHU",
      name: "UBND xã Quảng Phú",
      counts: { HN_TONG: ["1.234", { formula: "SUM(1,2)", cached: 3 }] },
    },
    [],
  );
  const parts = unzipSync(base);
  const names = Object.keys(parts).filter((n) => n.endsWith(".xml"));
  const rnd = mulberry32(226);
  let slowest = 0;
  let total = 0;
  for (let i = 0; i < iterations; i++) {
    let bytes: Uint8Array;
    if (i % 2 === 0) {
      bytes = base.slice();
      for (let k = 0; k < 1 + Math.floor(rnd() * 8); k++)
        bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
    } else {
      const name = names[Math.floor(rnd() * names.length)]!;
      const text = strFromU8(parts[name]!);
      const at = Math.floor(rnd() * text.length);
      bytes = zipSync(
        { ...parts, [name]: strToU8(text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 40))) },
        { level: 0 },
      );
    }
    const t0 = performance.now();
    inspectBytes(bytes, DEFAULT_PROFILE);
    const ms = performance.now() - t0;
    total += ms;
    slowest = Math.max(slowest, ms);
  }
  return `${tick(slowest < 2000)} fuzz: ${iterations} mutated reports, slowest ${slowest.toFixed(0)} ms (≤ 2000), mean ${(total / iterations).toFixed(1)} ms`;
}

/** The "Bounds" section of `npm run bench`. */
export function benchBounds(): string[] {
  if (gc === undefined) return ["(run with node --expose-gc: heap figures need a forced GC)"];
  return [
    "Hostile files, each consolidated between two good reports (Node inflater):",
    ...hostileLines().map((l) => `  ${l}`),
    "Large real-world shapes:",
    ...shapeLines(),
    fuzzLine(),
    `  ${benchWrite(4000, 30)}`,
  ];
}

if (require.main === module || process.argv[1]?.endsWith("bench-bounds.ts")) {
  for (const line of benchBounds()) console.log(line);
}
