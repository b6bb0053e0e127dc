// kl226 template and validate end to end on real files: a template filled by other programs
// (ExcelJS, LibreOffice) validates clean; --json matches SPEC §6; broken files exit 1, no stack trace.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { reportBytes } from "../helpers/report-builder";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import { sha256Hex } from "../../src/cli/io";
import { capture } from "../helpers/cli-io";
import { docxText } from "../helpers/docx-text";

const dir = mkdtempSync(join(tmpdir(), "kl226-cli-"));

async function makeTemplate(name = "mau.xlsx"): Promise<string> {
  const out = join(dir, name);
  const io = capture();
  const code = await main(
    [
      "template",
      "--out",
      out,
      "--unit",
      "xa_quang_phu",
      "--name",
      "UBND xã Quảng Phú",
      "--type",
      "UBND_XA",
      "--period",
      "6T",
      "--year",
      "2026",
    ],
    io,
  );
  expect(code).toBe(0);
  expect(io.stdout).toContain(out);
  return out;
}

/** Fill the template the way a clerk would, with ExcelJS as "another program". */
async function fillWithExcelJS(templatePath: string, outPath: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  const info = wb.getWorksheet("Thông tin")!;
  info.getCell("C10").value = new Date(Date.UTC(2026, 5, 4));
  info.getCell("C11").value = "Nguyễn Thị Lan";
  const counts = wb.getWorksheet("Chỉ tiêu")!;
  const values: Array<[number, number]> = [
    [40, 35],
    [20, 22],
    [0, 0],
    [120, 100],
    [500, 520],
    [480, 510],
    [900, 950],
    [880, 930],
    [400, 420],
    [400, 420],
    [30, 30],
    [20, 30],
    [1, 2],
  ];
  values.forEach(([prev, cur], i) => {
    counts.getCell(`D${5 + i}`).value = prev;
    counts.getCell(`E${5 + i}`).value = cur;
  });
  const tasks = wb.getWorksheet("Nhiệm vụ")!;
  for (let r = 5; r <= 16; r++) tasks.getCell(`G${r}`).value = r % 2 ? "Hoàn thành" : "Đang thực hiện";
  await wb.xlsx.writeFile(outPath);
}

test("a template made by kl226 template and filled by ExcelJS validates clean", async () => {
  const template = await makeTemplate();
  const filled = join(dir, "filled-exceljs.xlsx");
  await fillWithExcelJS(template, filled);
  const io = capture();
  const code = await main(["validate", filled, "--json"], io);
  const json = JSON.parse(io.stdout);
  expect(json).toEqual([
    {
      file: filled,
      valid: true,
      form: "KL226-BC/1",
      unit: "XA_QUANG_PHU",
      period: "6T",
      year: 2026,
      findings: [],
    },
  ]);
  expect(code).toBe(0);
});

test("the filled template re-saved by LibreOffice still validates clean", async () => {
  const template = await makeTemplate("mau-lo.xlsx");
  const filled = join(dir, "filled-for-lo.xlsx");
  await fillWithExcelJS(template, filled);
  const loDir = join(dir, "lo");
  const resaved = await convertWithLibreOffice(filled, "xlsx", loDir);
  const io = capture();
  expect(await main(["validate", resaved, "--json"], io)).toBe(0);
  expect(JSON.parse(io.stdout)[0]).toMatchObject({ valid: true, unit: "XA_QUANG_PHU", findings: [] });
}, 180_000);

test("validate --json gives the SPEC §6 shape for an invalid file, and exit 1", async () => {
  const file = join(dir, "bad.xlsx");
  writeFileSync(
    file,
    reportBytes({ unit: "SO_TU_PHAP", name: "Sở Tư pháp", counts: { HN_TONG: [100, -2] } }),
  );
  const io = capture();
  expect(await main(["validate", "--json", file], io)).toBe(1);
  const [entry] = JSON.parse(io.stdout);
  expect(Object.keys(entry)).toEqual(["file", "valid", "form", "unit", "period", "year", "findings"]);
  expect(entry).toMatchObject({ file, valid: false, unit: "SO_TU_PHAP", period: "6T", year: 2026 });
  expect(entry.findings).toContainEqual({
    code: "BAD_VALUE",
    severity: "error",
    sheet: "Chỉ tiêu",
    cell: "E5",
    message: expect.stringMatching(/số âm/),
  });
});

