import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth';
import { ForbiddenError } from '@/lib/errors';
import { actionFamilies, auditLogPages, auditWhere, likeLiteral, listAuditLog } from './audit-log';
import { auditExportQuerySchema, auditQuerySchema } from './audit-schema';

// Auth.js does not load outside Next; the role checks of lib/auth.ts are what is tested here.
vi.mock('@/lib/auth/next-auth', () => ({}));

const actor = (role: Actor['role']): Actor => ({
  id: `u-${role}`,
  email: `${role}@example.com`,
  name: null,
  role,
  via: 'session',
  ip: null,
});

const fieldsOf = (input: unknown) => {
  const result = auditQuerySchema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('auditQuerySchema', () => {
  it('treats empty form fields as "any" and pages 100 entries by default', () => {
    expect(
      auditQuerySchema.parse({
        actor: '',
        action: '',
        target: ' ',
        from: '',
        to: '',
        success: '',
        cursor: '',
      }),
    ).toEqual({ limit: 100 });
    expect(auditQuerySchema.parse({})).toEqual({ limit: 100 });
  });

  it('trims the text filters', () => {
    expect(auditQuerySchema.parse({ actor: ' alice@ ', action: 'api_token.' })).toMatchObject({
      actor: 'alice@',
      action: 'api_token.',
    });
  });

  it('reads times without an offset as UTC, and honours an offset', () => {
    expect(
      auditQuerySchema.parse({ from: '2026-01-31T09:00', to: '2026-01-31T10:00:30+01:00' }),
    ).toMatchObject({
      from: new Date('2026-01-31T09:00:00Z'),
      to: new Date('2026-01-31T09:00:30Z'),
    });
    expect(auditQuerySchema.parse({ from: '2026-01-31T09:00:00.123Z' }).from).toEqual(
      new Date('2026-01-31T09:00:00.123Z'),
    );
  });

  it('refuses a time that is not ISO 8601, and a range that ends before it starts', () => {
    expect(fieldsOf({ from: 'yesterday' })).toEqual({ from: expect.stringContaining('2026-01-31T09:00') });
    expect(fieldsOf({ from: '2026-01-31T10:00', to: '2026-01-31T09:00' })).toEqual({
      to: '"To" is before "From"; swap them.',
    });
    expect(fieldsOf({ from: '2026-01-31T09:00', to: '2026-01-31T09:00' })).toEqual({});
  });

  it('parses the outcome as a boolean', () => {
    expect(auditQuerySchema.parse({ success: 'true' }).success).toBe(true);
    expect(auditQuerySchema.parse({ success: 'false' }).success).toBe(false);
    expect(fieldsOf({ success: 'yes' })).toHaveProperty('success');
  });

  it('takes a numeric cursor within bigint range and a limit of 1 to 500', () => {
    expect(auditQuerySchema.parse({ cursor: '9223372036854775807', limit: '500' })).toEqual({
      cursor: 9223372036854775807n,
      limit: 500,
    });
    expect(fieldsOf({ cursor: '12abc' })).toHaveProperty('cursor');
    expect(fieldsOf({ cursor: '9223372036854775808' })).toHaveProperty('cursor');
    expect(fieldsOf({ limit: '501' })).toHaveProperty('limit');
    expect(fieldsOf({ limit: '0' })).toHaveProperty('limit');
  });

  it('has an export variant without paging', () => {
    expect(auditExportQuerySchema.parse({ action: 'user.', cursor: '5', limit: '1' })).toEqual({
      action: 'user.',
    });
  });
});

describe('likeLiteral', () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(likeLiteral('api_token.')).toBe('api\\_token.');
    expect(likeLiteral('100%')).toBe('100\\%');
    expect(likeLiteral('a\\b')).toBe('a\\\\b');
    expect(likeLiteral('alice@example.com')).toBe('alice@example.com');
  });
});

describe('auditWhere', () => {
  it('matches no filter with everything', () => {
    expect(auditWhere({})).toEqual({});
  });

  it('matches an action family by prefix and any other action exactly', () => {
    expect(auditWhere({ action: 'api_token.' })).toEqual({ action: { startsWith: 'api\\_token.' } });
    expect(auditWhere({ action: 'api_token.created' })).toEqual({ action: { equals: 'api_token.created' } });
  });

  it('matches actor and target by substring in any case, with wildcards taken literally', () => {
    expect(auditWhere({ actor: 'a_b', target: '50%' })).toEqual({
      actorEmail: { contains: 'a\\_b', mode: 'insensitive' },
      target: { contains: '50\\%', mode: 'insensitive' },
    });
  });

  it('bounds the time on either side, and filters failures too', () => {
    const from = new Date('2026-01-31T09:00:00Z');
    const to = new Date('2026-01-31T10:00:00Z');
    expect(auditWhere({ from })).toEqual({ at: { gte: from } });
    expect(auditWhere({ to })).toEqual({ at: { lte: to } });
    expect(auditWhere({ from, to, success: false })).toEqual({ at: { gte: from, lte: to }, success: false });
  });
});

describe('actionFamilies', () => {
  it('lists the prefix of each action once, sorted', () => {
    expect(actionFamilies(['user.role_changed', 'api_token.created', 'api_token.revoked', 'legacy'])).toEqual(
      ['api_token.', 'user.'],
    );
    expect(actionFamilies([])).toEqual([]);
  });
});

describe('the role check', () => {
  // No database is configured in unit tests: reaching it would fail differently. That the routes check
  // the role before the input, and the input before reading, is in ./admin-routes.test.ts.
  it('refuses anyone but an admin before reading anything', async () => {
    for (const role of ['viewer', 'responder'] as const) {
      await expect(listAuditLog(actor(role), auditQuerySchema.parse({}))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect(() => auditLogPages(actor(role), auditExportQuerySchema.parse({}))).toThrow(ForbiddenError);
    }
  });
});
