// The =KL226.* functions called through the same exports Excel calls, with a double for Office's
// CustomFunctions global (SPEC §7 semantics, Excel error codes and Vietnamese messages).

import {
  CustomFunctionsError,
  ErrorCode,
  installCustomFunctionsDouble,
} from "../../test/helpers/custom-functions-double";
import { dateFromSerial } from "../core/dates";
import { check, deadline, dueDate, gap, meetingOk, onlineRatio, ratio, reduction, target } from "./functions";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsDouble();
});
afterAll(() => uninstall());

/** The Excel error a call throws (fails the test if it returns instead). */
function excelError(call: () => unknown): CustomFunctionsError {
  try {
    call();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return e;
    throw e;
  }
  throw new Error("expected an Excel error");
}

/** Excel may hand a 1×1 range as a matrix or a blank cell as null: the types say number, the runtime may not. */
const cell = (v: unknown): number => v as number;
const omitted = null as unknown as number;

describe("ONLINE_RATIO and RATIO", () => {
  test("21 of 35 is 0.6", () => {
    expect(onlineRatio(21, 35)).toBe(0.6);
    expect(ratio(21, 35)).toBe(0.6);
  });
  test("#DIV/0! when the total is 0", () => {
    expect(excelError(() => onlineRatio(1, 0)).code).toBe(ErrorCode.divisionByZero);
    expect(excelError(() => onlineRatio(0, 0)).code).toBe(ErrorCode.divisionByZero);
    expect(excelError(() => ratio(0, 0)).code).toBe(ErrorCode.divisionByZero);
  });
  test("#VALUE! with a Vietnamese message when negative or part > whole", () => {
    const neg = excelError(() => onlineRatio(-1, 10));
    expect(neg.code).toBe(ErrorCode.invalidValue);
    expect(neg.message).toMatch(/không được âm/);
    expect(excelError(() => onlineRatio(5, -10)).code).toBe(ErrorCode.invalidValue);
    const over = excelError(() => onlineRatio(11, 10));
    expect(over.code).toBe(ErrorCode.invalidValue);
    expect(over.message).toMatch(/lớn hơn/);
    expect(excelError(() => ratio(3, 2)).code).toBe(ErrorCode.invalidValue);
  });
  test("1×1 ranges and blanks", () => {
    expect(onlineRatio(cell([[21]]), cell([[35]]))).toBe(0.6);
    expect(ratio(cell(null), 4)).toBe(0);
    expect(ratio(cell(""), cell([[4]]))).toBe(0);
    expect(excelError(() => onlineRatio(1, cell(null))).code).toBe(ErrorCode.divisionByZero);
    expect(excelError(() => ratio(cell([[1, 2]]), 4)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => ratio(cell("abc"), 4)).code).toBe(ErrorCode.invalidValue);
  });
});

