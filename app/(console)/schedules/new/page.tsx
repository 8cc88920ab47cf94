import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { ScheduleEditor } from '../_components/schedule-editor';

export const metadata = { title: 'New schedule' };

export default async function NewSchedulePage() {
  await requirePageUser('responder');
  return (
    <>
      <PageHeader
        title="New schedule"
        description="One layer is a rotation; add layers for business hours or a secondary."
      />
      <ScheduleEditor />
    </>
  );
}
