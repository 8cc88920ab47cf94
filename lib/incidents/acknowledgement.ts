/**
 * How an incident was acknowledged, as the incident page's "People paged" card says it ("acknowledged
 * by Ana via push notification at 03:12"): read from its `incident.acknowledged` timeline events, pure
 * and client-safe (the component imports the wording).
 */

/** Every way an acknowledgement arrives: the console (or the API), an alert of it, a signed token's route. */
export const ACK_WAYS = ['console', 'alert', 'link', 'push', 'slack', 'mattermost'] as const;
export type AckWay = (typeof ACK_WAYS)[number];

const WORDING: Record<AckWay, string> = {
  console: 'via the console',
  alert: 'by acknowledging an alert',
  link: 'via link',
  push: 'via push notification',
  slack: 'via Slack button',
  mattermost: 'via Mattermost button',
};

/** "via push notification", "by acknowledging an alert": the phrase after "acknowledged by Ana". */
export const ackWayText = (way: AckWay): string => WORDING[way];

/**
 * The way one `incident.acknowledged` event's data names (timeline-events.ts): `{via}` from an alert or
 * a signed token, `{reason}` from the console or the API. Data of an unknown `via` (a row written by a
 * newer version) reads as a link, the generic signed-token way, rather than failing the page.
 *
 *   ackWay({via: 'push'}) → 'push';  ackWay({reason: 'on it'}) → 'console'
 */
export function ackWay(data: Record<string, unknown>): AckWay {
  if (!('via' in data)) return 'console';
  return ACK_WAYS.find((w) => w !== 'console' && w === data.via) ?? 'link';
}

export type Acknowledgement = { at: string; by: { id: string; name: string } | null; via: AckWay };

type AckEvent = {
  type: string;
  at: string;
  by: { id: string; name: string } | null;
  data: Record<string, unknown>;
};

/**
 * The acknowledgement the incident stands on: its latest `incident.acknowledged` event, oldest-first
 * `events` as the timeline holds them. None while the incident is open (never acknowledged, or reopened
 * since: that acknowledgement no longer holds), nor for one resolved without being acknowledged.
 *
 *   latestAcknowledgement('acknowledged', [{type: 'incident.acknowledged', at: 't', by: ana, data: {via: 'push'}}])
 *   → {at: 't', by: ana, via: 'push'}
 */
export function latestAcknowledgement(status: string, events: readonly AckEvent[]): Acknowledgement | null {
  if (status === 'open') return null;
  const last = events.findLast((e) => e.type === 'incident.acknowledged');
  return last ? { at: last.at, by: last.by, via: ackWay(last.data) } : null;
}
