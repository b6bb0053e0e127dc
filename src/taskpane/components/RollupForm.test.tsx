/** @jest-environment jsdom */
// The roll-up form after a consolidation: typed fields checked like the CLI options (errors under
// each field), and a valid KL226-BC/1 of the consolidating unit handed to Excel as a new workbook.

import "../testing-jsdom";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { reportBytes } from "../../../test/helpers/report-builder";
import { inspectBytes } from "../../app/inspect";
import { consolidate } from "../../core/consolidate";
import type { Consolidation } from "../../core/consolidation";
import { DEFAULT_PROFILE } from "../../core/profile";
import type { ExcelActions } from "../actions";
import { STRINGS } from "../i18n";
import { FormMemory } from "./common";
import { type RollupTyped, RollupForm } from "./RollupForm";
import * as write from "../../xlsx/write";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const profile = DEFAULT_PROFILE;
const t = STRINGS.vi;

function consolidation(): Consolidation {
  const units = [
    { unit: "PHONG_A", name: "Phòng A", counts: { HN_TONG: [100, 90] as const } },
    { unit: "PHONG_B", name: "Phòng B", counts: { HN_TONG: [200, 120] as const } },
  ];
  return consolidate(
    units.map((u) => ({
      file: `${u.unit}.xlsx`,
      sha256: u.unit,
      result: inspectBytes(reportBytes({ ...u, type: "PHONG_THUOC_SO" }), profile),
    })),
    { profile },
  );
}

async function render(
  c: Consolidation,
  excel: ExcelActions | null,
  typed?: FormMemory<RollupTyped>,
): Promise<void> {
  document.body.innerHTML = "";
  const container = document.createElement("div");
  document.body.appendChild(container);
  await act(async () =>
    createRoot(container).render(
      <RollupForm
        strings={t}
        profile={profile}
        excel={excel}
        consolidation={c}
        {...(typed ? { typed } : {})}
      />,
    ),
  );
}

const byTestId = <T extends HTMLElement>(id: string): T => {
  const el = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};

/** Types into a React-controlled input or select the way a browser does (native setter, then the event). */
async function typeInto(el: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  });
}

function excelDouble() {
  const opened: string[] = [];
  const excel = {
    openWorkbook: async (base64: string) => void opened.push(base64),
  } as unknown as ExcelActions;
  return { excel, opened };
}

test("says why there is no roll-up when no period could be determined", async () => {
  await render(consolidate([], { profile }), null);
  expect(byTestId("rollup").textContent).toContain(t.rollupNoPeriod);
  expect(document.querySelector('[data-testid="rollup-download"]')).toBeNull();
});

test("offers no roll-up of zeros when no report was accepted", async () => {
  const { excel, opened } = excelDouble();
  const rejected = inspectBytes(
    reportBytes({
      unit: "PHONG_A",
      name: "Phòng A",
      type: "PHONG_THUOC_SO",
      counts: { HN_TONG: [100, -90] },
    }),
    profile,
  );
  const c = consolidate([{ file: "PHONG_A.xlsx", sha256: "a", result: rejected }], {
    profile,
    period: { kind: "NAM", year: 2026 },
  });
  expect(c.units).toEqual([]);
  await render(c, excel);
  expect(byTestId("rollup").textContent).toContain(
    "Không có báo cáo nào được chấp nhận, nên báo cáo gửi cấp trên sẽ toàn số 0 và chưa được lập",
  );
  expect(document.querySelector('[data-testid="rollup-code"]')).toBeNull();
  expect(document.querySelector('[data-testid="rollup-open"]')).toBeNull();
  expect(opened).toEqual([]);
});

test("the code, name and kind typed are kept when the form is made again for a new run's result", async () => {
  const typed = new FormMemory<RollupTyped>();
  await render(consolidation(), null, typed);
  await typeInto(byTestId("rollup-code"), "UBND_TINH");
  await typeInto(byTestId("rollup-name"), "UBND tỉnh Thanh Hóa");
  await typeInto(byTestId("rollup-type"), "UBND_XA");
  await render(consolidation(), null, typed);
  expect(byTestId<HTMLInputElement>("rollup-code").value).toBe("UBND_TINH");
  expect(byTestId<HTMLInputElement>("rollup-name").value).toBe("UBND tỉnh Thanh Hóa");
  expect(byTestId<HTMLSelectElement>("rollup-type").value).toBe("UBND_XA");
});

