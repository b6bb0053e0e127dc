// The sink the writer renders sheets into: whatever is pushed and prepended, in any order and
// however it grows, it holds exactly the UTF-8 that TextEncoder gives for each piece, in order.

import fc from "fast-check";
import { ByteSink } from "./byte-sink";

const enc = new TextEncoder();

test("pushes, then a prepend, give the UTF-8 of the text in order", () => {
  const sink = new ByteSink(4);
  sink.push('<row r="1">');
  sink.push("<c><v>Hội nghị trực tuyến</v></c>");
  sink.push("</row>");
  sink.prepend("<sheetData>");
  expect(new TextDecoder().decode(sink.view())).toBe(
    '<sheetData><row r="1"><c><v>Hội nghị trực tuyến</v></c></row>',
  );
  expect(sink.size).toBe(sink.view().length);
});

test("clear keeps nothing of the previous sheet", () => {
  const sink = new ByteSink(8);
  sink.push("x".repeat(100));
  sink.clear();
  expect(sink.size).toBe(0);
  sink.push("Số liệu");
  expect(sink.view()).toEqual(enc.encode("Số liệu"));
});

test("any texts (emoji, lone surrogates, NFD) encode as TextEncoder does, from any starting size", () => {
  const piece = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }), // includes lone surrogates
    fc.constantFrom("Việt Nam".normalize("NFD"), "😀", "\uD800", "\uDC00x", "&amp;"),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 64 }),
      fc.array(fc.tuple(fc.boolean(), piece), { maxLength: 30 }),
      (capacity, steps) => {
        const sink = new ByteSink(capacity);
        let expected: Uint8Array = new Uint8Array(0);
        const join = (a: Uint8Array, b: Uint8Array): Uint8Array => {
          const joined = new Uint8Array(a.length + b.length);
          joined.set(a);
          joined.set(b, a.length);
          return joined;
        };
        for (const [front, s] of steps) {
          if (front) {
            sink.prepend(s);
            expected = join(enc.encode(s), expected);
          } else {
            sink.push(s);
            expected = join(expected, enc.encode(s));
          }
        }
        expect(sink.view()).toEqual(expected);
      },
    ),
    { numRuns: 300, seed: 226 },
  );
});
