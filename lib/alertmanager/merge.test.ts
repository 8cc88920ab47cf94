import { describe, expect, it } from 'vitest';
import { UpstreamError } from '@/lib/errors';
import { mergePeerAlerts, type PeerAlerts } from './merge';
import { makeAlert } from './testing/make-alert';

const refused = ({ peer, address }: { peer: string; address: string }) =>
  new UpstreamError(
    'alertmanager',
    `http://${address}/api/v2/alerts`,
    undefined,
    `Alertmanager ${peer} at ${address} could not be reached (ECONNREFUSED)`,
    'Check that it runs and that ALERTMANAGER_URLS is right.',
  );

const peer1 = { peer: 'eu peer 1', address: '127.0.0.1:9093' };
const peer2 = { peer: 'eu peer 2', address: '127.0.0.1:9095' };

describe('mergePeerAlerts', () => {
  it('lists an alert reported by both peers once, naming both', () => {
    const { alerts, peers } = mergePeerAlerts('eu', [
      { ...peer1, alerts: [makeAlert()] },
      { ...peer2, alerts: [makeAlert()] },
    ]);
    expect(alerts).toEqual([{ ...makeAlert(), cluster: 'eu', peers: ['eu peer 1', 'eu peer 2'] }]);
    expect(peers).toEqual([
      { name: 'eu peer 1', address: '127.0.0.1:9093', ok: true },
      { name: 'eu peer 2', address: '127.0.0.1:9095', ok: true },
    ]);
  });

  it('keeps the earliest startsAt and the latest endsAt and updatedAt, whichever peer has them', () => {
    const early = makeAlert({
      startsAt: '2026-11-21T08:00:00.000Z',
      endsAt: '2026-11-21T08:10:00.000Z',
      updatedAt: '2026-11-21T08:06:00.000Z',
    });
    const late = makeAlert({
      startsAt: '2026-11-21T08:02:00.000Z',
      endsAt: '2026-11-21T08:12:00.000Z',
      updatedAt: '2026-11-21T08:08:00.000Z',
    });
    for (const order of [
      [early, late],
      [late, early],
    ]) {
      const [alert] = mergePeerAlerts('eu', [
        { ...peer1, alerts: [order[0] ?? early] },
        { ...peer2, alerts: [order[1] ?? late] },
      ]).alerts;
      expect(alert).toMatchObject({
        startsAt: '2026-11-21T08:00:00.000Z',
        endsAt: '2026-11-21T08:12:00.000Z',
        updatedAt: '2026-11-21T08:08:00.000Z',
      });
    }
  });

  it('compares instants, not strings', () => {
    const [alert] = mergePeerAlerts('eu', [
      { ...peer1, alerts: [makeAlert({ startsAt: '2026-11-21T08:00:00.000Z' })] },
      { ...peer2, alerts: [makeAlert({ startsAt: '2026-11-21T09:00:00.000+02:00' })] },
    ]).alerts;
    expect(alert?.startsAt).toBe('2026-11-21T09:00:00.000+02:00');
  });

  it('takes annotations from the most recently updated copy', () => {
    const [alert] = mergePeerAlerts('eu', [
      {
        ...peer1,
        alerts: [makeAlert({ annotations: { summary: 'new' }, updatedAt: '2026-11-21T08:09:00.000Z' })],
      },
      {
        ...peer2,
        alerts: [makeAlert({ annotations: { summary: 'old' }, updatedAt: '2026-11-21T08:01:00.000Z' })],
      },
    ]).alerts;
    expect(alert?.annotations).toEqual({ summary: 'new' });
  });

  it('unions receivers, silencedBy, inhibitedBy and mutedBy', () => {
    const [alert] = mergePeerAlerts('eu', [
      { ...peer1, alerts: [makeAlert({ receivers: ['pager'], silencedBy: ['s1'], inhibitedBy: ['f1'] })] },
      {
        ...peer2,
        alerts: [
          makeAlert({
            receivers: ['pager', 'chat'],
            silencedBy: ['s2', 's1'],
            inhibitedBy: [],
            mutedBy: ['night'],
          }),
        ],
      },
    ]).alerts;
    expect(alert).toMatchObject({
      receivers: ['pager', 'chat'],
      silencedBy: ['s1', 's2'],
      inhibitedBy: ['f1'],
      mutedBy: ['night'],
    });
  });

  it('has no mutedBy when no peer reports one (Alertmanager before 0.28)', () => {
    const [alert] = mergePeerAlerts('eu', [
      { ...peer1, alerts: [makeAlert()] },
      { ...peer2, alerts: [makeAlert()] },
    ]).alerts;
    expect(alert && 'mutedBy' in alert).toBe(false);
  });

  it.each([
    ['suppressed', 'active', 'active'],
    ['active', 'suppressed', 'active'],
    ['suppressed', 'unprocessed', 'unprocessed'],
    ['unprocessed', 'active', 'active'],
    ['suppressed', 'suppressed', 'suppressed'],
  ] as const)(
    'merges state %s with %s into %s (suppressed only when every peer suppresses)',
    (a, b, merged) => {
      const [alert] = mergePeerAlerts('eu', [
        { ...peer1, alerts: [makeAlert({ state: a })] },
        { ...peer2, alerts: [makeAlert({ state: b })] },
      ]).alerts;
      expect(alert?.state).toBe(merged);
    },
  );

  it('names only the peer that reports an alert only one peer has', () => {
    const { alerts } = mergePeerAlerts('eu', [
      { ...peer1, alerts: [makeAlert({ fingerprint: 'b' }), makeAlert({ fingerprint: 'a' })] },
      { ...peer2, alerts: [makeAlert({ fingerprint: 'a' })] },
    ]);
    expect(alerts.map((a) => [a.fingerprint, a.peers])).toEqual([
      ['a', ['eu peer 1', 'eu peer 2']],
      ['b', ['eu peer 1']],
    ]);
  });

  it("returns the live peer's alerts and marks a failed peer down with what to check", () => {
    const { alerts, peers } = mergePeerAlerts('eu', [
      { ...peer1, alerts: [makeAlert()] },
      { ...peer2, error: refused(peer2) },
    ]);
    expect(alerts.map((a) => a.peers)).toEqual([['eu peer 1']]);
    expect(peers[1]).toEqual({
      name: 'eu peer 2',
      address: '127.0.0.1:9095',
      ok: false,
      error:
        'Alertmanager eu peer 2 at 127.0.0.1:9095 could not be reached (ECONNREFUSED). Check that it runs and that ALERTMANAGER_URLS is right.',
    });
  });

  it('returns an empty list, not an error, when the peers answer with no alerts', () => {
    expect(mergePeerAlerts('eu', [{ ...peer1, alerts: [] }]).alerts).toEqual([]);
  });

  it('throws an UpstreamError naming every failure when every peer failed', () => {
    const results: PeerAlerts[] = [
      { ...peer1, error: refused(peer1) },
      { ...peer2, error: refused(peer2) },
    ];
    expect(() => mergePeerAlerts('eu', results)).toThrow(UpstreamError);
    expect(() => mergePeerAlerts('eu', results)).toThrow(
      'No peer of Alertmanager cluster "eu" answered: Alertmanager eu peer 1 at 127.0.0.1:9093 could not be reached (ECONNREFUSED); Alertmanager eu peer 2 at 127.0.0.1:9095 could not be reached (ECONNREFUSED)',
    );
  });
});
