// A clerk's report whose text cells hold runs in old fonts (pasted from Word, or saved by a writer
// that puts rich text in the cell): what the old-encoding warning names and how the text is read.
import { withRichText } from "../../test/helpers/legacy-fonts";
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
