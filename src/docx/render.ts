// Renders a DocumentSpec (core/docspec.ts) to .docx bytes with the `docx` package; no fs, so the
// same code runs in the CLI and in the browser. Async: docx zips the parts with a promise.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  PageBreak,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  ShadingType,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { Block, DocumentSpec, ParagraphSpec, Run, SectionSpec, TableSpec } from "../core/docspec";

/** A4 in twentieths of a point (twips). */
const A4 = { width: 11906, height: 16838 } as const;
const TWIPS_PER_MM = 1440 / 25.4;

function twips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points to the half-points docx sizes fonts in. */
function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const V_ALIGN = {
  top: VerticalAlignTable.TOP,
  center: VerticalAlignTable.CENTER,
  bottom: VerticalAlignTable.BOTTOM,
} as const;

const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } as const;
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

/**
 * Spaces a printed line must not break at, made non-breaking: before "%" ("96,5 %": Word and
 * LibreOffice put "%" alone at the start of the next line, "≥ 100 / %") and after a comparison
 * sign before a number ("≥ 95"). Only the .docx gets them; the text of the document model is as typed.
 */
export function keepTogether(text: string): string {
  return text.replace(/(\d) %/g, "$1\u00a0%").replace(/([≥≤<>]) (?=\d)/g, "$1\u00a0");
}

function run(r: Run): TextRun {
  const common = {
    bold: r.bold,
    italics: r.italic,
    size: r.size === undefined ? undefined : halfPoints(r.size),
  };
  if ("field" in r) {
    return new TextRun({
      ...common,
      children: [r.field === "page" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES_IN_SECTION],
    });
  }
  return new TextRun({
    ...common,
    text: keepTogether(r.text),
    underline: r.underline === true ? {} : undefined,
    break: r.breakBefore === true ? 1 : undefined,
  });
}

function paragraph(p: ParagraphSpec): Paragraph {
  const s = p.spacing;
  const line =
    s?.exactLine !== undefined
      ? { line: Math.round(s.exactLine * 20), lineRule: LineRuleType.EXACT }
      : { line: Math.round((s?.line ?? 1) * 240), lineRule: LineRuleType.AUTO };
  return new Paragraph({
    children: p.runs.map(run),
    alignment: ALIGN[p.align ?? "left"],
    indent: p.indent && {
      left: p.indent.left === undefined ? undefined : twips(p.indent.left),
      right: p.indent.right === undefined ? undefined : twips(p.indent.right),
      firstLine: p.indent.firstLine === undefined ? undefined : twips(p.indent.firstLine),
      hanging: p.indent.hanging === undefined ? undefined : twips(p.indent.hanging),
    },
    spacing: { before: Math.round((s?.before ?? 0) * 20), after: Math.round((s?.after ?? 0) * 20), ...line },
    keepNext: p.keepWithNext,
    border: p.border && { top: p.border.top ? LINE : undefined, bottom: p.border.bottom ? LINE : undefined },
  });
}

function table(t: TableSpec): Table {
  const widths = t.columnWidths.map(twips);
  const total = widths.reduce((a, b) => a + b, 0);
  const line = t.borders ? LINE : NO_LINE;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: t.rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < (t.headerRows ?? 0),
          cantSplit: t.keepRowsWhole === true,
          children: cellsOf(cells, widths),
        }),
    ),
  });
}

function cellsOf(cells: TableSpec["rows"][number], widths: readonly number[]): TableCell[] {
  let col = 0;
  return cells.map((c) => {
    const span = c.columnSpan ?? 1;
    const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    const children = blocks(c.blocks);
    return new TableCell({
      // Word needs a paragraph in every cell, even an empty one.
      children: children.length > 0 ? children : [new Paragraph({})],
      columnSpan: span > 1 ? span : undefined,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: c.vAlign ? V_ALIGN[c.vAlign] : undefined,
      shading: c.fill ? { type: ShadingType.CLEAR, color: "auto", fill: c.fill } : undefined,
    });
  });
}

function blocks(list: readonly Block[]): (Paragraph | Table)[] {
  return list.map((b) => {
    switch (b.kind) {
      case "paragraph":
        return paragraph(b);
      case "table":
        return table(b);
      case "pageBreak":
        return new Paragraph({ children: [new PageBreak()] });
    }
  });
}

function section(s: SectionSpec): ISectionOptions {
  const m = s.page.margins;
  const landscape = s.page.orientation === "landscape";
  const hasFirst = s.firstPageHeader !== undefined || s.firstPageFooter !== undefined;
  return {
    properties: {
      // Every section (every letter of a joined file) starts on a new page, numbered from 1.
      type: SectionType.NEXT_PAGE,
      titlePage: hasFirst,
      page: {
        // docx swaps width and height itself for a landscape page: always give the portrait sizes.
        size: {
          width: A4.width,
          height: A4.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: twips(m.top),
          bottom: twips(m.bottom),
          left: twips(m.left),
          right: twips(m.right),
          header: twips(m.header ?? 10),
          footer: twips(m.footer ?? 10),
        },
        pageNumbers: { start: 1 },
      },
    },
    headers: {
      default: s.header ? new Header({ children: blocks(s.header) }) : undefined,
      first: hasFirst ? new Header({ children: blocks(s.firstPageHeader ?? []) }) : undefined,
    },
    footers: {
      default: s.footer ? new Footer({ children: blocks(s.footer) }) : undefined,
      first: hasFirst ? new Footer({ children: blocks(s.firstPageFooter ?? []) }) : undefined,
    },
    children: blocks(s.blocks),
  };
}

/** The Document object for `spec` (exposed for tests that inspect it; most callers want renderDocx). */
export function documentOf(spec: DocumentSpec): Document {
  if (spec.sections.length === 0) throw new Error("docx renderer: a document needs at least one section");
  return new Document({
    title: spec.title,
    creator: spec.creator ?? "KL226",
    // The mark by which a later run knows this document as its own (src/cli/earlier-output.ts);
    // Word replaces it with the editor's name when someone saves changes.
    lastModifiedBy: "KL226",
    styles: {
      default: {
        document: {
          run: { font: spec.font.name, size: halfPoints(spec.font.size) },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: spec.sections.map(section),
  });
}

/** Renders `spec` to the bytes of a .docx file (in Node and in the browser). */
export async function renderDocx(spec: DocumentSpec): Promise<Uint8Array> {
  return Packer.pack(documentOf(spec), "uint8array");
}
