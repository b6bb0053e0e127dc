// Build of the Excel add-in: the taskpane page (which also loads the custom functions, one shared
// runtime), functions.json generated from the JSDoc of src/functions/functions.ts, the manifest
// (its URLs set from ADDIN_URL), icons, the ES5 guard for old webviews and office.js (a local copy,
// or Microsoft's CDN with OFFICE_JS=cdn). docs/DECISIONS.md, "Office.js loading" and "Deployment".
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_PORT = 3000;
/** Where `npm start` serves the add-in; manifest.xml in the repository names this address. */
const DEV_BASE = `https://localhost:${DEV_PORT}/`;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/** Names the manifest points at: never content-hashed (scripts/validate-manifest.js checks them). */
const EMITTED = {
  taskpane: "taskpane.html",
  functionsMetadata: "functions.json",
  // Named in the manifest's CustomFunctions <Script> (required there, though the shared runtime loads the page).
  functionsScript: "functions.js",
  officeJs: "office-js/office.js",
  /** What the build is for, one line (BuildInfoPlugin); `npm run validate` reads it. */
  buildInfo: "kl226-build.txt",
};
/** The ES5 script that replaces the blank pane of an Internet Explorer webview with a message (taskpane.html loads it). */
const LEGACY_GUARD = "legacy-guard.js";
/** Content-hashed bundles live in their own folder so servers can cache that folder for a year. */
const HASHED_DIR = "js";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

// Office.js only needs the Excel hosts that run custom functions (Windows, Mac, web) plus its
// string tables in every UI language it may pick; the full package (86 MB) is not shipped.
// Each file keeps its path under office-js/: office.js asks for them relative to itself.
const OFFICE_JS_FILES = [
  "office.js",
  "custom-functions-runtime.js",
  "o15apptofilemappingtable.js",
  "excel-win32-16.0[0-9].js",
  "excel-win32-16.0[0-9]-core.js",
  "excel-web-16.00.js",
  "excel-web-16.00-core.js",
  "excel-mac-16.00.js",
  "excel-mac-16.00-core.js",
  "*/office_strings.js",
  "telemetry/oteljs_agave.js",
  "ariatelemetry/aria-web-telemetry.js",
];

/** A build setting a deployer got wrong. */
class BuildSettingError extends Error {}

/**
 * Refuses a build setting. From the webpack command line: the message alone on stderr and exit
 * code 2 (webpack-cli would print the error object); called from code (tests): an exception.
 */
/** Run by webpack's command (npm run build, npx webpack), not loaded by a test or a tool. */
function fromWebpackCli() {
  return /[\\/]webpack(-cli)?[\\/]bin[\\/][\w-]+\.js$/.test(require.main?.filename ?? "");
}

function refuse(message) {
  if (fromWebpackCli()) {
    console.error(`Lỗi cấu hình bản dựng: ${message}`);
    process.exit(2);
  }
  throw new BuildSettingError(message);
}

const ADDIN_URL_EXAMPLE = "ADDIN_URL=https://kl226.tinh.gov.vn/bao-cao/ npm run build";

/**
 * The address the add-in is served from, from ADDIN_URL (SPEC §10): https only, no query or
 * fragment, always ending in "/". Empty or unset: the development address.
 */
