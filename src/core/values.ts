// Reading typed cells the way clerks fill them (SPEC §3): counts typed as text, Vietnamese
// thousands separators, error values, formulas by cached value, dates as serials or dd/mm/yyyy.

import type { Cell } from "./workbook";
import { dateFromSerial, parseDateText, viDate, type CivilDate } from "./dates";
import { nfc } from "./text";

export type CountRead =
  | { readonly kind: "blank" }
  | {
      readonly kind: "ok";
      readonly value: number;
      readonly coerced: boolean;
      readonly text?: string;
      /** A formula's result a rounding error off a whole number (=E5*0.6 gives 20.999999999999996): read as that number. */
      readonly rounded?: boolean;
    }
  | { readonly kind: "bad"; readonly why: BadCountReason; readonly shown: string };

export type BadCountReason =
  | "negative"
  | "fraction"
  | "formulaFraction"
  | "commaGroups"
  | "text"
  | "error"
  | "boolean"
  | "noCachedValue"
  | "tooLarge"
  | "percentFormat"
  | "dateFormat";

// Full-width forms (U+FF01–U+FF5E: "２５", "３．４５６"), read as the ASCII characters they stand for.
const FULL_WIDTH = /[\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g;
/**
 * Characters that show nothing: zero-width space and joiners, word joiner, BOM, soft hyphen. Pasted
 * from a web page or a chat into Google Sheets or WPS, they made "Đang thực hiện", a unit code or a
 * count that looks right fail, with a message quoting what looks like the right text.
 */
const HIDDEN = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Typed text without the invisible characters pasted with it ("3456\u200b"): NFC, trimmed. */
function visibleText(typed: string): string {
  // Without a match, replace returns the string itself: one scan, no copy.
  return nfcTrim(typed.replace(HIDDEN, ""));
}

/** Full-width digits and signs as ASCII ("２５", "９６，５％" from an East Asian keyboard). */
function halfWidth(text: string): string {
  return FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_ALL, (ch) => ch.normalize("NFKC")) : text;
}

/**
 * A number typed as text, as the clerk meant it: full-width forms as ASCII, and without an
 * apostrophe kept in front of it ("'1033"). Excel hides the apostrophe that makes a cell text, but
 * LibreOffice Calc and Google Sheets keep it as part of the text when the cell was already formatted
 * as Text, and a word processor turns it into ‘ or ’. The digits after it are what the clerk typed.
 */
