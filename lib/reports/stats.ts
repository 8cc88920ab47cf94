/**
 * The small statistics the reports need. Pure.
 *
 *   percentile([10, 20, 30, 40], 0.5) → 25   (linear interpolation, as PostgreSQL's percentile_cont)
 *   percentile([10, 20, 30, 40], 0.9) → 37
 *   topN([{n: 'a', c: 1}, {n: 'b', c: 3}], 1, (x) => x.c, (x) => x.n) → [{n: 'b', c: 3}]
 */

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, interpolated between the two nearest ranks:
 * the definition of percentile_cont, so a p90 here is the p90 an operator gets from SQL. Null when
 * there are none.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (rank - below);
}

export type Summary = { count: number; p50: number | null; p90: number | null };

/** Count, p50 and p90 of some durations (any order). */
export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

/**
 * The n items with the largest `score`, largest first; ties broken by `name` so the same history
 * always gives the same table (and the same CSV).
 */
export function topN<T>(items: Iterable<T>, n: number, score: (t: T) => number, name: (t: T) => string): T[] {
  return [...items]
    .sort((a, b) => score(b) - score(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))
    .slice(0, n);
}
