// What a clerk does to the workbook's structure before sending it (session 37): columns inserted or
// deleted on a template sheet. Each workbook is the real template, filled, with the clerk's edit,
// read back through the real reader.
import { toTcvn3, toVni } from "../../test/helpers/legacy-encoders";
import { reportBytes, type Edit, type ReportData } from "../../test/helpers/report-builder";
import { inspectBytes } from "../app/inspect";
import { consolidate } from "./consolidate";
import { DEFAULT_PROFILE, type Profile } from "./profile";
import { shippedProfile } from "./profiles";
import type { Finding } from "./findings";

const BASE: ReportData = { unit: "SO_NOI_VU", name: "Sở Nội vụ" };

function check(edits: Edit[] = [], data: Partial<ReportData> = {}) {
  return inspectBytes(reportBytes({ ...BASE, ...data }, edits), DEFAULT_PROFILE);
}

/** A meeting log of two meetings, one online, as Chỉ tiêu counts them (3 held last year, 2 this period). */
const LOG: Partial<ReportData> = {
  counts: { HN_TONG: [3, 2], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 0] },
  meetings: [
    ["Hội nghị quán triệt Kết luận 226", "Quán triệt", "Trực tuyến", 0.5],
    ["Họp chuyên môn quý II", "Chuyên môn", "Trực tiếp", 1],
  ],
};

/** Two units must report: SO_NOI_VU, whose file is checked, and SO_TAI_CHINH, which sent none. */
const ROSTER = [
  { code: "SO_NOI_VU", name: "Sở Nội vụ", type: "Sở, ban, ngành" },
  { code: "SO_TAI_CHINH", name: "Sở Tài chính", type: "Sở, ban, ngành" },
];

const only = (findings: readonly Finding[]) => findings.map((f) => [f.code, f.severity, f.sheet, f.cell]);
const onSheet = (r: ReturnType<typeof check>, sheet: string) => r.findings.filter((f) => f.sheet === sheet);

