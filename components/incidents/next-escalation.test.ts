import { describe, expect, it } from 'vitest';
import { nextEscalationText } from './next-escalation';

const NOW = Date.parse('2026-11-21T12:01:00.000Z');

describe('nextEscalationText', () => {
  it('says which level comes next and in how long', () => {
    expect(nextEscalationText({ level: 3, name: 'SRE lead', at: '2026-11-21T12:05:00.000Z' }, NOW)).toBe(
      'Next step L3 (SRE lead) in 4m',
    );
    expect(nextEscalationText({ level: 2, name: '', at: '2026-11-21T12:01:09.500Z' }, NOW)).toBe(
      'Next step L2 in 10s',
    );
  });

  it("does not repeat the level when the level's name starts with it", () => {
    expect(
      nextEscalationText({ level: 2, name: 'L2 on-call SRE', at: '2026-11-21T12:05:00.000Z' }, NOW),
    ).toBe('Next step L2 on-call SRE in 4m');
  });

  it('says "due now" once the time has come (the scheduler raises it on its next pass)', () => {
    expect(nextEscalationText({ level: 2, name: 'Team', at: '2026-11-21T12:00:30.000Z' }, NOW)).toBe(
      'Next step L2 (Team) due now',
    );
    expect(nextEscalationText({ level: 2, name: 'Team', at: '2026-11-21T12:01:00.000Z' }, NOW)).toBe(
      'Next step L2 (Team) due now',
    );
  });
});
