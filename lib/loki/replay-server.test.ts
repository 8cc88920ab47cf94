import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonFixture, readTextFixture } from './fixtures';
import { alertmanagerStreams, type LokiReplay, startLokiReplay } from './replay-server';
import { labelsResponseSchema, queryResponseSchema } from './schemas';
import { listenOnLoopback } from './test-server';

type IndexEntry = {
  method: string;
  path: string;
  match?: Record<string, string>;
  ready?: boolean;
  file: string;
  status: number;
  contentType: string;
};

const index = readJsonFixture('index.json') as { recordings: IndexEntry[] };

let replay: LokiReplay;

beforeAll(async () => {
  replay = await startLokiReplay();
});

afterAll(() => replay.close());

function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  return fetch(replay.url + pathAndQuery, { headers });
}

describe('Loki replay server', () => {
  it('listens on loopback on a port of its own', () => {
    expect(replay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(replay.url).not.toMatch(/:0$/);
  });

  it.each(index.recordings.map((r) => [`${r.file} (${r.status})`, r] as const))(
    'serves %s byte for byte with the recorded status and Content-Type',
    async (_name, recording) => {
      replay.setReady(recording.ready ?? true);
      const query = new URLSearchParams({ ...recording.match, start: '1', end: '2' });
      const res = await get(`${recording.path}?${query}`);
      expect(res.status).toBe(recording.status);
      expect(res.headers.get('content-type')).toBe(recording.contentType);
      expect(await res.text()).toBe(readTextFixture(recording.file));
      replay.setReady(true);
    },
  );

  it('keeps Loki quirks: a plain-text 400 labelled JSON, and buildinfo outside an envelope', async () => {
    const bad = await get(`/loki/api/v1/query_range?${new URLSearchParams({ query: '{job="node"} |= ' })}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(await bad.text()).toMatch(/^parse error at line 1, col 17/);
    expect(await (await get('/loki/api/v1/status/buildinfo')).json()).toMatchObject({ version: '2.8.0' });
  });

  it("answers an unknown path with Go's plain-text 404, like Loki", async () => {
    const res = await get('/loki/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('404 page not found\n');
  });

  it('answers a known path with an unrecorded query with a 404 that names the request', async () => {
    const res = await get(`/loki/api/v1/query_range?${new URLSearchParams({ query: '{job="other"}' })}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(
      /^Loki replay: no recording for GET \/loki\/api\/v1\/query_range\?query=/,
    );
    const wrongMethod = await fetch(`${replay.url}/loki/api/v1/labels`, { method: 'POST' });
    expect(wrongMethod.status).toBe(404);
  });

  it('matches repeated parameters as a whole list', async () => {
    const one = new URLSearchParams([['match[]', '{job="node"}']]);
    const two = new URLSearchParams([
      ['match[]', '{job="node"}'],
      ['match[]', '{job="api"}'],
    ]);
    expect((await get(`/loki/api/v1/series?${one}`)).status).toBe(200);
    expect((await get(`/loki/api/v1/series?${two}`)).status).toBe(404);
  });

  it('switches /ready between the recorded 503 and 200', async () => {
    replay.setReady(false);
    const starting = await get('/ready');
    expect([starting.status, await starting.text()]).toEqual([
      503,
      'Ingester not ready: waiting for 15s after being ready\n',
    ]);
    replay.setReady(true);
    const ready = await get('/ready');
    expect([ready.status, await ready.text()]).toEqual([200, 'ready\n']);
  });

  it('records method, path, decoded query and headers of every request', async () => {
    const before = replay.requests.length;
    const query = new URLSearchParams([
      ['match[]', '{job="node"}'],
      ['match[]', '{job="api"}'],
      ['start', '1795247574000000000'],
    ]);
    await get(`/loki/api/v1/series?${query}`, { 'X-Scope-OrgID': 'team-a' });
    expect(replay.requests).toHaveLength(before + 1);
    expect(replay.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/loki/api/v1/series',
      query: { 'match[]': ['{job="node"}', '{job="api"}'], start: '1795247574000000000' },
      headers: { 'x-scope-orgid': 'team-a' },
    });
  });

  it('starts not ready when asked, and each replay keeps its own log', async () => {
    const starting = await startLokiReplay({ notReady: true });
    try {
      expect((await fetch(`${starting.url}/ready`)).status).toBe(503);
      expect(starting.requests.map((r) => r.path)).toEqual(['/ready']);
    } finally {
      await starting.close();
    }
  });
});

describe('Loki replay in rewrite mode', () => {
  const harness = { job: 'node', instance: '127.0.0.1:41234' };
  let sets: Record<string, string>[] = [harness];
  let rewriting: LokiReplay;

  beforeAll(async () => {
    rewriting = await startLokiReplay({ rewrite: { streams: () => sets } });
  });
  afterAll(() => rewriting.close());

  const getJson = async (pathAndQuery: string) => {
    const res = await fetch(rewriting.url + pathAndQuery);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    return res.json();
  };
  const queryRange = (params: Record<string, string>) =>
    getJson(`/loki/api/v1/query_range?${new URLSearchParams(params)}`).then((body) => {
      const result = queryResponseSchema.parse(body);
      if (result.type !== 'streams') throw new Error(result.type);
      return result.streams;
    });

  it("lists the label sets' names and values with the recorded ones, sorted like Loki", async () => {
    sets = [harness, { job: 'api', instance: '10.0.0.5:8080', pod: 'api-7d9' }];
    expect(labelsResponseSchema.parse(await getJson('/loki/api/v1/labels'))).toEqual([
      'env',
      'instance',
      'job',
      'level',
      'pod',
    ]);
    expect(labelsResponseSchema.parse(await getJson('/loki/api/v1/label/job/values'))).toEqual([
      'api',
      'legacy-app',
      'node',
      'postgres',
    ]);
    expect(labelsResponseSchema.parse(await getJson('/loki/api/v1/label/instance/values'))).toEqual([
      '10.0.0.5:8080',
      '127.0.0.1:41234',
    ]);
    // Like Loki 2.8, no `data` for a label it does not know.
    expect(await getJson('/loki/api/v1/label/namespace/values')).toEqual({ status: 'success' });
    sets = [harness];
  });

  it('answers a selector of a label set with the recorded lines, relabelled and inside the window', async () => {
    const end = 1795000000; // in the past: Loki has no lines from the future
    const streams = await queryRange({
      query: '{job="node",instance="127.0.0.1:41234"} |~ "(?i)error|warn"',
      start: String((end - 1200) * 1e9),
      end: String(end * 1e9),
      limit: '100',
      direction: 'backward',
    });
    expect(streams.map((s) => s.labels.level).sort()).toEqual(['error', 'warn']);
    for (const stream of streams) {
      expect(stream.labels).toEqual({
        env: 'dev',
        instance: '127.0.0.1:41234',
        job: 'node',
        level: stream.labels.level,
      });
      for (const entry of stream.entries) {
        expect(entry.timeMs).toBeGreaterThanOrEqual((end - 1200) * 1000);
        expect(entry.timeMs).toBeLessThan(end * 1000);
      }
    }
    const lines = streams.flatMap((s) => s.entries.map((e) => e.line));
    expect(lines).toContain(
      'level=error msg="failed to read hwmon sensor" err="no such device" trace_id=ee87905e4ca415ea',
    );
    expect(lines).toHaveLength(6);
  });

  it('follows a changing list of label sets', async () => {
    const query = { query: '{instance="127.0.0.1:50000"}', start: '1794998800', end: '1795000000' };
    expect(await queryRange(query)).toEqual([]);
    sets = [harness, { instance: '127.0.0.1:50000' }];
    expect((await queryRange(query)).flatMap((s) => s.entries)).toHaveLength(20);
    sets = [harness];
  });

  it('still serves the recordings byte for byte, bad LogQL included', async () => {
    const recorded = await fetch(
      `${rewriting.url}/loki/api/v1/query_range?${new URLSearchParams({ query: '{job="node",instance="web-01:9100"}' })}`,
    );
    expect(await recorded.text()).toBe(readTextFixture('query_range-streams.json'));
    const bad = await fetch(
      `${rewriting.url}/loki/api/v1/query_range?${new URLSearchParams({ query: '{job="node"} |= ' })}`,
    );
    expect([bad.status, await bad.text()]).toEqual([400, readTextFixture('error-bad-logql.txt')]);
  });

  it('falls back to the loud 404 for LogQL it does not understand', async () => {
    const res = await fetch(
      `${rewriting.url}/loki/api/v1/query_range?${new URLSearchParams({ query: '{job="node"} | logfmt | level="x"' })}`,
    );
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^Loki replay: no recording for GET/);
  });

  it('answers 500 with the reason when the label sets cannot be read', async () => {
    const broken = await startLokiReplay({
      rewrite: {
        streams: () => {
          throw new Error('Alertmanager at http://127.0.0.1:1 answered 503');
        },
      },
    });
    try {
      const res = await fetch(`${broken.url}/loki/api/v1/labels`);
      expect([res.status, await res.text()]).toEqual([
        500,
        'Loki replay: Alertmanager at http://127.0.0.1:1 answered 503\n',
      ]);
    } finally {
      await broken.close();
    }
  });

  it("takes the label sets from an Alertmanager's alerts", async () => {
    const alerts = [
      {
        labels: { alertname: 'InstanceDown', job: 'node', instance: '127.0.0.1:41234', severity: 'critical' },
      },
      { labels: { alertname: 'Watchdog', severity: 'none' } },
      { labels: { alertname: 'HighCPU', instance: '127.0.0.1:9100' } },
    ];
    const am = await listenOnLoopback(
      createServer((req, res) => {
        res.writeHead(req.url === '/api/v2/alerts' ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(alerts));
      }),
    );
    try {
      expect(await alertmanagerStreams(`${am.url}/`)()).toEqual([
        { job: 'node', instance: '127.0.0.1:41234' },
        { instance: '127.0.0.1:9100' },
      ]);
    } finally {
      await am.close();
    }
  });
});
