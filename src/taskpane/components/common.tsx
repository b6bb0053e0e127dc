// Small shared pieces of the taskpane UI: a labelled native file picker, a status line, error text.

import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  type InputProps,
} from "@fluentui/react-components";
import { useId, useRef, useState, type ChangeEvent, type Ref } from "react";
import type { Strings } from "../i18n";

/** The widest a field of a code or a name (and a drop-down of as long a choice) is drawn on a wide page. */
export const FIELD_WIDTH = { code: "24em", name: "36em" } as const;

const useStyles = makeStyles({
  picker: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  // The native input stays in the page (screen readers, drag-and-drop, tests) but is drawn by the
  // button: its own caption ("Choose File") would follow the browser's language, not the page's.
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  choose: { alignSelf: "flex-start", maxWidth: "100%" },
  bar: { marginTop: tokens.spacingVerticalS },
  text: { overflowWrap: "anywhere", whiteSpace: "normal" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  // A field as wide as what it holds, never wider than the pane: a 1280 px page drew each as wide as
  // the page. "dd/mm/yyyy" and room to spare; a unit code of 32 capitals; a unit's name of about 60
  // letters ("Trường Đại học Văn hóa, Thể thao và Du lịch Thanh Hóa"). FIELD_WIDTH gives them to a Select.
  date: { width: "100%", maxWidth: "12em" },
  // A year, four digits: the Năm under Kỳ tổng hợp was Fluent's own 207 px.
  year: { width: "100%", maxWidth: "8em" },
  code: { width: "100%", maxWidth: FIELD_WIDTH.code },
  name: { width: "100%", maxWidth: FIELD_WIDTH.name },
});

export interface FilePickerProps {
  readonly label: string;
  readonly button: string;
  /** The file kinds the dialog shows first; absent: every file (a unit may send any). */
  readonly accept?: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly testId: string;
  readonly onFiles: (files: File[]) => void;
  /** The id of a message about what was picked (an error under the field): read with the button, which is then invalid. */
  readonly errorId?: string;
  /** The visible button, for a panel to move the focus to it. */
  readonly buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * What was typed in a form's fields, kept by a panel across the forms it makes anew (each result's
 * documents and roll-up), so a new form starts from the last one's values (useKept).
 */
export class FormMemory<T extends object> {
  private readonly values: Partial<T> = {};
  get<K extends keyof T>(key: K): T[K] | undefined {
    return this.values[key];
  }
  set<K extends keyof T>(key: K, value: T[K]): void {
    this.values[key] = value;
  }
}

/** A field's state, also written to `memory`: from what was last typed there, else `initial()`. */
export function useKept<T extends object, K extends keyof T>(
  memory: FormMemory<T>,
  key: K,
  initial: () => T[K],
): [T[K], (value: T[K]) => void] {
  const [value, setValue] = useState<T[K]>(() => memory.get(key) ?? initial());
  const set = (v: T[K]): void => {
    memory.set(key, v);
    setValue(v);
  };
  return [value, set];
}

/** A native file input with a visible label (keyboard and screen-reader friendly everywhere). */
export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Shown under the field, in red, when set. */
  readonly error?: string;
  /** Shown under the field as a warning when set and there is no error (the value is taken). */
  readonly warning?: string;
  readonly testId: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly placeholder?: string;
  readonly inputMode?: InputProps["inputMode"];
  /** The input itself, for the form to move the focus to it when its value is refused. */
  readonly inputRef?: Ref<HTMLInputElement>;
  /** What is typed (a date, a year, a unit code, a name): the field as wide as one, not the pane. */
  readonly holds?: "date" | "year" | "code" | "name";
}

/** A labelled text input whose problem, if any, is said under it (the forms' one shape). */
export function TextField({
  label,
  value,
  onChange,
  error,
  warning,
  testId,
  inputRef,
  holds,
  ...input
}: TextFieldProps) {
  const styles = useStyles();
  return (
    <Field
      label={label}
      required={input.required}
      // A warning is advice on a value the field holds (often its default: a letter date on a
      // Sunday), read with the field as its hint; as Fluent's validation message it was an alert, spoken
      // over the result just drawn. An error, from what the user just did, is an alert of its own
      // element (a message that turned from warning to error in place was not announced).
      validationMessage={error}
      validationState={error ? "error" : "none"}
      hint={error || warning === undefined ? undefined : { children: warning, className: styles.warning }}
    >
      <Input
        {...(holds ? { className: styles[holds] } : {})}
        value={value}
        onChange={(_, d) => onChange(d.value)}
        disabled={input.disabled}
        placeholder={input.placeholder}
        inputMode={input.inputMode}
        ref={inputRef}
        data-testid={testId}
      />
    </Field>
  );
}

