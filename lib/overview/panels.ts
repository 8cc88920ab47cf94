import type { PanelGroup } from '@/lib/config/panel-types';

/**
 * The built-in overview boards, modelled on the Grafana dashboards these teams build from
 * node_exporter, postgres_exporter, their services' own /metrics, cAdvisor and redis_exporter.
 */

const NODE = { exporter: 'node_exporter' };
const PG = { exporter: 'postgres_exporter' };
const FS = 'fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs"';

export const BUILTIN_PANEL_GROUPS: PanelGroup[] = [
  {
    id: 'system',
    title: 'System',
    optional: false,
    panels: [
      {
        id: 'cpu',
        title: 'CPU used',
        unit: 'percent',
        queries: [
          {
            expr: '100 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[$__rate])) * 100',
            legend: '{{instance}}',
          },
        ],
        thresholds: { warn: 80, crit: 90 },
        requires: { metric: 'node_cpu_seconds_total', ...NODE },
      },
      {
        id: 'memory',
        title: 'Memory used',
        unit: 'percent',
        queries: [
          {
            expr: '(1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100',
            legend: '{{instance}}',
          },
        ],
        thresholds: { warn: 85, crit: 95 },
        requires: { metric: 'node_memory_MemAvailable_bytes', ...NODE },
      },
      {
        id: 'disk',
        title: 'Disk used per mount',
        unit: 'percent',
        queries: [
          {
            expr: `(1 - node_filesystem_avail_bytes{${FS}} / node_filesystem_size_bytes{${FS}}) * 100`,
            legend: '{{instance}} {{mountpoint}}',
          },
        ],
        thresholds: { warn: 80, crit: 90 },
        requires: { metric: 'node_filesystem_avail_bytes', ...NODE },
      },
      {
        id: 'network',
        title: 'Network',
        unit: 'bytesPerSecond',
        queries: [
          {
            expr: 'sum by (instance) (rate(node_network_receive_bytes_total{device!="lo"}[$__rate]))',
            legend: '{{instance}} rx',
          },
          {
            expr: 'sum by (instance) (rate(node_network_transmit_bytes_total{device!="lo"}[$__rate]))',
            legend: '{{instance}} tx',
          },
        ],
        requires: { metric: 'node_network_receive_bytes_total', ...NODE },
      },
      {
        id: 'load',
        title: 'Load average',
        unit: 'count',
        queries: [
          { expr: 'node_load1', legend: '{{instance}} 1m' },
          { expr: 'node_load5', legend: '{{instance}} 5m' },
          { expr: 'node_load15', legend: '{{instance}} 15m' },
        ],
        requires: { metric: 'node_load1', ...NODE },
      },
    ],
  },
  {
    id: 'postgresql',
    title: 'PostgreSQL',
    optional: false,
    panels: [
      {
        id: 'connections',
        title: 'Connections vs max',
        unit: 'count',
        queries: [
          { expr: 'sum by (instance) (pg_stat_activity_count)', legend: '{{instance}} in use' },
          { expr: 'max by (instance) (pg_settings_max_connections)', legend: '{{instance}} max' },
        ],
        requires: { metric: 'pg_stat_activity_count', ...PG },
      },
      {
        id: 'cache-hit',
        title: 'Cache hit ratio',
        unit: 'ratio',
        queries: [
          {
            expr: 'sum by (instance) (rate(pg_stat_database_blks_hit[$__rate])) / (sum by (instance) (rate(pg_stat_database_blks_hit[$__rate])) + sum by (instance) (rate(pg_stat_database_blks_read[$__rate])))',
            legend: '{{instance}}',
          },
        ],
        thresholds: { warn: 0.95, crit: 0.9 },
        requires: { metric: 'pg_stat_database_blks_hit', ...PG },
      },
      {
        id: 'size',
        title: 'Database size',
        unit: 'bytes',
        queries: [{ expr: 'pg_database_size_bytes', legend: '{{datname}}' }],
        requires: { metric: 'pg_database_size_bytes', ...PG },
      },
      {
        id: 'transactions',
        title: 'Commits vs rollbacks',
        unit: 'perSecond',
        queries: [
          {
            expr: 'sum by (instance) (rate(pg_stat_database_xact_commit[$__rate]))',
            legend: '{{instance}} commits',
          },
          {
            expr: 'sum by (instance) (rate(pg_stat_database_xact_rollback[$__rate]))',
            legend: '{{instance}} rollbacks',
          },
        ],
        requires: { metric: 'pg_stat_database_xact_commit', ...PG },
      },
      {
        id: 'deadlocks',
        title: 'Deadlocks',
        unit: 'count',
        queries: [
          {
            expr: 'sum by (instance) (increase(pg_stat_database_deadlocks[$__rate]))',
            legend: '{{instance}}',
          },
        ],
        thresholds: { warn: 1 },
        requires: { metric: 'pg_stat_database_deadlocks', ...PG },
      },
    ],
  },
  {
    id: 'http',
    title: 'HTTP services',
    optional: false,
    panels: [
      {
        id: 'request-rate',
        title: 'Request rate',
        unit: 'perSecond',
        queries: [
          { expr: 'sum by (job) (rate(http_request_duration_seconds_count[$__rate]))', legend: '{{job}}' },
        ],
        requires: { metric: 'http_request_duration_seconds_count', exporter: "the service's own /metrics" },
      },
      {
        id: 'latency',
        title: 'Latency p50 / p95 / p99',
        unit: 'seconds',
        queries: [0.5, 0.95, 0.99].map((q) => ({
          expr: `histogram_quantile(${q}, sum by (le, job) (rate(http_request_duration_seconds_bucket[$__rate])))`,
          legend: `{{job}} p${Math.round(q * 100)}`,
        })),
        thresholds: { warn: 0.5, crit: 1 },
        requires: { metric: 'http_request_duration_seconds_bucket', exporter: "the service's own /metrics" },
      },
      {
        id: 'errors',
        title: '5xx ratio',
        unit: 'ratio',
        queries: [
          {
            // `or 0 * total`: a job with no 5xx at all has no 5xx series, and its ratio is 0, not missing
            // (the panel read "No data" for a healthy service).
            expr: '(sum by (job) (rate(http_request_duration_seconds_count{status=~"5.."}[$__rate])) or 0 * sum by (job) (rate(http_request_duration_seconds_count[$__rate]))) / sum by (job) (rate(http_request_duration_seconds_count[$__rate]))',
            legend: '{{job}}',
          },
        ],
        thresholds: { warn: 0.01, crit: 0.05 },
        requires: { metric: 'http_request_duration_seconds_count', exporter: "the service's own /metrics" },
      },
    ],
  },
  {
    id: 'containers',
    title: 'Containers',
    optional: true,
    panels: [
      {
        id: 'container-cpu',
        title: 'CPU per container',
        unit: 'perSecond',
        queries: [
          {
            expr: 'sum by (name) (rate(container_cpu_usage_seconds_total{name!=""}[$__rate]))',
            legend: '{{name}}',
          },
        ],
        requires: { metric: 'container_cpu_usage_seconds_total', exporter: 'cAdvisor' },
      },
      {
        id: 'container-memory',
        title: 'Memory per container',
        unit: 'bytes',
        queries: [
          { expr: 'sum by (name) (container_memory_working_set_bytes{name!=""})', legend: '{{name}}' },
        ],
        requires: { metric: 'container_memory_working_set_bytes', exporter: 'cAdvisor' },
      },
    ],
  },
  {
    id: 'redis',
    title: 'Redis',
    optional: true,
    panels: [
      {
        id: 'redis-clients',
        title: 'Connected clients',
        unit: 'count',
        queries: [{ expr: 'redis_connected_clients', legend: '{{instance}}' }],
        requires: { metric: 'redis_connected_clients', exporter: 'redis_exporter' },
      },
      {
        id: 'redis-memory',
        title: 'Memory used',
        unit: 'bytes',
        queries: [{ expr: 'redis_memory_used_bytes', legend: '{{instance}}' }],
        requires: { metric: 'redis_memory_used_bytes', exporter: 'redis_exporter' },
      },
      {
        id: 'redis-ops',
        title: 'Commands',
        unit: 'perSecond',
        queries: [{ expr: 'rate(redis_commands_processed_total[$__rate])', legend: '{{instance}}' }],
        requires: { metric: 'redis_commands_processed_total', exporter: 'redis_exporter' },
      },
    ],
  },
];