describe("numbers pasted as text, as the template reads them", () => {
  test("' 12 ', '1.234', '1 234', '0,5' and '95,5%' are the numbers they show (a text cell was #VALUE! 'cần một số')", () => {
    expect(ratio(cell(" 12 "), 20)).toBe(0.6);
    expect(onlineRatio(cell("1.234"), 2000)).toBe(0.617);
    expect(ratio(12, cell("1 234"))).toBe(12 / 1234);
    expect(reduction(cell("1.000"), cell("850"))).toBe(0.15);
    expect(meetingOk("Chuyên môn", cell("0,5"))).toBe(true);
    expect(meetingOk("Quán triệt", cell("1"))).toBe(false);
    expect(dueDate("6T", cell("2026"))).toBe(46179); // 06/06/2026
    // 95,5% is short of HAI_LONG's 96%; 96,5 typed as the form has it meets it; 60% meets 0,6.
    expect(check("HAI_LONG", cell("95,5%"), "hcm-attp-cchc-2025")).toBe("Không đạt");
    expect(check("HAI_LONG", cell("96,5"))).toBe("Đạt");
    expect(check("ONLINE_RATIO", cell("60%"))).toBe("Đạt");
    expect(check("ONLINE_RATIO", cell("59,9%"))).toBe("Không đạt");
  });
  test("'1.234,5' is read as '1234,5' is, the Vietnamese way (dot thousands, comma decimals; it was #VALUE! 'không phải một số'), as a meeting's days in the template", () => {
    expect(meetingOk("Quan trọng", cell("1.234,5"))).toBe(false);
    expect(ratio(cell("1.234,5"), 2469)).toBe(ratio(cell("1234,5"), 2469));
    expect(ratio(cell("1.234,5"), 2469)).toBe(0.5);
    // A count given it says so as for "1234,5".
    expect(excelError(() => check("OVERTIME_MEETINGS", cell("1.234,5"))).message).toBe(
      "Giá trị của OVERTIME_MEETINGS là số lượng: gõ số nguyên không âm, ví dụ 0, 3 hoặc 35 (không phải 1.234,5).",
    );
    expect(check("ONLINE_RATIO", cell("0,6"))).toBe("Đạt");
    expect(excelError(() => check("HAI_LONG", cell("1 234,5"))).message).toBe(
      "Giá trị của HAI_LONG phải từ 0 đến 100 (ví dụ 95,6 hoặc ô 95,6%).",
    );
    // "1,234.5" is the English way: not read, the message shows the Vietnamese one.
    expect(excelError(() => meetingOk("Quan trọng", cell("1,234.5"))).message).toBe(
      "Số ngày: “1,234.5” không phải một số; gõ số như 1234, 1.234, 0,5, 1.234,5 hoặc 95,5%.",
    );
  });
  test("'1.500' as a count is 1500, as the template reads a count; as days or a rate it is asked, not guessed (MEETING_OK read 1500 days)", () => {
    expect(reduction(cell("1.500"), 1200)).toBe(0.2);
    expect(check("OVERTIME_MEETINGS", cell("1.000"))).toBe("Không đạt");
    const days = excelError(() => meetingOk("Quan trọng", cell("1.500")));
    expect([days.code, days.message]).toEqual([
      ErrorCode.invalidValue,
      "Số ngày: “1.500” là 1500 hay 1,5? Dấu chấm có thể ngăn cách hàng nghìn hoặc là dấu thập phân: gõ 1500 hoặc 1,5.",
    ]);
    expect(excelError(() => check("HAI_LONG", cell("96.500"))).message).toBe(
      "Giá trị: “96.500” là 96500 hay 96,5? Dấu chấm có thể ngăn cách hàng nghìn hoặc là dấu thập phân: gõ 96500 hoặc 96,5.",
    );
    // Not three digits after the dot, or a 0 before it: a decimal, as the template reads days.
    expect(meetingOk("Quan trọng", cell("1.5"))).toBe(true);
    expect(meetingOk("Chuyên môn", cell("0.500"))).toBe(true);
    expect(check("ONLINE_RATIO", cell("0.600"))).toBe("Đạt");
  });
  test("HAI_LONG: a number from 0 to 1 is an Excel percentage (1 is 100%, as a '100%' cell holds 1), said in the help; typed as text without % it is asked (the template refuses it too)", () => {
    expect(check("HAI_LONG", 1)).toBe("Đạt");
    expect(check("HAI_LONG", 0.95)).toBe("Không đạt");
    expect(check("HAI_LONG", cell("1%"))).toBe("Không đạt");
    expect(check("HAI_LONG", cell("100%"))).toBe("Đạt");
    expect(check("HAI_LONG", cell("96"))).toBe("Đạt");
    const one = excelError(() => check("HAI_LONG", cell("1")));
    expect([one.code, one.message]).toEqual([
      ErrorCode.invalidValue,
      "Giá trị “1” của HAI_LONG là 1% (theo biểu mẫu, thang 0–100) hay 100%? Gõ kèm dấu %, ví dụ 1% hoặc 100%.",
    ]);
    expect(excelError(() => check("HAI_LONG", cell("0,97"))).message).toBe(
      "Giá trị “0,97” của HAI_LONG là 0,97% (theo biểu mẫu, thang 0–100) hay 97%? Gõ kèm dấu %, ví dụ 0,97% hoặc 97%.",
    );
  });
  test("GAP's whole typed '1.234' is 1234 (it said b must be a whole number): ceil(0,6 × 1234) − 700 = 41", () => {
    expect(gap("ONLINE_RATIO", 700, "1.234")).toBe(41);
    expect(gap("ONLINE_RATIO", cell("700"), " 1.234 ")).toBe(41);
  });
  test("a negative typed as text is refused as a negative; a word says what was typed and what to type", () => {
    expect(excelError(() => ratio(cell("-5"), 10)).message).toMatch(/không được âm/);
    const e = excelError(() => ratio(cell("12 hồ sơ"), 20));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toBe(
      "Phần: “12 hồ sơ” không phải một số; gõ số như 1234, 1.234, 0,5, 1.234,5 hoặc 95,5%.",
    );
    // Pasted with the spaces around it, the text is quoted as it reads.
    expect(excelError(() => ratio(cell(" 12 hồ sơ "), 20)).message).toMatch(/^Phần: “12 hồ sơ” không/);
  });
  test("'--5' and '5%%' are refused saying what to type, also as GAP's b (GAP took '--5' for a profile's name; '5%%' read as 0,0005)", () => {
    for (const typed of ["--5", "- -5", "−−5"]) {
      const e = excelError(() => ratio(cell(typed), 10));
      expect([typed, e.code, e.message]).toEqual([
        typed,
        ErrorCode.invalidValue,
        `Phần: “${typed}” không phải một số; gõ số như 1234, 1.234, 0,5, 1.234,5 hoặc 95,5%.`,
      ]);
    }
    expect(excelError(() => check("ONLINE_RATIO", cell("60%%"))).message).toBe(
      "Giá trị: “60%%” không phải một số; gõ số như 1234, 1.234, 0,5, 1.234,5 hoặc 95,5%.",
    );
    expect(excelError(() => ratio(cell("5%%"), 10)).code).toBe(ErrorCode.invalidValue);
    const b = excelError(() => gap("ONLINE_RATIO", 20, "--35"));
    expect([b.code, b.message]).toEqual([
      ErrorCode.invalidValue,
      "b: “--35” không phải một số; gõ số như 1234, 1.234, 0,5, 1.234,5 hoặc 95,5%.",
    ]);
    expect(excelError(() => gap("ONLINE_RATIO", 20, "−35")).message).toMatch(/^b là số lượng: /);
  });
});

