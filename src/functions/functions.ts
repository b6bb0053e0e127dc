// The =KL226.* custom functions (SPEC §7): thin wrappers that turn Excel's arguments into the
// core's data and the core's answers into Excel values or Excel errors. No rule lives here.

import { MEETING_TYPES } from "../core/catalogue";
import { dateFromSerial, serialFromDate, viDate } from "../core/dates";
import { parseDeadline, reportDeadline } from "../core/deadlines";
import { PERIOD_KINDS, PERIOD_LABELS, type Indicator, type PeriodKind } from "../core/form";
import { BUILTIN_FORMS } from "../core/forms";
import { judgeCount, judgeRatio, judgeReduction, judgeValue } from "../core/judge";
import { DEFAULT_PROFILE, type Profile } from "../core/profile";
import { defaultProfileForForm, SHIPPED_PROFILE_NAMES, shippedProfile } from "../core/profiles";
import { vietnameseOf } from "../core/legacy-text";
import { viNumber } from "../core/messages";
import { codeKey, foldKey } from "../core/text";
import { readCount, readDecimal, startsWithMinus } from "../core/values";
import type { Cell } from "../core/workbook";

/** The part of Office's `CustomFunctions` global this module uses. */
interface ExcelRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  readonly Error: new (code: ErrorCodeValue, message?: string) => object;
  readonly ErrorCode: {
    readonly divisionByZero: ErrorCodeValue;
    readonly invalidValue: ErrorCodeValue;
    readonly notAvailable: ErrorCodeValue;
  };
}
type ErrorCodeValue = CustomFunctions.ErrorCode;
type ErrorKind = "divisionByZero" | "invalidValue" | "notAvailable";

/** Office's global, looked up when used: absent in a plain browser (office.js not loaded) and in tests until a double is installed. */
function runtime(): ExcelRuntime | undefined {
  return (globalThis as { CustomFunctions?: ExcelRuntime }).CustomFunctions;
}

/**
 * The build (custom-functions-metadata-plugin) appends `CustomFunctions.associate(ID, fn)` lines
 * to this file. This module-level binding shadows the global so that those lines register the
 * functions inside Office and do nothing where office.js is absent (the standalone page), instead
 * of throwing a ReferenceError there.
 */
const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    runtime()?.associate(id, fn);
  },
};
void CustomFunctions;

/** Throw an Excel error; custom messages show only with #VALUE! and #N/A (Excel's rule). */
function fail(kind: ErrorKind, message: string): never {
  const rt = runtime();
  if (rt === undefined) throw new RangeError(message);
  throw new rt.Error(rt.ErrorCode[kind], message);
}

/**
 * A number argument as Excel may deliver it. Declared `number` so the metadata says "number"
 * (Excel then converts a cell or a 1×1 range to its value and lifts larger ranges over the
 * function); this slow path also accepts a 1×1 matrix and treats a blank (null or "") as 0,
 * as Excel's own arithmetic does.
 */
function toNumber(value: unknown, name: string, as: NumberKind = "count"): number {
  let v = value;
  if (Array.isArray(v)) {
    const row: unknown = v[0];
    if (v.length !== 1 || !Array.isArray(row) || row.length !== 1)
      fail("invalidValue", `${name}: cần một ô, không phải một vùng nhiều ô.`);
    v = row[0];
  }
  if (v === null || v === undefined || v === "") return 0;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const typed = typeof v === "string" ? numberFromText(v, as) : null;
  if (typeof typed === "number") return typed;
  if (typed !== null)
    return fail(
      "invalidValue",
      `${name}: ${quoted(typeof v === "string" ? v.trim() : "")} là ${typed.thousands} hay ${typed.decimal}? Dấu chấm có thể ngăn cách hàng nghìn hoặc là dấu thập phân: gõ ${typed.thousands} hoặc ${typed.decimal}.`,
    );
  return fail(
    "invalidValue",
    typeof v === "string"
      ? `${name}: ${quoted(v.trim())} không phải một số; gõ số như 1234, 1.234, 0,5, 1.234,5 hoặc 95,5%.`
      : `${name}: cần một số.`,
  );
}

/**
 * What an argument holds: a count (whole, so "1.500" can only be 1500, as the template reads a
 * count: readCount) or a decimal (a rate, a number of days), where "1.500" may as well be 1,5.
 */
type NumberKind = "count" | "decimal";

