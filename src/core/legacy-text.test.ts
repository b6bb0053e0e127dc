// Text typed in TCVN3 (.VnTime) or VNI (VNI-Times) read as the Unicode the clerk meant; every
// other text left as it is. Inputs are what Unikey in each encoding types; expectations typed by hand.
import { toTcvn3, toVni } from "../../test/helpers/legacy-encoders";
import { COMMON_SYLLABLES } from "./common-syllables";
import { BUILTIN_FORMS } from "./forms";
import { unicodeOfLegacy, unicodeWorkbook, vietnameseOf } from "./legacy-text";
import { SHIPPED_PROFILE_NAMES, shippedProfile } from "./profiles";
import { templateTasks } from "./template";
import type { LegacyFont, Workbook } from "./workbook";

const cell = (value: string) => ({ value: { kind: "string" as const, value } });

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
    // Codes VNI reads too (Ö, Ô, ñ, ô, î as one-byte letters): read as VNI they spell no Vietnamese
    // ("ViƯt", "NguyƠn", "Thđ tơc"), or no more than TCVN3's reading ("Hỵp": the tie goes to TCVN3).
    ["ViÖt Nam", "Việt Nam"],
    ["NguyÔn Minh", "Nguyễn Minh"],
    ["Thñ tôc", "Thủ tục"],
    ["Côc ThuÕ", "Cục Thuế"],
    ["Hîp", "Hợp"],
    ["BÖnh viÖn", "Bệnh viện"],
    ["Tr\u00adêng §H Hång §øc", "Trường ĐH Hồng Đức"],
    ["Hoµn\u00a0thµnh", "Hoàn\u00a0thành"],
    // A second tester's: capitals (TCVN3 types a capital's marked vowel small), ép starting a text,
    // a grave before a stop, a capital-looking code after a capital, a sign past Latin-1 beside.
    ["THUÕ", "THUẾ"],
    ["C¶I C¸CH THñ TôC HµNH CHÝNH", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    ["CñA Së", "CỦA SỞ"],
    ["§¥N VÞ Cò", "ĐƠN VỊ CŨ"],
    ["Uû BAN NH¢N D¢N X·", "UỶ BAN NHÂN DÂN XÃ"],
    ["Tû LÖ", "Tỷ Lệ"],
    ["T\u00ad NSNN", "Tư NSNN"],
    ["Ðp tiÕn ®é", "ép tiến độ"],
    ["khai thùc", "khai thực"],
    ["KÕ ho¹ch", "Kế hoạch"],
    ["Sè hãa v¨n b¶n ®¹t ≥ 95%", "Số hóa văn bản đạt ≥ 95%"],
    // Every letter, in syllables: the five marks on each vowel, ă â ê ô ơ ư đ, then the capitals TCVN3 has.
    [
      "tµ t¶ t· t¸ t¹ t¨m t»m t¼m t½m t¾m tÆm t©m tÇm tÈm tÉm tÊm tËm",
      "tà tả tã tá tạ tăm tằm tẳm tẵm tắm tặm tâm tầm tẩm tẫm tấm tậm",
    ],
    ["tÌ tÎ tÏ tÐ tÑ tª tÒ tÓ tÔ tÕ tÖ t× tØ tÜ tÝ tÞ", "tè tẻ tẽ té tẹ tê tề tể tễ tế tệ tì tỉ tĩ tí tị"],
    [
      "tß tá tâ tã tä t« tå tæ tç tè té t¬ tê të tì tí tî",
      "tò tỏ tõ tó tọ tô tồ tổ tỗ tố tộ tơ tờ tở tỡ tớ tợ",
    ],
    [
      "tï tñ tò tó tô t\u00ad tõ tö t÷ tø tù tú tû tü tý tþ ®i",
      "tù tủ tũ tú tụ tư từ tử tữ tứ tự tỳ tỷ tỹ tý tỵ đi",
    ],
    ["¡n ¢n £n ¤n ¥n ¦n §i", "Ăn Ân Ên Ôn Ơn Ưn Đi"],
    // Only letters Unicode has too, but no Vietnamese as they stand.
    ["§· xong", "Đã xong"],
  ])("%s → %s", (typed, meant) => {
    expect(unicodeOfLegacy(typed)).toEqual({ encoding: "TCVN3", text: meant });
  });

  // A word or two of letters Unicode has too, spelled as no Vietnamese word is (before, left as
  // typed unless another cell of the workbook was clearly TCVN3): ố ộ ờ ớ before i, ó õ ỏ before a,
  // uố uộ, ụ before a stop, a capital code between a capital and a small letter.
  test.each([
    ["Bé Néi vô", "Bộ Nội vụ"],
    ["Néi dung", "Nội dung"],
    ["Víi", "Với"],
    ["Míi", "Mới"],
    ["Thêi gian", "Thời gian"],
    ["Cuèi kú", "Cuối kỳ"],
    ["Tèi", "Tối"],
    ["Héi", "Hội"],
    ["Thuéc", "Thuộc"],
    ["Muèn", "Muốn"],
    ["hãa", "hóa"],
    ["Khãa", "Khóa"],
    ["Môc", "Mục"],
    ["Phô lôc I", "Phụ lục I"],
    ["MÉu", "Mẫu"],
    ["NÕu", "Nếu"],
    ["CÊp", "Cấp"],
    ["TÝnh", "Tính"],
  ])("a short text: %s → %s", (typed, meant) => {
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
    // One of each spelling no word has: "oâ", "aõ", "aù", a circumflex and hook or tilde.
    ["Coâng an", "Công an"],
    ["Xaõ", "Xã"],
    ["Baùo caùo", "Báo cáo"],
    ["Caån Mieãn", "Cẩn Miễn"],
    ["ñoàng chí", "đồng chí"],
    ["Hoaøn\u00a0thaønh", "Hoàn\u00a0thành"],
    // Read as TCVN3 too ("Chửa", "Cụ quan chuỷ trỡ"): VNI's words are the common ones.
    ["Chöa", "Chưa"],
    ["Cô quan chuû trì", "Cơ quan chủ trì"],
    ["- Löu: VT, SNV.", "- Lưu: VT, SNV."],
    ["Ñôn vò", "Đơn vị"],
    ["Hoà sô môùi", "Hồ sơ mới"],
    ["Soá 12/QÑ-UBND", "Số 12/QĐ-UBND"],
    ["thaønh phoá", "thành phố"],
    // Upper case: the mark follows its letter's case; a clerk's mixed case is read the same.
    ["ÑOÀNG NAI", "ĐỒNG NAI"],
    ["taøm taêm taém taèm taúm taüm taëm TAØM", "tàm tăm tắm tằm tẳm tẵm tặm TÀM"],
    ["tí tì tæ tó tò tî tyù tyø tyû tyõ", "tí tì tỉ tĩ tị tỵ tý tỳ tỷ tỹ"],
    // A word alone, spelled as no Vietnamese word is: uố uồ (Unicode's old-style "hoá", "hoà" are
    // words, "uoá" none), ĩnh ịnh, ịu.
    ["Cuoái", "Cuối"],
    ["thuoác", "thuốc"],
    ["Xuoáng", "Xuống"],
    ["Quoác", "Quốc"],
    ["Chòu", "Chịu"],
    ["Thònh", "Thịnh"],
    // VNI's dot below: a capitalised word with it alone is read when it reads as a common word (else
    // it is a name's tréma: below).
    ["hoïc taäp", "học tập"],
    ["Haïn", "Hạn"],
    ["Vuï", "Vụ"],
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
  // A re-tester's Unicode texts: signs beside words Unicode already spells ("·" is TCVN3's ã).
  ["a middle dot", "Lê Công Tú · 0912 345 678"],
  ["guillemets", "«Công an»"],
  ["a sign after words", "Tô Lâm ©"],
  ["a unit of measure", "µg/l"],
  ["a soft hyphen inside a word", "Công\u00adan"],
  ["foreign names", "Björn, Raúl Araújo, Müller"],
  ["a brand", "iPhÔne"],
  ["capitals", "HÒA BÌNH, ÔNG TÔ"],
  ["a sign TCVN3 reads as a letter", "Phòng Tài chính, 2×3"],
  ["a French word", "naïve"],
  // A second tester's: one word made a syllable beside words Unicode already spells.
  ["a unit of measure beside a name", "Lê Công Tú µm"],
  ["a French name beside a word", "Ông Loïc"],
  ["a size", "Phông 3m×6m"],
  ["a sign glued to a word", "nên có¬"],
  ["a name and a sign between words", "Bé Na · 0912"],
  // A word alone that is a Vietnamese word as it stands, though TCVN3 or VNI would read it as another
  // ("Bé" is Bộ in TCVN3, "Cô" Cụ, "Phó" Phú, "Toát" VNI's Tốt): nothing tells them apart.
  ["a word: bé", "Bé"],
  ["a word: cô", "Cô"],
  ["a word: phó", "Phó"],
  ["a word: mét", "Mét"],
  ["a word: toát", "Toát"],
  // French names and words with a circumflex before t or p, a Portuguese ã before e.
  ["a French place", "Côte d'Ivoire"],
  ["a French word", "Hôtel"],
  ["a Portuguese name", "Guimarães"],
])("%s is left as typed", (_, text) => {
  expect(unicodeOfLegacy(text)).toBeUndefined();
});

