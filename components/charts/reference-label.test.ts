import { describe, expect, it } from 'vitest';
import { referenceLabelPosition } from './reference-label';

describe('referenceLabelPosition', () => {
  it('puts the label above a line at or near the bottom, clear of the time axis', () => {
    expect(referenceLabelPosition(0, [0, 1])).toBe('insideBottomRight');
    expect(referenceLabelPosition(-40, [-50, 100])).toBe('insideBottomRight');
    expect(referenceLabelPosition(0.5, [0, 1])).toBe('insideBottomRight');
  });

  it('puts the label below a line at or near the top, inside the plot', () => {
    expect(referenceLabelPosition(1, [0, 1])).toBe('insideTopRight');
    expect(referenceLabelPosition(90, [0, 100])).toBe('insideTopRight');
  });
});
