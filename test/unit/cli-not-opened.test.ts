// A report the analyst's own account may not read (a file or a sub-folder copied from another user's
// share without read permission): listed as rejected with what to do on this machine, never a
// "returned" report with a letter asking the unit to mend a file nobody read (a tester's letter did).
// Permissions bind only a user other than root: as root the command runs as "nobody" (uid 65534).

import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { testUnless } from "../helpers/conditions";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin", "kl226.js");
const SAMPLES = join(ROOT, "samples", "2026-6T");
const ROSTER = join(ROOT, "samples", "roster.csv");
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
/** As "nobody", with a temporary folder it may write to (the test run's own is its user's alone). */
const AS_NOBODY = { uid: NOBODY, gid: NOBODY, env: { ...process.env, TMPDIR: "/tmp" } };
// Run once as ourselves first: a build older than the sources is made again, where "nobody" may not write.
if (asRoot) spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT });
/** Whether "nobody" can run this checkout's command (its files readable by others). */
const nobodyRuns =
  asRoot && spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT, ...AS_NOBODY }).status === 0;
// Under /tmp itself: the test run's own temporary folder is its user's alone, which "nobody" cannot enter.
const dir = mkdtempSync(join(process.platform === "linux" ? "/tmp" : tmpdir(), "kl226-not-opened-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

testUnless(
  process.platform !== "linux"
    ? "read permissions are set and checked as on Linux"
    : asRoot && !nobodyRuns
      ? "run as root and user nobody cannot run this checkout"
      : undefined,
)(
  "a file and a folder without read permission are rejected as this machine's problem; no letter returns them",
  () => {
    chmodSync(dir, 0o777);
    const inbox = join(dir, "inbox");
    cpSync(SAMPLES, inbox, { recursive: true });
    const sent = readdirSync(inbox).filter((f) => f.endsWith(".xlsx"));
    const locked = sent.find((f) => f.startsWith("SO_TAI_CHINH"))!;
    const letters = join(dir, "thu");
    mkdirSync(letters);
    chmodSync(letters, 0o777);
    const run = () =>
      spawnSync(
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
        { cwd: ROOT, encoding: "utf8", ...(asRoot ? AS_NOBODY : {}) },
      );
    // Last week's run, every file read: its letters stay as they are while a file cannot be read now.
    expect(run().status).toBe(1);
    const before = readdirSync(letters).map((f) => [f, readFileSync(join(letters, f)).toString("base64")]);
    expect(before.length).toBeGreaterThan(10);
    chmodSync(join(inbox, locked), 0o000);
    const folder = join(inbox, "Email xa Dong Son");
    mkdirSync(folder);
    cpSync(
      join(
        inbox,
        sent.find((f) => !f.startsWith("SO_TAI_CHINH"))!,
      ),
      join(folder, "bao-cao.xlsx"),
    );
    chmodSync(folder, 0o000);
    const r = run();
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `${locked}: Máy này không mở được tệp: tài khoản đang chạy KL226 không có quyền đọc tệp này (của người dùng khác, hoặc bị chặn quyền). Đây không phải lỗi của tệp đơn vị gửi; không trả lại báo cáo vì lý do này: hãy cấp quyền đọc tệp (hoặc chép tệp sang thư mục của mình) rồi chạy lại.`,
    );
    expect(r.stdout).toContain(
      "Email xa Dong Son: Máy này không mở được thư mục: tài khoản đang chạy KL226 không có quyền đọc thư mục này (của người dùng khác, hoặc bị chặn quyền); các tệp bên trong chưa được đọc.",
    );
    // Sở Tài chính is not "returned" for a file nobody read, and gets no letter; the note beside the
    // missing units says why.
    expect(r.stdout).not.toMatch(/Bị trả lại:.*SO_TAI_CHINH/);
    expect(r.stdout).toMatch(/Chưa nộp: 6 đơn vị chưa gửi tệp nào:(\n {2}.*)*Sở Tài chính \(SO_TAI_CHINH\)/);
    // No letter at all until every file is read: any of them may be a unit's report or its resend.
    expect(r.stdout).toContain(
      // Each named: the analyst knows which to open first.
      `Thư nhắc: Chưa lập thư nhắc nào: chưa đọc được nội dung của “Email xa Dong Son”, “${locked}” (chưa mở được trên máy này, hoặc tệp nén chưa giải nén), có thể là báo cáo hay bản gửi lại của bất kỳ đơn vị nào (nên thư nào cũng có thể sai). Sau khi mở được hoặc giải nén (tệp nén đã giải nén thì chuyển ra khỏi các tệp tổng hợp), hãy tổng hợp lại.`,
    );
    expect(r.stdout).toContain(
      `Thư của lần chạy trước trong ${letters} (nếu có) được giữ nguyên, chưa cập nhật.`,
    );
    // No document was written, so nothing is said of the date it would have carried.
    expect(r.stdout).not.toContain("Lưu ý: văn bản đề ngày");
    expect(readdirSync(letters).map((f) => [f, readFileSync(join(letters, f)).toString("base64")])).toEqual(
      before,
    );
    // A report named inside that folder (a shell's path): there, but not to be opened — not "not found".
    const inside = spawnSync(process.execPath, [BIN, "validate", join(folder, "bao-cao.xlsx")], {
      cwd: ROOT,
      encoding: "utf8",
      ...(asRoot ? AS_NOBODY : {}),
    });
    expect(inside.stdout).toContain(
      "Máy này không mở được tệp: tài khoản đang chạy KL226 không có quyền đọc tệp này",
    );
    expect(inside.stdout + inside.stderr).not.toMatch(/KHÔNG TÌM THẤY|Không tìm thấy/);
    expect(inside.status).toBe(1);
    // Counted apart, neither an error of a report nor a warning.
    expect(inside.stdout).toContain(
      "Tổng kết: 1 tệp — 0 hợp lệ, 0 không hợp lệ, 1 chưa mở được trên máy này; 0 lỗi, 0 cảnh báo.",
    );
    // The source is as it was (still unreadable, never touched).
    chmodSync(join(inbox, locked), 0o644);
    expect(readFileSync(join(inbox, locked)).equals(readFileSync(join(SAMPLES, locked)))).toBe(true);
    chmodSync(folder, 0o755);
  },
  120_000,
);