describe("a name with a tréma (ï, ë), as French and Dutch names are spelled, stays as typed", () => {
  // VNI's dot below is typed ï after a vowel: "Loïc" is VNI for Lọc, and was read so. Alone, or the
  // only word a reading changes, a capitalised word with it is a name unless it reads as a common word.
  test.each([
    "Loïc",
    "Loïc Martin",
    "Anh Loïc",
    "ông Loïc",
    "Jean-Loïc Dupont",
    "Caïn",
    "Naïm",
    "Anaïs",
    "Zoë",
    "Noël",
    "Raphaël",
    "Joëlle",
    "Héloïse",
    "Citroën",
    "François",
    "Françoise Hardy",
    "Thaïs",
    "Haïti",
    "Israël",
    "Ông Loïc (chuyên gia Pháp)",
  ])("%s", (name) => {
    expect(vietnameseOf(name)).toBeUndefined();
  });

  test("beside VNI cells too, when its reading is no common word", () => {
    const sheet = { name: "S", rows: [[cell("Hoaøn thaønh")], [cell("Loïc")], [cell("Loïc Martin")]] };
    const { workbook: read } = unicodeWorkbook({ sheets: [sheet], date1904: false, definedNames: {} });
    expect(read.sheets[0]!.rows.map((row) => row![0])).toEqual([
      cell("Hoàn thành"),
      cell("Loïc"),
      cell("Loïc Martin"),
    ]);
  });
});

