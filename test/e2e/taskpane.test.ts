// The built taskpane page in headless Chromium, standalone (no Excel): validate a bad workbook,
// consolidate generated reports, download the summary and read it back, no request leaves
// localhost, and screenshots at 320 px and 800 px into test-artifacts/.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { consolidateBytes } from "../../src/app/consolidate-files";
import { inspectBytes } from "../../src/app/inspect";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { parseRosterCsv } from "../../src/core/roster";
import { summaryWorkbook } from "../../src/core/summary";
import type { Sheet, Workbook } from "../../src/core/workbook";
import { cellText } from "../../src/core/values";
import { readXlsx } from "../../src/xlsx/read";
import { writeXlsx } from "../../src/xlsx/write";
import { KL226_SET } from "../../scripts/bench-sets";
import { WORKER_MIN_FILES } from "../../src/taskpane/standalone/worker-pool";
import { summaryJsonText } from "../../src/taskpane/summary-data";
import { reportBytes } from "../helpers/report-builder";
import { DIST, launchChromium, serveStatic, type StaticServer } from "./browser";
import { timeConsolidation, timingLine } from "./consolidate-timing";

const ARTIFACTS = resolve(__dirname, "../../test-artifacts");
const SAMPLES = resolve(__dirname, "../../samples");

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

function sampleFiles(): { name: string; bytes: Uint8Array }[] {
  const dir = join(SAMPLES, "2026-6T");
  if (existsSync(dir)) {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  }
  // Without the samples folder: a few generated reports, one short of the online-meeting target.
  return [
    { name: "SO_A.xlsx", bytes: reportBytes({ unit: "SO_A", name: "Sở A" }) },
    { name: "SO_B.xlsx", bytes: reportBytes({ unit: "SO_B", name: "Sở B", counts: { HN_TRUC_TUYEN: [10, 20] } }) },
    { name: "SO_C.xlsx", bytes: reportBytes({ unit: "SO_C", name: "Sở C", counts: { HN_TONG: [100, -1] } }) },
  ];
}

function grid(sheet: Sheet | undefined): string[][] {
  return (sheet?.rows ?? []).map((row) => (row ?? []).map((cell) => cellText(cell)));
}

const sheetOf = (wb: Workbook, name: string): Sheet | undefined => wb.sheets.find((s) => s.name === name);

