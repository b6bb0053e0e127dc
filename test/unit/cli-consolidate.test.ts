// kl226 consolidate and kl226 demo end to end on temp files (SPEC §5–§6): exit codes, outputs,
// sources untouched, identical cells on a re-run, usage errors, roster problems, locked targets.

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { sha256Hex } from "../../src/cli/io";
import { cchcUnit, reportBytes } from "../helpers/report-builder";
import { shippedProfile } from "../../src/core/profiles";
import { FOLDER_LOCK_UNAVAILABLE, lockFolder, testUnless } from "../helpers/conditions";
import { capture } from "../helpers/cli-io";
import { docxParagraphs } from "../helpers/docx-text";
import { cp1258 } from "../helpers/cp1258";

const root = mkdtempSync(join(tmpdir(), "kl226-consolidate-"));
const inDir = join(root, "in");
mkdirSync(join(inDir, "xa"), { recursive: true });
const files: Record<string, Uint8Array> = {
  "so-a.xlsx": reportBytes({ unit: "SO_A", name: "Sở A" }),
  "so-b.xlsx": reportBytes({
    unit: "SO_B",
    name: "=1+1",
    counts: { HN_TONG: [100, 95] },
    reportDate: { year: 2026, month: 6, day: 9 },
  }),
  "so-b-cu.xlsx": reportBytes({
    unit: "SO_B",
    name: "Sở B (bản cũ)",
    reportDate: { year: 2026, month: 6, day: 1 },
  }),
  "xa/xa-c.xlsx": reportBytes({
    unit: "XA_C",
    name: "Xã C",
    type: "UBND_XA",
    counts: { HN_TONG: [10, "mười"] },
  }),
  "xa/xa-d-nam.xlsx": reportBytes({ unit: "XA_D", name: "Xã D", type: "UBND_XA", period: "NAM" }),
  "xa/~$xa-c.xlsx": new Uint8Array([1, 2, 3]),
};
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(inDir, name), bytes);
writeFileSync(join(inDir, "ghi-chu.txt"), "không phải báo cáo");
const rosterCsv = join(root, "ds.csv");
writeFileSync(
  rosterCsv,
  "\uFEFFMA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;Sở, ban, ngành\nXA_C;Xã C;UBND xã, phường\nXA_E;Xã E;UBND xã, phường\n",
);

const hashes = (): Record<string, string> =>
  Object.fromEntries(
    Object.keys(files).map((f) => [f, sha256Hex(new Uint8Array(readFileSync(join(inDir, f))))]),
  );

async function cellValues(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: unknown[][] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row, r) => out.push([ws.name, r, JSON.stringify(row.values)])),
  );
  return out;
}

describe("kl226 consolidate", () => {
  const out = join(root, "out", "tong-hop.xlsx");
  const json = join(root, "out", "tong-hop.json");
  let first: { code: number; io: ReturnType<typeof capture> };
  const before = hashes();

  beforeAll(async () => {
    const io = capture();
    const code = await main(["consolidate", inDir, "--out", out, "--json", json, "--roster", rosterCsv], io);
    first = { code, io };
  });

  test("exit 1 when a file was rejected; the summary and JSON are still written", () => {
    expect(first.io.stderr).toBe("");
    expect(first.code).toBe(1);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.period).toEqual({ kind: "6T", year: 2026 });
    expect(report.units.map((u: { code: string }) => u.code)).toEqual(["SO_A", "SO_B"]);
    expect(report.units[1]).toMatchObject({
      name: "=1+1",
      file: join(inDir, "so-b.xlsx"),
      late: true,
      reportDate: "2026-06-09",
    });
    // SPEC §5: nothing silently dropped: the note beside the reports is rejected with what it is.
    expect(report.rejected.map((r: { file: string }) => r.file)).toEqual([
      join(inDir, "ghi-chu.txt"),
      join(inDir, "xa", "xa-c.xlsx"),
      join(inDir, "xa", "xa-d-nam.xlsx"),
    ]);
    expect(report.rejected[0].findings[0].message).toMatch(
      /^Tệp là văn bản thuần \(\.txt\), không phải sổ tính Excel \(\.xlsx\)/,
    );
    expect(report.rejected[2].findings[0].code).toBe("PERIOD_MISMATCH");
    expect(report.duplicates).toEqual([
      {
        unit: "SO_B",
        kept: join(inDir, "so-b.xlsx"),
        dropped: join(inDir, "so-b-cu.xlsx"),
        conflict: false,
        message:
          "Đơn vị SO_B đã gửi báo cáo đề ngày sau: tệp so-b.xlsx đề ngày 09/06/2026, tệp này đề ngày 01/06/2026. Báo cáo đề ngày sau được dùng; tệp này không được tổng hợp. Nếu tệp này mới là bản đúng, hãy sửa Ngày báo cáo của nó hoặc bỏ tệp kia.",
      },
    ]);
    // SPEC §5: XA_C sent a file that was rejected: returned, not missing.
    expect(report.missing).toEqual(["XA_E"]);
    expect(report.returned).toEqual(["XA_C", "XA_D"]);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(["UNKNOWN_UNIT"]);
    expect(report.shortfalls).toEqual([
      { unit: "SO_B", indicator: "MEETING_REDUCTION", value: 0.05, target: 0.1, gap: 5 },
    ]);
    expect(report.units[0].sha256).toBe(before["so-a.xlsx"]);
  });

  test("a short Vietnamese summary on stdout", () => {
    const s = first.io.stdout;
    expect(s).toContain("Kỳ tổng hợp: 6 tháng đầu năm 2026");
    expect(s).toContain("Đã đọc 6 tệp: chấp nhận 2, từ chối 3, trùng đơn vị 1.");
    expect(s).toMatch(/xa-c\.xlsx: .*không phải là số/);
    expect(s).toContain("Chưa nộp: 1 đơn vị chưa gửi tệp nào: Xã E (XA_E).");
    expect(s).toContain(
      "Bị trả lại: 2 đơn vị đã gửi nhưng mọi tệp đều bị từ chối: Xã C (XA_C),\n  Xã D (XA_D).",
    );
    // so-b-cu.xlsx, left out for the later so-b.xlsx, was dated on time.
    expect(s).toContain(
      "Trễ hạn: 1 đơn vị (đã gửi đúng hạn, bản được dùng là bản gửi lại sau hạn):\n  =1+1 (SO_B).",
    );
    expect(s).toContain("Giảm hội nghị (≥ 10%): 1 chưa đạt");
    expect(s).toContain(`Bảng tổng hợp: ${out}`);
    expect(s).toContain(`Báo cáo JSON: ${json}`);
  });

  test("sources are never modified; no temporary files are left behind", () => {
    expect(hashes()).toEqual(before);
    expect(readdirSync(join(root, "out")).sort()).toEqual(["tong-hop.json", "tong-hop.xlsx"]);
  });

  test("the summary keeps a unit name beginning with = as a string", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Tổng hợp")!;
    const b7 = ws.getCell("B7");
    expect(ws.getCell("A7").value).toBe("SO_B");
    expect(b7.type).toBe(ExcelJS.ValueType.String);
    expect(b7.value).toBe("=1+1");
  });

  test("a re-run (also with the output inside the input folder, in another order) gives identical cell values", async () => {
    const io = capture();
    const again = join(root, "out", "lan-2.xlsx");
    const shuffled = [
      join(inDir, "xa"),
      join(inDir, "so-b.xlsx"),
      join(inDir, "ghi-chu.txt"),
      join(inDir, "so-b-cu.xlsx"),
      join(inDir, "so-a.xlsx"),
    ];
    expect(await main(["consolidate", ...shuffled, "--out", again, "--roster", rosterCsv], io)).toBe(1);
    const a = (await cellValues(out)).filter((r) => r[0] !== "Nguồn" && r[0] !== "Lỗi");
    const b = (await cellValues(again)).filter((r) => r[0] !== "Nguồn" && r[0] !== "Lỗi");
    expect(b).toEqual(a);
    // Same inputs given the same way: every sheet identical, including file names.
    const third = join(root, "out", "lan-3.xlsx");
    expect(await main(["consolidate", inDir, "--out", third, "--roster", rosterCsv], capture())).toBe(1);
    expect(await cellValues(third)).toEqual(await cellValues(out));
    // A summary written into the input folder is not read back as a report on the next run.
    const copy = join(root, "in-copy");
    cpSync(inDir, copy, { recursive: true });
    const inside = join(copy, "tong-hop.xlsx");
    const io4 = capture();
    expect(await main(["consolidate", copy, "--out", inside], io4)).toBe(1);
    expect(await main(["consolidate", copy, "--out", inside], io4)).toBe(1);
    expect(io4.stdout).not.toContain("tong-hop.xlsx: ");
  });

  test("exit 0 when every file is accepted; --period/--year chooses the period", async () => {
    const io = capture();
    const code = await main(
      [
        "consolidate",
        join(inDir, "xa", "xa-d-nam.xlsx"),
        "--period",
        "NAM",
        "--year",
        "2026",
        "--out",
        join(root, "nam.xlsx"),
      ],
      io,
    );
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toContain("Kỳ tổng hợp: Năm 2026 (theo tùy chọn");
    expect(io.stdout).toContain("Không có danh sách đơn vị");
  });

  test("a progress bar on stderr only when it is a terminal", async () => {
    const tty = capture(true);
    await main(["consolidate", inDir, "--out", join(root, "p.xlsx")], tty);
    expect(tty.stderr).toContain("\r[####################] 6/6 tệp");
    const pipe = capture(false);
    await main(["consolidate", inDir, "--out", join(root, "p.xlsx")], pipe);
    expect(pipe.stderr).toBe("");
  });
});