function addinBase(value) {
  // Windows' cmd keeps the quotes of `set ADDIN_URL="https://…/"` in the value; PowerShell and bash drop them.
  const text = (value ?? "")
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2")
    .trim();
  if (text === "") return DEV_BASE;
  let url;
  try {
    url = new URL(text);
  } catch {
    refuse(`ADDIN_URL="${text}" không phải là một địa chỉ web. Ví dụ: ${ADDIN_URL_EXAMPLE}`);
  }
  if (url.protocol !== "https:") {
    refuse(
      `ADDIN_URL="${text}" phải bắt đầu bằng https:// — Excel chỉ mở phần bổ trợ qua HTTPS. Ví dụ: ${ADDIN_URL_EXAMPLE}`,
    );
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    refuse(
      `ADDIN_URL="${text}" chỉ gồm máy chủ và thư mục, không có "?", "#" hay tên đăng nhập. Ví dụ: ${ADDIN_URL_EXAMPLE}`,
    );
  }
  if (/\.(html?|xml|js|json)$/i.test(url.pathname)) {
    refuse(
      `ADDIN_URL="${text}" phải là thư mục chứa các tệp của dist/, không phải một tệp. Ví dụ: ${ADDIN_URL_EXAMPLE}`,
    );
  }
  if (url.pathname.includes("//")) {
    refuse(
      `ADDIN_URL="${text}" có "//" trong đường dẫn thư mục: viết một dấu "/" giữa các thư mục. Ví dụ: ${ADDIN_URL_EXAMPLE}`,
    );
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

const xmlEscape = (text) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** manifest.xml with every development URL moved under `base`, and AppDomain set to its origin. */
function manifestForBase(xml, base) {
  if (base === DEV_BASE) return xml;
  const origin = new URL(base).origin;
  const moved = xml
    .replace(
      /<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g,
      `<AppDomain>${xmlEscape(origin)}</AppDomain>`,
    )
    .split(DEV_BASE)
    .join(xmlEscape(base));
  if (origin !== new URL(DEV_BASE).origin && moved.includes(new URL(DEV_BASE).host)) {
    throw new Error(
      `manifest.xml still names localhost after moving it to ${base}: write its URLs as ${DEV_BASE}…`,
    );
  }
  return moved;
}

/** Where the page loads office.js from (OFFICE_JS): the local copy (default) or Microsoft's CDN. */
function officeJsSource(value) {
  const mode = (value ?? "").trim().toLowerCase() || "local";
  if (mode === "local") return { mode, src: EMITTED.officeJs, scriptOrigins: [] };
  if (mode === "cdn") return { mode, src: OFFICE_JS_CDN, scriptOrigins: [new URL(OFFICE_JS_CDN).origin] };
  refuse(
    `OFFICE_JS="${value}" không hợp lệ: bỏ trống (office.js đi kèm phần bổ trợ) hoặc OFFICE_JS=cdn (office.js của Microsoft).`,
  );
}

/**
 * SPEC: the add-in makes no network request of its own; styles are injected at run time by
 * Griffel. With the CDN office.js exactly that origin is added to script-src.
 */
function contentSecurityPolicy(scriptOrigins = []) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptOrigins].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * Puts office.js before the bundles in <head> so `Office` and `CustomFunctions` exist when they run,
 * and after the CSP <meta>, which applies only to what follows it.
 */
class OfficeJsTagPlugin {
  constructor(src) {
    this.src = src;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsTagPlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).alterAssetTagGroups.tap(
        "OfficeJsTagPlugin",
        (data) => {
          const firstScript = data.headTags.findIndex((tag) => tag.tagName === "script");
          const at = firstScript === -1 ? data.headTags.length : firstScript;
          data.headTags.splice(at, 0, HtmlWebpackPlugin.createHtmlTagObject("script", { src: this.src }));
          return data;
        },
      );
    });
  }
}

/**
 * Writes what the build is for (its address, its profiles and the default one) into the build as
 * `kl226-build.txt`, so `npm run validate` can say it again beside its verdict: the line the build
 * prints scrolls away above webpack's, and a province profile left out of profiles/ builds fine.
 */
class BuildInfoPlugin {
  constructor(text) {
    this.text = text;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("BuildInfoPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BuildInfoPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => compilation.emitAsset(EMITTED.buildInfo, new sources.RawSource(`${this.text}\n`)),
      );
    });
  }
}

/**
 * Refuses an output folder that holds files of something other than a KL226 build: webpack's
 * `output.clean` empties the folder before writing, so `--output-path D:/` or a server's wwwroot
 * would lose everything in it. A folder with an earlier build (its page or kl226-build.txt) is
 * built over as dist/ is.
 */
function checkOutputFolder(folder) {
  let entries;
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return; // Not there yet: webpack makes it.
  }
  if (entries.length === 0 || entries.includes(EMITTED.taskpane) || entries.includes(EMITTED.buildInfo))
    return;
  const some = entries.slice(0, 3).join(", ") + (entries.length > 3 ? ", …" : "");
  refuse(
    `thư mục dựng ${folder} đã có ${entries.length} tệp hay thư mục không phải của bản dựng KL226 (${some}). Bản dựng xóa mọi thứ trong thư mục dựng trước khi ghi vào: chọn một thư mục trống hoặc chưa có, ví dụ --output-path D:/kl226-ban-dung, rồi chép từ đó lên máy chủ.`,
  );
}

/**
 * The code a build is made from, as `git log -1` gives it ("mã nguồn ngày 07/12/2026, commit 318d2b6"),
 * said in kl226-build.txt: an officer who has copied a new build onto the server can open that file
 * there and see it is the new one (the address and profiles are the same from one build to the next).
 */
