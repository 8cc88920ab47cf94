import { describe, expect, it } from 'vitest';
import { exploreLinks } from './explore-links';

const server = { name: 'main', url: 'http://prom.internal:9090', timeoutMs: 5000 };
const generatorURL = 'https://prom.example.com/graph?g0.expr=up+%3D%3D+0&g0.tab=1';

describe('exploreLinks', () => {
  it('prefers the configured externalUrl and names the Grafana data source when configured', () => {
    expect(
      exploreLinks('main', generatorURL, {
        prometheus: [
          { ...server, externalUrl: 'https://ops.example.com/prometheus', grafanaDatasource: 'abc' },
        ],
        grafanaUrl: 'https://grafana.example.com',
      }),
    ).toEqual({
      prometheus: 'https://ops.example.com/prometheus',
      grafana: { url: 'https://grafana.example.com', datasourceUid: 'abc' },
    });
  });

  it('falls back to the generatorURL’s Prometheus, never to the server-side url, and has no Grafana unless configured', () => {
    expect(exploreLinks('main', generatorURL, { prometheus: [server] })).toEqual({
      prometheus: 'https://prom.example.com',
      grafana: null,
    });
    expect(exploreLinks('main', '', { prometheus: [server] }).prometheus).toBeNull();
  });

  it('opens Grafana’s default data source when the uid is not configured', () => {
    expect(
      exploreLinks(null, generatorURL, { prometheus: [server], grafanaUrl: 'https://g.example.com' }).grafana,
    ).toEqual({ url: 'https://g.example.com', datasourceUid: null });
  });
});
