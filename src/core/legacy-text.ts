// Vietnamese typed in the pre-Unicode encodings offices still meet: TCVN3 (ABC, the .VnTime fonts)
// and VNI Windows (the VNI-Times fonts). Text pasted from an old document or typed with Unikey set
// to one of them reaches the workbook as Latin-1 letters ("Hoµn thµnh", "Hoaøn thaønh") that look
// right only in that font. Recognised and read as the Unicode the clerk meant ("Hoàn thành"). Also
// the Icelandic "Ð"/"ð" that some keyboards and fonts give for "Đ"/"đ" (the two look alike).

import { COMMON_SYLLABLES } from "./common-syllables";
import { isSyllable } from "./syllable";
import { a1, type Cell, type LegacyFont, type Sheet, type TextRun, type Workbook } from "./workbook";

/** The legacy encoding a text was typed in. */
export type LegacyEncoding = "TCVN3" | "VNI";

/**
 * What says a text is in a legacy encoding beside its own letters: other cells of its workbook were
 * clearly typed in it, or its cell is shown in one of its fonts (.VnTime, VNI-Times).
 */
export type Evidence = "workbook" | "font";

/** The encoding of each legacy font. */
const FONT_ENCODING: Readonly<Record<LegacyFont, LegacyEncoding>> = {
  TCVN3: "TCVN3",
  TCVN3_CAPITALS: "TCVN3",
  VNI: "VNI",
};

// TCVN3 (TCVN 5712:1993, ABC): one byte a letter. Upper-case toned vowels have no code of their own.
const TCVN3_CODES = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ";
const TCVN3_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
const TCVN3 = new Map([...TCVN3_CODES].map((code, i) => [code, [...TCVN3_LETTERS][i]!]));

// VNI Windows: a vowel followed by a mark ("aø" = à, "aâ" = â, "aá" = ấ), and a few letters of one
// byte (ô = ơ, ö = ư, ñ = đ, and the marked i's and ỵ). Marks as combining characters, composed by NFC.
const ACUTE = "\u0301";
const GRAVE = "\u0300";
const HOOK = "\u0309";
const TILDE = "\u0303";
const DOT = "\u0323";
const CIRCUMFLEX = "\u0302";
const BREVE = "\u0306";
const TONE_MARKS: Readonly<Record<string, string>> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
const CIRCUMFLEX_MARKS: Readonly<Record<string, string>> = {
  â: CIRCUMFLEX,
  á: CIRCUMFLEX + ACUTE,
  à: CIRCUMFLEX + GRAVE,
  å: CIRCUMFLEX + HOOK,
  ã: CIRCUMFLEX + TILDE,
  ä: CIRCUMFLEX + DOT,
};
const BREVE_MARKS: Readonly<Record<string, string>> = {
  ê: BREVE,
  é: BREVE + ACUTE,
  è: BREVE + GRAVE,
  ú: BREVE + HOOK,
  ü: BREVE + TILDE,
  ë: BREVE + DOT,
};
/** The marks each VNI base letter takes (lower case; a mark's case follows its letter's or not). */
const VNI_MARKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  a: { ...TONE_MARKS, ...CIRCUMFLEX_MARKS, ...BREVE_MARKS },
  e: { ...TONE_MARKS, ...CIRCUMFLEX_MARKS },
  o: { ...TONE_MARKS, ...CIRCUMFLEX_MARKS },
  u: TONE_MARKS,
  y: TONE_MARKS,
  ơ: TONE_MARKS,
  ư: TONE_MARKS,
};
/** VNI letters of one byte (lower case). */
const VNI_SINGLE: Readonly<Record<string, string>> = {
  ô: "ơ",
  ö: "ư",
  ñ: "đ",
  í: "í",
  ì: "ì",
  æ: "ỉ",
  ó: "ĩ",
  ò: "ị",
  î: "ỵ",
};

