import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  alertGroupSchema,
  amAlertSchema,
  amStatusSchema,
  matcherSchema,
  postSilenceResponseSchema,
  silenceSchema,
} from './schemas';
import { readFixture } from './testing/fake-alertmanager';

const json = (name: string): unknown => JSON.parse(readFixture(name));

describe('amAlertSchema (fixture alerts.json, Alertmanager 0.25)', () => {
  const alerts = z.array(amAlertSchema).parse(json('alerts.json'));

  it('reads U+0000 in labels and annotations as U+FFFD, which PostgreSQL can store', () => {
    const [raw] = json('alerts.json') as {
      labels: Record<string, string>;
      annotations: Record<string, string>;
    }[];
    const broken = {
      ...raw,
      labels: { ...raw?.labels, instance: 'db\u00001' },
      annotations: { ...raw?.annotations, summary: '\u0000' },
    };
    const parsed = amAlertSchema.parse(broken);
    expect(parsed.labels.instance).toBe('db\uFFFD1');
    expect(parsed.annotations.summary).toBe('\uFFFD');
  });

  it('flattens receivers and status into our shape', () => {
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toEqual({
      fingerprint: '1cf165337ca2ce7b',
      labels: {
        alertname: 'EndpointProbeFailed',
        cluster: 'local-test',
        env: 'dev',
        instance: 'http://127.0.0.1:19999/health',
        job: 'blackbox_http',
        severity: 'warning',
      },
      annotations: {
        description: 'Blackbox probe of http://127.0.0.1:19999/health is failing.',
        runbook_url: '/runbooks/endpoint-probe-failed',
        summary: 'HTTP probe failing for http://127.0.0.1:19999/health',
      },
      startsAt: '2026-11-21T08:05:01.740Z',
      endsAt: '2026-11-21T08:12:16.740Z',
      updatedAt: '2026-11-21T08:08:16.743Z',
      generatorURL: 'http://127.0.0.1:19090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1',
      receivers: ['chat'],
      state: 'suppressed',
      silencedBy: ['e5eb6e10-c429-4150-b474-c6efe27f640f'],
      inhibitedBy: ['6ffddf014ab9e848'],
    });
    expect(alerts.map((a) => a.state)).toEqual(['suppressed', 'suppressed', 'active', 'active']);
  });

  it('has no mutedBy from 0.25, and keeps the one 0.28+ sends', () => {
    expect(alerts.every((a) => !('mutedBy' in a))).toBe(true);
    const [wire] = z.array(z.looseObject({ status: z.looseObject({}) })).parse(json('alerts.json'));
    const alert = amAlertSchema.parse({
      ...wire,
      status: { ...wire?.status, state: 'suppressed', mutedBy: ['weekends'] },
    });
    expect(alert.mutedBy).toEqual(['weekends']);
  });

  it('normalises timestamps with an offset to UTC, and defaults a missing generatorURL', () => {
    const [wire] = z.array(z.record(z.string(), z.unknown())).parse(json('alerts.json'));
    const posted: Record<string, unknown> = { ...wire, startsAt: '2026-11-21T10:05:01.74+02:00' };
    delete posted.generatorURL;
    const alert = amAlertSchema.parse(posted);
    expect(alert.startsAt).toBe('2026-11-21T08:05:01.740Z');
    expect(alert.generatorURL).toBe('');
  });

  it('rejects an unknown state', () => {
    const [wire] = z.array(z.looseObject({ status: z.looseObject({}) })).parse(json('alerts.json'));
    const result = amAlertSchema.safeParse({ ...wire, status: { ...wire?.status, state: 'firing' } });
    expect(result.success).toBe(false);
  });
});

describe('alertGroupSchema (fixture alerts-groups.json)', () => {
  it('turns the receiver object into its name and parses the alerts inside', () => {
    const groups = z.array(alertGroupSchema).parse(json('alerts-groups.json'));
    expect(groups[0]).toMatchObject({ labels: { alertname: 'Watchdog' }, receiver: 'default' });
    expect(groups[0]?.alerts.map((a) => a.fingerprint)).toEqual(['bc2e094b1ac81282']);
    expect(groups.flatMap((g) => g.alerts).every((a) => Array.isArray(a.receivers))).toBe(true);
  });
});

describe('silenceSchema (fixtures silences.json, get-silence-after-delete.json)', () => {
  it('lifts status.state and keeps matchers, including a negative one', () => {
    const silences = z.array(silenceSchema).parse(json('silences.json'));
    expect(silences.map((s) => s.state)).toEqual(['active', 'active', 'pending', 'expired']);
    expect(silences[0]).toEqual({
      id: 'e5eb6e10-c429-4150-b474-c6efe27f640f',
      state: 'active',
      matchers: [
        { name: 'job', value: 'legacy-app', isRegex: false, isEqual: false },
        { name: 'severity', value: 'warning', isRegex: false, isEqual: true },
      ],
      startsAt: '2026-11-21T08:08:10.396Z',
      endsAt: '2026-11-21T09:08:10.000Z',
      updatedAt: '2026-11-21T08:08:10.396Z',
      createdBy: 'console-e2e',
      comment: 'Negative matcher example (isEqual=false)',
    });
  });

  it('reads a single silence the same way', () => {
    const silence = silenceSchema.parse(json('get-silence-after-delete.json'));
    expect(silence).toMatchObject({ id: '90a20596-b141-48f4-a0b5-564616da1116', state: 'expired' });
    expect(silence.endsAt).toBe('2026-11-21T08:08:17.288Z');
  });
});

describe('matcherSchema', () => {
  it('defaults isEqual to true, as versions before 0.22 omit it', () => {
    expect(matcherSchema.parse({ name: 'job', value: 'api', isRegex: false })).toEqual({
      name: 'job',
      value: 'api',
      isRegex: false,
      isEqual: true,
    });
  });
});

describe('postSilenceResponseSchema (fixture post-silence-active.response.json)', () => {
  it('yields the id', () => {
    expect(postSilenceResponseSchema.parse(json('post-silence-active.response.json'))).toBe(
      '90a20596-b141-48f4-a0b5-564616da1116',
    );
  });
});

describe('amStatusSchema (fixture status.json)', () => {
  it('keeps the peer name, cluster state, peers, version and start time', () => {
    expect(amStatusSchema.parse(json('status.json'))).toEqual({
      clusterName: '01M7YJ609RXWJ47QPAK5BXC1TM',
      clusterStatus: 'ready',
      peers: [
        { name: '01M7YJ608KP8CASK1X2VY5TFAC', address: '127.0.0.1:19096' },
        { name: '01M7YJ609RXWJ47QPAK5BXC1TM', address: '127.0.0.1:19094' },
      ],
      version: '0.25.0',
      uptime: '2026-11-21T08:04:52.166Z',
    });
  });

  it('accepts a peer with clustering disabled (no name)', () => {
    // What 0.25 answers when started with --cluster.listen-address= (measured; config left out).
    const status = amStatusSchema.parse({
      cluster: { peers: [], status: 'disabled' },
      versionInfo: { version: '0.25.0' },
      uptime: '2026-11-21T08:04:52.166Z',
    });
    expect(status).toMatchObject({ clusterName: '', clusterStatus: 'disabled', peers: [] });
  });
});