// The command says it after --as-unit with --letters or --report; the page said nothing, so a Đội's
// analyst printed letters headed by the Sở and signed GIÁM ĐỐC without a word.
test("a unit typed that is not the profile's organisation is told that the documents above name the organisation as issuer", async () => {
  await render(consolidation(), null);
  await typeInto(byTestId("rollup-name"), "Đội Quản lý thị trường số 1");
  expect(byTestId("rollup").textContent).toContain(
    "Nếu thư nhắc và báo cáo kết quả ở phần “Văn bản gửi đi” là văn bản của Đội Quản lý thị trường số 1: các văn bản đó ghi cơ quan ban hành theo hồ sơ (“Sở Nội vụ tỉnh Thanh Hóa”, người ký GIÁM ĐỐC), không phải Đội Quản lý thị trường số 1; sửa phần đầu văn bản, người ký và nơi nhận trước khi trình ký",
  );
  // The name as the clerk meant it: spaces typed round it are not quoted.
  await typeInto(byTestId("rollup-name"), "  Đội Quản lý thị trường số 2 ");
  expect(byTestId("rollup").textContent).toContain(
    "là văn bản của Đội Quản lý thị trường số 2: các văn bản đó ghi cơ quan ban hành theo hồ sơ (“Sở Nội vụ tỉnh Thanh Hóa”, người ký GIÁM ĐỐC), không phải Đội Quản lý thị trường số 2; sửa",
  );
  // The organisation itself (any case, or without its province), or nothing typed yet: no such note.
  for (const name of ["SỞ NỘI VỤ TỈNH THANH HÓA", "Sở Nội vụ", ""]) {
    await typeInto(byTestId("rollup-name"), name);
    expect(byTestId("rollup").textContent).not.toContain("ghi cơ quan ban hành theo hồ sơ");
  }
});

test("a code typed in words is told what is wrong with it and which code its words make", async () => {
  const { excel } = excelDouble();
  const refusal = async (typed: string): Promise<string> => {
    await render(consolidation(), excel);
    await typeInto(byTestId("rollup-code"), typed);
    await typeInto(byTestId("rollup-name"), "Sở Nội vụ");
    await act(async () => byTestId("rollup-open").click());
    return document.querySelector('[role="alert"]')?.textContent ?? "";
  };
  expect(await refusal("so nội vụ")).toBe(
    "mã “so nội vụ” có chữ có dấu (ộ, ụ) và dấu cách; mã đơn vị viết liền, chữ in hoa không dấu, các từ nối bằng “_”: gõ SO_NOI_VU",
  );
  expect(await refusal("so noi vu")).toBe(
    "mã “so noi vu” có dấu cách; mã đơn vị viết liền, chữ in hoa không dấu, các từ nối bằng “_”: gõ SO_NOI_VU",
  );
  // No code its words make: what a code is made of.
  expect(await refusal("SỞ/NỘI/VỤ")).toBe(
    "mã “SỞ/NỘI/VỤ” có chữ có dấu (Ở, Ộ, Ụ) và ký tự “/”; mã đơn vị gồm 2–32 ký tự A–Z, 0–9, _ . - (ví dụ SO_Y_TE)",
  );
  expect(await refusal("S")).toBe(
    "mã “S” chỉ có 1 ký tự; mã đơn vị gồm 2–32 ký tự A–Z, 0–9, _ . - (ví dụ SO_Y_TE)",
  );
  // Lower case alone is no fault: taken as SO_NOI_VU.
  expect(await refusal("so_noi_vu")).toBe("");
});

test("a bad code or an empty name is shown under its field and nothing is opened", async () => {
  const { excel, opened } = excelDouble();
  await render(consolidation(), excel);
  await typeInto(byTestId("rollup-code"), "Sở Y tế");
  await act(async () => byTestId("rollup-open").click());
  expect(opened).toEqual([]);
  expect(byTestId("rollup").textContent).toContain(
    "mã “Sở Y tế” có chữ có dấu (ở, ế) và dấu cách; mã đơn vị viết liền, chữ in hoa không dấu, các từ nối bằng “_”: gõ SO_Y_TE",
  );
  expect(byTestId("rollup").textContent).toContain("cần tên đơn vị, ví dụ Sở Y tế");
  // The first refused field takes the focus (the button it was on does nothing more).
  expect(document.activeElement).toBe(byTestId("rollup-code"));
  await typeInto(byTestId("rollup-code"), "SO_Y_TE");
  await act(async () => byTestId("rollup-open").click());
  expect(document.activeElement).toBe(byTestId("rollup-name"));
});

