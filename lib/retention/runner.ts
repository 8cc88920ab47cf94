import 'server-only';
import { config } from '@/lib/config/current';
import { type Loop, startLoop } from '@/lib/loop';
import { pruneSummary } from './plan';
import { pruneOnce } from './prune';

const HOUR_MS = 3_600_000;

const KEY = Symbol.for('vigil.retention');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

/**
 * Starts the pruner in this process (lib/server/startup.ts): a pass at start-up, then hourly. Every
 * instance runs it; the batches skip rows another instance holds (prune.ts).
 */
export function startRetention(): Loop {
  const existing = store[KEY];
  if (existing) return existing;
  const { retentionSeconds } = config();
  const loop = startLoop('retention pass', HOUR_MS, async () => {
    const outcomes = await pruneOnce({ periods: retentionSeconds });
    const line = pruneSummary(outcomes);
    if (line) console.info(`[vigil] retention: pruned ${line}`);
  });
  store[KEY] = loop;
  return loop;
}
