// Many submitted files (bytes) to one consolidation: inspect each, then consolidate (SPEC §5).
// Shared by the CLI and the taskpane; imports neither Node nor the DOM.

import { consolidate, majorityForm, majorityPeriod, type ConsolidateOptions } from "../core/consolidate";
import type { Consolidation, Submission } from "../core/consolidation";
import { compareText } from "../core/text";
import type { Period } from "../core/form";
import { DEFAULT_FORM } from "../core/forms";
import type { Profile } from "../core/profile";
import { defaultProfileForForm, shippedProfile } from "../core/profiles";
import type { ValidateOptions } from "../core/validate";
import type { ValidationResult } from "../core/unit-report";
import { createDecoder, type XlsxDecoder } from "../xlsx/read";
import { inspectBytesThen, inspectNamedBytes, sameLimits } from "./inspect";

export interface FileBytes {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Read and validate one submitted file (a file not named .xlsx is told what it is); never throws for any input. */
export function inspectSubmission(
  input: FileBytes,
  profile: Profile,
  decoder?: XlsxDecoder,
  options?: ValidateOptions,
): Submission {
  return {
    file: input.file,
    sha256: input.sha256,
    result: inspectNamedBytes(input.file, input.bytes, profile, decoder, options),
  };
}

/** A file checked ahead (below) by the profile of profiles/ named `profile`, as RECHECK would check it. */
export interface Ahead {
  readonly profile: Profile["id"];
  readonly submission: Submission;
}

/**
 * A guess, made on one thread's files as they come, at the profile a consolidation without a chosen
 * one will use: per form, the profile of profiles/ most of its files so far name, once more of them
 * name it than name none (consolidationProfile's rule, on the files seen). A file that
 * consolidationProfile would list to check again by it is checked by it at once, on the same read
 * (inspectFirstPass): when the guess holds, as it does when a province's units fill its plan's
 * template and a few an older one, no file is read twice.
 */
export class LikelyProfile {
  /** Per form: how many files name each profile ("" = none). */
  private readonly named = new Map<string, Map<string, number>>();

  /** The guess for a file of `formId`, or undefined while no profile is named by more of its files than none. */
  of(formId: string): Profile | undefined {
    const tally = this.named.get(formId);
    if (tally === undefined) return undefined;
    const best = mostNamed(tally);
    return best !== undefined && tally.get(best)! > (tally.get("") ?? 0) ? shippedProfile(best) : undefined;
  }