describe("a column inserted before A (an STT column) or a column moved: one error that says so", () => {
  test("Chỉ tiêu with an STT column before A: one NOT_TEMPLATE naming the shift, not 13 “chép lại dòng này từ mẫu”", () => {
    const r = check([
      { op: "insertColumn", sheet: "Chỉ tiêu", before: "A" },
      { op: "set", sheet: "Chỉ tiêu", cell: "A4", value: "STT" },
      ...Array.from({ length: 13 }, (_, i) => ({
        op: "set" as const,
        sheet: "Chỉ tiêu",
        cell: `A${i + 5}`,
        value: i + 1,
      })),
    ]);
    expect(r.valid).toBe(false);
    expect(only(onSheet(r, "Chỉ tiêu"))).toEqual([["NOT_TEMPLATE", "error", "Chỉ tiêu", "B4"]]);
    expect(onSheet(r, "Chỉ tiêu")[0]!.message).toBe(
      "Trang “Chỉ tiêu” bị lệch cột so với mẫu: cột “Mã” đang ở cột B (mẫu: cột A), cột “Cùng kỳ năm trước” đang ở cột E (mẫu: cột D), cột “Kỳ này” đang ở cột F (mẫu: cột E). Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc số liệu của trang này (đọc theo vị trí sẽ lấy nhầm số). Hãy đưa về đúng mẫu: cột A mã chỉ tiêu, cột D số liệu cùng kỳ năm trước, cột E số liệu kỳ này, xóa cột đã chèn (nhấp chuột phải vào tên cột → Xóa), lưu rồi gửi lại.",
    );
  });

  // Its figures are there, in E and F: a file whose Chỉ tiêu was not read for its moved columns is no
  // template sent unfilled, though no status was chosen either ("Tệp chưa có số liệu nào" in the
  // clerk's check, "chưa có số liệu (mẫu chưa điền)" in the letter, which asked for a filled report).
  test("Chỉ tiêu with an STT column before A and no status chosen: not “a template sent unfilled”", () => {
    const r = check([{ op: "insertColumn", sheet: "Chỉ tiêu", before: "A" }], {
      taskStatuses: Array.from({ length: 12 }, () => ""),
    });
    expect(only(onSheet(r, "Chỉ tiêu"))).toEqual([["NOT_TEMPLATE", "error", "Chỉ tiêu", "B4"]]);
    expect(onSheet(r, "Nhiệm vụ")).toHaveLength(12);
    expect(r.blank).toBeUndefined();
    // Nor one whose Nhiệm vụ was not read, its figures left blank.
    const tasks = check([{ op: "insertColumn", sheet: "Nhiệm vụ", before: "G" }], {
      counts: Object.fromEntries(DEFAULT_PROFILE.form.counts.map((f) => [f.code, [null, null]])),
    });
    expect(only(onSheet(tasks, "Nhiệm vụ"))).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "H4"]]);
    expect(tasks.blank).toBeUndefined();
    // The template as it was sent, unfilled, still is one.
    const unfilled = check([], {
      counts: Object.fromEntries(DEFAULT_PROFILE.form.counts.map((f) => [f.code, [null, null]])),
      taskStatuses: Array.from({ length: 12 }, () => ""),
    });
    expect(unfilled.blank).toBe(true);
  });

  test("Thông tin with a column before A: one error, and the unit still known (its letter is a returned file's, not “chưa nộp”)", () => {
    const r = check([{ op: "insertColumn", sheet: "Thông tin", before: "A" }]);
    expect(r.valid).toBe(false);
    expect(only(onSheet(r, "Thông tin"))).toEqual([["NOT_TEMPLATE", "error", "Thông tin", "B4"]]);
    expect(onSheet(r, "Thông tin")[0]!.message).toBe(
      "Trang “Thông tin” bị lệch cột so với mẫu: cột “Mã” đang ở cột B (mẫu: cột A), cột “Giá trị” đang ở cột D (mẫu: cột C). Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc thông tin của trang này. Hãy đưa về đúng mẫu: cột A mã, cột C giá trị, xóa cột đã chèn (nhấp chuột phải vào tên cột → Xóa), lưu rồi gửi lại.",
    );
    expect(r.unit).toBe("SO_NOI_VU");
    expect(r.period).toBe("6T");
    expect(r.year).toBe(2026);
  });

  test("Thông tin with a column inserted before C: the values in D are not “chưa điền” in C", () => {
    const r = check([
      { op: "insertColumn", sheet: "Thông tin", before: "C" },
      { op: "set", sheet: "Thông tin", cell: "C4", value: "Ghi chú" },
    ]);
    expect(only(onSheet(r, "Thông tin"))).toEqual([["NOT_TEMPLATE", "error", "Thông tin", "D4"]]);
    expect(onSheet(r, "Thông tin")[0]!.message).toContain("cột “Giá trị” đang ở cột D (mẫu: cột C)");
    expect(r.unit).toBe("SO_NOI_VU");
    expect(r.unitCell).toBe("D5");
  });

  // The name an off-roster unit's returned file is quoted by (letters, report) is read from the moved
  // column as from C: typed in TCVN3 or VNI it is the Unicode it shows, and said (LEGACY_TEXT).
  test("Thông tin with a column inserted before C and its name typed in TCVN3 or VNI: the name read as it shows, its cell D6 said", () => {
    const shown = "Ban Quản lý dự án đầu tư xây dựng tỉnh";
    for (const [encoding, typed] of [
      ["TCVN3", toTcvn3(shown)!],
      ["VNI", toVni(shown)!],
    ] as const) {
      const r = check([{ op: "insertColumn", sheet: "Thông tin", before: "C" }], { name: typed });
      expect(r.unitName).toBe(shown);
      expect(r.nameCell).toBe("D6");
      expect(only(onSheet(r, "Thông tin"))).toEqual([
        ["NOT_TEMPLATE", "error", "Thông tin", "D4"],
        ["LEGACY_TEXT", "warning", "Thông tin", "D6"],
      ]);
      expect(onSheet(r, "Thông tin")[1]!.message).toContain(`bảng mã ${encoding}`);
    }
    // Column B deleted: the values in B, read alike.
    const deleted = check([{ op: "deleteColumn", sheet: "Thông tin", column: "B" }], {
      name: toTcvn3(shown)!,
    });
    expect(deleted.unitName).toBe(shown);
    expect(only(onSheet(deleted, "Thông tin"))).toEqual([
      ["NOT_TEMPLATE", "error", "Thông tin", "B4"],
      ["LEGACY_TEXT", "warning", "Thông tin", "B6"],
    ]);
  });

  test("Thông tin with its label column B deleted: one error, the values in B not six “chưa điền” in C, the unit known", () => {
    const r = check([{ op: "deleteColumn", sheet: "Thông tin", column: "B" }]);
    expect(only(onSheet(r, "Thông tin"))).toEqual([["NOT_TEMPLATE", "error", "Thông tin", "B4"]]);
    expect(onSheet(r, "Thông tin")[0]!.message).toContain(
      "cột “Giá trị” đang ở cột B (mẫu: cột C). Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc thông tin của trang này. Hãy đưa về đúng mẫu: cột A mã, cột C giá trị, chèn lại cột đã xóa (nhấp chuột phải vào tên cột → Chèn), lưu rồi gửi lại.",
    );
    expect(r.unit).toBe("SO_NOI_VU");
    expect(r.unitCell).toBe("B5");
  });

  test("Nhiệm vụ with a “Tiến độ (%)” column inserted before G: one error, not a TASK_STATUS on every task", () => {
    const r = check([
      { op: "insertColumn", sheet: "Nhiệm vụ", before: "G" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G4", value: "Tiến độ (%)" },
      ...Array.from({ length: 12 }, (_, i) => ({
        op: "set" as const,
        sheet: "Nhiệm vụ",
        cell: `G${i + 5}`,
        value: 50,
      })),
    ]);
    expect(r.valid).toBe(false);
    expect(only(onSheet(r, "Nhiệm vụ"))).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "H4"]]);
    expect(onSheet(r, "Nhiệm vụ")[0]!.message).toBe(
      "Trang “Nhiệm vụ” bị lệch cột so với mẫu: cột “Tình trạng” đang ở cột H (mẫu: cột G). Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc nhiệm vụ của trang này (đọc theo vị trí sẽ lấy nhầm). Hãy đưa về đúng mẫu: cột B nội dung nhiệm vụ, cột F thời hạn, cột G tình trạng, xóa cột đã chèn (nhấp chuột phải vào tên cột → Xóa), lưu rồi gửi lại.",
    );
  });

  // Told as Thông tin and Chỉ tiêu tell a column moved left: insert it again, not "xóa cột đã chèn hoặc
  // chèn lại cột đã xóa", which left the clerk who deleted D to work out which.
  test("Nhiệm vụ with column D deleted: one error naming Thời hạn and Tình trạng, and to insert the column again", () => {
    const r = check([{ op: "deleteColumn", sheet: "Nhiệm vụ", column: "D" }]);
    expect(only(onSheet(r, "Nhiệm vụ"))).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "E4"]]);
    expect(onSheet(r, "Nhiệm vụ")[0]!.message).toContain(
      "cột “Thời hạn” đang ở cột E (mẫu: cột F), cột “Tình trạng” đang ở cột F (mẫu: cột G)",
    );
    // A column deleted is put back by inserting one, not by deleting more.
    expect(onSheet(r, "Nhiệm vụ")[0]!.message).toContain(
      "cột G tình trạng, chèn lại cột đã xóa (nhấp chuột phải vào tên cột → Chèn), lưu rồi gửi lại.",
    );
  });

  test("Nhiệm vụ with its Tình trạng column G deleted: one error saying the column was deleted, not “chưa chọn Tình trạng” on each task", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "H5", value: "Kế hoạch số 12/KH-SNV ngày 10/3/2026" },
      { op: "deleteColumn", sheet: "Nhiệm vụ", column: "G" },
    ]);
    expect(r.valid).toBe(false);
    expect(only(r.findings)).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "G4"]]);
    expect(r.findings[0]!.message).toBe(
      "Trang “Nhiệm vụ” không có cột “Tình trạng” (mẫu: cột G): cột “Kết quả cụ thể/minh chứng” đang ở cột G (mẫu: cột H). Có lẽ cột “Tình trạng” đã bị xóa cùng với tình trạng đã chọn cho các nhiệm vụ, nên chương trình không đọc nhiệm vụ của trang này. Hãy chèn lại cột trước cột G (nhấp chuột phải vào tên cột G → Chèn), ghi “Tình trạng” ở ô G4, chọn lại tình trạng cho từng nhiệm vụ (Hoàn thành, Hoàn thành quá hạn, Đang thực hiện hoặc Chưa thực hiện), lưu rồi gửi lại.",
    );
    // The file is still its unit's (a returned file in the letters, not "chưa nộp").
    expect(r.unit).toBe("SO_NOI_VU");

    // G and H deleted: "Ghi chú" is in G, and said so.
    const both = check([
      { op: "deleteColumn", sheet: "Nhiệm vụ", column: "G" },
      { op: "deleteColumn", sheet: "Nhiệm vụ", column: "G" },
    ]);
    expect(only(both.findings)).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "G4"]]);
    expect(both.findings[0]!.message).toContain("cột “Ghi chú” đang ở cột G (mẫu: cột I)");
    // Two columns gone: two to insert, or Ghi chú stays a column off (H, not I).
    expect(both.findings[0]!.message).toContain(
      "Hãy chèn lại 2 cột trước cột G (chọn 2 cột bắt đầu từ cột G, nhấp chuột phải → Chèn), ghi “Tình trạng” ở ô G4 (và tiêu đề các cột khác đã xóa, như trong mẫu), chọn lại tình trạng",
    );
  });

  test("Nhiệm vụ's G headed “Kết quả thực hiện” over the statuses is the status column renamed: read as before", () => {
    const r = check([{ op: "set", sheet: "Nhiệm vụ", cell: "G4", value: "Kết quả thực hiện" }]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
  });

  test("Nhiệm vụ's G renamed “Kết quả thực hiện” before any status is chosen: each task's status asked, no column said deleted", () => {
    // H still holds “Kết quả cụ thể/minh chứng”: G was renamed, not deleted. It was one NOT_TEMPLATE
    // telling the clerk to insert a column before G, which would push her own column and its row
    // texts one column off.
    const r = check([{ op: "set", sheet: "Nhiệm vụ", cell: "G4", value: "Kết quả thực hiện" }], {
      taskStatuses: Array.from({ length: 12 }, () => ""),
    });
    expect(r.findings.filter((f) => f.code === "NOT_TEMPLATE")).toEqual([]);
    expect(only(onSheet(r, "Nhiệm vụ"))).toEqual(
      Array.from({ length: 12 }, (_, i) => ["TASK_STATUS", "error", "Nhiệm vụ", `G${i + 5}`]),
    );
  });

  test("Nhiệm vụ's G renamed “Kết quả thực hiện” over its chosen statuses, H renamed too: read as before, no column said deleted", () => {
    // The statuses are there, in G: the column was renamed, not deleted, whatever H is now headed.
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "G4", value: "Kết quả thực hiện" },
      { op: "set", sheet: "Nhiệm vụ", cell: "H4", value: "Minh chứng" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
  });

  test("Nhiệm vụ with an STT column inserted before A: said as a shift, not “chép lại dòng tiêu đề từ mẫu”", () => {
    const r = check([{ op: "insertColumn", sheet: "Nhiệm vụ", before: "A" }]);
    expect(only(onSheet(r, "Nhiệm vụ"))).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "B4"]]);
    expect(onSheet(r, "Nhiệm vụ")[0]!.message).toContain("cột “STT” đang ở cột B (mẫu: cột A)");
  });

  test("headers renamed where the template has them, or a column added after I: read as before", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "G4", value: "TÌNH TRẠNG" },
      { op: "set", sheet: "Nhiệm vụ", cell: "F4", value: null },
      { op: "set", sheet: "Nhiệm vụ", cell: "J4", value: "Tình trạng (kỳ trước)" },
      { op: "set", sheet: "Thông tin", cell: "C4", value: "Nội dung điền" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
  });
});

