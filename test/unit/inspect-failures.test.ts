// Files that cannot be read say what they are (a .csv, an .xls that is an HTML page, .xlsb, .ods,
// .numbers), using the file name where the content alone cannot tell; and a bug of ours is told as
// ours (INTERNAL), never as a corrupt file, with the detail kept for the bug report in --json.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { inspectBytes } from "../../src/app/inspect";
import { main } from "../../src/cli/main";
import { UNREADABLE_MESSAGES } from "../../src/core/findings";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { parseRosterCsv } from "../../src/core/roster";
import * as validateModule from "../../src/core/validate";
import * as sheetModule from "../../src/xlsx/sheet";
import { cfb } from "../helpers/hostile-files";
import { convertWithLibreOffice } from "../helpers/libreoffice";
import { reportBytes } from "../helpers/report-builder";
import { capture } from "../helpers/cli-io";
import { runOpenpyxl } from "../helpers/openpyxl";

const dir = mkdtempSync(join(tmpdir(), "kl226-inspect-"));
const REPORT = reportBytes({ unit: "SO_A", name: "Sở A" });

/** The one finding of an unreadable file named `name`. */
function only(bytes: Uint8Array, name: string): { code: string; message: string; detail?: string } {
  const result = inspectBytes(bytes, DEFAULT_PROFILE, undefined, { fileName: name });
  expect(result.valid).toBe(false);
  expect(result.findings).toHaveLength(1);
  return result.findings[0]!;
}

