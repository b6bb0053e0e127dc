// Worksheets that format whole rows: Excel writes one empty `<row r="…" s="…" customFormat="1"/>`
// per formatted row, a million of them when a clerk formats whole columns' worth of rows. The XML is
// then larger than the part cap although it holds nothing to read. This inflates such a part as a
// stream and drops each empty self-closing row that the next row overrides, so the cap bounds what
// is kept (real content) and a separate, larger cap bounds the work of inflating.
import { Inflate } from "fflate";
import { InflateLimitError } from "./inflate";

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const EQ = 0x3d;
const COLON = 0x3a;
const CH_r = 0x72;

/** A row start tag longer than this is kept as it is (no real row tag is near it). */
const MAX_ROW_TAG = 4096;
/** Enough bytes after '<' to tell `<![CDATA[`, `<!--`, `<?` and `<row` apart. */
const LOOKAHEAD = 9;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Thrown when the kept bytes would exceed their cap (the raw cap throws InflateLimitError). */
export class KeptLimitError extends Error {
  constructor(readonly maxKeptBytes: number) {
    super(`worksheet content exceeds ${maxKeptBytes} bytes once empty rows are dropped`);
    this.name = "KeptLimitError";
  }
}

/** A growable output buffer with a hard cap. */
class Output {
  private buf = new Uint8Array(1 << 20);
  length = 0;
  constructor(private readonly cap: number) {}

