import type { AckResult } from './ack';
import type { HistoryBenchResult } from './history';
import type { LoadResult } from './http-load';
import type { MachineInfo } from './machine';
import type { PageResult } from './page';
import { CATASTROPHIC_FILTER, type RegexFilterResult } from './regex-filter';
import type { LagReading, RssPeak, WindowStats } from './sampler';
import type { ThreadTimes } from './schedstat';
import { quantile } from './stats';
import type { UpstreamCounts } from './vigil-metrics';
import type { WebhookResult } from './webhook';

export type SizeResult = {
  alerts: number;
  /** From posting until Vigil listed them all; null when it did not within `visibleWithinSeconds`. */
  visibleAfterSeconds: number | null;
  /** Fields below are absent from the results of runs before they were measured. */
  visibleWithinSeconds?: number;
  /** Whether the Alertmanagers kept the stack's inhibit rule for this size (older results: they did). */
  inhibitRules?: boolean;
  /** Synthetic alerts Vigil listed when the wait ended. */
  listed?: number;
  /** What Vigil said when they did not show (its count and upstream error). */
  notVisible?: string;
  /** Why the load runs stopped early (the runs before it are kept). */
  error?: string;
  runs: LoadResult[];
  /**
   * Event-loop lag readings from posting until the load runs ended and every peer was polled 3 times,
   * but for those covering the 50-client run (older results: those too).
   */
  lag?: WindowStats;
  /** The lag readings covering the 50-client run (absent in older results). */
  lagUnderLoad?: WindowStats;
  /** The worst readings of the whole window (the 50-client run included), with the phase each fell in. */
  worstLag?: LagReading[];
  /** The worst readings of `lag` (the 50-client run aside), with the phase each fell in. */
  worstLagAcrossPolls?: LagReading[];
  /** The highest memory reading of the size's window and what ran then. */
  rssPeak?: RssPeak;
  /** Resident memory readings from posting until the next size was posted (or the end). */
  rss?: WindowStats;
};

/** The alerts API p99 at 50 clients before issue 14 (docs/benchmarks.md, 10,000 alerts): not to get worse. */
const API_P99_BEFORE_MS = 488;
const LAG_TARGET_MS = 50;
const RSS_TARGET_BYTES = 400 * 1024 * 1024;

export type BenchResults = {
  quick: boolean;
  command: string;
  /** ISO time. */
  startedAt: string;
  minutes: number;
  /** 1/5/15-minute load averages when the measurements ended (other work on the machine shows here). */
  loadAtEnd: string;
  machine: MachineInfo;
  pollIntervalSeconds: number;
  upstreamTimeoutSeconds: number;
  /** Whether that timeout is Vigil's default (absent in older results: it was set to 30 s). */
  defaultTimeout?: boolean;
  /** The nice value of Prometheus, the Alertmanager pair and the exporters (absent in older results: 0). */
  upstreamNice?: number;
  /** Alertmanager's own webhook notifications (of the synthetic alerts) by outcome, before the webhook part. */
  alertmanagerWebhooks: Record<string, number>;
  sizes: SizeResult[];
  /** Sizes not run, and why. */
  skippedSizes?: { alerts: number; reason: string }[];
  /** The size of the upstream counts, page, regex filter and acks (older results: the largest). */
  referenceAlerts?: number;
  upstream: {
    alerts: number;
    windowSeconds: number;
    byClients: { clients: number; counts: UpstreamCounts }[];
  };
  page: (PageResult & { alerts: number }) | { error: string };
  /** Absent from the results of runs before it was measured. */
  regexFilter?: RegexFilterResult | { error: string };
  ack: AckResult | { error: string };
  webhook: WebhookResult | { error: string };
  /** The history search on 1,000,000 events; absent from the results of runs before it was measured. */
  history?: HistoryBenchResult | { error: string };
  rss: {
    idleBytes: number;
    /** Highest reading of the whole run, and how many readings (one a second) were taken or failed. */
    peakBytes?: number;
    samples?: number;
    failedSamples?: number;
    /** Older results: one reading after the load runs at the largest size. */
    loadedBytes?: number;
    loadedAlerts?: number;
  };
};

type Row = { figure: string; value: string; target: string; met?: boolean };

/**
 * A latency; NaN is a run in which no request was answered (Alertmanager at 50,000 alerts), and null the
 * same NaN read back from the raw results' JSON (`--render`).
 */
