import { z } from 'zod';
import { ProcessNotReadyError } from './errors.js';
import { logExcerpt, type ManagedProcess } from './processes.js';
import { StopWaitingError, waitFor } from './wait.js';

/** A single probe must not hang on a half-open socket. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Polls `url` until it answers 2xx. Gives up at once if the process exits
 * (a port clash, a rejected flag), and in every failure throws a
 * `ProcessNotReadyError` that carries the tail of the process's log.
 */
export async function waitUntilServing(proc: ManagedProcess, url: string, timeoutMs: number): Promise<void> {
  try {
    await waitFor(
      async () => {
        const exit = proc.exitStatus();
        if (exit !== undefined) throw new StopWaitingError(`${proc.name} exited (${exit})`);
        const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        // Only the status matters; exporters' /metrics bodies are large.
        await response.body?.cancel();
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return true;
      },
      { timeoutMs, intervalMs: 100, what: `${proc.name} at ${url}` },
    );
  } catch (error) {
    throw new ProcessNotReadyError(proc.name, [logExcerpt(proc.logFile)], error);
  }
}

const statusSchema = z.object({
  cluster: z.object({
    status: z.string(),
    peers: z.array(z.object({ name: z.string(), address: z.string() })).default([]),
  }),
});

/**
 * Polls GET /api/v2/status of every Alertmanager until each lists `expected`
 * peers (itself included), which takes ~1 s. The cluster then still reports
 * "settling" for ~10 s (the peer list must hold still for a few 2 s rounds)
 * and holds back notifications meanwhile; the API already works, so we do not
 * make every test pay for that wait.
 */
export async function waitForClusterPeers(
  peers: readonly { proc: ManagedProcess; url: string }[],
  timeoutMs: number,
): Promise<void> {
  const expected = peers.length;
  try {
    await waitFor(
      async () => {
        for (const { proc, url } of peers) {
          const exit = proc.exitStatus();
          if (exit !== undefined) throw new StopWaitingError(`${proc.name} exited (${exit})`);
          const response = await fetch(`${url}/api/v2/status`, {
            signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
          });
          const { cluster } = statusSchema.parse(await response.json());
          if (cluster.peers.length !== expected) {
            throw new Error(
              `${proc.name} sees ${cluster.peers.length} of ${expected} peers (cluster ${cluster.status})`,
            );
          }
        }
        return true;
      },
      { timeoutMs, intervalMs: 250, what: `an Alertmanager cluster of ${expected} peers` },
    );
  } catch (error) {
    throw new ProcessNotReadyError(
      'the Alertmanager cluster',
      peers.map(({ proc }) => logExcerpt(proc.logFile)),
      error,
    );
  }
}
