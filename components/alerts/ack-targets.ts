'use client';

import { formatMatcher } from '@/lib/alertmanager/filter-syntax';
import { exactMatchers, formatSilenceMatchers } from '@/lib/alertmanager/silence-format';
import { listAlertsOp } from '@/lib/alerts/api';
import type { AlertGroupSummary, AlertItem } from '@/lib/alerts/api-schema';
import { callApi } from '@/lib/api/client';
import type { AckTarget } from './ack-dialog';
import type { AlertsApiQuery } from './view-state';

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
  apiQuery: AlertsApiQuery,
  options: { unacknowledgedOnly: boolean },
): Promise<{ fingerprint: string; cluster: string }[]> {
  const found: { fingerprint: string; cluster: string }[] = [];
  for (let offset = group.offset; ; offset += 500) {
    const page = await callApi(listAlertsOp, { query: { ...apiQuery, offset, limit: 500 } });
    const inGroup = page.alerts.filter(
      (a) => a.groupKey === group.key && !(options.unacknowledgedOnly && a.ack),
    );
    found.push(...inGroup.map((a) => ({ fingerprint: a.fingerprint, cluster: a.cluster })));
    if (page.alerts.length < 500 || page.alerts.at(-1)?.groupKey !== group.key) return found;
  }
}

export function groupAckTarget(group: AlertGroupSummary, apiQuery: AlertsApiQuery): AckTarget {
  const labels = Object.entries(group.labels)
    .map(([k, v]) => formatMatcher({ name: k, op: '=', value: v }))
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
