import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { EscalationLevelConfig } from '@/lib/config/load';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { syncEscalationPolicy } from '@/lib/escalation/policy';
import { runEscalationOnce } from '@/lib/escalation/scheduler';
import type { PipelineObservation } from './pipeline-checks';
import { evaluatePipeline } from './pipeline-watch';

/**
 * Pipeline incidents against a real PostgreSQL (embedded, migrated like production): one incident per
 * broken part however many evaluations run at once (several instances, two clients here), paged by the
 * normal escalation, recovered on the timeline, and a "last seen" that survives a restart.
 */

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const POLICY: EscalationLevelConfig[] = [{ level: 1, name: 'Chat', delaySeconds: 0, targets: [] }];

let dataDir: string;
let server: EmbeddedDatabase;
let prisma: PrismaClient;
let other: PrismaClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-pipeline-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  prisma = createPrismaClient(server.url);
  // A second client stands in for a second Vigil instance on the same database.
  other = createPrismaClient(server.url);
  await syncEscalationPolicy(prisma, POLICY);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await other?.$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await prisma.$executeRawUnsafe('TRUNCATE pipeline_checks, incidents CASCADE');
});

const t0 = new Date('2026-12-04T14:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const cluster = (ok: boolean | undefined): PipelineObservation => ({
  key: 'cluster:default',
  kind: 'cluster',
  subject: 'default',
  ok,
  afterSeconds: 60,
  detail: 'Alertmanager 127.0.0.1:9093 refused the connection',
});
const timing = { startedAt: at(-3600), graceSeconds: 30 };

it('opens one pipeline incident when two evaluations run at once, and escalation pages it', async () => {
  await evaluatePipeline([cluster(true)], { ...timing, now: at(0), client: prisma });
  const runs = await Promise.all(
    [prisma, other, prisma, other].map((client) =>
      evaluatePipeline([cluster(false)], { ...timing, now: at(61), client }),
    ),
  );
  expect(runs.flatMap((r) => r.opened)).toHaveLength(1);
  const incidents = await prisma.incident.findMany({ include: { timeline: { orderBy: { id: 'asc' } } } });
  expect(incidents).toHaveLength(1);
  const [incident] = incidents;
  expect(incident).toMatchObject({
    status: 'open',
    severity: 'critical',
    title:
      'Alerting pipeline: no peer of Alertmanager cluster default answers; check the Alertmanager processes and ALERTMANAGER_URLS',
  });
  expect(incident?.timeline.map((e) => e.type)).toEqual(['incident.opened', 'pipeline.broken']);
  expect(incident?.timeline[1]?.data).toEqual({
    check: 'cluster:default',
    kind: 'cluster',
    subject: 'default',
    detail: 'Alertmanager 127.0.0.1:9093 refused the connection',
    lastOkAt: t0.toISOString(),
  });
  // Later polls while it stays broken open nothing more.
  await evaluatePipeline([cluster(false)], { ...timing, now: at(120), client: other });
  expect(await prisma.incident.count()).toBe(1);

  // The normal escalation picks it up like any incident.
  expect(await runEscalationOnce({ client: prisma, now: at(62) })).toEqual([`INC-${incident?.number} → L1`]);
});

it('does not open before the configured time, nor within the start-up grace, nor while unknown', async () => {
  await evaluatePipeline([cluster(true)], { ...timing, now: at(0), client: prisma });
  await evaluatePipeline([cluster(false)], { ...timing, now: at(59), client: prisma });
  await evaluatePipeline([cluster(undefined)], { ...timing, now: at(200), client: prisma });
  // A restart at 190 s: the stored "last seen" (0 s) is kept, but nothing pages for 30 s.
  const restarted = { startedAt: at(190), graceSeconds: 30 };
  await evaluatePipeline([cluster(false)], { ...restarted, now: at(210), client: prisma });
  expect(await prisma.incident.count()).toBe(0);
  const opened = await evaluatePipeline([cluster(false)], { ...restarted, now: at(221), client: prisma });
  expect(opened.opened).toHaveLength(1);
  // The clock ran from the last good poll before the restart, not from the restart.
  const broken = await prisma.timelineEvent.findFirstOrThrow({ where: { type: 'pipeline.broken' } });
  expect(broken.data).toMatchObject({ lastOkAt: t0.toISOString() });
});

