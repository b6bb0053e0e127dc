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