const ms = (n: number | null) =>
  n === null || Number.isNaN(n) ? 'no answer' : `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const num = (n: number) => Math.round(n).toLocaleString('en-GB');
const verdict = (met?: boolean) => (met === undefined ? '—' : met ? '**met**' : '**not met**');
/** Results of runs before the filter was sampled three times hold one number. */
const samples = (v: number | number[]) => (Array.isArray(v) ? v : [v]);
const spread = (v: number[]) => `${ms(quantile(v, 0.5))} (${v.map((t) => Math.round(t)).join(', ')})`;
const failed = <T extends object>(r: T | { error: string }): r is { error: string } => 'error' in r;

function statuses(r: LoadResult): string {
  const refused = Object.entries(r.statuses)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, n]) => `${num(n)}× ${code}`);
  return (
    [...refused, r.errors ? `${num(r.errors)} errors/timeouts` : ''].filter(Boolean).join(', ') || 'none'
  );
}

function find(size: SizeResult, target: string, connections: number): LoadResult | undefined {
  return size.runs.find((r) => r.target === target && r.connections === connections);
}

/** The figures with their targets and verdicts. */
export function verdictRows(r: BenchResults): Row[] {
  const rows: Row[] = [...visibilityRows(r)];
  const referenceAlerts = r.referenceAlerts ?? r.sizes.at(-1)?.alerts ?? 0;
  const reference = r.sizes.find((size) => size.alerts === referenceAlerts);
  const v50 = reference && find(reference, 'vigil', 50);
  const am1 = reference && find(reference, 'alertmanager', 1);
  rows.push(
    v50
      ? {
          figure: `Vigil alerts API p99, 50 clients, ${num(referenceAlerts)} alerts`,
          value: `${ms(v50.p99Ms)} (Alertmanager, 1 client: ${am1 ? ms(am1.p99Ms) : 'not measured'}; refused/failed: ${statuses(v50)})`,
          target: `≤ ${API_P99_BEFORE_MS} ms (no worse than before), none refused or failed`,
          met: v50.p99Ms <= API_P99_BEFORE_MS && v50.non2xx === 0 && v50.errors === 0,
        }
      : {
          figure: `Vigil alerts API p99, 50 clients, ${num(referenceAlerts)} alerts`,
          value: 'not measured',
          target: `≤ ${API_P99_BEFORE_MS} ms`,
          met: false,
        },
  );
  if (reference?.lag) {
    const lag = reference.lag;
    const seconds = (lag.to - lag.from) / 1000;
    rows.push({
      figure: `Event-loop lag max across polls, ${num(referenceAlerts)} alerts${reference.lagUnderLoad ? ' (alerts arriving, 1 client, polls)' : ''}${r.upstreamNice ? `; upstreams at nice ${r.upstreamNice}` : ''}`,
      value:
        lag.lagMaxSeconds === null
          ? 'no reading'
          : `${ms(lag.lagMaxSeconds * 1000)} (worst of ${lag.samples} readings over ${seconds.toFixed(0)} s, at least 3 polls of every peer${reference.lagUnderLoad ? ', those of the 50-client run aside' : ''}${worstAt(reference.worstLagAcrossPolls?.[0])}${lag.thread ? `; ${threadTimes(lag.thread)}` : ''})`,
      target: `≤ ${LAG_TARGET_MS} ms`,
      met: lag.lagMaxSeconds !== null && lag.lagMaxSeconds * 1000 <= LAG_TARGET_MS,
    });
  }
  const underLoad = reference?.lagUnderLoad;
  if (underLoad)
    rows.push({
      figure: `Event-loop lag max while 50 clients read the alerts API back to back, ${num(referenceAlerts)} alerts`,
      value:
        underLoad.lagMaxSeconds === null
          ? 'no reading'
          : `${ms(underLoad.lagMaxSeconds * 1000)} (worst of ${underLoad.samples} readings${underLoad.thread ? `; ${threadTimes(underLoad.thread)}` : ''})`,
      target: '— (a saturating load: the run is judged by its p99 above)',
    });
  if (r.upstream.byClients.length === 0)
    rows.push({
      figure: 'Upstream requests per peer per endpoint',
      value: 'not counted',
      target: '',
      met: false,
    });
  const intervals = r.upstream.windowSeconds / r.pollIntervalSeconds;
  const allowed = Math.ceil(intervals) + 1;
  for (const { clients, counts } of r.upstream.byClients) {
    const worst = Math.max(0, ...Object.values(counts));
    rows.push({
      figure: `Upstream requests per peer per endpoint, ${clients} client${clients > 1 ? 's' : ''} (${r.upstream.windowSeconds} s window, ${r.pollIntervalSeconds} s interval)`,
      value: `at most ${worst} in ${intervals.toFixed(1)} intervals (${(worst / intervals).toFixed(2)} per interval)`,
      target: `1 per interval (≤ ${allowed}: the window may hold one more poll)`,
      met: worst <= allowed,
    });
  }
  if (failed(r.page))
    rows.push({ figure: '/alerts page', value: `failed: ${r.page.error}`, target: '', met: false });
  else {
    const p = r.page;
    rows.push(
      {
        figure: `/alerts first row rendered, ${num(p.alerts)} alerts (median of ${p.firstRowMs.length}, cache off)`,
        value: `${ms(p.firstRowMedianMs)} (${p.firstRowMs.map((t) => Math.round(t)).join(', ')})`,
        target: '≤ 1,500 ms',
        met: p.firstRowMedianMs <= 1500,
      },
      {
        figure: '/alerts JavaScript transferred (compressed, on the wire)',
        value: `${kb(p.scriptWireBytes)} in ${p.scriptCount} scripts (${kb(p.scriptDecodedBytes)} decoded)`,
        target: '≤ 300 KB',
        met: p.scriptWireBytes <= 300 * 1024,
      },
      { figure: '/alerts JS heap used (after GC)', value: mb(p.heapUsedBytes), target: '—' },
      {
        figure: `Filter: Enter → updated list (median of ${samples(p.filterEnterMs).length})`,
        value: spread(samples(p.filterEnterMs)),
        target: '—',
      },
      {
        figure: `Filter: last keystroke → updated list, 300 ms typing pause included (median of ${samples(p.filterTypedMs).length})`,
        value: spread(samples(p.filterTypedMs)),
        target: '—',
      },
    );
  }
  if (r.regexFilter) rows.push(...regexRows(r.regexFilter));
  if (failed(r.ack))
    rows.push({ figure: 'Acknowledge', value: `failed: ${r.ack.error}`, target: '', met: false });
  else
    rows.push({
      figure: `Acknowledge → silence active on peer 1 (${r.ack.count} alerts)`,
      value: `p50 ${ms(r.ack.p50Ms)}, p95 ${ms(r.ack.p95Ms)}, max ${ms(r.ack.maxMs)}${r.ack.failures.length ? `; ${r.ack.failures.length} failed` : ''}`,
      target: 'p95 ≤ 300 ms',
      met: r.ack.p95Ms <= 300 && r.ack.failures.length === 0,
    });
  if (failed(r.webhook))
    rows.push({ figure: 'Webhook ingestion', value: `failed: ${r.webhook.error}`, target: '', met: false });
  else {
    const w = r.webhook;
    rows.push({
      figure: `Webhook ingestion (${w.notifications} notifications, ${num(w.alertsSent)} alerts sent, ${num(w.uniqueAlerts)} unique)`,
      value: `${num(w.alertsStoredPerSecond)} alerts/s stored, ${w.notificationsPerSecond.toFixed(1)} notifications/s; ${num(w.rowsStored)} rows, ${num(w.duplicatesReported)} of ${num(w.alertsSent - w.uniqueAlerts)} resent reported as duplicates, ${num(w.lost)} lost; ${w.retried} answered 503 and were sent again, ${w.failed} refused after ${5} attempts`,
      target: '≥ 1,000 alerts/s, zero loss, resends stored once',
      // Stored once is judged on the rows; the answers' duplicate counts are shown as they came.
      met:
        w.alertsStoredPerSecond >= 1000 && w.lost === 0 && w.failed === 0 && w.rowsStored === w.uniqueAlerts,
    });
  }
  if (r.history) rows.push(...historyRows(r.history));
  rows.push({ figure: 'Vigil resident memory, idle', value: mb(r.rss.idleBytes), target: '—' });
  if (reference?.rss)
    rows.push({
      figure: `Vigil resident memory peak, ${num(referenceAlerts)} alerts`,
      value:
        reference.rss.rssPeakBytes === null
          ? 'no reading'
          : `${mb(reference.rss.rssPeakBytes)} (highest of ${reference.rss.samples} readings, one a second, from posting them until the next size${reference.rssPeak ? `, read at +${reference.rssPeak.seconds} s during ${reference.rssPeak.during}` : ''}; whole run: ${mb(r.rss.peakBytes ?? 0)})`,
      target: '≤ 400 MB',
      met: reference.rss.rssPeakBytes !== null && reference.rss.rssPeakBytes <= RSS_TARGET_BYTES,
    });
  else if (r.rss.loadedBytes !== undefined)
    rows.push({
      figure: `Vigil resident memory, ${num(r.rss.loadedAlerts ?? 0)} alerts (after the load runs)`,
      value: mb(r.rss.loadedBytes),
      target: '≤ 400 MB',
      met: r.rss.loadedBytes <= RSS_TARGET_BYTES,
    });
  return rows;
}

const HISTORY_P95_TARGET_MS = 500;

/** GET /api/v1/history on the seeded year: one row per search, its plan's indexes beside the times. */
export function historyRows(h: HistoryBenchResult | { error: string }): Row[] {
  if (failed(h))
    return [{ figure: 'History API, 1,000,000 events', value: `failed: ${h.error}`, target: '', met: false }];
  return h.cases.map((c) => ({
    figure: `History API, ${c.name} \`${c.filter}\`, ${num(h.events)} events (p50/p95 of ${c.ms.length})`,
    value: `p50 ${ms(quantile(c.ms, 0.5))}, p95 ${ms(quantile(c.ms, 0.95))}; ${c.firings} firings${c.partial ? ' (partial)' : ''}, ${num(c.scanned)} events read; plan: ${c.seqScan ? 'Seq Scan on alert_events, ' : ''}${c.indexes.map((i) => `\`${i}\``).join(', ')}`,
    target: `p95 ≤ ${HISTORY_P95_TARGET_MS} ms, indexes only`,
    met: quantile(c.ms, 0.95) <= HISTORY_P95_TARGET_MS && !c.seqScan,
  }));
}

/** The alerts API with the catastrophic filter, and the liveness probe while it ran. */
function regexRows(f: RegexFilterResult | { error: string }): Row[] {
  const figure = `Alerts API, filter \`${CATASTROPHIC_FILTER}\``;
  if (failed(f)) return [{ figure, value: `failed: ${f.error}`, target: '', met: false }];
  const median = quantile(f.filterMs, 0.5);
  // Infinity when no probe answered at all.
  const slowestProbe = f.liveMs.length > 0 ? Math.max(...f.liveMs) : Number.POSITIVE_INFINITY;
  return [
    {
      figure: `${figure}, ${num(f.total)} alerts (median of ${f.filterMs.length})`,
      value: `${spread(f.filterMs)}; matched ${num(f.matching)}`,
      target: '≤ 100 ms',
      met: median <= 100,
    },
    {
      figure: 'Liveness probe while that filter runs (slowest answer)',
      value: `${f.liveMs.length > 0 ? ms(slowestProbe) : 'none answered'} (p50 ${ms(quantile(f.liveMs, 0.5))} of ${f.liveMs.length} probes${f.liveFailures ? `; ${f.liveFailures} failed` : ''}${slowestSent(f.slowestLive)})`,
      target: '≤ 50 ms, none failed',
      met: slowestProbe <= 50 && f.liveFailures === 0,
    },
  ];
}

