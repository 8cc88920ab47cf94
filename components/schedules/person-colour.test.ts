import { describe, expect, it } from 'vitest';
import { personColour } from './person-colour';

describe('personColour', () => {
  it('is the same for the same person every time', () => {
    expect(personColour('cm0user1')).toBe(personColour('cm0user1'));
  });

  it('spreads a team of people over several colours', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `cm0user${i}`);
    expect(new Set(ids.map(personColour)).size).toBeGreaterThanOrEqual(6);
  });
});
