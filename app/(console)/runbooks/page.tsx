import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { listRunbooks } from '@/lib/alerts/runbooks';
import { requirePageUser } from '@/lib/auth';
import { suggestedSlug } from '@/lib/runbooks/link';
import { RunbookList } from './_components/runbook-list';

export const metadata = { title: 'Runbooks' };

export default async function RunbooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? '';
  const { runbooks, problems, uncoveredAlerts } = await listRunbooks(actor, q);

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Runbooks"
        description="What to do for each alert, step by step. Files in runbooks/; reviewed every 90 days."
      />
      <form method="get" className="flex max-w-xl gap-2">
        <label htmlFor="runbook-search" className="sr-only">
          Search runbooks
        </label>
        <Input id="runbook-search" name="q" defaultValue={q} placeholder="Title, alert name, owner or text" />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>

      {problems.length ? (
        <Card title="Runbooks that cannot be used">
          <ul className="flex flex-col gap-1 text-sm text-danger" data-testid="runbook-problems">
            {problems.map((p) => (
              <li key={p.file}>{p.message}</li>
            ))}
          </ul>
        </Card>
      ) : null}

      {uncoveredAlerts.length ? (
        <Card title="Firing now without a runbook">
          <ul className="flex flex-col gap-1 text-sm" data-testid="uncovered-alerts">
            {uncoveredAlerts.map((a) => (
              <li key={a.alertname}>
                <Link className="text-accent hover:underline" href={`/alerts/${a.fingerprint}`}>
                  {a.alertname}
                </Link>{' '}
                <span className="text-muted">
                  ({a.count} firing) — add{' '}
                  <code className="font-mono">runbooks/{suggestedSlug(a.alertname)}.mdx</code> with{' '}
                  <code className="font-mono">alerts: [{a.alertname}]</code>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <RunbookList runbooks={runbooks} query={q} />
    </div>
  );
}
