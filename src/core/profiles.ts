// The profiles shipped with the product (SPEC §8): one JSON file per plan in the seeds, under
// profiles/ at the top of the repository, bundled here so the CLI, the taskpane and the custom
// functions all know them by name. Parsed on first use, so start-up pays nothing for them.

import cchcHcmAttp from "../../profiles/hcm-attp-cchc-2025.json";
import dongNaiSkhcn from "../../profiles/dong-nai-skhcn-226.json";
import dongThapSyt from "../../profiles/dong-thap-syt-226.json";
import hcmAttp from "../../profiles/hcm-attp-226.json";
import thanhHoa from "../../profiles/thanh-hoa-226.json";
import { CCHC_FORM_ID, DEFAULT_FORM } from "./forms";
import { builtinForm } from "./forms";
import { DEFAULT_PROFILE, defaultProfileFor, parseProfile, type Profile } from "./profile";

const FILES: Readonly<Record<string, unknown>> = {
  "hcm-attp-226": hcmAttp,
  "dong-thap-syt-226": dongThapSyt,
  "thanh-hoa-226": thanhHoa,
  "dong-nai-skhcn-226": dongNaiSkhcn,
  "hcm-attp-cchc-2025": cchcHcmAttp,
};

/** The shipped profile names, in the order of the seeds. */
export const SHIPPED_PROFILE_NAMES: readonly string[] = Object.keys(FILES);

const parsed = new Map<string, Profile>();

/** A shipped profile by name (any case); undefined for an unknown name. A shipped file that does not parse is a bug and throws. */
export function shippedProfile(name: string): Profile | undefined {
  const key = name.trim().toLowerCase();
  const json = FILES[key];
  if (json === undefined) return undefined;
  let profile = parsed.get(key);
  if (!profile) {
    const r = parseProfile(json);
    if (!r.ok) throw new Error(`shipped profile ${key} is invalid: ${r.errors.join("; ")}`);
    profile = r.profile;
    parsed.set(key, profile);
  }
  return profile;
}

/**
 * The profile a built-in form is judged by when no profile is given (SPEC §8): the default
 * KL226-BC/1 profile, and for CCHC-BC/2025 its default targets (the SPEC's table) with the
 * organisation of the plan it comes from (seed 001).
 */
export function defaultProfileForForm(formId: string): Profile | undefined {
  if (formId === DEFAULT_FORM.id) return DEFAULT_PROFILE;
  const form = builtinForm(formId);
  if (!form) return undefined;
  if (form.id === CCHC_FORM_ID) {
    const shipped = shippedProfile("hcm-attp-cchc-2025");
    return {
      ...defaultProfileFor(form),
      name: `Mặc định (${form.id})`,
      organisation: shipped?.organisation ?? DEFAULT_PROFILE.organisation,
    };
  }
  return defaultProfileFor(form);
}
