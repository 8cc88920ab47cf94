import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextWindow, exploreUrl } from '@/lib/loki/alert-context';
import type { AlertLogs } from '@/lib/loki/alert-logs-schema';
import { readTextFixture } from '@/lib/loki/fixtures';
import { type LokiReplay, startLokiReplay } from '@/lib/loki/replay-server';
import { listenOnLoopback } from '@/lib/loki/test-server';
import { lokiTarget } from '@/lib/upstreams/targets';
import { type AlertLogsDeps, type AlertRef, readAlertLogs } from './alert-logs';

/**
 * The alert log context against the replay of real Loki 2.8 answers, in rewrite mode: the replay
 * holds streams for the labels a harness alert carries (`job="node"`, `instance="127.0.0.1:<port>"`),
 * with the recorded lines. Every test gets its own replay, so nothing is served from another test's
 * cache (the caches are keyed by Loki URL).
 */

const HARNESS_STREAM = { job: 'node', instance: '127.0.0.1:41234' };
const NOW = Math.floor(Date.now() / 10_000) * 10_000;
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

const ALERTS: Record<string, AlertRef> = {
  'instance-down': {
    labels: { alertname: 'InstanceDown', severity: 'critical', ...HARNESS_STREAM },
    startsAt: ago(30),
  },
  'just-fired': { labels: { alertname: 'InstanceDown', ...HARNESS_STREAM }, startsAt: ago(1) },
  watchdog: { labels: { alertname: 'Watchdog', severity: 'none' }, startsAt: ago(60) },
  'unknown-streams': {
    labels: { alertname: 'BatchFailed', job: 'batch', instance: '10.9.9.9:9100' },
    startsAt: ago(30),
  },
};

let replay: LokiReplay;

beforeEach(async () => {
  replay = await startLokiReplay({ rewrite: { streams: [HARNESS_STREAM] } });
});
afterEach(() => replay.close());

function deps(over: Partial<AlertLogsDeps> = {}): AlertLogsDeps {
  return {
    loki: lokiTarget({ url: replay.url, timeoutMs: 5_000 }),
    findAlert: async (fingerprint) => ALERTS[fingerprint],
    now: () => NOW,
    ...over,
  };
}

