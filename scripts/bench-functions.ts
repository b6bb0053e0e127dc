// Throughput of the =KL226.* custom functions: evaluations per second over 1,000,000 calls each,
// through the same exports Excel calls. The arithmetic ones must reach 2 M/s (a recalculation of
// a 100,000-row sheet should not be felt). Used by scripts/bench.ts; alone: npx tsx scripts/bench-functions.ts

import {
  check,
  deadline,
  dueDate,
  gap,
  meetingOk,
  onlineRatio,
  ratio,
  reduction,
  target,
} from "../src/functions/functions";

const CALLS = 1_000_000;
const TARGET_PER_SECOND = 2_000_000;
const INPUTS = 1024; // varied arguments so the engine cannot fold a constant call away

interface Case {
  readonly name: string;
  /** Arithmetic functions carry the 2 M/s target; text and date ones are reported only. */
  readonly arithmetic: boolean;
  readonly run: (i: number) => unknown;
}

const totals = Array.from({ length: INPUTS }, (_, i) => 10 + (i % 500));
const parts = totals.map((t, i) => ((t * ((i * 7) % 100)) / 100) | 0);
const ids = ["ONLINE_RATIO", "MEETING_REDUCTION", "DOC_REDUCTION", "TTHC_DIGITAL_RATIO", "OVERTIME_MEETINGS"];
const types = ["Quán triệt", "Chuyên môn", "Quan trọng", "quan triet"];
const phrases = ["Quý IV/2026", "Tháng 6/2026", "Đến 31/12/2026", "Năm 2027", "Đến cuối năm 2026"];

const CASES: readonly Case[] = [
  { name: "ONLINE_RATIO", arithmetic: true, run: (i) => onlineRatio(parts[i]!, totals[i]!) },
  { name: "REDUCTION", arithmetic: true, run: (i) => reduction(totals[i]!, parts[i]!) },
  { name: "RATIO", arithmetic: true, run: (i) => ratio(parts[i]!, totals[i]!) },
  { name: "TARGET", arithmetic: true, run: (i) => target(ids[i % ids.length]!) },
  { name: "CHECK", arithmetic: true, run: (i) => check("ONLINE_RATIO", parts[i]! / totals[i]!) },
  // GAP judges through the core, whose toFraction parses the target's decimal text on each call
  // (≈ 0.5 µs): about 1–2 M/s, reported without the target.
  { name: "GAP", arithmetic: false, run: (i) => gap("ONLINE_RATIO", parts[i]!, totals[i]!) },
  { name: "MEETING_OK", arithmetic: true, run: (i) => meetingOk(types[i % types.length]!, (i % 4) / 2) },
  { name: "DUE_DATE", arithmetic: false, run: (i) => dueDate(i % 2 ? "6T" : "NAM", 2025 + (i % 50)) },
  { name: "DEADLINE", arithmetic: false, run: (i) => deadline(phrases[i % phrases.length]!) },
];

function perSecond(run: (i: number) => unknown, calls: number): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let n = 0; n < calls; n++) if (run(n & (INPUTS - 1)) !== undefined) sink++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink !== calls) throw new Error("a function returned nothing");
  return calls / seconds;
}

/** One line per function: "✓ ONLINE_RATIO  45.1 M/s (target ≥ 2 M/s)". */
export function benchFunctions(calls = CALLS): string[] {
  return CASES.map(({ name, arithmetic, run }) => {
    perSecond(run, Math.min(calls, 50_000)); // warm up the JIT before measuring
    const rate = perSecond(run, calls);
    const figure = `${name.padEnd(13)} ${(rate / 1e6).toFixed(2).padStart(7)} M/s`;
    if (!arithmetic) return `  ${figure}`;
    return `${rate >= TARGET_PER_SECOND ? "✓" : "✗"} ${figure} (target ≥ ${TARGET_PER_SECOND / 1e6} M/s)`;
  });
}

if (require.main === module) {
  console.log(`=KL226.* custom functions, ${CALLS.toLocaleString("en")} calls each`);
  for (const line of benchFunctions()) console.log(line);
}
