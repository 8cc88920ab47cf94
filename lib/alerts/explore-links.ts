import type { VigilConfig } from '@/lib/config/load';
import { prometheusBaseFromGeneratorUrl } from '@/lib/prometheus/generator-url';
import type { AlertDetail } from './api-schema';

/**
 * Where a person may open an alert's expression (lib/prometheus/explore-links.ts builds the URLs): the
 * Prometheus that evaluates it at the address browsers reach — its configured `externalUrl`, else the
 * one its generatorURL names — and Grafana when configured. A server's `url` is never used: it may be
 * an address only Vigil reaches, and upstream addresses stay on the server. Pure.
 *
 *   exploreLinks('main', 'http://prom.internal:9090/graph?g0.expr=up', {prometheus: [{name: 'main', externalUrl: 'https://ops.example.com/prometheus'}]})
 *     → { prometheus: 'https://ops.example.com/prometheus', grafana: null }
 */
export function exploreLinks(
  server: string | null,
  generatorURL: string,
  cfg: Pick<VigilConfig, 'prometheus' | 'grafanaUrl'>,
): AlertDetail['links'] {
  const configured = cfg.prometheus.find((p) => p.name === server);
  return {
    prometheus: configured?.externalUrl ?? prometheusBaseFromGeneratorUrl(generatorURL) ?? null,
    grafana: cfg.grafanaUrl
      ? { url: cfg.grafanaUrl, datasourceUid: configured?.grafanaDatasource ?? null }
      : null,
  };
}
