import { describe, expect, it } from 'vitest';
import { bounded, ExpansionTooLongError } from './bounded';

describe('bounded', () => {
  it('returns what the work returns', () => {
    expect(bounded(() => 41 + 1)).toBe(42);
  });

  it('ends work that runs past the deadline, and the thread carries on', () => {
    const started = performance.now();
    expect(() =>
      bounded(() => {
        for (;;);
      }, 50),
    ).toThrow(ExpansionTooLongError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(bounded(() => 'after')).toBe('after');
  });

  it("passes the work's own errors through", () => {
    expect(() =>
      bounded(() => {
        throw new RangeError('bad');
      }),
    ).toThrow(RangeError);
  });
});
