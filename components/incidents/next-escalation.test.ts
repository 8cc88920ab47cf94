import { describe, expect, it } from 'vitest';
import { nextEscalationText, nextPagesText } from './next-escalation';

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

describe('nextPagesText', () => {
  it('names the people on call with their schedule, the people named, then the channels', () => {
    expect(
      nextPagesText({
        people: [
          { name: 'Ana', schedule: 'SRE primary' },
          { name: 'Bo', schedule: null },
        ],
        channels: ['ops-chat'],
        nobodyOnCall: [],
      }),
    ).toBe('It will page Ana (on call on SRE primary), Bo and ops-chat.');
  });

  it('says which schedules have nobody on call', () => {
    expect(nextPagesText({ people: [], channels: [], nobodyOnCall: ['DB'] })).toBe(
      'It will page nobody: nobody is on call on DB.',
    );
    expect(
      nextPagesText({ people: [{ name: 'Ana', schedule: null }], channels: [], nobodyOnCall: ['DB', 'Web'] }),
    ).toBe('It will page Ana; nobody is on call on DB and Web.');
  });

  it('says nobody when the level names nothing that can be paged', () => {
    expect(nextPagesText({ people: [], channels: [], nobodyOnCall: [] })).toBe('It will page nobody.');
  });
});