describe("numbers in messages as a Vietnamese reader reads them", () => {
  test("a part over its whole is shown with a decimal comma: 'Phần (1,5)', not 'Phần (1.5)', which reads as fifteen", () => {
    const e = excelError(() => ratio(cell("1,5"), 1));
    expect([e.code, e.message]).toEqual([ErrorCode.invalidValue, "Phần (1,5) lớn hơn Tổng (1)."]);
    expect(excelError(() => onlineRatio(1234.5, 1000)).message).toBe(
      "Số hội nghị trực tuyến (1.234,5) lớn hơn Tổng số hội nghị (1.000).",
    );
    // GAP named its arguments twice over: 'a (phần) (40) lớn hơn b (tổng) (35).'
    expect(excelError(() => gap("ONLINE_RATIO", 40, 35)).message).toBe("Phần a (40) lớn hơn Tổng b (35).");
    expect(excelError(() => gap("ONLINE_RATIO", 20, 0)).message).toBe("Tổng b bằng 0.");
    expect(excelError(() => gap("DOC_REDUCTION", 0, 3)).message).toBe("Số cùng kỳ a bằng 0.");
  });
  test("a count given a fraction or a percent says what was given and what to type (it said only 'phải là số nguyên không âm')", () => {
    const value = excelError(() => check("OVERTIME_MEETINGS", cell("1,5")));
    expect([value.code, value.message]).toEqual([
      ErrorCode.invalidValue,
      "Giá trị của OVERTIME_MEETINGS là số lượng: gõ số nguyên không âm, ví dụ 0, 3 hoặc 35 (không phải 1,5).",
    ]);
    // A ratio typed where GAP wants the count it is made of.
    expect(excelError(() => gap("ONLINE_RATIO", cell("60%"), 35)).message).toBe(
      "a là số lượng: gõ số nguyên không âm, ví dụ 0, 3 hoặc 35 (không phải 0,6).",
    );
    expect(excelError(() => gap("ONLINE_RATIO", 20, -35)).message).toBe(
      "b là số lượng: gõ số nguyên không âm, ví dụ 0, 3 hoặc 35 (không phải -35).",
    );
    expect(excelError(() => reduction(10, -5)).message).toBe(
      "Số lượng cùng kỳ và số lượng kỳ này không được âm.",
    );
  });
});

describe("messages quote as the rest of the product does", () => {
  test("what was typed and a profile's name are in “…”, as in every other Vietnamese text (they were in straight quotes)", () => {
    const messages = [
      excelError(() => target("ONLINE", "dong-thap")).message,
      excelError(() => target("ONLINE")).message,
      excelError(() => target("EDOC_RATIO", "dong-thap-syt-226")).message,
      excelError(() => meetingOk("Hội thảo", 1)).message,
      excelError(() => meetingOk("Chuyên môn", 1, "hcm-attp-cchc-2025")).message,
      excelError(() => dueDate("Tuần 1", 2026)).message,
      excelError(() => dueDate("6T", 2026, "hcm-attp-cchc-2025")).message,
      excelError(() => deadline("sớm nhất có thể")).message,
    ];
    expect(messages.filter((m) => m?.includes('"'))).toEqual([]);
    expect(messages).toEqual([
      expect.stringMatching(
        /^Không có hồ sơ “dong-thap”; có phải dong-thap-syt-226\? Hồ sơ có sẵn: dong-nai-skhcn-226, /,
      ),
      expect.stringMatching(/^Không có chỉ tiêu “ONLINE”\. Mã hợp lệ: /),
      expect.stringMatching(
        /^Chỉ tiêu “EDOC_RATIO” không có trong hồ sơ “dong-thap-syt-226” \(biểu mẫu KL226-BC\/1\)/,
      ),
      "Loại hội nghị “Hội thảo” không hợp lệ: dùng Quán triệt, Chuyên môn hoặc Quan trọng.",
      expect.stringMatching(/^Hồ sơ “hcm-attp-cchc-2025” \(biểu mẫu CCHC-BC\/2025\) không có trang Hội nghị/),
      "Kỳ báo cáo “Tuần 1” không hợp lệ: dùng “Q1”, “Q2”, “Q3”, “Q4”, “6T”, “NAM”.",
      "Hồ sơ “hcm-attp-cchc-2025” (biểu mẫu CCHC-BC/2025) không có kỳ 6 tháng: dùng “Q1”, “Q2”, “Q3”, “Q4”, “NAM”.",
      "Không đọc được thời hạn “sớm nhất có thể” (ví dụ hợp lệ: Quý IV/2026, Tháng 6/2026, Đến 31/12/2026).",
    ]);
  });

  test("a cell typed on two lines (Alt+Enter) is quoted on one line, its break a space", () => {
    expect(excelError(() => deadline("sớm nhất\ncó thể")).message).toBe(
      "Không đọc được thời hạn “sớm nhất có thể” (ví dụ hợp lệ: Quý IV/2026, Tháng 6/2026, Đến 31/12/2026).",
    );
    expect(excelError(() => meetingOk("Hội\r\nthảo", 1)).message).toBe(
      "Loại hội nghị “Hội thảo” không hợp lệ: dùng Quán triệt, Chuyên môn hoặc Quan trọng.",
    );
  });
});

describe("REDUCTION", () => {
  test("100 → 90 is exactly 0.1 and meets MEETING_REDUCTION", () => {
    expect(reduction(100, 90)).toBe(0.1);
    expect(check("MEETING_REDUCTION", reduction(100, 90))).toBe("Đạt");
    expect(check("MEETING_REDUCTION", reduction(100, 91))).toBe("Không đạt");
  });
  test("negative when the count grew", () => {
    expect(reduction(10, 12)).toBeCloseTo(-0.2, 12);
  });
  test("#DIV/0! when previous is 0, #VALUE! when negative", () => {
    expect(excelError(() => reduction(0, 5)).code).toBe(ErrorCode.divisionByZero);
    expect(excelError(() => reduction(cell(null), 5)).code).toBe(ErrorCode.divisionByZero);
    expect(excelError(() => reduction(-1, 5)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => reduction(10, -5)).code).toBe(ErrorCode.invalidValue);
  });
  test("1×1 ranges", () => {
    expect(reduction(cell([[100]]), cell([[85]]))).toBe(0.15);
  });
});

