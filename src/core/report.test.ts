// The report sent upward (SPEC §9): sections I–VI and three appendices from the consolidation and
// the profile, laid out as a Nghị định 30 document with a type name, numbers in Vietnamese notation.

import {
  cchcUnit,
  reportBytes,
  reportSpec,
  type Edit,
  type ReportData,
} from "../../test/helpers/report-builder";
import { writeXlsx } from "../xlsx/write";
import { inspectBytes } from "../app/inspect";
import { consolidate } from "./consolidate";
import {
  dates,
  financeFile,
  fixtureConsolidation,
  fixtureSubmissions,
  onTimeThenUpdate,
  profile,
  roster,
} from "../../test/helpers/documents-fixture";
import type { DocumentSpec, TableSpec } from "./docspec";
import { documentText } from "./documents";
import { compareNatural, REPORT_APPENDICES, REPORT_SECTIONS, reportDocument } from "./report";
import type { Comparison } from "./format";
import type { Profile, RosterUnit } from "./profile";
import { shippedProfile } from "./profiles";
import { compareWithPrevious, type PreviousReport } from "./history";
import { withPrevious } from "../app/previous";
import { templateTasks } from "./template";

const c = fixtureConsolidation();
const doc = reportDocument(c, profile, { date: dates.date, roster });
const main = documentText({ ...doc, sections: [doc.sections[0]!] });
const appendix = (i: number): string => documentText({ ...doc, sections: [doc.sections[i + 1]!] });

/** The tables of a section, in order. */
const tables = (d: DocumentSpec, section: number): TableSpec[] =>
  d.sections[section]!.blocks.filter((b): b is TableSpec => b.kind === "table" && b.borders);

/** Section I's by-type table as the text of its cells. */
const byTypeRows = (d: DocumentSpec): string[][] =>
  tables(d, 0)[0]!.rows.map((r) =>
    r.map((cell) =>
      documentText({ font: d.font, sections: [{ page: d.sections[0]!.page, blocks: cell.blocks }] }),
    ),
  );

test("a report (no Kính gửi), dated, titled for the form and period, sent to the superior body", () => {
  expect(main).toMatch(/Số: \u00A0+\/BC-SNV/);
  expect(main).toContain("Thanh Hóa, ngày 12 tháng 6 năm 2026");
  expect(main).toContain("BÁO CÁO\nKết quả thực hiện Kết luận số 226-KL/TW 6 tháng đầu năm 2026");
  expect(main).not.toContain("Kính gửi");
  expect(main).toContain("- Ủy ban nhân dân tỉnh Thanh Hóa;");
  expect(main).toContain("- Lưu: VT.");
  expect(doc.font).toEqual({ name: "Times New Roman", size: 14 });
});

test("sections I–VI in order, then the three appendices each on its own pages (Phụ lục I landscape)", () => {
  const at = REPORT_SECTIONS.map((h) => main.indexOf(h));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(doc.sections).toHaveLength(4);
  REPORT_APPENDICES.forEach((a, i) => {
    expect(appendix(i)).toContain(`${a.number}\n${a.title}\n(Kèm theo Báo cáo số`);
    expect(appendix(i)).toContain("ngày 12 tháng 6 năm 2026 của Sở Nội vụ tỉnh Thanh Hóa)");
  });
  expect(doc.sections[1]!.page.orientation).toBe("landscape");
});

test("I: files received, units consolidated on time and late, returned and missing, and a row per unit type", () => {
  expect(main).toContain("Theo danh sách, 13 cơ quan, đơn vị phải gửi báo cáo 6 tháng đầu năm 2026.");
  expect(main).toContain(
    "Đến ngày 12/06/2026, Sở Nội vụ tỉnh Thanh Hóa đã nhận 12 tệp báo cáo; tổng hợp được báo cáo của 9 đơn vị (8 đúng hạn, 1 trễ hạn; hạn gửi ngày 06/06/2026).",
  );
  expect(main).toContain("Có 2 đơn vị có báo cáo bị trả lại");
  expect(main).toContain("Có 2 đơn vị chưa gửi báo cáo.");
  expect(byTypeRows(doc)).toEqual([
    ["Loại đơn vị", "Phải báo cáo", "Đã tổng hợp", "Đúng hạn", "Trễ hạn", "Bị trả lại", "Chưa gửi"],
    ["Sở, ban, ngành", "7", "5", "4", "1", "1", "1"],
    ["UBND xã, phường", "6", "4", "4", "0", "1", "1"],
    ["Tổng cộng", "13", "9", "8", "1", "2", "2"],
  ]);
});

test("I: with a roster, a unit not on it has a row of its own, so every type's row adds up", () => {
  const report = (code: string, type: "SO_NGANH" | "UBND_XA") => ({
    file: `${code}.xlsx`,
    sha256: code,
    // Each its own figures: the same figures under a code not on the roster are taken for the roster unit's.
    result: inspectBytes(
      reportBytes({ unit: code, name: code, type, counts: { HN_TONG: [100, code === "SO_A" ? 90 : 88] } }),
      profile,
    ),
  });
  const listed = [{ code: "SO_A", name: "SO_A", type: "Sở, ban, ngành" }];
  const withStranger = consolidate([report("SO_A", "SO_NGANH"), report("XA_LA", "UBND_XA")], {
    profile,
    roster: listed,
  });
  const d = reportDocument(withStranger, profile, { date: dates.date, roster: listed });
  expect(byTypeRows(d)).toEqual([
    ["Loại đơn vị", "Phải báo cáo", "Đã tổng hợp", "Đúng hạn", "Trễ hạn", "Bị trả lại", "Chưa gửi"],
    ["Sở, ban, ngành", "1", "1", "1", "0", "0", "0"],
    ["Không có trong danh sách", "0", "1", "1", "0", "0", "0"],
    ["Tổng cộng", "1", "2", "2", "0", "0", "0"],
  ]);
});

test("I: a unit whose file declares another type than the roster's is counted on the roster's row, so the rows add up", () => {
  const listed = [{ code: "SO_A", name: "SO_A", type: "Đơn vị sự nghiệp" }];
  const c = consolidate(
    [
      {
        file: "SO_A.xlsx",
        sha256: "a",
        result: inspectBytes(reportBytes({ unit: "SO_A", name: "SO_A", type: "SO_NGANH" }), profile),
      },
    ],
    { profile, roster: listed },
  );
  expect(byTypeRows(reportDocument(c, profile, { date: dates.date, roster: listed }))).toEqual([
    ["Loại đơn vị", "Phải báo cáo", "Đã tổng hợp", "Đúng hạn", "Trễ hạn", "Bị trả lại", "Chưa gửi"],
    ["Đơn vị sự nghiệp", "1", "1", "1", "0", "0", "0"],
    ["Tổng cộng", "1", "1", "1", "0", "0", "0"],
  ]);
});

test("II: what the reductions are measured from, and, with last period's consolidation given, what it said", () => {
  // Without --previous: said that the base is the units' own column D, not checked.
  expect(main).toContain(
    "Mức giảm so với cùng kỳ tính trên số liệu cùng kỳ năm trước do chính các đơn vị được tổng hợp kỳ này kê khai, nên có thể khác tổng số trong báo cáo cùng kỳ năm trước (đơn vị chưa có báo cáo kỳ này, đơn vị mới, số liệu đã điều chỉnh); chưa đối chiếu với bảng tổng hợp cùng kỳ năm trước.",
  );
  // Last year's consolidation, read from its JSON: two units, their meetings and documents that year.
  const lastYear = { period: { kind: "6T" as const, year: 2025 }, units: [] as PreviousReport["units"] };
  const checked = withPrevious(
    c,
    [
      {
        path: "tong-hop-2025.json",
        report: () => ({
          ...lastYear,
          units: c.units.slice(0, 2).map((u, i) => ({
            code: u.code,
            values: { HN_TONG: { current: 100 + i }, VB_HANH_CHINH: { current: 1000 + i } },
          })),
        }),
      },
    ],
    profile.outlier,
  ).consolidation;
  const text = documentText(reportDocument(checked, profile, { date: dates.date, roster }));
  // Last year's annual summary given for a half year: given, but nothing compared.
  const yearly = withPrevious(
    c,
    [{ path: "tong-hop-nam-2025.json", report: () => ({ period: { kind: "NAM", year: 2025 }, units: [] }) }],
    profile.outlier,
  ).consolidation;
  expect(documentText(reportDocument(yearly, profile, { date: dates.date, roster }))).toContain(
    "; tệp đối chiếu đã chọn không phải bảng tổng hợp cùng kỳ năm trước của các đơn vị này, nên chưa đối chiếu được.",
  );
  expect(text).toMatch(
    /\. Đã đối chiếu với báo cáo tổng hợp 6 tháng đầu năm 2025 \(2 đơn vị so được, \d+ đơn vị ghi khác: mục IV\.5\); báo cáo đó ghi 201 cuộc họp, 2\.001 văn bản của 2 đơn vị\./,
  );
});

test("II: one sentence per indicator with the pooled value in Vietnamese notation and the units met / short / not judged", () => {
  // Σ online 6000 of Σ meetings 9951 = 60,29… %.
  expect(main).toContain(
    "1. Tỷ lệ hội nghị trực tuyến (mục tiêu từ 60% trở lên): kết quả chung (9 đơn vị) đạt 60,3%, đạt mục tiêu; 8 đơn vị đạt, 1 đơn vị chưa đạt.",
  );
  // Σ 27048 of Σ 28400 hồ sơ = 95,24%.
  expect(main).toContain(
    "4. Tỷ lệ hồ sơ TTHC xử lý trên môi trường số (mục tiêu từ 95% trở lên): kết quả chung (9 đơn vị) đạt 95,2%, đạt mục tiêu; 8 đơn vị đạt, 1 đơn vị chưa đạt",
  );
  expect(main).toMatch(
    /2\. Giảm số lượng hội nghị so với cùng kỳ \(mục tiêu giảm ít nhất 10%\): kết quả chung \(9 đơn vị\) giảm \d+,\d%/,
  );
});

test("III: the task table and the overdue sentence", () => {
  expect(main).toContain(
    "Số đơn vị theo tình trạng thực hiện từng nhiệm vụ của kế hoạch (9 báo cáo được tổng hợp):",
  );
  const taskTable = tables(doc, 0)[1]!;
  expect(taskTable.rows).toHaveLength(1 + profile.form.tasks.length);
  expect(taskTable.headerRows).toBe(1);
  expect(main).toContain("Không có nhiệm vụ nào của kế hoạch có đơn vị báo cáo quá hạn.");
});

test("III: tasks some units finished late are named, with how many units", () => {
  expect(main).not.toContain("hoàn thành quá hạn");
  const second = c.tasks.find((t) => t.index === 2)!;
  expect(second.done).toBeGreaterThanOrEqual(2);
  const withLate = { ...c, tasks: c.tasks.map((t) => (t === second ? { ...t, doneLate: 2 } : t)) };
  const text = documentText(reportDocument(withLate, profile, { date: dates.date, roster }));
  expect(text).toContain(
    "Trong số đơn vị hoàn thành, có đơn vị hoàn thành quá hạn: nhiệm vụ số 2 (2 đơn vị).",
  );
});

