// The terminal progress bar of long runs (SPEC §6): on stderr, only when stderr is a terminal.

import type { Io } from "./options";

/** A bar redrawn in place ("\r"); call the returned function after each file, then end the line. */
export function progressBar(io: Io, total: number, what = "tệp"): ((done: number) => void) | undefined {
  if (!io.isErrTty || total < 2) return undefined;
  const width = 20;
  let last = "";
  return (done) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${what}`;
    if (line !== last) io.err(line);
    last = line;
    if (done === total) io.err("\n");
  };
}
