import { describe, expect, it } from 'vitest';
import { promQueryParamsSchema } from '@/lib/overview/query-params';
import { defaultRange, GRAPH_RANGE_KEYS, GRAPH_RANGES, graphWindow } from './graph-window';

const now = Date.parse('2026-12-04T10:00:07Z');
const MIN = 60_000;

describe('defaultRange', () => {
  it.each([
    [3 * MIN, '15m'],
    [50 * MIN, '1h'],
    [58 * MIN, '6h'],
    [20 * 60 * MIN, '24h'],
    [3 * 86_400_000, '7d'],
    [30 * 86_400_000, '7d'],
  ])('an alert firing for %i ms → %s', (since, range) => {
    expect(defaultRange(now - since, now)).toBe(range);
  });
});

describe('graphWindow', () => {
  it('ends a range at the next step after now, the step sized to the range', () => {
    expect(graphWindow('1h', null, now)).toEqual({
      start: Date.parse('2026-12-04T09:00:15Z') / 1000,
      end: Date.parse('2026-12-04T10:00:15Z') / 1000,
      step: 15,
    });
    expect(graphWindow('7d', null, now).step).toBe(3600);
  });

  it('queries a zoomed span at its own, finer step', () => {
    const w = graphWindow('24h', { fromMs: now - 30 * MIN, toMs: now - 10 * MIN }, now);
    expect(w.step).toBe(5);
    expect(w.start * 1000).toBeLessThanOrEqual(now - 30 * MIN);
    expect(w.end * 1000).toBeGreaterThanOrEqual(now - 10 * MIN);
  });

  it('gives every range a query the query API accepts', () => {
    for (const key of GRAPH_RANGE_KEYS) {
      const w = graphWindow(key, null, now);
      const parsed = promQueryParamsSchema.safeParse({ query: 'up', ...w });
      expect(parsed.success).toBe(true);
      expect((w.end - w.start) / w.step).toBeLessThanOrEqual(300);
      expect(w.end - w.start).toBe(GRAPH_RANGES[key]);
    }
  });
});