/** Both readings of a text that is one or the other ("1.500": 1500 or 1,5), as a clerk would type them. */
interface Ambiguous {
  readonly thousands: string;
  readonly decimal: string;
}
// One to three digits (not "0"), a dot, three digits: a thousands group or a decimal point.
const DOT_OR_GROUP = /^[1-9]\d{0,2}\.\d{3}$/;

/**
 * A number pasted or typed as text, read as the template reads a count ("1.234", " 12 ", "1 234":
 * readCount) or a decimal ("0,5": readDecimal), "95,5%" as Excel's arithmetic reads it (0,955), a
 * minus sign first as a negative; null when it is no number ("abc", "12 hồ sơ").
 */
function numberFromText(text: string, as: NumberKind): number | Ambiguous | null {
  const trimmed = text.trim();
  if (startsWithMinus(trimmed)) {
    const rest = numberFromText(trimmed.replace(/^\S\s*/, ""), as);
    return typeof rest === "number" ? -rest : rest;
  }
  // One % last: "5%%" is no 0,0005 but #VALUE!, as "--5" is (startsWithMinus wants a digit next).
  if (trimmed.endsWith("%")) {
    const before = trimmed.slice(0, -1);
    const rest = before.trimEnd().endsWith("%") ? null : numberFromText(before, as);
    return typeof rest === "number" ? rest / 100 : rest;
  }
  const cell: Cell = { value: { kind: "string", value: trimmed } };
  if (as === "decimal") {
    // "1.500" days or "1.234" % is 1500 in Vietnamese writing and 1,5 in English: not guessed.
    if (DOT_OR_GROUP.test(trimmed))
      return { thousands: trimmed.replace(".", ""), decimal: viNumber(Number(trimmed)) };
    // "0.500" is 0,5 (no thousands group starts with 0), not the 500 a count would read.
    if (/^\d+[.,]\d+$/.test(trimmed)) return readDecimal(cell);
  }
  const count = readCount(cell);
  return count.kind === "ok" ? count.value : readDecimal(cell);
}

/**
 * A typed value or a name quoted in a message with “…”, as every other Vietnamese text of the
 * product quotes; a cell's line breaks become one space. Straight quotes stay only inside a formula
 * shown to copy (=KL226.DUE_DATE("NAM"; …)), where Excel needs them.
 */
const quoted = (text: string): string => `“${text.replace(/[\r\n\t\u2028\u2029]+/g, " ")}”`;

/**
 * True for an empty cell as Excel on the web hands it (null; "" from a formula such as =IF(…;"")),
 * alone or as a 1×1 range. Excel on Windows hands an empty cell as 0, which no function can tell
 * from a typed 0 (office-js issue #4702).
 */
function isBlank(value: unknown): boolean {
  const v: unknown =
    Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
      ? (value[0] as unknown[])[0]
      : value;
  return v === null || v === undefined || v === "";
}

/** #N/A for a judged value left blank: judging it as 0 would say "Đạt" of a count nobody typed. */
function notEntered(what: string, toType: string, notYet = "chưa đánh giá được"): never {
  return fail("notAvailable", `Chưa nhập ${what}: ô đang trống, nên ${notYet}. ${toType}`);
}

/** A text argument; a 1×1 matrix is unwrapped, a number becomes its text, a blank becomes "". */
function toText(value: unknown): string {
  let v = value;
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1)
    v = (v[0] as unknown[])[0];
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

/** A text typed in TCVN3 or VNI (a .VnTime cell: "Qu¸n triÖt") as the Unicode it shows (legacy-text.ts). */
function unicodeText(text: string): string {
  return vietnameseOf(text)?.text ?? text;
}

/**
 * A small memo for the text folds (Unicode normalisation is the costly part of a call): a sheet
 * repeats the same few ids, types and phrases down a column. Cleared when full so it stays small.
 */
function memo<T>(fn: (text: string) => T, max = 1000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let hit = cache.get(text);
    if (hit === undefined && !cache.has(text)) {
      hit = fn(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, hit);
    }
    return hit as T;
  };
}

/**
 * The profile named by an optional last argument (SPEC §8: a shipped profile such as
 * "dong-thap-syt-226"); null, blank or omitted means the defaults. An unknown name is #N/A.
 */
