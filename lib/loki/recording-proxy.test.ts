import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextFixture } from './fixtures';
import { startRecordingProxy } from './recording-proxy';
import { type LokiReplay, startLokiReplay } from './replay-server';
import { listenOnLoopback } from './test-server';

let replay: LokiReplay;

beforeAll(async () => {
  replay = await startLokiReplay();
});

afterAll(() => replay.close());

describe('recording proxy', () => {
  it("passes Loki's status, Content-Type and body through, and the client's headers on", async () => {
    const proxy = await startRecordingProxy(replay.url);
    try {
      const res = await fetch(
        `${proxy.url}/loki/api/v1/query_range?${new URLSearchParams({ query: '{}' })}`,
        {
          headers: { 'X-Scope-OrgID': 'team-a' },
        },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      expect(await res.text()).toBe(readTextFixture('error-empty-selector.txt'));
      expect(proxy.requests).toMatchObject([{ path: '/loki/api/v1/query_range', query: { query: '{}' } }]);
      expect(replay.requests.at(-1)?.headers).toMatchObject({ 'x-scope-orgid': 'team-a' });
    } finally {
      await proxy.close();
    }
  });

  it('keeps a path prefix of the upstream URL', async () => {
    const proxy = await startRecordingProxy(`${replay.url}/loki-gateway/`);
    try {
      expect((await fetch(`${proxy.url}/ready`)).status).toBe(404);
      expect(replay.requests.at(-1)?.path).toBe('/loki-gateway/ready');
    } finally {
      await proxy.close();
    }
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const { url, close } = await listenOnLoopback(createServer());
    await close();
    const proxy = await startRecordingProxy(url);
    try {
      const res = await fetch(`${proxy.url}/ready`);
      expect(res.status).toBe(502);
      expect(await res.text()).toMatch(/^recording proxy could not reach http:\/\/127\.0\.0\.1:\d+: /);
    } finally {
      await proxy.close();
    }
  });
});
