import { describe, expect, it } from 'vitest';
import { historyHref, readHistorySearch } from './history-url';

describe('history URL', () => {
  it('round-trips matchers, quotes and braces included, and leaves empty parts out', () => {
    const search = {
      filter: '{alertname="HighCPUUsage",instance=~"db-.*"}',
      from: '2026-12-01T00:00:00.000Z',
      to: '',
    };
    const href = historyHref(search);
    expect(href).toBe(
      '/history?filter=%7Balertname%3D%22HighCPUUsage%22%2Cinstance%3D%7E%22db-.*%22%7D&from=2026-12-01T00%3A00%3A00.000Z',
    );
    expect(readHistorySearch(new URL(href, 'http://x').searchParams)).toEqual(search);
  });

  it('is the bare page for an empty search', () => {
    expect(historyHref({ filter: '', from: '', to: '' })).toBe('/history');
  });
});