test("IV: shortfalls by indicator with honest values, every missing, returned and late unit by name", () => {
  expect(main).toContain("1. Chỉ tiêu chưa đạt: 4 trường hợp ở 4 đơn vị (chi tiết tại Phụ lục II):");
  expect(main).toContain(
    "- Tỷ lệ hồ sơ TTHC xử lý trên môi trường số (mục tiêu từ 95% trở lên): 1 đơn vị: Sở Chín Bốn (94,98%).",
  );
  expect(main).toContain(
    "- Tỷ lệ hội nghị trực tuyến (mục tiêu từ 60% trở lên): 1 đơn vị: Xã Năm Chín (59,96%).",
  );
  expect(main).toContain(
    "- Giảm số lượng hội nghị so với cùng kỳ (mục tiêu giảm ít nhất 10%): 1 đơn vị: Xã Chín Chín (giảm 9,96%).",
  );
  expect(main).toContain("2. Đơn vị chưa gửi báo cáo (2): Sở Vắng Mặt và Xã Vắng Mặt.");
  expect(main).toContain(
    "3. Đơn vị có báo cáo bị trả lại, chưa gửi lại bản đạt yêu cầu (2): Sở Lỗi và Xã Tệp Hỏng.",
  );
  expect(main).toContain("4. Đơn vị gửi báo cáo trễ hạn (1): Sở Trễ.");
});

test("V: the units' own words, quoted with their names, under each free-text heading", () => {
  expect(main).toContain(
    "1. Khó khăn, vướng mắc\n- Sở Tốt: “Đường truyền hội nghị trực tuyến\nthường gián đoạn.”",
  );
  expect(main).toContain("2. Đề xuất, kiến nghị\n- Sở Tốt: “Đề nghị cấp thêm thiết bị.”");
  expect(main).toContain("3. Mô hình, cách làm hay\n- Xã Chín Chín: “Họp giao ban trực tuyến hằng tuần.”");
});

test("V: each line a unit typed is a paragraph of its own, not a justified line before a break that Word stretches", () => {
  const paragraphs = doc.sections[0]!.blocks.filter((b) => b.kind === "paragraph");
  const first = paragraphs.findIndex((p) =>
    p.runs.some((r) => "text" in r && r.text.includes("Đường truyền")),
  );
  const [line1, line2] = [paragraphs[first]!, paragraphs[first + 1]!];
  expect(line1.runs.map((r) => ("text" in r ? r.text : ""))).toEqual([
    "- Sở Tốt: ",
    "“Đường truyền hội nghị trực tuyến",
  ]);
  expect(line2.runs.map((r) => ("text" in r ? r.text : ""))).toEqual(["thường gián đoạn.”"]);
  expect([...line1.runs, ...line2.runs].some((r) => "breakBefore" in r && r.breakBefore === true)).toBe(
    false,
  );
  expect(line1.spacing?.after).toBe(0);
  expect(line2.spacing?.after).toBe(6);
  // The lines after the first stand as a block under it, not first-line-indented like the next unit's answer.
  expect(line1.indent).toEqual({ firstLine: 12.7 });
  expect(line2.indent).toEqual({ left: 12.7 });
});

test("V: quotation marks that span two lines of an answer become single ones; a lone CR ends a line too", () => {
  const units = c.units.map((u) =>
    u.code === "SO_TOT" ? { ...u, texts: { ...u.texts, KHO_KHAN: 'Thiếu "máy\rtính" ở xã.' } } : u,
  );
  const text = documentText(reportDocument({ ...c, units }, profile, { date: dates.date, roster }));
  expect(text).toContain("- Sở Tốt: “Thiếu ‘máy\ntính’ ở xã.”");
});

test("VI: a heading and room for the analyst to write", () => {
  const vi = main.slice(main.indexOf(REPORT_SECTIONS[5]));
  expect(vi).toContain("(Phần dành cho chuyên viên tổng hợp viết:");
  expect(vi.split("\n").filter((l) => /^…{20,}$/.test(l)).length).toBeGreaterThanOrEqual(8);
});

test("appendices: per-unit values honest at the target, the shortfalls with items short, the missing and returned units", () => {
  const perUnit = appendix(0);
  expect(perUnit).toMatch(/Sở Chín Bốn \| 05\/06\/2026 \|.* 94,98% \|/);
  expect(perUnit).toMatch(/Sở Chín Lăm \| 05\/06\/2026 \|.* 95,0% \|/);
  expect(perUnit).toContain("Sở Trễ | 10/06/2026 (trễ hạn) |");
  expect(perUnit).toMatch(/Tính chung \(9 đơn vị\)/);
  const shortfalls = appendix(1);
  expect(shortfalls).toContain(
    "Xã Chín Chín | Giảm số lượng hội nghị so với cùng kỳ | 9,96% | ≥ 10% | vượt 1 cuộc họp so với mức cho phép",
  );
  const missing = appendix(2);
  // By name, without the codes a signed report's reader does not know the units by.
  expect(missing).toContain("STT | Tên đơn vị | Loại đơn vị | Tình trạng");
  expect(missing).toContain("| Sở Vắng Mặt | Sở, ban, ngành | Chưa gửi báo cáo");
  // The file is named for its unit: its name is not said (it would break mid-word).
  expect(missing).toContain("| Xã Tệp Hỏng | UBND xã, phường | Bị trả lại: tệp không đọc được");
  expect(missing).not.toMatch(/SO_VANG|XA_HONG/);
});

test("without a roster: no 'must report' column and the missing units are said to be unknown", () => {
  const plain = consolidate(fixtureSubmissions(), { profile, period: { kind: "6T", year: 2026 } });
  const d = reportDocument(plain, profile, { date: dates.date });
  const text = documentText(d);
  expect(text).not.toContain("Theo danh sách");
  expect(text).toContain(
    "2. Đơn vị chưa gửi báo cáo: chưa xác định (không có danh sách đơn vị phải báo cáo).",
  );
  expect(tables(d, 0)[0]!.rows[0]!.length).toBe(5);
});

test("a list whose unit names hold commas or “và” is parted by semicolons, so it reads as the units it names", () => {
  const renamed = roster.map((u) =>
    u.name === "Sở Vắng Mặt" ? { ...u, name: "Sở Văn hóa, Thể thao và Du lịch" } : u,
  );
  const c2 = consolidate(fixtureSubmissions(), {
    profile,
    roster: renamed,
    period: { kind: "6T", year: 2026 },
  });
  const text = documentText(reportDocument(c2, profile, { date: dates.date, roster: renamed }));
  expect(text).toContain("2. Đơn vị chưa gửi báo cáo (2): Sở Văn hóa, Thể thao và Du lịch; Xã Vắng Mặt.");
});

test("II: a rate only some units reported is said to be pooled over those units, in the sentence and in Phụ lục I", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const unit = (code: string, withRate: boolean) => ({
    file: `${code}.xlsx`,
    sha256: code,
    result: inspectBytes(
      reportBytes(
        {
          unit: code,
          name: `Phòng ${code}`,
          type: "PHONG_THUOC_SO",
          period: "Q3",
          year: 2025,
          reportDate: { year: 2025, month: 9, day: 12 },
          ...(withRate ? {} : { counts: { HAI_LONG: [null, null], PHIEU_KHAO_SAT: [null, null] } }),
        },
        [],
        cchc,
      ),
      cchc,
    ),
  });
  const q3 = consolidate([unit("P_A", true), unit("P_B", false), unit("P_C", false)], { profile: cchc });
  expect(q3.units).toHaveLength(3);
  const d = reportDocument(q3, cchc, { date: { year: 2025, month: 9, day: 22 } });
  const text = documentText({ ...d, sections: [d.sections[0]!] });
  // goodCounts: 98,5% over 200 forms, from P_A alone.
  // "1 trong 3 đơn vị có đủ số liệu đạt 98,5%" read as if one unit had reached 98,5%.
  expect(text).toMatch(/Mức độ hài lòng[^\n]*: kết quả chung \(1\/3 đơn vị có đủ số liệu\) đạt 98,5%/);
  expect(text).toMatch(/: kết quả chung \(3 đơn vị\) /);
  expect(documentText({ ...d, sections: [d.sections[1]!] })).toContain("| 98,5% (1 đơn vị) |");
});

test("a profile's reportTo is where the report goes: HCM's CCHC plan reports to its Sở Nội vụ", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const q = consolidate([], { profile: cchc, period: { kind: "Q3", year: 2025 } });
  const d = reportDocument(q, cchc, { date: { year: 2025, month: 10, day: 20 } });
  const text = documentText({ ...d, sections: [d.sections[0]!] });
  expect(text).toContain("kính báo cáo Sở Nội vụ Thành phố Hồ Chí Minh./.");
  expect(text).toContain("- Sở Nội vụ Thành phố Hồ Chí Minh;");
  // The heading still names the superior body.
  expect(text).toContain("UBND THÀNH PHỐ");
  expect(text).not.toContain("kính báo cáo Ủy ban nhân dân");
});

test("the appendices list units by name, as a reader looks one up (not by the codes the tables do not show)", () => {
  const names = (text: string) =>
    text
      .split("\n")
      .filter((l) => /^\d+ \| /.test(l))
      .map((l) => l.split(" | ")[1]);
  // By code, Xã Mười (XA_10) would come before Xã Chín Chín (XA_996).
  expect(names(appendix(0))).toEqual([
    "Sở Chín Bốn",
    "Sở Chín Lăm",
    "Sở Tốt",
    "Sở Trễ",
    "Sở Văn Bản",
    "Xã Chín Chín",
    "Xã Mười",
    "Xã Năm Chín",
    "Xã Sáu Mươi",
  ]);
});

test("Phụ lục I's total row never starts a page alone: the last unit's row keeps with it, the others flow", () => {
  const rows = tables(doc, 1)[0]!.rows;
  const kept = (row: number): boolean[] =>
    rows[row]!.flatMap((cell) => cell.blocks.map((b) => b.kind === "paragraph" && b.keepWithNext === true));
  expect(kept(rows.length - 2).every(Boolean)).toBe(true);
  expect(kept(rows.length - 3).some(Boolean)).toBe(false);
  expect(kept(rows.length - 1).some(Boolean)).toBe(false);
});

