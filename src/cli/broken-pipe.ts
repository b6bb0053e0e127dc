// What the command prints when its output has gone away. A reader that leaves early (`kl226 validate
// bao-cao/ | head`, a closed terminal) makes the next write fail with EPIPE, which Node reports as an
// uncaught error with its stack. That is no failure of the command: what was left to print is dropped,
// the command runs to its end (consolidate still writes its summary and documents) and exits with its
// own code. Any other failed write (a full disk under `> ket-qua.json`) is said in one Vietnamese
// sentence on the other stream, and the command exits with 2: part of its output is lost.

import { fsReason, isErrnoError } from "./fs-reason";

type Stream = "stdout" | "stderr";

const guarded = new Set<Stream>();

/** Installs the handling on process.stdout and process.stderr (once per process). */
export function guardOutputStreams(): void {
  for (const name of ["stdout", "stderr"] as const) {
    if (guarded.has(name)) continue;
    guarded.add(name);
    process[name].on("error", (e: unknown) => onWriteError(name, e));
  }
}

let failed = false;

function onWriteError(name: Stream, e: unknown): void {
  const code = isErrnoError(e) ? e.code : undefined;
  // After EPIPE the stream is destroyed and later writes report that instead: the same reader gone.
  if (code === "EPIPE" || (e as { code?: unknown }).code === "ERR_STREAM_DESTROYED") return;
  if (!failed) {
    failed = true;
    process.once("exit", () => {
      process.exitCode = 2;
    });
  }
  const where = name === "stdout" ? "kết quả" : "thông báo";
  const why = fsReason(code) ?? `lỗi hệ thống ${code ?? String(e)}`;
  const other = name === "stdout" ? process.stderr : process.stdout;
  if (!other.destroyed) other.write(`Không ghi được ${where} của lệnh: ${why}.\n`);
}