describe("group headings and a total line in a list are not tasks or meetings", () => {
  test("Nhiệm vụ with “I”/“II” group headings and a “Tổng cộng” line: accepted, 12 tasks, no TASK_STATUS", () => {
    const r = check([
      { op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: ["I", "NHÓM NHIỆM VỤ VỀ THỂ CHẾ"] },
      { op: "insertRow", sheet: "Nhiệm vụ", row: 12, cells: ["II.", "Nhóm nhiệm vụ về chuyển đổi số"] },
      { op: "insertRow", sheet: "Nhiệm vụ", row: 19, cells: [null, "NHIỆM VỤ ĐƠN VỊ BỔ SUNG"] },
      {
        op: "insertRow",
        sheet: "Nhiệm vụ",
        row: 20,
        cells: [null, "Tổng cộng: 12 nhiệm vụ", null, null, null, null, "12 hoàn thành"],
      },
      // A heading merged across the row, as it is centred: no MERGED_CELLS either.
      { op: "merge", sheet: "Nhiệm vụ", range: "B5:I5" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
    expect(r.report?.tasks.map((t) => t.row)).not.toContain(5);
  });

  test("a task the unit added without a status is still one (with an STT, or in lower case without)", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "A17", value: 13 },
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "TẬP HUẤN VĂN THƯ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "Số hóa hồ sơ lưu trữ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B19", value: "II" },
      { op: "set", sheet: "Nhiệm vụ", cell: "F19", value: "Năm 2026" },
      // "Công tác …" is a task, not a "Cộng" (total) line, though the two read alike without marks.
      { op: "set", sheet: "Nhiệm vụ", cell: "B20", value: "Công tác tuyên truyền Kết luận 226" },
    ]);
    expect(only(r.findings)).toEqual([
      ["TASK_STATUS", "error", "Nhiệm vụ", "G17"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G18"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G19"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G20"],
    ]);
  });

  test("a task the unit added beginning “Cộng tác…” or “Cộng đồng…” is no “Cộng” (total) line: its missing or mistyped status is said", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Cộng tác với Sở Tài chính rà soát quy trình" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "Cộng đồng số: phổ cập kỹ năng số cho người dân" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G18", value: "Đang làm" },
      // A total line, with or without its count, is still none.
      { op: "set", sheet: "Nhiệm vụ", cell: "B19", value: "Cộng" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B20", value: "Cộng: 12 nhiệm vụ" },
    ]);
    expect(only(r.findings)).toEqual([
      ["TASK_STATUS", "error", "Nhiệm vụ", "G17"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G18"],
    ]);
  });

  test("a task or meeting beginning with its month or quarter (“Tháng 6: hoàn thành …”) is one; only the period alone is a heading", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Tháng 6: hoàn thành số hóa hồ sơ lưu trữ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "Quý III tổ chức tập huấn văn thư" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B19", value: "Năm 2026 số hóa 100% hồ sơ" },
      // Headings of a period, with its year, a colon or a count: still none.
      { op: "set", sheet: "Nhiệm vụ", cell: "B20", value: "Quý II năm 2026:" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B21", value: "Tháng 01/2026 (2 nhiệm vụ)" },
    ]);
    expect(only(r.findings)).toEqual([
      ["TASK_STATUS", "error", "Nhiệm vụ", "G17"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G18"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G19"],
    ]);
    // A meeting named by its quarter, without STT, type or form, is counted in the log.
    const log = check(
      [{ op: "insertRow", sheet: "Hội nghị", row: 5, cells: [null, "Quý II: Hội nghị sơ kết 6 tháng"] }],
      {
        counts: { HN_TONG: [3, 1], HN_TRUC_TUYEN: [1, 0], HN_VUOT_THOI_LUONG: [0, 0] },
      },
    );
    expect(log.findings).toEqual([]);
    expect(log.report?.meetings.map((m) => m.row)).toEqual([5]);
  });

  test("a total line is no task or meeting whatever else its row holds: a status filled down to it, the days summed", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Tổng cộng: 12 nhiệm vụ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Hoàn thành" },
      // A task in capitals with its status is a task.
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "TẬP HUẤN VĂN THƯ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G18", value: "Hoàn thành" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks.map((t) => t.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18]);
    const log = check(
      [
        {
          op: "insertRow",
          sheet: "Hội nghị",
          row: 7,
          cells: [null, "Tổng cộng", null, null, null, { formula: "SUM(F5:F6)", cached: 1.5 }],
        },
      ],
      LOG,
    );
    expect(log.findings).toEqual([]);
    expect(log.report?.meetings.map((m) => m.row)).toEqual([5, 6]);
  });

  test("a total line typed in column A and merged over the name (“Tổng cộng” across A:B) is no meeting or task either", () => {
    const log = check(
      [
        { op: "insertRow", sheet: "Hội nghị", row: 7, cells: ["Tổng cộng", null, null, null, null, 1.5] },
        { op: "merge", sheet: "Hội nghị", range: "A7:B7" },
      ],
      LOG,
    );
    expect(log.findings).toEqual([]);
    expect(log.report?.meetings.map((m) => m.row)).toEqual([5, 6]);
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "A17", value: "Cộng" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "12 nhiệm vụ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Hoàn thành" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
  });

  // "Tổng" alone is how many tables label their total ("Tổng: 12", "TỔNG" in A); only "Tổng cộng",
  // "Tổng số" and "Cộng" were totals, so the task list's "Tổng: 12 nhiệm vụ" was a task without a
  // status (the file returned) and the log's "Tổng" with the days summed a meeting (LOG_MISMATCH).
  test("a total line labelled “Tổng” alone (“Tổng: 12 nhiệm vụ”, “TỔNG” in A) is no task or meeting; “Tổng kết …” is a task", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Tổng: 12 nhiệm vụ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "Tổng (12 nhiệm vụ)" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G18", value: "Hoàn thành" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
    // A task of the unit's own that opens with "Tổng" and a number is still one, with its status.
    const own = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Tổng 5 năm thực hiện Kết luận 226" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Hoàn thành" },
    ]);
    expect(own.findings).toEqual([]);
    expect(own.report?.tasks).toHaveLength(13);
    const tasks = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Tổng kết 5 năm thực hiện Kết luận 226" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "Tổng hợp báo cáo quý" },
    ]);
    expect(only(tasks.findings)).toEqual([
      ["TASK_STATUS", "error", "Nhiệm vụ", "G17"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G18"],
    ]);
    const log = check(
      [
        { op: "insertRow", sheet: "Hội nghị", row: 7, cells: ["TỔNG", null, null, null, null, 1.5] },
        { op: "merge", sheet: "Hội nghị", range: "A7:B7" },
      ],
      LOG,
    );
    expect(log.findings).toEqual([]);
    expect(log.report?.meetings.map((m) => m.row)).toEqual([5, 6]);
  });

  // The bare totals clerks type under the list. Before session 38 "Cộng" before its count was a total
  // whatever followed; session 38 made a total anything but the counted words a task, and so a total
  // that breaks its count down ("Cộng: 12 nhiệm vụ, 10 hoàn thành", "Cộng: 12, trong đó …") was a task
  // without a status (the file returned) or, with "Hoàn thành" filled down to it, a 13th task, and in
  // the log a meeting (session 39's reviewer and mutation tester). The adversarial re-test added totals
  // whose count ends a line (Alt+Enter), a sentence or a dash, counts in the clerk's words ("NV", "đầu
  // việc", "HN", "phiên họp"), or "Tổng cộng" with two spaces or Word's no-break space.
  test("a bare total, however its count is closed or broken down, is no task or meeting; a count before other words is a task of the unit's own", () => {
    const totals = [
      "Cộng: 12 nhiệm vụ, 10 hoàn thành",
      "Tổng: 12 nhiệm vụ (10 hoàn thành, 2 đang thực hiện)",
      "Tổng: 12 (10 hoàn thành, 2 đang thực hiện)",
      "Cộng: 12, trong đó 10 hoàn thành",
      "Tổng: 12; 10 hoàn thành",
      "Tổng  cộng: 12 nhiệm vụ",
      "Tổng\u00a0cộng: 12",
      "Tổng: 12\nHoàn thành: 10\nĐang thực hiện: 2",
      "Tổng: 12. Trong đó: hoàn thành 10, đang thực hiện 2.",
      "Cộng: 12 - Hoàn thành: 10; Đang thực hiện: 2",
      "Tổng: 12 – hoàn thành 10, đang thực hiện 2",
      "Tổng: 12 NV",
      "Cộng: 12 đầu việc",
      "Tổng: 12 nội dung",
      "Tổng: 12 công việc",
      // Done out of all, what is counted named before the count, or "=" for the colon (session 40).
      "Tổng: 10/12 hoàn thành",
      "Tổng: 10 / 12 hoàn thành",
      "Cộng: 10 / 12 nhiệm vụ hoàn thành",
      "Tổng nhiệm vụ: 12",
      "TỔNG NHIỆM VỤ: 12 (10 hoàn thành)",
      "Cộng nhiệm vụ: 12",
      "Tổng NV: 12",
      "Tổng = 12",
      "Cộng = 12 nhiệm vụ",
      "Tổng số nhiệm vụ = 12",
      // What is counted, then which of them, before the colon (session 41).
      "Tổng nhiệm vụ hoàn thành: 10",
      "Tổng nhiệm vụ đã hoàn thành: 10/12",
      "Tổng nhiệm vụ hoàn thành đúng hạn: 8",
      "Cộng NV đang thực hiện = 2",
      "Tổng: 10/12 số nhiệm vụ hoàn thành",
      // A plain count, then which of them in a status's whole words (session 41).
      "Tổng: 10 hoàn thành",
      "Cộng: 10 đã hoàn thành, 2 đang thực hiện",
      "Tổng 2 hoàn thành quá hạn",
    ];
    for (const value of totals) {
      const r = check([{ op: "set", sheet: "Nhiệm vụ", cell: "B17", value }]);
      expect([value, r.findings]).toEqual([value, []]);
      expect(r.report?.tasks).toHaveLength(12);
    }
    // "Hoàn thành" filled down to the total line does not make it a 13th task.
    const filled = check([
      {
        op: "set",
        sheet: "Nhiệm vụ",
        cell: "B17",
        value: "Tổng: 12 nhiệm vụ (10 hoàn thành, 2 đang thực hiện)",
      },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Hoàn thành" },
    ]);
    expect(filled.findings).toEqual([]);
    expect(filled.report?.tasks).toHaveLength(12);
    const filledCount = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Tổng: 10 hoàn thành" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "Hoàn thành" },
    ]);
    expect(filledCount.findings).toEqual([]);
    expect(filledCount.report?.tasks).toHaveLength(12);
    const logTotals = [
      "Cộng: 2 cuộc họp, 1 trực tuyến",
      "Cộng: 2 buổi, 1 trực tuyến",
      "Tổng: 2 HN",
      "Cộng: 2 phiên họp",
      "Tổng: 02 lần",
      "Cộng: 2\n1 trực tuyến",
      "Tổng cuộc họp: 2",
      "Cộng hội nghị = 2",
      "Tổng: 1/2 trực tuyến",
      "Tổng cuộc họp trực tuyến: 1",
      "Tổng: 1 trực tuyến",
    ];
    for (const value of logTotals) {
      const log = check(
        [{ op: "insertRow", sheet: "Hội nghị", row: 7, cells: [null, value, null, null, null, 1.5] }],
        LOG,
      );
      expect([value, log.findings]).toEqual([value, []]);
      expect(log.report?.meetings.map((m) => m.row)).toEqual([5, 6]);
    }
    // Another word after the number, a decimal comma, a thousands' point or a range's dash: a task of
    // the unit's own, its missing status said.
    const own = [
      "Tổng 5 năm thực hiện Kết luận 226, 12 nhiệm vụ",
      "Tổng 5 năm thực hiện Kết luận 226",
      // A count before a status's or a form's words that go on as the unit's own (session 41).
      "Tổng 2 chuyên đề tập huấn nghiệp vụ",
      "Tổng: 10 hoàn thành trong năm",
      "Tổng 2,5 năm thực hiện Kết luận 226",
      "Tổng 2.500 hồ sơ tồn đọng được số hóa",
      "Tổng 3-5 năm rà soát quy hoạch",
      // Tasks that begin with "Tổng"/"Cộng" and a word not counted, a colon after it or not.
      "Tổng kết công tác năm 2025",
      "Tổng kết: 5 năm thực hiện Kết luận 226",
      "Tổng hợp số liệu",
      "Tổng hợp số liệu: báo cáo quý = 4 kỳ",
      "Tổng công ty Điện lực: phối hợp cấp điện",
      "Cộng đồng số: 12 tổ công nghệ",
      "Tổng nhiệm vụ hoàn thành trong năm",
      // A share of the unit's own before other words is no "done out of all" (session 41).
      "Tổng 3/4 số xã đã triển khai mô hình một cửa liên thông",
      "Tổng: 3/4 số xã đã triển khai",
    ];
    for (const value of own) {
      const r = check([{ op: "set", sheet: "Nhiệm vụ", cell: "B17", value }]);
      expect([value, only(r.findings)]).toEqual([value, [["TASK_STATUS", "error", "Nhiệm vụ", "G17"]]]);
    }
  });

  test("Hội nghị with month headings between meetings: not counted, so no LOG_MISMATCH", () => {
    const data: Partial<ReportData> = {
      counts: { HN_TONG: [3, 2], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 0] },
      meetings: [
        ["Hội nghị quán triệt Kết luận 226", "Quán triệt", "Trực tuyến", 0.5],
        ["Họp chuyên môn quý II", "Chuyên môn", "Trực tiếp", 1],
      ],
    };
    expect(check([], data).findings).toEqual([]);
    const r = check(
      [
        { op: "insertRow", sheet: "Hội nghị", row: 5, cells: [null, "Tháng 1/2026"] },
        { op: "insertRow", sheet: "Hội nghị", row: 7, cells: ["II", "QUÝ II"] },
      ],
      data,
    );
    expect(r.findings).toEqual([]);
    expect(r.report?.meetings.map((m) => m.row)).toEqual([6, 8]);
  });
});

