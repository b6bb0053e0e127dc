// The shipped plan a report was filled on, told by its rows when the file names none: Google
// Sheets and Apple Numbers drop the workbook's defined names (KL226_PROFILE) when they save.

import { SHEETS } from "./catalogue";
import { rowCode } from "./coded-rows";
import { taskKeys, type Form } from "./form";
import { readTasks } from "./lists";
import type { Profile } from "./profile";
import { SHIPPED_PROFILE_NAMES, shippedProfile } from "./profiles";
import { findSheet } from "./template-sheets";
import type { Workbook } from "./workbook";

/** What a form asks of a file's rows: its count codes and the tasks every unit has. */
function expected(form: Form): string[] {
  const tasks = taskKeys(form).filter((_, i) => form.tasks[i]!.appliesTo === undefined);
  return [...form.counts.map((f) => `#${f.code}`), ...tasks];
}

/**
 * The shipped profile of `checkedBy`'s form whose count rows and tasks the file has more of than
 * `checkedBy`'s, when some are that profile's own (a plan's task, a count the form's default lacks).
 * Undefined when none fits better, or two fit alike. Asked only of a file that names no profile and
 * lacks rows of the profile it was checked by, so a report whose rows are all there pays nothing.
 */
export function profileByRows(workbook: Workbook, checkedBy: Profile): Profile | undefined {
  const counts = findSheet(workbook, SHEETS.counts);
  const tasksSheet = findSheet(workbook, SHEETS.tasks);
  const has = new Set<string>();
  for (const row of counts?.rows ?? []) {
    const code = rowCode(row);
    if (code !== undefined) has.add(`#${code}`);
  }
  for (const key of tasksSheet ? (readTasks(tasksSheet, workbook.date1904, []).contents ?? []) : [])
    has.add(key);
  const base = new Set(expected(checkedBy.form));
  const lacking = (rows: readonly string[]): number => rows.filter((r) => !has.has(r)).length;
  let best: { profile: Profile; lacks: number } | undefined;
  let tie = false;
  for (const name of SHIPPED_PROFILE_NAMES) {
    const profile = shippedProfile(name);
    if (profile === undefined || profile.id === checkedBy.id || profile.form.id !== checkedBy.form.id)
      continue;
    const rows = expected(profile.form);
    // Its own rows found in the file: a profile that only leaves rows out is never told from a
    // default file with those rows deleted, so it is not guessed.
    if (!rows.some((r) => !base.has(r) && has.has(r))) continue;
    const lacks = lacking(rows);
    if (best === undefined || lacks < best.lacks) [best, tie] = [{ profile, lacks }, false];
    else if (lacks === best.lacks) tie = true;
  }
  return best !== undefined && !tie && best.lacks < lacking([...base]) ? best.profile : undefined;
}
