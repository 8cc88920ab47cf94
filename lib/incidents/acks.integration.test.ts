import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlerts, getSilence, getSilences, postAlerts, postSilence } from '@/lib/alertmanager/client';
import type { PostableAlert } from '@/lib/alertmanager/schemas';
import type { Actor } from '@/lib/auth/actor';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { ForbiddenError, UnavailableError, UpstreamError, ValidationError } from '@/lib/errors';
import { startConsoleStack, stopConsoleStack } from '@/lib/testing/console-stack';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import { demoApi } from '../../scripts/demo-api';
import type { Stack } from '../../scripts/stack/start-stack';
import { waitFor } from '../../scripts/stack/wait';

/**
 * Acknowledgements and silences against the harness's real Alertmanager HA pair and real PostgreSQL,
 * through the same data layer the API routes call, with the server's poller running (1 s interval).
 */

const POLL_SECONDS = 1;
let stack: Stack;
let prisma: PrismaClient;
let peers: UpstreamTarget[];
let responder: Actor;
let viewer: Actor;

// Imported after the environment is set: the configuration is read on first use.
let acks: typeof import('./acks');
let silences: typeof import('./silences');
let query: typeof import('@/lib/alerts/query');

beforeAll(async () => {
  stack = await startConsoleStack(POLL_SECONDS);
  await applyMigrations(stack.databaseUrl, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = stack.databaseUrl;
  prisma = createPrismaClient(stack.databaseUrl);
  const user = async (email: string, role: 'responder' | 'viewer'): Promise<Actor> => {
    const u = await prisma.user.create({ data: { email, name: email.split('@')[0], role } });
    return { id: u.id, email, name: u.name, role, via: 'token', ip: '127.0.0.1' };
  };
  responder = await user('ana@example.com', 'responder');
  viewer = await user('vic@example.com', 'viewer');
  peers = alertmanagerPeerTargets({ name: 'default', peers: stack.alertmanagerUrls, timeoutMs: 5000 });
  // As start-up does: the poller then closes acknowledgements whose alerts resolved.
  (await import('@/lib/server/poll-hooks')).registerPollHooks();
  acks = await import('./acks');
  silences = await import('./silences');
  query = await import('@/lib/alerts/query');
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await stopConsoleStack(stack);
});

/** A firing alert posted to both peers, as Prometheus does; `resolve` posts it again with endsAt now. */
function testAlert(alertname: string, instance: string) {
  const alert: PostableAlert = {
    labels: { alertname, instance, severity: 'warning', job: 'ack-test' },
    annotations: { summary: `${alertname} on ${instance}` },
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  };
  return {
    fire: () => Promise.all(peers.map((p) => postAlerts(p, [alert]))),
    resolve: () =>
      Promise.all(peers.map((p) => postAlerts(p, [{ ...alert, endsAt: new Date().toISOString() }]))),
  };
}

/** Waits until the poller has the alert, and returns it as the alerts API lists it. */
/** The alerts of `alertname` as the console lists them right now (no waiting for a poll). */
async function alertsNow(alertname: string) {
  const { alerts } = await query.queryAlerts({
    filter: `alertname="${alertname}"`,
    group_by: '',
    state: 'active,silenced,inhibited,acknowledged',
    offset: 0,
    limit: 10,
  });
  return alerts as unknown as { fingerprint: string; silencedBy: string[] }[];
}

const silencedByNow = async (alertname: string) => (await alertsNow(alertname)).map((a) => a.silencedBy);

async function listed(alertname: string) {
  return waitFor(
    async () =>
      (
        await query.queryAlerts({
          filter: `alertname="${alertname}"`,
          group_by: '',
          state: 'active,silenced,inhibited,acknowledged',
          offset: 0,
          limit: 10,
        })
      ).alerts[0],
    { timeoutMs: 30_000, intervalMs: 250, what: `${alertname} in the alerts snapshot` },
  );
}

/** Writes go to peer 1; the second peer has them after gossip (a few hundred ms). */
const expiredOnPeer2 = (id: string) =>
  waitFor(async () => (await getSilence(peers[1] as UpstreamTarget, id)).state === 'expired' || undefined, {
    timeoutMs: 10_000,
    intervalMs: 100,
    what: `silence ${id} expired on peer 2`,
  });

const amtoolQuery = (peerUrl: string): { id: string; comment: string }[] =>
  JSON.parse(
    execFileSync('amtool', ['silence', 'query', '-o', 'json', `--alertmanager.url=${peerUrl}`], {
      encoding: 'utf8',
    }),
  );

describe('silences in the real Alertmanager pair', () => {
  it('creates a silence that amtool finds on the other peer, with its record and audit row', async () => {
    const saved = await silences.createSilence(responder, {
      matchers: 'alertname="Nothing", instance=~"db-.*"',
      duration: '2h',
      comment: 'maintenance of the db hosts',
    });
    // Writes go to the first peer; gossip carries the silence to the second.
    const onSecond = await waitFor(
      async () => amtoolQuery(stack.alertmanagerUrls[1]).find((s) => s.id === saved.silenceId),
      { timeoutMs: 10_000, intervalMs: 100, what: 'the silence on peer 2' },
    );
    expect(onSecond.comment).toBe('maintenance of the db hosts');
    const record = await prisma.silenceRecord.findUniqueOrThrow({ where: { id: saved.id } });
    expect(record).toMatchObject({ silenceId: saved.silenceId, createdById: responder.id, expiredAt: null });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'silence.created', target: `default/${saved.silenceId}` },
    });
    expect(audit).toMatchObject({
      actorEmail: 'ana@example.com',
      via: 'token',
      ip: '127.0.0.1',
      success: true,
    });
    // The silences list shows it at once (re-read after the write), with our record.
    const list = await silences.listSilences(viewer, { filter: 'instance="db-1"' });
    expect(list.silences.map((s) => [s.id, s.record?.id])).toContainEqual([saved.silenceId, saved.id]);
  });

  it('keeps the id when only the end changes, and keeps the new one when the matchers change', async () => {
    const saved = await silences.createSilence(responder, {
      matchers: 'alertname="Edit"',
      duration: '1h',
      comment: 'edit me',
    });
    const extended = await silences.updateSilence(responder, saved.silenceId, { duration: '4h' });
    expect(extended.silenceId).toBe(saved.silenceId);
    expect(extended.previousId).toBeUndefined();
    const current = await getSilence(peers[0] as UpstreamTarget, saved.silenceId);
    expect(Date.parse(current.endsAt) - Date.now()).toBeGreaterThan(3.9 * 3_600_000);

    const changed = await silences.updateSilence(responder, saved.id, {
      matchers: 'alertname="Edit", job="api"',
    });
    expect(changed.silenceId).not.toBe(saved.silenceId);
    expect(changed.previousId).toBe(saved.silenceId);
    expect((await getSilence(peers[0] as UpstreamTarget, saved.silenceId)).state).toBe('expired');
    expect((await getSilence(peers[0] as UpstreamTarget, changed.silenceId)).state).toBe('active');
    const record = await prisma.silenceRecord.findUniqueOrThrow({ where: { id: saved.id } });
    expect(record).toMatchObject({ silenceId: changed.silenceId, previousIds: [saved.silenceId] });
    // The old id still finds the record: a link to it keeps working.
    const again = await silences.updateSilence(responder, saved.silenceId, { comment: 'edited twice' });
    expect(again.silenceId).toBe(changed.silenceId);

    await silences.expireSilenceById(responder, changed.silenceId);
    await expiredOnPeer2(changed.silenceId);
    await expect(silences.updateSilence(responder, changed.silenceId, { duration: '1h' })).rejects.toThrow(
      're-create',
    );
  });

  it('refuses a bad matcher, regex or duration with a field error and sends nothing', async () => {
    const before = (await getSilences(peers[0] as UpstreamTarget)).length;
    for (const body of [
      { matchers: 'instance=~"db["', duration: '1h', comment: 'x' },
      { matchers: 'job=~".*"', duration: '1h', comment: 'x' },
      { matchers: 'alertname="X"', duration: '5 minutes', comment: 'x' },
    ]) {
      const error = await silences.createSilence(responder, body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
    }
    expect((await getSilences(peers[0] as UpstreamTarget)).length).toBe(before);
  });

  it('refuses a viewer every mutation', async () => {
    await expect(
      silences.createSilence(viewer, { matchers: 'alertname="X"', duration: '1h', comment: 'x' }),
    ).rejects.toThrow(ForbiddenError);
    await expect(acks.acknowledgeAlert(viewer, { fingerprint: 'abc' }, {})).rejects.toThrow(ForbiddenError);
    await expect(acks.unacknowledgeAlert(viewer, { fingerprint: 'abc' })).rejects.toThrow(ForbiddenError);
  });

  it('takes the silence back when PostgreSQL refuses its record (nothing half-done)', async () => {
    // A user who is not in the database: Alertmanager accepts the silence, the record's foreign key fails.
    const ghost: Actor = { ...responder, id: 'no-such-user', email: 'ghost@example.com' };
    const error = await silences
      .createSilence(ghost, { matchers: 'alertname="Ghost"', duration: '1h', comment: 'ghost silence' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toContain('Alertmanager was put back');
    const ghostSilences = (await getSilences(peers[0] as UpstreamTarget)).filter(
      (s) => s.comment === 'ghost silence',
    );
    expect(ghostSilences).toHaveLength(1);
    expect(ghostSilences[0]?.state).toBe('expired');
    expect(await prisma.silenceRecord.count({ where: { comment: 'ghost silence' } })).toBe(0);
  });
});

describe('acknowledgements', () => {
  it('acknowledges: the alert is suppressed in Alertmanager and every console sees who acknowledged it', async () => {
    const alert = testAlert('VigilAckTest', 'web-1');
    await alert.fire();
    const firing = await listed('VigilAckTest');
    const outcome = await acks.acknowledgeAlert(
      responder,
      { fingerprint: firing.fingerprint },
      { comment: 'looking' },
    );
    expect(outcome.silenceId).toEqual(expect.any(String));
    // The console shows the silence the moment the acknowledgement answers, before any poll or re-read.
    expect(await silencedByNow('VigilAckTest')).toEqual([[outcome.silenceId]]);

    const inAm = await waitFor(
      async () =>
        (await getAlerts(peers[1] as UpstreamTarget, { matchers: ['alertname="VigilAckTest"'] })).find(
          (a) => a.state === 'suppressed',
        ),
      { timeoutMs: 10_000, intervalMs: 100, what: 'the alert suppressed on peer 2' },
    );
    expect(inAm.silencedBy).toEqual([outcome.silenceId]);
    const silence = await getSilence(peers[1] as UpstreamTarget, outcome.silenceId as string);
    expect(silence.createdBy).toBe('ana@example.com');
    expect(silence.comment).toBe(`Acknowledged in Vigil (ack ${outcome.ackId}): looking`);
    expect(silence.matchers).toHaveLength(4);

    const row = await listed('VigilAckTest');
    expect(row.ack).toMatchObject({ by: 'ana', comment: 'looking' });
    // A second acknowledgement of the same alert is refused, naming the first.
    await expect(acks.acknowledgeAlert(responder, { fingerprint: firing.fingerprint }, {})).rejects.toThrow(
      'ana already acknowledged',
    );
  });

  it('closes the acknowledgement and expires its silence by itself within one poll of the alert resolving', async () => {
    const alert = testAlert('VigilResolveTest', 'web-2');
    await alert.fire();
    const firing = await listed('VigilResolveTest');
    const outcome = await acks.acknowledgeAlert(responder, { fingerprint: firing.fingerprint }, {});
    await alert.resolve();
    const resolvedAt = Date.now();
    const closed = await waitFor(
      async () => {
        const ack = await prisma.acknowledgement.findUniqueOrThrow({
          where: { id: outcome.ackId },
          include: { silence: true },
        });
        return ack.clearedAt ? ack : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: 'the acknowledgement to close' },
    );
    const tookMs = Date.now() - resolvedAt;
    console.info(
      `acknowledgement closed and silence expired ${tookMs} ms after the alert resolved (poll ${POLL_SECONDS} s)`,
    );
    // One poll interval, plus that poll's own fetch and writes.
    expect(tookMs).toBeLessThan(POLL_SECONDS * 1000 + 3000);
    expect(closed).toMatchObject({ clearedReason: 'resolved', clearedById: null });
    expect(closed.silence?.expiredAt).not.toBeNull();
    expect((await getSilence(peers[0] as UpstreamTarget, outcome.silenceId as string)).state).toBe('expired');
    expect(
      await prisma.auditLog.count({ where: { action: 'alert.ack_closed', via: 'system' } }),
    ).toBeGreaterThan(0);
  });

  it('extends the silence while the alert fires, keeping its id', async () => {
    const alert = testAlert('VigilExtendTest', 'web-3');
    await alert.fire();
    const firing = await listed('VigilExtendTest');
    const outcome = await acks.acknowledgeAlert(
      responder,
      { fingerprint: firing.fingerprint },
      { duration: '1h' },
    );
    // The silence is about to run out (as after an hour of firing): shorten it in Alertmanager itself.
    const first = await getSilence(peers[0] as UpstreamTarget, outcome.silenceId as string);
    const shortened = new Date(Date.now() + 20_000).toISOString();
    const { id, matchers, startsAt, createdBy, comment } = first;
    await postSilence(peers[0] as UpstreamTarget, {
      id,
      matchers,
      startsAt,
      endsAt: shortened,
      createdBy,
      comment,
    });
    const extended = await waitFor(
      async () => {
        const s = await getSilence(peers[0] as UpstreamTarget, outcome.silenceId as string);
        return Date.parse(s.endsAt) > Date.parse(shortened) + 60_000 ? s : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'the silence to be extended' },
    );
    expect(extended).toMatchObject({ id: outcome.silenceId, state: 'active' });
    // Alertmanager holds the new end before the reconciler's transaction, which writes the audit row,
    // commits: wait for that too.
    await waitFor(
      async () =>
        (await prisma.auditLog.count({
          where: { action: 'silence.extended', target: outcome.silenceId as string },
        })) > 0 || undefined,
      { timeoutMs: 5_000, intervalMs: 100, what: 'the silence.extended audit row' },
    );
    await acks.unacknowledgeAlert(responder, { fingerprint: firing.fingerprint });
    // The console shows the alert unsilenced the moment the withdrawal answers, before any re-read.
    expect(await silencedByNow('VigilExtendTest')).toEqual([[]]);
    await expiredOnPeer2(outcome.silenceId as string);
    const ack = await prisma.acknowledgement.findUniqueOrThrow({ where: { id: outcome.ackId } });
    expect(ack).toMatchObject({ clearedReason: 'unacknowledged', clearedById: responder.id });
  });

  it('acknowledges a group, skipping an alert acknowledged already', async () => {
    const a = testAlert('VigilGroupTest', 'g-1');
    const b = testAlert('VigilGroupTest', 'g-2');
    await Promise.all([a.fire(), b.fire()]);
    await waitFor(
      async () =>
        (
          await query.queryAlerts({
            filter: 'alertname="VigilGroupTest"',
            group_by: '',
            state: 'active',
            offset: 0,
            limit: 10,
          })
        ).alerts.length === 2 || undefined,
      { timeoutMs: 30_000, intervalMs: 250, what: 'both group alerts' },
    );
    const listedNow = await query.queryAlerts({
      filter: 'alertname="VigilGroupTest"',
      group_by: '',
      state: 'active',
      offset: 0,
      limit: 10,
    });
    const [first, second] = listedNow.alerts as unknown as [{ fingerprint: string }, { fingerprint: string }];
    await acks.acknowledgeAlert(responder, { fingerprint: first.fingerprint }, { silence: false });
    const { results } = await acks.acknowledgeAlerts(responder, {
      alerts: [
        { fingerprint: first.fingerprint },
        { fingerprint: second.fingerprint },
        { fingerprint: 'deadbeef' },
      ],
      comment: 'whole group',
    });
    expect(results.map((r) => r.status)).toEqual(['already', 'acknowledged', 'not-found']);
    // The new silence marks its alert at once; the alert acknowledged without a silence stays unsilenced.
    const silenced = Object.fromEntries(
      (await alertsNow('VigilGroupTest')).map((alert) => [alert.fingerprint, alert.silencedBy]),
    );
    const made = results[1];
    expect(made?.status === 'acknowledged' && made.silenceId).toEqual(expect.any(String));
    expect(silenced).toEqual({
      [first.fingerprint]: [],
      [second.fingerprint]: [made?.status === 'acknowledged' ? made.silenceId : 'none'],
    });
  });

  it('closes the acknowledgement of InstanceDown when its cause is fixed (the down target starts answering)', async () => {
    // The harness scrapes a port nobody answers for job="api"; InstanceDown fires after its `for: 30s`.
    const down = await waitFor(
      async () =>
        (
          await query.queryAlerts({
            filter: 'alertname="InstanceDown" job="api"',
            group_by: '',
            state: 'active,silenced,inhibited,acknowledged',
            offset: 0,
            limit: 10,
          })
        ).alerts[0],
      { timeoutMs: 120_000, intervalMs: 1000, what: 'InstanceDown for job="api"' },
    );
    const outcome = await acks.acknowledgeAlert(
      responder,
      { fingerprint: down.fingerprint },
      { comment: 'api restarting' },
    );
    const api = demoApi(stack.downTargetUrl);
    await api.start();
    const fixedAt = Date.now();
    try {
      const closed = await waitFor(
        async () => {
          const ack = await prisma.acknowledgement.findUniqueOrThrow({ where: { id: outcome.ackId } });
          return ack.clearedAt ? ack : undefined;
        },
        { timeoutMs: 90_000, intervalMs: 500, what: 'the InstanceDown acknowledgement to close' },
      );
      console.info(
        `InstanceDown acknowledgement closed ${Date.now() - fixedAt} ms after the api target started`,
      );
      expect(closed.clearedReason).toBe('resolved');
      expect((await getSilence(peers[0] as UpstreamTarget, outcome.silenceId as string)).state).toBe(
        'expired',
      );
    } finally {
      await api.stop();
    }
  }, 240_000);

  it('leaves no record behind when both Alertmanagers are down while acknowledging', async () => {
    const alert = testAlert('VigilOutageTest', 'web-4');
    await alert.fire();
    const firing = await listed('VigilOutageTest');
    for (const p of stack.processes.filter((p) => p.name.startsWith('alertmanager')))
      process.kill(p.pid, 'SIGKILL');
    const error = await acks
      .acknowledgeAlert(responder, { fingerprint: firing.fingerprint }, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).hint).toContain('Every peer failed');
    expect(await prisma.acknowledgement.count({ where: { fingerprint: firing.fingerprint } })).toBe(0);
    const failed = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'alert.acknowledged', success: false },
    });
    expect(failed.target).toBe(`default/${firing.fingerprint}`);
  });
});
