// The summary workbook (SPEC §5): sheets, province row, red shortfall cells, strings stay strings,
// and the written file opens in ExcelJS and LibreOffice.

import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertWithLibreOffice } from "../../test/helpers/libreoffice";
import { cchcUnit, reportBytes, type ReportData } from "../../test/helpers/report-builder";
import { inspectBytes } from "../app/inspect";
import { writeXlsx } from "../xlsx/write";
import type { WorkbookSpec } from "./sheetspec";
import { consolidate, consolidationJson } from "./consolidate";
import type { Submission } from "./consolidation";
import { targetPhrase } from "./documents";
import { DEFAULT_PROFILE } from "./profile";
import { shippedProfile } from "./profiles";
import { indicatorById } from "./form";
import { gapSentence, targetText } from "./indicator-text";
import { SUMMARY_SHEETS } from "./catalogue";
import { summaryChart, summaryWorkbook, totalRowLabels } from "./summary";

const submit = (file: string, data: ReportData, profile = DEFAULT_PROFILE): Submission => ({
  file,
  sha256: `sha-${file}`,
  result: inspectBytes(reportBytes(data, [], profile), profile),
});

const c = consolidate(
  [
    submit("a.xlsx", {
      unit: "SO_A",
      name: '=HYPERLINK("http://x","bấm")',
      counts: { HN_TONG: [100, 35], HN_TRUC_TUYEN: [0, 20] },
    }),
    submit("b.xlsx", { unit: "SO_B", name: "Sở B", reportDate: { year: 2026, month: 6, day: 8 } }),
    submit("c.xlsx", { unit: "SO_C", name: "Sở C", counts: { HN_TONG: [1, "x"] } }),
    submit("b2.xlsx", { unit: "SO_B", name: "Sở B", reportDate: { year: 2026, month: 6, day: 1 } }),
  ],
  {
    profile: DEFAULT_PROFILE,
    roster: [
      { code: "SO_Z", name: "Sở Z", type: "Sở, ban, ngành" },
      // A unit goes by its roster name: here one that would be a formula if written as typed.
      { code: "SO_A", name: '=HYPERLINK("http://x","bấm")', type: "Sở, ban, ngành" },
    ],
  },
);
const spec = summaryWorkbook(c, DEFAULT_PROFILE);
const sheet = (name: string) => spec.sheets.find((s) => s.name === name)!;
const values = (name: string) => sheet(name).rows.map((r) => r.map((x) => x?.value ?? null));

test("the sheets of SPEC §5 (the counts on their own sheet, Số liệu), then the chart sheet of §9", () => {
  expect(spec.sheets.map((s) => s.name)).toEqual([
    "Tổng hợp",
    "Số liệu",
    "Không đạt",
    "Nhiệm vụ",
    "Chưa nộp",
    "Lỗi",
    "Nguồn",
    "Biểu đồ",
  ]);
  expect([...Object.values(SUMMARY_SHEETS), "Biểu đồ"]).toEqual(spec.sheets.map((s) => s.name));
});

test("every sheet prints on A4, fit to width, its header row repeated, the title in the header and Trang N/M in the footer", () => {
  for (const s of spec.sheets) {
    expect([s.name, s.print?.fitToWidth, s.print?.footer?.center]).toEqual([
      s.name,
      true,
      "Trang {page}/{pages}",
    ]);
    expect(s.print?.header?.center).toMatch(
      /Tổng hợp kết quả thực hiện Kết luận số 226-KL\/TW|Tỷ lệ hội nghị trực tuyến/,
    );
  }
  expect(sheet("Tổng hợp").print).toMatchObject({ landscape: true, repeatRows: "5:5", repeatColumns: "A:B" });
  expect(sheet("Số liệu").print).toMatchObject({ landscape: true, repeatRows: "3:3", repeatColumns: "A:B" });
});

