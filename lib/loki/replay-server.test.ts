import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonFixture, readTextFixture } from './fixtures';
import { type LokiReplay, startLokiReplay } from './replay-server';

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
