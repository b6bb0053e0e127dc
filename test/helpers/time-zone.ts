// Test helper: runs a check with the machine set to another time zone. Node applies a TZ assigned
// while it runs, but jest gives each test file a copy of process.env: the zone is set on the real
// one (the outer context's process), and put back as it was afterwards.
import { runInThisContext } from "node:vm";

const realEnv = (runInThisContext("process") as NodeJS.Process).env;

/** `fn()` run with the machine's time zone set to `zone` (an IANA name); the zone before is restored. */
export function inTimeZone<T>(zone: string, fn: () => T): T {
  const before = realEnv.TZ;
  realEnv.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete realEnv.TZ;
    else realEnv.TZ = before;
  }
}

/**
 * Machine zones the Việt Nam date must not depend on, with their offset from UTC in June 2026 as
 * `Date#getTimezoneOffset` gives it (minutes, positive west of Greenwich): checked first, so a zone
 * that did not take cannot pass for one that did.
 */
export const OTHER_ZONES: ReadonlyArray<readonly [string, number]> = [
  ["America/New_York", 240],
  ["Pacific/Kiritimati", -840],
  ["Asia/Ho_Chi_Minh", -420],
];
