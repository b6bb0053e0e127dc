// Fuzzing the reader and validator (issue: reliability): thousands of mutated workbooks, bytes of
// the zip and XML of the parts, must give findings only — no exception, no INTERNAL finding (a bug
// of ours caught and reported), no hang (jest's timeout is the guard; speed is `npm run bench`).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { inspectBytes } from "../../src/app/inspect";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { mulberry32 as prng } from "../helpers/prng";
import { reportBytes } from "../helpers/report-builder";

const SEED = Number(process.env.KL226_FUZZ_SEED ?? 226);
const ITERATIONS = Number(process.env.KL226_FUZZ_ITERATIONS ?? 3000);
const base = reportBytes(
  {
    unit: "XA_QUANG_PHU",
    name: "UBND xã Quảng Phú",
    counts: { HN_TONG: ["1.234", { formula: "SUM(1,2)", cached: 3 }] },
  },
  [],
);
const parts = unzipSync(base);
const XML_NOISE = [
  "<",
  ">",
  "&",
  "&amp;",
  "&#x1F600;",
  "&#99999999;",
  '"',
  "'",
  "<c>",
  "</row>",
  '<x:c r="ZZZZ1">',
  "_x000D_",
  "\u0000",
  "<v>1e308</v>",
  "<v>-0</v>",
  "<v>NaN</v>",
  ' t="e"',
  ' t="s"',
  ' t="d"',
  "<f/>",
  ' r="A1048577"',
  '<row r="-1">',
];

function mutateBytes(bytes: Uint8Array, rnd: () => number): Uint8Array {
  const out = bytes.slice();
  const flips = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < flips; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
  if (rnd() < 0.2) return out.slice(0, Math.floor(rnd() * out.length));
  return out;
}

function mutateXml(rnd: () => number): Uint8Array {
  const names = Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const name = names[Math.floor(rnd() * names.length)]!;
  let text = strFromU8(parts[name]!);
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * text.length);
    const choice = rnd();
    if (choice < 0.35)
      text = text.slice(0, at) + XML_NOISE[Math.floor(rnd() * XML_NOISE.length)] + text.slice(at);
    else if (choice < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 40));
    else {
      const from = Math.floor(rnd() * text.length);
      text = text.slice(0, at) + text.slice(from, from + Math.floor(rnd() * 200)) + text.slice(at);
    }
  }
  // Stored (level 0): the reader's inflate is exercised by the byte mutations; this keeps 5,000+ runs fast.
  return zipSync({ ...parts, [name]: strToU8(text) }, { level: 0 });
}

test(`fuzz: ${ITERATIONS} byte mutations and ${ITERATIONS} XML mutations give only findings`, () => {
  const rnd = prng(SEED);
  const codes = new Map<string, number>();
  for (let i = 0; i < ITERATIONS * 2; i++) {
    const bytes = i % 2 === 0 ? mutateBytes(base, rnd) : mutateXml(rnd);
    let result;
    try {
      result = inspectBytes(bytes, DEFAULT_PROFILE);
    } catch (e) {
      throw new Error(`iteration ${i} (seed ${SEED}) threw: ${(e as Error).stack}`);
    }
    const internal = result.findings.find((f) => f.code === "INTERNAL");
    if (internal !== undefined)
      throw new Error(`iteration ${i} (seed ${SEED}) hit a bug of ours: ${internal.detail ?? ""}`);
    const consistent = result.valid === result.findings.every((f) => f.severity !== "error");
    if (!consistent || result.findings.some((f) => typeof f.message !== "string" || f.message === "")) {
      throw new Error(
        `iteration ${i} (seed ${SEED}) gave an inconsistent result: ${JSON.stringify(result.findings)}`,
      );
    }
    for (const f of result.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  }
  // Both kinds of mutation reach the validator, not only the reader's rejections.
  expect(codes.get("UNREADABLE")).toBeGreaterThan(0);
  expect([...codes.keys()].some((c) => c !== "UNREADABLE")).toBe(true);
}, 180_000);
