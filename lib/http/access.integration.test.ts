import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Operation, operationName } from '@/lib/api/operation';
import { generateApiToken } from '@/lib/auth/api-token';
import { ROLES, type Role } from '@/lib/auth/roles';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { operations } from '@/lib/openapi/operations';
import { context, setRouteEnv } from '@/lib/testing/route-harness';
import type { OperationRoute } from './route';

/**
 * Generated from the operations: every route file under app/ serves exactly the operations the
 * OpenAPI document lists (path from the file's folder, method from the export), and for every
 * operation, a call without credentials is refused 401 and a real API token of each role below the
 * operation's is refused 403 — with a malformed body that the route must not read. Against a real
 * PostgreSQL (tokens are looked up there); Auth.js, which does not load outside Next, is a stand-in
 * that no request here reaches (none carries a session cookie).
 */

vi.mock('@/lib/auth/next-auth', () => ({
  auth: async () => null,
  handlers: { GET: async () => new Response(), POST: async () => new Response() },
  signIn: async () => undefined,
  signOut: async () => undefined,
}));

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
/** Auth.js's own endpoints: the browser's sign-in flow, not part of the API. */
const NOT_OPERATIONS = new Set(['GET /api/auth/{nextauth}', 'POST /api/auth/{nextauth}']);

const ROUTE_MODULES = import.meta.glob<Record<string, unknown>>('/app/**/route.ts');

/** `/app/api/v1/alerts/[fingerprint]/route.ts` → `/api/v1/alerts/{fingerprint}` (route groups dropped). */
function urlPathOf(file: string): string {
  const segments = file
    .replace(/^\/app\//, '')
    .split('/')
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]\]?$/, '{$1}'));
  return `/${segments.join('/')}`;
}

type Served = { name: string; file: string; handler: OperationRoute };
let served: Served[];
let dataDir: string;
let database: EmbeddedDatabase;
let prisma: PrismaClient;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-access-'));
  database = await startEmbeddedPostgres(dataDir);
  await applyMigrations(database.url, path.join(process.cwd(), 'prisma', 'migrations'));
  setRouteEnv({ DATABASE_URL: database.url });
  runtimeState().databaseUrl = database.url;
  prisma = createPrismaClient(database.url);
  for (const role of ROLES) {
    const user = await prisma.user.create({ data: { email: `${role}@example.com`, role } });
    const { secret, hash, prefix } = generateApiToken();
    await prisma.apiToken.create({ data: { name: role, userId: user.id, tokenHash: hash, prefix } });
    tokens[role] = secret;
  }
  served = [];
  for (const [file, load] of Object.entries(ROUTE_MODULES)) {
    const module = await load();
    for (const [method, handler] of Object.entries(module))
      if (HTTP_METHODS.includes(method))
        served.push({ name: `${method} ${urlPathOf(file)}`, file, handler: handler as OperationRoute });
  }
}, 180_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const rolesBelow = (role: Role) => ROLES.slice(0, ROLES.indexOf(role));

/** A request for the operation with placeholder parameters and a body no schema accepts. */
function call(op: Operation, headers: Record<string, string>): Promise<Response> {
  const served_ = served.find((s) => s.handler.operation === op);
  if (!served_) throw new Error(`${operationName(op)} is served by no route`);
  const params = Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, 'x']));
  const url = `http://vigil.test${op.path.replace(/\{[^}]+\}/g, 'x')}`;
  const body = op.method === 'GET' ? undefined : '{"malformed": ';
  return served_.handler(
    new Request(url, {
      method: op.method,
      headers: body ? { ...headers, 'content-type': 'text/plain' } : headers,
      body,
    }),
    context(params),
  );
}

describe('routes and operations', () => {
  it('every route handler is built from an operation, at the operation’s own path and method', () => {
    for (const { name, file, handler } of served) {
      if (NOT_OPERATIONS.has(name)) continue;
      expect(handler.operation, `${file} ${name.split(' ')[0]} is not built by route(op, …)`).toBeDefined();
      expect(operationName(handler.operation), file).toBe(name);
    }
  });

  it('the OpenAPI document lists exactly the operations that routes serve', () => {
    const routed = served.filter((s) => !NOT_OPERATIONS.has(s.name)).map((s) => s.name);
    expect(operations.map(operationName).sort()).toEqual(routed.sort());
    expect(new Set(operations.map(operationName)).size).toBe(operations.length);
  });
});

describe.each(operations.filter((op) => op.role !== 'public').map((op) => [operationName(op), op] as const))(
  '%s',
  (_, op) => {
    it('answers 401 without credentials', async () => {
      const res = await call(op, {});
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    });

    const role = op.role;
    if (role === 'webhook' || role === 'public') return;
    it.each(rolesBelow(role))(
      `answers 403 to a %s token (needs ${role}), whatever the body`,
      async (below) => {
        const res = await call(op, { authorization: `Bearer ${tokens[below]}` });
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe('forbidden');
      },
    );

    it(`lets a ${role} token past the role check`, async () => {
      const res = await call(op, { authorization: `Bearer ${tokens[role]}` });
      expect([401, 403]).not.toContain(res.status);
    });
  },
);
