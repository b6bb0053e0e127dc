// Build of the Excel add-in: the taskpane page (which also loads the custom functions, one shared
// runtime), functions.json generated from the JSDoc of src/functions/functions.ts, the manifest,
// icons and a local copy of office.js (docs/DECISIONS.md, "Office.js loading").
/* eslint-env node */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/** Names the manifest points at: never content-hashed (scripts/validate-manifest.js checks them). */
const EMITTED = {
  taskpane: "taskpane.html",
  functionsMetadata: "functions.json",
  // Named in the manifest's CustomFunctions <Script> (required there, though the shared runtime loads the page).
  functionsScript: "functions.js",
  officeJs: "office-js/office.js",
};
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

// Office.js only needs the Excel hosts that run custom functions (Windows, Mac, web) plus its
// string tables in every UI language it may pick; the full package (86 MB) is not shipped.
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
];

/** SPEC: the add-in makes no network request of its own; styles are injected at run time by Griffel. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/**
 * Puts office.js before the bundles in <head> so `Office` and `CustomFunctions` exist when they run,
 * and after the CSP <meta>, which applies only to what follows it.
 */
class OfficeJsTagPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsTagPlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).alterAssetTagGroups.tap("OfficeJsTagPlugin", (data) => {
        const firstScript = data.headTags.findIndex((tag) => tag.tagName === "script");
        const at = firstScript === -1 ? data.headTags.length : firstScript;
        data.headTags.splice(at, 0, HtmlWebpackPlugin.createHtmlTagObject("script", { src: EMITTED.officeJs }));
        return data;
      });
    });
  }
}

/** HTTPS options for `webpack serve` only: a build never needs (or fails for lack of) dev certificates. */
async function devHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist");

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: outputPath,
      // The taskpane bundle is hashed so hosts that cache hard pick up a new build; functions.js is named in the manifest.
      filename: (data) => (production && data.chunk && data.chunk.name !== "functions" ? "[name].[contenthash:8].js" : "[name].js"),
      // Chunks loaded later: the inspect Web Worker (src/taskpane/standalone/start-worker.ts) and what it imports.
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
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
        // Shared runtime: the taskpane page also hosts the custom functions.
        chunks: ["taskpane", "functions"],
        meta: {
          "Content-Security-Policy": { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        },
      }),
      new OfficeJsTagPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          ...OFFICE_JS_FILES.map((pattern) => ({
            from: pattern,
            context: OFFICE_JS_DIST,
            to: "office-js/[path][name][ext]",
            info: { minimized: true },
          })),
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