test("Phụ lục I's headers put each target on its own line, without parentheses where 14 indicators leave no room for them", () => {
  // A header's lines are paragraphs: the target is the last.
  const targets = (d: DocumentSpec): string[] =>
    tables(d, 1)[0]!
      .rows[0]!.slice(3)
      .map((cell) => {
        const last = cell.blocks[cell.blocks.length - 1];
        return last?.kind === "paragraph" ? last.runs.map((r) => ("text" in r ? r.text : "")).join("") : "";
      });
  expect(targets(doc)).toEqual([
    "(≥ 60%)",
    "(≥ 10%)",
    "(≥ 15%)",
    "(≥ 95%)",
    "(≥ 95%)",
    "(≥ 100%)",
    "(≤ 0)",
    "(≥ 100%)",
  ]);
  // "(≥ 100%)" printed as "(≥ 100%" over ")" in CCHC-BC/2025's 14 columns (rendered and looked at).
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const cchcDoc = reportDocument(consolidate([], { profile: cchc, roster }), cchc, {
    date: dates.date,
    roster,
  });
  expect(targets(cchcDoc)).toHaveLength(14);
  expect(targets(cchcDoc)).toContain("≥ 100%");
  expect(targets(cchcDoc)).toContain("> 95%");
  for (const t of targets(cchcDoc)) expect(t).toMatch(/^[≥≤<>] \d+(,\d+)?%$/);
  // Its value cells half a point smaller: a bold "99,96%" broke as "99,96" over "%" (rendered).
  const filled = consolidate(
    [{ file: "p.xlsx", sha256: "p", result: inspectBytes(reportBytes(cchcUnit("P_A"), [], cchc), cchc) }],
    { profile: cchc },
  );
  expect(filled.units).toHaveLength(1);
  const sizes = tables(reportDocument(filled, cchc, { date: dates.date }), 1)[0]!
    .rows.at(-1)!
    .slice(3)
    .flatMap((cell) => cell.blocks.flatMap((b) => (b.kind === "paragraph" ? b.runs.map((r) => r.size) : [])));
  expect(new Set(sizes)).toEqual(new Set([7.5]));
});

test("section V's subheadings keep with what they head (V and “1. Khó khăn, vướng mắc” stood alone at a page's foot)", () => {
  const blocks = doc.sections[0]!.blocks;
  const sub = blocks.findIndex(
    (b) => b.kind === "paragraph" && b.runs.some((r) => "text" in r && /^1\. Khó khăn/.test(r.text)),
  );
  expect(sub).toBeGreaterThan(0);
  expect(blocks[sub - 1]).toMatchObject({ kind: "paragraph", keepWithNext: true });
  expect(blocks[sub]).toMatchObject({ kind: "paragraph", keepWithNext: true });
});

test("section VI's heading never ends a page with less than two of its lines under it, and the lines between run on (kept whole to the signature, it left half a page blank under section V)", () => {
  const blocks = doc.sections[0]!.blocks;
  const at = blocks.findIndex(
    (b) => b.kind === "paragraph" && b.runs.some((r) => "text" in r && r.text.startsWith("VI. ")),
  );
  expect(at).toBeGreaterThan(0);
  // The heading, its note, then the twelve dotted lines: the first keeps with the second, the last
  // with the closing sentence and the signature.
  const keeps = blocks.slice(at, at + 14).map((b) => b.kind === "paragraph" && b.keepWithNext === true);
  expect(keeps).toEqual([
    true,
    true,
    true,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    true,
  ]);
});

test("section III's lead-in keeps with its table (it was left alone at the foot of a page)", () => {
  const lead = doc.sections[0]!.blocks.find(
    (b) =>
      b.kind === "paragraph" &&
      b.runs.some((r) => "text" in r && r.text.startsWith("Số đơn vị theo tình trạng")),
  );
  expect(lead).toMatchObject({ kind: "paragraph", keepWithNext: true });
});

test("II with no report consolidated says so once, not “0 đơn vị đạt, 0 đơn vị chưa đạt, 0 đơn vị chưa đánh giá được”", () => {
  const none = documentText(
    reportDocument(consolidate([], { profile, roster }), profile, { date: dates.date, roster }),
  );
  expect(none).toContain(
    "1. Tỷ lệ hội nghị trực tuyến (mục tiêu từ 60% trở lên): không có báo cáo nào được tổng hợp, nên chưa đánh giá được.",
  );
  expect(none).not.toContain("0 đơn vị chưa đánh giá được");
});

test("“Hoàn thành quá hạn” before a task's deadline counts as done, not done late, and III says how many", () => {
  // Task 4's deadline is "Quý IV/2026": reported done late in June 2026, it cannot be late yet.
  const statuses = templateTasks(profile.form).map((_, i) => (i === 3 ? "Hoàn thành quá hạn" : "Hoàn thành"));
  const result = inspectBytes(reportBytes({ unit: "SO_A", name: "Sở A", taskStatuses: statuses }), profile);
  expect(result.findings.filter((f) => f.code === "TASK_STATUS").map((f) => f.cell)).toEqual(["G8"]);
  const early = consolidate([{ file: "a.xlsx", sha256: "a", result }], { profile });
  const task4 = early.tasks.find((t) => t.index === 4)!;
  expect([task4.done, task4.doneLate, task4.lateTooEarly]).toEqual([1, 0, 1]);
  const text = documentText(reportDocument(early, profile, { date: dates.date }));
  expect(text).toContain(
    "1 trường hợp đơn vị ghi “Hoàn thành quá hạn” khi nhiệm vụ chưa đến thời hạn; đã tính là hoàn thành đúng hạn",
  );
  expect(text).not.toContain("có đơn vị hoàn thành quá hạn");
});

test("III: units overdue only on tasks they added themselves are said so (it followed “no task of the plan is overdue”)", () => {
  const row = 5 + templateTasks(profile.form).length;
  const bytes = reportBytes({ unit: "SO_A", name: "Sở A" }, [
    { op: "set", sheet: "Nhiệm vụ", cell: `B${row}`, value: "Việc riêng của đơn vị" },
    { op: "set", sheet: "Nhiệm vụ", cell: `F${row}`, value: "Tháng 4/2026" },
    { op: "set", sheet: "Nhiệm vụ", cell: `G${row}`, value: "Đang thực hiện" },
  ]);
  const own = consolidate([{ file: "a.xlsx", sha256: "a", result: inspectBytes(bytes, profile) }], {
    profile,
  });
  expect(own.units.map((u) => u.tasks.overdue)).toEqual([1]);
  const text = documentText(reportDocument(own, profile, { date: dates.date }));
  // The tasks the units added are said before who is overdue on them, each unit with how many.
  expect(text).toContain(
    "Không có nhiệm vụ nào của kế hoạch có đơn vị báo cáo quá hạn.\n" +
      "Các đơn vị tự bổ sung 1 nhiệm vụ: 0 hoàn thành, 1 đang thực hiện, 0 chưa thực hiện; 1 quá hạn.\n" +
      "Đơn vị có nhiệm vụ tự bổ sung quá hạn: Sở A (1 nhiệm vụ).",
  );
  expect(text).not.toContain("kể cả nhiệm vụ đơn vị tự bổ sung");
});

test("V quotes a unit's text with its own quotation marks made single (“… ‘Ngày thứ Bảy không hẹn’ …”)", () => {
  const code = profile.form.freeText[0]!.code;
  const result = inspectBytes(
    reportBytes({
      unit: "SO_A",
      name: "Sở A",
      texts: { [code]: 'Tổ chức “Ngày thứ Bảy không hẹn” và "Tuần lễ số"' },
    }),
    profile,
  );
  const quoted = consolidate([{ file: "a.xlsx", sha256: "a", result }], { profile });
  expect(documentText(reportDocument(quoted, profile, { date: dates.date }))).toContain(
    "- Sở A: “Tổ chức ‘Ngày thứ Bảy không hẹn’ và ‘Tuần lễ số’”",
  );
});

test("I: a late report that updates one sent on time is counted late and said to be an update", () => {
  const updated = consolidate(onTimeThenUpdate("SO_A", "Sở A"), { profile });
  const text = documentText(reportDocument(updated, profile, { date: dates.date }));
  expect(text).toContain(
    "tổng hợp được báo cáo của 1 đơn vị (0 đúng hạn, 1 trễ hạn, trong đó 1 đơn vị đã gửi đúng hạn, bản trễ hạn là bản gửi lại; hạn gửi ngày 06/06/2026)",
  );
  expect(text).toContain("Có 1 tệp gửi trùng đơn vị (đã dùng báo cáo ghi ngày báo cáo sau cùng).");
  // IV.4 and Phụ lục I name the unit late with what it sent on time, not as plainly late.
  expect(text).toContain(
    "4. Đơn vị gửi báo cáo trễ hạn (1): Sở A (bản gửi lại; bản đầu gửi ngày 02/06/2026, đúng hạn).",
  );
  expect(text).toContain("18/06/2026 (trễ hạn, bản gửi lại)");
});

test("IV.4 and Phụ lục I: a late unit whose returned first file had Ngày báo cáo blank is not named plainly late", () => {
  // Tổng hợp said "Trễ hạn (có tệp không ghi ngày)" and the letter why, while the report sent to the
  // UBND named the unit among the plainly late.
  const undated = consolidate(
    [
      {
        file: "in/SO_A.xlsx",
        sha256: "u",
        result: inspectBytes(reportBytes({ unit: "SO_A", name: "Sở A", reportDate: "" }), profile),
      },
      {
        file: "in/SO_A (sua).xlsx",
        sha256: "s",
        result: inspectBytes(
          reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2026, month: 6, day: 20 } }),
          profile,
        ),
      },
    ],
    { profile },
  );
  const text = documentText(reportDocument(undated, profile, { date: dates.date }));
  expect(text).toContain(
    "4. Đơn vị gửi báo cáo trễ hạn (1): Sở A (có tệp không ghi ngày, chưa rõ gửi trước hay sau hạn).",
  );
  expect(text).toContain("20/06/2026 (trễ hạn, có tệp không ghi ngày)");
});

test("I: a report dated outside its period is counted by its date and said to need a look", () => {
  const dated = inspectBytes(
    reportBytes({ unit: "SO_A", name: "Sở A", reportDate: { year: 2025, month: 12, day: 20 } }),
    profile,
  );
  const c2 = consolidate([{ file: "a.xlsx", sha256: "a", result: dated }], {
    profile,
    period: { kind: "6T", year: 2026 },
  });
  expect(documentText(reportDocument(c2, profile, { date: dates.date }))).toContain(
    "Có 1 đơn vị (Sở A) ghi ngày báo cáo nằm ngoài kỳ báo cáo (có thể là báo cáo kỳ trước gửi lại, hoặc ngày ghi nhầm): việc đúng hạn hay trễ hạn, và số liệu, của các đơn vị này cần xem lại.",
  );
  expect(documentText(reportDocument(c, profile, { date: dates.date }))).not.toContain(
    "nằm ngoài kỳ báo cáo",
  );
});

