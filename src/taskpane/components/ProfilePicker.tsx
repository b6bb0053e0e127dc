// The profile picker of a tab: "Tự động (theo mẫu trong tệp)" where the tab allows it (the template,
// in a deployment without a default profile, the built-in default by its name instead), then the
// shipped profiles by name; under it, the form the choice reads with.

import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_PROFILE } from "../../core/profile";
import { deploymentProfile } from "../../core/profiles";
import type { Strings } from "../i18n";
import { AUTO, chosenProfile, pickerLabel, profileOptions, type ProfileChoice } from "../profile-choice";
import { FIELD_WIDTH } from "./common";

const useStyles = makeStyles({
  field: { marginTop: tokens.spacingVerticalS, minWidth: 0 },
  // A plan's name is long (the hint shows it whole): as wide as a unit's name, not a 1280 px page.
  select: { minWidth: 0, maxWidth: `min(100%, ${FIELD_WIDTH.name})` },
});

export interface ProfilePickerProps {
  readonly strings: Strings;
  readonly value: ProfileChoice;
  readonly onChange: (next: ProfileChoice) => void;
  /** Offer "Tự động" (validate, consolidate); the template always has a profile. */
  readonly allowAuto: boolean;
  readonly disabled?: boolean;
  readonly testId: string;
}

export function ProfilePicker({
  strings: t,
  value,
  onChange,
  allowAuto,
  disabled,
  testId,
}: ProfilePickerProps) {
  const styles = useStyles();
  const byDefault = deploymentProfile() ?? DEFAULT_PROFILE;
  // The template always has a profile: without a deployment default, the one `kl226 template` uses
  // without --profile, the built-in default, offered first by its name (it is no file of profiles/).
  const builtIn = !allowAuto && deploymentProfile() === undefined;
  const options = builtIn
    ? [
        { value: AUTO, label: pickerLabel(DEFAULT_PROFILE), form: DEFAULT_PROFILE.form.id },
        ...profileOptions(),
      ]
    : profileOptions(allowAuto ? t.profileAuto : undefined);
  const chosen = chosenProfile(value) ?? (builtIn ? DEFAULT_PROFILE : undefined);
  // A plan's name is too long for the picker (cut at 320 px, and every one starts alike): the option
  // shows its short name, the hint its name in full.
  // Without a choice, a file naming no profile is read by the deployment's default: named here.
  const hint = chosen
    ? t.profileHint(chosen.name, chosen.form.id)
    : t.profileAutoHint(byDefault.name, byDefault.form.id);
  return (
    <Field
      label={t.profileLabel}
      hint={<span data-testid={`${testId}-hint`}>{hint}</span>}
      className={styles.field}
    >
      <Select
        className={styles.select}
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(_e, data) => {
          const next = options.find((o) => o.value === data.value);
          if (next) onChange(next.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
