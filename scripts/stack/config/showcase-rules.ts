import type { AlertRule, RuleGroup } from './rules.js';

/**
 * Alerts only `npm run demo` adds to the stack's rules (startStack's `showcase`; the test stacks leave
 * them out, so no test counts them): a dozen firing alerts of several severities and teams, so grouping,
 * filtering and inhibition can be tried at once on a first run. Expressions are constants that stand in
 * for real services (checkout, queues, backups…), each alert carrying the labels a real one would:
 *
 * - HighErrorRate (critical) and HighLatency (warning) share `instance="checkout-1:8080"`: the stack's
 *   Alertmanager inhibits a warning while a critical fires on the same instance, so HighLatency shows
 *   as inhibited.
 * - HealthCheckFlapping fires for one minute in two (`time() % 120 < 60`), so it keeps resolving and
 *   firing again.
 * - QueueBacklogGrowing fires for two queues: a group of two.
 */

/** `vector(1)` carrying one `instance` label: a constant series per stand-in target. */
const on = (instance: string) => `label_replace(vector(1), "instance", "${instance}", "", "")`;

type Showcase = Omit<AlertRule, 'labels' | 'annotations'> & {
  severity: AlertRule['labels']['severity'];
  team: string;
  job: string;
  summary: string;
  description: string;
  runbook?: string;
};

const rule = ({ severity, team, job, summary, description, runbook, ...r }: Showcase): AlertRule => ({
  ...r,
  labels: { severity, team, job },
  annotations: { summary, description, ...(runbook ? { runbook_url: runbook } : {}) },
});

export const showcaseRuleGroups: readonly RuleGroup[] = [
  {
    name: 'showcase-payments',
    rules: [
      rule({
        alert: 'HighErrorRate',
        expr: on('checkout-1:8080'),
        severity: 'critical',
        team: 'payments',
        job: 'checkout',
        summary: 'Checkout answers 7 % of requests with a 5xx',
        description: 'checkout-1 has answered more than 5 % of requests with a server error for 5 minutes.',
        runbook: 'high-error-rate',
      }),
      rule({
        alert: 'HighLatency',
        expr: on('checkout-1:8080'),
        severity: 'warning',
        team: 'payments',
        job: 'checkout',
        summary: 'Checkout p99 latency is 2.4 s',
        description:
          'Inhibited while HighErrorRate fires on the same instance: the errors are the problem to chase.',
        runbook: 'slow-api',
      }),
    ],
  },
  {
    name: 'showcase-platform',
    rules: [
      rule({
        alert: 'QueueBacklogGrowing',
        expr: `${on('queue-1:9419')} or ${on('queue-2:9419')}`,
        severity: 'warning',
        team: 'platform',
        job: 'rabbitmq',
        summary: 'Queue {{ $labels.instance }} holds more messages every minute',
        description: 'Consumers of {{ $labels.instance }} fall behind: the backlog has grown for 10 minutes.',
      }),
      rule({
        alert: 'CertificateExpiringSoon',
        expr: on('shop.example.com:443'),
        severity: 'info',
        team: 'platform',
        job: 'blackbox',
        summary: 'The TLS certificate of shop.example.com expires in 12 days',
        description: 'Renewal is automatic; check it ran if this is still here next week.',
      }),
    ],
  },
  {
    name: 'showcase-data',
    rules: [
      rule({
        alert: 'BackupTooOld',
        expr: on('backup-1:9100'),
        severity: 'warning',
        team: 'data',
        job: 'backup',
        summary: 'The newest database backup is 29 hours old',
        description: 'The nightly backup did not succeed; until one does, a lost disk would lose data.',
        runbook: 'backup-failed',
      }),
      rule({
        alert: 'ReplicationLagHigh',
        expr: on('db-replica-1:5432'),
        severity: 'warning',
        team: 'data',
        job: 'postgres-replica',
        summary: 'db-replica-1 is 45 s behind the primary',
        description: 'Reads from the replica return stale data.',
      }),
    ],
  },
  {
    name: 'showcase-web',
    rules: [
      rule({
        alert: 'HealthCheckFlapping',
        expr: `(${on('web-1:8080')} * time() % 120) < 60`,
        severity: 'warning',
        team: 'web',
        job: 'web',
        summary: 'web-1 fails its health check on and off',
        description: 'Fires for one minute in every two: the demo’s flapping alert.',
      }),
      rule({
        alert: 'SearchIndexStale',
        expr: on('search-1:9200'),
        severity: 'info',
        team: 'web',
        job: 'search',
        summary: 'The search index was last rebuilt 3 hours ago',
        description: 'New products do not show in search until the next rebuild.',
      }),
      rule({
        alert: 'CacheHitRateLow',
        expr: on('cache-1:6379'),
        severity: 'info',
        team: 'web',
        job: 'redis',
        summary: 'cache-1 answers 61 % of lookups from memory',
        description: 'Below the usual 90 %: pages are slower, nothing is broken.',
      }),
    ],
  },
];