test("I names up to three units dated outside the period, and counts more without names", () => {
  const outside = (code: string, name: string) => ({
    file: `${code}.xlsx`,
    sha256: code,
    result: inspectBytes(
      reportBytes({ unit: code, name, reportDate: { year: 2025, month: 12, day: 20 } }),
      profile,
    ),
  });
  const text = (files: ReturnType<typeof outside>[]) =>
    documentText(
      reportDocument(consolidate(files, { profile, period: { kind: "6T", year: 2026 } }), profile, {
        date: dates.date,
      }),
    );
  const three = [outside("SO_A", "Sở A"), outside("SO_B", "Sở B"), outside("SO_C", "Sở C")];
  expect(text(three)).toContain(
    "Có 3 đơn vị (Sở A, Sở B, Sở C) ghi ngày báo cáo nằm ngoài kỳ báo cáo (có thể là báo cáo kỳ trước gửi lại, hoặc ngày ghi nhầm)",
  );
  expect(text([...three, outside("SO_D", "Sở D")])).toContain(
    "Có 4 đơn vị ghi ngày báo cáo nằm ngoài kỳ báo cáo (có thể là báo cáo kỳ trước gửi lại, hoặc ngày ghi nhầm)",
  );
});

test("IV.1 with more units than it names: those named are the furthest from the target, a rise in words", () => {
  // Sở 1 … Sở 32 each sent more documents than last year (100 → 100 + k): a rise, worst for Sở 32.
  const subs = Array.from({ length: 32 }, (_, i) => {
    const k = i + 1;
    const unit = `SO_${String(k).padStart(2, "0")}`;
    return {
      file: `${unit}.xlsx`,
      sha256: unit,
      result: inspectBytes(
        reportBytes({ unit, name: `Sở ${k}`, counts: { VB_HANH_CHINH: [100, 100 + k] } }),
        profile,
      ),
    };
  });
  const text = documentText(reportDocument(consolidate(subs, { profile }), profile, { date: dates.date }));
  expect(text).toContain(
    "- Cắt giảm văn bản hành chính so với cùng kỳ (mục tiêu giảm ít nhất 15%): 32 đơn vị, xa mục tiêu nhất là Sở 32 (tăng 32,0%); Sở 31 (tăng 31,0%); ",
  );
  expect(text).toContain("Sở 3 (tăng 3,0%); 2 đơn vị khác (Phụ lục II).");
});

test("names in the appendices are in natural order: Phường 2 before Phường 10 (not số 1, 100, 1000, 102)", () => {
  const names = [
    "xã số 1000",
    "xã số 102",
    "xã số 1",
    "xã số 100",
    "phường 10",
    "phường 2",
    "phường",
    "phường 2a",
  ];
  expect([...names].sort(compareNatural)).toEqual([
    "phường",
    "phường 2",
    "phường 2a",
    "phường 10",
    "xã số 1",
    "xã số 100",
    "xã số 102",
    "xã số 1000",
  ]);
  // Equal numbers written differently keep one order whatever the input order.
  expect(["x 2", "x 02"].sort(compareNatural)).toEqual(["x 02", "x 2"]);
  expect(["x 02", "x 2"].sort(compareNatural)).toEqual(["x 02", "x 2"]);
  // In the document: Phụ lục II lists Phường 2's shortfall before Phường 10's.
  const short = (unit: string, name: string) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, counts: { HN_TRUC_TUYEN: [0, 1] } }), profile),
  });
  const text = documentText(
    reportDocument(consolidate([short("P10", "Phường 10"), short("P2", "Phường 2")], { profile }), profile, {
      date: dates.date,
    }),
  );
  expect(text.indexOf("1 | Phường 2 |")).toBeGreaterThan(0);
  expect(text.indexOf("2 | Phường 10 |")).toBeGreaterThan(text.indexOf("1 | Phường 2 |"));
});

/** A table's rows as the text of their cells. */
const rowTexts = (d: DocumentSpec, t: TableSpec): string[][] =>
  t.rows.map((r) =>
    r.map((cell) =>
      documentText({ font: d.font, sections: [{ page: d.sections[0]!.page, blocks: cell.blocks }] }),
    ),
  );

test("Phụ lục II: a count allowed none says how many over; a percent's gap is its distance in percentage points from the value shown", () => {
  const submit = (unit: string, counts: Record<string, [number, number]>) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name: `Đơn vị ${unit}`, counts }), profile),
  });
  const overtime = consolidate([submit("SO_A", { HN_VUOT_THOI_LUONG: [0, 3] })], { profile });
  const d = reportDocument(overtime, profile, { date: dates.date });
  const row = rowTexts(d, tables(d, 2)[0]!).find((r) => r[2] === "Hội nghị vượt thời lượng quy định");
  expect(row).toEqual([
    "1",
    "Đơn vị SO_A",
    "Hội nghị vượt thời lượng quy định",
    "3",
    "≤ 0",
    "nhiều hơn mức cho phép 3 cuộc họp",
  ]);

  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const base = cchcUnit("PHONG_1");
  const unit: ReportData = {
    ...base,
    counts: { ...base.counts, HAI_LONG: [null, 90], PHIEU_KHAO_SAT: [null, 50] },
  };
  const cc = consolidate(
    [{ file: "u.xlsx", sha256: "u", result: inspectBytes(reportBytes(unit, [], cchc), cchc) }],
    {
      profile: cchc,
    },
  );
  const dc = reportDocument(cc, cchc, { date: dates.date });
  const percentRow = rowTexts(dc, tables(dc, 2)[0]!).find((r) => r[2]!.startsWith("Mức độ hài lòng"));
  expect(percentRow?.slice(3)).toEqual(["90,0%", "≥ 96%", "thấp hơn mục tiêu 6,0 điểm phần trăm"]);

  // A province's own profile may judge the rate by another comparison: the row of one unit's rate.
  const rowWith = (comparison: Comparison, rate: number): string[] | undefined => {
    const own: Profile = {
      ...cchc,
      form: {
        ...cchc.form,
        indicators: cchc.form.indicators.map((i) => (i.id === "HAI_LONG" ? { ...i, comparison } : i)),
      },
    };
    const data: ReportData = { ...unit, counts: { ...unit.counts, HAI_LONG: [null, rate] } };
    const one = consolidate(
      [{ file: "u.xlsx", sha256: "u", result: inspectBytes(reportBytes(data, [], own), own) }],
      { profile: own },
    );
    const doc = reportDocument(one, own, { date: dates.date });
    return rowTexts(doc, tables(doc, 2)[0]!)
      .find((r) => r[2]!.startsWith("Mức độ hài lòng"))
      ?.slice(3);
  };
  // Exactly 96%: 98% misses it from above.
  expect(rowWith("=", 98)).toEqual(["98,0%", "= 96%", "cao hơn mục tiêu 2,0 điểm phần trăm"]);
  // Above 96%: 96% itself is short, by no distance at all.
  expect(rowWith(">", 96)).toEqual(["96,0%", "> 96%", "bằng mục tiêu, chưa cao hơn"]);
});

test("Phụ lục II of a large province: STT 1000, not '1.000', in a column wide enough for four digits", () => {
  const one = c.shortfalls[0]!;
  const many = {
    ...c,
    shortfalls: Array.from({ length: 1000 }, (_, i) => ({ ...one, unit: `U${i}`, unitName: `Đơn vị ${i}` })),
  };
  const d = reportDocument(many, profile, { date: dates.date, roster });
  const table = tables(d, 2)[0]!;
  const stt = rowTexts(d, table).map((r) => r[0]);
  expect(stt.slice(-2)).toEqual(["999", "1000"]);
  // Four digits at 12 pt are 8.5 mm, the cell's margins 3.8 mm: 12 mm broke "1000" as "100" / "0".
  expect(table.columnWidths[0]).toBeGreaterThanOrEqual(13);
  // The table keeps its width: the unit column gave way.
  expect(table.columnWidths.reduce((a, b) => a + b, 0)).toBe(165);
  const small = tables(doc, 2)[0]!;
  expect(small.columnWidths[0]).toBe(12);
});

test("IV.5 with --previous: the units whose column D differs from their own last report, and the verdict it decides", () => {
  const h = compareWithPrevious(c, {
    period: { kind: "6T", year: 2025 },
    units: [
      { code: "XA_10", values: { HN_TONG: { current: 2400 } } },
      { code: "SO_VB", values: { VB_HANH_CHINH: { current: 1200 } } },
    ],
  });
  const text = documentText(
    reportDocument({ ...c, previousMismatches: h.mismatches }, profile, { date: dates.date, roster }),
  );
  expect(text).toContain(
    "5. Đơn vị có số liệu cùng kỳ năm trước (cột D) khác với báo cáo 6 tháng đầu năm 2025 của chính đơn vị (2); kết quả các chỉ tiêu giảm được tính theo số đơn vị khai:\n" +
      "- Sở Văn Bản: “Số văn bản hành chính ban hành” 1.000 (báo cáo 6 tháng đầu năm 2025 ghi 1.200; tính theo số đó thì giảm 25,0%, đạt mục tiêu).\n" +
      "- Xã Mười: “Tổng số hội nghị, cuộc họp đã tổ chức” 2.500 (báo cáo 6 tháng đầu năm 2025 ghi 2.400; tính theo số đó thì giảm 6,3%, chưa đạt mục tiêu giảm ít nhất 10%, vượt 90 cuộc họp so với mức cho phép).",
  );
  // Without it, section IV ends at its fourth point.
  expect(main).not.toContain("5. Đơn vị có số liệu cùng kỳ năm trước");
});

test("II: a pooled reduction says the two sums it is computed from", () => {
  // Documents: 8 units 200 → 170 and Sở Văn Bản 1.000 → 900: 2.600 → 2.260, 13,1% fewer; 15% allows 2.210.
  expect(main).toContain(
    "3. Cắt giảm văn bản hành chính so với cùng kỳ (mục tiêu giảm ít nhất 15%): kết quả chung (9 đơn vị) giảm 13,1% (từ 2.600 xuống 2.260 văn bản), chưa đạt mục tiêu (vượt 50 văn bản so với mức cho phép); 8 đơn vị đạt, 1 đơn vị chưa đạt.",
  );
  // Meetings: 5 × 100 + 2.500 + 2.800 + 2.800 + 2.500 = 11.100 before, 9.951 now.
  expect(main).toContain("giảm 10,4% (từ 11.100 xuống 9.951 cuộc họp), đạt mục tiêu");
});

test("II: a unit with no baseline (column D 0: a new unit) is outside the pooled reduction, as it is outside its own", () => {
  const submit = (unit: string, counts: Record<string, [number, number]>) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name: `Đơn vị ${unit}`, counts }), profile),
  });
  // Sở A: 100 → 90 meetings (10% fewer); the new Trung tâm: 0 → 40 (no reduction of its own, "—").
  const c2 = consolidate(
    [
      submit("SO_A", { HN_TONG: [100, 90] }),
      submit("TT_MOI", { HN_TONG: [0, 40], HN_TRUC_TUYEN: [0, 30], HN_VUOT_THOI_LUONG: [0, 0] }),
    ],
    {
      profile,
    },
  );
  expect(c2.units.find((u) => u.code === "TT_MOI")!.indicators.MEETING_REDUCTION?.status).toBe("na");
  // Pooled over Sở A alone: 10%, met; with the new unit's 40 it read "từ 100 lên 130", a 30% rise.
  expect(c2.province.indicators.MEETING_REDUCTION).toMatchObject({ value: 0.1, status: "met" });
  expect(c2.province.pooled.MEETING_REDUCTION).toBe(1);
  const text = documentText(reportDocument(c2, profile, { date: dates.date }));
  expect(text).toContain(
    "kết quả chung (1/2 đơn vị có đủ số liệu) giảm 10,0% (từ 100 xuống 90 cuộc họp), đạt mục tiêu",
  );
  // The summed columns still add every unit.
  expect(c2.province.values.HN_TONG).toEqual({ previous: 100, current: 130 });
});

