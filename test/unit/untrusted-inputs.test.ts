// What a province's security officer tried with files from units nobody vouches for (session 25):
// a device or a pipe among the reports, an output named as a file the run reads, control characters
// meant for the analyst's terminal, a link out of the folder, a name with a line break, two zip
// parts of one name, letters named as Windows devices. Each is refused or shown, never obeyed.

import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { inspectBytes } from "../../src/app/inspect";
import { PROFILES_DIR } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { terminalSafe } from "../../src/cli/terminal-safe";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { letterFileName } from "../../src/core/letters";
import { capture } from "../helpers/cli-io";
import { testUnless } from "../helpers/conditions";
import { rawZip } from "../helpers/raw-xlsx";
import { reportBytes } from "../helpers/report-builder";

const root = mkdtempSync(join(tmpdir(), "kl226-untrusted-"));
const REPORT = reportBytes({ unit: "SO_A", name: "Sở A" });

/** A fresh folder holding SO_A's report. */
function inbox(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "SO_A.xlsx"), REPORT);
  return dir;
}

describe("a device or a pipe among the reports is not read", () => {
  test("a link to /dev/zero and a named pipe: each a verdict of its own, at once, the report still checked", async () => {
    const dir = inbox("thiet-bi");
    symlinkSync("/dev/zero", join(dir, "XA_ZERO.xlsx"));
    execFileSync("mkfifo", [join(dir, "ong.xlsx")]);
    const io = capture();
    // Before: /dev/zero was read until memory ran out, and the pipe waited for a writer forever.
    expect(await main(["validate", dir], io)).toBe(1);
    expect(io.stdout).toContain("SO_A.xlsx");
    const notFile =
      "Không phải tệp thông thường (thiết bị, ống dẫn hay liên kết tới một thiết bị của hệ thống)";
    expect(io.stdout.split(notFile)).toHaveLength(3);
  }, 20_000);
});

describe("an output named as a file the run reads is refused before anything is written", () => {
  const dir = inbox("doc-ghi");
  const roster = join(root, "ds.csv");
  const rosterText = "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO_A,Sở A,SO_NGANH\n";
  writeFileSync(roster, rosterText);
  const profile = join(root, "ho-so.json");
  const profileText = JSON.stringify({ id: "thu", name: "Hồ sơ thử" });
  writeFileSync(profile, profileText);
  const previous = join(root, "nam-truoc.json");
  const previousText = JSON.stringify({ period: { kind: "6T", year: 2025 }, units: [] });
  writeFileSync(previous, previousText);

  test.each([
    ["--json onto the roster", ["--json", roster, "--roster", roster], roster, rosterText, "--roster"],
    ["--json onto the profile", ["--json", profile, "--profile", profile], profile, profileText, "--profile"],
    [
      "--json onto last year's JSON",
      ["--json", previous, "--previous", previous],
      previous,
      previousText,
      "--previous",
    ],
  ])("%s: exit 2, the file as it was", async (_what, args, file, text, option) => {
    const out = join(root, `${option.slice(2)}.xlsx`);
    const io = capture();
    expect(await main(["consolidate", dir, "--out", out, ...args], io)).toBe(2);
    expect(io.stderr).toContain(
      `--json ${file} trùng với tệp đầu vào mà lệnh đang đọc (${option} ${file}): tệp đầu vào không bao giờ bị ghi đè.`,
    );
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(existsSync(out)).toBe(false);
  });

  test("--json among the shipped profiles (onto one named by its name, or a new file there): refused, nothing written", async () => {
    // The next build would read the JSON as a profile; one that is none stops every command.
    const shipped = join(PROFILES_DIR, "thanh-hoa-226.json");
    const shippedText = readFileSync(shipped, "utf8");
    const beside = join(PROFILES_DIR, "ket-qua-6-thang.json");
    try {
      for (const [json, extra] of [
        [shipped, ["--profile", "thanh-hoa-226"]],
        [beside, []],
      ] as const) {
        const out = join(root, "ho-so-goc.xlsx");
        const io = capture();
        expect(await main(["consolidate", dir, "--out", out, "--json", json, ...extra], io)).toBe(2);
        expect(io.stderr).toContain(
          `--json ${json} nằm trong thư mục hồ sơ cấu hình của chương trình (${PROFILES_DIR}): mọi tệp .json ở đó được đọc như một hồ sơ`,
        );
        expect(existsSync(out)).toBe(false);
      }
      expect(readFileSync(shipped, "utf8")).toBe(shippedText);
      expect(existsSync(beside)).toBe(false);
    } finally {
      rmSync(beside, { force: true });
    }
  });

  test("--out onto last period's summary given to --previous: refused too", async () => {
    const first = join(root, "tong-hop-truoc.xlsx");
    expect(await main(["consolidate", dir, "--out", first], capture())).toBe(0);
    const before = readFileSync(first);
    const io = capture();
    expect(await main(["consolidate", dir, "--out", first, "--previous", first], io)).toBe(2);
    expect(io.stderr).toContain(
      `--out ${first} trùng với tệp đầu vào mà lệnh đang đọc (--previous ${first})`,
    );
    expect(readFileSync(first).equals(before)).toBe(true);
  });
});

