// What a clerk reads when the file they sent is not a workbook: one sentence saying what the file is,
// then how to save it as .xlsx. The expected texts are written out by hand.
import { fileKindMessage } from "./file-kinds";

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
