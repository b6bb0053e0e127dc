// A run on one checking thread with 2 cores starts Node again with one V8 pool thread
// (src/cli/pool-threads.ts): the decision, the restart's exit code and signals, and the installed
// command giving the same output and exit code whether it restarted or not.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { KL226_SET } from "../../scripts/bench-sets";
import {
  endAs,
  ONE_POOL_THREAD_MIN_FILES,
  runWithOnePoolThread,
  wantsOnePoolThread,
  type PoolChoice,
} from "../../src/cli/pool-threads";
import { checkout } from "../helpers/checkout";

const ROOT = resolve(__dirname, "../..");
const root = mkdtempSync(join(tmpdir(), "kl226-pool-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const choice = (c: Partial<PoolChoice>): PoolChoice => ({
  files: 1000,
  cores: 2,
  threads: 1,
  execArgv: [],
  nodeOptions: "",
  ...c,
});

test("restarts for a one-thread run of 100+ files on 2 cores, and only then", () => {
  expect(ONE_POOL_THREAD_MIN_FILES).toBe(100);
  expect(wantsOnePoolThread(choice({}))).toBe(true);
  expect(wantsOnePoolThread(choice({ files: 100, cores: 1 }))).toBe(true);
  // Too few files for a second start-up to pay.
  expect(wantsOnePoolThread(choice({ files: 99 }))).toBe(false);
  // Two checking threads (2,000+ files on 2 cores) or more cores: left as Node starts.
  expect(wantsOnePoolThread(choice({ files: 4000, threads: 2 }))).toBe(false);
  expect(wantsOnePoolThread(choice({ cores: 4 }))).toBe(false);
  // A pool size already chosen (this is the restarted process, or the user chose one) is kept.
  expect(wantsOnePoolThread(choice({ execArgv: ["--v8-pool-size=1"] }))).toBe(false);
  expect(wantsOnePoolThread(choice({ nodeOptions: "--max-old-space-size=512 --v8-pool-size=2" }))).toBe(
    false,
  );
});

/** A Node script that loads pool-threads.ts from the sources (through tsx) before `body`. */
function nodeScript(name: string, body: string): string {
  const file = join(root, name);
  writeFileSync(
    file,
    `require(${JSON.stringify(require.resolve("tsx/cjs/api"))}).register();
const pool = require(${JSON.stringify(join(ROOT, "src", "cli", "pool-threads.ts"))});
${body}\n`,
  );
  return file;
}

test("the restarted Node runs the script with its arguments and one pool thread; its exit code comes back", async () => {
  const seen = join(root, "seen.json");
  const script = join(root, "child.js");
  writeFileSync(
    script,
    `require("node:fs").writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ execArgv: process.execArgv, argv: process.argv.slice(2) }));
process.exitCode = 3;\n`,
  );
  const ended = await runWithOnePoolThread(script, ["consolidate", "thư mục có dấu"]);
  expect(ended).toEqual({ code: 3 });
  expect(endAs(ended!)).toBe(3);
  const child = JSON.parse(readFileSync(seen, "utf8")) as { execArgv: string[]; argv: string[] };
  expect(child.execArgv).toContain("--v8-pool-size=1");
  expect(child.argv).toEqual(["consolidate", "thư mục có dấu"]);
});

test("a restarted Node ended by a signal ends the first Node by the same signal (a shell script stops at Ctrl+C)", () => {
  const killed = join(root, "killed.js");
  writeFileSync(killed, `process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 10_000);\n`);
  const first = nodeScript(
    "first.js",
    `pool.runWithOnePoolThread(${JSON.stringify(killed)}, []).then((ended) => {
  require("node:fs").writeFileSync(${JSON.stringify(join(root, "ended.json"))}, JSON.stringify(ended));
  process.exitCode = pool.endAs(ended);
});`,
  );
  const r = spawnSync(process.execPath, [first], { encoding: "utf8" });
  expect(JSON.parse(readFileSync(join(root, "ended.json"), "utf8"))).toEqual({ signal: "SIGINT" });
  // Ended by the signal, as bash needs to stop a script there; not an exit with code 130.
  expect([r.signal, r.status]).toEqual(["SIGINT", null]);
});

test("the restarted Node ends when the first one is killed outright (SIGKILL): no run goes on alone", async () => {
  const pidFile = join(root, "orphan.pid");
  const child = nodeScript(
    "orphan-child.js",
    `pool.watchTheFirstNode();
require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
setInterval(() => {}, 50);`,
  );
  const first = nodeScript("orphan-first.js", `pool.runWithOnePoolThread(${JSON.stringify(child)}, []);`);
  const parent = spawn(process.execPath, [first], { stdio: "ignore" });
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const waitFor = async (ok: () => boolean): Promise<boolean> => {
    for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
    return ok();
  };
  expect(await waitFor(() => existsSync(pidFile))).toBe(true);
  const orphan = Number(readFileSync(pidFile, "utf8"));
  expect(alive(orphan)).toBe(true);
  parent.kill("SIGKILL");
  expect(await waitFor(() => !alive(orphan))).toBe(true);
}, 30_000);

describe("the installed command on 120 reports", () => {
  const dir = join(root, "set");
  let bin = "";

  beforeAll(() => {
    mkdirSync(dir);
    for (const w of KL226_SET.workbooks(120)) writeFileSync(join(dir, w.name), w.bytes);
    bin = join(checkout(root, "checkout"), "bin", "kl226.js");
  }, 120_000);

  /** `kl226 validate --json` on the set through bench-usage.js: one @@USAGE line per Node process. */
  const validate = (nodeOptions: string) => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "scripts", "bench-usage.js"), bin, "validate", "--json", dir],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, KL226_THREADS: "", NODE_OPTIONS: nodeOptions },
      },
    );
    return { status: r.status, stdout: r.stdout, processes: r.stderr.match(/@@USAGE/g)?.length ?? 0 };
  };

  test("prints the same verdicts with the same exit code as a run left as Node started (restarted only on ≤ 2 cores)", () => {
    const restarted = validate("");
    const asStarted = validate("--v8-pool-size=4");
    expect(asStarted.processes).toBe(1);
    expect(restarted.processes).toBe(availableParallelism() <= 2 ? 2 : 1);
    expect(restarted.status).toBe(asStarted.status);
    expect(restarted.stdout).toBe(asStarted.stdout);
    const verdicts = JSON.parse(restarted.stdout) as Array<{ file: string }>;
    expect(verdicts).toHaveLength(120);
  }, 120_000);
});
