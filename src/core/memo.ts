// Bounded memoisation for pure functions whose inputs recur in every unit's file (task texts,
// deadline phrases, targets): the cache is dropped whole when it reaches `limit`, so it never grows
// without bound, and a computation that throws is not remembered.

export function memoize<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
