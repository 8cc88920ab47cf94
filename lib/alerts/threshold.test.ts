import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type RuleGroup, rulesResponseSchema } from '@/lib/prometheus/schemas';
import { demoRuleGroups } from '@/scripts/stack/config/rules';
import { parseThreshold, ruleSource } from './threshold';

describe('parseThreshold', () => {
  it('reads the threshold of every demo rule', () => {
    const thresholds = Object.fromEntries(
      demoRuleGroups.flatMap((g) => g.rules).map((r) => [r.alert, parseThreshold(r.expr)]),
    );
    expect(thresholds).toEqual({
      InstanceDown: { op: '==', value: 0, operand: 'up' },
      HighCPUUsage: {
        op: '>',
        value: 85,
        operand: '100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m])) * 100)',
      },
      HighMemoryUsage: {
        op: '>',
        value: 85,
        operand: '(1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100',
      },
      DiskSpaceLow: {
        op: '<',
        value: 10,
        operand:
          'node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay"} * 100',
      },
      PostgreSQLDown: { op: '==', value: 0, operand: 'pg_up' },
      HighDatabaseConnections: {
        op: '>',
        value: 80,
        operand:
          'sum by (instance) (pg_stat_activity_count) / on (instance) max by (instance) (pg_settings_max_connections) * 100',
      },
      Watchdog: null,
    });
  });

  it.each([
    ['x > bool 3', { op: '>', value: 3, operand: 'x' }],
    ['x>=0.5', { op: '>=', value: 0.5, operand: 'x' }],
    ['x <= -1', { op: '<=', value: -1, operand: 'x' }],
    ['x != 1e3', { op: '!=', value: 1000, operand: 'x' }],
    ['x > 0x10', { op: '>', value: 16, operand: 'x' }],
    ['x > .5', { op: '>', value: 0.5, operand: 'x' }],
    [
      'time() - last_backup_timestamp > 86400',
      { op: '>', value: 86400, operand: 'time() - last_backup_timestamp' },
    ],
    ['(pg_up == 0)', { op: '==', value: 0, operand: 'pg_up' }],
    [' ( (up == 0) ) ', { op: '==', value: 0, operand: 'up' }],
    [
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 1',
      {
        op: '>',
        value: 1,
        operand: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
      },
    ],
    ['up{job="a > 5"} == 0', { op: '==', value: 0, operand: 'up{job="a > 5"}' }],
    ['x > 3 # page when above 3\n', { op: '>', value: 3, operand: 'x' }],
    ['rate(errors_total[5m])\n  > 0.05', { op: '>', value: 0.05, operand: 'rate(errors_total[5m])' }],
    ['x and on (instance) y > 3', null],
    ['a > 1 or b < 2', null],
    ['a unless b == 0', null],
    ['sum(x > 1)', null],
    ['(a > 1) + 2', null],
    ['x > y', null],
    ['x > 5 - 3', null],
    ['vector(1)', null],
    ['x > Inf', null],
    ['x > NaN', null],
    ['> 3', null],
    ['up{job="x == 0"}', null],
    ['', null],
  ])('%j → %j', (expr, expected) => {
    expect(parseThreshold(expr)).toEqual(expected);
  });

  it('keeps set operators inside parentheses out of the way', () => {
    expect(parseThreshold('(a or b) > 3')).toEqual({ op: '>', value: 3, operand: '(a or b)' });
  });

  it('is not fooled by metric names that contain a set operator word', () => {
    expect(parseThreshold('job:errors_or_timeouts:rate5m > 3')?.value).toBe(3);
  });
});

/** The rules of the captured Prometheus 2.42 answer (two EndpointProbeFailed rules, one per severity). */
function fixtureRules(): RuleGroup[] {
  const text = readFileSync(new URL('../prometheus/fixtures/rules.json', import.meta.url), 'utf8');
  const parsed = rulesResponseSchema.parse(JSON.parse(text));
  if (parsed.status !== 'success') throw new Error('fixture is not a success envelope');
  return parsed.data;
}

