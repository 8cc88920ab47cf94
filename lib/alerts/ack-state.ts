import 'server-only';
import { type AckMap, ackKey } from '@/lib/alerts/ack-overlay';
import { sharedValue } from '@/lib/cache/shared-value';
import { db } from '@/lib/db';

/**
 * The open acknowledgements, as the alerts list shows them ("acknowledged by ana since 03:12"). Read
 * from PostgreSQL at most once per second, and at once after an acknowledgement made by this process
 * (lib/cache/shared-value.ts), so every console shows an acknowledgement on its next refresh while a
 * busy alerts view costs one small query per second. Another Vigil instance's acknowledgement shows
 * within about a second.
 */

const acks = sharedValue<AckMap>({
  key: 'open-acks',
  maxAgeMs: 1000,
  initial: new Map(),
  load,
  same: sameAcks,
  what: 'the open acknowledgements (the alerts view shows the last known ones)',
});

/** The open acknowledgements; when the database fails, the last ones read (the alerts view keeps working). */
export const openAcks = (): Promise<AckMap> => acks.get();

/** After this process changed an acknowledgement: the next read goes to the database. */
export const invalidateAcks = (): void => acks.invalidate();

async function load(): Promise<AckMap> {
  const rows = await db().acknowledgement.findMany({
    where: { clearedAt: null },
    select: {
      cluster: true,
      fingerprint: true,
      createdAt: true,
      comment: true,
      user: { select: { email: true, name: true } },
    },
  });
  return new Map(
    rows.map((r) => [
      ackKey(r.cluster, r.fingerprint),
      { by: r.user.name || r.user.email, at: r.createdAt.toISOString(), comment: r.comment },
    ]),
  );
}

/** Keeping the same map object when nothing changed keeps the alerts list's overlay cache warm. */
function sameAcks(a: AckMap, b: AckMap): boolean {
  if (a.size !== b.size) return false;
  for (const [key, ack] of b) {
    const old = a.get(key);
    if (!old || old.by !== ack.by || old.at !== ack.at || old.comment !== ack.comment) return false;
  }
  return true;
}
