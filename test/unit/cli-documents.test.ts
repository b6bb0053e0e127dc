// kl226 consolidate --letters DIR --report FILE.docx [--letter-date --reply-by] on temp files: one
// Word letter per unit and one file with all of them, a re-run replaces and removes what is no
// longer needed (never other files), the report, and the option checks (exit 2, nothing written).

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { todayInVietnam, weekAfterDeadline } from "../../src/cli/consolidate-extras";
import { readXlsx } from "../../src/xlsx/read";
import { cellText } from "../../src/core/values";
import { docxParagraphs, docxText } from "../helpers/docx-text";
import { reportBytes } from "../helpers/report-builder";
import { capture } from "../helpers/cli-io";
import { OTHER_ZONES, inTimeZone } from "../helpers/time-zone";
import { renderDocx } from "../../src/docx/render";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** A Word file as KL226 writes it: an earlier run's letter. */
const ourLetter = (): Uint8Array =>
  renderDocx({
    font: { name: "Times New Roman", size: 14 },
    sections: [{ page: { margins: { top: 20, bottom: 20, left: 30, right: 15 } }, blocks: [] }],
  });

/** `bytes` as Word saves them after someone's edit: the editor's name as the last to modify, a line added. */
/** The "Tệp thư" column of a summary's Thư nhắc sheet, below its heading. */
function letterSheetFiles(summary: string): string[] {
  const wb = readXlsx(read(summary));
  if (!wb.ok) throw new Error(wb.reason);
  const sheet = wb.workbook.sheets.find((s) => s.name === "Thư nhắc");
  return (sheet?.rows ?? []).slice(4).map((r) => (r?.[4] ? cellText(r[4]) : ""));
}

function editedInWord(bytes: Uint8Array, line: string): Uint8Array {
  const parts = unzipSync(bytes);
  const core = strFromU8(parts["docProps/core.xml"]!);
  parts["docProps/core.xml"] = strToU8(
    core.replace(/<cp:lastModifiedBy>[^<]*</, "<cp:lastModifiedBy>Nguyễn Văn A<"),
  );
  const doc = strFromU8(parts["word/document.xml"]!);
  parts["word/document.xml"] = strToU8(
    doc.replace("<w:body>", `<w:body><w:p><w:r><w:t>${line}</w:t></w:r></w:p>`),
  );
  return zipSync(parts);
}

const root = mkdtempSync(join(tmpdir(), "kl226-docs-"));
const inDir = join(root, "in");
mkdirSync(inDir);
writeFileSync(
  join(inDir, "a.xlsx"),
  reportBytes({ unit: "PHONG_A", name: "Phòng A", counts: { HN_TONG: [100, 90] } }),
);
// 60 online of 120 meetings: 12 short of 60%.
writeFileSync(
  join(inDir, "b.xlsx"),
  reportBytes({ unit: "PHONG_B", name: "Phòng B", counts: { HN_TONG: [200, 120] } }),
);
writeFileSync(
  join(inDir, "d.xlsx"),
  reportBytes({ unit: "PHONG_D", name: "Phòng D", counts: { HN_TONG: [100, -3] } }),
);
const roster = join(root, "ds.csv");
writeFileSync(
  roster,
  'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nPHONG_A,Phòng A,"Sở, ban, ngành"\nPHONG_B,Phòng B,"Sở, ban, ngành"\nPHONG_C,Phòng C,"Sở, ban, ngành"\nPHONG_D,Phòng D,"Sở, ban, ngành"\n',
);
const read = (path: string) => new Uint8Array(readFileSync(path));

