// The entry of the built command (scripts/build-cli.js → build/cli/kl226.cjs): `kl226 --help` is
// answered from the help text the build wrote; the commands, and zod with them, load only when one
// is run, and for a large consolidate or validate the worker threads start before they do.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { guardOutputStreams } from "./broken-pipe";
import { requireWithCodeCache } from "./code-cache";
import { topHelpRequest } from "./usage";
import { warmWorkers } from "./warm-workers";

export async function run(argv: readonly string[]): Promise<number> {
  guardOutputStreams();
  const help = topHelpRequest(argv);
  const text = help ? builtHelp() : undefined;
  if (help && text !== undefined) {
    (help.stream === "stdout" ? process.stdout : process.stderr).write(text);
    return help.code;
  }
  // Worker threads boot on the other cores while the commands load here (src/cli/parallel.ts adopts them).
  warmWorkers(argv);
  const { main } = loadCommands();
  return main(argv);
}

/** The top-level help as the build wrote it (main.ts mainHelpText); undefined when running from the sources. */
function builtHelp(): string | undefined {
  if (!__filename.endsWith(".cjs")) return undefined;
  try {
    return readFileSync(join(__dirname, "help.txt"), "utf8");
  } catch {
    return undefined;
  }
}

/** The built commands through V8's code cache; the sources (run through tsx) by a plain require. */
function loadCommands(): typeof import("./main") {
  if (__filename.endsWith(".cjs")) return requireWithCodeCache(join(__dirname, "main.cjs"));
  // require, not import(): Node's ESM loader would first scan the module for its exports.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./main") as typeof import("./main");
}
