import { describe, expect, it } from 'vitest';
import { savedSilenceText } from './saved-text';

const now = new Date('2026-11-23T02:12:00.000Z');

describe('savedSilenceText', () => {
  it('gives the time alone when the silence ends today', () => {
    expect(
      savedSilenceText(new Date('2026-11-23T04:12:00.000Z'), now, { editing: false, timeZone: 'UTC' }),
    ).toBe('Silenced until 04:12');
  });

  it('adds the day when it ends another day, in the viewer’s zone', () => {
    expect(
      savedSilenceText(new Date('2026-11-24T09:00:00.000Z'), now, { editing: true, timeZone: 'UTC' }),
    ).toBe('Silence saved: until Tue 24 Nov, 09:00');
    // 23:30 UTC on the 23rd is already the 24th in Brussels (UTC+1).
    expect(
      savedSilenceText(new Date('2026-11-23T23:30:00.000Z'), now, {
        editing: false,
        timeZone: 'Europe/Brussels',
      }),
    ).toBe('Silenced until Tue 24 Nov, 00:30');
  });
});
