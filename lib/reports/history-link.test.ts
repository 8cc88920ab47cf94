import { describe, expect, it } from 'vitest';
import { alertnamesMatcher, historyHref, labelMatchers } from './history-link';

const from = Date.parse('2026-03-02T00:00:00Z');
const to = Date.parse('2026-03-30T00:00:00Z');

describe('links to the history behind a report row', () => {
  it('writes Prometheus matchers, alertname first, and the exact /history URL shape', () => {
    const matchers = labelMatchers({ instance: 'db-1:9100', alertname: 'HighCPUUsage' });
    expect(matchers).toBe('{alertname="HighCPUUsage",instance="db-1:9100"}');
    expect(historyHref(matchers, from, to)).toBe(
      `/history?filter=${encodeURIComponent('{alertname="HighCPUUsage",instance="db-1:9100"}')}&from=2026-03-02T00:00:00.000Z&to=2026-03-30T00:00:00.000Z`,
    );
    const url = new URL(historyHref(matchers, from, to), 'http://x');
    expect(url.searchParams.get('filter')).toBe(matchers);
    expect(url.searchParams.get('from')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('escapes quotes, backslashes and newlines in values', () => {
    expect(labelMatchers({ alertname: 'A', summary: 'say "hi"\\\n' })).toBe(
      '{alertname="A",summary="say \\"hi\\"\\\\\\n"}',
    );
  });

  it('matches several alert names with an escaped alternation', () => {
    expect(alertnamesMatcher(['A'])).toBe('{alertname="A"}');
    expect(alertnamesMatcher(['A', 'B.c'])).toBe('{alertname=~"A|B\\\\.c"}');
    expect(alertnamesMatcher([])).toBe('{}');
  });
});
