// Báo cáo gửi cấp trên: after a consolidation, the consolidating unit (code, name, type) signs the
// sums as one workbook of the consolidated form for the level above, downloaded or (in Excel) opened as a new
// workbook. The same roll-up as `kl226 consolidate --as-unit … --rollup` (src/core/rollup.ts).

import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { UNIT_TYPES, type UnitTypeId } from "../../core/catalogue";
import type { Consolidation } from "../../core/consolidation";
import { viDate, type CivilDate } from "../../core/dates";
import type { Profile } from "../../core/profile";
import {
  issuerIsNot,
  nothingToRollUp,
  rollupRefusal,
  rollupWorkbook,
  type RollupUnit,
} from "../../core/rollup";
import { rollupUnitSchema } from "../../core/unit-schema";
import { writeXlsx } from "../../xlsx/write";
import type { ExcelActions } from "../actions";
import type { Strings } from "../i18n";
import { XLSX_MIME, downloadBlob, toBase64 } from "../standalone/files";
import {
  FIELD_WIDTH,
  FormMemory,
  NoticeBar,
  TextField,
  errorText,
  useAction,
  useBlockStyles,
  useKept,
} from "./common";

const useStyles = makeStyles({
  fields: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
  // As wide as the code above it ("Phòng, đơn vị thuộc Sở"), not the page.
  type: { width: "100%", maxWidth: FIELD_WIDTH.code },
});

export interface RollupFormProps {
  readonly strings: Strings;
  readonly profile: Profile;
  readonly excel: ExcelActions | null;
  readonly consolidation: Consolidation;
  /** An input changed since the run: the report is the last run's (said under the title). */
  readonly stale?: boolean;
  /**
   * What was typed, kept by the panel across runs: the form is made anew with each result, and a
   * second "Tổng hợp" (as the stale note asks) emptied the code and name the analyst had typed.
   */
  readonly typed?: FormMemory<RollupTyped>;
  /**
   * The date of the documents above (Ngày văn bản), read when the roll-up is made: its Ngày báo cáo,
   * as the report sent with it (rollupWorkbook). Without it, its latest unit's report date.
   */
  readonly date?: () => CivilDate;
}

/** The roll-up form's fields as typed, kept by the panel from one result to the next. */
export interface RollupTyped {
  code: string;
  name: string;
  typeId: UnitTypeId;
}

type FieldErrors = Partial<Record<"code" | "name" | "typeId", string>>;

/** The typed fields checked by the same zod schema as the CLI options; each problem under its field. */
function checkUnit(
  code: string,
  name: string,
  typeId: string,
): { unit: RollupUnit } | { errors: FieldErrors } {
  const r = rollupUnitSchema.safeParse({ code, name, typeId });
  if (r.success) return { unit: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path[0] as keyof FieldErrors;
    errors[key] ??= issue.message;
  }
  return { errors };
}

/** "UBND_TINH" and "KL226-BC/1" → "UBND_TINH-KL226-BC-1.xlsx". */
export const rollupFileName = (code: string, formId = "KL226-BC/1"): string =>
  `${code}-${formId.replace(/[^A-Za-z0-9_.-]+/g, "-")}.xlsx`;

