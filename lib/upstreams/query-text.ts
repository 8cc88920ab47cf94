/**
 * Cache keys of the queries people type, so that trivial variations share one cached answer instead
 * of each costing an upstream query. Pure.
 */

/**
 * A PromQL or LogQL expression with its layout removed: `#` comments dropped and every run of
 * whitespace outside string literals collapsed to one space (both languages take whitespace between
 * tokens as a separator only, and quote strings with `"`, `'` or `` ` ``, where it matters). The
 * result means the same, so it is the cache key; the upstream still gets the text as typed, so that the
 * positions in its parse errors point into what the person wrote.
 *
 *   normaliseQuery('  sum (rate(x[5m]))\n  by (job)  ') → 'sum (rate(x[5m])) by (job)'
 *   normaliseQuery('{job="a  b"}   |= "x" # why') → '{job="a  b"} |= "x"'
 */
export function normaliseQuery(query: string): string {
  let out = '';
  let quote: string | undefined;
  let space = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i] as string;
    if (quote) {
      out += c;
      // Backticks are raw strings: no escapes in them.
      if (c === '\\' && quote !== '`' && i + 1 < query.length) out += query[++i];
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#') {
      while (i + 1 < query.length && query[i + 1] !== '\n') i++;
      space = true;
      continue;
    }
    if (/\s/.test(c)) {
      space = true;
      continue;
    }
    if (space && out !== '') out += ' ';
    space = false;
    out += c;
    if (c === '"' || c === "'" || c === '`') quote = c;
  }
  return out;
}

/**
 * A range widened to whole steps (start down, end up), so that times a second apart ask for the same
 * points: Prometheus evaluates a range query at start, start + step, …, so aligned times give the
 * answer every console with that step shares.
 *
 *   alignToStep({ start: 1_700_000_007, end: 1_700_003_601, stepSeconds: 15 })
 *     → { start: 1_699_999_995, end: 1_700_003_610, stepSeconds: 15 }
 */
export function alignToStep(range: { start: number; end: number; stepSeconds: number }): {
  start: number;
  end: number;
  stepSeconds: number;
} {
  const { stepSeconds } = range;
  return {
    start: Math.floor(range.start / stepSeconds) * stepSeconds,
    end: Math.ceil(range.end / stepSeconds) * stepSeconds,
    stepSeconds,
  };
}
