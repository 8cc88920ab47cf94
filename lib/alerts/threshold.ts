import { exprFromGeneratorUrl } from '@/lib/prometheus/generator-url';
import type { RuleGroup } from '@/lib/prometheus/schemas';

/**
 * An alert's rule, for the detail view's graph: its PromQL expression, the Prometheus that evaluates it,
 * and the threshold at the end of the expression. Pure.
 */

const COMPARISON_OPERATORS = ['==', '!=', '>', '<', '>=', '<='] as const;
type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type Threshold = {
  op: ComparisonOperator;
  value: number;
  /** The expression left of the comparison: what to graph with the threshold drawn over it. */
  operand: string;
};

// Op, optional `bool`, a number literal (decimal, exponent, hex, Inf/NaN), at the very end.
const TRAILING_COMPARISON =
  /(==|!=|>=|<=|>|<)\s*(?:bool\s+)?([+-]?(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf|nan))\s*$/i;
// Set operators bind more loosely than comparisons: `a > 1 or b < 2` is not "… < 2".
const SET_OPERATOR = /(?:^|[\s)])(?:and|or|unless)(?:[\s(]|$)/i;

/**
 * The comparison with a number that ends an alerting expression, when it is the expression's top-level
 * operation (PromQL: arithmetic binds tighter than comparisons, set operators looser).
 *
 *   parseThreshold('100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m])) * 100) > 85')
 *     → {op:'>', value:85, operand:'100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m])) * 100)'}
 *   parseThreshold('up == 0') → {op:'==', value:0, operand:'up'}
 *   parseThreshold('x > bool 3') → {op:'>', value:3, operand:'x'}
 *   parseThreshold('(pg_up == 0)') → {op:'==', value:0, operand:'pg_up'}
 *   parseThreshold('vector(1)') → null;  parseThreshold('a > 1 or b < 2') → null;  parseThreshold('sum(x > 1)') → null
 */
export function parseThreshold(expr: string): Threshold | null {
  const masked = maskExpression(expr);
  let start = 0;
  let end = masked.trimEnd().length;
  while (masked[start] === ' ') start++;
  // Parentheses around the whole expression change nothing.
  while (masked[start] === '(' && closingParen(masked, start) === end - 1) {
    start++;
    end--;
    while (masked[start] === ' ') start++;
    while (masked[end - 1] === ' ') end--;
  }
  const body = masked.slice(start, end);
  const match = TRAILING_COMPARISON.exec(body);
  if (!match) return null;
  const left = body.slice(0, match.index);
  if (left.trim() === '' || atTopLevel(left, SET_OPERATOR)) return null;
  const value = Number(parseNumber(match[2] ?? ''));
  if (!Number.isFinite(value)) return null;
  return {
    op: match[1] as ComparisonOperator,
    value,
    operand: expr.slice(start, start + match.index).trim(),
  };
}

/** `0x1F` → 31, `1e3` → 1000, `-5` → -5, `Inf` → Infinity. */
function parseNumber(literal: string): number {
  const sign = literal.startsWith('-') ? -1 : 1;
  const unsigned = literal.replace(/^[+-]/, '').toLowerCase();
  if (unsigned === 'inf') return sign * Number.POSITIVE_INFINITY;
  if (unsigned === 'nan') return Number.NaN;
  return sign * Number(unsigned);
}

/**
 * The expression with everything that is not structure blanked out, same length: string literals,
 * comments, label matchers (`{…}`) and range/subquery durations (`[…]`), so operators inside them are
 * not mistaken for the expression's own.
 */
function maskExpression(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(expr, i);
      out += `${c}${'x'.repeat(Math.max(0, end - i - 1))}`;
      i = end;
    } else if (c === '#') {
      const newline = expr.indexOf('\n', i);
      const end = newline === -1 ? expr.length : newline;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (j < expr.length && expr[j] !== close)
        j = /["'`]/.test(expr[j] as string) ? stringEnd(expr, j) : j + 1;
      out += `${c}${'x'.repeat(Math.max(0, j - i - 1))}${j < expr.length ? close : ''}`;
      i = j + 1;
    } else {
      out += /\s/.test(c) ? ' ' : c;
      i++;
    }
  }
  return out;
}

/** Index just past the string literal starting at `start` (or the end of the text when unclosed). */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === '\\' && quote !== '`' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

function closingParen(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === '(') depth++;
    else if (masked[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Whether `pattern` occurs in `masked` outside every parenthesis. */
function atTopLevel(masked: string, pattern: RegExp): boolean {
  let depth = 0;
  let top = '';
  for (const c of masked) {
    if (c === '(') depth++;
    top += depth === 0 ? c : ' ';
    if (c === ')') depth--;
  }
  return pattern.test(top);
}

export type PrometheusRules = { name: string; ruleGroups: readonly RuleGroup[] };

/**
 * Where an alert's expression comes from: the alerting rule of that name in some Prometheus' rules or,
 * failing that, the `g0.expr` of its generatorURL, graphed on the first Prometheus.
 * When several rules share the name (one per severity, or the same rule on several servers), the one
 * whose labels are all on the alert wins (templated label values count as matching), then the one
 * whose expression is the generatorURL's, then the first.
 *
 *   ruleSource({alertname:'HighCPUUsage', severity:'warning', instance:'a'}, '', [{name:'main', ruleGroups}])
 *   → {expr:'100 - (…) > 85', prometheus:'main'}
 *   ruleSource({alertname:'External'}, 'http://prom/graph?g0.expr=up+%3D%3D+0', [{name:'main', …}])
 *   → {expr:'up == 0', prometheus:'main'}
 */
export function ruleSource(
  labels: Readonly<Record<string, string>>,
  generatorURL: string,
  servers: readonly PrometheusRules[],
): { expr: string | null; prometheus: string | null } {
  const fromUrl = exprFromGeneratorUrl(generatorURL);
  const named = servers.flatMap((server) =>
    server.ruleGroups.flatMap((group) =>
      group.rules
        .filter((rule) => rule.type === 'alerting' && rule.name === labels.alertname)
        .map((rule) => ({ server: server.name, rule })),
    ),
  );
  const labelled = named.filter(({ rule }) =>
    Object.entries(rule.labels).every(([k, v]) => v.includes('{{') || labels[k] === v),
  );
  const candidates = labelled.length > 0 ? labelled : named;
  const chosen =
    candidates.find(({ rule }) => fromUrl !== undefined && sameExpr(rule.query, fromUrl)) ?? candidates[0];
  if (chosen) return { expr: chosen.rule.query, prometheus: chosen.server };
  return { expr: fromUrl ?? null, prometheus: servers[0]?.name ?? null };
}

const sameExpr = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
