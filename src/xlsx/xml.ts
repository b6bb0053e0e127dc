// A small forward-only XML tag scanner plus the text decoders SpreadsheetML needs (entities, _xHHHH_ escapes).
// Not a general XML parser: it yields tags with namespace prefixes stripped, reads text on demand and
// checks only the well-formedness that matters here (unterminated markup, unbalanced nesting).
import { fail } from "./failure";

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const COLON = 0x3a;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const EQ = 0x3d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const WS = "[ \\t\\r\\n]";
const NAME_CHAR = `[^ \\t\\r\\n/>"'<=:]`;
/**
 * Repetitions of a group in one match are bounded: V8 keeps a backtracking frame per repetition,
 * and an unbounded `*` over a part with 200,000 fonts or a million rows overflows the stack
 * (a RangeError, where the reader must give a finding). What a bounded match leaves over is read
 * by the char loops, or by the next match.
 */
export const MAX_REPEAT = 2048;
const ATTRS = `(?:${WS}+[^ \\t\\r\\n/>"'<=]+${WS}*=${WS}*(?:"[^"]*"|'[^']*')){0,256}${WS}*`;
/**
 * A start tag in the plain shape `<name a="1" b='2'/>` (XML white space only). The regex engine
 * matches it several times faster than the char loop in next(), and where it matches, that loop
 * would find the same name and the same '>' (the name stops at white space, '/' or '>'; quotes
 * only delimit complete values; no '<' outside them), so next() tries it on tags with attributes
 * and keeps the loop for everything else, including every malformed tag.
 */
const WELL_FORMED_START_TAG = new RegExp(`<[^ \\t\\r\\n/>"'<=]+${ATTRS}\\/?>`, "y");
/** How deep skippable elements may nest (styles.xml: borders > border > left > color). */
const SKIP_DEPTH = 4;

/**
 * A sticky regex for XmlScanner.skip: one or more complete elements written plainly (start tags of
 * the WELL_FORMED_START_TAG shape, nesting at most SKIP_DEPTH deep, end tags, text without markup)
 * none of whose tags has one of the `excluded` local names. On such a run the char loop would find
 * the same tags, raise no error and end at the depth it started from, and the caller would ignore
 * every tag, so it can be passed over in one match. Comments, PIs, CDATA, a needed tag or anything
 * unusual end the run, and the scanner reads on from there as before.
 */
export function skippableElements(excluded: readonly string[]): RegExp {
  const notExcluded = `(?!(?:${excluded.join("|")})[ \\t\\r\\n/>])`;
  // `<!` and `<?` are markup declarations and PIs to next(), never start tags.
  const start = `<(?![!?])(?:${NAME_CHAR}*:)*${notExcluded}${NAME_CHAR}+${ATTRS}`;
  const end = `<\\/(?:[^>:]*:)*${notExcluded}[^>:]*>`;
  // Text goes one character per iteration, not [^<]+: a repeated group that can split a text run
  // in many ways backtracks exponentially when a run fails to close (a hostile part could stall us).
  let element = `${start}\\/>`;
  for (let k = 0; k < SKIP_DEPTH; k++)
    element = `${start}(?:\\/>|>(?:[^<]|${element}){0,${MAX_REPEAT}}${end})`;
  return new RegExp(`(?:[^<]|${element}){1,${MAX_REPEAT}}`, "y");
}

export class XmlScanner {
  private pos = 0;
  private depth = 0;
  private attrStart = 0;
  private attrEnd = 0;
  /** Local name of the current tag (any namespace prefix removed). */
  name = "";
  /** The current tag is an end tag `</x>`. */
  closing = false;
  /** The current tag is an empty-element tag `<x/>`. */
  selfClosing = false;

  constructor(
    private readonly s: string,
    /** Part name, for failure details. */
    private readonly part: string,
  ) {}

  /** Offset just past the current tag: where a specialised scanner can take over. */
  get offset(): number {
    return this.pos;
  }

  private corrupt(what: string): never {
    fail("CORRUPT", `malformed XML in ${this.part}: ${what}`);
  }

