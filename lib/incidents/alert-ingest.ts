import 'server-only';
import { type AlertEventInput, inKeyOrder, POLLER_RECEIVER } from '@/lib/alerts/alert-event';
import { invalidateIncidentLinks } from '@/lib/alerts/incident-links';
import {
  alertTransitionsInSlices,
  firstPollAgainstStoredInSlices,
  type PolledAlerts,
  type TrackedAlert,
} from '@/lib/alerts/transitions';
import { utcIso } from '@/lib/alerts/utc-iso';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/client';
import { yieldToEventLoop } from '@/lib/event-loop';
import { applyAlertEventsToIncidents } from '@/lib/incidents/auto-open';
import { insertAlertEvents } from '@/lib/incidents/bulk-insert';
import { reportLiveness } from '@/lib/liveness';
import { metrics } from '@/lib/metrics/registry';
import { storedOpenFirings } from './open-firings';
import { eventKey, recentEvents } from './recent-events';
import { createWorkQueue } from './work-queue';

/**
 * Stores alert events (webhook notifications and poller transitions) in `alert_events`, idempotently:
 * Alertmanager resends every group_interval/repeat_interval, each HA peer may send, and the poller
 * reports the same changes, so a row is inserted only when its (fingerprint, startsAt, status) is new
 * (one `INSERT … ON CONFLICT DO NOTHING` over column arrays, bulk-insert.ts).
 */

export type EventSource = 'webhook' | 'poller';

/** The name the webhook's stores report under in lib/liveness.ts (the outbound heartbeat reads it). */
export const WEBHOOK_LIVENESS = 'webhook store';

/** `received` events, of which `stored` were new and `duplicates` were already there. */
export type StoreResult = { received: number; stored: number; duplicates: number };

/**
 * PostgreSQL did not take the events: nothing of them is stored (one transaction). The webhook answers
 * 503 with Retry-After, and Alertmanager retries until it gets a 2xx.
 */
export class AlertStoreError extends Error {
  readonly retryAfterSeconds = 10;
  constructor(
    readonly events: number,
    cause: unknown,
  ) {
    super(
      `PostgreSQL did not store ${events} alert event(s) (${summarise(cause)}); nothing was written. Check that the database is up (GET /api/health).`,
      { cause },
    );
    this.name = 'AlertStoreError';
  }
}

/**
 * A deadline on the insert, so a database that hangs (rather than refusing) does not hold Alertmanager's
 * request or the poll loop. If the insert commits after the deadline anyway, the retry it caused is
 * simply a duplicate.
 */
const STORE_TIMEOUT_MS = 10_000;

/**
 * Inserts the events in one transaction, skipping those already stored. Throws AlertStoreError when the
 * database fails (nothing is then written).
 *
 * @example await storeAlertEvents(webhookAlertEvents(notification, 'default'), { source: 'webhook' })
 *   → {received: 1, stored: 0, duplicates: 1}   // the other peer's copy arrived first
 */
export async function storeAlertEvents(
  events: readonly AlertEventInput[],
  {
    source,
    client,
    timeoutMs = STORE_TIMEOUT_MS,
    autoOpen = false,
    group,
  }: {
    source: EventSource;
    client?: PrismaClient;
    timeoutMs?: number;
    /** Open incidents for the alerts whose route auto-opens (lib/routing); false (the poller) opens none. */
    autoOpen?: boolean;
    /** The notification's groupKey: the alerts of one Alertmanager group open one incident. */
    group?: string;
  },
): Promise<StoreResult> {
  if (events.length === 0) return { received: 0, stored: 0, duplicates: 0 };
  const counter = metrics().alertEvents;
  const recent = recentEvents();
  let stored: number;
  try {
    const prisma = client ?? db();
    // Events this process committed lately are in the table already (recent-events.ts): only the
    // others are inserted. The incident effects apply to all of them, as they did.
    const fresh = events.filter((event) => !recent.has(event));
    // One transaction covers the insert and the incidents the events open or update
    // (lib/incidents/auto-open.ts): if opening an incident fails, nothing is stored and the webhook
    // answers 503, so Alertmanager sends the notification again.
    const insert = prisma.$transaction(
      async (tx) => {
        const count = fresh.length > 0 ? await insertAlertEvents(tx, inKeyOrder(fresh)) : 0;
        await applyAlertEventsToIncidents(tx, events, { autoOpen, group });
        return count;
      },
      { maxWait: timeoutMs, timeout: timeoutMs },
    );
    stored = await withDeadline(insert, timeoutMs);
    recent.add(events);
    // The events may have opened an incident or added alerts to one.
    invalidateIncidentLinks();
  } catch (error) {
    counter.inc({ source, outcome: 'failed' }, events.length);
    if (source === 'webhook') reportLiveness(WEBHOOK_LIVENESS, false);
    throw new AlertStoreError(events.length, error);
  }
  if (source === 'webhook') reportLiveness(WEBHOOK_LIVENESS, true);
  counter.inc({ source, outcome: 'stored' }, stored);
  counter.inc({ source, outcome: 'duplicate' }, events.length - stored);
  return { received: events.length, stored, duplicates: events.length - stored };
}

