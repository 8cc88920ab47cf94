import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { alertmanagerConfigYaml } from './config/alertmanager-config.js';
import { showcaseRuleGroups } from './config/showcase-rules.js';
import { assignPorts, httpUrl, PORT_COUNT } from './config/stack-ports.js';
import { checkAlertmanagerConfig, checkBlackboxConfig, checkPrometheusConfig } from './config/validate.js';
import { type ConfigFiles, writeConfigs } from './config/write-configs.js';
import { ensureDebianPackages } from './debian-packages.js';
import { StackOptionsError } from './errors.js';
import { freePorts } from './ports.js';
import { type PostgresMode, startPostgres } from './postgres.js';
import { spawnLogged } from './processes.js';
import { waitForClusterPeers, waitUntilServing } from './readiness.js';
import { reloadAlertmanagers } from './reload-alertmanagers.js';
import { serviceSpecs } from './services.js';
import { LOGS, StackResources } from './stack-resources.js';

export interface StackOptions {
  /** Where Vigil runs (e.g. http://127.0.0.1:3000): Alertmanager posts webhooks there, Prometheus scrapes and probes it. */
  vigilUrl: string;
  /** Bearer token Alertmanager sends with every webhook; Vigil's VIGIL_WEBHOOK_TOKEN. */
  webhookToken: string;
  /** Progress lines ("prometheus ready after 2.1 s"); silent by default. */
  log?: (line: string) => void;
  postgres?: PostgresMode;
  /**
   * Adds the showcase alerts (scripts/stack/config/showcase-rules.ts): a dozen alerts of several
   * severities and teams, one flapping, one inhibited. Only the demo asks for them; tests count alerts.
   */
  showcase?: boolean;
  /**
   * Runs Prometheus, the Alertmanager pair and the exporters at this nice value (`nice -n`, so every
   * thread they start has it too). The bench asks for it: on one small machine their work takes the
   * cores Vigil is measured on, where in production they run on hosts of their own. PostgreSQL, Vigil's
   * own store, keeps the normal priority.
   */
  upstreamNice?: number;
}

interface StackProcess {
  name: string;
  pid: number;
  logFile: string;
}

export interface Stack {
  /** Temp folder holding every config, data directory and log; removed by stop(). */
  dir: string;
  databaseUrl: string;
  prometheusUrl: string;
  alertmanagerUrls: [string, string];
  exporters: { node: string; postgres: string; blackbox: string };
  /** Scraped by the `api` job, never answered: InstanceDown always fires for it. */
  downTargetUrl: string;
  vigilUrl: string;
  webhookToken: string;
  postgresKind: 'debian' | 'embedded';
  configFiles: ConfigFiles;
  /** Everything started, the postmaster included. */
  processes: StackProcess[];
  /**
   * Stops PostgreSQL alone (fast shutdown: clients are disconnected), e.g. to test a database outage;
   * everything else keeps running. The postgres exporter then reports `pg_up 0`.
   */
  stopPostgres(): Promise<void>;
  /** Starts it again after stopPostgres(): same port, data and password, a new postmaster PID. */
  startPostgres(): Promise<void>;
  /**
   * Rewrites the Alertmanagers' config with or without its inhibit rule and reloads both peers; their
   * alerts and silences stay. The bench turns the rule off for 50,000 alerts (alertmanager-config.ts).
   */
  setInhibitRules(enabled: boolean): Promise<void>;
  /** Stops every process, PostgreSQL, and removes `dir`. Idempotent. */
  stop(): Promise<void>;
}

const optionsSchema = z.object({
  vigilUrl: z.url({ protocol: /^https?$/ }),
  // It travels in an HTTP header: printable ASCII, no spaces.
  webhookToken: z.string().regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
  upstreamNice: z.number().int().min(0).max(19).optional(),
});

const READY_TIMEOUT_MS = 60_000;

