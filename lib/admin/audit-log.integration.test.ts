import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getAuditExport } from '@/app/api/v1/audit/export/route';
import { GET as getAudit } from '@/app/api/v1/audit/route';
import type { Actor } from '@/lib/auth';
import { generateApiToken } from '@/lib/auth/api-token';
import type { Role } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ForbiddenError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { OperationRoute } from '@/lib/http/route';
import { context } from '@/lib/testing/route-harness';
import { AUDIT_CSV_COLUMNS, auditCsvStream } from './audit-csv';
import { auditLogPages, distinctActions, listAuditLog } from './audit-log';
import { type AuditEntry, auditExportQuerySchema, auditPageSchema, auditQuerySchema } from './audit-schema';

/**
 * The audit log's data layer and routes against a real PostgreSQL (embedded, migrated like production):
 * filters as SQL really runs them (LIKE escaping, case, time bounds), keyset paging, the admin-only
 * rule, and a streamed CSV export larger than one page. The routes authenticate with real API tokens;
 * only Auth.js (which does not load outside Next) is a stand-in.
 */

vi.mock('@/lib/auth/next-auth', () => ({ auth: async () => null }));

// route() reads the environment; answers are checked against their operation, as in e2e.
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let dataDir: string;
let server: EmbeddedDatabase;
const tokens = {} as Record<Role, string>;

const actor = (role: Role): Actor => ({
  id: `user-${role}`,
  email: `${role}@example.com`,
  name: null,
  role,
  via: 'session',
  ip: '192.0.2.1',
});
const admin = actor('admin');

const row = (partial: Partial<Prisma.AuditLogCreateManyInput>): Prisma.AuditLogCreateManyInput => ({
  actorId: null,
  actorEmail: 'admin@example.com',
  via: 'session',
  action: 'user.role_changed',
  target: 'bob@example.com',
  details: {},
  ip: '192.0.2.1',
  success: true,
  ...partial,
});

/** Eight entries, oldest first, one minute apart from 09:00 UTC. */
const SAMPLE: Prisma.AuditLogCreateManyInput[] = [
  row({ action: 'user.role_changed', details: { from: 'viewer', to: 'responder' } }),
  row({ actorEmail: 'Alice.Smith@Example.com', action: 'api_token.created', target: 'alice@example.com' }),
  row({ actorEmail: 'alice_b@example.com', action: 'api_token.revoked', ip: '2001:db8::7' }),
  row({ actorEmail: 'aliceXb@example.com', action: 'apiXtoken.created', target: '100% sure' }),
  row({ actorEmail: null, via: 'system', action: 'silence.expired', target: 'silence 42' }),
  row({ action: 'silence.created', target: '100 sure', success: false }),
  row({ via: 'token', action: 'silence.created', target: 'db-1' }),
  row({ action: 'user.role_changed', target: 'carol@example.com', details: { from: 'admin', to: 'viewer' } }),
].map((r, i) => ({ ...r, at: new Date(Date.UTC(2026, 0, 31, 9, i)) }));

async function reset(rows: Prisma.AuditLogCreateManyInput[]) {
  await db().$executeRawUnsafe('TRUNCATE audit_log RESTART IDENTITY');
  // Several statements: one would exceed PostgreSQL's bind-parameter limit for the large export.
  for (let i = 0; i < rows.length; i += 5_000)
    await db().auditLog.createMany({ data: rows.slice(i, i + 5_000) });
}

/** The data layer takes parsed input, as the routes and the audit page hand it over. */
const query = (input: Record<string, unknown>) => auditQuerySchema.parse(input);
const filters = (input: Record<string, unknown>) => auditExportQuerySchema.parse(input);

/** The targets (or actions) of a page: short to compare. */
const targets = (entries: AuditEntry[]) => entries.map((e) => e.target);
const actions = (entries: AuditEntry[]) => entries.map((e) => e.action);

async function callAs(role: Role | undefined, handler: OperationRoute, url: string) {
  const headers = new Headers(role ? { authorization: `Bearer ${tokens[role]}` } : {});
  return handler(new Request(`http://vigil.test${url}`, { headers }), context());
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-audit-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  for (const role of ['viewer', 'responder', 'admin'] as const) {
    const { secret, hash, prefix } = generateApiToken();
    await db().user.create({
      data: {
        id: `user-${role}`,
        email: `${role}@example.com`,
        role,
        apiTokens: { create: { name: `${role}-token`, tokenHash: hash, prefix } },
      },
    });
    tokens[role] = secret;
  }
});

