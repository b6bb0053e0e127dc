// What the programs clerks fill the template in write (session 42): Google Sheets' "Tải xuống →
// .xlsx", WPS Office, Apple Numbers' export, Excel with protection, filters, array formulas and a
// selection far down, and what clerks type in them: numbers behind an apostrophe, dates month first,
// a space far below the table. Each file is a real filled report with the parts those programs write
// differently, made in code; the shapes that read right already are held to the original's result.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { inspectBytes } from "../../src/app/inspect";
import { main } from "../../src/cli/main";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { shippedProfile } from "../../src/core/profiles";
import { readXlsx } from "../../src/xlsx/read";
import { capture } from "../helpers/cli-io";
import { openpyxlCells, readerCells } from "../helpers/openpyxl";
import { rawZip, type RawZipEntry } from "../helpers/raw-xlsx";
import { cchcUnit, reportBytes, type Edit } from "../helpers/report-builder";

const WORKBOOK = "xl/workbook.xml";
const INFO = "xl/worksheets/sheet1.xml"; // "Thông tin"
const COUNTS = "xl/worksheets/sheet2.xml"; // "Chỉ tiêu"

/** A real report with some parts replaced or added (null: left out). */
function withParts(
  base: Uint8Array,
  replace: Readonly<Record<string, string | Uint8Array | null>>,
): Uint8Array {
  const parts: Record<string, Uint8Array | string | null> = { ...unzipSync(base), ...replace };
  const entries: RawZipEntry[] = Object.entries(parts).flatMap(([name, content]) => {
    if (content === null) return [];
    const bytes = typeof content === "string" ? strToU8(content) : content;
    return [{ name, data: deflateRawSync(bytes), method: 8, declaredSize: bytes.length, crc: crc32(bytes) }];
  });
  return rawZip(entries);
}

const part = (bytes: Uint8Array, name: string): string => strFromU8(unzipSync(bytes)[name]!);

/** Every part of `bytes` whose name matches, with `edit` applied to its text. */
function editParts(bytes: Uint8Array, names: RegExp, edit: (xml: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(unzipSync(bytes))) if (names.test(name)) out[name] = edit(part(bytes, name));
  return out;
}

const BASE = reportBytes({ unit: "XA_QUANG_PHU", name: "UBND xã Quảng Phú", type: "UBND_XA" });
const BASE_RESULT = inspectBytes(BASE, DEFAULT_PROFILE);
const check = (bytes: Uint8Array) => inspectBytes(bytes, DEFAULT_PROFILE);
const report = (edits: Edit[]) =>
  check(reportBytes({ unit: "XA_QUANG_PHU", name: "UBND xã Quảng Phú", type: "UBND_XA" }, edits));
const brief = (r: ReturnType<typeof check>) => r.findings.map((f) => [f.code, f.severity, f.sheet, f.cell]);

test("the base report is valid (the shapes below are judged against it)", () => {
  expect(BASE_RESULT).toMatchObject({ valid: true, findings: [] });
  expect(BASE_RESULT.report?.values.VB_HANH_CHINH).toEqual({ previous: 200, current: 170 });
});

