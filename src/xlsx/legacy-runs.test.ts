// A clerk's report whose text cells hold runs in old fonts (pasted from Word, or saved by a writer
// that puts rich text in the cell): what the old-encoding warning names and how the text is read.
import { withFont, withInlineRichText, withRichText } from "../../test/helpers/legacy-fonts";
import { reportBytes, type ReportData } from "../../test/helpers/report-builder";
import { inspectBytes } from "../app/inspect";
import { DEFAULT_PROFILE } from "../core/profile";

const BASE: ReportData = { unit: "SO_TU_PHAP", name: "Sở Tư pháp" };

describe("runs in two old fonts of one encoding", () => {
  test.each([
    [".VnTime", ".VnArial", "TCVN3", "Së T\u00ad ph¸p ", "uû ban", "Sở Tư pháp uỷ ban"],
    ["VNI-Times", "VNI-Helve", "VNI", "Sôû Tö phaùp ", "uûy ban", "Sở Tư pháp ủy ban"],
  ])("the warning names both fonts, %s and %s", (first, second, encoding, typedFirst, typedSecond, read) => {
    // Before, the two runs were taken as one part in the first font: the warning said
    // "(phông .VnTime)" and the clerk looking for that font in the cell found it only in half of it.
    const bytes = withRichText(reportBytes(BASE), "Thông tin", "C6", [
      { text: typedFirst, font: first },
      { text: typedSecond, font: second },
    ]);
    const r = inspectBytes(bytes, DEFAULT_PROFILE);
    expect(r.report?.unit.name).toBe(read);
    const legacy = r.findings.filter((f) => f.code === "LEGACY_TEXT");
    expect(legacy.map((f) => [f.sheet, f.cell])).toEqual([["Thông tin", "C6"]]);
    expect(legacy[0]!.message).toContain(
      `Ô này được gõ bằng bảng mã ${encoding} (phông ${first}, ${second}): “${typedFirst}${typedSecond}”, chương trình đã đọc là “${read}”.`,
    );
  });
});

describe("inline rich text (<is><r>…), as some writers save it", () => {
  const inline = (runs: Parameters<typeof withInlineRichText>[3]) =>
    withInlineRichText(reportBytes(BASE), "Thông tin", "C6", runs);
  const legacyWarnings = (bytes: Uint8Array) => {
    const r = inspectBytes(bytes, DEFAULT_PROFILE);
    const legacy = r.findings.filter((f) => f.code === "LEGACY_TEXT");
    return { name: r.report?.unit.name, legacy: legacy.map((f) => [f.cell, f.message.split(". ")[0]]) };
  };

  test("runs without a font of their own in a .VnTimeH cell are read in its font, in capitals, and named", () => {
    const bytes = withFont(inline([{ text: "uû ban " }, { text: "nh©n d©n" }]), ".VnTimeH", {
      "Thông tin": ["C6"],
    });
    expect(legacyWarnings(bytes)).toEqual({
      name: "UỶ BAN NHÂN DÂN",
      legacy: [
        [
          "C6",
          "Ô này được gõ bằng bảng mã TCVN3 (phông .VnTimeH): “uû ban nh©n d©n”, chương trình đã đọc là “UỶ BAN NHÂN DÂN”",
        ],
      ],
    });
  });

  test("in a .VnTime cell, a run in Times New Roman is Unicode and the run in the cell's font is read by it", () => {
    // Before, the whole cell was taken as .VnTime: "Sở" in it said the workbook's .VnTime held
    // Unicode, its font then decided nothing, and the name stayed “Sở T­ ph¸p” without a word.
    const bytes = withFont(
      inline([{ text: "Sở ", font: "Times New Roman" }, { text: "T\u00ad ph¸p" }]),
      ".VnTime",
      { "Thông tin": ["C6"] },
    );
    expect(legacyWarnings(bytes)).toEqual({
      name: "Sở Tư pháp",
      legacy: [
        [
          "C6",
          "Ô này được gõ bằng bảng mã TCVN3 (phông .VnTime): “Sở T\u00ad ph¸p”, chương trình đã đọc là “Sở Tư pháp”",
        ],
      ],
    });
  });

  test("runs in .VnArial in a Times New Roman cell are named by their font", () => {
    // Before, the runs' fonts were not read: the text was read by its letters alone and the warning
    // named the usual font, .VnTime, which the clerk's cell does not use.
    const bytes = inline([
      { text: "Ghi chú: ", font: "Times New Roman" },
      { text: "Së T\u00ad ph¸p", font: ".VnArial" },
    ]);
    expect(legacyWarnings(bytes)).toEqual({
      name: "Ghi chú: Sở Tư pháp",
      legacy: [
        [
          "C6",
          "Ô này được gõ bằng bảng mã TCVN3 (phông .VnArial): “Ghi chú: Së T\u00ad ph¸p”, chương trình đã đọc là “Ghi chú: Sở Tư pháp”",
        ],
      ],
    });
  });
});
