// Builds filled workbooks of any form in code for tests, samples and benchmarks: start from the
// real template (core/template.ts), fill it like a clerk, then apply edits that show the one
// cell a test is about (text numbers, inserted rows, NFD text, formulas with cached values).

import { UNIT_TYPES, type UnitTypeId } from "../../src/core/catalogue";
import { PERIOD_LABELS, type Form, type PeriodKind } from "../../src/core/form";
import { DEFAULT_PROFILE, type Profile } from "../../src/core/profile";
import type { CellInput, CellSpec, SheetSpec, WorkbookSpec } from "../../src/core/sheetspec";
import { templateTasks, templateWorkbook } from "../../src/core/template";
import { writeXlsx } from "../../src/xlsx/write";

export interface ReportData {
  readonly unit: string;
  readonly name: string;
  readonly type?: UnitTypeId;
  readonly period?: PeriodKind;
  readonly year?: number;
  /** A real date (written as an Excel date) or any cell input (e.g. the text "05/06/2026"). */
  readonly reportDate?: { year: number; month: number; day: number } | CellInput;
  /** [previous, current] per count; defaults give a unit that meets every target. */
  readonly counts?: Partial<Record<string, readonly [CellInput, CellInput]>>;
  /** Free-text rows of Thông tin (KHO_KHAN, KIEN_NGHI, MO_HINH_HAY). */
  readonly texts?: Partial<Record<string, string>>;
  /** Status text per task row (defaults to "Hoàn thành" for each task of the profile). */
  readonly taskStatuses?: readonly string[];
  /** Meeting log rows: [name, type, form, days]. */
  readonly meetings?: ReadonlyArray<readonly [string, string, string, number | string]>;
  readonly preparer?: string;
  readonly email?: string;
}

/** A unit that meets every default target. */
export const GOOD_COUNTS: Record<string, readonly [number, number]> = {
  HN_TONG: [100, 90],
  HN_TRUC_TUYEN: [50, 60],
  HN_VUOT_THOI_LUONG: [2, 0],
  VB_HANH_CHINH: [200, 170],
  TTHC_TONG: [1000, 1200],
  TTHC_SO: [900, 1150],
  VB_TONG: [3000, 3200],
  VB_SO_HOA: [2800, 3100],
  VB_KHONG_MAT: [1500, 1600],
  VB_DIEN_TU: [1500, 1600],
  CC_TONG: [80, 80],
  CC_KY_NANG_SO: [60, 80],
  TTHC_CAT_GIAM: [3, 5],
};

export type Edit =
  /** A cell's value, and with `numFmt` its number format too ("0%": the clerk formatted it as a percentage). */
  | {
      readonly op: "set";
      readonly sheet: string;
      readonly cell: string;
      readonly value: CellInput;
      readonly numFmt?: string;
    }
  /** Insert an empty row before the 1-based row (later rows shift down). */
  | {
      readonly op: "insertRow";
      readonly sheet: string;
      readonly row: number;
      readonly cells?: readonly CellInput[];
    }
  | { readonly op: "deleteRow"; readonly sheet: string; readonly row: number }
  | { readonly op: "removeSheet"; readonly sheet: string }
  | { readonly op: "renameSheet"; readonly sheet: string; readonly to: string }
  /** A copy of the sheet (as it is then), placed after it, named `to` (Excel names it "Chỉ tiêu (2)"). */
  | { readonly op: "copySheet"; readonly sheet: string; readonly to: string }
  /** Cells merged over a range ("D10:E10"), as a clerk does with "Merge & Center". */
  | { readonly op: "merge"; readonly sheet: string; readonly range: string }
  /**
   * An empty column inserted before column `before` ("E"), as Excel does: later cells move right, a
   * merge across it widens; validations dropped (they no longer line up).
   */
  | { readonly op: "insertColumn"; readonly sheet: string; readonly before: string }
  /** Column `column` deleted ("C"): later cells move left, a merge across it narrows. */
  | { readonly op: "deleteColumn"; readonly sheet: string; readonly column: string };

