// The only place that calls Excel.run (STYLE §1): each action opens a request context and hands
// it to one adapter function of this folder. Kept thin so the adapters are testable with mocks.

import type { Finding } from "../../core/findings";
import { DEFAULT_PROFILE, type Profile } from "../../core/profile";
import { validateWorkbook } from "../../core/validate";
import type { ExcelActions } from "../actions";
import { supportsExcelApi } from "../host";
import { clearErrorMarks, markErrorCells } from "./marks";
import { readOpenWorkbook } from "./read-workbook";
import { summarySpec } from "../summary-data";
import { selectCell } from "./select";
import { writeSummary } from "./summary";
import { insertTemplateSheets } from "./template";

export function excelActions(profile: Profile = DEFAULT_PROFILE): ExcelActions {
  return {
    validateOpenWorkbook: () => Excel.run(async (context) => validateWorkbook(await readOpenWorkbook(context), profile)),
    selectCell: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    markErrors: (findings: readonly Finding[]) =>
      Excel.run((context) => markErrorCells(context, findings, supportsExcelApi("1.18") ? "note" : "comment")),
    clearMarks: () => Excel.run((context) => clearErrorMarks(context)),
    insertTemplate: (base64) => Excel.run((context) => insertTemplateSheets(context, base64)),
    openWorkbook: (base64) => Excel.createWorkbook(base64),
    writeSummary: (c) => Excel.run((context) => writeSummary(context, summarySpec(c, profile))),
  };
}