/**
 * Webhook notifications are stored WEBHOOK_CONCURRENCY at a time per process. A flood arrives many times
 * over: every HA peer sends each group, to every receiver routed to Vigil (10,000 new alerts were 48
 * notifications of 833 at once here). Run all at once, the copies queue on each other's uncommitted
 * rows while holding the pool's connections, past the 10 s deadline, so every one answered 503 and the
 * retries repeated the flood. In turn, the first copy does the work and the others find it done
 * (alreadyStoredByWebhook), with connections left for escalation and acknowledgements. One at a time
 * rather than two: ingestion was as fast (npm run bench: 3,054 alerts/s against 2,984), and one
 * PostgreSQL backend busy instead of two leaves the event-loop thread a core while 10,000 alerts arrive
 * (on the 2-core bench machine its worst lag reading while they arrived fell from 50 ms to under
 * 29 ms, one run each).
 */
const WEBHOOK_CONCURRENCY = 1;
const webhookQueue = createWorkQueue(WEBHOOK_CONCURRENCY);

/**
 * A webhook notification's events: stored through the webhook queue, or answered at once as duplicates
 * when a webhook notification already stored every one of them (its incident effects were applied in
 * that same transaction). Events the poller stored first still go through storeAlertEvents, since the
 * poller opens no incidents.
 */
export function storeWebhookEvents(
  events: readonly AlertEventInput[],
  options: { autoOpen: boolean; group: string; client?: PrismaClient },
): Promise<StoreResult> {
  return webhookQueue.run(async () => {
    const client = options.client ?? db();
    if (events.length > 0 && (await alreadyStoredByWebhook(client, events).catch(() => false))) {
      metrics().alertEvents.inc({ source: 'webhook', outcome: 'duplicate' }, events.length);
      reportLiveness(WEBHOOK_LIVENESS, true);
      return { received: events.length, stored: 0, duplicates: events.length };
    }
    return storeAlertEvents(events, { source: 'webhook', ...options });
  });
}

async function alreadyStoredByWebhook(client: PrismaClient, events: readonly AlertEventInput[]) {
  // One per key of the table's unique constraint: two spellings of one start are one row there.
  const keys = [...new Map(events.map((e) => [eventKey(e), e])).values()];
  const [row] = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM alert_events a
    JOIN unnest(
      ${keys.map((e) => e.fingerprint)}::text[],
      ${keys.map((e) => utcIso(e.startsAt))}::timestamp(3)[],
      ${keys.map((e) => e.status)}::"AlertStatus"[]
    ) AS k(fingerprint, starts_at, status)
      ON a.fingerprint = k.fingerprint AND a.starts_at = k.starts_at AND a.status = k.status
    WHERE a.receiver <> ${POLLER_RECEIVER}`;
  return row?.n === keys.length;
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The line of a driver error that says what happened: Prisma puts it last, after the call site.
 *
 * @example "\nInvalid `prisma.alertEvent.createMany()` invocation:\n\n\nCan't reach database server at 127.0.0.1:5432"
 *   (code P1001) → "P1001: Can't reach database server at 127.0.0.1:5432"
 */
function summarise(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown };
  const lines = String(e?.message ?? error)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines.at(-1) ?? 'unknown error';
  return typeof e?.code === 'string' && !last.includes(e.code) ? `${e.code}: ${last}` : last;
}

/**
 * The post-poll hook of one Alertmanager cluster (registered in lib/server/poll-hooks.ts): records the transitions between the
 * alerts it last recorded and each new poll (rules in transitions.ts). It only moves on once the events
 * are stored: after a database failure the next poll is compared with the same alerts again, so a
 * transition seen during an outage is recorded when the database is back (with the time the poller
 * then observes for an end).
 *
 * The first poll of a process is compared with the firings the database holds open (open-firings.ts),
 * not with nothing: an alert that resolved while Vigil was down (its webhook message lost) is recorded
 * resolved at that poll, unless a peer that may hold it is down (then at the first poll every peer
 * answers) or it was stored in the last minute (then at the next poll, if gone).
 */
export function transitionRecorder(options: {
  cluster: string;
  client?: () => PrismaClient;
  now?: () => number;
  log?: (line: string) => void;
}): (previous: unknown, next: PolledAlerts) => Promise<void> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.warn(`[vigil] ${line}`));
  let open: TrackedAlert[] | undefined;
  let failures = 0;
  return async (_previous, next) => {
    const client = options.client?.();
    let nextOpen: TrackedAlert[];
    try {
      const observedAt = new Date(now()).toISOString();
      const transitions = open
        ? await alertTransitionsInSlices(open, next, observedAt)
        : await firstPollAgainstStoredInSlices(
            await storedOpenFirings(client ?? db(), options.cluster),
            next,
            observedAt,
          );
      // In batches with the event loop free in between: a first poll of 10,000 alerts stored as one
      // statement held requests up for most of a second while Prisma built and sent it. Each batch is
      // safe alone: a failed one is recomputed on the next poll and stored rows are skipped as duplicates.
      for (let i = 0; i < transitions.events.length; i += POLLER_BATCH) {
        await storeAlertEvents(transitions.events.slice(i, i + POLLER_BATCH), { source: 'poller', client });
        await yieldToEventLoop();
      }
      nextOpen = transitions.open;
    } catch (error) {
      // Once per outage, not on every poll.
      if (failures++ === 0)
        log(`recording alert transitions failed, retrying on every poll: ${message(error)}`);
      return;
    }
    if (failures > 0) log(`recording alert transitions works again after ${failures} failed poll(s)`);
    failures = 0;
    open = nextOpen;
  };
}

/** Alert events the poller stores per transaction. */
const POLLER_BATCH = 500;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
