import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApiToken } from '@/lib/auth/api-token';
import { createPrismaClient } from '@/lib/db/client';
import { seedUsers } from '../../scripts/seed-users';
import { freePorts } from '../../scripts/stack/ports';
import { type Stack, startStack } from '../../scripts/stack/start-stack';
import { waitFor } from '../../scripts/stack/wait';
import { startVigilServer, type VigilServer, vigilEnvFor } from '../../scripts/vigil-server';

/**
 * One fault scenario's world: its own real stack (PostgreSQL, Prometheus, two Alertmanagers,
 * exporters), the built console (`next start` on `.next`) pointed at it, and an admin API token. Each
 * scenario breaks something, so none shares its stack with another.
 */

export const POLL_SECONDS = 1;
export const UPSTREAM_TIMEOUT_SECONDS = 2;

export type Answer = { status: number; body: unknown; ms: number; text: string };

export type FaultWorld = {
  stack: Stack;
  server: VigilServer;
  /** `vgl_…` of an admin (admin ≥ responder ≥ viewer: every route is open to it). */
  token: string;
  /**
   * Calls Vigil with the token; never throws for an HTTP status. A call still unanswered after
   * `giveUpMs` (default 45 s) comes back as status 0, "no answer".
   */
  api(path: string, init?: { method?: string; json?: unknown; giveUpMs?: number }): Promise<Answer>;
  /** SIGKILLs a stack process by name (`alertmanager-1`, `prometheus`…). */
  kill(name: string): void;
  /** Stops the console (SIGTERM, as an orchestrator would) and starts it again on the same port. */
  stopConsole(): Promise<void>;
  startConsole(): Promise<void>;
  /**
   * Starts another Vigil instance (another `next start` on its own port) with the same environment:
   * same PostgreSQL, same Alertmanager pair. Stopped with the world.
   */
  startReplica(): Promise<Replica>;
  stop(): Promise<void>;
};

/** A second instance: its server (SIGKILL it through `server.pid`) and the API called on it. */
export type Replica = { server: VigilServer; api: FaultWorld['api'] };

