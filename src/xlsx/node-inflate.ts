// The Node-only InflateRaw (node:zlib, faster than fflate); kept out of read.ts so the browser bundle never sees node:zlib.
import { constants, deflateRawSync, InflateRaw as ZlibStream, inflateRawSync } from "node:zlib";
import { InflateLimitError, type InflateRaw } from "./inflate";
import { PartMemo } from "./part-memo";
import type { XlsxDecoder } from "./read";

/** Inflated by a new engine before it is used. */
const SELF_CHECK =
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Sở Nội vụ</t></is></c></row></sheetData>';

/** Parts declared up to this size go through the reused engine (its output buffer grows to the largest). */
const REUSE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * An InflateRaw backed by zlib. A part whose declared size is within the cap goes through one zlib
 * engine kept for all the parts this inflater sees (`ReusedEngine`); any other part, and any part that
 * engine does not finish cleanly, through inflateRawSync, whose `maxOutputLength` makes zlib itself
 * stop at the cap.
 */
export function createNodeInflateRaw(): InflateRaw {
  // undefined: not made yet (or the last one failed and closed); null: this Node offers none.
  let engine: ReusedEngine | null | undefined;
  return (data, maxOutputBytes, sizeHint) => {
    if (
      engine !== null &&
      sizeHint !== undefined &&
      sizeHint >= 0 &&
      sizeHint <= maxOutputBytes &&
      sizeHint <= REUSE_MAX_BYTES
    ) {
      if (engine === undefined) engine = ReusedEngine.make() ?? null;
      const out = engine?.inflate(data, sizeHint);
      if (out !== undefined) return out;
      if (engine?.closed === true) engine = undefined;
    }
    return inflateRawOnce(data, maxOutputBytes);
  };
}

function inflateRawOnce(data: Uint8Array, maxOutputBytes: number): Uint8Array {
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutputBytes) });
    // Return a plain Uint8Array view (a Buffer is one, but keep the type honest for callers).
    const view = new Uint8Array(out.buffer, out.byteOffset, out.length);
    if (view.length > maxOutputBytes) throw new InflateLimitError(maxOutputBytes);
    return view;
  } catch (e) {
    // Check the code, not instanceof RangeError: under jest's vm sandbox node's errors come from another realm.
    if (typeof e === "object" && e !== null && (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new InflateLimitError(maxOutputBytes);
    }
    throw e;
  }
}

/** What lib/zlib.js's synchronous path (processChunkSync) calls on a zlib stream's native handle. */
interface ZlibHandle {
  writeSync(
    flush: number,
    input: Uint8Array,
    inOffset: number,
    inLength: number,
    output: Uint8Array,
    outOffset: number,
    outLength: number,
  ): void;
  reset(): void;
  close(): void;
  onerror: (message: string, errno: number) => void;
}

/**
 * One zlib inflate engine for many parts. Each inflateRawSync call builds a stream object, a zlib
 * context and its 32 KB window, and tears them down after one part: on the 15 KB workbooks a province
 * receives (≈ 5 parts each) that set-up is about a third of the inflate time. Node offers no public way
 * to reuse a synchronous engine, so this drives the stream's handle as lib/zlib.js's own
 * processChunkSync does (`writeSync` with Z_FINISH, the output counts in `_writeState`), then `reset`s
 * it. Its presence is checked when made (otherwise inflateRawSync does every part). A part is only
 * taken when zlib ends its stream within the declared size: on an error or output past that size the
 * caller goes to inflateRawSync, so every result and every error is inflateRawSync's own.
 */
class ReusedEngine {
  closed = false;
  private out = new Uint8Array(64 * 1024);
  private failed = false;

  private constructor(
    private readonly handle: ZlibHandle,
    private readonly state: Uint32Array,
  ) {
    // Instead of the stream's own handler, which would destroy the stream (and close the handle).
    handle.onerror = () => {
      this.failed = true;
    };
  }

  static make(): ReusedEngine | undefined {
    try {
      const stream = new ZlibStream() as unknown as { _handle?: Partial<ZlibHandle>; _writeState?: unknown };
      const handle = stream._handle;
      const state = stream._writeState;
      if (
        typeof handle?.writeSync === "function" &&
        typeof handle.reset === "function" &&
        typeof handle.close === "function" &&
        // Not instanceof: under jest's vm sandbox node's arrays come from another realm.
        Object.prototype.toString.call(state) === "[object Uint32Array]" &&
        (state as Uint32Array).length >= 2
      ) {
        const engine = new ReusedEngine(handle as ZlibHandle, state as Uint32Array);
        if (engine.worksOn(SELF_CHECK)) return engine;
      }
    } catch {
      // Another Node's internals: inflateRawSync does every part.
    }
    return undefined;
  }

  /** Whether this engine gives `text` back from its deflated bytes, twice (through a reset): internals can change. */
  private worksOn(text: string): boolean {
    const plain = Buffer.from(text, "utf8");
    const packed = deflateRawSync(plain);
    for (let round = 0; round < 2; round++) {
      const out = this.inflate(packed, plain.length);
      if (out === undefined || Buffer.compare(out, plain) !== 0) return false;
    }
    return true;
  }

  /** The part's bytes (a copy of its own), or undefined when inflateRawSync must decide. */
  inflate(data: Uint8Array, sizeHint: number): Uint8Array | undefined {
    // One spare byte: if zlib fills it, the declared size was a lie.
    const room = sizeHint + 1;
    if (this.out.length < room) this.out = new Uint8Array(Math.max(room, this.out.length * 2));
    this.failed = false;
    try {
      this.handle.writeSync(constants.Z_FINISH, data, 0, data.length, this.out, 0, room);
    } catch {
      this.failed = true;
    }
    if (this.failed) {
      this.closed = true;
      try {
        this.handle.close();
      } catch {
        // Already closed: nothing to free.
      }
      return undefined;
    }
    // Without an error, Z_FINISH with output room left means zlib reached the stream's end.
    const roomLeft = this.state[0] ?? 0;
    this.handle.reset();
    return roomLeft === 0 ? undefined : this.out.slice(0, room - roomLeft);
  }
}

/** The decoder for a Node run over many files: zlib's inflate and one memo of repeated small parts. */
export function createNodeDecoder(): XlsxDecoder {
  return { inflateRaw: createNodeInflateRaw(), memo: new PartMemo() };
}
