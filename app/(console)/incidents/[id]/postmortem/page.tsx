import { notFound } from 'next/navigation';
import { PostmortemEditor } from '@/components/incidents/postmortem-editor';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { pathOf } from '@/lib/api/operation';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { NotFoundError } from '@/lib/errors';
import { formatSeconds } from '@/lib/incidents/incident-metrics';
import { postmortemMarkdownOp } from '@/lib/postmortems/api';
import { actionItemOwners } from '@/lib/postmortems/lists';
import { getPostmortem } from '@/lib/postmortems/postmortems';

export const metadata = { title: 'Post-mortem' };

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser();
  const { id } = await params;
  const pm = await getPostmortem(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const owners = hasRole(actor.role, 'responder') ? await actionItemOwners(actor) : [];
  const ref = pm.incident.ref;
  return (
    <>
      <PageHeader
        title={`Post-mortem ${ref}`}
        description={`${pm.incident.title} · ${pm.incident.severity} · incident ${pm.incident.status} · MTTA ${formatSeconds(pm.incident.mttaSeconds)} · MTTR ${formatSeconds(pm.incident.mttrSeconds)}`}
        actions={
          <div className="flex gap-3 text-sm">
            <Link href="/postmortems" className="text-accent underline">
              All post-mortems
            </Link>
            <a href={pathOf(postmortemMarkdownOp, { id: ref })} download className="text-accent underline">
              Export Markdown
            </a>
          </div>
        }
      />
      <PostmortemEditor initial={pm} userRole={actor.role} owners={owners} />
    </>
  );
}
