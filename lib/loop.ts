import { reportLiveness } from './liveness';

export type Loop = { stop(): Promise<void> };

/**
 * Runs `tick` now and then every `intervalMs` after the previous run ended, never two at once; a failing
 * tick is logged (as "<what> failed") and the loop goes on. The background jobs of every instance
 * (escalation, retention) run on it; stop() waits for a running tick. Each completed or failed tick is
 * reported to lib/liveness.ts under `what` (the outbound heartbeat reads it).
 */
export function startLoop(what: string, intervalMs: number, tick: () => Promise<unknown>): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = tick()
      .then(() => reportLiveness(what, true))
      .catch((error) => {
        reportLiveness(what, false);
        console.warn(`[vigil] ${what} failed; trying again next interval:`, error);
      })
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
