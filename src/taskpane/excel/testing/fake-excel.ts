// Test support: a small in-memory Excel for the adapter tests. Objects with Office.js load/sync
// semantics (ranges, notes, settings, charts) are office-addin-mock OfficeMockObjects, so reading a
// property before load() + sync() fails the test; collections, which office-addin-mock cannot mock,
// are plain objects. Every write lands in a per-sheet grid the tests assert on, and each sync()
// is counted with the payload of the request it ends.

/* eslint-disable @typescript-eslint/no-this-alias -- the fake hands out Office-shaped objects whose closures write back to their owner */
import { OfficeMockObject } from "office-addin-mock";

export interface FakeCell {
  value: string | number | boolean;
  numberFormat: string;
  fill: string | null;
}

export interface FakeSeries {
  name: string;
  chartType: string;
  /** Address of the values ("'Sheet'!C2:C9"); the first series takes the chart's source. */
  values: string;
  xValues: string | null;
  markerStyle: string | null;
  markerSize: number | null;
  lineColor: string | null;
  fillColor: string | null;
}

export interface FakeChart {
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  title: string;
  legend: string;
  readonly valueAxis: { numberFormat: string; minimum: number | null; maximum: number | null };
  position: [string, string] | null;
  readonly series: FakeSeries[];
}

/** What was set on a worksheet's pageLayout (null: never set). */
export interface FakePageLayout {
  paperSize: string | null;
  orientation: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
  /** Set only when a sheet prints more than one page wide. */
  printOrder?: string;
  margins: Record<string, number>;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  /** centerHeader, centerFooter, … of defaultForAllPages. */
  headersFooters: Record<string, string>;
}