// The first hint of a legacy encoding in a text without a letter only Unicode has: a Latin-1
// character no Unicode Vietnamese text holds (its letters there are only À–Ý's vowels).
const HINTS =
  "\\u00a1-\\u00ae\\u00b5-\\u00b9\\u00bb-\\u00be\\u00c4-\\u00c7\\u00cb\\u00ce-\\u00d1\\u00d6-\\u00d8\\u00db\\u00dc\\u00de\\u00df\\u00e4-\\u00e7\\u00eb\\u00ee\\u00ef\\u00f1\\u00f6-\\u00f8\\u00fb\\u00fc\\u00fe";
const LEGACY_HINT = new RegExp(`[${HINTS}]`);
// Such a character beside an ASCII letter, inside a word ("Q§", "QÑ"), not a sign between words.
const HINT_IN_WORD = new RegExp(`[A-Za-z\\u00c0-\\u00ff][${HINTS}]|[${HINTS}][A-Za-z\\u00c0-\\u00ff]`);
// A legacy text may hold none of those, only letters Unicode also has, but then spelled as no
// Vietnamese word is: a VNI vowel and mark ("oâ" for ô, "aõ" for ã: "Coâng an xaõ"; not "oà", "oá",
// "oã", "uý": old-style Unicode "hoà", "khoá", "xoã", "thuý"), or TCVN3's codes for ế, ấ, è … that
// Unicode shows as capitals inside a word ("tiÕp" for tiếp: "Trùc tiÕp").
const VNI_PAIR = /[aeAE][âáàãêéèúÂÁÀÃÊÉÈÚ]|[oO][âÂ]|[aeouyôöAEOUYÔÖ][ùõÙÕ]|[uU][oO][áàãÁÀÃ]|[óò](?:nh|u)/;
// (A capital code after a capital, before a small letter, too: "CÊp", "NÕu" for Cấp, Nếu.)
const TCVN3_CAPITAL = /[a-z][ÈÉÊÌÒÓÔÕÝ]|[A-Z][ÈÉÊÌÒÓÔÕÝ][a-z]/;
// Or TCVN3's codes for ố ộ ờ ớ ỡ õ ó ỏ ú ụ ũ ừ ự ỳ spelled where a Vietnamese word has no such
// letter: before "i" ("Néi", "Víi", "Thêi": Nội, Với, Thời), before "a" or "e" ("hãa": hóa),
// before "y" ("thôy": thụy), before "u" ("cõu": cừu), after "u" ("Cuèi", "Thuéc": Cuối, Thuộc;
// Unicode's "quét" only gets a look), "ôa" ("lôa": lụa). VNI's uố, uồ, uỗ ("Cuoái", "thuoác": Cuối,
// thuốc), ĩnh, ịnh and ịu ("Thònh", "chòu": Thịnh, chịu) likewise, in VNI_PAIR.
const TCVN3_PAIR = /[âèéêìí][iI]|[ãâá][ae]|[òóô]y|[õùú]u|u[èéú]|ôa/;
// Or a grave or tilde vowel, or an unmarked ô, before c, t or p, which no Vietnamese syllable has:
// TCVN3's ự, ố, ồ, ụ … ("thùc" for thực, "tèt" for tốt, "Môc" for Mục).
const TCVN3_STOP = /[àèìòùãõÀÈÌÒÙÃÕ][ctpCTP]|ô[ctp]/;
// The four as one pattern: one scan of a text instead of four (most texts without a Unicode-only
// letter come here: "Hoàn thành", "Chuyên môn", a name).
const SPELLED_HINT = new RegExp(
  [VNI_PAIR, TCVN3_CAPITAL, TCVN3_STOP, TCVN3_PAIR].map((r) => r.source).join("|"),
);
// Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the marked vowels, combining marks): a text with
// one is Unicode, whatever else it holds ("2×3", "© Sở Nội vụ").
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\p{M}/u;
// What a legacy text cannot hold beside its codes: another Latin-1 character, or a letter or mark of
// another script (signs past Latin-1, "≥ 95%", "→", "€", are typed beside it as they are).
const NOT_LEGACY = /[\u0080-\u009f\u00a1-\u00ff]|[\p{L}\p{M}]/u;
const ASCII_LETTER = /[A-Za-z]/;
const LATIN1 = /[\u00a1-\u00ff]/;
const VOWEL = /[aeiouyAEIOUY]/;
const MICRO_UNIT = /^µ(?:g|m|l|L|s|mol|V|A|W)$/;
// A capitalised word whose only mark is a tréma on a vowel after a vowel, as French and Dutch names
// are spelled ("Loïc", "Caïn", "Naïm"): VNI's dot below spells it too ("Loïc" is Lọc), so alone it
// says nothing unless it reads as a common word ("Haïn": Hạn).
const TREMA_NAME = /^[A-Z][a-z]*[aeiouy][ïë][a-z]*$/;

