// Test support for jsdom: the encoders the xlsx code uses at module load, taken from Node.
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;

// Fluent's MessageBar watches its size; jsdom has no layout, so a do-nothing observer will do.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = globalThis as { ResizeObserver?: unknown };
w.ResizeObserver ??= NoResizeObserver;
