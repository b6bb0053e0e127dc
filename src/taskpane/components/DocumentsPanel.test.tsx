/** @jest-environment jsdom */
// The documents after a consolidation: the letters (all in one .docx) and the report download as
// Word files dated today in Việt Nam; the Word writer is loaded on demand; in Excel the pane says why
// the documents download rather than open.

import "../testing-jsdom";
import { act } from "react";
import { createRoot } from "react-dom/client";
import {
  fixtureConsolidation,
  fixtureSubmissions,
  profile,
  roster,
} from "../../../test/helpers/documents-fixture";
import { docxParagraphs, docxText } from "../../../test/helpers/docx-text";
import { STRINGS } from "../i18n";
import { consolidate } from "../../core/consolidate";
import { unzipSync } from "fflate";
import { FormMemory } from "./common";
import { DocumentsPanel, type DocumentsTyped } from "./DocumentsPanel";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const t = STRINGS.vi;
const c = fixtureConsolidation();
// 12/06/2026 09:00 in Hà Nội.
const now = () => Date.UTC(2026, 5, 12, 2, 0);

const downloads: Array<{ name: string; blob: Blob }> = [];
let lastBlob: Blob | null = null;
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => {
    lastBlob = blob;
    return "blob:kl226";
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (lastBlob) downloads.push({ name: this.download, blob: lastBlob });
  };
});

async function render(props: Partial<Parameters<typeof DocumentsPanel>[0]> = {}): Promise<void> {
  document.body.innerHTML = "";
  downloads.length = 0;
  const container = document.createElement("div");
  document.body.appendChild(container);
  await act(async () =>
    createRoot(container).render(
      <DocumentsPanel
        strings={t}
        profile={profile}
        consolidation={c}
        roster={roster}
        inExcel={false}
        now={now}
        {...props}
      />,
    ),
  );
}