/**
 * A text's Unicode reading when it was typed in a legacy encoding, else undefined. A reading is taken
 * only when it spells Vietnamese where the text as it stands does not (`plausibility`). With both
 * encodings possible, the one that turns more words into syllables, then the one whose words are
 * more common (COMMON_SYLLABLES: VNI "Chöa" is "Chưa", not TCVN3's "Chửa"), then TCVN3. `evident`
 * (another cell of the workbook was clearly in that encoding): no first hint needed, and a reading
 * need only spell more ("§· nép", Đã nộp: a word of codes alone and a word as it stands, beside
 * "Hoµn thµnh"). `by` "font" (`evident` is the encoding of the cell's own font): a reading need
 * only spell as much and more of something ("Sè" in .VnTime is Số; not "Lê Công Tú": Lờ Cụng Tỳ).
 */
export function unicodeOfLegacy(
  text: string,
  evident?: LegacyEncoding,
  by: Evidence = "workbook",
): { encoding: LegacyEncoding; text: string } | undefined {
  const read = legacyReading(text, evident, by);
  return read && { encoding: read.encoding, text: read.text };
}

/** unicodeOfLegacy's reading, a tie between the encodings broken by `prefer` or said (`tied`). */
function legacyReading(
  text: string,
  evident: LegacyEncoding | undefined,
  by: Evidence = "workbook",
  prefer?: LegacyEncoding,
): LegacyReading | undefined {
  // Unicode first: most texts of a report have a Vietnamese letter within their first words.
  if (UNICODE_VIETNAMESE.test(text)) return undefined;
  if (evident === undefined) {
    if (!LEGACY_HINT.test(text) && !spelledHint(text)) return undefined;
  } else if (!LATIN1.test(text)) return undefined;
  let best: { encoding: LegacyEncoding; text: string; score: readonly [number, number] } | undefined;
  let tied = false;
  for (const encoding of evident === undefined ? (["TCVN3", "VNI"] as const) : [evident]) {
    const read = encoding === "TCVN3" ? fromTcvn3(text) : fromVni(text);
    if (read === undefined) continue;
    const score = plausibility(text, read, encoding, evident === undefined ? "own" : by);
    if (score === undefined) continue;
    const same = best !== undefined && score[0] === best.score[0] && score[1] === best.score[1];
    // A tie ("Tö": TCVN3 Tử, VNI Tư, as well spelled and as common) goes to `prefer`, the encoding
    // the workbook's other cells were clearly typed in; without one, to TCVN3, said tied.
    if (same && best!.text !== read) tied = true;
    if (
      best === undefined ||
      score[0] > best.score[0] ||
      (score[0] === best.score[0] && score[1] > best.score[1]) ||
      (same && encoding === prefer)
    ) {
      if (!same) tied = false;
      best = { encoding, text: read, score };
    }
  }
  if (best === undefined) return undefined;
  return tied && prefer === undefined
    ? { encoding: best.encoding, text: best.text, tied: true }
    : { encoding: best.encoding, text: best.text };
}

/** A legacy text's reading; `tied` when the other encoding's reads another word as well (no evidence of which). */
interface LegacyReading {
  readonly encoding: LegacyEncoding;
  readonly text: string;
  readonly tied?: true;
}

// Words: runs of letters and of the Latin-1 characters legacy codes use ("x·", "nh©n", "Uû").
const WORD_SEPARATORS = /[^\p{L}\p{M}\u00a1-\u00ff]+/u;
const WORD_SEPARATORS_KEPT = /([^\p{L}\p{M}\u00a1-\u00ff]+)/u;

