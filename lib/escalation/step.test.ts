import { describe, expect, it } from 'vitest';
import type { EscalationLevelConfig } from '@/lib/config/load';
import {
  type EscalationState,
  escalationDedupeKey,
  escalationStep,
  manualTarget,
  nextDueAt,
  type StepPolicy,
} from './step';

const POLICY: EscalationLevelConfig[] = [
  { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'] },
  { level: 2, name: 'On-call SRE', delaySeconds: 300, targets: ['sre-mail', 'sre-hook'] },
  { level: 3, name: 'Lead engineer', delaySeconds: 900, targets: ['lead-mail'] },
  { level: 4, name: 'CTO', delaySeconds: 1800, targets: ['cto-mail'] },
];

/** Levels run once (no repeat), as VIGIL_CONFIG's levels are. */
const plan = (levels: EscalationLevelConfig[], repeat = 0, repeatAfterSeconds = 0): StepPolicy => ({
  levels,
  repeat,
  repeatAfterSeconds,
});

const OPENED = new Date('2026-11-21T12:00:00Z');
const at = (seconds: number) => new Date(OPENED.getTime() + seconds * 1000);

const makeIncident = (partial: Partial<EscalationState> = {}): EscalationState => ({
  status: 'open',
  escalationLevel: 0,
  escalationCycle: 0,
  openedAt: OPENED,
  lastEscalatedAt: null,
  ...partial,
});

/** Applies the step at each time in turn, as the scheduler would, and returns the levels raised. */
function run(times: number[], incident = makeIncident(), policy = plan(POLICY)) {
  const log: { t: number; level: number; cycle: number; notified: string[] }[] = [];
  let state = incident;
  for (const t of times) {
    const step = escalationStep(policy, state, at(t));
    if (step.raised.length === 0 && !step.restarted) continue;
    log.push({
      t,
      level: step.level,
      cycle: step.cycle,
      notified: step.notifications.map((n) => `L${n.level}:${n.target}`),
    });
    state = { ...state, escalationLevel: step.level, escalationCycle: step.cycle, lastEscalatedAt: at(t) };
  }
  return { log, state };
}

describe('escalationStep', () => {
  it('raises an unacknowledged incident level by level on time, notifying each target once', () => {
    const ticks = Array.from({ length: 200 }, (_, i) => i * 10); // every 10 s for 33 minutes
    expect(run(ticks).log).toEqual([
      { t: 0, level: 1, cycle: 0, notified: ['L1:ops-chat'] },
      { t: 300, level: 2, cycle: 0, notified: ['L2:sre-mail', 'L2:sre-hook'] },
      { t: 900, level: 3, cycle: 0, notified: ['L3:lead-mail'] },
      { t: 1800, level: 4, cycle: 0, notified: ['L4:cto-mail'] },
    ]);
  });

  it('is not due one second early', () => {
    const state = makeIncident({ escalationLevel: 1, lastEscalatedAt: at(0) });
    expect(escalationStep(plan(POLICY), state, at(299)).raised).toEqual([]);
    expect(escalationStep(plan(POLICY), state, at(300)).level).toBe(2);
  });

  it('never raises an acknowledged, mitigated or resolved incident, whatever the time', () => {
    const acked = [
      makeIncident({ status: 'acknowledged' }),
      makeIncident({ status: 'mitigated', escalationLevel: 1, lastEscalatedAt: at(0) }),
      makeIncident({ status: 'resolved', escalationLevel: 2, lastEscalatedAt: at(300) }),
    ];
    for (const incident of acked)
      expect(escalationStep(plan(POLICY), incident, at(86_400))).toEqual({
        level: incident.escalationLevel,
        cycle: 0,
        restarted: false,
        raised: [],
        notifications: [],
      });
  });

  it('stops rising after an acknowledgement between two levels', () => {
    const { state } = run([0, 10], makeIncident());
    const acked = { ...state, status: 'acknowledged' as const };
    expect(run([300, 900, 1800, 3600], acked).log).toEqual([]);
  });

  it('does nothing at the top level', () => {
    const state = makeIncident({ escalationLevel: 4, lastEscalatedAt: at(1800) });
    expect(escalationStep(plan(POLICY), state, at(99_999)).raised).toEqual([]);
  });

  it('after an outage of Vigil, spaces the missed levels by their gaps instead of paging everyone', () => {
    // Vigil was down from before the incident opened until 40 minutes later.
    expect(run([2400, 2410, 2700, 3300, 4200]).log.map((e) => [e.t, e.level])).toEqual([
      [2400, 1],
      [2700, 2],
      [3300, 3],
      [4200, 4],
    ]);
  });

  it('raises several levels at once when their delays are equal, each with its own notifications', () => {
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['a'] },
      { level: 2, name: 'SRE', delaySeconds: 0, targets: ['b', 'b'] },
      { level: 3, name: 'Lead', delaySeconds: 60, targets: [] },
    ];
    const step = escalationStep(plan(policy), makeIncident(), at(0));
    expect(step.level).toBe(2);
    expect(step.notifications).toEqual([
      { level: 1, name: 'Chat', target: 'a' },
      { level: 2, name: 'SRE', target: 'b' },
    ]);
  });

  it('after a manual de-escalation, gives the next level its full gap again', () => {
    // Lowered to L1 by hand at minute 20 (past L2's and L3's times from the opening).
    const lowered = makeIncident({ escalationLevel: 1, lastEscalatedAt: at(1200) });
    expect(escalationStep(plan(POLICY), lowered, at(1499)).raised).toEqual([]);
    expect(escalationStep(plan(POLICY), lowered, at(1500)).level).toBe(2);
  });

  it('after a manual escalation to L2 at minute 1, still raises L3 at its time from the opening', () => {
    const state = makeIncident({ escalationLevel: 2, lastEscalatedAt: at(60) });
    expect(escalationStep(plan(POLICY), state, at(899)).raised).toEqual([]);
    expect(escalationStep(plan(POLICY), state, at(900)).level).toBe(3);
  });
});

