import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '@/lib/config/load';
import { pruneInBatches, pruneSummary, retentionPlan } from './plan';

const DAY = 86_400;
const NOW = new Date('2026-03-02T12:00:00Z');

describe('retentionPlan', () => {
  it('gives each kind of history the instant before which its rows go', () => {
    expect(retentionPlan(DEFAULT_RETENTION, NOW)).toEqual([
      { target: 'alertEvents', cutoff: new Date('2025-01-26T12:00:00Z') },
      { target: 'auditLog', cutoff: new Date('2023-03-03T12:00:00Z') },
      { target: 'notifications', cutoff: new Date('2025-09-03T12:00:00Z') },
      { target: 'signInAttempts', cutoff: new Date('2026-01-31T12:00:00Z') },
      { target: 'timelineOfResolvedIncidents', cutoff: new Date('2024-03-02T12:00:00Z') },
    ]);
  });

  it('leaves out what is kept forever', () => {
    const plan = retentionPlan(
      { ...DEFAULT_RETENTION, auditLog: null, alertEvents: null, signInAttempts: DAY },
      NOW,
    );
    expect(plan.map((s) => s.target)).toEqual([
      'notifications',
      'signInAttempts',
      'timelineOfResolvedIncidents',
    ]);
    expect(plan[1]?.cutoff).toEqual(new Date('2026-03-01T12:00:00Z'));
  });
});

/** A table of `rows` old rows that deletes up to `limit` per call, recording each call's limit. */
function fakeTable(rows: number) {
  const calls: number[] = [];
  let left = rows;
  return {
    calls,
    deleteBatch: async (limit: number) => {
      calls.push(limit);
      const n = Math.min(limit, left);
      left -= n;
      return n;
    },
  };
}

describe('pruneInBatches', () => {
  it('deletes in batches of batchSize until a batch comes back short', async () => {
    const table = fakeTable(12);
    expect(await pruneInBatches(table.deleteBatch, { batchSize: 5, maxBatches: 10 })).toEqual({
      deleted: 12,
      batches: 3,
    });
    expect(table.calls).toEqual([5, 5, 5]);
  });

  it('asks once more when the last full batch emptied the table, and once when nothing is old', async () => {
    const exact = fakeTable(10);
    expect(await pruneInBatches(exact.deleteBatch, { batchSize: 5, maxBatches: 10 })).toEqual({
      deleted: 10,
      batches: 3,
    });
    const empty = fakeTable(0);
    expect(await pruneInBatches(empty.deleteBatch, { batchSize: 5, maxBatches: 10 })).toEqual({
      deleted: 0,
      batches: 1,
    });
  });

  it('stops after maxBatches, leaving the rest of a backlog for the next pass', async () => {
    const table = fakeTable(100);
    expect(await pruneInBatches(table.deleteBatch, { batchSize: 5, maxBatches: 4 })).toEqual({
      deleted: 20,
      batches: 4,
    });
  });

  it('lets a failing batch fail the step (the loop logs it and tries next pass)', async () => {
    const failing = async () => {
      throw new Error('connection lost');
    };
    await expect(pruneInBatches(failing, { batchSize: 5, maxBatches: 4 })).rejects.toThrow('connection lost');
  });
});

describe('pruneSummary', () => {
  it('names what was deleted and leaves out what was not', () => {
    expect(
      pruneSummary({
        alertEvents: { deleted: 12_000, batches: 3 },
        auditLog: { deleted: 0, batches: 1 },
        signInAttempts: { deleted: 4, batches: 1 },
      }),
    ).toBe('alertEvents 12000 (3 batches), signInAttempts 4 (1 batch)');
    expect(pruneSummary({ auditLog: { deleted: 0, batches: 1 } })).toBe('');
  });
});
