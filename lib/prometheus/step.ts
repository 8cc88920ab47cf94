/**
 * Query steps a person reads easily on a time axis. Neighbours are at most 2.5× apart; 90 s and 3 min
 * fill the gaps a 6 h or 12 h chart would otherwise fall into.
 */
const FRIENDLY_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 90, 120, 180, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
];
const DAY = 86_400;

/**
 * Because friendly steps are up to 2.5× apart, a strict `maxPoints` bound would often halve the
 * resolution (24 h would get 10 min steps and 144 points); allowing 20 % more points keeps 5 min.
 */
const SLACK = 1.2;

/**
 * The step (seconds) for a range query over `rangeSeconds`: the smallest friendly step that gives at
 * most ~`maxPoints` points (up to 20 % more, see SLACK), so a chart stays readable and cheap. Ranges
 * longer than friendly steps cover use whole days.
 *
 *   stepForRange(3600) → 15 (240 points);  stepForRange(6 * 3600) → 90 (240)
 *   stepForRange(24 * 3600) → 300 (288);   stepForRange(7 * 86400) → 3600 (168)
 *   stepForRange(300) → 1 (a short range cannot go below 1 s)
 */
export function stepForRange(rangeSeconds: number, maxPoints = 250): number {
  if (!Number.isFinite(rangeSeconds) || rangeSeconds < 0)
    throw new RangeError(`rangeSeconds must be a finite number ≥ 0, not ${rangeSeconds}`);
  if (!Number.isFinite(maxPoints) || maxPoints < 1)
    throw new RangeError(`maxPoints must be a finite number ≥ 1, not ${maxPoints}`);
  const limit = maxPoints * SLACK;
  return (
    FRIENDLY_STEPS.find((step) => rangeSeconds / step <= limit) ?? Math.ceil(rangeSeconds / limit / DAY) * DAY
  );
}
