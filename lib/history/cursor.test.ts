import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('history cursor', () => {
  it('round-trips the last key of a page, to the millisecond', () => {
    const key = { startsAt: new Date('2026-12-01T10:00:00.123Z'), fingerprint: 'ab12cd' };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('refuses what it did not make', () => {
    expect(decodeCursor('nonsense')).toBeUndefined();
    expect(decodeCursor(Buffer.from('[1,""]').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('[-5,"ab"]').toString('base64url'))).toBeUndefined();
  });
});
