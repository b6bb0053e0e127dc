// Files filled from one template repeat their small parts byte for byte: content types, the
// workbook, its relationships, styles. A PartMemo, kept across the files of one run, remembers the
// last parse of each such part by its exact stored (compressed) bytes, so those are inflated and
// parsed once per run, not once per file. Only successful parses are kept; a different byte anywhere
// means a fresh parse, so the result is always what parsing this file would give.

interface Slot {
  readonly method: number;
  readonly data: Uint8Array;
  /** Inflated length, still charged to each file's budget on a hit. */
  readonly inflatedLength: number;
  readonly value: unknown;
}

export interface MemoHit {
  readonly inflatedLength: number;
  readonly value: unknown;
}

export class PartMemo {
  private readonly slots = new Map<string, Slot>();
  hits = 0;

  /** The value remembered for `key` when its stored bytes and method are exactly these. */
  get(key: string, method: number, data: Uint8Array): MemoHit | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined || slot.method !== method || !sameBytes(slot.data, data)) return undefined;
    this.hits++;
    return slot;
  }

  /** Remembers a successful parse (a copy of the bytes: the file's buffer may be reused). */
  set(key: string, method: number, data: Uint8Array, inflatedLength: number, value: unknown): void {
    this.slots.set(key, { method, data: data.slice(), inflatedLength, value });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
