// A province's build (SPEC §10): `ADDIN_URL=https://HOST/PATH/ webpack --output-path DIR` run as a
// deployer runs it, once, into a temporary folder. Its manifest names that address for every URL,
// never localhost, with the same elements as the repository's manifest (what the default build
// ships); the files it names are there; `npm run validate` passes it and says what it cannot check.
// A wrong ADDIN_URL or OFFICE_JS is refused with a message, and OFFICE_JS=cdn opens the CSP to
// Microsoft's CDN only.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const BASE = "https://kl226.example.gov.vn/bao-cao/";
const ORIGIN = "https://kl226.example.gov.vn";
const DEV_BASE = "https://localhost:3000/";
const WEBPACK_BIN = require.resolve("webpack/bin/webpack.js");
/** The checkout's last commit as git itself says it: what kl226-build.txt names, so an officer can tell builds apart. */
const [COMMIT, DAY] = spawnSync("git", ["log", "-1", "--format=%h %cs"], { cwd: ROOT, encoding: "utf8" })
  .stdout.trim()
  .split(" ");
const SOURCE = `mã nguồn ngày ${DAY!.split("-").reverse().join("/")}, commit ${COMMIT}`;

interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  readonly text: string;
}
interface ManifestTools {
  parseXml(xml: string): XmlElement;
}
type ConfigFactory = ((
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<{ plugins: object[] }>) & {
  manifestForBase(xml: string, base: string): string;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseXml } = require(join(ROOT, "scripts", "validate-manifest.js")) as ManifestTools;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, "webpack.config.js")) as ConfigFactory;

/** The environment of a deployer's shell, without settings this test does not mean to pass. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!("OFFICE_JS" in extra)) delete env.OFFICE_JS;
  if (!("ADDIN_URL" in extra)) delete env.ADDIN_URL;
  return env;
}

let out = "";
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "kl226-province-"));
  // Source maps and minification are the slowest parts of the build and not what this test is about.
  build = spawnSync(
    process.execPath,
    [WEBPACK_BIN, "--mode", "production", "--output-path", out, "--no-devtool", "--no-optimization-minimize"],
    {
      cwd: ROOT,
      env: shellEnv({ ADDIN_URL: BASE }),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}, 240_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const manifestText = () => readFileSync(join(out, "manifest.xml"), "utf8");

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Every URL in attribute values, namespace names (xmlns) aside. */
const urlsOf = (root: XmlElement): string[] =>
  [...walk(root)].flatMap((el) =>
    Object.entries(el.attrs)
      .filter(([k, v]) => !k.startsWith("xmlns") && /^[a-z]+:\/\//i.test(v))
      .map(([, v]) => v),
  );

/** An element tree with each URL written relative to `base` and AppDomain's origin as a placeholder. */
function shape(el: XmlElement, base: string): unknown {
  const origin = new URL(base).origin;
  const attrs = Object.fromEntries(
    Object.entries(el.attrs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, v.startsWith(base) ? `{BASE}${v.slice(base.length)}` : v]),
  );
  const text = el.text.trim() === origin ? "{ORIGIN}" : el.text.trim();
  return { name: el.name, attrs, text, children: el.children.map((c) => shape(c, base)) };
}

test("the province build compiles", () => {
  expect({ status: build.status, stderr: String(build.stderr).trim() }).toEqual({ status: 0, stderr: "" });
  expect(String(build.stdout)).toMatch(/compiled (successfully|with \d+ warnings?)/);
  // It says first what it is for: the address and the profiles it carries (an officer whose profile
  // did not make it into profiles/, or who forgot ADDIN_URL, sees it before deploying).
  expect(String(build.stdout)).toContain(
    `kl226: bản dựng cho ${BASE}, từ ${SOURCE}; hồ sơ: dong-nai-skhcn-226, dong-thap-syt-226, hcm-attp-226, hcm-attp-cchc-2025, thanh-hoa-226; mặc định: không có hồ sơ nào ghi "default": true, nên “Mặc định (chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa)”.`,
  );
});

