// Tổng hợp: pick or drop many reports (and a roster), choose the profile (or let the files' own form
// decide), consolidate with a progress bar. The outcome comes first: one tile per group (accepted,
// returned, missing, late, duplicates, shortfalls, rejected files), each a link to its list; the
// lists stay collapsed with their counts; the inputs fold away under one line. Then the summary into
// Excel or as downloads, and the report for the level above.

import {
  Button,
  Field,
  ProgressBar,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";
import {
  PERIOD_KINDS,
  PERIOD_LABELS,
  periodLabel,
  periodText,
  type Period,
  type PeriodKind,
} from "../../core/form";
import type { Consolidation, RejectedFile } from "../../core/consolidation";
import { compareText } from "../../core/text";
import { baseName } from "../../core/file-names";
import {
  otherPeriodFilesOf,
  otherPeriodOnlyUnits,
  sentBackUnits,
  arrivedUnderOtherNotes,
  otherPeriodFiles,
  rejectedAsides,
  unopenedFiles,
  unopenedSentence,
  unplacedRejected,
  unplacedSentence,
  type RejectedAside,
} from "../../core/file-fates";
import { planYearNote, targetPhrase, vietnamDate } from "../../core/documents";
import { parseDateText, viDate } from "../../core/dates";
import { isIgnoredFileName } from "../../core/file-kinds";
import { forThePage } from "../../core/messages";
import { blankNote, shownFindings } from "../../core/finding-order";
import { DEFAULT_PROFILE, type RosterUnit } from "../../core/profile";
import { DEFAULT_FORM } from "../../core/forms";
import { defaultProfileForForm } from "../../core/profiles";
import { indicatorValueText, sentenceCase, shownGap } from "../../core/indicator-text";
import { writeXlsx } from "../../xlsx/write";
import type { ExcelActions } from "../actions";
import type { Strings } from "../i18n";
import { AUTO, chosenProfile, useProfileChoice } from "../profile-choice";
import { SETTING_KEYS, type SettingsStore } from "../settings";
import { consolidateFiles, readRosterFile, type Progress } from "../standalone/consolidate-run";
import type { PageConsolidation } from "../standalone/pool-messages";
import {
  XLSX_MIME,
  afterNextPaint,
  downloadBlob,
  isXlsxName,
  alreadyPicked,
  samePick,
  yieldToBrowser,
} from "../standalone/files";
import { prepareWorkers } from "../standalone/worker-pool";
import { previousFromBytes, PreviousUnreadable, withPrevious, type PreviousFile } from "../../app/previous";
import { lackedPlanOfMost, unknownFiles } from "../../app/consolidate-files";
import { mismatchesByUnit } from "../../core/history";
import { summaryFileName, summaryJsonText, summarySpec } from "../summary-data";
import {
  FilePicker,
  FormMemory,
  NoticeBar,
  TextField,
  pageErrorText,
  useAction,
  useBlockStyles,
} from "./common";
import { DocumentsPanel, type DocumentsTyped } from "./DocumentsPanel";
import { ProfilePicker } from "./ProfilePicker";
import { RollupForm, type RollupTyped } from "./RollupForm";

const useStyles = makeStyles({
  /** Read by screen readers, not shown. */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  drop: {
    marginTop: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  intro: { margin: `${tokens.spacingVerticalS} 0 0` },
  meta: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  /** A problem with what was just picked, under its field (Fluent's error text colour). */
  error: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
  },
  inputs: {
    marginTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalXS,
  },
  section: { marginTop: tokens.spacingVerticalXS },
  // The bar steps a few times a second; Fluent's 0.3 s width transition would redraw the page's own
  // thread every frame of the run (layout and paint), on the cores the workers need.
  instantBar: { transitionDuration: "0s" },
  // The bar has the focus during a run: its outline drawn around it, not over the fill.
  focusedBar: { ":focus-visible": { outlineOffset: "3px" } },
  summaryLine: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
    overflowWrap: "anywhere",
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  pickedRow: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: "4px" },
  sub: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  heading: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    outlineOffset: "2px",
  },
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(8.25rem, 1fr))",
    gap: tokens.spacingHorizontalXS,
    margin: `${tokens.spacingVerticalS} 0 0`,
    padding: 0,
    listStyleType: "none",
  },
  tile: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalXS,
    minHeight: "32px",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  number: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightBold,
    lineHeight: tokens.lineHeightBase400,
    // The label wraps, never the count ("32" drawn as "3" over "2" beside a long label at some widths).
    whiteSpace: "nowrap",
    flexShrink: 0,
  },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
  },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
  },
  important: {
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
  },
  quiet: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderLeftColor: tokens.colorNeutralStroke1,
    color: tokens.colorNeutralForeground3,
  },
});

export interface ConsolidatePanelProps {
  readonly strings: Strings;
  readonly store: SettingsStore;
  readonly excel: ExcelActions | null;
}

type ListId =
  | "accepted"
  | "returned"
  | "missing"
  | "late"
  | "duplicates"
  | "inRollup"
  | "otherPeriodOnly"
  | "offRoster"
  | "shortfalls"
  | "rejected"
  | "warnings";
type Tone = "success" | "danger" | "warning" | "important" | "quiet";

interface Outcome extends PageConsolidation {
  readonly auto: boolean;
  /** What the comparison with the earlier summaries found (src/app/previous.ts), when any was chosen. */
  readonly comparison?: readonly string[];
  /** How many units' figures the comparison could check (0: none, said on its closed line). */
  readonly compared?: number;
  /** Why an earlier summary picked was not compared with (refused when picked, or during the run). */
  readonly comparisonFailed?: string;
  /** The file refused as the roster when the run began: the run went on without one. */
  readonly rosterRefused?: string;
}

/**
 * The files picked so far, folded under one line; opened, each with a button that takes it out (one
 * wrong file among 400 picked was "Bỏ chọn tệp" for all, and picking them again). Rows are made only
 * while open; the focus stays in the list when a row goes.
 */
