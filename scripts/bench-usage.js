// Runs a Node script (argv[2], with its arguments after it) in this very process and, when the
// process ends, writes its CPU time and peak RSS (worker threads included) to stderr on a line
// `@@USAGE {...}`: how `npm run bench` measures a whole `kl226` process from outside. On Linux the
// line also has the main thread's own CPU time (`/proc/self/task/<pid>/stat`): V8 compiles and
// collects on other threads, and on 2 cores the main thread's time is what the wall time cannot
// go below. A Node the
// script starts (kl226 starts itself again with one V8 pool thread: src/cli/pool-threads.ts) writes
// its own line, through NODE_OPTIONS; the bench adds the CPU times up and takes the largest RSS.
"use strict";
const { readFileSync } = require("node:fs");
const { resolve } = require("node:path");
const { isMainThread } = require("node:worker_threads");

/** The main thread's user + system CPU time in ms, from Linux's /proc; undefined elsewhere. */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    // After the command's name in parentheses: fields 3…; utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

if (isMainThread) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    const usage = {
      cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
      rssMb: u.maxRSS / 1024,
      mainCpuMs: mainThreadCpuMs(),
    };
    process.stderr.write(`\n@@USAGE ${JSON.stringify(usage)}\n`);
  });
}

if (require.main === module) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(__filename)}`]
    .filter(Boolean)
    .join(" ");
  const script = resolve(process.argv[2]);
  process.argv.splice(1, 1);
  require(script);
}
