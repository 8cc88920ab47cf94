import { detectLevel, type LogLevel } from './log-level';
import type { LogStream } from './schemas';

/**
 * Log context for an alert, as pure functions: which Loki streams belong to the alert, which window
 * to read, which lines to show first, and where the full query lives. lib/alerts/alert-logs.ts does the reading.
 */

/**
 * The alert labels that name a log source, most telling first. Prometheus sets job and instance on
 * every scraped series; Kubernetes service discovery and the usual promtail/agent pipelines add
 * namespace, pod, container and app; service and host are common hand-set names.
 */
export const SELECTOR_LABELS = [
  'job',
  'instance',
  'namespace',
  'pod',
  'container',
  'app',
  'service',
  'host',
] as const;

/**
 * What Loki knows: every label name from /labels, each with its values from /label/<name>/values,
 * or undefined where the values were not asked for (then only the name is checked).
 */
export type LokiLabelIndex = ReadonlyMap<string, ReadonlySet<string> | undefined>;

/** One alert label considered for the selector, and whether Loki knows it. */
export type LabelCheck = {
  name: string;
  value: string;
  outcome: 'used' | 'unknown-name' | 'unknown-value';
};

/**
 * Each label of `order` that the alert carries (non-empty), checked against what Loki knows.
 * @example checkAlertLabels({alertname: 'InstanceDown', job: 'node', instance: 'db-1:9100'},
 *   new Map([['job', new Set(['node'])], ['env', undefined]]))
 *   → [{name: 'job', value: 'node', outcome: 'used'}, {name: 'instance', value: 'db-1:9100', outcome: 'unknown-name'}]
 */
export function checkAlertLabels(
  alertLabels: Readonly<Record<string, string>>,
  known: LokiLabelIndex,
  order: readonly string[] = SELECTOR_LABELS,
): LabelCheck[] {
  return order.flatMap((name): LabelCheck[] => {
    const value = alertLabels[name];
    // `{x=""}` would match streams WITHOUT x in LogQL, so an empty value is no evidence at all.
    if (!value) return [];
    if (!known.has(name)) return [{ name, value, outcome: 'unknown-name' }];
    const values = known.get(name);
    return [{ name, value, outcome: values && !values.has(value) ? 'unknown-value' : 'used' }];
  });
}

/**
 * A LogQL string literal. Loki's lexer reads it with Go's strconv.Unquote, so backslash and double
 * quote are escaped, and so are newline and carriage return, which a Go string literal cannot hold raw.
 * Examples as the text of the value → the text of the literal:
 * @example db-1:9100 → "db-1:9100"
 * @example C:\logs "x" → "C:\\logs \"x\""
 */
export function quoteLogql(value: string): string {
  const escaped = value.replace(/[\\"\n\r]/g, (c) => ({ '\n': '\\n', '\r': '\\r' })[c] ?? `\\${c}`);
  return `"${escaped}"`;
}

/**
 * The stream selector of the checks Loki knows, in their order; undefined when none is known.
 * @example selectorOf([{name: 'job', value: 'api', outcome: 'used'}, {name: 'pod', value: 'x', outcome: 'unknown-value'}])
 *   → '{job="api"}'
 */
export function selectorOf(checks: readonly LabelCheck[]): string | undefined {
  const used = checks.filter((c) => c.outcome === 'used');
  if (used.length === 0) return undefined;
  return `{${used.map((c) => `${c.name}=${quoteLogql(c.value)}`).join(',')}}`;
}

/**
 * A LogQL stream selector from the alert's labels that Loki knows (names from /labels and, where
 * given, values from /label/<name>/values); undefined when Loki knows none of them, i.e. "no
 * matching streams". Labels Loki lacks are left out rather than failing the whole selector: the
 * result is broader (every instance of the job), and the caller shows the selector so that is visible.
 * @example buildSelector({alertname: 'HighCPU', job: 'api', instance: 'db-1:9100'},
 *   new Map([['job', new Set(['api'])], ['instance', new Set(['db-1:9100'])]]))
 *   → '{job="api",instance="db-1:9100"}'
 * @example buildSelector({alertname: 'Watchdog'}, new Map([['job', undefined]])) → undefined
 */
export function buildSelector(
  alertLabels: Readonly<Record<string, string>>,
  known: LokiLabelIndex,
  order: readonly string[] = SELECTOR_LABELS,
): string | undefined {
  return selectorOf(checkAlertLabels(alertLabels, known, order));
}

/**
 * Why no selector could be built, for "no matching streams" (every check failed, or there was none).
 * @example describeTried([{name: 'job', value: 'x', outcome: 'unknown-value'}, {name: 'pod', value: 'p', outcome: 'unknown-name'}])
 *   → 'job="x" (Loki has no stream with this value), pod="p" (Loki has no label "pod")'
 * @example describeTried([]) → 'the alert has none of the labels job, instance, namespace, pod, container, app, service, host'
 */
export function describeTried(
  checks: readonly LabelCheck[],
  order: readonly string[] = SELECTOR_LABELS,
): string {
  if (checks.length === 0) return `the alert has none of the labels ${order.join(', ')}`;
  return checks
    .map((c) => {
      const why =
        c.outcome === 'unknown-name'
          ? `Loki has no label "${c.name}"`
          : c.outcome === 'unknown-value'
            ? 'Loki has no stream with this value'
            : 'known to Loki';
      return `${c.name}=${quoteLogql(c.value)} (${why})`;
    })
    .join(', ');
}

/** The line filter of the errors-and-warnings view: case-insensitive, anywhere in the line (RE2). */
const PROBLEM_LINE_FILTER = '|~ "(?i)error|warn"';

/**
 * The query for a selector: only lines mentioning an error or warning, or every line.
 * @example logQuery('{job="api"}', {errorsFirst: true}) → '{job="api"} |~ "(?i)error|warn"'
 * @example logQuery('{job="api"}', {errorsFirst: false}) → '{job="api"}'
 */
export function logQuery(selector: string, { errorsFirst }: { errorsFirst: boolean }): string {
  return errorsFirst ? `${selector} ${PROBLEM_LINE_FILTER}` : selector;
}

/**
 * The stream selector that starts a log query (quotes and backticks respected), or undefined.
 * @example streamSelectorOf('{job="a}b"} |= "x"') → '{job="a}b"}'
 * @example streamSelectorOf('sum(rate({job="a"}[1m]))') → undefined
 */
export function streamSelectorOf(query: string): string | undefined {
  const text = query.trimStart();
  if (!text.startsWith('{')) return undefined;
  let quote: string | undefined;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}') return text.slice(0, i + 1);
  }
  return undefined;
}

