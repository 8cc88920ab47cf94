import { escalationStopped } from '@/lib/notify/cancel';

/**
 * The escalation step, pure: given the policy, an incident's state and the time, which level the
 * incident should be at and which notifications are due, and when the next level will be due
 * (`nextDueAt`, stored as the incident's `nextEscalationAt` so the scheduler reads only due work).
 * The scheduler (scheduler.ts) carries it out.
 *
 * Timing: level N fires `delaySeconds` after the incident opened, and never sooner than the gap between
 * level N-1 and level N after level N-1 was actually raised (`lastEscalatedAt`). The second rule gives
 * each responder their full window after a manual de-escalation, or when Vigil was down past a level's
 * time (the levels then follow one another at their gaps instead of paging everyone at once). The
 * price: a level raised one scheduler pass late makes the next one that much later too.
 *
 *   policy L1 0 s, L2 300 s; incident opened 12:00, level 0, open
 *     at 12:00:00 → {level: 1, raised: [L1]}
 *     at 12:04:59 (level 1, raised 12:00:00) → {level: 1, raised: []}
 *     at 12:05:00 → {level: 2, raised: [L2]}
 *   the same incident acknowledged at 12:01 → {level: 1, raised: []} whatever the time
 *
 * A reopened incident starts again at level 0 with `lastEscalatedAt` = the reopening
 * (lib/incidents/escalation-arming.ts), so L1 is due its delay after the reopening, and the levels
 * after it follow at their gaps.
 */

export type EscalationState = {
  status: 'open' | 'acknowledged' | 'mitigated' | 'resolved';
  escalationLevel: number;
  /** How many times the policy started over in this round (0 in the first pass through its levels). */
  escalationCycle: number;
  openedAt: Date;
  lastEscalatedAt: Date | null;
};

/** What the step needs of a level (a VIGIL_CONFIG level or a policy's stored level). */
export type StepLevel = { level: number; name: string; delaySeconds: number; targets: string[] };

/**
 * A policy as the step sees it: its levels, and how many more times (`repeat`, 0..9) they run again
 * from the first, `repeatAfterSeconds` after the last level fired.
 */
export type StepPolicy<L extends StepLevel = StepLevel> = {
  levels: readonly L[];
  repeat: number;
  repeatAfterSeconds: number;
};

type DueNotification = { level: number; name: string; target: string };

export type EscalationStepResult<L extends StepLevel = StepLevel> = {
  /** The level the incident should be at (unchanged when nothing is due). */
  level: number;
  /** The cycle the incident should be in: one more than before when the policy started over now. */
  cycle: number;
  /** The policy started over from its first level in this step (its last level had fired before). */
  restarted: boolean;
  /** Levels to raise now, lowest first (more than one when several are due at the same moment). */
  raised: L[];
  /** One per raised level and channel target. */
  notifications: DueNotification[];
};

/** The policy's levels, lowest first. */
function sortedLevels<L extends StepLevel>(levels: readonly L[]): L[] {
  return [...levels].sort((a, b) => a.level - b.level);
}

/** When `next` fires for an incident now at `current` (undefined at level 0), last raised at `raisedAt`. */
function dueAt(next: StepLevel, current: StepLevel | undefined, openedAt: Date, raisedAt: Date | null): Date {
  const fromOpening = openedAt.getTime() + next.delaySeconds * 1000;
  if (!raisedAt) return new Date(fromOpening);
  const gap = Math.max(0, next.delaySeconds - (current?.delaySeconds ?? 0));
  return new Date(Math.max(fromOpening, raisedAt.getTime() + gap * 1000));
}

/**
 * When the policy starts over: `repeatAfterSeconds` after its last level fired, while cycles are left
 * (`repeat` more after the first). Null below the last level, or when no repeat is left.
 *
 *   repeat 1, after 600 s; at the top level (L4) raised 12:30 in cycle 0 → 12:40; in cycle 1 → null
 */
function restartDueAt(policy: StepPolicy, incident: EscalationState): Date | null {
  const top = sortedLevels(policy.levels).at(-1);
  if (!top || incident.escalationLevel < top.level || incident.escalationCycle >= policy.repeat) return null;
  const last = (incident.lastEscalatedAt ?? incident.openedAt).getTime();
  return new Date(last + policy.repeatAfterSeconds * 1000);
}

