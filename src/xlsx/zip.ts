// A minimal zip central-directory reader: lists entries and extracts single parts (stored or deflate) under size caps.
import { fail } from "./failure";
import { KeptLimitError, inflateCompactingRows } from "./compact-rows";
import { InflateLimitError, type InflateRaw } from "./inflate";

export interface ZipEntry {
  /** The name as stored, with backslashes turned into slashes (some old writers use them). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Lower-cased name → entry: OPC part names are case-insensitive. */
  readonly byName: ReadonlyMap<string, ZipEntry>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 0x1000000;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) >= 0x80) return false;
  return true;
}

/** A little-endian 64-bit field; NaN beyond 2^53 (no file we accept is that large, so such a value is damage). */
function u64(b: Uint8Array, i: number): number {
  const hi = u32(b, i + 4);
  return hi >= 0x200000 ? NaN : hi * 0x100000000 + u32(b, i);
}

const SIG_ZIP64_EOCD = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
const U32_MAX = 0xffffffff;

/** Where the central directory is, from the end records (classic or ZIP64). */
interface DirectoryEnd {
  readonly totalEntries: number;
  readonly cdSize: number;
  readonly cdOffset: number;
  /** Offset of the first end record: the central directory must end before it. */
  readonly end: number;
}

/**
 * Reads the end-of-central-directory record and, when a ZIP64 locator precedes it, the ZIP64 record
 * it points at, whose counts and offsets then apply (some zip tools and streaming writers emit ZIP64
 * records even for small files).
 */
function readDirectoryEnd(bytes: Uint8Array): DirectoryEnd {
  const n = bytes.length;
  // The EOCD is 22 bytes plus a comment of at most 65535 bytes, so it sits in the last 65557 bytes.
  let eocd = -1;
  for (let i = n - 22; i >= 0 && i >= n - 22 - 0xffff; i--) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      u32(bytes, i) === SIG_EOCD &&
      i + 22 + u16(bytes, i + 20) <= n
    ) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail("TRUNCATED", "no end-of-central-directory record");
  if (eocd >= 20 && u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR) {
    const z = u64(bytes, eocd - 12);
    if (!(z >= 0 && z + 56 <= eocd - 20) || u32(bytes, z) !== SIG_ZIP64_EOCD)
      fail("TRUNCATED", "ZIP64 end-of-central-directory record is missing or damaged");
    const entriesOnDisk = u64(bytes, z + 24);
    const totalEntries = u64(bytes, z + 32);
    if (
      u32(bytes, eocd - 16) !== 0 ||
      u32(bytes, z + 16) !== 0 ||
      u32(bytes, z + 20) !== 0 ||
      entriesOnDisk !== totalEntries
    ) {
      fail("CORRUPT", "multi-disk zip archive");
    }
    return { totalEntries, cdSize: u64(bytes, z + 40), cdOffset: u64(bytes, z + 48), end: z };
  }
  const totalEntries = u16(bytes, eocd + 10);
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0 || u16(bytes, eocd + 8) !== totalEntries)
    fail("CORRUPT", "multi-disk zip archive");
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (cdOffset === U32_MAX || cdSize === U32_MAX)
    fail("TRUNCATED", "ZIP64 sizes without a ZIP64 end-of-central-directory record");
  return { totalEntries, cdSize, cdOffset, end: eocd };
}

/** Parses the end records and the central directory. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const { totalEntries, cdSize, cdOffset, end } = readDirectoryEnd(bytes);
  if (totalEntries > maxEntries)
    fail("TOO_MANY_ENTRIES", `${totalEntries} zip entries (limit ${maxEntries})`);
  if (!(cdOffset + cdSize <= end)) fail("TRUNCATED", "central directory lies outside the file");

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < totalEntries; k++) {
    if (p + 46 > end || u32(bytes, p) !== SIG_CENTRAL)
      fail("TRUNCATED", `central directory entry ${k} is damaged`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen > end) fail("TRUNCATED", `central directory entry ${k} is damaged`);
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // ZIP64: the fields that overflowed are in the 0x0001 extra field, in this order.
      const x = zip64Extra(bytes, nameEnd, nameEnd + extraLen);
      if (x < 0) fail("CORRUPT", `central directory entry ${k}: ZIP64 sizes without their extra field`);
      let q = x;
      const take = (): number => {
        if (q + 8 > x + u16(bytes, x - 2))
          fail("CORRUPT", `central directory entry ${k}: ZIP64 extra field too short`);
        const v = u64(bytes, q);
        q += 8;
        return v;
      };
      if (uncompressedSize === U32_MAX) uncompressedSize = take();
      if (compressedSize === U32_MAX) compressedSize = take();
      if (localHeaderOffset === U32_MAX) localHeaderOffset = take();
      if (Number.isNaN(uncompressedSize + compressedSize + localHeaderOffset))
        fail("CORRUPT", `central directory entry ${k}: ZIP64 size out of range`);
    }
    // Bit 11: UTF-8 names; otherwise CP437, of which we only ever need the ASCII part names.
    const rawName = bytes.subarray(p + 46, nameEnd);
    // ASCII (the usual case) reads the same either way, and the UTF-8 decoder is the faster one.
    const decoded = ((flags & 0x800) !== 0 || isAscii(rawName) ? utf8 : latin1).decode(rawName);
    // Backslashes (some old writers) and a leading "/" (absolute names) read as the usual part name.
    const slashed = decoded.indexOf("\\") >= 0 ? decoded.replace(/\\/g, "/") : decoded;
    const name = slashed.charCodeAt(0) === 47 ? slashed.replace(/^\/+/, "") : slashed;
    const entry: ZipEntry = { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset };
    entries.push(entry);
    const key = name.toLowerCase();
    // Two parts of one name: readers disagree on which counts (openpyxl and LibreOffice take the
    // last), so the figures we read could differ from those the analyst sees when opening the file.
    if (byName.has(key)) fail("CORRUPT", `central directory entry ${k}: a second part named ${name}`);
    byName.set(key, entry);
    p = nameEnd + extraLen + commentLen;
  }
  return { entries, byName };
}

/** Offset of the data of the ZIP64 extra field (id 0x0001) within extras [from, to), or -1. */
function zip64Extra(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i + 4 <= to) {
    const id = u16(bytes, i);
    const size = u16(bytes, i + 2);
    if (i + 4 + size > to) return -1;
    if (id === ZIP64_EXTRA) return i + 4;
    i += 4 + size;
  }
  return -1;
}

