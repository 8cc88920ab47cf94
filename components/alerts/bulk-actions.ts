import { exactMatchers } from '@/lib/alertmanager/silence-format';
import type { GroupAckResult } from '@/lib/incidents/ack-schemas';

/**
 * Acting on the alerts ticked in the list. Pure: what to send, and how to say what came of it.
 */

type Selected = { fingerprint: string; cluster: string; labels: Readonly<Record<string, string>> };

/**
 * One silence per selected alert, matching exactly its labels (Alertmanager names an alert by its whole
 * label set, so no other alert is muted), in the alert's own cluster.
 *
 *   selectionSilences([{fingerprint:'f1', cluster:'main', labels:{alertname:'X', job:'api'}}], {duration:'1h', comment:'deploy'})
 *     → [{matchers:[{name:'alertname', value:'X', …}, {name:'job', value:'api', …}], duration:'1h', comment:'deploy', cluster:'main'}]
 */
export function selectionSilences(selected: readonly Selected[], how: { duration: string; comment: string }) {
  return selected.map((alert) => ({
    matchers: exactMatchers(alert.labels),
    duration: how.duration,
    comment: how.comment,
    cluster: alert.cluster,
  }));
}

/**
 * What a bulk acknowledgement did, in one sentence.
 *
 *   ackSummary([{status:'acknowledged', …}, {status:'failed', message:'Alertmanager refused'}])
 *     → '1 acknowledged, 1 failed (Alertmanager refused).'
 */
export function ackSummary(results: readonly GroupAckResult[]): string {
  const count = (status: GroupAckResult['status']) => results.filter((r) => r.status === status).length;
  const failed = results.flatMap((r) => (r.status === 'failed' ? [r.message] : []));
  return sentence([
    [count('acknowledged'), 'acknowledged'],
    [count('already'), 'already acknowledged'],
    [count('not-found'), 'no longer firing'],
    [failed.length, `failed (${[...new Set(failed)].slice(0, 2).join('; ')})`],
  ]);
}

/**
 * What creating the silences did, from Promise.allSettled of the requests.
 *
 *   silenceSummary([{status:'fulfilled'}, {status:'rejected', reason: new Error('Alertmanager refused')}])
 *     → '1 silence created, 1 failed (Alertmanager refused).'
 */
export function silenceSummary(settled: readonly PromiseSettledResult<unknown>[]): string {
  const failed = settled.flatMap((s) =>
    s.status === 'rejected' ? [s.reason instanceof Error ? s.reason.message : String(s.reason)] : [],
  );
  const created = settled.length - failed.length;
  return sentence([
    [created, created === 1 ? 'silence created' : 'silences created'],
    [failed.length, `failed (${[...new Set(failed)].slice(0, 2).join('; ')})`],
  ]);
}

function sentence(parts: [number, string][]): string {
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return `${said.length ? said.join(', ') : 'Nothing was done'}.`;
}
