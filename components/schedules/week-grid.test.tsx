import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DayList } from './day-list';
import { type TimelineShift, viewRange } from './timeline';
import type { TimelineRow } from './timeline-rows';
import { WeekGrid } from './week-grid';

const shift = (
  userId: string,
  name: string,
  start: string,
  end: string,
  override = false,
): TimelineShift => ({
  userId,
  name,
  start,
  end,
  source: override ? { kind: 'override', overrideId: 'o1' } : { kind: 'layer', layerId: 'l1' },
});

// The week of the 2027-03-28 change; a weekly 09:00 Brussels hand-off on Monday 22 March.
const week = viewRange('week', '2027-03-22', 'Europe/Brussels').days;
const rows: TimelineRow[] = [
  {
    key: 'final',
    label: 'On call',
    shifts: [
      shift('u-ann', 'Ann', '2027-03-15T08:00:00Z', '2027-03-22T08:00:00Z'),
      shift('u-bob', 'Bob', '2027-03-22T08:00:00Z', '2027-03-28T06:00:00Z'),
      shift('u-cat', '<b>Cat</b>', '2027-03-28T06:00:00Z', '2027-03-28T12:00:00Z', true),
    ],
  },
  {
    key: 'l1',
    label: 'Primary',
    shifts: [shift('u-bob', 'Bob', '2027-03-22T08:00:00Z', '2027-03-29T07:00:00Z')],
  },
];

describe('WeekGrid', () => {
  const html = renderToStaticMarkup(<WeekGrid days={week} rows={rows} zone="Europe/Brussels" />);

  it('draws a column per day and a row of cells for the final shifts and each layer', () => {
    expect(html).toContain('Mon 22 Mar');
    expect(html).toContain('Sun 28 Mar');
    expect(html.match(/data-row="final"/g)).toHaveLength(7);
    expect(html.match(/data-row="l1"/g)).toHaveLength(7);
  });

  it('writes the hand-off time where a shift starts, in the zone given', () => {
    expect(html).toMatch(/09:00 <\/span>Bob/);
  });

  it('places bars over the 23-hour Sunday and marks the override', () => {
    // Bob until 08:00 CEST: 7 of the day's 23 hours; the override from there on to 14:00 CEST.
    const sunday = html.slice(html.indexOf('data-row="final" data-date="2027-03-28"'));
    expect(sunday).toContain(`width:${(7 / 23) * 100}%`);
    expect(sunday).toContain('border-dashed');
    expect(sunday).toContain('(override)');
  });

  it('shows names as text, never as HTML', () => {
    expect(html).not.toContain('<b>Cat</b>');
    expect(html).toContain('&lt;b&gt;Cat&lt;/b&gt;');
  });
});

describe('DayList', () => {
  it('lists each day’s people with from–until, and the layers beneath', () => {
    const html = renderToStaticMarkup(<DayList days={week} rows={rows} zone="Europe/Brussels" />);
    expect(html).toMatch(/…–09:00<\/span><span class="font-medium">Ann/);
    expect(html).toMatch(/09:00–…<\/span><span class="font-medium">Bob/);
    expect(html).toContain('Primary: Bob');
    expect(html).toContain('override');
  });

  it('in a month view, leaves out the days of the months around it', () => {
    const month = viewRange('month', '2027-03-01', 'UTC').days;
    const html = renderToStaticMarkup(<DayList days={month} rows={rows} zone="UTC" month="2027-03" />);
    expect(html).toContain('data-date="2027-03-31"');
    expect(html).not.toContain('data-date="2027-04-01"');
  });
});
