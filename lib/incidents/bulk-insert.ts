import 'server-only';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { yieldToEventLoop } from '@/lib/event-loop';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Many-row inserts as one statement over column arrays (`INSERT … SELECT * FROM unnest($1::text[], …)`),
 * for the paths that write hundreds of rows at once (webhook notifications, the poller's transitions,
 * incidents opened for a whole group). Prisma's query compiler (engineType "client") compiles every
 * `createMany` on the main thread with the rows inside the plan: 833 alert events took 230–810 ms of CPU
 * and blocked the event loop for up to 250 ms, the same rows here take 34–100 ms with at most 36 ms of
 * lag (measured with lib/db on embedded PostgreSQL, 2 cores under load). The SQL stays one short text
 * whatever the row count, and every value is a bound parameter.
 *
 * Rows go in slices of SLICE with the event loop free in between: the driver and Prisma still turn every
 * value of a slice into text on the main thread (0.04–0.12 ms a row), and a slice is the longest the
 * loop is held. The slices share the caller's transaction, so the write stays all or nothing.
 *
 * Times are written as UTC ISO strings into TIMESTAMP(3) columns, as Prisma writes them: PostgreSQL
 * ignores the `Z` of a zoned input for a column without a time zone, so the stored wall time is UTC.
 */

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

/** Rows per statement: 833 alert events measured 34–100 ms of CPU above, so a slice holds the loop 10–30 ms. */
const SLICE = 250;

/** Runs `write` on each slice of `rows` in order, yielding to the event loop between slices; sums the counts. */
async function inSlices<T>(
  rows: readonly T[],
  write: (slice: readonly T[]) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < rows.length; i += SLICE) {
    if (i > 0) await yieldToEventLoop();
    total += await write(rows.slice(i, i + SLICE));
  }
  return total;
}

const utc = (iso: string | Date) => (typeof iso === 'string' ? new Date(iso) : iso).toISOString();

/** Alert events in the given order, skipping keys already stored. Returns how many were new. */
export function insertAlertEvents(tx: Tx, events: readonly AlertEventInput[]): Promise<number> {
  return inSlices(events, (slice) => insertAlertEventSlice(tx, slice));
}

function insertAlertEventSlice(tx: Tx, events: readonly AlertEventInput[]): Promise<number> {
  const column = <T>(pick: (e: AlertEventInput) => T) => events.map(pick);
  return tx.$executeRaw`
    INSERT INTO alert_events
      (cluster, fingerprint, alertname, status, labels, annotations, starts_at, ends_at, receiver, group_key)
    SELECT * FROM unnest(
      ${column((e) => e.cluster)}::text[],
      ${column((e) => e.fingerprint)}::text[],
      ${column((e) => e.alertname)}::text[],
      ${column((e) => e.status)}::"AlertStatus"[],
      ${column((e) => JSON.stringify(e.labels))}::jsonb[],
      ${column((e) => JSON.stringify(e.annotations))}::jsonb[],
      ${column((e) => utc(e.startsAt))}::timestamp(3)[],
      ${column((e) => (e.endsAt === null ? null : utc(e.endsAt)))}::timestamp(3)[],
      ${column((e) => e.receiver)}::text[],
      ${column((e) => e.groupKey)}::text[])
    ON CONFLICT DO NOTHING`;
}

export type IncidentAlertRow = {
  incidentId: string;
  cluster: string;
  fingerprint: string;
  alertname: string;
  labels: Record<string, string>;
  startsAt: Date;
};

/** Links alerts to incidents, skipping links that exist. Returns how many were new. */
export function insertIncidentAlerts(
  tx: Tx,
  rows: readonly IncidentAlertRow[],
  addedAt = new Date(),
): Promise<number> {
  return inSlices(rows, (slice) => insertIncidentAlertSlice(tx, slice, addedAt));
}

function insertIncidentAlertSlice(tx: Tx, rows: readonly IncidentAlertRow[], addedAt: Date): Promise<number> {
  const column = <T>(pick: (r: IncidentAlertRow) => T) => rows.map(pick);
  return tx.$executeRaw`
    INSERT INTO incident_alerts (incident_id, cluster, fingerprint, alertname, labels, starts_at, added_at)
    SELECT *, ${utc(addedAt)}::timestamp(3) FROM unnest(
      ${column((r) => r.incidentId)}::text[],
      ${column((r) => r.cluster)}::text[],
      ${column((r) => r.fingerprint)}::text[],
      ${column((r) => r.alertname)}::text[],
      ${column((r) => JSON.stringify(r.labels))}::jsonb[],
      ${column((r) => utc(r.startsAt))}::timestamp(3)[])
    ON CONFLICT DO NOTHING`;
}

export type TimelineRow = {
  incidentId: string;
  type: string;
  at: Date;
  actorId: string | null;
  data: unknown;
};

/** Timeline rows in the given order (their ids follow it). */
export async function insertTimelineRows(tx: Tx, rows: readonly TimelineRow[]): Promise<void> {
  await inSlices(rows, (slice) => insertTimelineSlice(tx, slice));
}

function insertTimelineSlice(tx: Tx, rows: readonly TimelineRow[]): Promise<number> {
  const column = <T>(pick: (r: TimelineRow) => T) => rows.map(pick);
  return tx.$executeRaw`
    INSERT INTO timeline_events (incident_id, type, at, actor_id, data)
    SELECT * FROM unnest(
      ${column((r) => r.incidentId)}::text[],
      ${column((r) => r.type)}::text[],
      ${column((r) => utc(r.at))}::timestamp(3)[],
      ${column((r) => r.actorId)}::text[],
      ${column((r) => JSON.stringify(r.data))}::jsonb[])`;
}
