// A province after the 2025 reorganisation (session 27's tester): communes merged under new names and
// codes, a roster with a "Đơn vị cũ" column, last year's summary made with the old roster, and clerks
// who still send under the old commune's code. Real workbooks, the command end to end.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { capture } from "../helpers/cli-io";
import { docxText } from "../helpers/docx-text";
import { GOOD_COUNTS, reportBytes, type ReportData } from "../helpers/report-builder";

const root = mkdtempSync(join(tmpdir(), "kl226-merger-"));
const D2025 = { year: 2025, month: 6, day: 5 };
const D2026 = { year: 2026, month: 6, day: 5 };

/** Meetings (HN_TONG) [last year, this year], with 60 % of them online, so every report is consistent. */
const meetings = (previous: number, current: number): ReportData["counts"] => ({
  HN_TONG: [previous, current],
  HN_TRUC_TUYEN: [Math.ceil(previous * 0.6), Math.ceil(current * 0.6)],
});

/**
 * A merged unit's counts: column D the sum of its `n` predecessors' figures (each the template
 * default's this-period value, meetings as given), this period the default's.
 */
const merged = (n: number, previous: number, current: number): ReportData["counts"] => ({
  ...Object.fromEntries(
    Object.entries(GOOD_COUNTS).map(([code, [, now]]) => [code, [n * now, now] as const]),
  ),
  ...meetings(previous, current),
});

/** `kl226 consolidate DIR --roster R --out NAME.xlsx --json NAME.json` and more; its exit code, output and JSON. */
async function consolidateInto(
  dir: string,
  roster: string,
  name: string,
  ...more: string[]
): Promise<{ code: number; io: ReturnType<typeof capture>; json: Json }> {
  const io = capture();
  const json = join(root, `${name}.json`);
  const args = ["consolidate", dir, "--roster", roster, "--out", join(root, `${name}.xlsx`), "--json", json];
  const code = await main([...args, ...more], io);
  return { code, io, json: JSON.parse(readFileSync(json, "utf8")) as Json };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON of SPEC §6, read by its keys
type Json = any;

function inbox(name: string, reports: Record<string, ReportData>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, data] of Object.entries(reports)) writeFileSync(join(dir, file), reportBytes(data));
  return dir;
}

// Last year: three wards and two communes, each its own meetings (HN_TONG this period).
const lastYear = inbox("2025", {
  "dien-bien.xlsx": {
    unit: "PHUONG_DIEN_BIEN",
    name: "Phường Điện Biên",
    type: "UBND_XA",
    year: 2025,
    reportDate: D2025,
    counts: meetings(44, 40),
  },
  "lam-son.xlsx": {
    unit: "PHUONG_LAM_SON",
    name: "Phường Lam Sơn",
    type: "UBND_XA",
    year: 2025,
    reportDate: D2025,
    counts: meetings(33, 30),
  },
  "ba-dinh.xlsx": {
    unit: "PHUONG_BA_DINH",
    name: "Phường Ba Đình",
    type: "UBND_XA",
    year: 2025,
    reportDate: D2025,
    counts: meetings(22, 20),
  },
  "quang-phu.xlsx": {
    unit: "XA_QUANG_PHU",
    name: "Xã Quảng Phú",
    type: "UBND_XA",
    year: 2025,
    reportDate: D2025,
    counts: meetings(11, 10),
  },
  "quang-thinh.xlsx": {
    unit: "XA_QUANG_THINH",
    name: "Xã Quảng Thịnh",
    type: "UBND_XA",
    year: 2025,
    reportDate: D2025,
    counts: meetings(16, 15),
  },
});
const oldRoster = join(root, "ds-2025.csv");
writeFileSync(
  oldRoster,
  [
    "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
    "PHUONG_DIEN_BIEN,Phường Điện Biên,Phường",
    "PHUONG_LAM_SON,Phường Lam Sơn,Phường",
    "PHUONG_BA_DINH,Phường Ba Đình,Phường",
    "PHUONG_TRUONG_THI,Phường Trường Thi,Phường",
    "XA_QUANG_PHU,Xã Quảng Phú,Xã",
    "XA_QUANG_THINH,Xã Quảng Thịnh,Xã",
  ].join("\n"),
);
const lastJson = join(root, "tong-hop-2025.json");
const lastXlsx = join(root, "tong-hop-2025.xlsx");

