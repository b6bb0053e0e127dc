// Page flow as printed: an official document whose signature table ends at the foot of a page must not
// be followed by a blank page (only its page number on it), whether another section follows (Phụ lục I
// after the report's signature, the next of the joined letters) or the document ends there (a letter).
// Where the table ends depends on the fonts, so the text above it is pushed down by a spacer of 0 to 24
// pt (a body paragraph's height): somewhere in that sweep the table ends at the page's foot.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { joinDocuments, type DocumentSpec } from "../../src/core/docspec";
import { bodyParagraph, officialDocument } from "../../src/core/official";
import { renderDocx } from "../../src/docx/render";
import { describeUnless } from "../helpers/conditions";
import {
  ARTIFACTS_DIR,
  PRINT_UNAVAILABLE,
  printToPdf,
  renderPages,
  type PrintedDocument,
} from "../helpers/pdf";

const ORG = {
  superior: "UBND tỉnh Thanh Hóa",
  sender: "Sở Nội vụ",
  abbreviation: "SNV",
  place: "Thanh Hóa",
  signerTitle: "KT. Giám đốc\nPhó Giám đốc",
  signerName: "Lê Thị Bình",
};

/** A one-page report whose 19 paragraphs start `spacer` points lower: at 0 pt its signature fits, at 24 it does not. */
function report(spacer: number): DocumentSpec {
  return officialDocument({
    organisation: ORG,
    code: "BC-SNV",
    date: { year: 2026, month: 6, day: 5 },
    kind: { letter: false, type: "Báo cáo", title: "Kết quả thực hiện Kết luận số 226-KL/TW" },
    recipients: [],
    body: [
      { kind: "paragraph", runs: [{ text: "" }], spacing: { exactLine: spacer } },
      ...Array.from({ length: 19 }, (_, i) =>
        bodyParagraph(`${i + 1}. Nội dung báo cáo của các cơ quan, đơn vị.`),
      ),
    ],
    copies: ["Như trên", "Lưu: VT, CCHC"],
  });
}

/** A page that prints nothing but its page number. */
const blank = (page: string): boolean => /^[\s\d]*$/.test(page);

const run = describeUnless(PRINT_UNAVAILABLE);

run("a signature at the foot of a page, printed through LibreOffice", () => {
  let dir = "";
  let joined: PrintedDocument;
  let single: PrintedDocument[] = [];
  const artifacts = join(ARTIFACTS_DIR, "page-flow");
  // Every half point for the joined file (one file, 49 sections); for single documents (a file
  // each, ≈ 1 s each on a shared machine) every point from 6 to 18, where the foot is with the fonts here.
  const halfPoints = Array.from({ length: 49 }, (_, i) => i / 2);
  const points = Array.from({ length: 13 }, (_, i) => i + 6);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kl226-page-flow-"));
    const files = [join(dir, "joined.docx"), ...points.map((k) => join(dir, `single-${k}.docx`))];
    writeFileSync(files[0]!, renderDocx(joinDocuments(halfPoints.map(report))));
    points.forEach((k, i) => writeFileSync(files[i + 1]!, renderDocx(report(k))));
    const docs = await printToPdf(files, artifacts);
    joined = docs[0]!;
    single = docs.slice(1);
  }, 200_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("sections one after another: each report starts on a new page, none after a blank page", () => {
    const blanks = joined.pages.flatMap((page, i) => (blank(page) ? [i + 1] : []));
    if (blanks.length > 0)
      renderPages(joined.pdf, join(artifacts, "joined"), {
        first: blanks[0]! - 1,
        last: blanks[0]! + 1,
        dpi: 50,
      });
    expect(blanks).toEqual([]);
    // Every page but the blank ones starts a report or carries a signature moved with its last lines.
    const starts = joined.pages.filter((page) => page.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).length;
    expect(starts).toBe(halfPoints.length);
    // The sweep crosses the page's foot: early reports fit on one page, later ones need two.
    expect(joined.pageCount).toBeGreaterThan(halfPoints.length);
    expect(joined.pageCount).toBeLessThan(2 * halfPoints.length);
  });

  test("a document ending in its signature: no blank last page", () => {
    const counts = single.map((doc) => ({
      pages: doc.pageCount,
      blank: doc.pages.some(blank),
    }));
    const spacers = points.filter((_, i) => counts[i]!.blank);
    if (spacers.length > 0) {
      const i = points.indexOf(spacers[0]!);
      renderPages(single[i]!.pdf, join(artifacts, `single-${spacers[0]}`), { first: 1, last: 2, dpi: 50 });
    }
    expect(spacers).toEqual([]);
    // The sweep crosses the page's foot: the first fits on one page, the last needs two.
    expect([counts[0]!.pages, counts.at(-1)!.pages]).toEqual([1, 2]);
  });
});
