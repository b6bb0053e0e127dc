// Many submitted files (bytes) to one consolidation: inspect each, then consolidate (SPEC §5).
// Shared by the CLI and the taskpane; imports neither Node nor the DOM.

import { consolidate, type ConsolidateOptions, type Consolidation, type Submission } from "../core/consolidate";
import type { Profile } from "../core/profile";
import { createDecoder, type XlsxDecoder } from "../xlsx/read";
import { inspectBytes } from "./inspect";

export interface FileBytes {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Read and validate one submitted file; never throws for any input. */
export function inspectSubmission(input: FileBytes, profile: Profile, decoder?: XlsxDecoder): Submission {
  return { file: input.file, sha256: input.sha256, result: inspectBytes(input.bytes, profile, decoder, input.file) };
}

export interface ConsolidateBytesOptions extends ConsolidateOptions {
  /** One decoder for all the files (default: a browser-safe one made here). */
  readonly decoder?: XlsxDecoder;
  /** Called after each file is inspected (for a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
}

export function consolidateBytes(files: readonly FileBytes[], options: ConsolidateBytesOptions): Consolidation {
  const decoder = options.decoder ?? createDecoder();
  const submissions = files.map((f, i) => {
    const s = inspectSubmission(f, options.profile, decoder);
    options.onProgress?.(i + 1, files.length);
    return s;
  });
  return consolidate(submissions, { profile: options.profile, roster: options.roster, period: options.period });
}
