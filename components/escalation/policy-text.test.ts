import { describe, expect, it } from 'vitest';
import { levelLabel, levelsSummary, levelTargetTexts, repeatText, waitText } from './policy-text';

describe('waitText', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(waitText(0)).toBe('no wait');
    expect(waitText(45)).toBe('45 s');
    expect(waitText(300)).toBe('5 min');
    expect(waitText(330)).toBe('5 min 30 s');
    expect(waitText(3600)).toBe('1 h');
    expect(waitText(5400)).toBe('1 h 30 min');
    expect(waitText(86_400)).toBe('1 d');
    expect(waitText(90_000)).toBe('1 d 1 h');
  });
});

describe('levelsSummary', () => {
  it('puts the levels in one line with when each fires after the opening', () => {
    expect(
      levelsSummary([
        { level: 1, name: 'Chat', delaySeconds: 0 },
        { level: 2, name: 'SRE on call', delaySeconds: 300 },
        { level: 3, name: 'Lead', delaySeconds: 1200 },
      ]),
    ).toBe('L1 Chat now → L2 SRE on call +5 min → L3 Lead +20 min');
  });

  it('keeps names that already carry their level, and says when there are none', () => {
    expect(levelsSummary([{ level: 2, name: 'L2 on-call SRE', delaySeconds: 600 }])).toBe(
      'L2 on-call SRE +10 min',
    );
    expect(levelsSummary([])).toBe('No levels');
    expect(levelLabel({ level: 1, name: 'Chat' })).toBe('L1 Chat');
  });
});

describe('levelTargetTexts', () => {
  const names = {
    schedules: new Map([['s1', 'SRE primary']]),
    users: new Map([['u1', 'Ana Lopez']]),
  };

  it('names schedules, users and channels', () => {
    expect(levelTargetTexts({ scheduleIds: ['s1'], userIds: ['u1'], targets: ['ops-chat'] }, names)).toEqual([
      'on call on SRE primary',
      'Ana Lopez',
      'channel ops-chat',
    ]);
  });

  it('says when an id names nothing known', () => {
    expect(levelTargetTexts({ scheduleIds: ['gone'], userIds: ['gone'], targets: [] }, names)).toEqual([
      'on call on an unknown schedule',
      'an unknown user',
    ]);
  });
});

describe('repeatText', () => {
  it('says once, once more, or how many more times and after what wait', () => {
    expect(repeatText(0, 1800)).toBe('Runs once.');
    expect(repeatText(1, 0)).toBe('Starts over from L1 right after the last level, once more.');
    expect(repeatText(2, 1800)).toBe('Starts over from L1 30 min after the last level, 2 more times.');
  });
});
