import { describe, expect, it } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import {
  alertGone,
  alertTransitions,
  alertTransitionsInSlices,
  firstPollAgainstStored,
  firstPollAgainstStoredInSlices,
  type PolledAlerts,
  reportersAnswered,
  type StoredFiring,
  type TrackedAlert,
  trackStoredFirings,
} from './transitions';

const P1 = 'default peer 1';
const P2 = 'default peer 2';
const NOW = '2026-11-21T08:10:00.000Z';

/** A ClusterAlert reported by both peers unless `partial` says otherwise. */
function tracked(partial: Partial<TrackedAlert> & { fingerprint: string }): TrackedAlert {
  const { labels, annotations, startsAt, endsAt } = makeAlert({
    labels: { alertname: `Alert ${partial.fingerprint}`, severity: 'critical' },
  });
  return { cluster: 'default', labels, annotations, startsAt, endsAt, peers: [P1, P2], ...partial };
}

function poll(alerts: TrackedAlert[], down: string[] = []): PolledAlerts {
  return { alerts, peers: [P1, P2].map((name) => ({ name, ok: !down.includes(name) })) };
}

/** [status, fingerprint, startsAt, endsAt] of each event, for compact expectations. */
const summary = (r: ReturnType<typeof alertTransitions>) =>
  r.events.map((e) => [e.status, e.fingerprint, e.startsAt, e.endsAt]);

describe('alertTransitions', () => {
  const a = tracked({ fingerprint: 'a' });
  const b = tracked({ fingerprint: 'b', startsAt: '2026-11-21T08:09:00.000Z' });

  it('records every alert as firing on the first poll, as a poller event', () => {
    const result = alertTransitions(undefined, poll([a, b]), NOW);
    expect(summary(result)).toEqual([
      ['firing', 'a', a.startsAt, null],
      ['firing', 'b', b.startsAt, null],
    ]);
    expect(result.events[0]).toEqual({
      cluster: 'default',
      fingerprint: 'a',
      alertname: 'Alert a',
      status: 'firing',
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      endsAt: null,
      receiver: 'vigil-poller',
      groupKey: '',
    });
    expect(result.open).toEqual([a, b]);
  });

  it('records nothing when nothing changed (labels and annotations may)', () => {
    const reworded = { ...a, annotations: { summary: 'new text' }, endsAt: '2026-11-21T08:30:00.000Z' };
    expect(alertTransitions([a, b], poll([reworded, b]), NOW).events).toEqual([]);
  });

  it('records a new fingerprint as firing', () => {
    expect(summary(alertTransitions([a], poll([a, b]), NOW))).toEqual([['firing', 'b', b.startsAt, null]]);
  });

  it('records a vanished fingerprint as resolved when it disappeared', () => {
    const result = alertTransitions([a, b], poll([a]), NOW);
    // b's endsAt (08:12:08) is Alertmanager's estimate while it fired; it vanished before.
    expect(summary(result)).toEqual([['resolved', 'b', b.startsAt, NOW]]);
    expect(result.events[0]?.receiver).toBe('vigil-poller');
    expect(result.open).toEqual([a]);
  });

  it('uses the alert own endsAt when it timed out before the poll', () => {
    const timedOut = tracked({ fingerprint: 'c', endsAt: '2026-11-21T08:09:30.000Z' });
    expect(summary(alertTransitions([timedOut], poll([]), NOW))).toEqual([
      ['resolved', 'c', timedOut.startsAt, '2026-11-21T08:09:30.000Z'],
    ]);
  });

  it('records a later startsAt as the old firing resolved and a new one firing', () => {
    const again = { ...a, startsAt: '2026-11-21T08:09:40.000Z' };
    expect(summary(alertTransitions([a], poll([again]), NOW))).toEqual([
      ['resolved', 'a', a.startsAt, '2026-11-21T08:09:40.000Z'],
      ['firing', 'a', '2026-11-21T08:09:40.000Z', null],
    ]);
  });

  it('records an earlier startsAt (a peer knew it longer) as firing only', () => {
    const earlier = { ...a, startsAt: '2026-11-21T08:04:50.000Z' };
    expect(summary(alertTransitions([a], poll([earlier]), NOW))).toEqual([
      ['firing', 'a', '2026-11-21T08:04:50.000Z', null],
    ]);
  });

  it('resolves nothing while the other peer still reports the alert (it stays merged)', () => {
    const onlyPeer2 = { ...a, peers: [P2] };
    expect(alertTransitions([a], poll([onlyPeer2], [P1]), NOW).events).toEqual([]);
  });

  it('keeps an alert open, unresolved, while the only peer that reported it is down', () => {
    const onPeer1 = tracked({ fingerprint: 'd', peers: [P1] });
    const outage = alertTransitions([a, onPeer1], poll([{ ...a, peers: [P2] }], [P1]), NOW);
    expect(outage.events).toEqual([]);
    expect(outage.open.map((x) => x.fingerprint)).toEqual(['a', 'd']);

    // Peer 1 is back and no longer has it: now it is resolved.
    const later = '2026-11-21T08:11:00.000Z';
    expect(summary(alertTransitions(outage.open, poll([a]), later))).toEqual([
      ['resolved', 'd', onPeer1.startsAt, later],
    ]);
    // Or it is back, with the same start: still the same firing.
    expect(alertTransitions(outage.open, poll([a, onPeer1]), later).events).toEqual([]);
  });

  it('resolves everything when Alertmanager answers with no alerts (after a real poll)', () => {
    expect(summary(alertTransitions([a, b], poll([]), NOW))).toEqual([
      ['resolved', 'a', a.startsAt, NOW],
      ['resolved', 'b', b.startsAt, NOW],
    ]);
  });

  it('leaves the alertname empty for an alert without one', () => {
    const nameless = tracked({ fingerprint: 'e', labels: { job: 'x' } });
    expect(alertTransitions(undefined, poll([nameless]), NOW).events[0]?.alertname).toBe('');
  });

  it('records nothing for an alert handed over as the same object, and still sees a changed copy', () => {
    const first = alertTransitions(undefined, poll([a, b]), NOW);
    expect(alertTransitions(first.open, poll([a, b]), NOW).events).toEqual([]);
    const restarted = { ...b, startsAt: '2026-11-21T08:09:30.000Z' };
    expect(summary(alertTransitions(first.open, poll([a, restarted]), NOW))).toEqual([
      ['resolved', 'b', '2026-11-21T08:09:00.000Z', '2026-11-21T08:09:30.000Z'],
      ['firing', 'b', '2026-11-21T08:09:30.000Z', null],
    ]);
  });
});