describe("TARGET and CHECK", () => {
  test("default targets; ids in any case and with spaces", () => {
    expect(target("ONLINE_RATIO")).toBe(0.6);
    expect(target(" doc_reduction ")).toBe(0.15);
    expect(target("OVERTIME_MEETINGS")).toBe(0);
  });
  test("#N/A with a Vietnamese message for an unknown id", () => {
    const e = excelError(() => target("ONLINE"));
    expect(e.code).toBe(ErrorCode.notAvailable);
    expect(e.message).toMatch(/Không có chỉ tiêu “ONLINE”/);
    expect(excelError(() => check("NOPE", 1)).code).toBe(ErrorCode.notAvailable);
    expect(excelError(() => target(cell(null) as unknown as string)).code).toBe(ErrorCode.notAvailable);
  });
  test("exact at the boundary", () => {
    expect(check("ONLINE_RATIO", onlineRatio(21, 35))).toBe("Đạt");
    expect(check("ONLINE_RATIO", 0.5999)).toBe("Không đạt");
    expect(check("TTHC_DIGITAL_RATIO", ratio(95, 100))).toBe("Đạt");
    expect(check("EDOC_RATIO", ratio(99, 100))).toBe("Không đạt");
  });
  test("OVERTIME_MEETINGS is a maximum count", () => {
    expect(check("OVERTIME_MEETINGS", 0)).toBe("Đạt");
    expect(check("OVERTIME_MEETINGS", 1)).toBe("Không đạt");
  });
  test("an empty cell is not yet entered, #N/A saying what to type, not judged as 0 (OVERTIME_MEETINGS of an empty A1 said Đạt)", () => {
    // Excel on the web hands an empty cell as null (a 1×1 range as [[null]]); a formula's "" is as empty.
    for (const empty of [null, [[null]], "", [[""]], undefined]) {
      const e = excelError(() => check("OVERTIME_MEETINGS", cell(empty)));
      expect([empty, e.code, e.message]).toEqual([
        empty,
        ErrorCode.notAvailable,
        "Chưa nhập giá trị của OVERTIME_MEETINGS: ô đang trống, nên chưa đánh giá được. Nhập số lượng vào ô đó; không có thì nhập 0.",
      ]);
    }
    expect(excelError(() => check("ONLINE_RATIO", cell(null))).message).toBe(
      "Chưa nhập giá trị của ONLINE_RATIO: ô đang trống, nên chưa đánh giá được. Nhập tỷ lệ vào ô đó, ví dụ 0,6 hoặc 60%.",
    );
    expect(excelError(() => check("HAI_LONG", cell(null), "hcm-attp-cchc-2025")).message).toMatch(
      /Nhập giá trị như trong biểu mẫu vào ô đó, ví dụ 95,6\.$/,
    );
    // A 0 typed is still judged: none is the limit.
    expect(check("OVERTIME_MEETINGS", 0)).toBe("Đạt");
    expect(check("OVERTIME_MEETINGS", cell([[0]]))).toBe("Đạt");
    // GAP's count and MEETING_OK's days are as unjudged when empty (GAP said 0 short, MEETING_OK TRUE).
    expect(excelError(() => gap("OVERTIME_MEETINGS", cell(null))).message).toBe(
      "Chưa nhập a: ô đang trống, nên chưa tính được số còn thiếu. Nhập số lượng vào ô đó; không có thì nhập 0.",
    );
    const days = excelError(() => meetingOk("Quán triệt", cell(null)));
    expect([days.code, days.message]).toEqual([
      ErrorCode.notAvailable,
      "Chưa nhập số ngày họp: ô đang trống, nên chưa đánh giá được. Nhập số ngày vào ô đó, ví dụ 0,5.",
    ]);
  });
  test("each value on its indicator's scale: 59 is no online ratio, 95,6 is HAI_LONG's 95,6% (a tester's CHECK said Đạt for both)", () => {
    // A ratio or reduction is a fraction: a percent typed on 0–100 would pass every target.
    for (const [id, v] of [
      ["ONLINE_RATIO", 59],
      ["ONLINE_RATIO", 1.5],
      ["MEETING_REDUCTION", 15],
      ["ONLINE_RATIO", -0.5],
    ] as const) {
      const e = excelError(() => check(id, v));
      expect(e.code).toBe(ErrorCode.invalidValue);
      expect(e.message).toMatch(/tỷ lệ dạng 0–1: gõ 0,59 hoặc 59%/);
    }
    // A reduction may be negative (it grew): judged, short.
    expect(check("MEETING_REDUCTION", -0.2)).toBe("Không đạt");
    // HAI_LONG as the form has it (0–100), or an Excel percent cell (0,956): the same verdict as the summary's.
    expect(check("HAI_LONG", 95.6)).toBe("Không đạt");
    expect(check("HAI_LONG", 96)).toBe("Đạt");
    expect(check("HAI_LONG", 0.956)).toBe("Không đạt");
    expect(check("HAI_LONG", 0.97)).toBe("Đạt");
    expect(excelError(() => check("HAI_LONG", 150)).code).toBe(ErrorCode.invalidValue);
    // "150%" typed is 1,5 as Excel reads it, no 1,5 % on the form's scale (it said Không đạt).
    const over = excelError(() => check("HAI_LONG", cell(" 150% ")));
    expect([over.code, over.message]).toEqual([
      ErrorCode.invalidValue,
      "Giá trị của HAI_LONG phải từ 0 đến 100% (ví dụ 95,6 hoặc 95,6%).",
    ]);
    expect(check("HAI_LONG", cell("100%"))).toBe("Đạt");
    // A count is a whole number, as GAP has it.
    expect(excelError(() => check("OVERTIME_MEETINGS", -3)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => check("OVERTIME_MEETINGS", 0.5)).code).toBe(ErrorCode.invalidValue);
  });
  test("a code typed with spaces or dashes is the code; a name or a typo says which code to type (both only listed 22 codes)", () => {
    expect(target("online ratio")).toBe(0.6);
    expect(target(" Online-Ratio ")).toBe(0.6);
    expect(check("so hoa ho so ratio", cell("80%"), "hcm-attp-cchc-2025")).toBe("Đạt");
    const typo = excelError(() => target("ONLNE_RATIO"));
    expect([typo.code, typo.message]).toEqual([
      ErrorCode.notAvailable,
      expect.stringMatching(
        /^Không có chỉ tiêu “ONLNE_RATIO”; có phải ONLINE_RATIO\? Mã hợp lệ: ONLINE_RATIO, /,
      ),
    ]);
    for (const name of [
      "Tỷ lệ hội nghị trực tuyến",
      "ty le hoi nghi truc tuyen",
      "Họp trực tuyến".normalize("NFD"),
    ])
      expect([name, excelError(() => check(name, 0.6)).message]).toEqual([
        name,
        expect.stringMatching(
          /^“.+” là tên chỉ tiêu, không phải mã: gõ mã ONLINE_RATIO\. Mã hợp lệ: ONLINE_RATIO, /,
        ),
      ]);
    // Far from every code: the list alone, as before.
    expect(excelError(() => target("ONLINE")).message).toMatch(/^Không có chỉ tiêu “ONLINE”\. Mã hợp lệ: /);
  });
  test("an empty indicator cell is not yet entered (it said 'Không có chỉ tiêu “”')", () => {
    for (const empty of [null, "", "  ", [[null]]]) {
      const e = excelError(() => target(cell(empty) as unknown as string));
      expect([empty, e.code, e.message]).toEqual([
        empty,
        ErrorCode.notAvailable,
        "Chưa nhập mã chỉ tiêu: ô đang trống, nên chưa biết là chỉ tiêu nào. Nhập mã vào ô đó, ví dụ ONLINE_RATIO hoặc SO_HOA_HO_SO_RATIO.",
      ]);
    }
  });
  test("a profile's name typed with spaces, underscores or diacritics is the profile; part of one is named", () => {
    expect(target("HSCV_MANG_RATIO", "Đồng Tháp SYT 226")).toBe(0.95);
    expect(target("HSCV_MANG_RATIO", "dong_thap_syt_226")).toBe(0.95);
    const part = excelError(() => target("ONLINE_RATIO", "dong thap"));
    expect([part.code, part.message]).toEqual([
      ErrorCode.notAvailable,
      "Không có hồ sơ “dong thap”; có phải dong-thap-syt-226? Hồ sơ có sẵn: dong-nai-skhcn-226, dong-thap-syt-226, hcm-attp-226, hcm-attp-cchc-2025, thanh-hoa-226.",
    ]);
    expect(excelError(() => dueDate("NAM", 2025, "HCM ATTP")).message).toMatch(
      /^Không có hồ sơ “HCM ATTP”; có phải hcm-attp-226 hoặc hcm-attp-cchc-2025\? /,
    );
  });
  test("an unknown id lists the codes in the forms' order, KL226-BC/1 first", () => {
    const e = excelError(() => check("Họp trực tuyến", 0.6));
    expect(e.message).toMatch(/Mã hợp lệ: ONLINE_RATIO, /);
  });
});

