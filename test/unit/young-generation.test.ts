// The young generation of a large run is held at Node 20's size (src/cli/young-generation.ts). Node 24's
// V8 grows it to 128 MB; the check must keep it at 32 MB there, on the real V8, and leave it alone when
// the user sized it. Run on Node 24 when `npm test` has unpacked it (scripts/ensure-tools.sh), and on the
// Node that runs the tests.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findNode24 } from "../../scripts/node24";
import { YOUNG_GENERATION_CAP_BYTES, youngGenerationSizedByUser } from "../../src/cli/young-generation";

const ROOT = resolve(__dirname, "../..");
const found = findNode24();
const onNode24 = "node" in found ? test : test.skip;
const skipped = "missing" in found ? ` — skipped: ${found.missing}` : "";
const MB = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), "kl226-young-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Allocates as a run does (many short-lived objects, some surviving a while) and prints the largest
// young generation seen, in MB; with "cap", calls the command's check every 10,000 objects.
const SCRIPT = join(dir, "grow.ts");
writeFileSync(
  SCRIPT,
  `import { getHeapSpaceStatistics } from "node:v8";
import { youngGenerationCap } from ${JSON.stringify(join(ROOT, "src/cli/young-generation.ts"))};
const check = process.argv.includes("cap") ? youngGenerationCap() : () => undefined;
const young = (): number => getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.space_size;
let largest = 0;
let kept: object[] = [];
for (let i = 0; i < 4e6; i++) {
  kept.push({ i, text: "x" + i });
  if (kept.length > 200000) kept = [];
  if (i % 10000 === 0) {
    largest = Math.max(largest, young());
    check();
  }
}
console.log(largest / ${MB});
`,
);

/** The largest young generation, in MB, of the script run by `node`. */
function largestYoung(node: string, mode: "cap" | "free", env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(node, [join(ROOT, "scripts/run-ts.js"), SCRIPT, mode], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "", ...env },
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return Number(r.stdout.trim());
}

const CAP_MB = YOUNG_GENERATION_CAP_BYTES / MB;
// One growth step may land a few pages past the cap before the check runs (measured: 35 MB).
const SLACK_MB = 8;

describe("the young generation of a large run", () => {
  onNode24(`on Node 24 grows to 128 MB unchecked, and stays at ${CAP_MB} MB with the check${skipped}`, () => {
    const node = "node" in found ? found.node : "";
    expect(largestYoung(node, "free")).toBeGreaterThanOrEqual(4 * CAP_MB);
    expect(largestYoung(node, "cap")).toBeLessThanOrEqual(CAP_MB + SLACK_MB);
  });

  onNode24(`on Node 24 is left as the user sized it in NODE_OPTIONS${skipped}`, () => {
    const node = "node" in found ? found.node : "";
    const chosen = largestYoung(node, "cap", { NODE_OPTIONS: "--max-semi-space-size=32" });
    expect(chosen).toBeGreaterThanOrEqual(2 * CAP_MB);
  });

  test("on the Node that runs the tests, is checked without a message and stays within the cap", () => {
    expect(largestYoung(process.execPath, "cap")).toBeLessThanOrEqual(CAP_MB + SLACK_MB);
  });

  test("is sized by the user only through the young generation's own flags", () => {
    expect(youngGenerationSizedByUser([], undefined)).toBe(false);
    expect(youngGenerationSizedByUser([], "--max-old-space-size=4096")).toBe(false);
    expect(youngGenerationSizedByUser([], "--max-semi-space-size=16")).toBe(true);
    expect(youngGenerationSizedByUser(["--max-semi-space-size", "8"], "")).toBe(true);
    expect(youngGenerationSizedByUser(["--expose-gc", "--semi-space-growth-factor=3"], "")).toBe(true);
    expect(youngGenerationSizedByUser([], "--max_semi_space_size=64")).toBe(true);
  });
});
