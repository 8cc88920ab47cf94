import { RE2JS } from 're2js';

/**
 * The replay's rewrite mode (see replay-server.ts): answers log queries for label sets that were
 * never recorded by re-using the recorded streams of real Loki 2.8 lines, relabelled and moved in time.
 * Pure; the replay server does the HTTP.
 *
 * It understands the LogQL that Vigil's log context sends: a stream selector (`=`, `!=`, `=~`, `!~`)
 * followed by line filters (`|=`, `!=`, `|~`, `!~`), with regexes run on RE2 as Loki runs them. Anything
 * else (parsers, label filters, metric queries, regexes RE2 refuses) is not understood, and the replay
 * falls back to its recordings, whose misses are loud 404s, rather than answer something Loki would not.
 */

export type LabelSet = Record<string, string>;

/** A stream as Loki sends it: `{stream: {job: "node"}, values: [["<ns>", "<line>"], …]}`. */
export type WireStream = { stream: LabelSet; values: [string, string][] };

type Matcher = { name: string; op: '=' | '!=' | '=~' | '!~'; value: string };
type LineFilter = { op: '|=' | '!=' | '|~' | '!~'; value: string };

export type SimpleLogQuery = {
  /** Every matcher must hold for a stream's labels (a missing label reads as ""). */
  matches: (labels: LabelSet) => boolean;
  /** Every line filter must hold for a line. */
  keeps: (line: string) => boolean;
};

const GO_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };

/** Reads tokens of the LogQL subset from `text`, tracking the position. */
class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** Consumes the first of `options` found here. */
  take<T extends string>(...options: T[]): T | undefined {
    this.skipSpace();
    const found = options.find((o) => this.text.startsWith(o, this.pos));
    if (found) this.pos += found.length;
    return found;
  }

  name(): string | undefined {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (match) this.pos += match[0].length;
    return match?.[0];
  }

  /** A Go string literal: "…" with the usual escapes (others are not understood), or a raw `…`. */
  string(): string | undefined {
    const open = this.take('"', '`');
    if (!open) return undefined;
    let value = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++] ?? '';
      if (c === open) return value;
      if (c === '\\' && open === '"') {
        const escaped = GO_ESCAPES[this.text[this.pos++] ?? ''];
        if (escaped === undefined) return undefined;
        value += escaped;
      } else value += c;
    }
    return undefined;
  }
}

/**
 * An RE2 pattern compiled as Loki compiles it (Go's regexp): label matchers anchored at both ends, line
 * filters searched anywhere in the line; undefined for what RE2 refuses.
 */
function regexOf(pattern: string, anchored: boolean): RE2JS | undefined {
  try {
    return RE2JS.compile(anchored ? `^(?:${pattern})$` : pattern);
  } catch {
    return undefined;
  }
}

/**
 * @example parseSimpleLogQuery('{job="node",instance=~"127.*"} |~ "(?i)error|warn"')
 *   → matches({job: 'node', instance: '127.0.0.1:9100'}) true, keeps('level=WARN …') true
 * @example parseSimpleLogQuery('{job="node"} | logfmt') → undefined
 */
export function parseSimpleLogQuery(query: string): SimpleLogQuery | undefined {
  const s = new Scanner(query);
  if (!s.take('{')) return undefined;
  const matchers: (Matcher & { test: (v: string) => boolean })[] = [];
  while (!s.take('}')) {
    if (matchers.length > 0 && !s.take(',')) return undefined;
    const name = s.name();
    const op = s.take('=~', '!~', '!=', '=');
    const value = s.string();
    if (!name || !op || value === undefined) return undefined;
    const regex = op.includes('~') ? regexOf(value, true) : undefined;
    if (op.includes('~') && !regex) return undefined;
    const equal = (v: string) => (regex ? regex.test(v) : v === value);
    matchers.push({ name, op, value, test: op.startsWith('!') ? (v) => !equal(v) : equal });
  }
  if (matchers.length === 0) return undefined;
  const filters: (LineFilter & { test: (line: string) => boolean })[] = [];
  while (!s.atEnd()) {
    const op = s.take('|=', '!=', '|~', '!~');
    const value = op && s.string();
    if (!op || value === undefined) return undefined;
    const regex = op.includes('~') ? regexOf(value, false) : undefined;
    if (op.includes('~') && !regex) return undefined;
    const found = (line: string) => (regex ? regex.test(line) : line.includes(value));
    filters.push({ op, value, test: op.startsWith('!') ? (l) => !found(l) : found });
  }
  return {
    matches: (labels) => matchers.every((m) => m.test(labels[m.name] ?? '')),
    keeps: (line) => filters.every((f) => f.test(line)),
  };
}

