// Follow-up letters: one per unit that has not reported, whose file was returned, that is short or
// late; each reason worded by what happened, values honest at the target, laid out as a công văn.

import {
  dates,
  financeFile,
  fixtureConsolidation,
  onTimeThenUpdate,
  profile,
  roster,
} from "../../test/helpers/documents-fixture";
import { cchcUnit, reportBytes, type Edit, type ReportData } from "../../test/helpers/report-builder";
import { zipSync } from "fflate";
import { inspectBytes, notOpenedResult } from "../app/inspect";
import { UNREADABLE_MESSAGES } from "./findings";
import { consolidate } from "./consolidate";
import {
  otherPeriodFiles,
  rejectedBesideAccepted,
  unopenedFiles,
  unopenedSentence,
  unplacedRejected,
} from "./file-fates";
import { compareWithPrevious } from "./history";
import { documentText, isSenderUnit } from "./documents";
import {
  ALL_LETTERS_FILE,
  followUpLetters,
  lettersHeldBy,
  LETTER_SHEET,
  letterDocument,
  lettersDocument,
  lettersToSender,
  letterStyle,
  withLetterSheet,
} from "./letters";
import { DEFAULT_PROFILE, parseProfile, type Profile } from "./profile";
import { templateWorkbook } from "./template";
import { reportDocument } from "./report";
import { shippedProfile } from "./profiles";
import { summaryWorkbook } from "./summary";
import { writeXlsx } from "../xlsx/write";

const c = fixtureConsolidation();
/** As the command says a report it had no permission to read (src/cli/read-input.ts). */
const notOpenedMessageForTest =
  "Máy này không mở được tệp: tài khoản đang chạy KL226 không có quyền đọc tệp này (của người dùng khác, hoặc bị chặn quyền). Đây không phải lỗi của tệp đơn vị gửi; không trả lại báo cáo vì lý do này: hãy cấp quyền đọc tệp (hoặc chép tệp sang thư mục của mình) rồi chạy lại.";
const letters = followUpLetters(c, profile, dates);
const letter = (unit: string) => {
  const l = letters.find((x) => x.unit === unit);
  if (!l) throw new Error(`no letter for ${unit}: ${letters.map((x) => x.unit).join(", ")}`);
  return l;
};

/** Xã Quảng Phú's file "in/qp.xlsx" with its code typed XA_QUANG_PHUU, consolidated with a roster that lists the commune. */
function mistypedQuangPhu(counts: ReportData["counts"]) {
  const result = inspectBytes(reportBytes({ unit: "XA_QUANG_PHUU", name: "Xã Quảng Phú", counts }), profile);
  return consolidate([{ file: "in/qp.xlsx", sha256: "a", result }], {
    profile,
    roster: [{ code: "XA_QUANG_PHU", name: "Xã Quảng Phú", type: "UBND xã, phường" }],
  });
}

