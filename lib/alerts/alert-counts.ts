import type { AlertItem, AlertStateFilter } from './api-schema';

/**
 * What the console's alert counts mean, defined once for the overview and the alerts list. Pure and
 * client-safe. Every alert falls under exactly one state, so the four counts add up to the total:
 *
 * - active ("firing"): Alertmanager sends it (firing or just arrived) and nobody acknowledged it;
 * - acknowledged: someone acknowledged it, whatever Alertmanager says (an acknowledgement may be made
 *   of a silence, but it is not "silenced": a person is on it);
 * - silenced / inhibited: muted by Alertmanager, not acknowledged.
 *
 * Severity is the `severity` label as written; an alert without one is counted under NO_SEVERITY,
 * never under a severity called "none" (which is a value some rules set on purpose, e.g. Watchdog).
 */

/** The severity bucket of an alert without a `severity` label (or with an empty one). */
export const NO_SEVERITY = 'no severity';

/**
 *   severityBucket({severity: 'critical'}) → 'critical'
 *   severityBucket({severity: 'none'})     → 'none'
 *   severityBucket({})                     → 'no severity'
 */
export function severityBucket(labels: Readonly<Record<string, string>>): string {
  return labels.severity || NO_SEVERITY;
}

/**
 * The state an alert is counted (and filtered) under.
 *
 *   stateCategory({ack: null, state: 'firing'}) → 'active'
 *   stateCategory({ack: {by: 'ana', …}, state: 'silenced'}) → 'acknowledged'
 */
export function stateCategory(item: Pick<AlertItem, 'ack' | 'state'>): AlertStateFilter {
  if (item.ack) return 'acknowledged';
  if (item.state === 'silenced' || item.state === 'inhibited') return item.state;
  return 'active';
}

export type StateCounts = Record<AlertStateFilter, number>;

/**
 *   countByState([firing, firing+ack, silenced]) → {active: 1, acknowledged: 1, silenced: 1, inhibited: 0}
 */
export function countByState(items: Iterable<Pick<AlertItem, 'ack' | 'state'>>): StateCounts {
  const counts: StateCounts = { active: 0, silenced: 0, inhibited: 0, acknowledged: 0 };
  for (const item of items) counts[stateCategory(item)]++;
  return counts;
}

/**
 *   countBySeverity([{labels: {severity: 'critical'}}, {labels: {}}]) → {critical: 1, 'no severity': 1}
 */
export function countBySeverity(items: Iterable<Pick<AlertItem, 'labels'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { labels } of items) {
    const bucket = severityBucket(labels);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts;
}

export type AlertSummaryCounts = StateCounts & {
  /** The active (firing, unacknowledged) alerts by severity bucket. */
  activeBySeverity: Record<string, number>;
};

/**
 * The overview's summary: every state's count and the active alerts by severity.
 *
 *   summarizeAlerts([critical firing, critical acked, unlabelled firing])
 *     → {active: 2, acknowledged: 1, silenced: 0, inhibited: 0,
 *        activeBySeverity: {critical: 1, 'no severity': 1}}
 */
export function summarizeAlerts(
  items: readonly Pick<AlertItem, 'ack' | 'state' | 'labels'>[],
): AlertSummaryCounts {
  return {
    ...countByState(items),
    activeBySeverity: countBySeverity(items.filter((item) => stateCategory(item) === 'active')),
  };
}
