// The unit fields typed by people (CLI options, the taskpane's roll-up form), checked with zod and
// normalised the way the template stores them; the messages say what to type.

import { z } from "./zod";
import { UNIT_TYPES } from "./catalogue";
import { matchOption } from "./text";

export const UNIT_CODE_HINT = "mã đơn vị gồm 2–32 ký tự A–Z, 0–9, _ . - (ví dụ SO_Y_TE)";

/** " so_y_te " → "SO_Y_TE". */
export const unitCodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9_.-]{2,32}$/, UNIT_CODE_HINT));

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
