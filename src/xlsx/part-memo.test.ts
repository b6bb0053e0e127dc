// The memo of repeated small parts: reading a batch with one memo gives exactly the workbooks (and
// failures) that reading each file alone gives, whatever the order, while template files hit it.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { reportBytes } from "../../test/helpers/report-builder";
import { createNodeDecoder, createNodeInflateRaw } from "./node-inflate";
import { PartMemo, readXlsx, type ReadOptions } from "./read";

const SAMPLES = join(__dirname, "../../samples/2026-6T");
const FIXTURES = join(__dirname, "../../test/fixtures/xlsx");
const files = (dir: string): Uint8Array[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));

/** The same package with one part replaced. */
function withPart(bytes: Uint8Array, name: string, text: string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[name] = strToU8(text);
  return zipSync(parts);
}

const alone = (bytes: Uint8Array, options: ReadOptions = {}) =>
  readXlsx(bytes, { inflateRaw: createNodeInflateRaw(), ...options });

test("a batch read with one memo equals every file read alone, in both orders, and the template's parts hit", () => {
  const batch = [...files(SAMPLES), ...files(FIXTURES)];
  for (const order of [batch, [...batch].reverse()]) {
    const decoder = createNodeDecoder();
    for (const bytes of order) expect(readXlsx(bytes, { ...decoder })).toEqual(alone(bytes));
    // Content types, workbook, relationships and styles of ~60 files from one template.
    expect(decoder.memo?.hits).toBeGreaterThan(150);
  }
});

test("a file whose styles differ is parsed afresh: after a file with a date format, one without it reads numbers", () => {
  const plain = reportBytes({ unit: "SO_A", name: "Sở A" });
  const styles = new TextDecoder().decode(unzipSync(plain)["xl/styles.xml"]!);
  // The template's date format becomes a plain number format: the report date now reads as a number.
  expect(styles).toContain('formatCode="dd/mm/yyyy"');
  const numbered = withPart(
    plain,
    "xl/styles.xml",
    styles.replace('formatCode="dd/mm/yyyy"', 'formatCode="0.00"'),
  );
  const memo = new PartMemo();
  const a = readXlsx(plain, { memo });
  const b = readXlsx(numbered, { memo });
  expect(a).toEqual(alone(plain));
  expect(b).toEqual(alone(numbered));
  expect(b).not.toEqual(a);
});

test("caps still bind on a hit: the repeated parts are charged to each file's budget", () => {
  const bytes = reportBytes({ unit: "SO_A", name: "Sở A" });
  const limit = { maxTotalBytes: 3000 };
  const memo = new PartMemo();
  expect(readXlsx(bytes, { memo })).toMatchObject({ ok: true });
  expect(readXlsx(bytes, { memo, limits: limit })).toEqual(alone(bytes, { limits: limit }));
  expect(alone(bytes, { limits: limit })).toMatchObject({ ok: false, reason: "TOTAL_TOO_LARGE" });
});

test("a part that fails to parse is not remembered: the same broken bytes fail every time", () => {
  const broken = withPart(
    reportBytes({ unit: "SO_A", name: "Sở A" }),
    "xl/workbook.xml",
    "<workbook><sheets><sheet",
  );
  const memo = new PartMemo();
  const first = readXlsx(broken, { memo });
  expect(first).toMatchObject({ ok: false });
  expect(readXlsx(broken, { memo })).toEqual(first);
  // Only the (valid) content types were remembered and reused.
  expect(memo.hits).toBe(1);
});