function profileOf(value: unknown): Profile | null {
  const name = toText(value).trim();
  if (name === "") return null;
  const p = shippedProfile(name);
  if (p) return p;
  // Typed loosely ("Dong Thap SYT 226"): the key, made only when the name is not one as it stands.
  const key = profileKey(name);
  const loose = shippedProfile(key);
  if (loose) return loose;
  // "dong thap" or "Đồng Tháp" typed for dong-thap-syt-226: name the profiles it is part of.
  const near = key.length >= 3 ? SHIPPED_PROFILE_NAMES.filter((n) => n.includes(key)) : [];
  const guess = near.length > 0 ? `; có phải ${near.join(" hoặc ")}?` : ".";
  return fail(
    "notAvailable",
    `Không có hồ sơ ${quoted(name)}${guess} Hồ sơ có sẵn: ${SHIPPED_PROFILE_NAMES.join(", ")}.`,
  );
}

/** A profile's name as a clerk may type it ("Dong Thap SYT 226", "dong_thap_syt_226") in the files' own spelling. */
function profileKey(name: string): string {
  return foldKey(name)
    .trim()
    .replace(/[\s_\u2010-\u2015]+/g, "-");
}

/** The profile a KL226-BC/1 function uses without one: this deployment's own (profiles/, "default"), else the SPEC's. */
const KL226_DEFAULT = defaultProfileForForm(DEFAULT_PROFILE.form.id) ?? DEFAULT_PROFILE;

/** Without a profile: the default KL226-BC/1 indicators, then those of the other built-in forms (CCHC-BC/2025). */
const DEFAULT_INDICATORS: ReadonlyMap<string, Indicator> = new Map(
  [KL226_DEFAULT, ...BUILTIN_FORMS.map((f) => defaultProfileForForm(f.id) ?? DEFAULT_PROFILE)]
    .flatMap((p) => p.form.indicators)
    .reverse()
    .map((i) => [i.id, i]),
);

/** The default ids in the forms' own order, KL226-BC/1 first (the map above is built backwards). */
const DEFAULT_IDS: readonly string[] = [...DEFAULT_INDICATORS.keys()].reverse();
const byProfile = new WeakMap<Profile, ReadonlyMap<string, Indicator>>();

/** The indicator of a TARGET/CHECK/GAP argument (trimmed, any case) under a profile; #N/A when unknown. */
function indicatorOf(value: unknown, profile: Profile | null): Indicator {
  let table = DEFAULT_INDICATORS;
  if (profile) {
    let t = byProfile.get(profile);
    if (!t) byProfile.set(profile, (t = new Map(profile.form.indicators.map((i) => [i.id, i]))));
    table = t;
  }
  const key = typeof value === "string" ? indicatorKey(value) : indicatorKey(toText(value));
  const ind = table.get(key);
  if (ind) return ind;
  if (key === "")
    return notEntered(
      "mã chỉ tiêu",
      "Nhập mã vào ô đó, ví dụ ONLINE_RATIO hoặc SO_HOA_HO_SO_RATIO.",
      "chưa biết là chỉ tiêu nào",
    );
  return fail("notAvailable", unknownIndicatorMessage(toText(value), key, profile, table));
}

/**
 * Why an indicator id is not there, and what to type: one of another form or plan
 * (=TARGET("ONLINE_RATIO"; "hcm-attp-cchc-2025"), a Đồng Tháp id without its profile) names the
 * shipped profiles that have it; an id of none lists the valid ones, as before.
 */
function unknownIndicatorMessage(
  typed: string,
  key: string,
  profile: Profile | null,
  table: ReadonlyMap<string, Indicator>,
): string {
  const here = profile ? ` của hồ sơ ${quoted(profile.id ?? profile.name)}` : "";
  const codes = `Mã hợp lệ${here}: ${(profile ? [...table.keys()] : DEFAULT_IDS).join(", ")}.`;
  const holders = SHIPPED_PROFILE_NAMES.filter((name) =>
    shippedProfile(name)?.form.indicators.some((i) => i.id === key),
  );
  if (holders.length === 0) return `${unknownCode(typed, key, table)} ${codes}`;
  const inDefault = profile !== null && DEFAULT_INDICATORS.has(key);
  const where = profile
    ? `không có trong hồ sơ ${quoted(profile.id ?? profile.name)} (biểu mẫu ${profile.form.id})`
    : "không có trong các chỉ tiêu mặc định";
  const use = inDefault
    ? `bỏ trống tên hồ sơ để dùng mục tiêu mặc định, hoặc ghi tên một hồ sơ có chỉ tiêu này: ${holders.join(", ")}`
    : `chỉ tiêu này có trong hồ sơ ${holders.join(", ")}: ghi tên hồ sơ ở đối số cuối`;
  return `Chỉ tiêu ${quoted(typed.trim())} ${where}; ${use}. ${codes}`;
}

