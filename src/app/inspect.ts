// One submitted file from bytes to a validation result: read (bounded) then validate. Shared by
// the CLI, the standalone page and consolidation; imports neither Node nor the DOM.

import { fileKindMessage, fileKindOf } from "../core/file-kinds";
import { finding, UNREADABLE_MESSAGES } from "../core/findings";
import type { Profile } from "../core/profile";
import { isTemplateSheet, validateWorkbook, type ValidateOptions, type ValidationResult } from "../core/validate";
import { readXlsx, type XlsxDecoder } from "../xlsx/read";

export function unreadableResult(message: string): ValidationResult {
  return {
    valid: false,
    findings: [finding("UNREADABLE", "error", null, null, message)],
    form: null,
    unit: null,
    unitName: null,
    period: null,
    year: null,
    reportDate: null,
    report: null,
  };
}

/**
 * Read and validate one workbook's bytes; never throws for any input. For many files pass one
 * decoder (createDecoder, or createNodeDecoder in Node) to all of them. `options.forms` says
 * whether a file of another form than the profile's is rejected ("expect", the default) or read
 * with its own form ("follow", SPEC §8 for validate and consolidate without a profile).
 */
export function inspectBytes(bytes: Uint8Array, profile: Profile, decoder: XlsxDecoder = {}, options: ValidateOptions = {}): ValidationResult {
  const read = readXlsx(bytes, { limits: profile.limits, sheetFilter: isTemplateSheet, inflateRaw: decoder.inflateRaw, memo: decoder.memo });
  if (!read.ok) return unreadableResult(UNREADABLE_MESSAGES[read.reason]);
  return validateWorkbook(read.workbook, profile, options);
}

/**
 * Like inspectBytes, for a file known by its name: a file not named .xlsx that does not read as a
 * workbook is told what it is by its extension (.xls, .ods, .csv …) and how to save it as .xlsx,
 * rather than being guessed at from its bytes (a .csv was never "renamed"). One that reads as a
 * workbook (an .xlsx saved under another name) is validated like any other.
 */
export function inspectNamedBytes(name: string, bytes: Uint8Array, profile: Profile, decoder: XlsxDecoder = {}, options: ValidateOptions = {}): ValidationResult {
  const result = inspectBytes(bytes, profile, decoder, options);
  if (fileKindOf(name).id === "xlsx" || result.findings[0]?.code !== "UNREADABLE") return result;
  return unreadableResult(fileKindMessage(name));
}
