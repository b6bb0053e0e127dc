// V8's background threads on a 2-core machine. Node gives V8 a pool of 4 threads for its optimising
// compiler and garbage collector; on 2 cores, while a run checks its files on one thread, those pool
// threads take turns with it on both cores, and the run waits for its own core. Started with
// `--v8-pool-size=1`, the compiler and collector keep to one core and the checking thread has the
// other: 1,000 files 0.92 against 1.00 s, 250 files 0.40 against 0.45 s (docs/DECISIONS.md, "Speed",
// session 19). Node reads that option only when it starts, so the command starts itself again with it.

import { spawn } from "node:child_process";
import { availableParallelism, constants } from "node:os";
import { threadCount } from "./warm-workers";

/**
 * From this many files the second start-up (≈ 25 ms) pays: measured here, 50 files took the same time
 * either way, 100 files 0.29 against 0.32 s.
 */
export const ONE_POOL_THREAD_MIN_FILES = 100;

export interface PoolChoice {
  readonly files: number;
  readonly cores: number;
  /** Checking threads the run will use (threadCount). */
  readonly threads: number;
  /** Node's options of this process (process.execArgv) and NODE_OPTIONS: a pool size given there is kept. */
  readonly execArgv: readonly string[];
  readonly nodeOptions: string;
}

/**
 * Whether a run should start again with one pool thread: a single checking thread on at most 2 cores
 * with enough files, and nobody chose the pool's size already (this process may be that start).
 * With two checking threads (2,000 files or more on 2 cores) one pool thread was slower (4,000 files
 * 0.96×), and with more cores the pool does not outnumber them.
 */
export function wantsOnePoolThread(c: PoolChoice): boolean {
  // Node reads its options with "_" or "-" alike (--v8_pool_size=2 is --v8-pool-size=2).
  const chosen = [...c.execArgv, c.nodeOptions].some((o) =>
    o.replaceAll("_", "-").includes("--v8-pool-size"),
  );
  return !chosen && c.threads === 1 && c.cores <= 2 && c.files >= ONE_POOL_THREAD_MIN_FILES;
}

/** This process's choice for `files` files. */
export function poolChoice(files: number): PoolChoice {
  return {
    files,
    cores: availableParallelism(),
    threads: threadCount(files),
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS ?? "",
  };
}

/** Set in the restarted Node's environment: it watches the first one (watchTheFirstNode). */
const RESTARTED = "KL226_POOL_RESTART";

/** How the restarted Node ended: its exit code, or the signal that ended it. */
export type Ended = { readonly code: number } | { readonly signal: NodeJS.Signals };

/**
 * Runs `script` with `argv` in a new Node started with one pool thread, its output straight to this
 * process's own, and resolves to how it ended; undefined when it could not be started (the caller
 * runs the command itself). A signal to this process is passed on (Ctrl+C reaches both from the
 * terminal; the second SIGINT changes nothing).
 */
export function runWithOnePoolThread(script: string, argv: readonly string[]): Promise<Ended | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, "--v8-pool-size=1", script, ...argv], {
      // The channel is how the new Node learns that this one is gone (killed with SIGKILL, say).
      stdio: ["inherit", "inherit", "inherit", "ipc"],
      env: { ...process.env, [RESTARTED]: "1" },
    });
    const forward = (signal: NodeJS.Signals) => (): void => void child.kill(signal);
    const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((s): [NodeJS.Signals, () => void] => [
      s,
      forward(s),
    ]);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (ended: Ended | undefined): void => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(ended);
    };
    let started = false;
    child.once("spawn", () => (started = true));
    child.once("error", () => {
      if (!started) done(undefined);
    });
    child.once("exit", (code, signal) => done(signal ? { signal } : { code: code ?? 1 }));
  });
}

/**
 * Ends this process as the restarted Node ended: with its exit code, or by the same signal, so a
 * shell that ran the command sees a command ended by Ctrl+C (a script stops there) and not one that
 * exited with 130. Where the signal does not end the process (Windows), 128 + its number.
 */
export function endAs(ended: Ended): number {
  if ("code" in ended) return ended.code;
  process.kill(process.pid, ended.signal);
  return 128 + (constants.signals[ended.signal] ?? 0);
}

/**
 * In the restarted Node: when the first Node is gone (its channel closes: killed with SIGKILL, by the
 * out-of-memory killer), this one ends too, as if it had been sent SIGTERM, at its next turn of the
 * event loop (between files' batches or outputs; every output is written whole or not at all).
 */
export function watchTheFirstNode(): void {
  if (process.env[RESTARTED] !== "1" || process.channel === undefined) return;
  delete process.env[RESTARTED];
  process.channel.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
