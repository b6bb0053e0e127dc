// What became of the files a consolidation did not count for their unit, and what they say of the
// units still missing (SPEC §5): replaced, corrected too late, another period's, unopened, unplaced,
// a missing unit's report under another code; and the sentences the terminal, page and summary say.

import type { Consolidation, RejectedFile, ReturnedUnit, UnitSummary } from "./consolidation";
import { compareDates, type CivilDate } from "./dates";
import { fileKindOf } from "./file-kinds";
import {
  baseName,
  fileNameCode,
  fileStem,
  holdsCode,
  laterFileFirst,
  unitNamer,
  type NamedUnit,
} from "./file-names";
import { notTheUnits, UNREADABLE_MESSAGES, type Finding } from "./findings";
import {
  dateFitsPeriod,
  declaredPeriod,
  groupByPeriod,
  periodEnd,
  signedJustAfter,
  type Period,
} from "./form";
import { MSG } from "./messages";
import type { RosterUnit } from "./profile";
import { foldKey } from "./text";

/** When a rejected file was sent, next to its unit's accepted one: by their Ngày báo cáo. */
export type SentWhen = "before" | "after" | "sameDay";

/**
 * Each rejected file whose unit sent a valid report besides, with that report and which was sent
 * first, by their Ngày báo cáo. Before it: a file the accepted one corrected, which needs no mending
 * any more (replacedFiles). After it: a correction that failed — the summary counts the older
 * report, so the unit is told its newer figures did not get in, and why. The same day, or its date
 * unread: which came later cannot be told (names are no guide: "SO_TOT (ban cu)" is the older,
 * "SO_Y_TE (1)" the newer), so it is said as such and no letter claims either.
 */
export function rejectedBesideAccepted(
  c: Pick<Consolidation, "units" | "rejected" | "period">,
): ReadonlyMap<RejectedFile, { readonly kept: UnitSummary; readonly sent: SentWhen }> {
  const accepted = new Map(c.units.map((u) => [u.code, u]));
  const out = new Map<RejectedFile, { readonly kept: UnitSummary; readonly sent: SentWhen }>();
  for (const r of c.rejected) {
    const kept = r.unit === null ? undefined : accepted.get(r.unit);
    // Another period's own report (quý II's, dated in June, in quý I's folder; or quý I's in quý
    // II's) is no version of the accepted one: it belongs to its own round, nothing is asked of it.
    if (kept === undefined || otherPeriodReport(r, c.period)) continue;
    // The same day (or no date read): which came later cannot be told — names are no guide
    // ("X ban cu" is the older, "X (1)" the newer) — so neither is claimed.
    const order = r.reportDate === null ? 0 : compareDates(r.reportDate, kept.reportDate);
    out.set(r, { kept, sent: order < 0 ? "before" : order > 0 ? "after" : "sameDay" });
  }
  return out;
}

/** A returned unit's latest file when it sent more than one, each with a Ngày báo cáo; else undefined. */
export function latestReturnedFile(files: readonly RejectedFile[]): RejectedFile | undefined {
  const dated = files.filter(
    (f): f is RejectedFile & { readonly reportDate: CivilDate } => f.reportDate !== null,
  );
  if (files.length < 2 || dated.length < files.length) return undefined;
  const [first, second] = dated.sort(laterFileFirst);
  // Two different files of the latest day: which came later cannot be told (only names would say).
  return second !== undefined &&
    compareDates(first!.reportDate, second.reportDate) === 0 &&
    first!.sha256 !== second.sha256
    ? undefined
    : first;
}

/**
 * Each earlier file of a unit still returned that sent again, with its latest file (latestReturnedFile,
 * over this period's files): the one its letter asks about, so the earlier needs no mending. Another
 * period's own report is no version of this period's.
 */