// This year's roster: Hạc Thành made of the three wards, Quảng Phú kept its code and took Quảng Thịnh.
const newRoster = join(root, "ds-2026.csv");
writeFileSync(
  newRoster,
  [
    "STT,Mã đơn vị,Tên đơn vị mới,Loại,Đơn vị cũ (trước sắp xếp)",
    ",I. CẤP XÃ,,,",
    '1,PHUONG_HAC_THANH,Phường Hạc Thành,Phường,"Phường Điện Biên, Phường Lam Sơn, Phường Ba Đình"',
    '2,XA_QUANG_PHU,Xã Quảng Phú,Xã,"Xã Quảng Phú, Xã Quảng Thịnh"',
    "3,XA_MOI,Xã Mới,Xã,",
    ',"II. SỞ, BAN, NGÀNH",,,',
  ].join("\n"),
);

/** A former ward's own report this period (its meetings `now`), under its old code. */
const ward = (unit: string, name: string, day: number, now: number): ReportData => ({
  unit,
  name,
  type: "UBND_XA",
  reportDate: { ...D2026, day },
  counts: meetings(now + 5, now),
});

// Hạc Thành's clerk still types the old ward's code and name; column D is the three wards' sum (40+30+20).
const hacThanh = (unit: string, name: string, day: number): ReportData => ({
  unit,
  name,
  type: "UBND_XA",
  reportDate: { ...D2026, day },
  counts: merged(3, 90, 80),
});

beforeAll(async () => {
  const io = capture();
  const code = await main(
    ["consolidate", lastYear, "--roster", oldRoster, "--out", lastXlsx, "--json", lastJson],
    io,
  );
  // Every file accepted; Phường Trường Thi sent nothing.
  expect([code, io.stdout]).toEqual([
    0,
    expect.stringContaining("Chưa nộp: 1 đơn vị chưa gửi tệp nào: Phường Trường Thi (PHUONG_TRUONG_THI)."),
  ]);
});

test("the roster's “Đơn vị cũ”, a header “Tên đơn vị mới” and numbered group headings are read, and said", async () => {
  const dir = inbox("2026-a", {
    "BC KL226 - Dien Bien.xlsx": hacThanh("PHUONG_DIEN_BIEN", "UBND phường Điện Biên", 5),
    "quang-phu.xlsx": {
      unit: "XA_QUANG_PHU",
      name: "Xã Quảng Phú",
      type: "UBND_XA",
      reportDate: D2026,
      counts: merged(2, 25, 22),
    },
  });
  const { code, io, json } = await consolidateInto(dir, newRoster, "a", "--previous", lastJson);
  expect(code).toBe(0);
  expect(io.stderr).toContain("bỏ qua 2 dòng tên nhóm");
  expect(io.stderr).toContain(
    "đọc cột “Đơn vị cũ (trước sắp xếp)”: 2 đơn vị có đơn vị cũ; tệp gửi dưới mã hay tên đơn vị cũ được tính cho đơn vị mới",
  );
  // Counted once, for Hạc Thành, not as an extra unit beside a "missing" one.
  expect(json.units.map((u: { code: string }) => u.code)).toEqual(["PHUONG_HAC_THANH", "XA_QUANG_PHU"]);
  expect(json.missing).toEqual(["XA_MOI"]);
  expect(json.warnings.find((w: { file: string }) => w.file.endsWith("Dien Bien.xlsx")).message).toBe(
    "Mã đơn vị ghi PHUONG_DIEN_BIEN (tên “UBND phường Điện Biên”), không có trong danh sách đơn vị; theo cột đơn vị cũ của danh sách, đây là đơn vị cũ nay thuộc PHUONG_HAC_THANH (Phường Hạc Thành), nên tệp được tính là báo cáo của PHUONG_HAC_THANH. Đề nghị đơn vị ghi mã PHUONG_HAC_THANH và tên “Phường Hạc Thành” ở các lần báo cáo sau.",
  );
  // Column D against the predecessors' figures summed: 90 = 40 + 30 + 20, 25 = 10 + 15: no mismatch.
  expect(json.warnings.filter((w: { code: string }) => w.code === "PREVIOUS_MISMATCH")).toEqual([]);
  expect(io.stdout).toContain(
    "Đơn vị hình thành do sắp xếp (theo cột đơn vị cũ của danh sách), so với tổng số liệu các đơn vị cũ trong tệp 6 tháng đầu năm 2025: PHUONG_HAC_THANH (= PHUONG_BA_DINH + PHUONG_DIEN_BIEN + PHUONG_LAM_SON); XA_QUANG_PHU (= XA_QUANG_PHU + XA_QUANG_THINH).",
  );
  expect(io.stdout).toContain("Số liệu cùng kỳ năm trước khớp với báo cáo năm trước (2 đơn vị đã so).");
  // The wards merged are not "gone"; Trường Thi (on no roster now, missing then) is.
  expect(io.stdout).toContain(
    "Đơn vị có trong tệp 6 tháng đầu năm 2025, kỳ này không có báo cáo được chấp nhận: không có.",
  );
  // Xã Mới did not exist last year: missing now, not "missing again".
  expect(io.stdout).not.toContain("cũng ghi chưa nộp");
});

