import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type AlertingRule,
  alertsResponseSchema,
  buildInfoResponseSchema,
  instantQueryResponseSchema,
  labelValuesResponseSchema,
  type RecordingRule,
  rangeQueryResponseSchema,
  rulesResponseSchema,
  targetsResponseSchema,
} from './schemas';

/** A real Prometheus 2.42 answer from fixtures/ (see fixtures/README.md). */
function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

/** The data of a success envelope; fails the test on anything else. */
function dataOf<T>(parsed: { status: 'success'; data: T } | { status: 'error' }): T {
  if (parsed.status !== 'success') throw new Error(`expected a success envelope, got ${parsed.status}`);
  return parsed.data;
}

// Captured at this instant (query parameter `time=1795248902`).
const CAPTURED_MS = 1_795_248_902_000;

/** A wire vector answer with one sample per value string. */
const vectorAnswer = (...values: string[]) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: values.map((value, i) => ({ metric: { i: String(i) }, value: [1795248902.5, value] })),
  },
});

describe('instant query', () => {
  it('reads a vector: labels, milliseconds, numbers', () => {
    const result = dataOf(instantQueryResponseSchema.parse(fixture('query-up.json')));
    if (result.type !== 'vector') throw new Error(result.type);
    expect(result.samples).toHaveLength(10);
    expect(result.samples[0]).toEqual({
      labels: { __name__: 'up', instance: '127.0.0.1:19090', job: 'prometheus', team: 'platform' },
      timeMs: CAPTURED_MS,
      value: 1,
    });
    expect(result.samples.find((s) => s.labels.job === 'legacy-app')?.value).toBe(0);
  });

  it('reads an empty vector', () => {
    expect(dataOf(instantQueryResponseSchema.parse(fixture('query-empty.json')))).toEqual({
      type: 'vector',
      samples: [],
    });
  });

  it('reads a scalar', () => {
    expect(dataOf(instantQueryResponseSchema.parse(fixture('query-scalar.json')))).toEqual({
      type: 'scalar',
      timeMs: CAPTURED_MS,
      value: 9,
    });
  });

  it('reads a string, keeping it a string', () => {
    expect(dataOf(instantQueryResponseSchema.parse(fixture('query-string.json')))).toEqual({
      type: 'string',
      timeMs: CAPTURED_MS,
      value: 'hello',
    });
  });

  it('reads a matrix (a range selector), with fractional-second times rounded to whole ms', () => {
    const result = dataOf(instantQueryResponseSchema.parse(fixture('query-matrix-range-selector.json')));
    if (result.type !== 'matrix') throw new Error(result.type);
    expect(result.series).toHaveLength(1);
    expect(result.series[0]?.labels.job).toBe('prometheus');
    expect(result.series[0]?.points).toHaveLength(6);
    expect(result.series[0]?.points[0]).toEqual([1_795_248_874_091, 1]);
  });

  it('reads NaN and the infinities, which Prometheus sends as strings', () => {
    const result = dataOf(instantQueryResponseSchema.parse(vectorAnswer('NaN', '+Inf', '-Inf')));
    if (result.type !== 'vector') throw new Error(result.type);
    expect(result.samples.map((s) => s.value)).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    expect(result.samples[0]?.timeMs).toBe(1_795_248_902_500);
  });

  it('refuses a value that is not a number, naming where', () => {
    const parsed = instantQueryResponseSchema.safeParse(vectorAnswer('1', 'lots'));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['data', 'result', 1, 'value', 1]);
    expect(parsed.error?.issues[0]?.message).toBe('not a sample value: "lots"');
  });

  it('refuses a value sent as a JSON number (not the Prometheus API)', () => {
    const answer = { status: 'success', data: { resultType: 'scalar', result: [1795248902, 9] } };
    expect(instantQueryResponseSchema.safeParse(answer).success).toBe(false);
  });

  it('keeps warnings and defaults them to none', () => {
    const withWarnings = { ...vectorAnswer('1'), warnings: ['partial response: store 2 down'] };
    expect(instantQueryResponseSchema.parse(withWarnings)).toMatchObject({
      warnings: ['partial response: store 2 down'],
    });
    expect(instantQueryResponseSchema.parse(vectorAnswer('1'))).toMatchObject({ warnings: [] });
  });

  it('keeps an error envelope, with its type and message', () => {
    expect(instantQueryResponseSchema.parse(fixture('error-bad-promql.json'))).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: 'invalid parameter "query": 1:38: parse error: unexpected <by> in aggregation',
    });
  });
});

