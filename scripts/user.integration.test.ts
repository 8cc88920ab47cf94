import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { startEmbeddedPostgres } from '@/lib/db/embedded';

const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-user-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run user -- …` (package.json's command line) against the embedded database in dataDir. */
function userCli(args: string[], password?: string) {
  const tsx = path.join('node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, ['--conditions=react-server', 'scripts/user.ts', ...args], {
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

  it('creates, disables, enables and sets a password through the data layer, audited as the command line', async () => {
    expect(
      userCli(['create', '--email', 'bob@example.com', '--role', 'responder'], 'a-long-password-2').code,
    ).toBe(0);

    const disabled = userCli(['disable', 'Bob@Example.com']);
    expect(disabled).toMatchObject({
      code: 0,
      out: 'disabled bob@example.com: they cannot sign in, and their sessions and API tokens stop at their next request\n',
    });
    expect(userCli(['list']).out).toBe('bob@example.com\tresponder\tdisabled\nops@example.com\tadmin\n');
    const again = userCli(['disable', 'bob@example.com']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('bob@example.com is already disabled; nothing changed');

    // The console's last admin can be let back in from the server's shell.
    expect(userCli(['disable', 'ops@example.com']).code).toBe(0);
    expect(userCli(['enable', 'ops@example.com']).code).toBe(0);
    const enabled = userCli(['enable', 'bob@example.com']);
    expect(enabled).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^enabled bob@example.com: they can sign in/),
    });
    expect(userCli(['list']).out).toBe('bob@example.com\tresponder\nops@example.com\tadmin\n');
    expect(userCli(['enable', 'bob@example.com']).err).toContain(
      'bob@example.com is already enabled; nothing changed',
    );
    expect(userCli(['set-password', '--email', 'Bob@Example.com'], 'a-long-password-3')).toMatchObject({
      code: 0,
      out: 'password of Bob@Example.com changed\n',
    });

    const db = await startEmbeddedPostgres(dataDir);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT actor_id, actor_email, via, action, target, details, ip FROM audit_log
       WHERE action LIKE 'user.%' ORDER BY id`,
    );
    await client.end();
    await db.stop();
    const cli = { actor_id: null, actor_email: null, via: 'cli', ip: null };
    const details = { osUser: userInfo().username, host: hostname() };
    // One row per change: asking for the state an account is already in wrote nothing.
    expect(rows).toEqual([
      { ...cli, action: 'user.created', target: 'ops@example.com', details: { ...details, role: 'admin' } },
      {
        ...cli,
        action: 'user.created',
        target: 'bob@example.com',
        details: { ...details, role: 'responder' },
      },
      { ...cli, action: 'user.disabled', target: 'bob@example.com', details },
      { ...cli, action: 'user.disabled', target: 'ops@example.com', details },
      { ...cli, action: 'user.enabled', target: 'ops@example.com', details },
      { ...cli, action: 'user.enabled', target: 'bob@example.com', details },
      { ...cli, action: 'user.password_set', target: 'bob@example.com', details },
    ]);
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
    [
      ['set-password', '--email', 'nobody@example.com'],
      'another-password',
      'no user with the e-mail nobody@example.com',
    ],
    [['disable', 'nobody@example.com'], undefined, 'no user with the e-mail nobody@example.com'],
    [['enable', 'not-an-email'], undefined, 'email: Invalid email'],
    [['disable'], undefined, 'usage:'],
    [['disable', 'ops@example.com', 'bob@example.com'], undefined, 'usage:'],
    [['frobnicate'], undefined, 'usage:'],
  ])('%j fails clearly', (args, password, message) => {
    const result = userCli(args, password);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain(message);
  });
});
