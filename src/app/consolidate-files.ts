// Many submitted files (bytes) to one consolidation: inspect each, then consolidate (SPEC §5).
// Shared by the CLI and the taskpane; imports neither Node nor the DOM.

import {
  consolidate,
  majorityForm,
  type ConsolidateOptions,
  type Consolidation,
  type Submission,
} from "../core/consolidate";
import { DEFAULT_FORM } from "../core/forms";
import type { Profile } from "../core/profile";
import { defaultProfileForForm } from "../core/profiles";
import type { ValidateOptions } from "../core/validate";
import { createDecoder, type XlsxDecoder } from "../xlsx/read";
import { inspectNamedBytes } from "./inspect";

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

/**
 * The profile a consolidation uses (SPEC §8): the one given; without one, the default profile of
 * the form most files declare (tie: KL226-BC/1). Files must then have been inspected with
 * `forms: "follow"`, so each was read with its own form.
 */
export function consolidationProfile(
  submissions: readonly Submission[],
  given: Profile | undefined,
): Profile {
  if (given) return given;
  return (
    defaultProfileForForm(majorityForm(submissions, DEFAULT_FORM.id)) ??
    defaultProfileForForm(DEFAULT_FORM.id)!
  );
}

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
  const forms = options.profile ? "expect" : "follow";
  const submissions = files.map((f, i) => {
    const s = inspectSubmission(f, readWith, decoder, { forms });
    options.onProgress?.(i + 1, files.length);
    return s;
  });
  const profile = consolidationProfile(submissions, options.profile);
  return consolidate(submissions, { profile, roster: options.roster, period: options.period });
}
