// A source file is never overwritten, however the inputs are given: an output path (--out, --rollup,
// --report) or the letters' folder may hold, among the files a folder scan finds, only what KL226
// wrote there on an earlier run; and a folder given twice is read once.

import {
  existsSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { sha256Hex } from "../../src/cli/io";
import { capture } from "../helpers/cli-io";
import { reportBytes } from "../helpers/report-builder";

const root = mkdtempSync(join(tmpdir(), "kl226-sources-safe-"));
const sent: Record<string, Uint8Array> = {
  "SO_A.xlsx": reportBytes({ unit: "SO_A", name: "Sở A" }),
  "XA_C.xlsx": reportBytes({ unit: "XA_C", name: "Xã C", type: "UBND_XA" }),
};
/** The same reports in a fresh folder of their own, with `extra` files beside them. */
function inbox(name: string, extra: Record<string, Uint8Array> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, bytes] of Object.entries({ ...sent, ...extra })) writeFileSync(join(dir, file), bytes);
  return dir;
}
const hashesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, sha256Hex(new Uint8Array(readFileSync(join(dir, f))))]));
/** A Word file a unit sent with its report (not written by KL226). */
const unitsWordFile = new TextEncoder().encode("Công văn số 12/UBND gửi kèm báo cáo");
const ROLLUP_UNIT = ["--as-unit", "SO_NOI_VU", "--name", "Sở Nội vụ", "--type", "SO_NGANH"];

test.each([
  ["--out", "SO_A.xlsx", []],
  ["--report", "XA_C.docx", []],
])(
  "%s onto a file someone sent, found in the input folder: exit 2, nothing written",
  async (option, name, more) => {
    const dir = inbox(`onto-${option.slice(2)}`, { "XA_C.docx": unitsWordFile });
    const before = hashesOf(dir);
    const out = option === "--out" ? [] : ["--out", join(root, `th-${option.slice(2)}.xlsx`)];
    const io = capture();
    expect(await main(["consolidate", dir, ...out, option, join(dir, name), ...more], io)).toBe(2);
    expect(io.stderr).toContain(`Tệp ${join(dir, name)} nằm trong thư mục nguồn`);
    expect(io.stderr).toContain("tệp nguồn không bao giờ bị ghi đè");
    expect(hashesOf(dir)).toEqual(before);
  },
);

test.each([
  [
    "a unit's own report, named as the roll-up's unit",
    "SO_NOI_VU.xlsx",
    { "SO_NOI_VU.xlsx": reportBytes({ unit: "SO_NOI_VU", name: "Sở Nội vụ" }) },
  ],
  ["a report someone sent", "XA_C.xlsx", {}],
  ["a new file in a subfolder", join("gui-di", "SO_NOI_VU.xlsx"), {}],
])(
  "--rollup into the input folder (%s) is refused: the next run would read it as a report; nothing written",
  async (_, name, extra) => {
    const dir = inbox(`rollup-inbox-${name.length}`, extra);
    const before = hashesOf(dir);
    const io = capture();
    const args = [
      "consolidate",
      dir,
      "--out",
      join(root, `th-${name.length}.xlsx`),
      "--rollup",
      join(dir, name),
    ];
    expect(await main([...args, ...ROLLUP_UNIT], io)).toBe(2);
    expect(io.stderr).toContain(`Tệp ${join(dir, name)} (--rollup) nằm trong thư mục nguồn ${dir}`);
    expect(io.stderr).toContain(`ví dụ --rollup ${join(root, "gui-cap-tren", name.replace(/^.*[\\/]/, ""))}`);
    expect(io.stderr).toContain("chưa có gì được ghi");
    expect(hashesOf(dir)).toEqual(before);
    expect(io.stdout).toBe("");
  },
);

test("--rollup beside the report files given one by one (a wildcard bao-cao/*.xlsx) is refused too", async () => {
  const dir = inbox("rollup-wildcard");
  const io = capture();
  const files = [join(dir, "SO_A.xlsx"), join(dir, "XA_C.xlsx")];
  const args = [
    "consolidate",
    ...files,
    "--out",
    join(root, "wild.xlsx"),
    "--rollup",
    join(dir, "SO_NOI_VU.xlsx"),
  ];
  expect(await main([...args, ...ROLLUP_UNIT], io)).toBe(2);
  expect(io.stderr).toContain(
    `Tệp ${join(dir, "SO_NOI_VU.xlsx")} (--rollup) nằm trong thư mục nguồn ${dir}:`,
  );
  expect(readdirSync(dir).sort()).toEqual(["SO_A.xlsx", "XA_C.xlsx"]);
});

