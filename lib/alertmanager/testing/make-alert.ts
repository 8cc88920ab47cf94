import type { AmAlert } from '../schemas';

/**
 * An AmAlert for tests: a firing Watchdog unless `partial` says otherwise.
 *
 * @example makeAlert({ fingerprint: 'a', state: 'suppressed' })
 */
export function makeAlert(partial: Partial<AmAlert> = {}): AmAlert {
  return {
    fingerprint: 'bc2e094b1ac81282',
    labels: { alertname: 'Watchdog', severity: 'none' },
    annotations: { summary: 'Alerting pipeline is alive' },
    startsAt: '2026-11-21T08:04:53.893Z',
    endsAt: '2026-11-21T08:12:08.893Z',
    updatedAt: '2026-11-21T08:08:08.895Z',
    generatorURL: 'http://127.0.0.1:19090/graph?g0.expr=vector%281%29&g0.tab=1',
    receivers: ['default'],
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    ...partial,
  };
}