export async function startFaultWorld(options: {
  /** Names the copy of the console's log kept after the stack is removed (`$TMPDIR/vigil-faults/<name>.log`). */
  name: string;
  /** Replaces or adds variables of Vigil's environment, e.g. upstream URLs of fakes. */
  env?: (stack: Stack) => Record<string, string>;
}): Promise<FaultWorld> {
  const started = Date.now();
  const [port] = await freePorts(1);
  const stack = await startStack({
    vigilUrl: `http://127.0.0.1:${port}`,
    webhookToken: randomBytes(24).toString('hex'),
  });
  const stackSeconds = (Date.now() - started) / 1000;
  let server: VigilServer | undefined;
  try {
    const email = 'faults@example.com';
    await seedUsers(stack.databaseUrl, [{ email, password: 'faults-password-123', role: 'admin' }]);
    const { secret, hash, prefix } = generateApiToken();
    const prisma = createPrismaClient(stack.databaseUrl);
    try {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      await prisma.apiToken.create({ data: { name: 'faults', userId: user.id, tokenHash: hash, prefix } });
    } finally {
      await prisma.$disconnect();
    }
    const env = {
      ...vigilEnvFor(stack),
      VIGIL_CHECK_RESPONSES: '1',
      VIGIL_POLL_INTERVAL_SECONDS: String(POLL_SECONDS),
      VIGIL_UPSTREAM_TIMEOUT_SECONDS: String(UPSTREAM_TIMEOUT_SECONDS),
      ...options.env?.(stack),
    };
    const launch = (on: number, log = 'vigil.log') =>
      startVigilServer({ port: on, logFile: path.join(stack.dir, 'logs', log), env });
    server = await launch(port ?? 0);
    console.info(
      `[faults] stack ready in ${stackSeconds.toFixed(1)} s, console in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    let running = server;
    const replicas: VigilServer[] = [];
    return {
      stack,
      get server() {
        return running;
      },
      token: secret,
      api: (p, init) => call(`${running.url}${p}`, secret, init),
      kill(name) {
        const proc = stack.processes.find((p) => p.name === name);
        if (!proc) throw new Error(`no process ${name} in ${stack.processes.map((p) => p.name).join(', ')}`);
        process.kill(proc.pid, 'SIGKILL');
      },
      stopConsole: () => running.stop(),
      async startConsole() {
        running = await launch(port ?? 0);
      },
      async startReplica() {
        const [another] = await freePorts(1);
        const replica = await launch(another ?? 0, `vigil-replica-${replicas.length + 1}.log`);
        replicas.push(replica);
        return { server: replica, api: (p, init) => call(`${replica.url}${p}`, secret, init) };
      },
      async stop() {
        await Promise.all([running.stop(), ...replicas.map((r) => r.stop())]);
        keepLog(stack, options.name);
        await stack.stop();
      },
    };
  } catch (error) {
    await server?.stop();
    keepLog(stack, options.name);
    await stack.stop();
    throw error;
  }
}

/** stop() removes the stack's folder; the console's log is the evidence when a fault test fails. */
function keepLog(stack: Stack, name: string): void {
  const dir = path.join(tmpdir(), 'vigil-faults');
  mkdirSync(dir, { recursive: true });
  const logs = path.join(stack.dir, 'logs');
  for (const file of existsSync(logs) ? readdirSync(logs) : []) {
    const replica = /^vigil(-replica-\d+)?\.log$/.exec(file);
    if (replica) copyFileSync(path.join(logs, file), path.join(dir, `${name}${replica[1] ?? ''}.log`));
  }
}

async function call(
  url: string,
  token: string,
  init: { method?: string; json?: unknown; giveUpMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    // A hung console must fail the test, not stall it.
    signal: AbortSignal.timeout(init.giveUpMs ?? 45_000),
  }).catch((error: Error) => {
    if (error.name === 'TimeoutError') return undefined;
    throw error;
  });
  const text = await res?.text().catch(() => undefined);
  if (!res || text === undefined) return { status: 0, body: undefined, text: 'no answer', ms: ms() };
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (the postmortem.md and CSV routes): keep the text.
  }
  return { status: res.status, body, text, ms: ms() };
}

/** Firing alerts of a test's own, posted to every given peer as Prometheus does. */
export async function fireAlerts(
  peers: readonly string[],
  labelSets: Record<string, string>[],
): Promise<void> {
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const endsAt = new Date(Date.now() + 3_600_000).toISOString();
  const alerts = labelSets.map((labels) => ({
    labels: { severity: 'warning', ...labels },
    annotations: { summary: `fault test ${labels.alertname}` },
    startsAt,
    endsAt,
  }));
  for (const peer of peers) {
    const res = await fetch(`${peer}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (!res.ok) throw new Error(`POST ${peer}/api/v2/alerts answered ${res.status}`);
  }
}

export type AmSilence = { id: string; status: { state: string }; comment: string };

/** Every silence one Alertmanager peer holds. */
export async function peerSilences(peer: string): Promise<AmSilence[]> {
  const res = await fetch(`${peer}/api/v2/silences`);
  if (!res.ok) throw new Error(`GET ${peer}/api/v2/silences answered ${res.status}`);
  return (await res.json()) as AmSilence[];
}

type AlertsBody = {
  alerts: { fingerprint: string; labels: Record<string, string>; peers: string[] }[];
  counts: { total: number; matching: number };
  upstreams: {
    cluster: string;
    ageSeconds: number | null;
    stale: boolean;
    error: { message: string; hint?: string } | null;
    peers: { name: string; ok: boolean; error?: string }[];
  }[];
};

/** `GET /api/v1/alerts?filter=…` (every state), typed. */
export async function listAlerts(world: FaultWorld, filter: string): Promise<Answer & { body: AlertsBody }> {
  const answer = await world.api(
    `/api/v1/alerts?filter=${encodeURIComponent(filter)}&state=active,silenced,inhibited,acknowledged&limit=100`,
  );
  return answer as Answer & { body: AlertsBody };
}

/** Waits until the console lists `count` alerts for the filter (the poller has seen them). */
export async function waitForAlerts(world: FaultWorld, filter: string, count: number) {
  return waitFor(
    async () => {
      const answer = await listAlerts(world, filter);
      return answer.status === 200 && answer.body.counts.matching === count ? answer.body : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: `${count} alerts matching ${filter} in the console` },
  );
}

/**
 * Every GET route of the JSON API, once (from `app/api/**\/route.ts`). `fingerprint` is an alert the
 * console listed; `incident` an id that may or may not exist (a 404 is a fine answer, a 500 is not).
 */
export function everyGetRoute(fingerprint: string, incident = 'INC-1'): string[] {
  const end = Math.floor(Date.now() / 1000);
  return [
    '/api/health',
    '/api/v1/alerts',
    `/api/v1/alerts/${fingerprint}`,
    `/api/v1/alerts/${fingerprint}/logs`,
    '/api/v1/alerts/labels',
    '/api/v1/audit',
    '/api/v1/audit/export',
    '/api/v1/incidents',
    `/api/v1/incidents/${incident}`,
    `/api/v1/incidents/${incident}/postmortem`,
    `/api/v1/incidents/${incident}/postmortem.md`,
    `/api/v1/logs?query=${encodeURIComponent('{job="api"}')}`,
    '/api/v1/calendar/vcal_unknown',
    '/api/v1/me',
    '/api/v1/me/calendar-feeds',
    '/api/v1/oncall',
    '/api/v1/openapi.json',
    '/api/v1/overview',
    '/api/v1/panels/system/cpu?range=1h',
    '/api/v1/policies',
    '/api/v1/policies/nope',
    '/api/v1/postmortems',
    '/api/v1/postmortems/action-items',
    // A query nobody asked before: the chart cache cannot answer it.
    `/api/v1/query?query=${encodeURIComponent(`vector(${randomBytes(3).readUIntBE(0, 3)})`)}`,
    `/api/v1/query?query=up&start=${end - 300}&end=${end}&step=15`,
    '/api/v1/routes',
    '/api/v1/runbooks',
    '/api/v1/runbooks/disk-space-low',
    '/api/v1/schedules',
    '/api/v1/schedules/primary',
    '/api/v1/schedules/primary/calendar-feeds',
    '/api/v1/schedules/primary/overrides',
    '/api/v1/schedules/primary/shifts',
    '/api/v1/silences',
    '/api/v1/swap-requests',
    '/api/v1/teams',
    '/api/v1/teams/sre',
    '/api/v1/targets',
    '/api/v1/tokens',
    '/api/v1/upstreams',
    '/api/v1/users',
    '/api/v1/users/nobody/profile',
    '/metrics',
  ];
}

/** `status body…` of an answer, short, for assertion messages and the report. */
export function summary(path: string, answer: Answer): string {
  return `${path} → ${answer.status} in ${answer.ms} ms: ${answer.text.slice(0, 300)}`;
}