function ok(result: AlertLogs) {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

const pathsSent = () => replay.requests.map((r) => r.path);
const ns = (iso: string) => `${Date.parse(iso)}000000`;

describe('alert log context against the Loki replay', () => {
  it('is "not configured" without asking anything', async () => {
    expect(await readAlertLogs(deps({ loki: undefined }), 'instance-down')).toMatchObject({
      status: 'not-configured',
    });
    expect(replay.requests).toEqual([]);
  });

  it('shows errors, then warnings, of the streams of the alert, around its start', async () => {
    const result = ok(await readAlertLogs(deps(), 'instance-down'));
    const window = contextWindow(new Date(ago(30)), new Date(NOW));
    expect(result).toMatchObject({
      query: '{job="node",instance="127.0.0.1:41234"} |~ "(?i)error|warn"',
      selector: '{job="node",instance="127.0.0.1:41234"}',
      edited: false,
      labelChecks: [
        { name: 'job', value: 'node', outcome: 'used' },
        { name: 'instance', value: '127.0.0.1:41234', outcome: 'used' },
      ],
      window: { start: window.start.toISOString(), end: window.end.toISOString() },
      truncated: false,
      fullQueryUrl: exploreUrl('instance-down', result.query, window),
    });
    expect(result.entries.map((e) => e.level)).toEqual(['error', 'error', 'warn', 'warn', 'warn', 'warn']);
    expect(result.entries[0]).toMatchObject({
      line: 'level=error msg="failed to read hwmon sensor" err="no such device" trace_id=ee87905e4ca415ea',
      labels: { ...HARNESS_STREAM, level: 'error', env: 'dev' },
      timeNs: expect.stringMatching(/^\d{19}$/),
    });
    for (const group of [result.entries.slice(0, 2), result.entries.slice(2)]) {
      const times = group.map((e) => BigInt(e.timeNs));
      expect(times).toEqual([...times].sort((a, b) => (a > b ? -1 : 1)));
    }
    for (const e of result.entries) {
      expect(e.timeMs).toBeGreaterThanOrEqual(window.start.getTime());
      expect(e.timeMs).toBeLessThan(window.end.getTime());
    }

    const query = replay.requests.find((r) => r.path === '/loki/api/v1/query_range');
    expect(query?.query).toEqual({
      query: result.query,
      start: ns(result.window.start),
      end: ns(result.window.end),
      limit: '100',
      direction: 'backward',
    });
    // Names first, then the values of only the labels the alert could be matched on.
    expect(pathsSent()).toEqual([
      '/loki/api/v1/labels',
      '/loki/api/v1/label/job/values',
      '/loki/api/v1/label/instance/values',
      '/loki/api/v1/query_range',
    ]);
  });

  it('shows the lines up to now for an alert that fired a minute ago', async () => {
    const result = ok(await readAlertLogs(deps(), 'just-fired'));
    expect(result.window).toEqual({ start: ago(16), end: new Date(NOW).toISOString() });
    expect(result.entries.length).toBeGreaterThan(0);
  });

  it('can order by time only', async () => {
    const result = ok(await readAlertLogs(deps(), 'instance-down', { order: 'newest-first' }));
    const times = result.entries.map((e) => BigInt(e.timeNs));
    expect(times).toEqual([...times].sort((a, b) => (a > b ? -1 : 1)));
    expect(new Set(result.entries.map((e) => e.level))).toEqual(new Set(['warn', 'error']));
  });

  it('says which labels were tried when Loki has no matching streams, and sends no query', async () => {
    expect(await readAlertLogs(deps(), 'unknown-streams')).toEqual({
      status: 'no-streams',
      tried:
        'job="batch" (Loki has no stream with this value), instance="10.9.9.9:9100" (Loki has no stream with this value)',
      window: { start: ago(45), end: ago(25) },
    });
    expect(await readAlertLogs(deps(), 'watchdog')).toMatchObject({
      status: 'no-streams',
      tried: 'the alert has none of the labels job, instance, namespace, pod, container, app, service, host',
    });
    expect(pathsSent()).not.toContain('/loki/api/v1/query_range');
  });

  it('runs a user-edited query as given, in the same window', async () => {
    const query = '{job="node",instance="127.0.0.1:41234"}';
    const result = ok(await readAlertLogs(deps(), 'instance-down', { query, limit: '5' }));
    expect(result).toMatchObject({ query, selector: query, edited: true, labelChecks: [], truncated: true });
    expect(result.entries).toHaveLength(5);
    // A user query needs no label lookups.
    expect(pathsSent()).toEqual(['/loki/api/v1/query_range']);
  });

  it("returns Loki's refusal of a bad query verbatim, with a hint, not a failure", async () => {
    const result = await readAlertLogs(deps(), 'instance-down', { query: '{job="node"} |= ' });
    expect(result).toEqual({
      status: 'error',
      message: readTextFixture('error-bad-logql.txt').trim(),
      hint: expect.stringMatching(/Correct it in the LogQL box/),
      query: '{job="node"} |= ',
    });
    expect(readTextFixture('error-bad-logql.txt')).toMatch(/^parse error at line 1, col 17/);
  });

  it('reads an explicit window (the full-query link)', async () => {
    const window = { start: ago(120), end: ago(60) };
    const result = ok(await readAlertLogs(deps(), 'instance-down', { ...window, limit: '1000' }));
    expect(result.window).toEqual(window);
    expect(replay.requests.at(-1)?.query).toMatchObject({
      start: ns(window.start),
      end: ns(window.end),
      limit: '1000',
    });
  });

  it('reports a Loki that is down as status error with what to check', async () => {
    const closed = await listenOnLoopback(createServer());
    await closed.close();
    const result = await readAlertLogs(
      deps({ loki: lokiTarget({ url: closed.url, timeoutMs: 5_000 }) }),
      'instance-down',
    );
    expect(result).toEqual({
      status: 'error',
      message: expect.stringMatching(/^Loki at 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)$/),
      hint: expect.stringMatching(/refused the connection; check that it runs and that LOKI_URL is right/),
      query: null,
    });
  });

  it('costs Loki one query when 20 consoles open the same alert at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => readAlertLogs(deps(), 'instance-down')),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect(ok(results[0] as AlertLogs).entries).toHaveLength(6);
    const count = (path: string) => replay.requests.filter((r) => r.path === path).length;
    expect(count('/loki/api/v1/query_range')).toBe(1);
    expect(count('/loki/api/v1/labels')).toBe(1);
    expect(count('/loki/api/v1/label/job/values')).toBe(1);
    expect(count('/loki/api/v1/label/instance/values')).toBe(1);

    // …and none for the next console within 10 s.
    await readAlertLogs(deps({ now: () => NOW + 5_000 }), 'instance-down');
    expect(count('/loki/api/v1/query_range')).toBe(1);
  });
});