test("Tổng hợp: one row per unit, an empty row, then the bold province row; shortfalls red, met green", () => {
  const s = sheet("Tổng hợp");
  const rows = values("Tổng hợp");
  const header = rows[4] as string[];
  expect(header.slice(0, 5)).toEqual(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Ngày báo cáo", "Thời hạn"]);
  expect(rows[2]![0]).toContain("Họp trực tuyến ≥ 60%");
  expect(rows.slice(5).map((r) => r[0])).toEqual(["SO_A", "SO_B", undefined, "TOÀN TỈNH"]);
  const online = header.indexOf("Họp trực tuyến (≥ 60%)");
  expect(online).toBe(5);
  const a = s.rows[5]!;
  expect(a[online]).toEqual({
    value: 20 / 35,
    style: expect.objectContaining({ numFmt: "0.0%", fill: "FFC7CE" }),
  });
  expect(a[online + 1]).toEqual({ value: "Không đạt", style: expect.objectContaining({ fill: "FFC7CE" }) });
  expect(s.rows[6]![online + 1]).toEqual({
    value: "Đạt",
    style: expect.objectContaining({ fill: "C6EFCE" }),
  });
  // SO_B: its 08/06 report kept over the one of 01/06 (SPEC §5), which was on time.
  expect(rows[6]![4]).toBe("Trễ hạn (bản gửi lại)");
  const province = s.rows[8]!;
  expect(province[0]?.style?.bold).toBe(true);
  expect(province[online]?.value).toBeCloseTo((20 + 60) / (35 + 90));
  expect(province[online + 1]?.value).toBe("1 đạt\n1 không đạt");
  const counts = values("Số liệu");
  expect(counts[3]![counts[2]!.indexOf("Tổng số hội nghị, cuộc họp đã tổ chức (cùng kỳ năm trước)")]).toBe(
    100,
  );
  expect(counts.slice(3).map((r) => r[0])).toEqual(["SO_A", "SO_B", undefined, "TOÀN TỈNH"]);
  expect(s.freeze).toEqual({ rows: 5, cols: 2 });
  // 5 unit columns, value and verdict per indicator, 3 task columns.
  expect(header).toHaveLength(5 + 2 * 8 + 3);
  expect(s.autoFilter).toBe("A5:X7");
  expect(s.columnWidths).toHaveLength(header.length);
});

test("Tổng hợp's province row adds up the rows above it: tasks done summed from the units' done, and the units not judged counted under the verdicts", () => {
  const notAllDone = ["Đang thực hiện", "Chưa thực hiện", ...Array<string>(10).fill("Hoàn thành")];
  const spec = summaryWorkbook(
    consolidate(
      [
        submit("a.xlsx", { unit: "SO_A", name: "Sở A", taskStatuses: notAllDone }),
        // No meeting this half year: its online ratio has nothing to be judged on.
        submit("b.xlsx", {
          unit: "SO_B",
          name: "Sở B",
          counts: { HN_TONG: [100, 0], HN_TRUC_TUYEN: [50, 0] },
        }),
      ],
      { profile: DEFAULT_PROFILE },
    ),
    DEFAULT_PROFILE,
  );
  const rows = spec.sheets[0]!.rows.map((r) => r.map((x) => x?.value ?? null));
  const header = rows[4]!;
  const row = (code: string) => rows.find((r) => r[0] === code)!;
  const tasks = (r: readonly unknown[]) => [
    r[header.indexOf("Nhiệm vụ: tổng số")],
    r[header.indexOf("Nhiệm vụ: hoàn thành")],
    r[header.indexOf("Nhiệm vụ: quá hạn")],
  ];
  // 12 tasks each; Sở A has done 10 of its 12, Sở B all 12.
  expect(tasks(row("SO_A"))).toEqual([12, 10, 0]);
  expect(tasks(row("SO_B"))).toEqual([12, 12, 0]);
  expect(tasks(row("TOÀN TỈNH"))).toEqual([24, 22, 0]);
  // Online meetings: Sở A met (60 of 90), Sở B not judged: 1 + 0 + 1 is both units.
  const online = header.indexOf("Họp trực tuyến (≥ 60%)");
  expect(row("SO_B")[online + 1]).toBe("—");
  expect(row("TOÀN TỈNH")[online + 1]).toBe("1 đạt\n0 không đạt\n1 —");
  // Where every unit was judged, no "0 —" line.
  const reduction = header.indexOf("Giảm hội nghị (≥ 10%)");
  expect(row("TOÀN TỈNH")[reduction + 1]).toBe("2 đạt\n0 không đạt");
});

test("Không đạt: one row per shortfall with the gap in items", () => {
  const rows = values("Không đạt");
  expect(rows[2]).toEqual([
    "Mã đơn vị",
    "Tên đơn vị",
    "Chỉ tiêu",
    "Giá trị đạt được",
    "Mục tiêu",
    "Số còn thiếu",
    "Đơn vị tính",
    "Diễn giải",
  ]);
  // The target is written as the plan writes it, never as a number that reads like a result.
  expect(rows.slice(3)).toEqual([
    [
      "SO_A",
      '=HYPERLINK("http://x","bấm")',
      "Tỷ lệ hội nghị trực tuyến",
      20 / 35,
      "≥ 60%",
      1,
      "cuộc họp trực tuyến",
      "Cần thêm 1 cuộc họp trực tuyến để đạt mục tiêu",
    ],
  ]);
  const ind = (id: string) => indicatorById(DEFAULT_PROFILE.form, id)!;
  expect(gapSentence(ind("MEETING_REDUCTION"), 5, 0.05)).toBe("Vượt 5 cuộc họp so với mức cho phép");
  expect(gapSentence(ind("DOC_REDUCTION"), 147, 0.05)).toBe("Vượt 147 văn bản so với mức cho phép");
  expect(targetText(ind("OVERTIME_MEETINGS"))).toBe("≤ 0");
  // In prose (report, letters) "at most 0" is said as none at all.
  expect(targetPhrase(ind("OVERTIME_MEETINGS"))).toBe("mục tiêu: không có cuộc họp nào");
  // Not "vượt 2 cuộc họp so với quy định", which under "Hội nghị vượt thời lượng" read as too many meetings.
  expect(gapSentence(ind("OVERTIME_MEETINGS"), 2, 2)).toBe("Nhiều hơn mức cho phép 2 cuộc họp");
  expect(targetPhrase(ind("DOC_REDUCTION"))).toBe("mục tiêu giảm ít nhất 15%");
  expect(targetText(ind("DOC_REDUCTION"))).toBe("≥ 15%");
});

test("Chưa nộp, Lỗi and Nguồn", () => {
  const missing = values("Chưa nộp");
  expect(missing[1]![0]).toBe("Chưa nộp: 1 đơn vị trong danh sách chưa gửi tệp báo cáo nào.");
  expect(missing.slice(3, 4)).toEqual([["SO_Z", "Sở Z", "Sở, ban, ngành"]]);
  // SO_C sent a file that was rejected: returned, listed apart, never "chưa nộp".
  expect(missing.find((r) => r[0] === "SO_C")).toEqual(["SO_C", "Sở C", "Không", "c.xlsx"]);
  const errors = values("Lỗi");
  const rejectedRows = errors.filter((r) => r[0] === "c.xlsx");
  expect(rejectedRows.length).toBe(c.rejected[0]!.findings.length);
  expect(rejectedRows[0]!.slice(0, 5)).toEqual(["c.xlsx", "SO_C", "Từ chối", "BAD_VALUE", "Lỗi"]);
  expect(errors.find((r) => r[0] === "b2.xlsx")?.slice(0, 4)).toEqual([
    "b2.xlsx",
    "SO_B",
    "Trùng",
    "DUPLICATE_UNIT",
  ]);
  expect(errors.some((r) => r[3] === "UNKNOWN_UNIT" && r[1] === "SO_B")).toBe(true);
  expect(
    values("Nguồn")
      .slice(3)
      .map((r) => [r[0], r[1], r[6]]),
  ).toEqual([
    ["a.xlsx", "sha-a.xlsx", "Chấp nhận"],
    ["b.xlsx", "sha-b.xlsx", "Chấp nhận"],
    ["b2.xlsx", "sha-b2.xlsx", "Trùng"],
    ["c.xlsx", "sha-c.xlsx", "Từ chối"],
  ]);
});

test("without a roster, Chưa nộp says so, in the written file too", async () => {
  const plain = summaryWorkbook(consolidate([], { profile: DEFAULT_PROFILE }), DEFAULT_PROFILE);
  expect(plain.sheets.find((s) => s.name === "Chưa nộp")!.rows[1]![0]!.value).toMatch(
    /Không có danh sách đơn vị/,
  );
  // What the analyst opens: the sentence in A2 of the written workbook, read by another library.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(writeXlsx(plain)) as unknown as ExcelJS.Buffer);
  expect(String(wb.getWorksheet("Chưa nộp")?.getCell("A2").value)).toMatch(/Không có danh sách đơn vị/);
});

test("Nhiệm vụ: units done per task, and of them those done late in a column of its own", () => {
  const tasks = DEFAULT_PROFILE.form.tasks.map(() => "Hoàn thành");
  const late = tasks.map((s, i) => (i === 0 ? "Hoàn thành quá hạn" : s));
  const withLate = consolidate(
    [
      submit("a.xlsx", { unit: "SO_A", name: "Sở A", taskStatuses: late }),
      submit("b.xlsx", { unit: "SO_B", name: "Sở B", taskStatuses: tasks }),
    ],
    { profile: DEFAULT_PROFILE },
  );
  const tasksSheet = summaryWorkbook(withLate, DEFAULT_PROFILE).sheets.find(
    (s) => s.name === SUMMARY_SHEETS.tasks,
  )!;
  const rows = tasksSheet.rows.map((r) => r.map((x) => x?.value ?? null));
  const header = rows.findIndex((r) => r[0] === "STT");
  // The wrapped labels get the two lines they need (a written file has no automatic row height).
  expect(tasksSheet.rowHeights?.[header]).toBeGreaterThanOrEqual(30);
  expect(rows[header]!.slice(3, 6)).toEqual(["Hoàn thành", "Trong đó: hoàn thành quá hạn", "Đang thực hiện"]);
  // Task 1: both units done, one of them late; task 2: both done on time.
  expect(rows[header + 1]!.slice(0, 1)).toEqual([1]);
  expect(rows[header + 1]!.slice(3, 5)).toEqual([2, 1]);
  expect(rows[header + 2]!.slice(3, 5)).toEqual([2, 0]);
});

test("Biểu đồ: one column per unit, ranked lowest first (ties in code order), units without a value last", () => {
  const online = (code: string, total: number, part: number) =>
    submit(`${code}.xlsx`, {
      unit: code,
      name: `Đơn vị ${code}`,
      counts: { HN_TONG: [10, total], HN_TRUC_TUYEN: [0, part] },
    });
  const ranked = consolidate(
    [online("SO_A", 40, 30), online("SO_B", 40, 10), online("SO_C", 0, 0), online("SO_D", 20, 5)],
    { profile: DEFAULT_PROFILE },
  );
  const chart = summaryChart(ranked)!;
  expect(chart.units.map((u) => [u.code, u.value])).toEqual([
    ["SO_B", 0.25],
    ["SO_D", 0.25],
    ["SO_A", 0.75],
    ["SO_C", null],
  ]);
});

test("Biểu đồ plots the indicator the form or profile names: CCHC its digitised records against 80%, not the first ratio", () => {
  const cchcProfile = shippedProfile("hcm-attp-cchc-2025")!;
  const unit = (code: string, received: number, digitised: number) =>
    submit(
      `${code}.xlsx`,
      {
        ...cchcUnit(code),
        counts: {
          ...cchcUnit(code).counts,
          HS_TIEP_NHAN: [null, received],
          HS_SO_HOA: [null, digitised],
          HS_TAI_SU_DUNG: [null, digitised],
        },
      },
      cchcProfile,
    );
  const units = [unit("P_A", 200, 150), unit("P_B", 100, 90)];
  const chart = summaryChart(consolidate(units, { profile: cchcProfile }))!;
  expect(chart.title).toBe("Tỷ lệ số hóa thành phần hồ sơ theo đơn vị (mục tiêu từ 80% trở lên)");
  expect(chart.valueName).toBe("Số hóa hồ sơ");
  // The period as the other sheets' headers and the report say it.
  expect(chart.subtitle).toBe("quý II năm 2025");
  expect(chart.units.map((u) => [u.code, u.value])).toEqual([
    ["P_A", 0.75],
    ["P_B", 0.9],
  ]);
  const chosen = { ...cchcProfile, form: { ...cchcProfile.form, chart: "DUNG_HAN_RATIO" } };
  expect(summaryChart(consolidate(units, { profile: chosen }))!.title).toMatch(
    /^Tỷ lệ giải quyết hồ sơ TTHC đúng hạn theo đơn vị/,
  );
});

test("Tổng hợp marks a report dated outside its period (last period's report sent again?): its timeliness is in doubt", () => {
  const dated = (unit: string, year: number, month: number, day: number) =>
    submit(`${unit}.xlsx`, { unit, name: unit, reportDate: { year, month, day } });
  const spec = summaryWorkbook(
    consolidate([dated("SO_A", 2025, 12, 20), dated("SO_B", 2026, 6, 2)], { profile: DEFAULT_PROFILE }),
    DEFAULT_PROFILE,
  );
  const timeliness = (code: string) => spec.sheets[0]!.rows.find((r) => r[0]?.value === code)![4];
  // Dated before 6 tháng đầu năm 2026 began: "on time" only by its date.
  expect(timeliness("SO_A")?.value).toBe("Đúng hạn (xem lại ngày)");
  expect(timeliness("SO_A")?.style?.fill).toBe("FFEB9C");
  expect(timeliness("SO_B")?.value).toBe("Đúng hạn");
  expect(String(spec.sheets[0]!.rows[2]![0]?.value)).toContain(
    "“(xem lại ngày)”: ngày báo cáo nằm ngoài kỳ báo cáo (trước khi kỳ bắt đầu: có thể là báo cáo kỳ trước gửi lại",
  );
});

test("Tổng hợp says when a late report kept is an update of one sent on time", () => {
  const dated = (file: string, day: number) =>
    submit(file, { unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day } });
  const updated = summaryWorkbook(
    consolidate([dated("a.xlsx", 2), dated("a2.xlsx", 18)], { profile: DEFAULT_PROFILE }),
    DEFAULT_PROFILE,
  );
  const row = updated.sheets[0]!.rows.find((r) => r[0]?.value === "SO_A")!;
  expect(row.map((x) => x?.value)).toContain("Trễ hạn (bản gửi lại)");
  expect(String(updated.sheets[0]!.rows[2]![0]?.value)).toContain(
    "“Trễ hạn (bản gửi lại)”: đơn vị đã gửi báo cáo đúng hạn; bản được dùng là bản sửa hoặc bản cập nhật gửi lại sau hạn (bản đầu ở trang “Nguồn”).",
  );
  const plain = summaryWorkbook(
    consolidate([dated("a.xlsx", 2)], { profile: DEFAULT_PROFILE }),
    DEFAULT_PROFILE,
  );
  expect(String(plain.sheets[0]!.rows[2]![0]?.value)).not.toContain("bản gửi lại");
});

