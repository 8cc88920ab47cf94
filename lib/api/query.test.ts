import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation } from './operation';
import { invalidateAfter, queryKeys } from './query';

const listAlerts = defineOperation({
  method: 'GET',
  path: '/api/v1/alerts',
  role: 'viewer',
  tag: 'alerts',
  summary: 'Alerts',
  query: z.object({ filter: z.string().optional() }),
  response: { schema: z.object({ alerts: z.array(z.string()) }) },
});
const listSilences = defineOperation({ ...listAlerts, path: '/api/v1/silences', tag: 'silences' });
const acknowledge = defineOperation({
  method: 'POST',
  path: '/api/v1/acks',
  role: 'responder',
  tag: 'acknowledgements',
  summary: 'Acknowledge',
  response: { schema: z.object({}) },
  invalidates: ['alerts', 'incidents'],
});

describe('queryKeys', () => {
  it('keys a query by family, operation and input, so equal inputs share one cache entry', () => {
    expect(queryKeys.of(listAlerts, { query: { filter: 'a="b"' } })).toEqual([
      'alerts',
      'GET /api/v1/alerts',
      { query: { filter: 'a="b"' } },
    ]);
    expect(queryKeys.family('alerts')).toEqual(['alerts']);
  });

  it("finds every input's query of one operation, not its family's other operations", () => {
    const client = new QueryClient();
    const preview = defineOperation({ ...listSilences, method: 'POST', path: '/api/v1/silences/preview' });
    client.setQueryData(queryKeys.of(listSilences, { query: { filter: 'a' } }), { alerts: ['a'] });
    client.setQueryData(queryKeys.of(listSilences, {}), { alerts: ['b'] });
    client.setQueryData(queryKeys.of(preview, {}), { alerts: ['c'] });
    const found = client.getQueriesData<{ alerts: string[] }>({
      queryKey: queryKeys.operation(listSilences),
    });
    expect(found.flatMap(([, data]) => data?.alerts ?? []).sort()).toEqual(['a', 'b']);
  });
});

describe('invalidateAfter', () => {
  it("invalidates every query of the mutation's families and nothing else", async () => {
    const client = new QueryClient();
    const alerts = queryKeys.of(listAlerts, { query: { filter: 'x' } });
    const allAlerts = queryKeys.of(listAlerts, {});
    const silences = queryKeys.of(listSilences, {});
    for (const key of [alerts, allAlerts, silences]) client.setQueryData(key, { alerts: [] });
    await invalidateAfter(client, acknowledge);
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(alerts)).toBe(true);
    expect(stale(allAlerts)).toBe(true);
    expect(stale(silences)).toBe(false);
  });
});