/** A hint spelled with letters Unicode has too: "oâ", "tiÕp", "thùc". */
function spelledHint(text: string): boolean {
  return SPELLED_HINT.test(text);
}

/** A hint inside a word ("Q§", "QÑ", or a spelled one), not a sign between words ("Bé Na ·"). */
function hintInWord(text: string): boolean {
  return HINT_IN_WORD.test(text) || spelledHint(text);
}

/**
 * How well `read` spells Vietnamese where `typed` did not, as [words it turned into syllables less
 * the syllables it changed, its common words], or undefined. Over the words it changed (not a sign
 * alone, "·" or "©": no evidence either way; "§·" for Đã is a word): at least two in three
 * syllables after, and more words turned into syllables than syllables changed, or more common
 * words after ("Lê Công Tú µm" read as TCVN3 is "Lờ Cụng Tỳ àm": one word made a syllable, three
 * syllables changed, a common word lost; "Ông Loïc" read as VNI, "Ơng Lọc").
 */
function plausibility(
  typed: string,
  read: string,
  encoding: LegacyEncoding,
  evidence: Evidence | "own",
): readonly [number, number] | undefined {
  const before = typed.split(WORD_SEPARATORS);
  const after = read.split(WORD_SEPARATORS);
  if (before.length !== after.length) return undefined;
  let changed = 0;
  let validBefore = 0;
  let validAfter = 0;
  let made = 0;
  let common = 0;
  let commonBefore = 0;
  let named = false;
  // In a text with small letters, a word in capitals that a reading changes ("KÕ" in "KÕ ho¹ch")
  // is TCVN3's small marked letters after a capital, not a Unicode word in capitals.
  const mixedCase = /[a-z]/.test(typed);
  before.forEach((word, i) => {
    const now = after[i]!;
    if (now === word || (word.length < 2 && !ASCII_LETTER.test(word))) return;
    // An abbreviation read ("Q§" for QĐ, "§H" for ĐH) has no vowel, a unit of measure ("µm", "µg")
    // is written so in Unicode: no evidence either way.
    if (!VOWEL.test(now.normalize("NFD")) || MICRO_UNIT.test(word)) return;
    changed++;
    if (encoding === "VNI" && TREMA_NAME.test(word)) named = true;
    const was = isSyllable(word) && !(mixedCase && word.length > 1 && word === word.toUpperCase());
    const is = isSyllable(now);
    if (was) validBefore++;
    if (is) validAfter++;
    if (is && !was) made++;
    if (is && COMMON_SYLLABLES.has(now.toLowerCase())) common++;
    if (was && COMMON_SYLLABLES.has(word.toLowerCase())) commonBefore++;
  });
  if (changed === 0 || validAfter * 3 < changed * 2) return undefined;
  // A name with a tréma alone ("Loïc", "Anh Loïc", "Loïc Martin"; VNI would read Lọc): as typed,
  // unless it reads as a common word ("Haïn" alone is Hạn).
  if (named && changed === 1 && common === 0 && evidence === "own") return undefined;
  // More words made syllables than syllables changed, or more common words after: "thaønh phoá"
  // (thành phố; "phoá" is an old-style spelling no one writes), "Soá 12/QÑ" (Số 12/QĐ). Beside an evident cell, more
  // syllables and more common words after ("§· nép": Đã nộp; not "Lê Công Tú µm": Lờ Cụng Tỳ àm).
  // In the encoding's font, as many of each and more of one ("Sè", "Bé" alone: Số, Bộ).
  const spells =
    evidence === "own"
      ? made > validBefore || (common > commonBefore && hintInWord(typed))
      : evidence === "workbook"
        ? validAfter > validBefore && common > commonBefore
        : validAfter >= validBefore &&
          common >= commonBefore &&
          (validAfter > validBefore || common > commonBefore);
  if (!spells) return undefined;
  return [made - validBefore, common];
}

/**
 * A text as the Vietnamese it shows, when that differs from what it holds: typed in a legacy
 * encoding (`encoding` says which, for a warning), or with an Icelandic "ð" anywhere or "Ð" starting
 * a word ("Ðang", "Phường Ðông Tiến": read as "Đ" without a word; inside a word "Ð" is TCVN3's "é").
 */
