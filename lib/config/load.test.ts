import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { buildConfig, ConfigFileError, DEFAULT_ESCALATION, DEFAULT_RETENTION, parseConfigFile } from './load';

const rawEnv = {
  PROMETHEUS_URL: 'http://prom:9090',
  ALERTMANAGER_URLS: 'http://am-1:9093,http://am-2:9093',
  AUTH_SECRET: 'x'.repeat(32),
  VIGIL_WEBHOOK_TOKEN: 'y'.repeat(24),
};
const env = parseEnv(rawEnv);

const FILE = `
prometheus:
  - name: thanos
    url: http://thanos:10902/
    auth: { type: bearer, token: t0k }
    timeout: 30s
alertmanagers:
  - name: eu
    peers: [http://eu-am-1:9093, http://eu-am-2:9093]
    auth: { type: basic, username: vigil, password: pw }
loki: { url: http://loki:3100, tenant: ops }
channels:
  - { name: ops-chat, type: slack, url: https://hooks.example.com/x }
  - { name: sre-mail, type: email, to: [sre@example.com] }
smtp: { host: mail.example.com, from: vigil@example.com }
escalation:
  levels:
    - { level: 1, name: Chat, delay: 0s, targets: [ops-chat] }
    - { level: 2, name: SRE, delay: 5m, targets: [sre-mail], schedules: [sre-primary], users: [lead@example.com] }
`;

