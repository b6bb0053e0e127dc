// Follow-up letters: one plain Vietnamese notice per unit that is short on a target, late, missing
// from the roster or rejected, saying what is wrong, by how much, what to send and by when.

import { baseName, compareText, periodLabel, type Consolidation, type Shortfall } from "./consolidate";
import { dateFromUtcMs, dayNumber, viDate, type CivilDate } from "./dates";
import type { Indicator } from "./form";
import { gapSentence, indicatorValueText, targetText } from "./indicator-text";
import type { Profile } from "./profile";
import type { CellSpec, CellStyle, SheetSpec, WorkbookSpec } from "./sheetspec";
import { periodDeadlineText } from "./template";

export type LetterReason = "short" | "late" | "missing" | "rejected";

export interface Letter {
  readonly unit: string;
  readonly name: string;
  readonly reasons: readonly LetterReason[];
  readonly text: string;
}

export const LETTER_SHEET = "Thư nhắc";
export const REASON_LABELS: Readonly<Record<LetterReason, string>> = {
  short: "Chưa đạt chỉ tiêu",
  late: "Nộp trễ hạn",
  missing: "Chưa nộp báo cáo",
  rejected: "Báo cáo bị từ chối",
};
const REASON_ORDER: readonly LetterReason[] = ["missing", "rejected", "short", "late"];
/** Errors quoted per rejected file; the rest are counted. */
const ERRORS_SHOWN = 10;
/** Days given to reply after the newest report date (a proposal the clerk may edit). */
export const REPLY_DAYS = 7;

/** The reply date proposed in every letter: REPLY_DAYS after the newest accepted report date. */
export function replyDate(c: Consolidation): CivilDate | null {
  if (c.units.length === 0) return null;
  const newest = Math.max(...c.units.map((u) => dayNumber(u.reportDate)));
  return dateFromUtcMs((newest + REPLY_DAYS) * 86_400_000);
}

function valueText(ind: Indicator, s: Shortfall): string {
  return s.value === null ? "không tính được" : indicatorValueText(ind, s.value, "short");
}

interface Draft {
  name: string;
  readonly reasons: Set<LetterReason>;
  readonly paragraphs: Map<LetterReason, string[]>;
}