test("what a run wrote into the input folder is replaced on the next run and not read as a report", async () => {
  const dir = inbox("again");
  const args = [
    "consolidate",
    dir,
    "--out",
    join(dir, "tong-hop.xlsx"),
    "--json",
    join(dir, "tong-hop.json"),
  ];
  const rollup = [
    "--rollup",
    join(root, "gui-cap-tren-again", "SO_NOI_VU.xlsx"),
    ...ROLLUP_UNIT,
    "--report",
    join(dir, "bao-cao.docx"),
  ];
  const first = capture();
  expect(await main([...args, ...rollup], first)).toBe(0);
  const written = ["SO_A.xlsx", "XA_C.xlsx", "bao-cao.docx", "tong-hop.json", "tong-hop.xlsx"];
  expect(readdirSync(dir).sort()).toEqual(written);
  const second = capture();
  expect(await main([...args, ...rollup], second)).toBe(0);
  expect(second.stdout).toContain("Đã đọc 2 tệp: chấp nhận 2");
  expect(second.stdout).not.toContain("SO_NOI_VU.xlsx: ");
  // Replaced in their own names: no "tong-hop-moi.xlsx" or "bao-cao-moi.docx" beside them.
  expect(readdirSync(dir).sort()).toEqual(written);
});

test("letters: refused in a folder holding what units sent; in a folder of their own inside the inbox, left out of the next run", async () => {
  const dir = inbox("letters", { "XA_C.docx": unitsWordFile });
  const before = hashesOf(dir);
  const refused = capture();
  const out = ["--out", join(root, "th-letters.xlsx"), "--roster", roster()];
  expect(await main(["consolidate", dir, ...out, "--letters", dir], refused)).toBe(2);
  expect(refused.stderr).toContain(`chứa ${join(dir, "SO_A.xlsx")}, một tệp nhận được`);
  expect(hashesOf(dir)).toEqual(before);

  const own = join(dir, "thu-nhac");
  const first = capture();
  expect(await main(["consolidate", dir, ...out, "--letters", own], first)).toBe(1);
  expect(readdirSync(own).filter((f) => f.endsWith(".docx")).length).toBeGreaterThan(0);
  const second = capture();
  expect(await main(["consolidate", dir, ...out, "--letters", own], second)).toBe(1);
  // The unit's Word file is still rejected as not a report; the letters are not read at all.
  expect(second.stdout).toBe(first.stdout);
  expect(second.stdout).not.toMatch(/✗[^\n]*thu-nhac/);
});

test("a folder given twice, or a file also inside a folder given, is read once", async () => {
  const dir = inbox("twice");
  const once = capture();
  expect(await main(["consolidate", dir, "--out", join(root, "once.xlsx")], once)).toBe(0);
  const twice = capture();
  const again = ["consolidate", dir, `${dir}/`, join(dir, "SO_A.xlsx"), "--out", join(root, "twice.xlsx")];
  expect(await main(again, twice)).toBe(0);
  expect(twice.stdout).toContain("Đã đọc 2 tệp: chấp nhận 2");
  expect(twice.stdout).toContain("trùng đơn vị 0");
  const copy = join(root, "twice-copy");
  cpSync(dir, copy, { recursive: true });
  const validate = capture();
  expect(await main(["validate", copy, copy], validate)).toBe(0);
  expect(validate.stdout).toContain("Tổng kết: 2 tệp");
  expect(twice.stderr).not.toContain("không có tệp nào");
});

test("a link back up inside a folder (a/up -> ..) or a second link to it is followed once, not round and round", async () => {
  const dir = inbox("loop");
  mkdirSync(join(dir, "a"));
  symlinkSync("..", join(dir, "a", "up"));
  symlinkSync(dir, join(dir, "a", "again"));
  const io = capture();
  expect(await main(["consolidate", dir, "--out", join(root, "loop.xlsx")], io)).toBe(0);
  expect(io.stdout).toContain("Đã đọc 2 tệp: chấp nhận 2");
  expect(io.stdout).toContain("trùng đơn vị 0");
});