test.each([
  ["text.xlsx", new TextEncoder().encode("đây không phải tệp Excel\n")],
  ["empty.xlsx", new Uint8Array()],
  ["truncated.xlsx", reportBytes({ unit: "SO_Y_TE", name: "Sở Y tế" }).slice(0, 5000)],
])("%s is UNREADABLE with exit 1 and no stack trace", async (name, bytes) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const io = capture();
  expect(await main(["validate", file, "--json"], io)).toBe(1);
  const [entry] = JSON.parse(io.stdout);
  expect(entry).toMatchObject({ valid: false, unit: null, period: null, year: null });
  expect(entry.findings).toEqual([
    expect.objectContaining({ code: "UNREADABLE", severity: "error", sheet: null, cell: null }),
  ]);
  expect(io.stderr).toBe("");
  expect(io.stdout).not.toMatch(/\bat .*\.ts:\d+/);
});

test("human output: a verdict line, errors in sheet and row order before warnings, a closing tally; sources are not modified", async () => {
  const file = join(dir, "human.xlsx");
  writeFileSync(
    file,
    reportBytes({
      unit: "SO_TU_PHAP",
      name: "Sở Tư pháp",
      counts: { HN_TRUC_TUYEN: [10, "34"] },
      taskStatuses: ["Xong"],
    }),
  );
  const before = sha256Hex(readFileSync(file));
  const io = capture();
  expect(await main(["validate", file], io)).toBe(1);
  const lines = io.stdout.trimEnd().split("\n");
  expect(lines[0]).toMatch(
    /^✗ KHÔNG HỢP LỆ — \d+ lỗi, 1 cảnh báo, chưa gửi được: .*human\.xlsx — SO_TU_PHAP \(Sở Tư pháp\)$/,
  );
  const findings = lines.slice(1).filter((l) => l.startsWith("    "));
  const g5 = findings.findIndex((l) => /^ {4}Lỗi · Trang “Nhiệm vụ”, ô G5: /.test(l));
  const e6 = findings.findIndex((l) => /^ {4}Cảnh báo · Trang “Chỉ tiêu”, ô E6: /.test(l));
  expect(g5).toBeGreaterThanOrEqual(0);
  // The warning on an earlier sheet still comes after every error.
  expect(e6).toBe(findings.length - 1);
  expect(lines[lines.length - 1]).toMatch(
    /^Tổng kết: 1 tệp — 0 hợp lệ, 1 không hợp lệ; \d+ lỗi, 1 cảnh báo\.$/,
  );
  expect(sha256Hex(readFileSync(file))).toBe(before);
});

test("usage errors and a bad profile exit 2 with a Vietnamese message", async () => {
  let io = capture();
  expect(await main(["validate"], io)).toBe(2);
  expect(io.stderr).toMatch(/Cần ít nhất một tệp/);
  io = capture();
  expect(await main(["template", "--out", join(dir, "x.xlsx"), "--period", "Q3"], io)).toBe(2);
  expect(io.stderr).toMatch(/--period/);
  io = capture();
  expect(await main(["frobnicate"], io)).toBe(2);
  const profile = join(dir, "profile.json");
  writeFileSync(profile, JSON.stringify({ targets: { ONLINE_RATIO: 2 } }));
  io = capture();
  expect(await main(["validate", "--profile", profile, join(dir, "bad.xlsx")], io)).toBe(2);
  expect(io.stderr).toMatch(/targets\.ONLINE_RATIO/);
  io = capture();
  // A path that does not exist is that entry's verdict (exit 1), not the end of the batch.
  expect(await main(["validate", join(dir, "khong-co.xlsx")], io)).toBe(1);
  expect(io.stdout).toMatch(/✗ KHÔNG TÌM THẤY: .*khong-co\.xlsx — không có tệp hoặc thư mục này\./);
});

test("a province profile changes the template's task list", async () => {
  const profile = join(dir, "tinh.json");
  writeFileSync(
    profile,
    JSON.stringify({ tasks: [{ content: "Nhiệm vụ riêng của tỉnh", deadline: "Quý III/2026" }] }),
  );
  const out = join(dir, "tinh.xlsx");
  expect(await main(["template", "--out", out, "--profile", profile], capture())).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  expect(wb.getWorksheet("Nhiệm vụ")!.getCell("B5").value).toBe("Nhiệm vụ riêng của tỉnh");
});

test("an option typed before the command is shown in an example of a command that has it", async () => {
  const io = capture();
  expect(await main(["--roster", "ds.csv"], io)).toBe(2);
  expect(io.stderr).toContain(
    "Tùy chọn --roster phải đứng sau tên lệnh (--roster là tùy chọn của lệnh consolidate), ví dụ kl226 consolidate bao-cao/ --roster danh-sach.csv",
  );
  const out = capture();
  expect(await main(["--out", "x.xlsx"], out)).toBe(2);
  expect(out.stderr).not.toContain("kl226 validate");
  expect(out.stderr).toContain("ví dụ kl226 template --out mau-bao-cao.xlsx");
});

