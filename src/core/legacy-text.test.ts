// Text typed in TCVN3 (.VnTime) or VNI (VNI-Times) read as the Unicode the clerk meant; every
// other text left as it is. Inputs are what Unikey in each encoding types; expectations typed by hand.
import { unicodeOfLegacy, unicodeWorkbook, vietnameseOf } from "./legacy-text";
import type { Workbook } from "./workbook";

describe("TCVN3 (ABC, .VnTime)", () => {
  test.each([
    ["Uû ban nh©n d©n x· Hßa B×nh", "Uỷ ban nhân dân xã Hòa Bình"],
    ["Bé ChØ huy Qu©n sù tØnh", "Bộ Chỉ huy Quân sự tỉnh"],
    ["M­êng Kh­¬ng", "Mường Khương"],
    ["§ang thùc hiÖn", "Đang thực hiện"],
    ["Ch­a thùc hiÖn", "Chưa thực hiện"],
    ["Hoµn thµnh qu¸ h¹n", "Hoàn thành quá hạn"],
    ["Së, ban, ngµnh", "Sở, ban, ngành"],
    ["UBND x·, ph­êng", "UBND xã, phường"],
    ["6 th¸ng", "6 tháng"],
    ["N¨m", "Năm"],
    ["Qu¸n triÖt", "Quán triệt"],
    // No code only TCVN3 uses: read as TCVN3 once VNI does not fit ("Õ" after "K").
    ["KÕt hîp", "Kết hợp"],
    ["Trùc tuyÕn", "Trực tuyến"],
    ["Trùc tiÕp", "Trực tiếp"],
    ["Quan träng", "Quan trọng"],
    ["TiÕng ViÖt", "Tiếng Việt"],
    ["Kinh phÝ 100.000 ®", "Kinh phí 100.000 đ"],
    // Every letter: ă â ê ô ơ ư đ and the five marks on each vowel, then the capitals TCVN3 has.
    ["µ¶·¸¹ ¨»¼½¾Æ ©ÇÈÉÊË", "àảãáạ ăằẳẵắặ âầẩẫấậ"],
    ["ÌÎÏÐÑ ªÒÓÔÕÖ ×ØÜÝÞ", "èẻẽéẹ êềểễếệ ìỉĩíị"],
    ["ßáâãä «åæçèé ¬êëìíî", "òỏõóọ ôồổỗốộ ơờởỡớợ"],
    ["ïñòóô \u00adõö÷øù úûüýþ ®", "ùủũúụ ưừửữứự ỳỷỹýỵ đ"],
    ["¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ"],
  ])("%s → %s", (typed, meant) => {
    expect(unicodeOfLegacy(typed)).toEqual({ encoding: "TCVN3", text: meant });
  });
});

describe("VNI Windows (VNI-Times)", () => {
  test.each([
    ["Tieáng Vieät raát hay", "Tiếng Việt rất hay"],
    ["Xin chaøo caùc baïn", "Xin chào các bạn"],
    ["Hoaøn thaønh quaù haïn", "Hoàn thành quá hạn"],
    ["Ñang thöïc hieän", "Đang thực hiện"],
    ["Chöa thöïc hieän", "Chưa thực hiện"],
    ["UÛy ban nhaân daân xaõ Hoøa Bình", "Ủy ban nhân dân xã Hòa Bình"],
    ["Ngöôøi laäp", "Người lập"],
    ["Sôû, ban, ngaønh", "Sở, ban, ngành"],
    ["Ñoàng Nai", "Đồng Nai"],
    ["Keát hôïp", "Kết hợp"],
    // Only letters Unicode also has, but spelled as no Vietnamese word is.
    ["Coâng an xaõ", "Công an xã"],
    // Upper case: the mark follows its letter's case; a clerk's mixed case is read the same.
    ["ÑOÀNG NAI", "ĐỒNG NAI"],
    ["Aø aê aé aè aú aü aë", "À ă ắ ằ ẳ ẵ ặ"],
    ["í ì æ ó ò î yù yø yû yõ", "í ì ỉ ĩ ị ỵ ý ỳ ỷ ỹ"],
  ])("%s → %s", (typed, meant) => {
    expect(unicodeOfLegacy(typed)).toEqual({ encoding: "VNI", text: meant });
  });
});

test.each([
  ["Unicode", "Ủy ban nhân dân xã Hòa Bình"],
  ["Unicode without a letter past Latin-1", "Phòng Tài chính"],
  ["old-style Unicode marks", "Hoà, khoá, xoã, thuý"],
  ["a sign, not a letter", "2×3 ngày"],
  ["a copyright sign", "© 2026"],
  ["a sign alone", "100.000 ®"],
  ["a soft hyphen in ASCII", "Ha\u00adNoi"],
  ["Unicode with a sign that is a TCVN3 code", "Sở Nội vụ © 2026"],
  ["ASCII", "SO_NOI_VU"],
  ["capitals starting words", "Ông Tô, bà Hà"],
  ["a letter neither encoding has", "25°C, Hà Nội"],
])("%s is left as typed", (_, text) => {
  expect(unicodeOfLegacy(text)).toBeUndefined();
});

test.each([
  ["Ðang thực hiện", "Đang thực hiện"],
  ["Phường Ðông Tiến", "Phường Đông Tiến"],
  ["ðã triển khai", "đã triển khai"],
  ["Ðông", "Đông"],
])("the Icelandic look-alike in %s is read as Đ/đ, with no encoding to warn of", (typed, meant) => {
  expect(vietnameseOf(typed)).toEqual({ text: meant });
});

test("inside a TCVN3 word Ð is é", () => {
  expect(vietnameseOf("VÐ m¸y bay")).toEqual({ encoding: "TCVN3", text: "Vé máy bay" });
});

describe("unicodeWorkbook", () => {
  const cell = (value: string) => ({ value: { kind: "string" as const, value } });
  const workbook: Workbook = {
    sheets: [
      { name: "Thông tin", rows: [[cell("MA_DON_VI"), cell("Mã"), cell("XA_A")]] },
      {
        name: "Nhiệm vụ",
        rows: [undefined, [cell("1"), cell("Nhiệm vụ"), undefined, cell("Hoµn thµnh"), cell("§· xong")]],
      },
    ],
    date1904: false,
    definedNames: {},
  };

  test("reads legacy cells as Unicode and names them per sheet, without changing the workbook given", () => {
    const before = JSON.stringify(workbook);
    const { workbook: read, legacy } = unicodeWorkbook(workbook);
    expect(JSON.stringify(workbook)).toBe(before);
    expect(read.sheets[0]).toBe(workbook.sheets[0]);
    expect(read.sheets[1]!.rows[1]![3]).toEqual(cell("Hoàn thành"));
    expect(read.sheets[1]!.rows[1]![4]).toEqual(cell("Đã xong"));
    expect(legacy).toEqual([
      { sheet: "Nhiệm vụ", encoding: "TCVN3", cells: ["D2", "E2"], typed: "Hoµn thµnh", read: "Hoàn thành" },
    ]);
  });

  test("gives the same workbook back when no text is legacy", () => {
    const plain: Workbook = { ...workbook, sheets: [workbook.sheets[0]!] };
    expect(unicodeWorkbook(plain)).toEqual({ workbook: plain, legacy: [] });
    expect(unicodeWorkbook(plain).workbook).toBe(plain);
  });
});