describe("kl226 consolidate: usage errors and unreadable inputs exit 2", () => {
  const run = async (...args: string[]) => {
    const io = capture();
    const code = await main(["consolidate", ...args], io);
    return { code, io };
  };
  const out = join(root, "u.xlsx");

  test.each([
    [["--period", "6T"], /^--period và --year phải dùng cùng nhau, ví dụ --period 6T --year 2026\./],
    [
      ["--year", "2027"],
      /^--period và --year phải dùng cùng nhau, ví dụ --period 6T --year 2027 \(kỳ theo biểu mẫu của hồ sơ: 6T, NAM, hoặc Q1–Q4 với báo cáo quý\)\./,
    ],
    [["--period", "QUY", "--year", "2026"], /^Tùy chọn --period không hợp lệ/],
    [["--period", "6T", "--year", "26"], /^Tùy chọn --year không hợp lệ/],
    // "-" wrote a file named "-": the JSON goes to a file, the screen has the command's own summary.
    [["--json", "-"], /^Tùy chọn --json không hợp lệ: cần tên tệp \.json \(kết quả JSON được ghi vào tệp/],
  ])("bad period and output options %j", async (extra, message) => {
    const { code, io } = await run(inDir, "--out", out, ...extra);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(message);
  });

  test("no inputs, no --out, a missing path, an unknown option", async () => {
    expect((await run("--out", out)).code).toBe(2);
    expect((await run(inDir)).io.stderr).toContain("cần --out");
    expect((await run(join(root, "khong-co"), "--out", out)).io.stderr).toContain("Không tìm thấy");
    expect((await run(inDir, "--out", out, "--xyz")).code).toBe(2);
  });

  test("an unreadable or invalid roster or profile", async () => {
    const missing = await run(inDir, "--out", out, "--roster", join(root, "khong-co.csv"));
    expect(missing.code).toBe(2);
    expect(missing.io.stderr).toContain("Không đọc được danh sách đơn vị");
    // A CSV saved under an .xlsx name: told so in words, not by a reader's code.
    const csvNamedXlsx = join(root, "ds-csv.xlsx");
    writeFileSync(csvNamedXlsx, "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;SO_NGANH\n");
    const renamed = await run(inDir, "--out", out, "--roster", csvNamedXlsx);
    expect(renamed.code).toBe(2);
    expect(renamed.io.stderr).toContain(
      `Không đọc được danh sách đơn vị ${csvNamedXlsx}: tệp là văn bản (CSV…) được đặt đuôi .xlsx; hãy đổi đuôi tệp thành .csv`,
    );
    expect(renamed.io.stderr).not.toContain("TEXT_FILE");
    // A Word document saved under a .csv name: what it may be, and what a roster is (as the page says).
    const wordNamedCsv = join(root, "ds-word.csv");
    writeFileSync(
      wordNamedCsv,
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }),
    );
    const word = await run(inDir, "--out", out, "--roster", wordNamedCsv);
    expect(word.code).toBe(2);
    expect(word.io.stderr).toContain(
      `Không đọc được danh sách đơn vị ${wordNamedCsv}: tệp không phải sổ tính Excel (có thể là văn bản Word đổi đuôi); danh sách đơn vị là tệp .csv (UTF-8) hoặc .xlsx`,
    );
    // Text that is no list, given as the roster: what it is, and what to do.
    const notLists: ReadonlyArray<readonly [string, string, string]> = [
      // A web page some program exported "to Excel" as .xls.
      [
        "ds-web.xls",
        "<html><body><table><tr><td>MA_DON_VI</td><td>TEN_DON_VI</td></tr></table></body></html>",
        "tệp .xls này thực chất là trang web (HTML) hoặc XML do một phần mềm xuất ra, không phải sổ tính hay CSV; hãy mở tệp trong Excel rồi lưu dạng “Sổ làm việc Excel (*.xlsx)”",
      ],
      // Excel's lock file beside the roster.
      [
        "~$danh-sach.xlsx",
        "\u0005Minh".padEnd(165, " "),
        "tệp “~$danh-sach.xlsx” là tệp khóa tạm Excel ghi khi tệp “danh-sach.xlsx” đang mở, không phải danh sách đơn vị; hãy chọn tệp “danh-sach.xlsx”.",
      ],
      // Last period's JSON.
      [
        "tong-hop-2025.json",
        '{\n  "period": { "kind": "NAM", "year": 2025 },\n  "units": []\n}\n',
        "tệp .json này là dữ liệu JSON (như dữ liệu tổng hợp .json do KL226 lập), không phải danh sách đơn vị.",
      ],
    ];
    for (const [name, text, said] of notLists) {
      const path = join(root, name);
      writeFileSync(path, text);
      const r = await run(inDir, "--out", out, "--roster", path);
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.io.stderr).toContain(`Không đọc được danh sách đơn vị ${path}: ${said}`);
    }
    const dup = join(root, "dup.csv");
    writeFileSync(
      dup,
      'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO_A,A,"Sở, ban, ngành"\nSO_A,A2,"Sở, ban, ngành"\n',
    );
    const d = await run(inDir, "--out", out, "--roster", dup);
    expect(d.code).toBe(2);
    expect(d.io.stderr).toMatch(/Dòng 3: mã đơn vị SO_A trùng với dòng 2/);
    // The same row pasted twice: taken once, said on the terminal with both lines; the run goes on.
    writeFileSync(
      dup,
      'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\r\r\nSO_A,A,"Sở, ban, ngành"\r\r\nSO_A,A,"Sở, ban, ngành"\r\r\n',
    );
    const twice = await run(inDir, "--out", out, "--roster", dup);
    // 1, not 2: the folder's own invalid reports; the list is no usage error now.
    expect(twice.code).toBe(1);
    expect(twice.io.stderr).toContain(
      `Danh sách đơn vị ${dup}: dòng 3 lặp lại y hệt dòng 2 (SO_A); KL226 chỉ tính một lần.`,
    );
    const latin1 = join(root, "latin1.csv");
    writeFileSync(latin1, Buffer.from([0x4d, 0x41, 0x0a, 0xe9, 0xff]));
    expect((await run(inDir, "--out", out, "--roster", latin1)).io.stderr).toContain("UTF-8");
    const profile = join(root, "p.json");
    writeFileSync(profile, "{ not json");
    expect((await run(inDir, "--out", out, "--profile", profile)).code).toBe(2);
  });

  test("a unit's report or a summary picked as the roster is told as what it is, not as a list missing its columns", async () => {
    const report = await run(inDir, "--out", out, "--roster", join(inDir, "so-a.xlsx"));
    expect(report.code).toBe(2);
    expect(report.io.stderr).toContain(
      "Tệp này là báo cáo của đơn vị SO_A theo mẫu KL226-BC/1, không phải danh sách đơn vị. Danh sách đơn vị là tệp .csv (UTF-8) hoặc .xlsx, mỗi dòng một đơn vị phải nộp báo cáo",
    );
    expect(report.io.stderr).not.toContain("thiếu cột");
    // The summary a run just wrote, taken for last period's list of units.
    expect((await run(join(inDir, "so-a.xlsx"), "--out", out)).code).toBe(0);
    const summary = await run(inDir, "--out", join(root, "th-2.xlsx"), "--roster", out);
    expect(summary.code).toBe(2);
    expect(summary.io.stderr).toContain("Tệp này là bảng tổng hợp do KL226 lập, không phải danh sách đơn vị");
    expect(summary.io.stderr).not.toContain("TOÀN TỈNH");
  });

  test("no letter needed: said so, and a letters folder not made is not named as if it were there", async () => {
    const dir = join(root, "thu-chua-co");
    const r = await run(join(inDir, "so-a.xlsx"), "--out", out, "--letters", dir);
    expect(r.io.stdout).toContain(`Thư nhắc: không có đơn vị nào cần nhắc (chưa tạo thư mục ${dir}).`);
  });

  test("an xlsx roster works", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("DS");
    ws.addRow(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"]);
    ws.addRow(["SO_A", "Sở A", "Sở, ban, ngành"]);
    const path = join(root, "ds.xlsx");
    await wb.xlsx.writeFile(path);
    const { code, io } = await run(join(inDir, "so-a.xlsx"), "--out", out, "--roster", path);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toContain("Chưa nộp: không có");
  });

  test("an output that is also an input is refused", async () => {
    const { code, io } = await run(join(inDir, "so-a.xlsx"), "--out", join(inDir, "so-a.xlsx"));
    expect(code).toBe(2);
    expect(io.stderr).toContain("vừa là tệp nguồn vừa là tệp kết quả");
  });

  testUnless(FOLDER_LOCK_UNAVAILABLE)(
    "a target that cannot be written: Vietnamese message, exit 2, nothing partial",
    async () => {
      const locked = join(root, "locked");
      mkdirSync(locked);
      if (!lockFolder(locked, true)) throw new Error(`cannot lock ${locked}, though the probe could`);
      try {
        const { code, io } = await run(join(inDir, "so-a.xlsx"), "--out", join(locked, "t.xlsx"));
        expect(code).toBe(2);
        expect(io.stderr).toContain("Không ghi được");
        expect(io.stderr).toMatch(/chưa có gì (được ghi|bị ghi dở)/);
      } finally {
        lockFolder(locked, false);
      }
      expect(readdirSync(locked)).toEqual([]);
    },
  );
});

