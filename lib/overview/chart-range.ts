/**
 * The range picker's choices and how a chart query is shaped from them. Pure.
 */

export const RANGES = { '1h': 3600, '6h': 6 * 3600, '24h': 24 * 3600, '7d': 7 * 86400 } as const;
export type RangeKey = keyof typeof RANGES;

export function isRangeKey(value: unknown): value is RangeKey {
  return typeof value === 'string' && Object.hasOwn(RANGES, value);
}

/**
 * Start and end aligned to the step, so every console that opens the same chart in the same step
 * asks for the same query (and shares one cached answer). The end is the next step boundary, so the
 * newest samples are always on the chart (Prometheus evaluates that point with the latest samples in
 * its look-back window).
 *
 *   alignedRange(3600, 15, 1_700_000_007_000) → { start: 1_699_996_410, end: 1_700_000_010 } (unix seconds)
 */
export function alignedRange(
  rangeSeconds: number,
  stepSeconds: number,
  nowMs: number,
): { start: number; end: number } {
  const end = Math.ceil(nowMs / 1000 / stepSeconds) * stepSeconds;
  return { start: end - rangeSeconds, end };
}

/**
 * The window for rate()/increase(): at least a minute (several scrapes at common intervals), and at
 * least two steps so no sample falls between two points of the chart.
 *
 *   rateWindow(15) → '1m';  rateWindow(300) → '10m';  rateWindow(3600) → '2h'
 */
export function rateWindow(stepSeconds: number): string {
  const seconds = Math.max(60, 2 * stepSeconds);
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** `'rate(x[$__rate])'`, 15 → `'rate(x[1m])'`. */
export function expandExpr(expr: string, stepSeconds: number): string {
  return expr.replaceAll('$__rate', rateWindow(stepSeconds));
}

/**
 * Fills a legend template from a series' labels; an empty template lists the labels.
 *
 *   formatLegend('{{instance}} {{mountpoint}}', { instance: 'db-1', mountpoint: '/' }) → 'db-1 /'
 *   formatLegend('', { job: 'api', instance: 'x' }) → '{job="api", instance="x"}'
 */
export function formatLegend(template: string, labels: Record<string, string>): string {
  if (!template) {
    const inner = Object.entries(labels)
      .filter(([k]) => k !== '__name__')
      .map(([k, v]) => `${k}="${v}"`)
      .join(', ');
    return `{${inner}}`;
  }
  return template
    .replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, name: string) => labels[name] ?? '')
    .trim();
}
