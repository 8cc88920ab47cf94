import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import type { Actor } from '@/lib/auth/actor';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { seedStartupRouting } from '@/lib/testing/routing';
import { parseInput } from '@/lib/validation';
import { createIncidentSchema, incidentListQuerySchema } from './incident-schemas';

/**
 * Incidents against a real PostgreSQL (embedded, migrated like production), through the app's own db()
 * client: numbering, auto-open from stored alert events (idempotent under concurrency), alert
 * resolution, status transitions with their times, notes and who may edit them.
 */

// The snapshot of firing alerts that createIncident reads; the tests say which alerts fire.
const firing = new Map<
  string,
  Map<string, { item: { alertname: string; labels: Record<string, string>; startsAt: string } }>
>();
vi.mock('@/lib/alerts/query', () => ({
  currentAlertIndex: async () => ({ index: { byFingerprint: () => firing }, views: [] }),
}));

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let incidents: typeof import('./incidents');
let notes: typeof import('./notes');
let ingest: typeof import('@/lib/incidents/alert-ingest');

const actor = (id: string, email: string, name: string | null, role: Actor['role']): Actor => ({
  id,
  email,
  name,
  role,
  via: 'token',
  ip: '10.0.0.7',
});
const ana = actor('u-ana', 'ana@example.com', 'Ana', 'responder');
const bo = actor('u-bo', 'bo@example.com', 'Bo', 'responder');
const vic = actor('u-vic', 'vic@example.com', null, 'viewer');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-incidents-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  incidents = await import('./incidents');
  notes = await import('./notes');
  ingest = await import('@/lib/incidents/alert-ingest');
  await seedStartupRouting(db());
  await db().user.createMany({
    data: [
      { id: ana.id, email: ana.email, name: 'Ana', role: 'responder' },
      { id: bo.id, email: bo.email, name: 'Bo', role: 'responder' },
      { id: vic.id, email: vic.email, role: 'viewer' },
    ],
  });
});

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let seq = 0;
/** A fresh alert (own fingerprint), firing in the snapshot. */
function fire(labels: Record<string, string>, startsAt = '2026-11-21T10:00:00.000Z') {
  const fingerprint = `fp${String(++seq).padStart(14, '0')}`;
  const full = { alertname: 'InstanceDown', instance: `db-${seq}:9100`, severity: 'critical', ...labels };
  const cluster = firing.get('default') ?? new Map();
  cluster.set(fingerprint, { item: { alertname: full.alertname, labels: full, startsAt } });
  firing.set('default', cluster);
  return { fingerprint, labels: full, startsAt };
}

function event(
  alert: { fingerprint: string; labels: Record<string, string>; startsAt: string },
  status: 'firing' | 'resolved',
  endsAt: string | null = null,
): AlertEventInput {
  return {
    cluster: 'default',
    fingerprint: alert.fingerprint,
    alertname: alert.labels.alertname ?? '',
    status,
    labels: alert.labels,
    annotations: {},
    startsAt: alert.startsAt,
    endsAt,
    receiver: 'vigil',
    groupKey: '{}:{}',
  };
}

const webhook = (events: AlertEventInput[]) =>
  ingest.storeAlertEvents(events, { source: 'webhook', autoOpen: true });
const poller = (events: AlertEventInput[]) => ingest.storeAlertEvents(events, { source: 'poller' });
const incidentsOf = (fingerprint: string) =>
  db().incidentAlert.findMany({ where: { fingerprint }, include: { incident: true } });
const types = async (incidentId: string) =>
  (await db().timelineEvent.findMany({ where: { incidentId }, orderBy: { id: 'asc' } })).map((e) => e.type);

beforeEach(() => firing.clear());

