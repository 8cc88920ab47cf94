import type { Silence } from '@/lib/alertmanager/schemas';

/**
 * Silence writes Vigil made itself (an acknowledgement's silence, or its expiry), remembered per cluster
 * for a while, so that a read of Alertmanager that began before a write cannot undo what the console
 * already shows. At 10,000 alerts a poll takes seconds of Alertmanager's time: without this, an alert
 * acknowledged while a poll was under way showed silenced, then firing again when that poll landed, until
 * the next one.
 */
export type OwnWrite = { silence: Silence; at: number };

/** Long past any read in flight (a read's deadline is at most a few minutes). */
const KEEP_MS = 10 * 60_000;

/**
 * `silences` as read from Alertmanager by a read that began at `readStartedAt`, with the writes made
 * since then in place of what the read saw of them (or added, when the read predates them). Pure.
 *
 *   withWrites([{id: 's1', state: 'active'}], [{silence: {id: 's1', state: 'expired'}, at: 20}], 10)
 *     → [{id: 's1', state: 'expired'}]
 *   withWrites([{id: 's1', state: 'active'}], [{silence: {id: 's1', state: 'expired'}, at: 5}], 10)
 *     → [{id: 's1', state: 'active'}]   (the read began after the write: it already holds it)
 */
export function withWrites(
  silences: readonly Silence[],
  writes: readonly OwnWrite[],
  readStartedAt: number,
): Silence[] {
  const later = new Map<string, Silence>();
  for (const w of writes) if (w.at >= readStartedAt) later.set(w.silence.id, w.silence);
  if (later.size === 0) return silences as Silence[];
  return [...silences.filter((s) => !later.has(s.id)), ...later.values()];
}

const KEY = Symbol.for('vigil.own-silence-writes');
const store = globalThis as unknown as Record<symbol, Map<string, OwnWrite[]> | undefined>;
const writesByCluster = () => {
  store[KEY] ??= new Map();
  return store[KEY];
};

/** Remembers silences just written to `cluster` (at `at`), forgetting writes older than ten minutes. */
export function recordOwnWrites(cluster: string, silences: readonly Silence[], at: number): void {
  const kept = (writesByCluster().get(cluster) ?? []).filter((w) => at - w.at < KEEP_MS);
  writesByCluster().set(cluster, [...kept, ...silences.map((silence) => ({ silence, at }))]);
}

/** The writes to `cluster` Vigil remembers (see withWrites). */
export function ownWrites(cluster: string): readonly OwnWrite[] {
  return writesByCluster().get(cluster) ?? [];
}
