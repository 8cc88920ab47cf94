// `npm run bench [-- --quick]`: the real stack and the production build, loaded with synthetic alerts,
// measured side by side with Alertmanager; writes docs/benchmarks.md. See docs/benchmarks.md for the method.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureAcks } from './ack';
import { postToPeers, SYNTHETIC_FILTER } from './alert-generator';
import { type LoadResult, load, sequential } from './http-load';
import { machineInfo } from './machine';
import { measureAlertsPage } from './page';
import { CATASTROPHIC_FILTER, measureRegexFilter } from './regex-filter';
import { type BenchResults, renderReport, type SizeResult, verdictRows } from './report';
import { BENCH_USER, type BenchEnv, startBenchEnv } from './setup';
import { poll } from './stats';
import {
  countsBetween,
  residentMemoryBytes,
  type UpstreamCounts,
  upstreamCounts,
  webhookOutcomes,
} from './vigil-metrics';
import { measureWebhook } from './webhook';

const REPORT = 'docs/benchmarks.md';
const RESULTS = path.join(tmpdir(), 'vigil-bench-results.json');
const log = (line: string) => console.log(`[bench] ${line}`);

type Plan = {
  sizes: number[];
  /** Seconds per load run; Vigil's runs at the largest size last `upstreamWindow` (counted upstream). */
  loadSeconds: number;
  upstreamWindow: number;
  pageLoads: number;
  acks: number;
  /** Alerts API requests with the catastrophic regex filter, at the largest size. */
  regexSamples: number;
  webhook: { notifications: number; size: number };
};

const FULL: Plan = {
  sizes: [1000, 10_000],
  loadSeconds: 12,
  upstreamWindow: 30,
  pageLoads: 3,
  acks: 30,
  regexSamples: 5,
  webhook: { notifications: 50, size: 200 },
};
const QUICK: Plan = {
  sizes: [1000],
  loadSeconds: 3,
  upstreamWindow: 10,
  pageLoads: 2,
  acks: 10,
  regexSamples: 3,
  webhook: { notifications: 10, size: 200 },
};

async function main() {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, render: { type: 'string' } },
  });
  if (values.render) {
    // Re-render the document from the results of an earlier run (after a change to the report only).
    write(JSON.parse(readFileSync(values.render, 'utf8')) as BenchResults);
    return;
  }
  const plan = values.quick ? QUICK : FULL;
  const startedAt = new Date();
  log(`${values.quick ? 'quick smoke run' : 'full run'}: starting the stack and the console…`);
  const env = await startBenchEnv(log);
  let stopping = false;
  const stopAndExit = (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping everything…');
    void env.stop().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => stopAndExit(130));
  process.once('SIGTERM', () => stopAndExit(143));
  try {
    const results = await measure(env, plan, startedAt, values.quick);
    writeFileSync(RESULTS, JSON.stringify(results, null, 2));
    log(`raw results in ${RESULTS} (\`npm run bench -- --render ${RESULTS}\` re-renders the document)`);
    write(results);
  } finally {
    if (!stopping) {
      stopping = true;
      await env.stop();
    }
  }
}

function write(results: BenchResults) {
  writeFileSync(REPORT, renderReport(results));
  for (const row of verdictRows(results))
    log(`${row.figure}: ${row.value}${row.met === undefined ? '' : row.met ? '  [met]' : '  [NOT met]'}`);
  log(`wrote ${REPORT}`);
}

