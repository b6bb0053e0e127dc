// Ctrl+C (SIGINT), SIGTERM and SIGHUP held while a set of files changes as a whole (the letters of a
// run): without a listener Node ends at once, between two files of the set; with one, the signal waits
// for the event loop, so a synchronous write of the set finishes first, and the process ends after.

import { constants } from "node:os";

const HELD = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** How a signal is said: what the user did, in their words. */
export function signalSaid(signal: NodeJS.Signals): string {
  if (signal === "SIGINT") return "lệnh dừng (Ctrl+C)";
  if (signal === "SIGHUP") return "tín hiệu đóng cửa sổ dòng lệnh (SIGHUP)";
  return `lệnh dừng (${signal})`;
}

/**
 * Runs `work` (synchronous: nothing else runs until it returns) with Ctrl+C, SIGTERM and SIGHUP held.
 * A signal that came meanwhile ends the process once `work` has returned or thrown, by that same
 * signal (a shell sees a command stopped by Ctrl+C), after `err(said(signal))`.
 */
export async function withSignalsHeld<T>(
  work: () => T,
  said: (signal: NodeJS.Signals) => string,
  err: (text: string) => void,
): Promise<T> {
  let came: NodeJS.Signals | undefined;
  const handlers = HELD.map((signal): [NodeJS.Signals, () => void] => [signal, () => void (came ??= signal)]);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    return work();
  } finally {
    // A signal sent during `work` reaches its listener when the loop next polls: after the second
    // setImmediate, not always the first (`work` may have run from a poll callback, and the loop then
    // goes on to its immediates before it polls again). Let go sooner and the signal is lost.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    for (const [signal, handler] of handlers) process.off(signal, handler);
    if (came !== undefined) {
      err(said(came));
      process.kill(process.pid, came);
      // Where the signal does not end the process at once (another listener), ended as endAs would.
      await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      process.exit(128 + (constants.signals[came] ?? 0));
    }
  }
}