describe("the programs' own file shapes read as the report the clerk filled", () => {
  const strings = [...part(BASE, "xl/sharedStrings.xml").matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/gs)].map(
    (m) => m[1]!,
  );

  test("Google Sheets: strings in the cells (no shared strings), named constants and dimensions dropped, _lists only hidden", () => {
    const sheets = editParts(BASE, /^xl\/worksheets\//, (xml) =>
      xml
        .replace(/<dimension [^>]*\/>/, "")
        .replace(
          /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
          (_, a: string, b: string, i: string) =>
            `<c ${a}t="inlineStr"${b}><is><t>${strings[Number(i)]}</t></is></c>`,
        ),
    );
    const bytes = withParts(BASE, {
      ...sheets,
      "xl/sharedStrings.xml": null,
      [WORKBOOK]: part(BASE, WORKBOOK)
        .replace(/<definedNames>.*<\/definedNames>/, "")
        .replace('state="veryHidden"', 'state="hidden"'),
      "xl/_rels/workbook.xml.rels": part(BASE, "xl/_rels/workbook.xml.rels").replace(
        /<Relationship [^>]*sharedStrings[^>]*\/>/,
        "",
      ),
    });
    expect(part(bytes, COUNTS)).toContain('t="inlineStr"><is><t>VB_HANH_CHINH</t></is>');
    expect(check(bytes)).toEqual(BASE_RESULT);
  });

  test('WPS Office: its namespaces, t="n" on every number, its app.xml and custom properties', () => {
    const sheets = editParts(BASE, /^xl\/worksheets\//, (xml) =>
      xml
        .replace(
          "<worksheet ",
          '<worksheet xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" ',
        )
        .replace(/<c (r="[A-Z]+\d+" s="\d+")><v>/g, '<c $1 t="n"><v>'),
    );
    const bytes = withParts(BASE, {
      ...sheets,
      "docProps/app.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>WPS 表格</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>5</vt:i4></vt:variant></vt:vector></HeadingPairs></Properties>',
      "docProps/custom.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>1033-12.2.0.13359</vt:lpwstr></property></Properties>',
    });
    expect(part(bytes, COUNTS)).toContain('t="n"><v>170</v>');
    expect(check(bytes)).toEqual(BASE_RESULT);
  });

  test("Apple Numbers: an “Export Summary” sheet first, no defined names, _lists shown", () => {
    const summary =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Export Summary</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Table Name</t></is></c><c r="B3" t="inlineStr"><is><t>Sheet Name</t></is></c></row></sheetData></worksheet>';
    const bytes = withParts(BASE, {
      "xl/worksheets/sheet6.xml": summary,
      [WORKBOOK]: part(BASE, WORKBOOK)
        .replace(/<definedNames>.*<\/definedNames>/, "")
        .replace(' state="veryHidden"', "")
        .replace("<sheets>", '<sheets><sheet name="Export Summary" sheetId="6" r:id="rId99"/>'),
      "xl/_rels/workbook.xml.rels": part(BASE, "xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet6.xml"/></Relationships>',
      ),
    });
    expect(check(bytes)).toEqual(BASE_RESULT);
  });

  test("Excel with every template sheet and the workbook's structure protected", () => {
    const sheets = editParts(BASE, /^xl\/worksheets\/sheet[1-4]\.xml$/, (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><sheetProtection algorithmName="SHA-512" hashValue="YWJj" saltValue="ZGVm" spinCount="100000" sheet="1" objects="1" scenarios="1"/>',
      ),
    );
    const bytes = withParts(BASE, {
      ...sheets,
      [WORKBOOK]: part(BASE, WORKBOOK).replace(
        "<bookViews>",
        '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="YWJj" workbookSaltValue="ZGVm" workbookSpinCount="100000" lockStructure="1"/><bookViews>',
      ),
    });
    expect(check(bytes)).toEqual(BASE_RESULT);
  });

  test("an autofilter on Chỉ tiêu hiding the row of a count: the hidden count is still read", () => {
    const bytes = withParts(BASE, {
      [COUNTS]: part(BASE, COUNTS)
        .replace('<row r="8"', '<row r="8" hidden="1"')
        .replace(
          "</sheetData>",
          '</sheetData><autoFilter ref="A4:F17"><filterColumn colId="2"><filters><filter val="cuộc"/></filters></filterColumn></autoFilter>',
        ),
      [WORKBOOK]: part(BASE, WORKBOOK).replace(
        "<definedNames>",
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">\'Chỉ tiêu\'!$A$4:$F$17</definedName>',
      ),
    });
    expect(part(bytes, COUNTS)).toMatch(/<row r="8" hidden="1"[^>]*>.*?<v>170<\/v>/);
    expect(check(bytes)).toEqual(BASE_RESULT);
  });

  test('array formulas (Ctrl+Shift+Enter, and a dynamic array\'s cm="1") are read by their cached values', () => {
    const counts = part(BASE, COUNTS);
    expect(counts).toContain('<c r="E11" s="12"><v>3200</v></c>');
    const bytes = withParts(BASE, {
      [COUNTS]: counts
        .replace(
          '<c r="E11" s="12"><v>3200</v></c>',
          '<c r="E11" s="12"><f t="array" ref="E11">SUM(E12:E12*1)+100</f><v>3200</v></c>',
        )
        .replace(
          /<c r="E12" s="(\d+)"><v>3100<\/v><\/c>/,
          '<c r="E12" s="$1" cm="1"><f t="array" ref="E12">_xlfn.SINGLE(D12)+300</f><v>3100</v></c>',
        ),
    });
    expect(part(bytes, COUNTS)).toContain('cm="1"><f t="array"');
    expect(readerCells(readOk(bytes))["Chỉ tiêu"]).toEqual(openpyxlCells(bytes)["Chỉ tiêu"]);
    expect(check(bytes)).toEqual(BASE_RESULT);
  });

  test("a frozen pane with the selection at E40000 and a formatted empty cell there", () => {
    const bytes = withParts(BASE, {
      [COUNTS]: part(BASE, COUNTS)
        .replace(/<selection [^>]*\/>/, '<selection pane="bottomRight" activeCell="E40000" sqref="E40000"/>')
        .replace(/<dimension [^>]*\/>/, '<dimension ref="A1:F40000"/>')
        .replace("</sheetData>", '<row r="40000" spans="1:6"><c r="E40000" s="12"/></row></sheetData>'),
    });
    expect(check(bytes)).toEqual(BASE_RESULT);
  });
});