describe("kl226 demo", () => {
  test("without --out-dir it writes into out/ of the folder it is run in, not the install's folder", async () => {
    const samples = join(root, "mau-cwd");
    mkdirSync(samples);
    writeFileSync(join(samples, "so-a.xlsx"), files["so-a.xlsx"]!);
    const here = join(root, "dang-dung");
    mkdirSync(here);
    const before = process.cwd();
    process.chdir(here);
    try {
      const io = capture();
      await main(["demo", "--samples", samples], io);
      expect(io.stdout).toContain(`Bảng tổng hợp: ${join(here, "out", "tong-hop.xlsx")}`);
      expect(existsSync(join(here, "out", "tong-hop.xlsx"))).toBe(true);
    } finally {
      process.chdir(before);
    }
  });
  test("consolidates a folder of one's own (with roster.csv) into the out folder; a rejected file is not called deliberate: exit 1", async () => {
    const samples = join(root, "samples");
    mkdirSync(samples);
    writeFileSync(join(samples, "so-a.xlsx"), files["so-a.xlsx"]!);
    writeFileSync(join(samples, "xa-c.xlsx"), files["xa/xa-c.xlsx"]!);
    writeFileSync(join(samples, "roster.csv"), readFileSync(rosterCsv));
    const outDir = join(root, "demo-out");
    const io = capture();
    const code = await main(["demo", "--samples", samples, "--out-dir", outDir], io);
    expect(io.stderr).toBe("");
    expect(code).toBe(1);
    expect(readdirSync(outDir).sort()).toEqual([
      "bao-cao.docx",
      "thu-nhac",
      "tong-hop.json",
      "tong-hop.xlsx",
    ]);
    expect(io.stdout).toContain(`báo cáo kết quả (Word) ${join(outDir, "bao-cao.docx")}`);
    expect(io.stdout).toContain(`Bảng tổng hợp: ${join(outDir, "tong-hop.xlsx")}`);
    expect(io.stdout).not.toContain("cố ý");
    expect(io.stdout).toContain("Có 1 tệp bị từ chối");
    const report = JSON.parse(readFileSync(join(outDir, "tong-hop.json"), "utf8"));
    expect(report.missing).toEqual(["XA_E"]);
    expect(report.returned).toEqual(["XA_C"]);
  });

  test("a missing or empty samples folder is a clear error that names it", async () => {
    const io = capture();
    const missing = join(root, "khong-co");
    expect(await main(["demo", "--samples", missing, "--out-dir", join(root, "x")], io)).toBe(2);
    expect(io.stderr).toContain(`Không tìm thấy thư mục ${missing} (--samples). Hãy kiểm tra lại đường dẫn`);
    const empty = join(root, "rong");
    mkdirSync(empty);
    const none = capture();
    expect(await main(["demo", "--samples", empty, "--out-dir", join(root, "x")], none)).toBe(2);
    expect(none.stderr).toContain(`Thư mục ${empty} không có tệp báo cáo nào.`);
    // Refused before it announces a consolidation it will not run.
    expect(none.stdout).toBe("");
    expect(existsSync(join(root, "x", "tong-hop.xlsx"))).toBe(false);
  });

  test("run from inside the samples folder without --out-dir (out/ there by default) is refused, the default named as such", async () => {
    const samples = join(root, "mau-mac-dinh");
    mkdirSync(samples);
    writeFileSync(join(samples, "so-a.xlsx"), files["so-a.xlsx"]!);
    const cwd = process.cwd();
    process.chdir(samples);
    try {
      const io = capture();
      expect(await main(["demo", "--samples", "."], io)).toBe(2);
      // "--samples ." named by its path: it said "nằm trong thư mục báo cáo . (--samples)" and "chọn thư mục ngoài .,".
      expect(io.stderr).toContain(
        `Thư mục kết quả ${join(samples, "out")} (mặc định: out/ trong thư mục đang đứng) nằm trong thư mục báo cáo ${samples} (--samples): bảng tổng hợp, thư nhắc và báo cáo gửi cấp trên ghi vào đó sẽ bị đọc như báo cáo của đơn vị ở lần tổng hợp sau. Hãy chọn thư mục ngoài ${samples}, ví dụ --out-dir ${join(root, "ket-qua")}; chưa có gì được ghi.`,
      );
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(samples)).toEqual(["so-a.xlsx"]);
  });

  test.each([
    ["a folder inside it", (samples: string) => join(samples, "ket-qua")],
    ["the folder itself", (samples: string) => samples],
    [
      "a new folder named through a link to it",
      (samples: string) => {
        symlinkSync(samples, `${samples}-lien-ket`);
        return join(`${samples}-lien-ket`, "ket-qua");
      },
    ],
  ])(
    "--out-dir inside the samples folder (%s) is refused before anything is written: the outputs would be read as reports next time",
    async (_, outDirOf) => {
      const samples = join(root, `mau-out-dir-${_.length}`);
      mkdirSync(samples);
      writeFileSync(join(samples, "so-a.xlsx"), files["so-a.xlsx"]!);
      const outDir = outDirOf(samples);
      const io = capture();
      expect(await main(["demo", "--samples", samples, "--out-dir", outDir], io)).toBe(2);
      expect(io.stderr).toContain(
        `Thư mục kết quả ${outDir} (--out-dir) nằm trong thư mục báo cáo ${samples} (--samples): bảng tổng hợp, thư nhắc và báo cáo gửi cấp trên ghi vào đó sẽ bị đọc như báo cáo của đơn vị ở lần tổng hợp sau. Hãy chọn thư mục ngoài ${samples}, ví dụ --out-dir ${join(root, "ket-qua")}; chưa có gì được ghi.`,
      );
      // Before: tong-hop.xlsx, tong-hop.json, bao-cao.docx and thu-nhac/ written among the samples.
      expect(readdirSync(samples)).toEqual(["so-a.xlsx"]);
      expect(io.stdout).toBe("");
    },
  );
});