  /** Counts a file's first check. */
  note(result: ValidationResult): void {
    if (result.form === null || result.notAReport !== undefined) return;
    let tally = this.named.get(result.form);
    if (tally === undefined) this.named.set(result.form, (tally = new Map()));
    const key = result.profile ?? "";
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
}

/** A tally's entries, most counted first (ties: by name). */
function mostFirst(tally: ReadonlyMap<string, number>): [string, number][] {
  return [...tally.entries()].sort(([a, m], [b, n]) => n - m || compareText(a, b));
}

/** The profile most files name in a tally by profile ("" = none, never chosen); ties: the first by name. */
function mostNamed(tally: ReadonlyMap<string, number>): string | undefined {
  return mostFirst(tally).find(([key]) => key !== "")?.[0];
}

/**
 * One file of a consolidation's first pass without a chosen profile (consolidationRead(undefined)),
 * by `readWith`; when `likely` would have it checked again, also its check by that profile on the
 * same read.
 */
export function inspectFirstPass(
  input: FileBytes,
  readWith: Profile,
  decoder: XlsxDecoder,
  likely: LikelyProfile,
): { readonly submission: Submission; readonly ahead?: Ahead } {
  let by: Profile | undefined;
  const [first, again] = inspectBytesThen(
    input.bytes,
    readWith,
    decoder,
    { ...consolidationRead(undefined), fileName: input.file },
    (result) => {
      const guess = result.form === null ? undefined : likely.of(result.form);
      // Read alike (limits), or the check again would read what this read did not.
      by =
        guess !== undefined && checkedAgainBy(result, guess) && sameLimits(readWith.limits, guess.limits)
          ? guess
          : undefined;
      return by && { profile: by, options: RECHECK };
    },
  );
  likely.note(first);
  const submission = { file: input.file, sha256: input.sha256, result: first };
  return by && again
    ? { submission, ahead: { profile: by.id, submission: { ...submission, result: again } } }
    : { submission };
}

/** Whether consolidationProfile, choosing `profile` (named by files), lists this first check to check again. */
function checkedAgainBy(result: ValidationResult, profile: Profile): boolean {
  return result.form === profile.form.id && result.notAReport === undefined && result.profile !== profile.id;
}

/**
 * The files `decision` lists to check again that were checked ahead by its profile take that check
 * (`submissions` is updated); the others, still to check again, are returned.
 */
export function takeAhead(
  decision: ProfileDecision,
  submissions: Submission[],
  aheads: readonly (Ahead | undefined)[],
): number[] {
  // Only a profile the files name (namedBy) can have been guessed: a form's default never is.
  if (decision.namedBy === undefined) return [...decision.recheck];
  const left: number[] = [];
  for (const i of decision.recheck) {
    const ahead = aheads[i];
    if (ahead?.profile !== undefined && ahead.profile === decision.profile.id)
      submissions[i] = ahead.submission;
    else left.push(i);
  }
  return left;
}

/** Which profile a consolidation uses, and which files must be checked again by it. */
export interface ProfileDecision {
  readonly profile: Profile;
  /** Indexes of submissions of its form that were checked by another profile: check them again by `profile`. */
  readonly recheck: readonly number[];
  /** When no profile was given and the files name the one used: how many files of its form name it, of how many. */
  readonly namedBy?: { readonly files: number; readonly of: number };
  /** With `namedBy`: the other profiles of profiles/ files of the form name, most named first, and how many files each. */
  readonly namedOthers?: readonly { readonly profile: Profile; readonly files: number }[];
  /**
   * When no profile was given and the form's default was used although some files name a profile of
   * profiles/ (fewer than name none): the one most of them name, and how many files of how many.
   */
  readonly namedAside?: {
    readonly profile: Profile;
    readonly files: number;
    readonly of: number;
    /** Files of the form that name no profile this build has (none, or one it lacks): at least `files`. */
    readonly none: number;
  };
  /**
   * When no profile was given and files of the form name a profile this build lacks (a plan the
   * province added to its own server's profiles/, not to this copy): each such profile, most named
   * first, with its files, and how many files of the form were counted.
   */
  readonly namedUnknown?: {
    readonly plans: readonly { readonly id: string; readonly files: number }[];
    readonly of: number;
  };
}

/** How many files name a profile this build lacks (0 without the note). */
export function unknownFiles(namedUnknown: ProfileDecision["namedUnknown"]): number {
  return namedUnknown?.plans.reduce((n, p) => n + p.files, 0) ?? 0;
}

/**
 * The plan this build lacks that most of the form's files name, when more than half of them name
 * lacked plans: documents made now would carry the default profile's organisation, so the command
 * refuses them and the page holds them (a profile chosen by the user is the user's call).
 */
export function lackedPlanOfMost(namedUnknown: ProfileDecision["namedUnknown"]): string | undefined {
  return namedUnknown !== undefined && unknownFiles(namedUnknown) * 2 > namedUnknown.of
    ? namedUnknown.plans[0]?.id
    : undefined;
}

/** What is said beside the profile a consolidation used. */
export type ProfileNotes = Pick<ProfileDecision, "namedAside" | "namedOthers" | "namedUnknown">;

/** What is said beside the profile a consolidation used (namedAside, namedOthers, namedUnknown): only those there are. */
export function profileNotes(decision: ProfileNotes): ProfileNotes {
  const { namedAside, namedOthers, namedUnknown } = decision;
  return {
    ...(namedAside ? { namedAside } : {}),
    ...(namedOthers ? { namedOthers } : {}),
    ...(namedUnknown ? { namedUnknown } : {}),
  };
}

/**
 * The profile a consolidation uses (SPEC §8): the one given; without one, of the form most files
 * declare (tie: KL226-BC/1), the profile of profiles/ that most of its files of the consolidated
 * period name (templates made with it record it; `period` when given, else the one most declare),
 * else that form's default. Files must then have been inspected with
 * `forms: "follow", fileProfile: true`, so each was read with its own form and the profile it names;
 * those its form's files checked by another are listed to be checked again, so every file counted is
 * checked by the profile the summary states.
 */
export function consolidationProfile(
  submissions: readonly Submission[],
  given: Profile | undefined,
  period?: Period,
): ProfileDecision {
  if (given) return { profile: given, recheck: [] };
  const formId = majorityForm(submissions, DEFAULT_FORM.id);
  const fallback = defaultProfileForForm(formId) ?? defaultProfileForForm(DEFAULT_FORM.id)!;
  // Files of another period than the one consolidated (given, else the one most files declare) do
  // not choose the plan: last year's reports on an older template outvoted this period's plan files.
  const consolidated = period ?? majorityPeriod(submissions, formId);
  const otherPeriod = (s: Submission): boolean =>
    consolidated !== null &&
    s.result.period !== null &&
    s.result.year !== null &&
    (s.result.period !== consolidated.kind || s.result.year !== consolidated.year);
  // Each file of the form by the profile it was checked by ("" = its form's default); ties keep the default.
  const tally = new Map<string, number>([["", 0]]);
  // Profiles named that this build lacks (counted among "" above: the files were checked by the default).
  const unknown = new Map<string, number>();
  let ofForm = 0;
  for (const s of submissions) {
    if (s.result.form !== formId || s.result.notAReport !== undefined || otherPeriod(s)) continue;
    ofForm++;
    const key = s.result.profile ?? "";
    tally.set(key, (tally.get(key) ?? 0) + 1);
    const lacked = s.result.unknownProfile;
    if (lacked !== undefined) unknown.set(lacked, (unknown.get(lacked) ?? 0) + 1);
  }
  const namedUnknown =
    unknown.size === 0
      ? {}
      : {
          namedUnknown: {
            plans: mostFirst(unknown).map(([id, files]) => ({ id, files })),
            of: ofForm,
          },
        };
  // The profile most files name (ties: the first by name); it is used when more files name it than
  // name none, else said aside. Only profiles of profiles/ are ever recorded as `result.profile`.
  const best = mostNamed(tally);
  const count = best === undefined ? 0 : tally.get(best)!;
  const own = best !== undefined && count > tally.get("")! ? shippedProfile(best) : undefined;
  const profile = own ?? fallback;
  const chosenKey = own === undefined ? "" : best;
  const recheck: number[] = [];
  submissions.forEach((s, i) => {
    if (
      s.result.form === formId &&
      s.result.notAReport === undefined &&
      (s.result.profile ?? "") !== chosenKey
    )
      recheck.push(i);
  });
  if (own !== undefined) {
    // Files of the form naming another plan: checked by this one like the rest, and said (a tie or a
    // small lead picks one plan of two; the analyst must see that another was in the inbox).
    const namedOthers = mostFirst(tally)
      .filter(([key]) => key !== "" && key !== best)
      .map(([key, files]) => ({ profile: shippedProfile(key)!, files }));
    return {
      profile,
      recheck,
      namedBy: { files: count, of: ofForm },
      ...(namedOthers.length > 0 ? { namedOthers } : {}),
      ...namedUnknown,
    };
  }
  const aside = best === undefined ? undefined : shippedProfile(best);
  return aside === undefined
    ? { profile, recheck, ...namedUnknown }
    : {
        profile,
        recheck,
        namedAside: { profile: aside, files: count, of: ofForm, none: tally.get("")! },
        ...namedUnknown,
      };
}

/** The read options of a consolidation: the given profile expects its form; none follows each file's form and named profile. */
export function consolidationRead(given: Profile | undefined): ValidateOptions {
  return given ? { forms: "expect" } : { forms: "follow", fileProfile: true };
}

/** How a file listed by `consolidationProfile` is checked again: by the consolidation's profile, whatever it names. */
export const RECHECK: ValidateOptions = { forms: "follow" };

export interface ConsolidateBytesOptions extends Omit<ConsolidateOptions, "profile"> {
  /** The profile chosen by the user; absent = the default profile of the form most files declare. */
  readonly profile?: Profile;
  /** One decoder for all the files (default: a browser-safe one made here). */
  readonly decoder?: XlsxDecoder;
  /** Called after each file is inspected (for a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
}

export function consolidateBytes(
  files: readonly FileBytes[],
  options: ConsolidateBytesOptions,
): Consolidation {
  const decoder = options.decoder ?? createDecoder();
  const readWith = options.profile ?? defaultProfileForForm(DEFAULT_FORM.id)!;
  const read = consolidationRead(options.profile);
  const submissions = files.map((f, i) => {
    const s = inspectSubmission(f, readWith, decoder, read);
    options.onProgress?.(i + 1, files.length);
    return s;
  });
  const { profile, recheck } = consolidationProfile(submissions, options.profile, options.period);
  for (const i of recheck) submissions[i] = inspectSubmission(files[i]!, profile, decoder, RECHECK);
  return consolidate(submissions, { profile, roster: options.roster, period: options.period });
}
