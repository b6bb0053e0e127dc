// The production build of the add-in, run programmatically into a temporary directory: the
// generated functions.json (ids, parameters, Vietnamese help), the shared-runtime page, the local
// office.js, and manifest.xml agreeing with the emitted names (scripts/validate-manifest.js).

import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";

const ROOT = resolve(__dirname, "../..");

interface MetadataParameter {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly optional?: boolean;
}
interface MetadataFunction {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly MetadataParameter[];
  readonly result: { readonly type?: string };
}
type ConfigFactory = (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<webpack.Configuration>;
interface Validator {
  validateManifest(options: { dist: string; skipSchema?: boolean }): {
    development: boolean;
    errors: string[];
    notes: string[];
    unchecked: string[];
  };
}

let out = "";
let stats: webpack.Stats | undefined;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "kl226-build-"));
  const configPath = join(ROOT, "webpack.config.js");
  const factory = (await import(configPath)) as ConfigFactory | { default: ConfigFactory };
  const make = typeof factory === "function" ? factory : factory.default;
  const config = await make({ outputPath: out }, { mode: "production" });
  // Source maps and minification are the slowest parts of the build and not what this test is about.
  config.devtool = false;
  config.optimization = { ...config.optimization, minimize: false };
  config.context = ROOT;
  stats = await new Promise<webpack.Stats>((done, fail) => {
    webpack(config, (err, result) => (err || !result ? fail(err ?? new Error("no stats")) : done(result)));
  });
}, 150_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function metadata(): MetadataFunction[] {
  return (JSON.parse(readFileSync(join(out, "functions.json"), "utf8")) as { functions: MetadataFunction[] })
    .functions;
}

test("the production build compiles without errors", () => {
  expect(stats?.toJson({ all: false, errors: true }).errors ?? []).toEqual([]);
});

test("functions.json declares the nine functions with their parameters", () => {
  const byId = new Map(metadata().map((f) => [f.id, f]));
  const expected: Record<string, string[]> = {
    ONLINE_RATIO: ["online", "total"],
    REDUCTION: ["previous", "current"],
    RATIO: ["part", "whole"],
    TARGET: ["indicator", "profile"],
    CHECK: ["indicator", "value", "profile"],
    GAP: ["indicator", "a", "b", "profile"],
    MEETING_OK: ["type", "days", "profile"],
    DUE_DATE: ["period", "year", "profile"],
    DEADLINE: ["text"],
  };
  expect([...byId.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [id, params] of Object.entries(expected)) {
    expect(byId.get(id)?.parameters.map((p) => p.name)).toEqual(params);
  }
  // Scalar number parameters (no "any" from a union type), GAP's b optional, typed results.
  expect(byId.get("ONLINE_RATIO")?.parameters.map((p) => p.type)).toEqual(["number", "number"]);
  expect(byId.get("GAP")?.parameters[2]?.optional).toBe(true);
  // SPEC §8: the last argument of TARGET, CHECK, GAP and DUE_DATE optionally names a shipped profile.
  for (const id of ["TARGET", "CHECK", "GAP", "DUE_DATE"])
    expect(byId.get(id)?.parameters.at(-1)).toMatchObject({
      name: "profile",
      type: "string",
      optional: true,
    });
  expect(byId.get("CHECK")?.result.type).toBe("string");
  expect(byId.get("MEETING_OK")?.result.type).toBe("boolean");
});

test("every function and parameter has a Vietnamese description", () => {
  const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
  for (const f of metadata()) {
    expect(f.description).toMatch(vietnamese);
    for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.description ?? ""}`).toMatch(vietnamese);
  }
  expect(metadata().find((f) => f.id === "ONLINE_RATIO")?.description).toMatch(/hội nghị trực tuyến/);
});

test("the taskpane page loads office.js, then the functions chunk, under a CSP", () => {
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  const csp = html.indexOf("Content-Security-Policy");
  const officeJs = html.indexOf("office-js/office.js");
  const functions = html.indexOf("functions.js");
  expect(csp).toBeGreaterThan(-1);
  expect(officeJs).toBeGreaterThan(csp);
  expect(functions).toBeGreaterThan(officeJs);
  expect(html).toMatch(/default-src 'self'/);
  expect(html).toMatch(/object-src 'none'/);
  expect(existsSync(join(out, "office-js", "office.js"))).toBe(true);
  expect(existsSync(join(out, "office-js", "vi-vn", "office_strings.js"))).toBe(true);
  // office.js asks for its telemetry sink in a subfolder of its own (OTel's CDN_PATH_OTELJS_AGAVE).
  expect(existsSync(join(out, "office-js", "telemetry", "oteljs_agave.js"))).toBe(true);
  expect(existsSync(join(out, "office-js", "oteljs_agave.js"))).toBe(false);
  // The ES5 guard comes after the page's root element, so it can replace it in Internet Explorer.
  expect(html.indexOf("legacy-guard.js")).toBeGreaterThan(html.indexOf('id="root"'));
  expect(readFileSync(join(out, "legacy-guard.js"), "utf8")).toBe(
    readFileSync(join(ROOT, "src", "taskpane", "legacy-guard.js"), "utf8"),
  );
});

test("the bundle registers every function id with CustomFunctions.associate", () => {
  const js = readFileSync(join(out, "functions.js"), "utf8");
  for (const f of metadata()) expect(js).toContain(`associate("${f.id}"`);
});

test("manifest.xml agrees with the emitted files (namespace KL226, metadata URL, icons)", () => {
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  // Without ADDIN_URL the build ships the repository's manifest (https://localhost:3000/, for npm start) unchanged.
  expect(manifest).toBe(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="KL226"\/>/);
  expect(manifest).toMatch(
    /<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json"\/>/,
  );
  const configPath = join(ROOT, "scripts", "validate-manifest.js");
  return import(configPath).then((mod: Validator | { default: Validator }) => {
    const validator = "validateManifest" in mod ? mod : mod.default;
    const result = validator.validateManifest({ dist: out, skipSchema: true });
    expect(result.errors).toEqual([]);
    expect(result.notes.join("\n")).toMatch(/9 hàm trong functions.json/);
    // A development build (localhost) is said so in the verdict line too, not only fifth of the checks.
    expect(result.development).toBe(true);
  });
});