/** When the slowest liveness probe was sent, relative to the filtered requests. */
function slowestSent(at: RegexFilterResult['slowestLive']): string {
  if (!at) return '';
  if (at.duringRequest === 0) return '; the slowest sent before the first filtered request';
  return `; the slowest sent ${ms(at.intoRequestMs)} after filtered request ${at.duringRequest} was`;
}

/** Whether each size's alerts showed in Vigil with the bench's settings, and the sizes not run. */
function visibilityRows(r: BenchResults): Row[] {
  const settings = r.defaultTimeout
    ? 'default settings'
    : `upstream timeout ${r.upstreamTimeoutSeconds} s instead of the default 5 s`;
  const rows: Row[] = r.sizes
    .filter((size) => size.visibleWithinSeconds !== undefined)
    .map((size) => ({
      figure: `${num(size.alerts)} alerts visible in Vigil (${settings}${size.inhibitRules === false ? '; Alertmanagers without their inhibit rule' : ''})`,
      value:
        size.visibleAfterSeconds === null
          ? `**not** within ${size.visibleWithinSeconds} s: ${size.notVisible ?? `Vigil listed ${num(size.listed ?? 0)}`}`
          : `${size.visibleAfterSeconds.toFixed(1)} s after posting`,
      target: `all listed within ${size.visibleWithinSeconds} s`,
      met: size.visibleAfterSeconds !== null,
    }));
  for (const size of r.sizes)
    if (size.error)
      rows.push({
        figure: `Load runs, ${num(size.alerts)} alerts`,
        value: `failed: ${size.error}`,
        target: '',
        met: false,
      });
  for (const skipped of r.skippedSizes ?? [])
    rows.push({
      figure: `${num(skipped.alerts)} alerts visible in Vigil (${settings})`,
      value: skipped.reason,
      target: 'all listed',
      met: false,
    });
  return rows;
}

