import 'server-only';
import { type AckMap, ackKey } from '@/lib/alerts/ack-overlay';
import { db } from '@/lib/db';

/**
 * The open acknowledgements, as the alerts list shows them ("acknowledged by ana since 03:12"). Read
 * from PostgreSQL at most once per second and at once after an acknowledgement made by this process,
 * so every console shows an acknowledgement on its next refresh while a busy alerts view costs one
 * small query per second. Another Vigil instance's acknowledgement shows within that second.
 */

const MAX_AGE_MS = 1000;
const EMPTY: AckMap = new Map();

type State = { map: AckMap; loadedAt: number; loading?: Promise<AckMap>; failing?: boolean };
const KEY = Symbol.for('vigil.ack-state');
const store = globalThis as unknown as Record<symbol, State | undefined>;
const state = (): State => {
  store[KEY] ??= { map: EMPTY, loadedAt: 0 };
  return store[KEY];
};

/**
 * The open acknowledgements. When the database fails, the last ones read are served (and the failure
 * logged): the alerts view must keep working during a database outage.
 */
export function openAcks(): Promise<AckMap> {
  const s = state();
  if (Date.now() - s.loadedAt < MAX_AGE_MS) return Promise.resolve(s.map);
  s.loading ??= load()
    .then(
      (map) => {
        s.failing = false;
        s.map = sameAcks(s.map, map) ? s.map : map;
        s.loadedAt = Date.now();
        return s.map;
      },
      (error: unknown) => {
        // Once per outage, not every second.
        if (!s.failing)
          console.warn(
            '[vigil] reading acknowledgements failed; the alerts view shows the last known ones:',
            error,
          );
        s.failing = true;
        s.loadedAt = Date.now();
        return s.map;
      },
    )
    .finally(() => {
      s.loading = undefined;
    });
  return s.loading;
}

/** After this process changed an acknowledgement: the next read goes to the database. */
export function invalidateAcks(): void {
  state().loadedAt = 0;
}

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
