// Runs a Node script (argv[2], with its arguments after it) in this very process and, when the
// process ends, writes its CPU time and peak RSS (worker threads included) to stderr on a line
// `@@USAGE {...}`: how `npm run bench` measures a whole `kl226` process from outside.
"use strict";
const { resolve } = require("node:path");

const script = resolve(process.argv[2]);
process.argv.splice(1, 1);
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(
    `\n@@USAGE ${JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssMb: u.maxRSS / 1024 })}\n`,
  );
});
require(script);
