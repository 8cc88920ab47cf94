import { describe, expect, it } from 'vitest';
import { viewParams } from './view-params';

describe('viewParams', () => {
  it('keeps a known view and a real date', () => {
    expect(viewParams({ view: 'month', from: '2027-03-22' })).toEqual({ view: 'month', from: '2027-03-22' });
    expect(viewParams({ view: ['week', 'month'], from: '2028-02-29' })).toEqual({
      view: 'week',
      from: '2028-02-29',
    });
  });

  it('falls back to the week holding today', () => {
    expect(viewParams({})).toEqual({ view: 'week', from: undefined });
    expect(viewParams({ view: 'year', from: '2027-02-30' })).toEqual({ view: 'week', from: undefined });
    expect(viewParams({ from: '22/03/2027' })).toEqual({ view: 'week', from: undefined });
  });
});
