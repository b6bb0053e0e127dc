// Consolidation of many picked files on every core, off the page's main thread: Web Workers
// (inspect-worker.ts) read, hash and inspect batches of files; the first worker collects the
// submissions in file order and consolidates them. The main thread only hands out batches, counts
// progress and receives the consolidation, so the page stays responsive throughout.

import type { Period } from "../../core/form";
import type { Profile, RosterUnit } from "../../core/profile";
import { profileNotes } from "../../app/consolidate-files";
import { ConsolidationJoiner, type FileJob, type FromWorker, type ToWorker } from "./pool-messages";
import type { PageConsolidation } from "./pool-messages";
import { startInspectWorker } from "./start-worker";

/**
 * From this many files on, workers: in a fresh page (the first consolidation, cold either way) they broke
 * even with the page's own thread at 100 files and were 1.5× faster at 1,000 (measured in Chromium on
 * 2 cores, docs/DECISIONS.md); fewer files are done in the page, which also keeps its tasks short there.
 */
export const WORKER_MIN_FILES = 100;
/** Files per message to a worker: few enough messages, small enough batches to share out evenly. */
const BATCH = 16;
/** Batches each worker holds at once, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;
const MAX_WORKERS = 4;
/** Workers are kept this long after a run, so the next one starts with warm workers (their JIT and part cache). */
const KEEP_IDLE_MS = 120_000;

let idle: { readonly workers: Worker[]; readonly timer: ReturnType<typeof setTimeout> } | null = null;

function takeWorkers(count: number): Worker[] {
  const kept = idle?.workers ?? [];
  if (idle) clearTimeout(idle.timer);
  idle = null;
  for (const extra of kept.slice(count)) extra.terminate();
  const workers = kept.slice(0, count);
  while (workers.length < count) workers.push(startInspectWorker());
  return workers;
}

function keepWorkers(workers: Worker[]): void {
  for (const w of workers) {
    w.onmessage = null;
    w.onerror = null;
    w.onmessageerror = null;
  }
  const timer = setTimeout(() => {
    for (const w of workers) w.terminate();
    if (idle?.workers === workers) idle = null;
  }, KEEP_IDLE_MS);
  idle = { workers, timer };
}

/**
 * Starts the workers before a run (the Tổng hợp tab calls this when it opens), so that loading their
 * script is not part of the wait after "Tổng hợp" is clicked. They are kept as after a run; a worker
 * whose script fails to load is dropped, and the run then starts its own (or works in the page).
 */
export function prepareWorkers(): void {
  if (idle || !workersAvailable()) return;
  let workers: Worker[];
  try {
    workers = Array.from({ length: workerCount(Number.MAX_SAFE_INTEGER) }, () => startInspectWorker());
  } catch (e) {
    // A page opened from the disk (file://, origin "null") may not start workers at all: Chromium
    // throws a SecurityError here. Uncaught, it took the whole page down (a blank pane); the page
    // then does the work itself, as when a worker's script fails to load.
    workersRefused = true;
    console.warn("KL226: không khởi động được Web Worker; trang tự kiểm tra và tổng hợp.", e);
    return;
  }
  keepWorkers(workers);
  for (const w of workers) {
    w.onerror = (event) => {
      event.preventDefault();
      if (idle?.workers !== workers) return;
      clearTimeout(idle.timer);
      idle = null;
      for (const x of workers) x.terminate();
    };
  }
}

/** Set when the browser refused to start a worker (a page opened from the disk): not tried again. */
let workersRefused = false;

export function workersAvailable(): boolean {
  return !workersRefused && typeof Worker !== "undefined" && typeof MessageChannel !== "undefined";
}

/** Workers for `fileCount` files: one per core (at most 4), and no more than there are batches. */
export function workerCount(
  fileCount: number,
  cores: number = globalThis.navigator?.hardwareConcurrency ?? 2,
): number {
  return Math.max(1, Math.min(MAX_WORKERS, cores, Math.ceil(fileCount / BATCH)));
}

/**
 * Reads, checks and consolidates `files` in workers, with the chosen profile or (none) each file's own
 * form (as consolidate-run.ts does in the page); `onProgress(done)` as files are checked.
 * Rejects when a worker fails (it cannot start, or a file cannot be read); the caller may then run in the page.
 */
export function consolidateInWorkers(
  files: readonly File[],
  options: { readonly profile?: Profile; readonly roster?: readonly RosterUnit[]; readonly period?: Period },
  onProgress: (done: number) => void,
): Promise<PageConsolidation> {
  const workers = takeWorkers(workerCount(files.length));
  const post = (w: Worker, message: ToWorker, transfer: Transferable[] = []): void =>
    w.postMessage(message, transfer);
  const batches: FileJob[][] = [];
  for (let i = 0; i < files.length; i += BATCH)
    batches.push(files.slice(i, i + BATCH).map((file, k) => ({ index: i + k, file })));

  // Every worker but the collector (worker 0) sends its submissions to the collector over a port of its own.
  const channels = workers.slice(1).map(() => new MessageChannel());
  workers.forEach((w, i) => {
    const own = i === 0 ? null : channels[i - 1]!.port1;
    const peers = i === 0 ? channels.map((c) => c.port2) : [];
    post(w, { kind: "setup", profile: options.profile ?? null, collector: own, peers }, own ? [own] : peers);
  });

  let nextBatch = 0;
  // Batches may be added after the first pass (files checked again): the next one is only taken when there is one.
  const sendBatch = (w: Worker): void => {
    const jobs = batches[nextBatch];
    if (!jobs) return;
    nextBatch++;
    post(w, { kind: "files", jobs });
  };

  return new Promise((resolve, reject) => {
    let done = 0;
    let finished = false;
    const joiner = new ConsolidationJoiner();
    const finish = (ok: boolean, outcome: () => void): void => {
      if (finished) return;
      finished = true;
      if (ok) keepWorkers(workers);
      else for (const w of workers) w.terminate();
      outcome();
    };
    workers.forEach((w) => {
      for (let k = 0; k < IN_FLIGHT; k++) sendBatch(w);
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data;
        if (m.kind === "inspected") {
          done += m.count;
          // Files checked again (below) count past the picked ones: the bar stays full meanwhile.
          onProgress(Math.min(done, files.length));
          sendBatch(w);
          if (done === files.length)
            post(workers[0]!, {
              kind: "consolidate",
              total: files.length,
              roster: options.roster,
              period: options.period,
            });
        } else if (m.kind === "chunk") {
          joiner.add(m.list, m.items);
        } else if (m.kind === "consolidated") {
          const consolidation = joiner.join(m.consolidation);
          finish(true, () => resolve({ consolidation, profile: m.profile, ...profileNotes(m) }));
        } else if (m.kind === "recheck") {
          // The files checked by another profile than the one most files name, again by it (each
          // with its own form); the collector keeps every other submission, then consolidates.
          for (const x of workers) post(x, { kind: "recheck", profile: m.profile });
          for (let i = 0; i < m.indexes.length; i += BATCH)
            batches.push(m.indexes.slice(i, i + BATCH).map((index) => ({ index, file: files[index]! })));
          for (const x of workers) for (let k = 0; k < IN_FLIGHT; k++) sendBatch(x);
        } else {
          finish(false, () => reject(new Error(m.message)));
        }
      };
      w.onerror = (event) => {
        event.preventDefault();
        finish(false, () => reject(new Error(event.message || "inspect worker failed")));
      };
      w.onmessageerror = () =>
        finish(false, () => reject(new Error("inspect worker: message could not be read")));
    });
  });
}
