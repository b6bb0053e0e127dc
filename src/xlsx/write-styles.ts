// The styles table of the xlsx writer: dedups CellStyle into fonts/fills/borders/numFmts/cellXfs and renders xl/styles.xml.
import type { CellStyle } from "../core/sheetspec";
import { escapeAttr } from "./write-xml";

/**
 * Built-in number formats whose meaning does not depend on the reader's locale. Date formats
 * 14–22 are left out on purpose: Excel shows id 14 in the machine's short-date order, and a
 * Vietnamese report must always show dd/mm/yyyy, so dates get a custom id.
 */
const BUILTIN_NUMFMTS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["# ?/?", 12],
  ["# ??/??", 13],
  ["h:mm", 20],
  ["h:mm:ss", 21],
  ["mm:ss", 45],
  ["[h]:mm:ss", 46],
  ["@", 49],
]);

/** The first id Excel leaves for custom number formats. */
const FIRST_CUSTOM_NUMFMT = 164;
const DEFAULT_FONT_SIZE = 11;
const DEFAULT_FONT = "Calibri";

function argb(color: string): string {
  const hex = color.startsWith("#") ? color.slice(1) : color;
  if (/^[0-9A-Fa-f]{6}$/.test(hex)) return "FF" + hex.toUpperCase();
  if (/^[0-9A-Fa-f]{8}$/.test(hex)) return hex.toUpperCase();
  throw new Error(`xlsx writer: invalid colour "${color}" (expected RRGGBB)`);
}

function fontXml(bold: boolean, italic: boolean, size: number, color: string | undefined): string {
  // Child order follows what Excel writes (b, i, sz, color, name, family). No theme references:
  // the package has no theme part, so colours and fonts are spelled out.
  return (
    "<font>" +
    (bold ? "<b/>" : "") +
    (italic ? "<i/>" : "") +
    `<sz val="${size}"/>` +
    (color ? `<color rgb="${color}"/>` : "") +
    `<name val="${DEFAULT_FONT}"/><family val="2"/>` +
    "</font>"
  );
}

const THIN_BORDER =
  '<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right>' +
  '<top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>';

/** Collects the distinct styles of a workbook; `xfId` returns the `s` attribute of a cell. */
export class StyleTable {
  private readonly fonts = new Map<string, number>();
  private readonly fontXml: string[] = [];
  private readonly fills = new Map<string, number>();
  private readonly fillXml: string[] = [];
  private readonly numFmts = new Map<string, number>();
  private readonly numFmtXml: string[] = [];
  private readonly xfs = new Map<string, number>();
  private readonly xfXml: string[] = [];
  // Callers usually share one style object across many cells; this skips building the key again.
  private readonly byObject = new WeakMap<CellStyle, number>();
  private readonly byObjectDate = new WeakMap<CellStyle, number>();

  constructor() {
    this.fontId(false, false, DEFAULT_FONT_SIZE, undefined);
    // Excel requires these two fills first, whatever the workbook uses.
    this.fillXml.push(
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
    );
    this.xfs.set("", 0);
    this.xfXml.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  /**
   * The cellXfs index for a style; `dateDefault` gives the number format to use when the style has
   * none (date cells must carry a date format or they show as a serial number).
   */
  xfId(style: CellStyle | undefined, dateDefault?: string): number {
    if (!style) return dateDefault === undefined ? 0 : this.build(undefined, dateDefault);
    const cache = dateDefault === undefined ? this.byObject : this.byObjectDate;
    const hit = cache.get(style);
    if (hit !== undefined) return hit;
    const id = this.build(style, dateDefault);
    cache.set(style, id);
    return id;
  }

  private build(style: CellStyle | undefined, dateDefault: string | undefined): number {
    const bold = style?.bold === true;
    const italic = style?.italic === true;
    const size = style?.size ?? DEFAULT_FONT_SIZE;
    if (!Number.isFinite(size) || size < 1 || size > 409)
      throw new Error(`xlsx writer: invalid font size ${size}`);
    const color = style?.color !== undefined ? argb(style.color) : undefined;
    const fill = style?.fill !== undefined ? argb(style.fill) : undefined;
    const numFmt = style?.numFmt ?? dateDefault;
    const wrap = style?.wrap === true;
    const h = style?.hAlign;
    const v = style?.vAlign;
    const border = style?.border === true;
    const unlocked = style?.locked === false;
    const key = [bold, italic, size, color, fill, numFmt, wrap, h, v, border, unlocked].join("|");
    const known = this.xfs.get(key);
    if (known !== undefined) return known;

    const fontId = this.fontId(bold, italic, size, color);
    const fillId = fill === undefined ? 0 : this.fillId(fill);
    const numFmtId = numFmt === undefined ? 0 : this.numFmtId(numFmt);
    const borderId = border ? 1 : 0;
    const hasAlign = wrap || h !== undefined || v !== undefined;
    let xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : "") +
      (fontId !== 0 ? ' applyFont="1"' : "") +
      (fillId !== 0 ? ' applyFill="1"' : "") +
      (borderId !== 0 ? ' applyBorder="1"' : "") +
      (hasAlign ? ' applyAlignment="1"' : "") +
      (unlocked ? ' applyProtection="1"' : "");
    if (hasAlign || unlocked) {
      // CT_Xf sequence: alignment before protection.
      xf += ">";
      if (hasAlign) {
        xf +=
          "<alignment" +
          (h !== undefined ? ` horizontal="${h}"` : "") +
          (v !== undefined ? ` vertical="${v}"` : "") +
          (wrap ? ' wrapText="1"' : "") +
          "/>";
      }
      if (unlocked) xf += '<protection locked="0"/>';
      xf += "</xf>";
    } else {
      xf += "/>";
    }
    const id = this.xfXml.length;
    this.xfXml.push(xf);
    this.xfs.set(key, id);
    return id;
  }

  private fontId(bold: boolean, italic: boolean, size: number, color: string | undefined): number {
    const key = `${bold}|${italic}|${size}|${color ?? ""}`;
    const known = this.fonts.get(key);
    if (known !== undefined) return known;
    const id = this.fontXml.length;
    this.fontXml.push(fontXml(bold, italic, size, color));
    this.fonts.set(key, id);
    return id;
  }

  private fillId(color: string): number {
    const known = this.fills.get(color);
    if (known !== undefined) return known;
    const id = this.fillXml.length;
    this.fillXml.push(
      `<fill><patternFill patternType="solid"><fgColor rgb="${color}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
    this.fills.set(color, id);
    return id;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_NUMFMTS.get(code);
    if (builtin !== undefined) return builtin;
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    if (code === "" || code.length > 255) throw new Error(`xlsx writer: invalid number format "${code}"`);
    const id = FIRST_CUSTOM_NUMFMT + this.numFmtXml.length;
    this.numFmtXml.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.numFmts.set(code, id);
    return id;
  }

  /** xl/styles.xml, children in the CT_Stylesheet sequence. */
  toXml(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.numFmtXml.length > 0
        ? `<numFmts count="${this.numFmtXml.length}">${this.numFmtXml.join("")}</numFmts>`
        : "") +
      `<fonts count="${this.fontXml.length}">${this.fontXml.join("")}</fonts>` +
      `<fills count="${this.fillXml.length}">${this.fillXml.join("")}</fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${THIN_BORDER}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
