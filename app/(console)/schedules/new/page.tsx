import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { teamChoices } from '@/lib/teams/access';
import { mayCreate } from '@/lib/teams/team-choices';
import { ScheduleEditor } from '../_components/schedule-editor';

export const metadata = { title: 'New schedule' };

export default async function NewSchedulePage() {
  const actor = await requirePageUser('responder');
  const choices = await teamChoices(actor);
  return (
    <>
      <PageHeader
        title="New schedule"
        description="One layer is a rotation; add layers for business hours or a secondary."
      />
      {mayCreate(choices) ? (
        <ScheduleEditor choices={choices} />
      ) : (
        // Said before the form, not as a 403 after someone filled it in.
        <p className="text-sm" data-testid="no-team-to-schedule">
          A schedule belongs to a team, and only an admin or one of the team&apos;s admins may create it. You
          are not an admin of any team: ask an admin to create the schedule, or to make you an admin of your
          team (<Link href="/teams">Teams</Link>).
        </p>
      )}
    </>
  );
}
