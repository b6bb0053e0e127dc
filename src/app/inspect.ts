// One submitted file from bytes to a validation result: read (bounded) then validate. Shared by
// the CLI, the standalone page and consolidation; imports neither Node nor the DOM.

import {
  MAIL_HEAD_BYTES,
  fileKindMessage,
  fileKindOf,
  textContentOf,
  type TextContent,
} from "../core/file-kinds";
import {
  fileTooLargeMessage,
  finding,
  unreadableMessage,
  UNREADABLE_AT_MESSAGES,
  UNREADABLE_MESSAGES,
  type Finding,
} from "../core/findings";
import { SHEETS } from "../core/catalogue";
import { MSG } from "../core/messages";
import {
  codeHeaderOf,
  headerColumns,
  isTypedRosterText,
  MAX_TITLE_ROWS,
  rosterHeadEncodingOf,
  rosterSheetCodeHeader,
  textEncodingOf,
} from "../core/roster";
import { foldKey } from "../core/text";
import type { Profile } from "../core/profile";
import { staleFormulaFindings } from "../core/stale";
import { findSheet, isReadSheet, isSheetToKeep, isTemplateSheet } from "../core/template-sheets";
import { NOTHING_READ, validateWorkbook, type ValidateOptions } from "../core/validate";
import type { ValidationResult } from "../core/unit-report";
import type { ReadOutcome, UnreadableReason, Workbook } from "../core/workbook";
import { internalDetail, readXlsx, type XlsxDecoder } from "../xlsx/read";

/** A result that carries one finding and nothing read: an unreadable file, or our own failure. */
function failedResult(f: Finding): ValidationResult {
  return { ...NOTHING_READ, findings: [f] };
}

/** A file this machine could not open or read (NOT_OPENED): said with what to do here, not by the unit. */
export function notOpenedResult(message: string): ValidationResult {
  return failedResult(finding("NOT_OPENED", "error", null, null, message));
}

export function unreadableResult(
  message: string,
  detail?: string,
  at?: { readonly sheet: string; readonly cell: string },
): ValidationResult {
  const f = finding("UNREADABLE", "error", at?.sheet ?? null, at?.cell ?? null, message);
  return failedResult(detail === undefined ? f : { ...f, detail });
}

/** INTERNAL: a bug of ours, told as such (never as a corrupt file), with the detail for the bug report. */
function internalResult(detail: string): ValidationResult {
  return failedResult({ ...finding("INTERNAL", "error", null, null, UNREADABLE_MESSAGES.INTERNAL), detail });
}

/** What the bytes alone cannot tell better than the file's name: the name's kind then says what the file is. */
const GENERIC_REASONS: ReadonlySet<UnreadableReason> = new Set([
  "ARCHIVE",
  "NOT_ZIP",
  // Named .pdf, .jpg…: the name's message names the file; named .xlsx, the bytes say what it is.
  "PDF_FILE",
  "IMAGE_FILE",
  "NO_WORKBOOK",
  "CORRUPT",
  "TRUNCATED",
  "EMPTY",
]);

/**
 * The result for a read that failed: INTERNAL for our bugs; a file not named .xlsx whose bytes say
 * nothing more precise (not a zip, damaged, cut short) is told what it is by its name (.xls, .ods,
 * .numbers … and how to save it as .xlsx, core/file-kinds.ts); otherwise UNREADABLE with the
 * reason's message, which the name makes exact for text files (a .csv, an .xls that is HTML or a CSV:
 * `content`, what the text's first characters show).
 */
function readFailureResult(
  reason: UnreadableReason,
  detail: string | undefined,
  fileName?: string,
  content?: TextContent,
): ValidationResult {
  if (reason === "INTERNAL") return internalResult(detail ?? "");
  // Excel's lock file, picked or named by itself (a folder scan passes it over): what it is, and the
  // workbook to take instead (it read as "text renamed .xlsx").
  const base = fileName?.split(/[\\/]/).pop() ?? "";
  if (base.startsWith("~$") && reason !== "FILE_TOO_LARGE")
    return unreadableResult(MSG.lockFile(base), detail);
  const kind = fileName === undefined ? undefined : fileKindOf(fileName).id;
  // Text under a text name (.csv) or an .xls (an HTML/XML export) is named by unreadableMessage; any
  // other name that does not read as a workbook is told what that name says it is.
  const textExplained = reason === "TEXT_FILE" && (kind === "csv" || kind === "xls");
  // An archive named as one is told by its name (what it is called); under any other name, by its bytes.
  if (reason === "ARCHIVE" && kind !== "archive")
    return unreadableResult(unreadableMessage(reason, fileName), detail);
  if (
    fileName !== undefined &&
    kind !== "xlsx" &&
    (GENERIC_REASONS.has(reason) || (reason === "TEXT_FILE" && !textExplained))
  ) {
    return unreadableResult(fileKindMessage(fileName), detail);
  }
  return unreadableResult(unreadableMessage(reason, fileName, content), detail);
}