afterAll(async () => {
  await db().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('listAuditLog', () => {
  beforeEach(() => reset(SAMPLE));

  it('lists every entry newest first as small plain objects', async () => {
    const page = await listAuditLog(admin, query({}));
    expect(page.nextCursor).toBeNull();
    expect(page.entries).toHaveLength(8);
    expect(page.entries.map((e) => e.at)).toEqual(
      [...SAMPLE].reverse().map((r) => (r.at as Date).toISOString()),
    );
    expect(page.entries.at(-1)).toEqual({
      id: '1',
      at: '2026-01-31T09:00:00.000Z',
      actorEmail: 'admin@example.com',
      via: 'session',
      action: 'user.role_changed',
      target: 'bob@example.com',
      details: { from: 'viewer', to: 'responder' },
      ip: '192.0.2.1',
      success: true,
    });
    expect(page.entries.find((e) => e.via === 'system')).toMatchObject({ actorEmail: null });
  });

  it('filters by action family (wildcards taken literally) or exact action', async () => {
    expect(actions((await listAuditLog(admin, query({ action: 'api_token.' }))).entries)).toEqual([
      'api_token.revoked',
      'api_token.created',
    ]);
    expect(actions((await listAuditLog(admin, query({ action: 'silence.created' }))).entries)).toEqual([
      'silence.created',
      'silence.created',
    ]);
    expect((await listAuditLog(admin, query({ action: 'silence' }))).entries).toEqual([]);
  });

  it("filters by a substring of the actor's e-mail in any case, with _ and % taken literally", async () => {
    expect((await listAuditLog(admin, query({ actor: 'alice.smith@example' }))).entries).toHaveLength(1);
    expect((await listAuditLog(admin, query({ actor: 'ALICE_B' }))).entries.map((e) => e.actorEmail)).toEqual(
      ['alice_b@example.com'],
    );
    expect(targets((await listAuditLog(admin, query({ target: '100%' }))).entries)).toEqual(['100% sure']);
    expect(targets((await listAuditLog(admin, query({ target: 'CAROL' }))).entries)).toEqual([
      'carol@example.com',
    ]);
  });

  it('bounds the time inclusively, UTC when no offset is given', async () => {
    const page = await listAuditLog(
      admin,
      query({ from: '2026-01-31T09:02', to: '2026-01-31T10:04:00+01:00' }),
    );
    expect(page.entries.map((e) => e.at.slice(11, 16))).toEqual(['09:04', '09:03', '09:02']);
  });

  it('filters by outcome, and combines filters', async () => {
    expect(targets((await listAuditLog(admin, query({ success: 'false' }))).entries)).toEqual(['100 sure']);
    expect((await listAuditLog(admin, query({ success: 'true' }))).entries).toHaveLength(7);
    const combined = await listAuditLog(
      admin,
      query({ action: 'silence.', success: 'true', actor: 'admin@' }),
    );
    expect(targets(combined.entries)).toEqual(['db-1']);
  });

  it('pages by cursor without gaps or repeats, also under a filter', async () => {
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await listAuditLog(admin, query({ cursor, limit: '3' }));
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? '';
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['8', '7', '6', '5', '4', '3', '2', '1']);

    const first = await listAuditLog(admin, query({ action: 'user.', limit: '1' }));
    expect(targets(first.entries)).toEqual(['carol@example.com']);
    const second = await listAuditLog(
      admin,
      query({ action: 'user.', limit: '1', cursor: first.nextCursor }),
    );
    expect(targets(second.entries)).toEqual(['bob@example.com']);
    expect(second.nextCursor).toBeNull();
  });

  it('lists the recorded actions once each, sorted', async () => {
    expect(await distinctActions(admin)).toEqual([
      'apiXtoken.created',
      'api_token.created',
      'api_token.revoked',
      'silence.created',
      'silence.expired',
      'user.role_changed',
    ]);
  });

  it('refuses viewers and responders', async () => {
    for (const role of ['viewer', 'responder'] as const) {
      await expect(listAuditLog(actor(role), query({}))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(distinctActions(actor(role))).rejects.toBeInstanceOf(ForbiddenError);
      expect(() => auditLogPages(actor(role), filters({}))).toThrow(ForbiddenError);
    }
  });
});

describe('the CSV export', () => {
  const LARGE = 2_345;

  beforeAll(async () => {
    await reset(
      Array.from({ length: LARGE }, (_, i) =>
        row({
          action: i % 2 ? 'silence.created' : 'user.role_changed',
          target: i === 0 ? '=HYPERLINK("http://evil.example")' : `target ${i}, "quoted"`,
          details: { n: i, note: 'multi\nline' },
          at: new Date(Date.UTC(2026, 0, 1) + i * 1_000),
        }),
      ),
    );
  });

  it('reads the log in pages of 1,000 with keyset paging', async () => {
    const sizes: number[] = [];
    for await (const page of auditLogPages(admin, filters({}))) sizes.push(page.length);
    expect(sizes).toEqual([1_000, 1_000, 345]);
  });

  it('streams every entry once, newest first, as RFC 4180 CSV', async () => {
    const text = await new Response(auditCsvStream(auditLogPages(admin, filters({})))).text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    const ids = lines.slice(1, -1).map((l) => Number(l.split(',')[0]));
    expect(ids).toHaveLength(LARGE);
    expect(ids).toEqual(Array.from({ length: LARGE }, (_, i) => LARGE - i));
    expect(lines[1]).toBe(
      `${LARGE},2026-01-01T00:39:04.000Z,admin@example.com,session,user.role_changed,"target 2344, ""quoted""","{""n"":2344,""note"":""multi\\nline""}",192.0.2.1,true`,
    );
    expect(lines.at(-2)).toContain(',"\'=HYPERLINK(""http://evil.example"")",');
  });

  it('exports only the filtered entries', async () => {
    let rows = 0;
    for await (const page of auditLogPages(admin, filters({ action: 'silence.', to: '2026-01-01T00:16:39' })))
      rows += page.length;
    // Seconds 0–999, odd ones are silences.
    expect(rows).toBe(500);
  });
});

describe('GET /api/v1/audit and /api/v1/audit/export', () => {
  beforeAll(() => reset(SAMPLE));

  it('answers an admin the page in the documented shape', async () => {
    const response = await callAs('admin', getAudit, '/api/v1/audit?action=api_token.&limit=1');
    expect(response.status).toBe(200);
    const page = auditPageSchema.parse(await response.json());
    expect(actions(page.entries)).toEqual(['api_token.revoked']);
    expect(page.entries[0]?.ip).toBe('2001:db8::7');
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('answers 401 without credentials, 403 to viewers and responders, 422 for a bad filter', async () => {
    for (const handler of [getAudit, getAuditExport]) {
      expect((await callAs(undefined, handler, '/api/v1/audit')).status).toBe(401);
      for (const role of ['viewer', 'responder'] as const) {
        const response = await callAs(role, handler, '/api/v1/audit');
        expect(response.status).toBe(403);
        expect((await response.json()).error).toMatchObject({
          code: 'forbidden',
          message: expect.stringContaining('needs the admin role'),
        });
      }
      const invalid = await callAs('admin', handler, '/api/v1/audit?from=yesterday');
      expect(invalid.status).toBe(422);
      expect((await invalid.json()).error.fields).toHaveProperty('from');
    }
  });

  it('exports CSV as an attachment named by the date', async () => {
    const response = await callAs('admin', getAuditExport, '/api/v1/audit/export?action=user.');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="vigil-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
    // jsonb keeps object keys shortest first, so "to" comes before "from".
    expect(lines).toEqual([
      AUDIT_CSV_COLUMNS.join(','),
      '8,2026-01-31T09:07:00.000Z,admin@example.com,session,user.role_changed,carol@example.com,"{""to"":""viewer"",""from"":""admin""}",192.0.2.1,true',
      '1,2026-01-31T09:00:00.000Z,admin@example.com,session,user.role_changed,bob@example.com,"{""to"":""responder"",""from"":""viewer""}",192.0.2.1,true',
      '',
    ]);
  });
});
