// The Node-only zip codec (node:zlib's native deflate and CRC-32); kept out of write.ts so the browser
// bundle never sees node:zlib. On the 1,000-unit summary it deflates in a fraction of fflate's time.
import { crc32, deflateRawSync } from "node:zlib";
import type { ZipCodec } from "./zip-write";

/** Level 6, zlib's default: on XML it is both smaller and, natively, still faster than fflate at level 3. */
export const NODE_ZIP_CODEC: ZipCodec = {
  deflateRaw: (data) => {
    const out = deflateRawSync(data, { level: 6 });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  crc32: (data) => crc32(data),
};
