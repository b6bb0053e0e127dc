// A report still being copied into the folder (or downloaded, or saved) while the command reads it
// reads as cut short. That is this machine's moment, not the unit's file: it is not returned to the
// unit (no letter asks it to send again), and the analyst is told to run again once the copy is done.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { main } from "../../src/cli/main";
import * as readInputModule from "../../src/cli/read-input";
import { capture } from "../helpers/cli-io";
import { reportBytes } from "../helpers/report-builder";

const root = mkdtempSync(join(tmpdir(), "kl226-still-written-"));
const whole = reportBytes({ unit: "XA_C", name: "Xã C", type: "UBND_XA" });

function inbox(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "SO_A.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
  writeFileSync(join(dir, "XA_C.xlsx"), whole);
  return dir;
}

/** XA_C.xlsx read the first time as its first half: what a read in the middle of the copy gets; whole after. */
function readMidCopy(): jest.SpyInstance {
  const real = readInputModule.readInput;
  let copying = true;
  return jest.spyOn(readInputModule, "readInput").mockImplementation((file, max) => {
    const read = real(file, max);
    if (!file.endsWith("XA_C.xlsx") || !read.ok || !copying) return read;
    copying = false;
    const bytes = read.bytes.slice(0, read.bytes.length >> 1);
    return { ...read, bytes, sha256: readInputModule.sha256Hex(bytes) };
  });
}

afterEach(() => jest.restoreAllMocks());

test("a report that grew while it was read is 'not opened' (run again), not returned to its unit as cut short", async () => {
  const dir = inbox("grew");
  const roster = join(root, "ds.csv");
  writeFileSync(roster, "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;SO_NGANH\nXA_C;Xã C;UBND_XA\n");
  readMidCopy();
  const io = capture();
  const letters = join(root, "thu-grew");
  const args = [
    "consolidate",
    dir,
    "--out",
    join(root, "grew.xlsx"),
    "--roster",
    roster,
    "--letters",
    letters,
  ];
  expect(await main(args, io)).toBe(1);
  expect(io.stdout).toContain(
    `✗ ${join(dir, "XA_C.xlsx")}: Tệp đã thay đổi trong lúc KL226 đọc (đang được chép vào, tải xuống hay lưu), nên chưa đọc được trọn vẹn. Đây không phải lỗi của tệp đơn vị gửi; không trả lại báo cáo vì lý do này: đợi chép hay tải xong rồi chạy lại. [NOT_OPENED]`,
  );
  // Before: "Tệp bị cắt cụt hoặc hỏng … Hãy gửi lại tệp gốc", Xã C "Bị trả lại" and a letter asking it to send again.
  expect(io.stdout).not.toContain("cắt cụt");
  expect(io.stdout).not.toContain("Bị trả lại: 1");
  expect(io.stdout).toContain("chưa lập thư nhắc nào");
});

test("a file cut short that stays so (a download that stopped) is still the unit's to send again", async () => {
  const dir = inbox("stopped");
  writeFileSync(join(dir, "XA_C.xlsx"), whole.slice(0, whole.length >> 1));
  const io = capture();
  expect(await main(["validate", join(dir, "XA_C.xlsx")], io)).toBe(1);
  expect(io.stdout).toContain("Tệp bị cắt cụt hoặc hỏng");
  expect(io.stdout).toContain("Hãy gửi lại tệp gốc");
});

test("only a file that could not be read is read again: a report read whole is read once (issue 16)", async () => {
  const dir = inbox("once");
  const spy = readMidCopy();
  expect(await main(["consolidate", dir, "--out", join(root, "once.xlsx")], capture())).toBe(1);
  const reads = spy.mock.calls.map(([file]) => basename(file));
  expect(reads.filter((f) => f === "SO_A.xlsx")).toHaveLength(1);
  expect(reads.filter((f) => f === "XA_C.xlsx")).toHaveLength(2);
});

test("a file read cut short that cannot be opened when read again (moved away, still held) is 'not opened', with why, not the unit's to send again", async () => {
  const dir = inbox("moved");
  const real = readInputModule.readInput;
  let reads = 0;
  jest.spyOn(readInputModule, "readInput").mockImplementation((file, max) => {
    const read = real(file, max);
    if (!file.endsWith("XA_C.xlsx") || !read.ok) return read;
    if (++reads > 1)
      return {
        ok: false,
        file,
        sha256: "",
        message: readInputModule.notOpenedMessage("tệp", "ENOENT"),
        notOpened: true,
      };
    const bytes = read.bytes.slice(0, read.bytes.length >> 1);
    return { ...read, bytes, sha256: readInputModule.sha256Hex(bytes) };
  });
  const io = capture();
  expect(await main(["validate", dir], io)).toBe(1);
  expect(io.stdout).toContain(
    `✗ CHƯA MỞ ĐƯỢC (trên máy này; chưa kiểm tra nội dung): ${join(dir, "XA_C.xlsx")}`,
  );
  expect(io.stdout).toContain(
    "Lỗi · Máy này không mở được tệp: không tìm thấy tệp hoặc thư mục này. Đây không phải lỗi của tệp đơn vị gửi; không trả lại báo cáo vì lý do này: hãy kiểm tra lại trên máy rồi chạy lại. [NOT_OPENED]",
  );
  // Before: "Tệp bị cắt cụt hoặc hỏng … Hãy gửi lại tệp gốc" for a file no longer there.
  expect(io.stdout).not.toContain("cắt cụt");
});