describe('escalationStep with repeat', () => {
  const SHORT: EscalationLevelConfig[] = [
    { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'] },
    { level: 2, name: 'SRE', delaySeconds: 300, targets: ['sre-mail'] },
  ];
  const ticks = Array.from({ length: 400 }, (_, i) => i * 10); // every 10 s for 66 minutes

  it('starts over at L1 repeatAfterSeconds after the last level, `repeat` more times, then stops', () => {
    const { log, state } = run(ticks, makeIncident(), plan(SHORT, 2, 600));
    expect(log.map((e) => [e.t, e.level, e.cycle, e.notified.join()])).toEqual([
      [0, 1, 0, 'L1:ops-chat'],
      [300, 2, 0, 'L2:sre-mail'],
      [900, 1, 1, 'L1:ops-chat'], // L2 at 300 + 600 s: cycle 1 starts, and L1 (delay 0) fires at once
      [1200, 2, 1, 'L2:sre-mail'],
      [1800, 1, 2, 'L1:ops-chat'],
      [2100, 2, 2, 'L2:sre-mail'],
    ]);
    expect(state).toMatchObject({ escalationLevel: 2, escalationCycle: 2 });
    expect(nextDueAt(plan(SHORT, 2, 600), state)).toBeNull();
  });

  it('with repeat 0 never starts over', () => {
    const { log } = run(ticks, makeIncident(), plan(SHORT, 0, 600));
    expect(log.map((e) => e.t)).toEqual([0, 300]);
  });

  it('restarts without raising when L1 has a delay, and raises L1 that delay later', () => {
    const delayed = plan(
      [{ ...(SHORT[0] as EscalationLevelConfig), delaySeconds: 60 }, SHORT[1] as EscalationLevelConfig],
      1,
      600,
    );
    const top = makeIncident({ escalationLevel: 2, lastEscalatedAt: at(300) });
    expect(escalationStep(delayed, top, at(899)).restarted).toBe(false);
    expect(nextDueAt(delayed, top)).toEqual(at(900));
    const restart = escalationStep(delayed, top, at(900));
    expect(restart).toEqual({ level: 0, cycle: 1, restarted: true, raised: [], notifications: [] });
    const cycle1 = { ...top, escalationLevel: 0, escalationCycle: 1, lastEscalatedAt: at(900) };
    expect(nextDueAt(delayed, cycle1)).toEqual(at(960));
    expect(escalationStep(delayed, cycle1, at(960))).toMatchObject({ level: 1, cycle: 1, restarted: false });
  });

  it('an acknowledgement stops the repeats too', () => {
    const top = makeIncident({ status: 'acknowledged', escalationLevel: 2, lastEscalatedAt: at(300) });
    expect(escalationStep(plan(SHORT, 3, 60), top, at(99_999)).restarted).toBe(false);
    expect(nextDueAt(plan(SHORT, 3, 60), top)).toBeNull();
  });

  it('does not restart below the top level (after a manual de-escalation)', () => {
    const lowered = makeIncident({ escalationLevel: 1, lastEscalatedAt: at(1000) });
    expect(nextDueAt(plan(SHORT, 1, 60), lowered)).toEqual(at(1300));
  });
});

describe('nextDueAt', () => {
  it('is the next level’s time, measured like the step, and null at the top or once stopped', () => {
    expect(nextDueAt(plan(POLICY), makeIncident())).toEqual(at(0));
    expect(nextDueAt(plan(POLICY), makeIncident({ escalationLevel: 1, lastEscalatedAt: at(10) }))).toEqual(
      at(310),
    );
    expect(nextDueAt(plan(POLICY), makeIncident({ escalationLevel: 2, lastEscalatedAt: at(300) }))).toEqual(
      at(900),
    );
    expect(
      nextDueAt(plan(POLICY), makeIncident({ escalationLevel: 4, lastEscalatedAt: at(1800) })),
    ).toBeNull();
    expect(nextDueAt(plan(POLICY), makeIncident({ status: 'acknowledged', escalationLevel: 1 }))).toBeNull();
  });

  it('agrees with the step: nothing is raised a millisecond before it, something at it', () => {
    let state = makeIncident();
    for (let i = 0; i < 4; i++) {
      const due = nextDueAt(plan(POLICY), state) as Date;
      expect(escalationStep(plan(POLICY), state, new Date(due.getTime() - 1)).raised).toEqual([]);
      const step = escalationStep(plan(POLICY), state, due);
      expect(step.level).toBe(i + 1);
      state = { ...state, escalationLevel: step.level, lastEscalatedAt: due };
    }
    expect(nextDueAt(plan(POLICY), state)).toBeNull();
  });

  it('re-armed by a reopening (level 0, last change = the reopening), is due the L1 delay after it', () => {
    const policy: EscalationLevelConfig[] = [
      { level: 1, name: 'Chat', delaySeconds: 60, targets: ['ops-chat'] },
      { level: 2, name: 'SRE', delaySeconds: 300, targets: ['sre-mail'] },
    ];
    const reopened = makeIncident({ escalationLevel: 0, lastEscalatedAt: at(7200) });
    expect(nextDueAt(plan(policy), reopened)).toEqual(at(7260));
    expect(escalationStep(plan(policy), reopened, at(7259)).raised).toEqual([]);
    expect(escalationStep(plan(policy), reopened, at(7260)).level).toBe(1);
    expect(nextDueAt(plan(policy), { ...reopened, escalationLevel: 1, lastEscalatedAt: at(7260) })).toEqual(
      at(7500),
    );
  });
});

describe('manualTarget', () => {
  it('moves one configured level up or down, and not past either end', () => {
    expect(manualTarget(POLICY, 0, 'up')?.level).toBe(1);
    expect(manualTarget(POLICY, 2, 'up')?.level).toBe(3);
    expect(manualTarget(POLICY, 2, 'down')?.level).toBe(1);
    expect(manualTarget(POLICY, 4, 'up')).toBeNull();
    expect(manualTarget(POLICY, 1, 'down')).toBeNull();
    expect(manualTarget(POLICY, 0, 'down')).toBeNull();
  });
});

describe('escalationDedupeKey', () => {
  it('names the incident, level and target', () => {
    expect(escalationDedupeKey('clx1', 2, 'sre-mail')).toBe('escalation:clx1:L2:sre-mail');
    expect(escalationDedupeKey('clx1', 2, 'sre-mail', 1)).toBe('escalation:clx1:L2:sre-mail');
    expect(escalationDedupeKey('clx1', 2, 'sre-mail', 3)).toBe('escalation:clx1:r3:L2:sre-mail');
  });

  it('names the cycle after the first, so a repeated level pages again', () => {
    expect(escalationDedupeKey('clx1', 2, 'user:u1', 1, 0)).toBe('escalation:clx1:L2:user:u1');
    expect(escalationDedupeKey('clx1', 2, 'user:u1', 1, 2)).toBe('escalation:clx1:c2:L2:user:u1');
    expect(escalationDedupeKey('clx1', 2, 'user:u1', 3, 1)).toBe('escalation:clx1:r3:c1:L2:user:u1');
  });
});
