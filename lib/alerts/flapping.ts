/**
 * Flapping: an alert that keeps firing and resolving. Each stored firing (at its start) and resolution
 * (at its end) is a change of state; an alert is flapping when it changed state at least `threshold`
 * times within the last `window` (VIGIL_CONFIG `flapping`, default 4 changes in 1 h). Pure.
 *
 *   flappingChanges([10:05 fired, 10:12 resolved, 10:20 fired, 10:31 resolved], now 10:40, 1 h) → 4
 *   isFlapping(the same, now 10:40, {window 1 h, threshold 4}) → true
 *   isFlapping(the same, now 11:10, …) → false (10:05 and 10:12 are more than an hour ago)
 */

export type FlappingRule = { windowMs: number; threshold: number };

/** Distinct change times within (now - window, now]; HA peers' duplicates are one change. */
export function flappingChanges(changes: readonly Date[], now: Date, windowMs: number): number {
  const since = now.getTime() - windowMs;
  const within = new Set<number>();
  for (const at of changes) {
    const t = at.getTime();
    if (t > since && t <= now.getTime()) within.add(t);
  }
  return within.size;
}

export function isFlapping(changes: readonly Date[], now: Date, rule: FlappingRule): boolean {
  return flappingChanges(changes, now, rule.windowMs) >= rule.threshold;
}