  /** Advances to the next start or end tag; false at the end of the document. */
  next(): boolean {
    const s = this.s;
    for (;;) {
      // Tags often follow each other directly: check before paying for an indexOf call.
      const lt = s.charCodeAt(this.pos) === LT ? this.pos : s.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = s.length;
        if (this.depth !== 0) this.corrupt("unexpected end of document");
        return false;
      }
      const c = s.charCodeAt(lt + 1);
      if (c === BANG) {
        if (s.startsWith("!--", lt + 1)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) this.corrupt("unterminated comment");
          this.pos = end + 3;
          continue;
        }
        if (s.startsWith("![CDATA[", lt + 1)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) this.corrupt("unterminated CDATA");
          this.pos = end + 3;
          continue;
        }
        // OOXML parts never carry a DOCTYPE; refusing it rules out entity-expansion tricks entirely.
        this.corrupt("DOCTYPE or unknown markup declaration");
      }
      if (c === QMARK) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) this.corrupt("unterminated processing instruction");
        this.pos = end + 2;
        continue;
      }
      if (c === SLASH) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) this.corrupt("unterminated end tag");
        let nameEnd = gt;
        while (nameEnd > lt + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        this.name = localName(s, lt + 2, nameEnd);
        this.closing = true;
        this.selfClosing = false;
        this.attrStart = this.attrEnd = nameEnd;
        if (--this.depth < 0) this.corrupt(`unexpected end tag </${this.name}>`);
        this.pos = gt + 1;
        return true;
      }
      // Start tag: name, then attributes up to a '>' that is not inside a quoted value.
      let i = lt + 1;
      const n = s.length;
      let ch = s.charCodeAt(i);
      while (i < n && !isSpace(ch) && ch !== GT && ch !== SLASH) ch = s.charCodeAt(++i);
      if (i === lt + 1) this.corrupt("empty tag name");
      if (ch === GT || (ch === SLASH && s.charCodeAt(i + 1) === GT)) {
        this.startTag(lt + 1, i, ch === GT ? i : i + 1); // no attributes
        return true;
      }
      WELL_FORMED_START_TAG.lastIndex = lt;
      if (WELL_FORMED_START_TAG.test(s)) {
        this.startTag(lt + 1, i, WELL_FORMED_START_TAG.lastIndex - 1);
        return true;
      }
      this.name = localName(s, lt + 1, i);
      const attrStart = i;
      let quote = 0;
      for (; i < n; i++) {
        ch = s.charCodeAt(i);
        if (quote !== 0) {
          if (ch === quote) quote = 0;
        } else if (ch === DQUOTE || ch === SQUOTE) {
          quote = ch;
        } else if (ch === GT) {
          break;
        } else if (ch === LT) {
          this.corrupt(`'<' inside tag <${this.name}>`);
        }
      }
      if (i >= n) this.corrupt(`unterminated tag <${this.name}>`);
      this.closing = false;
      this.selfClosing = s.charCodeAt(i - 1) === SLASH;
      this.attrStart = attrStart;
      this.attrEnd = this.selfClosing ? i - 1 : i;
      if (!this.selfClosing) this.depth++;
      this.pos = i + 1;
      return true;
    }
  }

  /** Moves past a run of elements the caller does not need, if one starts here (see skippableElements). */
  skip(skippable: RegExp): void {
    skippable.lastIndex = this.pos;
    if (skippable.test(this.s)) this.pos = skippable.lastIndex;
  }

  /** Sets the state for a start tag whose name is s[nameStart, nameEnd) and whose closing '>' is at gt. */
  private startTag(nameStart: number, nameEnd: number, gt: number): void {
    const s = this.s;
    this.name = localName(s, nameStart, nameEnd);
    this.closing = false;
    this.selfClosing = s.charCodeAt(gt - 1) === SLASH;
    this.attrStart = nameEnd;
    this.attrEnd = this.selfClosing ? gt - 1 : gt;
    if (!this.selfClosing) this.depth++;
    this.pos = gt + 1;
  }

  /**
   * The value of the current tag's attribute with this local name, entity-decoded. By default only
   * unprefixed attributes match (`r`, `t`, `name`); with `prefixed` only prefixed ones (`r:id`).
   */
  attr(local: string, prefixed = false): string | undefined {
    const s = this.s;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      let c = s.charCodeAt(i);
      while (i < end && isSpace(c)) c = s.charCodeAt(++i);
      if (i >= end) break;
      const nameStart = i;
      let colon = -1;
      while (i < end && c !== EQ && !isSpace(c)) {
        if (c === COLON) colon = i;
        c = s.charCodeAt(++i);
      }
      const nameEnd = i;
      while (i < end && c !== EQ) c = s.charCodeAt(++i);
      i++; // '='
      c = s.charCodeAt(i);
      while (i < end && isSpace(c)) c = s.charCodeAt(++i);
      if (c !== DQUOTE && c !== SQUOTE) this.corrupt(`bad attribute in <${this.name}>`);
      const close = s.indexOf(String.fromCharCode(c), i + 1);
      if (close < 0 || close > end) this.corrupt(`unterminated attribute in <${this.name}>`);
      const localStart = colon >= 0 ? colon + 1 : nameStart;
      if (
        colon >= 0 === prefixed &&
        nameEnd - localStart === local.length &&
        s.startsWith(local, localStart)
      ) {
        return decodeText(s.slice(i + 1, close));
      }
      i = close + 1;
    }
    return undefined;
  }

  /**
   * The character data that follows the current start tag up to the next tag (CDATA sections included),
   * entity-decoded. Leaves the scanner before that tag, so `next()` then returns it.
   */
  text(): string {
    if (this.selfClosing || this.closing) return "";
    const s = this.s;
    let out = "";
    for (;;) {
      const lt = s.indexOf("<", this.pos);
      if (lt < 0) this.corrupt("unexpected end of document in text");
      out += decodeText(s.slice(this.pos, lt));
      if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt + 9);
        if (end < 0) this.corrupt("unterminated CDATA");
        out += s.slice(lt + 9, end);
        this.pos = end + 3;
        continue;
      }
      this.pos = lt;
      return out;
    }
  }
}

