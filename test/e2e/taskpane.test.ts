// The built taskpane page in headless Chromium, standalone (no Excel): validate a bad workbook,
// consolidate the sample submissions, download the summary and read it back with openpyxl, no
// request leaves localhost, and screenshots at 320 px and 800 px into test-artifacts/.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Download, Page } from "playwright-core";
import { inspectBytes } from "../../src/app/inspect";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reportBytes } from "../helpers/report-builder";
import { DIST, launchChromium, serveStatic, type StaticServer } from "./browser";
import { countSums, readSummary, sheetNames, type CountSums, type SummaryReading } from "./independent";

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

/** A download kept under its suggested name in test-artifacts/downloads (openpyxl goes by the .xlsx extension). */
async function saved(download: Download): Promise<string> {
  const path = join(ARTIFACTS, "downloads", download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

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

// The sample submissions (samples/README.md, made by scripts/make-samples.ts) and what is known of
// them by hand: which files are deliberately bad, which is replaced by a resent copy, which units of
// the roster sent nothing. Every expected value below comes from this list or from openpyxl's
// reading of the same files (./independent.ts), never from the code under test.
const SAMPLE_DIR = join(SAMPLES, "2026-6T");
const ROSTER = join(SAMPLES, "roster.csv");
const REJECTED = ["PHUONG_BIM_SON.xlsx", "PHUONG_NGHI_SON.xlsx", "SO_CONG_THUONG.xlsx", "SO_XAY_DUNG.xlsx", "XA_NGA_SON.xlsx", "XA_NONG_CONG.xlsx", "XA_TRIEU_SON.xlsx"];
const DROPPED_DUPLICATE = "SO_Y_TE.xlsx"; // replaced by "SO_Y_TE (gui lai).xlsx", dated later
const NEVER_SENT = ["DH_VHTTDL", "SO_GIAO_DUC_DT", "SO_NGOAI_VU", "XA_MUONG_LAT", "XA_PU_NHI"];

function sampleFiles(): { name: string; bytes: Uint8Array }[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SAMPLE_DIR, name))) }));
}

/** The files that must be accepted, and their unit codes (a sample file is named after its unit). */
function acceptedSamples(): { paths: string[]; codes: string[] } {
  const names = sampleFiles()
    .map((f) => f.name)
    .filter((n) => !REJECTED.includes(n) && n !== DROPPED_DUPLICATE);
  return { paths: names.map((n) => join(SAMPLE_DIR, n)), codes: names.map((n) => n.replace(/( \(gui lai\))?\.xlsx$/, "")).sort() };
}

/** The province row of a summary against the sums of the accepted files: every count column and the pooled online ratio. */
function expectProvinceRow(summary: SummaryReading, sums: CountSums): void {
  let compared = 0;
  for (const { label, previous, current } of Object.values(sums)) {
    for (const [suffix, sum] of [
      ["kỳ này", current],
      ["cùng kỳ năm trước", previous],
    ] as const) {
      const header = `${label} (${suffix})`;
      if (!(header in summary.province)) continue;
      expect({ header, value: summary.province[header] }).toEqual({ header, value: sum });
      compared++;
    }
  }
  expect(compared).toBeGreaterThanOrEqual(13); // every count, this period
  // SPEC §5: the province ratio is computed from the sums, never an average of the units' ratios.
  const online = Object.keys(summary.province).find((h) => h.startsWith("Họp trực tuyến (") && !h.includes("đánh giá"));
  expect(summary.province[online ?? ""]).toBeCloseTo((sums.HN_TRUC_TUYEN?.current ?? NaN) / (sums.HN_TONG?.current ?? NaN), 12);
}