function sourceVersion() {
  const git = (...args) =>
    execFileSync("git", ["-C", __dirname, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  try {
    // A copy unpacked inside some other git folder is not that folder's commit.
    if (path.resolve(git("rev-parse", "--show-toplevel")) !== path.resolve(__dirname))
      throw new Error("not ours");
    const [commit, day] = git("log", "-1", "--format=%h %cs").split(" ");
    const [y, m, d] = day.split("-");
    return `mã nguồn ngày ${d}/${m}/${y}, commit ${commit}`;
  } catch {
    return "mã nguồn không lấy bằng git (không rõ ngày, commit)";
  }
}

/** HTTPS options for `webpack serve` only: a build never needs (or fails for lack of) dev certificates. */
async function devHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  // Every build, however started (`npm run build`, `npx webpack --output-path …`, `npm start`), lists
  // profiles/ afresh and stops on a broken profile: a plain `npx webpack` once skipped npm's prebuild
  // step and shipped the list of an earlier build (scripts/build-cli.js builds the command too).
  try {
    await require("./scripts/build-cli").buildCliChecked();
  } catch (e) {
    // The profile's errors in Vietnamese, not webpack-cli's stack trace after them.
    console.error(/^kl226: /.test(e.message) ? e.message : e);
    process.exit(1);
  }
  const production = argv.mode !== "development";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist");
  // `--output-path D` (webpack's own flag, README) overrides output.path after this function.
  const chosenOutput = argv.outputPath ?? env.outputPath;
  if (chosenOutput && !serving) checkOutputFolder(path.resolve(chosenOutput));
  // `--env addinUrl=…` / `--env officeJs=cdn` for callers that cannot set the environment.
  const base = addinBase(env.addinUrl ?? process.env.ADDIN_URL);
  const officeJs = officeJsSource(env.officeJs ?? process.env.OFFICE_JS);
  // What the build is for, said before webpack's own lines: an IT officer who forgot ADDIN_URL, or
  // whose profile did not get into the folder, sees it here rather than on the users' machines.
  const { buildProfilesLine, profilesNotes } = require("./build/cli/main.cjs");
  const profilesLine = buildProfilesLine();
  const source = sourceVersion();
  const buildInfo = `bản dựng cho ${base}, từ ${source}; ${profilesLine}.`;
  if (!serving && fromWebpackCli()) {
    console.log(
      `kl226: bản dựng cho ${base}${base === DEV_BASE ? " (máy phát triển; bản cho tỉnh: ADDIN_URL=https://MÁY-CHỦ/THƯ-MỤC/ npm run build)" : ""}, từ ${source}; ${profilesLine}.`,
    );
    for (const note of profilesNotes()) console.log(`kl226: ${note}`);
  }

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: outputPath,
      // Bundles are hashed so hosts that cache hard pick up a new build; functions.js is named in the manifest.
      filename: (data) =>
        production && data.chunk && data.chunk.name !== "functions"
          ? `${HASHED_DIR}/[name].[contenthash:8].js`
          : "[name].js",
      // Chunks loaded later (the letters, the report and their Word writer, the inspect Web Worker and what it imports), hashed alike.
      chunkFilename: production ? `${HASHED_DIR}/[name].[contenthash:8].js` : "[name].js",
      clean: true,
    },
    optimization: {
      // One webpack runtime and shared chunks for the two entries on the one page: the core (and zod)
      // are loaded once and the taskpane and the functions see the same module instances.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: EMITTED.functionsMetadata }),
      new HtmlWebpackPlugin({
        filename: EMITTED.taskpane,
        template: "./src/taskpane/taskpane.html",
        templateParameters: { legacyGuard: LEGACY_GUARD },
        // Shared runtime: the taskpane page also hosts the custom functions.
        chunks: ["taskpane", "functions"],
        meta: {
          "Content-Security-Policy": {
            "http-equiv": "Content-Security-Policy",
            content: contentSecurityPolicy(officeJs.scriptOrigins),
          },
        },
      }),
      new OfficeJsTagPlugin(officeJs.src),
      new BuildInfoPlugin(buildInfo),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestForBase(content.toString("utf8"), base),
          },
          // IIS settings (MIME types, cache, CORS for functions.json); other servers ignore the file.
          { from: "deploy/web.config", to: "web.config" },
          // Copied as written: it must stay ES5 for Internet Explorer, so no minifier touches it.
          { from: `src/taskpane/${LEGACY_GUARD}`, to: LEGACY_GUARD, info: { minimized: true } },
          ...(officeJs.mode === "local"
            ? OFFICE_JS_FILES.map((pattern) => ({
                from: pattern,
                context: OFFICE_JS_DIST,
                // A plain file name would lose its folder with "[path]" (telemetry/oteljs_agave.js): keep it explicitly.
                to: ({ absoluteFilename }) =>
                  `office-js/${path.relative(OFFICE_JS_DIST, absoluteFilename).split(path.sep).join("/")}`,
                info: { minimized: true },
              }))
            : []),
        ],
      }),
    ],
    performance: {
      // React + Fluent UI make the taskpane bundle ~1 MB before gzip; office.js is a vendor file.
      hints: production ? "warning" : false,
      maxEntrypointSize: 1_500_000,
      maxAssetSize: 1_500_000,
      assetFilter: (name) => name.endsWith(".js") && !name.startsWith("office-js/"),
    },
    devServer: serving
      ? {
          port: DEV_PORT,
          hot: false,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: env.noCerts ? {} : await devHttpsOptions() },
        }
      : undefined,
  };
};

module.exports.EMITTED = EMITTED;
module.exports.DEV_PORT = DEV_PORT;
module.exports.DEV_BASE = DEV_BASE;
module.exports.LEGACY_GUARD = LEGACY_GUARD;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.addinBase = addinBase;
module.exports.manifestForBase = manifestForBase;
module.exports.officeJsSource = officeJsSource;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
