// Reading and checking many input files on every core: the main thread and worker threads
// (inspect-worker.ts) each take the next file index from one shared counter, read, hash and inspect
// that file; every submission lands at its file's index, so the list (and every byte written from it)
// is the same whichever thread read which file. Few files, or KL226_THREADS=1, stay on the main thread.

import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { inspectFirstPass, inspectSubmission, LikelyProfile, type Ahead } from "../app/consolidate-files";
import { notOpenedResult, unreadableResult } from "../app/inspect";
import { shareTexts } from "../app/share-texts";
import type { Submission } from "../core/consolidation";
import type { Profile } from "../core/profile";
import type { ValidateOptions } from "../core/validate";
import { createNodeDecoder } from "../xlsx/node-inflate";
import type { XlsxDecoder } from "../xlsx/read";
import { readInput, STILL_WRITTEN } from "./read-input";
import { PARALLEL_MIN_FILES, takeWorkers, threadCount, type StartedWorker } from "./warm-workers";
import { youngGenerationCap } from "./young-generation";

export { PARALLEL_MIN_FILES, threadCount };

/** What a worker gets once, as its first message: the files, the profile (plain data), the shared counter and its port. */
export interface PoolData {
  readonly files: readonly string[];
  readonly profile: Profile;
  /** Whether a file of another form is rejected or read with its own form (SPEC §8), and by a profile it names. */
  readonly read?: ValidateOptions;
  /** A consolidation's first pass without a chosen profile: files are checked ahead (inspectFirstPass). */
  readonly ahead?: boolean;
  /** Int32Array over a SharedArrayBuffer: [0] is the next file index to take. */
  readonly next: Int32Array;
  readonly port: MessagePort;
}

/** One file's outcome as a worker posts it. */
export interface Outcome {
  readonly index: number;
  readonly submission: Submission;
  readonly ahead?: Ahead;
}

/**
 * One file read and inspected; a file that cannot be opened (or is over the size limit, only
 * hashed) is rejected with the reason, and the others still run.
 */
export function inspectPath(
  file: string,
  profile: Profile,
  decoder: XlsxDecoder,
  read: ValidateOptions = {},
): Submission {
  return inspectPathAhead(file, profile, decoder, read, undefined).submission;
}

/** As inspectPath; with `likely` (a consolidation's first pass without a chosen profile), also checked ahead. */
function inspectPathAhead(
  file: string,
  profile: Profile,
  decoder: XlsxDecoder,
  read: ValidateOptions,
  likely: LikelyProfile | undefined,
): { readonly submission: Submission; readonly ahead?: Ahead } {
  const input = readInput(file, profile.limits.maxFileBytes);
  if (!input.ok) {
    const result = input.notOpened ? notOpenedResult(input.message) : unreadableResult(input.message);
    return { submission: { file, sha256: input.sha256, result } };
  }
  return likely
    ? inspectFirstPass(input, profile, decoder, likely)
    : { submission: inspectSubmission(input, profile, decoder, read) };
}

/** Takes file indexes from `next` until none is left, inspecting each; `deliver` gets every outcome. */
export function inspectTaken(data: Omit<PoolData, "port">, deliver: (o: Outcome) => void): void {
  const { files, profile, next, read = {} } = data;
  const decoder = createNodeDecoder();
  const likely = data.ahead === true ? new LikelyProfile() : undefined;
  for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) {
    deliver({ index, ...inspectPathAhead(files[index]!, profile, decoder, read, likely) });
  }
}

/** How a run's files were shared out: threads used, and files the workers (not the main thread) inspected. */
export interface PoolReport {
  readonly threads: number;
  readonly byWorkers: number;
}

export interface InspectOptions {
  /** "expect" (a profile was given): a file of another form is FORM_MISMATCH; "follow": each file read with its own form. */
  readonly forms?: ValidateOptions["forms"];
  /** With "follow": a file naming a profile of profiles/ is checked by it (`validate` without --profile). */
  readonly fileProfile?: boolean;
  /** After each file, with the number done so far. */
  readonly onProgress?: (done: number) => void;
  /** Threads that inspect files (default: threadCount). */
  readonly threads?: number;
  /** Every file in worker threads, the main thread only collecting (default: the main thread takes files too). */
  readonly workersOnly?: boolean;
  /** Told how the files were shared out, once they all are (tests, the bench). */
  readonly onPool?: (report: PoolReport) => void;
  /**
   * A consolidation's first pass without a chosen profile (`forms: "follow", fileProfile: true`):
   * each file checked ahead by the likely profile is told here (consolidate-files.ts inspectFirstPass).
   */
  readonly onAhead?: (index: number, ahead: Ahead) => void;
}

