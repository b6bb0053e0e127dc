// The built-in forms (SPEC §8), checked with the same zod schema as any form a profile brings.

import { formSchema, type Form } from "../form";
import { CCHC_FORM } from "./cchc";
import { KL226_FORM } from "./kl226";

export const CCHC_FORM_ID = "CCHC-BC/2025";

export const BUILTIN_FORMS: readonly Form[] = [formSchema.parse(KL226_FORM), formSchema.parse(CCHC_FORM)];

export function builtinForm(id: string): Form | undefined {
  return BUILTIN_FORMS.find((f) => f.id === id.trim().toUpperCase());
}

/** The form of KL226-BC/1 (the default when nothing says otherwise). */
export const DEFAULT_FORM: Form = BUILTIN_FORMS[0]!;