/**
 * Starts PostgreSQL, Prometheus, an HA pair of Alertmanagers and the node,
 * postgres and blackbox exporters on 127.0.0.1, on free ports, with all state
 * in a fresh temp folder, and resolves once every part is ready and the two
 * Alertmanagers have formed a cluster. On failure it stops what it started.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new StackOptionsError(
      `Invalid stack options: ${z.prettifyError(parsed.error)}`,
      'pass vigilUrl as http(s)://host:port, a non-empty webhookToken and upstreamNice (if any) from 0 to 19',
    );
  }
  const { vigilUrl, webhookToken, upstreamNice } = parsed.data;
  const started = Date.now();
  const log = (line: string) =>
    options.log?.(`[stack +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

  await ensureDebianPackages({ log });
  const dir = await mkdtemp(join(tmpdir(), 'vigil-stack-'));
  // mkdtemp makes it 0700; as root, PostgreSQL runs as `postgres` and must be able to traverse it.
  await chmod(dir, 0o711);
  const resources = new StackResources(dir, log);
  try {
    const logs = join(dir, LOGS);
    await mkdir(logs);
    // The console's port is chosen before the stack and not held: a stack process on it would answer
    // the console's callers (CI once ran a fault test against this Prometheus instead of Vigil).
    const ports = assignPorts(await freePorts(PORT_COUNT, [Number(new URL(vigilUrl).port)]));
    const configFiles = await writeConfigs({
      dir,
      ports,
      vigilUrl,
      webhookToken,
      extraRuleGroups: options.showcase ? showcaseRuleGroups : [],
    });

    const [postgres] = await allSettledOrThrow([
      startPostgres({
        dir,
        port: ports.postgres,
        logFile: join(logs, 'postgres.log'),
        mode: options.postgres ?? 'auto',
      }).then((running) => {
        resources.postgres = running.server;
        return running;
      }),
      checkPrometheusConfig(configFiles.prometheus),
      checkAlertmanagerConfig(configFiles.alertmanager),
      checkBlackboxConfig(configFiles.blackbox),
    ]);
    log(`postgres (${postgres.server.kind}) ready on port ${ports.postgres}; configs validated`);

    const services = await allSettledOrThrow(
      serviceSpecs({ dir, ports, configFiles, databaseUrl: postgres.databaseUrl }).map(async (spec) => {
        const [command, args] =
          upstreamNice === undefined
            ? [spec.command, spec.args]
            : ['nice', ['-n', String(upstreamNice), spec.command, ...spec.args]];
        const proc = await spawnLogged(spec.name, command, args, {
          logFile: join(logs, `${spec.name}.log`),
          env: { ...process.env, ...spec.env },
        });
        resources.addProcess(proc, { clusterPeer: spec.clusterPeer });
        return { spec, proc };
      }),
    );
    await Promise.all(
      services.map(async ({ spec, proc }) => {
        await waitUntilServing(proc, spec.readyUrl, READY_TIMEOUT_MS);
        log(`${spec.name} ready`);
      }),
    );

    const alertmanagerUrls: [string, string] = [
      httpUrl(ports.alertmanagers[0]),
      httpUrl(ports.alertmanagers[1]),
    ];
    const alertmanagers = services
      .filter(({ spec }) => spec.clusterPeer)
      .map(({ spec, proc }) => ({ proc, url: spec.baseUrl }));
    await waitForClusterPeers(alertmanagers, READY_TIMEOUT_MS);
    log('alertmanager cluster formed (2 peers)');

    return {
      dir,
      databaseUrl: postgres.databaseUrl,
      prometheusUrl: httpUrl(ports.prometheus),
      alertmanagerUrls,
      exporters: {
        node: httpUrl(ports.nodeExporter),
        postgres: httpUrl(ports.postgresExporter),
        blackbox: httpUrl(ports.blackboxExporter),
      },
      downTargetUrl: `${httpUrl(ports.downTarget)}/metrics`,
      vigilUrl,
      webhookToken,
      postgresKind: postgres.server.kind,
      configFiles,
      processes: [
        ...services.map(({ proc: { name, pid, logFile } }) => ({ name, pid, logFile })),
        {
          name: 'postgres',
          // Read through: startPostgres() starts a new postmaster.
          get pid() {
            return postgres.server.pid;
          },
          logFile: postgres.server.logFile,
        },
      ],
      stopPostgres: () => postgres.server.stop(),
      startPostgres: () => postgres.server.start(),
      setInhibitRules: (inhibitRules) =>
        reloadAlertmanagers(
          configFiles.alertmanager,
          alertmanagerUrls,
          alertmanagerConfigYaml({ vigilUrl, webhookToken, inhibitRules }),
        ),
      stop: () => resources.stop(),
    };
  } catch (error) {
    await resources
      .abandon()
      .catch((stopError: unknown) => log(`cleanup after a failed start also failed: ${String(stopError)}`));
    throw error;
  }
}

/**
 * Like Promise.all, but on a failure it still waits for the other promises to
 * settle before rejecting: a server that finishes starting after we began
 * cleaning up would otherwise never be stopped.
 */
async function allSettledOrThrow<P extends readonly unknown[] | []>(
  promises: P,
): Promise<{ -readonly [K in keyof P]: Awaited<P[K]> }> {
  await Promise.allSettled(promises);
  // Everything has settled: this rejects with the first failure in array order.
  return Promise.all(promises);
}
