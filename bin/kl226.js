#!/usr/bin/env node
// The kl226 command. Runs build/cli/kl226.cjs, the CLI that scripts/build-cli.js bundles once (npm's
// `prepare` step, so `npm ci`, `npm link` and `npm install -g .` leave it ready): no TypeScript is
// transpiled at run time. When that build is missing, or a source it lists is newer than the build (the
// checkout was edited or pulled since, a profile added to profiles/), it is rebuilt first, with the
// profiles checked as `npm run build` checks them: a broken profile stops the command with the build's
// Vietnamese lines (exit 2) rather than let it run on the last list of profiles. If the build cannot
// be written (a read-only install), the TypeScript sources run through tsx instead.
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
    await require("../scripts/build-cli.js").buildCliChecked();
    return require(built);
  } catch (e) {
    // The build's own refusals (a profile that is not JSON, is invalid, or is named so the command
    // cannot carry it) start "kl226:" and are the user's to fix.
    if (e instanceof Error && e.message.startsWith("kl226:")) return refused(e.message);
    try {
      require("tsx/cjs/api").register();
      return require("../src/cli/entry.ts");
    } catch (fallback) {
      // tsx needs a temporary folder it can write (TMPDIR): without one the command cannot run at all.
      // Said, with exit 2 ("nothing written"): Node's own stack trace ended with exit 1, which a script
      // reads as "summary written, some files rejected".
      return refused(
        `kl226: không chạy được lệnh. Bản dựng của lệnh (build/cli) chưa có hoặc cũ hơn mã nguồn, và không dựng lại được ` +
          `(${why(e)}); cách chạy thẳng mã nguồn cũng không được (${why(fallback)}). Chưa có gì được ghi. ` +
          `Hãy chạy "npm run build:cli" trong ${root} bằng tài khoản có quyền ghi thư mục đó, ` +
          `hoặc đặt biến TMPDIR là một thư mục ghi được, rồi chạy lại.`,
      );
    }
  }
}

/** The first line of an error's message. */
function why(e) {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/** A command that prints why it cannot run and ends with exit code 2. */
function refused(message) {
  return {
    run: async () => {
      process.stderr.write(`${message}\n`);
      return 2;
    },
  };
}

// The script is given so that a large run on 2 cores may start it again with one V8 pool thread
// (src/cli/pool-threads.ts).
cli()
  .then((kl226) => kl226.run(process.argv.slice(2), { script: __filename }))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      // The command answers its own errors; this is the command failing to load (exit 2, as they do).
      process.stderr.write(
        `kl226: lỗi nội bộ khi khởi động lệnh, chưa có gì được ghi: ${why(e)}. Hãy báo lỗi kèm lệnh đã chạy.\n`,
      );
      process.exitCode = 2;
    },
  );