describe("every shipped profile, and ids of another form or plan", () => {
  const KL226 = { ONLINE_RATIO: 0.6, MEETING_REDUCTION: 0.1, DOC_REDUCTION: 0.15, TTHC_DIGITAL_RATIO: 0.95 };
  const CCHC_IDS =
    "CONG_KHAI_RATIO, DVC_TRUC_TUYEN_RATIO, SO_HOA_HO_SO_RATIO, TAI_SU_DUNG_RATIO, DUNG_HAN_RATIO, KQ_DIEN_TU_RATIO, XIN_LOI_RATIO, THANH_TOAN_DT_RATIO, PAKN_RATIO, HAI_LONG, VB_DIEN_TU_RATIO, CHU_KY_SO_RATIO, THU_CONG_VU_RATIO, GIAI_NGAN_RATIO";
  test("TARGET under each shipped profile gives its plan's targets (SPEC §2, §8)", () => {
    for (const name of ["hcm-attp-226", "dong-thap-syt-226", "thanh-hoa-226", "dong-nai-skhcn-226"])
      for (const [id, t] of Object.entries(KL226))
        expect([name, id, target(id, name)]).toEqual([name, id, t]);
    expect(target("HSCV_MANG_RATIO", "dong-thap-syt-226")).toBe(0.95);
    expect(target("DIGITAL_SKILLS_RATIO", "dong-nai-skhcn-226")).toBe(1);
    const cchc = {
      SO_HOA_HO_SO_RATIO: 0.8,
      TAI_SU_DUNG_RATIO: 0.55,
      HAI_LONG: 0.96,
      GIAI_NGAN_RATIO: 0.95,
      PAKN_RATIO: 1,
    };
    for (const [id, t] of Object.entries(cchc))
      expect([id, target(id, "hcm-attp-cchc-2025")]).toEqual([id, t]);
    // CCHC-BC/2025: 70 of 100 dossiers digitised is 10 short of 80 %; 95 of 100 disbursed is not "trên 95 %".
    expect(gap("SO_HOA_HO_SO_RATIO", 70, 100, "hcm-attp-cchc-2025")).toBe(10);
    expect(check("GIAI_NGAN_RATIO", ratio(95, 100), "hcm-attp-cchc-2025")).toBe("Không đạt");
    expect(gap("GIAI_NGAN_RATIO", 95, 100, "hcm-attp-cchc-2025")).toBe(1);
    expect(check("HSCV_MANG_RATIO", ratio(95, 100), "dong-thap-syt-226")).toBe("Đạt");
  });
  test("an id of the other form names the profile and says what to type (it said only 'Không có chỉ tiêu')", () => {
    const e = excelError(() => target("ONLINE_RATIO", "hcm-attp-cchc-2025"));
    expect(e.code).toBe(ErrorCode.notAvailable);
    expect(e.message).toBe(
      "Chỉ tiêu “ONLINE_RATIO” không có trong hồ sơ “hcm-attp-cchc-2025” (biểu mẫu CCHC-BC/2025); bỏ trống tên hồ sơ để dùng mục tiêu mặc định, hoặc ghi tên một hồ sơ có chỉ tiêu này: dong-nai-skhcn-226, dong-thap-syt-226, hcm-attp-226, thanh-hoa-226. " +
        `Mã hợp lệ của hồ sơ “hcm-attp-cchc-2025”: ${CCHC_IDS}.`,
    );
  });
  test("an id the profile's plan drops, or one only a profile has, names where it is", () => {
    expect(excelError(() => gap("EDOC_RATIO", 90, 100, "dong-thap-syt-226")).message).toBe(
      "Chỉ tiêu “EDOC_RATIO” không có trong hồ sơ “dong-thap-syt-226” (biểu mẫu KL226-BC/1); bỏ trống tên hồ sơ để dùng mục tiêu mặc định, hoặc ghi tên một hồ sơ có chỉ tiêu này: dong-nai-skhcn-226, hcm-attp-226, thanh-hoa-226. " +
        "Mã hợp lệ của hồ sơ “dong-thap-syt-226”: ONLINE_RATIO, MEETING_REDUCTION, DOC_REDUCTION, TTHC_DIGITAL_RATIO, DIGITIZATION_RATIO, OVERTIME_MEETINGS, HSCV_MANG_RATIO.",
    );
    const own = excelError(() => check(" hscv_mang_ratio ", 0.95));
    expect(own.code).toBe(ErrorCode.notAvailable);
    expect(own.message).toMatch(
      /^Chỉ tiêu “hscv_mang_ratio” không có trong các chỉ tiêu mặc định; chỉ tiêu này có trong hồ sơ dong-thap-syt-226: ghi tên hồ sơ ở đối số cuối\. Mã hợp lệ: ONLINE_RATIO, /,
    );
  });
});

