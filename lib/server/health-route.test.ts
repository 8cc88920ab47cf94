import { beforeEach, describe, expect, it, vi } from 'vitest';
import { context, testActor } from '@/lib/testing/route-harness';
import type { HealthStatus } from './health-schema';

/**
 * `GET /api/health` through route(): public up/down, `errors` (hosts, upstream answers) only for a
 * caller with a session or token, 503 while unhealthy, and a liveness probe that touches nothing.
 * Answers are checked against the operation (VIGIL_CHECK_RESPONSES); the check and the caller are
 * stand-ins.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const health = vi.hoisted(() => ({ healthStatus: vi.fn() }));
vi.mock('@/lib/server/health', () => health);

// Who calls: a stand-in for lib/auth.ts (which loads Auth.js, and Auth.js does not load outside Next).
const caller = vi.hoisted(() => ({ requestActor: vi.fn() }));
vi.mock('@/lib/auth', async () => ({
  ...(await import('@/lib/testing/route-harness')).fakeAuth(),
  ...caller,
}));

const { GET } = await import('@/app/api/health/route');

const get = (query = '') => GET(new Request(`http://vigil.test/api/health${query}`), context());

const status = (partial: Partial<HealthStatus>): HealthStatus => ({
  status: 'healthy',
  database: 'up',
  prometheus: 'up',
  alertmanager: 'up',
  loki: 'not configured',
  timestamp: '2026-01-31T09:00:00.000Z',
  errors: [],
  ...partial,
});

beforeEach(() => {
  health.healthStatus.mockReset();
  caller.requestActor.mockReset().mockResolvedValue(undefined);
});

/** An Alertmanager peer down, named by its host, as upstreamHealth() reports it. */
const peerDown = status({
  alertmanager: 'degraded',
  errors: ['alertmanager default peer 2: am-2.internal:9093 refused the connection (ECONNREFUSED)'],
});

describe('GET /api/health', () => {
  it('answers 200 while healthy, without credentials', async () => {
    health.healthStatus.mockResolvedValue(status({}));
    const res = await get();
    expect(res.status).toBe(200);
    const { errors: _, ...upDown } = status({});
    expect(await res.json()).toEqual(upDown);
  });

  it('tells a stranger up/down per upstream but not which host failed or what it answered', async () => {
    health.healthStatus.mockResolvedValue(peerDown);
    const res = await get();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'healthy', alertmanager: 'degraded', database: 'up' });
    expect(body).not.toHaveProperty('errors');
    expect(JSON.stringify(body)).not.toContain('am-2.internal');
  });

  it('tells a caller with a session or token what is down', async () => {
    caller.requestActor.mockResolvedValue(testActor('viewer'));
    health.healthStatus.mockResolvedValue(peerDown);
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(peerDown);
  });

  it('answers 503 with the same body, saying what is down to a signed-in caller, while unhealthy', async () => {
    caller.requestActor.mockResolvedValue(testActor('viewer'));
    const down = status({
      status: 'unhealthy',
      database: 'down',
      errors: ['database: PostgreSQL does not answer'],
    });
    health.healthStatus.mockResolvedValue(down);
    const res = await get();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(down);
  });

  it('still answers 503 when who is asking cannot be read (the database is down)', async () => {
    caller.requestActor.mockRejectedValue(new Error('connection refused'));
    health.healthStatus.mockResolvedValue(status({ status: 'unhealthy', database: 'down', errors: ['x'] }));
    const res = await get();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'unhealthy', database: 'down' });
    expect(body).not.toHaveProperty('errors');
  });

  it('answers the liveness probe without checking anything', async () => {
    const res = await get('?probe=live');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'alive', timestamp: expect.any(String) });
    expect(health.healthStatus).not.toHaveBeenCalled();
    expect(caller.requestActor).not.toHaveBeenCalled();
  });

  it('reads any other probe as the full check, as it always did', async () => {
    health.healthStatus.mockResolvedValue(status({}));
    expect((await get('?probe=ready')).status).toBe(200);
    expect(health.healthStatus).toHaveBeenCalledOnce();
  });
});
