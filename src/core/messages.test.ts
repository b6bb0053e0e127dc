import { legacyTextNote, UNREADABLE_MESSAGES } from "./findings";
import { fileKindOf } from "./file-kinds";
import { MSG, forThePage, viNumber } from "./messages";

/** What a command line would have the clerk type: a kl226 command or an option. */
const COMMAND_WORDS = /kl226 [a-z]|--[a-z]/;

describe("the add-in shows its own buttons and fields, not the command's", () => {
  test("each message that names the command beside the add-in is worded for the page", () => {
    expect(forThePage(MSG.notTemplate("Nhiệm vụ", "KL226-BC/1"))).toBe(
      "Thiếu trang tính “Nhiệm vụ”: tệp không theo mẫu KL226-BC/1. Hãy tải mẫu mới (thẻ “Mẫu báo cáo”) và chép số liệu sang.",
    );
    expect(forThePage(MSG.unknownForm("KL999", ["KL226-BC/1", "CCHC-BC/2025"]))).toBe(
      "Ô A1 trang “Thông tin” ghi mẫu “KL999”, không phải mẫu báo cáo mà chương trình biết (KL226-BC/1, CCHC-BC/2025). Hãy lập báo cáo trên mẫu đúng (thẻ “Mẫu báo cáo”) và chép số liệu sang.",
    );
    expect(forThePage(MSG.rosterNotReport("MA_DON_VI"))).toBe(
      "Tệp là danh sách đơn vị (có cột “MA_DON_VI”), không phải báo cáo của đơn vị. Dùng tệp này làm danh sách đơn vị (ô “Danh sách đơn vị” ở thẻ Tổng hợp), hoặc để ngoài thư mục các báo cáo.",
    );
    expect(forThePage(MSG.rosterTextNotReport("Mã đơn vị", "xlsx"))).toContain(
      "Để dùng tệp này làm danh sách đơn vị (ô “Danh sách đơn vị” ở thẻ Tổng hợp), hãy đổi đuôi tệp thành .csv",
    );
    expect(forThePage(MSG.unknownProfile("quang-tri-226"))).toBe(
      "Tệp lập theo hồ sơ cấu hình “quang-tri-226” của tỉnh, mà bản KL226 này không có: đã kiểm tra theo mẫu chung, các số liệu và chỉ tiêu riêng của hồ sơ đó chưa được kiểm tra. Hãy kiểm tra bằng phần bổ trợ KL226 của nơi đã phát hành mẫu.",
    );
    expect(forThePage(MSG.summaryNotReport("KL226-BC/1"))).toContain(
      "thì gửi “báo cáo gửi cấp trên” (phần “Báo cáo gửi cấp trên” ở thẻ Tổng hợp), không gửi bảng tổng hợp.",
    );
    expect(forThePage(UNREADABLE_MESSAGES.INTERNAL)).toMatch(
      /Hãy báo lỗi cho người quản trị KL226, gửi kèm tệp\.$/,
    );
    const csv = fileKindOf("danh-sach.csv");
    expect(forThePage(csv.howToXlsx)).toBe(
      "Hãy chép số liệu vào mẫu báo cáo (thẻ “Mẫu báo cáo”) và lưu kiểu “Sổ làm việc Excel (*.xlsx)”. Nếu đây là danh sách đơn vị, hãy chọn nó ở ô “Danh sách đơn vị” của thẻ Tổng hợp.",
    );
  });

  test("the command's output keeps both, so an analyst can forward it to a clerk who uses either", () => {
    expect(MSG.notTemplate("Nhiệm vụ", "KL226-BC/1")).toContain(
      "(lệnh “kl226 template” hoặc nút Mẫu báo cáo)",
    );
    expect(MSG.rosterNotReport("Mã")).toContain("(tùy chọn --roster, hoặc nút chọn danh sách đơn vị)");
    expect(UNREADABLE_MESSAGES.INTERNAL).toContain("kl226 validate TỆP --json");
  });

  test("no message the page can show keeps a command or an option", () => {
    const messages = [
      MSG.notTemplate("Chỉ tiêu", "CCHC-BC/2025"),
      MSG.unknownForm("X", ["KL226-BC/1"]),
      MSG.rosterNotReport("MA_DON_VI"),
      MSG.rosterTextNotReport("MA_DON_VI", "xls"),
      MSG.rosterAnsiNotReport("Mã đơn vị"),
      MSG.unknownProfile("tinh-x"),
      MSG.summaryNotReport("KL226-BC/1"),
      ...Object.values(UNREADABLE_MESSAGES),
      fileKindOf("so-a.csv").howToXlsx,
    ];
    for (const m of messages) expect(forThePage(m)).not.toMatch(COMMAND_WORDS);
    // The page's words leave a message without the command untouched.
    expect(forThePage("Ô E5 là số âm (-5).")).toBe("Ô E5 là số âm (-5).");
  });
});

