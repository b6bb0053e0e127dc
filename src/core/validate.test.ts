// Every defect class of SPEC §3–§4, each on a workbook built from the real template with the
// one cell the test is about changed, read back through the real reader.
import {
  cchcUnit,
  GOOD_COUNTS,
  reportBytes,
  reportSpec,
  type Edit,
  type ReportData,
} from "../../test/helpers/report-builder";
import { withFont, withRichText } from "../../test/helpers/legacy-fonts";
import { inspectBytes } from "../app/inspect";
import { writeXlsx } from "../xlsx/write";
import { consolidate } from "./consolidate";
import { DEFAULT_PROFILE, type Profile } from "./profile";
import { templateTasks, templateWorkbook } from "./template";
import { shippedProfile } from "./profiles";
import { summaryWorkbook } from "./summary";
import { finding, type Finding } from "./findings";
import { shownFindings } from "./finding-order";
import { isUnlikelyReportDate } from "./report-dates";

const BASE: ReportData = { unit: "SO_NOI_VU", name: "Sở Nội vụ" };

function check(data: Partial<ReportData> = {}, edits: Edit[] = []) {
  return inspectBytes(reportBytes({ ...BASE, ...data }, edits), DEFAULT_PROFILE);
}

const only = (findings: readonly Finding[]) => findings.map((f) => [f.code, f.severity, f.sheet, f.cell]);

/** The report made with `edits`, its sheet `hidden` hidden (as Excel's Hide does). */
function withHiddenSheet(edits: Edit[], hidden: string): Uint8Array {
  const spec = reportSpec(BASE, edits);
  return writeXlsx({
    ...spec,
    sheets: spec.sheets.map((sh) => (sh.name === hidden ? { ...sh, hidden: true } : sh)),
  });
}

test("a filled template validates clean and yields the report", () => {
  const r = check();
  expect(r.findings).toEqual([]);
  expect(r.valid).toBe(true);
  expect(r.report?.unit).toEqual({
    code: "SO_NOI_VU",
    name: "Sở Nội vụ",
    type: "Sở, ban, ngành",
    typeId: "SO_NGANH",
  });
  expect(r.report?.period).toEqual({ kind: "6T", year: 2026 });
  expect(r.report?.reportDate).toEqual({ year: 2026, month: 6, day: 5 });
  expect(r.report?.values.HN_TONG).toEqual({ previous: 100, current: 90 });
  expect(r.report?.tasks).toHaveLength(12);
  expect(r.report?.tasks[3]?.deadline).toEqual({ year: 2026, month: 12, day: 31 });
});

test("a unit code typed in words is BAD_VALUE offering the code its words spell; words that spell none are told the rule only", () => {
  const words = check({ unit: "so nong nghiep mt", name: "Sở Nông nghiệp và Môi trường" });
  expect(only(words.findings)).toEqual([["BAD_VALUE", "error", "Thông tin", "C5"]]);
  expect(words.findings[0]!.message).toBe(
    "Mã đơn vị “so nong nghiep mt” không hợp lệ. Dùng 2–32 ký tự gồm chữ không dấu A–Z, số 0–9 và _ . - (ví dụ SO_NOI_VU, XA_TAN_AN). Nếu mã đơn vị được cấp là SO_NONG_NGHIEP_MT, sửa ô Mã đơn vị thành SO_NONG_NGHIEP_MT (viết liền, chữ in hoa không dấu, các từ nối bằng “_”).",
  );
  expect(words.unit).toBeNull();
  expect(check({ unit: "Sở Nội vụ" }).findings[0]!.message).toContain(
    "Nếu mã đơn vị được cấp là SO_NOI_VU, sửa ô Mã đơn vị thành SO_NOI_VU",
  );
  expect(check({ unit: "SỞ/NỘI/VỤ" }).findings[0]!.message).toBe(
    "Mã đơn vị “SỞ/NỘI/VỤ” không hợp lệ. Dùng 2–32 ký tự gồm chữ không dấu A–Z, số 0–9 và _ . - (ví dụ SO_NOI_VU, XA_TAN_AN).",
  );
});