test("an option typed as its Vietnamese word is taken for what it means: --nam is the year, not --name", async () => {
  const io = capture();
  expect(await main(["template", "--out", "t.xlsx", "--nam", "2026"], io)).toBe(2);
  expect(io.stderr).toContain("Lệnh template không có tùy chọn --nam. Có phải là --year?");
  const typo = capture();
  expect(await main(["template", "--out", "t.xlsx", "--nme", "Sở A"], typo)).toBe(2);
  expect(typo.stderr).toContain("Có phải là --name?");
});

test("a template made with --profile names it, and validate without --profile checks by it and says so", async () => {
  const template = join(dir, "mau-dong-thap.xlsx");
  const made = capture();
  expect(
    await main(
      ["template", "--out", template, "--profile", "dong-thap-syt-226", "--unit", "SO_A", "--name", "Sở A"],
      made,
    ),
  ).toBe(0);
  const human = capture();
  expect(await main(["validate", template], human)).toBe(1);
  expect(human.stdout.split("\n")[0]).toMatch(
    /^✗ KHÔNG HỢP LỆ — \d+ lỗi, chưa gửi được: .*mau-dong-thap\.xlsx — SO_A \(Sở A\) · theo hồ sơ dong-thap-syt-226 ghi trong tệp$/,
  );
  // Its own rows (hồ sơ công việc, E14 and E15) are asked for, as the Sở Y tế will ask: in the blank
  // template's one line of blank cells, and by name in the JSON's finding per cell.
  expect(human.stdout).toContain(
    "12 ô số liệu bắt buộc còn trống: D5, E5, E6, E7, D8, E8, E9, E10, E11, E12, E14, E15.",
  );
  const json = capture();
  await main(["validate", template, "--json"], json);
  const parsed = JSON.parse(json.stdout) as Array<{ findings: Array<{ cell: string; message: string }> }>;
  expect(parsed[0]).toMatchObject({ form: "KL226-BC/1", profile: "dong-thap-syt-226" });
  expect(parsed[0]!.findings.find((f) => f.cell === "E14")?.message).toContain("Tổng số hồ sơ công việc");
});

test("a valid report's missed targets are told to the clerk before sending, worded as the letter will word them", async () => {
  const file = join(dir, "short.xlsx");
  // 30 of 90 meetings online: 33,3%, 24 short of 60%; everything else meets its target.
  writeFileSync(
    file,
    reportBytes({ unit: "XA_A", name: "Xã A", type: "UBND_XA", counts: { HN_TRUC_TUYEN: [50, 30] } }),
  );
  const io = capture();
  expect(await main(["validate", file], io)).toBe(0);
  expect(io.stdout.split("\n").slice(0, 2)).toEqual([
    `✓ HỢP LỆ; 1 chỉ tiêu chưa đạt: ${file} — XA_A (Xã A)`,
    "    Chưa đạt · Tỷ lệ hội nghị trực tuyến: đạt 33,3%, mục tiêu từ 60% trở lên; cần thêm 24 cuộc họp trực tuyến để đạt mục tiêu.",
  ]);
});

test("a valid report dated after its deadline is told it will count as late, before it is sent", async () => {
  const file = join(dir, "late.xlsx");
  writeFileSync(
    file,
    reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 18 } }),
  );
  const onTime = join(dir, "on-time.xlsx");
  writeFileSync(
    onTime,
    reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 6 } }),
  );
  const io = capture();
  expect(await main(["validate", file, onTime], io)).toBe(0);
  expect(io.stdout).toContain(
    `✓ HỢP LỆ: ${file} — SO_A (Sở A)\n    Lưu ý · Ngày báo cáo 18/06/2026 sau hạn gửi báo cáo (06/06/2026): khi tổng hợp, báo cáo được tính là trễ hạn; nếu đây là bản gửi lại của báo cáo đã gửi đúng hạn, bảng tổng hợp ghi nhận cả lần gửi đầu.\n✓ HỢP LỆ: ${onTime} — SO_A (Sở A)\n\n`,
  );
});