function typedNumber(text: string): string {
  const t = halfWidth(text);
  const c = t.charCodeAt(0);
  // One comparison on the common path; the pattern only after a quote.
  return (c === 0x27 || c === 0x2018 || c === 0x2019) && QUOTED_NUMBER.test(t) ? t.slice(1).trimStart() : t;
}
const QUOTED_NUMBER = /^['\u2018\u2019]\s*[-\u2010\u2011\u2212\u2013\u2014\ufe63]?\s*\d/;

// "1.234", "1 234" (also no-break and narrow no-break spaces) and plain digits.
const DIGITS = /^\d+$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+$/;
const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/;
// "38.0", "38,00": a whole number with an empty fraction (not three digits, which read as a group).
const ZERO_DECIMALS = /^\d+[.,]0{1,2}$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+$/;
// A minus sign first: the hyphen (also Unicode's and the no-break one), the typographic or small
// minus, or a dash as word processors turn "-" into.
const MINUS_FIRST = /^[-\u2010\u2011\u2212\u2013\u2014\ufe63]\s*\d/;

/** A number typed with a minus sign (any of them) in front: "-2", "−2", "– 0,5". */
export function startsWithMinus(text: string): boolean {
  return MINUS_FIRST.test(text);
}

/** A date cell's serial as the date it shows (dd/mm/yyyy), for a message; the number if it is none. */
function shownDate(serial: number): string {
  const date = dateFromSerial(serial);
  return date ? viDate(date) : shownNumber(serial);
}

/** A non-negative whole count from a cell. */
export function readCount(cell: Cell | undefined): CountRead {
  const v = cell?.value;
  if (v === undefined || v.kind === "empty") {
    return cell?.formula ? { kind: "bad", why: "noCachedValue", shown: "" } : { kind: "blank" };
  }
  switch (v.kind) {
    case "number":
      // "100%" typed in Excel is kept as 1 in a percentage format: a rate where a count goes.
      if (v.isPercent === true)
        return {
          kind: "bad",
          why: "percentFormat",
          shown: `${shownNumber(Math.round(v.value * 1e6) / 1e4)}%`,
        };
      // "5/1" typed in Excel becomes a date (46027 underneath): a date where a count goes.
      if (v.isDate === true) return { kind: "bad", why: "dateFormat", shown: shownDate(v.value) };
      if (!Number.isInteger(v.value)) {
        // A formula's result saved as 20.999999999999996 or -2.8e-17: Excel shows 21 and 0, the
        // whole numbers the clerk meant.
        const whole = Math.round(v.value) || 0;
        if (cell?.formula === true && whole >= 0 && Math.abs(v.value - whole) <= 1e-9 * Math.max(1, whole))
          return { kind: "ok", value: whole, coerced: true, text: shownNumber(v.value), rounded: true };
        if (v.value < 0) return { kind: "bad", why: "negative", shown: shownNumber(v.value) };
        // =D5*0.9 giving 57,6, which a "#,##0" cell shows as 58: said as the formula's result.
        return {
          kind: "bad",
          why: cell?.formula === true ? "formulaFraction" : "fraction",
          shown: shownNumber(v.value),
        };
      }
      if (v.value < 0) return { kind: "bad", why: "negative", shown: shownNumber(v.value) };
      if (!Number.isSafeInteger(v.value))
        return { kind: "bad", why: "tooLarge", shown: shownNumber(v.value) };
      return { kind: "ok", value: v.value, coerced: false };
    case "string": {
      const typed = visibleText(v.value);
      const text = typedNumber(typed);
      if (text === "") return { kind: "blank" };
      const compact = DIGITS.test(text)
        ? text
        : DOT_GROUPS.test(text) || SPACE_GROUPS.test(text)
          ? text.replace(/[. \u00a0\u202f]/g, "")
          : ZERO_DECIMALS.test(text)
            ? text.replace(/[.,]0+$/, "")
            : null;
      if (compact === null) {
        if (MINUS_FIRST.test(text)) return { kind: "bad", why: "negative", shown: text };
        // "1,234": a thousands comma (English style) or a decimal comma (Vietnamese): ask, do not guess.
        if (COMMA_GROUPS.test(text)) return { kind: "bad", why: "commaGroups", shown: text };
        if (/^\d+[.,]\d+$/.test(text)) return { kind: "bad", why: "fraction", shown: text };
        return { kind: "bad", why: "text", shown: text };
      }
      const value = Number(compact);
      if (!Number.isSafeInteger(value)) return { kind: "bad", why: "tooLarge", shown: text };
      // Said as typed ("２５"), so the clerk sees why it was flagged.
      return { kind: "ok", value, coerced: true, text: typed };
    }
    case "error":
      return { kind: "bad", why: "error", shown: v.value };
    case "boolean":
      return { kind: "bad", why: "boolean", shown: v.value ? "TRUE" : "FALSE" };
  }
}

/** Cell text as a clerk sees it (numbers without exponent, booleans as TRUE/FALSE), NFC, trimmed, nothing invisible. */
export function cellText(cell: Cell | undefined): string {
  const v = cell?.value;
  if (v === undefined) return "";
  switch (v.kind) {
    case "string":
      return visibleText(v.value);
    case "number":
      return numberText(v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "error":
      return v.value;
    case "empty":
      return "";
  }
}

/** NFC and trimmed. */
export function nfcTrim(text: string): string {
  return nfc(text).trim();
}

function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** A number as a Vietnamese Excel shows it in a message: decimal comma ("0,965", "1000,5"). */
function shownNumber(n: number): string {
  return numberText(n).replace(".", ",");
}

export type DateRead =
  | { readonly kind: "blank" }
  | { readonly kind: "ok"; readonly date: CivilDate }
  | { readonly kind: "bad"; readonly shown: string };

/** A date from a real Excel date (serial, either system) or text dd/mm/yyyy of a day that exists. */
export function readDate(cell: Cell | undefined, date1904: boolean): DateRead {
  const v = cell?.value;
  if (v === undefined || v.kind === "empty")
    return cell?.formula ? { kind: "bad", shown: "" } : { kind: "blank" };
  if (v.kind === "number") {
    const date = dateFromSerial(v.value, date1904);
    // Serials before 1/1/1990 are not report dates; they are usually a number typed by mistake.
    return date && date.year >= 1990 ? { kind: "ok", date } : { kind: "bad", shown: numberText(v.value) };
  }
  const text = cellText(cell);
  if (text === "") return { kind: "blank" };
  const date = v.kind === "string" ? parseDateText(typedNumber(text)) : null;
  return date ? { kind: "ok", date } : { kind: "bad", shown: text };
}

export type BadPercentReason =
  | "negative"
  | "range"
  /** "96.500": a dot groups thousands in Vietnamese writing (96 500), where the clerk may have meant 96,5. */
  | "dotThousands"
  | "scale"
  | "decimals"
  | "text"
  | "error"
  | "boolean"
  | "noCachedValue"
  | "dateFormat";

export type PercentRead =
  | { readonly kind: "blank" }
  | { readonly kind: "ok"; readonly value: number; readonly coerced: boolean; readonly text?: string }
  | { readonly kind: "bad"; readonly why: BadPercentReason; readonly shown: string };

const PERCENT_TEXT = /^(\d{1,3})(?:[.,](\d+))?\s*%?$/;

/**
 * A percentage 0–100 with at most 2 decimals (SPEC §8 HAI_LONG): a number (96.5), a cell formatted
 * as a percentage holding its fraction (0.965 shown as 96,5%), or text "96,5" / "96.5" / "96,5%"
 * (accepted with COERCED). The value returned is the percentage, rounded to its 2 decimals.
 */
export function readPercent(cell: Cell | undefined): PercentRead {
  const v = cell?.value;
  if (v === undefined || v.kind === "empty") {
    return cell?.formula ? { kind: "bad", why: "noCachedValue", shown: "" } : { kind: "blank" };
  }
  switch (v.kind) {
    case "number": {
      // "9/5" typed in Excel becomes a date (46151 underneath): said so, not "a rate over 100%".
      if (v.isDate === true) return { kind: "bad", why: "dateFormat", shown: shownDate(v.value) };
      const percent = v.isPercent ? v.value * 100 : v.value;
      const shown = v.isPercent ? `${shownNumber(percent)}%` : shownNumber(v.value);
      // 0.965 in a cell not formatted as a percentage: most likely a fraction typed for 96,5%.
      if (!v.isPercent && isFractionLike(v.value)) return { kind: "bad", why: "scale", shown };
      return checkedPercent(percent, shown, false);
    }
    case "string": {
      const text = typedNumber(visibleText(v.value));
      if (text === "") return { kind: "blank" };
      if (MINUS_FIRST.test(text)) return { kind: "bad", why: "negative", shown: text };
      // "1.234" (or "1.234 %") is a thousand two hundred and thirty-four in Vietnamese writing, not
      // 1,234 % ("0.965" is a fraction, said below).
      const digits = text.replace(/\s*%$/, "");
      if (DOT_GROUPS.test(digits) && !digits.startsWith("0"))
        return { kind: "bad", why: "dotThousands", shown: text };
      const m = PERCENT_TEXT.exec(text);
      if (!m) return { kind: "bad", why: "text", shown: text };
      const typed = Number(`${m[1]}.${m[2] ?? "0"}`);
      // "0,97" without a "%": the same doubt as the number 0.97; "0,97%" says the scale itself.
      if (!text.endsWith("%") && isFractionLike(typed)) return { kind: "bad", why: "scale", shown: text };
      if ((m[2] ?? "").length > 2) return { kind: "bad", why: "decimals", shown: text };
      return checkedPercent(typed, text, true);
    }
    case "error":
      return { kind: "bad", why: "error", shown: v.value };
    case "boolean":
      return { kind: "bad", why: "boolean", shown: v.value ? "TRUE" : "FALSE" };
  }
}

/**
 * A rate typed as a fraction, not on the 0–100 scale: above 0 and at most 1 (0,97 for 97%; 1 for
 * 100%). Read as it stands it would be under 1%, which no satisfaction survey gives, and it would
 * pull the province's weighted rate down without a word; so it is refused with both readings, and a
 * rate that really is that low is typed with its "%" ("0,97%") or in a percent-formatted cell.
 */
function isFractionLike(x: number): boolean {
  return x > 0 && x <= 1;
}

function checkedPercent(percent: number, shown: string, coerced: boolean): PercentRead {
  if (percent < 0) return { kind: "bad", why: "negative", shown };
  if (percent > 100) return { kind: "bad", why: "range", shown };
  const hundredths = Math.round(percent * 100);
  // A double of a 2-decimal value is within rounding noise of a whole number of hundredths.
  if (Math.abs(percent * 100 - hundredths) > 1e-6) return { kind: "bad", why: "decimals", shown };
  const value = hundredths / 100;
  return coerced ? { kind: "ok", value, coerced, text: shown } : { kind: "ok", value, coerced };
}

/**
 * A decimal number from a cell: a number, or text with "," or "." as decimal mark ("0,5"), or
 * written the Vietnamese way with its thousands grouped, "1.234,5" or "1 234,5" (the comma is then
 * the decimal mark, so the dots can only group thousands; "1,234.5" is not read).
 */
export function readDecimal(cell: Cell | undefined): number | null {
  const v = cell?.value;
  if (v === undefined) return null;
  if (v.kind === "number") return v.value;
  if (v.kind !== "string") return null;
  // What the clerk sees: without invisible characters, full-width digits as ASCII (as readCount).
  const typed = typedNumber(visibleText(v.value));
  const text = (GROUPED_DECIMAL.test(typed) ? typed.replace(/[. \u00a0\u202f]/g, "") : typed).replace(
    ",",
    ".",
  );
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : null;
}
// "1.234,5", "1 234,5": DOT_GROUPS or SPACE_GROUPS, then a decimal comma.
const GROUPED_DECIMAL = /^\d{1,3}(?:(?:\.\d{3})+|(?:[ \u00a0\u202f]\d{3})+),\d+$/;
