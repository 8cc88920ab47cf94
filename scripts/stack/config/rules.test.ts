import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoRuleGroups, rulesYaml } from './rules.js';

const rules = demoRuleGroups.flatMap((group) => group.rules);

describe('demo rules', () => {
  it('covers the alerts of the seed catalogue', () => {
    expect(rules.map((rule) => rule.alert).sort()).toEqual([
      'DiskSpaceLow',
      'HighCPUUsage',
      'HighDatabaseConnections',
      'HighMemoryUsage',
      'InstanceDown',
      'PostgreSQLDown',
      'Watchdog',
    ]);
  });

  it('gives every rule a severity, a summary, a description and a bare runbook slug', () => {
    for (const rule of rules) {
      expect(['critical', 'warning', 'none']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(0);
      expect(rule.annotations.description.length).toBeGreaterThan(0);
      expect(rule.annotations.runbook_url).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('fires InstanceDown 30 s after a target stops answering, and Watchdog at once', () => {
    expect(rules.find((rule) => rule.alert === 'InstanceDown')).toMatchObject({
      expr: 'up == 0',
      for: '30s',
      labels: { severity: 'critical' },
      annotations: { runbook_url: 'instance-down' },
    });
    expect(rules.find((rule) => rule.alert === 'Watchdog')).toEqual(
      expect.objectContaining({ expr: 'vector(1)', labels: { severity: 'none' } }),
    );
    expect(rules.find((rule) => rule.alert === 'Watchdog')?.for).toBeUndefined();
  });

  it('keeps every `for` short enough to fire within a test', () => {
    for (const rule of rules) expect([undefined, '30s', '1m']).toContain(rule.for);
  });

  it('serialises as a rule file with the same groups', () => {
    expect(parse(rulesYaml())).toEqual({ groups: JSON.parse(JSON.stringify(demoRuleGroups)) });
  });
});