describe('VIGIL_CONFIG', () => {
  it('combines the file with the shorthand variables', () => {
    const config = buildConfig(env, parseConfigFile('vigil.yml', FILE));
    expect(config.prometheus.map((p) => [p.name, p.url])).toEqual([
      ['default', 'http://prom:9090'],
      ['thanos', 'http://thanos:10902'],
    ]);
    expect(config.alertmanagers.map((a) => a.peers.length)).toEqual([2, 2]);
    expect(config.alertmanagers[1]?.auth).toEqual({ type: 'basic', username: 'vigil', password: 'pw' });
    expect(config.loki).toEqual({ url: 'http://loki:3100', tenant: 'ops', timeoutMs: 5000 });
    expect(config.prometheus.map((p) => p.timeoutMs)).toEqual([5000, 30_000]);
    expect(config.escalation.levels).toEqual([
      { level: 1, name: 'Chat', delaySeconds: 0, targets: ['ops-chat'], schedules: [], users: [] },
      {
        level: 2,
        name: 'SRE',
        delaySeconds: 300,
        targets: ['sre-mail'],
        schedules: ['sre-primary'],
        users: ['lead@example.com'],
      },
    ]);
    expect(config.escalation.autoIncidentMatch).toEqual({ severity: 'critical' });
  });

  it('defaults to the L1–L4 escalation these teams use', () => {
    const config = buildConfig(env);
    expect(config.escalation.levels).toBe(DEFAULT_ESCALATION);
    expect(config.escalation.levels.map((l) => l.name)).toEqual([
      'L1 automatic chat message',
      'L2 on-call SRE',
      'L3 lead engineer',
      'L4 CTO',
    ]);
    expect(config.pollIntervalSeconds).toBe(10);
    expect(config.prometheus[0]?.timeoutMs).toBe(5000);
  });

  it.each([
    ['prometheus: [ {name: a, url: nope} ]', 'prometheus.0.url: must be an http(s) URL'],
    [
      'escalation: { levels: [ {level: 1, name: x, delay: 0s, targets: [nobody]} ] }',
      'names channel "nobody"',
    ],
    ['channels: [ {name: m, type: email, to: [a@b.c]} ]', 'smtp: is required when an email channel'],
    ['escalation: { levels: [ {level: 1, name: x, delay: soon} ] }', 'must look like 30s, 5m, 1h or 30d'],
    ['retention: { auditLog: 30m }', 'retention.auditLog: must be at least 1d (or forever)'],
    ['retention: { auditLog: never }', 'retention.auditLog'],
    ['retention: { events: 30d }', 'events'],
    ['unknownKey: 1', 'unknownKey'],
    [
      'panels: [ {id: sec, title: S, prometheus: nope, panels: [ {id: a, title: A, unit: count, queries: [ {expr: up} ]} ]} ]',
      'names Prometheus "nope"',
    ],
    [
      'panels: [ {id: sec, title: S, panels: [ {id: a, title: A, unit: furlongs, queries: [ {expr: up} ]} ]} ]',
      'panels.0.panels.0.unit',
    ],
    [
      'prometheus: [ {name: a, url: "http://x"}, {name: a, url: "http://y"} ]',
      'upstream name "a" is used twice',
    ],
    ['prometheus: [oops', 'not valid YAML'],
  ])('rejects %s', (yaml, message) => {
    expect(() => parseConfigFile('vigil.yml', yaml)).toThrow(ConfigFileError);
    try {
      parseConfigFile('vigil.yml', yaml);
    } catch (e) {
      expect((e as Error).message).toContain(message);
      expect((e as Error).message).toContain('vigil.yml');
    }
  });

  it('takes the poll interval and the request deadline from the file, then the environment', () => {
    const fromEnv = buildConfig(
      parseEnv({ ...rawEnv, VIGIL_POLL_INTERVAL_SECONDS: '3', VIGIL_UPSTREAM_TIMEOUT_SECONDS: '1.5' }),
    );
    expect(fromEnv.pollIntervalSeconds).toBe(3);
    expect(fromEnv.alertmanagers[0]?.timeoutMs).toBe(1500);
    const fromFile = buildConfig(env, parseConfigFile('v.yml', 'pollInterval: 1m\nupstreamTimeout: 2s'));
    expect(fromFile.pollIntervalSeconds).toBe(60);
    expect(fromFile.alertmanagers[0]?.timeoutMs).toBe(2000);
  });

  it('keeps history for the default periods, the audit log longest', () => {
    const { retentionSeconds } = buildConfig(env);
    expect(retentionSeconds).toEqual(DEFAULT_RETENTION);
    const days = Object.fromEntries(
      Object.entries(retentionSeconds).map(([k, seconds]) => [k, (seconds ?? 0) / 86_400]),
    );
    expect(days).toEqual({
      alertEvents: 400,
      auditLog: 1095,
      notifications: 180,
      signInAttempts: 30,
      timelineOfResolvedIncidents: 730,
    });
    expect(Math.max(...Object.values(days))).toBe(days.auditLog);
  });

  it("reads retention periods in the config's durations, `forever`, and keeps the defaults of the rest", () => {
    const config = buildConfig(
      env,
      parseConfigFile('v.yml', 'retention: { alertEvents: 90d, auditLog: forever, signInAttempts: 36h }'),
    );
    expect(config.retentionSeconds).toEqual({
      ...DEFAULT_RETENTION,
      alertEvents: 90 * 86_400,
      auditLog: null,
      signInAttempts: 36 * 3600,
    });
    expect(parseConfigFile('v.yml', 'retention: { notifications: 86400 }').retention).toEqual({
      notifications: 86_400,
    });
  });

  it('limits typed queries and API token lifetimes by default, and takes the limits from the file', () => {
    expect(buildConfig(env)).toMatchObject({
      apiTokens: { defaultExpiryDays: 90 },
      queries: {
        perUserConcurrency: 4,
        maxRangeSeconds: 32 * 86_400,
        maxAnswerBytes: 10 * 1024 * 1024,
        cacheBytes: 64 * 1024 * 1024,
      },
    });
    const file = parseConfigFile(
      'vigil.yml',
      'apiTokens: { defaultExpiryDays: 30 }\nqueries: { perUserConcurrency: 2, maxRangeDays: 7 }\n',
    );
    expect(buildConfig(env, file)).toMatchObject({
      apiTokens: { defaultExpiryDays: 30 },
      queries: { perUserConcurrency: 2, maxRangeSeconds: 7 * 86_400, cacheBytes: 64 * 1024 * 1024 },
    });
    expect(() => parseConfigFile('vigil.yml', 'apiTokens: { defaultExpiryDays: never }')).toThrow(
      /apiTokens\.defaultExpiryDays/,
    );
  });

  it('action links: fresh for 1 h, valid for 24 h, no public URL and no Slack by default; all from the file', () => {
    expect(buildConfig(env)).toMatchObject({
      actions: { freshForSeconds: 3600, expiresAfterSeconds: 86_400 },
    });
    expect(buildConfig(env).actions.publicUrl).toBeUndefined();
    expect(buildConfig(env).slack).toBeUndefined();
    const file = parseConfigFile(
      'vigil.yml',
      'actions: { publicUrl: "https://vigil.example.com/", freshFor: 15m, expiresAfter: 12h }\nslack: { signingSecret: s3cret }\n',
    );
    expect(buildConfig(env, file)).toMatchObject({
      actions: { publicUrl: 'https://vigil.example.com', freshForSeconds: 900, expiresAfterSeconds: 43_200 },
      slack: { signingSecret: 's3cret' },
    });
    expect(() => parseConfigFile('vigil.yml', 'actions: { freshFor: 2d }')).toThrow(/actions\.freshFor/);
    expect(() => parseConfigFile('vigil.yml', 'slack: { signingSecret: "" }')).toThrow(
      /slack\.signingSecret/,
    );
  });

  it("reads a team's own panel groups", () => {
    const config = buildConfig(
      env,
      parseConfigFile(
        'v.yml',
        'panels: [ {id: security, title: Security, panels: [ {id: logins, title: Failed logins, unit: perSecond, queries: [ {expr: "sum(rate(auth_failures_total[$__rate]))"} ]} ]} ]',
      ),
    );
    expect(config.panelGroups).toEqual([
      {
        id: 'security',
        title: 'Security',
        optional: false,
        panels: [
          {
            id: 'logins',
            title: 'Failed logins',
            unit: 'perSecond',
            queries: [{ expr: 'sum(rate(auth_failures_total[$__rate]))', legend: '' }],
          },
        ],
      },
    ]);
  });

  it('needs at least one Prometheus and one Alertmanager cluster from somewhere', () => {
    const bare = parseEnv({
      VIGIL_CONFIG: 'v.yml',
      AUTH_SECRET: 'x'.repeat(32),
      VIGIL_WEBHOOK_TOKEN: 'y'.repeat(24),
    });
    expect(() => buildConfig(bare, parseConfigFile('v.yml', ''))).toThrow(
      /no Prometheus server.*\n.*no Alertmanager cluster/s,
    );
  });

  it('watches a Watchdog heartbeat on every cluster by default, five minutes, no outbound heartbeat', () => {
    expect(buildConfig(env).pipelineWatch).toEqual({
      heartbeats: { default: { match: { alertname: 'Watchdog' }, missingAfterSeconds: 300 } },
      clusterUnreachableSeconds: 300,
      prometheusUnreachableSeconds: 300,
      startupGraceSeconds: 120,
      outboundHeartbeat: null,
    });
  });

  it('takes a heartbeat per cluster, turns one off, and an outbound heartbeat from the file or the environment', () => {
    const file = parseConfigFile(
      'v.yml',
      [
        'alertmanagers:',
        '  - { name: prod, peers: [http://am:9093], heartbeat: { match: { alertname: DeadMansSwitch }, missingAfter: 2m } }',
        '  - { name: lab, peers: [http://lab:9093], heartbeat: { enabled: false } }',
        'pipelineWatch: { clusterUnreachableAfter: 1m, startupGrace: 30s, outboundHeartbeat: { url: "https://hc.example/abc" } }',
      ].join('\n'),
    );
    const config = buildConfig(env, file);
    expect(config.pipelineWatch).toEqual({
      heartbeats: {
        default: { match: { alertname: 'Watchdog' }, missingAfterSeconds: 300 },
        prod: { match: { alertname: 'DeadMansSwitch' }, missingAfterSeconds: 120 },
      },
      clusterUnreachableSeconds: 60,
      prometheusUnreachableSeconds: 300,
      startupGraceSeconds: 30,
      outboundHeartbeat: { url: 'https://hc.example/abc', intervalSeconds: 60, reportFailure: false },
    });
    expect(config.alertmanagers.find((a) => a.name === 'prod')).not.toHaveProperty('heartbeat');
    const fromEnv = buildConfig(parseEnv({ ...rawEnv, VIGIL_HEARTBEAT_URL: 'https://hc.example/xyz' }));
    expect(fromEnv.pipelineWatch.outboundHeartbeat).toEqual({
      url: 'https://hc.example/xyz',
      intervalSeconds: 60,
      reportFailure: false,
    });
    expect(() =>
      parseConfigFile(
        'v.yml',
        'alertmanagers: [{ name: a, peers: [http://a:9093], heartbeat: { match: {} } }]',
      ),
    ).toThrow(/match must name at least one label/);
  });
});