describe("GAP (SPEC §5)", () => {
  test("ratio: ceil(t·whole) − part", () => {
    expect(gap("ONLINE_RATIO", 20, 35)).toBe(1);
    expect(gap("ONLINE_RATIO", 21, 35)).toBe(0);
    expect(gap("TTHC_DIGITAL_RATIO", 90, 101)).toBe(6); // ceil(95.95) − 90
  });
  test("reduction: cur − floor((1 − t)·prev)", () => {
    expect(gap("MEETING_REDUCTION", 100, 95)).toBe(5);
    expect(gap("MEETING_REDUCTION", 100, 90)).toBe(0);
    expect(gap("DOC_REDUCTION", 200, 200)).toBe(30);
    expect(gap("DOC_REDUCTION", 200, 250)).toBe(80);
  });
  test("HAI_LONG has no items short whatever a is: #N/A with the reason, not a typing error", () => {
    for (const a of [96, 96.5]) {
      const e = excelError(() => gap("HAI_LONG", a));
      expect(e.code).toBe(ErrorCode.notAvailable);
      expect(e.message).toMatch(/không có số lượng còn thiếu/);
    }
  });
  test("OVERTIME_MEETINGS: the count itself; b is optional and ignored", () => {
    expect(gap("OVERTIME_MEETINGS", 3)).toBe(3);
    expect(gap("OVERTIME_MEETINGS", 3, omitted)).toBe(3);
    expect(gap("OVERTIME_MEETINGS", 0, 99)).toBe(0);
  });
  test("errors", () => {
    expect(excelError(() => gap("ONLINE_RATIO", 3, omitted)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => gap("ONLINE_RATIO", 3, 0)).code).toBe(ErrorCode.divisionByZero);
    expect(excelError(() => gap("ONLINE_RATIO", 5, 3)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => gap("ONLINE_RATIO", 1.5, 3)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => gap("MEETING_REDUCTION", 0, 3)).code).toBe(ErrorCode.divisionByZero);
    expect(excelError(() => gap("OVERTIME_MEETINGS", -1)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => gap("X", 1, 2)).code).toBe(ErrorCode.notAvailable);
  });
  test("1×1 ranges", () => {
    expect(gap("ONLINE_RATIO", cell([[20]]), cell([[35]]))).toBe(1);
  });
});

