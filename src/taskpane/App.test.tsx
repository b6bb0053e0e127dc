/** @jest-environment jsdom */
// The UI with fake Office actions (STYLE §1: components get Office actions as props): validate the
// open workbook, point at a finding's cell, mark errors, switch the language.

import "./testing-jsdom";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { finding } from "../core/findings";
import { inspectBytes } from "../app/inspect";
import { DEFAULT_PROFILE } from "../core/profile";
import { templateWorkbook } from "../core/template";
import type { ValidationResult } from "../core/unit-report";
import { writeXlsx } from "../xlsx/write";
import type { ExcelActions } from "./actions";
import { App } from "./App";
import { memoryStore } from "./settings";
import { reportBytes } from "../../test/helpers/report-builder";

const RESULT: ValidationResult = {
  valid: false,
  form: "KL226-BC/1",
  findings: [
    finding(
      "BAD_VALUE",
      "error",
      "Chỉ tiêu",
      "E5",
      "Số liệu là số âm (-5). Nhập số nguyên không âm, ví dụ 34.",
    ),
    finding("COERCED", "warning", "Chỉ tiêu", "E9", "Số liệu được nhập dạng chữ."),
    finding("MISSING_VALUE", "error", "Thông tin", "C7", "Chưa điền Tên đơn vị."),
  ],
  unit: "SO_TEST",
  unitName: "<img src=x onerror=alert(1)>",
  period: "6T",
  year: 2026,
  reportDate: null,
  report: null,
};

// A few plain helpers over react-dom and act (no testing library: @testing-library/react would also need @testing-library/dom).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function render(ui: React.ReactElement): Promise<HTMLElement> {
  document.body.innerHTML = "";
  const container = document.createElement("div");
  document.body.appendChild(container);
  await act(async () => createRoot(container).render(ui));
  return container;
}

const byTestId = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};

/** An element of `role` whose accessible name (aria-label or text) matches. */
function byRole(role: "button" | "tab" | "alert" | "heading", name?: string | RegExp): HTMLElement | null {
  const selector = { button: "button", tab: '[role="tab"]', alert: '[role="alert"]', heading: "h3" }[role];
  const all = [...document.querySelectorAll<HTMLElement>(selector)];
  return (
    all.find((el) => {
      if (name === undefined) return true;
      const label = el.getAttribute("aria-label") ?? el.textContent ?? "";
      return typeof name === "string" ? label === name : name.test(label);
    }) ?? null
  );
}

function must(el: HTMLElement | null): HTMLElement {
  if (!el) throw new Error("element not found");
  return el;
}

async function click(el: HTMLElement | null): Promise<void> {
  await act(async () => must(el).click());
}

function fakeExcel() {
  const calls: string[] = [];
  const excel: ExcelActions = {
    validateOpenWorkbook: async () => RESULT,
    selectCell: async (sheet, cell) => void calls.push(`select ${sheet}!${cell}`),
    markErrors: async (f) => (calls.push(`mark ${f.length}`), 2),
    clearMarks: async () => (calls.push("clear"), 2),
    insertTemplate: async () => ["Thông tin"],
    openWorkbook: async () => undefined,
    writeSummary: async () => ({ sheets: [], syncs: 2 }),
  };
  return { excel, calls };
}

