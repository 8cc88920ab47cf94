import { describe, expect, it } from 'vitest';
import { describeEnd, extendedEnd, formatUtc, fromLocalInput, timeLeft, toLocalInput } from './silence-time';

const now = Date.parse('2026-11-21T10:00:00Z');
const iso = (ms: number) => new Date(now + ms).toISOString();
const H = 3_600_000;
const M = 60_000;

describe('timeLeft', () => {
  it('counts down an active silence', () => {
    expect(timeLeft({ state: 'active', startsAt: iso(-H), endsAt: iso(2 * H + 5 * M) }, now)).toBe(
      '2h 5m left',
    );
    expect(timeLeft({ state: 'active', startsAt: iso(-H), endsAt: iso(40_000) }, now)).toBe('40s left');
  });

  it('says when a pending silence starts and when an expired one ended', () => {
    expect(timeLeft({ state: 'pending', startsAt: iso(30 * M), endsAt: iso(H) }, now)).toBe('starts in 30m');
    expect(timeLeft({ state: 'expired', startsAt: iso(-5 * H), endsAt: iso(-3 * H) }, now)).toBe(
      'ended 3h ago',
    );
    expect(timeLeft({ state: 'expired', startsAt: iso(-50 * H), endsAt: iso(-26 * H) }, now)).toBe(
      'ended 1d 2h ago',
    );
  });

  it('never shows a negative time for an active silence the poll has not seen expire yet', () => {
    expect(timeLeft({ state: 'active', startsAt: iso(-H), endsAt: iso(-5000) }, now)).toBe('0s left');
  });
});

describe('absolute times', () => {
  it('writes UTC the same everywhere', () => {
    expect(formatUtc('2026-11-21T10:05:30Z')).toBe('2026-11-21 10:05 UTC');
    expect(formatUtc(new Date('2026-01-02T03:04:00+02:00'))).toBe('2026-01-02 01:04 UTC');
  });

  it('extends from the current end, not from now', () => {
    expect(extendedEnd('2026-11-21T12:00:00.000Z', H)).toBe('2026-11-21T13:00:00.000Z');
  });

  it('reads and writes datetime-local values in UTC', () => {
    const d = new Date('2026-11-21T10:05:30Z');
    expect(toLocalInput(d, 'UTC')).toBe('2026-11-21T10:05');
    expect(fromLocalInput('2026-11-21T10:05', 'UTC')?.toISOString()).toBe('2026-11-21T10:05:00.000Z');
    expect(fromLocalInput('2026-11-21T10:05:07', 'UTC')?.toISOString()).toBe('2026-11-21T10:05:07.000Z');
  });

  it('reads and writes them in the reader’s zone, whatever zone the machine is in', () => {
    const d = new Date('2026-11-21T10:05:00Z');
    expect(toLocalInput(d, 'Europe/Brussels')).toBe('2026-11-21T11:05');
    expect(fromLocalInput('2026-11-21T11:05', 'Europe/Brussels')?.toISOString()).toBe(d.toISOString());
    expect(toLocalInput(d, 'America/New_York')).toBe('2026-11-21T05:05');
    expect(fromLocalInput('2026-11-21T05:05', 'America/New_York')?.toISOString()).toBe(d.toISOString());
  });

  // Brussels springs forward on 2026-03-29 at 02:00 CET: 02:30 does not exist and moves on by the gap.
  it('reads a time the spring DST change skips as the time after the gap', () => {
    expect(fromLocalInput('2026-03-29T02:30', 'Europe/Brussels')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(fromLocalInput('2026-03-29T03:30', 'Europe/Brussels')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('has no time for an empty or partial value', () => {
    expect(fromLocalInput('', 'UTC')).toBeUndefined();
    expect(fromLocalInput('2026-11-21', 'Europe/Brussels')).toBeUndefined();
    expect(fromLocalInput('2026-02-30T10:00', 'UTC')).toBeUndefined();
  });

  it('describes an end in the reader’s zone, in UTC and relative to now', () => {
    expect(describeEnd(new Date(now + 4 * H), now, 'Europe/Berlin')).toBe(
      'ends 2026-11-21 15:00 CET (Europe/Berlin) · 2026-11-21 14:00 UTC · in 4h',
    );
    expect(describeEnd(new Date(now + 20 * H), now, 'America/New_York')).toBe(
      'ends 2026-11-22 01:00 EST (America/New_York) · 2026-11-22 06:00 UTC · in 20h',
    );
  });

  it('names UTC once for a reader in UTC', () => {
    expect(describeEnd(new Date(now - 2 * M), now, 'UTC')).toBe('ends 2026-11-21 09:58 UTC · 2m ago');
  });
});
