import { describe, expect, it } from 'vitest';
import { escalationStopped } from './cancel';

describe('escalationStopped', () => {
  it('stops once the incident is acknowledged or no longer open', () => {
    expect(escalationStopped({ status: 'open', acknowledgedAt: null })).toBe(false);
    expect(escalationStopped({ status: 'open', acknowledgedAt: new Date('2026-11-21T09:01:00Z') })).toBe(
      true,
    );
    expect(escalationStopped({ status: 'mitigated', acknowledgedAt: null })).toBe(true);
  });
});
