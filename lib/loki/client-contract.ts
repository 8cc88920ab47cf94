import { expect, it } from 'vitest';
import { UpstreamError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import {
  getBuildInfo,
  getLabels,
  getLabelValues,
  getReady,
  getSeries,
  instantQuery,
  queryRange,
} from './client';
import type { LokiQueryResult } from './schemas';
import type { RecordedRequest } from './test-server';

/**
 * The Loki client's test cases, run unchanged against the replay of real Loki 2.8 answers and against
 * a real Loki when LOKI_URL is set (client.integration.test.ts). They need the data the recordings
 * were made with: streams {job, instance, level, env="dev"} with logfmt lines for job "node" on
 * instance "web-01:9100" inside `window`. The expectations hold for any Loki holding that data;
 * what only the recordings can promise (exact lines, exact error text) is tested beside the replay.
 */

export type ContractContext = {
  target: UpstreamTarget;
  /** The tenant the target sends as X-Scope-OrgID (undefined: no header). */
  tenant: string | undefined;
  /** What reached the server, oldest first (the replay's log, or the recording proxy's). */
  requests: RecordedRequest[];
  /** A window (whole seconds) holding the test data. */
  window: { start: Date; end: Date };
};

/** The UpstreamError a call rejects with; fails the test if it resolves or throws something else. */
export async function upstreamRejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}

/** Nanoseconds written without the code under test: ms followed by six zeros. */
const ns = (date: Date) => `${date.getTime()}000000`;

