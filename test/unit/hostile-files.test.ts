// Hostile files in a consolidation (issue: reliability and security): each class of bad file is
// rejected as UNREADABLE with its own Vietnamese reason, quickly and in bounded memory, while the
// good files beside it are still accepted; sources are never written, the summary records each
// source's SHA-256, outputs are written atomically and a re-run gives the same summary.

import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { Deflate, strToU8, unzipSync, zipSync } from "fflate";
import { consolidateBytes, type FileBytes } from "../../src/app/consolidate-files";
import { PartMemo } from "../../src/xlsx/read";
import { main, type Io } from "../../src/cli/main";
import { UNREADABLE_MESSAGES } from "../../src/core/findings";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { SUMMARY_SHEETS } from "../../src/core/summary";
import { DEFAULT_READ_LIMITS, type CellValue, type UnreadableReason } from "../../src/core/workbook";
import { createNodeInflateRaw } from "../../src/xlsx/node-inflate";
import { readXlsx } from "../../src/xlsx/read";
import { rawZip, type RawZipEntry } from "../helpers/raw-xlsx";
import { reportBytes } from "../helpers/report-builder";

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const fileBytes = (file: string, bytes: Uint8Array): FileBytes => ({ file, bytes, sha256: sha256(bytes) });

const GOOD_A = reportBytes({ unit: "SO_A", name: "Sở A" });
const GOOD_B = reportBytes({ unit: "XA_B", name: "UBND xã B", type: "UBND_XA" });
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
function zipBomb(megabytes: number, honestSize: boolean): Uint8Array {
  const data = deflatedZeros(megabytes);
  const entries: RawZipEntry[] = Object.entries(goodParts).map(([name, bytes]) =>
    name === TASKS_PART
      ? { name, data, method: 8, declaredSize: honestSize ? megabytes * 1024 * 1024 : 4096, crc: 0 }
      : { name, data: deflateRawSync(bytes), method: 8, declaredSize: bytes.length, crc: crc32(bytes) },
  );
  return rawZip(entries);
}

