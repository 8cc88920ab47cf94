import { describe, expect, it } from 'vitest';
import { escalationStopped } from './cancel';

describe('escalationStopped', () => {
  it('stops once the incident is no longer open, and goes on for a reopened one', () => {
    expect(escalationStopped({ status: 'open' })).toBe(false);
    expect(escalationStopped({ status: 'acknowledged' })).toBe(true);
    expect(escalationStopped({ status: 'mitigated' })).toBe(true);
    expect(escalationStopped({ status: 'resolved' })).toBe(true);
  });
});
