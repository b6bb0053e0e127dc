// The template into Excel: insert its sheets into the open workbook (ExcelApi 1.13), or open it
// as a new workbook (ExcelApi 1.8).

/** Inserts the sheets of `base64` after the active sheet; returns their names (1 sync). */
export async function insertTemplateSheets(context: Excel.RequestContext, base64: string): Promise<string[]> {
  const inserted = context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
  await context.sync();
  return inserted.value;
}