export function vietnameseOf(
  text: string,
  evident?: LegacyEncoding,
  by?: Evidence,
): { encoding?: LegacyEncoding; text: string } | undefined {
  const read = readVietnamese(text, evident, by);
  return read?.tied === true ? { encoding: read.encoding, text: read.text } : read;
}

/** vietnameseOf's reading, a tie broken by `prefer` or said (`tied`). */
function readVietnamese(
  text: string,
  evident?: LegacyEncoding,
  by?: Evidence,
  prefer?: LegacyEncoding,
): { encoding?: LegacyEncoding; text: string; tied?: true } | undefined {
  if (text.indexOf("\u00d0") < 0 && text.indexOf("\u00f0") < 0)
    return legacyReading(text, evident, by, prefer);
  // A legacy text first: TCVN3's "é" may start a word ("Ðp tiÕn ®é", ép tiến độ).
  const legacy = legacyReading(text, evident, by, prefer);
  if (legacy !== undefined) return legacy;
  // Folded, the text holds "Đ" or "đ", which neither encoding has: it is Unicode, or as typed.
  const folded = text.replace(/\u00f0/g, "\u0111").replace(/(?<![\p{L}\p{M}])\u00d0/gu, "\u0110");
  return folded === text ? undefined : { text: folded };
}

/** TCVN3 text as Unicode; undefined when a character past ASCII is no TCVN3 code. */
function fromTcvn3(text: string): string | undefined {
  let out = "";
  for (const ch of text) {
    const letter = TCVN3.get(ch);
    if (letter !== undefined) out += letter;
    else if (ch > "\u007f" && NOT_LEGACY.test(ch)) return undefined;
    else out += ch;
  }
  return inCapitals(text, out).normalize("NFC");
}

/**
 * TCVN3 has no capital marked vowels: typed in capitals, "C¶I C¸CH" is CẢI CÁCH. Words without a
 * small ASCII letter are put in capitals when every word the reading changed has only capital ASCII
 * letters and one has two or more
 * ("CñA Së" is CỦA SỞ; "Tû LÖ" is Tỷ Lệ; "T­ NSNN" is Tư NSNN: an acronym beside says nothing).
 */
function inCapitals(typed: string, read: string): string {
  const before = typed.split(WORD_SEPARATORS_KEPT);
  const after = read.split(WORD_SEPARATORS_KEPT);
  if (before.length !== after.length) return read;
  const changed = before.filter((word, i) => word !== after[i]);
  // TCVN3's own capitals (Ă Â Ê Ô Ơ Ư Đ) count: "§¥N VÞ Cò" is ĐƠN VỊ CŨ.
  const capitals = (word: string) => word.replace(/[^A-Z\u00a1-\u00a7]/g, "").length;
  // An abbreviation ("Q§" for QĐ: no vowel) says nothing of the words around it.
  const words = changed.filter((word) => /[aeiouyAEIOUY\u00a1-\u00a6\u00b5-\u00fe]/.test(word));
  if (words.some((word) => /[a-z]/.test(word)) || !words.some((word) => capitals(word) >= 2)) return read;
  // Every word without a small ASCII letter, also one the reading kept ("Lý": ý is the same code).
  return after.map((word) => (/[a-z]/.test(word) ? word : word.toUpperCase())).join("");
}

/**
 * VNI text as Unicode; undefined when a mark follows no letter it can mark, or a character past
 * ASCII is no VNI code. A mark after an upper-case letter is upper case too in VNI ("AØ" = À); a
 * clerk's mixed case ("Aø") is read the same.
 */
function fromVni(text: string): string | undefined {
  const chars = [...text];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const single = VNI_SINGLE[lower];
    const base = single === "ơ" || single === "ư" ? single : lower;
    const mark = VNI_MARKS[base]?.[(chars[i + 1] ?? "").toLowerCase()];
    if (mark !== undefined) {
      const letter = base.normalize("NFD") + mark;
      out += upper ? letter.toUpperCase() : letter;
      i++;
    } else if (single !== undefined) {
      out += upper ? single.toUpperCase() : single;
    } else if (ch > "\u007f" && NOT_LEGACY.test(ch)) {
      return undefined;
    } else {
      out += ch;
    }
  }
  return out.normalize("NFC");
}

