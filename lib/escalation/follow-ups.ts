import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { clockIn } from '@/lib/notify/clock-text';
import { followUpTargets } from '@/lib/notify/follow-ups';
import { type NotificationPayload, notificationPayloadSchema } from '@/lib/notify/message';

/**
 * Closing the loop (issue 16): once an incident is acknowledged or resolved, everyone who was paged for
 * it before that hears it once, on the method that first reached them ("acknowledged by Ana at 03:12
 * Europe/Brussels"), except the person who did it. Run on every escalation pass rather than by each code path that
 * changes an incident's status (the console, alert acknowledgements, action links, auto-resolve,
 * pipeline checks): the status and its timeline event are the record, and this pass reads them.
 *
 * Each follow-up is an outbox row with a dedupe key per incident, round, status and person, so two
 * instances, or two passes, queue it once; a reopened incident acknowledged again is a new round and
 * tells people again. Only changes within LOOKBACK_MS are considered, so the query stays small and a
 * restart after a long outage does not send stale news.
 */

const LOOKBACK_MS = 6 * 3600_000;

type Row = {
  incident_id: string;
  status: 'acknowledged' | 'resolved';
  round: number;
  changed_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  user_id: string;
  channel: string;
  contact_method_id: string | null;
  payload: unknown;
  sent_at: Date;
  time_zone: string;
};

/** Queues the follow-ups due at `now`; returns how many were queued. */
export async function queueFollowUps(client: PrismaClient, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS);
  // The change: the latest timeline event that put the incident in its current status (its `at` and
  // actor, since acknowledged_at keeps the first acknowledgement of a reopened incident).
  const rows = await client.$queryRaw<Row[]>`
    SELECT i.id AS incident_id, i.status::text AS status, i.escalation_round AS round,
           change.at AS changed_at, change.actor_id, COALESCE(actor.name, actor.email) AS actor_name,
           n.user_id, n.channel, n.contact_method_id, n.payload, n.sent_at, u.time_zone
    FROM incidents i
    CROSS JOIN LATERAL (
      SELECT t.at, t.actor_id FROM timeline_events t
      WHERE t.incident_id = i.id
        AND (t.type = 'incident.status_changed' AND t.data->>'to' = i.status::text
             OR t.type = 'incident.acknowledged' AND i.status = 'acknowledged')
      ORDER BY t.at DESC, t.id DESC LIMIT 1
    ) change
    LEFT JOIN users actor ON actor.id = change.actor_id
    JOIN notifications n ON n.incident_id = i.id AND n.kind = 'escalation' AND n.user_id IS NOT NULL
      AND n.status = 'sent' AND n.sent_at <= change.at
    JOIN users u ON u.id = n.user_id AND u.disabled_at IS NULL
    WHERE i.status IN ('acknowledged', 'resolved') AND change.at > ${since}
      AND NOT EXISTS (
        SELECT 1 FROM notifications f
        WHERE f.dedupe_key = 'followup:' || i.id || ':' || i.escalation_round || ':' || i.status::text
                             || ':' || n.user_id)`;
  if (rows.length === 0) return 0;
  const byIncident = new Map<string, (Row & { userId: string; sentAt: Date })[]>();
  for (const r of rows) {
    const pages = byIncident.get(r.incident_id) ?? [];
    pages.push({ ...r, userId: r.user_id, sentAt: r.sent_at });
    byIncident.set(r.incident_id, pages);
  }
  const data = [...byIncident.values()].flatMap((pages) => {
    const first = pages[0] as Row;
    return followUpTargets(pages, first.actor_id).flatMap((page) => {
      const parsed = notificationPayloadSchema.safeParse(page.payload);
      // A page whose payload cannot be read was never sent as one Vigil can describe; skip it.
      if (!parsed.success) return [];
      const payload: NotificationPayload = {
        ...parsed.data,
        reason: 'followup',
        comment: null,
        notice: {
          status: first.status,
          by: first.actor_name,
          atText: clockIn(first.changed_at, page.time_zone),
        },
      };
      return [
        {
          incidentId: first.incident_id,
          userId: page.user_id,
          channel: page.channel,
          contactMethodId: page.contact_method_id,
          kind: 'followup',
          payload,
          dedupeKey: `followup:${first.incident_id}:${first.round}:${first.status}:${page.user_id}`,
          nextAttemptAt: now,
        },
      ];
    });
  });
  const { count } = await client.notification.createMany({ data, skipDuplicates: true });
  return count;
}
