// The unit fields typed by people (CLI options, the taskpane's roll-up form), checked with zod and
// normalised the way the template stores them; the messages say what to type.

import { z } from "./zod";
import { UNIT_TYPES } from "./catalogue";
import { codeFromWords, matchOption, nfc } from "./text";

export const UNIT_CODE_HINT = "mã đơn vị gồm 2–32 ký tự A–Z, 0–9, _ . - (ví dụ SO_Y_TE)";

const UNIT_CODE = /^[A-Z0-9_.-]{2,32}$/;

/** At most five distinct characters of a list, each once, in the order typed. */
const some = (chars: readonly string[]): string[] => [...new Set(chars)].slice(0, 5);

/**
 * What is wrong with a typed code and what to type instead, offering the code its words spell
 * ("so nội vụ": letters with marks and spaces; SO_NOI_VU), as the roster's and the file's messages do.
 * Lower case is no fault: the code is upper-cased.
 */
export function unitCodeProblem(typed: string): string {
  const text = nfc(typed.trim());
  if (text === "") return UNIT_CODE_HINT;
  const chars = [...text];
  const marked = some(chars.filter((c) => /\p{L}/u.test(c) && !/[A-Za-z]/.test(c)));
  const others = some(chars.filter((c) => !/[\p{L}0-9_.\-\s]/u.test(c)));
  const faults = [
    ...(marked.length > 0 ? [`chữ có dấu (${marked.join(", ")})`] : []),
    ...(/\s/.test(text) ? ["dấu cách"] : []),
    ...(others.length > 0 ? [`ký tự ${others.map((c) => `“${c}”`).join(", ")}`] : []),
  ];
  const what =
    faults.length > 0
      ? `có ${faults.length === 1 ? faults[0] : `${faults.slice(0, -1).join(", ")} và ${faults.at(-1)}`}`
      : chars.length < 2
        ? "chỉ có 1 ký tự"
        : `dài ${chars.length} ký tự, quá 32`;
  const spelled = codeFromWords(text);
  return UNIT_CODE.test(spelled)
    ? `mã “${text}” ${what}; mã đơn vị viết liền, chữ in hoa không dấu, các từ nối bằng “_”: gõ ${spelled}`
    : `mã “${text}” ${what}; ${UNIT_CODE_HINT}`;
}

/** " so_y_te " → "SO_Y_TE"; "so nội vụ" refused, saying why and offering SO_NOI_VU. */
export const unitCodeSchema = z.string().transform((s, ctx) => {
  const code = s.trim().toUpperCase();
  if (UNIT_CODE.test(code)) return code;
  ctx.addIssue({ code: "custom", message: unitCodeProblem(s) });
  return z.NEVER;
});

/** A type by its id ("SO_NGANH") or its label as in the template ("Sở, ban, ngành"), any case or accents form. */
export const unitTypeSchema = z.string().transform((s, ctx) => {
  const t = UNIT_TYPES.find((u) => u.id === s.trim().toUpperCase()) ?? matchOption(UNIT_TYPES, s);
  if (!t) {
    ctx.addIssue({ code: "custom", message: `dùng một trong ${UNIT_TYPES.map((u) => u.id).join(", ")}` });
    return z.NEVER;
  }
  return t.id;
});

export const unitNameSchema = z.string().trim().min(1, "cần tên đơn vị, ví dụ Sở Y tế");

/** The unit that signs a roll-up (kl226 consolidate --as-unit/--name/--type, the taskpane form). */
export const rollupUnitSchema = z.object({
  code: unitCodeSchema,
  name: unitNameSchema,
  typeId: unitTypeSchema,
});
