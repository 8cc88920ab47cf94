import 'server-only';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { utcIso } from '@/lib/alerts/utc-iso';
import { yieldToEventLoop } from '@/lib/event-loop';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Many-row inserts as one statement over one JSON parameter (`INSERT … SELECT … FROM
 * jsonb_to_recordset($1::jsonb) AS r(column type, …)`), for the paths that write hundreds of rows at once
 * (webhook notifications, the poller's transitions, incidents opened for a whole group). The SQL stays
 * one short text whatever the row count, and every value is bound.
 *
 * Why one JSON text rather than Prisma's `createMany` or a column array per field: Prisma's query
 * compiler (engineType "client") runs on the main thread and handles every parameter value, and
 * `createMany` compiles every row into its plan (833 alert events: 230–810 ms of CPU, the event loop
 * held up to 250 ms). Column arrays cost the driver an escape and a quoted copy per value (node-postgres'
 * array serialiser), thousands of small strings per notification for the collector. One JSON text is
 * made by the native `JSON.stringify` and passes the compiler and the driver as a single string: 833
 * alert events through Prisma on embedded PostgreSQL took 26–48 ms of CPU with 0–6 ms of garbage
 * collection, against 35–72 ms with 7–16 ms as column arrays (12 rounds each, scripted).
 *
 * Rows go in slices of SLICE with the event loop free in between, and the slices share the caller's
 * transaction, so the write stays all or nothing.
 *
 * Times are written as UTC ISO strings into TIMESTAMP(3) columns, as Prisma writes them: PostgreSQL
 * ignores the zone of a zoned input for a column without a time zone, so the stored wall time is UTC.
 * Text must be well-formed (storable-text.ts): PostgreSQL's JSON input refuses a lone surrogate, which
 * `JSON.stringify` writes as an escape.
 */

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

/** Rows per statement: a slice of alert events holds the event loop about 10 ms (measured above). */
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

const utc = (time: string | Date) => (typeof time === 'string' ? utcIso(time) : time.toISOString());

/** Alert events in the given order, skipping keys already stored. Returns how many were new. */
export function insertAlertEvents(tx: Tx, events: readonly AlertEventInput[]): Promise<number> {
  return inSlices(events, (slice) => insertAlertEventSlice(tx, slice));
}

function insertAlertEventSlice(tx: Tx, events: readonly AlertEventInput[]): Promise<number> {
  const rows = events.map((e) => ({
    cluster: e.cluster,
    fingerprint: e.fingerprint,
    alertname: e.alertname,
    status: e.status,
    labels: e.labels,
    annotations: e.annotations,
    starts_at: utc(e.startsAt),
    ends_at: e.endsAt === null ? null : utc(e.endsAt),
    receiver: e.receiver,
    group_key: e.groupKey,
  }));
  return tx.$executeRaw`
    INSERT INTO alert_events
      (cluster, fingerprint, alertname, status, labels, annotations, starts_at, ends_at, receiver, group_key)
    SELECT cluster, fingerprint, alertname, status, labels, annotations, starts_at, ends_at, receiver, group_key
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      cluster text, fingerprint text, alertname text, status "AlertStatus", labels jsonb, annotations jsonb,
      starts_at timestamp(3), ends_at timestamp(3), receiver text, group_key text)
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
  const json = rows.map((r) => ({
    incident_id: r.incidentId,
    cluster: r.cluster,
    fingerprint: r.fingerprint,
    alertname: r.alertname,
    labels: r.labels,
    starts_at: utc(r.startsAt),
  }));
  return tx.$executeRaw`
    INSERT INTO incident_alerts (incident_id, cluster, fingerprint, alertname, labels, starts_at, added_at)
    SELECT incident_id, cluster, fingerprint, alertname, labels, starts_at, ${utc(addedAt)}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS r(
      incident_id text, cluster text, fingerprint text, alertname text, labels jsonb, starts_at timestamp(3))
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
  const json = rows.map((r) => ({
    incident_id: r.incidentId,
    type: r.type,
    at: utc(r.at),
    actor_id: r.actorId,
    data: r.data,
  }));
  // WITH ORDINALITY: the rows' ids follow their order in the list.
  return tx.$executeRaw`
    INSERT INTO timeline_events (incident_id, type, at, actor_id, data)
    SELECT r.incident_id, r.type, r.at, r.actor_id, r.data
    FROM jsonb_array_elements(${JSON.stringify(json)}::jsonb) WITH ORDINALITY AS e(row, position),
      jsonb_to_record(e.row) AS r(incident_id text, type text, at timestamp(3), actor_id text, data jsonb)
    ORDER BY e.position`;
}
