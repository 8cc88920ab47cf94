import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError, ValidationError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { prometheusTarget } from '@/lib/upstreams/targets';
import { getLabelValues, getTargets, instantQuery, rangeQuery } from './client';

/**
 * The client against a fake Prometheus on 127.0.0.1: what it sends, and every way an answer can go
 * wrong. The real Prometheus is in client.integration.test.ts.
 */

const PASSWORD = 'pr0m-s3cret-Passw0rd';
const BASIC = `Basic ${Buffer.from(`vigil:${PASSWORD}`).toString('base64')}`;
const TIMEOUT_MS = 300;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

type Received = { method?: string; url?: string; headers: IncomingMessage['headers']; body: string };
type Handler = (response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let target: UpstreamTarget;
let handle: Handler;
let received: Received[];

const answer =
  (status: number, body: string, contentType = 'application/json'): Handler =>
  (response) =>
    response.writeHead(status, { 'content-type': contentType }).end(body);

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ method: request.method, url: request.url, headers: request.headers, body });
    handle(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  target = prometheusTarget({
    name: 'default',
    url: baseUrl,
    auth: { type: 'basic', username: 'vigil', password: PASSWORD },
    timeoutMs: TIMEOUT_MS,
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  handle = answer(500, 'no handler for this test');
});

/** The UpstreamError `promise` rejects with; fails when it resolves or rejects with anything else. */
async function upstreamErrorOf(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected an UpstreamError, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  const upstreamError = error as UpstreamError;
  // The configured password must never reach an error, which may be shown and logged.
  for (const text of [
    upstreamError.message,
    upstreamError.url,
    upstreamError.hint,
    String(upstreamError.stack),
  ]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(BASIC.slice('Basic '.length));
  }
  expect(upstreamError.source).toBe('prometheus');
  return upstreamError;
}

describe('requests (fake server)', () => {
  it('instantQuery POSTs the query, time and deadline as a form, with the configured auth (fake server)', async () => {
    handle = answer(200, fixture('query-scalar.json'));
    const result = await instantQuery(target, 'scalar(sum(up))', new Date('2026-11-21T08:15:02.500Z'));

    expect(result).toEqual({ type: 'scalar', timeMs: 1_795_248_902_000, value: 9 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/query');
    expect(request?.headers.authorization).toBe(BASIC);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      query: 'scalar(sum(up))',
      time: '1795248902.5',
      timeout: '0.3',
    });
  });

  it('instantQuery leaves the time to Prometheus when none is given (fake server)', async () => {
    handle = answer(200, fixture('query-up.json'));
    await instantQuery(target, 'up');
    expect(new URLSearchParams(received[0]?.body).has('time')).toBe(false);
  });

  it('rangeQuery POSTs start, end and step and hands warnings over (fake server)', async () => {
    const withWarnings = {
      ...JSON.parse(fixture('query_range-cpu-by-mode.json')),
      warnings: ['partial data'],
    };
    handle = answer(200, JSON.stringify(withWarnings));
    const warnings: string[][] = [];
    const series = await rangeQuery(target, 'sum by (mode) (rate(node_cpu_seconds_total[1m]))', {
      start: new Date(1_795_248_302_000),
      end: new Date(1_795_248_902_000),
      stepSeconds: 15,
      onWarnings: (w) => warnings.push(w),
    });

    expect(series).toHaveLength(4);
    expect(warnings).toEqual([['partial data']]);
    expect(received[0]?.url).toBe('/api/v1/query_range');
    expect(Object.fromEntries(new URLSearchParams(received[0]?.body))).toMatchObject({
      start: '1795248302',
      end: '1795248902',
      step: '15',
    });
  });

  it('rangeQuery does not call onWarnings without warnings (fake server)', async () => {
    handle = answer(200, fixture('query_range-cpu-by-mode.json'));
    let called = false;
    await rangeQuery(target, 'x', {
      start: new Date(0),
      end: new Date(60_000),
      stepSeconds: 15,
      onWarnings: () => {
        called = true;
      },
    });
    expect(called).toBe(false);
  });

  it('getTargets asks for active targets only (fake server)', async () => {
    handle = answer(200, fixture('targets-state-active.json'));
    expect(await getTargets(target)).toHaveLength(10);
    expect(received[0]).toMatchObject({ method: 'GET', url: '/api/v1/targets?state=active' });
  });

  it('getLabelValues puts the label name into the path, encoded (fake server)', async () => {
    handle = answer(200, fixture('label-job-values.json'));
    expect(await getLabelValues(target, 'job')).toContain('legacy-app');
    await getLabelValues(target, 'a/b');
    expect(received.map((r) => r.url)).toEqual(['/api/v1/label/job/values', '/api/v1/label/a%2Fb/values']);
  });
});

describe('failures (fake server)', () => {
  it('a 422 execution error envelope → its errorType and message (fake server)', async () => {
    handle = answer(422, fixture('error-execution-many-to-many.json'));
    const error = await upstreamErrorOf(instantQuery(target, 'a / on(instance) group_left a'));
    expect(error.upstreamStatus).toBe(422);
    expect(error.url).toBe(`${baseUrl}/api/v1/query`);
    expect(error.message).toMatch(
      /^Prometheus answered 422: execution: found duplicate series for the match group .*many-to-many matching not allowed/,
    );
    expect(error.hint).toBe('The request was refused as shown; fix the input and try again.');
  });

  it("a text/plain 404 (unknown path) → Prometheus's text and a hint at the URL setting (fake server)", async () => {
    handle = answer(404, fixture('error-unknown-endpoint.txt'), 'text/plain; charset=utf-8');
    const error = await upstreamErrorOf(getTargets(target));
    expect(error.upstreamStatus).toBe(404);
    expect(error.url).toBe(`${baseUrl}/api/v1/targets`);
    expect(error.message).toBe('Prometheus answered 404: 404 page not found');
    expect(error.hint).toBe(
      'The path does not exist there; check that PROMETHEUS_URL points at Prometheus itself.',
    );
  });

  it('a 503 query timeout → the envelope message and "overloaded" (fake server)', async () => {
    handle = answer(
      503,
      '{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}',
    );
    const error = await upstreamErrorOf(instantQuery(target, 'up'));
    expect(error.upstreamStatus).toBe(503);
    expect(error.message).toBe('Prometheus answered 503: timeout: query timed out in expression evaluation');
    expect(error.hint).toBe('Prometheus is overloaded or not ready yet; it usually recovers by itself.');
  });

  it('a 200 with malformed JSON → "not JSON" and a hint at what else may answer (fake server)', async () => {
    handle = answer(200, '{"status":"success","data":{"resultType":');
    const error = await upstreamErrorOf(instantQuery(target, 'up'));
    expect(error.upstreamStatus).toBe(200);
    expect(error.message).toBe(
      'Prometheus answered 200 with a body that is not JSON ({"status":"success","data":{"resultType":)',
    );
    expect(error.hint).toBe("Something else may answer at PROMETHEUS_URL, such as a proxy's error page.");
  });

  it('a 200 with an unexpected shape → where it differs (fake server)', async () => {
    // A sample value as a JSON number: not the Prometheus API.
    handle = answer(
      200,
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}}',
    );
    const error = await upstreamErrorOf(instantQuery(target, 'up'));
    expect(error.upstreamStatus).toBe(200);
    expect(error.message).toMatch(
      /^Prometheus answered with an unexpected shape at data\.result\.0\.value\.1: /,
    );
    expect(error.hint).toBe(
      'Vigil supports the API of Prometheus 2.x, Alertmanager 0.2x and Loki 2.x/3.x; check the version behind PROMETHEUS_URL.',
    );
  });

  it('a 200 whose envelope says "error" → an UpstreamError all the same (fake server)', async () => {
    handle = answer(200, fixture('error-bad-promql.json'));
    const error = await upstreamErrorOf(instantQuery(target, 'sum(rate(x[5m]) by ('));
    expect(error.upstreamStatus).toBe(200);
    expect(error.url).toBe(`${baseUrl}/api/v1/query`);
    expect(error.message).toBe(
      'Prometheus answered 200 with an error: bad_data: invalid parameter "query": 1:38: parse error: unexpected <by> in aggregation',
    );
    expect(error.hint).toBe('The request was refused as shown; fix the input and try again.');
  });

  it("a server that never answers → a timeout within the target's timeoutMs (fake server)", async () => {
    handle = () => {};
    const started = performance.now();
    const error = await upstreamErrorOf(getTargets(target));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 700);
    expect(error.upstreamStatus).toBeUndefined();
    expect(error.url).toBe(`${baseUrl}/api/v1/targets`);
    expect(error.message).toBe(`Prometheus at ${new URL(baseUrl).host} did not answer within 300 ms`);
    expect(error.hint).toMatch(
      /raise VIGIL_UPSTREAM_TIMEOUT_SECONDS \(upstreamTimeout, or this upstream's timeout, in VIGIL_CONFIG\)/,
    );
  });

  it('a closed port → "refused the connection" naming the config key (fake server)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const named = prometheusTarget({
      name: 'eu',
      url: `http://${host}`,
      auth: { type: 'basic', username: 'vigil', password: PASSWORD },
      timeoutMs: TIMEOUT_MS,
    });

    const error = await upstreamErrorOf(getTargets(named));
    expect(error.upstreamStatus).toBeUndefined();
    expect(error.url).toBe(`http://${host}/api/v1/targets`);
    expect(error.message).toBe(`Prometheus eu at ${host} could not be reached (ECONNREFUSED)`);
    expect(error.hint).toBe(
      `Prometheus eu at ${host} refused the connection; check that it runs and that prometheus "eu" in VIGIL_CONFIG is right.`,
    );
  });
});