/** A roster with a unit that sent nothing, so there is a letter to write. */
function roster(): string {
  const path = join(root, "ds.csv");
  writeFileSync(
    path,
    "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;SO_NGANH\nXA_C;Xã C;UBND_XA\nXA_E;Xã E;UBND_XA\n",
  );
  return path;
}

test("a folder whose name is stored decomposed (NFD, from a macOS zip) is found when typed composed (NFC)", async () => {
  const stored = join(root, "Báo cáo Sở Nội vụ".normalize("NFD"));
  mkdirSync(stored);
  writeFileSync(join(stored, "SO_A.xlsx"), sent["SO_A.xlsx"]!);
  const typed = join(root, "Báo cáo Sở Nội vụ".normalize("NFC"));
  expect(typed).not.toBe(stored);
  const io = capture();
  expect(await main(["validate", typed], io)).toBe(0);
  expect(io.stdout).toContain("Tổng kết: 1 tệp — hợp lệ");
  const c = capture();
  expect(await main(["consolidate", join(typed, "SO_A.xlsx"), "--out", join(root, "nfd.xlsx")], c)).toBe(0);
  expect(c.stdout).toContain("Đã đọc 1 tệp: chấp nhận 1");
});

test("an output typed composed goes into the decomposed folder, not into a look-alike new one beside it", async () => {
  const stored = join(root, "Hộp thư tỉnh".normalize("NFD"));
  mkdirSync(stored);
  for (const [file, bytes] of Object.entries(sent)) writeFileSync(join(stored, file), bytes);
  const typed = join(root, "Hộp thư tỉnh".normalize("NFC"));
  const io = capture();
  const args = ["--out", join(typed, "tong-hop.xlsx"), "--json", join(typed, "ket-qua", "tong-hop.json")];
  expect(await main(["consolidate", typed, ...args], io)).toBe(0);
  expect(readdirSync(root).filter((n) => n.normalize("NFC") === "Hộp thư tỉnh".normalize("NFC"))).toEqual([
    "Hộp thư tỉnh".normalize("NFD"),
  ]);
  expect(readdirSync(stored).sort()).toEqual(["SO_A.xlsx", "XA_C.xlsx", "ket-qua", "tong-hop.xlsx"]);
  expect(readdirSync(join(stored, "ket-qua"))).toEqual(["tong-hop.json"]);
  // The next run, given the same composed name, still finds every report.
  const again = capture();
  expect(await main(["consolidate", typed, "--out", join(root, "lan-sau.xlsx")], again)).toBe(1);
  expect(again.stdout).toContain("chấp nhận 2");
});

test("a roster typed composed is found stored decomposed, and left out of the reports in its folder", async () => {
  const dir = inbox("ds-nfd");
  const stored = join(dir, "Danh sách.csv".normalize("NFD"));
  writeFileSync(
    stored,
    "MA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;SO_NGANH\nXA_C;Xã C;UBND_XA\nXA_E;Xã E;UBND_XA\n",
  );
  const io = capture();
  const typed = join(dir, "Danh sách.csv".normalize("NFC"));
  expect(await main(["consolidate", dir, "--roster", typed, "--out", join(root, "ds-nfd.xlsx")], io)).toBe(0);
  expect(io.stdout).toContain("Đã đọc 2 tệp: chấp nhận 2, từ chối 0");
  expect(io.stdout).toContain("Chưa nộp: 1 đơn vị chưa gửi tệp nào: Xã E (XA_E).");
});

test("template does not put a blank form beside a filled report whose name is stored decomposed", async () => {
  const filled = join(root, "Xã Hải Lĩnh.xlsx".normalize("NFD"));
  writeFileSync(filled, sent["XA_C.xlsx"]!);
  const io = capture();
  expect(await main(["template", "--out", join(root, "Xã Hải Lĩnh.xlsx".normalize("NFC"))], io)).toBe(2);
  expect(io.stderr).toContain("đã có. kl226 template không ghi đè tệp có sẵn");
  expect(
    readdirSync(root).filter((n) => n.normalize("NFC") === "Xã Hải Lĩnh.xlsx".normalize("NFC")),
  ).toHaveLength(1);
  expect(sha256Hex(new Uint8Array(readFileSync(filled)))).toBe(sha256Hex(sent["XA_C.xlsx"]!));
});