test("IV: without a roster, a unit that sent only another period's report is still named, apart from the returned", () => {
  const file = (unit: string, extra: Partial<ReportData>) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name: `Sở ${unit}`, ...extra }), profile),
  });
  const c = consolidate(
    [
      file("SO_A", {}),
      file("SO_B", { period: "NAM", year: 2025, reportDate: { year: 2025, month: 12, day: 1 } }),
    ],
    { profile, period: { kind: "6T", year: 2026 } },
  );
  const text = documentText(reportDocument(c, profile, { date: dates.date }));
  expect(text).toContain(
    "2. Đơn vị chưa gửi báo cáo: chưa xác định (không có danh sách đơn vị phải báo cáo); đơn vị chỉ gửi báo cáo của kỳ khác (1): Sở SO_B (chỉ gửi báo cáo năm 2025).",
  );
  expect(text).toContain("3. Đơn vị có báo cáo bị trả lại: không có.");
});

test("I: two files of a unit with other figures on one day are not said to be settled by the later one", () => {
  const run = consolidate([financeFile("SO_TC.xlsx", 3, 60), financeFile("SO_TC (1).xlsx", 3, 40)], {
    profile,
  });
  const text = documentText(reportDocument(run, profile, { date: dates.date }));
  // The file used was only the names' choice: nobody knows which one the unit sent last.
  expect(text).not.toContain("gửi sau cùng");
  expect(text).not.toContain("tệp gửi trùng đơn vị");
  expect(text).toContain(
    "Có 1 đơn vị (Sở Tài chính) gửi hai tệp khác số liệu mà chưa rõ tệp nào đúng; đang tạm dùng một tệp, cần đơn vị xác nhận.",
  );
});

test("II: a tally leaves out its zeros (“9 đơn vị đạt, 0 đơn vị chưa đạt” read as a form to fill)", () => {
  expect(main).not.toMatch(/\b0 đơn vị (đạt|chưa đạt|chưa đánh giá được)/);
  expect(main).toContain(
    "5. Tỷ lệ số hóa văn bản (mục tiêu từ 95% trở lên): kết quả chung (9 đơn vị) đạt 96,9%, đạt mục tiêu; cả 9 đơn vị đều đạt.",
  );
});

test("Phụ lục III lists a unit that sent only another period's report with those that have not sent, not among the returned", () => {
  const file = (unit: string, name: string, extra: Partial<ReportData>) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, ...extra }), profile),
  });
  const units: RosterUnit[] = [
    { code: "SO_TOT", name: "Sở Tốt", type: "Sở, ban, ngành" },
    { code: "SO_VANG", name: "Sở Vắng", type: "Sở, ban, ngành" },
    { code: "SO_XAY_DUNG", name: "Sở Xây dựng", type: "Sở, ban, ngành" },
    { code: "PHUONG_AN", name: "Phường An", type: "UBND xã, phường" },
    { code: "XA_NGA_SON", name: "Xã Nga Sơn", type: "UBND xã, phường" },
  ];
  const c = consolidate(
    [
      file("SO_TOT", "Sở Tốt", {}),
      file("SO_XAY_DUNG", "Sở Xây dựng", {
        period: "NAM",
        year: 2025,
        reportDate: { year: 2025, month: 12, day: 4 },
      }),
      file("PHUONG_AN", "Phường An", { counts: { HN_TONG: [100, 90], HN_TRUC_TUYEN: [50, 95] } }),
      file("XA_NGA_SON", "Xã Nga Sơn", { type: "UBND_XA", counts: { VB_HANH_CHINH: [200, -2] } }),
    ],
    { profile, roster: units, period: { kind: "6T", year: 2026 } },
  );
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const rows = documentText({ ...d, sections: [d.sections[3]!] })
    .split("\n")
    .filter((l) => /^\d+ \| /.test(l));
  // By name alone Sở Xây dựng stood between Phường An and Xã Nga Sơn, the two returned units.
  expect(rows).toEqual([
    "1 | Sở Vắng | Sở, ban, ngành | Chưa gửi báo cáo",
    "2 | Sở Xây dựng | Sở, ban, ngành | Chưa gửi báo cáo; tệp đã gửi là báo cáo năm 2025",
    "3 | Phường An | UBND xã, phường | Bị trả lại: 1 lỗi số liệu",
    "4 | Xã Nga Sơn | UBND xã, phường | Bị trả lại: 1 lỗi số liệu",
  ]);
  // As IV.2 and IV.3 say them.
  const text = documentText({ ...d, sections: [d.sections[0]!] });
  expect(text).toContain(
    "2. Đơn vị chưa gửi báo cáo (2): Sở Vắng và Sở Xây dựng (chỉ gửi báo cáo năm 2025).",
  );
  expect(text).toContain(
    "3. Đơn vị có báo cáo bị trả lại, chưa gửi lại bản đạt yêu cầu (2): Phường An và Xã Nga Sơn.",
  );
});

describe("IV's lists name the units in the appendices' order, by name, with a code only where two units share a name", () => {
  const file = (
    unit: string,
    name: string,
    extra: Partial<ReportData> = {},
    edits: Parameters<typeof reportBytes>[1] = [],
  ) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, ...extra }, edits), profile),
  });
  // A task of its own, overdue (III names the unit with how many).
  const ownRow = 5 + templateTasks(profile.form).length;
  // Codes in another order than names (the bundled samples' DH_VHTTDL, "Trường Đại học …", stood first in IV.2).
  const units: RosterUnit[] = [
    { code: "DH_VH", name: "Trường Đại học Văn hóa", type: "Đơn vị sự nghiệp" },
    { code: "SO_NGOAI_VU", name: "Sở Ngoại vụ", type: "Sở, ban, ngành" },
    { code: "A_XA_BAC", name: "Xã Bắc", type: "UBND xã, phường" },
    { code: "B_PHUONG_NAM", name: "Phường Nam", type: "UBND xã, phường" },
    { code: "C_XA_DONG", name: "Xã Đông", type: "UBND xã, phường" },
    { code: "D_PHUONG_TAY", name: "Phường Tây", type: "UBND xã, phường" },
    // Two communes of one name (in two former districts): told apart by their codes.
    { code: "XA_TAN_PHU_1", name: "Xã Tân Phú", type: "UBND xã, phường" },
    { code: "XA_TAN_PHU_2", name: "Xã Tân Phú", type: "UBND xã, phường" },
  ];
  const late = { reportDate: { year: 2026, month: 6, day: 9 } };
  const c = consolidate(
    [
      file("A_XA_BAC", "Xã Bắc", { type: "UBND_XA", counts: { HN_TONG: [100, -1] } }),
      file("B_PHUONG_NAM", "Phường Nam", { type: "UBND_XA", counts: { HN_TONG: [100, -1] } }),
      file("C_XA_DONG", "Xã Đông", { type: "UBND_XA", ...late }),
      file("D_PHUONG_TAY", "Phường Tây", { type: "UBND_XA", ...late }),
      file(
        "XA_TAN_PHU_2",
        "Xã Tân Phú",
        { type: "UBND_XA", counts: { HN_TONG: [100, 90], HN_TRUC_TUYEN: [50, 50] } },
        [
          { op: "set", sheet: "Nhiệm vụ", cell: `B${ownRow}`, value: "Việc riêng của xã" },
          { op: "set", sheet: "Nhiệm vụ", cell: `F${ownRow}`, value: "Tháng 4/2026" },
          { op: "set", sheet: "Nhiệm vụ", cell: `G${ownRow}`, value: "Chưa thực hiện" },
        ],
      ),
    ],
    { profile, roster: units, period: { kind: "6T", year: 2026 } },
  );
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const body = documentText({ ...d, sections: [d.sections[0]!] });

  test("IV.2, IV.3 and IV.4 by name, as Phụ lục III and Phụ lục I list them", () => {
    expect(body).toContain(
      "2. Đơn vị chưa gửi báo cáo (3): Sở Ngoại vụ, Trường Đại học Văn hóa và Xã Tân Phú (XA_TAN_PHU_1).",
    );
    expect(body).toContain(
      "3. Đơn vị có báo cáo bị trả lại, chưa gửi lại bản đạt yêu cầu (2): Phường Nam và Xã Bắc.",
    );
    expect(body).toContain("4. Đơn vị gửi báo cáo trễ hạn (2): Phường Tây và Xã Đông.");
    const rows = documentText({ ...d, sections: [d.sections[3]!] })
      .split("\n")
      .filter((l) => /^\d+ \| /.test(l));
    expect(rows).toEqual([
      "1 | Sở Ngoại vụ | Sở, ban, ngành | Chưa gửi báo cáo",
      "2 | Trường Đại học Văn hóa | Đơn vị sự nghiệp | Chưa gửi báo cáo",
      "3 | Xã Tân Phú (XA_TAN_PHU_1) | UBND xã, phường | Chưa gửi báo cáo",
      "4 | Phường Nam | UBND xã, phường | Bị trả lại: 1 lỗi số liệu",
      "5 | Xã Bắc | UBND xã, phường | Bị trả lại: 1 lỗi số liệu",
    ]);
  });

  test("a name two units share carries its code wherever the report names the unit; other names never do", () => {
    // The code and what follows the name share one pair of brackets ("(XA_TAN_PHU_2) (55,6%)" read as a slip).
    expect(body).toContain(
      "- Tỷ lệ hội nghị trực tuyến (mục tiêu từ 60% trở lên): 1 đơn vị: Xã Tân Phú (XA_TAN_PHU_2; 55,6%).",
    );
    expect(body).toContain("Đơn vị có nhiệm vụ tự bổ sung quá hạn: Xã Tân Phú (XA_TAN_PHU_2; 1 nhiệm vụ).");
    expect(body).not.toMatch(/\) \(/);
    expect(documentText({ ...d, sections: [d.sections[1]!] })).toContain("| Xã Tân Phú (XA_TAN_PHU_2) |");
    expect(documentText({ ...d, sections: [d.sections[2]!] })).toContain(
      "| Xã Tân Phú (XA_TAN_PHU_2) | Tỷ lệ hội nghị trực tuyến |",
    );
    expect(documentText(d)).not.toMatch(/SO_NGOAI_VU|DH_VH|A_XA_BAC|B_PHUONG_NAM|C_XA_DONG|D_PHUONG_TAY/);
  });
});