test("two files of one unit with the same report date but different figures: the line says to ask the unit, exit 1", async () => {
  const dir = join(root, "cung-ngay");
  mkdirSync(dir);
  writeFileSync(
    join(dir, "so-a.xlsx"),
    reportBytes({ unit: "SO_A", name: "Sở A", counts: { HN_TONG: [100, 90] } }),
  );
  writeFileSync(
    join(dir, "so-a (1).xlsx"),
    reportBytes({ unit: "SO_A", name: "Sở A", counts: { HN_TONG: [100, 80] } }),
  );
  const io = capture();
  // Which file counted was decided by its name alone: a script running the command must notice.
  expect(await main(["consolidate", dir, "--out", join(root, "cung-ngay.xlsx")], io)).toBe(1);
  expect(io.stdout).toContain(
    `  = ${join(dir, "so-a.xlsx")}: đơn vị Sở A (SO_A), dùng tệp so-a (1).xlsx (cùng ngày báo cáo nhưng số liệu khác: hỏi lại đơn vị tệp nào đúng)\n`,
  );
  expect(existsSync(join(root, "cung-ngay.xlsx"))).toBe(true);
  // The same file sent twice (same figures) is no conflict: nothing to ask, exit 0.
  const same = join(root, "cung-ngay-giong");
  mkdirSync(same);
  const bytes = reportBytes({ unit: "SO_A", name: "Sở A", counts: { HN_TONG: [100, 90] } });
  writeFileSync(join(same, "so-a.xlsx"), bytes);
  writeFileSync(join(same, "so-a (1).xlsx"), bytes);
  expect(await main(["consolidate", same, "--out", join(root, "cung-ngay-giong.xlsx")], capture())).toBe(0);
});

test("a file named for another roster unit is said on the terminal, beside that unit's 'chưa nộp'", async () => {
  const dir = join(root, "ten-tep");
  mkdirSync(dir);
  writeFileSync(join(dir, "XA_AN_HOA.xlsx"), reportBytes({ unit: "XA_AN_HOA", name: "Xã An Hòa" }));
  writeFileSync(join(dir, "XA_HA_TRUNG.xlsx"), reportBytes({ unit: "XA_AN_HOA", name: "Xã An Hòa" }));
  const roster = join(root, "ten-tep.csv");
  writeFileSync(
    roster,
    "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nXA_AN_HOA,Xã An Hòa,UBND_XA\nXA_HA_TRUNG,Xã Hà Trung,UBND_XA\n",
  );
  const io = capture();
  await main(["consolidate", dir, "--roster", roster, "--out", join(root, "ten-tep.xlsx")], io);
  expect(io.stdout).toContain(
    `Cảnh báo: tên tệp là mã của một đơn vị khác trong danh sách (tệp chép mà chưa sửa mã?):\n  ! ${join(dir, "XA_HA_TRUNG.xlsx")}: Tên tệp XA_HA_TRUNG.xlsx là mã của XA_HA_TRUNG (Xã Hà Trung) trong danh sách đơn vị`,
  );
  // And beside the unit where it is listed as missing.
  expect(io.stdout).toContain(
    "Chưa nộp: 1 đơn vị chưa gửi tệp nào:\n  Xã Hà Trung (XA_HA_TRUNG; có tệp XA_HA_TRUNG.xlsx, nhưng tệp ghi mã XA_AN_HOA).\n",
  );
  expect(io.stdout).toContain(`dùng tệp XA_AN_HOA.xlsx`);
});