export function followUpLetters(c: Consolidation, profile: Profile): Letter[] {
  const drafts = new Map<string, Draft>();
  const draft = (unit: string, name: string): Draft => {
    let d = drafts.get(unit);
    if (!d) drafts.set(unit, (d = { name, reasons: new Set(), paragraphs: new Map() }));
    return d;
  };
  const add = (d: Draft, reason: LetterReason, lines: string[]): void => {
    d.reasons.add(reason);
    d.paragraphs.set(reason, [...(d.paragraphs.get(reason) ?? []), ...lines]);
  };
  const period = c.period ? `kỳ ${periodLabel(c.period)}` : "kỳ này";

  const accepted = new Set(c.units.map((u) => u.code));
  for (const r of c.rejected) {
    // A file with no readable unit code cannot be addressed; a unit with an accepted report is not
    // asked again for a superseded or other-period file.
    if (r.unit === null || accepted.has(r.unit)) continue;
    const errors = r.findings.filter((f) => f.severity === "error");
    const lines = errors.slice(0, ERRORS_SHOWN).map((f) => `   - ${f.sheet && f.cell ? `${f.sheet}!${f.cell}: ` : f.sheet ? `${f.sheet}: ` : ""}${f.message}`);
    if (errors.length > ERRORS_SHOWN) lines.push(`   - … và ${errors.length - ERRORS_SHOWN} lỗi khác.`);
    add(draft(r.unit, r.unitName ?? r.unit), "rejected", [
      `Tệp báo cáo “${baseName(r.file)}” của đơn vị không được tổng hợp vì có ${errors.length} lỗi:`,
      ...lines,
      "Đề nghị đơn vị sửa các lỗi trên (trong mẫu KL226-BC/1) và gửi lại tệp .xlsx.",
    ]);
  }
  // A roster unit whose only files were rejected gets the rejection (what to fix), not "missing" too.
  for (const u of c.missing) {
    if (drafts.has(u.code)) continue;
    add(draft(u.code, u.name), "missing", [`Đến nay chưa nhận được báo cáo ${period} của đơn vị. Đề nghị đơn vị lập báo cáo theo mẫu KL226-BC/1 và gửi về Sở Nội vụ.`]);
  }
  for (const s of c.shortfalls) {
    const ind = c.form.indicators.find((i) => i.id === s.indicator);
    if (!ind) continue;
    add(draft(s.unit, s.unitName), "short", [`   - ${ind.label}: đạt ${valueText(ind, s)}, mục tiêu ${targetText(ind)}. ${gapSentence(ind, s.gap)}.`]);
  }
  for (const u of c.units) {
    if (!u.late) continue;
    add(draft(u.code, u.name), "late", [
      `Báo cáo của đơn vị đề ngày ${viDate(u.reportDate)}, sau hạn nộp${c.deadline ? ` ${viDate(c.deadline)}` : ""}. Đề nghị đơn vị bảo đảm thời hạn báo cáo ở các kỳ sau (kỳ báo cáo và hạn nộp: ${periodDeadlineText(profile.form)}).`,
    ]);
  }

  const reply = replyDate(c);
  const by = reply ? `trước ngày ${viDate(reply)}` : "trong thời hạn Sở Nội vụ thông báo";
  return [...drafts.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([unit, d]) => {
      const reasons = REASON_ORDER.filter((r) => d.reasons.has(r));
      const sections = reasons.map((r, i) => {
        const body = d.paragraphs.get(r) ?? [];
        const heading = `${i + 1}. ${REASON_LABELS[r]}`;
        if (r === "short") {
          return [`${heading}:`, ...body, "   Đề nghị đơn vị gửi văn bản giải trình nguyên nhân chưa đạt và giải pháp khắc phục, kèm số liệu cập nhật (nếu có)."].join("\n");
        }
        return [`${heading}:`, ...body.map((line) => (line.startsWith("   ") ? line : `   ${line}`))].join("\n");
      });
      const toSend = reasons.filter((r) => r !== "late").map((r) => SEND[r]);
      const closing =
        toSend.length > 0
          ? `Đề nghị đơn vị gửi ${toSend.join("; ")} về Sở Nội vụ ${by}.`
          : "Đề nghị đơn vị lưu ý thực hiện đúng thời hạn báo cáo.";
      const text = [
        `Kính gửi: ${d.name} (mã đơn vị ${unit})`,
        "",
        `Sở Nội vụ đã tổng hợp báo cáo kết quả thực hiện Kết luận số 226-KL/TW ${period}. Đối với đơn vị, có các nội dung cần lưu ý sau:`,
        "",
        sections.join("\n\n"),
        "",
        closing,
        "Trân trọng./.",
      ].join("\n");
      return { unit, name: d.name, reasons, text };
    });
}

const SEND: Readonly<Record<Exclude<LetterReason, "late">, string>> = {
  missing: "báo cáo theo mẫu KL226-BC/1",
  rejected: "tệp báo cáo đã sửa lỗi",
  short: "văn bản giải trình các chỉ tiêu chưa đạt",
};

const HEAD: CellStyle = { bold: true, fill: "D9E2F3", border: true, wrap: true, vAlign: "center" };
const WRAP: CellStyle = { wrap: true, vAlign: "top", border: true };

/** The workbook with a `Thư nhắc` sheet (one row per letter, full text wrapped), replacing any earlier one. */
export function withLetterSheet(spec: WorkbookSpec, letters: readonly Letter[]): WorkbookSpec {
  const rows: Array<Array<CellSpec | null>> = [
    [{ value: "THƯ NHẮC CÁC ĐƠN VỊ", style: { bold: true, size: 13, color: "1F3864" } }],
    [{ value: letters.length === 0 ? "Không có đơn vị nào cần nhắc." : `${letters.length} đơn vị cần nhắc. Nội dung thư có thể chép vào văn bản gửi đơn vị.`, style: { italic: true } }],
    [],
    ["Mã đơn vị", "Tên đơn vị", "Lý do", "Nội dung thư"].map((h) => ({ value: h, style: HEAD })),
    ...letters.map((l) => [
      { value: l.unit, style: WRAP },
      { value: l.name, style: WRAP },
      { value: l.reasons.map((r) => REASON_LABELS[r]).join("; "), style: WRAP },
      { value: l.text, style: WRAP },
    ]),
  ];
  const sheet: SheetSpec = {
    name: LETTER_SHEET,
    rows,
    columnWidths: [18, 30, 22, 110],
    freeze: { rows: 4, cols: 0 },
    autoFilter: letters.length > 0 ? `A4:D${4 + letters.length}` : undefined,
    print: { landscape: true, fitToWidth: true },
  };
  return { ...spec, sheets: [...spec.sheets.filter((s) => s.name !== LETTER_SHEET), sheet] };
}
