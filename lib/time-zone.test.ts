import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from './time-zone';

describe('canonicalTimeZone', () => {
  it.each([
    ['europe/brussels', 'Europe/Brussels'],
    ['  AMERICA/NEW_YORK ', 'America/New_York'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['Zulu', 'UTC'],
  ])('stores %j as %j', (typed, zone) => {
    expect(canonicalTimeZone(typed)).toEqual({ zone });
  });

  it.each([
    ['EST', 'EST has no daylight saving; use a city zone such as America/New_York.'],
    ['est', 'EST has no daylight saving; use a city zone such as America/New_York.'],
    ['HST', 'HST has no daylight saving; use a city zone such as Pacific/Honolulu.'],
    [
      'PST8PDT',
      'PST8PDT is a legacy zone kept for old systems; use a city zone such as America/Los_Angeles.',
    ],
    ['cet', 'CET is a legacy zone kept for old systems; use a city zone such as Europe/Berlin.'],
    [
      '+01:00',
      '"+01:00" is a fixed offset with no daylight saving; use a city zone such as Europe/Brussels.',
    ],
  ])('refuses the legacy or fixed-offset %j, naming a city zone', (typed, problem) => {
    expect(canonicalTimeZone(typed)).toEqual({ problem });
  });

  it('names an unknown zone', () => {
    expect(canonicalTimeZone('Mars/Olympus').problem).toBe(
      'Unknown time zone "Mars/Olympus": use an IANA name such as "Europe/Brussels" or "America/New_York".',
    );
    expect(canonicalTimeZone('PST').problem).toMatch(/Unknown time zone "PST"/);
  });

  it('accepts every zone the runtime lists as canonical, unchanged or as UTC', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const checked = canonicalTimeZone(zone);
      // The runtime's list may still hold a legacy id on older ICU; those are the refused ones.
      if (checked.problem !== undefined) expect(checked.problem).toMatch(/^[A-Z0-9]+ (has|is)/);
      else expect([zone, 'UTC']).toContain(checked.zone);
    }
  });

  it('keeps legacy ids and offsets stored before they were refused, when asked (the on-call YAML)', () => {
    expect(canonicalTimeZone('est', { legacy: 'keep' })).toEqual({ zone: 'EST' });
    expect(canonicalTimeZone('CET', { legacy: 'keep' })).toEqual({ zone: 'CET' });
    expect(canonicalTimeZone('+01:00', { legacy: 'keep' })).toEqual({ zone: '+01:00' });
    expect(canonicalTimeZone('europe/brussels', { legacy: 'keep' })).toEqual({ zone: 'Europe/Brussels' });
    expect(canonicalTimeZone('Mars/Olympus', { legacy: 'keep' }).problem).toMatch(/^Unknown time zone/);
  });
});