test("a template sent back unfilled is said to be one, its blank cells in two lines; a consolidation's letter asks for the filled report", async () => {
  const template = await makeTemplate("mau-trong.xlsx");
  const io = capture();
  expect(await main(["validate", template], io)).toBe(1);
  const lines = io.stdout.split("\n");
  // The report date (not given to template), 10 required figures and 12 statuses: 23 errors, said
  // as such, then the file is called blank.
  expect(lines[0]).toMatch(/^✗ KHÔNG HỢP LỆ — 23 lỗi, chưa gửi được: .*mau-trong\.xlsx — XA_QUANG_PHU/);
  expect(lines[1]).toBe(
    "    Lưu ý · Tệp chưa có số liệu nào: các ô số liệu ở trang “Chỉ tiêu” và cột Tình trạng ở trang “Nhiệm vụ” đều còn trống. Nếu số liệu đã điền ở một tệp khác, hãy dùng tệp đó; nếu chưa, điền theo các lỗi dưới đây.",
  );
  expect(lines.filter((l) => l.startsWith("    Lỗi ·"))).toEqual([
    "    Lỗi · Trang “Thông tin”, ô C10: Chưa điền Ngày báo cáo. Nhập ngày ký báo cáo dạng dd/mm/yyyy, ví dụ 05/06/2026. [MISSING_VALUE]",
    "    Lỗi · Trang “Chỉ tiêu”: 10 ô số liệu bắt buộc còn trống: D5, E5, E6, E7, D8, E8, E9, E10, E11, E12. Nhập số liệu của đơn vị vào từng ô; số nào không có thì ghi 0. [MISSING_VALUE]",
    "    Lỗi · Trang “Nhiệm vụ”: 12 nhiệm vụ (dòng 5–16) chưa chọn Tình trạng. Chọn cho từng nhiệm vụ một trong: “Hoàn thành”; “Hoàn thành quá hạn”; “Đang thực hiện”; “Chưa thực hiện”. [TASK_STATUS]",
  ]);
  expect(io.stdout).toContain("Tổng kết: 1 tệp — 0 hợp lệ, 1 không hợp lệ; 23 lỗi, 0 cảnh báo.");

  // --json keeps one finding per cell (the add-in marks each).
  const json = capture();
  await main(["validate", template, "--json"], json);
  const parsed = JSON.parse(json.stdout) as Array<{ blank?: boolean; findings: Array<{ code: string }> }>;
  expect(parsed[0]!.findings.filter((f) => f.code === "TASK_STATUS")).toHaveLength(12);
  expect(parsed[0]!.blank).toBe(true);

  // One figure typed: no longer blank, each missing cell its own line again.
  const partly = join(dir, "mau-mot-so.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  wb.getWorksheet("Chỉ tiêu")!.getCell("E5").value = 12;
  await wb.xlsx.writeFile(partly);
  const io2 = capture();
  await main(["validate", partly], io2);
  expect(io2.stdout).not.toContain("Lưu ý · Tệp chưa có số liệu");
  expect(io2.stdout).toContain("Lỗi · Trang “Nhiệm vụ”, ô G16: Nhiệm vụ ở dòng 16 chưa chọn Tình trạng.");

  // In a consolidation: one line for the file, and its unit's letter asks for the filled report.
  const folder = mkdtempSync(join(tmpdir(), "kl226-blank-"));
  writeFileSync(join(folder, "XA_QUANG_PHU.xlsx"), readFileSync(template));
  const letters = join(folder, "thu");
  const run = capture();
  await main(
    [
      "consolidate",
      folder,
      "--out",
      join(folder, "th.xlsx"),
      "--period",
      "6T",
      "--year",
      "2026",
      "--letters",
      letters,
      "--letter-date",
      "10/06/2026",
    ],
    run,
  );
  expect(run.stdout).toContain(
    "XA_QUANG_PHU.xlsx: Tệp chưa có số liệu nào: các ô số liệu ở trang “Chỉ tiêu” và cột Tình trạng ở trang “Nhiệm vụ” đều còn trống. (23 lỗi)",
  );
  // The summary's Lỗi sheet says it first, then the two lines.
  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(join(folder, "th.xlsx"));
  const messages = (summary.getWorksheet("Lỗi")!.getColumn(8).values as unknown[])
    .map((v) => (typeof v === "string" ? v : ""))
    .filter((m) => m !== "");
  const first = messages.findIndex((m) => m.startsWith("Tệp chưa có số liệu nào"));
  expect(first).toBeGreaterThan(0);
  expect(messages[first + 2]).toMatch(/^10 ô số liệu bắt buộc còn trống/);
  const text = docxText(readFileSync(join(letters, "XA_QUANG_PHU.docx")));
  expect(text).toContain(
    "phải trả lại, chưa tổng hợp được: tệp chưa có số liệu nào (các ô số liệu ở trang “Chỉ tiêu” và cột Tình trạng ở trang “Nhiệm vụ” đều còn trống). Có thể đơn vị đã gửi nhầm tệp mẫu chưa điền",
  );
  expect(text).toContain(
    "Trang “Chỉ tiêu”: 10 ô số liệu bắt buộc còn trống: D5, E5, E6, E7, D8, E8, E9, E10, E11, E12.",
  );
  expect(text).toContain("Sau khi điền đủ các ô trên trong tệp báo cáo");
});
