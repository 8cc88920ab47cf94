import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportsView } from './reports-view';

/** The page drawn from its URL, as a shared link or a reload first shows it. */

let search = new URLSearchParams();
vi.mock('next/navigation', () => ({
  useSearchParams: () => search,
  usePathname: () => '/reports',
  useRouter: () => ({ replace: () => {}, push: () => {}, prefetch: () => {} }),
}));

const NOW = Date.parse('2026-04-02T10:00:00Z'); // a Thursday

function render(query: string, readerZone = 'UTC') {
  search = new URLSearchParams(query);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <ReportsView profileZone={readerZone} nowMs={NOW} />
    </QueryClientProvider>,
  );
}

const inputValue = (html: string, id: string) =>
  html.match(new RegExp(`id="${id}"[^>]*value="([^"]*)"`))?.[1];
const csvHref = (html: string, report: string) =>
  new URL(
    (html.match(new RegExp(`href="([^"]*)"[^>]*data-testid="csv-${report}"`))?.[1] ?? '').replaceAll(
      '&amp;',
      '&',
    ),
    'http://x',
  ).searchParams;
const checked = (html: string, name: string) =>
  html.match(new RegExp(`name="${name}" checked="" value="([^"]+)"`))?.[1];

describe('the reports page from its URL', () => {
  beforeEach(() => {
    search = new URLSearchParams();
  });

  it('shows the range, zone, grouping and measure the link holds, and asks the reports for them', () => {
    const html = render('from=2026-03-23&to=2026-03-29&zone=Europe%2FBrussels&by=alertname&measure=resolve');
    expect(inputValue(html, 'report-from')).toBe('2026-03-23');
    expect(inputValue(html, 'report-to')).toBe('2026-03-29');
    expect(checked(html, 'response-by')).toBe('alert name');
    expect(checked(html, 'response-measure')).toBe('resolve');
    expect(html).toContain('times in Europe/Brussels, the link&#x27;s time zone; yours is UTC.');
    expect(html).toContain(
      'href="/reports?from=2026-03-23&amp;to=2026-03-29&amp;zone=UTC&amp;by=alertname&amp;measure=resolve">Count them in UTC</a>',
    );
    expect(Object.fromEntries(csvHref(html, 'noisiest-alerts'))).toEqual({
      zone: 'Europe/Brussels',
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(csvHref(html, 'incident-response-by-alertname').get('measure')).toBe('resolve');
    expect(html).not.toContain('reports-url-notes');
  });

  it('is the default four weeks in the reader’s zone without a range', () => {
    const html = render('', 'Europe/Brussels');
    expect(inputValue(html, 'report-from')).toBe('2026-03-09');
    expect(inputValue(html, 'report-to')).toBe('2026-04-02');
    expect(checked(html, 'response-by')).toBe('route');
    expect(html).toContain('your profile&#x27;s time zone.');
    expect(Object.fromEntries(csvHref(html, 'noisiest-alerts'))).toEqual({ zone: 'Europe/Brussels' });
  });

  it('says what it ignored in a hand-edited link and shows the defaults instead', () => {
    const html = render('from=2026-02-30&to=2026-03-29&by=severity');
    expect(html).toContain('data-testid="reports-url-notes"');
    expect(html).toContain('&quot;2026-02-30&quot; is not a day such as 2026-03-02.');
    expect(html).toContain('by=severity: group by route, team or alertname. Grouped by route.');
    expect(inputValue(html, 'report-from')).toBe('2026-03-09');
    expect(checked(html, 'response-by')).toBe('route');
    expect(csvHref(html, 'noisiest-alerts').has('from')).toBe(false);
  });
});
