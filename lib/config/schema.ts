import { z } from 'zod';
import { panelGroupSchema } from '@/lib/config/panel-types';

/**
 * The VIGIL_CONFIG YAML file. Everything here can also be given in the single-URL shorthand variables
 * (PROMETHEUS_URL, ALERTMANAGER_URLS, LOKI_URL, LOKI_TENANT), which describe one of each.
 *
 *   prometheus:
 *     - name: main
 *       url: http://prometheus:9090
 *       auth: { type: bearer, token: "…" }
 *       externalUrl: https://ops.example.com/prometheus   # what browsers reach, for "Open in Prometheus"
 *       grafanaDatasource: P1809F7CD0C75ACF3               # its data source uid in Grafana (optional)
 *   grafanaUrl: https://grafana.example.com               # adds "Open in Grafana Explore" to alert graphs
 *   alertmanagers:
 *     - name: prod
 *       peers: [http://am-1:9093, http://am-2:9093]
 *       auth: { type: basic, username: vigil, password: "…" }
 *       heartbeat: { match: { alertname: Watchdog }, missingAfter: 5m }   # or { enabled: false }
 *   pipelineWatch:
 *     clusterUnreachableAfter: 5m
 *     prometheusUnreachableAfter: 5m
 *     startupGrace: 2m
 *     outboundHeartbeat: { url: https://hc-ping.com/…, interval: 60s, reportFailure: true }
 *   loki: { url: http://loki:3100, tenant: ops, timeout: 10s }
 *   pollInterval: 10s
 *   upstreamTimeout: 5s
 *   channels:
 *     - { name: ops-chat, type: slack, url: https://hooks.slack.com/services/… }
 *     - { name: sre-mail, type: email, to: [sre@example.com] }
 *   smtp: { host: mail.example.com, port: 587, from: vigil@example.com }
 *   sms: { url: https://api.twilio.com/2010-04-01/Accounts/AC…/Messages.json, from: "+15550100",
 *          auth: { type: basic, username: AC…, password: "…" } }
 *   voice: { url: https://api.twilio.com/2010-04-01/Accounts/AC…/Calls.json, from: "+15550100", auth: … }
 *   contactMethods: { allowHttpHosts: [ntfy.lan] }
 *   push: { allowHosts: [push.lan:8443] }   # push endpoints allowed on an internal address or plain http
 *   panels:
 *     - id: security
 *       title: Security
 *       panels:
 *         - id: failed-logins
 *           title: Failed logins
 *           unit: perSecond
 *           queries: [{ expr: 'sum(rate(auth_failures_total[$__rate]))', legend: failed }]
 *   acknowledgement: { silence: true, duration: 1h, remindAfter: 1h }
 *   silences: { expiringSoon: 1h, longLived: 7d }
 *   flapping: { window: 1h, threshold: 4 }
 *   retention: { alertEvents: 400d, auditLog: forever, signInAttempts: 30d }
 *   apiTokens: { defaultExpiryDays: 90 }
 *   actions: { publicUrl: https://vigil.example.com, freshFor: 1h, expiresAfter: 24h }
 *   slack: { signingSecret: "…" }          # Slack app's signing secret, for the buttons on pages
 *   queries: { perUserConcurrency: 4, maxRangeDays: 32, maxAnswerBytes: 10485760, cacheBytes: 67108864 }
 *   escalation:
 *     levels:   # the "default" escalation policy (read-only in the API; others are made there)
 *       - { level: 1, name: Chat, delay: 0s, targets: [ops-chat] }
 *       - { level: 2, name: On-call SRE, delay: 5m, schedules: [sre-primary] }      # a schedule's slug
 *       - { level: 3, name: Lead engineer, delay: 15m, users: [lead@example.com] }   # a user's e-mail
 *     autoIncident: { matchLabels: { severity: critical } }   # seeds the "auto-incident" route once
 */

const url = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { error: 'must be an http(s) URL' })
  .transform((v) => v.replace(/\/+$/, ''));

const name = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, {
    error: 'must be letters, digits, "-", "_" or "." (it appears in URLs)',
  });

const upstreamAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('basic'), username: z.string().min(1), password: z.string() }),
  z.object({ type: z.literal('bearer'), token: z.string().min(1) }),
]);
export type UpstreamAuth = z.infer<typeof upstreamAuthSchema>;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "90s", "5m", "1h", "30d" → seconds. */
const durationSchema = z
  .union([
    z.number().int().nonnegative(),
    z.string().regex(/^\d+(s|m|h|d)$/, { error: 'must look like 30s, 5m, 1h or 30d' }),
  ])
  .transform((v) => {
    if (typeof v === 'number') return v;
    return Number.parseInt(v, 10) * UNIT_SECONDS[v.at(-1) as keyof typeof UNIT_SECONDS];
  });

/**
 * How long rows are kept: a duration of at least a day (a mistyped `30m` must not empty the audit log),
 * or `forever` (null: never pruned).
 */
const retentionPeriod = z.union([
  z.literal('forever').transform(() => null),
  durationSchema.refine((s) => s >= UNIT_SECONDS.d, { error: 'must be at least 1d (or forever)' }),
]);

/** A per-upstream request deadline, e.g. `timeout: 10s`. */
const timeout = durationSchema.optional();

/**
 * The always-firing alert that proves Prometheus → Alertmanager → Vigil works (a `vector(1)` rule):
 * when no active, unsilenced alert matching every label of `match` has been seen for `missingAfter`,
 * Vigil opens a pipeline incident (lib/incidents/pipeline-watch.ts). A silenced heartbeat counts as
 * missing: what matters is that alerts reach people, and a silence stops that.
 */
const heartbeatSchema = z
  .object({
    enabled: z.boolean().default(true),
    match: z.record(z.string(), z.string()).default({ alertname: 'Watchdog' }),
    missingAfter: durationSchema.default(300),
  })
  .strict()
  .refine((h) => Object.keys(h.match).length > 0, {
    error: 'match must name at least one label, e.g. { alertname: Watchdog }',
  });

/**
 * Vigil watching the alerting pipeline itself (README "The pipeline watched"): how long a whole
 * Alertmanager cluster or a Prometheus may stay unreachable before a pipeline incident pages, how long
 * after start-up nothing is declared broken (the first polls have not answered yet), and an optional
 * outbound heartbeat to a dead-man's-switch service.
 */