/**
 * A text of the sheet reads as typed in TCVN3 or VNI by its own letters (vietnameseOf): where its
 * cells' fonts are worth asking for (the add-in asks Excel for them only then).
 */
export function hasLegacyText(sheet: Sheet): boolean {
  for (const row of sheet.rows) {
    if (row === undefined) continue;
    for (const cell of row)
      if (cell?.value.kind === "string" && vietnameseOf(cell.value.value)?.encoding !== undefined)
        return true;
  }
  return false;
}

/**
 * Cells of one sheet typed in one encoding, read as Unicode, for the warning that names them (a sheet
 * with cells of both has one of each: Unikey converts each from its own).
 */
export interface LegacySheet {
  readonly sheet: string;
  readonly encoding: LegacyEncoding;
  /** A1 addresses, in row order. */
  readonly cells: readonly string[];
  /** The first cell's text as typed and as read. */
  readonly typed: string;
  readonly read: string;
  /** Of `cells`, those shown in a TCVN3 capitals font (.VnTimeH), read in capitals; absent when none. */
  readonly capitals?: readonly string[];
  /**
   * The names of the fonts of this encoding `cells` are shown in (".VnArial", "VNI-Helve"), in the order
   * first met, for the warning to name the clerk's font; absent when none is known (read by the text alone).
   */
  readonly fonts?: readonly string[];
}

/**
 * The columns of a sheet whose texts are read (0-based), "all" for every cell, or undefined for a
 * sheet nothing is read from as text: only those cells are looked at (this runs for every file).
 */
export type TextColumns = (sheet: Sheet) => readonly number[] | "all" | undefined;

/**
 * The workbook with every text cell typed in a legacy encoding read as Unicode (and look-alike "Ð"
 * as "Đ": vietnameseOf), in the columns `columns` names (default: every cell), and per sheet the
 * cells typed in a legacy encoding. The workbook given is not changed (its rows may be shared with
 * other files' through the reader's memo of repeated parts); a sheet without such cells is the same object.
 */
export function unicodeWorkbook(
  workbook: Workbook,
  columns: TextColumns = () => "all",
): { workbook: Workbook; legacy: LegacySheet[] } {
  let once = readSheets(workbook, columns, undefined, NO_ENCODINGS);
  // A cell shown in a legacy font that holds a letter only Unicode has ("Sở Nội vụ" in VNI-Times)
  // says its workbook's text in that font was typed in Unicode: an old template's default font, not
  // installed here and drawn in another, or Unicode typed over it. Its font then decides nothing:
  // "Hoà Bình" (old-style Unicode) in that font would be read as VNI's "Hồ Bình", "Cô" in .VnTime as
  // "Cụ". Cells clearly in an encoding are still read (by their own hints). Only such files read twice.
  const unicodeFonts = once.unicodeFonts;
  if (unicodeFonts.size > 0) once = readSheets(workbook, columns, undefined, unicodeFonts);
  if (once.legacy.length === 0) return { workbook: once.workbook, legacy: once.legacy };
  // A cell clearly in one encoding makes it evident for the workbook's other cells: those that hold
  // no hint inside a word ("§· nép") are read by it where that spells more Vietnamese. In a
  // workbook with cells of both, by the one whose reading spells more (readBeside). A word both
  // read as well ("Tö") is no evidence of its encoding when another cell is clear: it is read by
  // the workbook's one encoding (VNI's Tư beside VNI cells), else as before (TCVN3's Tử).
  const seen: LegacyEncoding[] = [];
  for (const l of once.legacy) if (!seen.includes(l.encoding)) seen.push(l.encoding);
  const clear = seen.filter((e) => once.clear.has(e));
  const evident = clear.length > 0 ? clear : seen;
  const twice = readSheets(
    workbook,
    columns,
    evident,
    unicodeFonts,
    clear.length === 1 ? clear[0] : undefined,
  );
  return { workbook: twice.workbook, legacy: twice.legacy };
}

