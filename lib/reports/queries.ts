import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The SQL behind the noise reports: each query returns only what its report shows, grouped in
 * PostgreSQL where that is natural (counts per alert name and week) and bounded where rows come back
 * one per event (LIMIT), so a year of a busy team's events never reaches Node as a year of rows.
 * Weeks are `date_trunc('week', local time)`: PostgreSQL applies the IANA zone's rules, and names the
 * week by its local Monday as lib/reports/weeks.ts does.
 */

export type Range = { from: Date; to: Date; zone: string };

/** At most this many rows of samples (incidents, acknowledged firings) per report. */
const MAX_SAMPLES = 50_000;

/**
 * The local Monday of a stored instant. Prisma keeps DateTime as `timestamp(3)` WITHOUT time zone,
 * holding UTC; `ts AT TIME ZONE zone` on such a value would read it AS zone's local time (the opposite
 * conversion), so it is first made an instant (`AT TIME ZONE 'UTC'`), then read in the zone.
 */
const week = (column: Prisma.Sql, zone: string) =>
  Prisma.sql`to_char(date_trunc('week', (${column} AT TIME ZONE 'UTC') AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;

/** Firings (a stored firing event is one firing: HA peers' copies were dropped at ingest) in range. */
const firingsIn = (range: Range, unacknowledged: boolean) => Prisma.sql`
  e.status = 'firing' AND e.starts_at >= ${range.from} AND e.starts_at < ${range.to}
  ${
    unacknowledged
      ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM acknowledgements a
                                   WHERE a.fingerprint = e.fingerprint AND a.alert_starts_at = e.starts_at)`
      : Prisma.empty
  }`;

export type NameTotal = { alertname: string; firings: number; lastSeen: Date; runbookUrl: string | null };

/**
 * Firings per alert name, most first. `runbookUrl` is one `runbook_url` annotation the name carried
 * (the greatest), for the runbook lookup (lib/runbooks/link.ts).
 */
export function alertnameTotals(range: Range, opts: { unacknowledged: boolean; limit: number }) {
  return db().$queryRaw<NameTotal[]>`
    SELECT e.alertname, count(*)::int AS firings, max(e.starts_at) AS "lastSeen",
           max(e.annotations->>'runbook_url') AS "runbookUrl"
    FROM alert_events e
    WHERE ${firingsIn(range, opts.unacknowledged)}
    GROUP BY e.alertname
    ORDER BY firings DESC, e.alertname
    LIMIT ${opts.limit}`;
}

export type WeekCount = { key: string; week: string; firings: number };

/** Firings per week of the given alert names. */
export function alertnameWeeks(range: Range, names: readonly string[], unacknowledged: boolean) {
  if (names.length === 0) return Promise.resolve([]);
  return db().$queryRaw<WeekCount[]>`
    SELECT e.alertname AS key, ${week(Prisma.sql`e.starts_at`, range.zone)} AS week, count(*)::int AS firings
    FROM alert_events e
    WHERE ${firingsIn(range, unacknowledged)} AND e.alertname = ANY(${[...names]})
    GROUP BY 1, 2`;
}

export type LabelSetTotal = {
  fingerprint: string;
  labels: Record<string, string>;
  firings: number;
  lastSeen: Date;
};

/** The label sets (an alert's fingerprint is its label set's hash) that fired most, with their labels. */
export function labelSetTotals(range: Range, limit: number) {
  return db().$queryRaw<LabelSetTotal[]>`
    WITH top AS (
      SELECT e.fingerprint, count(*)::int AS firings, max(e.starts_at) AS last_seen
      FROM alert_events e
      WHERE ${firingsIn(range, false)}
      GROUP BY e.fingerprint
      ORDER BY firings DESC, e.fingerprint
      LIMIT ${limit})
    SELECT top.fingerprint, top.firings, top.last_seen AS "lastSeen",
           (SELECT l.labels FROM alert_events l
            WHERE l.fingerprint = top.fingerprint AND l.starts_at = top.last_seen LIMIT 1) AS labels
    FROM top
    ORDER BY top.firings DESC, top.fingerprint`;
}

