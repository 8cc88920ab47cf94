import { formatMatcher, parseFilterSyntax } from '@/lib/alertmanager/filter-syntax';
import type { AlertItem } from '@/lib/alerts/api-schema';

/**
 * The always-firing heartbeat alert (Watchdog, see pipelineWatch in lib/config/schema.ts) is proof that
 * the pipeline works, not something to respond to: the alerts list shows it as pipeline health and
 * leaves its row out. Pure.
 */
export type Heartbeat = { cluster: string; match: Record<string, string> };

/**
 * The filter that finds one heartbeat: every label of its match.
 *
 *   heartbeatFilter({alertname: 'Watchdog'}) → 'alertname="Watchdog"'
 */
export function heartbeatFilter(match: Record<string, string>): string {
  return Object.entries(match)
    .map(([name, value]) => formatMatcher({ name, op: '=', value }))
    .join(' ');
}

/**
 * Matchers that keep the heartbeats out of the list, added to what the user typed. Only a one-label
 * match can be excluded by a matcher (`!=` on several labels would drop every alert sharing any one of
 * them); and nothing is hidden when the user's filter names a heartbeat's value, in any case (they
 * asked for it).
 *
 *   heartbeatExclusion('', [{cluster: 'main', match: {alertname: 'Watchdog'}}]) → 'alertname!="Watchdog"'
 *   heartbeatExclusion('alertname="Watchdog"', [{cluster: 'main', match: {alertname: 'Watchdog'}}]) → ''
 *   heartbeatExclusion('', [{cluster: 'main', match: {alertname: 'Watchdog', team: 'sre'}}]) → ''
 *   heartbeatExclusion('severity="crit', …) → '' (the API must explain the user's own unclosed quote)
 */
export function heartbeatExclusion(filter: string, heartbeats: readonly Heartbeat[]): string {
  try {
    parseFilterSyntax(filter);
  } catch {
    return '';
  }
  const single = heartbeats.flatMap((h) => {
    const entries = Object.entries(h.match);
    return entries.length === 1 && entries[0] ? [entries[0]] : [];
  });
  const asked = filter.toLowerCase();
  if (single.some(([, value]) => asked.includes(value.toLowerCase()))) return '';
  const matchers = single.map(([name, value]) => formatMatcher({ name, op: '!=', value }));
  return [...new Set(matchers)].join(' ');
}

/**
 * Whether each cluster's heartbeat is listed firing now (not silenced or inhibited: a muted heartbeat
 * reaches nobody, so it counts as missing, as the pipeline watch counts it).
 *
 *   heartbeatStatus([{cluster: 'main', labels: {alertname: 'Watchdog'}, state: 'firing'}], [{cluster: 'main', match: {alertname: 'Watchdog'}}])
 *     → [{cluster: 'main', ok: true}]
 */
export function heartbeatStatus(
  alerts: readonly Pick<AlertItem, 'cluster' | 'labels' | 'state'>[],
  heartbeats: readonly Heartbeat[],
): { cluster: string; ok: boolean }[] {
  return heartbeats.map((h) => ({
    cluster: h.cluster,
    ok: alerts.some(
      (a) =>
        a.cluster === h.cluster &&
        a.state === 'firing' &&
        Object.entries(h.match).every(([name, value]) => a.labels[name] === value),
    ),
  }));
}
