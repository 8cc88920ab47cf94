import { describe, expect, it } from 'vitest';
import { vigilHealth } from './vigil-health';

const none = { lastOkAt: undefined, lastFailedAt: undefined };
const healthy = {
  now: 1_000_000,
  pollIntervalSeconds: 10,
  clusters: [{ name: 'default', updatedAt: 995_000 }],
  escalation: { lastOkAt: 999_000, lastFailedAt: undefined },
  webhook: none,
};

describe('vigilHealth', () => {
  it('is healthy when every loop completed recently and no webhook came', () => {
    expect(vigilHealth(healthy)).toEqual({ healthy: true, problems: [] });
  });

  it('is unhealthy when a cluster has not been polled successfully for three intervals', () => {
    expect(vigilHealth({ ...healthy, clusters: [{ name: 'default', updatedAt: 969_000 }] })).toEqual({
      healthy: false,
      problems: ['polling Alertmanager cluster default has not succeeded for 30 s'],
    });
    expect(vigilHealth({ ...healthy, clusters: [{ name: 'default', updatedAt: undefined }] }).healthy).toBe(
      false,
    );
  });

  it('gives the escalation pass five intervals and at least two minutes', () => {
    expect(
      vigilHealth({ ...healthy, escalation: { lastOkAt: 881_000, lastFailedAt: undefined } }).healthy,
    ).toBe(true);
    expect(
      vigilHealth({ ...healthy, escalation: { lastOkAt: 879_000, lastFailedAt: undefined } }).problems,
    ).toEqual(['the escalation pass has not completed for 120 s']);
    expect(vigilHealth({ ...healthy, escalation: none }).healthy).toBe(false);
  });

  it('is unhealthy while the webhook’s last store failed, healthy again after one succeeds', () => {
    expect(vigilHealth({ ...healthy, webhook: { lastOkAt: 10, lastFailedAt: 20 } }).problems).toEqual([
      'the webhook could not store its last notification',
    ]);
    expect(vigilHealth({ ...healthy, webhook: { lastOkAt: 30, lastFailedAt: 20 } }).healthy).toBe(true);
  });
});