/** An id as typed, any case, its words joined by spaces or dashes ("online ratio", "ONLINE-RATIO") as by "_". */
const indicatorKey = memo((text: string): string => codeKey(text).replace(/[\s\-\u2010-\u2015]+/g, "_"));

/**
 * An id of no form, said with what it was likely meant as: an indicator's name typed for its code
 * ("Tỷ lệ hội nghị trực tuyến", without diacritics too) or a code one letter off ("ONLNE_RATIO").
 * Only the failing call pays for the search.
 */
function unknownCode(typed: string, key: string, table: ReadonlyMap<string, Indicator>): string {
  const folded = foldKey(unicodeText(typed));
  const named = [...table.values()].find((i) => foldKey(i.label) === folded || foldKey(i.short) === folded);
  if (named) return `${quoted(typed.trim())} là tên chỉ tiêu, không phải mã: gõ mã ${named.id}.`;
  const near = [...table.keys()].filter((id) => withinOneEdit(key, id));
  const guess = near.length === 1 ? `; có phải ${near[0]}?` : ".";
  return `Không có chỉ tiêu ${quoted(typed.trim())}${guess}`;
}

/** Shared by ONLINE_RATIO, RATIO and GAP: SPEC §7 error order (negative, then zero whole, then part > whole). */
function checkedPartWhole(part: number, whole: number, partName: string, wholeName: string): void {
  if (!(part >= 0 && whole >= 0)) fail("invalidValue", `${partName} và ${wholeName} không được âm.`);
  if (whole === 0) fail("divisionByZero", `${wholeName} bằng 0.`);
  if (part > whole)
    fail("invalidValue", `${partName} (${viNumber(part)}) lớn hơn ${wholeName} (${viNumber(whole)}).`);
}

/** A count, or #VALUE! saying what was given ("không phải 1,5"): a clerk who typed a ratio sees why. */
function checkedCount(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0)
    fail(
      "invalidValue",
      `${name} là số lượng: gõ số nguyên không âm, ví dụ 0, 3 hoặc 35 (không phải ${viNumber(n)}).`,
    );
  return n;
}

/**
 * Tỷ lệ hội nghị trực tuyến: số hội nghị trực tuyến (kể cả kết hợp) chia tổng số hội nghị.
 * @customfunction ONLINE_RATIO
 * @param online Số hội nghị, cuộc họp trực tuyến (kể cả kết hợp).
 * @param total Tổng số hội nghị, cuộc họp đã tổ chức.
 * @returns Tỷ lệ (0–1); #DIV/0! nếu tổng bằng 0.
 */
export function onlineRatio(online: number, total: number): number {
  // Fast path: two plain numbers in range (the usual call), before any range or blank handling.
  if (typeof online === "number" && typeof total === "number" && online >= 0 && online <= total && total > 0)
    return online / total;
  const o = toNumber(online, "Số hội nghị trực tuyến");
  const t = toNumber(total, "Tổng số hội nghị");
  checkedPartWhole(o, t, "Số hội nghị trực tuyến", "Tổng số hội nghị");
  return o / t;
}

/**
 * Mức giảm so với cùng kỳ: (số cùng kỳ − số kỳ này) / số cùng kỳ; âm khi tăng.
 * @customfunction REDUCTION
 * @param previous Số lượng cùng kỳ năm trước.
 * @param current Số lượng kỳ này.
 * @returns Mức giảm (0,1 là giảm 10%); #DIV/0! nếu số cùng kỳ bằng 0.
 */
export function reduction(previous: number, current: number): number {
  // SPEC §5: computed as (prev − cur)/prev, so 100 → 90 is exactly 0.1 (1 − 90/100 is not).
  if (typeof previous === "number" && typeof current === "number" && previous > 0 && current >= 0)
    return (previous - current) / previous;
  const p = toNumber(previous, "Số lượng cùng kỳ");
  const c = toNumber(current, "Số lượng kỳ này");
  if (!(p >= 0 && c >= 0)) fail("invalidValue", "Số lượng cùng kỳ và số lượng kỳ này không được âm.");
  if (p === 0) fail("divisionByZero", "Số lượng cùng kỳ bằng 0.");
  return (p - c) / p;
}

/**
 * Tỷ lệ phần trên tổng (ví dụ hồ sơ xử lý trên môi trường số / tổng số hồ sơ).
 * @customfunction RATIO
 * @param part Phần (ví dụ số hồ sơ xử lý trên môi trường số).
 * @param whole Tổng (ví dụ tổng số hồ sơ).
 * @returns Tỷ lệ (0–1); #DIV/0! nếu tổng bằng 0.
 */
