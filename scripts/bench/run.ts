// `npm run bench [-- --quick]`: the real stack and the production build, loaded with synthetic alerts,
// measured side by side with Alertmanager; writes docs/benchmarks.md. See docs/benchmarks.md for the method.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureAcks } from './ack';
import { postToPeers, SYNTHETIC_FILTER } from './alert-generator';
import { measureHistory } from './history';
import { type LoadResult, load, sequential } from './http-load';
import { machineInfo } from './machine';
import { measureAlertsPage } from './page';
import { CATASTROPHIC_FILTER, measureRegexFilter } from './regex-filter';
import { type BenchResults, renderReport, type SizeResult, verdictRows } from './report';
import {
  type Mark,
  peakRssReading,
  samplesOutside,
  samplesWithin,
  startSampler,
  windowStats,
  worstReadings,
} from './sampler';
import { BENCH_USER, type BenchEnv, startBenchEnv } from './setup';
import { poll } from './stats';
import {
  countsBetween,
  residentMemoryBytes,
  type UpstreamCounts,
  upstreamCounts,
  waitForPolls,
  webhookOutcomes,
} from './vigil-metrics';
import { measureWebhook } from './webhook';

const REPORT = 'docs/benchmarks.md';
const RESULTS = path.join(tmpdir(), 'vigil-bench-results.json');
const log = (line: string) => console.log(`[bench] ${line}`);

/** One size: how long each load run lasts and how long to wait for the alerts to show. */
type SizePlan = {
  alerts: number;
  /** Seconds of each Vigil load run (1 and 50 clients). */
  vigilSeconds: number;
  /** Alertmanager runs: client counts, seconds, and answers at least (one answer of 50,000 alerts takes long). */
  alertmanager: { clients: number[]; seconds: number; minAnswers: number };
  /** How long to wait for Vigil to list every posted alert before the size counts as failed. */
  visibleWithinSeconds: number;
  /** Whether the Alertmanagers keep the stack's inhibit rule while this size is posted and measured. */
  inhibitRules: boolean;
};

type Plan = {
  sizes: SizePlan[];
  /** The size at which the upstream requests are counted and the page, regex filter and acks measured. */
  referenceAlerts: number;
  pageLoads: number;
  acks: number;
  /** Alerts API requests with the catastrophic regex filter, at the reference size. */
  regexSamples: number;
  /** GET /api/v1/history requests per search, on 1,000,000 seeded events. */
  historyRuns: number;
  webhook: { notifications: number; size: number };
};

const FULL: Plan = {
  sizes: [
    {
      alerts: 1000,
      vigilSeconds: 12,
      alertmanager: { clients: [1, 50], seconds: 12, minAnswers: 5 },
      visibleWithinSeconds: 120,
      inhibitRules: true,
    },
    // Vigil's runs here are the 30 s window in which the upstream requests are counted.
    {
      alerts: 10_000,
      vigilSeconds: 30,
      alertmanager: { clients: [1, 50], seconds: 12, minAnswers: 5 },
      visibleWithinSeconds: 180,
      inhibitRules: true,
    },
    // Trimmed to keep the whole run near 8 minutes: one Alertmanager answer of 50,000 alerts takes
    // seconds, and 50 clients of it would only time Alertmanager's instant 503s. Without the inhibit
    // rule: with it, Alertmanager 0.25 gave no answer of 50,000 alerts in 13 minutes (its listing grows
    // with the square of the alerts while a rule's source matches a third of them; fixed upstream by
    // prometheus/alertmanager#4607), so no client could list them and the size measured nothing of Vigil.
    {
      alerts: 50_000,
      vigilSeconds: 12,
      alertmanager: { clients: [1], seconds: 1, minAnswers: 2 },
      visibleWithinSeconds: 300,
      inhibitRules: false,
    },
  ],
  referenceAlerts: 10_000,
  pageLoads: 3,
  acks: 30,
  regexSamples: 5,
  historyRuns: 7,
  webhook: { notifications: 50, size: 200 },
};
const QUICK: Plan = {
  sizes: [
    {
      alerts: 1000,
      vigilSeconds: 10,
      alertmanager: { clients: [1, 50], seconds: 3, minAnswers: 5 },
      visibleWithinSeconds: 60,
      inhibitRules: true,
    },
  ],
  referenceAlerts: 1000,
  pageLoads: 2,
  acks: 10,
  regexSamples: 3,
  historyRuns: 3,
  webhook: { notifications: 10, size: 200 },
};

