import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { NotFoundError } from '@/lib/errors';
import type { TeamDetail } from '@/lib/teams/team-schemas';
import { getTeam } from '@/lib/teams/teams';
import { TeamMembers } from './_components/team-members';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Team ${decodeURIComponent((await params).id)}` };
}

/** A team: its members and team admins (managed here by admins and team admins), and its schedules. */
export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser();
  let team: TeamDetail;
  try {
    team = await getTeam(actor, decodeURIComponent((await params).id));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={team.name} description={team.description || `Team ${team.slug}`} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={`Members (${team.members.length})`}>
          <TeamMembers teamId={team.id} members={team.members} canManage={team.canManage} />
        </Card>
        <Card title="Schedules">
          {team.schedules.length === 0 ? (
            <p className="text-sm text-muted">None yet.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {team.schedules.map((s) => (
                <li key={s.id}>
                  <Link
                    href={`/schedules/${encodeURIComponent(s.slug)}`}
                    className="text-accent hover:underline"
                  >
                    {s.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {team.channels.length > 0 ? (
            <p className="mt-3 text-sm text-muted">Channels: {team.channels.join(', ')}</p>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