  push(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.length + n > this.cap) throw new KeptLimitError(this.cap);
    if (this.length + n > this.buf.length) {
      const grown = new Uint8Array(
        Math.min(Math.max(this.buf.length * 2, this.length + n), Math.max(this.cap, this.length + n)),
      );
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
    }
    this.buf.set(src.subarray(from, to), this.length);
    this.length += n;
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

const WS = "[ \\t\\r\\n]";
/** An attribute other than an unprefixed `r`, in a double- or single-quoted value. */
const OTHER_ATTR = `${WS}+(?!r${WS}*=)[^ \\t\\r\\n/>"'=<]+${WS}*=${WS}*(?:"[^"<]*"|'[^'<]*')`;
/**
 * A run of self-closing rows in the shape spreadsheet programs write, `<row r="5" …/>` with `r` first
 * (a row number, no second `r`), white space between them. Every such row is one scanRowTag would
 * flag SELF_CLOSING | NUMBERED; the regex engine passes a run of them many times faster than the loop.
 * At most 256 rows a match: V8 keeps a backtracking frame per repetition, and an unbounded `+` over a
 * million rows overflows the stack. The text state comes back for the next 256.
 */
const EMPTY_ROW_RUN = new RegExp(
  `(?:<row r="(?=[0-9]{0,14}[1-9])[0-9]{1,15}"(?:${OTHER_ATTR}){0,64}${WS}*\\/>${WS}*){1,256}`,
  "y",
);
/** One character per byte (windows-1252 maps every byte to one UTF-16 unit), so offsets are byte offsets. */
const bytesAsText = new TextDecoder("windows-1252");

/** scanRowTag's flag bits. */
const SELF_CLOSING = 1;
const NUMBERED = 2;
/** scanRowTag results other than the index of the tag's '>'. */
const INCOMPLETE = -1;
const MALFORMED = -2;

/** The flags of the tag scanRowTag last read (module scope: no allocation per row). */
let rowFlags = 0;

/**
 * Reads the start tag `<row …>` or `<row …/>` at buf[from] and returns the index of its '>' (INCOMPLETE
 * when the buffer ends first, MALFORMED when its attributes do not parse, so it is kept for the parser
 * to judge). Sets rowFlags: SELF_CLOSING, and NUMBERED when it has exactly one unprefixed `r`
 * attribute holding a row number (1 or more, at most 15 digits), the only kind of row the sheet
 * parser places by itself whatever came before it. Runs once per row, a million times for such a sheet.
 */
function scanRowTag(buf: Uint8Array, from: number): number {
  const n = buf.length;
  let rCount = 0;
  let numbered = false;
  let i = from + 4; // after "<row"
  for (;;) {
    let c = buf[i]!;
    while (i < n && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) c = buf[++i]!;
    if (i >= n) return INCOMPLETE;
    if (c === GT || c === SLASH) {
      if (c === SLASH) {
        if (i + 1 >= n) return INCOMPLETE;
        if (buf[i + 1] !== GT) return MALFORMED;
        i++;
      }
      rowFlags = (c === SLASH ? SELF_CLOSING : 0) | (numbered && rCount === 1 ? NUMBERED : 0);
      return i;
    }
    // An attribute: name = "value" (or 'value').
    const nameStart = i;
    let prefixed = false;
    while (
      i < n &&
      c !== EQ &&
      c !== GT &&
      c !== SLASH &&
      !(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
    ) {
      if (c === COLON) prefixed = true;
      c = buf[++i]!;
    }
    const isR = i - nameStart === 1 && buf[nameStart] === CH_r && !prefixed;
    while (i < n && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) c = buf[++i]!;
    if (i >= n) return INCOMPLETE;
    if (c !== EQ || i === nameStart) return MALFORMED;
    c = buf[++i]!;
    while (i < n && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) c = buf[++i]!;
    if (i >= n) return INCOMPLETE;
    if (c !== DQUOTE && c !== SQUOTE) return MALFORMED;
    const vs = i + 1;
    const ve = buf.indexOf(c, vs);
    if (ve < 0) return n - from > MAX_ROW_TAG ? MALFORMED : INCOMPLETE;
    if (isR) {
      rCount++;
      let value = 0;
      let digits = ve > vs && ve - vs <= 15;
      for (let k = vs; k < ve && digits; k++) {
        const d = buf[k]! - 48;
        if (d < 0 || d > 9) digits = false;
        else value = value * 10 + d;
      }
      numbered = digits && value >= 1;
    }
    i = ve + 1;
    if (i - from > MAX_ROW_TAG) return MALFORMED;
  }
}

const enum State {
  Text,
  Comment,
  Cdata,
  Pi,
  RowTag,
}

/**
 * Streams worksheet XML through, dropping every self-closing `<row …/>` that is followed (white space
 * apart) by a numbered row: the sheet parser would set its row position from the next row anyway, so
 * what it reads is unchanged. Comments, CDATA and processing instructions pass untouched.
 */
export class EmptyRowCompactor {
  private state = State.Text;
  /** Bytes held across a chunk boundary: an unclassified '<…', or the start tag of a row being read. */
  private held = new Uint8Array(0);
  /** A self-closing row not yet written (pendingBuf[pendingStart, pendingEnd)): dropped if the next row is numbered. */
  private pendingBuf: Uint8Array | undefined;
  private pendingStart = 0;
  private pendingEnd = 0;
  private readonly out: Output;

  constructor(maxKeptBytes: number) {
    this.out = new Output(maxKeptBytes);
  }

  push(chunk: Uint8Array, final: boolean): void {
    /** The chunk as text for EMPTY_ROW_RUN, made when the first row tag is met. */
    let text: string | undefined;
    let buf = chunk;
    if (this.held.length > 0) {
      buf = new Uint8Array(this.held.length + chunk.length);
      buf.set(this.held);
      buf.set(chunk, this.held.length);
      this.held = new Uint8Array(0);
    }
    const n = buf.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.Comment:
        case State.Cdata:
        case State.Pi: {
          const close = this.state === State.Comment ? "-->" : this.state === State.Cdata ? "]]>" : "?>";
          const at = indexOfAscii(buf, close, i);
          if (at < 0) {
            // Keep the last bytes: the terminator may straddle the boundary.
            const keep = Math.min(n - i, close.length - 1);
            this.out.push(buf, i, n - keep);
            this.hold(buf, n - keep, final);
            i = n;
          } else {
            this.out.push(buf, i, at + close.length);
            i = at + close.length;
            this.state = State.Text;
          }
          break;
        }
        case State.RowTag: {
          const gt = scanRowTag(buf, i);
          if (gt === INCOMPLETE && !final) {
            this.hold(buf, i, final);
            i = n;
            break;
          }
          this.state = State.Text;
          if (gt < 0) {
            // Not a row tag we can judge: it passes as it is, and the text state reads on after '<'.
            this.flushPending();
            this.out.push(buf, i, i + 1);
            i++;
            break;
          }
          // The held row is dropped when this row sets its own position.
          if ((rowFlags & NUMBERED) === 0) this.flushPending();
          if ((rowFlags & SELF_CLOSING) !== 0) {
            // Chunks are never written to once pushed, so holding a view is safe.
            this.pendingBuf = buf;
            this.pendingStart = i;
            this.pendingEnd = gt + 1;
          } else {
            this.pendingBuf = undefined;
            this.out.push(buf, i, gt + 1);
          }
          i = gt + 1;
          break;
        }
        default: {
          const lt = buf.indexOf(LT, i);
          const textEnd = lt < 0 ? n : lt;
          if (textEnd > i) {
            if (this.pendingBuf !== undefined && !isBlank(buf, i, textEnd)) this.flushPending();
            this.out.push(buf, i, textEnd);
          }
          if (lt < 0) {
            i = n;
            break;
          }
          if (n - lt < LOOKAHEAD && !final) {
            this.hold(buf, lt, final);
            i = n;
            break;
          }
          const c = buf[lt + 1];
          if (c === BANG && startsWithAscii(buf, lt, "<!--")) i = this.enter(State.Comment, buf, lt, 4);
          else if (c === BANG && startsWithAscii(buf, lt, "<![CDATA["))
            i = this.enter(State.Cdata, buf, lt, 9);
          else if (c === QMARK) i = this.enter(State.Pi, buf, lt, 2);
          else if (
            startsWithAscii(buf, lt, "<row") &&
            (isSpace(buf[lt + 4] ?? 0) || buf[lt + 4] === SLASH || buf[lt + 4] === GT)
          ) {
            text ??= bytesAsText.decode(buf);
            EMPTY_ROW_RUN.lastIndex = lt;
            if (EMPTY_ROW_RUN.test(text)) {
              // Every row of the run is numbered: the held row and all but the run's last are dropped.
              const runEnd = EMPTY_ROW_RUN.lastIndex;
              this.pendingBuf = buf;
              this.pendingEnd = text.lastIndexOf("/>", runEnd - 1) + 2;
              this.pendingStart = text.lastIndexOf("<row", this.pendingEnd - 1);
              i = runEnd;
            } else {
              this.state = State.RowTag;
              i = lt;
            }
          } else {
            // Any other markup: the held row stays in place before it.
            this.flushPending();
            this.out.push(buf, lt, lt + 1);
            i = lt + 1;
          }
        }
      }
    }
    if (final) {
      this.flushPending();
      if (this.held.length > 0) {
        this.out.push(this.held, 0, this.held.length);
        this.held = new Uint8Array(0);
      }
    }
  }