it('records the recovery once, resolves the incident, and a later breakage opens a new one', async () => {
  await evaluatePipeline([cluster(true)], { ...timing, now: at(0), client: prisma });
  await evaluatePipeline([cluster(false)], { ...timing, now: at(61), client: prisma });
  const runs = await Promise.all(
    [prisma, other].map((client) => evaluatePipeline([cluster(true)], { ...timing, now: at(300), client })),
  );
  expect(runs.flatMap((r) => r.recovered)).toHaveLength(1);
  const incident = await prisma.incident.findFirstOrThrow({
    include: { timeline: { orderBy: { id: 'asc' } } },
  });
  expect(incident.status).toBe('resolved');
  expect(incident.resolvedAt).toEqual(at(300));
  expect(incident.timeline.map((e) => e.type)).toEqual([
    'incident.opened',
    'pipeline.broken',
    'pipeline.recovered',
    'incident.status_changed',
  ]);
  expect(incident.timeline[2]?.data).toEqual({
    check: 'cluster:default',
    kind: 'cluster',
    subject: 'default',
    downSeconds: 300,
  });
  // A resolved incident is not escalated.
  expect(await runEscalationOnce({ client: prisma, now: at(301) })).toEqual([]);

  await evaluatePipeline([cluster(false)], { ...timing, now: at(361), client: prisma });
  expect(await prisma.incident.count({ where: { status: 'open' } })).toBe(1);
  expect(await prisma.incident.count()).toBe(2);
});

it('stops the clock of a heartbeat while its cluster is unreachable', async () => {
  const heartbeat = (ok: boolean | undefined, paused?: true): PipelineObservation => ({
    key: 'heartbeat:default',
    kind: 'heartbeat',
    subject: 'default',
    ok,
    afterSeconds: 60,
    detail: '{alertname="Watchdog"}',
    ...(paused ? { paused } : {}),
  });
  await evaluatePipeline([heartbeat(true)], { ...timing, now: at(0), client: prisma });
  await evaluatePipeline([heartbeat(undefined, true)], { ...timing, now: at(300), client: prisma });
  // Back, but Prometheus has not resent the heartbeat yet: not missing for long enough.
  expect(
    (await evaluatePipeline([heartbeat(false)], { ...timing, now: at(320), client: prisma })).opened,
  ).toEqual([]);
  expect(
    (await evaluatePipeline([heartbeat(false)], { ...timing, now: at(361), client: prisma })).opened,
  ).toHaveLength(1);
});

it('resolves the incident of a cluster removed from the configuration once, and forgets its clock', async () => {
  const eu = (ok: boolean): PipelineObservation => ({ ...cluster(ok), key: 'cluster:eu', subject: 'eu' });
  await evaluatePipeline([cluster(true), eu(true)], { ...timing, now: at(0), client: prisma });
  await evaluatePipeline([cluster(true), eu(false)], { ...timing, now: at(61), client: prisma });
  expect(await prisma.incident.count({ where: { status: 'open' } })).toBe(1);

  // Both instances restarted without eu in their configuration: one of them retires it.
  const runs = await Promise.all(
    [prisma, other].map((client) => evaluatePipeline([cluster(true)], { ...timing, now: at(90), client })),
  );
  expect(runs.flatMap((r) => r.unwatched)).toHaveLength(1);
  expect(runs.flatMap((r) => r.recovered)).toEqual([]);
  const incident = await prisma.incident.findFirstOrThrow({
    include: { timeline: { orderBy: { id: 'asc' } } },
  });
  expect(incident).toMatchObject({ status: 'resolved', resolvedAt: at(90) });
  expect(incident.timeline.map((e) => e.type)).toEqual([
    'incident.opened',
    'pipeline.broken',
    'pipeline.unwatched',
    'incident.status_changed',
  ]);
  expect(incident.timeline[2]?.data).toEqual({ check: 'cluster:eu', kind: 'cluster', subject: 'eu' });
  expect((await prisma.pipelineCheck.findMany()).map((c) => c.key)).toEqual(['cluster:default']);

  // Configured again later, it starts a new clock: broken at once is not yet an incident.
  await evaluatePipeline([cluster(true), eu(false)], { ...timing, now: at(600), client: prisma });
  expect(await prisma.incident.count({ where: { status: 'open' } })).toBe(0);
  expect(
    (await evaluatePipeline([cluster(true), eu(false)], { ...timing, now: at(661), client: prisma })).opened,
  ).toHaveLength(1);
});

it('deletes the row of an unconfigured check without an incident, and leaves a resolved incident be', async () => {
  await evaluatePipeline([cluster(true)], { ...timing, now: at(0), client: prisma });
  await evaluatePipeline([cluster(false)], { ...timing, now: at(61), client: prisma });
  // A responder resolved it by hand; then the cluster left the configuration.
  await prisma.incident.updateMany({ data: { status: 'resolved', resolvedAt: at(70) } });
  const result = await evaluatePipeline([], { ...timing, now: at(90), client: prisma });
  expect(result.unwatched).toHaveLength(1);
  const incident = await prisma.incident.findFirstOrThrow({ include: { timeline: true } });
  expect(incident.resolvedAt).toEqual(at(70));
  expect(incident.timeline.map((e) => e.type)).not.toContain('incident.status_changed');
  expect(await prisma.pipelineCheck.count()).toBe(0);

  await evaluatePipeline([cluster(true)], { ...timing, now: at(100), client: prisma });
  expect((await evaluatePipeline([], { ...timing, now: at(110), client: prisma })).unwatched).toEqual([]);
  expect(await prisma.pipelineCheck.count()).toBe(0);
});
