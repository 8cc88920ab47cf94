import 'server-only';
import { db } from '@/lib/db';
import { runbookLinks } from '@/lib/runbooks/catalog';
import { forIncident, resolveRunbook, runbookLink } from '@/lib/runbooks/link';

type LinkedAlert = { fingerprint: string; labels: Readonly<Record<string, string>> };
type RunbookOfAlert = { slug: string; title: string; url: string };

/**
 * The runbook of each of an incident's alerts, opened for the incident and the alert: from the incident
 * page, ticked steps land on its timeline. An alert's `runbook_url` annotation is read from its latest
 * stored firing (the incident keeps only labels), so the link is the same as in the alerts view even
 * after the alert left Alertmanager; an alert never stored falls back to the runbooks' `alerts:` lists.
 */
export async function alertRunbooks(
  alerts: readonly LinkedAlert[],
  incidentRef: string,
): Promise<(RunbookOfAlert | null)[]> {
  const links = runbookLinks();
  if (alerts.length === 0 || links.bySlug.size === 0) return alerts.map(() => null);
  // DISTINCT ON the unique (fingerprint, starts_at, status) index: one row per alert, its latest firing.
  const rows = await db().$queryRaw<{ fingerprint: string; runbook_url: string | null }[]>`
    SELECT DISTINCT ON (fingerprint) fingerprint, annotations->>'runbook_url' AS runbook_url
    FROM alert_events
    WHERE fingerprint = ANY(${alerts.map((a) => a.fingerprint)}::text[])
    ORDER BY fingerprint, starts_at DESC`;
  const urls = new Map(rows.map((r) => [r.fingerprint, r.runbook_url]));
  return alerts.map((a) => {
    const url = urls.get(a.fingerprint);
    const link = runbookLink(resolveRunbook(links, a.labels, url ? { runbook_url: url } : {}), a.fingerprint);
    return link && forIncident(link, incidentRef);
  });
}
