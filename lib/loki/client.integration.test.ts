import { createServer, type RequestListener } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lokiTestEnv } from '@/lib/env';
import { requestUpstream, type UpstreamTarget } from '@/lib/upstreams/http';
import { lokiTarget } from '@/lib/upstreams/targets';
import { errorMessage, getBuildInfo, getLabels, getReady, queryRange } from './client';
import { type ContractContext, lokiClientContract, upstreamRejection } from './client-contract';
import { readJsonFixture, readTextFixture } from './fixtures';
import { startRecordingProxy } from './recording-proxy';
import { type LokiReplay, startLokiReplay } from './replay-server';
import { queryResponseSchema } from './schemas';
import { listenOnLoopback, type RecordingServer } from './test-server';

const { url: REAL_LOKI_URL, tenant: REAL_LOKI_TENANT } = lokiTestEnv();

/** The window every recording was made with (fixtures/index.json: start=1795247574, end=1795248474). */
const RECORDED_WINDOW = { start: new Date(1795247574_000), end: new Date(1795248474_000) };

describe('Loki client against the replay of real Loki 2.8 answers', () => {
  const tenant = 'team-a';
  let replay: LokiReplay;
  const target = () => lokiTarget({ url: replay.url, tenant, timeoutMs: 5_000 });

  beforeAll(async () => {
    replay = await startLokiReplay();
  });
  afterAll(() => replay.close());

  lokiClientContract(() => ({
    target: target(),
    tenant,
    requests: replay.requests,
    window: RECORDED_WINDOW,
  }));

  describe('what only the recordings can promise', () => {
    it('returns the 20 recorded lines in 3 streams, exactly', async () => {
      const result = await queryRange(target(), {
        query: '{job="node",instance="web-01:9100"}',
        ...RECORDED_WINDOW,
        limit: 20,
      });
      expect(result).toEqual(queryResponseSchema.parse(readJsonFixture('query_range-streams.json')));
      if (result.type !== 'streams') throw new Error(result.type);
      expect(result.streams.map((s) => s.entries.length)).toEqual([4, 14, 2]);
      expect(result.streams[2]?.entries[0]).toMatchObject({
        timeNs: expect.stringMatching(/^1795248\d{12}$/),
        line: expect.stringMatching(/^level=error msg="failed to read hwmon sensor"/),
      });
    });

    it("carries Loki's error text unchanged", async () => {
      const badLogql = await upstreamRejection(
        queryRange(target(), { query: '{job="node"} |= ', ...RECORDED_WINDOW }),
      );
      expect(badLogql.message).toBe(`Loki answered 400: ${readTextFixture('error-bad-logql.txt').trim()}`);
      const empty = await upstreamRejection(queryRange(target(), { query: '{}', ...RECORDED_WINDOW }));
      expect(empty.message).toBe(`Loki answered 400: ${readTextFixture('error-empty-selector.txt').trim()}`);
      expect(empty.url).toBe(`${replay.url}/loki/api/v1/query_range`);
    });

    it('reads the recorded build info', async () => {
      expect(await getBuildInfo(target())).toEqual({
        version: '2.8.0',
        revision: '90888a0cc7',
        branch: 'HEAD',
        buildDate: '2026-11-21T08:06:38Z',
        goVersion: undefined,
      });
    });

    it('sends no X-Scope-OrgID without a tenant', async () => {
      await getLabels(lokiTarget({ url: replay.url, timeoutMs: 5_000 }), RECORDED_WINDOW);
      expect(replay.requests.at(-1)?.headers).not.toHaveProperty('x-scope-orgid');
    });

    it('reports a starting Loki as not ready (503), then ready', async () => {
      const starting = await startLokiReplay({ notReady: true });
      try {
        const startingTarget = lokiTarget({ url: starting.url, timeoutMs: 5_000 });
        expect(await getReady(startingTarget)).toEqual({
          ready: false,
          detail: 'Ingester not ready: waiting for 15s after being ready',
        });
        starting.setReady(true);
        expect(await getReady(startingTarget)).toEqual({ ready: true, detail: 'ready' });
      } finally {
        await starting.close();
      }
    });
  });
});

/**
 * The recorded streams, moved in time so the newest line is 2 s old, pushed to a real Loki; returns a
 * window (whole seconds) that holds them. Loki accepts out-of-order lines within an hour by default.
 */
