import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './at-input';

describe('localInputToIso', () => {
  it('reads the wall-clock time in the viewer’s zone, either side of a change', () => {
    expect(localInputToIso('2027-03-27T09:00', 'Europe/Brussels')).toBe('2027-03-27T08:00:00Z');
    expect(localInputToIso('2027-03-28T09:00', 'Europe/Brussels')).toBe('2027-03-28T07:00:00Z');
    expect(localInputToIso('2027-03-28T09:00', 'UTC')).toBe('2027-03-28T09:00:00Z');
  });

  it('moves a time skipped by spring-forward on by the gap', () => {
    expect(localInputToIso('2027-03-28T02:30', 'Europe/Brussels')).toBe('2027-03-28T01:30:00Z');
  });

  it('is null for an empty or impossible value', () => {
    expect(localInputToIso('', 'UTC')).toBeNull();
    expect(localInputToIso('2027-02-30T09:00', 'UTC')).toBeNull();
    expect(localInputToIso('tomorrow', 'UTC')).toBeNull();
  });
});

describe('isoToLocalInput', () => {
  it('is the inverse, to the minute', () => {
    expect(isoToLocalInput('2027-03-28T07:00:00Z', 'Europe/Brussels')).toBe('2027-03-28T09:00');
    expect(isoToLocalInput('2027-03-28T07:00:42.5Z', 'UTC')).toBe('2027-03-28T07:00');
  });
});
