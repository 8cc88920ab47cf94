import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '@/lib/errors';
import { admitTestSend } from './test-send-limit';

const T0 = 1_800_000_000_000;
const at = (seconds: number) => T0 + seconds * 1000;

/** The error admitTestSend throws, or null when it admitted the send. */
function refusal(userId: string, method: string, now: number): RateLimitedError | null {
  try {
    admitTestSend(userId, method, now);
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
}

describe('admitTestSend', () => {
  it('allows one test per method every 10 s, saying when to try again', () => {
    expect(refusal('u-a', 'contact:m1', at(0))).toBeNull();
    const second = refusal('u-a', 'contact:m1', at(3));
    expect(second?.retryAfterSeconds).toBe(7);
    expect(second?.message).toBe(
      'This one was tested a moment ago (one test every 10 s); check that it arrived, or try again in 7 s.',
    );
    expect(refusal('u-a', 'contact:m1', at(10))).toBeNull();
    // Another person's method of the same id (or the same person's other method) is counted apart.
    expect(refusal('u-b', 'contact:m1', at(10))).toBeNull();
  });

  it('allows 5 tests a minute per person over all their methods, and a refused test is not counted', () => {
    for (const [i, method] of ['contact:a', 'contact:b', 'push:c', 'push:d', 'contact:e'].entries())
      expect(refusal('u-c', method, at(i))).toBeNull();
    const sixth = refusal('u-c', 'contact:f', at(20));
    // The first of the five (at 0 s) leaves the minute at 60 s.
    expect([sixth?.retryAfterSeconds, sixth?.message]).toEqual([
      40,
      'You sent 5 tests in the last minute, the most allowed; try again in 40 s.',
    ]);
    // Refused: method f was not counted, so it has room once the person has.
    expect(refusal('u-c', 'contact:f', at(60))).toBeNull();
    expect(refusal('u-c', 'contact:g', at(60.5))?.retryAfterSeconds).toBe(1);
  });
});
