// Documents as printed: the .xlsx writer's print setup and chart, and .docx official letters, go
// through LibreOffice to PDF in one soffice run; poppler reads the pages back and renders page PNGs
// into test-artifacts/printed/ for a person to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chartSheet } from "../../src/core/chart";
import { joinDocuments } from "../../src/core/docspec";
import { honestPercent, viInteger } from "../../src/core/format";
import { bodyHeading, bodyParagraph, officialDocument, type OfficialDocument } from "../../src/core/official";
import { renderDocx } from "../../src/docx/render";
import { PAGE_OF_PAGES, type CellSpec, type SheetSpec } from "../../src/core/sheetspec";
import { NODE_ZIP_CODEC } from "../../src/xlsx/node-deflate";
import { writeXlsx } from "../../src/xlsx/write";
import {
  ARTIFACTS_DIR,
  PRINT_UNAVAILABLE,
  printToPdf,
  renderPages,
  type PrintedDocument,
} from "../helpers/pdf";
import { describeUnless } from "../helpers/conditions";

const WIDE_COLS = 40;

/** A summary-like sheet: a title, a header row and a row of column numbers, then one row per unit. */
function wideSheet(units: number, print: SheetSpec["print"]): SheetSpec {
  const head = (c: number): string => (c === 0 ? "Mã đơn vị" : c === 1 ? "Tên đơn vị" : `Chỉ số ${c + 1}`);
  const rows: (CellSpec | null)[][] = [
    [{ value: "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾT LUẬN 226-KL/TW" }],
    [{ value: "Kỳ báo cáo: 6 tháng năm 2026" }],
    Array.from({ length: WIDE_COLS }, (_, c) => ({
      value: head(c),
      style: { bold: true, border: true, wrap: true },
    })),
    Array.from({ length: WIDE_COLS }, (_, c) => ({ value: `(${c + 1})`, style: { border: true } })),
  ];
  for (let u = 1; u <= units; u++) {
    rows.push(
      Array.from({ length: WIDE_COLS }, (_, c) => ({
        value: c === 0 ? `DV_${u}` : c === 1 ? `Phường Đông Sơn ${u}` : u * 100 + c,
        style: { border: true },
      })),
    );
  }
  return { name: "Tổng hợp", rows, columnWidths: [11, 24], print };
}

const PRINT: SheetSpec["print"] = {
  landscape: true,
  fitToWidth: true,
  repeatRows: "3:4",
  repeatColumns: "A:B",
  header: { center: "Tổng hợp KL226 – 6 tháng năm 2026" },
  footer: PAGE_OF_PAGES,
};

const CHART_UNITS = Array.from({ length: 24 }, (_, i) => ({
  code: `DV_${i + 1}`,
  name: `Phường Đông Sơn ${i + 1}`,
  value: i === 5 ? null : i === 1 ? 0.5996 : ((i * 37) % 100) / 100,
}));

/** 90 units ranked lowest first, as the summary ranks them: unit k at 30 + k/2% (30,5% … 75%). */
const MANY_UNITS = Array.from({ length: 90 }, (_, i) => ({
  code: `XA_${i + 1}`,
  name: `Xã Quảng Phú ${i + 1}`,
  value: (60 + i + 1) / 200,
}));

const ORG = {
  superior: "UBND tỉnh Thanh Hóa",
  sender: "Sở Nội vụ",
  abbreviation: "SNV",
  place: "Thanh Hóa",
  signerTitle: "KT. Giám đốc\nPhó Giám đốc",
  signerName: "Lê Thị Bình",
};

