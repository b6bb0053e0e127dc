// Rows found by their code in column A (SPEC §3), as Thông tin and Chỉ tiêu are read: the index of
// codes to rows, and the finding for a code's row that is not there.

import { finding, type Finding } from "./findings";
import { MSG } from "./messages";
import { codeKey } from "./text";
import { cellText } from "./values";
import { a1, type Sheet } from "./workbook";

/** Rows by code in column A (codeKey), and the findings for codes that appear twice. */
export function indexCodes(sheet: Sheet, findings: Finding[]): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.rows.forEach((row, r) => {
    const code = rowCode(row);
    if (code === undefined) return;
    const first = rows.get(code);
    if (first === undefined) rows.set(code, r);
    else
      findings.push(
        finding(
          "DUPLICATE_CODE",
          "error",
          sheet.name,
          a1(r, 0),
          MSG.duplicateCode(sheet.name, code, first + 1),
        ),
      );
  });
  return rows;
}

/** The code in a row's column A (codeKey), or undefined when it holds none (a title, "Mã", a note, blank). */
export function rowCode(row: Sheet["rows"][number]): string | undefined {
  const cell = row?.[0];
  if (!cell) return undefined;
  const code = codeKey(cellText(cell));
  return /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

/** A field's row (its code in column A) is not on the sheet. */
export function missingRow(sheet: Sheet, field: { readonly code: string; readonly label: string }): Finding {
  return finding(
    "MISSING_FIELD",
    "error",
    sheet.name,
    null,
    MSG.missingField(sheet.name, field.code, field.label, "A"),
  );
}
