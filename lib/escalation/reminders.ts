import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { clockIn } from '@/lib/notify/clock-text';
import type { NotificationPayload } from '@/lib/notify/message';
import { reminderTargets } from './page-targets';
import { REACH_SELECT, reachOf, urgencyOf } from './reach';

/**
 * An acknowledgement is a promise to look: whoever acknowledged an incident is reminded every
 * `remindAfterSeconds` (config `acknowledgement.remindAfter`) while it stays acknowledged and any of
 * its alerts still fires, so an incident does not sit acknowledged and forgotten. Run on every
 * escalation pass; each reminder is an outbox row whose dedupe key names the incident, its round, the
 * acknowledgement and how many intervals have passed since it, so every instance and pass queues the
 * same reminder once, a new acknowledgement starts counting again, and after an outage only the
 * current interval's reminder goes out, not every one missed. The outbox cancels one whose incident is
 * no longer acknowledged when it is due.
 *
 * It reaches the person as a page of that incident's urgency would (their rules, else their verified
 * methods and push, else their account's e-mail), on the first step only (page-targets.ts,
 * reminderTargets, says why): one outbox row per method, keyed by it.
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
  urgency: string | null;
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
           ack.at AS acked_at, u.id AS user_id, COALESCE(u.name, u.email) AS user_name, u.time_zone,
           route.urgency
    FROM incidents i
    LEFT JOIN routes route ON route.id = i.route_id
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
  const people = await client.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.user_id))] } },
    select: { id: true, ...REACH_SELECT },
  });
  const reach = new Map(people.map((u) => [u.id, reachOf(u)]));
  const data = rows.flatMap((r) => {
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
    const key = `reminder:${r.id}:${r.round}:${r.acked_at.getTime()}:${intervals}`;
    return reminderTargets(reach.get(r.user_id), urgencyOf(r.urgency)).map((t) => ({
      incidentId: r.id,
      userId: r.user_id,
      channel: t.channel,
      contactMethodId: t.contactMethodId,
      kind: 'reminder',
      payload,
      // The account's e-mail keeps the key reminders had before they followed people's rules.
      dedupeKey: t.key ? `${key}:${t.key}` : key,
      nextAttemptAt: now,
    }));
  });
  const { count } = await client.notification.createMany({ data, skipDuplicates: true });
  return count;
}