test("Chỉ tiêu's header made two rows, “Số liệu” merged over D:E and the others merged down: read, no MERGED_CELLS", () => {
  const r = check([
    { op: "insertRow", sheet: "Chỉ tiêu", row: 5, cells: [null, null, null, "Cùng kỳ năm trước", "Kỳ này"] },
    { op: "set", sheet: "Chỉ tiêu", cell: "D4", value: "Số liệu" },
    { op: "set", sheet: "Chỉ tiêu", cell: "E4", value: null },
    ...["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5"].map((range) => ({
      op: "merge" as const,
      sheet: "Chỉ tiêu",
      range,
    })),
  ]);
  expect(r.findings).toEqual([]);
  expect(r.report?.values.HN_TONG).toEqual({ previous: 100, current: 90 });
  // A code row merged into the header is still said (MISSING_FIELD, with the merge named).
  const hidden = check([{ op: "merge", sheet: "Chỉ tiêu", range: "A4:A5" }]);
  expect(only(hidden.findings)).toEqual([["MISSING_FIELD", "error", "Chỉ tiêu", null]]);
  expect(hidden.findings[0]!.message).toContain("A4:A5");
});

test("Nhiệm vụ's header made two rows, “Nội dung nhiệm vụ” merged down B4:B5 and “Đơn vị” over “Chủ trì” and “Phối hợp”: read, no MERGED_CELLS", () => {
  const twoRows: Edit[] = [
    { op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: [null, null, "Chủ trì", "Phối hợp"] },
    { op: "set", sheet: "Nhiệm vụ", cell: "C4", value: "Đơn vị" },
    { op: "set", sheet: "Nhiệm vụ", cell: "D4", value: null },
    ...["A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:F5", "G4:G5", "H4:H5", "I4:I5"].map((range) => ({
      op: "merge" as const,
      sheet: "Nhiệm vụ",
      range,
    })),
  ];
  const r = check(twoRows);
  expect(r.findings).toEqual([]);
  expect(r.report?.tasks.map((t) => t.row)).toEqual(Array.from({ length: 12 }, (_, i) => i + 6));
  // Hội nghị's alike (its log read, its two meetings counted).
  const log = check(
    [
      { op: "insertRow", sheet: "Hội nghị", row: 5, cells: [] },
      ...["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5"].map((range) => ({
        op: "merge" as const,
        sheet: "Hội nghị",
        range,
      })),
    ],
    LOG,
  );
  expect(log.findings).toEqual([]);
  expect(log.report?.meetings.map((m) => m.row)).toEqual([6, 7]);
  // The first task merged into the header (its status in G5 still shows): its Nội dung is hidden, said.
  const hidden = check([{ op: "merge", sheet: "Nhiệm vụ", range: "B4:B5" }]);
  expect(only(hidden.findings)).toContainEqual(["MERGED_CELLS", "warning", "Nhiệm vụ", "B4"]);
  // A merge down over more rows than a header has hides tasks, whatever they show.
  const deep = check([
    { op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: [] },
    { op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: [] },
    { op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: [] },
    { op: "merge", sheet: "Nhiệm vụ", range: "F4:F7" },
  ]);
  expect(only(deep.findings)).toEqual([["MERGED_CELLS", "warning", "Nhiệm vụ", "F4"]]);
});

