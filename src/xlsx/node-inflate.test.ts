import { deflateRawSync, inflateRawSync } from "node:zlib";
import { InflateLimitError } from "./inflate";
import { createNodeInflateRaw } from "./node-inflate";

// Parts as a province's workbooks hold them: XML with Vietnamese text, from a few bytes to a few hundred KB.
function part(seed: number): Buffer {
  const rows: string[] = [];
  for (let r = 1; r <= seed * 37; r++)
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Ủy ban nhân dân xã ${r * seed}</t></is></c><c r="B${r}"><v>${(r * 7919) % 1000}</v></c></row>`,
    );
  return Buffer.from(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`, "utf8");
}

const PARTS = [0, 1, 2, 5, 13, 40, 120].map(part);

describe("createNodeInflateRaw (one zlib engine kept across parts)", () => {
  test("gives back every part's bytes, part after part, as inflateRawSync does", () => {
    const inflate = createNodeInflateRaw();
    for (let round = 0; round < 3; round++) {
      for (const plain of PARTS) {
        const out = inflate(deflateRawSync(plain, { level: round * 4 + 1 }), 1 << 26, plain.length);
        expect(Buffer.from(out).equals(plain)).toBe(true);
      }
    }
  });

  test("a part's bytes stay as they were after the next part is inflated", () => {
    const inflate = createNodeInflateRaw();
    const first = inflate(deflateRawSync(PARTS[4]!), 1 << 26, PARTS[4]!.length);
    const kept = Buffer.from(first);
    inflate(deflateRawSync(PARTS[3]!), 1 << 26, PARTS[3]!.length);
    expect(Buffer.from(first).equals(kept)).toBe(true);
  });

  test("a size declared too small or too large still gives the whole part", () => {
    const inflate = createNodeInflateRaw();
    const plain = PARTS[5]!;
    const packed = deflateRawSync(plain);
    for (const declared of [0, 1, plain.length - 1, plain.length + 1, plain.length * 3]) {
      expect(Buffer.from(inflate(packed, 1 << 26, declared)).equals(plain)).toBe(true);
    }
  });

  test("a damaged or cut stream fails as inflateRawSync fails, and the next part is still read", () => {
    const inflate = createNodeInflateRaw();
    const plain = PARTS[5]!;
    const packed = deflateRawSync(plain);
    const cut = packed.subarray(0, packed.length >> 1);
    expect(() => inflateRawSync(cut)).toThrow("unexpected end of file");
    expect(() => inflate(cut, 1 << 26, plain.length)).toThrow("unexpected end of file");
    const damaged = Buffer.from(packed);
    damaged[0] = 0xff; // a block type that does not exist
    expect(() => inflateRawSync(damaged)).toThrow("invalid block type");
    expect(() => inflate(damaged, 1 << 26, plain.length)).toThrow("invalid block type");
    expect(Buffer.from(inflate(packed, 1 << 26, plain.length)).equals(plain)).toBe(true);
  });

  test("output past the cap is an InflateLimitError, whatever size was declared", () => {
    const inflate = createNodeInflateRaw();
    const plain = PARTS[6]!;
    const packed = deflateRawSync(plain);
    for (const declared of [100, plain.length]) {
      expect(() => inflate(packed, 1000, declared)).toThrow(InflateLimitError);
    }
    expect(Buffer.from(inflate(packed, plain.length, plain.length)).equals(plain)).toBe(true);
  });
});
