// Mẫu báo cáo: the official KL226-BC/1 template, inserted into or opened from Excel, or downloaded.

import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Profile } from "../../core/profile";
import { templateWorkbook } from "../../core/template";
import { writeXlsx } from "../../xlsx/write";
import type { ExcelActions } from "../actions";
import type { Strings } from "../i18n";
import { XLSX_MIME, downloadBlob, toBase64 } from "../standalone/files";
import { NoticeBar, useAction } from "./common";

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
  const { busy, notice, act: run } = useAction(t, excel !== null);
  const bytes = (): Uint8Array => writeXlsx(templateWorkbook(profile));

  return (
    <div>
      <p>{t.templateIntro}</p>
      <div className={styles.row}>
        {excel && (
          <>
            <Button appearance="primary" disabled={busy} data-testid="insert-template" onClick={() => void run(async () => t.templateInserted((await excel.insertTemplate(toBase64(bytes()))).join(", ")))}>
              {t.insertTemplate}
            </Button>
            <Button disabled={busy} data-testid="open-template" onClick={() => void run(async () => (await excel.openWorkbook(toBase64(bytes())), t.templateOpened))}>
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
