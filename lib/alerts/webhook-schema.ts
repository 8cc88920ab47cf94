import { z } from 'zod';
import { storableLabels, storableText } from '@/lib/alertmanager/storable-text';
import type { AlertEventInput } from './alert-event';
import { isoFromMs } from './utc-iso';

/**
 * Alertmanager's webhook notification (`webhook_configs`, payload version "4", unchanged from 0.16 to
 * 0.28+), validated and turned into our shape. Unknown fields are dropped, so newer versions still parse.
 *
 * Alertmanager quirks handled here:
 * - a firing alert's `endsAt` is Go's zero time `0001-01-01T00:00:00Z`: it becomes null;
 * - times keep the zone they arrived in ("+02:00") and may carry nanoseconds: they are normalised to UTC
 *   ISO with milliseconds, like the API v2 schemas (lib/alertmanager/schemas.ts), so a webhook event and
 *   a poller event of the same change have the same key;
 * - `truncatedAlerts` > 0 means `max_alerts` cut the list: the missing alerts reach history only through
 *   the poller.
 */

const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');
const TIME_EXAMPLE = 'an RFC 3339 time such as 2026-11-21T08:05:35.625Z';

/** `what` is required when absent, otherwise the value has the wrong type. */
const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `is required: ${what}` : `must be ${what}`;

// U+0000 (which PostgreSQL cannot store) is read as U+FFFD in every text Vigil keeps: storable-text.ts.
const labelSet = (what: string) =>
  z
    .record(z.string(), z.string({ error: 'label values must be strings' }), {
      error: expected(`${what} (an object of string values)`),
    })
    .transform(storableLabels);

const time = z.iso.datetime({ offset: true, error: expected(TIME_EXAMPLE) });

/** @example "2026-11-21T10:05:35.625123+02:00" → "2026-11-21T08:05:35.625Z" */
const startsAt = time
  .transform((s) => Date.parse(s))
  .refine((ms) => ms > GO_ZERO_TIME, {
    error: 'must be a real time, not Go\'s zero time "0001-01-01T00:00:00Z"',
  })
  .transform(isoFromMs);

/** @example "0001-01-01T00:00:00Z" → null; "2026-11-21T08:09:38.465Z" → "2026-11-21T08:09:38.465Z" */
const endsAt = time.transform((s) => {
  const ms = Date.parse(s);
  return ms <= GO_ZERO_TIME ? null : isoFromMs(ms);
});

const status = z.enum(['firing', 'resolved'], { error: expected('"firing" or "resolved"') });

const webhookAlertSchema = z.object({
  status,
  labels: labelSet('the alert labels'),
  annotations: labelSet('the alert annotations'),
  startsAt,
  endsAt,
  generatorURL: z.string({ error: expected('a string (the URL of the rule that fired)') }).default(''),
  fingerprint: z
    .string({ error: expected('the alert fingerprint (a hash of its labels)') })
    .min(1, { error: 'must not be empty' })
    .max(64, { error: 'must be at most 64 characters' })
    // Alertmanager's fingerprints are hex; U+0000 or a lone surrogate could not be stored (PostgreSQL
    // refuses both), and a 503 would have Alertmanager resend it for ever: refused as a notification a
    // retry cannot fix. Replacing them (storable-text.ts) could make two alerts one.
    .refine((value) => !value.includes('\u0000'), { error: 'must not contain U+0000' })
    .refine((value) => value.isWellFormed(), { error: 'must be text: it holds a lone UTF-16 surrogate' }),
});

const alertList = { error: expected('the list of alerts in this notification') };
const notificationObject = { error: 'must be a JSON object: an Alertmanager webhook notification' };

