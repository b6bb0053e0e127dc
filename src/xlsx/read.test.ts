// Tests for readXlsx on hand-written SpreadsheetML: each test shows the XML feature it is about.
import type { Cell, ReadOutcome, Sheet, Workbook } from "../core/workbook";
import { cellAt } from "../core/workbook";
import { rawXlsx, sheetXml, sstXml, stylesXml, NS_MAIN } from "../../test/helpers/raw-xlsx";
import { readXlsx, type ReadOptions } from "./read";
import { createNodeInflateRaw } from "./node-inflate";

function ok(out: ReadOutcome): Workbook {
  if (!out.ok) throw new Error(`expected ok, got ${out.reason}: ${out.detail ?? ""}`);
  return out.workbook;
}

function read1(
  sheetDataInner: string,
  extra: Partial<Parameters<typeof rawXlsx>[0]> = {},
  opts?: ReadOptions,
): Sheet {
  const wb = ok(
    readXlsx(rawXlsx({ sheets: [{ name: "S", xml: sheetXml(sheetDataInner) }], ...extra }), opts),
  );
  const s = wb.sheets[0];
  if (s === undefined) throw new Error("no sheet");
  return s;
}

function v(sheet: Sheet, a1: string): Cell["value"] | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (m === null) throw new Error(a1);
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
  return cellAt(sheet, Number(m[2]) - 1, col - 1)?.value;
}

const inflaters = [
  ["fflate", undefined],
  ["node:zlib", createNodeInflateRaw()],
] as const;

describe.each(inflaters)("readXlsx values (%s)", (_label, inflateRaw) => {
  const opts: ReadOptions = inflateRaw === undefined ? {} : { inflateRaw };

  test("numbers, shared strings, booleans, errors", () => {
    const s = read1(
      '<row r="1"><c r="A1"><v>42</v></c><c r="B1" t="n"><v>-1.5E3</v></c><c r="C1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#REF!</v></c></row>',
      { sharedStrings: sstXml(["zero", "một"]) },
      opts,
    );
    expect(v(s, "A1")).toEqual({ kind: "number", value: 42 });
    expect(v(s, "B1")).toEqual({ kind: "number", value: -1500 });
    expect(v(s, "C1")).toEqual({ kind: "string", value: "một" });
    expect(v(s, "A2")).toEqual({ kind: "boolean", value: true });
    expect(v(s, "B2")).toEqual({ kind: "boolean", value: false });
    expect(v(s, "C2")).toEqual({ kind: "error", value: "#REF!" });
  });

  test("rows are sparse and 0-based", () => {
    const s = read1('<row r="3"><c r="C3"><v>1</v></c></row>', {}, opts);
    expect(s.rows.length).toBe(3);
    expect(s.rows[0]).toBeUndefined();
    expect(s.rows[2]?.[2]).toEqual({ value: { kind: "number", value: 1 } });
    expect(s.rows[2]?.[0]).toBeUndefined();
  });
});

describe("cell positions", () => {
  test("cells without r follow the previous cell; rows without r follow the previous row", () => {
    const s = read1(
      "<row><c><v>1</v></c><c><v>2</v></c></row>" +
        '<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>' +
        '<row r="5"><c><v>5</v></c></row><row><c><v>6</v></c></row>',
    );
    expect(v(s, "A1")).toEqual({ kind: "number", value: 1 });
    expect(v(s, "B1")).toEqual({ kind: "number", value: 2 });
    expect(v(s, "C2")).toEqual({ kind: "number", value: 3 });
    expect(v(s, "D2")).toEqual({ kind: "number", value: 4 });
    expect(v(s, "A5")).toEqual({ kind: "number", value: 5 });
    expect(v(s, "A6")).toEqual({ kind: "number", value: 6 });
  });

  test("a wrong <dimension> is ignored", () => {
    const xml = `<worksheet xmlns="${NS_MAIN}"><dimension ref="A1"/><sheetData><row r="10"><c r="Z10"><v>9</v></c></row></sheetData></worksheet>`;
    const wb = ok(readXlsx(rawXlsx({ sheets: [{ name: "S", xml }] })));
    expect(cellAt(wb.sheets[0]!, 9, 25)?.value).toEqual({ kind: "number", value: 9 });
  });

  test("style-only cells are omitted", () => {
    const s = read1('<row r="2"><c r="B2" s="3"/><c r="C2" s="1"></c><c r="D2"><v>1</v></c></row>');
    expect(cellAt(s, 1, 1)).toBeUndefined();
    expect(cellAt(s, 1, 2)).toBeUndefined();
    expect(v(s, "D2")).toEqual({ kind: "number", value: 1 });
  });
});