describe('links for browsers (externalUrl, Grafana)', () => {
  it('takes them from the shorthand variables', () => {
    const config = buildConfig(
      parseEnv({
        ...rawEnv,
        PROMETHEUS_EXTERNAL_URL: 'https://ops.example.com/prometheus/',
        GRAFANA_URL: 'https://grafana.example.com',
        GRAFANA_DATASOURCE_UID: 'prom-main',
      }),
    );
    expect(config.prometheus[0]).toMatchObject({
      url: 'http://prom:9090',
      externalUrl: 'https://ops.example.com/prometheus',
      grafanaDatasource: 'prom-main',
    });
    expect(config.grafanaUrl).toBe('https://grafana.example.com');
  });

  it('takes them from the file, which wins, and has none by default', () => {
    const file = parseConfigFile(
      'vigil.yml',
      'grafanaUrl: https://g.example.com/\nprometheus:\n  - { name: thanos, url: http://thanos:10902, externalUrl: https://thanos.example.com, grafanaDatasource: th }\n',
    );
    const config = buildConfig(parseEnv({ ...rawEnv, GRAFANA_URL: 'https://other.example.com' }), file);
    expect(config.grafanaUrl).toBe('https://g.example.com');
    expect(config.prometheus.find((p) => p.name === 'thanos')).toMatchObject({
      externalUrl: 'https://thanos.example.com',
      grafanaDatasource: 'th',
    });
    expect(buildConfig(env).grafanaUrl).toBeUndefined();
    expect(buildConfig(env).prometheus[0]?.externalUrl).toBeUndefined();
  });

  it('refuses an externalUrl that is not an http(s) URL', () => {
    expect(() =>
      parseConfigFile(
        'vigil.yml',
        'prometheus:\n  - { name: a, url: http://a:9090, externalUrl: javascript:alert(1) }\n',
      ),
    ).toThrow(/prometheus\.0\.externalUrl: must be an http\(s\) URL/);
  });
});
