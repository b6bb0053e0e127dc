// Issue 13, "a new user's first hour": every mistake a new clerk or analyst makes on the command
// line, one row each: the exit code, the message (Vietnamese, saying what to do, never parser
// English or a stack trace), nothing written on a usage error, the sources never changed.

import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fsError, fsReason } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { reportBytes } from "../helpers/report-builder";
import { capture } from "../helpers/cli-io";
import { cp1258 } from "../helpers/cp1258";

const packageVersion = (
  JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
).version;

const ROSTER =
  'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nSO_A,Sở A,"Sở, ban, ngành"\nSO_B,Sở B,"Sở, ban, ngành"\nXA_C,Xã C,"UBND xã, phường"\nXA_D,Xã D,"UBND xã, phường"\n';

/** A fresh working folder: reports/ with two good reports and a roster beside it. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "kl226-first-hour-"));
  mkdirSync(join(dir, "reports"));
  writeFileSync(join(dir, "reports", "SO_A.xlsx"), reportBytes({ unit: "SO_A", name: "Sở A" }));
  writeFileSync(join(dir, "reports", "SO_B.xlsx"), reportBytes({ unit: "SO_B", name: "Sở B" }));
  writeFileSync(join(dir, "ds.csv"), ROSTER);
  return dir;
}

/** Every file under `dir` with its SHA-256 (folders as entries too): what "nothing written" compares. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        out[relative(dir, p)] = "(broken link)";
        continue;
      }
      if (st.isDirectory()) {
        out[`${relative(dir, p)}/`] = "dir";
        walk(p);
      } else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

/** Parser English, zod English or a stack trace: none may reach a user. */
const NOT_VIETNAMESE =
  /\b(Unknown option|To specify|argument missing|Invalid input|expected|received|Error:|ERR_|EEXIST|ENOTDIR|EISDIR|EACCES|ENOSPC)\b|\bat .*\.ts:\d+/;
const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i;

interface Row {
  readonly name: string;
  readonly args: (dir: string) => string[];
  readonly setup?: (dir: string) => void;
  readonly code: 0 | 1 | 2;
  readonly stdout?: readonly RegExp[];
  readonly stderr?: readonly RegExp[];
  /** Files the command is asked to replace (template --force). */
  readonly replaces?: readonly string[];
  /** Checks after the run (what was or was not written). */
  readonly after?: (dir: string, io: ReturnType<typeof capture>) => void;
}

