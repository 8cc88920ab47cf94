import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAlerts, getSilence, postAlerts } from '@/lib/alertmanager/client';
import type { Actor } from '@/lib/auth/actor';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { startWebhookReceiver, type WebhookReceiver } from '@/lib/notify/testing/sinks';
import { startConsoleStack, stopConsoleStack } from '@/lib/testing/console-stack';
import { context } from '@/lib/testing/route-harness';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import type { Stack } from '../../scripts/stack/start-stack';
import { waitFor } from '../../scripts/stack/wait';
import { slackSignature } from './slack-signature';

/**
 * Action links and chat buttons through their real routes, against the harness's real PostgreSQL and
 * Alertmanager HA pair (the Silence 1 h button makes a real silence). A local receiver stands in for
 * Slack's response_url ("fake" in the test names). Auth.js does not load outside Next: a request's
 * session is named by an `x-test-user` header instead; everything else is the server's own code.
 */

const SIGNING_SECRET = 'slack-signing-secret-for-tests';
const sessions = vi.hoisted(() => new Map<string, Actor>());
vi.mock('@/lib/auth', async () =>
  (await import('@/lib/testing/route-harness')).fakeAuth((r) =>
    sessions.get(r.headers.get('x-test-user') ?? ''),
  ),
);

let stack: Stack;
let configDir: string;
let peers: UpstreamTarget[];
let receiver: WebhookReceiver;
let db: typeof import('@/lib/db').db;
let links: typeof import('./links');
let incidents: typeof import('@/lib/incidents/incidents');
let routes: {
  act: typeof import('@/app/api/v1/actions/[token]/route');
  issue: typeof import('@/app/api/v1/incidents/[id]/action-links/route');
  slack: typeof import('@/app/api/v1/integrations/slack/actions/route');
  mattermost: typeof import('@/app/api/v1/integrations/mattermost/actions/route');
};
const users = {} as Record<'ana' | 'bo' | 'admin', Actor>;