describe("kl226 consolidate --letters --report", () => {
  const dir = join(root, "thu");
  const report = join(root, "out", "bao-cao.docx");
  const out = join(root, "out", "tong-hop.xlsx");
  const io = capture();
  let code: number | undefined;
  beforeAll(async () => {
    // What earlier runs (an old version's .txt letter, a letter no longer needed) and the analyst left there.
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "PHONG_A.txt"), "thư cũ");
    writeFileSync(join(dir, "PHONG_A.docx"), ourLetter());
    writeFileSync(join(dir, "ghi-chu.docx"), "của chuyên viên");
    code = await main(
      [
        "consolidate",
        inDir,
        "--out",
        out,
        "--roster",
        roster,
        "--letters",
        dir,
        "--report",
        report,
        "--letter-date",
        "12/6/2026",
      ],
      io,
    );
  });

  test("one Word letter per unit to follow up plus one file with all of them; the analyst's own file is left alone", () => {
    expect(io.stderr).toBe("");
    expect(code).toBe(1);
    expect(
      readdirSync(dir)
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual([
      "PHONG_A.txt",
      "PHONG_B.docx",
      "PHONG_C.docx",
      "PHONG_D.docx",
      "ghi-chu.docx",
      "tat-ca-thu-nhac.docx",
    ]);
    expect(io.stdout).toContain(
      "Thư nhắc: 3 đơn vị (thư đề ngày 12/06/2026, hạn trả lời 19/06/2026; theo lý do: chưa gửi báo cáo 1, báo cáo bị trả lại 1, chỉ tiêu chưa đạt 1)",
    );
    expect(io.stdout).toContain("Đã xóa 1 thư cũ của lần chạy trước không còn cần (PHONG_A.docx).");
    // An old version's .txt letter may have been edited: kept, and said (session 36).
    expect(io.stdout).toContain(
      `  Giữ nguyên 1 tệp .txt trong ${dir} (PHONG_A.txt): đó là thư nhắc do phiên bản KL226 trước lập`,
    );
  });

  test("each letter says what happened to its unit, dated as asked, reply by a week later", () => {
    const b = docxText(read(join(dir, "PHONG_B.docx")));
    expect(b).toContain("Thanh Hóa, ngày 12 tháng 6 năm 2026");
    expect(b).toContain("Kính gửi: Phòng B");
    expect(b).toContain(
      // Printed, "%" and "≥" keep to their numbers (non-breaking spaces): no "%" alone on a line.
      "Tỷ lệ hội nghị trực tuyến: đạt 50,0%, mục tiêu từ 60% trở lên; cần thêm 12 cuộc họp trực tuyến để đạt mục tiêu.",
    );
    expect(b).toContain("trước ngày 19/06/2026");
    expect(docxText(read(join(dir, "PHONG_C.docx")))).toContain(
      "chưa nhận được báo cáo 6 tháng đầu năm 2026",
    );
    const d = docxText(read(join(dir, "PHONG_D.docx")));
    expect(d).toContain("đã nhận được tệp báo cáo “d.xlsx” của đơn vị nhưng phải trả lại");
    expect(d).toMatch(/Trang “Chỉ tiêu”, ô E5: .*số âm \(-3\)/);
    expect(d).not.toContain("chưa nhận");
    const all = docxParagraphs(read(join(dir, "tat-ca-thu-nhac.docx")));
    // The most urgent first: C sent nothing, D's file was returned, B is short of a target.
    expect(all.filter((p) => p.startsWith("Kính gửi:"))).toEqual([
      "Kính gửi: Phòng C",
      "Kính gửi: Phòng D",
      "Kính gửi: Phòng B",
    ]);
  });

  test("the summary's Thư nhắc sheet indexes the letters", () => {
    expect(letterSheetFiles(out)).toEqual(["PHONG_C.docx", "PHONG_D.docx", "PHONG_B.docx"]);
  });

  test("the report is written, dated as the letters, with its sections and the missing unit", () => {
    expect(io.stdout).toContain(
      `Báo cáo kết quả (văn bản Word, đề ngày 12/06/2026, mục VI để chuyên viên viết đánh giá): ${report}`,
    );
    const text = docxText(read(report));
    for (const h of [
      "I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO",
      "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
      "VI. ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ",
      "Phụ lục III",
    ])
      expect(text).toContain(h);
    expect(text).toContain("2. Đơn vị chưa gửi báo cáo (1): Phòng C.");
  });

  test("a re-run replaces the letters and removes those no longer needed, never duplicates", async () => {
    // PHONG_D sends a corrected file: its letter is no longer needed.
    writeFileSync(join(inDir, "d.xlsx"), reportBytes({ unit: "PHONG_D", name: "Phòng D" }));
    const again = capture();
    expect(
      await main(
        [
          "consolidate",
          inDir,
          "--out",
          out,
          "--roster",
          roster,
          "--letters",
          dir,
          "--letter-date",
          "15/06/2026",
          "--reply-by",
          "30/06/2026",
        ],
        again,
      ),
    ).toBe(0);
    expect(
      readdirSync(dir)
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["PHONG_A.txt", "PHONG_B.docx", "PHONG_C.docx", "ghi-chu.docx", "tat-ca-thu-nhac.docx"]);
    expect(docxText(read(join(dir, "PHONG_C.docx")))).toContain("trước ngày 30/06/2026");
    expect(
      docxParagraphs(read(join(dir, "tat-ca-thu-nhac.docx"))).filter((p) => p.startsWith("Kính gửi:")),
    ).toHaveLength(2);
    writeFileSync(
      join(inDir, "d.xlsx"),
      reportBytes({ unit: "PHONG_D", name: "Phòng D", counts: { HN_TONG: [100, -3] } }),
    );
  });
});

