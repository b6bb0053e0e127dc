// The installed command (bin/kl226.js): it runs the CLI built by scripts/build-cli.js, builds it on
// first use when a checkout has none or a source is newer, and runs the TypeScript through tsx when the
// build cannot be written; the built command writes the same bytes as the sources.

import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { main, mainHelpText, type Io } from "../../src/cli/main";
import { checkout as checkoutIn } from "../helpers/checkout";
import { testUnless } from "../helpers/conditions";
import { reportBytes } from "../helpers/report-builder";

const ROOT = resolve(__dirname, "../..");
const root = mkdtempSync(join(tmpdir(), "kl226-build-"));

afterAll(() => rmSync(root, { recursive: true, force: true }));

function kl226(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(cwd, "bin", "kl226.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, KL226_THREADS: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const checkout = (name: string): string => checkoutIn(root, name);

const builtAt = (dir: string): number => statSync(join(dir, "build", "cli", "main.cjs")).mtimeMs;

/** scripts/build-cli.js run in a checkout, as `npm run build` runs it first. */
const buildCliIn = (dir: string): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [join(dir, "scripts", "build-cli.js")], { cwd: dir, encoding: "utf8" });

test("a checkout without a build is built on first use, the build is reused, and rebuilt once a source is newer", () => {
  const dir = checkout("fresh");
  const first = kl226(dir, ["--help"]);
  expect(first.status).toBe(0);
  expect(first.stdout).toBe(mainHelpText());
  const at = builtAt(dir);
  expect(kl226(dir, ["--help"]).status).toBe(0);
  expect(builtAt(dir)).toBe(at);
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, "src", "core", "catalogue.ts"), later, later);
  expect(kl226(dir, ["validate", join(ROOT, "samples", "2026-6T", "SO_NOI_VU.xlsx")]).stdout).toContain(
    "HỢP LỆ",
  );
  expect(builtAt(dir)).toBeGreaterThan(at);
}, 120_000);

test("when the build cannot be written, the command still runs, from the TypeScript sources", () => {
  const dir = checkout("read-only");
  writeFileSync(join(dir, "build"), "a file where the build folder would go\n");
  const help = kl226(dir, ["--help"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toBe(mainHelpText());
  const r = kl226(dir, ["validate", "--json", join(ROOT, "samples", "2026-6T", "XA_NONG_CONG.xlsx")]);
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stdout)[0].findings.map((f: { code: string }) => f.code)).toContain("BAD_VALUE");
}, 120_000);

test("when neither the build nor tsx's temporary folder can be written, the command says so in Vietnamese with exit 2, not a stack trace with exit 1", () => {
  const dir = checkout("no-tmp");
  writeFileSync(join(dir, "build"), "a file where the build folder would go\n");
  const sample = join(ROOT, "samples", "2026-6T", "SO_NOI_VU.xlsx");
  const r = spawnSync(process.execPath, [join(dir, "bin", "kl226.js"), "validate", sample], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, KL226_THREADS: "", TMPDIR: join(dir, "build", "no-such-folder") },
  });
  // Exit 1 would read, to a script, as "checked, some files invalid".
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^kl226: không chạy được lệnh\./);
  expect(r.stderr).toContain("npm run build:cli");
  expect(r.stderr).toContain("TMPDIR");
  expect(r.stderr).not.toMatch(/\n\s+at /);
}, 120_000);

test("the built command writes the same summary and JSON bytes as the TypeScript sources", async () => {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.js")], { cwd: ROOT });
  const inputs = [join(ROOT, "samples", "2026-6T"), "--roster", join(ROOT, "samples", "roster.csv")];
  const built = kl226(ROOT, [
    "consolidate",
    ...inputs,
    "--out",
    join(root, "built.xlsx"),
    "--json",
    join(root, "built.json"),
  ]);
  const io: Io & { stdout: string } = {
    stdout: "",
    isErrTty: false,
    out: (t) => void (io.stdout += t),
    err: () => undefined,
  };
  const code = await main(
    ["consolidate", ...inputs, "--out", join(root, "sources.xlsx"), "--json", join(root, "sources.json")],
    io,
  );
  expect(built.status).toBe(code);
  expect(readFileSync(join(root, "built.xlsx")).equals(readFileSync(join(root, "sources.xlsx")))).toBe(true);
  expect(readFileSync(join(root, "built.json"), "utf8")).toBe(
    readFileSync(join(root, "sources.json"), "utf8"),
  );
  expect(built.stdout.replaceAll("built.", "sources.")).toBe(io.stdout);
}, 120_000);