describe("control characters from the files are shown on a terminal, not obeyed", () => {
  test("escape, bell, a carriage return inside a line and a right-to-left override become visible stand-ins", () => {
    expect(terminalSafe("Sở A\u001b]0;PWNED\u0007\u001b[2J")).toBe("Sở A␛]0;PWNED␇␛[2J");
    expect(terminalSafe("✗ KHÔNG HỢP LỆ\r✓ HỢP LỆ\n")).toBe("✗ KHÔNG HỢP LỆ␍✓ HỢP LỆ\n");
    expect(terminalSafe("XA_\u202eslx.exe\u009b")).toBe("XA_\ufffdslx.exe\ufffd");
    // Line breaks, tabs, Vietnamese and the progress bar's leading return are kept.
    expect(terminalSafe("\r[####] 3/4 tệp\tđã đọc\n")).toBe("\r[####] 3/4 tệp\tđã đọc\n");
  });

  // `script` gives the command a terminal, as an analyst's is; a pipe gets the text as is.
  const script = spawnSync("script", ["--version"]).status === 0;
  testUnless(script ? undefined : "script(1) is not installed here (util-linux)")(
    "the installed command on a terminal (script(1)): a file name's escape sequence printed as ␛[2J",
    () => {
      const dir = inbox("dau-cuoi");
      // A file name given on the command line is printed as given: on a terminal its ESC is shown.
      const named = join(dir, "SO_B\u001b[2J\u001b]0;X\u0007.xlsx");
      writeFileSync(named, reportBytes({ unit: "SO_B", name: "Sở B" }));
      const bin = join(__dirname, "..", "..", "bin", "kl226.js");
      const r = spawnSync("script", ["-qec", `${process.execPath} ${bin} validate '${named}'`, "/dev/null"], {
        encoding: "utf8",
        env: { ...process.env, NODE_OPTIONS: "" },
        timeout: 60_000,
      });
      expect(r.stdout).not.toContain("\u001b[2J");
      expect(r.stdout).not.toContain("\u001b]0;");
      expect(r.stdout).toContain("␛[2J");
    },
    90_000,
  );
});