describe("a report saved without its defined names (Google Sheets, Numbers) is checked by the plan its rows show", () => {
  const FOLLOW = { forms: "follow", fileProfile: true } as const;
  const withoutNames = (bytes: Uint8Array): Uint8Array =>
    withParts(bytes, { [WORKBOOK]: part(bytes, WORKBOOK).replace(/<definedNames>.*<\/definedNames>/, "") });
  const planFile = (id: string, edits: Edit[] = []): Uint8Array => {
    const profile = shippedProfile(id)!;
    return profile.form.id === "CCHC-BC/2025"
      ? reportBytes(cchcUnit("P_A"), edits, profile)
      : reportBytes({ unit: "SO_TU_PHAP", name: "Sở Tư pháp", type: "SO_NGANH" }, edits, profile);
  };

  test.each(["hcm-attp-cchc-2025", "dong-thap-syt-226", "hcm-attp-226", "dong-nai-skhcn-226"])(
    "%s: validate without a profile gives the named file's result, saying the plan was told by its rows",
    (id) => {
      const named = inspectBytes(planFile(id), DEFAULT_PROFILE, {}, FOLLOW);
      expect(named.profile).toBe(id);
      const bytes = withoutNames(planFile(id));
      expect(part(bytes, WORKBOOK)).not.toContain("KL226_PROFILE");
      // Before: "Không thấy 8 nhiệm vụ của mẫu … Hãy chép lại các dòng này từ mẫu" for a unit that deleted nothing.
      expect(inspectBytes(bytes, DEFAULT_PROFILE, {}, FOLLOW)).toEqual({ ...named, profileByRows: true });
    },
  );

  test("a plan's file with one task deleted as well: the one task is said, not the default's eight", () => {
    const bytes = withoutNames(
      planFile("hcm-attp-cchc-2025", [{ op: "deleteRow", sheet: "Nhiệm vụ", row: 7 }]),
    );
    const r = inspectBytes(bytes, DEFAULT_PROFILE, {}, FOLLOW);
    expect(r.profile).toBe("hcm-attp-cchc-2025");
    expect(brief(r)).toEqual([["MISSING_FIELD", "warning", "Nhiệm vụ", null]]);
    expect(r.findings[0]!.message).toMatch(/^Không thấy nhiệm vụ 3 \(“Cải cách thủ tục hành chính: /);
  });

  test("a default report keeps the default; a plan that only leaves rows out (thanh-hoa-226) is not guessed", () => {
    const plain = inspectBytes(withoutNames(BASE), DEFAULT_PROFILE, {}, FOLLOW);
    expect(plain).toEqual(BASE_RESULT);
    // Its file is a default one with the two digital-skills rows deleted as far as its rows tell:
    // the rows are said missing, as before.
    const r = inspectBytes(withoutNames(planFile("thanh-hoa-226")), DEFAULT_PROFILE, {}, FOLLOW);
    expect(r.profile).toBeUndefined();
    expect(r.findings.map((f) => f.message.slice(0, 37))).toEqual([
      "Không thấy dòng có mã CC_TONG (Tổng s",
      "Không thấy dòng có mã CC_KY_NANG_SO (",
    ]);
  });

  test("kl226 validate says the plan was told by the file's rows, in its line and its JSON", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kl226-names-")), "P_A.xlsx");
    writeFileSync(file, withoutNames(planFile("hcm-attp-cchc-2025")));
    const human = capture();
    expect(await main(["validate", file], human)).toBe(0);
    expect(human.stdout).toBe(
      `✓ HỢP LỆ: ${file} — P_A (Phòng P_A) · theo hồ sơ hcm-attp-cchc-2025, nhận ra từ các nhiệm vụ và chỉ tiêu trong tệp (tệp không ghi tên hồ sơ)\n\nTổng kết: 1 tệp — hợp lệ; 0 lỗi, 0 cảnh báo.\n`,
    );
    const json = capture();
    await main(["validate", file, "--json"], json);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { valid: true, profile: "hcm-attp-cchc-2025", profileByRows: true, findings: [] },
    ]);
  });

  test("checked by a chosen profile (validate --profile, consolidation) nothing is guessed", () => {
    const bytes = withoutNames(planFile("hcm-attp-cchc-2025"));
    const plan = shippedProfile("hcm-attp-cchc-2025")!;
    expect(inspectBytes(bytes, plan, {}, { forms: "expect" })).toMatchObject({ valid: true, findings: [] });
    expect(inspectBytes(bytes, plan, {}, { forms: "expect" }).profile).toBeUndefined();
  });
});