beforeAll(async () => {
  [stack, receiver] = await Promise.all([startConsoleStack(), startWebhookReceiver()]);
  configDir = await mkdtemp(path.join(tmpdir(), 'vigil-actions-'));
  const configFile = path.join(configDir, 'vigil.yaml');
  writeFileSync(
    configFile,
    [
      'actions: { freshFor: 1h, expiresAfter: 24h }',
      `slack: { signingSecret: ${SIGNING_SECRET} }`,
      'escalation:',
      '  levels:',
      '    - { level: 1, name: Chat, delay: 0s }',
      '    - { level: 2, name: On-call SRE, delay: 5m }',
      '',
    ].join('\n'),
  );
  Object.assign(process.env, { VIGIL_CONFIG: configFile, VIGIL_CHECK_RESPONSES: '1' });
  await applyMigrations(stack.databaseUrl, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = stack.databaseUrl;
  ({ db } = await import('@/lib/db'));
  for (const [key, name, role] of [
    ['ana', 'Ana', 'responder'],
    ['bo', 'Bo', 'responder'],
    ['admin', 'Ada', 'admin'],
  ] as const) {
    const u = await db().user.create({ data: { email: `${key}@example.com`, name, role } });
    users[key] = { id: u.id, email: u.email, name, role, via: 'session', ip: null };
    sessions.set(key, users[key]);
  }
  const { config } = await import('@/lib/config/current');
  await (await import('@/lib/escalation/policy')).syncEscalationPolicy(db(), config().escalation.levels);
  peers = alertmanagerPeerTargets({ name: 'default', peers: stack.alertmanagerUrls, timeoutMs: 5000 });
  links = await import('./links');
  incidents = await import('@/lib/incidents/incidents');
  routes = {
    act: await import('@/app/api/v1/actions/[token]/route'),
    issue: await import('@/app/api/v1/incidents/[id]/action-links/route'),
    slack: await import('@/app/api/v1/integrations/slack/actions/route'),
    mattermost: await import('@/app/api/v1/integrations/mattermost/actions/route'),
  };
}, 180_000);

afterAll(async () => {
  await receiver?.stop();
  await stopConsoleStack(stack);
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

let seq = 0;
/** An open incident; with `labels`, one firing alert of it, posted to both Alertmanager peers. */
async function openIncident(labels?: Record<string, string>) {
  seq += 1;
  const incident = await db().incident.create({
    data: { title: `Checkout API down ${seq}`, severity: 'critical' },
  });
  if (labels) {
    const startsAt = new Date(Date.now() - 60_000);
    await db().incidentAlert.create({
      data: {
        incidentId: incident.id,
        cluster: 'default',
        fingerprint: `f${seq}`,
        alertname: labels.alertname ?? '',
        labels,
        startsAt,
      },
    });
    const alert = {
      labels,
      annotations: {},
      startsAt: startsAt.toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    await Promise.all(peers.map((p) => postAlerts(p, [alert])));
  }
  return incident;
}

const ref = (number: number) => `INC-${number}`;

const act = (token: string, user?: string) =>
  routes.act.POST(
    new Request(`http://vigil.test/api/v1/actions/${token}`, {
      method: 'POST',
      headers: user ? { 'x-test-user': user } : {},
    }),
    context({ token }),
  );

const statusOf = async (id: string) => (await db().incident.findUniqueOrThrow({ where: { id } })).status;
const events = (incidentId: string, type: string) =>
  db().timelineEvent.findMany({ where: { incidentId, type } });

describe('acknowledge links', () => {
  it('acknowledges once, as the person it was sent to, "via link" on the timeline', async () => {
    const incident = await openIncident();
    const { token, acknowledgeUrl } = links.issueActionLinks(
      incident,
      users.ana.id,
      'https://vigil.example.com',
    );
    expect(acknowledgeUrl).toBe(`https://vigil.example.com/a/${token}`);

    const first = await act(token);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      actor: 'Ana',
      done: 'acknowledged',
      incident: { status: 'acknowledged' },
    });
    const [ack] = await events(incident.id, 'incident.acknowledged');
    expect(ack).toMatchObject({ actorId: users.ana.id, data: { via: 'link' } });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: 'incident.acknowledged', actorId: users.ana.id },
    });
    expect(audit.via).toBe('link');

    const second = await act(token);
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toContain('has since been acknowledged');
    expect(await events(incident.id, 'incident.acknowledged')).toHaveLength(1);
  });

  it('a push notification’s token acknowledges "via push"; the incident’s API says who, when and how, as it does for a link', async () => {
    const incident = await openIncident();
    const { token } = links.issueActionLinks(
      incident,
      users.ana.id,
      'https://vigil.example.com',
      new Date(),
      'push',
    );
    expect((await act(token)).status).toBe(200);
    const [ack] = await events(incident.id, 'incident.acknowledged');
    expect(ack).toMatchObject({ actorId: users.ana.id, data: { via: 'push' } });
    const detail = await incidents.getIncident(users.bo, incident.id);
    expect(detail.acknowledgement).toEqual({
      at: ack?.at.toISOString(),
      by: { id: users.ana.id, name: 'Ana' },
      via: 'push',
    });
    expect(detail.timeline.map((e) => e.sentence)).toContain(
      'Ana acknowledged the incident via push notification',
    );

    // The same person's e-mailed link reads "via link"; an open incident has no acknowledgement.
    const other = await openIncident();
    expect((await incidents.getIncident(users.bo, other.id)).acknowledgement).toBeNull();
    const mailed = links.issueActionLinks(other, users.ana.id, 'https://vigil.example.com');
    expect((await act(mailed.token)).status).toBe(200);
    expect((await incidents.getIncident(users.bo, other.id)).acknowledgement).toMatchObject({
      by: { id: users.ana.id },
      via: 'link',
    });
  });

  it('is refused once the incident changed state after it was sent', async () => {
    const incident = await openIncident();
    const { token } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    await incidents.updateIncident(users.bo, incident.id, { status: 'resolved' });
    const res = await act(token);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/has since been resolved.*open the console/i);
    expect(await statusOf(incident.id)).toBe('resolved');
  });

  it('asks a stale link’s holder to sign in, then acts as the signed-in user', async () => {
    const incident = await openIncident();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const { token } = links.issueActionLinks(
      incident,
      users.ana.id,
      'https://vigil.example.com',
      twoHoursAgo,
    );
    const anonymous = await act(token);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.message).toContain('sign in');
    expect(await statusOf(incident.id)).toBe('open');

    const signedIn = await act(token, 'bo');
    expect(signedIn.status).toBe(200);
    expect((await signedIn.json()).actor).toBe('Bo');
    const [ack] = await events(incident.id, 'incident.acknowledged');
    expect(ack?.actorId).toBe(users.bo.id);
  });

  it('refuses an expired, a tampered and an open-only token without acting', async () => {
    const incident = await openIncident();
    const expired = links.issueActionLinks(
      incident,
      users.ana.id,
      'x',
      new Date(Date.now() - 25 * 3_600_000),
    );
    const fresh = links.issueActionLinks(incident, users.ana.id, 'x');
    const [payload, mac] = fresh.token.split('.') as [string, string];
    const tampered = `${payload.slice(0, -2)}${payload.endsWith('A') ? 'B' : 'A'}${payload.slice(-1)}.${mac}`;
    const openOnly = fresh.openUrl.split('/a/')[1] ?? '';
    for (const token of [expired.token, tampered, openOnly]) {
      const res = await act(token);
      expect(res.status).toBe(401);
    }
    expect(await statusOf(incident.id)).toBe('open');
  });

  it("says a chat button's genuine token is for another action, rather than not valid", async () => {
    const incident = await openIncident();
    const { escalateToken } = links.issueActionLinks(incident, users.ana.id, 'x');
    const res = await act(escalateToken);
    expect(res.status).toBe(401);
    const { message } = (await res.json()).error;
    expect(message).toContain('genuine but cannot acknowledge here');
    expect(message).not.toContain('not valid');
    expect(await statusOf(incident.id)).toBe('open');
  });

  it('are issued by a responder for themselves and by an admin for anyone', async () => {
    const incident = await openIncident();
    const issue = (user: string, body?: unknown) =>
      routes.issue.POST(
        new Request(`http://vigil.test/api/v1/incidents/${ref(incident.number)}/action-links`, {
          method: 'POST',
          headers: { 'x-test-user': user, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        }),
        context({ id: ref(incident.number) }),
      );
    const own = await issue('bo');
    expect(own.status).toBe(200);
    expect((await own.json()).acknowledgeUrl).toMatch(/^http:\/\/vigil\.test\/a\/[\w-]+\.[\w-]{43}$/);
    expect((await issue('bo', { userId: users.ana.id })).status).toBe(403);
    const forAna = await issue('admin', { userId: users.ana.id });
    expect(forAna.status).toBe(200);
    expect((await act((await forAna.json()).token)).status).toBe(200);
    expect((await events(incident.id, 'incident.acknowledged'))[0]?.actorId).toBe(users.ana.id);
  });
});

