// The CLI's file system edge: reading inputs, loading the profile, writing outputs atomically.

import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  lstatSync,
  readlinkSync,
  renameSync,
  rmSync,
  statfsSync,
  writeFileSync,
  writeSync,
  mkdirSync,
  statSync,
  readdirSync,
  realpathSync,
  type Dirent,
  type Stats,
} from "node:fs";
import { homedir } from "node:os";
import { dirname, join, parse, resolve, basename, sep } from "node:path";
import { isIgnoredFileName } from "../core/file-kinds";
import { parseProfile, type Profile } from "../core/profile";
import { profileNotes, SHIPPED_PROFILE_NAMES, shippedProfile } from "../core/profiles";
import { nearestName } from "./nearest";

export class UsageError extends Error {}

import { noteWritten } from "./broken-pipe";
import { fsReason, isErrnoError } from "./fs-reason";

export { fsReason, isErrnoError } from "./fs-reason";
import { readText } from "./read-input";
export { readBytes, readInput, sha256Hex, type InputRead } from "./read-input";

const SHIPPED_HINT = `Hồ sơ có sẵn: ${SHIPPED_PROFILE_NAMES.join(", ")}; hoặc đường dẫn tệp .json của tỉnh.`;

/**
 * What reading a file of profiles/ had to say (a province's own profile without "tasks"…), said as for
 * a profile given by its path: by name, as the deployment's default, or chosen from what files name.
 */
export function noteProfile(profile: Profile, name: string, note: (line: string) => void): void {
  for (const line of profileNotes(profile, name)) note(line);
}

/**
 * `--profile NAME|FILE` (SPEC §8): a shipped profile by name, else a JSON file. A name that is
 * neither (no such file, no path separator, no .json) is a usage error listing the shipped names.
 */
export function loadProfile(nameOrPath: string, note: (line: string) => void = () => undefined): Profile {
  let shipped: Profile | undefined;
  try {
    shipped = shippedProfile(nameOrPath);
  } catch (e) {
    // A province's own file in profiles/ that does not parse (the build says so too).
    throw new UsageError((e as Error).message);
  }
  if (shipped) {
    noteProfile(shipped, nameOrPath, note);
    return shipped;
  }
  const looksLikeName = !/[\\/]/.test(nameOrPath) && !/\.json$/i.test(nameOrPath);
  let json: unknown;
  let text: string | undefined;
  try {
    // Windows Notepad may save UTF-8 with a byte-order mark; JSON.parse does not take one.
    text = readText(nameOrPath).replace(/^\uFEFF/, "");
    json = JSON.parse(text);
  } catch (e) {
    if (text !== undefined)
      throw new UsageError(
        `Hồ sơ cấu hình ${nameOrPath} không phải JSON hợp lệ: ${jsonSyntaxWhere(text, e)}`,
      );
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    if (missing && looksLikeName) {
      const near = nearestProfileName(nameOrPath);
      throw new UsageError(
        `Bản KL226 này không có hồ sơ cấu hình “${nameOrPath}”.${near ? ` Có phải là ${near}?` : ""} Hồ sơ có sẵn: ${SHIPPED_PROFILE_NAMES.join(", ")}. Nếu đó là hồ sơ riêng của tỉnh, chép tệp ${nameOrPath}.json (thường có trong thư mục profiles/ của bản KL226 cài trước đây hoặc trên máy chủ của tỉnh) vào thư mục ${PROFILES_DIR} rồi chạy lại, hoặc chỉ đường dẫn tới tệp: --profile ĐƯỜNG_DẪN/${nameOrPath}.json.`,
      );
    }
    const code = isErrnoError(e) ? e.code : undefined;
    const why = missing
      ? "không tìm thấy tệp"
      : code === "EISDIR"
        ? "đây là thư mục, không phải tệp .json"
        : (fsReason(code) ?? "không phải JSON hợp lệ");
    throw new UsageError(`Không đọc được hồ sơ cấu hình ${nameOrPath}: ${why}. ${SHIPPED_HINT}`);
  }
  const parsed = parseProfile(json);
  if (!parsed.ok)
    throw new UsageError(`Hồ sơ cấu hình ${nameOrPath} không hợp lệ:\n  ${parsed.errors.join("\n  ")}`);
  for (const line of parsed.notes) note(`Lưu ý (${nameOrPath}): ${line}`);
  return parsed.profile;
}

/**
 * Where JSON.parse stopped, as the line and column an editor shows, with the line's text and the
 * usual causes (V8 says "at position N"; Node 22+ adds the line and column itself).
 */
