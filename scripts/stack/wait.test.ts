import { describe, expect, it } from 'vitest';
import { StopWaitingError, WaitTimeoutError, waitFor, withDeadline } from './wait.js';

describe('waitFor', () => {
  it('resolves with the first value that is not undefined, null or false', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        return calls < 3 ? false : { calls };
      },
      { timeoutMs: 1_000, intervalMs: 1, what: 'three calls' },
    );
    expect(value).toEqual({ calls: 3 });
  });

  it('retries a probe that throws, and names it and its last error on timeout', async () => {
    const failure = waitFor(
      () => {
        throw new Error('connection refused');
      },
      { timeoutMs: 50, intervalMs: 5, what: 'the server' },
    );
    await expect(failure).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(failure).rejects.toThrow(/waiting for the server \(last error: connection refused\)/);
  });

  it('stops at once on StopWaitingError', async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      waitFor(
        () => {
          calls += 1;
          throw new StopWaitingError('process exited');
        },
        { timeoutMs: 10_000, what: 'never' },
      ),
    ).rejects.toThrow('process exited');
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('withDeadline', () => {
  it('passes a result through', async () => {
    await expect(withDeadline(Promise.resolve(42), 1_000, 'a number')).resolves.toBe(42);
  });

  it('rejects with WaitTimeoutError when the promise is too slow', async () => {
    await expect(
      withDeadline(new Promise(() => {}), 20, 'a promise that never settles'),
    ).rejects.toBeInstanceOf(WaitTimeoutError);
  });
});
