// Classifies an OLE2 compound file (CFB): an encrypted OOXML package or a legacy Excel 97–2003 .xls.
import type { UnreadableReason } from "../core/workbook";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function isCfb(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
}

// Password-protected .xlsx files are CFB containers holding these streams (MS-OFFCRYPTO).
const ENCRYPTION_STREAMS = ["EncryptionInfo", "EncryptedPackage"];

/**
 * Looks for the encryption streams among the CFB directory entries. Rather than walk the FAT
 * (which a damaged file can make loop), it checks every 128-byte-aligned slot, which is where
 * directory entries always sit (sectors are 512 or 4096 bytes, entries 128): a slot matches when
 * its UTF-16LE name, its name-length field and its object type (stream) all agree.
 */
export function classifyCfb(bytes: Uint8Array): UnreadableReason {
  const names = ENCRYPTION_STREAMS.map((n) => ({ n, len: (n.length + 1) * 2 }));
  for (let off = 512; off + 128 <= bytes.length; off += 128) {
    const first = bytes[off];
    if (first !== 0x45 /* E */) continue;
    const nameLen = (bytes[off + 64] ?? 0) | ((bytes[off + 65] ?? 0) << 8);
    if (bytes[off + 66] !== 2) continue; // object type 2 = stream
    for (const { n, len } of names) {
      if (nameLen !== len) continue;
      let ok = true;
      for (let i = 0; i < n.length && ok; i++) {
        ok = bytes[off + 2 * i] === n.charCodeAt(i) && bytes[off + 2 * i + 1] === 0;
      }
      if (ok) return "ENCRYPTED";
    }
  }
  return "LEGACY_XLS";
}
