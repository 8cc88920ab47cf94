import { describe, expect, it } from 'vitest';
import { grafanaExploreUrl, promDuration, prometheusGraphUrl } from './explore-links';

describe('promDuration', () => {
  it.each([
    [900, '15m'],
    [3600, '1h'],
    [6 * 3600, '6h'],
    [7 * 86_400, '7d'],
    [90, '90s'],
    [5400, '90m'],
  ])('%i s → %s', (seconds, text) => {
    expect(promDuration(seconds)).toBe(text);
  });
});

describe('prometheusGraphUrl', () => {
  it('opens the graph tab over the last range', () => {
    expect(prometheusGraphUrl('http://prom:9090', 'up == 0', { rangeSeconds: 3600 })).toBe(
      'http://prom:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=0&g0.range_input=1h',
    );
  });

  it('ends a zoomed window at its end, in UTC, behind a path prefix', () => {
    const url = new URL(
      prometheusGraphUrl('https://ops.example.com/prometheus', 'rate(x_total{a="b"}[5m]) > 3', {
        fromMs: Date.parse('2026-12-04T15:00:00Z'),
        toMs: Date.parse('2026-12-04T15:30:00Z'),
      }),
    );
    expect(url.pathname).toBe('/prometheus/graph');
    expect(url.searchParams.get('g0.expr')).toBe('rate(x_total{a="b"}[5m]) > 3');
    expect(url.searchParams.get('g0.range_input')).toBe('30m');
    expect(url.searchParams.get('g0.end_input')).toBe('2026-12-04 15:30:00');
  });
});

describe('grafanaExploreUrl', () => {
  const panes = (url: string) => {
    const parsed = new URL(url);
    expect(parsed.pathname.endsWith('/explore')).toBe(true);
    expect(parsed.searchParams.get('schemaVersion')).toBe('1');
    return JSON.parse(parsed.searchParams.get('panes') ?? '');
  };

  it('names the data source in the pane and the query when its uid is configured', () => {
    const url = grafanaExploreUrl(
      { url: 'https://grafana.example.com', datasourceUid: 'P1809F7CD0C75ACF3' },
      'up == 0',
      {
        rangeSeconds: 6 * 3600,
      },
    );
    expect(panes(url)).toEqual({
      vigil: {
        datasource: 'P1809F7CD0C75ACF3',
        queries: [
          { refId: 'A', expr: 'up == 0', datasource: { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' } },
        ],
        range: { from: 'now-6h', to: 'now' },
      },
    });
  });

  it('leaves the data source to Grafana’s default without a uid, and writes a zoomed window in ms', () => {
    const url = grafanaExploreUrl({ url: 'https://ops.example.com/grafana', datasourceUid: null }, 'up', {
      fromMs: 1_764_860_400_000,
      toMs: 1_764_862_200_000,
    });
    expect(url.startsWith('https://ops.example.com/grafana/explore?')).toBe(true);
    expect(panes(url)).toEqual({
      vigil: { queries: [{ refId: 'A', expr: 'up' }], range: { from: '1764860400000', to: '1764862200000' } },
    });
  });
});
