import { notFound } from 'next/navigation';
import { formOf } from '@/components/schedules/schedule-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { NotFoundError } from '@/lib/errors';
import { getSchedule } from '@/lib/schedules/read';
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
        <ScheduleEditor initial={formOf(schedule)} scheduleId={schedule.id} />
      </>
    );
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
