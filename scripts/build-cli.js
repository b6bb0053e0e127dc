// Builds the kl226 command once (npm's `prepare` step and `npm run build:cli`): esbuild bundles the
// TypeScript CLI into build/cli/ (kl226.cjs the entry, main.cjs the commands, inspect-worker.cjs the worker), so no
// TypeScript is transpiled when the command runs. build/cli/sources.json lists the sources and when the
// build started; bin/kl226.js rebuilds when one of them is newer (a checkout edited or pulled since).
const { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const ROOT = join(__dirname, "..");
const OUT_DIR = join(ROOT, "build", "cli");
const ENTRIES = {
  kl226: "src/cli/entry.ts",
  main: "src/cli/main.ts",
  "inspect-worker": "src/cli/inspect-worker.ts",
};

/** entry.ts loads the commands with import("./main"): in the build that is main.cjs, so `kl226 --help` never parses them. */
const commandsApart = {
  name: "commands-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\/main$/ }, (args) =>
      args.importer.endsWith("entry.ts") ? { path: "./main.cjs", external: true } : undefined,
    );
  },
};

/**
 * The bundle with the non-ASCII characters esbuild leaves (charset "ascii" escapes strings and
 * templates, not comments or regular expression literals) written as \uXXXX, which means the same
 * character in both. Every run reads main.cjs (1.9 MB): as ASCII in ≈ 14 ms (src/cli/code-cache.ts)
 * instead of ≈ 25, and V8 keeps it as one-byte text. A character whose meaning escaping would change
 * (a tagged template's raw text, a regex identity escape such as /\đ/) is left as it is; the file then
 * simply reads as before, and test/unit/cli-build.test.ts fails until the source spells it \uXXXX.
 */
function asciiOnly(code) {
  if (!/[\u0080-\uffff]/.test(code)) return code;
  const ranges = [];
  try {
    const acorn = require("acorn");
    acorn.parse(code, {
      ecmaVersion: "latest",
      sourceType: "script",
      allowHashBang: true,
      allowReturnOutsideFunction: true,
      onComment: (_block, _text, start, end) => ranges.push([start, end]),
      onToken: (t) => {
        if (t.type === acorn.tokTypes.regexp) ranges.push([t.start, t.end]);
      },
    });
  } catch {
    return code; // no acorn, or code it cannot read: the bundle as esbuild wrote it (read as UTF-8)
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    // An odd run of backslashes before the character escapes it (/\đ/): that one stays as written.
    out +=
      code.slice(at, start) +
      code
        .slice(start, end)
        .replace(/(\\*)([\u0080-\uffff])/g, (all, slashes, c) =>
          slashes.length % 2 === 1 ? all : `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
        );
    at = end;
  }
  return out + code.slice(at);
}

/** Bundles the CLI; every file is written beside its final name and renamed into place (two builds at once never mix). */
async function buildCli() {
  const esbuild = require("esbuild");
  const startedAt = Date.now();
  // Every profiles/*.json is bundled: the list is made from the folder first.
  require("./gen-profiles").genProfiles();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [commandsApart],
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // The profiles folder itself: a province's .json added or removed there makes the build stale.
  const sources = [
    ...Object.keys(result.metafile.inputs).filter((p) => !p.includes("node_modules/")),
    "profiles",
  ];
  const files = [
    ...result.outputFiles.map((f) => ({ path: f.path, contents: asciiOnly(f.text) })),
    {
      path: join(OUT_DIR, "sources.json"),
      contents: `${JSON.stringify({ startedAt, esbuild: esbuild.version, sources }, null, 1)}\n`,
    },
  ];
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  // V8 would reject every code cache of the old bundle (src/cli/code-cache.ts): the next run writes its own.
  for (const name of readdirSync(OUT_DIR))
    if (name.endsWith(".v8-cache")) rmSync(join(OUT_DIR, name), { force: true });
  // The top-level help, from the command tables, so `kl226 --help` reads it instead of loading the commands.
  const help = {
    path: join(OUT_DIR, "help.txt"),
    contents: require(join(OUT_DIR, "main.cjs")).mainHelpText(),
  };
  writeFileSync(`${help.path}.${process.pid}.tmp`, help.contents);
  renameSync(`${help.path}.${process.pid}.tmp`, help.path);
  return [...files, help].map((f) => relative(ROOT, f.path));
}

/** esbuild's errors in a profiles/*.json file, as Vietnamese lines (empty when the failure is another). */
function profileSyntaxErrors(e) {
  const errors = Array.isArray(e && e.errors) ? e.errors : [];
  return errors
    .filter((x) => x.location && /^profiles[\\/][^\\/]+\.json$/.test(x.location.file))
    .map((x) => {
      const { file, line, column, lineText } = x.location;
      const why = /trailing comma/i.test(x.text)
        ? "thừa dấu phẩy trước } hoặc ]"
        : /Expected ","/.test(x.text)
          ? "thiếu dấu phẩy giữa hai mục"
          : "thường do thiếu hoặc thừa dấu phẩy, hoặc chữ không đặt trong ngoặc kép";
      return `kl226: ${file.replace(/\\/g, "/")} không phải JSON hợp lệ (dòng ${line}, cột ${column + 1}: “${lineText.trim()}”): ${why}. Sửa rồi chạy lại.`;
    });
}

/**
 * buildCli, then the profiles checked as the add-in and the command read them: rejects with an Error
 * whose message is the Vietnamese lines to show (a profile that is not JSON with its line and column).
 * Run by `npm ci` (prepare), `npm run build:cli` and every webpack build (webpack.config.js), so no
 * build of the add-in, however started, carries a broken or unlisted profile.
 */
async function buildCliChecked() {
  let written;
  try {
    written = await buildCli();
  } catch (e) {
    const bad = profileSyntaxErrors(e);
    if (bad.length > 0) throw new Error(bad.join("\n"));
    throw e;
  }
  const invalid = require(join(OUT_DIR, "main.cjs")).invalidProfiles();
  if (invalid.length > 0) {
    // Not a build bin/kl226.js may run: it stays stale, so the next command says this again.
    rmSync(join(OUT_DIR, "sources.json"), { force: true });
    throw new Error(
      `kl226: hồ sơ không hợp lệ trong thư mục profiles/ (sửa rồi chạy lại):\n${invalid.join("\n")}`,
    );
  }
  return written;
}

module.exports = { buildCli, buildCliChecked, asciiOnly, OUT_DIR, profileSyntaxErrors };

if (require.main === module) {
  const t = Date.now();
  buildCliChecked().then(
    (written) => {
      console.log(`kl226: built ${written.join(", ")} in ${Date.now() - t} ms`);
      // A province's profile that will use the form's defaults where it says nothing (its tasks…).
      for (const note of require(join(OUT_DIR, "main.cjs")).profilesNotes()) console.log(`kl226: ${note}`);
    },
    (e) => {
      console.error(/^kl226: /.test(e.message) ? e.message : e);
      process.exitCode = 1;
    },
  );
}
