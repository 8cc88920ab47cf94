import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/v1/history/route';
import { context } from '@/lib/testing/route-harness';

/**
 * GET /api/v1/history's refusals through route(): every bad input is a 400 naming its field, before the
 * database is read (a stand-in that fails the test if it is).
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

vi.mock('@/lib/auth', async () => {
  const { fakeAuth, testActor } = await import('@/lib/testing/route-harness');
  return fakeAuth(() => testActor('viewer', 'session'));
});
vi.mock('@/lib/db', () => ({
  db: () =>
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('the database must not be read for refused input');
        },
      },
    ),
}));

async function refusal(query: Record<string, string>) {
  const res = await GET(
    new Request(`http://vigil.test/api/v1/history?${new URLSearchParams(query)}`),
    context(),
  );
  const body = (await res.json()) as { error: { message: string; fields: Record<string, string> } };
  return { status: res.status, fields: body.error.fields, message: body.error.message };
}

describe('GET /api/v1/history refusals', () => {
  it('names a matcher with bad syntax, and one RE2 refuses', async () => {
    expect(await refusal({ filter: '{instance=~"db-.*}' })).toMatchObject({
      status: 400,
      fields: { filter: expect.stringMatching(/unclosed quote in value of instance/) },
    });
    const re2 = await refusal({ filter: 'instance=~"(?=db)"' });
    expect(re2).toMatchObject({ status: 400, fields: { filter: expect.stringMatching(/lookahead/) } });
    expect(re2.message).toMatch(/The filter is not valid/);
  });

  it('refuses a reversed range, a range over 400 days, and a cursor it did not make', async () => {
    expect(await refusal({ from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' })).toMatchObject({
      status: 400,
      fields: { from: 'must be before `to`' },
    });
    expect(await refusal({ from: '2024-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })).toMatchObject({
      status: 400,
      fields: { from: expect.stringMatching(/longer than 400 days/) },
    });
    expect(await refusal({ cursor: 'abc' })).toMatchObject({
      status: 400,
      fields: { cursor: 'not a cursor this API returned' },
    });
  });
});
