// Which profile a tab uses: "Tự động" (each file read with the form its marker names, the form most
// files declare consolidated: SPEC §8) or a shipped profile by name; remembered in the settings store.

import { useEffect, useState } from "react";
import { DEFAULT_FORM } from "../core/forms";
import type { Profile } from "../core/profile";
import {
  defaultProfileForForm,
  deploymentProfile,
  SHIPPED_PROFILE_NAMES,
  shippedProfile,
} from "../core/profiles";
import type { SettingsStore } from "./settings";

export const AUTO = "auto";

/** "auto" or a shipped profile name. */
export type ProfileChoice = string;

/**
 * The template's default: this deployment's own profile (`"default": true` in profiles/), else none
 * chosen (AUTO), whose template is the built-in default's, as `kl226 template` writes it without
 * --profile. (SPEC §8 says thanh-hoa-226 equals the default; since session 23 it drops the
 * digital-skills target its plan does not set, so its template was not the command's.)
 */
export const DEFAULT_TEMPLATE_PROFILE = deploymentProfile()?.id ?? AUTO;

export interface ProfileOption {
  readonly value: ProfileChoice;
  readonly label: string;
  /** The form it reads with ("" for auto). */
  readonly form: string;
}

/** The shipped profiles by their own names, after "Tự động" when `autoLabel` is given. */
export function profileOptions(autoLabel?: string): ProfileOption[] {
  const shipped = SHIPPED_PROFILE_NAMES.map((name) => {
    const p = shippedProfile(name)!;
    return { value: name, label: pickerLabel(p), form: p.form.id };
  });
  return autoLabel === undefined ? shipped : [{ value: AUTO, label: autoLabel, form: "" }, ...shipped];
}

/**
 * A profile as its picker option reads: its short name when it has one (the full name is under the
 * picker), else its name and form.
 */
export function pickerLabel(p: Pick<Profile, "name" | "shortName" | "form">): string {
  return p.shortName ?? `${p.name} (${p.form.id})`;
}

/** The chosen profile; undefined for "auto". */
export function chosenProfile(choice: ProfileChoice): Profile | undefined {
  return choice === AUTO ? undefined : shippedProfile(choice);
}

/**
 * What files are read with: the chosen profile (a file of another form is FORM_MISMATCH), or with
 * none the default form's profile following each file's own form (SPEC §8).
 */
export function readWith(profile: Profile | undefined): {
  readonly profile: Profile;
  readonly forms: "expect" | "follow";
} {
  return profile
    ? { profile, forms: "expect" }
    : { profile: defaultProfileForForm(DEFAULT_FORM.id)!, forms: "follow" };
}

function isValidChoice(value: string | null, allowAuto: boolean): value is ProfileChoice {
  if (value === null) return false;
  if (value === AUTO) return allowAuto;
  return SHIPPED_PROFILE_NAMES.includes(value);
}

/**
 * A remembered choice: starts at `fallback`, takes the stored value once read (unless the user
 * already chose), and stores every change. A stored value that is no longer offered is ignored.
 */
export function useRememberedChoice(
  store: SettingsStore,
  key: string,
  fallback: string,
  isValid: (v: string | null) => boolean,
): [string, (next: string) => void] {
  const [state, setState] = useState<{ value: string; touched: boolean }>({
    value: fallback,
    touched: false,
  });
  useEffect(() => {
    let live = true;
    void store.get(key).then((stored) => {
      if (live && isValid(stored))
        setState((s) => (s.touched ? s : { value: stored as string, touched: false }));
    });
    return () => {
      live = false;
    };
    // isValid is a pure test of the value; the store and key identify what to read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);
  const choose = (next: string): void => {
    setState({ value: next, touched: true });
    void store.set(key, next);
  };
  return [state.value, choose];
}

/** The profile choice of one tab ("auto" allowed or not). */
export function useProfileChoice(
  store: SettingsStore,
  key: string,
  allowAuto: boolean,
): [ProfileChoice, (next: ProfileChoice) => void] {
  return useRememberedChoice(store, key, allowAuto ? AUTO : DEFAULT_TEMPLATE_PROFILE, (v) =>
    isValidChoice(v, allowAuto || DEFAULT_TEMPLATE_PROFILE === AUTO),
  );
}
