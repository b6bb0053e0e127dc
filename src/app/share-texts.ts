// Keeping many submissions small: every text of 13+ characters made one flat copy, once per distinct
// text. Used wherever a run keeps its submissions (the CLI's main thread, the page's collecting worker).

/**
 * V8 keeps a substring of 13+ characters as a view into the string it was cut from: a unit name
 * read on this thread would keep its file's whole shared-strings XML alive (≈ 16 KB a file).
 * Shorter substrings are copies already.
 */
const VIEW_MIN_LENGTH = 13;

/**
 * `value` with every string of 13+ characters replaced by one flat copy per distinct text: the
 * same values, each text kept once (every report repeats the profile's task texts) and no longer
 * holding on to the XML it was read from.
 */
export function shareTexts<T>(value: T, seen: Map<string, string>): T {
  if (typeof value === "string") {
    if (value.length < VIEW_MIN_LENGTH) return value;
    const first = seen.get(value);
    if (first !== undefined) return first as T;
    // Concatenating then cutting makes V8 build a new flat string of just this text.
    const own = (" " + value).slice(1);
    seen.set(own, own);
    return own as T;
  }
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = shareTexts(value[i], seen);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = shareTexts(record[key], seen);
  return value;
}
