import type { IncidentStatus } from './incident-schemas';

/** Pure rules of an incident's status and severity, used by incidents.ts. */

const SEVERITY_RANK: Record<string, number> = { critical: 4, error: 3, warning: 2, info: 1 };

/** The most severe of the alerts' severities (critical > error > warning > info > others). */
export function highestSeverity(severities: readonly string[]): string {
  return [...severities].sort((a, b) => (SEVERITY_RANK[b] ?? 0) - (SEVERITY_RANK[a] ?? 0))[0] ?? 'none';
}

const STATUS_TIME = {
  acknowledged: 'acknowledgedAt',
  mitigated: 'mitigatedAt',
  resolved: 'resolvedAt',
} as const;
const ORDER: readonly IncidentStatus[] = ['open', 'acknowledged', 'mitigated', 'resolved'];

/**
 * The timestamps a status change sets, pure. Moving forward stamps the new status (and acknowledgedAt,
 * if the incident skipped it: someone responded); moving back (reopening) clears the later ones. Times
 * already set are kept, so MTTA stays the first acknowledgement.
 *
 *   statusTimes({status: 'open', acknowledgedAt: null, …}, 'resolved', now) → {acknowledgedAt: now, resolvedAt: now}
 *   statusTimes({status: 'resolved', …}, 'acknowledged', now) → {mitigatedAt: null, resolvedAt: null}
 */
export function statusTimes(
  current: {
    acknowledgedAt: Date | null;
    mitigatedAt: Date | null;
    resolvedAt: Date | null;
  },
  to: IncidentStatus,
  now: Date,
): Partial<Record<'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt', Date | null>> {
  const rank = ORDER.indexOf(to);
  const times: Partial<Record<'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt', Date | null>> = {};
  if (rank >= 1 && !current.acknowledgedAt) times.acknowledgedAt = now;
  if (to !== 'open' && !current[STATUS_TIME[to]]) times[STATUS_TIME[to]] = now;
  if (rank < 2 && current.mitigatedAt) times.mitigatedAt = null;
  if (rank < 3 && current.resolvedAt) times.resolvedAt = null;
  return times;
}
