import 'server-only';
import type { RetentionSeconds } from '@/lib/config/load';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import {
  type BatchLimits,
  type BatchOutcome,
  pruneInBatches,
  type RetentionTarget,
  retentionPlan,
} from './plan';

/**
 * Deletes history older than its retention period (VIGIL_CONFIG `retention`, README "Data retention").
 * Every instance runs it: each batch is one statement that picks at most `limit` old rows with
 * `FOR UPDATE SKIP LOCKED` and deletes them, so two instances take disjoint rows, never wait for each
 * other and never fail on a row the other deleted (a row deleted under us is skipped by the lock).
 * Statements commit one by one, so no pass holds locks or an old snapshot for long.
 *
 * Nothing references these five tables, so no delete cascades or breaks a foreign key. What is kept on
 * purpose: timeline events of incidents that are not resolved (or were resolved after the cutoff), and of
 * incidents with a post-mortem (it reads its timeline live); notifications still to be sent (pending,
 * failed) and those of unresolved incidents, whose unique dedupeKey is what stops a level from paging twice.
 */

type DeleteBatch = (client: PrismaClient, cutoff: Date, limit: number) => Promise<number>;

const DELETE_BATCH: Record<RetentionTarget, DeleteBatch> = {
  alertEvents: (client, cutoff, limit) => client.$executeRaw`
    WITH batch AS (
      SELECT id FROM alert_events WHERE received_at < ${cutoff}
      ORDER BY received_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    DELETE FROM alert_events e USING batch WHERE e.id = batch.id`,
  auditLog: (client, cutoff, limit) => client.$executeRaw`
    WITH batch AS (
      SELECT id FROM audit_log WHERE at < ${cutoff}
      ORDER BY at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    DELETE FROM audit_log a USING batch WHERE a.id = batch.id`,
  notifications: (client, cutoff, limit) => client.$executeRaw`
    WITH batch AS (
      SELECT n.id FROM notifications n LEFT JOIN incidents i ON i.id = n.incident_id
      WHERE n.created_at < ${cutoff} AND n.status IN ('sent', 'dead', 'cancelled')
        AND (n.incident_id IS NULL OR i.status = 'resolved')
      ORDER BY n.created_at LIMIT ${limit} FOR UPDATE OF n SKIP LOCKED)
    DELETE FROM notifications n USING batch WHERE n.id = batch.id`,
  signInAttempts: (client, cutoff, limit) => client.$executeRaw`
    WITH batch AS (
      SELECT id FROM sign_in_attempts WHERE created_at < ${cutoff}
      ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    DELETE FROM sign_in_attempts s USING batch WHERE s.id = batch.id`,
  timelineOfResolvedIncidents: (client, cutoff, limit) => client.$executeRaw`
    WITH batch AS (
      SELECT t.id FROM timeline_events t JOIN incidents i ON i.id = t.incident_id
      WHERE i.status = 'resolved' AND i.resolved_at < ${cutoff} AND t.at < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM postmortems p WHERE p.incident_id = i.id)
      LIMIT ${limit} FOR UPDATE OF t SKIP LOCKED)
    DELETE FROM timeline_events t USING batch WHERE t.id = batch.id`,
};

/** 5,000 rows per statement, at most a million per kind of history and pass. */
const LIMITS: BatchLimits = { batchSize: 5_000, maxBatches: 200 };

type PruneOptions = {
  periods: RetentionSeconds;
  client?: PrismaClient;
  now?: Date;
  limits?: BatchLimits;
};

/** One pass over every kind of history; returns what this instance deleted of each. */
export async function pruneOnce(
  options: PruneOptions,
): Promise<Partial<Record<RetentionTarget, BatchOutcome>>> {
  const client = options.client ?? db();
  const outcomes: Partial<Record<RetentionTarget, BatchOutcome>> = {};
  for (const { target, cutoff } of retentionPlan(options.periods, options.now ?? new Date())) {
    outcomes[target] = await pruneInBatches(
      (limit) => DELETE_BATCH[target](client, cutoff, limit),
      options.limits ?? LIMITS,
    );
  }
  return outcomes;
}
