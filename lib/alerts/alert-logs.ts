import 'server-only';
import { config } from '@/lib/config/current';
import { env } from '@/lib/env';
import { NotFoundError, UpstreamError } from '@/lib/errors';
import {
  checkAlertLabels,
  contextEntries,
  contextWindow,
  describeTried,
  exploreUrl,
  type LabelCheck,
  type LokiLabelIndex,
  logQuery,
  SELECTOR_LABELS,
  selectorOf,
  sortErrorsFirst,
  streamSelectorOf,
  type TimeWindow,
} from '@/lib/loki/alert-context';
import { type AlertLogs, type AlertLogsParams, alertLogsParamsSchema } from '@/lib/loki/alert-logs-schema';
import { getLabels, getLabelValues, queryRange, type TimeRange } from '@/lib/loki/client';
import type { LokiQueryResult } from '@/lib/loki/schemas';
import { sources } from '@/lib/snapshots/sources';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { SharedCache } from '@/lib/upstreams/shared-cache';
import { lokiTarget } from '@/lib/upstreams/targets';
import { parseInput } from '@/lib/validation';

/**
 * The log context of one alert (the alert detail's "Logs" panel). Server-only: it reads the alert from
 * the snapshots and asks Loki, and only plain results leave it. A failing or refusing Loki is a state
 * to show (`status: 'error'` with Loki's message and what to do), never a 500.
 *
 * Upstream cost: label names and values are cached per process for 60 s, queries for 10 s keyed by
 * query + window + limit, and concurrent callers share one in-flight request; "now" is rounded up to
 * 10 s so that every console opening the same young alert asks for the same window. Many consoles
 * opening one alert therefore cost one /labels, one /label/<n>/values per label and one query_range.
 */

const LABELS_TTL_MS = 60_000;
const QUERY_TTL_MS = 10_000;
const HOUR_MS = 3600_000;

/** What alert-logs needs to know about the alert. */
export type AlertRef = { labels: Record<string, string>; startsAt: string };

export type AlertLogsDeps = {
  /** Loki, or undefined when it is not configured. */
  loki: UpstreamTarget | undefined;
  /** Loki is the built-in replay of recorded answers (VIGIL_LOKI_REPLAY): the answer says so. */
  replay?: boolean;
  /** The alert with this fingerprint, or undefined when no snapshot holds it. */
  findAlert: (fingerprint: string) => Promise<AlertRef | undefined>;
  /** Injected in tests. */
  now?: () => number;
  /** Alert labels to match against Loki, most telling first (default SELECTOR_LABELS). */
  selectorLabels?: readonly string[];
};

type Caches = { labels: SharedCache<string[]>; queries: SharedCache<LokiQueryResult> };
const KEY = Symbol.for('vigil.loki-alert-logs');
const store = globalThis as unknown as Record<symbol, Caches | undefined>;

function caches(): Caches {
  store[KEY] ??= {
    // Bounded by bytes too: a burst of long log lines must not hold the process's memory.
    labels: new SharedCache({ maxEntries: 1000, maxBytes: 4 * 1024 * 1024, maxInflight: 64 }),
    queries: new SharedCache({ maxEntries: 200, maxBytes: 32 * 1024 * 1024, maxInflight: 64 }),
  };
  return store[KEY];
}

/** Cache keys name the Loki and the tenant: two tenants of one Loki see different streams. */
const lokiKey = (loki: UpstreamTarget) => `${loki.baseUrl}|${loki.headers?.['X-Scope-OrgID'] ?? ''}`;

/**
 * The range label names and values are read for: the window widened to whole hours, so alerts that
 * started within the same hours share one cached answer. A stream that exists in those hours but not
 * in the window only leads to an empty (not a wrong) result.
 */
function labelRange(window: TimeWindow): Required<TimeRange> {
  return {
    start: new Date(Math.floor(window.start.getTime() / HOUR_MS) * HOUR_MS),
    end: new Date(Math.ceil(window.end.getTime() / HOUR_MS) * HOUR_MS),
  };
}

/** Loki's label names, with the values of those the alert could be matched on. */
async function lokiLabelIndex(
  loki: UpstreamTarget,
  alertLabels: Record<string, string>,
  order: readonly string[],
  window: TimeWindow,
): Promise<LokiLabelIndex> {
  const range = labelRange(window);
  const base = `${lokiKey(loki)}|${range.start.getTime()}|${range.end.getTime()}`;
  const cache = caches().labels;
  const names = await cache.get(`${base}|labels`, LABELS_TTL_MS, () => getLabels(loki, range));
  const wanted = order.filter((name) => alertLabels[name] && names.includes(name));
  const values = await Promise.all(
    wanted.map((name) =>
      cache.get(`${base}|values|${name}`, LABELS_TTL_MS, () => getLabelValues(loki, name, range)),
    ),
  );
  const index = new Map<string, ReadonlySet<string> | undefined>(names.map((n) => [n, undefined]));
  wanted.forEach((name, i) => {
    index.set(name, new Set(values[i]));
  });
  return index;
}

function cachedQuery(loki: UpstreamTarget, query: string, window: TimeWindow, limit: number) {
  const key = `${lokiKey(loki)}|${window.start.getTime()}|${window.end.getTime()}|${limit}|${query}`;
  return caches().queries.get(key, QUERY_TTL_MS, () =>
    queryRange(loki, { query, ...window, limit, direction: 'backward' }),
  );
}

