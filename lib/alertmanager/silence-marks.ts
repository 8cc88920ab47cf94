import { matchesLabels } from './matchers';
import type { ClusterAlert } from './merge';
import type { Silence } from './schemas';
import { fromSilenceMatcher } from './silence-format';

/**
 * The alerts as Alertmanager marks them under `silences`, for the moment between Vigil writing a silence
 * and the next poll: Alertmanager applies a silence to its alerts at once, so a console that re-reads
 * the silences after a write (lib/snapshots/sources.ts refreshSilences) can show the alerts silenced at
 * once too, instead of "firing" until the poll, which invites a second silence. Pure.
 *
 * - An active silence whose matchers match an alert's labels is added to its `silencedBy`, and the
 *   alert becomes `suppressed`.
 * - A silence that is no longer active (expired: an acknowledgement ended) is taken out of
 *   `silencedBy`; with nothing else muting it the alert is `active` again.
 * - Alerts that do not change are the same objects; with no change at all the same array comes back.
 *
 *   markSilences([InstanceDown db-1 (active)], [{id: 's1', state: 'active', matchers: [instance="db-1"]}])
 *     → [InstanceDown db-1 (suppressed, silencedBy: ['s1'])]
 */
export function markSilences(
  alerts: ClusterAlert[],
  silences: readonly Silence[],
  /**
   * The silences as the alerts were last marked (the snapshot's): only what changed since is matched,
   * so an acknowledgement among 10,000 alerts and dozens of silences costs one silence's pass, not all.
   */
  previous: readonly Silence[] = [],
): ClusterAlert[] {
  const wasActive = new Set(previous.filter((s) => s.state === 'active').map((s) => s.id));
  const active = silences
    .filter((s) => s.state === 'active' && !wasActive.has(s.id))
    .map((s) => ({ id: s.id, matchers: s.matchers.map(fromSilenceMatcher) }));
  const ended = new Set(silences.filter((s) => s.state === 'expired').map((s) => s.id));
  if (active.length === 0 && ended.size === 0) return alerts;
  let changed = false;
  const marked = alerts.map((alert) => {
    const kept = alert.silencedBy.filter((id) => !ended.has(id));
    const added = active
      .filter((s) => !kept.includes(s.id) && matchesLabels(s.matchers, alert.labels))
      .map((s) => s.id);
    if (added.length === 0 && kept.length === alert.silencedBy.length) return alert;
    changed = true;
    const silencedBy = [...kept, ...added];
    const muted = silencedBy.length > 0 || alert.inhibitedBy.length > 0 || (alert.mutedBy?.length ?? 0) > 0;
    return { ...alert, silencedBy, state: muted ? ('suppressed' as const) : ('active' as const) };
  });
  return changed ? marked : alerts;
}
