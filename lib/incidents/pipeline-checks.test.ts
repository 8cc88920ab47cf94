import { describe, expect, it } from 'vitest';
import type { PipelineWatchConfig } from '@/lib/config/load';
import {
  decidePipelineCheck,
  heartbeatSeen,
  observePipeline,
  pipelineCheckSamples,
  pipelineIncidentTitle,
  unwatchedChecks,
} from './pipeline-checks';

const watchdog = (state: string, silencedBy: string[] = [], inhibitedBy: string[] = []) => ({
  labels: { alertname: 'Watchdog', severity: 'none' },
  state,
  silencedBy,
  inhibitedBy,
});

const WATCH: PipelineWatchConfig = {
  heartbeats: { default: { match: { alertname: 'Watchdog' }, missingAfterSeconds: 300 } },
  clusterUnreachableSeconds: 120,
  prometheusUnreachableSeconds: 180,
  startupGraceSeconds: 60,
  outboundHeartbeat: null,
};

describe('heartbeatSeen', () => {
  it('sees an active heartbeat matching every label', () => {
    expect(heartbeatSeen([watchdog('active')], { alertname: 'Watchdog' })).toBe(true);
    expect(heartbeatSeen([watchdog('active')], { alertname: 'Watchdog', severity: 'none' })).toBe(true);
  });

  it('counts a silenced, inhibited, other or absent heartbeat as missing', () => {
    expect(heartbeatSeen([watchdog('suppressed', ['s1'])], { alertname: 'Watchdog' })).toBe(false);
    expect(heartbeatSeen([watchdog('suppressed', [], ['i1'])], { alertname: 'Watchdog' })).toBe(false);
    expect(heartbeatSeen([watchdog('active')], { alertname: 'Watchdog', severity: 'critical' })).toBe(false);
    expect(heartbeatSeen([], { alertname: 'Watchdog' })).toBe(false);
  });
});

describe('observePipeline', () => {
  const cluster = (over: object) => ({
    name: 'default',
    data: { alerts: [watchdog('active')] },
    updatedAt: 1000,
    error: undefined,
    ...over,
  });

  it('observes a cluster, its heartbeat and each Prometheus with their own durations', () => {
    const seen = observePipeline(
      { clusters: [cluster({})], prometheus: [{ name: 'main', data: {}, updatedAt: 1000 }] },
      WATCH,
    );
    expect(seen).toEqual([
      {
        key: 'cluster:default',
        kind: 'cluster',
        subject: 'default',
        ok: true,
        afterSeconds: 120,
        detail: undefined,
      },
      {
        key: 'heartbeat:default',
        kind: 'heartbeat',
        subject: 'default',
        ok: true,
        afterSeconds: 300,
        detail: '{alertname="Watchdog"}',
      },
      {
        key: 'prometheus:main',
        kind: 'prometheus',
        subject: 'main',
        ok: true,
        afterSeconds: 180,
        detail: undefined,
      },
    ]);
  });

  it('marks an unreachable cluster broken and its heartbeat paused (one broken thing pages once)', () => {
    const [c, h] = observePipeline(
      { clusters: [cluster({ error: { message: 'Alertmanager refused the connection' } })], prometheus: [] },
      WATCH,
    );
    expect(c).toMatchObject({ ok: false, detail: 'Alertmanager refused the connection' });
    expect(h).toMatchObject({ key: 'heartbeat:default', ok: undefined, paused: true });
  });

  it('knows nothing before the first poll answered', () => {
    const seen = observePipeline(
      {
        clusters: [cluster({ data: undefined, updatedAt: undefined })],
        prometheus: [{ name: 'main', data: undefined, updatedAt: undefined }],
      },
      WATCH,
    );
    expect(seen.map((o) => o.ok)).toEqual([undefined, undefined, undefined]);
    expect(seen.some((o) => o.paused)).toBe(false);
  });

  it('sees a silenced heartbeat as missing, and watches no heartbeat where it is turned off', () => {
    const silenced = observePipeline(
      { clusters: [cluster({ data: { alerts: [watchdog('suppressed', ['s1'])] } })], prometheus: [] },
      WATCH,
    );
    expect(silenced[1]).toMatchObject({ key: 'heartbeat:default', ok: false });
    const off = observePipeline({ clusters: [cluster({})], prometheus: [] }, { ...WATCH, heartbeats: {} });
    expect(off.map((o) => o.key)).toEqual(['cluster:default']);
  });
});

