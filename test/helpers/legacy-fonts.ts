// Test helper: shows cells of a built .xlsx in a font of the clerk's old documents (".VnTime",
// ".VnTimeH", "VNI-Times"), as Excel saves a cell whose font the clerk chose: one more <font> in
// styles.xml and, per style the cells had, one more cell style (xf) like it but for that font; or
// a cell's text pasted from Word, its runs in such fonts (withRichText), or the same runs written in
// the cell itself, as some writers save rich text (withInlineRichText).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** The package with the cells of `cells` (sheet name → A1 addresses) shown in `font`. */
export function withFont(
  bytes: Uint8Array,
  font: string,
  cells: Readonly<Record<string, readonly string[]>>,
): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (path: string): string => {
    const part = parts[path];
    if (part === undefined) throw new Error(`withFont: no part ${path}`);
    return strFromU8(part);
  };
  let styles = text("xl/styles.xml");
  const fontsAt = /<fonts count="(\d+)"[^>]*>/.exec(styles);
  if (fontsAt === null) throw new Error("withFont: no <fonts>");
  const fontId = (
    styles
      .slice(fontsAt.index)
      .split("</fonts>")[0]!
      .match(/<font[ >/]/g) ?? []
  ).length;
  styles = styles.replace(
    "</fonts>",
    `<font><sz val="12"/><name val="${font}"/><family val="2"/></font></fonts>`,
  );
  const xfsAt = /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (xfsAt === null) throw new Error("withFont: no <cellXfs>");
  const xfs = xfsAt[1]!.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
  const added: string[] = [];
  const styleFor = new Map<number, number>();
  const restyled = (old: number): number => {
    let s = styleFor.get(old);
    if (s === undefined) {
      s = xfs.length + added.length;
      added.push(
        (xfs[old] ?? "<xf/>")
          .replace(/ fontId="\d+"/, "")
          .replace("<xf ", `<xf fontId="${fontId}" applyFont="1" `),
      );
      styleFor.set(old, s);
    }
    return s;
  };
  const sheetPaths = sheetParts(text);
  for (const [sheet, addresses] of Object.entries(cells)) {
    const path = sheetPaths.get(sheet);
    if (path === undefined) throw new Error(`withFont: no sheet ${sheet}`);
    let xml = text(path);
    for (const at of addresses) {
      const tag = new RegExp(`<c r="${at}"( s="(\\d+)")?`).exec(xml);
      if (tag === null) throw new Error(`withFont: no cell ${sheet}!${at}`);
      const s = restyled(Number(tag[2] ?? "0"));
      xml = xml.slice(0, tag.index) + `<c r="${at}" s="${s}"` + xml.slice(tag.index + tag[0].length);
    }
    parts[path] = strToU8(xml);
  }
  const all = [...xfs, ...added];
  styles = styles.replace(xfsAt[0], `<cellXfs count="${all.length}">${all.join("")}</cellXfs>`);
  parts["xl/styles.xml"] = strToU8(styles);
  return zipSync(parts);
}

/** Sheet name → its part's path, from workbook.xml and its relationships. */
function sheetParts(text: (path: string) => string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(
    /<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g,
  ))
    targets.set(m[1]!, `xl/${m[2]!}`);
  const paths = new Map<string, string>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g))
    paths.set(m[1]!, targets.get(m[2]!) ?? "");
  return paths;
}

/** A part of a rich text: its text and the font Word gave it (none: the cell's). */
export interface Run {
  readonly text: string;
  readonly font?: string;
}

/**
 * The package with the cell `sheet`!`at` holding `runs` as one rich shared string, as Excel saves
 * text pasted from Word in its own fonts: each run with `<rPr><rFont val="…"/>`, the cell's style
 * (its Times New Roman) kept.
 */
export function withRichText(bytes: Uint8Array, sheet: string, at: string, runs: readonly Run[]): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (path: string): string => {
    const part = parts[path];
    if (part === undefined) throw new Error(`withRichText: no part ${path}`);
    return strFromU8(part);
  };
  const sst = text("xl/sharedStrings.xml");
  const index = (sst.match(/<si>/g) ?? []).length;
  const si = runXml(runs);
  parts["xl/sharedStrings.xml"] = strToU8(
    sst.replace(/uniqueCount="\d+"/, `uniqueCount="${index + 1}"`).replace("</sst>", `<si>${si}</si></sst>`),
  );
  const path = sheetParts(text).get(sheet);
  if (path === undefined) throw new Error(`withRichText: no sheet ${sheet}`);
  const xml = text(path);
  const cell = new RegExp(`<c r="${at}"( s="\\d+")?[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (cell === null) throw new Error(`withRichText: no cell ${sheet}!${at}`);
  parts[path] = strToU8(
    xml.slice(0, cell.index) +
      `<c r="${at}"${cell[1] ?? ""} t="s"><v>${index}</v></c>` +
      xml.slice(cell.index + cell[0].length),
  );
  return zipSync(parts);
}

/** Runs as `<r>` elements: each with `<rPr>`, its `<rFont>` when it has a font of its own. */
function runXml(runs: readonly Run[]): string {
  const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return runs
    .map(
      (run) =>
        `<r><rPr>${run.font === undefined ? "" : `<rFont val="${run.font}"/>`}<sz val="12"/><family val="1"/></rPr><t xml:space="preserve">${escape(run.text)}</t></r>`,
    )
    .join("");
}

/**
 * The package with the cell `sheet`!`at` holding `runs` as an inline rich string
 * (`<c t="inlineStr"><is><r>…`), as some writers save rich text; the cell's style kept (withFont
 * after this gives it an old font).
 */
export function withInlineRichText(
  bytes: Uint8Array,
  sheet: string,
  at: string,
  runs: readonly Run[],
): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (path: string): string => {
    const part = parts[path];
    if (part === undefined) throw new Error(`withInlineRichText: no part ${path}`);
    return strFromU8(part);
  };
  const path = sheetParts(text).get(sheet);
  if (path === undefined) throw new Error(`withInlineRichText: no sheet ${sheet}`);
  const xml = text(path);
  const cell = new RegExp(`<c r="${at}"( s="\\d+")?[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (cell === null) throw new Error(`withInlineRichText: no cell ${sheet}!${at}`);
  parts[path] = strToU8(
    xml.slice(0, cell.index) +
      `<c r="${at}"${cell[1] ?? ""} t="inlineStr"><is>${runXml(runs)}</is></c>` +
      xml.slice(cell.index + cell[0].length),
  );
  return zipSync(parts);
}
