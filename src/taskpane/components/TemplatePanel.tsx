// Mẫu báo cáo: the official KL226-BC/1 template, inserted into or opened from Excel, or downloaded.

import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Profile } from "../../core/profile";
import { templateWorkbook } from "../../core/template";
import { writeXlsx } from "../../xlsx/write";
import type { ExcelActions } from "../actions";
import type { Strings } from "../i18n";
import { XLSX_MIME, downloadBlob, toBase64 } from "../standalone/files";
import { NoticeBar, errorText, type Notice } from "./common";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

export const TEMPLATE_FILE_NAME = "KL226-BC-1.xlsx";

export interface TemplatePanelProps {
  readonly strings: Strings;
  readonly profile: Profile;
  readonly excel: ExcelActions | null;
}

export function TemplatePanel({ strings: t, profile, excel }: TemplatePanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const bytes = (): Uint8Array => writeXlsx(templateWorkbook(profile));

  const run = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ kind: "success", text: await work() });
    } catch (e) {
      setNotice({ kind: "error", text: excel ? t.excelError(errorText(e)) : errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p>{t.templateIntro}</p>
      <div className={styles.row}>
        {excel && (
          <>
            <Button appearance="primary" disabled={busy} data-testid="insert-template" onClick={() => void run(async () => t.templateInserted((await excel.insertTemplate(toBase64(bytes()))).join(", ")))}>
              {t.insertTemplate}
            </Button>
            <Button disabled={busy} data-testid="open-template" onClick={() => void run(async () => (await excel.openTemplate(toBase64(bytes())), t.templateOpened))}>
              {t.openTemplate}
            </Button>
          </>
        )}
        <Button
          appearance={excel ? "secondary" : "primary"}
          disabled={busy}
          data-testid="download-template"
          onClick={() =>
            void run(async () => {
              downloadBlob(bytes(), TEMPLATE_FILE_NAME, XLSX_MIME);
              return t.templateDownloaded;
            })
          }
        >
          {t.downloadTemplate}
        </Button>
      </div>
      <NoticeBar notice={notice} testId="template-notice" />
    </div>
  );
}