describe('opening incidents from alerts', () => {
  it('numbers them INC-n, takes title and severity from the alerts, and records who and why', async () => {
    const a = fire({ alertname: 'HighLatency', severity: 'warning' });
    const b = fire({ alertname: 'HighLatency', severity: 'critical' });
    const first = await incidents.createIncident(ana, {
      alerts: [a.fingerprint, { fingerprint: b.fingerprint }],
    });
    expect(first).toMatchObject({
      ref: `INC-${first.number}`,
      title: 'HighLatency (2 alerts)',
      severity: 'critical',
      status: 'open',
      alertCount: 2,
      mttaSeconds: null,
    });
    const c = fire({});
    const second = await incidents.createIncident(ana, { alerts: [c.fingerprint], title: 'DB down' });
    expect(second.number).toBe(first.number + 1);
    expect(second.title).toBe('DB down');
    expect(await types(first.id)).toEqual(['incident.opened']);
    const audit = await db().auditLog.findMany({ where: { target: first.ref } });
    expect(audit).toMatchObject([{ action: 'incident.opened', actorEmail: ana.email, via: 'token' }]);
  });

  it('refuses an alert that already belongs to an unresolved incident, and alerts not firing', async () => {
    const a = fire({});
    const opened = await incidents.createIncident(ana, { alerts: [a.fingerprint] });
    await expect(incidents.createIncident(bo, { alerts: [a.fingerprint] })).rejects.toThrow(
      new RegExp(`already part of ${opened.ref}`),
    );
    await expect(incidents.createIncident(bo, { alerts: [a.fingerprint] })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(incidents.createIncident(ana, { alerts: ['nope'] })).rejects.toBeInstanceOf(ValidationError);
    // The route parses the body with the operation's schema before the data layer sees it.
    await expect(async () =>
      incidents.createIncident(ana, parseInput(createIncidentSchema, { alerts: [] })),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('lets viewers read but not open', async () => {
    const a = fire({});
    await expect(incidents.createIncident(vic, { alerts: [a.fingerprint] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      incidents.listIncidents(vic, parseInput(incidentListQuerySchema, {})),
    ).resolves.toHaveProperty('incidents');
  });
});

describe('auto-open from alert events', () => {
  it('opens one incident per alert across concurrent deliveries and retries', async () => {
    const a = fire({ alertname: 'DiskFull', instance: 'db-9:9100' });
    const events = [event(a, 'firing')];
    // Both HA peers at once, then Alertmanager's repeat.
    await Promise.all([webhook(events), webhook(events)]);
    await webhook(events);
    const links = await incidentsOf(a.fingerprint);
    expect(links).toHaveLength(1);
    const incident = links[0]?.incident;
    expect(incident).toMatchObject({ title: 'DiskFull on db-9:9100', severity: 'critical', status: 'open' });
    expect(await types(incident?.id ?? '')).toEqual(['incident.opened', 'alert.fired']);
    const audit = await db().auditLog.findMany({ where: { action: 'incident.opened', via: 'system' } });
    expect(
      audit.filter((r) => (r.details as { fingerprint?: string }).fingerprint === a.fingerprint),
    ).toHaveLength(1);
  });

  it('opens one incident for a whole notification group, which later alerts of the group join', async () => {
    const group = 'default:{}/{severity="critical"}:{alertname="NodeFlood"}';
    const flood = Array.from({ length: 30 }, () => fire({ alertname: 'NodeFlood' }));
    const byGroup = (events: AlertEventInput[]) =>
      ingest.storeAlertEvents(events, { source: 'webhook', autoOpen: true, group });
    // Both peers deliver the same group at once.
    await Promise.all([
      byGroup(flood.map((a) => event(a, 'firing'))),
      byGroup(flood.map((a) => event(a, 'firing'))),
    ]);
    const ids = new Set(
      (await Promise.all(flood.map((a) => incidentsOf(a.fingerprint)))).flat().map((l) => l.incidentId),
    );
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const incident = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(incident.title).toBe('NodeFlood: 30 alerts');
    const late = fire({ alertname: 'NodeFlood' });
    await byGroup([event(late, 'firing')]);
    expect((await incidentsOf(late.fingerprint)).map((l) => l.incidentId)).toEqual([id]);
    expect((await types(id ?? '')).filter((t) => t === 'incident.opened')).toHaveLength(1);
    expect((await types(id ?? '')).filter((t) => t === 'alert.fired')).toHaveLength(31);
  });

  it('opens nothing for alerts outside the policy, or from the poller', async () => {
    const warning = fire({ severity: 'warning' });
    await webhook([event(warning, 'firing')]);
    const critical = fire({});
    await poller([event(critical, 'firing')]);
    expect(await incidentsOf(warning.fingerprint)).toHaveLength(0);
    expect(await incidentsOf(critical.fingerprint)).toHaveLength(0);
  });

  it('does not reopen for the same firing after the incident was resolved, but does for a new firing', async () => {
    const a = fire({});
    await webhook([event(a, 'firing')]);
    const [link] = await incidentsOf(a.fingerprint);
    await incidents.updateIncident(ana, link?.incidentId ?? '', { status: 'resolved' });
    await webhook([event(a, 'firing')]);
    expect(await incidentsOf(a.fingerprint)).toHaveLength(1);
    await webhook([event({ ...a, startsAt: '2026-11-21T11:00:00.000Z' }, 'firing')]);
    expect(await incidentsOf(a.fingerprint)).toHaveLength(2);
  });
});

describe('runbook links of the alerts', () => {
  it("opens each alert's runbook for the incident, by annotation or alert name", async () => {
    const down = fire({ alertname: 'InstanceDown', instance: 'rb-1:9100' });
    const annotated = fire({ alertname: 'VolumeAlmostFull', instance: 'rb-1:9100' });
    const unknown = fire({ alertname: 'NobodyWroteThis', instance: 'rb-1:9100' });
    // The annotation lives only on the stored firing: the incident keeps labels.
    await poller([
      event(down, 'firing'),
      {
        ...event(annotated, 'firing'),
        annotations: { runbook_url: 'https://git.example.com/ops/runbooks/disk-space-low.mdx' },
      },
      event(unknown, 'firing'),
    ]);
    const opened = await incidents.createIncident(ana, {
      alerts: [down.fingerprint, annotated.fingerprint, unknown.fingerprint],
    });
    const { alerts } = await incidents.getIncident(vic, opened.ref);
    const ofAlert = (fp: string) => alerts.find((a) => a.fingerprint === fp)?.runbook?.url ?? null;
    expect(ofAlert(down.fingerprint)).toBe(
      `/runbooks/instance-down?alert=${down.fingerprint}&incident=${opened.ref}`,
    );
    expect(ofAlert(annotated.fingerprint)).toBe(
      `/runbooks/disk-space-low?alert=${annotated.fingerprint}&incident=${opened.ref}`,
    );
    expect(ofAlert(unknown.fingerprint)).toBeNull();
  });
});

describe('auto-open failing', () => {
  it('stores nothing, so the webhook answers 503 and the retry opens the incident', async () => {
    const a = fire({});
    await db().$executeRawUnsafe(
      `CREATE FUNCTION refuse_incident() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no incidents today'; END $$ LANGUAGE plpgsql`,
    );
    await db().$executeRawUnsafe(
      'CREATE TRIGGER refuse_incident BEFORE INSERT ON incidents FOR EACH ROW EXECUTE FUNCTION refuse_incident()',
    );
    try {
      await expect(webhook([event(a, 'firing')])).rejects.toBeInstanceOf(ingest.AlertStoreError);
      expect(await db().alertEvent.count({ where: { fingerprint: a.fingerprint } })).toBe(0);
    } finally {
      await db().$executeRawUnsafe('DROP TRIGGER refuse_incident ON incidents');
      await db().$executeRawUnsafe('DROP FUNCTION refuse_incident()');
    }
    await webhook([event(a, 'firing')]);
    expect(await db().alertEvent.count({ where: { fingerprint: a.fingerprint } })).toBe(1);
    expect(await incidentsOf(a.fingerprint)).toHaveLength(1);
  });
});

describe('linked alerts resolving and firing again', () => {
  it('sets resolvedAt and adds alert.resolved once, then alert.fired for a new firing', async () => {
    const a = fire({});
    const opened = await incidents.createIncident(ana, { alerts: [a.fingerprint] });
    // Times after the incident opened: the timeline is in the order things happened.
    const resolvedAt = new Date(Date.now() + 1000).toISOString();
    const refiredAt = new Date(Date.now() + 2000).toISOString();
    const resolved = event(a, 'resolved', resolvedAt);
    await poller([resolved]);
    await webhook([resolved]);
    let detail = await incidents.getIncident(vic, opened.ref);
    expect(detail.alerts[0]?.resolvedAt).toBe(resolvedAt);
    expect(detail.suggestResolve).toBe(true);
    expect(detail.timeline.map((e) => e.type)).toEqual(['incident.opened', 'alert.resolved']);
    expect(detail.timeline[1]?.sentence).toMatch(/^Alert InstanceDown on db-\d+:9100 resolved$/);

    await poller([event({ ...a, startsAt: refiredAt }, 'firing')]);
    detail = await incidents.getIncident(vic, opened.id);
    expect(detail.alerts[0]?.resolvedAt).toBeNull();
    expect(detail.suggestResolve).toBe(false);
    expect(detail.timeline.map((e) => e.type)).toEqual(['incident.opened', 'alert.resolved', 'alert.fired']);
  });
});

describe('status changes', () => {
  it('acknowledges, mitigates and resolves with the time of each step, on the timeline and audited', async () => {
    const a = fire({});
    const opened = await incidents.createIncident(ana, { alerts: [a.fingerprint] });
    const acked = await incidents.acknowledgeIncident(bo, opened.ref, { reason: 'on it' });
    expect(acked).toMatchObject({ status: 'acknowledged', changed: true });
    expect(acked.acknowledgedAt).not.toBeNull();
    // A second acknowledgement (a retry, another responder) changes nothing.
    expect(await incidents.acknowledgeIncident(ana, opened.ref, {})).toMatchObject({
      changed: false,
      acknowledgedAt: acked.acknowledgedAt,
    });
    const mitigated = await incidents.updateIncident(ana, opened.ref, {
      status: 'mitigated',
      commander: bo.email,
    });
    expect(mitigated).toMatchObject({ status: 'mitigated', commander: { id: bo.id, name: 'Bo' } });
    expect(mitigated.mitigatedAt).not.toBeNull();
    const resolved = await incidents.updateIncident(ana, opened.id, { status: 'resolved' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.mttaSeconds).toBeGreaterThanOrEqual(0);
    expect(resolved.mttrSeconds).toBeGreaterThanOrEqual(0);

    const detail = await incidents.getIncident(vic, opened.ref);
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'incident.opened',
      'incident.acknowledged',
      'incident.status_changed',
      'incident.commander_changed',
      'incident.status_changed',
    ]);
    expect(detail.timeline.map((e) => e.sentence)).toContain('Bo acknowledged the incident: on it');
    expect(detail.timeline.map((e) => e.sentence)).toContain('Ana made Bo the incident commander');
    const actions = (
      await db().auditLog.findMany({ where: { target: opened.ref }, orderBy: { id: 'asc' } })
    ).map((r) => r.action);
    expect(actions).toEqual([
      'incident.opened',
      'incident.acknowledged',
      'incident.updated',
      'incident.updated',
    ]);

    const list = await incidents.listIncidents(
      vic,
      parseInput(incidentListQuerySchema, { status: 'resolved', q: opened.ref }),
    );
    expect(list.incidents.map((i) => i.ref)).toEqual([opened.ref]);
    expect(list.averages.mttrSeconds).toBe(resolved.mttrSeconds);
    // The severity filter is typed by hand: "Critical" finds "critical".
    const bySeverity = await incidents.listIncidents(
      vic,
      parseInput(incidentListQuerySchema, {
        status: 'resolved',
        q: opened.ref,
        severity: resolved.severity.toUpperCase(),
      }),
    );
    expect(bySeverity.incidents.map((i) => i.ref)).toEqual([opened.ref]);
  });

  it('acknowledges an open incident with an acknowledgement of its alert (the hook acks.ts calls)', async () => {
    const a = fire({});
    const opened = await incidents.createIncident(ana, { alerts: [a.fingerprint] });
    const changed = await db().$transaction((tx) =>
      incidents.acknowledgeIncidentForAlert(tx, bo, opened.id, {
        fingerprint: a.fingerprint,
        alertname: 'InstanceDown',
      }),
    );
    expect(changed).toBe(true);
    const detail = await incidents.getIncident(vic, opened.id);
    expect(detail.status).toBe('acknowledged');
    expect(detail.timeline.at(-1)?.sentence).toBe(
      'Bo acknowledged the incident by acknowledging alert InstanceDown',
    );
  });

  it('refuses an unknown commander and a viewer', async () => {
    const a = fire({});
    const opened = await incidents.createIncident(ana, { alerts: [a.fingerprint] });
    await expect(
      incidents.updateIncident(ana, opened.id, { commander: 'nobody@example.com' }),
    ).rejects.toBeInstanceOf(ValidationError);
    // A viewer cannot act on the incident, so cannot lead it either.
    const asCommander = incidents.updateIncident(ana, opened.id, { commander: vic.email });
    await expect(asCommander).rejects.toBeInstanceOf(ValidationError);
    await expect(asCommander).rejects.toMatchObject({
      fields: { commander: `${vic.email} is a viewer: choose a responder or an admin` },
    });
    await expect(incidents.updateIncident(vic, opened.id, { status: 'resolved' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(incidents.getIncident(vic, 'INC-999999')).rejects.toThrow(/no incident INC-999999/);
  });
});

describe('notes', () => {
  it('stores HTML as written and lets only the author edit, marking the note edited', async () => {
    const a = fire({});
    const opened = await incidents.createIncident(ana, { alerts: [a.fingerprint] });
    const body = '<img src=x onerror=alert(1)> **checking** <script>alert(2)</script>';
    const note = await notes.addNote(ana, opened.ref, { body });
    expect(note).toMatchObject({ body, author: { id: ana.id, name: 'Ana' }, editedAt: null });

    await expect(notes.editNote(bo, opened.ref, note.id, { body: 'mine now' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(notes.addNote(vic, opened.ref, { body: 'hi' })).rejects.toBeInstanceOf(ForbiddenError);
    const edited = await notes.editNote(ana, opened.ref, note.id, { body: 'Disk full on db-1' });
    expect(edited.editedAt).not.toBeNull();

    const detail = await incidents.getIncident(vic, opened.ref);
    expect(detail.notes).toMatchObject([
      { id: note.id, body: 'Disk full on db-1', editedAt: edited.editedAt },
    ]);
    expect(detail.timeline.map((e) => e.type)).toEqual(['incident.opened', 'note.added', 'note.edited']);
    const actions = (
      await db().auditLog.findMany({ where: { target: opened.ref }, orderBy: { id: 'asc' } })
    ).map((r) => r.action);
    expect(actions).toEqual(['incident.opened', 'incident.note_added', 'incident.note_edited']);
  });
});