describe("a blank count in a row or column the sheet hides (a filter, Hide) says it is hidden", () => {
  const blankE8 = reportBytes({ unit: "XA_QUANG_PHU", name: "UBND xã Quảng Phú", type: "UBND_XA" }, [
    { op: "set", sheet: "Chỉ tiêu", cell: "E8", value: null },
  ]);
  const counts = part(blankE8, COUNTS);
  const hiding = (xml: string) => check(withParts(blankE8, { [COUNTS]: xml }));
  const BLANK =
    "Chưa điền số liệu “Số văn bản hành chính ban hành” (cột E, kỳ này). Nhập số nguyên không âm; nếu không có thì ghi 0.";

  test("shown, the message is as before", () => {
    expect(brief(check(blankE8))).toEqual([["MISSING_VALUE", "error", "Chỉ tiêu", "E8"]]);
    expect(check(blankE8).findings[0]!.message).toBe(BLANK);
  });

  test('row 8 filtered out (hidden="1", as Excel and Google Sheets write it)', () => {
    expect(counts).toContain('<row r="8">');
    for (const hidden of ['hidden="1"', 'hidden="true"']) {
      const r = hiding(
        counts
          .replace('<row r="8">', `<row r="8" spans="1:6" ${hidden} ht="15">`)
          .replace("</sheetData>", '</sheetData><autoFilter ref="A4:F17"/>'),
      );
      expect(brief(r)).toEqual([["MISSING_VALUE", "error", "Chỉ tiêu", "E8"]]);
      expect(r.findings[0]!.message).toBe(
        `${BLANK} (Dòng 8 đang bị ẩn: bỏ lọc hoặc hiện dòng để thấy ô E8.)`,
      );
    }
  });

  test('column E hidden (<col min="5" max="5" hidden="1">), and columns D:E hidden with row 8', () => {
    expect(counts).toContain('<col min="5" max="5" width="13.7109375" customWidth="1"/>');
    const column = hiding(
      counts.replace(
        '<col min="5" max="5" width="13.7109375"',
        '<col min="5" max="5" hidden="1" width="13.7109375"',
      ),
    );
    expect(column.findings[0]!.message).toBe(`${BLANK} (Cột E đang bị ẩn: hiện cột để thấy ô E8.)`);
    const both = hiding(
      counts
        .replace(
          /<col min="4" max="4"[^>]*\/><col min="5" max="5"[^>]*\/>/,
          '<col min="4" max="5" width="9" hidden="1"/>',
        )
        .replace('<row r="8">', '<row r="8" hidden="1">'),
    );
    expect(both.findings[0]!.message).toBe(
      `${BLANK} (Dòng 8 và cột E đang bị ẩn: bỏ lọc hoặc hiện dòng, hiện cột để thấy ô E8.)`,
    );
  });

  test('another row or column hidden says nothing; a row hidden="0" is shown', () => {
    const r = hiding(
      counts
        .replace('<row r="9">', '<row r="9" hidden="1">')
        .replace('<row r="8">', '<row r="8" hidden="0">')
        .replace(
          '<col min="6" max="6" width="26.7109375"',
          '<col min="6" max="6" hidden="1" width="26.7109375"',
        ),
    );
    expect(r.findings.map((f) => f.message)).toEqual([BLANK]);
  });
});