const ROWS: readonly Row[] = [
  // ── a pattern no shell expanded (Windows' cmd and PowerShell pass "*.xlsx" as typed) ──
  {
    name: "validate reports/*.xlsx typed where no shell expands it: the command expands it (case aside), lock files passed over",
    setup: (d) => {
      writeFileSync(join(d, "reports", "~$SO_A.xlsx"), "\u0005Minh".padEnd(165, " "));
      writeFileSync(join(d, "reports", ".SO_C.xlsx"), reportBytes({ unit: "SO_C", name: "Sở C" }));
    },
    args: (d) => ["validate", join(d, "reports", "*.XLSX")],
    code: 0,
    stdout: [/SO_A\.xlsx/, /SO_B\.xlsx/, /Tổng kết: 2 tệp — cả 2 hợp lệ/],
    stderr: [/Bỏ qua 2 tệp .*: \.SO_C\.xlsx, ~\$SO_A\.xlsx\./],
  },
  {
    name: "consolidate reports/SO_?.xlsx: the two reports, as a shell would have given them",
    args: (d) => ["consolidate", join(d, "reports", "SO_?.xlsx"), "--out", join(d, "th.xlsx")],
    code: 0,
    stdout: [/Đã đọc 2 tệp: chấp nhận 2/],
  },
  {
    name: "a pattern that matches no file is a path not found, nothing written",
    args: (d) => ["consolidate", join(d, "reports", "XA_*.xlsx"), "--out", join(d, "th.xlsx")],
    code: 2,
    stderr: [/Không tìm thấy tệp hoặc thư mục: .*XA_\*\.xlsx \(không có tệp nào khớp\)\./],
  },
  {
    name: "a pattern in a folder's name is said to work only in a file's name",
    args: (d) => ["validate", join(d, "rep*", "SO_A.xlsx")],
    code: 1,
    stdout: [
      /rep\*.SO_A\.xlsx — không có tệp hoặc thư mục này \(dấu \* hay \? chỉ dùng được trong tên tệp, không dùng trong tên thư mục\)/,
    ],
  },
  {
    name: "--roster ds*.csv and --previous tong-hop-*.json typed in cmd: the one roster and every summary matched",
    setup: (d) => {
      const year = (kind: string, y: number) =>
        JSON.stringify({
          form: "KL226-BC/1",
          period: { kind, year: y },
          units: [{ code: "SO_A", values: {} }],
        });
      writeFileSync(join(d, "tong-hop-2025-6T.json"), year("6T", 2025));
      writeFileSync(join(d, "tong-hop-2025-NAM.json"), year("NAM", 2025));
    },
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--out",
      join(d, "th.xlsx"),
      "--roster",
      join(d, "ds*.csv"),
      "--previous",
      join(d, "tong-hop-*.json"),
    ],
    code: 0,
    stdout: [/Chưa nộp: 2 đơn vị/, /So sánh với 2 báo cáo tổng hợp các kỳ trước/],
  },
  {
    name: "a --roster pattern that matches two files is refused, naming them: one roster is used",
    setup: (d) => writeFileSync(join(d, "ds-cu.csv"), ROSTER),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--out",
      join(d, "th.xlsx"),
      "--roster",
      join(d, "ds*.csv"),
    ],
    code: 2,
    stderr: [
      /Tùy chọn --roster: .*ds\*\.csv khớp 2 tệp \(ds-cu\.csv, ds\.csv\); chỉ dùng một danh sách đơn vị/,
    ],
  },
  {
    name: "a --previous pattern that matches nothing is said by option, nothing written",
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--out",
      join(d, "th.xlsx"),
      "--previous",
      join(d, "th-*.json"),
    ],
    code: 2,
    stderr: [/Tùy chọn --previous: không tìm thấy .*th-\*\.json \(không có tệp nào khớp\)\./],
  },
  // ── help ──
  {
    name: "kl226 --help lists every command",
    args: () => ["--help"],
    code: 0,
    stdout: [/kl226 template/, /kl226 validate/, /kl226 consolidate/, /kl226 demo/, /kl226 LỆNH --help/],
  },
  {
    name: "kl226 --help gives the exit codes as each command's help does: a file not opened and a same-day conflict are 1 too",
    args: () => ["--help"],
    code: 0,
    stdout: [
      /Mã thoát: 0 thành công; 1 có tệp không hợp lệ, bị từ chối hay không mở được, có đơn vị gửi hai tệp cùng ngày báo cáo mà số liệu khác nhau, hoặc chưa lập được báo cáo tổng hợp \(--rollup\); 2 /,
    ],
  },
  {
    name: "kl226 --version says the version of package.json (it was told to put the option after a command, where none has it)",
    args: () => ["--version"],
    code: 0,
    stdout: [new RegExp(`^kl226 phiên bản ${packageVersion.replace(/\./g, "\\.")}\n$`)],
  },
  {
    name: "template --help gives its exit codes",
    args: () => ["template", "--help"],
    code: 0,
    stdout: [/Mã thoát: 0 đã ghi tệp mẫu; 2 .*--force/],
  },
  {
    name: "kl226 alone shows the commands and exits 2",
    args: () => [],
    code: 2,
    stderr: [/Lệnh:/, /kl226 LỆNH --help/],
  },
  {
    name: "validate --help is its own help, not an error",
    args: () => ["validate", "--help"],
    code: 0,
    stdout: [/^kl226 validate: /, /--json/, /--profile TÊN\|P\.json/, /Mã thoát/],
  },
  {
    name: "validate -h with other arguments still shows help",
    args: (d) => ["validate", join(d, "reports"), "-h"],
    code: 0,
    stdout: [/^kl226 validate: /],
  },
  {
    name: "template --help names --force",
    args: () => ["template", "--help"],
    code: 0,
    stdout: [/--force/, /không ghi đè/],
  },
  {
    name: "consolidate --help lists every option of its table",
    args: () => ["consolidate", "--help"],
    code: 0,
    stdout: [
      "out",
      "json",
      "roster",
      "period",
      "year",
      "profile",
      "letters",
      "previous",
      "rollup",
      "as-unit",
      "name",
      "type",
    ].map((o) => new RegExp(`\\n  --${o} `)),
  },
  { name: "kl226 help demo", args: () => ["help", "demo"], code: 0, stdout: [/^kl226 demo: /, /--samples/] },
  // ── typos ──
  {
    name: "a mistyped command is answered with the nearest",
    args: () => ["validat", "x.xlsx"],
    code: 2,
    stderr: [/Không có lệnh “validat”\. Có phải là kl226 validate\?/],
  },
  {
    name: "a file where the command goes",
    args: (d) => [join(d, "reports", "SO_A.xlsx")],
    code: 2,
    stderr: [/Hãy ghi tên lệnh trước tệp, ví dụ kl226 validate /],
  },
  {
    name: "--ouT on template: did you mean --out",
    args: (d) => ["template", "--ouT", join(d, "mau.xlsx")],
    code: 2,
    stderr: [/Lệnh template không có tùy chọn --ouT\. Có phải là --out\?/, /Xem thêm: kl226 template --help/],
  },
  {
    name: "--ouT on validate: --out belongs to other commands",
    args: (d) => ["validate", "--ouT", join(d, "x.xlsx")],
    code: 2,
    stderr: [
      /Lệnh validate không có tùy chọn --ouT \(--out là tùy chọn của lệnh consolidate, template\)/,
      /--json, --profile/,
    ],
  },
  {
    name: "--roaster on consolidate: did you mean --roster; nothing written",
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roaster",
      join(d, "ds.csv"),
      "--out",
      join(d, "tong-hop.xlsx"),
    ],
    code: 2,
    stderr: [/Lệnh consolidate không có tùy chọn --roaster\. Có phải là --roster\?/],
  },
  {
    name: "--hlep is help mistyped",
    args: () => ["validate", "--hlep"],
    code: 2,
    stderr: [/Có phải là --help\?/],
  },
  {
    name: "an option without its value",
    args: () => ["template", "--out"],
    code: 2,
    stderr: [/Tùy chọn --out cần một giá trị ngay sau nó, ví dụ --out TỆP\.xlsx\./],
  },
  {
    name: "an option whose value is the next option",
    args: (d) => ["consolidate", join(d, "reports"), "--out", "--json", "r.json"],
    code: 2,
    stderr: [/“--json” là một tùy chọn khác/],
  },
  {
    name: "a value given to a switch",
    args: (d) => ["validate", "--json=yes", join(d, "reports")],
    code: 2,
    stderr: [/Tùy chọn --json của lệnh validate không nhận giá trị/],
  },
  {
    name: "an option given twice",
    args: (d) => ["template", "--out", join(d, "a.xlsx"), "--out", join(d, "b.xlsx")],
    code: 2,
    stderr: [/được nhập hai lần/],
  },
  {
    name: "a stray argument",
    args: (d) => ["template", "--out", join(d, "a.xlsx"), "thua"],
    code: 2,
    stderr: [/Thừa tham số: thua\./],
  },
  {
    name: "a copy of the roster left among the reports is set aside, not counted as a rejected report",
    setup: (d) => writeFileSync(join(d, "reports", "danh-sach-cu.csv"), ROSTER),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roster",
      join(d, "ds.csv"),
      "--out",
      join(d, "th.xlsx"),
    ],
    code: 0,
    stdout: [
      /Đã đọc 2 tệp: chấp nhận 2, từ chối 0, trùng đơn vị 0\./,
      /Bỏ qua 1 tệp danh sách đơn vị \(không phải báo cáo, không tính vào số tệp đã đọc\): .*danh-sach-cu\.csv\. Nên để danh sách đơn vị ngoài thư mục các báo cáo\.\n/,
    ],
  },
  {
    // Saved as Excel's plain CSV on a Vietnamese Windows: given to --roster as it is, it is refused.
    name: "a roster saved as ANSI CSV left among the reports is set aside with how to save it as UTF-8",
    setup: (d) => writeFileSync(join(d, "reports", "danh-sach-cu.csv"), cp1258(ROSTER)),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roster",
      join(d, "ds.csv"),
      "--out",
      join(d, "th.xlsx"),
    ],
    code: 0,
    stdout: [
      /Đã đọc 2 tệp: chấp nhận 2, từ chối 0, trùng đơn vị 0\./,
      /Bỏ qua 1 tệp danh sách đơn vị \(không phải báo cáo, không tính vào số tệp đã đọc\): .*danh-sach-cu\.csv\. Nên để danh sách đơn vị ngoài thư mục các báo cáo\. Tệp danh-sach-cu\.csv lưu dạng “CSV \(phân tách bằng dấu phẩy\)” theo bảng mã tiếng Việt cũ của Windows \(không phải UTF-8\): để dùng làm danh sách đơn vị \(tùy chọn --roster, hoặc nút chọn danh sách đơn vị\), hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “CSV UTF-8 \(phân tách bằng dấu phẩy\) \(\*\.csv\)”, rồi chọn tệp \.csv mới đó\.\n/,
    ],
  },
  {
    // The same file given to --roster: it said only "không phải văn bản UTF-8 … lưu lại dạng CSV UTF-8",
    // shorter than the set-aside line and the page (no Tệp → Lưu thành, no where to give the new file).
    name: "a roster saved as ANSI CSV given to --roster is refused with how to save it as UTF-8 and pass it again",
    setup: (d) => writeFileSync(join(d, "ds-cu.csv"), cp1258(ROSTER)),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roster",
      join(d, "ds-cu.csv"),
      "--out",
      join(d, "th.xlsx"),
    ],
    code: 2,
    stderr: [
      /Danh sách đơn vị .*ds-cu\.csv lưu dạng “CSV \(phân tách bằng dấu phẩy\)” theo bảng mã tiếng Việt cũ của Windows \(không phải UTF-8\): để dùng tệp này làm danh sách đơn vị, hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “CSV UTF-8 \(phân tách bằng dấu phẩy\) \(\*\.csv\)”, rồi ghi tên tệp \.csv mới đó sau --roster\.\n/,
    ],
  },
  {
    // Headed by the short words --roster reads: it was a rejected report, a unit's without a code.
    name: "a roster headed “Mã;Tên;Loại” left among the reports is set aside too",
    setup: (d) =>
      writeFileSync(
        join(d, "reports", "ds-ngan.csv"),
        "Mã;Tên;Loại\nSO_A;Sở A;Sở\nSO_B;Sở B;SO_NGANH\nXA_C;Xã C;Xã\nXA_D;Xã D;UBND_XA\n",
      ),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roster",
      join(d, "ds.csv"),
      "--out",
      join(d, "th.xlsx"),
    ],
    code: 0,
    stdout: [
      /Đã đọc 2 tệp: chấp nhận 2, từ chối 0, trùng đơn vị 0\./,
      /Bỏ qua 1 tệp danh sách đơn vị \(không phải báo cáo, không tính vào số tệp đã đọc\): .*ds-ngan\.csv\./,
    ],
  },
  {
    name: "a missing required option",
    args: (d) => ["consolidate", join(d, "reports")],
    code: 2,
    stderr: [/Thiếu tùy chọn --out: cần --out TỔNG_HỢP\.xlsx/],
  },
  {
    name: "no file to validate",
    args: () => ["validate", "--json"],
    code: 2,
    stderr: [/Cần ít nhất một tệp \.xlsx hoặc thư mục/],
  },
  {
    name: "a profile name mistyped",
    args: (d) => ["validate", "--profile", "thanh-hoa", join(d, "reports")],
    code: 2,
    stderr: [/Bản KL226 này không có hồ sơ cấu hình “thanh-hoa”\. Có phải là thanh-hoa-226\?/],
  },
  {
    name: "a profile with a trailing comma says the line, the column and what was read last",
    setup: (d) =>
      writeFileSync(
        join(d, "tinh.json"),
        '{\n  "name": "Tỉnh Quảng Trị",\n  "targets": { "ONLINE_RATIO": 0.7, },\n}\n',
      ),
    args: (d) => ["template", "--out", join(d, "mau.xlsx"), "--profile", join(d, "tinh.json")],
    code: 2,
    stderr: [
      /tinh\.json không phải JSON hợp lệ: lỗi ở dòng 3, cột 37, ngay sau “"targets": \{ "ONLINE_RATIO": 0\.7, ”; thường do thiếu dấu phẩy giữa hai mục, thừa dấu phẩy trước \} hoặc \]/,
    ],
  },
  {
    name: "a profile with a comma before ] (V8 gives no position) says where it is",
    setup: (d) =>
      writeFileSync(
        join(d, "tinh.json"),
        '{\n  "tasks": [\n    { "content": "Rà soát quy chế, ]" },\n  ]\n}\n',
      ),
    args: (d) => ["template", "--out", join(d, "mau.xlsx"), "--profile", join(d, "tinh.json")],
    code: 2,
    stderr: [
      /tinh\.json không phải JSON hợp lệ: lỗi ở dòng 3, cột 41, ngay sau “\{ "content": "Rà soát quy chế, \]" \},”: thừa dấu phẩy trước \} hoặc \]\. Xóa dấu phẩy đó rồi chạy lại\./,
    ],
  },
  {
    name: "a profile saved by Notepad with a byte-order mark is read, and its default organisation noted",
    setup: (d) => writeFileSync(join(d, "tinh.json"), '\uFEFF{ "targets": { "ONLINE_RATIO": 0.7 } }'),
    args: (d) => ["template", "--out", join(d, "mau.xlsx"), "--profile", join(d, "tinh.json")],
    code: 0,
    stderr: [
      /^Lưu ý \(.*tinh\.json\): Hồ sơ không ghi tên cơ quan \(“organisation”\): .* Sở Nội vụ tỉnh Thanh Hóa \(mặc định\)/,
    ],
    stdout: [/Đã tạo mẫu báo cáo KL226-BC\/1/],
  },
  {
    name: "an empty value",
    args: (d) => ["demo", "--samples=", "--out-dir", join(d, "o")],
    code: 2,
    stderr: [/--samples cần một giá trị/],
  },
  // ── template never overwrites ──
  {
    name: "template over a filled report is refused and the report kept",
    setup: (d) =>
      writeFileSync(
        join(d, "bao-cao-da-dien.xlsx"),
        reportBytes({ unit: "XA_C", name: "Xã C", type: "UBND_XA" }),
      ),
    args: (d) => ["template", "--out", join(d, "bao-cao-da-dien.xlsx")],
    code: 2,
    stderr: [/đã có\. kl226 template không ghi đè tệp có sẵn/, /--force/],
  },
  {
    name: "template --force replaces it",
    setup: (d) => writeFileSync(join(d, "cu.xlsx"), "cũ"),
    args: (d) => ["template", "--out", join(d, "cu.xlsx"), "--force"],
    replaces: ["cu.xlsx"],
    code: 0,
    stdout: [
      /Đã tạo mẫu báo cáo KL226-BC\/1 — hồ sơ: Mặc định \(chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa\), \d+ nhiệm vụ: /,
    ],
    after: (d) => expect(readFileSync(join(d, "cu.xlsx")).subarray(0, 2).toString()).toBe("PK"),
  },
  {
    name: "template --date of a day the month does not have: said so, not told its form is wrong",
    args: (d) => ["template", "--out", join(d, "mau-ngay.xlsx"), "--date", "31/09/2025"],
    code: 2,
    stderr: [/không có ngày 31\/9\/2025: tháng 9 năm 2025 có 30 ngày/],
  },
  {
    name: "consolidate --letter-date with day and month swapped past 12",
    args: (d) => [
      "consolidate",
      d,
      "--out",
      join(d, "th.xlsx"),
      "--letters",
      join(d, "thu"),
      "--letter-date",
      "06/15/2026",
    ],
    code: 2,
    stderr: [/không có tháng 15: ngày dạng dd\/mm\/yyyy \(ngày\/tháng\/năm\), ví dụ 12\/06\/2026/],
  },
  {
    name: "template --out without .xlsx",
    args: (d) => ["template", "--out", join(d, "mau")],
    code: 2,
    stderr: [/tệp mẫu phải có đuôi \.xlsx/],
  },
  {
    name: "template --out under a file",
    setup: (d) => writeFileSync(join(d, "la-tep"), "x"),
    args: (d) => ["template", "--out", join(d, "la-tep", "mau.xlsx")],
    code: 2,
    stderr: [/la-tep là một tệp, không phải thư mục/, /chưa có gì được ghi/],
  },
  // ── consolidate: nothing to consolidate, every file accounted for ──
  {
    name: "an empty folder exits 2 and writes no summary",
    setup: (d) => mkdirSync(join(d, "trong")),
    args: (d) => ["consolidate", join(d, "trong"), "--out", join(d, "tong-hop.xlsx")],
    code: 2,
    stderr: [/Không có tệp báo cáo nào để tổng hợp trong .*trong\./],
  },
  {
    name: "a folder of lock and hidden files only is empty too",
    setup: (d) => {
      mkdirSync(join(d, "khoa"));
      writeFileSync(join(d, "khoa", "~$SO_A.xlsx"), "lock");
      writeFileSync(join(d, "khoa", ".DS_Store"), "x");
    },
    args: (d) => ["consolidate", join(d, "khoa"), "--out", join(d, "tong-hop.xlsx")],
    code: 2,
    stderr: [/đã bỏ qua 2 tệp khóa “~\$…” hoặc tệp ẩn/],
  },
  {
    name: "Excel's lock file named among the reports (a shell's *.xlsx) is passed over and named, not a rejected report",
    setup: (d) => writeFileSync(join(d, "reports", "~$SO_A.xlsx"), "lock"),
    args: (d) => [
      "consolidate",
      join(d, "reports", "~$SO_A.xlsx"),
      join(d, "reports", "SO_A.xlsx"),
      join(d, "reports", "SO_B.xlsx"),
      "--out",
      join(d, "tong-hop.xlsx"),
    ],
    code: 0,
    stdout: [
      /Đã đọc 2 tệp: chấp nhận 2, từ chối 0/,
      /Bỏ qua 1 tệp khóa “~\$…” của Excel hoặc tệp ẩn \(không phải báo cáo\): ~\$SO_A\.xlsx\./,
    ],
  },
  {
    name: "a report named “~$…” (a lock file's name on a workbook's size) is read like any other, not passed over",
    setup: (d) => {
      writeFileSync(join(d, "reports", "~$SO_C.xlsx"), reportBytes({ unit: "SO_C", name: "Sở C" }));
      writeFileSync(join(d, "reports", "~$SO_A.xlsx"), "lock");
    },
    args: (d) => ["consolidate", join(d, "reports"), "--out", join(d, "tong-hop.xlsx")],
    code: 0,
    stdout: [
      /Đã đọc 3 tệp: chấp nhận 3, từ chối 0/,
      /Bỏ qua 1 tệp khóa “~\$…” của Excel hoặc tệp ẩn \(không phải báo cáo\): ~\$SO_A\.xlsx\./,
    ],
  },
  {
    name: "a path that does not exist",
    args: (d) => ["consolidate", join(d, "khong-co"), "--out", join(d, "tong-hop.xlsx")],
    code: 2,
    stderr: [/Không tìm thấy tệp hoặc thư mục: .*khong-co\./],
  },
  {
    name: "every non-.xlsx file in a folder is rejected with what it is; lock and hidden files are ignored",
    setup: (d) => {
      for (const [name, text] of [
        ["XA_C.xls", "\u00d0\u00cf"],
        ["XA_D.xlsm", "PK"],
        ["SO_A (cu).xlsb", "PK"],
        ["bang.ods", "PK"],
        ["so-lieu.csv", "MA;SO\nXA_C;1\n"],
        ["apple.numbers", "x"],
        ["ghi-chu", "x"],
        ["~$SO_A.xlsx", "lock"],
        [".DS_Store", "x"],
      ] as const) {
        writeFileSync(join(d, "reports", name), text);
      }
    },
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roster",
      join(d, "ds.csv"),
      "--out",
      join(d, "tong-hop.xlsx"),
      "--json",
      join(d, "tong-hop.json"),
    ],
    code: 1,
    stdout: [
      /Đã đọc 9 tệp: chấp nhận 2, từ chối 7/,
      /Bỏ qua 2 tệp khóa “~\$…” của Excel hoặc tệp ẩn \(không phải báo cáo\): \.DS_Store, ~\$SO_A\.xlsx\./,
      /Bị trả lại: 2 đơn vị đã gửi nhưng mọi tệp đều bị từ chối: Xã C \(XA_C\),\n {2}Xã D \(XA_D\)\./,
    ],
    after: (d) => {
      const report = JSON.parse(readFileSync(join(d, "tong-hop.json"), "utf8")) as {
        rejected: { file: string; findings: { code: string; message: string }[] }[];
        missing: string[];
        returned: string[];
      };
      const why = Object.fromEntries(
        report.rejected.map((r) => [r.file.slice(join(d, "reports").length + 1), r.findings[0]!.message]),
      );
      expect(Object.keys(why).sort()).toEqual([
        "SO_A (cu).xlsb",
        "XA_C.xls",
        "XA_D.xlsm",
        "apple.numbers",
        "bang.ods",
        "ghi-chu",
        "so-lieu.csv",
      ]);
      // The test's .xls holds text: the bytes tell more than the name (two letters, not a real .xls).
      expect(why["XA_C.xls"]).toMatch(/\.xls này thực chất là tệp văn bản thuần \(chỉ có chữ\).*\*\.xlsx/);
      expect(why["XA_D.xlsm"]).toMatch(/có macro \(\.xlsm\).*\*\.xlsx/);
      expect(why["SO_A (cu).xlsb"]).toMatch(/nhị phân của Excel \(\.xlsb\).*\*\.xlsx/);
      expect(why["bang.ods"]).toMatch(/OpenDocument \(\.ods\).*LibreOffice Calc.*\.xlsx/);
      expect(why["so-lieu.csv"]).toMatch(/^Tệp là văn bản CSV, không phải sổ tính Excel.*\*\.xlsx/);
      expect(why["so-lieu.csv"]).not.toMatch(/đổi đuôi/);
      expect(why["apple.numbers"]).toMatch(/Apple Numbers.*Xuất sang → Excel/);
      expect(why["ghi-chu"]).toMatch(/không có phần đuôi/);
      for (const message of Object.values(why)) expect(message).not.toMatch(/Word hoặc PowerPoint/);
      // Returned is not missing: XA_C and XA_D sent files (by their names), SO_A's stray .xlsb does not make it returned.
      expect(report.returned).toEqual(["XA_C", "XA_D"]);
      expect(report.missing).toEqual([]);
    },
  },
  {
    name: "one file that cannot be opened is rejected with the reason, the rest are consolidated; its unit is not called returned",
    setup: (d) => symlinkSync(join(d, "khong-con.xlsx"), join(d, "reports", "XA_C.xlsx")),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roster",
      join(d, "ds.csv"),
      "--out",
      join(d, "tong-hop.xlsx"),
      "--json",
      join(d, "tong-hop.json"),
    ],
    code: 1,
    stdout: [
      /chấp nhận 2, từ chối 1/,
      /XA_C\.xlsx: Máy này không mở được tệp: không tìm thấy tệp hoặc thư mục này\. Đây không phải lỗi của tệp đơn vị gửi; không trả lại báo cáo vì lý do này: hãy kiểm tra lại trên máy rồi chạy lại\./,
      // What XA_C sent is not known: not "returned" (its letter would return a report nobody read).
      /Chưa nộp: 2 đơn vị chưa gửi tệp nào: Xã C \(XA_C\), Xã D \(XA_D\)\./,
      /Lưu ý: 1 tệp hoặc thư mục chưa mở được trên máy này \(lý do ở trang “Lỗi”\), chưa rõ nội dung \(có thể là báo cáo hay bản gửi lại của bất kỳ đơn vị nào\): số liệu và danh sách chưa nộp chưa đầy đủ, chưa lập thư nhắc nào\. Mở được rồi hãy tổng hợp lại: “.*XA_C\.xlsx” \(có thể của XA_C – Xã C\)\./,
    ],
  },
  {
    name: "a linked folder and a linked report are read through their links, with the folder's files in name order",
    setup: (d) => {
      // The communes' reports live elsewhere (a share), linked into reports/ as a folder; one report is linked alone.
      mkdirSync(join(d, "share", "xa"), { recursive: true });
      writeFileSync(join(d, "share", "xa", "XA_D.xlsx"), reportBytes({ unit: "XA_D", name: "Xã D" }));
      writeFileSync(join(d, "share", "xa", "XA_C.xlsx"), reportBytes({ unit: "XA_C", name: "Xã C" }));
      symlinkSync(join(d, "share", "xa"), join(d, "reports", "cac-xa"));
      renameSync(join(d, "reports", "SO_B.xlsx"), join(d, "share", "SO_B.xlsx"));
      symlinkSync(join(d, "share", "SO_B.xlsx"), join(d, "reports", "SO_B.xlsx"));
    },
    args: (d) => ["validate", join(d, "reports")],
    code: 0,
    stdout: [/SO_A\.xlsx[^]*SO_B\.xlsx[^]*cac-xa\/XA_C\.xlsx[^]*cac-xa\/XA_D\.xlsx/],
  },
  // ── outputs that cannot be written: a sentence, exit 2, nothing half-written ──
  {
    name: "--out under a path that is a file",
    setup: (d) => writeFileSync(join(d, "la-tep"), "x"),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--out",
      join(d, "la-tep", "tong-hop.xlsx"),
      "--json",
      join(d, "tong-hop.json"),
    ],
    code: 2,
    stderr: [/Không ghi được .*la-tep\/tong-hop\.xlsx \(--out\): .*la-tep là một tệp, không phải thư mục/],
  },
  {
    name: "--letters pointing at a file: refused before the summary is written",
    setup: (d) => writeFileSync(join(d, "thu"), "x"),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--roster",
      join(d, "ds.csv"),
      "--out",
      join(d, "tong-hop.xlsx"),
      "--letters",
      join(d, "thu"),
    ],
    code: 2,
    stderr: [/Không ghi được vào .*thu \(--letters\): đây là một tệp, cần một thư mục/],
  },
  {
    name: "--json naming a folder",
    setup: (d) => mkdirSync(join(d, "ket-qua.json")),
    args: (d) => [
      "consolidate",
      join(d, "reports"),
      "--out",
      join(d, "tong-hop.xlsx"),
      "--json",
      join(d, "ket-qua.json"),
    ],
    code: 2,
    stderr: [/Không ghi được .*ket-qua\.json \(--json\): đã có một thư mục trùng tên/],
  },
  // ── validate: a verdict per file, a tally, one bad path does not stop the batch ──
  {
    name: "validate: errors first in row order, a closing tally, a missing path reported and the rest checked",
    setup: (d) =>
      writeFileSync(
        join(d, "reports", "XA_C.xlsx"),
        reportBytes({
          unit: "XA_C",
          name: "Xã C",
          type: "UBND_XA",
          counts: { HN_TONG: [10, -1], VB_HANH_CHINH: [20, "mười"], HN_TRUC_TUYEN: [5, "6"] },
        }),
      ),
    args: (d) => [
      "validate",
      join(d, "reports", "XA_C.xlsx"),
      join(d, "khong-co.xlsx"),
      join(d, "reports", "SO_A.xlsx"),
    ],
    // A mistyped path is no report that failed its checks: said as not found, the rest checked.
    code: 1,
    stdout: [
      /^✗ KHÔNG HỢP LỆ — 2 lỗi, 1 cảnh báo, chưa gửi được: .*XA_C\.xlsx — XA_C \(Xã C\)\n {4}Lỗi · Trang “Chỉ tiêu”, ô E5: .*\n {4}Lỗi · Trang “Chỉ tiêu”, ô E8: .*\n {4}Cảnh báo · Trang “Chỉ tiêu”, ô E6: /,
      /\n✗ KHÔNG TÌM THẤY: .*khong-co\.xlsx — không có tệp hoặc thư mục này\. Hãy kiểm tra lại đường dẫn\.\n/,
      /\n✓ HỢP LỆ: .*SO_A\.xlsx — SO_A \(Sở A\)\n/,
      /\nTổng kết: 2 tệp — 1 hợp lệ, 1 không hợp lệ; 2 lỗi, 1 cảnh báo\.\nKhông tìm thấy 1 đường dẫn: .*khong-co\.xlsx\. Hãy kiểm tra lại rồi chạy lại cho các tệp đó\.\nTệp không hợp lệ: .*XA_C\.xlsx\.\n$/,
    ],
  },
  {
    name: "validate a folder: every file has a verdict",
    args: (d) => ["validate", join(d, "reports")],
    code: 0,
    stdout: [
      /✓ HỢP LỆ: .*SO_A\.xlsx/,
      /✓ HỢP LỆ: .*SO_B\.xlsx/,
      /Tổng kết: 2 tệp — cả 2 hợp lệ; 0 lỗi, 0 cảnh báo\./,
    ],
  },
  {
    name: "validate a folder holding two periods' reports: each valid, and the fewer named as another period's",
    setup: (d) =>
      writeFileSync(
        join(d, "reports", "XA_N.xlsx"),
        reportBytes({
          unit: "XA_N",
          name: "Xã N",
          type: "UBND_XA",
          period: "NAM",
          reportDate: { year: 2026, month: 12, day: 1 },
        }),
      ),
    args: (d) => ["validate", join(d, "reports")],
    code: 0,
    stdout: [
      /Tổng kết: 3 tệp — cả 3 hợp lệ; 0 lỗi, 0 cảnh báo\.\nLưu ý: các tệp khai 2 kỳ báo cáo khác nhau: 6 tháng đầu năm 2026 \(2 tệp\); năm 2026 \(1 tệp: .*XA_N\.xlsx\)\. Mỗi lần tổng hợp chỉ dùng báo cáo của một kỳ: xem lại Kỳ báo cáo và Năm của các tệp không thuộc kỳ sắp tổng hợp\.\n$/,
    ],
  },
  {
    name: "validate an empty folder",
    setup: (d) => mkdirSync(join(d, "trong")),
    args: (d) => ["validate", join(d, "trong")],
    code: 2,
    stderr: [/Không có tệp nào để kiểm tra trong .*trong\./],
  },
  {
    name: "validate a .xls says what it is, not a guess from its bytes",
    setup: (d) => writeFileSync(join(d, "bao-cao.xls"), "MA_DON_VI;XA_C\n"),
    args: (d) => ["validate", join(d, "bao-cao.xls")],
    code: 1,
    // A CSV line: said to be one (it was "trang HTML hoặc XML"), and to be copied into the template.
    stdout: [/Tệp \.xls này thực chất là tệp văn bản CSV .*chép số liệu vào mẫu báo cáo.*\*\.xlsx/],
  },
  // ── demo ──
  {
    name: "demo on a folder of one's own with a rejected file exits 1 and does not call it deliberate",
    setup: (d) =>
      writeFileSync(
        join(d, "reports", "XA_C.xlsx"),
        reportBytes({ unit: "XA_C", name: "Xã C", type: "UBND_XA", counts: { HN_TONG: [10, -1] } }),
      ),
    args: (d) => ["demo", "--samples", join(d, "reports"), "--out-dir", join(d, "out")],
    code: 1,
    stdout: [/Có 1 tệp bị từ chối/],
    after: (_d, io) => expect(io.stdout).not.toMatch(/cố ý/),
  },
];