describe("an unreadable file is named for what it is", () => {
  // A unit's figures exported as CSV (not a roster, which says what it is: below).
  const csv = strToU8("STT,Chỉ tiêu,Kỳ này\n1,HN_TONG,90\n");

  test("a .csv is a CSV file, not a CSV “renamed .xlsx”; the same bytes named .xlsx were renamed", () => {
    const asCsv = only(csv, "bao-cao/SO_A.csv");
    expect(asCsv).toMatchObject({ code: "UNREADABLE" });
    expect(asCsv.message).toMatch(/^Tệp là văn bản CSV, không phải sổ tính Excel/);
    expect(asCsv.message).not.toContain("đổi đuôi");
    expect(only(csv, "SO_A.xlsx").message).toBe(
      "Tệp là văn bản CSV (chữ và số cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu tab) được đổi đuôi thành .xlsx. Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.",
    );
  });

  test("text named .xlsx is named by its first characters: a web page, XML, plain text (UTF-16 too)", () => {
    const html = strToU8('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><table><tr><td>SO_A');
    expect(only(html, "SO_A.xlsx").message).toMatch(
      /^Tệp là trang web \(HTML\) được đổi đuôi thành \.xlsx\. Hãy điền/,
    );
    const xml = strToU8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>');
    expect(only(xml, "SO_A.xlsx").message).toMatch(
      /^Tệp là văn bản XML được đổi đuôi thành \.xlsx\. Hãy điền/,
    );
    const text = strToU8("Báo cáo 6 tháng đầu năm 2026 của Sở A\nSố hội nghị: 90\n");
    expect(only(text, "SO_A.xlsx").message).toMatch(
      /^Tệp là văn bản thuần \(chỉ có chữ\) được đổi đuôi thành \.xlsx\. Hãy điền/,
    );
    // Excel's "Unicode Text" (UTF-16 with its byte-order mark, columns parted by tabs) renamed .xlsx.
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[..."Mã\tKỳ này\r\nHN_TONG\t90\r\n"].flatMap((ch) => [
        ch.charCodeAt(0) & 0xff,
        ch.charCodeAt(0) >> 8,
      ]),
    ]);
    expect(only(utf16, "SO_A.xlsx").message).toMatch(/^Tệp là văn bản CSV \(/);
    // None says "CSV, HTML…" of a file whose kind was seen.
    for (const bytes of [csv, html, xml, text, utf16])
      expect(only(bytes, "SO_A.xlsx").message).not.toBe(UNREADABLE_MESSAGES.TEXT_FILE);
  });

  test("a roster CSV left among the reports (its first line names MA_DON_VI and TEN_DON_VI) is said to be one, its code column named as the list heads it", () => {
    const roster = strToU8("\uFEFFMA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;Sở, ban, ngành\n");
    const expected = (code: string) =>
      `Tệp là danh sách đơn vị (có cột “${code}”), không phải báo cáo của đơn vị. Dùng tệp này làm danh sách đơn vị (tùy chọn --roster, hoặc nút chọn danh sách đơn vị), hoặc để ngoài thư mục các báo cáo.`;
    expect(only(roster, "roster.csv")).toMatchObject({ code: "UNREADABLE", message: expected("MA_DON_VI") });
    expect(only(strToU8('"ma_don_vi","ten_don_vi"\r\n"SO_A","Sở A"\r\n'), "ds.csv").message).toBe(
      expected("ma_don_vi"),
    );
    // The headers --roster also takes: "Mã đơn vị", "Tên đơn vị" (any case, with an STT column), and
    // the short "Mã;Tên;Loại" with unit types in its rows: the column named as the clerk typed it
    // (session 39 said "có cột MA_DON_VI" of a list with no such column).
    expect(
      only(strToU8("STT;Mã đơn vị;Tên Đơn Vị;Loại đơn vị\n1;SO_A;Sở A;SO_NGANH\n"), "ds.csv").message,
    ).toBe(expected("Mã đơn vị"));
    expect(only(strToU8("Mã;Tên;Loại\nSO_A;Sở A;Sở\n"), "ds.csv").message).toBe(expected("Mã"));
    // A unit's figures as CSV are not a roster.
    expect(only(strToU8("MA_DON_VI;SO_A\nHN_TONG;90\n"), "so-a.csv").message).not.toMatch(
      /danh sách đơn vị \(có cột/,
    );
  });

  test("a roster saved as CSV and named .xls or .xlsx is said to be one, how to use it, and left out of the counts", () => {
    const roster = strToU8("\uFEFFMA_DON_VI;TEN_DON_VI;LOAI_DON_VI\nSO_A;Sở A;Sở, ban, ngành\n");
    const asXls = inspectBytes(roster, DEFAULT_PROFILE, undefined, {
      fileName: "bao-cao/Danh sach don vi.XLS",
    });
    expect(asXls.notAReport).toBe("roster");
    expect(asXls.findings.map((f) => [f.code, f.message])).toEqual([
      [
        "UNREADABLE",
        "Tệp là danh sách đơn vị (có cột “MA_DON_VI”) lưu dạng văn bản CSV nhưng đặt đuôi .xls, không phải báo cáo của đơn vị. Để dùng tệp này làm danh sách đơn vị (tùy chọn --roster, hoặc nút chọn danh sách đơn vị), hãy đổi đuôi tệp thành .csv (ví dụ danh-sach.csv) rồi chọn tệp .csv đó; hoặc để tệp ngoài thư mục các báo cáo.",
      ],
    ]);
    const asXlsx = inspectBytes(roster, DEFAULT_PROFILE, undefined, { fileName: "danh-sach.xlsx" });
    expect(asXlsx.notAReport).toBe("roster");
    expect(asXlsx.findings[0]!.message).toMatch(
      /^Tệp là danh sách đơn vị \(có cột “MA_DON_VI”\) lưu dạng văn bản CSV nhưng đặt đuôi \.xlsx,/,
    );
    // Headers as a hand-made list writes them, in Excel's "Unicode Text" (UTF-16, tabs).
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[..."STT\tMã đơn vị\tTên đơn vị\tLoại đơn vị\r\n1\tSO_A\tSở A\tSở\r\n"].flatMap((ch) => [
        ch.charCodeAt(0) & 0xff,
        ch.charCodeAt(0) >> 8,
      ]),
    ]);
    const utf16Result = inspectBytes(utf16, DEFAULT_PROFILE, undefined, { fileName: "ds.xls" });
    expect(utf16Result.notAReport).toBe("roster");
    expect(utf16Result.findings[0]!.message).toMatch(/^Tệp là danh sách đơn vị \(có cột “Mã đơn vị”\) lưu/);
    // A unit's figures as CSV named .xls are not a roster: the CSV message, a report returned to its unit.
    const figures = inspectBytes(strToU8("MA_DON_VI;SO_A\nHN_TONG;90\n"), DEFAULT_PROFILE, undefined, {
      fileName: "SO_A.xls",
    });
    expect(figures.notAReport).toBeUndefined();
    expect(figures.findings[0]!.message).toContain("thực chất là tệp văn bản CSV");
    // A unit's figures exported with its code and name (the samples' XA_NGA_SON.xlsx), or a list
    // without the type column, named as a report: that unit's file, told what it is, not a roster.
    const own = strToU8(
      "\uFEFFMA_DON_VI,TEN_DON_VI,HN_TONG,HN_TRUC_TUYEN\r\nXA_NGA_SON,Xã Nga Sơn,38,25\r\n",
    );
    const ownResult = inspectBytes(own, DEFAULT_PROFILE, undefined, { fileName: "XA_NGA_SON.xlsx" });
    expect(ownResult.notAReport).toBeUndefined();
    expect(ownResult.findings[0]!.message).toMatch(/^Tệp là văn bản CSV \(.*\) được đổi đuôi thành \.xlsx/);
    const twoColumns = strToU8("MA_DON_VI;TEN_DON_VI\nSO_A;Sở A\n");
    expect(
      inspectBytes(twoColumns, DEFAULT_PROFILE, undefined, { fileName: "SO_A.xls" }).notAReport,
    ).toBeUndefined();
    // Mutation test (session 39): a list whose type column is headed "Loại", as --roster reads it, is
    // one; a unit's figures exported with its type column too are no list, by their counts.
    const typeShort = strToU8("Mã đơn vị;Tên đơn vị;Loại\nSO_A;Sở A;Sở, ban, ngành\n");
    expect(inspectBytes(typeShort, DEFAULT_PROFILE, undefined, { fileName: "ds.xlsx" }).notAReport).toBe(
      "roster",
    );
    const typed = strToU8(
      "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI,HN_TONG\r\nXA_NGA_SON,Xã Nga Sơn,UBND cấp xã,38\r\n",
    );
    const typedResult = inspectBytes(typed, DEFAULT_PROFILE, undefined, { fileName: "XA_NGA_SON.xlsx" });
    expect(typedResult.notAReport).toBeUndefined();
    expect(typedResult.findings[0]!.message).toMatch(/^Tệp là văn bản CSV \(.*\) được đổi đuôi thành \.xlsx/);
    // Headed "Mã;Tên;Loại" (the short words --roster reads): a list by its rows' unit types, under a
    // report's name too; a unit's own export headed so, with other things in "Loại" or with a count
    // column, stays that unit's file.
    const short = strToU8("Mã;Tên;Loại\nSO_A;Sở A;Sở\nXA_B;Xã B;Xã\nPHUONG_C;Phường C;UBND_XA\n");
    expect(inspectBytes(short, DEFAULT_PROFILE, undefined, { fileName: "ds.csv" }).notAReport).toBe("roster");
    const shortXlsx = inspectBytes(short, DEFAULT_PROFILE, undefined, { fileName: "danh-sach.xlsx" });
    expect(shortXlsx.notAReport).toBe("roster");
    expect(shortXlsx.findings[0]!.message).toMatch(/^Tệp là danh sách đơn vị .* đặt đuôi \.xlsx,/);
    const ownShort = strToU8("Mã;Tên;Loại\nVB_01;Kế hoạch số 12/KH-UBND;Kế hoạch\n");
    expect(
      inspectBytes(ownShort, DEFAULT_PROFILE, undefined, { fileName: "XA_B.csv" }).notAReport,
    ).toBeUndefined();
    const shortCounts = strToU8("Mã;Tên;Loại;HN_TONG\nXA_B;Xã B;UBND_XA;38\n");
    expect(
      inspectBytes(shortCounts, DEFAULT_PROFILE, undefined, { fileName: "XA_B.csv" }).notAReport,
    ).toBeUndefined();
    // Under a text name (.txt) it is a roster, as a .csv one is.
    expect(inspectBytes(roster, DEFAULT_PROFILE, undefined, { fileName: "ds.txt" }).notAReport).toBe(
      "roster",
    );
  });

  // Mutation test (session 39): headed by the short words below a title, or with a group's heading
  // (no type) among its rows, a list is one; a unit's own export headed "Mã;Tên;Loại" with no type in
  // Loại, or only one row's, stays its file. Saved as "Văn bản Unicode" under an official heading (the
  // header past the first 512 bytes) it was a unit's returned file.
  // Excel's plain "CSV (phân tách bằng dấu phẩy)" on a Vietnamese Windows writes cp1258: its letters
  // with a circumflex, breve or horn and "đ" one byte each, the tone marks apart after them. Such a
  // list among the reports was a unit's returned file (its header read as UTF-8 was garbled).
  test("a roster saved as ANSI CSV (cp1258) among the reports is one, told how to save it as UTF-8 to use it", () => {
    const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
    const byChar = new Map<string, number>();
    const ansi = new TextDecoder("windows-1258");
    for (let b = 0; b < 256; b++) byChar.set(ansi.decode(new Uint8Array([b])), b);
    const cp1258 = (text: string) =>
      new Uint8Array(
        [...text.normalize("NFD")]
          .reduce<string[]>((out, ch) => {
            // A circumflex, breve or horn joins its letter; a tone mark stays apart.
            if (/\p{M}/u.test(ch) && !TONES.test(ch)) out.push((out.pop()! + ch).normalize("NFC"));
            else out.push(ch);
            return out;
          }, [])
          .map((ch) => byChar.get(ch)!),
      );
    const roster = cp1258(
      "STT;Mã đơn vị;Tên đơn vị;Loại đơn vị\r\n1;SO_A;Sở A;Sở\r\n2;XA_B;Xã Bình An;Xã\r\n",
    );
    // The fixture is no UTF-8, and reads back as the list it was written from.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(roster)).toThrow();
    expect(ansi.decode(roster).normalize("NFC")).toContain("Mã đơn vị;Tên đơn vị;Loại đơn vị");
    const expected =
      "Tệp là danh sách đơn vị (có cột “Mã đơn vị”) lưu dạng “CSV (phân tách bằng dấu phẩy)” theo bảng mã tiếng Việt cũ của Windows (không phải UTF-8), không phải báo cáo của đơn vị. Để dùng tệp này làm danh sách đơn vị (tùy chọn --roster, hoặc nút chọn danh sách đơn vị), hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)”, rồi chọn tệp .csv mới đó; hoặc để tệp ngoài thư mục các báo cáo.";
    for (const name of ["bao-cao/Danh sach don vi.csv", "danh-sach.xlsx", "DS.xls"]) {
      const result = inspectBytes(roster, DEFAULT_PROFILE, undefined, { fileName: name });
      expect([name, result.notAReport, result.findings.map((f) => f.message)]).toEqual([
        name,
        "roster",
        [expected],
      ]);
    }
    // Headed MA_DON_VI (no letter past ASCII in the header, the names in cp1258): the same advice, not
    // "dùng tệp này làm danh sách đơn vị", which --roster would refuse.
    const standard = cp1258("MA_DON_VI;TEN_DON_VI;LOAI_DON_VI\r\nSO_A;Sở A;Sở\r\n");
    expect(only(standard, "ds.csv").message).toBe(expected.replace("“Mã đơn vị”", "“MA_DON_VI”"));
    // A unit's figures saved so, with its code and name but no type, named as a report: its file.
    const figures = cp1258("Mã đơn vị;Tên đơn vị;HN_TONG\r\nSO_A;Sở A;12\r\n");
    expect(
      inspectBytes(figures, DEFAULT_PROFILE, undefined, { fileName: "SO_A.xlsx" }).notAReport,
    ).toBeUndefined();
    // A UTF-8 roster whose 4 KiB read ends inside a letter (some of 17 title lengths, a row's length,
    // do: "ở" is three bytes) is still read as UTF-8, with its usual message.
    const lists = Array.from({ length: 17 }, (_, pad) =>
      strToU8(
        `DANH SÁCH ĐƠN VỊ${" ".repeat(pad)}\nMã đơn vị;Tên đơn vị;Loại đơn vị\n${"SO_A;Sở A;Sở\n".repeat(400)}`,
      ),
    );
    const cutInLetter = (bytes: Uint8Array) => {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 4096));
        return false;
      } catch {
        return true;
      }
    };
    expect(lists.map(cutInLetter)).toContain(true);
    for (const bytes of lists)
      expect(only(bytes, "ds.csv").message).toMatch(
        /^Tệp là danh sách đơn vị \(có cột “Mã đơn vị”\), không phải báo cáo/,
      );
  });

  test("a roster below its title or with group headings is one, a unit's 'Mã;Tên;Loại' export with few types is not", () => {
    const utf16 = (text: string) =>
      new Uint8Array([
        0xff,
        0xfe,
        ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
      ]);
    const heading = [
      "UBND TỈNH THANH HÓA",
      "SỞ NỘI VỤ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Thanh Hóa, ngày 10 tháng 6 năm 2026",
      "DANH SÁCH CƠ QUAN, ĐƠN VỊ BÁO CÁO KẾT QUẢ THỰC HIỆN KẾT LUẬN 226-KL/TW",
      "(Kèm theo Công văn số 123/SNV-CCHC ngày 10/6/2026 của Sở Nội vụ)",
    ].join("\t\t\t\r\n");
    const lists: Array<[string, Uint8Array]> = [
      ["title", strToU8("DANH SÁCH ĐƠN VỊ;;\r\nMã;Tên;Loại\r\nSO_A;Sở A;Sở\r\n")],
      [
        "groups",
        strToU8(
          "Mã;Tên;Loại\r\n;I. CÁC SỞ, BAN, NGÀNH;\r\nSO_A;Sở A;Sở\r\n;II. UBND CẤP XÃ;\r\nXA_B;Xã B;Xã\r\n",
        ),
      ],
      [
        "unicode",
        utf16(
          `${heading}\t\t\t\r\nSTT\tMã ĐV\tTên cơ quan, đơn vị\tLoại hình\r\n1\tSO_A\tSở A\tSở\r\n2\tXA_B\tXã B\tXã\r\n`,
        ),
      ],
    ];
    for (const [what, bytes] of lists)
      expect([
        what,
        inspectBytes(bytes, DEFAULT_PROFILE, undefined, { fileName: "ds.xls" }).notAReport,
      ]).toEqual([what, "roster"]);
    const exports = [
      "Mã;Tên;Loại\r\nVB_01;Kế hoạch số 12/KH-UBND;\r\nVB_02;Báo cáo số 30/BC-UBND;\r\n",
      "Mã;Tên;Loại\r\nVB_01;Sở Tư pháp góp ý;Sở\r\nVB_02;Kế hoạch số 12/KH-UBND;Kế hoạch\r\n",
    ];
    for (const text of exports)
      expect([
        text,
        inspectBytes(strToU8(text), DEFAULT_PROFILE, undefined, { fileName: "XA_B.xls" }).notAReport,
      ]).toEqual([text, undefined]);
  });
  // Adversarial re-test (session 39): a list's headers as --roster reads them ("Mã ĐV", "Tên cơ quan,
  // đơn vị", "Loại hình"), or below its title as Excel saves a list with one, were a unit's figures:
  // the file was returned to no unit and told to copy its figures into the template.
  test("a roster named .xls or .xlsx with a hand-made list's headers, or its title above them, is said to be one", () => {
    const lists = [
      "STT;Mã ĐV;Tên cơ quan, đơn vị;Loại hình\r\n1;SO_A;Sở A;Sở\r\n",
      'STT,Mã,"Tên cơ quan, đơn vị",Loại hình đơn vị\r\n1,SO_A,Sở A,Sở\r\n',
      "DANH SÁCH CƠ QUAN, ĐƠN VỊ BÁO CÁO;;;\r\n;;;\r\nSTT;Mã đơn vị;Tên đơn vị;Loại đơn vị\r\n1;SO_A;Sở A;Sở\r\n",
    ];
    for (const text of lists) {
      const result = inspectBytes(strToU8(text), DEFAULT_PROFILE, undefined, { fileName: "ds.xls" });
      expect([text, result.notAReport]).toEqual([text, "roster"]);
    }
    // A unit's figures below a title, with its code and name but no type, stay its returned file.
    const figures = strToU8("BÁO CÁO SỐ LIỆU;;;\r\nMã đơn vị;Tên đơn vị;HN_TONG\r\nSO_A;Sở A;12\r\n");
    expect(
      inspectBytes(figures, DEFAULT_PROFILE, undefined, { fileName: "SO_A.xlsx" }).notAReport,
    ).toBeUndefined();
  });

  // Mutation test (session 40): --roster looks for the header among the first 13 rows with text, the
  // folder's scan among the first 13 lines, blank ";;;" lines too: a list with a full official heading
  // and blank lines between its blocks, which --roster reads, was a unit's returned file. Each title
  // line ends in ";;;" as Excel saves a sheet of four columns as CSV.
  test("a roster with twelve title lines and blank lines between them is one, as --roster reads it", () => {
    const titles = [
      "UBND TỈNH THANH HÓA",
      "SỞ NỘI VỤ",
      "Số: 123/DS-SNV",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Thanh Hóa, ngày 10 tháng 6 năm 2026",
      "",
      "DANH SÁCH",
      "CƠ QUAN, ĐƠN VỊ BÁO CÁO KẾT QUẢ THỰC HIỆN",
      "KẾT LUẬN SỐ 226-KL/TW CỦA BỘ CHÍNH TRỊ",
      "(Kèm theo Công văn số 123/SNV-CCHC ngày 10/6/2026 của Sở Nội vụ)",
      "",
      "Kỳ báo cáo: 6 tháng đầu năm 2026",
      "Đơn vị tính: đơn vị",
    ];
    const list = (lines: readonly string[]) =>
      [
        ...lines.map((l) => `${l};;;`),
        "STT;Mã đơn vị;Tên đơn vị;Loại đơn vị",
        "1;SO_A;Sở A;Sở",
        "2;XA_B;Xã B;Xã",
        "",
      ].join("\r\n");
    const asReport = (text: string) =>
      inspectBytes(strToU8(text), DEFAULT_PROFILE, undefined, { fileName: "ds.xls" }).notAReport;
    // Twelve lines with text above the header (three blank): --roster reads it, the scan sets it aside.
    expect(parseRosterCsv(list(titles)).ok).toBe(true);
    expect(asReport(list(titles))).toBe("roster");
    // A thirteenth line with text: --roster finds no header, and the scan no list.
    const thirteen = [...titles, "Ghi chú: xếp theo khối"];
    expect(parseRosterCsv(list(thirteen)).ok).toBe(false);
    expect(asReport(list(thirteen))).toBeUndefined();
  });

  test("a roster saved as .xlsx (by openpyxl, a title row above the headers) and left among the reports is said to be one", () => {
    const path = join(dir, "DS_DON_VI.xlsx");
    runOpenpyxl(
      `
import json, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
ws.append(["DANH SÁCH ĐƠN VỊ BÁO CÁO"])
ws.append([])
ws.append(["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị"])
ws.append([1, "SO_A", "Sở A", "Sở, ban, ngành"])
# A sheet of notes whose name starts like the template's "Thông tin" (such a sheet is read, to tell a
# lengthened name): still a roster, not a report with sheets missing.
wb.create_sheet("Thông tin liên hệ").append(["Người lập", "Nguyễn Thị Hoa"])
wb.save(sys.argv[1]); print("{}")
`,
      [path],
    );
    const result = inspectBytes(new Uint8Array(readFileSync(path)), DEFAULT_PROFILE, undefined, {
      fileName: "DS_DON_VI.xlsx",
    });
    expect(result.findings).toEqual([
      {
        code: "NOT_TEMPLATE",
        severity: "error",
        sheet: null,
        cell: null,
        message:
          "Tệp là danh sách đơn vị (có cột “Mã đơn vị”), không phải báo cáo của đơn vị. Dùng tệp này làm danh sách đơn vị (tùy chọn --roster, hoặc nút chọn danh sách đơn vị), hoặc để ngoài thư mục các báo cáo.",
      },
    ]);
    // A workbook whose first sheet has other headers is not a roster: it lacks the template's sheets.
    const otherPath = join(dir, "khac.xlsx");
    runOpenpyxl(
      `
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["Mã số", "Tên gọi"]); ws.append(["SO_A", "Sở A"])
wb.save(sys.argv[1]); print("{}")
`,
      [otherPath],
    );
    const other = inspectBytes(new Uint8Array(readFileSync(otherPath)), DEFAULT_PROFILE);
    expect(other.findings.map((f) => f.message.split(":")[0])).toEqual([
      "Thiếu trang tính “Thông tin”",
      "Thiếu trang tính “Chỉ tiêu”",
      "Thiếu trang tính “Nhiệm vụ”",
    ]);
  });

  test("an .xls that is really an HTML table (as many web systems export) is named as such", () => {
    const html = strToU8("<html><body><table><tr><td>SO_A</td></tr></table></body></html>");
    const m = only(html, "BAO_CAO.XLS").message;
    expect(m).toContain(".xls");
    expect(m).toContain("HTML");
  });

  // Excel's "Single File Web Page" (.mht) and a page saved by Internet Explorer, renamed .xls, as some web
  // systems export: a web page (Excel opens it), not "tệp văn bản thuần (chỉ có chữ)" (session 38's
  // textContentOf looked for "<" only, and a MIME header line has no comma to be a CSV).
  test("an .xls that is a single-file web page (MHTML, “MIME-Version: 1.0” …) is named a web page, not plain text", () => {
    const mht = strToU8(
      'MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary="----=_NextPart_01DA"\r\n\r\n------=_NextPart_01DA\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n<html><body><table></table></body></html>\r\n',
    );
    expect(only(mht, "SO_A.xls").message).toContain("thực chất là trang web (HTML)");
    const saved = strToU8(
      "From: <Saved by Windows Internet Explorer 11>\r\nSubject: Bao cao\r\nDate: Mon, 8 Jun 2026 08:00:00 +0700\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n",
    );
    expect(only(saved, "SO_A.xls").message).toContain("thực chất là trang web (HTML)");
  });

  // Session 41: the page's "MIME-Version:" after a long "From:"/"Subject:" block or a byte-order mark and
  // blank lines came past the 512 bytes looked at: "tệp văn bản thuần (chỉ có chữ)".
  test("an .xls that is a single-file web page whose MIME-Version comes after its first 512 bytes is named a web page", () => {
    const subject = `Subject: =?utf-8?B?${Buffer.from("Báo cáo kết quả thực hiện Kết luận 226-KL/TW của Sở Nội vụ, 6 tháng đầu năm 2026 ".repeat(4)).toString("base64")}?=`;
    const saved = strToU8(
      `From: <Saved by Windows Internet Explorer 11>\r\n${subject}\r\nDate: Mon, 8 Jun 2026 08:00:00 +0700\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n`,
    );
    const blank = strToU8(
      `\uFEFF${"\r\n".repeat(300)}MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n`,
    );
    for (const bytes of [saved, blank]) {
      expect(Buffer.from(bytes).indexOf("MIME-Version")).toBeGreaterThan(512);
      expect(only(bytes, "SO_A.xls").message).toContain("thực chất là trang web (HTML)");
    }
  });

  test("a large text .xls whose head is mail headers without MIME-Version is read no further than 16 KiB to tell", () => {
    const lines = Array.from({ length: 400_000 }, (_, i) => `X-Line-${i}: ${"x".repeat(20)}\r\n`).join("");
    const bytes = strToU8(`From: someone\r\n${lines}MIME-Version: 1.0\r\n\r\n<html></html>`);
    expect(bytes.length).toBeGreaterThan(10_000_000);
    const decode = jest.spyOn(TextDecoder.prototype, "decode");
    try {
      expect(only(bytes, "SO_A.xls").message).toContain("tệp văn bản thuần");
      const longest = Math.max(
        ...decode.mock.calls.map(([input]) => (input as Uint8Array | undefined)?.byteLength ?? 0),
      );
      expect(longest).toBe(16384);
    } finally {
      decode.mockRestore();
    }
  });

  // The first 512 bytes (what the file is) and the first 4096 (a roster's header) are decoded once
  // (session 41): a letter cut by the 512th byte is read whole where the roster's header is looked for.
  test("a roster whose header has a letter across the 512th byte is still said to be a roster, by its header", () => {
    const title = "Danh sách các đơn vị gửi báo cáo ";
    const pad = 510 - 1 - Buffer.byteLength(title);
    const text = `${title}${"x".repeat(pad)}\nMã đơn vị,Tên đơn vị,Loại đơn vị\nSO_A,Sở A,SO_NGANH\n`;
    const bytes = strToU8(text);
    // "ã" (two bytes) is the file's 512th and 513th bytes.
    expect(Buffer.from(bytes.subarray(510, 513)).toString("utf8")).toBe("Mã");
    expect(only(bytes, "danh-sach.csv").message).toMatch(/^Tệp là danh sách đơn vị \(có cột “Mã đơn vị”\)/);
    expect(only(bytes, "danh-sach.xls").message).toMatch(
      /^Tệp là danh sách đơn vị \(có cột “Mã đơn vị”\) lưu dạng văn bản CSV nhưng đặt đuôi \.xls/,
    );
  });

  test("an .xls that is really a CSV (a system's “Excel” export, or a CSV renamed) is named a CSV, not a web page", () => {
    const m = only(csv, "SO_A.xls").message;
    expect(m).toBe(
      "Tệp .xls này thực chất là tệp văn bản CSV (chữ và số cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu tab) được đặt đuôi .xls, không phải sổ tính Excel, nên không có các trang tính của mẫu báo cáo. " +
        "Hãy mở tệp trong Excel, chép số liệu vào mẫu báo cáo (lệnh “kl226 template” hoặc nút Mẫu báo cáo), lưu mẫu đã điền kiểu “Sổ làm việc Excel (*.xlsx)” (Tệp → Lưu thành) rồi gửi lại tệp .xlsx đó.",
    );
    expect(m).not.toContain("HTML");
    // Excel's "Unicode Text" (UTF-16 with its byte-order mark, columns parted by tabs), renamed .xls.
    const utf16 = (text: string) =>
      new Uint8Array([
        0xff,
        0xfe,
        ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
      ]);
    expect(only(utf16("Mã\tKỳ này\r\nHN_TONG\t90\r\n"), "SO_A.xls").message).toContain(
      "thực chất là tệp văn bản CSV",
    );
    // Read as UTF-16 too, a web page saved so is still one.
    expect(only(utf16("<html><body><table></table></body></html>"), "SO_A.xls").message).toContain(
      "thực chất là trang web (HTML)",
    );
  });

  test("a real Excel 97–2003 .xls, a binary .xlsb, an OpenDocument .ods, an Apple .numbers", () => {
    expect(only(cfb(["Workbook"]), "so-a.xls").message).toContain("(.xls)");
    const xlsb = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.bin": new Uint8Array([0x83, 1, 0]),
    });
    expect(only(xlsb, "so-a.xlsb").message).toContain("(.xlsb)");
    const numbers = zipSync({ "Index/Document.iwa": new Uint8Array([0, 1]) });
    expect(only(numbers, "so-a.numbers").message).toContain("Apple Numbers (.numbers)");
    expect(only(numbers, "so-a.numbers").message).toContain("Xuất ra");
  });

  test("an .ods written by LibreOffice itself", async () => {
    const xlsx = join(dir, "so-a.xlsx");
    writeFileSync(xlsx, REPORT);
    const ods = await convertWithLibreOffice(xlsx, "ods", join(dir, "ods"));
    const f = only(new Uint8Array(readFileSync(ods)), "so-a.ods");
    expect(f.message).toContain("OpenDocument (.ods");
    expect(f.detail).toMatch(/opendocument\.spreadsheet/);
  }, 150_000);

  test("a file over the size limit says its size and the limit, in the page and on the command line", async () => {
    // The page's path (bytes in memory) under a profile whose limit is 10 KB.
    const small = { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, maxFileBytes: 10 * 1024 } };
    const padded = new Uint8Array(10 * 1024 + 1);
    const r = inspectBytes(padded, small, undefined, { fileName: "so-a.xlsx" });
    expect(r.findings[0]?.message).toMatch(/^Tệp quá lớn \(10,1 KB; giới hạn 10 KB\)\. /);
    // The command's own limit, 20 MB: a 20 MB + 1 byte file is never shown as "20 MB".
    const big = join(dir, "so-b.xlsx");
    writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1));
    const io = capture();
    expect(await main(["validate", big], io)).toBe(1);
    expect(io.stdout).toContain("Tệp quá lớn (20,1 MB; giới hạn 20 MB). Báo cáo theo mẫu chỉ vài chục KB");
  });
});

