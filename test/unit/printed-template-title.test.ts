// The blank template as a clerk prints it (and the roll-up built on it): the title in Thông tin!A1
// is merged over A–C, and a title longer than that line was cut at column C's edge.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shippedProfile } from "../../src/core/profiles";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { templateWorkbook } from "../../src/core/template";
import { writeXlsx } from "../../src/xlsx/write";
import { describeUnless } from "../helpers/conditions";
import { ARTIFACTS_DIR, PRINT_UNAVAILABLE, printToPdf, type PrintedDocument } from "../helpers/pdf";

/** The page's first lines up to the instructions ("Hướng dẫn: …"), joined by spaces. */
function titleOf(page: string): string {
  const lines = page.split("\n").map((l) => l.trim());
  const first = lines.findIndex((l) => l !== "");
  const end = lines.findIndex((l) => l.startsWith("Hướng dẫn"));
  return lines
    .slice(first, end)
    .filter((l) => l !== "")
    .join(" ");
}

describeUnless(PRINT_UNAVAILABLE)("the template's title, printed", () => {
  let dir = "";
  const printed: PrintedDocument[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kl226-title-"));
    const cchc = shippedProfile("hcm-attp-cchc-2025")!;
    writeFileSync(join(dir, "mau-cchc.xlsx"), writeXlsx(templateWorkbook(cchc, {})));
    writeFileSync(join(dir, "mau-kl226.xlsx"), writeXlsx(templateWorkbook(DEFAULT_PROFILE, {})));
    printed.push(
      ...(await printToPdf(
        ["mau-cchc.xlsx", "mau-kl226.xlsx"].map((f) => join(dir, f)),
        join(ARTIFACTS_DIR, "printed-title"),
      )),
    );
  }, 200_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("CCHC-BC/2025's long title prints whole, its year too (it read “… HÀNH CHÍNH NĂM 202”)", () => {
    expect(titleOf(printed[0]!.pages[0]!)).toBe(
      "CCHC-BC/2025 · BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2025",
    );
  });

  test("KL226-BC/1's title prints whole on one line, as before", () => {
    const page = printed[1]!.pages[0]!;
    expect(titleOf(page)).toBe("KL226-BC/1 · BÁO CÁO KẾT QUẢ THỰC HIỆN KẾT LUẬN SỐ 226-KL/TW");
    expect(page.trimStart().split("\n")[1]?.trim().startsWith("Hướng dẫn")).toBe(true);
  });
});

describe("the template's Chỉ tiêu rows, as printed", () => {
  test.each([
    ["KL226-BC/1", DEFAULT_PROFILE],
    ["CCHC-BC/2025", shippedProfile("hcm-attp-cchc-2025")!],
  ])(
    "%s: every cell of a count row sits at its top, so a label on two lines has its figures on its first line",
    (_form, profile) => {
      const sheet = templateWorkbook(profile, {}).sheets.find((s) => s.name === "Chỉ tiêu")!;
      const countRows = sheet.rows.filter(
        (row) => typeof row[0]?.value === "string" && /^[A-Z][A-Z0-9_]+$/.test(row[0].value),
      );
      expect(countRows.length).toBeGreaterThan(8);
      for (const row of countRows) {
        const code = row[0]!.value as string;
        const placed = row.flatMap((cell, col) =>
          cell?.style === undefined ? [] : [`${code} ${col}: ${cell.style.vAlign ?? "bottom"}`],
        );
        expect(placed).toEqual(placed.map((p) => p.replace(/: \w+$/, ": top")));
      }
    },
  );
});
