// The official-document frame (Nghị định 30/2020/NĐ-CP) as data: what the heading, the date and
// number lines, "Kính gửi", "Nơi nhận" and the signature say, and the page the decree asks for.
import type { Block, DocumentSpec, ParagraphSpec, TableSpec } from "./docspec";
import { joinDocuments } from "./docspec";
import {
  bodyParagraph,
  numberLine,
  officialDateText,
  officialDocument,
  pursuant,
  type OfficialDocument,
} from "./official";

const ORG = {
  superior: "UBND tỉnh Thanh Hóa",
  sender: "Sở Nội vụ",
  abbreviation: "SNV",
  place: "Thanh Hóa",
  signerTitle: "KT. Giám đốc\nPhó Giám đốc",
  signerName: "Nguyễn Văn An",
};

const LETTER: OfficialDocument = {
  organisation: ORG,
  code: "SNV-CCHC",
  date: { year: 2026, month: 6, day: 5 },
  kind: { letter: true, subject: "đôn đốc nộp báo cáo" },
  recipients: ["UBND phường Đông Sơn"],
  body: [bodyParagraph("Đề nghị quý cơ quan gửi báo cáo."), bodyParagraph("Trân trọng./.")],
  copies: ["Như trên", "- Giám đốc Sở (để b/c);", "Lưu: VT, CCHC."],
};

/** Every paragraph of the blocks, tables included, in reading order (row by row, left to right). */
function paragraphs(blocks: readonly Block[]): ParagraphSpec[] {
  return blocks.flatMap((b) =>
    b.kind === "paragraph"
      ? [b]
      : b.kind === "table"
        ? b.rows.flatMap((r) => r.flatMap((c) => paragraphs(c.blocks)))
        : [],
  );
}

function text(p: ParagraphSpec): string {
  return p.runs.map((r) => ("text" in r ? r.text : `{${r.field}}`)).join("");
}

function find(doc: DocumentSpec, needle: string | RegExp): ParagraphSpec {
  const all = paragraphs(doc.sections[0]!.blocks);
  const hit = all.find((p) => (typeof needle === "string" ? text(p) === needle : needle.test(text(p))));
  if (!hit) throw new Error(`no paragraph ${needle} in:\n${all.map(text).join("\n")}`);
  return hit;
}

describe("date and number lines", () => {
  test("a 0 before days under 10 and before months 1 and 2 only", () => {
    expect(officialDateText({ year: 2026, month: 6, day: 5 })).toBe("ngày 05 tháng 6 năm 2026");
    expect(officialDateText({ year: 2026, month: 1, day: 15 })).toBe("ngày 15 tháng 01 năm 2026");
    expect(officialDateText({ year: 2026, month: 2, day: 28 })).toBe("ngày 28 tháng 02 năm 2026");
    expect(officialDateText({ year: 2026, month: 12, day: 31 })).toBe("ngày 31 tháng 12 năm 2026");
  });
  test("numbers under 10 get a 0; no number leaves room for the clerk", () => {
    expect(numberLine(7, "SNV-CCHC")).toBe("Số: 07/SNV-CCHC");
    expect(numberLine(125, "BC-SNV")).toBe("Số: 125/BC-SNV");
    expect(numberLine(undefined, "SNV")).toMatch(/^Số: \u00A0{6}\/SNV$/);
  });
});

