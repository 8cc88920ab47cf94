import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { toAlertItem } from '@/lib/alerts/alert-items';
import { listAlertsOp } from '@/lib/alerts/api';
import type { AlertsResponse } from '@/lib/alerts/api-schema';
import { ApiError } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query';
import { AlertsView } from './alerts-view';
import { apiQuery, readViewState } from './view-state';

/** The alerts list's loading, empty, error and filled states, as the first render shows them. */

vi.mock('next/navigation', () => ({
  useSearchParams: () => new URLSearchParams(),
  usePathname: () => '/alerts',
  useRouter: () => ({ replace: () => {}, push: () => {}, refresh: () => {} }),
}));

const QUERY = apiQuery(readViewState(new URLSearchParams()));

const answer = (alerts: AlertsResponse['alerts']): AlertsResponse => ({
  alerts,
  groups: [],
  counts: {
    total: alerts.length,
    matching: alerts.length,
    groups: 0,
    bySeverity: {},
    byState: { active: alerts.length, silenced: 0, inhibited: 0, acknowledged: 0 },
  },
  page: { offset: 0, limit: 100 },
  fetchedAt: '2026-11-21T08:10:00.000Z',
  upstreams: [],
});

async function render(props: { initial?: AlertsResponse; error?: ApiError }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, retryOnMount: false } } });
  if (props.error) {
    const error = props.error;
    await client.prefetchQuery({
      queryKey: queryKeys.of(listAlertsOp, { query: QUERY }),
      queryFn: () => Promise.reject(error),
    });
  }
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <AlertsView
        initial={props.initial}
        initialQuery={QUERY}
        canAct={false}
        renderedAtMs={Date.parse('2026-12-04T03:10:00Z')}
      />
    </QueryClientProvider>,
  );
}

describe('the alerts list', () => {
  it('says it is loading before the first answer', async () => {
    expect(await render({})).toContain('Loading alerts…');
  });

  it('says so when no alert matches', async () => {
    const html = await render({ initial: answer([]) });
    expect(html).toContain('No alert matches this view.');
    expect(html).not.toContain('Loading alerts…');
  });

  it('shows the failure and what to do when the API refuses', async () => {
    const html = await render({
      error: new ApiError(
        502,
        'upstream',
        'Alertmanager 10.0.0.5:9093 refused the connection.',
        {},
        'Check ALERTMANAGER_URLS.',
      ),
    });
    expect(html).toContain('Alertmanager 10.0.0.5:9093 refused the connection.');
    expect(html).toContain('Check ALERTMANAGER_URLS.');
  });

  it('links an alert to its incident on its row', async () => {
    const alert = {
      ...toAlertItem({ ...makeAlert({ fingerprint: 'a1' }), cluster: 'default', peers: [] }),
      incident: { id: 'c1', ref: 'INC-3', title: 'Watchdog' },
    };
    const html = await render({ initial: answer([alert]) });
    const chip = /<a [^>]*data-testid="incident-chip"[^>]*>.*?<\/a>/.exec(html)?.[0] ?? '';
    expect(chip).toContain('href="/incidents/INC-3"');
    expect(chip).toContain('>INC-3</span>');
  });
});