const pipelineWatchSchema = z
  .object({
    clusterUnreachableAfter: durationSchema.default(300),
    prometheusUnreachableAfter: durationSchema.default(300),
    startupGrace: durationSchema.default(120),
    outboundHeartbeat: z
      .object({
        url,
        interval: durationSchema.refine((s) => s >= 1, { error: 'must be at least 1s' }).default(60),
        /** Call `<url>/fail` when a loop is unhealthy (healthchecks.io pages at once on it). */
        reportFailure: z.boolean().default(false),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * An SMS or voice gateway reached by one form post per message, shaped for Twilio's Messages and Calls
 * APIs by default (`To`, `From`, `Body` / `Twiml`). Each `form` value is a template: `{{to}}` (the
 * person's E.164 number), `{{from}}`, `{{message}}`, and `{{messageXml}}` (the message XML-escaped, for
 * TwiML). Another provider takes its own field names, `auth` and extra `headers`.
 */
const gatewaySchema = z
  .object({
    url,
    auth: upstreamAuthSchema.optional(),
    headers: z.record(z.string(), z.string()).default({}),
    from: z.string().trim().min(1),
    form: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type GatewayFileConfig = z.infer<typeof gatewaySchema>;

const channelSchema = z.discriminatedUnion('type', [
  z.object({ name, type: z.literal('slack'), url }),
  z.object({ name, type: z.literal('discord'), url }),
  z.object({ name, type: z.literal('webhook'), url, auth: upstreamAuthSchema.optional() }),
  z.object({ name, type: z.literal('email'), to: z.array(z.email()).min(1) }),
]);
export type ChannelConfig = z.infer<typeof channelSchema>;

/**
 * A level of the default policy. Besides channels it pages the person on call on each schedule in
 * `schedules` (slugs) and the users in `users` (e-mails). Start-up resolves both to ids
 * (lib/escalation/policy.ts); one that does not exist yet is logged as a warning and left out of the
 * level until the next start (the level's page then reaches nobody through it, and its timeline says so
 * when it reaches nobody at all).
 */
const levelSchema = z.object({
  level: z.number().int().min(1).max(9),
  name: z.string().min(1),
  delay: durationSchema,
  targets: z.array(name).default([]),
  schedules: z.array(z.string().trim().min(1)).default([]),
  users: z.array(z.email()).default([]),
});

export const fileConfigSchema = z
  .object({
    prometheus: z
      .array(
        z.object({
          name,
          url,
          auth: upstreamAuthSchema.optional(),
          timeout,
          /**
           * The address people's browsers reach this Prometheus at (its --web.external-url), for links to
           * its graph page; by default the one in the alert's generatorURL. `url` never reaches a browser.
           */
          externalUrl: url.optional(),
          /** The uid of this Prometheus' data source in Grafana (else Explore opens its default one). */
          grafanaDatasource: z.string().trim().min(1).optional(),
        }),
      )
      .default([]),
    /** Grafana, as browsers reach it: alert graphs then link to Grafana Explore. */
    grafanaUrl: url.optional(),
    alertmanagers: z
      .array(
        z.object({
          name,
          peers: z.array(url).min(1),
          auth: upstreamAuthSchema.optional(),
          timeout,
          heartbeat: heartbeatSchema.optional(),
        }),
      )
      .default([]),
    loki: z
      .object({ url, tenant: z.string().min(1).optional(), auth: upstreamAuthSchema.optional(), timeout })
      .optional(),
    channels: z.array(channelSchema).default([]),
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        secure: z.boolean().default(false),
        from: z.email(),
        username: z.string().optional(),
        password: z.string().optional(),
      })
      .optional(),
    /** The gateway that sends people's SMS contact methods (none: SMS methods cannot be tested or paged). */
    sms: gatewaySchema.optional(),
    /** The gateway that calls people's voice contact methods and reads the message out. */
    voice: gatewaySchema.optional(),
    /**
     * People's own contact methods (lib/contacts/): their webhook and ntfy URLs must be https unless the
     * host is listed in `allowHttpHosts` (a self-hosted ntfy on the LAN); `slackApiUrl` is where Slack bot
     * direct messages go (chat.postMessage).
     */
    contactMethods: z
      .object({
        allowHttpHosts: z.array(z.string().trim().toLowerCase().min(1)).default([]),
        slackApiUrl: url.default('https://slack.com/api'),
      })
      .strict()
      .optional(),
    /**
     * Web Push (lib/push/): a browser's push endpoint must be https and neither be nor resolve to a
     * loopback, private or link-local address, unless its host (or host:port) is listed in `allowHosts`
     * (a self-hosted push service on the LAN, or the fake push service of the tests).
     */
    push: z
      .object({ allowHosts: z.array(z.string().trim().toLowerCase().min(1)).default([]) })
      .strict()
      .optional(),
    escalation: z
      .object({
        levels: z.array(levelSchema).min(1),
        /**
         * Incidents are opened automatically for alerts matching these labels (default severity=critical):
         * at the first start with an empty routes table, they become the matchers of the "auto-incident"
         * route (lib/routing/load.ts). Routes are then managed through the API; this is not read again.
         */
        autoIncident: z.object({ matchLabels: z.record(z.string(), z.string()) }).optional(),
      })
      .optional(),
    /**
     * An acknowledgement also silences exactly its alert in Alertmanager (unless `silence: false`) for
     * `duration` (default 1h), extended while the alert fires and expired when it resolves. Whoever
     * acknowledged an incident is reminded every `remindAfter` (default 1h; 0 never) while it stays
     * acknowledged and its alerts still fire.
     */
    acknowledgement: z
      .object({
        silence: z.boolean().default(true),
        duration: durationSchema.default(3600),
        remindAfter: durationSchema
          .refine((s) => s === 0 || s >= 60, { error: 'must be at least 1m, or 0 for never' })
          .default(3600),
      })
      .strict()
      .optional(),
    /**
     * Silence hygiene: silences still muting firing alerts that end within `expiringSoon` (default 1h),
     * once past the middle of their span, are flagged, shown in a banner to responders and their creators reminded by e-mail; silences
     * running longer than `longLived` (default 7d) are listed as long-lived.
     */
    silences: z
      .object({ expiringSoon: durationSchema.optional(), longLived: durationSchema.optional() })
      .strict()
      .optional(),
    /** An alert that fired or resolved `threshold` times (default 4) within `window` (1h) is flapping. */
    flapping: z
      .object({
        window: durationSchema.refine((s) => s >= 60, { error: 'must be at least 1m' }).optional(),
        threshold: z.number().int().min(2).max(1000).optional(),
      })
      .strict()
      .optional(),
    /** A team's own overview boards, shown after the built-in ones (see lib/config/panel-types.ts). */
    panels: z.array(panelGroupSchema).default([]),
    pipelineWatch: pipelineWatchSchema.optional(),
    /** How often the server polls each upstream (default 10 s). */
    pollInterval: durationSchema.optional(),
    /** Deadline of one upstream request unless the upstream sets its own `timeout` (default 5 s). */
    upstreamTimeout: durationSchema.optional(),
    /**
     * How long history is kept before the hourly pruner deletes it (defaults in DEFAULT_RETENTION,
     * lib/config/load.ts; README "Data retention" says what each covers).
     */
    retention: z
      .object({
        alertEvents: retentionPeriod.optional(),
        auditLog: retentionPeriod.optional(),
        notifications: retentionPeriod.optional(),
        signInAttempts: retentionPeriod.optional(),
        timelineOfResolvedIncidents: retentionPeriod.optional(),
      })
      .strict()
      .optional(),
    /**
     * API tokens expire after `defaultExpiryDays` (default 90); a caller may ask for fewer days, never
     * more. There is no "never": a leaked token that never expires is a door left open for good.
     */
    apiTokens: z
      .object({ defaultExpiryDays: z.number().int().min(1).max(3650).default(90) })
      .strict()
      .optional(),
    /**
     * Signed action links on pages (lib/actions, README "Acknowledge from the notification"):
     * `publicUrl` is the console as people's phones reach it (links must be absolute); a link acts
     * without signing in for `freshFor` (default 1h) after it was issued, asks the person to sign in
     * after that, and stops working after `expiresAfter` (default 24h) or once the incident changes.
     */
    actions: z
      .object({
        publicUrl: url.optional(),
        freshFor: durationSchema.default(3600),
        expiresAfter: durationSchema
          .refine((s) => s >= 60 && s <= 30 * 86_400, { error: 'must be between 1m and 30d' })
          .default(86_400),
      })
      .strict()
      .refine((a) => a.freshFor <= a.expiresAfter, {
        error: 'freshFor must not be longer than expiresAfter',
        path: ['freshFor'],
      })
      .optional(),
    /**
     * Slack interactivity (the Acknowledge, Silence 1 h and Escalate buttons on pages): the Slack app's
     * signing secret, which verifies every request to /api/v1/integrations/slack/actions. Never logged.
     */
    slack: z
      .object({ signingSecret: z.string().min(1) })
      .strict()
      .optional(),
    /**
     * Limits of the queries people type (`/api/v1/query`, `/api/v1/logs`): how many one user may have
     * running against an upstream at once (more are answered 429), the longest range (days), the largest
     * upstream answer (bytes, 422 beyond), and the byte budget of each query cache.
     */
    queries: z
      .object({
        perUserConcurrency: z.number().int().min(1).max(100).default(4),
        maxRangeDays: z.number().int().min(1).max(3650).default(32),
        maxAnswerBytes: z
          .number()
          .int()
          .min(1024)
          .default(10 * 1024 * 1024),
        cacheBytes: z
          .number()
          .int()
          .min(1024)
          .default(64 * 1024 * 1024),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const channels = new Set(cfg.channels.map((c) => c.name));
    cfg.escalation?.levels.forEach((level, i) => {
      for (const target of level.targets)
        if (!channels.has(target))
          ctx.addIssue({
            code: 'custom',
            path: ['escalation', 'levels', i, 'targets'],
            message: `names channel "${target}", which is not declared under channels`,
          });
    });
    if (cfg.channels.some((c) => c.type === 'email') && !cfg.smtp)
      ctx.addIssue({
        code: 'custom',
        path: ['smtp'],
        message: 'is required when an email channel is declared',
      });
    const servers = new Set(cfg.prometheus.map((p) => p.name));
    cfg.panels.forEach((group, i) => {
      if (group.prometheus && group.prometheus !== 'default' && !servers.has(group.prometheus))
        ctx.addIssue({
          code: 'custom',
          path: ['panels', i, 'prometheus'],
          message: `names Prometheus "${group.prometheus}", which is not declared under prometheus`,
        });
    });
    for (const list of [cfg.prometheus, cfg.alertmanagers]) {
      const seen = new Set<string>();
      for (const item of list) {
        if (seen.has(item.name))
          ctx.addIssue({ code: 'custom', path: [], message: `upstream name "${item.name}" is used twice` });
        seen.add(item.name);
      }
    }
  });

export type FileConfig = z.infer<typeof fileConfigSchema>;