describe("what a folder scan does not read, said", () => {
  test("a link to a folder holding the one given (up to /) or to /proc is not followed; a share linked in is read", async () => {
    const share = inbox("chia-se");
    writeFileSync(join(share, "SO_X.xlsx"), reportBytes({ unit: "SO_X", name: "Sở X" }));
    const dir = inbox("lien-ket");
    symlinkSync(share, join(dir, "chia-se"));
    symlinkSync("/", join(dir, "goc"));
    symlinkSync(root, join(dir, "cha"));
    symlinkSync("/proc/self", join(dir, "tien-trinh"));
    const io = capture();
    expect(await main(["validate", dir], io)).toBe(0);
    expect(io.stdout).toContain(join(dir, "chia-se", "SO_X.xlsx"));
    expect(io.stdout).toContain("Tổng kết: 3 tệp");
    // The share is read, and said: what a link brings in is not in the folder chosen.
    expect(io.stderr).toContain(
      `Đọc cả 1 thư mục nằm ngoài thư mục đã chọn, qua liên kết: ${join(dir, "chia-se")} → ${share}. Nếu không phải thư mục báo cáo, xóa liên kết rồi chạy lại.`,
    ); // its own SO_A, and the share's SO_A and SO_X
    expect(io.stderr).toContain(
      `Bỏ qua 3 liên kết tới thư mục chứa chính thư mục đã chọn hoặc thư mục của hệ thống (không đọc các tệp trong đó; nếu cần, chép các tệp báo cáo vào thư mục): ${["cha", "goc", "tien-trinh"].map((l) => join(dir, l)).join(", ")}.`,
    );
  });

  test("a file whose name holds a line break is not read, and named with the break shown as \\n", async () => {
    const dir = inbox("ten-la");
    writeFileSync(join(dir, "XA_E5\nFAKE: ✓ tất cả hợp lệ.xlsx"), REPORT);
    const io = capture();
    await main(["consolidate", dir, "--out", join(root, "ten-la.xlsx")], io);
    expect(io.stdout).not.toContain("FAKE: ✓ tất cả hợp lệ.xlsx:");
    expect(io.stderr).toContain(
      'Bỏ qua 1 tệp có tên chứa ký tự xuống dòng hay ký tự điều khiển (đổi tên tệp rồi chạy lại): "XA_E5\\nFAKE: ✓ tất cả hợp lệ.xlsx".',
    );
  });
});

describe("files the options name are not read when they are not files", () => {
  test("--roster, --previous and --profile naming /dev/zero or a pipe: exit 2 at once, said in Vietnamese", async () => {
    const dir = inbox("tuy-chon");
    const pipe = join(root, "ong-ds.csv");
    execFileSync("mkfifo", [pipe]);
    const zero = join(root, "zero.json");
    symlinkSync("/dev/zero", zero);
    for (const args of [
      ["--roster", pipe],
      ["--previous", zero],
      ["--profile", zero],
    ]) {
      const io = capture();
      expect(await main(["consolidate", dir, "--out", join(root, "tuy-chon.xlsx"), ...args], io)).toBe(2);
      expect(io.stderr).toContain("không phải tệp thông thường");
    }
  }, 20_000);
});

test("a cell's line breaks never print a line of their own: quoted values are one line", async () => {
  const dir = inbox("xuong-dong");
  writeFileSync(
    join(dir, "XA_NL.xlsx"),
    reportBytes({ unit: "XA_NL", name: "Xã NL", email: "a\n✓ HỢP LỆ: XA_KHAC.xlsx — mọi thứ ổn\nb" }),
  );
  const io = capture();
  await main(["validate", dir], io);
  expect(io.stdout).not.toMatch(/^✓ HỢP LỆ: XA_KHAC/m);
  expect(io.stdout).toContain("“a ✓ HỢP LỆ: XA_KHAC.xlsx — mọi thứ ổn b”");
});

test("two zip parts of one name (openpyxl and LibreOffice read the last, we read the first): the file is rejected", () => {
  const parts = Object.entries(unzipSync(REPORT)).map(([name, data]) => ({ name, data }));
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet2.xml")!;
  const r = inspectBytes(rawZip([...parts, sheet]), DEFAULT_PROFILE, undefined, { fileName: "SO_A.xlsx" });
  expect(r.valid).toBe(false);
  expect(r.findings[0]).toMatchObject({ code: "UNREADABLE" });
  expect(r.findings[0]?.message).toMatch(/^Tệp \.xlsx bị hỏng/);
});

test("a letter's file name is never a Windows device, a hidden file or an option", () => {
  expect(
    ["CON", "nul", "COM1", "LPT9.X", "AUX", ".HIDDEN", "-RF", "--OUT", ".."].map(letterFileName),
  ).toEqual([
    "_CON.docx",
    "_nul.docx",
    "_COM1.docx",
    "_LPT9.X.docx",
    "_AUX.docx",
    "_.HIDDEN.docx",
    "_-RF.docx",
    "_--OUT.docx",
    "_...docx",
  ]);
  // Ordinary codes are left alone (CONG_AN is not CON).
  expect(["CONG_AN", "XA_NUL", "COM10", "SO_A"].map(letterFileName)).toEqual([
    "CONG_AN.docx",
    "XA_NUL.docx",
    "COM10.docx",
    "SO_A.docx",
  ]);
});
