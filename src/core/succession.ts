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
  /** The earlier units whose figures, summed, are the unit's last year, in code order. */
  | { readonly kind: "whole"; readonly codes: readonly string[] }
  /** Why the earlier units cannot be summed: one not found, a name two of them share, one split between new units. */
  | { readonly kind: "partial"; readonly why: string; readonly codes: readonly string[] };

export interface Succession {
  /** Whether any roster unit names predecessors. */
  readonly any: boolean;
  /** The roster unit whose "Đơn vị cũ" names this code, or else this name; one alone, else undefined. */
  successorOf(code: string | null, name: string | null): string | undefined;
  /** Every roster unit whose "Đơn vị cũ" names this code or this whole name. */
  naming(code: string | null, name: string | null): string[];
  /** The earlier units a merged unit covers in an earlier file; undefined for a unit that names none. */
  scopeIn(code: string, earlier: readonly EarlierUnit[]): Scope | undefined;
}

/** Separators between the names of a list, and what may end one (a full stop). */
const BEFORE = /(?:^|[,;+\n/]|\svà)\s*$/u;
const AFTER = /^\s*(?:$|[,;+\n/.]|và\s)/u;
const CODE = /[A-Z0-9][A-Z0-9_.-]{1,31}/g;

/** Dashes as a hyphen, and "Ð" (U+00D0, an Icelandic letter some fonts show as "Đ") as "Đ". */
function plainMarks(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u00d0/g, "\u0110")
    .replace(/\u00f0/g, "\u0111");
}

/**
 * The column as matched: remarks in brackets left out, each line's numbering or bullet ("1.", "a)",
 * "-", "•") too, "UBND"/"Ủy ban nhân dân" before a name too.
 */
function columnKey(text: string): string {
  const lines = plainMarks(text)
    .replace(/\([^)]*\)/g, " ")
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^\s*(?:\d{1,3}[.)]|[a-zđ][.)]|[-•+*])\s+/iu, ""));
  // Line breaks as semicolons: the key folds whitespace into single spaces.
  return toneKey(lines.join("; "))
    .replace(/(^|[,;+\n/]\s*|\svà\s+)(?:ubnd|uỷ ban nhân dân)\s+/gu, "$1")
    .replace(/[ \t]+/g, " ");
}

/** A name's keys as a list may write it: whole ("phường điện biên"), and without its kind word ("điện biên"). */
function nameKeys(name: string): string[] {
  const whole = looseNameKey(plainMarks(name));
  const bare = whole.replace(/^(?:xã|phường|thị trấn)\s+/u, "");
  return bare === whole || bare === "" ? [whole] : [whole, bare];
}

/** A name without the word "tỉnh" and the province's name (`place`, keyed), spaces single. */
function withoutProvince(key: string, place: string): string {
  let out = ` ${key} `.replace(/\stỉnh(?=\s)/gu, " ");
  if (place !== "") out = out.split(` ${place} `).join(" ");
  return out.replace(/\s+/g, " ").trim();
}

/**
 * Whether `key` is a name the column lists with or without "tỉnh" and the province's name ("Ban Dân tộc"
 * for "Ban Dân tộc tỉnh Thanh Hóa"; "Kho bạc Nhà nước tỉnh Thanh Hóa" for "Kho bạc Nhà nước Thanh Hóa"):
 * one of its pieces between separators, of two words or more, is the same name without them.
 */
function listedLoosely(column: string, key: string, place: string): boolean {
  const name = withoutProvince(key, place);
  return column
    .split(/\s*[,;+/]\s*/u)
    .map((piece) => withoutProvince(piece, place))
    .some((piece) => piece.includes(" ") && name === piece);
}

/** The start of each place `key` stands in `text` between separators. */
function standing(text: string, key: string): number[] {
  const out: number[] = [];
  if (key === "") return out;
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1))
    if (BEFORE.test(text.slice(0, i)) && AFTER.test(text.slice(i + key.length))) out.push(i);
  return out;
}

/** The kind word a name starts with ("xã", "phường", "thị trấn"), after "UBND"; "" when none. */
function kindOf(name: string): string {
  return /^(xã|phường|thị trấn)\s/u.exec(looseNameKey(name))?.[1] ?? "";
}

