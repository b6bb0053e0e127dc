/** @jest-environment jsdom */
// What a panel's action shows when it fails: KL226's own refusals as they are, anything a program
// threw in English as KL226's internal error with what to do, a page the server replaced as such.

import "../testing-jsdom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { STRINGS } from "../i18n";
import { NoticeBar, useAction } from "./common";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Panel({ work }: { readonly work: () => string }) {
  const { notice, act: run } = useAction(STRINGS.vi, false);
  return (
    <FluentProvider theme={webLightTheme}>
      <button data-testid="go" onClick={() => void run(work)} />
      <NoticeBar notice={notice} testId="notice" />
    </FluentProvider>
  );
}

async function noticeAfter(work: () => string): Promise<string> {
  document.body.innerHTML = "";
  const container = document.createElement("div");
  document.body.appendChild(container);
  await act(async () => createRoot(container).render(<Panel work={work} />));
  await act(async () => {
    document.querySelector<HTMLButtonElement>('[data-testid="go"]')!.click();
    await Promise.resolve();
  });
  return document.querySelector('[data-testid="notice"]')?.textContent ?? "(no notice)";
}

test("a program's English error (a TypeError) is shown as KL226's internal error, with what to do", async () => {
  const text = await noticeAfter(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'code')");
  });
  expect(text).toBe(
    "Lỗi nội bộ của KL226 (Cannot read properties of undefined (reading 'code')). Các tệp đã chọn không bị thay đổi. Tải lại trang (phím F5) rồi làm lại; nếu vẫn lỗi, hãy báo cho bộ phận công nghệ thông tin, kèm các tệp đã chọn.",
  );
});

test("KL226's own refusal, in Vietnamese, is shown as it is", async () => {
  const refusal = "Mã đơn vị “SO A” có dấu cách: gõ SO_A.";
  await expect(
    noticeAfter(() => {
      throw new Error(refusal);
    }),
  ).resolves.toBe(refusal);
});

test("a page whose build the server replaced says so, not webpack's English", async () => {
  const e = new Error("Loading chunk 273 failed.");
  e.name = "ChunkLoadError";
  await expect(
    noticeAfter(() => {
      throw e;
    }),
  ).resolves.toBe(STRINGS.vi.staleBuild);
});