test("every common word, alone, in small letters, capitalised or in capitals, is left as typed", () => {
  const read: string[] = [];
  for (const word of COMMON_SYLLABLES)
    for (const typed of [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()])
      if (vietnameseOf(typed) !== undefined) read.push(typed);
  expect(read).toEqual([]);
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

  test("once a cell is clearly TCVN3, its sheet's cells of letters Unicode has too are read by it where that spells more", () => {
    // "§· nép" (Đã nộp): "§·" is codes only, "nép" a word as it stands; beside "Hoµn thµnh" it is
    // read. "Lê Công Tú" read so spells no more ("Lờ Cụng Tỳ"): left. "Ðông" is read as "Đông" and not counted.
    const sheet = {
      name: "Thông tin",
      rows: [[cell("Hoµn thµnh")], [cell("§· nép")], [cell("Lê Công Tú")], [cell("Ðông")]],
    };
    const { workbook: read, legacy } = unicodeWorkbook({ ...workbook, sheets: [sheet] });
    expect(read.sheets[0]!.rows.map((row) => row![0])).toEqual([
      cell("Hoàn thành"),
      cell("Đã nộp"),
      cell("Lê Công Tú"),
      cell("Đông"),
    ]);
    expect(legacy).toEqual([
      { sheet: "Thông tin", encoding: "TCVN3", cells: ["A1", "A2"], typed: "Hoµn thµnh", read: "Hoàn thành" },
    ]);
    // Alone, "§· nép" is left as typed.
    expect(vietnameseOf("§· nép")).toBeUndefined();
  });

  test("in a workbook of both encodings, a cell that needs the second look is read by the encoding its reading spells", () => {
    // Before, the second look used the first legacy cell's encoding (VNI here), so "§· nép" stayed
    // as typed beside a TCVN3 "Hoµn thµnh"; "Chöa hoaøn thaønh" (VNI) and "Lê Công Tú" as before.
    const sheet = {
      name: "Nhiệm vụ",
      rows: [
        [cell("Hoaøn thaønh"), cell("Chöa hoaøn thaønh")],
        [cell("Hoµn thµnh"), cell("§· nép")],
        [cell("Lê Công Tú")],
      ],
    };
    const { workbook: read, legacy } = unicodeWorkbook({ ...workbook, sheets: [sheet] });
    expect(read.sheets[0]!.rows).toEqual([
      [cell("Hoàn thành"), cell("Chưa hoàn thành")],
      [cell("Hoàn thành"), cell("Đã nộp")],
      [cell("Lê Công Tú")],
    ]);
    expect(legacy).toEqual([
      { sheet: "Nhiệm vụ", encoding: "VNI", cells: ["A1", "B1"], typed: "Hoaøn thaønh", read: "Hoàn thành" },
      { sheet: "Nhiệm vụ", encoding: "TCVN3", cells: ["A2", "B2"], typed: "Hoµn thµnh", read: "Hoàn thành" },
    ]);
  });

  test("a cell shown in a legacy font is read by that font's encoding, where that spells as much and more", () => {
    // The font is what the clerk saw: "Sè" in .VnTime shows Số, "Cô quan" in VNI-Times Cơ quan, in
    // .VnTime Cụ quan. Unicode in a .VnTime cell that would read as less ("Lê Công Tú": Lờ Cụng Tỳ)
    // stays, and a text with a letter only Unicode has is Unicode whatever its font.
    const inFont = (value: string, font: LegacyFont) => ({ value: { kind: "string" as const, value, font } });
    const sheet = {
      name: "S",
      rows: [
        [inFont("Sè", "TCVN3"), inFont("Cã", "TCVN3"), inFont("Bé", "TCVN3")],
        [inFont("Cô quan", "VNI"), inFont("Cô quan", "TCVN3"), cell("Cô quan")],
        [inFont("Lê Công Tú", "TCVN3"), cell("Sở Nội vụ"), inFont("Loïc", "VNI")],
        [inFont("Hoaøn thaønh", "TCVN3")],
      ],
    };
    const { workbook: read, legacy } = unicodeWorkbook({ ...workbook, sheets: [sheet] });
    expect(
      read.sheets[0]!.rows.map((row) => row!.map((c) => c!.value.kind === "string" && c!.value.value)),
    ).toEqual([
      ["Số", "Có", "Bộ"],
      ["Cơ quan", "Cụ quan", "Cô quan"],
      ["Lê Công Tú", "Sở Nội vụ", "Lọc"],
      ["Hoàn thành"],
    ]);
    expect(legacy).toEqual([
      { sheet: "S", encoding: "TCVN3", cells: ["A1", "B1", "C1", "B2"], typed: "Sè", read: "Số" },
      { sheet: "S", encoding: "VNI", cells: ["A2", "C3", "A4"], typed: "Cô quan", read: "Cơ quan" },
    ]);
  });

  test("a legacy font that another of its cells shows Unicode in decides nothing: Unicode typed over an old template's font stays", () => {
    // An old template's default font (.VnTime, VNI-Times), not installed on the clerk's computer and
    // drawn in another, or Unicode typed over it: "Sở Nội vụ" in that font says so. "Hoà Bình"
    // (old-style Unicode) was read as VNI's "Hồ Bình", "Cô Hà" and "Bé" in .VnTime as "Cụ Hà", "Bộ".
    // A cell clearly in the encoding is still read, by its own hints; the other font still decides.
    const inFont = (value: string, font: LegacyFont) => ({ value: { kind: "string" as const, value, font } });
    const info = {
      name: "Thông tin",
      rows: [
        [inFont("Sở Nội vụ", "VNI"), inFont("UBND xã Hoà Bình", "VNI"), inFont("Hoà", "VNI")],
        [inFont("Đang thực hiện", "TCVN3"), inFont("Cô Hà", "TCVN3"), inFont("Bé", "TCVN3")],
      ],
    };
    const tasks = {
      name: "Nhiệm vụ",
      rows: [[inFont("Hoµn thµnh", "TCVN3"), inFont("Sè", "TCVN3"), inFont("Cô quan", "VNI")]],
    };
    const { workbook: read, legacy } = unicodeWorkbook({ ...workbook, sheets: [info, tasks] });
    const texts = (s: number) =>
      read.sheets[s]!.rows.map((row) => row!.map((c) => c!.value.kind === "string" && c!.value.value));
    expect(texts(0)).toEqual([
      ["Sở Nội vụ", "UBND xã Hoà Bình", "Hoà"],
      ["Đang thực hiện", "Cô Hà", "Bé"],
    ]);
    expect(texts(1)).toEqual([["Hoàn thành", "Sè", "Cô quan"]]);
    expect(legacy).toEqual([
      { sheet: "Nhiệm vụ", encoding: "TCVN3", cells: ["A1"], typed: "Hoµn thµnh", read: "Hoàn thành" },
    ]);
    // Without a Unicode cell in it, the font decides as before.
    const alone = unicodeWorkbook({ ...workbook, sheets: [tasks] }).workbook.sheets[0]!.rows[0]!;
    expect(alone.map((c) => c!.value.kind === "string" && c!.value.value)).toEqual([
      "Hoàn thành",
      "Số",
      "Cơ quan",
    ]);
  });

  test("TCVN3 in a capitals font (.VnTimeH) is read in capitals, and its cells named", () => {
    // .VnTimeH draws the small letters' codes as capitals: a heading or unit name typed so holds
    // small letters and shows UỶ BAN NHÂN DÂN …; before, it was read in small letters.
    const capitals = (value: string) => ({
      value: { kind: "string" as const, value, font: "TCVN3_CAPITALS" as const },
    });
    const sheet = {
      name: "S",
      rows: [
        [capitals("uû ban nh©n d©n x· hßa b×nh")],
        [capitals("bé néi vô")],
        [cell("Hoµn thµnh")],
        [capitals("KL226")],
      ],
    };
    const { workbook: read, legacy } = unicodeWorkbook({ ...workbook, sheets: [sheet] });
    expect(read.sheets[0]!.rows.map((row) => row![0]!.value)).toEqual([
      { kind: "string", value: "UỶ BAN NHÂN DÂN XÃ HÒA BÌNH" },
      { kind: "string", value: "BỘ NỘI VỤ" },
      { kind: "string", value: "Hoàn thành" },
      { kind: "string", value: "KL226", font: "TCVN3_CAPITALS" },
    ]);
    expect(legacy).toEqual([
      {
        sheet: "S",
        encoding: "TCVN3",
        cells: ["A1", "A2", "A3"],
        typed: "uû ban nh©n d©n x· hßa b×nh",
        read: "UỶ BAN NHÂN DÂN XÃ HÒA BÌNH",
        capitals: ["A1", "A2"],
      },
    ]);
  });

  test("gives the same workbook back when no text is legacy", () => {
    const plain: Workbook = { ...workbook, sheets: [workbook.sheets[0]!] };
    expect(unicodeWorkbook(plain)).toEqual({ workbook: plain, legacy: [] });
    expect(unicodeWorkbook(plain).workbook).toBe(plain);
  });
});

