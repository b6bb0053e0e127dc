// Whether a word is one Vietnamese syllable as written: an initial consonant, a vowel nucleus, a
// final consonant, at most one tone mark, in the combinations the orthography allows. Used to tell
// a legacy-encoded text from Unicode (legacy-text.ts): "Bé Néi vô" read as TCVN3 gives "Bộ Nội vụ",
// three syllables where it held two; "Lê Công Tú" read so gives "Lờ Cụng Tỳ", no more than it held.

const INITIALS = [
  "ngh",
  "ng",
  "nh",
  "ch",
  "gh",
  "gi",
  "kh",
  "ph",
  "qu",
  "th",
  "tr",
  ..."bcdđghklmnprstvx",
  "",
] as const;

/** Nuclei that take no final consonant (they end in a glide, or are ia/ua/ưa/uya). */
const OPEN = new Set(
  "ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu iêu yêu oai oay oao oeo uây uôi ươi ươu uyu ia ua ưa uya".split(
    " ",
  ),
);
/** Nuclei that need a final consonant. */
const CLOSED = new Set("ă â iê yê uyê uô ươ oă uâ".split(" "));
/** Nuclei that take a final or none. */
const EITHER = new Set("a e ê i y o ô ơ u ư oa oe uê uy uơ".split(" "));
/** "ch" and "nh" follow only these; "ng" and "c" never follow the last five. */
const BEFORE_CH_NH = new Set(["a", "oa", "ê", "uê", "i", "uy"]);
const NOT_BEFORE_NG_C = new Set(["i", "y", "ê", "uê", "uy"]);
const FINALS = ["ch", "nh", "ng", "c", "m", "n", "p", "t", ""] as const;
const STOPS = new Set(["c", "ch", "p", "t"]);

const ACUTE = 0x301;
const DOT = 0x323;
const TONES = new Set([0x300, ACUTE, 0x303, 0x309, DOT]);
const LETTERS = /^[a-zđăâêôơư]+$/;

/** Whether `word` (one token, no spaces) is a Vietnamese syllable, in lower case, upper case or capitalised. */
export function isSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 8) return false;
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  const capitalised = word[0] === upper[0] && word.slice(1) === lower.slice(1);
  if (word !== lower && word !== upper && !capitalised) return false;
  let tone: number | undefined;
  // Which letter carries the tone mark (its index among the letters).
  let toneAt = -1;
  let letters = 0;
  let bare = "";
  let previous = "";
  for (const ch of lower.normalize("NFD")) {
    const code = ch.charCodeAt(0);
    if (TONES.has(code)) {
      // A tone mark sits on a vowel ("ñ" is n and a tilde: VNI's đ, no syllable).
      if (tone !== undefined || previous === "" || !"aeiouy".includes(previous)) return false;
      tone = code;
      toneAt = letters - 1;
    } else {
      if (code < 0x300 || code > 0x36f) {
        letters++;
        previous = ch;
      }
      bare += ch;
    }
  }
  bare = bare.normalize("NFC");
  if (!LETTERS.test(bare)) return false;
  return INITIALS.some((initial) => {
    if (!bare.startsWith(initial)) return false;
    const rest = bare.slice(initial.length);
    return FINALS.some((final) => {
      if (!rest.endsWith(final)) return false;
      const nucleus = rest.slice(0, rest.length - final.length);
      if (nucleus === "" || (initial === "qu" && /^[uưo]/.test(nucleus))) return false;
      // In a nucleus that ends in a glide the tone is never on its last letter ("xảo", not "xaỏ").
      if (final === "")
        return EITHER.has(nucleus) || (OPEN.has(nucleus) && toneAt !== initial.length + nucleus.length - 1);
      if (!CLOSED.has(nucleus) && !EITHER.has(nucleus)) return false;
      if ((final === "ch" || final === "nh") && !BEFORE_CH_NH.has(nucleus)) return false;
      if ((final === "ng" || final === "c") && NOT_BEFORE_NG_C.has(nucleus)) return false;
      // A syllable closed by c, ch, p or t carries the acute or the dot below.
      return !STOPS.has(final) || tone === ACUTE || tone === DOT;
    });
  });
}