const byTestId = (id: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no ${id}`);
  return el;
};

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

async function click(id: string): Promise<void> {
  await act(async () => byTestId(id).click());
  // The docx module loads and packs asynchronously.
  for (
    let i = 0;
    i < 50 &&
    !/Đã tải|Không có/.test(document.querySelector('[data-testid="documents-notice"]')?.textContent ?? "");
    i++
  ) {
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  }
}

test("says the documents' date and reply date, and in Excel why they download", async () => {
  await render({ inExcel: true });
  expect(byTestId("documents").textContent).toContain(t.documentsIntro("12/06/2026", "19/06/2026"));
  expect(byTestId("documents").textContent).toContain(t.documentsExcelNote);
  await render();
  expect(byTestId("documents").textContent).not.toContain(t.documentsExcelNote);
});

test("a profile that names no signer is told, in the page's words, that the name line is left for the signer's hand or to type in Word", async () => {
  await render();
  // No profile key: nothing on the page edits a profile.
  expect(byTestId("documents-no-signer").textContent).toBe(
    "Lưu ý: hồ sơ đang dùng chưa có họ tên người ký, nên trong thư nhắc và báo cáo tải về, dòng họ tên dưới chức vụ người ký (GIÁM ĐỐC) để trống (dòng dấu chấm “……”) cho người ký ghi tay; muốn in sẵn họ tên, mở tệp đã tải bằng Word, gõ họ tên vào dòng đó rồi in trình ký.",
  );
  await render({
    profile: { ...profile, organisation: { ...profile.organisation, signerName: "Lê Văn Hùng" } },
  });
  expect(document.querySelector('[data-testid="documents-no-signer"]')).toBeNull();
});

test("the letters button downloads one .docx with every unit's letter, each with its own heading", async () => {
  await render();
  await click("download-letters");
  expect(downloads.map((d) => d.name)).toEqual(["thu-nhac-KL226-6T-2026.docx"]);
  expect(downloads[0]!.blob.type).toBe(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
  const paragraphs = docxParagraphs(await bytesOf(downloads[0]!.blob));
  expect(paragraphs.filter((p) => p.startsWith("Kính gửi:"))).toHaveLength(9);
  expect(paragraphs.filter((p) => p === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toHaveLength(9);
  expect(paragraphs.join("\n")).toContain("trước ngày 19/06/2026");
  expect(byTestId("documents-notice").textContent).toBe(
    t.lettersDownloaded("thu-nhac-KL226-6T-2026.docx", 9),
  );
});

test("the .zip button downloads each unit's own letter (MÃ.docx, for e-mail) and all in one, as --letters writes them", async () => {
  await render();
  await click("download-letters-zip");
  expect(downloads.map((d) => d.name)).toEqual(["thu-nhac-tung-don-vi-KL226-6T-2026.zip"]);
  const files = unzipSync(await bytesOf(downloads[0]!.blob));
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(10);
  expect(names).toContain("tat-ca-thu-nhac.docx");
  expect(names).toContain("SO_VANG.docx");
  // Each unit's file holds its own letter only.
  const own = docxParagraphs(files["SO_VANG.docx"]!);
  expect(own.filter((p) => p.startsWith("Kính gửi:"))).toEqual(["Kính gửi: Sở Vắng Mặt"]);
  expect(
    docxParagraphs(files["tat-ca-thu-nhac.docx"]!).filter((p) => p.startsWith("Kính gửi:")),
  ).toHaveLength(9);
  expect(byTestId("documents-notice").textContent).toBe(
    t.lettersZipDownloaded("thu-nhac-tung-don-vi-KL226-6T-2026.zip", 9),
  );
  // The intro names no command a page user does not have.
  expect(byTestId("documents").textContent).not.toMatch(/kl226|--letters/);
});

test("the report button downloads the report with its sections", async () => {
  await render();
  await click("download-report");
  expect(downloads.map((d) => d.name)).toEqual(["bao-cao-KL226-6T-2026.docx"]);
  const text = docxText(await bytesOf(downloads[0]!.blob));
  expect(text).toContain("Thanh Hóa, ngày 12 tháng 6 năm 2026");
  expect(text).toContain("I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO");
  expect(text).toContain("VI. ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ");
  expect(text).toContain("Sở Vắng Mặt");
});

test("a profile that carries its roster, none picked: the report counts by that roster, as the command's does", async () => {
  // consolidate() takes the profile's roster then (c.rosterGiven); the report's counts by type must too.
  const withRoster = { ...profile, roster };
  const rolled = consolidate(fixtureSubmissions(), {
    profile: withRoster,
    period: { kind: "6T", year: 2026 },
  });
  await render({ profile: withRoster, consolidation: rolled, roster: undefined });
  await click("download-report");
  const paragraphs = docxParagraphs(await bytesOf(downloads[0]!.blob));
  // I's table by type, cell by cell: "Phải báo cáo" and the returned unit's type are the roster's (the
  // report without it had neither: no column "Phải báo cáo", Sở Lỗi's return in no type's row).
  const row = (type: string): string[] =>
    paragraphs.slice(paragraphs.indexOf(type), paragraphs.indexOf(type) + 7);
  expect(paragraphs).toContain("Phải báo cáo");
  expect(row("Sở, ban, ngành")).toEqual(["Sở, ban, ngành", "7", "5", "4", "1", "1", "1"]);
  expect(row("Tổng cộng")).toEqual(["Tổng cộng", "13", "9", "8", "1", "2", "2"]);
});

test("the sending body on its own roster: its own letter left out, and the notice says why and what it has to follow up", async () => {
  // The fixture's late unit plays the sender: "Sở Trễ" under the heading SỞ TRỄ.
  const sender = {
    ...profile,
    organisation: { ...profile.organisation, sender: "Sở Trễ tỉnh Thanh Hóa", senderHeading: "SỞ TRỄ" },
  };
  await render({ profile: sender });
  await click("download-letters");
  const paragraphs = docxParagraphs(await bytesOf(downloads[0]!.blob));
  expect(paragraphs.filter((p) => p.startsWith("Kính gửi:"))).toHaveLength(8);
  expect(paragraphs).not.toContain("Kính gửi: Sở Trễ");
  expect(byTestId("documents-notice").textContent).toBe(
    `${t.lettersDownloaded("thu-nhac-KL226-6T-2026.docx", 8)} Không lập thư cho Sở Trễ (SO_TRE) vì đó là cơ quan gửi thư; việc cần tự theo dõi (cũng ở bảng tổng hợp): Trễ hạn: báo cáo đề ngày 10/06/2026 (hạn 06/06/2026).`,
  );
});

test("no letter to send: says so and downloads nothing", async () => {
  const none = consolidate([], { profile, period: { kind: "6T", year: 2026 } });
  await render({ consolidation: none });
  await click("download-letters");
  expect(downloads).toEqual([]);
  expect(byTestId("documents-notice").textContent).toBe(t.noLetters);
});

/** Types into a React-controlled input the way a browser does (native setter, then the event). */
async function typeInto(el: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

test("a signing date typed is kept when the panel is made again for a new run's result (it went back to today)", async () => {
  const typed = new FormMemory<DocumentsTyped>();
  await render({ typed });
  await typeInto(byTestId("documents-date") as HTMLInputElement, "10/07/2026");
  // The next "Tổng hợp" makes the documents part anew, with the panel's memory of what was typed.
  await render({ typed });
  expect((byTestId("documents-date") as HTMLInputElement).value).toBe("10/07/2026");
  expect(byTestId("documents").textContent).toContain(t.documentsIntro("10/07/2026", "17/07/2026"));
  // A panel of its own starts from today.
  await render();
  expect((byTestId("documents-date") as HTMLInputElement).value).toBe("12/06/2026");
});

test("the documents can be dated another day, as --letter-date does; a date that does not exist is refused", async () => {
  await render();
  const field = byTestId("documents-date") as HTMLInputElement;
  expect(field.value).toBe("12/06/2026");
  await typeInto(field, "10/06/2026");
  expect(byTestId("documents").textContent).toContain(t.documentsIntro("10/06/2026", "17/06/2026"));
  await click("download-report");
  expect(docxText(await bytesOf(downloads[0]!.blob))).toContain("Thanh Hóa, ngày 10 tháng 6 năm 2026");
  downloads.length = 0;
  expect(byTestId("documents-notice").textContent).toBe(t.downloaded("bao-cao-KL226-6T-2026.docx"));
  await typeInto(field, "31/02/2026");
  expect(byTestId("documents").textContent).toContain(t.documentsDateInvalid);
  // "Đã tải …" was said of the documents of the date before: gone once the date changes.
  expect(document.querySelector('[data-testid="documents-notice"]')).toBeNull();
  // The buttons stay disabled a moment after a download (clicks queued meanwhile meet them so), but
  // keep the keyboard's focus (aria-disabled, not disabled).
  expect(byTestId("download-letters").getAttribute("aria-disabled")).toBe("true");
  await act(async () => new Promise((r) => setTimeout(r, 500)));
  // Waited for as a download is (the module loads, then a paint and a timer) before looking.
  await click("download-letters");
  expect(downloads).toEqual([]);
  expect(document.querySelector('[data-testid="documents-notice"]')).toBeNull();
  // Said once, under the field (its error is announced there), and the focus goes to the field.
  expect(byTestId("documents").textContent?.split(t.documentsDateInvalid)).toHaveLength(2);
  expect(document.activeElement).toBe(field);
});

test("a date on a weekend, or long after the round's deadline, is pointed out under the field (as the CLI does); the date is still taken", async () => {
  // Saturday 13/06/2026 in Hà Nội.
  await render({ now: () => Date.UTC(2026, 5, 13, 2, 0) });
  const field = byTestId("documents-date") as HTMLInputElement;
  expect(byTestId("documents").textContent).toContain(
    "Ngày 13/06/2026 là thứ Bảy: nếu văn bản cần đề ngày làm việc, nhập ngày khác.",
  );
  await typeInto(field, "15/06/2026");
  expect(byTestId("documents").textContent).not.toContain("là thứ Bảy");
  expect(byTestId("documents").textContent).not.toContain("ngày sau hạn nộp");
  expect(byTestId("documents").textContent).not.toContain("trước ngày của báo cáo");
  // Before Sở Trễ's report of 10/06/2026, the latest received: a letter would answer what was not yet sent.
  await typeInto(field, "08/06/2026");
  expect(byTestId("documents").textContent).toContain(
    "Ngày 08/06/2026 trước ngày của báo cáo đã nhận mới nhất (10/06/2026): kiểm tra lại ngày văn bản.",
  );
  // Monday 07/12/2026: the round of 6 tháng đầu năm 2026 closed on 06/06/2026, 184 days before.
  await typeInto(field, "07/12/2026");
  expect(byTestId("documents").textContent).toContain(
    "Ngày 07/12/2026 là 184 ngày sau hạn nộp báo cáo của kỳ (06/06/2026): nếu đang tổng hợp lại một kỳ đã qua, nhập ngày của đợt đó.",
  );
  // Both at once, in one sentence.
  await typeInto(field, "05/12/2026");
  expect(byTestId("documents").textContent).toContain(
    "Ngày 05/12/2026 là thứ Bảy, 182 ngày sau hạn nộp báo cáo của kỳ (06/06/2026): nếu đang tổng hợp lại một kỳ đã qua, nhập ngày của đợt đó, một ngày làm việc.",
  );
  await typeInto(field, "07/12/2026");
  await click("download-report");
  expect(docxText(await bytesOf(downloads[0]!.blob))).toContain("Thanh Hóa, ngày 07 tháng 12 năm 2026");
});
