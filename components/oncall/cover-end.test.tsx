import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CoverEnd, ShiftEnd } from './cover-end';

describe('CoverEnd', () => {
  it('names the hand-off', () => {
    const html = renderToStaticMarkup(<CoverEnd until="2027-03-22T08:00:00.000Z" continues={false} />);
    expect(html).toContain('until <time dateTime="2027-03-22T08:00:00.000Z"');
  });

  it('names no time when the cover runs past the look-ahead: that end is not a hand-off', () => {
    const html = renderToStaticMarkup(<CoverEnd until="2027-03-22T08:00:00.000Z" continues />);
    expect(html).toBe('<span data-testid="cover-end">with no hand-off in the next 35 days</span>');
  });
});

describe('ShiftEnd', () => {
  it('is the hand-off itself', () => {
    const html = renderToStaticMarkup(<ShiftEnd end="2027-03-22T08:00:00.000Z" continues={false} />);
    expect(html).toMatch(/^<time dateTime="2027-03-22T08:00:00.000Z"/);
  });

  it('says no hand-off is due before an end that is only where the search stopped', () => {
    const html = renderToStaticMarkup(<ShiftEnd end="2027-01-25T04:15:31.690Z" continues />);
    expect(html).toMatch(
      /^<span data-testid="shift-end">no hand-off before <time dateTime="2027-01-25T04:15:31.690Z"/,
    );
  });
});
