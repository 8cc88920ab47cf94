import { z } from 'zod';

/** The parameters of `GET /api/v1/query`: an instant query, or a range query with start, end and step. */
export const promQueryParamsSchema = z
  .object({
    query: z
      .string()
      .trim()
      .min(1, { error: 'Give a PromQL expression, e.g. up == 0.' })
      .max(20_000)
      .describe('PromQL expression'),
    prometheus: z.string().optional().describe('Prometheus server name (default: the first configured)'),
    time: z.coerce.number().positive().optional().describe('Instant query time, Unix seconds'),
    start: z.coerce.number().positive().optional().describe('Range start, Unix seconds (with end and step)'),
    end: z.coerce.number().positive().optional().describe('Range end, Unix seconds'),
    step: z.coerce
      .number()
      .min(1)
      .max(86_400)
      .optional()
      .describe('Range step, seconds (at most 11,000 points)'),
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
