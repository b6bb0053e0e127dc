// The roll-up: a consolidation turned into one KL226-BC/1 submission for the level above (the
// consolidating unit reports the sums of its units), with a hidden sheet naming the sources.

import {
  ROLLUP_LISTS_SHEET,
  ROLLUP_SOURCES_SHEET,
  SHEETS,
  TASK_STATUSES,
  type TaskStatusId,
  type UnitTypeId,
} from "./catalogue";
import type { Consolidation, TaskSummary, UnitSummary } from "./consolidation";
import { baseName } from "./file-names";
import { compareDates, viDate, type CivilDate } from "./dates";
import { reductionBases, type Column, type Form, type Indicator } from "./form";
import { judgeRate, pairOf } from "./judge";
import { viDecimal, viInteger } from "./format";
import { COUNT_COLS, TASK_COLS, TEMPLATE_HEADER_ROW } from "./layout";
import type { Organisation, Profile } from "./profile";
import type { CellInput, CellSpec, SheetSpec, WorkbookSpec } from "./sheetspec";
import { MAX_ROW_HEIGHT, PAGE_OF_PAGES, TABLE_HEAD, wrappedLines } from "./sheetspec";
import { MSG } from "./messages";
import { templateTasks, templateWorkbook } from "./template";
import { clipped, codeKey, compareText } from "./text";
import { isSenderUnit } from "./documents";
import { isUnlikelyReportDate } from "./report-dates";

export interface RollupUnit {
  readonly code: string;
  readonly name: string;
  readonly typeId: UnitTypeId;
}

const COLUMN_LETTER: Readonly<Record<Column, string>> = { previous: "D", current: "E" };

/**
 * A note beside a roll-up count. One that names units has them apart (`units`, written in
 * parentheses between `text` and `rest`), so a list too long for its cell can go to a sheet of its own.
 */
export interface RollupNote {
  readonly text: string;
  readonly units?: readonly Pick<UnitSummary, "code" | "name">[];
  readonly rest?: string;
}

/** One count of the roll-up: the value written and why it is not the plain sum, if it is not. */
export interface RollupCount {
  readonly value: number | null;
  readonly notes: readonly RollupNote[];
}

/**
 * The roll-up's Chỉ tiêu values (SPEC §5 province row): the sum over the units that filled each
 * value, blank when none did. Two exceptions keep the roll-up a valid report:
 * - a required value no unit filled is written 0 (a blank required cell is an error), with a note;
 * - a "trong đó" part is summed over the units that also filled its whole in that column (as the
 *   province indicators pool it), so the part can never exceed the whole; only possible when a unit
 *   filled an optional part and left its optional whole blank, and said in the note.
 * A percentage (SPEC §8) is the mean of the units' rates weighted by their weight count, rounded to
 * 2 decimals as the template allows; the weight is summed like any count.
 */
