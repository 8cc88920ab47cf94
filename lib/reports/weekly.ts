/**
 * Report rows' weekly values on the range's weeks. Pure.
 *
 *   countsByKey([{key: 'A', week: '2026-03-23', firings: 2}]) → Map{'A' → Map{'2026-03-23' → 2}}
 *   weeklyCounts(['2026-03-16', '2026-03-23'], Map{'2026-03-23' → 2}) → [0, 2]
 */

export function countsByKey(
  rows: readonly { key: string; week: string; firings: number }[],
): Map<string, Map<string, number>> {
  const byKey = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let weeks = byKey.get(r.key);
    if (!weeks) {
      weeks = new Map();
      byKey.set(r.key, weeks);
    }
    weeks.set(r.week, (weeks.get(r.week) ?? 0) + r.firings);
  }
  return byKey;
}

/** A count per week: none is 0. */
export function weeklyCounts(
  weeks: readonly string[],
  counts: ReadonlyMap<string, number> | undefined,
): number[] {
  return weeks.map((w) => counts?.get(w) ?? 0);
}

/** A measure per week: none is null (a gap in the line, not a zero). */
export function weeklyValues<T>(
  weeks: readonly string[],
  values: ReadonlyMap<string, T>,
  pick: (t: T) => number | null,
): (number | null)[] {
  return weeks.map((w) => {
    const v = values.get(w);
    return v === undefined ? null : pick(v);
  });
}
