import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seedUsers } from '../scripts/seed-users';
import { freePorts } from '../scripts/stack/ports';
import { type Stack, startStack } from '../scripts/stack/start-stack';
import { startVigilServer, type VigilServer, vigilEnvFor } from '../scripts/vigil-server';
import { signIn } from './sign-in';

// Its own stack and console: this test kills upstreams, which the other tests need alive.
let stack: Stack;
let server: VigilServer;
const user = { email: 'faults@e2e.test', password: 'faults-password-e2e', role: 'viewer' as const };

test.beforeAll(async () => {
  const [port] = await freePorts(1);
  stack = await startStack({
    vigilUrl: `http://127.0.0.1:${port}`,
    webhookToken: randomBytes(24).toString('hex'),
  });
  await seedUsers(stack.databaseUrl, [user]);
  server = await startVigilServer({
    port: port ?? 0,
    logFile: path.join(stack.dir, 'logs', 'vigil.log'),
    env: { ...vigilEnvFor(stack), VIGIL_POLL_INTERVAL_SECONDS: '2', VIGIL_UPSTREAM_TIMEOUT_SECONDS: '2' },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await stack?.stop();
});

function kill(name: string) {
  const proc = stack.processes.find((p) => p.name === name);
  if (!proc) throw new Error(`no process ${name} in ${stack.processes.map((p) => p.name).join(', ')}`);
  process.kill(proc.pid, 'SIGKILL');
}

test('killing one Alertmanager peer, then Prometheus, leaves the overview working with clear banners', async ({
  page,
}) => {
  await signIn(page, user, `${server.url}/`);
  await expect(page.getByTestId('targets')).toContainText('api', { timeout: 30_000 });
  await expect(page.getByTestId('upstream-banner')).toHaveCount(0);

  kill('alertmanager-1');
  const peerBanner = page.getByTestId('upstream-banner').filter({ hasText: 'Alertmanager default peer 1' });
  await expect(peerBanner).toBeVisible({ timeout: 30_000 });
  await expect(peerBanner).toContainText('alerts come from the other peer');
  await expect(page.getByTestId('status-tiles')).toContainText('1/2 peers');

  kill('prometheus');
  const promBanner = page.getByTestId('upstream-banner').filter({ hasText: 'Prometheus' });
  await expect(promBanner).toBeVisible({ timeout: 30_000 });
  await expect(promBanner).toContainText('refused the connection');
  await expect(promBanner).toContainText(/Showing its last good data, \d+ s old/);
  // The last good targets are still listed.
  await expect(page.getByTestId('targets')).toContainText('api');

  // A reload is served from the snapshots: no error page.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('upstream-banner').filter({ hasText: 'Prometheus' })).toBeVisible();
  const health = await page.request.get(`${server.url}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({
    status: 'unhealthy',
    prometheus: 'down',
    alertmanager: 'degraded',
  });
});