export function rollupCounts(
  units: readonly UnitSummary[],
  form: Form,
): Record<string, Record<Column, RollupCount>> {
  const out: Record<string, Record<Column, RollupCount>> = {};
  const value = (u: UnitSummary, code: string, column: Column): number | null =>
    pairOf(u.values, code)[column];
  const reductionBase = reductionBases(form);
  // The counts a percentage is weighted by (its number of survey answers).
  const weights = new Set(
    form.indicators.flatMap((i) => (i.kind === "percent" && i.weight !== undefined ? [i.weight] : [])),
  );
  for (const f of form.counts) {
    const whole = form.parts.find((p) => p.part === f.code)?.whole;
    const rate = form.indicators.find(
      (i): i is Extract<Indicator, { kind: "percent" }> => i.kind === "percent" && i.rate === f.code,
    );
    const cell = (column: Column, required: boolean): RollupCount => {
      const notes: RollupNote[] = [];
      if (f.type === "percent") {
        const given = rate
          ? units.filter((u) => value(u, f.code, column) !== null && value(u, rate.weight, column) !== null)
          : [];
        const weights = given.reduce((s, u) => s + (value(u, rate?.weight ?? "", column) ?? 0), 0);
        if (given.length === 0 || weights === 0) return { value: null, notes };
        const weighted = given.reduce(
          (s, u) =>
            s +
            Math.round((value(u, f.code, column) ?? 0) * 100) * (value(u, rate?.weight ?? "", column) ?? 0),
          0,
        );
        notes.push({ text: `${COLUMN_LETTER[column]}: bình quân theo số phiếu của ${given.length} đơn vị` });
        // The template takes 2 decimals: rounded to the nearest, a pooled 95,995 % would read 96 and
        // pass a ≥ 96 % target at the level above that it misses here (SPEC §9: a shortfall never
        // looks met). Then it is rounded the other way, and the note says so.
        const nearest = Math.round(weighted / weights);
        let shown = nearest;
        if (rate) {
          const verdict = (num: number, den: number) =>
            judgeRate(num, den, rate.target, rate.comparison).status;
          const exact = verdict(weighted, weights * 10_000);
          if (verdict(nearest, 10_000) !== exact) {
            shown =
              nearest > weighted / weights ? Math.floor(weighted / weights) : Math.ceil(weighted / weights);
            notes.push({
              text: `${COLUMN_LETTER[column]}: bình quân ${viDecimal(weighted / weights / 100, 4)} làm tròn ${shown < nearest ? "xuống" : "lên"} ${viDecimal(shown / 100, 2)} để giữ đúng đánh giá (${exact === "met" ? "đạt" : "chưa đạt"})`,
            });
          }
        }
        return { value: shown / 100, notes };
      }
      const filled = units.filter((u) => value(u, f.code, column) !== null);
      const wholeFilled = (u: UnitSummary): boolean =>
        whole === undefined || value(u, whole, column) !== null;
      const counted = filled.filter(wholeFilled);
      const left = filled.filter((u) => !wholeFilled(u));
      if (left.length > 0) {
        const leftSum = left.reduce((s, u) => s + (value(u, f.code, column) ?? 0), 0);
        notes.push({
          text: `${COLUMN_LETTER[column]}: không cộng ${viInteger(leftSum)} của ${left.length} đơn vị`,
          units: left,
          rest: " vì đơn vị không điền số tổng",
        });
      }
      let total: number | null =
        counted.length === 0 ? null : counted.reduce((s, u) => s + (value(u, f.code, column) ?? 0), 0);
      if (total === null && required) {
        total = 0;
        notes.push({ text: `${COLUMN_LETTER[column]}: không đơn vị nào có số liệu, ghi 0` });
      } else if (total !== null && counted.length < units.length) {
        notes.push({
          text: `${COLUMN_LETTER[column]}: cộng ${counted.length}/${units.length} đơn vị có số liệu`,
        });
      }
      return { value: total, notes };
    };
    const previous = cell("previous", f.previousRequired);
    const current = cell("current", f.currentRequired);
    // Column D beside E is "the same count a year before": summed over other units than E (a unit
    // that gave E but left the optional D blank), the pair would show a change no unit had.
    // Not for a percentage's weight: its D goes with the pooled rate's D (a rate in D with its weight
    // blank is an invalid report), and no reduction is judged on it.
    const unpaired =
      f.type !== "percent" && !weights.has(f.code) && !f.previousRequired && previous.value !== null
        ? units.filter(
            (u) => (value(u, f.code, "previous") === null) !== (value(u, f.code, "current") === null),
          )
        : [];
    // A reduction is judged here on the units that have last year's figure (SPEC §5 pooled: a new unit
    // with D 0 is left out of it), but the level above judges the sums: with such units in them, it
    // may read another verdict than this consolidation's. Said beside the figures.
    const baseless = reductionBase.has(f.code)
      ? units.filter((u) => !value(u, f.code, "previous") && value(u, f.code, "current") !== null)
      : [];
    const baselessNote: RollupNote[] =
      baseless.length > 0
        ? [
            {
              text: `D: gồm ${baseless.length} đơn vị không có số cùng kỳ`,
              units: baseless,
              rest: ": mức giảm tính từ tổng D, E này khác mức giảm chung của đơn vị (chỉ tính các đơn vị có số cùng kỳ)",
            },
          ]
        : [];
    // A ratio's whole summed over a unit whose part is blank: this consolidation's ratio leaves that
    // unit out (it needs both), the level above divides the sums. Said too.
    const parts = form.indicators.flatMap((i) => (i.kind === "ratio" && i.whole === f.code ? [i.part] : []));
    const partless = units.filter(
      (u) => value(u, f.code, "current") !== null && parts.some((part) => value(u, part, "current") === null),
    );
    const partlessNote: RollupNote[] =
      partless.length > 0
        ? [
            {
              text: `E: gồm ${partless.length} đơn vị để trống số “trong đó”`,
              units: partless,
              rest: ": tỷ lệ tính từ tổng này khác tỷ lệ chung của đơn vị (chỉ tính các đơn vị điền đủ)",
            },
          ]
        : [];
    out[f.code] = {
      current: { ...current, notes: [...current.notes, ...partlessNote] },
      previous:
        unpaired.length === 0
          ? { ...previous, notes: [...previous.notes, ...baselessNote] }
          : {
              value: null,
              notes: [
                {
                  text: `D: để trống vì ${unpaired.length} đơn vị`,
                  units: unpaired,
                  rest: " chỉ điền một trong hai cột D, E; cộng D của các đơn vị còn lại sẽ so sánh sai với E",
                },
              ],
            },
    };
  }
  return out;
}