describe("a bug of ours is INTERNAL, never a corrupt file", () => {
  afterEach(() => jest.restoreAllMocks());

  test("an exception in the reader: INTERNAL with our message and the stack in detail", () => {
    jest.spyOn(sheetModule, "parseWorksheet").mockImplementation(() => {
      throw new TypeError("boom in the worksheet parser");
    });
    const f = only(REPORT, "SO_A.xlsx");
    expect(f.code).toBe("INTERNAL");
    expect(f.message).toBe(UNREADABLE_MESSAGES.INTERNAL);
    expect(f.message).not.toBe(UNREADABLE_MESSAGES.CORRUPT);
    expect(f.message).toContain("không phải lỗi của tệp");
    expect(f.detail).toMatch(/^TypeError: boom in the worksheet parser \| at /);
  });

  test("an exception in validation: INTERNAL too (inspectBytes never throws)", () => {
    jest.spyOn(validateModule, "validateWorkbook").mockImplementation(() => {
      throw new RangeError("boom in validation");
    });
    const f = only(REPORT, "SO_A.xlsx");
    expect(f).toMatchObject({
      code: "INTERNAL",
      message: UNREADABLE_MESSAGES.INTERNAL,
      detail: expect.stringMatching(/^RangeError: boom in validation/),
    });
  });

  test("validate --json keeps the detail of INTERNAL and UNREADABLE findings; the human output shows the message", async () => {
    const file = join(dir, "SO_A.xlsx");
    const cut = join(dir, "cut.xlsx");
    writeFileSync(file, REPORT);
    writeFileSync(cut, REPORT.subarray(0, 100));
    jest.spyOn(sheetModule, "parseWorksheet").mockImplementation(() => {
      throw new TypeError("boom");
    });
    const io = capture();
    expect(await main(["validate", file, cut, "--json"], io)).toBe(1);
    const json = JSON.parse(io.stdout) as Array<{ findings: Array<Record<string, unknown>> }>;
    expect(json[0]?.findings).toEqual([
      expect.objectContaining({
        code: "INTERNAL",
        message: UNREADABLE_MESSAGES.INTERNAL,
        detail: expect.stringContaining("TypeError: boom"),
      }),
    ]);
    expect(json[1]?.findings).toEqual([
      expect.objectContaining({ code: "UNREADABLE", detail: expect.any(String) }),
    ]);
    const human = capture();
    await main(["validate", file], human);
    expect(human.stdout).toContain(UNREADABLE_MESSAGES.INTERNAL);
    expect(human.stdout).not.toContain("TypeError");
  });
});

test("Excel's lock file checked by itself (the page's Kiểm tra) is told as the lock of the workbook to pick instead, not as text renamed .xlsx", () => {
  // As Excel writes it: the user's name, padded with spaces, in 165 bytes.
  const lock = new Uint8Array(165).fill(0x20);
  lock.set(new TextEncoder().encode("\u0006Nguyen"), 0);
  const result = inspectBytes(lock, DEFAULT_PROFILE, undefined, { fileName: "~$SO_NOI_VU.xlsx" });
  expect(result.findings.map((f) => [f.code, f.message])).toEqual([
    [
      "UNREADABLE",
      "Tệp “~$SO_NOI_VU.xlsx” là tệp khóa tạm Excel ghi khi tệp “SO_NOI_VU.xlsx” đang mở (chỉ chứa tên người đang mở), không phải báo cáo. Hãy chọn tệp “SO_NOI_VU.xlsx”; nếu Excel đã đóng mà tệp khóa còn, có thể xóa nó.",
    ],
  ]);
});