describe("NOT_TEMPLATE", () => {
  test.each(["Thông tin", "Chỉ tiêu", "Nhiệm vụ"])("missing sheet %s", (sheet) => {
    const r = check({}, [{ op: "removeSheet", sheet }]);
    expect(r.valid).toBe(false);
    expect(r.findings).toContainEqual(
      expect.objectContaining({ code: "NOT_TEMPLATE", severity: "error", sheet, cell: null }),
    );
  });
  test("a KL226 summary put among the reports is told as such, in one finding, not as a report missing sheets", () => {
    const summary = summaryWorkbook(
      consolidate([{ file: "a.xlsx", sha256: "x", result: check() }], { profile: DEFAULT_PROFILE }),
      DEFAULT_PROFILE,
    );
    const r = inspectBytes(writeXlsx(summary), DEFAULT_PROFILE);
    expect(r.valid).toBe(false);
    expect(r.findings).toEqual([
      {
        code: "NOT_TEMPLATE",
        severity: "error",
        sheet: null,
        cell: null,
        message:
          "Tệp này là bảng tổng hợp do KL226 lập (có trang “Tổng hợp” và “Nguồn”), không phải báo cáo của một đơn vị theo mẫu KL226-BC/1. Nơi tổng hợp: để bảng tổng hợp ngoài thư mục các báo cáo. Đơn vị gửi báo cáo: gửi báo cáo theo mẫu KL226-BC/1; đơn vị tổng hợp từ các đơn vị trực thuộc thì gửi “báo cáo gửi cấp trên” (lệnh kl226 consolidate … --rollup, hoặc nút Tải báo cáo gửi cấp trên), không gửi bảng tổng hợp.",
      },
    ]);
  });
  describe("Chỉ tiêu's columns moved: no figure read from the wrong column", () => {
    const COUNT_ROWS = Array.from({ length: 13 }, (_, i) => i + 5); // the template's 13 counts, rows 5–17
    const moved = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.sheet === "Chỉ tiêu");
    test("a plan column inserted between D and E and filled: rejected once, at the header that moved", () => {
      const r = check({}, [
        { op: "insertColumn", sheet: "Chỉ tiêu", before: "E" },
        { op: "set", sheet: "Chỉ tiêu", cell: "E4", value: "Kế hoạch năm 2026" },
        ...COUNT_ROWS.map((row) => ({ op: "set" as const, sheet: "Chỉ tiêu", cell: `E${row}`, value: 7 })),
      ]);
      expect(r.valid).toBe(false);
      expect(r.report).toBeNull();
      // One error, no "chưa điền" on the cells she filled; the title merged over one more column says nothing.
      expect(moved(r)).toEqual([
        {
          code: "NOT_TEMPLATE",
          severity: "error",
          sheet: "Chỉ tiêu",
          cell: "F4",
          message:
            "Trang “Chỉ tiêu” bị lệch cột so với mẫu: cột “Kỳ này” đang ở cột F (mẫu: cột E). Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc số liệu của trang này (đọc theo vị trí sẽ lấy nhầm số). Hãy đưa về đúng mẫu: cột D số liệu cùng kỳ năm trước, cột E số liệu kỳ này, xóa cột đã chèn (nhấp chuột phải vào tên cột → Xóa), lưu rồi gửi lại.",
        },
      ]);
    });
    test("last year and this period swapped in a re-typed sheet, every cell filled: rejected, both named", () => {
      const r = check({}, [
        { op: "set", sheet: "Chỉ tiêu", cell: "D4", value: "Kỳ này" },
        { op: "set", sheet: "Chỉ tiêu", cell: "E4", value: "Cùng kỳ năm trước" },
        ...COUNT_ROWS.map((row) => ({ op: "set" as const, sheet: "Chỉ tiêu", cell: `D${row}`, value: 5 })),
      ]);
      expect(only(moved(r))).toEqual([["NOT_TEMPLATE", "error", "Chỉ tiêu", "E4"]]);
      expect(moved(r)[0]?.message).toContain(
        "cột “Cùng kỳ năm trước” đang ở cột E (mẫu: cột D), cột “Kỳ này” đang ở cột D (mẫu: cột E)",
      );
    });
    test("column C deleted: both count columns one to the left", () => {
      const r = check({}, [{ op: "deleteColumn", sheet: "Chỉ tiêu", column: "C" }]);
      expect(only(moved(r))).toEqual([["NOT_TEMPLATE", "error", "Chỉ tiêu", "C4"]]);
      expect(moved(r)[0]?.message).toContain(
        "đang ở cột C (mẫu: cột D), cột “Kỳ này” đang ở cột D (mẫu: cột E)",
      );
    });
    test("headers renamed, blank, in capitals or NFD where the template has them: read as before", () => {
      for (const [d, e] of [
        ["Năm 2025", "6 tháng đầu năm 2026"],
        [null, null],
        ["CÙNG KỲ NĂM TRƯỚC", "KỲ NÀY"],
        ["Cùng kỳ năm trước".normalize("NFD"), "Kỳ này (6 tháng)".normalize("NFD")],
      ]) {
        const r = check({}, [
          { op: "set", sheet: "Chỉ tiêu", cell: "D4", value: d ?? null },
          { op: "set", sheet: "Chỉ tiêu", cell: "E4", value: e ?? null },
        ]);
        expect(r.findings).toEqual([]);
        expect(r.report?.values.HN_TONG).toEqual({ previous: 100, current: 90 });
      }
      // A clerk's own columns that compare (G, H) beside D and E renamed to the periods: not moved.
      for (const [d, e, g] of [
        ["6 tháng đầu năm 2025", "6 tháng đầu năm 2026", "So sánh cùng kỳ (%)"],
        ["Năm 2025", "Kỳ này", "Ghi chú (so với năm trước)"],
        ["Cùng kỳ năm trước", "6 tháng đầu năm 2026", "Kỳ này so với kế hoạch (%)"],
        ["Năm 2025", "Năm 2026", "Tăng/giảm so với cùng kỳ"],
      ]) {
        const r = check({}, [
          { op: "set", sheet: "Chỉ tiêu", cell: "D4", value: d ?? null },
          { op: "set", sheet: "Chỉ tiêu", cell: "E4", value: e ?? null },
          { op: "set", sheet: "Chỉ tiêu", cell: "G4", value: g ?? null },
        ]);
        expect(r.findings).toEqual([]);
      }
      // The name column's header may speak of last year; only C onwards holds figures.
      const named = check({}, [
        { op: "set", sheet: "Chỉ tiêu", cell: "B4", value: "Chỉ tiêu (so với cùng kỳ năm trước)" },
        { op: "set", sheet: "Chỉ tiêu", cell: "D4", value: "Năm 2025" },
      ]);
      expect(named.findings).toEqual([]);
    });
  });
  test("a sheet renamed without its marks is named, with how to rename it back", () => {
    const r = check({}, [{ op: "renameSheet", sheet: "Chỉ tiêu", to: "Chi tieu" }]);
    expect(r.valid).toBe(false);
    expect(r.findings).toContainEqual({
      code: "NOT_TEMPLATE",
      severity: "error",
      sheet: "Chỉ tiêu",
      cell: null,
      message:
        "Không có trang tính “Chỉ tiêu” mà có trang “Chi tieu”: có lẽ tên trang đã bị sửa. Đổi tên trang “Chi tieu” thành đúng “Chỉ tiêu” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.",
    });
  });
  test("a sheet whose name was lengthened (“Chỉ tiêu 6 tháng”) is named too: renaming it back is the fix, not a new template", () => {
    const r = check({}, [{ op: "renameSheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu 6 tháng" }]);
    expect(r.findings.find((f) => f.code === "NOT_TEMPLATE")?.message).toBe(
      "Không có trang tính “Chỉ tiêu” mà có trang “Chỉ tiêu 6 tháng”: có lẽ tên trang đã bị sửa. Đổi tên trang “Chỉ tiêu 6 tháng” thành đúng “Chỉ tiêu” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.",
    );
  });
  test("a copy beside a lengthened sheet: both named, not the copy alone (renaming it would have the copy's figures read)", () => {
    const r = check({}, [
      { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu (2)" },
      { op: "set", sheet: "Chỉ tiêu (2)", cell: "E5", value: 77 },
      { op: "renameSheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu 6 tháng" },
    ]);
    expect(r.findings.find((f) => f.code === "NOT_TEMPLATE")?.message).toBe(
      "Không có trang tính “Chỉ tiêu” mà có các trang “Chỉ tiêu 6 tháng”, “Chỉ tiêu (2)”: có lẽ một trong số đó là trang “Chỉ tiêu” đã bị sửa tên. Giữ lại trang có số liệu đúng, đổi tên trang đó thành đúng “Chỉ tiêu” (nhấp đúp vào tên trang ở dưới cùng), xóa (các) trang kia, lưu rồi gửi lại.",
    );
  });
  test("a renamed sheet that is hidden: unhide it first (a hidden tab cannot be double-clicked)", () => {
    const bytes = withHiddenSheet([{ op: "renameSheet", sheet: "Chỉ tiêu", to: "Chi tieu" }], "Chi tieu");
    expect(
      inspectBytes(bytes, DEFAULT_PROFILE).findings.find((f) => f.code === "NOT_TEMPLATE")?.message,
    ).toBe(
      "Không có trang tính “Chỉ tiêu” mà có trang “Chi tieu” (đang bị ẩn): có lẽ tên trang đã bị sửa. Trước hết bỏ ẩn trang “Chi tieu” (nhấp chuột phải vào tên một trang → Bỏ ẩn). Đổi tên trang “Chi tieu” thành đúng “Chỉ tiêu” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.",
    );
  });
  test("a blank sheet of the clerk's own (“Nhiệm vụ khác”) beside a deleted “Nhiệm vụ” is not named as it renamed", () => {
    const spec = reportSpec(BASE, [{ op: "removeSheet", sheet: "Nhiệm vụ" }]);
    const blank = inspectBytes(
      writeXlsx({
        ...spec,
        sheets: [...spec.sheets, { name: "Nhiệm vụ khác", rows: [[null, { value: " " }]] }],
      }),
      DEFAULT_PROFILE,
    );
    expect(blank.findings.find((f) => f.code === "NOT_TEMPLATE")?.message).toBe(
      "Thiếu trang tính “Nhiệm vụ”: tệp không theo mẫu KL226-BC/1. Hãy tải mẫu mới (lệnh “kl226 template” hoặc nút Mẫu báo cáo) và chép số liệu sang.",
    );
    // The same sheet with the tasks in it is the renamed one.
    const filled = check({}, [{ op: "renameSheet", sheet: "Nhiệm vụ", to: "Nhiệm vụ khác" }]);
    expect(filled.findings.find((f) => f.code === "NOT_TEMPLATE")?.message).toMatch(
      /^Không có trang tính “Nhiệm vụ” mà có trang “Nhiệm vụ khác”: có lẽ tên trang đã bị sửa\./,
    );
  });
  test("a renamed meeting log is a warning that it was not compared, with how to rename it; the report stays valid", () => {
    const r = check({}, [{ op: "renameSheet", sheet: "Hội nghị", to: "Hoi nghi" }]);
    expect(r.valid).toBe(true);
    expect(r.findings).toEqual([
      {
        code: "LOG_MISMATCH",
        severity: "warning",
        sheet: "Hoi nghi",
        cell: null,
        message:
          "Không có trang tính “Hội nghị” mà có trang “Hoi nghi”: có lẽ tên trang đã bị sửa, nên danh sách hội nghị chưa được đối chiếu với số hội nghị ở trang “Chỉ tiêu”. Đổi tên trang “Hoi nghi” thành đúng “Hội nghị” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.",
      },
    ]);
    // A log deleted outright is the optional sheet left out (SPEC §3): nothing to say.
    expect(check({}, [{ op: "removeSheet", sheet: "Hội nghị" }]).findings).toEqual([]);
  });
  test("a copy of a template sheet with other figures is an error naming them: only the original is read", () => {
    // The clerk copied "Chỉ tiêu" (Excel names it "Chỉ tiêu (2)"), typed 77 in the copy's E5 (the
    // original has 90) and emptied the original's E6 (the copy keeps 60).
    const r = check({}, [
      { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu (2)" },
      { op: "set", sheet: "Chỉ tiêu (2)", cell: "E5", value: 77 },
      { op: "set", sheet: "Chỉ tiêu", cell: "E6", value: null },
    ]);
    expect(only(r.findings)).toEqual([
      ["COPIED_SHEET", "error", "Chỉ tiêu (2)", "E5"],
      ["MISSING_VALUE", "error", "Chỉ tiêu", "E6"],
    ]);
    expect(r.findings[0]?.message).toBe(
      "Sổ có trang “Chỉ tiêu (2)”, bản sao của trang “Chỉ tiêu”, nhưng số liệu khác nhau (ô E5: “77” ở bản sao, “90” ở trang gốc; ô E6: “60” ở bản sao, trống ở trang gốc). Chương trình chỉ đọc trang “Chỉ tiêu”, nên chưa biết số liệu nào là đúng. Giữ lại một trang có số liệu đúng, đặt tên trang đó là “Chỉ tiêu”, xóa trang còn lại (nhấp chuột phải vào tên trang → Xóa), lưu rồi gửi lại.",
    );
  });
  test("an identical copy is a warning; LibreOffice's and Google Sheets' copy names; a hidden original is said", () => {
    // LibreOffice's and Google Sheets' names for a copy; a valid report stays valid, with the warning.
    for (const to of ["Thông tin_2", "Bản sao của Nhiệm vụ", "Copy of Hoi nghi"]) {
      const sheet = { "Thông tin_2": "Thông tin", "Bản sao của Nhiệm vụ": "Nhiệm vụ" }[to] ?? "Hội nghị";
      const copied = check({}, [{ op: "copySheet", sheet, to }]);
      expect(copied.valid).toBe(true);
      expect(only(copied.findings)).toEqual([["COPIED_SHEET", "warning", to, null]]);
    }
    const hidden = withHiddenSheet([{ op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu (2)" }], "Chỉ tiêu");
    expect(inspectBytes(hidden, DEFAULT_PROFILE).findings.map((f) => f.message)).toEqual([
      "Sổ có trang “Chỉ tiêu (2)”, bản sao của trang “Chỉ tiêu”, cùng số liệu. Chương trình chỉ đọc trang “Chỉ tiêu”, trang này đang bị ẩn (nhấp chuột phải vào tên một trang → Bỏ ẩn để thấy “Chỉ tiêu”). Nên xóa trang “Chỉ tiêu (2)” (nhấp chuột phải vào tên trang ở dưới cùng → Xóa) để khỏi nhầm khi sửa số liệu.",
    ]);
    // A hidden copy with other figures: the clerk is told it is hidden (one cannot delete a sheet one does not see).
    const hiddenCopy = withHiddenSheet(
      [
        { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu (2)" },
        { op: "set", sheet: "Chỉ tiêu (2)", cell: "E5", value: 77 },
      ],
      "Chỉ tiêu (2)",
    );
    expect(inspectBytes(hiddenCopy, DEFAULT_PROFILE).findings[0]?.message).toMatch(
      /^Sổ có trang “Chỉ tiêu \(2\)” \(trang này đang bị ẩn: nhấp chuột phải vào tên một trang → Bỏ ẩn để thấy nó\), bản sao của trang “Chỉ tiêu”, nhưng số liệu khác nhau/,
    );
    // A sheet of the clerk's own ("Ghi chú (2)") is no copy of the template's.
    expect(check({}, [{ op: "copySheet", sheet: "Chỉ tiêu", to: "Ghi chú (2)" }]).findings).toEqual([]);
  });
  test("a hidden “Chỉ tiêu” beside a shown “Chỉ tiêu ” (a space after) with other figures: an error, not the hidden figures counted", () => {
    // A file that shows 90 in E5 when opened but holds 99999 in the sheet read.
    const bytes = withHiddenSheet(
      [
        { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu " },
        { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: 99999 },
      ],
      "Chỉ tiêu",
    );
    const r = inspectBytes(bytes, DEFAULT_PROFILE);
    expect(r.valid).toBe(false);
    expect(r.findings.find((f) => f.code === "COPIED_SHEET")).toMatchObject({
      severity: "error",
      sheet: "Chỉ tiêu ",
      cell: "E5",
    });
    expect(r.findings.find((f) => f.code === "COPIED_SHEET")?.message).toContain(
      "(ô E5: “90” ở bản sao, “99999” ở trang gốc). Chương trình chỉ đọc trang “Chỉ tiêu”, trang này đang bị ẩn",
    );
    // The same twin with the same figures is only a warning.
    const same = reportSpec(BASE, [{ op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu " }]);
    const twin = inspectBytes(writeXlsx(same), DEFAULT_PROFILE);
    expect(twin.valid).toBe(true);
    expect(only(twin.findings)).toEqual([["COPIED_SHEET", "warning", "Chỉ tiêu ", null]]);
  });
  test("a hidden “Chỉ tiêu” beside a shown look-alike the template does not have (“Chỉ tiêu.”): an error; hidden alone, a warning", () => {
    const r = inspectBytes(
      withHiddenSheet(
        [
          { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu." },
          { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: 77777 },
        ],
        "Chỉ tiêu",
      ),
      DEFAULT_PROFILE,
    );
    expect(r.valid).toBe(false);
    expect(r.findings.find((f) => f.code === "HIDDEN_SHEET")).toMatchObject({
      severity: "error",
      sheet: "Chỉ tiêu",
    });
    expect(r.findings.find((f) => f.code === "HIDDEN_SHEET")?.message).toBe(
      "Trang “Chỉ tiêu” đang bị ẩn: chương trình đọc số liệu ở trang này, dù khi mở tệp không thấy nó. Trang đang thấy “Chỉ tiêu.” không phải trang của mẫu, nên chưa biết số liệu nào là của đơn vị. Bỏ ẩn trang “Chỉ tiêu” (nhấp chuột phải vào tên một trang → Bỏ ẩn; nếu không bỏ ẩn được, lập lại báo cáo từ mẫu), kiểm tra số liệu, xóa trang thừa, lưu rồi gửi lại.",
    );
    // Hidden with nothing else shown: the figures are the unit's, the clerk is asked to unhide.
    const warned = inspectBytes(withHiddenSheet([], "Chỉ tiêu"), DEFAULT_PROFILE);
    expect(warned.valid).toBe(true);
    expect(only(warned.findings)).toEqual([["HIDDEN_SHEET", "warning", "Chỉ tiêu", null]]);
    // No other sheet is shown, so no "xóa trang thừa": there is none to delete.
    expect(warned.findings[0]!.message).toBe(
      "Trang “Chỉ tiêu” đang bị ẩn: chương trình đọc số liệu ở trang này, dù khi mở tệp không thấy nó. Bỏ ẩn trang “Chỉ tiêu” (nhấp chuột phải vào tên một trang → Bỏ ẩn; nếu không bỏ ẩn được, lập lại báo cáo từ mẫu), kiểm tra số liệu, lưu rồi gửi lại.",
    );
  });
  test("only the copy left (the original deleted): rename the copy back", () => {
    const r = check({}, [
      { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu (2)" },
      { op: "removeSheet", sheet: "Chỉ tiêu" },
    ]);
    expect(r.findings).toEqual([
      {
        code: "NOT_TEMPLATE",
        severity: "error",
        sheet: "Chỉ tiêu",
        cell: null,
        message:
          "Không có trang tính “Chỉ tiêu” mà có trang “Chỉ tiêu (2)”: có lẽ tên trang đã bị sửa. Đổi tên trang “Chỉ tiêu (2)” thành đúng “Chỉ tiêu” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.",
      },
    ]);
  });
  test("the optional Hội nghị sheet may be missing", () => {
    expect(check({}, [{ op: "removeSheet", sheet: "Hội nghị" }]).valid).toBe(true);
  });
  test("sheet names match case-insensitively, trimmed, in NFD", () => {
    const r = check({}, [
      { op: "renameSheet", sheet: "Thông tin", to: " THÔNG TIN ".normalize("NFD") },
      { op: "renameSheet", sheet: "Chỉ tiêu", to: "chỉ tiêu".normalize("NFD") },
    ]);
    expect(r.findings).toEqual([]);
  });
});

test("counts as clerks without Excel send them: a word for none, 1.234 on a dot-decimal machine, a formula's rounding", () => {
  // "không" (none): told to type 0.
  const none = check({ counts: { HN_VUOT_THOI_LUONG: [null, "không"] } });
  expect(only(none.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E7"]]);
  expect(none.findings[0]?.message).toBe(
    "Số liệu “Số hội nghị vượt thời lượng quy định” (cột E, kỳ này) ghi “không” thay cho số. Nếu không có, ghi số 0; nếu có, ghi số lượng (chỉ ghi số, không ghi chữ hay đơn vị).",
  );
  // 1.234 typed where the decimal mark is the dot: stored as 1,234; the digits she meant are offered.
  const dotted = check({ counts: { VB_HANH_CHINH: [1500, 1.234] } });
  expect(dotted.findings.map((f) => f.message)).toContainEqual(
    expect.stringContaining(
      "có phần thập phân (1,234). Đây là số đếm: nhập số nguyên, ví dụ 34; nếu là 1234, gõ 1234",
    ),
  );
  // A formula Excel shows as 21 and saved as 20.999999999999996: read as 21, with a warning saying so.
  const rounded = check({}, [
    { op: "set", sheet: "Chỉ tiêu", cell: "E6", value: { formula: "E5*0.6", cached: 20.999999999999996 } },
    { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: 35 },
  ]);
  expect(rounded.valid).toBe(true);
  expect(rounded.report?.values.HN_TRUC_TUYEN?.current).toBe(21);
  expect(rounded.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
    [
      "COERCED",
      "E6",
      "Số liệu “Trong đó: hội nghị, cuộc họp trực tuyến (kể cả kết hợp)” (cột E, kỳ này) là kết quả công thức 20,999999999999996, lệch rất nhỏ so với số nguyên do máy tính làm tròn (Excel vẫn hiện 21); đã hiểu là 21. Nên bọc công thức trong hàm ROUND, ví dụ =ROUND(E5*0,6;0), hoặc nhập số.",
    ],
  ]);
});

test("an optional row deleted is said (its indicator not judged), the report stays valid", () => {
  // Row 16 is CC_KY_NANG_SO (digital skills), optional.
  const r = check({}, [{ op: "deleteRow", sheet: "Chỉ tiêu", row: 16 }]);
  expect(r.valid).toBe(true);
  expect(r.findings).toEqual([
    {
      code: "MISSING_FIELD",
      severity: "warning",
      sheet: "Chỉ tiêu",
      cell: null,
      message:
        "Không thấy dòng có mã CC_KY_NANG_SO (Trong đó: được bồi dưỡng kỹ năng số) ở cột A của trang “Chỉ tiêu”: có lẽ dòng đã bị xóa. Số liệu này không được tổng hợp và chỉ tiêu “CBCCVC được bồi dưỡng kỹ năng số” của đơn vị không đánh giá được. Nếu đơn vị có số liệu, chép lại dòng này từ mẫu (cột A giữ đúng mã) rồi nhập số.",
    },
  ]);
  expect(r.report?.values.CC_KY_NANG_SO).toEqual({ previous: null, current: null });
});

test("a count typed with a thousands comma is asked about, with the digits to type", () => {
  const r = check({ counts: { HN_TONG: [100, "1,234"] } });
  expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E5"]]);
  expect(r.findings[0]?.message).toBe(
    "Số liệu “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này) là “1,234”: trong cách viết số của Việt Nam, dấu phẩy ngăn phần thập phân, nên chưa rõ ý. Đây là số đếm: nếu là 1234, gõ 1234 (không có dấu phân cách).",
  );
});

test("a part larger than a whole typed '1,200' is said at once, since it is too large whichever way the whole is read", () => {
  // 1,200 is 1200 or 1,2: 1250 online meetings exceed both. (It was said only once the whole was retyped.)
  const over = check({ counts: { HN_TONG: [100, "1,200"], HN_TRUC_TUYEN: [50, 1250] } });
  expect(only(over.findings)).toEqual([
    ["BAD_VALUE", "error", "Chỉ tiêu", "E5"],
    ["INCONSISTENT", "error", "Chỉ tiêu", "E6"],
  ]);
  expect(over.findings[1]?.message).toContain(
    "(1.250) lớn hơn “Tổng số hội nghị, cuộc họp đã tổ chức” (1.200)",
  );
  // 1100 fits 1200: nothing more than the comma to ask about.
  const under = check({ counts: { HN_TONG: [100, "1,200"], HN_TRUC_TUYEN: [50, 1100] } });
  expect(only(under.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E5"]]);
  // The part typed so ("1,250" is 1250 or 1,25) may fit its whole: not said.
  const part = check({ counts: { HN_TONG: [100, 1200], HN_TRUC_TUYEN: [50, "1,250"] } });
  expect(only(part.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E6"]]);
});

test('"5/1" typed in a count cell, which Excel turns into a date, is refused with what happened, not read as 46027', () => {
  const r = check({}, [
    {
      op: "set",
      sheet: "Chỉ tiêu",
      cell: "E14",
      value: { date: { year: 2026, month: 1, day: 5 } },
      numFmt: "d/m",
    },
  ]);
  expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E14"]]);
  expect(r.findings[0]?.message).toBe(
    "Số liệu “Trong đó: gửi, nhận dưới dạng điện tử” (cột E, kỳ này) là một ngày (05/01/2026): ô có định dạng ngày tháng, nên số gõ vào đã thành ngày. Đổi định dạng ô thành Số (chuột phải → Định dạng ô → Số) rồi nhập số lượng, số nguyên, ví dụ 34.",
  );
});

test("a date where a rate goes (“9/5” typed becomes 9 May) is told it is a date, not a rate over 100%", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const r = inspectBytes(
    reportBytes(
      cchcUnit("P_A"),
      [
        {
          op: "set",
          sheet: "Chỉ tiêu",
          cell: "E20",
          value: { date: { year: 2026, month: 5, day: 9 } },
          numFmt: "d/m",
        },
      ],
      cchc,
    ),
    cchc,
  );
  expect(r.findings.filter((f) => f.cell === "E20").map((f) => [f.code, f.message])).toEqual([
    [
      "BAD_VALUE",
      "“Mức độ hài lòng của cá nhân, tổ chức về giải quyết TTHC (%)” (cột E, kỳ này) là một ngày (09/05/2026): ô có định dạng ngày tháng, nên số gõ vào đã thành ngày. Đổi định dạng ô thành Số (chuột phải → Định dạng ô → Số) rồi nhập tỷ lệ từ 0 đến 100, ví dụ 96,5.",
    ],
  ]);
});

test('a percentage typed in a count cell is told it is a rate, not a count, as text ("60%") or as a number formatted as a percentage', () => {
  const typed = check({ counts: { HN_TRUC_TUYEN: [50, "60%"] } });
  expect(only(typed.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E6"]]);
  expect(typed.findings[0]?.message).toBe(
    "Số liệu “Trong đó: hội nghị, cuộc họp trực tuyến (kể cả kết hợp)” (cột E, kỳ này) là tỷ lệ (“60%”), không phải số đếm. Nhập số lượng (số nguyên), ví dụ 34; tỷ lệ do chương trình tự tính từ các số đếm.",
  );
  // "100%" typed in Excel: 1 in a cell formatted as a percentage (read as 1 without a word before).
  const formatted = check({}, [{ op: "set", sheet: "Chỉ tiêu", cell: "E14", value: 1, numFmt: "0%" }]);
  expect(only(formatted.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E14"]]);
  expect(formatted.findings[0]?.message).toBe(
    "Số liệu “Trong đó: gửi, nhận dưới dạng điện tử” (cột E, kỳ này) là 100%: ô có định dạng phần trăm, nên đây là một tỷ lệ, không phải số đếm (tỷ lệ do chương trình tự tính). Đổi định dạng ô thành Số (chuột phải → Định dạng ô → Số) rồi nhập số lượng, số nguyên, ví dụ 34.",
  );
  expect(
    check({}, [{ op: "set", sheet: "Chỉ tiêu", cell: "E6", value: 0.6, numFmt: "0.0%" }]).findings[0]
      ?.message,
  ).toMatch(/là 60%: ô có định dạng phần trăm/);
  // A fraction that is no percentage keeps the short message.
  expect(check({ counts: { HN_TRUC_TUYEN: [50, 12.5] } }).findings[0]?.message).toMatch(
    /có phần thập phân \(12,5\)\. Đây là số đếm/,
  );
});

test("a period typed with its year or a leading zero is understood, with a COERCED warning at C8", () => {
  const read = (typed: string) => {
    const r = check({}, [{ op: "set", sheet: "Thông tin", cell: "C8", value: typed }]);
    return [r.period, ...r.findings.map((f) => `${f.code} ${f.cell} ${f.message}`)];
  };
  expect(read("06 tháng")).toEqual([
    "6T",
    "COERCED C8 Kỳ báo cáo ghi “06 tháng”; đã hiểu là “6 tháng”. Nên chọn từ danh sách của ô (năm ghi ở ô Năm).",
  ]);
  expect(read("6 tháng năm 2026")[0]).toBe("6T");
  expect(read("Quý II/2026")).toEqual([
    null,
    "BAD_VALUE C8 Kỳ báo cáo “Quý II/2026” không hợp lệ. Chọn một trong: “6 tháng”; “Năm”.",
  ]);
  expect(read("Năm 2026")[0]).toBe("NAM");
  expect(read("2026")[0]).toBeNull();
  // A year in the text that is not the Năm cell's (2026): which year is meant cannot be told.
  expect(read("6 tháng/2025")).toEqual([
    null,
    "BAD_VALUE C8 Kỳ báo cáo ghi “6 tháng/2025” nhưng ô Năm ghi 2026: chưa rõ báo cáo của năm nào. Chọn “6 tháng” từ danh sách ở ô này và ghi đúng năm của kỳ báo cáo ở ô Năm.",
  ]);
});

describe("Thông tin", () => {
  test("a date typed in the Năm cell is quoted as the date the clerk sees, not its serial", () => {
    // As Excel keeps it: the cell takes a date format when a date is typed into it.
    const spec = reportSpec(BASE);
    const sheets = spec.sheets.map((sh) =>
      sh.name !== "Thông tin"
        ? sh
        : {
            ...sh,
            rows: sh.rows.map((row, i) =>
              i !== 8
                ? row
                : row.map((c, j) =>
                    j !== 2
                      ? c
                      : {
                          value: { date: { year: 2026, month: 6, day: 5 } },
                          style: { numFmt: "dd/mm/yyyy" },
                        },
                  ),
            ),
          },
    );
    const r = inspectBytes(writeXlsx({ ...spec, sheets }), DEFAULT_PROFILE);
    expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Thông tin", "C9"]]);
    expect(r.findings[0]?.message).toBe(
      "Ô Năm đang là một ngày (05/06/2026), không phải một năm. Nhập năm báo cáo dạng số, ví dụ 2026 (nếu ô vẫn hiện thành ngày, chọn định dạng ô là Số (Number)).",
    );
  });
  test("a deleted field row is MISSING_FIELD", () => {
    const r = check({}, [{ op: "deleteRow", sheet: "Thông tin", row: 6 }]);
    expect(only(r.findings)).toEqual([["MISSING_FIELD", "error", "Thông tin", null]]);
    expect(r.findings[0]?.message).toMatch(/TEN_DON_VI/);
  });
  test("a blank required value is MISSING_VALUE at column C", () => {
    const r = check({}, [{ op: "set", sheet: "Thông tin", cell: "C6", value: null }]);
    expect(only(r.findings)).toEqual([["MISSING_VALUE", "error", "Thông tin", "C6"]]);
  });
  test("a unit name of only invisible characters is MISSING_VALUE; tabs and zero-width spaces leave a name", () => {
    const blank = check({}, [{ op: "set", sheet: "Thông tin", cell: "C6", value: "\u200b\u00a0" }]);
    expect(only(blank.findings)).toEqual([["MISSING_VALUE", "error", "Thông tin", "C6"]]);
    const tabbed = check({}, [{ op: "set", sheet: "Thông tin", cell: "C6", value: "Sở\tNội\u200b vụ" }]);
    expect(tabbed.report?.unit.name).toBe("Sở Nội vụ");
  });
  test.each([
    ["C5", "Sở Nội vụ", /Mã đơn vị/],
    ["C5", "X", /Mã đơn vị/],
    ["C7", "Công ty", /Sở, ban, ngành/],
    ["C8", "Quý", /6 tháng/],
    ["C9", 2024, /2025/],
    ["C9", "hai nghìn", /2025/],
    ["C10", "31/06/2026", /dd\/mm\/yyyy/],
    ["C10", "ngày 5 tháng 6", /dd\/mm\/yyyy/],
    ["C13", "vanthu@", /Email/],
  ] as const)("%s = %p is BAD_VALUE", (cell, value, message) => {
    const r = check({}, [{ op: "set", sheet: "Thông tin", cell, value }]);
    expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Thông tin", cell]]);
    expect(r.findings[0]?.message).toMatch(message);
  });
  test.each([
    ["Xã", "UBND xã, phường"],
    ["UBND xa, phuong", "UBND xã, phường"],
    ["Sự nghiệp", "Đơn vị sự nghiệp"],
  ])("a type written as the roster may write it (%p) is read, with COERCED", (typed, type) => {
    // Before, “Xã” was refused here although the roster took it.
    const r = check({}, [{ op: "set", sheet: "Thông tin", cell: "C7", value: typed }]);
    expect(only(r.findings)).toEqual([["COERCED", "warning", "Thông tin", "C7"]]);
    expect(r.findings[0]!.message).toBe(
      `Loại đơn vị ghi “${typed}”; đã hiểu là “${type}”. Nên chọn từ danh sách của ô.`,
    );
    expect(r.report?.unit.type).toBe(type);
  });
  test("unit codes are upper-cased and may be stored as numbers", () => {
    expect(check({ unit: " so_noi_vu " }).unit).toBe("SO_NOI_VU");
    const r = check({}, [{ op: "set", sheet: "Thông tin", cell: "C5", value: 1234 }]);
    expect(r.valid).toBe(true);
    expect(r.unit).toBe("1234");
  });
  test("enumerations match in NFD, any case, with extra spaces", () => {
    // (A year's report, dated in December: in June it would be warned as the half year's mislabelled.)
    const r = check({ reportDate: { year: 2026, month: 12, day: 4 } }, [
      { op: "set", sheet: "Thông tin", cell: "C7", value: "  ubnd XÃ,  phường ".normalize("NFD") },
      { op: "set", sheet: "Thông tin", cell: "C8", value: "NĂM".normalize("NFD") },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.unit.type).toBe("UBND xã, phường");
    expect(r.report?.period.kind).toBe("NAM");
  });
  test.each(["05/06/2026", "5 / 6 / 2026", "5\u00a0/6/2026", "０５/０６/２０２６", "０５／０６／２０２６"])(
    "the report date may be typed as text dd/mm/yyyy: %p",
    (reportDate) => {
      // Spaces around the slashes and full-width digits were refused before (a tester's clerks).
      const r = check({ reportDate });
      expect(r.valid).toBe(true);
      expect(r.reportDate).toEqual({ year: 2026, month: 6, day: 5 });
    },
  );
  test("a report date shown month first (typed on a US machine) whose day could be a month is read as stored, with a warning saying both", () => {
    const r = check({}, [
      {
        op: "set",
        sheet: "Thông tin",
        cell: "C10",
        value: { date: { year: 2026, month: 10, day: 5 } },
        numFmt: "mm/dd/yyyy",
      },
    ]);
    expect(r.valid).toBe(true);
    expect(r.reportDate).toEqual({ year: 2026, month: 10, day: 5 });
    expect(r.findings.filter((f) => f.code === "UNLIKELY_DATE")).toEqual([
      {
        code: "UNLIKELY_DATE",
        severity: "warning",
        sheet: "Thông tin",
        cell: "C10",
        message:
          "Ô Ngày báo cáo có định dạng tháng trước ngày (kiểu Mỹ, mm/dd/yyyy): ô hiện “10/05/2026” nhưng là ngày 5 tháng 10 năm 2026, và chương trình đọc ngày đó. Nếu ngày báo cáo là 10 tháng 5 năm 2026, gõ lại ô là '10/05/2026 (có dấu nháy đơn ở đầu, để ô giữ đúng chữ đã gõ, vì máy đặt kiểu ngày của Mỹ sẽ lại đảo ngày và tháng). Ngày này quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.",
      },
    ]);
    // A day over 12 (10/25: only one reading) or equal to the month, or the same date shown day first: nothing.
    for (const [date, numFmt] of [
      [{ year: 2026, month: 5, day: 25 }, "mm/dd/yyyy"],
      [{ year: 2026, month: 6, day: 6 }, "mm/dd/yyyy"],
      [{ year: 2026, month: 6, day: 5 }, "dd/mm/yyyy"],
    ] as const)
      expect(
        check({}, [{ op: "set", sheet: "Thông tin", cell: "C10", value: { date }, numFmt }]).findings.map(
          (f) => f.code,
        ),
      ).not.toContain("UNLIKELY_DATE");
  });
  test("the report date may be a document's date line, its place before it or not, in NFD too", () => {
    for (const [typed, date] of [
      ["ngày 15 tháng 6 năm 2026", { year: 2026, month: 6, day: 15 }],
      ["Đông Tiến, ngày 05 tháng 6 năm 2026", { year: 2026, month: 6, day: 5 }],
      ["Ngày  5  tháng 06 năm 2026.".normalize("NFD"), { year: 2026, month: 6, day: 5 }],
      ["TP. Thanh Hóa, tỉnh Thanh Hóa, ngày 05 tháng 6 năm 2026", { year: 2026, month: 6, day: 5 }],
      ["ngày 05, tháng 6, năm 2026", { year: 2026, month: 6, day: 5 }],
      ["ngày 05/6/2026", { year: 2026, month: 6, day: 5 }],
    ] as const) {
      const r = check({ reportDate: typed });
      expect(r.findings).toEqual([]);
      expect(r.reportDate).toEqual(date);
    }
    // A day that does not exist is still refused.
    expect(only(check({ reportDate: "ngày 31 tháng 6 năm 2026" }).findings)).toEqual([
      ["BAD_VALUE", "error", "Thông tin", "C10"],
    ]);
  });
  test("a report date in the year before the period is accepted with UNLIKELY_DATE at its cell", () => {
    const r = check({ reportDate: { year: 2025, month: 6, day: 5 } });
    expect(r.valid).toBe(true);
    expect(only(r.findings)).toEqual([["UNLIKELY_DATE", "warning", "Thông tin", "C10"]]);
    expect(r.findings[0]?.message).toBe(
      "Ngày báo cáo 05/06/2025 ở trước năm của kỳ báo cáo (6 tháng đầu năm 2026): có thể gõ nhầm năm. Kiểm tra lại Ngày báo cáo; ngày này quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.",
    );
  });
  test("a report date two years after the period is UNLIKELY_DATE; early in the next year is not", () => {
    const far = check({ reportDate: "05/06/2062" });
    expect(only(far.findings)).toEqual([["UNLIKELY_DATE", "warning", "Thông tin", "C10"]]);
    expect(far.findings[0]?.message).toBe(
      "Ngày báo cáo 05/06/2062 muộn hơn năm 2027, quá xa kỳ báo cáo (6 tháng đầu năm 2026): có thể gõ nhầm năm. Kiểm tra lại Ngày báo cáo; ngày này quyết định báo cáo đúng hạn hay trễ hạn, và tệp nào được dùng khi đơn vị gửi nhiều tệp.",
    );
    expect(check({ period: "NAM", reportDate: "10/01/2027" }).findings).toEqual([]);
  });
  test("the last day a report can plausibly carry is not doubted, at the file or in Tổng hợp; the day after is", () => {
    // A half year's report may be signed up to the end of the next year: 31/12/2027 for 6 tháng đầu năm 2026.
    const last = check({ unit: "SO_A", name: "Sở A", reportDate: { year: 2027, month: 12, day: 31 } });
    const after = check({ unit: "SO_B", name: "Sở B", reportDate: { year: 2028, month: 1, day: 1 } });
    expect(last.findings).toEqual([]);
    expect(only(after.findings)).toEqual([["UNLIKELY_DATE", "warning", "Thông tin", "C10"]]);
    const summary = summaryWorkbook(
      consolidate(
        [
          { file: "a.xlsx", sha256: "a", result: last },
          { file: "b.xlsx", sha256: "b", result: after },
        ],
        { profile: DEFAULT_PROFILE },
      ),
      DEFAULT_PROFILE,
    );
    const timeliness = (code: string) => summary.sheets[0]!.rows.find((r) => r[0]?.value === code)![4]?.value;
    expect(timeliness("SO_A")).toBe("Trễ hạn");
    expect(timeliness("SO_B")).toBe("Trễ hạn (xem lại ngày)");
    // A quarter's: from its first day to six months after its end (quý I/2026: 01/01 to 30/09/2026).
    const q1 = { kind: "Q1", year: 2026 } as const;
    expect(isUnlikelyReportDate({ year: 2026, month: 9, day: 30 }, q1)).toBe(false);
    expect(isUnlikelyReportDate({ year: 2026, month: 10, day: 1 }, q1)).toBe(true);
    expect(isUnlikelyReportDate({ year: 2026, month: 1, day: 1 }, q1)).toBe(false);
    expect(isUnlikelyReportDate({ year: 2025, month: 12, day: 31 }, q1)).toBe(true);
  });
  test("a year typed as text is accepted with COERCED", () => {
    const r = check({}, [{ op: "set", sheet: "Thông tin", cell: "C9", value: "2026" }]);
    expect(r.valid).toBe(true);
    expect(only(r.findings)).toEqual([["COERCED", "warning", "Thông tin", "C9"]]);
  });
  test("codes are found by column A, so an inserted note row changes nothing", () => {
    const r = check({}, [
      { op: "insertRow", sheet: "Thông tin", row: 7, cells: [null, "Ghi chú: đơn vị mới sáp nhập"] },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.unit.type).toBe("Sở, ban, ngành");
  });
  test("a code written twice is DUPLICATE_CODE at column A of the second row", () => {
    const r = check({}, [
      { op: "insertRow", sheet: "Thông tin", row: 14, cells: ["TEN_DON_VI", "Tên", "Khác"] },
    ]);
    expect(only(r.findings)).toEqual([["DUPLICATE_CODE", "error", "Thông tin", "A14"]]);
  });
});

describe("Chỉ tiêu", () => {
  test("a blank required count is MISSING_VALUE (a clerk must type 0)", () => {
    const r = check({ counts: { HN_TONG: [100, null] } });
    expect(only(r.findings)).toEqual([["MISSING_VALUE", "error", "Chỉ tiêu", "E5"]]);
    expect(r.findings[0]?.message).toMatch(/ghi 0/);
  });
  test("blank optional counts are fine", () => {
    expect(
      check({ counts: { CC_TONG: [null, null], CC_KY_NANG_SO: [null, null], HN_TRUC_TUYEN: [null, 60] } })
        .findings,
    ).toEqual([]);
  });
  test.each([
    [-3, /số âm/],
    [2.5, /thập phân/],
    ["ba", /không phải là số/],
    ["2,5", /thập phân/],
  ] as const)("%p is BAD_VALUE", (value, message) => {
    const r = check({ counts: { VB_HANH_CHINH: [200, value] } });
    expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E8"]]);
    expect(r.findings[0]?.message).toMatch(message);
  });
  test("an Excel error value is BAD_VALUE", () => {
    const r = check({ counts: { VB_HANH_CHINH: [200, { formula: "1/0", cached: "#DIV/0!" }] } });
    expect(r.findings.map((f) => [f.code, f.cell])).toContainEqual(["BAD_VALUE", "E8"]);
  });
  test("numbers typed as text are accepted with COERCED", () => {
    const r = check({ counts: { VB_TONG: ["3.000", " 3 200 "], HN_TONG: ["100", 90] } });
    expect(r.valid).toBe(true);
    expect(only(r.findings)).toEqual([
      ["COERCED", "warning", "Chỉ tiêu", "D5"],
      ["COERCED", "warning", "Chỉ tiêu", "D11"],
      ["COERCED", "warning", "Chỉ tiêu", "E11"],
    ]);
    expect(r.report?.values.VB_TONG).toEqual({ previous: 3000, current: 3200 });
  });
  test("formulas are read by their cached value", () => {
    const r = check({ counts: { HN_TONG: [100, { formula: "40+50", cached: 90 }] } });
    expect(r.findings).toEqual([]);
    expect(r.report?.values.HN_TONG?.current).toBe(90);
  });
  test("part ≤ whole: INCONSISTENT on the part's cell, in each column", () => {
    const r = check({ counts: { HN_TRUC_TUYEN: [120, 95] } });
    expect(only(r.findings)).toEqual([
      ["INCONSISTENT", "error", "Chỉ tiêu", "D6"],
      ["INCONSISTENT", "error", "Chỉ tiêu", "E6"],
    ]);
  });
  test.each([
    ["HN_VUOT_THOI_LUONG", "E7"],
    ["TTHC_SO", "E10"],
    ["VB_SO_HOA", "E12"],
    ["VB_DIEN_TU", "E14"],
    ["CC_KY_NANG_SO", "E16"],
  ] as const)("%s larger than its whole is INCONSISTENT at %s", (code, cell) => {
    const r = check({ counts: { [code]: [0, 99999] } });
    expect(only(r.findings)).toContainEqual(["INCONSISTENT", "error", "Chỉ tiêu", cell]);
  });
  test("a deleted required row is MISSING_FIELD; an inserted row is harmless", () => {
    expect(only(check({}, [{ op: "deleteRow", sheet: "Chỉ tiêu", row: 8 }]).findings)).toEqual([
      ["MISSING_FIELD", "error", "Chỉ tiêu", null],
    ]);
    const r = check({}, [
      { op: "insertRow", sheet: "Chỉ tiêu", row: 6, cells: [null, "Ghi chú của đơn vị"] },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.values.HN_TRUC_TUYEN?.current).toBe(60);
  });
  test("codes in column A match in lower case and with spaces", () => {
    expect(check({}, [{ op: "set", sheet: "Chỉ tiêu", cell: "A5", value: " hn_tong " }]).findings).toEqual(
      [],
    );
  });
});

describe("Nhiệm vụ", () => {
  test("a status outside the list, or none, is TASK_STATUS at column G", () => {
    const statuses = Array(12).fill("Hoàn thành");
    statuses[2] = "Xong";
    statuses[5] = "";
    const r = check({ taskStatuses: statuses });
    expect(only(r.findings)).toEqual([
      ["TASK_STATUS", "error", "Nhiệm vụ", "G7"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G10"],
    ]);
  });
  test("“Hoàn thành quá hạn” before the task's deadline is asked about (a warning): not overdue yet", () => {
    // Task 4's deadline is Quý IV/2026 and task 1's Quý I/2026; the report is dated 05/06/2026.
    const statuses = Array(12).fill("Hoàn thành");
    statuses[0] = "Hoàn thành quá hạn";
    statuses[3] = "Hoàn thành quá hạn";
    const r = check({ taskStatuses: statuses });
    expect(r.valid).toBe(true);
    expect(r.findings).toEqual([
      {
        code: "TASK_STATUS",
        severity: "warning",
        sheet: "Nhiệm vụ",
        cell: "G8",
        message:
          "Nhiệm vụ ở dòng 8 ghi “Hoàn thành quá hạn” nhưng hạn của nhiệm vụ là Quý IV/2026, sau ngày báo cáo (05/06/2026): nhiệm vụ chưa thể quá hạn. Nếu đã hoàn thành, chọn “Hoàn thành”.",
      },
    ]);
  });
  // Pasted from last period's Word report over the drop-down (a paste passes Excel's list check).
  test("“Đã hoàn thành”, “Đang triển khai”, “Chưa triển khai” are read as the list's status, each with a warning at its cell; “Chưa hoàn thành” is still asked", () => {
    const statuses = Array(12).fill("Hoàn thành");
    // Task 1's deadline (Quý I/2026) is past on the report's date (05/06/2026): it may be done late.
    statuses[0] = "Đã hoàn thành quá hạn";
    statuses[1] = "đang triển khai ";
    statuses[2] = "Chưa triển khai".normalize("NFD");
    statuses[3] = "Đã hoàn thành";
    const r = check({ taskStatuses: statuses });
    expect(r.valid).toBe(true);
    expect(r.report?.tasks.slice(0, 5).map((t) => t.status)).toEqual([
      "DONE_LATE",
      "IN_PROGRESS",
      "NOT_STARTED",
      "DONE",
      "DONE",
    ]);
    expect(only(r.findings)).toEqual([
      ["COERCED", "warning", "Nhiệm vụ", "G5"],
      ["COERCED", "warning", "Nhiệm vụ", "G6"],
      ["COERCED", "warning", "Nhiệm vụ", "G7"],
      ["COERCED", "warning", "Nhiệm vụ", "G8"],
    ]);
    expect(r.findings[3]!.message).toBe(
      "Tình trạng của nhiệm vụ ở dòng 8 ghi “Đã hoàn thành”; đã hiểu là “Hoàn thành”. Nên chọn từ danh sách của ô.",
    );
    const asked = check({ taskStatuses: ["Chưa hoàn thành", ...Array(11).fill("Hoàn thành")] });
    expect(only(asked.findings)).toEqual([["TASK_STATUS", "error", "Nhiệm vụ", "G5"]]);
  });
  test("statuses match in NFD with trailing spaces", () => {
    const r = check({ taskStatuses: Array(12).fill("đang thực hiện  ".normalize("NFD")) });
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks.every((t) => t.status === "IN_PROGRESS")).toBe(true);
  });
  test("tasks a unit adds itself count", () => {
    const r = check({}, [
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Số hóa hồ sơ lưu trữ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "F17", value: "Tháng 3/2026" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Chưa thực hiện" },
    ]);
    expect(r.valid).toBe(true);
    expect(r.report?.tasks).toHaveLength(13);
    expect(r.report?.tasks[12]).toMatchObject({
      deadline: { year: 2026, month: 3, day: 31 },
      status: "NOT_STARTED",
    });
  });
  test("a deadline typed as a date (Excel stores 46112) is that date, shown as the clerk typed it", () => {
    const r = check({}, [
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Số hóa hồ sơ lưu trữ" },
      {
        op: "set",
        sheet: "Nhiệm vụ",
        cell: "F17",
        value: { date: { year: 2026, month: 3, day: 31 } },
        numFmt: "dd/mm/yyyy",
      },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Đang thực hiện" },
    ]);
    expect(r.report?.tasks[12]).toMatchObject({
      deadlineText: "31/03/2026",
      deadline: { year: 2026, month: 3, day: 31 },
    });
  });
});

describe("Hội nghị (warnings only)", () => {
  const meetings: ReportData["meetings"] = [
    ["Hội nghị quán triệt Kết luận 226", "Quán triệt", "Trực tuyến", 1],
    ["Họp chuyên môn quý II", "Chuyên môn", "Trực tiếp", 1],
  ];
  test("a meeting longer than its type allows is MEETING_TOO_LONG on its row", () => {
    const r = check({
      counts: { HN_TONG: [3, 2], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 1] },
      meetings,
    });
    expect(r.valid).toBe(true);
    expect(only(r.findings)).toEqual([["MEETING_TOO_LONG", "warning", "Hội nghị", "F5"]]);
  });
  test("a log that disagrees with the counts gets LOG_MISMATCH naming both numbers", () => {
    const r = check({ meetings });
    expect(r.valid).toBe(true);
    const mismatch = r.findings.filter((f) => f.code === "LOG_MISMATCH");
    expect(mismatch).toHaveLength(3);
    // The count is named as the sheet labels it, not by its code.
    expect(mismatch[0]?.message).toBe(
      "Sổ hội nghị ghi 2 hội nghị, nhưng trang “Chỉ tiêu” khai “Tổng số hội nghị, cuộc họp đã tổ chức” là 90 (cột E, kỳ này). Kiểm tra lại để hai số khớp nhau.",
    );
  });
  test("a length that is not a number (“2 ngày”) is said, not skipped", () => {
    const r = check({
      counts: { HN_TONG: [1, 1], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 0] },
      meetings: [["Quán triệt", "Quán triệt", "Kết hợp", "2 ngày"]],
    });
    expect(r.valid).toBe(true);
    expect(r.findings.map((f) => [f.code, f.severity, f.cell, f.message])).toEqual([
      [
        "BAD_VALUE",
        "warning",
        "F5",
        "Hội nghị ở dòng 5: Số ngày “2 ngày” không phải là số, nên chưa kiểm tra được thời lượng. Chỉ ghi số ngày, ví dụ 1 hoặc 0,5.",
      ],
    ]);
  });
  test.each([-1, "-1", "–0,5"])(
    "a negative length (%p) is said as one, not “không phải là số” nor taken as short",
    (days) => {
      const r = check({
        counts: { HN_TONG: [1, 1], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 0] },
        meetings: [["Quán triệt", "Quán triệt", "Kết hợp", days]],
      });
      expect(r.valid).toBe(true);
      expect(r.findings.map((f) => [f.code, f.severity, f.cell, f.message])).toEqual([
        [
          "BAD_VALUE",
          "warning",
          "F5",
          `Hội nghị ở dòng 5: Số ngày ghi “${days}” là số âm, nên chưa kiểm tra được thời lượng. Ghi số ngày không có dấu trừ, ví dụ 1 hoặc 0,5.`,
        ],
      ]);
    },
  );
  test("half-day limits accept decimal commas typed as text", () => {
    const r = check({
      counts: { HN_TONG: [1, 1], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 0] },
      meetings: [["Quán triệt", "quan triệt", "Kết hợp", "0,5"]],
    });
    expect(r.findings).toEqual([]);
  });
});

describe("UNREADABLE", () => {
  test.each([
    ["an empty file", new Uint8Array()],
    ["a text file named .xlsx", new TextEncoder().encode("MA_DON_VI;TEN_DON_VI\nSO_NOI_VU;Sở Nội vụ\n")],
    ["a truncated workbook", reportBytes(BASE).slice(0, 3000)],
  ])("%s", (_name, bytes) => {
    const r = inspectBytes(bytes, DEFAULT_PROFILE);
    expect(only(r.findings)).toEqual([["UNREADABLE", "error", null, null]]);
    expect(r.findings[0]?.message).toMatch(/Tệp|tệp/);
  });
  // The report printed, or photographed, then sent under the workbook's name: said for what it is.
  test.each([
    [
      "a PDF",
      "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj",
      "Tệp là bản PDF (bản in của báo cáo), không phải sổ tính Excel",
    ],
    [
      "a JPEG photo",
      "\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF",
      "Tệp là ảnh (ảnh chụp hoặc ảnh quét báo cáo)",
    ],
    ["a PNG scan", "\u0089PNG\r\n\u001a\n\u0000\u0000", "Tệp là ảnh (ảnh chụp hoặc ảnh quét báo cáo)"],
  ])("%s named .xlsx", (_name, latin1, message) => {
    const bytes = Uint8Array.from(latin1, (ch) => ch.charCodeAt(0));
    const r = inspectBytes(bytes, DEFAULT_PROFILE, undefined, { fileName: "SO_NOI_VU.xlsx" });
    expect(only(r.findings)).toEqual([["UNREADABLE", "error", null, null]]);
    expect(r.findings[0]?.message).toContain(message);
  });
});

test("findings carry Vietnamese messages that say what to type", () => {
  const r = check({ counts: { HN_TONG: [100, null] }, reportDate: "32/13/2026" });
  // The two mistakes made, each found (else the loop below would check nothing).
  expect(only(r.findings)).toEqual([
    ["BAD_VALUE", "error", "Thông tin", "C10"],
    ["MISSING_VALUE", "error", "Chỉ tiêu", "E5"],
  ]);
  for (const f of r.findings) {
    expect(f.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữđ]/);
    expect(f.message).toMatch(/Nhập|nhập|Chọn|ghi/);
  }
});

describe("cells merged by the clerk are read as Excel shows them: only a merge's first cell", () => {
  const UNMERGE =
    "Bỏ gộp ô (Excel: Trang đầu → Gộp và Căn giữa; LibreOffice: Định dạng → Gộp và bỏ gộp ô → Bỏ gộp ô)";
  test("a value hidden under a merge (D5:E5 merged, 34 still in E5) is not counted: E5 is blank, and the message says why", () => {
    const r = check({}, [{ op: "merge", sheet: "Chỉ tiêu", range: "D5:E5" }]);
    expect(r.valid).toBe(false);
    expect(r.findings).toEqual([
      {
        code: "MISSING_VALUE",
        severity: "error",
        sheet: "Chỉ tiêu",
        cell: "E5",
        message: `Chưa điền số liệu “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này). Nhập số nguyên không âm; nếu không có thì ghi 0. (Ô E5 nằm trong vùng ô gộp D5:E5: khi gộp, chỉ ô đầu D5 giữ giá trị, ô E5 được coi là trống. ${UNMERGE} rồi nhập riêng từng ô.)`,
      },
    ]);
  });
  test("LibreOffice's merge that moved both numbers into the first cell (\"40 34\"): that cell's finding names the merge too", () => {
    const r = check({}, [
      { op: "set", sheet: "Chỉ tiêu", cell: "D5", value: "40 34" },
      { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: null },
      { op: "merge", sheet: "Chỉ tiêu", range: "D5:E5" },
    ]);
    expect(only(r.findings)).toEqual([
      ["BAD_VALUE", "error", "Chỉ tiêu", "D5"],
      ["MISSING_VALUE", "error", "Chỉ tiêu", "E5"],
    ]);
    expect(r.findings[0]?.message).toMatch(
      /không phải là số \(“40 34”\)\. .* \(Ô D5 là ô đầu của vùng ô gộp D5:E5: khi gộp, nội dung các ô kia có thể đã bị dồn vào ô này\. /,
    );
  });
  test("a task status merged over two rows: the second row's status is blank, said with the merge", () => {
    const r = check({}, [{ op: "merge", sheet: "Nhiệm vụ", range: "G5:G6" }]);
    expect(only(r.findings)).toEqual([["TASK_STATUS", "error", "Nhiệm vụ", "G6"]]);
    expect(r.findings[0]?.message).toMatch(
      /^Nhiệm vụ ở dòng 6 chưa chọn Tình trạng\. .* \(Ô G6 nằm trong vùng ô gộp G5:G6: /,
    );
  });
  test("codes merged in column A: the row that lost its code is told to unmerge, not to copy the row again", () => {
    const r = check({}, [{ op: "merge", sheet: "Chỉ tiêu", range: "A5:A6" }]);
    expect(only(r.findings)).toEqual([["MISSING_FIELD", "error", "Chỉ tiêu", null]]);
    expect(r.findings[0]?.message).toMatch(
      new RegExp(
        `Không tìm thấy dòng có mã HN_TRUC_TUYEN .* \\(Cột A có các ô gộp A5:A6: khi gộp, chỉ ô đầu giữ mã, các dòng sau mất mã\\. `,
      ),
    );
  });
  test("a merge over a cell that may be blank is a warning of its own (the report stays valid); over notes, nothing", () => {
    const r = check({}, [
      { op: "merge", sheet: "Chỉ tiêu", range: "E15:E16" },
      { op: "set", sheet: "Chỉ tiêu", cell: "E16", value: null },
    ]);
    expect(r.valid).toBe(true);
    expect(r.findings).toEqual([
      {
        code: "MERGED_CELLS",
        severity: "warning",
        sheet: "Chỉ tiêu",
        cell: "E15",
        message: `Các ô E15:E16 bị gộp (mẫu không gộp các ô này): chỉ ô đầu E15 được đọc, các ô còn lại được coi là trống. ${UNMERGE} rồi nhập riêng số liệu vào từng ô.`,
      },
    ]);
    expect(r.report?.values.CC_KY_NANG_SO?.current).toBeNull();
    // Two notes (column F) merged: validation reads no note, so nothing to say.
    expect(check({}, [{ op: "merge", sheet: "Chỉ tiêu", range: "F5:F6" }]).findings).toEqual([]);
  });
  test("the template's own merges (its title rows) say nothing", () => {
    expect(check().findings).toEqual([]);
  });
  test("a template of an older release (no free-text rows, its footnote merged at A15:C15) says nothing; nor a footnote moved down by an inserted row", () => {
    // Before the free-text rows (commit 76e9098) Thông tin ended at EMAIL (row 13), a blank row and
    // the footnote "(*) Bắt buộc…" merged over A15:C15: today's KIEN_NGHI row.
    const older: Edit[] = [14, 14, 14].map((row) => ({ op: "deleteRow", sheet: "Thông tin", row }));
    const r = check({}, [...older, { op: "merge", sheet: "Thông tin", range: "A15:C15" }]);
    expect(r.findings).toEqual([]);
    expect(r.valid).toBe(true);
    const moved = check({}, [
      { op: "insertRow", sheet: "Thông tin", row: 14 },
      { op: "merge", sheet: "Thông tin", range: "A19:C19" },
    ]);
    expect(moved.findings).toEqual([]);
  });
  test("the same A15:C15 merged by a clerk on today's template hides KIEN_NGHI's text: a warning", () => {
    const r = check({ texts: { KIEN_NGHI: "Đề nghị tập huấn thêm" } }, [
      { op: "merge", sheet: "Thông tin", range: "A15:C15" },
    ]);
    expect(only(r.findings)).toEqual([["MERGED_CELLS", "warning", "Thông tin", "A15"]]);
    expect(r.findings[0]?.message).toMatch(/^Các ô A15:C15 bị gộp \(mẫu không gộp các ô này\)/);
    expect(r.report?.texts.KIEN_NGHI).toBeUndefined();
  });
  test("merges over rows no figure is read from say nothing: Chỉ tiêu's header, the row above Nhiệm vụ's", () => {
    const r = check({}, [
      { op: "merge", sheet: "Chỉ tiêu", range: "D4:E4" },
      { op: "merge", sheet: "Nhiệm vụ", range: "B3:G3" },
    ]);
    expect(r.findings).toEqual([]);
  });
  // Nhiệm vụ's STT header row holds no task: merging its titles says nothing.
  test("Nhiệm vụ's STT header row merged across its titles (B4:G4) says nothing: no task is read from it", () => {
    const r = check({}, [{ op: "merge", sheet: "Nhiệm vụ", range: "B4:G4" }]);
    expect(r.findings).toEqual([]);
    expect(r.valid).toBe(true);
  });
  // A clerk's note below the tasks, typed in column A and merged across the table as a heading is: a
  // row with nothing in Nội dung is no task, so the merge hides nothing read. It drew a warning that
  // asked to unmerge and "nhập riêng số liệu vào từng ô", in the clerk's check and in a returned
  // file's letter.
  test("a note row merged across Nhiệm vụ (A20:I20) or Hội nghị (A25:F25) says nothing; the tasks are read as before", () => {
    const r = check({}, [
      { op: "set", sheet: "Nhiệm vụ", cell: "A20", value: "Ghi chú: nhiệm vụ 3 phối hợp với Sở Tài chính" },
      { op: "merge", sheet: "Nhiệm vụ", range: "A20:I20" },
      { op: "set", sheet: "Hội nghị", cell: "A25", value: "Ghi chú: số liệu đến hết ngày 31/5" },
      { op: "merge", sheet: "Hội nghị", range: "A25:F25" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.report?.tasks).toHaveLength(12);
  });
  // A number in the merge's first cell is a task's STT: the merge hid that task's content and status.
  test.each([13, "13", "13.", "13)"])(
    "a row merged from its STT (%p in A20, A20:I20) still warns: the task's cells are hidden",
    (no) => {
      const r = check({}, [
        { op: "set", sheet: "Nhiệm vụ", cell: "A20", value: no },
        { op: "merge", sheet: "Nhiệm vụ", range: "A20:I20" },
      ]);
      expect(only(r.findings)).toEqual([["MERGED_CELLS", "warning", "Nhiệm vụ", "A20"]]);
    },
  );
  // LibreOffice's merge moves the hidden cells' text into the first ("13 Tập huấn … Hoàn thành"): the
  // clerk sees task 13 reported; it is no task as read (Nội dung blank), so the merge is said.
  test.each(["13 Tập huấn nghiệp vụ văn thư Hoàn thành", "1.1", "a) Tập huấn nghiệp vụ văn thư"])(
    "a task's row merged with its text moved into A (%p, A17:I17) still warns",
    (text) => {
      const r = check({}, [
        { op: "set", sheet: "Nhiệm vụ", cell: "A17", value: text },
        { op: "merge", sheet: "Nhiệm vụ", range: "A17:I17" },
      ]);
      expect(only(r.findings)).toEqual([["MERGED_CELLS", "warning", "Nhiệm vụ", "A17"]]);
    },
  );
  // Only a merge from column A can be a note row: a sub-task numbered as text ("3.1") whose Sản phẩm
  // and Thời hạn were merged (E20:F20) has its deadline hidden, and is told so.
  test("a sub-task numbered “3.1” with E20:F20 merged warns that the merge hides F20", () => {
    const r = check({}, [
      { op: "set", sheet: "Nhiệm vụ", cell: "A20", value: "3.1" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B20", value: "Rà soát quy chế làm việc" },
      { op: "set", sheet: "Nhiệm vụ", cell: "E20", value: "Quy chế" },
      { op: "set", sheet: "Nhiệm vụ", cell: "F20", value: "30/6/2026" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G20", value: "Hoàn thành" },
      { op: "merge", sheet: "Nhiệm vụ", range: "E20:F20" },
    ]);
    expect(only(r.findings)).toEqual([["MERGED_CELLS", "warning", "Nhiệm vụ", "E20"]]);
  });
  // Column A is where codes are looked for: a merge there hides a row's code, even of an optional
  // field. Column D (cùng kỳ năm trước) is read too: a merge hiding an optional D9 is said.
  test.each([
    [
      "two code rows merged in Thông tin's column A (Điện thoại and Email) warn that A13 is not read",
      "Thông tin",
      "A12:A13",
    ],
    ["a merge hiding a column-D figure on Chỉ tiêu (TTHC_TONG's previous) warns", "Chỉ tiêu", "D8:D9"],
  ])("%s", (_, sheet, range) => {
    const r = check({}, [{ op: "merge", sheet, range }]);
    const first = range.slice(0, range.indexOf(":"));
    expect(r.valid).toBe(true);
    expect(r.findings).toEqual([
      {
        code: "MERGED_CELLS",
        severity: "warning",
        sheet,
        cell: first,
        message: `Các ô ${range} bị gộp (mẫu không gộp các ô này): chỉ ô đầu ${first} được đọc, các ô còn lại được coi là trống. ${UNMERGE} rồi nhập riêng số liệu vào từng ô.`,
      },
    ]);
  });
});

describe("a template made with a profile of profiles/ names it; a check without a profile uses it", () => {
  const dongThap = shippedProfile("dong-thap-syt-226")!;
  const data = { ...BASE, counts: { HSCV_TONG: [100, null] } } as unknown as ReportData;

  test("the clerk's check is the province's: its own rows are required, and the result says by which profile", () => {
    const r = inspectBytes(reportBytes(data, [], dongThap), DEFAULT_PROFILE, undefined, {
      forms: "follow",
      fileProfile: true,
    });
    expect(r.profile).toBe("dong-thap-syt-226");
    expect(only(r.findings)).toEqual([["MISSING_VALUE", "error", "Chỉ tiêu", "E14"]]);
    expect(r.findings[0]?.message).toContain("Tổng số hồ sơ công việc");
    // A template made with the default profile names none, and is checked as before.
    expect(check().profile).toBeUndefined();
  });

  test("a profile this build does not have is said so, and the file is checked by its form's default", () => {
    const spec = reportSpec(BASE, [], dongThap);
    const bytes = writeXlsx({
      ...spec,
      definedNames: { ...spec.definedNames, KL226_PROFILE: '"quang-tri-226"' },
    });
    const r = inspectBytes(bytes, DEFAULT_PROFILE, undefined, { forms: "follow", fileProfile: true });
    expect(r.profile).toBeUndefined();
    expect(r.findings.filter((f) => f.code === "UNKNOWN_PROFILE")).toEqual([
      {
        code: "UNKNOWN_PROFILE",
        severity: "warning",
        sheet: "Thông tin",
        cell: "A1",
        message:
          "Tệp lập theo hồ sơ cấu hình “quang-tri-226” của tỉnh, mà bản KL226 này không có: đã kiểm tra theo mẫu chung, các số liệu và chỉ tiêu riêng của hồ sơ đó chưa được kiểm tra. Hãy kiểm tra bằng phần bổ trợ hoặc lệnh kl226 của nơi đã phát hành mẫu (--profile quang-tri-226).",
      },
    ]);
  });

  test("a consolidation checks by the profile it consolidates with: the file's name is not consulted", () => {
    const bytes = reportBytes(data, [], dongThap);
    for (const options of [{}, { forms: "follow" as const }]) {
      const r = inspectBytes(bytes, DEFAULT_PROFILE, undefined, options);
      expect(r.profile).toBeUndefined();
      expect(r.findings.map((f) => f.code)).not.toContain("UNKNOWN_PROFILE");
    }
  });
});

describe("a template sent unfilled (blank)", () => {
  const none = Array(12).fill("");
  test("nothing typed in Chỉ tiêu nor a status: blank; one figure or one status typed: not", () => {
    const counts = Object.fromEntries(Object.keys(GOOD_COUNTS).map((code) => [code, [null, null] as const]));
    expect(check({ counts, taskStatuses: none }).blank).toBe(true);
    expect(check({ counts }).blank).toBeUndefined();
    expect(check({ counts: { ...counts, HN_TONG: [null, 3] }, taskStatuses: none }).blank).toBeUndefined();
    // A status typed wrong is typed: the clerk started filling the file.
    const typed = [...none];
    typed[4] = "Xong";
    expect(check({ counts, taskStatuses: typed }).blank).toBeUndefined();
  });
  test("its lists group the blank statuses by rows, runs joined", () => {
    const statuses = [5, 6, 7, 9, 11, 12].map((row) =>
      finding("TASK_STATUS", "error", "Nhiệm vụ", `G${row}`, `dòng ${row}`),
    );
    const shown = shownFindings([...statuses].reverse(), true);
    expect(shown.map((f) => [f.code, f.cell, f.message.split(" Chọn")[0]])).toEqual([
      ["TASK_STATUS", null, "6 nhiệm vụ (dòng 5–7, 9, 11–12) chưa chọn Tình trạng."],
    ]);
    expect(shownFindings(statuses, undefined)).toEqual(statuses);
  });
});

describe("the hints' examples follow the form", () => {
  const hints = (profile: Profile) =>
    inspectBytes(writeXlsx(templateWorkbook(profile)), profile)
      .findings.filter((f) => f.cell === "C9" || f.cell === "C10")
      .map((f) => f.message);
  test("the 2025 CCHC plan's blank template: a 2025 year and a date before quý I's deadline (15/03)", () => {
    expect(hints(shippedProfile("hcm-attp-cchc-2025")!)).toEqual([
      "Chưa điền Năm. Nhập năm báo cáo, ví dụ 2025.",
      "Chưa điền Ngày báo cáo. Nhập ngày ký báo cáo dạng dd/mm/yyyy, ví dụ 14/03/2025.",
    ]);
  });
  // A quý III round's file without its date was shown "ví dụ 14/03/2025", a quý I date, in September.
  test("a CCHC file of quý III/2025 without its date: a date before quý III's deadline (15/09)", () => {
    const cchc = shippedProfile("hcm-attp-cchc-2025")!;
    const template = templateWorkbook(cchc, { period: "Q3", year: 2025 });
    expect(
      inspectBytes(writeXlsx(template), cchc)
        .findings.filter((f) => f.cell === "C10")
        .map((f) => f.message),
    ).toEqual(["Chưa điền Ngày báo cáo. Nhập ngày ký báo cáo dạng dd/mm/yyyy, ví dụ 14/09/2025."]);
  });
  test("KL226-BC/1's: 2026 and a date before the half year's deadline (06/06)", () => {
    expect(hints(DEFAULT_PROFILE)).toEqual([
      "Chưa điền Năm. Nhập năm báo cáo, ví dụ 2026.",
      "Chưa điền Ngày báo cáo. Nhập ngày ký báo cáo dạng dd/mm/yyyy, ví dụ 05/06/2026.",
    ]);
  });
});

describe("a report dated when the next period's report is made (UNLIKELY_DATE, a warning)", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const quarter = (period: "Q1" | "Q2", month: number) =>
    inspectBytes(
      reportBytes(
        { ...cchcUnit("P_A"), period, year: 2026, reportDate: { year: 2026, month, day: 10 } },
        [],
        cchc,
      ),
      cchc,
    );
  test("quý I dated 10/06: perhaps quý II's with quý I left in Kỳ báo cáo; dated 10/04, a quý I report", () => {
    const r = quarter("Q1", 6);
    expect(r.valid).toBe(true);
    expect(r.findings.filter((f) => f.code === "UNLIKELY_DATE")).toEqual([
      {
        code: "UNLIKELY_DATE",
        severity: "warning",
        sheet: "Thông tin",
        cell: "C8",
        message:
          "Kỳ báo cáo ghi quý I/2026 nhưng Ngày báo cáo 10/06/2026 là lúc lập báo cáo quý II/2026: có thể tệp dùng lại mẫu của kỳ trước mà chưa sửa Kỳ báo cáo. Nếu đây là báo cáo quý II/2026, chọn “Quý II” ở ô Kỳ báo cáo; nếu đúng là báo cáo quý I/2026 gửi muộn, không cần sửa.",
      },
    ]);
    expect(quarter("Q1", 4).findings.filter((f) => f.code === "UNLIKELY_DATE")).toEqual([]);
    expect(quarter("Q2", 6).findings.filter((f) => f.code === "UNLIKELY_DATE")).toEqual([]);
  });
  test("a half year's report dated in November: perhaps the year's; in October, a late one", () => {
    const r = check({ reportDate: { year: 2026, month: 11, day: 20 } });
    expect(r.findings.map((f) => f.message)).toEqual([
      "Kỳ báo cáo ghi 6 tháng đầu năm 2026 nhưng Ngày báo cáo 20/11/2026 là lúc lập báo cáo năm 2026: có thể tệp dùng lại mẫu của kỳ trước mà chưa sửa Kỳ báo cáo. Nếu đây là báo cáo năm 2026, chọn “Năm” ở ô Kỳ báo cáo; nếu đúng là báo cáo 6 tháng đầu năm 2026 gửi muộn, không cần sửa.",
    ]);
    // The year's reports are made from a month before its deadline (06/12); August, October: late half years.
    for (const month of [8, 10])
      expect(check({ reportDate: { year: 2026, month, day: 20 } }).findings).toEqual([]);
  });
  test("quý I dated in May is a late one; a quý IV or a year's report signed in January is its own", () => {
    expect(quarter("Q1", 5).findings.filter((f) => f.code === "UNLIKELY_DATE")).toEqual([]);
    const signedInJanuary = (period: "Q4" | "NAM") =>
      inspectBytes(
        reportBytes(
          { ...cchcUnit("P_A"), period, year: 2026, reportDate: { year: 2027, month: 1, day: 10 } },
          [],
          cchc,
        ),
        cchc,
      ).findings.filter((f) => f.code === "UNLIKELY_DATE");
    expect(signedInJanuary("Q4")).toEqual([]);
    expect(signedInJanuary("NAM")).toEqual([]);
  });
});

test("characters that show nothing (a zero-width space pasted from a web page or chat) do not fail a text that looks right", () => {
  // "Đang thực hiện" and the unit code as the clerk sees them; before, both were errors quoting what looked right.
  const r = check({
    unit: "XA_A\u200b",
    taskStatuses: templateTasks(DEFAULT_PROFILE.form).map((_, i) =>
      i === 0 ? "\u200bĐang thực hiện" : "Hoàn thành\u00ad",
    ),
  });
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(r.report?.unit.code).toBe("XA_A");
});

describe("text typed in TCVN3 (.VnTime) or VNI (VNI-Times), as a clerk pastes it from an old document", () => {
  const statuses = (status: string) => templateTasks(DEFAULT_PROFILE.form).map(() => status);
  const info = (row: number, value: string): Edit => ({
    op: "set",
    sheet: "Thông tin",
    cell: `C${row}`,
    value,
  });

  test("is read as the Unicode it shows, with one LEGACY_TEXT warning per sheet naming the cells", () => {
    // Before, the type, the period and every status were errors quoting “Së, ban, ngµnh”, and the
    // name reached the summary as “Uû ban nh©n d©n x· Hßa B×nh” (its “ư” lost with the soft hyphen).
    const r = check({ name: "Uû ban nh©n d©n x· Hßa B×nh", taskStatuses: statuses("Ch\u00ada thùc hiÖn") }, [
      info(7, "Së, ban, ngµnh"),
      info(8, "6 th¸ng"),
    ]);
    expect(r.valid).toBe(true);
    expect(r.report?.unit.name).toBe("Uỷ ban nhân dân xã Hòa Bình");
    expect(r.report?.unit.typeId).toBe("SO_NGANH");
    expect(r.report?.tasks.map((t) => t.status)).toEqual(statuses("NOT_STARTED"));
    expect(only(r.findings)).toEqual([
      ["LEGACY_TEXT", "warning", "Thông tin", "C6"],
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "G5"],
    ]);
    expect(r.findings[0]!.message).toBe(
      "3 ô (C6, C7, C8) được gõ bằng bảng mã TCVN3 (phông .VnTime), ví dụ “Uû ban nh©n d©n x· Hßa B×nh” được chương trình đọc là “Uỷ ban nhân dân xã Hòa Bình”. Đề nghị kiểm tra lại. Để các kỳ sau không phải chuyển đổi, hãy chuyển mã các ô chữ sang Unicode bằng Unikey: chọn các ô chữ (không chọn ô có công thức), nhấn Ctrl+C; nhấn Ctrl+Shift+F6 để mở Công cụ chuyển mã (Unikey Toolkit), chọn Nguồn: TCVN3 (ABC), Đích: Unicode, bấm “Chuyển mã”; nhấn Ctrl+V vào đúng các ô đó rồi đặt phông Times New Roman.",
    );
    expect(r.findings[1]!.message).toMatch(
      /^12 ô \(G5, G6, G7, .*, G16\) được gõ bằng bảng mã TCVN3 .* ví dụ “Ch\u00ada thùc hiÖn” được chương trình đọc là “Chưa thực hiện”/,
    );
  });

  // A long list of cells is cut at 12 and the rest counted, so the warning stays readable.
  test("on 13 cells of one sheet (12 statuses and a result) the warning names 12 of them and says “và 1 ô khác”", () => {
    const r = check({ taskStatuses: statuses("Ch\u00ada thùc hiÖn") }, [
      { op: "set", sheet: "Nhiệm vụ", cell: "H5", value: "§· hoµn thµnh" },
    ]);
    expect(r.report?.tasks[0]?.result).toBe("Đã hoàn thành");
    expect(only(r.findings)).toEqual([["LEGACY_TEXT", "warning", "Nhiệm vụ", "G5"]]);
    expect(r.findings[0]!.message).toBe(
      "13 ô (G5, H5, G6, G7, G8, G9, G10, G11, G12, G13, G14, G15 và 1 ô khác) được gõ bằng bảng mã TCVN3 (phông .VnTime), ví dụ “Ch\u00ada thùc hiÖn” được chương trình đọc là “Chưa thực hiện”. Đề nghị kiểm tra lại. Để các kỳ sau không phải chuyển đổi, hãy chuyển mã các ô chữ sang Unicode bằng Unikey: chọn các ô chữ (không chọn ô có công thức), nhấn Ctrl+C; nhấn Ctrl+Shift+F6 để mở Công cụ chuyển mã (Unikey Toolkit), chọn Nguồn: TCVN3 (ABC), Đích: Unicode, bấm “Chuyển mã”; nhấn Ctrl+V vào đúng các ô đó rồi đặt phông Times New Roman.",
    );
  });

  test("in every column read as text: a task's content and result, a meeting's name, type and form", () => {
    const r = check(
      {
        meetings: [
          ["Héi nghÞ qu¸n triÖt NghÞ quyÕt", "Qu¸n triÖt", "Trùc tuyÕn", 0.5],
          ["Giao ban", "Chuyªn m«n", "KÕt hîp", 1],
        ],
        counts: { HN_TONG: [100, 2], HN_TRUC_TUYEN: [50, 2], HN_VUOT_THOI_LUONG: [0, 0] },
      },
      // The unit's own task (typed below the plan's: one typed over a plan's task would leave that one
      // missing, MISSING_FIELD).
      [
        { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "KiÓm tra c«ng t¸c v¨n th\u00ad" },
        { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Hoàn thành" },
        { op: "set", sheet: "Nhiệm vụ", cell: "H17", value: "§· hoµn thµnh" },
      ],
    );
    expect(r.findings.filter((f) => f.severity === "error" || f.code !== "LEGACY_TEXT")).toEqual([]);
    expect(r.report?.tasks.find((t) => t.row === 17)).toMatchObject({
      content: "Kiểm tra công tác văn thư",
      result: "Đã hoàn thành",
    });
    expect(r.report?.meetings).toEqual([
      { row: 5, name: "Hội nghị quán triệt Nghị quyết", type: "QUAN_TRIET", form: "TRUC_TUYEN", days: 0.5 },
      { row: 6, name: "Giao ban", type: "CHUYEN_MON", form: "KET_HOP", days: 1 },
    ]);
    expect(only(r.findings)).toEqual([
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "B17"],
      ["LEGACY_TEXT", "warning", "Hội nghị", "B5"],
    ]);
  });

  test("a sheet with cells of both encodings gets a warning per encoding, each naming only its own cells", () => {
    // Before, one warning named all 12 cells “TCVN3” and said to convert them from TCVN3 (ABC): done
    // so, the 11 VNI statuses would have been garbled.
    const typed = statuses("Chöa thöïc hieän").map((s, i) => (i === 0 ? "Hoµn thµnh" : s));
    const r = check({ taskStatuses: typed });
    expect(r.report?.tasks.map((t) => t.status)).toEqual(
      statuses("NOT_STARTED").map((s, i) => (i === 0 ? "DONE" : s)),
    );
    expect(only(r.findings)).toEqual([
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "G5"],
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "G6"],
    ]);
    expect(r.findings[0]!.message).toMatch(/^Ô này được gõ bằng bảng mã TCVN3 .*Nguồn: TCVN3 \(ABC\)/);
    expect(r.findings[1]!.message).toMatch(
      /^11 ô \(G6, G7, .*, G16\) được gõ bằng bảng mã VNI .*Nguồn: VNI Windows/,
    );
  });

  test("a cell that needs a second look, in a sheet of both encodings, is read by the encoding its reading spells", () => {
    // Task 2's status and result typed in TCVN3 among VNI statuses: “§· nép” (Đã nộp) is read only
    // beside a clear TCVN3 cell (“§·” is codes alone, “nép” a word as it stands), and the second look
    // used the first legacy cell's encoding (VNI here), so it was left as typed.
    const typed = statuses("Hoaøn thaønh").map((s, i) => (i === 1 ? "Hoµn thµnh" : s));
    const r = check({ taskStatuses: typed }, [{ op: "set", sheet: "Nhiệm vụ", cell: "H6", value: "§· nép" }]);
    expect(r.report?.tasks[1]).toMatchObject({ status: "DONE", result: "Đã nộp" });
    expect(only(r.findings)).toEqual([
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "G5"],
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "G6"],
    ]);
    expect(r.findings[0]!.message).toMatch(/^11 ô \(G5, G7, .*, G16\) được gõ bằng bảng mã VNI /);
    expect(r.findings[1]!.message).toMatch(
      /^2 ô \(G6, H6\) được gõ bằng bảng mã TCVN3 \(phông \.VnTime\), ví dụ “Hoµn thµnh” được chương trình đọc là “Hoàn thành”/,
    );
  });

  test("a lone word both encodings read (“Tö”: TCVN3 Tử, VNI Tư) is read by the workbook's encoding, VNI beside VNI cells", () => {
    // Task 1's lead “Tö” (the clerk's short for Sở Tư pháp) beside VNI statuses: before, TCVN3's “Tử”
    // in the summary, and a TCVN3 warning telling the clerk to convert that cell from TCVN3 (ABC).
    const tu = { op: "set", sheet: "Nhiệm vụ", cell: "C5", value: "Tö" } as const;
    const vni = check({ taskStatuses: statuses("Hoaøn thaønh") }, [tu]);
    expect(vni.report?.tasks[0]?.lead).toBe("Tư");
    expect(only(vni.findings)).toEqual([["LEGACY_TEXT", "warning", "Nhiệm vụ", "C5"]]);
    expect(vni.findings[0]!.message).toMatch(/^13 ô \(C5, G5, G6, .*\) được gõ bằng bảng mã VNI /);
    // “Thuû” beside VNI cells: Thủ (TCVN3's reading, Thuỷ, before).
    const thu = check({ taskStatuses: statuses("Hoaøn thaønh") }, [{ ...tu, value: "Thuû" }]);
    expect(thu.report?.tasks[0]?.lead).toBe("Thủ");
    // Beside TCVN3 cells, and alone in a Unicode report, TCVN3's reading as before.
    const tcvn3 = check({ taskStatuses: statuses("Hoµn thµnh") }, [tu]);
    expect(tcvn3.report?.tasks[0]?.lead).toBe("Tử");
    expect(only(tcvn3.findings)).toEqual([["LEGACY_TEXT", "warning", "Nhiệm vụ", "C5"]]);
    expect(check({}, [tu]).report?.tasks[0]?.lead).toBe("Tử");
  });

  // Mutation test (session 39): a cell read by its runs' fonts counted as no clear evidence, and no test saw.
  test("a lone word both encodings read (“Tö”) goes to VNI when the only VNI text is a part pasted from Word in VNI-Times", () => {
    const bytes = withRichText(
      reportBytes(BASE, [{ op: "set", sheet: "Nhiệm vụ", cell: "C5", value: "Tö" }]),
      "Nhiệm vụ",
      "H5",
      [
        { text: "Đã ", font: "Times New Roman" },
        { text: "hoaøn thaønh 12 cuoäc hoïp", font: "VNI-Times" },
      ],
    );
    const r = inspectBytes(bytes, DEFAULT_PROFILE);
    expect(r.report?.tasks[0]).toMatchObject({ lead: "Tư", result: "Đã hoàn thành 12 cuộc họp" });
    expect(only(r.findings)).toEqual([["LEGACY_TEXT", "warning", "Nhiệm vụ", "C5"]]);
    expect(r.findings[0]!.message).toMatch(/^2 ô \(C5, H5\) được gõ bằng bảng mã VNI /);
  });

  test("a short text of letters Unicode has too, alone in a Unicode report, is read where it spells no Vietnamese as typed", () => {
    // “Néi vô” (Nội vụ) as the lead unit of task 1: before, left as typed ("Néi" is no word) unless
    // another cell of the report was clearly TCVN3.
    const r = check({}, [{ op: "set", sheet: "Nhiệm vụ", cell: "C5", value: "Néi vô" }]);
    expect(r.report?.tasks[0]?.lead).toBe("Nội vụ");
    expect(r.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      [
        "LEGACY_TEXT",
        "C5",
        expect.stringMatching(
          /^Ô này được gõ bằng bảng mã TCVN3 \(phông \.VnTime\): “Néi vô”, chương trình đã đọc là “Nội vụ”\./,
        ),
      ],
    ]);
  });

  test("a French name with a tréma stays as typed, without a warning", () => {
    // “Loïc” is how VNI types Lọc, and “Loïc Martin” was read “Lọc Martin” and said to be VNI.
    const r = check({ preparer: "Loïc Martin" }, [
      { op: "set", sheet: "Nhiệm vụ", cell: "D5", value: "Anh Loïc" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.preparer).toBe("Loïc Martin");
    expect(r.report?.tasks[0]?.partners).toBe("Anh Loïc");
  });

  test("a unit name and status typed in .VnTimeH (TCVN3's capitals font) are read in capitals, and the warning says how to convert them", () => {
    // .VnTimeH shows "uû ban nh©n d©n x· hßa b×nh" as UỶ BAN NHÂN DÂN XÃ HÒA BÌNH; it was read, and
    // reached the summary and letters, as "uỷ ban nhân dân xã hòa bình".
    const bytes = reportBytes({
      ...BASE,
      name: "uû ban nh©n d©n x· hßa b×nh",
      taskStatuses: statuses("hoµn thµnh"),
    });
    const r = inspectBytes(
      withFont(bytes, ".VnTimeH", { "Thông tin": ["C6"], "Nhiệm vụ": ["G5"] }),
      DEFAULT_PROFILE,
    );
    expect(r.valid).toBe(true);
    expect(r.report?.unit.name).toBe("UỶ BAN NHÂN DÂN XÃ HÒA BÌNH");
    expect(r.report?.tasks.map((t) => t.status)).toEqual(statuses("DONE"));
    expect(only(r.findings)).toEqual([
      ["LEGACY_TEXT", "warning", "Thông tin", "C6"],
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "G5"],
    ]);
    expect(r.findings[0]!.message).toBe(
      "Ô này được gõ bằng bảng mã TCVN3 (phông .VnTimeH): “uû ban nh©n d©n x· hßa b×nh”, chương trình đã đọc là “UỶ BAN NHÂN DÂN XÃ HÒA BÌNH”. Đề nghị kiểm tra lại. Để các kỳ sau không phải chuyển đổi, hãy chuyển mã các ô chữ sang Unicode bằng Unikey: chọn các ô chữ (không chọn ô có công thức), nhấn Ctrl+C; nhấn Ctrl+Shift+F6 để mở Công cụ chuyển mã (Unikey Toolkit), chọn Nguồn: TCVN3 (ABC), Đích: Unicode, bấm “Chuyển mã”; nhấn Ctrl+V vào đúng các ô đó rồi đặt phông Times New Roman. Ô C6 dùng phông chữ hoa của bảng mã TCVN3 (như .VnTimeH), nên được đọc bằng chữ in hoa như trên màn hình; khi chuyển mã, chuyển riêng ô này và đánh dấu thêm “Sang chữ hoa” trong Công cụ chuyển mã.",
    );
    expect(r.findings[1]!.message).toMatch(
      /^12 ô \(G5, G6, .*\.VnTimeH\), nên được đọc bằng chữ in hoa như trên màn hình; khi chuyển mã, chuyển riêng ô này/,
    );
  });

  test("text pasted from Word in .VnTimeH or .VnTime into a Times New Roman cell is read by its runs' fonts", () => {
    // The runs' fonts were not read: the name reached the summary and letters as “uỷ ban nhân dân xã
    // hòa bình”, and H5, begun in Unicode, stayed as typed (“Đã hoµn thµnh…”) without a word.
    const bytes = withRichText(
      withRichText(reportBytes(BASE), "Thông tin", "C6", [
        { text: "uû ban nh©n d©n ", font: ".VnTimeH" },
        { text: "x· hßa b×nh", font: ".VnTimeH" },
      ]),
      "Nhiệm vụ",
      "H5",
      [
        { text: "Đã ", font: "Times New Roman" },
        { text: "hoµn thµnh 12 cuéc häp", font: ".VnTime" },
      ],
    );
    const r = inspectBytes(bytes, DEFAULT_PROFILE);
    expect(r.report?.unit.name).toBe("UỶ BAN NHÂN DÂN XÃ HÒA BÌNH");
    expect(r.report?.tasks[0]?.result).toBe("Đã hoàn thành 12 cuộc họp");
    expect(only(r.findings)).toEqual([
      ["LEGACY_TEXT", "warning", "Thông tin", "C6"],
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "H5"],
    ]);
    expect(r.findings[0]!.message).toMatch(
      /“uû ban nh©n d©n x· hßa b×nh”, chương trình đã đọc là “UỶ BAN NHÂN DÂN XÃ HÒA BÌNH”\..* Ô C6 dùng phông chữ hoa của bảng mã TCVN3 \(như \.VnTimeH\)/,
    );
    expect(r.findings[1]!.message).toMatch(
      /^Ô này được gõ bằng bảng mã TCVN3 \(phông \.VnTime\): “Đã hoµn thµnh 12 cuéc häp”, chương trình đã đọc là “Đã hoàn thành 12 cuộc họp”\./,
    );
  });

  test("a word alone in a .VnTime or VNI-Times cell is read by its font's encoding", () => {
    // “Cã” (Có) in .VnTime, beside VNI-Times statuses: “cã” spells a syllable as it stands, so without
    // its font it stayed as typed; each cell is read in the encoding of its own font.
    const bytes = reportBytes({ ...BASE, taskStatuses: statuses("Hoaøn thaønh") }, [
      { op: "set", sheet: "Nhiệm vụ", cell: "H5", value: "Cã" },
    ]);
    const fonts = withFont(withFont(bytes, "VNI-Times", { "Nhiệm vụ": ["G5"] }), ".VnTime", {
      "Nhiệm vụ": ["H5"],
    });
    const r = inspectBytes(fonts, DEFAULT_PROFILE);
    expect(r.report?.tasks[0]).toMatchObject({ status: "DONE", result: "Có" });
    expect(only(r.findings)).toEqual([
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "G5"],
      ["LEGACY_TEXT", "warning", "Nhiệm vụ", "H5"],
    ]);
    expect(r.findings[1]!.message).toMatch(
      /^Ô này được gõ bằng bảng mã TCVN3 \(phông \.VnTime\): “Cã”, chương trình đã đọc là “Có”\./,
    );
  });

  // The warning named each encoding's usual font (".VnTime", "VNI-Times") whatever the clerk used;
  // it now names the cells' own fonts where the file says them (session 39's noticed item).
  test("the warning names the fonts the cells are shown in (.VnArial, VNI-Helve), the usual one when read by the text alone", () => {
    const bytes = reportBytes({ ...BASE, name: "Së Néi vô", taskStatuses: statuses("Hoaøn thaønh") }, [
      { op: "set", sheet: "Nhiệm vụ", cell: "H5", value: "Cã" },
    ]);
    const fonts = withFont(
      withFont(withFont(bytes, ".VnArial", { "Thông tin": ["C6"], "Nhiệm vụ": ["H5"] }), "VNI-Helve", {
        "Nhiệm vụ": ["G5"],
      }),
      "VNI-Times",
      { "Nhiệm vụ": ["G6"] },
    );
    const r = inspectBytes(fonts, DEFAULT_PROFILE);
    expect(r.report?.unit.name).toBe("Sở Nội vụ");
    expect(r.report?.tasks[0]).toMatchObject({ status: "DONE", result: "Có" });
    expect(r.findings.map((f) => [f.sheet, f.cell, f.message.split(" “")[0]])).toEqual([
      ["Thông tin", "C6", "Ô này được gõ bằng bảng mã TCVN3 (phông .VnArial):"],
      [
        "Nhiệm vụ",
        "G5",
        "12 ô (G5, G6, G7, G8, G9, G10, G11, G12, G13, G14, G15, G16) được gõ bằng bảng mã VNI (phông VNI-Helve, VNI-Times), ví dụ",
      ],
      ["Nhiệm vụ", "H5", "Ô này được gõ bằng bảng mã TCVN3 (phông .VnArial):"],
    ]);
    // Without a font (Times New Roman cells), the encoding's usual font, as before (“Cã” alone is then
    // read as typed: it spells a syllable).
    const plain = inspectBytes(bytes, DEFAULT_PROFILE);
    expect(plain.findings.map((f) => f.message.split(" “")[0])).toEqual([
      "Ô này được gõ bằng bảng mã TCVN3 (phông .VnTime):",
      "12 ô (G5, G6, G7, G8, G9, G10, G11, G12, G13, G14, G15, G16) được gõ bằng bảng mã VNI (phông VNI-Times), ví dụ",
    ]);
  });

  test("a Unicode report in an old template's VNI-Times keeps its names: “Hoà Bình” is not read “Hồ Bình”", () => {
    // The clerk's cells in VNI-Times (an old template's font, drawn in another where it is not
    // installed) hold Unicode, "Đang thực hiện" among them. The unit's name in old-style Unicode,
    // "UBND xã Hoà Bình", was read as VNI ("Hồ Bình") into the summary and letters, with a LEGACY_TEXT.
    const bytes = reportBytes(
      { ...BASE, name: "UBND xã Hoà Bình", taskStatuses: statuses("Đang thực hiện") },
      [{ op: "set", sheet: "Nhiệm vụ", cell: "D5", value: "Cô Hoà" }],
    );
    const r = inspectBytes(
      withFont(bytes, "VNI-Times", { "Thông tin": ["C6"], "Nhiệm vụ": ["G5", "G6", "D5"] }),
      DEFAULT_PROFILE,
    );
    expect(r.report?.unit.name).toBe("UBND xã Hoà Bình");
    expect(r.report?.tasks[0]).toMatchObject({ status: "IN_PROGRESS", partners: "Cô Hoà" });
    expect(r.findings).toEqual([]);
  });

  test("VNI too, and the Icelandic “Ð” read as “Đ” without a warning", () => {
    const vni = check({ name: "UÛy ban nhaân daân xaõ Hoøa Bình", taskStatuses: statuses("Hoaøn thaønh") });
    expect(vni.valid).toBe(true);
    expect(vni.report?.unit.name).toBe("Ủy ban nhân dân xã Hòa Bình");
    expect(vni.findings.map((f) => f.code)).toEqual(["LEGACY_TEXT", "LEGACY_TEXT"]);
    expect(vni.findings[0]!.message).toMatch(
      /bảng mã VNI \(phông VNI-Times\).*Nguồn: VNI Windows, Đích: Unicode/,
    );

    const eth = check({ name: "Phường Ðông Tiến", taskStatuses: statuses("Ðang thực hiện") });
    expect(eth.findings).toEqual([]);
    expect(eth.report?.unit.name).toBe("Phường Đông Tiến");
  });
});

test("a note typed far out of the template's table is named by its sheet and cell, not “một trang tính”", () => {
  const r = check({}, [{ op: "set", sheet: "Chỉ tiêu", cell: "HZ5", value: "ghi chú" }]);
  expect(only(r.findings)).toEqual([["UNREADABLE", "error", "Chỉ tiêu", "HZ5"]]);
  expect(r.findings[0]!.message).toMatch(/^Ô này có dữ liệu ở cột quá xa so với bảng của mẫu/);
});
