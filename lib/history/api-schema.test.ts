import { describe, expect, it } from 'vitest';
import { historyQuerySchema, historyRange } from './api-schema';

const issues = (input: Record<string, string>) => {
  const result = historyQuerySchema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('history query', () => {
  it('defaults to the last 7 days and 50 firings', () => {
    const now = new Date('2026-12-08T00:00:00Z');
    expect(historyRange({}, now)).toEqual({ from: new Date('2026-12-01T00:00:00Z'), to: now });
    expect(historyQuerySchema.parse({})).toEqual({ filter: '', limit: 50 });
  });

  it('names the bad matcher, free text, a reversed or too long range', () => {
    expect(issues({ filter: '{instance=~"db-.*}' }).filter).toMatch(/unclosed quote in value of instance/);
    expect(issues({ filter: 'disk' }).filter).toMatch(/free text \("disk"\) is not searched here/);
    expect(issues({ from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }).from).toBe(
      'must be before `to`',
    );
    expect(issues({ from: '2025-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }).from).toMatch(
      /longer than 400 days/,
    );
    expect(issues({ from: 'yesterday' }).from).toMatch(/ISO 8601/);
  });

  it('accepts a selector with regexes and a range of 400 days', () => {
    expect(
      issues({
        filter: '{alertname="HighCPUUsage",instance=~"db-.*"}',
        from: '2025-11-01T00:00:00Z',
        to: '2026-12-05T00:00:00Z',
      }),
    ).toEqual({});
  });
});