export function ratio(part: number, whole: number): number {
  if (typeof part === "number" && typeof whole === "number" && part >= 0 && part <= whole && whole > 0)
    return part / whole;
  const p = toNumber(part, "Phần");
  const w = toNumber(whole, "Tổng");
  checkedPartWhole(p, w, "Phần", "Tổng");
  return p / w;
}

/**
 * Mục tiêu của một chỉ tiêu (ví dụ ONLINE_RATIO → 0,6), theo hồ sơ mặc định hoặc hồ sơ được chọn.
 * @customfunction TARGET
 * @param indicator Mã chỉ tiêu, ví dụ "ONLINE_RATIO" (KL226-BC/1) hoặc "SO_HOA_HO_SO_RATIO" (CCHC-BC/2025).
 * @param [profile] Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226" hoặc "hcm-attp-cchc-2025"; bỏ trống: mặc định.
 * @returns Giá trị mục tiêu; #N/A nếu mã hoặc hồ sơ không tồn tại.
 */
export function target(indicator: string, profile?: string): number {
  return indicatorOf(indicator, profileOf(profile)).target;
}

/**
 * Đánh giá một giá trị so với mục tiêu: “Đạt” hoặc “Không đạt”.
 * @customfunction CHECK
 * @param indicator Mã chỉ tiêu, ví dụ "ONLINE_RATIO" (KL226-BC/1) hoặc "SO_HOA_HO_SO_RATIO" (CCHC-BC/2025).
 * @param value Tỷ lệ: 0,59 hay 59%; số lượng: số nguyên; HAI_LONG: 95,6 (1 là 100%). Ô trống: #N/A “Chưa nhập…”.
 * @param [profile] Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226" hoặc "hcm-attp-cchc-2025"; bỏ trống: mặc định.
 * @returns “Đạt” hoặc “Không đạt”.
 */
export function check(indicator: string, value: number, profile?: string): string {
  const ind = indicatorOf(indicator, profileOf(profile));
  if (isBlank(value)) return notEntered(`giá trị của ${ind.id}`, TO_TYPE[ind.kind]);
  const typed = !(typeof value === "number" && Number.isFinite(value));
  const whole = ind.kind === "maxCount" || ind.kind === "minCount";
  const v = typed ? toNumber(value, "Giá trị", whole ? "count" : "decimal") : value;
  const withPercent = typed && toText(value).trim().endsWith("%");
  // "150%" typed as text is 1,5 as a fraction, not the form's 1,5 (%): over 100% for HAI_LONG.
  if (withPercent && ind.kind === "percent" && v > 1)
    fail("invalidValue", `Giá trị của ${ind.id} phải từ 0 đến 100% (ví dụ 95,6 hoặc 95,6%).`);
  // A number from 0 to 1 is Excel's percentage (a "96%" cell holds 0,96; "100%" holds 1), as the
  // help says. Typed as text it comes from no percent cell: "1" is 1% on the form's 0–100 scale or
  // 100%, refused with both as the template refuses the same text in its cell (readPercent).
  if (typed && !withPercent && ind.kind === "percent" && v > 0 && v <= 1) {
    const [asTyped, asFraction] = [viNumber(v), viNumber(Math.round(v * 10000) / 100)];
    fail(
      "invalidValue",
      `Giá trị ${quoted(toText(value).trim())} của ${ind.id} là ${asTyped}% (theo biểu mẫu, thang 0–100) hay ${asFraction}%? Gõ kèm dấu %, ví dụ ${asTyped}% hoặc ${asFraction}%.`,
    );
  }
  return judgeValue(ind.comparison, judgedValue(ind, v), ind.target) === "met" ? "Đạt" : "Không đạt";
}

/** What to type in a CHECK value's empty cell, by its indicator's kind. */
const TO_TYPE: Readonly<Record<Indicator["kind"], string>> = {
  ratio: "Nhập tỷ lệ vào ô đó, ví dụ 0,6 hoặc 60%.",
  reduction: "Nhập mức giảm vào ô đó, ví dụ 0,1 hoặc 10%.",
  maxCount: "Nhập số lượng vào ô đó; không có thì nhập 0.",
  minCount: "Nhập số lượng vào ô đó; không có thì nhập 0.",
  percent: "Nhập giá trị như trong biểu mẫu vào ô đó, ví dụ 95,6.",
};

/**
 * A CHECK value on the scale its indicator is judged on, or #VALUE!: a ratio or a reduction is a
 * fraction (59 in a cell meant 59% would otherwise pass every target), a count a whole number, an
 * average percent such as HAI_LONG typed as the form has it (0–100) or as an Excel percent (0–1).
 */
