import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { PanelGroup } from '@/lib/config/panel-types';
import type { Env } from '@/lib/env';
import {
  type ChannelConfig,
  type FileConfig,
  fileConfigSchema,
  type GatewayFileConfig,
  type UpstreamAuth,
} from './schema';

export type PrometheusServer = {
  name: string;
  url: string;
  auth?: UpstreamAuth;
  timeoutMs: number;
  /** For browsers' links only (see `externalUrl` in ./schema.ts). */
  externalUrl?: string;
  grafanaDatasource?: string;
};
export type AlertmanagerCluster = { name: string; peers: string[]; auth?: UpstreamAuth; timeoutMs: number };
export type LokiServer = { url: string; tenant?: string; auth?: UpstreamAuth; timeoutMs: number };
/**
 * A level of the default escalation policy. `schedules` (slugs) and `users` (e-mails) name whom it
 * pages besides the channels in `targets`; start-up resolves them to ids (lib/escalation/policy.ts).
 */
export type EscalationLevelConfig = {
  level: number;
  name: string;
  delaySeconds: number;
  targets: string[];
  schedules?: string[];
  users?: string[];
};

/**
 * An SMS or voice gateway with its form template filled in (DEFAULT_FORMS unless the file gives one).
 */
type GatewayConfig = Omit<GatewayFileConfig, 'form'> & { form: Record<string, string> };

/** Twilio's Messages and Calls APIs, the shape most SMS/voice gateways copy. */
const DEFAULT_FORMS = {
  sms: { To: '{{to}}', From: '{{from}}', Body: '{{message}}' },
  voice: { To: '{{to}}', From: '{{from}}', Twiml: '<Response><Say>{{messageXml}}</Say></Response>' },
};

const gateway = (g: GatewayFileConfig | undefined, kind: 'sms' | 'voice'): GatewayConfig | undefined =>
  g ? { ...g, form: g.form ?? DEFAULT_FORMS[kind] } : undefined;

export type VigilConfig = {
  prometheus: PrometheusServer[];
  alertmanagers: AlertmanagerCluster[];
  loki?: LokiServer;
  channels: ChannelConfig[];
  smtp?: FileConfig['smtp'];
  sms?: GatewayConfig;
  voice?: GatewayConfig;
  /** People's contact methods (see `contactMethods` in ./schema.ts). */
  contactMethods: { allowHttpHosts: string[]; slackApiUrl: string };
  /** Web Push endpoints (see `push` in ./schema.ts). */
  push: { allowHosts: string[] };
  escalation: { levels: EscalationLevelConfig[]; autoIncidentMatch: Record<string, string> };
  pollIntervalSeconds: number;
  /**
   * Whether an acknowledgement silences its alert by default, and for how long at first; how often
   * whoever acknowledged an incident whose alerts still fire is reminded (0: never;
   * lib/escalation/reminders.ts).
   */
  acknowledgement: { silence: boolean; durationSeconds: number; remindAfterSeconds: number };
  /**
   * Silence hygiene (lib/incidents/silence-list.ts, silence-reminders.ts): an active silence that still
   * mutes firing alerts and ends within `expiringSoonSeconds` is flagged, bannered and its creator
   * reminded; one running longer than `longLivedSeconds` is listed as long-lived.
   */
  silences: { expiringSoonSeconds: number; longLivedSeconds: number };
  /** An alert that changed state `threshold` times within `windowSeconds` is flapping (lib/alerts/flapping.ts). */
  flapping: { windowSeconds: number; threshold: number };
  /** Overview boards declared in VIGIL_CONFIG (the built-in ones are in lib/overview/panels.ts). */
  panelGroups: PanelGroup[];
  /** How long each kind of history is kept, in seconds; null keeps it forever (lib/retention/). */
  retentionSeconds: RetentionSeconds;
  /** The lifetime of new API tokens: the default and the longest a caller may ask for. */
  apiTokens: { defaultExpiryDays: number };
  /** Limits of the queries people type (see `queries` in ./schema.ts). */
  queries: QueryLimits;
  /** Vigil watching the alerting pipeline (see `pipelineWatch` in ./schema.ts). */
  pipelineWatch: PipelineWatchConfig;
  /** Grafana as browsers reach it, for "Open in Grafana Explore" links (none when unset). */
  grafanaUrl?: string;
  /** Signed action links (see `actions` in ./schema.ts); no publicUrl: links use the request's origin. */
  actions: { publicUrl?: string; freshForSeconds: number; expiresAfterSeconds: number };
  /** Slack interactivity; absent: Slack button requests are refused. */
  slack?: { signingSecret: string };
};

/** One cluster's heartbeat: the labels of the always-firing alert and how long it may be missing. */
type HeartbeatConfig = { match: Record<string, string>; missingAfterSeconds: number };

export type PipelineWatchConfig = {
  /** Per cluster name; a cluster whose heartbeat is turned off is absent. */
  heartbeats: Record<string, HeartbeatConfig>;
  clusterUnreachableSeconds: number;
  prometheusUnreachableSeconds: number;
  startupGraceSeconds: number;
  outboundHeartbeat: { url: string; intervalSeconds: number; reportFailure: boolean } | null;
};

