import { type Summary, summarise } from './stats';
import { weekFinder } from './weeks';

/**
 * Time to acknowledge and to resolve, grouped by a key (a route, a team, an alert name) and by week.
 * Pure. A sample is one incident (opened → acknowledged / resolved) or one firing (fired → first
 * acknowledgement); it belongs to the week it started in, and one still unacknowledged (or unresolved)
 * counts in `count` but not in that percentile — an open question is not a fast answer. Samples in
 * time order are fastest (see weekFinder).
 *
 *   responseTimes([{key: 'db', startMs: Mon 09:00, ackSeconds: 60, resolveSeconds: 600}, …], 'UTC')
 *     → [{key: 'db', total: {count, ack: {p50, p90}, resolve: {…}}, weekly: Map(week → same)}]
 */

export type ResponseSample = {
  key: string;
  startMs: number;
  ackSeconds: number | null;
  resolveSeconds: number | null;
  /** The alert behind the sample, so a row can link to its history. */
  alertname: string | null;
};

type ResponseStats = { count: number; ack: Summary; resolve: Summary };

export type ResponseGroup = {
  key: string;
  total: ResponseStats;
  weekly: Map<string, ResponseStats>;
  alertnames: string[];
};

type Acc = { count: number; ack: number[]; resolve: number[] };

const empty = (): Acc => ({ count: 0, ack: [], resolve: [] });

function add(acc: Acc, s: ResponseSample) {
  acc.count++;
  if (s.ackSeconds !== null) acc.ack.push(s.ackSeconds);
  if (s.resolveSeconds !== null) acc.resolve.push(s.resolveSeconds);
}

const stats = (acc: Acc): ResponseStats => ({
  count: acc.count,
  ack: summarise(acc.ack),
  resolve: summarise(acc.resolve),
});

/** The groups, most samples first (ties by key). */
export function responseTimes(samples: Iterable<ResponseSample>, zone: string): ResponseGroup[] {
  const groups = new Map<string, { total: Acc; weekly: Map<string, Acc>; alertnames: Set<string> }>();
  const weekOf = weekFinder(zone);
  for (const s of samples) {
    let g = groups.get(s.key);
    if (!g) {
      g = { total: empty(), weekly: new Map(), alertnames: new Set() };
      groups.set(s.key, g);
    }
    add(g.total, s);
    const week = weekOf(s.startMs);
    let w = g.weekly.get(week);
    if (!w) {
      w = empty();
      g.weekly.set(week, w);
    }
    add(w, s);
    if (s.alertname) g.alertnames.add(s.alertname);
  }
  return [...groups]
    .map(([key, g]) => ({
      key,
      total: stats(g.total),
      weekly: new Map([...g.weekly].map(([week, acc]) => [week, stats(acc)])),
      alertnames: [...g.alertnames].sort(),
    }))
    .sort((a, b) => b.total.count - a.total.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
