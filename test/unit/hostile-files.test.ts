// Hostile files in a consolidation (issue: reliability and security): each class of bad file is
// rejected as UNREADABLE with its own Vietnamese reason, while the good files beside it are still
// accepted; sources are never written, the summary records each source's SHA-256, outputs are
// written atomically and a re-run gives the same summary. How fast and in how much memory each is
// stopped is measured by `npm run bench` (scripts/bench-bounds.ts), not asserted here.

import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8 } from "fflate";
import { consolidateBytes, type FileBytes } from "../../src/app/consolidate-files";
import { PartMemo } from "../../src/xlsx/read";
import { main } from "../../src/cli/main";
import { UNREADABLE_AT_MESSAGES, UNREADABLE_MESSAGES } from "../../src/core/findings";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { SUMMARY_SHEETS } from "../../src/core/catalogue";
import type { CellValue } from "../../src/core/workbook";
import { createNodeInflateRaw } from "../../src/xlsx/node-inflate";
import { readXlsx } from "../../src/xlsx/read";
import { FOLDER_LOCK_UNAVAILABLE, lockFolder, testUnless } from "../helpers/conditions";
import { GOOD_A, GOOD_B, HOSTILE_CASES, cfb, zipBomb } from "../helpers/hostile-files";
import { capture } from "../helpers/cli-io";

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const fileBytes = (file: string, bytes: Uint8Array): FileBytes => ({ file, bytes, sha256: sha256(bytes) });

interface Outcome {
  readonly hostile:
    { readonly findings: ReadonlyArray<{ readonly code: string; readonly message: string }> } | undefined;
  readonly accepted: readonly string[];
}

const inflate = createNodeInflateRaw();

/** Consolidate the hostile file between two good ones, as the CLI does (Node inflater). */
function consolidateWithGood(name: string, bytes: Uint8Array): Outcome {
  const files = [fileBytes("a-good.xlsx", GOOD_A), fileBytes(name, bytes), fileBytes("z-good.xlsx", GOOD_B)];
  const c = consolidateBytes(files, {
    profile: DEFAULT_PROFILE,
    decoder: { inflateRaw: inflate, memo: new PartMemo() },
  });
  return { hostile: c.rejected.find((r) => r.file === name), accepted: c.units.map((u) => u.code) };
}

/** Text named .xlsx is named for what its first characters show, not by its reason's words alone. */
const TEXT_RENAMED: Readonly<Record<string, string>> = {
  "csv.xlsx":
    "Tệp là văn bản CSV (chữ và số cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu tab) được đổi đuôi thành .xlsx. Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.",
  "html.xlsx":
    "Tệp là trang web (HTML) được đổi đuôi thành .xlsx. Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.",
};

describe("hostile files are rejected with their Vietnamese reason, and the good files are still accepted", () => {
  test.each(HOSTILE_CASES)(
    "%s",
    (_label, name, build, reason) => {
      const out = consolidateWithGood(name, build());
      expect(out.hostile?.findings).toEqual([
        // A reason tied to one cell is said with it (the finding names its sheet and cell).
        expect.objectContaining({
          code: "UNREADABLE",
          message: TEXT_RENAMED[name] ?? UNREADABLE_AT_MESSAGES[reason] ?? UNREADABLE_MESSAGES[reason],
        }),
      ]);
      expect(out.accepted).toEqual(["SO_A", "XA_B"]);
    },
    60_000,
  );

  test("the zip bomb is also stopped by the browser's inflater (fflate)", () => {
    expect(readXlsx(zipBomb(200, false))).toMatchObject({ ok: false, reason: "PART_TOO_LARGE" });
  }, 60_000);
});

// ---- the CLI on temp files: sources untouched, hashes recorded, atomic output, identical re-run ----

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
const hashInputs = (): Record<string, string> =>
  Object.fromEntries(
    Object.keys(inputs).map((f) => [f, sha256(new Uint8Array(readFileSync(join(inDir, f))))]),
  );

/** Every cell of every sheet of a workbook, read back with the project's reader. */
function cells(path: string): Array<readonly [string, number, number, CellValue]> {
  const read = readXlsx(new Uint8Array(readFileSync(path)));
  if (!read.ok) throw new Error(`summary unreadable: ${read.reason}`);
  const out: Array<readonly [string, number, number, CellValue]> = [];
  for (const s of read.workbook.sheets)
    s.rows.forEach((row, r) => row?.forEach((c, col) => c && out.push([s.name, r, col, c.value])));
  return out;
}