test("consolidates picked reports with a roster, shows the outcome and downloads the summary and JSON", async () => {
  const files = sampleFiles();
  expect(files).toHaveLength(60);
  const accepted = acceptedSamples();
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByTestId("report-files").setInputFiles(files.map((f) => xlsx(f.name, f.bytes)));
  await page.getByTestId("files-chosen").filter({ hasText: `Đã chọn ${files.length} tệp.` }).waitFor();
  await page.getByTestId("roster-file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: readFileSync(ROSTER) });
  await page.getByTestId("roster-chosen").filter({ hasText: /^Danh sách đơn vị: roster\.csv \(\d+ đơn vị\)$/ }).waitFor();
  await page.getByTestId("consolidate").click();
  await page.getByTestId("consolidation-result").waitFor({ timeout: 60_000 });

  await expect(page.getByTestId("count-accepted").textContent()).resolves.toBe(`Được tiếp nhận: ${60 - REJECTED.length - 1}`);
  await expect(page.getByTestId("count-rejected").textContent()).resolves.toBe(`Bị từ chối: ${REJECTED.length}`);
  const rejectedText = (await page.getByTestId("rejected").textContent()) ?? "";
  for (const file of REJECTED) expect(rejectedText).toContain(file);
  const missingText = (await page.getByTestId("missing").textContent()) ?? "";
  for (const code of NEVER_SENT) expect(missingText).toContain(code);
  for (const code of accepted.codes) expect(missingText).not.toContain(`${code} –`);
  const missingCount = Number(/\d+/.exec((await page.getByTestId("count-missing").textContent()) ?? "")?.[0]);
  expect(missingCount).toBeGreaterThanOrEqual(NEVER_SENT.length);
  await screenshots("consolidate");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-summary").click()]);
  expect(download.suggestedFilename()).toMatch(/^tong-hop-KL226.*\.xlsx$/);
  const summary = readSummary(await saved(download));
  expect([...summary.units].sort()).toEqual(accepted.codes);
  expectProvinceRow(summary, countSums(accepted.paths));
  for (const code of NEVER_SENT) expect(summary.texts["Chưa nộp"]).toContain(code);
  for (const file of REJECTED) expect(summary.texts["Lỗi"].join("\n")).toContain(file);
  // Nguồn: every file given, with its SHA-256 (computed here by Node, not by the page).
  const sources = summary.texts["Nguồn"].join("\n");
  for (const f of files) expect(sources).toContain(createHash("sha256").update(f.bytes).digest("hex"));

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
  const report = JSON.parse(readFileSync(await json.path(), "utf8")) as { units: { code: string }[]; missing: string[] };
  expect(report.units.map((u) => u.code).sort()).toEqual(accepted.codes);
  expect(report.missing).toEqual(expect.arrayContaining(NEVER_SENT));
  expect(report.missing).toHaveLength(missingCount);
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
  const path = await saved(download);
  const result = inspectBytes(new Uint8Array(readFileSync(path)), DEFAULT_PROFILE);
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(result.report?.unit).toMatchObject({ code: "UBND_TINH", name: "UBND tỉnh Thanh Hóa" });
  // The roll-up carries the province's sums: openpyxl reads in it what it adds up from the accepted files.
  const sums = countSums(acceptedSamples().paths);
  const rollup = countSums([path]);
  for (const [code, { previous, current }] of Object.entries(sums)) {
    expect({ code, previous: rollup[code]?.previous, current: rollup[code]?.current }).toEqual({ code, previous, current });
  }
  await page.getByTestId("rollup-notice").filter({ hasText: "Đã tải UBND_TINH-KL226-BC-1.xlsx." }).waitFor();
  await screenshots("rollup");
});

test("downloads the official template, which reads back with its four sheets", async () => {
  await page.getByRole("tab", { name: "Mẫu báo cáo" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-template").click()]);
  expect(download.suggestedFilename()).toBe("KL226-BC-1.xlsx");
  expect(sheetNames(await saved(download)).slice(0, 4)).toEqual(["Thông tin", "Chỉ tiêu", "Nhiệm vụ", "Hội nghị"]);
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