test("rejected files whose units all sent valid ones since: nothing left to mend, the Lỗi sheet and the title line say", () => {
  const resent = summaryWorkbook(
    consolidate(
      [
        submit("SO_A.xlsx", { unit: "SO_A", name: "Sở A", counts: { HN_TONG: [100, -1] } }),
        submit("SO_A-sua.xlsx", { unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 6 } }),
      ],
      { profile: DEFAULT_PROFILE },
    ),
    DEFAULT_PROFILE,
  );
  const text = (sheet: string, row: number) =>
    String(resent.sheets.find((x) => x.name === sheet)!.rows[row]!.find((c) => c?.value)?.value);
  expect(text("Lỗi", 1)).toMatch(
    /^1 tệp bị từ chối, đều của đơn vị đã gửi tệp hợp lệ sau đó \(không cần sửa nữa\), /,
  );
  expect(text("Tổng hợp", 1)).toContain("; từ chối 1 tệp (1 tệp đã có tệp hợp lệ thay); ");
});

// Xã Nga Sơn typed "hai mươi" on 05/06 and "20 cuộc" on 12/06, both returned; Sở A's first file was
// replaced by a valid one. The terminal said "từ chối 3 (1 tệp của đơn vị đã gửi lại tệp hợp lệ; 1 tệp
// đã có bản gửi sau cũng bị từ chối)", the title line only the first.
const returnedAgain = () =>
  summaryWorkbook(
    consolidate(
      [
        submit("SO_A.xlsx", { unit: "SO_A", name: "Sở A", counts: { HN_TONG: [100, -1] } }),
        submit("SO_A-sua.xlsx", { unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 6 } }),
        ...(
          [
            ["Báo cáo - Xã Nga Sơn.xlsx", 5, "hai mươi"],
            ["Báo cáo - Xã Nga Sơn (1).xlsx", 12, "20 cuộc"],
          ] as const
        ).map(([file, day, current]) =>
          submit(file, {
            unit: "XA_NGA_SON",
            name: "Xã Nga Sơn",
            type: "UBND_XA",
            reportDate: { year: 2026, month: 6, day },
            counts: { HN_TONG: [30, current] },
          }),
        ),
      ],
      { profile: DEFAULT_PROFILE },
    ),
    DEFAULT_PROFILE,
  );

