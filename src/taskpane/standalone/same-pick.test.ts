// The page's "already picked" test: the same file, not two units' reports saved under one name.
import { alreadyPicked, fileBytes, samePick } from "./files";

const file = (name: string, text: string, lastModified: number, webkitRelativePath = "") => ({
  name,
  size: new TextEncoder().encode(text).length,
  lastModified,
  webkitRelativePath,
});

test("a file picked again is the same pick; two units' reports of one name and size are not", () => {
  const xaVinhLoc = file("KL226-BC-1.xlsx", "XA_VINH_LOC 13653", Date.UTC(2026, 5, 3, 8));
  expect(samePick(xaVinhLoc, { ...xaVinhLoc })).toBe(true);
  // Another commune's report under the template's download name, the same size, saved another time.
  const xaQuanSon = file("KL226-BC-1.xlsx", "XA_QUAN_SON 13653", Date.UTC(2026, 5, 4, 9));
  expect(xaQuanSon.size).toBe(xaVinhLoc.size);
  expect(samePick(xaVinhLoc, xaQuanSon)).toBe(false);
  // Picked folder by folder: the same time even, but another folder.
  expect(
    samePick(
      { ...xaVinhLoc, webkitRelativePath: "XA_VINH_LOC/KL226-BC-1.xlsx" },
      { ...xaVinhLoc, webkitRelativePath: "XA_QUAN_SON/KL226-BC-1.xlsx" },
    ),
  ).toBe(false);
});

describe("alreadyPicked: the same file, by its bytes too", () => {
  const at = Date.UTC(2026, 5, 5, 10);
  const picked = (text: string) => new File([text], "KL226-BC-1.xlsx", { lastModified: at });
  test("picked twice from disk: the same", async () => {
    await expect(alreadyPicked(picked("XA_THO_XUAN 15974"), picked("XA_THO_XUAN 15974"))).resolves.toBe(
      "same",
    );
  });
  test("two communes' reports of one name, size and time (a zip that kept the times): two files", async () => {
    await expect(alreadyPicked(picked("XA_THO_XUAN 15974"), picked("XA_VINH_LOC 15974"))).resolves.toBe(
      "other",
    );
  });
  test("a picked file saved over since (the browser cannot read the old pick): the new pick takes its place", async () => {
    const stale = picked("XA_YEN_DINH 15000");
    Object.defineProperty(stale, "arrayBuffer", {
      value: () =>
        Promise.reject(new DOMException("The requested file could not be read", "NotReadableError")),
    });
    await expect(alreadyPicked(stale, picked("XA_YEN_DINH 15000"))).resolves.toBe("replaced");
  });
  test("a picked file that can no longer be read is said in Vietnamese, with what to do", async () => {
    const stale = picked("XA_YEN_DINH");
    Object.defineProperty(stale, "arrayBuffer", {
      value: () =>
        Promise.reject(new DOMException("The requested file could not be read", "NotReadableError")),
    });
    await expect(fileBytes(stale)).rejects.toThrow(
      "Không đọc được tệp “KL226-BC-1.xlsx”: tệp đã được lưu đè, chuyển đi hoặc xóa sau khi được chọn. Hãy bấm “Bỏ chọn tệp” rồi chọn lại các tệp",
    );
  });
});
