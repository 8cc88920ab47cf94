import { NextResponse } from 'next/server';
import { alertmanagerWebhookOp } from '@/lib/alerts/api';
import { notificationCluster, webhookAlertEvents } from '@/lib/alerts/webhook-schema';
import { config } from '@/lib/config/current';
import { route } from '@/lib/http/route';
import { AlertStoreError, storeWebhookEvents } from '@/lib/incidents/alert-ingest';
import { metrics } from '@/lib/metrics/registry';

export const dynamic = 'force-dynamic';

const count = (outcome: string) => metrics().webhookNotifications.inc({ outcome });

/** What a refusal by route() counts as: a wrong token, a body over 10 MB, a payload that does not parse. */
const REFUSALS: Record<number, string> = { 401: 'unauthorized', 413: 'too_large', 400: 'invalid' };

/**
 * Alertmanager's webhook receiver, authenticated by its own bearer token (VIGIL_WEBHOOK_TOKEN). Answers
 * 200 only once the events are committed. Alertmanager retries on 5xx and gives up on 4xx, hence 503
 * (+ Retry-After) when the database fails and 400/401/413 (route()) for what a retry cannot fix.
 * `?cluster=<name>` names the sending cluster when its externalURL does not match a configured peer
 * (see notificationCluster).
 */
export const POST = route(
  alertmanagerWebhookOp,
  async ({ query, body: notification }) => {
    const cluster = notificationCluster(notification.externalURL, config().alertmanagers, query.cluster);
    try {
      const result = await storeWebhookEvents(webhookAlertEvents(notification, cluster), {
        autoOpen: true,
        group: `${cluster}:${notification.groupKey}`,
      });
      count('accepted');
      return { status: 'accepted' as const, cluster, ...result };
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
  },
  {
    refused: (status) => {
      const outcome = REFUSALS[status];
      if (outcome) count(outcome);
    },
  },
);
