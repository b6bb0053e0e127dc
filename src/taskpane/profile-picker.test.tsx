/** @jest-environment jsdom */
// The profile picker of each tab and where the choice is remembered: the options (Tự động and the
// shipped profiles by name), the choice stored and restored across sessions (memory, localStorage,
// OfficeRuntime.storage), and the choice reaching what the tab does (Excel validate, the template).

import "./testing-jsdom";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { inspectBytes } from "../app/inspect";
import { finding } from "../core/findings";
import { cchcUnit, reportBytes } from "../../test/helpers/report-builder";
import { DEFAULT_PROFILE, type Profile } from "../core/profile";
import { SHIPPED_PROFILE_NAMES, shippedProfile } from "../core/profiles";
import type { ValidationResult } from "../core/unit-report";
import { validateWorkbook } from "../core/validate";
import { cellText } from "../core/values";
import { readXlsx } from "../xlsx/read";
import type { ExcelActions } from "./actions";
import { App } from "./App";
import { templateFileName } from "./components/TemplatePanel";
import { readWith } from "./profile-choice";
import {
  chooseStore,
  localStore,
  memoryStore,
  officeStore,
  SETTING_KEYS,
  type SettingsStore,
} from "./settings";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

async function mount(ui: React.ReactElement): Promise<void> {
  if (root) await act(async () => root!.unmount());
  document.body.innerHTML = "";
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root!.render(ui));
  // Let the stored choice (read asynchronously) arrive.
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
}

const RESULT: ValidationResult = {
  valid: false,
  form: "KL226-BC/1",
  findings: [finding("BAD_VALUE", "error", "Chỉ tiêu", "E5", "Số liệu là số âm (-5).")],
  unit: "SO_TEST",
  unitName: "Sở Thử",
  period: "6T",
  year: 2026,
  reportDate: null,
  report: null,
};

function fakeExcel() {
  const validatedWith: Array<Profile | undefined> = [];
  const inserted: string[] = [];
  const excel: ExcelActions = {
    validateOpenWorkbook: async (profile) => (validatedWith.push(profile), RESULT),
    selectCell: async () => undefined,
    markErrors: async () => 0,
    clearMarks: async () => 0,
    insertTemplate: async (base64) => (inserted.push(base64), ["Thông tin"]),
    openWorkbook: async () => undefined,
    writeSummary: async () => ({ sheets: [], syncs: 2 }),
  };
  return { excel, validatedWith, inserted };
}

const standalone = (store: SettingsStore) => <App env={{ host: "standalone", excel: null }} store={store} />;

test("each tab has a picker: Tự động and the shipped profiles by their short names, whole in a 320 px pane (the template: the built-in default first), the full name under it", async () => {
  await mount(standalone(memoryStore()));
  for (const id of ["validate-profile", "consolidate-profile"]) {
    const select = byTestId<HTMLSelectElement>(id);
    const options = [...select.options];
    expect(options.map((o) => o.value)).toEqual(["auto", ...SHIPPED_PROFILE_NAMES]);
    expect(options[0]!.textContent).toBe("Tự động (theo mẫu trong tệp)");
    // The plans' names run to 150 characters and a 320 px picker showed the first 35 of them.
    expect(options.map((o) => o.textContent)).toEqual([
      "Tự động (theo mẫu trong tệp)",
      "Sở KH&CN Đồng Nai – KL226",
      "Sở Y tế Đồng Tháp – KL226",
      "Sở ATTP TP.HCM – KL226",
      "Sở ATTP TP.HCM – CCHC 2025",
      "UBND tỉnh Thanh Hóa – KL226",
    ]);
    expect(select.value).toBe("auto");
    // Which profile a file naming none is read by (a deployment's own default, here the built-in one).
    expect(byTestId(`${id}-hint`).textContent).toContain(
      "tệp mẫu KL226-BC/1 không ghi hồ sơ thì theo hồ sơ mặc định “Mặc định (chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa)”",
    );
  }
  // Without a deployment default the template is the built-in default's, as `kl226 template` writes
  // it without --profile (it was thanh-hoa-226's, which has no digital-skills rows).
  const template = byTestId<HTMLSelectElement>("template-profile");
  expect([...template.options].map((o) => o.value)).toEqual(["auto", ...SHIPPED_PROFILE_NAMES]);
  expect(template.options[0]!.textContent).toBe("Mặc định – Thanh Hóa");
  expect(template.value).toBe("auto");
  expect(byTestId("template-profile-hint").textContent).toBe(
    "Mặc định (chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa) · biểu mẫu KL226-BC/1",
  );
  await choose(template, "hcm-attp-cchc-2025");
  expect(byTestId("template-profile-hint").textContent).toBe(
    "Kế hoạch thực hiện công tác cải cách hành chính năm 2025 của Sở An toàn thực phẩm Thành phố Hồ Chí Minh · biểu mẫu CCHC-BC/2025",
  );
});

