import { describe, expect, it } from 'vitest';
import { makeEvent } from '@/lib/alerts/testing/make-event';
import { createRecentEvents, eventKey } from './recent-events';

const event = (fingerprint: string, status: 'firing' | 'resolved' = 'firing', startsAt?: string) =>
  makeEvent(fingerprint, startsAt, status);

describe('eventKey', () => {
  it("is the table's unique key, the start as the millisecond UTC time stored", () => {
    expect(eventKey(event('a', 'firing', '2026-11-21T09:00:00.123456789+01:00'))).toBe(
      eventKey(event('a', 'firing', '2026-11-21T08:00:00.123Z')),
    );
    expect(eventKey(event('a', 'resolved'))).not.toBe(eventKey(event('a')));
    expect(eventKey(event('a', 'firing', '2026-11-21T08:00:01.000Z'))).not.toBe(eventKey(event('a')));
  });
});

describe('createRecentEvents', () => {
  it('holds committed keys for the time kept, whoever reported them, then forgets them', () => {
    let t = 0;
    const recent = createRecentEvents({ keepMs: 60_000, max: 10, now: () => t });
    recent.add([event('a'), event('b', 'resolved')]);
    expect(recent.has({ ...event('a'), receiver: 'webhook', groupKey: 'g' })).toBe(true);
    expect(recent.has(event('b'))).toBe(false);
    expect(recent.has(event('b', 'resolved'))).toBe(true);
    t = 59_999;
    expect(recent.has(event('a'))).toBe(true);
    t = 60_000;
    expect(recent.has(event('a'))).toBe(false);
    // Expired keys go at the next add, not only when asked.
    recent.add([event('c')]);
    expect(recent.size).toBe(1);
  });

  it('keeps at most `max` keys, dropping the oldest, and a key added again counts from then', () => {
    let t = 0;
    const recent = createRecentEvents({ keepMs: 60_000, max: 2, now: () => t });
    recent.add([event('a'), event('b')]);
    t = 1000;
    recent.add([event('a')]);
    recent.add([event('c')]);
    expect(recent.size).toBe(2);
    expect(recent.has(event('b'))).toBe(false);
    expect(recent.has(event('a'))).toBe(true);
    expect(recent.has(event('c'))).toBe(true);
  });
});
