import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { recordEvent } from '@/lib/incidents/record-event';
import type { TimelineEvent } from '@/lib/incidents/timeline-events';
import { context } from '@/lib/testing/route-harness';
import { parseInput } from '@/lib/validation';
import { listPostmortems, openActionItems } from './lists';
import { getPostmortem, savePostmortem as saveParsed } from './postmortems';
import { postmortemPutSchema } from './schemas';

/**
 * Post-mortems against a real PostgreSQL (embedded, migrated like production), through the app's own
 * db() client and, for the export, the route handler: the pre-filled template, saving, status rules,
 * star/hide on the incident's timeline, action items, the audit trail and the Markdown file.
 */

// The routes ask lib/auth.ts for the caller; it loads Auth.js, which needs Next. The test names the caller.
let caller: Actor | undefined;
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth(() => caller));
// route() reads the environment, and checks each answer against its operation as in every test.
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

/** A PUT body as the route hands it over: parsed by the operation's schema, whose refusals are 422s. */
const savePostmortem = async (actor: Actor, ref: string, body: unknown) =>
  saveParsed(actor, ref, parseInput(postmortemPutSchema, body));

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;

const actor = (id: string, email: string, name: string | null, role: Actor['role']): Actor => ({
  id,
  email,
  name,
  role,
  via: 'session',
  ip: '10.0.0.7',
});
const responder = actor('u-ana', 'ana@example.com', 'Ana', 'responder');
const viewer = actor('u-vic', 'vic@example.com', null, 'viewer');
const admin = actor('u-ada', 'ada@example.com', 'Ada', 'admin');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-postmortems-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  await db().user.createMany({
    data: [
      { id: 'u-ana', email: 'ana@example.com', name: 'Ana', role: 'responder' },
      { id: 'u-vic', email: 'vic@example.com', role: 'viewer' },
      { id: 'u-ada', email: 'ada@example.com', name: 'Ada', role: 'admin' },
      { id: 'u-old', email: 'old@example.com', role: 'responder', disabledAt: new Date() },
    ],
  });
});

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const at = (hhmm: string) => new Date(`2026-11-21T${hhmm}:00.000Z`);

let incident: { id: string; number: number };
let ref: string;
let eventIds: { fired: string; ack: string; notified: string };

beforeEach(async () => {
  incident = await db().incident.create({
    data: {
      title: 'API down',
      severity: 'critical',
      status: 'resolved',
      openedAt: at('09:02'),
      acknowledgedAt: at('09:10'),
      resolvedAt: at('10:30'),
      createdById: 'u-ana',
      alerts: {
        create: {
          cluster: 'default',
          fingerprint: `fp-${Math.random()}`,
          alertname: 'APIDown',
          labels: { alertname: 'APIDown', instance: 'api-1', severity: 'critical' },
          startsAt: at('09:00'),
          resolvedAt: at('10:20'),
        },
      },
      notes: { create: { authorId: 'u-ana', body: 'Rolled back 1.2.3', createdAt: at('09:35') } },
    },
  });
  ref = `INC-${incident.number}`;
  const event = async (e: TimelineEvent, time: string, actorId: string | null = null) =>
    (await recordEvent(db(), { ...e, incidentId: incident.id, at: at(time), actorId })).toString();
  const alert = { cluster: 'default', fingerprint: 'fp-1', alertname: 'APIDown' };
  const fired = await event({ type: 'alert.fired', data: { ...alert, instance: 'api-1' } }, '09:00');
  const ack = await event(
    { type: 'alert.acknowledged', data: { ...alert, silenceId: null, comment: 'looking' } },
    '09:10',
    'u-ana',
  );
  const notified = await event(
    { type: 'notification.sent', data: { notificationId: 'n-1', channel: 'email', level: 1, attempt: 1 } },
    '09:11',
  );
  await event(
    { type: 'incident.status_changed', data: { from: 'acknowledged', to: 'resolved' } },
    '10:30',
    'u-ana',
  );
  eventIds = { fired, ack, notified };
  caller = viewer;
});

const audits = () =>
  db().auditLog.findMany({
    where: { target: ref },
    orderBy: { id: 'asc' },
    select: { action: true, actorEmail: true, details: true },
  });