test("a choice is stored per tab and restored in the next session", async () => {
  const store = memoryStore();
  await mount(standalone(store));
  await choose(byTestId("validate-profile"), "dong-thap-syt-226");
  await choose(byTestId("template-profile"), "hcm-attp-cchc-2025");
  await choose(byTestId("template-type"), "UBND_XA");
  expect(Object.fromEntries(store.values)).toEqual({
    [SETTING_KEYS.validateProfile]: "dong-thap-syt-226",
    [SETTING_KEYS.templateProfile]: "hcm-attp-cchc-2025",
    [SETTING_KEYS.templateUnitType]: "UBND_XA",
  });
  // A new session with the same store: the choices are back, the untouched tab keeps its default.
  await mount(standalone(store));
  expect(byTestId<HTMLSelectElement>("validate-profile").value).toBe("dong-thap-syt-226");
  expect(byTestId<HTMLSelectElement>("template-profile").value).toBe("hcm-attp-cchc-2025");
  expect(byTestId<HTMLSelectElement>("template-type").value).toBe("UBND_XA");
  expect(byTestId<HTMLSelectElement>("consolidate-profile").value).toBe("auto");
  expect(byTestId("template-summary").textContent).toContain("Quý I");
});

test("a stored value no longer offered is ignored; the template's built-in default is kept", async () => {
  const store = memoryStore({
    [SETTING_KEYS.validateProfile]: "tinh-da-bo",
    [SETTING_KEYS.templateProfile]: "tinh-da-bo",
  });
  await mount(standalone(store));
  expect(byTestId<HTMLSelectElement>("validate-profile").value).toBe("auto");
  expect(byTestId<HTMLSelectElement>("template-profile").value).toBe("auto");
  await choose(byTestId("template-profile"), "thanh-hoa-226");
  await choose(byTestId("template-profile"), "auto");
  expect(store.values.get(SETTING_KEYS.templateProfile)).toBe("auto");
  await mount(standalone(store));
  expect(byTestId<HTMLSelectElement>("template-profile").value).toBe("auto");
});

test("the template without a choice is the one `kl226 template` writes without --profile: the digital-skills rows and 12 tasks", async () => {
  const { excel, inserted } = fakeExcel();
  await mount(<App env={{ host: "excel", excel }} store={memoryStore()} />);
  expect(byTestId("template-summary").textContent).toBe(
    "Mẫu liệt kê 12 nhiệm vụ áp dụng. Kỳ báo cáo: “6 tháng” (hạn 06/6) hoặc “Năm” (hạn 06/12).",
  );
  await click(byTestId("insert-template"));
  const read = readXlsx(Uint8Array.from(atob(inserted[0]!), (ch) => ch.charCodeAt(0)));
  if (!read.ok) throw new Error(read.reason);
  const codes = read.workbook.sheets
    .find((s) => s.name === "Chỉ tiêu")!
    .rows.map((row) => cellText(row?.[0]));
  expect(codes).toContain("CC_TONG");
  expect(codes).toContain("CC_KY_NANG_SO");
  // Thanh Hóa's plan, chosen, has neither (its plan sets no digital-skills target).
  await choose(byTestId("template-profile"), "thanh-hoa-226");
  await click(byTestId("insert-template"));
  const thanhHoa = readXlsx(Uint8Array.from(atob(inserted[1]!), (ch) => ch.charCodeAt(0)));
  if (!thanhHoa.ok) throw new Error(thanhHoa.reason);
  const its = thanhHoa.workbook.sheets
    .find((s) => s.name === "Chỉ tiêu")!
    .rows.map((row) => cellText(row?.[0]));
  expect(its).not.toContain("CC_KY_NANG_SO");
});