const NO_ENCODINGS: ReadonlySet<LegacyEncoding> = new Set();

/**
 * A text's reading by the encodings other cells of its workbook were clearly typed in, where it
 * spells more Vietnamese (unicodeOfLegacy's `evident`). With both, the one whose reading does; none
 * when both do and differ: which encoding the cell was typed in cannot be told, and a reading by the
 * wrong one would garble it.
 */
function readBeside(
  text: string,
  evident: readonly LegacyEncoding[],
): { encoding?: LegacyEncoding; text: string } | undefined {
  let found: { encoding?: LegacyEncoding; text: string } | undefined;
  for (const encoding of evident) {
    const read = vietnameseOf(text, encoding);
    if (read === undefined) continue;
    if (found !== undefined && found.text !== read.text) return undefined;
    found ??= read;
  }
  return found;
}

/**
 * Every sheet's cells read (unicodeSheet), and the encodings of the legacy fonts some cell holding a
 * letter only Unicode has is shown in (`unicodeFonts`); cells in the fonts of `untrusted`'s encodings
 * are read as if in no font.
 */
function readSheets(
  workbook: Workbook,
  columns: TextColumns,
  evident: readonly LegacyEncoding[] | undefined,
  untrusted: ReadonlySet<LegacyEncoding>,
  prefer?: LegacyEncoding,
): {
  workbook: Workbook;
  legacy: LegacySheet[];
  unicodeFonts: Set<LegacyEncoding>;
  clear: Set<LegacyEncoding>;
} {
  const legacy: LegacySheet[] = [];
  const found = { unicodeFonts: new Set<LegacyEncoding>(), clear: new Set<LegacyEncoding>() };
  let sheets: Sheet[] | undefined;
  workbook.sheets.forEach((sheet, s) => {
    const read = unicodeSheet(sheet, columns(sheet), { evident, untrusted, prefer }, found);
    if (read === undefined) return;
    legacy.push(...read.legacy);
    sheets ??= [...workbook.sheets];
    sheets[s] = read.sheet;
  });
  return { workbook: sheets === undefined ? workbook : { ...workbook, sheets }, legacy, ...found };
}

/**
 * A text as read (readVietnamese), whether it was read in capitals, `tied` as readVietnamese says, and
 * the names of the fonts of its encoding it is shown in (`fonts`, when known).
 */
interface TextRead {
  readonly encoding?: LegacyEncoding;
  readonly text: string;
  readonly capitals: boolean;
  readonly tied?: true;
  readonly fonts?: readonly string[];
}

/** How a sheet's texts are read: the evident encodings, the untrusted fonts', the tie-breaking one. */
interface ReadBy {
  readonly evident: readonly LegacyEncoding[] | undefined;
  readonly untrusted: ReadonlySet<LegacyEncoding>;
  readonly prefer: LegacyEncoding | undefined;
}

/** A text shown in `font` as the clerk saw it, or undefined when it is read as it stands. */
function readText(
  typed: string,
  font: LegacyFont | undefined,
  by: ReadBy,
  unicodeFonts: Set<LegacyEncoding>,
  fontName?: string,
): TextRead | undefined {
  const { evident, untrusted, prefer } = by;
  // A cell shown in a legacy font is read by its encoding first: the font is what the clerk saw.
  const byFont = font === undefined ? undefined : FONT_ENCODING[font];
  if (byFont !== undefined && UNICODE_VIETNAMESE.test(typed)) unicodeFonts.add(byFont);
  const read =
    (byFont === undefined || untrusted.has(byFont) ? undefined : readVietnamese(typed, byFont, "font")) ??
    readVietnamese(typed, undefined, undefined, prefer) ??
    (evident === undefined ? undefined : readBeside(typed, evident));
  if (read === undefined) return undefined;
  // .VnTimeH draws every letter as a capital: "uû ban nh©n d©n" shows, and is, UỶ BAN NHÂN DÂN.
  const capitals = font === "TCVN3_CAPITALS" && read.encoding === "TCVN3";
  const text = capitals ? read.text.toUpperCase() : read.text;
  // The font is named only when the text was read in its encoding (a VNI text in .VnTime is not).
  return fontName !== undefined && byFont !== undefined && read.encoding === byFont
    ? { ...read, text, capitals, fonts: [fontName] }
    : { ...read, text, capitals };
}