export function replacedByLaterReturned(
  c: Pick<Consolidation, "returned" | "rejected" | "period">,
): ReadonlyMap<RejectedFile, RejectedFile> {
  const returned = new Set(c.returned.map((u) => u.code));
  const byUnit = new Map<string, RejectedFile[]>();
  for (const r of c.rejected)
    if (r.unit !== null && returned.has(r.unit) && !otherPeriodReport(r, c.period))
      byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  const out = new Map<RejectedFile, RejectedFile>();
  for (const files of byUnit.values()) {
    const latest = latestReturnedFile(files);
    if (latest !== undefined) for (const f of files) if (f !== latest) out.set(f, latest);
  }
  return out;
}

/**
 * Another rejected file of `r`'s unit with the same bytes (its SHA-256): one version sent twice, so an
 * old returned file sent again by mistake is told from a correction; undefined when there is none.
 */
function identicalRejectedFile(
  c: Pick<Consolidation, "rejected">,
  r: RejectedFile,
): RejectedFile | undefined {
  return c.rejected.find((x) => x !== r && x.unit === r.unit && x.sha256 === r.sha256);
}

/**
 * What became of a rejected file beside its unit's other files, one answer for the terminal, the Lỗi
 * and Nguồn sheets and the page: its unit counted in a roll-up; another period's own report (kept for
 * its own round); an earlier file of a unit still returned, which its later file replaced
 * (replacedByLaterReturned); beside the unit's accepted report, sent before, after or the same day
 * (rejectedBesideAccepted), the same day with its `twin` when it is byte for byte another of the
 * unit's rejected files (identicalRejectedFile: one version sent twice); or nothing of the kind.
 */
export type RejectedAside =
  | { readonly kind: "none" | "inRollup" | "otherPeriod" }
  | { readonly kind: "laterReturned"; readonly later: RejectedFile }
  | {
      readonly kind: "besideAccepted";
      readonly kept: UnitSummary;
      readonly sent: SentWhen;
      readonly twin?: RejectedFile;
    };

/** Each rejected file's RejectedAside, the maps behind it built once for the whole consolidation. */
export function rejectedAsides(c: Consolidation): (r: RejectedFile) => RejectedAside {
  const beside = rejectedBesideAccepted(c);
  const resent = replacedByLaterReturned(c);
  const rolledUp = new Set(c.rolledUp);
  return (r) => {
    if (r.unit !== null && rolledUp.has(r.unit)) return { kind: "inRollup" };
    if (otherPeriodReport(r, c.period)) return { kind: "otherPeriod" };
    const later = resent.get(r);
    if (later !== undefined) return { kind: "laterReturned", later };
    const b = beside.get(r);
    if (b === undefined) return { kind: "none" };
    const twin = b.sent === "sameDay" ? identicalRejectedFile(c, r) : undefined;
    return { kind: "besideAccepted", kept: b.kept, sent: b.sent, ...(twin && { twin }) };
  };
}

/**
 * Whether a rejected file's content was not read at all: not opened on this machine or our bug
 * (notTheUnits), or an archive of other files (a unit's folder, a district's bundle), by its name or
 * its bytes. Nobody knows whose reports it holds: its name makes no unit "returned", and it holds the
 * letters (lettersHeldBy).
 */
export function contentNotRead(r: {
  readonly file: string;
  /** A run's findings, or an earlier run's read back from its JSON (history.ts). */
  readonly findings: ReadonlyArray<Pick<Finding, "message"> & { readonly code: string }>;
}): boolean {
  return (
    notTheUnits(r.findings) ||
    r.findings.some(
      (f) =>
        f.code === "UNREADABLE" &&
        (f.message === UNREADABLE_MESSAGES.ARCHIVE || fileKindOf(r.file).id === "archive"),
    )
  );
}

/**
 * The unit code a rejected file's name gives, when its content names none: the code its name starts
 * with ("XA_NGA_SON.xlsx"), unless its content was not read (contentNotRead), which is no sign of what
 * a unit sent. This run's consolidation and an earlier run's read back (history.ts) place files alike.
 */
