import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testActor } from '@/lib/testing/route-harness';
import { freePorts } from '@/scripts/stack/ports';
import { type Stack, startStack } from '@/scripts/stack/start-stack';

/**
 * The per-user query cap of `GET /api/v1/query` against the real Prometheus of the stack harness: one
 * viewer firing twenty queries at once gets 429s beyond the cap (4 by default), while another viewer's
 * query, sent in the same burst, still answers.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

// The caller is named by the `x-test-user` header: two viewers, u-alice and u-bob.
vi.mock('@/lib/auth', async () =>
  (await import('@/lib/testing/route-harness')).fakeAuth((request) => ({
    ...testActor('viewer', 'session'),
    id: request.headers.get('x-test-user') ?? 'nobody',
  })),
);

const { GET } = await import('@/app/api/v1/query/route');
const { context } = await import('@/lib/testing/route-harness');

let stack: Stack;

beforeAll(async () => {
  const [vigilPort] = await freePorts(1);
  stack = await startStack({ vigilUrl: `http://127.0.0.1:${vigilPort}`, webhookToken: 'x'.repeat(24) });
  // env() is read at the first request, after this.
  process.env.PROMETHEUS_URL = stack.prometheusUrl;
  process.env.ALERTMANAGER_URLS = stack.alertmanagerUrls.join(',');
});

afterAll(async () => {
  await stack?.stop();
});

const END = Math.floor(Date.now() / 1000);
const ask = (user: string, params: Record<string, string>) =>
  GET(
    new Request(
      `http://vigil.test/api/v1/query?${new URLSearchParams({
        start: String(END - 3600),
        end: String(END),
        step: '15',
        ...params,
      })}`,
      { headers: { 'x-test-user': user } },
    ),
    context(),
  );

/** A range query distinct per `n`, so none is answered from the cache or shared with another. */
const query = (user: string, n: number) => ask(user, { query: `count_over_time(up[5m]) + ${n}` });

describe('GET /api/v1/query: the per-user cap (real Prometheus)', () => {
  it("answers one user's queries beyond the cap with 429 and Retry-After, and another user's still", async () => {
    const [bob, ...alice] = (await Promise.all([
      query('u-bob', 1000),
      ...Array.from({ length: 20 }, (_, n) => query('u-alice', n)),
    ])) as [Response, ...Response[]];
    expect(bob.status).toBe(200);
    expect((await bob.json()).type).toBe('matrix');
    const statuses = alice.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
    const refused = alice.find((r) => r.status === 429) ?? Response.error();
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await refused.json()).error.message).toMatch(/at most 4 at once/);
    // The slots are given back when the queries end.
    expect((await query('u-alice', 99)).status).toBe(200);
  });

  it('shares one upstream query among layouts of one expression, so they do not count against the cap', async () => {
    const layouts = Array.from({ length: 20 }, (_, n) => ({
      query: `${' '.repeat(n)}sum(\n  up${' '.repeat(n)})  # layout ${n}`,
      end: String(END - (n % 15)),
    }));
    const answers = await Promise.all(layouts.map((params) => ask('u-carol', params)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  it('refuses a range longer than queries.maxRangeDays with a 422 naming start', async () => {
    const long = await ask('u-alice', { query: 'up', start: String(END - 40 * 86_400), step: '3600' });
    expect(long.status).toBe(422);
    expect((await long.json()).error.fields).toEqual({ start: 'must be at most 32 days before end' });
  });
});