/**
 * A Loki time parameter as Unix nanoseconds: an integer (seconds up to 10 digits, milliseconds up
 * to 13, nanoseconds beyond, as Loki guesses), a decimal number of seconds, or RFC 3339.
 * @example timeParamNs('1795247574') → 1795247574000000000n
 */
export function timeParamNs(value: string | undefined, fallbackNs: bigint): bigint {
  if (!value) return fallbackNs;
  if (/^\d+$/.test(value)) {
    if (value.length <= 10) return BigInt(value) * 1_000_000_000n;
    if (value.length <= 13) return BigInt(value) * 1_000_000n;
    return BigInt(value);
  }
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value);
  return Number.isFinite(ms) ? BigInt(Math.round(ms)) * 1_000_000n : fallbackNs;
}

// Math.min and Math.max do not take BigInt.
const maxNs = (a: bigint, b: bigint) => (a > b ? a : b);
const minNs = (a: bigint, b: bigint) => (a < b ? a : b);

export type RewriteRequest = {
  query: SimpleLogQuery;
  startNs: bigint;
  endNs: bigint;
  nowNs: bigint;
  limit: number;
  direction: 'backward' | 'forward';
};

/**
 * The streams Loki would answer if it held the recorded lines under each of `labelSets`:
 * 1. Every recorded stream is copied once per label set, its labels overridden by the set's
 *    (`{env: "dev", instance: "web-01:9100", job: "node", level: "warn"}` with `{instance:
 *    "127.0.0.1:9100"}` → `{env: "dev", instance: "127.0.0.1:9100", job: "node", level: "warn"}`).
 * 2. The selector picks among those copies; the line filters pick lines.
 * 3. All lines move by one offset so the newest recorded line lands 1 s before the end of the
 *    requested window (or before now, if the window reaches into the future); lines that fall
 *    outside [start, end) are dropped, as Loki would.
 * 4. The `limit` newest (backward) or oldest (forward) lines over all streams are kept, each stream
 *    ordered in the query's direction, and streams left empty are dropped.
 */
export function rewriteStreams(
  recorded: readonly WireStream[],
  labelSets: readonly LabelSet[],
  request: RewriteRequest,
): WireStream[] {
  const times = recorded.flatMap((s) => s.values.map(([ns]) => BigInt(ns)));
  if (times.length === 0) return [];
  const newest = times.reduce(maxNs);
  const lastNs = minNs(request.endNs, request.nowNs) - 1_000_000_000n;
  const shift = lastNs - newest;

  const seen = new Set<string>();
  const candidates = labelSets.flatMap((set) =>
    recorded.map((s) => ({ stream: { ...s.stream, ...set }, values: s.values })),
  );
  const lines = candidates.flatMap((candidate, index) => {
    const key = JSON.stringify(Object.entries(candidate.stream).sort());
    if (seen.has(key) || !request.query.matches(candidate.stream)) return [];
    seen.add(key);
    return candidate.values.flatMap(([ns, line]) => {
      const at = BigInt(ns) + shift;
      return at >= request.startNs && at < request.endNs && request.query.keeps(line)
        ? [{ index, at, line }]
        : [];
    });
  });
  const forward = request.direction === 'forward';
  lines.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at === forward ? -1 : 1));

  const out = new Map<number, WireStream>();
  for (const { index, at, line } of lines.slice(0, request.limit)) {
    const stream = out.get(index) ?? { stream: candidates[index]?.stream ?? {}, values: [] };
    stream.values.push([at.toString(), line]);
    out.set(index, stream);
  }
  return [...out.values()];
}

/** Loki's sorted, de-duplicated label names or values, e.g. mergeNames(['job', 'env'], ['job']) → ['env', 'job']. */
export function mergeNames(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}