describe("kl226 consolidate with hostile files among the inputs", () => {
  test("sources are never written, the Nguồn sheet and JSON record each source's SHA-256, a re-run gives the same summary", async () => {
    const before = hashInputs();
    const run = async (
      n: number,
    ): Promise<{ code: number; io: ReturnType<typeof capture>; out: string; json: string }> => {
      const io = capture();
      const out = join(root, `out${n}`, "tong-hop.xlsx");
      const json = join(root, `out${n}`, "tong-hop.json");
      const code = await main(
        ["consolidate", inDir, "--out", out, "--json", json, "--period", "6T", "--year", "2026"],
        io,
      );
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
    const report = JSON.parse(readFileSync(first.json, "utf8")) as {
      units: Array<{ file: string; sha256: string }>;
    };
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

  testUnless(FOLDER_LOCK_UNAVAILABLE)(
    "an output folder that cannot be written (read-only): Vietnamese message, exit 2, nothing left behind",
    async () => {
      const ro = join(root, "read-only");
      mkdirSync(ro);
      if (!lockFolder(ro, true)) throw new Error(`cannot lock ${ro}, though the probe could`);
      try {
        const io = capture();
        const code = await main(
          [
            "consolidate",
            join(inDir, "a-good.xlsx"),
            "--out",
            join(ro, "tong-hop.xlsx"),
            "--json",
            join(ro, "tong-hop.json"),
          ],
          io,
        );
        expect(code).toBe(2);
        expect(io.stderr).toContain("Không ghi được");
        expect(io.stderr).toMatch(/chưa có gì (được ghi|bị ghi dở)/);
      } finally {
        lockFolder(ro, false);
      }
      expect(readdirSync(ro)).toEqual([]);
    },
  );

  test("a read-only existing summary file is replaced whole or not at all", async () => {
    const dir = join(root, "ro-file");
    mkdirSync(dir);
    const target = join(dir, "tong-hop.xlsx");
    const args = ["consolidate", join(inDir, "a-good.xlsx"), "--out", target];
    expect(await main(args, capture())).toBe(0);
    const before = readFileSync(target);
    chmodSync(target, 0o444);
    const code = await main([...args.slice(0, 1), join(inDir, "z-good.xlsx"), ...args.slice(2)], capture());
    // Rename over a read-only file is allowed by POSIX when the folder is writable: the new summary replaces it whole.
    expect(code).toBe(0);
    expect(readdirSync(dir)).toEqual(["tong-hop.xlsx"]);
    expect(readXlsx(new Uint8Array(readFileSync(target))).ok).toBe(true);
    expect(readFileSync(target).equals(before)).toBe(false);
  });

  test("a summary name as long as the file system allows is written (its temporary file's name was longer, and failed)", async () => {
    const dir = join(root, "long-name");
    mkdirSync(dir);
    const target = join(dir, `${"bao-cao-tong-hop-".repeat(14)}ky-6-thang.xlsx`); // 253 characters
    expect(await main(["consolidate", join(inDir, "a-good.xlsx"), "--out", target], capture())).toBe(0);
    expect(readdirSync(dir)).toEqual([`${"bao-cao-tong-hop-".repeat(14)}ky-6-thang.xlsx`]);
  });

  test("a file at --out that is not a summary KL226 wrote (someone's own workbook of that name) is kept; the summary goes beside it", async () => {
    const dir = join(root, "not-ours");
    mkdirSync(dir);
    const target = join(dir, "tong-hop.xlsx");
    writeFileSync(target, "a workbook of the analyst's");
    const io = capture();
    expect(await main(["consolidate", join(inDir, "a-good.xlsx"), "--out", target], io)).toBe(0);
    expect(readFileSync(target, "utf8")).toBe("a workbook of the analyst's");
    expect(readdirSync(dir).sort()).toEqual(["tong-hop-moi.xlsx", "tong-hop.xlsx"]);
    expect(io.stderr).toContain("Giữ nguyên tong-hop.xlsx");
  });
});
