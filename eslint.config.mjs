// Lint: typescript-eslint recommended + React hooks, with Prettier owning formatting; the layer
// rules of README "Design" (core → nothing of ours but core, no npm package but zod; xlsx → core;
// app → core + xlsx + docx; docx → core; the adapters above), for .ts and .tsx; the JavaScript files as CommonJS/ESM.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

/** Tests and test doubles may reach across layers (they build fixtures with the writer, etc.). */
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "src/**/testing/**", "src/**/testing-*.ts"];

/** Globals that only exist in a browser, in Office or in Node: none belongs in a layer that must run in all of them. */
const HOST_GLOBALS = [
  "document",
  "window",
  "navigator",
  "localStorage",
  "sessionStorage",
  "fetch",
  "XMLHttpRequest",
  "Office",
  "Excel",
  "CustomFunctions",
  "process",
  "Buffer",
  "require",
  "__dirname",
  "__filename",
].map((name) => ({
  name,
  message: "Not in this layer: the host's world is turned into plain data by an adapter (README, Design).",
}));

/** A no-restricted-imports pattern: every import whose source matches `regex` is refused with `message`. */
const refuse = (regex, message) => ({ regex, message });

/**
 * One layer of README "Design": its files (tests aside) may import only what `patterns` leave;
 * a `portable` layer must run in the browser, in Office and in Node, so it uses no host global either.
 */
const layer = ({ files, ignores = TESTS, patterns, portable = false }) => ({
  files,
  ignores,
  rules: {
    "no-restricted-imports": ["error", { patterns }],
    ...(portable ? { "no-restricted-globals": ["error", ...HOST_GLOBALS] } : {}),
  },
});

const NODE_BUILTINS = refuse(
  "^(node:|(fs|path|os|child_process|crypto|zlib|util|url|stream|buffer)(/|$))",
  "Node's modules live in src/cli and the Node-only src/xlsx/node-*.ts.",
);

const NODE_JS_GLOBALS = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  __filename: "readonly",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
  URL: "readonly",
};

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "out/", "coverage/", "test-artifacts/", "samples/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ["**/*.ts", "**/*.tsx"] })),
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // The JavaScript files: Node CommonJS (configs, the bin launcher, scripts, the jest stub) and this ES module.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: NODE_JS_GLOBALS },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // The ES5 guard runs in the page as a classic script (SPEC §10): browser globals, no modules.
    files: ["src/taskpane/legacy-guard.js"],
    languageOptions: {
      sourceType: "script",
      ecmaVersion: 5,
      globals: { window: "readonly", document: "readonly", navigator: "readonly" },
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module" },
  },
  layer({
    // core: the domain. Only other core modules ("./x") and zod; profiles.ts also bundles the
    // shipped profiles, plain JSON data at the top of the repository (profiles/*.json).
    files: ["src/core/*.ts", "src/core/*.tsx"],
    portable: true,
    patterns: [
      refuse(
        "^(?!\\./|\\.\\./\\.\\./profiles/[\\w-]+\\.json$)",
        "src/core imports only other core modules, and zod through ./zod (README, Design).",
      ),
      refuse("^\\./.*\\.\\.", "src/core imports only other core modules (no path out of src/core)."),
    ],
  }),
  layer({
    // zod is set up once (jitless) before any schema is built: only core/zod.ts imports the package,
    // and core/zod-api.ts, which names the part of it we use (so bundles leave the rest out).
    files: ["src/core/zod.ts", "src/core/zod-api.ts"],
    portable: true,
    patterns: [
      refuse("^(?!zod$|\\./zod-api$)", "src/core/zod.ts and zod-api.ts import only zod (and zod-api)."),
    ],
  }),
  layer({
    // core's sub-folders (the built-in forms): core modules one level up, nothing else.
    files: ["src/core/*/**/*.ts", "src/core/*/**/*.tsx"],
    portable: true,
    patterns: [refuse("^(?!\\./|\\.\\./[\\w-]+$)", "src/core/forms imports only core modules.")],
  }),
  layer({
    // docx: DocumentSpec → .docx bytes. Core, docx modules and the zip writer; browser-safe.
    files: ["src/docx/**/*.ts", "src/docx/**/*.tsx"],
    portable: true,
    patterns: [
      refuse(
        "^(?!\\./|\\.\\./core/|\\.\\./xlsx/zip-write$)",
        "src/docx imports only docx and core modules and the zip writer (README, Design).",
      ),
      refuse("^\\./.*\\.\\.|^\\.\\./core/.*\\.\\.", "src/docx imports only docx and core modules."),
    ],
  }),
  layer({
    // xlsx: bytes ↔ workbook. Core, fflate, and node:zlib in the Node-only node-*.ts modules.
    files: ["src/xlsx/**/*.ts", "src/xlsx/**/*.tsx"],
    ignores: [...TESTS, "src/xlsx/node-*.ts"],
    portable: true,
    patterns: [
      refuse(
        "^(?!\\./|\\.\\./core/|fflate$)",
        "src/xlsx imports only xlsx and core modules and fflate (README, Design).",
      ),
      refuse("^\\./.*\\.\\.|^\\.\\./core/.*\\.\\.", "src/xlsx imports only xlsx and core modules."),
      refuse(
        "^\\./node-",
        "The Node-only inflater/deflater are chosen by the caller (the CLI), never imported by the browser-safe reader and writer.",
      ),
    ],
  }),
  layer({
    files: ["src/xlsx/node-*.ts"],
    patterns: [
      refuse(
        "^(?!\\./|\\.\\./core/|fflate$|node:zlib$)",
        "The Node-only xlsx modules use node:zlib and xlsx/core modules only.",
      ),
    ],
  }),
  layer({
    // app: use cases joining core, xlsx and docx; browser-safe (no Node, no DOM).
    files: ["src/app/**/*.ts", "src/app/**/*.tsx"],
    portable: true,
    patterns: [
      refuse(
        "^(?!\\./|\\.\\./core/|\\.\\./xlsx/|\\.\\./docx/)",
        "src/app imports only app, core, xlsx and docx modules (README, Design).",
      ),
      refuse(
        "^\\.\\./xlsx/node-",
        "src/app is browser-safe: the caller passes a Node decoder when it has one.",
      ),
      refuse("\\.\\..*\\.\\.", "src/app imports only app, core, xlsx and docx modules."),
    ],
  }),
  layer({
    // functions: thin wrappers over core (they run in Excel's custom-functions runtime).
    files: ["src/functions/**/*.ts", "src/functions/**/*.tsx"],
    patterns: [
      refuse("^(?!\\./|\\.\\./core/)", "src/functions imports only core modules (README, Design)."),
      refuse("\\.\\..*\\.\\.", "src/functions imports only core modules."),
    ],
  }),
  layer({
    // taskpane: the browser adapter. Anything below it, never the CLI or Node.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    patterns: [
      refuse("(^|/)cli(/|$)", "The taskpane never imports the command line."),
      refuse("/xlsx/node-", "The taskpane runs in a browser: fflate, not node:zlib."),
      NODE_BUILTINS,
    ],
  }),
  layer({
    // cli: the Node adapter. Anything below it, never the taskpane (React, Office.js).
    files: ["src/cli/**/*.ts", "src/cli/**/*.tsx"],
    patterns: [
      refuse(
        "(^|/)(taskpane|functions)(/|$)",
        "The CLI never imports the add-in's taskpane or custom functions.",
      ),
      refuse("^(react|react-dom|@fluentui/)", "The CLI has no UI library."),
      refuse("^zod$", "zod through src/core/zod.ts, which sets it up before any schema is built."),
    ],
  }),
  prettier,
);
