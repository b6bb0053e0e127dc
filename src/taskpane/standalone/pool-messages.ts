// The messages between the page and its inspect workers (worker-pool.ts ↔ inspect-worker.ts), and the
// consolidation the page makes of what they send back (PageConsolidation).

import type { Period } from "../../core/form";
import type { Consolidation, Submission } from "../../core/consolidation";
import type { Ahead, ProfileNotes } from "../../app/consolidate-files";
import type { Profile, RosterUnit } from "../../core/profile";

/**
 * A consolidation made in the page — by the workers, or with few files by the page itself
 * (consolidate-run.ts) — with the profile it used and any profile the files name aside.
 */
export interface PageConsolidation extends ProfileNotes {
  readonly consolidation: Consolidation;
  readonly profile: Profile;
}

export interface FileJob {
  readonly index: number;
  readonly file: File;
}

export interface Inspected {
  readonly index: number;
  readonly submission: Submission;
  /** No profile chosen: the file checked ahead by the likely profile too (consolidate-files.ts inspectFirstPass). */
  readonly ahead?: Ahead;
}

/** Page → worker. `setup` first and once; the collector (worker 0) gets every other worker's port. */
export type ToWorker =
  /** `profile` null: each file read with its own form, the form most files declare consolidated (SPEC §8). */
  | {
      readonly kind: "setup";
      readonly profile: Profile | null;
      readonly collector: MessagePort | null;
      readonly peers: readonly MessagePort[];
    }
  | { readonly kind: "files"; readonly jobs: readonly FileJob[] }
  /** The files that follow are checked again by `profile` (the collector's "recheck"), each with its own form. */
  | { readonly kind: "recheck"; readonly profile: Profile }
  | {
      readonly kind: "consolidate";
      readonly total: number;
      readonly roster?: readonly RosterUnit[];
      /** The period chosen in the page; the one most files declare when absent. */
      readonly period?: Period;
    };

/** Worker → page. */
export type FromWorker =
  | { readonly kind: "inspected"; readonly count: number }
  /** A slice of one of the consolidation's long lists, sent ahead of it (see CHUNKED_LISTS). */
  | { readonly kind: "chunk"; readonly list: ChunkedList; readonly items: readonly unknown[] }
  /** The consolidation, its chunked lists empty: the page appends the chunks it got, in order. */
  | ({
      readonly kind: "consolidated";
      readonly consolidation: Consolidation;
      readonly profile: Profile;
    } & ProfileNotes)
  /**
   * No profile was chosen, most files name `profile`, and some of its form's files were checked by
   * another (consolidate-files.ts consolidationProfile): the page sends those files (`indexes`) again,
   * to be checked by `profile`; the collector keeps the others' submissions and then consolidates.
   */
  | {
      readonly kind: "recheck";
      readonly profile: Profile;
      readonly indexes: readonly number[];
    }
  | { readonly kind: "failed"; readonly message: string };

/** Worker → collector: submissions at their file's index. */
export interface ToCollector {
  readonly inspected: readonly Inspected[];
}

/**
 * The lists that grow with the files. A message is unpacked in one main-thread task: sent whole, a
 * CCHC consolidation of 1,000 units took 90 ms to unpack; in slices each takes a few.
 */
export const CHUNKED_LISTS = ["units", "shortfalls", "sources", "rejected"] as const;
export type ChunkedList = (typeof CHUNKED_LISTS)[number];
/** Items per chunk message. */
export const CHUNK_ITEMS = 100;

/** A consolidation as messages: CHUNK_ITEMS of each long list at a time, then the rest with those lists empty. */
export function consolidationChunks(consolidation: Consolidation): {
  readonly chunks: readonly { readonly list: ChunkedList; readonly items: readonly unknown[] }[];
  readonly rest: Consolidation;
} {
  const chunks: { list: ChunkedList; items: readonly unknown[] }[] = [];
  const rest: Record<string, unknown> = { ...consolidation };
  for (const list of CHUNKED_LISTS) {
    const items = consolidation[list];
    for (let i = 0; i < items.length; i += CHUNK_ITEMS)
      chunks.push({ list, items: items.slice(i, i + CHUNK_ITEMS) });
    rest[list] = [];
  }
  return { chunks, rest: rest as unknown as Consolidation };
}

/** Collects the chunks of consolidationChunks and puts the consolidation back together. */
export class ConsolidationJoiner {
  private readonly lists = Object.fromEntries(CHUNKED_LISTS.map((list) => [list, [] as unknown[]])) as Record<
    ChunkedList,
    unknown[]
  >;

  add(list: ChunkedList, items: readonly unknown[]): void {
    this.lists[list].push(...items);
  }

  /** The whole consolidation; the joiner starts empty again. */
  join(rest: Consolidation): Consolidation {
    const whole: Record<string, unknown> = { ...rest };
    for (const list of CHUNKED_LISTS) {
      whole[list] = this.lists[list];
      this.lists[list] = [];
    }
    return whole as unknown as Consolidation;
  }
}
