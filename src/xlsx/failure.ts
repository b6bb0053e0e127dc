// The internal exception that carries a classified read failure up to readXlsx, which turns it into a ReadOutcome.
import type { UnreadableReason } from "../core/workbook";

export class ReadFailure extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly detail: string,
    /** The cell at fault, when one is ("Chỉ tiêu", "HZ5"). */
    readonly at?: { readonly sheet: string; readonly cell: string },
  ) {
    super(`${reason}: ${detail}`);
    this.name = "ReadFailure";
  }
}

export function fail(
  reason: UnreadableReason,
  detail: string,
  at?: { readonly sheet: string; readonly cell: string },
): never {
  throw new ReadFailure(reason, detail, at);
}
