import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ackKey } from './ack-overlay';

/**
 * Which alerts flap, read from alert events stored in a real PostgreSQL (embedded, migrated like
 * production) with the default rule (4 changes in 1 h): HA duplicates count once, changes older than
 * the window do not count, and each cluster's alert is its own.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-flapping-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
});

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** An alert that fired and resolved in turn: firings start at, resolutions end at the given minutes ago. */
async function history(cluster: string, fingerprint: string, cycles: [number, number][]) {
  await db().alertEvent.createMany({
    data: cycles.flatMap(([fired, resolved]) => {
      const base = {
        cluster,
        fingerprint,
        alertname: 'Flappy',
        labels: { alertname: 'Flappy' },
        annotations: {},
        startsAt: minutesAgo(fired),
        receiver: 'vigil',
        groupKey: '{}',
      };
      return [
        { ...base, status: 'firing' as const, receivedAt: minutesAgo(fired) },
        {
          ...base,
          status: 'resolved' as const,
          endsAt: minutesAgo(resolved),
          receivedAt: minutesAgo(resolved),
        },
      ];
    }),
  });
}

describe('flapping alerts from stored history', () => {
  it('finds the alerts that fired and resolved four times within the hour, and only those', async () => {
    await history('eu', 'flappy', [
      [50, 45],
      [30, 25],
    ]);
    // Four changes, but two of them more than an hour ago.
    await history('eu', 'slow', [
      [90, 70],
      [30, 25],
    ]);
    // The same fingerprint in another cluster, three changes: its own alert, not flapping.
    await history('us', 'flappy', [[20, 10]]);
    await db().alertEvent.create({
      data: {
        cluster: 'us',
        fingerprint: 'flappy',
        alertname: 'Flappy',
        labels: {},
        annotations: {},
        status: 'firing',
        startsAt: minutesAgo(5),
        receiver: 'vigil',
        groupKey: '{}',
      },
    });
    const { flappingAlerts } = await import('./flapping-state');
    const flapping = await flappingAlerts();
    expect([...flapping.entries()]).toEqual([[ackKey('eu', 'flappy'), { changes: 4, windowSeconds: 3600 }]]);
  });
});