describe("namespace prefixes (OpenXML SDK style)", () => {
  test("x: prefixed worksheet, workbook and shared strings", () => {
    const sheet =
      `<x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData><x:row r="1">` +
      `<x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c>` +
      `<x:c r="C1" t="inlineStr"><x:is><x:t>in</x:t></x:is></x:c>` +
      `</x:row></x:sheetData></x:worksheet>`;
    const workbook =
      `<x:workbook xmlns:x="${NS_MAIN}" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<x:sheets><x:sheet name="Báo cáo" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`;
    const sst = `<x:sst xmlns:x="${NS_MAIN}"><x:si><x:t>hello</x:t></x:si></x:sst>`;
    const wb = ok(
      readXlsx(
        rawXlsx({ sheets: [{ name: "ignored", xml: sheet }], workbookXml: workbook, sharedStrings: sst }),
      ),
    );
    const s = wb.sheets[0]!;
    expect(s.name).toBe("Báo cáo");
    expect(v(s, "A1")).toEqual({ kind: "string", value: "hello" });
    expect(v(s, "B1")).toEqual({ kind: "number", value: 7 });
    expect(v(s, "C1")).toEqual({ kind: "string", value: "in" });
  });
});

describe("strings", () => {
  test("rich text runs are concatenated and phonetic runs ignored", () => {
    const sst =
      `<sst xmlns="${NS_MAIN}"><si><r><rPr><b/></rPr><t>Tổng </t></r><r><t xml:space="preserve">cộng </t></r>` +
      `<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si><si/></sst>`;
    const s = read1('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', {
      sharedStrings: sst,
    });
    expect(v(s, "A1")).toEqual({ kind: "string", value: "Tổng cộng " });
    expect(v(s, "B1")).toEqual({ kind: "string", value: "" });
  });

  test("inline strings with rich runs", () => {
    const s = read1(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr><i/></rPr><t xml:space="preserve"> b </t></r></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>plain</t></is></c></row>',
    );
    expect(v(s, "A1")).toEqual({ kind: "string", value: "a b " });
    expect(v(s, "B1")).toEqual({ kind: "string", value: "plain" });
  });

  test("_xHHHH_ escapes", () => {
    const sst = `<sst xmlns="${NS_MAIN}"><si><t>a_x000D_b</t></si><si><t>_x005F_x000D_</t></si><si><t>x_x0041__x0009_</t></si></sst>`;
    const s = read1(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>q_x000A_r</t></is></c></row>',
      { sharedStrings: sst },
    );
    expect(v(s, "A1")).toEqual({ kind: "string", value: "a\rb" });
    expect(v(s, "B1")).toEqual({ kind: "string", value: "_x000D_" });
    expect(v(s, "C1")).toEqual({ kind: "string", value: "xA\t" });
    expect(v(s, "D1")).toEqual({ kind: "string", value: "q\nr" });
  });

  test("XML entities and character references", () => {
    const s = read1(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&amp;&lt;&gt;&quot;&apos; &#272;&#x1EA1;i &#x1F600;</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t><![CDATA[<raw & text>]]></t></is></c></row>',
    );
    expect(v(s, "A1")).toEqual({ kind: "string", value: "&<>\"' Đại 😀" });
    expect(v(s, "B1")).toEqual({ kind: "string", value: "<raw & text>" });
  });

  test("string values are not normalised, sheet names are NFC", () => {
    const nfd = "Ba\u0301o ca\u0301o"; // "Báo cáo" decomposed
    const wb = ok(
      readXlsx(
        rawXlsx({
          sheets: [
            {
              name: nfd,
              xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${nfd}</t></is></c></row>`),
            },
          ],
        }),
      ),
    );
    expect(wb.sheets[0]!.name).toBe("Báo cáo".normalize("NFC"));
    expect(v(wb.sheets[0]!, "A1")).toEqual({ kind: "string", value: nfd });
  });

  test("whitespace is preserved", () => {
    const s = read1(
      '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  x  </t></is></c></row>',
    );
    expect(v(s, "A1")).toEqual({ kind: "string", value: "  x  " });
  });
});

describe("formulas", () => {
  test("cached values, string results, shared formulas and missing values", () => {
    const s = read1(
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
        '<c r="C1"><f>A1*2</f></c><c r="D1"><f t="shared" si="0" ref="D1:D2">A1</f><v>2</v></c></row>' +
        '<row r="2"><c r="D2"><f t="shared" si="0"/><v>0</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="F2" t="b"><f>TRUE()</f><v>1</v></c></row>',
    );
    expect(cellAt(s, 0, 0)).toEqual({ value: { kind: "number", value: 2 }, formula: true });
    expect(cellAt(s, 0, 1)).toEqual({ value: { kind: "string", value: "ab" }, formula: true });
    expect(cellAt(s, 0, 2)).toEqual({ value: { kind: "empty" }, formula: true });
    expect(cellAt(s, 0, 3)).toEqual({ value: { kind: "number", value: 2 }, formula: true });
    expect(cellAt(s, 1, 3)).toEqual({ value: { kind: "number", value: 0 }, formula: true });
    expect(cellAt(s, 1, 4)).toEqual({ value: { kind: "error", value: "#DIV/0!" }, formula: true });
    expect(cellAt(s, 1, 5)).toEqual({ value: { kind: "boolean", value: true }, formula: true });
    expect(cellAt(s, 0, 0)?.formula).toBe(true);
  });

  test("a formula with an empty string result", () => {
    const s = read1('<row r="1"><c r="A1" t="str"><f>""</f><v></v></c></row>');
    expect(cellAt(s, 0, 0)).toEqual({ value: { kind: "string", value: "" }, formula: true });
  });
});

describe("percentages", () => {
  // 0: General, 9: "0%", 10: "0.00%", then custom codes; the last three show a literal % or none.
  const styles = stylesXml(
    [
      { numFmtId: 0 },
      { numFmtId: 9 },
      { numFmtId: 10 },
      { numFmtId: 164 },
      { numFmtId: 165 },
      { numFmtId: 166 },
      { numFmtId: 167 },
      { numFmtId: 168 },
    ],
    { 164: "0.0%", 165: "[Red]0%;[Blue]-0%", 166: '0" %"', 167: "0\\%", 168: "#,##0" },
  );

  test("a number styled with a percentage format carries isPercent; a quoted or escaped % does not", () => {
    const cells = [0, 1, 2, 3, 4, 5, 6, 7]
      .map((st, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${st}"><v>0.6</v></c>`)
      .join("");
    const s = read1(`<row r="1">${cells}</row>`, { styles });
    const percent = { kind: "number", value: 0.6, isPercent: true };
    const plain = { kind: "number", value: 0.6 };
    expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"].map((a) => v(s, a))).toEqual([
      plain,
      percent,
      percent,
      percent,
      percent,
      plain,
      plain,
      plain,
    ]);
  });

  test("a formula's cached value in a percentage cell carries isPercent too", () => {
    const s = read1('<row r="1"><c r="A1" s="1"><f>B1/C1</f><v>0.75</v></c></row>', { styles });
    expect(cellAt(s, 0, 0)).toEqual({
      value: { kind: "number", value: 0.75, isPercent: true },
      formula: true,
    });
  });
});

describe("legacy Vietnamese fonts", () => {
  // As Excel writes a workbook whose clerk chose old fonts: each <font> with its size, colour and
  // family around the name; a differential style's font after cellXfs is no cell's.
  const styles = (fonts: readonly string[], defaultFont = 0): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
    `<fonts count="${fonts.length}">${fonts.map((f) => `<font><b/><sz val="12"/><color theme="1"/><name val="${f}"/><family val="2"/><charset val="163"/></font>`).join("")}</fonts>` +
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="${defaultFont}" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${fonts.length}">${fonts.map((_, i) => `<xf numFmtId="0" fontId="${(i + defaultFont) % fonts.length}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`).join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="1"><dxf><font><name val=".VnTimeH"/></font></dxf></dxfs></styleSheet>`;

  test("a text cell carries the TCVN3, TCVN3 capitals or VNI font its style shows it in, and that font's name", () => {
    const fonts = ["Times New Roman", ".VnTime", ".VnTimeH", "VNI-Times", ".VnArial NarrowH", "Arial"];
    const cells = fonts.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}" t="s"><v>0</v></c>`);
    const s = read1(
      `<row r="1">${cells.join("")}</row><row r="2"><c r="A2" s="2" t="inlineStr"><is><t>uû ban</t></is></c><c r="B2" s="1"><v>7</v></c></row>`,
      { styles: styles(fonts), sharedStrings: sstXml(["Hoµn thµnh"]) },
    );
    const text = { kind: "string", value: "Hoµn thµnh" };
    expect(["A1", "B1", "C1", "D1", "E1", "F1"].map((a) => v(s, a))).toEqual([
      text,
      { ...text, font: "TCVN3", fontName: ".VnTime" },
      { ...text, font: "TCVN3_CAPITALS", fontName: ".VnTimeH" },
      { ...text, font: "VNI", fontName: "VNI-Times" },
      { ...text, font: "TCVN3_CAPITALS", fontName: ".VnArial NarrowH" },
      text,
    ]);
    expect(v(s, "A2")).toEqual({
      kind: "string",
      value: "uû ban",
      font: "TCVN3_CAPITALS",
      fontName: ".VnTimeH",
    });
    // A number has no font to carry.
    expect(v(s, "B2")).toEqual({ kind: "number", value: 7 });
  });

  test("a cell without a style is in the workbook's default font", () => {
    const s = read1('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
      styles: styles(["Calibri", ".VnTime"], 1),
      sharedStrings: sstXml(["Së"]),
    });
    expect(v(s, "A1")).toEqual({ kind: "string", value: "Së", font: "TCVN3", fontName: ".VnTime" });
  });

  test("a workbook whose only legacy font is VNI's carries it (no .VnTime named anywhere)", () => {
    const s = read1('<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>0</v></c></row>', {
      styles: styles(["Calibri", "VNI-Times"]).replace(/<dxfs.*<\/dxfs>/, ""),
      sharedStrings: sstXml(["Hoaøn thaønh"]),
    });
    expect(s.rows[0]).toEqual([
      { value: { kind: "string", value: "Hoaøn thaønh", font: "VNI", fontName: "VNI-Times" } },
      { value: { kind: "string", value: "Hoaøn thaønh" } },
    ]);
  });

  // A rich text as Excel saves one pasted from Word: each run with its own properties and font.
  const run = (text: string, font?: string): string =>
    `<r><rPr>${font === undefined ? "" : `<rFont val="${font}"/>`}<sz val="12"/><family val="1"/></rPr><t xml:space="preserve">${text}</t></r>`;
  const richSst = (items: readonly string[]): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<si>${i}</si>`).join("")}</sst>`;

  test("a rich text cell whose runs carry a legacy font carries it, in a cell styled in a Unicode font", () => {
    // Before, A1 was read without a font (its style's Times New Roman): "uû ban" in small letters.
    const s = read1(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" s="1" t="s"><v>4</v></c></row>',
      {
        styles: styles(["Times New Roman", ".VnTime"]),
        sharedStrings: richSst([
          run("uû ban ", ".VnTimeH") + run("nh©n d©n", ".VnTimeH"),
          run("Ghi chó: ", "Times New Roman") + run("Hoµn thµnh", ".VnTime"),
          run("Tr\u00adêng ", ".VnTimeH") + run(", ") + run("Hoaøn", "VNI-Times"),
          "<t>plain</t>",
          run("Sở Nội vụ", "Times New Roman") + run(" Hoµn thµnh"),
        ]),
      },
    );
    expect(s.rows[0]).toEqual([
      { value: { kind: "string", value: "uû ban nh©n d©n", font: "TCVN3_CAPITALS", fontName: ".VnTimeH" } },
      {
        value: {
          kind: "string",
          value: "Ghi chó: Hoµn thµnh",
          runs: [{ text: "Ghi chó: " }, { text: "Hoµn thµnh", font: "TCVN3", fontName: ".VnTime" }],
        },
      },
      {
        // A run without a font of its own (", ") is in the cell's; without a letter, it joins the run before.
        value: {
          kind: "string",
          value: "Tr\u00adêng , Hoaøn",
          runs: [
            { text: "Tr\u00adêng , ", font: "TCVN3_CAPITALS", fontName: ".VnTimeH" },
            { text: "Hoaøn", font: "VNI", fontName: "VNI-Times" },
          ],
        },
      },
      { value: { kind: "string", value: "plain" } },
      {
        // E1's style is .VnTime: its run without a font is in it, its Times New Roman run is not.
        value: {
          kind: "string",
          value: "Sở Nội vụ Hoµn thµnh",
          runs: [{ text: "Sở Nội vụ" }, { text: " Hoµn thµnh", font: "TCVN3", fontName: ".VnTime" }],
        },
      },
    ]);
  });

  test("runs in .VnTimeH carry it in a workbook whose styles name no legacy font", () => {
    const s = read1('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', {
      styles: styles(["Times New Roman", "Arial"]),
      sharedStrings: richSst(["<t>Hoµn thµnh</t>", run("uû ban", ".VnTimeH")]),
    });
    expect(s.rows[0]).toEqual([
      { value: { kind: "string", value: "Hoµn thµnh" } },
      { value: { kind: "string", value: "uû ban", font: "TCVN3_CAPITALS", fontName: ".VnTimeH" } },
    ]);
  });

  // Mutation test (session 39): with .VnTimeH beside it, a VNI-Times run was found by ".Vn" alone.
  test("runs in VNI-Times carry it in a workbook whose styles and other runs name no other legacy font", () => {
    const s = read1('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
      styles: styles(["Times New Roman", "Arial"]),
      sharedStrings: richSst([run("Ghi chú: ", "Times New Roman") + run("Hoaøn thaønh", "VNI-Times")]),
    });
    expect(v(s, "A1")).toEqual({
      kind: "string",
      value: "Ghi chú: Hoaøn thaønh",
      runs: [{ text: "Ghi chú: " }, { text: "Hoaøn thaønh", font: "VNI", fontName: "VNI-Times" }],
    });
  });

  // Mutation test (session 39): an empty string written <si/> must keep its place, or each later cell
  // would take the runs, and so the text, of the string after its own.
  test("an empty shared string written <si/> before rich ones leaves each cell its own runs", () => {
    const s = read1('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row>', {
      styles: styles(["Times New Roman", "Arial"]),
      sharedStrings: richSst([
        "",
        run("Ghi chú: ", "Times New Roman") + run("Hoµn thµnh", ".VnTime"),
        run("Sở Nội vụ ", "Times New Roman") + run("uû ban", ".VnTimeH"),
      ]).replace("<si></si>", "<si/>"),
    });
    expect(s.rows[0]).toEqual([
      {
        value: {
          kind: "string",
          value: "Ghi chú: Hoµn thµnh",
          runs: [{ text: "Ghi chú: " }, { text: "Hoµn thµnh", font: "TCVN3", fontName: ".VnTime" }],
        },
      },
      {
        value: {
          kind: "string",
          value: "Sở Nội vụ uû ban",
          runs: [{ text: "Sở Nội vụ " }, { text: "uû ban", font: "TCVN3_CAPITALS", fontName: ".VnTimeH" }],
        },
      },
    ]);
  });

  test("rich text in Unicode fonts only carries no font key, nor do runs in a legacy font's name elsewhere", () => {
    const s = read1('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', {
      styles: styles(["Calibri", "Times New Roman"]),
      sharedStrings: richSst([
        run("Hoµn ", "Times New Roman") + run("thµnh", "Arial"),
        run("www.sonoivu.gov.vn", "Calibri") + run(" .VnTime"),
      ]),
    });
    expect(s.rows[0]).toEqual([
      { value: { kind: "string", value: "Hoµn thµnh" } },
      { value: { kind: "string", value: "www.sonoivu.gov.vn .VnTime" } },
    ]);
  });

  test("a run in Times New Roman in a .VnTime cell is in Times New Roman", () => {
    const s = read1('<row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>', {
      styles: styles(["Calibri", ".VnTime"]),
      sharedStrings: richSst([run("Sè", "Times New Roman") + run(" 12")]),
    });
    expect(v(s, "A1")).toEqual({ kind: "string", value: "Sè 12" });
  });

  test("no font key on any cell of a workbook whose fonts are all Unicode ones", () => {
    const s = read1('<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>', {
      styles: styles(["Calibri", "Times New Roman"]),
      sharedStrings: sstXml(["Hoµn thµnh"]),
    });
    expect(s.rows[0]).toEqual([
      { value: { kind: "string", value: "Hoµn thµnh" } },
      { value: { kind: "string", value: "Hoµn thµnh" } },
    ]);
  });
});

