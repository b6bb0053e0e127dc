// Kiểm tra: validate the open workbook (Excel) or a picked file (standalone) with the chosen profile
// (or the form named in the file), say the verdict in words ("Hợp lệ — có thể gửi" / "Không hợp lệ —
// chưa gửi được"), list the findings errors first, point at their cells, mark / unmark error cells.

import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { blankNote, shownFindings } from "../../core/finding-order";
import { inspectNamedBytes } from "../../app/inspect";
import { periodLabel } from "../../core/form";
import { forThePage } from "../../core/messages";
import { viDate } from "../../core/dates";
import type { Profile } from "../../core/profile";
import { reportShortfalls } from "../../core/consolidate";
import { lateReport } from "../../core/deadlines";
import { indicatorValueText, sentenceCase, shownGap } from "../../core/indicator-text";
import { targetPhrase } from "../../core/documents";
import { profileCheckedBy } from "../../core/validate";
import type { ValidationResult } from "../../core/unit-report";
import type { ExcelActions } from "../actions";
import { countFindings } from "../findings-view";
import type { Strings } from "../i18n";
import { AUTO, chosenProfile, readWith, useProfileChoice } from "../profile-choice";
import { SETTING_KEYS, type SettingsStore } from "../settings";
import { afterNextPaint, fileBytes } from "../standalone/files";
import { FilePicker, NoticeBar, errorText, pageErrorText, type Notice } from "./common";
import { FindingsList } from "./FindingsList";
import { ProfilePicker } from "./ProfilePicker";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  intro: { margin: `${tokens.spacingVerticalS} 0 0` },
  verdict: {
    marginTop: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: "4px solid",
  },
  valid: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
  },
  invalid: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  verdictTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  summary: { margin: `${tokens.spacingVerticalXXS} 0 0`, overflowWrap: "anywhere" },
  meta: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

export interface ValidatePanelProps {
  readonly strings: Strings;
  readonly store: SettingsStore;
  readonly excel: ExcelActions | null;
}

/** The result and the profile it was judged by (shown as "Biểu mẫu … — hồ sơ …"). */
interface Checked {
  readonly result: ValidationResult;
  readonly profile: Profile | undefined;
  readonly auto: boolean;
  /** The profile choice it was checked with: another one since leaves the verdict marked as the last check's. */
  readonly choice: string;
}

