import { describe, expect, it } from 'vitest';
import {
  type ReportsSearch,
  rangeProblem,
  readReportsSearch,
  reportsApiQuery,
  reportsHref,
} from './reports-url';

const read = (query: string, readerZone = 'UTC') => readReportsSearch(new URLSearchParams(query), readerZone);

describe('the reports URL', () => {
  it('round-trips a range, its zone, the grouping and the measure', () => {
    const search: ReportsSearch = {
      days: { firstDay: '2026-03-02', lastDay: '2026-03-29' },
      zone: 'Europe/Brussels',
      by: 'alertname',
      measure: 'resolve',
    };
    const href = reportsHref(search);
    expect(href).toBe(
      '/reports?from=2026-03-02&to=2026-03-29&zone=Europe%2FBrussels&by=alertname&measure=resolve',
    );
    expect(read(new URL(href, 'http://x').search)).toEqual({ search, notes: [] });
  });

  it('leaves the defaults out: the bare page is the rolling four weeks in the reader’s zone', () => {
    expect(reportsHref({ by: 'route', measure: 'acknowledge' })).toBe('/reports');
    expect(reportsHref({ by: 'team', measure: 'acknowledge' })).toBe('/reports?by=team');
    expect(read('')).toEqual({ search: { by: 'route', measure: 'acknowledge' }, notes: [] });
    // A form left blank sends empty values: they are no values, not mistakes.
    expect(read('from=&to=&by=&zone=')).toEqual({
      search: { by: 'route', measure: 'acknowledge' },
      notes: [],
    });
  });

  it('falls back, field by field, to the default of what it cannot read, and says so', () => {
    const { search, notes } = read(
      'from=2026-03-02&to=2026-03-29&by=severity&measure=close&zone=Mars/Olympus',
    );
    expect(search).toEqual({
      days: { firstDay: '2026-03-02', lastDay: '2026-03-29' },
      by: 'route',
      measure: 'acknowledge',
    });
    expect(notes).toEqual([
      'Unknown time zone "Mars/Olympus": use an IANA name such as "Europe/Brussels" or "America/New_York". Showing your time zone.',
      'by=severity: group by route, team or alertname. Grouped by route.',
      'measure=close: use acknowledge or resolve. Showing the time to acknowledge.',
    ]);
  });

  it('shows the default range for a range it cannot use, naming what is wrong with it', () => {
    const fallback = 'Showing the default range, the current week and the three before it.';
    const cases: [string, string][] = [
      [
        'from=2026-02-30&to=2026-03-29',
        `from=2026-02-30, to=2026-03-29: "2026-02-30" is not a day such as 2026-03-02. ${fallback}`,
      ],
      [
        'from=2026-03-02&to=29/03/2026',
        `from=2026-03-02, to=29/03/2026: "29/03/2026" is not a day such as 2026-03-02. ${fallback}`,
      ],
      [
        'from=2026-03-29&to=2026-03-02',
        `from=2026-03-29, to=2026-03-02: The first day is after the last. ${fallback}`,
      ],
      [
        'from=2025-01-01&to=2026-12-31',
        `from=2025-01-01, to=2026-12-31: A report covers at most 366 days. ${fallback}`,
      ],
      ['from=2026-03-02', `A range needs both from and to (days such as 2026-03-02). ${fallback}`],
      ['to=2026-03-02', `A range needs both from and to (days such as 2026-03-02). ${fallback}`],
    ];
    for (const [query, note] of cases) {
      const { search, notes } = read(`${query}&by=team`);
      expect(search, query).toEqual({ by: 'team', measure: 'acknowledge' });
      expect(notes, query).toEqual([note]);
    }
  });

  it('takes the first of repeated values, as URLSearchParams.get does', () => {
    expect(read('by=team&by=severity').search.by).toBe('team');
  });
});

describe('rangeProblem', () => {
  it('accepts a single day, a leap day and a whole (leap) year', () => {
    expect(rangeProblem({ firstDay: '2026-03-02', lastDay: '2026-03-02' }, 'UTC')).toBeUndefined();
    expect(rangeProblem({ firstDay: '2028-02-29', lastDay: '2028-02-29' }, 'UTC')).toBeUndefined();
    expect(rangeProblem({ firstDay: '2028-01-01', lastDay: '2028-12-31' }, 'UTC')).toBeUndefined(); // 366 days
    expect(rangeProblem({ firstDay: '2027-01-01', lastDay: '2028-01-01' }, 'UTC')).toBeUndefined();
    expect(rangeProblem({ firstDay: '2027-01-01', lastDay: '2028-01-02' }, 'UTC')).toBe(
      'A report covers at most 366 days.',
    );
  });

  it('measures the range as the API does, on its instants in the zone', () => {
    // São Paulo's last change was an hour back on 2019-02-17 (Brazil dropped daylight saving that
    // year), so these 366 local days are 366 days and an hour long: the API would refuse them.
    const days = { firstDay: '2018-11-05', lastDay: '2019-11-05' };
    expect(rangeProblem(days, 'UTC')).toBeUndefined();
    expect(rangeProblem(days, 'America/Sao_Paulo')).toBe('A report covers at most 366 days.');
    expect(read('from=2018-11-05&to=2019-11-05', 'America/Sao_Paulo').notes).toHaveLength(1);
  });
});

describe('reportsApiQuery', () => {
  it('sends the days as the instants that bound them in the link’s zone, else the reader’s', () => {
    const days = { firstDay: '2026-03-23', lastDay: '2026-03-29' };
    expect(reportsApiQuery({ days, by: 'route', measure: 'acknowledge' }, 'Europe/Brussels')).toEqual({
      zone: 'Europe/Brussels',
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z', // the spring-forward week: 167 hours
    });
    expect(
      reportsApiQuery({ days, zone: 'UTC', by: 'route', measure: 'acknowledge' }, 'Europe/Brussels'),
    ).toEqual({
      zone: 'UTC',
      from: '2026-03-23T00:00:00.000Z',
      to: '2026-03-30T00:00:00.000Z',
    });
  });

  it('sends no range for the server’s default', () => {
    expect(reportsApiQuery({ by: 'team', measure: 'resolve' }, 'Asia/Tokyo')).toEqual({ zone: 'Asia/Tokyo' });
  });
});