test("validate in Excel: grouped findings with counts; a click selects the cell; marks go through the actions", async () => {
  const { excel, calls } = fakeExcel();
  const container = await render(<App env={{ host: "excel", excel }} store={memoryStore()} />);
  expect(byTestId("host-mode").textContent).toBe("Đang chạy trong Excel");
  await click(byRole("button", "Kiểm tra sổ tính"));
  expect(byTestId("validate-counts").textContent).toBe("2 lỗi, 1 cảnh báo");
  // The verdict in words comes first.
  expect(byTestId("validate-verdict").textContent).toContain("Không hợp lệ — chưa gửi được");
  expect(must(byRole("heading", /^Chỉ tiêu/)).textContent).toContain("1 lỗi");
  // The finding's code after its message, said to be a code (for looking it up).
  expect(document.querySelector('[data-finding-code="COERCED"]')?.textContent).toBe(
    "Cảnh báo Số liệu được nhập dạng chữ.Mã: COERCED · trang “Chỉ tiêu”, ô E9",
  );
  // Unit-supplied text is text, never markup.
  expect(container.querySelector("img")).toBeNull();
  expect(byTestId("validate-result").textContent).toContain("<img src=x onerror=alert(1)>");

  await click(byRole("button", /tại trang “Chỉ tiêu”, ô E5:/));
  expect(calls).toContain("select Chỉ tiêu!E5");
  expect(byTestId("selected-cell").textContent).toBe("Vị trí: trang “Chỉ tiêu”, ô E5");
  await click(byRole("button", "Đánh dấu các ô lỗi"));
  expect(calls).toContain("mark 3");
  expect(byTestId("validate-notice").textContent).toContain("Đã tô màu và ghi chú 2 ô lỗi.");
  await click(byRole("button", "Xóa đánh dấu"));
  expect(calls).toContain("clear");
});

test("validate a template left unfilled: said so first, its blank cells in two lines, yet every cell is marked", async () => {
  const { excel, calls } = fakeExcel();
  const template = templateWorkbook(DEFAULT_PROFILE, {
    unit: "SO_NOI_VU",
    name: "Sở Nội vụ",
    type: "SO_NGANH",
  });
  const blank = inspectBytes(writeXlsx(template), DEFAULT_PROFILE);
  await render(
    <App
      env={{ host: "excel", excel: { ...excel, validateOpenWorkbook: async () => blank } }}
      store={memoryStore()}
    />,
  );
  await click(byRole("button", "Kiểm tra sổ tính"));
  expect(byTestId("validate-blank").textContent).toBe(
    "Tệp chưa có số liệu nào: các ô số liệu ở trang “Chỉ tiêu” và cột Tình trạng ở trang “Nhiệm vụ” đều còn trống. Nếu số liệu đã điền ở một tệp khác, hãy dùng tệp đó; nếu chưa, điền theo các lỗi dưới đây.",
  );
  const items = [...document.querySelectorAll("[data-finding-code]")].map((li) => li.textContent ?? "");
  expect(items.filter((t) => t.includes("chưa chọn Tình trạng"))).toEqual([
    expect.stringContaining("12 nhiệm vụ (dòng 5–16) chưa chọn Tình trạng."),
  ]);
  expect(items.filter((t) => t.includes("ô số liệu bắt buộc còn trống"))).toHaveLength(1);
  // The sheets' badges count the cells, as the verdict does, not the grouped lines.
  expect(must(byRole("heading", /^Chỉ tiêu/)).textContent).toContain("10 lỗi");
  expect(must(byRole("heading", /^Nhiệm vụ/)).textContent).toContain("12 lỗi");
  await click(byRole("button", "Đánh dấu các ô lỗi"));
  // Marks are per cell: every blank figure, every status and what Thông tin lacks.
  expect(calls).toContain(`mark ${blank.findings.length}`);
  expect(blank.findings.length).toBeGreaterThan(20);
});

test("a workbook with the unit's name but no valid code names the unit and says what is wrong with its code", async () => {
  const { excel } = fakeExcel();
  const shown = async (unit: string): Promise<string> => {
    const result = inspectBytes(reportBytes({ unit, name: "UBND xã Quảng Phú" }), DEFAULT_PROFILE);
    await render(
      <App
        env={{ host: "excel", excel: { ...excel, validateOpenWorkbook: async () => result } }}
        store={memoryStore()}
      />,
    );
    await click(byRole("button", "Kiểm tra sổ tính"));
    return byTestId("validate-unit").textContent ?? "";
  };
  expect(await shown("")).toBe("Đơn vị: UBND xã Quảng Phú – chưa điền mã đơn vị (xem lỗi bên dưới)");
  expect(await shown("xã quảng phú")).toBe(
    "Đơn vị: UBND xã Quảng Phú – mã đơn vị “xã quảng phú” không hợp lệ (xem lỗi bên dưới)",
  );
  expect(await shown("XA_QUANG_PHU")).toBe("Đơn vị: XA_QUANG_PHU – UBND xã Quảng Phú");
});

