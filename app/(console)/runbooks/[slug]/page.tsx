import { notFound } from 'next/navigation';
import { RunbookError } from '@/components/runbooks/callout';
import { runbookComponents } from '@/components/runbooks/mdx-components';
import { Link } from '@/components/ui/link';
import { currentAlertIndex } from '@/lib/alerts/query';
import { alertLabels, firingFor } from '@/lib/alerts/runbooks';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { config } from '@/lib/config/current';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import { findIncident, stepProgress } from '@/lib/incidents/runbook-steps';
import { RunbookCompileError } from '@/lib/runbooks/compile';
import { escalationView } from '@/lib/runbooks/escalation-view';
import { RunbookFormatError } from '@/lib/runbooks/frontmatter';
import { type LoadedRunbook, loadRunbook } from '@/lib/runbooks/load';
import { RunbookContextBar } from '../_components/runbook-context-bar';
import { RunbookHeader } from '../_components/runbook-header';

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return { title: `Runbook ${slug}` };
}

/**
 * One runbook, rendered with the context it was opened in: `?alert=<fingerprint>` fills in the
 * alert's labels, `?incident=<id or INC-n>` stores ticked steps on that incident.
 */
export default async function RunbookPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePageUser();
  const { slug } = await params;
  const query = await searchParams;
  const alertRef = first(query.alert);
  const incidentRef = first(query.incident);

  let runbook: LoadedRunbook | undefined;
  try {
    runbook = await loadRunbook(slug);
  } catch (error) {
    if (!(error instanceof RunbookFormatError || error instanceof RunbookCompileError)) throw error;
    return (
      <div className="mx-auto flex max-w-4xl flex-col gap-3">
        <Link href="/runbooks" className="text-sm text-accent hover:underline">
          ← All runbooks
        </Link>
        <RunbookError>{error.message}</RunbookError>
      </div>
    );
  }
  if (!runbook) notFound();

  const [{ index }, alert, incident] = await Promise.all([
    currentAlertIndex(),
    alertRef ? alertLabels(actor, alertRef) : undefined,
    incidentRef ? findIncident(actor, incidentRef) : null,
  ]);
  const progress = incident ? await stepProgress(actor, incident.id, slug) : {};
  const { escalation, channels } = config();
  const { Content } = runbook;
  const components = runbookComponents({
    slug,
    labels: alert?.labels ?? {},
    incident: incident && { id: incident.id, label: incidentLabel(incident.number) },
    progress,
    canRespond: hasRole(actor.role, 'responder'),
    escalation: escalationView(escalation.levels, channels),
  });

  return (
    <article className="mx-auto flex max-w-4xl flex-col gap-3">
      <Link href="/runbooks" className="text-sm text-accent hover:underline">
        ← All runbooks
      </Link>
      <RunbookHeader runbook={runbook} />
      <RunbookContextBar
        slug={slug}
        alertRef={alertRef}
        alert={alert}
        incidentRef={incidentRef}
        incident={incident}
        firing={firingFor(index.alerts, slug)}
      />
      <div className="rounded-lg border border-border bg-surface p-4" data-testid="runbook-body">
        <Content components={components} />
      </div>
    </article>
  );
}
