import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { clockIn } from '@/lib/notify/clock-text';
import type { NotificationPayload } from '@/lib/notify/message';

/**
 * An acknowledgement is a promise to look: whoever acknowledged an incident is reminded every
 * `remindAfterSeconds` (config `acknowledgement.remindAfter`) while it stays acknowledged and any of
 * its alerts still fires, so an incident does not sit acknowledged and forgotten. Run on every
 * escalation pass; each reminder is an outbox row whose dedupe key names the incident, its round, the
 * acknowledgement and how many intervals have passed since it, so every instance and pass queues the
 * same reminder once, a new acknowledgement starts counting again, and after an outage only the
 * current interval's reminder goes out, not every one missed. The outbox cancels one whose incident is
 * no longer acknowledged when it is due.
 */

type Row = {
  id: string;
  number: number;
  title: string;
  severity: string;
  round: number;
  level: number;
  acked_at: Date;
  user_id: string;
  user_name: string;
  time_zone: string;
};

/** Queues the reminders due at `now`; returns how many were queued. */
export async function queueReminders(
  client: PrismaClient,
  now: Date,
  remindAfterSeconds: number,
): Promise<number> {
  if (remindAfterSeconds <= 0) return 0;
  const dueBefore = new Date(now.getTime() - remindAfterSeconds * 1000);
  // The acknowledgement: the latest event that made the incident acknowledged, and who did it.
  const rows = await client.$queryRaw<Row[]>`
    SELECT i.id, i.number, i.title, i.severity, i.escalation_round AS round, i.escalation_level AS level,
           ack.at AS acked_at, u.id AS user_id, COALESCE(u.name, u.email) AS user_name, u.time_zone
    FROM incidents i
    CROSS JOIN LATERAL (
      SELECT t.at, t.actor_id FROM timeline_events t
      WHERE t.incident_id = i.id
        AND (t.type = 'incident.acknowledged'
             OR t.type = 'incident.status_changed' AND t.data->>'to' = 'acknowledged')
      ORDER BY t.at DESC, t.id DESC LIMIT 1
    ) ack
    JOIN users u ON u.id = ack.actor_id AND u.disabled_at IS NULL
    WHERE i.status = 'acknowledged' AND ack.at <= ${dueBefore}
      AND EXISTS (SELECT 1 FROM incident_alerts a WHERE a.incident_id = i.id AND a.resolved_at IS NULL)`;
  if (rows.length === 0) return 0;
  const data = rows.map((r) => {
    const intervals = Math.floor((now.getTime() - r.acked_at.getTime()) / (remindAfterSeconds * 1000));
    const payload: NotificationPayload = {
      incident: {
        id: r.id,
        number: r.number,
        title: r.title,
        severity: r.severity,
        status: 'acknowledged',
        url: null,
      },
      level: { level: r.level, name: '' },
      reason: 'reminder',
      comment: null,
      round: r.round,
      person: { name: r.user_name, schedule: null },
      notice: { status: 'acknowledged', by: r.user_name, atText: clockIn(r.acked_at, r.time_zone) },
    };
    return {
      incidentId: r.id,
      userId: r.user_id,
      // Until people's own contact methods are wired in, a reminder goes to the account's e-mail.
      channel: 'email',
      kind: 'reminder',
      payload,
      dedupeKey: `reminder:${r.id}:${r.round}:${r.acked_at.getTime()}:${intervals}`,
      nextAttemptAt: now,
    };
  });
  const { count } = await client.notification.createMany({ data, skipDuplicates: true });
  return count;
}