  result(): Uint8Array {
    return this.out.result();
  }

  /** Passes the opening of a comment, CDATA section or PI; returns the index after it. */
  private enter(state: State, buf: Uint8Array, lt: number, openLength: number): number {
    this.flushPending();
    this.out.push(buf, lt, lt + openLength);
    this.state = state;
    return lt + openLength;
  }

  private flushPending(): void {
    if (this.pendingBuf !== undefined) {
      this.out.push(this.pendingBuf, this.pendingStart, this.pendingEnd);
      this.pendingBuf = undefined;
    }
  }

  private hold(buf: Uint8Array, from: number, final: boolean): void {
    if (final) this.out.push(buf, from, buf.length);
    else this.held = buf.slice(from);
  }
}

function isBlank(buf: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(buf[k] ?? 0)) return false;
  return true;
}

function startsWithAscii(buf: Uint8Array, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (buf[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

function indexOfAscii(buf: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let at = buf.indexOf(first, from); at >= 0; at = buf.indexOf(first, at + 1)) {
    if (at + s.length > buf.length) return -1;
    if (startsWithAscii(buf, at, s)) return at;
  }
  return -1;
}

/**
 * Inflates raw DEFLATE worksheet data (or passes stored data, method 0) through an EmptyRowCompactor.
 * Throws InflateLimitError when the inflated XML exceeds `maxRawBytes` (the work bound) and
 * KeptLimitError when what is kept exceeds `maxKeptBytes`; any other error means the data is corrupt.
 */
export function inflateCompactingRows(
  data: Uint8Array,
  method: number,
  maxKeptBytes: number,
  maxRawBytes: number,
): Uint8Array {
  const compactor = new EmptyRowCompactor(maxKeptBytes);
  if (method === 0) {
    if (data.length > maxRawBytes) throw new InflateLimitError(maxRawBytes);
    compactor.push(data, true);
    return compactor.result();
  }
  let raw = 0;
  let finished = false;
  const inflater = new Inflate((chunk: Uint8Array, final: boolean) => {
    raw += chunk.length;
    if (raw > maxRawBytes) throw new InflateLimitError(maxRawBytes);
    compactor.push(chunk, final);
    if (final) finished = true;
  });
  // 16 KB of input inflates to at most ~16 MB (DEFLATE expands at most ~1032:1): the raw cap binds closely.
  const SLICE = 16 * 1024;
  for (let off = 0; off < data.length; off += SLICE) {
    const end = Math.min(off + SLICE, data.length);
    inflater.push(data.subarray(off, end), end === data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (!finished) throw new Error("deflate stream ended early");
  return compactor.result();
}
