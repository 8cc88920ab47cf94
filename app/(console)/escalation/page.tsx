import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { teamChoices } from '@/lib/teams/access';
import { PolicyList } from './_components/policy-list';
import { RouteList } from './_components/route-list';
import { RouteTester } from './_components/route-tester';

export const metadata = { title: 'Escalation' };

const TABS = [
  { tab: 'policies', label: 'Policies', href: '/escalation' },
  { tab: 'routes', label: 'Routes', href: '/escalation?tab=routes' },
] as const;

/**
 * Escalation policies (whom to page, in what order, with what waits) and routes (which alerts go to
 * which team and policy), one tab each; tabs are links so each can be shared and Back returns.
 */
export default async function EscalationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser();
  const tab = (await searchParams).tab === 'routes' ? 'routes' : 'policies';
  // What this person may save policies and routes under; none for a viewer, who changes nothing.
  const choices = hasRole(actor.role, 'responder') ? await teamChoices(actor) : null;
  return (
    <>
      <PageHeader
        title="Escalation"
        description="Policies say whom to page and when; routes pick the team and policy for each alert by its labels."
      />
      <nav aria-label="Escalation sections" className="mb-4 flex gap-1 border-b border-border text-sm">
        {TABS.map((t) => (
          <Link
            key={t.tab}
            href={t.href}
            aria-current={t.tab === tab ? 'page' : undefined}
            className={`-mb-px flex min-h-11 items-center border-b-2 px-3 ${t.tab === tab ? 'border-accent font-medium text-fg' : 'border-transparent text-muted hover:text-fg'}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === 'policies' ? (
        <PolicyList choices={choices} />
      ) : (
        <div className="flex flex-col gap-4">
          <RouteTester />
          <RouteList choices={choices} canReorder={hasRole(actor.role, 'admin')} />
        </div>
      )}
    </>
  );
}