const TEXT_HEAD_BYTES = 512;
/**
 * What is read of a text file to find a roster's header below its title lines: an official heading of
 * seven lines saved as "Văn bản Unicode" (UTF-16, two bytes a letter) fills more than 512 bytes.
 */
const ROSTER_HEAD_BYTES = 4096;

/** A text file's first characters: what it is (`head`) and, when asked, where a roster's header is looked for. */
interface TextHeads {
  /** Its first 512 bytes' characters, for textContentOf. */
  readonly head: string;
  /**
   * Its first 4096 bytes' characters, read to find a roster's header, and whether they were read as
   * Windows' Vietnamese code page (an ANSI CSV, no UTF-8); its tone marks, apart in that code page, put
   * on their letters.
   */
  readonly roster?: { readonly text: string; readonly ansi: boolean };
}

/**
 * A text file's first characters, as UTF-16 when its byte-order mark says so (Excel's "Unicode Text"),
 * else UTF-8, decoded once: the roster's 4096 bytes go on from the first 512 (read again only when they
 * are no UTF-8, in Windows' Vietnamese code page). `withRoster`: the roster's characters too.
 */
function textHeads(bytes: Uint8Array, withRoster: boolean): TextHeads {
  const decoder = new TextDecoder(textEncodingOf(bytes));
  // Streamed when more follows: a character cut by the 512th byte comes with the rest, where alone it
  // was read as "\ufffd", which textContentOf reads as it reads nothing (no sign, space or tag letter).
  const head = decoder.decode(bytes.subarray(0, TEXT_HEAD_BYTES), { stream: withRoster });
  if (!withRoster) return { head };
  const rosterBytes = bytes.subarray(0, ROSTER_HEAD_BYTES);
  const encoding = rosterHeadEncodingOf(rosterBytes);
  const text =
    encoding === decoder.encoding
      ? head + decoder.decode(rosterBytes.subarray(TEXT_HEAD_BYTES))
      : new TextDecoder(encoding).decode(rosterBytes);
  return { head, roster: { text: text.normalize("NFC"), ansi: encoding === "windows-1258" } };
}

/** A text file's first MAIL_HEAD_BYTES bytes' characters, where a web page's long mail headers are read. */
function mailHead(bytes: Uint8Array): string {
  return new TextDecoder(textEncodingOf(bytes)).decode(bytes.subarray(0, MAIL_HEAD_BYTES));
}

/**
 * Text whose header names the roster's code and name columns, as `--roster` reads them (SPEC §5
 * `MA_DON_VI`, `TEN_DON_VI`, or "Mã đơn vị", "Mã ĐV", "Tên cơ quan, đơn vị" …), in its first line or
 * below a few title lines: "list" when it names its type column too (`LOAI_DON_VI`, "Loại đơn vị",
 * "Loại hình" …) and no count of the form (a unit's own figures exported with its code and name,
 * `MA_DON_VI,TEN_DON_VI,HN_TONG`, are no list); "columns" when only code and name; undefined when not
 * those. Headed other than by the standard names ("Mã;Tên;Loại", "Mã ĐV;…"), a "list" only by its
 * rows' unit types as well (`isTypedRosterText`), else undefined: such heads are too common in a
 * unit's own export. `whole`: `head` is the whole file. `code`: the code column's header as the list has
 * it, for the message to name ("Mã đơn vị", not always MA_DON_VI).
 */
