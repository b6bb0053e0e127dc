// One input file as the CLI reads it: its bytes (sources are only ever opened for reading), their
// SHA-256, and why a file could not be opened, in Vietnamese. Apart from io.ts so the worker thread
// (inspect-worker.ts) reads files the same way without the CLI's option and profile loading.

import { createHash } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  statSync,
} from "node:fs";
import { fileTooLargeMessage } from "../core/findings";
import { fsReason, isErrnoError } from "./fs-reason";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Opened without blocking: a named pipe would otherwise wait for a writer forever. */
const READ_NOT_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A roster, profile or last year's file is far below this; a device or a wrong file is not read. */
const OPTION_FILE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Read a file the options name (roster, profile, last year's summary) as bytes, only ever for
 * reading: a device, pipe or socket (`--roster /dev/zero`, a named pipe) or a file over 64 MB throws
 * an error whose `code` fsReason names (ENOTREGULAR, EOPTIONTOOBIG), never read to its end.
 */
export function readBytes(path: string): Uint8Array {
  const fd = openSync(path, READ_NOT_BLOCKING);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
    if (!st.isFile())
      throw Object.assign(new Error(`${path} is not a regular file`), { code: "ENOTREGULAR" });
    if (st.size > OPTION_FILE_MAX_BYTES)
      throw Object.assign(new Error(`${path} is over ${OPTION_FILE_MAX_BYTES} bytes`), {
        code: "EOPTIONTOOBIG",
      });
    const buf = readFileSync(fd);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } finally {
    closeSync(fd);
  }
}

/** readBytes as UTF-8 text. */
export function readText(path: string): string {
  return new TextDecoder("utf-8").decode(readBytes(path));
}

const NOT_A_FILE =
  "Không phải tệp thông thường (thiết bị, ống dẫn hay liên kết tới một thiết bị của hệ thống), nên không đọc. Hãy chép đúng tệp báo cáo .xlsx vào thư mục.";

export type InputRead =
  | { readonly ok: true; readonly file: string; readonly bytes: Uint8Array; readonly sha256: string }
  | {
      readonly ok: false;
      readonly file: string;
      readonly sha256: string;
      readonly message: string;
      /** Not opened or read on this machine (NOT_OPENED): the cause is here, not in what the unit sent. */
      readonly notOpened: boolean;
    };

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why this machine could not open or read a file or folder, and what to do about it here. */
export function notOpenedMessage(what: "tệp" | "thư mục", code: string | undefined): string {
  const why =
    code === "EACCES" || code === "EPERM"
      ? `tài khoản đang chạy KL226 không có quyền đọc ${what} này (của người dùng khác, hoặc bị chặn quyền)`
      : (fsReason(code) ?? "lỗi hệ thống");
  const inside = what === "thư mục" ? "; các tệp bên trong chưa được đọc" : "";
  const fix =
    code === "EACCES" || code === "EPERM"
      ? `hãy cấp quyền đọc ${what} (hoặc chép ${what === "tệp" ? "tệp" : "các tệp"} sang thư mục của mình) rồi chạy lại`
      : "hãy kiểm tra lại trên máy rồi chạy lại";
  return `Máy này không mở được ${what}: ${why}${inside}. Đây không phải lỗi của tệp đơn vị gửi; không trả lại báo cáo vì lý do này: ${fix}.`;
}

/** A file whose bytes changed while the run read it (still being copied in, downloaded or saved): NOT_OPENED. */
export const STILL_WRITTEN =
  "Tệp đã thay đổi trong lúc KL226 đọc (đang được chép vào, tải xuống hay lưu), nên chưa đọc được trọn vẹn. Đây không phải lỗi của tệp đơn vị gửi; không trả lại báo cáo vì lý do này: đợi chép hay tải xong rồi chạy lại.";

/**
 * Read one input for checking (sources are only ever opened for reading). A file that cannot be
 * opened, or is over `maxBytes` (not read into memory, only hashed), comes back with the reason.
 */
export function readInput(file: string, maxBytes: number): InputRead {
  let fd: number;
  try {
    // Not blocking: a named pipe among the files would wait for a writer forever.
    fd = openSync(file, READ_NOT_BLOCKING);
  } catch (e) {
    return {
      ok: false,
      file,
      sha256: "",
      // A folder without read permission fails here too (its name is known, not its content).
      message: notOpenedMessage(isFolder(file) ? "thư mục" : "tệp", isErrnoError(e) ? e.code : undefined),
      notOpened: true,
    };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) {
      let code = "EISDIR";
      try {
        readdirSync(file);
      } catch (e) {
        code = (isErrnoError(e) ? e.code : undefined) ?? code;
      }
      return { ok: false, file, sha256: "", message: notOpenedMessage("thư mục", code), notOpened: true };
    }
    // A device, pipe or socket (a link to /dev/zero unpacked from a unit's .zip) has no size to
    // check and may never end: not read at all.
    if (!st.isFile()) return { ok: false, file, sha256: "", message: NOT_A_FILE, notOpened: false };
    if (st.size > maxBytes) {
      const hash = createHash("sha256");
      const chunk = Buffer.alloc(1 << 20);
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
      return {
        ok: false,
        file,
        sha256: hash.digest("hex"),
        message: fileTooLargeMessage(st.size, maxBytes),
        notOpened: false,
      };
    }
    const buf = readFileSync(fd);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    return { ok: true, file, bytes, sha256: sha256Hex(bytes) };
  } catch (e) {
    return {
      ok: false,
      file,
      sha256: "",
      message: notOpenedMessage("tệp", isErrnoError(e) ? e.code : undefined),
      notOpened: true,
    };
  } finally {
    closeSync(fd);
  }
}
