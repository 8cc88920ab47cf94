import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { parseInput } from '@/lib/validation';
import { logsParamsSchema } from './api-schema';
import { readRecentLogs as readParsed } from './logs';

/** What the <LogQL> route decides before Loki answers; the replay tests are in logs.integration.test.ts. */

// The query cache takes its byte budget from the configuration, which needs the environment.
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const unreachable: UpstreamTarget = {
  source: 'loki',
  name: 'default',
  baseUrl: 'http://127.0.0.1:9',
  timeoutMs: 1_000,
  configHint: 'LOKI_URL',
};

/** The query string as the route hands it over: parsed by the operation's schema, whose refusals are 422s. */
const readRecentLogs = async (loki: UpstreamTarget | undefined, params: unknown) =>
  readParsed(loki, parseInput(logsParamsSchema, params));

describe('readRecentLogs', () => {
  it('says plainly that Loki is not configured', async () => {
    expect(await readRecentLogs(undefined, { query: '{job="api"}' })).toEqual({
      status: 'not-configured',
      hint: expect.stringContaining('LOKI_URL'),
    });
  });

  it('refuses a query that is not a log query, and unknown windows', async () => {
    const fields = async (params: unknown) =>
      ((await readRecentLogs(unreachable, params).catch((e: unknown) => e)) as ValidationError).fields;
    expect(await fields({ query: 'sum(rate({job="api"}[1m]))' })).toEqual({
      query: expect.stringContaining('stream selector'),
    });
    expect(await fields({ query: '{job="api"}', since: '3d' })).toHaveProperty('since');
    expect(await fields({ query: '{job="api"}', limit: '0' })).toHaveProperty('limit');
    await expect(readRecentLogs(unreachable, {})).rejects.toBeInstanceOf(ValidationError);
  });

  it('turns an unreachable Loki into an answer to show, not a failure', async () => {
    const answer = await readRecentLogs(unreachable, { query: '{job="api"}' });
    expect(answer).toMatchObject({ status: 'error', hint: expect.stringContaining('LOKI_URL') });
  });
});
