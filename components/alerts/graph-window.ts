import { alignedRange } from '@/lib/overview/chart-range';
import { stepForRange } from '@/lib/prometheus/step';

/**
 * The expression graph's window: one of the range choices ending now, or a span someone zoomed into.
 * The step grows with the window (stepForRange: at most ~300 points), so a 7-day graph is one cheap
 * range query; the longest choice stays well inside the query API's limits (maxRangeDays, 32 by
 * default, and 11,000 points). Pure.
 */

export const GRAPH_RANGES = {
  '15m': 900,
  '1h': 3600,
  '6h': 6 * 3600,
  '24h': 86_400,
  '7d': 7 * 86_400,
} as const;
export type GraphRange = keyof typeof GRAPH_RANGES;
export const GRAPH_RANGE_KEYS = Object.keys(GRAPH_RANGES) as GraphRange[];

export type Zoom = { fromMs: number; toMs: number };

/**
 * The shortest range that shows the alert's start with some time before it (a tenth of the time since,
 * at least 5 minutes), so the change that made it fire is on screen; 7d for older alerts.
 *
 *   defaultRange(startsAt = now − 3 min, now) → '15m';  defaultRange(now − 50 min, now) → '1h'
 */
export function defaultRange(startsAtMs: number, nowMs: number): GraphRange {
  const since = Math.max(0, (nowMs - startsAtMs) / 1000);
  const wanted = since + Math.max(300, since / 10);
  return GRAPH_RANGE_KEYS.find((key) => GRAPH_RANGES[key] >= wanted) ?? '7d';
}

/**
 * Start, end (unix seconds) and step of the query, aligned to the step so consoles showing the same
 * window share one cached answer.
 *
 *   graphWindow('1h', null, Date.parse('2026-12-04T10:00:07Z')) → { start: 09:00:15, end: 10:00:15, step: 15 }
 *   (start and end as unix seconds)
 */
export function graphWindow(
  range: GraphRange,
  zoom: Zoom | null,
  nowMs: number,
): { start: number; end: number; step: number } {
  if (!zoom) {
    const step = stepForRange(GRAPH_RANGES[range]);
    return { ...alignedRange(GRAPH_RANGES[range], step, nowMs), step };
  }
  const step = stepForRange(Math.max(60, (zoom.toMs - zoom.fromMs) / 1000));
  return {
    start: Math.floor(zoom.fromMs / 1000 / step) * step,
    end: Math.ceil(zoom.toMs / 1000 / step) * step,
    step,
  };
}