function jsonSyntaxWhere(text: string, e: unknown): string {
  const causes =
    'thường do thiếu dấu phẩy giữa hai mục, thừa dấu phẩy trước } hoặc ], hoặc chữ không đặt trong ngoặc kép " ". Sửa rồi chạy lại.';
  const at = /at position (\d+)/.exec((e as Error).message ?? "");
  // V8 gives no position for a comma before "]" ("Unexpected token ']'"): found here.
  const comma = at === null ? trailingComma(text) : undefined;
  if (at === null && comma === undefined) return `nội dung bị cắt hoặc thiếu dấu đóng } ]; ${causes}`;
  const position = comma !== undefined ? comma + 1 : Math.min(Number(at![1]), text.length);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  // The 40 characters the parser read last on that line: the mistake is at their end.
  const lead = before.slice(Math.max(before.lastIndexOf("\n") + 1, position - 40)).trimStart();
  const where = `lỗi ở dòng ${line}, cột ${column}${lead === "" ? "" : `, ngay sau “${lead}”`}`;
  return comma !== undefined
    ? `${where}: thừa dấu phẩy trước } hoặc ]. Xóa dấu phẩy đó rồi chạy lại.`
    : `${where}; ${causes}`;
}

/** Where the first comma followed only by blanks and "]" or "}" is, outside strings; undefined when none. */
function trailingComma(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ",") {
      const blank = /\S/g;
      blank.lastIndex = i + 1;
      const next = blank.exec(text);
      if (next !== null && (next[0] === "]" || next[0] === "}")) return i;
    }
  }
  return undefined;
}

function nearestProfileName(typed: string): string | undefined {
  return (
    nearestName(typed, SHIPPED_PROFILE_NAMES) ??
    SHIPPED_PROFILE_NAMES.find((n) => n.startsWith(typed.toLowerCase()) || typed.toLowerCase().startsWith(n))
  );
}

// ── file-system problems as sentences ────────────────────────────────────────────────────────

/** A file-system error of reading or writing `path` as a usage error (exit 2) in one sentence. */
export function fsError(e: unknown, path: string, action: "read" | "write"): UsageError {
  const code = isErrnoError(e) ? e.code : undefined;
  const why = fsReason(code) ?? `lỗi hệ thống ${code ?? (e as Error).message}`;
  return new UsageError(
    `Không ${action === "read" ? "đọc" : "ghi"} được ${path}: ${why}.${action === "write" ? " Chưa có tệp nào bị ghi dở." : ""}`,
  );
}

// ── outputs ──────────────────────────────────────────────────────────────────────────────────

export interface OutputTarget {
  readonly path: string;
  /** The option that names it, for the message ("--out"). */
  readonly option: string;
  readonly kind: "file" | "dir";
  /**
   * For an output written beside a file it must not replace (an edited summary, report or roll-up):
   * whether the file there is one it would replace. Only such a file must be writable.
   */
  readonly replaces?: (path: string) => boolean;
}

/**
 * Check every output before anything is written (exit 2, nothing written): no file where a folder
 * must be (ENOTDIR), no folder where the file goes (EISDIR), the nearest existing folder writable,
 * a file to be replaced writable; a pipe or a device is written into and needs none of it, a link
 * is checked at the file it names (as writeAtomic writes).
 */
/** A name a letter takes in its folder: the joined file, or a unit code's .docx (or an old .txt), or a copy beside one. */
const LETTER_NAME = /^(?:tat-ca-thu-nhac|[A-Z0-9_.]+)(?:-moi(?:-\d+)?)?\.(?:docx|txt)$/;

