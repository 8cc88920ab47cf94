import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type SmtpSink,
  startSmtpSink,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@/lib/notify/testing/sinks';
import { waitFor } from '../../scripts/stack/wait';
import {
  type FaultWorld,
  fireAlerts,
  listAlerts,
  POLL_SECONDS,
  type Replica,
  startFaultWorld,
  summary,
  waitForAlerts,
} from './harness';

/**
 * Two Vigil instances (two `next start` processes) on one PostgreSQL behind the same Alertmanager pair:
 * both serve the console, an acknowledgement made on one shows on the other, an incident pages once per
 * level and channel in total, and SIGKILLing one instance between its levels loses no page and sends
 * none twice. The pages go to a real SMTP server (aiosmtpd) and to a local fake webhook receiver.
 */

const L2_DELAY_SECONDS = 25;
let world: FaultWorld;
let replica: Replica;
let receiver: WebhookReceiver;
let smtp: SmtpSink;

beforeAll(async () => {
  [receiver, smtp] = await Promise.all([startWebhookReceiver(), startSmtpSink()]);
  world = await startFaultWorld({
    name: 'two-instances',
    env: (stack) => {
      const file = path.join(stack.dir, 'vigil.yaml');
      writeFileSync(
        file,
        JSON.stringify({
          channels: [
            { name: 'pager-l1', type: 'webhook', url: `${receiver.url}/l1` },
            { name: 'pager-l2', type: 'webhook', url: `${receiver.url}/l2` },
            { name: 'oncall-mail', type: 'email', to: ['oncall@example.com'] },
          ],
          smtp: { host: '127.0.0.1', port: smtp.port, from: 'vigil@example.com' },
          escalation: {
            levels: [
              { level: 1, name: 'First responder', delay: '0s', targets: ['pager-l1', 'oncall-mail'] },
              {
                level: 2,
                name: 'Second responder',
                delay: `${L2_DELAY_SECONDS}s`,
                targets: ['pager-l2', 'oncall-mail'],
              },
            ],
          },
        }),
      );
      return { VIGIL_CONFIG: file };
    },
  });
  replica = await world.startReplica();
});
afterAll(async () => {
  await world?.stop();
  await Promise.all([receiver?.stop(), smtp?.stop()]);
});

/**
 * Every page sent, as "INC-n L1 /l1" (webhook path) or "INC-n L1 mail". The stack's own rules may open
 * incidents too (critical alerts of its exporters): those count as well, each page once.
 */