const latency = (run: LoadResult | undefined) =>
  run
    ? `${ms(run.p50Ms)} / ${ms(run.p99Ms)}${run.non2xx + run.errors > 0 ? ` (${statuses(run)})` : ''}`
    : '—';

/** The issue-14 figures of every size side by side, Alertmanager's own answer time as the floor. */
function sizeTable(r: BenchResults): string {
  const lines = [
    '| Alerts | Visible after | Vigil p50 / p99, 1 client | Vigil p50 / p99, 50 clients | Event-loop lag max across polls | Event-loop lag max, 50 clients | Resident memory peak | Alertmanager p50 / p99, 1 client (the floor) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of r.sizes) {
    const visible =
      size.visibleAfterSeconds === null
        ? `not within ${size.visibleWithinSeconds} s (${num(size.listed ?? 0)} listed)`
        : `${size.visibleAfterSeconds.toFixed(1)} s`;
    const lag = size.lag?.lagMaxSeconds;
    const loadLag = size.lagUnderLoad?.lagMaxSeconds;
    const rss = size.rss?.rssPeakBytes;
    const lagText = (l: number | null | undefined) => (l === undefined || l === null ? '—' : ms(l * 1000));
    lines.push(
      `| ${num(size.alerts)}${size.inhibitRules === false ? ' (no inhibit rule)' : ''} | ${visible} | ${latency(find(size, 'vigil', 1))} | ${latency(find(size, 'vigil', 50))} | ${lagText(lag)} | ${lagText(loadLag)} | ${rss === undefined || rss === null ? '—' : `${mb(rss)}${size.rssPeak ? ` (${size.rssPeak.during})` : ''}`} | ${latency(find(size, 'alertmanager', 1))} |`,
    );
  }
  for (const skipped of r.skippedSizes ?? [])
    lines.push(`| ${num(skipped.alerts)} | ${skipped.reason} | | | | | |`);
  const worst = r.sizes.filter((size) => size.worstLag?.length);
  if (worst.length > 0)
    lines.push('', 'The worst lag readings of each size, with the phase each fell in:', '');
  for (const size of worst) {
    lines.push(`- ${num(size.alerts)} alerts: ${lagReadings(size.worstLag ?? [])}`);
    if (size.worstLagAcrossPolls?.length && size.lagUnderLoad)
      lines.push(`  - the 50-client run aside (the lag row): ${lagReadings(size.worstLagAcrossPolls)}`);
  }
  return lines.join('\n');
}

