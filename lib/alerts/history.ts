import 'server-only';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/client';

/** One firing of an alert: resolved with its duration, or still firing (as far as Vigil knows). */
export type AlertHistoryEntry = {
  startsAt: string;
  endsAt: string | null;
  durationSeconds: number | null;
  status: 'firing' | 'resolved';
};

/**
 * The firings of one alert (by fingerprint, a hash of its labels), newest first, one entry per
 * `startsAt`, including the current one. Fed by the webhook and the poller (lib/incidents/alert-ingest.ts).
 *
 * @example await alertHistory('8d23ce3e214f1b65')
 *   → [{startsAt:'2026-11-21T08:09:08.465Z', endsAt:'2026-11-21T08:09:38.465Z', durationSeconds:30, status:'resolved'}]
 */
export async function alertHistory(fingerprint: string, limit = 20): Promise<AlertHistoryEntry[]> {
  return readAlertHistory(db(), fingerprint, limit);
}

/** alertHistory on a given client (tests pass their own database). */
export async function readAlertHistory(
  client: PrismaClient,
  fingerprint: string,
  limit = 20,
): Promise<AlertHistoryEntry[]> {
  const take = Math.min(Math.max(Math.trunc(limit), 0), 1000);
  if (take === 0) return [];
  // At most two rows (firing, resolved) per startsAt: 2 × limit rows hold at least `limit` firings.
  const rows = await client.alertEvent.findMany({
    where: { fingerprint },
    orderBy: [{ startsAt: 'desc' }, { status: 'asc' }],
    take: take * 2,
    select: { startsAt: true, endsAt: true, status: true },
  });
  const byStart = new Map<number, AlertHistoryEntry>();
  for (const row of rows) {
    const key = row.startsAt.getTime();
    const known = byStart.get(key);
    if (row.status === 'resolved') byStart.set(key, resolvedEntry(row.startsAt, row.endsAt));
    else if (!known)
      byStart.set(key, {
        startsAt: row.startsAt.toISOString(),
        endsAt: null,
        durationSeconds: null,
        status: 'firing',
      });
  }
  return [...byStart.values()].slice(0, take);
}

function resolvedEntry(startsAt: Date, endsAt: Date | null): AlertHistoryEntry {
  return {
    startsAt: startsAt.toISOString(),
    endsAt: endsAt?.toISOString() ?? null,
    // A resolved event always carries endsAt from Alertmanager; a missing one means "unknown", not 0.
    durationSeconds: endsAt ? Math.max(0, (endsAt.getTime() - startsAt.getTime()) / 1000) : null,
    status: 'resolved',
  };
}