test("numbers in messages are in Vietnamese notation, thousands grouped as the clerk typed them", () => {
  // A tester read "“16.265”; đã hiểu là 16265": the same number in two notations.
  expect(viNumber(16265)).toBe("16.265");
  expect(viNumber(-1234.5)).toBe("-1.234,5");
  expect(viNumber(96.5)).toBe("96,5");
  expect(viNumber(7)).toBe("7");
});

test("a long text quoted in a note is cut before an emoji, not through it (half of one is no character)", () => {
  // 56 letters, then an emoji whose two UTF-16 halves straddle the cut at 57.
  const typed = `${"a".repeat(56)}\u{1F44D} ghi chó thªm`;
  const note = legacyTextNote("TCVN3", 1, typed, "đọc");
  expect(note).toContain(`ví dụ “${"a".repeat(56)}…” được đọc là “đọc”`);
  expect(note).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
});

test("a long text quoted in a note keeps 57 characters and “…”, and an emoji that ends right at the cut whole", () => {
  const note = legacyTextNote("TCVN3", 1, "b".repeat(70), "đọc");
  expect(note).toContain(`ví dụ “${"b".repeat(57)}…” được đọc là`);
  // 55 letters, then an emoji in the 56th and 57th UTF-16 units: both halves are kept.
  const emoji = legacyTextNote("TCVN3", 1, `${"a".repeat(55)}\u{1F44D} ghi chó thªm`, "đọc");
  expect(emoji).toContain(`ví dụ “${"a".repeat(55)}\u{1F44D}…” được đọc là`);
});

// "96.500" typed by a clerk who writes the decimal point the English way: refused as over 100 % (in
// Vietnamese writing it is 96 500), told why, and what to type if 96,5 % was meant.
test.each([
  [
    "96.500",
    "“Mức độ hài lòng” (cột E) là 96.500: dấu chấm ngăn cách hàng nghìn, nên số này là 96.500, vượt quá 100%. Nếu là 96,5%, ghi 96,5 (dấu phẩy trước phần thập phân). Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 96,5 (không nhập số phiếu vào ô này).",
  ],
  [
    "96.550",
    "“Mức độ hài lòng” (cột E) là 96.550: dấu chấm ngăn cách hàng nghìn, nên số này là 96.550, vượt quá 100%. Nếu là 96,55%, ghi 96,55 (dấu phẩy trước phần thập phân). Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 96,5 (không nhập số phiếu vào ô này).",
  ],
  [
    "1.234 %",
    "“Mức độ hài lòng” (cột E) là 1.234 %: dấu chấm ngăn cách hàng nghìn, nên số này là 1.234, vượt quá 100%. Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 96,5 (không nhập số phiếu vào ô này).",
  ],
])("a rate typed %p with a dot is said as Vietnamese writing reads it", (typed, message) => {
  expect(MSG.badPercent("Mức độ hài lòng", "cột E", typed, "dotThousands")).toBe(message);
});
