import { describe, expect, it } from 'vitest';
import { followUpTargets, reachedNobody } from './follow-ups';

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00Z`);

describe('followUpTargets', () => {
  it('gives each person once, on the method that reached them first, leaving out the one who acted', () => {
    const sent = [
      { userId: 'ana', channel: 'sms', sentAt: at('03:06') },
      { userId: 'ana', channel: 'push', sentAt: at('03:01') },
      { userId: 'ben', channel: 'email', sentAt: at('03:02') },
      { userId: 'cy', channel: 'slack', sentAt: at('03:00') },
    ];
    expect(followUpTargets(sent, 'cy').map((p) => [p.userId, p.channel])).toEqual([
      ['ana', 'push'],
      ['ben', 'email'],
    ]);
    expect(followUpTargets(sent, null).map((p) => p.userId)).toEqual(['cy', 'ana', 'ben']);
  });

  it('is empty when nobody was reached', () => {
    expect(followUpTargets([], null)).toEqual([]);
  });
});

describe('reachedNobody', () => {
  it('is true only when every page failed for good', () => {
    expect(reachedNobody([{ status: 'dead' }, { status: 'dead' }])).toBe(true);
    expect(reachedNobody([{ status: 'dead' }, { status: 'failed' }])).toBe(false);
    expect(reachedNobody([{ status: 'dead' }, { status: 'pending' }])).toBe(false);
    expect(reachedNobody([{ status: 'dead' }, { status: 'sent' }])).toBe(false);
    expect(reachedNobody([])).toBe(false);
  });
});