test("build/cli/kl226.cjs run directly is the command, as bin/kl226.js runs it", () => {
  // It loaded, printed nothing and ended with exit 0: a script calling it read success.
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.js")], { cwd: ROOT });
  const built = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "build", "cli", "kl226.cjs"), ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, KL226_THREADS: "" },
    });
  const sample = join(root, "SO_A.xlsx");
  writeFileSync(sample, reportBytes({ unit: "SO_A", name: "Sở A" }));
  const valid = built("validate", sample);
  expect(valid.status).toBe(0);
  expect(valid.stdout).toContain(`✓ HỢP LỆ: ${sample} — SO_A (Sở A)`);
  const usage = built("consolidate");
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain("Cần ít nhất một tệp .xlsx hoặc thư mục chứa báo cáo");
}, 120_000);

test("the built commands are ASCII (quicker to read at every start), and escaping what esbuild leaves keeps its meaning", () => {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.js")], { cwd: ROOT });
  for (const file of ["kl226.cjs", "main.cjs", "inspect-worker.cjs"]) {
    const nonAscii = readFileSync(join(ROOT, "build", "cli", file)).findIndex((b) => b > 0x7f);
    expect({ file, nonAscii }).toEqual({ file, nonAscii: -1 });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { asciiOnly } = require("../../scripts/build-cli.js") as { asciiOnly: (code: string) => string };
  const code = [
    "// chú thích",
    'const a = "Đạt".replace(/đ/gi, "d");',
    "const b = /[à-ỹ]+/u.test(`Tổng`) ? 1 / 2 : 0;",
    "const c = String.raw`đ`;",
    "const d = /\\đ/.test(`đ`);",
    "/* Hội nghị */ module.exports = { a, b, c, d };",
  ].join("\n");
  const escaped = asciiOnly(code);
  expect(escaped).toContain("// ch\\u00fa th\\u00edch");
  expect(escaped).toContain("/\\u0111/gi");
  expect(escaped).toContain("/[\\u00e0-\\u1ef9]+/u");
  expect(escaped).toContain("String.raw`đ`"); // a raw template's text would change
  expect(escaped).toContain("/\\đ/"); // \đ is an identity escape; \\u0111 would not be
  const run = (source: string): unknown => {
    const mod = { exports: {} };
    runInNewContext(source, { module: mod });
    return mod.exports;
  };
  expect(run(escaped)).toEqual(run(code));
  expect(run(code)).toEqual({ a: "dạt", b: 0.5, c: "đ", d: true });
});

describe("a province's own profile copied into profiles/ is known by name (SPEC §8, §10)", () => {
  const quangTri = {
    name: "Kế hoạch thực hiện Kết luận 226 của UBND tỉnh Quảng Trị",
    targets: { ONLINE_RATIO: 0.7 },
    organisation: {
      sender: "Sở Nội vụ tỉnh Quảng Trị",
      senderHeading: "SỞ NỘI VỤ",
      abbreviation: "SNV",
      place: "Quảng Trị",
      superior: "UBND TỈNH QUẢNG TRỊ",
    },
    tasks: [{ content: "Rà soát quy chế làm việc", deadline: "Quý III/2026" }],
  };

  test("the command rebuilds itself and takes --profile quang-tri-226; the build lists it", () => {
    const dir = checkout("province");
    expect(kl226(dir, ["--help"]).status).toBe(0);
    writeFileSync(join(dir, "profiles", "quang-tri-226.json"), JSON.stringify(quangTri, null, 2));
    const r = kl226(dir, ["template", "--out", join(dir, "mau.xlsx"), "--profile", "quang-tri-226"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("hồ sơ: Kế hoạch thực hiện Kết luận 226 của UBND tỉnh Quảng Trị, 1 nhiệm vụ");
    expect(readFileSync(join(dir, "src", "core", "profiles-list.ts"), "utf8")).toContain(
      'import profile4 from "../../profiles/quang-tri-226.json";',
    );
    // A mistyped name lists it among the profiles there are.
    expect(
      kl226(dir, ["template", "--out", join(dir, "m2.xlsx"), "--profile", "quang-tri"]).stderr,
    ).toContain("Có phải là quang-tri-226?");
  }, 120_000);

  test("a province's profile there without tasks, made as the README says, is told so by name and as the default, as a file path is", () => {
    const dir = checkout("province-no-tasks");
    const { tasks: _tasks, ...noTasks } = quangTri;
    writeFileSync(join(dir, "profiles", "quang-tri-226.json"), JSON.stringify({ ...noTasks, default: true }));
    const told =
      "Lưu ý (quang-tri-226): Hồ sơ không ghi “tasks”: mẫu báo cáo và báo cáo kết quả dùng danh sách nhiệm vụ của Kế hoạch tỉnh Thanh Hóa (mặc định)";
    // The build says it too, beside its list of profiles (webpack prints the same after its first line).
    expect(buildCliIn(dir).stdout).toContain(`kl226: ${told}`);
    const byName = kl226(dir, ["template", "--out", join(dir, "a.xlsx"), "--profile", "quang-tri-226"]);
    expect(byName.status).toBe(0);
    expect(byName.stderr).toContain(told);
    const byDefault = kl226(dir, ["template", "--out", join(dir, "b.xlsx")]);
    expect(byDefault.stderr).toContain(told);
    const reports = join(dir, "bao-cao");
    mkdirSync(reports);
    writeFileSync(join(reports, "SO_A.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
    const run = kl226(dir, ["consolidate", reports, "--out", join(dir, "th.xlsx")]);
    expect(run.stderr.split(told).length - 1).toBe(1);
  }, 120_000);

  test("a profile there that is not JSON, or whose name has diacritics, stops the build saying where and what", () => {
    const dir = checkout("province-syntax");
    writeFileSync(
      join(dir, "profiles", "quang-tri-226.json"),
      '{\n  "tasks": [\n    { "content": "a" },\n  ]\n}\n',
    );
    const syntax = buildCliIn(dir);
    expect(syntax.status).toBe(1);
    const said =
      'kl226: profiles/quang-tri-226.json không phải JSON hợp lệ (dòng 3, cột 23: “{ "content": "a" },”): thừa dấu phẩy trước } hoặc ]. Sửa rồi chạy lại.\n';
    expect(syntax.stderr).toBe(said);
    // The command, which rebuilds itself, says the same and does nothing (it ran the sources with the
    // last list of profiles, and a JSON error came out as Node's English stack).
    const made = kl226(dir, ["template", "--out", join(dir, "mau.xlsx")]);
    expect([made.status, made.stdout, made.stderr]).toEqual([2, "", said]);
    rmSync(join(dir, "profiles", "quang-tri-226.json"));
    writeFileSync(join(dir, "profiles", "quảng trị.json"), JSON.stringify(quangTri));
    const named = buildCliIn(dir);
    expect(named.status).toBe(1);
    expect(named.stderr).toBe(
      "kl226: tên tệp hồ sơ chỉ gồm chữ không dấu, số và - _ . (ví dụ quang-tri-226.json): đổi tên profiles/quảng trị.json rồi chạy lại.\n",
    );
  }, 120_000);

  test("a profile Notepad saved as quang-tri-226.json.txt (Explorer shows quang-tri-226.json) stops the build and the command, saying to rename it", () => {
    const dir = checkout("province-notepad");
    writeFileSync(join(dir, "profiles", "quang-tri-226.json.txt"), JSON.stringify(quangTri, null, 2));
    const said =
      "kl226: profiles/quang-tri-226.json.txt là tệp văn bản .txt (Notepad thêm đuôi .txt khi lưu với kiểu tệp *.txt), không phải hồ sơ .json, nên không được đọc: đổi tên (trong cửa sổ lệnh: ren profiles\\quang-tri-226.json.txt quang-tri-226.json) rồi chạy lại.\n";
    const built = buildCliIn(dir);
    expect([built.status, built.stderr]).toEqual([1, said]);
    const made = kl226(dir, ["template", "--out", join(dir, "mau.xlsx"), "--profile", "quang-tri-226"]);
    expect([made.status, made.stderr]).toEqual([2, said]);
    // Saved with no extension typed, Notepad makes quang-tri-226.txt: the same, by its JSON inside.
    rmSync(join(dir, "profiles", "quang-tri-226.json.txt"));
    writeFileSync(join(dir, "profiles", "quang-tri-226.txt"), `\uFEFF${JSON.stringify(quangTri)}`);
    expect(buildCliIn(dir).stderr).toContain("ren profiles\\quang-tri-226.txt quang-tri-226.json");
    // A note kept beside the profiles is no profile and stops nothing.
    rmSync(join(dir, "profiles", "quang-tri-226.txt"));
    writeFileSync(join(dir, "profiles", "ghi-chu.txt"), "Hồ sơ của tỉnh: quang-tri-226.json");
    expect(buildCliIn(dir).status).toBe(0);
    // Nor a folder of notes named like one (it stopped the build with Node's own error).
    mkdirSync(join(dir, "profiles", "cu.txt"));
    const withFolder = buildCliIn(dir);
    expect([withFolder.status, withFolder.stderr]).toEqual([0, ""]);
  }, 120_000);

  // Session 41: a file there that may be a profile and cannot be read stopped the build with Node's own
  // error and stack ("EACCES: permission denied, open …"), or, a link to a file no longer there, was
  // passed over without a word.
  test("a profile there that is a link to a file no longer there stops the build and the command, naming it; a link to a profile is that profile", () => {
    const dir = checkout("province-link");
    symlinkSync(join(dir, "gone", "quang-tri-226.json"), join(dir, "profiles", "quang-tri-226.json"));
    const said =
      "kl226: không đọc được profiles/quang-tri-226.json (tệp là liên kết (symlink) tới một tệp không còn ở đó). Nếu đó là hồ sơ của tỉnh, hãy chép lại tệp vào thư mục profiles/ (hoặc cấp quyền đọc tệp cho tài khoản chạy lệnh); nếu không, chuyển tệp ra khỏi thư mục profiles/. Rồi chạy lại.\n";
    const built = buildCliIn(dir);
    expect([built.status, built.stderr]).toEqual([1, said]);
    const made = kl226(dir, ["template", "--out", join(dir, "mau.xlsx"), "--profile", "quang-tri-226"]);
    expect([made.status, made.stdout, made.stderr]).toEqual([2, "", said]);
    // The file back where the link points: the profile is known by its name.
    mkdirSync(join(dir, "gone"));
    writeFileSync(join(dir, "gone", "quang-tri-226.json"), JSON.stringify(quangTri));
    const linked = kl226(dir, ["template", "--out", join(dir, "mau.xlsx"), "--profile", "quang-tri-226"]);
    expect(linked.stderr).toBe("");
    expect(linked.stdout).toContain("hồ sơ: Kế hoạch thực hiện Kết luận 226 của UBND tỉnh Quảng Trị");
  }, 120_000);

  test("a link there to a folder, even one named .json, is no profile: the script says nothing and lists the profiles it did", () => {
    const dir = mkdtempSync(join(tmpdir(), "kl226-folder-link-"));
    try {
      for (const part of ["scripts/gen-profiles.js", "profiles", "src/core/profiles-list.ts"])
        cpSync(join(ROOT, part), join(dir, part), { recursive: true });
      mkdirSync(join(dir, "luu-tru"));
      symlinkSync(join(dir, "luu-tru"), join(dir, "profiles", "ban-cu.json"));
      const r = spawnSync(process.execPath, ["scripts/gen-profiles.js"], { cwd: dir, encoding: "utf8" });
      expect([r.status, r.stderr]).toEqual([0, ""]);
      expect(readFileSync(join(dir, "src/core/profiles-list.ts"), "utf8")).toBe(
        readFileSync(join(ROOT, "src/core/profiles-list.ts"), "utf8"),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Root reads a file of mode 000: as root the script is run as "nobody" (setpriv), so the test fails
  // for root too; without setpriv there is no unprivileged account to read as.
  const asRoot = process.getuid?.() === 0;
  const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
  const unprivileged = testUnless(
    !asRoot || (setpriv !== undefined && existsSync("/tmp"))
      ? undefined
      : "run as root without setpriv (or /tmp): no unprivileged account to read the profile as",
  );
  unprivileged(
    "a profile there the account cannot read (a .json or a .txt) stops the build saying which file and what to do, not Node's error",
    () => {
      // The script alone, in a folder "nobody" may enter (the tests' own temporary folder is closed to
      // other accounts): no build is needed to see what it says.
      const dir = mkdtempSync(join(asRoot ? "/tmp" : tmpdir(), "kl226-unreadable-"));
      try {
        chmodSync(dir, 0o755);
        for (const part of ["scripts/gen-profiles.js", "profiles", "src/core/profiles-list.ts"])
          cpSync(join(ROOT, part), join(dir, part), { recursive: true });
        const gen = (): SpawnSyncReturns<string> =>
          asRoot
            ? spawnSync(
                setpriv!,
                [
                  "--reuid=65534",
                  "--regid=65534",
                  "--clear-groups",
                  process.execPath,
                  "scripts/gen-profiles.js",
                ],
                { cwd: dir, encoding: "utf8" },
              )
            : spawnSync(process.execPath, ["scripts/gen-profiles.js"], { cwd: dir, encoding: "utf8" });
        const locked = (name: string, text: string): void => {
          writeFileSync(join(dir, "profiles", name), text);
          chmodSync(join(dir, "profiles", name), 0o000);
        };
        locked("quang-tri-226.json", JSON.stringify(quangTri));
        locked("ghi-chu.txt", "Hồ sơ của tỉnh: quang-tri-226.json");
        const r = gen();
        expect([r.status, r.stderr]).toEqual([
          1,
          "kl226: không đọc được profiles/ghi-chu.txt (tài khoản đang chạy lệnh không có quyền đọc tệp), profiles/quang-tri-226.json (tài khoản đang chạy lệnh không có quyền đọc tệp). Nếu đó là hồ sơ của tỉnh, hãy chép lại tệp vào thư mục profiles/ (hoặc cấp quyền đọc tệp cho tài khoản chạy lệnh); nếu không, chuyển tệp ra khỏi thư mục profiles/. Rồi chạy lại.\n",
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test('the province\'s profile marked "default" is what a template, a check and a consolidation use without --profile', () => {
    const dir = checkout("province-default");
    const own = {
      ...quangTri,
      default: true,
      counts: [{ code: "HSCV_TONG", label: "Tổng số hồ sơ công việc", unit: "hồ sơ", currentRequired: true }],
    };
    writeFileSync(join(dir, "profiles", "quang-tri-226.json"), JSON.stringify(own, null, 2));
    const made = kl226(dir, ["template", "--out", join(dir, "mau.xlsx")]);
    expect(made.stdout).toContain(
      "hồ sơ: Kế hoạch thực hiện Kết luận 226 của UBND tỉnh Quảng Trị, 1 nhiệm vụ",
    );
    // A report on the general template (no profile named in it) lacks the province's row.
    const report = join(dir, "SO_A.xlsx");
    writeFileSync(report, reportBytes({ unit: "SO_A", name: "Sở A" }));
    const checked = kl226(dir, ["validate", report]);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain("Không tìm thấy dòng có mã HSCV_TONG (Tổng số hồ sơ công việc)");
    // Two defaults is a build error.
    writeFileSync(
      join(dir, "profiles", "hcm-attp-226.json"),
      JSON.stringify({
        ...JSON.parse(readFileSync(join(ROOT, "profiles", "hcm-attp-226.json"), "utf8")),
        default: true,
      }),
    );
    const twice = buildCliIn(dir);
    expect(twice.status).toBe(1);
    const said =
      'profiles/: hcm-attp-226.json, quang-tri-226.json cùng ghi "default": true; chỉ một hồ sơ là mặc định của bản triển khai.';
    expect(twice.stderr).toContain(said);
    // Nor does the command go on with a default of its choosing (it made a template with the built-in
    // profile, exit 0), on this run or the next: the refused build is not one it runs.
    for (let run = 0; run < 2; run++) {
      const again = kl226(dir, ["template", "--out", join(dir, "mau2.xlsx")]);
      expect(again.status).toBe(2);
      expect(again.stdout).toBe("");
      expect(again.stderr).toContain(said);
    }
  }, 120_000);

  test("a profile there that does not parse stops the build with its errors", () => {
    const dir = checkout("province-bad");
    writeFileSync(
      join(dir, "profiles", "quang-tri-226.json"),
      JSON.stringify({ ...quangTri, organisation: { sender: "Sở Nội vụ tỉnh Quảng Trị" } }),
    );
    const r = buildCliIn(dir);
    expect(r.status).toBe(1);
    const said =
      "kl226: hồ sơ không hợp lệ trong thư mục profiles/ (sửa rồi chạy lại):\nprofiles/quang-tri-226.json:\n  organisation: thiếu senderHeading, abbreviation, place, superior.";
    expect(r.stderr).toContain(said);
    // The command says the same, not "Lỗi nội bộ … Hãy báo lỗi" for the officer's own typo.
    const checked = kl226(dir, ["validate", join(ROOT, "samples", "2026-6T", "SO_NOI_VU.xlsx")]);
    expect(checked.status).toBe(2);
    expect(checked.stderr).toContain(said);
    expect(checked.stderr).not.toContain("Lỗi nội bộ");
    // Any webpack build, not only `npm run build` (a plain `npx webpack --output-path …` skipped npm's
    // prebuild step and shipped the profiles of an earlier build): its configuration stops first, no stack.
    cpSync(join(ROOT, "webpack.config.js"), join(dir, "webpack.config.js"));
    const webpack = spawnSync(
      process.execPath,
      ["-e", "require('./webpack.config.js')({}, { mode: 'production' })"],
      { cwd: dir, encoding: "utf8" },
    );
    expect(webpack.status).toBe(1);
    expect(webpack.stderr).toContain(said);
    expect(webpack.stderr).not.toContain("    at ");
  }, 120_000);
});

test("src/core/profiles-list.ts lists exactly the files in profiles/ (scripts/gen-profiles.js was run)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { listText, profileNames } = require("../../scripts/gen-profiles.js") as {
    listText: (names: string[]) => string;
    profileNames: () => string[];
  };
  expect(profileNames()).toEqual([
    "dong-nai-skhcn-226",
    "dong-thap-syt-226",
    "hcm-attp-226",
    "hcm-attp-cchc-2025",
    "thanh-hoa-226",
  ]);
  expect(readFileSync(join(ROOT, "src", "core", "profiles-list.ts"), "utf8")).toBe(listText(profileNames()));
});

test("npm pack takes the command, its sources, profiles and samples, never a province's files left in the checkout", () => {
  // What the README's examples leave at the top of a checkout: reports, a roster, summaries, letters.
  const dir = checkout("pack");
  for (const part of ["README.md", "samples", "tsconfig.json"])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  for (const f of ["tong-hop.xlsx", "tong-hop.json", "danh-sach.csv", "bao-cao.docx", "mau.xlsx"])
    writeFileSync(join(dir, f), "x");
  for (const folder of ["bao-cao", "thu-nhac", "out"]) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, "SO_TU_PHAP.xlsx"), "x");
  }
  // … and inside the folders the package takes: a summary in src/, letters in bin/, outputs in profiles/.
  for (const folder of ["src/tmp", "bin/thu", "profiles/thu"]) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, "SO_TU_PHAP.docx"), "x");
  }
  for (const f of ["src/th.xlsx", "src/tmp/th.json", "profiles/th.xlsx", "bin/danh-sach.csv"])
    writeFileSync(join(dir, f), "x");
  const npm = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(npm.status).toBe(0);
  const files = (JSON.parse(npm.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map(
    (f) => f.path,
  );
  const top = new Set(files.map((p) => p.split("/")[0]));
  expect([...top].sort()).toEqual([
    "README.md",
    "bin",
    "package.json",
    "profiles",
    "samples",
    "scripts",
    "src",
    "tsconfig.json",
  ]);
  expect(files).toContain("bin/kl226.js");
  expect(files).toContain("scripts/build-cli.js");
  expect(files).toContain("src/cli/entry.ts");
  expect(files).toContain("samples/2026-6T/SO_TU_PHAP.xlsx");
  expect(files.filter((p) => /\.test\.tsx?$/.test(p))).toEqual([]);
  expect(
    files.filter(
      (p) =>
        /\.(docx|csv|json)$/.test(p) &&
        !/^(profiles\/[^/]+\.json|package\.json|tsconfig\.json|samples\/.*roster\.csv)$/.test(p),
    ),
  ).toEqual([]);
  expect(files.filter((p) => /th\.xlsx$/.test(p))).toEqual([]);
});

test("npm pack stops, naming them, when files of the province's lie among the samples (a report, a summary saved there)", () => {
  const dir = checkout("pack-git");
  cpSync(join(ROOT, "samples"), join(dir, "samples"), { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "-q");
  git("add", "samples");
  const check = () =>
    spawnSync(process.execPath, [join(dir, "scripts", "check-pack.js")], { cwd: dir, encoding: "utf8" });
  expect(check()).toMatchObject({ status: 0, stderr: "" });
  writeFileSync(join(dir, "samples", "2026-6T", "SO_NGOAI_VU.xlsx"), "x");
  writeFileSync(join(dir, "samples", "tong-hop-6T.xlsx"), "x");
  const refused = check();
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(
    "kl226: chưa đóng gói: thư mục samples/ có 2 tệp không thuộc bộ mẫu (sẽ bị đóng gói cùng bộ mẫu): samples/2026-6T/SO_NGOAI_VU.xlsx, samples/tong-hop-6T.xlsx.",
  );
});