// Mutation test (session 39): each sign of a row of the list kept the merge said on its own.
test("a task or meeting merged into its list's header is said by its STT alone, or by its chosen status or type alone", () => {
  const merged = (sheet: string, cleared: string[], data: Partial<ReportData> = {}) =>
    only(
      check(
        [
          ...cleared.map((cell) => ({ op: "set" as const, sheet, cell, value: null })),
          { op: "merge", sheet, range: "B4:B5" },
        ],
        data,
      ).findings,
    );
  // Task 1 with its STT but no status yet: its Nội dung in B5 is hidden all the same.
  expect(merged("Nhiệm vụ", ["G5"])).toContainEqual(["MERGED_CELLS", "warning", "Nhiệm vụ", "B4"]);
  // A task without an STT (the clerk's own) whose status is chosen.
  expect(merged("Nhiệm vụ", ["A5"])).toContainEqual(["MERGED_CELLS", "warning", "Nhiệm vụ", "B4"]);
  // A meeting without an STT, by its type (Quán triệt) or by its form (Trực tuyến).
  expect(merged("Hội nghị", ["A5", "D5"], LOG)).toContainEqual(["MERGED_CELLS", "warning", "Hội nghị", "B4"]);
  expect(merged("Hội nghị", ["A5", "C5"], LOG)).toContainEqual(["MERGED_CELLS", "warning", "Hội nghị", "B4"]);
});

test("=D5*0.9 in E, its result 57,6 shown as 58 by the cell's format: the error says it is the formula's result and how to round it", () => {
  const r = check([
    { op: "set", sheet: "Chỉ tiêu", cell: "D5", value: 64 },
    { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: { formula: "D5*0.9", cached: 57.6 } },
  ]);
  expect(only(r.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E5"]]);
  expect(r.findings[0]!.message).toBe(
    "Số liệu “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này) là kết quả của công thức trong ô, bằng 57,6 (có phần thập phân; ô có thể đang hiện số đã làm tròn). Đây là số đếm: nhập trực tiếp số nguyên, hoặc bọc công thức trong hàm ROUND, ví dụ =ROUND(D5*0,9;0) (nếu công thức đã có ROUND, sửa số chữ số thập phân (số cuối) thành 0).",
  );
  // Already rounded, to one decimal (=ROUND(D5*0.9;1)): the message says to make its last argument 0,
  // not only to wrap it in ROUND, which it is.
  const rounded = check([
    { op: "set", sheet: "Chỉ tiêu", cell: "D5", value: 64 },
    { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: { formula: "ROUND(D5*0.9,1)", cached: 57.6 } },
  ]);
  expect(only(rounded.findings)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E5"]]);
  expect(rounded.findings[0]!.message).toContain(
    "nếu công thức đã có ROUND, sửa số chữ số thập phân (số cuối) thành 0",
  );
  // A fraction typed, not computed: as before.
  const typed = check([{ op: "set", sheet: "Chỉ tiêu", cell: "E5", value: 57.6 }]);
  expect(typed.findings[0]!.message).toContain("có phần thập phân (57,6). Đây là số đếm: nhập số nguyên");
});

describe("a moved column keeps the name the clerk gave its header", () => {
  test("Thông tin's “Giá trị (ghi rõ)” moved to D, and Chỉ tiêu's “Mã chỉ tiêu” moved to B, are named as typed", () => {
    const info = check([
      { op: "insertColumn", sheet: "Thông tin", before: "C" },
      { op: "set", sheet: "Thông tin", cell: "C4", value: "Ghi chú" },
      { op: "set", sheet: "Thông tin", cell: "D4", value: "Giá trị (ghi rõ)" },
    ]);
    expect(only(onSheet(info, "Thông tin"))).toEqual([["NOT_TEMPLATE", "error", "Thông tin", "D4"]]);
    expect(onSheet(info, "Thông tin")[0]!.message).toContain(
      "cột “Giá trị (ghi rõ)” đang ở cột D (mẫu: cột C)",
    );
    expect(info.unitCell).toBe("D5");

    const counts = check([
      { op: "insertColumn", sheet: "Chỉ tiêu", before: "A" },
      { op: "set", sheet: "Chỉ tiêu", cell: "A4", value: "STT" },
      { op: "set", sheet: "Chỉ tiêu", cell: "B4", value: "Mã chỉ tiêu" },
    ]);
    expect(only(onSheet(counts, "Chỉ tiêu"))).toEqual([["NOT_TEMPLATE", "error", "Chỉ tiêu", "B4"]]);
    expect(onSheet(counts, "Chỉ tiêu")[0]!.message).toContain("cột “Mã chỉ tiêu” đang ở cột B (mẫu: cột A)");
  });

  test("Nhiệm vụ with a column inserted before B and its headers renamed “Nhiệm vụ” and “Tình trạng thực hiện”: each moved one named", () => {
    const r = check([
      { op: "insertColumn", sheet: "Nhiệm vụ", before: "B" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B4", value: "Mã NV" },
      { op: "set", sheet: "Nhiệm vụ", cell: "C4", value: "Nhiệm vụ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "H4", value: "Tình trạng thực hiện" },
    ]);
    expect(only(onSheet(r, "Nhiệm vụ"))).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "C4"]]);
    expect(onSheet(r, "Nhiệm vụ")[0]!.message).toContain(
      "bị lệch cột so với mẫu: cột “Nhiệm vụ” đang ở cột C (mẫu: cột B), cột “Thời hạn” đang ở cột G (mẫu: cột F), cột “Tình trạng thực hiện” đang ở cột H (mẫu: cột G).",
    );
  });

  test("Nhiệm vụ with two columns inserted before A: STT and every read column are named where they are", () => {
    const r = check([
      { op: "insertColumn", sheet: "Nhiệm vụ", before: "A" },
      { op: "insertColumn", sheet: "Nhiệm vụ", before: "A" },
    ]);
    expect(only(onSheet(r, "Nhiệm vụ"))).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "C4"]]);
    expect(onSheet(r, "Nhiệm vụ")[0]!.message).toBe(
      "Trang “Nhiệm vụ” bị lệch cột so với mẫu: cột “STT” đang ở cột C (mẫu: cột A), cột “Nội dung nhiệm vụ” đang ở cột D (mẫu: cột B), cột “Thời hạn” đang ở cột H (mẫu: cột F), cột “Tình trạng” đang ở cột I (mẫu: cột G). Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc nhiệm vụ của trang này (đọc theo vị trí sẽ lấy nhầm). Hãy đưa về đúng mẫu: cột A STT, cột B nội dung nhiệm vụ, cột F thời hạn, cột G tình trạng, xóa cột đã chèn (nhấp chuột phải vào tên cột → Xóa), lưu rồi gửi lại.",
    );
  });
});

