import 'server-only';
import { config } from '@/lib/config/current';
import { ESCALATION_LOOP } from '@/lib/escalation/runner';
import { WEBHOOK_LIVENESS } from '@/lib/incidents/alert-ingest';
import { livenessOf } from '@/lib/liveness';
import { type Loop, startLoop } from '@/lib/loop';
import { sources } from '@/lib/snapshots/sources';
import { vigilHealth } from './vigil-health';

/**
 * A dead-man's switch for Vigil itself (healthchecks.io, Cronitor, Dead Man's Snitch…): every
 * interval, while its loops are healthy (vigil-health.ts), Vigil calls the configured URL with a GET;
 * the service pages when the calls stop. With `reportFailure`, an unhealthy Vigil calls `<url>/fail`
 * instead (healthchecks.io's "signal failure"), so the page comes at once rather than after the
 * service's grace time. The URL holds the service's secret: no log line shows any part of it.
 */

const CALL_TIMEOUT_MS = 10_000;

const KEY = Symbol.for('vigil.outbound-heartbeat');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

/** Once per process, when a heartbeat URL is configured. */
export function startOutboundHeartbeat(): void {
  const { pipelineWatch, pollIntervalSeconds } = config();
  const outbound = pipelineWatch.outboundHeartbeat;
  if (!outbound || store[KEY]) return;
  let lastProblems = '';
  let seenHealthy = false;
  const startedAt = Date.now();
  store[KEY] = startLoop('outbound heartbeat', outbound.intervalSeconds * 1000, async () => {
    const health = vigilHealth({
      now: Date.now(),
      pollIntervalSeconds,
      clusters: [...sources().clusters.values()].map((s) => {
        const view = s.view();
        return { name: view.name, updatedAt: view.updatedAt, periodSeconds: view.intervalSeconds };
      }),
      escalation: livenessOf(ESCALATION_LOOP),
      webhook: livenessOf(WEBHOOK_LIVENESS),
    });
    // Right after start-up the first poll and escalation pass are still running: withheld quietly.
    const starting = !seenHealthy && Date.now() - startedAt < pipelineWatch.startupGraceSeconds * 1000;
    seenHealthy ||= health.healthy;
    if (!health.healthy && starting) return;
    const problems = health.problems.join('; ');
    if (problems !== lastProblems)
      console.warn(
        problems
          ? `[vigil] outbound heartbeat withheld${outbound.reportFailure ? ' (calling <url>/fail)' : ''}: ${problems}`
          : '[vigil] outbound heartbeat resumed: every loop is healthy again',
      );
    lastProblems = problems;
    if (!health.healthy && !outbound.reportFailure) return;
    await call(health.healthy ? outbound.url : `${outbound.url}/fail`);
  });
}

async function call(url: string): Promise<void> {
  let status: number;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS), redirect: 'error' });
    await res.body?.cancel();
    status = res.status;
  } catch (error) {
    // The error's cause names the network failure; its message never carries the URL's path.
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new Error(`the outbound heartbeat URL did not answer (${cause}); check VIGIL_HEARTBEAT_URL`);
  }
  if (status >= 400)
    throw new Error(`the outbound heartbeat URL answered HTTP ${status}; check VIGIL_HEARTBEAT_URL`);
}
