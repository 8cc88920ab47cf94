import 'server-only';
import type { ChannelConfig } from '@/lib/config/schema';
import { db } from '@/lib/db';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import { recordEvent } from '@/lib/incidents/record-event';
import type { TimelineEvent } from '@/lib/incidents/timeline-events';
import { escalationStopped } from './cancel';
import { levelLabel, type NotificationPayload, notificationPayloadSchema } from './message';
import { type RetryPolicy, retryDecision } from './retry';
import { DeliveryError, deliver, type Smtp } from './send';

/**
 * The outbox worker: sends the notifications that escalations wrote, with retries. All state is in the
 * notifications table, so a restart loses nothing. Each notification is sent inside a transaction
 * holding its row lock (`FOR UPDATE SKIP LOCKED`): other instances skip it while it is being sent, and
 * the result (status, attempts, next attempt, timeline event) commits with the lock. The one window
 * left is a crash between the receiver's answer and the commit, after which the message is sent again:
 * delivery is at least once, and a duplicate needs a crash at that moment. (The row lock makes the
 * table's `locked_until` lease unnecessary: a lock cannot outlive its session, a lease can be overrun.)
 *
 * A timer escalation that is still undelivered when the incident is acknowledged is cancelled, not
 * sent: nobody is paged after an acknowledgement. A responder's manual escalation is sent regardless.
 */

type Tx = Prisma.TransactionClient;

export type OutboxOptions = {
  channels: readonly ChannelConfig[];
  smtp: Smtp;
  client?: PrismaClient;
  now?: () => Date;
  retry?: RetryPolicy;
  /** Replaced in unit tests only; the integration tests use real receivers. */
  send?: typeof deliver;
};

export type OutboxOutcome = 'sent' | 'failed' | 'dead' | 'cancelled';

/** The kinds this worker sends; a row of another kind is left for the code that wrote it. */
const KINDS = ['escalation'];
const BATCH = 50;
/** Longer than a send may take (10 s per attempt, see send.ts). */
const TX_OPTIONS = { maxWait: 5000, timeout: 30_000 } as const;

/** One pass over the due notifications; returns what happened to each one this instance handled. */
export async function runOutboxOnce(options: OutboxOptions): Promise<OutboxOutcome[]> {
  const client = options.client ?? db();
  const now = (options.now ?? (() => new Date()))();
  const due = await client.notification.findMany({
    where: { kind: { in: KINDS }, status: { in: ['pending', 'failed'] }, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH,
    select: { id: true },
  });
  const outcomes: OutboxOutcome[] = [];
  for (const { id } of due) {
    try {
      const outcome = await client.$transaction((tx) => handle(tx, id, now, options), TX_OPTIONS);
      if (outcome) outcomes.push(outcome);
    } catch (error) {
      console.warn(`[vigil] notification ${id} could not be handled; retrying on the next pass:`, error);
    }
  }
  return outcomes;
}

async function handle(tx: Tx, id: string, now: Date, options: OutboxOptions): Promise<OutboxOutcome | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM notifications WHERE id = ${id} AND status IN ('pending', 'failed') FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return null;
  const row = await tx.notification.findUnique({
    where: { id },
    include: { incident: { select: { status: true, acknowledgedAt: true } } },
  });
  if (!row || row.nextAttemptAt > now) return null;
  const parsed = notificationPayloadSchema.safeParse(row.payload);
  if (!parsed.success)
    return giveUp(tx, row, now, 'dead', 'the stored payload is not a notification Vigil can read');
  const payload = parsed.data;
  if (payload.reason === 'timer' && row.incident && escalationStopped(row.incident))
    return giveUp(tx, row, now, 'cancelled', 'not sent: the incident was acknowledged first', payload);
  const channel = options.channels.find((c) => c.name === row.channel);
  if (!channel)
    return giveUp(
      tx,
      row,
      now,
      'dead',
      `channel "${row.channel}" is no longer declared in VIGIL_CONFIG`,
      payload,
    );

  const attempt = row.attempts + 1;
  const event = { notificationId: row.id, channel: row.channel, level: payload.level.level, attempt };
  try {
    await (options.send ?? deliver)(channel, options.smtp, payload);
  } catch (error) {
    const message =
      error instanceof DeliveryError ? error.message : 'failed unexpectedly (see the server log)';
    if (!(error instanceof DeliveryError)) console.error(`[vigil] sending to ${row.channel} failed:`, error);
    const decision = retryDecision(attempt, options.retry);
    const retryAt = decision.kind === 'retry' ? new Date(now.getTime() + decision.afterSeconds * 1000) : null;
    await tx.notification.update({
      where: { id },
      data: {
        status: retryAt ? 'failed' : 'dead',
        attempts: attempt,
        lastError: message,
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      },
    });
    await timeline(tx, row.incidentId, now, {
      type: 'notification.failed',
      data: {
        ...event,
        error: message,
        ...(retryAt ? { retryAt: retryAt.toISOString() } : { final: true as const }),
      },
    });
    console.warn(
      `[vigil] ${levelLabel(payload.level)} notification to ${row.channel} for ${incidentLabel(payload.incident.number)} failed (attempt ${attempt}): ${message}; ${retryAt ? `retrying at ${retryAt.toISOString()}` : 'giving up'}`,
    );
    return retryAt ? 'failed' : 'dead';
  }
  await tx.notification.update({
    where: { id },
    data: { status: 'sent', attempts: attempt, sentAt: now, lastError: null },
  });
  await timeline(tx, row.incidentId, now, { type: 'notification.sent', data: event });
  return 'sent';
}

async function giveUp(
  tx: Tx,
  row: { id: string; incidentId: string | null; channel: string; attempts: number },
  now: Date,
  outcome: 'dead' | 'cancelled',
  reason: string,
  payload?: NotificationPayload,
): Promise<OutboxOutcome> {
  await tx.notification.update({ where: { id: row.id }, data: { status: 'dead', lastError: reason } });
  await timeline(tx, row.incidentId, now, {
    type: outcome === 'cancelled' ? 'notification.cancelled' : 'notification.failed',
    data: {
      notificationId: row.id,
      channel: row.channel,
      level: payload?.level.level ?? null,
      attempt: row.attempts,
      error: reason,
      final: true,
    },
  });
  return outcome;
}

async function timeline(tx: Tx, incidentId: string | null, at: Date, event: TimelineEvent): Promise<void> {
  if (incidentId) await recordEvent(tx, { ...event, incidentId, at });
}