describe("MEETING_OK", () => {
  test("takes a shipped profile's limits, as GAP and CHECK take its targets; an unknown one is #N/A", () => {
    expect(meetingOk("Chuyên môn", 1, "dong-thap-syt-226")).toBe(true);
    expect(meetingOk("Chuyên môn", 1.5, "dong-thap-syt-226")).toBe(false);
    expect(excelError(() => meetingOk("Chuyên môn", 1, "khong-co")).code).toBe(ErrorCode.notAvailable);
  });
  test("a profile whose form has no meeting log is #N/A saying so and what to type (it answered with the default limits, as if the plan had them)", () => {
    const e = excelError(() => meetingOk("Chuyên môn", 1, " hcm-attp-cchc-2025 "));
    expect(e.code).toBe(ErrorCode.notAvailable);
    expect(e.message).toBe(
      "Hồ sơ “hcm-attp-cchc-2025” (biểu mẫu CCHC-BC/2025) không có trang Hội nghị, nên không có giới hạn thời lượng họp: bỏ trống hồ sơ để dùng giới hạn mặc định (quán triệt ½ ngày, chuyên môn 1 ngày, quan trọng 1,5 ngày).",
    );
    // The same meeting without the profile is judged by the default limits.
    expect(meetingOk("Chuyên môn", 1)).toBe(true);
    expect(meetingOk("Chuyên môn", 1, "hcm-attp-226")).toBe(true);
  });
  test("type matched without diacritics or case", () => {
    expect(meetingOk("quan trieu", 0.5)).toBe(true);
    expect(meetingOk("Quán triệt", 0.5)).toBe(true);
    expect(meetingOk("QUÁN TRIỆT", 1)).toBe(false);
    expect(meetingOk(" chuyen mon ", 1)).toBe(true);
    expect(meetingOk("Quan trọng", 1.5)).toBe(true);
    expect(meetingOk("Quan trọng", 2)).toBe(false);
    expect(meetingOk("QUAN_TRONG", 1.5)).toBe(true);
    expect(meetingOk("Quán triệt".normalize("NFD"), 0.5)).toBe(true);
  });
  test("a type or a deadline typed in a .VnTime (TCVN3) or VNI-Times cell is read as it shows", () => {
    // "Qu¸n triÖt" shows as “Quán triệt” in its font; before, #VALUE! and #N/A.
    expect(meetingOk("Qu¸n triÖt", 0.5)).toBe(true);
    expect(meetingOk("Quan träng", 2)).toBe(false);
    expect(meetingOk("Chuyeân moân", 1)).toBe(true);
    expect(dateFromSerial(deadline("Th¸ng 6/2026"))).toEqual({ year: 2026, month: 6, day: 30 });
    expect(dateFromSerial(deadline("§Õn 31/12/2026"))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(dateFromSerial(dueDate("N¨m", 2026))).toEqual({ year: 2026, month: 12, day: 6 });
  });
  test("a type named with its noun, as a meeting's title has it, is the type ('Hội nghị quán triệt' was #VALUE!)", () => {
    expect(meetingOk("Hội nghị quán triệt", 0.5)).toBe(true);
    expect(meetingOk("Họp chuyên môn", 1.5)).toBe(false);
    expect(meetingOk("hoi nghi quan trong", 1.5)).toBe(true);
    expect(meetingOk("Cuộc họp chuyên môn", 1)).toBe(true);
    expect(excelError(() => meetingOk("Hội nghị", 1)).code).toBe(ErrorCode.invalidValue);
  });
  test("one typo is forgiven when only one type is that close", () => {
    expect(meetingOk("quan triet", 0.5)).toBe(true);
    expect(meetingOk("chuyen mn", 1)).toBe(true);
    expect(excelError(() => meetingOk("quan", 1)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => meetingOk("", 1)).code).toBe(ErrorCode.notAvailable); // not yet entered
  });
  test("#VALUE! with a Vietnamese message for an unknown type or negative days", () => {
    const e = excelError(() => meetingOk("Hội thảo", 1));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toMatch(/Loại hội nghị “Hội thảo” không hợp lệ/);
    expect(excelError(() => meetingOk("Chuyên môn", -1)).code).toBe(ErrorCode.invalidValue);
  });
  test("1×1 ranges and blanks", () => {
    expect(meetingOk(cell([["Chuyên môn"]]) as unknown as string, cell([[1]]))).toBe(true);
  });
});

describe("DUE_DATE and DEADLINE (1900 date system serials)", () => {
  test("6T → 6 June, NAM → 6 December", () => {
    expect(dueDate("6T", 2026)).toBe(46179); // 06/06/2026
    expect(dueDate("NAM", 2026)).toBe(46362); // 06/12/2026
    expect(dueDate("6 tháng", 2026)).toBe(46179);
    expect(dueDate("năm", cell([[2026]]))).toBe(46362);
  });
  test("every shipped profile's deadlines, its quarters only where its form has them", () => {
    expect(dueDate("6T", 2026, "dong-thap-syt-226")).toBe(46175); // 02/06/2026
    expect(dueDate("NAM", 2026, "dong-thap-syt-226")).toBe(46357); // 01/12/2026
    expect(dueDate("6T", 2026, "dong-nai-skhcn-226")).toBe(46183); // 10/06/2026
    expect(dueDate("NAM", 2026, "hcm-attp-226")).toBe(46362); // 06/12/2026
    expect(dueDate("Quý I", 2025, "hcm-attp-cchc-2025")).toBe(45731); // 15/03/2025
    expect(dueDate("Q4", 2025, "hcm-attp-cchc-2025")).toBe(46006); // 15/12/2025
    expect(dueDate("NAM", 2025, "hcm-attp-cchc-2025")).toBe(46006); // 15/12/2025
  });
  test("a period the profile's form has not: #N/A naming the profile as typed and its periods (it named the plan's long title)", () => {
    const half = excelError(() => dueDate("6T", 2025, "hcm-attp-cchc-2025"));
    expect(half.code).toBe(ErrorCode.notAvailable);
    expect(half.message).toBe(
      "Hồ sơ “hcm-attp-cchc-2025” (biểu mẫu CCHC-BC/2025) không có kỳ 6 tháng: dùng “Q1”, “Q2”, “Q3”, “Q4”, “NAM”.",
    );
    expect(excelError(() => dueDate("Q1", 2025, " thanh-hoa-226 ")).message).toBe(
      "Hồ sơ “thanh-hoa-226” (biểu mẫu KL226-BC/1) không có kỳ Quý I: dùng “6T”, “NAM”.",
    );
  });
  test("the report's date cell given for the year says it holds a date and what to type (it said only 1900–9999)", () => {
    const e = excelError(() => dueDate("6T", 46179)); // a cell showing 06/06/2026
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toBe("Năm: ô chứa ngày 06/06/2026, không phải một năm; gõ 2026 hoặc dùng YEAR(ô đó).");
  });
  test("errors", () => {
    expect(excelError(() => dueDate("Quý", 2026)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => dueDate("6T", 2026.5)).code).toBe(ErrorCode.invalidValue);
    expect(excelError(() => dueDate("6T", 2026.5)).message).toBe(
      "Năm phải là số nguyên từ 1900 đến 9999, gõ đủ bốn chữ số như 2026 (không phải 2026,5).",
    );
    expect(excelError(() => dueDate("6T", 26)).message).toMatch(
      /gõ đủ bốn chữ số như 2026 \(không phải 26\)\.$/,
    );
  });
  test("an empty period, year, meeting type or deadline cell is not yet entered, #N/A saying what to type (they said 'không hợp lệ' of “” or that the year must be 1900–9999)", () => {
    const said = (call: () => unknown): [string, string | undefined] => {
      const e = excelError(call);
      return [e.code, e.message];
    };
    expect(said(() => dueDate("6T", cell(null)))).toEqual([
      ErrorCode.notAvailable,
      "Chưa nhập năm: ô đang trống, nên chưa tính được hạn. Nhập năm vào ô đó, ví dụ 2026.",
    ]);
    expect(said(() => dueDate(cell(null) as unknown as string, 2026))).toEqual([
      ErrorCode.notAvailable,
      "Chưa nhập kỳ báo cáo: ô đang trống, nên chưa tính được hạn. Nhập 6T, NAM hoặc Q1–Q4 vào ô đó.",
    ]);
    expect(said(() => meetingOk(" ", 1))).toEqual([
      ErrorCode.notAvailable,
      "Chưa nhập loại hội nghị: ô đang trống, nên chưa đánh giá được. Nhập Quán triệt, Chuyên môn hoặc Quan trọng vào ô đó.",
    ]);
    expect(said(() => deadline(cell([[""]]) as unknown as string))).toEqual([
      ErrorCode.notAvailable,
      "Chưa nhập thời hạn: ô đang trống, nên chưa có ngày cuối. Nhập thời hạn vào ô đó, ví dụ Quý IV/2026, Tháng 6/2026 hoặc Đến 31/12/2026.",
    ]);
  });
  test("the last day of a deadline phrase", () => {
    expect(deadline("Quý IV/2026")).toBe(46387); // 31/12/2026
    expect(deadline("Tháng 6/2026")).toBe(46203); // 30/06/2026
    expect(deadline("Đến 31/12/2026")).toBe(46387);
    expect(deadline("Năm 2026")).toBe(46387);
    expect(deadline(cell([["Quý I/2026"]]) as unknown as string)).toBe(46112); // 31/03/2026
    expect(deadline("2026-06-30")).toBe(46203); // an ISO date as a web system exports it: 30/06/2026, not 31/12
  });
  test("a date cell is its own deadline", () => {
    expect(deadline(cell(46387.75) as unknown as string)).toBe(46387);
  });
  test("a year typed alone in Thời hạn (a number cell 2026) is 31/12/2026, as the template's check reads it, not 18/07/1905", () => {
    expect(deadline(cell(2026) as unknown as string)).toBe(46387); // 31/12/2026
    expect(deadline(cell([[2025]]) as unknown as string)).toBe(46022); // 31/12/2025
    expect(deadline(cell(1899) as unknown as string)).toBe(1899); // a serial below 1900: a day of 1905
  });
  test("a deadline with no date is named as typed ('Theo chỉ đạo' was called a standing task); a number that is no date says what to type", () => {
    expect(excelError(() => deadline("Theo chỉ đạo của UBND tỉnh")).message).toBe(
      "Thời hạn “Theo chỉ đạo của UBND tỉnh” không có ngày hết hạn (nhiệm vụ thường xuyên, hằng năm hoặc theo yêu cầu).",
    );
    expect(excelError(() => deadline(cell(-5) as unknown as string)).message).toBe(
      "Số -5 không phải một ngày; ghi thời hạn như Quý IV/2026, Tháng 6/2026, Đến 31/12/2026 hoặc một ô ngày.",
    );
  });
  test("#N/A for standing tasks, blanks and unreadable text", () => {
    const standing = excelError(() => deadline("Thường xuyên"));
    expect(standing.code).toBe(ErrorCode.notAvailable);
    expect(standing.message).toMatch(/thường xuyên/);
    expect(excelError(() => deadline("Hằng năm")).code).toBe(ErrorCode.notAvailable);
    expect(excelError(() => deadline("sớm nhất có thể")).code).toBe(ErrorCode.notAvailable);
    expect(excelError(() => deadline(cell(null) as unknown as string)).code).toBe(ErrorCode.notAvailable);
  });
});

describe("outside Excel", () => {
  test("without the CustomFunctions global an error is still thrown, not a ReferenceError", () => {
    uninstall();
    try {
      expect(() => onlineRatio(1, 0)).toThrow(RangeError);
    } finally {
      uninstall = installCustomFunctionsDouble();
    }
  });
});
