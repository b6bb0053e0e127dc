// Consolidation in the page without freezing it: in Web Workers when there are enough files
// (worker-pool.ts); otherwise, or when workers cannot run, files are read and hashed one by one, then
// inspected in time slices with yields in between (progress after each file), then consolidated.

import {
  consolidationProfile,
  consolidationRead,
  inspectFirstPass,
  inspectSubmission,
  LikelyProfile,
  profileNotes,
  RECHECK,
  takeAhead,
  type Ahead,
} from "../../app/consolidate-files";
import { consolidate } from "../../core/consolidate";
import type { Submission } from "../../core/consolidation";
import type { Period } from "../../core/form";
import type { Profile, RosterUnit } from "../../core/profile";
import {
  textNotRosterMessage,
  parseRosterCsv,
  parseRosterWorkbook,
  rosterText,
  rosterUnreadable,
  type RosterOutcome,
} from "../../core/roster";
import { fileKindOf } from "../../core/file-kinds";
import { forThePage, MSG } from "../../core/messages";
import { createDecoder, isPackedFile, readXlsx } from "../../xlsx/read";
import { readWith } from "../profile-choice";
import { fileBytes, readPickedFiles, throttledProgress, yieldToBrowser } from "./files";
import type { PageConsolidation } from "./pool-messages";
import { consolidateInWorkers, WORKER_MIN_FILES, workersAvailable } from "./worker-pool";

export interface Progress {
  /** "both": read and checked together, in workers. */
  readonly phase: "reading" | "checking" | "both";
  readonly done: number;
  readonly total: number;
}

/**
 * Work per slice before yielding to the browser: keeps input and painting responsive. A slice ends
 * after the file that crosses it, and a garbage collection may fall in it (≈ 20 ms traced on a slow
 * machine), so it leaves that much room under the 50 ms of a long task.
 */
const SLICE_MS = 20;

/**
 * Consolidate picked files with the chosen profile, or (profile undefined) each file read with its
 * own form and the form most files declare consolidated; returns the profile that was used.
 */
export async function consolidateFiles(
  files: readonly File[],
  options: { readonly profile?: Profile; readonly roster?: readonly RosterUnit[]; readonly period?: Period },
  onProgress: (p: Progress) => void,
): Promise<PageConsolidation> {
  if (workersAvailable() && files.length >= WORKER_MIN_FILES) {
    try {
      onProgress({ phase: "both", done: 0, total: files.length });
      return await consolidateInWorkers(
        files,
        options,
        throttledProgress(files.length, (done) => onProgress({ phase: "both", done, total: files.length })),
      );
    } catch (e) {
      // Workers could not run here (blocked by the host, or a file they could not read): the same work in the page.
      console.warn(
        `KL226: consolidating in the page, not in Web Workers (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  }
  const picked = await readPickedFiles(files, (done, total) => onProgress({ phase: "reading", done, total }));
  const submissions: Submission[] = [];
  const decoder = createDecoder();
  const read = readWith(options.profile);
  const progress = throttledProgress(picked.length, (done) =>
    onProgress({ phase: "checking", done, total: picked.length }),
  );
  let sliceStart = performance.now();
  const readOptions = consolidationRead(options.profile);
  // No profile chosen: a file the likely profile would check again is checked by it on the same read.
  const likely = options.profile ? undefined : new LikelyProfile();
  const aheads: (Ahead | undefined)[] = [];
  for (const [i, f] of picked.entries()) {
    if (likely) {
      const pass = inspectFirstPass(f, read.profile, decoder, likely);
      submissions.push(pass.submission);
      aheads[i] = pass.ahead;
    } else submissions.push(inspectSubmission(f, read.profile, decoder, readOptions));
    if (i === picked.length - 1 || performance.now() - sliceStart >= SLICE_MS) {
      progress(i + 1);
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
  const decision = consolidationProfile(submissions, options.profile, options.period);
  const { profile } = decision;
  // Files checked by another profile than the one most files name: again, by it (their bytes are still here).
  for (const i of takeAhead(decision, submissions, aheads))
    submissions[i] = inspectSubmission(picked[i]!, profile, decoder, RECHECK);
  return {
    consolidation: consolidate(submissions, { profile, roster: options.roster, period: options.period }),
    profile,
    ...profileNotes(decision),
  };
}

/** What a roster file is, said when a picked one is not. */
const ROSTER_FILES =
  "Danh sách đơn vị là tệp .csv (UTF-8) hoặc .xlsx có các cột MA_DON_VI, TEN_DON_VI, LOAI_DON_VI (như tệp roster.csv trong bộ mẫu).";

/** A roster from a picked .csv (UTF-8) or .xlsx file. */
export async function readRosterFile(file: File, profile: Profile): Promise<RosterOutcome> {
  const bytes = await fileBytes(file);
  // By its bytes, as the command does: a workbook or a Word file named .csv goes to the reader, which
  // says what it is (read as CSV text, a Word file got "no header row", a tester found).
  const packed = isPackedFile(bytes);
  // A web page or XML saved as .xls or .csv by some program's "export to Excel", or a JSON summary.
  const notList = packed
    ? null
    : textNotRosterMessage(file.name, new TextDecoder("utf-8").decode(bytes.subarray(0, 512)));
  if (notList !== null) return { ok: false, errors: [`${file.name}: ${notList}`] };
  if (/\.csv$/i.test(file.name) && !packed) {
    // Not UTF-8: Excel's plain "CSV (phân tách bằng dấu phẩy)" of a Vietnamese Windows (code page 1258).
    // Read as UTF-8 its names came out as "S�� T� pha�p" and were taken; refused, with how to save
    // it as UTF-8, as --roster refuses it.
    const text = rosterText(bytes);
    if (text === undefined) return { ok: false, errors: [forThePage(MSG.rosterAnsiSetAside([file.name]))] };
    return parseRosterCsv(text);
  }
  const read = readXlsx(bytes, { limits: profile.limits });
  if (!read.ok) {
    // Not a workbook: what the file is, and what a roster is (the reports' advice would say "send the report").
    const kind = fileKindOf(file.name);
    const what =
      kind.id === "xlsx"
        ? `${rosterUnreadable(read.reason, file.name, file.size)}.`
        : packed && kind.id === "csv"
          ? "tệp đặt đuôi .csv nhưng không phải văn bản CSV (có thể là văn bản Word hoặc tệp nén đổi đuôi)."
          : `đây là ${kind.what}.`;
    return { ok: false, errors: [`${file.name}: ${what} ${ROSTER_FILES}`] };
  }
  return parseRosterWorkbook(read.workbook);
}