describe('answer size (fake server)', () => {
  const range = { start: new Date(1_700_000_000_000), end: new Date(1_700_003_600_000), stepSeconds: 15 };
  const body = fixture('query_range-cpu-by-mode.json');

  it('reads an answer up to maxAnswerBytes, and refuses a larger one with a 422 naming the query', async () => {
    handle = answer(200, body);
    const bounded = { ...target, maxAnswerBytes: body.length };
    expect((await rangeQuery(bounded, 'x', range)).length).toBeGreaterThan(0);
    const small = { ...target, maxAnswerBytes: body.length - 1 };
    const error = await rangeQuery(small, 'x', range).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      fields: { query: 'answer too large' },
      message: expect.stringMatching(
        /^Prometheus's answer is larger than .* MB, the most Vigil reads; narrow the query/,
      ),
    });
  });

  it('stops reading a chunked answer (no length) once it passes the bound', async () => {
    let written = 0;
    handle = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `${'x'.repeat(64 * 1024)}`;
      const write = () => {
        // An endless answer: only the reader stopping ends it.
        while (written < 64 * 1024 * 1024 && response.write(chunk)) written += chunk.length;
        if (written < 64 * 1024 * 1024) response.once('drain', write);
        else response.end();
      };
      response.write('{"status":"success","data":{"resultType":"matrix","result":["');
      write();
    };
    const error = await rangeQuery({ ...target, maxAnswerBytes: 256 * 1024 }, 'x', range).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });
});
