// The form, the profile and the template a workbook names: the marker in Thông tin!A1 or its
// defined names (SPEC §8).

import { SHEETS, PROFILE_DEFINED_NAME, TEMPLATE_DEFINED_NAME } from "./catalogue";
import { MARKER, type Form, taskKeys } from "./form";
import { BUILTIN_FORMS } from "./forms";
import { MSG } from "./messages";
import type { Profile } from "./profile";
import { defaultProfileForForm, shippedProfile } from "./profiles";
import { findSheet } from "./template-sheets";
import { nfc } from "./text";
import { cellText } from "./values";
import { cellAt, type Workbook } from "./workbook";

export type MarkerRead = { readonly kind: "none" } | { readonly kind: "marker"; readonly id: string };

const LEADING_MARKER =
  /^\s*([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+\/[A-Za-z0-9][A-Za-z0-9.-]*)(?=$|[\s·:,;(–—-])/;

/**
 * The form marker of a workbook (SPEC §8): the first token of Thông tin!A1 ("KL226-BC/1 · BÁO
 * CÁO…"), else the defined name KL226_TEMPLATE. A1 wins: it is what the clerk sees, and the marker
 * in A1 alone names the form.
 */
export function readMarker(workbook: Workbook): MarkerRead {
  const info = findSheet(workbook, SHEETS.info);
  const a1Text = info ? cellText(cellAt(info, 0, 0)) : "";
  const m = LEADING_MARKER.exec(nfc(a1Text));
  if (m?.[1]) return { kind: "marker", id: m[1].toUpperCase() };
  const id = definedNameText(workbook, TEMPLATE_DEFINED_NAME)?.toUpperCase();
  if (id !== undefined && MARKER.test(id)) return { kind: "marker", id };
  return { kind: "none" };
}

/** A workbook-level defined name's text, trimmed and without the quotes of a literal ("\"KL226-BC/1\""). */
function definedNameText(workbook: Workbook, name: string): string | undefined {
  return workbook.definedNames[name]
    ?.trim()
    .replace(/^"(.*)"$/, "$1")
    .trim();
}

/** Forms a file may name: the built-in ones and the profile's own (when it brings one). */
export function knownForms(profile: Profile): readonly Form[] {
  return BUILTIN_FORMS.some((f) => f.id === profile.form.id)
    ? BUILTIN_FORMS
    : [...BUILTIN_FORMS, profile.form];
}

/** The profile name a template recorded (PROFILE_DEFINED_NAME), lower case; undefined when none. */
export function fileProfile(workbook: Workbook): string | undefined {
  const name = definedNameText(workbook, PROFILE_DEFINED_NAME)?.toLowerCase();
  return name !== undefined && /^[a-z0-9][a-z0-9._-]{0,80}$/.test(name) ? name : undefined;
}

/** The template a unit filled when its file is checked by another profile (a consolidation's plan). */
export interface FilledTemplate {
  /** The count rows that template has. */
  readonly codes: ReadonlySet<string>;
  /** Its tasks, by the matchKey of their content. */
  readonly tasks: ReadonlySet<string>;
  /** How messages name it ("mẫu chung, …", "mẫu theo hồ sơ “…”"). */
  readonly name: string;
  /** The profile the file is checked by. */
  readonly checkedBy: string;
}

/**
 * The template the unit filled, when the file is checked by another profile: the shipped profile
 * the file names, else its form's default. A row of `profile` it never had was not deleted by the
 * unit (rowNotInTemplate); nor was a row missing from the template of a plan this build lacks.
 * Undefined when it is `profile`'s own.
 */
export function filledTemplate(workbook: Workbook, profile: Profile): FilledTemplate | undefined {
  const named = fileProfile(workbook);
  // The checking profile's own template (a province's profile on its server, not shipped) is known.
  const own =
    named === undefined
      ? defaultProfileForForm(profile.form.id)
      : named === profile.id?.toLowerCase()
        ? profile
        : shippedProfile(named);
  // A plan this build lacks (UNKNOWN_PROFILE): its template's rows are not known, so a row missing
  // there is said as that template's, not as one the unit deleted.
  if (named !== undefined && own === undefined)
    return {
      codes: new Set(),
      tasks: new Set(),
      name: MSG.templateOfUnknown(named),
      checkedBy: profile.name,
    };
  if (own === undefined || own === profile || own.form.id !== profile.form.id) return undefined;
  return {
    codes: new Set(own.form.counts.map((f) => f.code)),
    tasks: new Set(taskKeys(own.form)),
    name: MSG.templateOf(named === undefined ? null : own.name),
    checkedBy: profile.name,
  };
}
