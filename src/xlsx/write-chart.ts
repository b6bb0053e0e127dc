// A sheet's charts as DrawingML (xl/drawings/drawingN.xml + xl/charts/chartN.xml): column and line
// series over one category axis, with the cell values cached in the chart so that readers which
// never recalculate (viewers, openpyxl) still see the data. Pure text, no dates or ids: the same
// spec gives the same bytes.

import type { CellSpec, ChartSpec, SheetSpec } from "../core/sheetspec";
import { escapeAttr, escapeText, formatRange, parseRange, quoteSheetName, type CellRange } from "./write-xml";

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const CAT_AX = 500000001;
const VAL_AX = 500000002;
const DEFAULT_COLORS = ["4472C4", "C00000", "70AD47", "FFC000"];
/** Category labels turn 45° once there are more than this many (unit names would overlap). */
const UPRIGHT_LABELS_MAX = 8;

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** A one-column range of the sheet, checked. */
function columnRange(ref: string, what: string): CellRange {
  const r = parseRange(ref);
  if (r.c1 !== r.c2) throw new Error(`xlsx writer: chart ${what} "${ref}" must be one column`);
  return r;
}

function cellsOf(sheet: SheetSpec, r: CellRange): (CellSpec | null | undefined)[] {
  const out: (CellSpec | null | undefined)[] = [];
  for (let row = r.r1; row <= r.r2; row++) out.push(sheet.rows[row]?.[r.c1]);
  return out;
}

function absoluteRef(sheet: string, r: CellRange): string {
  return `${quoteSheetName(sheet)}!${formatRange(r, true)}`;
}

function strCache(cells: readonly (CellSpec | null | undefined)[]): string {
  const pts = cells
    .map((c, i) => {
      const v = c?.value;
      const text = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : "";
      return text === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeText(text)}</c:v></c:pt>`;
    })
    .join("");
  return `<c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache>`;
}

function numCache(cells: readonly (CellSpec | null | undefined)[], format: string): string {
  const pts = cells
    .map((c, i) => {
      const v = c?.value;
      const n =
        typeof v === "number"
          ? v
          : typeof v === "object" && v !== null && "formula" in v
            ? v.cached
            : undefined;
      // A blank (a unit that cannot be judged) is no point at all: no column, not a zero.
      return typeof n === "number" && Number.isFinite(n) ? `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>` : "";
    })
    .join("");
  return `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache>`;
}

function solidFill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function checkColor(color: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(color)) throw new Error(`xlsx writer: invalid chart colour "${color}"`);
  return color.toUpperCase();
}

function checkNumber(n: number | undefined, what: string): void {
  if (n !== undefined && !Number.isFinite(n)) throw new Error(`xlsx writer: invalid chart ${what} ${n}`);
}

/** xl/charts/chartN.xml for the sheet's chart. */
export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const catRange = columnRange(chart.categories, "categories");
  const catCells = cellsOf(sheet, catRange);
  const cat = `<c:cat><c:strRef><c:f>${escapeText(absoluteRef(sheet.name, catRange))}</c:f>${strCache(catCells)}</c:strRef></c:cat>`;
  checkNumber(chart.axisMin, "axis minimum");
  checkNumber(chart.axisMax, "axis maximum");
  if (chart.series.length === 0) throw new Error("xlsx writer: a chart needs at least one series");

  const series = chart.series.map((s, i) => {
    const r = columnRange(s.values, "series");
    if (r.r2 - r.r1 !== catRange.r2 - catRange.r1)
      throw new Error(
        `xlsx writer: chart series "${s.values}" and categories "${chart.categories}" differ in length`,
      );
    const color = checkColor(s.color ?? DEFAULT_COLORS[i % DEFAULT_COLORS.length] ?? "4472C4");
    const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
    const val = `<c:val><c:numRef><c:f>${escapeText(absoluteRef(sheet.name, r))}</c:f>${numCache(cellsOf(sheet, r), chart.axisFormat)}</c:numRef></c:val>`;
    if (s.type === "column") {
      return {
        type: s.type,
        xml: `<c:ser>${head}<c:spPr>${solidFill(color)}</c:spPr><c:invertIfNegative val="0"/>${cat}${val}</c:ser>`,
      };
    }
    // A line through one point is invisible: a single category gets a dash marker instead.
    const marker =
      catRange.r1 === catRange.r2
        ? `<c:marker><c:symbol val="dash"/><c:size val="20"/><c:spPr>${solidFill(color)}</c:spPr></c:marker>`
        : '<c:marker><c:symbol val="none"/></c:marker>';
    return {
      type: s.type,
      xml: `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${solidFill(color)}<a:round/></a:ln></c:spPr>${marker}${cat}${val}<c:smooth val="0"/></c:ser>`,
    };
  });
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const columns = series.filter((s) => s.type === "column").map((s) => s.xml);
  const lines = series.filter((s) => s.type === "line").map((s) => s.xml);
  const barChart =
    columns.length === 0
      ? ""
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${columns.join("")}<c:gapWidth val="60"/>${axIds}</c:barChart>`;
  const lineChart =
    lines.length === 0
      ? ""
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.join("")}<c:marker val="1"/>${axIds}</c:lineChart>`;

  const many = catRange.r2 - catRange.r1 + 1 > UPRIGHT_LABELS_MAX;
  const catTxPr = `<c:txPr><a:bodyPr${many ? ' rot="-2700000" vert="horz"' : ""}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  const scaling =
    '<c:scaling><c:orientation val="minMax"/>' +
    (chart.axisMax !== undefined ? `<c:max val="${chart.axisMax}"/>` : "") +
    (chart.axisMin !== undefined ? `<c:min val="${chart.axisMin}"/>` : "") +
    "</c:scaling>";
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `${catTxPr}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/>${scaling}<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350">${solidFill("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeAttr(chart.axisFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barChart}${lineChart}${catAx}${valAx}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    "</c:chartSpace>"
  );
}

/** xl/drawings/drawingN.xml: the sheet's charts (relationships rId1, rId2, … in order), each anchored over the cells of its `anchor`. */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const corner = (tag: string, col: number, row: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map((chart, i) => {
    const a = parseRange(chart.anchor);
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      corner("from", a.c1, a.r1) +
      corner("to", a.c2 + 1, a.r2 + 1) +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>' +
      `<xdr:cNvPr id="${i + 2}" name="Biểu đồ ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return XML_DECL + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`;
}
