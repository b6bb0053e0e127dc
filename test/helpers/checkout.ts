// A checkout of the repository of its own, for tests that run the installed command (bin/kl226.js)
// where it builds and keeps its own build/cli (and V8 code cache): bin, scripts, src, profiles and
// package.json copied, node_modules linked.

import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

/** `parent/name` made into such a checkout; its path. */
export function checkout(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir);
  for (const part of ["bin", "scripts", "src", "profiles", "package.json"])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}
