// Văn bản gửi đi: after a consolidation, the follow-up letters (all in one .docx for printing) and
// the report (.docx) as `kl226 consolidate --letters --report` writes them (SPEC §9), dated today in
// Việt Nam with replies due a week later. The letters, the report and their Word writer are loaded
// only when a button is pressed, so the pane's first load does not grow. Excel cannot open a .docx
// from a taskpane: in Excel too the documents are downloaded.

import { Button } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Consolidation } from "../../core/consolidation";
import { parseDateText, viDate } from "../../core/dates";
import {
  defaultReplyBy,
  documentDateConcerns,
  latestReportDate,
  vietnamDate,
  type DocumentDates,
} from "../../core/documents";
import { forThePage, MSG } from "../../core/messages";
import type { Profile, RosterUnit } from "../../core/profile";
import type { Strings } from "../i18n";
import type { DocumentKind } from "../../app/documents";
import { makeDocumentOffThePage, type MadeFile } from "../standalone/documents-client";
import { afterNextPaint, downloadBlob } from "../standalone/files";
import { FormMemory, NoticeBar, TextField, useAction, useBlockStyles, useKept } from "./common";

/** The documents' fields as typed, kept by the panel from one result to the next. */
export interface DocumentsTyped {
  dateText: string;
}

export interface DocumentsPanelProps {
  readonly strings: Strings;
  readonly profile: Profile;
  readonly consolidation: Consolidation;
  /** The roster the consolidation used (the report counts units by type from it). */
  readonly roster?: readonly RosterUnit[];
  /** In Excel the pane says why the documents download rather than open. */
  readonly inExcel: boolean;
  /** An input changed since the run: the documents are the last run's (said under the title). */
  readonly stale?: boolean;
  /**
   * The date as typed, kept by the panel across runs: the documents part is made anew with each
   * result, and a second "Tổng hợp" put a signing date typed before back to today, unsaid.
   */
  readonly typed?: FormMemory<DocumentsTyped>;
  /** The clock, for tests; the documents are dated on this day in Việt Nam. */
  readonly now?: () => number;
}

/** The documents module with the Word writer, fetched on first use (its own webpack chunk). */
const loadDocuments = () => import(/* webpackChunkName: "documents" */ "../../app/documents");

/** How long the buttons stay disabled after a document is made (see `settle`). */
const SETTLE_MS = 400;

