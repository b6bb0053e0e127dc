// Calendar days without time zones, and Excel serial numbers (1900 and 1904 systems).
// All arithmetic is in UTC so that a day never shifts with the machine's time zone.

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const MS_PER_DAY = 86_400_000;
// Serial 0 of the 1900 system is 1899-12-30 once Excel's fictitious 29/02/1900 is accounted for.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dateFromUtcMs(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days since 1970-01-01 (UTC), for ordering and differences. */
export function dayNumber(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** An Excel serial (integer part) as a calendar day; null when out of Excel's range. */
export function dateFromSerial(serial: number, date1904 = false): CivilDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > 2_957_003) return null;
    return dateFromUtcMs(EPOCH_1904 + whole * MS_PER_DAY);
  }
  if (whole < 1 || whole > 2_958_465) return null;
  // Serials 1–59 fall before Excel's phantom 29/02/1900 and are one day later than the epoch suggests.
  if (whole < 60) return dateFromUtcMs(EPOCH_1900 + (whole + 1) * MS_PER_DAY);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  return dateFromUtcMs(EPOCH_1900 + whole * MS_PER_DAY);
}

/** The Excel serial (1900 system unless date1904) of a calendar day. */
export function serialFromDate(date: CivilDate, date1904 = false): number {
  const ms = Date.UTC(date.year, date.month - 1, date.day);
  if (date1904) return Math.round((ms - EPOCH_1904) / MS_PER_DAY);
  const serial = Math.round((ms - EPOCH_1900) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

export function isoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, "0")}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function viDate(date: CivilDate): string {
  return `${pad2(date.day)}/${pad2(date.month)}/${date.year}`;
}

/** mm/dd/yyyy, as a cell formatted month first shows the date (an English-US machine's). */
export function monthFirstText(date: CivilDate): string {
  return `${pad2(date.month)}/${pad2(date.day)}/${date.year}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * The date line of an administrative document (Nghị định 30/2020), its place before it or not:
 * "ngày 15 tháng 6 năm 2026", "Đông Tiến, ngày 05 tháng 6 năm 2026".
 */
const DOCUMENT_DATE = /^(?:.*,\s*)?ngày\s+(\d{1,2}),?\s+tháng\s+(\d{1,2}),?\s+năm\s+(\d{4})\.?$/;

/** A typed date's text with full-width digits and slashes ("０５/０６/２０２６", an East Asian keyboard) as ASCII, trimmed. */
function typedDateText(text: string): string {
  return (/[\uff01-\uff5e]/.test(text) ? text.normalize("NFKC") : text).trim();
}

/** dd/mm/yyyy, also with - or ., spaces around the separators allowed ("5 / 6 / 2026", a no-break space pasted from a document). */
const NUMERIC_DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

/**
 * Parse a typed date: dd/mm/yyyy (also with - or .), ISO yyyy-mm-dd, or a document's date line
 * ("ngày 15 tháng 6 năm 2026"); null unless the day exists.
 */
export function parseDateText(text: string): CivilDate | null {
  const t = typedDateText(text);
  let m = NUMERIC_DATE.exec(t);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  const words = t.normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  m = words.includes("ngày") ? DOCUMENT_DATE.exec(words) : null;
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  // "ngày 05/6/2026": the word before a date written with slashes.
  m = /^ngày (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(words);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * The date a dd/mm/yyyy text that names no day stands for when read month first, as typed on an
 * English-US machine ("6/30/2026": no month 30, but 30 June): null when the text is a day as it
 * stands, or is none either way. Only to say so in the message; such a text is not read.
 */
export function monthFirstReading(
  text: string,
): { readonly date: CivilDate; readonly typedMonth: number } | null {
  // Also behind the apostrophe LibreOffice keeps in a Text cell ("'6/30/2026").
  const m = NUMERIC_DATE.exec(typedDateText(text).replace(/^['\u2018\u2019]\s*/, ""));
  if (!m || checked(Number(m[3]), Number(m[2]), Number(m[1])) !== null) return null;
  const date = checked(Number(m[3]), Number(m[1]), Number(m[2]));
  return date && { date, typedMonth: Number(m[2]) };
}

/**
 * "5/6/26": a date typed day first with a two-digit year (how a date is written by hand), read as
 * 20yy, for the message to say what to type; null for any other text. On the error path only.
 */
export function shortYearReading(text: string): CivilDate | null {
  const m = /^['\u2018\u2019]?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/.exec(typedDateText(text).trim());
  return m ? checked(2000 + Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

function checked(year: number, month: number, day: number): CivilDate | null {
  return isValidDate(year, month, day) ? { year, month, day } : null;
}
