import { describe, expect, it } from 'vitest';
import { exprFromGeneratorUrl, prometheusBaseFromGeneratorUrl } from './generator-url';

describe('exprFromGeneratorUrl', () => {
  it('decodes g0.expr, reading "+" as a space', () => {
    expect(exprFromGeneratorUrl('http://prom:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1')).toBe('up == 0');
  });

  it('keeps quotes, braces and regexes of a real expression', () => {
    // As Prometheus 2.42 builds it (url.QueryEscape), for the HighCPUUsage rule.
    const url =
      'http://127.0.0.1:9090/graph?g0.expr=100+-+%28avg+by+%28instance%29+%28rate%28node_cpu_seconds_total%7Bmode%3D%22idle%22%7D%5B1m%5D%29%29+%2A+100%29+%3E+85&g0.tab=1';
    expect(exprFromGeneratorUrl(url)).toBe(
      '100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m])) * 100) > 85',
    );
  });

  it('works behind a path prefix (--web.external-url)', () => {
    expect(exprFromGeneratorUrl('https://ops.example.com/prometheus/graph?g0.expr=vector%281%29')).toBe(
      'vector(1)',
    );
  });

  it.each([
    ['no g0.expr', 'http://prom:9090/graph?g0.tab=1'],
    ['an empty g0.expr', 'http://prom:9090/graph?g0.expr=&g0.tab=1'],
    ['another expression slot only', 'http://prom:9090/graph?g1.expr=up'],
    ['an empty string', ''],
    ['not a URL', 'graph?g0.expr=up'],
  ])('returns undefined for %s', (_, url) => {
    expect(exprFromGeneratorUrl(url)).toBeUndefined();
  });
});

describe('prometheusBaseFromGeneratorUrl', () => {
  it.each([
    ['http://prom:9090/graph?g0.expr=up&g0.tab=1', 'http://prom:9090'],
    ['https://ops.example.com/prometheus/graph?g0.expr=vector%281%29', 'https://ops.example.com/prometheus'],
    ['https://example.com/alerts/1', undefined],
    ['javascript:alert(1)//graph', undefined],
    ['', undefined],
  ])('%s → %s', (url, base) => {
    expect(prometheusBaseFromGeneratorUrl(url)).toBe(base);
  });
});
