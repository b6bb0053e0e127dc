// Whether a file found among a run's inputs is what this command wrote there on an earlier run (a
// summary, its JSON, a Word document or letter of KL226): only such a file may be replaced by this
// run's output and left out of its inputs. Anything else there was sent by someone, and a source file
// is never overwritten. (A roll-up is never written among the inputs: consolidate-command.ts refuses.)

import { existsSync, readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { SUMMARY_SHEETS } from "../core/catalogue";
import { parseWorkbookPart } from "../xlsx/sml";
import { entryData, readZipDirectory } from "../xlsx/zip";

export type EarlierOutputKind = "summary" | "json" | "docx";

/**
 * Whether a file found in the inputs' folders is KL226's own letter or report of an earlier run (a
 * letters' folder inside the inbox): passed over by validate and consolidate alike, not checked as a
 * unit's Word file. Only a .docx file is opened to tell.
 */
export function isOwnDocument(path: string): boolean {
  return /\.docx$/i.test(path) && isEarlierOutput(path, "docx");
}

/**
 * True when `path` holds an earlier output of the given kind. A file that cannot be read is not one
 * (the caller then refuses to overwrite it).
 */
export function isEarlierOutput(path: string, kind: EarlierOutputKind): boolean {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return false;
  }
  switch (kind) {
    case "summary":
      return isSummaryWorkbook(bytes);
    case "json":
      return isReportJson(bytes);
    case "docx":
      return isKl226Docx(bytes);
  }
}

const SUMMARY_MARKS = new Set<string>([SUMMARY_SHEETS.summary, SUMMARY_SHEETS.sources]);

/**
 * A KL226 summary: its sheet list (xl/workbook.xml) has Tổng hợp and Nguồn. Told from the list alone,
 * not by reading those sheets (a 1,000-unit summary's are ≈ 0.1 s of every re-run that checks the
 * file it replaces).
 */
function isSummaryWorkbook(bytes: Uint8Array): boolean {
  try {
    const names = new Set(
      parseWorkbookPart(smallPart(bytes, "xl/workbook.xml"), "xl/workbook.xml").sheets.map((s) => s.name),
    );
    return [...SUMMARY_MARKS].every((n) => names.has(n));
  } catch {
    return false;
  }
}

function isReportJson(bytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return (
      typeof value === "object" &&
      value !== null &&
      "form" in value &&
      "units" in value &&
      "rejected" in value
    );
  } catch {
    return false;
  }
}

/** A Word document last saved by KL226 (src/docx/render.ts), not since edited and saved in Word. */
function isKl226Docx(bytes: Uint8Array): boolean {
  return /<cp:lastModifiedBy>KL226<\/cp:lastModifiedBy>/.test(smallPart(bytes, "docprops/core.xml"));
}

/**
 * A KL226 summary as KL226 wrote it: Excel and LibreOffice, saving it, write their own name as the
 * application (docProps/app.xml), where KL226 writes its own (src/xlsx/write.ts). True also when
 * there is no file (nothing to keep).
 */
export function isUneditedSummary(path: string): boolean {
  return uneditedWorkbook(path, isSummaryWorkbook);
}

/** A workbook as KL226 wrote it (the roll-up sent upward), not saved since by Excel or LibreOffice; true when there is none. */
export function isUneditedWorkbook(path: string): boolean {
  return uneditedWorkbook(path, () => true);
}

function uneditedWorkbook(path: string, also: (bytes: Uint8Array) => boolean): boolean {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return !existsSync(path);
  }
  return /<Application>KL226<\/Application>/.test(smallPart(bytes, "docprops/app.xml")) && also(bytes);
}

/**
 * Parts a package of ours may hold: the letters of 1,000 units in one file are ≈ 3,000 (each letter
 * its own header and footers). At 2,000 such a file read as not ours, so as edited, and every re-run
 * wrote another tat-ca-thu-nhac-moi-N.docx beside it.
 */
const PACKAGE_PARTS = 100_000;

/** A small XML part of a zip package as text ("" when it is missing, too large or unreadable). */
function smallPart(bytes: Uint8Array, name: string): string {
  try {
    const entry = readZipDirectory(bytes, PACKAGE_PARTS).byName.get(name);
    if (entry === undefined || entry.compressedSize > 64 * 1024) return "";
    const data = entryData(bytes, entry);
    return new TextDecoder().decode(entry.method === 8 ? inflateRawSync(data) : data);
  } catch {
    return "";
  }
}