describe("which rows of a list are headings, and which stay tasks or meetings", () => {
  test("a group numbered with a capital letter (“A”, “B.”) is a heading, as “I”, “II.” are", () => {
    const r = check([
      { op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: ["A", "NHIỆM VỤ CHUNG"] },
      { op: "insertRow", sheet: "Nhiệm vụ", row: 12, cells: ["B.", "Nhiệm vụ riêng của đơn vị"] },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
  });

  test("a row in capitals is still a task when its status is typed (not one of the list) or it has a note in I", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "TẬP HUẤN VĂN THƯ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: "xong" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "TẬP HUẤN LƯU TRỮ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "I18", value: "Đơn vị bổ sung" },
    ]);
    expect(only(r.findings)).toEqual([
      ["TASK_STATUS", "error", "Nhiệm vụ", "G17"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G18"],
    ]);
  });

  // "Cộng" alone is a total line ("Cộng: 14"), but "Cộng đồng …", "Cộng tác …" begin tasks: one
  // typed in Nội dung alone, without its status, was dropped without a word, as a total.
  test("a task beginning “Cộng đồng” or “Cộng tác” without a status is a TASK_STATUS, not a total line; “Cộng: 14” is one", () => {
    const r = check([
      {
        op: "set",
        sheet: "Nhiệm vụ",
        cell: "B17",
        value: "Cộng đồng số: hướng dẫn người dân dùng dịch vụ công",
      },
      { op: "set", sheet: "Nhiệm vụ", cell: "B18", value: "Cộng tác với Sở Tài chính rà soát thủ tục" },
      { op: "set", sheet: "Nhiệm vụ", cell: "B19", value: "Cộng: 14 nhiệm vụ" },
    ]);
    expect(only(r.findings)).toEqual([
      ["TASK_STATUS", "error", "Nhiệm vụ", "G17"],
      ["TASK_STATUS", "error", "Nhiệm vụ", "G18"],
    ]);
  });

  test("Hội nghị: a “Năm 2026” heading is not a meeting; a row with its Số ngày filled is one, whatever its name", () => {
    const data: Partial<ReportData> = {
      counts: { HN_TONG: [3, 2], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 0] },
      meetings: [
        ["Hội nghị quán triệt Kết luận 226", "Quán triệt", "Trực tuyến", 0.5],
        ["Họp chuyên môn quý II", "Chuyên môn", "Trực tiếp", 1],
      ],
    };
    const heading = check([{ op: "insertRow", sheet: "Hội nghị", row: 5, cells: [null, "Năm 2026"] }], data);
    expect(heading.findings).toEqual([]);
    expect(heading.report?.meetings.map((m) => m.row)).toEqual([6, 7]);
    const withDays = check(
      [{ op: "insertRow", sheet: "Hội nghị", row: 5, cells: [null, "Tháng 3/2026", null, null, null, 1] }],
      data,
    );
    expect(withDays.report?.meetings.map((m) => m.row)).toEqual([5, 6, 7]);
  });

  // Vietnamese tables number their columns in a row under the header ("(1)", "(2)" … or 1, 2 …): that
  // row in Nhiệm vụ was a task whose status "(7)" is not one of the list, and the file was returned;
  // in Hội nghị a meeting named "(2)", with two BAD_VALUE warnings and LOG_MISMATCH counting it.
  test("a row numbering the columns under the header (“(1)” … “(9)”, or 1 … 6) is no task or meeting", () => {
    const numbers = (n: number, shown: (i: number) => string | number) =>
      Array.from({ length: n }, (_, i) => shown(i + 1));
    const r = check([{ op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: numbers(9, (i) => `(${i})`) }]);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
    const log = check([{ op: "insertRow", sheet: "Hội nghị", row: 5, cells: numbers(6, (i) => i) }], {
      counts: { HN_TONG: [3, 2], HN_TRUC_TUYEN: [1, 1], HN_VUOT_THOI_LUONG: [0, 0] },
      meetings: [
        ["Hội nghị quán triệt Kết luận 226", "Quán triệt", "Trực tuyến", 0.5],
        ["Họp chuyên môn quý II", "Chuyên môn", "Trực tiếp", 1],
      ],
    });
    expect(log.findings).toEqual([]);
    expect(log.report?.meetings.map((m) => m.row)).toEqual([6, 7]);
    // A task whose status is a number is not such a row: its status is said.
    const task = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "A17", value: 13 },
      { op: "set", sheet: "Nhiệm vụ", cell: "B17", value: "Tập huấn văn thư" },
      { op: "set", sheet: "Nhiệm vụ", cell: "G17", value: 7 },
    ]);
    expect(only(task.findings)).toEqual([["TASK_STATUS", "error", "Nhiệm vụ", "G17"]]);
  });
});

describe("Hội nghị's columns are checked as the other sheets' (its warnings only: the log is optional)", () => {
  test("a “Chủ trì” column inserted before C: one warning saying the columns moved, not “Hình thức “Quán triệt” không hợp lệ” on each meeting", () => {
    const r = check(
      [
        { op: "insertColumn", sheet: "Hội nghị", before: "C" },
        { op: "set", sheet: "Hội nghị", cell: "C4", value: "Chủ trì" },
      ],
      LOG,
    );
    expect(r.valid).toBe(true);
    expect(only(r.findings)).toEqual([["LOG_MISMATCH", "warning", "Hội nghị", "D4"]]);
    expect(r.findings[0]!.message).toBe(
      "Trang “Hội nghị” bị lệch cột so với mẫu: cột “Loại” đang ở cột D (mẫu: cột C), cột “Hình thức” đang ở cột E (mẫu: cột D), cột “Số ngày” đang ở cột G (mẫu: cột F). Có lẽ đã chèn, xóa hoặc đổi chỗ cột, nên chương trình không đọc danh sách hội nghị của trang này (đọc theo vị trí sẽ lấy nhầm) và chưa đối chiếu được với số hội nghị ở trang “Chỉ tiêu”; trang “Hội nghị” không bắt buộc, báo cáo vẫn được tổng hợp. Hãy đưa về đúng mẫu: cột B tên hội nghị, cột C loại, cột D hình thức, cột F số ngày, xóa cột đã chèn (nhấp chuột phải vào tên cột → Xóa), lưu rồi gửi lại.",
    );
    expect(r.report?.meetings).toEqual([]);
  });

  test("an STT column inserted before A: said, where the log was left unread without a word", () => {
    const r = check([{ op: "insertColumn", sheet: "Hội nghị", before: "A" }], LOG);
    expect(only(r.findings)).toEqual([["LOG_MISMATCH", "warning", "Hội nghị", "B4"]]);
    expect(r.findings[0]!.message).toContain(
      "cột “STT” đang ở cột B (mẫu: cột A), cột “Tên hội nghị” đang ở cột C (mẫu: cột B)",
    );
    expect(r.findings[0]!.message).toContain("Hãy đưa về đúng mẫu: cột A STT, cột B tên hội nghị");
  });

  test("its header row deleted, meetings under it: one warning that the log was not read (it was passed over without a word)", () => {
    const r = check([{ op: "deleteRow", sheet: "Hội nghị", row: 4 }], LOG);
    expect(r.valid).toBe(true);
    expect(only(r.findings)).toEqual([["LOG_MISMATCH", "warning", "Hội nghị", "D4"]]);
    expect(r.findings[0]!.message).toBe(
      "Không tìm thấy dòng tiêu đề có ô “STT” ở cột A của trang “Hội nghị”, nên chương trình không đọc danh sách hội nghị của trang này và chưa đối chiếu được với số hội nghị ở trang “Chỉ tiêu”; trang “Hội nghị” không bắt buộc, báo cáo vẫn được tổng hợp. Hãy chép lại dòng tiêu đề từ mẫu (ngay trên hội nghị đầu tiên), lưu rồi gửi lại.",
    );
    // No meeting listed, the header deleted with the rest: nothing to say.
    const empty = check([{ op: "deleteRow", sheet: "Hội nghị", row: 4 }]);
    expect(empty.findings).toEqual([]);
  });

  test("column C (Loại) deleted: told to insert it again", () => {
    const r = check([{ op: "deleteColumn", sheet: "Hội nghị", column: "C" }], LOG);
    expect(only(r.findings)).toEqual([["LOG_MISMATCH", "warning", "Hội nghị", "C4"]]);
    expect(r.findings[0]!.message).toContain(
      "cột “Hình thức” đang ở cột C (mẫu: cột D), cột “Số ngày” đang ở cột E (mẫu: cột F)",
    );
    expect(r.findings[0]!.message).toContain("chèn lại cột đã xóa (nhấp chuột phải vào tên cột → Chèn)");
  });

  test("column B (Tên hội nghị) deleted: Loại, now in B, is the first header said moved", () => {
    const r = check([{ op: "deleteColumn", sheet: "Hội nghị", column: "B" }], LOG);
    expect(only(r.findings)).toEqual([["LOG_MISMATCH", "warning", "Hội nghị", "B4"]]);
    expect(r.findings[0]!.message).toContain(
      "cột “Loại” đang ở cột B (mẫu: cột C), cột “Hình thức” đang ở cột C (mẫu: cột D), cột “Số ngày” đang ở cột E (mẫu: cột F)",
    );
  });

  test("a column added after F, or headers renamed where the template has them: the log read as before", () => {
    const r = check(
      [
        { op: "set", sheet: "Hội nghị", cell: "G4", value: "Ghi chú (loại hội nghị cũ)" },
        { op: "set", sheet: "Hội nghị", cell: "C4", value: "Loại hội nghị" },
        { op: "set", sheet: "Hội nghị", cell: "F4", value: "Thời lượng (ngày)" },
      ],
      LOG,
    );
    expect(r.findings).toEqual([]);
    expect(r.report?.meetings.map((m) => m.row)).toEqual([5, 6]);
  });
});

