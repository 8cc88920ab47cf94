import 'server-only';
import type { ChannelConfig } from '@/lib/config/schema';
import { db } from '@/lib/db';
import type { NotificationStatus, Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import { recordEvent } from '@/lib/incidents/record-event';
import type { TimelineEvent } from '@/lib/incidents/timeline-events';
import { type Loop, startLoop } from '@/lib/loop';
import { escalationStopped } from './cancel';
import { reachedNobody } from './follow-ups';
import { createLimiter, type Limiter } from './limiter';
import { levelLabel, type NotificationPayload, notificationPayloadSchema } from './message';
import { type RetryPolicy, retryDecision } from './retry';
import { DeliveryError, deliver, SEND_DEADLINE_MS, type Smtp } from './send';

/**
 * The outbox worker: sends the notifications that escalations wrote, with retries. All state is in the
 * notifications table, so a restart loses nothing. It runs on its own loop (startOutbox), so an
 * escalation pass never waits on a receiver.
 *
 * Reminders to whoever acknowledged an incident (lib/escalation/reminders.ts) are sent the same way, and
 * cancelled at the claim when the incident is no longer acknowledged.
 *
 * A notification is sent in three steps:
 * 1. Claim, in a short transaction: the oldest due row of a channel is taken `FOR UPDATE SKIP LOCKED`
 *    (another instance skips it), then its incident's row is locked `FOR UPDATE` and the
 *    acknowledgement checked under that lock. An acknowledgement is a write to the same row, so it
 *    either committed before (the page is cancelled) or waits for the claim's commit (the page is
 *    already on its way, and the timeline shows it before the acknowledgement). A claimed row is
 *    leased: `next_attempt_at` and `locked_until` move past the send's hard deadline plus a margin, so
 *    no instance takes it again while it is being sent, and a crashed instance's row is due again
 *    when the lease ends.
 * 2. Send, outside any transaction (no database connection is held while a receiver answers), with at
 *    most PER_CHANNEL sends in flight per channel and a hard deadline for the whole exchange
 *    (send.ts): a stalled receiver holds only its own channel's slots, and only until the deadline.
 * 3. Record the result, in a transaction that updates the row only while the lease is still this
 *    send's (`locked_until` as a fencing token): sent, or failed with the next attempt, or dead.
 *
 * A page to a person (a row with `userId`, channel "email") goes to that user's e-mail address as it
 * is when sent, through the SMTP transport of e-mail channels; a person disabled meanwhile is not paged.
 *
 * Delivery is at least once: a crash between the receiver's answer and step 3 sends the message again
 * after the lease. A timer page of an incident no longer open, or of an earlier escalation round (the
 * incident was reopened since and pages its levels again), is cancelled, not sent. A responder's manual
 * escalation is sent regardless.
 */

type Tx = Prisma.TransactionClient;

export type OutboxOptions = {
  channels: readonly ChannelConfig[];
  smtp: Smtp;
  client?: PrismaClient;
  now?: () => Date;
  retry?: RetryPolicy;
  /** The send's hard deadline (tests shorten it). */
  deadlineMs?: number;
  /** Replaced in unit tests only; the integration tests use real receivers. */
  send?: typeof deliver;
  /** Retries of a page to a person (default PERSON_RETRY). */
  personRetry?: RetryPolicy;
  /**
   * Called, in the transaction that records the last failure and under the incident's row lock, when
   * every page of a level to a person has failed for good: escalation raises the next level at once
   * (lib/escalation/unreachable.ts, registered by the runner, as this layer cannot import it).
   */
  onLevelUnreachable?: (tx: Tx, level: UnreachableLevel, now: Date) => Promise<void>;
  /**
   * Sends a page to a person by one of their contact methods or push (lib/paging/send-page.ts,
   * registered at start-up: those modules sit above this one). Pages to an account's e-mail are sent
   * here; without this, a page by another method is given up.
   */
  sendToPerson?: (page: PersonPage, payload: NotificationPayload, deadlineMs: number) => Promise<void>;
};

/** A page to a person by a method other than their account's e-mail. */
export type PersonPage = {
  notificationId: string;
  userId: string;
  /** The method's kind ("slack", "ntfy", …) or "push". */
  channel: string;
  /** Null for push, or when the method was deleted after the page was queued. */
  contactMethodId: string | null;
};

/** A level of an incident's escalation whose people could not be reached. */
export type UnreachableLevel = { incidentId: string; level: number; round: number; people: string[] };

/**
 * A page to a person is tried three times over 40 s (10 s, then 30 s): a page that cannot be delivered
 * must move the escalation on while it still matters, not after the channels' 23 minutes.
 */
const PERSON_RETRY: RetryPolicy = { schedule: [10, 30], maxAttempts: 3 };

export type OutboxOutcome = 'sent' | 'failed' | 'dead' | 'cancelled';

/**
 * The kinds this worker sends: pages and notices of escalations, follow-ups to the people paged
 * (lib/escalation/follow-ups.ts) and reminders (lib/escalation/reminders.ts); a row of another kind is left for the code that wrote it.
 */
const KINDS = ['escalation', 'followup', 'reminder'];
/** Sends in flight per channel, per instance. */
export const PER_CHANNEL = 4;
/** How long past the send's deadline a claim stays this instance's (time to record the result). */
const LEASE_MARGIN_MS = 30_000;
/** How often the worker looks for due notifications. */
const OUTBOX_INTERVAL_MS = 1000;
const TX_OPTIONS = { maxWait: 5000, timeout: 15_000 } as const;

type Claim = {
  id: string;
  incidentId: string | null;
  /** The channel or the person's method, as the timeline names it ("sre-mail", "email", "ntfy"). */
  channelName: string;
  /** What is sent: a channel (a person's account e-mail is one), or a page by a person's own method. */
  target: { channel: ChannelConfig } | { person: PersonPage };
  payload: NotificationPayload;
  attempt: number;
  lease: Date;
  /** The person paged (display name), for a page to a person. */
  person?: string;
  /** For a page to a person: the outbox key, whose level prefix finds the level's other pages. */
  pageKey?: string;
};

/**
 * Starts the worker in this process (lib/escalation/runner.ts). Each tick claims as many due
 * notifications per channel as that channel has free slots and starts sending them without waiting;
 * stop() waits for the sends in flight.
 */
export function startOutbox(options: OutboxOptions, intervalMs = OUTBOX_INTERVAL_MS): Loop {
  const limiter = createLimiter(PER_CHANNEL);
  const sends = new Set<Promise<void>>();
  const loop = startLoop('outbox pass', intervalMs, () => dispatch(options, limiter, sends, () => {}));
  return {
    async stop() {
      await loop.stop();
      await Promise.allSettled([...sends]);
    },
  };
}

/** Sends everything due now (PER_CHANNEL at a time per channel) and returns what happened to each. */
export async function runOutboxOnce(options: OutboxOptions): Promise<OutboxOutcome[]> {
  const limiter = createLimiter(PER_CHANNEL);
  const sends = new Set<Promise<void>>();
  const outcomes: OutboxOutcome[] = [];
  const record = (outcome: OutboxOutcome) => outcomes.push(outcome);
  for (;;) {
    await dispatch(options, limiter, sends, record);
    if (sends.size === 0) return outcomes;
    await Promise.race(sends);
  }
}

/**
 * Claims due notifications up to each channel's free slots and starts their sends (added to `sends`,
 * removed when done); `record` hears each outcome, decided at the claim (cancelled, dead) or by a send.
 */
async function dispatch(
  options: OutboxOptions,
  limiter: Limiter,
  sends: Set<Promise<void>>,
  record: (outcome: OutboxOutcome) => void,
): Promise<void> {
  const client = options.client ?? db();
  const now = (options.now ?? (() => new Date()))();
  for (const name of await dueChannels(client, now)) {
    while (limiter.free(name) > 0) {
      let claimed: Claim | OutboxOutcome | null;
      try {
        claimed = await client.$transaction((tx) => claim(tx, name, now, options), TX_OPTIONS);
      } catch (error) {
        console.warn(`[vigil] claiming a notification to ${name} failed; retrying on the next pass:`, error);
        break;
      }
      if (claimed === null) break;
      if (typeof claimed === 'string') {
        record(claimed);
        continue;
      }
      const c = claimed;
      limiter.acquire(name);
      const send: Promise<void> = sendClaimed(client, c, options)
        .then(record, (error) =>
          console.warn(`[vigil] notification ${c.id}: recording the result failed:`, error),
        )
        .finally(() => {
          limiter.release(name);
          sends.delete(send);
        });
      sends.add(send);
    }
  }
}

/** The channels with due notifications (an index range scan, without locks). */
async function dueChannels(client: PrismaClient, now: Date): Promise<string[]> {
  const rows = await client.$queryRaw<{ channel: string }[]>`
    SELECT DISTINCT channel FROM notifications
    WHERE kind = ANY(${KINDS}) AND status IN ('pending', 'failed') AND next_attempt_at <= ${now}`;
  return rows.map((r) => r.channel);
}

/** Step 1: the oldest due row of `channel` that no one holds, checked under its incident's lock. */
async function claim(
  tx: Tx,
  channelName: string,
  now: Date,
  options: OutboxOptions,
): Promise<Claim | OutboxOutcome | null> {
  const [due] = await tx.$queryRaw<{ id: string; incident_id: string | null }[]>`
    SELECT id, incident_id FROM notifications
    WHERE kind = ANY(${KINDS}) AND channel = ${channelName} AND status IN ('pending', 'failed')
      AND next_attempt_at <= ${now}
    ORDER BY next_attempt_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  if (!due) return null;
  // Waits for an acknowledgement (or escalation) in progress on the incident, then sees its result.
  if (due.incident_id) await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${due.incident_id} FOR UPDATE`;
  const row = await tx.notification.findUniqueOrThrow({
    where: { id: due.id },
    include: {
      incident: { select: { status: true, escalationRound: true } },
      user: { select: { email: true, disabledAt: true } },
    },
  });
  const parsed = notificationPayloadSchema.safeParse(row.payload);
  if (!parsed.success)
    return giveUp(tx, row, now, 'dead', 'the stored payload is not a notification Vigil can read');
  const payload = parsed.data;
  if ((payload.reason === 'timer' || payload.reason === 'unreachable') && row.incident) {
    if (escalationStopped(row.incident))
      return giveUp(tx, row, now, 'cancelled', 'not sent: the incident was acknowledged first', payload);
    if (payload.round < row.incident.escalationRound)
      return giveUp(
        tx,
        row,
        now,
        'cancelled',
        'the incident was reopened since; its escalation starts again from L1',
        payload,
      );
  }
  // A later step of a person's own rules is moot once the incident is acknowledged, whatever raised it.
  if (payload.person?.afterSeconds && row.incident && escalationStopped(row.incident))
    return giveUp(tx, row, now, 'cancelled', 'not sent: the incident was acknowledged first', payload);
  // A reminder is about an incident still acknowledged; resolved or reopened meanwhile, it is moot.
  if (payload.reason === 'reminder' && row.incident && row.incident.status !== 'acknowledged')
    return giveUp(tx, row, now, 'cancelled', `not sent: the incident is ${row.incident.status} now`, payload);
  let target: Claim['target'] | undefined;
  if (payload.person) {
    if (!row.user || !row.userId)
      return giveUp(tx, row, now, 'dead', 'the person paged no longer exists', payload);
    if (row.user.disabledAt)
      return giveUp(tx, row, now, 'cancelled', 'not sent: their account was disabled first', payload);
    if (row.channel === 'email' && !row.contactMethodId)
      target = { channel: { name: row.channel, type: 'email', to: [row.user.email] } };
    else if (options.sendToPerson)
      target = {
        person: {
          notificationId: row.id,
          userId: row.userId,
          channel: row.channel,
          contactMethodId: row.contactMethodId,
        },
      };
    else return giveUp(tx, row, now, 'dead', `this instance cannot send by ${row.channel}`, payload);
  } else {
    const channel = options.channels.find((c) => c.name === row.channel);
    if (channel) target = { channel };
  }
  if (!target)
    return giveUp(
      tx,
      row,
      now,
      'dead',
      `channel "${row.channel}" is no longer declared in VIGIL_CONFIG`,
      payload,
    );
  const lease = new Date(now.getTime() + (options.deadlineMs ?? SEND_DEADLINE_MS) + LEASE_MARGIN_MS);
  const attempt = row.attempts + 1;
  await tx.notification.update({
    where: { id: row.id },
    data: { attempts: attempt, nextAttemptAt: lease, lockedUntil: lease },
  });
  return {
    id: row.id,
    incidentId: row.incidentId,
    channelName: row.channel,
    target,
    payload,
    attempt,
    lease,
    person: payload.person?.name,
    ...(row.userId && row.kind === 'escalation' && row.incidentId ? { pageKey: row.dedupeKey } : {}),
  };
}

/** Steps 2 and 3: sends under the deadline, then records the result if the lease is still ours. */
async function sendClaimed(client: PrismaClient, c: Claim, options: OutboxOptions): Promise<OutboxOutcome> {
  let error: string | null = null;
  try {
    const deadlineMs = options.deadlineMs ?? SEND_DEADLINE_MS;
    if ('channel' in c.target)
      await (options.send ?? deliver)(c.target.channel, options.smtp, c.payload, deadlineMs);
    else if (options.sendToPerson) await options.sendToPerson(c.target.person, c.payload, deadlineMs);
  } catch (e) {
    error = e instanceof DeliveryError ? e.message : 'failed unexpectedly (see the server log)';
    if (!(e instanceof DeliveryError)) console.error(`[vigil] sending to ${c.channelName} failed:`, e);
  }
  const now = (options.now ?? (() => new Date()))();
  const event = {
    notificationId: c.id,
    channel: c.channelName,
    level: c.payload.level.level,
    attempt: c.attempt,
    ...(c.person ? { person: c.person } : {}),
    ...followUpOf(c.payload),
  };
  const what = `${c.payload.notice ? 'follow-up' : `${levelLabel(c.payload.level)} notification`} to ${c.person ? `${c.person} by ${c.channelName}` : c.channelName} for ${incidentLabel(c.payload.incident.number)}`;
  return client.$transaction(async (tx) => {
    const ours = { id: c.id, lockedUntil: c.lease };
    if (error === null) {
      const { count } = await tx.notification.updateMany({
        where: ours,
        data: { status: 'sent', sentAt: now, lastError: null, lockedUntil: null },
      });
      if (count === 0) return leaseLost(what);
      await timeline(tx, c.incidentId, now, { type: 'notification.sent', data: event });
      return 'sent';
    }
    const decision = retryDecision(
      c.attempt,
      c.pageKey ? (options.personRetry ?? PERSON_RETRY) : options.retry,
    );
    const retryAt = decision.kind === 'retry' ? new Date(now.getTime() + decision.afterSeconds * 1000) : null;
    const { count } = await tx.notification.updateMany({
      where: ours,
      data: {
        status: retryAt ? 'failed' : 'dead',
        lastError: error,
        lockedUntil: null,
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      },
    });
    if (count === 0) return leaseLost(what);
    await timeline(tx, c.incidentId, now, {
      type: 'notification.failed',
      data: {
        ...event,
        error,
        ...(retryAt ? { retryAt: retryAt.toISOString() } : { final: true as const }),
      },
    });
    console.warn(
      `[vigil] ${what} failed (attempt ${c.attempt}): ${error}; ${retryAt ? `retrying at ${retryAt.toISOString()}` : 'giving up'}`,
    );
    if (!retryAt && c.pageKey && c.incidentId && options.onLevelUnreachable)
      await checkLevelReached(
        tx,
        { ...c, incidentId: c.incidentId, pageKey: c.pageKey },
        now,
        options.onLevelUnreachable,
      );
    return retryAt ? 'failed' : 'dead';
  }, TX_OPTIONS);
}

/**
 * After a person's page failed for good: when no page of that level to anyone was delivered or is still
 * to be tried, the level reached nobody. The incident's row is locked first, so two last failures
 * recorded at once see each other's.
 */
async function checkLevelReached(
  tx: Tx,
  c: Claim & { incidentId: string; pageKey: string },
  now: Date,
  onLevelUnreachable: NonNullable<OutboxOptions['onLevelUnreachable']>,
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${c.incidentId} FOR UPDATE`;
  // 'escalation:<incident>:[r2:][c1:]L2:user:<id>' → every person of that level, round and cycle.
  const levelPrefix = c.pageKey.slice(0, c.pageKey.indexOf(':user:') + 1);
  const pages = await tx.$queryRaw<{ status: NotificationStatus; person: string | null }[]>`
    SELECT status, payload->'person'->>'name' AS person FROM notifications
    WHERE incident_id = ${c.incidentId} AND kind = 'escalation' AND user_id IS NOT NULL
      AND starts_with(dedupe_key, ${`${levelPrefix}user:`})`;
  if (!reachedNobody(pages)) return;
  const people = [...new Set(pages.flatMap((p) => (p.person ? [p.person] : [])))];
  await onLevelUnreachable(
    tx,
    { incidentId: c.incidentId, level: c.payload.level.level, round: c.payload.round, people },
    now,
  );
}

/** The lease ran out before the result was written (the process stalled past it); the row is another's. */
function leaseLost(what: string): never {
  throw new Error(`the lease of the ${what} ran out before its result was recorded`);
}

async function giveUp(
  tx: Tx,
  row: { id: string; incidentId: string | null; channel: string; attempts: number },
  now: Date,
  outcome: 'dead' | 'cancelled',
  reason: string,
  payload?: NotificationPayload,
): Promise<OutboxOutcome> {
  await tx.notification.update({ where: { id: row.id }, data: { status: outcome, lastError: reason } });
  await timeline(tx, row.incidentId, now, {
    type: outcome === 'cancelled' ? 'notification.cancelled' : 'notification.failed',
    data: {
      notificationId: row.id,
      channel: row.channel,
      level: payload?.level.level ?? null,
      attempt: row.attempts,
      ...(payload?.person ? { person: payload.person.name } : {}),
      ...(payload ? followUpOf(payload) : {}),
      error: reason,
      final: true,
    },
  });
  return outcome;
}

/** How the timeline tells a follow-up or reminder apart from a page (nothing for a page). */
function followUpOf(p: NotificationPayload): { followUp?: 'acknowledged' | 'resolved' | 'reminder' } {
  if (!p.notice) return {};
  return { followUp: p.reason === 'reminder' ? 'reminder' : p.notice.status };
}

async function timeline(tx: Tx, incidentId: string | null, at: Date, event: TimelineEvent): Promise<void> {
  if (incidentId) await recordEvent(tx, { ...event, incidentId, at });
}