describe("followUpLetters", () => {
  test("one letter per unit to follow up, the most urgent first (not sent, returned, short, late), each by code; none for units that met every target on time", () => {
    expect(letters.map((l) => [l.unit, l.reasons])).toEqual([
      ["SO_VANG", ["missing"]],
      ["XA_VANG", ["missing"]],
      ["SO_LOI", ["returned"]],
      ["XA_HONG", ["returned"]],
      ["SO_9498", ["short"]],
      ["SO_VB", ["short"]],
      ["XA_5996", ["short"]],
      ["XA_996", ["short"]],
      ["SO_TRE", ["late"]],
    ]);
    expect(letters.map((l) => l.fileName)).toContain("SO_LOI.docx");
  });

  test("missing, but a rejected file's name is the unit's: the letter names the file and why it could not be used, even before the deadline", () => {
    const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
    const c2 = consolidate(
      [
        {
          file: "in/Báo cáo 6 tháng - Pù Nhi.pdf",
          sha256: "p",
          result: inspectBytes(pdfBytes, profile, undefined, { fileName: "Báo cáo 6 tháng - Pù Nhi.pdf" }),
        },
      ],
      {
        profile,
        period: { kind: "6T", year: 2026 },
        roster: [
          { code: "XA_PU_NHI", name: "Xã Pù Nhi", type: "UBND xã, phường" },
          { code: "XA_VANG", name: "Xã Vắng", type: "UBND xã, phường" },
        ],
      },
    );
    const early = { date: { year: 2026, month: 6, day: 2 }, replyBy: { year: 2026, month: 6, day: 6 } };
    const written = followUpLetters(c2, profile, early);
    // Before the deadline Xã Vắng still has time; Xã Pù Nhi's file is to be sent again now.
    expect(written.map((l) => l.unit)).toEqual(["XA_PU_NHI"]);
    const text = written[0]!.text;
    expect(text).toContain("chưa nhận được báo cáo 6 tháng đầu năm 2026 dùng được của đơn vị.");
    expect(text).toContain(
      "Sở Nội vụ tỉnh Thanh Hóa có nhận được tệp “Báo cáo 6 tháng - Pù Nhi.pdf”, có thể là báo cáo của đơn vị (tên tệp gần với tên đơn vị), nhưng tệp không dùng được. Tệp “Báo cáo 6 tháng - Pù Nhi.pdf” là tệp PDF",
    );
    // The reason in the letter's own style: a request of the Sở, not the clerk's "Hãy gửi…".
    expect(text).toContain("Đề nghị đơn vị gửi tệp Excel .xlsx gốc");
    expect(text).not.toMatch(/Hãy/u);
  });

  test("a report sent as an archive (a unit's folder, a district's bundle): the analyst is told to unpack it, and no letter is drawn until then", () => {
    const rar = new TextEncoder().encode("Rar!\u001a\u0007\u0000 nén");
    const c2 = consolidate(
      [
        {
          file: "in/Bao cao - Xa Vang Mat.rar",
          sha256: "r",
          result: inspectBytes(rar, profile, undefined, { fileName: "Bao cao - Xa Vang Mat.rar" }),
        },
      ],
      {
        profile,
        period: { kind: "6T", year: 2026 },
        roster: [
          { code: "XA_VANG", name: "Xã Vắng Mặt", type: "UBND xã, phường" },
          { code: "XA_KHAC", name: "Xã Khác", type: "UBND xã, phường" },
        ],
      },
    );
    expect(c2.rejected[0]!.findings[0]!.message).toBe(
      "Tệp “Bao cao - Xa Vang Mat.rar” là tệp nén, không phải sổ tính Excel .xlsx theo mẫu. Hãy giải nén các tệp báo cáo .xlsx bên trong vào thư mục các báo cáo, chuyển tệp nén ra khỏi thư mục đó, rồi tổng hợp lại.",
    );
    // What it holds is not read: any letter (Xã Khác "not received") might be wrong.
    expect(lettersHeldBy(c2)).toHaveLength(1);
    expect(followUpLetters(c2, profile, dates)).toEqual([]);
    // A unit's folder zipped and renamed as its report: told as an archive by its bytes, its unit not
    // made "returned" by the name, the letters held as well.
    const bundle = zipSync({ "Bao cao/XA_VANG.xlsx": reportBytes({ unit: "XA_VANG", name: "Xã Vắng Mặt" }) });
    const c3 = consolidate(
      [
        {
          file: "in/XA_VANG.xlsx",
          sha256: "z",
          result: inspectBytes(bundle, profile, undefined, { fileName: "XA_VANG.xlsx" }),
        },
      ],
      {
        profile,
        period: { kind: "6T", year: 2026 },
        roster: [{ code: "XA_VANG", name: "Xã Vắng Mặt", type: "UBND xã, phường" }],
      },
    );
    expect(c3.rejected[0]!.findings.map((f) => f.message)).toEqual([UNREADABLE_MESSAGES.ARCHIVE]);
    expect(c3.returned).toEqual([]);
    expect(lettersHeldBy(c3)).toHaveLength(1);
    expect(followUpLetters(c3, profile, dates)).toEqual([]);
  });

  test("a file or folder this machine could not open (no permission): no unit is made returned by its name, and no letter at all is drawn until it is read", () => {
    const notOpened = (file: string) => ({
      file,
      sha256: "",
      result: notOpenedResult(notOpenedMessageForTest),
    });
    const roster = [
      { code: "XA_PU_NHI", name: "Xã Pù Nhi", type: "UBND xã, phường" },
      { code: "XA_VANG", name: "Xã Vắng Mặt", type: "UBND xã, phường" },
      { code: "XA_KHAC", name: "Xã Khác", type: "UBND xã, phường" },
    ];
    const shortOf = (unit: string, name: string) => ({
      file: `in/${unit}.xlsx`,
      sha256: unit,
      result: inspectBytes(reportBytes({ unit, name, counts: { HN_TRUC_TUYEN: [50, 10] } }), profile),
    });
    const c2 = consolidate(
      [
        notOpened("in/XA_PU_NHI.xlsx"),
        notOpened("in/Zalo - xa Vang Mat/BaoCao.xlsx"),
        // Xã Khác's resend, unread: its accepted report's shortfall letter might answer figures it corrects.
        notOpened("in/XA_KHAC (gui lai).xlsx"),
        shortOf("XA_KHAC", "Xã Khác"),
      ],
      { profile, period: { kind: "6T", year: 2026 }, roster },
    );
    // Not "returned" by its file's name: nobody read what it holds.
    expect(c2.returned).toEqual([]);
    expect(c2.missing.map((u) => u.code)).toEqual(["XA_PU_NHI", "XA_VANG"]);
    expect(lettersHeldBy(c2)).toHaveLength(3);
    expect(followUpLetters(c2, profile, dates)).toEqual([]);
    // The report to the level above says they were received and not yet read, apart from unplaced files.
    const report = documentText(reportDocument(c2, profile, { date: dates.date, roster }));
    expect(report).toContain(
      "Có 3 tệp hoặc thư mục nhận được nhưng chưa đọc được nội dung (chưa mở được, hoặc tệp nén chưa giải nén), chưa được tổng hợp.",
    );
    expect(report).not.toContain("không xác định được đơn vị gửi");
    // The analyst is told which, by the paths given, with the unit each may be of (its name or folder's).
    expect(unplacedRejected(c2)).toEqual([]);
    expect(unopenedSentence(unopenedFiles(c2))).toBe(
      "Lưu ý: 3 tệp hoặc thư mục chưa mở được trên máy này (lý do ở trang “Lỗi”), chưa rõ nội dung (có thể là báo cáo hay bản gửi lại của bất kỳ đơn vị nào): số liệu và danh sách chưa nộp chưa đầy đủ, chưa lập thư nhắc nào. Mở được rồi hãy tổng hợp lại: “in/XA_KHAC (gui lai).xlsx” (có thể của XA_KHAC – Xã Khác), “in/XA_PU_NHI.xlsx” (có thể của XA_PU_NHI – Xã Pù Nhi), “in/Zalo - xa Vang Mat/BaoCao.xlsx” (có thể của XA_VANG – Xã Vắng Mặt).",
    );
    // Folders above the one holding it are the analyst's ("Sở Nội vụ/Hộp thư 6T"): no hint from them.
    const above = consolidate([notOpened("So Noi vu/Hop thu 6T/tai-ve (3).xlsx")], {
      profile,
      period: { kind: "6T", year: 2026 },
      roster: [...roster, { code: "SO_NOI_VU", name: "Sở Nội vụ", type: "Sở, ban, ngành" }],
    });
    expect(unopenedFiles(above).map((f) => f.unit)).toEqual([null]);
    expect(followUpLetters(above, profile, dates)).toEqual([]);
    // Once read, the letters come as ever.
    expect(
      followUpLetters(
        consolidate([shortOf("XA_KHAC", "Xã Khác")], { profile, period: { kind: "6T", year: 2026 }, roster }),
        profile,
        dates,
      ).map((l) => l.unit),
    ).toEqual(["XA_PU_NHI", "XA_VANG", "XA_KHAC"]);
  });

  test("missing: nothing received by the letter's date, send the report on the form by the reply date", () => {
    const text = letter("SO_VANG").text;
    expect(text).toContain("Kính gửi: Sở Vắng Mặt");
    expect(text).toContain(
      "Đến ngày 12/06/2026, Sở Nội vụ tỉnh Thanh Hóa chưa nhận được báo cáo 6 tháng đầu năm 2026 của đơn vị.",
    );
    expect(text).toContain(
      "gửi báo cáo 6 tháng đầu năm 2026 theo mẫu KL226-BC/1 về Sở Nội vụ tỉnh Thanh Hóa trước ngày 19/06/2026",
    );
    // One request, the one with the reply date: the letter does not ask twice.
    expect(text.match(/Đề nghị/g)).toHaveLength(1);
    expect(letter("SO_VANG").subject).toBe(
      "đôn đốc gửi báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
  });

  test("missing, with a file named for the unit that holds another unit's code: the letter says what arrived", () => {
    const roster = [
      { code: "XA_AN_HOA", name: "Xã An Hòa", type: "UBND xã, phường" },
      { code: "XA_HA_TRUNG", name: "Xã Hà Trung", type: "UBND xã, phường" },
    ];
    const read = (unit: string) => inspectBytes(reportBytes({ unit, name: "Xã An Hòa" }), profile);
    const misnamed = consolidate(
      [
        { file: "in/XA_AN_HOA.xlsx", sha256: "a", result: read("XA_AN_HOA") },
        { file: "in/XA_HA_TRUNG.xlsx", sha256: "b", result: read("XA_AN_HOA") },
      ],
      { profile, roster },
    );
    const l = followUpLetters(misnamed, profile, dates).find((x) => x.unit === "XA_HA_TRUNG");
    expect(l?.reasons).toEqual(["missing"]);
    expect(l?.text).toContain(
      "Sở Nội vụ tỉnh Thanh Hóa có nhận được tệp “XA_HA_TRUNG.xlsx” mang mã của đơn vị ở tên tệp, nhưng ô Mã đơn vị trong tệp ghi XA_AN_HOA, nên tệp được xem là tệp của XA_AN_HOA. Nếu tệp đó là báo cáo của đơn vị, khi gửi lại xin sửa ô Mã đơn vị (trang “Thông tin”) thành XA_HA_TRUNG.",
    );
    expect(l?.text.match(/Đề nghị/g)).toHaveLength(1);
    // Before the deadline too: that unit still has time to send its report under its own code.
    const early = followUpLetters(misnamed, profile, {
      date: { year: 2026, month: 6, day: 5 },
      replyBy: { year: 2026, month: 6, day: 12 },
    });
    expect(early.find((x) => x.unit === "XA_HA_TRUNG")?.text).toContain(
      "có nhận được tệp “XA_HA_TRUNG.xlsx”",
    );
  });

  test("missing, with a file whose name holds the unit's code after other words: the letter says what arrived, as the terminal does", () => {
    const roster = [
      { code: "SO_03", name: "Sở thứ 3", type: "Sở, ban, ngành" },
      { code: "SO_30", name: "Sở thứ 30", type: "Sở, ban, ngành" },
    ];
    const read = (unit: string) => inspectBytes(reportBytes({ unit, name: "Sở thứ 3" }), profile);
    // SO_30's clerk copied SO_03's file, kept its code and named the resend in words, lower case.
    const c = consolidate(
      [
        { file: "in/SO_03.xlsx", sha256: "a", result: read("SO_03") },
        { file: "in/bao cao so_30 (gui lai).xlsx", sha256: "b", result: read("SO_03") },
      ],
      { profile, roster },
    );
    expect(c.missing.map((u) => u.code)).toEqual(["SO_30"]);
    const l = followUpLetters(c, profile, dates).find((x) => x.unit === "SO_30");
    expect(l?.text).toContain(
      "Sở Nội vụ tỉnh Thanh Hóa có nhận được tệp “bao cao so_30 (gui lai).xlsx” mang mã của đơn vị ở tên tệp, nhưng ô Mã đơn vị trong tệp ghi SO_03, nên tệp được xem là tệp của SO_03. Nếu tệp đó là báo cáo của đơn vị, khi gửi lại xin sửa ô Mã đơn vị (trang “Thông tin”) thành SO_30.",
    );
    // The copy was SO_03's second file, not consolidated: it is SO_03's file, not "counted as SO_03's
    // report". Had SO_03 sent nothing else, the file would be consolidated as its report, and said so.
    const alone = consolidate(
      [{ file: "in/bao cao so_30 (gui lai).xlsx", sha256: "b", result: read("SO_03") }],
      {
        profile,
        roster,
      },
    );
    expect(followUpLetters(alone, profile, dates).find((x) => x.unit === "SO_30")?.text).toContain(
      "nhưng ô Mã đơn vị trong tệp ghi SO_03, nên tệp được tính là báo cáo của SO_03.",
    );
  });

  test("a returned file whose code the roster lacks, on a roster unit's name: the letter goes to that unit and asks for its code too", () => {
    const l = followUpLetters(mistypedQuangPhu({ HN_TONG: [100, -1] }), profile, dates);
    expect(l.map((x) => [x.unit, x.reasons])).toEqual([["XA_QUANG_PHU", ["returned"]]]);
    expect(l[0]!.text).toContain(
      "- Trang “Thông tin”, ô C5: Mã đơn vị ghi XA_QUANG_PHUU, không có trong danh sách đơn vị; tên đơn vị “Xã Quảng Phú” là của XA_QUANG_PHU trong danh sách, nên tệp được tính là báo cáo của XA_QUANG_PHU. Khi gửi lại, đề nghị sửa ô Mã đơn vị thành XA_QUANG_PHU.",
    );
  });

  test("an accepted report known by its name under a mistyped code: the unit's letter says which code to write", () => {
    // 10 of 100 meetings online: short of 60%, so the commune gets a letter anyway.
    const l = followUpLetters(mistypedQuangPhu({ HN_TRUC_TUYEN: [50, 10] }), profile, dates);
    expect(l.map((x) => [x.unit, x.reasons])).toEqual([["XA_QUANG_PHU", ["short"]]]);
    expect(l[0]!.text).toContain(
      "Tệp báo cáo “qp.xlsx” ghi Mã đơn vị XA_QUANG_PHUU, không có trong danh sách đơn vị; Sở Nội vụ tỉnh Thanh Hóa đã tính là báo cáo của đơn vị theo tên đơn vị. Đề nghị đơn vị ghi đúng mã XA_QUANG_PHU ở các lần báo cáo sau.",
    );
  });

  test("a report under a code the roster lacks: the letter says how it was known — a predecessor's code, a code that differs in “_”", () => {
    const shortOnline = { HN_TRUC_TUYEN: [50, 10] as const };
    const roster = [
      { code: "XA_QUANG_PHU", name: "Xã Quảng Phú", type: "UBND xã, phường", formerly: "XA_QUANG_THINH" },
      { code: "SO_Y_TE", name: "Sở Y tế", type: "Sở, ban, ngành" },
    ];
    const file = (name: string, data: ReportData) => ({
      file: `in/${name}`,
      sha256: name,
      result: inspectBytes(reportBytes(data), profile),
    });
    const c2 = consolidate(
      [
        file("qt.xlsx", { unit: "XA_QUANG_THINH", name: "Xã Quảng Thịnh", counts: shortOnline }),
        file("syt.xlsx", { unit: "SO.Y.TE", name: "Sở Y tế", counts: shortOnline }),
      ],
      { profile, period: { kind: "6T", year: 2026 }, roster },
    );
    const text = (unit: string) => followUpLetters(c2, profile, dates).find((l) => l.unit === unit)!.text;
    expect(text("XA_QUANG_PHU")).toContain(
      "Tệp báo cáo “qt.xlsx” ghi Mã đơn vị XA_QUANG_THINH, là đơn vị cũ nay thuộc đơn vị theo danh sách đơn vị sau sắp xếp; Sở Nội vụ tỉnh Thanh Hóa đã tính là báo cáo của đơn vị. Đề nghị đơn vị ghi mã XA_QUANG_PHU và tên “Xã Quảng Phú” ở các lần báo cáo sau.",
    );
    expect(text("SO_Y_TE")).toContain(
      "Tệp báo cáo “syt.xlsx” ghi Mã đơn vị SO.Y.TE, không có trong danh sách đơn vị, chỉ khác mã SO_Y_TE của đơn vị ở dấu “_”, “.” hay “-”; Sở Nội vụ tỉnh Thanh Hóa đã tính là báo cáo của đơn vị.",
    );
    for (const unit of ["XA_QUANG_PHU", "SO_Y_TE"]) expect(text(unit)).not.toContain("theo tên đơn vị");
  });

  test("a unit that sent again: the letter asks only for its latest file's errors and names the file it replaced", () => {
    const roster = [{ code: "XA_HH", name: "Xã Hoằng Hóa", type: "UBND xã, phường" }];
    const file = (day: number, edits: Parameters<typeof reportBytes>[1]) =>
      inspectBytes(
        reportBytes(
          { unit: "XA_HH", name: "Xã Hoằng Hóa", reportDate: { year: 2026, month: 6, day } },
          edits,
          profile,
        ),
        profile,
      );
    const first = file(5, [{ op: "set", sheet: "Chỉ tiêu", cell: "E5", value: "1,200" }]);
    const again = file(16, [{ op: "set", sheet: "Chỉ tiêu", cell: "E6", value: -1 }]);
    const c = consolidate(
      [
        { file: "in/XA_HH.xlsx", sha256: "a", result: first },
        { file: "in/XA_HH-sua.xlsx", sha256: "b", result: again },
      ],
      { profile, roster },
    );
    const text = followUpLetters(c, profile, dates)[0]!.text;
    expect(text).toContain("tệp báo cáo “XA_HH-sua.xlsx” của đơn vị nhưng phải trả lại");
    // Dated after the deadline (16/06), the latest file gets no word on the date; the first, on time, would.
    expect(text).not.toContain("Tệp gửi lại ghi Ngày báo cáo");
    expect(text).toContain("ô E6");
    expect(text).not.toContain("1,200");
    expect(text).toContain(
      "Tệp “XA_HH.xlsx” đơn vị gửi trước đó không cần sửa nữa: tệp “XA_HH-sua.xlsx” gửi sau thay cho tệp đó.",
    );
    // Two e-mails' files of one name, saved in two folders: the letter tells them apart by their dates.
    const twins = consolidate(
      [
        { file: "in/Email 05-06/BaoCao.xlsx", sha256: "a", result: first },
        { file: "in/Email 16-06/BaoCao.xlsx", sha256: "b", result: again },
      ],
      { profile, roster },
    );
    expect(followUpLetters(twins, profile, dates)[0]!.text).toContain(
      "Tệp “BaoCao.xlsx” (ngày báo cáo 05/06/2026) đơn vị gửi trước đó không cần sửa nữa: tệp “BaoCao.xlsx” (ngày báo cáo 16/06/2026) gửi sau thay cho tệp đó.",
    );
    // The same bytes sent again under another name: its errors once, and that nothing was mended.
    const same = consolidate(
      [
        { file: "in/XA_HH.xlsx", sha256: "a", result: first },
        { file: "in/XA_HH (1).xlsx", sha256: "a", result: first },
      ],
      { profile, roster },
    );
    const resent = followUpLetters(same, profile, dates)[0]!.text;
    // Sent by the deadline: the clerk is told to date the corrected file the day it goes, without loss.
    expect(resent).toContain(
      "Khi gửi lại, đề nghị đơn vị ghi Ngày báo cáo là ngày gửi lại; Sở Nội vụ tỉnh Thanh Hóa vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn (ngày 05/06/2026).",
    );
    expect(resent.match(/1,200/g)).toHaveLength(1);
    expect(resent).toContain(
      "Tệp “XA_HH (1).xlsx” giống hệt tệp “XA_HH.xlsx” đơn vị đã gửi trước đó: các lỗi trên chưa được sửa.",
    );
  });

  test("a unit whose late report is an update of one it sent on time gets no letter about the deadline", () => {
    const [first, update] = onTimeThenUpdate("SO_KHCN", "Sở KH&CN");
    const c = consolidate([first, update], { profile });
    expect(c.units[0]!.late).toBe(true);
    expect(followUpLetters(c, profile, dates).filter((l) => l.reasons.includes("late"))).toEqual([]);
    // Without the on-time one, the same report is late and told so.
    const alone = consolidate([update], { profile });
    expect(followUpLetters(alone, profile, dates).map((l) => l.reasons)).toEqual([["late"]]);
  });

  test("dated on or before the report deadline (06/06/2026), no unit is chased for a report it still has time to send", () => {
    const early = followUpLetters(c, profile, {
      date: { year: 2026, month: 6, day: 6 },
      replyBy: { year: 2026, month: 6, day: 12 },
    });
    expect(early.filter((l) => l.reasons.includes("missing"))).toEqual([]);
    // Returned files and shortfalls are followed up whatever the day.
    expect(early.map((l) => l.unit)).toEqual([
      "SO_LOI",
      "XA_HONG",
      "SO_9498",
      "SO_VB",
      "XA_5996",
      "XA_996",
      "SO_TRE",
    ]);
  });

  test("returned: the file was received and returned, each error with its sheet and cell and what to type; never 'not received'", () => {
    const text = letter("SO_LOI").text;
    // What to mend, then one request to send the mended file by the reply date.
    expect(text).toContain(
      "Sau khi sửa lỗi trên trong tệp báo cáo (.xlsx, theo mẫu KL226-BC/1), đơn vị kiểm tra lại tệp",
    );
    expect(text.match(/Đề nghị/g)).toHaveLength(1);
    expect(text).toContain("đã nhận được tệp báo cáo “SO_LOI.xlsx” của đơn vị nhưng phải trả lại");
    expect(text).toMatch(/- Trang “Chỉ tiêu”, ô E5: .*số âm \(-1\)\. Cần nhập số nguyên không âm/);
    expect(text).toContain("gửi tệp báo cáo đã sửa lỗi về Sở Nội vụ tỉnh Thanh Hóa trước ngày 19/06/2026");
    expect(text).not.toContain("chưa nhận");
  });

  test("a returned file dated on the deadline day itself (06/06/2026) was sent on time: the letter says the resend may carry its own date", () => {
    const roster = [{ code: "XA_HH", name: "Xã Hoằng Hóa", type: "UBND xã, phường" }];
    const returnedOn = (day: number) =>
      followUpLetters(
        consolidate(
          [
            {
              file: "in/XA_HH.xlsx",
              sha256: "a",
              result: inspectBytes(
                reportBytes(
                  { unit: "XA_HH", name: "Xã Hoằng Hóa", reportDate: { year: 2026, month: 6, day } },
                  [{ op: "set", sheet: "Chỉ tiêu", cell: "E6", value: -1 }],
                  profile,
                ),
                profile,
              ),
            },
          ],
          { profile, roster },
        ),
        profile,
        dates,
      );
    const onTheDay = returnedOn(6);
    expect(onTheDay.map((l) => [l.unit, l.reasons])).toEqual([["XA_HH", ["returned"]]]);
    expect(onTheDay[0]!.text).toContain(
      "Khi gửi lại, đề nghị đơn vị ghi Ngày báo cáo là ngày gửi lại; Sở Nội vụ tỉnh Thanh Hóa vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn (ngày 06/06/2026).",
    );
    // A day later it was late already: nothing on time to keep.
    expect(returnedOn(7)[0]!.text).not.toContain("vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn");
  });

  test("a file that could not be read is returned to the unit its name gives, with the reason, not 'not received'", () => {
    const l = letter("XA_HONG");
    expect(l.name).toBe("Xã Tệp Hỏng");
    expect(l.text).toContain("tệp báo cáo “XA_HONG.xlsx”");
    expect(l.text).toMatch(/- Tệp là văn bản CSV \(.*\) được đổi đuôi thành \.xlsx/);
    expect(l.text).not.toContain("chưa nhận");
    // Nothing in it to mend: the file is sent again as the reason says, not "after mending the error".
    expect(l.text).not.toContain("Sau khi sửa");
    expect(l.text).toContain(
      "Trước khi gửi lại, đề nghị đơn vị kiểm tra tệp báo cáo (.xlsx, theo mẫu KL226-BC/1) bằng",
    );
  });

  test("a returned file replaced by an accepted one is not mentioned", () => {
    expect(letters.find((l) => l.unit === "SO_TOT")).toBeUndefined();
    expect(letters.some((l) => l.text.includes("ban cu"))).toBe(false);
  });

  test("a correction that failed (a newer file rejected, the older one counted): the unit is told, with the errors and which figures count", () => {
    const file = (name: string, data: Partial<ReportData>) => ({
      file: `in/${name}`,
      sha256: name,
      result: inspectBytes(reportBytes({ unit: "SO_TC", name: "Sở Tài chính", ...data }), profile),
    });
    /** Sở Tài chính's valid file and its file with one part over its whole (INCONSISTENT), each dated a day of June 2026. */
    const twoFiles = (valid: readonly [string, number], rejected: readonly [string, number]) =>
      consolidate(
        [
          file(valid[0], { reportDate: { year: 2026, month: 6, day: valid[1] } }),
          file(rejected[0], {
            reportDate: { year: 2026, month: 6, day: rejected[1] },
            counts: { HN_TONG: [100, 80], HN_TRUC_TUYEN: [50, 85] },
          }),
        ],
        { profile },
      );
    // Sent on 05/06 with corrected figures, one of them over its whole.
    const run = twoFiles(["SO_TC.xlsx", 2], ["SO_TC_v2.xlsx", 5]);
    expect(run.units.map((u) => u.file)).toEqual(["in/SO_TC.xlsx"]);
    const l = followUpLetters(run, profile, dates).find((x) => x.unit === "SO_TC");
    expect(l?.reasons).toEqual(["resent"]);
    // Not "trả lại": the unit's report is counted; which file, what the newer one lacks, what to do.
    expect(l?.subject).toBe(
      "bản gửi lại báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026 chưa dùng được",
    );
    expect(l?.text).not.toContain("trả lại");
    expect(l?.text).toContain(
      "Bảng tổng hợp đang dùng số liệu của tệp “SO_TC.xlsx” (ngày báo cáo 02/06/2026) đơn vị gửi trước.\n" +
        "Tệp “SO_TC_v2.xlsx” (ngày báo cáo 05/06/2026) đơn vị gửi sau để thay thế có lỗi sau, nên chưa được sử dụng:",
    );
    expect(l?.text).toContain(
      "Nếu đơn vị muốn thay bằng số liệu mới, đề nghị sửa lỗi trên và gửi lại; Sở Nội vụ tỉnh Thanh Hóa vẫn ghi nhận đơn vị đã gửi báo cáo đúng hạn (ngày 02/06/2026).",
    );
    expect(l?.text).toContain(
      "gửi tệp báo cáo đã sửa lỗi (nếu thay số liệu đang được tổng hợp) về Sở Nội vụ tỉnh Thanh Hóa trước ngày",
    );
    // The Lỗi sheet says which, not "đã có tệp hợp lệ" (needs no correcting).
    const errors = summaryWorkbook(run, profile).sheets.find((sh) => sh.name === "Lỗi");
    const statuses = (errors?.rows ?? []).map((r) => r[2]).filter((v) => typeof v === "object" && v !== null);
    expect(JSON.stringify(statuses)).toContain("Từ chối (bản gửi sau; đang dùng bản gửi trước)");
    expect(JSON.stringify(statuses)).not.toContain("đã có tệp hợp lệ");
    // On the same day which came later cannot be told ("SO_TOT (ban cu)" is no later for its name):
    // said as such on the Lỗi sheet, and no letter claims either.
    const sameDay = twoFiles(["SO_TC.xlsx", 3], ["SO_TC (1).xlsx", 3]);
    expect(followUpLetters(sameDay, profile, dates).find((x) => x.unit === "SO_TC")).toBeUndefined();
    const sameDayErrors = summaryWorkbook(sameDay, profile).sheets.find((sh) => sh.name === "Lỗi");
    expect(JSON.stringify(sameDayErrors?.rows)).toContain("Từ chối (cùng ngày với tệp hợp lệ đang dùng)");
    // The earlier file rejected, the later one accepted: that one needs no correcting, no letter about it.
    const fixedLater = twoFiles(["SO_TC_v2.xlsx", 5], ["SO_TC.xlsx", 2]);
    expect(followUpLetters(fixedLater, profile, dates).find((x) => x.unit === "SO_TC")).toBeUndefined();
  });

  test("two different files of a unit, both returned, of one report date: each with its errors, and which came later is not claimed", () => {
    const file = (name: string, counts: ReportData["counts"]) => ({
      file: `in/${name}`,
      sha256: name,
      result: inspectBytes(
        reportBytes({
          unit: "SO_XD",
          name: "Sở Xây dựng",
          reportDate: { year: 2026, month: 6, day: 4 },
          counts,
        }),
        profile,
      ),
    });
    const run = consolidate(
      [
        file("SO_XD.xlsx", { HN_TONG: [100, -3] }),
        file("SO_XD_2.xlsx", { HN_TONG: [100, 80], HN_TRUC_TUYEN: [50, 85] }),
      ],
      { profile },
    );
    const l = followUpLetters(run, profile, dates).find((x) => x.unit === "SO_XD");
    expect(l?.reasons).toEqual(["returned"]);
    expect(l?.text).not.toContain("gửi sau thay cho tệp đó");
    expect(l?.text).toContain("“SO_XD.xlsx”");
    expect(l?.text).toContain("“SO_XD_2.xlsx”");
    expect(l?.text).toMatch(/số âm \(-3\)/);
    expect(l?.text).toContain(
      "Các tệp trên cùng Ngày báo cáo nên chưa rõ tệp nào là bản đơn vị muốn gửi: đề nghị sửa tệp đúng rồi gửi lại một tệp.",
    );
  });

  test("two files of the unit with other figures on one day: the unit is asked which is right, told which one counts; a later resend asks nothing", () => {
    const file = financeFile;
    const run = consolidate([file("SO_TC.xlsx", 3, 60), file("SO_TC (1).xlsx", 3, 40)], { profile });
    expect(run.duplicates.map((d) => d.conflict)).toEqual([true]);
    const l = followUpLetters(run, profile, dates).find((x) => x.unit === "SO_TC");
    // 40 of 90 online is short of 60 %: the shortfall is judged on the file that counts, and said so.
    expect(l?.reasons).toEqual(["conflict", "short"]);
    expect(l?.subject).toBe(
      "xác nhận số liệu và các chỉ tiêu chưa đạt trong báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
    expect(l?.text).toContain(
      "1. Các tệp báo cáo có số liệu khác nhau\n" +
        "Sở Nội vụ tỉnh Thanh Hóa nhận được hai tệp báo cáo của đơn vị có số liệu khác nhau, cùng Ngày báo cáo 03/06/2026, nên chưa rõ tệp nào là bản gửi sau:\n" +
        "- Tệp “SO_TC (1).xlsx”: là tệp đang được tạm dùng để tổng hợp.\n" +
        "- Tệp “SO_TC.xlsx” ghi “Trong đó: hội nghị, cuộc họp trực tuyến (kể cả kết hợp)” (cột E, kỳ này) là 60, tệp đang dùng ghi 40.\n" +
        "Số liệu và kết quả các chỉ tiêu của đơn vị (kể cả chỉ tiêu chưa đạt nêu trong văn bản này, nếu có) đang tính theo tệp “SO_TC (1).xlsx”; nếu đơn vị xác nhận tệp khác là đúng, các kết quả đó được tính lại theo tệp ấy.\n" +
        "Đề nghị đơn vị cho biết tệp nào đúng. Nếu tệp đúng không phải tệp đang dùng, đề nghị gửi lại tệp đó với Ngày báo cáo (trang “Thông tin”) là ngày gửi lại.\n" +
        "2. Chỉ tiêu chưa đạt\n" +
        "Theo số liệu của tệp “SO_TC (1).xlsx” đang tạm dùng (mục trên), báo cáo của đơn vị có 1 chỉ tiêu chưa đạt mục tiêu:",
    );
    expect(l?.text).toContain(
      "Đề nghị Sở Tài chính gửi văn bản cho biết tệp báo cáo nào đúng (hoặc gửi lại tệp đúng) và văn bản giải trình các chỉ tiêu chưa đạt về Sở Nội vụ tỉnh Thanh Hóa trước ngày",
    );
    expect(l?.notes[0]).toBe("Hai tệp số liệu khác nhau: “SO_TC.xlsx” và “SO_TC (1).xlsx” (đang dùng).");
    // Three files, two of them the same copy: one section, the copies one item, "ba tệp".
    const three = consolidate(
      [file("SO_TC_a.xlsx", 3, 60), file("SO_TC_b.xlsx", 3, 60), file("SO_TC_c.xlsx", 3, 40)].map((f) =>
        f.file.endsWith("_b.xlsx") ? { ...f, sha256: "SO_TC_a.xlsx" } : f,
      ),
      { profile },
    );
    const l3 = followUpLetters(three, profile, dates).find((x) => x.unit === "SO_TC");
    expect(l3?.text).toContain(
      "nhận được ba tệp báo cáo của đơn vị có số liệu khác nhau, cùng Ngày báo cáo 03/06/2026",
    );
    expect(l3?.text).toContain(
      "- Tệp “SO_TC_a.xlsx” và “SO_TC_b.xlsx” (giống hệt nhau) ghi “Trong đó: hội nghị, cuộc họp trực tuyến (kể cả kết hợp)” (cột E, kỳ này) là 60, tệp đang dùng ghi 40.",
    );
    expect(l3?.text.match(/tệp báo cáo của đơn vị có số liệu khác nhau/g)).toHaveLength(1);
    // The same figures on one day, or other figures sent on a later day (the usual resend): nothing to ask.
    expect(
      followUpLetters(
        consolidate([file("SO_TC.xlsx", 3, 60), file("SO_TC (1).xlsx", 3, 60)], { profile }),
        profile,
        dates,
      ),
    ).toEqual([]);
    expect(
      followUpLetters(
        consolidate([file("SO_TC.xlsx", 3, 40), file("SO_TC (1).xlsx", 5, 60)], { profile }),
        profile,
        dates,
      ),
    ).toEqual([]);
  });

  test("late: the report date, how many days late, the deadlines of the periods to come; nothing to send", () => {
    const text = letter("SO_TRE").text;
    expect(text).toContain(
      "Báo cáo của đơn vị đề ngày 10/06/2026, chậm 4 ngày so với hạn gửi báo cáo (ngày 06/06/2026). " +
        "Đề nghị đơn vị bảo đảm thời hạn gửi báo cáo trong các kỳ tới: kỳ năm hạn ngày 06/12.",
    );
    // Dated 12/06, the letter names no deadline already past (6 tháng, 06/6).
    expect(text).not.toContain("06/6,");
    expect(text).not.toMatch(/Đề nghị Sở Trễ gửi/);
  });

  test("a ratio short: value, target and the items still needed", () => {
    // What the explanation covers, then one request to send it by the reply date.
    expect(letter("SO_9498").text.match(/Đề nghị/g)).toHaveLength(1);
    expect(letter("SO_9498").text).toContain(
      "- Tỷ lệ hồ sơ TTHC xử lý trên môi trường số: đạt 94,98%, mục tiêu từ 95% trở lên; cần thêm 2 hồ sơ để đạt mục tiêu.",
    );
    expect(letter("XA_5996").text).toContain(
      "- Tỷ lệ hội nghị trực tuyến: đạt 59,96%, mục tiêu từ 60% trở lên; cần thêm 1 cuộc họp trực tuyến để đạt mục tiêu.",
    );
  });

  test("a reduction short: how much it fell and how many items over the allowed number", () => {
    expect(letter("XA_996").text).toContain(
      "- Giảm số lượng hội nghị so với cùng kỳ: giảm 9,96%, mục tiêu giảm ít nhất 10%; vượt 1 cuộc họp so với mức cho phép.",
    );
    expect(letter("SO_VB").text).toContain(
      "- Cắt giảm văn bản hành chính so với cùng kỳ: giảm 10,0%, mục tiêu giảm ít nhất 15%; vượt 50 văn bản so với mức cho phép.",
    );
    expect(letter("SO_VB").text).not.toContain("Thừa");
  });

  test("honest at the boundary: a value a hair short never reads as its target; units exactly on it get no letter", () => {
    const all = letters.map((l) => l.text).join("\n");
    expect(all).not.toMatch(/đạt 95,0%|đạt 60,0%|giảm 10,0%, mục tiêu giảm ít nhất 10%/);
    for (const met of ["SO_95", "XA_60", "XA_10"])
      expect(letters.find((l) => l.unit === met)).toBeUndefined();
  });

  test("no letter from the sending body to itself: a Sở Nội vụ on its own roster is left to the summary", () => {
    // The fixture's late unit plays the sender: "Sở Trễ" under the heading SỞ TRỄ.
    const sender = {
      ...profile,
      organisation: { ...profile.organisation, sender: "Sở Trễ tỉnh Thanh Hóa", senderHeading: "SỞ TRỄ" },
    };
    expect(followUpLetters(c, sender, dates).map((l) => l.unit)).toEqual(
      letters.map((l) => l.unit).filter((u) => u !== "SO_TRE"),
    );
    expect(lettersToSender(c, sender, dates).map((l) => [l.unit, l.name])).toEqual([["SO_TRE", "Sở Trễ"]]);
    expect(lettersToSender(c, profile, dates)).toEqual([]);
    // The summary's "Thư nhắc" sheet lists it anyway, saying it gets no letter and why.
    const sheet = withLetterSheet(
      { sheets: [] },
      followUpLetters(c, sender, dates),
      "thu",
      new Map(),
      [],
      lettersToSender(c, sender, dates),
    ).sheets[0]!;
    const row = sheet.rows.find((r) => r[0]?.value === "SO_TRE");
    expect(row?.map((cell) => cell?.value)).toEqual([
      "SO_TRE",
      "Sở Trễ",
      "Gửi báo cáo trễ hạn",
      "Trễ hạn: báo cáo đề ngày 10/06/2026 (hạn 06/06/2026).",
      "Không lập thư: cơ quan gửi thư, tự theo dõi",
    ]);
    expect(sheet.autoFilter).toBe(`A4:E${4 + letters.length}`);
    // As the default organisation names itself, the samples' Sở Nội vụ.
    expect(isSenderUnit("Sở Nội vụ", profile.organisation)).toBe(true);
    expect(isSenderUnit("Sở Nội vụ tỉnh Thanh Hóa", profile.organisation)).toBe(true);
    expect(isSenderUnit("Phòng Nội vụ", profile.organisation)).toBe(false);
    // A list may leave out the level word ("tỉnh", "Thành phố", "TP."), or write the old accent.
    expect(isSenderUnit("Sở Nội vụ Thanh Hóa", profile.organisation)).toBe(true);
    expect(isSenderUnit("SỞ NỘI VỤ TỈNH THANH HOÁ", profile.organisation)).toBe(true);
    const hcm = { ...profile.organisation, sender: "Sở Nội vụ Thành phố Hồ Chí Minh" };
    expect(isSenderUnit("Sở Nội vụ TP. Hồ Chí Minh", hcm)).toBe(true);
    expect(isSenderUnit("Sở Nội vụ Hồ Chí Minh", hcm)).toBe(true);
    expect(isSenderUnit("Sở Tư pháp Thành phố Hồ Chí Minh", hcm)).toBe(false);
  });

  test("a letter about shortfalls of a report that also came late says both in its V/v", () => {
    const result = inspectBytes(
      reportBytes({
        unit: "SO_TRE",
        name: "Sở Trễ",
        reportDate: { year: 2026, month: 6, day: 10 },
        counts: { HN_TONG: [200, 120] },
      }),
      profile,
    );
    const late = consolidate([{ file: "in/tre.xlsx", sha256: "a", result }], { profile, roster });
    const l = followUpLetters(late, profile, dates).find((x) => x.unit === "SO_TRE")!;
    expect(l.reasons).toEqual(["short", "late"]);
    expect(l.subject).toBe(
      "các chỉ tiêu chưa đạt và thời hạn gửi báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
  });

  test("a unit written to anyway is told a reduction was not judged for its column D of 0; one with nothing else gets no letter for it", () => {
    const result = (unit: string, counts: ReportData["counts"]) =>
      inspectBytes(reportBytes({ unit, name: `Trung tâm ${unit}`, counts }), profile);
    const c0 = consolidate(
      [
        // 0 meetings last year, 40 now, 10 online: short of 60% online, and no reduction to judge.
        {
          file: "a.xlsx",
          sha256: "a",
          result: result("TT_MOI", { HN_TONG: [0, 40], HN_TRUC_TUYEN: [0, 10], HN_VUOT_THOI_LUONG: [0, 0] }),
        },
        {
          file: "b.xlsx",
          sha256: "b",
          result: result("TT_KHAC", { HN_TONG: [0, 40], HN_TRUC_TUYEN: [0, 30], HN_VUOT_THOI_LUONG: [0, 0] }),
        },
      ],
      { profile },
    );
    const all = followUpLetters(c0, profile, dates);
    expect(all.find((l) => l.unit === "TT_MOI")?.text).toContain(
      "Chỉ tiêu “Giảm số lượng hội nghị so với cùng kỳ” chưa đánh giá được vì ô D5 trang “Chỉ tiêu” (cùng kỳ năm trước) ghi 0. Nếu đơn vị có số liệu cùng kỳ năm trước, đề nghị ghi đúng số vào đó và gửi lại tệp báo cáo.",
    );
    // …and the closing request asks for that file too, by the same date.
    expect(all.find((l) => l.unit === "TT_MOI")?.text).toContain(
      "gửi văn bản giải trình các chỉ tiêu chưa đạt và tệp báo cáo đã bổ sung số liệu cùng kỳ năm trước (nếu có) về",
    );
    expect(all.find((l) => l.unit === "TT_KHAC")).toBeUndefined();
    // A reduction that does not apply to the unit's type is "—" for another reason: column D is not blamed.
    const meetings = profile.form.indicators.find((i) => i.id === "MEETING_REDUCTION")!;
    const parsed = parseProfile({ name: "Thử", indicators: [{ ...meetings, appliesTo: ["SO_NGANH"] }] });
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const commune = inspectBytes(
      reportBytes({
        unit: "XA_MOI",
        name: "Xã Mới",
        type: "UBND_XA",
        counts: { HN_TONG: [0, 40], HN_TRUC_TUYEN: [0, 10], HN_VUOT_THOI_LUONG: [0, 0] },
      }),
      parsed.profile,
    );
    const notApplying = consolidate([{ file: "x.xlsx", sha256: "x", result: commune }], {
      profile: parsed.profile,
    });
    const letter = followUpLetters(notApplying, parsed.profile, dates).find((l) => l.unit === "XA_MOI");
    expect(letter?.reasons).toEqual(["short"]);
    expect(letter?.text).not.toContain("cột D) là 0");
  });

  test("a late-only letter closes politely without asking for anything", () => {
    expect(letter("SO_TRE").text.trim().endsWith("Trân trọng./.")).toBe(true);
  });

  test("a column D unlike the unit's own last report (--previous): the unit is asked to check it, told the verdict it decides", () => {
    // Xã Mười declares 2.500 meetings for the first half of 2025 (2.250 now: exactly 10% fewer) but
    // reported 2.400 then: 6,25% fewer, short of the target.
    const h = compareWithPrevious(c, {
      period: { kind: "6T", year: 2025 },
      units: [{ code: "XA_10", values: { HN_TONG: { current: 2400 } } }],
    });
    const withHistory = { ...c, previousMismatches: h.mismatches };
    const l = followUpLetters(withHistory, profile, dates).find((x) => x.unit === "XA_10");
    expect(l?.reasons).toEqual(["previous"]);
    expect(l?.subject).toBe(
      "kiểm tra số liệu cùng kỳ năm trước trong báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
    expect(l?.text).toContain(
      "Số liệu cùng kỳ năm trước (cột D, trang “Chỉ tiêu”) trong báo cáo của đơn vị khác với số liệu chính đơn vị đã báo cáo 6 tháng đầu năm 2025:\n" +
        "- “Tổng số hội nghị, cuộc họp đã tổ chức” (ô D5): báo cáo kỳ này ghi 2.500, báo cáo 6 tháng đầu năm 2025 ghi 2.400. " +
        "Nếu tính theo số năm trước, kết quả “Giảm số lượng hội nghị so với cùng kỳ” là giảm 6,3%, chưa đạt mục tiêu giảm ít nhất 10%, vượt 90 cuộc họp so với mức cho phép; theo số khai ở cột D là giảm 10,0%, đạt mục tiêu.",
    );
    expect(l?.text).toContain(
      "Đề nghị Ủy ban nhân dân xã Mười gửi số liệu cùng kỳ năm trước đã kiểm tra lại (tệp báo cáo đã sửa, hoặc văn bản nêu lý do điều chỉnh) về Sở Nội vụ",
    );
    expect(l?.notes).toEqual([
      "Cột D khác báo cáo 6 tháng đầu năm 2025: “Tổng số hội nghị, cuộc họp đã tổ chức” 2.500 (báo cáo 6 tháng đầu năm 2025 ghi 2.400; tính theo số đó thì “Giảm hội nghị” chưa đạt).",
    ]);
    // A letter that also asks about shortfalls names both in its V/v (Sở Văn Bản: 1.000 → 900 documents).
    const vb = compareWithPrevious(c, {
      period: { kind: "6T", year: 2025 },
      units: [{ code: "SO_VB", values: { VB_HANH_CHINH: { current: 1200 } } }],
    });
    const both = followUpLetters({ ...c, previousMismatches: vb.mismatches }, profile, dates).find(
      (x) => x.unit === "SO_VB",
    );
    expect(both?.reasons).toEqual(["previous", "short"]);
    expect(both?.subject).toBe(
      "kiểm tra số liệu cùng kỳ năm trước và các chỉ tiêu chưa đạt trong báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
    // Without --previous nothing of it.
    expect(letters.find((x) => x.unit === "XA_10")).toBeUndefined();
  });
});

describe("letterDocument (Nghị định 30)", () => {
  test("a commune is written to by its People's Committee, the word “xã” in lower case (it read “Kính gửi: Xã Tệp Hỏng”)", () => {
    const l = letter("XA_HONG");
    expect(l.name).toBe("Xã Tệp Hỏng");
    expect(l.text).toContain("Kính gửi: Ủy ban nhân dân xã Tệp Hỏng");
    expect(l.text).toContain("Đề nghị Ủy ban nhân dân xã Tệp Hỏng gửi");
    expect(documentText(letterDocument(l, profile, dates))).toContain(
      "Kính gửi: Ủy ban nhân dân xã Tệp Hỏng",
    );
  });

  test("heading from the profile, no number yet, V/v, one recipient, Nơi nhận with Như trên and Lưu", () => {
    const doc = letterDocument(letter("SO_LOI"), profile, dates);
    const text = documentText(doc);
    expect(text).toContain("UBND TỈNH THANH HÓA");
    expect(text).toContain("SỞ NỘI VỤ");
    expect(text).toMatch(/Số: \u00A0+\/SNV\b/);
    expect(text).toContain("Thanh Hóa, ngày 12 tháng 6 năm 2026");
    expect(text).toContain(
      "V/v trả lại và đề nghị gửi lại báo cáo kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    );
    expect(text).toContain("Kính gửi: Sở Lỗi");
    expect(text).toContain("- Như trên;");
    expect(text).toContain("- Lưu: VT, SNV.");
    expect(doc.font.name).toBe("Times New Roman");
  });

  test("a drafting office in the profile goes into the number and Lưu", () => {
    const withOffice: Profile = { ...profile, organisation: { ...profile.organisation, office: "CCHC" } };
    const text = documentText(letterDocument(letter("SO_LOI"), withOffice, dates));
    expect(text).toMatch(/Số: \u00A0+\/SNV-CCHC/);
    expect(text).toContain("- Lưu: VT, CCHC.");
  });

  test("all letters in one document, one section (own pages and numbers) per letter", () => {
    const doc = lettersDocument(letters, profile, dates);
    expect(doc.sections).toHaveLength(letters.length);
    expect(documentText({ ...doc, sections: [doc.sections[0]!] })).toContain("Kính gửi: Sở Vắng Mặt");
  });
});

describe("withLetterSheet", () => {
  test("an index of the letters (reasons, one line per reason, the file), replacing an earlier sheet", () => {
    const once = withLetterSheet({ sheets: [{ name: "Tổng hợp", rows: [] }] }, letters, "thu-nhac");
    const twice = withLetterSheet(once, letters, "thu-nhac");
    expect(twice.sheets.map((s) => s.name)).toEqual(["Tổng hợp", LETTER_SHEET]);
    const rows = twice.sheets[1]!.rows;
    expect(String(rows[1]![0]!.value)).toContain(ALL_LETTERS_FILE);
    const row = rows.find((r) => r[0]?.value === "SO_LOI")!;
    expect(row.map((cell) => cell?.value)).toEqual([
      "SO_LOI",
      "Sở Lỗi",
      "Báo cáo bị trả lại",
      "Tệp “SO_LOI.xlsx” bị trả lại: 1 lỗi.",
      "SO_LOI.docx",
    ]);
    expect(rows.find((r) => r[0]?.value === "SO_9498")![3]!.value).toBe(
      "Chưa đạt: TTHC trên môi trường số (≥ 95%): 94,98%.",
    );
  });
  test("a reduction that is an increase reads as one, as in the letter: “tăng 20,0%”, not “-20,0%”", () => {
    const more = mistypedQuangPhu({ HN_TONG: [50, 60], HN_TRUC_TUYEN: [40, 45] });
    const rows = withLetterSheet({ sheets: [] }, followUpLetters(more, profile, dates), "thu-nhac").sheets[0]!
      .rows;
    const line = String(rows.find((r) => r[0]?.value === "XA_QUANG_PHU")![3]!.value);
    expect(line).toContain("Giảm hội nghị (≥ 10%): tăng 20,0%");
    expect(line).not.toMatch(/-\d/u);
  });
  test("printed like the summary's other sheets (its title in the page header), naming the folder, not a machine's path", () => {
    const sheet = withLetterSheet(
      { title: "Tổng hợp kết quả 6 tháng đầu năm 2026", sheets: [] },
      letters,
      "/home/chuyen-vien/bao-cao/thu-nhac/",
    ).sheets[0]!;
    expect(sheet.print?.header).toEqual({ center: "Tổng hợp kết quả 6 tháng đầu năm 2026 – Thư nhắc" });
    expect(sheet.rows[1]![0]!.value).toBe(
      "9 đơn vị cần nhắc. Mỗi đơn vị một văn bản Word (.docx) trong thư mục thu-nhac, tệp tat-ca-thu-nhac.docx gồm tất cả để in.",
    );
  });
});

test("late with a mistyped year: asks the unit to check its date, rather than counting years of delay", () => {
  const typo = consolidate(
    [
      {
        file: "XA_NAM.xlsx",
        sha256: "x",
        result: inspectBytes(
          reportBytes({ unit: "XA_NAM", name: "Xã Năm", type: "UBND_XA", reportDate: "03/06/2062" }),
          profile,
        ),
      },
    ],
    { profile },
  );
  const text = followUpLetters(typo, profile, dates)[0]!.text;
  expect(text).toContain(
    "Báo cáo của đơn vị đề ngày 03/06/2062, được tính là sau hạn gửi báo cáo (ngày 06/06/2026); năm 2062 có thể do gõ nhầm, đơn vị kiểm tra lại Ngày báo cáo.",
  );
  expect(text).not.toContain("chậm");
});

test("a returned file's errors are worded for the unit: no command of ours, and a file of another form is asked for on this one", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const file = (name: string, bytes: Uint8Array) => ({
    file: name,
    sha256: name,
    result: inspectBytes(bytes, profile),
  });
  const returned = consolidate(
    [
      file(
        "SO_A.xlsx",
        reportBytes({ unit: "SO_A", name: "Sở A" }, [{ op: "removeSheet", sheet: "Nhiệm vụ" }]),
      ),
      file("SO_B.xlsx", reportBytes({ unit: "SO_B", name: "Sở B", period: "Q2", year: 2026 }, [], cchc)),
      // Another form's report of last year's second quarter, dated then: another regime's, not this
      // form's report of another round (it was said "chỉ gửi báo cáo kỳ khác", nothing to mend).
      file(
        "SO_E.xlsx",
        reportBytes(
          {
            unit: "SO_E",
            name: "Sở E",
            period: "Q2",
            year: 2025,
            reportDate: { year: 2025, month: 6, day: 10 },
          },
          [],
          cchc,
        ),
      ),
      // A district's summary sent in place of its report, named for the unit.
      file("SO_C.xlsx", writeXlsx(summaryWorkbook(fixtureConsolidation(), profile))),
      // An error, and a merge (a warning) that the resent file would still have.
      file(
        "SO_D.xlsx",
        reportBytes({ unit: "SO_D", name: "Sở D", counts: { HN_TONG: [100, -1] } }, [
          { op: "merge", sheet: "Chỉ tiêu", range: "E15:E16" },
          { op: "set", sheet: "Chỉ tiêu", cell: "E16", value: null },
        ]),
      ),
    ],
    {
      profile,
      roster: [
        { code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" },
        { code: "SO_B", name: "Sở B", type: "Sở, ban, ngành" },
        { code: "SO_C", name: "Sở C", type: "Sở, ban, ngành" },
        { code: "SO_D", name: "Sở D", type: "Sở, ban, ngành" },
        { code: "SO_E", name: "Sở E", type: "Sở, ban, ngành" },
      ],
      period: { kind: "6T", year: 2026 },
    },
  );
  expect(returned.returned.find((u) => u.code === "SO_E")?.otherPeriods).toBeUndefined();
  expect(otherPeriodFiles(returned)).toEqual([]);
  const texts = followUpLetters(returned, profile, dates).map((l) => [l.unit, l.text] as const);
  const text = (unit: string) => texts.find(([u]) => u === unit)?.[1] ?? "";
  expect(text("SO_A")).toContain(
    "- Thiếu trang tính “Nhiệm vụ”: tệp không theo mẫu KL226-BC/1. Đề nghị đơn vị tải mẫu mới (mẫu do Sở Nội vụ tỉnh Thanh Hóa gửi) và chép số liệu sang.",
  );
  expect(text("SO_B")).toContain(
    "- Trang “Thông tin”, ô A1: Tệp là báo cáo theo mẫu CCHC-BC/2025, không phải mẫu KL226-BC/1 của đợt báo cáo này. Đề nghị đơn vị lập báo cáo trên mẫu KL226-BC/1 và gửi lại.",
  );
  // Nothing in that file is to be mended: a new report on this form, checked before it is sent.
  expect(text("SO_B")).toContain(
    "Trước khi gửi báo cáo lập trên mẫu KL226-BC/1, đề nghị đơn vị kiểm tra tệp bằng chức năng “Kiểm tra” của phần bổ trợ Excel hoặc của trang kiểm tra báo cáo trên trình duyệt do Sở Nội vụ tỉnh Thanh Hóa cung cấp.",
  );
  expect(text("SO_B")).not.toContain("Sau khi sửa");
  // A report of another form was not this period's report sent on time, and what is asked for is a
  // report on this form, not the file mended.
  for (const unit of ["SO_B", "SO_E"]) {
    expect(text(unit)).not.toContain("đúng hạn");
    expect(text(unit)).not.toContain("đã sửa lỗi");
    expect(text(unit)).toContain(
      `Đề nghị ${unit === "SO_B" ? "Sở B" : "Sở E"} gửi báo cáo 6 tháng đầu năm 2026 theo mẫu KL226-BC/1 về Sở Nội vụ tỉnh Thanh Hóa trước ngày`,
    );
  }
  expect(text("SO_E")).toContain("- Trang “Thông tin”, ô A1: Tệp là báo cáo theo mẫu CCHC-BC/2025");
  expect(text("SO_C")).toContain(
    "- Tệp gửi là một bảng tổng hợp (có trang “Tổng hợp” và “Nguồn”), không phải báo cáo của đơn vị theo mẫu KL226-BC/1. Đề nghị đơn vị gửi báo cáo theo mẫu KL226-BC/1; nếu đơn vị tổng hợp từ các đơn vị trực thuộc, gửi “báo cáo gửi cấp trên” (lập ở phần “Báo cáo gửi cấp trên” của phần bổ trợ Excel do Sở Nội vụ tỉnh Thanh Hóa cung cấp), không gửi bảng tổng hợp.",
  );
  expect(text("SO_D")).toMatch(
    /- Trang “Chỉ tiêu”, ô E5: .*số âm \(-1\).*\nKhi sửa, xin sửa cả những điểm sau:\n- Trang “Chỉ tiêu”, ô E15: Các ô E15:E16 bị gộp/,
  );
  for (const [, t] of texts)
    expect(t).not.toMatch(
      /kl226 template|hồ sơ đã chọn|Trang “Nhiệm vụ”: Thiếu|Nơi tổng hợp|--rollup|KL226 lập|bằng KL226/,
    );
});

test.each([
  [
    "Ô trống. Hãy nhập số nguyên không âm, ví dụ 34.",
    "Ô trống. Đề nghị đơn vị nhập số nguyên không âm, ví dụ 34.",
  ],
  ["Hãy mở tệp trong Excel; hãy lưu lại.", "Đề nghị đơn vị mở tệp trong Excel; đề nghị đơn vị lưu lại."],
  [
    "Báo cáo quý II/2025: không cần sửa ô Kỳ báo cáo của tệp này.",
    "Báo cáo quý II/2025: không cần sửa ô Kỳ báo cáo của tệp này.",
  ],
  // Words that only contain the letters are left alone.
  ["Đã có hãng xe; Hãy", "Đã có hãng xe; Hãy"],
  // A bare order (a tester found "Nhập số nguyên không âm" and "…; kiểm tra lại hai số này" in
  // signed letters) says what is needed; a word inside a sentence is left alone.
  [
    "Là số âm (-2). Nhập số nguyên không âm; nếu không có thì ghi 0.",
    "Là số âm (-2). Cần nhập số nguyên không âm; nếu không có thì ghi 0.",
  ],
  ["Phần lớn hơn tổng; kiểm tra lại hai số này.", "Phần lớn hơn tổng; cần kiểm tra lại hai số này."],
  ["Số liệu ghi nhập sai.", "Số liệu ghi nhập sai."],
  // After a colon or a semicolon the clause goes on in lower case (a clerk and an auditor read
  // "Đây là số đếm: Cần nhập số nguyên" in a letter as a slip); a new sentence starts with a capital.
  [
    "Có phần thập phân (1170,5). Đây là số đếm: nhập số nguyên, ví dụ 34.",
    "Có phần thập phân (1170,5). Đây là số đếm: cần nhập số nguyên, ví dụ 34.",
  ],
  // After a comma too (a re-tester found "Nếu không có, ghi số 0" in a letter), but not a "ghi chú".
  [
    "Nếu không có, ghi số 0; nếu có, ghi số lượng (chỉ ghi số).",
    "Nếu không có, cần ghi số 0; nếu có, cần ghi số lượng (chỉ ghi số).",
  ],
  ["Số ở cột F, ghi chú của đơn vị, không được đọc.", "Số ở cột F, ghi chú của đơn vị, không được đọc."],
  // A step after a comma in a clause that already asks goes on with the request: “Đề nghị đơn vị mở
  // trong Excel, cần chọn Lưu thành …, cần chép số liệu …” read as three orders (session 39's proofreader).
  [
    "Tệp .xls này thực chất là văn bản XML. Hãy mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)”, chép số liệu vào mẫu báo cáo và gửi lại.",
    "Tệp .xls này thực chất là văn bản XML. Đề nghị đơn vị mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)”, chép số liệu vào mẫu báo cáo và gửi lại.",
  ],
  ["Hãy mở tệp; nếu không có, ghi số 0.", "Đề nghị đơn vị mở tệp; nếu không có, cần ghi số 0."],
  [
    "Tệp có mật khẩu: Hãy gỡ mật khẩu. Đừng đổi tên tệp; Đừng nén tệp.",
    "Tệp có mật khẩu: đề nghị đơn vị gỡ mật khẩu. Không đổi tên tệp; không nén tệp.",
  ],
])(
  "letterStyle: a message to the clerk reads as a request of the Sở, not an order: %s",
  (message, inLetter) => {
    expect(letterStyle(message)).toBe(inLetter);
  },
);

test("a returned file's errors are listed as the clerk's own check lists them: row by row, not in the order the checks ran", () => {
  // Online meetings above the total (row 6, found by a later check) and a blank count further down.
  const result = inspectBytes(
    reportBytes({
      unit: "XA_QUANG_PHU",
      name: "Xã Quảng Phú",
      counts: { HN_TONG: [100, 10], HN_TRUC_TUYEN: [0, 20], VB_TONG: [500, null] },
    }),
    profile,
  );
  // The checks find them in this order.
  expect(result.findings.filter((f) => f.severity === "error").map((f) => f.cell)).toEqual([
    "E11",
    "E6",
    "D12",
  ]);
  const c = consolidate([{ file: "qp.xlsx", sha256: "a", result }], { profile });
  const text = followUpLetters(c, profile, dates).find((l) => l.unit === "XA_QUANG_PHU")!.text;
  expect([...text.matchAll(/Trang “Chỉ tiêu”, ô ([A-Z]\d+)/g)].map((m) => m[1])).toEqual([
    "E6",
    "E11",
    "D12",
  ]);
  // No warning besides: nothing said of warnings.
  expect(text).not.toContain("cảnh báo (không bắt buộc sửa");
});

test("a returned file's other warnings are not listed, but said to be there: the clerk's check will show them", () => {
  // A count typed as text ("90": COERCED, a warning) beside a blank required count (an error).
  const result = inspectBytes(
    reportBytes({
      unit: "XA_QUANG_PHU",
      name: "Xã Quảng Phú",
      counts: { VB_TONG: [500, null], HN_TONG: [100, "90"] },
    }),
    profile,
  );
  expect(result.findings.map((f) => [f.code, f.severity])).toContainEqual(["COERCED", "warning"]);
  const c = consolidate([{ file: "qp.xlsx", sha256: "a", result }], { profile });
  const text = followUpLetters(c, profile, dates).find((l) => l.unit === "XA_QUANG_PHU")!.text;
  expect(text).toContain(
    "Chức năng này có thể nêu thêm 1 cảnh báo (không bắt buộc sửa: tệp vẫn được tiếp nhận nếu chỉ còn cảnh báo).",
  );
});

test("late in a quarterly plan: the letter names only the deadlines after its date; none in late December", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const late = consolidate(
    [
      {
        file: "in/P_A.xlsx",
        sha256: "a",
        result: inspectBytes(
          reportBytes(
            { ...cchcUnit("P_A"), period: "Q3", year: 2025, reportDate: { year: 2025, month: 9, day: 22 } },
            [],
            cchc,
          ),
          cchc,
        ),
      },
    ],
    { profile: cchc, period: { kind: "Q3", year: 2025 } },
  );
  const textOn = (month: number, day: number) =>
    followUpLetters(late, cchc, {
      date: { year: 2025, month, day },
      replyBy: { year: 2025, month, day: day + 1 },
    }).find((l) => l.unit === "P_A")?.text ?? "";
  // Of quý I 15/3 … năm 15/12, a letter of 23 September names the two still ahead.
  expect(textOn(9, 23)).toContain(
    "Đề nghị đơn vị bảo đảm thời hạn gửi báo cáo trong các kỳ tới: kỳ quý IV hạn ngày 15/12, kỳ năm hạn ngày 15/12.",
  );
  expect(textOn(9, 23)).not.toMatch(/15\/3|15\/6|15\/9,/);
  // After the year's last deadline, no date of this year's plan is left to name.
  expect(textOn(12, 20)).toContain("Đề nghị đơn vị bảo đảm thời hạn gửi báo cáo trong các kỳ tới.");
  expect(textOn(12, 20)).not.toContain("hạn ngày");
});

test("a later period's own report left among this period's files is no failed correction: no letter about it", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const file = (name: string, period: "Q1" | "Q2", month: number) => ({
    file: `in/${name}`,
    sha256: name,
    result: inspectBytes(
      reportBytes(
        { ...cchcUnit("P_A"), period, year: 2026, reportDate: { year: 2026, month, day: 10 } },
        [],
        cchc,
      ),
      cchc,
    ),
  });
  const c = consolidate([file("P_A.xlsx", "Q1", 3), file("Q2-P_A.xlsx", "Q2", 6)], {
    profile: cchc,
    period: { kind: "Q1", year: 2026 },
  });
  expect(c.units.map((u) => u.file)).toEqual(["in/P_A.xlsx"]);
  expect(c.rejected.map((r) => r.file)).toEqual(["in/Q2-P_A.xlsx"]);
  expect(rejectedBesideAccepted(c).size).toBe(0);
  const sent = followUpLetters(c, cchc, dates).find((l) => l.unit === "P_A");
  expect(sent?.reasons ?? []).not.toContain("resent");
});

test("a template sent back unfilled, dated by the deadline, earns no on-time report: the filled one is asked for", () => {
  const blank = templateWorkbook(DEFAULT_PROFILE, {
    unit: "SO_A",
    name: "Sở A",
    type: "SO_NGANH",
    period: "6T",
    year: 2026,
    reportDate: { year: 2026, month: 6, day: 1 },
  });
  const filledLate = reportBytes({
    unit: "SO_A",
    name: "Sở A",
    reportDate: { year: 2026, month: 6, day: 20 },
  });
  const blankFile = {
    file: "in/SO_A.xlsx",
    sha256: "b",
    result: inspectBytes(writeXlsx(blank), DEFAULT_PROFILE),
  };
  // Only the blank file: returned, asked for the filled report, no "đúng hạn" credit.
  const returned = consolidate([blankFile], { profile: DEFAULT_PROFILE });
  const text = followUpLetters(returned, DEFAULT_PROFILE, dates).find((l) => l.unit === "SO_A")!.text;
  expect(text).toContain("tệp chưa có số liệu nào");
  expect(text).toContain("tệp báo cáo đã điền đủ số liệu");
  expect(text).not.toContain("đúng hạn (ngày 01/06/2026)");
  // Then the filled report, after the deadline: late, not "đã gửi đúng hạn, bản trễ hạn là bản gửi lại".
  const later = consolidate(
    [blankFile, { file: "in/SO_A (2).xlsx", sha256: "f", result: inspectBytes(filledLate, DEFAULT_PROFILE) }],
    { profile: DEFAULT_PROFILE },
  );
  expect(later.units.map((u) => [u.code, u.late, u.firstReportDate])).toEqual([["SO_A", true, undefined]]);
});

test("a unit that sent only a later period's report is asked for this period's: nothing is returned to it", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const file = (unit: string, name: string, period: "Q1" | "Q2", month: number) => ({
    file: `in/${name}`,
    sha256: name,
    result: inspectBytes(
      reportBytes(
        { ...cchcUnit(unit), period, year: 2026, reportDate: { year: 2026, month, day: 10 } },
        [],
        cchc,
      ),
      cchc,
    ),
  });
  const c = consolidate([file("P_A", "P_A.xlsx", "Q1", 3), file("P_B", "Q2-P_B.xlsx", "Q2", 6)], {
    profile: cchc,
    period: { kind: "Q1", year: 2026 },
  });
  const letter = followUpLetters(c, cchc, dates).find((l) => l.unit === "P_B")!;
  expect(letter.subject).toMatch(/^đôn đốc gửi báo cáo /);
  expect(letter.text).toContain(
    "đã nhận được tệp “Q2-P_B.xlsx” của đơn vị: tệp là báo cáo quý II năm 2026 (đề ngày 10/06/2026), được giữ để tổng hợp vào kỳ đó (không cần sửa ô Kỳ báo cáo của tệp này).",
  );
  expect(letter.text).not.toContain("phải trả lại");
  expect(letter.notes).toEqual(["Tệp “Q2-P_B.xlsx” là báo cáo kỳ sau; chưa có báo cáo kỳ này."]);
});

test("a unit that sent this period's report with an error and the next period's: the error is asked for, the other file named as the next round's, not as a version", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const file = (name: string, period: "Q1" | "Q2", month: number, edits: Edit[] = []) => ({
    file: `in/${name}`,
    sha256: name,
    result: inspectBytes(
      reportBytes(
        { ...cchcUnit("P_E"), period, year: 2026, reportDate: { year: 2026, month, day: 10 } },
        edits,
        cchc,
      ),
      cchc,
    ),
  });
  const c = consolidate(
    [
      file("E_q1.xlsx", "Q1", 3, [{ op: "set", sheet: "Chỉ tiêu", cell: "E5", value: -1 }]),
      file("E_q2.xlsx", "Q2", 6),
    ],
    { profile: cchc, period: { kind: "Q1", year: 2026 } },
  );
  expect(c.returned.map((u) => [u.code, u.otherPeriods ?? null])).toEqual([["P_E", null]]);
  const letter = followUpLetters(c, cchc, dates).find((l) => l.unit === "P_E")!;
  expect(letter.reasons).toEqual(["returned"]);
  expect(letter.text).toContain("đã nhận được tệp báo cáo “E_q1.xlsx” của đơn vị nhưng phải trả lại");
  expect(letter.text).toContain("- Trang “Chỉ tiêu”, ô E5:");
  expect(letter.text).toContain(
    "Tệp “E_q2.xlsx” là báo cáo quý II năm 2026 (đề ngày 10/06/2026), được giữ để tổng hợp vào kỳ đó; không cần sửa ô Kỳ báo cáo của tệp này.",
  );
  expect(letter.text).not.toContain("không cần sửa nữa");
  expect(letter.text).not.toContain("chưa nhận được báo cáo");
});

test("a unit off the roster whose only file is another period's stays returned (not counted among those yet to report); its letter still says whose the file is", () => {
  const roster = [{ code: "SO_A", name: "Sở A", type: "Sở, ban, ngành" }];
  const lastYear = {
    file: "in/XA_X.xlsx",
    sha256: "x",
    result: inspectBytes(
      reportBytes({
        unit: "XA_X",
        name: "Xã X",
        type: "UBND_XA",
        period: "NAM",
        year: 2025,
        reportDate: { year: 2025, month: 12, day: 1 },
      }),
      DEFAULT_PROFILE,
    ),
  };
  const c = consolidate([lastYear], { profile: DEFAULT_PROFILE, period: { kind: "6T", year: 2026 }, roster });
  expect(c.returned.map((u) => [u.code, u.onRoster, u.otherPeriods ?? null])).toEqual([
    ["XA_X", false, null],
  ]);
  // Its letter still says whose the file is and asks for this period's report, not a mended file.
  const letter = followUpLetters(c, DEFAULT_PROFILE, dates).find((l) => l.unit === "XA_X")!;
  expect(letter.text).toContain(
    "tệp là báo cáo năm 2025 (đề ngày 01/12/2025), không phải báo cáo 6 tháng đầu năm 2026",
  );
  expect(letter.text).toContain("gửi báo cáo 6 tháng đầu năm 2026 theo mẫu KL226-BC/1 về");
  expect(letter.text).not.toContain("đã sửa lỗi");
});

test("a unit whose first file was returned with Ngày báo cáo blank, corrected after the deadline: the letter says when it came cannot be told", () => {
  // Nothing tells whether "SO_A.xlsx" came by the deadline (no date in it, its modified time not kept):
  // "Trễ hạn" alone accused a unit that may have sent on time, "bản gửi lại" would excuse one that did not.
  const undated = {
    file: "in/SO_A.xlsx",
    sha256: "u",
    result: inspectBytes(reportBytes({ unit: "SO_A", name: "Sở A", reportDate: "" }), DEFAULT_PROFILE),
  };
  const corrected = {
    file: "in/SO_A (sua).xlsx",
    sha256: "s",
    result: inspectBytes(
      reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 20 } }),
      DEFAULT_PROFILE,
    ),
  };
  const c = consolidate([undated, corrected], { profile: DEFAULT_PROFILE });
  expect(c.rejected.map((r) => [r.file, r.reportDate])).toEqual([["in/SO_A.xlsx", null]]);
  expect(c.units.map((u) => [u.code, u.late, u.firstReportDate, u.firstReportUndated])).toEqual([
    ["SO_A", true, undefined, "in/SO_A.xlsx"],
  ]);
  const text = followUpLetters(c, DEFAULT_PROFILE, dates).find((l) => l.unit === "SO_A")!.text;
  expect(text).toContain(
    "Tệp “SO_A.xlsx” của đơn vị không ghi Ngày báo cáo, nên chưa xác định được đơn vị gửi tệp đó trước hay sau hạn.",
  );
  expect(JSON.stringify(summaryWorkbook(c, DEFAULT_PROFILE))).toContain("Trễ hạn (có tệp không ghi ngày)");
  // Corrected by the deadline, nothing is late and nothing is said of the blank date.
  const onTime = consolidate(
    [
      undated,
      {
        ...corrected,
        result: inspectBytes(
          reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 3 } }),
          DEFAULT_PROFILE,
        ),
      },
    ],
    { profile: DEFAULT_PROFILE },
  );
  expect(onTime.units.map((u) => [u.late, u.firstReportUndated])).toEqual([[false, undefined]]);
});
