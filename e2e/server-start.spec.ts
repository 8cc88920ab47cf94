import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeUpstream } from '../scripts/fake-upstream';
import { freePorts } from '../scripts/stack/ports';
import { startVigilServer } from '../scripts/vigil-server';

const NEXT = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

/** Starts `next start` and resolves with its exit code and output once it exits by itself. */
/** A console with an embedded database in dataDir and upstreams that do not answer. */
const embeddedEnv = (dataDir: string) => ({
  VIGIL_DATA_DIR: dataDir,
  DATABASE_URL: '',
  PROMETHEUS_URL: 'http://127.0.0.1:9',
  ALERTMANAGER_URLS: 'http://127.0.0.1:9',
  AUTH_SECRET: 's'.repeat(32),
  VIGIL_WEBHOOK_TOKEN: 'w'.repeat(24),
});

function runUntilExit(
  env: Record<string, string>,
  port: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXT, 'start', '-H', '127.0.0.1', '-p', String(port)], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    });
  });
}

test('a bad variable stops the server with a message naming it and what is expected', async () => {
  const [port] = await freePorts(1);
  const { code, output } = await runUntilExit(
    {
      PROMETHEUS_URL: 'prometheus:9090',
      ALERTMANAGER_URLS: 'http://127.0.0.1:9093',
      AUTH_SECRET: 'too-short',
      VIGIL_WEBHOOK_TOKEN: 'w'.repeat(24),
    },
    port ?? 0,
  );
  expect(code).toBe(1);
  expect(output).toContain('Vigil cannot start: invalid configuration');
  expect(output).toContain('PROMETHEUS_URL must be an http(s) URL such as http://prometheus:9090');
  expect(output).toContain('AUTH_SECRET must be at least 32 characters');
  expect(output).not.toContain('too-short');
});

test('another server answering on the chosen port does not pass for the console', async () => {
  // As Prometheus once did in CI, after the kernel gave the console's unheld port to the stack.
  const squatter = await startFakeUpstream({ kind: 'answer', status: 200, body: '{"status":"success"}' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-e2e-squatted-'));
  try {
    const start = startVigilServer({
      port: Number(new URL(squatter.url).port),
      env: embeddedEnv(dataDir),
      logFile: path.join(dataDir, 'vigil.log'),
    });
    await expect(start).rejects.toThrow(/next start exited with 1[\s\S]*EADDRINUSE/);
  } finally {
    await squatter.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('without DATABASE_URL the server runs an embedded PostgreSQL, keeps its data, and stops it on exit', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-e2e-embedded-'));
  const env = embeddedEnv(dataDir);
  try {
    for (const run of [1, 2]) {
      const [port] = await freePorts(1);
      const server = await startVigilServer({
        port: port ?? 0,
        env,
        logFile: path.join(dataDir, `vigil-${run}.log`),
      });
      // Its upstreams do not answer, so Vigil reports itself unhealthy, but the database is up.
      const res = await fetch(`${server.url}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unhealthy', database: 'up', prometheus: 'down' });
      const postmaster = Number(
        readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      await server.stop();
      // PostgreSQL does not die with its parent: Vigil must have stopped it.
      await expect.poll(() => alive(postmaster), { timeout: 15_000 }).toBe(false);
      const log = readFileSync(path.join(dataDir, `vigil-${run}.log`), 'utf8');
      if (run === 1) expect(log).toContain('applying migration');
      else expect(log).not.toContain('applying migration'); // same data: already migrated
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('GitHub and OIDC sign-in are offered only when configured', async ({ request, page }) => {
  // The shared test server has neither.
  expect(Object.keys(await (await request.get('/api/auth/providers')).json())).toEqual(['credentials']);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-e2e-providers-'));
  const [port] = await freePorts(1);
  const server = await startVigilServer({
    port: port ?? 0,
    logFile: path.join(dataDir, 'vigil.log'),
    env: {
      ...embeddedEnv(dataDir),
      AUTH_GITHUB_ID: 'gh-client',
      AUTH_GITHUB_SECRET: 'gh-secret',
      AUTH_OIDC_ISSUER: 'http://127.0.0.1:9/realms/ops',
      AUTH_OIDC_ID: 'oidc-client',
      AUTH_OIDC_SECRET: 'oidc-secret',
      AUTH_OIDC_NAME: 'Company SSO',
    },
  });
  try {
    const providers = await (await fetch(`${server.url}/api/auth/providers`)).json();
    expect(Object.keys(providers).sort()).toEqual(['credentials', 'github', 'oidc']);
    await page.goto(`${server.url}/signin`);
    await expect(page.getByRole('button', { name: 'Sign in with GitHub' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in with Company SSO' })).toBeVisible();
    expect(await page.content()).not.toContain('gh-secret');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
