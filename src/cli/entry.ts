// The entry of the built command (scripts/build-cli.js → build/cli/kl226.cjs): `kl226 --help` is
// answered from the usage text alone; the commands, and zod with them, load only when one is run.

import { helpExitCode, USAGE } from "./usage";

export async function run(argv: readonly string[]): Promise<number> {
  const help = helpExitCode(argv);
  if (help !== undefined) {
    process.stdout.write(`${USAGE}\n`);
    return help;
  }
  // require, not import(): Node's ESM loader would first scan the whole bundle for its exports (≈ 40 ms).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require("./main") as typeof import("./main");
  return main(argv);
}
