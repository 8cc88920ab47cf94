import { describe, expect, it } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { toAlertItem } from '@/lib/alerts/alert-items';
import type { AlertDetail, AlertsResponse } from '@/lib/alerts/api-schema';
import { acknowledgedBy, changeAlertInDetail, changeAlertInList, silencedWith } from './alert-cache';

const item = (fingerprint: string) =>
  toAlertItem({
    ...makeAlert({ fingerprint, labels: { alertname: 'InstanceDown' } }),
    cluster: 'eu',
    peers: [],
  });

const list = (): AlertsResponse => ({
  alerts: [item('a'), item('b')],
  groups: [],
  counts: {
    total: 2,
    matching: 2,
    groups: 0,
    bySeverity: {},
    byState: { active: 2, silenced: 0, inhibited: 0, acknowledged: 0 },
  },
  page: { offset: 0, limit: 100 },
  fetchedAt: null,
  upstreams: [],
});

const OUTCOME = { by: 'Ana', at: '2026-11-21T08:10:00.000Z', comment: 'on it', silenceId: 's1' };

describe('changeAlertInList', () => {
  it('shows the acknowledgement and its silence on the alert at once, and moves it between the counts', () => {
    const changed = changeAlertInList(list(), { fingerprint: 'b', cluster: 'eu' }, acknowledgedBy(OUTCOME));
    expect(changed.alerts[1]).toMatchObject({
      ack: { by: 'Ana', at: OUTCOME.at, comment: 'on it' },
      silencedBy: ['s1'],
      state: 'silenced',
    });
    expect(changed.alerts[0]?.ack).toBeNull();
    expect(changed.counts.byState).toEqual({ active: 1, silenced: 0, inhibited: 0, acknowledged: 1 });
  });

  it('acknowledges without a silence as acknowledged and still firing', () => {
    const changed = changeAlertInList(
      list(),
      { fingerprint: 'a', cluster: 'eu' },
      acknowledgedBy({ ...OUTCOME, silenceId: null }),
    );
    expect(changed.alerts[0]).toMatchObject({ state: 'firing', silencedBy: [], ack: { by: 'Ana' } });
  });

  it('marks a silenced alert as silenced, once', () => {
    const once = changeAlertInList(list(), { fingerprint: 'a', cluster: 'eu' }, silencedWith('s9'));
    const twice = changeAlertInList(once, { fingerprint: 'a', cluster: 'eu' }, silencedWith('s9'));
    expect(twice.alerts[0]).toMatchObject({ state: 'silenced', silencedBy: ['s9'] });
    expect(twice.counts.byState).toEqual({ active: 1, silenced: 1, inhibited: 0, acknowledged: 0 });
  });

  it('leaves a page without the alert (or the same fingerprint in another cluster) as it is', () => {
    const page = list();
    expect(changeAlertInList(page, { fingerprint: 'z', cluster: 'eu' }, silencedWith('s1'))).toBe(page);
    expect(changeAlertInList(page, { fingerprint: 'a', cluster: 'us' }, silencedWith('s1'))).toBe(page);
  });
});

describe('changeAlertInDetail', () => {
  const detail = (): AlertDetail => ({
    alert: item('a'),
    expr: null,
    threshold: null,
    prometheus: null,
    links: { prometheus: null, grafana: null },
    silences: [],
    inhibitors: [],
    history: [],
  });

  it('changes the alert of its own detail only', () => {
    expect(
      changeAlertInDetail(detail(), { fingerprint: 'a', cluster: 'eu' }, silencedWith('s1')).alert.state,
    ).toBe('silenced');
    const other = detail();
    expect(changeAlertInDetail(other, { fingerprint: 'b', cluster: 'eu' }, silencedWith('s1'))).toBe(other);
  });
});
