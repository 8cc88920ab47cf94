import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkAlertmanagerConfig, checkPrometheusConfig } from './config/validate.js';
import { isAlive } from './processes.js';
import { type Stack, startStack } from './start-stack.js';
import { waitFor } from './wait.js';

const TOKEN = 'integration-test-token';

// Watchdog arrives ~20 s after start (see the resend delay in services.ts),
// InstanceDown of the api target after its 30 s `for`, at ~40 s. The deadline
// leaves room for a slow machine; the default resend delay alone can cost a minute.
const ALERT_DEADLINE_MS = 150_000;

interface ReceivedWebhook {
  authorization: string | undefined;
  body: unknown;
}

/** Stands in for Vigil: answers health and metrics, records webhooks. */
async function startFakeVigil(): Promise<{ url: string; webhooks: ReceivedWebhook[]; server: Server }> {
  const webhooks: ReceivedWebhook[] = [];
  const server = createServer(async (request, response) => {
    if (request.method === 'POST' && request.url === '/api/v1/alertmanager/webhook') {
      webhooks.push({
        authorization: request.headers.authorization,
        body: JSON.parse(await readBody(request)),
      });
    }
    response.writeHead(request.url === '/nowhere' ? 404 : 200, { 'content-type': 'text/plain' });
    response.end(request.url === '/metrics' ? 'vigil_up 1\n' : 'ok\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake Vigil has no port');
  return { url: `http://127.0.0.1:${address.port}`, webhooks, server };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const alertsSchema = z.array(
  z.object({
    labels: z.record(z.string(), z.string()),
    receivers: z.array(z.object({ name: z.string() })),
    status: z.object({ state: z.string() }),
  }),
);

const statusSchema = z.object({
  cluster: z.object({
    status: z.string(),
    peers: z.array(z.object({ name: z.string(), address: z.string() })),
  }),
});

const webhookSchema = z.object({
  receiver: z.string(),
  status: z.string(),
  alerts: z.array(z.object({ labels: z.record(z.string(), z.string()) })),
});

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** Active alerts matching every matcher (one `filter` parameter each) on one peer. */
async function alertsOn(alertmanagerUrl: string, matchers: readonly string[]) {
  const query = new URLSearchParams([['active', 'true'], ...matchers.map((matcher) => ['filter', matcher])]);
  return alertsSchema.parse(await getJson(`${alertmanagerUrl}/api/v2/alerts?${query}`));
}

describe('the real stack', () => {
  let stack: Stack;
  let vigil: Awaited<ReturnType<typeof startFakeVigil>>;
  let startupMs: number;

  beforeAll(async () => {
    vigil = await startFakeVigil();
    const started = Date.now();
    stack = await startStack({ vigilUrl: vigil.url, webhookToken: TOKEN });
    startupMs = Date.now() - started;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await new Promise((resolve) => vigil?.server.close(resolve));
  });

  it('starts within a minute, with everything in its temp folder', () => {
    expect(startupMs).toBeLessThan(60_000);
    expect(existsSync(stack.dir)).toBe(true);
    for (const proc of stack.processes) expect(proc.logFile.startsWith(stack.dir)).toBe(true);
  });

  it('generated configs that promtool and amtool accept', async () => {
    await expect(checkPrometheusConfig(stack.configFiles.prometheus)).resolves.toContain(
      'SUCCESS: 7 rules found',
    );
    await expect(checkAlertmanagerConfig(stack.configFiles.alertmanager)).resolves.toContain('SUCCESS');
  });

  it('has Prometheus and both Alertmanagers ready', async () => {
    for (const url of [stack.prometheusUrl, ...stack.alertmanagerUrls]) {
      const response = await fetch(`${url}/-/ready`);
      expect(response.status, url).toBe(200);
    }
  });

  it('has the two Alertmanagers in one cluster, which settles', async () => {
    const statuses = await Promise.all(
      stack.alertmanagerUrls.map(async (url) => statusSchema.parse(await getJson(`${url}/api/v2/status`))),
    );
    const addresses = statuses.map((status) => status.cluster.peers.map((peer) => peer.address).sort());
    expect(addresses[0]).toHaveLength(2);
    expect(addresses[1]).toEqual(addresses[0]);
    // startStack returns once the peers see each other; "ready" follows after a few gossip rounds.
    for (const url of stack.alertmanagerUrls) {
      await waitFor(
        async () => statusSchema.parse(await getJson(`${url}/api/v2/status`)).cluster.status === 'ready',
        { timeoutMs: 60_000, intervalMs: 500, what: `${url} to report its cluster ready` },
      );
    }
  }, 70_000);

  it('serves the vigil database at DATABASE_URL', async () => {
    const client = new pg.Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const result = await client.query<{ db: string }>('SELECT current_database() AS db');
      expect(result.rows[0]?.db).toBe('vigil');
    } finally {
      await client.end();
    }
  });

  it(
    'delivers Watchdog and InstanceDown of the down api target to BOTH Alertmanager peers',
    async () => {
      const onBothPeers = (matchers: string[]) =>
        Promise.all(
          stack.alertmanagerUrls.map((url) =>
            waitFor(async () => (await alertsOn(url, matchers)).at(0), {
              timeoutMs: ALERT_DEADLINE_MS,
              intervalMs: 1_000,
              what: `an alert matching {${matchers.join(',')}} on ${url}`,
            }),
          ),
        );
      const [watchdogs, apiDown] = await Promise.all([
        onBothPeers(['alertname="Watchdog"']),
        onBothPeers(['alertname="InstanceDown"', 'job="api"']),
      ]);
      for (const alert of watchdogs)
        expect(alert.receivers.map((receiver) => receiver.name)).toEqual(['watchdog']);
      for (const alert of apiDown) {
        expect(alert.labels.instance).toBe(new URL(stack.downTargetUrl).host);
        expect(alert.labels.severity).toBe('critical');
        expect(alert.receivers.map((receiver) => receiver.name)).toEqual(['pager']);
      }
    },
    ALERT_DEADLINE_MS + 10_000,
  );

  it(
    'posts webhooks to Vigil with the bearer token',
    async () => {
      const watchdog = await waitFor(
        () =>
          vigil.webhooks.find((webhook) => {
            const parsed = webhookSchema.safeParse(webhook.body);
            return parsed.success && parsed.data.receiver === 'watchdog';
          }),
        { timeoutMs: ALERT_DEADLINE_MS, intervalMs: 500, what: 'a Watchdog webhook at the fake Vigil' },
      );
      expect(watchdog.authorization).toBe(`Bearer ${TOKEN}`);
      expect(webhookSchema.parse(watchdog.body)).toMatchObject({
        status: 'firing',
        alerts: [{ labels: { alertname: 'Watchdog' } }],
      });
    },
    ALERT_DEADLINE_MS + 10_000,
  );

  it('reloads both peers without the inhibit rule and with it again, keeping their alerts', async () => {
    const configOf = async (url: string) =>
      z.object({ config: z.object({ original: z.string() }) }).parse(await getJson(`${url}/api/v2/status`))
        .config.original;
    const alertsBefore = await Promise.all(stack.alertmanagerUrls.map((url) => alertsOn(url, [])));
    await stack.setInhibitRules(false);
    for (const url of stack.alertmanagerUrls) expect(await configOf(url)).not.toContain('inhibit_rules');
    await stack.setInhibitRules(true);
    for (const url of stack.alertmanagerUrls)
      expect(await configOf(url)).toMatch(/inhibit_rules:\s+- source_matchers:/);
    const alertsAfter = await Promise.all(stack.alertmanagerUrls.map((url) => alertsOn(url, [])));
    expect(alertsAfter.map((alerts) => alerts.length)).toEqual(alertsBefore.map((alerts) => alerts.length));
  });

  it('stop() ends every process and removes the temp folder, and may be called again', async () => {
    const pids = stack.processes.map((proc) => proc.pid);
    expect(pids.every(isAlive)).toBe(true);
    await stack.stop();
    expect(pids.filter(isAlive)).toEqual([]);
    expect(existsSync(stack.dir)).toBe(false);
    await expect(stack.stop()).resolves.toBeUndefined();
  });
});

/** The nice value of every thread of `pid` (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceValues(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // "pid (comm) state …": comm may hold spaces, so count fields after the last ')'; nice is field 19.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('the stack with upstreamNice (the bench)', () => {
  let stack: Stack | undefined;
  afterAll(() => stack?.stop());

  it('runs every thread of the upstreams at that nice value, and PostgreSQL at the normal one', async () => {
    stack = await startStack({ vigilUrl: 'http://127.0.0.1:9', webhookToken: TOKEN, upstreamNice: 15 });
    const byName = new Map(stack.processes.map((proc) => [proc.name, threadNiceValues(proc.pid)]));
    const upstreams = [
      'prometheus',
      'alertmanager-1',
      'alertmanager-2',
      'node-exporter',
      'postgres-exporter',
      'blackbox-exporter',
    ];
    for (const name of upstreams) {
      const values = byName.get(name);
      expect(values, name).toBeDefined();
      // Go programs run several threads by now: each must have inherited the value.
      expect(new Set(values), name).toEqual(new Set([15]));
    }
    expect(new Set(byName.get('postgres'))).toEqual(new Set([0]));
  }, 120_000);

  it('refuses a nice value outside 0–19 before starting anything', async () => {
    await expect(
      startStack({ vigilUrl: 'http://127.0.0.1:9', webhookToken: TOKEN, upstreamNice: -5 }),
    ).rejects.toThrow(/upstreamNice/);
  });
});
