import { ReportsView } from '@/components/reports/reports-view';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { readerZone } from '@/lib/reports/reports';

export const metadata = { title: 'Reports' };

export default async function ReportsPage() {
  const actor = await requirePageUser();
  const zone = await readerZone(actor);
  return (
    <>
      <PageHeader
        title="Reports"
        description="What paged us most, what flaps, how fast we acknowledge: each row links to the history behind it."
      />
      <ReportsView zone={zone} nowMs={Date.now()} />
    </>
  );
}