test("a returned unit's earlier file, its latest returned too, is counted on the title line as on the terminal", () => {
  const first = returnedAgain().sheets.find((s) => s.name === "Tổng hợp")!.rows[1]!;
  expect(String(first.find((c) => c?.value)?.value)).toContain(
    "; từ chối 3 tệp (1 tệp đã có tệp hợp lệ thay, 1 tệp đã có bản gửi sau cũng bị từ chối); ",
  );
});

describe("the written file", () => {
  const bytes = writeXlsx(spec);
  const dir = mkdtempSync(join(tmpdir(), "kl226-summary-"));
  const path = join(dir, "tong-hop.xlsx");
  writeFileSync(path, bytes);

  test("reads back in ExcelJS; a unit name beginning with = stays a string, not a formula", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Tổng hợp",
      "Số liệu",
      "Không đạt",
      "Nhiệm vụ",
      "Chưa nộp",
      "Lỗi",
      "Nguồn",
      "Biểu đồ",
    ]);
    const name = wb.getWorksheet("Tổng hợp")!.getCell("B6");
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=HYPERLINK("http://x","bấm")');
    expect(wb.getWorksheet("Tổng hợp")!.getCell("A9").value).toBe("TOÀN TỈNH");
  });

  test("a pivot table or a sum started from a unit's cell takes the units only: the total row stands apart", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    for (const [name, header] of [
      ["Tổng hợp", 5],
      ["Số liệu", 3],
    ] as const) {
      const ws = wb.getWorksheet(name)!;
      // Excel's current region (what Insert › PivotTable and Ctrl+A take from one cell): the filled rows touching it.
      let last = header + 1;
      while (ws.getRow(last + 1).actualCellCount > 0) last++;
      expect([name, ws.getCell(`A${last}`).value, ws.getCell(`A${last + 2}`).value]).toEqual([
        name,
        "SO_B",
        "TOÀN TỈNH",
      ]);
    }
  });

  test("converts to PDF with LibreOffice", async () => {
    const pdf = await convertWithLibreOffice(path, "pdf", join(dir, "pdf"));
    expect(pdf).toMatch(/tong-hop\.pdf$/);
  }, 150_000);
});