/** Firings per week of the given label sets (by fingerprint). */
export function fingerprintWeeks(range: Range, fingerprints: readonly string[]) {
  if (fingerprints.length === 0) return Promise.resolve([]);
  return db().$queryRaw<WeekCount[]>`
    SELECT e.fingerprint AS key, ${week(Prisma.sql`e.starts_at`, range.zone)} AS week, count(*)::int AS firings
    FROM alert_events e
    WHERE ${firingsIn(range, false)} AND e.fingerprint = ANY(${[...fingerprints]})
    GROUP BY 1, 2`;
}

export type FlappingCandidate = {
  cluster: string;
  fingerprint: string;
  labels: Record<string, string>;
  changes: Date[];
};

/** The alerts considered for the flapping report, and the changes of each it reads at most. */
const MAX_FLAPPING_ALERTS = 200;
const MAX_CHANGES_PER_ALERT = 10_000;

/**
 * Alerts with at least `threshold` state changes between `since` (the range's start less one window,
 * so a spell that began just before the range counts in full) and `to`: their distinct change times,
 * the most recent MAX_CHANGES_PER_ALERT. A change is a firing's start or a resolution's end, as the live
 * badge counts them (lib/alerts/flapping-state.ts).
 */
export function flappingCandidates(range: Range, windowSeconds: number, threshold: number) {
  const since = new Date(range.from.getTime() - windowSeconds * 1000);
  return db().$queryRaw<FlappingCandidate[]>`
    WITH changes AS (
      SELECT cluster, fingerprint,
             CASE WHEN status = 'firing' THEN starts_at ELSE coalesce(ends_at, received_at) END AS at
      FROM alert_events
      WHERE starts_at < ${range.to}),
    counted AS (
      SELECT cluster, fingerprint, count(DISTINCT at) AS n,
             (array_agg(DISTINCT at ORDER BY at DESC))[1:${Prisma.raw(String(MAX_CHANGES_PER_ALERT))}] AS changes
      FROM changes
      WHERE at >= ${since} AND at < ${range.to}
      GROUP BY cluster, fingerprint
      HAVING count(DISTINCT at) >= ${threshold}
      ORDER BY n DESC, cluster, fingerprint
      LIMIT ${MAX_FLAPPING_ALERTS})
    SELECT c.cluster, c.fingerprint, c.changes,
           (SELECT l.labels FROM alert_events l
            WHERE l.fingerprint = c.fingerprint AND l.cluster = c.cluster LIMIT 1) AS labels
    FROM counted c
    ORDER BY c.n DESC, c.cluster, c.fingerprint`;
}

export type IncidentSample = {
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  route: string | null;
  team: string | null;
  alertname: string | null;
};

/** Incidents opened in range, with their route, team and first alert's name (null when declared). */
export function incidentSamples(range: Range) {
  return db().$queryRaw<IncidentSample[]>`
    SELECT i.opened_at AS "openedAt", i.acknowledged_at AS "acknowledgedAt", i.resolved_at AS "resolvedAt",
           r.name AS route, t.name AS team,
           (SELECT ia.alertname FROM incident_alerts ia WHERE ia.incident_id = i.id
            ORDER BY ia.added_at, ia.alertname LIMIT 1) AS alertname
    FROM incidents i
    LEFT JOIN routes r ON r.id = i.route_id
    LEFT JOIN teams t ON t.id = i.team_id
    WHERE i.opened_at >= ${range.from} AND i.opened_at < ${range.to}
    ORDER BY i.opened_at
    LIMIT ${MAX_SAMPLES}`;
}

export type AckSample = { alertname: string; startsAt: Date; firstAck: Date };

/** Firings in range that someone acknowledged, with the first acknowledgement's time. */
export function alertAckSamples(range: Range) {
  return db().$queryRaw<AckSample[]>`
    SELECT e.alertname, e.starts_at AS "startsAt", min(a.created_at) AS "firstAck"
    FROM alert_events e
    JOIN acknowledgements a ON a.fingerprint = e.fingerprint AND a.alert_starts_at = e.starts_at
    WHERE ${firingsIn(range, false)}
    GROUP BY e.id, e.alertname, e.starts_at
    ORDER BY e.starts_at
    LIMIT ${MAX_SAMPLES}`;
}
