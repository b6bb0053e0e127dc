// Test helper: checks that depend on what the machine allows. A check that cannot run here is an
// explicit, named skip (jest counts and lists it), never a test that returns early and passes.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type TestFn = (name: string, fn: () => unknown, timeout?: number) => void;

/** `test` when `skipReason` is undefined; otherwise `test.skip`, with the reason added to the test's name. */
export function testUnless(skipReason: string | undefined): TestFn {
  if (skipReason === undefined)
    return (name, fn, timeout) => test(name, fn as jest.ProvidesCallback, timeout);
  return (name, fn, timeout) =>
    test.skip(`${name} [skipped: ${skipReason}]`, fn as jest.ProvidesCallback, timeout);
}

type DescribeFn = (name: string, fn: () => void) => void;

/** `describe` when `skipReason` is undefined; otherwise `describe.skip`, with the reason added to the block's name. */
export function describeUnless(skipReason: string | undefined): DescribeFn {
  if (skipReason === undefined) return (name, fn) => describe(name, fn);
  return (name, fn) => describe.skip(`${name} [skipped: ${skipReason}]`, fn);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/**
 * Makes a folder unwritable (`on`) or writable again. Root ignores permission bits, so as root the
 * folder is made immutable (chattr +i), as a folder locked by another program would be. False when
 * that is not possible here.
 */
export function lockFolder(dir: string, on: boolean): boolean {
  try {
    if (isRoot) execFileSync("chattr", [on ? "+i" : "-i", dir], { stdio: "ignore" });
    else chmodSync(dir, on ? 0o555 : 0o755);
    return true;
  } catch {
    return false;
  }
}

/** Why a folder cannot be locked on this machine (undefined when it can): probed once on a temporary folder. */
export const FOLDER_LOCK_UNAVAILABLE: string | undefined = (() => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-lock-"));
  try {
    if (!lockFolder(dir, true))
      return isRoot ? "running as root and chattr +i is not permitted here" : "chmod is not permitted here";
    try {
      writeFileSync(join(dir, "probe"), "x");
      return "a locked folder can still be written here";
    } catch {
      return undefined;
    } finally {
      lockFolder(dir, false);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