/** A Slack block_actions press of `actionId` carrying `token`, signed (or not) as Slack does. */
function slackPress(
  actionId: string,
  token: string,
  options: { timestamp?: number; secret?: string; responsePath?: string } = {},
) {
  const payload = {
    type: 'block_actions',
    user: { id: 'U024BE7LH', username: 'ana.l', name: 'ana.l' },
    response_url: `${receiver.url}${options.responsePath ?? '/slack/response'}`,
    actions: [{ action_id: actionId, value: token, type: 'button', block_id: 'vigil' }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body);
  return () =>
    routes.slack.POST(
      new Request('http://vigil.test/api/v1/integrations/slack/actions', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signature,
        },
        body,
      }),
      context(),
    );
}

describe('Slack buttons', () => {
  it('Silence 1 h silences the incident’s firing alert in the real Alertmanager, and the fake response_url receiver gets the replacement message', async () => {
    const labels = { alertname: 'VigilSlackSilence', instance: 'db-9', severity: 'critical' };
    const incident = await openIncident(labels);
    const { silenceToken } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    const before = receiver.received.length;
    const res = await slackPress('vigil_silence_1h', silenceToken, { responsePath: '/slack/silence' })();
    expect(res.status).toBe(200);

    const record = await db().silenceRecord.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(record.createdById).toBe(users.ana.id);
    expect(record.comment).toBe('Silenced for 1 h from Slack by @ana.l');
    expect(record.endsAt.getTime() - record.startsAt.getTime()).toBe(3_600_000);
    const silence = await getSilence(peers[0] as UpstreamTarget, record.silenceId);
    expect(silence.state).toBe('active');
    // The alert itself is muted in Alertmanager.
    await waitFor(
      async () =>
        (
          await getAlerts(peers[0] as UpstreamTarget, { matchers: ['alertname="VigilSlackSilence"'] })
        )[0]?.silencedBy.includes(record.silenceId),
      { timeoutMs: 15_000, intervalMs: 200, what: 'the alert silenced' },
    );

    const replaced = receiver.received.slice(before).filter((r) => r.path === '/slack/silence');
    expect(replaced).toHaveLength(1);
    const body = replaced[0]?.body as { replace_original: boolean; text: string; blocks: unknown[] };
    expect(Object.keys(body).sort()).toEqual(['blocks', 'replace_original', 'text']);
    expect(body.replace_original).toBe(true);
    expect(body.text).toMatch(
      new RegExp(
        `^${ref(incident.number)} Checkout API down \\d+: silenced 1 alert for 1 h by Ana via Slack at \\d\\d:\\d\\d UTC$`,
      ),
    );
    expect(body.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: `*${ref(incident.number)}* ${incident.title}` } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: expect.stringMatching(
              /^Silenced 1 alert for 1 h by Ana via Slack at <!date\^\d+\^\{time\}\|\d\d:\d\d UTC> · status open · severity critical$/,
            ),
          },
        ],
      },
    ]);
  });

  it('Acknowledge acts as the paged person, naming the Slack user; a replay is refused 409 and acts no second time', async () => {
    const incident = await openIncident();
    const { token } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    const press = slackPress('vigil_ack', token, { responsePath: '/slack/ack' });
    const res = await press();
    expect(res.status).toBe(200);
    expect(await statusOf(incident.id)).toBe('acknowledged');
    const [ack] = await events(incident.id, 'incident.acknowledged');
    expect(ack).toMatchObject({ actorId: users.ana.id, data: { via: 'slack', chatUser: '@ana.l' } });

    const replay = await press();
    expect(replay.status).toBe(409);
    expect(await events(incident.id, 'incident.acknowledged')).toHaveLength(1);
    expect(receiver.received.filter((r) => r.path === '/slack/ack')).toHaveLength(1);
  });

  it('Escalate raises one level as the paged person, with the reason naming Slack and its user', async () => {
    const incident = await openIncident();
    await db().incident.update({ where: { id: incident.id }, data: { escalationLevel: 1 } });
    const { escalateToken } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    const res = await slackPress('vigil_escalate', escalateToken, { responsePath: '/slack/escalate' })();
    expect(res.status).toBe(200);
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).escalationLevel).toBe(2);
    const [raised] = await events(incident.id, 'escalation.raised');
    expect(raised).toMatchObject({
      actorId: users.ana.id,
      data: { level: 2, reason: 'manual', comment: 'escalated from Slack by @ana.l' },
    });
    const messages = receiver.received.filter((r) => r.path === '/slack/escalate');
    expect(messages).toHaveLength(1);
    expect((messages[0]?.body as { text?: string } | undefined)?.text).toContain(
      'escalated to L2 On-call SRE by Ana via Slack',
    );
  });

  it('a bad signature, a stale or a future timestamp is refused 401 and nothing acts', async () => {
    const incident = await openIncident();
    const { token } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    const now = Math.floor(Date.now() / 1000);
    for (const press of [
      slackPress('vigil_ack', token, { secret: 'not-the-secret' }),
      slackPress('vigil_ack', token, { timestamp: now - 6 * 60 }),
      slackPress('vigil_ack', token, { timestamp: now + 6 * 60 }),
    ]) {
      const res = await press();
      expect(res.status).toBe(401);
    }
    expect(await statusOf(incident.id)).toBe('open');
  });

  it('a press whose token is for another button is told to the presser and acts not', async () => {
    const incident = await openIncident();
    const { escalateToken } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    const res = await slackPress('vigil_ack', escalateToken)();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(await statusOf(incident.id)).toBe('open');
  });
});