test("the merged unit resends under its own code: counted once, the old-code file set aside", async () => {
  const dir = inbox("2026-b", {
    "BC KL226 - Dien Bien.xlsx": hacThanh("PHUONG_DIEN_BIEN", "UBND phường Điện Biên", 5),
    "Hac Thanh (gui lai).xlsx": hacThanh("PHUONG_HAC_THANH", "Phường Hạc Thành", 8),
  });
  const { json } = await consolidateInto(dir, newRoster, "b");
  expect(json.units.map((u: { code: string }) => u.code)).toEqual(["PHUONG_HAC_THANH"]);
  expect(json.province.values.HN_TONG.current).toBe(80);
  expect(json.duplicates).toEqual([
    expect.objectContaining({
      unit: "PHUONG_HAC_THANH",
      kept: expect.stringContaining("Hac Thanh (gui lai).xlsx"),
      dropped: expect.stringContaining("Dien Bien.xlsx"),
    }),
  ]);
});

test("without the column, the same figures under an old code and the unit's own: counted once all the same", async () => {
  const plainRoster = join(root, "ds-2026-khong-cot-cu.csv");
  writeFileSync(plainRoster, "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI\nPHUONG_HAC_THANH,Phường Hạc Thành,Phường\n");
  const dir = inbox("2026-c", {
    "BC KL226 - Dien Bien.xlsx": hacThanh("PHUONG_DIEN_BIEN", "UBND phường Điện Biên", 5),
    "Hac Thanh (gui lai).xlsx": hacThanh("PHUONG_HAC_THANH", "Phường Hạc Thành", 8),
  });
  const { io, json } = await consolidateInto(dir, plainRoster, "c", "--previous", lastJson);
  // Before: both accepted, and the province's meetings 160 (Hạc Thành's 80 twice).
  expect(json.province.values.HN_TONG.current).toBe(80);
  expect(json.duplicates[0].message).toContain(
    "Tệp này ghi mã PHUONG_DIEN_BIEN, không có trong danh sách đơn vị, mà mọi số liệu trùng với báo cáo của PHUONG_HAC_THANH (Phường Hạc Thành, tệp Hac Thanh (gui lai).xlsx)",
  );
  // Last year's wards are off this roster, and it names no predecessors: the column is suggested.
  expect(io.stdout).toContain(
    "5 đơn vị không còn trong danh sách kỳ này (PHUONG_BA_DINH, PHUONG_DIEN_BIEN, PHUONG_LAM_SON, XA_QUANG_PHU, XA_QUANG_THINH).",
  );
  expect(io.stdout).toContain(
    "Nếu các đơn vị không còn trong danh sách đã được sắp xếp, hợp nhất vào đơn vị khác: thêm cột “Đơn vị cũ” vào danh sách đơn vị",
  );
});

