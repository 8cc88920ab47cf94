import { describe, expect, it } from 'vitest';
import { SIGN_IN_FAILURES_CONSIDERED, type SignInHistory, signInBlocked } from './rate-limit';

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
