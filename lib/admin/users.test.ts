import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { ForbiddenError, ValidationError } from '@/lib/errors';

/**
 * The data layer's own rules, which every caller (route, server action, `npm run user`) gets: only a
 * session mints tokens, and every token expires; updateUser says what it changed and lets the command
 * line, which is no account, change anyone. The database is a stand-in recording what would be written.
 */

vi.hoisted(() => {
  Object.assign(process.env, {
    AUTH_SECRET: 's'.repeat(32),
    VIGIL_WEBHOOK_TOKEN: 'w'.repeat(24),
    PROMETHEUS_URL: 'http://prometheus.test:9090',
    ALERTMANAGER_URLS: 'http://am.test:9093',
  });
});

const tx = vi.hoisted(() => ({
  user: { findUnique: vi.fn(), update: vi.fn() },
  apiToken: { create: vi.fn() },
}));
vi.mock('@/lib/db', () => ({
  db: () => ({ $transaction: (work: (t: typeof tx) => Promise<unknown>) => work(tx) }),
}));
vi.mock('@/lib/audit', () => ({ audit: vi.fn() }));

const { createApiToken, updateUser } = await import('./users');
const { audit } = await import('@/lib/audit');

const NOW = Date.parse('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

const actor = (via: Actor['via'], role: Actor['role'] = 'responder'): Actor => ({
  id: 'u1',
  email: 'r@example.com',
  name: null,
  role,
  via,
  ip: null,
});

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  tx.user.findUnique.mockReset().mockResolvedValue({ id: 'u1', email: 'r@example.com' });
  tx.apiToken.create.mockReset().mockResolvedValue({ id: 't1' });
  tx.user.update.mockReset();
  vi.mocked(audit).mockReset();
});

describe('createApiToken', () => {
  it('refuses a caller authenticated by an API token, before writing anything', async () => {
    for (const role of ['responder', 'admin'] as const) {
      const refused = createApiToken(actor('token', role), { name: 'child' });
      await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
      await expect(refused).rejects.toThrow(/API token cannot create API tokens; sign in/);
    }
    expect(tx.apiToken.create).not.toHaveBeenCalled();
  });

  it('gives a token without an asked expiry the default lifetime of 90 days', async () => {
    const { secret } = await createApiToken(actor('session'), { name: 'ack-bot' });
    expect(secret).toMatch(/^vgl_/);
    expect(tx.apiToken.create.mock.calls[0]?.[0].data.expiresAt).toEqual(new Date(NOW + 90 * DAY));
  });

  it('takes a shorter lifetime, and refuses a longer one naming the most', async () => {
    await createApiToken(actor('session'), { name: 'short', expiresInDays: 7 });
    expect(tx.apiToken.create.mock.calls[0]?.[0].data.expiresAt).toEqual(new Date(NOW + 7 * DAY));
    const longer = createApiToken(actor('session'), { name: 'long', expiresInDays: 91 });
    await expect(longer).rejects.toBeInstanceOf(ValidationError);
    await expect(longer).rejects.toMatchObject({ fields: { expiresInDays: 'must be at most 90 days' } });
    expect(tx.apiToken.create).toHaveBeenCalledTimes(1);
  });
});

describe('updateUser', () => {
  const cli = { via: 'cli', osUser: 'root', host: 'vigil-1' } as const;
  const account = (disabledAt: Date | null) => ({
    id: 'u2',
    email: 'b@example.com',
    role: 'admin',
    disabledAt,
  });

  it('lets npm run user, which has no account and no role, disable anyone, audited as itself', async () => {
    tx.user.findUnique.mockResolvedValue(account(null));
    expect(await updateUser(cli, { userId: 'u2', disabled: true })).toEqual({
      email: 'b@example.com',
      changed: ['disabled'],
    });
    expect(tx.user.update).toHaveBeenCalledWith({ where: { id: 'u2' }, data: { disabledAt: new Date(NOW) } });
    expect(audit).toHaveBeenCalledWith(tx, cli, 'user.disabled', 'b@example.com', {});
  });

  it('changes and audits nothing for the state the account is already in, and says so', async () => {
    tx.user.findUnique.mockResolvedValue(account(new Date(NOW - DAY)));
    expect(await updateUser(cli, { userId: 'u2', disabled: true, role: 'admin' })).toEqual({
      email: 'b@example.com',
      changed: [],
    });
    expect(tx.user.update).not.toHaveBeenCalled();
    expect(audit).not.toHaveBeenCalled();
  });

  it('still refuses a signed-in caller who is not an admin, before reading anything', async () => {
    await expect(
      updateUser(actor('session', 'responder'), { userId: 'u2', disabled: true }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(tx.user.findUnique).not.toHaveBeenCalled();
  });
});
