import { describe, expect, it } from 'vitest';
import { feedRange } from './calendar';

describe('feedRange', () => {
  it('is the same all day, from 30 days before the UTC day to 60 after, so cut shift ends move once a day', () => {
    const morning = feedRange(new Date('2027-03-28T00:00:00Z'));
    expect(morning).toEqual({ from: new Date('2027-02-26T00:00:00Z'), to: new Date('2027-05-27T00:00:00Z') });
    expect(feedRange(new Date('2027-03-28T23:59:59.999Z'))).toEqual(morning);
    expect(feedRange(new Date('2027-03-29T00:00:00Z')).to).toEqual(new Date('2027-05-28T00:00:00Z'));
  });
});