function judgedValue(ind: Indicator, v: number): number {
  switch (ind.kind) {
    case "maxCount":
    case "minCount":
      return checkedCount(v, `Giá trị của ${ind.id}`);
    case "percent":
      if (!(v >= 0 && v <= 100))
        fail("invalidValue", `Giá trị của ${ind.id} phải từ 0 đến 100 (ví dụ 95,6 hoặc ô 95,6%).`);
      return v > 1 ? v / 100 : v;
    case "ratio":
    case "reduction":
      if (v > 1 || (ind.kind === "ratio" && v < 0))
        fail(
          "invalidValue",
          `Giá trị của ${ind.id} là tỷ lệ dạng 0–1: gõ 0,59 hoặc 59% (số ${viNumber(v)} nghĩa là ${viNumber(Math.round(v * 10000) / 100)}%).`,
        );
      return v;
  }
}

/**
 * Số còn thiếu (hoặc vượt mức cho phép) để đạt mục tiêu, như cột “Số còn thiếu”; 0 khi đã đạt.
 * @customfunction GAP
 * @param indicator Mã chỉ tiêu, ví dụ "ONLINE_RATIO" (KL226-BC/1) hoặc "SO_HOA_HO_SO_RATIO" (CCHC-BC/2025).
 * @param a Tỷ lệ: phần (số họp trực tuyến); giảm: số cùng kỳ; số lượng: số lượng. Ô trống: #N/A “Chưa nhập…”.
 * @param [b] Tỷ lệ: tổng; giảm: số kỳ này; bỏ trống với chỉ tiêu số lượng (hoặc ghi tên hồ sơ).
 * @param [profile] Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226" hoặc "hcm-attp-cchc-2025"; bỏ trống: mặc định.
 * @returns Số còn thiếu hoặc vượt mức cho phép.
 */
export function gap(indicator: string, a: number, b?: number | string, profile?: string): number {
  // GAP("TTHC_CUT_MIN"; 14; "dong-nai-skhcn-226"): a count indicator takes the profile third.
  // A text is a profile's name unless it starts as a number might ("--5", "−5", "+5"): those are b.
  const bIsName = typeof b === "string" && !/^\s*[-+\u2010\u2011\u2212\u2013\u2014\ufe63\d]/.test(b);
  const ind = indicatorOf(indicator, profileOf(bIsName ? b : profile));
  if (ind.kind === "percent")
    return fail(
      "notAvailable",
      `Chỉ tiêu ${ind.id} là tỷ lệ phần trăm bình quân, không có số lượng còn thiếu.`,
    );
  if (isBlank(a))
    return notEntered("a", "Nhập số lượng vào ô đó; không có thì nhập 0.", "chưa tính được số còn thiếu");
  const first = checkedCount(typeof a === "number" ? a : toNumber(a, "a"), "a");
  if (ind.kind === "maxCount" || ind.kind === "minCount")
    return judgeCount(first, ind.target, ind.comparison).gap ?? 0;
  // Omitted optional arguments arrive as null (TOOLCHAIN); for a ratio or a reduction b is needed.
  if (b === null || b === undefined || bIsName)
    return fail("invalidValue", `Chỉ tiêu ${ind.id} cần cả hai số a và b.`);
  const second = checkedCount(typeof b === "number" ? b : toNumber(b, "b"), "b");
  if (ind.kind === "ratio") {
    checkedPartWhole(first, second, "Phần a", "Tổng b");
    return judgeRatio(first, second, ind.target, ind.comparison).gap ?? 0;
  }
  if (first === 0) fail("divisionByZero", "Số cùng kỳ a bằng 0.");
  return judgeReduction(first, second, ind.target, ind.comparison).gap ?? 0;
}

/** Meeting types keyed without diacritics or case, by label ("quan triet") and id ("quan_triet"), with their limits. */
function meetingLimitsOf(profile: Profile): ReadonlyMap<string, number> {
  const limits = profile.form.meetingLog.limits;
  return new Map(
    MEETING_TYPES.flatMap((m) => [
      [foldKey(m.label), limits[m.id]],
      [foldKey(m.id), limits[m.id]],
    ]),
  );
}

const meetingTables = new WeakMap<Profile, ReadonlyMap<string, number>>();

/**
 * The limit of a folded type name under a profile's limits: an exact match, else the one type
 * within a single typo ("quan trieu"): clerks type without diacritics and the three names are far
 * apart, so one edit never makes two types ambiguous.
 */