test("every URL in its manifest is under ADDIN_URL, AppDomain is its origin, and localhost appears nowhere", () => {
  const manifest = manifestText();
  expect(manifest).not.toMatch(/localhost/i);
  const root = parseXml(manifest);
  const urls = urlsOf(root);
  // Pages, scripts, metadata, icons, support and learn-more links (11 in the repository's manifest).
  expect(urls).toHaveLength(urlsOf(parseXml(readFileSync(join(ROOT, "manifest.xml"), "utf8"))).length);
  for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
  const byName = (name: string) => [...walk(root)].filter((el) => el.name === name);
  expect(byName("AppDomain").map((el) => el.text.trim())).toEqual([ORIGIN]);
  expect(byName("SupportUrl")[0]?.attrs.DefaultValue).toBe(`${BASE}taskpane.html`);
  expect(byName("bt:Url").find((el) => el.attrs.id === "GetStarted.LearnMoreUrl")?.attrs.DefaultValue).toBe(
    `${BASE}taskpane.html`,
  );
  expect(byName("bt:Url").find((el) => el.attrs.id === "Functions.Metadata.Url")?.attrs.DefaultValue).toBe(
    `${BASE}functions.json`,
  );
});

test("its manifest has the same elements, attributes and texts as the default build's, only the address differs", () => {
  // The default build ships manifest.xml unchanged (test/unit/webpack-build.test.ts checks that).
  const defaults = parseXml(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  expect(shape(parseXml(manifestText()), BASE)).toEqual(shape(defaults, DEV_BASE));
});

test("the page, the functions and every file the manifest names are in the output folder", () => {
  for (const url of urlsOf(parseXml(manifestText()))) {
    expect({ url, present: existsSync(join(out, url.slice(BASE.length))) }).toEqual({ url, present: true });
  }
  for (const file of [
    "taskpane.html",
    "functions.js",
    "functions.json",
    "legacy-guard.js",
    "web.config",
    "office-js/office.js",
    "office-js/telemetry/oteljs_agave.js",
  ]) {
    expect({ file, present: existsSync(join(out, file)) }).toEqual({ file, present: true });
  }
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  expect(html).toContain('src="office-js/office.js"');
  expect(html).toContain("script-src 'self';");
});

test("npm run validate passes the built folder offline and lists what it could not check", () => {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "validate-manifest.js"), out], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
  expect(run.stdout).toContain(`nằm dưới ${BASE}`);
  expect(run.stdout).toContain("9 hàm trong functions.json");
  expect(run.stdout).toContain("Không kiểm tra được (ngoại tuyến):");
  expect(run.stdout).toContain(`máy chủ thật: ${BASE}`);
  expect(run.stdout).not.toContain("bản cho máy phát triển");
  // The checks the README lists each say they ran; the build's address and profiles are said again
  // just above the verdict, where an officer looks (the build's own line scrolled away).
  expect(run.stdout).toMatch(/✓ <Id> là GUID \([0-9a-f-]{36}\)/);
  expect(run.stdout).toContain("✓ <Version> 1.");
  const lines = run.stdout.trim().split("\n");
  expect(lines.at(-2)).toBe(
    `Bản dựng cho ${BASE}, từ ${SOURCE}; hồ sơ: dong-nai-skhcn-226, dong-thap-syt-226, hcm-attp-226, hcm-attp-cchc-2025, thanh-hoa-226; mặc định: không có hồ sơ nào ghi "default": true, nên “Mặc định (chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa)”. Hồ sơ của tỉnh phải có tên trong danh sách này.`,
  );
  expect(run.stdout.trim().endsWith("manifest.xml: đạt")).toBe(true);
  // A build without that file (older, or copied in part) is said not to confirm its profiles.
  const info = join(out, "kl226-build.txt");
  const kept = readFileSync(info);
  rmSync(info);
  try {
    const older = spawnSync(process.execPath, [join(ROOT, "scripts", "validate-manifest.js"), out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(older.stdout).toContain(
      "⚠ Không thấy kl226-build.txt trong bản dựng (bản dựng cũ hơn, hoặc chép thiếu): không xác nhận được bản dựng mang những hồ sơ nào",
    );
  } finally {
    writeFileSync(info, kept);
  }
});

test("npm run validate with ADDIN_URL checks the build is for that address (README, Cập nhật)", () => {
  const validate = (addinUrl: string) =>
    spawnSync(process.execPath, [join(ROOT, "scripts", "validate-manifest.js"), out], {
      cwd: ROOT,
      env: shellEnv({ ADDIN_URL: addinUrl }),
      encoding: "utf8",
    });
  const same = validate(BASE);
  expect({ status: same.status, stderr: same.stderr }).toEqual({ status: 0, stderr: "" });
  expect(same.stdout).toContain(`✓ tệp kê khai trỏ tới đúng ADDIN_URL=${BASE}`);
  // Built for another address (or for the development machine): an error, not "đạt".
  const other = validate("https://kl226.sonoivu.quangtri.gov.vn");
  expect(other.status).toBe(1);
  expect(other.stderr).toContain(
    `✗ tệp kê khai trỏ tới ${BASE}, không phải ADDIN_URL=https://kl226.sonoivu.quangtri.gov.vn/: dựng lại bằng ADDIN_URL=https://kl226.sonoivu.quangtri.gov.vn/ npm run build`,
  );
  expect(other.stdout).toContain("manifest.xml: 1 lỗi");
});

test("an ADDIN_URL that is not https:// is refused before building, with a message and no stack trace", () => {
  const run = spawnSync(
    process.execPath,
    [WEBPACK_BIN, "--mode", "production", "--output-path", join(out, "never")],
    {
      cwd: ROOT,
      env: shellEnv({ ADDIN_URL: "http://kl226.example.gov.vn/bao-cao/" }),
      encoding: "utf8",
    },
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('ADDIN_URL="http://kl226.example.gov.vn/bao-cao/" phải bắt đầu bằng https://');
  expect(run.stderr).toContain("Ví dụ: ADDIN_URL=https://");
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(join(out, "never"))).toBe(false);
});

describe("the build settings, read by webpack.config.js", () => {
  const settingsOf = async (env: Record<string, unknown>) => {
    const config = await makeConfig(env, { mode: "production" });
    const plugin = (name: string) =>
      config.plugins.find((p) => p.constructor.name === name) as Record<string, unknown> | undefined;
    const html = plugin("HtmlWebpackPlugin") as {
      userOptions: { meta: Record<string, { content: string }> };
    };
    const tag = plugin("OfficeJsTagPlugin") as { src: string };
    const copy = plugin("CopyPlugin") as { patterns: { from: string }[] };
    return {
      csp: html.userOptions.meta["Content-Security-Policy"]!.content,
      officeJs: tag.src,
      copied: copy.patterns.map((p) => p.from),
    };
  };

  test("OFFICE_JS=cdn: the page loads Microsoft's office.js, the CSP allows exactly that origin, no local copy", async () => {
    const cdn = await settingsOf({ officeJs: "cdn" });
    expect(cdn.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(cdn.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(cdn.csp).toContain("connect-src 'self';");
    expect(cdn.copied).not.toContain("office.js");
    const local = await settingsOf({});
    expect(local.officeJs).toBe("office-js/office.js");
    expect(local.csp).toContain("script-src 'self';");
    expect(local.copied).toEqual(expect.arrayContaining(["office.js", "telemetry/oteljs_agave.js"]));
    // Each configuration builds the command first (2–3 s): two of them passed Jest's 5 s on a loaded machine.
  }, 30_000);

  test("an address with an empty folder in it (“…/kl226//”) is refused, saying what to write", async () => {
    await expect(
      makeConfig({ addinUrl: "https://portal.quangtri.gov.vn/kl226//" }, { mode: "production" }),
    ).rejects.toThrow('ADDIN_URL="https://portal.quangtri.gov.vn/kl226//" có "//" trong đường dẫn thư mục');
  });

  test('ADDIN_URL set in Windows\' cmd with quotes (set ADDIN_URL="https://…/") is the address inside them', async () => {
    const config = await makeConfig(
      { addinUrl: '"https://kl226.sonoivu.quangtri.gov.vn/bao-cao/"' },
      { mode: "production" },
    );
    const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin") as {
      patterns: { from: string; transform?: (content: Buffer) => string }[];
    };
    const manifest = copy.patterns.find((p) => p.from === "manifest.xml")!.transform!(
      readFileSync(join(ROOT, "manifest.xml")),
    );
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://kl226.sonoivu.quangtri.gov.vn/bao-cao/taskpane.html"/>',
    );
    expect(manifest).toContain("<AppDomain>https://kl226.sonoivu.quangtri.gov.vn</AppDomain>");
    expect(manifest).not.toContain("&quot;");
  });

  test("ADDIN_URL set in cmd with single quotes (set ADDIN_URL='https://…/'), which cmd keeps too, is the address inside them", async () => {
    const config = await makeConfig(
      { addinUrl: "'https://kl226.sonoivu.quangtri.gov.vn/bao-cao/'" },
      { mode: "production" },
    );
    const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin") as {
      patterns: { from: string; transform?: (content: Buffer) => string }[];
    };
    expect(
      copy.patterns.find((p) => p.from === "manifest.xml")!.transform!(
        readFileSync(join(ROOT, "manifest.xml")),
      ),
    ).toContain(
      '<SourceLocation DefaultValue="https://kl226.sonoivu.quangtri.gov.vn/bao-cao/taskpane.html"/>',
    );
  });

  test("--output-path to a folder holding other files is refused before anything in it is deleted", async () => {
    const folder = mkdtempSync(join(tmpdir(), "kl226-wwwroot-"));
    try {
      writeFileSync(join(folder, "index.html"), "<p>Cổng thông tin của Sở</p>");
      await expect(makeConfig({}, { mode: "production", outputPath: folder })).rejects.toThrow(
        `thư mục dựng ${folder} đã có 1 tệp hay thư mục không phải của bản dựng KL226 (index.html). Bản dựng xóa mọi thứ trong thư mục dựng trước khi ghi vào: chọn một thư mục trống hoặc chưa có`,
      );
      expect(readFileSync(join(folder, "index.html"), "utf8")).toBe("<p>Cổng thông tin của Sở</p>");
      // A wwwroot of many files names three and counts them all, not a screen of names.
      for (const f of ["a.html", "b.html", "c.css"]) writeFileSync(join(folder, f), "");
      await expect(makeConfig({}, { mode: "production", outputPath: folder })).rejects.toThrow(
        /đã có 4 tệp hay thư mục không phải của bản dựng KL226 \([^,()]+, [^,()]+, [^,()]+, …\)\. /,
      );
      // A folder holding an earlier build is built over, as dist/ is: by its page, or by its
      // kl226-build.txt alone.
      writeFileSync(join(folder, "kl226-build.txt"), "bản dựng cho https://kl226.example.vn/");
      await expect(makeConfig({}, { mode: "production", outputPath: folder })).resolves.toBeDefined();
      rmSync(join(folder, "kl226-build.txt"));
      writeFileSync(join(folder, "taskpane.html"), "<!doctype html>");
      await expect(makeConfig({}, { mode: "production", outputPath: folder })).resolves.toBeDefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);

  test("a test server on localhost at another port is an address like any other", () => {
    const moved = makeConfig.manifestForBase(
      readFileSync(join(ROOT, "manifest.xml"), "utf8"),
      "https://localhost:8443/kl226/",
    );
    expect(moved).not.toContain("localhost:3000");
    expect(moved).toContain("<AppDomain>https://localhost:8443</AppDomain>");
    expect(moved).toContain('<SourceLocation DefaultValue="https://localhost:8443/kl226/taskpane.html"/>');
  });

  test.each([
    [{ addinUrl: "kl226.example.gov.vn/bao-cao" }, "không phải là một địa chỉ web"],
    [
      { addinUrl: "https://kl226.example.gov.vn/bao-cao/taskpane.html" },
      "phải là thư mục chứa các tệp của dist/",
    ],
    [{ addinUrl: "https://kl226.example.gov.vn/bao-cao/?v=2" }, 'không có "?", "#"'],
    [{ officeJs: "internet" }, 'OFFICE_JS="internet" không hợp lệ'],
  ])("%j is refused: %s", async (env, message) => {
    await expect(makeConfig(env, { mode: "production" })).rejects.toThrow(message);
  });
});