export function RollupForm({
  strings: t,
  profile,
  excel,
  consolidation: c,
  stale = false,
  typed = new FormMemory<RollupTyped>(),
  date,
}: RollupFormProps) {
  const styles = { ...useBlockStyles(), ...useStyles() };
  const [code, setCode] = useKept(typed, "code", () => "");
  const [name, setName] = useKept(typed, "name", () => "");
  const [typeId, setTypeId] = useKept(typed, "typeId", (): UnitTypeId => "SO_NGANH");
  const [errors, setErrors] = useState<FieldErrors>({});
  const codeInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const { busy, notice, setNotice, act } = useAction(t, excel !== null);

  /** The unit typed, or null when the form is not filled correctly (the errors show under the fields). */
  const checked = (): RollupUnit | null => {
    const typed = checkUnit(code, name, typeId);
    if ("errors" in typed) {
      setErrors(typed.errors);
      // The first refused field takes the focus; its message is announced there.
      (typed.errors.code ? codeInput : typed.errors.name ? nameInput : codeInput).current?.focus();
      return null;
    }
    const refusal = rollupRefusal(c, typed.unit);
    if (refusal !== null) {
      setErrors({ code: refusal });
      codeInput.current?.focus();
      return null;
    }
    setErrors({});
    return typed.unit;
  };
  /** The workbook, or null when it could not be written: said under the buttons (the page said nothing). */
  const written = (unit: RollupUnit, on: CivilDate | undefined): Uint8Array | null => {
    try {
      return writeXlsx(rollupWorkbook(c, profile, unit, on));
    } catch (e) {
      setNotice({ kind: "error", text: t.rollupFailed(errorText(e)) });
      return null;
    }
  };

  // No form to fill when no roll-up can be made: no period, or no accepted report (a report of zeros).
  const cannot = c.period === null ? t.rollupNoPeriod : nothingToRollUp(c) !== null ? t.rollupNothing : null;
  if (cannot !== null) {
    return (
      <section className={styles.box} data-testid="rollup">
        <h3 className={styles.title}>{t.rollupTitle}</h3>
        <p className={styles.hint}>{cannot}</p>
      </section>
    );
  }

  return (
    <section className={styles.box} data-testid="rollup" aria-label={t.rollupTitle}>
      <h3 className={styles.title}>{t.rollupTitle}</h3>
      {stale && (
        <p className={styles.hint} role="note" data-testid="rollup-stale">
          {t.downloadsStale}
        </p>
      )}
      <p className={styles.hint}>{t.rollupIntro(c.units.length, c.form.id)}</p>
      <div className={styles.fields}>
        <TextField
          label={t.rollupCode}
          required
          value={code}
          onChange={setCode}
          error={errors.code}
          placeholder={t.rollupCodeExample}
          inputRef={codeInput}
          holds="code"
          testId="rollup-code"
        />
        <TextField
          label={t.rollupName}
          required
          value={name}
          onChange={setName}
          error={errors.name}
          // As the command says after --as-unit with --letters or --report: this page's documents
          // carry the profile's organisation, which may not be the unit typed here.
          {...(issuerIsNot(profile.organisation, name)
            ? {
                warning: t.rollupIssuer(
                  name.trim(),
                  profile.organisation.sender,
                  profile.organisation.signerTitle,
                ),
              }
            : {})}
          placeholder={t.rollupNameExample}
          inputRef={nameInput}
          holds="name"
          testId="rollup-name"
        />
        <Field
          label={t.rollupType}
          required
          validationMessage={errors.typeId}
          validationState={errors.typeId ? "error" : "none"}
        >
          <Select
            className={styles.type}
            value={typeId}
            onChange={(_, d) => setTypeId(d.value as UnitTypeId)}
            data-testid="rollup-type"
          >
            {UNIT_TYPES.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        {excel && (
          <Button
            appearance="primary"
            disabled={busy}
            data-testid="rollup-open"
            onClick={() => {
              const unit = checked();
              const bytes = unit && written(unit, date?.());
              if (unit && bytes) {
                void act(async () => {
                  await excel.openWorkbook(toBase64(bytes));
                  return t.rollupOpened(unit.code);
                });
              }
            }}
          >
            {t.rollupOpen}
          </Button>
        )}
        <Button
          appearance={excel ? "secondary" : "primary"}
          disabled={busy}
          data-testid="rollup-download"
          onClick={() => {
            const unit = checked();
            const on = date?.();
            const bytes = unit && written(unit, on);
            if (unit && bytes) {
              void act(() => {
                const file = rollupFileName(unit.code, c.form.id);
                downloadBlob(bytes, file, XLSX_MIME);
                return on === undefined ? t.downloaded(file) : t.rollupDownloaded(file, viDate(on));
              });
            }
          }}
        >
          {t.rollupDownload}
        </Button>
      </div>
      <NoticeBar notice={notice} testId="rollup-notice" />
    </section>
  );
}
