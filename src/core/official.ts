// The frame of an official administrative document as Nghị định 30/2020/NĐ-CP lays it out
// (Phụ lục I): the heading with the issuing body and the Quốc hiệu/Tiêu ngữ, "Số: …/…", place and
// date, "V/v …" (or the document type and title), "Kính gửi", the body, "Nơi nhận" and the
// signature, on A4 with the decree's margins in Times New Roman. Content comes from the caller.

import type { CivilDate } from "./dates";
import type { Block, DocumentSpec, ParagraphSpec, Run, SectionSpec } from "./docspec";

/** The issuing body as the profile describes it. */
export interface Organisation {
  /** The body above the sender ("UBND TỈNH THANH HÓA"), written above it in upright capitals. */
  readonly superior?: string;
  /** The sender ("SỞ NỘI VỤ"), in bold capitals. */
  readonly sender: string;
  /** The sender's abbreviation in document codes ("SNV"). */
  readonly abbreviation: string;
  /** Place name in the date line ("Thanh Hóa"). */
  readonly place: string;
  /** Signer's authority and title, one line each: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  readonly signerTitle: string;
  readonly signerName?: string;
}

export interface OfficialDocument {
  readonly organisation: Organisation;
  /** The number; blank leaves room for the clerk to write it in ("Số:      /SNV-VP"). */
  readonly number?: number | string;
  /** The code after the slash ("SNV-CCHC", "BC-SNV"); default the sender's abbreviation. */
  readonly code?: string;
  readonly date: CivilDate;
  /**
   * A letter (công văn) has its subject as "V/v …" under the number; any other type of document
   * ("BÁO CÁO") has its type and its title centred in bold under the heading.
   */
  readonly kind:
    | { readonly letter: true; readonly subject: string }
    | { readonly letter: false; readonly type: string; readonly title: string };
  /** "Kính gửi": one recipient on the same line, several as a list. */
  readonly recipients?: readonly string[];
  readonly body: readonly Block[];
  /** "Nơi nhận" lines without their dash or final punctuation ("Như trên", "Lưu: VT, CCHC"). */
  readonly copies: readonly string[];
}

export const OFFICIAL_FONT = { name: "Times New Roman", size: 14 } as const;

/** ND30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const OFFICIAL_PAGE: SectionSpec["page"] = {
  margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
};

/** Width of the text between the margins of A4 portrait. */
const TEXT_WIDTH = 210 - 30 - 15;
/** Heading columns: the issuing body on the left, the Quốc hiệu (12 pt bold fits in one line) on the right. */
const HEADING_COLUMNS = [62, TEXT_WIDTH - 62];
const SIGNATURE_COLUMNS = [80, TEXT_WIDTH - 80];
/** Left and right padding Word and LibreOffice give a table cell by default (0.19 cm each). */
const CELL_PADDING = 3.8;

const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/**
 * The signer's name line when the profile gives none (HCM's plans name no signer): a dotted line to
 * write or type the name on. Left empty, the block printed as finished without the name ND30 puts
 * under the signature, and a draft went up for signing so. Bold, as the name typed over it will be.
 */
export const NAME_TO_FILL = "…".repeat(10);
const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Rough printed width in mm of Times New Roman text (average glyph ≈ 0.5 em, capitals ≈ 0.68 em). */
function textWidthMm(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text)
    em += ch === " " ? 0.25 : ch === ch.toUpperCase() && ch !== ch.toLowerCase() ? 0.68 : 0.47;
  return em * sizePt * (bold ? 1.04 : 1) * (25.4 / 72);
}

/** Word pairs of body and place names a heading's line break must not part. */
const UNBREAKABLE = new Set([
  "THÀNH PHỐ",
  "ỦY BAN",
  "NHÂN DÂN",
  "HỒ CHÍ",
  "CHÍ MINH",
  "KHOA HỌC",
  "CÔNG NGHỆ",
  "AN TOÀN",
  "THỰC PHẨM",
  "NỘI VỤ",
  "Y TẾ",
]);