test("a percent with the decimals its verdict needs widens its column: Excel shows a number too wide for it as ####", () => {
  // 600,000 of 1,000,001 meetings online is 59.99994%: short of ≥ 60%, it shows "59,9999%".
  const big = consolidate(
    [
      submit("a.xlsx", {
        unit: "SO_A",
        name: "Sở A",
        counts: { HN_TONG: [1_000_001, 1_000_001], HN_TRUC_TUYEN: [0, 600_000] },
      }),
    ],
    { profile: DEFAULT_PROFILE },
  );
  const s = summaryWorkbook(big, DEFAULT_PROFILE).sheets.find((x) => x.name === "Tổng hợp")!;
  const online = (s.rows[4]!.map((x) => x?.value) as string[]).indexOf("Họp trực tuyến (≥ 60%)");
  const value = s.rows[5]![online]!;
  expect(value.style?.numFmt).toBe("0.0000%");
  expect(s.columnWidths![online]).toBeGreaterThanOrEqual("59,9999%".length + 1);
  // The column beside it (the verdict) keeps its narrow width.
  expect(s.columnWidths![online + 1]).toBe(6.5);
});

test("a form too wide for one readable page prints two pages across, unit columns on each; KL226-BC/1 prints one", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const submissions = ["PHONG_A", "PHONG_B"].map((unit) =>
    submit(`${unit}.xlsx`, { unit, name: `Phòng ${unit}` }, cchc),
  );
  const wide = summaryWorkbook(consolidate(submissions, { profile: cchc }), cchc);
  const print = (s: WorkbookSpec, name: string) => s.sheets.find((x) => x.name === name)!.print;
  // 14 indicators: 36 columns on Tổng hợp; Số liệu has as many counts.
  expect(wide.sheets[0]!.rows[4]).toHaveLength(5 + 2 * 14 + 3);
  for (const name of ["Tổng hợp", "Số liệu"])
    expect(print(wide, name)).toMatchObject({ fitToWidth: true, pagesWide: 2, repeatColumns: "A:B" });
  // Lists without repeated unit columns stay one page wide.
  expect(print(wide, "Lỗi")?.pagesWide).toBeUndefined();
  for (const name of ["Tổng hợp", "Số liệu"]) expect(print(spec, name)?.pagesWide).toBeUndefined();
  // The unit columns print again on page 2: a title in them would print there cut at column B
  // ("TỔNG HỢP KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍ"). The titles start after them.
  for (const name of ["Tổng hợp", "Số liệu"]) {
    const sheet = wide.sheets.find((x) => x.name === name)!;
    const above = sheet.freeze!.rows! - 1;
    expect(above).toBeGreaterThanOrEqual(2);
    for (let r = 0; r < above; r++) {
      if (sheet.rows[r]!.every((c) => !c)) continue; // the blank line before the table
      expect(sheet.rows[r]!.slice(0, 2)).toEqual([null, null]);
      expect(String(sheet.rows[r]![2]?.value)).toMatch(r === 0 ? /^(TỔNG HỢP|SỐ LIỆU)/ : /\S/);
      expect(sheet.merges).toContainEqual(expect.stringMatching(new RegExp(`^C${r + 1}:[A-Z]+${r + 1}$`)));
    }
  }
  // One page across, the title stays in column A.
  expect(String(spec.sheets[0]!.rows[0]![0]?.value)).toMatch(/^TỔNG HỢP/);
});

