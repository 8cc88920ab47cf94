import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getMe } from '@/app/api/v1/me/route';
import { PATCH as patchUser } from '@/app/api/v1/users/[id]/route';
import { generateApiToken } from '@/lib/auth/api-token';
import type { Role } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { context } from '@/lib/testing/route-harness';

/**
 * Disabling and enabling an account through `PATCH /api/v1/users/{id}` against a real PostgreSQL, with
 * real API tokens: the person's token stops at the next request and works again once enabled, each
 * change is audited, and nobody disables or demotes themselves. Only Auth.js is a stand-in.
 */

vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => null }));
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let dataDir: string;
let server: EmbeddedDatabase;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-users-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  const people: [string, Role][] = [
    ['admin', 'admin'],
    ['bob', 'responder'],
  ];
  for (const [id, role] of people) {
    const { secret, hash, prefix } = generateApiToken();
    await db().user.create({
      data: {
        id,
        email: `${id}@example.com`,
        role,
        apiTokens: { create: { name: id, tokenHash: hash, prefix } },
      },
    });
    tokens[id] = secret;
  }
});

afterAll(async () => {
  await db().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const me = (who: string) =>
  getMe(
    new Request('http://vigil.test/api/v1/me', { headers: { authorization: `Bearer ${tokens[who]}` } }),
    context(),
  );

const patch = (id: string, body: unknown) =>
  patchUser(
    new Request(`http://vigil.test/api/v1/users/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    context({ id }),
  );

describe('disabling and enabling a user', () => {
  it("stops the person's API token at the next request, and gives it back once enabled, audited", async () => {
    expect((await me('bob')).status).toBe(200);
    expect((await patch('bob', { disabled: true })).status).toBe(200);
    expect((await me('bob')).status).toBe(401);
    expect((await db().user.findUniqueOrThrow({ where: { id: 'bob' } })).disabledAt).not.toBeNull();
    expect((await patch('bob', { disabled: false })).status).toBe(200);
    expect((await me('bob')).status).toBe(200);
    const audit = await db().auditLog.findMany({
      where: { target: 'bob@example.com' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ['user.disabled', 'admin@example.com'],
      ['user.enabled', 'admin@example.com'],
    ]);
  });

  it('changes role and account in one request, and records only what changed', async () => {
    expect((await patch('bob', { role: 'viewer', disabled: false })).status).toBe(200);
    const after = await db().user.findUniqueOrThrow({ where: { id: 'bob' } });
    expect([after.role, after.disabledAt]).toEqual(['viewer', null]);
    const last = await db().auditLog.findFirstOrThrow({
      where: { target: 'bob@example.com' },
      orderBy: { id: 'desc' },
    });
    expect([last.action, last.details]).toEqual(['user.role_changed', { from: 'responder', to: 'viewer' }]);
  });

  it('refuses an admin disabling themselves (403), an empty change (422) and an unknown user (404)', async () => {
    const own = await patch('admin', { disabled: true });
    expect(own.status).toBe(403);
    expect((await own.json()).error.message).toBe('You cannot disable your own account; ask another admin.');
    expect((await me('admin')).status).toBe(200);
    expect((await patch('bob', {})).status).toBe(422);
    expect((await patch('nobody', { disabled: true })).status).toBe(404);
  });
});
