import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { startEmbeddedPostgres } from '@/lib/db/embedded';

const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-user-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run user -- …` against the embedded database in dataDir. */
function userCli(args: string[], password?: string) {
  const result = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/user.ts', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      VIGIL_DATA_DIR: dataDir,
      ...(password ? { VIGIL_PASSWORD: password } : {}),
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run user', () => {
  it('creates users with a hashed password on a fresh embedded database, and lists them', async () => {
    const created = userCli(['create', '--email', 'Ops@Example.com', '--role', 'admin'], 'a-long-password-1');
    expect(created.err).toContain('applied migration');
    expect(created).toMatchObject({ code: 0, out: 'created ops@example.com (admin)\n' });

    expect(userCli(['list']).out).toBe('ops@example.com\tadmin\n');

    const db = await startEmbeddedPostgres(dataDir);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT password_hash FROM users WHERE email = $1', [
      'ops@example.com',
    ]);
    await client.end();
    await db.stop();
    expect(rows[0].password_hash).not.toContain('a-long-password-1');
    expect(await verifyPassword('a-long-password-1', rows[0].password_hash)).toBe(true);
  });

  it.each([
    [
      ['create', '--email', 'ops@example.com', '--role', 'viewer'],
      'another-password',
      'a user with that e-mail already exists',
    ],
    [['create', '--email', 'x@example.com', '--role', 'root'], 'another-password', 'role: Invalid option'],
    [['create', '--email', 'not-an-email', '--role', 'viewer'], 'another-password', 'email: Invalid email'],
    [['create', '--email', 'y@example.com', '--role', 'viewer'], 'short', 'at least 12 characters'],
    [['create', '--email', 'z@example.com', '--role', 'viewer'], undefined, 'set VIGIL_PASSWORD'],
    [['set-password', '--email', 'nobody@example.com'], 'another-password', 'no user with that e-mail'],
    [['frobnicate'], undefined, 'usage:'],
  ])('%j fails clearly', (args, password, message) => {
    const result = userCli(args, password);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain(message);
  });
});
