import { LocalTime } from '@/components/format/local-time';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requirePageUser } from '@/lib/auth';
import { listPostmortems, openActionItems } from '@/lib/postmortems/lists';
import type { PostmortemStatus } from '@/lib/postmortems/schemas';
import { STATUS_LABELS } from '@/lib/postmortems/status';

export const metadata = { title: 'Post-mortems' };

const TONE: Record<PostmortemStatus, Tone> = { draft: 'neutral', in_review: 'warn', published: 'ok' };

const editorHref = (incident: string) => `/incidents/${encodeURIComponent(incident)}/postmortem`;

export default async function PostmortemsPage() {
  const actor = await requirePageUser();
  const [{ postmortems }, { actionItems }] = await Promise.all([
    listPostmortems(actor),
    openActionItems(actor),
  ]);
  return (
    <>
      <PageHeader
        title="Post-mortems"
        description="One per incident, pre-filled from its timeline; open action items across all of them."
      />
      <div className="flex flex-col gap-4">
        <Card title="Post-mortems">
          <Table
            caption="Post-mortems"
            columns={['Incident', 'Title', 'Status', 'Owner', 'Open items', 'Updated'].map((header) => ({
              header,
            }))}
            rows={postmortems}
            rowKey={(p) => p.id}
            empty="No post-mortem yet. Open one from an incident: /incidents/INC-<n>/postmortem."
            renderRow={(p) => (
              <tr className="border-t border-border" data-testid="postmortem-row">
                <td className="py-1 pr-2 font-mono">
                  <Link href={editorHref(p.incident)} className="text-accent underline">
                    {p.incident}
                  </Link>
                </td>
                <td className="py-1 pr-2">{p.title}</td>
                <td className="py-1 pr-2">
                  <Badge tone={TONE[p.status]}>{STATUS_LABELS[p.status]}</Badge>
                </td>
                <td className="py-1 pr-2">{p.owner}</td>
                <td className="py-1 pr-2">{p.openActionItems}</td>
                <td className="py-1 font-mono text-xs text-muted">
                  <LocalTime at={p.updatedAt} precision="day" />
                </td>
              </tr>
            )}
          />
        </Card>
        <Card title="Open action items">
          <Table
            caption="Open action items"
            columns={['Action', 'Owner', 'Due', 'Incident'].map((header) => ({ header }))}
            rows={actionItems}
            rowKey={(a) => a.id}
            empty="No open action items."
            renderRow={(a) => (
              <tr className="border-t border-border" data-testid="open-action-item">
                <td className="py-1 pr-2">{a.title}</td>
                <td className="py-1 pr-2">{a.owner ?? 'No owner'}</td>
                <td className="py-1 pr-2">
                  {a.dueDate ?? '—'} {a.overdue ? <Badge tone="danger">overdue</Badge> : null}
                </td>
                <td className="py-1">
                  <Link href={editorHref(a.incident)} className="text-accent underline">
                    {a.incident}
                  </Link>{' '}
                  <span className="text-muted">{a.incidentTitle}</span>
                </td>
              </tr>
            )}
          />
        </Card>
      </div>
    </>
  );
}
