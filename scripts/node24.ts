// Where Node 24 LTS is once scripts/ensure-tools.sh has unpacked it (npm test does, on Linux x64):
// the version is the one that script names, so the tests and the bench look where it put it.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");

/** Node 24's executable and version, or why it is not there. */
export function findNode24(): { node: string; version: string } | { missing: string } {
  const version = /^NODE24_VERSION=(\S+)$/m.exec(
    readFileSync(join(ROOT, "scripts", "ensure-tools.sh"), "utf8"),
  )?.[1];
  if (version === undefined) return { missing: "scripts/ensure-tools.sh names no NODE24_VERSION" };
  const node = join(ROOT, "node_modules", ".cache", "kl226-node", version, "bin", "node");
  return existsSync(node)
    ? { node, version }
    : { missing: `no Node ${version} at ${node} (ensure-tools.sh fetches it on Linux x64 only)` };
}
