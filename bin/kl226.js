#!/usr/bin/env node
// The kl226 command: runs the TypeScript CLI through tsx, so it works right after `npm ci`.
require("tsx/cjs/api").register();
require("../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