export function unitOfFileName(r: Parameters<typeof contentNotRead>[0]): string | null {
  return contentNotRead(r) ? null : fileNameCode(r.file);
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** A rejected file no unit could be told for, with the missing roster unit its name names, if one. */
export interface UnplacedFile {
  readonly file: string;
  readonly maybe: RosterUnit | null;
}

/**
 * The rejected files that name no unit (unreadable, not a report, no code: a .pdf, a .rar, "BC KL226
 * xa Muong Lat.xls"), while roster units are missing: one of those units may have sent it. Each
 * file is given the one missing unit its file name names (unitNamer), when exactly one does. Said,
 * never decided: the unit stays missing, the analyst looks before sending reminders. A file this
 * machine did not open is not among them: unopenedFiles says those.
 */
export function unplacedRejected(c: Pick<Consolidation, "rejected" | "missing">): UnplacedFile[] {
  if (c.missing.length === 0) return [];
  const named = unitNamer(c.missing);
  return c.rejected
    .filter((r) => r.unit === null && !notTheUnits(r.findings))
    .map((r) => ({ file: r.file, maybe: named(baseName(r.file).replace(/\.[^.]*$/, "")) }));
}

/** A file whose name holds a missing unit's code while its Thông tin gives `unit`, another's. */
export interface ArrivedUnderOther {
  /** Its base name. */
  readonly file: string;
  /** The code its Thông tin gives, as typed. */
  readonly unit: string;
  /** Whether it was consolidated as that unit's report (not returned, a duplicate or in a roll-up). */
  readonly accepted: boolean;
}

/**
 * By code of each missing unit, the files read whose name holds that code (case and marks folded, not
 * inside a longer word: "SO_30" in "bc SO_30 (1).xlsx", not in "SO_300.xlsx") while their Thông tin
 * gives another unit's code and their name not that one ("SO_30.xlsx" carrying SO_03 while SO_30 sent
 * nothing): the unit's report may have come on a copy of another's file, not re-coded. Said beside the
 * missing unit, never decided: it stays missing (FILE_NAME_UNIT warns of the file itself).
 */
export function arrivedUnderOtherCode(
  c: Pick<Consolidation, "missing" | "sources">,
): ReadonlyMap<string, readonly ArrivedUnderOther[]> {
  // The terminal, the summary, the JSON, the letters and the report each ask: worked out once a run.
  const known = arrivedMemo.get(c.sources);
  if (known !== undefined && known.missing === c.missing) return known.arrived;
  const arrived = findArrivedUnderOtherCode(c);
  arrivedMemo.set(c.sources, { missing: c.missing, arrived });
  return arrived;
}

const arrivedMemo = new WeakMap<
  object,
  { readonly missing: object; readonly arrived: ReadonlyMap<string, readonly ArrivedUnderOther[]> }
>();

function findArrivedUnderOtherCode(
  c: Pick<Consolidation, "missing" | "sources">,
): ReadonlyMap<string, readonly ArrivedUnderOther[]> {
  const out = new Map<string, ArrivedUnderOther[]>();
  // Each code and each name folded once: a 10,000-file run with hundreds of missing units compares
  // every name with every missing code.
  const missing = c.missing.map((u) => ({ code: u.code, key: foldKey(u.code) })).filter((u) => u.key !== "");
  if (missing.length === 0) return out;
  for (const s of c.sources) {
    if (s.unit === null) continue;
    const name = foldKey(fileStem(s.file));
    const own = foldKey(s.unit);
    if (holdsCode(name, own)) continue;
    for (const u of missing)
      if (u.key !== own && holdsCode(name, u.key))
        out.set(u.code, [
          ...(out.get(u.code) ?? []),
          { file: baseName(s.file), unit: s.unit, accepted: s.status === "accepted" },
        ]);
  }
  return out;
}

/**
 * By code of each missing unit pointed at a file (arrivedUnderOtherCode), what the terminal says in
 * the unit's brackets: "có tệp SO_30.xlsx, nhưng tệp ghi mã SO_03" (several joined by "; ").
 */
export function arrivedUnderOtherNotes(
  c: Pick<Consolidation, "missing" | "sources">,
): ReadonlyMap<string, string> {
  return new Map(
    [...arrivedUnderOtherCode(c)].map(([code, files]) => [
      code,
      files.map((f) => MSG.arrivedUnderOther(f.file, f.unit)).join("; "),
    ]),
  );
}

/** A rejected file whose content is not known (notTheUnits), with the unit its path names, if one. */
export interface UnopenedFile {
  readonly file: string;
  readonly unit: NamedUnit | null;
}

/**
 * The files and folders this machine could not open (or our bug read wrong), each with the unit its
 * own name or its folder's may point to — a code it starts with ("XA_PU_NHI.xlsx", "XA_PU_NHI/") or a
 * unit's name ("Zalo - xa Quan Son/BaoCao.xlsx", unitNamer) — among every unit of the run. Only a
 * hint for the analyst looking for them: while any is there no letter is drawn (lettersHeldBy).
 */
export function unopenedFiles(
  c: Pick<Consolidation, "rejected" | "missing" | "units" | "returned">,
): UnopenedFile[] {
  const known = new Map<string, NamedUnit>();
  for (const u of [...c.units, ...c.returned, ...c.missing]) if (!known.has(u.code)) known.set(u.code, u);
  const named = unitNamer([...known.values()]);
  return c.rejected
    .filter((r) => notTheUnits(r.findings))
    .map((r) => {
      // Its own name, then its folder's (not the folders above, which the analyst typed).
      const segments = r.file
        .split(/[\\/]/)
        .filter((s) => s !== "" && s !== "." && s !== "..")
        .slice(-2)
        .reverse();
      for (const segment of segments) {
        const byCode = known.get(fileNameCode(segment) ?? "");
        const unit = byCode ?? named(segment.replace(/\.[^.]*$/, ""));
        if (unit !== null) return { file: r.file, unit };
      }
      return { file: r.file, unit: null };
    });
}

/** A file named beside others: its path when another of them has its name (two folders' BaoCao.xlsx). */
function shownNames(files: readonly string[]): (file: string) => string {
  const named = countBy(files.map(baseName));
  return (file) => ((named.get(baseName(file)) ?? 0) > 1 ? file : baseName(file));
}

/**
 * The note said under the missing units (terminal, page): the files, at most `limit`, each with the
 * unit its name names.
 */
export function unplacedSentence(files: readonly UnplacedFile[], limit = Infinity): string {
  const name = shownNames(files.map((f) => f.file));
  const shown = files
    .slice(0, limit)
    .map((f) => `“${name(f.file)}”${f.maybe ? ` (${MSG.unplacedMaybe(f.maybe.code, f.maybe.name)})` : ""}`);
  const more = files.length > limit ? `, … (+${files.length - limit})` : "";
  return MSG.unplacedFiles(files.length, `${shown.join(", ")}${more}`);
}

/** The note said of files this machine did not open (terminal, page, summary): at most `limit` named. */
export function unopenedSentence(files: readonly UnopenedFile[], limit = Infinity): string {
  // By the path as given: the analyst is to find each and give the account read permission.
  const shown = files
    .slice(0, limit)
    .map((f) => `“${f.file}”${f.unit ? ` (${MSG.unopenedOf(f.unit.code, f.unit.name)})` : ""}`);
  const more = files.length > limit ? `, … (+${files.length - limit})` : "";
  return MSG.unopenedFiles(files.length, `${shown.join(", ")}${more}`);
}

/**
 * A file declaring another period than `period` and dated as a report of its own period is
 * (dateFitsPeriod), not of `period`: another round's report among this one's files — the next
 * quarter's sent early, or last quarter's sent again — not a mislabelled report of this period (a
 * quý II file dated in March may be quý I's, and is asked so) nor a version of this period's report.
 */
export function otherPeriodReport(
  r: Pick<RejectedFile, "period" | "year" | "reportDate" | "findings">,
  period: Period | null,
): boolean {
  const declared = declaredPeriod(r);
  if (period === null || declared === null || r.reportDate === null) return false;
  // A report of another form is another regime's, returned for its form (FORM_MISMATCH), whatever
  // its period: not this regime's report of another round, kept for it with nothing to mend.
  if (r.findings.some((f) => f.code === "FORM_MISMATCH")) return false;
  // The month after a period ends is also the next one's first: dated then, a report is the one of
  // the period that has just ended (a quý IV report signed on 12/01), not the new period's, weeks early.
  const justEnded = periodEnd(declared) < periodEnd(period) && signedJustAfter(r.reportDate, declared);
  return (
    (declared.kind !== period.kind || declared.year !== period.year) &&
    dateFitsPeriod(r.reportDate, declared) &&
    (justEnded || !dateFitsPeriod(r.reportDate, period))
  );
}

/** otherPeriodReport of a period that ends after `period`: the next round's report, sent early. */
export function laterPeriodReport(
  r: Pick<RejectedFile, "period" | "year" | "reportDate" | "findings">,
  period: Period | null,
): boolean {
  return (
    period !== null &&
    otherPeriodReport(r, period) &&
    periodEnd(declaredPeriod(r) ?? period) > periodEnd(period)
  );
}

/** The files grouped by the period each declares, earliest first. */
export function filesByPeriod<T extends Pick<RejectedFile, "period" | "year">>(files: readonly T[]) {
  return groupByPeriod(files, declaredPeriod).sort((a, b) => periodEnd(a.period) - periodEnd(b.period));
}

/** The other periods whose own reports were among this period's files (otherPeriodReport), earliest first. */
export function otherPeriodFiles(
  c: Pick<Consolidation, "rejected" | "period">,
): Array<{ readonly period: Period; readonly files: number }> {
  return filesByPeriod(c.rejected.filter((r) => otherPeriodReport(r, c.period))).map((g) => ({
    period: g.period,
    files: g.items.length,
  }));
}

/** The rejected files their unit's accepted file, dated after them, replaced: by its file. */
export function replacedFiles(
  c: Pick<Consolidation, "units" | "rejected" | "period">,
): ReadonlyMap<RejectedFile, string> {
  const out = new Map<RejectedFile, string>();
  for (const [r, { kept, sent }] of rejectedBesideAccepted(c)) if (sent === "before") out.set(r, kept.file);
  return out;
}

/** An other-period-only unit's files, each with the period it is of: [["F.xlsx", năm 2025], …]. */
export function otherPeriodFilesOf(
  c: Pick<Consolidation, "rejected">,
  u: Pick<ReturnedUnit, "files">,
): Array<{ readonly file: string; readonly period: Period | null }> {
  return u.files.map((file) => {
    const r = c.rejected.find((x) => x.file === file);
    return { file, period: r ? declaredPeriod(r) : null };
  });
}

/** The returned units whose files were sent back: `returned` less those that sent only another period's report. */
export function sentBackUnits(c: Pick<Consolidation, "returned">): readonly ReturnedUnit[] {
  return c.returned.filter((u) => u.otherPeriods === undefined);
}

/** The returned units that sent only another period's own report (`otherPeriods`): this period's is missing. */
export function otherPeriodOnlyUnits(
  c: Pick<Consolidation, "returned">,
): ReadonlyArray<ReturnedUnit & { readonly otherPeriods: readonly Period[] }> {
  return c.returned.filter(
    (u): u is ReturnedUnit & { readonly otherPeriods: readonly Period[] } => u.otherPeriods !== undefined,
  );
}