test("a report dated outside its period is named in the command's output, not only on the Lỗi sheet", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-date-"));
  writeFileSync(join(dir, "so-a.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
  writeFileSync(
    join(dir, "so-b.xlsx"),
    reportBytes({ unit: "SO_B", name: "Sở B", reportDate: { year: 2025, month: 12, day: 1 } }),
  );
  const io = capture();
  expect(await main(["consolidate", dir, "--out", join(dir, "th.xlsx")], io)).toBe(0);
  expect(io.stdout).toContain("Cảnh báo: ngày báo cáo cần xem lại (báo cáo vẫn được tổng hợp):");
  expect(io.stdout).toMatch(/ {2}! .*so-b\.xlsx: Ngày báo cáo 01\/12\/2025 ở trước năm của kỳ báo cáo/);
});

test("a returned file beside the unit's corrected one is said to need no mending, on the terminal and the Lỗi sheet", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-resent-"));
  writeFileSync(
    join(dir, "SO_A.xlsx"),
    reportBytes({ unit: "SO_A", name: "Sở A", counts: { HN_TONG: [100, -1] } }),
  );
  // Sent again dated the day it was sent, as the letters ask.
  writeFileSync(
    join(dir, "SO_A-sua.xlsx"),
    reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 6 } }),
  );
  writeFileSync(
    join(dir, "SO_B.xlsx"),
    reportBytes({ unit: "SO_B", name: "Sở B", counts: { HN_TONG: [100, -1] } }),
  );
  const io = capture();
  const out = join(dir, "th.xlsx");
  // SPEC §6: a rejected file still makes the exit code 1.
  expect(await main(["consolidate", dir, "--out", out], io)).toBe(1);
  expect(io.stdout).toContain(
    "Đã đọc 3 tệp: chấp nhận 1, từ chối 2 (1 tệp của đơn vị đã gửi lại tệp hợp lệ), trùng đơn vị 0.",
  );
  expect(io.stdout).toMatch(
    / {2}✗ .*SO_A\.xlsx: .*\[BAD_VALUE Chỉ tiêu!E5\] — đơn vị đã gửi tệp hợp lệ SO_A-sua\.xlsx, tệp này không cần sửa nữa\n/,
  );
  expect(io.stdout).toMatch(/ {2}✗ .*SO_B\.xlsx: .*\[BAD_VALUE Chỉ tiêu!E5\]\n/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const errors = wb.getWorksheet("Lỗi")!;
  expect(String(errors.getCell("A2").value)).toContain(
    "2 tệp bị từ chối (mỗi lỗi một dòng; sửa tất cả rồi gửi lại; 1 tệp trong số đó của đơn vị đã gửi tệp hợp lệ, không cần sửa nữa)",
  );
  const statuses = errors.getColumn(3).values.map(String);
  expect(statuses).toContain("Từ chối (đã có tệp hợp lệ)");
  expect(statuses).toContain("Từ chối");
  // Resent under the same date: which came later cannot be told, and is said so (not "không cần sửa nữa").
  writeFileSync(join(dir, "SO_A-sua.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
  const sameDay = capture();
  await main(["consolidate", dir, "--out", out], sameDay);
  expect(sameDay.stdout).toMatch(
    / {2}✗ .*SO_A\.xlsx: .*\[BAD_VALUE Chỉ tiêu!E5\] — đơn vị có tệp hợp lệ SO_A-sua\.xlsx cùng ngày báo cáo, đang được dùng; chưa rõ tệp nào gửi sau: nếu tệp này là bản sửa gửi sau, hỏi lại đơn vị/,
  );
});

test("a unit that sent again and was returned again: its earlier file is said to need no mending, as its letter says, not listed as one more to fix", async () => {
  // Xã Nga Sơn typed "hai mươi" on 05/06, then "20 cuộc" on 12/06: both returned; the letter asks
  // about the second only ("… gửi trước đó không cần sửa nữa"), so must the terminal and the Lỗi sheet.
  const dir = mkdtempSync(join(tmpdir(), "kl226-resent-returned-"));
  const nga = (day: number, current: string) =>
    reportBytes({
      unit: "XA_NGA_SON",
      name: "Xã Nga Sơn",
      type: "UBND_XA",
      reportDate: { year: 2026, month: 6, day },
      counts: { HN_TONG: [30, current] },
    });
  writeFileSync(join(dir, "Báo cáo - Xã Nga Sơn.xlsx"), nga(5, "hai mươi"));
  writeFileSync(join(dir, "Báo cáo - Xã Nga Sơn (1).xlsx"), nga(12, "20 cuộc"));
  writeFileSync(
    join(dir, "SO_B.xlsx"),
    reportBytes({ unit: "SO_B", name: "Sở B", counts: { HN_TONG: [100, -1] } }),
  );
  const io = capture();
  const out = join(dir, "th.xlsx");
  expect(await main(["consolidate", dir, "--out", out], io)).toBe(1);
  expect(io.stdout).toContain(
    "Đã đọc 3 tệp: chấp nhận 0, từ chối 3 (1 tệp đã có bản gửi sau cũng bị từ chối), trùng đơn vị 0.",
  );
  expect(io.stdout).toMatch(
    / {2}✗ .*Nga Sơn\.xlsx: .*“hai mươi”.*\[BAD_VALUE Chỉ tiêu!E5\][^\n]* — đơn vị đã gửi lại tệp Báo cáo - Xã Nga Sơn \(1\)\.xlsx \(cũng bị từ chối; thư nhắc nêu lỗi của tệp đó\), tệp này không cần sửa nữa\n/,
  );
  expect(io.stdout).toMatch(
    / {2}✗ .*Nga Sơn \(1\)\.xlsx: .*“20 cuộc”.*\[BAD_VALUE Chỉ tiêu!E5\]( \(và 1 lỗi khác\))?\n/,
  );
  expect(io.stdout).toMatch(/ {2}✗ .*SO_B\.xlsx: .*\[BAD_VALUE Chỉ tiêu!E5\]\n/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const errors = wb.getWorksheet("Lỗi")!;
  expect(String(errors.getCell("A2").value)).toContain(
    "3 tệp bị từ chối (mỗi lỗi một dòng; sửa tất cả rồi gửi lại; không cần sửa: 1 tệp đã có bản gửi sau cũng bị từ chối)",
  );
  // The summary's title line counts that file in the same words as the terminal and the Lỗi sheet.
  expect(String(wb.getWorksheet("Tổng hợp")!.getCell("A2").value)).toContain(
    "; từ chối 3 tệp (1 tệp đã có bản gửi sau cũng bị từ chối); ",
  );
  const rows = errors.getSheetValues().slice(4) as unknown[][];
  const status = (file: string) => rows.find((r) => String(r[1]).endsWith(file))?.[3];
  expect(status("Xã Nga Sơn.xlsx")).toBe("Từ chối (đã có bản gửi sau)");
  expect(status("Xã Nga Sơn (1).xlsx")).toBe("Từ chối");
  expect(status("SO_B.xlsx")).toBe("Từ chối");
  // The same broken file sent again unchanged: said identical, its errors not mended.
  writeFileSync(join(dir, "Báo cáo - Xã Nga Sơn (1).xlsx"), nga(5, "hai mươi"));
  const again = capture();
  await main(["consolidate", dir, "--out", out], again);
  expect(again.stdout).toMatch(
    /Nga Sơn\.xlsx: .*— tệp Báo cáo - Xã Nga Sơn \(1\)\.xlsx đơn vị gửi sau giống hệt tệp này: các lỗi chưa được sửa/,
  );
});

test("an old returned file sent again by mistake, byte for byte, is said to be that file again, not a possible correction to ask the unit about", async () => {
  // Xã Hoằng Hóa's first file had no Ngày báo cáo (returned); its corrected one was accepted; in week 3
  // the clerk sent the first file again under a new name. Each was "chưa rõ gửi trước hay sau: nếu
  // tệp này là bản sửa gửi sau, hỏi lại đơn vị", though the copy is the returned file itself.
  const dir = mkdtempSync(join(tmpdir(), "kl226-old-again-"));
  const first = reportBytes({ unit: "XA_HOANG_HOA", name: "Xã Hoằng Hóa", type: "UBND_XA" }, [
    { op: "set", sheet: "Thông tin", cell: "C10", value: null },
  ]);
  mkdirSync(join(dir, "tuan-1"));
  mkdirSync(join(dir, "tuan-3"));
  writeFileSync(join(dir, "tuan-1", "KL226_XA_HOANG_HOA.xlsx"), first);
  writeFileSync(
    join(dir, "tuan-1", "Hoang Hoa (da sua).xlsx"),
    reportBytes({
      unit: "XA_HOANG_HOA",
      name: "Xã Hoằng Hóa",
      type: "UBND_XA",
      reportDate: { year: 2026, month: 6, day: 12 },
    }),
  );
  writeFileSync(join(dir, "tuan-3", "Hoang Hoa (1).xlsx"), first);
  const io = capture();
  expect(await main(["consolidate", dir, "--out", join(dir, "th.xlsx")], io)).toBe(1);
  expect(io.stdout).toMatch(
    / {2}✗ .*tuan-3\/Hoang Hoa \(1\)\.xlsx: Chưa điền Ngày báo cáo\..* — đơn vị có tệp hợp lệ Hoang Hoa \(da sua\)\.xlsx, đang được dùng; tệp này giống hệt tệp KL226_XA_HOANG_HOA\.xlsx \(một bản gửi hai lần\): nếu một trong hai tệp đến trước tệp hợp lệ, đó là bản cũ gửi lại, không cần sửa nữa; nếu không, hỏi lại đơn vị/,
  );
  expect(io.stdout).toMatch(
    / {2}✗ .*tuan-1\/KL226_XA_HOANG_HOA\.xlsx: .* tệp này giống hệt tệp Hoang Hoa \(1\)\.xlsx \(một bản gửi hai lần\)/,
  );
  expect(io.stdout).not.toContain("nếu tệp này là bản sửa gửi sau");
  // The Lỗi and Nguồn sheets say it as the terminal does, not "cùng ngày với tệp hợp lệ" alone.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "th.xlsx"));
  for (const [sheet, column] of [
    ["Lỗi", 3],
    ["Nguồn", 7],
  ] as const) {
    const status = new Map<string, unknown>();
    wb.getWorksheet(sheet)!.eachRow((row) =>
      status.set(String(row.getCell(1).value), row.getCell(column).value),
    );
    expect([sheet, status.get(join(dir, "tuan-3", "Hoang Hoa (1).xlsx"))]).toEqual([
      sheet,
      "Từ chối (gửi hai lần; cùng ngày với tệp hợp lệ đang dùng)",
    ]);
  }
});

test("a report known by its name under a code the roster lacks is named on the terminal with the code to write", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-recoded-"));
  writeFileSync(join(dir, "XA_QUANG_PHU.xlsx"), reportBytes({ unit: "XA_QUANG_PHUU", name: "Xã Quảng Phú" }));
  const roster = join(dir, "..", `ds-${Date.now()}.csv`);
  writeFileSync(roster, 'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nXA_QUANG_PHU,Xã Quảng Phú,"UBND xã, phường"\n');
  const io = capture();
  expect(await main(["consolidate", dir, "--roster", roster, "--out", join(dir, "th.xlsx")], io)).toBe(0);
  expect(io.stdout).toContain(
    "Mã đơn vị không có trong danh sách, được tính theo tên đơn vị, hoặc theo mã chỉ khác ở dấu “_”, “.” hay “-” (đề nghị đơn vị ghi đúng mã ở các lần sau): XA_QUANG_PHUU → XA_QUANG_PHU (XA_QUANG_PHU.xlsx).",
  );
  expect(io.stdout).not.toContain("Chưa nộp: 1");
});

test("a quarter's run says the later quarter's reports left among its files, and that the 2025 plan is used for 2026", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-quarters-"));
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const write = (name: string, unit: string, period: "Q1" | "Q2", month: number) =>
    writeFileSync(
      join(dir, name),
      reportBytes(
        {
          ...cchcUnit(unit),
          period,
          year: 2026,
          reportDate: { year: 2026, month, day: 10 },
          // A count typed as text: a COERCED warning of quý II's file, for quý II's round to show.
          counts: { ...cchcUnit(unit).counts, PAKN_TONG: [null, "12 "] },
        },
        [],
        cchc,
      ),
    );
  write("P_A.xlsx", "P_A", "Q1", 3);
  write("P_B.xlsx", "P_B", "Q1", 3);
  write("Q2-P_A.xlsx", "P_A", "Q2", 6);
  const io = capture();
  const out = join(dir, "..", `q1-${Date.now()}.xlsx`);
  await main(["consolidate", dir, "--profile", "hcm-attp-cchc-2025", "--out", out], io);
  const lines = io.stdout.split("\n");
  expect(lines[1]).toBe("Kỳ tổng hợp: Quý I/2026 (kỳ mà nhiều tệp khai nhất; hạn nộp 15/03/2026).");
  expect(lines[2]).toMatch(
    /^ {2}Lưu ý: biểu mẫu CCHC-BC\/2025 là của kế hoạch năm 2025, nhưng kỳ báo cáo là quý I\/2026/,
  );
  expect(lines[3]).toBe(
    "  Lưu ý: trong các tệp còn có báo cáo của kỳ khác (quý II/2026: 1 tệp): không tổng hợp vào kỳ này, không cần đơn vị sửa. Nên để báo cáo mỗi kỳ trong một thư mục riêng, hoặc chọn kỳ bằng --period và --year.",
  );
  // Its line says whose round it belongs to, not that a correction failed.
  const rejected = lines.find((l) => l.includes("Q2-P_A.xlsx"));
  expect(rejected).toContain("báo cáo của kỳ sau, không phải kỳ đang tổng hợp (quý I/2026)");
  expect(rejected).not.toContain("bản gửi sau");
  // The summary's Lỗi sheet: apart, with only why (its figures are its own round's to check).
  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(out);
  const rows: string[][] = [];
  summary.getWorksheet("Lỗi")!.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (typeof v === "string" ? v : ""));
    if (cells[0]?.endsWith("Q2-P_A.xlsx")) rows.push([cells[2]!, cells[3]!]);
  });
  expect(rows).toEqual([["Từ chối (báo cáo kỳ khác, để riêng)", "PERIOD_MISMATCH"]]);
});