test("every task and count label of the built-in forms and shipped profiles, typed in TCVN3 or VNI, reads back; as Unicode, is left", () => {
  // The encoders (test/helpers/legacy-encoders.ts) write what Unikey types in each encoding.
  const phrases = new Set<string>();
  for (const form of BUILTIN_FORMS) {
    for (const c of form.counts) phrases.add(c.label);
    for (const t of templateTasks(form)) phrases.add(t.content);
  }
  for (const id of SHIPPED_PROFILE_NAMES)
    for (const t of templateTasks(shippedProfile(id)!.form)) phrases.add(t.content);
  const misread: unknown[] = [];
  let typedIn = 0;
  for (const phrase of phrases) {
    if (vietnameseOf(phrase) !== undefined) misread.push(["Unicode", phrase]);
    for (const [encoding, encode] of [
      ["TCVN3", toTcvn3],
      ["VNI", toVni],
    ] as const) {
      const typed = encode(phrase);
      if (typed === undefined || typed === phrase) continue;
      typedIn++;
      const read = vietnameseOf(typed);
      // TCVN3 has no capital marked vowels: "Ủy" is typed "ñy" and reads "ủy".
      if (read?.encoding !== encoding || read.text.toLowerCase() !== phrase.toLowerCase())
        misread.push([encoding, phrase, typed, read]);
    }
  }
  expect(typedIn).toBeGreaterThan(100);
  expect(misread).toEqual([]);
});

