import 'server-only';
import { sharedValue } from '@/lib/cache/shared-value';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { ackKey } from './ack-overlay';
import { flappingChanges } from './flapping';
import type { FlappingMap } from './flapping-overlay';

/**
 * Which alerts flap now, from the firings and resolutions Vigil stores (alert_events): read at most
 * every 30 s by one grouped query (PostgreSQL counts; only alerts over the threshold come back), so
 * any number of consoles cost one query per 30 s. A newly flapping alert shows within that time.
 */

const flapping = sharedValue<FlappingMap>({
  key: 'flapping',
  maxAgeMs: 30_000,
  initial: new Map(),
  load,
  same: sameFlapping,
  what: 'flapping alerts (showing the last known ones)',
});

/** The flapping alerts; when the database fails, the last ones read (the alerts view keeps working). */
export const flappingAlerts = (): Promise<FlappingMap> => flapping.get();

async function load(): Promise<FlappingMap> {
  const { windowSeconds, threshold } = config().flapping;
  const now = new Date();
  const since = new Date(now.getTime() - windowSeconds * 1000);
  // An event happens before it is received, so received_at (indexed) >= since keeps every change in
  // the window; the change time itself is the start of a firing or the end of a resolution.
  const rows = await db().$queryRaw<{ cluster: string; fingerprint: string; changes: Date[] }[]>`
    SELECT cluster, fingerprint,
           array_agg(DISTINCT CASE WHEN status = 'firing' THEN starts_at ELSE coalesce(ends_at, received_at) END) AS changes
    FROM alert_events
    WHERE received_at >= ${since}
      AND CASE WHEN status = 'firing' THEN starts_at ELSE coalesce(ends_at, received_at) END > ${since}
    GROUP BY cluster, fingerprint
    HAVING count(DISTINCT (status, starts_at)) >= ${threshold}`;
  const map = new Map<string, { changes: number; windowSeconds: number }>();
  for (const row of rows) {
    const changes = flappingChanges(row.changes, now, windowSeconds * 1000);
    if (changes >= threshold) map.set(ackKey(row.cluster, row.fingerprint), { changes, windowSeconds });
  }
  return map;
}

function sameFlapping(a: FlappingMap, b: FlappingMap): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of b) if (a.get(key)?.changes !== value.changes) return false;
  return true;
}