test("a header row is as tall as its longest label needs, never cut at the usual height", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const s = summaryWorkbook(
    consolidate([submit("a.xlsx", { unit: "PHONG_A", name: "Phòng A" }, cchc)], { profile: cchc }),
    cchc,
  ).sheets.find((x) => x.name === "Số liệu")!;
  const header = s.rows[2]!.map((c) => c?.value);
  expect(header).toContain(
    "Số văn bản, tài liệu chính thức (không mật) trao đổi giữa các cơ quan hành chính (kỳ này)",
  );
  // Printed through LibreOffice that label takes 10 lines of its 10-character column ("Số văn bản," …
  // "này)"); at the usual 105 pt (7 lines) its last three were cut off.
  expect(s.rowHeights?.[2]).toBeGreaterThanOrEqual(10 * 15);
});

test("the notes under each title speak of weighted percents only for a form that has them", () => {
  const notes = (s: WorkbookSpec) =>
    ["Tổng hợp", "Số liệu"].map((n) =>
      s.sheets
        .find((x) => x.name === n)!
        .rows.slice(1, 3)
        .map((r) => String(r.find((c) => c?.value)?.value ?? ""))
        .join("\n"),
    );
  for (const note of notes(spec)) expect(note).not.toMatch(/hài lòng|số phiếu/);
  // The profile's name carries its own brackets: it is not put inside another pair.
  expect(notes(spec)[0]).toContain(`Mục tiêu áp dụng theo hồ sơ ${DEFAULT_PROFILE.name}: `);
  expect(notes(spec)[0]).toMatch(/; bị trả lại: \d+ đơn vị; trễ hạn: \d+ đơn vị\./);
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const wide = summaryWorkbook(
    consolidate([submit("a.xlsx", { unit: "PHONG_A", name: "Phòng A" }, cchc)], { profile: cchc }),
    cchc,
  );
  const [summaryNote, valuesNote] = notes(wide);
  expect(summaryNote).toContain("(không lấy trung bình các tỷ lệ; mức độ hài lòng bình quân theo số phiếu)");
  expect(valuesNote).toContain("; tỷ lệ phần trăm bình quân theo số phiếu.");
});

test("Không đạt: a rate short of its target has no gap in items and no item unit (not '— phiếu')", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const q = consolidate(
    [
      submit(
        "p.xlsx",
        {
          unit: "P_A",
          name: "Phòng A",
          type: "PHONG_THUOC_SO",
          period: "Q2",
          year: 2025,
          reportDate: { year: 2025, month: 6, day: 12 },
          counts: { HAI_LONG: [null, 90] },
        },
        cchc,
      ),
    ],
    { profile: cchc },
  );
  const rows = summaryWorkbook(q, cchc)
    .sheets.find((x) => x.name === "Không đạt")!
    .rows.map((r) => r.map((x) => x?.value ?? null));
  const row = rows.find((r) => typeof r[2] === "string" && r[2].startsWith("Mức độ hài lòng"));
  expect(row?.slice(5, 7)).toEqual(["—", ""]);
});

test("the total row is named by who consolidates: the province, the city, or a Sở's own units", () => {
  const label = (id: string) => totalRowLabels(shippedProfile(id)!, 9);
  expect(label("thanh-hoa-226")).toEqual({ code: "TOÀN TỈNH", name: "Toàn tỉnh (9 đơn vị)" });
  expect(label("hcm-attp-226")).toEqual({ code: "TÍNH CHUNG", name: "Tính chung (9 đơn vị)" });
  const hcmHomeAffairs = {
    ...DEFAULT_PROFILE,
    organisation: {
      ...DEFAULT_PROFILE.organisation,
      sender: "Sở Nội vụ Thành phố Hồ Chí Minh",
      superior: "UBND THÀNH PHỐ HỒ CHÍ MINH",
    },
  };
  expect(totalRowLabels(hcmHomeAffairs, 9)).toEqual({
    code: "TOÀN THÀNH PHỐ",
    name: "Toàn thành phố (9 đơn vị)",
  });
});

