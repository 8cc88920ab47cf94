import { z } from 'zod';
import { MatcherSyntaxError, parseFilterSyntax } from '@/lib/alertmanager/filter-syntax';

// Client-safe: the history page builds its links and calls from these.

/** The range searched when none is given: the last 7 days. */
const DEFAULT_RANGE_DAYS = 7;
/** The widest range one search covers: a year of retention and a little more. */
const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 time, e.g. 2026-12-01T00:00:00Z',
});

export const historyQuerySchema = z
  .object({
    /** Prometheus matchers, e.g. `{alertname="HighCPUUsage", instance=~"db-.*"}`; empty for every alert. */
    filter: z.string().max(2000).default(''),
    from: instant.optional(),
    to: instant.optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine((query, ctx) => {
    const problem = filterProblem(query.filter);
    if (problem) ctx.addIssue({ code: 'custom', path: ['filter'], message: problem });
    const range = historyRange(query, new Date());
    if (range.from > range.to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before `to`' });
    else if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * DAY_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `the range is longer than ${MAX_RANGE_DAYS} days; search a shorter one`,
      });
  });
export type HistoryQuery = z.output<typeof historyQuerySchema>;

/**
 * The filter's syntax problem, or undefined. History searches labels only: free words (which the alerts
 * list matches against summaries) are refused rather than ignored. Regexes are checked by RE2 on the
 * server (parseFilter), which the browser does not load.
 *
 *   filterProblem('{alertname="X", instance=~"db-.*"}') → undefined
 *   filterProblem('disk') → 'free text ("disk") is not searched here; use label matchers such as alertname="disk"'
 */
export function filterProblem(filter: string): string | undefined {
  try {
    const { text } = parseFilterSyntax(filter);
    if (text.length > 0)
      return `free text ("${text[0]}") is not searched here; use label matchers such as alertname="${text[0]}"`;
    return undefined;
  } catch (error) {
    if (error instanceof MatcherSyntaxError) return error.message;
    throw error;
  }
}

/**
 * The range a query asks for: `to` defaults to now, `from` to 7 days before `to`. Pure.
 *
 *   historyRange({}, 2026-12-08T00:00Z) → {from: 2026-12-01T00:00Z, to: 2026-12-08T00:00Z}
 */
export function historyRange(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  return { from, to };
}

const userAtSchema = z.object({ name: z.string(), at: z.string() });

const historyFiringSchema = z.object({
  fingerprint: z.string(),
  cluster: z.string(),
  alertname: z.string(),
  labels: z.record(z.string(), z.string()),
  startsAt: z.string(),
  /** null while firing. */
  endsAt: z.string().nullable(),
  /** To endsAt, or to now while firing; null when a resolution carried no end. */
  durationSeconds: z.number().nullable(),
  status: z.enum(['firing', 'resolved']),
  /** Who acknowledged this firing in Vigil, and when. */
  acknowledgedBy: z.array(userAtSchema),
  /** Silences made through Vigil that covered it: its acknowledgement's, and any whose matchers match. */
  silences: z.array(
    z.object({
      id: z.string(),
      matchers: z.string(),
      createdBy: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
  ),
  incidents: z.array(z.object({ ref: z.string(), title: z.string(), status: z.string() })),
});
export type HistoryFiring = z.infer<typeof historyFiringSchema>;

export const historyResponseSchema = z.object({
  firings: z.array(historyFiringSchema),
  /** Pass as `cursor` for the next page; null when nothing follows. */
  nextCursor: z.string().nullable(),
  /**
   * True when the search stopped at its bound of events read before filling the page (regex or negative
   * matchers that few firings match): continue with nextCursor.
   */
  partial: z.boolean(),
  /** Events read for this page. */
  scanned: z.number().int(),
  range: z.object({ from: z.string(), to: z.string() }),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