describe("rules a mutation test found untested (session 38)", () => {
  const inFont = (value: string, font: LegacyFont) => ({ value: { kind: "string" as const, value, font } });
  const readAlone = (value: string, font: LegacyFont) =>
    unicodeWorkbook({
      sheets: [{ name: "Thông tin", rows: [[inFont(value, font)]] }],
      date1904: false,
      definedNames: {},
    }).workbook.sheets[0]!.rows[0]![0]!.value;

  test.each([
    // ụ before y, ừ before u, ụ before a: pairs no Vietnamese syllable spells as typed.
    ["Thôy", "Thụy"],
    ["cõu", "cừu"],
    ["Lôa", "Lụa"],
  ])("TCVN3 %s alone, only letters Unicode has too, is read %s", (typed, read) => {
    expect(unicodeOfLegacy(typed)).toEqual({ encoding: "TCVN3", text: read });
  });

  test("TCVN3's ở after a vowel is no name's tréma: 'Thuë' is Thuở", () => {
    expect(unicodeOfLegacy("Thuë")).toEqual({ encoding: "TCVN3", text: "Thuở" });
  });

  test("a tréma name beside another VNI word is read: 'Buøi Loïc' is Bùi Lọc", () => {
    expect(unicodeOfLegacy("Buøi Loïc")).toEqual({ encoding: "VNI", text: "Bùi Lọc" });
  });

  test("in .VnTime, Unicode whose reading spells fewer syllables or only as many stays as typed", () => {
    // 'Bé Cô Thúy' would be 'Bộ Cụ Thỳy' (Thỳy no syllable), 'dùng' would be 'dựng' (as many of each).
    expect(readAlone("Bé Cô Thúy", "TCVN3")).toEqual({ kind: "string", value: "Bé Cô Thúy", font: "TCVN3" });
    expect(readAlone("dùng", "TCVN3")).toEqual({ kind: "string", value: "dùng", font: "TCVN3" });
    expect(readAlone("Sè", "TCVN3")).toEqual({ kind: "string", value: "Số" });
  });

  test("a word only a .VnTimeH font tells is read by TCVN3 in capitals: 'Sè' is SỐ", () => {
    expect(readAlone("Sè", "TCVN3_CAPITALS")).toEqual({ kind: "string", value: "SỐ" });
  });
});
