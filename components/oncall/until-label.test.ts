import { describe, expect, it } from 'vitest';
import { untilLabel } from './until-label';

const now = Date.parse('2027-03-20T12:00:00Z'); // a Saturday

describe('untilLabel', () => {
  it('names the weekday within the coming week, in the viewer’s zone', () => {
    expect(untilLabel('2027-03-23T08:00:00Z', 'Europe/Brussels', now)).toBe('Tue 09:00');
    expect(untilLabel('2027-03-23T08:00:00Z', 'UTC', now)).toBe('Tue 08:00');
  });

  it('says today for later the same local day', () => {
    expect(untilLabel('2027-03-20T22:30:00Z', 'UTC', now)).toBe('today 22:30');
  });

  it('adds the date a week or more ahead, and the year when another', () => {
    expect(untilLabel('2027-03-27T08:00:00Z', 'UTC', now)).toBe('Sat 27 Mar 08:00');
    expect(untilLabel('2028-01-04T09:00:00Z', 'UTC', now)).toBe('Tue 4 Jan 2028 09:00');
  });

  it('follows the zone across the daylight-saving change', () => {
    // Monday 29 March 2027 07:00 UTC is 09:00 CEST, after Brussels moved its clocks on Sunday.
    const friday = Date.parse('2027-03-26T12:00:00Z');
    expect(untilLabel('2027-03-29T07:00:00Z', 'Europe/Brussels', friday)).toBe('Mon 09:00');
    expect(untilLabel('2027-03-22T08:00:00Z', 'Europe/Brussels', now)).toBe('Mon 09:00');
  });
});
