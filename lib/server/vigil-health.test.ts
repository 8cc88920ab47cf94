import { describe, expect, it } from 'vitest';
import { vigilHealth } from './vigil-health';

const none = { lastOkAt: undefined, lastFailedAt: undefined };
const healthy = {
  now: 1_000_000,
  pollIntervalSeconds: 10,
  clusters: [{ name: 'default', updatedAt: 995_000, periodSeconds: 10 }],
  escalation: { lastOkAt: 999_000, lastFailedAt: undefined },
  webhook: none,
};

describe('vigilHealth', () => {
  it('is healthy when every loop completed recently and no webhook came', () => {
    expect(vigilHealth(healthy)).toEqual({ healthy: true, problems: [] });
  });

  it('is unhealthy when a cluster has not been polled successfully for three intervals', () => {
    const cluster = { name: 'default', periodSeconds: 10 };
    expect(vigilHealth({ ...healthy, clusters: [{ ...cluster, updatedAt: 969_000 }] })).toEqual({
      healthy: false,
      problems: ['polling Alertmanager cluster default has not succeeded for 30 s'],
    });
    expect(vigilHealth({ ...healthy, clusters: [{ ...cluster, updatedAt: undefined }] }).healthy).toBe(false);
  });

  it("counts a slow cluster's intervals by its own, longer, poll period", () => {
    // Alertmanager took 8 s to answer: the next poll waits 24 s, so polls are 32 s apart.
    const slow = { name: 'default', periodSeconds: 32 };
    expect(vigilHealth({ ...healthy, clusters: [{ ...slow, updatedAt: 969_000 }] }).healthy).toBe(true);
    expect(vigilHealth({ ...healthy, clusters: [{ ...slow, updatedAt: 903_000 }] }).problems).toEqual([
      'polling Alertmanager cluster default has not succeeded for 96 s',
    ]);
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
