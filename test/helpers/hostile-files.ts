// Test helper: the hostile files of a province's inbox, built in code (zip bombs, truncated and
// encrypted files, legacy .xls, text renamed .xlsx, .xlsm, a million rows, a string over Excel's
// limit), each with the reason the reader must give. Shared by test/unit/hostile-files.test.ts
// (the reasons) and scripts/bench-bounds.ts (how fast, in how much memory).
import { crc32, deflateRawSync } from "node:zlib";
import { Deflate, strToU8, unzipSync, zipSync } from "fflate";
import { DEFAULT_READ_LIMITS, type UnreadableReason } from "../../src/core/workbook";
import { rawZip, type RawZipEntry } from "./raw-xlsx";
import { reportBytes } from "./report-builder";

export const GOOD_A = reportBytes({ unit: "SO_A", name: "Sở A" });
export const GOOD_B = reportBytes({ unit: "XA_B", name: "UBND xã B", type: "UBND_XA" });
const TASKS_PART = "xl/worksheets/sheet3.xml"; // the "Nhiệm vụ" sheet of a report written by the template
const goodParts = unzipSync(GOOD_A);
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A real report of unit code `unit` whose Nhiệm vụ sheet is replaced by `xml`. */
function withTasksSheet(xml: string, level: 0 | 1 | 6 = 6): Uint8Array {
  return zipSync({ ...goodParts, [TASKS_PART]: strToU8(xml) }, { level });
}

const bombs = new Map<number, Uint8Array>();

/** Raw DEFLATE of `megabytes` MB of zeros (streamed: never held inflated; built once per size). */
function deflatedZeros(megabytes: number): Uint8Array {
  const cached = bombs.get(megabytes);
  if (cached) return cached;
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (c) => chunks.push(c));
  const mb = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) d.push(mb, i === megabytes - 1);
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    data.set(c, p);
    p += c.length;
  }
  bombs.set(megabytes, data);
  return data;
}

/** A real report whose Nhiệm vụ part is `megabytes` MB of zeros, deflated. */
export function zipBomb(megabytes: number, honestSize: boolean): Uint8Array {
  const data = deflatedZeros(megabytes);
  const entries: RawZipEntry[] = Object.entries(goodParts).map(([name, bytes]) =>
    name === TASKS_PART
      ? { name, data, method: 8, declaredSize: honestSize ? megabytes * 1024 * 1024 : 4096, crc: 0 }
      : { name, data: deflateRawSync(bytes), method: 8, declaredSize: bytes.length, crc: crc32(bytes) },
  );
  return rawZip(entries);
}

/** A minimal compound file (CFB) whose directory holds these stream names (as Excel 97 and encrypted OOXML are). */
export function cfb(streamNames: readonly string[]): Uint8Array {
  const b = new Uint8Array(512 * 4);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  b[0x1e] = 9;
  ["Root Entry", ...streamNames].forEach((name, k) => {
    const off = 512 + 128 * k;
    for (let i = 0; i < name.length; i++) b[off + 2 * i] = name.charCodeAt(i);
    b[off + 64] = (name.length + 1) * 2;
    b[off + 66] = k === 0 ? 5 : 2;
  });
  return b;
}

function millionRows(): string {
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${row.repeat(1_000_000)}</sheetData></worksheet>`;
}

export type HostileCase = readonly [
  label: string,
  file: string,
  build: () => Uint8Array,
  reason: UnreadableReason,
];

export const HOSTILE_CASES: readonly HostileCase[] = [
  [
    "a zip bomb (a part inflating to 200 MB of zeros, size declared honestly)",
    "bom.xlsx",
    () => zipBomb(200, true),
    "PART_TOO_LARGE",
  ],
  [
    "a zip bomb that lies about its size (declares 4 KB, inflates to 200 MB)",
    "bom-gia.xlsx",
    () => zipBomb(200, false),
    "PART_TOO_LARGE",
  ],
  [
    "a truncated zip (download cut in half)",
    "cut.xlsx",
    () => GOOD_A.slice(0, GOOD_A.length >> 1),
    "TRUNCATED",
  ],
  [
    "an encrypted workbook (CFB with EncryptionInfo)",
    "mat-khau.xlsx",
    () => cfb(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]),
    "ENCRYPTED",
  ],
  [
    "a legacy .xls (CFB without EncryptionInfo)",
    "cu.xlsx",
    () => cfb(["Workbook", "\u0005SummaryInformation"]),
    "LEGACY_XLS",
  ],
  ["a CSV renamed .xlsx", "csv.xlsx", () => strToU8("MA_DON_VI;TEN_DON_VI\nSO_C;Sở C\n"), "TEXT_FILE"],
  [
    "an HTML page renamed .xlsx",
    "html.xlsx",
    () =>
      strToU8(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table><tr><td>Sở C</td></tr></table></body></html>',
      ),
    "TEXT_FILE",
  ],
  [
    "an .xlsm (macro-enabled content type)",
    "macro.xlsx",
    () => {
      const ct = new TextDecoder()
        .decode(goodParts["[Content_Types].xml"])
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        );
      return zipSync({ ...goodParts, "[Content_Types].xml": strToU8(ct) });
    },
    "MACRO_ENABLED",
  ],
  [
    "a Nhiệm vụ sheet with 1,000,000 rows",
    "trieu-dong.xlsx",
    () => withTasksSheet(millionRows(), 1),
    "TOO_MANY_ROWS",
  ],
  [
    "a cell holding a string over 32,767 characters",
    "chuoi-dai.xlsx",
    () =>
      withTasksSheet(
        `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"á".repeat(DEFAULT_READ_LIMITS.maxStringLength + 1)}</t></is></c></row></sheetData></worksheet>`,
      ),
    "STRING_TOO_LONG",
  ],
];
