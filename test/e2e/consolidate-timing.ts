// One consolidation of picked files in the built page, timed inside the page: from the click on
// "Tổng hợp" to the result in the DOM, with every main-thread long task (≥ 50 ms, PerformanceObserver
// 'longtask') in between. Used by the browser test (which prints the figures) and by `npm run bench`
// (which judges them); nothing here asserts a time.

import type { Page } from "playwright-core";

export interface PickedXlsx {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ConsolidationTiming {
  /** Click on "Tổng hợp" → result section in the DOM, ms. */
  readonly ms: number;
  /** Durations of the main-thread long tasks from the click until the result had painted, ms. */
  readonly longTasks: readonly number[];
  /** The "Được tiếp nhận" tile's count. */
  readonly accepted: number;
  /** Each progress text the bar showed during the run, in order (aria-valuetext, a change each). */
  readonly progress: readonly string[];
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Picks `files` on the Tổng hợp tab (already open, nothing picked yet), consolidates, and times it. */
export async function timeConsolidation(
  page: Page,
  files: readonly PickedXlsx[],
): Promise<ConsolidationTiming> {
  // After an earlier result the inputs are folded under one line: open them.
  const folded = page.getByTestId("inputs");
  if ((await folded.count()) > 0 && (await folded.getAttribute("open")) === null)
    await folded.locator(":scope > summary").click();
  await page
    .getByTestId("report-files")
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: XLSX_MIME, buffer: Buffer.from(f.bytes) })));
  await page
    .getByTestId("files-chosen")
    .filter({ hasText: `Đã chọn ${files.length} tệp.` })
    .waitFor();
  await page.evaluate(() => {
    const w = window as unknown as {
      __kl226Timing: {
        t0: number;
        t1: number;
        longTasks: { start: number; duration: number }[];
        progress: string[];
      };
    };
    const state = {
      t0: 0,
      t1: 0,
      longTasks: [] as { start: number; duration: number }[],
      progress: [] as string[],
    };
    w.__kl226Timing = state;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
    const button = document.querySelector('[data-testid="consolidate"]');
    button?.addEventListener("click", () => void (state.t0 = performance.now()), {
      capture: true,
      once: true,
    });
    new MutationObserver((_, observer) => {
      const text = document.querySelector('[data-testid="progress"]')?.getAttribute("aria-valuetext");
      if (text && text !== state.progress[state.progress.length - 1]) state.progress.push(text);
      if (document.querySelector('[data-testid="consolidation-result"]')) {
        state.t1 = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["aria-valuetext"],
    });
  });
  await page.getByTestId("consolidate").click();
  await page.getByTestId("consolidation-result").waitFor({ timeout: 120_000 });
  // Let the result paint and any task it queued end, so a long one is reported too.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
  const timing = await page.evaluate(() => {
    const { t0, t1, longTasks, progress } = (
      window as unknown as {
        __kl226Timing: {
          t0: number;
          t1: number;
          longTasks: { start: number; duration: number }[];
          progress: string[];
        };
      }
    ).__kl226Timing;
    return {
      ms: t1 - t0,
      longTasks: longTasks.filter((t) => t.start + t.duration >= t0).map((t) => t.duration),
      progress,
    };
  });
  const accepted = Number(await page.getByTestId("count-accepted").getAttribute("data-count"));
  return { ...timing, accepted };
}

/** "1.23 s, longest main-thread task 38 ms (0 over 50 ms)" */
export function timingLine(t: ConsolidationTiming): string {
  const longest =
    t.longTasks.length === 0
      ? "none over 50 ms"
      : `${t.longTasks.length} over 50 ms, longest ${Math.max(...t.longTasks).toFixed(0)} ms`;
  return `${(t.ms / 1000).toFixed(2)} s click → result; main-thread long tasks: ${longest}`;
}
