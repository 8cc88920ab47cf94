import type { PanelUnit } from '@/lib/config/panel-types';

/**
 * The unit of a PromQL expression's values, read from the metric name's suffix as Prometheus' naming
 * conventions write it (`_seconds`, `_bytes`, `_ratio`, `_percent`; counters `_total`), only when the
 * expression is one metric through functions and aggregations: arithmetic (`* 100`, `a / b`) changes
 * the unit in ways a name cannot tell, so anything else is a plain count. Pure.
 *
 *   unitOfExpression('node_filesystem_avail_bytes{mountpoint="/"}')                → 'bytes'
 *   unitOfExpression('rate(node_network_receive_bytes_total[5m])')                  → 'bytesPerSecond'
 *   unitOfExpression('histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m]))') → 'seconds'
 *   unitOfExpression('sum(rate(http_requests_total[5m]))')                          → 'perSecond'
 *   unitOfExpression('up') → 'count';  unitOfExpression('rate(x_bytes_total[1m]) * 8') → 'count'
 */
export function unitOfExpression(expr: string): PanelUnit {
  // Label matchers, ranges and strings hold no metric names and may hold '-' or '/'.
  const bare = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\{[^}]*\}|\[[^\]]*\]/g, ' ');
  if (/[-+*/%^]|\b(?:and|or|unless|offset)\b/.test(bare.replace(/\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, '')))
    return 'count';
  const identifiers = bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  const metrics = identifiers.filter((name) => !FUNCTIONS.has(name) && !/^(by|without)$/.test(name));
  // `sum by (instance) (…)`: the grouping labels are not metrics.
  const grouped = new Set(
    [...bare.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap((m) => (m[1] ?? '').split(/[\s,]+/)),
  );
  const names = [...new Set(metrics.filter((n) => !grouped.has(n)))];
  if (names.length !== 1) return 'count';
  const name = names[0] as string;
  const perSecond = /\b(?:rate|irate|deriv)\s*\(/.test(bare);
  const base = name.replace(/_(?:total|bucket|sum|count|created)$/, '');
  if (/_bytes$/.test(base)) return perSecond ? 'bytesPerSecond' : 'bytes';
  if (/_seconds$/.test(base)) return perSecond && !name.endsWith('_bucket') ? 'count' : 'seconds';
  if (/_ratio$/.test(base)) return 'ratio';
  if (/_percent$/.test(base)) return 'percent';
  return perSecond ? 'perSecond' : 'count';
}

/** Functions and aggregation operators, which are not metric names. */
const FUNCTIONS = new Set([
  'abs',
  'absent',
  'absent_over_time',
  'avg',
  'avg_over_time',
  'bottomk',
  'ceil',
  'changes',
  'clamp',
  'clamp_max',
  'clamp_min',
  'count',
  'count_over_time',
  'count_values',
  'delta',
  'deriv',
  'exp',
  'floor',
  'group',
  'histogram_quantile',
  'idelta',
  'increase',
  'irate',
  'label_join',
  'label_replace',
  'last_over_time',
  'ln',
  'log10',
  'log2',
  'max',
  'max_over_time',
  'min',
  'min_over_time',
  'predict_linear',
  'present_over_time',
  'quantile',
  'quantile_over_time',
  'rate',
  'resets',
  'round',
  'scalar',
  'sort',
  'sort_desc',
  'sqrt',
  'stddev',
  'stddev_over_time',
  'stdvar',
  'sum',
  'sum_over_time',
  'time',
  'timestamp',
  'topk',
  'vector',
  'bool',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'Inf',
  'NaN',
]);