/**
 * An upper-case body name as the heading's runs: one line when it fits `widthMm`, else two lines
 * broken at the space that balances them ("UBND THÀNH PHỐ" / "HỒ CHÍ MINH"), as such headings are
 * set by hand. Left to the word processor, the last word alone went to the second line ("MINH").
 */
export function nameLines(text: string, widthMm: number, sizePt: number, bold: boolean): Run[] {
  const line = (t: string, breakBefore: boolean): Run => ({
    text: t,
    size: sizePt,
    ...(bold ? { bold } : {}),
    ...(breakBefore ? { breakBefore } : {}),
  });
  if (textWidthMm(text, sizePt, bold) <= widthMm) return [line(text, false)];
  const words = text.split(" ");
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  // Not inside a two-word noun ("UBND THÀNH" / "PHỐ ĐỒNG NAI" read as a broken word), unless no other place.
  const splits = [...words.keys()].slice(1);
  const whole = splits.filter((i) => !UNBREAKABLE.has(`${words[i - 1]} ${words[i]}`));
  for (const i of whole.length > 0 ? whole : splits) {
    const a = words.slice(0, i).join(" ");
    const b = words.slice(i).join(" ");
    const width = Math.max(textWidthMm(a, sizePt, bold), textWidthMm(b, sizePt, bold));
    if (width < bestWidth) [best, bestWidth] = [[a, b], width];
  }
  return best === null ? [line(text, false)] : [line(best[0], false), line(best[1], true)];
}

function p(runs: Run[], options: Omit<ParagraphSpec, "kind" | "runs"> = {}): ParagraphSpec {
  return { kind: "paragraph", runs, ...options };
}

/** A centred horizontal line of `width` mm in a cell of `cellWidth` mm (an empty paragraph with a top border). */
function rule(width: number, cellWidth: number, after = 0): ParagraphSpec {
  const side = Math.max(0, (cellWidth - CELL_PADDING - width) / 2);
  // A little space above, so that the line sits under the text rather than underlining it.
  return p([], {
    indent: { left: side, right: side },
    spacing: { before: 3, exactLine: 2, after },
    border: { top: true },
  });
}

/** "ngày 05 tháng 6 năm 2026": ND30 writes a 0 before days under 10 and months 1 and 2. */
export function officialDateText(date: CivilDate): string {
  const day = String(date.day).padStart(2, "0");
  const month = date.month <= 2 ? String(date.month).padStart(2, "0") : String(date.month);
  return `ngày ${day} tháng ${month} năm ${date.year}`;
}

/** "Số: 05/SNV-CCHC", or with blanks for the clerk when there is no number yet. */
export function numberLine(number: number | string | undefined, code: string): string {
  const n =
    number === undefined || number === ""
      ? "\u00A0".repeat(6)
      : typeof number === "number" && number < 10
        ? `0${number}`
        : String(number);
  return `Số: ${n}/${code}`;
}

/** A body paragraph as ND30 sets it: justified, first line indented 1,27 cm, 6 pt between paragraphs. */
export function bodyParagraph(
  content: string | readonly Run[],
  options: { readonly indent?: boolean } = {},
): ParagraphSpec {
  const runs = typeof content === "string" ? [{ text: content }] : [...content];
  return p(runs, {
    align: "justify",
    indent: options.indent === false ? undefined : { firstLine: 12.7 },
    spacing: { after: 6, line: 1.1 },
  });
}

/**
 * "Thực hiện Kết luận số 226-KL/TW…", but "Căn cứ Kế hoạch thực hiện công tác…": a subject that
 * already says "thực hiện" would read "Thực hiện Kế hoạch thực hiện".
 */
export function pursuant(subject: string): string {
  return `${/thực hiện/i.test(subject) ? "Căn cứ" : "Thực hiện"} ${subject}`;
}

/** A heading inside the body ("I. TÌNH HÌNH …"): bold, kept with what follows. */
export function bodyHeading(text: string): ParagraphSpec {
  return p([{ text, bold: true }], {
    align: "justify",
    indent: { firstLine: 12.7 },
    spacing: { before: 6, after: 6 },
    keepWithNext: true,
  });
}