describe("a header renamed where the template has it and a column of the clerk's own after the list's last, its header like the renamed one: no moved column", () => {
  // "Tên hội nghị" renamed "Hội nghị, hội thảo" in B and a column G "Nội dung chính" added: B was said
  // moved to G across Loại, Hình thức and Số ngày in their places, the log left unread with a
  // LOG_MISMATCH. In Nhiệm vụ, Tình trạng renamed "Trạng thái" and a column J "Tình trạng hồ sơ"
  // added: the file was returned (NOT_TEMPLATE), its statuses in G as the template has them.
  test("Hội nghị: B renamed, G “Nội dung chính” added: the log read as the template's", () => {
    const r = check(
      [
        { op: "set", sheet: "Hội nghị", cell: "B4", value: "Hội nghị, hội thảo" },
        { op: "set", sheet: "Hội nghị", cell: "G4", value: "Nội dung chính" },
        { op: "set", sheet: "Hội nghị", cell: "G5", value: "Quán triệt Kết luận 226" },
      ],
      LOG,
    );
    expect(r.findings).toEqual([]);
    expect(r.report?.meetings.map((m) => [m.row, m.type, m.form])).toEqual([
      [5, "QUAN_TRIET", "TRUC_TUYEN"],
      [6, "CHUYEN_MON", "TRUC_TIEP"],
    ]);
  });

  test("Nhiệm vụ: G renamed “Trạng thái”, J “Tình trạng hồ sơ” added: the statuses read, the file accepted", () => {
    const r = check([
      { op: "set", sheet: "Nhiệm vụ", cell: "G4", value: "Trạng thái" },
      { op: "set", sheet: "Nhiệm vụ", cell: "J4", value: "Tình trạng hồ sơ" },
      { op: "set", sheet: "Nhiệm vụ", cell: "J5", value: "Đủ" },
    ]);
    expect(r.valid).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.report?.tasks).toHaveLength(12);
  });

  test("a real move still is one: “Tình trạng” in H after a column inserted before G", () => {
    const r = check([{ op: "insertColumn", sheet: "Nhiệm vụ", before: "G" }]);
    expect(only(onSheet(r, "Nhiệm vụ"))).toEqual([["NOT_TEMPLATE", "error", "Nhiệm vụ", "H4"]]);
  });
});

describe("a task of the plan the unit deleted is said at validate time (a warning: the file is accepted)", () => {
  test("task 5's row deleted: one warning naming it and how to put it back; the summary counts it “Không có trong báo cáo”", () => {
    const r = check([{ op: "deleteRow", sheet: "Nhiệm vụ", row: 9 }]);
    expect(r.valid).toBe(true);
    expect(only(r.findings)).toEqual([["MISSING_FIELD", "warning", "Nhiệm vụ", null]]);
    expect(r.findings[0]!.message).toBe(
      "Không thấy nhiệm vụ 5 (“Đánh giá việc thực hiện phân cấp, phân quyền trong quản lý…”) của mẫu ở trang “Nhiệm vụ”. Có lẽ dòng đã bị xóa, hoặc nội dung nhiệm vụ (cột B) đã bị sửa, nên khi tổng hợp nhiệm vụ này được tính là “Không có trong báo cáo” của đơn vị. Hãy chép lại dòng này từ mẫu (lệnh “kl226 template” hoặc nút Mẫu báo cáo), giữ nguyên nội dung ở cột B, và chọn Tình trạng ở cột G (nhiệm vụ chưa thực hiện thì chọn “Chưa thực hiện”).",
    );
    expect(r.report?.tasks).toHaveLength(11);
    // What the warning says of the summary: the task is counted absent for the unit.
    const c = consolidate([{ file: "so-noi-vu.xlsx", sha256: "a", result: r }], { profile: DEFAULT_PROFILE });
    expect(c.tasks[4]).toMatchObject({ index: 5, done: 0, absent: 1 });
    expect(c.tasks[3]).toMatchObject({ index: 4, done: 1, absent: 0 });
  });

  test("three deleted are each quoted; more are named by their STT; a task whose text was edited is one of them", () => {
    const three = check([1, 2, 3].map(() => ({ op: "deleteRow" as const, sheet: "Nhiệm vụ", row: 5 })));
    expect(only(three.findings)).toEqual([["MISSING_FIELD", "warning", "Nhiệm vụ", null]]);
    expect(three.findings[0]!.message).toContain(
      "Không thấy 3 nhiệm vụ của mẫu ở trang “Nhiệm vụ”: nhiệm vụ 1 (“Rà soát, sửa đổi, bổ sung, ban hành hoặc trình cấp có thẩm…”), nhiệm vụ 2 (“Thực hiện cắt giảm tối thiểu 15% số lượng văn bản hành chính…”), nhiệm vụ 3 (“Thực hiện cắt giảm tối thiểu 10% số lượng hội nghị, cuộc họp…”). Có lẽ các dòng đã bị xóa",
    );
    expect(three.findings[0]!.message).toContain(
      "Hãy chép lại các dòng này từ mẫu (lệnh “kl226 template” hoặc nút Mẫu báo cáo), giữ nguyên nội dung ở cột B, và chọn Tình trạng ở cột G cho từng nhiệm vụ",
    );
    const five = check([
      ...[1, 2, 3, 4].map(() => ({ op: "deleteRow" as const, sheet: "Nhiệm vụ", row: 5 })),
      { op: "set", sheet: "Nhiệm vụ", cell: "B6", value: "Tăng cường kiểm tra kỷ luật, kỷ cương hành chính" },
    ]);
    expect(five.findings[0]!.message).toContain(
      "Không thấy 5 nhiệm vụ của mẫu ở trang “Nhiệm vụ”: các nhiệm vụ số 1, 2, 3, 4, 6. Có lẽ các dòng đã bị xóa, hoặc nội dung nhiệm vụ (cột B) đã bị sửa",
    );
  });

  test("not said: the plan's tasks moved, with rows between, or one without its status (that is its own error)", () => {
    const r = check([
      { op: "insertRow", sheet: "Nhiệm vụ", row: 5, cells: ["I", "NHÓM NHIỆM VỤ VỀ THỂ CHẾ"] },
      { op: "deleteRow", sheet: "Nhiệm vụ", row: 6 },
      {
        op: "insertRow",
        sheet: "Nhiệm vụ",
        row: 17,
        cells: [
          12,
          "rà soát, sửa đổi, bổ sung, ban hành hoặc trình cấp có thẩm quyền ban hành các văn bản quy phạm pháp luật có quy định còn chồng chéo, không còn phù hợp thực tiễn; rà soát cắt giảm, đơn giản hóa thủ tục hành chính trong quá trình ban hành văn bản quy phạm pháp luật  ",
          null,
          null,
          null,
          "Năm 2026",
          "Hoàn thành",
        ],
      },
      { op: "set", sheet: "Nhiệm vụ", cell: "G10", value: null },
    ]);
    expect(only(r.findings)).toEqual([["TASK_STATUS", "error", "Nhiệm vụ", "G10"]]);
  });

  describe("tasks the unit's template never had", () => {
    // Task 12 of the plan for the departments' own offices only ("đơn vị thuộc/trực thuộc").
    const profile: Profile = {
      ...DEFAULT_PROFILE,
      form: {
        ...DEFAULT_PROFILE.form,
        tasks: DEFAULT_PROFILE.form.tasks.map((t, i) =>
          i === 11 ? { ...t, appliesTo: ["PHONG_THUOC_SO" as const] } : t,
        ),
      },
    };
    const deleteTask12 = [{ op: "deleteRow" as const, sheet: "Nhiệm vụ", row: 16 }];

    test("a task that does not apply to the unit is not said; one that does is, quoted without an STT (which depends on the template)", () => {
      const so = inspectBytes(reportBytes(BASE, deleteTask12, profile), profile);
      expect(so.findings).toEqual([]);
      const office = inspectBytes(
        reportBytes(
          { unit: "VP_SO_NOI_VU", name: "Văn phòng Sở", type: "PHONG_THUOC_SO" },
          deleteTask12,
          profile,
        ),
        profile,
      );
      expect(only(office.findings)).toEqual([["MISSING_FIELD", "warning", "Nhiệm vụ", null]]);
      expect(office.findings[0]!.message).toContain(
        "Không thấy nhiệm vụ “Bổ sung tiêu chí về kết quả triển khai Kết luận số 226-KL/TW…” của mẫu ở trang “Nhiệm vụ”.",
      );
    });

    // A province's own profile (on its server, not shipped in this build) names itself in its template:
    // its files were passed over as of "a plan this build lacks", whose rows are not known.
    test("a province's own profile checking its own template's file: a task deleted is said, as for a shipped plan", () => {
      const own: Profile = {
        ...shippedProfile("dong-thap-syt-226")!,
        id: "quang-tri-226",
        name: "Quảng Trị",
      };
      const r = inspectBytes(reportBytes(BASE, [{ op: "deleteRow", sheet: "Nhiệm vụ", row: 9 }], own), own);
      expect(only(r.findings)).toEqual([["MISSING_FIELD", "warning", "Nhiệm vụ", null]]);
      expect(r.findings[0]!.message).toContain("Không thấy nhiệm vụ 5 (“");
      expect(r.findings[0]!.message).toContain("Có lẽ dòng đã bị xóa");
      // Its template as sent, no row deleted: nothing said.
      expect(inspectBytes(reportBytes(BASE, [], own), own).findings).toEqual([]);
    });

    test("a file on the common template checked by a province's plan: that plan's tasks are not said to be deleted", () => {
      const plan = shippedProfile("dong-thap-syt-226")!;
      const r = inspectBytes(reportBytes(BASE), plan);
      expect(r.findings.filter((f) => f.sheet === "Nhiệm vụ")).toEqual([]);
    });
  });
});

