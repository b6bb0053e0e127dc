// Text matching rules of SPEC §3: trim, Unicode NFC, case-insensitive; a diacritic-free fold; and a
// code-unit order that does not depend on the machine's locale.
// These run for every cell of column A of every file, so option keys are computed once.

import { memoize } from "./memo";

/** Key for comparing sheet names, enumerated values and codes: NFC, trimmed, inner spaces collapsed, lower case. */
export function matchKey(text: string): string {
  return cachedMatchKey(text);
}

function computeMatchKey(text: string): string {
  // toLowerCase equals toLocaleLowerCase("vi") for Vietnamese letters and is several times faster.
  const t = text.trim().toLowerCase();
  return nfc(/\s{2,}|[\t\n\r\u00a0]/.test(t) ? t.replace(/\s+/g, " ") : t);
}

// Task texts and labels repeat in every unit's file: remember recent keys.
const cachedMatchKey = memoize(computeMatchKey, 20_000);

const NON_ASCII = /[\u0080-\uffff]/;

/** NFC; ASCII text (most codes and numbers) skips the normaliser, which would only copy it. */
export function nfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFC") : text;
}

// Characters with no place in a name: C0 controls, zero-width spaces and joiners, U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\u200B-\u200D\u2060\uFFFE\uFFFF]/g;

/**
 * A unit's name as documents show it: NFC, invisible characters dropped, every run of white space
 * (tab, line break, no-break space) one space, trimmed. A name left empty is no name: a roster row
 * of only a zero-width space gave a letter "Kính gửi: " and nothing after it.
 */
export function cleanName(text: string): string {
  return nfc(text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim());
}

/**
 * A parsed JSON value with every string in NFC (keys too): a profile saved by an editor that writes
 * decomposed accents (NFD) would otherwise carry them into templates and documents, where Word's
 * search for "Quảng Trị" does not find them.
 */
export function nfcDeep(value: unknown): unknown {
  if (typeof value === "string") return nfc(value);
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [nfc(k), nfcDeep(v)]));
  return value;
}

/** Like matchKey but also without diacritics ("Quán triệt" → "quan triet"), for lenient matching. */
export function foldKey(text: string): string {
  return cachedFoldKey(text);
}

// Headers and sheet names recur in every unit's file: remember recent keys, as matchKey does.
const cachedFoldKey = memoize(
  (text: string) =>
    matchKey(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d"),
  20_000,
);

/** A unit code without its separators: XA_MUONG_LAT and XA_MUONGLAT alike. */
export function squeezedCode(code: string): string {
  return codeKey(code).replace(/[_.\-\s]/g, "");
}

/**
 * The unit code a clerk spelled out in words ("so nong nghiep mt", "Sở Nội vụ"): without marks, upper
 * case, its words joined by "_" ("SO_NONG_NGHIEP_MT", "SO_NOI_VU"). A guess at what she meant, to be
 * offered, never taken for the code.
 */
export function codeFromWords(text: string): string {
  return foldKey(text).toUpperCase().replace(/ /g, "_");
}

/** A code from column A: NFC, trimmed, upper case. */
export function codeKey(text: string): string {
  return nfc(text.trim().toUpperCase());
}

export interface Labelled {
  readonly label: string;
  readonly aliases?: readonly string[];
}

const matchIndex = new WeakMap<readonly Labelled[], Map<string, Labelled>>();
const foldIndex = new WeakMap<readonly Labelled[], Map<string, Labelled>>();

function indexOf(
  cache: WeakMap<readonly Labelled[], Map<string, Labelled>>,
  options: readonly Labelled[],
  key: (s: string) => string,
): Map<string, Labelled> {
  let index = cache.get(options);
  if (!index) {
    index = new Map();
    for (const o of options)
      for (const name of [o.label, ...(o.aliases ?? [])]) if (!index.has(key(name))) index.set(key(name), o);
    cache.set(options, index);
  }
  return index;
}

/** Find the entry of `options` whose label (or one of its aliases) matches `text` by matchKey. */
export function matchOption<T extends Labelled>(options: readonly T[], text: string): T | undefined {
  return indexOf(matchIndex, options, matchKey).get(matchKey(text)) as T | undefined;
}

/** Like matchOption but also ignoring diacritics ("quan triet" finds "Quán triệt"). */
export function foldOption<T extends Labelled>(options: readonly T[], text: string): T | undefined {
  return indexOf(foldIndex, options, foldKey).get(foldKey(text)) as T | undefined;
}

/** A unit's name for matching: matchKey, tones placed one way (toneKey), without a leading "UBND"/"Ủy ban nhân dân". */
export function looseNameKey(name: string): string {
  // "Ủy ban nhân dân" as toneKey writes it.
  return toneKey(name).replace(/^(?:ubnd|uỷ ban nhân dân)\s+/u, "");
}

/**
 * A name with the tone of "oa", "oe", "uy" on the second vowel whichever the writer chose ("hóa" and
 * "hoá", "thủy" and "thuỷ" alike), in NFC: the old and new placements of one word, nothing else.
 */
export function toneKey(name: string): string {
  return matchKey(name)
    .normalize("NFD")
    .replace(/([ou])([\u0300\u0301\u0303\u0309\u0323])([aey])/g, "$1$3$2")
    .normalize("NFC");
}

/**
 * `text` in at most `max` UTF-16 units, cut with "…" when longer, never between the two halves of a
 * character outside the BMP (an emoji in a clerk's note): half of one is no character, and the xlsx
 * writer and Word drop it.
 */
export function clipped(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Code-unit order: deterministic whatever the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