/**
 * The heading's columns: 62 mm for the issuing body, the rest for the Quốc hiệu; a place-and-date line
 * too long for the right ("Thành phố Hồ Chí Minh, ngày 14 tháng 12 năm 2026" broke before "năm 2026";
 * ND30 sets it on one line) takes what the body's own lines leave of the left.
 */
function headingColumns(org: Organisation, dateLine: string): [number, number] {
  const [left = 0, right = 0] = HEADING_COLUMNS;
  // The estimate runs ≈ 5 % short of Times New Roman's italic here, ≈ 3 % of its bold capitals (measured
  // in LibreOffice's PDF: 102 mm against 96.6 for HCM's date line, 53.7 against 52.3 for its Sở).
  const need = textWidthMm(dateLine, 13, false) * 1.06 + CELL_PADDING;
  if (need <= right) return [left, right];
  const widest = (name: string, bold: boolean): number =>
    Math.max(
      ...nameLines(name.toUpperCase(), left - CELL_PADDING, 12, bold).map(
        (r) => textWidthMm("text" in r ? r.text : "", 12, bold) * 1.03,
      ),
    );
  const body =
    Math.max(org.superior ? widest(org.superior, false) : 0, widest(org.sender, true)) + CELL_PADDING + 0.3;
  const shift = Math.min(need - right, left - body);
  return shift > 0 ? [left - shift, right + shift] : [left, right];
}

function heading(doc: OfficialDocument): Block {
  const org = doc.organisation;
  const dateLine = `${org.place}, ${officialDateText(doc.date)}`;
  const columns = headingColumns(org, dateLine);
  const [left, right] = columns;
  const senderWidth = textWidthMm(org.sender.toUpperCase(), 12, true);
  const leftTop: Block[] = [
    ...(org.superior
      ? [p(nameLines(org.superior.toUpperCase(), left - CELL_PADDING, 12, false), { align: "center" })]
      : []),
    p(nameLines(org.sender.toUpperCase(), left - CELL_PADDING, 12, true), { align: "center" }),
    // ND30: a line a third to a half of the name's length under the issuing body (no floor: under
    // "SỞ NỘI VỤ", 21 mm, a 15 mm floor drew 70 % of it, and a văn thư sends that back).
    rule(Math.min(senderWidth * 0.4, left * 0.5), left),
  ];
  const rightTop: Block[] = [
    p([{ text: NATIONAL_NAME, size: 12, bold: true }], { align: "center" }),
    p([{ text: MOTTO, size: 13, bold: true }], { align: "center" }),
    // ND30: a line as long as the Tiêu ngữ under it.
    rule(textWidthMm(MOTTO, 13, true), right),
  ];
  const leftBottom: Block[] = [
    p([{ text: numberLine(doc.number, doc.code ?? org.abbreviation), size: 13 }], {
      align: "center",
      spacing: { before: 6 },
    }),
    ...(doc.kind.letter
      ? // ND30: 6 pt between the number and the trích yếu.
        [p([{ text: `V/v ${doc.kind.subject}`, size: 12 }], { align: "center", spacing: { before: 6 } })]
      : []),
  ];
  const rightBottom: Block[] = [
    p([{ text: dateLine, size: 13, italic: true }], {
      align: "center",
      spacing: { before: 6 },
    }),
  ];
  return {
    kind: "table",
    borders: false,
    columnWidths: columns,
    rows: [
      [
        { blocks: leftTop, vAlign: "top" },
        { blocks: rightTop, vAlign: "top" },
      ],
      [
        { blocks: leftBottom, vAlign: "top" },
        { blocks: rightBottom, vAlign: "top" },
      ],
    ],
  };
}

function titleBlock(type: string, title: string): Block[] {
  const width = Math.min(textWidthMm(title, 14, true), TEXT_WIDTH) * 0.4;
  return [
    p([{ text: type.toUpperCase(), bold: true }], {
      align: "center",
      spacing: { before: 18 },
      keepWithNext: true,
    }),
    p([{ text: title, bold: true }], { align: "center", keepWithNext: true }),
    rule(Math.max(width, 20), TEXT_WIDTH + CELL_PADDING, 12),
  ];
}

