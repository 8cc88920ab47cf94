import { Prisma } from '@/lib/generated/prisma/client';
import type { HistoryKey } from './cursor';
import type { PushedDown } from './pushdown';

// Not server-only: it runs nothing, and the benchmark (a plain Node script) EXPLAINs what it builds.

/** One slice of the scan: the range, where the previous slice ended, what the database filters. */
export type ScanSlice = {
  from: Date;
  to: Date;
  after: HistoryKey | undefined;
  pushed: Pick<PushedDown, 'labels' | 'alertname' | 'prefixes'>;
  limit: number;
};

/**
 * The SQL of one slice of the history scan (lib/history/scan.ts runs it; the benchmark and the plan test
 * EXPLAIN it): the next `limit` events of firings whose interval overlaps [from, to], in the search's
 * order (startsAt descending, fingerprint descending, a firing's two events adjacent), after `after`.
 * Three ordered parts merged by PostgreSQL (Merge Append), each on its own index so no part reads the
 * whole year:
 *   1. events that start inside the range (alert_events_starts_at_idx, or (alertname, starts_at));
 *   2. resolutions of firings that started before it and ended inside or after it (alert_events_ends_at_idx
 *      or starts_at, whichever the range makes smaller);
 *   3. firings that started before it and have no resolution (alert_open_firings, a small set).
 * Equality matchers narrow each part (`labels @>`, the GIN index), and a regex's literal start
 * (`starts_with`, a filter on the rows those indexes give); nothing here runs a user's regex.
 */
export function scanQuery(slice: ScanSlice): Prisma.Sql {
  const { from, to, limit } = slice;
  const where = narrowing(slice);
  const columns = Prisma.sql`e.cluster, e.fingerprint, e.alertname, e.status::text AS status, e.labels,
    e.starts_at AS "startsAt", e.ends_at AS "endsAt"`;
  const order = Prisma.sql`ORDER BY e.starts_at DESC, e.fingerprint DESC`;
  return Prisma.sql`
    SELECT * FROM (
      (SELECT ${columns} FROM alert_events e
        WHERE e.starts_at >= ${from} AND e.starts_at <= ${to} AND ${where}
        ${order} LIMIT ${limit})
      UNION ALL
      (SELECT ${columns} FROM alert_events e
        WHERE e.status = 'resolved' AND e.starts_at < ${from} AND e.ends_at >= ${from} AND ${where}
        ${order} LIMIT ${limit})
      UNION ALL
      (SELECT ${columns} FROM alert_open_firings o JOIN alert_events e ON e.id = o.event_id
        WHERE o.starts_at < ${from} AND ${where}
          AND NOT EXISTS (
            SELECT 1 FROM alert_events r
            WHERE r.fingerprint = e.fingerprint AND r.starts_at = e.starts_at AND r.status = 'resolved')
        ${order} LIMIT ${limit})
    ) AS e
    ORDER BY e."startsAt" DESC, e.fingerprint DESC, e.status DESC
    LIMIT ${limit}`;
}

/** The conditions every part shares: after the cursor, and what the matchers push down. */
function narrowing({ after, pushed }: ScanSlice): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (after)
    parts.push(
      // The plain bound on starts_at is what the indexes can seek to (the row comparison alone is only a
      // filter on them, which would read every earlier page again); the row comparison breaks ties.
      Prisma.sql`e.starts_at <= ${after.startsAt} AND (e.starts_at, e.fingerprint) < (${after.startsAt}, ${after.fingerprint})`,
    );
  if (pushed.alertname !== undefined) parts.push(Prisma.sql`e.alertname = ${pushed.alertname}`);
  if (Object.keys(pushed.labels).length > 0)
    parts.push(Prisma.sql`e.labels @> ${JSON.stringify(pushed.labels)}::jsonb`);
  // In a CASE, which the planner takes as a condition it knows nothing of (half the rows): it estimates
  // a bare starts_with on a JSON field as very selective, and then reads every event of the range that
  // the other conditions allow through a bitmap and sorts them, instead of walking the starts_at index
  // in order (on the benchmark's year of events, 1.1 s instead of 45 ms for one slice).
  for (const { name, prefix } of pushed.prefixes)
    parts.push(
      Prisma.sql`(CASE WHEN starts_with(e.labels ->> ${name}::text, ${prefix}::text) THEN TRUE ELSE FALSE END)`,
    );
  return Prisma.join(parts, ' AND ');
}
