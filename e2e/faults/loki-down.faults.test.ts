import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePorts } from '../../scripts/stack/ports';
import { waitFor } from '../../scripts/stack/wait';
import { type FaultWorld, fireAlerts, startFaultWorld, summary, waitForAlerts } from './harness';

/** LOKI_URL points at a port nobody listens on: logs say so, health reports Loki down, the rest works. */

let world: FaultWorld;
let lokiUrl: string;

beforeAll(async () => {
  const [closed] = await freePorts(1);
  lokiUrl = `http://127.0.0.1:${closed}`;
  world = await startFaultWorld({ name: 'loki-down', env: () => ({ LOKI_URL: lokiUrl }) });
});
afterAll(async () => {
  await world?.stop();
});

it('with Loki unreachable, alert logs answer a clear error, health reports loki down, and nothing else breaks', async () => {
  await fireAlerts(world.stack.alertmanagerUrls, [{ alertname: 'FaultLokiDown', job: 'faults-loki' }]);
  const listed = await waitForAlerts(world, 'job="faults-loki"', 1);
  const fingerprint = listed.alerts[0]?.fingerprint as string;

  const logs = await world.api(`/api/v1/alerts/${fingerprint}/logs`);
  console.info(`[faults] ${summary('alert logs', logs)}`);
  expect(logs.status, summary('alert logs', logs)).not.toBe(500);
  const body = logs.body as { status?: string; message?: string; hint?: string; error?: { message: string } };
  const said = JSON.stringify(body);
  expect(logs.status === 502 || body.status === 'error', said).toBe(true);
  expect(said).toMatch(/refused the connection|could not be reached/);
  expect(said).toContain(new URL(lokiUrl).host);

  const recent = await world.api(`/api/v1/logs?query=${encodeURIComponent('{job="faults-loki"}')}`);
  console.info(`[faults] ${summary('/api/v1/logs', recent)}`);
  expect(recent.status, summary('/api/v1/logs', recent)).not.toBe(500);
  expect(recent.text).toMatch(/refused the connection|could not be reached/);

  const health = await waitFor(
    async () => {
      const answer = await world.api('/api/health');
      return (answer.body as { loki?: string }).loki === 'down' ? answer : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 250, what: '/api/health to report loki down' },
  );
  // Loki is optional: the console stays healthy without it.
  expect(health.status, summary('/api/health', health)).toBe(200);
  expect(health.body).toMatchObject({
    status: 'healthy',
    database: 'up',
    prometheus: 'up',
    alertmanager: 'up',
  });
  const upstreams = (await world.api('/api/v1/upstreams')).body as {
    upstreams: { kind: string; ok: boolean; detail: string }[];
  };
  expect(upstreams.upstreams.find((u) => u.kind === 'loki')).toMatchObject({
    ok: false,
    detail: expect.stringMatching(/could not be reached|refused/),
  });

  for (const path of [
    '/api/v1/alerts',
    `/api/v1/alerts/${fingerprint}`,
    '/api/v1/overview',
    '/api/v1/silences',
  ]) {
    const answer = await world.api(path);
    expect(answer.status, summary(path, answer)).toBe(200);
  }
  const overview = (await world.api('/api/v1/overview')).body as {
    loki: { configured: boolean; ready?: boolean };
    banners: { upstream: string; level: string }[];
  };
  expect(overview.loki).toMatchObject({ configured: true, ready: false });
});