describe('Mattermost buttons', () => {
  const press = (context_: { action: string; token: string }) =>
    routes.mattermost.POST(
      new Request('http://vigil.test/api/v1/integrations/mattermost/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 'mm-user-1', user_name: 'ana', context: context_, post_id: 'p1' }),
      }),
      context(),
    );

  it('acknowledge replaces the post', async () => {
    const incident = await openIncident();
    const { token } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    const res = await press({ action: 'ack', token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      update: {
        message: expect.stringMatching(/: acknowledged by Ana via Mattermost at \d\d:\d\d UTC$/),
        props: { attachments: [] },
      },
    });
    expect((await events(incident.id, 'incident.acknowledged'))[0]?.data).toEqual({
      via: 'mattermost',
      chatUser: '@ana',
    });
  });

  it('a tampered token is refused 401 and acts not', async () => {
    const incident = await openIncident();
    const { token } = links.issueActionLinks(incident, users.ana.id, 'https://vigil.example.com');
    const forged = links.issueActionLinks(incident, users.admin.id, 'x').token.split('.')[0];
    const res = await press({ action: 'ack', token: `${forged}.${token.split('.')[1]}` });
    expect(res.status).toBe(401);
    expect((await res.json()).ephemeral_text).toContain('not valid');
    expect(await statusOf(incident.id)).toBe('open');
  });
});
