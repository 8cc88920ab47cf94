import { describe, expect, it } from 'vitest';
import { dayRange, defaultDays } from './range-input';

describe('the range picker’s days in the report’s zone', () => {
  it('covers whole local days, across the spring-forward change', () => {
    expect(dayRange('2026-03-23', '2026-03-29', 'Europe/Brussels')).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(dayRange('2026-10-25', '2026-10-25', 'Europe/Brussels')).toEqual({
      from: '2026-10-24T22:00:00.000Z',
      to: '2026-10-25T23:00:00.000Z', // a 25-hour day
    });
  });

  it('starts on the Monday three weeks before the current week, and ends today', () => {
    expect(defaultDays(Date.parse('2026-04-02T23:30:00Z'), 'Europe/Brussels')).toEqual({
      firstDay: '2026-03-09',
      lastDay: '2026-04-03', // already Friday in Brussels
    });
  });
});
