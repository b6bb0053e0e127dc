// The figures of "Chỉ tiêu" read by code and column (SPEC §3), and the checks between them
// (part ≤ whole, a ratio's whole, a rate's weight).

import { indexCodes, missingRow } from "./coded-rows";
import { finding, type Finding, type FindingCode, type Severity } from "./findings";
import { countField, indicatorInputs, type Column, type CountField, type Form } from "./form";
import type { CountPair, CountValues } from "./judge";
import { COUNT_COLS } from "./layout";
import type { FilledTemplate } from "./marker";
import { MSG } from "./messages";
import {
  countLabels,
  deletedCodeColumn,
  deletedCodesError,
  shiftedCodeColumn,
  movedCodeColumn,
  movedCountColumns,
  movedColumnsError,
} from "./structural-edits";
import { readCount, readPercent, type CountRead, type PercentRead } from "./values";
import { a1, cellAt, type Sheet } from "./workbook";

const COUNT_CODES = new WeakMap<Form, ReadonlySet<string>>();

/** A form's indicator codes as a set, made once per form (every file's Chỉ tiêu is looked up in it). */
function countCodes(form: Form): ReadonlySet<string> {
  let codes = COUNT_CODES.get(form);
  if (codes === undefined) COUNT_CODES.set(form, (codes = new Set(form.counts.map((f) => f.code))));
  return codes;
}

export function columnName(form: Form, column: Column): string {
  return column === "previous" ? `cột D, ${form.previousHeader.toLowerCase()}` : "cột E, kỳ này";
}

/**
 * The counts of `Chỉ tiêu`, and the row (1-based, as Excel numbers it) each was found on. `template`
 * gives the template the unit filled, asked only when a row is missing (filledTemplate).
 */
export function readCounts(
  sheet: Sheet,
  form: Form,
  findings: Finding[],
  template: () => FilledTemplate | undefined = () => undefined,
): { readonly values: CountValues; readonly rows: Readonly<Record<string, number>> } {
  const rows = indexCodes(sheet, findings);
  const values: Record<string, CountPair> = {};
  // Column A's codes are in `rows` already: the other columns are looked at only when it holds none.
  const codes = countCodes(form);
  const shift = [...rows.keys()].some((code) => codes.has(code))
    ? undefined
    : shiftedCodeColumn(sheet, codes);
  const moved =
    shift !== undefined
      ? [movedCodeColumn(sheet, shift), ...movedCountColumns(sheet, form, shift.firstRow, shift.col)]
      : rows.size === 0
        ? []
        : movedCountColumns(sheet, form, Math.min(...rows.values()));
  const deleted =
    rows.size === 0 && shift === undefined ? deletedCodeColumn(sheet, countLabels(form)) : undefined;
  if (deleted !== undefined) {
    // Every row would be "không tìm thấy dòng có mã …, chép lại dòng này": one error, the column.
    findings.push(deletedCodesError(sheet, deleted, "số liệu"));
    for (const field of form.counts) values[field.code] = { previous: null, current: null };
    return { values, rows: {} };
  }
  if (moved.length > 0) {
    // Every figure would be read from the wrong column: one error that says how to put them back,
    // not a "chưa điền" on each cell the clerk did fill.
    findings.push(movedColumnsError(sheet, moved, MSG.movedColumns(sheet.name, moved, form.previousHeader)));
    for (const field of form.counts) values[field.code] = { previous: null, current: null };
    return { values, rows: {} };
  }
  // Counts typed with comma groups ("1,200": BAD_VALUE, ambiguous), by `${code}|${column}`: the
  // number their digits make, for the part ≤ whole check below.
  const grouped = new Map<string, number>();
  for (const field of form.counts) {
    const r = rows.get(field.code);
    if (r === undefined) {
      const required = field.previousRequired || field.currentRequired;
      const judged = form.indicators.filter((ind) =>
        indicatorInputs(ind).some(([code]) => code === field.code),
      );
      const filled = template();
      if (filled !== undefined && !filled.codes.has(field.code))
        // Checked by a plan whose row the unit's template never had: not deleted, another template.
        findings.push(
          finding(
            "MISSING_FIELD",
            required ? "error" : "warning",
            sheet.name,
            null,
            MSG.rowNotInTemplate(
              sheet.name,
              field.code,
              field.label,
              filled.name,
              filled.checkedBy,
              required ? null : judged.map((ind) => ind.label),
            ),
          ),
        );
      else if (required) findings.push(missingRow(sheet, field));
      else {
        // An optional row deleted: its figures are not summed and the indicators built on it are not
        // judged for the unit — said, since a blank cell would have been "chưa điền" only if required.
        findings.push(
          finding(
            "MISSING_FIELD",
            "warning",
            sheet.name,
            null,
            MSG.missingOptionalRow(
              sheet.name,
              field.code,
              field.label,
              judged.map((ind) => ind.label),
            ),
          ),
        );
      }
      values[field.code] = { previous: null, current: null };
      continue;
    }
    const pair = { previous: null as number | null, current: null as number | null };
    for (const column of ["previous", "current"] as const) {
      pair[column] = readValue(sheet, field, r, column, form, findings, grouped);
    }
    values[field.code] = pair;
  }
  const label = (code: string): string => countField(form, code).label;
  const cellOf = (r: number, column: Column): string => a1(r, COUNT_COLS[column]);
  // A cell that already has a finding (a bad value says more than what follows from it).
  const flagged = (cell: string): boolean => findings.some((f) => f.sheet === sheet.name && f.cell === cell);
  const push = (code: FindingCode, severity: Severity, cell: string, message: string): void =>
    void findings.push(finding(code, severity, sheet.name, cell, message));
  for (const { part, whole } of form.parts) {
    for (const column of ["previous", "current"] as const) {
      const p = values[part]?.[column] ?? null;
      // A whole typed "1,200" is 1200 or 1,2: a part over 1200 is too large either way, and is said
      // now rather than after the clerk has retyped the whole (one more round trip).
      const w = values[whole]?.[column] ?? grouped.get(`${whole}|${column}`) ?? null;
      const r = rows.get(part);
      if (p !== null && w !== null && p > w && r !== undefined) {
        const col = column === "previous" ? "D" : "E";
        push(
          "INCONSISTENT",
          "error",
          cellOf(r, column),
          MSG.inconsistent(label(part), p, label(whole), w, col),
        );
      }
    }
  }
  // A ratio's part filled and its whole (optional) left blank: the unit's ratio cannot be worked
  // out and the part stays out of the province's ratio while the sums show it. Not an error (both
  // are optional, and the figure typed is kept), but the clerk is told, at the whole's cell.
  for (const ind of form.indicators) {
    if (ind.kind !== "ratio") continue;
    const part = values[ind.part]?.current ?? null;
    const r = rows.get(ind.whole);
    if (part === null || values[ind.whole]?.current !== null || r === undefined) continue;
    const cell = cellOf(r, "current");
    if (!flagged(cell))
      push(
        "MISSING_VALUE",
        "warning",
        cell,
        MSG.partWithoutWhole(label(ind.part), part, label(ind.whole), ind.label),
      );
  }
  // SPEC §8: a rate without its weight (HAI_LONG filled, PHIEU_KHAO_SAT blank) cannot be pooled;
  // nor one over 0 forms: it would be judged for the unit yet weigh nothing in the province's rate.
  for (const ind of form.indicators) {
    if (ind.kind !== "percent") continue;
    for (const column of ["previous", "current"] as const) {
      const rate = values[ind.rate]?.[column];
      if (rate === null || rate === undefined) continue;
      const weight = values[ind.weight]?.[column];
      const r = rows.get(ind.weight);
      const where = columnName(form, column);
      if (weight === 0 && r !== undefined) {
        push(
          "INCONSISTENT",
          "error",
          cellOf(r, column),
          MSG.zeroWeight(label(ind.weight), label(ind.rate), rate, where),
        );
      } else if (weight === null) {
        if (r === undefined) findings.push(missingRow(sheet, countField(form, ind.weight)));
        else if (!flagged(cellOf(r, column)))
          push(
            "MISSING_VALUE",
            "error",
            cellOf(r, column),
            MSG.missingWeight(label(ind.weight), label(ind.rate), where),
          );
      }
    }
  }
  const found: Record<string, number> = {};
  for (const field of form.counts) {
    const r = rows.get(field.code);
    if (r !== undefined) found[field.code] = r + 1;
  }
  return { values, rows: found };
}

