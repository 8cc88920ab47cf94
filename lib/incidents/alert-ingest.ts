import 'server-only';
import { type AlertEventInput, inKeyOrder } from '@/lib/alerts/alert-event';
import { invalidateIncidentLinks } from '@/lib/alerts/incident-links';
import {
  alertTransitions,
  firstPollAgainstStored,
  type PolledAlerts,
  type TrackedAlert,
} from '@/lib/alerts/transitions';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/client';
import { applyAlertEventsToIncidents } from '@/lib/incidents/auto-open';
import { reportLiveness } from '@/lib/liveness';
import { metrics } from '@/lib/metrics/registry';
import { storedOpenFirings } from './open-firings';

/**
 * Stores alert events (webhook notifications and poller transitions) in `alert_events`, idempotently:
 * Alertmanager resends every group_interval/repeat_interval, each HA peer may send, and the poller
 * reports the same changes, so a row is inserted only when its (fingerprint, startsAt, status) is new
 * (`INSERT … ON CONFLICT DO NOTHING` through createMany's skipDuplicates).
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
    autoOpen = null,
    group,
  }: {
    source: EventSource;
    client?: PrismaClient;
    timeoutMs?: number;
    /** The auto-incident policy (labels to match); null opens no incidents (the poller). */
    autoOpen?: Record<string, string> | null;
    /** The notification's groupKey: the alerts of one Alertmanager group open one incident. */
    group?: string;
  },
): Promise<StoreResult> {
  if (events.length === 0) return { received: 0, stored: 0, duplicates: 0 };
  const counter = metrics().alertEvents;
  let stored: number;
  try {
    const prisma = client ?? db();
    // One transaction covers Prisma splitting a very large batch into several INSERTs (PostgreSQL takes
    // at most 65,535 parameters per statement) and the incidents the events open or update
    // (lib/incidents/auto-open.ts): if opening an incident fails, nothing is stored and the webhook
    // answers 503, so Alertmanager sends the notification again.
    const insert = prisma.$transaction(
      async (tx) => {
        const result = await tx.alertEvent.createMany({
          data: inKeyOrder(events).map(toRow),
          skipDuplicates: true,
        });
        await applyAlertEventsToIncidents(tx, events, { autoOpen, group });
        return result;
      },
      { maxWait: timeoutMs, timeout: timeoutMs },
    );
    const result = await withDeadline(insert, timeoutMs);
    stored = result.count;
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

function toRow(event: AlertEventInput) {
  return {
    ...event,
    startsAt: new Date(event.startsAt),
    endsAt: event.endsAt === null ? null : new Date(event.endsAt),
  };
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
        ? alertTransitions(open, next, observedAt)
        : firstPollAgainstStored(await storedOpenFirings(client ?? db(), options.cluster), next, observedAt);
      // In batches with the event loop free in between: a first poll of 10,000 alerts stored as one
      // statement held requests up for most of a second while Prisma built and sent it. Each batch is
      // safe alone: a failed one is recomputed on the next poll and stored rows are skipped as duplicates.
      for (let i = 0; i < transitions.events.length; i += POLLER_BATCH) {
        await storeAlertEvents(transitions.events.slice(i, i + POLLER_BATCH), { source: 'poller', client });
        await new Promise<void>((resolve) => setImmediate(resolve));
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
