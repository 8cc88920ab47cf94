import { describe, expect, it } from 'vitest';
import { retryDecision } from './retry';

describe('retryDecision', () => {
  it('backs off 10 s, 30 s, 2 min, 10 min, then repeats the last wait until the attempts run out', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDecision(n))).toEqual([
      { kind: 'retry', afterSeconds: 10 },
      { kind: 'retry', afterSeconds: 30 },
      { kind: 'retry', afterSeconds: 120 },
      { kind: 'retry', afterSeconds: 600 },
      { kind: 'retry', afterSeconds: 600 },
      { kind: 'dead' },
    ]);
  });

  it('follows a custom schedule', () => {
    const policy = { schedule: [0.5], maxAttempts: 3 };
    expect(retryDecision(1, policy)).toEqual({ kind: 'retry', afterSeconds: 0.5 });
    expect(retryDecision(2, policy)).toEqual({ kind: 'retry', afterSeconds: 0.5 });
    expect(retryDecision(3, policy)).toEqual({ kind: 'dead' });
  });
});