test.each([
  ["--json", ["--json", "ket-qua.xlsx"]],
  ["--letters", ["--letters", "./ket-qua.xlsx"]],
  ["--rollup", [...ROLLUP_UNIT, "--rollup", "ket-qua.xlsx"]],
])("--out and %s to one path are refused before anything is written", async (option, extra) => {
  const dir = inbox(`hai-ket-qua${option}`);
  const at = (p: string): string => (p.endsWith(".xlsx") ? join(dir, p) : p);
  const io = capture();
  expect(await main(["consolidate", dir, "--out", at("ket-qua.xlsx"), ...extra.map(at)], io)).toBe(2);
  expect(io.stderr).toContain(`--out và ${option} cùng chỉ tới`);
  expect(readdirSync(dir).sort()).toEqual(["SO_A.xlsx", "XA_C.xlsx"]);
});

test.each([["tat-ca-thu-nhac.docx"], ["SO_A.docx"], ["XA_C-moi.docx"]])(
  "--report %s inside the letters' folder is refused: a letter of that name would replace it, or the clean-up delete it",
  async (name) => {
    const dir = inbox(`report-in-letters-${name}`);
    const out = join(root, `report-in-letters-${name}-out`);
    const io = capture();
    const args = ["consolidate", dir, "--out", join(out, "th.xlsx"), "--letters", join(out, "thu")];
    expect(await main([...args, "--report", join(out, "thu", name)], io)).toBe(2);
    expect(io.stderr).toContain(
      `--report ${join(out, "thu", name)} nằm trong thư mục thư nhắc (--letters ${join(out, "thu")}) và mang tên của một thư nhắc`,
    );
    expect(io.stderr).toContain("chưa có gì được ghi");
    expect(readdirSync(root)).not.toContain(`report-in-letters-${name}-out`);
  },
);

/** `consolidate DIR --roster … OPTIONS`: a run with a unit that sent nothing, so there are letters. */
const withRoster = (dir: string, ...options: string[]): string[] => [
  "consolidate",
  dir,
  "--roster",
  roster(),
  ...options,
];

test.each([["TAT-CA-THU-NHAC.DOCX"], ["xa_e.docx"]])(
  "--report %s in the letters' folder, a letter's name in another case (one file on Windows), is refused before anything is written",
  async (name) => {
    const dir = inbox(`report-letter-case-${name}`);
    const out = join(root, `report-letter-case-${name}-out`);
    const io = capture();
    const args = withRoster(dir, "--out", join(out, "th.xlsx"), "--letters", join(out, "thu"));
    expect(await main([...args, "--report", join(out, "thu", name)], io)).toBe(2);
    expect(io.stderr).toContain(`--report ${join(out, "thu", name)} trùng tên với thư nhắc`);
    expect(io.stderr).toContain("chưa có gì được ghi");
    expect(existsSync(join(out, "th.xlsx"))).toBe(false);
  },
);

test("one folder for everything (--out, --json, --report under names of their own, --letters): written, and again", async () => {
  const dir = inbox("all-in-one");
  const out = join(root, "all-in-one-out");
  const args = withRoster(
    dir,
    ...["--out", join(out, "tong-hop.xlsx"), "--json", join(out, "tong-hop.json")],
    ...["--report", join(out, "bao-cao.docx"), "--letters", out],
  );
  expect(await main(args, capture())).toBe(0);
  expect(await main(args, capture())).toBe(0);
  expect(readdirSync(out).sort()).toEqual(
    expect.arrayContaining([
      "bao-cao.docx",
      "tat-ca-thu-nhac.docx",
      "tong-hop.json",
      "tong-hop.xlsx",
      "XA_E.docx",
    ]),
  );
  expect(readdirSync(out)).not.toContain("bao-cao-moi.docx");
});