describe("a letter (công văn)", () => {
  const doc = officialDocument(LETTER);
  const section = doc.sections[0]!;

  test("A4 with the decree's margins, Times New Roman 14 pt", () => {
    expect(doc.font).toEqual({ name: "Times New Roman", size: 14 });
    const m = section.page.margins;
    expect(m.top).toBeGreaterThanOrEqual(20);
    expect(m.top).toBeLessThanOrEqual(25);
    expect(m.bottom).toBeGreaterThanOrEqual(20);
    expect(m.bottom).toBeLessThanOrEqual(25);
    expect(m.left).toBeGreaterThanOrEqual(30);
    expect(m.left).toBeLessThanOrEqual(35);
    expect(m.right).toBeGreaterThanOrEqual(15);
    expect(m.right).toBeLessThanOrEqual(20);
    expect(section.page.orientation ?? "portrait").toBe("portrait");
  });

  test("heading: superior upright, sender bold, both in capitals; Quốc hiệu and Tiêu ngữ bold", () => {
    const superior = find(doc, "UBND TỈNH THANH HÓA").runs[0];
    expect(superior && "text" in superior && superior.bold).not.toBe(true);
    expect(find(doc, "SỞ NỘI VỤ").runs[0]).toMatchObject({ bold: true });
    expect(find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").runs[0]).toMatchObject({ bold: true });
    expect(find(doc, "Độc lập - Tự do - Hạnh phúc").runs[0]).toMatchObject({ bold: true });
  });

  test("a superior too long for the heading's column is set on two balanced lines, not with its last word alone", () => {
    const hcm = officialDocument({
      ...LETTER,
      organisation: { ...ORG, superior: "UBND Thành phố Hồ Chí Minh", sender: "Sở An toàn thực phẩm" },
    });
    const runs = (text: string | RegExp) =>
      find(hcm, text).runs.map((r) => ("text" in r ? [r.text, r.breakBefore === true] : []));
    expect(runs(/^UBND THÀNH PHỐ/)).toEqual([
      ["UBND THÀNH PHỐ", false],
      ["HỒ CHÍ MINH", true],
    ]);
    // One that fits stays one line.
    expect(runs("SỞ AN TOÀN THỰC PHẨM")).toEqual([["SỞ AN TOÀN THỰC PHẨM", false]]);
    // Not inside "THÀNH PHỐ": "UBND THÀNH" / "PHỐ ĐỒNG NAI" was the most balanced break and read as a broken word.
    const dongNai = officialDocument({
      ...LETTER,
      organisation: { ...ORG, superior: "UBND thành phố Đồng Nai", sender: "Sở Khoa học và Công nghệ" },
    });
    expect(find(dongNai, /^UBND THÀNH/).runs.map((r) => ("text" in r ? r.text : ""))).toEqual([
      "UBND THÀNH PHỐ",
      "ĐỒNG NAI",
    ]);
  });

  test("a place and date too long for the right column takes room from the left, so it stays one line", () => {
    const hcm = officialDocument({
      ...LETTER,
      date: { year: 2026, month: 12, day: 14 },
      organisation: {
        ...ORG,
        superior: "UBND Thành phố Hồ Chí Minh",
        sender: "Sở An toàn thực phẩm",
        place: "Thành phố Hồ Chí Minh",
      },
    });
    const columns = (hcm.sections[0]!.blocks[0] as TableSpec).columnWidths;
    // "Thành phố Hồ Chí Minh, ngày 14 tháng 12 năm 2026" at 13 pt: ≈ 100 mm and the cell's 3.8 mm.
    expect(columns[1]).toBeGreaterThan(103);
    expect(columns[0]! + columns[1]!).toBeCloseTo(210 - 30 - 15);
    // "SỞ AN TOÀN THỰC PHẨM" still fits the left on one line.
    expect(columns[0]).toBeGreaterThan(56);
    // Thanh Hóa's short line keeps the usual 62 mm.
    expect((section.blocks[0] as TableSpec).columnWidths[0]).toBe(62);
  });

  test("the heading is a two-column table without borders; the rules are lines under the sender and the Tiêu ngữ", () => {
    const table = section.blocks[0] as TableSpec;
    expect(table.kind).toBe("table");
    expect(table.borders).toBe(false);
    expect(table.columnWidths).toHaveLength(2);
    expect(table.columnWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(210 - 30 - 15);
    const [left, right] = table.rows[0]!;
    const rules = (blocks: readonly Block[]) =>
      paragraphs(blocks).filter((p) => p.border?.top === true && p.runs.length === 0);
    expect(rules(left!.blocks)).toHaveLength(1);
    expect(rules(right!.blocks)).toHaveLength(1);
    // The sender's line is shorter than its column: indented on both sides.
    expect(rules(left!.blocks)[0]!.indent?.left).toBeGreaterThan(5);
    // ND30: a third to a half of the name it underlines, however short: "SỞ NỘI VỤ" in 12 pt bold
    // Times is 21.4 mm on paper (measured on a 300 dpi render), so 7.1–10.7 mm (the cell's padding
    // is 3.8 mm).
    const line = table.columnWidths[0]! - 3.8 - 2 * (rules(left!.blocks)[0]!.indent?.left ?? 0);
    expect(line).toBeGreaterThanOrEqual(21.4 / 3);
    expect(line).toBeLessThanOrEqual(21.4 / 2);
  });

  test("Số, V/v under it, place and date in italics", () => {
    expect(text(find(doc, /^Số: /))).toMatch(/^Số: \u00A0+\/SNV-CCHC$/);
    expect(find(doc, "V/v đôn đốc nộp báo cáo").align).toBe("center");
    // ND30: 6 pt between the number and the trích yếu.
    expect(find(doc, "V/v đôn đốc nộp báo cáo").spacing?.before).toBe(6);
    expect(find(doc, "Thanh Hóa, ngày 05 tháng 6 năm 2026").runs[0]).toMatchObject({ italic: true });
  });

  test("one recipient on the Kính gửi line, centred", () => {
    expect(find(doc, "Kính gửi: UBND phường Đông Sơn").align).toBe("center");
  });

  test("body justified with a first-line indent of 1–1,27 cm", () => {
    const body = find(doc, "Đề nghị quý cơ quan gửi báo cáo.");
    expect(body.align).toBe("justify");
    expect(body.indent?.firstLine).toBeGreaterThanOrEqual(10);
    expect(body.indent?.firstLine).toBeLessThanOrEqual(12.7);
  });

  test("Nơi nhận in bold italic, each line with a dash, ';' after all but the last '.'", () => {
    expect(find(doc, "Nơi nhận:").runs[0]).toMatchObject({ bold: true, italic: true, size: 12 });
    expect(find(doc, "- Như trên;").runs[0]).toMatchObject({ size: 11 });
    find(doc, "- Giám đốc Sở (để b/c);");
    find(doc, "- Lưu: VT, CCHC.");
  });

  test("the signer's authority and title in bold capitals, then the name", () => {
    expect(find(doc, "KT. GIÁM ĐỐC").runs[0]).toMatchObject({ bold: true });
    expect(find(doc, "PHÓ GIÁM ĐỐC").align).toBe("center");
    expect(find(doc, "Nguyễn Văn An").runs[0]).toMatchObject({ bold: true });
  });

  test("a signer the profile does not name: the title, room to sign, then a dotted line for the name", () => {
    for (const signerName of [undefined, "", "  "]) {
      const unsigned = officialDocument({ ...LETTER, organisation: { ...LETTER.organisation, signerName } });
      const all = paragraphs(unsigned.sections[0]!.blocks).map(text);
      const at = all.indexOf("PHÓ GIÁM ĐỐC");
      expect(all.slice(at, at + 3)).toEqual(["PHÓ GIÁM ĐỐC", "", "…………………………"]);
      expect(find(unsigned, "…………………………").runs[0]).toMatchObject({ bold: true, size: 14 });
      expect(all.join("\n")).not.toMatch(/undefined/);
    }
  });

  test("page numbers at the top centre from page 2, none on page 1", () => {
    expect(section.firstPageHeader).toEqual([]);
    expect(section.header).toEqual([
      expect.objectContaining({ align: "center", runs: [expect.objectContaining({ field: "page" })] }),
    ]);
  });

  test("several recipients are a list under Kính gửi", () => {
    const many = officialDocument({ ...LETTER, recipients: ["Các sở, ban, ngành", "UBND các xã, phường"] });
    const all = paragraphs(many.sections[0]!.blocks);
    const at = all.findIndex((p) => text(p) === "Kính gửi:");
    // "Kính gửi:" then the recipients, one a line, in the order given, right after it.
    expect(all.slice(at, at + 3).map(text)).toEqual([
      "Kính gửi:",
      "- Các sở, ban, ngành;",
      "- UBND các xã, phường.",
    ]);
    // Not centred: "Kính gửi:" indented 35 mm, the list further in (60 mm), under what follows the label.
    expect(all.slice(at, at + 3).map((p) => [p.align, p.indent])).toEqual([
      [undefined, { left: 35 }],
      [undefined, { left: 60 }],
      [undefined, { left: 60 }],
    ]);
  });
});

describe("another type of document (báo cáo)", () => {
  const doc = officialDocument({
    ...LETTER,
    code: "BC-SNV",
    recipients: [],
    kind: { letter: false, type: "Báo cáo", title: "Kết quả thực hiện Kết luận số 226-KL/TW" },
  });
  test("its type and title centred in bold under the heading, no V/v", () => {
    expect(find(doc, "BÁO CÁO")).toMatchObject({
      align: "center",
      runs: [expect.objectContaining({ bold: true })],
    });
    expect(find(doc, "Kết quả thực hiện Kết luận số 226-KL/TW").align).toBe("center");
    expect(() => find(doc, /^V\/v/)).toThrow();
    expect(text(find(doc, /^Số: /))).toMatch(/\/BC-SNV$/);
  });
});

test("letters joined into one file keep a section each (own first page, own page numbers)", () => {
  const a = officialDocument(LETTER);
  const b = officialDocument({ ...LETTER, recipients: ["UBND xã Quảng Phú"] });
  const joined = joinDocuments([a, b], "Thư nhắc");
  expect(joined.sections).toHaveLength(2);
  expect(joined.title).toBe("Thư nhắc");
  expect(joined.sections[1]).toBe(b.sections[0]);
  expect(() => joinDocuments([])).toThrow();
});

test("a document implementing a plan whose name already says “thực hiện” opens with “Căn cứ”, not “Thực hiện Kế hoạch thực hiện”", () => {
  expect(pursuant("Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư")).toBe(
    "Thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư",
  );
  expect(pursuant("Kế hoạch thực hiện công tác cải cách hành chính năm 2025")).toBe(
    "Căn cứ Kế hoạch thực hiện công tác cải cách hành chính năm 2025",
  );
});

test("the signature never starts a page with only the closing line above it: the body's last two paragraphs stay with it", () => {
  const doc = officialDocument({
    ...LETTER,
    body: [
      bodyParagraph("Mở đầu."),
      bodyParagraph("Đề nghị quý cơ quan gửi báo cáo."),
      bodyParagraph("Trân trọng./."),
    ],
  });
  expect(find(doc, "Mở đầu.").keepWithNext).toBeUndefined();
  expect(find(doc, "Đề nghị quý cơ quan gửi báo cáo.").keepWithNext).toBe(true);
  expect(find(doc, "Trân trọng./.").keepWithNext).toBe(true);
});