/**
 * When escalation must look at the incident next: the next level's time, or the policy's restart
 * after its last level; null when neither is left or the incident no longer escalates. A time in the
 * past means "now".
 *
 *   policy L1 0 s, L2 300 s; opened 12:00, level 1 raised 12:00:10 → 12:05:10
 *   the same at level 2 (the top), repeat 0 → null; repeat 1, after 1800 s, L2 raised 12:05:10 → 12:35:10
 */
export function nextDueAt(policy: StepPolicy, incident: EscalationState): Date | null {
  if (escalationStopped(incident)) return null;
  const levels = sortedLevels(policy.levels);
  const current = levels.filter((l) => l.level <= incident.escalationLevel).at(-1);
  const next = levels.find((l) => l.level > incident.escalationLevel);
  if (next) return dueAt(next, current, incident.openedAt, incident.lastEscalatedAt);
  return restartDueAt(policy, incident);
}

/**
 * The levels due now. When the last level has fired and the policy repeats, the step first starts it
 * over (level 0, cycle + 1, the levels' times measured from now: L1 after its delay, the next ones at
 * their gaps), then raises what is due in the new cycle (L1 at once when its delay is 0). A step never
 * raises levels of two cycles: a restart waits for the next pass after a step that raised the last level.
 *
 *   policy L1 0 s, L2 300 s, repeat 1 after 600 s; L2 raised 12:05 (cycle 0)
 *     at 12:14:59 → nothing; at 12:15 → {restarted: true, cycle: 1, level: 1, raised: [L1]}
 */
export function escalationStep<L extends StepLevel>(
  policy: StepPolicy<L>,
  incident: EscalationState,
  now: Date,
): EscalationStepResult<L> {
  const none = {
    level: incident.escalationLevel,
    cycle: incident.escalationCycle,
    restarted: false,
    raised: [],
    notifications: [],
  };
  if (escalationStopped(incident)) return none;
  const levels = sortedLevels(policy.levels);
  const restartAt = restartDueAt(policy, incident);
  const restarted = restartAt !== null && restartAt <= now;
  let raisedAt = restarted ? now : incident.lastEscalatedAt;
  const from = restarted ? 0 : incident.escalationLevel;
  const raised: L[] = [];
  let current = levels.filter((l) => l.level <= from).at(-1);
  for (const next of levels.filter((l) => l.level > from)) {
    if (dueAt(next, current, incident.openedAt, raisedAt) > now) break;
    raised.push(next);
    current = next;
    raisedAt = now;
  }
  if (!restarted && raised.length === 0) return none;
  return {
    level: current?.level ?? 0,
    cycle: incident.escalationCycle + (restarted ? 1 : 0),
    restarted,
    raised,
    notifications: raised.flatMap((l) =>
      [...new Set(l.targets)].map((target) => ({ level: l.level, name: l.name, target })),
    ),
  };
}

/**
 * The level a manual escalation moves to: the next configured level up, or the previous one down
 * (never below the first). Null when there is none in that direction.
 *
 *   levels 1..4, at 2: up → 3, down → 1; at 4: up → null; at 1: down → null; at 0: up → 1
 */
export function manualTarget<L extends StepLevel>(
  policy: readonly L[],
  currentLevel: number,
  direction: 'up' | 'down',
): L | null {
  const levels = sortedLevels(policy);
  if (direction === 'up') return levels.find((l) => l.level > currentLevel) ?? null;
  return levels.filter((l) => l.level < currentLevel).at(-1) ?? null;
}

/**
 * The outbox's unique key, so each level notifies a target once per escalation round and cycle (the
 * first round and cycle keep the key they always had; a reopened incident's round 2, or a policy
 * started over in cycle 1, pages its levels once more). A person is the target `user:<id>`.
 *
 *   escalationDedupeKey('clx1', 2, 'sre-mail')          → 'escalation:clx1:L2:sre-mail'
 *   escalationDedupeKey('clx1', 2, 'sre-mail', 3)       → 'escalation:clx1:r3:L2:sre-mail'
 *   escalationDedupeKey('clx1', 2, 'user:u1', 1, 2)     → 'escalation:clx1:c2:L2:user:u1'
 */
export const escalationDedupeKey = (
  incidentId: string,
  level: number,
  target: string,
  round = 1,
  cycle = 0,
) =>
  `escalation:${incidentId}:${round > 1 ? `r${round}:` : ''}${cycle > 0 ? `c${cycle}:` : ''}L${level}:${target}`;