describe("date and report options", () => {
  test.each([
    [
      ["--letters", "x", "--letter-date", "31/02/2026"],
      /--letter-date không hợp lệ: không có ngày 31\/2\/2026: tháng 2 năm 2026 có 28 ngày/,
    ],
    [
      ["--letters", "x", "--letter-date", "12/06/2026", "--reply-by", "12/06/2026"],
      /^Hạn trả lời --reply-by 12\/06\/2026 phải sau ngày của thư 12\/06\/2026 \(--letter-date/,
    ],
    [
      ["--letter-date", "12/06/2026"],
      /--letter-date không hợp lệ: chỉ dùng cùng --letters THƯ_MỤC, --report BÁO_CÁO.docx hoặc --rollup/,
    ],
    [["--report", "x.docx", "--reply-by", "20/06/2026"], /--reply-by không hợp lệ: chỉ dùng cùng --letters/],
    [["--report", "bao-cao.pdf"], /--report không hợp lệ: báo cáo là văn bản Word/],
  ])("%j is a usage error (exit 2) and writes nothing", async (extra, message) => {
    const io = capture();
    const out = join(root, "bad", "tong-hop.xlsx");
    expect(await main(["consolidate", inDir, "--out", out, ...extra], io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  test.each(OTHER_ZONES)("today in Việt Nam is UTC+7 whatever the machine's zone (%s)", (zone, offset) => {
    inTimeZone(zone, () => {
      expect(new Date(Date.UTC(2026, 5, 11)).getTimezoneOffset()).toBe(offset);
      // 2026-06-11 17:30 UTC is already 12/06 in Hà Nội.
      expect(todayInVietnam(Date.UTC(2026, 5, 11, 17, 30))).toEqual({ year: 2026, month: 6, day: 12 });
      expect(todayInVietnam(Date.UTC(2026, 5, 11, 16, 59))).toEqual({ year: 2026, month: 6, day: 11 });
    });
  });
});

test("a letter dated before the deadline chases no unit that still has time, and one dated before a report is pointed out", async () => {
  const dir = join(root, "thu-som");
  const io = capture();
  await main(
    [
      "consolidate",
      inDir,
      "--out",
      join(root, "som.xlsx"),
      "--roster",
      roster,
      "--letters",
      dir,
      "--letter-date",
      "03/06/2026",
    ],
    io,
  );
  // PHONG_C sent nothing, but the deadline (06/06/2026) has not passed on 03/06.
  expect(existsSync(join(dir, "PHONG_C.docx"))).toBe(false);
  expect(existsSync(join(dir, "PHONG_D.docx"))).toBe(true);
  expect(io.stdout).toContain(
    "  Chưa nhắc 1 đơn vị chưa nộp: thư đề ngày 03/06/2026, chưa qua hạn nộp 06/06/2026, các đơn vị đó còn hạn.\n",
  );
  // The reports are dated 05/06/2026 (the builder's default): after the letter.
  expect(io.stdout).toContain(
    "  Lưu ý: thư đề ngày 03/06/2026, trước ngày của báo cáo đã nhận mới nhất (05/06/2026): kiểm tra lại --letter-date.\n",
  );
});

test("documents dated on a weekend, or long after the round's deadline, are pointed out before signing; a working day in the round is not", async () => {
  const run = async (date: string) => {
    const io = capture();
    await main(
      [
        "consolidate",
        inDir,
        "--out",
        join(root, `ngay-${date.replace(/\//g, "-")}.xlsx`),
        "--report",
        join(root, "bc.docx"),
        "--letter-date",
        date,
      ],
      io,
    );
    return io.stdout.split("\n").filter((l) => l.startsWith("  Lưu ý: văn bản"));
  };
  // 13/06/2026 is a Saturday; 05/12/2026 a Saturday too, 182 days after 06/06/2026.
  expect(await run("13/06/2026")).toEqual([
    "  Lưu ý: văn bản đề ngày 13/06/2026, là thứ Bảy; nếu cần ngày làm việc, đặt --letter-date dd/mm/yyyy.",
  ]);
  expect(await run("07/12/2026")).toEqual([
    "  Lưu ý: văn bản đề ngày 07/12/2026, 184 ngày sau hạn nộp báo cáo của kỳ (06/06/2026); nếu đang tổng hợp lại một kỳ đã qua, đặt --letter-date và --reply-by theo ngày của đợt đó.",
  ]);
  expect(await run("15/06/2026")).toEqual([]);
});

test("the demo dates its documents a week after its samples' deadline, on the next working day", () => {
  expect(weekAfterDeadline({ year: 2026, month: 6, day: 6 })).toEqual({
    date: { year: 2026, month: 6, day: 15 },
    replyBy: { year: 2026, month: 6, day: 22 },
  });
  expect(weekAfterDeadline({ year: 2025, month: 6, day: 15 }).date).toEqual({
    year: 2025,
    month: 6,
    day: 23,
  });
});

test("the sending body on its own roster gets no letter, and is neither chased nor counted as 'not chased'", async () => {
  const rosterWithSender = join(root, "ds-snv.csv");
  writeFileSync(rosterWithSender, `${readFileSync(roster, "utf8")}SO_NOI_VU,Sở Nội vụ,"Sở, ban, ngành"\n`);
  const dir = join(root, "thu-snv");
  const io = capture();
  await main(
    [
      "consolidate",
      inDir,
      "--out",
      join(root, "snv.xlsx"),
      "--roster",
      rosterWithSender,
      "--letters",
      dir,
      "--letter-date",
      "15/06/2026",
    ],
    io,
  );
  expect(existsSync(join(dir, "SO_NOI_VU.docx"))).toBe(false);
  expect(existsSync(join(dir, "PHONG_C.docx"))).toBe(true);
  expect(io.stdout).toContain(
    "  Không lập thư cho Sở Nội vụ (SO_NOI_VU) vì đó là cơ quan gửi thư; việc cần tự theo dõi (cũng ở bảng tổng hợp): Chưa gửi báo cáo.\n",
  );
  expect(io.stdout).not.toContain("Chưa nhắc");
});

test("a letter or the report someone edited since is never replaced or removed: the new one is written beside it, once", async () => {
  const dir = join(root, "edited", "thu");
  const report = join(root, "edited", "bao-cao.docx");
  const args = ["consolidate", inDir, "--out", join(root, "edited", "t.xlsx"), "--roster", roster];
  const docs = ["--letters", dir, "--report", report, "--letter-date", "12/6/2026"];
  await main([...args, ...docs], capture());
  // The analyst wrote section VI; a clerk added a line to PHONG_B's letter; PHONG_A's earlier letter,
  // no longer needed, was edited too.
  const reportEdited = editedInWord(read(report), "Đánh giá chung của chuyên viên.");
  const letterEdited = editedInWord(read(join(dir, "PHONG_B.docx")), "Kính đề nghị Phòng B lưu ý.");
  const staleEdited = editedInWord(ourLetter(), "Thư đã sửa.");
  writeFileSync(report, reportEdited);
  writeFileSync(join(dir, "PHONG_B.docx"), letterEdited);
  writeFileSync(join(dir, "PHONG_A.docx"), staleEdited);

  // Twice: the second run replaces the -moi files the first wrote.
  for (const _round of [1, 2]) {
    const io = capture();
    expect(await main([...args, ...docs], io)).toBe(1);
    expect(read(report)).toEqual(reportEdited);
    expect(read(join(dir, "PHONG_B.docx"))).toEqual(letterEdited);
    expect(read(join(dir, "PHONG_A.docx"))).toEqual(staleEdited);
    expect(docxText(read(join(root, "edited", "bao-cao-moi.docx")))).toContain(
      "I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO",
    );
    expect(docxText(read(join(dir, "PHONG_B-moi.docx")))).toContain("Kính gửi: Phòng B");
    // A re-run replaces its own new files: never a -moi-2.
    expect(readdirSync(join(root, "edited")).sort()).toEqual([
      "bao-cao-moi.docx",
      "bao-cao.docx",
      "t.xlsx",
      "thu",
    ]);
    expect(
      readdirSync(dir)
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual([
      "PHONG_A.docx",
      "PHONG_B-moi.docx",
      "PHONG_B.docx",
      "PHONG_C.docx",
      "PHONG_D.docx",
      "tat-ca-thu-nhac.docx",
    ]);
    expect(io.stdout).toContain(
      "Giữ nguyên bao-cao.docx (đã được sửa sau khi KL226 ghi); báo cáo mới ghi vào bao-cao-moi.docx: chép sang đó phần đã viết nếu cần.",
    );
    expect(io.stdout).toContain(
      `1 thư trong ${dir} đã được sửa sau khi KL226 ghi nên được giữ nguyên; thư mới ghi bên cạnh: PHONG_B.docx → PHONG_B-moi.docx. Tệp tat-ca-thu-nhac.docx gồm các thư mới, không có phần đã sửa.`,
    );
    expect(io.stdout).toContain(
      "Giữ nguyên 1 thư đã được sửa của đơn vị nay không cần nhắc nữa (PHONG_A.docx): đừng gửi các thư này.",
    );
    // The summary's index names the letter where it was written, and says why.
    expect(letterSheetFiles(join(root, "edited", "t.xlsx"))).toEqual([
      "PHONG_C.docx",
      "PHONG_D.docx",
      "PHONG_B-moi.docx\n(thư mới; PHONG_B.docx là bản đã được sửa, giữ nguyên)",
    ]);
  }
  // The clerk edits the new letter and the analyst copies section VI into the new report: both kept,
  // a third copy written beside them, and neither is called a letter no longer needed.
  const moiEdited = editedInWord(read(join(dir, "PHONG_B-moi.docx")), "Sửa lần hai.");
  writeFileSync(join(dir, "PHONG_B-moi.docx"), moiEdited);
  const reportMoi = join(root, "edited", "bao-cao-moi.docx");
  const reportMoiEdited = editedInWord(read(reportMoi), "Mục VI đã chép sang.");
  writeFileSync(reportMoi, reportMoiEdited);
  const third = capture();
  await main([...args, ...docs], third);
  expect(read(join(dir, "PHONG_B-moi.docx"))).toEqual(moiEdited);
  expect(docxText(read(join(dir, "PHONG_B-moi-2.docx")))).toContain("Kính gửi: Phòng B");
  expect(third.stdout).toContain("thư mới ghi bên cạnh: PHONG_B.docx → PHONG_B-moi-2.docx.");
  expect(letterSheetFiles(join(root, "edited", "t.xlsx"))[2]).toBe(
    "PHONG_B-moi-2.docx\n(thư mới; PHONG_B.docx là bản đã được sửa, giữ nguyên)",
  );
  expect(third.stdout).not.toMatch(/không cần nhắc nữa \([^)]*PHONG_B/);
  expect(third.stdout).toContain(
    "Giữ nguyên bao-cao-moi.docx, bao-cao.docx (đã được sửa sau khi KL226 ghi); báo cáo mới ghi vào bao-cao-moi-2.docx",
  );
  // The analyst moved the edited reports away but the last: the next run writes in the report's own
  // name, removes the copy it wrote beside them and keeps the one the analyst edited.
  rmSync(report);
  const io = capture();
  await main([...args, ...docs], io);
  expect(readdirSync(join(root, "edited")).sort()).toEqual([
    "bao-cao-moi.docx",
    "bao-cao.docx",
    "t.xlsx",
    "thu",
  ]);
  expect(read(reportMoi)).toEqual(reportMoiEdited);
  expect(io.stdout).toContain(
    "Đã xóa bao-cao-moi-2.docx: bản KL226 ghi ở lần chạy trước, nay thay bằng bao-cao.docx.",
  );
  expect(io.stdout).toContain(
    "Giữ nguyên bao-cao-moi.docx (đã được sửa sau khi KL226 ghi); báo cáo mới ghi vào bao-cao.docx",
  );
});

test("an old release's .txt letters, one edited, and a note under a unit's code are never removed by a letter re-run, and are said", async () => {
  const dir = join(root, "thu-txt");
  mkdirSync(dir, { recursive: true });
  // The old release wrote PHONG_B/C/D.txt (as core/letters.ts worded them then); the officer added a
  // line to PHONG_C's and wrote a note of his own under PHONG_A's code (A needs no letter now).
  const oldLetter = (code: string, name: string) =>
    `Kính gửi: ${name} (mã đơn vị ${code})\n\nSở Nội vụ đã tổng hợp báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026. Đối với đơn vị, có các nội dung cần lưu ý sau:\n`;
  const before = {
    "PHONG_A.txt": "Ghi chú của cán bộ CNTT: Phòng A đổi đầu mối.\n",
    "PHONG_B.txt": oldLetter("PHONG_B", "Phòng B"),
    "PHONG_C.txt": `${oldLetter("PHONG_C", "Phòng C")}Đã gọi điện nhắc ngày 10/6.\n`,
    "PHONG_D.txt": oldLetter("PHONG_D", "Phòng D"),
  };
  for (const [name, text] of Object.entries(before)) writeFileSync(join(dir, name), text);
  const args = ["consolidate", inDir, "--out", join(root, "txt.xlsx"), "--roster", roster, "--letters", dir];
  // Twice: the second run neither removes them nor writes anything twice.
  for (const _round of [1, 2]) {
    const io = capture();
    expect(await main([...args, "--letter-date", "12/6/2026"], io)).toBe(1);
    for (const [name, text] of Object.entries(before))
      expect(readFileSync(join(dir, name), "utf8")).toBe(text);
    expect(
      readdirSync(dir)
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual([
      "PHONG_A.txt",
      "PHONG_B.docx",
      "PHONG_B.txt",
      "PHONG_C.docx",
      "PHONG_C.txt",
      "PHONG_D.docx",
      "PHONG_D.txt",
      "tat-ca-thu-nhac.docx",
    ]);
    // Nothing was removed, and no unit that still needs a letter is called one that does not.
    expect(io.stdout).not.toContain("Đã xóa");
    expect(io.stdout).not.toContain("không còn cần");
    expect(io.stdout).toContain(
      `  Giữ nguyên 4 tệp .txt trong ${dir} (PHONG_A.txt, PHONG_B.txt, PHONG_C.txt, PHONG_D.txt): đó là thư nhắc do phiên bản KL226 trước lập hoặc tệp do người dùng tạo; KL226 không sửa và không xóa tệp .txt. Thư nhắc nay được lập dạng văn bản Word (.docx); các thư .txt cũ không theo số liệu lần tổng hợp này, không gửi các thư đó (đã có thư .docx mới cho 3 đơn vị trong số này). Khi không cần nữa, hãy xóa hoặc chuyển các tệp .txt sang thư mục khác.`,
    );
  }
});

// Only a known unit's <CODE>.txt is called an old letter: a user's own note there is neither named nor counted, nor removed.
test("a note of the user's own in the letters folder (ghi-chu.txt) is not named as an old release's letter, and is kept", async () => {
  const dir = join(root, "thu-ghi-chu");
  mkdirSync(dir, { recursive: true });
  const note = "Danh sách đơn vị đã gọi điện nhắc.\n";
  writeFileSync(join(dir, "ghi-chu.txt"), note);
  writeFileSync(join(dir, "PHONG_B.txt"), "Kính gửi: Phòng B (mã đơn vị PHONG_B)\n");
  const io = capture();
  const args = [
    "consolidate",
    inDir,
    "--out",
    join(root, "ghi-chu.xlsx"),
    "--roster",
    roster,
    "--letters",
    dir,
  ];
  expect(await main([...args, "--letter-date", "12/6/2026"], io)).toBe(1);
  expect(readFileSync(join(dir, "ghi-chu.txt"), "utf8")).toBe(note);
  expect(io.stdout).toContain(
    `  Giữ nguyên 1 tệp .txt trong ${dir} (PHONG_B.txt): đó là thư nhắc do phiên bản KL226 trước lập hoặc tệp do người dùng tạo;`,
  );
  expect(io.stdout).not.toContain("ghi-chu.txt");
});

test("a unit whose code ends in -MOI keeps its letter: it is a document of its own, not a copy beside another unit's", async () => {
  const dir = join(root, "moi");
  const inbox = join(dir, "in");
  mkdirSync(inbox, { recursive: true });
  writeFileSync(
    join(inbox, "a.xlsx"),
    reportBytes({ unit: "XA_A", name: "Xã A", counts: { HN_TONG: [200, 120] } }),
  );
  const list = join(dir, "ds.csv");
  writeFileSync(
    list,
    'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nXA_A,Xã A,"UBND xã, phường"\nXA_A-MOI,Xã A Mới,"UBND xã, phường"\n',
  );
  const letters = join(dir, "thu");
  const args = ["consolidate", inbox, "--out", join(dir, "t.xlsx"), "--roster", list, "--letters", letters];
  await main([...args, "--letter-date", "12/6/2026"], capture());
  // The re-run writes the not-sent unit's letter first, then XA_A's.
  const again = capture();
  await main([...args, "--letter-date", "12/6/2026"], again);
  expect(
    readdirSync(letters)
      .filter((f) => f.endsWith(".docx"))
      .sort(),
  ).toEqual(["XA_A-MOI.docx", "XA_A.docx", "tat-ca-thu-nhac.docx"]);
  expect(again.stdout).not.toContain("bản KL226 ghi cạnh thư đã sửa");
});

/** A summary as Excel saves it once the analyst has added her notes: Excel names itself in docProps/app.xml. */
function savedInExcel(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files["docProps/app.xml"] = strToU8(
    strFromU8(files["docProps/app.xml"]!).replace(
      "<Application>KL226</Application>",
      "<Application>Microsoft Excel</Application>",
    ),
  );
  return zipSync(files);
}

test("a summary the analyst edited and saved is kept on a re-run: the new one goes beside it, then back once she moves hers", async () => {
  const dir = join(root, "summary-edited");
  mkdirSync(dir, { recursive: true });
  const out = join(dir, "tong-hop.xlsx");
  const args = ["consolidate", inDir, "--out", out];
  await main(args, capture());
  const edited = savedInExcel(read(out));
  writeFileSync(out, edited);
  // A late report came in: the same command again.
  const again = capture();
  await main(args, again);
  expect(read(out)).toEqual(edited);
  expect(readdirSync(dir).sort()).toEqual(["tong-hop-moi.xlsx", "tong-hop.xlsx"]);
  expect(again.stdout).toContain(`Bảng tổng hợp: ${join(dir, "tong-hop-moi.xlsx")}`);
  // On stderr, which a nightly job's mail carries: its --out file no longer changes.
  expect(again.stderr).toContain(
    "Giữ nguyên tong-hop.xlsx (đã được sửa và lưu sau khi KL226 ghi, hoặc không phải bảng tổng hợp của KL226); bảng tổng hợp mới ghi vào tong-hop-moi.xlsx",
  );
  expect(again.stdout).not.toContain("Giữ nguyên");
  // Once more: the copy KL226 wrote is replaced, not a third file.
  await main(args, capture());
  expect(readdirSync(dir).sort()).toEqual(["tong-hop-moi.xlsx", "tong-hop.xlsx"]);
  // She moved her edited one away: the summary is written in its own name, the copy beside removed.
  rmSync(out);
  const back = capture();
  await main(args, back);
  expect(readdirSync(dir)).toEqual(["tong-hop.xlsx"]);
  expect(back.stdout).toContain(
    "Đã xóa tong-hop-moi.xlsx: bản KL226 ghi ở lần chạy trước, nay thay bằng tong-hop.xlsx.",
  );
  // An unedited summary is simply replaced (the everyday re-run).
  const plain = capture();
  await main(args, plain);
  expect(readdirSync(dir)).toEqual(["tong-hop.xlsx"]);
  expect(plain.stdout).not.toContain("Giữ nguyên");
});

test("a profile without the signer's name is told the name line is dotted; one with it is not", async () => {
  const run = async (...profile: string[]) => {
    const io = capture();
    await main(
      ["consolidate", inDir, "--out", join(root, "ky.xlsx"), "--report", join(root, "ky.docx"), ...profile],
      io,
    );
    return io.stdout.split("\n").filter((l) => l.includes("người ký"));
  };
  expect(await run()).toEqual([
    "  Lưu ý: hồ sơ chưa ghi họ tên người ký (organisation.signerName), nên dòng họ tên dưới chức vụ người ký (GIÁM ĐỐC) là dòng dấu chấm “……”: gõ họ tên người ký vào dòng đó trước khi in trình ký, hoặc ghi họ tên vào hồ sơ.",
  ]);
  const named = join(root, "co-ten.json");
  const base = JSON.parse(
    readFileSync(join(__dirname, "..", "..", "profiles", "thanh-hoa-226.json"), "utf8"),
  ) as {
    organisation: Record<string, string>;
  };
  writeFileSync(
    named,
    JSON.stringify({
      ...base,
      default: false,
      organisation: { ...base.organisation, signerName: "Nguyễn Văn A" },
    }),
  );
  expect(await run("--profile", named)).toEqual([]);
});
