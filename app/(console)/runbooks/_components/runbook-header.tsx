import { Badge, type Tone } from '@/components/ui/badge';
import { reviewOverdue } from '@/lib/runbooks/listing';
import type { LoadedRunbook } from '@/lib/runbooks/load';

const SEVERITY_TONE: Record<string, Tone> = { critical: 'danger', warning: 'warn', info: 'accent' };

/** Title and frontmatter of a runbook page. */
export function RunbookHeader({ runbook }: { runbook: LoadedRunbook }) {
  const f = runbook.frontmatter;
  return (
    <header className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{f.title}</h1>
        <Badge tone={SEVERITY_TONE[f.severity] ?? 'neutral'}>{f.severity}</Badge>
        {reviewOverdue(f.last_reviewed, new Date()) ? <Badge tone="warn">review overdue</Badge> : null}
      </div>
      <p className="flex flex-wrap gap-x-4 text-xs text-muted">
        <span>
          alerts: {f.alerts.length ? <span className="font-mono">{f.alerts.join(', ')}</span> : 'procedure'}
        </span>
        <span>owner: {f.owner}</span>
        {f.services.length ? <span>services: {f.services.join(', ')}</span> : null}
        <span>reviewed {f.last_reviewed}</span>
        <span className="font-mono">{runbook.file}</span>
      </p>
    </header>
  );
}
