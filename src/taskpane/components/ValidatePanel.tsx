// Kiểm tra: validate the open workbook (Excel) or a picked file (standalone), list the findings,
// point at their cells, and mark / unmark error cells in Excel.

import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { inspectBytes } from "../../app/inspect";
import type { Profile } from "../../core/profile";
import type { ValidationResult } from "../../core/validate";
import type { ExcelActions } from "../actions";
import { countFindings } from "../findings-view";
import type { Strings } from "../i18n";
import { fileBytes, isXlsxName } from "../standalone/files";
import { FilePicker, NoticeBar, errorText, type Notice } from "./common";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  summary: { marginTop: tokens.spacingVerticalM, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { margin: 0, overflowWrap: "anywhere" },
});

export interface ValidatePanelProps {
  readonly strings: Strings;
  readonly profile: Profile;
  readonly excel: ExcelActions | null;
}

export function ValidatePanel({ strings: t, profile, excel }: ValidatePanelProps) {
  const styles = useStyles();
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [location, setLocation] = useState<string | null>(null);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setNotice({ kind: "error", text: excel ? t.excelError(errorText(e)) : errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const validateOpen = (): Promise<void> =>
    run(async () => {
      if (!excel) return;
      setLocation(null);
      setResult(await excel.validateOpenWorkbook());
      setSource(null);
    });

  const validateFile = (files: File[]): Promise<void> =>
    run(async () => {
      const file = files[0];
      if (!file) return;
      setLocation(null);
      setResult(null);
      if (!isXlsxName(file.name)) {
        setNotice({ kind: "error", text: t.notXlsx(file.name) });
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = await fileBytes(file);
      } catch {
        setNotice({ kind: "error", text: t.fileReadError(file.name) });
        return;
      }
      setSource(file.name);
      setResult(inspectBytes(bytes, profile, undefined, { fileName: file.name }));
    });

  const select = (sheet: string, cell: string): void => {
    setLocation(t.selectedCell(sheet, cell));
    if (excel) void run(() => excel.selectCell(sheet, cell));
  };

  const mark = (): Promise<void> =>
    run(async () => {
      if (!excel || !result) return;
      const n = await excel.markErrors(result.findings);
      setNotice({ kind: n > 0 ? "success" : "info", text: n > 0 ? t.marked(n) : t.nothingToMark });
    });

  const clear = (): Promise<void> =>
    run(async () => {
      if (!excel) return;
      setNotice({ kind: "success", text: t.cleared(await excel.clearMarks()) });
    });

  const counts = result ? countFindings(result.findings) : null;
  return (
    <div>
      <p>{excel ? t.validateIntroExcel : t.validateIntroStandalone}</p>
      {excel ? (
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void validateOpen()} disabled={busy} data-testid="validate-open">
            {t.validateButton}
          </Button>
          <Button onClick={() => void mark()} disabled={busy || !result || counts?.errors === 0} data-testid="mark-errors">
            {t.markErrors}
          </Button>
          <Button onClick={() => void clear()} disabled={busy} data-testid="clear-marks">
            {t.clearMarks}
          </Button>
        </div>
      ) : (
        <FilePicker label={t.pickWorkbook} button={t.chooseFile} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy} testId="validate-file" onFiles={(f) => void validateFile(f)} />
      )}
      {busy && <Spinner size="tiny" label={t.validating} />}
      <NoticeBar notice={notice} testId="validate-notice" />
      {result && counts && (
        <div data-testid="validate-result">
          {source !== null && <p className={styles.meta}>{t.fileChecked(source)}</p>}
          {result.unit !== null && <p className={styles.meta}>{t.unitLine(result.unit, result.unitName ?? "")}</p>}
          <p className={styles.summary} role="status" data-testid="validate-counts">
            {counts.errors === 0 ? `${t.validOk} ` : ""}
            {t.counts(counts.errors, counts.warnings)}
          </p>
          {location !== null && (
            <p className={styles.meta} role="status" data-testid="selected-cell">
              {location}
            </p>
          )}
          <FindingsList findings={result.findings} strings={t} onSelect={select} />
        </div>
      )}
    </div>
  );
}
