import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { prometheusTarget } from '@/lib/upstreams/targets';
import { freePorts } from '@/scripts/stack/ports';
import { type Stack, startStack } from '@/scripts/stack/start-stack';
import { waitFor } from '@/scripts/stack/wait';
import {
  getAlerts,
  getBuildInfo,
  getLabelValues,
  getRules,
  getTargets,
  instantQuery,
  rangeQuery,
} from './client';
import type { AlertingRule, InstantResult } from './schemas';

/**
 * The client against the real Prometheus 2.42 of the stack harness: 5 s scrapes and rule evaluations,
 * a job `api` whose target never answers, the demo rules (scripts/stack/config/rules.ts).
 */

// The first scrapes and evaluations come within ~5 s of the start; this leaves room for a busy machine.
const FIRST_ROUND_MS = 30_000;

let stack: Stack;
let target: UpstreamTarget;

beforeAll(async () => {
  // Nothing listens at the Vigil URL: the `vigil` job is down too, which these tests do not mind.
  const [vigilPort] = await freePorts(1);
  stack = await startStack({ vigilUrl: `http://127.0.0.1:${vigilPort}`, webhookToken: 'x'.repeat(24) });
  target = prometheusTarget({ name: 'default', url: stack.prometheusUrl, timeoutMs: 10_000 });
});

afterAll(async () => {
  await stack?.stop();
});

function samplesOf(result: InstantResult) {
  if (result.type !== 'vector') throw new Error(`expected a vector, got ${result.type}`);
  return result.samples;
}

/** `up` once both the node exporter and the dead `api` target have been scraped. */
function waitForFirstScrapes() {
  return waitFor(
    async () => {
      const samples = samplesOf(await instantQuery(target, 'up'));
      const jobs = new Set(samples.map((s) => s.labels.job));
      return jobs.has('node') && jobs.has('api') && samples;
    },
    { timeoutMs: FIRST_ROUND_MS, what: 'the first scrapes of node and api' },
  );
}

