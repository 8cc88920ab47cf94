import { NextResponse } from 'next/server';
import { AlertStoreError, storeAlertEvents } from '@/lib/alerts/ingest';
import {
  bearerTokenMatches,
  notificationCluster,
  parseWebhookBody,
  webhookAlertEvents,
} from '@/lib/alerts/webhook-schema';
import { readBodyUpTo, route } from '@/lib/api/route';
import { config } from '@/lib/config/current';
import { env } from '@/lib/env';
import { errorBody, UnauthorizedError, ValidationError } from '@/lib/errors';
import { metrics } from '@/lib/server/metrics';

export const dynamic = 'force-dynamic';

/**
 * ≈15,000 alerts of the demo's size in one notification. Larger groups: set `max_alerts` in the
 * webhook_config (the alerts left out still reach history through the poller).
 */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Alertmanager's webhook receiver. Public (no session): authenticated by its own bearer token,
 * VIGIL_WEBHOOK_TOKEN. Answers 200 only once the events are committed. Alertmanager retries on 5xx and
 * gives up on 4xx, hence 503 (+ Retry-After) when the database fails and 400/401/413 for what a retry
 * cannot fix. `?cluster=<name>` names the sending cluster when its externalURL does not match a
 * configured peer (see notificationCluster).
 *
 * 200 → `{status:'accepted', cluster, received, stored, duplicates}` (duplicates: already stored, e.g.
 * sent by the other HA peer or recorded by the poller).
 */
export const POST = route('/api/v1/alertmanager/webhook', async (request) => {
  const count = (outcome: string) => metrics().webhookNotifications.inc({ outcome });
  if (!bearerTokenMatches(request.headers.get('authorization'), env().VIGIL_WEBHOOK_TOKEN)) {
    count('unauthorized');
    throw new UnauthorizedError(
      'Send the webhook token as "Authorization: Bearer <VIGIL_WEBHOOK_TOKEN>" (http_config.authorization.credentials in the webhook_config).',
    );
  }
  const text = await readBodyUpTo(request, MAX_BODY_BYTES);
  if (text === undefined) {
    count('too_large');
    // The rest of the body is not read: close the connection rather than have the client reuse it.
    return failure(
      413,
      `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB: set max_alerts in the webhook_config.`,
      { body: 'too large' },
      { connection: 'close' },
    );
  }
  const parsed = parseWebhookBody(text);
  if (!parsed.ok) {
    count('invalid');
    return failure(400, parsed.message, parsed.fields);
  }
  const { notification } = parsed;
  const cluster = notificationCluster(
    notification.externalURL,
    config().alertmanagers,
    new URL(request.url).searchParams.get('cluster'),
  );
  try {
    const result = await storeAlertEvents(webhookAlertEvents(notification, cluster), {
      source: 'webhook',
      autoOpen: config().escalation.autoIncidentMatch,
      group: `${cluster}:${notification.groupKey}`,
    });
    count('accepted');
    return { status: 'accepted', cluster, ...result };
  } catch (error) {
    if (!(error instanceof AlertStoreError)) throw error;
    count('unavailable');
    console.error(
      `[vigil] webhook from ${notification.receiver} (${cluster}) answered 503: ${error.message}`,
    );
    return NextResponse.json(
      {
        error: {
          code: 'unavailable',
          message: `${error.message} Alertmanager will send the notification again.`,
        },
      },
      { status: 503, headers: { 'retry-after': String(error.retryAfterSeconds) } },
    );
  }
});

/** A 400 or 413 in the API's error shape, `{error: {code: 'validation', message, fields}}`. */
const failure = (status: number, message: string, fields: Record<string, string>, headers?: HeadersInit) =>
  NextResponse.json(errorBody(new ValidationError(message, fields)), { status, headers });
