import { hostPort, type StackPorts } from './stack-ports.js';
import { vigilPath } from './vigil-url.js';
import { toYaml } from './yaml.js';

export interface PrometheusConfigInput {
  ports: StackPorts;
  vigilUrl: string;
  /** Absolute path of the rule file (promtool resolves relative ones against the config's folder). */
  rulesFile: string;
}

/**
 * prometheus.yml for the stack: 5 s scrape and evaluation so alerts fire within
 * a test's patience, both Alertmanager peers as targets (Prometheus sends every
 * alert to each of them: alerts are not gossiped), and one scrape job per
 * component plus a deliberately dead `api` target.
 */
export function prometheusConfigYaml({ ports, vigilUrl, rulesFile }: PrometheusConfigInput): string {
  const vigil = new URL(vigilUrl);
  const alertmanagers = ports.alertmanagers.map(hostPort);
  const staticJob = (job: string, targets: string[]) => ({ job_name: job, static_configs: [{ targets }] });

  return toYaml({
    global: {
      scrape_interval: '5s',
      // Prometheus rejects a scrape timeout longer than the interval.
      scrape_timeout: '4s',
      evaluation_interval: '5s',
    },
    rule_files: [rulesFile],
    alerting: {
      alertmanagers: [{ api_version: 'v2', static_configs: [{ targets: alertmanagers }] }],
    },
    scrape_configs: [
      staticJob('prometheus', [hostPort(ports.prometheus)]),
      staticJob('alertmanager', alertmanagers),
      staticJob('node', [hostPort(ports.nodeExporter)]),
      staticJob('postgres', [hostPort(ports.postgresExporter)]),
      {
        // The blackbox exporter's multi-target pattern: the probed URL travels
        // as ?target=, becomes the `instance` label, and the scrape itself goes
        // to the exporter.
        job_name: 'blackbox',
        metrics_path: '/probe',
        params: { module: ['http_2xx'] },
        static_configs: [{ targets: [vigilPath(vigilUrl, '/api/health')] }],
        relabel_configs: [
          { source_labels: ['__address__'], target_label: '__param_target' },
          { source_labels: ['__param_target'], target_label: 'instance' },
          { target_label: '__address__', replacement: hostPort(ports.blackboxExporter) },
        ],
      },
      {
        // Vigil's own metrics; down whenever Vigil is not running, which is fine.
        job_name: 'vigil',
        scheme: vigil.protocol.replace(':', ''),
        metrics_path: vigilPath(vigil.pathname, '/metrics'),
        static_configs: [{ targets: [vigil.host] }],
      },
      staticJob('api', [hostPort(ports.downTarget)]),
    ],
  });
}