test("III: past 30 units overdue, the rest are in the summary's Tổng hợp sheet, not Phụ lục I (which has no task column)", () => {
  const row = 5 + templateTasks(profile.form).length;
  const files = Array.from({ length: 31 }, (_, i) => {
    const code = `XA_${String(i + 1).padStart(2, "0")}`;
    const bytes = reportBytes({ unit: code, name: `Xã Số ${i + 1}`, type: "UBND_XA" }, [
      { op: "set", sheet: "Nhiệm vụ", cell: `B${row}`, value: "Việc riêng của đơn vị" },
      { op: "set", sheet: "Nhiệm vụ", cell: `F${row}`, value: "Tháng 4/2026" },
      { op: "set", sheet: "Nhiệm vụ", cell: `G${row}`, value: "Chưa thực hiện" },
    ]);
    return { file: `${code}.xlsx`, sha256: code, result: inspectBytes(bytes, profile) };
  });
  const text = documentText(reportDocument(consolidate(files, { profile }), profile, { date: dates.date }));
  // By name with its digits as numbers: "Xã Số 2" before "Xã Số 10"; the 31st is left to the summary.
  expect(text).toContain(
    "Đơn vị có nhiệm vụ tự bổ sung quá hạn: Xã Số 1 (1 nhiệm vụ), Xã Số 2 (1 nhiệm vụ), Xã Số 3 (1 nhiệm vụ),",
  );
  expect(text).toContain("Xã Số 30 (1 nhiệm vụ) và 1 đơn vị khác (xem trang Tổng hợp của bảng tổng hợp).");
});

test("II names the e-document indicator as the plan does (“gửi, nhận dưới dạng điện tử”, not “nhận dạng”)", () => {
  expect(main).toContain("6. Văn bản không mật gửi, nhận dưới dạng điện tử (mục tiêu 100%)");
  expect(main).not.toContain("nhận dạng điện tử");
});

test("Phụ lục I's total row says over how many units a value only followed this period was pooled, as II says it", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  // Only P_A gave its capital plan and disbursement (the others left those optional rows blank).
  const unit = (code: string, capital: boolean) => ({
    file: `${code}.xlsx`,
    sha256: code,
    result: inspectBytes(
      reportBytes(
        {
          ...cchcUnit(code),
          counts: capital
            ? { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 960] }
            : { VON_KE_HOACH: [null, null], VON_GIAI_NGAN: [null, null] },
        },
        [],
        cchc,
      ),
      cchc,
    ),
  });
  const q2 = consolidate([unit("P_A", true), unit("P_B", false), unit("P_C", false)], {
    profile: cchc,
    period: { kind: "Q2", year: 2025 },
  });
  const d = reportDocument(q2, cchc, { date: { year: 2025, month: 6, day: 20 } });
  expect(documentText({ ...d, sections: [d.sections[0]!] })).toContain(
    "chỉ đánh giá ở báo cáo năm; kết quả chung kỳ này (1/3 đơn vị có đủ số liệu) đạt 96,0%, chỉ để theo dõi.",
  );
  const total = documentText({ ...d, sections: [d.sections[1]!] })
    .split("\n")
    .find((l) => l.startsWith(" | Tính chung"));
  // Giải ngân vốn, the last column: pooled over the one unit that gave it.
  expect(total).toMatch(/\| 98,5% \| 100,0% \| 100,0% \| 100,0% \| 96,0% \(1 đơn vị\)$/);
});

// Phụ lục I's total row said "(5 đơn vị)" under Thanh toán điện tử (a unit left its fee rows blank)
// but nothing under Xử lý PAKN, though three units had received no PAKN ("—" above it).
test("Phụ lục I's total row says over how many units every pooled value is, a ratio's units with none of its whole left out", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  const unit = (code: string, counts: ReportData["counts"]) => ({
    file: `${code}.xlsx`,
    sha256: code,
    result: inspectBytes(
      reportBytes({ ...cchcUnit(code), counts: { ...cchcUnit(code).counts, ...counts } }, [], cchc),
      cchc,
    ),
  });
  const q2 = consolidate(
    [
      unit("P_A", {}),
      // No PAKN received this quarter: 0 of 0 is no value.
      unit("P_B", { PAKN_TONG: [null, 0], PAKN_XU_LY: [null, 0] }),
      // The optional fee rows left blank: no value for Thanh toán điện tử.
      unit("P_C", { HS_CO_PHI: [null, null], HS_THANH_TOAN_DT: [null, null] }),
    ],
    { profile: cchc, period: { kind: "Q2", year: 2025 } },
  );
  const d = reportDocument(q2, cchc, { date: { year: 2025, month: 6, day: 20 } });
  const lines = documentText({ ...d, sections: [d.sections[1]!] }).split("\n");
  const cells = (start: string) => lines.find((l) => l.startsWith(start))!.split(" | ");
  const head = cells("STT | ");
  const total = cells(" | Tính chung");
  const under = (short: string) => total[head.findIndex((h) => h.startsWith(short))];
  expect(total[1]).toBe("Tính chung (3 đơn vị)");
  expect(under("Thanh toán điện tử")).toBe("100,0% (2 đơn vị)");
  expect(under("Xử lý PAKN")).toBe("100,0% (2 đơn vị)");
  expect(under("Mức độ hài lòng")).toBe("98,5%");
  expect(lines.join("\n")).toContain(
    "Ô in đậm trên nền xám: chưa đạt mục tiêu; “—”: chưa đánh giá được (mẫu số bằng 0, thiếu số liệu hoặc chỉ tiêu không áp dụng cho loại đơn vị). Số đơn vị ghi dưới kết quả tính chung: các đơn vị có kết quả ở cột đó (không tính ô “—”).",
  );
});

test("IV.1 says what a count counts: “Sở A (2 cuộc họp)”, not “Sở A (2)”", () => {
  const over = consolidate(
    [
      {
        file: "SO_A.xlsx",
        sha256: "a",
        result: inspectBytes(
          reportBytes({ unit: "SO_A", name: "Sở A", counts: { HN_VUOT_THOI_LUONG: [0, 2] } }),
          profile,
        ),
      },
    ],
    { profile },
  );
  expect(documentText(reportDocument(over, profile, { date: dates.date }))).toContain(
    "- Hội nghị vượt thời lượng quy định (mục tiêu: không có cuộc họp nào): 1 đơn vị: Sở A (2 cuộc họp).",
  );
});

test("without a roster, I's table counts a unit that sent only another period's report apart from the returned, and nobody is “not on the list”", () => {
  const file = (unit: string, name: string, extra: Partial<ReportData> = {}) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, ...extra }), profile),
  });
  const c = consolidate(
    [
      file("SO_TOT", "Sở Tốt"),
      file("SO_LOI", "Sở Lỗi", { counts: { HN_TONG: [100, -1] } }),
      file("SO_XAY_DUNG", "Sở Xây dựng", {
        period: "NAM",
        year: 2025,
        reportDate: { year: 2025, month: 12, day: 4 },
      }),
    ],
    { profile, period: { kind: "6T", year: 2026 } },
  );
  const d = reportDocument(c, profile, { date: dates.date });
  // The returned unit's column said 2 (the other period's unit with it) beside "Có 1 đơn vị có báo cáo bị trả lại".
  expect(byTypeRows(d)).toEqual([
    ["Loại đơn vị", "Đã tổng hợp", "Đúng hạn", "Trễ hạn", "Bị trả lại", "Chỉ gửi báo cáo kỳ khác"],
    ["Sở, ban, ngành", "1", "1", "0", "1", "1"],
    ["Tổng cộng", "1", "1", "0", "1", "1"],
  ]);
  const text = documentText(d);
  expect(text).toContain(
    "Có 1 đơn vị có báo cáo bị trả lại (lỗi số liệu) và chưa gửi lại bản đạt yêu cầu. Có 1 đơn vị chưa gửi báo cáo 6 tháng đầu năm 2026, chỉ gửi báo cáo của kỳ khác.",
  );
  expect(text).not.toContain("Không có trong danh sách");
  expect(documentText({ ...d, sections: [d.sections[3]!] })).toContain(
    "1 | Sở Xây dựng | Sở, ban, ngành | Chưa gửi báo cáo; tệp đã gửi là báo cáo năm 2025\n2 | Sở Lỗi | Sở, ban, ngành | Bị trả lại: 1 lỗi số liệu",
  );
});

// Without a roster a returned unit was "Chưa xác định loại" in I's table and of no type in Phụ lục III,
// though its file's Loại đơn vị was read: ReturnedUnit carried the roster's type only.
test("without a roster, a returned unit is counted and listed by the type its file declares", () => {
  const file = (unit: string, name: string, edits: Edit[] = [], extra: Partial<ReportData> = {}) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, ...extra }, edits, profile), profile),
  });
  const c = consolidate(
    [
      file("SO_TOT", "Sở Tốt"),
      file("XA_LOI", "Xã Lỗi", [], { type: "UBND_XA", counts: { HN_TONG: [100, -1] } }),
      // Loại đơn vị left blank: no type to tell.
      file("SO_TRONG", "Sở Trống", [{ op: "set", sheet: "Thông tin", cell: "C7", value: null }]),
    ],
    { profile, period: { kind: "6T", year: 2026 } },
  );
  expect(c.returned.map((u) => [u.code, u.type])).toEqual([
    ["SO_TRONG", undefined],
    ["XA_LOI", "UBND xã, phường"],
  ]);
  const d = reportDocument(c, profile, { date: dates.date });
  expect(byTypeRows(d)).toEqual([
    ["Loại đơn vị", "Đã tổng hợp", "Đúng hạn", "Trễ hạn", "Bị trả lại"],
    ["Sở, ban, ngành", "1", "1", "0", "0"],
    ["UBND xã, phường", "0", "0", "0", "1"],
    ["Chưa xác định loại", "0", "0", "0", "1"],
    ["Tổng cộng", "1", "1", "0", "2"],
  ]);
  expect(documentText({ ...d, sections: [d.sections[3]!] })).toContain(
    "1 | Sở Trống |  | Bị trả lại: lỗi thông tin chung\n2 | Xã Lỗi | UBND xã, phường | Bị trả lại: 1 lỗi số liệu",
  );
});

