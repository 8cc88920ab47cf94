import type { AlertmanagerCluster, LokiServer, PrometheusServer } from '@/lib/config/load';
import type { UpstreamTarget } from './http';

/** Request targets from the configuration. Pure: the caller passes the config. */

export function prometheusTarget(server: PrometheusServer): UpstreamTarget {
  return {
    source: 'prometheus',
    name: server.name,
    baseUrl: server.url,
    auth: server.auth,
    timeoutMs: server.timeoutMs,
    configHint: server.name === 'default' ? 'PROMETHEUS_URL' : `prometheus "${server.name}" in VIGIL_CONFIG`,
  };
}

/** One target per HA peer, in the configured order (writes try them in that order). */
export function alertmanagerPeerTargets(cluster: AlertmanagerCluster): UpstreamTarget[] {
  return cluster.peers.map((peer, i) => ({
    source: 'alertmanager',
    name: `${cluster.name} peer ${i + 1}`,
    baseUrl: peer,
    auth: cluster.auth,
    timeoutMs: cluster.timeoutMs,
    configHint:
      cluster.name === 'default' ? 'ALERTMANAGER_URLS' : `alertmanagers "${cluster.name}" in VIGIL_CONFIG`,
  }));
}

export function lokiTarget(loki: LokiServer): UpstreamTarget {
  return {
    source: 'loki',
    name: 'default',
    baseUrl: loki.url,
    auth: loki.auth,
    // Multi-tenant Loki refuses requests without a tenant.
    headers: loki.tenant ? { 'X-Scope-OrgID': loki.tenant } : undefined,
    timeoutMs: loki.timeoutMs,
    configHint: 'LOKI_URL',
  };
}
