// The CLI's file system edge: reading inputs, loading the profile, writing outputs atomically.

import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync, statSync, readdirSync } from "node:fs";
import { dirname, join, resolve, basename } from "node:path";
import { parseProfile, type Profile } from "../core/profile";
import { SHIPPED_PROFILE_NAMES, shippedProfile } from "../core/profiles";

export class UsageError extends Error {}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Read a file as bytes (sources are only ever opened for reading). */
export function readBytes(path: string): Uint8Array {
  const buf = readFileSync(path);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

const SHIPPED_HINT = `Hồ sơ có sẵn: ${SHIPPED_PROFILE_NAMES.join(", ")}; hoặc đường dẫn tệp .json của tỉnh.`;

/**
 * `--profile NAME|FILE` (SPEC §8): a shipped profile by name, else a JSON file. A name that is
 * neither (no such file, no path separator, no .json) is a usage error listing the shipped names.
 */
export function loadProfile(nameOrPath: string): Profile {
  const shipped = shippedProfile(nameOrPath);
  if (shipped) return shipped;
  const looksLikeName = !/[\\/]/.test(nameOrPath) && !/\.json$/i.test(nameOrPath);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(nameOrPath, "utf8"));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    if (missing && looksLikeName) throw new UsageError(`Không có hồ sơ cấu hình “${nameOrPath}”. ${SHIPPED_HINT}`);
    const why = missing ? "không tìm thấy tệp" : (e as NodeJS.ErrnoException).code === "EISDIR" ? "đây là thư mục, không phải tệp .json" : "không phải JSON hợp lệ";
    throw new UsageError(`Không đọc được hồ sơ cấu hình ${nameOrPath}: ${why}. ${SHIPPED_HINT}`);
  }
  const parsed = parseProfile(json);
  if (!parsed.ok) throw new UsageError(`Hồ sơ cấu hình ${nameOrPath} không hợp lệ:\n  ${parsed.errors.join("\n  ")}`);
  return parsed.profile;
}

/**
 * Write a file so that it is either the old one or the complete new one: write a temporary file
 * beside it, then rename it into place (an interrupted run never leaves half a summary).
 */
export function writeAtomic(path: string, data: Uint8Array | string): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      throw new UsageError(`Không ghi được ${path}: tệp đang mở trong chương trình khác hoặc không có quyền ghi. Hãy đóng tệp rồi chạy lại; chưa có gì bị ghi dở.`);
    }
    if (code === "EISDIR" || code === "ENOTEMPTY" || code === "EEXIST") {
      throw new UsageError(`Không ghi được ${path}: đã có một thư mục trùng tên. Hãy chọn tên tệp khác rồi chạy lại; chưa có gì bị ghi dở.`);
    }
    throw e;
  }
}

/** Expand files and folders (recursively) into .xlsx paths, sorted; skips Excel's ~$ lock files. */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (path: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(path);
    } catch {
      throw new UsageError(`Không tìm thấy tệp hoặc thư mục: ${path}`);
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry), false);
    } else if (explicit || (/\.xlsx$/i.test(path) && !basename(path).startsWith("~$"))) {
      out.push(path);
    }
  };
  for (const input of inputs) visit(input, true);
  return out;
}