function readValue(
  sheet: Sheet,
  field: CountField,
  r: number,
  column: Column,
  form: Form,
  findings: Finding[],
  grouped?: Map<string, number>,
): number | null {
  const at = a1(r, COUNT_COLS[column]);
  const cell = cellAt(sheet, r, COUNT_COLS[column]);
  const required = column === "previous" ? field.previousRequired : field.currentRequired;
  const where = columnName(form, column);
  let read: CountRead | PercentRead;
  let badMessage: (() => string) | undefined;
  if (field.type === "percent") {
    const r = readPercent(cell);
    if (r.kind === "bad") badMessage = () => MSG.badPercent(field.label, where, r.shown, r.why);
    read = r;
  } else {
    const r = readCount(cell);
    if (r.kind === "bad") badMessage = () => MSG.badCount(field.label, where, r.shown, r.why);
    if (r.kind === "bad" && r.why === "commaGroups")
      grouped?.set(`${field.code}|${column}`, Number(r.shown.replace(/[^0-9]/g, "")));
    read = r;
  }
  if (read.kind === "ok") {
    if (read.coerced)
      findings.push(
        finding(
          "COERCED",
          "warning",
          sheet.name,
          at,
          "rounded" in read && read.rounded === true
            ? MSG.roundedFormula(field.label, where, read.text ?? "", read.value)
            : MSG.coerced(field.label, where, read.text ?? "", read.value),
        ),
      );
    return read.value;
  }
  if (badMessage) {
    findings.push(finding("BAD_VALUE", "error", sheet.name, at, badMessage()));
  } else if (required) {
    findings.push(
      finding(
        "MISSING_VALUE",
        "error",
        sheet.name,
        at,
        field.type === "percent"
          ? MSG.missingPercent(field.label, where)
          : MSG.missingCount(field.label, where, column === "previous"),
      ),
    );
  }
  return null;
}