/**
 * A text whose parts are shown in fonts of their own (Word's `.VnTime` text pasted after "Ghi chú: "
 * typed in Unicode), each part read by its own font; the encoding of the first part read, tied only
 * when every part read was.
 */
function readRuns(
  runs: readonly TextRun[],
  by: ReadBy,
  unicodeFonts: Set<LegacyEncoding>,
): TextRead | undefined {
  let text = "";
  let encoding: LegacyEncoding | undefined;
  let capitals = false;
  let changed = false;
  let tied = true;
  const fonts: string[] = [];
  for (const run of runs) {
    const read = readText(run.text, run.font, by, unicodeFonts, run.fontName);
    text += read === undefined ? run.text : read.text;
    if (read === undefined) continue;
    changed = true;
    encoding ??= read.encoding;
    capitals ||= read.capitals;
    if (read.tied !== true) tied = false;
    // The fonts of the encoding the text is said in, the first part's.
    if (read.encoding === encoding) for (const f of read.fonts ?? []) if (!fonts.includes(f)) fonts.push(f);
  }
  if (!changed) return undefined;
  const read = encoding === undefined ? { text, capitals } : { encoding, text, capitals };
  const named = fonts.length === 0 ? read : { ...read, fonts };
  return tied ? { ...named, tied } : named;
}

/**
 * One sheet's cells read. `found` gathers the encodings of the legacy fonts that show a letter only
 * Unicode has (`unicodeFonts`) and the encodings some cell was read by without a tie (`clear`).
 */
function unicodeSheet(
  sheet: Sheet,
  columns: readonly number[] | "all" | undefined,
  by: ReadBy,
  found: { readonly unicodeFonts: Set<LegacyEncoding>; readonly clear: Set<LegacyEncoding> },
): { sheet: Sheet; legacy: LegacySheet[] } | undefined {
  const { unicodeFonts } = found;
  if (columns === undefined) return undefined;
  let rows: (ReadonlyArray<Cell | undefined> | undefined)[] | undefined;
  // Per encoding, in the order first met: its cells and its first cell's text.
  const byEncoding = new Map<
    LegacyEncoding,
    { cells: string[]; typed: string; read: string; capitals?: string[]; fonts?: string[] }
  >();
  // Plain loops: this runs over the texts of every file.
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (row === undefined) continue;
    let copy: (Cell | undefined)[] | undefined;
    const last = columns === "all" ? row.length : columns.length;
    for (let i = 0; i < last; i++) {
      const c = columns === "all" ? i : columns[i]!;
      const cell = row[c];
      if (cell === undefined || cell.value.kind !== "string") continue;
      const typed = cell.value.value;
      const runs = cell.value.runs;
      const read =
        runs === undefined
          ? readText(typed, cell.value.font, by, unicodeFonts, cell.value.fontName)
          : readRuns(runs, by, unicodeFonts);
      if (read === undefined) continue;
      if (read.encoding !== undefined && read.tied !== true) found.clear.add(read.encoding);
      const { text, capitals } = read;
      if (read.encoding !== undefined) {
        const at = a1(r, c);
        let seen = byEncoding.get(read.encoding);
        if (seen === undefined) {
          seen = { cells: [], typed, read: text };
          byEncoding.set(read.encoding, seen);
        }
        seen.cells.push(at);
        if (capitals) (seen.capitals ??= []).push(at);
        for (const f of read.fonts ?? []) if (!(seen.fonts ??= []).includes(f)) seen.fonts.push(f);
      }
      copy ??= [...row];
      copy[c] = { ...cell, value: { kind: "string", value: text } };
    }
    if (copy === undefined) continue;
    rows ??= [...sheet.rows];
    rows[r] = copy;
  }
  if (rows === undefined) return undefined;
  return {
    sheet: { ...sheet, rows },
    legacy: [...byEncoding].map(([encoding, l]) => ({ sheet: sheet.name, encoding, ...l })),
  };
}
