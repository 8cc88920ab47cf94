import type { RetentionSeconds } from '@/lib/config/load';

/**
 * What the pruner deletes in one pass, decided without the database so it can be tested: one step per
 * kind of history that has a retention period, each with the instant before which its rows go, and the
 * loop that deletes a step's rows in bounded batches.
 */

export type RetentionTarget = keyof RetentionSeconds;

type PruneStep = { target: RetentionTarget; cutoff: Date };

/**
 * The steps of a pass at `now`, in a fixed order; a period of `forever` (null) has no step.
 * @example retentionPlan({auditLog: 86_400, signInAttempts: null, …}, 2026-03-02T00:00Z)
 *   → [{target: 'auditLog', cutoff: 2026-03-01T00:00Z}, …]
 */
export function retentionPlan(periods: RetentionSeconds, now: Date): PruneStep[] {
  return (Object.keys(periods) as RetentionTarget[]).flatMap((target) => {
    const seconds = periods[target];
    return seconds === null ? [] : [{ target, cutoff: new Date(now.getTime() - seconds * 1000) }];
  });
}

export type BatchLimits = {
  /** Rows per DELETE: small enough that one statement holds its locks briefly. */
  batchSize: number;
  /** Batches per step and pass, so one pass ends; a larger backlog goes on in the next pass. */
  maxBatches: number;
};

export type BatchOutcome = { deleted: number; batches: number };

/**
 * Calls `deleteBatch(batchSize)` until a batch deletes fewer rows than asked (nothing old is left that
 * another instance is not already deleting) or `maxBatches` ran.
 * @example batches deleting 5, 5, 2 with batchSize 5 → {deleted: 12, batches: 3}
 */
export async function pruneInBatches(
  deleteBatch: (limit: number) => Promise<number>,
  { batchSize, maxBatches }: BatchLimits,
): Promise<BatchOutcome> {
  let deleted = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const n = await deleteBatch(batchSize);
    deleted += n;
    batches += 1;
    if (n < batchSize) break;
  }
  return { deleted, batches };
}

/**
 * The log line of a pass: what was deleted, per kind of history; empty when nothing was.
 * @example {alertEvents: {deleted: 12000, batches: 3}, auditLog: {deleted: 0, batches: 1}}
 *   → "alertEvents 12000 (3 batches)"
 */
export function pruneSummary(outcomes: Partial<Record<RetentionTarget, BatchOutcome>>): string {
  return Object.entries(outcomes)
    .filter(([, o]) => o.deleted > 0)
    .map(([target, o]) => `${target} ${o.deleted} (${o.batches} batch${o.batches === 1 ? '' : 'es'})`)
    .join(', ');
}