describe('range query', () => {
  it('reads a matrix into series of [ms, value] points, one per step', () => {
    const series = dataOf(rangeQueryResponseSchema.parse(fixture('query_range-cpu-by-mode.json')));
    expect(series.map((s) => s.labels.mode).sort()).toEqual(['idle', 'iowait', 'system', 'user']);
    for (const s of series) {
      expect(s.points).toHaveLength(40);
      const times = s.points.map(([timeMs]) => timeMs);
      expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual(Array(39).fill(15_000));
      expect(s.points.every(([, value]) => Number.isFinite(value) && value >= 0)).toBe(true);
    }
  });

  it('refuses an answer that is not a matrix', () => {
    expect(rangeQueryResponseSchema.safeParse(fixture('query-up.json')).success).toBe(false);
  });
});

describe('targets', () => {
  const targets = dataOf(targetsResponseSchema.parse(fixture('targets-state-active.json')));

  it('reads every active target, with job and instance lifted out of the labels', () => {
    expect(targets).toHaveLength(10);
    expect(targets[0]).toEqual({
      job: 'alertmanager',
      instance: '127.0.0.1:19093',
      labels: { instance: '127.0.0.1:19093', job: 'alertmanager', team: 'platform' },
      scrapePool: 'alertmanager',
      scrapeUrl: 'http://127.0.0.1:19093/metrics',
      health: 'up',
      lastError: '',
      lastScrape: new Date('2026-11-21T08:15:03.575Z'),
      lastScrapeDurationSeconds: 0.002806932,
    });
  });

  it('reads the down target with its scrape error', () => {
    const down = targets.filter((t) => t.health === 'down');
    expect(down.map((t) => t.job)).toEqual(['legacy-app']);
    expect(down[0]?.lastError).toContain('connect: connection refused');
  });

  const wireTarget = {
    labels: { instance: 'web-1:9100' },
    scrapePool: 'node',
    scrapeUrl: 'http://web-1:9100/metrics',
    health: 'unknown',
    lastError: '',
    lastScrape: '0001-01-01T00:00:00Z',
    lastScrapeDuration: 0,
  };

  it('reads a target not scraped yet (Go zero time) as lastScrape null', () => {
    const answer = { status: 'success', data: { activeTargets: [wireTarget] } };
    expect(dataOf(targetsResponseSchema.parse(answer))[0]).toMatchObject({
      health: 'unknown',
      lastScrape: null,
    });
  });

  it('falls back to the scrape pool when relabelling dropped the job label', () => {
    const answer = { status: 'success', data: { activeTargets: [wireTarget] } };
    expect(dataOf(targetsResponseSchema.parse(answer))[0]?.job).toBe('node');
  });

  it('reads a scrape time with a local offset (Prometheus not running in UTC)', () => {
    const local = { ...wireTarget, health: 'up', lastScrape: '2026-11-21T09:15:03.575709805+01:00' };
    const answer = { status: 'success', data: { activeTargets: [local] } };
    expect(dataOf(targetsResponseSchema.parse(answer))[0]?.lastScrape).toEqual(
      new Date('2026-11-21T08:15:03.575Z'),
    );
  });
});