test("--period typed with its year, or without --year, says how to write both", async () => {
  const typed = capture();
  expect(
    await main(["consolidate", inDir, "--out", join(root, "p.xlsx"), "--period", "quý II/2026"], typed),
  ).toBe(2);
  expect(typed.stderr).toContain(
    "Tùy chọn --period không hợp lệ: ghi kỳ và năm ở hai tùy chọn: --period Q2 --year 2026.",
  );
  const alone = capture();
  expect(await main(["consolidate", inDir, "--out", join(root, "p.xlsx"), "--period", "Quí 3"], alone)).toBe(
    2,
  );
  expect(alone.stderr).toContain("--period và --year phải dùng cùng nhau, ví dụ --period Q3 --year 2026.");
});

// Excel's "Văn bản Unicode" list (UTF-16, tabs) given to --roster: read as the UTF-8 one is, where it
// was refused as "không phải văn bản UTF-8" (the message for a roster among the reports asks to rename
// such a list .csv and pass it with --roster).
test("--roster reads a list saved as Excel's Unicode Text (UTF-16, tab-separated) as the UTF-8 one", async () => {
  const roster = join(root, "ds-unicode.csv");
  const text = readFileSync(rosterCsv, "utf8").replace(/;/g, "\t").replace(/\n/g, "\r\n");
  writeFileSync(roster, Buffer.from(text.startsWith("\uFEFF") ? text : `\uFEFF${text}`, "utf16le"));
  const json = join(root, "unicode-roster.json");
  const io = capture();
  const code = await main(
    ["consolidate", inDir, "--out", join(root, "unicode-roster.xlsx"), "--json", json, "--roster", roster],
    io,
  );
  expect([code, io.stderr]).toEqual([1, ""]);
  const report = JSON.parse(readFileSync(json, "utf8"));
  expect(report.missing).toEqual(["XA_E"]);
  expect(report.returned).toEqual(["XA_C", "XA_D"]);
});

test("the Chưa nộp, Bị trả lại and Trễ hạn lines name each unit with its code, in lines an 80-column terminal shows whole", async () => {
  // A second-week analyst forwards these lines; codes alone ("XA_NGA_SON") had to be looked up in
  // the roster, while the summary and the report said "Xã Nga Sơn".
  const dir = mkdtempSync(join(tmpdir(), "kl226-named-lines-"));
  const communes = [
    ["XA_HOANG_HOA", "Xã Hoằng Hóa"],
    ["XA_HOANG_TIEN", "Xã Hoằng Tiến"],
    ["XA_HAU_LOC", "Xã Hậu Lộc"],
    ["XA_HA_TRUNG", "Xã Hà Trung"],
    ["XA_VINH_LOC", "Xã Vĩnh Lộc"],
    ["XA_YEN_DINH", "Xã Yên Định"],
    ["XA_THIEU_HOA", "Xã Thiệu Hóa"],
    ["XA_THO_XUAN", "Xã Thọ Xuân"],
    ["XA_NGOC_LAC", "Xã Ngọc Lặc"],
    ["XA_CAM_THUY", "Xã Cẩm Thủy"],
    ["XA_THACH_THANH", "Xã Thạch Thành"],
    ["XA_BA_THUOC", "Xã Bá Thước"],
    ["XA_QUAN_HOA", "Xã Quan Hóa"],
    ["XA_QUAN_SON", "Xã Quan Sơn"],
    ["XA_MUONG_LAT", "Xã Mường Lát"],
    ["XA_LANG_CHANH", "Xã Lang Chánh"],
    ["XA_THUONG_XUAN", "Xã Thường Xuân"],
    ["XA_NHU_XUAN", "Xã Như Xuân"],
    ["XA_NHU_THANH", "Xã Như Thanh"],
    ["XA_NONG_CONG", "Xã Nông Cống"],
    ["XA_TINH_GIA", "Xã Tĩnh Gia"],
    ["XA_QUANG_XUONG", "Xã Quảng Xương"],
  ] as const;
  const roster = `${dir}.csv`;
  writeFileSync(
    roster,
    [
      "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI",
      "SO_TU_PHAP;Sở Tư pháp;Sở, ban, ngành",
      "XA_NGA_SON;Xã Nga Sơn;UBND xã, phường",
      "PHUONG_HAM_RONG;Phường Hàm Rồng;UBND xã, phường",
      ...communes.map(([code, name]) => `${code};${name};UBND xã, phường`),
    ].join("\n"),
  );
  // Sở Tư pháp sent on 03/06 and again on 12/06 (late, a resend); Hàm Rồng only on 10/06 (late);
  // Xã Nga Sơn's only file was returned; the 22 communes sent nothing.
  writeFileSync(
    join(dir, "SO_TU_PHAP.xlsx"),
    reportBytes({ unit: "SO_TU_PHAP", name: "Sở Tư pháp", reportDate: { year: 2026, month: 6, day: 3 } }),
  );
  writeFileSync(
    join(dir, "SO_TU_PHAP (1).xlsx"),
    reportBytes({
      unit: "SO_TU_PHAP",
      name: "Sở Tư pháp",
      reportDate: { year: 2026, month: 6, day: 12 },
      counts: { HN_TONG: [100, 80] },
    }),
  );
  writeFileSync(
    join(dir, "PHUONG_HAM_RONG.xlsx"),
    reportBytes({
      unit: "PHUONG_HAM_RONG",
      name: "Phường Hàm Rồng",
      type: "UBND_XA",
      reportDate: { year: 2026, month: 6, day: 10 },
    }),
  );
  writeFileSync(
    join(dir, "XA_NGA_SON.xlsx"),
    reportBytes({
      unit: "XA_NGA_SON",
      name: "Xã Nga Sơn",
      type: "UBND_XA",
      counts: { HN_TONG: [30, "hai mươi"] },
    }),
  );
  const io = capture();
  expect(await main(["consolidate", dir, "--roster", roster, "--out", join(dir, "th.xlsx")], io)).toBe(1);
  const lines = io.stdout.split("\n");
  // 83 characters on one line: the name goes to the next.
  expect(io.stdout).toContain(
    "\nBị trả lại: 1 đơn vị đã gửi nhưng mọi tệp đều bị từ chối:\n  Xã Nga Sơn (XA_NGA_SON).\n",
  );
  expect(io.stdout).toContain(
    "\nTrễ hạn: 2 đơn vị (“bản gửi lại”: 1 đơn vị đã gửi đúng hạn, bản được dùng là bản gửi lại sau hạn):\n  Phường Hàm Rồng (PHUONG_HAM_RONG), Sở Tư pháp (SO_TU_PHAP; bản gửi lại).\n",
  );
  // 22 units: the first 20 named, as many codes were listed before, then the count of the rest.
  const start = lines.findIndex((l) => l.startsWith("Chưa nộp: 22 đơn vị chưa gửi tệp nào:"));
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("  "));
  const block = lines.slice(start, end);
  expect(block[block.length - 1]).toMatch(/, … \(\+2\)\.$/);
  // Each named unit whole on one line: 20 of the 22, none cut in two.
  const shown = communes.filter(([code, name]) => block.some((l) => l.includes(`${name} (${code})`)));
  expect(shown).toHaveLength(20);
  for (const [code] of communes) expect(block.filter((l) => l.includes(code)).length).toBeLessThanOrEqual(1);
  for (const l of block) expect([...l].length).toBeLessThanOrEqual(80);
  expect(block.length).toBeGreaterThan(3);
});

