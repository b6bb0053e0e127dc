// Raw-DEFLATE decompression with a hard output cap: the InflateRaw contract and its browser-safe fflate default.
import { Inflate, inflateSync } from "fflate";

/**
 * Inflates raw DEFLATE data. Must throw if the output would exceed `maxOutputBytes` (throw an
 * `InflateLimitError` so the reader can tell a zip bomb from a damaged stream; any other error means
 * the data is corrupt). `sizeHint` is the size the zip directory declares: untrusted, only a hint
 * for preallocation; implementations may ignore it.
 */
export type InflateRaw = (data: Uint8Array, maxOutputBytes: number, sizeHint?: number) => Uint8Array;

/** Thrown by an InflateRaw when the output would exceed its cap. */
export class InflateLimitError extends Error {
  constructor(readonly maxOutputBytes: number) {
    super(`inflated output exceeds ${maxOutputBytes} bytes`);
    this.name = "InflateLimitError";
  }
}

// DEFLATE cannot expand more than ~1032:1, so a one-shot inflate of at most this much input does at
// most ~66 MB of work even when the declared size lies; larger inputs go through the streaming path,
// which checks the cap after every input slice.
const FAST_PATH_MAX_INPUT = 64 * 1024;
// DEFLATE's maximum expansion ratio (a 258-byte match per ~2 bits, rounded up).
const MAX_RATIO = 1032;
// Streamed input slices are sized so that even a maximal expansion stays near the cap: (room left) / 1032,
// but at least MIN_SLICE (overshoot past the cap at most ~4 MB) and at most MAX_SLICE (one push inflates
// at most ~16 MB, which bounds fflate's transient buffers).
const MIN_SLICE = 4 * 1024;
const MAX_SLICE = 16 * 1024;

/** The default InflateRaw: fflate (pure JS, works in the browser). */
export const fflateInflateRaw: InflateRaw = (data, maxOutputBytes, sizeHint) => {
  if (
    sizeHint !== undefined &&
    sizeHint >= 0 &&
    sizeHint <= maxOutputBytes &&
    data.length <= FAST_PATH_MAX_INPUT
  ) {
    // One spare byte: if it gets written the declared size was a lie, so redo it the careful way.
    // fflate does not grow a caller-supplied buffer (writes past its end are dropped or throw).
    const out = new Uint8Array(sizeHint + 1);
    let result: Uint8Array | undefined;
    try {
      result = inflateSync(data, { out });
    } catch {
      result = undefined; // may be a real error or an overflow into the fixed buffer: the stream path decides
    }
    if (result !== undefined && result.length <= sizeHint) return result;
  }
  return streamInflate(data, maxOutputBytes);
};

function streamInflate(data: Uint8Array, maxOutputBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk: Uint8Array, final: boolean) => {
    total += chunk.length;
    if (total > maxOutputBytes) throw new InflateLimitError(maxOutputBytes);
    if (chunk.length > 0) chunks.push(chunk);
    if (final) finished = true;
  });
  for (let off = 0; off < data.length;) {
    const slice = Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.floor((maxOutputBytes - total) / MAX_RATIO)));
    const end = Math.min(off + slice, data.length);
    inflater.push(data.subarray(off, end), end === data.length);
    off = end;
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (!finished) throw new Error("deflate stream ended early");
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
