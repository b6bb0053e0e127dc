/** @jest-environment jsdom */
// The ES5 guard of taskpane.html (SPEC §10): in an Internet Explorer (Trident) webview it replaces
// the blank pane with the Excel versions that run KL226 and the standalone page's address; in a
// modern browser it stays silent unless a bundle fails to parse before the app starts.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";

const SOURCE = readFileSync(join(__dirname, "legacy-guard.js"), "utf8");

/** The page as taskpane.html has it before the bundles run, then the guard's <script>. */
function loadPage(trident: boolean): HTMLElement {
  document.body.innerHTML = '<div id="root"><p id="loading">Đang tải…</p></div>';
  document.documentElement.removeAttribute("data-host");
  if (trident) Object.defineProperty(document, "documentMode", { value: 11, configurable: true });
  const script = document.createElement("script");
  script.textContent = SOURCE;
  document.body.appendChild(script);
  return document.getElementById("root") as HTMLElement;
}

beforeEach(() => {
  window.history.replaceState(null, "", "/bao-cao/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0");
});

afterEach(() => {
  delete (document as { documentMode?: number }).documentMode;
});

test("the guard is ES5, so Internet Explorer can run it", () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  // The check itself rejects later syntax.
  expect(() => parse("let x = () => 1;", { ecmaVersion: 5 })).toThrow();
});

test("in Trident (document.documentMode set) it shows the Vietnamese message instead of a blank pane", () => {
  const root = loadPage(true);
  const message = root.querySelector('[data-testid="legacy-message"]');
  expect(message).not.toBeNull();
  expect(root.querySelector("#loading")).toBeNull();
  const text = message?.textContent ?? "";
  expect(text).toContain("KL226 không chạy được trong Excel này");
  expect(text).toContain("Internet Explorer");
  // Versions from Microsoft's requirement-set tables: SharedRuntime 1.1, CustomFunctionsRuntime 1.2, ExcelApi 1.13.
  expect(text).toContain("Microsoft 365 trên Windows, phiên bản 2102 (bản dựng 13801.20738) trở lên");
  expect(text).toContain("phiên bản 2311 (bản dựng 17029.20126)");
  expect(text).toContain("LTSC 2021 và LTSC 2024");
  expect(text).toContain("Excel cho Mac 16.50 trở lên");
  expect(text).toContain("Excel trên web");
  expect(text).toContain("WebView2");
  // The standalone page: this address without Office's query string, for any modern browser.
  expect(text).toContain("mở trang sau bằng Microsoft Edge, Chrome, Firefox hoặc Safari");
  expect(text).toContain("http://localhost/bao-cao/taskpane.html");
  expect(text).not.toContain("_host_Info");
  expect(message?.getAttribute("role")).toBe("alert");
  expect(document.documentElement.dataset.host).toBe("unsupported");
});

test("in a modern browser it stays silent", () => {
  const root = loadPage(false);
  expect(root.querySelector('[data-testid="legacy-message"]')).toBeNull();
  expect(root.textContent).toBe("Đang tải…");
  expect(document.documentElement.dataset.host).toBeUndefined();
});

test("a bundle that cannot be parsed before the app starts shows the message; other errors do not", () => {
  const root = loadPage(false);
  window.dispatchEvent(
    new ErrorEvent("error", { message: "TypeError: x is undefined", error: new TypeError("x is undefined") }),
  );
  expect(root.querySelector('[data-testid="legacy-message"]')).toBeNull();
  window.dispatchEvent(
    new ErrorEvent("error", {
      message: "SyntaxError: Unexpected token '?'",
      error: new SyntaxError("Unexpected token '?'"),
    }),
  );
  expect(root.querySelector('[data-testid="legacy-message"]')?.textContent).toContain("quá cũ để chạy KL226");
});

test("once the app has replaced the loading text, a later SyntaxError leaves the page alone", () => {
  const root = loadPage(false);
  root.innerHTML = "<main>ứng dụng</main>";
  window.dispatchEvent(
    new ErrorEvent("error", { message: "SyntaxError: bad JSON", error: new SyntaxError("bad JSON") }),
  );
  expect(root.textContent).toBe("ứng dụng");
});

test("a script of the page that the server does not deliver replaces 'Đang tải…' with what to do", () => {
  const root = loadPage(false);
  const bundle = document.createElement("script");
  bundle.src = "/bao-cao/js/taskpane.3f9a.js";
  document.head.appendChild(bundle);
  // A failed load fires "error" on the element itself, which does not bubble.
  bundle.dispatchEvent(new Event("error"));
  const message = root.querySelector('[data-testid="load-failed"]');
  expect(message?.getAttribute("role")).toBe("alert");
  expect(message?.textContent).toContain("Chưa tải được trang KL226");
  expect(message?.textContent).toContain(
    "Không tải được tệp http://localhost/bao-cao/js/taskpane.3f9a.js từ máy chủ.",
  );
  expect(message?.textContent).toContain("báo bộ phận công nghệ thông tin");
  expect(root.querySelector("#loading")).toBeNull();
});

test("nothing started after 20 seconds: the same message; an app that started is left alone", () => {
  jest.useFakeTimers();
  try {
    const stuck = loadPage(false);
    jest.advanceTimersByTime(19_000);
    expect(stuck.textContent).toBe("Đang tải…");
    jest.advanceTimersByTime(1_000);
    expect(stuck.querySelector('[data-testid="load-failed"]')?.textContent).toContain(
      "Trang chưa chạy được sau 20 giây.",
    );
    const started = loadPage(false);
    started.innerHTML = "<main>ứng dụng</main>";
    jest.advanceTimersByTime(20_000);
    expect(started.textContent).toBe("ứng dụng");
  } finally {
    jest.useRealTimers();
  }
});