describe('instant query (real Prometheus)', () => {
  it('up: 1 for the node exporter, 0 for the dead api target', async () => {
    const samples = await waitForFirstScrapes();
    const node = samples.find((s) => s.labels.job === 'node');
    const api = samples.find((s) => s.labels.job === 'api');
    expect(node).toMatchObject({ labels: { __name__: 'up', job: 'node' }, value: 1 });
    expect(api).toMatchObject({
      labels: { job: 'api', instance: new URL(stack.downTargetUrl).host },
      value: 0,
    });
    expect(Math.abs((node?.timeMs ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('vector(1) at a given time: one sample with no labels, at exactly that time', async () => {
    const at = new Date(Date.now() - 1_500);
    expect(await instantQuery(target, 'vector(1)', at)).toEqual({
      type: 'vector',
      samples: [{ labels: {}, timeMs: at.getTime(), value: 1 }],
    });
  });

  it('scalars, including the infinities and NaN Prometheus sends as strings', async () => {
    const at = new Date();
    expect(await instantQuery(target, 'scalar(vector(2.5))', at)).toEqual({
      type: 'scalar',
      timeMs: at.getTime(),
      value: 2.5,
    });
    expect(await instantQuery(target, '1/0')).toMatchObject({
      type: 'scalar',
      value: Number.POSITIVE_INFINITY,
    });
    expect(await instantQuery(target, '-1/0')).toMatchObject({
      type: 'scalar',
      value: Number.NEGATIVE_INFINITY,
    });
    const nan = await instantQuery(target, '0/0');
    expect(nan.type === 'scalar' && Number.isNaN(nan.value)).toBe(true);
  });

  it('a string literal', async () => {
    expect(await instantQuery(target, '"on call"')).toMatchObject({ type: 'string', value: 'on call' });
  });

  it('a range selector: a matrix of raw samples', async () => {
    await waitForFirstScrapes();
    const result = await instantQuery(target, 'up{job="node"}[1m]');
    if (result.type !== 'matrix') throw new Error(result.type);
    expect(result.series).toHaveLength(1);
    expect(result.series[0]?.points.length).toBeGreaterThan(0);
    expect(result.series[0]?.points.every(([, value]) => value === 1)).toBe(true);
  });

  it('a PromQL syntax error → UpstreamError with status 400 and the parser message', async () => {
    const error = await instantQuery(target, 'sum(rate(up[5m]) by (').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    const upstreamError = error as UpstreamError;
    expect(upstreamError.upstreamStatus).toBe(400);
    expect(upstreamError.url).toBe(`${stack.prometheusUrl}/api/v1/query`);
    expect(upstreamError.message).toMatch(
      /^Prometheus answered 400: bad_data: invalid parameter "query": .*parse error/,
    );
  });

  it('an evaluation error → UpstreamError with status 422 (execution)', async () => {
    await waitForFirstScrapes();
    // Many-to-many: every CPU mode of the node exporter matches every other one.
    const query = 'node_cpu_seconds_total / on(instance) group_left node_cpu_seconds_total';
    const error = await instantQuery(target, query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(422);
    expect((error as UpstreamError).message).toMatch(/^Prometheus answered 422: execution: .*many-to-many/);
  });
});

describe('range query (real Prometheus)', () => {
  it('the last two minutes of up{job="node"}: points one step apart, all 1', async () => {
    await waitForFirstScrapes();
    const stepSeconds = 5;
    let range = { start: new Date(), end: new Date() };
    // Points exist only from the first scrape on: ask again, up to now, until a few are in.
    const series = await waitFor(
      async () => {
        const end = new Date();
        range = { start: new Date(end.getTime() - 120_000), end };
        const result = await rangeQuery(target, 'up{job="node"}', { ...range, stepSeconds });
        return (result[0]?.points.length ?? 0) >= 2 && result;
      },
      { timeoutMs: FIRST_ROUND_MS, what: 'two points of up{job="node"}' },
    );
    const { start, end } = range;
    expect(series).toHaveLength(1);
    expect(series[0]?.labels).toMatchObject({ job: 'node' });
    const points = series[0]?.points ?? [];
    for (const [i, [timeMs, value]] of points.entries()) {
      expect(value).toBe(1);
      expect(timeMs).toBeGreaterThanOrEqual(start.getTime());
      expect(timeMs).toBeLessThanOrEqual(end.getTime());
      // Prometheus evaluates at start + k × step.
      expect((timeMs - start.getTime()) % (stepSeconds * 1000)).toBe(0);
      if (i > 0) expect(timeMs - (points[i - 1]?.[0] ?? 0)).toBe(stepSeconds * 1000);
    }
  });

  it('a step that is not positive → UpstreamError 400 with Prometheus’s reason', async () => {
    const end = new Date();
    const error = await rangeQuery(target, 'up', {
      start: new Date(end.getTime() - 60_000),
      end,
      stepSeconds: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(400);
    expect((error as UpstreamError).message).toMatch(/^Prometheus answered 400: bad_data: .*step/);
  });
});

describe('targets (real Prometheus)', () => {
  it('the api target is down with a scrape error; node is up', async () => {
    const targets = await waitFor(
      async () => {
        const all = await getTargets(target);
        const scraped = (job: string) => all.find((t) => t.job === job)?.lastScrape;
        return scraped('node') && scraped('api') && all;
      },
      { timeoutMs: FIRST_ROUND_MS, what: 'the first scrapes of node and api' },
    );
    const api = targets.find((t) => t.job === 'api');
    const node = targets.find((t) => t.job === 'node');
    expect(api).toMatchObject({
      scrapePool: 'api',
      scrapeUrl: stack.downTargetUrl,
      instance: new URL(stack.downTargetUrl).host,
      health: 'down',
    });
    expect(api?.lastError).toMatch(/connection refused/);
    expect(node).toMatchObject({
      instance: new URL(stack.exporters.node).host,
      health: 'up',
      lastError: '',
    });
    expect(node?.lastScrape).toBeInstanceOf(Date);
    expect(Math.abs((node?.lastScrape?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(node?.lastScrapeDurationSeconds).toBeGreaterThan(0);
  });
});

describe('rules and alerts (real Prometheus)', () => {
  it('the demo rule groups, every rule evaluated and healthy', async () => {
    const groups = await waitFor(
      async () => {
        const all = await getRules(target);
        return all.every((g) => g.rules.every((r) => r.health !== 'unknown')) && all;
      },
      { timeoutMs: FIRST_ROUND_MS, what: 'the first evaluation of every rule' },
    );
    expect(groups.map((g) => g.name).sort()).toEqual(['availability', 'meta', 'node', 'postgresql']);
    const rules = groups.flatMap((g) => g.rules);
    expect(rules.every((r) => r.health === 'ok' && r.lastError === '')).toBe(true);
    const instanceDown = rules.find(
      (r): r is AlertingRule => r.type === 'alerting' && r.name === 'InstanceDown',
    );
    expect(instanceDown).toMatchObject({
      query: 'up == 0',
      durationSeconds: 30,
      labels: { severity: 'critical' },
      annotations: { runbook_url: 'instance-down' },
    });
  });

  it('Watchdog fires, in /api/v1/alerts and on its rule', async () => {
    const watchdog = await waitFor(
      async () =>
        (await getAlerts(target)).find((a) => a.labels.alertname === 'Watchdog' && a.state === 'firing'),
      { timeoutMs: FIRST_ROUND_MS, what: 'Watchdog firing' },
    );
    expect(watchdog).toMatchObject({ labels: { severity: 'none' }, value: 1 });
    expect(watchdog.annotations.summary).toBe('Alerting pipeline heartbeat');
    expect(watchdog.activeAt.getTime()).toBeLessThanOrEqual(Date.now());

    const rule = (await getRules(target))
      .flatMap((g) => g.rules)
      .find((r): r is AlertingRule => r.type === 'alerting' && r.name === 'Watchdog');
    expect(rule?.state).toBe('firing');
    expect(rule?.alerts).toEqual([watchdog]);
  });
});

describe('build info and label values (real Prometheus)', () => {
  it('reports version 2.42', async () => {
    const info = await getBuildInfo(target);
    expect(info.version).toMatch(/^2\.42\./);
    expect(info.goVersion).toMatch(/^go1\./);
  });

  it('lists the scraped jobs', async () => {
    await waitForFirstScrapes();
    expect(await getLabelValues(target, 'job')).toEqual(
      expect.arrayContaining(['api', 'node', 'prometheus']),
    );
  });

  it('a base URL with a wrong path prefix → the plain-text 404 and a hint at PROMETHEUS_URL', async () => {
    const wrong = prometheusTarget({
      name: 'default',
      url: `${stack.prometheusUrl}/prometheus`,
      timeoutMs: 10_000,
    });
    const error = await getBuildInfo(wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      upstreamStatus: 404,
      message: 'Prometheus answered 404: 404 page not found',
      hint: 'The path does not exist there; check that PROMETHEUS_URL points at Prometheus itself.',
    });
  });
});