describe("more clerk habits: what each is told", () => {
  const only = (r: ReturnType<typeof check>) => {
    expect(r.findings).toHaveLength(1);
    return r.findings[0]!.message;
  };

  test("a copy of the sheet left in the workbook (“Chỉ tiêu (2)”), the figure typed in the copy: both sheets and the cell named", () => {
    const r = report([
      { op: "set", sheet: "Chỉ tiêu", cell: "E8", value: null },
      { op: "copySheet", sheet: "Chỉ tiêu", to: "Chỉ tiêu (2)" },
      { op: "set", sheet: "Chỉ tiêu (2)", cell: "E8", value: 170 },
    ]);
    expect(brief(r)).toEqual([
      ["COPIED_SHEET", "error", "Chỉ tiêu (2)", "E8"],
      ["MISSING_VALUE", "error", "Chỉ tiêu", "E8"],
    ]);
    expect(r.findings[0]!.message).toContain("(ô E8: “170” ở bản sao, trống ở trang gốc)");
  });

  test("the form pasted as values into a new workbook (Sheet1…Sheet4, no _lists, no names): each sheet to rename is named", () => {
    const pasted = report([
      { op: "removeSheet", sheet: "_lists" },
      { op: "renameSheet", sheet: "Thông tin", to: "Sheet1" },
      { op: "renameSheet", sheet: "Chỉ tiêu", to: "Sheet2" },
      { op: "renameSheet", sheet: "Nhiệm vụ", to: "Sheet3" },
      { op: "renameSheet", sheet: "Hội nghị", to: "Sheet4" },
    ]);
    // Before: "Thiếu trang tính “Thông tin”: tệp không theo mẫu …" three times, the unit unknown.
    expect(pasted.unit).toBe("XA_QUANG_PHU");
    expect(pasted.findings.map((f) => f.message.replace(/\): có lẽ.*/, ""))).toEqual([
      "Không có trang tính “Thông tin” mà có trang “Sheet1” (có các dòng Mã đơn vị, Tên đơn vị… của trang “Thông tin”",
      "Không có trang tính “Chỉ tiêu” mà có trang “Sheet2” (có các dòng mã chỉ tiêu ở cột A của trang “Chỉ tiêu”",
      "Không có trang tính “Nhiệm vụ” mà có trang “Sheet3” (có các cột Nội dung nhiệm vụ, Tình trạng của trang “Nhiệm vụ”",
    ]);
    expect(pasted.findings[1]!.message).toContain("Đổi tên trang “Sheet2” thành đúng “Chỉ tiêu”");
  });

  test("cells merged over a number (D8:E8): E8 is said blank because of the merge, and how to unmerge", () => {
    const r = report([{ op: "merge", sheet: "Chỉ tiêu", range: "D8:E8" }]);
    expect(brief(r)).toEqual([["MISSING_VALUE", "error", "Chỉ tiêu", "E8"]]);
    expect(only(r)).toContain("(Ô E8 nằm trong vùng ô gộp D8:E8: khi gộp, chỉ ô đầu D8 giữ giá trị");
  });

  test("a number with its unit (“12 cuộc”, “1.200 hồ sơ”): told to type the number alone, which number", () => {
    const meetings = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E5", value: "90 cuộc" }]);
    // Before: "… không phải là số (“90 cuộc”)", of a cell the clerk sees a number in.
    expect(only(meetings)).toBe(
      "Số liệu “Tổng số hội nghị, cuộc họp đã tổ chức” (cột E, kỳ này) ghi “90 cuộc”: ô số liệu chỉ ghi số, không ghi đơn vị tính (“cuộc”; đơn vị tính đã có ở cột C). Nếu là 90, gõ 90.",
    );
    const files = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E9", value: "1.200 hồ sơ" }]);
    expect(only(files)).toMatch(/ghi “1\.200 hồ sơ”: .*\(“hồ sơ”; .*Nếu là 1\.200, gõ 1200\.$/);
    const words = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E5", value: "90 (60 trực tuyến)" }]);
    expect(only(words)).toContain("không phải là số (“90 (60 trực tuyến)”)");
  });

  test("a percentage where a count is asked (“85%” typed, or 0,85 in a cell formatted %): told it is a rate", () => {
    const typed = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E6", value: "85%" }]);
    expect(only(typed)).toContain("là tỷ lệ (“85%”), không phải số đếm");
    const formatted = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E6", value: 0.85, numFmt: "0%" }]);
    expect(only(formatted)).toContain("là 85%: ô có định dạng phần trăm");
  });

  test("a report date with a two-digit year (“5/6/26”, as written by hand): what to type", () => {
    const r = report([{ op: "set", sheet: "Thông tin", cell: "C10", value: "5/6/26" }]);
    // Before: "… không hợp lệ hoặc không tồn tại", of a date that exists.
    expect(only(r)).toBe(
      "Ngày báo cáo “5/6/26” ghi năm bằng 2 chữ số. Nếu là ngày 5 tháng 6 năm 2026, gõ 05/06/2026 (năm đủ 4 chữ số).",
    );
    expect(only(report([{ op: "set", sheet: "Thông tin", cell: "C10", value: "31/2/26" }]))).toContain(
      "không hợp lệ hoặc không tồn tại",
    );
  });
});