/** Everything in a notification but its alerts. */
const envelopeShape = {
  version: z.literal('4', {
    error: (issue) =>
      issue.input === undefined
        ? 'is required: "4" (Alertmanager webhook payload version)'
        : `must be "4": only webhook payload version 4 is understood, got ${JSON.stringify(issue.input)}`,
  }),
  groupKey: z.string({ error: expected('a string (the route group key)') }).transform(storableText),
  truncatedAlerts: z
    .number({ error: expected('a number (alerts left out by max_alerts)') })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must not be negative' }),
  status,
  receiver: z.string({ error: expected('a string (the receiver name)') }).transform(storableText),
  groupLabels: labelSet('the group labels'),
  commonLabels: labelSet('the common labels'),
  commonAnnotations: labelSet('the common annotations'),
  externalURL: z.string({ error: expected("a string (the Alertmanager's external URL)") }),
};

/** What Vigil keeps of a notification. */
const kept = <
  T extends {
    receiver: string;
    status: string;
    groupKey: string;
    externalURL: string;
    truncatedAlerts: number;
    alerts: unknown;
  },
>(
  n: T,
) => ({
  receiver: n.receiver,
  status: n.status as T['status'],
  groupKey: n.groupKey,
  externalURL: n.externalURL,
  truncatedAlerts: n.truncatedAlerts,
  alerts: n.alerts as T['alerts'],
});

export const webhookPayloadSchema = z
  .object({ ...envelopeShape, alerts: z.array(webhookAlertSchema, alertList) }, notificationObject)
  .transform(kept);

/**
 * How the webhook route checks a notification (alertmanagerWebhookOp.bodyInSlices): the envelope
 * without looking into its alerts, then each alert, a hundred at a time with the event loop free in
 * between (lib/http/sliced-parse.ts). The same result as webhookPayloadSchema (a unit test says so).
 */
export const webhookPayloadInSlices = {
  envelope: z
    .object({ ...envelopeShape, alerts: z.array(z.unknown(), alertList) }, notificationObject)
    .transform(kept),
  key: 'alerts',
  item: webhookAlertSchema,
};
export type WebhookNotification = z.infer<typeof webhookPayloadSchema>;

/**
 * The answer once the notification's events are committed. `duplicates`: events stored already, e.g.
 * sent by the other HA peer or recorded by the poller.
 */
export const webhookAnswerSchema = z.object({
  status: z.literal('accepted'),
  cluster: z.string(),
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
});

/**
 * Which configured Alertmanager cluster sent a notification. Alertmanager does not say, so:
 * 1. `?cluster=<name>` on the webhook URL, when it names a configured cluster (set it per cluster in
 *    Alertmanager's `webhook_configs.url` when Vigil reaches the peers under other names than their
 *    `--web.external-url`);
 * 2. else the cluster with a peer on the host:port of the notification's `externalURL`;
 * 3. else the only configured cluster;
 * 4. else the externalURL's host:port (several clusters, none matching: recorded as it came).
 *
 * @example notificationCluster('http://127.0.0.1:19095', [{name:'default', peers:['http://127.0.0.1:19093','http://127.0.0.1:19095']}])
 *   → 'default'
 */
export function notificationCluster(
  externalURL: string,
  clusters: readonly { name: string; peers: readonly string[] }[],
  requested?: string | null,
): string {
  if (requested && clusters.some((c) => c.name === requested)) return requested;
  const sender = hostOf(externalURL);
  const byPeer = sender ? clusters.find((c) => c.peers.some((p) => hostOf(p) === sender)) : undefined;
  if (byPeer) return byPeer.name;
  const [only, ...others] = clusters;
  if (only && others.length === 0) return only.name;
  return sender ?? 'unknown';
}

function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).host.toLowerCase() : undefined;
}

/**
 * The events to store for one notification: one per alert, each with the alert's own status (a
 * "resolved" notification may still list alerts that fire).
 */
export function webhookAlertEvents(notification: WebhookNotification, cluster: string): AlertEventInput[] {
  return notification.alerts.map((alert) => ({
    cluster,
    fingerprint: alert.fingerprint,
    alertname: alert.labels.alertname ?? '',
    status: alert.status,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    endsAt: alert.status === 'firing' ? null : alert.endsAt,
    receiver: notification.receiver,
    groupKey: notification.groupKey,
  }));
}
