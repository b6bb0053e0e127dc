// Runs a Node script (argv[2], with its arguments after it) in this very process and, when the
// process ends, writes its CPU time and peak RSS (worker threads included) to stderr on a line
// `@@USAGE {...}`: how `npm run bench` measures a whole `kl226` process from outside. A Node the
// script starts (kl226 starts itself again with one V8 pool thread: src/cli/pool-threads.ts) writes
// its own line, through NODE_OPTIONS; the bench adds the CPU times up and takes the largest RSS.
"use strict";
const { resolve } = require("node:path");
const { isMainThread } = require("node:worker_threads");

if (isMainThread) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    process.stderr.write(
      `\n@@USAGE ${JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssMb: u.maxRSS / 1024 })}\n`,
    );
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