test("the other-period, not-on-roster and duplicate-file lines name each unit with its code as the Chưa nộp line does", async () => {
  // These lines gave codes only ("SO_XAY_DUNG (năm 2025)", "đơn vị SO_B"), on one long line, while
  // the Chưa nộp, Bị trả lại and Trễ hạn lines above said "Xã Nga Sơn (XA_NGA_SON)".
  const dir = mkdtempSync(join(tmpdir(), "kl226-named-others-"));
  const roster = `${dir}.csv`;
  writeFileSync(
    roster,
    [
      "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI",
      "SO_TU_PHAP;Sở Tư pháp;Sở, ban, ngành",
      "SO_XAY_DUNG;Sở Xây dựng;Sở, ban, ngành",
      "SO_GIAO_DUC;Sở Giáo dục và Đào tạo;Sở, ban, ngành",
    ].join("\n"),
  );
  writeFileSync(join(dir, "SO_TU_PHAP.xlsx"), reportBytes({ unit: "SO_TU_PHAP", name: "Sở Tư pháp" }));
  // Sent again on the same day with other figures: one of the two is left out.
  writeFileSync(
    join(dir, "SO_TU_PHAP (1).xlsx"),
    reportBytes({ unit: "SO_TU_PHAP", name: "Sở Tư pháp", counts: { HN_TONG: [100, 80] } }),
  );
  // Only last year's report: this period's is missing, nothing to mend.
  writeFileSync(
    join(dir, "SO_XAY_DUNG.xlsx"),
    reportBytes({
      unit: "SO_XAY_DUNG",
      name: "Sở Xây dựng",
      year: 2025,
      reportDate: { year: 2025, month: 6, day: 10 },
    }),
  );
  writeFileSync(join(dir, "SO_GIAO_DUC.xlsx"), reportBytes({ unit: "SO_GIAO_DUC", name: "Sở Giáo dục" }));
  // Eleven wards the roster does not have: their names fill more than one line.
  const wards = Array.from({ length: 11 }, (_, i) => [`PHUONG_${i + 1}`, `Phường số ${i + 1}`] as const);
  for (const [code, name] of wards)
    writeFileSync(join(dir, `${code}.xlsx`), reportBytes({ unit: code, name, type: "UBND_XA" }));
  const io = capture();
  await main(["consolidate", dir, "--roster", roster, "--out", join(dir, "th.xlsx")], io);
  expect(io.stdout).toContain(
    "\nChỉ gửi báo cáo kỳ khác: 1 đơn vị chưa có báo cáo 6 tháng đầu năm 2026 (tệp đã gửi là báo cáo của kỳ khác, không cần sửa):\n  Sở Xây dựng (SO_XAY_DUNG; 6 tháng đầu năm 2025).\n",
  );
  expect(io.stdout).toContain(
    `  = ${join(dir, "SO_TU_PHAP.xlsx")}: đơn vị Sở Tư pháp (SO_TU_PHAP), dùng tệp SO_TU_PHAP (1).xlsx (cùng ngày báo cáo nhưng số liệu khác: hỏi lại đơn vị tệp nào đúng)\n`,
  );
  const lines = io.stdout.split("\n");
  const start = lines.indexOf("Không có trong danh sách đơn vị (vẫn tổng hợp): Phường số 1 (PHUONG_1),");
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("  "));
  const block = lines.slice(start, end);
  expect(block).toHaveLength(5);
  for (const [code, name] of wards)
    expect(block.filter((l) => l.includes(`${name} (${code})`))).toHaveLength(1);
  for (const l of block) expect([...l].length).toBeLessThanOrEqual(80);
  expect(block[block.length - 1]).toMatch(/Phường số 9 \(PHUONG_9\)\.$/);
});

test("when every late unit is a resend, the Trễ hạn line says so once", async () => {
  // "Trễ hạn: 2 đơn vị (“bản gửi lại”: 2 đơn vị …): … (SO_A; bản gửi lại), … (SO_B; bản gửi lại)"
  // gave the count twice and marked every unit with what the head had said.
  const dir = mkdtempSync(join(tmpdir(), "kl226-late-resends-"));
  for (const [code, name] of [
    ["SO_A", "Sở A"],
    ["SO_B", "Sở B"],
  ]) {
    writeFileSync(join(dir, `${code}.xlsx`), reportBytes({ unit: code!, name: name! }));
    writeFileSync(
      join(dir, `${code} (1).xlsx`),
      reportBytes({
        unit: code!,
        name: name!,
        reportDate: { year: 2026, month: 6, day: 12 },
        counts: { HN_TONG: [100, 80] },
      }),
    );
  }
  const io = capture();
  await main(["consolidate", dir, "--out", join(dir, "th.xlsx")], io);
  expect(io.stdout).toContain(
    "\nTrễ hạn: 2 đơn vị (đều đã gửi đúng hạn, bản được dùng là bản gửi lại sau hạn):\n  Sở A (SO_A), Sở B (SO_B).\n",
  );
});

test("a late unit whose returned first file had Ngày báo cáo blank is marked in the Trễ hạn line, not plainly late", async () => {
  // Tổng hợp said "Trễ hạn (có tệp không ghi ngày)" and the letter why, while the terminal listed the
  // unit among the plainly late: the analyst reading it would not know to check when that file came.
  const root = mkdtempSync(join(tmpdir(), "kl226-late-undated-"));
  const [dir, mixed] = [join(root, "alone"), join(root, "mixed")];
  for (const d of [dir, mixed]) {
    mkdirSync(d);
    writeFileSync(join(d, "SO_A.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A", reportDate: "" }));
    writeFileSync(
      join(d, "SO_A (sua).xlsx"),
      reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 20 } }),
    );
  }
  writeFileSync(
    join(mixed, "SO_B.xlsx"),
    reportBytes({ unit: "SO_B", name: "Sở B", reportDate: { year: 2026, month: 6, day: 12 } }),
  );
  const undatedOnly = capture();
  await main(["consolidate", dir, "--out", join(root, "alone.xlsx")], undatedOnly);
  expect(undatedOnly.stdout).toContain(
    "\nTrễ hạn: 1 đơn vị (có tệp bị trả lại không ghi Ngày báo cáo, chưa rõ gửi trước hay sau hạn):\n  Sở A (SO_A).\n",
  );
  // Beside a unit plainly late, the mark says which one it is.
  const io = capture();
  await main(["consolidate", mixed, "--out", join(root, "mixed.xlsx")], io);
  expect(io.stdout).toContain(
    "\nTrễ hạn: 2 đơn vị (“có tệp không ghi ngày”: 1 đơn vị có tệp bị trả lại không ghi Ngày báo cáo, chưa rõ gửi trước hay sau hạn):\n  Sở A (SO_A; có tệp không ghi ngày), Sở B (SO_B).\n",
  );
});

