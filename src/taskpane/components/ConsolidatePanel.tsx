// Tổng hợp: pick or drop many reports (and a roster), consolidate them with a progress bar, show
// accepted / rejected (with reasons) / missing / shortfalls, write the summary sheets into Excel,
// download the summary .xlsx and the JSON report, and make the report for the level above.

import { Badge, Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { startTransition, useState, type DragEvent, type ReactNode } from "react";
import { INDICATORS } from "../../core/catalogue";
import { periodLabel, type Consolidation } from "../../core/consolidate";
import { viDate } from "../../core/dates";
import { percentText } from "../../core/judge";
import type { Profile, RosterUnit } from "../../core/profile";
import { targetText } from "../../core/summary";
import { writeXlsx } from "../../xlsx/write";
import type { ExcelActions } from "../actions";
import type { Strings } from "../i18n";
import { consolidateFiles, readRosterFile, type Progress } from "../standalone/consolidate-run";
import { XLSX_MIME, downloadBlob, isXlsxName } from "../standalone/files";
import { summaryFileName, summaryJsonText, summarySpec } from "../summary-data";
import { FilePicker, NoticeBar, errorText, useAction } from "./common";
import { RollupForm } from "./RollupForm";

const useStyles = makeStyles({
  drop: {
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hint: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground3 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  meta: { margin: `${tokens.spacingVerticalXS} 0 0`, overflowWrap: "anywhere" },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  section: { marginTop: tokens.spacingVerticalS },
  summaryLine: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  sub: { margin: 0, paddingLeft: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface ConsolidatePanelProps {
  readonly strings: Strings;
  readonly profile: Profile;
  readonly excel: ExcelActions | null;
}

/** A collapsible list whose items are rendered once it is opened: a thousand closed rows would hold up the page when the result appears. */
function Section({ title, count, testId, open, children }: { title: string; count: number; testId: string; open?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const [shown, setShown] = useState(open === true);
  return (
    <details className={styles.section} data-testid={testId} open={open} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary className={styles.summaryLine}>
        {title} ({count})
      </summary>
      {(shown || open === true) && children}
    </details>
  );
}

export function ConsolidatePanel({ strings: t, profile, excel }: ConsolidatePanelProps) {
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [roster, setRoster] = useState<{ file: string; units: RosterUnit[] } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Consolidation | null>(null);
  const { busy, setBusy, notice, setNotice, act } = useAction(t, excel !== null);
  const [dragging, setDragging] = useState(false);

  const addFiles = (picked: readonly File[]): void => {
    const reports = picked.filter((f) => isXlsxName(f.name));
    const others = picked.filter((f) => !isXlsxName(f.name));
    setNotice(others.length > 0 ? { kind: "warning", text: others.map((f) => t.notXlsx(f.name)).join(" ") } : null);
    if (reports.length > 0) {
      setFiles((prev) => [...prev, ...reports.filter((r) => !prev.some((p) => p.name === r.name && p.size === r.size))]);
      setResult(null);
    }
  };

  const pickRoster = async (picked: File[]): Promise<void> => {
    const file = picked[0];
    if (!file) return;
    try {
      const outcome = await readRosterFile(file, profile);
      if (outcome.ok) {
        setRoster({ file: file.name, units: outcome.units });
        setNotice(null);
      } else {
        setRoster(null);
        setNotice({ kind: "error", text: t.rosterError(outcome.errors.join(" ")) });
      }
    } catch (e) {
      setNotice({ kind: "error", text: t.rosterError(errorText(e)) });
    }
    setResult(null);
  };

  const run = async (): Promise<void> => {
    if (files.length === 0) {
      setNotice({ kind: "warning", text: t.noFiles });
      return;
    }
    setBusy(true);
    setNotice(null);
    setResult(null);
    try {
      const consolidation = await consolidateFiles(files, { profile, roster: roster?.units }, setProgress);
      // A transition: React renders the result in slices, so the page answers input meanwhile.
      startTransition(() => setResult(consolidation));
    } catch (e) {
      setNotice({ kind: "error", text: errorText(e) });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };


  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    addFiles(Array.from(e.dataTransfer.files));
  };

  const progressText = progress ? { reading: t.progressReading, checking: t.progressChecking, both: t.progressReadingChecking }[progress.phase](progress.done, progress.total) : "";
  // Reading is the first half of the bar, checking the second; in workers both go together over the whole bar.
  const share = progress?.phase === "both" ? 1 : 2;
  const progressValue = progress && progress.total > 0 ? (progress.done / progress.total + (progress.phase === "checking" ? 1 : 0)) / share : 0;

  return (
    <div>
      <p>{t.consolidateIntro}</p>
      <div
        className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
        role="group"
        aria-label={t.dropZoneLabel}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <FilePicker label={t.pickReports} button={t.chooseFiles} accept=".xlsx" multiple disabled={busy} testId="report-files" onFiles={addFiles} />
        <p className={styles.hint}>{t.dropHint}</p>
        <p className={styles.meta} role="status" data-testid="files-chosen">
          {t.filesChosen(files.length)}
        </p>
      </div>
      <FilePicker label={t.pickRoster} button={t.chooseFile} accept=".csv,.xlsx" disabled={busy} testId="roster-file" onFiles={(f) => void pickRoster(f)} />
      <p className={styles.meta} data-testid="roster-chosen">
        {roster ? t.rosterChosen(roster.file, roster.units.length) : t.rosterNone}
      </p>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || files.length === 0} onClick={() => void run()} data-testid="consolidate">
          {t.consolidateButton}
        </Button>
        <Button
          disabled={busy || (files.length === 0 && roster === null)}
          onClick={() => {
            setFiles([]);
            setRoster(null);
            setResult(null);
            setNotice(null);
          }}
        >
          {t.clearFiles}
        </Button>
      </div>
      {progress && (
        <Field label={t.progressLabel} validationMessage={progressText} validationState="none" className={styles.section}>
          <ProgressBar value={progressValue} max={1} aria-valuetext={progressText} data-testid="progress" />
        </Field>
      )}
      <NoticeBar notice={notice} testId="consolidate-notice" />
      {result && (
        <div className={styles.row}>
          {excel && (
            <Button
              appearance="primary"
              disabled={busy}
              data-testid="write-summary"
              onClick={() =>
                void act(async () => {
                  const report = await excel.writeSummary(result);
                  return t.summaryWritten(report.sheets.length, report.syncs);
                })
              }
            >
              {t.writeSummary}
            </Button>
          )}
          <Button
            disabled={busy}
            data-testid="download-summary"
            onClick={() =>
              void act(() => {
                const name = summaryFileName(result, "xlsx");
                downloadBlob(writeXlsx(summarySpec(result, profile)), name, XLSX_MIME);
                return t.downloaded(name);
              })
            }
          >
            {t.downloadSummary}
          </Button>
          <Button
            disabled={busy}
            data-testid="download-json"
            onClick={() =>
              void act(() => {
                const name = summaryFileName(result, "json");
                downloadBlob(summaryJsonText(result), name, "application/json");
                return t.downloaded(name);
              })
            }
          >
            {t.downloadJson}
          </Button>
        </div>
      )}
      {result && <ResultView c={result} t={t} />}
      {result && <RollupForm strings={t} profile={profile} excel={excel} consolidation={result} />}
    </div>
  );
}

function ResultView({ c, t }: { c: Consolidation; t: Strings }) {
  const styles = useStyles();
  return (
    <section data-testid="consolidation-result" aria-label={t.tabConsolidate}>
      {c.period && <p className={styles.meta}>{t.resultPeriod(periodLabel(c.period))}</p>}
      <div className={styles.counts} role="status">
        <Badge appearance="tint" color="success" data-testid="count-accepted">
          {t.accepted}: {c.units.length}
        </Badge>
        <Badge appearance="tint" color="danger" data-testid="count-rejected">
          {t.rejected}: {c.rejected.length}
        </Badge>
        <Badge appearance="tint" color="warning" data-testid="count-missing">
          {t.missing}: {c.missing.length}
        </Badge>
        <Badge appearance="tint" color="important" data-testid="count-shortfalls">
          {t.shortfalls}: {c.shortfalls.length}
        </Badge>
      </div>
      <Section title={t.rejected} count={c.rejected.length} testId="rejected" open={c.rejected.length > 0}>
        {c.rejected.length === 0 ? (
          <p className={styles.sub}>{t.none}</p>
        ) : (
          <ul className={styles.list}>
            {c.rejected.map((r) => (
              <li key={`${r.file}-${r.sha256}`} data-file={r.file}>
                {r.file}
                {r.unit !== null ? ` (${r.unit})` : ""}
                <ul className={styles.sub}>
                  {r.findings
                    .filter((f) => f.severity === "error")
                    .map((f, i) => (
                      <li key={i}>
                        {f.sheet !== null && f.cell !== null ? `${t.cellRef(f.sheet, f.cell)}: ` : ""}
                        {f.message}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t.missing} count={c.missing.length} testId="missing" open={c.missing.length > 0}>
        {c.missing.length === 0 ? (
          <p className={styles.sub}>{t.none}</p>
        ) : (
          <ul className={styles.list}>
            {c.missing.map((u) => (
              <li key={u.code}>
                {u.code} – {u.name}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t.shortfalls} count={c.shortfalls.length} testId="shortfalls">
        {c.shortfalls.length === 0 ? (
          <p className={styles.sub}>{t.none}</p>
        ) : (
          <ul className={styles.list}>
            {c.shortfalls.map((s) => (
              <li key={`${s.unit}-${s.indicator}`}>
                {t.shortfallLine(
                  `${s.unit} – ${s.unitName}`,
                  INDICATORS[s.indicator].short,
                  INDICATORS[s.indicator].kind === "maxCount" ? String(s.value ?? "—") : percentText(s.value),
                  targetText(s.indicator, s.target),
                  s.gap,
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t.accepted} count={c.units.length} testId="accepted">
        <ul className={styles.list}>
          {c.units.map((u) => (
            <li key={u.code}>
              {u.code} – {u.name} · {viDate(u.reportDate)}
              {u.late ? ` (${t.late})` : ""}
            </li>
          ))}
        </ul>
      </Section>
      {c.duplicates.length > 0 && (
        <Section title={t.duplicates} count={c.duplicates.length} testId="duplicates">
          <ul className={styles.list}>
            {c.duplicates.map((d) => (
              <li key={`${d.unit}-${d.dropped}`}>{t.duplicateLine(d.unit, d.kept, d.dropped)}</li>
            ))}
          </ul>
        </Section>
      )}
      {c.warnings.length > 0 && (
        <Section title={t.warnings} count={c.warnings.length} testId="warnings">
          <ul className={styles.list}>
            {c.warnings.map((w, i) => (
              <li key={i}>
                {w.file}: {w.message}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </section>
  );
}
