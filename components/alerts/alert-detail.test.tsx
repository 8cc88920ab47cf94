import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { toAlertItem } from '@/lib/alerts/alert-items';
import { alertDetailOp } from '@/lib/alerts/api';
import type { AlertDetail } from '@/lib/alerts/api-schema';
import { ApiError } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query';
import { AlertDetailView } from './alert-detail';

/** The alert detail's loading, error, not-found and filled states, as the first render shows them. */

vi.mock('next/navigation', () => ({
  useRouter: () => ({ replace: () => {}, push: () => {}, refresh: () => {} }),
  useSearchParams: () => new URLSearchParams(),
  usePathname: () => '/alerts',
}));

const FINGERPRINT = 'a1';
const key = queryKeys.of(alertDetailOp, { params: { fingerprint: FINGERPRINT } });

const detail = (incident: AlertDetail['alert']['incident']): AlertDetail => ({
  alert: {
    ...toAlertItem({ ...makeAlert({ fingerprint: FINGERPRINT }), cluster: 'default', peers: ['p1'] }),
    incident,
  },
  expr: null,
  threshold: null,
  prometheus: null,
  links: { prometheus: null, grafana: null },
  silences: [],
  inhibitors: [],
  history: [],
});

async function render(state: { data?: AlertDetail; error?: ApiError }, canAct = false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, retryOnMount: false } } });
  if (state.data) client.setQueryData(key, state.data);
  if (state.error) {
    const error = state.error;
    await client.prefetchQuery({ queryKey: key, queryFn: () => Promise.reject(error) });
  }
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <AlertDetailView fingerprint={FINGERPRINT} canAct={canAct} />
    </QueryClientProvider>,
  );
}

describe('the alert detail', () => {
  it('says it is loading before the answer', async () => {
    expect(await render({})).toContain('Loading…');
  });

  it('says the alert is not firing any more when the API does not know it (404)', async () => {
    const html = await render({
      error: new ApiError(404, 'notfound', 'No Alertmanager holds an alert with fingerprint a1'),
    });
    expect(html).toContain('This alert is not firing any more (or never was).');
    expect(html).not.toContain('No Alertmanager holds');
  });

  it('shows another failure as the API says it', async () => {
    const html = await render({ error: new ApiError(503, 'unavailable', 'PostgreSQL did not answer.') });
    expect(html).toContain('PostgreSQL did not answer.');
  });

  it('shows the incident the alert is part of, and sends "open incident" there', async () => {
    const html = await render({ data: detail({ id: 'c1', ref: 'INC-3', title: 'Watchdog' }) }, true);
    expect(html).toMatch(/data-testid="incident-chip"[^>]*>.*?INC-3/);
    expect(html).toContain('href="/incidents/INC-3"');
    expect(html).toContain('Go to INC-3');
    expect(html).not.toContain('Open incident');
  });

  it('offers to open an incident for an alert in none', async () => {
    const html = await render({ data: detail(null) }, true);
    expect(html).not.toContain('incident-chip');
    expect(html).toContain('Open incident');
  });
});