test("Lỗi: the warning about a file left out as a duplicate carries its status, Trùng, not Chấp nhận", () => {
  const roster = [
    { code: "XA_AN_HOA", name: "Xã An Hòa", type: "UBND xã, phường" },
    { code: "XA_HA_TRUNG", name: "Xã Hà Trung", type: "UBND xã, phường" },
  ];
  const q = consolidate(
    [
      submit("XA_AN_HOA.xlsx", { unit: "XA_AN_HOA", name: "Xã An Hòa" }),
      submit("XA_HA_TRUNG.xlsx", { unit: "XA_AN_HOA", name: "Xã An Hòa" }),
    ],
    { profile: DEFAULT_PROFILE, roster },
  );
  const rows = summaryWorkbook(q, DEFAULT_PROFILE)
    .sheets.find((x) => x.name === "Lỗi")!
    .rows.map((r) => r.map((x) => x?.value ?? null));
  const statuses = rows
    .filter((r) => r[0] === "XA_HA_TRUNG.xlsx")
    .map((r) => r.filter((v) => v === "Trùng" || v === "Chấp nhận"));
  expect(statuses).toEqual([["Trùng"], ["Trùng"]]);
});

test("two files of one name (the page knows no folders): the kept one's warning is Chấp nhận, and Nguồn tells the dropped one which file was used", () => {
  // Each with its meetings typed as text (a COERCED warning), in two e-mails.
  const sub = (sha: string, meetings: string): Submission => ({
    file: "BaoCao_KL226.xlsx",
    sha256: sha,
    result: inspectBytes(
      reportBytes({ unit: "XA_LANG_CHANH", name: "Xã Lang Chánh" }, [
        { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: meetings },
      ]),
      DEFAULT_PROFILE,
    ),
  });
  const q = consolidate([sub("aaaaaaaaaaaaaaaa", "400"), sub("bbbbbbbbbbbbbbbb", "420")], {
    profile: DEFAULT_PROFILE,
  });
  const kept = q.units[0]!.sha256;
  const dropped = q.duplicates[0]!.droppedSha256;
  expect(kept).not.toBe(dropped);
  const spec2 = summaryWorkbook(q, DEFAULT_PROFILE);
  const rows = (name: string) =>
    spec2.sheets.find((x) => x.name === name)!.rows.map((r) => r.map((x) => x?.value ?? null));
  // The kept file's warning (a number typed as text) is an accepted file's.
  const warned = rows("Lỗi").filter((r) => r[0] === "BaoCao_KL226.xlsx" && r.includes("COERCED"));
  expect(warned.map((r) => r.filter((v) => v === "Trùng" || v === "Chấp nhận"))).toEqual([["Chấp nhận"]]);
  expect(rows("Nguồn").flat()).toContain(
    `Trùng đơn vị; dùng tệp BaoCao_KL226.xlsx khác cùng tên (SHA-256 ${kept.slice(0, 12)}…)`,
  );
});

test("Nguồn fits a readable page across: the SHA-256 wraps in two lines instead of taking a third of the width", () => {
  const s = sheet("Nguồn");
  const widths = s.columnWidths ?? [];
  // 215 width units is what one A4 landscape page holds at a readable size (summary.ts READABLE_PAGE_WIDTH).
  expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(215);
  expect(widths[1]).toBe(34);
  const hash = s.rows[3]![1]!;
  expect(hash.style).toEqual(expect.objectContaining({ wrap: true }));
});

test("no cell is formatted as Text: a column an analyst inserts takes its neighbour's format, and under Text her formula stays text", () => {
  const spec = summaryWorkbook(c, DEFAULT_PROFILE);
  const textFormatted = spec.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((row, r) =>
      (row ?? []).flatMap((cell, col) => (cell?.style?.numFmt === "@" ? [`${sheet.name}!${r},${col}`] : [])),
    ),
  );
  expect(textFormatted).toEqual([]);
});

test("a reduction's total that leaves out a unit with no baseline says so, in the legend and the JSON (an auditor recomputed it from Số liệu's sums)", () => {
  const meetings = (unit: string, previous: number, current: number): Submission =>
    submit(`${unit}.xlsx`, {
      unit,
      name: unit,
      counts: {
        HN_TONG: [previous, current],
        HN_TRUC_TUYEN: [0, Math.floor(current * 0.6)],
        HN_VUOT_THOI_LUONG: [0, 0],
      },
    });
  const pooled = consolidate(
    [meetings("PA", 60, 55), meetings("PB", 40, 35), meetings("PC", 100, 90), meetings("PD", 0, 20)],
    { profile: DEFAULT_PROFILE },
  );
  expect(pooled.units.map((u) => u.code)).toEqual(["PA", "PB", "PC", "PD"]);
  const legend = String(summaryWorkbook(pooled, DEFAULT_PROFILE).sheets[0]!.rows[2]![0]!.value);
  // 60 + 40 + 100 = 200 meetings last year, 55 + 35 + 90 = 180 now; PD (0 → 20) has no reduction.
  expect(legend).toContain(
    "Dòng tổng của Giảm hội nghị tính trên 3/4 báo cáo có số cùng kỳ năm trước (từ 200 xuống 180)",
  );
  const json = consolidationJson(pooled) as {
    province: { indicators: Record<string, { value: number; reports: number; pooledValues?: object }> };
  };
  expect(json.province.indicators.MEETING_REDUCTION).toMatchObject({
    value: 0.1,
    reports: 3,
    pooledValues: { previous: 200, current: 180 },
  });
  // Every unit filled the online meetings: no note for it, and a ratio has no pooled sums of its own.
  expect(json.province.indicators.ONLINE_RATIO).toMatchObject({ reports: 4 });
  expect(json.province.indicators.ONLINE_RATIO!.pooledValues).toBeUndefined();
  // The untouched fixture (every unit with a baseline) gets no such sentence.
  expect(String(spec.sheets[0]!.rows[2]![0]!.value)).not.toContain("Dòng tổng của");
});

