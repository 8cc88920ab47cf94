import { notFound } from 'next/navigation';
import { formOf } from '@/components/schedules/schedule-form';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { NotFoundError } from '@/lib/errors';
import { getSchedule } from '@/lib/schedules/read';
import { teamChoices } from '@/lib/teams/access';
import { ScheduleEditor } from '../../_components/schedule-editor';

export const metadata = { title: 'Edit schedule' };

export default async function EditSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser('responder');
  const { id } = await params;
  try {
    const schedule = await getSchedule(actor, decodeURIComponent(id));
    return (
      <>
        <PageHeader title={`Edit ${schedule.name}`} description="Saving replaces the layers as shown here." />
        {schedule.canManage ? (
          <ScheduleEditor
            initial={formOf(schedule)}
            scheduleId={schedule.id}
            choices={await teamChoices(actor)}
          />
        ) : (
          <p className="text-sm" data-testid="no-team-to-schedule">
            Only an admin{schedule.team ? ` or an admin of ${schedule.team.name}` : ''} may change this
            schedule. Ask one of them; on the{' '}
            <Link href={`/schedules/${encodeURIComponent(schedule.slug)}`}>schedule&apos;s page</Link> you can
            still ask for a swap or cover a shift yourself.
          </p>
        )}
      </>
    );
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