test("localStorage remembers between page loads; a storage that throws behaves as empty", async () => {
  window.localStorage.clear();
  await mount(standalone(localStore(window.localStorage)));
  await choose(byTestId("consolidate-profile"), "hcm-attp-cchc-2025");
  expect(window.localStorage.getItem(SETTING_KEYS.consolidateProfile)).toBe("hcm-attp-cchc-2025");
  await mount(standalone(chooseStore(false)));
  expect(byTestId<HTMLSelectElement>("consolidate-profile").value).toBe("hcm-attp-cchc-2025");

  const broken = localStore({
    getItem: () => {
      throw new Error("SecurityError");
    },
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  });
  await mount(standalone(broken));
  expect(byTestId<HTMLSelectElement>("consolidate-profile").value).toBe("auto");
  await choose(byTestId("consolidate-profile"), "thanh-hoa-226");
  expect(byTestId<HTMLSelectElement>("consolidate-profile").value).toBe("thanh-hoa-226");
});

test("inside Office the choice goes to OfficeRuntime.storage when it exists, else localStorage", async () => {
  const items = new Map<string, string>();
  const storage = {
    getItem: async (k: string) => items.get(k) ?? null,
    setItem: async (k: string, v: string) => void items.set(k, v),
  };
  const scope = {
    OfficeRuntime: { storage },
    localStorage: window.localStorage,
  } as unknown as typeof globalThis;
  expect(chooseStore(true, scope).kind).toBe("office");
  expect(chooseStore(false, scope).kind).toBe("local");
  expect(chooseStore(true, { localStorage: window.localStorage } as unknown as typeof globalThis).kind).toBe(
    "local",
  );
  expect(chooseStore(true, {} as typeof globalThis).kind).toBe("memory");

  const { excel } = fakeExcel();
  await mount(<App env={{ host: "excel", excel }} store={officeStore(storage)} />);
  await choose(byTestId("validate-profile"), "dong-nai-skhcn-226");
  expect(items.get(SETTING_KEYS.validateProfile)).toBe("dong-nai-skhcn-226");
});

test("Excel validation takes the chosen profile per call (none for Tự động) and says which form and profile judged", async () => {
  const { excel, validatedWith } = fakeExcel();
  await mount(<App env={{ host: "excel", excel }} store={memoryStore()} />);
  await click(byTestId("validate-open"));
  expect(validatedWith).toEqual([undefined]);
  expect(byTestId("validate-profile-used").textContent).toBe(
    "Biểu mẫu KL226-BC/1 — hồ sơ Mặc định (chỉ tiêu chung; cơ quan và nhiệm vụ của tỉnh Thanh Hóa) (chọn tự động)",
  );
  await choose(byTestId("validate-profile"), "dong-thap-syt-226");
  // Changing the profile leaves the verdict, said to be the last check's, until it is checked again.
  expect(byTestId("verdict-stale").textContent).toBe(
    "Đã đổi hồ sơ: kết quả dưới đây là của lần kiểm tra trước. Kiểm tra lại để có kết quả theo hồ sơ mới.",
  );
  await click(byTestId("validate-open"));
  expect(validatedWith[1]?.name).toBe(shippedProfile("dong-thap-syt-226")!.name);
  expect(byTestId("validate-profile-used").textContent).toBe(
    `Biểu mẫu KL226-BC/1 — hồ sơ ${shippedProfile("dong-thap-syt-226")!.name}`,
  );
  expect(byTestId("validate-verdict").textContent).toContain("✗ Không hợp lệ — chưa gửi được");
  expect(byTestId("validate-verdict").textContent).toContain("Cần sửa 1 lỗi dưới đây rồi kiểm tra lại.");
  expect(document.querySelector('[data-testid="verdict-stale"]')).toBeNull();
});

