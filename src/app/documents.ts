// The Word documents a consolidation sends (SPEC §9) as bytes: each unit's letter, all letters in
// one file for printing, and the report; with the names the taskpane gives its downloads. Used by
// the CLI and (loaded on demand) by the taskpane.

import type { Consolidation } from "../core/consolidation";
import type { DocumentDates } from "../core/documents";
import {
  ALL_LETTERS_FILE,
  draftedLetters,
  lettersHeldBy,
  lettersDocument,
  letterDocument,
  type Letter,
} from "../core/letters";
import type { Profile, RosterUnit } from "../core/profile";
import { reportDocument } from "../core/report";
import { docxSeries, renderDocx } from "../docx/render";
import { dosStamp, zipParts, type ZipCodec } from "../xlsx/zip-write";

export { draftedLetters, lettersHeldBy };

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface LetterFile {
  readonly letter: Letter;
  readonly bytes: Uint8Array;
}

export interface LetterFiles {
  readonly letters: readonly LetterFile[];
  /** Every letter in one file; null when no unit needs a letter. */
  readonly all: Uint8Array | null;
}

/** Each letter as its own .docx and all of them in one; `codec` zips them (the CLI gives node:zlib's). */
export function letterFiles(
  letters: readonly Letter[],
  profile: Profile,
  dates: DocumentDates,
  codec?: ZipCodec,
): LetterFiles {
  const render = docxSeries(codec);
  const files: LetterFile[] = [];
  for (const letter of letters) files.push({ letter, bytes: render(letterDocument(letter, profile, dates)) });
  return {
    letters: files,
    all: letters.length === 0 ? null : render(lettersDocument(letters, profile, dates)),
  };
}

/** All `letters` (draftedLetters' toUnits) in one .docx (the taskpane's download); null when there are none. */
export function allLettersFile(
  letters: readonly Letter[],
  profile: Profile,
  dates: DocumentDates,
): { bytes: Uint8Array; count: number } | null {
  return letters.length === 0
    ? null
    : { bytes: renderDocx(lettersDocument(letters, profile, dates)), count: letters.length };
}

/**
 * Each unit's letter as its own .docx (MÃ_ĐƠN_VỊ.docx, to send by e-mail) and all of them in one, in
 * one .zip: the page's counterpart of `kl226 consolidate --letters`; null when there are no letters.
 */
export function lettersZipFile(
  letters: readonly Letter[],
  profile: Profile,
  dates: DocumentDates,
  /** When the archive is made: its files, once unpacked, carry this time (the clerk's local time). */
  madeAt: Date = new Date(),
): { bytes: Uint8Array; count: number } | null {
  const files = letterFiles(letters, profile, dates);
  if (files.all === null) return null;
  const parts = [
    ...files.letters.map((f) => ({ name: f.letter.fileName, data: f.bytes })),
    { name: ALL_LETTERS_FILE, data: files.all },
  ];
  return { bytes: zipParts(parts, undefined, dosStamp(madeAt)), count: files.letters.length };
}

export function reportFile(
  c: Consolidation,
  profile: Profile,
  options: { readonly date: DocumentDates["date"]; readonly roster?: readonly RosterUnit[] },
  codec?: ZipCodec,
): Uint8Array {
  return renderDocx(reportDocument(c, profile, options), codec);
}

function suffix(c: Consolidation): string {
  const form = c.form.id.split(/[-/]/)[0] ?? "KL226";
  return `${form}${c.period ? `-${c.period.kind}-${c.period.year}` : ""}`;
}

export const lettersFileName = (c: Consolidation): string => `thu-nhac-${suffix(c)}.docx`;
export const lettersZipName = (c: Consolidation): string => `thu-nhac-tung-don-vi-${suffix(c)}.zip`;
export const reportFileName = (c: Consolidation): string => `bao-cao-${suffix(c)}.docx`;

/** A document the page makes after a consolidation (DocumentsPanel), in a worker or on its own thread. */
export type DocumentKind = "letters" | "letters-zip" | "report";

export interface DocumentRequest {
  readonly kind: DocumentKind;
  readonly consolidation: Consolidation;
  readonly profile: Profile;
  readonly dates: DocumentDates;
  /** The roster the consolidation used (the report counts units by type from it). */
  readonly roster?: readonly RosterUnit[];
  /** When the .zip is made (ms since 1970): its files carry it, in the clerk's local time. */
  readonly madeAt: number;
}

export interface MadeDocument {
  /** The file's bytes; null when no unit needs a letter. */
  readonly bytes: Uint8Array | null;
  readonly name: string;
  readonly mime: string;
  /** Letters in it (0 for the report). */
  readonly count: number;
  /** Units whose letter waits for a decision (lettersHeldBy), said when there are no letters. */
  readonly held: readonly string[];
  /** The sending body on its own roster: no letter from itself (said, as the command says it). */
  readonly toSender: readonly Pick<Letter, "name" | "unit" | "notes">[];
}

/** The document `request` asks for, with what the page says of it; the same bytes wherever it runs. */
export function makeDocument(request: DocumentRequest): MadeDocument {
  const { consolidation: c, profile, dates } = request;
  if (request.kind === "report") {
    const roster = request.roster ?? profile.roster;
    return {
      bytes: reportFile(c, profile, { date: dates.date, roster }),
      name: reportFileName(c),
      mime: DOCX_MIME,
      count: 0,
      held: [],
      toSender: [],
    };
  }
  const { toUnits, toSender } = draftedLetters(c, profile, dates);
  const zip = request.kind === "letters-zip";
  const file = zip
    ? lettersZipFile(toUnits, profile, dates, new Date(request.madeAt))
    : allLettersFile(toUnits, profile, dates);
  return {
    bytes: file?.bytes ?? null,
    name: zip ? lettersZipName(c) : lettersFileName(c),
    mime: zip ? "application/zip" : DOCX_MIME,
    count: file?.count ?? 0,
    held: file ? [] : lettersHeldBy(c),
    toSender: toSender.map(({ name, unit, notes }) => ({ name, unit, notes })),
  };
}