/** A minimal compound file (CFB) whose directory holds these stream names (as Excel 97 and encrypted OOXML are). */
function cfb(streamNames: readonly string[]): Uint8Array {
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

interface Outcome {
  readonly ms: number;
  readonly heapDelta: number;
  readonly hostile: { readonly findings: ReadonlyArray<{ readonly code: string; readonly message: string }> } | undefined;
  readonly accepted: readonly string[];
}

const inflate = createNodeInflateRaw();

/** Consolidate the hostile file between two good ones, as the CLI does (Node inflater). */
function consolidateWithGood(name: string, bytes: Uint8Array): Outcome {
  const files = [fileBytes("a-good.xlsx", GOOD_A), fileBytes(name, bytes), fileBytes("z-good.xlsx", GOOD_B)];
  const heap0 = process.memoryUsage();
  const t0 = performance.now();
  const c = consolidateBytes(files, { profile: DEFAULT_PROFILE, decoder: { inflateRaw: inflate, memo: new PartMemo() } });
  const ms = performance.now() - t0;
  const heap1 = process.memoryUsage();
  const heapDelta = heap1.heapUsed + heap1.arrayBuffers - (heap0.heapUsed + heap0.arrayBuffers);
  return { ms, heapDelta, hostile: c.rejected.find((r) => r.file === name), accepted: c.units.map((u) => u.code) };
}

const TIME_BOUND_MS = 3000;

const cases: ReadonlyArray<readonly [string, string, () => Uint8Array, UnreadableReason]> = [
  ["a zip bomb (a part inflating to 200 MB of zeros, size declared honestly)", "bom.xlsx", () => zipBomb(200, true), "PART_TOO_LARGE"],
  ["a zip bomb that lies about its size (declares 4 KB, inflates to 200 MB)", "bom-gia.xlsx", () => zipBomb(200, false), "PART_TOO_LARGE"],
  ["a truncated zip (download cut in half)", "cut.xlsx", () => GOOD_A.slice(0, GOOD_A.length >> 1), "TRUNCATED"],
  ["an encrypted workbook (CFB with EncryptionInfo)", "mat-khau.xlsx", () => cfb(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]), "ENCRYPTED"],
  ["a legacy .xls (CFB without EncryptionInfo)", "cu.xlsx", () => cfb(["Workbook", "\u0005SummaryInformation"]), "LEGACY_XLS"],
  ["a CSV renamed .xlsx", "csv.xlsx", () => strToU8("MA_DON_VI;TEN_DON_VI\nSO_C;Sở C\n"), "TEXT_FILE"],
  ["an HTML page renamed .xlsx", "html.xlsx", () => strToU8('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table><tr><td>Sở C</td></tr></table></body></html>'), "TEXT_FILE"],
  [
    "an .xlsm (macro-enabled content type)",
    "macro.xlsx",
    () => {
      const ct = new TextDecoder().decode(goodParts["[Content_Types].xml"]).replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
      return zipSync({ ...goodParts, "[Content_Types].xml": strToU8(ct) });
    },
    "MACRO_ENABLED",
  ],
  ["a Nhiệm vụ sheet with 1,000,000 rows", "trieu-dong.xlsx", () => withTasksSheet(millionRows(), 1), "TOO_MANY_ROWS"],
  [
    "a cell holding a string over 32,767 characters",
    "chuoi-dai.xlsx",
    () => withTasksSheet(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"á".repeat(DEFAULT_READ_LIMITS.maxStringLength + 1)}</t></is></c></row></sheetData></worksheet>`),
    "STRING_TOO_LONG",
  ],
];

describe("hostile files are rejected with their Vietnamese reason, quickly, and the good files are still accepted", () => {
  test.each(cases)("%s", (_label, name, build, reason) => {
    const bytes = build();
    const out = consolidateWithGood(name, bytes);
    expect(out.hostile?.findings).toEqual([expect.objectContaining({ code: "UNREADABLE", message: UNREADABLE_MESSAGES[reason] })]);
    expect(out.accepted).toEqual(["SO_A", "XA_B"]);
    expect(out.ms).toBeLessThan(TIME_BOUND_MS);
    if (name.startsWith("bom")) expect(out.heapDelta).toBeLessThan(200 * 1024 * 1024);
    console.log(`${name} (${bytes.length} bytes): ${reason} in ${out.ms.toFixed(0)} ms, heap+buffers delta ${(out.heapDelta / 1048576).toFixed(1)} MB`);
  }, 30_000);

  test("the zip bomb is also stopped by the browser's inflater (fflate) within the bound", () => {
    const bytes = zipBomb(200, false);
    const t0 = performance.now();
    const read = readXlsx(bytes);
    expect(performance.now() - t0).toBeLessThan(TIME_BOUND_MS);
    expect(read).toMatchObject({ ok: false, reason: "PART_TOO_LARGE" });
  }, 30_000);
});

// ---- the CLI on temp files: sources untouched, hashes recorded, atomic output, identical re-run ----

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", isErrTty: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const root = mkdtempSync(join(tmpdir(), "kl226-hostile-"));
const inDir = join(root, "in");
mkdirSync(inDir);
const inputs: Record<string, Uint8Array> = {
  "a-good.xlsx": GOOD_A,
  "b-truncated.xlsx": GOOD_A.slice(0, GOOD_A.length >> 1),
  "c-legacy.xlsx": cfb(["Workbook"]),
  "d-csv.xlsx": strToU8("a;b\n1;2\n"),
  "z-good.xlsx": GOOD_B,
};
for (const [f, b] of Object.entries(inputs)) writeFileSync(join(inDir, f), b);
const hashInputs = (): Record<string, string> => Object.fromEntries(Object.keys(inputs).map((f) => [f, sha256(new Uint8Array(readFileSync(join(inDir, f))))]));

/** Every cell of every sheet of a workbook, read back with the project's reader. */
function cells(path: string): Array<readonly [string, number, number, CellValue]> {
  const read = readXlsx(new Uint8Array(readFileSync(path)));
  if (!read.ok) throw new Error(`summary unreadable: ${read.reason}`);
  const out: Array<readonly [string, number, number, CellValue]> = [];
  for (const s of read.workbook.sheets) s.rows.forEach((row, r) => row?.forEach((c, col) => c && out.push([s.name, r, col, c.value])));
  return out;
}

describe("kl226 consolidate with hostile files among the inputs", () => {
  test("sources are never written, the Nguồn sheet and JSON record each source's SHA-256, a re-run gives the same summary", async () => {
    const before = hashInputs();
    const run = async (n: number): Promise<{ code: number; io: ReturnType<typeof capture>; out: string; json: string }> => {
      const io = capture();
      const out = join(root, `out${n}`, "tong-hop.xlsx");
      const json = join(root, `out${n}`, "tong-hop.json");
      const code = await main(["consolidate", inDir, "--out", out, "--json", json, "--period", "6T", "--year", "2026"], io);
      return { code, io, out, json };
    };
    const first = await run(1);
    expect(first.code).toBe(1); // some files rejected
    expect(hashInputs()).toEqual(before);
    expect(readdirSync(inDir).sort()).toEqual(Object.keys(inputs).sort());

    const sources = cells(first.out).filter(([sheet]) => sheet === SUMMARY_SHEETS.sources);
    for (const [f, hash] of Object.entries(before)) {
      expect(sources.some(([, , , v]) => v.kind === "string" && v.value === hash)).toBe(true);
      expect(sources.some(([, , , v]) => v.kind === "string" && v.value.endsWith(f))).toBe(true);
    }
    // The JSON report carries the SHA-256 of each accepted unit's file.
    const report = JSON.parse(readFileSync(first.json, "utf8")) as { units: Array<{ file: string; sha256: string }> };
    expect(Object.fromEntries(report.units.map((u) => [u.file.split(/[\\/]/).pop(), u.sha256]))).toEqual({
      "a-good.xlsx": before["a-good.xlsx"],
      "z-good.xlsx": before["z-good.xlsx"],
    });

    const second = await run(2);
    expect(second.code).toBe(1);
    expect(hashInputs()).toEqual(before);
    expect(cells(second.out)).toEqual(cells(first.out));
    expect(readFileSync(second.json, "utf8")).toBe(readFileSync(first.json, "utf8"));
  });

  test("an output path that is an existing directory: Vietnamese message, exit 2, no partial or temporary file", async () => {
    const outDir = join(root, "dir-target");
    const target = join(outDir, "tong-hop.xlsx");
    mkdirSync(target, { recursive: true });
    const io = capture();
    const code = await main(["consolidate", join(inDir, "a-good.xlsx"), "--out", target], io);
    expect(code).toBe(2);
    expect(io.stderr).toContain("Không ghi được");
    expect(io.stderr).not.toContain("Lỗi nội bộ");
    expect(readdirSync(outDir)).toEqual(["tong-hop.xlsx"]);
    expect(readdirSync(target)).toEqual([]);
  });

  test("an output folder that cannot be written (read-only): Vietnamese message, exit 2, nothing left behind", async () => {
    const ro = join(root, "read-only");
    mkdirSync(ro);
    // root ignores permission bits: make the folder immutable instead when running as root.
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    const lock = (on: boolean): boolean => {
      try {
        if (isRoot) execFileSync("chattr", [on ? "+i" : "-i", ro], { stdio: "ignore" });
        else chmodSync(ro, on ? 0o555 : 0o755);
        return true;
      } catch {
        return false;
      }
    };
    if (!lock(true)) {
      console.log("Cannot make a folder read-only here (chattr unavailable as root): read-only check skipped.");
      return;
    }
    try {
      const io = capture();
      const code = await main(["consolidate", join(inDir, "a-good.xlsx"), "--out", join(ro, "tong-hop.xlsx"), "--json", join(ro, "tong-hop.json")], io);
      expect(code).toBe(2);
      expect(io.stderr).toContain("Không ghi được");
      expect(io.stderr).toMatch(/chưa có gì (được ghi|bị ghi dở)/);
    } finally {
      lock(false);
    }
    expect(readdirSync(ro)).toEqual([]);
  });

  test("a read-only existing summary file is replaced whole or not at all", async () => {
    const dir = join(root, "ro-file");
    mkdirSync(dir);
    const target = join(dir, "tong-hop.xlsx");
    writeFileSync(target, "old summary");
    chmodSync(target, 0o444);
    const io = capture();
    const code = await main(["consolidate", join(inDir, "a-good.xlsx"), "--out", target], io);
    // Rename over a read-only file is allowed by POSIX when the folder is writable: the new summary replaces it whole.
    expect(code).toBe(0);
    expect(readdirSync(dir)).toEqual(["tong-hop.xlsx"]);
    expect(readXlsx(new Uint8Array(readFileSync(target))).ok).toBe(true);
  });
});
