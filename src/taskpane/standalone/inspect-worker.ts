// A Web Worker of the page's pool (worker-pool.ts): gets the profile once a run, then batches of picked
// files to read, hash (SHA-256 with crypto.subtle) and inspect. Worker 0 is also the collector: the
// others send it their submissions directly, and it consolidates them in file order, so the page's
// main thread never holds or copies the submissions.

import {
  consolidationProfile,
  consolidationRead,
  inspectFirstPass,
  inspectSubmission,
  LikelyProfile,
  profileNotes,
  RECHECK,
  takeAhead,
  type Ahead,
  type ProfileDecision,
} from "../../app/consolidate-files";
import { shareTexts } from "../../app/share-texts";
import { consolidate } from "../../core/consolidate";
import type { Submission } from "../../core/consolidation";
import { DEFAULT_FORM } from "../../core/forms";
import type { Profile } from "../../core/profile";
import { defaultProfileForForm } from "../../core/profiles";
import { createDecoder } from "../../xlsx/read";
import { digestHex, fileBytes } from "./files";
import {
  consolidationChunks,
  type FileJob,
  type FromWorker,
  type Inspected,
  type ToCollector,
  type ToWorker,
} from "./pool-messages";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = globalThis as unknown as WorkerScope;

/** The run's chosen profile; null when each file is read with its own form. */
let chosen: Profile | null = null;
/** No profile chosen: this worker's guess at the one the run will use (a file it would check again is checked by it at once). */
let likely: LikelyProfile | null = null;
let setUp = false;
let collector: MessagePort | null = null;
let peers: readonly MessagePort[] = [];
/** Kept across runs (the pool keeps its workers for a while): a pure cache of repeated parts. */
const decoder = createDecoder();
/** The collector's state for the current run: every submission by file index, and the consolidation asked for once all have come. */
let collected: Submission[] = [];
/** The collector's checks ahead by file index, until the run's profile is decided. */
let aheads: (Ahead | undefined)[] = [];
/** Each text the collected submissions hold, kept once (app/share-texts.ts): less for the collector's GC to copy. */
let texts = new Map<string, string>();
let received = 0;
let pending: Extract<ToWorker, { kind: "consolidate" }> | null = null;
/** The files that follow are checked again by this profile (a "recheck" message); null otherwise. */
let recheckBy: Profile | null = null;
/** The collector's decision once it asked for files to be checked again, and how many it asked for. */
let decision: ProfileDecision | null = null;
let rechecked = 0;

/**
 * Messages are handled one at a time, in order. A batch's files start being read and hashed as soon
 * as it arrives, though, so that waiting on the browser for them overlaps checking the batch before.
 */
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const message = event.data;
  const read = message.kind === "files" ? readJobs(message.jobs) : null;
  // Its failure is reported when its turn comes (below), not as an unhandled rejection now.
  read?.catch(() => undefined);
  queue = queue
    .then(() => handle(message, read))
    .catch((e: unknown) =>
      scope.postMessage({ kind: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
};

async function handle(message: ToWorker, read: Promise<ReadFile[]> | null): Promise<void> {
  if (message.kind === "setup") {
    // A new run: the last one's ports and submissions go.
    collector?.close();
    for (const peer of peers) peer.close();
    collected = [];
    aheads = [];
    texts = new Map();
    received = 0;
    pending = null;
    recheckBy = null;
    decision = null;
    rechecked = 0;
    chosen = message.profile;
    likely = chosen ? null : new LikelyProfile();
    setUp = true;
    collector = message.collector;
    peers = message.peers;
    for (const peer of peers) peer.onmessage = (e: MessageEvent<ToCollector>) => collect(e.data.inspected);
  } else if (message.kind === "recheck") {
    recheckBy = message.profile;
  } else if (message.kind === "files") {
    const inspected = inspectJobs(message.jobs, await read!);
    if (collector) collector.postMessage({ inspected } satisfies ToCollector);
    else collect(inspected);
    scope.postMessage({ kind: "inspected", count: inspected.length });
  } else {
    pending = message;
    consolidateWhenComplete();
  }
}

interface ReadFile {
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The batch's files read and hashed (SHA-256 by crypto.subtle), in order. */
async function readJobs(jobs: readonly FileJob[]): Promise<ReadFile[]> {
  const bytes = await Promise.all(jobs.map((j) => fileBytes(j.file)));
  const hashes = await Promise.all(bytes.map((b) => digestHex(b)));
  return bytes.map((b, k) => ({ bytes: b, sha256: hashes[k]! }));
}

function inspectJobs(jobs: readonly FileJob[], read: readonly ReadFile[]): Inspected[] {
  if (!setUp) throw new Error("inspect worker: files before setup");
  // As readWith (profile-choice.ts) in the page: the chosen profile expects its form; none follows each file's.
  // Checked again (the collector's recheck): by the profile most files name, each with its own form,
  // as consolidate-run.ts does in the page and the command does.
  const readWith = recheckBy ?? chosen ?? defaultProfileForForm(DEFAULT_FORM.id)!;
  const options = recheckBy ? RECHECK : consolidationRead(chosen ?? undefined);
  return jobs.map((j, k) => {
    const input = { file: j.file.name, ...read[k]! };
    if (likely && !recheckBy)
      return { index: j.index, ...inspectFirstPass(input, readWith, decoder, likely) };
    return { index: j.index, submission: inspectSubmission(input, readWith, decoder, options) };
  });
}

function collect(inspected: readonly Inspected[]): void {
  for (const { index, submission, ahead } of inspected) {
    collected[index] = shareTexts(submission, texts);
    if (ahead) aheads[index] = ahead;
  }
  received += inspected.length;
  consolidateWhenComplete();
}

function consolidateWhenComplete(): void {
  if (!pending || !setUp || received < pending.total + rechecked) return;
  if (decision === null) {
    decision = consolidationProfile(collected, chosen ?? undefined, pending.period);
    // Those checked ahead by the profile decided need not come again.
    const recheck = takeAhead(decision, collected, aheads);
    aheads = [];
    if (recheck.length > 0) {
      // The files were read in the workers, not kept: the page sends those again, to be checked by
      // that profile; every other file's submission stays (not all of them again: twice the wait).
      rechecked = recheck.length;
      scope.postMessage({
        kind: "recheck",
        profile: decision.profile,
        indexes: recheck,
      } satisfies FromWorker);
      return;
    }
  }
  const { profile } = decision;
  const notes = profileNotes(decision);
  const consolidation = consolidate(collected, { profile, roster: pending.roster, period: pending.period });
  pending = null;
  decision = null;
  const { chunks, rest } = consolidationChunks(consolidation);
  for (const chunk of chunks) scope.postMessage({ kind: "chunk", ...chunk });
  scope.postMessage({
    kind: "consolidated",
    consolidation: rest,
    profile,
    ...notes,
  } satisfies FromWorker);
}