// A report without its Ngày báo cáo was "Bị trả lại: 1 lỗi số liệu" and section I's round "(lỗi số
// liệu)", though no figure was wrong: a blank or mistyped field of Thông tin is "lỗi thông tin chung".
test("Phụ lục III and section I call a blank Ngày báo cáo or Loại đơn vị 'lỗi thông tin chung', not 'lỗi số liệu'", () => {
  const units: RosterUnit[] = [
    { code: "SO_KHONG_NGAY", name: "Sở Không Ngày", type: "Sở, ban, ngành" },
    { code: "SO_HAI_LOI", name: "Sở Hai Lỗi", type: "Sở, ban, ngành" },
  ];
  const file = (unit: string, name: string, data: Partial<ReportData>, edits: Edit[]) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, ...data }, edits, profile), profile),
  });
  const c = consolidate(
    [
      file("SO_KHONG_NGAY", "Sở Không Ngày", {}, [
        { op: "set", sheet: "Thông tin", cell: "C10", value: null },
      ]),
      // Loại đơn vị typed as no type of the list, and a count below zero.
      file("SO_HAI_LOI", "Sở Hai Lỗi", { counts: { HN_TONG: [100, -1] } }, [
        { op: "set", sheet: "Thông tin", cell: "C7", value: "Cơ quan gì đó" },
      ]),
    ],
    { profile, roster: units, period: { kind: "6T", year: 2026 } },
  );
  expect(c.rejected.map((r) => r.findings.filter((f) => f.severity === "error").map((f) => f.cell))).toEqual([
    ["C7", expect.stringMatching(/^E\d+$/)],
    ["C10"],
  ]);
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const rows = documentText({ ...d, sections: [d.sections[3]!] })
    .split("\n")
    .filter((l) => /^\d+ \| /.test(l));
  expect(rows).toEqual([
    "1 | Sở Hai Lỗi | Sở, ban, ngành | Bị trả lại: lỗi thông tin chung, 1 lỗi số liệu",
    "2 | Sở Không Ngày | Sở, ban, ngành | Bị trả lại: lỗi thông tin chung",
  ]);
  expect(documentText(d)).toContain(
    "Có 2 đơn vị có báo cáo bị trả lại (lỗi thông tin chung, lỗi số liệu) và chưa gửi lại bản đạt yêu cầu.",
  );
});

// A task's status typed outside the list ("Chưa hoàn thành": in progress, or not begun?) was "1 lỗi số
// liệu" in Phụ lục III, read by the signer as a wrong count: it is the task list's.
test("Phụ lục III and section I call a task status outside the list 'lỗi danh mục nhiệm vụ', not 'lỗi số liệu'", () => {
  const units: RosterUnit[] = [
    { code: "SO_NHIEM_VU", name: "Sở Nhiệm Vụ", type: "Sở, ban, ngành" },
    { code: "SO_HAI_LOI", name: "Sở Hai Lỗi", type: "Sở, ban, ngành" },
  ];
  const file = (unit: string, name: string, data: Partial<ReportData>, edits: Edit[]) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(reportBytes({ unit, name, ...data }, edits, profile), profile),
  });
  const status: Edit = { op: "set", sheet: "Nhiệm vụ", cell: "G5", value: "Chưa hoàn thành" };
  const c = consolidate(
    [
      file("SO_NHIEM_VU", "Sở Nhiệm Vụ", {}, [status]),
      file("SO_HAI_LOI", "Sở Hai Lỗi", { counts: { HN_TONG: [100, -1] } }, [status]),
    ],
    { profile, roster: units, period: { kind: "6T", year: 2026 } },
  );
  expect(c.rejected.map((r) => r.findings.filter((f) => f.severity === "error").map((f) => f.code))).toEqual([
    ["BAD_VALUE", "TASK_STATUS"],
    ["TASK_STATUS"],
  ]);
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const rows = documentText({ ...d, sections: [d.sections[3]!] })
    .split("\n")
    .filter((l) => /^\d+ \| /.test(l));
  expect(rows).toEqual([
    "1 | Sở Hai Lỗi | Sở, ban, ngành | Bị trả lại: lỗi danh mục nhiệm vụ, 1 lỗi số liệu",
    "2 | Sở Nhiệm Vụ | Sở, ban, ngành | Bị trả lại: lỗi danh mục nhiệm vụ",
  ]);
  expect(documentText(d)).toContain(
    "Có 2 đơn vị có báo cáo bị trả lại (lỗi danh mục nhiệm vụ, lỗi số liệu) và chưa gửi lại bản đạt yêu cầu.",
  );
});

test("Phụ lục III says a returned unit the roster does not list is not on it, as II's table does", () => {
  const units: RosterUnit[] = [{ code: "SO_TOT", name: "Sở Tốt", type: "Sở, ban, ngành" }];
  const c = consolidate(
    [
      {
        file: "SO_TOT.xlsx",
        sha256: "SO_TOT",
        result: inspectBytes(reportBytes({ unit: "SO_TOT", name: "Sở Tốt" }), profile),
      },
      {
        file: "XA_MOI.xlsx",
        sha256: "XA_MOI",
        result: inspectBytes(
          reportBytes({ unit: "XA_MOI", name: "Xã Mới", counts: { VB_HANH_CHINH: [200, -2] } }),
          profile,
        ),
      },
    ],
    { profile, roster: units, period: { kind: "6T", year: 2026 } },
  );
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const rows = documentText({ ...d, sections: [d.sections[3]!] })
    .split("\n")
    .filter((l) => /^\d+ \| /.test(l));
  expect(rows).toEqual(["1 | Xã Mới | Không có trong danh sách | Bị trả lại: 1 lỗi số liệu"]);
});

// "Bị trả lại: 1 lỗi" told the UBND's reader nothing of why: Phụ lục III says which kinds a file had,
// and section I names those that occurred this round (it named all three whichever did).
test("Phụ lục III says why each file was returned, and section I names only those kinds: sai mẫu, lỗi số liệu", () => {
  const units: RosterUnit[] = [
    { code: "SO_LECH", name: "Sở Lệch Cột", type: "Sở, ban, ngành" },
    { code: "SO_SAI", name: "Sở Sai Số", type: "Sở, ban, ngành" },
  ];
  const file = (unit: string, name: string, bytes: Uint8Array) => ({
    file: `${unit}.xlsx`,
    sha256: unit,
    result: inspectBytes(bytes, profile),
  });
  const c = consolidate(
    [
      // An STT column inserted before Chỉ tiêu's A (NOT_TEMPLATE) and a count typed below zero.
      file(
        "SO_LECH",
        "Sở Lệch Cột",
        reportBytes({ unit: "SO_LECH", name: "Sở Lệch Cột", counts: { HN_TONG: [100, -1] } }, [
          { op: "insertColumn", sheet: "Chỉ tiêu", before: "A" },
        ]),
      ),
      file(
        "SO_SAI",
        "Sở Sai Số",
        reportBytes({
          unit: "SO_SAI",
          name: "Sở Sai Số",
          counts: { HN_TONG: [100, -1], TTHC_TONG: [1000, -2] },
        }),
      ),
    ],
    { profile, roster: units, period: { kind: "6T", year: 2026 } },
  );
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const rows = documentText({ ...d, sections: [d.sections[3]!] })
    .split("\n")
    .filter((l) => /^\d+ \| /.test(l));
  expect(rows).toEqual([
    "1 | Sở Lệch Cột | Sở, ban, ngành | Bị trả lại: sai mẫu",
    "2 | Sở Sai Số | Sở, ban, ngành | Bị trả lại: 2 lỗi số liệu",
  ]);
  expect(documentText(d)).toContain(
    "Có 2 đơn vị có báo cáo bị trả lại (sai mẫu, lỗi số liệu) và chưa gửi lại bản đạt yêu cầu.",
  );
});

// A three-week round: Xã Nga Sơn's "hai mươi" file (with the year left 2025) was returned, then its
// "20 cuộc" one; Phụ lục III listed both files as if both were still to mend, and section I named the
// first one's "sai kỳ báo cáo" although its letter asks about the second only.
test("Phụ lục III says a unit returned again by its latest file, counting the times, and section I only that file's kinds", () => {
  const units: RosterUnit[] = [{ code: "XA_NGA_SON", name: "Xã Nga Sơn", type: "UBND xã, phường" }];
  const file = (name: string, bytes: Uint8Array) => ({
    file: `hop-thu/${name}`,
    sha256: name,
    result: inspectBytes(bytes, profile),
  });
  const nga = (day: number, current: string, year = 2026) =>
    reportBytes({
      unit: "XA_NGA_SON",
      name: "Xã Nga Sơn",
      type: "UBND_XA",
      year,
      reportDate: { year: 2026, month: 6, day },
      counts: { HN_TONG: [100, current], HN_TRUC_TUYEN: [50, 0] },
    });
  const c = consolidate(
    [file("Nga Son.xlsx", nga(5, "hai mươi", 2025)), file("Nga Son (1).xlsx", nga(12, "20 cuộc"))],
    { profile, roster: units, period: { kind: "6T", year: 2026 } },
  );
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const rows = documentText({ ...d, sections: [d.sections[3]!] })
    .split("\n")
    .filter((l) => /^\d+ \| /.test(l));
  expect(rows).toEqual([
    "1 | Xã Nga Sơn | UBND xã, phường | Bị trả lại 2 lần, lần sau cùng: tệp “Nga Son (1).xlsx” (1 lỗi số liệu)",
  ]);
  expect(documentText(d)).toContain(
    "Có 1 đơn vị có báo cáo bị trả lại (lỗi số liệu) và chưa gửi lại bản đạt yêu cầu.",
  );
});

// Mutation test (session 39): section I gathers the kinds over every unit still returned, and only
// theirs: a unit whose later file was accepted gives no kind, and a first unit's "lỗi số liệu" is kept
// after a second unit's "sai mẫu".
test("section I names the kinds of every unit still returned, not of a unit that has since sent a good file", () => {
  const units: RosterUnit[] = [
    { code: "SO_A_SAI", name: "Sở A Sai Số", type: "Sở, ban, ngành" },
    { code: "SO_B_LECH", name: "Sở B Lệch Cột", type: "Sở, ban, ngành" },
    { code: "SO_C_DA_SUA", name: "Sở C Đã Sửa", type: "Sở, ban, ngành" },
  ];
  const file = (name: string, unit: string, bytes: Uint8Array) => ({
    file: name,
    sha256: name,
    result: inspectBytes(bytes, profile),
  });
  const wrongForm = (unit: string) =>
    reportBytes({ unit, name: unit, counts: { HN_TONG: [100, 90] } }, [
      { op: "insertColumn", sheet: "Chỉ tiêu", before: "A" },
    ]);
  const negative = (unit: string, day: number) =>
    reportBytes({
      unit,
      name: unit,
      counts: { HN_TONG: [100, -1] },
      reportDate: { year: 2026, month: 6, day },
    });
  const sentence = (files: ReturnType<typeof file>[]): string | undefined => {
    const c = consolidate(files, { profile, roster: units, period: { kind: "6T", year: 2026 } });
    const text = documentText(reportDocument(c, profile, { date: dates.date, roster: units }));
    return /Có \S+ đơn vị có báo cáo bị trả lại[^.]*\./.exec(text)?.[0];
  };
  expect(
    sentence([
      file("SO_A_SAI.xlsx", "SO_A_SAI", negative("SO_A_SAI", 5)),
      file("SO_B_LECH.xlsx", "SO_B_LECH", wrongForm("SO_B_LECH")),
    ]),
  ).toBe("Có 2 đơn vị có báo cáo bị trả lại (sai mẫu, lỗi số liệu) và chưa gửi lại bản đạt yêu cầu.");
  const good = reportBytes({
    unit: "SO_C_DA_SUA",
    name: "Sở C Đã Sửa",
    counts: { HN_TONG: [100, 90] },
    reportDate: { year: 2026, month: 6, day: 8 },
  });
  expect(
    sentence([
      file("SO_B_LECH.xlsx", "SO_B_LECH", wrongForm("SO_B_LECH")),
      file("SO_C_DA_SUA.xlsx", "SO_C_DA_SUA", negative("SO_C_DA_SUA", 5)),
      file("SO_C_DA_SUA (2).xlsx", "SO_C_DA_SUA", good),
    ]),
  ).toBe("Có 1 đơn vị có báo cáo bị trả lại (sai mẫu) và chưa gửi lại bản đạt yêu cầu.");
});

