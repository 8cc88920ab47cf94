import { describe, expect, it } from 'vitest';
import {
  AttemptLog,
  SIGN_IN_FAILURES_CONSIDERED,
  type SignInHistory,
  signInBlocked,
  waitForRoom,
} from './rate-limit';

// A pinned clock: every failure below is placed relative to it.
const NOW = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const failures = (count: number, minutes = 1) => Array.from({ length: count }, () => minutesAgo(minutes));

function history(
  counts: { emailAtAddress?: number; address?: number; email?: number },
  knownAddress = false,
  minutes = 1,
): SignInHistory {
  const emailAtAddress = failures(counts.emailAtAddress ?? 0, minutes);
  return {
    knownAddress,
    failures: {
      emailAtAddress,
      // Failures of this e-mail from this address are also failures of the address and of the e-mail.
      address: [...emailAtAddress, ...failures(counts.address ?? 0, minutes)],
      email: [...emailAtAddress, ...failures(counts.email ?? 0, minutes)],
    },
  };
}

describe('signInBlocked', () => {
  it('blocks one address after 5 failures on one e-mail, even a known address', () => {
    expect(signInBlocked(NOW, history({ emailAtAddress: 4 }))).toBe(false);
    expect(signInBlocked(NOW, history({ emailAtAddress: 5 }))).toBe(true);
    expect(signInBlocked(NOW, history({ emailAtAddress: 5 }, true))).toBe(true);
  });

  it('blocks an address after 20 failures across e-mails, even on an account it knows', () => {
    expect(signInBlocked(NOW, history({ address: 19 }))).toBe(false);
    expect(signInBlocked(NOW, history({ address: 20 }))).toBe(true);
    expect(signInBlocked(NOW, history({ address: 20 }, true))).toBe(true);
  });

  it('lets a stranger who fails on purpose lock out only strangers, not the owner at a known address', () => {
    // 10 failures on the owner's e-mail, from other addresses (the attacker's).
    const attacked = history({ email: 10 });
    expect(signInBlocked(NOW, attacked)).toBe(true); // a new address waits
    expect(signInBlocked(NOW, { ...attacked, knownAddress: true })).toBe(false); // the owner gets in
    expect(signInBlocked(NOW, history({ email: 9 }))).toBe(false);
  });

  it('stops one address failing 5 times on one e-mail without locking that e-mail for other addresses', () => {
    // The old rule (5 failures per e-mail from anywhere) locked everybody out here.
    const otherAddress: SignInHistory = {
      knownAddress: false,
      failures: { emailAtAddress: [], address: [], email: failures(5) },
    };
    expect(signInBlocked(NOW, otherAddress)).toBe(false);
  });

  it('forgets failures older than 15 minutes', () => {
    expect(signInBlocked(NOW, history({ emailAtAddress: 5 }, false, 14.99))).toBe(true);
    expect(signInBlocked(NOW, history({ emailAtAddress: 5 }, false, 15))).toBe(false);
    expect(signInBlocked(NOW, history({ address: 20 }, false, 16))).toBe(false);
    expect(signInBlocked(NOW, history({ email: 10 }, false, 30))).toBe(false);
    // Four old and one recent failure are one failure.
    const mixed: SignInHistory = {
      knownAddress: false,
      failures: { emailAtAddress: [...failures(4, 20), minutesAgo(1)], address: [], email: [] },
    };
    expect(signInBlocked(NOW, mixed)).toBe(false);
  });

  it('needs no more failures of each kind than the caller reads', () => {
    expect(signInBlocked(NOW, history({ address: SIGN_IN_FAILURES_CONSIDERED }))).toBe(true);
    expect(SIGN_IN_FAILURES_CONSIDERED).toBe(20);
  });
});

describe('waitForRoom', () => {
  const limit = { max: 2, windowMs: 60_000 };

  it('is 0 while fewer than max attempts are in the window, however old the others', () => {
    expect(waitForRoom(100_000, [], limit)).toBe(0);
    expect(waitForRoom(100_000, [99_000], limit)).toBe(0);
    expect(waitForRoom(100_000, [10_000, 40_000, 99_000], limit)).toBe(0);
  });

  it('is the time until the oldest attempt that matters leaves the window, in any order', () => {
    expect(waitForRoom(100_000, [99_000, 50_000], limit)).toBe(10_000);
    expect(waitForRoom(100_000, [99_000, 98_000, 41_000], limit)).toBe(58_000);
    // An attempt exactly windowMs old no longer counts.
    expect(waitForRoom(100_000, [40_000, 99_000], limit)).toBe(0);
  });
});

describe('AttemptLog', () => {
  it('records under every key only when all have room', () => {
    const log = new AttemptLog();
    const one = { max: 1, windowMs: 1000 };
    expect(log.take(0, [{ key: 'a', limit: one }])).toBeNull();
    const refused = log.take(500, [
      { key: 'b', limit: one },
      { key: 'a', limit: one },
    ]);
    expect(refused).toEqual({ check: { key: 'a', limit: one }, waitMs: 500 });
    // b was not recorded by the refused take.
    expect(log.take(600, [{ key: 'b', limit: one }])).toBeNull();
  });

  it('forgets idle keys once it holds more than a thousand', () => {
    const log = new AttemptLog();
    const limit = { max: 1, windowMs: 1000 };
    for (let i = 0; i <= 1000; i++) log.take(0, [{ key: `old-${i}`, limit }]);
    expect(log.size).toBe(1001);
    log.take(5000, [{ key: 'new', limit }]);
    expect(log.size).toBe(1);
  });
});
