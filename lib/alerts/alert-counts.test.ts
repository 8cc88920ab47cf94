import { describe, expect, it } from 'vitest';
import {
  countBySeverity,
  countByState,
  NO_SEVERITY,
  severityBucket,
  stateCategory,
  summarizeAlerts,
} from './alert-counts';
import type { AlertItem } from './api-schema';

type Counted = Pick<AlertItem, 'ack' | 'state' | 'labels'>;

const ACK = { by: 'ana@example.com', at: '2026-11-21T08:10:00.000Z', comment: null };
const alert = (partial: Partial<Counted> = {}): Counted => ({
  ack: null,
  state: 'firing',
  labels: { alertname: 'A', severity: 'critical' },
  ...partial,
});

describe('severityBucket', () => {
  it.each([
    [{ severity: 'critical' }, 'critical'],
    [{ severity: 'none' }, 'none'],
    [{ severity: '' }, NO_SEVERITY],
    [{}, NO_SEVERITY],
  ])('%j → %s', (labels, bucket) => {
    expect(severityBucket(labels)).toBe(bucket);
  });
});

describe('stateCategory', () => {
  it.each([
    [{ state: 'firing', ack: null }, 'active'],
    [{ state: 'unprocessed', ack: null }, 'active'],
    [{ state: 'silenced', ack: null }, 'silenced'],
    [{ state: 'inhibited', ack: null }, 'inhibited'],
    [{ state: 'firing', ack: ACK }, 'acknowledged'],
    // An acknowledgement made of a silence is acknowledged, not silenced.
    [{ state: 'silenced', ack: ACK }, 'acknowledged'],
    [{ state: 'inhibited', ack: ACK }, 'acknowledged'],
  ] as const)('%j → %s', (item, category) => {
    expect(stateCategory(item)).toBe(category);
  });
});

describe('countByState', () => {
  it('puts every alert under exactly one state, so the counts add up to the total', () => {
    const alerts = [
      alert({ state: 'silenced' }),
      alert({ state: 'silenced', ack: ACK }),
      alert({ state: 'inhibited' }),
      alert(),
      alert({ state: 'unprocessed' }),
    ];
    const counts = countByState(alerts);
    expect(counts).toEqual({ active: 2, silenced: 1, inhibited: 1, acknowledged: 1 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(alerts.length);
  });
});

describe('countBySeverity', () => {
  it('counts the label as written and unlabelled alerts as "no severity", apart from severity "none"', () => {
    expect(
      countBySeverity([
        alert(),
        alert({ labels: { severity: 'Critical' } }),
        alert({ labels: { severity: 'none' } }),
        alert({ labels: {} }),
        alert({ labels: { severity: '' } }),
      ]),
    ).toEqual({ critical: 1, Critical: 1, none: 1, [NO_SEVERITY]: 2 });
  });
});

describe('summarizeAlerts', () => {
  it('counts only active alerts by severity, and an acknowledged alert as acknowledged', () => {
    expect(
      summarizeAlerts([
        alert(),
        alert({ state: 'silenced', ack: ACK }),
        alert({ labels: { alertname: 'B' } }),
        alert({ state: 'silenced', labels: { severity: 'warning' } }),
        alert({ state: 'inhibited', labels: { severity: 'warning' } }),
      ]),
    ).toEqual({
      active: 2,
      acknowledged: 1,
      silenced: 1,
      inhibited: 1,
      activeBySeverity: { critical: 1, [NO_SEVERITY]: 1 },
    });
  });

  it('reports nothing firing when everything is acknowledged, without calling it silenced', () => {
    expect(summarizeAlerts([alert({ state: 'silenced', ack: ACK }), alert({ ack: ACK })])).toEqual({
      active: 0,
      acknowledged: 2,
      silenced: 0,
      inhibited: 0,
      activeBySeverity: {},
    });
  });
});