export function lokiClientContract(context: () => ContractContext): void {
  function lastRequest(): RecordedRequest {
    const request = context().requests.at(-1);
    if (!request) throw new Error('the server received no request');
    return request;
  }

  function streamsOf(result: LokiQueryResult) {
    if (result.type !== 'streams') throw new Error(`expected streams, got ${result.type}`);
    return result.streams;
  }

  it('query_range returns log streams newest first, ns kept and converted to ms; sends ns times and the tenant', async () => {
    const { target, tenant, window } = context();
    const result = await queryRange(target, {
      query: '{job="node",instance="web-01:9100"}',
      ...window,
      limit: 20,
      direction: 'backward',
    });
    const streams = streamsOf(result);
    const entries = streams.flatMap((s) => s.entries);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(20);
    for (const stream of streams) {
      expect(stream.labels).toMatchObject({ job: 'node', instance: 'web-01:9100' });
      const times = stream.entries.map((e) => BigInt(e.timeNs));
      expect(times).toEqual([...times].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    }
    for (const entry of entries) {
      expect(entry.timeNs).toMatch(/^\d{19}$/);
      expect(entry.timeMs).toBe(Number(entry.timeNs.slice(0, -6)));
      expect(entry.timeMs).toBeGreaterThanOrEqual(window.start.getTime());
      expect(entry.timeMs).toBeLessThan(window.end.getTime());
      expect(entry.line).toMatch(/level=\w+ msg=/);
    }

    const sent = lastRequest();
    expect(sent).toMatchObject({
      method: 'GET',
      path: '/loki/api/v1/query_range',
      query: {
        query: '{job="node",instance="web-01:9100"}',
        start: ns(window.start),
        end: ns(window.end),
        limit: '20',
        direction: 'backward',
      },
    });
    expect(sent.headers['x-scope-orgid']).toBe(tenant);
  });

  it('query_range runs a metric query into a matrix of [ms, number] points; limit defaults to 100', async () => {
    const { target, window } = context();
    const result = await queryRange(target, {
      query: 'sum by (level) (count_over_time({job="node"}[1m]))',
      ...window,
      stepSeconds: 15,
    });
    if (result.type !== 'matrix') throw new Error(`expected matrix, got ${result.type}`);
    expect(result.series.length).toBeGreaterThan(0);
    for (const series of result.series) {
      expect(Object.keys(series.labels)).toEqual(['level']);
      expect(series.points.length).toBeGreaterThan(0);
      series.points.forEach(([timeMs, value], i) => {
        const previous = series.points[i - 1]?.[0] ?? timeMs - 15_000;
        expect(timeMs - previous).toBeGreaterThan(0);
        expect((timeMs - previous) % 15_000).toBe(0);
        expect(Number.isInteger(value) && value > 0).toBe(true);
      });
    }
    expect(lastRequest().query).toMatchObject({ step: '15', limit: '100', start: ns(window.start) });
  });

  it('an instant metric query answers a vector at the requested time', async () => {
    const { target, window } = context();
    const result = await instantQuery(
      target,
      'sum by (job, level) (count_over_time({env="dev"}[15m]))',
      window.end,
    );
    if (result.type !== 'vector') throw new Error(`expected vector, got ${result.type}`);
    expect(result.samples.length).toBeGreaterThan(0);
    for (const sample of result.samples) {
      expect(Object.keys(sample.labels).sort()).toEqual(['job', 'level']);
      expect(sample.timeMs).toBe(window.end.getTime());
      expect(sample.value).toBeGreaterThan(0);
    }
    expect(lastRequest()).toMatchObject({ path: '/loki/api/v1/query', query: { time: ns(window.end) } });
  });

  it('a selector nothing matches answers no streams', async () => {
    const { target, window } = context();
    expect(await queryRange(target, { query: '{job="does-not-exist"}', ...window })).toEqual({
      type: 'streams',
      streams: [],
    });
  });

  it('lists label names in the window', async () => {
    const { target, window } = context();
    expect(await getLabels(target, window)).toEqual(
      expect.arrayContaining(['env', 'instance', 'job', 'level']),
    );
    expect(lastRequest()).toMatchObject({
      path: '/loki/api/v1/labels',
      query: { start: ns(window.start), end: ns(window.end) },
    });
  });

  it('lists the values of the job label', async () => {
    const { target, window } = context();
    expect(await getLabelValues(target, 'job', window)).toContain('node');
    expect(lastRequest().path).toBe('/loki/api/v1/label/job/values');
  });

  it('lists the series of a selector', async () => {
    const { target, window } = context();
    const series = await getSeries(target, ['{job="node"}'], window);
    expect(series.length).toBeGreaterThan(0);
    for (const labels of series) expect(labels).toMatchObject({ job: 'node', env: 'dev' });
    expect(lastRequest().query['match[]']).toBe('{job="node"}');
  });

  it('reads the build info, which is not wrapped in {status, data}', async () => {
    const info = await getBuildInfo(context().target);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reports a started Loki as ready', async () => {
    expect(await getReady(context().target)).toEqual({ ready: true, detail: 'ready' });
  });

  it("turns bad LogQL into an UpstreamError 400 carrying Loki's plain-text message", async () => {
    const { target, window } = context();
    const error = await upstreamRejection(queryRange(target, { query: '{job="node"} |= ', ...window }));
    expect(error).toMatchObject({ source: 'loki', upstreamStatus: 400 });
    expect(error.message).toMatch(/^Loki answered 400: parse error at line 1, col 17: syntax error/);
    expect(error.hint).toMatch(/fix the input/);
  });

  it('turns bad LogQL in an instant query into the same kind of error', async () => {
    const error = await upstreamRejection(instantQuery(context().target, 'sum(rate({job="node"}[1m])) by ('));
    expect(error.upstreamStatus).toBe(400);
    expect(error.message).toMatch(/^Loki answered 400: parse error at line 1, col 33: /);
  });

  it('turns an empty selector into an UpstreamError 400 that explains the rule', async () => {
    const { target, window } = context();
    const error = await upstreamRejection(queryRange(target, { query: '{}', ...window }));
    expect(error.upstreamStatus).toBe(400);
    expect(error.message).toMatch(/queries require at least one regexp or equality matcher/);
  });
}
