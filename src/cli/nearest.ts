// "Did you mean": the name a typo most likely meant, for options, commands and profile names.

/** Optimal string alignment distance (edits, adjacent swaps count one). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate a typo most likely meant (case ignored; a unique prefix of 3+ letters counts), or undefined. */
export function nearestName(typed: string, candidates: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === t);
  if (exact) return exact;
  const prefixed = candidates.filter((c) => t.length >= 3 && c.toLowerCase().startsWith(t));
  if (prefixed.length === 1) return prefixed[0];
  const allowed = t.length <= 4 ? 1 : Math.max(2, Math.floor(t.length / 4));
  let best: { name: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(t, c.toLowerCase());
    if (d <= allowed && (best === undefined || d < best.d)) best = { name: c, d };
  }
  return best?.name;
}
