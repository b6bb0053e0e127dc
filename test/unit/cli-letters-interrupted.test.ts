// A run stopped while it replaces the letters in --letters DIR: Ctrl+C (SIGINT) ended Node between two
// letters, and the folder held old and new letters mixed until a re-run. Now the signal waits for the
// whole new set; what no process can wait for (kill -9, a power cut) is said by the folder's record,
// and the next run says it and removes what it does not need, duplicating nothing.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { describeUnless } from "../helpers/conditions";
import { reportBytes } from "../helpers/report-builder";

const BIN = join(__dirname, "..", "..", "bin", "kl226.js");
const root = mkdtempSync(join(tmpdir(), "kl226-letters-stopped-"));
const inbox = join(root, "in");
mkdirSync(inbox);
writeFileSync(join(inbox, "SO_A.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
// 400 communes that have not sent: 400 letters, written in about half a second, the window a
// Ctrl+C falls in.
const roster = join(root, "ds.csv");
const codes = Array.from({ length: 400 }, (_, i) => `XA_${String(i + 1).padStart(3, "0")}`);
writeFileSync(
  roster,
  [
    "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
    'SO_A,Sở A,"Sở, ban, ngành"',
    ...codes.map((c) => `${c},Xã ${c},UBND_XA`),
  ].join("\n"),
);
const args = (letters: string, date: string): string[] => [
  "consolidate",
  inbox,
  "--out",
  join(root, `${date.replace(/\//g, "-")}.xlsx`),
  "--roster",
  roster,
  "--letters",
  letters,
  "--letter-date",
  date,
];

const docx = (dir: string): string[] =>
  readdirSync(dir)
    .filter((n) => n.endsWith(".docx"))
    .sort();
const hashes = (dir: string): Map<string, string> =>
  new Map(
    docx(dir).map((n) => [
      n,
      createHash("sha256")
        .update(readFileSync(join(dir, n)))
        .digest("hex"),
    ]),
  );

/** Letters written by a run in-process, dated `date`: the folder's set before the run that is stopped. */
async function lettersOf(dir: string, date: string): Promise<Map<string, string>> {
  const io = capture();
  expect([await main(args(dir, date), io), io.stderr]).toEqual([0, ""]);
  return hashes(dir);
}

/**
 * The command run in a child process with the letters dated `date`, sent `signal` as soon as the
 * first letter in `dir` is replaced (a letter newer than the run's start, or a letter being written).
 */
function stoppedWhileWriting(
  dir: string,
  date: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sent: boolean }> {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(process.execPath, [BIN, ...args(dir, date)], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    let sent = false;
    const watch = setInterval(() => {
      if (sent) return;
      const writing = readdirSync(dir).some(
        (n) =>
          /^\.XA_\d+\.docx\.\d+\.tmp$/.test(n) ||
          (n.endsWith(".docx") && (statSync(join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0) > start),
      );
      if (writing) sent = child.kill(signal);
    }, 1);
    child.on("exit", (code, ended) => {
      clearInterval(watch);
      resolve({ code, signal: ended, stderr, sent });
    });
  });
}

describeUnless(process.platform === "win32" ? "signals are POSIX's" : undefined)(
  "letters of a stopped run",
  () => {
    test("Ctrl+C while the letters are replaced: the whole new set is written, then the run ends by the signal, saying so", async () => {
      const dir = join(root, "thu-ctrl-c");
      const before = await lettersOf(dir, "01/07/2026");
      expect(before.size).toBe(401);
      const r = await stoppedWhileWriting(dir, "15/07/2026", "SIGINT");
      expect([r.sent, r.code, r.signal]).toEqual([true, null, "SIGINT"]);
      expect(r.stderr).toContain(
        `Đã nhận lệnh dừng (Ctrl+C) trong lúc ghi thư nhắc: KL226 ghi xong cả bộ thư nhắc mới vào ${dir} rồi mới dừng, để thư mục không lẫn thư cũ với thư mới.`,
      );
      // Every letter is this run's (the date differs in each), none the run before's; none half-written.
      const after = hashes(dir);
      expect([...after.keys()]).toEqual([...before.keys()]);
      expect([...after].filter(([n, h]) => before.get(n) === h).map(([n]) => n)).toEqual([]);
      expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
      expect(JSON.parse(readFileSync(join(dir, ".kl226-thu-nhac.json"), "utf8")).incomplete).toBeUndefined();
    }, 120_000);

    test("kill -9 while the letters are replaced: the record says the set is incomplete, and the next run says so and writes the whole set once", async () => {
      const dir = join(root, "thu-kill");
      const before = await lettersOf(dir, "01/07/2026");
      const r = await stoppedWhileWriting(dir, "15/07/2026", "SIGKILL");
      expect([r.sent, r.signal]).toEqual([true, "SIGKILL"]);
      expect(JSON.parse(readFileSync(join(dir, ".kl226-thu-nhac.json"), "utf8")).incomplete).toBe(true);
      const io = capture();
      expect(await main(args(dir, "15/07/2026"), io)).toBe(0);
      expect(io.stdout).toContain(
        `  Lưu ý: lần chạy trước đã dừng giữa chừng khi đang ghi thư nhắc vào ${dir} (máy tắt, tiến trình bị dừng hẳn, hoặc hết chỗ trống), nên thư trong đó lẫn thư của hai lần chạy; lần này đã thay bằng cả bộ thư mới.`,
      );
      // One letter a unit, none beside another ("-moi"), all this run's.
      const after = hashes(dir);
      expect([...after.keys()]).toEqual([...before.keys()]);
      expect([...after].filter(([n, h]) => before.get(n) === h)).toEqual([]);
      expect(JSON.parse(readFileSync(join(dir, ".kl226-thu-nhac.json"), "utf8")).incomplete).toBeUndefined();
      // A run after it has nothing to say.
      const again = capture();
      expect(await main(args(dir, "15/07/2026"), again)).toBe(0);
      expect(again.stdout).not.toContain("dừng giữa chừng");
    }, 120_000);
  },
);