test("opens a valid KL226-BC/1 of the consolidating unit with the sums, in a new workbook", async () => {
  const { excel, opened } = excelDouble();
  await render(consolidation(), excel);
  await typeInto(byTestId("rollup-code"), " so_y_te ");
  await typeInto(byTestId("rollup-name"), "Sở Y tế");
  await typeInto(byTestId("rollup-type"), "SO_NGANH");
  await act(async () => byTestId("rollup-open").click());
  expect(opened).toHaveLength(1);
  const result = inspectBytes(new Uint8Array(Buffer.from(opened[0]!, "base64")), profile);
  expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(result.report?.unit).toMatchObject({ code: "SO_Y_TE", name: "Sở Y tế", typeId: "SO_NGANH" });
  expect(result.report?.values.HN_TONG).toEqual({ previous: 300, current: 210 });
  expect(byTestId("rollup-notice").textContent).toBe(t.rollupOpened("SO_Y_TE"));
});

test("refuses, under the code, a roll-up under the code of a unit whose own report is among those consolidated", async () => {
  const { excel, opened } = excelDouble();
  const own = {
    file: "SO_Y_TE (ban truoc).xlsx",
    sha256: "own",
    result: inspectBytes(reportBytes({ unit: "SO_Y_TE", name: "Sở Y tế", type: "SO_NGANH" }), profile),
  };
  const c = consolidate(
    [
      own,
      ...["PHONG_A", "PHONG_B"].map((u) => ({
        file: `${u}.xlsx`,
        sha256: u,
        result: inspectBytes(reportBytes({ unit: u, name: u }), profile),
      })),
    ],
    { profile },
  );
  await render(c, excel);
  await typeInto(byTestId("rollup-code"), "SO_Y_TE");
  await typeInto(byTestId("rollup-name"), "Sở Y tế");
  await act(async () => byTestId("rollup-open").click());
  expect(opened).toEqual([]);
  // An ordinary report of that unit (not an earlier roll-up): kept, and another code asked for.
  expect(byTestId("rollup").textContent).toContain(
    "Mã SO_Y_TE của báo cáo gửi cấp trên cũng là mã của SO_Y_TE (ban truoc).xlsx trong số được tổng hợp (báo cáo riêng của đơn vị đó, được cộng như mọi đơn vị), nên báo cáo gửi cấp trên chưa được lập. Nếu đây là báo cáo của cả cấp tổng hợp (ví dụ Sở Nội vụ tổng hợp toàn tỉnh), hãy dùng mã của cấp đó, như UBND_TINH. Nếu đây là báo cáo của chính SO_Y_TE gửi lên (một Sở tổng hợp các đơn vị trực thuộc) và tệp kia là số liệu riêng của cơ quan SO_Y_TE, hãy đổi Mã đơn vị ở trang “Thông tin” của tệp kia thành một mã riêng, ví dụ VP_SO_Y_TE, rồi tổng hợp lại.",
  );
});

test("a roll-up that cannot be written is said under the buttons, not lost in the click (1,000 units' note stopped the writer and the page said nothing)", async () => {
  await render(consolidation(), null);
  const writer = jest.spyOn(write, "writeXlsx").mockImplementationOnce(() => {
    throw new Error("xlsx writer: invalid row height 615");
  });
  await typeInto(byTestId("rollup-code"), "SO_Y_TE");
  await typeInto(byTestId("rollup-name"), "Sở Y tế");
  await act(async () => byTestId("rollup-download").click());
  expect(writer).toHaveBeenCalledTimes(1);
  expect(byTestId("rollup-notice").textContent).toBe(
    "Lỗi nội bộ của KL226, chưa lập được báo cáo gửi cấp trên (xlsx writer: invalid row height 615). Hãy báo lỗi cho bộ phận công nghệ thông tin, kèm các tệp đã chọn.",
  );
  writer.mockRestore();
});