test("a missing unit whose code names a file that gives another unit's code is pointed at that file, in the terminal, the summary and the report", async () => {
  // SO_30's clerk copied SO_03's file and sent it as SO_30.xlsx without changing the code: the only
  // hint was a warning lines away from the Chưa nộp list where the analyst looks for SO_30.
  const dir = mkdtempSync(join(tmpdir(), "kl226-arrived-under-other-"));
  const roster = `${dir}.csv`;
  writeFileSync(
    roster,
    [
      "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI",
      "SO_03;Sở thứ 3;Sở, ban, ngành",
      "SO_30;Sở thứ 30;Sở, ban, ngành",
      "SO_11;Sở thứ 11;Sở, ban, ngành",
    ].join("\n"),
  );
  writeFileSync(join(dir, "SO_03.xlsx"), reportBytes({ unit: "SO_03", name: "Sở thứ 3" }));
  writeFileSync(
    join(dir, "SO_30.xlsx"),
    reportBytes({ unit: "SO_03", name: "Sở thứ 3", counts: { HN_TONG: [100, 70] } }),
  );
  const out = join(dir, "th.xlsx");
  const report = join(dir, "bao-cao.docx");
  const io = capture();
  await main(["consolidate", dir, "--roster", roster, "--out", out, "--report", report], io);
  expect(io.stdout).toContain(
    "\nChưa nộp: 2 đơn vị chưa gửi tệp nào: Sở thứ 11 (SO_11);\n  Sở thứ 30 (SO_30; có tệp SO_30.xlsx, nhưng tệp ghi mã SO_03).\n",
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows: unknown[][] = [];
  wb.getWorksheet("Chưa nộp")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows).toContainEqual(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Ghi chú"]);
  expect(rows).toContainEqual(["SO_11", "Sở thứ 11", "Sở, ban, ngành"]);
  expect(rows).toContainEqual([
    "SO_30",
    "Sở thứ 30",
    "Sở, ban, ngành",
    "Có tệp SO_30.xlsx, nhưng tệp ghi mã SO_03.",
  ]);
  const paragraphs = docxParagraphs(readFileSync(report));
  expect(paragraphs).toContain("Chưa gửi báo cáo (có tệp “SO_30.xlsx”, nhưng tệp ghi mã SO_03)");
  expect(paragraphs.filter((p) => p === "Chưa gửi báo cáo")).toHaveLength(1);
});

test("a unit's line fills its 80 columns exactly; a name typed over two lines reads as one; a name with a comma makes '; ' the separator", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-named-edges-"));
  // "Bị trả lại: … từ chối:" is 57 characters; " Xã Yên Mỹ (XA_YEN_MY)." 23 more: 80, one line.
  writeFileSync(
    join(dir, "XA_YEN_MY.xlsx"),
    reportBytes({
      unit: "XA_YEN_MY",
      name: "Xã Yên Mỹ",
      type: "UBND_XA",
      counts: { HN_TONG: [30, "hai mươi"] },
    }),
  );
  // Both late (after 06/06): one name typed with Alt+Enter, one with a comma in it.
  writeFileSync(
    join(dir, "PHUONG_HAM_RONG.xlsx"),
    reportBytes({
      unit: "PHUONG_HAM_RONG",
      name: "Phường\nHàm  Rồng",
      type: "UBND_XA",
      reportDate: { year: 2026, month: 6, day: 10 },
    }),
  );
  writeFileSync(
    join(dir, "TRUONG_DH_VHTTDL.xlsx"),
    reportBytes({
      unit: "TRUONG_DH_VHTTDL",
      name: "Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa",
      reportDate: { year: 2026, month: 6, day: 11 },
    }),
  );
  const io = capture();
  expect(await main(["consolidate", dir, "--out", join(dir, "th.xlsx")], io)).toBe(1);
  expect(io.stdout).toContain(
    "\nBị trả lại: 1 đơn vị đã gửi nhưng mọi tệp đều bị từ chối: Xã Yên Mỹ (XA_YEN_MY).\n",
  );
  expect(io.stdout).toContain(
    "\nTrễ hạn: 2 đơn vị: Phường Hàm Rồng (PHUONG_HAM_RONG);\n  Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa (TRUONG_DH_VHTTDL).\n",
  );
});

test("a roster left among the reports is named on the summary's Nguồn sheet and in the JSON, not only on the terminal", async () => {
  // The analyst opens only tong-hop.xlsx the next morning: the terminal's "Bỏ qua 1 tệp danh sách đơn
  // vị" is gone, and the summary said "2 tệp đã đọc" with no word of the third file in the folder.
  const dir = mkdtempSync(join(tmpdir(), "kl226-roster-aside-"));
  const reports = join(dir, "bao-cao");
  mkdirSync(reports);
  writeFileSync(join(reports, "SO_A.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
  writeFileSync(join(reports, "SO_B.xlsx"), reportBytes({ unit: "SO_B", name: "Sở B" }));
  const list = "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;Sở, ban, ngành\nSO_B;Sở B;Sở, ban, ngành\n";
  writeFileSync(join(reports, "danh-sach-cu.csv"), list);
  writeFileSync(join(dir, "ds.csv"), list);
  const out = join(dir, "th.xlsx");
  const jsonPath = join(dir, "th.json");
  const io = capture();
  expect(
    await main(
      ["consolidate", reports, "--roster", join(dir, "ds.csv"), "--out", out, "--json", jsonPath],
      io,
    ),
  ).toBe(0);
  const report = JSON.parse(readFileSync(jsonPath, "utf8"));
  expect(report.notReports).toEqual([{ file: join(reports, "danh-sach-cu.csv"), kind: "roster" }]);
  expect(Object.keys(report).indexOf("notReports")).toBe(Object.keys(report).indexOf("rejected") + 1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows: string[][] = [];
  wb.getWorksheet("Nguồn")!.eachRow((row) =>
    rows.push([1, 7, 8].map((c) => String(row.getCell(c).value ?? ""))),
  );
  expect(rows[1]![0]).toBe(
    "2 tệp đã đọc. Mã SHA-256 giúp đối chiếu đúng tệp đã nhận; tệp nguồn không bị sửa đổi. Ngoài ra bỏ qua 1 tệp danh sách đơn vị (không phải báo cáo, ở cuối bảng).",
  );
  expect(rows.at(-1)).toEqual([
    join(reports, "danh-sach-cu.csv"),
    "Bỏ qua (danh sách đơn vị)",
    "Tệp danh sách đơn vị, không phải báo cáo: không tổng hợp, không tính vào số tệp đã đọc. Nên để danh sách đơn vị ngoài thư mục các báo cáo.",
  ]);
  // Its SHA-256 as every file read has one: the analyst matches the file she set aside to the row.
  const sources = wb.getWorksheet("Nguồn")!;
  expect(sources.getCell(sources.rowCount, 2).value).toBe(
    createHash("sha256")
      .update(readFileSync(join(reports, "danh-sach-cu.csv")))
      .digest("hex"),
  );
});

test("two rosters left among the reports, one saved in Windows' Vietnamese code page: both listed last in name order, the ANSI one saying how to save it as UTF-8, on Nguồn and in the JSON", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kl226-rosters-aside-"));
  const reports = join(dir, "bao-cao");
  mkdirSync(reports);
  writeFileSync(join(reports, "SO_A.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
  writeFileSync(join(reports, "SO_B.xlsx"), reportBytes({ unit: "SO_B", name: "Sở B" }));
  const list =
    "Mã đơn vị,Tên đơn vị,Loại đơn vị\nSO_A,Sở Tư pháp,Sở, ban, ngành\nSO_B,Sở Y tế,Sở, ban, ngành\n";
  writeFileSync(join(reports, "ds-ansi.csv"), cp1258(list));
  writeFileSync(join(reports, "ds-cu.csv"), list);
  const out = join(dir, "th.xlsx");
  const jsonPath = join(dir, "th.json");
  expect(await main(["consolidate", reports, "--out", out, "--json", jsonPath], capture())).toBe(0);
  expect(JSON.parse(readFileSync(jsonPath, "utf8")).notReports).toEqual([
    { file: join(reports, "ds-ansi.csv"), kind: "roster", notUtf8: true },
    { file: join(reports, "ds-cu.csv"), kind: "roster" },
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sheet = wb.getWorksheet("Nguồn")!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push([1, 7, 8].map((c) => String(row.getCell(c).value ?? ""))));
  expect(rows[1]![0]).toContain("Ngoài ra bỏ qua 2 tệp danh sách đơn vị (không phải báo cáo, ở cuối bảng).");
  expect(rows.slice(-2)).toEqual([
    [
      join(reports, "ds-ansi.csv"),
      "Bỏ qua (danh sách đơn vị)",
      "Tệp danh sách đơn vị, không phải báo cáo: không tổng hợp, không tính vào số tệp đã đọc. Nên để danh sách đơn vị ngoài thư mục các báo cáo. Tệp ds-ansi.csv lưu dạng “CSV (phân tách bằng dấu phẩy)” theo bảng mã tiếng Việt cũ của Windows (không phải UTF-8): để dùng làm danh sách đơn vị (tùy chọn --roster, hoặc nút chọn danh sách đơn vị), hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)”, rồi chọn tệp .csv mới đó.",
    ],
    [
      join(reports, "ds-cu.csv"),
      "Bỏ qua (danh sách đơn vị)",
      "Tệp danh sách đơn vị, không phải báo cáo: không tổng hợp, không tính vào số tệp đã đọc. Nên để danh sách đơn vị ngoài thư mục các báo cáo.",
    ],
  ]);
  // The filter's drop-downs reach the last row (the header on row 3, two reports, two rosters), so
  // filtering by Xử lý finds the rosters too.
  expect(sheet.autoFilter).toBe("A3:H7");
});