const FIRST_DATA_ROW = 5; // template header is row 4

/**
 * Values that meet every target of a form, derived from its rules (KL226-BC/1: GOOD_COUNTS): parts
 * equal their wholes, reductions cut 20% more than asked, max counts 0, min counts their target,
 * percentages 98,5 over 200 answers. Written in the test, not taken from the code under test.
 */
export function goodCounts(form: Form): Record<string, readonly [number, number]> {
  if (form.id === "KL226-BC/1") return GOOD_COUNTS;
  const out: Record<string, [number, number]> = {};
  for (const f of form.counts) out[f.code] = f.type === "percent" ? [98.5, 98.5] : [1000, 1000];
  for (const ind of form.indicators) {
    if (ind.kind === "reduction") {
      const current = Math.floor((1 - Math.min(1, ind.target + 0.2)) * 1000);
      out[ind.of] = [1000, current];
    } else if (ind.kind === "maxCount") out[ind.of] = [0, 0];
    else if (ind.kind === "minCount") out[ind.of] = [ind.target, ind.target];
    else if (ind.kind === "percent") out[ind.weight] = [200, 200];
  }
  // Parts equal their wholes, wholes settled first (a whole may itself be a part).
  for (let pass = 0; pass < form.parts.length; pass++) {
    for (const { part, whole } of form.parts) out[part] = [...(out[whole] ?? [0, 0])] as [number, number];
  }
  for (const ind of form.indicators) if (ind.kind === "maxCount") out[ind.of] = [0, 0];
  return out;
}

export function reportSpec(
  data: ReportData,
  edits: readonly Edit[] = [],
  profile: Profile = DEFAULT_PROFILE,
): WorkbookSpec {
  const form = profile.form;
  const base = templateWorkbook(profile);
  const filled: Edit[] = [];
  const info = (code: number, value: CellInput): void =>
    void filled.push({ op: "set", sheet: "Thông tin", cell: `C${FIRST_DATA_ROW + code}`, value });
  info(0, data.unit);
  info(1, data.name);
  info(2, UNIT_TYPES.find((t) => t.id === (data.type ?? "SO_NGANH"))!.label);
  info(
    3,
    PERIOD_LABELS[data.period ?? (form.periods.some((p) => p.kind === "6T") ? "6T" : form.periods[0]!.kind)]
      .label,
  );
  info(4, data.year ?? 2026);
  const date = data.reportDate ?? { year: 2026, month: 6, day: 5 };
  info(5, isCivil(date) ? { date } : date);
  if (data.preparer !== undefined) info(6, data.preparer);
  if (data.email !== undefined) info(8, data.email);
  form.freeText.forEach((f, i) => {
    const text = data.texts?.[f.code];
    if (text !== undefined) info(9 + i, text);
  });
  const good = goodCounts(form);
  form.counts.forEach((f, i) => {
    const pair = data.counts?.[f.code] ?? good[f.code] ?? [0, 0];
    filled.push({ op: "set", sheet: "Chỉ tiêu", cell: `D${FIRST_DATA_ROW + i}`, value: pair[0] });
    filled.push({ op: "set", sheet: "Chỉ tiêu", cell: `E${FIRST_DATA_ROW + i}`, value: pair[1] });
  });
  const statuses = data.taskStatuses ?? templateTasks(form).map(() => "Hoàn thành");
  statuses.forEach((s, i) =>
    filled.push({ op: "set", sheet: "Nhiệm vụ", cell: `G${FIRST_DATA_ROW + i}`, value: s }),
  );
  (data.meetings ?? []).forEach((m, i) => {
    const r = FIRST_DATA_ROW + i;
    filled.push({ op: "set", sheet: "Hội nghị", cell: `A${r}`, value: i + 1 });
    filled.push({ op: "set", sheet: "Hội nghị", cell: `B${r}`, value: m[0] });
    filled.push({ op: "set", sheet: "Hội nghị", cell: `C${r}`, value: m[1] });
    filled.push({ op: "set", sheet: "Hội nghị", cell: `D${r}`, value: m[2] });
    filled.push({ op: "set", sheet: "Hội nghị", cell: `F${r}`, value: m[3] });
  });
  return applyEdits(base, [...filled, ...edits]);
}

