import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { regexMatches } from '@/lib/alertmanager/matchers';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import {
  firstSlice,
  HISTORY_CASES,
  indexesOf,
  scanPlan,
  seedHistoryEvents,
} from '../../scripts/bench/history-seed';

/**
 * The history search over the benchmark's year of 1,000,000 events (seeded by generate_series): every
 * case's plan reads indexes, never the whole alert_events table, and the answers equal a brute-force
 * reading of the same rows. No timings here: the benchmark (scripts/bench/history.ts) measures them.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let searchHistory: typeof import('./search').searchHistory;
const NOW = new Date('2026-12-01T12:00:00.000Z');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-history-million-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  ({ searchHistory } = await import('./search'));
  expect(await seedHistoryEvents(db(), NOW)).toBe(1_000_000);
}, 600_000);

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Row = {
  fingerprint: string;
  startsAt: Date;
  status: string;
  endsAt: Date | null;
  labels: Record<string, string>;
};

// Read once (a million rows): every case filters the same events.
let allRows: Row[] | undefined;

/** Every firing overlapping the range whose labels match, computed the slow, obvious way. */
async function bruteForce(days: number, keep: (labels: Record<string, string>) => boolean) {
  const from = new Date(NOW.getTime() - days * 86_400_000);
  allRows ??= await db().$queryRaw<Row[]>`
    SELECT fingerprint, starts_at AS "startsAt", status::text AS status, ends_at AS "endsAt", labels
    FROM alert_events WHERE starts_at <= ${NOW}`;
  const rows = allRows;
  const firings = new Map<
    string,
    { fingerprint: string; startsAt: Date; endsAt: Date | null; labels: Row['labels'] }
  >();
  for (const r of rows) {
    const key = `${r.fingerprint}@${r.startsAt.getTime()}`;
    const known = firings.get(key);
    if (!known || r.status === 'resolved')
      firings.set(key, {
        fingerprint: r.fingerprint,
        startsAt: r.startsAt,
        endsAt: r.status === 'resolved' ? r.endsAt : null,
        labels: r.labels,
      });
  }
  return [...firings.values()]
    .filter((f) => (f.endsAt === null || f.endsAt >= from) && keep(f.labels))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.fingerprint < b.fingerprint ? 1 : -1))
    .map((f) => `${f.fingerprint}@${f.startsAt.toISOString()}`);
}

const keepOf: Record<(typeof HISTORY_CASES)[number]['filter'], (l: Record<string, string>) => boolean> = {
  '{alertname="Alert042"}': (l) => l.alertname === 'Alert042',
  '{instance=~"db-1.*"}': (l) => regexMatches('db-1.*', l.instance ?? ''),
  '{team="storage", instance=~"cache-1.*"}': (l) =>
    l.team === 'storage' && regexMatches('cache-1.*', l.instance ?? ''),
};

describe('history search on 1,000,000 events', () => {
  for (const c of HISTORY_CASES)
    it(`${c.name}: reads indexes only and answers what a full reading answers`, async () => {
      const plan = await scanPlan(db(), firstSlice(c.filter, c.days, NOW));
      expect(plan).not.toMatch(/Seq Scan on alert_events/);
      expect(indexesOf(plan).length).toBeGreaterThan(0);
      // A regex's literal start narrows the ordered walk of the range; it must not turn it into a
      // bitmap of every candidate of the year, sorted afterwards.
      if (c.filter.includes('=~'))
        expect(plan).toMatch(/Index Scan Backward using alert_events_starts_at_idx/);
      const from = new Date(NOW.getTime() - c.days * 86_400_000).toISOString();
      const answer = await searchHistory(
        db(),
        { filter: c.filter, from, to: NOW.toISOString(), limit: 200 },
        NOW,
      );
      const expected = (await bruteForce(c.days, keepOf[c.filter])).slice(0, 200);
      expect(answer.firings.map((f) => `${f.fingerprint}@${f.startsAt}`)).toEqual(
        answer.partial ? expected.slice(0, answer.firings.length) : expected,
      );
      expect(answer.firings.length).toBeGreaterThan(0);
    });

  it('continues from a cursor by seeking the index, not by reading the earlier pages again', async () => {
    const after = { startsAt: new Date('2026-06-01T00:00:00.000Z'), fingerprint: 'ffff' };
    const plan = await scanPlan(db(), { ...firstSlice('', 365, NOW), after });
    const seeks = plan
      .split('\n')
      .filter((line) => /Index Cond: .*starts_at <= '2026-06-01 00:00:00'/.test(line));
    expect(seeks.length).toBeGreaterThan(0);
    expect(plan).not.toMatch(/Seq Scan on alert_events/);
  });

  it('finds the firings still open, started before the range, through the open-firings set', async () => {
    const plan = await scanPlan(db(), firstSlice('', 0.001, NOW));
    expect(plan).toMatch(/alert_open_firings/);
    expect(plan).not.toMatch(/Seq Scan on alert_events/);
    // A range of the last 30 seconds: the 1,000 open firings overlap it, with the resolved ones that end in it.
    const from = new Date(NOW.getTime() - 30_000).toISOString();
    const open: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const answer = await searchHistory(
        db(),
        { filter: '', from, to: NOW.toISOString(), limit: 200, cursor },
        NOW,
      );
      open.push(...answer.firings.filter((f) => f.status === 'firing').map((f) => f.fingerprint));
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    expect(open).toHaveLength(1000);
  });
});