function letter(unit: string, online: number, reduction: number): OfficialDocument {
  return {
    organisation: ORG,
    code: "SNV-CCHC",
    date: { year: 2026, month: 6, day: 5 },
    kind: {
      letter: true,
      subject: "đôn đốc hoàn thiện báo cáo thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
    },
    recipients: [unit],
    body: [
      bodyParagraph(
        "Thực hiện Kết luận số 226-KL/TW của Bộ Chính trị, Sở Nội vụ đã tổng hợp báo cáo 6 tháng đầu năm 2026 của các cơ quan, đơn vị trên địa bàn tỉnh.",
      ),
      bodyParagraph(
        `Theo báo cáo của ${unit}, tỷ lệ hội nghị tổ chức theo hình thức trực tuyến đạt ${honestPercent(online, 0.6, ">=")}, chưa đạt mục tiêu 60%; số hội nghị giảm ${honestPercent(reduction, 0.1, ">=")} so với cùng kỳ, chưa đạt mục tiêu giảm 10%. Tổng số văn bản đã ban hành: ${viInteger(1234)}.`,
      ),
      bodyParagraph(
        `Đề nghị ${unit} rà soát, có giải pháp khắc phục và báo cáo về Sở Nội vụ trước ngày 15/6/2026.`,
      ),
      bodyParagraph("Trân trọng./."),
    ],
    copies: ["Như trên", "Giám đốc Sở (để b/c)", "Lưu: VT, CCHC"],
  };
}

const run = describeUnless(PRINT_UNAVAILABLE);

