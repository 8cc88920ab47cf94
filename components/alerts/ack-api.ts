'use client';

import { callApi } from '@/lib/api/client';
import { acknowledgeAlertOp, acknowledgeAlertsOp } from '@/lib/incidents/ack-api';
import type { GroupAckResult } from '@/lib/incidents/ack-schemas';

/** Acknowledging from the browser: one alert, or a group in as many requests as the API's limit needs. */

type AckBody = { comment?: string; silence?: boolean; duration?: string };

export const acknowledge = (fingerprint: string, cluster: string, body: AckBody) =>
  callApi(acknowledgeAlertOp, { params: { fingerprint }, query: { cluster }, body });

/** Groups larger than the API's 1000 per request go in several requests. */
export async function acknowledgeMany(
  alerts: { fingerprint: string; cluster: string }[],
  body: AckBody,
): Promise<GroupAckResult[]> {
  const results: GroupAckResult[] = [];
  for (let i = 0; i < alerts.length; i += 1000)
    results.push(
      ...(await callApi(acknowledgeAlertsOp, { body: { ...body, alerts: alerts.slice(i, i + 1000) } }))
        .results,
    );
  return results;
}
