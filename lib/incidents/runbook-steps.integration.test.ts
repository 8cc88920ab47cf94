import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { loadRunbook } from '@/lib/runbooks/load';
import { findIncident, setStepProgress, stepProgress } from './runbook-steps';

/**
 * Runbook step progress against a real PostgreSQL (embedded, migrated like production), through the
 * app's own db() client: stored per incident, on the incident's timeline and in the audit log.
 */

// lib/auth.ts loads the Auth.js session code, which needs Next; the data layer only uses assertRole.
vi.mock('@/lib/auth', async () => {
  const { hasRole } = await import('@/lib/auth/roles');
  const { ForbiddenError } = await import('@/lib/errors');
  return {
    assertRole: (actor: Actor, role: Actor['role']) => {
      if (!hasRole(actor.role, role)) throw new ForbiddenError(`needs ${role}`);
    },
  };
});

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const RUNBOOK = 'instance-down';

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
type Step = { id: string; title: string };
let steps: [Step, Step, ...Step[]];
let responder: Actor;
let viewer: Actor;

const actor = (id: string, email: string, name: string | null, role: Actor['role']): Actor => ({
  id,
  email,
  name,
  role,
  via: 'session',
  ip: '10.0.0.7',
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-steps-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  const runbook = await loadRunbook(RUNBOOK);
  const [first, second, ...rest] = runbook?.steps ?? [];
  if (!first || !second) throw new Error(`runbooks/${RUNBOOK}.mdx needs two steps`);
  steps = [first, second, ...rest];
  await db().user.createMany({
    data: [
      { id: 'u-ana', email: 'ana@example.com', name: 'Ana', role: 'responder' },
      { id: 'u-vic', email: 'vic@example.com', role: 'viewer' },
    ],
  });
  responder = actor('u-ana', 'ana@example.com', 'Ana', 'responder');
  viewer = actor('u-vic', 'vic@example.com', null, 'viewer');
});

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let incident: { id: string; number: number };
let other: { id: string; number: number };
beforeEach(async () => {
  incident = await db().incident.create({ data: { title: 'API down', severity: 'critical' } });
  other = await db().incident.create({ data: { title: 'Disk full', severity: 'warning' } });
});

const timeline = (incidentId: string) =>
  db().timelineEvent.findMany({ where: { incidentId }, orderBy: { id: 'asc' } });
const audits = (target: string) => db().auditLog.findMany({ where: { target }, orderBy: { id: 'asc' } });
const check = (stepId: string, checked: boolean, incidentId = incident.id, who = responder) =>
  setStepProgress(who, { runbook: RUNBOOK, incidentId, stepId, checked });

describe('checking runbook steps for an incident', () => {
  it('stores who checked which step when, on the timeline and in the audit log', async () => {
    const [step] = steps;
    const answer = await check(step.id, true);
    expect(answer).toMatchObject({
      runbook: RUNBOOK,
      incidentId: incident.id,
      incident: `INC-${incident.number}`,
      stepId: step.id,
      checked: true,
      by: 'Ana',
    });

    const rows = await db().runbookStepProgress.findMany({ where: { incidentId: incident.id } });
    expect(rows).toEqual([
      expect.objectContaining({ runbook: RUNBOOK, stepId: step.id, checkedById: 'u-ana', uncheckedAt: null }),
    ]);
    expect(rows[0]?.checkedAt.toISOString()).toBe(answer.at);

    expect(await timeline(incident.id)).toEqual([
      expect.objectContaining({
        type: 'runbook.step_checked',
        actorId: 'u-ana',
        data: { runbook: RUNBOOK, stepId: step.id, title: step.title },
      }),
    ]);
    expect(await audits(`INC-${incident.number}`)).toEqual([
      expect.objectContaining({
        action: 'runbook.step_checked',
        actorEmail: 'ana@example.com',
        via: 'session',
        ip: '10.0.0.7',
        details: { runbook: RUNBOOK, stepId: step.id },
      }),
    ]);
    expect(await stepProgress(viewer, incident.id, RUNBOOK)).toEqual({
      [step.id]: { stepId: step.id, checked: true, by: 'Ana', at: answer.at },
    });
  });

  it('keeps progress per incident', async () => {
    const [first, second] = steps;
    await check(first.id, true, `INC-${incident.number}`);
    await check(second.id, true, other.id);
    expect(Object.keys(await stepProgress(viewer, incident.id, RUNBOOK))).toEqual([first.id]);
    expect(Object.keys(await stepProgress(viewer, other.id, RUNBOOK))).toEqual([second.id]);
    expect((await timeline(other.id)).map((e) => e.type)).toEqual(['runbook.step_checked']);
  });

  it('records unchecking and checking again as their own events', async () => {
    const [step] = steps;
    await check(step.id, true);
    const unchecked = await check(step.id, false);
    expect(unchecked).toMatchObject({ checked: false, by: null });
    expect(await stepProgress(viewer, incident.id, RUNBOOK)).toEqual({});
    const row = await db().runbookStepProgress.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(row.uncheckedAt?.toISOString()).toBe(unchecked.at);

    await check(step.id, true);
    expect(
      (await db().runbookStepProgress.findFirstOrThrow({ where: { incidentId: incident.id } })).uncheckedAt,
    ).toBeNull();
    expect((await timeline(incident.id)).map((e) => e.type)).toEqual([
      'runbook.step_checked',
      'runbook.step_unchecked',
      'runbook.step_checked',
    ]);
    expect((await audits(`INC-${incident.number}`)).map((a) => a.action)).toEqual([
      'runbook.step_checked',
      'runbook.step_unchecked',
      'runbook.step_checked',
    ]);
  });

  it('adds one event when a step is ticked twice at once, and none for a step that is already so', async () => {
    const [step] = steps;
    await Promise.all([check(step.id, true), check(step.id, true)]);
    await check(steps[1].id, false);
    expect((await timeline(incident.id)).map((e) => e.type)).toEqual(['runbook.step_checked']);
  });

  it('refuses an unknown incident, step or runbook, and viewers, without writing anything', async () => {
    const [step] = steps;
    await expect(check(step.id, true, 'INC-999999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(check('no-such-step', true)).rejects.toBeInstanceOf(ValidationError);
    await expect(
      setStepProgress(responder, {
        runbook: 'no-such-runbook',
        incidentId: incident.id,
        stepId: step.id,
        checked: true,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(check(step.id, true, incident.id, viewer)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().runbookStepProgress.count({ where: { incidentId: incident.id } })).toBe(0);
    expect(await timeline(incident.id)).toEqual([]);
  });

  it('finds an incident by id or INC-<n>', async () => {
    expect(await findIncident(viewer, incident.id)).toEqual({
      id: incident.id,
      number: incident.number,
      title: 'API down',
    });
    expect((await findIncident(viewer, `inc-${other.number}`))?.id).toBe(other.id);
    expect(await findIncident(viewer, 'INC-999999')).toBeNull();
  });
});
