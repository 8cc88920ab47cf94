import { describe, expect, it } from 'vitest';
import { signInBlocked } from './rate-limit';
import { hasRole } from './roles';

describe('roles', () => {
  it('orders viewer < responder < admin', () => {
    expect(hasRole('admin', 'responder')).toBe(true);
    expect(hasRole('responder', 'responder')).toBe(true);
    expect(hasRole('viewer', 'responder')).toBe(false);
    expect(hasRole('responder', 'admin')).toBe(false);
    expect(hasRole('viewer', 'viewer')).toBe(true);
  });
});

describe('sign-in rate limit', () => {
  it('blocks after 5 failures for one e-mail or 20 from one address', () => {
    expect(signInBlocked({ email: 4, ip: 19 })).toBe(false);
    expect(signInBlocked({ email: 5, ip: 0 })).toBe(true);
    expect(signInBlocked({ email: 0, ip: 20 })).toBe(true);
  });
});