/** A cluster's heartbeat when VIGIL_CONFIG says nothing about it (the shorthand cluster too). */
const DEFAULT_HEARTBEAT: HeartbeatConfig = {
  match: { alertname: 'Watchdog' },
  missingAfterSeconds: 300,
};

type QueryLimits = {
  perUserConcurrency: number;
  maxRangeSeconds: number;
  maxAnswerBytes: number;
  cacheBytes: number;
};

/** The query limits when VIGIL_CONFIG sets none (see `queries` in ./schema.ts). */
const DEFAULT_QUERIES = {
  perUserConcurrency: 4,
  maxRangeDays: 32,
  maxAnswerBytes: 10 * 1024 * 1024,
  cacheBytes: 64 * 1024 * 1024,
};

export type RetentionSeconds = Record<keyof NonNullable<FileConfig['retention']>, number | null>;

const DAY = 86_400;

/**
 * Kept long enough for yearly reviews (alert history 400 days, resolved incidents' timelines two
 * years), the audit log longest (three years, as audits look back); sign-in attempts only feed the
 * sign-in limits, and sent notifications are already on their incident's timeline.
 */
export const DEFAULT_RETENTION: RetentionSeconds = {
  alertEvents: 400 * DAY,
  auditLog: 1095 * DAY,
  notifications: 180 * DAY,
  signInAttempts: 30 * DAY,
  timelineOfResolvedIncidents: 730 * DAY,
};