function localName(s: string, start: number, end: number): string {
  // Scan only the name itself: lastIndexOf would run back through the whole document when there is no prefix.
  let from = start;
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === COLON) from = i + 1;
  return s.slice(from, end);
}

const NAMED: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);
const HASH = 0x23;
const LOWER_X = 0x78;
/** The `;` of the longest reference (`&#x10FFFF;`, `&#1114111;`) is 9 characters after its `&`. */
const MAX_ENTITY_SPAN = 9;

/**
 * Decodes raw XML character data: line ends normalised as an XML parser does (so a literal CR
 * becomes LF, like in Excel; a real CR arrives as `&#13;` or `_x000D_`), then the five named entities
 * and character references (`&#x1EC8;`, `&#7880;`). Anything else after an `&` is left as it is.
 * A loop rather than a regex replace: openpyxl writes every Vietnamese letter as a reference, and a
 * callback per match made this the reader's costliest function on such files.
 */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let copied = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 2);
    if (semi < 0) break;
    const decoded = semi - amp <= MAX_ENTITY_SPAN ? entityText(s, amp + 1, semi) : undefined;
    if (decoded === undefined) {
      amp = s.indexOf("&", amp + 1);
      continue;
    }
    out += s.slice(copied, amp) + decoded;
    copied = semi + 1;
    amp = s.indexOf("&", copied);
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** The text of the entity between `&` and `;` (s[from, semi)), or undefined when it is none we decode. */
function entityText(s: string, from: number, semi: number): string | undefined {
  if (s.charCodeAt(from) !== HASH) return semi - from <= 4 ? NAMED.get(s.slice(from, semi)) : undefined;
  const hex = s.charCodeAt(from + 1) === LOWER_X;
  const first = from + (hex ? 2 : 1);
  const digits = semi - first;
  if (digits < 1 || digits > (hex ? 6 : 7)) return undefined;
  let cp = 0;
  for (let i = first; i < semi; i++) {
    const d = digitValue(s.charCodeAt(i), hex);
    if (d < 0) return undefined;
    cp = cp * (hex ? 16 : 10) + d;
  }
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Undoes OOXML's `_xHHHH_` escapes (`_x000D_` → CR; `_x005F_x000D_` → the literal `_x000D_`). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m: string, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