describe('reportersAnswered', () => {
  it('is true only when every peer that reported the alert answered', () => {
    expect(reportersAnswered([P1], poll([], [P2]).peers)).toBe(true);
    expect(reportersAnswered([P2], poll([], [P2]).peers)).toBe(false);
    expect(reportersAnswered([P1, P2], poll([], [P2]).peers)).toBe(false);
    expect(reportersAnswered([P1, P2], poll([]).peers)).toBe(true);
  });

  it('counts every peer as a reporter when the reporters are not known', () => {
    expect(reportersAnswered(undefined, poll([]).peers)).toBe(true);
    expect(reportersAnswered(undefined, poll([], [P1]).peers)).toBe(false);
  });
});

describe('alertGone (what the acknowledgement reconciler closes on)', () => {
  const onPeer2 = tracked({ fingerprint: 'f', peers: [P2] });

  it('is false while the alert is polled, whoever is down', () => {
    expect(alertGone('f', poll([onPeer2]), poll([onPeer2], [P1]))).toBe(false);
  });

  it('is false when the only peer that reported it is down', () => {
    expect(alertGone('f', poll([onPeer2]), poll([], [P2]))).toBe(false);
  });

  it('is true when it is missing and the peer that reported it answered (another one being down)', () => {
    expect(alertGone('f', poll([onPeer2]), poll([], [P1]))).toBe(true);
  });

  it('is false with a peer down when the previous poll did not list it (or there was none)', () => {
    expect(alertGone('f', undefined, poll([], [P1]))).toBe(false);
    expect(alertGone('f', poll([]), poll([], [P2]))).toBe(false);
    expect(alertGone('f', undefined, poll([]))).toBe(true);
  });
});