/** The event-loop lag is read over at least this many polls of every peer at each size. */
const MIN_POLLS_PER_SIZE = 3;

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      render: { type: 'string' },
      // Seconds; Vigil's default (5) when left out.
      'upstream-timeout': { type: 'string' },
      // 0 runs the upstreams at Vigil's own priority; 19 (UPSTREAM_NICE) when left out.
      'upstream-nice': { type: 'string' },
    },
  });
  if (values.render) {
    // Re-render the document from the results of an earlier run (after a change to the report only).
    write(JSON.parse(readFileSync(values.render, 'utf8')) as BenchResults);
    return;
  }
  const plan = values.quick ? QUICK : FULL;
  const startedAt = new Date();
  log(`${values.quick ? 'quick smoke run' : 'full run'}: starting the stack and the console…`);
  const timeout = values['upstream-timeout'];
  if (timeout !== undefined && !(Number(timeout) > 0))
    throw new Error(`--upstream-timeout takes a number of seconds, e.g. 30 (got "${timeout}")`);
  const nice = values['upstream-nice'];
  if (nice !== undefined && !/^(1?[0-9])$/.test(nice))
    throw new Error(`--upstream-nice takes a nice value from 0 to 19 (got "${nice}")`);
  const env = await startBenchEnv(log, {
    upstreamTimeout: timeout === undefined ? undefined : Number(timeout),
    upstreamNice: nice === undefined ? undefined : Number(nice),
  });
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
    const flags = [
      values.quick ? '--quick' : '',
      timeout === undefined ? '' : `--upstream-timeout ${timeout}`,
      nice === undefined ? '' : `--upstream-nice ${nice}`,
    ];
    const command = `npm run bench${flags.some(Boolean) ? ` -- ${flags.filter(Boolean).join(' ')}` : ''}`;
    const results = await measure(env, plan, startedAt, values.quick, command);
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

