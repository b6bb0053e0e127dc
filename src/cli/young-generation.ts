// On runs of thousands of files, the young generation is held at Node 20's size. Node 22 and 24's V8
// lets a busy thread's young generation grow to 128 MB (two 64 MB semi-spaces) where Node 20's stops at
// 32 MB, and a 10,000-file run then peaks at ≈ 470 MB instead of ≈ 360 MB (issue 16: ≤ 400 MB). V8 fixes
// the largest size when it makes the heap (`--max-semi-space-size`, which only NODE_OPTIONS can give),
// but reads by how much to grow (`--semi-space-growth-factor`) at each step: once the young generation
// is at 32 MB, a factor of 1 keeps it there, in this thread and in the workers (V8's flags are the
// process's). The bytes written do not change; only how often V8 collects does.

import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Node 20's young generation: two semi-spaces of 16 MB. */
export const YOUNG_GENERATION_CAP_BYTES = 32 * 1024 * 1024;

/** Flags with which the user sized the young generation (V8 takes `_` for `-` too): then the command leaves it as they chose. */
const USER_SIZED = /--(?:max[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor)\b/;

/** True when the young generation was sized on the command line or in NODE_OPTIONS. */
export function youngGenerationSizedByUser(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): boolean {
  return execArgv.some((a) => USER_SIZED.test(a)) || USER_SIZED.test(nodeOptions ?? "");
}

/**
 * A check to call now and then (it reads V8's space statistics, a few microseconds): once the young
 * generation has reached YOUNG_GENERATION_CAP_BYTES, it stops its growth, once for the process. A
 * no-op when the user sized it.
 */
export function youngGenerationCap(sizedByUser = youngGenerationSizedByUser()): () => void {
  let done = sizedByUser;
  return () => {
    if (done) return;
    const young = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    if (young === undefined || young.space_size < YOUNG_GENERATION_CAP_BYTES) return;
    setFlagsFromString("--semi-space-growth-factor=1");
    done = true;
  };
}

/**
 * A full garbage collection, now. A large run calls it once its files are consolidated, before the
 * summary is built and written (the run's peak): what reading and checking left behind is freed
 * first, not beside the summary's parts. V8 gives a context made after `--expose-gc` is set its `gc`.
 */
export function collectGarbageNow(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
