import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { listTeams } from '@/lib/teams/teams';
import { NewTeam } from './_components/new-team';

export const metadata = { title: 'Teams' };

/** Every team with its size and schedules; admins create teams here. */
export default async function TeamsPage() {
  const actor = await requirePageUser();
  const teams = await listTeams(actor);
  return (
    <>
      <PageHeader
        title="Teams"
        description="A team owns schedules, escalation policies and routes; its admins manage them."
        actions={actor.role === 'admin' ? <NewTeam /> : null}
      />
      {teams.length === 0 ? (
        <p className="text-sm text-muted">No team yet.</p>
      ) : (
        <ul
          className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface"
          data-testid="team-list"
        >
          {teams.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <Link
                href={`/teams/${encodeURIComponent(t.slug)}`}
                className="font-medium text-accent hover:underline"
              >
                {t.name}
              </Link>
              <span className="text-muted">
                {t.memberCount} member{t.memberCount === 1 ? '' : 's'} · {t.scheduleCount} schedule
                {t.scheduleCount === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