export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`VIGIL_CONFIG ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigFileError';
  }
}

/**
 * The escalation levels these teams run when the config declares none: an automatic chat message,
 * then whoever is on call on the schedule "sre-on-call", then on "lead-engineer", then the CTO. Until
 * schedules with those slugs exist (and channels are declared) the levels still rise and show on the
 * timeline, saying nobody was reached; a schedule created later is paged from then on.
 */
export const DEFAULT_ESCALATION: EscalationLevelConfig[] = [
  { level: 1, name: 'L1 automatic chat message', delaySeconds: 0, targets: [] },
  { level: 2, name: 'L2 on-call SRE', delaySeconds: 5 * 60, targets: [], schedules: ['sre-on-call'] },
  { level: 3, name: 'L3 lead engineer', delaySeconds: 15 * 60, targets: [], schedules: ['lead-engineer'] },
  { level: 4, name: 'L4 CTO', delaySeconds: 30 * 60, targets: [] },
];

function issuesToLines(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
}

/** Parses the YAML text of a VIGIL_CONFIG file. Pure: the caller reads the file. */
export function parseConfigFile(file: string, text: string): FileConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (e) {
    throw new ConfigFileError(file, [`not valid YAML: ${(e as Error).message}`]);
  }
  const result = fileConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigFileError(file, issuesToLines(result.error.issues));
  return result.data;
}

/**
 * Merges the config file (if any) with the shorthand variables. The shorthand adds one Prometheus
 * named "default" and one Alertmanager cluster named "default" unless the file already declares one
 * with that name.
 */
export function buildConfig(env: Env, file?: FileConfig): VigilConfig {
  const defaultTimeoutMs = (file?.upstreamTimeout ?? env.VIGIL_UPSTREAM_TIMEOUT_SECONDS) * 1000;
  const timeoutMs = (u: { timeout?: number }) => (u.timeout ? u.timeout * 1000 : defaultTimeoutMs);
  const prometheus: PrometheusServer[] = (file?.prometheus ?? []).map((p) => ({
    ...p,
    timeoutMs: timeoutMs(p),
  }));
  if (env.PROMETHEUS_URL && !prometheus.some((p) => p.name === 'default'))
    prometheus.unshift({
      name: 'default',
      url: env.PROMETHEUS_URL,
      timeoutMs: defaultTimeoutMs,
      externalUrl: env.PROMETHEUS_EXTERNAL_URL,
      grafanaDatasource: env.GRAFANA_DATASOURCE_UID,
    });
  const alertmanagers: AlertmanagerCluster[] = (file?.alertmanagers ?? []).map(({ heartbeat: _, ...a }) => ({
    ...a,
    timeoutMs: timeoutMs(a),
  }));
  if (env.ALERTMANAGER_URLS && !alertmanagers.some((a) => a.name === 'default'))
    alertmanagers.unshift({ name: 'default', peers: env.ALERTMANAGER_URLS, timeoutMs: defaultTimeoutMs });
  const loki: LokiServer | undefined = file?.loki
    ? { ...file.loki, timeoutMs: timeoutMs(file.loki) }
    : env.LOKI_URL
      ? { url: env.LOKI_URL, tenant: env.LOKI_TENANT, timeoutMs: defaultTimeoutMs }
      : undefined;
  if (prometheus.length === 0 || alertmanagers.length === 0)
    throw new ConfigFileError(
      env.VIGIL_CONFIG ?? '(none)',
      [
        prometheus.length === 0
          ? 'no Prometheus server: set PROMETHEUS_URL or declare prometheus: in the file'
          : '',
        alertmanagers.length === 0
          ? 'no Alertmanager cluster: set ALERTMANAGER_URLS or declare alertmanagers: in the file'
          : '',
      ].filter(Boolean),
    );
  return {
    prometheus,
    alertmanagers,
    loki,
    grafanaUrl: file?.grafanaUrl ?? env.GRAFANA_URL,
    channels: file?.channels ?? [],
    smtp: file?.smtp,
    sms: gateway(file?.sms, 'sms'),
    voice: gateway(file?.voice, 'voice'),
    contactMethods: {
      allowHttpHosts: file?.contactMethods?.allowHttpHosts ?? [],
      slackApiUrl: file?.contactMethods?.slackApiUrl ?? 'https://slack.com/api',
    },
    push: { allowHosts: file?.push?.allowHosts ?? [] },
    escalation: {
      levels: file?.escalation
        ? file.escalation.levels.map((l) => ({
            level: l.level,
            name: l.name,
            delaySeconds: l.delay,
            targets: l.targets,
            schedules: l.schedules,
            users: l.users,
          }))
        : DEFAULT_ESCALATION,
      autoIncidentMatch: file?.escalation?.autoIncident?.matchLabels ?? { severity: 'critical' },
    },
    pollIntervalSeconds: file?.pollInterval ?? env.VIGIL_POLL_INTERVAL_SECONDS,
    acknowledgement: {
      silence: file?.acknowledgement?.silence ?? true,
      durationSeconds: file?.acknowledgement?.duration ?? 3600,
      remindAfterSeconds: file?.acknowledgement?.remindAfter ?? 3600,
    },
    silences: {
      expiringSoonSeconds: file?.silences?.expiringSoon ?? 3600,
      longLivedSeconds: file?.silences?.longLived ?? 7 * 86_400,
    },
    flapping: {
      windowSeconds: file?.flapping?.window ?? 3600,
      threshold: file?.flapping?.threshold ?? 4,
    },
    panelGroups: file?.panels ?? [],
    retentionSeconds: retentionSeconds(file?.retention),
    apiTokens: { defaultExpiryDays: file?.apiTokens?.defaultExpiryDays ?? 90 },
    queries: queryLimits(file?.queries ?? DEFAULT_QUERIES),
    pipelineWatch: pipelineWatch(alertmanagers, file, env),
    actions: {
      publicUrl: file?.actions?.publicUrl,
      freshForSeconds: file?.actions?.freshFor ?? 3600,
      expiresAfterSeconds: file?.actions?.expiresAfter ?? 86_400,
    },
    slack: file?.slack,
  };
}

function pipelineWatch(
  clusters: readonly AlertmanagerCluster[],
  file: FileConfig | undefined,
  env: Env,
): PipelineWatchConfig {
  const heartbeats: Record<string, HeartbeatConfig> = {};
  for (const cluster of clusters) {
    const declared = file?.alertmanagers.find((a) => a.name === cluster.name)?.heartbeat;
    if (declared?.enabled === false) continue;
    heartbeats[cluster.name] = declared
      ? { match: declared.match, missingAfterSeconds: declared.missingAfter }
      : DEFAULT_HEARTBEAT;
  }
  const watch = file?.pipelineWatch;
  const outbound = watch?.outboundHeartbeat;
  const url = outbound?.url ?? env.VIGIL_HEARTBEAT_URL;
  return {
    heartbeats,
    clusterUnreachableSeconds: watch?.clusterUnreachableAfter ?? 300,
    prometheusUnreachableSeconds: watch?.prometheusUnreachableAfter ?? 300,
    startupGraceSeconds: watch?.startupGrace ?? 120,
    outboundHeartbeat: url
      ? {
          url,
          intervalSeconds: outbound?.interval ?? 60,
          reportFailure: outbound?.reportFailure ?? false,
        }
      : null,
  };
}

function queryLimits({ maxRangeDays, ...rest }: typeof DEFAULT_QUERIES): QueryLimits {
  return { ...rest, maxRangeSeconds: maxRangeDays * 86_400 };
}

/** The file's retention periods over the defaults (a period the file leaves out keeps its default). */
function retentionSeconds(file: FileConfig['retention']): RetentionSeconds {
  const periods = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(periods) as (keyof RetentionSeconds)[]) {
    const period = file?.[key];
    if (period !== undefined) periods[key] = period;
  }
  return periods;
}

/** Reads VIGIL_CONFIG (when set) and builds the config. */
export function loadConfig(env: Env): VigilConfig {
  if (!env.VIGIL_CONFIG) return buildConfig(env);
  let text: string;
  try {
    text = readFileSync(env.VIGIL_CONFIG, 'utf8');
  } catch (e) {
    throw new ConfigFileError(env.VIGIL_CONFIG, [
      `cannot be read: ${(e as NodeJS.ErrnoException).code ?? e}`,
    ]);
  }
  return buildConfig(env, parseConfigFile(env.VIGIL_CONFIG, text));
}
