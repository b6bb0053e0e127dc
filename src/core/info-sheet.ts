// The "Thông tin" block read: the unit, its period, the report's date and the free-text rows,
// where they are when the clerk moved or deleted its columns too.

import { INFO_FIELDS, UNIT_TYPES, type InfoCode } from "./catalogue";
import { indexCodes, missingRow } from "./coded-rows";
import {
  dateFromSerial,
  monthFirstReading,
  shortYearReading,
  monthFirstText,
  viDate,
  type CivilDate,
} from "./dates";
import { finding, type Finding } from "./findings";
import {
  declaredPeriod,
  exampleReportDate,
  periodOptions,
  type Form,
  type Period,
  type PeriodKind,
} from "./form";
import { INFO_COLS } from "./layout";
import { MSG } from "./messages";
import { monthFirstMisread, unlikelyDateMessage } from "./report-dates";
import {
  codeAfter,
  INFO_CODES,
  codeHeaderRow,
  codeColumn,
  type DeletedCodes,
  INFO_LABELS,
  deletedCodeColumn,
  deletedCodesError,
  movedCodeColumn,
  type MovedColumn,
  movedHeader,
  movedColumnsError,
} from "./structural-edits";
import { cleanName, codeFromWords, codeKey, foldKey, matchOption, type Labelled } from "./text";
import { unitTypeByAlias } from "./unit-types";
import { cellText, readCount, readDate } from "./values";
import { a1, cellAt, parseA1, type Cell, type Sheet } from "./workbook";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UNIT_CODE = /^[A-Z0-9_.-]{2,32}$/;

export interface Header {
  code: string | null;
  /** Mã đơn vị as typed when it is no code ("so nong nghiep mt"); absent otherwise. */
  typedCode?: string;
  name: string | null;
  type: (typeof UNIT_TYPES)[number] | null;
  period: PeriodKind | null;
  year: number | null;
  reportDate: CivilDate | null;
  preparer: string;
  phone: string;
  email: string;
  texts: Record<string, string>;
  /** Where each info field's value was read, by code ("C8"). */
  cells: Partial<Record<InfoCode, string>>;
}

export const EMPTY_HEADER: Header = {
  code: null,
  name: null,
  type: null,
  period: null,
  year: null,
  reportDate: null,
  preparer: "",
  phone: "",
  email: "",
  texts: {},
  cells: {},
};

function infoHint(code: InfoCode, form: Form, declared: Period | null): string {
  switch (code) {
    case "MA_DON_VI":
      return "Nhập mã đơn vị được cơ quan tổng hợp cấp (ví dụ SO_NOI_VU) vào cột C.";
    case "TEN_DON_VI":
      return "Nhập tên đầy đủ của đơn vị vào cột C.";
    case "LOAI_DON_VI":
      return `Chọn một trong: ${UNIT_TYPES.map((t) => t.label).join("; ")}.`;
    case "KY_BAO_CAO":
      return `Chọn ${orList(periodOptions(form).map((p) => `“${p.label}”`))}.`;
    case "NAM":
      return `Nhập năm báo cáo, ví dụ ${exampleReportDate(form).year}.`;
    case "NGAY_BAO_CAO":
      return `Nhập ngày ký báo cáo dạng dd/mm/yyyy, ví dụ ${viDate(exampleReportDate(form, declared))}.`;
    default:
      return "";
  }
}

/** MISSING_VALUE for a Thông tin field left blank, saying what to type in it (infoHint). */
function missingValue(
  sheet: Sheet,
  at: string,
  field: { readonly code: InfoCode; readonly label: string },
  form: Form,
  declared: Period | null,
): Finding {
  return finding(
    "MISSING_VALUE",
    "error",
    sheet.name,
    at,
    MSG.missingInfo(field.label, infoHint(field.code, form, declared)),
  );
}