test("validate names the files it skips as Excel lock or hidden files, as consolidate does", async () => {
  // As Excel writes it: a user name in 165 bytes (a "~$" file of a workbook's size is read as a report).
  const dir = inbox("lock", { "~$XA_C ban sao.xlsx": new Uint8Array(165).fill(0x20) });
  const io = capture();
  expect(await main(["validate", dir], io)).toBe(0);
  expect(io.stderr).toBe(
    "Bỏ qua 1 tệp khóa “~$…” của Excel hoặc tệp ẩn (không phải báo cáo): ~$XA_C ban sao.xlsx.\n",
  );
});

test("--letters through a link to the input folder is refused as the folder itself is: the letters would land among the reports", async () => {
  const dir = inbox("letters-link");
  const link = join(root, "letters-link-alias");
  symlinkSync(dir, link);
  const before = hashesOf(dir);
  const io = capture();
  const args = ["consolidate", dir, "--out", join(root, "th-letters-link.xlsx"), "--roster", roster()];
  expect(await main([...args, "--letters", link], io)).toBe(2);
  expect(io.stderr).toContain(
    `Thư mục ${link} (--letters) chứa ${join(dir, "SO_A.xlsx")}, một tệp nhận được`,
  );
  expect(io.stderr).toContain("chưa có gì được ghi");
  expect(hashesOf(dir)).toEqual(before);
  // And the inbox reached through the link, letters in the folder itself: refused too.
  const through = capture();
  const viaLink = ["consolidate", link, "--out", join(root, "th-letters-link2.xlsx"), "--roster", roster()];
  expect(await main([...viaLink, "--letters", dir], through)).toBe(2);
  expect(hashesOf(dir)).toEqual(before);
});

test("letters and a report of an earlier run left in a subfolder of the inbox are not read as units' Word files when the next run writes them elsewhere", async () => {
  const dir = inbox("letters-left", { "XA_C.docx": unitsWordFile });
  const own = join(dir, "thu-nhac");
  const out = ["--roster", roster()];
  const first = capture();
  const written = ["--letters", own, "--report", join(own, "bao-cao.docx")];
  expect(
    await main(["consolidate", dir, "--out", join(root, "left-1.xlsx"), ...out, ...written], first),
  ).toBe(1);
  // XA_E sent nothing: its letter asks for a report.
  expect(readdirSync(own)).toContain("XA_E.docx");
  expect(first.stdout).toContain("Chưa nộp: 1 đơn vị chưa gửi tệp nào: Xã E (XA_E).");
  const second = capture();
  const elsewhere = ["--letters", join(root, "letters-left-new")];
  expect(
    await main(["consolidate", dir, "--out", join(root, "left-2.xlsx"), ...out, ...elsewhere], second),
  ).toBe(1);
  // Before: "Đã đọc 6 tệp", every letter and the report rejected as a unit's Word file, XA_E "Bị trả lại".
  expect(second.stdout).toContain("Đã đọc 3 tệp");
  expect(second.stdout).toContain("Chưa nộp: 1 đơn vị chưa gửi tệp nào: Xã E (XA_E).");
  expect(second.stdout).not.toMatch(/✗[^\n]*thu-nhac/);
  // The unit's own Word file is still rejected, named.
  expect(second.stdout).toContain(`✗ ${join(dir, "XA_C.docx")}:`);
  expect(second.stderr).toContain(
    `Bỏ qua 3 văn bản Word do KL226 lập ở lần chạy trước (thư nhắc, báo cáo) trong thư mục ${own}: không phải báo cáo của đơn vị. Nên để thư nhắc và báo cáo ngoài thư mục các báo cáo.\n`,
  );
  expect(second.stdout + second.stderr).not.toContain(".kl226-thu-nhac.json");
  // `validate` of the folder passes them over the same way; a letter named alone is still checked.
  const check = capture();
  await main(["validate", dir], check);
  expect(check.stdout).not.toMatch(/thu-nhac/);
  expect(check.stdout).toContain(`${join(dir, "XA_C.docx")}`);
  expect(check.stderr).toContain(
    `Bỏ qua 3 văn bản Word do KL226 lập ở lần chạy trước (thư nhắc, báo cáo) trong thư mục ${own}:`,
  );
  const alone = capture();
  await main(["validate", join(own, "XA_E.docx")], alone);
  expect(alone.stdout).toContain(join(own, "XA_E.docx"));
});
