import 'server-only';
import type { IndexedAlert } from '@/lib/alerts/alert-items';
import { currentAlertIndex } from '@/lib/alerts/query';
import { type Actor, assertRole } from '@/lib/auth';
import { NotFoundError } from '@/lib/errors';
import type { RunbookDetail, RunbookSummary } from '@/lib/runbooks/api-schema';
import { runbookCatalog } from '@/lib/runbooks/catalog';
import { RunbookCompileError } from '@/lib/runbooks/compile';
import { type RunbookMeta, reviewOverdue, searchRunbooks, uncoveredAlerts } from '@/lib/runbooks/listing';
import { type LoadedRunbook, loadRunbook } from '@/lib/runbooks/load';

/**
 * The runbooks data layer for pages and routes: the index with search and the to-do list of uncovered
 * alerts, one runbook with the alerts it covers that fire now, and an alert's labels for placeholders.
 * It joins runbooks with the current alerts, so it lives here, above lib/runbooks: alerts carry their
 * runbook links (lib/runbooks/link.ts), so lib/runbooks cannot import the alerts.
 */

function summaryOf(meta: RunbookMeta, now: Date = new Date()): RunbookSummary {
  const { text: _, ...rest } = meta;
  return { ...rest, reviewOverdue: reviewOverdue(meta.lastReviewed, now), url: `/runbooks/${meta.slug}` };
}

/** Firing alerts (every cluster) that link to this runbook. */
export function firingFor(alerts: readonly IndexedAlert[], slug: string) {
  return alerts
    .filter((a) => a.item.runbook?.slug === slug && a.item.state !== 'unprocessed')
    .map(({ item }) => ({
      fingerprint: item.fingerprint,
      cluster: item.cluster,
      alertname: item.alertname,
      labels: item.labels,
      startsAt: item.startsAt,
    }));
}

/** `GET /api/v1/runbooks` and the index page. */
export async function listRunbooks(actor: Actor, query = '') {
  assertRole(actor, 'viewer');
  const catalog = runbookCatalog();
  const { index } = await currentAlertIndex();
  const now = new Date();
  return {
    runbooks: searchRunbooks(catalog.runbooks, query).map((r) => summaryOf(r, now)),
    problems: catalog.problems,
    uncoveredAlerts: uncoveredAlerts(index.alerts.map((a) => a.item)),
  };
}

/** `GET /api/v1/runbooks/{slug}`: metadata, steps, the MDX source and the covered alerts firing now. */
export async function runbookDetail(actor: Actor, slug: string): Promise<RunbookDetail> {
  assertRole(actor, 'viewer');
  const catalog = runbookCatalog();
  const meta = catalog.runbooks.find((r) => r.slug === slug);
  const problem = catalog.problems.find((p) => p.file === `runbooks/${slug}.mdx`);
  if (problem) throw new NotFoundError(`This runbook cannot be used: ${problem.message}`);
  let runbook: LoadedRunbook | undefined;
  try {
    runbook = meta && (await loadRunbook(slug));
  } catch (error) {
    if (error instanceof RunbookCompileError)
      throw new NotFoundError(`This runbook cannot be used: ${error.message}`);
    throw error;
  }
  if (!meta || !runbook) throw new NotFoundError(`There is no runbook "${slug}" (runbooks/${slug}.mdx).`);
  const { index } = await currentAlertIndex();
  return {
    ...summaryOf(meta),
    steps: runbook.steps,
    source: runbook.source,
    firing: firingFor(index.alerts, slug),
  };
}

/** The labels of the alert with this fingerprint in any cluster, or undefined when none holds it. */
export async function alertLabels(
  actor: Actor,
  fingerprint: string,
): Promise<{ alertname: string; labels: Record<string, string> } | undefined> {
  assertRole(actor, 'viewer');
  const { index } = await currentAlertIndex();
  for (const alerts of index.byFingerprint().values()) {
    const found = alerts.get(fingerprint);
    if (found) return { alertname: found.item.alertname, labels: found.item.labels };
  }
  return undefined;
}
