/**
 * Where the label of a horizontal reference line (an alerting rule's threshold) goes: inside the plot,
 * on the side of the line with more room — above a line in the lower half, below one in the upper half
 * — so it never reaches the time axis' ticks under the plot (a threshold at the bottom, `up == 0`, put it
 * over the last tick) nor the edge above it. Pure.
 *
 * recharts lays a reference line's label out in a box of height 0 on the line
 * (recharts/lib/cartesian/getCartesianPosition.js): 'insideBottomRight' ends the text `offset` px above
 * the line, 'insideTopRight' starts it `offset` px below.
 *
 *   referenceLabelPosition(0, [0, 1])   → 'insideBottomRight'   (above the line)
 *   referenceLabelPosition(0.9, [0, 1]) → 'insideTopRight'      (below the line)
 */
export function referenceLabelPosition(
  y: number,
  domain: readonly [number, number],
): 'insideBottomRight' | 'insideTopRight' {
  const [lo, hi] = domain;
  return y - lo > (hi - lo) / 2 ? 'insideTopRight' : 'insideBottomRight';
}
