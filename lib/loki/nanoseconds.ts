/**
 * Loki speaks Unix nanoseconds: query parameters (`start`, `end`, `time`) and log entry timestamps are
 * decimal strings such as "1795248400761163376". A double holds integers exactly only up to 2^53
 * (~9.007e15), so a nanosecond timestamp (~1.8e18) loses its last three digits in a `number`:
 * conversions go through BigInt and the exact string is kept for ordering and links.
 */

const NS_PER_MS = 1_000_000n;

/**
 * A Date as Loki's nanosecond string.
 * @example toNs(new Date(1700000000000)) → "1700000000000000000"
 */
export function toNs(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('toNs needs a valid Date');
  return (BigInt(ms) * NS_PER_MS).toString();
}

/**
 * A nanosecond string as epoch milliseconds, truncated (the sub-millisecond part stays in the string).
 * @example nsToMs("1700000000123456789") → 1700000000123
 * @example nsToMs("1700000000123999999") → 1700000000123 (Math.floor(Number(ns) / 1e6) gives …124)
 */
export function nsToMs(ns: string): number {
  return Number(BigInt(ns) / NS_PER_MS);
}

/**
 * Unix seconds as Loki (like Prometheus) sends them in matrix and vector samples, as epoch milliseconds.
 * Rounded, because fractional seconds such as 1700000000.123 are not exact in binary.
 * @example secondsToMs(1795247865) → 1795247865000
 * @example secondsToMs(1700000000.123) → 1700000000123
 */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}
