import { z } from 'zod';
import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { cachedInstantQuery, cachedRangeQuery, prometheusServer } from '@/lib/overview/prometheus-queries';
import { parseInput } from '@/lib/validation';

const querySchema = z
  .object({
    query: z.string().trim().min(1, { error: 'Give a PromQL expression, e.g. up == 0.' }).max(20_000),
    prometheus: z.string().optional(),
    time: z.coerce.number().positive().optional(),
    start: z.coerce.number().positive().optional(),
    end: z.coerce.number().positive().optional(),
    step: z.coerce.number().min(1).max(86_400).optional(),
  })
  .refine(
    (q) =>
      (q.start === undefined) === (q.end === undefined) && (q.start === undefined) === (q.step === undefined),
    {
      error:
        'A range query needs start, end and step (unix seconds, seconds); an instant query none of them.',
      path: ['start'],
    },
  )
  .refine(
    (q) =>
      q.start === undefined ||
      q.end === undefined ||
      q.step === undefined ||
      (q.end - q.start) / q.step <= 11_000,
    {
      error: 'Too many points: Prometheus allows at most 11,000 per series; use a larger step.',
      path: ['step'],
    },
  );

/**
 * Authenticated pass-through of Prometheus queries for charts: `?query=…` (instant, optional `time`)
 * or `?query=…&start=…&end=…&step=…` (range), optional `prometheus=<name>`. Answers are cached on the
 * server (see lib/overview/prometheus-queries.ts); a Prometheus error comes back as 502 with its message.
 */
export const GET = route('/api/v1/query', async (request) => {
  await requireActor();
  const q = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  const server = prometheusServer(q.prometheus);
  if (q.start !== undefined && q.end !== undefined && q.step !== undefined) {
    const series = await cachedRangeQuery(server, q.query, {
      start: q.start,
      end: q.end,
      stepSeconds: q.step,
    });
    return { type: 'matrix', series };
  }
  return cachedInstantQuery(server, q.query, q.time);
});
