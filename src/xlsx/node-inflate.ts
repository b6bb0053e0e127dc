// The Node-only InflateRaw (node:zlib, faster than fflate); kept out of read.ts so the browser bundle never sees node:zlib.
import { inflateRawSync } from "node:zlib";
import { InflateLimitError, type InflateRaw } from "./inflate";
import { PartMemo } from "./part-memo";
import type { XlsxDecoder } from "./read";

/** An InflateRaw backed by zlib's inflateRawSync; `maxOutputLength` makes zlib itself stop at the cap. */
export function createNodeInflateRaw(): InflateRaw {
  return (data, maxOutputBytes) => {
    try {
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutputBytes) });
      // Return a plain Uint8Array view (a Buffer is one, but keep the type honest for callers).
      const view = new Uint8Array(out.buffer, out.byteOffset, out.length);
      if (view.length > maxOutputBytes) throw new InflateLimitError(maxOutputBytes);
      return view;
    } catch (e) {
      // Check the code, not instanceof RangeError: under jest's vm sandbox node's errors come from another realm.
      if (
        typeof e === "object" &&
        e !== null &&
        (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
      ) {
        throw new InflateLimitError(maxOutputBytes);
      }
      throw e;
    }
  };
}

/** The decoder for a Node run over many files: zlib's inflate and one memo of repeated small parts. */
export function createNodeDecoder(): XlsxDecoder {
  return { inflateRaw: createNodeInflateRaw(), memo: new PartMemo() };
}
