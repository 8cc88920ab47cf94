import type { Liveness } from '@/lib/liveness';

/**
 * Whether Vigil's own loops are healthy, for the outbound heartbeat (outbound-heartbeat.ts). Pure.
 * Healthy means each has completed recently:
 * - polling: every Alertmanager cluster had a successful poll within three of its poll periods (the
 *   configured interval, longer while that Alertmanager is slow to answer: lib/snapshots/sources.ts);
 *   a Vigil that cannot read its alerts cannot page for them, so the dead-man's switch should fire;
 * - escalation: its pass completed within five poll intervals, and at least two minutes (a pass that
 *   sends a batch of notifications may take a while);
 * - webhook: its last store did not fail (no webhook at all is fine: Alertmanager may have nothing).
 *
 *   vigilHealth({now: 100_000, pollIntervalSeconds: 10, clusters: [{name: 'default', updatedAt: 95_000, periodSeconds: 10}],
 *     escalation: {lastOkAt: 99_000, lastFailedAt: undefined}, webhook: {lastOkAt: undefined, lastFailedAt: undefined}})
 *   → {healthy: true, problems: []}
 */
export function vigilHealth(input: {
  now: number;
  pollIntervalSeconds: number;
  clusters: readonly { name: string; updatedAt: number | undefined; periodSeconds: number }[];
  escalation: Liveness;
  webhook: Liveness;
}): { healthy: boolean; problems: string[] } {
  const problems: string[] = [];
  const interval = input.pollIntervalSeconds * 1000;
  for (const c of input.clusters)
    if (c.updatedAt === undefined || input.now - c.updatedAt > 3 * c.periodSeconds * 1000)
      problems.push(
        `polling Alertmanager cluster ${c.name} has not succeeded for ${Math.round(3 * c.periodSeconds)} s`,
      );
  const escalationWindow = Math.max(5 * interval, 120_000);
  const escalated = input.escalation.lastOkAt;
  if (escalated === undefined || input.now - escalated > escalationWindow)
    problems.push(`the escalation pass has not completed for ${escalationWindow / 1000} s`);
  const { lastOkAt, lastFailedAt } = input.webhook;
  if (lastFailedAt !== undefined && lastFailedAt > (lastOkAt ?? 0))
    problems.push('the webhook could not store its last notification');
  return { healthy: problems.length === 0, problems };
}
