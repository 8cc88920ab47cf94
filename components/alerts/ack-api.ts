'use client';

import type { AckOutcome, GroupAckResult } from '@/lib/incidents/ack-schemas';

/** The acknowledgement API as the browser calls it; errors carry Vigil's message, hint and field. */

export class ActionError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

export type AckBody = { comment?: string; silence?: boolean; duration?: string };

async function send<T>(url: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = (answer as { error?: { message?: string; hint?: string; fields?: Record<string, string> } })
      .error;
    const field = error?.fields ? Object.values(error.fields)[0] : undefined;
    throw new ActionError(
      [field ?? error?.message, error?.hint].filter(Boolean).join(' ') || `Vigil answered ${res.status}`,
      error?.fields,
    );
  }
  return answer as T;
}

const ackUrl = (fingerprint: string, cluster: string) =>
  `/api/v1/alerts/${encodeURIComponent(fingerprint)}/ack?cluster=${encodeURIComponent(cluster)}`;

export const acknowledge = (fingerprint: string, cluster: string, body: AckBody) =>
  send<AckOutcome>(ackUrl(fingerprint, cluster), 'POST', body);

export const unacknowledge = (fingerprint: string, cluster: string) =>
  send<{ ackId: string }>(ackUrl(fingerprint, cluster), 'DELETE');

/** Groups larger than the API's 1000 per request go in several requests. */
export async function acknowledgeMany(
  alerts: { fingerprint: string; cluster: string }[],
  body: AckBody,
): Promise<GroupAckResult[]> {
  const results: GroupAckResult[] = [];
  for (let i = 0; i < alerts.length; i += 1000)
    results.push(
      ...(
        await send<{ results: GroupAckResult[] }>('/api/v1/acks', 'POST', {
          ...body,
          alerts: alerts.slice(i, i + 1000),
        })
      ).results,
    );
  return results;
}