export function checkOutputs(targets: readonly OutputTarget[]): void {
  // Two results written to one path: the second would replace the first (a summary lost to the JSON).
  const byPath = new Map<string, OutputTarget>();
  for (const t of targets) {
    const key = resolve(t.path).normalize("NFC");
    const other = byPath.get(key);
    if (other)
      throw new UsageError(
        `${other.option} và ${t.option} cùng chỉ tới ${t.path}: mỗi kết quả cần một tên riêng, nếu không kết quả sau sẽ ghi đè kết quả trước. Hãy chọn tên khác; chưa có gì được ghi.`,
      );
    byPath.set(key, t);
  }
  // In the letters' folder, letters are replaced and old ones deleted: another output named as a letter
  // there (a report named tat-ca-thu-nhac.docx, or SO_TAI_CHINH.docx) would be replaced or removed.
  // A summary or a report under a name of its own ("tong-hop.xlsx", "bao-cao.docx") is safe there.
  for (const folder of targets.filter((t) => t.kind === "dir")) {
    const inside = resolve(folder.path).normalize("NFC") + sep;
    const other = targets.find(
      (t) =>
        t.kind === "file" &&
        resolve(t.path).normalize("NFC").startsWith(inside) &&
        LETTER_NAME.test(basename(t.path)),
    );
    if (other)
      throw new UsageError(
        `${other.option} ${other.path} nằm trong thư mục thư nhắc (${folder.option} ${folder.path}) và mang tên của một thư nhắc (thư mới ghi đè thư cũ cùng tên; thư không còn cần thiết sẽ bị xóa), nên ${other.option} có thể bị ghi đè hay xóa. Hãy đặt tên khác cho ${other.option}, ví dụ bao-cao.docx; chưa có gì được ghi.`,
      );
  }
  for (const t of targets) {
    const given = resolve(t.path);
    // Taken through any links: what is at `target`.
    const existing = statOrNull(given);
    // A pipe or a device is written into (writeAtomic): its folder need not be writable (/dev).
    // Nothing there yet: /proc/x.xlsx is no file to write into (as /proc/self/fd/1 is), but a place
    // in a folder that holds none, said before the run, not as "not found" after it.
    if (existing === null) refuseSystemFolder(t, given);
    if (t.kind === "file" && writtenInto(given, existing)) continue;
    const target = t.kind === "file" ? fileBehind(given, existing) : given;
    if (t.kind === "file" && existing?.isFile() && (t.replaces?.(target) ?? true))
      refuseReadOnly(target, `${t.path} (${t.option})`);
    if (existing) {
      if (t.kind === "file" && existing.isDirectory())
        throw new UsageError(
          `Không ghi được ${t.path} (${t.option}): đã có một thư mục trùng tên. Hãy chọn tên tệp khác; chưa có gì được ghi.`,
        );
      if (t.kind === "dir" && !existing.isDirectory())
        throw new UsageError(
          `Không ghi được vào ${t.path} (${t.option}): đây là một tệp, cần một thư mục. Hãy chọn tên thư mục khác; chưa có gì được ghi.`,
        );
    }
    // The nearest existing ancestor must be a folder we may write in.
    let dir = existing?.isDirectory() ? target : dirname(target);
    for (;;) {
      const st = statOrNull(dir);
      if (st) {
        if (!st.isDirectory()) {
          // Beside that file is where the clerk most likely meant (tong-hop.xlsx/ket-qua.xlsx).
          const instead = placeInstead(t, dir, [dirname(dir)]);
          throw new UsageError(
            `Không ghi được ${t.path} (${t.option}): ${dir} là một tệp, không phải thư mục, nên không chứa được ${t.kind === "dir" ? "thư mục" : "tệp"} nào. Hãy gõ đường dẫn ${instead === undefined ? "tới một thư mục có thật" : `khác, ví dụ ${instead}`}; chưa có gì được ghi.`,
          );
        }
        try {
          accessSync(dir, constants.W_OK);
        } catch (e) {
          const why = fsReason(isErrnoError(e) ? e.code : undefined);
          const instead = placeInstead(t, dir);
          // A reason that already says what to do (a read-only or full disk) is not followed by advice again.
          const then = why?.includes("hãy")
            ? instead === undefined
              ? "Chưa có gì được ghi."
              : `Ví dụ ${instead}; chưa có gì được ghi.`
            : `Hãy chọn thư mục khác${instead === undefined ? "" : `, ví dụ ${instead}`}; chưa có gì được ghi.`;
          throw new UsageError(
            `Không ghi được ${t.path} (${t.option}): không ghi được vào thư mục ${dir}${why ? ` — ${why}` : ""}. ${then}`,
          );
        }
        break;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
}

/**
 * Linux file systems where the system shows itself as files and no file can be saved, by statfs
 * type: proc, sysfs, cgroup and cgroup2, debugfs, tracefs, securityfs, pstore, bpf, devpts, configfs,
 * efivarfs, binfmt_misc, mqueue, fusectl.
 */
const SYSTEM_FILE_SYSTEMS: ReadonlySet<number> = new Set([
  0x9fa0, 0x62656572, 0x27e0eb, 0x63677270, 0x64626720, 0x74726163, 0x73636673, 0x6165676c, 0xcafe4a11,
  0x1cd1, 0x62656570, 0xde5e81e4, 0x42494e4d, 0x19800202, 0x65735543,
]);

/** Whether `dir` is in a system file system of Linux (/proc, /sys …), where no file can be made. */
function isSystemFolder(dir: string): boolean {
  if (process.platform !== "linux") return false;
  try {
    return SYSTEM_FILE_SYSTEMS.has(statfsSync(dir).type);
  } catch {
    return false;
  }
}

/** The nearest folder of `path` (or itself) that exists; undefined when none does (a missing drive). */
function nearestExisting(path: string): string | undefined {
  for (let dir = path; ; dir = dirname(dir)) {
    if (statOrNull(dir) !== null) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** An output to be made in a system folder of Linux (/proc/x.xlsx, /sys/…): refused, saying what the folder is and what to type. */
function refuseSystemFolder(t: OutputTarget, given: string): void {
  const dir = nearestExisting(dirname(given));
  if (dir === undefined || !isSystemFolder(dir)) return;
  const instead = placeInstead(t, dir);
  throw new UsageError(
    `Không ghi được ${t.path} (${t.option}): ${dir} thuộc thư mục hệ thống của Linux (/proc, /sys …: hệ điều hành trình bày thông tin của nó dưới dạng tệp), không lưu được tệp nào vào đó. Hãy ghi vào một thư mục của mình${instead === undefined ? "" : `, ví dụ ${instead}`}; chưa có gì được ghi.`,
  );
}

/**
 * What to type instead of an output's place that cannot be written (`refused`): the option with the
 * same name in the first of `near`, the folder the command runs in (the name alone) and the home
 * folder that is a folder this account may write in, is not `refused` and has nothing of that name
 * yet; undefined when none is.
 */
function placeInstead(t: OutputTarget, refused: string, near: readonly string[] = []): string | undefined {
  const name = basename(t.path);
  const cwd = process.cwd();
  for (const dir of [...near, cwd, homedir()]) {
    const place = join(dir, name);
    if (resolve(dir) === resolve(refused) || statOrNull(place) !== null) continue;
    if (!statOrNull(dir)?.isDirectory() || isSystemFolder(dir)) continue;
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      continue;
    }
    const here = resolve(dir) === resolve(cwd);
    const typed = here ? name : place;
    return `${t.option} ${/\s/.test(typed) ? `"${typed}"` : typed}${here ? " (ghi vào thư mục đang đứng)" : ""}`;
  }
  return undefined;
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The existing path that `path` names when its Vietnamese letters are composed differently: a folder
 * unpacked from a macOS zip keeps "Sở" decomposed (NFD) while a clerk types it composed (NFC), and
 * the two look the same on screen. Each missing segment is matched against its folder's entries by
 * NFC; undefined when no such path exists.
 */
export function sameTextPath(path: string): string | undefined {
  return storedPath(path, false);
}

/**
 * An output path as the file system stores the part of it that exists: its existing folders found
 * as sameTextPath finds them, the rest kept as typed. Typed composed, "Báo cáo/tong-hop.xlsx" would
 * otherwise make a second folder that looks the same beside a decomposed "Báo cáo" (the next run,
 * given that name, then read the new folder and found none of the reports).
 */
export function storedOutputPath(path: string): string {
  return storedOrTyped(path, true);
}

/** An input path given by an option (--roster, --profile …): as stored when only found by NFC, else as typed. */
export function storedInputPath(path: string): string {
  return storedOrTyped(path, false);
}

/** As typed when nothing had to be found by NFC (or nothing was found): messages show the path the user gave. */
function storedOrTyped(path: string, keepMissing: boolean): string {
  const stored = storedPath(path, keepMissing);
  return stored === undefined || stored === resolve(path) ? path : stored;
}

function storedPath(path: string, keepMissing: boolean): string | undefined {
  const absolute = resolve(path);
  const { root } = parse(absolute);
  let at = root;
  const segments = absolute
    .slice(root.length)
    .split(sep)
    .filter((s) => s !== "");
  for (const [i, segment] of segments.entries()) {
    const direct = join(at, segment);
    if (statOrNull(direct)) {
      at = direct;
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(at);
    } catch {
      // A folder that does not exist yet: an output's remaining segments are made as typed.
      return keepMissing ? join(at, ...segments.slice(i)) : undefined;
    }
    const wanted = segment.normalize("NFC");
    const found = names.find((n) => n.normalize("NFC") === wanted);
    if (found !== undefined) at = join(at, found);
    else if (keepMissing) at = join(at, segment);
    else return undefined;
  }
  return at;
}

/** Whether looking up `path` is refused for want of permission (EACCES, EPERM). */
function isDenied(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM";
  }
}

export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Write a file so that it is either the old one or the complete new one: write a temporary file
 * beside it, then rename it into place (an interrupted run never leaves half a summary). Any
 * file-system problem is a sentence naming the path (exit 2), never a stack trace.
 *
 * What the path names is kept (an automation engineer's cron lines, session 32): a link ("latest.xlsx"
 * → this period's file) is followed and the file it names is written, the link stays; a device or
 * a pipe (`--json /dev/null`, `/dev/stdout`, a FIFO) is written into, not replaced by a file (as root,
 * the rename had turned /dev/null into a file of JSON); a file written again keeps its permissions
 * (a summary kept 600 came back readable by all) and, when the command runs as root, its owner.
 */
export function writeAtomic(path: string, data: Uint8Array | string): void {
  const given = resolve(path);
  const named = statOrNull(given); // through any links
  if (writtenInto(given, named)) {
    try {
      const fd = ownDescriptor(given);
      if (fd === undefined) writeFileSync(given, data);
      else writeAllSync(fd, typeof data === "string" ? Buffer.from(data) : data);
    } catch (e) {
      throw fsError(e, path, "write");
    }
    return;
  }
  const target = fileBehind(given, named);
  // Beside it under its own name, unless that name would pass the file system's 255 bytes (a long
  // name that fits would then fail for the temporary file alone).
  const name = basename(target);
  const tmp = join(
    dirname(target),
    Buffer.byteLength(name) > 200 ? `.kl226.${process.pid}.tmp` : `.${name}.${process.pid}.tmp`,
  );
  try {
    // A file its owner made read-only is not replaced (root may: it may write it anyway).
    if (named?.isFile()) accessSync(target, constants.W_OK);
    mkdirSync(dirname(target), { recursive: true });
    sweepDeadTemporaries(dirname(target));
    writeFileSync(tmp, data);
    if (named?.isFile()) keepOwnership(tmp, named);
    renameSync(tmp, target);
    // The letters' own record (.kl226-thu-nhac.json) is ours to keep, not one to name.
    if (!basename(target).startsWith(".kl226")) noteWritten(path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = isErrnoError(e) ? e.code : undefined;
    if (
      code === "EISDIR" ||
      code === "ENOTEMPTY" ||
      (code === "EEXIST" && statOrNull(target)?.isDirectory())
    ) {
      throw new UsageError(
        `Không ghi được ${path}: đã có một thư mục trùng tên. Hãy chọn tên tệp khác rồi chạy lại; chưa có gì bị ghi dở.`,
      );
    }
    // No file there to be open: the folder refused a new one (on Windows, C:\Program Files and other
    // folders whose rights access() does not see), said as that, not "close the file".
    // "Not found" with the folder there (made just before, or found): it takes no file (a folder
    // removed meanwhile is said as not found, below).
    const folder = named === null ? nearestExisting(dirname(target)) : undefined;
    if (
      folder !== undefined &&
      (code === "EPERM" || code === "EACCES" || (code === "ENOENT" && folder === dirname(target)))
    )
      throw new UsageError(
        `Không ghi được ${path}: thư mục ${folder} không cho tạo tệp mới (${code === "ENOENT" ? "thư mục hệ thống, hoặc ổ đĩa không cho tạo tệp" : "tài khoản đang chạy KL226 không có quyền ghi vào đó, hoặc là thư mục hệ thống"}). Hãy chọn một thư mục của mình, ví dụ trong ${homedir()}; chưa có gì bị ghi dở.`,
      );
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      throw new UsageError(
        `Không ghi được ${path}: tệp đang mở trong chương trình khác hoặc không có quyền ghi. Hãy đóng tệp rồi chạy lại; chưa có gì bị ghi dở.`,
      );
    }
    throw fsError(e, path, "write");
  }
}

/** Folders already looked at for what killed runs left (sweepDeadTemporaries): once per folder and run. */
const sweptFolders = new Set<string>();

/** writeAtomic's temporary names: ".tong-hop.xlsx.4242.tmp", or ".kl226.4242.tmp" for a long name. */
const OUR_TEMPORARY = /^\.(?:kl226|.+\.(?:xlsx|docx|json))\.(\d+)\.tmp$/;

/**
 * How old a temporary file must be before it is taken for a killed run's: a run writes and renames
 * its own within seconds, and a shared folder's other computers have process ids this one cannot see.
 */
const TEMPORARY_STALE_MS = 10 * 60 * 1000;

/**
 * The temporary files a run of ours killed while writing (kill -9, a power cut) left in `dir`: half
 * a summary, letter or JSON, never the file it was to replace, but named by every later scan of that
 * folder as a hidden file passed over. Removed once per folder and run, only those of a run that is
 * over and older than ten minutes: a run writing there at the same time keeps its own, also one on
 * another computer writing to the same shared folder (its id means nothing here). Nobody else's file
 * has such a name.
 */
function sweepDeadTemporaries(dir: string): void {
  if (sweptFolders.has(dir)) return;
  sweptFolders.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(OUR_TEMPORARY.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs < TEMPORARY_STALE_MS) continue;
    } catch {
      continue;
    }
    rmSync(path, { force: true });
  }
}

/** Whether a process of that id is running (EPERM: it is, under another account). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isErrnoError(e) && e.code === "EPERM";
  }
}

/**
 * The command's own stream a path names (/dev/stdout, /dev/fd/1, /proc/self/fd/63), written through
 * that descriptor: opened anew, /dev/stdout redirected to a file (`> out.json`) was truncated and
 * written from its start, and the summary printed after it overwrote the JSON.
 */
function ownDescriptor(given: string): number | undefined {
  if (given === "/dev/stdout") return 1;
  if (given === "/dev/stderr") return 2;
  const m = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(given);
  return m ? Number(m[1]) : undefined;
}

/** All of `data` to `fd`, however many writes it takes (a pipe takes 64 KB at a time). */
function writeAllSync(fd: number, data: Uint8Array): void {
  for (let at = 0; at < data.length;) {
    try {
      at += writeSync(fd, data, at);
    } catch (e) {
      if (!isErrnoError(e) || e.code !== "EAGAIN") throw e;
      // A non-blocking pipe is full until its reader takes some: wait for it rather than spin a core.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/** The file an output path stands for (links followed), to compare with the files read (byRealFolder). */
export function outputFile(path: string): string {
  const given = resolve(path);
  return fileBehind(given, statOrNull(given));
}

/**
 * The files read by where they are once their folders' links are followed, to find an output's file
 * (outputFile) among them: one realpath per folder, none per file (the listing stats no file either:
 * on a network share each is a round trip; per file, this took ≈ 45 ms of a 1,000-file run).
 */
export function byRealFolder(files: readonly string[]): ReadonlyMap<string, string> {
  const realFolders = new Map<string, string>();
  const byReal = new Map<string, string>();
  for (const f of files) {
    const folder = dirname(resolve(f));
    let real = realFolders.get(folder);
    if (real === undefined) {
      real = realPathOrSelf(folder);
      realFolders.set(folder, real);
    }
    byReal.set(join(real, basename(f)), f);
  }
  return byReal;
}

/** An output written into where it is, not replaced: a pipe, a device, /dev/stdout, /dev/fd/63 (a shell's >(…)). */
function writtenInto(given: string, named: Stats | null): boolean {
  return (named !== null && !named.isFile() && !named.isDirectory()) || /^\/(dev|proc)\//.test(given);
}

/** The file an output path stands for: itself, or the file its links end at (named or not yet there). */
function fileBehind(given: string, named: Stats | null): string {
  return named ? realpathSync(given) : linkTarget(given);
}

/**
 * A file this account may not write (read-only, another account's) is refused before anything is
 * written (root may write it anyway), not found half-way: a new summary beside last run's JSON, or
 * half the letters written.
 */
export function refuseReadOnly(path: string, shown: string): void {
  try {
    accessSync(path, constants.W_OK);
  } catch (e) {
    if (!isErrnoError(e) || (e.code !== "EACCES" && e.code !== "EPERM")) return;
    throw new UsageError(
      `Không ghi được ${shown}: tài khoản đang chạy KL226 không được ghi đè tệp này (tệp chỉ cho đọc, hoặc thuộc tài khoản khác). Hãy cho phép ghi tệp đó hoặc chuyển nó đi rồi chạy lại; chưa có gì được ghi.`,
    );
  }
}

/** Where a chain of links to no file yet ends (at most 16 links: a loop is left to the write to refuse). */
function linkTarget(path: string): string {
  let at = path;
  for (let i = 0; i < 16 && lstatOrNull(at)?.isSymbolicLink(); i++)
    at = resolve(dirname(at), readlinkSync(at));
  return at;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The replaced file's permission bits, and as root its owner, given to the file that replaces it. */
function keepOwnership(tmp: string, old: Stats): void {
  chmodSync(tmp, old.mode & 0o7777);
  if (process.getuid?.() === 0 && (old.uid !== 0 || old.gid !== 0)) {
    try {
      chownSync(tmp, old.uid, old.gid);
    } catch {
      // A file system without owners (a mounted share): the permission bits are what it keeps.
    }
  }
}

// ── inputs ───────────────────────────────────────────────────────────────────────────────────

export interface ExpandedInputs {
  /** Every file to look at, in the order given; a folder's files sorted (recursively). */
  readonly files: string[];
  /** Paths given that do not exist. */
  readonly missing: string[];
  /** Folders given that hold no file at all (after the ignored ones). */
  readonly emptyFolders: string[];
  /** Lock and hidden files skipped in folders (Excel's "~$…", ".DS_Store" …). */
  readonly ignored: string[];
  /** Links in a folder to a folder holding it, or to the system's folders, not followed. */
  readonly outsideLinks: string[];
  /** Files in folders whose names hold a control character (a line break), not read. */
  readonly oddNames: string[];
  /** Links to folders outside the folder given, read: "link → real path". */
  readonly followedLinks: string[];
}

/** Whether the real path `inner` is `outer` or inside it. */
function isInsideFolder(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** Whether a linked folder (by real path) may be read: not one holding `root`, not the system's own. */
function isReadableLinkTarget(target: string, root: string): boolean {
  return !isInsideFolder(root, target) && !SYSTEM_FOLDERS.some((system) => isInsideFolder(target, system));
}

const SYSTEM_FOLDERS = sep === "/" ? ["/proc", "/sys", "/dev"] : [];

/**
 * Expand files and folders (recursively) into the files to look at. In a folder every file counts
 * (a .xls or .ods is rejected with what it is, never skipped), except Excel's lock files and
 * hidden files and folders (file-kinds.ts). A file named on the command line always counts.
 */
function realPathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The installation's profiles/ folder (SPEC §8): every .json there is read as a profile at the next
 * build, which the command makes itself when the folder changes (bin/kl226.js). The same two levels
 * up from src/cli/ and from build/cli/.
 */
export const PROFILES_DIR = join(__dirname, "..", "..", "profiles");

/** Whether two paths name one file: by real path where it exists (a link, "./a" and "a"), else as resolved. */
export function sameFile(a: string, b: string): boolean {
  return realPathOrSelf(a) === realPathOrSelf(b);
}

export function expandInputs(inputs: readonly string[]): ExpandedInputs {
  const result = {
    files: [] as string[],
    missing: [] as string[],
    emptyFolders: [] as string[],
    ignored: [] as string[],
    outsideLinks: [] as string[],
    oddNames: [] as string[],
    followedLinks: [] as string[],
  };
  // A link to a folder is followed (the communes' share linked into the reports' folder), except to
  // a folder that holds the one given ("/", the analyst's home: the whole disk was walked) or to
  // the system's own (/proc, /sys, /dev).
  let root = "";
  // Folders by their real path: a link back up ("a/up -> ..") or a second way to one folder is
  // listed once (a loop read one report 41 times, as "trùng đơn vị").
  const listed = new Set<string>();
  /** The files found under `path`; null when that folder was listed already. */
  const visit = (path: string): number | null => {
    const real = realPathOrSelf(path);
    if (listed.has(real)) return null;
    listed.add(real);
    let entries: Dirent[];
    try {
      // With each entry's kind, so a folder of files costs one listing, not a stat per file
      // (on a network share each stat is a round trip). Sorted by name, as readdir's strings were.
      entries = readdirSync(path, { withFileTypes: true }).sort(byName);
    } catch {
      // A folder we may not list: counted as one input that cannot be opened (reported, the rest run).
      result.files.push(path);
      return 1;
    }
    let found = 0;
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (
        isIgnoredFileName(
          entry.name,
          entry.name.startsWith("~$") ? Number(statOrNull(child)?.size ?? 0) : undefined,
        )
      ) {
        result.ignored.push(child);
        continue;
      }
      // A line break in a name (no Windows or mail client makes one) would print a line of its own.
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(entry.name)) {
        result.oddNames.push(child);
        continue;
      }
      // A link (or a kind the listing does not tell) is followed to see whether it is a folder.
      const folder = entry.isDirectory() || (!entry.isFile() && statOrNull(child)?.isDirectory() === true);
      if (folder && !entry.isDirectory()) {
        const target = realPathOrSelf(child);
        if (!isReadableLinkTarget(target, root)) {
          result.outsideLinks.push(child);
          continue;
        }
        // A link to a folder outside the one given is read, and named: what it brings in is not in the folder.
        if (!isInsideFolder(target, root)) result.followedLinks.push(`${child} → ${target}`);
      }
      if (folder) found += visit(child) ?? 0;
      else {
        // A broken link is listed too: reading it says what is wrong.
        result.files.push(child);
        found++;
      }
    }
    return found;
  };
  for (const given of inputs) {
    let input = given;
    let st = statOrNull(given);
    if (!st) {
      input = sameTextPath(given) ?? given;
      st = input === given ? null : statOrNull(input);
    }
    // "bao-cao\*.xlsx" from Windows' cmd or PowerShell, which do not expand it as a Unix shell does.
    const matches = st ? null : wildcardMatches(given);
    if (matches !== null) {
      if (matches.length === 0) result.missing.push(given);
      for (const m of matches) {
        const size = basename(m).startsWith("~$") ? Number(statOrNull(m)?.size ?? 0) : undefined;
        // ".SO_A.xlsx" asked for by ".SO*" is read, as a file named on its own is.
        const asked = basename(m).startsWith(".") && basename(given).startsWith(".");
        if (!asked && isIgnoredFileName(basename(m), size)) result.ignored.push(m);
        else result.files.push(m);
      }
    }
    // Behind a folder this account may not enter: there, perhaps, but not to be opened (NOT_OPENED when
    // read), not "không tìm thấy".
    else if (!st && isDenied(given)) result.files.push(given);
    else if (!st) result.missing.push(given);
    else if (st.isDirectory()) {
      root = realPathOrSelf(input);
      if (visit(input) === 0) result.emptyFolders.push(input);
    }
    // Excel's lock file named among the reports (a shell's "bao-cao/*.xlsx" matches "~$SO_A.xlsx"):
    // passed over and named, as in a folder; it is never a report (165 bytes: who has the file open).
    else if (basename(input).startsWith("~$") && isIgnoredFileName(input, Number(st.size)))
      result.ignored.push(input);
    else result.files.push(input);
  }
  return { ...result, files: firstMeetings(result.files) };
}

/**
 * Why a path with `*` or `?` found nothing, after the path: no file of its folder matches, or the
 * pattern stands in a folder's name (only a file's name is matched). Empty for any other path.
 */
export function patternNotFound(given: string): string {
  if (!/[*?]/.test(given)) return "";
  return /[*?]/.test(dirname(given))
    ? " (dấu * hay ? chỉ dùng được trong tên tệp, không dùng trong tên thư mục)"
    : statOrNull(dirname(given))?.isDirectory() === true
      ? " (không có tệp nào khớp)"
      : "";
}

/**
 * The files an option's path names when typed with * or ? in cmd or PowerShell, which leave the
 * pattern to the command ("--previous tong-hop-2025*.json"): its matches, hidden files and Excel's
 * lock files left out. A path that exists, or holds no pattern, is itself (its reader says what is
 * wrong with it). A pattern matching nothing is said, by option.
 */
export function optionFiles(given: string, option: string): string[] {
  if (statOrNull(given) !== null) return [given];
  const matches = wildcardMatches(given)?.filter((f) => !isIgnoredFileName(basename(f)));
  if (matches === undefined) return [given];
  if (matches.length === 0)
    throw new UsageError(`Tùy chọn ${option}: không tìm thấy ${given}${patternNotFound(given)}.`);
  return matches;
}

/**
 * The files of a folder a pattern in the last part of a path names ("bao-cao\*.xlsx", "BC_?.xlsx"),
 * as a Unix shell would have expanded it before the command saw it: `*` any characters, `?` one, case
 * aside (Windows' names are), folders left out; sorted by name. A hidden file (".…") matched is passed
 * over and named by the caller unless the pattern itself starts with ".". Null when
 * the path holds no pattern, or its folder part does (or is no folder): then it is a path not found.
 */
function wildcardMatches(given: string): string[] | null {
  const name = basename(given);
  const folder = dirname(given);
  if (!/[*?]/.test(name) || /[*?]/.test(folder) || statOrNull(folder)?.isDirectory() !== true) return null;
  const source = [...name.normalize("NFC")]
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^$()|[\]{}\\]/, "\\$&")))
    .join("");
  const pattern = new RegExp(`^${source}$`, "iu");
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return null;
  }
  // A hidden file is matched by a pattern that starts with "." (as a shell does); by any other it is
  // passed over and named (isIgnoredFileName), as in a folder.
  return entries
    .filter((e) => !e.isDirectory() && pattern.test(e.name.normalize("NFC")))
    .sort(byName)
    .map((e) => join(folder, e.name));
}

/**
 * `files` without those met before, compared by resolved path, in order: a folder given twice ("in
 * in/ ./in") or a file also inside a folder given is read once, as the first time it was met.
 * `seen` carries the paths met over several calls.
 */
export function firstMeetings(files: readonly string[], seen: Set<string> = new Set()): string[] {
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
