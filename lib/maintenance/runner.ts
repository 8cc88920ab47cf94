import 'server-only';
import { type Loop, startLoop } from '@/lib/loop';
import { runMaintenanceOnce } from './scheduler';

const MINUTE_MS = 60_000;

const KEY = Symbol.for('vigil.maintenance');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

/**
 * Starts the maintenance-window pass in this process (lib/server/startup.ts): at start-up, then every
 * minute, so a silence is made within a minute of its lead time. Every instance runs it; the
 * occurrence rows make it create each silence once (scheduler.ts).
 */
export function startMaintenance(): Loop {
  const existing = store[KEY];
  if (existing) return existing;
  const loop = startLoop('maintenance windows', MINUTE_MS, async () => {
    const created = await runMaintenanceOnce();
    if (created.length > 0) console.info(`[vigil] maintenance silences created: ${created.join('; ')}`);
  });
  store[KEY] = loop;
  return loop;
}
