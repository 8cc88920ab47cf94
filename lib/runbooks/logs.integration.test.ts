import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LokiReplay, startLokiReplay } from '@/lib/loki/replay-server';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { lokiTarget } from '@/lib/upstreams/targets';
import { parseInput } from '@/lib/validation';
import { logsParamsSchema } from './api-schema';
import { readRecentLogs as readParsed } from './logs';

/**
 * The <LogQL> route's data against the replay of real Loki 2.8 answers (rewrite mode: real lines for
 * the label set below). Each test has its own replay, so no answer comes from another test's cache.
 */

// The query cache takes its byte budget from the configuration, which needs the environment.
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const STREAM = { job: 'api', instance: '127.0.0.1:41999' };
const NOW = Date.now();

let replay: LokiReplay;
beforeEach(async () => {
  replay = await startLokiReplay({ rewrite: { streams: [STREAM] } });
});
afterEach(() => replay.close());

const loki = () => lokiTarget({ url: replay.url, timeoutMs: 5_000 });
/** The query string as the route hands it over: parsed by the operation's schema. */
const readRecentLogs = (target: UpstreamTarget, params: unknown, now: number) =>
  readParsed(target, parseInput(logsParamsSchema, params), now);

describe('recent log lines for a runbook', () => {
  it('asks Loki for the newest lines of the last window and returns them newest first', async () => {
    const answer = await readRecentLogs(loki(), { query: '{job="api"}', since: '15m', limit: '50' }, NOW);
    if (answer.status !== 'ok') throw new Error(JSON.stringify(answer));
    expect(answer.entries.length).toBeGreaterThan(0);
    expect(answer.entries.every((e) => e.labels.job === 'api')).toBe(true);
    const times = answer.entries.map((e) => e.timeMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const sent = replay.requests.find((r) => r.path === '/loki/api/v1/query_range')?.query;
    expect(sent).toMatchObject({ query: '{job="api"}', limit: '50', direction: 'backward' });
    const end = Math.ceil(NOW / 10_000) * 10_000;
    expect(sent?.end).toBe(`${end}000000`);
    expect(sent?.start).toBe(`${end - 15 * 60_000}000000`);
  });

  it("shows Loki's refusal of a broken query verbatim", async () => {
    // The query the replay holds Loki's recorded 400 for.
    const answer = await readRecentLogs(loki(), { query: '{job="node"} |= ' }, NOW);
    expect(answer).toEqual({
      status: 'error',
      message: 'parse error at line 1, col 17: syntax error: unexpected $end, expecting STRING or ip',
      hint: 'Loki refused the query as written in the runbook.',
    });
  });
});
