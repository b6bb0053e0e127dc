// A growing UTF-8 buffer that the writer renders each worksheet into, row by row, and reuses for the
// next one: a summary of 10,000 units never holds a sheet's XML as one string (nor its copies).

/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;

export class ByteSink {
  private buf: Uint8Array;
  private length = 0;
  private readonly encoder = new TextEncoder();

  constructor(capacity = 64 * 1024) {
    this.buf = new Uint8Array(capacity);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  /**
   * Appends `text` in UTF-8, as TextEncoder.encode(text) would. Each text is encoded on its own: a
   * surrogate pair split across two pushes becomes two U+FFFD (the writer's pieces end at a tag).
   */
  push(text: string): void {
    this.reserve(text.length * MAX_BYTES_PER_UNIT);
    this.length += this.encoder.encodeInto(text, this.buf.subarray(this.length)).written;
  }

  /** Puts `text` before everything written so far. */
  prepend(text: string): void {
    const head = this.encoder.encode(text);
    this.reserve(head.length);
    this.buf.copyWithin(head.length, 0, this.length);
    this.buf.set(head, 0);
    this.length += head.length;
  }

  /** The bytes written so far; valid until the next push, prepend or clear. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** Empties the sink, keeping its memory for the next sheet. */
  clear(): void {
    this.length = 0;
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }
}