export function FilePicker({
  label,
  button,
  accept,
  multiple,
  disabled,
  testId,
  onFiles,
  errorId,
  buttonRef,
}: FilePickerProps) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>): void => {
    const files = e.currentTarget.files ? Array.from(e.currentTarget.files) : [];
    e.currentTarget.value = "";
    if (files.length > 0) onFiles(files);
  };
  return (
    <div className={styles.picker}>
      <label htmlFor={id} id={`${id}-label`} className={styles.label}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className={styles.input}
        tabIndex={-1}
        // The button below opens it: a screen reader met the input too, as a second button whose
        // value the browser says in its own language ("No file chosen", even after a pick).
        aria-hidden="true"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        data-testid={testId}
        onChange={onChange}
      />
      <Button
        ref={buttonRef}
        id={`${id}-button`}
        className={styles.choose}
        disabled={disabled}
        // Named by its words and its field's: the page has two "Chọn các tệp…" buttons (the reports,
        // last year's summaries), which a screen reader's list of buttons could not tell apart.
        aria-labelledby={`${id}-button ${id}-label`}
        aria-describedby={errorId}
        aria-invalid={errorId ? true : undefined}
        onClick={() => input.current?.click()}
      >
        {button}
      </Button>
    </div>
  );
}

export type Notice = {
  readonly kind: "info" | "success" | "error" | "warning";
  readonly text: string;
} | null;

export function NoticeBar({ notice, testId }: { readonly notice: Notice; readonly testId: string }) {
  const styles = useStyles();
  if (!notice) return null;
  return (
    <MessageBar
      intent={notice.kind}
      className={styles.bar}
      data-testid={testId}
      role={notice.kind === "error" ? "alert" : "status"}
    >
      <MessageBarBody className={styles.text}>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * A part of the page that webpack loads on demand (the documents' code) could not be fetched: the
 * server now holds a newer build and the old files are gone (README, Cập nhật). Webpack names it
 * ChunkLoadError ("Loading chunk 273 failed."), in English.
 */
export function isStaleBuild(e: unknown): boolean {
  return e instanceof Error && (e.name === "ChunkLoadError" || /^Loading chunk \S+ failed/.test(e.message));
}

/** A short, user-showable description of a thrown value (never a stack trace). */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** A letter only Vietnamese text has (KL226's own messages all have some; a TypeError's English none). */
const VIETNAMESE_LETTER = /[À-ỹĐđ]/;

/**
 * A thrown value as the page shows it: KL226's own refusals (in Vietnamese) as they are; anything else
 * (a TypeError's or the browser's English, "Cannot read properties of undefined") as KL226's internal
 * error, with what to do; a page whose build the server replaced, as such.
 */
export function pageErrorText(e: unknown, strings: Pick<Strings, "internalError" | "staleBuild">): string {
  if (isStaleBuild(e)) return strings.staleBuild;
  const text = errorText(e);
  return VIETNAMESE_LETTER.test(text) ? text : strings.internalError(text);
}

/**
 * Busy flag, notice and a runner for one panel action: success text or a Vietnamese error notice
 * (with Excel's own wording wrapped when the action ran in Excel).
 */
export function useAction(strings: Strings, inExcel: boolean) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const act = async (work: () => Promise<string> | string): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ kind: "success", text: await work() });
    } catch (e) {
      const text = isStaleBuild(e)
        ? strings.staleBuild
        : inExcel
          ? strings.excelError(errorText(e))
          : pageErrorText(e, strings);
      setNotice({ kind: "error", text });
    } finally {
      setBusy(false);
    }
  };
  return { busy, setBusy, notice, setNotice, act };
}

/** A block that follows the result on the Tổng hợp tab (documents, roll-up): a rule above, a title, a hint, a row of buttons. */
export const useBlockStyles = makeStyles({
  box: {
    marginTop: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground3 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    // What stands in a row never wider than the pane (fields and drop-downs: taskpane.html).
    "& > *": { minWidth: 0, maxWidth: "100%" },
  },
});
