import type { EscalationLevelConfig } from '@/lib/config/load';
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
  openedAt: Date;
  lastEscalatedAt: Date | null;
};

type DueNotification = { level: number; name: string; target: string };

export type EscalationStepResult = {
  /** The level the incident should be at (unchanged when nothing is due). */
  level: number;
  /** Levels to raise now, lowest first (more than one when several are due at the same moment). */
  raised: EscalationLevelConfig[];
  /** One per raised level and target. */
  notifications: DueNotification[];
};

/** The policy's levels, lowest first. */
function sortedLevels(policy: readonly EscalationLevelConfig[]): EscalationLevelConfig[] {
  return [...policy].sort((a, b) => a.level - b.level);
}

/** When `next` fires for an incident now at `current` (undefined at level 0), last raised at `raisedAt`. */
function dueAt(
  next: EscalationLevelConfig,
  current: EscalationLevelConfig | undefined,
  openedAt: Date,
  raisedAt: Date | null,
): Date {
  const fromOpening = openedAt.getTime() + next.delaySeconds * 1000;
  if (!raisedAt) return new Date(fromOpening);
  const gap = Math.max(0, next.delaySeconds - (current?.delaySeconds ?? 0));
  return new Date(Math.max(fromOpening, raisedAt.getTime() + gap * 1000));
}

/**
 * When the level after the incident's current one is due; null when there is none (top level) or the
 * incident no longer escalates. A time in the past means "now".
 *
 *   policy L1 0 s, L2 300 s; opened 12:00, level 1 raised 12:00:10 → 12:05:10
 *   the same at level 2 (the top) → null
 */
export function nextDueAt(policy: readonly EscalationLevelConfig[], incident: EscalationState): Date | null {
  if (escalationStopped(incident)) return null;
  const levels = sortedLevels(policy);
  const current = levels.filter((l) => l.level <= incident.escalationLevel).at(-1);
  const next = levels.find((l) => l.level > incident.escalationLevel);
  return next ? dueAt(next, current, incident.openedAt, incident.lastEscalatedAt) : null;
}

export function escalationStep(
  policy: readonly EscalationLevelConfig[],
  incident: EscalationState,
  now: Date,
): EscalationStepResult {
  const none = { level: incident.escalationLevel, raised: [], notifications: [] };
  if (escalationStopped(incident)) return none;
  const levels = sortedLevels(policy);
  const raised: EscalationLevelConfig[] = [];
  let current = levels.filter((l) => l.level <= incident.escalationLevel).at(-1);
  let raisedAt = incident.lastEscalatedAt;
  for (const next of levels.filter((l) => l.level > incident.escalationLevel)) {
    if (dueAt(next, current, incident.openedAt, raisedAt) > now) break;
    raised.push(next);
    current = next;
    raisedAt = now;
  }
  if (!current || raised.length === 0) return none;
  return {
    level: current.level,
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
export function manualTarget(
  policy: readonly EscalationLevelConfig[],
  currentLevel: number,
  direction: 'up' | 'down',
): EscalationLevelConfig | null {
  const levels = sortedLevels(policy);
  if (direction === 'up') return levels.find((l) => l.level > currentLevel) ?? null;
  return levels.filter((l) => l.level < currentLevel).at(-1) ?? null;
}

/**
 * The outbox's unique key, so each level notifies a target once per escalation round (the first round
 * keeps the key it always had; a reopened incident's round 2 pages its levels once more).
 *
 *   escalationDedupeKey('clx1', 2, 'sre-mail')    → 'escalation:clx1:L2:sre-mail'
 *   escalationDedupeKey('clx1', 2, 'sre-mail', 3) → 'escalation:clx1:r3:L2:sre-mail'
 */
export const escalationDedupeKey = (incidentId: string, level: number, target: string, round = 1) =>
  `escalation:${incidentId}:${round > 1 ? `r${round}:` : ''}L${level}:${target}`;