describe.each(ROWS)("$name", (row) => {
  test(`exit ${row.code}, messages in Vietnamese${row.code === 2 ? ", nothing written" : ""}, sources unchanged`, async () => {
    const dir = workspace();
    row.setup?.(dir);
    const before = tree(dir);
    const io = capture();
    const code = await main(row.args(dir), io);
    const text = `${io.stdout}${io.stderr}`;
    for (const re of row.stdout ?? []) expect(io.stdout).toMatch(re);
    for (const re of row.stderr ?? []) expect(io.stderr).toMatch(re);
    expect(code).toBe(row.code);
    expect(text).not.toMatch(NOT_VIETNAMESE);
    expect(text).toMatch(VIETNAMESE);
    if (row.code === 2) {
      // A usage error goes to stderr and leaves the folder exactly as it was.
      expect(io.stdout === "" || row.args(dir).length === 0).toBe(true);
      expect(tree(dir)).toEqual(before);
    } else {
      // Whatever was written, every file that was there before is byte for byte the same.
      const after = tree(dir);
      for (const [path, hash] of Object.entries(before))
        if (!row.replaces?.includes(path)) expect([path, after[path]]).toEqual([path, hash]);
    }
    row.after?.(dir, io);
  });
});

describe("file-system errors become a sentence naming the path", () => {
  test.each([
    ["ENOSPC", /ổ đĩa đã đầy/],
    ["EACCES", /không có quyền/],
    ["EPERM", /không có quyền/],
    ["EROFS", /chỉ cho đọc/],
    ["ENOTDIR", /một phần của đường dẫn là tệp/],
    ["EEXIST", /một phần của đường dẫn là tệp/],
    ["EISDIR", /là một thư mục/],
    ["EBUSY", /đang mở trong chương trình khác/],
  ])("%s", (code, reason) => {
    const error = Object.assign(new Error(`${code}: raw`), { code, path: "/srv/kl226/tong-hop.xlsx" });
    const e = fsError(error, "/srv/kl226/tong-hop.xlsx", "write");
    expect(e.message).toMatch(new RegExp(`^Không ghi được /srv/kl226/tong-hop\\.xlsx: `));
    expect(e.message).toMatch(reason);
    expect(e.message).not.toMatch(NOT_VIETNAMESE);
    // The reason comes from the table of known codes, not the catch-all for codes it does not know.
    expect(fsReason(code)).toMatch(reason);
  });
});

