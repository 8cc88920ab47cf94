import { describe, expect, it } from 'vitest';
import type { ClusterAlert } from './merge';
import type { Silence } from './schemas';
import { markSilences } from './silence-marks';
import { makeAlert } from './testing/make-alert';

const alert = (fingerprint: string, labels: Record<string, string>, partial: Partial<ClusterAlert> = {}) => ({
  ...makeAlert({ fingerprint, labels: { alertname: 'InstanceDown', ...labels } }),
  cluster: 'default',
  peers: ['default peer 1'],
  ...partial,
});

const silence = (id: string, state: Silence['state'], matchers: Silence['matchers']): Silence => ({
  id,
  state,
  matchers,
  startsAt: '2026-11-21T08:00:00.000Z',
  endsAt: '2026-11-21T09:00:00.000Z',
  updatedAt: '2026-11-21T08:00:00.000Z',
  createdBy: 'ana',
  comment: 'maintenance',
});
const eq = (name: string, value: string) => ({ name, value, isRegex: false, isEqual: true });

describe('markSilences', () => {
  it('marks the alerts an active silence matches as suppressed by it, and only those', () => {
    const [db1, db2] = [alert('a', { instance: 'db-1' }), alert('b', { instance: 'db-2' })];
    const [m1, m2] = markSilences([db1, db2], [silence('s1', 'active', [eq('instance', 'db-1')])]);
    expect(m1).toMatchObject({ state: 'suppressed', silencedBy: ['s1'] });
    expect(m2).toBe(db2);
  });

  it('matches regex matchers as Alertmanager does (fully anchored)', () => {
    const alerts = [alert('a', { instance: 'db-1' }), alert('b', { instance: 'xdb-1' })];
    const marked = markSilences(alerts, [
      silence('s1', 'active', [{ name: 'instance', value: 'db-.*', isRegex: true, isEqual: true }]),
    ]);
    expect(marked.map((a) => a.silencedBy)).toEqual([['s1'], []]);
  });

  it('ignores pending silences and takes expired ones out, firing again when nothing else mutes', () => {
    const silenced = alert('a', { instance: 'db-1' }, { state: 'suppressed', silencedBy: ['s1'] });
    const inhibitedToo = alert(
      'b',
      { instance: 'db-2' },
      { state: 'suppressed', silencedBy: ['s1'], inhibitedBy: ['c'] },
    );
    const [m1, m2] = markSilences(
      [silenced, inhibitedToo],
      [silence('s1', 'expired', [eq('alertname', 'InstanceDown')]), silence('s2', 'pending', [])],
    );
    expect(m1).toMatchObject({ state: 'active', silencedBy: [] });
    expect(m2).toMatchObject({ state: 'suppressed', silencedBy: [], inhibitedBy: ['c'] });
  });

  it('returns the same array when nothing changes', () => {
    const alerts = [alert('a', { instance: 'db-1' }, { state: 'suppressed', silencedBy: ['s1'] })];
    expect(markSilences(alerts, [silence('s1', 'active', [eq('instance', 'db-1')])])).toBe(alerts);
    expect(markSilences(alerts, [])).toBe(alerts);
  });

  it('matches only the silences that became active since the previous list (the poll marked the others)', () => {
    const old = silence('s-old', 'active', [eq('instance', 'db-1')]);
    const added = silence('s-new', 'active', [eq('instance', 'db-2')]);
    const alerts = [alert('a', { instance: 'db-1' }), alert('b', { instance: 'db-2' })];
    const marked = markSilences(alerts, [old, added], [old]);
    expect(marked.map((a) => a.silencedBy)).toEqual([[], ['s-new']]);
  });
});
