/**
 * The history page's state is its URL, `/history?filter=<matchers>&from=<ISO>&to=<ISO>`: the noise
 * reports link to exactly this shape, and a search can be shared. Empty parts are left out. Pure.
 *
 *   historyHref({filter: 'alertname="X"', from: '2026-12-01T00:00:00Z', to: ''})
 *     → '/history?filter=alertname%3D%22X%22&from=2026-12-01T00%3A00%3A00Z'
 *   readHistorySearch(new URLSearchParams('filter=a%3D%22b%22')) → {filter: 'a="b"', from: '', to: ''}
 */
export type HistorySearch = { filter: string; from: string; to: string };

export function historyHref(search: HistorySearch): string {
  const params = new URLSearchParams();
  for (const key of ['filter', 'from', 'to'] as const) if (search[key]) params.set(key, search[key]);
  return params.size ? `/history?${params}` : '/history';
}

export function readHistorySearch(params: URLSearchParams): HistorySearch {
  return { filter: params.get('filter') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
}
