// What a clerk reads when the file they sent is not a workbook: one sentence saying what the file is,
// then how to save it as .xlsx. The expected texts are written out by hand.
import { fileKindMessage, textContentOf } from "./file-kinds";
import { unreadableMessage } from "./findings";

test("a file of a kind we do not know is named by its extension, said once not to be a workbook", () => {
  expect(fileKindMessage("/hop-thu/ghi-chu.md")).toBe(
    "Tệp “ghi-chu.md” (tệp .md) không phải sổ tính Excel .xlsx theo mẫu. " +
      "Hãy gửi báo cáo dạng tệp Excel .xlsx theo mẫu (lưu kiểu “Sổ làm việc Excel (*.xlsx)”).",
  );
  expect(fileKindMessage("C:\\Bao cao\\so-noi-vu")).toBe(
    "Tệp “so-noi-vu” (tệp không có phần đuôi) không phải sổ tính Excel .xlsx theo mẫu. " +
      "Hãy gửi báo cáo dạng tệp Excel .xlsx theo mẫu (lưu kiểu “Sổ làm việc Excel (*.xlsx)”).",
  );
});

test("a known kind says what it is and why it cannot be read, then how to send the .xlsx", () => {
  expect(fileKindMessage("bao-cao-6-thang.pdf")).toBe(
    "Tệp “bao-cao-6-thang.pdf” là tệp PDF (bản in), không phải sổ tính Excel .xlsx theo mẫu: " +
      "không đọc được số liệu từ bản in. " +
      "Hãy gửi tệp Excel .xlsx gốc của báo cáo (bản PDF có chữ ký gửi kèm riêng nếu cần).",
  );
});

test("a .json among the reports (last year's consolidation given without --previous) says where it goes", () => {
  expect(fileKindMessage("tong-hop-2025.json")).toBe(
    "Tệp “tong-hop-2025.json” là tệp dữ liệu JSON (.json), không phải sổ tính Excel .xlsx theo mẫu. " +
      "Nếu đây là tệp tổng hợp năm trước để đối chiếu, hãy đưa nó vào mục đối chiếu " +
      "(lệnh kl226 consolidate … với một --previous trước mỗi tệp: --previous a.json --previous b.json), không để chung với các báo cáo.",
  );
});

test("a text file's first characters say whether it is a web page, XML, a CSV, or plain text", () => {
  expect(textContentOf("<html><body><table>")).toBe("html");
  // Excel's own "Trang web" and XHTML start with a declaration or a comment before <html>.
  expect(textContentOf('<html xmlns:o="urn:schemas-microsoft-com:office:office">')).toBe("html");
  expect(textContentOf('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html>')).toBe("html");
  expect(textContentOf("<!-- xuất từ phần mềm -->\n<TABLE border=1><TR><TD>SO_A")).toBe("html");
  // A web system's "Xuất Excel" page whose style sheet fills the first 512 bytes before its table
  // (adversarial re-test, session 39: it was called XML).
  const styles = [".text", ".num", ".date", ".header", ".title", ".total", ".note", ".center"]
    .map(
      (c) =>
        `  ${c} { mso-number-format:"\\@"; border: .5pt solid windowtext; font-family: "Times New Roman"; }`,
    )
    .join("\r\n");
  expect(textContentOf(`<style type="text/css">\r\n${styles}`.slice(0, 512))).toBe("html");
  // Excel 2003's "XML Spreadsheet", and any other XML.
  expect(
    textContentOf('\uFEFF  <?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>'),
  ).toBe("xml");
  expect(textContentOf("<BaoCao><DonVi>SO_A</DonVi></BaoCao>")).toBe("xml");
  expect(textContentOf("STT;Chỉ tiêu;Kỳ này\n1;HN_TONG;90\n")).toBe("csv");
  expect(textContentOf("MA_DON_VI,SO_A\r\nHN_TONG,90")).toBe("csv");
  // Excel's "Unicode Text" (decoded): the columns parted by tabs.
  expect(textContentOf("Mã\tTên\nSO_A\tSở A")).toBe("csv");
  expect(textContentOf("Báo cáo 6 tháng đầu năm 2026\nSở A")).toBe("text");
  // A single-file web page (MHTML: Excel's .mht, a page saved by Internet Explorer) opens with mail headers.
  expect(textContentOf("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\n")).toBe("html");
  expect(textContentOf("From: <Saved by Windows Internet Explorer 11>\r\nMIME-Version: 1.0\r\n")).toBe(
    "html",
  );
});

