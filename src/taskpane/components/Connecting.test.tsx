/** @jest-environment jsdom */
// The pane inside Office before Office.onReady answers: it says it is connecting, and after a
// while offers the files without ever giving up on Excel by itself.

import "../testing-jsdom";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { STRINGS } from "../i18n";
import { Connecting, SLOW_AFTER_MS } from "./Connecting";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => jest.useRealTimers());

test("says it is connecting to Excel, then offers the files after a while; choosing them is the user's call", async () => {
  jest.useFakeTimers();
  const container = document.createElement("div");
  document.body.replaceChildren(container);
  let usedFiles = 0;
  await act(async () =>
    createRoot(container).render(<Connecting strings={STRINGS.vi} onUseFiles={() => usedFiles++} />),
  );
  expect(container.textContent).toContain("Đang kết nối với Excel…");
  expect(container.querySelector('[data-testid="connecting-use-files"]')).toBeNull();

  await act(async () => void jest.advanceTimersByTime(SLOW_AFTER_MS));
  expect(container.textContent).toContain(
    `Excel chưa trả lời sau ${SLOW_AFTER_MS / 1000} giây; trang vẫn tiếp tục chờ.`,
  );
  const button = container.querySelector<HTMLButtonElement>('[data-testid="connecting-use-files"]');
  expect(button?.textContent).toBe("Làm việc trên tệp trong lúc chờ");

  // Nothing happens on its own, however long Excel takes.
  await act(async () => void jest.advanceTimersByTime(10 * 60_000));
  expect(usedFiles).toBe(0);
  expect(container.textContent).toContain("Đang kết nối với Excel…");
  await act(async () => button?.click());
  expect(usedFiles).toBe(1);
});
