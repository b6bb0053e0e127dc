// One input file as the CLI reads it: its bytes (sources are only ever opened for reading) and their
// SHA-256. Apart from io.ts so the worker bundle (inspect-worker.ts) carries neither zod nor the profile schema.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Read a file as bytes (sources are only ever opened for reading). */
export function readBytes(path: string): Uint8Array {
  const buf = readFileSync(path);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
