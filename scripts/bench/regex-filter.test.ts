import { describe, expect, it } from 'vitest';
import { placeIn } from './regex-filter';

describe('placeIn', () => {
  it('names the last request sent by then and how long before', () => {
    expect(placeIn([100, 250, 400], 260)).toEqual({ duringRequest: 2, intoRequestMs: 10 });
    expect(placeIn([100, 250, 400], 250)).toEqual({ duringRequest: 2, intoRequestMs: 0 });
    expect(placeIn([100, 250, 400], 900.4)).toEqual({ duringRequest: 3, intoRequestMs: 500 });
  });

  it('says 0 for a probe sent before the first request', () => {
    expect(placeIn([100, 250], 40)).toEqual({ duringRequest: 0, intoRequestMs: 0 });
    expect(placeIn([], 40)).toEqual({ duringRequest: 0, intoRequestMs: 0 });
  });
});
