/**
 * Alert → runbook. Pure: the catalog (catalog.ts) supplies the runbooks, the alert index
 * (lib/alerts/alert-items.ts) asks once per alert per snapshot.
 *
 * Order: the alert's `runbook_url` annotation when its last path segment is a known slug (a link to
 * this console, to the file in a repository, or a bare slug), else the runbook whose frontmatter lists
 * the alertname, else none. An annotation naming an unknown runbook (a wiki page, say) falls through
 * to the frontmatter lists.
 */

export type RunbookRef = { slug: string; title: string };

export type RunbookLinks = {
  bySlug: ReadonlyMap<string, RunbookRef>;
  byAlert: ReadonlyMap<string, RunbookRef>;
};

export const NO_RUNBOOKS: RunbookLinks = { bySlug: new Map(), byAlert: new Map() };

/**
 * The lookup tables of a set of runbooks. When two runbooks list the same alert, the first in slug
 * order wins (the unit tests keep the repository's runbooks free of such overlaps).
 */
export function buildRunbookLinks(
  runbooks: readonly { slug: string; title: string; alerts: readonly string[] }[],
): RunbookLinks {
  const bySlug = new Map<string, RunbookRef>();
  const byAlert = new Map<string, RunbookRef>();
  for (const r of [...runbooks].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    const ref = { slug: r.slug, title: r.title };
    bySlug.set(r.slug, ref);
    for (const alert of r.alerts) if (!byAlert.has(alert)) byAlert.set(alert, ref);
  }
  return { bySlug, byAlert };
}

/**
 * The slug a `runbook_url` annotation points at: its last path segment, without `.mdx`/`.md`.
 *
 *   slugOfRunbookUrl('https://vigil.example.com/runbooks/instance-down') → 'instance-down'
 *   slugOfRunbookUrl('https://git.example.com/ops/vigil/blob/main/runbooks/disk-space-low.mdx#top') → 'disk-space-low'
 *   slugOfRunbookUrl('/runbooks/postgresql-down/') → 'postgresql-down'
 *   slugOfRunbookUrl('watchdog') → 'watchdog'
 */
export function slugOfRunbookUrl(url: string): string {
  const path = url.trim().replace(/[?#].*$/, '');
  const segment = path.split('/').filter(Boolean).at(-1) ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape is just not a slug we know.
  }
  return decoded.replace(/\.mdx?$/i, '').toLowerCase();
}

/**
 * The runbook of an alert, or null.
 *
 *   resolveRunbook(links, {alertname: 'InstanceDown'}, {runbook_url: 'https://vigil.example.com/runbooks/instance-down'})
 *     → {slug: 'instance-down', title: 'Instance down'}
 *   resolveRunbook(links, {alertname: 'NobodyWroteThis'}, {}) → null
 */
export function resolveRunbook(
  links: RunbookLinks,
  labels: Readonly<Record<string, string>>,
  annotations: Readonly<Record<string, string>>,
): RunbookRef | null {
  const url = annotations.runbook_url;
  if (url) {
    const bySlug = links.bySlug.get(slugOfRunbookUrl(url));
    if (bySlug) return bySlug;
  }
  const alertname = labels.alertname;
  return (alertname && links.byAlert.get(alertname)) || null;
}

/**
 * The console link of a runbook for one alert: the alert's fingerprint travels along, so the runbook
 * opens with that alert's labels filled in.
 *
 *   runbookLink({slug: 'instance-down', title: 'Instance down'}, '3f1c')
 *     → {slug: 'instance-down', title: 'Instance down', url: '/runbooks/instance-down?alert=3f1c'}
 */
export function runbookLink(ref: RunbookRef | null, fingerprint: string) {
  if (!ref) return null;
  const query = fingerprint ? `?alert=${encodeURIComponent(fingerprint)}` : '';
  return { slug: ref.slug, title: ref.title, url: `/runbooks/${ref.slug}${query}` };
}

/**
 * The runbook link opened for an incident: the runbook then records ticked steps on its timeline.
 *
 *   forIncident({slug: 'instance-down', title: 'Instance down', url: '/runbooks/instance-down?alert=3f1c'}, 'INC-3')
 *     → {…, url: '/runbooks/instance-down?alert=3f1c&incident=INC-3'}
 */
export function forIncident<T extends { url: string }>(link: T, incidentRef: string): T {
  const joiner = link.url.includes('?') ? '&' : '?';
  return { ...link, url: `${link.url}${joiner}incident=${encodeURIComponent(incidentRef)}` };
}

/**
 * The file name a runbook for an alert would have.
 *
 *   suggestedSlug('InstanceDown') → 'instance-down'
 *   suggestedSlug('HighCPUUsage') → 'high-cpu-usage'
 */
export function suggestedSlug(alertname: string): string {
  return alertname
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}
