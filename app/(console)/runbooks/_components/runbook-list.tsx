import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import type { RunbookSummary } from '@/lib/runbooks/api-schema';

const SEVERITY_TONE: Record<string, Tone> = { critical: 'danger', warning: 'warn', info: 'accent' };

/** The runbooks index: one row per runbook with what it covers, who owns it and when it was reviewed. */
export function RunbookList({ runbooks, query }: { runbooks: RunbookSummary[]; query: string }) {
  if (runbooks.length === 0)
    return (
      <Card>
        <p className="text-sm text-muted">
          {query ? `No runbook matches "${query}".` : 'No runbooks yet: add MDX files to runbooks/.'}
        </p>
      </Card>
    );
  return (
    <ul
      className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface"
      data-testid="runbook-list"
    >
      {runbooks.map((r) => (
        <li key={r.slug} className="flex flex-col gap-1 px-4 py-3" data-testid="runbook-item">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={r.url} className="font-medium text-accent hover:underline">
              {r.title}
            </Link>
            <Badge tone={SEVERITY_TONE[r.severity] ?? 'neutral'}>{r.severity}</Badge>
            {r.reviewOverdue ? <Badge tone="warn">review overdue</Badge> : null}
          </div>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
            <span>
              alerts:{' '}
              {r.alerts.length ? <span className="font-mono">{r.alerts.join(', ')}</span> : 'procedure'}
            </span>
            <span>owner: {r.owner}</span>
            {r.services.length ? <span>services: {r.services.join(', ')}</span> : null}
            <span>reviewed {r.lastReviewed}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