export function DocumentsPanel({
  strings: t,
  profile,
  consolidation: c,
  roster,
  inExcel,
  stale = false,
  typed: kept = new FormMemory<DocumentsTyped>(),
  now = Date.now,
}: DocumentsPanelProps) {
  const styles = useBlockStyles();
  const { busy, notice, setNotice, act } = useAction(t, false);
  // The documents' date: today in Việt Nam unless the analyst types another (a letter prepared for
  // next Monday's signature), as --letter-date does; replies due a week later.
  const [dateText, setDateText] = useKept(kept, "dateText", () => viDate(vietnamDate(now())));
  const typed = parseDateText(dateText.trim());
  const date = typed ?? vietnamDate(now());
  const dates: DocumentDates = { date, replyBy: defaultReplyBy(date) };
  const dateError = typed === null ? t.documentsDateInvalid : undefined;
  // What the CLI notes before signing, said under the date (the date is taken either way).
  const { weekend, afterDeadline, beforeLatestReport } = documentDateConcerns(
    date,
    c.deadline,
    latestReportDate(c),
  );
  const dateWarning =
    t.documentsDateNote(viDate(date), {
      weekend,
      late: afterDeadline && { days: afterDeadline.days, deadline: viDate(afterDeadline.deadline) },
      before: beforeLatestReport && viDate(beforeLatestReport),
    }) || undefined;

  // A refused date is said under its field (announced there): the focus goes to it, no second message.
  const dateInput = useRef<HTMLInputElement>(null);
  const dateRefused = (): boolean => {
    if (dateError === undefined) return false;
    dateInput.current?.focus();
    return true;
  };

  // Clicks made while a document was being made wait in the browser's queue and are handled right
  // after it: each would download the file once more. The buttons stay disabled a moment longer, so
  // those clicks meet a disabled button (their time stamps cannot tell them apart: Chromium stamped
  // some when it handled them). Nobody reads the notice and clicks again within that moment.
  const [settling, setSettling] = useState(false);
  const settle = <T,>(value: T): T => {
    setSettling(true);
    setTimeout(() => setSettling(false), SETTLE_MS);
    return value;
  };

  /**
   * A document made off the page's thread (documents-client.ts), or in the page where no worker runs;
   * downloaded under its name. The buttons settle once it is made (see `settle`).
   */
  const make = async (kind: DocumentKind): Promise<MadeFile> => {
    setNotice({ kind: "info", text: t.preparingDocument });
    const request = {
      kind,
      consolidation: c,
      profile,
      dates,
      ...(roster ? { roster } : {}),
      madeAt: now(),
    };
    const made = await makeDocumentOffThePage(request, async () => {
      const docs = await loadDocuments();
      // Made in one stretch (seconds for 1,000 units): the "Đang lập" notice is drawn first.
      await afterNextPaint();
      return docs.makeDocument(request);
    });
    settle(null);
    if (made.file) downloadBlob(made.file, made.name, made.mime);
    return made;
  };

  /** The letters: all in one .docx to print and sign, or each unit's own in a .zip to send by e-mail. */
  const downloadLetters = (as: "docx" | "zip") =>
    act(async () => {
      const made = await make(as === "docx" ? "letters" : "letters-zip");
      // The sending body on its own roster gets no letter from itself: said, as the command says it.
      const self = made.toSender
        .map((l) => ` ${t.noLetterToSender(l.name, l.unit, l.notes.join(" "))}`)
        .join("");
      if (!made.file)
        return made.held.length > 0
          ? forThePage(MSG.lettersHeld(made.held))
          : self === ""
            ? t.noLetters
            : `${t.noOtherLetters}${self}`;
      return `${as === "docx" ? t.lettersDownloaded(made.name, made.count) : t.lettersZipDownloaded(made.name, made.count)}${self}`;
    });

  const downloadReport = () =>
    act(async () => {
      const made = await make("report");
      return t.downloaded(made.name);
    });

  return (
    <section className={styles.box} data-testid="documents" aria-label={t.documentsTitle}>
      <h3 className={styles.title}>{t.documentsTitle}</h3>
      {stale && (
        <p className={styles.hint} role="note" data-testid="documents-stale">
          {t.downloadsStale}
        </p>
      )}
      <p className={styles.hint}>{t.documentsIntro(viDate(dates.date), viDate(dates.replyBy))}</p>
      {inExcel && <p className={styles.hint}>{t.documentsExcelNote}</p>}
      {profile.organisation.signerName.trim() === "" && (
        <p className={styles.hint} data-testid="documents-no-signer">
          {t.documentsNoSigner(profile.organisation.signerTitle)}
        </p>
      )}
      <TextField
        label={t.documentsDate}
        value={dateText}
        onChange={(text) => {
          setDateText(text);
          // "Đã tải …" said of documents of the date before would read as done for this one.
          setNotice(null);
        }}
        error={dateError}
        warning={dateWarning}
        placeholder={t.documentsDateExample}
        inputRef={dateInput}
        holds="date"
        testId="documents-date"
      />
      {/* Focusable while the documents are made: a disabled button the focus was on dropped it to the page. */}
      <div className={styles.row}>
        <Button
          disabledFocusable={busy || settling}
          data-testid="download-letters"
          onClick={() => void (dateRefused() || downloadLetters("docx"))}
        >
          {t.downloadLetters}
        </Button>
        <Button
          disabledFocusable={busy || settling}
          data-testid="download-letters-zip"
          onClick={() => void (dateRefused() || downloadLetters("zip"))}
        >
          {t.downloadLettersZip}
        </Button>
        <Button
          disabledFocusable={busy || settling}
          data-testid="download-report"
          onClick={() => void (dateRefused() || downloadReport())}
        >
          {t.downloadReport}
        </Button>
      </div>
      <NoticeBar notice={notice} testId="documents-notice" />
    </section>
  );
}