async function measure(
  env: BenchEnv,
  plan: Plan,
  startedAt: Date,
  quick: boolean,
  command: string,
): Promise<BenchResults> {
  const { server, stack, apiToken } = env;
  const auth = { authorization: `Bearer ${apiToken}` };
  const machine = await machineInfo(stack.databaseUrl);
  let lastSeen = '';
  const matching = async () => {
    const params = new URLSearchParams({ filter: SYNTHETIC_FILTER, limit: '1' });
    const res = await fetch(`${server.url}/api/v1/alerts?${params}`, {
      headers: auth,
      signal: AbortSignal.timeout(30_000),
    });
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
  // From here to the end: event-loop lag and resident memory every second.
  const sampler = startSampler(server.url, { pid: server.pid });
  const sampledFrom = Date.now();

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
  const skipped: BenchResults['skippedSizes'] = [];
  let upstream: BenchResults['upstream'] | undefined;
  // Each size's sampling windows (ms since the epoch), read once the sampler has stopped.
  const windows: { postedAt: number; loadedAt: number; marks: Mark[] }[] = [];
  let page: BenchResults['page'] = {
    error: `not measured: no ${plan.referenceAlerts.toLocaleString('en-GB')}-alert size ran`,
  };
  let regexFilter: BenchResults['regexFilter'] = page;
  let ack: BenchResults['ack'] = page;
  let posted = 0;
  let inhibitRules = true;
  for (const size of plan.sizes) {
    const notShown = sizes.find((s) => s.visibleAfterSeconds === null);
    if (notShown) {
      // A larger size cannot show where a smaller one did not; waiting for it would only cost minutes.
      skipped.push({
        alerts: size.alerts,
        reason: `not run: ${notShown.alerts.toLocaleString('en-GB')} alerts never became visible`,
      });
      continue;
    }
    const reference = size.alerts === plan.referenceAlerts;
    if (size.inhibitRules !== inhibitRules) {
      log(`reloading both Alertmanagers ${size.inhibitRules ? 'with' : 'without'} the inhibit rule`);
      await stack.setInhibitRules(size.inhibitRules);
      inhibitRules = size.inhibitRules;
    }
    log(`posting alerts ${posted}…${size.alerts} to both peers`);
    const pollsBefore = await upstreamCounts(server.url).catch(() => undefined);
    const postedAt = Date.now();
    // When each phase of this size began, to say what the worst lag readings fell in.
    const marks: Mark[] = [{ name: 'alerts arriving', at: postedAt }];
    await postToPeers(stack.alertmanagerUrls, posted, size.alerts);
    posted = size.alerts;
    const visible = await poll(
      `Vigil to list ${size.alerts} synthetic alerts`,
      // A failed answer (the server busy or restarting) is one more reason to keep waiting.
      async () => ((await matching().catch(() => undefined))?.matching ?? 0) >= size.alerts || undefined,
      { timeoutMs: size.visibleWithinSeconds * 1000, intervalMs: 250 },
    ).then(
      () => true,
      () => false,
    );
    const visibleAfterSeconds = visible ? (Date.now() - postedAt) / 1000 : null;
    const listed = await matching().then(
      (m) => m.matching,
      () => 0,
    );
    const notVisible = visible ? undefined : lastSeen;
    log(
      visible
        ? `${size.alerts} alerts visible in Vigil after ${visibleAfterSeconds?.toFixed(1)} s`
        : `${size.alerts} alerts NOT visible within ${size.visibleWithinSeconds} s (${lastSeen}); measuring anyway`,
    );

    const runs: LoadResult[] = [];
    const byClients: { clients: number; counts: UpstreamCounts }[] = [];
    // A scrape that fails (the server too busy to answer) loses that window's counts, not the run.
    const counted = () => upstreamCounts(server.url).catch(() => undefined);
    let failure: string | undefined;
    try {
      for (const connections of [1, 50]) {
        marks.push({ name: `${connections} client${connections > 1 ? 's' : ''}`, at: Date.now() });
        const before = await counted();
        const durationSeconds = size.vigilSeconds;
        const url = `${server.url}/api/v1/alerts?limit=100`;
        runs.push(
          connections === 1
            ? await sequential({ target: 'vigil', url, headers: auth, durationSeconds, minAnswers: 5 })
            : await load({ target: 'vigil', url, headers: auth, connections, durationSeconds }),
        );
        const after = await counted();
        if (before && after) byClients.push({ clients: connections, counts: countsBetween(before, after) });
        else log(`upstream requests at ${connections} client(s) not counted: /metrics did not answer`);
        logRun(size.alerts, runs.at(-1));
      }
    } catch (error) {
      failure = (error as Error).message.split('\n')[0] ?? 'failed';
      log(`load runs at ${size.alerts} alerts failed: ${failure}`);
    }
    // The lag is read across at least MIN_POLLS_PER_SIZE polls of each peer since posting, counted on
    // Vigil's /metrics (polls of slow peers are further apart than the interval: sources.ts).
    marks.push({ name: 'waiting for polls', at: Date.now() });
    await waitForPolls(server.url, pollsBefore, MIN_POLLS_PER_SIZE, log);
    const loadedAt = Date.now();
    marks.push({ name: 'Alertmanager runs', at: loadedAt });
    // Alertmanager's own floor after the lag window: 50 clients on Alertmanager take both cores by
    // themselves, and Vigil's event loop would be measured waiting for a core the bench took.
    try {
      for (const connections of size.alertmanager.clients) {
        const url = `${stack.alertmanagerUrls[0]}/api/v2/alerts`;
        const { seconds: durationSeconds, minAnswers } = size.alertmanager;
        runs.push(
          connections === 1
            ? await sequential({ target: 'alertmanager', url, durationSeconds, minAnswers })
            : await load({ target: 'alertmanager', url, connections, durationSeconds }),
        );
        logRun(size.alerts, runs.at(-1));
      }
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? 'failed';
      failure ??= message;
      log(`Alertmanager load runs at ${size.alerts} alerts failed: ${message}`);
    }
    if (reference) {
      upstream = { alerts: size.alerts, windowSeconds: size.vigilSeconds, byClients };
      ({ regexFilter, page, ack } = await atReferenceSize(env, plan, size.alerts, marks));
    }
    sizes.push({
      alerts: size.alerts,
      visibleAfterSeconds,
      visibleWithinSeconds: size.visibleWithinSeconds,
      inhibitRules: size.inhibitRules,
      listed,
      ...(notVisible ? { notVisible } : {}),
      ...(failure ? { error: failure } : {}),
      runs,
    });
    windows.push({ postedAt, loadedAt, marks });
  }
  // Last, so that its million rows weigh on no other figure, and with the Alertmanager pair stopped: at
  // 50,000 alerts each peer takes a core for seconds at every answer, which on this machine would
  // time the wait for a core, not the search (production peers run elsewhere; the search reads only
  // PostgreSQL). Every Alertmanager figure is taken by now.
  stopAlertmanagers(stack);
  windows.at(-1)?.marks.push({ name: 'history searches', at: Date.now() });
  const history = await attempt(() =>
    measureHistory({
      databaseUrl: stack.databaseUrl,
      vigilUrl: server.url,
      apiToken,
      runs: plan.historyRuns,
      log,
    }),
  );
  // What Alertmanager's own notifications of the synthetic alerts met (it retries on 503).
  const alertmanagerWebhooks = await webhookOutcomes(server.url).catch(() => ({}));
  await sampler.stop();
  const sampledTo = Date.now();
  // Each size's memory window runs until the next size's alerts are posted (or the end).
  sizes.forEach((size, i) => {
    const { postedAt, loadedAt, marks } = windows[i] as (typeof windows)[number];
    const load = fiftyClientRun(marks);
    const acrossPolls = load ? samplesOutside(sampler.samples, load) : sampler.samples;
    size.lag = windowStats(acrossPolls, postedAt, loadedAt);
    size.worstLagAcrossPolls = worstReadings(acrossPolls, postedAt, loadedAt, marks, 3);
    if (load) size.lagUnderLoad = windowStats(samplesWithin(sampler.samples, load), load.from, loadedAt);
    size.worstLag = worstReadings(sampler.samples, postedAt, loadedAt, marks, 5);
    const memoryTo = windows[i + 1]?.postedAt ?? sampledTo;
    size.rss = windowStats(sampler.samples, postedAt, memoryTo);
    size.rssPeak = peakRssReading(sampler.samples, postedAt, memoryTo, marks);
  });
  const whole = windowStats(sampler.samples, sampledFrom, sampledTo);
  return {
    quick,
    command,
    startedAt: startedAt.toISOString(),
    minutes: (Date.now() - startedAt.getTime()) / 60_000,
    loadAtEnd: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    machine,
    pollIntervalSeconds: env.pollIntervalSeconds,
    upstreamTimeoutSeconds: env.upstreamTimeoutSeconds,
    defaultTimeout: env.defaultTimeout,
    upstreamNice: env.upstreamNice,
    alertmanagerWebhooks,
    sizes,
    skippedSizes: skipped,
    referenceAlerts: plan.referenceAlerts,
    // No window when the reference size did not run: the report then says the counts are missing.
    upstream: upstream ?? { alerts: plan.referenceAlerts, windowSeconds: 0, byClients: [] },
    page,
    regexFilter,
    ack,
    webhook,
    history,
    rss: {
      idleBytes,
      peakBytes: whole.rssPeakBytes ?? 0,
      samples: whole.samples,
      failedSamples: sampler.failures(),
    },
  };
}

/** When the 50-client run of a size began and ended, from its phase marks (none if it did not run). */
function fiftyClientRun(marks: readonly Mark[]): { from: number; to: number } | undefined {
  const start = marks.findIndex((m) => m.name === '50 clients');
  const end = marks[start + 1];
  return start >= 0 && end ? { from: (marks[start] as Mark).at, to: end.at } : undefined;
}

/** SIGKILL, as the fault tests stop a peer: the stack's own stop() then finds them gone. */
function stopAlertmanagers(stack: BenchEnv['stack']): void {
  for (const proc of stack.processes.filter((p) => p.name.startsWith('alertmanager-'))) {
    try {
      process.kill(proc.pid, 'SIGKILL');
    } catch {
      // Already gone (it may have died under the 50,000-alert load): nothing left to stop.
    }
  }
  log('stopped the Alertmanager pair before the history search');
}

/** The regex filter, the page and the acknowledgements, measured with `alerts` alerts loaded. */
async function atReferenceSize(env: BenchEnv, plan: Plan, alerts: number, marks: Mark[]) {
  const { server, stack, apiToken } = env;
  marks.push({ name: 'regex filter', at: Date.now() });
  log(`timing the filter ${CATASTROPHIC_FILTER} over ${alerts} alerts, and the liveness probe meanwhile…`);
  const regexFilter = await attempt(() =>
    measureRegexFilter({ vigilUrl: server.url, apiToken, samples: plan.regexSamples }),
  );
  log('measuring the /alerts page in Chromium…');
  marks.push({ name: '/alerts page in Chromium', at: Date.now() });
  const page = await attempt(async () => ({
    alerts,
    ...(await measureAlertsPage({
      vigilUrl: server.url,
      user: BENCH_USER,
      loads: plan.pageLoads,
      screenshotDir: tmpdir(),
    })),
  }));
  log(`acknowledging ${plan.acks} alerts…`);
  marks.push({ name: 'acknowledgements', at: Date.now() });
  const ack = await attempt(() =>
    measureAcks({
      vigilUrl: server.url,
      apiToken,
      alertmanagerUrl: stack.alertmanagerUrls[0],
      count: plan.acks,
    }),
  );
  return { regexFilter, page, ack };
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