const lagReadings = (readings: readonly LagReading[]) =>
  readings
    .map(
      (w) => `${ms(w.lagMs)} at +${w.seconds} s (${w.during}${w.thread ? `; ${threadTimes(w.thread)}` : ''})`,
    )
    .join(', ');

/** Where the worst reading of a row fell, for its value: "; the worst at +41 s, alerts arriving". */
const worstAt = (w: LagReading | undefined) => (w ? `; the worst at +${w.seconds} s, ${w.during}` : '');

/**
 * What Vigil's event-loop thread did, as the kernel counts it.
 *
 * @example threadTimes({ranMs: 280.4, waitedMs: 65_000}) → 'the event-loop thread ran 280 ms and waited 65.0 s for a core'
 */
/** How the run shared the machine's cores between Vigil and the upstreams. */
function priorities(nice: number): string {
  const how =
    nice === 0
      ? 'Prometheus, the Alertmanager pair and the exporters ran at the same priority as Vigil (`--upstream-nice 0`).'
      : `Prometheus, the Alertmanager pair and the exporters ran at nice ${nice} (\`nice -n ${nice}\`, every thread), Vigil, PostgreSQL and the load generator at the normal priority; \`--upstream-nice 0\` runs them alike.`;
  return `${how} On this two-core machine each Alertmanager answer of 10,000 alerts takes a core for seconds; in production the upstreams run on hosts of their own, and a reading taken while Vigil waited for a core they held measures the machine rather than Vigil.`;
}

function threadTimes(t: ThreadTimes): string {
  const span = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : ms(n));
  return `the event-loop thread ran ${span(t.ranMs)} and waited ${span(t.waitedMs)} for a core`;
}

/** The sizes whose Alertmanager runs were cut short, said in the text. */
function trimmed(r: BenchResults): string {
  const sizes = r.sizes.filter((size) => !find(size, 'alertmanager', 50));
  if (sizes.length === 0) return '';
  return ` At ${sizes.map((size) => num(size.alerts)).join(', ')} alerts the Alertmanager runs are trimmed to keep the
whole bench near 8 minutes: one client, at least 2 answers (one answer takes seconds), and no 50-client
run (it would time Alertmanager's instant 503s).`;
}

/** The sizes run with the inhibit rule reloaded away, and why, said in the text. */
function inhibitionNote(r: BenchResults): string {
  const without = r.sizes.filter((size) => size.inhibitRules === false);
  if (without.length === 0) return '';
  return ` Before posting ${without.map((size) => num(size.alerts)).join(', ')} alerts the bench
reloads both peers without it (\`POST /-/reload\`; alerts and silences stay): with it, one peer gave no answer of
50,000 alerts in 13 minutes on this machine, so no console could list them and that size measured nothing of Vigil.`;
}