/** A1 "C7" → [row, col], 0-based. */
export function parseCell(a1: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`bad cell ${a1}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

/** "A1:C3", "B2", "A:A", "5:5" → every cell key (whole rows/columns are skipped: layout only). */
function cellsOf(address: string): string[] | null {
  const [a = "", b = a] = address.split(":");
  if (!/\d/.test(a) || !/[A-Z]/i.test(a)) return null;
  const [r0, c0] = parseCell(a);
  const [r1, c1] = parseCell(b);
  const out: string[] = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(`${r},${c}`);
  return out;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly notes = new Map<string, string>();
  readonly charts: FakeChart[] = [];
  readonly pageLayout: FakePageLayout = {
    paperSize: null,
    orientation: null,
    zoom: null,
    margins: {},
    printTitleRows: null,
    printTitleColumns: null,
    headersFooters: {},
  };
  readonly merges: string[] = [];
  visibility = "Visible";
  deleted = false;
  frozen: string | null = null;
  autoFilter: string | null = null;
  constructor(
    readonly excel: FakeExcel,
    public name: string,
  ) {}

  cell(a1: string): FakeCell | undefined {
    const [r, c] = parseCell(a1);
    return this.cells.get(`${r},${c}`);
  }
  private ensure(key: string): FakeCell {
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { value: "", numberFormat: "General", fill: null }));
    return cell;
  }

  /** Values as Excel would store them: a leading apostrophe marks text and is not part of the value. */
  setValues(address: string, values: ReadonlyArray<ReadonlyArray<unknown>>): void {
    const [r0, c0] = parseCell(address.split(":")[0]!);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this.ensure(`${r0 + r},${c0 + c}`);
        cell.value =
          typeof v === "string" && v.startsWith("'") ? v.slice(1) : (v as string | number | boolean);
      }),
    );
    this.excel.payload += JSON.stringify(values).length;
  }
  setFormats(address: string, formats: ReadonlyArray<ReadonlyArray<unknown>>): void {
    const [r0, c0] = parseCell(address.split(":")[0]!);
    formats.forEach((row, r) =>
      row.forEach((f, c) => (this.ensure(`${r0 + r},${c0 + c}`).numberFormat = String(f))),
    );
    this.excel.payload += JSON.stringify(formats).length;
  }
  setFill(address: string, color: string | null): void {
    for (const area of address.split(","))
      for (const key of cellsOf(area) ?? []) this.ensure(key).fill = color;
    this.excel.payload += address.length;
  }

  /** A Range with the members the adapters use; `fill` starts as `initialFill` (null: no fill). */
  range(address: string): Excel.Range {
    const sheet = this;
    const key = address.split(":")[0]!;
    const existing = cellsOf(address) !== null && !address.includes(":") ? this.cell(key) : undefined;
    const fill = new OfficeMockObject({
      color: existing?.fill ?? "#FFFFFF",
      pattern: existing?.fill ? "Solid" : "None",
      clear: () => sheet.setFill(address, null),
    });
    this.excel.track(fill);
    // Office semantics: a property write reaches the workbook at the next sync (see FakeExcel.sync).
    this.excel.fills.push({ mock: fill, sheet: this, address, seen: undefined });
    const format = {
      fill,
      font: {},
      borders: { getItem: () => ({}) },
      set columnWidth(_w: number) {},
      set rowHeight(_h: number) {},
    };
    const mock = new OfficeMockObject({ address: `'${this.name}'!${address}` });
    this.excel.track(mock);
    const range = Object.assign(mock, {
      /** The address without a load (the fake's own bookkeeping; adapters must load `address`). */
      fakeAddress: `'${this.name}'!${address}`,
      format,
      merge: () => void sheet.merges.push(address),
      select: () => void (sheet.excel.selected = `${sheet.name}!${address}`),
    });
    Object.defineProperty(range, "values", { set: (v: unknown[][]) => sheet.setValues(address, v) });
    Object.defineProperty(range, "numberFormat", { set: (v: unknown[][]) => sheet.setFormats(address, v) });
    return range as unknown as Excel.Range;
  }
  /** The write-only pageLayout handed to adapters: every setting lands in `pageLayout`. */
  pageLayoutProxy(): unknown {
    const layout = this.pageLayout;
    const excel = this.excel;
    const set = <K extends keyof FakePageLayout>(key: K, v: FakePageLayout[K]) => {
      layout[key] = v;
      excel.payload += 60;
    };
    const margin = (side: string) => ({
      set: (v: number) => {
        layout.margins[side] = v;
        excel.payload += 60;
      },
    });
    const proxy = {
      set paperSize(v: string) {
        set("paperSize", v);
      },
      set orientation(v: string) {
        set("orientation", v);
      },
      set zoom(v: FakePageLayout["zoom"]) {
        set("zoom", v);
      },
      set printOrder(v: string) {
        set("printOrder", v);
      },
      setPrintTitleRows: (v: string) => set("printTitleRows", v),
      setPrintTitleColumns: (v: string) => set("printTitleColumns", v),
      headersFooters: { defaultForAllPages: {} as Record<string, string> },
    };
    for (const side of ["left", "right", "top", "bottom", "header", "footer"]) {
      Object.defineProperty(proxy, `${side}Margin`, margin(side));
    }
    for (const key of [
      "leftHeader",
      "centerHeader",
      "rightHeader",
      "leftFooter",
      "centerFooter",
      "rightFooter",
    ]) {
      Object.defineProperty(proxy.headersFooters.defaultForAllPages, key, {
        set: (v: string) => {
          layout.headersFooters[key] = v;
          excel.payload += v.length + 60;
        },
      });
    }
    return proxy;
  }

  /** The Worksheet object handed to adapters. */
  worksheet(): Excel.Worksheet {
    const sheet = this;
    const ws = {
      get name() {
        return sheet.name;
      },
      set name(v: string) {
        sheet.name = v;
      },
      set visibility(v: string) {
        sheet.visibility = v;
      },
      getRange: (a: string) => sheet.range(a),
      getRanges: (a: string) => {
        const format = { fill: {}, font: {}, borders: { getItem: () => ({}) } };
        Object.defineProperty(format.fill, "color", { set: (v: string) => sheet.setFill(a, v) });
        sheet.excel.payload += a.length;
        return { format };
      },
      delete: () => {
        sheet.deleted = true;
        sheet.excel.payload += 50;
      },
      activate: () => void (sheet.excel.active = sheet.name),
      freezePanes: {
        freezeRows: (n: number) => void (sheet.frozen = `rows:${n}`),
        freezeColumns: (n: number) => void (sheet.frozen = `cols:${n}`),
        freezeAt: () => void (sheet.frozen = "at"),
      },
      autoFilter: { apply: (r: { fakeAddress: string }) => void (sheet.autoFilter = r.fakeAddress) },
      notes: {
        add: (r: { fakeAddress: string }, text: string) => {
          const cell = r.fakeAddress.split("!")[1]!;
          if (sheet.notes.has(cell)) throw new Error("a note already exists");
          sheet.notes.set(cell, text);
        },
        getItemOrNullObject: (cell: string) => {
          // isNullObject is set on the proxy by Office.js itself (no load), so it is a plain property here.
          const note = Object.assign(
            new OfficeMockObject({
              content: sheet.notes.get(cell) ?? "",
              delete: () => void sheet.notes.delete(cell),
            }),
            { isNullObject: !sheet.notes.has(cell) },
          );
          sheet.excel.track(note);
          return note;
        },
      },
      pageLayout: sheet.pageLayoutProxy(),
      charts: {
        add: (type: string, source: { fakeAddress: string }, seriesBy: string) => {
          const chart: FakeChart = {
            type,
            source: source.fakeAddress,
            seriesBy,
            title: "",
            legend: "",
            valueAxis: { numberFormat: "General", minimum: null, maximum: null },
            position: null,
            series: [],
          };
          sheet.charts.push(chart);
          sheet.excel.payload += 500;
          const seriesProxy = (s: FakeSeries) => ({
            set name(v: string) {
              s.name = v;
            },
            set chartType(v: string) {
              s.chartType = v;
            },
            set markerStyle(v: string) {
              s.markerStyle = v;
            },
            set markerSize(v: number) {
              s.markerSize = v;
            },
            setValues: (r: { fakeAddress: string }) => void (s.values = r.fakeAddress),
            setXAxisValues: (r: { fakeAddress: string }) => void (s.xValues = r.fakeAddress),
            format: {
              line: {
                set color(v: string) {
                  s.lineColor = v;
                },
              },
              fill: { setSolidColor: (v: string) => void (s.fillColor = v) },
            },
          });
          const newSeries = (name: string, values: string): FakeSeries => {
            const s: FakeSeries = {
              name,
              chartType: type,
              values,
              xValues: null,
              markerStyle: null,
              markerSize: null,
              lineColor: null,
              fillColor: null,
            };
            chart.series.push(s);
            sheet.excel.payload += 100;
            return s;
          };
          newSeries("", source.fakeAddress);
          return {
            title: {
              set text(v: string) {
                chart.title = v;
              },
            },
            legend: {
              set position(v: string) {
                chart.legend = v;
              },
            },
            axes: { valueAxis: chart.valueAxis },
            series: {
              getItemAt: (i: number) => {
                const s = chart.series[i];
                if (!s) throw new Error(`no series ${i}`);
                return seriesProxy(s);
              },
              add: (name: string) => seriesProxy(newSeries(name, "")),
            },
            setPosition: (from: string, to: string) => void (chart.position = [from, to]),
          };
        },
      },
    };
    return ws as unknown as Excel.Worksheet;
  }
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, string>();
  readonly mocks = new Set<OfficeMockObject>();
  readonly fills: { mock: OfficeMockObject; sheet: FakeSheet; address: string; seen: unknown }[] = [];
  syncs = 0;
  payload = 0;
  /** Payload of each request, in sync order. */
  readonly requests: number[] = [];
  active: string | null = null;
  selected: string | null = null;

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(this, name);
    this.sheets.push(s);
    return s;
  }
  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }
  sheet(name: string): FakeSheet {
    const s = this.live().find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  track(mock: OfficeMockObject): void {
    this.mocks.add(mock);
  }

  context(): Excel.RequestContext {
    const excel = this;
    const settingMock = (key: string): OfficeMockObject => {
      const m = Object.assign(
        new OfficeMockObject({
          value: excel.settings.get(key) ?? "",
          delete: () => void excel.settings.delete(key),
        }),
        { isNullObject: !excel.settings.has(key) },
      );
      excel.track(m);
      return m;
    };
    let worksheetItems: Excel.Worksheet[] = [];
    const worksheets = {
      get items() {
        return worksheetItems;
      },
      load: () => {
        worksheetItems = excel.live().map((s) => s.worksheet());
      },
      add: (name: string) => {
        excel.payload += 50;
        return excel.addSheet(name).worksheet();
      },
      getItem: (name: string) => excel.sheet(name).worksheet(),
    };
    const workbook = {
      worksheets,
      settings: {
        add: (key: string, value: string) => {
          excel.settings.set(key, value);
          excel.payload += value.length;
        },
        getItemOrNullObject: settingMock,
      },
      comments: { load: () => undefined, items: [], add: () => undefined },
    };
    return {
      workbook,
      sync: async () => {
        excel.syncs += 1;
        for (const f of excel.fills) {
          const color: unknown = f.mock.color;
          if (typeof color === "string" && color.startsWith("#") && color !== f.seen)
            f.sheet.setFill(f.address, color);
        }
        excel.requests.push(excel.payload);
        excel.payload = 0;
        await Promise.all([...excel.mocks].map((m) => m.sync()));
        // office-addin-mock publishes loaded values in microtasks after its sync resolves.
        await new Promise((resolve) => setTimeout(resolve, 0));
        for (const f of excel.fills) f.seen = f.mock.color;
      },
    } as unknown as Excel.RequestContext;
  }
}