function pages(): string[] {
  const hooks = receiver.received.map((r) => {
    const body = r.body as { incident: { number: number }; level: { level: number } };
    return `INC-${body.incident.number} L${body.level.level} ${r.path}`;
  });
  const mails = messages().map((m) => {
    // The Subject is RFC 2047-encoded (it has a dash); the plain-text body names incident and level.
    const incident = /(INC-\d+) \[/.exec(m)?.[1];
    const level = /^Level: (L\d+) /m.exec(m)?.[1];
    return `${incident} ${level} mail`;
  });
  return [...hooks, ...mails].sort();
}
/** The messages aiosmtpd printed, their quoted-printable bodies decoded. */
const messages = () =>
  smtp.messages().map((m) =>
    Buffer.from(
      m
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8'),
  );
const pagesOf = (ref: string) => pages().filter((p) => p.startsWith(`${ref} `));

it('both instances serve the console, and an acknowledgement on one shows on the other within a poll', async () => {
  for (const api of [world.api, replica.api]) {
    // Not /api/health: its 503 when an upstream is slow on a loaded machine says nothing about serving.
    for (const route of ['/api/health?probe=live', '/api/v1/me', '/api/v1/alerts', '/api/v1/incidents']) {
      const answer = await api(route);
      expect(answer.status, summary(route, answer)).toBe(200);
    }
  }
  const filter = 'alertname="FaultTwoAck"';
  await fireAlerts(world.stack.alertmanagerUrls, [{ alertname: 'FaultTwoAck', instance: 'ack-1' }]);
  const [alert] = (await waitForAlerts(world, filter, 1)).alerts;
  const acked = await world.api(`/api/v1/alerts/${alert?.fingerprint}/ack`, {
    method: 'POST',
    json: { comment: 'on instance 1' },
  });
  expect(acked.status, summary('POST ack', acked)).toBeLessThan(300);
  const ackedAt = Date.now();
  const seen = await waitFor(
    async () => {
      const answer = await listAlerts({ ...world, api: replica.api }, filter);
      const row = answer.body.alerts[0] as { ack?: { comment: string | null } | null } | undefined;
      return row?.ack ? row.ack : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 100, what: 'the acknowledgement on instance 2' },
  );
  const tookMs = Date.now() - ackedAt;
  console.info(`[faults] acknowledgement made on instance 1 shown by instance 2 after ${tookMs} ms`);
  expect(seen.comment).toBe('on instance 1');
  // One poll, plus that poll's own work on a loaded machine.
  expect(tookMs).toBeLessThan(POLL_SECONDS * 1000 + 4000);
});

it('pages once per level and channel across both instances (a fake webhook receiver and real SMTP), and SIGKILLing one between levels loses no page and sends none twice', async () => {
  await fireAlerts(world.stack.alertmanagerUrls, [
    { alertname: 'FaultTwoPage', severity: 'critical', instance: 'page-1' },
  ]);
  // Alertmanager's webhook opens the incident (after group_wait); L1 goes out at once.
  type Listed = { id: string; number: number; ref: string; title: string };
  const incident = await waitFor(
    async () =>
      ((await replica.api('/api/v1/incidents')).body as { incidents?: Listed[] }).incidents?.find((i) =>
        i.title.startsWith('FaultTwoPage'),
      ),
    { timeoutMs: 60_000, intervalMs: 250, what: 'the incident of FaultTwoPage' },
  );
  await waitFor(async () => (pagesOf(incident.ref).length === 2 ? true : undefined), {
    timeoutMs: 30_000,
    intervalMs: 100,
    what: `the L1 pages of ${incident.ref}`,
  });
  expect(pagesOf(incident.ref)).toEqual([`${incident.ref} L1 /l1`, `${incident.ref} L1 mail`]);

  // Mid-escalation: L1 sent, L2 not yet due. Instance 1 (the webhook's target) dies without a goodbye.
  process.kill(world.server.pid, 'SIGKILL');
  const killedAt = Date.now();
  const gone = await fetch(`${world.server.url}/api/health?probe=live`).then(
    () => false,
    () => true,
  );
  expect(gone).toBe(true);

  await waitFor(async () => (pagesOf(incident.ref).length === 4 ? true : undefined), {
    timeoutMs: (L2_DELAY_SECONDS + 40) * 1000,
    intervalMs: 100,
    what: `the L2 pages of ${incident.ref} from instance 2`,
  });
  console.info(`[faults] L2 paged by the surviving instance ${Date.now() - killedAt} ms after the SIGKILL`);
  // Several more escalation passes on the survivor: nothing is sent again.
  await new Promise((resolve) => setTimeout(resolve, 6 * POLL_SECONDS * 1000));

  expect(pagesOf(incident.ref)).toEqual([
    `${incident.ref} L1 /l1`,
    `${incident.ref} L1 mail`,
    `${incident.ref} L2 /l2`,
    `${incident.ref} L2 mail`,
  ]);
  const all = pages();
  console.info(`[faults] pages sent across both instances: ${all.join(', ')}`);
  expect(all.filter((p, i) => all.indexOf(p) !== i)).toEqual([]);
  const text = (level: number, name: string) =>
    `${incident.ref} [critical] ${incident.title} — escalated to L${level} ${name}`;
  const body = (level: number, name: string) => ({
    incident: {
      id: incident.id,
      number: incident.number,
      title: incident.title,
      severity: 'critical',
      status: 'open',
      url: null,
      level,
    },
    level: { level, name },
    reason: 'timer',
    comment: null,
    text: text(level, name),
  });
  const hookOf = (path: string) =>
    receiver.received.find(
      (r) => r.path === path && (r.body as { incident: { id: string } }).incident.id === incident.id,
    )?.body;
  expect(hookOf('/l1')).toEqual(body(1, 'First responder'));
  expect(hookOf('/l2')).toEqual(body(2, 'Second responder'));
  const mail = messages().find((m) => m.includes(`${incident.ref} [critical]`) && m.includes('Level: L2 '));
  expect(mail).toContain('To: oncall@example.com');
  expect(mail).toContain(
    `\n\n${text(2, 'Second responder')}\n\nSeverity: critical\nLevel: L2 Second responder (not acknowledged in time)\n`,
  );
});
