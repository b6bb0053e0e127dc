// Consolidation of many picked files on every core, off the page's main thread: Web Workers
// (inspect-worker.ts) read, hash and inspect batches of files; the first worker collects the
// submissions in file order and consolidates them. The main thread only hands out batches, counts
// progress and receives the consolidation, so the page stays responsive throughout.

import type { Consolidation } from "../../core/consolidate";
import type { Profile, RosterUnit } from "../../core/profile";
import type { FileJob, FromWorker, ToWorker } from "./pool-messages";
import { startInspectWorker } from "./start-worker";

/** Below this many files the page's own thread is quicker than starting workers (measured in Chromium, README). */
export const WORKER_MIN_FILES = 24;
/** Files per message to a worker: few enough messages, small enough batches to share out evenly. */
const BATCH = 16;
/** Batches each worker holds at once, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;
const MAX_WORKERS = 4;

export function workersAvailable(): boolean {
  return typeof Worker !== "undefined" && typeof MessageChannel !== "undefined";
}

/** Workers for `fileCount` files: one per core (at most 4), and no more than there are batches. */
export function workerCount(fileCount: number, cores: number = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(MAX_WORKERS, cores, Math.ceil(fileCount / BATCH)));
}

/**
 * Reads, checks and consolidates `files` in workers; `onProgress(done)` as files are checked.
 * Rejects when a worker fails (it cannot start, or a file cannot be read); the caller may then run in the page.
 */
export function consolidateInWorkers(
  files: readonly File[],
  options: { readonly profile: Profile; readonly roster?: readonly RosterUnit[] },
  onProgress: (done: number) => void,
): Promise<Consolidation> {
  const workers = Array.from({ length: workerCount(files.length) }, () => startInspectWorker());
  const post = (w: Worker, message: ToWorker, transfer: Transferable[] = []): void => w.postMessage(message, transfer);
  const batches: FileJob[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH).map((file, k) => ({ index: i + k, file })));

  // Every worker but the collector (worker 0) sends its submissions to the collector over a port of its own.
  const channels = workers.slice(1).map(() => new MessageChannel());
  workers.forEach((w, i) => {
    const own = i === 0 ? null : channels[i - 1]!.port1;
    const peers = i === 0 ? channels.map((c) => c.port2) : [];
    post(w, { kind: "setup", profile: options.profile, collector: own, peers }, own ? [own] : peers);
  });

  let nextBatch = 0;
  const sendBatch = (w: Worker): void => {
    const jobs = batches[nextBatch++];
    if (jobs) post(w, { kind: "files", jobs });
  };

  return new Promise<Consolidation>((resolve, reject) => {
    let done = 0;
    const finish = (outcome: () => void): void => {
      for (const w of workers) w.terminate();
      outcome();
    };
    workers.forEach((w) => {
      for (let k = 0; k < IN_FLIGHT; k++) sendBatch(w);
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data;
        if (m.kind === "inspected") {
          done += m.count;
          onProgress(done);
          sendBatch(w);
          if (done === files.length) post(workers[0]!, { kind: "consolidate", total: files.length, roster: options.roster });
        } else if (m.kind === "consolidated") {
          finish(() => resolve(m.consolidation));
        } else {
          finish(() => reject(new Error(m.message)));
        }
      };
      w.onerror = (event) => {
        event.preventDefault();
        finish(() => reject(new Error(event.message || "inspect worker failed")));
      };
      w.onmessageerror = () => finish(() => reject(new Error("inspect worker: message could not be read")));
    });
  });
}
