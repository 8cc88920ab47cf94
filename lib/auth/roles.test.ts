import { describe, expect, it } from 'vitest';
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