describe("Thông tin renamed: the error says what to rename, and the file is still its unit's", () => {
  test.each(["Thong tin", "Thông tin chung"])(
    "“%s”: one NOT_TEMPLATE naming it, the unit, period and year read from it",
    (to) => {
      const r = check([{ op: "renameSheet", sheet: "Thông tin", to }]);
      expect(r.valid).toBe(false);
      expect(only(r.findings)).toEqual([["NOT_TEMPLATE", "error", "Thông tin", null]]);
      expect(r.findings[0]!.message).toBe(
        `Không có trang tính “Thông tin” mà có trang “${to}”: có lẽ tên trang đã bị sửa. Đổi tên trang “${to}” thành đúng “Thông tin” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.`,
      );
      expect([r.unit, r.unitName, r.period, r.year]).toEqual(["SO_NOI_VU", "Sở Nội vụ", "6T", 2026]);
      // Its cells are on no "Thông tin": none is pointed at.
      expect(r.unitCell).toBeUndefined();
    },
  );

  test("renamed “Sheet1”: found by its rows, named with what it holds, the unit read", () => {
    const r = check([{ op: "renameSheet", sheet: "Thông tin", to: "Sheet1" }]);
    expect(only(r.findings)).toEqual([["NOT_TEMPLATE", "error", "Thông tin", null]]);
    expect(r.findings[0]!.message).toBe(
      "Không có trang tính “Thông tin” mà có trang “Sheet1” (có các dòng Mã đơn vị, Tên đơn vị… của trang “Thông tin”): có lẽ tên trang đã bị sửa. Đổi tên trang “Sheet1” thành đúng “Thông tin” (nhấp đúp vào tên trang ở dưới cùng), lưu rồi gửi lại.",
    );
    expect(r.unit).toBe("SO_NOI_VU");
  });

  test("two sheets that may be it (“Thong tin” and a copy “Sheet1”): both named, the unit not guessed", () => {
    const r = check([
      { op: "renameSheet", sheet: "Thông tin", to: "Thong tin" },
      { op: "copySheet", sheet: "Thong tin", to: "Sheet1" },
      { op: "set", sheet: "Sheet1", cell: "C5", value: "SO_TAI_CHINH" },
    ]);
    expect(only(r.findings)).toEqual([["NOT_TEMPLATE", "error", "Thông tin", null]]);
    expect(r.findings[0]!.message).toBe(
      "Không có trang tính “Thông tin” mà có các trang “Thong tin”, “Sheet1” (có các dòng Mã đơn vị, Tên đơn vị… của trang “Thông tin”): có lẽ một trong số đó là trang “Thông tin” đã bị sửa tên. Giữ lại trang có số liệu đúng, đổi tên trang đó thành đúng “Thông tin” (nhấp đúp vào tên trang ở dưới cùng), xóa (các) trang kia, lưu rồi gửi lại.",
    );
    expect(r.unit).toBeNull();
  });

  test("in a consolidation with a roster, the unit is bị trả lại (its letter a returned file's), not chưa nộp", () => {
    const r = check([{ op: "renameSheet", sheet: "Thông tin", to: "Thong tin" }]);
    const c = consolidate([{ file: "in/bao-cao.xlsx", sha256: "a", result: r }], {
      profile: DEFAULT_PROFILE,
      roster: ROSTER,
    });
    expect(c.rejected.map((f) => [f.file, f.unit])).toEqual([["in/bao-cao.xlsx", "SO_NOI_VU"]]);
    expect(c.returned.map((u) => u.code)).toEqual(["SO_NOI_VU"]);
    expect(c.missing.map((u) => u.code)).toEqual(["SO_TAI_CHINH"]);
  });
});

// Column A holds the codes the rows are read by (SPEC §3); a clerk who thought them clutter and deleted
// the column got 13 "Không tìm thấy dòng có mã … chép lại dòng này từ mẫu" on Chỉ tiêu, and on Thông
// tin six of them and no unit: the file of a unit that reported was a file of no one.
describe("the code column A deleted: one error that says so, the unit still known", () => {
  test("Chỉ tiêu: one NOT_TEMPLATE naming the first row's label and its code, not 13 MISSING_FIELD", () => {
    const r = check([{ op: "deleteColumn", sheet: "Chỉ tiêu", column: "A" }]);
    expect(r.valid).toBe(false);
    expect(only(r.findings)).toEqual([["NOT_TEMPLATE", "error", "Chỉ tiêu", "A4"]]);
    expect(r.findings[0]!.message).toBe(
      "Trang “Chỉ tiêu” không có cột “Mã” (mẫu: cột A): ô A5 là “Tổng số hội nghị, cuộc họp đã tổ chức”, không phải mã HN_TONG. Có lẽ cột mã đã bị xóa, nên chương trình không đọc số liệu của trang này theo mẫu. Hãy chèn lại cột A (nhấp chuột phải vào tên cột A → Chèn), chép các mã ở cột A của trang “Chỉ tiêu” trong mẫu (lệnh “kl226 template” hoặc nút Mẫu báo cáo) vào đúng từng dòng (ô A5 là HN_TONG), lưu rồi gửi lại.",
    );
    expect(r.unit).toBe("SO_NOI_VU");
  });

  test("Thông tin: one NOT_TEMPLATE, and the unit read by the rows' labels ('Email' is no code left in A)", () => {
    const r = check([{ op: "deleteColumn", sheet: "Thông tin", column: "A" }]);
    expect(r.valid).toBe(false);
    expect(only(r.findings)).toEqual([["NOT_TEMPLATE", "error", "Thông tin", "A4"]]);
    expect(r.findings[0]!.message).toContain(
      "Trang “Thông tin” không có cột “Mã” (mẫu: cột A): ô A5 là “Mã đơn vị (*)”, không phải mã MA_DON_VI.",
    );
    expect(r.unit).toBe("SO_NOI_VU");
    // Where the clerk finds her unit's code and name now: column B, beside their labels in A.
    expect([r.unitCell, r.nameCell]).toEqual(["B5", "B6"]);
    const c = consolidate([{ file: "in/bao-cao.xlsx", sha256: "a", result: r }], {
      profile: DEFAULT_PROFILE,
      roster: ROSTER,
    });
    expect(c.returned.map((u) => u.code)).toEqual(["SO_NOI_VU"]);
    expect(c.missing.map((u) => u.code)).toEqual(["SO_TAI_CHINH"]);
  });

  test("labels edited as well: the rows are not guessed (MISSING_FIELD per row, as before)", () => {
    const r = check([
      { op: "deleteColumn", sheet: "Chỉ tiêu", column: "A" },
      { op: "set", sheet: "Chỉ tiêu", cell: "A5", value: "Hội nghị" },
      { op: "set", sheet: "Chỉ tiêu", cell: "A6", value: "Trực tuyến" },
      ...Array.from({ length: 11 }, (_, i) => ({
        op: "set" as const,
        sheet: "Chỉ tiêu",
        cell: `A${i + 7}`,
        value: `Dòng ${i + 3}`,
      })),
    ]);
    expect(onSheet(r, "Chỉ tiêu").every((f) => f.code === "MISSING_FIELD")).toBe(true);
    expect(onSheet(r, "Chỉ tiêu").length).toBeGreaterThan(1);
  });
});
