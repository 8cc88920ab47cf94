import { route } from '@/lib/http/route';
import { promQueryOp } from '@/lib/overview/api';
import { cachedInstantQuery, cachedRangeQuery, prometheusServer } from '@/lib/overview/prometheus-queries';

/**
 * Authenticated pass-through of Prometheus queries for charts: `?query=…` (instant, optional `time`)
 * or `?query=…&start=…&end=…&step=…` (range), optional `prometheus=<name>`. Answers are cached on the
 * server (see lib/overview/prometheus-queries.ts); a Prometheus error comes back as 502 with its message.
 * The caller's queries count against their cap (429 beyond `queries.perUserConcurrency`).
 */
export const GET = route(promQueryOp, async ({ query: q }, { actor }) => {
  const server = prometheusServer(q.prometheus);
  if (q.start !== undefined && q.end !== undefined && q.step !== undefined) {
    const series = await cachedRangeQuery(
      server,
      q.query,
      { start: q.start, end: q.end, stepSeconds: q.step },
      actor.id,
    );
    return { type: 'matrix', series };
  }
  return cachedInstantQuery(server, q.query, q.time, actor.id);
});
