// What an output path names is kept (an automation engineer's cron lines): a link is followed and the
// file it names is written, a pipe or a device is written into instead of replaced by a file, a file
// written again keeps its permissions, and a file its owner made read-only is not replaced.

import { spawn, spawnSync } from "node:child_process";
import { strToU8, zipSync } from "fflate";
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { writeAtomic } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { describeUnless } from "../helpers/conditions";
import { reportBytes } from "../helpers/report-builder";

const root = mkdtempSync(join(tmpdir(), "kl226-targets-"));
const inbox = join(root, "in");
mkdirSync(inbox);
writeFileSync(join(inbox, "so-a.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
const out = join(root, "out");
mkdirSync(out);

const consolidate = async (...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  const io = capture();
  const code = await main(["consolidate", inbox, ...extra], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
};

const isRoot = process.getuid?.() === 0;
const BIN = join(__dirname, "..", "..", "bin", "kl226.js");

test("a link to this period's summary (latest.xlsx → 2026-6T.xlsx) stays a link, and the file it names is written", async () => {
  const dated = join(out, "2026-6T.xlsx");
  expect((await consolidate("--out", dated)).code).toBe(0);
  const before = statSync(dated).ino;
  symlinkSync("2026-6T.xlsx", join(out, "latest.xlsx"));
  symlinkSync("2026-6T.json", join(out, "latest.json")); // names no file yet
  const r = await consolidate("--out", join(out, "latest.xlsx"), "--json", join(out, "latest.json"));
  expect(r.code).toBe(0);
  expect(lstatSync(join(out, "latest.xlsx")).isSymbolicLink()).toBe(true);
  expect(readlinkSync(join(out, "latest.xlsx"))).toBe("2026-6T.xlsx");
  // Written anew (a new file renamed into place), not beside it as latest-moi.xlsx.
  expect(statSync(dated).ino).not.toBe(before);
  expect(readdirSync(out).filter((n) => n.includes("moi"))).toEqual([]);
  expect(lstatSync(join(out, "latest.json")).isSymbolicLink()).toBe(true);
  expect(JSON.parse(readFileSync(join(out, "2026-6T.json"), "utf8")).units).toHaveLength(1);
});

test("an output through a link to a unit's own file among the inputs is refused: the source is not written over", async () => {
  const source = join(inbox, "so-a.xlsx");
  const before = readFileSync(source);
  symlinkSync(source, join(out, "points-at-source.json"));
  const r = await consolidate("--out", join(out, "src.xlsx"), "--json", join(out, "points-at-source.json"));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("nên --json không được ghi đè lên nó (tệp nguồn không bao giờ bị ghi đè)");
  expect(readFileSync(source).equals(before)).toBe(true);
});

test("a pipe given as --json gets the JSON and stays a pipe (a FIFO, as `mkfifo` makes)", async () => {
  const fifo = join(out, "json.fifo");
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  const reader = spawn("cat", [fifo]);
  let got = "";
  reader.stdout.on("data", (d: Buffer) => void (got += d.toString("utf8")));
  const ended = new Promise((resolve) => reader.on("close", resolve));
  // A pipe replaced by a file leaves the reader waiting for a writer for ever: it is stopped, the test fails.
  const stop = setTimeout(() => reader.kill(), 15_000);
  expect((await consolidate("--out", join(out, "fifo.xlsx"), "--json", fifo)).code).toBe(0);
  await ended;
  clearTimeout(stop);
  expect(lstatSync(fifo).isFIFO()).toBe(true);
  expect(JSON.parse(got).units.map((u: { code: string }) => u.code)).toEqual(["SO_A"]);
});

test("--json /dev/null discards the JSON and leaves /dev/null a device", async () => {
  expect((await consolidate("--out", join(out, "null.xlsx"), "--json", "/dev/null")).code).toBe(0);
  expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  expect(readFileSync("/dev/null", "utf8")).toBe("");
});

test("--json /dev/stdout with the printout sent to a file: the JSON whole, then the summary, in that file", () => {
  const saved = join(out, "stdout.txt");
  const fd = openSync(saved, "w");
  try {
    const r = spawnSync(
      process.execPath,
      [BIN, "consolidate", inbox, "--out", join(out, "stdout.xlsx"), "--json", "/dev/stdout"],
      {
        stdio: ["ignore", fd, "pipe"],
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(saved, "utf8");
  // Opened anew, the file was cut to nothing and the summary printed after overwrote the JSON's start.
  const end = text.indexOf("\n}\n") + 3;
  expect(JSON.parse(text.slice(0, end)).units.map((u: { code: string }) => u.code)).toEqual(["SO_A"]);
  expect(text.slice(end)).toContain("Bảng tổng hợp:");
});

test("a summary kept private (600) is still private after the next run", async () => {
  const summary = join(out, "private.xlsx");
  expect((await consolidate("--out", summary)).code).toBe(0);
  chmodSync(summary, 0o600);
  expect((await consolidate("--out", summary)).code).toBe(0);
  expect(statSync(summary).mode & 0o777).toBe(0o600);
});

// What an account that is not root meets: run through setpriv as "nobody" when the tests run as root.
const NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
const asNobodySkip = ((): string | undefined => {
  if (!isRoot) return "the tests do not run as root, so cannot run the command as another account";
  const r = spawnSync(NOBODY[0]!, [...NOBODY.slice(1), process.execPath, BIN, "--version"], {
    encoding: "utf8",
  });
  return r.status === 0
    ? undefined
    : `the command cannot run as "nobody" here (setpriv: ${r.error?.message ?? r.stderr.trim()})`;
})();

// /proc/x.xlsx was taken, the whole run made, then "không tìm thấy tệp hoặc thư mục này"; /sys/x.xlsx
// "tệp đang mở trong chương trình khác … Hãy đóng tệp"; a folder that is a file "Hãy chọn đường dẫn
// khác" without saying which.
describeUnless(process.platform === "linux" ? undefined : "/proc and /sys are Linux's")(
  "an output in a place that takes no file",
  () => {
    const here = mkdtempSync(join(tmpdir(), "kl226-place-"));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, "consolidate", inbox, ...args], { cwd: here, encoding: "utf8" });

    test.each([
      ["/proc/tong-hop.xlsx", "--out", "/proc"],
      ["/sys/kernel/tong-hop.xlsx", "--out", "/sys/kernel"],
      ["/proc/moi/thu-nhac", "--letters", "/proc"],
    ])(
      "%s (%s) is refused before the run, saying it is Linux's system folder and what to type",
      (path, option, dir) => {
        const args = option === "--out" ? ["--out", path] : ["--out", "th.xlsx", "--letters", path];
        const r = run(...args);
        expect([r.status, r.stdout]).toEqual([2, ""]);
        expect(r.stderr).toBe(
          `Không ghi được ${path} (${option}): ${dir} thuộc thư mục hệ thống của Linux (/proc, /sys …: hệ điều hành trình bày thông tin của nó dưới dạng tệp), không lưu được tệp nào vào đó. Hãy ghi vào một thư mục của mình, ví dụ ${option} ${option === "--out" ? "tong-hop.xlsx" : "thu-nhac"} (ghi vào thư mục đang đứng); chưa có gì được ghi.\n`,
        );
        expect(readdirSync(here)).toEqual([]);
      },
    );

    test("--out under a file is refused saying the file is no folder, with the same name beside it to type", () => {
      writeFileSync(join(here, "ket-qua"), "một tệp");
      const r = run("--out", join(here, "ket-qua", "tong-hop.xlsx"));
      expect([r.status, r.stderr]).toEqual([
        2,
        `Không ghi được ${join(here, "ket-qua", "tong-hop.xlsx")} (--out): ${join(here, "ket-qua")} là một tệp, không phải thư mục, nên không chứa được tệp nào. Hãy gõ đường dẫn khác, ví dụ --out tong-hop.xlsx (ghi vào thư mục đang đứng); chưa có gì được ghi.\n`,
      ]);
      rmSync(join(here, "ket-qua"));
    });

    test("a summary the folder refuses when written (no file there before) is said as the folder's refusal, not 'close the file'", () => {
      // As root /sys passes access(); its write is refused (EACCES) as Windows refuses C:\Program Files.
      expect(() => writeAtomic("/sys/kernel/tong-hop.xlsx", "x")).toThrow(
        `Không ghi được /sys/kernel/tong-hop.xlsx: thư mục /sys/kernel không cho tạo tệp mới (tài khoản đang chạy KL226 không có quyền ghi vào đó, hoặc là thư mục hệ thống). Hãy chọn một thư mục của mình, ví dụ trong ${homedir()}; chưa có gì bị ghi dở.`,
      );
    });
  },
);

describeUnless(asNobodySkip)("as an account that is not root", () => {
  // Under /tmp itself: the tests' own temporary folder is root's alone (700), which "nobody" cannot enter.
  const dir = mkdtempSync("/tmp/kl226-nobody-");
  chmodSync(dir, 0o777);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const asNobody = (...args: string[]) =>
    spawnSync(NOBODY[0]!, [...NOBODY.slice(1), process.execPath, BIN, ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, KL226_THREADS: "" },
    });
  const samples = join(__dirname, "..", "..", "samples");
  const args = ["consolidate", join(samples, "2026-6T"), "--roster", join(samples, "roster.csv")];

  test("--json /dev/null discards the JSON (its folder, /dev, is not one to write in)", () => {
    const r = asNobody(...args, "--out", "a.xlsx", "--json", "/dev/null");
    expect([r.status, r.stderr]).toEqual([1, ""]); // 1: the samples hold rejected files
    expect(statSync(join(dir, "a.xlsx")).isFile()).toBe(true);
  });

  test("a JSON its owner made read-only is refused before anything is written, not after the summary", () => {
    writeFileSync(join(dir, "kept.json"), "last run's");
    chmodSync(join(dir, "kept.json"), 0o444);
    const r = asNobody(...args, "--out", "b.xlsx", "--json", "kept.json");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "Không ghi được kept.json (--json): tài khoản đang chạy KL226 không được ghi đè tệp này (tệp chỉ cho đọc, hoặc thuộc tài khoản khác). Hãy cho phép ghi tệp đó hoặc chuyển nó đi rồi chạy lại; chưa có gì được ghi.\n",
    );
    expect(readdirSync(dir).filter((n) => n.startsWith("b."))).toEqual([]);
    expect(readFileSync(join(dir, "kept.json"), "utf8")).toBe("last run's");
  });

  test("a summary the analyst edited and made read-only is kept, the new one written beside it (only a file to replace must be writable)", () => {
    expect(asNobody(...args, "--out", "e.xlsx").status).toBe(1);
    // Saved in Excel: its application is Excel's, no longer KL226's.
    const edited = zipSync({
      "docProps/app.xml": strToU8("<Properties><Application>Microsoft Excel</Application></Properties>"),
    });
    writeFileSync(join(dir, "e.xlsx"), edited);
    chmodSync(join(dir, "e.xlsx"), 0o444);
    const r = asNobody(...args, "--out", "e.xlsx");
    expect([r.status, r.stderr]).toEqual([
      1,
      "Lưu ý (e.xlsx): Giữ nguyên e.xlsx (đã được sửa và lưu sau khi KL226 ghi, hoặc không phải bảng tổng hợp của KL226); bảng tổng hợp mới ghi vào e-moi.xlsx: chép sang đó phần đã thêm nếu cần.\n",
    ]);
    expect(statSync(join(dir, "e-moi.xlsx")).isFile()).toBe(true);
  });

  test("a letter made read-only is refused before anything is written, not half-way through the letters", () => {
    expect(asNobody(...args, "--out", "c.xlsx", "--letters", "thu").status).toBe(1);
    const letter = join(dir, "thu", "BQL_DU_AN_DD_CN.docx");
    const before = readFileSync(letter);
    chmodSync(letter, 0o444);
    rmSync(join(dir, "c.xlsx"));
    const r = asNobody(...args, "--out", "c.xlsx", "--letters", "thu");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "Không ghi được thư nhắc thu/BQL_DU_AN_DD_CN.docx: tài khoản đang chạy KL226 không được ghi đè tệp này",
    );
    expect(readdirSync(dir)).not.toContain("c.xlsx");
    expect(readFileSync(letter).equals(before)).toBe(true);
  });

  test("--out in a read-only folder is refused before the run, with a folder it may write in to type", () => {
    mkdirSync(join(dir, "chi-doc"));
    chmodSync(join(dir, "chi-doc"), 0o555);
    const r = asNobody(...args, "--out", "chi-doc/d.xlsx");
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe(
      `Không ghi được chi-doc/d.xlsx (--out): không ghi được vào thư mục ${join(dir, "chi-doc")} — tài khoản đang chạy KL226 không có quyền với tệp hoặc thư mục này (thuộc tài khoản khác, bị chặn quyền, hoặc chỉ cho phép đọc trong khi KL226 cần ghi vào). Hãy chọn thư mục khác, ví dụ --out d.xlsx (ghi vào thư mục đang đứng); chưa có gì được ghi.\n`,
    );
  });
});

test("the letters of 700 units written twice into one folder: the joined file is replaced, not kept as edited beside a new one", async () => {
  // Every letter has its own header and footers: 700 letters in one file are over 2,000 parts, and the
  // check of who last saved it read no more than 2,000 (each re-run added tat-ca-thu-nhac-moi-N.docx).
  const roster = join(root, "roster-700.csv");
  const codes = Array.from({ length: 700 }, (_, i) => `XA_${String(i + 1).padStart(3, "0")}`);
  writeFileSync(
    roster,
    [
      "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
      'SO_A,Sở A,"Sở, ban, ngành"',
      ...codes.map((c) => `${c},Xã ${c},"UBND xã, phường"`),
    ].join("\n"),
  );
  const letters = join(out, "thu-nhac");
  for (const run of [1, 2]) {
    const r = await consolidate("--out", join(out, "letters.xlsx"), "--roster", roster, "--letters", letters);
    expect([run, r.code, r.stderr, r.stdout]).toEqual([run, 0, "", expect.not.stringContaining("-moi")]);
  }
  expect(readdirSync(letters).filter((n) => n.startsWith("tat-ca"))).toEqual(["tat-ca-thu-nhac.docx"]);
  expect(readdirSync(letters).filter((n) => n.endsWith(".docx"))).toHaveLength(701);
}, 120_000);

test("half a summary a killed run left beside it (.tong-hop.xlsx.PID.tmp) is removed by the next write there, not named as a hidden file ever after", async () => {
  const dir = join(root, "killed");
  mkdirSync(dir);
  // The id of a run that is over, and of one still running (this test's parent process).
  const over = spawnSync(process.execPath, ["-e", ""]).pid!;
  const left = {
    dead: `.tong-hop.xlsx.${over}.tmp`,
    deadJson: `.tong-hop.json.${over}.tmp`,
    running: `.tong-hop.xlsx.${process.ppid}.tmp`,
    // Files of that shape that are not ours: a user's own hidden file, one without a run's id.
    users: `.ghi-chu.txt.${over}.tmp`,
    noId: ".tong-hop.xlsx.tmp",
    // A run's file written a minute ago under an id this computer does not run: another computer's
    // run writing to the same shared folder, at work now.
    recent: `.tong-hop.docx.${over}.tmp`,
  };
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of Object.values(left)) {
    writeFileSync(join(dir, name), "PK\x03\x04 half");
    if (name !== left.recent) utimesSync(join(dir, name), hourAgo, hourAgo);
  }
  const r = await consolidate("--out", join(dir, "tong-hop.xlsx"));
  expect(r.code).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(
    [left.running, left.users, left.noId, left.recent, "tong-hop.xlsx"].sort(),
  );
});
