import { toYaml } from './yaml.js';

/** One Prometheus alerting rule, in the shape of a rule file. */
export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: {
    severity: 'critical' | 'warning' | 'info' | 'none';
    team?: string;
    instance?: string;
    job?: string;
  };
  /** `runbook_url`: a bare slug of runbooks/; left out where no runbook fits. */
  annotations: { summary: string; description: string; runbook_url?: string };
}

export interface RuleGroup {
  name: string;
  rules: AlertRule[];
}

// Modelled on the alerts of the teams Vigil is built for. `for` durations are
// short so that a test sees them fire within a minute or two; `runbook_url` is
// a bare slug that Vigil resolves to runbooks/<slug>.mdx.
export const demoRuleGroups: readonly RuleGroup[] = [
  {
    name: 'availability',
    rules: [
      {
        alert: 'InstanceDown',
        expr: 'up == 0',
        for: '30s',
        labels: { severity: 'critical' },
        annotations: {
          summary: 'Instance {{ $labels.instance }} is down',
          description:
            '{{ $labels.instance }} of job {{ $labels.job }} has not answered a scrape for more than 30 seconds.',
          runbook_url: 'instance-down',
        },
      },
    ],
  },
  {
    name: 'node',
    rules: [
      {
        alert: 'HighCPUUsage',
        // A 1m window instead of the usual 5m: with 5 s scrapes it has plenty of
        // samples and reacts while a demo still runs.
        expr: '100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m])) * 100) > 85',
        for: '1m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'High CPU usage on {{ $labels.instance }}',
          description:
            'CPU usage on {{ $labels.instance }} is {{ $value | printf "%.1f" }} % (threshold 85 %).',
          runbook_url: 'high-cpu-usage',
        },
      },
      {
        alert: 'HighMemoryUsage',
        expr: '(1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100 > 85',
        for: '1m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'High memory usage on {{ $labels.instance }}',
          description:
            'Memory usage on {{ $labels.instance }} is {{ $value | printf "%.1f" }} % (threshold 85 %).',
          runbook_url: 'high-memory-usage',
        },
      },
      {
        alert: 'DiskSpaceLow',
        // tmpfs and overlay are not disks an operator can free space on.
        expr: 'node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay"} * 100 < 10',
        for: '1m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'Disk space low on {{ $labels.instance }} ({{ $labels.mountpoint }})',
          description:
            'Only {{ $value | printf "%.1f" }} % is left on {{ $labels.mountpoint }} ({{ $labels.device }}) of {{ $labels.instance }}.',
          runbook_url: 'disk-space-low',
        },
      },
    ],
  },
  {
    name: 'postgresql',
    rules: [
      {
        alert: 'PostgreSQLDown',
        expr: 'pg_up == 0',
        for: '30s',
        labels: { severity: 'critical' },
        annotations: {
          summary: 'PostgreSQL is down on {{ $labels.instance }}',
          description:
            'postgres_exporter on {{ $labels.instance }} cannot reach its database for more than 30 seconds.',
          runbook_url: 'postgresql-down',
        },
      },
      {
        alert: 'HighDatabaseConnections',
        expr: 'sum by (instance) (pg_stat_activity_count) / on (instance) max by (instance) (pg_settings_max_connections) * 100 > 80',
        for: '1m',
        labels: { severity: 'warning' },
        annotations: {
          summary: 'PostgreSQL on {{ $labels.instance }} is running out of connections',
          description:
            '{{ $value | printf "%.0f" }} % of max_connections are in use on {{ $labels.instance }} (threshold 80 %).',
          runbook_url: 'high-database-connections',
        },
      },
    ],
  },
  {
    name: 'meta',
    rules: [
      {
        alert: 'Watchdog',
        // The dead man's switch: always firing. If it stops arriving, the
        // alerting pipeline itself is broken.
        expr: 'vector(1)',
        labels: { severity: 'none' },
        annotations: {
          summary: 'Alerting pipeline heartbeat',
          description:
            'This alert always fires. If it is missing, Prometheus, Alertmanager or the webhook to Vigil is broken.',
          runbook_url: 'watchdog',
        },
      },
    ],
  },
];

/** The rule file Prometheus loads: `{groups: [...]}` as YAML. */
export function rulesYaml(groups: readonly RuleGroup[] = demoRuleGroups): string {
  return toYaml({ groups });
}