/** How long each size's runs lasted, as the plan set them. */
function durations(r: BenchResults): string {
  return r.sizes
    .map((size) => {
      const vigil = find(size, 'vigil', 50)?.durationSeconds;
      const am50 = find(size, 'alertmanager', 50)?.durationSeconds;
      const am = am50 === undefined ? 'Alertmanager 1 client only' : `Alertmanager ${am50} s`;
      return `${num(size.alerts)} alerts: Vigil ${vigil ?? '?'} s, ${am}`;
    })
    .join('; ');
}

function loadTable(r: BenchResults): string {
  const lines = [
    '| Alerts | Target | Clients | Requests/s | 2xx/s | p50 | p99 | Refused / failed | p99 ÷ Alertmanager 1-client p99 |',
    '|---:|---|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const size of r.sizes) {
    const am1 = find(size, 'alertmanager', 1);
    for (const run of size.runs) {
      const ok = (run.requests - run.non2xx) / run.durationSeconds;
      const ratio = am1 && am1.requests > 0 ? (run.p99Ms / am1.p99Ms).toFixed(3) : '';
      lines.push(
        `| ${num(size.alerts)} | ${run.target === 'vigil' ? 'Vigil `/api/v1/alerts?limit=100`' : 'Alertmanager peer 1 `/api/v2/alerts`'} | ${run.connections} | ${run.requestsPerSecond.toFixed(1)} | ${ok.toFixed(1)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${statuses(run)} | ${ratio} |`,
      );
    }
  }
  return lines.join('\n');
}

function upstreamTable(r: BenchResults): string {
  const keys = [...new Set(r.upstream.byClients.flatMap((b) => Object.keys(b.counts)))].sort();
  const lines = [
    `| Peer | Endpoint | ${r.upstream.byClients.map((b) => `${b.clients} client${b.clients > 1 ? 's' : ''}`).join(' | ')} |`,
    `|---|---|${r.upstream.byClients.map(() => '---:').join('|')}|`,
  ];
  for (const key of keys)
    lines.push(
      `| ${key
        .split('\t')
        .map((part) => `\`${part}\``)
        .join(' | ')} | ${r.upstream.byClients.map((b) => b.counts[key] ?? 0).join(' | ')} |`,
    );
  return lines.join('\n');
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const rows = verdictRows(r);
  return `# Benchmarks