function rosterHeader(
  head: string,
  profile: Profile,
  whole: boolean,
): { readonly kind: "list" | "columns"; readonly code: string } | undefined {
  const counts = new Set(profile.form.counts.map((f) => foldKey(f.code).replace(/_/g, " ")));
  const lines = head.split(/\r\n|\r|\n/);
  // Title lines counted as --roster counts rows: those with text, not the blank ";;;" between blocks.
  let titles = 0;
  for (let i = 0; titles <= MAX_TITLE_ROWS && i < lines.length; i++) {
    const cells = lines[i]!.split(/[,;\t]/).map((h) => h.replace(/^[\s"'\ufeff]+|[\s"']+$/g, ""));
    if (cells.every((c) => c === "")) continue;
    titles++;
    const columns = headerColumns(cells);
    if (!columns.has("code") || !columns.has("name")) continue;
    const headers = cells.map((h) => foldKey(h).replace(/_/g, " "));
    const list = columns.has("type") && !headers.some((h) => counts.has(h));
    const code = codeHeaderOf(cells) ?? "";
    if (headers.includes("ma don vi") && headers.includes("ten don vi"))
      return { kind: list ? "list" : "columns", code };
    return list && isTypedRosterText(lines.slice(i).join("\n"), whole) ? { kind: "list", code } : undefined;
  }
  return undefined;
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
  return inspectBytesThen(bytes, profile, decoder, options, () => undefined)[0];
}

/** A second check of a file already read: by this profile, with these options. */
export interface CheckAgain {
  readonly profile: Profile;
  readonly options: ValidateOptions;
}

/**
 * As inspectBytes, and then — when `then` asks, given the first result — the same workbook validated
 * again as inspectBytes would validate it by that profile: one read for two checks (a consolidation's
 * first pass, app/consolidate-files.ts). Read again when the two profiles' reading limits differ.
 */
export function inspectBytesThen(
  bytes: Uint8Array,
  profile: Profile,
  decoder: XlsxDecoder,
  options: ValidateOptions & { readonly fileName?: string },
  then: (first: ValidationResult) => CheckAgain | undefined,
): readonly [ValidationResult, ValidationResult | undefined] {
  const read = readXlsx(bytes, {
    limits: profile.limits,
    sheetFilter: isSheetToKeep,
    inflateRaw: decoder.inflateRaw,
    memo: decoder.memo,
  });
  if (!read.ok) {
    const first = readFailure(read, bytes, profile, options.fileName);
    const again = then(first);
    return [first, again && inspectBytes(bytes, again.profile, decoder, againOptions(again, options))];
  }
  const first = judgeWorkbook(read.workbook, bytes, profile, decoder, options);
  const again = then(first);
  if (again === undefined) return [first, undefined];
  const second = againOptions(again, options);
  return [
    first,
    sameLimits(profile.limits, again.profile.limits)
      ? judgeWorkbook(read.workbook, bytes, again.profile, decoder, second)
      : inspectBytes(bytes, again.profile, decoder, second),
  ];
}

/** The second check's own options and the file's name: nothing of the first's (its `fileProfile` would follow the profile the file names). */
function againOptions(
  again: CheckAgain,
  first: { readonly fileName?: string },
): ValidateOptions & { readonly fileName?: string } {
  return first.fileName === undefined ? again.options : { ...again.options, fileName: first.fileName };
}

/** Whether two profiles read files alike (their reading limits). */
export function sameLimits(a: Profile["limits"], b: Profile["limits"]): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof Profile["limits"])[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function readFailure(
  read: Extract<ReadOutcome, { ok: false }>,
  bytes: Uint8Array,
  profile: Profile,
  fileName: string | undefined,
): ValidationResult {
  // A roster (MA_DON_VI, TEN_DON_VI …) saved as CSV and left in the reports' folder is said to be
  // one, left out of every count: no unit's returned report. Named .xls or .xlsx, as a unit's report
  // is, it must name the type column too and no count (XA_NGA_SON.xlsx of the samples, a unit's
  // figures as CSV, stays that unit's returned file), and is told to be renamed .csv to be used.
  const kind = fileName === undefined ? undefined : fileKindOf(fileName).id;
  const heads = read.reason === "TEXT_FILE" ? textHeads(bytes, kind !== undefined) : undefined;
  const head = heads?.head;
  const rosterRead = heads?.roster;
  const roster =
    rosterRead === undefined
      ? undefined
      : rosterHeader(rosterRead.text, profile, bytes.length <= ROSTER_HEAD_BYTES);
  // Saved as ANSI CSV, any name: --roster and the page read UTF-8 only, so it is saved again first.
  if (rosterRead?.ansi === true && (roster?.kind === "list" || (roster !== undefined && kind === "csv")))
    return {
      ...unreadableResult(MSG.rosterAnsiNotReport(roster.code), read.detail),
      notAReport: "roster",
      notUtf8: true,
    };
  if (roster !== undefined && kind === "csv")
    return { ...unreadableResult(MSG.rosterNotReport(roster.code), read.detail), notAReport: "roster" };
  if (roster?.kind === "list" && (kind === "xls" || kind === "xlsx"))
    return {
      ...unreadableResult(MSG.rosterTextNotReport(roster.code, kind), read.detail),
      notAReport: "roster",
    };
  if (read.reason === "FILE_TOO_LARGE")
    return unreadableResult(fileTooLargeMessage(bytes.length, profile.limits.maxFileBytes), read.detail);
  const placed = read.at === undefined ? undefined : UNREADABLE_AT_MESSAGES[read.reason];
  if (placed !== undefined) return unreadableResult(placed, read.detail, read.at);
  const content = head === undefined ? undefined : textContentOf(head, () => mailHead(bytes));
  return readFailureResult(read.reason, read.detail, fileName, content);
}

/** A workbook read: validated, with its stale formulas; a roster among the reports is said to be one. */
function judgeWorkbook(
  workbook: Workbook,
  bytes: Uint8Array,
  profile: Profile,
  decoder: XlsxDecoder,
  options: ValidateOptions,
): ValidationResult {
  try {
    const rosterCode = workbook.sheets.some((sheet) => isReadSheet(sheet.name))
      ? undefined
      : rosterWorkbookCodeHeader(bytes, workbook.sheetNames, decoder, profile);
    if (rosterCode !== undefined)
      return {
        ...failedResult(finding("NOT_TEMPLATE", "error", null, null, MSG.rosterNotReport(rosterCode))),
        notAReport: "roster",
      };
    const result = validateWorkbook(withSkippedSheets(workbook, bytes, decoder, profile), profile, options);
    const stale = staleFormulaFindings(workbook);
    return stale.length === 0 ? result : { ...result, findings: [...result.findings, ...stale] };
  } catch (e) {
    // Validation returns findings for any workbook; an exception is our bug, not the file's.
    return internalResult(internalDetail(e));
  }
}

/** At most this many sheets, a workbook of none of the template's is read whole (the form pasted into a new one). */
const PASTED_SHEETS = 6;

/**
 * A report without a "Thông tin" sheet, with the sheets the reader skipped read too: Thông tin
 * renamed to anything ("Sheet1", "TT đơn vị") is then found by its rows (core/template-sheets.ts), and the
 * file known as its unit's. Only such files pay for the second read; one that fails it (a sheet over
 * the limits) is validated as first read.
 */
function withSkippedSheets(
  workbook: Workbook,
  bytes: Uint8Array,
  decoder: XlsxDecoder,
  profile: Profile,
): Workbook {
  // A report that lacks Thông tin only, or the form pasted as values into a new workbook ("Sheet1"…
  // of a few sheets): a large spreadsheet of none of the template's sheets is not read whole.
  if (
    findSheet(workbook, SHEETS.info) !== undefined ||
    (!workbook.sheets.some((s) => isTemplateSheet(s.name)) &&
      (workbook.sheetNames?.length ?? 0) > PASTED_SHEETS)
  )
    return workbook;
  const read = new Set(workbook.sheets.map((s) => s.name));
  if ((workbook.sheetNames ?? []).every((name) => read.has(name))) return workbook;
  const skipped = readXlsx(bytes, {
    limits: profile.limits,
    sheetFilter: (name) => !isSheetToKeep(name),
    inflateRaw: decoder.inflateRaw,
  });
  return skipped.ok ? { ...workbook, sheets: [...workbook.sheets, ...skipped.workbook.sheets] } : workbook;
}

/**
 * The code column's header of a workbook with none of the template's sheets whose first sheet is a
 * roster (MA_DON_VI, TEN_DON_VI …): the roster saved as .xlsx and left among the reports. Read again for
 * that one sheet; only files that are not reports pay for it.
 */
function rosterWorkbookCodeHeader(
  bytes: Uint8Array,
  sheetNames: readonly string[] | undefined,
  decoder: XlsxDecoder,
  profile: Profile,
): string | undefined {
  const first = sheetNames?.[0];
  if (first === undefined) return undefined;
  const read = readXlsx(bytes, {
    limits: profile.limits,
    sheetFilter: (name) => name === first,
    inflateRaw: decoder.inflateRaw,
  });
  const sheet = read.ok ? read.workbook.sheets[0] : undefined;
  return sheet === undefined ? undefined : rosterSheetCodeHeader(sheet);
}

/**
 * Like inspectBytes, for a file known by its name: a file not named .xlsx that does not read as a
 * workbook is told what it is (.xls, .ods, .csv …) and how to save it as .xlsx (a .csv was never
 * "renamed"). One that reads as a workbook (an .xlsx saved under another name) is validated like
 * any other.
 */
export function inspectNamedBytes(
  name: string,
  bytes: Uint8Array,
  profile: Profile,
  decoder: XlsxDecoder = {},
  options: ValidateOptions = {},
): ValidationResult {
  return inspectBytes(bytes, profile, decoder, { ...options, fileName: name });
}
