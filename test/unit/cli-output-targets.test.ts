// What an output path names is kept (an automation engineer's cron lines): a link is followed and the
// file it names is written, a pipe or a device is written into instead of replaced by a file, a file
// written again keeps its permissions, and a file its owner made read-only is not replaced.

import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { reportBytes } from "../helpers/report-builder";

const root = mkdtempSync(join(tmpdir(), "kl226-targets-"));
const inbox = join(root, "in");
mkdirSync(inbox);
writeFileSync(join(inbox, "so-a.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
const out = join(root, "out");
mkdirSync(out);

const consolidate = async (...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  const io = capture();
  const code = await main(["consolidate", inbox, ...extra], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};

const isRoot = process.getuid?.() === 0;

test("a link to this period's summary (latest.xlsx → 2026-6T.xlsx) stays a link, and the file it names is written", async () => {
  const dated = join(out, "2026-6T.xlsx");
  expect((await consolidate("--out", dated)).code).toBe(0);
  const before = statSync(dated).ino;
  symlinkSync("2026-6T.xlsx", join(out, "latest.xlsx"));
  symlinkSync("2026-6T.json", join(out, "latest.json")); // names no file yet
  const r = await consolidate("--out", join(out, "latest.xlsx"), "--json", join(out, "latest.json"));
  expect(r.code).toBe(0);
  expect(lstatSync(join(out, "latest.xlsx")).isSymbolicLink()).toBe(true);
  expect(readlinkSync(join(out, "latest.xlsx"))).toBe("2026-6T.xlsx");
  // Written anew (a new file renamed into place), not beside it as latest-moi.xlsx.
  expect(statSync(dated).ino).not.toBe(before);
  expect(readdirSync(out).filter((n) => n.includes("moi"))).toEqual([]);
  expect(lstatSync(join(out, "latest.json")).isSymbolicLink()).toBe(true);
  expect(JSON.parse(readFileSync(join(out, "2026-6T.json"), "utf8")).units).toHaveLength(1);
});

test("a pipe given as --json gets the JSON and stays a pipe (a FIFO, as `mkfifo` makes)", async () => {
  const fifo = join(out, "json.fifo");
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  const reader = spawn("cat", [fifo]);
  let got = "";
  reader.stdout.on("data", (d: Buffer) => void (got += d.toString("utf8")));
  const ended = new Promise((resolve) => reader.on("close", resolve));
  // A pipe replaced by a file leaves the reader waiting for a writer for ever: it is stopped, the test fails.
  const stop = setTimeout(() => reader.kill(), 15_000);
  expect((await consolidate("--out", join(out, "fifo.xlsx"), "--json", fifo)).code).toBe(0);
  await ended;
  clearTimeout(stop);
  expect(lstatSync(fifo).isFIFO()).toBe(true);
  expect(JSON.parse(got).units.map((u: { code: string }) => u.code)).toEqual(["SO_A"]);
});

test("--json /dev/null discards the JSON and leaves /dev/null a device", async () => {
  expect((await consolidate("--out", join(out, "null.xlsx"), "--json", "/dev/null")).code).toBe(0);
  expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  expect(readFileSync("/dev/null", "utf8")).toBe("");
});

test("a summary kept private (600) is still private after the next run", async () => {
  const summary = join(out, "private.xlsx");
  expect((await consolidate("--out", summary)).code).toBe(0);
  chmodSync(summary, 0o600);
  expect((await consolidate("--out", summary)).code).toBe(0);
  expect(statSync(summary).mode & 0o777).toBe(0o600);
});

(isRoot ? test.skip : test)(
  "a summary its owner made read-only is not replaced: said, exit 2 (skipped as root, who may write it)",
  async () => {
    const summary = join(out, "locked.xlsx");
    writeFileSync(summary, "kept");
    chmodSync(summary, 0o444);
    const r = await consolidate("--out", summary);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("không có quyền ghi");
    expect(readFileSync(summary, "utf8")).toBe("kept");
  },
);

test("the letters of 700 units written twice into one folder: the joined file is replaced, not kept as edited beside a new one", async () => {
  // Every letter has its own header and footers: 700 letters in one file are over 2,000 parts, and the
  // check of who last saved it read no more than 2,000 (each re-run added tat-ca-thu-nhac-moi-N.docx).
  const roster = join(root, "roster-700.csv");
  const codes = Array.from({ length: 700 }, (_, i) => `XA_${String(i + 1).padStart(3, "0")}`);
  writeFileSync(
    roster,
    [
      "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
      'SO_A,Sở A,"Sở, ban, ngành"',
      ...codes.map((c) => `${c},Xã ${c},"UBND xã, phường"`),
    ].join("\n"),
  );
  const letters = join(out, "thu-nhac");
  for (const run of [1, 2]) {
    const r = await consolidate("--out", join(out, "letters.xlsx"), "--roster", roster, "--letters", letters);
    expect([run, r.code, r.stderr, r.stdout]).toEqual([run, 0, "", expect.not.stringContaining("-moi")]);
  }
  expect(readdirSync(letters).filter((n) => n.startsWith("tat-ca"))).toEqual(["tat-ca-thu-nhac.docx"]);
  expect(readdirSync(letters).filter((n) => n.endsWith(".docx"))).toHaveLength(701);
}, 120_000);