// Least advanced first (the roll-up reports a task only as far as its slowest unit).
const ORDER: readonly TaskStatusId[] = ["NOT_STARTED", "IN_PROGRESS", "DONE_LATE", "DONE"];

/**
 * A profile task's roll-up status: the least advanced status across the units that report it, so
 * a task every unit has done, one of them late, is "Hoàn thành quá hạn". No unit reporting it:
 * "Chưa thực hiện".
 */
export function rollupTaskStatus(t: TaskSummary): TaskStatusId {
  const present: Record<TaskStatusId, boolean> = {
    NOT_STARTED: t.notStarted > 0,
    IN_PROGRESS: t.inProgress > 0,
    DONE_LATE: t.doneLate > 0,
    DONE: t.done > t.doneLate,
  };
  return ORDER.find((s) => present[s]) ?? "NOT_STARTED";
}

export function rollupTaskText(t: TaskSummary): string {
  const done =
    t.doneLate > 0 ? `${t.done} hoàn thành (${t.doneLate} hoàn thành quá hạn)` : `${t.done} hoàn thành`;
  const counts = `${done}, ${t.inProgress} đang thực hiện, ${t.notStarted} chưa thực hiện, ${t.overdue} quá hạn`;
  return t.absent > 0 ? `${counts}; ${t.absent} đơn vị không báo cáo nhiệm vụ này` : counts;
}

/**
 * Why no roll-up can be made of this consolidation at all, or null: no report was accepted, so the
 * roll-up would be a valid report of zeros that the level above would add up.
 */
export function nothingToRollUp(c: Consolidation): string | null {
  return c.units.length === 0 ? MSG.rollupOfNothing : null;
}

/**
 * Whether a unit consolidating for itself (--as-unit, the page's roll-up form) is another body than the
 * profile's organisation, which its letters and report name as their issuer and signer: a Đội's
 * documents would go out as the Sở's. Deriving a heading, signer and superior from a name would be
 * guesswork, so the command and the page say it instead. The organisation named without its province
 * ("Sở Y tế" for "Sở Y tế tỉnh Đồng Tháp", as a roster writes it) is itself, as the letters take it.
 */
export function issuerIsNot(org: Pick<Organisation, "sender" | "senderHeading">, unitName: string): boolean {
  return unitName.trim() !== "" && !isSenderUnit(unitName, org);
}

/**
 * Why `unit` cannot roll this consolidation up, or null: nothing was accepted (`nothingToRollUp`),
 * or a report of `unit` itself is among the reports consolidated (most often its roll-up of an
 * earlier run, left in the folder), so the new roll-up would sum its own earlier figures, and the
 * units that earlier roll-up names would be left out as already counted.
 */
export function rollupRefusal(c: Consolidation, unit: RollupUnit): string | null {
  const nothing = nothingToRollUp(c);
  if (nothing !== null) return nothing;
  const code = codeKey(unit.code);
  const own = c.units.filter((u) => codeKey(u.code) === code);
  if (own.length === 0) return null;
  const files = own.map((u) => baseName(u.file));
  // An earlier roll-up of this unit left among the files, or the unit's own ordinary report (the Sở
  // Nội vụ reports as a department too): the latter is data to keep, and the roll-up needs another code.
  return own.some((u) => (u.rollupOf?.length ?? 0) > 0)
    ? MSG.rollupOfItself(code, files)
    : MSG.rollupCodeOfAUnit(code, files);
}