function recipientsBlock(recipients: readonly string[]): Block[] {
  if (recipients.length === 0) return [];
  const [only] = recipients;
  if (recipients.length === 1 && only !== undefined) {
    return [p([{ text: `Kính gửi: ${only}` }], { align: "center", spacing: { before: 12, after: 12 } })];
  }
  return [
    p([{ text: "Kính gửi:" }], { indent: { left: 35 }, spacing: { before: 12 } }),
    ...recipients.map((r, i) =>
      p([{ text: `- ${r}${i === recipients.length - 1 ? "." : ";"}` }], {
        indent: { left: 60 },
        spacing: i === recipients.length - 1 ? { after: 12 } : {},
      }),
    ),
  ];
}

/** "- Như trên;" … "- Lưu: VT, CCHC." (ND30: a dash before each line, ";" after all but the last). */
function copyLine(text: string, last: boolean): string {
  const bare = text.replace(/^[-–\s]+/, "").replace(/[;.\s]+$/, "");
  return `- ${bare}${last ? "." : ";"}`;
}

function signatureBlock(doc: OfficialDocument): Block {
  const org = doc.organisation;
  const copies: Block[] = [
    p([{ text: "Nơi nhận:", size: 12, bold: true, italic: true }], { keepWithNext: true }),
    ...doc.copies.map((c, i) =>
      p([{ text: copyLine(c, i === doc.copies.length - 1), size: 11 }], { keepWithNext: true }),
    ),
  ];
  const titleLines = org.signerTitle
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const signer: Block[] = [
    ...titleLines.map((l) =>
      p([{ text: l.toUpperCase(), size: 14, bold: true }], { align: "center", keepWithNext: true }),
    ),
    // Room for the signature and the seal.
    p([{ text: "" }], { spacing: { exactLine: 70 }, keepWithNext: true }),
    p([{ text: org.signerName?.trim() || NAME_TO_FILL, size: 14, bold: true }], { align: "center" }),
  ];
  return {
    kind: "table",
    borders: false,
    keepRowsWhole: true,
    columnWidths: SIGNATURE_COLUMNS,
    rows: [
      [
        { blocks: copies, vAlign: "top" },
        { blocks: signer, vAlign: "top" },
      ],
    ],
  };
}

/** The page number centred at the top from page 2 on (ND30: none on page 1). */
function pageNumberHeader(): Block[] {
  return [p([{ field: "page", size: 14 }], { align: "center" })];
}

/**
 * The body with its last two paragraphs kept on the page of the signature: never a signature alone
 * on a page, nor with only the closing line ("Trân trọng./.") above it.
 */
function keepLastWithNext(body: readonly Block[]): Block[] {
  const out = [...body];
  for (let i = out.length - 1; i >= Math.max(0, out.length - 2); i--) {
    const b = out[i]!;
    if (b.kind !== "paragraph") break;
    out[i] = { ...b, keepWithNext: true };
  }
  return out;
}

/** The whole document, one section: A4, ND30 margins, Times New Roman 14 pt. */
export function officialDocument(doc: OfficialDocument): DocumentSpec {
  const title = doc.kind.letter ? `V/v ${doc.kind.subject}` : `${doc.kind.type} ${doc.kind.title}`;
  const blocks: Block[] = [
    heading(doc),
    ...(doc.kind.letter ? [] : titleBlock(doc.kind.type, doc.kind.title)),
    ...recipientsBlock(doc.recipients ?? []),
    ...(doc.kind.letter && (doc.recipients ?? []).length === 0 ? [p([], { spacing: { after: 12 } })] : []),
    ...keepLastWithNext(doc.body),
    p([], { spacing: { after: 6 }, keepWithNext: true }),
    // The last block: the .docx writer ends the section after it with a hidden paragraph that takes
    // no room, so a signature at the foot of a page is not followed by a blank page.
    signatureBlock(doc),
  ];
  return {
    title,
    creator: doc.organisation.sender,
    font: OFFICIAL_FONT,
    sections: [{ page: OFFICIAL_PAGE, blocks, header: pageNumberHeader(), firstPageHeader: [] }],
  };
}
