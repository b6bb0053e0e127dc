// A plain description of a Word document (letters, the report): paragraphs of runs, tables, page
// breaks and sections with page setup, header and footer. The core builds it (official.ts);
// src/docx/render.ts turns it into .docx bytes. Lengths are millimetres, font sizes points.

export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Font size in points (default: the document's). */
  readonly size?: number;
  /** Start this run on a new line of the same paragraph. */
  readonly breakBefore?: boolean;
}

/** The page number, or the number of pages of the section (of the letter, in a file of letters). */
export interface FieldRun {
  readonly field: "page" | "sectionPages";
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
}

export type Run = TextRun | FieldRun;

export interface ParagraphSpec {
  readonly kind: "paragraph";
  readonly runs: readonly Run[];
  readonly align?: "left" | "center" | "right" | "justify";
  /** Indents in mm; `firstLine` indents the first line only. */
  readonly indent?: {
    readonly left?: number;
    readonly right?: number;
    readonly firstLine?: number;
    readonly hanging?: number;
  };
  /** Space before and after in points; `line` a multiple of single spacing (1.15), or `exactLine` points. */
  readonly spacing?: {
    readonly before?: number;
    readonly after?: number;
    readonly line?: number;
    readonly exactLine?: number;
  };
  /** Keep on the same page as the next paragraph (headings, the lines of a signature block). */
  readonly keepWithNext?: boolean;
  /** A thin solid line above or below the paragraph, as wide as the paragraph within its indents. */
  readonly border?: { readonly top?: boolean; readonly bottom?: boolean };
}

export interface TableCellSpec {
  readonly blocks: readonly Block[];
  readonly columnSpan?: number;
  readonly vAlign?: "top" | "center" | "bottom";
  /** Background, "RRGGBB". */
  readonly fill?: string;
}

export interface TableSpec {
  readonly kind: "table";
  /** Column widths in mm; the table is as wide as their sum. */
  readonly columnWidths: readonly number[];
  readonly rows: ReadonlyArray<readonly TableCellSpec[]>;
  /** Thin borders on every cell (false: a layout table with no lines, as in a letter's heading). */
  readonly borders: boolean;
  /** The first rows repeat at the top of every page the table runs onto. */
  readonly headerRows?: number;
  /** No row is split across two pages (a signature block stays whole). */
  readonly keepRowsWhole?: boolean;
}

export interface PageBreakSpec {
  readonly kind: "pageBreak";
}

export type Block = ParagraphSpec | TableSpec | PageBreakSpec;

export interface PageSetup {
  /** Paper is always A4. */
  readonly orientation?: "portrait" | "landscape";
  /** Margins in mm; `header`/`footer` are the distances of the header and footer from the edge. */
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header?: number;
    readonly footer?: number;
  };
}

/** A run of pages with its own setup; each section starts on a new page with page 1. */
export interface SectionSpec {
  readonly page: PageSetup;
  readonly blocks: readonly Block[];
  /** Header of every page, or of every page but the first when `firstPageHeader` is given. */
  readonly header?: readonly Block[];
  /** Header of the first page ([] for none: Nghị định 30 shows no number on page 1). */
  readonly firstPageHeader?: readonly Block[];
  readonly footer?: readonly Block[];
  readonly firstPageFooter?: readonly Block[];
}

export interface DocumentSpec {
  /** Document properties. */
  readonly title?: string;
  readonly creator?: string;
  /** The font of every run (e.g. Times New Roman) and the default size in points. */
  readonly font: { readonly name: string; readonly size: number };
  readonly sections: readonly SectionSpec[];
}

/**
 * Several documents as one, for printing them all at once: each keeps its own sections, so each
 * starts on a new page with its own page numbers. The font and properties are the first one's.
 */
export function joinDocuments(docs: readonly DocumentSpec[], title?: string): DocumentSpec {
  const [first] = docs;
  if (!first) throw new Error("joinDocuments: no documents");
  return { ...first, title: title ?? first.title, sections: docs.flatMap((d) => d.sections) };
}
