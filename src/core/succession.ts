// Units a reorganisation merged (2025: districts abolished, communes and departments merged). The
// roster's "Đơn vị cũ" column names each unit's predecessors as a list writes them: names or codes,
// separated by commas, semicolons or line breaks ("Phường Điện Biên, Phường Lam Sơn, Phường Ba Đình";
// "XA_DONG_TIEN; XA_DONG_THANH"). A file still sent under a predecessor's code or name is counted for
// its successor, and last year's figures of the predecessors, summed, are what the successor's column
// D is checked against (history.ts).
//
// The column is not split into names: a name may hold a comma ("Sở Văn hóa, Thể thao và Du lịch").
// A predecessor is found where its whole name, or its code, stands in the column between separators
// (so a part of such a name between commas, "Sở Văn hóa", is found too: a list cannot tell them apart).

import type { RosterUnit } from "./profile";
import { codeKey, looseNameKey, toneKey } from "./text";

/** A unit of an earlier file as the history has it: its code and, when recorded, its name. */
export interface EarlierUnit {
  readonly code: string;
  readonly name?: string;
}

export type Scope =
  /** The earlier units whose figures, summed, are the unit's last year (its own code first when there). */
  | { readonly kind: "whole"; readonly codes: readonly string[] }
  /** What the column names that no earlier unit matched, as the roster has it. */
  | { readonly kind: "partial"; readonly unmatched: string };

export interface Succession {
  /** Whether any roster unit names predecessors. */
  readonly any: boolean;
  /** The roster unit whose "Đơn vị cũ" names this code, or else this name; one alone, else undefined. */
  successorOf(code: string | null, name: string | null): string | undefined;
  /** The roster's "Đơn vị cũ" of a unit, as written; undefined when it names none. */
  formerOf(code: string): string | undefined;
  /** The earlier units a merged unit covers in an earlier file; undefined for a unit that names none. */
  scopeIn(code: string, earlier: readonly EarlierUnit[]): Scope | undefined;
}

/** Separators between the names of a list, and what may end one (a full stop). */
const BEFORE = /(?:^|[,;+\n/]|\svà)\s*$/u;
const AFTER = /^\s*(?:$|[,;+\n/.]|và\s)/u;
const CODE = /[A-Z0-9][A-Z0-9_.-]{1,31}/g;

/** The column as matched: remarks in brackets left out, "UBND"/"Ủy ban nhân dân" before a name too. */
function columnKey(text: string): string {
  // Line breaks as semicolons: the key folds whitespace into single spaces.
  return toneKey(text.replace(/\([^)]*\)/g, " ").replace(/\s*[\r\n]+\s*/g, "; "))
    .replace(/(^|[,;+\n/]\s*|\svà\s+)(?:ubnd|uỷ ban nhân dân)\s+/gu, "$1")
    .replace(/[ \t]+/g, " ");
}

/** A name's keys as a list may write it: whole ("phường điện biên"), and without its kind word ("điện biên"). */
function nameKeys(name: string): string[] {
  const whole = looseNameKey(name);
  const bare = whole.replace(/^(?:xã|phường|thị trấn)\s+/u, "");
  return bare === whole || bare === "" ? [whole] : [whole, bare];
}

/** The start of each place `key` stands in `text` between separators. */
function standing(text: string, key: string): number[] {
  const out: number[] = [];
  if (key === "") return out;
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1))
    if (BEFORE.test(text.slice(0, i)) && AFTER.test(text.slice(i + key.length))) out.push(i);
  return out;
}

export function successionOf(roster: ReadonlyArray<Pick<RosterUnit, "code" | "formerly">>): Succession {
  const former = roster.flatMap((u) =>
    u.formerly !== undefined && u.formerly.trim() !== ""
      ? [
          {
            code: codeKey(u.code),
            text: u.formerly,
            key: columnKey(u.formerly),
            codes: new Set((u.formerly.match(CODE) ?? []).map(codeKey)),
          },
        ]
      : [],
  );
  const byCode = new Map(former.map((f) => [f.code, f]));
  const only = <T>(found: readonly T[]): T | undefined => (found.length === 1 ? found[0] : undefined);
  return {
    any: former.length > 0,
    successorOf(code, name) {
      if (former.length === 0) return undefined;
      const key = code === null ? "" : codeKey(code);
      const byItsCode = only(former.filter((f) => key !== "" && f.codes.has(key)));
      if (byItsCode !== undefined) return byItsCode.code;
      const keys = name === null ? [] : nameKeys(name);
      for (const key of keys) {
        const found = former.filter((f) => standing(f.key, key).length > 0);
        if (found.length > 0) return only(found)?.code;
      }
      return undefined;
    },
    formerOf: (code) => byCode.get(codeKey(code))?.text,
    scopeIn(code, earlier) {
      const f = byCode.get(codeKey(code));
      if (f === undefined) return undefined;
      const codes: string[] = [];
      let rest = f.key;
      // What is matched is blanked out of the column; what is left names a unit last year's file lacks.
      const blank = (at: number, length: number): void => {
        rest = rest.slice(0, at) + " ".repeat(length) + rest.slice(at + length);
      };
      for (const u of earlier) {
        const own = codeKey(u.code) === f.code;
        const codeAt = standing(rest, toneKey(u.code));
        const key =
          u.name === undefined ? undefined : nameKeys(u.name).find((k) => standing(rest, k).length > 0);
        const nameAt = key === undefined ? [] : standing(rest, key);
        if (!own && codeAt.length === 0 && nameAt.length === 0) continue;
        codeAt.forEach((at) => blank(at, u.code.length));
        nameAt.forEach((at) => blank(at, key!.length));
        if (!codes.includes(codeKey(u.code))) codes.push(codeKey(u.code));
      }
      codes.sort((a, b) => Number(b === f.code) - Number(a === f.code) || (a < b ? -1 : a > b ? 1 : 0));
      const left = rest
        .split(/\s*[,;+/.]\s*/u)
        .map((piece) => piece.trim().replace(/^(?:và\s+)+|(?:\s+và)+$/gu, ""))
        .filter((piece) => /\p{L}/u.test(piece) && piece !== "và");
      return left.length > 0 ? { kind: "partial", unmatched: left.join(", ") } : { kind: "whole", codes };
    },
  };
}
