import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
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
  // A team's own board whose metric nobody exports: the panel must say what is missing.
  const configFile = path.join(stack.dir, 'vigil.yml');
  writeFileSync(
    configFile,
    [
      'panels:',
      '  - id: security',
      '    title: Security',
      '    panels:',
      '      - id: failed-logins',
      '        title: Failed logins',
      '        unit: perSecond',
      '        queries: [{ expr: "sum(rate(auth_failures_total[$__rate]))", legend: failed }]',
      '        requires: { metric: auth_failures_total, exporter: the auth service }',
    ].join('\n'),
  );
  server = await startVigilServer({
    port: port ?? 0,
    logFile: path.join(stack.dir, 'logs', 'vigil.log'),
    env: {
      ...vigilEnvFor(stack),
      VIGIL_CONFIG: configFile,
      VIGIL_POLL_INTERVAL_SECONDS: '2',
      VIGIL_UPSTREAM_TIMEOUT_SECONDS: '2',
    },
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

test("a team's own panel from VIGIL_CONFIG says which metric and exporter are missing", async ({ page }) => {
  await signIn(page, user, `${server.url}/`);
  await expect(page.getByRole('heading', { name: 'Security' })).toBeVisible();
  await expect(page.getByTestId('panel-security-failed-logins').getByTestId('panel-missing')).toHaveText(
    'No auth_failures_total series in Prometheus default: is the auth service running and scraped?',
  );
});

test('the query API passes PromQL through, validates input and reports Prometheus errors', async ({
  page,
}) => {
  await signIn(page, user, `${server.url}/`);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const api = page.request;
  // The first scrape of the down target may not have happened yet on a fresh stack.
  await expect
    .poll(
      async () =>
        (await api.get(`${server.url}/api/v1/query?query=${encodeURIComponent('up{job="api"}')}`)).json(),
      {
        timeout: 30_000,
      },
    )
    .toMatchObject({ type: 'vector', samples: [{ labels: { job: 'api' }, value: 0 }] });
  const end = Math.floor(Date.now() / 1000);
  const range = await api.get(`${server.url}/api/v1/query?query=up&start=${end - 60}&end=${end}&step=5`);
  expect((await range.json()).type).toBe('matrix');
  const invalid = await api.get(`${server.url}/api/v1/query?query=up&start=${end - 60}`);
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fields.start).toContain('needs start, end and step');
  const bad = await api.get(`${server.url}/api/v1/query?query=${encodeURIComponent('sum(up')}`);
  expect(bad.status()).toBe(502);
  expect((await bad.json()).error).toMatchObject({
    source: 'prometheus',
    message: expect.stringContaining('400'),
  });
});

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
