// What a file's name says (SPEC §5): its base name and stem, the unit code it starts with or holds,
// the roster unit whose name its words give, and which of two files of one unit counts first.

import { compareDates, type CivilDate } from "./dates";
import type { RosterUnit } from "./profile";
import { compareText, foldKey } from "./text";

/** The last path segment, for either separator (the core never imports node:path). */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

/**
 * How a message names `file` beside `other`: its name, or its path as given when both have the same
 * name (two e-mails' "BaoCao.xlsx" saved in two folders read as one file replacing itself).
 */
export function fileNameBeside(file: string, other: string): string {
  return baseName(file) === baseName(other) && file !== other ? file : baseName(file);
}

/** The unit code a file's name starts with, upper-cased ("XA_NGA_SON" for "xa_nga_son (1).xlsx"), or null. */
export function fileNameCode(file: string): string | null {
  return /^[A-Za-z0-9_.-]+/.exec(fileStem(file))?.[0]?.toUpperCase() ?? null;
}

/**
 * The base name without its extension: "SO_Y_TE (gui lai)" for ".../SO_Y_TE (gui lai).xlsx". Names
 * are compared without it so that a resend named by adding to the first name ("SO_Y_TE (1)",
 * "SO_Y_TE - gui lai") sorts after it: with ".xlsx" left on, the space (or "-") sorts before the
 * dot and the first version would win the tie.
 */
export function fileStem(file: string): string {
  const base = baseName(file);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * Whether a folded name holds a folded code with no letter or digit either side of it (foldKey on
 * both: case and marks folded).
 */
export function holdsCode(name: string, code: string): boolean {
  if (code === "") return false;
  for (let i = name.indexOf(code); i >= 0; i = name.indexOf(code, i + 1))
    if (!/[\p{L}\p{N}]/u.test(name[i - 1] ?? "") && !/[\p{L}\p{N}]/u.test(name[i + code.length] ?? ""))
      return true;
  return false;
}

/** The kind words a unit's name starts with ("Xã", "Phường", "Thị trấn", "Sở"), plain. */
const KINDS = "xa|phuong|thi tran|so";

/** The kind word that ends a text (plain, then a space), and one that starts a name. */
const KIND_WORD = new RegExp(`(?:^|\\s)(${KINDS})\\s$`);
const KIND_START = new RegExp(`^(${KINDS})\\s+`);

/** Lower case, no diacritics, words of letters and digits only. */
function plainWords(text: string): string {
  return foldKey(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A unit's name as its kind word and the rest, plain and without "UBND" ("Xã Pù Nhi" → "xa", "pu nhi"). */
export function nameParts(name: string): { kind: string | null; rest: string } {
  const plain = plainWords(name).replace(/^(?:ubnd|uy ban nhan dan)\s+/, "");
  const m = KIND_START.exec(plain);
  return m ? { kind: m[1]!, rest: plain.slice(m[0].length) } : { kind: null, rest: plain };
}

/** A unit a path's words name: its code or its name ("Zalo - xa Quan Son", "XA_PU_NHI"). */
export type NamedUnit = Pick<RosterUnit, "code" | "name">;

/**
 * A finder of the one unit of `units` whose name, without its "Xã"/"Phường"/"Sở" and its accents, a
 * text holds as whole words ("Báo cáo - Pù Nhi" → Xã Pù Nhi; "BC Phuong Quang Phu" names Phường Quảng
 * Phú, not Xã Quảng Phú), when exactly one does. One-word names are too loose to tell ("Sở Y tế" is
 * "so y te"). The names are taken apart once, not per file.
 */
export function unitNamer<U extends NamedUnit>(units: readonly U[]): (text: string) => U | null {
  const names = units.map((u) => ({ u, ...nameParts(u.name) })).filter(({ rest }) => rest.includes(" "));
  return (text) => {
    const words = ` ${plainWords(text)} `;
    const found = names.filter(({ kind, rest }) => {
      const at = words.indexOf(` ${rest} `);
      const before = at < 0 ? undefined : KIND_WORD.exec(words.slice(0, at + 1))?.[1];
      return at >= 0 && (before === undefined || before === kind);
    });
    return found.length === 1 ? found[0]!.u : null;
  };
}

/**
 * Two files of one unit in SPEC §5's order, the one that counts first: the later Ngày báo cáo, then
 * the later name (a resend "X (1)" or "X - gui lai" after "X"), then — two files of one name in two
 * folders — their contents' SHA-256, so the command and the page (which knows no folders) keep the
 * same one; the DUPLICATE_UNIT message asks which is right. Also how letters tell a returned unit's
 * latest file from the ones it replaced.
 */
export function laterFileFirst(
  a: { readonly file: string; readonly sha256: string; readonly reportDate: CivilDate },
  b: { readonly file: string; readonly sha256: string; readonly reportDate: CivilDate },
): number {
  return (
    compareDates(b.reportDate, a.reportDate) ||
    // Without case first, as a file list sorts ("SO_A (1)" is after "so_a", whatever the case typed).
    compareText(fileStem(b.file).toLowerCase(), fileStem(a.file).toLowerCase()) ||
    compareText(fileStem(b.file), fileStem(a.file)) ||
    compareText(baseName(b.file), baseName(a.file)) ||
    // Not the folders: the page knows only the files' names, and must keep the file the command keeps.
    compareText(b.sha256, a.sha256)
  );
}