function PickedFiles({
  files,
  strings: t,
  disabled,
  onRemove,
}: {
  files: readonly File[];
  strings: Strings;
  disabled: boolean;
  onRemove: (file: File) => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  if (files.length === 0) return null;
  const shown = [...files].sort((a, b) => compareText(a.name, b.name) || a.lastModified - b.lastModified);
  const remove = (file: File, at: number): void => {
    flushSync(() => onRemove(file));
    // The next row's button (or the one before the last), else the list's own line.
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    const next = buttons[Math.min(at, buttons.length - 1)];
    if (next) next.focus();
    else list.current?.closest("details")?.querySelector("summary")?.focus();
  };
  return (
    <details data-testid="picked-files" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={styles.summaryLine}>{t.pickedFilesTitle(files.length)}</summary>
      {open && (
        <ul className={styles.list} ref={list}>
          {shown.map((f, i) => (
            <li key={`${f.name}-${f.size}-${f.lastModified}-${i}`} className={styles.pickedRow}>
              <span>
                {f.name} <span className={styles.sub}>({t.fileSize(f.size)})</span>
              </span>
              <Button
                size="small"
                appearance="subtle"
                disabled={disabled}
                aria-label={t.removePicked(f.name)}
                onClick={() => remove(f, i)}
              >
                {t.removeButton}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

export function ConsolidatePanel({ strings: t, store, excel }: ConsolidatePanelProps) {
  // The hint and the row of buttons as in the blocks below the result (documents, roll-up).
  const styles = { ...useBlockStyles(), ...useStyles() };
  const [choice, setChoice] = useProfileChoice(store, SETTING_KEYS.consolidateProfile, true);
  const [files, setFiles] = useState<File[]>([]);
  const [roster, setRoster] = useState<{
    file: string;
    units: RosterUnit[];
    notes?: readonly string[];
  } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  // What the status region says during a run: the start, then a tenth at most every SAY_EVERY_MS (a
  // screen reader queues them: nine long ones in three seconds took half a minute to speak).
  const [said, setSaid] = useState("");
  const saidAt = useRef(0);
  // A roster that could not be read: said under its field, not at the foot of the panel.
  const [rosterError, setRosterError] = useFieldError();
  // The file that error is about: the field says it was not taken, not "no roster chosen" above a
  // "remove" button for a roster that was never in use.
  const [refusedRoster, setRefusedRoster] = useState("");
  const reportsButton = useRef<HTMLButtonElement>(null);
  const rosterButton = useRef<HTMLButtonElement>(null);
  const previousButton = useRef<HTMLButtonElement>(null);
  // What the analyst typed in the documents' date and the roll-up form, kept from one run to the next.
  // (One object for the panel's life, which the two forms write as the analyst types: useKept.)
  const [typed] = useState(() => ({
    documents: new FormMemory<DocumentsTyped>(),
    rollup: new FormMemory<RollupTyped>(),
  }));
  // Earlier summaries to compare with (the command's --previous), and why one picked cannot be used.
  const [previous, setPrevious] = useState<readonly PreviousFile[]>([]);
  const [previousError, setPreviousError] = useFieldError();
  // The file refused when picked, named in the field's line while none is in use (as the roster's).
  const [refusedPrevious, setRefusedPrevious] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [inputsOpen, setInputsOpen] = useState(false);
  // The period to consolidate: the one most files declare (AUTO), or one the analyst sets, as
  // --period/--year do (a folder of mostly rejected files, or of two periods).
  const [periodKind, setPeriodKind] = useState<PeriodKind | typeof AUTO>(AUTO);
  const [yearText, setYearText] = useState(() => String(vietnamDate(Date.now()).year));
  const { busy, setBusy, notice, setNotice, act } = useAction(t, excel !== null);
  const [dragging, setDragging] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const progressRef = useRef<HTMLDivElement>(null);
  // The workers that read and check picked files start loading while the user picks them.
  useEffect(() => prepareWorkers(), []);
  // Names kept for what renders from the result (the roll-up form, the documents).
  const result = outcome?.consolidation ?? null;
  // Most files name a plan this build lacks and none was chosen: documents would carry the default
  // profile's organisation (as the command refuses --letters/--report/--rollup then).
  const heldFor = outcome?.auto === true ? lackedPlanOfMost(outcome.namedUnknown) : undefined;
  const profile =
    outcome?.profile ?? chosenProfile(choice) ?? defaultProfileForForm(DEFAULT_FORM.id) ?? DEFAULT_PROFILE;

  const clearResult = (): void => {
    setOutcome(null);
    setInputsOpen(false);
  };
  // A changed input leaves the result where it is (a dropdown changes at each arrow key, and the
  // inputs sit under the result: removing it took the focus with it); it is marked as the last run's.
  const [stale, setStale] = useState(false);
  const markStale = (): void => setStale(true);

  const addFiles = async (picked: readonly File[]): Promise<void> => {
    // Lock and hidden files are never reports; any other file is consolidated and, when it is not a
    // workbook, listed as rejected with what it is and how to save it as .xlsx (core/file-kinds.ts).
    const ignored = picked.filter((f) => isIgnoredFileName(f.name, f.size));
    const kept = picked.filter((f) => !isIgnoredFileName(f.name, f.size));
    const others = kept.filter((f) => !isXlsxName(f.name)).map((f) => f.name);
    // A file picked again is not added twice; the user is told, not left guessing. "Again" is the same
    // file, not one like it: two units' reports saved under the template's name (KL226-BC-1.xlsx)
    // can have the same size and time, so the bytes are compared too (alreadyPicked); one saved over
    // since it was first picked takes the old pick's place.
    const again: File[] = [];
    const added: File[] = [];
    const replaced = new Map<File, File>();
    for (const r of kept) {
      let listed: { file: File; how: "same" | "replaced" } | undefined;
      // Only a listed file of the same name, size and time is read to compare: picking a folder of
      // 1,000 files again is not a million awaited comparisons.
      for (const p of files.filter((f) => samePick(f, r))) {
        const how = await alreadyPicked(p, r);
        if (how !== "other") {
          listed = { file: p, how };
          break;
        }
      }
      if (listed === undefined) added.push(r);
      else {
        again.push(r);
        if (listed.how === "replaced") replaced.set(listed.file, r);
      }
    }
    const notes = [
      ...(others.length > 0 ? [t.notXlsxAdded(others)] : []),
      ...(ignored.length > 0 ? [t.ignoredFiles(ignored.map((f) => f.name))] : []),
      ...(again.length > 0 ? [t.alreadyPicked(again.map((f) => f.name))] : []),
    ];
    setNotice(notes.length > 0 ? { kind: "info", text: notes.join(" ") } : null);
    // Files picked again unchanged leave the list, and the result, as they were.
    if (added.length > 0 || replaced.size > 0) {
      setFiles((prev) => [...prev.map((p) => replaced.get(p) ?? p), ...added]);
      markStale();
    }
  };

  const pickRoster = async (picked: File[]): Promise<void> => {
    const file = picked[0];
    if (!file) return;
    setRefusedRoster(file.name);
    try {
      const outcome = await readRosterFile(
        file,
        chosenProfile(choice) ?? defaultProfileForForm(DEFAULT_FORM.id) ?? DEFAULT_PROFILE,
      );
      if (outcome.ok) {
        // Rows passed over (group headings, a total line) and the sheet read stay said under the roster's
        // line (a notice would be replaced by the next one), as the command says them on every run.
        setRoster({
          file: file.name,
          units: outcome.units,
          ...(outcome.notes ? { notes: outcome.notes } : {}),
        });
        setNotice(null);
        setRosterError(null);
      } else {
        setRoster(null);
        setRosterError(t.rosterError(outcome.errors.join(" ")));
      }
    } catch (e) {
      setRoster(null);
      setRosterError(t.rosterError(pageErrorText(e, t)));
    }
    markStale();
  };

  const pickPrevious = async (picked: File[]): Promise<void> => {
    if (picked.length === 0) return;
    const read: PreviousFile[] = [];
    for (const file of picked) {
      try {
        read.push(previousFromBytes(file.name, new Uint8Array(await file.arrayBuffer())));
      } catch (e) {
        setPrevious([]);
        setRefusedPrevious(file.name);
        setPreviousError(
          t.previousError(
            file.name,
            forThePage(e instanceof PreviousUnreadable ? e.message : pageErrorText(e, t)),
          ),
        );
        markStale();
        return;
      }
    }
    setPrevious(read);
    setPreviousError(null);
    markStale();
  };

  const chosenForm = chosenProfile(choice)?.form;
  const periodKinds = chosenForm ? chosenForm.periods.map((p) => p.kind) : [...PERIOD_KINDS];
  const year = Number(yearText.trim());
  const yearError =
    periodKind !== AUTO && !(Number.isInteger(year) && year >= 2025 && year <= 2100)
      ? t.yearInvalid
      : undefined;
  const period: Period | undefined =
    periodKind === AUTO || yearError !== undefined ? undefined : { kind: periodKind, year };

  const run = async (): Promise<void> => {
    if (files.length === 0) {
      setNotice({ kind: "warning", text: t.noFiles });
      return;
    }
    if (yearError !== undefined) {
      setNotice({ kind: "error", text: yearError });
      return;
    }
    setBusy(true);
    setNotice(null);
    setOutcome(null);
    try {
      // The click's own task only shows that the run began (the bar and the disabled buttons); handing
      // the files to the workers starts in the next one, so the two do not add up to one long task.
      await yieldToBrowser();
      // The button just pressed is disabled for the run: the keyboard's focus waits on the progress,
      // once it is drawn.
      let progressShown = false;
      const done = await consolidateFiles(
        files,
        { profile: chosenProfile(choice), roster: roster?.units, period },
        (p) => {
          setProgress(p);
          const now = performance.now();
          if (!progressShown || now - saidAt.current >= SAY_EVERY_MS) {
            saidAt.current = now;
            setSaid(progressSaid(p, t));
          }
          if (progressShown) return;
          progressShown = true;
          // On the bar itself: its name ("Tiến độ") and value are what a screen reader says.
          void afterNextPaint().then(() => progressRef.current?.focus());
        },
      );
      // The result is drawn in a task of its own, after the one that made it: the last worker
      // message's unpacking (the pool) or the consolidation itself (the page's own path, 53–131 ms
      // with the drawing on a slow machine) would otherwise add up with React's drawing.
      // Last year's cross-check, as the command's --previous: its warnings join the consolidation's.
      let compared: ReturnType<typeof withPrevious> | undefined;
      // A file refused when picked is said again with the result: the run went on without it.
      let comparisonFailed = previousError?.text;
      if (previous.length > 0) {
        try {
          compared = withPrevious(done.consolidation, previous, done.profile.outlier);
        } catch (e) {
          if (!(e instanceof PreviousUnreadable)) throw e;
          comparisonFailed = t.previousError(previous.map((p) => p.path).join(", "), forThePage(e.message));
          setPreviousError(comparisonFailed);
        }
      }
      await yieldToBrowser();
      flushSync(() => {
        setOutcome({
          ...done,
          auto: choice === AUTO,
          ...(compared
            ? {
                consolidation: compared.consolidation,
                comparison: compared.lines,
                compared: compared.compared,
              }
            : {}),
          ...(comparisonFailed !== undefined ? { comparisonFailed } : {}),
          ...(rosterError !== null ? { rosterRefused: refusedRoster } : {}),
        });
        setStale(false);
        // Folded under the result, unless a roster or last year's summary that could not be used is said there.
        setInputsOpen(rosterError !== null || comparisonFailed !== undefined);
      });
      // The outcome is the first thing on the panel: take keyboard and screen-reader focus there. After
      // the frame that draws it: focusing at once would force its layout inside this task (≈ 5–20 ms
      // on top of React's drawing of 1,000 units' result).
      await afterNextPaint();
      heading.current?.focus();
    } catch (e) {
      setNotice({ kind: "error", text: pageErrorText(e, t) });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    void addFiles(Array.from(e.dataTransfer.files));
  };

  const progressText = progress
    ? { reading: t.progressReading, checking: t.progressChecking, both: t.progressReadingChecking }[
        progress.phase
      ](progress.done, progress.total)
    : "";
  const progressValue = progress ? progressFraction(progress) : 0;

  const inputs = (
    <>
      <ProfilePicker
        strings={t}
        value={choice}
        allowAuto
        disabled={busy}
        testId="consolidate-profile"
        onChange={(next) => {
          setChoice(next);
          // Another form may not have the period chosen (CCHC has no "6 tháng").
          setPeriodKind(AUTO);
          markStale();
        }}
      />
      <p className={styles.intro}>{t.consolidateIntro}</p>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
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
        <FilePicker
          label={t.pickReports}
          button={t.chooseFiles}
          multiple
          disabled={busy}
          testId="report-files"
          buttonRef={reportsButton}
          onFiles={(picked) => void addFiles(picked)}
        />
        <p className={styles.hint}>{t.dropHint}</p>
        <p className={styles.meta} role="status" data-testid="files-chosen">
          {t.filesChosen(files.length)}
        </p>
        <PickedFiles
          files={files}
          strings={t}
          disabled={busy}
          onRemove={(file) => {
            setFiles((prev) => prev.filter((f) => f !== file));
            markStale();
          }}
        />
      </div>
      <FilePicker
        label={t.pickRoster}
        button={rosterError === null ? t.chooseFile : t.chooseOtherFile}
        accept=".csv,.xlsx"
        disabled={busy}
        testId="roster-file"
        onFiles={(f) => void pickRoster(f)}
        errorId={rosterError === null ? undefined : "roster-error"}
        buttonRef={rosterButton}
      />
      <p className={styles.meta} role="status" data-testid="roster-chosen">
        {roster
          ? t.rosterChosen(roster.file, roster.units.length)
          : rosterError !== null
            ? t.rosterRefused(refusedRoster)
            : t.rosterNone}
      </p>
      {roster !== null && (
        <ClearChoice
          text={t.clearRoster}
          disabled={busy}
          testId="clear-roster"
          onClear={() => {
            setRoster(null);
            setRosterError(null);
            markStale();
          }}
          then={rosterButton}
        />
      )}
      <FieldError id="roster-error" error={rosterError} />
      {roster?.notes?.map((n) => (
        <p key={n} className={styles.meta} data-testid="roster-note">
          {sentenceCase(n)}
        </p>
      ))}
      <FilePicker
        label={t.pickPrevious}
        button={previousError !== null && previous.length === 0 ? t.chooseOtherFile : t.chooseFiles}
        accept=".json,.xlsx"
        multiple
        disabled={busy}
        testId="previous-files"
        onFiles={(f) => void pickPrevious(f)}
        errorId={previousError === null ? undefined : "previous-error"}
        buttonRef={previousButton}
      />
      <p className={styles.meta} role="status" data-testid="previous-chosen">
        {previous.length > 0
          ? t.previousChosen(previous.map((p) => p.path))
          : previousError !== null
            ? t.previousRefused(refusedPrevious)
            : t.previousNone}
      </p>
      {previous.length > 0 && (
        <ClearChoice
          text={t.clearPrevious}
          disabled={busy}
          testId="clear-previous"
          onClear={() => {
            setPrevious([]);
            setPreviousError(null);
            markStale();
          }}
          then={previousButton}
        />
      )}
      <FieldError id="previous-error" error={previousError} />
      <div className={styles.row}>
        <Field label={t.periodChoice}>
          <Select
            value={periodKind}
            disabled={busy}
            onChange={(_, d) => {
              setPeriodKind(d.value as PeriodKind | typeof AUTO);
              markStale();
            }}
            data-testid="period-kind"
          >
            <option value={AUTO}>{t.periodAuto}</option>
            {periodKinds.map((k) => (
              <option key={k} value={k}>
                {PERIOD_LABELS[k].label}
              </option>
            ))}
          </Select>
        </Field>
        {periodKind !== AUTO && (
          <TextField
            label={t.periodYear}
            value={yearText}
            onChange={(v) => {
              setYearText(v);
              markStale();
            }}
            error={yearError}
            disabled={busy}
            inputMode="numeric"
            holds="year"
            testId="period-year"
          />
        )}
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          // Not disabled before files are chosen: a disabled button is skipped by Tab, and a screen
          // reader user could neither find it nor learn why; pressed, it says no file is chosen.
          disabled={busy}
          onClick={() => void run()}
          data-testid="consolidate"
        >
          {t.consolidateButton}
        </Button>
        <Button
          data-testid="clear-files"
          disabled={
            busy ||
            (files.length === 0 &&
              roster === null &&
              rosterError === null &&
              previous.length === 0 &&
              previousError === null)
          }
          onClick={() => {
            flushSync(() => {
              setFiles([]);
              setRoster(null);
              setRosterError(null);
              setPrevious([]);
              setPreviousError(null);
              clearResult();
              setNotice(null);
            });
            // The button disables itself: the focus goes on to picking files again, not to the page.
            reportsButton.current?.focus();
          }}
        >
          {t.clearFiles}
        </Button>
      </div>
      {progress && (
        <Field
          data-testid="progress-field"
          label={t.progressLabel}
          validationMessage={progressText}
          validationState="none"
          className={styles.section}
        >
          <ProgressBar
            ref={progressRef}
            tabIndex={-1}
            thickness="large"
            className={styles.focusedBar}
            value={progressValue}
            max={1}
            bar={{ className: styles.instantBar }}
            aria-valuetext={progressText}
            data-testid="progress"
          />
        </Field>
      )}
    </>
  );

  return (
    <div>
      {/* Present from the start, so a screen reader announces the run when its text appears: the
          start, every tenth of the files, and what came of it. */}
      <span role="status" className={styles.hidden} data-testid="progress-status">
        {busy && progress ? said : outcome && !stale ? outcomeSaid(outcome.consolidation, t) : ""}
      </span>
      {outcome && result ? (
        <>
          <ResultView outcome={outcome} stale={stale} t={t} headingRef={heading}>
            <div className={styles.row}>
              {excel && (
                <Button
                  appearance="primary"
                  disabled={busy}
                  data-testid="write-summary"
                  onClick={() =>
                    void act(async () => {
                      const report = await excel.writeSummary(result, profile);
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
            <NoticeBar notice={notice} testId="consolidate-notice" />
          </ResultView>
          <details
            className={styles.inputs}
            open={inputsOpen}
            onToggle={(e) => setInputsOpen(e.currentTarget.open)}
            data-testid="inputs"
          >
            <summary className={styles.summaryLine}>
              {t.inputsSummary(files.length, roster?.file ?? null)}
            </summary>
            {inputs}
          </details>
          {heldFor !== undefined ? (
            <p className={styles.meta} data-testid="documents-held">
              {t.documentsHeld(heldFor, profile.name)}
            </p>
          ) : (
            <InALaterTask>
              <DocumentsPanel
                strings={t}
                profile={profile}
                consolidation={result}
                roster={roster?.units}
                inExcel={excel !== null}
                stale={stale}
                typed={typed.documents}
              />
              <RollupForm
                strings={t}
                profile={profile}
                excel={excel}
                consolidation={result}
                stale={stale}
                typed={typed.rollup}
                // Dated as the documents above, read when it is made (as DocumentsPanel reads its field).
                date={() =>
                  parseDateText((typed.documents.get("dateText") ?? "").trim()) ?? vietnamDate(Date.now())
                }
              />
            </InALaterTask>
          )}
        </>
      ) : (
        <>
          {inputs}
          <NoticeBar notice={notice} testId="consolidate-notice" />
        </>
      )}
    </div>
  );
}

/** Rejected files no unit could be told for, said under the missing units: one of them may have sent one. */
function unplacedNote(c: Parameters<typeof unopenedFiles>[0]): ReactNode {
  const files = unplacedRejected(c);
  // On the page only our own bug (INTERNAL) leaves a file unread: said, as the command says it.
  const unopened = unopenedFiles(c);
  return (
    <>
      {files.length > 0 && <p>{forThePage(unplacedSentence(files))}</p>}
      {unopened.length > 0 && <p>{forThePage(unopenedSentence(unopened))}</p>}
    </>
  );
}

/** Said after a rejected file's name: what became of it beside its unit's other files, as the terminal says. */
function asideText(t: Strings, r: RejectedFile, aside: RejectedAside): string {
  switch (aside.kind) {
    case "none":
    case "otherPeriod":
      return "";
    case "inRollup":
      return t.rejectedInRollup;
    case "laterReturned":
      return t.replacedByLaterReturned(baseName(aside.later.file), aside.later.sha256 === r.sha256);
    case "besideAccepted": {
      const kept = baseName(aside.kept.file);
      if (aside.sent === "before") return t.replacedBy(kept);
      if (aside.sent === "after") return t.failedCorrection(kept, viDate(aside.kept.reportDate));
      return aside.twin === undefined
        ? t.sameDayRejection(kept, r.reportDate === null)
        : t.sentTwiceBesideAccepted(kept, baseName(aside.twin.file));
    }
  }
}

/**
 * Its children, drawn one task after it appears: the forms below a result (letters, report, roll-up)
 * are Fluent fields whose first drawing, in the same task as a 1,000-unit result, made that task reach
 * ≈ 50 ms on 2 cores (Chromium trace); one task later each stays well under.
 */
function InALaterTask({ children }: { children: ReactNode }): ReactNode {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : null;
}

/** The result's tiles: what came of the run, group by group. */
function outcomeTiles(c: Consolidation, t: Strings): Tile[] {
  const late = c.units.filter((u) => u.late);
  const otherOnly = otherPeriodOnlyUnits(c).length;
  return [
    { id: "accepted", label: t.accepted, count: c.units.length, tone: "success" },
    { id: "returned", label: t.returned, count: sentBackUnits(c).length, tone: "danger" },
    { id: "missing", label: t.missing, count: c.rosterGiven ? c.missing.length : null, tone: "warning" },
    // Only a run whose files hold another period's report as some unit's only file meets this one.
    ...(otherOnly > 0
      ? [
          {
            id: "otherPeriodOnly" as const,
            label: t.otherPeriodOnly,
            count: otherOnly,
            tone: "warning" as const,
          },
        ]
      : []),
    { id: "late", label: t.lateTitle, count: late.length, tone: "warning" },
    { id: "duplicates", label: t.duplicates, count: c.duplicates.length, tone: "important" },
    // Only a province that received a department's roll-up together with its units meets this one.
    ...(c.inRollup.length > 0
      ? [{ id: "inRollup" as const, label: t.inRollup, count: c.inRollup.length, tone: "important" as const }]
      : []),
    { id: "shortfalls", label: t.shortfalls, count: c.shortfalls.length, tone: "important" },
    { id: "rejected", label: t.rejectedFiles, count: c.rejected.length, tone: "danger" },
  ];
}

/**
 * What the status region says during a run: that it started, then the files done at each tenth (a
 * screen reader user could not tell a working page from a frozen one; the bar's own value is read
 * only when it has the focus).
 */
function progressSaid(p: Progress, t: Strings): string {
  const tenths = Math.floor(10 * progressFraction(p));
  return tenths === 0 ? t.progressStarted(p.total) : t.progressSaid(10 * tenths);
}

/** The least time between two progress announcements. */
const SAY_EVERY_MS = 5000;

/** How far a run is, 0 to 1: reading is the first half of the bar, checking the second; in workers both go together over the whole bar. */
function progressFraction(p: Progress): number {
  if (p.total === 0) return 0;
  const share = p.phase === "both" ? 1 : 2;
  return (p.done / p.total + (p.phase === "checking" ? 1 : 0)) / share;
}

/** What the status region says once the result is drawn: the tiles' counts in one sentence. */
function outcomeSaid(c: Consolidation, t: Strings): string {
  return t.resultSaid(outcomeTiles(c, t).map((tile) => `${tile.label}: ${tile.count ?? t.unknownCount}`));
}

interface Tile {
  readonly id: ListId;
  readonly label: string;
  /** null: not known (no roster, so no one can be called missing). */
  readonly count: number | null;
  readonly tone: Tone;
}

/** A field's refusal and a setter that counts them (FieldError makes a new element for each). */
function useFieldError(): readonly [FieldErrorState | null, (text: string | null) => void] {
  const [error, setError] = useState<FieldErrorState | null>(null);
  const set = (text: string | null): void =>
    setError((e) => (text === null ? null : { text, count: (e?.count ?? 0) + 1 }));
  return [error, set] as const;
}

interface FieldErrorState {
  readonly text: string;
  readonly count: number;
}

/** Said under its field (its button's aria-describedby names `id`), as an alert. */
function FieldError({ id, error }: { id: string; error: FieldErrorState | null }) {
  const styles = useStyles();
  if (error === null) return null;
  // A new element for each refusal: the same message again is then said again.
  return (
    <p key={error.count} id={id} role="alert" className={styles.error} data-testid={id}>
      {error.text}
    </p>
  );
}

/**
 * Lets go of one optional input (the roster, last year's summaries) without clearing the reports; the
 * button goes with the choice, so the focus moves on to that field's own picker.
 */
function ClearChoice({
  text,
  disabled,
  testId,
  onClear,
  then,
}: {
  text: string;
  disabled: boolean;
  testId: string;
  onClear: () => void;
  then: React.RefObject<HTMLButtonElement | null>;
}) {
  return (
    <Button
      size="small"
      appearance="subtle"
      disabled={disabled}
      data-testid={testId}
      onClick={() => {
        flushSync(onClear);
        then.current?.focus();
      }}
    >
      {text}
    </Button>
  );
}

function ResultView({
  outcome,
  stale,
  t,
  headingRef,
  children,
}: {
  outcome: Outcome;
  /** An input changed since: the result is the last run's until the user runs again. */
  stale: boolean;
  t: Strings;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}) {
  const styles = useStyles();
  const c = outcome.consolidation;
  const [open, setOpen] = useState<Partial<Record<ListId, boolean>>>({});
  const late = c.units.filter((u) => u.late);
  const offRoster = c.units.filter((u) => u.declaredCode !== undefined || !u.onRoster);
  const tiles = outcomeTiles(c, t);

  /** A tile opens its list and moves focus to the list's heading line. */
  const show = (id: ListId): void => {
    flushSync(() => setOpen((o) => ({ ...o, [id]: true })));
    const summary = document.getElementById(`cons-${id}`)?.querySelector("summary");
    summary?.focus();
    summary?.scrollIntoView({ block: "start" });
  };
  /** Esc in an opened list folds it and goes back to its tile (its title line when it has none), as it came. */
  const hide = (id: ListId): void => {
    flushSync(() => setOpen((o) => ({ ...o, [id]: false })));
    const back =
      document.querySelector<HTMLElement>(`[data-testid="count-${id}"]`) ??
      document.getElementById(`cons-${id}`)?.querySelector("summary");
    back?.focus();
    back?.scrollIntoView({ block: "nearest" });
  };

  /** A list, its rows made only once it is opened: a thousand closed rows would hold up the page when the result appears. */
  /** A folded list under its title and count (null: not known, as the missing units without a roster). */
  const section = (id: ListId, title: string, count: number | null, body: () => ReactNode): ReactNode => (
    <details
      id={`cons-${id}`}
      className={styles.section}
      data-testid={id}
      open={open[id] ?? false}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        setOpen((o) => (o[id] === now ? o : { ...o, [id]: now }));
      }}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !(open[id] ?? false)) return;
        e.preventDefault();
        e.stopPropagation();
        hide(id);
      }}
    >
      <summary className={styles.summaryLine}>
        {title} ({count ?? t.unknownCount})
      </summary>
      {(open[id] ?? false) && body()}
    </details>
  );
  const none = <p className={styles.sub}>{t.none}</p>;
  const rejectedByFile = new Map(c.rejected.map((r) => [r.file, r]));
  // A rejected file whose unit also sent a valid one needs no correcting: said after its name.
  const asideOf = rejectedAsides(c);
  const planNote = planYearNote(c.form, c.period, true);
  const later = otherPeriodFiles(c);
  const sentBack = sentBackUnits(c);
  const otherOnly = otherPeriodOnlyUnits(c);
  const missingNotes = arrivedUnderOtherNotes(c);

  return (
    <section data-testid="consolidation-result" aria-labelledby="consolidation-heading">
      <NoticeBar notice={stale ? { kind: "warning", text: t.resultStale } : null} testId="result-stale" />
      <h2 id="consolidation-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
        {t.resultTitle}
      </h2>
      <p className={styles.meta} data-testid="consolidation-profile">
        {c.period ? `${t.resultPeriod(periodLabel(c.period))} · ` : ""}
        {outcome.auto
          ? t.usedProfileAuto(c.form.id, outcome.profile.name)
          : t.usedProfile(c.form.id, outcome.profile.name)}
      </p>
      {outcome.namedOthers && (
        <p className={styles.meta} data-testid="profile-others">
          {t.profileOthers(
            outcome.namedOthers.map((o) => ({ name: o.profile.name, files: o.files })),
            outcome.profile.name,
          )}
        </p>
      )}
      {outcome.namedUnknown && (
        <p className={styles.meta} data-testid="profile-unknown">
          {t.profileUnknown(outcome.namedUnknown.plans, outcome.namedUnknown.of, outcome.profile.name)}
        </p>
      )}
      {outcome.namedAside && (
        <p className={styles.meta} data-testid="profile-aside">
          {t.profileAside(
            outcome.namedAside.files,
            outcome.namedAside.of,
            outcome.namedAside.profile.name,
            outcome.namedAside.none,
            outcome.profile.name,
            unknownFiles(outcome.namedUnknown),
          )}
        </p>
      )}
      <NoticeBar
        notice={
          outcome.comparisonFailed === undefined
            ? null
            : { kind: "warning", text: t.comparisonFailed(outcome.comparisonFailed) }
        }
        testId="comparison-failed"
      />
      {/* Beside the "—" of Chưa nộp: why no one could be named missing (the refusal is in the field below). */}
      <NoticeBar
        notice={
          outcome.rosterRefused === undefined
            ? null
            : { kind: "warning", text: t.rosterRefusedRun(outcome.rosterRefused) }
        }
        testId="roster-refused"
      />
      <nav aria-label={t.outcomesLabel}>
        <ul className={styles.tiles} role="list">
          {tiles.map((tile) => (
            <li key={tile.id}>
              <a
                href={`#cons-${tile.id}`}
                className={mergeClasses(
                  styles.tile,
                  tile.count === 0 || tile.count === null ? styles.quiet : styles[tile.tone],
                )}
                data-testid={`count-${tile.id}`}
                data-count={tile.count ?? ""}
                aria-label={t.tileLabel(tile.label, tile.count ?? t.unknownCount)}
                title={tile.count === null ? t.missingNeedsRoster : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  show(tile.id);
                }}
              >
                <span className={styles.number}>{tile.count ?? "—"}</span>
                <span className={styles.label}>{tile.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* Under the tiles: at 320 px the notes pushed the rejected files' tile below the fold. */}
      {c.units.length === 0 && (
        <p className={styles.meta} data-testid="nothing-accepted">
          {t.nothingAccepted}
        </p>
      )}
      {c.units.length === 0 && !outcome.auto && c.rejected.length > 0 && (
        <p className={styles.meta} data-testid="nothing-accepted-profile">
          {t.nothingAcceptedChosen(outcome.profile.name, t.profileAuto)}
        </p>
      )}
      {later.length > 0 && (
        <p className={styles.meta} data-testid="other-period-files">
          {t.otherPeriodFiles(
            later.map((p) => `${periodText(p.period)}: ${t.fileCount(p.files)}`).join("; "),
            c.periodGiven,
          )}
        </p>
      )}
      {planNote !== undefined && (
        <p className={styles.meta} data-testid="plan-year">
          {planNote}
        </p>
      )}
      {/* Said again beside the buttons: the notice above is off-screen by the time one reaches them. */}
      {stale && (
        <p className={styles.meta} data-testid="downloads-stale">
          {t.downloadsStale}
        </p>
      )}
      {children}
      {outcome.comparison && outcome.comparison.length > 0 && (
        <details className={styles.section} data-testid="comparison">
          <summary className={styles.summaryLine}>
            {/* Nothing compared (this period's own summary picked, no unit in common): not "no difference". */}
            {outcome.compared === 0
              ? t.comparisonNone
              : t.comparisonSummary(
                  [...mismatchesByUnit(c.previousMismatches ?? []).keys()],
                  (c.previousMismatches ?? []).length,
                )}
          </summary>
          <p className={styles.meta}>{forThePage(outcome.comparison[0]!.trim().replace(/:$/, "."))}</p>
          <ul className={styles.list}>
            {outcome.comparison.slice(1).map((line) => (
              <li key={line}>{forThePage(line.trim())}</li>
            ))}
          </ul>
        </details>
      )}
      {section("returned", t.returned, sentBack.length, () =>
        sentBack.length === 0 ? (
          none
        ) : (
          <ul className={styles.list}>
            {sentBack.map((u) => (
              <li key={u.code}>
                {u.code} – {u.name}
                <ul className={styles.sub}>
                  {u.files.map((file) => {
                    const rejected = rejectedByFile.get(file);
                    const errors = rejected?.findings.filter((f) => f.severity === "error") ?? [];
                    // The first as "Tệp bị từ chối" lists them, with its place as that list says it.
                    const first = shownFindings(errors, rejected?.blank)[0];
                    const blank = rejected ? blankNote(rejected, false) : undefined;
                    return (
                      <li key={file}>
                        {blank !== undefined
                          ? t.returnedLine(file, forThePage(blank))
                          : t.returnedLine(
                              file,
                              first
                                ? `${first.sheet === null ? "" : t.placeLead(first.sheet, first.cell)}${forThePage(first.message)}`
                                : "",
                            )}
                        {blank === undefined && errors.length > 1
                          ? ` (${t.moreErrors(errors.length - 1)})`
                          : ""}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        ),
      )}
      {section("missing", t.missing, c.rosterGiven ? c.missing.length : null, () =>
        !c.rosterGiven ? (
          <p className={styles.sub}>{t.missingNeedsRoster}</p>
        ) : c.missing.length === 0 ? (
          none
        ) : (
          <>
            <ul className={styles.list}>
              {c.missing.map((u) => {
                // A file named for the unit that gives another's code, as the terminal says it.
                const note = missingNotes.get(u.code);
                return (
                  <li key={u.code} data-unit={u.code}>
                    {u.code} – {u.name}
                    {note === undefined ? "" : ` (${note})`}
                  </li>
                );
              })}
            </ul>
            {unplacedNote(c)}
          </>
        ),
      )}
      {otherOnly.length > 0 &&
        section("otherPeriodOnly", t.otherPeriodOnly, otherOnly.length, () => (
          <ul className={styles.list}>
            {otherOnly.map((u) => (
              <li key={u.code}>
                {t.otherPeriodOnlyLine(
                  `${u.code} – ${u.name}`,
                  otherPeriodFilesOf(c, u).map((f) => ({
                    file: f.file,
                    period: f.period ? periodText(f.period) : "",
                  })),
                )}
              </li>
            ))}
          </ul>
        ))}
      {section("late", t.lateTitle, late.length, () =>
        late.length === 0 ? (
          none
        ) : (
          <ul className={styles.list}>
            {late.map((u) => (
              <li key={u.code}>
                {t.lateLine(
                  `${u.code} – ${u.name}`,
                  viDate(u.reportDate),
                  u.firstReportDate ? viDate(u.firstReportDate) : undefined,
                )}
              </li>
            ))}
          </ul>
        ),
      )}
      {section("duplicates", t.duplicates, c.duplicates.length, () => {
        if (c.duplicates.length === 0) return none;
        const keptSha256 = new Map(c.units.map((u) => [u.code, u.sha256]));
        // Named as every other list names a unit ("SO_A – Sở A"), by the unit counted.
        const names = new Map(c.units.map((u) => [u.code, u.name]));
        return (
          <ul className={styles.list}>
            {c.duplicates.map((d) => {
              // Two files of one name (two e-mails' attachments; the page knows no folders): told apart
              // by the start of their SHA-256, as the summary's "Nguồn" sheet lists them.
              const kept = keptSha256.get(d.unit);
              const twin = d.kept === d.dropped && kept !== undefined;
              const hash = (sha: string) => (twin ? ` (SHA-256 ${sha.slice(0, 12)}…)` : "");
              return (
                <li key={`${d.unit}-${d.dropped}-${d.droppedSha256}`}>
                  {t.duplicateLine(
                    names.has(d.unit) ? `${d.unit} – ${names.get(d.unit)}` : d.unit,
                    `${d.kept}${hash(kept ?? "")}`,
                    `${d.dropped}${hash(d.droppedSha256)}`,
                    d.conflict,
                  )}
                </li>
              );
            })}
          </ul>
        );
      })}
      {c.inRollup.length > 0 &&
        section("inRollup", t.inRollup, c.inRollup.length, () => (
          <ul className={styles.list}>
            {c.inRollup.map((r) => (
              <li key={`${r.unit}-${r.file}`}>{t.inRollupLine(r.unit, r.rollupUnit, r.file)}</li>
            ))}
          </ul>
        ))}
      {/* Units counted under a roster code their file did not carry, or not on the roster at all: as the command lists them. */}
      {c.rosterGiven &&
        offRoster.length > 0 &&
        section("offRoster", t.offRosterTitle, offRoster.length, () => (
          <ul className={styles.list}>
            {offRoster.map((u) => (
              <li key={u.code}>
                {u.declaredCode !== undefined
                  ? t.recodedLine(u.declaredCode, u.code, u.name, baseName(u.file))
                  : t.offRosterLine(u.code, u.name, baseName(u.file))}
              </li>
            ))}
          </ul>
        ))}
      {section("shortfalls", t.shortfalls, c.shortfalls.length, () =>
        c.shortfalls.length === 0 ? (
          none
        ) : (
          <ul className={styles.list}>
            {c.shortfalls.map((s) => {
              const ind = c.form.indicators.find((i) => i.id === s.indicator);
              if (!ind) return null;
              return (
                <li key={`${s.unit}-${s.indicator}`}>
                  {t.shortfallLine(
                    `${s.unit} – ${s.unitName}`,
                    ind.short,
                    indicatorValueText(ind, s.value, "short"),
                    targetPhrase(ind),
                    sentenceCase(shownGap(ind, s.gap, s.value) ?? ""),
                  )}
                </li>
              );
            })}
          </ul>
        ),
      )}
      {section("accepted", t.accepted, c.units.length, () => (
        <ul className={styles.list}>
          {c.units.map((u) => (
            <li key={u.code}>
              {u.code} – {u.name} · {viDate(u.reportDate)}
              {u.late ? ` (${t.late})` : ""}
            </li>
          ))}
        </ul>
      ))}
      {section("rejected", t.rejectedFiles, c.rejected.length, () =>
        c.rejected.length === 0 ? (
          none
        ) : (
          <ul className={styles.list}>
            {c.rejected.map((r) => {
              const blank = blankNote(r, false);
              return (
                <li key={`${r.file}-${r.sha256}`} data-file={r.file}>
                  {r.file}
                  {r.unit !== null ? ` (${r.unit})` : ""}
                  {asideText(t, r, asideOf(r))}
                  <ul className={styles.sub}>
                    {blank !== undefined && <li data-testid="rejected-blank">{forThePage(blank)}</li>}
                    {shownFindings(
                      r.findings.filter((f) => f.severity === "error"),
                      r.blank,
                    ).map((f, i) => (
                      <li key={i}>
                        {f.sheet === null ? "" : t.placeLead(f.sheet, f.cell)}
                        {forThePage(f.message)}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        ),
      )}
      {c.notReports !== undefined && c.notReports.length > 0 && (
        <p data-testid="not-reports">{t.notReports(c.notReports.map((n) => n.file))}</p>
      )}
      {c.warnings.length > 0 &&
        section("warnings", t.warnings, c.warnings.length, () => (
          <ul className={styles.list}>
            {c.warnings.map((w, i) => (
              <li key={i}>
                {w.file}: {forThePage(w.message)}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