async function measure(env: BenchEnv, plan: Plan, startedAt: Date, quick: boolean): Promise<BenchResults> {
  const { server, stack, apiToken } = env;
  const auth = { authorization: `Bearer ${apiToken}` };
  const machine = await machineInfo(stack.databaseUrl);
  let lastSeen = '';
  const matching = async () => {
    const params = new URLSearchParams({ filter: SYNTHETIC_FILTER, limit: '1' });
    const res = await fetch(`${server.url}/api/v1/alerts?${params}`, { headers: auth });
    if (!res.ok) throw new Error(`GET /api/v1/alerts answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as {
      counts: { matching: number };
      fetchedAt: string | null;
      upstreams: { error: { message: string } | null }[];
    };
    const error = body.upstreams.find((u) => u.error)?.error?.message;
    lastSeen = `Vigil listed ${body.counts.matching}${error ? `; upstream error: ${error}` : ''}`;
    return { matching: body.counts.matching, fetchedAt: body.fetchedAt };
  };
  // Warm up (first requests compile nothing in production, but fill caches) and wait for the first poll.
  await poll('the first Alertmanager poll', async () => ((await matching()).fetchedAt ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 500,
  });
  for (let i = 0; i < 5; i++) await matching();
  const idleBytes = await residentMemoryBytes(server.url);
  log(`idle RSS ${(idleBytes / 1024 / 1024).toFixed(0)} MB`);

  log(`posting ${plan.webhook.notifications} webhook notifications of ${plan.webhook.size} alerts…`);
  const webhook = await attempt(() =>
    measureWebhook({
      vigilUrl: server.url,
      webhookToken: stack.webhookToken,
      alertmanagerUrls: stack.alertmanagerUrls,
      databaseUrl: stack.databaseUrl,
      concurrency: 4,
      ...plan.webhook,
    }),
  );

  const sizes: SizeResult[] = [];
  let upstream: BenchResults['upstream'] | undefined;
  let posted = 0;
  for (const size of plan.sizes) {
    const largest = size === plan.sizes.at(-1);
    log(`posting alerts ${posted}…${size} to both peers`);
    const postedAt = Date.now();
    await postToPeers(stack.alertmanagerUrls, posted, size);
    posted = size;
    await poll(
      `Vigil to list ${size} synthetic alerts`,
      async () => ((await matching()).matching >= size ? true : undefined),
      { timeoutMs: 180_000, intervalMs: 250 },
    ).catch((error: Error) => {
      throw new Error(`${error.message} (${lastSeen})`);
    });
    const visibleAfterSeconds = (Date.now() - postedAt) / 1000;
    log(`${size} alerts visible in Vigil after ${visibleAfterSeconds.toFixed(1)} s`);

    const runs: LoadResult[] = [];
    const byClients: { clients: number; counts: UpstreamCounts }[] = [];
    for (const connections of [1, 50]) {
      const before = await upstreamCounts(server.url);
      const durationSeconds = largest ? plan.upstreamWindow : plan.loadSeconds;
      const url = `${server.url}/api/v1/alerts?limit=100`;
      runs.push(
        connections === 1
          ? await sequential({ target: 'vigil', url, headers: auth, durationSeconds, minAnswers: 5 })
          : await load({ target: 'vigil', url, headers: auth, connections, durationSeconds }),
      );
      byClients.push({
        clients: connections,
        counts: countsBetween(before, await upstreamCounts(server.url)),
      });
      logRun(size, runs.at(-1));
    }
    for (const connections of [1, 50]) {
      const url = `${stack.alertmanagerUrls[0]}/api/v2/alerts`;
      const durationSeconds = plan.loadSeconds;
      runs.push(
        connections === 1
          ? await sequential({ target: 'alertmanager', url, durationSeconds, minAnswers: 5 })
          : await load({ target: 'alertmanager', url, connections, durationSeconds }),
      );
      logRun(size, runs.at(-1));
    }
    sizes.push({ alerts: size, visibleAfterSeconds, runs });
    if (largest) upstream = { alerts: size, windowSeconds: plan.upstreamWindow, byClients };
  }
  const loadedAlerts = posted;

  log(
    `timing the filter ${CATASTROPHIC_FILTER} over ${loadedAlerts} alerts, and the liveness probe meanwhile…`,
  );
  const regexFilter = await attempt(() =>
    measureRegexFilter({ vigilUrl: server.url, apiToken, samples: plan.regexSamples }),
  );

  log('measuring the /alerts page in Chromium…');
  const page = await attempt(async () => ({
    alerts: loadedAlerts,
    ...(await measureAlertsPage({
      vigilUrl: server.url,
      user: BENCH_USER,
      loads: plan.pageLoads,
      screenshotDir: tmpdir(),
    })),
  }));
  const loadedBytes = await residentMemoryBytes(server.url);
  log(`RSS at ${loadedAlerts} alerts: ${(loadedBytes / 1024 / 1024).toFixed(0)} MB`);

  log(`acknowledging ${plan.acks} alerts…`);
  const ack = await attempt(() =>
    measureAcks({
      vigilUrl: server.url,
      apiToken,
      alertmanagerUrl: stack.alertmanagerUrls[0],
      count: plan.acks,
    }),
  );
  // What Alertmanager's own notifications of the synthetic alerts met (it retries on 503).
  const alertmanagerWebhooks = await webhookOutcomes(server.url);
  if (!upstream) throw new Error('no load run at the largest size');
  return {
    quick,
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    startedAt: startedAt.toISOString(),
    minutes: (Date.now() - startedAt.getTime()) / 60_000,
    loadAtEnd: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    machine,
    pollIntervalSeconds: env.pollIntervalSeconds,
    upstreamTimeoutSeconds: env.upstreamTimeoutSeconds,
    alertmanagerWebhooks,
    sizes,
    upstream,
    page,
    regexFilter,
    ack,
    webhook,
    rss: { idleBytes, loadedBytes, loadedAlerts },
  };
}

/** A part that fails is reported as failed in the document; the others still run. */
async function attempt<T>(part: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await part();
  } catch (error) {
    log(`failed: ${(error as Error).message}`);
    return { error: (error as Error).message.split('\n')[0] ?? 'failed' };
  }
}

function logRun(size: number, r: LoadResult | undefined) {
  if (!r) return;
  log(
    `${size} alerts, ${r.target}, ${r.connections} client(s): ${r.requests} answers, ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
}

main().then(
  // Nothing should be left, but a stray handle (a pool, the browser) must not keep the command alive.
  () => process.exit(0),
  (error: Error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