/**
 * The report date of the roll-up: the latest among accepted units (the deadline when there are
 * none). A unit's date no report on the period can have (UNLIKELY_DATE, a mistyped year such as
 * 2062) is passed over: the roll-up would carry it up and be judged late, and win every tie, there.
 */
export function rollupReportDate(c: Consolidation): CivilDate | null {
  let latest: CivilDate | null = null;
  for (const u of c.units) {
    if (c.period && isUnlikelyReportDate(u.reportDate, c.period)) continue;
    if (latest === null || compareDates(u.reportDate, latest) > 0) latest = u.reportDate;
  }
  return latest ?? c.deadline;
}

/**
 * A valid KL226-BC/1 submission of `unit` for the level above. The consolidation must have a
 * period (the CLI refuses --rollup otherwise), so a missing one is a bug and throws. `date`, the
 * date of the documents sent with it (--letter-date, the page's Ngày văn bản), is its Ngày báo cáo
 * when given: the roll-up and the report signed that day say one date (the roll-up said its latest
 * unit's, 22/09 after a 15/09 deadline, so the level above counted the Sở late, beside a report of
 * 23/09). Without it, rollupReportDate, so a re-run writes the same bytes.
 */
export function rollupWorkbook(
  c: Consolidation,
  profile: Profile,
  unit: RollupUnit,
  date?: CivilDate,
): WorkbookSpec {
  const reportDate = c.period === null ? null : (date ?? rollupReportDate(c));
  if (c.period === null || reportDate === null)
    throw new RangeError("rollupWorkbook: the consolidation has no period");
  const prefill = {
    unit: unit.code,
    name: unit.name,
    type: unit.typeId,
    period: c.period.kind,
    year: c.period.year,
    reportDate,
  };
  const base = templateWorkbook(profile, prefill);
  const counts = rollupCounts(c.units, profile.form);
  const tasks = c.tasks.filter((t) => t.index !== null);
  const listed = templateTasks(profile.form, prefill);
  // A note naming more units than a few prints them on a sheet of their own (a cell of 409 points
  // printed about 30 lines of a 152-unit list and cut the rest): the note says how many and where.
  const moved: MovedList[] = [];
  const notes = profile.form.counts.map((f) => {
    const pair = counts[f.code];
    if (!pair) return "";
    return [...pair.previous.notes, ...pair.current.notes]
      .map((n) => {
        if (n.units === undefined) return n.text;
        if (n.units.length <= INLINE_UNITS)
          return `${n.text} (${n.units.map((u) => u.code).join(", ")})${n.rest ?? ""}`;
        moved.push({ indicator: f.code, note: `${n.text}${n.rest ?? ""}`, units: n.units });
        return `${n.text} (danh sách ở trang “${ROLLUP_LISTS_SHEET}”, mục ${moved.length})${n.rest ?? ""}`;
      })
      .join("; ");
  });
  const sheets = base.sheets.map((sheet) => {
    if (sheet.name === SHEETS.counts) {
      // A row's note (column F, 26 wide at 9 pt: ≈ 34 characters a line) gets the lines it needs;
      // the level above reads it to know what a sum left out (a tester found them printed over the
      // rows below). Never past the tallest row a spreadsheet allows (MAX_ROW_HEIGHT).
      const rowHeights = { ...sheet.rowHeights };
      notes.forEach((note, i) => {
        const lines = Math.ceil(note.length / 34);
        const row = TEMPLATE_HEADER_ROW + i;
        if (lines > 1)
          rowHeights[row] = Math.min(MAX_ROW_HEIGHT, Math.max(rowHeights[row] ?? 0, 12 * lines + 3));
      });
      return withCells(
        { ...sheet, rowHeights },
        profile.form.counts.flatMap((f, i) => {
          const row = TEMPLATE_HEADER_ROW + i;
          const pair = counts[f.code];
          if (!pair) return [];
          const note = notes[i] ?? "";
          // A pooled rate of 1% or less is written as a percentage (0,97% as 0.0097 shown "0,97%"):
          // as the plain number 0.97 the level above would read it as a fraction typed for 97%.
          const cell = (col: number, v: number | null) =>
            f.type === "percent" && v !== null && v > 0 && v <= 1
              ? { row, col, value: v / 100, numFmt: "0.00%" }
              : { row, col, value: v };
          return [
            cell(COUNT_COLS.previous, pair.previous.value),
            cell(COUNT_COLS.current, pair.current.value),
            ...(note !== "" ? [{ row, col: COUNT_COLS.note, value: note, wrap: true }] : []),
          ];
        }),
      );
    }
    if (sheet.name === SHEETS.info) {
      // The units' own words (khó khăn, kiến nghị, mô hình hay), each after its unit's name: the level
      // above quotes them in its report, which otherwise said no unit had named any.
      // Each row as tall as its lines: the template's 60 pt (four lines) cut off the second unit's
      // words, on screen and printed, and a row height set in the file is not fitted by Excel.
      const rowHeights = { ...sheet.rowHeights };
      const edits = profile.form.freeText.flatMap((f) => {
        const row = sheet.rows.findIndex((r) => r[0]?.value === f.code);
        const said = c.units.flatMap((u) => {
          const text = (u.texts[f.code] ?? "").trim();
          return text === "" ? [] : [`${u.name}: ${text}`];
        });
        if (row < 0 || said.length === 0) return [];
        const value = clipped(said.join("\n"), MAX_TEXT);
        const lines = wrappedLines(value, INFO_TEXT_CHARS_PER_LINE);
        rowHeights[row] = Math.min(MAX_ROW_HEIGHT, Math.max(rowHeights[row] ?? 0, 15 * lines + 3));
        return [{ row, col: 2, value, wrap: true }];
      });
      return withCells({ ...sheet, rowHeights }, edits);
    }
    if (sheet.name === SHEETS.tasks) {
      return withCells(
        sheet,
        listed.flatMap((task, i) => {
          const index = profile.form.tasks.indexOf(task) + 1;
          const t = tasks.find((s) => s.index === index);
          const row = TEMPLATE_HEADER_ROW + i;
          const status = t ? rollupTaskStatus(t) : "NOT_STARTED";
          return [
            { row, col: TASK_COLS.status, value: TASK_STATUSES.find((s) => s.id === status)?.label ?? null },
            {
              row,
              col: TASK_COLS.result,
              value: t ? rollupTaskText(t) : "Không đơn vị nào báo cáo nhiệm vụ này",
            },
          ];
        }),
      );
    }
    return sheet;
  });
  return {
    ...base,
    title: `${base.title ?? ""} (tổng hợp của ${unit.name})`,
    sheets: [...sheets, ...(moved.length > 0 ? [listsSheet(moved)] : []), sourcesSheet(c)],
  };
}

