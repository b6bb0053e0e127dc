// Whether a file found among a run's inputs is what this command wrote there on an earlier run (a
// summary, its JSON, a Word document or letter of KL226): only such a file may be replaced by this
// run's output and left out of its inputs. Anything else there was sent by someone, and a source file
// is never overwritten. (A roll-up is never written among the inputs: consolidate-command.ts refuses.)

import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { SUMMARY_SHEETS } from "../core/catalogue";
import { readXlsx } from "../xlsx/read";
import { entryData, readZipDirectory } from "../xlsx/zip";

export type EarlierOutputKind = "summary" | "json" | "docx";

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

function isSummaryWorkbook(bytes: Uint8Array): boolean {
  const read = readXlsx(bytes, { sheetFilter: (name) => SUMMARY_MARKS.has(name) });
  return read.ok && read.workbook.sheets.length === SUMMARY_MARKS.size;
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
  try {
    const entry = readZipDirectory(bytes, 2000).byName.get("docprops/core.xml");
    if (entry === undefined || entry.compressedSize > 64 * 1024) return false;
    const data = entryData(bytes, entry);
    const xml = new TextDecoder().decode(entry.method === 8 ? inflateRawSync(data) : data);
    return /<cp:lastModifiedBy>KL226<\/cp:lastModifiedBy>/.test(xml);
  } catch {
    return false;
  }
}