describe("dates", () => {
  const styles = stylesXml(
    [
      { numFmtId: 0 },
      { numFmtId: 14 },
      { numFmtId: 164 },
      { numFmtId: 165 },
      { numFmtId: 166 },
      { numFmtId: 4 },
    ],
    {
      164: "dd/mm/yyyy",
      165: '0.00" ngày"',
      166: "[$-42A]h:mm AM/PM",
    },
  );

  test("styles decide isDate (built-in and custom formats)", () => {
    const s = read1(
      '<row r="1"><c r="A1" s="0"><v>45000</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1" s="2"><v>45000</v></c>' +
        '<c r="D1" s="3"><v>1.5</v></c><c r="E1" s="4"><v>0.5</v></c><c r="F1" s="5"><v>3</v></c><c r="G1" s="99"><v>3</v></c></row>',
      { styles },
    );
    expect(v(s, "A1")).toEqual({ kind: "number", value: 45000 });
    expect(v(s, "B1")).toEqual({ kind: "number", value: 45000, isDate: true });
    expect(v(s, "C1")).toEqual({ kind: "number", value: 45000, isDate: true });
    expect(v(s, "D1")).toEqual({ kind: "number", value: 1.5 });
    expect(v(s, "E1")).toEqual({ kind: "number", value: 0.5, isDate: true });
    expect(v(s, "F1")).toEqual({ kind: "number", value: 3 });
    expect(v(s, "G1")).toEqual({ kind: "number", value: 3 });
  });

  test("a custom date format with the month first marks its dates (a US machine stores 10/05 typed as 5 October)", () => {
    const st =
      `<styleSheet xmlns="${NS_MAIN}"><numFmts count="4"><numFmt numFmtId="167" formatCode="mm/dd/yyyy"/>` +
      `<numFmt numFmtId="168" formatCode="dd/mm/yyyy"/><numFmt numFmtId="169" formatCode="mmm d, yyyy"/>` +
      `<numFmt numFmtId="170" formatCode="h:mm dd/mm"/><numFmt numFmtId="171" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>` +
      `<cellXfs count="6"><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="169"/><xf numFmtId="170"/><xf numFmtId="14"/><xf numFmtId="171"/></cellXfs></styleSheet>`;
    const s = read1(
      '<row r="1"><c r="A1" s="0"><v>46300</v></c><c r="B1" s="1"><v>46300</v></c><c r="C1" s="2"><v>46300</v></c>' +
        '<c r="D1" s="3"><v>46300</v></c><c r="E1" s="4"><v>46300</v></c><c r="F1" s="5"><v>46300</v></c></row>',
      { styles: st },
    );
    expect(v(s, "A1")).toEqual({ kind: "number", value: 46300, isDate: true, monthFirst: true });
    // Day first, the month by name, minutes before the day, the built-in date, the year first: not marked.
    for (const cell of ["B1", "C1", "D1", "E1", "F1"])
      expect(v(s, cell)).toEqual({ kind: "number", value: 46300, isDate: true });
  });

  test("cellStyleXfs are not mistaken for cellXfs", () => {
    const st =
      `<styleSheet xmlns="${NS_MAIN}"><cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="2"><xf numFmtId="0"><alignment/></xf><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const s = read1('<row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>1</v></c></row>', {
      styles: st,
    });
    expect(v(s, "A1")).toEqual({ kind: "number", value: 1 });
    expect(v(s, "B1")).toEqual({ kind: "number", value: 1, isDate: true });
  });

  test('t="d" ISO dates become serials in the workbook\'s date system', () => {
    const row =
      '<row r="1"><c r="A1" t="d"><v>2024-03-15</v></c><c r="B1" t="d"><v>2024-03-15T12:00:00Z</v></c><c r="C1" t="d"><v>1900-01-01</v></c></row>';
    const s = read1(row);
    expect(v(s, "A1")).toEqual({ kind: "number", value: 45366, isDate: true });
    expect(v(s, "B1")).toEqual({ kind: "number", value: 45366.5, isDate: true });
    expect(v(s, "C1")).toEqual({ kind: "number", value: 1, isDate: true });
    const s1904 = read1(row, { workbookPr: 'date1904="1"' });
    expect(v(s1904, "A1")).toEqual({ kind: "number", value: 45366 - 1462, isDate: true });
  });

  test("date1904 flag", () => {
    const wb = (pr?: string): boolean =>
      ok(readXlsx(rawXlsx({ sheets: [{ name: "S", xml: sheetXml("") }], ...(pr ? { workbookPr: pr } : {}) })))
        .date1904;
    expect(wb()).toBe(false);
    expect(wb('date1904="1"')).toBe(true);
    expect(wb('date1904="true"')).toBe(true);
    expect(wb('date1904="0"')).toBe(false);
  });
});

describe("workbook", () => {
  test("defined names: workbook-level only, literals unquoted, XML decoded", () => {
    const wb = ok(
      readXlsx(
        rawXlsx({
          sheets: [{ name: "S", xml: sheetXml("") }],
          workbookExtra:
            '<definedNames><definedName name="KL226_ID">"KL226-BC/1"</definedName>' +
            '<definedName name="Q">"say ""hi"""</definedName>' +
            "<definedName name=\"R\">'Báo cáo'!$A$1:$B$2</definedName>" +
            '<definedName name="Amp">&quot;a&amp;b&quot;</definedName>' +
            '<definedName name="Local" localSheetId="0">S!$A$1</definedName>' +
            '<definedName name="_xlnm.Print_Area" localSheetId="0">S!$A$1:$C$3</definedName></definedNames>',
        }),
      ),
    );
    expect({ ...wb.definedNames }).toEqual({
      KL226_ID: "KL226-BC/1",
      Q: 'say "hi"',
      R: "'Báo cáo'!$A$1:$B$2",
      Amp: "a&b",
    });
  });

  test("sheet order, hidden sheets included, sheetFilter", () => {
    const bytes = rawXlsx({
      sheets: [
        { name: "A", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: "Ẩn", xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>'), state: "hidden" },
        { name: "C", xml: "this is not even XML <" },
      ],
    });
    const all = readXlsx(bytes);
    expect(all.ok).toBe(false); // sheet C is broken...
    const wb = ok(readXlsx(bytes, { sheetFilter: (n) => n !== "C" })); // ...but it is not parsed when filtered out
    expect(wb.sheets.map((s) => s.name)).toEqual(["A", "Ẩn"]);
    expect(v(wb.sheets[1]!, "A1")).toEqual({ kind: "number", value: 2 });
  });

  test("absolute and ../ relationship targets, non-default part names", () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/ws/first.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../xl/./ws/second.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings/table.xml"/>' +
      "</Relationships>";
    const wb = ok(
      readXlsx(
        rawXlsx({
          sheets: [
            { name: "One", xml: "" },
            { name: "Two", xml: "" },
          ],
          omit: ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"],
          files: {
            "xl/_rels/workbook.xml.rels": rels,
            "xl/ws/first.xml": sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
            "xl/ws/second.xml": sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>'),
            "xl/strings/table.xml": sstXml(["from table"]),
          },
        }),
      ),
    );
    expect(v(wb.sheets[0]!, "A1")).toEqual({ kind: "string", value: "from table" });
    expect(v(wb.sheets[1]!, "A1")).toEqual({ kind: "number", value: 2 });
  });

  test("stored (uncompressed) entries", () => {
    const wb = ok(
      readXlsx(
        rawXlsx({
          sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1"><v>5</v></c></row>') }],
          level: 0,
        }),
      ),
    );
    expect(v(wb.sheets[0]!, "A1")).toEqual({ kind: "number", value: 5 });
  });

  test("comments, processing instructions and extLst formulas outside sheetData are ignored", () => {
    const xml =
      `<?xml version="1.0"?><!-- made by hand --><worksheet xmlns="${NS_MAIN}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
      `<sheetData><!-- <row r="9"><c r="A9"><v>9</v></c></row> --><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<extLst><ext><x14:dataValidations xmlns:x14="x"><x14:dataValidation><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;
    const wb = ok(readXlsx(rawXlsx({ sheets: [{ name: "S", xml }] })));
    expect(wb.sheets[0]!.rows.length).toBe(1);
  });
});

describe("less common package shapes", () => {
  test("workbook part found through [Content_Types].xml at a non-default path", () => {
    const main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    const ct =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Override PartName="/book/main.xml" ContentType="${main}"/></Types>`;
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="s/one.xml"/></Relationships>';
    const wbXml = `<workbook xmlns="${NS_MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="X" sheetId="1" r:id="r1"/></sheets></workbook>`;
    const bytes = rawXlsx({
      sheets: [],
      contentTypesXml: ct,
      omit: ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"],
      files: {
        "book/main.xml": wbXml,
        "book/_rels/main.xml.rels": rels,
        "book/s/one.xml": sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'),
      },
    });
    const wb = ok(readXlsx(bytes));
    expect(wb.sheets.map((s) => s.name)).toEqual(["X"]);
    expect(v(wb.sheets[0]!, "A1")).toEqual({ kind: "number", value: 1 });
  });

  test('CDATA in <v>, lower-case refs, non-ASCII text in the sheet XML, time-only t="d"', () => {
    const s = read1(
      '<row r="1"><c r="a1"><v><![CDATA[12.5]]></v></c><c r="B1" t="inlineStr"><is><t>Hà Nội – 100%</t></is></c>' +
        '<c r="C1" t="d"><v>12:00:00</v></c></row>',
    );
    expect(v(s, "A1")).toEqual({ kind: "number", value: 12.5 });
    expect(v(s, "B1")).toEqual({ kind: "string", value: "Hà Nội – 100%" });
    expect(v(s, "C1")).toEqual({ kind: "number", value: 0.5, isDate: true });
  });

  test("an .xlsb-like package (binary workbook) is BINARY_XLSB, not MACRO_ENABLED", () => {
    const bytes = rawXlsx({
      sheets: [],
      omit: ["xl/workbook.xml"],
      files: { "xl/workbook.bin": new Uint8Array([1, 2, 3]) },
      mainContentType: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
    });
    const out = readXlsx(bytes);
    expect(out.ok ? "OK" : out.reason).toBe("BINARY_XLSB");
  });
});