test("the template follows the chosen profile and unit type: its marker, Loại đơn vị and deadlines", async () => {
  const { excel, inserted } = fakeExcel();
  await mount(<App env={{ host: "excel", excel }} store={memoryStore()} />);
  await choose(byTestId("template-profile"), "hcm-attp-cchc-2025");
  await choose(byTestId("template-type"), "UBND_XA");
  await click(byTestId("insert-template"));
  const bytes = Uint8Array.from(atob(inserted[0]!), (ch) => ch.charCodeAt(0));
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.reason);
  const info = read.workbook.sheets.find((s) => s.name === "Thông tin")!;
  const cells = info.rows.flatMap((row) => (row ?? []).map((c) => cellText(c)));
  expect(cells[0]).toMatch(/^CCHC-BC\/2025/);
  expect(cells).toContain("UBND xã, phường");
  expect(byTestId("template-summary").textContent).toMatch(/Quý I” \(hạn 15\/3\)/);
  expect(read.workbook.sheets.map((s) => s.name)).not.toContain("Hội nghị");
  // Downloaded, its name says the form and the unit type whose tasks it lists.
  expect(templateFileName("CCHC-BC/2025", "UBND_XA")).toBe("CCHC-BC-2025-UBND_XA.xlsx");
  expect(templateFileName("KL226-BC/1")).toBe("KL226-BC-1.xlsx");
});

test("Kiểm tra of a valid report lists the targets it misses, not as errors, as the consolidation will flag them", async () => {
  // 30 of 90 meetings online: 33,3%, 24 short of 60%.
  const short = inspectBytes(
    reportBytes({ unit: "XA_A", name: "Xã A", type: "UBND_XA", counts: { HN_TRUC_TUYEN: [50, 30] } }),
    DEFAULT_PROFILE,
  );
  const { excel } = fakeExcel();
  await mount(
    <App
      env={{ host: "excel", excel: { ...excel, validateOpenWorkbook: async () => short } }}
      store={memoryStore()}
    />,
  );
  await click(byTestId("validate-open"));
  expect(byTestId("validate-verdict").textContent).toContain("✓ Hợp lệ");
  expect(byTestId("validate-shortfalls").textContent).toBe(
    "1 chỉ tiêu chưa đạt mục tiêu (không phải lỗi: tệp vẫn gửi được; khi tổng hợp, đơn vị sẽ được đề nghị giải trình):" +
      "Tỷ lệ hội nghị trực tuyến: 33,3% (mục tiêu từ 60% trở lên); cần thêm 24 cuộc họp trực tuyến để đạt mục tiêu",
  );
});

test("in Excel, which reads no defined names, a plan's report on Tự động is checked by the plan its rows show, and said so", async () => {
  const plan = shippedProfile("hcm-attp-cchc-2025")!;
  const read = readXlsx(reportBytes(cchcUnit("P_A"), [], plan));
  if (!read.ok) throw new Error(read.reason);
  const { excel } = fakeExcel();
  // As excel/run.ts reads the open workbook: its sheets only (read-workbook.ts gives no defined names).
  const open = { ...read.workbook, definedNames: {} };
  const actions: ExcelActions = {
    ...excel,
    validateOpenWorkbook: async (profile) => {
      const how = readWith(profile);
      return validateWorkbook(open, how.profile, { forms: how.forms, fileProfile: how.forms === "follow" });
    },
  };
  await mount(<App env={{ host: "excel", excel: actions }} store={memoryStore()} />);
  await click(byTestId("validate-open"));
  // Before: the form's default, and "Không thấy 8 nhiệm vụ của mẫu … Hãy chép lại các dòng này từ mẫu".
  expect(byTestId("validate-profile-used").textContent).toBe(
    `Biểu mẫu CCHC-BC/2025 — hồ sơ ${plan.name} (chọn tự động, nhận ra từ các nhiệm vụ và chỉ tiêu trong tệp vì tệp không ghi tên hồ sơ)`,
  );
  expect(document.body.textContent).not.toContain("Không thấy 8 nhiệm vụ");
  expect(byTestId("validate-verdict").textContent).toContain("Hợp lệ");
});
