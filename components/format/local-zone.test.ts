import { describe, expect, it } from 'vitest';
import { describeLocalZone, isKnownZone, localZone, shownZone, zoneForNew } from './local-zone';

describe('localZone', () => {
  it('is the profile’s zone when the reader has set one, whatever the browser says', () => {
    expect(localZone('Europe/Brussels', 'America/New_York')).toEqual({
      zone: 'Europe/Brussels',
      source: 'profile',
    });
    // Known on the server too, where there is no browser: the first render is already in it.
    expect(localZone('Asia/Kolkata', null)).toEqual({ zone: 'Asia/Kolkata', source: 'profile' });
  });

  it('is the browser’s when the profile holds the default, UTC', () => {
    expect(localZone('UTC', 'America/New_York')).toEqual({ zone: 'America/New_York', source: 'browser' });
    expect(localZone(null, 'Europe/Brussels')).toEqual({ zone: 'Europe/Brussels', source: 'browser' });
  });

  it('takes another spelling of UTC as a choice', () => {
    expect(localZone('Etc/UTC', 'Europe/Brussels')).toEqual({ zone: 'Etc/UTC', source: 'profile' });
  });

  it('is unknown on the server for a profile left at the default', () => {
    expect(localZone('UTC', null)).toBeNull();
    expect(localZone(undefined, undefined)).toBeNull();
  });

  it('falls back to the browser for a profile zone this runtime does not know', () => {
    expect(isKnownZone('Mars/Olympus')).toBe(false);
    expect(localZone('Mars/Olympus', 'Europe/Brussels')).toEqual({
      zone: 'Europe/Brussels',
      source: 'browser',
    });
  });
});

describe('shownZone', () => {
  const brussels = { zone: 'Europe/Brussels', source: 'profile' } as const;

  it('is the reader’s own zone, or UTC by the switch', () => {
    expect(shownZone('local', brussels)).toBe('Europe/Brussels');
    expect(shownZone('UTC', brussels)).toBe('UTC');
  });

  it('is UTC while the reader’s zone is unknown', () => {
    expect(shownZone('local', null)).toBe('UTC');
  });
});

describe('zoneForNew', () => {
  it('is the reader’s own zone, also while times are shown in UTC', () => {
    const brussels = localZone('Europe/Brussels', 'America/New_York');
    expect(shownZone('UTC', brussels)).toBe('UTC');
    expect(zoneForNew(brussels)).toBe('Europe/Brussels');
    expect(zoneForNew(localZone('UTC', 'Asia/Tokyo'))).toBe('Asia/Tokyo');
  });

  it('is UTC only when that is the reader’s own zone', () => {
    expect(zoneForNew(localZone('UTC', 'UTC'))).toBe('UTC');
    expect(zoneForNew(localZone('Etc/UTC', 'Europe/Brussels'))).toBe('Etc/UTC');
  });

  it('is empty, not a guess, while the reader’s zone is unknown', () => {
    expect(zoneForNew(localZone('UTC', null))).toBe('');
  });
});

describe('describeLocalZone', () => {
  it('says which zone "local" is and where it comes from', () => {
    expect(describeLocalZone({ zone: 'Europe/Brussels', source: 'profile' })).toBe(
      'Europe/Brussels (profile)',
    );
    expect(describeLocalZone({ zone: 'Asia/Tokyo', source: 'browser' })).toBe('Asia/Tokyo (this browser)');
    expect(describeLocalZone(null)).toBe('this browser’s zone');
  });
});