describe('ruleSource', () => {
  const main = { name: 'main', ruleGroups: fixtureRules() };
  const probeUrl = 'http://127.0.0.1:19090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1';

  it("takes the expression of the alerting rule named like the alert, and that rule's server", () => {
    expect(ruleSource({ alertname: 'InstanceDown', severity: 'critical', job: 'x' }, '', [main])).toEqual({
      expr: 'up == 0',
      prometheus: 'main',
    });
  });

  it('tells rules of the same name apart by their labels', () => {
    const byLabels = (severity: string, server: string) => ({
      name: server,
      ruleGroups: [
        {
          name: 'g',
          file: 'f',
          rules: (main.ruleGroups.find((g) => g.name === 'blackbox')?.rules ?? []).filter(
            (r) => r.labels.severity === severity,
          ),
        },
      ],
    });
    const servers = [byLabels('warning', 'first'), byLabels('critical', 'second')];
    expect(
      ruleSource({ alertname: 'EndpointProbeFailed', severity: 'critical' }, probeUrl, servers).prometheus,
    ).toBe('second');
    expect(
      ruleSource({ alertname: 'EndpointProbeFailed', severity: 'warning' }, probeUrl, servers).prometheus,
    ).toBe('first');
  });

  it('prefers the rule whose expression is the generatorURL’s when labels do not decide', () => {
    const rule = (query: string) => ({
      type: 'alerting' as const,
      name: 'Slow',
      query,
      durationSeconds: 0,
      labels: { severity: 'warning' },
      annotations: {},
      state: 'firing' as const,
      health: 'ok' as const,
      lastError: '',
      alerts: [],
    });
    const servers = [
      { name: 'a', ruleGroups: [{ name: 'g', file: 'f', rules: [rule('x > 1')] }] },
      { name: 'b', ruleGroups: [{ name: 'g', file: 'f', rules: [rule('y > 2')] }] },
    ];
    const url = 'http://b:9090/graph?g0.expr=y+%3E+2&g0.tab=1';
    expect(ruleSource({ alertname: 'Slow', severity: 'warning' }, url, servers)).toEqual({
      expr: 'y > 2',
      prometheus: 'b',
    });
    expect(ruleSource({ alertname: 'Slow', severity: 'warning' }, '', servers)).toEqual({
      expr: 'x > 1',
      prometheus: 'a',
    });
  });

  it('matches templated rule labels with anything', () => {
    const servers = [
      {
        name: 'a',
        ruleGroups: [
          {
            name: 'g',
            file: 'f',
            rules: [
              {
                type: 'alerting' as const,
                name: 'T',
                query: 'q > 1',
                durationSeconds: 0,
                labels: { team: '{{ $labels.owner }}' },
                annotations: {},
                state: 'firing' as const,
                health: 'ok' as const,
                lastError: '',
                alerts: [],
              },
            ],
          },
        ],
      },
    ];
    expect(ruleSource({ alertname: 'T', team: 'db' }, '', servers).expr).toBe('q > 1');
  });

  it('ignores recording rules of the same name', () => {
    const servers = [
      { name: 'main', ruleGroups: main.ruleGroups.filter((g) => g.name === 'node-recording') },
    ];
    expect(ruleSource({ alertname: 'instance:node_cpu_utilisation:rate1m' }, '', servers)).toEqual({
      expr: null,
      prometheus: 'main',
    });
  });

  it("falls back to the generatorURL's g0.expr, graphed on the first Prometheus", () => {
    expect(
      ruleSource({ alertname: 'FromElsewhere' }, probeUrl, [main, { name: 'other', ruleGroups: [] }]),
    ).toEqual({
      expr: 'probe_success == 0',
      prometheus: 'main',
    });
  });

  it('has neither without rules, generatorURL or Prometheus', () => {
    expect(ruleSource({ alertname: 'X' }, '', [])).toEqual({ expr: null, prometheus: null });
    expect(ruleSource({ alertname: 'X' }, probeUrl, [])).toEqual({
      expr: 'probe_success == 0',
      prometheus: null,
    });
  });
});