test("a merged unit whose column D is one old commune's figure is told the predecessors' sum; one the file lacks is not compared", async () => {
  const dir = inbox("2026-d", {
    "quang-phu.xlsx": {
      unit: "XA_QUANG_PHU",
      name: "Xã Quảng Phú",
      type: "UBND_XA",
      reportDate: D2026,
      counts: merged(2, 10, 22),
    },
    "hac-thanh.xlsx": hacThanh("PHUONG_HAC_THANH", "Phường Hạc Thành", 5),
  });
  // Last year's summary as the .xlsx: the names it records find the predecessors too.
  const letters = join(root, "d-thu");
  const { json } = await consolidateInto(dir, newRoster, "d", "--previous", lastXlsx, "--letters", letters);
  const mismatch = json.warnings.filter((w: { code: string }) => w.code === "PREVIOUS_MISMATCH");
  expect(mismatch).toEqual([
    expect.objectContaining({ file: expect.stringMatching(/quang-phu\.xlsx$/), cell: "D5" }),
    expect.objectContaining({ file: expect.stringMatching(/quang-phu\.xlsx$/), cell: "D6" }),
  ]);
  expect(mismatch[0].message).toContain(
    "khai 10, nhưng tổng số liệu kỳ đó của các đơn vị cũ XA_QUANG_PHU, XA_QUANG_THINH (cột đơn vị cũ của danh sách) trong báo cáo 6 tháng đầu năm 2025 là 25",
  );
  // Its letter asks about its predecessors' sum, not a report of its own it never made.
  const letter = docxText(new Uint8Array(readFileSync(join(letters, "XA_QUANG_PHU.docx"))));
  expect(letter).toContain(
    "khác với tổng số liệu các đơn vị cũ hợp thành đơn vị (XA_QUANG_PHU, XA_QUANG_THINH) đã báo cáo 6 tháng đầu năm 2025:",
  );
  expect(letter).toContain(
    "báo cáo kỳ này ghi 10, tổng các đơn vị cũ trong báo cáo 6 tháng đầu năm 2025 là 25.",
  );
  // A roster naming a ward last year's file lacks: that unit is not compared, and why is said.
  const partial = join(root, "ds-2026-thieu.csv");
  writeFileSync(
    partial,
    'MA_DON_VI,TEN_DON_VI,LOAI_DON_VI,DON_VI_CU\nPHUONG_HAC_THANH,Phường Hạc Thành,Phường,"Phường Điện Biên, Phường Lam Sơn, Phường Ba Đình, Phường Tân Sơn"\n',
  );
  const io2 = capture();
  await main(
    ["consolidate", dir, "--roster", partial, "--out", join(root, "e.xlsx"), "--previous", lastJson],
    io2,
  );
  expect(io2.stdout).toContain(
    "PHUONG_HAC_THANH: đơn vị hình thành do sắp xếp, chưa nhận ra “phường tân sơn” của cột đơn vị cũ trong tệp đối chiếu (có thể tệp không có đơn vị đó, hoặc ghi tên khác); đã nhận ra PHUONG_BA_DINH, PHUONG_DIEN_BIEN, PHUONG_LAM_SON",
  );
});