async function pushRecordedStreams(target: UpstreamTarget): Promise<ContractContext['window']> {
  const recorded = queryResponseSchema.parse(readJsonFixture('query_range-streams.json'));
  if (recorded.type !== 'streams') throw new Error(recorded.type);
  const times = recorded.streams
    .flatMap((s) => s.entries.map((e) => BigInt(e.timeNs)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const [oldest, newest] = [times[0], times.at(-1)];
  if (oldest === undefined || newest === undefined) throw new Error('the recording holds no lines');
  const end = new Date(Math.ceil(Date.now() / 1000) * 1000);
  const shift = BigInt(end.getTime() - 2_000) * 1_000_000n - newest;
  const streams = recorded.streams.map((s) => ({
    stream: s.labels,
    values: s.entries.map((e) => [(BigInt(e.timeNs) + shift).toString(), e.line]),
  }));
  await requestUpstream(target, {
    method: 'POST',
    path: '/loki/api/v1/push',
    json: { streams },
    // Loki answers a push with 204 and no body (shared fixtures: push-response.txt).
    emptyBody: null,
    schema: z.null(),
    errorMessage,
  });
  const oldestMs = Number((oldest + shift) / 1_000_000n);
  return { start: new Date(Math.floor(oldestMs / 1000) * 1000 - 1000), end };
}

describe.runIf(REAL_LOKI_URL)('Loki client against a real Loki (LOKI_URL)', () => {
  let proxy: RecordingServer;
  let window: ContractContext['window'];
  const target = () => lokiTarget({ url: proxy.url, tenant: REAL_LOKI_TENANT, timeoutMs: 10_000 });

  beforeAll(async () => {
    const direct = lokiTarget({ url: REAL_LOKI_URL ?? '', tenant: REAL_LOKI_TENANT, timeoutMs: 10_000 });
    // A freshly started Loki answers 503 on /ready for ~15 s. (expect.poll is not allowed in hooks.)
    await vi.waitFor(
      async () => {
        const readiness = await getReady(direct);
        if (!readiness.ready) throw new Error(`Loki at LOKI_URL is not ready: ${readiness.detail}`);
      },
      { timeout: 60_000, interval: 500 },
    );
    window = await pushRecordedStreams(direct);
    proxy = await startRecordingProxy(REAL_LOKI_URL ?? '');
  });
  afterAll(() => proxy?.close());

  lokiClientContract(() => ({
    target: target(),
    tenant: REAL_LOKI_TENANT,
    requests: proxy.requests,
    window,
  }));
});

describe('Loki client failures (fake server)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function fakeLoki(handler: RequestListener, timeoutMs = 5_000): Promise<UpstreamTarget> {
    const { url, close } = await listenOnLoopback(createServer(handler));
    closers.push(close);
    return lokiTarget({ url, timeoutMs });
  }

  function answer(status: number, contentType: string, body: string): RequestListener {
    return (_req, res) => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(body);
    };
  }

  it('gives up after timeoutMs when Loki does not answer', async () => {
    const target = await fakeLoki(() => {}, 150);
    const started = performance.now();
    const error = await upstreamRejection(getLabels(target));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ source: 'loki', upstreamStatus: undefined });
    expect(error.message).toMatch(/^Loki at 127\.0\.0\.1:\d+ did not answer within 150 ms$/);
  });

  it("reports a proxy's 502 with the start of its page and says Loki failed", async () => {
    const target = await fakeLoki(answer(502, 'text/html', '<html><body>502 Bad Gateway</body></html>\n'));
    const error = await upstreamRejection(queryRange(target, { query: '{job="node"}', ...RECORDED_WINDOW }));
    expect(error).toMatchObject({ upstreamStatus: 502, status: 502 });
    expect(error.message).toBe('Loki answered 502: <html><body>502 Bad Gateway</body></html>');
    expect(error.hint).toMatch(/Loki failed; its own log says why/);
  });

  it('reports a 200 whose body is not JSON', async () => {
    const target = await fakeLoki(answer(200, 'application/json', '{"status":"success","data":{"result'));
    const error = await upstreamRejection(getLabels(target));
    expect(error.upstreamStatus).toBe(200);
    expect(error.message).toMatch(/^Loki answered 200 with a body that is not JSON/);
    expect(error.hint).toMatch(/LOKI_URL/);
  });

  it('reports an answer of an unexpected shape with where it went wrong', async () => {
    const body = JSON.stringify({
      status: 'success',
      data: { resultType: 'streams', result: [{ stream: { job: 'node' }, values: [[1795248400, 'x']] }] },
    });
    const target = await fakeLoki(answer(200, 'application/json', body));
    const error = await upstreamRejection(queryRange(target, { query: '{job="node"}', ...RECORDED_WINDOW }));
    expect(error.message).toMatch(
      /^Loki answered with an unexpected shape at data\.result\.0\.values\.0\.0: /,
    );
    expect(error.hint).toMatch(/Loki 2\.x\/3\.x; check the version behind LOKI_URL/);
  });

  it('names LOKI_URL when the connection is refused', async () => {
    const { url, close } = await listenOnLoopback(createServer());
    await close();
    const error = await upstreamRejection(getReady(lokiTarget({ url, timeoutMs: 5_000 })));
    expect(error.message).toMatch(/^Loki at 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)$/);
    expect(error.hint).toMatch(/refused the connection; check that it runs and that LOKI_URL is right/);
  });

  it('treats /ready answering 500 as a failure, not as "starting"', async () => {
    const target = await fakeLoki(answer(500, 'text/plain', 'boom'));
    const error = await upstreamRejection(getReady(target));
    expect(error).toMatchObject({ upstreamStatus: 500, message: 'Loki answered 500: boom' });
  });
});
