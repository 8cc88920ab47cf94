import 'server-only';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { type Loop, startLoop } from '@/lib/loop';
import { type OutboxOptions, startOutbox } from '@/lib/notify/outbox';
import { seedRoutes } from '@/lib/routing/load';
import { queueFollowUps } from './follow-ups';
import { missingTargetsAppeared, syncEscalationPolicy } from './policy';
import { queueReminders } from './reminders';
import { runEscalationOnce } from './scheduler';
import { escalateUnreachable } from './unreachable';

/**
 * Starts escalation in this process (lib/server/startup.ts): writes the configured policy to the
 * database (and seeds the routes when there are none), then runs two loops that never wait on each other: every poll interval the escalation pass
 * raises the incidents that are due (scheduler.ts) and queues follow-ups to the people paged for
 * incidents acknowledged or resolved since (follow-ups.ts) and reminders to whoever acknowledged one
 * whose alerts still fire (reminders.ts), and every second the outbox worker sends what
 * escalations queued (lib/notify/outbox.ts), so a stalled receiver delays neither the next pass nor
 * other channels. Every instance runs both; row locks keep them from acting twice.
 *
 * Timers and retries are hand-written on PostgreSQL rather than a job queue (pg-boss, graphile-worker):
 * the due index, SKIP LOCKED and the outbox lease are a few queries on tables Vigil already has, and a
 * queue would be a second source of truth for what an incident's escalation owes.
 */

/** The loop's name in its failure message and in lib/liveness.ts (the outbound heartbeat reads it). */
export const ESCALATION_LOOP = 'escalation pass';

const KEY = Symbol.for('vigil.escalation');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

/**
 * `sendToPerson` sends pages by people's own contact methods and push (lib/paging/send-page.ts, passed
 * in by lib/server/startup.ts: it sits above this folder).
 */
export async function startEscalation(deps: Pick<OutboxOptions, 'sendToPerson'> = {}): Promise<Loop> {
  const existing = store[KEY];
  if (existing) return existing;
  const { escalation, channels, smtp, pollIntervalSeconds, acknowledgement } = config();
  const synced = await syncEscalationPolicy(db(), escalation.levels);
  let missing = synced.missing;
  // The routes table's first rows: behaviour as before routes existed (lib/routing/load.ts).
  await seedRoutes(db(), { policyId: synced.policyId, autoIncidentMatch: escalation.autoIncidentMatch });
  const passes = startLoop(ESCALATION_LOOP, pollIntervalSeconds * 1000, async () => {
    // A schedule or user the configured levels name, created since: the default policy takes it in
    // now rather than after a restart.
    if (await missingTargetsAppeared(db(), missing))
      missing = (await syncEscalationPolicy(db(), escalation.levels)).missing;
    await runEscalationOnce();
    // After the pass, so an incident acknowledged meanwhile is told in the same tick.
    await queueFollowUps(db(), new Date());
    await queueReminders(db(), new Date(), acknowledgement.remindAfterSeconds);
  });
  const outbox = startOutbox({
    channels,
    smtp,
    onLevelUnreachable: escalateUnreachable,
    sendToPerson: deps.sendToPerson,
  });
  const loop: Loop = {
    async stop() {
      await Promise.all([passes.stop(), outbox.stop()]);
    },
  };
  store[KEY] = loop;
  return loop;
}
