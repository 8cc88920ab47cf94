import 'server-only';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { runOutboxOnce } from '@/lib/notify/outbox';
import { syncEscalationPolicy } from './policy';
import { runEscalationOnce } from './scheduler';

/**
 * Starts escalation in this process (lib/server/startup.ts): writes the configured policy to the
 * database, then every poll interval raises the incidents that are due and sends the outbox. Every
 * instance runs it; row locks keep them from acting twice (scheduler.ts, outbox.ts).
 */

export type Loop = { stop(): Promise<void> };

/** Runs `tick` every `intervalMs`, never two at once; a failing tick is logged and the loop goes on. */
export function startLoop(intervalMs: number, tick: () => Promise<unknown>): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = tick()
      .then(() => undefined)
      .catch((error) => console.warn('[vigil] escalation pass failed; trying again next interval:', error))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

const KEY = Symbol.for('vigil.escalation');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

export async function startEscalation(): Promise<Loop> {
  const existing = store[KEY];
  if (existing) return existing;
  const { escalation, channels, smtp, pollIntervalSeconds } = config();
  await syncEscalationPolicy(db(), escalation.levels);
  const loop = startLoop(pollIntervalSeconds * 1000, async () => {
    await runEscalationOnce({ policy: escalation.levels });
    await runOutboxOnce({ channels, smtp });
  });
  store[KEY] = loop;
  return loop;
}
