// One submitted file from bytes to a validation result: read (bounded) then validate. Shared by
// the CLI, the standalone page and consolidation; imports neither Node nor the DOM.

import { finding, unreadableMessage, UNREADABLE_MESSAGES, type Finding } from "../core/findings";
import type { Profile } from "../core/profile";
import { staleFormulaFindings } from "../core/stale";
import { isTemplateSheet, validateWorkbook, type ValidateOptions, type ValidationResult } from "../core/validate";
import type { UnreadableReason } from "../core/workbook";
import { internalDetail, readXlsx, type XlsxDecoder } from "../xlsx/read";

/** A result that carries one finding and nothing read: an unreadable file, or our own failure. */
function failedResult(f: Finding): ValidationResult {
  return {
    valid: false,
    findings: [f],
    form: null,
    unit: null,
    unitName: null,
    period: null,
    year: null,
    reportDate: null,
    report: null,
  };
}

function unreadableResult(message: string, detail?: string): ValidationResult {
  const f = finding("UNREADABLE", "error", null, null, message);
  return failedResult(detail === undefined ? f : { ...f, detail });
}

/** INTERNAL: a bug of ours, told as such (never as a corrupt file), with the detail for the bug report. */
function internalResult(detail: string): ValidationResult {
  return failedResult({ ...finding("INTERNAL", "error", null, null, UNREADABLE_MESSAGES.INTERNAL), detail });
}

/** The result for a read that failed: INTERNAL for our bugs, otherwise UNREADABLE with the reason's message. */
function readFailureResult(
  reason: UnreadableReason,
  detail: string | undefined,
  fileName?: string,
): ValidationResult {
  if (reason === "INTERNAL") return internalResult(detail ?? "");
  return unreadableResult(unreadableMessage(reason, fileName), detail);
}

/**
 * Read and validate one workbook's bytes; never throws for any input. For many files pass one
 * decoder (createDecoder, or createNodeDecoder in Node) to all of them. `options.forms` says
 * whether a file of another form than the profile's is rejected ("expect", the default) or read
 * with its own form ("follow", SPEC §8 for validate and consolidate without a profile);
 * `options.fileName`, when known, makes the message for an unreadable file exact (a .csv is not "renamed").
 */
export function inspectBytes(
  bytes: Uint8Array,
  profile: Profile,
  decoder: XlsxDecoder = {},
  options: ValidateOptions & { readonly fileName?: string } = {},
): ValidationResult {
  const read = readXlsx(bytes, {
    limits: profile.limits,
    sheetFilter: isTemplateSheet,
    inflateRaw: decoder.inflateRaw,
    memo: decoder.memo,
  });
  if (!read.ok) return readFailureResult(read.reason, read.detail, options.fileName);
  try {
    const result = validateWorkbook(read.workbook, profile, options);
    const stale = staleFormulaFindings(read.workbook);
    return stale.length === 0 ? result : { ...result, findings: [...result.findings, ...stale] };
  } catch (e) {
    // Validation returns findings for any workbook; an exception is our bug, not the file's.
    return internalResult(internalDetail(e));
  }
}
