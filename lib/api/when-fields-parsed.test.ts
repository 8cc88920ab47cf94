import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { whenFieldsParsed } from './when-fields-parsed';

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const range = z
  .object({ from: instant, to: instant })
  .refine((q) => q.to.getTime() > q.from.getTime(), { ...whenFieldsParsed, path: ['to'], error: 'to first' });

describe('whenFieldsParsed', () => {
  it('keeps a refinement from reading a field that failed: the field’s own issue answers', () => {
    const result = range.safeParse({ from: 'bad', to: '2026-01-01T00:00:00Z' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['from', 'invalid_format']]);
  });

  it('still runs the refinement when every field parsed', () => {
    const result = range.safeParse({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['to first']);
  });
});
