import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getDetail } from '@/app/api/v1/alerts/[fingerprint]/route';
import { GET as getLabels } from '@/app/api/v1/alerts/labels/route';
import { GET as getAlerts } from '@/app/api/v1/alerts/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { context } from '@/lib/testing/route-harness';
import { alertDetailSchema, alertsResponseSchema } from './api-schema';
import { alertLabelsResponseSchema } from './label-index';

/**
 * The alerts routes through route(): authentication, query parsing, and errors as HTTP statuses. The
 * session, the snapshots and the database are stand-ins; the rest is the real code.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const state = vi.hoisted(() => ({
  signedIn: true,
  clusters: new Map<string, { get: () => Promise<unknown> }>(),
}));
vi.mock('@/lib/auth', async () => {
  const { fakeAuth, testActor } = await import('@/lib/testing/route-harness');
  return fakeAuth(() => (state.signedIn ? testActor('viewer', 'session') : undefined));
});
vi.mock('@/lib/snapshots/sources', () => ({
  sources: () => ({ clusters: state.clusters, prometheus: new Map() }),
}));
vi.mock('@/lib/alerts/history', () => ({ alertHistory: async () => [] }));
// Acknowledgements come from PostgreSQL; these tests have none.
vi.mock('@/lib/alerts/ack-state', () => ({ openAcks: async () => new Map() }));
// Incident links come from PostgreSQL too; lib/alerts/incident-links.integration.test.ts reads them.
vi.mock('@/lib/alerts/incident-links', () => ({ incidentLinks: async () => new Map() }));

const alerts: ClusterAlert[] = [
  { labels: { alertname: 'InstanceDown', severity: 'critical', instance: 'db-1' }, fingerprint: 'a1' },
  { labels: { alertname: 'InstanceDown', severity: 'critical', instance: 'db-2' }, fingerprint: 'a2' },
  { labels: { alertname: 'HighCPUUsage', severity: 'warning', instance: 'web-1' }, fingerprint: 'b1' },
].map((partial) => ({ ...makeAlert(partial), cluster: 'default', peers: ['default peer 1'] }));

beforeEach(() => {
  state.signedIn = true;
  const view = {
    name: 'default',
    data: { alerts, peers: [], silences: [], routeGroups: [], statuses: [] },
    updatedAt: Date.parse('2026-11-21T08:10:00.000Z'),
    ageSeconds: 2,
    error: undefined,
    stale: false,
    intervalSeconds: 10,
  };
  state.clusters = new Map([['default', { get: async () => view }]]);
});

const call = async <P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  url: string,
  params = {} as P,
) => {
  const response = await handler(new Request(`http://vigil.test${url}`), context(params));
  return { status: response.status, body: await response.json() };
};

describe('GET /api/v1/alerts', () => {
  it('answers the filtered, grouped page in the documented shape', async () => {
    const { status, body } = await call(getAlerts, '/api/v1/alerts?filter=instance%3D~%22db.*%22&limit=1');
    expect(status).toBe(200);
    const answer = alertsResponseSchema.parse(body);
    // Counts are of what the filter finds (web-1 is not among them), by state whatever `state` asks for.
    expect(answer.counts).toMatchObject({
      total: 2,
      matching: 2,
      byState: { active: 2, silenced: 0, inhibited: 0, acknowledged: 0 },
    });
    expect(answer.alerts.map((a) => a.fingerprint)).toEqual(['a1']);
    expect(answer.groups).toEqual([expect.objectContaining({ key: 'alertname="InstanceDown"', count: 2 })]);
  });

  it('answers a bad matcher with 422 and the parser message on the filter field', async () => {
    const { status, body } = await call(
      getAlerts,
      `/api/v1/alerts?filter=${encodeURIComponent('severity=="x"')}`,
    );
    expect(status).toBe(422);
    expect(body.error.fields).toEqual({
      filter: 'unknown operator "==" after severity; use =, !=, =~ or !~',
    });
  });

  it('answers bad paging with 422 on the field', async () => {
    const { status, body } = await call(getAlerts, '/api/v1/alerts?limit=5000');
    expect(status).toBe(422);
    expect(Object.keys(body.error.fields)).toEqual(['limit']);
  });

  it('needs a signed-in caller', async () => {
    state.signedIn = false;
    expect((await call(getAlerts, '/api/v1/alerts')).status).toBe(401);
    expect((await call(getLabels, '/api/v1/alerts/labels')).status).toBe(401);
    expect((await call(getDetail, '/api/v1/alerts/a1', { fingerprint: 'a1' })).status).toBe(401);
    expect((await call(getOpenApi, '/api/v1/openapi.json')).status).toBe(401);
  });
});

describe('GET /api/v1/alerts/{fingerprint}', () => {
  it('answers the detail in the documented shape', async () => {
    const { status, body } = await call(getDetail, '/api/v1/alerts/a1', { fingerprint: 'a1' });
    expect(status).toBe(200);
    expect(alertDetailSchema.parse(body)).toMatchObject({ alert: { fingerprint: 'a1' }, expr: 'vector(1)' });
  });

  it('is 404 for an alert no Alertmanager holds, 422 for something that is not a fingerprint', async () => {
    expect((await call(getDetail, '/api/v1/alerts/ffff', { fingerprint: 'ffff' })).status).toBe(404);
    const bad = await call(getDetail, '/api/v1/alerts/x', { fingerprint: '../etc' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(['fingerprint']);
  });
});

describe('GET /api/v1/alerts/labels', () => {
  it('suggests label names, or the values of one label', async () => {
    const names = alertLabelsResponseSchema.parse(
      (await call(getLabels, '/api/v1/alerts/labels?prefix=in')).body,
    );
    expect(names).toEqual({ names: [{ value: 'instance', count: 3 }], truncated: false });
    const values = alertLabelsResponseSchema.parse(
      (await call(getLabels, '/api/v1/alerts/labels?name=alertname')).body,
    );
    expect(values).toEqual({
      name: 'alertname',
      values: [
        { value: 'InstanceDown', count: 2 },
        { value: 'HighCPUUsage', count: 1 },
      ],
      truncated: false,
    });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves the document', async () => {
    const { status, body } = await call(getOpenApi, '/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toContain('/api/v1/alerts');
  });
});
