// The Node-only zip codec (node:zlib's native deflate and CRC-32); kept out of write.ts so the browser
// bundle never sees node:zlib. On the 1,000-unit summary it deflates in a fraction of fflate's time.
import { crc32, deflateRaw, deflateRawSync } from "node:zlib";
import { compressedEntry, type ZipCodec, type ZipEntry, type ZipPart } from "./zip-write";

/** Level 6, zlib's default: on XML it is both smaller and, natively, still faster than fflate at level 3. */
const OPTIONS = { level: 6 } as const;

export const NODE_ZIP_CODEC: ZipCodec = {
  deflateRaw: (data) => {
    const out = deflateRawSync(data, OPTIONS);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  crc32: (data) => crc32(data),
};

/**
 * The output chunk of a part deflated on the pool: a quarter of the part (XML deflates to about a
 * seventh), so that the whole part is one job of the pool. With zlib's default of 16 KB the stream came
 * back to the main thread after each 16 KB of output for the next, and while the main thread rendered
 * the next sheet, the deflate waited for it (≈ 10–15 ms of a 1,000-unit summary's write spent idle at the
 * end). The bytes are the same whatever the chunk.
 */
export function laterChunkSize(partBytes: number): number {
  return Math.min(Math.max(partBytes >>> 2, 16 * 1024), 1024 * 1024);
}

function deflateRawLater(data: Uint8Array): Promise<Buffer> {
  const options = { ...OPTIONS, chunkSize: laterChunkSize(data.length) };
  return new Promise((resolve, reject) =>
    deflateRaw(data, options, (error, out) => (error ? reject(error) : resolve(out))),
  );
}

/**
 * NODE_ZIP_CODEC's entry for `part`, deflated on libuv's thread pool while the caller goes on
 * (writeXlsxOverlapped renders the next sheet meanwhile): the same bytes, ≈ 60 ms of a 1,000-unit
 * summary off the main thread. `part.data` must stay unchanged until the promise settles.
 */
export async function nodeZipEntryLater(part: ZipPart): Promise<ZipEntry> {
  const crc = crc32(part.data);
  const out = await deflateRawLater(part.data);
  return compressedEntry(part, crc, new Uint8Array(out.buffer, out.byteOffset, out.length));
}
