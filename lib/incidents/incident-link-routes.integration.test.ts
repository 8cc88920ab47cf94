import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClusterAlert } from '@/lib/alertmanager/merge';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { alertDetailSchema, alertsResponseSchema } from '@/lib/alerts/api-schema';
import { errorBodySchema } from '@/lib/api/error-body';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { context } from '@/lib/testing/route-harness';
import { incidentDetailSchema, incidentSummarySchema } from './incident-schemas';

/**
 * The alert ↔ incident link through the real routes and a real PostgreSQL (embedded, migrated like
 * production): the alerts list and detail carry the unresolved incident of an alert, a second "open
 * incident" on it answers 409 naming that incident, and a resolved incident is no longer shown. The
 * snapshots and the caller are stand-ins.
 */

await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const alerts: ClusterAlert[] = [
  { labels: { alertname: 'InstanceDown', severity: 'critical', instance: 'db-1' }, fingerprint: 'a1' },
  { labels: { alertname: 'HighCPUUsage', severity: 'warning', instance: 'web-1' }, fingerprint: 'b1' },
].map((partial) => ({ ...makeAlert(partial), cluster: 'default', peers: ['default peer 1'] }));

vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth());
vi.mock('@/lib/snapshots/sources', () => {
  const view = {
    name: 'default',
    data: { alerts, peers: [], silences: [], routeGroups: [], statuses: [] },
    updatedAt: Date.parse('2026-11-21T08:10:00.000Z'),
    ageSeconds: 2,
    error: undefined,
    stale: false,
    intervalSeconds: 10,
  };
  return {
    sources: () => ({ clusters: new Map([['default', { get: async () => view }]]), prometheus: new Map() }),
  };
});

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let routes: {
  alerts: typeof import('@/app/api/v1/alerts/route');
  detail: typeof import('@/app/api/v1/alerts/[fingerprint]/route');
  incidents: typeof import('@/app/api/v1/incidents/route');
  incident: typeof import('@/app/api/v1/incidents/[id]/route');
  link: typeof import('@/app/api/v1/incidents/[id]/alerts/route');
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-incident-links-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  await db().user.create({ data: { id: 'u-responder', email: 'responder@example.com', role: 'responder' } });
  routes = {
    alerts: await import('@/app/api/v1/alerts/route'),
    detail: await import('@/app/api/v1/alerts/[fingerprint]/route'),
    incidents: await import('@/app/api/v1/incidents/route'),
    incident: await import('@/app/api/v1/incidents/[id]/route'),
    link: await import('@/app/api/v1/incidents/[id]/alerts/route'),
  };
});

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const request = (url: string, method = 'GET', body?: unknown) =>
  new Request(`http://vigil.test${url}`, {
    method,
    headers: { 'x-test-role': 'responder', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function listAlerts() {
  const response = await routes.alerts.GET(request('/api/v1/alerts?group_by='), context());
  expect(response.status).toBe(200);
  return alertsResponseSchema.parse(await response.json()).alerts;
}

async function openIncident(fingerprint: string) {
  const response = await routes.incidents.POST(
    request('/api/v1/incidents', 'POST', { alerts: [{ fingerprint, cluster: 'default' }] }),
    context(),
  );
  return { status: response.status, body: await response.json() };
}

describe('the alert ↔ incident link', () => {
  it('is on the alert in the list and the detail once an incident is opened for it', async () => {
    expect((await listAlerts()).map((a) => a.incident)).toEqual([null, null]);

    const opened = await openIncident('a1');
    expect(opened.status).toBe(201);
    const incident = incidentSummarySchema.parse(opened.body);

    // At once, not after the next refresh: opening an incident invalidates the links.
    const listed = await listAlerts();
    expect(listed.find((a) => a.fingerprint === 'a1')?.incident).toEqual({
      id: incident.id,
      ref: incident.ref,
      title: incident.title,
    });
    expect(listed.find((a) => a.fingerprint === 'b1')?.incident).toBeNull();

    const detail = await routes.detail.GET(request('/api/v1/alerts/a1'), context({ fingerprint: 'a1' }));
    expect(alertDetailSchema.parse(await detail.json()).alert.incident?.ref).toBe(incident.ref);
  });

  it('answers a second "open incident" on that alert with 409 and the incident it is part of', async () => {
    const [linked] = (await listAlerts()).filter((a) => a.incident);
    const again = await openIncident('a1');
    expect(again.status).toBe(409);
    const { error } = errorBodySchema.parse(again.body);
    expect(error.existing).toEqual({ id: linked?.incident?.id, ref: linked?.incident?.ref });
    expect(error.message).toContain(`already part of ${linked?.incident?.ref}`);
  });

  it("gives the incident page the next escalation step of the incident's policy", async () => {
    const { syncEscalationPolicy } = await import('@/lib/escalation/policy');
    await syncEscalationPolicy(db(), [
      { level: 1, name: 'On-call', delaySeconds: 0, targets: [] },
      { level: 2, name: 'SRE lead', delaySeconds: 300, targets: [] },
    ]);
    const [linked] = (await listAlerts()).filter((a) => a.incident);
    const ref = linked?.incident?.ref ?? '';
    const response = await routes.incident.GET(request(`/api/v1/incidents/${ref}`), context({ id: ref }));
    const detail = incidentDetailSchema.parse(await response.json());
    // Level 0 until the scheduler's first pass (none runs here): L1 is due at once.
    expect(detail.nextEscalation).toMatchObject({ level: 1, name: 'On-call' });
    expect(Date.parse(detail.nextEscalation?.at ?? '')).toBeLessThanOrEqual(Date.now());
  });

  it('is gone once the incident is resolved', async () => {
    const [linked] = (await listAlerts()).filter((a) => a.incident);
    const ref = linked?.incident?.ref ?? '';
    const resolved = await routes.incident.PATCH(
      request(`/api/v1/incidents/${ref}`, 'PATCH', { status: 'resolved' }),
      context({ id: ref }),
    );
    expect(resolved.status).toBe(200);
    expect((await listAlerts()).map((a) => a.incident)).toEqual([null, null]);
  });
});

describe('a declared incident (no alert caught it)', () => {
  async function declare(body: unknown) {
    const response = await routes.incidents.POST(request('/api/v1/incidents', 'POST', body), context());
    return { status: response.status, body: await response.json() };
  }
  async function link(ref: string, alerts: unknown) {
    const response = await routes.link.POST(
      request(`/api/v1/incidents/${ref}/alerts`, 'POST', { alerts }),
      context({ id: ref }),
    );
    return { status: response.status, body: await response.json() };
  }
  async function timeline(ref: string) {
    const response = await routes.incident.GET(request(`/api/v1/incidents/${ref}`), context({ id: ref }));
    return incidentDetailSchema.parse(await response.json()).timeline.map((e) => e.sentence);
  }

  it('needs a title, since no alert names it', async () => {
    const missing = await declare({});
    expect(missing.status).toBe(422);
    expect(errorBodySchema.parse(missing.body).error.fields).toHaveProperty('title');
  });

  it('opens without alerts, then takes firing alerts linked to it, once each', async () => {
    const declared = await declare({ title: 'Customers report failed checkouts', severity: 'critical' });
    expect(declared.status).toBe(201);
    const incident = incidentSummarySchema.parse(declared.body);
    expect(incident).toMatchObject({ alertCount: 0, severity: 'critical', status: 'open' });

    const linked = await link(incident.ref, ['b1']);
    expect(linked.status).toBe(200);
    expect(incidentSummarySchema.parse(linked.body).alertCount).toBe(1);
    expect((await listAlerts()).find((a) => a.fingerprint === 'b1')?.incident?.ref).toBe(incident.ref);

    // Linking the same alert again changes nothing and says nothing twice.
    expect(incidentSummarySchema.parse((await link(incident.ref, ['b1'])).body).alertCount).toBe(1);
    const sentences = await timeline(incident.ref);
    expect(sentences.filter((s) => s.includes('linked alert HighCPUUsage on web-1'))).toHaveLength(1);
    expect(sentences).toContain('responder@example.com declared the incident');
  });

  it('refuses an alert that is part of another unresolved incident, naming it', async () => {
    const other = incidentSummarySchema.parse((await declare({ title: 'Another report' })).body);
    expect(other.severity).toBe('none');
    const refused = await link(other.ref, [{ fingerprint: 'b1', cluster: 'default' }]);
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(refused.body).error.message).toMatch(/already part of INC-\d+/);
  });

  it('refuses alerts that do not fire, and a resolved incident', async () => {
    const target = incidentSummarySchema.parse((await declare({ title: 'Security event' })).body);
    const gone = await link(target.ref, ['no-such-fingerprint']);
    expect(gone.status).toBe(422);
    const resolved = await routes.incident.PATCH(
      request(`/api/v1/incidents/${target.ref}`, 'PATCH', { status: 'resolved' }),
      context({ id: target.ref }),
    );
    expect(resolved.status).toBe(200);
    const late = await link(target.ref, ['a1']);
    expect(late.status).toBe(409);
    expect(errorBodySchema.parse(late.body).error.message).toContain('is resolved');
  });
});

describe('the links of incidents with thousands of alerts', () => {
  it('are all read, a page at a time, each alert linked to its own incident, and gone once resolved', async () => {
    const { incidentLinks, invalidateIncidentLinks } = await import('@/lib/alerts/incident-links');
    // Two incidents whose 4,500 alerts span three pages of links, the pages splitting an incident.
    const big = await Promise.all(
      ['Flood one', 'Flood two'].map((title) =>
        db().incident.create({ data: { title, severity: 'critical' } }),
      ),
    );
    const rows = Array.from({ length: 4500 }, (_, i) => ({
      incidentId: (big[i % 2] as { id: string }).id,
      cluster: i % 3 === 0 ? 'eu' : 'default',
      fingerprint: `flood-${i}`,
      alertname: 'Flood',
      labels: {},
      startsAt: new Date('2026-11-21T08:00:00.000Z'),
    }));
    await db().incidentAlert.createMany({ data: rows });
    invalidateIncidentLinks();
    const links = await incidentLinks();
    for (const [i, row] of rows.entries()) {
      const incident = big[i % 2] as { id: string; number: number; title: string };
      expect(links.get(`${row.cluster}\0${row.fingerprint}`)).toEqual({
        id: incident.id,
        ref: `INC-${incident.number}`,
        title: incident.title,
      });
    }
    await db().incident.updateMany({
      where: { id: { in: big.map((b) => b.id) } },
      data: { status: 'resolved', resolvedAt: new Date() },
    });
    invalidateIncidentLinks();
    const after = await incidentLinks();
    expect([...after.keys()].filter((key) => key.includes('flood-'))).toEqual([]);
  });
});
