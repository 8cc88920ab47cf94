import type { FlappingRule } from '@/lib/alerts/flapping';
import { weekFinder } from './weeks';

/**
 * Flapping over a past range, with the live badge's definition (lib/alerts/flapping.ts): a change of
 * state is a firing's start or a resolution's end, changes at the same instant are one (HA peers), and
 * an alert flaps at instant t when at least `threshold` changes fall within (t - window, t]. The count
 * within a window only grows at a change, so it is enough to look at each change: a change "flaps" when
 * the window ending at it holds `threshold` changes. Pure; one pass with two pointers per alert.
 *
 * Changes before `fromMs` (the range's start) fill windows but are not counted as flaps themselves.
 *
 *   flappingSpells([10:05, 10:12, 10:20, 10:31], {window 1 h, threshold 4}, 'UTC', 0)
 *     → {flaps: 1, peak: 4, lastFlapMs: 10:31, weekly: {'2026-11-30': 1}}
 */

export type FlappingSpells = {
  /** Changes made while the alert was flapping (the window ending at the change held ≥ threshold). */
  flaps: number;
  /** The most changes any one window held. */
  peak: number;
  lastFlapMs: number | null;
  /** Flapping changes per week (Monday in the reader's zone). */
  weekly: Map<string, number>;
};

export function flappingSpells(
  changes: readonly Date[],
  rule: FlappingRule,
  zone: string,
  fromMs: number,
): FlappingSpells {
  const times = [...new Set(changes.map((d) => d.getTime()))].sort((a, b) => a - b);
  const result: FlappingSpells = { flaps: 0, peak: 0, lastFlapMs: null, weekly: new Map() };
  const weekOf = weekFinder(zone);
  let first = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    while ((times[first] as number) <= t - rule.windowMs) first++;
    const within = i - first + 1;
    if (t < fromMs) continue;
    result.peak = Math.max(result.peak, within);
    if (within < rule.threshold) continue;
    result.flaps++;
    result.lastFlapMs = t;
    const week = weekOf(t);
    result.weekly.set(week, (result.weekly.get(week) ?? 0) + 1);
  }
  return result;
}
