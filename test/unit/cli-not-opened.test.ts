// A report the analyst's own account may not read (a file or a sub-folder copied from another user's
// share without read permission): listed as rejected with what to do on this machine, never a
// "returned" report with a letter asking the unit to mend a file nobody read (a tester's letter did).
// Permissions bind only a user other than root: as root the command runs as "nobody" (uid 65534).

import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin", "kl226.js");
const SAMPLES = join(ROOT, "samples", "2026-6T");
const ROSTER = join(ROOT, "samples", "roster.csv");
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
/** Whether "nobody" can run this checkout's command (its files readable by others). */
const nobodyRuns =
  asRoot &&
  spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT, uid: NOBODY, gid: NOBODY }).status === 0;
// Under /tmp itself: the test run's own temporary folder is its user's alone, which "nobody" cannot enter.
const dir = mkdtempSync(join(process.platform === "linux" ? "/tmp" : tmpdir(), "kl226-not-opened-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

(process.platform === "linux" && (!asRoot || nobodyRuns) ? test : test.skip)(
  `a file and a folder without read permission are rejected as this machine's problem; no letter returns them${asRoot && !nobodyRuns ? " (skipped: run as root and user nobody cannot run this checkout)" : ""}`,
  () => {
    chmodSync(dir, 0o777);
    const inbox = join(dir, "inbox");
    cpSync(SAMPLES, inbox, { recursive: true });
    const sent = readdirSync(inbox).filter((f) => f.endsWith(".xlsx"));
    const locked = sent.find((f) => f.startsWith("SO_NOI_VU"))!;
    chmodSync(join(inbox, locked), 0o000);
    const folder = join(inbox, "Email xa Dong Son");
    mkdirSync(folder);
    cpSync(
      join(
        inbox,
        sent.find((f) => !f.startsWith("SO_NOI_VU"))!,
      ),
      join(folder, "bao-cao.xlsx"),
    );
    chmodSync(folder, 0o000);
    const letters = join(dir, "thu");
    mkdirSync(letters);
    chmodSync(letters, 0o777);
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        "consolidate",
        inbox,
        "--out",
        join(dir, "tong-hop.xlsx"),
        "--roster",
        ROSTER,
        "--letters",
        letters,
      ],
      { cwd: ROOT, encoding: "utf8", ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) },
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `${locked}: Máy này không mở được tệp: tài khoản đang chạy KL226 không có quyền đọc tệp này (của người dùng khác, hoặc bị chặn quyền). Đây không phải lỗi trong tệp đơn vị gửi, đừng trả lại báo cáo vì lý do này: hãy cấp quyền đọc tệp (hoặc chép tệp sang thư mục của mình) rồi chạy lại.`,
    );
    expect(r.stdout).toContain(
      "Email xa Dong Son: Máy này không mở được thư mục: tài khoản đang chạy KL226 không có quyền đọc thư mục này (của người dùng khác, hoặc bị chặn quyền); các tệp bên trong chưa được đọc.",
    );
    // Sở Nội vụ is not "returned" for a file nobody read, and gets no letter; the note beside the
    // missing units says why.
    expect(r.stdout).not.toMatch(/Bị trả lại:.*SO_NOI_VU/);
    expect(r.stdout).toMatch(/Chưa nộp: .*SO_NOI_VU/);
    expect(r.stdout).toContain("chưa viết thư nhắc cho đơn vị này");
    expect(existsSync(join(letters, "SO_NOI_VU.docx"))).toBe(false);
    // The source is as it was (still unreadable, never touched).
    chmodSync(join(inbox, locked), 0o644);
    expect(readFileSync(join(inbox, locked)).equals(readFileSync(join(SAMPLES, locked)))).toBe(true);
    chmodSync(folder, 0o755);
  },
  120_000,
);