describe('pipelineCheckSamples', () => {
  it('gives 1 to a working check, 0 to a broken one, and no sample to one not known or paused', () => {
    const seen = observePipeline(
      {
        clusters: [
          { name: 'eu', data: undefined, updatedAt: 1000, error: { message: 'connection refused' } },
          { name: 'us', data: { alerts: [watchdog('suppressed', ['s1'])] }, updatedAt: 1000 },
        ],
        prometheus: [{ name: 'main', data: undefined, updatedAt: undefined }],
      },
      {
        ...WATCH,
        heartbeats: {
          eu: { match: { alertname: 'Watchdog' }, missingAfterSeconds: 300 },
          us: { match: { alertname: 'Watchdog' }, missingAfterSeconds: 300 },
        },
      },
    );
    expect(pipelineCheckSamples(seen)).toEqual([
      { labels: { check: 'cluster:eu', kind: 'cluster', subject: 'eu' }, value: 0 },
      { labels: { check: 'cluster:us', kind: 'cluster', subject: 'us' }, value: 1 },
      { labels: { check: 'heartbeat:us', kind: 'heartbeat', subject: 'us' }, value: 0 },
    ]);
  });
});

describe('decidePipelineCheck', () => {
  const t0 = new Date('2026-12-04T14:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const timing = { afterSeconds: 300, startedAt: at(-60), graceSeconds: 120 };
  const state = { firstWatchedAt: at(-60), lastOkAt: t0, incidentOpen: false };

  it('opens once broken for the configured time since it last worked', () => {
    expect(decidePipelineCheck(state, false, at(4.9), timing)).toBe('none');
    expect(decidePipelineCheck(state, false, at(5), timing)).toBe('open');
  });

  it('counts from when it was first watched when it never worked', () => {
    const never = { firstWatchedAt: t0, lastOkAt: null, incidentOpen: false };
    expect(decidePipelineCheck(never, false, at(4), timing)).toBe('none');
    expect(decidePipelineCheck(never, false, at(6), timing)).toBe('open');
  });

  it('does nothing within the start-up grace, even with a "last seen" long ago', () => {
    const restarted = { ...timing, startedAt: at(59) };
    expect(decidePipelineCheck(state, false, at(60), restarted)).toBe('none');
    expect(decidePipelineCheck(state, false, at(61), restarted)).toBe('open');
  });

  it('does nothing while unknown, or while its incident is open', () => {
    expect(decidePipelineCheck(state, undefined, at(60), timing)).toBe('none');
    expect(decidePipelineCheck({ ...state, incidentOpen: true }, false, at(60), timing)).toBe('none');
  });

  it('recovers when it works again with its incident open, and only then', () => {
    expect(decidePipelineCheck({ ...state, incidentOpen: true }, true, at(60), timing)).toBe('recover');
    expect(decidePipelineCheck(state, true, at(60), timing)).toBe('none');
  });
});

describe('pipelineIncidentTitle', () => {
  it('names what broke and what to check', () => {
    expect(pipelineIncidentTitle({ kind: 'cluster', subject: 'prod' })).toBe(
      'Alerting pipeline: no peer of Alertmanager cluster prod answers; check the Alertmanager processes and ALERTMANAGER_URLS',
    );
    expect(
      pipelineIncidentTitle({ kind: 'heartbeat', subject: 'prod', detail: '{alertname="Watchdog"}' }),
    ).toMatch(
      /^Alerting pipeline: heartbeat \{alertname="Watchdog"\} missing from Alertmanager cluster prod; check the Watchdog rule/,
    );
    expect(pipelineIncidentTitle({ kind: 'prometheus', subject: 'main' })).toMatch(/PROMETHEUS_URL$/);
  });
});

describe('unwatchedChecks', () => {
  it('lists the stored checks no observation has, with their kind and subject', () => {
    const observed = observePipeline(
      {
        clusters: [{ name: 'us', data: undefined, updatedAt: undefined }],
        prometheus: [{ name: 'main', data: undefined, updatedAt: undefined }],
      },
      { ...WATCH, heartbeats: {} },
    );
    expect(
      unwatchedChecks(
        [
          'cluster:us',
          'cluster:eu',
          'heartbeat:us',
          'heartbeat:default',
          'prometheus:main',
          'prometheus:old',
        ],
        observed,
      ),
    ).toEqual([
      { key: 'cluster:eu', kind: 'cluster', subject: 'eu' },
      { key: 'heartbeat:us', kind: 'heartbeat', subject: 'us' },
      { key: 'heartbeat:default', kind: 'heartbeat', subject: 'default' },
      { key: 'prometheus:old', kind: 'prometheus', subject: 'old' },
    ]);
  });

  it('keeps a subject that holds a colon whole, and leaves keys of another form alone', () => {
    expect(unwatchedChecks(['cluster:eu:west', 'cluster', 'queue:x', ':x'], [])).toEqual([
      { key: 'cluster:eu:west', kind: 'cluster', subject: 'eu:west' },
    ]);
  });

  it('is empty when every stored check is observed', () => {
    expect(unwatchedChecks(['cluster:us'], [{ key: 'cluster:us' }])).toEqual([]);
  });
});
