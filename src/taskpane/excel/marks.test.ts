// Marking error cells fills them and adds our note; clearing restores exactly the previous fills and
// removes only our notes. Office objects: office-addin-mock via testing/fake-excel.ts.

import { finding, type Finding } from "../../core/findings";
import { FakeExcel } from "./testing/fake-excel";
import { MARKS_SETTING, MARK_FILL, clearErrorMarks, markErrorCells, markTargets } from "./marks";

function workbook() {
  const excel = new FakeExcel();
  const counts = excel.addSheet("Chỉ tiêu");
  counts.setFill("E5", "#FFFF00"); // the clerk's own highlight
  counts.setFill("F9", "#00B0F0"); // unrelated formatting
  counts.notes.set("E7", "Số liệu của phòng Kế hoạch"); // the clerk's own note
  excel.addSheet("Thông tin");
  excel.payload = 0;
  return { excel, counts };
}

const FINDINGS: Finding[] = [
  finding("BAD_VALUE", "error", "Chỉ tiêu", "E5", "Số âm (-5)."),
  finding("INCONSISTENT", "error", "Chỉ tiêu", "E5", "Lớn hơn tổng."),
  finding("MISSING_VALUE", "error", "Chỉ tiêu", "E6", "Chưa điền."),
  finding("BAD_VALUE", "error", "Chỉ tiêu", "E7", "Không phải số."),
  finding("COERCED", "warning", "Chỉ tiêu", "E8", "Số dạng chữ."),
  finding("NOT_TEMPLATE", "error", "Hội nghị", null, "Thiếu trang."),
];

test("one mark per error cell; warnings and findings without a cell are not marked", () => {
  const targets = markTargets(FINDINGS);
  expect(targets.map((t) => t.cell)).toEqual(["E5", "E6", "E7"]);
  expect(targets[0]!.text).toBe("KL226: Số âm (-5).\nLớn hơn tổng.");
});

test("marks fill the error cells and add notes; clearing restores exactly what was there", async () => {
  const { excel, counts } = workbook();
  const context = excel.context();

  expect(await markErrorCells(context, FINDINGS, "note")).toBe(3);
  expect(excel.syncs).toBe(4); // 1 (no earlier marks to clear) + 3
  for (const cell of ["E5", "E6", "E7"]) expect(counts.cell(cell)?.fill).toBe(MARK_FILL);
  expect(counts.cell("E8")?.fill ?? null).toBeNull();
  expect(counts.notes.get("E5")).toBe("KL226: Số âm (-5).\nLớn hơn tổng.");
  expect(counts.notes.get("E6")).toBe("KL226: Chưa điền.");
  expect(counts.notes.get("E7")).toBe("Số liệu của phòng Kế hoạch"); // not overwritten
  expect(JSON.parse(excel.settings.get(MARKS_SETTING)!)).toHaveLength(3);

  excel.syncs = 0;
  expect(await clearErrorMarks(context)).toBe(3);
  expect(excel.syncs).toBe(3);
  expect(counts.cell("E5")?.fill).toBe("#FFFF00");
  expect(counts.cell("E6")?.fill).toBeNull();
  expect(counts.cell("E7")?.fill).toBeNull();
  expect(counts.cell("F9")?.fill).toBe("#00B0F0");
  expect([...counts.notes.entries()]).toEqual([["E7", "Số liệu của phòng Kế hoạch"]]);
  expect(excel.settings.has(MARKS_SETTING)).toBe(false);
});

test("marking twice undoes the first marks first, so clearing still restores the original fill", async () => {
  const { excel, counts } = workbook();
  const context = excel.context();
  await markErrorCells(context, FINDINGS, "note");
  await markErrorCells(context, FINDINGS.slice(0, 1), "note");
  expect(counts.cell("E6")?.fill).toBeNull();
  expect(counts.notes.has("E6")).toBe(false);
  await clearErrorMarks(context);
  expect(counts.cell("E5")?.fill).toBe("#FFFF00");
  expect(counts.notes.has("E5")).toBe(false);
});

test("clearing with nothing recorded changes nothing (1 sync)", async () => {
  const { excel, counts } = workbook();
  expect(await clearErrorMarks(excel.context())).toBe(0);
  expect(excel.syncs).toBe(1);
  expect(counts.cell("E5")?.fill).toBe("#FFFF00");
});