test("consolidates picked reports with a roster, shows the outcome and downloads the summary and JSON", async () => {
  const files = sampleFiles();
  const rosterPath = join(SAMPLES, "roster.csv");
  const hasRoster = existsSync(rosterPath);
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByTestId("report-files").setInputFiles(files.map((f) => xlsx(f.name, f.bytes)));
  await page.getByTestId("files-chosen").filter({ hasText: `Đã chọn ${files.length} tệp.` }).waitFor();
  if (hasRoster) {
    await page.getByTestId("roster-file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: readFileSync(rosterPath) });
    await page.getByTestId("roster-chosen").filter({ hasText: /^Danh sách đơn vị: roster\.csv \(\d+ đơn vị\)$/ }).waitFor();
  }
  await page.getByTestId("consolidate").click();
  await page.getByTestId("consolidation-result").waitFor({ timeout: 60_000 });

  // The same consolidation computed here, from the same bytes.
  const roster = hasRoster ? parseRosterCsv(readFileSync(rosterPath, "utf8")) : null;
  const expected = consolidateBytes(
    files.map((f) => ({ file: f.name, bytes: f.bytes, sha256: createHash("sha256").update(f.bytes).digest("hex") })),
    { profile: DEFAULT_PROFILE, roster: roster?.ok ? roster.units : undefined },
  );
  await expect(page.getByTestId("count-accepted").textContent()).resolves.toBe(`Được tiếp nhận: ${expected.units.length}`);
  await expect(page.getByTestId("count-rejected").textContent()).resolves.toBe(`Bị từ chối: ${expected.rejected.length}`);
  await expect(page.getByTestId("count-missing").textContent()).resolves.toBe(`Chưa nộp: ${expected.missing.length}`);
  const rejectedText = (await page.getByTestId("rejected").textContent()) ?? "";
  for (const r of expected.rejected) expect(rejectedText).toContain(r.file);
  if (hasRoster) expect(await page.getByTestId("missing").textContent()).toContain("SO_NGOAI_VU");
  await screenshots("consolidate");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-summary").click()]);
  expect(download.suggestedFilename()).toMatch(/^tong-hop-KL226.*\.xlsx$/);
  const got = readXlsx(new Uint8Array(readFileSync(await download.path())));
  const want = readXlsx(writeXlsx(summaryWorkbook(expected, DEFAULT_PROFILE)));
  if (!got.ok || !want.ok) throw new Error("summary not readable");
  for (const name of ["Tổng hợp", "Không đạt", "Nhiệm vụ", "Chưa nộp", "Lỗi", "Nguồn"]) {
    expect(grid(sheetOf(got.workbook, name))).toEqual(grid(sheetOf(want.workbook, name)));
  }
  // Spot checks of the cells themselves: every accepted unit has a row in Tổng hợp; the missing are listed.
  const summaryCells = grid(sheetOf(got.workbook, "Tổng hợp")).flat();
  for (const u of expected.units) expect(summaryCells).toContain(u.code);
  const missingCells = grid(sheetOf(got.workbook, "Chưa nộp")).flat();
  for (const u of expected.missing) expect(missingCells).toContain(u.code);

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
  const report = JSON.parse(readFileSync(await json.path(), "utf8")) as { units: { code: string }[]; missing: string[] };
  expect(report.units.map((u) => u.code)).toEqual(expected.units.map((u) => u.code));
  expect(report.missing).toEqual(expected.missing.map((u) => u.code));
});

test("makes the report for the level above: a wrong code is explained under the field, then a valid KL226-BC/1 downloads", async () => {
  await page.getByTestId("rollup").scrollIntoViewIfNeeded();
  await page.getByTestId("rollup-code").fill("Sở Nội vụ");
  await page.getByTestId("rollup-download").click();
  await page.getByText("mã đơn vị gồm 2–32 ký tự A–Z, 0–9, _ . - (ví dụ SO_Y_TE)").waitFor();
  await page.getByTestId("rollup-code").fill("ubnd_tinh");
  await page.getByTestId("rollup-name").fill("UBND tỉnh Thanh Hóa");
  await page.getByTestId("rollup-type").selectOption("SO_NGANH");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("rollup-download").click()]);
  expect(download.suggestedFilename()).toBe("UBND_TINH-KL226-BC-1.xlsx");
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const result = inspectBytes(bytes, DEFAULT_PROFILE);
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(result.report?.unit).toMatchObject({ code: "UBND_TINH", name: "UBND tỉnh Thanh Hóa" });
  // The roll-up carries the province row's sums: re-consolidating it alone gives the same totals.
  const files = sampleFiles();
  const roster = existsSync(join(SAMPLES, "roster.csv")) ? parseRosterCsv(readFileSync(join(SAMPLES, "roster.csv"), "utf8")) : null;
  const units = consolidateBytes(
    files.map((f) => ({ file: f.name, bytes: f.bytes, sha256: f.name })),
    { profile: DEFAULT_PROFILE, roster: roster?.ok ? roster.units : undefined },
  );
  const again = consolidateBytes([{ file: "rollup.xlsx", bytes, sha256: "r" }], { profile: DEFAULT_PROFILE });
  expect(again.province.values).toEqual(units.province.values);
  await page.getByTestId("rollup-notice").filter({ hasText: "Đã tải UBND_TINH-KL226-BC-1.xlsx." }).waitFor();
  await screenshots("rollup");
});

