#!/usr/bin/env node
// The kl226 command. Runs build/cli/kl226.cjs, the CLI that scripts/build-cli.js bundles once (npm's
// `prepare` step, so `npm ci`, `npm link` and `npm install -g .` leave it ready): no TypeScript is
// transpiled at run time. When that build is missing, or a source it lists is newer than the build (the
// checkout was edited or pulled since), it is rebuilt first; if it cannot be written, the TypeScript
// sources run through tsx instead.
"use strict";
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const built = join(root, "build", "cli", "kl226.cjs");

function isFresh() {
  try {
    const { startedAt, sources } = JSON.parse(
      readFileSync(join(root, "build", "cli", "sources.json"), "utf8"),
    );
    statSync(built);
    return sources.every((file) => statSync(join(root, file)).mtimeMs < startedAt);
  } catch {
    return false;
  }
}

async function cli() {
  if (isFresh()) return require(built);
  try {
    await require("../scripts/build-cli.js").buildCli();
    return require(built);
  } catch {
    require("tsx/cjs/api").register();
    return require("../src/cli/entry.ts");
  }
}

// The script is given so that a large run on 2 cores may start it again with one V8 pool thread
// (src/cli/pool-threads.ts).
cli()
  .then((kl226) => kl226.run(process.argv.slice(2), { script: __filename }))
  .then((code) => {
    process.exitCode = code;
  });
