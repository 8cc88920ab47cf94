import type { Matcher } from '@/lib/alertmanager/filter-syntax';

/**
 * Which matchers PostgreSQL may evaluate, and which stay with Vigil's RE2 matcher. Only equality with a
 * non-empty value goes down, as one JSON containment (`labels @> '{"job":"node"}'`, served by the GIN
 * jsonb_path_ops index) and, for alertname, the indexed column. Regexes never do: PostgreSQL's regex
 * dialect is not RE2 (different classes, backreferences, no linear-time bound), so a user's pattern
 * could both match differently from Alertmanager and run for minutes in the database. `x=""` stays too:
 * it also matches alerts without the label, which containment cannot say. Pure.
 *
 *   splitMatchers([{name:'alertname', op:'=', value:'HighCPU'}, {name:'instance', op:'=~', value:'db-.*'}])
 *     → {labels: {alertname: 'HighCPU'}, alertname: 'HighCPU', rest: [instance=~"db-.*"]}
 *   splitMatchers([{name:'job', op:'=', value:'a'}, {name:'job', op:'=', value:'b'}])
 *     → {labels: {job: 'a'}, alertname: undefined, rest: [job="b"]}   (the second can only narrow further)
 */
export type PushedDown = {
  /** Labels every firing must carry with exactly these values. */
  labels: Record<string, string>;
  /** The alertname equality, for the (alertname, starts_at) index. */
  alertname: string | undefined;
  /** Matchers evaluated in Vigil on each candidate's labels. */
  rest: Matcher[];
};

export function splitMatchers(matchers: readonly Matcher[]): PushedDown {
  const labels: Record<string, string> = {};
  const rest: Matcher[] = [];
  for (const m of matchers) {
    if (m.op === '=' && m.value !== '' && !Object.hasOwn(labels, m.name)) labels[m.name] = m.value;
    else rest.push(m);
  }
  return { labels, alertname: labels.alertname, rest };
}