const BEFORE_START_MS = 15 * 60_000;
const AFTER_START_MS = 5 * 60_000;

export type TimeWindow = { start: Date; end: Date };

/**
 * The window to read around an alert's start: 15 min before to 5 min after, or to `now` when that
 * is earlier. An old alert gets the 20 min around its start, never its whole duration: the lines
 * that explain an alert are those around the moment it began. A start in the future (clock skew
 * between Prometheus and Vigil) is taken as now.
 * @example contextWindow(new Date('2026-11-21T08:00:00Z'), new Date('2026-11-24T09:00:00Z'))
 *   → {start: 2026-11-21T07:45:00Z, end: 2026-11-21T08:05:00Z}
 * @example contextWindow(new Date('2026-11-21T08:00:00Z'), new Date('2026-11-21T08:02:00Z'))
 *   → {start: 2026-11-21T07:45:00Z, end: 2026-11-21T08:02:00Z}
 */
export function contextWindow(startsAt: Date, now: Date): TimeWindow {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(now.getTime()))
    throw new RangeError('contextWindow needs valid dates');
  const anchor = Math.min(startsAt.getTime(), now.getTime());
  return {
    start: new Date(anchor - BEFORE_START_MS),
    end: new Date(Math.min(anchor + AFTER_START_MS, now.getTime())),
  };
}

/** One log line of the context, with the labels of its stream and its detected level (null: none). */
export type ContextEntry = {
  timeMs: number;
  /** Loki's exact nanosecond timestamp; the order of lines within a millisecond. */
  timeNs: string;
  line: string;
  level: LogLevel | null;
  labels: Record<string, string>;
};

/**
 * Compares Unix-nanosecond strings without BigInt: they are decimal integers without leading zeros,
 * so a longer string is a later time and equal lengths compare as text.
 */
function compareNs(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Loki's streams as one list of lines, newest first, each with its level (detectLevel).
 * @example contextEntries([{labels: {job: 'api', level: 'warn'}, entries: [{timeNs: '1700000000000000000', timeMs: 1700000000000, line: 'slow'}]}])
 *   → [{timeMs: 1700000000000, timeNs: '1700000000000000000', line: 'slow', level: 'warn', labels: {job: 'api', level: 'warn'}}]
 */
export function contextEntries(streams: readonly LogStream[]): ContextEntry[] {
  return streams
    .flatMap((s) =>
      s.entries.map((e) => ({
        timeMs: e.timeMs,
        timeNs: e.timeNs,
        line: e.line,
        level: detectLevel(e.line, s.labels) ?? null,
        labels: s.labels,
      })),
    )
    .sort((a, b) => compareNs(b.timeNs, a.timeNs));
}

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 2 };

/**
 * Errors, then warnings, then every other line (info, debug, no level); newest first within each.
 * Returns a new array.
 * @example sortErrorsFirst([{timeNs: '3', level: 'info'}, {timeNs: '1', level: 'error'}, {timeNs: '2', level: 'warn'}, {timeNs: '4', level: 'error'}])
 *   → timeNs 4 (error), 1 (error), 2 (warn), 3 (info)
 */
export function sortErrorsFirst<T extends Pick<ContextEntry, 'timeNs' | 'level'>>(
  entries: readonly T[],
): T[] {
  const rank = (e: T) => (e.level ? RANK[e.level] : 2);
  return [...entries].sort((a, b) => rank(a) - rank(b) || compareNs(b.timeNs, a.timeNs));
}

/** How many lines the "full query" link asks for (Loki's default max_entries_limit_per_query is 5000). */
const FULL_QUERY_LIMIT = 1000;

/**
 * The link to the full query: Vigil's own logs API for the alert with the query, the exact window and
 * a larger limit, e.g.
 * `/api/v1/alerts/3f1c…/logs?query=%7Bjob%3D%22api%22%7D&start=2026-11-21T07%3A45%3A00.000Z&end=…&limit=1000`.
 *
 * Why not a link to Loki: the browser talks only to Vigil (Loki is usually unreachable from there,
 * and its URL and credentials must not be handed out), and Grafana may not exist. This link works
 * with the viewer's session or API token, is shareable (the window is fixed, so it shows the same
 * lines later), and is the URL the UI fetches for "show more". A Grafana Explore link can be added
 * beside it once a Grafana URL is configurable.
 */
export function exploreUrl(
  fingerprint: string,
  query: string,
  window: TimeWindow,
  limit: number = FULL_QUERY_LIMIT,
): string {
  const params = new URLSearchParams({
    query,
    start: window.start.toISOString(),
    end: window.end.toISOString(),
    limit: String(limit),
  });
  return `/api/v1/alerts/${encodeURIComponent(fingerprint)}/logs?${params}`;
}