test("a unit's returned files before its valid one are replaced by it, not by each other; an unchanged copy of a returned file is said to be one", () => {
  // Sở B was returned on 02/06 and 04/06 and sent a valid file on 05/06: both earlier files need no
  // mending because of the valid one. Xã C sent the same returned file twice (byte for byte).
  const dated = (day: number, current: number): ReportData => ({
    unit: "SO_B",
    name: "Sở B",
    reportDate: { year: 2026, month: 6, day },
    counts: { HN_TONG: [100, current] },
  });
  const xaC = {
    unit: "XA_C",
    name: "Xã C",
    type: "UBND_XA",
    reportDate: { year: 2026, month: 6, day: 5 },
    counts: { HN_TONG: [30, "hai mươi"] },
  } as const;
  const wb = summaryWorkbook(
    consolidate(
      [
        submit("SO_B.xlsx", dated(2, -1)),
        submit("SO_B (1).xlsx", dated(4, -2)),
        submit("SO_B (2).xlsx", dated(5, 80)),
        { ...submit("XA_C.xlsx", xaC), sha256: "sha-xa-c" },
        { ...submit("XA_C (1).xlsx", xaC), sha256: "sha-xa-c" },
      ],
      { profile: DEFAULT_PROFILE },
    ),
    DEFAULT_PROFILE,
  );
  const statusOn = (name: string, column: number) =>
    wb.sheets
      .find((s) => s.name === name)!
      .rows.slice(3)
      .filter((r) => r[0]?.value !== undefined && r[column]?.value !== undefined)
      .map((r) => `${String(r[0]!.value)}: ${String(r[column]!.value)}`);
  const expected = [
    "SO_B.xlsx: Từ chối (đã có tệp hợp lệ)",
    "SO_B (1).xlsx: Từ chối (đã có tệp hợp lệ)",
    "XA_C (1).xlsx: Từ chối",
    "XA_C.xlsx: Từ chối (giống hệt bản gửi sau)",
  ];
  expect(new Set(statusOn("Nguồn", 6))).toEqual(new Set([...expected, "SO_B (2).xlsx: Chấp nhận"]));
  expect(new Set(statusOn("Lỗi", 2))).toEqual(new Set(expected));
  const title = wb.sheets.find((s) => s.name === "Tổng hợp")!.rows[1]!;
  expect(String(title.find((c) => c?.value)?.value)).toContain(
    "; từ chối 4 tệp (2 tệp đã có tệp hợp lệ thay, 1 tệp đã có bản gửi sau cũng bị từ chối); ",
  );
});

test("Nguồn says of a returned file a later one replaced what the Lỗi sheet says, not a plain 'Từ chối' still to mend", () => {
  const sheetOf = (name: string) => returnedAgain().sheets.find((s) => s.name === name)!;
  const statusOn = (name: string, column: number) =>
    Object.fromEntries(
      sheetOf(name)
        .rows.slice(3)
        .filter((r) => r[0]?.value !== undefined)
        .map((r) => [String(r[0]!.value), r[column]?.value]),
    );
  const expected = {
    "SO_A.xlsx": "Từ chối (đã có tệp hợp lệ)",
    "Báo cáo - Xã Nga Sơn.xlsx": "Từ chối (đã có bản gửi sau)",
    "Báo cáo - Xã Nga Sơn (1).xlsx": "Từ chối",
  };
  expect(statusOn("Nguồn", 6)).toEqual({ ...expected, "SO_A-sua.xlsx": "Chấp nhận" });
  expect(statusOn("Lỗi", 2)).toMatchObject(expected);
});

test("a title and its period, and a sheet's header, are joined by one dash, the spaced en dash of Vietnamese documents", () => {
  // Tổng hợp's title read "… 226-KL/TW — 6 THÁNG …" (em dash) under the header "… – Tổng hợp" (en dash).
  const summary = sheet("Tổng hợp");
  expect(summary.rows[0]![0]?.value).toBe(
    "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾT LUẬN SỐ 226-KL/TW – 6 THÁNG ĐẦU NĂM 2026",
  );
  expect(summary.print?.header?.center).toBe(
    "Tổng hợp kết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026 – Tổng hợp",
  );
});
