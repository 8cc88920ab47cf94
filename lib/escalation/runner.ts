import 'server-only';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { type Loop, startLoop } from '@/lib/loop';
import { runOutboxOnce } from '@/lib/notify/outbox';
import { syncEscalationPolicy } from './policy';
import { runEscalationOnce } from './scheduler';

/**
 * Starts escalation in this process (lib/server/startup.ts): writes the configured policy to the
 * database, then every poll interval raises the incidents that are due and sends the outbox. Every
 * instance runs it; row locks keep them from acting twice (scheduler.ts, outbox.ts).
 */

/** The loop's name in its failure message and in lib/liveness.ts (the outbound heartbeat reads it). */
export const ESCALATION_LOOP = 'escalation pass';

const KEY = Symbol.for('vigil.escalation');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

export async function startEscalation(): Promise<Loop> {
  const existing = store[KEY];
  if (existing) return existing;
  const { escalation, channels, smtp, pollIntervalSeconds } = config();
  await syncEscalationPolicy(db(), escalation.levels);
  const loop = startLoop(ESCALATION_LOOP, pollIntervalSeconds * 1000, async () => {
    await runEscalationOnce({ policy: escalation.levels });
    await runOutboxOnce({ channels, smtp });
  });
  store[KEY] = loop;
  return loop;
}
