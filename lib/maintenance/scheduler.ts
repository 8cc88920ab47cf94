import 'server-only';
import { getSilences, postSilence } from '@/lib/alertmanager/client';
import { writeWithFailover } from '@/lib/alertmanager/cluster';
import { parseSilenceMatchers } from '@/lib/alertmanager/silence-matchers';
import { auditSystem } from '@/lib/audit';
import { config } from '@/lib/config/current';
import type { AlertmanagerCluster } from '@/lib/config/load';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import { storedOccurrences } from './occurrences';
import { occurrenceMarker, silenceComment, timingOf } from './window-text';

/**
 * Creates each maintenance window's Alertmanager silences ahead of its occurrences, from every Vigil
 * instance at once without duplicates:
 * 1. plan: the occurrences starting within each window's lead time (or running now) get a row per
 *    cluster; the row's unique key (window, cluster, start) lets every instance insert, and one row win;
 * 2. claim: an instance leases rows without a silence (`locked_until`, taken with SKIP LOCKED), so one
 *    instance calls Alertmanager per row;
 * 3. create: the silence's comment names the occurrence, and before posting the instance looks for a
 *    silence with that name, so an instance that died between Alertmanager's answer and its own write
 *    does not leave a second silence behind when another takes the row over after the lease.
 * A failure is kept on the row (`last_error`, shown on the silences page) and retried after the lease.
 */

const LEASE_MS = 60_000;
const MAX_PER_PASS = 50;

type Claimed = { id: string; windowId: string; cluster: string; startsAt: Date; endsAt: Date };

export type MaintenanceRunOptions = {
  client?: PrismaClient;
  now?: Date;
  clusters?: readonly AlertmanagerCluster[];
};

/** One pass; returns the silences this instance created, as "<window> @ <cluster> <start ISO>". */
export async function runMaintenanceOnce(options: MaintenanceRunOptions = {}): Promise<string[]> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const clusters = options.clusters ?? config().alertmanagers;
  await planOccurrences(client, now, clusters);
  const created: string[] = [];
  for (const row of await claim(client, now)) {
    const cluster = clusters.find((c) => c.name === row.cluster);
    const line = await createSilenceFor(client, row, cluster, now);
    if (line) created.push(line);
  }
  return created;
}

async function planOccurrences(client: PrismaClient, now: Date, clusters: readonly AlertmanagerCluster[]) {
  const windows = await client.maintenanceWindow.findMany({ where: { pausedAt: null } });
  const rows = windows.flatMap((w) => {
    const targets = w.clusters.length > 0 ? w.clusters : clusters.map((c) => c.name);
    const ahead = new Date(now.getTime() + w.leadSeconds * 1000);
    return storedOccurrences({ ...timingOf(w), name: w.name }, now, ahead).flatMap((o) =>
      targets.map((cluster) => ({ windowId: w.id, cluster, startsAt: o.start, endsAt: o.end })),
    );
  });
  if (rows.length > 0) await client.maintenanceOccurrence.createMany({ data: rows, skipDuplicates: true });
}

function claim(client: PrismaClient, now: Date): Promise<Claimed[]> {
  return client.$queryRaw<Claimed[]>`
    UPDATE maintenance_occurrences SET locked_until = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT id FROM maintenance_occurrences
      WHERE silence_id IS NULL AND ends_at > ${now} AND (locked_until IS NULL OR locked_until < ${now})
      ORDER BY starts_at
      LIMIT ${MAX_PER_PASS}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, window_id AS "windowId", cluster, starts_at AS "startsAt", ends_at AS "endsAt"`;
}

async function createSilenceFor(
  client: PrismaClient,
  row: Claimed,
  cluster: AlertmanagerCluster | undefined,
  now: Date,
): Promise<string | null> {
  const window = await client.maintenanceWindow.findUnique({ where: { id: row.windowId } });
  if (!window) return null;
  try {
    if (!cluster)
      throw new Error(
        `there is no Alertmanager cluster "${row.cluster}" any more; edit the window's clusters`,
      );
    const peers = alertmanagerPeerTargets(cluster);
    const marker = occurrenceMarker(row.id);
    const { result: existing } = await writeWithFailover(peers, (p) => getSilences(p));
    const found = existing.find((s) => s.state !== 'expired' && s.comment.includes(marker));
    const silenceId =
      found?.id ??
      (
        await writeWithFailover(peers, (p) =>
          postSilence(p, {
            matchers: parseSilenceMatchers(window.matchers),
            // Alertmanager starts a silence whose start has passed at once.
            startsAt: row.startsAt.toISOString(),
            endsAt: row.endsAt.toISOString(),
            createdBy: `Vigil maintenance: ${window.name}`,
            comment: silenceComment(window.comment, window.name, row.id),
          }),
        )
      ).result;
    await client.$transaction(async (tx) => {
      await tx.maintenanceOccurrence.update({
        where: { id: row.id },
        data: { silenceId, lockedUntil: null, lastError: null },
      });
      await auditSystem(tx, 'maintenance.silence_created', `${row.cluster}/${silenceId}`, {
        window: window.name,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
      });
    });
    return `${window.name} @ ${row.cluster} ${row.startsAt.toISOString()}`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(
      `[vigil] maintenance window "${window.name}": silence for ${row.startsAt.toISOString()} in ${row.cluster} failed; retrying in a minute: ${message}`,
    );
    await client.maintenanceOccurrence.update({
      where: { id: row.id },
      data: { lastError: message.slice(0, 1000), lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    return null;
  }
}