run("printed through LibreOffice", () => {
  let dir = "";
  const printed: Record<string, PrintedDocument> = {};
  const artifacts = join(ARTIFACTS_DIR, "printed");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kl226-print-"));
    mkdirSync(artifacts, { recursive: true });
    const files: Record<string, Uint8Array> = {
      // 300 units fit to width: several pages down, each needing the repeated header rows.
      "wide-fit.xlsx": writeXlsx({ sheets: [wideSheet(300, PRINT)] }, NODE_ZIP_CODEC),
      // Not fit to width: pages split across the columns too, each needing the unit code and name.
      "wide-split.xlsx": writeXlsx(
        { sheets: [wideSheet(80, { ...PRINT, fitToWidth: false })] },
        NODE_ZIP_CODEC,
      ),
      "chart.xlsx": writeXlsx(
        {
          sheets: [
            wideSheet(3, PRINT),
            chartSheet({
              name: "Biểu đồ",
              title: "Tỷ lệ hội nghị trực tuyến theo đơn vị (mục tiêu từ 60% trở lên)",
              subtitle: "6 tháng năm 2026",
              units: CHART_UNITS,
              valueName: "Tỷ lệ họp trực tuyến",
              targetName: "Mục tiêu 60%",
              target: 0.6,
            }),
          ],
        },
        NODE_ZIP_CODEC,
      ),
      "chart-many.xlsx": writeXlsx(
        {
          sheets: [
            chartSheet({
              name: "Biểu đồ",
              title: "Tỷ lệ hội nghị trực tuyến theo đơn vị (mục tiêu từ 60% trở lên)",
              units: MANY_UNITS,
              valueName: "Tỷ lệ họp trực tuyến",
              targetName: "Mục tiêu 60%",
              target: 0.6,
            }),
          ],
        },
        NODE_ZIP_CODEC,
      ),
    };
    const units = [
      "Ủy ban nhân dân phường Đông Sơn",
      "Ủy ban nhân dân xã Quảng Phú",
      "Sở Giáo dục và Đào tạo",
    ];
    files["letter.docx"] = renderDocx(officialDocument(letter(units[0]!, 0.5996, 0.0996)));
    files["letters.docx"] = renderDocx(
      joinDocuments(units.map((u) => officialDocument(letter(u, 0.5498, 0.05)))),
    );
    // A document long enough for a second page, to see where page numbers go.
    const long = letter(units[0]!, 0.5, 0.05);
    files["long.docx"] = renderDocx(
      officialDocument({
        ...long,
        kind: {
          letter: false,
          type: "Báo cáo",
          title: "Kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
        },
        code: "BC-SNV",
        recipients: [],
        body: [
          bodyHeading("I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO"),
          ...Array.from({ length: 30 }, (_, i) =>
            bodyParagraph(
              `${i + 1}. Nội dung báo cáo của các cơ quan, đơn vị, tổng hợp theo từng chỉ tiêu của Kết luận số 226-KL/TW.`,
            ),
          ),
        ],
      }),
    );
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const docs = await printToPdf(
      Object.keys(files).map((f) => join(dir, f)),
      artifacts,
    );
    Object.keys(files).forEach((f, i) => (printed[f] = docs[i]!));
  }, 200_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("fit to width: A4 landscape, few pages, each with the header row, unit names and Trang N/M", () => {
    const doc = printed["wide-fit.xlsx"]!;
    expect(doc.pageSize.paper).toBe("A4");
    expect(doc.pageSize.width).toBeGreaterThan(doc.pageSize.height);
    // 300 rows of 40 columns: one page wide, so a handful of pages, not dozens.
    expect(doc.pageCount).toBeGreaterThan(1);
    expect(doc.pageCount).toBeLessThanOrEqual(8);
    doc.pages.forEach((text, i) => {
      expect({ page: i + 1, header: text.includes("Tổng hợp KL226 – 6 tháng năm 2026") }).toEqual({
        page: i + 1,
        header: true,
      });
      expect({
        page: i + 1,
        titles: text.includes("Mã đơn vị") && text.includes(`Chỉ số ${WIDE_COLS}`),
      }).toEqual({ page: i + 1, titles: true });
      expect({ page: i + 1, names: text.includes("Phường Đông Sơn") }).toEqual({ page: i + 1, names: true });
      expect(text).toContain(`Trang ${i + 1}/${doc.pageCount}`);
    });
    expect(doc.pages.at(-1)).toContain("DV_300");
    renderPages(doc.pdf, join(artifacts, "wide-fit"), { first: 1, last: 2 });
  });

  test("split across columns: every page repeats the unit code and name columns and the header rows", () => {
    const doc = printed["wide-split.xlsx"]!;
    expect(doc.pageCount).toBeGreaterThan(2);
    doc.pages.forEach((text, i) => {
      expect({
        page: i + 1,
        code: text.includes("Mã đơn vị"),
        name: text.includes("Tên đơn vị"),
        unit: /Phường Đông Sơn \d+/.test(text),
      }).toEqual({
        page: i + 1,
        code: true,
        name: true,
        unit: true,
      });
      expect(text).toContain(`Trang ${i + 1}/${doc.pageCount}`);
    });
    // The last column's header is on some page other than the first: the columns really were split.
    expect(doc.pages[0]).not.toContain(`Chỉ số ${WIDE_COLS}`);
  });

  test("the chart sheet prints with its title, legend and the honest values beside it", () => {
    const doc = printed["chart.xlsx"]!;
    const chartPage = doc.pages.find((t) => t.includes("Mục tiêu 60%"));
    expect(chartPage).toBeDefined();
    expect(chartPage).toContain("Tỷ lệ hội nghị trực tuyến theo đơn vị (mục tiêu từ 60% trở lên)");
    expect(chartPage).toContain("Tỷ lệ họp trực tuyến");
    // LibreOffice prints in the en-US locale here: 59.96% (the format keeps two decimals), not 60.0%.
    expect(chartPage).toMatch(/Phường Đông Sơn 2\s+59\.96%/);
    // Axis labels are text in the PDF: 0%…100% from the chart's own number format.
    expect(chartPage).toContain("100%");
    const page = doc.pages.indexOf(chartPage!) + 1;
    const [png] = renderPages(doc.pdf, join(artifacts, "chart"), { first: page, last: page, dpi: 100 });
    expect(png).toBeDefined();
  });

  test("90 units: the first printed page has every unit's chart and, below it, a chart of the 30 lowest", () => {
    const doc = printed["chart-many.xlsx"]!;
    const first = doc.pages[0] ?? "";
    expect(first).toContain(
      "Tỷ lệ hội nghị trực tuyến theo đơn vị (mục tiêu từ 60% trở lên): 30 đơn vị thấp nhất",
    );
    // Both charts print on that page: two value axes up to 100%, and the legend's target under each
    // (besides the table's header).
    expect(first.match(/(?<![\d.])100%/g)).toHaveLength(2);
    expect(first.match(/Mục tiêu 60%/g)).toHaveLength(3);
    const [png] = renderPages(doc.pdf, join(artifacts, "chart-many"), { first: 1, last: 1, dpi: 100 });
    expect(png).toBeDefined();
  });

  test("openpyxl sees the chart with its column and line series", () => {
    const file = join(dir, "chart.xlsx");
    const script = [
      "import json, sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb['Biểu đồ']",
      "out = []",
      "for anchor in ws._charts:",
      "    for c in [anchor] + list(anchor._charts[1:]):",
      "        for s in c.series:",
      "            out.append([type(c).__name__, s.tx.v, s.val.numRef.f, s.cat.strRef.f])",
      "print(json.dumps({'charts': len(ws._charts), 'series': out, 'sheets': wb.sheetnames, 'titles': wb['Tổng hợp'].print_title_rows}))",
    ].join("\n");
    const got = JSON.parse(
      execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }),
    ) as Record<string, unknown>;
    expect(got).toEqual({
      charts: 1,
      series: [
        ["BarChart", "Tỷ lệ họp trực tuyến", "'Biểu đồ'!$C$2:$C$25", "'Biểu đồ'!$B$2:$B$25"],
        ["LineChart", "Mục tiêu 60%", "'Biểu đồ'!$D$2:$D$25", "'Biểu đồ'!$B$2:$B$25"],
      ],
      sheets: ["Tổng hợp", "Biểu đồ"],
      titles: "$3:$4",
    });
  });

  test("a letter prints on one A4 page laid out as an official letter (Nghị định 30)", () => {
    const doc = printed["letter.docx"]!;
    expect(doc.pageSize.paper).toBe("A4");
    expect(doc.pageSize.height).toBeGreaterThan(doc.pageSize.width);
    expect(doc.pageCount).toBe(1);
    const text = doc.pages[0]!;
    const lines = text.split("\n");
    // Heading: the issuing body beside the Quốc hiệu, each on one line.
    expect(lines.find((l) => l.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))).toContain(
      "UBND TỈNH THANH HÓA",
    );
    expect(lines.find((l) => l.includes("Độc lập - Tự do - Hạnh phúc"))).toContain("SỞ NỘI VỤ");
    // The number on the left, the place and date on the right, on the same line.
    expect(text).toMatch(/Số:\s+\/SNV-CCHC\s+Thanh Hóa, ngày 05 tháng 6 năm 2026/);
    expect(text).toMatch(/V\/v đôn đốc hoàn thiện báo cáo/);
    expect(text).toContain("Kính gửi: Ủy ban nhân dân phường Đông Sơn");
    expect(text).toContain("59,96%");
    expect(text).toContain("9,96%");
    expect(text).toContain("1.234");
    expect(text).toMatch(/Nơi nhận:\s+KT\. GIÁM ĐỐC/);
    expect(text).toMatch(/- Như trên;\s+PHÓ GIÁM ĐỐC/);
    expect(text).toContain("- Lưu: VT, CCHC.");
    expect(text).toContain("Lê Thị Bình");
    // ND30: no page number on page 1; the heading is the first thing on the page.
    expect(lines.find((l) => l.trim() !== "")).toContain("UBND TỈNH THANH HÓA");
    renderPages(doc.pdf, join(artifacts, "letter"), { dpi: 110 });
  });

  test("letters joined in one file: each on its own page with its own heading and recipient", () => {
    const doc = printed["letters.docx"]!;
    expect(doc.pageCount).toBe(3);
    ["Ủy ban nhân dân phường Đông Sơn", "Ủy ban nhân dân xã Quảng Phú", "Sở Giáo dục và Đào tạo"].forEach(
      (unit, i) => {
        expect(doc.pages[i]).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        expect(doc.pages[i]).toContain(`Kính gửi: ${unit}`);
        // Far from its target a value needs one decimal only.
        expect(doc.pages[i]).toContain("55,0%");
      },
    );
  });

  test("a longer document: the title under the heading, page numbers at the top from page 2", () => {
    const doc = printed["long.docx"]!;
    expect(doc.pageCount).toBeGreaterThanOrEqual(2);
    expect(doc.pages[0]).toMatch(/BÁO CÁO\s+Kết quả thực hiện Kết luận số 226-KL\/TW 6 tháng đầu năm 2026/);
    expect(doc.pages[0]).toMatch(/Số:\s+\/BC-SNV/);
    expect(doc.pages[0]).not.toContain("V/v");
    doc.pages.slice(1).forEach((page, i) => {
      expect(
        page
          .split("\n")
          .find((l) => l.trim() !== "")
          ?.trim(),
      ).toBe(String(i + 2));
    });
    // The signature never stands alone on the last page: the last paragraph goes with it.
    expect(doc.pages.at(-1)).toMatch(/30\. Nội dung báo cáo[\s\S]*Lê Thị Bình/);
    renderPages(doc.pdf, join(artifacts, "long"), { first: 1, last: doc.pageCount, dpi: 70 });
  });
});
