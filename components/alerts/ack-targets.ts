'use client';

import { exactMatchers, formatSilenceMatchers } from '@/lib/alertmanager/silence-matchers';
import type { AlertGroupSummary, AlertItem, AlertsResponse } from '@/lib/alerts/api-schema';
import type { AckTarget } from './ack-dialog';

/** What the alerts view acknowledges or silences: one alert, or every alert of a group. */

export function alertAckTarget(alert: AlertItem): AckTarget {
  const where = alert.labels.instance ? ` on ${alert.labels.instance}` : '';
  return {
    title: `${alert.alertname}${where}`,
    count: 1,
    alerts: async () => [{ fingerprint: alert.fingerprint, cluster: alert.cluster }],
  };
}

/**
 * A group's alerts, read page by page from `group.offset` with the view's own query: they are
 * contiguous in the ordered list, and the browser holds only one page of a big group.
 */
export async function groupAlerts(
  group: AlertGroupSummary,
  apiQuery: string,
  options: { unacknowledgedOnly: boolean },
): Promise<{ fingerprint: string; cluster: string }[]> {
  const found: { fingerprint: string; cluster: string }[] = [];
  for (let offset = group.offset; ; offset += 500) {
    const params = new URLSearchParams(apiQuery);
    params.set('offset', String(offset));
    params.set('limit', '500');
    const res = await fetch(`/api/v1/alerts?${params}`);
    if (!res.ok) throw new Error(`Reading the group's alerts failed (Vigil answered ${res.status}).`);
    const page = (await res.json()) as AlertsResponse;
    const inGroup = page.alerts.filter(
      (a) => a.groupKey === group.key && !(options.unacknowledgedOnly && a.ack),
    );
    found.push(...inGroup.map((a) => ({ fingerprint: a.fingerprint, cluster: a.cluster })));
    if (page.alerts.length < 500 || page.alerts.at(-1)?.groupKey !== group.key) return found;
  }
}

export function groupAckTarget(group: AlertGroupSummary, apiQuery: string): AckTarget {
  const labels = Object.entries(group.labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return {
    title: `the group ${labels || 'of all alerts'} (${group.count} alert${group.count === 1 ? '' : 's'})`,
    count: group.count,
    alerts: () => groupAlerts(group, apiQuery, { unacknowledgedOnly: true }),
  };
}

/** The silence form prefilled to mute exactly this alert (the user may loosen it). */
export function alertSilenceInitial(alert: AlertItem) {
  return { matchers: formatSilenceMatchers(exactMatchers(alert.labels)), cluster: alert.cluster };
}

/** The silence form prefilled with a group's labels. */
export function groupSilenceInitial(group: AlertGroupSummary) {
  return {
    matchers: Object.entries(group.labels)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => formatSilenceMatchers([{ name: k, value: v, isRegex: false, isEqual: true }]))
      .join(', '),
  };
}