test("the bundled samples: demo exits 0 and says the rejections are deliberate", async () => {
  const out = mkdtempSync(join(tmpdir(), "kl226-demo-"));
  const io = capture();
  expect(await main(["demo", "--out-dir", out], io)).toBe(0);
  expect(io.stdout).toMatch(/bộ mẫu cố ý có \d+ tệp lỗi/);
  // Returned and missing are two lists: the units whose files were rejected are not "chưa nộp".
  // By name and code, in lines of 80 columns; "; " between them, as a name has a comma in it.
  expect(io.stdout).toContain(
    "Chưa nộp: 4 đơn vị chưa gửi tệp nào:\n  Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa (DH_VHTTDL);\n  Sở Ngoại vụ (SO_NGOAI_VU); Xã Mường Lát (XA_MUONG_LAT); Xã Pù Nhi (XA_PU_NHI).\n",
  );
  expect(io.stdout).toMatch(/Bị trả lại: 6 đơn vị .*:(\n {2}.*)*Xã Nga Sơn \(XA_NGA_SON\)/);
  // Last year's report as a unit's only file: nothing to send back, this period's report is missing.
  expect(io.stdout).toMatch(
    /Chỉ gửi báo cáo kỳ khác: 1 đơn vị chưa có báo cáo 6 tháng đầu năm 2026 \(.*\):\n {2}Sở Xây dựng \(SO_XAY_DUNG; năm 2025\)\.\n/,
  );
  // The samples' README and rosters are not unit reports.
  expect(io.stdout).not.toMatch(/README\.md:|roster\.csv:/);
}, 60_000);
