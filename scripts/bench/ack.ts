import { SYNTHETIC_FILTER } from './alert-generator';
import { poll, quantile } from './stats';

export type AckResult = { count: number; p50Ms: number; p95Ms: number; maxMs: number; failures: string[] };

/**
 * Acknowledges `count` synthetic alerts one after another through the API with the token, each timed
 * from the POST until its silence answers 200 and `active` on the first Alertmanager peer.
 */
export async function measureAcks(options: {
  vigilUrl: string;
  apiToken: string;
  alertmanagerUrl: string;
  count: number;
}): Promise<AckResult> {
  const auth = { authorization: `Bearer ${options.apiToken}` };
  const params = new URLSearchParams({
    filter: SYNTHETIC_FILTER,
    limit: String(options.count),
    group_by: '',
  });
  const res = await fetch(`${options.vigilUrl}/api/v1/alerts?${params}`, {
    headers: auth,
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as { alerts: { fingerprint: string; cluster: string }[] };
  const times: number[] = [];
  const failures: string[] = [];
  for (const alert of body.alerts) {
    const started = performance.now();
    const ack = await fetch(`${options.vigilUrl}/api/v1/alerts/${alert.fingerprint}/ack`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'bench' }),
      signal: AbortSignal.timeout(60_000),
    });
    if (ack.status !== 201) {
      failures.push(`${alert.fingerprint}: ${ack.status} ${await ack.text()}`);
      continue;
    }
    const { silenceId } = (await ack.json()) as { silenceId: string | null };
    if (!silenceId) {
      failures.push(`${alert.fingerprint}: acknowledged without a silence`);
      continue;
    }
    await poll(
      `silence ${silenceId} on ${options.alertmanagerUrl}`,
      async () => {
        const s = await fetch(`${options.alertmanagerUrl}/api/v2/silence/${silenceId}`, {
          signal: AbortSignal.timeout(60_000),
        });
        if (!s.ok) return undefined;
        const silence = (await s.json()) as { status: { state: string } };
        return silence.status.state === 'active' ? true : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 5 },
    );
    times.push(performance.now() - started);
  }
  return {
    count: times.length,
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: Math.max(...times),
    failures,
  };
}
