import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '@/lib/errors';
import { ConcurrencyLimit } from './concurrency-limit';

describe('ConcurrencyLimit', () => {
  it("refuses a user's query beyond the cap with a 429 to retry, while another user still runs", () => {
    const limit = new ConcurrencyLimit(() => 2);
    const taken = [limit.admit('u1'), limit.admit('u1')];
    let refused: unknown;
    try {
      limit.admit('u1');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({
      retryAfterSeconds: 1,
      message: expect.stringMatching(/at most 2 at once/),
    });
    expect(() => limit.admit('u2')).not.toThrow();
    taken[0]?.();
    expect(() => limit.admit('u1')).not.toThrow();
  });

  it('gives a slot back once, however often release is called', () => {
    const limit = new ConcurrencyLimit(() => 1);
    const release = limit.admit('u1');
    release();
    release();
    limit.admit('u1');
    expect(() => limit.admit('u1')).toThrow(RateLimitedError);
  });
});
