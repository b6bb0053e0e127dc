// The page's "already picked" test: the same file, not two units' reports saved under one name.
import { samePick } from "./files";

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
