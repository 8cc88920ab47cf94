import { createServer } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAlertLogs } from '@/lib/alerts/alert-logs';
import { ValidationError } from '@/lib/errors';
import { streamSelectorOf } from './alert-context';
import { alertLogsParamsSchema } from './alert-logs-schema';
import { listenOnLoopback, type RecordingServer, recordRequest } from './test-server';

/**
 * Properties of the alert detail's LogQL box (alert-logs-schema.ts, through readAlertLogs): whatever the
 * user types is either refused with a ValidationError naming `query` and saying what to write, or
 * reaches Loki exactly as typed; nothing else escapes, and no blank, selector-less, unclosed or overlong
 * query is ever sent. Loki here is a stub that records each query_range and answers no lines.
 */

let loki: RecordingServer;

beforeAll(async () => {
  const server = createServer((req, res) => {
    loki.requests.push(recordRequest(req));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'streams', result: [] } }));
  });
  const listening = await listenOnLoopback(server);
  loki = { ...listening, requests: [] };
});
afterAll(() => loki.close());

const alert = { labels: { alertname: 'InstanceDown', job: 'node' }, startsAt: '2026-11-21T08:00:00.000Z' };
const deps = () => ({
  loki: {
    source: 'loki' as const,
    name: 'default',
    baseUrl: loki.url,
    timeoutMs: 2_000,
    configHint: 'LOKI_URL',
  },
  findAlert: async () => alert,
  now: () => Date.parse('2026-11-21T08:10:00Z'),
});

/** What the box promises, written out on its own: the query Vigil may send to Loki. */
const sendable = (q: string) => q.trim() !== '' && q.length <= 5000 && streamSelectorOf(q) !== undefined;

/** Queries near the boundary: selectors, filters, braces, quotes, whitespace, unicode and overlong ones. */
const token = fc.constantFrom(
  '{',
  '}',
  'job="node"',
  'job=`x}`',
  '"',
  '`',
  '\\',
  ' ',
  '\n',
  '\t',
  '|= "error"',
  '|~ "(?i)warn"',
  '| json',
  'sum(rate(',
  '[5m]))',
  ',',
  'é',
  '🪵',
  '\u0000',
);
const query = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(token, { maxLength: 14 }).map((t) => t.join('')),
  fc
    .tuple(
      fc.constantFrom('{job="node"} |= "', ' {job="node"} |= "', '{'),
      fc.integer({ min: 4960, max: 5010 }),
    )
    .map(([head, n]) => `${head}${'a'.repeat(n - head.length - 1)}"`),
);

describe('the LogQL box', () => {
  it('refuses with a field message, or sends the query to Loki exactly as typed', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const before = loki.requests.length;
        let outcome: Awaited<ReturnType<typeof readAlertLogs>> | undefined;
        try {
          outcome = await readAlertLogs(deps(), 'abc', { query: q });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect(Object.keys((error as ValidationError).fields)).toEqual(['query']);
          expect((error as ValidationError).fields.query).toMatch(/e\.g\.|5,000 characters/);
          expect(sendable(q), `refused ${JSON.stringify(q)}`).toBe(false);
          expect(loki.requests.length).toBe(before);
          return;
        }
        expect(sendable(q), `sent ${JSON.stringify(q)}`).toBe(true);
        expect(outcome).toMatchObject({
          status: 'ok',
          query: q,
          selector: streamSelectorOf(q),
          edited: true,
        });
        const sent = loki.requests.slice(before).filter((r) => r.path === '/loki/api/v1/query_range');
        // A query cached from an earlier run with the same text is not sent again; otherwise it is sent as typed.
        for (const r of sent) expect(r.query.query).toBe(q);
      }),
      { numRuns: 1500 },
    );
  });

  it('schema and reference agree on every generated query (no Loki involved)', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(alertLogsParamsSchema.safeParse({ query: q }).success).toBe(sendable(q));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses an unclosed selector before Loki sees it (found by the property above)', async () => {
    const error = await readAlertLogs(deps(), 'abc', { query: '{job="node" |= "error"' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.query).toMatch(/Close the stream selector/);
  });
});
