/**
 * @jest-environment jsdom
 */
// The renderer in a browser-like environment: jsdom (given TextEncoder, which browsers have) with
// Node's Buffer taken away before the renderer loads, so the taskpane can build the bytes the CLI writes.
import "../taskpane/testing-jsdom";
import { strFromU8, unzipSync } from "fflate";
import { bodyParagraph, officialDocument } from "../core/official";

const holder = globalThis as { Buffer?: unknown };
const nodeBuffer = holder.Buffer;
beforeAll(() => {
  holder.Buffer = undefined;
});
afterAll(() => {
  holder.Buffer = nodeBuffer;
});

test("renders a letter to .docx bytes without Node's Buffer", async () => {
  expect(holder.Buffer).toBeUndefined();
  const { renderDocx } = await import("./render");
  const bytes = renderDocx(
    officialDocument({
      organisation: { sender: "Sở Nội vụ", abbreviation: "SNV", place: "Thanh Hóa", signerTitle: "Giám đốc" },
      date: { year: 2026, month: 6, day: 5 },
      kind: { letter: true, subject: "thử trong trình duyệt" },
      recipients: ["UBND phường Đông Sơn"],
      body: [bodyParagraph("Nội dung.")],
      copies: ["Lưu: VT"],
    }),
  );
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(strFromU8(unzipSync(bytes)["word/document.xml"]!)).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
});
