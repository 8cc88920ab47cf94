/**
 * The link from a report row to the history behind it (the /history page):
 * `/history?filter=<Prometheus matchers, URI-encoded>&from=<ISO instant>&to=<ISO instant>`. Pure.
 *
 *   historyHref(labelMatchers({alertname: 'HighCPUUsage', instance: 'db-1:9100'}), from, to)
 *     → '/history?filter=%7Balertname%3D%22HighCPUUsage%22%2Cinstance%3D%22db-1%3A9100%22%7D&from=…&to=…'
 *   alertnamesMatcher(['A', 'B.c']) → '{alertname=~"A|B\\\\.c"}'
 */

/** A label value as a PromQL string literal: backslash, double quote and newline escaped. */
function quoted(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}

/** Equality matchers for a label set, alertname first and then by name (how people read them). */
export function labelMatchers(labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels).sort((a, b) =>
    a === 'alertname' ? -1 : b === 'alertname' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${names.map((n) => `${n}=${quoted(labels[n] as string)}`).join(',')}}`;
}

/** Any of these alert names: one equality matcher for one name, a regex alternation for several. */
export function alertnamesMatcher(names: readonly string[]): string {
  if (names.length === 1) return labelMatchers({ alertname: names[0] as string });
  if (names.length === 0) return '{}';
  const alternation = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return `{alertname=~${quoted(alternation)}}`;
}

export function historyHref(matchers: string, fromMs: number, toMs: number): string {
  // An ISO instant holds only characters a query value may carry as they are (digits, - : . T Z).
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  return `/history?filter=${encodeURIComponent(matchers)}&from=${from}&to=${to}`;
}
