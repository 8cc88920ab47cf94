import { describe, expect, it } from 'vitest';
import type { Silence } from '@/lib/alertmanager/schemas';
import { ownWrites, recordOwnWrites, withWrites } from './own-silences';

const silence = (id: string, state: Silence['state']): Silence => ({
  id,
  state,
  matchers: [{ name: 'instance', value: 'db-1', isRegex: false, isEqual: true }],
  startsAt: '2026-12-05T08:00:00.000Z',
  endsAt: '2026-12-05T09:00:00.000Z',
  updatedAt: '2026-12-05T08:00:00.000Z',
  createdBy: 'ana@example.com',
  comment: 'ack',
});

describe('withWrites', () => {
  it('puts a write made after the read began in place of what the read saw of that silence', () => {
    const read = [silence('s1', 'active'), silence('s2', 'active')];
    const expired = silence('s1', 'expired');
    expect(withWrites(read, [{ silence: expired, at: 20 }], 10)).toEqual([silence('s2', 'active'), expired]);
  });

  it('adds a silence created after the read began, which the read could not hold', () => {
    const created = silence('s3', 'active');
    expect(withWrites([silence('s1', 'active')], [{ silence: created, at: 10 }], 10)).toEqual([
      silence('s1', 'active'),
      created,
    ]);
  });

  it('trusts a read that began after the write, and gives back the same array when nothing applies', () => {
    const read = [silence('s1', 'active')];
    expect(withWrites(read, [{ silence: silence('s1', 'expired'), at: 5 }], 10)).toBe(read);
    expect(withWrites(read, [], 10)).toBe(read);
  });
});

describe('recordOwnWrites', () => {
  it('keeps writes per cluster and forgets those older than ten minutes', () => {
    recordOwnWrites('eu', [silence('old', 'active')], 0);
    recordOwnWrites('us', [silence('other', 'active')], 0);
    recordOwnWrites('eu', [silence('new', 'active')], 600_000);
    expect(ownWrites('eu').map((w) => w.silence.id)).toEqual(['new']);
    expect(ownWrites('us').map((w) => w.silence.id)).toEqual(['other']);
    expect(ownWrites('nowhere')).toEqual([]);
  });
});
