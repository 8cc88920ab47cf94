/**
 * Prometheus sends sample values as strings because JSON has no NaN or infinities: Go formats them
 * with strconv.FormatFloat, so "1.5", "1e+00" (alert values), "NaN", "+Inf" and "-Inf" all occur.
 */

// Go's strconv.ParseFloat also accepts "Inf" and "infinity" in any case; so do we.
const SPECIAL = new Map<string, number>([
  ['nan', Number.NaN],
  ['inf', Number.POSITIVE_INFINITY],
  ['+inf', Number.POSITIVE_INFINITY],
  ['-inf', Number.NEGATIVE_INFINITY],
  ['infinity', Number.POSITIVE_INFINITY],
  ['+infinity', Number.POSITIVE_INFINITY],
  ['-infinity', Number.NEGATIVE_INFINITY],
]);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A sample value string → number, or undefined when it is not a number at all. Stricter than
 * `Number()`, which reads "" as 0 and "+Inf" as NaN.
 *
 *   parseSampleValue('1.5') → 1.5;  parseSampleValue('0e+00') → 0;  parseSampleValue('+Inf') → Infinity
 *   parseSampleValue('NaN') → NaN;  parseSampleValue('') → undefined;  parseSampleValue('abc') → undefined
 */
export function parseSampleValue(text: string): number | undefined {
  if (DECIMAL.test(text)) return Number(text);
  return SPECIAL.get(text.toLowerCase());
}