test("each former ward sends its own report under its old code: none left out unsaid (exit 1, the unit asked for one report)", async () => {
  const dir = inbox("2026-f", {
    "dien-bien.xlsx": ward("PHUONG_DIEN_BIEN", "Phường Điện Biên", 4, 16),
    "lam-son.xlsx": ward("PHUONG_LAM_SON", "Phường Lam Sơn", 5, 14),
    "ba-dinh.xlsx": ward("PHUONG_BA_DINH", "Phường Ba Đình", 3, 10),
  });
  const letters = join(root, "f-thu");
  const { code, io, json } = await consolidateInto(dir, newRoster, "f", "--letters", letters);
  // Before: exit 0, Lam Sơn's 14 meetings counted as Hạc Thành's and the other two dropped as older copies.
  expect(code).toBe(1);
  expect(
    json.duplicates.map((d: { dropped: string; conflict: boolean }) => [
      d.dropped.replace(/.*\//, ""),
      d.conflict,
    ]),
  ).toEqual([
    ["ba-dinh.xlsx", true],
    ["dien-bien.xlsx", true],
  ]);
  expect(json.duplicates[1].message).toBe(
    "Đơn vị PHUONG_HAC_THANH (Phường Hạc Thành) có hai tệp số liệu khác nhau: tệp này (mã PHUONG_DIEN_BIEN, ngày báo cáo 04/06/2026) và tệp lam-son.xlsx (mã PHUONG_LAM_SON, ngày báo cáo 05/06/2026); “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này) tệp này ghi 16, tệp kia ghi 14. Chỉ tệp lam-son.xlsx được tổng hợp. Nếu mỗi tệp là báo cáo riêng của một đơn vị cũ, đề nghị PHUONG_HAC_THANH gửi một báo cáo chung, cộng số liệu các đơn vị cũ.",
  );
  expect(io.stdout).toContain("(tệp của đơn vị cũ, số liệu khác: hỏi lại đơn vị)");
  // The new ward gets a letter asking for one joint report, each former ward's file named.
  const letter = docxText(new Uint8Array(readFileSync(join(letters, "PHUONG_HAC_THANH.docx"))));
  expect(letter).toContain("V/v xác nhận số liệu báo cáo");
  // Three files, one letter section: each former ward's file with its code, date and figure.
  expect(letter).toContain(
    "nhận được ba tệp báo cáo của đơn vị có số liệu khác nhau:\n" +
      "- Tệp “lam-son.xlsx” (ghi mã PHUONG_LAM_SON, ngày báo cáo 05/06/2026): là tệp đang được tạm dùng để tổng hợp.\n" +
      "- Tệp “ba-dinh.xlsx” (ghi mã PHUONG_BA_DINH, ngày báo cáo 03/06/2026) ghi “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này) là 10, tệp đang dùng ghi 14.\n" +
      "- Tệp “dien-bien.xlsx” (ghi mã PHUONG_DIEN_BIEN, ngày báo cáo 04/06/2026) ghi “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này) là 16, tệp đang dùng ghi 14.\n" +
      "Bảng tổng hợp đang tạm tính số liệu của đơn vị theo tệp “lam-son.xlsx”; số liệu của các tệp kia chưa được tính.",
  );
  expect(letter.match(/nhận được .* tệp báo cáo của đơn vị có số liệu khác nhau/g)).toHaveLength(1);
  expect(letter).toContain("đề nghị đơn vị lập một báo cáo chung, cộng số liệu các đơn vị cũ");
  expect(letter).toMatch(/gửi báo cáo chung của đơn vị theo mẫu KL226-BC\/1 về .* trước ngày/);
});

test("a correction sent later under the old code is the one counted, not the earlier file under the new code", async () => {
  const dir = inbox("2026-g", {
    "PHUONG_HAC_THANH.xlsx": hacThanh("PHUONG_HAC_THANH", "Phường Hạc Thành", 5),
    "BC 226 Dien Bien - sua lai.xlsx": {
      ...hacThanh("PHUONG_DIEN_BIEN", "UBND phường Điện Biên", 12),
      counts: merged(3, 90, 79),
    },
  });
  const { code, json } = await consolidateInto(dir, newRoster, "g");
  // The usual flow (a later file replaces an earlier one), not a conflict.
  expect(code).toBe(0);
  expect(json.province.values.HN_TONG.current).toBe(79);
  expect(json.duplicates).toEqual([
    expect.objectContaining({ dropped: expect.stringMatching(/PHUONG_HAC_THANH\.xlsx$/), conflict: false }),
  ]);
});

test("the new unit's combined report beside its former wards' own files counts, whatever their dates", async () => {
  const dir = inbox("2026-h", {
    "PHUONG_HAC_THANH.xlsx": {
      ...hacThanh("PHUONG_HAC_THANH", "Phường Hạc Thành", 5),
      counts: merged(3, 90, 40),
    },
    "dien-bien.xlsx": ward("PHUONG_DIEN_BIEN", "Phường Điện Biên", 4, 16),
    "lam-son.xlsx": ward("PHUONG_LAM_SON", "Phường Lam Sơn", 8, 14),
    "ba-dinh.xlsx": ward("PHUONG_BA_DINH", "Phường Ba Đình", 3, 10),
  });
  const { code, json } = await consolidateInto(dir, newRoster, "h");
  // Before: Lam Sơn's file, dated last, was counted (14) for the ward's 40.
  expect(json.province.values.HN_TONG.current).toBe(40);
  expect(json.duplicates.map((d: { kept: string }) => d.kept.replace(/.*\//, ""))).toEqual([
    "PHUONG_HAC_THANH.xlsx",
    "PHUONG_HAC_THANH.xlsx",
    "PHUONG_HAC_THANH.xlsx",
  ]);
  expect(code).toBe(0);
});

test("a commune whose name is one roster unit's and a predecessor in another's column is not taken for either", async () => {
  // Two communes named Quảng Phú in two former districts: one kept its code, the other went into Thọ Xuân.
  const roster = join(root, "ds-2026-trung-ten.csv");
  writeFileSync(
    roster,
    [
      "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI,DON_VI_CU",
      'XA_QUANG_PHU,Xã Quảng Phú,Xã,"XA_QUANG_PHU, XA_QUANG_THINH"',
      'XA_THO_XUAN,Xã Thọ Xuân,Xã,"Thị trấn Thọ Xuân, Xã Quảng Phú, Xã Xuân Hòa"',
    ].join("\n"),
  );
  const dir = inbox("2026-i", {
    "XA_QUANG_PHU.xlsx": {
      unit: "XA_QUANG_PHU",
      name: "Xã Quảng Phú",
      type: "UBND_XA",
      reportDate: D2026,
      counts: merged(2, 25, 48),
    },
    "quang-phu-tho-xuan.xlsx": {
      unit: "XA_QUANG_PHU_TX",
      name: "UBND xã Quảng Phú",
      type: "UBND_XA",
      reportDate: D2026,
      counts: meetings(9, 7),
    },
  });
  const { json } = await consolidateInto(dir, roster, "i");
  // Before: set aside as a copy of Quảng Phú's report ("tên đơn vị … là của XA_QUANG_PHU"), its figures lost.
  expect(json.units.map((u: { code: string }) => u.code)).toEqual(["XA_QUANG_PHU", "XA_QUANG_PHU_TX"]);
  expect(json.province.values.HN_TONG.current).toBe(55);
  expect(json.duplicates).toEqual([]);
});
