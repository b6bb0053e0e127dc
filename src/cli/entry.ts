// The entry of the built command (scripts/build-cli.js → build/cli/kl226.cjs): `kl226 --help` is
// answered from the usage text alone; the commands, and zod with them, load only when one is run,
// and for a large consolidate or validate the worker threads start before they do.

import { helpExitCode, USAGE } from "./usage";
import { warmWorkers } from "./warm-workers";

export async function run(argv: readonly string[]): Promise<number> {
  const help = helpExitCode(argv);
  if (help !== undefined) {
    process.stdout.write(`${USAGE}\n`);
    return help;
  }
  // Worker threads boot on the other cores while the commands load here (src/cli/parallel.ts adopts them).
  warmWorkers(argv);
  // require, not import(): Node's ESM loader would first scan the whole bundle for its exports (≈ 40 ms).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require("./main") as typeof import("./main");
  return main(argv);
}