describe('the pre-filled template', () => {
  it('is read by a viewer, by id or INC-<n>, without saving anything', async () => {
    const pm = await getPostmortem(viewer, ref);
    expect(pm).toMatchObject({ id: null, saved: false, status: 'draft', author: null, actionItems: [] });
    expect(pm.incident).toMatchObject({ id: incident.id, ref, title: 'API down', severity: 'critical' });
    expect(pm.sections.summary).toBe(
      `${ref} "API down", a critical incident, lasted 1h 28m (2026-11-21 09:02:00 UTC to 2026-11-21 10:30:00 UTC).`,
    );
    expect(pm.sections.impact).toContain('- APIDown on api-1 (critical): firing 1h 20m');
    expect(pm.sections.detection).toContain(
      'acknowledged by Ana at 2026-11-21 09:10:00 UTC: time to acknowledge (MTTA, from the opening) 8m',
    );
    expect(pm.sections.resolution).toContain('- 2026-11-21 10:30:00 UTC: resolved (Ana)');
    expect(pm.sections.resolution).toContain('Ana: Rolled back 1.2.3');
    expect(pm.timeline.map((e) => e.text)).toEqual([
      'Alert APIDown on api-1 fired',
      'Ana acknowledged alert APIDown: looking',
      'Notified email (level 1)',
      'Ana changed the status from acknowledged to resolved',
    ]);
    expect((await getPostmortem(viewer, incident.id)).sections).toEqual(pm.sections);
    expect(await db().postmortem.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it('is a NotFoundError for an unknown incident', async () => {
    await expect(getPostmortem(viewer, 'INC-999999')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('saving', () => {
  it('creates the post-mortem from the template on the first PUT, with the changes, audited', async () => {
    const pm = await savePostmortem(responder, ref, { sections: { rootCause: 'A bad deploy' } });
    expect(pm).toMatchObject({ saved: true, status: 'draft', author: 'Ana' });
    expect(pm.sections.rootCause).toBe('A bad deploy');
    expect(pm.sections.summary).toContain('lasted 1h 28m');
    expect(await audits()).toEqual([
      { action: 'postmortem.created', actorEmail: 'ana@example.com', details: {} },
      { action: 'postmortem.updated', actorEmail: 'ana@example.com', details: { sections: ['rootCause'] } },
    ]);
    // Saving the same text again changes nothing and audits nothing.
    await savePostmortem(responder, ref, { sections: { rootCause: 'A bad deploy' } });
    expect(await audits()).toHaveLength(2);
  });

  it('refuses viewers and bad bodies', async () => {
    await expect(savePostmortem(viewer, ref, { sections: { rootCause: 'x' } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(savePostmortem(responder, ref, { status: 'done' })).rejects.toMatchObject({
      fields: { status: expect.any(String) },
    });
    await expect(savePostmortem(responder, ref, { sections: { rootCause: 5 } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(savePostmortem(responder, ref, { surprise: true })).rejects.toBeInstanceOf(ValidationError);
    expect(await db().postmortem.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it('stars and hides timeline events of this incident only', async () => {
    const pm = await savePostmortem(responder, ref, {
      timeline: [
        { id: eventIds.fired, starred: true },
        { id: eventIds.notified, hidden: true },
      ],
    });
    expect(pm.timeline.map((e) => [e.type, e.starred, e.hidden])).toEqual([
      ['alert.fired', true, false],
      ['alert.acknowledged', false, false],
      ['notification.sent', false, true],
      ['incident.status_changed', false, false],
    ]);
    expect((await audits()).at(-1)).toMatchObject({
      action: 'postmortem.timeline_curated',
      details: {
        changes: [
          { id: eventIds.fired, starred: true },
          { id: eventIds.notified, hidden: true },
        ],
      },
    });
    const other = await db().incident.create({ data: { title: 'Other', severity: 'info' } });
    const foreign = await db().timelineEvent.create({ data: { incidentId: other.id, type: 'note' } });
    await expect(
      savePostmortem(responder, ref, { timeline: [{ id: foreign.id.toString(), starred: true }] }),
    ).rejects.toMatchObject({ fields: { 'timeline.0.id': 'not an event of this incident' } });
    expect((await db().timelineEvent.findUniqueOrThrow({ where: { id: foreign.id } })).starred).toBe(false);
  });

  it('replaces the action items: adds, updates, ticks done and removes, with owners checked', async () => {
    let pm = await savePostmortem(responder, ref, {
      actionItems: [
        { title: 'Add a canary', ownerId: 'u-ana', dueDate: '2026-12-01' },
        { title: 'Write the runbook' },
      ],
    });
    expect(pm.actionItems).toEqual([
      expect.objectContaining({ title: 'Add a canary', owner: 'Ana', dueDate: '2026-12-01', done: false }),
      expect.objectContaining({ title: 'Write the runbook', owner: null, dueDate: null, done: false }),
    ]);
    const [canary, runbook] = pm.actionItems;
    pm = await savePostmortem(responder, ref, {
      actionItems: [
        { id: canary?.id, title: 'Add a canary', ownerId: 'u-ada', dueDate: '2026-12-01', done: true },
      ],
    });
    expect(pm.actionItems).toEqual([
      expect.objectContaining({ id: canary?.id, owner: 'Ada', done: true, doneAt: expect.any(String) }),
    ]);
    expect(await db().actionItem.findUnique({ where: { id: runbook?.id ?? '' } })).toBeNull();
    expect((await audits()).at(-1)).toMatchObject({
      action: 'postmortem.action_items_changed',
      details: { added: 0, updated: 1, removed: ['Write the runbook'] },
    });
    await expect(
      savePostmortem(responder, ref, {
        actionItems: [
          { title: 'x', ownerId: 'u-old' },
          { id: 'nope', title: 'y' },
        ],
      }),
    ).rejects.toMatchObject({
      fields: { 'actionItems.0.ownerId': expect.any(String), 'actionItems.1.id': expect.any(String) },
    });
    await expect(
      savePostmortem(responder, ref, { actionItems: [{ title: 'x', dueDate: '1 Dec' }] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('status', () => {
  it('goes draft → in review → published, read-only until an admin reopens it', async () => {
    await expect(savePostmortem(responder, ref, { status: 'published' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await savePostmortem(responder, ref, { status: 'in_review' })).status).toBe('in_review');
    const published = await savePostmortem(responder, ref, { status: 'published' });
    expect(published).toMatchObject({ status: 'published', publishedAt: expect.any(String) });

    await expect(savePostmortem(responder, ref, { sections: { rootCause: 'later' } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      savePostmortem(admin, ref, { timeline: [{ id: eventIds.ack, starred: true }] }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(savePostmortem(responder, ref, { status: 'draft' })).rejects.toBeInstanceOf(ForbiddenError);

    const reopened = await savePostmortem(admin, ref, { status: 'draft', sections: { rootCause: 'later' } });
    expect(reopened).toMatchObject({ status: 'draft', publishedAt: null });
    expect(reopened.sections.rootCause).toBe('later');
    expect((await audits()).filter((a) => a.action === 'postmortem.status_changed')).toEqual([
      {
        action: 'postmortem.status_changed',
        actorEmail: 'ana@example.com',
        details: { from: 'draft', to: 'in_review' },
      },
      {
        action: 'postmortem.status_changed',
        actorEmail: 'ana@example.com',
        details: { from: 'in_review', to: 'published' },
      },
      {
        action: 'postmortem.status_changed',
        actorEmail: 'ada@example.com',
        details: { from: 'published', to: 'draft' },
      },
    ]);
  });
});

describe('lists', () => {
  it('lists post-mortems with status, incident, title and owner, and open action items across incidents', async () => {
    await savePostmortem(responder, ref, {
      actionItems: [
        { title: 'Overdue thing', dueDate: '2026-01-01', ownerId: 'u-ana' },
        { title: 'Done thing', done: true },
        { title: 'Someday' },
      ],
    });
    const list = await listPostmortems(viewer);
    expect(list.postmortems.find((p) => p.incident === ref)).toMatchObject({
      status: 'draft',
      incidentId: incident.id,
      title: 'API down',
      owner: 'Ana',
      openActionItems: 2,
    });
    const open = (await openActionItems(viewer, new Date('2026-06-01T00:00:00Z'))).actionItems.filter(
      (a) => a.incident === ref,
    );
    expect(open.map((a) => [a.title, a.overdue, a.owner])).toEqual([
      ['Overdue thing', true, 'Ana'],
      ['Someday', false, null],
    ]);
  });
});

describe('GET /api/v1/incidents/{id}/postmortem.md', () => {
  it("downloads the curated post-mortem as Markdown, with the incident MTTA/MTTR and people's Markdown kept", async () => {
    await savePostmortem(responder, ref, {
      sections: { rootCause: '# not a heading <script>alert(1)</script>' },
      timeline: [
        { id: eventIds.fired, starred: true },
        { id: eventIds.notified, hidden: true },
      ],
    });
    const { GET } = await import('@/app/api/v1/incidents/[id]/postmortem.md/route');
    const res = await GET(
      new Request(`http://vigil.test/api/v1/incidents/${ref}/postmortem.md`),
      context({ id: ref }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="postmortem-${ref}.md"`);
    const md = await res.text();
    for (const heading of [
      'Summary',
      'Impact',
      'Detection',
      'Timeline',
      'Root cause',
      'Resolution',
      'Action items',
    ])
      expect(md).toContain(`\n## ${heading}\n`);
    expect(md).toContain('- 2026-11-21 09:00:00 UTC ★ **Alert APIDown on api-1 fired**');
    expect(md).not.toContain('Notification sent');
    // A heading people wrote stays a heading, under its section; their HTML shows as text.
    expect(md).toContain('## Root cause\n\n### not a heading &lt;script>alert(1)&lt;/script>\n');
    expect(md).toContain(
      '- MTTA (opened to first acknowledgement): 8m\n- MTTR (opened to resolved): 1h 28m\n',
    );

    caller = undefined;
    const anonymous = await GET(new Request('http://vigil.test/x'), context({ id: ref }));
    expect(anonymous.status).toBe(401);
    caller = viewer;
    const missing = await GET(new Request('http://vigil.test/x'), context({ id: 'INC-999999' }));
    expect(missing.status).toBe(404);
  });
});
