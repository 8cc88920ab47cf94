import { describe, expect, it } from 'vitest';
import { assemble, changedAlerts, chunks } from './alerts-transfer';
import type { ClusterAlert } from './merge';
import { makeAlert } from './testing/make-alert';

const clusterAlert = (fingerprint: string, summary = 'down'): ClusterAlert => ({
  ...makeAlert({ fingerprint, annotations: { summary } }),
  cluster: 'eu',
  peers: ['eu peer 1'],
});

describe('changedAlerts', () => {
  it('sends every alert the first time, then only new and changed ones', () => {
    const first = changedAlerts(new Map(), [clusterAlert('a'), clusterAlert('b')]);
    expect(first.changed.map((a) => a.fingerprint)).toEqual(['a', 'b']);
    const second = changedAlerts(first.sent, [
      clusterAlert('a'),
      clusterAlert('b', 'up again'),
      clusterAlert('c'),
    ]);
    expect(second.changed).toEqual([clusterAlert('b', 'up again'), clusterAlert('c')]);
    expect([...second.sent.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('forgets alerts that are gone, so one that comes back is sent again', () => {
    const first = changedAlerts(new Map(), [clusterAlert('a')]);
    const gone = changedAlerts(first.sent, []);
    expect(gone.sent.size).toBe(0);
    expect(changedAlerts(gone.sent, [clusterAlert('a')]).changed).toEqual([clusterAlert('a')]);
  });

  it('remembers a fixed-size digest per alert, not its JSON, and still sees a change deep inside', () => {
    const long = clusterAlert('a', 'x'.repeat(5000));
    const first = changedAlerts(new Map(), [long]);
    expect(first.sent.get('a')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const silenced = { ...long, silencedBy: ['s1'] };
    expect(changedAlerts(first.sent, [silenced]).changed).toEqual([silenced]);
    expect(changedAlerts(first.sent, [long]).changed).toEqual([]);
  });
});

describe('chunks', () => {
  it('splits into pieces of at most the given size', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});

describe('assemble', () => {
  it('takes changed alerts as received and the others from the previous poll, in the given order', () => {
    const a1 = clusterAlert('a');
    const b2 = clusterAlert('b', 'changed');
    const alerts = assemble(
      ['b', 'a'],
      new Map([['b', b2]]),
      new Map([
        ['a', a1],
        ['b', clusterAlert('b')],
      ]),
    );
    expect(alerts).toEqual([b2, a1]);
    // The unchanged alert is the very object held before: nothing is copied for it.
    expect(alerts[1]).toBe(a1);
  });

  it('throws when an alert is in neither (the threads lost step)', () => {
    expect(() => assemble(['x'], new Map(), new Map())).toThrow('the poll worker did not send alert x');
  });
});
