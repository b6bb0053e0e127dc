// The page's Danh sách đơn vị picker with a roster as Excel's plain "CSV (phân tách bằng dấu phẩy)"
// saves it on a Vietnamese Windows (code page 1258), which --roster refuses.

import { DEFAULT_PROFILE } from "../../core/profile";
import { cp1258 } from "../../../test/helpers/cp1258";
import { readRosterFile } from "./consolidate-run";

const ROSTER = [
  "MA_DON_VI,TEN_DON_VI,LOAI_DON_VI",
  "SO_TU_PHAP,Sở Tư pháp,SO_NGANH",
  "XA_HOA_BINH,UBND xã Hòa Bình,UBND_XA",
  "",
].join("\r\n");

test("a cp1258 CSV roster is refused saying how to save it as UTF-8, as the command says (the page took it with names read as 'S�� T� pha�p')", async () => {
  const outcome = await readRosterFile(
    new File([Uint8Array.from(cp1258(ROSTER))], "danh-sach-don-vi.csv"),
    DEFAULT_PROFILE,
  );
  expect(outcome).toEqual({
    ok: false,
    errors: [
      "Tệp danh-sach-don-vi.csv lưu dạng “CSV (phân tách bằng dấu phẩy)” theo bảng mã tiếng Việt cũ của Windows (không phải UTF-8): để dùng làm danh sách đơn vị (ô “Danh sách đơn vị” ở thẻ Tổng hợp), hãy mở tệp trong Excel, chọn Tệp → Lưu thành, kiểu “CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)”, rồi chọn tệp .csv mới đó.",
    ],
  });
});

test("the same roster saved as CSV UTF-8 is read with its names whole", async () => {
  const outcome = await readRosterFile(
    new File([new TextEncoder().encode(`\uFEFF${ROSTER}`)], "danh-sach-don-vi.csv"),
    DEFAULT_PROFILE,
  );
  expect(outcome.ok && outcome.units.map((u) => [u.code, u.name])).toEqual([
    ["SO_TU_PHAP", "Sở Tư pháp"],
    ["XA_HOA_BINH", "UBND xã Hòa Bình"],
  ]);
});

// The page reads a picked list through the same core as --roster: a row pasted twice in a list saved
// with "\r\r\n" line ends was refused ("Dòng 7: mã đơn vị … trùng với dòng 3") under the field.
test("a roster with a row pasted twice and \\r\\r\\n line ends is taken, its note naming the lines as an editor shows them", async () => {
  const lines = ROSTER.split("\r\n");
  const text = [...lines.slice(0, 3), lines[1], ""].join("\r\r\n");
  const outcome = await readRosterFile(new File([new TextEncoder().encode(text)], "ds.csv"), DEFAULT_PROFILE);
  expect(outcome).toEqual({
    ok: true,
    units: [
      { code: "SO_TU_PHAP", name: "Sở Tư pháp", type: "Sở, ban, ngành" },
      { code: "XA_HOA_BINH", name: "UBND xã Hòa Bình", type: "UBND xã, phường" },
    ],
    notes: [
      "dòng 4 lặp lại y hệt dòng 2 (SO_TU_PHAP); KL226 chỉ tính một lần. Nên xóa dòng thừa trong danh sách.",
    ],
  });
});
