import { describe, expect, it } from 'vitest';
import { alertOrderKey, compareOrderKeys, inAlertOrder, severityRank } from './alert-order';

describe('severityRank', () => {
  it('ranks critical, warning, info, then everything else, ignoring case', () => {
    expect(
      ['info', 'none', 'Critical', 'page', 'warning', 'critical'].sort(
        (a, b) => severityRank(a) - severityRank(b),
      ),
    ).toEqual(['Critical', 'critical', 'warning', 'info', 'none', 'page']);
  });
});

describe('inAlertOrder', () => {
  const alert = (fingerprint: string, severity: string | undefined, minute: number, cluster = 'eu') => ({
    fingerprint,
    cluster,
    labels: (severity === undefined ? {} : { severity }) as Record<string, string>,
    startsAt: `2026-11-21T08:${String(minute).padStart(2, '0')}:00.000Z`,
  });

  it('sorts by severity, then age, then fingerprint, then cluster, and keeps the input as it was', () => {
    const input = [
      alert('e', 'info', 0),
      alert('d', 'critical', 5),
      alert('b', 'critical', 5),
      alert('b', 'critical', 5, 'asia'),
      alert('a', undefined, 0),
      alert('c', 'Critical', 1),
      alert('f', '', 9),
    ];
    const before = [...input];
    expect(inAlertOrder(input).map((a) => `${a.fingerprint}@${a.cluster}`)).toEqual([
      'c@eu',
      'b@asia',
      'b@eu',
      'd@eu',
      'e@eu',
      'a@eu',
      'f@eu',
    ]);
    expect(input).toEqual(before);
  });

  it('is total: distinct alerts never compare equal', () => {
    const key = alertOrderKey(alert('a', 'warning', 3));
    expect(compareOrderKeys(key, alertOrderKey(alert('a', 'warning', 3)))).toBe(0);
    expect(compareOrderKeys(key, alertOrderKey(alert('a', 'warning', 3, 'us')))).not.toBe(0);
  });
});
