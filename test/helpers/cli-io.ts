// The command line's Io captured in memory, for tests that run `main(argv, io)` in process.

import type { Io } from "../../src/cli/main";

/** An Io whose output is kept in `stdout` and `stderr`; `isErrTty` as a terminal would report it. */
export function capture(isErrTty = false): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    isErrTty,
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  };
  return io;
}