Generated by \`${r.command}\` on ${r.startedAt.replace('T', ' ').slice(0, 16)} UTC (${r.minutes.toFixed(1)} min${r.quick ? '; **quick smoke run**: 1,000 alerts, 3 s load runs — not the reference figures' : ''}). Re-run it to refresh this page.

| Machine | |
|---|---|
| CPU | ${m.cpu} |
| Cores | ${m.cores} |
| Memory | ${m.memory} |
| Load average (1, 5, 15 min) at start / at end | ${m.loadAtStart} / ${r.loadAtEnd} |
${Object.entries(m.versions)
  .map(([k, v]) => `| ${k} | ${v} |`)
  .join('\n')}

Everything — PostgreSQL, Prometheus, both Alertmanagers, the exporters, the Loki replay, Vigil (\`next start\`),
the load generator and Chromium — runs on this one machine, so the load generator competes with what it measures,
and other work on the machine (builds, other test runs) may have run at the same time. Read the figures as
orders of magnitude and as a comparison made under the same conditions, not as capacity planning.

## Targets

| Figure | Measured | Target | Verdict |
|---|---|---|---|
${rows.map((row) => `| ${row.figure} | ${row.value} | ${row.target} | ${verdict(row.met)} |`).join('\n')}

## Alerts API under load

${loadTable(r)}

50 clients: autocannon, 50 keep-alive connections asking back to back. 1 client: one request after another on a
keep-alive connection (\`node:http\`, asking for gzip as browsers do), each answer read to its last byte and dropped
undecoded, for as long and for at least 5 answers (autocannon drops the request in flight at the end, and one
Alertmanager answer of 10,000 alerts can take longer than a whole run). Runs before 7 December 2026 used \`fetch\`,
which inflated and buffered every answer: at 10,000 alerts that client took more CPU than Vigil on this machine
(19 s against 18 s in a 31 s run), competing with the event loop whose lag is read. Run lengths: ${durations(r)}.
The ${num(r.upstream.alerts)}-alert Vigil runs are the upstream window below.${trimmed(r)} p99 of a handful of answers is their
maximum. Vigil is asked with an API token (\`Authorization: Bearer vgl_…\`): the
answer is one filtered, grouped and ordered page of 100 plus the counts, read from the in-memory snapshot.
Alertmanager is asked for everything (\`/api/v2/alerts\`, what a console that reads it directly must fetch).
Alertmanager 0.25 limits concurrent GET requests (\`--web.get-concurrency\`, by default the number of CPUs but at least
8) and answers the rest at once with 503: these are counted as refused, and the p50/p99 of a run with many refusals mostly
time those instant refusals — the 2xx/s column is what it served. Alerts became visible in Vigil
${r.sizes.map((s) => `${s.visibleAfterSeconds === null ? `not within ${s.visibleWithinSeconds} s` : `${s.visibleAfterSeconds.toFixed(1)} s after posting`} (${num(s.alerts)})`).join(', ')} (poll interval ${r.pollIntervalSeconds} s).

## Per size

${sizeTable(r)}

Event-loop lag max: the highest \`nodejs_eventloop_lag_max_seconds\` (prom-client's default metrics on Vigil's
\`/metrics\`; it resets at every scrape, so each reading is the worst delay of the second before; its timer ticks every
millisecond, so a reading overstates a stall by 1 ms at most, where prom-client's default 10 ms tick, used by runs before
6 December 2026, added up to 10 ms) read once a second
from posting a size's alerts until Vigil's load runs ended and Vigil had read every peer's alerts at least 3 times
since posting (counted on its \`/metrics\`): the alerts arriving (Alertmanager's webhook notifications and the polls
that bring them), the 1-client run and the polls after. The readings that cover the 50-client run are reported
apart: fifty connections asking back to back keep the event loop busy by design, so a timer there waits for
requests, not for a poll, and that run is judged by its p99. Alertmanager's own runs (the floor) come after that window: with 50 clients
Alertmanager takes both of this machine's cores by itself, and Vigil's lag would measure the wait for a core the bench
took. Beside the lag: how long Vigil's event-loop thread ran on a core and how long it was ready to run but waited
for one (its \`/proc/<pid>/task/<pid>/schedstat\`, read with each lag reading). On this two-core machine the
Alertmanager pair, PostgreSQL, the load generator and Vigil share the cores: a lag reading taken while the thread
waited most of that second for a core measures the machine more than Vigil's own work. Resident memory peak: the highest
\`process_resident_memory_bytes\` read once a second from posting a size's alerts until the next size was posted
(or the end: the ${num(r.referenceAlerts ?? r.upstream.alerts)}-alert window also holds the regex filter, the page and the
acknowledgements). ${r.rss.samples === undefined ? '' : `${num(r.rss.samples)} readings in all, ${r.rss.failedSamples ?? 0} failed (no answer within 10 s).`}
Alertmanager's own 1-client answer, everything at once, is the floor under any console that reads it. Up to
${num(r.referenceAlerts ?? r.upstream.alerts)} alerts the Alertmanagers run the stack's inhibit rule (critical inhibits warning on the same instance), and
most of that floor is the rule: Alertmanager 0.25 checks every alert it lists against every alert of the rule's
source, so its answer grows with the square of the alerts (README, "Quick start").${inhibitionNote(r)}

## Upstream requests

Requests Vigil made to each Alertmanager peer during the ${r.upstream.windowSeconds} s Vigil load runs above at ${num(r.upstream.alerts)} alerts,
from the difference of \`vigil_upstream_requests_total{source="alertmanager"}\` on Vigil's \`/metrics\` before and after
(counted when an answer arrives; poll interval ${r.pollIntervalSeconds} s, so ${(r.upstream.windowSeconds / r.pollIntervalSeconds).toFixed(1)} intervals; a window can hold one poll more than whole intervals).
The next poll starts one interval after the previous one *ended*, or twice the previous poll's duration when
that is longer (Vigil keeps an upstream busy at most a third of the time), and one poll of a peer with many alerts
waits seconds for Alertmanager, so fewer polls than intervals mean the snapshot is older than the interval, not that
a poll was skipped. The client count must not change these numbers:

${upstreamTable(r)}

## Method

- **Alerts**: synthetic, from a catalogue of 12 rules (InstanceDown, HighCPUUsage, DiskSpaceLow, HighMemoryUsage,
  PostgreSQLDown, PostgreSQLReplicationLag, HighErrorRate, HighLatency, PodCrashLooping, EndpointProbeFailed,
  CertificateExpiringSoon, NTPClockSkew) with severity, \`instance=host-N:9100\`, job, namespace/pod for the
  Kubernetes ones, summary and description; posted in batches of 1,000 to both peers as Prometheus does, then
  waited for until Vigil's \`/api/v1/alerts?filter=instance=~"host-.*"\` counts them all. The stack's own rules
  (an always-down target) add a few alerts of their own. Alertmanager also sends these alerts to Vigil's webhook
  (the stack routes every receiver there), as in production.
- **Vigil's settings**: poll interval ${r.pollIntervalSeconds} s (the default), upstream timeout
  ${r.upstreamTimeoutSeconds} s${r.defaultTimeout ? ' (the default: `VIGIL_UPSTREAM_TIMEOUT_SECONDS` unset)' : ' instead of the default 5 s'}; \`npm run bench -- --upstream-timeout 30\`
  sets it. Alertmanager 0.25 takes seconds to answer one \`GET /api/v2/alerts\` of 10,000 alerts on this machine, longer
  while it also sends its notifications; issue 14 asks for 10,000 alerts to show with default settings. A size whose
  alerts are not all listed within its wait is reported as not met (with what Vigil said), measured anyway, and the
  larger sizes are not run.
- **Priorities**: ${priorities(r.upstreamNice ?? 0)}
- **Alertmanager's own notifications** of the synthetic alerts to Vigil's webhook during the run, by outcome:
  ${
    Object.entries(r.alertmanagerWebhooks)
      .map(([outcome, n]) => `${outcome} ${n}`)
      .join(', ') || 'none'
  } (\`unavailable\` = 503, which Alertmanager retries).
- **Page**: Debian's Chromium through Playwright, signed in as a responder, \`/alerts\` loaded with the browser cache
  disabled (CDP \`Network.setCacheDisabled\`). First row: \`performance.now()\` (since navigation start) when a
  MutationObserver first sees \`[data-testid="alert-row"]\`, the row then waited for as visible. JavaScript: the sum
  of CDP \`Network.loadingFinished.encodedDataLength\` over responses of type Script of the first load — bytes on the
  wire as \`next start\` serves them (gzip), response headers included; "decoded" sums \`Network.dataReceived\`.
  Heap: CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`. Filter: \`${'severity="info"'}\` typed into
  the 'Filter alerts' box (info alerts sort last, so none are on the first page before), timed until every listed
  row is an info alert, from a freshly loaded list each time; three times with Enter, three times with the last
  keystroke (the box applies a filter that parses after a 300 ms pause).
- **Catastrophic regex**: \`GET /api/v1/alerts?filter=${CATASTROPHIC_FILTER}\` with the token at ${num(r.referenceAlerts ?? r.upstream.alerts)} alerts,
  one request after another, each with a different \`limit\` so that none is served from the answer cache and each
  runs the pattern over every alert's \`instance\` (\`host-N:9100\`, up to 14 characters: hours for a backtracking
  regex engine). Meanwhile \`GET /api/health?probe=live\` is asked back to back, 5 ms apart, from before the first
  request until after the last; its slowest answer is the figure.
- **Acknowledge**: \`POST /api/v1/alerts/{fingerprint}/ack\` with the token and a comment, one alert after another,
  timed until \`GET /api/v2/silence/{id}\` on peer 1 answers 200 with state \`active\`.
- **Webhook**: measured first, before any alert is posted to Alertmanager (otherwise Alertmanager's own
  notifications of the 10,000 alerts, and its retries, compete for the same endpoint and database). Version-4
  notifications of new alerts (own \`instance\` labels, so the poller never records them), posted 4 at a time with
  \`VIGIL_WEBHOOK_TOKEN\`, a 503 sent again after 1 s (up to 5 attempts, as Alertmanager retries); every fifth notification sent again as peer 2 and every tenth
  again as peer 1 (an HA pair and a retry). Alerts/s stored = rows of these alerts in \`alert_events\` (counted with
  \`pg\`) ÷ wall time from the first post to the last answer. Critical alerts among them auto-open incidents, as in
  production.
- **History search**: measured last, after everything above, with the Alertmanager pair stopped (at 50,000 alerts
  each peer takes a core for seconds at every answer; the search reads only PostgreSQL). 1,000,000 events seeded in Vigil's database by one
  \`generate_series\` (scripts/bench/history-seed.ts: a year of firings, one every 63 s, ~200 alert names, 2,000
  instances, 3 clusters, 1,000 still firing), then \`GET /api/v1/history\` (first page of 50) with the token, one
  request after another, per search; the plan is PostgreSQL's EXPLAIN of the search's first slice.
  \`npx tsx scripts/bench/history-cli.ts\` runs this part alone.
- **Memory**: \`process_resident_memory_bytes\` of the server process from \`/metrics\`: idle once (before any alert
  was posted, after a few warm-up requests), then once a second until the end (see "Per size").
`;
}
