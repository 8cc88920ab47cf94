import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import { type Answer, type FaultWorld, startFaultWorld, summary } from './harness';

/**
 * Prometheus SIGKILLed mid-session: overview, targets and queries answer with its last data or a clear
 * 502, never a 500; started again (same command line, port and data), they recover.
 */

let world: FaultWorld;
let restarted: ChildProcess | undefined;

beforeAll(async () => {
  world = await startFaultWorld({ name: 'prometheus-down' });
});
afterAll(async () => {
  restarted?.kill('SIGKILL');
  await world?.stop();
});

/** A query no one asked before, so the chart cache cannot answer it. */
let n = 0;
const freshQuery = () => `/api/v1/query?query=${encodeURIComponent(`vector(${Date.now()}${n++})`)}`;

type Overview = {
  targets: { total: number };
  prometheus: { ok: boolean }[];
  banners: { upstream: string; message: string; hint?: string; ageSeconds?: number }[];
};

it('with Prometheus killed, overview, targets and query answer stale data or a 502 with a hint, and recover after a restart', async () => {
  const prom = world.stack.processes.find((p) => p.name === 'prometheus');
  if (!prom) throw new Error('no prometheus in the stack');
  // Its exact command line, to start it again the way the harness did.
  const argv = readFileSync(`/proc/${prom.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const cwd = readlinkSync(`/proc/${prom.pid}/cwd`);

  const targetsBefore = await waitFor(
    async () => {
      const answer = await world.api('/api/v1/targets');
      return answer.status === 200 && (answer.body as Overview['targets']).total > 0
        ? answer.body
        : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: 'targets in the console' },
  );
  const ok = await world.api(freshQuery());
  expect(ok.status, summary('query', ok)).toBe(200);

  world.kill('prometheus');
  const killedAt = Date.now();
  const overview = await waitFor(
    async () => {
      const answer = await world.api('/api/v1/overview');
      expect(answer.status, summary('/api/v1/overview', answer)).toBe(200);
      const body = answer.body as Overview;
      return body.banners.some((b) => b.upstream.startsWith('Prometheus')) ? body : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 250, what: 'a Prometheus banner on the overview' },
  );
  console.info(`[faults] Prometheus banner ${Date.now() - killedAt} ms after SIGKILL`);
  const banner = overview.banners.find((b) => b.upstream.startsWith('Prometheus'));
  expect(banner?.message).toMatch(/refused the connection|could not be reached/);
  expect(banner?.hint).toMatch(/PROMETHEUS_URL/);
  // The last good targets stay, with their age.
  expect(overview.targets.total).toBeGreaterThan(0);
  expect(banner?.ageSeconds).toBeGreaterThanOrEqual(0);

  const targets = await world.api('/api/v1/targets');
  expect(targets.status, summary('/api/v1/targets', targets)).toBe(200);
  expect(targets.body).toEqual(targetsBefore);

  const end = Math.floor(Date.now() / 1000);
  const down: [string, Answer][] = [];
  for (const path of [
    freshQuery(),
    `/api/v1/query?query=up&start=${end - 120}&end=${end}&step=7`,
    '/api/v1/panels/system/cpu?range=6h',
  ])
    down.push([path, await world.api(path)]);
  for (const [path, answer] of down) {
    console.info(`[faults] Prometheus down: ${summary(path, answer).slice(0, 240)}`);
    expect(answer.status, summary(path, answer)).not.toBe(500);
  }
  const [query] = down;
  expect(query?.[1].status).toBe(502);
  expect(query?.[1].body).toMatchObject({
    error: { source: 'prometheus', hint: expect.stringContaining('PROMETHEUS_URL') },
  });
  const health = await world.api('/api/health');
  expect(health.body).toMatchObject({ status: 'unhealthy', prometheus: 'down' });

  // Started again on the same port and data directory.
  const [command, ...args] = argv;
  const log = openSync(`${world.stack.dir}/logs/prometheus-restarted.log`, 'a');
  restarted = spawn(command as string, args, { cwd, stdio: ['ignore', log, log] });
  const restartedAt = Date.now();
  const recovered = await waitFor(
    async () => {
      const answer = await world.api(freshQuery());
      return answer.status === 200 ? answer : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: 'queries to work again' },
  );
  expect(recovered.body).toMatchObject({ type: 'vector' });
  await waitFor(
    async () => {
      const body = (await world.api('/api/v1/overview')).body as Overview;
      return body.banners.every((b) => !b.upstream.startsWith('Prometheus')) && body.prometheus[0]?.ok
        ? true
        : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: 'the Prometheus banner to go' },
  );
  console.info(`[faults] recovered ${Date.now() - restartedAt} ms after Prometheus was started again`);
  expect((await world.api('/api/health')).body).toMatchObject({ prometheus: 'up' });
});
