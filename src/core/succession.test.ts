// A province after its 2025 reorganisation: the roster's "Đơn vị cũ" names each merged unit's
// predecessors as a list writes them, and files still come under their codes and names.
import { successionOf } from "./succession";

const roster = [
  {
    code: "PHUONG_HAC_THANH",
    formerly: "Phường Điện Biên, Phường Lam Sơn, UBND phường Ba Đình (thành phố Thanh Hóa cũ)",
  },
  { code: "XA_QUANG_PHU", formerly: "Xã Quảng Phú; Xã Quảng Thịnh\nXã Quảng Đông" },
  { code: "SO_VHTTDL", formerly: "Sở Văn hóa, Thể thao và Du lịch; Sở Du lịch" },
  { code: "SO_TAI_CHINH", formerly: "SO_TAI_CHINH, SO_KH_DT" },
  { code: "PHUONG_DONG_TIEN", formerly: "Đông Tiến, Đông Thanh và Đông Khê" },
  { code: "XA_NO_FORMER" },
];
const s = successionOf(roster);

describe("a file under a predecessor's code or name finds its successor", () => {
  test.each([
    ["SO_KH_DT", "Sở Kế hoạch và Đầu tư", "SO_TAI_CHINH", "by the code the column lists"],
    ["PHUONG_DIEN_BIEN", "UBND phường Điện Biên", "PHUONG_HAC_THANH", "by its name, “UBND” or not"],
    ["P_BA_DINH", "Phường Ba Đình", "PHUONG_HAC_THANH", "a name the column writes after “UBND”"],
    ["XA_QUANG_THINH", "Xã Quảng Thịnh", "XA_QUANG_PHU", "names on lines and after semicolons"],
    [
      "SO_VH",
      "Sở Văn hoá, Thể thao và Du lịch",
      "SO_VHTTDL",
      "a name holding a comma and “và”, tone placed the old way",
    ],
    [
      "XA_DONG_KHE",
      "Xã Đông Khê",
      "PHUONG_DONG_TIEN",
      "a column of bare names (“Đông Khê”) and a name with its kind",
    ],
  ])("%s “%s” → %s (%s)", (code, name, successor) => {
    expect(s.successorOf(code, name)).toBe(successor);
  });
  test("a name that only starts like a predecessor's, another kind, or none: no successor", () => {
    expect(s.successorOf("SO_VAN_HOA_TT", "Sở Văn hóa và Thể thao")).toBeUndefined();
    expect(s.successorOf("PHUONG_LAM", "Phường Lam")).toBeUndefined();
    expect(s.successorOf("XA_DIEN_BIEN", "Xã Điện Biên")).toBeUndefined();
    expect(s.successorOf("SO_Y_TE", "Sở Y tế")).toBeUndefined();
    expect(s.successorOf(null, null)).toBeUndefined();
  });
  test("a predecessor two units' columns name is nobody's (the roster must say which)", () => {
    const twice = successionOf([
      { code: "A_MOI", formerly: "Xã Tân An, Xã Tân Bình" },
      { code: "B_MOI", formerly: "Xã Tân An" },
    ]);
    expect(twice.successorOf("XA_TAN_AN", "Xã Tân An")).toBeUndefined();
    expect(twice.successorOf("XA_TAN_BINH", "Xã Tân Bình")).toBe("A_MOI");
  });
  test("a bare name in the column is taken for a file of the successor's own kind only", () => {
    const wards = successionOf([
      { code: "PHUONG_HAC_THANH", name: "Phường Hạc Thành", formerly: "Điện Biên, Lam Sơn, Ba Đình" },
    ]);
    expect(wards.successorOf("PHUONG_BA_DINH", "UBND phường Ba Đình")).toBe("PHUONG_HAC_THANH");
    // A commune of the same name in another former district.
    expect(wards.successorOf("XA_BA_DINH", "UBND xã Ba Đình")).toBeUndefined();
  });
  test("numbered and bulleted lines, a dash as Word types it, and “Ð” for “Đ” (a re-tester's columns)", () => {
    const listed = successionOf([
      { code: "XA_QUANG_PHU", formerly: "1. Xã Quảng Phú\n2. Xã Quảng Thịnh\n3) Xã Quảng Đông" },
      { code: "SO_NOI_VU", formerly: "- Sở Nội vụ;\n- Sở Lao động – Thương binh và Xã hội" },
      { code: "PHUONG_DONG_SON", formerly: "• Phường Ðông Sơn\n• Phường Ðông Hương" },
    ]);
    expect(listed.successorOf("XA_QUANG_DONG", "Xã Quảng Đông")).toBe("XA_QUANG_PHU");
    expect(listed.successorOf("SO_LDTBXH", "Sở Lao động - Thương binh và Xã hội")).toBe("SO_NOI_VU");
    expect(listed.successorOf("P_DONG_HUONG", "Phường Đông Hương")).toBe("PHUONG_DONG_SON");
    expect(
      listed.scopeIn("XA_QUANG_PHU", [
        { code: "XA_QUANG_PHU", name: "Xã Quảng Phú" },
        { code: "XA_QUANG_THINH", name: "Xã Quảng Thịnh" },
        { code: "XA_QUANG_DONG", name: "Xã Quảng Đông" },
      ]),
    ).toEqual({ kind: "whole", codes: ["XA_QUANG_DONG", "XA_QUANG_PHU", "XA_QUANG_THINH"] });
  });
  test("a name the column writes with or without “tỉnh” and the province's name", () => {
    const loose = successionOf(
      [
        { code: "SO_DAN_TOC_TON_GIAO", formerly: "Ban Dân tộc; Sở Nội vụ (phần tôn giáo)" },
        { code: "KHO_BAC_KV_XI", formerly: "Kho bạc Nhà nước tỉnh Thanh Hóa" },
      ],
      "Thanh Hóa",
    );
    expect(loose.successorOf("BAN_DAN_TOC", "Ban Dân tộc tỉnh")).toBe("SO_DAN_TOC_TON_GIAO");
    expect(loose.successorOf("BDT", "Ban Dân tộc tỉnh Thanh Hóa")).toBe("SO_DAN_TOC_TON_GIAO");
    expect(loose.successorOf("KHO_BAC_TINH", "Kho bạc Nhà nước Thanh Hóa")).toBe("KHO_BAC_KV_XI");
    // One word is no name to go by ("Ban" for "Ban Quản lý dự án").
    expect(
      successionOf([{ code: "X", formerly: "Ban" }]).successorOf("BQL", "Ban Quản lý dự án"),
    ).toBeUndefined();
  });
  test("a roster without the column has none", () => {
    expect(successionOf([{ code: "SO_A" }]).any).toBe(false);
    expect(s.any).toBe(true);
  });
});

