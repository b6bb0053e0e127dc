// Marking error cells in the open workbook (fill + a note or, before ExcelApi 1.18, a comment
// with the Vietnamese message) and undoing exactly those marks. What was marked, with each cell's
// previous fill, is recorded in the document's settings, so the undo survives closing the pane.

import type { Finding } from "../../core/findings";
import { forThePage } from "../../core/messages";
import { matchKey } from "../../core/text";

export const MARKS_SETTING = "KL226.errorMarks";
/** Light red, the colour clerks know as "wrong" without hiding the value. */
export const MARK_FILL = "#FFC7CE";

export type NoteMode = "note" | "comment";

export interface Mark {
  readonly sheet: string;
  readonly cell: string;
  /** The fill before marking: a colour, or null for no fill. */
  readonly fill: string | null;
  /** Our note/comment text, or null when the cell already had one of its own (left alone). */
  readonly text: string | null;
  readonly mode: NoteMode;
}

interface Target {
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
}

/** Error findings with a cell, one target per cell (messages of the same cell joined). */
export function markTargets(findings: readonly Finding[]): Target[] {
  const byCell = new Map<string, { sheet: string; cell: string; messages: string[] }>();
  for (const f of findings) {
    if (f.severity !== "error" || f.sheet === null || f.cell === null) continue;
    const key = `${matchKey(f.sheet)}!${f.cell.toUpperCase()}`;
    const entry = byCell.get(key);
    const message = forThePage(f.message);
    if (entry) entry.messages.push(message);
    else byCell.set(key, { sheet: f.sheet, cell: f.cell.toUpperCase(), messages: [message] });
  }
  return [...byCell.values()].map((e) => ({
    sheet: e.sheet,
    cell: e.cell,
    text: `KL226: ${e.messages.join("\n")}`,
  }));
}

export function parseMarks(value: unknown): Mark[] {
  if (typeof value !== "string") return [];
  try {
    const data: unknown = JSON.parse(value);
    if (!Array.isArray(data)) return [];
    return data.filter(
      (m): m is Mark =>
        typeof m === "object" &&
        m !== null &&
        typeof (m as Mark).sheet === "string" &&
        typeof (m as Mark).cell === "string" &&
        ((m as Mark).fill === null || typeof (m as Mark).fill === "string") &&
        ((m as Mark).text === null || typeof (m as Mark).text === "string") &&
        ((m as Mark).mode === "note" || (m as Mark).mode === "comment"),
    );
  } catch {
    return [];
  }
}

/** The real sheet name for a finding's (NFC) sheet name; the workbook may hold it in NFD. */
function sheetResolver(worksheets: Excel.WorksheetCollection): (name: string) => string | undefined {
  const names = new Map(worksheets.items.map((ws) => [matchKey(ws.name), ws.name] as const));
  return (name) => names.get(matchKey(name));
}

function sameCell(address: string, sheet: string, cell: string): boolean {
  const bang = address.lastIndexOf("!");
  const sheetPart = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  return (
    matchKey(sheetPart) === matchKey(sheet) &&
    address
      .slice(bang + 1)
      .replace(/\$/g, "")
      .toUpperCase() === cell.toUpperCase()
  );
}

/**
 * Fills every error cell and adds the message as a note (or comment); returns the number of cells
 * marked. Earlier marks are undone first. Syncs: clear (≤ 3) + 3, whatever the number of cells.
 */
export async function markErrorCells(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  mode: NoteMode,
): Promise<number> {
  await clearErrorMarks(context);
  const targets = markTargets(findings);
  if (targets.length === 0) return 0;
  const wb = context.workbook;
  wb.worksheets.load("items/name");
  if (mode === "comment") wb.comments.load("items/id");
  await context.sync();
  const resolve = sheetResolver(wb.worksheets);

  const planned = targets.flatMap((t) => {
    const name = resolve(t.sheet);
    if (name === undefined) return [];
    const ws = wb.worksheets.getItem(name);
    const range = ws.getRange(t.cell);
    range.load("address");
    range.format.fill.load("color,pattern");
    const note = mode === "note" ? ws.notes.getItemOrNullObject(t.cell).load("content") : null;
    return [{ t, ws, range, note }];
  });
  const locations = mode === "comment" ? wb.comments.items.map((c) => c.getLocation().load("address")) : [];
  await context.sync();

  const marks: Mark[] = planned.map(({ t, ws, range, note }) => {
    const fill = range.format.fill.pattern === "None" ? null : range.format.fill.color;
    const taken =
      mode === "note"
        ? note?.isNullObject === false
        : locations.some((l) => sameCell(l.address, ws.name, t.cell));
    range.format.fill.color = MARK_FILL;
    if (!taken) {
      if (mode === "note") ws.notes.add(range, t.text);
      else wb.comments.add(range, t.text);
    }
    return { sheet: ws.name, cell: t.cell, fill, text: taken ? null : t.text, mode };
  });
  wb.settings.add(MARKS_SETTING, JSON.stringify(marks));
  await context.sync();
  return marks.length;
}

/**
 * Undoes the recorded marks: restores each cell's fill and deletes our note/comment when it still
 * holds our text; nothing else is touched. Returns the number of cells restored. ≤ 3 syncs.
 */
export async function clearErrorMarks(context: Excel.RequestContext): Promise<number> {
  const wb = context.workbook;
  const setting = wb.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load("value");
  wb.worksheets.load("items/name");
  await context.sync();
  if (setting.isNullObject) return 0;
  const marks = parseMarks(setting.value);
  const resolve = sheetResolver(wb.worksheets);
  const withComments = marks.some((m) => m.mode === "comment" && m.text !== null);
  if (withComments) wb.comments.load("items/id,items/content");

  const planned = marks.flatMap((m) => {
    const name = resolve(m.sheet);
    if (name === undefined) return []; // the sheet was deleted or renamed since: nothing to restore
    const ws = wb.worksheets.getItem(name);
    const note =
      m.mode === "note" && m.text !== null ? ws.notes.getItemOrNullObject(m.cell).load("content") : null;
    return [{ m, ws, note }];
  });
  await context.sync();
  const locations = withComments
    ? wb.comments.items.map((c) => ({ c, loc: c.getLocation().load("address") }))
    : [];
  if (withComments) await context.sync();

  for (const { m, ws, note } of planned) {
    const range = ws.getRange(m.cell);
    if (m.fill === null) range.format.fill.clear();
    else range.format.fill.color = m.fill;
    if (m.text === null) continue;
    if (note && !note.isNullObject && note.content === m.text) note.delete();
    for (const { c, loc } of locations)
      if (c.content === m.text && sameCell(loc.address, ws.name, m.cell)) c.delete();
  }
  setting.delete();
  await context.sync();
  return planned.length;
}
