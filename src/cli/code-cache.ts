// Loads the built commands (build/cli/main.cjs, ≈ 0.9 MB) with V8's code cache: compiling that bundle is a
// good part of every run's start-up, and with the cache beside it V8 only checks and deserialises. The
// cache is written at the end of a run when there is none or V8 rejected it (a rebuild); a folder that
// cannot be written just means no cache. One cache per V8 version: a checkout run by two Nodes (nvm, an
// upgrade) keeps one for each instead of each rewriting the other's on every run.
// Node ≥ 22 has this built in (module.enableCompileCache).

import { isAscii } from "node:buffer";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

type ModuleFunction = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;

export function requireWithCodeCache<T>(file: string): T {
  const cacheFile = `${file}.${process.versions.v8}.v8-cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const script = new Script(Module.wrap(sourceText(file)), { filename: file, cachedData });
  const mod = { exports: {} };
  (script.runInThisContext() as ModuleFunction).call(
    mod.exports,
    mod.exports,
    createRequire(file),
    mod,
    file,
    dirname(file),
  );
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // At exit the cache also holds the functions this run compiled, not only the top level.
    process.once("exit", () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only install: runs simply compile the bundle.
      }
    });
  }
  return mod.exports as T;
}

/**
 * The bundle's text. The build writes it in ASCII (scripts/build-cli.js), which read as Latin-1 is the
 * same text as decoded from UTF-8, ≈ 3 ms sooner (measured when it was 1.9 MB, median of 15 fresh processes: 14 against 17 ms).
 */
function sourceText(file: string): string {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
}