/** BAD_VALUE's message for a choice typed as none of `options` (Loại đơn vị, Kỳ báo cáo), naming them. */
function badChoice(label: string, text: string, options: readonly Labelled[]): string {
  return MSG.badEnum(
    label,
    text,
    options.map((o) => o.label),
  );
}

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} hoặc ${items[items.length - 1] ?? ""}`;
}

/** Thông tin's "Giá trị" header, folded: where its values are when its columns moved. */
const VALUE_HEADER = /^gia tri\b/;

/**
 * `Thông tin` as readInfo reads it, unless its columns moved: a column inserted before A (the codes
 * in B) or before C (the values in D, under the header "Giá trị"), or column B deleted (the values in
 * B). Then one NOT_TEMPLATE error says
 * so (not "chưa điền Mã đơn vị" on a blank C5 when the code is in D5), and the unit, period and date
 * are still read where they are, with that error only, so the file is known as its unit's (a
 * returned file in the letters, not "chưa nộp").
 */
export function readInfoWhereItIs(sheet: Sheet, form: Form, date1904: boolean, findings: Finding[]): Header {
  const found = codeColumn(sheet, INFO_CODES);
  // Its codes deleted with column A, the label "Email" still reads as the code EMAIL: one code is none.
  const deleted =
    found === undefined || !codeAfter(sheet, found) ? deletedCodeColumn(sheet, INFO_LABELS) : undefined;
  if (deleted !== undefined) return readInfoByLabels(sheet, form, date1904, findings, deleted);
  const shift = found !== undefined && found.col > 0 ? found : undefined;
  const codeCol = found?.col ?? INFO_COLS.code;
  const firstRow = found?.firstRow;
  const headRow = firstRow === undefined ? -1 : codeHeaderRow(sheet, firstRow, codeCol);
  const head = headRow < 0 ? undefined : sheet.rows[headRow];
  const isValueHeader = (c: number): boolean => {
    const cell = head?.[c];
    return cell !== undefined && VALUE_HEADER.test(foldKey(cellText(cell)));
  };
  const expectedValue = codeCol + INFO_COLS.value;
  let valueCol = expectedValue;
  if (head !== undefined && !isValueHeader(expectedValue)) {
    // Right of the code: the label column deleted puts "Giá trị" in B.
    const at = head.findIndex((_, c) => c > codeCol && isValueHeader(c));
    if (at >= 0) valueCol = at;
  }
  if (shift === undefined && valueCol === INFO_COLS.value) return readInfo(sheet, form, date1904, findings);
  const moved: MovedColumn[] = [];
  if (shift !== undefined) moved.push(movedCodeColumn(sheet, shift));
  if (valueCol !== INFO_COLS.value) {
    const value = movedHeader(head ?? [], headRow, valueCol, INFO_COLS.value);
    moved.push(isValueHeader(valueCol) ? value : { ...value, header: "Giá trị" });
  }
  findings.push(movedColumnsError(sheet, moved, MSG.movedInfoColumns(sheet.name, moved)));
  return readInfoAsTemplate(sheet, form, date1904, valueCol, (row) => [
    row[codeCol],
    row[codeCol + INFO_COLS.label],
    row[valueCol],
  ]);
}

/**
 * Thông tin read from a view of it laid out as the template's (code, label, value: `layout` gives a
 * row's three cells), its findings dropped: the NOT_TEMPLATE already said is what the clerk is to
 * mend. The cells read are named where they are in her file, in column `valueCol`.
 */
function readInfoAsTemplate(
  sheet: Sheet,
  form: Form,
  date1904: boolean,
  valueCol: number,
  layout: (row: ReadonlyArray<Cell | undefined>, r: number) => Array<Cell | undefined>,
): Header {
  const view: Sheet = { name: sheet.name, rows: sheet.rows.map((row, r) => row && layout(row, r)) };
  const header = readInfo(view, form, date1904, []);
  const cells: Header["cells"] = {};
  for (const [code, at] of Object.entries(header.cells) as Array<[InfoCode, string]>) {
    const p = parseA1(at);
    if (p !== undefined) cells[code] = a1(p.row, valueCol);
  }
  return { ...header, cells };
}

/**
 * `Thông tin` with its code column deleted (its labels in A, its values in B): one NOT_TEMPLATE, and the
 * rows read by their labels, so the file is still its unit's (returned to it, not a unit that sent
 * nothing), as with its columns moved.
 */
function readInfoByLabels(
  sheet: Sheet,
  form: Form,
  date1904: boolean,
  findings: Finding[],
  deleted: DeletedCodes,
): Header {
  findings.push(deletedCodesError(sheet, deleted, "thông tin"));
  const head = sheet.rows[deleted.headRow];
  const at = head?.findIndex((cell, c) => c > 0 && VALUE_HEADER.test(foldKey(cellText(cell)))) ?? -1;
  const valueCol = at > 0 ? at : INFO_COLS.label;
  return readInfoAsTemplate(sheet, form, date1904, valueCol, (row, r) => {
    const code = deleted.codes.get(r);
    return [
      code === undefined ? undefined : { value: { kind: "string", value: code } },
      row[0],
      row[valueCol],
    ];
  });
}

function readInfo(sheet: Sheet, form: Form, date1904: boolean, findings: Finding[]): Header {
  const rows = indexCodes(sheet, findings);
  const h: Header = { ...EMPTY_HEADER, texts: {}, cells: {} };
  const periods = periodOptions(form);
  // A period typed with its year ("Năm 2025"): checked against the Năm cell once both are read.
  let typedPeriod:
    { text: string; at: string; label: string; year: string | undefined; finding: number } | undefined;
  for (const field of INFO_FIELDS) {
    const r = rows.get(field.code);
    if (r === undefined) {
      if (field.required) findings.push(missingRow(sheet, field));
      continue;
    }
    const cell = cellAt(sheet, r, INFO_COLS.value);
    const at = a1(r, INFO_COLS.value);
    h.cells[field.code] = at;
    const text = cellText(cell);
    const bad = (message: string): void =>
      void findings.push(finding("BAD_VALUE", "error", sheet.name, at, message));
    if (field.code === "NGAY_BAO_CAO") {
      const d = readDate(cell, date1904);
      if (d.kind === "ok") {
        h.reportDate = d.date;
        if (monthFirstMisread(cell, d.date))
          findings.push(
            finding(
              "UNLIKELY_DATE",
              "warning",
              sheet.name,
              at,
              MSG.monthFirstDate(monthFirstText(d.date), d.date),
            ),
          );
      } else if (d.kind === "bad") {
        const meant = monthFirstReading(d.shown);
        const short = meant ? null : shortYearReading(d.shown);
        bad(
          meant
            ? MSG.badDateMonthFirst(d.shown, meant.typedMonth, meant.date)
            : short
              ? MSG.badDateShortYear(d.shown, short)
              : MSG.badDate(d.shown, exampleReportDate(form, declaredPeriod(h))),
        );
      } else findings.push(missingValue(sheet, at, field, form, declaredPeriod(h)));
      continue;
    }
    // A name of only invisible characters is no name (the letter would say "Kính gửi: ").
    const value = field.code === "TEN_DON_VI" ? cleanName(text) : text;
    if (value === "") {
      if (field.required) findings.push(missingValue(sheet, at, field, form, declaredPeriod(h)));
      continue;
    }
    switch (field.code) {
      case "MA_DON_VI": {
        const code = codeKey(text);
        if (UNIT_CODE.test(code)) h.code = code;
        else {
          // Typed in words ("so nong nghiep mt"): the code they spell is offered (and looked up in
          // the roster by a consolidation, which keeps the text typed).
          const spelled = codeFromWords(text);
          bad(MSG.badUnitCode(text, UNIT_CODE.test(spelled) ? spelled : null));
          h.typedCode = text;
        }
        break;
      }
      case "TEN_DON_VI":
        h.name = value;
        break;
      case "LOAI_DON_VI": {
        const t = matchOption(UNIT_TYPES, text);
        // Written short or without marks ("Xã", "UBND xa, phuong"), as the roster may write it too.
        const alias = t ? undefined : unitTypeByAlias(text);
        if (t) h.type = t;
        else if (alias) {
          h.type = alias;
          findings.push(
            finding("COERCED", "warning", sheet.name, at, MSG.typeCoerced(field.label, text, alias.label)),
          );
        } else bad(badChoice(field.label, text, UNIT_TYPES));
        break;
      }
      case "KY_BAO_CAO": {
        const exact = matchOption(periods, text);
        const p = exact ?? matchOption(periods, loosePeriodText(text));
        if (p) h.period = p.id;
        if (p && !exact) {
          const year = /(\d{4})\s*$/.exec(text)?.[1];
          typedPeriod = { text, at, label: p.label, year, finding: findings.length };
          findings.push(
            finding("COERCED", "warning", sheet.name, at, MSG.periodCoerced(field.label, text, p.label)),
          );
        } else if (!p) bad(badChoice(field.label, text, periods));
        break;
      }
      case "NAM": {
        const n = readCount(cell);
        if (n.kind === "ok" && n.value >= 2025 && n.value <= 2100) {
          h.year = n.value;
          if (n.coerced)
            findings.push(
              finding("COERCED", "warning", sheet.name, at, MSG.textCoerced(field.label, text, n.value)),
            );
        } else {
          // A date typed in the year cell shows as a date but is read as its serial (46178).
          const v = cell?.value;
          const date = v?.kind === "number" && v.isDate === true ? dateFromSerial(v.value, date1904) : null;
          const example = exampleReportDate(form).year;
          bad(date !== null ? MSG.dateAsYear(viDate(date), date.year, example) : MSG.badYear(text, example));
        }
        break;
      }
      case "NGUOI_LAP":
        h.preparer = text;
        break;
      case "DIEN_THOAI":
        h.phone = text;
        break;
      case "EMAIL":
        if (EMAIL.test(text)) h.email = text;
        else bad(MSG.badEmail(text));
        break;
    }
  }
  if (typedPeriod?.year !== undefined && h.year !== null && Number(typedPeriod.year) !== h.year) {
    // "Năm 2025" beside Năm 2026: which year the report is of cannot be told.
    const message = MSG.periodYearConflict(typedPeriod.text, h.year, typedPeriod.label);
    findings[typedPeriod.finding] = finding("BAD_VALUE", "error", sheet.name, typedPeriod.at, message);
    h.period = null;
  }
  const dateRow = rows.get("NGAY_BAO_CAO");
  if (h.reportDate && h.period && h.year && dateRow !== undefined) {
    const message = unlikelyDateMessage(h.reportDate, { kind: h.period, year: h.year });
    if (message)
      findings.push(finding("UNLIKELY_DATE", "warning", sheet.name, a1(dateRow, INFO_COLS.value), message));
  }
  // SPEC §8 free-text rows: optional, long text allowed; collected for the report.
  for (const f of form.freeText) {
    const r = rows.get(f.code);
    if (r === undefined) continue;
    const text = cellText(cellAt(sheet, r, INFO_COLS.value));
    if (text !== "") h.texts[f.code] = text;
  }
  return h;
}

/** "06 tháng" → "6 tháng", "Năm 2026" → "Năm", "Quý II/2025" → "Quý II": a period typed with its year or a leading zero. */
function loosePeriodText(text: string): string {
  return text
    .replace(/[\s/-]*\d{4}\s*$/u, "")
    .replace(/(\S)\s+năm$/iu, "$1")
    .replace(/\b0+(\d)/g, "$1")
    .trim();
}