function readOk(bytes: Uint8Array) {
  const out = readXlsx(bytes);
  if (!out.ok) throw new Error(`expected a workbook, got ${out.reason}`);
  return out.workbook;
}

describe("a number or a date behind an apostrophe kept as text (LibreOffice and Google Sheets keep it in a Text cell)", () => {
  test("“'170” and “‘170” for a count are 170, with the COERCED warning quoting what was typed", () => {
    for (const typed of ["'170", "\u2018170", "' 170"]) {
      const r = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E8", value: typed }]);
      expect(r.valid).toBe(true);
      expect(brief(r)).toEqual([["COERCED", "warning", "Chỉ tiêu", "E8"]]);
      expect(r.findings[0]!.message).toContain(`được nhập dạng chữ “${typed}”; đã hiểu là 170.`);
      expect(r.report?.values.VB_HANH_CHINH).toEqual({ previous: 200, current: 170 });
    }
  });

  test("“'1.033” is read as its thousands; “'-2” is said to be negative; an apostrophe before words stays text", () => {
    const thousands = report([{ op: "set", sheet: "Chỉ tiêu", cell: "D9", value: "'1.000" }]);
    expect(thousands.report?.values.TTHC_TONG).toEqual({ previous: 1000, current: 1200 });
    const negative = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E17", value: "'-2" }]);
    expect(brief(negative)).toEqual([["BAD_VALUE", "error", "Chỉ tiêu", "E17"]]);
    expect(negative.findings[0]!.message).toContain("là số âm");
    const words = report([{ op: "set", sheet: "Chỉ tiêu", cell: "E8", value: "'khoảng 170" }]);
    expect(words.findings[0]!.message).toContain("không phải là số (“'khoảng 170”)");
  });

  test("Ngày báo cáo “'05/06/2026” (what the month-first advice tells the clerk to type) is 5 June 2026", () => {
    const r = report([{ op: "set", sheet: "Thông tin", cell: "C10", value: "'05/06/2026" }]);
    expect(r).toMatchObject({ valid: true, findings: [], reportDate: { year: 2026, month: 6, day: 5 } });
  });

  test("a CCHC satisfaction rate “'95,6” is 95,6 (with the warning)", () => {
    const profile = shippedProfile("hcm-attp-cchc-2025")!;
    const bytes = reportBytes(
      { ...cchcUnit("P_A"), counts: { ...cchcUnit("P_A").counts, HAI_LONG: [null, "'95,6"] } },
      [],
      profile,
    );
    const r = inspectBytes(bytes, profile);
    expect(r.report?.values.HAI_LONG?.current).toBe(95.6);
    expect(r.findings.filter((f) => f.code !== "COERCED")).toEqual([]);
  });
});
describe("a report date typed month first (an English-US habit) is said as such", () => {
  test("“6/30/2026”: no month 30; the message says the day it likely is and what to type", () => {
    const r = report([{ op: "set", sheet: "Thông tin", cell: "C10", value: "6/30/2026" }]);
    expect(brief(r)).toEqual([["BAD_VALUE", "error", "Thông tin", "C10"]]);
    expect(r.findings[0]!.message).toBe(
      "Ngày báo cáo “6/30/2026” không tồn tại (không có tháng 30): có lẽ đã gõ tháng trước ngày, theo kiểu Mỹ. Nếu là ngày 30 tháng 6 năm 2026, gõ 30/06/2026 (ngày trước, rồi tháng, rồi năm).",
    );
  });

  test("also behind an apostrophe kept as text (“'6/30/2026”), or typed in full-width digits", () => {
    for (const typed of ["'6/30/2026", "\u20196/30/2026", "６/３０/２０２６"]) {
      const r = report([{ op: "set", sheet: "Thông tin", cell: "C10", value: typed }]);
      expect(r.findings[0]!.message).toContain(
        "không tồn tại (không có tháng 30): có lẽ đã gõ tháng trước ngày, theo kiểu Mỹ. Nếu là ngày 30 tháng 6 năm 2026, gõ 30/06/2026",
      );
    }
  });

  test("a date that is none either way (“32/13/2026”) keeps the general message", () => {
    const r = report([{ op: "set", sheet: "Thông tin", cell: "C10", value: "32/13/2026" }]);
    expect(r.findings[0]!.message).toBe(
      "Ngày báo cáo “32/13/2026” không hợp lệ hoặc không tồn tại. Nhập ngày dạng dd/mm/yyyy, ví dụ 05/06/2026.",
    );
  });
});
describe("text of only spaces far below the table (a space typed to clear a cell) is no data past the limit", () => {
  for (const [what, cell] of [
    ["a space", '<c r="E25000" s="12" t="inlineStr"><is><t xml:space="preserve"> </t></is></c>'],
    ["an empty string", '<c r="E25000" s="12" t="str"><v></v></c>'],
  ] as const) {
    test(`${what} at E25000 of Chỉ tiêu: the report is read as it is`, () => {
      const bytes = withParts(BASE, {
        [COUNTS]: part(BASE, COUNTS).replace("</sheetData>", `<row r="25000">${cell}</row></sheetData>`),
      });
      expect(check(bytes)).toEqual(BASE_RESULT);
    });
  }

  test("a space far to the right (column GT, past the 200 columns read) is no data either", () => {
    const bytes = withParts(BASE, {
      [COUNTS]: part(BASE, COUNTS).replace(
        "</sheetData>",
        '<row r="19000"><c r="GT19000" t="inlineStr"><is><t xml:space="preserve">  </t></is></c></row></sheetData>',
      ),
    });
    expect(check(bytes)).toEqual(BASE_RESULT);
  });

  test("a formula there that gives an empty text is still refused, naming the cell (it is work left in the wrong place)", () => {
    const bytes = withParts(BASE, {
      [INFO]: part(BASE, INFO).replace(
        "</sheetData>",
        '<row r="25000"><c r="C25000" t="str"><f>IF(1,"","")</f><v></v></c></row></sheetData>',
      ),
    });
    const r = check(bytes);
    expect(r.valid).toBe(false);
    expect(brief(r)).toEqual([["UNREADABLE", "error", "Thông tin", "C25000"]]);
  });

  test("a word there is still refused, naming the cell", () => {
    const bytes = withParts(BASE, {
      [INFO]: part(BASE, INFO).replace(
        "</sheetData>",
        '<row r="25000"><c r="C25000" t="inlineStr"><is><t>ghi chú</t></is></c></row></sheetData>',
      ),
    });
    const r = check(bytes);
    expect(r.valid).toBe(false);
    expect(brief(r)).toEqual([["UNREADABLE", "error", "Thông tin", "C25000"]]);
  });
});
