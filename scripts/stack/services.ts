import { join } from 'node:path';
import { hostPort, httpUrl, type StackPorts } from './config/stack-ports.js';
import type { ConfigFiles } from './config/write-configs.js';
import { DEBIAN_BINARIES } from './debian-packages.js';

/** How to run one long-lived component, and the URL that answers 200 once it is ready. */
export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  baseUrl: string;
  readyUrl: string;
  /** True for the Alertmanager peers, whose cluster must form before the stack is ready. */
  clusterPeer: boolean;
}

export interface ServicesInput {
  dir: string;
  ports: StackPorts;
  configFiles: ConfigFiles;
  databaseUrl: string;
}

/** Command lines of Prometheus, both Alertmanager peers and the three exporters. */
export function serviceSpecs({ dir, ports, configFiles, databaseUrl }: ServicesInput): ServiceSpec[] {
  const prometheusUrl = httpUrl(ports.prometheus);
  const alertmanager = (index: 0 | 1): ServiceSpec => {
    const other = index === 0 ? 1 : 0;
    const url = httpUrl(ports.alertmanagers[index]);
    return {
      name: `alertmanager-${index + 1}`,
      command: DEBIAN_BINARIES.alertmanager.path,
      args: [
        `--config.file=${configFiles.alertmanager}`,
        `--storage.path=${join(dir, `alertmanager-${index + 1}`)}`,
        `--web.listen-address=${hostPort(ports.alertmanagers[index])}`,
        // Shown in webhooks (externalURL) and links: the default guesses the host name and port 9093.
        `--web.external-url=${url}`,
        `--cluster.listen-address=${hostPort(ports.gossip[index])}`,
        // Explicit, so memberlist does not go looking for a private IP that a sandbox may lack.
        `--cluster.advertise-address=${hostPort(ports.gossip[index])}`,
        `--cluster.peer=${hostPort(ports.gossip[other])}`,
      ],
      baseUrl: url,
      readyUrl: `${url}/-/ready`,
      clusterPeer: true,
    };
  };
  return [
    {
      name: 'prometheus',
      command: DEBIAN_BINARIES.prometheus.path,
      args: [
        `--config.file=${configFiles.prometheus}`,
        `--storage.tsdb.path=${join(dir, 'prometheus')}`,
        `--web.listen-address=${hostPort(ports.prometheus)}`,
        // Alerts' generatorURL is built from it: it must point at this Prometheus.
        `--web.external-url=${prometheusUrl}`,
        // Rules are evaluated before the notifier has discovered the Alertmanagers,
        // so an alert that fires at once (Watchdog) is first "sent" to nobody and,
        // with the default 1m resend delay, reaches them a minute late. 10 s cuts
        // that to seconds; Alertmanager deduplicates the extra resends.
        '--rules.alert.resend-delay=10s',
      ],
      baseUrl: prometheusUrl,
      readyUrl: `${prometheusUrl}/-/ready`,
      clusterPeer: false,
    },
    alertmanager(0),
    alertmanager(1),
    {
      name: 'node-exporter',
      command: DEBIAN_BINARIES.nodeExporter.path,
      args: [
        `--web.listen-address=${hostPort(ports.nodeExporter)}`,
        // Debian turns the systemd collector on; it needs systemd's D-Bus socket,
        // absent in containers and CI, and logs an error on every scrape.
        '--no-collector.systemd',
      ],
      baseUrl: httpUrl(ports.nodeExporter),
      readyUrl: `${httpUrl(ports.nodeExporter)}/metrics`,
      clusterPeer: false,
    },
    {
      name: 'postgres-exporter',
      command: DEBIAN_BINARIES.postgresExporter.path,
      args: [`--web.listen-address=${hostPort(ports.postgresExporter)}`],
      // The server listens on 127.0.0.1 only and has no certificate.
      env: { DATA_SOURCE_NAME: `${databaseUrl}?sslmode=disable` },
      baseUrl: httpUrl(ports.postgresExporter),
      readyUrl: `${httpUrl(ports.postgresExporter)}/metrics`,
      clusterPeer: false,
    },
    {
      name: 'blackbox-exporter',
      command: DEBIAN_BINARIES.blackboxExporter.path,
      args: [
        `--config.file=${configFiles.blackbox}`,
        `--web.listen-address=${hostPort(ports.blackboxExporter)}`,
      ],
      baseUrl: httpUrl(ports.blackboxExporter),
      readyUrl: `${httpUrl(ports.blackboxExporter)}/metrics`,
      clusterPeer: false,
    },
  ];
}