test("a place and a unit line read one way on the page: “trang “Chỉ tiêu”, ô E9” under a finding as after clicking it, one dash “–” after the unit's code (it read Chỉ tiêu!E9, and “—” when the name was missing)", async () => {
  const { excel, calls } = fakeExcel();
  await render(<App env={{ host: "excel", excel }} store={memoryStore()} />);
  await click(byRole("button", "Kiểm tra sổ tính"));
  const under = document.querySelector('[data-finding-code="COERCED"]')?.textContent ?? "";
  expect(under).toMatch(/ · trang “Chỉ tiêu”, ô E9$/);
  await click(byRole("button", /tại trang “Chỉ tiêu”, ô E9:/));
  expect(calls).toContain("select Chỉ tiêu!E9");
  expect(byTestId("selected-cell").textContent).toBe("Vị trí: trang “Chỉ tiêu”, ô E9");
  expect(document.body.textContent).not.toMatch(/Chỉ tiêu!/);
  const result = inspectBytes(reportBytes({ unit: "SO_A", name: "" }), DEFAULT_PROFILE);
  await render(
    <App
      env={{ host: "excel", excel: { ...excel, validateOpenWorkbook: async () => result } }}
      store={memoryStore()}
    />,
  );
  await click(byRole("button", "Kiểm tra sổ tính"));
  expect(byTestId("validate-unit").textContent).not.toContain("—");
  expect(byTestId("validate-unit").textContent).toMatch(/^Đơn vị: SO_A – /);
  // The name without its code: the same dash (it read "UBND xã Quảng Phú — chưa điền mã đơn vị").
  const noCode = inspectBytes(reportBytes({ unit: "", name: "UBND xã Quảng Phú" }), DEFAULT_PROFILE);
  await render(
    <App
      env={{ host: "excel", excel: { ...excel, validateOpenWorkbook: async () => noCode } }}
      store={memoryStore()}
    />,
  );
  await click(byRole("button", "Kiểm tra sổ tính"));
  expect(byTestId("validate-unit").textContent).toBe(
    "Đơn vị: UBND xã Quảng Phú – chưa điền mã đơn vị (xem lỗi bên dưới)",
  );
});

test("a workbook with the unit's code but no name says the name is missing, with no dash before nothing", async () => {
  const { excel } = fakeExcel();
  const result = inspectBytes(reportBytes({ unit: "SO_A", name: "" }), DEFAULT_PROFILE);
  await render(
    <App
      env={{ host: "excel", excel: { ...excel, validateOpenWorkbook: async () => result } }}
      store={memoryStore()}
    />,
  );
  await click(byRole("button", "Kiểm tra sổ tính"));
  // It read "Đơn vị: SO_A – ".
  expect(byTestId("validate-unit").textContent).toBe(
    "Đơn vị: SO_A – chưa điền tên đơn vị (xem lỗi bên dưới)",
  );
  // The error it points at is listed below.
  expect(document.body.textContent).toContain("Chưa điền Tên đơn vị. Nhập tên đầy đủ của đơn vị vào cột C.");
});

test("an Excel error is shown in Vietnamese", async () => {
  const { excel } = fakeExcel();
  const failing: ExcelActions = {
    ...excel,
    validateOpenWorkbook: async () => Promise.reject(new Error("InvalidReference")),
  };
  await render(<App env={{ host: "excel", excel: failing }} store={memoryStore()} />);
  await click(byRole("button", "Kiểm tra sổ tính"));
  expect(must(byRole("alert")).textContent).toBe("Excel báo lỗi: InvalidReference");
});

test("standalone shows file pickers and the English locale switches the labels", async () => {
  await render(<App env={{ host: "standalone", excel: null }} store={memoryStore()} />);
  expect(byRole("button", "Kiểm tra sổ tính")).toBeNull();
  expect(byTestId("validate-file").getAttribute("type")).toBe("file");
  const select = byTestId("language") as HTMLSelectElement;
  await act(async () => {
    select.value = "en";
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
  expect(byRole("tab", /^Validate/)).not.toBeNull();
  expect(byRole("tab", /^Consolidate/)).not.toBeNull();
  expect(byTestId("host-mode").textContent).toBe("Standalone mode (no Excel): working on files");
});
