// What the command prints when its output has gone away. A reader that leaves early (`kl226 validate
// bao-cao/ | head`, a closed terminal) makes the next write fail with EPIPE, which Node reports as an
// uncaught error with its stack. That is no failure of the command: what was left to print is dropped,
// the command runs to its end (consolidate still writes its summary and documents) and exits with its
// own code. Any other failed write (a full disk under `> ket-qua.json`) makes the command exit with 2,
// since part of its output is lost, and a failed stdout is said in one Vietnamese sentence on stderr.

import { errorCode, fsReason } from "./fs-reason";

type Stream = "stdout" | "stderr";

let guarded = false;

/** Installs the handling on process.stdout and process.stderr (once per process). */
export function guardOutputStreams(): void {
  if (guarded) return;
  guarded = true;
  for (const name of ["stdout", "stderr"] as const)
    process[name].on("error", (e: unknown) => onWriteError(name, e));
}

let failed = false;
const WRITTEN = Symbol.for("kl226.outputsWritten");
/**
 * The outputs written whole so far (writeAtomic), in order. Kept on the process, not in this module:
 * the built command bundles this module twice (the entry, which guards the streams, and the commands,
 * which write), and each bundle has its own module state.
 */
const written: string[] = ((globalThis as { [WRITTEN]?: string[] })[WRITTEN] ??= []);

/** Notes an output written whole: named if the command's own output then fails (exit 2). */
export function noteWritten(path: string): void {
  written.push(path);
}

function onWriteError(name: Stream, e: unknown): void {
  const code = errorCode(e);
  // After EPIPE the stream is destroyed and later writes report that instead: the same reader gone.
  if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED") return;
  if (!failed) {
    failed = true;
    process.once("exit", () => {
      process.exitCode = 2;
      // Exit 2 reads "nothing was written" (--help): the files that were are named, whole and usable.
      if (written.length > 0 && !process.stderr.destroyed)
        process.stderr.write(
          `Các tệp đã ghi xong và dùng được: ${written.slice(0, 5).join(", ")}${
            written.length > 5 ? ` và ${written.length - 5} tệp khác` : ""
          }.\n`,
        );
    });
  }
  // A failed stderr is not told on stdout, which may be a JSON report a script reads.
  if (name === "stderr" || process.stderr.destroyed) return;
  const why = (typeof code === "string" ? fsReason(code) : undefined) ?? `lỗi hệ thống ${String(code ?? e)}`;
  process.stderr.write(`Không ghi được kết quả của lệnh: ${why}.\n`);
}
