import { parseFilterSyntax } from '@/lib/alertmanager/filter-syntax';
import type { PrismaClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { splitMatchers } from '@/lib/history/pushdown';
import { type ScanSlice, scanQuery } from '@/lib/history/scan-sql';

/** Firings seeded: 499,500 resolved (2 events each) and 1,000 still firing, 1,000,000 events in all. */
const FIRINGS = 500_500;
const OPEN = 1000;

/**
 * A year of a busy team's alert events, made by PostgreSQL in one pass (generate_series), for the
 * history benchmark and its plan test: 1,000,000 events, one firing every 63 s going back a year, about
 * 200 alert names (Alert000…Alert199), 2,000 instances (db-N, web-N, node-N, cache-N) each with ~20 of
 * the names, 3 clusters, 4 severities, 5 teams, durations of 1 to 60 minutes; the 1,000 newest even
 * firings have no resolution (still firing). Resolutions go in first, so the open-firings trigger keeps
 * only those 1,000. Returns the number of events stored.
 */
export async function seedHistoryEvents(client: PrismaClient, now: Date): Promise<number> {
  const firings = `
    SELECT
      (ARRAY['eu','us','ap'])[1 + g % 3] AS cluster,
      'Alert' || lpad(((inst * 7 + abs(hashint4(g * 3)) % 20) % 200)::text, 3, '0') AS alertname,
      (ARRAY['db','web','node','cache'])[1 + inst % 4] || '-' || inst AS instance,
      (ARRAY['critical','warning','warning','info'])[1 + abs(hashint4(g * 5)) % 4] AS severity,
      (ARRAY['sre','db','web','storage','network'])[1 + inst % 5] AS team,
      $1::timestamp(3) - g * interval '63 seconds' AS starts_at,
      (60 + abs(hashint4(g * 11)) % 3540) * interval '1 second' AS duration,
      g <= ${2 * OPEN} AND g % 2 = 0 AS open
    FROM generate_series(1, ${FIRINGS}) AS g, LATERAL (SELECT abs(hashint4(g)) % 2000 AS inst) AS i`;
  const insert = (status: 'firing' | 'resolved', where: string) => `
    INSERT INTO alert_events
      (cluster, fingerprint, alertname, status, labels, annotations, starts_at, ends_at, receiver, group_key, received_at)
    SELECT cluster, substr(md5(cluster || '/' || alertname || '/' || instance), 1, 16), alertname, '${status}',
      jsonb_build_object('alertname', alertname, 'instance', instance, 'severity', severity, 'team', team,
        'job', split_part(instance, '-', 1)),
      '{}', starts_at, ${status === 'resolved' ? 'starts_at + duration' : 'NULL'}, 'bench', '{}',
      ${status === 'resolved' ? 'starts_at + duration' : 'starts_at'}
    FROM (${firings}) AS f WHERE ${where}`;
  const resolved = await client.$executeRawUnsafe(insert('resolved', 'NOT open'), now.toISOString());
  const firing = await client.$executeRawUnsafe(insert('firing', 'TRUE'), now.toISOString());
  await client.$executeRawUnsafe('ANALYZE alert_events');
  await client.$executeRawUnsafe('ANALYZE alert_open_firings');
  return resolved + firing;
}

/** PostgreSQL's plan (EXPLAIN, text) of one slice of the history scan. */
export async function scanPlan(client: PrismaClient, slice: ScanSlice): Promise<string> {
  const rows = await client.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${scanQuery(slice)}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** The indexes a plan reads, by name, e.g. ['alert_events_alertname_starts_at_idx', 'alert_open_firings_starts_at_idx']. */
export function indexesOf(plan: string): string[] {
  const names = [
    ...plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g),
  ];
  return [...new Set(names.map((m) => m[1] ?? ''))];
}

/** What the history benchmark times on the seeded year (and its plan test checks). */
export const HISTORY_CASES = [
  { name: 'alertname equality, 7 days', filter: '{alertname="Alert042"}', days: 7 },
  { name: 'regex label matcher, 30 days', filter: '{instance=~"db-1.*"}', days: 30 },
  { name: 'year-wide, equality and regex', filter: '{team="storage", instance=~"cache-1.*"}', days: 365 },
] as const;

/** The first slice a search of `filter` over the `days` before `now` reads. */
export function firstSlice(filter: string, days: number, now: Date): ScanSlice {
  const pushed = splitMatchers(parseFilterSyntax(filter).matchers);
  return {
    from: new Date(now.getTime() - days * 86_400_000),
    to: now,
    after: undefined,
    pushed,
    limit: 2000,
  };
}
