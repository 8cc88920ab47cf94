import { describe, expect, it } from 'vitest';
import { nextOnCall } from './next-on-call';

const s = (userId: string, start: string, end: string) => ({
  userId,
  name: userId,
  start: `2027-03-22T${start}:00Z`,
  end: `2027-03-22T${end}:00Z`,
});
const at = (hhmm: string) => new Date(`2027-03-22T${hhmm}:00Z`);

describe('nextOnCall', () => {
  it('skips the same person’s back-to-back shifts', () => {
    const final = [s('ann', '08:00', '12:00'), s('ann', '12:00', '20:00'), s('bob', '20:00', '23:00')];
    expect(nextOnCall(final, at('09:00'))?.userId).toBe('bob');
  });

  it('with nobody on call, is the first to come on', () => {
    const final = [s('ann', '08:00', '12:00'), s('bob', '14:00', '16:00')];
    expect(nextOnCall(final, at('13:00'))?.userId).toBe('bob');
    expect(nextOnCall(final, at('07:00'))?.userId).toBe('ann');
  });

  it('is null when nobody else comes on in the shifts given', () => {
    expect(nextOnCall([s('ann', '08:00', '23:00')], at('09:00'))).toBeNull();
    expect(nextOnCall([], at('09:00'))).toBeNull();
  });
});