const LOGQL_HINT =
  'Loki refused the query as shown. Correct it in the LogQL box and run it again ' +
  '(LogQL: https://grafana.com/docs/loki/latest/query/).';

/**
 * A Loki failure as a state to show. A 400 is Loki refusing the query (a LogQL syntax error, a limit):
 * its plain-text body is the message, verbatim, without the "Loki answered 400: " that http.ts puts
 * before it (client.ts keeps up to 300 characters, enough for Loki's parse errors).
 */
function lokiFailure(error: UpstreamError, query: string | null): AlertLogs {
  if (error.upstreamStatus === 400)
    return {
      status: 'error',
      message: error.message.replace(/^Loki answered 400: /, ''),
      hint: LOGQL_HINT,
      query,
    };
  return { status: 'error', message: error.message, hint: error.hint, query };
}

const roundUp = (ms: number, step: number) => Math.ceil(ms / step) * step;

const isoWindow = (w: TimeWindow) => ({ start: w.start.toISOString(), end: w.end.toISOString() });

/**
 * The log context of an alert, given its Loki and where to find alerts (tests pass their own; the
 * app uses alertLogs below). Throws NotFoundError for an unknown fingerprint and ValidationError for
 * bad parameters; everything Loki does wrong comes back as `status: 'error'`.
 */
export async function readAlertLogs(
  deps: AlertLogsDeps,
  fingerprint: string,
  params: AlertLogsParams = {},
): Promise<AlertLogs> {
  const input = parseInput(alertLogsParamsSchema, params);
  const alert = await deps.findAlert(fingerprint);
  if (!alert)
    throw new NotFoundError(
      `No alert with fingerprint ${fingerprint} in the current snapshot of any Alertmanager; it may have resolved.`,
    );
  const { loki } = deps;
  if (!loki)
    return {
      status: 'not-configured',
      hint: 'Set LOKI_URL (and LOKI_TENANT for a multi-tenant Loki), or loki: in VIGIL_CONFIG, to see logs here.',
    };

  const now = new Date(roundUp(deps.now?.() ?? Date.now(), QUERY_TTL_MS));
  const window =
    input.start && input.end
      ? { start: new Date(input.start), end: new Date(input.end) }
      : contextWindow(new Date(alert.startsAt), now);
  const order = deps.selectorLabels ?? SELECTOR_LABELS;

  let query: string | null = input.query ?? null;
  try {
    let selector: string | undefined;
    let labelChecks: LabelCheck[] = [];
    if (query) selector = streamSelectorOf(query);
    else {
      labelChecks = checkAlertLabels(
        alert.labels,
        await lokiLabelIndex(loki, alert.labels, order, window),
        order,
      );
      selector = selectorOf(labelChecks);
      if (!selector)
        return { status: 'no-streams', tried: describeTried(labelChecks, order), window: isoWindow(window) };
      query = logQuery(selector, { errorsFirst: true });
    }

    const result = await cachedQuery(loki, query, window, input.limit);
    if (result.type !== 'streams')
      return {
        status: 'error',
        message: `The query returned a ${result.type}, not log lines.`,
        hint: 'Write a log query: a stream selector with optional filters, e.g. {job="node"} |= "error".',
        query,
      };
    const byTime = contextEntries(result.streams);
    return {
      status: 'ok',
      query,
      selector: selector ?? null,
      edited: input.query !== undefined,
      labelChecks,
      window: isoWindow(window),
      entries: input.order === 'errors-first' ? sortErrorsFirst(byTime) : byTime,
      // Loki stops at `limit` lines over all streams (the newest, as the direction is backward).
      truncated: byTime.length >= input.limit,
      fullQueryUrl: exploreUrl(fingerprint, query, window),
      replay: deps.replay ?? false,
    };
  } catch (error) {
    if (error instanceof UpstreamError) return lokiFailure(error, query);
    throw error;
  }
}

/**
 * The alert as the snapshots hold it. A fingerprint is a hash of the labels, so two clusters holding
 * it hold the same alert: the earliest start wins, as when merging HA peers.
 */
async function alertFromSnapshots(fingerprint: string): Promise<AlertRef | undefined> {
  const views = await Promise.all([...sources().clusters.values()].map((s) => s.get()));
  const found = views.flatMap((v) => v.data?.alerts.filter((a) => a.fingerprint === fingerprint) ?? []);
  return found.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/**
 * The log context of an alert of this server's snapshots, from this server's Loki.
 * @example await alertLogs('3f1c2d…', {}) → {status: 'ok', query: '{job="node",instance="db-1:9100"} |~ "(?i)error|warn"', entries: […], …}
 * @example await alertLogs('3f1c2d…', {query: '{job="node"} |= '}) → {status: 'error', message: 'parse error at line 1, col 17: …', hint, query}
 */
export function alertLogs(fingerprint: string, params: AlertLogsParams = {}): Promise<AlertLogs> {
  const loki = config().loki;
  return readAlertLogs(
    { loki: loki && lokiTarget(loki), replay: env().VIGIL_LOKI_REPLAY, findAlert: alertFromSnapshots },
    fingerprint,
    params,
  );
}