export function successionOf(
  roster: ReadonlyArray<Pick<RosterUnit, "code" | "formerly"> & { readonly name?: string }>,
  /** The province's name ("Thanh Hóa"), which unit names add or leave out. */
  province = "",
): Succession {
  const place = province === "" ? "" : toneKey(province);
  const former = roster.flatMap((u) =>
    u.formerly !== undefined && u.formerly.trim() !== ""
      ? [
          {
            code: codeKey(u.code),
            key: columnKey(u.formerly),
            codes: new Set((u.formerly.match(CODE) ?? []).map(codeKey)),
            kind: u.name === undefined ? "" : kindOf(u.name),
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
      const kind = name === null ? "" : kindOf(name);
      for (const [i, key] of keys.entries()) {
        // A bare name in the column ("Ba Đình") is taken for a file of the successor's own kind only:
        // "Xã Ba Đình" of another former district is not the ward Ba Đình merged into a phường.
        const found = former.filter(
          (f) =>
            standing(f.key, key).length > 0 && (i === 0 || kind === "" || f.kind === "" || f.kind === kind),
        );
        if (found.length > 0) return only(found)?.code;
      }
      // Last, a name the column writes with or without "tỉnh" and the province's name.
      const whole = keys[0];
      return whole === undefined
        ? undefined
        : only(former.filter((f) => listedLoosely(f.key, whole, place)))?.code;
    },
    naming(code, name) {
      const key = code === null ? "" : codeKey(code);
      const whole = name === null ? undefined : nameKeys(name)[0];
      return former
        .filter(
          (f) =>
            (key !== "" && f.codes.has(key)) || (whole !== undefined && standing(f.key, whole).length > 0),
        )
        .map((f) => f.code);
    },
    scopeIn(code, earlier) {
      const f = byCode.get(codeKey(code));
      if (f === undefined) return undefined;
      // Each earlier unit the column names, by its code or its name (the unit's own code only when listed).
      const found: Array<{ readonly code: string; readonly key: string; readonly byName: boolean }> = [];
      for (const u of earlier) {
        const unit = codeKey(u.code);
        if (found.some((x) => x.code === unit)) continue;
        const byCode = toneKey(u.code);
        if (standing(f.key, byCode).length > 0) {
          found.push({ code: unit, key: byCode, byName: false });
          continue;
        }
        const key =
          u.name === undefined ? undefined : nameKeys(u.name).find((k) => standing(f.key, k).length > 0);
        if (key !== undefined) found.push({ code: unit, key, byName: true });
      }
      const codes = found.map((x) => x.code).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      // A name two earlier units share (communes of one name in two former districts): which is meant is not known.
      for (const x of found.filter((x) => x.byName)) {
        const same = found.filter((y) => y.byName && y.key === x.key).map((y) => y.code);
        if (same.length > 1)
          return {
            kind: "partial",
            codes,
            why: `tên “${x.key}” trong cột đơn vị cũ trùng với ${same.join(", ")} của tệp đối chiếu (ghi mã đơn vị cũ vào cột để phân biệt)`,
          };
      }
      // A former unit split between new ones: its figures then cannot be given to either.
      for (const x of found) {
        const other = former.find(
          (g) => g !== f && (x.byName ? standing(g.key, x.key).length > 0 : g.codes.has(x.code)),
        );
        if (other !== undefined)
          return {
            kind: "partial",
            codes,
            why: `đơn vị cũ ${x.code} cũng được ghi ở cột đơn vị cũ của ${other.code} (chia cho nhiều đơn vị mới: số liệu năm trước của nó không chia được)`,
          };
      }
      // What is matched is blanked out of the column; what is left names a unit the file lacks, or writes otherwise.
      let rest = f.key;
      for (const x of found)
        for (const at of standing(rest, x.key))
          rest = rest.slice(0, at) + " ".repeat(x.key.length) + rest.slice(at + x.key.length);
      const left = rest
        .split(/\s*[,;+/.]\s*/u)
        .map((piece) => piece.trim().replace(/^(?:và\s+)+|(?:\s+và)+$/gu, ""))
        .filter((piece) => /\p{L}/u.test(piece) && piece !== "và");
      if (left.length > 0)
        return {
          kind: "partial",
          codes,
          why: `chưa nhận ra “${left.join(", ")}” của cột đơn vị cũ trong tệp đối chiếu (có thể tệp không có đơn vị đó, hoặc ghi tên khác)${codes.length > 0 ? `; đã nhận ra ${codes.join(", ")}` : ""}`,
        };
      return { kind: "whole", codes };
    },
  };
}
