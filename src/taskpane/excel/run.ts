// The only place that calls Excel.run (STYLE §1): each action opens a request context and hands
// it to one adapter function of this folder. Kept thin so the adapters are testable with mocks.

import type { Finding } from "../../core/findings";
import { validateWorkbook } from "../../core/validate";
import type { ExcelActions } from "../actions";
import { supportsExcelApi } from "../host";
import { readWith } from "../profile-choice";
import { clearErrorMarks, markErrorCells } from "./marks";
import { readOpenWorkbook } from "./read-workbook";
import { summarySpec } from "../summary-data";
import { selectCell } from "./select";
import { writeSummary } from "./summary";
import { insertTemplateSheets } from "./template";

export function excelActions(): ExcelActions {
  return {
    validateOpenWorkbook: (profile) =>
      Excel.run(async (context) => {
        const workbook = await readOpenWorkbook(context);
        const read = readWith(profile);
        return validateWorkbook(workbook, read.profile, {
          forms: read.forms,
          fileProfile: read.forms === "follow",
        });
      }),
    selectCell: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    markErrors: (findings: readonly Finding[]) =>
      Excel.run((context) =>
        markErrorCells(context, findings, supportsExcelApi("1.18") ? "note" : "comment"),
      ),
    clearMarks: () => Excel.run((context) => clearErrorMarks(context)),
    insertTemplate: (base64) => Excel.run((context) => insertTemplateSheets(context, base64)),
    openWorkbook: (base64) => Excel.createWorkbook(base64),
    writeSummary: (c, profile) => Excel.run((context) => writeSummary(context, summarySpec(c, profile))),
  };
}
