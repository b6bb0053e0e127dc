// The entry of the built command (scripts/build-cli.js → build/cli/kl226.cjs): `kl226 --help` is
// answered from the help text the build wrote; the commands, and zod with them, load only when one
// is run, and for a large consolidate or validate the worker threads start before they do.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { guardOutputStreams } from "./broken-pipe";
import { requireWithCodeCache } from "./code-cache";
import { topHelpRequest } from "./usage";
import {
  endAs,
  poolChoice,
  runWithOnePoolThread,
  wantsOnePoolThread,
  watchTheFirstNode,
} from "./pool-threads";
import { filesNamed, warmWorkers } from "./warm-workers";

/** How the command was started, when it may start itself again (bin/kl226.js: its own path). */
export interface Launch {
  readonly script: string;
}

export async function run(argv: readonly string[], launch?: Launch): Promise<number> {
  guardOutputStreams();
  const help = topHelpRequest(argv);
  const text = help ? builtHelp() : undefined;
  if (help && text !== undefined) {
    (help.stream === "stdout" ? process.stdout : process.stderr).write(text);
    return help.code;
  }
  watchTheFirstNode();
  const files = filesNamed(argv);
  // On 2 cores a run on one thread goes faster with V8's pool kept to one thread (pool-threads.ts).
  if (launch && files > 0 && wantsOnePoolThread(poolChoice(files))) {
    const ended = await runWithOnePoolThread(launch.script, argv);
    if (ended !== undefined) return endAs(ended);
  }
  // Worker threads boot on the other cores while the commands load here (src/cli/parallel.ts adopts them).
  warmWorkers(files);
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

// `node build/cli/kl226.cjs …` run directly, not through bin/kl226.js: it runs as the command does
// (it loaded, did nothing and ended with exit 0, which a script reads as success).
if (require.main === module)
  run(process.argv.slice(2), { script: __filename }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `kl226: lỗi nội bộ khi khởi động lệnh, chưa có gì được ghi: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}. Hãy báo lỗi kèm lệnh đã chạy.\n`,
      );
      process.exitCode = 2;
    },
  );