test("consolidates 1,000 picked reports in Web Workers: the same JSON as Node, and prints the time and the main thread's long tasks", async () => {
  const set = [...KL226_SET.workbooks(1000)].map((w) => ({ name: w.name, bytes: w.bytes }));
  await page.getByRole("button", { name: "Bỏ chọn tệp" }).click();
  const warnings: string[] = [];
  const onConsole = (m: ConsoleMessage): void => void (m.type() === "warning" && warnings.push(m.text()));
  page.on("console", onConsole);
  const timing = await timeConsolidation(page, set);
  page.off("console", onConsole);
  // The work was done in workers: their script was loaded and the page did not fall back to its own thread.
  expect(requests.some((url) => /inspect-worker\.[0-9a-f]+\.js$/.test(url))).toBe(true);
  expect(warnings.filter((w) => w.includes("not in Web Workers"))).toEqual([]);
  // A figure for the reader of the test log, not a pass mark (speed is judged by `npm run bench`).
  console.log(`browser, ${set.length} files: ${timingLine(timing)}`);
  const expected = consolidateBytes(
    set.map((f) => ({ file: f.name, bytes: f.bytes, sha256: createHash("sha256").update(f.bytes).digest("hex") })),
    { profile: DEFAULT_PROFILE },
  );
  expect(timing.accepted).toBe(`Được tiếp nhận: ${expected.units.length}`);
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
  expect(readFileSync(await json.path(), "utf8")).toBe(summaryJsonText(expected));
  await page.getByRole("button", { name: "Bỏ chọn tệp" }).click();
});

test("when the worker script cannot load, the page consolidates in its own thread with the same outcome", async () => {
  const files = [...KL226_SET.workbooks(WORKER_MIN_FILES + 20)].map((w) => ({ name: w.name, bytes: w.bytes }));
  let blocked = 0;
  await page.route("**/inspect-worker*.js", (route) => {
    blocked++;
    return route.abort();
  });
  try {
    // A fresh page: no workers kept from the run before.
    await page.reload();
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByTestId("report-files").setInputFiles(files.map((f) => xlsx(f.name, f.bytes)));
    const fellBack = page.waitForEvent("console", { predicate: (m) => m.text().includes("not in Web Workers"), timeout: 60_000 });
    await page.getByTestId("consolidate").click();
    await fellBack;
    await page.getByTestId("consolidation-result").waitFor({ timeout: 60_000 });
    const expected = consolidateBytes(
      files.map((f) => ({ file: f.name, bytes: f.bytes, sha256: createHash("sha256").update(f.bytes).digest("hex") })),
      { profile: DEFAULT_PROFILE },
    );
    await expect(page.getByTestId("count-accepted").textContent()).resolves.toBe(`Được tiếp nhận: ${expected.units.length}`);
    await expect(page.getByTestId("count-rejected").textContent()).resolves.toBe(`Bị từ chối: ${expected.rejected.length}`);
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
    expect(readFileSync(await json.path(), "utf8")).toBe(summaryJsonText(expected));
    expect(blocked).toBeGreaterThan(0);
  } finally {
    await page.unroute("**/inspect-worker*.js");
    await page.getByRole("button", { name: "Bỏ chọn tệp" }).click();
  }
});

test("downloads the official template, which reads back with its four sheets", async () => {
  await page.getByRole("tab", { name: "Mẫu báo cáo" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-template").click()]);
  expect(download.suggestedFilename()).toBe("KL226-BC-1.xlsx");
  const read = readXlsx(new Uint8Array(readFileSync(await download.path())));
  if (!read.ok) throw new Error(read.reason);
  expect(read.workbook.sheets.map((s) => s.name).slice(0, 4)).toEqual(["Thông tin", "Chỉ tiêu", "Nhiệm vụ", "Hội nghị"]);
  await page.getByTestId("template-notice").waitFor();
  await screenshots("template");
});

test("the language switch turns the page into English and back", async () => {
  await page.getByTestId("language").selectOption("en");
  await page.getByRole("tab", { name: "Consolidate" }).waitFor();
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
  await page.getByTestId("language").selectOption("vi");
  await page.getByRole("tab", { name: "Tổng hợp" }).waitFor();
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("vi");
});

test("no request left localhost", () => {
  const origin = server.origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  expect(foreign).toEqual([]);
});
