// What `npm run demo` writes, printed as a clerk would: the province summary, the report and the
// letters go through LibreOffice to PDF in one soffice run; pdftotext/pdfinfo read them back, and
// the first pages are rendered to PNG under test-artifacts/documents/ for a person to look at.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Io } from "../../src/cli/main";
import { parseRosterCsv } from "../../src/core/roster";
import {
  ARTIFACTS_DIR,
  PRINT_UNAVAILABLE,
  printToPdf,
  renderPages,
  type PrintedDocument,
  wordHeights,
} from "../helpers/pdf";
import { describeUnless } from "../helpers/conditions";

const SAMPLES = join(__dirname, "../../samples");
const run = describeUnless(PRINT_UNAVAILABLE);

/** All pages as one line of text: pdftotext's layout spaces and line ends do not matter here. */
const flat = (doc: PrintedDocument): string => doc.pages.join(" ").replace(/\s+/g, " ");

interface DemoJson {
  readonly missing: string[];
  readonly province: { readonly values: Record<string, { current: number | null }> };
}

run("npm run demo's documents, printed through LibreOffice", () => {
  const out = mkdtempSync(join(tmpdir(), "kl226-demo-print-"));
  const artifacts = join(ARTIFACTS_DIR, "documents");
  const printed: Record<string, PrintedDocument> = {};
  let letterFiles: string[] = [];
  let json: DemoJson;

  beforeAll(async () => {
    const io: Io = { out: () => undefined, err: (t) => process.stderr.write(t), isErrTty: false };
    expect(await main(["demo", "--out-dir", out], io)).toBe(0);
    json = JSON.parse(readFileSync(join(out, "tong-hop.json"), "utf8")) as DemoJson;
    letterFiles = readdirSync(join(out, "thu-nhac")).filter((f) => /^[A-Z0-9_]+\.docx$/.test(f));
    // Printed in the same soffice run, under a name of its own (the PDFs are named after the files).
    copyFileSync(join(out, "cchc", "tong-hop.xlsx"), join(out, "tong-hop-cchc.xlsx"));
    copyFileSync(join(out, "cchc", "bao-cao.docx"), join(out, "bao-cao-cchc.docx"));
    const files = {
      summary: join(out, "tong-hop.xlsx"),
      cchc: join(out, "tong-hop-cchc.xlsx"),
      report: join(out, "bao-cao.docx"),
      cchcReport: join(out, "bao-cao-cchc.docx"),
      all: join(out, "thu-nhac", "tat-ca-thu-nhac.docx"),
      // XA_NONG_CONG sent a file with a negative count: it was returned.
      returned: join(out, "thu-nhac", "XA_NONG_CONG.docx"),
    };
    const docs = await printToPdf(Object.values(files), artifacts);
    Object.keys(files).forEach((k, i) => (printed[k] = docs[i]!));
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("the summary prints on at most 18 A4 pages; every page of Tổng hợp repeats the header row and shows unit names", () => {
    const doc = printed.summary!;
    expect(doc.pageSize.paper).toBe("A4");
    expect(doc.pageCount).toBeLessThanOrEqual(18);
    const summaryPages = doc.pages.filter((p) => p.includes("6 tháng đầu năm 2026 – Tổng hợp"));
    // Tổng hợp is the first sheet: every page before Số liệu's first is one of its pages, found by its
    // page header; the samples' units fill more than one, so the repeated header row is checked.
    const firstOther = doc.pages.findIndex((p) => p.includes("6 tháng đầu năm 2026 – Số liệu"));
    expect(summaryPages).toEqual(doc.pages.slice(0, firstOther));
    expect(summaryPages.length).toBeGreaterThan(1);
    summaryPages.forEach((text, i) => {
      expect({ page: i + 1, header: /Mã đơn vị/.test(text) && /Tên đơn vị/.test(text) }).toEqual({
        page: i + 1,
        header: true,
      });
      expect({ page: i + 1, names: /(Phường|Xã|Sở) [A-ZĐ]/.test(text) }).toEqual({
        page: i + 1,
        names: true,
      });
    });
    renderPages(doc.pdf, join(artifacts, "tong-hop"), { dpi: 100 });
  });

  test("Tổng hợp's 24 columns print one page wide at about 6 pt, not the 4.8 pt of wide columns", () => {
    const doc = printed.summary!;
    const first = doc.pages.findIndex((p) => p.includes("6 tháng đầu năm 2026 – Tổng hợp")) + 1;
    // Every unit row's verdicts: "Đạt" in the body font. A box of 7 pt is type of ≈ 6 pt (wordHeights).
    const heights = wordHeights(doc.pdf, first, "Đạt");
    expect(heights.length).toBeGreaterThan(20);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(7);
  });

  test("the CCHC summary (14 indicators, 36 columns) prints two pages across at ≈ 7,5 pt, each page with the unit names", () => {
    const doc = printed.cchc!;
    const pages = doc.pages
      .map((text, i) => ({ text, page: i + 1 }))
      .filter((p) => /– Tổng hợp/.test(p.text));
    expect(pages).toHaveLength(2);
    for (const { text } of pages) {
      expect(text).toMatch(/Mã đơn vị/);
      expect(text).toMatch(/Phòng Cấp phép/);
    }
    // Left to right: the report's date and timeliness with the first indicators, then the task columns.
    expect(pages.map((p) => [/Thời hạn/.test(p.text), /Nhiệm/.test(p.text)])).toEqual([
      [true, false],
      [false, true],
    ]);
    // The notes above the table are whole on the first page (merged across its columns only).
    expect(pages[0]!.text.replace(/\s+/g, " ")).toMatch(/Số liệu từng đơn vị ở trang “Số liệu”\./);
    const heights = pages.flatMap((p) => wordHeights(doc.pdf, p.page, "Đạt"));
    expect(heights.length).toBeGreaterThan(20);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(8);
    renderPages(doc.pdf, join(artifacts, "tong-hop-cchc"), {
      first: pages[0]!.page,
      last: pages[1]!.page,
      dpi: 100,
    });
  });

  test("the report has every section heading, the province values in Vietnamese notation and every missing unit's name", () => {
    const doc = printed.report!;
    const text = flat(doc);
    for (const heading of [
      "BÁO CÁO Kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026",
      "I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO",
      "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
      "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
      "IV. CÁC CHỈ TIÊU CHƯA ĐẠT VÀ ĐƠN VỊ CHƯA BÁO CÁO",
      "V. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ",
      "VI. ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ",
      "Phụ lục I",
      "Phụ lục II",
      "Phụ lục III",
    ]) {
      expect(text).toContain(heading);
    }
    // The pooled online ratio from the JSON's province sums, one decimal with a decimal comma (far from 60%).
    const v = json.province.values;
    const online = (100 * (v.HN_TRUC_TUYEN!.current ?? 0)) / (v.HN_TONG!.current ?? 1);
    expect(text).toContain(`Tỷ lệ hội nghị trực tuyến (mục tiêu từ 60% trở lên): kết quả chung (`);
    expect(text).toContain(`đạt ${online.toFixed(1).replace(".", ",")}%`);
    expect(text).not.toMatch(/\d\.\d+%/);
    const roster = parseRosterCsv(readFileSync(join(SAMPLES, "roster.csv"), "utf8"));
    if (!roster.ok) throw new Error(roster.errors.join("; "));
    expect(json.missing.length).toBeGreaterThan(0);
    for (const code of json.missing) expect(text).toContain(roster.units.find((u) => u.code === code)!.name);
    expect(doc.pages[0]).not.toMatch(/^\s*1\s*$/m);
    renderPages(doc.pdf, join(artifacts, "bao-cao"), { first: 1, last: doc.pageCount, dpi: 70 });
  });

  test("Phụ lục II's last column holds its header on one line and a gap on two: 'tiêu' is never left alone on a third", () => {
    // At 33 mm it read "cần thêm 83 văn / bản để đạt mục / tiêu", row after row, under "Số còn thiếu, / vượt".
    const doc = printed.report!;
    const first = doc.pages.findIndex((p) => /^\s*Phụ lục II\s*$/m.test(p));
    const next = doc.pages.findIndex((p) => /^\s*Phụ lục III\s*$/m.test(p));
    const pages = doc.pages.slice(first, next);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages[0]).toMatch(/Số còn thiếu, vượt/);
    const lone = pages.flatMap((p) => p.split("\n").filter((l) => /(?:^|\s{3,})tiêu\s*$/.test(l)));
    expect(lone).toEqual([]);
  });

  test("section VI follows section V on its page, its twelve lines run on to the closing sentence and the signature", () => {
    // Kept whole from its heading to the signature, VI left a third of page 5 blank under section V
    // in the Thanh Hóa report (half a page with fewer units).
    for (const doc of [printed.report!, printed.cchcReport!]) {
      const lines = doc.pages.map((p) => p.split("\n").filter((l) => /^\s*…{20,}\s*$/.test(l)).length);
      const at = doc.pages.findIndex((p) => p.includes("VI. ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ"));
      const closing = doc.pages.findIndex((p) => p.includes("Trên đây là báo cáo kết quả thực hiện"));
      expect({ pdf: doc.pdf, at: at >= 0, total: lines.reduce((a, b) => a + b, 0) }).toEqual({
        pdf: doc.pdf,
        at: true,
        total: 12,
      });
      expect(doc.pages[at]).toContain("3. Mô hình, cách làm hay");
      // Never the heading without a line to write on, nor the closing without one above it.
      expect(lines[at]).toBeGreaterThan(0);
      expect(lines[closing]).toBeGreaterThan(0);
      expect(doc.pages[closing]).toContain("Nơi nhận:");
      renderPages(doc.pdf, join(artifacts, `muc-vi-${at + 1}`), {
        first: at + 1,
        last: closing + 1,
        dpi: 60,
      });
    }
  });

  test("a returned unit's letter says its file was returned and lists its errors, never that nothing arrived", () => {
    const doc = printed.returned!;
    expect(doc.pageCount).toBe(1);
    const text = flat(doc);
    expect(text).toContain("Kính gửi: Ủy ban nhân dân xã Nông Cống");
    expect(text).toContain("tệp báo cáo “XA_NONG_CONG.xlsx” của đơn vị nhưng phải trả lại");
    expect(text).toMatch(
      /- Trang “Chỉ tiêu”, ô E17: Số liệu “Số TTHC được cắt giảm, đơn giản hóa” \(cột E, kỳ này\) là số âm \(−2\)\. Cần nhập số nguyên không âm/,
    );
    expect(text).not.toContain("chưa nhận");
    expect(text).toMatch(/Nơi nhận: GIÁM ĐỐC - Như trên; - Lưu: VT, SNV\./);
    renderPages(doc.pdf, join(artifacts, "thu-tra-lai"), { dpi: 110 });
  });

  test("all letters in one file: each letter on its own page with its own heading and recipient", () => {
    const doc = printed.all!;
    const recipients = doc.pages
      .map((p) => /Kính gửi: ([^\n]+)/.exec(p)?.[1]?.trim())
      .filter((r): r is string => r !== undefined);
    expect(recipients).toHaveLength(letterFiles.length);
    expect(new Set(recipients).size).toBe(letterFiles.length);
    for (const page of doc.pages.filter((p) => p.includes("Kính gửi:")))
      expect(page).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    renderPages(doc.pdf, join(artifacts, "tat-ca-thu-nhac"), { first: 1, last: 2, dpi: 70 });
  });
});
