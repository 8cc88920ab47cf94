import type { AlertEventInput } from '../alert-event';

/** An alert event for tests: only its key varies, the rest is fixed. */
export const makeEvent = (
  fingerprint: string,
  startsAt = '2026-11-21T08:00:00.000Z',
  status: AlertEventInput['status'] = 'firing',
): AlertEventInput => ({
  cluster: 'default',
  fingerprint,
  alertname: 'A',
  status,
  labels: {},
  annotations: {},
  startsAt,
  endsAt: null,
  receiver: 'pager',
  groupKey: '',
});