describe('rules', () => {
  const groups = dataOf(rulesResponseSchema.parse(fixture('rules.json')));
  const rules = groups.flatMap((g) => g.rules);

  it('reads the groups with their files', () => {
    expect(groups.map((g) => [g.name, g.file])).toEqual([
      ['blackbox', '/srv/stack/config/rules/alerts.yml'],
      ['instances', '/srv/stack/config/rules/alerts.yml'],
      ['meta', '/srv/stack/config/rules/alerts.yml'],
      ['postgres', '/srv/stack/config/rules/alerts.yml'],
      ['node-recording', '/srv/stack/config/rules/recording.yml'],
    ]);
  });

  it('reads an alerting rule with its duration in seconds and its active alerts', () => {
    const rule = rules.find((r): r is AlertingRule => r.type === 'alerting' && r.name === 'InstanceDown');
    expect(rule).toEqual({
      type: 'alerting',
      name: 'InstanceDown',
      query: 'up == 0',
      durationSeconds: 30,
      labels: { severity: 'critical' },
      annotations: {
        description:
          '{{ $labels.instance }} of job {{ $labels.job }} has been down for more than 30 seconds.',
        runbook_url: '/runbooks/instance-down',
        summary: 'Instance {{ $labels.instance }} down',
      },
      state: 'firing',
      health: 'ok',
      lastError: '',
      alerts: [
        {
          labels: {
            alertname: 'InstanceDown',
            instance: '127.0.0.1:19999',
            job: 'legacy-app',
            severity: 'critical',
            team: 'payments',
          },
          annotations: {
            description: '127.0.0.1:19999 of job legacy-app has been down for more than 30 seconds.',
            runbook_url: '/runbooks/instance-down',
            summary: 'Instance 127.0.0.1:19999 down',
          },
          state: 'firing',
          activeAt: new Date('2026-11-21T08:05:05.625Z'),
          value: 0,
        },
      ],
    });
  });

  it('reads inactive alerting rules with no alerts', () => {
    const inactive = rules.filter((r): r is AlertingRule => r.type === 'alerting' && r.state === 'inactive');
    expect(inactive.map((r) => r.name).sort()).toEqual([
      'DiskSpaceLow',
      'HighCPUUsage',
      'HighDatabaseConnections',
      'HighMemoryUsage',
      'PostgreSQLDown',
    ]);
    expect(inactive.every((r) => r.alerts.length === 0)).toBe(true);
  });

  it('reads recording rules, whose empty labels and lastError Prometheus leaves out', () => {
    const recording = rules.filter((r): r is RecordingRule => r.type === 'recording');
    expect(recording).toEqual([
      {
        type: 'recording',
        name: 'instance:node_cpu_utilisation:rate1m',
        query: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m]))',
        labels: {},
        health: 'ok',
        lastError: '',
      },
      {
        type: 'recording',
        name: 'instance:node_memory_utilisation:ratio',
        query: '1 - (node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)',
        labels: {},
        health: 'ok',
        lastError: '',
      },
    ]);
  });

  it('refuses an unknown rule type', () => {
    const answer = {
      status: 'success',
      data: { groups: [{ name: 'g', file: 'f', rules: [{ type: 'other', name: 'x' }] }] },
    };
    expect(rulesResponseSchema.safeParse(answer).success).toBe(false);
  });
});

describe('alerts', () => {
  it('reads alerts with "1e+00"-style values and RFC 3339 nanosecond times', () => {
    const alerts = dataOf(alertsResponseSchema.parse(fixture('alerts.json')));
    expect(alerts.map((a) => [a.labels.alertname, a.labels.severity, a.state, a.value])).toEqual([
      ['InstanceDown', 'critical', 'firing', 0],
      ['EndpointProbeFailed', 'warning', 'firing', 0],
      ['EndpointProbeFailed', 'critical', 'firing', 0],
      ['Watchdog', 'none', 'firing', 1],
    ]);
    expect(alerts[3]?.activeAt).toEqual(new Date('2026-11-21T08:04:53.893Z'));
    expect(alerts[3]?.annotations.summary).toBe('Alerting pipeline is alive');
  });

  it('refuses an alert without a valid activeAt', () => {
    const answer = {
      status: 'success',
      data: { alerts: [{ labels: {}, annotations: {}, state: 'firing', activeAt: 'yesterday', value: '1' }] },
    };
    expect(alertsResponseSchema.safeParse(answer).success).toBe(false);
  });
});

describe('build info and label values', () => {
  it('reads the build info, dropping the fields we do not use', () => {
    expect(dataOf(buildInfoResponseSchema.parse(fixture('buildinfo.json')))).toEqual({
      version: '2.42.0+ds',
      revision: '2.42.0+ds-5+deb12u1',
      goVersion: 'go1.19.8',
    });
  });

  it('reads label values', () => {
    expect(dataOf(labelValuesResponseSchema.parse(fixture('label-job-values.json')))).toEqual([
      'alertmanager',
      'blackbox_exporter',
      'blackbox_http',
      'legacy-app',
      'node',
      'postgres',
      'prometheus',
    ]);
  });
});