/** Reads, hashes and inspects every file, in order of the list (a file that cannot be opened is rejected, the rest still run). */
export async function inspectFiles(
  files: readonly string[],
  profile: Profile,
  options: InspectOptions = {},
): Promise<Submission[]> {
  const { onProgress, workersOnly = false, forms, fileProfile } = options;
  const read: ValidateOptions = { forms, ...(fileProfile === true ? { fileProfile } : {}) };
  const threads = options.threads ?? threadCount(files.length);
  const results: Array<Submission | undefined> = new Array<Submission | undefined>(files.length);
  let done = 0;
  let byMain = 0;
  // Every unit's report repeats the profile's task texts: each is kept once, and no kept text holds
  // on to the XML it was cut from. The walk costs less than the garbage collector's copying it saves.
  const texts = new Map<string, string>();
  // A large run's young generation is held at Node 20's size (young-generation.ts): less memory, at no
  // measurable cost in time on such runs; smaller runs, where speed matters more, let V8 size it.
  const capYoung = files.length >= LARGE_RUN ? youngGenerationCap() : undefined;
  const deliver = (o: Outcome): void => {
    results[o.index] = shareTexts(o.submission, texts);
    if (o.ahead) options.onAhead?.(o.index, o.ahead);
    done++;
    if (capYoung !== undefined && done % 16 === 0) capYoung();
    onProgress?.(done);
  };
  const next = new Int32Array(new SharedArrayBuffer(4));
  const ahead = options.onAhead !== undefined;
  const pool = startWorkers(workersOnly ? threads : threads - 1, { files, profile, next, read, ahead });
  try {
    // The main thread works too, collecting what the workers finished between its own files.
    if (!workersOnly || pool.length === 0) {
      inspectTaken({ files, profile, next, read, ahead }, (o) => {
        deliver(o);
        byMain++;
        for (const w of pool) drain(w.port, deliver);
      });
    }
    // Every file answered, or every worker gone.
    await settled(pool, () => done >= files.length, deliver);
  } finally {
    for (const w of pool) w.port.close();
    // Awaited: a worker's heap is given back before the summary is built (the run's peak memory).
    await Promise.all(pool.map((w) => w.worker.terminate()));
  }
  options.onPool?.({ threads: pool.length + (workersOnly ? 0 : 1), byWorkers: done - byMain });
  // A file a worker took but never answered (the worker died): read it here.
  const decoder = createNodeDecoder();
  return results.map((s, i) =>
    unlessChangedSince(s ?? inspectPath(files[i]!, profile, decoder, read), profile.limits.maxFileBytes),
  );
}

/**
 * A file rejected as unreadable whose bytes, read again once every file is done, are no longer those
 * read: it was still being copied in, downloaded or saved, and read cut short. That is this machine's
 * moment, not the unit's file (its letter asked it to send again): NOT_OPENED, run again. Only a file
 * that could not be read is read again; one that cannot be opened then is NOT_OPENED with its reason.
 */
function unlessChangedSince(s: Submission, maxBytes: number): Submission {
  if (s.sha256 === "" || !s.result.findings.some((f) => f.code === "UNREADABLE")) return s;
  const again = readInput(s.file, maxBytes);
  // Gone or not opened when read again (moved away, held by the program still writing it): this
  // machine's moment too, said with why; not the unit's file to send again.
  if (!again.ok && again.notOpened)
    return { file: s.file, sha256: s.sha256, result: notOpenedResult(again.message) };
  if (again.sha256 === s.sha256) return s;
  return { file: s.file, sha256: s.sha256, result: notOpenedResult(STILL_WRITTEN) };
}

interface PoolWorker extends StartedWorker {
  readonly port: MessagePort;
}

/** `count` workers (warm ones first), each sent the files, the profile, the counter and a port of its own. */
function startWorkers(count: number, data: Omit<PoolData, "port">): PoolWorker[] {
  return takeWorkers(count).map((started) => {
    const { port1, port2 } = new MessageChannel();
    const first: PoolData = { ...data, port: port2 };
    started.worker.postMessage(first, [port2]);
    return Object.assign(started, { port: port1 });
  });
}

/** From this many files on, a run's young generation is held at 32 MB and its garbage collected before the summary (young-generation.ts). */
export const LARGE_RUN = 2000;

function drain(port: MessagePort, deliver: (o: Outcome) => void): void {
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
    deliver(m.message as Outcome);
}

/** Resolves once `complete()` holds, or when no worker is left alive to change it. */
function settled(pool: PoolWorker[], complete: () => boolean, deliver: (o: Outcome) => void): Promise<void> {
  for (const w of pool) drain(w.port, deliver);
  const finished = (): boolean => complete() || pool.every((w) => w.exited);
  if (finished()) return Promise.resolve();
  return new Promise((resolve) => {
    for (const w of pool) {
      w.port.on("message", (o: Outcome) => {
        deliver(o);
        if (finished()) resolve();
      });
      w.onExit = () => {
        // Messages posted just before the exit may still be queued on the port.
        drain(w.port, deliver);
        if (finished()) resolve();
      };
    }
  });
}
