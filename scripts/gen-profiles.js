// The profiles the product knows by name are the JSON files in profiles/ (SPEC §8): this writes
// src/core/profiles-list.ts, which imports each of them, so the command, the taskpane and the custom
// functions of a build all know every file there. A province adds its own plan by copying its
// tinh-x.json into profiles/ and building again (`npm run build`, and the command rebuilds itself:
// bin/kl226.js sees the folder changed). Run by `npm run build`, scripts/build-cli.js and `npm test`;
// the file is rewritten only when the list changed. test/unit/profiles-list.test.ts checks it is current.
const {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const DIR = join(ROOT, "profiles");
const OUT = join(ROOT, "src", "core", "profiles-list.ts");

/**
 * Why a file of profiles/ cannot be read, as the end of a Vietnamese sentence (Node's own error, with
 * its stack, stopped the build before).
 */
function unreadableReason(e) {
  switch (e && e.code) {
    case "EACCES":
    case "EPERM":
      return "tài khoản đang chạy lệnh không có quyền đọc tệp";
    case "ENOENT":
      return "tệp là liên kết (symlink) tới một tệp không còn ở đó";
    case "ELOOP":
      return "tệp là liên kết vòng (symlink trỏ về chính nó)";
    default:
      return `lỗi đọc tệp${e && e.code ? ` (${e.code})` : ""}`;
  }
}

/**
 * The names of the files in profiles/ and, of those a profile may be (.json, and .txt, read for a
 * profile Notepad saved so), those that cannot be read, with why. A link to a file is that file (a
 * province's profile linked from its share); a folder, a pipe or a device there is no file.
 */
function profileFiles() {
  const files = [];
  const unreadable = [];
  // In name order, as the message names them.
  const entries = readdirSync(DIR, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const path = join(DIR, entry.name);
    const mayBeProfile = /\.(json|txt)$/i.test(entry.name);
    if (entry.isSymbolicLink()) {
      let target;
      try {
        target = statSync(path);
      } catch (e) {
        if (mayBeProfile) unreadable.push({ name: entry.name, why: unreadableReason(e) });
        continue;
      }
      if (!target.isFile()) continue;
    } else if (!entry.isFile()) continue;
    if (mayBeProfile) {
      try {
        closeSync(openSync(path, "r"));
      } catch (e) {
        unreadable.push({ name: entry.name, why: unreadableReason(e) });
        continue;
      }
    }
    files.push(entry.name);
  }
  return { files, unreadable };
}

/** A profile's name: its file name without .json, lower case (what --profile and the taskpane use). */
function profileNames() {
  // Files only: a folder kept there (a "ghi-chu.txt" of notes, an old copy) is none of the profiles.
  const { files: entries, unreadable } = profileFiles();
  // A file that may be a profile and cannot be read is said, not passed over: the province's plan
  // would be missing without a word (or, before, Node's own error stopped the build).
  if (unreadable.length > 0)
    throw new Error(
      `kl226: không đọc được ${unreadable.map((u) => `profiles/${u.name} (${u.why})`).join(", ")}. Nếu đó là hồ sơ của tỉnh, hãy chép lại tệp vào thư mục profiles/ (hoặc cấp quyền đọc tệp cho tài khoản chạy lệnh); nếu không, chuyển tệp ra khỏi thư mục profiles/. Rồi chạy lại.`,
    );
  const files = entries.filter((f) => /\.json$/i.test(f));
  // A name the command line and the add-in could not carry is refused, not skipped without a word.
  const badNames = files.filter((f) => !/^[a-z0-9][a-z0-9._-]*\.json$/i.test(f));
  if (badNames.length > 0)
    throw new Error(
      `kl226: tên tệp hồ sơ chỉ gồm chữ không dấu, số và - _ . (ví dụ quang-tri-226.json): đổi tên ${badNames.map((f) => `profiles/${f}`).join(", ")} rồi chạy lại.`,
    );
  // Notepad's "Save as" with "Text Documents (*.txt)" makes quang-tri-226.json.txt (or .txt), which
  // Explorer shows as quang-tri-226.json: passed over, the province's profile was missing without a word.
  const asText = entries.filter(
    (f) =>
      /\.json\.txt$/i.test(f) ||
      (/\.txt$/i.test(f) && /^\uFEFF?\s*\{/.test(readFileSync(join(DIR, f), "utf8"))),
  );
  if (asText.length > 0) {
    const renames = asText.map((f) => `ren profiles\\${f} ${f.replace(/(\.json)?\.txt$/i, ".json")}`);
    throw new Error(
      `kl226: ${asText.map((f) => `profiles/${f}`).join(", ")} là tệp văn bản .txt (Notepad thêm đuôi .txt khi lưu với kiểu tệp *.txt), không phải hồ sơ .json, nên không được đọc: đổi tên (trong cửa sổ lệnh: ${renames.join("; ")}) rồi chạy lại.`,
    );
  }
  return files
    .map((f) => f.replace(/\.json$/i, ""))
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

function listText(names) {
  const id = (i) => `profile${i}`;
  return [
    "// Generated by scripts/gen-profiles.js from the JSON files in profiles/: do not edit. To add a",
    "// province's plan, copy its .json file into profiles/ and build again (README, “A province's own profile”).",
    "",
    ...names.map((n, i) => `import ${id(i)} from "../../profiles/${n}.json";`),
    "",
    "/** Each profiles/*.json by its name (the file name without .json, lower case), in name order. */",
    "export const PROFILE_FILES: Readonly<Record<string, unknown>> = {",
    ...names.map((n, i) => `  ${JSON.stringify(n.toLowerCase())}: ${id(i)},`),
    "};",
    "",
  ].join("\n");
}

/** Writes the list when it differs from the one on disk; returns whether it wrote. */
function genProfiles() {
  const text = listText(profileNames());
  let old = "";
  try {
    old = readFileSync(OUT, "utf8");
  } catch {
    // No list yet.
  }
  if (old === text) return false;
  const tmp = `${OUT}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, OUT);
  return true;
}

module.exports = { genProfiles, listText, profileNames };

if (require.main === module) {
  try {
    if (genProfiles()) console.log(`kl226: ${OUT} lists ${profileNames().join(", ")}`);
  } catch (e) {
    // A profile file named wrong: its Vietnamese message, not Node's stack trace after it.
    if (!/^kl226: /.test(e.message)) throw e;
    console.error(e.message);
    process.exitCode = 1;
  }
}
