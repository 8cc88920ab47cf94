import { describe, expect, it } from 'vitest';
import { applicationServerKey, deviceLabel, newItems } from './browser-push';

describe('applicationServerKey', () => {
  it('decodes URL-safe base64 without padding', () => {
    expect([...applicationServerKey('AQID')]).toEqual([1, 2, 3]);
    expect([...applicationServerKey('-_8')]).toEqual([0xfb, 0xff]);
    expect(applicationServerKey('B'.repeat(87))).toHaveLength(65);
  });
});

describe('deviceLabel', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0',
      'Edge on Windows',
    ],
    ['curl/8', 'Browser'],
  ])('%s → %s', (ua, label) => {
    expect(deviceLabel(ua)).toBe(label);
  });
});

describe('newItems', () => {
  it('learns what exists on the first poll, then reports only new ones', () => {
    const first = newItems(null, ['a', 'b']);
    expect(first.fresh).toEqual([]);
    const second = newItems(first.seen, ['b', 'c']);
    expect(second.fresh).toEqual(['c']);
    // An alert that resolved and fires again is new again.
    expect(newItems(second.seen, ['a', 'c']).fresh).toEqual(['a']);
  });
});