function meetingLimit(key: string, profile: Profile): number | undefined {
  let table = meetingTables.get(profile);
  if (!table) meetingTables.set(profile, (table = meetingLimitsOf(profile)));
  const exact = table.get(key);
  if (exact !== undefined) return exact;
  // "Hội nghị chuyên môn", "Họp quán triệt": the type named with its noun, as a meeting's title has it.
  const bare = key.replace(/^(hoi nghi|cuoc hop|hop)\s+/, "");
  if (bare !== key) return meetingLimit(bare, profile);
  const near = [...table].filter(([name]) => withinOneEdit(key, name));
  const limits = new Set(near.map(([, limit]) => limit));
  return limits.size === 1 ? near[0]![1] : undefined;
}

const meetingKey = memo((text: string) => foldKey(unicodeText(text)));

/** True when a and b differ by at most one substitution, insertion or deletion. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * TRUE nếu số ngày họp đúng quy định (mặc định: quán triệt ½, chuyên môn 1, quan trọng 1,5 ngày).
 * @customfunction MEETING_OK
 * @param type Loại hội nghị: "Quán triệt", "Chuyên môn" hoặc "Quan trọng" (có dấu hay không dấu đều được).
 * @param days Số ngày họp, ví dụ 0,5. Ô trống: #N/A “Chưa nhập…”.
 * @param [profile] Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226"; bỏ trống: mặc định. Không có trang Hội nghị: #N/A.
 * @returns TRUE nếu đúng quy định, FALSE nếu vượt thời lượng.
 */
export function meetingOk(type: string, days: number, profile?: string): boolean {
  // A province's profile may set its own limits (meetingLimits), as its consolidation judges them.
  // A form without a meeting log (CCHC-BC/2025) has no limits of its own: the defaults given under
  // its name would read as its plan's rule, so it is #N/A, as DUE_DATE's period the form has not.
  const chosen = profileOf(profile);
  if (chosen && !chosen.form.meetingLog.enabled)
    return fail(
      "notAvailable",
      `Hồ sơ ${quoted(toText(profile).trim())} (biểu mẫu ${chosen.form.id}) không có trang Hội nghị, nên không có giới hạn thời lượng họp: bỏ trống hồ sơ để dùng giới hạn mặc định (quán triệt ½ ngày, chuyên môn 1 ngày, quan trọng 1,5 ngày).`,
    );
  if (toText(type).trim() === "")
    return notEntered("loại hội nghị", "Nhập Quán triệt, Chuyên môn hoặc Quan trọng vào ô đó.");
  const limit = meetingLimit(meetingKey(toText(type)), chosen ?? KL226_DEFAULT);
  if (limit === undefined)
    return fail(
      "invalidValue",
      `Loại hội nghị ${quoted(toText(type))} không hợp lệ: dùng Quán triệt, Chuyên môn hoặc Quan trọng.`,
    );
  if (isBlank(days)) return notEntered("số ngày họp", "Nhập số ngày vào ô đó, ví dụ 0,5.");
  const d = typeof days === "number" ? days : toNumber(days, "Số ngày", "decimal");
  if (!(d >= 0)) fail("invalidValue", "Số ngày họp không được âm.");
  return d <= limit;
}

const PERIOD_KEYS: ReadonlyMap<string, PeriodKind> = new Map(
  PERIOD_KINDS.flatMap((id) =>
    [id, PERIOD_LABELS[id].label, ...PERIOD_LABELS[id].aliases].map((name): [string, PeriodKind] => [
      foldKey(name),
      id,
    ]),
  ),
);

const periodOf = memo((text: string) => PERIOD_KEYS.get(foldKey(unicodeText(text))));

/**
 * Hạn gửi báo cáo của kỳ (mặc định theo biểu mẫu KL226-BC/1; kế hoạch khác: ghi tên hồ sơ).
 * @customfunction DUE_DATE
 * @param period Kỳ: "6T" (mặc định hạn 6/6), "NAM" (6/12), "Q1"–"Q4" (quý CCHC-BC/2025: ngày 15 tháng cuối quý).
 * @param year Năm báo cáo, ví dụ 2026.
 * @param [profile] Tên hồ sơ có sẵn, ví dụ "dong-thap-syt-226" hoặc "hcm-attp-cchc-2025"; bỏ trống: mặc định.
 * @returns Ngày hạn (định dạng ô là ngày để xem dd/mm/yyyy).
 */