describe("a merged unit's predecessors in an earlier file", () => {
  const earlier = [
    { code: "PHUONG_DIEN_BIEN", name: "UBND phường Điện Biên" },
    { code: "PHUONG_LAM_SON", name: "Phường Lam Sơn" },
    { code: "PHUONG_BA_DINH", name: "Phường Ba Đình" },
    { code: "XA_QUANG_PHU", name: "Xã Quảng Phú" },
    { code: "XA_QUANG_THINH", name: "Xã Quảng Thịnh" },
    { code: "SO_TAI_CHINH", name: "Sở Tài chính" },
    { code: "SO_KH_DT", name: "Sở Kế hoạch và Đầu tư" },
    { code: "XA_DONG_TIEN", name: "Xã Đông Tiến" },
    { code: "XA_DONG_THANH", name: "Xã Đông Thanh" },
    { code: "XA_DONG_KHE", name: "Xã Đông Khê" },
  ];
  test("every one found: their codes in code order, the unit's own when the column lists it (remarks in brackets left out)", () => {
    expect(s.scopeIn("PHUONG_HAC_THANH", earlier)).toEqual({
      kind: "whole",
      codes: ["PHUONG_BA_DINH", "PHUONG_DIEN_BIEN", "PHUONG_LAM_SON"],
    });
    expect(s.scopeIn("SO_TAI_CHINH", earlier)).toEqual({
      kind: "whole",
      codes: ["SO_KH_DT", "SO_TAI_CHINH"],
    });
    expect(s.scopeIn("PHUONG_DONG_TIEN", earlier)).toEqual({
      kind: "whole",
      codes: ["XA_DONG_KHE", "XA_DONG_THANH", "XA_DONG_TIEN"],
    });
  });
  test("one the file lacks, a name two of its units share, one split between new units: not summed, and why", () => {
    expect(s.scopeIn("XA_QUANG_PHU", earlier)).toEqual({
      kind: "partial",
      codes: ["XA_QUANG_PHU", "XA_QUANG_THINH"],
      why: "chưa nhận ra “xã quảng đông” của cột đơn vị cũ trong tệp đối chiếu (có thể tệp không có đơn vị đó, hoặc ghi tên khác); đã nhận ra XA_QUANG_PHU, XA_QUANG_THINH",
    });
    // Two communes named Quảng Phú in two former districts.
    expect(
      s.scopeIn("XA_QUANG_PHU", [
        ...earlier,
        { code: "XA_QUANG_PHU_TX", name: "Xã Quảng Phú" },
        { code: "XA_QUANG_DONG", name: "Xã Quảng Đông" },
      ]),
    ).toEqual({
      kind: "partial",
      codes: ["XA_QUANG_DONG", "XA_QUANG_PHU", "XA_QUANG_PHU_TX", "XA_QUANG_THINH"],
      why: "tên “xã quảng phú” trong cột đơn vị cũ trùng với XA_QUANG_PHU, XA_QUANG_PHU_TX của tệp đối chiếu (ghi mã đơn vị cũ vào cột để phân biệt)",
    });
    // Xã Đông Khê split between two new units.
    const split = successionOf([
      { code: "PHUONG_DONG_TIEN", formerly: "Xã Đông Tiến, Xã Đông Khê (một phần)" },
      { code: "PHUONG_DONG_SON", formerly: "Xã Đông Hòa, Xã Đông Khê (phần còn lại)" },
    ]);
    expect(split.scopeIn("PHUONG_DONG_TIEN", earlier)).toEqual({
      kind: "partial",
      codes: ["XA_DONG_KHE", "XA_DONG_TIEN"],
      why: "đơn vị cũ XA_DONG_KHE cũng được ghi ở cột đơn vị cũ của PHUONG_DONG_SON (chia cho nhiều đơn vị mới: số liệu năm trước của nó không chia được)",
    });
  });
  test("a unit that kept its code but a column that does not list it: its code's old figures are another unit's", () => {
    const reused = successionOf([{ code: "PHUONG_HAM_RONG", formerly: "Phường Đông Thọ, Phường Nam Ngạn" }]);
    expect(
      reused.scopeIn("PHUONG_HAM_RONG", [
        { code: "PHUONG_HAM_RONG", name: "Phường Hàm Rồng" },
        { code: "PHUONG_DONG_THO", name: "Phường Đông Thọ" },
        { code: "PHUONG_NAM_NGAN", name: "Phường Nam Ngạn" },
      ]),
    ).toEqual({ kind: "whole", codes: ["PHUONG_DONG_THO", "PHUONG_NAM_NGAN"] });
  });
  test("a unit without predecessors has no scope", () => {
    expect(s.scopeIn("XA_NO_FORMER", earlier)).toBeUndefined();
  });
});
