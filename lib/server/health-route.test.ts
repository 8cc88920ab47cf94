import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HealthStatus } from './health-schema';

/**
 * `GET /api/health` through route(): public, 503 while unhealthy, and a liveness probe that touches
 * nothing. Answers are checked against the operation (VIGIL_CHECK_RESPONSES); the check itself is a
 * stand-in.
 */

vi.hoisted(() => {
  Object.assign(process.env, {
    AUTH_SECRET: 's'.repeat(32),
    VIGIL_WEBHOOK_TOKEN: 'w'.repeat(24),
    PROMETHEUS_URL: 'http://prometheus.test:9090',
    ALERTMANAGER_URLS: 'http://am.test:9093',
    VIGIL_CHECK_RESPONSES: '1',
  });
});

// Auth.js does not load outside Next; a public operation never asks it anything.
vi.mock('@/lib/auth/next-auth', () => ({}));

const health = vi.hoisted(() => ({ healthStatus: vi.fn() }));
vi.mock('@/lib/server/health', () => health);

const { GET } = await import('@/app/api/health/route');

const get = (query = '') =>
  GET(new Request(`http://vigil.test/api/health${query}`), { params: Promise.resolve({}) });

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

beforeEach(() => health.healthStatus.mockReset());

describe('GET /api/health', () => {
  it('answers 200 while healthy, without credentials', async () => {
    health.healthStatus.mockResolvedValue(status({}));
    const res = await get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(status({}));
  });

  it('answers 503 with the same body, saying what is down, while unhealthy', async () => {
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

  it('answers the liveness probe without checking anything', async () => {
    const res = await get('?probe=live');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'alive', timestamp: expect.any(String) });
    expect(health.healthStatus).not.toHaveBeenCalled();
  });

  it('reads any other probe as the full check, as it always did', async () => {
    health.healthStatus.mockResolvedValue(status({}));
    expect((await get('?probe=ready')).status).toBe(200);
    expect(health.healthStatus).toHaveBeenCalledOnce();
  });
});
