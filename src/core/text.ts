// Text matching rules of SPEC §3: trim, Unicode NFC, case-insensitive; and a diacritic-free fold.

/** Key for comparing sheet names, enumerated values and codes: NFC, trimmed, inner spaces collapsed, lower case. */
export function matchKey(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}

/** Like matchKey but also without diacritics ("Quán triệt" → "quan triet"), for lenient matching. */
export function foldKey(text: string): string {
  return matchKey(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d");
}

/** A code from column A: NFC, trimmed, upper case. */
export function codeKey(text: string): string {
  return text.normalize("NFC").trim().toLocaleUpperCase("en");
}

/** Find the entry of `options` whose label (or one of its aliases) matches `text` by matchKey. */
export function matchOption<T extends { readonly label: string; readonly aliases?: readonly string[] }>(
  options: readonly T[],
  text: string,
): T | undefined {
  const key = matchKey(text);
  return options.find((o) => matchKey(o.label) === key || (o.aliases ?? []).some((a) => matchKey(a) === key));
}

/** Like matchOption but also ignoring diacritics ("quan triet" finds "Quán triệt"). */
export function foldOption<T extends { readonly label: string }>(options: readonly T[], text: string): T | undefined {
  const key = foldKey(text);
  return options.find((o) => foldKey(o.label) === key);
}