/** The most units a roll-up note names in its cell; a longer list goes to ROLLUP_LISTS_SHEET. */
const INLINE_UNITS = 10;

interface MovedList {
  readonly indicator: string;
  readonly note: string;
  readonly units: readonly Pick<UnitSummary, "code" | "name">[];
}

/**
 * The lists of the Chỉ tiêu notes too long for their cell: first what each "mục" is (the note
 * without its list), then one row per unit with its name, so the whole list prints (the header row
 * repeated on each page) and can be filtered by mục.
 */
function listsSheet(moved: readonly MovedList[]): SheetSpec {
  const cell = { border: true, vAlign: "top" as const };
  const wrapped = { ...cell, wrap: true };
  const legendHead = 3;
  const tableHead = legendHead + moved.length + 2;
  const heights: Record<number, number> = {};
  // Column C merged over C:D (68 wide at 11 pt: ≈ 75 characters a line).
  moved.forEach((m, i) => {
    heights[legendHead + 1 + i] = Math.min(MAX_ROW_HEIGHT, 15 * Math.ceil(m.note.length / 75) + 3);
  });
  const rows: Array<Array<CellSpec | null>> = [
    [{ value: `CÁC ĐƠN VỊ NÊU Ở CỘT GHI CHÚ TRANG “${SHEETS.counts}”`, style: { bold: true, size: 12 } }],
    [
      {
        value: `Ghi chú có hơn ${INLINE_UNITS} đơn vị thì ô ghi chú ghi số đơn vị và số mục; danh sách đủ ở đây, mỗi đơn vị một dòng (lọc theo cột “Mục”).`,
        style: { italic: true },
      },
    ],
    [],
    ["Mục", "Mã chỉ tiêu", "Ghi chú"].map((h) => ({ value: h, style: TABLE_HEAD })),
    ...moved.map((m, i) => [
      { value: i + 1, style: { ...cell, hAlign: "center" as const } },
      { value: m.indicator, style: cell },
      { value: m.note, style: wrapped },
      { value: null, style: cell },
    ]),
    [],
    ["Mục", "Mã chỉ tiêu", "Mã đơn vị", "Tên đơn vị"].map((h) => ({ value: h, style: TABLE_HEAD })),
    ...moved.flatMap((m, i) =>
      m.units.map((u) => [
        { value: i + 1, style: { ...cell, hAlign: "center" as const } },
        { value: m.indicator, style: cell },
        { value: u.code, style: cell },
        { value: u.name, style: wrapped },
      ]),
    ),
  ];
  return {
    name: ROLLUP_LISTS_SHEET,
    rows,
    columnWidths: [7, 20, 18, 50],
    rowHeights: heights,
    merges: moved.map((_, i) => `C${legendHead + 2 + i}:D${legendHead + 2 + i}`),
    autoFilter: `A${tableHead + 1}:D${rows.length}`,
    print: {
      fitToWidth: true,
      repeatRows: `${tableHead + 1}:${tableHead + 1}`,
      header: { center: `${ROLLUP_LISTS_SHEET} (kèm trang “${SHEETS.counts}”)` },
      footer: PAGE_OF_PAGES,
    },
  };
}