export function dueDate(period: string, year: number, profile?: string): number {
  if (toText(period).trim() === "")
    return notEntered("kỳ báo cáo", "Nhập 6T, NAM hoặc Q1–Q4 vào ô đó.", "chưa tính được hạn");
  const kind = periodOf(toText(period));
  if (kind === undefined)
    return fail(
      "invalidValue",
      `Kỳ báo cáo ${quoted(toText(period))} không hợp lệ: dùng ${PERIOD_KINDS.map(quoted).join(", ")}.`,
    );
  if (isBlank(year)) return notEntered("năm", "Nhập năm vào ô đó, ví dụ 2026.", "chưa tính được hạn");
  const y = toNumber(year, "Năm");
  // The report's date cell (Ngày báo cáo) given for its year: said so, with what to type.
  const shown = y > 9999 ? dateFromSerial(y) : null;
  if (shown !== null)
    fail(
      "invalidValue",
      `Năm: ô chứa ngày ${viDate(shown)}, không phải một năm; gõ ${shown.year} hoặc dùng YEAR(ô đó).`,
    );
  if (!Number.isInteger(y) || y < 1900 || y > 9999)
    fail(
      "invalidValue",
      `Năm phải là số nguyên từ 1900 đến 9999, gõ đủ bốn chữ số như 2026 (không phải ${String(y).replace(".", ",")}).`,
    );
  const chosen = profileOf(profile);
  // Without a profile, a quarter is the CCHC-BC/2025 regime's (KL226-BC/1 has none).
  const p =
    chosen ??
    (KL226_DEFAULT.form.periods.some((x) => x.kind === kind)
      ? KL226_DEFAULT
      : BUILTIN_FORMS.map((f) => defaultProfileForForm(f.id)).find((x) =>
          x?.form.periods.some((q) => q.kind === kind),
        ));
  const due = p ? reportDeadline(p, kind, y) : null;
  if (due === null)
    // Named as typed ("hcm-attp-cchc-2025"), not by its plan's long title, with the periods it has.
    return fail(
      "notAvailable",
      `Hồ sơ ${quoted(toText(profile).trim())} (biểu mẫu ${p?.form.id ?? ""}) không có kỳ ${PERIOD_LABELS[kind].label}: dùng ${(p?.form.periods ?? []).map((x) => quoted(x.kind)).join(", ")}.`,
    );
  return serialFromDate(due);
}

const deadlineOf = memo((text: string) => parseDeadline(unicodeText(text)));

/**
 * Ngày cuối của một thời hạn như "Quý IV/2026", "Tháng 6/2026", "Đến 31/12/2026" (dạng ngày).
 * @customfunction DEADLINE
 * @param text Thời hạn ghi trong kế hoạch (cột Thời hạn).
 * @returns Ngày cuối của thời hạn; #N/A với "Thường xuyên", "Hằng năm", "Theo…" hoặc văn bản không đọc được.
 */
export function deadline(text: string): number {
  // A year typed alone (2026) is the year, as the template's check reads that cell; as a serial it
  // would be a day of 1905–1927, no plan's deadline. A cell that holds a date arrives as its serial.
  if (typeof text === "number" && !(Number.isInteger(text) && text >= 1900 && text <= 9999)) {
    if (dateFromSerial(text) !== null) return Math.floor(text);
    return fail(
      "notAvailable",
      `Số ${viNumber(text)} không phải một ngày; ghi thời hạn như Quý IV/2026, Tháng 6/2026, Đến 31/12/2026 hoặc một ô ngày.`,
    );
  }
  if (isBlank(text))
    return notEntered(
      "thời hạn",
      "Nhập thời hạn vào ô đó, ví dụ Quý IV/2026, Tháng 6/2026 hoặc Đến 31/12/2026.",
      "chưa có ngày cuối",
    );
  const parsed = deadlineOf(toText(text));
  if (parsed.kind === "date") return serialFromDate(parsed.date);
  // "Thường xuyên", "Hằng năm", "Theo chỉ đạo…", "Từ năm 2025": named as typed, not all called standing.
  if (parsed.kind === "none")
    return fail(
      "notAvailable",
      `Thời hạn ${quoted(toText(text).trim())} không có ngày hết hạn (nhiệm vụ thường xuyên, hằng năm hoặc theo yêu cầu).`,
    );
  return fail(
    "notAvailable",
    `Không đọc được thời hạn ${quoted(toText(text))} (ví dụ hợp lệ: Quý IV/2026, Tháng 6/2026, Đến 31/12/2026).`,
  );
}
