// The command when its output goes away: a reader that leaves early (`kl226 validate bao-cao/ | head`)
// costs nothing but the rest of the printout — no Node stack trace, the command's own exit code, and
// consolidate still writes its summary — while a write that fails otherwise (a full disk under
// `> ket-qua.json`) is said in Vietnamese and exits with 2.

import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { testUnless } from "../helpers/conditions";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin", "kl226.js");
const SAMPLES = join(ROOT, "samples", "2026-6T");
const dir = mkdtempSync(join(tmpdir(), "kl226-output-gone-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command with its stdout a pipe whose reader has already left; resolves with its code and stderr. */
function withReaderGone(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.on("error", failed);
    child.on("close", (code) => done({ code, stderr }));
  });
}

test("consolidate whose reader has left still writes the same summary, exits with its own code, and prints no stack", async () => {
  const read = spawnSync(process.execPath, [BIN, "consolidate", SAMPLES, "--out", join(dir, "read.xlsx")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(read.stdout).toContain("Bảng tổng hợp:");
  const gone = await withReaderGone(["consolidate", SAMPLES, "--out", join(dir, "gone.xlsx")]);
  expect(gone.stderr).toBe("");
  expect(gone.code).toBe(read.status);
  expect(readFileSync(join(dir, "gone.xlsx")).equals(readFileSync(join(dir, "read.xlsx")))).toBe(true);
}, 60_000);

test("validate and --help whose reader has left exit with their own codes and print nothing on stderr", async () => {
  const validate = await withReaderGone(["validate", SAMPLES]);
  expect(validate).toEqual({ code: 1, stderr: "" });
  expect(await withReaderGone(["--help"])).toEqual({ code: 0, stderr: "" });
}, 60_000);

testUnless(
  existsSync("/dev/full") ? undefined : "no /dev/full (a device that is always full) on this machine",
)(
  "a result that cannot be written (a full disk) is said in Vietnamese on stderr, and the command exits with 2",
  () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [BIN, "validate", "--json", SAMPLES], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", full, "pipe"],
      });
      expect(r.stderr).toBe(
        "Không ghi được kết quả của lệnh: ổ đĩa đã đầy; hãy giải phóng chỗ trống hoặc ghi sang ổ khác.\n",
      );
      expect(r.status).toBe(2);
      // A failed stderr (here `kl226` alone, whose command list goes there) is never told on stdout,
      // which may be a report a script reads.
      const quiet = spawnSync(process.execPath, [BIN], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", full],
      });
      expect(quiet.stdout).toBe("");
      expect(quiet.status).toBe(2);
    } finally {
      closeSync(full);
    }
  },
  60_000,
);

testUnless(
  existsSync("/dev/full") ? undefined : "no /dev/full (a device that is always full) on this machine",
)(
  "consolidate whose printout cannot be written names the summary and JSON it wrote, whole (exit 2 otherwise reads as nothing written)",
  () => {
    const full = openSync("/dev/full", "w");
    try {
      const out = join(dir, "full-stdout.xlsx");
      const json = join(dir, "full-stdout.json");
      const r = spawnSync(process.execPath, [BIN, "consolidate", SAMPLES, "--out", out, "--json", json], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", full, "pipe"],
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        "Không ghi được kết quả của lệnh: ổ đĩa đã đầy; hãy giải phóng chỗ trống hoặc ghi sang ổ khác.\n" +
          `Các tệp đã ghi xong và dùng được: ${out}, ${json}.\n`,
      );
      expect(JSON.parse(readFileSync(json, "utf8")).units.length).toBeGreaterThan(0);
    } finally {
      closeSync(full);
    }
  },
  60_000,
);

/** `consolidate` of the samples with the roster, the summary and the JSON as `<name>.xlsx`/`.json`, and `extra`. */
async function consolidateSamples(name: string, extra: readonly string[]) {
  const { main } = await import("../../src/cli/main");
  const { capture } = await import("../helpers/cli-io");
  const out = join(dir, `${name}.xlsx`);
  const json = join(dir, `${name}.json`);
  const roster = join(ROOT, "samples", "roster.csv");
  const io = capture();
  const code = await main(
    ["consolidate", SAMPLES, "--out", out, "--json", json, "--roster", roster, ...extra],
    io,
  );
  return { code, stderr: io.stderr, out, json };
}

test("an output that cannot be written after others were says which were written (exit 2 no longer reads as nothing written)", async () => {
  const { mkdirSync } = await import("node:fs");
  // The report there was edited (any .docx KL226 did not write), so the new one goes beside it, where
  // a folder stands: found only when the report is written, after the summary and the JSON.
  const report = join(dir, "partial-report.docx");
  writeFileSync(report, "báo cáo đã sửa");
  mkdirSync(join(dir, "partial-report-moi.docx"), { recursive: true });
  const { code, stderr, out, json } = await consolidateSamples("partial", ["--report", report]);
  expect(code).toBe(2);
  expect(stderr).toContain("partial-report-moi.docx: đã có một thư mục trùng tên.");
  expect(stderr).toContain(`Đã ghi xong trước đó: ${out}, ${json}.`);
  expect(existsSync(out) && existsSync(json)).toBe(true);
}, 60_000);

test("a folder where a letter must go is refused before anything is written (a tester found 23 letters written beside it)", async () => {
  const { mkdirSync, readdirSync, statSync } = await import("node:fs");
  const letters = join(dir, "blocked-letters");
  // The file of all letters, written after every unit's letter, has a folder in its place.
  mkdirSync(join(letters, "tat-ca-thu-nhac.docx"), { recursive: true });
  const { code, stderr, out, json } = await consolidateSamples("blocked", ["--letters", letters]);
  expect(code).toBe(2);
  expect(stderr).toContain(
    `Không ghi được thư nhắc: ${join(letters, "tat-ca-thu-nhac.docx")} là một thư mục. Đổi tên hoặc chuyển thư mục đó rồi chạy lại; chưa có gì được ghi.`,
  );
  expect(existsSync(out) || existsSync(json)).toBe(false);
  expect(readdirSync(letters).filter((n) => !statSync(join(letters, n)).isDirectory())).toEqual([]);
}, 60_000);
