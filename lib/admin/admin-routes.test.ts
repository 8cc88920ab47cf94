import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError } from '@/lib/errors';
import { context } from '@/lib/testing/route-harness';

/**
 * The account and admin routes through route(): the role before the input, the input before any
 * reading, and answers checked against their operations (VIGIL_CHECK_RESPONSES). No database is
 * configured: a route that reached it would fail differently; token and user writes are stand-ins.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

// The caller is named by a test header instead of a session or token (those need PostgreSQL).
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth());

const users = vi.hoisted(() => ({
  createApiToken: vi.fn(),
  updateUser: vi.fn(),
  listTokens: vi.fn(),
  listUsers: vi.fn(),
  revokeApiToken: vi.fn(),
}));
vi.mock('@/lib/admin/users', () => users);
// Where the caller is on call is read from the schedules (lib/people/people.ts, tested on PostgreSQL).
const people = vi.hoisted(() => ({ meDetails: vi.fn(), updateMe: vi.fn() }));
vi.mock('@/lib/people/people', () => people);

const { GET: getAudit } = await import('@/app/api/v1/audit/route');
const { GET: getAuditExport } = await import('@/app/api/v1/audit/export/route');
const { GET: getMe } = await import('@/app/api/v1/me/route');
const { GET: getTokens, POST: postToken } = await import('@/app/api/v1/tokens/route');
const { GET: getUsers } = await import('@/app/api/v1/users/route');
const { PATCH: patchUser } = await import('@/app/api/v1/users/[id]/route');

const call = (
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  {
    role,
    via,
    method = 'GET',
    body,
    params = {},
  }: {
    role?: Actor['role'];
    via?: Actor['via'];
    method?: string;
    body?: unknown;
    params?: Record<string, string>;
  } = {},
) =>
  handler(
    new Request(`http://vigil.test${url}`, {
      method,
      headers: {
        ...(role ? { 'x-test-role': role } : {}),
        ...(via ? { 'x-test-via': via } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    context(params),
  );

beforeEach(() => {
  for (const fn of Object.values(users)) fn.mockReset();
});

describe('GET /api/v1/audit and its export', () => {
  it('checks the role before the input, and the input before reading', async () => {
    const refused = await call(getAudit, '/api/v1/audit?limit=x', { role: 'viewer' });
    expect(refused.status).toBe(403);
    const invalid = await call(getAudit, '/api/v1/audit?limit=x', { role: 'admin' });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields).toHaveProperty('limit');
    const badExport = await call(getAuditExport, '/api/v1/audit/export?from=x', { role: 'admin' });
    expect(badExport.status).toBe(422);
    expect((await badExport.json()).error.fields).toHaveProperty('from');
    expect((await call(getAuditExport, '/api/v1/audit/export?from=x', { role: 'responder' })).status).toBe(
      403,
    );
  });
});

describe('GET /api/v1/me', () => {
  it('answers the caller with their time zone and on-call state, without its address', async () => {
    people.meDetails.mockResolvedValue({
      timeZone: 'Europe/Brussels',
      onCall: {
        scheduleId: 's1',
        scheduleName: 'Primary',
        until: '2027-03-30T07:00:00.000Z',
        continues: false,
        schedules: [{ id: 's1', name: 'Primary' }],
      },
    });
    const res = await call(getMe, '/api/v1/me', { role: 'responder' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: 'u-responder',
      email: 'responder@example.com',
      name: null,
      role: 'responder',
      via: 'token',
      timeZone: 'Europe/Brussels',
      onCall: {
        scheduleId: 's1',
        scheduleName: 'Primary',
        until: '2027-03-30T07:00:00.000Z',
        continues: false,
        schedules: [{ id: 's1', name: 'Primary' }],
      },
    });
    expect((await call(getMe, '/api/v1/me')).status).toBe(401);
  });
});

describe('/api/v1/tokens', () => {
  it('creates a token for a responder: 201 with the secret, the parsed body handed to the data layer', async () => {
    users.createApiToken.mockResolvedValue({ id: 't1', secret: 'vgl_secret' });
    const res = await call(postToken, '/api/v1/tokens', {
      role: 'responder',
      via: 'session',
      method: 'POST',
      body: { name: ' ack-bot ', expiresInDays: '30' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 't1', token: 'vgl_secret' });
    expect(users.createApiToken).toHaveBeenCalledWith(
      expect.objectContaining({ role: 'responder', via: 'session' }),
      {
        name: 'ack-bot',
        expiresInDays: 30,
      },
    );
  });

  it('refuses a viewer before reading the body, and names a missing name', async () => {
    const refused = await call(postToken, '/api/v1/tokens', { role: 'viewer', method: 'POST', body: 'x' });
    expect(refused.status).toBe(403);
    const invalid = await call(postToken, '/api/v1/tokens', {
      role: 'responder',
      method: 'POST',
      body: { name: '' },
    });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields).toEqual({ name: 'Give the token a name, e.g. "ack-bot".' });
    expect(users.createApiToken).not.toHaveBeenCalled();
  });

  it('lists tokens with their times as ISO strings', async () => {
    users.listTokens.mockResolvedValue([
      {
        id: 't1',
        name: 'ack-bot',
        prefix: 'vgl_ab12',
        userEmail: 'viewer@example.com',
        createdAt: '2026-01-31T09:00:00.000Z',
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      },
    ]);
    const res = await call(getTokens, '/api/v1/tokens', { role: 'viewer' });
    expect(res.status).toBe(200);
    expect((await res.json()).tokens).toHaveLength(1);
  });
});

describe('/api/v1/users', () => {
  it('is for admins only, as the data layer says', async () => {
    expect((await call(getUsers, '/api/v1/users', { role: 'responder' })).status).toBe(403);
    users.listUsers.mockResolvedValue([]);
    expect(await (await call(getUsers, '/api/v1/users', { role: 'admin' })).json()).toEqual({ users: [] });
  });

  it('changes a role: an unknown role is a 422, a refusal of the data layer a 403', async () => {
    const bad = await call(patchUser, '/api/v1/users/u2', {
      role: 'admin',
      method: 'PATCH',
      body: { role: 'boss' },
      params: { id: 'u2' },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty('role');
    users.updateUser.mockRejectedValueOnce(new ForbiddenError('You cannot remove your own admin role.'));
    const own = await call(patchUser, '/api/v1/users/u-admin', {
      role: 'admin',
      method: 'PATCH',
      body: { role: 'viewer' },
      params: { id: 'u-admin' },
    });
    expect(own.status).toBe(403);
    const ok = await call(patchUser, '/api/v1/users/u2', {
      role: 'admin',
      method: 'PATCH',
      body: { role: 'responder' },
      params: { id: 'u2' },
    });
    expect(await ok.json()).toEqual({ updated: true });
    expect(users.updateUser).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'u-admin' }), {
      userId: 'u2',
      role: 'responder',
    });
  });
});