export function ValidatePanel({ strings: t, store, excel }: ValidatePanelProps) {
  const styles = useStyles();
  const [choice, setChoice] = useProfileChoice(store, SETTING_KEYS.validateProfile, true);
  const [checked, setChecked] = useState<Checked | null>(null);
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
      setNotice({ kind: "error", text: excel ? t.excelError(errorText(e)) : pageErrorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  /** The profile a result was judged by: the chosen one, or the default profile of the file's own form. */
  const judgedBy = (result: ValidationResult): Checked => {
    const chosen = chosenProfile(choice);
    return {
      result,
      profile: profileCheckedBy(result, chosen),
      auto: choice === AUTO,
      choice,
    };
  };

  const validateOpen = (): Promise<void> =>
    run(async () => {
      if (!excel) return;
      setLocation(null);
      setChecked(judgedBy(await excel.validateOpenWorkbook(chosenProfile(choice))));
      setSource(null);
    });

  const validateFile = (files: File[]): Promise<void> =>
    run(async () => {
      const file = files[0];
      if (!file) return;
      setLocation(null);
      setChecked(null);
      let bytes: Uint8Array;
      try {
        bytes = await fileBytes(file);
      } catch {
        setNotice({ kind: "error", text: t.fileReadError(file.name) });
        return;
      }
      setSource(file.name);
      const read = readWith(chosenProfile(choice));
      // A file not named .xlsx is told what it is and how to save it as .xlsx (core/file-kinds.ts).
      setChecked(
        judgedBy(
          // Tự động: a template made with one of this deployment's profiles is checked by it.
          inspectNamedBytes(file.name, bytes, read.profile, undefined, {
            forms: read.forms,
            fileProfile: read.forms === "follow",
          }),
        ),
      );
    });

  const select = (sheet: string, cell: string): void => {
    setLocation(t.selectedCell(sheet, cell));
    if (excel) void run(() => excel.selectCell(sheet, cell));
  };

  const result = checked?.result ?? null;
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
  // A template sent unfilled: said before its list, which shows its blank cells in two lines.
  const blank = result ? blankNote(result) : undefined;
  // Nothing read as a report (a lock file, a PDF, a roster, another workbook, a damaged file): no
  // errors in it to fix, another file to choose.
  // A KL226 summary or any other workbook is read under the default form and names no unit: the
  // form it was read by is no sign it is a report.
  const unread =
    result !== null &&
    !result.valid &&
    result.unit === null &&
    result.findings.every((f) => f.code === "UNREADABLE" || f.code === "NOT_TEMPLATE");
  const stale = checked !== null && checked.choice !== choice;
  const shortfalls =
    result?.report && checked?.profile
      ? reportShortfalls(result.report, checked.profile.form).map(({ indicator, result: r }) =>
          t.ownShortfall(
            indicator.label,
            indicatorValueText(indicator, r.value, "short"),
            targetPhrase(indicator),
            sentenceCase(shownGap(indicator, r.gap, r.value) ?? ""),
          ),
        )
      : [];
  const late = result?.report && checked?.profile ? lateReport(result.report, checked.profile) : undefined;
  // The verdict is what the clerk came for: keyboard and screen-reader focus go there once it is
  // drawn (choosing a file left focus on the page's body).
  const verdictHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (checked === null) return;
    void afterNextPaint().then(() => verdictHeading.current?.focus());
  }, [checked]);
  return (
    <div>
      <ProfilePicker
        strings={t}
        value={choice}
        allowAuto
        disabled={busy}
        testId="validate-profile"
        // The verdict stays, marked as the last check's (`stale`): a dropdown changes at each arrow key.
        onChange={setChoice}
      />
      <p className={styles.intro}>{excel ? t.validateIntroExcel : t.validateIntroStandalone}</p>
      {excel ? (
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={() => void validateOpen()}
            disabled={busy}
            data-testid="validate-open"
          >
            {t.validateButton}
          </Button>
          <Button
            onClick={() => void mark()}
            disabled={busy || !result || counts?.errors === 0}
            data-testid="mark-errors"
          >
            {t.markErrors}
          </Button>
          <Button onClick={() => void clear()} disabled={busy} data-testid="clear-marks">
            {t.clearMarks}
          </Button>
        </div>
      ) : (
        <FilePicker
          label={t.pickWorkbook}
          button={t.chooseFile}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          testId="validate-file"
          onFiles={(f) => void validateFile(f)}
        />
      )}
      {busy && <Spinner size="tiny" label={t.validating} />}
      <NoticeBar notice={notice} testId="validate-notice" />
      {checked && result && counts && (
        <div data-testid="validate-result">
          <NoticeBar
            notice={stale ? { kind: "warning", text: t.verdictStale } : null}
            testId="verdict-stale"
          />
          <section
            className={`${styles.verdict} ${result.valid ? styles.valid : styles.invalid}`}
            role="status"
            aria-live="polite"
            data-testid="validate-verdict"
            data-valid={result.valid}
          >
            <h2
              className={styles.verdictTitle}
              ref={verdictHeading}
              tabIndex={-1}
              data-testid="validate-verdict-title"
            >
              {/* The mark is for the eye; a screen reader said its symbol's name before the verdict. */}
              <span aria-hidden="true">{result.valid ? "✓ " : "✗ "}</span>
              {result.valid ? t.verdictValid : unread ? t.verdictUnreadable : t.verdictInvalid}
            </h2>
            <p className={styles.summary}>
              {result.valid
                ? t.verdictValidDetail(counts.warnings)
                : unread
                  ? t.verdictUnreadableDetail
                  : t.verdictInvalidDetail(counts.errors)}
            </p>
            <p className={styles.summary} data-testid="validate-counts">
              {t.counts(counts.errors, counts.warnings)}
            </p>
            {blank !== undefined && (
              <p className={styles.summary} data-testid="validate-blank">
                {forThePage(blank)}
              </p>
            )}
          </section>
          {source !== null && <p className={styles.meta}>{t.fileChecked(source)}</p>}
          {result.unit !== null ? (
            <p className={styles.meta} data-testid="validate-unit">
              {/* A code with its name left blank read "Đơn vị: SO_A – ", a dash before nothing. */}
              {result.unitName === null || result.unitName.trim() === ""
                ? t.unitLineNoName(result.unit)
                : t.unitLine(result.unit, result.unitName)}
            </p>
          ) : (
            // The clerk typed the name but no code (or a wrong one): the file is still theirs, named.
            result.unitName !== null &&
            result.unitName.trim() !== "" && (
              <p className={styles.meta} data-testid="validate-unit">
                {t.unitLineNoCode(result.unitName, result.unitTyped)}
              </p>
            )
          )}
          {result.period !== null && result.year !== null && (
            // The period and date the file declares: a valid report of last year's period is still
            // "hợp lệ" on its own, and only the clerk can see it is the wrong one to send.
            <p className={styles.meta} data-testid="validate-period">
              {t.reportPeriodLine(
                periodLabel({ kind: result.period, year: result.year }),
                result.reportDate ? viDate(result.reportDate) : null,
              )}
            </p>
          )}
          {checked.profile && result.form !== null && !unread && (
            <p className={styles.meta} data-testid="validate-profile-used">
              {!checked.auto
                ? t.usedProfile(checked.profile.form.id, checked.profile.name)
                : result.profileByRows === true
                  ? t.usedProfileByRows(result.form, checked.profile.name)
                  : t.usedProfileAuto(result.form, checked.profile.name)}
            </p>
          )}
          {location !== null && (
            <p className={styles.meta} role="status" data-testid="selected-cell">
              {location}
            </p>
          )}
          <FindingsList
            findings={shownFindings(result.findings, result.blank)}
            counted={result.findings}
            strings={t}
            onSelect={select}
          />
          {late && (
            <p className={styles.meta} data-testid="validate-late">
              {t.lateBeforeSending(late)}
            </p>
          )}
          {shortfalls.length > 0 && (
            // Not errors (the file is sent as it is): what the consolidation will flag and its letter ask to explain.
            <section data-testid="validate-shortfalls">
              <h3 className={styles.meta}>{t.shortfallsBeforeSending(shortfalls.length)}</h3>
              <ul>
                {shortfalls.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
