// The internal exception that carries a classified read failure up to readXlsx, which turns it into a ReadOutcome.
import type { UnreadableReason } from "../core/workbook";

export class ReadFailure extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly detail: string,
    /** The cell at fault ("HZ5"), when one is; the reader adds its sheet's name. */
    readonly cell?: string,
    readonly sheet?: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = "ReadFailure";
  }
}

export function fail(reason: UnreadableReason, detail: string, cell?: string): never {
  throw new ReadFailure(reason, detail, cell);
}
