import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAlerts } from '@/lib/alertmanager/client';
import type { Actor } from '@/lib/auth/actor';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { startConsoleStack, stopConsoleStack } from '@/lib/testing/console-stack';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import type { Stack } from '../../scripts/stack/start-stack';
import { waitFor } from '../../scripts/stack/wait';
import { type SmtpSink, startSmtpSink } from './testing/sinks';

/**
 * Silence reminders against the harness's real Alertmanager pair, real PostgreSQL and a real SMTP
 * server (aiosmtpd): the creator of a silence that ends within the configured time while it still mutes
 * a firing alert gets one e-mail, even with two instances running the pass at once; extending the
 * silence earns a new one; a silence muting nothing and an acknowledgement's silence get none.
 */

let stack: Stack;
let sink: SmtpSink;
let prisma: PrismaClient;
let second: PrismaClient;
let peers: UpstreamTarget[];
let ana: Actor;
let silences: typeof import('@/lib/incidents/silences');
let reminders: typeof import('./silence-reminders');

beforeAll(async () => {
  stack = await startConsoleStack();
  sink = await startSmtpSink();
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-reminders-'));
  const file = path.join(dir, 'vigil.yaml');
  writeFileSync(
    file,
    `smtp: { host: 127.0.0.1, port: ${sink.port}, from: vigil@example.com }\nsilences: { expiringSoon: 30m }\n`,
  );
  process.env.VIGIL_CONFIG = file;
  await applyMigrations(stack.databaseUrl, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = stack.databaseUrl;
  prisma = createPrismaClient(stack.databaseUrl);
  second = createPrismaClient(stack.databaseUrl);
  const u = await prisma.user.create({ data: { email: 'ana@example.com', name: 'Ana', role: 'responder' } });
  ana = { id: u.id, email: u.email, name: u.name, role: 'responder', via: 'session', ip: '127.0.0.1' };
  peers = alertmanagerPeerTargets({ name: 'default', peers: stack.alertmanagerUrls, timeoutMs: 5000 });
  silences = await import('@/lib/incidents/silences');
  reminders = await import('./silence-reminders');
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await second?.$disconnect();
  await sink?.stop();
  await stopConsoleStack(stack);
});

async function fire(alertname: string) {
  const alert = {
    labels: { alertname, job: 'reminder-test', severity: 'warning' },
    annotations: {},
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  };
  await Promise.all(peers.map((p) => postAlerts(p, [alert])));
}

/** Waits until the poller's snapshot shows the silence muting its alert. */
async function mutedInSnapshot(silenceId: string) {
  const { currentAlertIndex } = await import('@/lib/alerts/query');
  await waitFor(
    async () =>
      (await currentAlertIndex()).index.alerts.some((a) => a.item.silencedBy.includes(silenceId)) ||
      undefined,
    { timeoutMs: 30_000, intervalMs: 250, what: `an alert silenced by ${silenceId} in the snapshot` },
  );
}

const bothInstances = async (now = new Date()) =>
  (
    await Promise.all([
      reminders.remindExpiringSilencesOnce({ client: prisma, now }),
      reminders.remindExpiringSilencesOnce({ client: second, now }),
    ])
  ).flat();

/** Fifteen minutes on: past the middle of the silences below, and within the 30 minutes configured. */
const fifteenMinutesOn = () => new Date(Date.now() + 15 * 60_000);

describe('reminders before a silence ends while its alerts fire', () => {
  it('e-mails the creator once, from two instances, and again after an extension', async () => {
    await fire('ReminderProbe');
    const saved = await silences.createSilence(ana, {
      matchers: 'alertname="ReminderProbe"',
      duration: '20m',
      comment: 'resizing the disk',
    });
    await mutedInSnapshot(saved.silenceId);

    // Just made: whoever made it knows when it ends.
    expect(await bothInstances()).toEqual([]);
    expect(await bothInstances(fifteenMinutesOn())).toEqual([`default/${saved.silenceId}`]);
    const [mail] = sink.messages();
    expect(mail).toContain('To: ana@example.com');
    // The subject is an RFC 2047 encoded word (quotes in it).
    expect(mail).toMatch(/^Subject: =\?UTF-8\?Q\?Your_silence_alertname=3D=22ReminderProb/m);
    expect(mail).toContain('still =\nmutes 1 firing alert');
    expect(mail).toContain('resizing the disk');
    expect(await bothInstances(fifteenMinutesOn())).toEqual([]);
    expect(sink.messages()).toHaveLength(1);

    // Extended, but still ending within the 30 minutes: a new end time, a new reminder.
    const extended = await silences.updateSilence(ana, saved.id, { duration: '25m' });
    await mutedInSnapshot(extended.silenceId);
    const { refreshSilences } = await import('@/lib/snapshots/sources');
    await refreshSilences('default');
    expect(await bothInstances(fifteenMinutesOn())).toEqual([`default/${extended.silenceId}`]);
    expect(sink.messages()).toHaveLength(2);
  });

  it("sends nothing for an acknowledgement's silence: Vigil extends it while the alert fires", async () => {
    await fire('AckedProbe');
    const { queryAlerts } = await import('@/lib/alerts/query');
    const alert = await waitFor(
      async () =>
        (
          await queryAlerts({
            filter: 'alertname="AckedProbe"',
            group_by: '',
            state: 'active',
            offset: 0,
            limit: 1,
          })
        ).alerts[0],
      { timeoutMs: 30_000, intervalMs: 250, what: 'AckedProbe in the snapshot' },
    );
    const { acknowledgeAlert } = await import('@/lib/incidents/acks');
    const ack = await acknowledgeAlert(
      ana,
      { fingerprint: alert.fingerprint, cluster: 'default' },
      { silence: true, duration: '20m' },
    );
    await mutedInSnapshot(ack.silenceId ?? '');
    expect(await bothInstances(fifteenMinutesOn())).toEqual([]);
  });

  it('sends nothing for a silence that mutes nothing or ends later than the configured time', async () => {
    await silences.createSilence(ana, {
      matchers: 'alertname="NothingFiresThis"',
      duration: '10m',
      comment: 'typo?',
    });
    await fire('LaterProbe');
    const later = await silences.createSilence(ana, {
      matchers: 'alertname="LaterProbe"',
      duration: '2h',
      comment: 'long',
    });
    await mutedInSnapshot(later.silenceId);
    expect(await bothInstances(fifteenMinutesOn())).toEqual([]);
  });
});
