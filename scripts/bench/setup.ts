import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateApiToken } from '@/lib/auth/api-token';
import { createPrismaClient } from '@/lib/db/client';
import { alertmanagerStreams, startLokiReplay } from '@/lib/loki/replay-server';
import { seedUsers } from '../seed-users';
import { freePorts } from '../stack/ports';
import { type Stack, startStack } from '../stack/start-stack';
import { startVigilServer, type VigilServer, vigilEnvFor } from '../vigil-server';

/** The user the benchmark signs in as and acts for (responder: may acknowledge). */
export const BENCH_USER = {
  email: 'bench@vigil.local',
  password: 'vigil-bench-password',
  role: 'responder' as const,
  name: 'Benchmark',
};

export type BenchEnv = {
  stack: Stack;
  server: VigilServer;
  /** `vgl_…` API token of BENCH_USER. */
  apiToken: string;
  pollIntervalSeconds: number;
  upstreamTimeoutSeconds: number;
  /** Whether the upstream timeout is Vigil's default (VIGIL_UPSTREAM_TIMEOUT_SECONDS left unset). */
  defaultTimeout: boolean;
  /** The nice value the upstreams run at. */
  upstreamNice: number;
  stop(): Promise<void>;
};

/**
 * The upstreams run at the lowest priority (startStack's upstreamNice): at 10,000 alerts each
 * Alertmanager answer takes a core for 7–12 s, so the pair answering Vigil's polls took most of this
 * two-core machine, and Vigil's event-loop lag measured its wait for a core. In production they run on
 * hosts of their own; here they get whatever Vigil, PostgreSQL and the load generator leave.
 */
const UPSTREAM_NICE = 19;

/** VIGIL_UPSTREAM_TIMEOUT_SECONDS's default in lib/env.ts. */
const DEFAULT_UPSTREAM_TIMEOUT_SECONDS = 5;

/**
 * The real stack (PostgreSQL, Prometheus, two Alertmanager 0.25 peers, exporters), the Loki replay and
 * the production build under `next start`, as e2e/global-setup.ts starts them, plus the bench user and
 * an API token made directly in the database (the same rows POST /api/v1/tokens writes).
 */
export async function startBenchEnv(
  log: (line: string) => void,
  {
    upstreamTimeout,
    upstreamNice = UPSTREAM_NICE,
  }: {
    /** Seconds; undefined keeps Vigil's default (`npm run bench -- --upstream-timeout 30` overrides it). */
    upstreamTimeout?: number;
    /** The nice value of Prometheus, the Alertmanager pair and the exporters (`--upstream-nice 0`). */
    upstreamNice?: number;
  } = {},
): Promise<BenchEnv> {
  if (!existsSync('.next/BUILD_ID'))
    throw new Error('no production build in .next: run `npm run build` first, then `npm run bench`');
  const [port] = await freePorts(1);
  if (!port) throw new Error('no free port for Vigil');
  const webhookToken = randomBytes(24).toString('hex');
  const stack = await startStack({ vigilUrl: `http://127.0.0.1:${port}`, webhookToken, log, upstreamNice });
  const stops: (() => Promise<void>)[] = [() => stack.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: Error) => log(`stop failed: ${e.message}`));
    stops.length = 0;
  };
  try {
    await seedUsers(stack.databaseUrl, [BENCH_USER]);
    const apiToken = await createToken(stack.databaseUrl);
    const loki = await startLokiReplay({
      rewrite: { streams: alertmanagerStreams(stack.alertmanagerUrls[0]) },
    });
    stops.push(() => loki.close());
    const pollIntervalSeconds = 10;
    // Vigil's default unless asked otherwise: 10,000 alerts must work with default settings (issue 14),
    // although Alertmanager 0.25 takes seconds to answer one GET /api/v2/alerts of that many here.
    const upstreamTimeoutSeconds = upstreamTimeout ?? DEFAULT_UPSTREAM_TIMEOUT_SECONDS;
    const server = await startVigilServer({
      port,
      logFile: path.join(stack.dir, 'logs', 'vigil.log'),
      env: {
        ...vigilEnvFor(stack),
        LOKI_URL: loki.url,
        VIGIL_POLL_INTERVAL_SECONDS: String(pollIntervalSeconds),
        ...(upstreamTimeout === undefined ? {} : { VIGIL_UPSTREAM_TIMEOUT_SECONDS: String(upstreamTimeout) }),
      },
    });
    stops.push(() => server.stop());
    log(`vigil ready on ${server.url} (logs in ${path.join(stack.dir, 'logs')})`);
    return {
      stack,
      server,
      apiToken,
      pollIntervalSeconds,
      upstreamTimeoutSeconds,
      defaultTimeout: upstreamTimeout === undefined,
      upstreamNice,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function createToken(databaseUrl: string): Promise<string> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: BENCH_USER.email } });
    const { secret, hash, prefix } = generateApiToken();
    await prisma.apiToken.create({ data: { name: 'bench', userId: user.id, prefix, tokenHash: hash } });
    return secret;
  } finally {
    await prisma.$disconnect();
  }
}
