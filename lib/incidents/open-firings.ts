import 'server-only';
import { z } from 'zod';
import type { StoredFiring } from '@/lib/alerts/transitions';
import type { PrismaClient } from '@/lib/db/client';

/**
 * The firings of one cluster that `alert_events` still holds open: per fingerprint, its latest event
 * (latest startsAt; at the same start a resolution sorts before its firing) when that is a firing.
 * What the poller compares its first poll with after a start (lib/incidents/alert-ingest.ts), so that
 * nothing resolved while Vigil was down stays open. Read once per process and cluster: a scan of the
 * cluster's events along the (fingerprint, starts_at, status) index.
 *
 * @example await storedOpenFirings(prisma, 'default')
 *   → [{cluster:'default', fingerprint:'8d23ce3e214f1b65', labels:{…}, annotations:{…}, startsAt:'2026-11-21T08:09:08.465Z', receivedAt:'2026-11-21T08:09:09.120Z'}]
 */
export async function storedOpenFirings(client: PrismaClient, cluster: string): Promise<StoredFiring[]> {
  const rows = await client.$queryRaw<unknown[]>`
    SELECT fingerprint, labels, annotations, starts_at AS "startsAt", received_at AS "receivedAt"
    FROM (
      SELECT DISTINCT ON (fingerprint) fingerprint, labels, annotations, starts_at, status, received_at
      FROM alert_events
      WHERE cluster = ${cluster}
      ORDER BY fingerprint, starts_at DESC, status DESC
    ) AS latest
    WHERE status = 'firing'`;
  return z
    .array(rowSchema)
    .parse(rows)
    .map((row) => ({ cluster, ...row }));
}

const text = z.record(z.string(), z.string());

const rowSchema = z.object({
  fingerprint: z.string(),
  labels: text,
  annotations: text,
  startsAt: z.date().transform((d) => d.toISOString()),
  receivedAt: z.date().transform((d) => d.toISOString()),
});
