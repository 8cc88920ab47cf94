import { describe, expect, it } from 'vitest';
import { escalationOnStatusChange } from './escalation-arming';

const NOW = new Date('2026-12-04T14:00:00Z');
const open = { status: 'open' as const, escalationLevel: 2, escalationRound: 1 };

describe('escalationOnStatusChange', () => {
  it('takes the incident out of the due index when it leaves open', () => {
    for (const to of ['acknowledged', 'mitigated', 'resolved'] as const)
      expect(escalationOnStatusChange(open, to, NOW)).toEqual({ data: { nextEscalationAt: null } });
    expect(escalationOnStatusChange({ ...open, status: 'acknowledged' }, 'resolved', NOW)).toEqual({
      data: { nextEscalationAt: null },
    });
  });

  it('re-arms a reopened incident from level 0 in a new round, due now, from any later status', () => {
    for (const from of ['acknowledged', 'mitigated', 'resolved'] as const)
      expect(escalationOnStatusChange({ ...open, status: from, escalationRound: 2 }, 'open', NOW)).toEqual({
        data: {
          escalationLevel: 0,
          escalationRound: 3,
          escalationCycle: 0,
          lastEscalatedAt: NOW,
          nextEscalationAt: NOW,
        },
        rearmed: { round: 3, from: 2 },
      });
  });

  it('changes nothing when the status stays', () => {
    expect(escalationOnStatusChange(open, 'open', NOW)).toEqual({ data: {} });
  });
});