/** Output budget shared by all parts of one read: the reader charges every inflated part to it. */
export interface InflateBudget {
  readonly maxPartBytes: number;
  readonly maxTotalBytes: number;
  used: number;
}

/**
 * Fails with the cap that bound: the part's own, or what was left of the total. (Top-level, not a
 * closure in extractEntry: under tsx every closure made per call is also renamed by a defineProperty.)
 */
function overCap(what: string, budget: InflateBudget, remaining: number): never {
  if (budget.maxPartBytes <= remaining)
    fail("PART_TOO_LARGE", `${what} inflates to more than ${budget.maxPartBytes} bytes`);
  fail("TOTAL_TOO_LARGE", `parts read inflate to more than ${budget.maxTotalBytes} bytes (at ${what})`);
}

/** The entry's stored (compressed) bytes, after checking its local header lies inside the file. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const what = entry.name;
  if ((entry.flags & 1) !== 0) fail("ENCRYPTED", `zip entry ${what} is encrypted`);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length) fail("TRUNCATED", `local header of ${what} lies outside the file`);
  if (u32(bytes, h) !== SIG_LOCAL) fail("CORRUPT", `bad local header for ${what}`);
  // The local header's name/extra lengths may differ from the central directory's: use its own.
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail("TRUNCATED", `data of ${what} lies outside the file`);
  return bytes.subarray(start, end);
}

/** Charges `length` inflated bytes of part `what` to the budget, failing with the cap that binds. */
export function chargeBudget(what: string, budget: InflateBudget, length: number): void {
  const remaining = budget.maxTotalBytes - budget.used;
  if (length > Math.max(0, Math.min(budget.maxPartBytes, remaining))) overCap(what, budget, remaining);
  budget.used += length;
}

/** Inflates an entry's stored bytes (from entryData), enforcing the per-part and running-total caps on the actual output. */
export function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  inflateRaw: InflateRaw,
  budget: InflateBudget,
): Uint8Array {
  const what = entry.name;
  const remaining = budget.maxTotalBytes - budget.used;
  const cap = Math.max(0, Math.min(budget.maxPartBytes, remaining));
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      out = inflateRaw(data, cap, entry.uncompressedSize);
    } catch (e) {
      if (e instanceof InflateLimitError) overCap(what, budget, remaining);
      fail("CORRUPT", `${what} does not inflate: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    fail("CORRUPT", `${what} uses unsupported compression method ${entry.method}`);
  }
  // Do not rely on a custom inflater to have honoured the cap.
  chargeBudget(what, budget, out.length);
  return out;
}

/** Extracts one entry's bytes under the caps. */
export function extractEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflateRaw: InflateRaw,
  budget: InflateBudget,
): Uint8Array {
  return inflateEntry(entryData(bytes, entry), entry, inflateRaw, budget);
}

/**
 * How much raw XML a worksheet may inflate to when its empty formatted rows are dropped, as a
 * multiple of maxPartBytes: a whole sheet of formatted rows (1,048,576 of them, ~100 bytes each) fits.
 */
const COMPACTED_RAW_FACTOR = 4;

/**
 * Like inflateEntry for a worksheet part over the caps: inflates it as a stream, dropping the empty
 * formatted rows (compact-rows.ts), and charges only what is kept. The raw XML is bounded by
 * COMPACTED_RAW_FACTOR × maxPartBytes, so the work stays bounded too.
 */
export function inflateWorksheetCompacting(
  data: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): Uint8Array {
  const what = entry.name;
  const remaining = budget.maxTotalBytes - budget.used;
  const cap = Math.max(0, Math.min(budget.maxPartBytes, remaining));
  if (entry.method !== 0 && entry.method !== 8)
    fail("CORRUPT", `${what} uses unsupported compression method ${entry.method}`);
  let out: Uint8Array;
  try {
    out = inflateCompactingRows(data, entry.method, cap, budget.maxPartBytes * COMPACTED_RAW_FACTOR);
  } catch (e) {
    if (e instanceof KeptLimitError) overCap(what, budget, remaining);
    if (e instanceof InflateLimitError)
      fail("PART_TOO_LARGE", `${what} inflates to more than ${e.maxOutputBytes} bytes`);
    fail("CORRUPT", `${what} does not inflate: ${e instanceof Error ? e.message : String(e)}`);
  }
  chargeBudget(what, budget, out.length);
  return out;
}