describe('start-up reconciliation: the first poll against the stored open firings', () => {
  const stored = (fingerprint: string, receivedAt = '2026-11-21T07:50:01.000Z'): StoredFiring => {
    const { cluster, labels, annotations } = tracked({ fingerprint });
    return { cluster, fingerprint, labels, annotations, startsAt: '2026-11-21T07:50:00.000Z', receivedAt };
  };
  const reconcile = (firings: StoredFiring[], next: PolledAlerts, at = NOW) =>
    firstPollAgainstStored(firings, next, at);

  it('tracks a stored firing as reported by every peer, its end unknown', () => {
    const { receivedAt: _, ...alert } = stored('r');
    expect(trackStoredFirings([stored('r')], [P1, P2])).toEqual([
      { ...alert, endsAt: '9999-12-31T23:59:59.999Z', peers: [P1, P2] },
    ]);
  });

  it('carries a firing stored in the last minute to the next poll instead of resolving it (another instance may have polled later)', () => {
    const first = reconcile([stored('r', '2026-11-21T08:09:30.000Z')], poll([]));
    expect(first.events).toEqual([]);
    expect(first.open.map((a) => a.fingerprint)).toEqual(['r']);
    const later = '2026-11-21T08:10:10.000Z';
    expect(summary(alertTransitions(first.open, poll([]), later))).toEqual([
      ['resolved', 'r', '2026-11-21T07:50:00.000Z', later],
    ]);
    // Still firing at the first poll: tracked from the poll, once.
    const polled = tracked({ fingerprint: 'r', startsAt: '2026-11-21T07:50:00.000Z' });
    const seen = reconcile([stored('r', '2026-11-21T08:09:30.000Z')], poll([polled]));
    expect(summary(seen)).toEqual([['firing', 'r', '2026-11-21T07:50:00.000Z', null]]);
    expect(seen.open).toEqual([polled]);
  });

  it('resolves, at the first poll, a stored firing that every peer answered without', () => {
    expect(summary(reconcile([stored('r')], poll([])))).toEqual([
      ['resolved', 'r', '2026-11-21T07:50:00.000Z', NOW],
    ]);
  });

  it('records nothing for a stored firing that still fires, and fires what is new', () => {
    const still = tracked({ fingerprint: 'r', startsAt: '2026-11-21T07:50:00.000Z' });
    const result = reconcile([stored('r')], poll([still, tracked({ fingerprint: 'n' })]));
    expect(summary(result)).toEqual([['firing', 'n', tracked({ fingerprint: 'n' }).startsAt, null]]);
  });

  it('resolves a stored firing at the start of the firing that replaced it', () => {
    const again = tracked({ fingerprint: 'r', startsAt: '2026-11-21T08:05:00.000Z' });
    expect(summary(reconcile([stored('r')], poll([again])))).toEqual([
      ['resolved', 'r', '2026-11-21T07:50:00.000Z', '2026-11-21T08:05:00.000Z'],
      ['firing', 'r', '2026-11-21T08:05:00.000Z', null],
    ]);
  });

  it('resolves nothing while a peer is down (it may be the only one holding it), then at the first full poll', () => {
    const outage = reconcile([stored('r'), stored('s')], poll([], [P2]));
    expect(outage.events).toEqual([]);
    expect(outage.open.map((x) => x.fingerprint)).toEqual(['r', 's']);
    const later = '2026-11-21T08:11:00.000Z';
    const onPeer2 = tracked({ fingerprint: 's', startsAt: '2026-11-21T07:50:00.000Z', peers: [P2] });
    expect(summary(alertTransitions(outage.open, poll([onPeer2]), later))).toEqual([
      ['resolved', 'r', '2026-11-21T07:50:00.000Z', later],
    ]);
  });
});

describe('in slices, as the poller records them', () => {
  const many = (n: number, prefix: string, startsAt = '2026-11-21T08:00:00.000Z') =>
    Array.from({ length: n }, (_, i) => tracked({ fingerprint: `${prefix}${i}`, startsAt }));

  it('gives the same transitions as at once, letting other work run between slices', async () => {
    const open = [
      ...many(1500, 'kept'),
      ...many(1200, 'gone'),
      ...many(300, 'down', '2026-11-21T08:01:00.000Z'),
    ];
    const restarted = many(700, 'kept', '2026-11-21T08:05:00.000Z');
    const next = poll([...open.slice(700, 1500), ...restarted, ...many(2000, 'new')], []);
    let otherWork = false;
    setImmediate(() => {
      otherWork = true;
    });
    const sliced = await alertTransitionsInSlices(open, next, NOW);
    expect(sliced).toEqual(alertTransitions(open, next, NOW));
    expect(sliced.events.length).toBe(700 * 2 + 2000 + 300 + 1200);
    // 7,000 alerts compared, 1,000 per slice: the loop turned between them.
    expect(otherWork).toBe(true);
  });

  it('reconciles the first poll against the stored firings the same way', async () => {
    const stored = many(2500, 's').map(({ cluster, fingerprint, labels, annotations, startsAt }) => ({
      cluster,
      fingerprint,
      labels,
      annotations,
      startsAt,
      receivedAt: '2026-11-21T07:00:00.000Z',
    }));
    const next = poll(many(1000, 's'));
    const sliced = await firstPollAgainstStoredInSlices(stored, next, NOW);
    expect(sliced).toEqual(firstPollAgainstStored(stored, next, NOW));
    expect(sliced.events.filter((e) => e.status === 'resolved')).toHaveLength(1500);
  });
});
