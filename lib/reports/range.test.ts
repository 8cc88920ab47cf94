import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { reportRange } from './range';

const now = new Date('2026-04-02T12:00:00Z');

describe('a report’s range', () => {
  it('defaults to four weeks in the reader’s zone, and prefers the query’s zone', () => {
    expect(reportRange({}, 'Europe/Brussels', now)).toEqual({
      from: new Date('2026-03-08T23:00:00Z'),
      to: now,
      zone: 'Europe/Brussels',
    });
    expect(reportRange({ zone: 'UTC' }, 'Europe/Brussels', now).from).toEqual(
      new Date('2026-03-09T00:00:00Z'),
    );
  });

  it('refuses an empty or reversed range and one longer than 366 days', () => {
    expect(() => reportRange({ from: now, to: now }, 'UTC', now)).toThrow(ValidationError);
    expect(() => reportRange({ from: new Date('2025-01-01T00:00:00Z') }, 'UTC', now)).toThrow(
      /at most 366 days/,
    );
    expect(reportRange({ from: new Date('2025-04-02T12:00:00Z') }, 'UTC', now).from).toEqual(
      new Date('2025-04-02T12:00:00Z'),
    );
  });
});
