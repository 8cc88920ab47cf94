import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { alertmanagerConfigYaml } from './alertmanager-config.js';
import { demoRuleGroups } from './rules.js';
import { showcaseRuleGroups } from './showcase-rules.js';
import { assignPorts } from './stack-ports.js';
import { checkPrometheusConfig } from './validate.js';
import { writeConfigs } from './write-configs.js';

const rules = showcaseRuleGroups.flatMap((g) => g.rules);
/** One firing alert per `instance` a rule's expression names. */
const alertCount = (expr: string) => expr.match(/"instance", "/g)?.length ?? 0;

describe('the demo showcase rules', () => {
  it('fire about a dozen alerts with the stack rules, of three severities and four teams', () => {
    // With the stack's InstanceDown (the dead api target) and Watchdog.
    const total = rules.reduce((n, r) => n + alertCount(r.expr), 0) + 2;
    expect(total).toBeGreaterThanOrEqual(11);
    expect(total).toBeLessThanOrEqual(14);
    expect(new Set(rules.map((r) => r.labels.severity))).toEqual(new Set(['critical', 'warning', 'info']));
    expect(new Set(rules.map((r) => r.labels.team))).toEqual(
      new Set(['payments', 'platform', 'data', 'web']),
    );
  });

  it('put a warning on the instance of a critical, which the stack Alertmanager inhibits', () => {
    const { inhibit_rules } = parse(
      alertmanagerConfigYaml({ vigilUrl: 'http://127.0.0.1:3000', webhookToken: 't' }),
    );
    expect(inhibit_rules).toEqual([
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity="warning"'],
        equal: ['instance'],
      },
    ]);
    const instanceOf = (alert: string) =>
      rules.find((r) => r.alert === alert)?.expr.match(/"instance", "([^"]+)"/)?.[1];
    expect(rules.find((r) => r.alert === 'HighErrorRate')?.labels.severity).toBe('critical');
    expect(rules.find((r) => r.alert === 'HighLatency')?.labels.severity).toBe('warning');
    expect(instanceOf('HighLatency')).toBe('checkout-1:8080');
    expect(instanceOf('HighErrorRate')).toBe('checkout-1:8080');
  });

  it('have one flapping alert: firing for one minute in two', () => {
    expect(rules.find((r) => r.alert === 'HealthCheckFlapping')).toMatchObject({
      expr: expect.stringMatching(/\* time\(\) % 120\) < 60$/),
    });
    expect(rules.filter((r) => r.expr.includes('time()'))).toHaveLength(1);
  });

  it('do not reuse a stack rule name, so tests that count stack alerts are untouched', () => {
    const stack = new Set(demoRuleGroups.flatMap((g) => g.rules.map((r) => r.alert)));
    expect(rules.filter((r) => stack.has(r.alert))).toEqual([]);
  });

  // Runs the real promtool, as validate.test.ts does for the stack's own rules.
  it('are accepted by promtool together with the stack rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigil-showcase-'));
    try {
      const ports = assignPorts([5432, 9090, 9093, 9095, 9094, 9096, 9100, 9187, 9115, 9999]);
      const files = await writeConfigs({
        dir,
        ports,
        vigilUrl: 'http://127.0.0.1:3000',
        webhookToken: 'token',
        extraRuleGroups: showcaseRuleGroups,
      });
      const report = await checkPrometheusConfig(files.prometheus);
      expect(report).toContain(`SUCCESS: ${7 + rules.length} rules found`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
