// The worker threads of parallel.ts, started as early as possible: entry.ts starts them before the
// commands (and zod) load, so they boot while the main thread does; inspectFiles then adopts them.
// The built entry and the built commands are two bundles, each with its own copy of this module,
// so the started workers are handed over through a global.

import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Below this many files one thread does it all: a worker costs ≈ 70 ms of CPU to boot and load its code,
 * then warms up its own JIT. With 3 or more cores that pays from about a hundred cold files (estimated
 * from those costs; not measured here).
 */
export const PARALLEL_MIN_FILES = 128;

/**
 * On 2 cores one thread already keeps ≈ 1.4 of them busy (V8 compiles and collects garbage on background
 * threads), so a second thread only has the rest of a core: measured here, it is ≈ 6% slower at 1,000
 * files, even at 2,000 and ≈ 23% faster at 4,000 (docs/DECISIONS.md, "Speed").
 */
const TWO_CORES_MIN_FILES = 2000;

/** The fewest files worth a worker thread on this machine. */
export function minFilesForThreads(cores: number = availableParallelism()): number {
  return cores <= 2 ? TWO_CORES_MIN_FILES : PARALLEL_MIN_FILES;
}

export interface StartedWorker {
  readonly worker: Worker;
  exited: boolean;
  onExit?: () => void;
}

const WARM = Symbol.for("kl226.warm-workers");
type Holder = { [WARM]?: StartedWorker[] };

/** A worker waiting for its first message (parallel.ts's PoolData); its failure only marks it exited. */
export function startWorker(): StartedWorker {
  const script = workerScript();
  const worker = new Worker(script.source, { eval: script.eval });
  const started: StartedWorker = { worker, exited: false };
  // A worker that fails to start or dies leaves its files to the main thread (parallel.ts).
  worker.on("error", () => undefined);
  worker.once("exit", () => {
    started.exited = true;
    started.onExit?.();
  });
  return started;
}

/** Threads for `fileCount` files: KL226_THREADS when set (1 = main thread only), else every core for enough files. */
export function threadCount(fileCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.KL226_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, Math.max(1, fileCount));
  if (fileCount < minFilesForThreads()) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / (PARALLEL_MIN_FILES / 2))));
}

/**
 * `kl226 consolidate|validate` on enough files (`fileCount`, from filesNamed): the workers threadCount
 * will want, started now and not holding the process open until inspectFiles adopts them (a usage
 * error still ends the run at once).
 */
export function warmWorkers(fileCount: number): void {
  const workers = threadCount(fileCount) - 1;
  if (workers < 1) return;
  (globalThis as Holder)[WARM] = Array.from({ length: workers }, () => {
    const w = startWorker();
    w.worker.unref();
    return w;
  });
}

/** The .xlsx files a `consolidate` or `validate` names (0 for any other command). */
export function filesNamed(argv: readonly string[]): number {
  const [command, ...args] = argv;
  return command === "consolidate" || command === "validate" ? countXlsx(args) : 0;
}

/** The .xlsx files the arguments name, folders counted through (a quick look: errors are the command's to report). */
function countXlsx(args: readonly string[]): number {
  let count = 0;
  const visit = (path: string, explicit: boolean): void => {
    try {
      if (statSync(path).isDirectory()) {
        for (const e of readdirSync(path, { withFileTypes: true })) {
          if (e.isDirectory()) visit(join(path, e.name), false);
          else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) count++;
        }
      } else if (explicit && /\.xlsx$/i.test(path)) count++;
    } catch {
      // Not there: the command says so.
    }
  };
  for (const a of args) if (!a.startsWith("-")) visit(a, true);
  return count;
}

/** `count` workers: the warm ones first (extras are stopped), then new ones. */
export function takeWorkers(count: number): StartedWorker[] {
  const holder = globalThis as Holder;
  const warm = (holder[WARM] ?? []).filter((w) => !w.exited);
  holder[WARM] = [];
  for (const extra of warm.slice(count)) void extra.worker.terminate();
  const taken = warm.slice(0, count);
  while (taken.length < count) taken.push(startWorker());
  for (const w of taken) w.worker.ref();
  return taken;
}

/** The built worker beside the built CLI; from the TypeScript sources (tsx, jest), a bootstrap that registers tsx first. */
function workerScript(): { source: string; eval: boolean } {
  if (__filename.endsWith(".cjs")) return { source: join(__dirname, "inspect-worker.cjs"), eval: false };
  const ts = join(__dirname, "inspect-worker.ts");
  return { source: `require("tsx/cjs/api").register(); require(${JSON.stringify(ts)});`, eval: true };
}
