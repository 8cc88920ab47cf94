import { LocalTime } from '@/components/format/local-time';
import { Badge, type Tone } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import { Table } from '@/components/ui/table';
import { type Acknowledgement, ackWayText } from '@/lib/incidents/acknowledgement';
import type { PageDelivery } from '@/lib/incidents/incident-schemas';

const STATE: Record<PageDelivery['status'], { label: string; tone: Tone }> = {
  pending: { label: 'queued', tone: 'neutral' },
  sent: { label: 'sent', tone: 'ok' },
  failed: { label: 'failed, retrying', tone: 'warn' },
  dead: { label: 'failed', tone: 'danger' },
  cancelled: { label: 'cancelled', tone: 'neutral' },
};

const WHY: Record<PageDelivery['kind'], (p: PageDelivery) => string> = {
  page: (p) => (p.level === null ? 'page' : `L${p.level} page`),
  followup: () => 'follow-up',
  reminder: () => 'reminder',
};

const methodName = (method: string) => (method === 'email' ? 'e-mail' : method);

/**
 * Whom Vigil tried to reach for this incident and whether it got through: one row per page, follow-up
 * or reminder to a person, with its delivery state and last error (each attempt is on the timeline),
 * under who acknowledged it and how ("via push notification"), which is what ended the paging.
 */
export function PageDeliveries({
  pages,
  acknowledgement,
}: {
  pages: readonly PageDelivery[];
  acknowledgement: Acknowledgement | null;
}) {
  return (
    <div className="flex flex-col gap-3">
      {acknowledgement ? (
        <p data-testid="incident-acknowledgement" className="text-sm">
          <Badge tone="ok">acknowledged</Badge>{' '}
          {acknowledgement.by ? (
            <>
              by{' '}
              <Link href={`/people/${acknowledgement.by.id}`} className="text-accent hover:underline">
                {acknowledgement.by.name}
              </Link>{' '}
            </>
          ) : null}
          {ackWayText(acknowledgement.via)} at <LocalTime at={acknowledgement.at} />
        </p>
      ) : null}
      <PageTable pages={pages} />
    </div>
  );
}

function PageTable({ pages }: { pages: readonly PageDelivery[] }) {
  return (
    <Table
      caption="People paged"
      testId="page-deliveries"
      columns={[
        { header: 'Person' },
        { header: 'Method' },
        { header: 'For' },
        { header: 'State' },
        { header: 'When' },
        { header: 'Last error' },
      ]}
      rows={pages}
      rowKey={(p) => p.id}
      empty="Nobody has been paged for this incident."
      renderRow={(p) => (
        <tr data-testid="page-delivery">
          <td>
            <Link href={`/people/${p.person.id}`} className="text-accent hover:underline">
              {p.person.name}
            </Link>
          </td>
          <td>{methodName(p.method)}</td>
          <td>{WHY[p.kind](p)}</td>
          <td>
            <Badge tone={STATE[p.status].tone}>{STATE[p.status].label}</Badge>
            {p.attempts > 1 ? <span className="ml-1 text-xs text-muted">{p.attempts} attempts</span> : null}
          </td>
          <td>
            <LocalTime at={p.at} />
          </td>
          <td className="max-w-64 break-words text-muted">{p.lastError ?? ''}</td>
        </tr>
      )}
    />
  );
}
