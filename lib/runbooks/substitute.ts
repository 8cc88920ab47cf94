/**
 * Alert context in runbooks: `{labels.instance}` placeholders in PromQL/LogQL queries and shell
 * commands are replaced with the firing alert's label values.
 *
 * Why not MDX expressions: `{…}` in MDX prose is JavaScript, and splicing label values into the MDX
 * source before compiling would let a label such as `<img src=x onerror=alert(1)>` become markup.
 * Placeholders therefore live only where MDX keeps text literal — JSX attribute strings
 * (`<PromQL query='up{instance="{labels.instance}"}'/>`) and fenced code blocks — and are replaced
 * here, after compilation, as plain strings that React renders as text. Prose uses the `<Label>`
 * component instead.
 *
 * `{labels.instance|host}` drops a `:port` suffix (for ssh and systemctl on the machine).
 */

export type Labels = Readonly<Record<string, string>>;

/** How a value is written into its surrounding text. */
export type Escape = (value: string) => string;

const PLACEHOLDER = /\{labels\.([A-Za-z_][A-Za-z0-9_]*)(\|host)?\}/g;

/**
 * `host` filter: `db-1:9100` → `db-1`, `[::1]:9100` → `::1`, `http://api:8080/x` → `api`.
 */
export function hostOf(value: string): string {
  if (URL.canParse(value) && /^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    return new URL(value).hostname.replace(/^\[|\]$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1] ?? value;
  return value.replace(/:\d+$/, '');
}

/**
 * Replaces every `{labels.<name>}` whose label is known; unknown ones stay as they are, so the reader
 * sees what to fill in.
 *
 *   substitute('up{instance="{labels.instance}"}', {instance: 'db-1:9100'}) → 'up{instance="db-1:9100"}'
 *   substitute('ssh {labels.instance|host}', {instance: 'db-1:9100'})       → 'ssh db-1'
 *   substitute('df -h {labels.mountpoint}', {})                             → 'df -h {labels.mountpoint}'
 */
export function substitute(template: string, labels: Labels, escapeValue: Escape = (v) => v): string {
  return template.replace(PLACEHOLDER, (whole, name: string, host?: string) => {
    const value = Object.hasOwn(labels, name) ? labels[name] : undefined;
    if (value === undefined) return whole;
    return escapeValue(host ? hostOf(value) : value);
  });
}

/**
 * Label names a template still needs after substitution.
 *
 *   missingLabels('{job="{labels.job}"} |= "{labels.x}"', {job: 'api'}) → ['x']
 */
export function missingLabels(template: string, labels: Labels): string[] {
  const missing = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER))
    if (name && !Object.hasOwn(labels, name)) missing.add(name);
  return [...missing];
}

/**
 * For values inside double-quoted PromQL/LogQL strings: `a"b\c` → `a\"b\\c`, so a label value
 * can end neither the string nor the query.
 */
export const quotedQueryValue: Escape = (value) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * For values in a shell command someone will copy and run: plain words stay as they are, anything
 * else is single-quoted, so `x; rm -rf /` becomes one harmless argument `'x; rm -rf /'`.
 */
export const shellWord: Escape = (value) =>
  /^[A-Za-z0-9_.:/@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * The query a `<PromQL>`/`<LogQL>` runs: the template with the alert's labels, else the `fallback`
 * when labels are missing (the runbook was opened without an alert), else none.
 *
 *   resolveQuery('up{instance="{labels.instance}"}', 'up == 0', {instance: 'db-1'})
 *     → {query: 'up{instance="db-1"}', missing: [], isFallback: false}
 *   resolveQuery('up{instance="{labels.instance}"}', 'up == 0', {}) → {query: 'up == 0', missing: ['instance'], isFallback: true}
 *   resolveQuery('up{instance="{labels.instance}"}', undefined, {}) → {query: null, missing: ['instance'], isFallback: false}
 */
export function resolveQuery(
  template: string,
  fallback: string | undefined,
  labels: Labels,
): { query: string | null; missing: string[]; isFallback: boolean } {
  const missing = missingLabels(template, labels);
  if (missing.length === 0)
    return { query: substitute(template, labels, quotedQueryValue), missing, isFallback: false };
  if (fallback) return { query: substitute(fallback, labels, quotedQueryValue), missing, isFallback: true };
  return { query: null, missing, isFallback: false };
}
