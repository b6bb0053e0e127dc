// The Office actions the UI may call, handed to presentational components as props (STYLE §1):
// inside Excel they are the thin Excel.run wrappers of excel/run.ts; standalone they are absent.

import type { Consolidation } from "../core/consolidation";
import type { Finding } from "../core/findings";
import type { Profile } from "../core/profile";
import type { ValidationResult } from "../core/unit-report";
import type { HostKind } from "./host";

export interface SummaryWriteReport {
  /** Sheets written (the summary sheets plus the chart sheet). */
  readonly sheets: readonly string[];
  /** How many context.sync() calls the write took. */
  readonly syncs: number;
}

/** What the excel adapter can do; every member talks to the open workbook. The profile is chosen per call. */
export interface ExcelActions {
  /** Validates the open workbook with `profile`, or (undefined) with the form its marker names (SPEC §8). */
  readonly validateOpenWorkbook: (profile: Profile | undefined) => Promise<ValidationResult>;
  readonly selectCell: (sheet: string, cell: string) => Promise<void>;
  /** Fills and annotates every error cell; returns the number of cells marked. */
  readonly markErrors: (findings: readonly Finding[]) => Promise<number>;
  /** Removes exactly the marks recorded by markErrors; returns the number of cells restored. */
  readonly clearMarks: () => Promise<number>;
  /** Inserts the template sheets into the open workbook; returns the inserted sheet names. */
  readonly insertTemplate: (base64: string) => Promise<readonly string[]>;
  /** Opens .xlsx bytes (base64) as a new workbook: the template, a roll-up. */
  readonly openWorkbook: (base64: string) => Promise<void>;
  /** Writes the summary sheets (SPEC §5) and the chart, as `profile` words them, replacing earlier copies. */
  readonly writeSummary: (c: Consolidation, profile: Profile) => Promise<SummaryWriteReport>;
}

export interface TaskpaneEnv {
  readonly host: HostKind;
  /** Present exactly when host === "excel". */
  readonly excel: ExcelActions | null;
}