export function reportBytes(
  data: ReportData,
  edits: readonly Edit[] = [],
  profile: Profile = DEFAULT_PROFILE,
): Uint8Array {
  return writeXlsx(reportSpec(data, edits, profile));
}

function isCivil(v: unknown): v is { year: number; month: number; day: number } {
  return typeof v === "object" && v !== null && "year" in v && "month" in v && "day" in v;
}

function applyEdits(spec: WorkbookSpec, edits: readonly Edit[]): WorkbookSpec {
  let sheets: SheetSpec[] = spec.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const edit of edits) {
    if (edit.op === "removeSheet") {
      sheets = sheets.filter((s) => s.name !== edit.sheet);
      continue;
    }
    const index = sheets.findIndex((s) => s.name === edit.sheet);
    const sheet = sheets[index];
    if (!sheet) throw new Error(`no sheet ${edit.sheet}`);
    const rows = sheet.rows as Array<Array<CellSpec | null>>;
    switch (edit.op) {
      case "renameSheet":
        sheets[index] = { ...sheet, name: edit.to };
        break;
      case "copySheet":
        sheets.splice(index + 1, 0, { ...sheet, name: edit.to, rows: rows.map((r) => [...r]) });
        break;
      case "merge":
        sheets[index] = { ...sheet, merges: [...(sheet.merges ?? []), edit.range] };
        break;
      case "set": {
        const { row, col } = parseA1(edit.cell);
        while (rows.length <= row) rows.push([]);
        const r = rows[row]!;
        while (r.length <= col) r.push(null);
        const style = r[col]?.style;
        r[col] = { value: edit.value, style: edit.numFmt ? { ...style, numFmt: edit.numFmt } : style };
        break;
      }
      case "insertRow":
        rows.splice(
          edit.row - 1,
          0,
          (edit.cells ?? []).map((value) => ({ value })),
        );
        // Validations and merges of the template no longer line up; tests of inserted rows are about reading.
        sheets[index] = { ...sheet, rows, dataValidations: [], merges: [] };
        break;
      case "deleteRow":
        rows.splice(edit.row - 1, 1);
        sheets[index] = { ...sheet, rows, dataValidations: [], merges: [] };
        break;
      case "insertColumn":
      case "deleteColumn": {
        const at = parseA1(`${edit.op === "insertColumn" ? edit.before : edit.column}1`).col;
        const by = edit.op === "insertColumn" ? 1 : -1;
        for (const r of rows) {
          if (r.length <= at) continue;
          if (by === 1) r.splice(at, 0, null);
          else r.splice(at, 1);
        }
        const moved = (col: number): number => (col > at || (by === 1 && col === at) ? col + by : col);
        const merges = (sheet.merges ?? []).map((range) => {
          const [from, to] = range.split(":").map(parseA1) as [
            { row: number; col: number },
            { row: number; col: number },
          ];
          return `${a1Of(from.row, moved(from.col))}:${a1Of(to.row, moved(to.col))}`;
        });
        sheets[index] = { ...sheet, rows, dataValidations: [], merges };
        break;
      }
    }
  }
  return { ...spec, sheets };
}

function a1Of(row: number, col: number): string {
  let letters = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

function parseA1(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad A1 ref ${ref}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * A valid quý II/2025 CCHC-BC/2025 report of a unit under a Sở (its counts are the form's good
 * ones; the investment rows filled, 95% disbursed), for building with the form's default profile
 * or a CCHC plan's (`reportBytes(cchcUnit("P_A"), [], profile)`).
 */
export function cchcUnit(unit: string): ReportData {
  return {
    unit,
    name: `Phòng ${unit}`,
    type: "PHONG_THUOC_SO",
    period: "Q2",
    year: 2025,
    reportDate: { year: 2025, month: 6, day: 10 },
    counts: { VON_KE_HOACH: [null, 1000], VON_GIAI_NGAN: [null, 950] },
  };
}
