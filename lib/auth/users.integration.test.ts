import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { hashPassword } from './password';
import { verifyCredentials } from './users';

/**
 * The sign-in limits as the sign_in_attempts table really counts them (embedded PostgreSQL, migrated like
 * production): a stranger failing on purpose slows strangers down but cannot lock the owner out of a
 * known address, and one address failing on an e-mail does not block that e-mail elsewhere.
 */

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const EMAIL = 'owner@example.com';
const PASSWORD = 'owner-password-long-enough';
const HOME = '192.0.2.10';

let dataDir: string;
let server: EmbeddedDatabase;

const attempt = (ip: string, password = 'a-wrong-password') => verifyCredentials(EMAIL, password, ip);
const outcome = async (ip: string, password?: string) => {
  const result = await attempt(ip, password);
  return result.ok ? 'ok' : result.reason;
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-sign-in-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  await db().user.create({
    data: { email: EMAIL, role: 'viewer', passwordHash: await hashPassword(PASSWORD) },
  });
});

afterAll(async () => {
  await db().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await db().$executeRawUnsafe('TRUNCATE sign_in_attempts RESTART IDENTITY');
  // The owner has signed in from home before: home is a known address.
  expect(await outcome(HOME, PASSWORD)).toBe('ok');
});

describe('verifyCredentials limits', () => {
  it('lets the owner in from a known address while strangers fail on the e-mail from many addresses', async () => {
    for (let i = 1; i <= 5; i++) for (let n = 0; n < 2; n++) await attempt(`198.51.100.${i}`);
    // Ten failures on the e-mail: a new address waits, even with the right password…
    expect(await outcome('203.0.113.99', PASSWORD)).toBe('rate_limited');
    // …and the owner at home gets in.
    expect(await outcome(HOME, PASSWORD)).toBe('ok');
  });

  it('blocks one address after 5 failures on the e-mail, not the e-mail from elsewhere', async () => {
    for (let n = 0; n < 5; n++) expect(await outcome('198.51.100.7')).toBe('invalid');
    expect(await outcome('198.51.100.7', PASSWORD)).toBe('rate_limited');
    expect(await outcome('203.0.113.5', PASSWORD)).toBe('ok');
    expect(await outcome(HOME, PASSWORD)).toBe('ok');
  });

  it('blocks even a known address after 5 failures of its own', async () => {
    for (let n = 0; n < 5; n++) await attempt(HOME);
    expect(await outcome(HOME, PASSWORD)).toBe('rate_limited');
  });

  it('does not record refused attempts, so a blocked attacker cannot grow the table', async () => {
    for (let n = 0; n < 8; n++) await attempt('198.51.100.8');
    expect(await db().signInAttempt.count({ where: { ip: '198.51.100.8' } })).toBe(5);
  });
});
