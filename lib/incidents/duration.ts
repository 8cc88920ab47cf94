/**
 * Durations as on-call people type them for silences and acknowledgements: Prometheus/amtool style
 * (`90m`, `4h`, `1d`, `1w`, `1h30m`), units from the largest down. Pure.
 *
 *   parseDuration('90m') → 5_400_000
 *   parseDuration('1h30m') → 5_400_000
 *   parseDuration('1w') → 604_800_000
 *   parseDuration('soon') → throws DurationError('write a duration like 90m, 4h, 1d or 1w')
 */

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;
type Unit = keyof typeof UNIT_MS;
const ORDER: readonly Unit[] = ['w', 'd', 'h', 'm', 's'];

/** A silence shorter than a minute would end before a poll noticed it; longer than a year is a mistake. */
export const MIN_DURATION_MS = 60_000;
export const MAX_DURATION_MS = 365 * UNIT_MS.d;

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

const HINT = 'write a duration like 90m, 4h, 1d or 1w';

export function parseDuration(input: string): number {
  const text = input.trim().toLowerCase();
  if (text === '') throw new DurationError(HINT);
  let total = 0;
  let lastUnit = -1;
  let rest = text;
  while (rest !== '') {
    const part = /^(\d{1,6})\s*([wdhms])\s*/.exec(rest);
    if (!part) throw new DurationError(`"${input.trim()}" is not a duration; ${HINT}`);
    const unit = part[2] as Unit;
    const rank = ORDER.indexOf(unit);
    // "30m1h" is almost certainly a typo; Prometheus refuses it too.
    if (rank <= lastUnit) throw new DurationError(`units go from the largest down, e.g. 1h30m; ${HINT}`);
    lastUnit = rank;
    total += Number(part[1]) * UNIT_MS[unit];
    rest = rest.slice(part[0].length);
  }
  if (total < MIN_DURATION_MS) throw new DurationError('a silence lasts at least 1m');
  if (total > MAX_DURATION_MS) throw new DurationError('a silence lasts at most 365d');
  return total;
}

/**
 * The shortest way to write a duration in the units above, for prefilling forms and comments.
 *
 *   formatDurationMs(5_400_000) → '1h30m'
 *   formatDurationMs(86_400_000) → '1d'
 */
export function formatDurationMs(ms: number): string {
  let rest = Math.round(ms / 1000) * 1000;
  let out = '';
  for (const unit of ORDER) {
    const n = Math.floor(rest / UNIT_MS[unit]);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * UNIT_MS[unit];
    }
  }
  return out || '0s';
}
