// Mẫu báo cáo: the template of the chosen profile (its form, labels, tasks and deadlines), for one
// unit type when the clerk picks one (only the tasks that apply are listed), inserted into or
// opened from Excel, or downloaded.

import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { UNIT_TYPES, type UnitTypeId } from "../../core/catalogue";
import { DEFAULT_PROFILE } from "../../core/profile";
import { deploymentProfile } from "../../core/profiles";
import { periodDeadlineText, templateTasks, templateWorkbook } from "../../core/template";
import { writeXlsx } from "../../xlsx/write";
import type { ExcelActions } from "../actions";
import type { Strings } from "../i18n";
import { chosenProfile, useProfileChoice, useRememberedChoice } from "../profile-choice";
import { SETTING_KEYS, type SettingsStore } from "../settings";
import { XLSX_MIME, downloadBlob, toBase64 } from "../standalone/files";
import { NoticeBar, useAction } from "./common";
import { ProfilePicker } from "./ProfilePicker";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  field: { marginTop: tokens.spacingVerticalS },
  text: { margin: `${tokens.spacingVerticalS} 0 0` },
  meta: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

/**
 * "KL226-BC/1" → "KL226-BC-1.xlsx", and for one unit type "KL226-BC-1-UBND_XA.xlsx": the download's
 * name says which form it is, and which units' tasks it lists (two downloads do not take one name).
 */
export function templateFileName(formId: string, typeId?: string): string {
  return `${formId.replace(/[^A-Za-z0-9_.-]+/g, "-")}${typeId ? `-${typeId}` : ""}.xlsx`;
}

export const TEMPLATE_FILE_NAME = templateFileName(DEFAULT_PROFILE.form.id);

const ALL_TYPES = "ALL";
const isTypeChoice = (v: string | null): boolean => v === ALL_TYPES || UNIT_TYPES.some((u) => u.id === v);

export interface TemplatePanelProps {
  readonly strings: Strings;
  readonly store: SettingsStore;
  readonly excel: ExcelActions | null;
}

export function TemplatePanel({ strings: t, store, excel }: TemplatePanelProps) {
  const styles = useStyles();
  const { busy, notice, act: run } = useAction(t, excel !== null);
  const [choice, setChoice] = useProfileChoice(store, SETTING_KEYS.templateProfile, false);
  const [typeChoice, setTypeChoice] = useRememberedChoice(
    store,
    SETTING_KEYS.templateUnitType,
    ALL_TYPES,
    isTypeChoice,
  );
  const profile = chosenProfile(choice) ?? deploymentProfile() ?? DEFAULT_PROFILE;
  const type = UNIT_TYPES.find((u) => u.id === typeChoice)?.id as UnitTypeId | undefined;
  const prefill = type ? { type } : {};
  const tasks = templateTasks(profile.form, prefill).length;
  const fileName = templateFileName(profile.form.id, type);
  const bytes = (): Uint8Array => writeXlsx(templateWorkbook(profile, prefill));

  return (
    <div>
      <ProfilePicker
        strings={t}
        value={choice}
        allowAuto={false}
        disabled={busy}
        testId="template-profile"
        onChange={setChoice}
      />
      <Field label={t.templateUnitType} className={styles.field}>
        <Select
          value={typeChoice}
          disabled={busy}
          data-testid="template-type"
          onChange={(_e, data) => setTypeChoice(data.value)}
        >
          <option value={ALL_TYPES}>{t.templateAllTypes}</option>
          {UNIT_TYPES.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </Select>
      </Field>
      <p className={styles.text}>{t.templateIntro}</p>
      <p className={styles.meta} data-testid="template-summary">
        {t.templateTasks(tasks)} {t.templatePeriods(periodDeadlineText(profile.form))}
      </p>
      <div className={styles.row}>
        {excel && (
          <>
            <Button
              appearance="primary"
              disabled={busy}
              data-testid="insert-template"
              onClick={() =>
                void run(async () =>
                  t.templateInserted((await excel.insertTemplate(toBase64(bytes()))).join(", ")),
                )
              }
            >
              {t.insertTemplate}
            </Button>
            <Button
              disabled={busy}
              data-testid="open-template"
              onClick={() =>
                void run(async () => (await excel.openWorkbook(toBase64(bytes())), t.templateOpened))
              }
            >
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
              downloadBlob(bytes(), fileName, XLSX_MIME);
              return t.templateDownloaded(fileName);
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
