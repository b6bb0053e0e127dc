// The CLI's file system edge: reading inputs, loading the profile, writing outputs atomically.

import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync, statSync, readdirSync } from "node:fs";
import { dirname, join, resolve, basename } from "node:path";
import { DEFAULT_PROFILE, parseProfile, type Profile } from "../core/profile";

export { readBytes, sha256Hex } from "./read-input";

export class UsageError extends Error {}

export function loadProfile(path: string | undefined): Profile {
  if (path === undefined) return DEFAULT_PROFILE;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "không tìm thấy tệp" : "không phải JSON hợp lệ";
    throw new UsageError(`Không đọc được hồ sơ cấu hình ${path}: ${why}.`);
  }
  const parsed = parseProfile(json);
  if (!parsed.ok) throw new UsageError(`Hồ sơ cấu hình ${path} không hợp lệ:\n  ${parsed.errors.join("\n  ")}`);
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