interface CellEdit {
  readonly row: number;
  readonly col: number;
  readonly value: CellInput;
  readonly wrap?: boolean;
  readonly numFmt?: string;
}

/**
 * Characters of a unit's words in a line of Thông tin's column C (46 wide, 11 pt): ≈ 52 print, fewer
 * where words wrap early.
 */
const INFO_TEXT_CHARS_PER_LINE = 45;

/** A cell's text limit in Excel (32,767 characters); a longer roll-up text ends with "…". */
const MAX_TEXT = 32_767;

/** The sheet with the given cells replaced, keeping each cell's template style. */
function withCells(sheet: SheetSpec, edits: readonly CellEdit[]): SheetSpec {
  const rows: Array<Array<CellSpec | null>> = sheet.rows.map((r) => [...r]);
  for (const e of edits) {
    while (rows.length <= e.row) rows.push([]);
    const r = rows[e.row] ?? [];
    while (r.length <= e.col) r.push(null);
    const base = r[e.col]?.style;
    const style = e.numFmt === undefined ? base : { ...base, numFmt: e.numFmt };
    r[e.col] = { value: e.value, style: e.wrap ? { ...style, wrap: true } : style };
    rows[e.row] = r;
  }
  return { ...sheet, rows };
}

/**
 * Hidden sheet: which unit reports were summed (file name and SHA-256, so the level above can ask
 * for them and count no unit twice). Then, for a unit that is itself a roll-up, the reports it sums,
 * with that unit in column F ("Qua báo cáo tổng hợp của"), and so on down: the level above then
 * knows every unit inside, even without the roll-up between.
 */
function sourcesSheet(c: Consolidation): SheetSpec {
  const head = { bold: true, fill: "D9E2F3", border: true };
  const units = [...c.units].sort((a, b) => compareText(a.code, b.code));
  const nested = units.flatMap((u) => (u.rollupOf ?? []).map((s) => ({ ...s, via: s.via ?? u.code })));
  return {
    name: ROLLUP_SOURCES_SHEET,
    hidden: true,
    rows: [
      [{ value: "CÁC BÁO CÁO ĐƯỢC TỔNG HỢP", style: { bold: true } }],
      [{ value: `${units.length} đơn vị` }],
      [],
      ["Mã đơn vị", "Tên đơn vị", "Tệp", "SHA-256", "Ngày báo cáo", "Qua báo cáo tổng hợp của"].map((h) => ({
        value: h,
        style: head,
      })),
      ...units.map((u) => [
        { value: u.code },
        { value: u.name },
        { value: baseName(u.file) },
        { value: u.sha256 },
        { value: viDate(u.reportDate) },
      ]),
      ...nested.map((s) => [
        { value: s.code },
        { value: s.name },
        { value: s.file },
        { value: s.sha256 },
        { value: s.reportDate },
        { value: s.via },
      ]),
    ],
    columnWidths: [18, 36, 30, 66, 14, 18],
  };
}