// Mutation test (session 40): section I and Phụ lục III say the kinds in one order, Phụ lục III's
// ("sai mẫu" before "sai kỳ báo cáo"), whichever unit's file came first; and a still-returned unit's
// other file, last year's report, adds no "sai kỳ báo cáo" (Phụ lục III gives that unit only its
// figures' errors).
test("section I names the kinds in Phụ lục III's order, and not a still-returned unit's other period's file", () => {
  const units: RosterUnit[] = [
    { code: "SO_A_KY", name: "Sở A Sai Kỳ", type: "Sở, ban, ngành" },
    { code: "SO_B_LECH", name: "Sở B Lệch Cột", type: "Sở, ban, ngành" },
  ];
  const file = (name: string, bytes: Uint8Array) => ({
    file: name,
    sha256: name,
    result: inspectBytes(bytes, profile),
  });
  const period = { kind: "6T", year: 2026 } as const;
  const text = (files: ReturnType<typeof file>[]) => {
    const c = consolidate(files, { profile, roster: units, period });
    const d = reportDocument(c, profile, { date: dates.date, roster: units });
    return {
      sentence: /Có \S+ đơn vị có báo cáo bị trả lại[^.]*\./.exec(documentText(d))?.[0],
      rows: documentText({ ...d, sections: [d.sections[3]!] })
        .split("\n")
        .filter((l) => /^\d+ \| /.test(l)),
    };
  };
  // SO_A_KY's file says "Năm 2026" though dated 05/06/2026 (this round's, mislabelled); SO_B_LECH's
  // has a column inserted before Chỉ tiêu's A.
  const mislabelled = reportBytes({ unit: "SO_A_KY", name: "Sở A Sai Kỳ", period: "NAM" });
  const wrongForm = reportBytes({ unit: "SO_B_LECH", name: "Sở B Lệch Cột" }, [
    { op: "insertColumn", sheet: "Chỉ tiêu", before: "A" },
  ]);
  expect(text([file("SO_A_KY.xlsx", mislabelled), file("SO_B_LECH.xlsx", wrongForm)])).toEqual({
    sentence: "Có 2 đơn vị có báo cáo bị trả lại (sai mẫu, sai kỳ báo cáo) và chưa gửi lại bản đạt yêu cầu.",
    rows: [
      "1 | Sở A Sai Kỳ | Sở, ban, ngành | Bị trả lại: sai kỳ báo cáo",
      "2 | Sở B Lệch Cột | Sở, ban, ngành | Bị trả lại: sai mẫu",
    ],
  });
  // SO_A_KY sends its report of 6 tháng đầu năm 2025 too, and this round's with a count below zero.
  const lastYear = reportBytes({
    unit: "SO_A_KY",
    name: "Sở A Sai Kỳ",
    year: 2025,
    reportDate: { year: 2025, month: 6, day: 5 },
  });
  const negative = reportBytes({ unit: "SO_A_KY", name: "Sở A Sai Kỳ", counts: { HN_TONG: [100, -1] } });
  expect(text([file("SO_A_KY (2025).xlsx", lastYear), file("SO_A_KY.xlsx", negative)]).sentence).toBe(
    "Có 1 đơn vị có báo cáo bị trả lại (lỗi số liệu) và chưa gửi lại bản đạt yêu cầu.",
  );
});
// A hidden template sheet beside a stray one, a copy with other figures, a row deleted or doubled
// were "1 lỗi số liệu", as if a figure were wrong: the workbook is not the template's shape.
test("Phụ lục III says 'sai mẫu' of a file returned for its sheets or rows, not 'lỗi số liệu'", () => {
  const units: RosterUnit[] = ["SO_AN", "SO_SAO", "SO_XOA", "SO_LAP"].map((code) => ({
    code,
    name: `Sở ${code.slice(3)}`,
    type: "Sở, ban, ngành",
  }));
  const file = (unit: string, edits: Edit[], hidden?: string, counts?: ReportData["counts"]) => {
    const spec = reportSpec(
      { unit, name: `Sở ${unit.slice(3)}`, ...(counts ? { counts } : {}) },
      edits,
      profile,
    );
    const sheets = spec.sheets.map((sh) => (sh.name === hidden ? { ...sh, hidden: true } : sh));
    return {
      file: `${unit}.xlsx`,
      sha256: unit,
      result: inspectBytes(writeXlsx({ ...spec, sheets }), profile),
    };
  };
  const files = [
    // "Chỉ tiêu" hidden, a look-alike "Chỉ tiêu." shown with another figure: HIDDEN_SHEET, an error.
    file(
      "SO_AN",
      [
        { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu." },
        { op: "set", sheet: "Chỉ tiêu", cell: "E5", value: 77777 },
      ],
      "Chỉ tiêu",
    ),
    // A copy "Chỉ tiêu (2)" with another figure: COPIED_SHEET, an error.
    file("SO_SAO", [
      { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu (2)" },
      { op: "set", sheet: "Chỉ tiêu (2)", cell: "E5", value: 77 },
    ]),
    // HN_TONG's row deleted (MISSING_FIELD), and a count typed below zero.
    file("SO_XOA", [{ op: "deleteRow", sheet: "Chỉ tiêu", row: 5 }], undefined, { TTHC_TONG: [1000, -2] }),
    // HN_TONG's row doubled (DUPLICATE_CODE).
    file("SO_LAP", [
      { op: "insertRow", sheet: "Chỉ tiêu", row: 6, cells: ["HN_TONG", "Tổng số hội nghị", "Cuộc", 100, 90] },
    ]),
  ];
  expect(
    files.map((f) => f.result.findings.filter((x) => x.severity === "error").map((x) => x.code)),
  ).toEqual([["HIDDEN_SHEET"], ["COPIED_SHEET"], ["MISSING_FIELD", "BAD_VALUE"], ["DUPLICATE_CODE"]]);
  const c = consolidate(files, { profile, roster: units, period: { kind: "6T", year: 2026 } });
  const d = reportDocument(c, profile, { date: dates.date, roster: units });
  const rows = documentText({ ...d, sections: [d.sections[3]!] })
    .split("\n")
    .filter((l) => /^\d+ \| /.test(l));
  expect(rows).toEqual([
    "1 | Sở AN | Sở, ban, ngành | Bị trả lại: sai mẫu",
    "2 | Sở LAP | Sở, ban, ngành | Bị trả lại: sai mẫu",
    "3 | Sở SAO | Sở, ban, ngành | Bị trả lại: sai mẫu",
    "4 | Sở XOA | Sở, ban, ngành | Bị trả lại: sai mẫu, 1 lỗi số liệu",
  ]);
});

test("IV.2 names a missing unit's file that came under another unit's code, as Phụ lục III does, not the name alone", () => {
  // SO_30's clerk copied SO_03's file and kept its code: Phụ lục III said so, while IV.2, the sentence
  // the signer reads, listed "Sở thứ 30" as if nothing had come.
  const units: RosterUnit[] = [
    { code: "SO_03", name: "Sở thứ 3", type: "Sở, ban, ngành" },
    { code: "SO_11", name: "Sở thứ 11", type: "Sở, ban, ngành" },
    { code: "SO_30", name: "Sở thứ 30", type: "Sở, ban, ngành" },
  ];
  const read = (unit: string) => inspectBytes(reportBytes({ unit, name: "Sở thứ 3" }), profile);
  const misnamed = consolidate(
    [
      { file: "in/SO_03.xlsx", sha256: "a", result: read("SO_03") },
      { file: "in/bao cao so_30 (gui lai).xlsx", sha256: "b", result: read("SO_03") },
    ],
    { profile, roster: units },
  );
  const d = reportDocument(misnamed, profile, { date: dates.date, roster: units });
  expect(documentText({ ...d, sections: [d.sections[0]!] })).toContain(
    "2. Đơn vị chưa gửi báo cáo (2): Sở thứ 11; Sở thứ 30 (có tệp “bao cao so_30 (gui lai).xlsx”, nhưng tệp ghi mã SO_03).",
  );
  expect(documentText({ ...d, sections: [d.sections[3]!] })).toContain(
    "Chưa gửi báo cáo (có tệp “bao cao so_30 (gui lai).xlsx”, nhưng tệp ghi mã SO_03)",
  );
});

test("II.8 of the CCHC report says “phát sinh hồ sơ TTHC có phí, lệ phí”, not “có hồ sơ TTHC có phí, lệ phí”", () => {
  const cchc = shippedProfile("hcm-attp-cchc-2025")!;
  // P_B had no dossier with a fee this quarter: II.8 is pooled over the two that had.
  const unit = (code: string, fees: number) => ({
    file: `${code}.xlsx`,
    sha256: code,
    result: inspectBytes(
      reportBytes(
        {
          ...cchcUnit(code),
          counts: { ...cchcUnit(code).counts, HS_CO_PHI: [null, fees], HS_THANH_TOAN_DT: [null, fees] },
        },
        [],
        cchc,
      ),
      cchc,
    ),
  });
  const q2 = consolidate([unit("P_A", 10), unit("P_B", 0), unit("P_C", 4)], {
    profile: cchc,
    period: { kind: "Q2", year: 2025 },
  });
  const d = reportDocument(q2, cchc, { date: { year: 2025, month: 6, day: 20 } });
  const text = documentText({ ...d, sections: [d.sections[0]!] });
  expect(text).toContain(
    "8. Tỷ lệ ứng dụng thanh toán điện tử trong giải quyết TTHC (mục tiêu 100%): kết quả chung (2/3 đơn vị phát sinh hồ sơ TTHC có phí, lệ phí) đạt 100,0%, đạt mục tiêu; 2 đơn vị đạt, 1 đơn vị không phát sinh hồ sơ TTHC có phí, lệ phí.",
  );
  // No unit had one: the sentence that says there was nothing to judge says "không phát sinh" too.
  const none = consolidate([unit("P_A", 0), unit("P_B", 0), unit("P_C", 0)], {
    profile: cchc,
    period: { kind: "Q2", year: 2025 },
  });
  const n = reportDocument(none, cchc, { date: { year: 2025, month: 6, day: 20 } });
  const line = documentText({ ...n, sections: [n.sections[0]!] })
    .split("\n")
    .find((l) => l.startsWith("8. "));
  expect(line).toBe(
    "8. Tỷ lệ ứng dụng thanh toán điện tử trong giải quyết TTHC (mục tiêu 100%): không phát sinh hồ sơ TTHC có phí, lệ phí trong kỳ (mẫu số bằng 0), nên không có gì để đánh giá.",
  );
});