// Session 41: a page's "MIME-Version:" after a long "From:"/"Subject:" block, or after a byte-order mark
// and blank lines, came past the 512 bytes looked at, and the page was called plain text.
test("a single-file web page whose MIME-Version comes after the head's 512 bytes is a web page, looked for in its header block only", () => {
  const subject = `Subject: =?utf-8?B?${"QsOhbyBjw6FvIGvhur90IHF14bqj".repeat(30)}?=`;
  const saved = `From: <Saved by Windows Internet Explorer 11>\r\n${subject}\r\nDate: Mon, 8 Jun 2026 08:00:00 +0700\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html></html>`;
  expect(saved.indexOf("MIME-Version")).toBeGreaterThan(512);
  expect(textContentOf(saved.slice(0, 512), () => saved)).toBe("html");
  // A header folded onto the next line (a long Subject as Outlook writes it) is still in the block.
  const folded = `From: <Saved by Windows Internet Explorer 11>\r\nSubject: ${"Báo cáo ".repeat(40)}\r\n\t${"kết quả ".repeat(40)}\r\nMIME-Version: 1.0\r\n\r\n<html></html>`;
  expect(textContentOf(folded.slice(0, 512), () => folded)).toBe("html");
  const blank = `\uFEFF${"\r\n".repeat(300)}MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html></html>`;
  expect(textContentOf(blank.slice(0, 512), () => blank)).toBe("html");
  // After the header block (a blank line, or a line that is no header), a "MIME-Version:" line is the
  // text's own: a note, not a page.
  const note = `Note: ${"x".repeat(600)}\r\n\r\nMIME-Version: 1.0\r\n`;
  expect(textContentOf(note.slice(0, 512), () => note)).toBe("text");
  const csv = `Time: 08:00,SO_A\r\n${"SO_B,90\r\n".repeat(80)}MIME-Version: 1.0\r\n`;
  expect(textContentOf(csv.slice(0, 512), () => csv)).toBe("csv");
  // Only a head of headers or blank lines asks for more: a CSV, a web page or XML never does.
  const never = () => {
    throw new Error("asked for more");
  };
  expect(textContentOf("STT;Chỉ tiêu;Kỳ này\n1;HN_TONG;90\n", never)).toBe("csv");
  expect(textContentOf("<html><body><table>", never)).toBe("html");
  expect(textContentOf("Báo cáo 6 tháng đầu năm 2026\nSở A", never)).toBe("text");
});

test("an .xls that is a CSV is said to be one, not a web page, and told to put its figures into the template", () => {
  expect(unreadableMessage("TEXT_FILE", "C:\\Bao cao\\SO_A.xls", "csv")).toBe(
    "Tệp .xls này thực chất là tệp văn bản CSV (chữ và số cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu tab) được đặt đuôi .xls, không phải sổ tính Excel, nên không có các trang tính của mẫu báo cáo. " +
      "Hãy mở tệp trong Excel, chép số liệu vào mẫu báo cáo (lệnh “kl226 template” hoặc nút Mẫu báo cáo), lưu mẫu đã điền kiểu “Sổ làm việc Excel (*.xlsx)” (Tệp → Lưu thành) rồi gửi lại tệp .xlsx đó.",
  );
  expect(unreadableMessage("TEXT_FILE", "SO_A.xls", "text")).toMatch(
    /^Tệp \.xls này thực chất là tệp văn bản thuần \(chỉ có chữ\) được đặt đuôi \.xls, không phải sổ tính Excel, nên/,
  );
  // A web page or XML "exported to Excel" is named which, with the same advice.
  expect(unreadableMessage("TEXT_FILE", "SO_A.xls", "html")).toBe(
    "Tệp .xls này thực chất là trang web (HTML) do phần mềm khác xuất ra, không phải sổ tính Excel. Hãy mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)”, chép số liệu vào mẫu báo cáo và gửi lại.",
  );
  expect(unreadableMessage("TEXT_FILE", "SO_A.xls", "xml")).toBe(
    "Tệp .xls này thực chất là văn bản XML (như dạng “Bảng tính XML 2003”) do phần mềm khác xuất ra, không phải sổ tính Excel. Hãy mở trong Excel, chọn Lưu thành “Sổ làm việc Excel (*.xlsx)”, chép số liệu vào mẫu báo cáo và gửi lại.",
  );
});

test("text named .xlsx is named exactly (CSV, web page, XML, plain text), not “văn bản thuần (CSV, HTML…)”", () => {
  const advice =
    " được đổi đuôi thành .xlsx. Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.";
  expect(unreadableMessage("TEXT_FILE", "SO_A.xlsx", "csv")).toBe(
    "Tệp là văn bản CSV (chữ và số cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu tab)" + advice,
  );
  expect(unreadableMessage("TEXT_FILE", "SO_A.xlsx", "html")).toBe("Tệp là trang web (HTML)" + advice);
  expect(unreadableMessage("TEXT_FILE", "SO_A.xlsx", "xml")).toBe("Tệp là văn bản XML" + advice);
  expect(unreadableMessage("TEXT_FILE", "SO_A.xlsx", "text")).toBe(
    "Tệp là văn bản thuần (chỉ có chữ)" + advice,
  );
  // What the text is not known: the words that fit any.
  expect(unreadableMessage("TEXT_FILE", "SO_A.xlsx")).toBe(
    "Tệp là văn bản thuần (CSV, HTML…) được đổi đuôi thành .xlsx. Hãy điền số liệu vào mẫu báo cáo và lưu dạng “Sổ làm việc Excel (*.xlsx)”.",
  );
});
